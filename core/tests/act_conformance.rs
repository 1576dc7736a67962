//! W3C ACT Rules conformance runner.
//!
//! Reads `../shared/act-rules/testcases.json` (skipped with a message when absent), wraps each
//! example into a page the way the ACT tooling does, audits it and compares frontdesk's outcome
//! for each ACT rule with the expected one. Prints, per ACT rule, whether frontdesk is
//! consistent, partially consistent, inconsistent, or has no rule for it; then the counts.
//!
//! Ratchet: `tests/act/consistent.txt` lists the ACT rules that are consistent today. The
//! test fails if one of them stops being consistent, or if any mapped rule is inconsistent.
//! `tests/act/matched.txt` holds the fewest test cases of the mapped rules that must be
//! matched exactly (the target is 99% of them); raise it when the count goes up.
//!
//! Examples' `/test-assets/...` style sheets are read from `../shared/act-rules/test-assets/`
//! through a [`frontdesk_core::ResourceLoader`], as the ACT site serves them.
//!
//! `cargo test -p frontdesk-core --test act_conformance -- --nocapture` shows the table;
//! `ACT_RULE=23a2a8` also prints every test case of that rule with both outcomes;
//! `FRONTDESK_ACT_EARL=target/act-earl.json` (relative to the workspace) also writes the
//! EARL report of every test case run, each a subject at its ACT test-case URL, as an ACT
//! implementation report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use frontdesk_core::{audit_with_loader, Options, Outcome, Page, Report, ResourceLoader};
use serde_json::Value;

fn testcases_path() -> PathBuf {
    if let Ok(p) = std::env::var("FRONTDESK_ACT_TESTCASES") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/act-rules/testcases.json")
}

/// The page URL every example is audited at.
const PAGE_URL: &str = "https://act-rules.github.io/testcase.html";

/// Where the ACT site publishes a test case: the subject of its assertions in an
/// implementation report.
fn testcase_url(rule: &str, case: &Value) -> String {
    let extension = match case["lang"].as_str() {
        Some("svg") => "svg",
        Some("xhtml") => "xhtml",
        _ => "html",
    };
    format!(
        "https://act-rules.github.io/testcases/{rule}/{}.{extension}",
        case["testcase_id"].as_str().unwrap()
    )
}

/// Where `FRONTDESK_ACT_EARL` asks for the EARL report, relative to the workspace.
fn earl_path() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os("FRONTDESK_ACT_EARL")?);
    Some(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(path),
    )
}

/// Writes the EARL report of `pages`, one page at a time.
fn write_earl(path: &std::path::Path, pages: Vec<Page>) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    frontdesk_core::report::earl::write(
        &Report::new(Vec::new()),
        pages.into_iter().map(Ok::<_, std::io::Error>),
        |s| out.write_all(s.as_bytes()),
    )?;
    out.flush()
}

fn test_assets_dir() -> PathBuf {
    if let Ok(p) = std::env::var("FRONTDESK_ACT_TESTCASES") {
        if let Some(dir) = PathBuf::from(p).parent() {
            return dir.join("test-assets");
        }
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/act-rules/test-assets")
}

/// Serves `https://act-rules.github.io/test-assets/...` from the local copy of the folder.
struct TestAssets(PathBuf);

impl ResourceLoader for TestAssets {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        let rest = absolute_url.strip_prefix("https://act-rules.github.io/test-assets/")?;
        let rest = rest.split(['?', '#']).next()?;
        if rest.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        std::fs::read_to_string(self.0.join(rest)).ok()
    }
}

/// Wraps an example as the ACT tooling builds its test pages.
fn wrap(code: &str, title: &str, lang: &str) -> String {
    if !matches!(lang, "html" | "xhtml") {
        return code.to_string();
    }
    let lower = code.to_ascii_lowercase();
    let doctype = if lower.trim_start().starts_with("<!doctype") {
        ""
    } else {
        "<!DOCTYPE html>\n"
    };
    if lower.contains("<html") {
        return format!("{doctype}{code}");
    }
    let head = if lower.contains("<head") {
        String::new()
    } else {
        format!("<head><title>{title}</title></head>")
    };
    let body = if lower.contains("<body") {
        code.to_string()
    } else {
        format!("<body>{code}</body>")
    };
    format!("{doctype}<html lang=\"en\">{head}{body}</html>")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Actual {
    Inapplicable,
    Passed,
    CantTell,
    Failed,
}

impl Actual {
    fn name(self) -> &'static str {
        match self {
            Actual::Inapplicable => "inapplicable",
            Actual::Passed => "passed",
            Actual::CantTell => "cantTell",
            Actual::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Consistent,
    Partial,
    Inconsistent,
    Unmapped,
}

#[derive(Default)]
struct RuleResult {
    cases: usize,
    matched: usize,
    false_positives: usize,
    missed: usize,
    failed_reported_failed: usize,
}

#[test]
fn act_conformance() {
    let path = testcases_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!(
            "SKIPPED: ACT test cases not found at {} (set FRONTDESK_ACT_TESTCASES)",
            path.display()
        );
        return;
    };
    let data: Value = serde_json::from_str(&text).expect("testcases.json is JSON");
    let mapped: BTreeSet<String> = frontdesk_core::registry()
        .iter()
        .flat_map(|r| r.meta().act.iter().map(|s| s.to_string()))
        .collect();
    let detail_rule = std::env::var("ACT_RULE").ok();
    let assets = TestAssets(test_assets_dir());
    let earl = earl_path();
    let mut earl_pages: Vec<Page> = Vec::new();

    let mut results: BTreeMap<String, (String, String, RuleResult)> = BTreeMap::new();
    for rule in data["rules"].as_array().expect("rules") {
        if rule["rule_type"] != "atomic" || rule["deprecated"].as_bool() == Some(true) {
            continue;
        }
        let id = rule["id"].as_str().unwrap().to_string();
        let needs = rule["needs"].as_str().unwrap_or("?").to_string();
        let name = rule["name"].as_str().unwrap_or("").to_string();
        let mut result = RuleResult::default();
        if mapped.contains(&id) {
            for case in rule["testcases"].as_array().unwrap() {
                let expected = case["expected"].as_str().unwrap();
                let title = case["title"].as_str().unwrap_or("");
                let page = wrap(
                    case["html"].as_str().unwrap(),
                    title,
                    case["lang"].as_str().unwrap_or("html"),
                );
                let report = audit_with_loader(
                    &page,
                    PAGE_URL,
                    &Options::default().with_passed(true),
                    &assets,
                );
                let actual = report
                    .findings
                    .iter()
                    .filter(|f| f.act.contains(&id))
                    .map(|f| match f.outcome {
                        Outcome::Passed => Actual::Passed,
                        Outcome::CantTell => Actual::CantTell,
                        Outcome::Failed => Actual::Failed,
                    })
                    .max()
                    .unwrap_or(Actual::Inapplicable);
                result.cases += 1;
                if earl.is_some() {
                    let mut subject = report.clone();
                    subject.url = testcase_url(&id, case);
                    earl_pages.push(subject.into());
                }
                let ok = match expected {
                    "failed" => matches!(actual, Actual::Failed | Actual::CantTell),
                    _ => actual != Actual::Failed,
                };
                if actual.name() == expected {
                    result.matched += 1;
                }
                if expected == "failed" && actual == Actual::Failed {
                    result.failed_reported_failed += 1;
                }
                if !ok {
                    if expected == "failed" {
                        result.missed += 1;
                    } else {
                        result.false_positives += 1;
                    }
                }
                if detail_rule.as_deref() == Some(id.as_str()) {
                    let mark = if !ok {
                        "WRONG"
                    } else if actual.name() != expected {
                        "~"
                    } else {
                        "ok"
                    };
                    println!(
                        "--- {id} {title}: expected {expected}, got {} [{mark}]",
                        actual.name()
                    );
                    if actual.name() != expected {
                        println!("{}", case["html"].as_str().unwrap());
                        for f in report.findings.iter().filter(|f| f.act.contains(&id)) {
                            println!("    {} {} {}", f.outcome.as_str(), f.selector, f.message);
                        }
                    }
                }
            }
        }
        results.insert(id, (needs, name, result));
    }

    if let Some(path) = &earl {
        let subjects = earl_pages.len();
        write_earl(path, earl_pages).expect("the EARL report is written");
        println!(
            "EARL report of {subjects} test cases: {} ({} bytes)",
            path.display(),
            std::fs::metadata(path).map_or(0, |m| m.len())
        );
    }

    let verdict = |id: &str, r: &RuleResult| -> Verdict {
        if !mapped.contains(id) {
            Verdict::Unmapped
        } else if r.false_positives > 0 || r.missed > 0 {
            Verdict::Inconsistent
        } else if r.failed_reported_failed == 0 {
            Verdict::Partial
        } else {
            Verdict::Consistent
        }
    };

    println!(
        "\nACT conformance (frontdesk {})",
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "{:<8} {:<13} {:<13} {:>6} {:>8}  name",
        "rule", "needs", "verdict", "cases", "matched"
    );
    let mut counts: BTreeMap<Verdict, usize> = BTreeMap::new();
    let (mut cases, mut matched) = (0, 0);
    let mut by_needs: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut consistent_now = BTreeSet::new();
    for (id, (needs, name, r)) in &results {
        let v = verdict(id, r);
        *counts.entry(v).or_default() += 1;
        if v != Verdict::Unmapped {
            cases += r.cases;
            matched += r.matched;
            println!(
                "{id:<8} {needs:<13} {:<13} {:>6} {:>8}  {name}",
                format!("{v:?}").to_lowercase(),
                r.cases,
                r.matched
            );
        }
        if v == Verdict::Consistent {
            consistent_now.insert(id.clone());
            by_needs.entry(needs.clone()).or_default().0 += 1;
        }
        by_needs.entry(needs.clone()).or_default().1 += 1;
    }
    println!(
        "\nACT rules: {} consistent, {} partial, {} inconsistent, {} unmapped (of {} active atomic rules)",
        counts.get(&Verdict::Consistent).unwrap_or(&0),
        counts.get(&Verdict::Partial).unwrap_or(&0),
        counts.get(&Verdict::Inconsistent).unwrap_or(&0),
        counts.get(&Verdict::Unmapped).unwrap_or(&0),
        results.len()
    );
    for (needs, (c, total)) in &by_needs {
        println!("  {needs:<13} consistent {c} of {total}");
    }
    println!(
        "Test cases of mapped rules: {matched} of {cases} matched exactly ({:.1}%)",
        100.0 * matched as f64 / cases.max(1) as f64
    );

    let ratchet_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/act/consistent.txt");
    let ratchet: BTreeSet<String> = std::fs::read_to_string(&ratchet_path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let newly: Vec<_> = consistent_now.difference(&ratchet).collect();
    if !newly.is_empty() {
        println!("Newly consistent (add to tests/act/consistent.txt): {newly:?}");
    }
    let regressed: Vec<_> = ratchet.difference(&consistent_now).collect();
    let inconsistent: Vec<_> = results
        .iter()
        .filter(|(id, (_, _, r))| verdict(id, r) == Verdict::Inconsistent)
        .map(|(id, _)| id.clone())
        .collect();
    assert!(
        regressed.is_empty(),
        "ACT rules no longer consistent: {regressed:?} (run with ACT_RULE=<id> -- --nocapture)"
    );
    assert!(
        inconsistent.is_empty(),
        "inconsistent ACT rules: {inconsistent:?} (run with ACT_RULE=<id> -- --nocapture)"
    );
    let floor_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/act/matched.txt");
    let floor: usize = std::fs::read_to_string(&floor_path)
        .expect("tests/act/matched.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .find(|l| !l.is_empty())
        .and_then(|l| l.parse().ok())
        .expect("a number of cases in tests/act/matched.txt");
    assert!(
        matched >= floor,
        "only {matched} ACT cases matched exactly, fewer than the {floor} of tests/act/matched.txt"
    );
    if matched > floor {
        println!("More cases matched than tests/act/matched.txt says: raise it to {matched}");
    }
}

#[test]
fn test_assets_are_served_from_the_shared_folder() {
    let assets = TestAssets(test_assets_dir());
    if !assets.0.exists() {
        println!("SKIPPED: no test-assets folder at {}", assets.0.display());
        return;
    }
    assert!(assets
        .stylesheet("https://act-rules.github.io/test-assets/ffbc54/styles.css")
        .is_some());
    assert!(assets
        .stylesheet("https://act-rules.github.io/test-assets/../testcases.json")
        .is_none());
    assert!(assets
        .stylesheet("https://example.org/test-assets/ffbc54/styles.css")
        .is_none());
}

#[test]
fn wrapping_follows_the_act_tooling() {
    assert_eq!(
        wrap("<img src=a>", "Passed Example 1", "html"),
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Passed Example 1</title></head><body><img src=a></body></html>"
    );
    assert_eq!(
        wrap("<html><p>x</p></html>", "T", "html"),
        "<!DOCTYPE html>\n<html><p>x</p></html>"
    );
    assert_eq!(
        wrap("<head><title>Own</title></head><body>b</body>", "T", "html"),
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Own</title></head><body>b</body></html>"
    );
    assert_eq!(wrap("<svg/>", "T", "svg"), "<svg/>");
}

/// The EARL report of the test cases of a few ACT rules frontdesk is consistent with
/// (`tests/act/consistent.txt`): each case is a subject at its ACT URL, and what its
/// assertions say of the ACT rule agrees with the case's expected outcome in the ACT sense
/// (a failed case is failed or cantTell, another is never failed).
#[test]
fn earl_of_act_cases_carries_their_outcomes() {
    let Ok(text) = std::fs::read_to_string(testcases_path()) else {
        println!("SKIPPED: ACT test cases not found (set FRONTDESK_ACT_TESTCASES)");
        return;
    };
    let data: Value = serde_json::from_str(&text).unwrap();
    let consistent = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/act/consistent.txt"),
    )
    .unwrap();
    let chosen: Vec<&str> = consistent
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    assert_eq!(chosen.len(), 3, "tests/act/consistent.txt lists rules");
    let assets = TestAssets(test_assets_dir());
    let mut pages = Vec::new();
    let mut expected = BTreeMap::new();
    for rule in data["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        if !chosen.contains(&id) {
            continue;
        }
        for case in rule["testcases"].as_array().unwrap() {
            let html = wrap(
                case["html"].as_str().unwrap(),
                case["title"].as_str().unwrap_or(""),
                case["lang"].as_str().unwrap_or("html"),
            );
            let mut report = audit_with_loader(
                &html,
                PAGE_URL,
                &Options::default().with_passed(true),
                &assets,
            );
            report.url = testcase_url(id, case);
            expected.insert(
                report.url.clone(),
                (
                    id.to_string(),
                    case["expected"].as_str().unwrap().to_string(),
                ),
            );
            pages.push(Page::from(report));
        }
    }
    let earl: Value = serde_json::from_str(&frontdesk_core::report::earl::render(&Report {
        pages,
        ..Report::new(Vec::new())
    }))
    .expect("EARL is JSON");
    let graph = earl["@graph"].as_array().unwrap();
    // Each rule's test case node, by its id, with the ACT rules it is part of.
    let part_of: BTreeMap<&str, Vec<&str>> = graph
        .iter()
        .filter(|node| node["@type"] == "TestCase")
        .map(|node| {
            let parts = node["isPartOf"].as_array().unwrap();
            (
                node["@id"].as_str().unwrap(),
                parts.iter().map(|p| p.as_str().unwrap()).collect(),
            )
        })
        .collect();
    let subjects: Vec<&Value> = graph
        .iter()
        .filter(|node| node["@type"][0] == "TestSubject")
        .collect();
    assert_eq!(subjects.len(), expected.len());
    for subject in subjects {
        let url = subject["source"].as_str().unwrap();
        let (act, outcome) = &expected[url];
        let act_url = format!("https://www.w3.org/WAI/standards-guidelines/act/rules/{act}/");
        let outcomes: Vec<&str> = subject["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| part_of[a["test"].as_str().unwrap()].contains(&act_url.as_str()))
            .map(|a| a["result"]["outcome"].as_str().unwrap())
            .collect();
        assert!(!outcomes.is_empty(), "{url}: no assertion for ACT {act}");
        let failed = outcomes.contains(&"earl:failed");
        match outcome.as_str() {
            "failed" => assert!(
                failed || outcomes.contains(&"earl:cantTell"),
                "{url}: expected failed, EARL says {outcomes:?}"
            ),
            _ => assert!(!failed, "{url}: expected {outcome}, EARL says {outcomes:?}"),
        }
    }
}
