//! Embedding frontdesk-core: audit an HTML file and print the schema-v1 JSON report.
//!
//! ```text
//! cargo run -p frontdesk-core --example audit_file -- page.html
//! ```

use frontdesk_core::{audit, Options, Report};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: audit_file <page.html>");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("audit_file: cannot read '{path}': {e}");
            std::process::exit(2);
        }
    };
    let html = String::from_utf8_lossy(&bytes);
    let page = audit(&html, &format!("file://{path}"), &Options::default());
    let failed = page.failed_a_aa().count();
    println!("{}", Report::new(vec![page]).to_json_pretty());
    std::process::exit(if failed > 0 { 1 } else { 0 });
}
