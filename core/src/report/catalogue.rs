//! The rule catalogue (`frontdesk rules --format json`, the browser build's `rules()`): what
//! each rule of the registry checks, built from the registry itself so a listing can never
//! drift from what an audit runs. Field names are a public contract (`docs/report.md`).

use serde::Serialize;

use crate::rules::{registry, RuleMeta};

/// Every rule of the registry, in the order audits run them.
#[derive(Debug, Clone, Serialize)]
pub struct Catalogue {
    /// One entry per rule.
    pub rules: Vec<RuleEntry>,
}

/// One rule of the [`Catalogue`].
#[derive(Debug, Clone, Serialize)]
pub struct RuleEntry {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// One-line summary.
    pub title: &'static str,
    /// WCAG 2.2 success criteria; empty for best practice.
    pub wcag: &'static [&'static str],
    /// `A`, `AA` or `AAA`; `None` (null) for best practice.
    pub level: Option<&'static str>,
    /// W3C ACT rule ids it implements.
    pub act: &'static [&'static str],
    /// Severity of a failure.
    pub impact: &'static str,
    /// Every code its findings can carry, `<id>/<reason>`.
    pub codes: Vec<String>,
    /// The rule's documentation, Markdown.
    pub description: String,
}

impl From<&RuleMeta> for RuleEntry {
    fn from(m: &RuleMeta) -> Self {
        RuleEntry {
            id: m.id,
            title: m.title,
            wcag: m.wcag,
            level: m.level.map(|l| l.as_str()),
            act: m.act,
            impact: m.impact.as_str(),
            codes: m.codes.iter().map(|c| format!("{}/{c}", m.id)).collect(),
            description: m.documentation(),
        }
    }
}

/// The catalogue of every registered rule.
///
/// ```
/// let catalogue = frontdesk_core::report::catalogue();
/// assert_eq!(catalogue.rules.len(), frontdesk_core::registry().len());
/// let lang = catalogue.rules.iter().find(|r| r.id == "html-has-lang").unwrap();
/// assert_eq!(lang.wcag, ["3.1.1"]);
/// assert_eq!(lang.level, Some("A"));
/// ```
pub fn catalogue() -> Catalogue {
    Catalogue {
        rules: registry().iter().map(|rule| rule.meta().into()).collect(),
    }
}
