//! The CI examples in `examples/ci/` do what they say: each file is valid YAML of the shape
//! its CI service reads, and the shell steps that run frontdesk are run here, as written,
//! against a copy of the demo site (as `_site/`), with the freshly built binary first on
//! PATH. Steps that need the CI service itself (building, installing, downloading an
//! artifact) are left out; the test plays their part (it copies the baseline into place
//! the way the artifact download would).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use yaml_rust2::{Yaml, YamlLoader};

fn example(name: &str) -> Yaml {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/ci")
        .join(name);
    let text = fs::read_to_string(&path).unwrap();
    let mut docs = YamlLoader::load_from_str(&text)
        .unwrap_or_else(|e| panic!("{}: invalid YAML: {e}", path.display()));
    assert_eq!(docs.len(), 1, "{name}: one YAML document");
    docs.remove(0)
}

/// A workspace for one CI run: `_site/` is a copy of the demo site.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-sites/demo-council");
    copy_dir(&demo, &dir.path().join("_site"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs a step's shell script as the CI runner would (`bash -e`), with this build of
/// frontdesk first on PATH.
fn run_script(dir: &Path, script: &str) -> Output {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_frontdesk")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Plants a new level A failure (an image with no text alternative) on the home page.
fn plant_regression(dir: &Path) {
    let home = dir.join("_site/index.html");
    let html = fs::read_to_string(&home).unwrap();
    let at = html
        .find("</main>")
        .expect("the demo home page has a main element");
    let changed = format!("{}<img src=\"new-banner.png\">{}", &html[..at], &html[at..]);
    fs::write(&home, changed).unwrap();
}

fn github_step<'a>(workflow: &'a Yaml, name: &str) -> &'a str {
    let steps = workflow["jobs"]["frontdesk"]["steps"]
        .as_vec()
        .expect("jobs.frontdesk.steps is a list");
    steps
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step named '{name}'"))["run"]
        .as_str()
        .unwrap_or_else(|| panic!("step '{name}' has a run script"))
}

#[test]
fn github_actions_example_gates_on_new_failures_and_writes_sarif() {
    let workflow = example("github-actions.yml");
    // The parts GitHub reads: triggers, permissions for SARIF upload, the upload step.
    assert!(!workflow["on"]["pull_request"].is_badvalue());
    assert_eq!(
        workflow["permissions"]["security-events"].as_str(),
        Some("write")
    );
    let steps = workflow["jobs"]["frontdesk"]["steps"].as_vec().unwrap();
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("a SARIF upload step");
    assert_eq!(
        upload["with"]["sarif_file"].as_str(),
        Some("frontdesk.sarif")
    );

    let record = github_step(&workflow, "Record the baseline (main)");
    let check = github_step(&workflow, "Check for new problems (pull request)");
    let dir = workspace();

    // main: the baseline is recorded whatever it holds (the demo has planted failures).
    let out = run_script(dir.path(), record);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let baseline: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dir.path().join("frontdesk-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["schema_version"], 1);

    // A pull request before any baseline exists: every A/AA failure counts.
    let out = run_script(dir.path(), check);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    for file in ["frontdesk.sarif", "frontdesk.html", "frontdesk.md"] {
        fs::remove_file(dir.path().join(file)).unwrap();
    }

    // The artifact download puts main's baseline here.
    fs::create_dir(dir.path().join("baseline")).unwrap();
    fs::rename(
        dir.path().join("frontdesk-baseline.json"),
        dir.path().join("baseline/frontdesk-baseline.json"),
    )
    .unwrap();

    // A pull request that changes nothing: the old failures are known, the gate passes.
    let out = run_script(dir.path(), check);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let sarif: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("frontdesk.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let html = fs::read_to_string(dir.path().join("frontdesk.html")).unwrap();
    assert!(html.contains("<html"));
    assert!(!fs::read_to_string(dir.path().join("frontdesk.md"))
        .unwrap()
        .is_empty());
    for file in ["frontdesk.sarif", "frontdesk.html", "frontdesk.md"] {
        fs::remove_file(dir.path().join(file)).unwrap();
    }

    // A pull request that adds a failure: the gate fails, naming itself, and the SARIF
    // result for it is marked new.
    plant_regression(dir.path());
    let out = run_script(dir.path(), check);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("--fail-on new"), "{}", stderr(&out));
    let sarif: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("frontdesk.sarif")).unwrap())
            .unwrap();
    let new: Vec<_> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["baselineState"] == "new")
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["ruleId"], "image-has-name");
}

#[test]
fn gitlab_example_writes_junit_and_gates_on_new_failures() {
    let pipeline = example("gitlab-ci.yml");
    let job = &pipeline["accessibility"];
    assert_eq!(
        job["artifacts"]["reports"]["junit"].as_str(),
        Some("frontdesk.xml")
    );
    let script: Vec<&str> = job["script"]
        .as_vec()
        .expect("accessibility.script is a list")
        .iter()
        .filter_map(Yaml::as_str)
        .filter(|line| line.starts_with("frontdesk "))
        .collect();
    assert_eq!(script.len(), 1, "one frontdesk command: {script:?}");

    let dir = workspace();
    // The baseline the repository keeps, made once as the example's comment says.
    let out = run_script(
        dir.path(),
        "frontdesk crawl _site --quiet --report-only --format json -o frontdesk-baseline.json",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let out = run_script(dir.path(), script[0]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let junit = fs::read_to_string(dir.path().join("frontdesk.xml")).unwrap();
    assert!(junit.contains("<testsuites"), "{junit}");
    assert!(dir.path().join("frontdesk.html").is_file());
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("frontdesk.json")).unwrap())
            .unwrap();
    assert_eq!(report["baseline"]["new"], 0);
    for file in ["frontdesk.xml", "frontdesk.html", "frontdesk.json"] {
        fs::remove_file(dir.path().join(file)).unwrap();
    }

    plant_regression(dir.path());
    let out = run_script(dir.path(), script[0]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("frontdesk.json")).unwrap())
            .unwrap();
    assert_eq!(report["baseline"]["new"], 1);
}
