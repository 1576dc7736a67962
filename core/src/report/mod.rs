//! Report types: what an audit returns, serialised as frontdesk's JSON report (schema v1,
//! documented in `docs/report.md`). Field names here are a public contract.

use serde::{Deserialize, Serialize};

/// Version of the JSON report layout. Bumped only on breaking changes.
pub const SCHEMA_VERSION: u32 = 1;

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

/// One rule's outcome on one element of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, e.g. `image-has-name`.
    pub rule: String,
    /// `failed` or `cantTell` (and `passed` when [`crate::Options::include_passed`] is set).
    pub outcome: Outcome,
    /// WCAG success criteria, e.g. `["1.1.1"]`; empty for best practice.
    pub wcag: Vec<String>,
    /// Conformance level of the criteria; `null` for best practice.
    pub level: Option<Level>,
    /// ACT rule ids the rule implements.
    pub act: Vec<String>,
    /// Severity.
    pub impact: Impact,
    /// A CSS selector that matches exactly this element in the page.
    pub selector: String,
    /// The element's start tag (shortened), for people to recognise it.
    pub snippet: String,
    /// What is wrong (or why the engine could not tell), in plain English.
    pub message: String,
}

/// The audit of one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageReport {
    /// The page's URL (`file://` for files on disk).
    pub url: String,
    /// HTTP status when the page was fetched; `null` for files and strings.
    pub status: Option<u16>,
    /// The text of the page's `<title>`, whitespace collapsed; `null` when there is none.
    pub title: Option<String>,
    /// Findings in document order, then by rule id.
    pub findings: Vec<Finding>,
}

impl PageReport {
    /// Findings with outcome `failed` at WCAG level A or AA: what fails a WCAG 2.2 AA gate.
    pub fn failed_a_aa(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| {
            f.outcome == Outcome::Failed && matches!(f.level, Some(Level::A) | Some(Level::AA))
        })
    }
}

/// Name and version of the tool that wrote a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolInfo {
    /// Always `frontdesk`.
    pub name: String,
    /// The engine's version.
    pub version: String,
}

impl Default for ToolInfo {
    fn default() -> Self {
        ToolInfo {
            name: "frontdesk".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// A whole report: one or more audited pages. Serialises to schema v1.
///
/// ```
/// use frontdesk_core::{audit, Options, Report};
/// let page = audit("<html lang=en><title>x</title></html>", "https://a.example/", &Options::default());
/// let json = Report::new(vec![page]).to_json();
/// assert!(json.starts_with("{\"schema_version\":1,"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Which tool wrote it.
    pub tool: ToolInfo,
    /// The pages, in the order they were given.
    pub pages: Vec<PageReport>,
}

impl Report {
    /// A report over the given pages.
    pub fn new(pages: Vec<PageReport>) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            pages,
        }
    }

    /// Compact JSON (one line).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("report types always serialise")
    }

    /// Indented JSON for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("report types always serialise")
    }
}
