//! The whole engine on arbitrary bytes: lossy UTF-8 decoding (as the CLI does for pages
//! in an unknown charset), parse, document model, every rule, the JSON report.
#![no_main]

use frontdesk_core::{audit, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let report = audit(
        &html,
        "https://fuzz.example/page",
        &Options::default().with_passed(true),
    );
    for finding in &report.findings {
        assert!(!finding.rule.is_empty());
    }
    serde_json::to_string(&report).expect("a report always serialises");
});
