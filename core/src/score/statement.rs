//! The accessibility statement's figure: checks passed out of the checks that apply.

use serde::{Deserialize, Serialize};

use crate::services::{Check, CheckStatus};

/// The statement's figure, e.g. 17 of 23.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementScore {
    /// Whether the site has an accessibility statement at all.
    pub found: bool,
    /// AS checks passed.
    pub passed: usize,
    /// AS checks decided: passed, partial or failed (n/a and unknown left out).
    pub applicable: usize,
    /// AS checks that could not be decided: neither a pass nor a failure.
    pub unknown: usize,
}

/// The figure for a statement's AS checks. A partial counts in `applicable`, not in
/// `passed`: it is a statement section a reviewer would send back.
pub fn statement_score(found: bool, checks: &[Check]) -> StatementScore {
    let count = |status: CheckStatus| checks.iter().filter(|c| c.status == status).count();
    StatementScore {
        found,
        passed: count(CheckStatus::Pass),
        applicable: count(CheckStatus::Pass)
            + count(CheckStatus::Partial)
            + count(CheckStatus::Fail),
        unknown: count(CheckStatus::Unknown),
    }
}
