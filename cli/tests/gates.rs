//! Baselines, `frontdesk diff` and the CI gates, running the binary on the demo site and on
//! an edited copy of it (`--fail-on`, `--min-level`, `--max-findings`, `--min-score`,
//! `--report-only`, docs/ci.md).

mod crawl_support;

use std::path::{Path, PathBuf};

use crawl_support::*;
use serde_json::Value;

const DATE: &str = "2026-12-07";

fn run(args: &[&str]) -> Run {
    run_with_deadline(args, std::time::Duration::from_secs(120))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// A JSON crawl report of `site` written to `out`; its exit code.
fn crawl_json(site: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "crawl",
        site.to_str().unwrap(),
        "--crawl-date",
        DATE,
        "--format",
        "json",
        "-q",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (page path under the site, rule) of the findings whose baseline state is `state`.
fn marked(report: &Value, state: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in report["pages"].as_array().unwrap() {
        for f in page["findings"].as_array().unwrap() {
            if f["baseline"] == state {
                out.push((tail(&page["url"]), f["rule"].as_str().unwrap().to_string()));
            }
        }
    }
    out
}

/// `contact.html` from `file:///…/demo-council/contact.html` or `…/site/contact.html`.
fn tail(url: &Value) -> String {
    let url = url.as_str().unwrap();
    let at = url
        .find("/demo-council/")
        .map(|i| i + "/demo-council/".len())
        .or_else(|| url.find("/site/").map(|i| i + "/site/".len()))
        .unwrap_or_else(|| panic!("{url}"));
    url[at..].to_string()
}

/// Failed findings at level A or AA, counted from the report itself.
fn failed_a_aa(report: &Value) -> usize {
    report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap())
        .filter(|f| f["outcome"] == "failed" && (f["level"] == "A" || f["level"] == "AA"))
        .count()
}

struct Setup {
    _dir: tempfile::TempDir,
    base: PathBuf,
    site: PathBuf,
    root: PathBuf,
}

/// The demo site's baseline report, and an edited copy of the site elsewhere: an image
/// without alt added to the contact page after an unrelated paragraph inserted before its
/// other failures, and the bins page's image given its alt text.
fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let base = root.join("base.json");
    let run = crawl_json(&demo_dir(), &base, &[]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let site = root.join("site");
    copy_dir(&demo_dir(), &site);
    edit(
        &site.join("contact.html"),
        "<h1>Contact us</h1>",
        "<h1>Contact us</h1>\n<p>Our phone lines are busy on Mondays.</p>\n<img src=\"map.png\">",
    );
    edit(
        &site.join("bins/index.html"),
        "class=\"bin-photo\"",
        "class=\"bin-photo\" alt=\"A green wheelie bin at the kerb\"",
    );
    Setup {
        _dir: dir,
        base,
        site,
        root,
    }
}

#[test]
fn a_baseline_of_the_same_site_has_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    assert_eq!(crawl_json(&demo_dir(), &base, &[]).code(), 1);
    let again = dir.path().join("again.json");
    let run = crawl_json(
        &demo_dir(),
        &again,
        &["--baseline", base.to_str().unwrap(), "--fail-on", "new"],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.output.stderr.is_empty(), "{}", run.stderr());
    let report = read(&again);
    let summary = &report["baseline"];
    assert_eq!(summary["new"], 0);
    assert_eq!(summary["fixed"].as_array().unwrap().len(), 0);
    assert!(marked(&report, "new").is_empty());
    // Every failed and cantTell finding is existing, and only those are marked.
    let taking_part = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap())
        .filter(|f| f["outcome"] != "passed")
        .count();
    assert!(taking_part > 0);
    assert_eq!(summary["existing"], taking_part);
    assert_eq!(marked(&report, "existing").len(), taking_part);
}

#[test]
fn an_edited_copy_has_exactly_its_new_finding_new_and_its_fix_fixed() {
    let s = setup();
    let out = s.root.join("new.json");
    let run = crawl_json(
        &s.site,
        &out,
        &["--baseline", s.base.to_str().unwrap(), "--fail-on", "new"],
    );
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert_eq!(
        run.stderr().trim(),
        "frontdesk: gate --fail-on new failed: 1 new A/AA failure (limit 0)"
    );
    let report = read(&out);
    // The site was copied elsewhere: pages still pair with the baseline's by their path
    // under the crawled folder.
    assert_eq!(
        marked(&report, "new"),
        [("contact.html".to_string(), "image-has-name".to_string())]
    );
    let base = read(&s.base);
    let base_count = marked_all(&base);
    // All the others, including the contact page's failures after the inserted
    // paragraph, are existing: the baseline's findings minus the one fixed.
    assert_eq!(marked(&report, "existing").len(), base_count - 1);
    let summary = &report["baseline"];
    assert_eq!(summary["file"], s.base.to_str().unwrap());
    assert_eq!(summary["new"], 1);
    assert_eq!(summary["existing"], base_count - 1);
    let fixed = summary["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 1, "{fixed:?}");
    assert_eq!(tail(&fixed[0]["url"]), "bins/index.html");
    assert_eq!(fixed[0]["rule"], "image-has-name");
    assert_eq!(fixed[0]["level"], "A");

    // The same run without a gate on new findings fails on all of them.
    let all = crawl_json(
        &s.site,
        &s.root.join("all.json"),
        &["--baseline", s.base.to_str().unwrap()],
    );
    assert_eq!(all.code(), 1);
    assert_eq!(
        all.stderr().trim(),
        format!(
            "frontdesk: gate --fail-on any failed: {} A/AA failures (limit 0)",
            failed_a_aa(&report)
        )
    );

    // `diff` prints the new and the fixed finding, and the scores that moved.
    let diff = run_diff(&[s.base.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(diff.code(), 0, "{}", diff.stderr());
    let text = diff.stdout();
    assert!(text.starts_with("1 new finding, 1 fixed\n"), "{text}");
    let new_at = text.find("\nNew (1):\n").expect("a New section");
    let fixed_at = text.find("\nFixed (1):\n").expect("a Fixed section");
    assert!(new_at < fixed_at);
    assert!(text[new_at..fixed_at].contains("/site/contact.html\n    image-has-name (A) "));
    assert!(text[fixed_at..].contains("/demo-council/bins/index.html\n    image-has-name (A) "));
    assert!(text.contains("\nScores:\n"), "{text}");
    assert!(text.contains("  accessibility: "), "{text}");
    let json = run_diff(&[
        "--format",
        "json",
        s.base.to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    assert_eq!(json.code(), 0);
    let diff = json.json();
    assert_eq!(diff["new"].as_array().unwrap().len(), 1);
    assert_eq!(diff["new"][0]["rule"], "image-has-name");
    assert_eq!(diff["fixed"].as_array().unwrap().len(), 1);
    // Both pages' scores changed: the contact page lost points, the bins page gained.
    let pages: Vec<(String, f64, f64)> = diff["scores"]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                tail(&c["name"]),
                c["old"].as_f64().unwrap(),
                c["new"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(pages
        .iter()
        .any(|(p, old, new)| p == "contact.html" && new < old));
    assert!(pages
        .iter()
        .any(|(p, old, new)| p == "bins/index.html" && new > old));
    let site = diff["scores"]["site"].as_array().unwrap();
    assert_eq!(site[0]["name"], "accessibility");
}

fn marked_all(report: &Value) -> usize {
    report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap())
        .filter(|f| f["outcome"] != "passed")
        .count()
}

fn run_diff(args: &[&str]) -> Run {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn check_takes_a_baseline_too() {
    let s = setup();
    let contact = s.site.join("contact.html");
    // A baseline made by `check` of the page, then the page edited.
    let base = s.root.join("check-base.json");
    let made = run(&[
        "check",
        "--format",
        "json",
        "-o",
        base.to_str().unwrap(),
        demo_dir().join("contact.html").to_str().unwrap(),
    ]);
    assert_eq!(made.code(), 1);
    let output = run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        base.to_str().unwrap(),
        "--fail-on",
        "new",
        contact.to_str().unwrap(),
    ]);
    assert_eq!(output.code(), 1, "{}", output.stderr());
    assert_eq!(
        output.stderr().trim(),
        "frontdesk: gate --fail-on new failed: 1 new A/AA failure (limit 0)"
    );
    let report = output.json();
    assert_eq!(
        marked(&report, "new"),
        [("contact.html".to_string(), "image-has-name".to_string())]
    );
    assert_eq!(report["baseline"]["new"], 1);
    assert_eq!(report["baseline"]["fixed"].as_array().unwrap().len(), 0);
}

#[test]
fn each_gate_passes_and_fails() {
    let page = demo_dir().join("bins/index.html");
    let page = page.to_str().unwrap();
    // The bins page: 2 failed level-A findings (a button's aria-selected, an image with no
    // alt), nothing at AA or AAA, page score 74.
    let gate = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json", page];
        all.extend_from_slice(args);
        let run = run(&all);
        (run.code(), run.stderr().trim().to_string())
    };
    let report = run(&["check", "--format", "json", page]).json();
    assert_eq!(failed_a_aa(&report), 2);
    let score = report["pages"][0]["score"].as_u64().unwrap();

    assert_eq!(
        gate(&[]),
        (
            1,
            "frontdesk: gate --fail-on any failed: 2 A/AA failures (limit 0)".into()
        )
    );
    assert_eq!(gate(&["--fail-on", "none"]), (0, String::new()));
    assert_eq!(
        gate(&["--min-level", "A"]),
        (
            1,
            "frontdesk: gate --fail-on any failed: 2 A failures (limit 0)".into()
        )
    );
    // --max-findings alone: a threshold instead of zero tolerance.
    assert_eq!(gate(&["--max-findings", "2"]), (0, String::new()));
    assert_eq!(
        gate(&["--max-findings", "1"]),
        (
            1,
            "frontdesk: gate --max-findings failed: 2 A/AA failures (limit 1)".into()
        )
    );
    let at = score.to_string();
    let above = (score + 1).to_string();
    assert_eq!(
        gate(&["--fail-on", "none", "--min-score", &at]),
        (0, String::new())
    );
    let (code, err) = gate(&["--fail-on", "none", "--min-score", &above]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("frontdesk: gate --min-score failed: lowest page score (file://")
            && err.ends_with(&format!("bins/index.html) {score} < {above}")),
        "{err}"
    );
    // --report-only: the gate lines still say what failed, the exit code is 0.
    let (code, err) = gate(&["--report-only", "--max-findings", "0"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "frontdesk: gate --max-findings failed: 2 A/AA failures (limit 0) (--report-only: exit 0)"
    );
    // Two gates failing: two lines.
    let (code, err) = gate(&["--min-score", &above]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[test]
fn min_level_chooses_the_levels_that_count() {
    let dir = tempfile::tempdir().unwrap();
    // #777 on white is 4.48:1: fails 1.4.3 (AA, 4.5:1) and 1.4.6 (AAA, 7:1); nothing at A.
    let page = dir.path().join("grey.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html lang="en"><head><title>Bins</title></head><body><main><h1>Bins</h1><p style="color:#777;background:#fff">Collections move to Tuesday.</p></main></body></html>"#,
    )
    .unwrap();
    let page = page.to_str().unwrap();
    let gate = |args: &[&str]| {
        let mut all = vec!["check", page];
        all.extend_from_slice(args);
        let run = run(&all);
        (run.code(), run.stderr().trim().to_string())
    };
    assert_eq!(gate(&["--min-level", "A"]), (0, String::new()));
    assert_eq!(
        gate(&[]),
        (
            1,
            "frontdesk: gate --fail-on any failed: 1 A/AA failure (limit 0)".into()
        )
    );
    assert_eq!(
        gate(&["--min-level", "aaa"]),
        (
            1,
            "frontdesk: gate --fail-on any failed: 2 A/AA/AAA failures (limit 0)".into()
        )
    );
}

#[test]
fn crawl_min_score_is_the_site_score() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    let run = crawl_json(&demo_dir(), &out, &["--fail-on", "none"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let score = read(&out)["scores"]["accessibility"]["score"]
        .as_u64()
        .unwrap();
    let at = score.to_string();
    let above = (score + 1).to_string();
    let pass = crawl_json(
        &demo_dir(),
        &dir.path().join("a.json"),
        &["--fail-on", "none", "--min-score", &at],
    );
    assert_eq!(pass.code(), 0, "{}", pass.stderr());
    let fail = crawl_json(
        &demo_dir(),
        &dir.path().join("b.json"),
        &["--fail-on", "none", "--min-score", &above],
    );
    assert_eq!(fail.code(), 1);
    assert_eq!(
        fail.stderr().trim(),
        format!("frontdesk: gate --min-score failed: accessibility {score} < {above}")
    );
    // --report-only: 0, and the line says so.
    let only = crawl_json(&demo_dir(), &dir.path().join("c.json"), &["--report-only"]);
    assert_eq!(only.code(), 0);
    assert!(
        only.stderr().trim().ends_with("(--report-only: exit 0)"),
        "{}",
        only.stderr()
    );
}

#[test]
fn bad_baselines_and_flags_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = demo_dir().join("contact.html");
    let page = page.to_str().unwrap();
    let not_json = dir.path().join("notes.txt");
    std::fs::write(&not_json, "not a report").unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, r#"{"schema_version": 2, "pages": []}"#).unwrap();
    let missing = dir.path().join("missing.json");
    for (args, message) in [
        (
            vec!["check", "--baseline", not_json.to_str().unwrap(), page],
            "is not a frontdesk JSON report",
        ),
        (
            vec!["check", "--baseline", other.to_str().unwrap(), page],
            "schema version 2",
        ),
        (
            vec!["check", "--baseline", missing.to_str().unwrap(), page],
            "cannot read the baseline",
        ),
        (
            vec!["check", "--fail-on", "new", page],
            "--fail-on new needs --baseline",
        ),
        (
            vec!["crawl", "--fail-on", "new", demo_dir().to_str().unwrap()],
            "--fail-on new needs --baseline",
        ),
        (
            vec![
                "crawl",
                "-q",
                "--baseline",
                not_json.to_str().unwrap(),
                demo_dir().to_str().unwrap(),
            ],
            "is not a frontdesk JSON report",
        ),
        (
            vec!["check", "--min-score", "101", page],
            "between 0 and 100",
        ),
        (vec!["check", "--min-level", "B", page], "invalid value"),
        (
            vec!["diff", not_json.to_str().unwrap(), other.to_str().unwrap()],
            "old report",
        ),
        (vec!["diff", other.to_str().unwrap()], "NEW.json"),
        // --report-only never hides an input error.
        (
            vec![
                "check",
                "--report-only",
                dir.path().join("missing.html").to_str().unwrap(),
            ],
            "missing.html",
        ),
    ] {
        let run = run(&args);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
        assert!(run.stderr().contains(message), "{args:?}: {}", run.stderr());
        // One line, as every input error (clap's usage errors too).
        assert_eq!(
            run.stderr().lines().count(),
            1,
            "{args:?}: {}",
            run.stderr()
        );
        assert!(run.stderr().starts_with("frontdesk: "), "{}", run.stderr());
        assert!(run.output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn no_command_still_prints_the_whole_help() {
    // Usage errors are one line, but `frontdesk` alone is a request for help.
    let run = run(&[]);
    assert_eq!(run.code(), 2);
    let help = run.stderr();
    assert!(help.contains("Usage:") && help.contains("crawl"), "{help}");
    assert!(help.lines().count() > 5, "{help}");
}
