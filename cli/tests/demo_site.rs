//! `frontdesk check test-sites/demo-council` finds exactly the failures planted in the
//! demo site, as listed in its `expected.json`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::*;
use url::Url;

fn site_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-sites/demo-council")
}

#[test]
fn demo_site_failures_match_expected_json() {
    let site = site_dir().canonicalize().expect("demo site exists");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("expected.json")).unwrap())
            .unwrap();

    let output = run(&["check", "--format", "json", path_str(&site)]);
    assert_eq!(
        code(&output),
        1,
        "the demo site fails WCAG A/AA; stderr: {}",
        stderr(&output)
    );
    // No input errors: only the failing gate's line.
    let err = stderr(&output);
    assert!(
        err.starts_with("frontdesk: gate --fail-on any failed: ") && err.lines().count() == 1,
        "{err}"
    );
    let report = json(&output);
    assert_eq!(report["schema_version"], 1);

    // Page path relative to the site (e.g. `bins/index.html`) → failed findings.
    let mut pages: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for page in report["pages"].as_array().unwrap() {
        let url = Url::parse(page["url"].as_str().unwrap()).expect("page url is a URL");
        assert_eq!(url.scheme(), "file");
        let path = url.to_file_path().unwrap();
        let relative = path.strip_prefix(&site).expect("page is inside the site");
        pages.insert(relative.to_string_lossy().replace('\\', "/"), failed(page));
    }

    let clean: BTreeSet<String> = expected["clean"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let mut wanted: BTreeMap<(String, String), u64> = BTreeMap::new();
    for f in expected["failures"].as_array().unwrap() {
        let key = (
            f["page"].as_str().unwrap().to_string(),
            f["rule"].as_str().unwrap().to_string(),
        );
        wanted.insert(key, f["count"].as_u64().unwrap());
    }
    let listed: BTreeSet<String> = clean
        .iter()
        .cloned()
        .chain(wanted.keys().map(|(p, _)| p.clone()))
        .collect();
    let audited: BTreeSet<String> = pages.keys().cloned().collect();
    assert_eq!(
        audited, listed,
        "the folder walk audits exactly the pages expected.json lists"
    );

    // Collect every disagreement, so one run shows them all.
    let mut problems = Vec::new();
    let describe = |findings: &[&(String, String, String)]| {
        findings
            .iter()
            .map(|(_, sel, snip)| format!("{sel}  {snip}"))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for ((page, rule), count) in &wanted {
        let got: Vec<_> = pages[page].iter().filter(|(r, _, _)| r == rule).collect();
        if got.len() as u64 != *count {
            problems.push(format!(
                "{page}: {rule}: expected {count} failed, got {}: {}",
                got.len(),
                describe(&got)
            ));
        }
    }
    for (page, findings) in &pages {
        let unexpected: Vec<_> = findings
            .iter()
            .filter(|(rule, _, _)| !wanted.contains_key(&(page.clone(), rule.clone())))
            .collect();
        if !unexpected.is_empty() {
            let kind = if clean.contains(page) {
                "clean page"
            } else {
                "unlisted rule"
            };
            for f in &unexpected {
                problems.push(format!(
                    "{page}: {}: {kind} has a failed finding: {}",
                    f.0,
                    describe(&[*f])
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "demo site disagrees with expected.json:\n{}",
        problems.join("\n")
    );
}

#[test]
fn demo_site_text_report_ends_with_a_summary() {
    let output = run(&["check", path_str(&site_dir())]);
    assert_eq!(code(&output), 1, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    let summary = text.lines().last().expect("a summary line");
    assert!(summary.starts_with("11 pages, "), "summary: {summary}");
    assert!(
        summary.contains(" failed, ") && summary.contains(" cannot tell "),
        "summary: {summary}"
    );
    assert!(
        text.contains("  failed  image-has-name  [1.1.1 A, critical]  "),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}
