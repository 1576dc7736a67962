//! The one entry point: HTML in, [`PageReport`] out.

use crate::dom::Document;
use crate::report::{Finding, Outcome, PageReport};
use crate::rules::{registry, Rule};

/// What to audit and what to report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// Also report `passed` outcomes (the ACT runner and "show me everything" views need
    /// them). Off by default: reports hold `failed` and `cantTell` findings only.
    pub include_passed: bool,
    /// Only run these rule ids (all rules when empty).
    pub rules: Vec<String>,
    /// HTTP status to record in the report, when the page was fetched.
    pub status: Option<u16>,
}

impl Options {
    /// Default options with `include_passed` set as given.
    ///
    /// ```
    /// let options = frontdesk_core::Options::default().with_passed(true);
    /// assert!(options.include_passed);
    /// ```
    pub fn with_passed(mut self, include_passed: bool) -> Self {
        self.include_passed = include_passed;
        self
    }

    /// Restricts the audit to the given rule ids.
    pub fn with_rules<I: IntoIterator<Item = S>, S: Into<String>>(mut self, rules: I) -> Self {
        self.rules = rules.into_iter().map(Into::into).collect();
        self
    }

    /// Records the HTTP status the page was fetched with.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }
}

/// Audits one HTML page.
///
/// `page_url` is recorded in the report (use a `file://` URL for files). Any input is
/// accepted: malformed HTML is parsed the way browsers parse it, and the call never panics.
///
/// ```
/// use frontdesk_core::{audit, Options};
/// let report = audit("<html><title>Pay</title><p>Hi</p></html>", "file:///pay.html", &Options::default());
/// assert_eq!(report.findings[0].rule, "html-has-lang");
/// ```
pub fn audit(html: &str, page_url: &str, options: &Options) -> PageReport {
    let doc = Document::parse(html);
    audit_document(&doc, page_url, options)
}

/// Audits a page already parsed into a [`Document`] (e.g. with external style sheets).
pub fn audit_document(doc: &Document, page_url: &str, options: &Options) -> PageReport {
    let mut keyed: Vec<(u32, &'static str, Finding)> = Vec::new();
    for rule in registry() {
        let meta = rule.meta();
        if !options.rules.is_empty() && !options.rules.iter().any(|r| r == meta.id) {
            continue;
        }
        evaluate(*rule, doc, options, &mut keyed);
    }
    keyed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    PageReport {
        url: page_url.to_string(),
        status: options.status,
        title: doc.title(),
        findings: keyed.into_iter().map(|(_, _, f)| f).collect(),
    }
}

fn evaluate(rule: &dyn Rule, doc: &Document, options: &Options, out: &mut Vec<(u32, &'static str, Finding)>) {
    let meta = rule.meta();
    for target in rule.applicability(doc) {
        let expectation = rule.expectation(&target);
        if expectation.outcome == Outcome::Passed && !options.include_passed {
            continue;
        }
        let el = target.element;
        let message = match target.attribute {
            Some(attr) => format!("[{attr}] {}", expectation.message),
            None => expectation.message.into_owned(),
        };
        out.push((
            el.index(),
            meta.id,
            Finding {
                rule: meta.id.to_string(),
                outcome: expectation.outcome,
                wcag: meta.wcag.iter().map(|s| s.to_string()).collect(),
                level: meta.level,
                act: meta.act.iter().map(|s| s.to_string()).collect(),
                impact: meta.impact,
                selector: el.unique_selector(),
                snippet: el.snippet(),
                message,
            },
        ));
    }
}
