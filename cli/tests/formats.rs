//! `--format sarif|junit|earl` on a crawl of the demo site and on `check`: each format says
//! what the JSON report of the same run says (the same failed findings, pages and verdicts),
//! the SARIF is valid against the official schema, and the exit code does not depend on the
//! format.

mod common;
mod crawl_support;

use std::collections::BTreeSet;

use crawl_support::{crawl, demo_dir};
use serde_json::Value;

const CRAWL_DATE: &str = "2026-12-07";

fn crawl_demo(format: &str) -> crawl_support::Run {
    let dir = demo_dir();
    let run = crawl(&[
        dir.to_str().unwrap(),
        "--crawl-date",
        CRAWL_DATE,
        "--format",
        format,
        "--quiet",
    ]);
    assert_eq!(run.code(), 1, "the demo site fails A/AA: {}", run.stderr());
    run
}

/// (page URL, rule, selector) of every finding of the JSON report with this outcome.
fn findings(report: &Value, outcome: &str) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    for page in report["pages"].as_array().unwrap() {
        for f in page["findings"].as_array().unwrap() {
            if f["outcome"] == outcome {
                out.insert((
                    page["url"].as_str().unwrap().to_string(),
                    f["rule"].as_str().unwrap().to_string(),
                    f["selector"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn demo_crawl_in_every_machine_format_says_what_its_json_says() {
    let report = crawl_demo("json").json();
    let failed = findings(&report, "failed");
    assert_eq!(failed.len(), 22, "the demo site's planted failures");
    let pages = report["pages"].as_array().unwrap();

    // SARIF: a fail result per failed finding, a review per cantTell, at page and element.
    let sarif_run = crawl_demo("sarif");
    let sarif = sarif_run.json();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let located = |kind: &str| -> BTreeSet<(String, String, String)> {
        results
            .iter()
            .filter(|r| r["kind"] == kind)
            .map(|r| {
                let location = &r["locations"][0];
                let selector = location["logicalLocations"][0]["fullyQualifiedName"]
                    .as_str()
                    .unwrap();
                // An attribute's location names it after the element's selector.
                let selector = match location["logicalLocations"][0]["name"].as_str() {
                    Some(attribute) => selector
                        .strip_suffix(&format!("[{attribute}]"))
                        .unwrap()
                        .to_string(),
                    None => selector.to_string(),
                };
                (
                    location["physicalLocation"]["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    r["ruleId"].as_str().unwrap().to_string(),
                    selector,
                )
            })
            .collect()
    };
    assert_eq!(located("fail"), failed);
    assert_eq!(located("review"), findings(&report, "cantTell"));
    assert!(results
        .iter()
        .all(|r| r["kind"] == "fail" || r["level"] == "none"));
    assert_eq!(sarif["runs"][0]["properties"]["pages"], pages.len());
    assert_eq!(sarif["runs"][0]["properties"]["scores"], report["scores"]);
    let schema_path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/schemas/sarif-schema-2.1.0.json");
    match std::fs::read_to_string(&schema_path) {
        Ok(schema) => {
            let schema: Value = serde_json::from_str(&schema).unwrap();
            let validator = jsonschema::draft4::new(&schema).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&sarif)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert_eq!(errors, Vec::<String>::new());
        }
        Err(_) => println!(
            "SKIPPED: schema validation, no SARIF schema at {}",
            schema_path.display()
        ),
    }
    println!(
        "SARIF of the demo crawl: {} bytes",
        sarif_run.output.stdout.len()
    );

    // JUnit: a suite per page; a page's failures are its rules with a failed finding.
    let junit_run = crawl_demo("junit");
    let suites = junit_suites(&junit_run.stdout());
    assert_eq!(suites.len(), pages.len());
    for page in pages {
        let url = page["url"].as_str().unwrap();
        let failing: BTreeSet<String> = failed
            .iter()
            .filter(|(u, _, _)| u == url)
            .map(|(_, rule, _)| rule.clone())
            .collect();
        let suite = suites.iter().find(|s| s.name == url).unwrap();
        assert_eq!(suite.failed_cases, failing, "{url}");
        assert_eq!(suite.failures, failing.len(), "{url}");
        assert_eq!(
            suite.tests,
            page["rules"]["applicable"].as_array().unwrap().len(),
            "{url}"
        );
    }
    println!(
        "JUnit of the demo crawl: {} bytes",
        junit_run.output.stdout.len()
    );

    // EARL: a subject per page; the rules it says failed are those with failed findings.
    let earl_run = crawl_demo("earl");
    let earl = earl_run.json();
    let subjects: Vec<&Value> = earl["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|node| node["@type"][0] == "TestSubject")
        .collect();
    assert_eq!(subjects.len(), pages.len());
    for subject in subjects {
        let url = subject["source"].as_str().unwrap();
        let earl_failed: BTreeSet<(String, String, String)> = subject["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["result"]["outcome"] == "earl:failed")
            .map(|a| {
                (
                    url.to_string(),
                    a["test"]
                        .as_str()
                        .unwrap()
                        .strip_prefix("_:")
                        .unwrap()
                        .to_string(),
                    a["result"]["pointer"]["expression"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect();
        let expected: BTreeSet<_> = failed
            .iter()
            .filter(|(u, _, _)| u == url)
            .cloned()
            .collect();
        assert_eq!(earl_failed, expected, "{url}");
    }
    println!(
        "EARL of the demo crawl: {} bytes",
        earl_run.output.stdout.len()
    );
}

struct Suite {
    name: String,
    tests: usize,
    failures: usize,
    failed_cases: BTreeSet<String>,
}

/// The `<testsuite>`s of a JUnit document, read with quick-xml (well-formedness checked).
fn junit_suites(xml: &str) -> Vec<Suite> {
    use quick_xml::events::Event;
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> String {
        e.attributes()
            .map(|a| a.unwrap())
            .find(|a| a.key.as_ref() == name.as_bytes())
            .map(|a| a.unescape_value().unwrap().into_owned())
            .unwrap_or_default()
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut suites: Vec<Suite> = Vec::new();
    let mut case = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuite" => suites.push(Suite {
                    name: attr(&e, "name"),
                    tests: attr(&e, "tests").parse().unwrap(),
                    failures: attr(&e, "failures").parse().unwrap(),
                    failed_cases: BTreeSet::new(),
                }),
                b"testcase" => case = attr(&e, "classname"),
                b"failure" => {
                    suites.last_mut().unwrap().failed_cases.insert(case.clone());
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    suites
}

#[test]
fn the_gate_and_its_exit_code_do_not_depend_on_the_format() {
    use common::*;
    let dir = tempfile::tempdir().unwrap();
    let clean = write(dir.path(), "clean.html", CLEAN_PAGE);
    let failing = write(dir.path(), "failing.html", FAILING_PAGE);
    for format in ["sarif", "junit", "earl"] {
        let output = run(&["check", "--format", format, path_str(&clean)]);
        assert_eq!(code(&output), 0, "{format}: {}", stderr(&output));
        let output = run(&["check", "--format", format, path_str(&failing)]);
        assert_eq!(code(&output), 1, "{format}: {}", stderr(&output));
        assert!(!output.stdout.is_empty());
    }
    // The rule catalogue is a listing, not a report: only text and JSON.
    let output = run(&["rules", "--format", "sarif"]);
    assert_eq!(code(&output), 2);
}
