//! Helpers shared by the integration tests: run the real `frontdesk` binary, and write
//! small pages to a temporary folder.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const CLEAN_PAGE: &str = r#"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bin collection days - Example Council</title>
</head>
<body>
<main>
<h1>Bin collection days</h1>
<p>Your bins are collected every other Tuesday.</p>
<p><a href="/bins/calendar">See the collection calendar</a></p>
</main>
</body>
</html>
"#;

/// Fails image-has-name (1.1.1, level A) once.
pub const FAILING_PAGE: &str = r#"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Recycling - Example Council</title>
</head>
<body>
<main>
<h1>Recycling</h1>
<img src="bins.png">
</main>
</body>
</html>
"#;

pub fn frontdesk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    // Plain, stable output whatever the environment of the test run.
    command.env("NO_COLOR", "1");
    command
}

pub fn run(args: &[&str]) -> Output {
    frontdesk()
        .args(args)
        .output()
        .expect("the frontdesk binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit code; a death by signal (a crash) fails the test here.
pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or_else(|| {
        panic!(
            "frontdesk was killed by a signal: {:?}\nstderr: {}",
            output.status,
            stderr(output)
        )
    })
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr: {}",
            stdout(output),
            stderr(output)
        )
    })
}

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write test page");
    path
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// Failed findings of one page of a JSON report, as (rule, selector, snippet).
pub fn failed(page: &serde_json::Value) -> Vec<(String, String, String)> {
    page["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["outcome"] == "failed")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["selector"].as_str().unwrap_or("").to_string(),
                f["snippet"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}
