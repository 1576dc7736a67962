//! What a report says about an earlier one given as its baseline: how many findings are
//! new and how many existing (each finding carries its own [`super::BaselineState`]), and
//! the findings the baseline had that are gone.

use serde::{Deserialize, Serialize};

use crate::rules::Level;

/// The baseline section of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineSummary {
    /// The baseline report, as the user named it.
    pub file: String,
    /// Findings not in the baseline.
    pub new: usize,
    /// Findings the baseline had already.
    pub existing: usize,
    /// Findings of the baseline that this report no longer has.
    pub fixed: Vec<FixedFinding>,
}

/// A finding of the baseline that has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedFinding {
    /// The page it was on.
    pub url: String,
    /// Its rule.
    pub rule: String,
    /// Its WCAG level; `null` for best practice.
    pub level: Option<Level>,
    /// Its element's selector then.
    pub selector: String,
    /// Its message then.
    pub message: String,
    /// Its fingerprint.
    pub fingerprint: String,
}
