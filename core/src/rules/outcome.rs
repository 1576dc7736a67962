//! The vocabulary of a rule's verdict: the ACT outcome, the WCAG level of the success
//! criteria a rule checks, and how badly a failure blocks people. The report carries them as
//! they are (their serde names are part of the JSON report's contract).

use serde::{Deserialize, Serialize};

/// ACT outcome of one rule on one target. "Inapplicable" is not an outcome of a target:
/// a rule with no targets on a page simply yields nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    /// The target meets the rule's expectations.
    #[serde(rename = "passed")]
    Passed,
    /// The target fails the rule's expectations.
    #[serde(rename = "failed")]
    Failed,
    /// The engine could not decide; the finding's message says why. A person should check.
    #[serde(rename = "cantTell")]
    CantTell,
}

impl Outcome {
    /// The ACT/EARL spelling: `passed`, `failed`, `cantTell`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::CantTell => "cantTell",
        }
    }
}

/// WCAG conformance level of a rule's success criteria. Best-practice rules have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Level A.
    A,
    /// Level AA.
    AA,
    /// Level AAA.
    AAA,
}

impl Level {
    /// `"A"`, `"AA"` or `"AAA"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::AA => "AA",
            Level::AAA => "AAA",
        }
    }
}

/// How badly a failure blocks people, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Blocks a task outright for some people (no name on a button, zoom disabled).
    Critical,
    /// Makes a task very hard.
    Serious,
    /// Makes a task harder.
    Moderate,
    /// An annoyance.
    Minor,
}

impl Impact {
    /// Lower-case name: `critical`, `serious`, `moderate`, `minor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Critical => "critical",
            Impact::Serious => "serious",
            Impact::Moderate => "moderate",
            Impact::Minor => "minor",
        }
    }
}
