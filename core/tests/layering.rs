//! The engine's folders follow the data flow, `html → script → style → model → rules →
//! audit → report`, and no stage may use a later one: a stage that reaches forward makes the
//! order of the pipeline a lie and ties an early stage to a late one's changes. This test reads
//! each stage's source (test code excluded: tests may check a stage through later ones) and
//! fails on any `crate::<later stage>` path.

use std::path::{Path, PathBuf};

/// The stages in data-flow order, each a folder (or file) of `core/src/`.
const STAGES: &[&str] = &[
    "html", "script", "style", "model", "rules", "audit", "report",
];

/// Modules beside the stages that drive them (the crawler): they may use any stage, and no
/// stage may use them.
const BESIDE: &[&str] = &["crawl"];

/// Analyses beside the stages (services, scores): they read the model and the audit's
/// findings; only the report, which carries their results, may use them, and they may use
/// neither the report nor the crawler.
const ANALYSES: &[&str] = &["services", "score"];

fn sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).expect("stage folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The lines of a file that are code outside tests: doc and line comments, test-only files
/// and everything from a file's `#[cfg(test)]` on are left out.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "tests.rs" || name == "testing.rs" {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// `crate::x` and `$crate::x` paths to a later stage than `stage`, or to a module beside the
/// stages.
fn forward_uses(stage: usize, line: &str) -> Vec<&'static str> {
    let report = STAGES.len() - 1;
    let analyses: &[&str] = if stage < report { ANALYSES } else { &[] };
    STAGES[stage + 1..]
        .iter()
        .chain(BESIDE)
        .chain(analyses)
        .copied()
        .filter(|later| {
            let needle = format!("crate::{later}");
            line.match_indices(&needle).any(|(i, _)| {
                let after = line[i + needle.len()..].chars().next();
                !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
        .collect()
}

#[test]
fn no_stage_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut files = 0;
    for (stage, name) in STAGES.iter().enumerate() {
        let folder = src.join(name);
        let path = if folder.is_dir() {
            folder
        } else {
            src.join(format!("{name}.rs"))
        };
        assert!(
            path.exists(),
            "stage {name} has no folder or file in core/src"
        );
        for file in sources(&path) {
            files += 1;
            for (number, line) in code_lines(&file) {
                for later in forward_uses(stage, &line) {
                    found.push(format!(
                        "{}:{number}: stage `{name}` uses later stage `{later}`: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(files > 50, "read only {files} files: wrong folder?");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_forward_paths() {
    // `style` (2) using the model or the rules is forward; using `html` is not, and a
    // longer name that merely starts like a stage is not a stage.
    assert_eq!(forward_uses(2, "use crate::model::El;"), vec!["model"]);
    assert_eq!(forward_uses(2, "x: $crate::rules::Impact"), vec!["rules"]);
    assert!(forward_uses(2, "use crate::html::tree::Html;").is_empty());
    assert!(forward_uses(2, "use crate::reporting;").is_empty());
    // Even the last stage may not use the crawler that drives the stages.
    assert_eq!(forward_uses(6, "use crate::crawl::links;"), vec!["crawl"]);
    // The report carries the analyses' results; earlier stages may not use them.
    assert!(forward_uses(6, "use crate::services::Check;").is_empty());
    assert_eq!(forward_uses(5, "crate::score::page"), vec!["score"]);
}

#[test]
fn analyses_use_neither_the_report_nor_the_crawler() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for name in ANALYSES {
        for file in sources(&src.join(name)) {
            for (number, line) in code_lines(&file) {
                for later in ["report", "crawl"] {
                    if forward_uses(STAGES.len() - 2, &line).contains(&later) {
                        found.push(format!(
                            "{}:{number}: `{name}` uses `{later}`",
                            file.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
