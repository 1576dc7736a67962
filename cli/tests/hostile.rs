//! Hostile inputs must give a report (exit 0 or 1), never a crash. A death by signal
//! (stack overflow, abort) has no exit code and fails these tests.

mod common;

use common::*;

fn assert_survives(path: &std::path::Path) {
    let output = run(&["check", "--format", "json", path_str(path)]);
    let status = code(&output);
    assert!(
        status == 0 || status == 1,
        "exit {status}; stderr: {}",
        stderr(&output)
    );
    let report = json(&output);
    assert_eq!(report["pages"].as_array().unwrap().len(), 1);
}

#[test]
fn ten_megabytes_of_nested_divs() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<!doctype html><html lang=en><title>Deep</title><body>");
    html.push_str(&"<div>".repeat(200_000));
    html.push_str("<p>deep</p>");
    html.push_str(&"</div>".repeat(200_000));
    // Fill up to 10 MB with more, never-closed nesting: the worst case for a tree walk.
    let fill = (10_000_000 - html.len()) / "<div>".len();
    html.push_str(&"<div>".repeat(fill));
    let path = write(dir.path(), "deep.html", &html);
    assert!(std::fs::metadata(&path).unwrap().len() >= 9_999_990);
    assert_survives(&path);
}

#[test]
fn random_binary_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // xorshift64*: deterministic "random" bytes without a dependency.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..1_000_000)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect();
    let path = write(dir.path(), "noise.html", &bytes);
    assert_survives(&path);
}
