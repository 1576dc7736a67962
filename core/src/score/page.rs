//! A page's accessibility score (0–100) from its findings, and a site's over its pages.
//!
//! ```text
//! weight(finding) = impact weight (critical 10, serious 7, moderate 3, minor 1)
//!                 × level factor (A 1, AA 0.8; AAA and best practice 0)
//! penalty(rule)   = w1 + w2/2 + w3/4 + …   (its failures' weights, largest first)
//! score           = round(100 × 2^(−Σ penalty / 40))
//! ```
//!
//! Only failures count: cantTell and passed findings never lower a score. Why these numbers:
//! `docs/scoring.md`.

use serde::{Deserialize, Serialize};

use crate::{Finding, Impact, Level, Outcome};

/// Every this many points of penalty halve the page's score.
pub const HALF_LIFE: f64 = 40.0;

/// A site's top-task pages count this many times as much as its other pages.
pub const TOP_TASK_WEIGHT: u32 = 3;

/// How much one failure weighs by how badly it blocks people (after axe's impact scale
/// as Lighthouse weighs it: one critical failure outweighs several minor ones).
pub fn impact_weight(impact: Impact) -> f64 {
    match impact {
        Impact::Critical => 10.0,
        Impact::Serious => 7.0,
        Impact::Moderate => 3.0,
        Impact::Minor => 1.0,
    }
}

/// How much a failure's WCAG level counts. A and AA are what the accessibility regulations
/// require; AAA and best practice are advice, reported but not scored.
pub fn level_factor(level: Option<Level>) -> f64 {
    match level {
        Some(Level::A) => 1.0,
        Some(Level::AA) => 0.8,
        Some(Level::AAA) | None => 0.0,
    }
}

/// The weight of one finding: 0 unless it failed at level A or AA.
pub fn finding_weight(finding: &Finding) -> f64 {
    if finding.outcome != Outcome::Failed {
        return 0.0;
    }
    impact_weight(finding.impact) * level_factor(finding.level)
}

/// A page's accessibility score and the counts behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageScore {
    /// 0–100; 100 when nothing failed at level A or AA.
    pub score: u8,
    /// The penalty the score comes from (sum over failing rules), to two decimals.
    pub penalty: f64,
    /// Failed findings at level A or AA (the ones that lower the score).
    pub failed: usize,
    /// Distinct rules among them.
    pub failed_rules: usize,
    /// Failed findings of AAA or best-practice rules: reported, not scored.
    pub advisory: usize,
    /// Findings the engine could not decide: a person should check; never scored.
    pub cant_tell: usize,
}

// The penalty is always a finite number (never NaN), so equality is total: the report, which
// is `Eq`, can carry page scores.
impl Eq for PageScore {}

/// Scores a page from its findings (any order; passed findings are ignored).
pub fn page_score<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> PageScore {
    let mut by_rule: Vec<(&str, f64)> = Vec::new();
    let (mut advisory, mut cant_tell) = (0, 0);
    for finding in findings {
        match finding.outcome {
            Outcome::CantTell => cant_tell += 1,
            Outcome::Passed => {}
            Outcome::Failed => {
                let weight = finding_weight(finding);
                if weight > 0.0 {
                    by_rule.push((finding.rule.as_str(), weight));
                } else {
                    advisory += 1;
                }
            }
        }
    }
    // Group by rule, each rule's weights largest first.
    by_rule.sort_by(|a, b| a.0.cmp(b.0).then(b.1.total_cmp(&a.1)));
    let mut penalty = 0.0;
    let mut failed_rules = 0;
    let mut previous: Option<&str> = None;
    let mut share = 1.0;
    for &(rule, weight) in &by_rule {
        if previous != Some(rule) {
            previous = Some(rule);
            failed_rules += 1;
            share = 1.0;
        }
        penalty += weight * share;
        share /= 2.0;
    }
    PageScore {
        score: score_from_penalty(penalty),
        penalty: (penalty * 100.0).round() / 100.0,
        failed: by_rule.len(),
        failed_rules,
        advisory,
        cant_tell,
    }
}

/// `round(100 × 2^(−penalty / HALF_LIFE))`: 100 at no penalty, never below 0.
pub fn score_from_penalty(penalty: f64) -> u8 {
    let score = 100.0 * (-penalty.max(0.0) / HALF_LIFE).exp2();
    score.round().clamp(0.0, 100.0) as u8
}

/// One page's part in a site's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitePage {
    /// The page's score ([`PageScore::score`]).
    pub score: u8,
    /// Whether the page is a top task's page (its service page or the start of its online
    /// route): it weighs [`TOP_TASK_WEIGHT`] times as much.
    pub top_task: bool,
}

/// A site's accessibility score: the weighted mean of its pages' scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteScore {
    /// 0–100, the weighted mean of the page scores, rounded.
    pub score: u8,
    /// Pages scored.
    pub pages: usize,
    /// Of them, top-task pages (weighed [`TOP_TASK_WEIGHT`] times).
    pub top_task_pages: usize,
}

/// The site's score over its pages; `None` when there is no page.
pub fn site_score(pages: &[SitePage]) -> Option<SiteScore> {
    let weight = |page: &SitePage| u64::from(if page.top_task { TOP_TASK_WEIGHT } else { 1 });
    let total: u64 = pages.iter().map(weight).sum();
    if total == 0 {
        return None;
    }
    let sum: u64 = pages.iter().map(|p| weight(p) * u64::from(p.score)).sum();
    // Integer rounding half up: the mean of scores within 0–100 stays within them.
    let score = (2 * sum + total) / (2 * total);
    Some(SiteScore {
        score: score as u8,
        pages: pages.len(),
        top_task_pages: pages.iter().filter(|p| p.top_task).count(),
    })
}
