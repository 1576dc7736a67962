//! Audits every `.html` file of a folder once and prints pages/s: a workload for profilers
//! (`valgrind --tool=callgrind`), where the bench's repeated rounds would only add time.
//!
//! ```text
//! cargo run --release -p frontdesk-core --example audit_corpus -- ../shared/bench-corpus [parse|model|audit] [rounds]
//! ```
//!
//! The optional stage (default `audit`) stops after scraper's parse or after the document
//! model, so the profiles of the three stages can be compared instruction for instruction.
//! The optional number of rounds (default 1) repeats the corpus, for sampling profilers
//! (`perf record -e cpu-clock`) that need seconds of work rather than one pass.

use frontdesk_core::{audit, Options};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: audit_corpus <folder>");
        std::process::exit(2);
    };
    let mut pages = Vec::new();
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "html") {
                    if let Ok(bytes) = std::fs::read(&path) {
                        pages.push(String::from_utf8_lossy(&bytes).into_owned());
                    }
                }
            }
        }
        Err(e) => {
            eprintln!("audit_corpus: cannot read '{dir}': {e}");
            std::process::exit(2);
        }
    }
    let stage = std::env::args().nth(2).unwrap_or_else(|| "audit".into());
    let rounds: usize = match std::env::args().nth(3).map(|r| r.parse()) {
        None => 1,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("audit_corpus: rounds must be a positive whole number");
            std::process::exit(2);
        }
    };
    let start = std::time::Instant::now();
    let mut findings = 0;
    for page in std::iter::repeat_n(&pages, rounds).flatten() {
        match stage.as_str() {
            "parse" => drop(std::hint::black_box(scraper::Html::parse_document(page))),
            "model" => drop(std::hint::black_box(frontdesk_core::parse_document(page))),
            "audit" => {
                findings += audit(page, "https://bench.example/", &Options::default())
                    .findings
                    .len()
            }
            other => {
                eprintln!("audit_corpus: unknown stage '{other}' (parse, model or audit)");
                std::process::exit(2);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} pages, {findings} findings, {:.0} pages/s",
        pages.len() * rounds,
        (pages.len() * rounds) as f64 / secs
    );
}
