//! The report: the pages the audit produced, in the envelope of frontdesk's JSON report
//! (schema v1, documented in `docs/report.md`). Field names here, and in the types it
//! carries from earlier stages, are a public contract.

use serde::{Deserialize, Serialize};

pub use crate::audit::{Finding, PageReport, RulesRun};
pub use crate::rules::{Impact, Level, Outcome};

/// Version of the JSON report layout. Bumped only on breaking changes.
pub const SCHEMA_VERSION: u32 = 1;

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
