//! `--format markdown` and `--format html` on the demo site: the same pages and counts as
//! the JSON report of the same run, and `rules` refusing formats it has no listing in.

mod common;

use std::path::PathBuf;

use common::*;

fn site() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-sites/demo-council");
    path_str(&dir.canonicalize().expect("demo site exists")).to_string()
}

/// Pages, and failed A/AA findings, in the JSON report.
fn json_counts() -> (usize, usize) {
    let output = run(&["check", "--format", "json", &site()]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let report = json(&output);
    let pages = report["pages"].as_array().unwrap();
    let failed = pages
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap())
        .filter(|f| f["outcome"] == "failed" && matches!(f["level"].as_str(), Some("A" | "AA")))
        .count();
    (pages.len(), failed)
}

#[test]
fn html_and_markdown_count_what_the_json_report_holds() {
    let (pages, failed) = json_counts();
    assert!(pages > 1 && failed > 0);

    let output = run(&["check", "--format", "html", &site()]);
    assert_eq!(code(&output), 1, "the gate does not depend on the format");
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    assert_eq!(html.matches(" data-rules=\"").count(), pages);
    assert!(html.contains(&format!(
        "<span class=\"big\">{failed}</span>failed findings at WCAG A/AA"
    )));

    let output = run(&["check", "--format", "markdown", &site()]);
    assert_eq!(code(&output), 1);
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.starts_with("## Accessibility report\n"));
    assert!(md.contains(&format!(
        "**{pages} pages** audited · **{failed} failed** at WCAG A/AA"
    )));
}

#[test]
fn rules_lists_only_in_text_or_json() {
    for format in ["html", "markdown"] {
        let output = run(&["rules", "--format", format]);
        assert_eq!(code(&output), 2);
        // clap's own usage error, listing the two formats `rules` has.
        let err = stderr(&output);
        assert!(
            err.contains(&format!("invalid value '{format}'"))
                && err.contains("[possible values: text, json]"),
            "{err}"
        );
    }
}
