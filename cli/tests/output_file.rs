//! `--output FILE`: never replaces a user's file without `--force`; writes whole reports.

mod common;

use common::*;

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let existing = write(dir.path(), "report.json", "my precious notes\n");
    let output = run(&[
        "check",
        "--format",
        "json",
        "--output",
        path_str(&existing),
        path_str(&page),
    ]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(path_str(&existing)) && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "my precious notes\n"
    );
    assert!(
        output.stdout.is_empty(),
        "the report goes nowhere else either"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no stray temporary file"
    );
}

#[test]
fn force_replaces_with_valid_json() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "failing.html", FAILING_PAGE);
    let existing = write(dir.path(), "report.json", "old");
    let output = run(&[
        "check",
        "--format",
        "json",
        "--output",
        path_str(&existing),
        "--force",
        path_str(&page),
    ]);
    assert_eq!(
        code(&output),
        1,
        "exit code still reflects the findings: {}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty(), "the report went to the file");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&existing).unwrap()).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["pages"][0]["findings"][0]["rule"], "image-has-name");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no stray temporary file"
    );
}

#[test]
fn writes_a_new_file_as_text_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let target = dir.path().join("report.txt");
    // Colour allowed by the environment: a file must still get none.
    let output = frontdesk()
        .env_remove("NO_COLOR")
        .args(["check", "-o", path_str(&target), path_str(&page)])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("1 page, 0 failed") && !text.contains('\x1b'),
        "{text}"
    );
}

#[test]
fn output_into_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let target = dir.path().join("no-such-folder/report.json");
    let output = run(&["check", "-o", path_str(&target), path_str(&page)]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("frontdesk: cannot write '") && err.contains("report.json"),
        "{err}"
    );
    // Found before any page is read, naming the folder, not a temporary file.
    assert!(err.contains("no-such-folder' does not exist"), "{err}");
    assert!(!err.contains(".frontdesk-"), "{err}");
}

#[test]
fn output_under_a_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let blocker = write(dir.path(), "blocker", "");
    let target = blocker.join("report.json");
    let output = run(&["check", "-o", path_str(&target), path_str(&page)]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("blocker' is not a folder"), "{err}");
}
