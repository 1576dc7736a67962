//! Prints the full report of every `.html` file of a folder (passed outcomes included), one
//! JSON line per page in path order: run it before and after an engine change and compare
//! the outputs byte for byte, to show that a refactor changed no outcome.
//!
//! ```text
//! cargo run --release -p frontdesk-core --example dump_outcomes -- ../shared/bench-corpus > after.jsonl
//! cmp before.jsonl after.jsonl
//! ```

use frontdesk_core::{audit, Options};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dump_outcomes <folder>");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect(),
        Err(e) => {
            eprintln!("dump_outcomes: cannot read '{dir}': {e}");
            std::process::exit(2);
        }
    };
    paths.sort();
    let options = Options::default().with_passed(true);
    for path in paths {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("dump_outcomes: cannot read '{}': {e}", path.display());
                std::process::exit(2);
            }
        };
        let page = String::from_utf8_lossy(&bytes);
        let report = audit(&page, "https://bench.example/", &options);
        match serde_json::to_string(&report) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("dump_outcomes: cannot serialize '{}': {e}", path.display());
                std::process::exit(2);
            }
        }
    }
}
