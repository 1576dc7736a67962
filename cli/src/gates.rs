//! The CI gates and the baseline on the command line: `--baseline` read into the engine's
//! compact [`Baseline`], the flags mapped to its [`GatePolicy`], and the verdict turned
//! into the exit code with one line per failing gate. The logic is the engine's
//! (`frontdesk_core::report::{baseline, gate}`); this module only reads files and prints.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use frontdesk_core::report::{
    Baseline, FailOn, GateFailure, GatePolicy, Level, ReportDigest, SCHEMA_VERSION,
};

use crate::args::{FailOnArg, GateArgs, LevelArg};
use crate::{error, EXIT_FAIL, EXIT_PASS};

/// What the gate flags ask for, with the baseline loaded.
pub struct Gates {
    pub policy: GatePolicy,
    pub baseline: Option<Baseline>,
    pub report_only: bool,
}

impl Gates {
    /// Checks the flags and reads the baseline; the message of an error is for stderr
    /// (exit 2).
    pub fn from_args(args: &GateArgs) -> Result<Gates, String> {
        // A finding threshold replaces zero tolerance unless --fail-on says otherwise.
        let fail_on = match (args.fail_on, args.max_findings) {
            (Some(FailOnArg::Any), _) => FailOn::Any,
            (Some(FailOnArg::New), _) => FailOn::New,
            (Some(FailOnArg::None), _) | (None, Some(_)) => FailOn::None,
            (None, None) => FailOn::Any,
        };
        if fail_on == FailOn::New && args.baseline.is_none() {
            return Err(
                "--fail-on new needs --baseline FILE (an earlier JSON report to compare with)"
                    .into(),
            );
        }
        let baseline = match &args.baseline {
            Some(path) => {
                let digest = read_report(path, "baseline")?;
                let name = path.display().to_string();
                Some(Baseline::new(name, digest).map_err(|e| {
                    format!(
                        "the baseline '{}' is not a frontdesk JSON report of schema v1: {e}",
                        path.display()
                    )
                })?)
            }
            None => None,
        };
        Ok(Gates {
            policy: GatePolicy {
                fail_on,
                min_level: match args.min_level {
                    LevelArg::A => Level::A,
                    LevelArg::Aa => Level::AA,
                    LevelArg::Aaa => Level::AAA,
                },
                max_findings: args.max_findings,
                min_score: args.min_score,
            },
            baseline,
            report_only: args.report_only,
        })
    }

    /// The exit code for these failing gates, each printed on its own line.
    pub fn verdict(&self, failures: &[GateFailure]) -> u8 {
        for failure in failures {
            if self.report_only {
                error(format_args!("{failure} (--report-only: exit 0)"));
            } else {
                error(failure);
            }
        }
        if failures.is_empty() || self.report_only {
            EXIT_PASS
        } else {
            EXIT_FAIL
        }
    }
}

/// Reads a JSON report (from `check` or `crawl`) keeping only what baselines and `diff`
/// need; `what` names it in errors ("baseline", "old report").
pub fn read_report(path: &Path, what: &str) -> Result<ReportDigest, String> {
    let file = File::open(path)
        .map_err(|e| format!("cannot read the {what} '{}': {e}", path.display()))?;
    let digest: ReportDigest = serde_json::from_reader(BufReader::new(file)).map_err(|e| {
        format!(
            "the {what} '{}' is not a frontdesk JSON report (made with --format json): {e}",
            path.display()
        )
    })?;
    if digest.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "the {what} '{}' is a report of schema version {}; this frontdesk reads version {SCHEMA_VERSION}",
            path.display(),
            digest.schema_version
        ));
    }
    Ok(digest)
}
