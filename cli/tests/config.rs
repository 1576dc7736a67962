//! `frontdesk.toml`, `--config`, `[[ignore]]` and several `--format`/`--output` pairs in
//! one run (docs/config.md), through the real binary in a temporary folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

/// A folder with a `.git` in it, so that the search for frontdesk.toml stops there
/// whatever lies above the temporary folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn run_in(cwd: &Path, args: &[&str]) -> Output {
    frontdesk()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the frontdesk binary runs")
}

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../test-sites/demo-council")
        .canonicalize()
        .expect("demo site exists")
}

/// FAILING_PAGE's one A/AA failure: image-has-name.
const IGNORE_IMAGE: &str = r#"
[[ignore]]
rule = "image-has-name"
reason = "the bins picture is replaced next sprint"
"#;

fn findings(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["pages"][0]["findings"].as_array().unwrap().clone()
}

#[test]
fn found_upward_from_a_subfolder_and_ignores_the_only_failure() {
    let dir = project();
    let sub = dir.path().join("pages/bins");
    std::fs::create_dir_all(&sub).unwrap();
    let page = write(&sub, "recycling.html", FAILING_PAGE);

    // Without a config file the page fails (exit 1).
    let before = run_in(&sub, &["check", "--format", "json", path_str(&page)]);
    assert_eq!(code(&before), 1, "{}", stderr(&before));

    write(dir.path(), "frontdesk.toml", IGNORE_IMAGE);
    let after = run_in(&sub, &["check", "--format", "json", path_str(&page)]);
    assert_eq!(code(&after), 0, "{}", stderr(&after));
    let report = json(&after);
    let image: Vec<_> = findings(&report)
        .into_iter()
        .filter(|f| f["rule"] == "image-has-name")
        .collect();
    assert_eq!(image.len(), 1);
    assert_eq!(image[0]["outcome"], "failed", "it stays what it is");
    assert_eq!(
        image[0]["ignored"],
        "the bins picture is replaced next sprint"
    );

    // The text report shows it apart, with its reason.
    let text = stdout(&run_in(&sub, &["check", path_str(&page)]));
    assert!(
        text.contains("  ignored  image-has-name  [1.1.1 A, critical]"),
        "{text}"
    );
    assert!(
        text.contains("      ignored: the bins picture is replaced next sprint"),
        "{text}"
    );
    assert!(!text.contains("  failed  image-has-name"), "{text}");
}

#[test]
fn the_search_stops_at_the_repository_root() {
    let outer = tempfile::tempdir().unwrap();
    write(outer.path(), "frontdesk.toml", IGNORE_IMAGE);
    let repo = outer.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let page = write(&repo, "recycling.html", FAILING_PAGE);
    let run = run_in(&repo, &["check", path_str(&page)]);
    assert_eq!(code(&run), 1, "the file above the repository is not read");
}

#[test]
fn an_ignore_for_another_selector_or_page_leaves_the_failure() {
    let dir = project();
    let page = write(dir.path(), "recycling.html", FAILING_PAGE);
    write(
        dir.path(),
        "frontdesk.toml",
        r#"
[[ignore]]
rule = "image-has-name"
url = "/news/**"
reason = "news pictures are described in the caption"

[[ignore]]
rule = "image-has-name"
selector = "main > img.logo"
reason = "the logo"
"#,
    );
    let run = run_in(dir.path(), &["check", "--format", "json", path_str(&page)]);
    assert_eq!(code(&run), 1, "{}", stderr(&run));
    let all = findings(&json(&run));
    assert!(all.iter().all(|f| f.get("ignored").is_none()));

    // The selector the report prints, copied into an entry, matches.
    let selector = all
        .iter()
        .find(|f| f["rule"] == "image-has-name")
        .and_then(|f| f["selector"].as_str())
        .unwrap()
        .to_string();
    write(
        dir.path(),
        "frontdesk.toml",
        format!(
            "[[ignore]]\nrule = \"image-has-name\"\nurl = \"/**/recycling.html\"\nselector = '{selector}'\nreason = \"known\"\n"
        ),
    );
    let run = run_in(dir.path(), &["check", path_str(&page)]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
}

#[test]
fn config_flag_wins_over_the_file_found() {
    let dir = project();
    let page = write(dir.path(), "recycling.html", FAILING_PAGE);
    write(dir.path(), "frontdesk.toml", IGNORE_IMAGE);
    let other = write(dir.path(), "strict.toml", "# nothing ignored\n");
    let run = run_in(
        dir.path(),
        &["check", "--config", "strict.toml", path_str(&page)],
    );
    assert_eq!(code(&run), 1, "{}", stderr(&run));
    assert!(other.exists());

    let missing = run_in(
        dir.path(),
        &["check", "--config", "nope.toml", path_str(&page)],
    );
    assert_eq!(code(&missing), 2);
    let err = stderr(&missing);
    assert!(
        err.starts_with("frontdesk: cannot read the config file 'nope.toml'"),
        "{err}"
    );
}

#[test]
fn flags_override_keys() {
    let dir = project();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    write(
        dir.path(),
        "frontdesk.toml",
        "[[output]]\nformat = \"json\"\n\n[crawl]\nmax_pages = 1\n",
    );
    // The file's output: JSON on standard output.
    let from_file = run_in(dir.path(), &["check", path_str(&page)]);
    assert_eq!(code(&from_file), 0, "{}", stderr(&from_file));
    assert_eq!(json(&from_file)["schema_version"], 1);
    // The flag's.
    let from_flag = run_in(dir.path(), &["check", "--format", "text", path_str(&page)]);
    assert!(
        stdout(&from_flag).starts_with("file://"),
        "{}",
        stdout(&from_flag)
    );

    // [crawl] max_pages = 1: the start page only; --max-pages 3 wins.
    let site = demo_dir();
    let site = path_str(&site);
    let capped = json(&run_in(
        dir.path(),
        &[
            "crawl",
            site,
            "--crawl-date",
            "2026-12-07",
            "--format",
            "json",
        ],
    ));
    assert_eq!(capped["site"]["limits"]["max_pages"], 1, "{capped}");
    assert_eq!(capped["pages"].as_array().unwrap().len(), 1);
    let flag = json(&run_in(
        dir.path(),
        &[
            "crawl",
            site,
            "--crawl-date",
            "2026-12-07",
            "--format",
            "json",
            "--max-pages",
            "3",
        ],
    ));
    assert_eq!(flag["site"]["limits"]["max_pages"], 3, "{flag}");
}

fn config_error(toml: &str) -> String {
    let dir = project();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    write(dir.path(), "frontdesk.toml", toml);
    let run = run_in(dir.path(), &["check", path_str(&page)]);
    assert_eq!(code(&run), 2, "{}", stdout(&run));
    assert!(run.stdout.is_empty(), "no report after a config error");
    stderr(&run)
}

#[test]
fn unknown_key_names_the_key_and_its_line() {
    let err = config_error("# frontdesk settings\n\n[crawl]\nrate = 2\nmax_page = 5\n");
    assert!(
        err.starts_with("frontdesk: ")
            && err.contains(
                "frontdesk.toml line 5: unknown key 'max_page' (did you mean 'max_pages'?)"
            ),
        "{err}"
    );
    let err = config_error("[crawl]\nmax_pages = \"many\"\n");
    assert!(
        err.contains("frontdesk.toml line 2: 'max_pages': invalid value 'many'"),
        "{err}"
    );
}

#[test]
fn an_ignore_needs_a_reason_and_a_known_rule() {
    let err = config_error("\n[[ignore]]\nrule = \"image-has-name\"\n");
    assert!(
        err.contains(
            "frontdesk.toml line 2: the [[ignore]] entry for 'image-has-name' has no reason"
        ),
        "{err}"
    );
    let err = config_error("[[ignore]]\nrule = \"img-alt\"\nreason = \"old CMS\"\n");
    assert!(
        err.contains("frontdesk.toml line 2: unknown rule 'img-alt'"),
        "{err}"
    );
}

#[test]
fn an_expired_entry_warns_and_stops_ignoring() {
    let dir = project();
    let page = write(dir.path(), "recycling.html", FAILING_PAGE);
    write(
        dir.path(),
        "frontdesk.toml",
        format!("{IGNORE_IMAGE}expires = 2020-01-31\n"),
    );
    let run = run_in(dir.path(), &["check", "--format", "json", path_str(&page)]);
    assert_eq!(code(&run), 1);
    let err = stderr(&run);
    // The warning, then the gate's line (the finding counts again).
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(
        err.lines().nth(1),
        Some("frontdesk: gate --fail-on any failed: 1 A/AA failure (limit 0)")
    );
    assert!(
        err.starts_with("frontdesk: warning: ")
            && err.contains("frontdesk.toml line 2: the [[ignore]] entry for 'image-has-name' expired on 2020-01-31"),
        "{err}"
    );
    assert!(findings(&json(&run))
        .iter()
        .all(|f| f.get("ignored").is_none()));

    // Still in force until the end of its last day.
    write(
        dir.path(),
        "frontdesk.toml",
        format!("{IGNORE_IMAGE}expires = 9999-12-31\n"),
    );
    let run = run_in(dir.path(), &["check", path_str(&page)]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert!(stderr(&run).is_empty());
}

#[test]
fn crawl_judges_expiry_by_the_crawl_date() {
    let dir = project();
    // The demo site's pages fail image-has-name among others; the date alone decides
    // whether the entry applies.
    write(
        dir.path(),
        "frontdesk.toml",
        format!("{IGNORE_IMAGE}expires = 2026-06-30\n"),
    );
    let site = demo_dir();
    let ignored = |date: &str| {
        let run = run_in(
            dir.path(),
            &[
                "crawl",
                path_str(&site),
                "--crawl-date",
                date,
                "--format",
                "json",
            ],
        );
        let report = json(&run);
        let count = report["pages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["findings"].as_array().unwrap().clone())
            .filter(|f| f.get("ignored").is_some())
            .count();
        (count, stderr(&run))
    };
    let (on_last_day, err) = ignored("2026-06-30");
    assert!(on_last_day > 0, "image-has-name fails on the demo site");
    assert!(!err.contains("expired"), "{err}");
    let (after, err) = ignored("2026-07-01");
    assert_eq!(after, 0);
    assert!(err.contains("expired on 2026-06-30"), "{err}");
}

#[test]
fn two_outputs_in_one_run_equal_single_runs() {
    let dir = project();
    let page = write(dir.path(), "recycling.html", FAILING_PAGE);
    let page = path_str(&page);
    let json_file = dir.path().join("r.json");
    let text_file = dir.path().join("r.txt");
    let both = run_in(
        dir.path(),
        &[
            "check",
            "-o",
            path_str(&json_file),
            "-o",
            path_str(&text_file),
            page,
        ],
    );
    assert_eq!(code(&both), 1, "{}", stderr(&both));
    assert!(both.stdout.is_empty());
    let single_json = run_in(dir.path(), &["check", "--format", "json", page]);
    let single_text = run_in(dir.path(), &["check", "--format", "text", page]);
    assert_eq!(std::fs::read(&json_file).unwrap(), single_json.stdout);
    assert_eq!(std::fs::read(&text_file).unwrap(), single_text.stdout);

    // A crawl streams its pages once per output, each equal to a run of its own.
    let site = demo_dir();
    let site = path_str(&site);
    let crawl_json = dir.path().join("crawl.json");
    let crawl_text = dir.path().join("crawl.report");
    let both = run_in(
        dir.path(),
        &[
            "crawl",
            site,
            "--crawl-date",
            "2026-12-07",
            "--format",
            "json",
            "-o",
            path_str(&crawl_json),
            "--format",
            "text",
            "-o",
            path_str(&crawl_text),
        ],
    );
    assert_eq!(code(&both), 1, "{}", stderr(&both));
    for (format, file) in [("json", &crawl_json), ("text", &crawl_text)] {
        let single = run_in(
            dir.path(),
            &[
                "crawl",
                site,
                "--crawl-date",
                "2026-12-07",
                "--format",
                format,
            ],
        );
        assert_eq!(
            std::fs::read(file).unwrap(),
            single.stdout,
            "{format} differs"
        );
    }
}

#[test]
fn a_format_without_an_output_goes_to_stdout_beside_the_files() {
    let dir = project();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let file = dir.path().join("r.json");
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "-o",
            path_str(&file),
            "--format",
            "text",
            path_str(&page),
        ],
    );
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert!(stdout(&run).starts_with("file://"), "{}", stdout(&run));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["schema_version"], 1);

    // Two formats for standard output is one too many.
    let run = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--format",
            "text",
            path_str(&page),
        ],
    );
    assert_eq!(code(&run), 2);
    assert!(stderr(&run).contains("standard output"), "{}", stderr(&run));
}

#[test]
fn every_output_is_checked_before_any_work() {
    let dir = project();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let fresh = dir.path().join("fresh.json");
    let existing = write(dir.path(), "old.txt", "precious\n");
    let args = [
        "check",
        "-o",
        path_str(&fresh),
        "-o",
        path_str(&existing),
        path_str(&page),
    ];
    let run = run_in(dir.path(), &args);
    assert_eq!(code(&run), 2);
    let err = stderr(&run);
    assert!(
        err.contains(path_str(&existing)) && err.contains("--force"),
        "{err}"
    );
    assert!(
        !fresh.exists(),
        "nothing written when one output is refused"
    );
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious\n");

    let mut forced = args.to_vec();
    forced.push("--force");
    let run = run_in(dir.path(), &forced);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert!(fresh.exists());
    assert!(std::fs::read_to_string(&existing)
        .unwrap()
        .starts_with("file://"));
}

#[test]
fn formats_come_from_extensions_or_the_run_stops() {
    let dir = project();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let file = dir.path().join("REPORT.JSON");
    let run = run_in(
        dir.path(),
        &["check", "-o", path_str(&file), path_str(&page)],
    );
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["schema_version"], 1);

    let unknown = dir.path().join("report.dat");
    let run = run_in(
        dir.path(),
        &["check", "-o", path_str(&unknown), path_str(&page)],
    );
    assert_eq!(code(&run), 2);
    let err = stderr(&run);
    assert!(
        err.contains("cannot tell the format of") && err.contains("report.dat"),
        "{err}"
    );
    assert!(!unknown.exists());
}

#[test]
fn output_tables_in_the_file_are_relative_to_it() {
    let dir = project();
    let sub = dir.path().join("site");
    std::fs::create_dir(&sub).unwrap();
    let page = write(&sub, "clean.html", CLEAN_PAGE);
    write(
        dir.path(),
        "frontdesk.toml",
        "[[output]]\npath = \"reports/a11y.json\"\n\n[[output]]\nformat = \"text\"\npath = \"reports/a11y.report\"\n",
    );
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    let run = run_in(&sub, &["check", path_str(&page)]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert!(run.stdout.is_empty());
    let json_text = std::fs::read_to_string(dir.path().join("reports/a11y.json")).unwrap();
    assert!(json_text.starts_with('{'));
    let text = std::fs::read_to_string(dir.path().join("reports/a11y.report")).unwrap();
    assert!(text.starts_with("file://"), "{text}");
}
