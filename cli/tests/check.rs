//! `frontdesk check` on local files: exit codes, error lines, report formats.

mod common;

use common::*;
use frontdesk_core::{audit, Options, Report};

#[test]
fn clean_page_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let output = run(&["check", path_str(&page)]);
    assert_eq!(
        code(&output),
        0,
        "stdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    assert!(output.stderr.is_empty());
    let text = stdout(&output);
    assert!(text.contains("no failures found"), "{text}");
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("1 page, 0 failed, 0 cannot tell ("),
        "{text}"
    );
}

#[test]
fn failing_page_exits_1_and_shows_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "failing.html", FAILING_PAGE);
    let output = run(&["check", path_str(&page)]);
    assert_eq!(code(&output), 1, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    let url = url::Url::from_file_path(page.canonicalize().unwrap()).unwrap();
    // The header ends with the page's score, below 100 for a page failing WCAG A.
    let header = text.lines().next().unwrap();
    let score = header
        .strip_prefix(&format!(
            "{url}  \"Recycling - Example Council\"  [accessibility "
        ))
        .and_then(|rest| rest.strip_suffix("/100]"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(score.parse::<u8>().unwrap() < 100, "{header}");
    assert!(
        text.contains("  failed  image-has-name  [1.1.1 A, critical]  "),
        "{text}"
    );
    assert!(
        text.contains(r#"<img src="bins.png">"#),
        "the snippet is shown: {text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("1 page, 1 failed, 0 cannot tell"),
        "{text}"
    );
}

#[test]
fn json_report_is_exactly_the_engine_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "failing.html", FAILING_PAGE);
    let output = run(&["check", "--format", "json", path_str(&page)]);
    assert_eq!(code(&output), 1);
    let url = url::Url::from_file_path(page.canonicalize().unwrap()).unwrap();
    let expected =
        Report::new(vec![audit(FAILING_PAGE, url.as_str(), &Options::default())]).to_json_pretty();
    assert_eq!(stdout(&output).trim_end(), expected);
    let report = json(&output);
    assert_eq!(
        report["pages"][0]["status"],
        serde_json::Value::Null,
        "files have no HTTP status"
    );
}

#[test]
fn missing_file_exits_2_with_one_line_naming_the_path() {
    let output = run(&["check", "definitely-missing-page.html"]);
    assert_eq!(code(&output), 2);
    assert!(
        output.stdout.is_empty(),
        "no report when nothing could be read"
    );
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with("frontdesk: cannot read 'definitely-missing-page.html': "),
        "{err}"
    );
}

#[test]
fn bad_urls_exit_2_with_one_line() {
    for arg in ["ftp://council.example/page.html", "htp:/x"] {
        let output = run(&["check", arg]);
        assert_eq!(code(&output), 2, "{arg}");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{arg}: {err}");
        assert!(
            err.starts_with("frontdesk: ") && err.contains(arg),
            "{arg}: {err}"
        );
        assert!(err.contains("unsupported URL scheme"), "{arg}: {err}");
    }
}

#[test]
fn good_and_bad_inputs_report_the_good_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let missing = dir.path().join("missing.html");
    let output = run(&[
        "check",
        "--format",
        "json",
        path_str(&missing),
        path_str(&page),
    ]);
    assert_eq!(code(&output), 2);
    assert_eq!(json(&output)["pages"].as_array().unwrap().len(), 1);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(path_str(&missing)), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&run(&["check", "--bogus", "x.html"])), 2);
    assert_eq!(code(&run(&["check"])), 2, "at least one input is required");
    assert_eq!(code(&run(&["check", "--format", "xml", "x.html"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
    assert_eq!(
        code(&run(&["check", "--force", "x.html"])),
        2,
        "--force needs --output"
    );
}

#[test]
fn folder_is_checked_recursively_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.html", CLEAN_PAGE);
    write(dir.path(), "sub/a.htm", FAILING_PAGE);
    write(dir.path(), "a.html", CLEAN_PAGE);
    write(dir.path(), "notes.txt", "not a page");
    let output = run(&["check", "--format", "json", path_str(dir.path())]);
    assert_eq!(code(&output), 1);
    let report = json(&output);
    let urls: Vec<&str> = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls.len(), 3, "{urls:?}");
    assert!(
        urls[0].ends_with("/a.html")
            && urls[1].ends_with("/b.html")
            && urls[2].ends_with("/sub/a.htm"),
        "{urls:?}"
    );
}

#[test]
fn legacy_encodings_and_boms_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.html",
        b"<html lang=en><meta charset=windows-1252><title>\xA3 council tax</title></html>"
            .as_slice(),
    );
    let bom = write(
        dir.path(),
        "bom.html",
        b"\xEF\xBB\xBF<html lang=en><title>Caf\xC3\xA9</title></html>".as_slice(),
    );
    let output = run(&[
        "check",
        "--format",
        "json",
        path_str(&latin1),
        path_str(&bom),
    ]);
    assert!(code(&output) <= 1, "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["pages"][0]["title"], "£ council tax");
    assert_eq!(report["pages"][1]["title"], "Café");
}

#[test]
fn hostile_titles_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "evil.html",
        "<html lang=en><title>Hi\x1b[2J\x1b]0;pwned\x07</title></html>",
    );
    let output = run(&["check", path_str(&page)]);
    assert!(code(&output) <= 1);
    let text = stdout(&output);
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(text.contains("Hi\\u{1b}[2J"), "{text}");
}

#[test]
fn help_and_version() {
    let output = run(&["--version"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output).trim(),
        format!("frontdesk {}", env!("CARGO_PKG_VERSION"))
    );

    let output = run(&["--help"]);
    assert_eq!(code(&output), 0);
    let help = stdout(&output);
    assert!(
        help.contains("council") && help.contains("check") && help.contains("rules"),
        "{help}"
    );

    let output = run(&["check", "--help"]);
    assert_eq!(code(&output), 0);
    let help = stdout(&output);
    assert!(help.contains("Exit codes:"), "{help}");
    assert!(
        help.contains("--output") && help.contains("--force") && help.contains("--format"),
        "{help}"
    );
}
