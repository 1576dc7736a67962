//! Helpers for the rules' unit tests: audit a page body with one rule, passed findings
//! included.

use crate::report::{Finding, Outcome};
use crate::{audit, Options};

/// The findings of `rule` (passed ones too) on a page with this body, in document order.
pub(crate) fn findings(rule: &str, body: &str) -> Vec<Finding> {
    let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
    let options = Options::default().with_passed(true).with_rules([rule]);
    audit(&html, "file:///t.html", &options).findings
}

/// Their outcomes.
pub(crate) fn outcomes(rule: &str, body: &str) -> Vec<Outcome> {
    findings(rule, body)
        .into_iter()
        .map(|f| f.outcome)
        .collect()
}
