//! The report: one model for every command (`check` audits pages and scores each, `crawl`
//! adds fetch facts per page, a `site` section, the `services` analysis and the council's
//! `scores`), the exit gate, and one renderer per format, each a module
//! here ([`json`], [`text`], [`sarif`], [`junit`], [`earl`], [`markdown`], [`html`]) that turns
//! the model into text and does no I/O. Field names
//! here, and in the types it carries from earlier stages, are a public contract (schema v1,
//! documented in `docs/report.md`).

use serde::{Deserialize, Serialize};

pub use crate::audit::{BaselineState, Finding, PageReport, RulesRun};
pub use crate::rules::{Impact, Level, Outcome};
pub use crate::score::Scorecard;
pub use crate::services::ServicesReport;

mod baseline;
mod catalogue;
mod diff;
pub mod earl;
mod format;
mod gate;
pub mod html;
mod ignore;
pub mod json;
pub mod junit;
pub mod markdown;
mod refs;
#[cfg(test)]
mod samples;
pub mod sarif;
mod site;
pub mod text;

pub use baseline::{
    counts as baseline_counts, file_root, page_key, Baseline, BaselineSummary, FindingDigest,
    FixedFinding, Matches, PageDigest, ReportDigest,
};
pub use catalogue::{catalogue, Catalogue, RuleEntry};
pub use diff::{diff, DiffFinding, ReportDiff, ScoreChange, ScoreChanges};
pub use format::{render, write, Format};
pub use gate::{FailOn, Gate, GateCounts, GateFailure, GatePolicy, GateScore};
pub use ignore::{IgnoreList, IgnoreRule};
pub use site::{
    BrokenLink, Document, ExternalLink, Limits, NotAudited, NotCrawled, PageFetch, Redirect,
    RobotsFile, SiteFacts, SiteScope, SitemapFile,
};

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

/// One page of a report: the audit's fields, its accessibility score, then what a crawl
/// adds (if anything).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// The audit of the page.
    #[serde(flatten)]
    pub audit: PageReport,
    /// The page's accessibility score, 0–100, from its findings (`docs/scoring.md`).
    pub score: u8,
    /// How the crawl fetched it; `None` for `check`.
    #[serde(flatten)]
    pub fetch: Option<PageFetch>,
}

impl Page {
    /// A page of the report, scored from its findings.
    pub fn new(audit: PageReport, fetch: Option<PageFetch>) -> Self {
        let score = crate::score::page_score(&audit.findings).score;
        Page {
            audit,
            score,
            fetch,
        }
    }
}

impl From<PageReport> for Page {
    fn from(audit: PageReport) -> Self {
        Page::new(audit, None)
    }
}

/// A whole report: one or more audited pages, and for a crawl the site facts, the services
/// analysis and the scorecard. Serialises to schema v1.
///
/// ```
/// use frontdesk_core::{audit, Options, Report};
/// let page = audit("<html lang=en><title>x</title></html>", "https://a.example/", &Options::default());
/// let json = Report::new(vec![page]).to_json();
/// assert!(json.starts_with("{\"schema_version\":1,"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Which tool wrote it.
    pub tool: ToolInfo,
    /// The pages, in the order they were given.
    pub pages: Vec<Page>,
    /// What a crawl found about the site as a whole; left out for `check`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteFacts>,
    /// A crawl's top tasks and accessibility statement (`crate::services`); left out for
    /// `check`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<ServicesReport>,
    /// A crawl's scorecard: the site's accessibility, services and statement figures; left
    /// out for `check`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Scorecard>,
    /// What the report says about its baseline (`--baseline`); left out when none was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineSummary>,
}

impl Report {
    /// A report over the given pages.
    pub fn new(pages: Vec<PageReport>) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            pages: pages.into_iter().map(Page::from).collect(),
            site: None,
            services: None,
            scores: None,
            baseline: None,
        }
    }

    /// A crawl's report: its pages (which may also be supplied one at a time to the
    /// renderers' streaming functions) and the site facts; [`Report::services`] and
    /// [`Report::scores`] are set once the analysis has finished.
    pub fn crawl(pages: Vec<Page>, site: SiteFacts) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            pages,
            site: Some(site),
            services: None,
            scores: None,
            baseline: None,
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

    /// Whether the report passes the default gate (any failed A/AA finding not ignored
    /// fails; see [`GatePolicy`]).
    pub fn gate(&self) -> Gate {
        Gate::of_pages(&self.pages)
    }

    /// The gates of `policy` that fail for the report's pages (whose findings carry their
    /// baseline state if there is one), with the crawl's site score or else the lowest
    /// page score for `--min-score`.
    pub fn gate_failures(&self, policy: &GatePolicy) -> Vec<GateFailure> {
        let counts = self
            .pages
            .iter()
            .map(|p| GateCounts::of_page(&p.audit, policy.min_level))
            .sum();
        let score = match &self.scores {
            Some(scores) => GateScore {
                label: "accessibility".into(),
                score: scores.accessibility.as_ref().map(|s| s.score),
            },
            None => lowest_page_score(self.pages.iter().map(|p| (p.audit.url.as_str(), p.score))),
        };
        policy.evaluate(counts, Some(&score))
    }
}

/// `--min-score` for a report without a site score (`check`): its lowest page score,
/// named with its page, since a CI user checking pages expects each of them to pass.
pub fn lowest_page_score<'a>(pages: impl IntoIterator<Item = (&'a str, u8)>) -> GateScore {
    let lowest = pages.into_iter().min_by_key(|&(_, score)| score);
    GateScore {
        label: match lowest {
            Some((url, _)) => format!("lowest page score ({url})"),
            None => "lowest page score".into(),
        },
        score: lowest.map(|(_, score)| score),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{audit, Options};

    fn page(body: &str) -> PageReport {
        let html = format!("<html lang=en><title>Bins</title><main>{body}</main></html>");
        audit(&html, "https://c.example/", &Options::default())
    }

    #[test]
    fn only_failed_a_and_aa_findings_fail_the_gate() {
        // No h1: page-has-h1 fails, but it is best practice.
        let best_practice = page("<p>Collections move to Tuesday.</p>");
        assert!(best_practice
            .findings
            .iter()
            .any(|f| f.rule == "page-has-h1"));
        assert_eq!(Gate::of_page(&best_practice), Gate::Pass);
        // #666 on white is 5.74:1: meets AA's 4.5:1 (1.4.3), fails AAA's 7:1 (1.4.6).
        let aaa =
            page(r#"<h1>Bins</h1><p style="color:#666;background:#fff">Collections move.</p>"#);
        assert!(aaa
            .findings
            .iter()
            .any(|f| f.rule == "text-contrast-enhanced"));
        assert_eq!(Gate::of_page(&aaa), Gate::Pass);
        // An image without a text alternative fails 1.1.1 (level A).
        let level_a = page(r#"<h1>Bins</h1><img src="bin.png">"#);
        assert_eq!(Gate::of_page(&level_a), Gate::Fail);

        assert_eq!(
            Report::new(vec![best_practice.clone(), aaa]).gate(),
            Gate::Pass
        );
        assert_eq!(Report::new(vec![best_practice, level_a]).gate(), Gate::Fail);
        assert_eq!(Report::new(Vec::new()).gate(), Gate::Pass);
        assert_eq!(Gate::Pass.and(Gate::Fail), Gate::Fail);
        assert_eq!(Gate::Pass.and(Gate::Pass), Gate::Pass);
    }

    #[test]
    fn cant_tell_never_fails_the_gate() {
        // Text over a background image: the contrast rules cannot tell.
        let unsure = page(
            r#"<h1>Bins</h1><p style="color:#777;background-image:url(bins.png)">Collections move.</p>"#,
        );
        assert!(unsure
            .findings
            .iter()
            .any(|f| f.outcome == Outcome::CantTell && f.level == Some(Level::AA)));
        assert!(unsure.findings.iter().all(|f| f.outcome != Outcome::Failed));
        assert_eq!(Gate::of_page(&unsure), Gate::Pass);
    }

    #[test]
    fn ignored_findings_never_fail_the_gate() {
        let mut level_a = page(r#"<h1>Bins</h1><img src="bin.png">"#);
        assert_eq!(Gate::of_page(&level_a), Gate::Fail);
        for f in &mut level_a.findings {
            f.ignored = Some("decorative, fixed in the next release".into());
        }
        assert_eq!(Gate::of_page(&level_a), Gate::Pass);
    }
}
