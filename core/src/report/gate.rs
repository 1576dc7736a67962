//! The gates a report is held to in CI, and the verdict: pure arithmetic over counts that
//! a command can add up page by page as it goes (a crawl never holds all its pages).
//!
//! A finding *counts* when its outcome is `failed`, its WCAG level is at or below the
//! policy's `min_level` (A < AA < AAA) and it is not ignored (`frontdesk.toml`). cantTell
//! findings and best-practice findings (no level) never count.

use std::borrow::Borrow;
use std::fmt;

use super::{BaselineState, Level, Outcome, Page, PageReport};

/// Which findings fail the build (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Any counted finding.
    #[default]
    Any,
    /// Counted findings the baseline did not have.
    New,
    /// None: only the other gates can fail.
    None,
}

/// The gates: `--fail-on`, `--min-level`, `--max-findings`, `--min-score`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GatePolicy {
    /// Which counted findings fail.
    pub fail_on: FailOn,
    /// The highest WCAG level that counts (`AA`: A and AA findings).
    pub min_level: Level,
    /// Fail when more findings count than this.
    pub max_findings: Option<usize>,
    /// Fail when the score is below this (0–100).
    pub min_score: Option<f64>,
}

impl Default for GatePolicy {
    /// Fails on any failed A/AA finding: the WCAG 2.2 AA gate.
    fn default() -> Self {
        GatePolicy {
            fail_on: FailOn::Any,
            min_level: Level::AA,
            max_findings: None,
            min_score: None,
        }
    }
}

/// Counted findings over some pages; add pages' counts with `+`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GateCounts {
    /// Findings that count.
    pub failed: usize,
    /// Of those, the ones a baseline marked `new`.
    pub new: usize,
}

impl std::ops::Add for GateCounts {
    type Output = GateCounts;
    fn add(self, other: GateCounts) -> GateCounts {
        GateCounts {
            failed: self.failed + other.failed,
            new: self.new + other.new,
        }
    }
}

impl std::iter::Sum for GateCounts {
    fn sum<I: Iterator<Item = GateCounts>>(iter: I) -> GateCounts {
        iter.fold(GateCounts::default(), |a, b| a + b)
    }
}

impl GateCounts {
    /// The page's counted findings under `min_level`.
    pub fn of_page(page: &PageReport, min_level: Level) -> GateCounts {
        let counted = page.findings.iter().filter(|f| {
            f.outcome == Outcome::Failed
                && f.ignored.is_none()
                && f.level.is_some_and(|level| level <= min_level)
        });
        counted.fold(GateCounts::default(), |mut c, f| {
            c.failed += 1;
            if f.baseline == Some(BaselineState::New) {
                c.new += 1;
            }
            c
        })
    }
}

/// The score `--min-score` is compared with, and what to call it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateScore {
    /// e.g. `accessibility` (a crawl's site score) or `lowest page score (URL)`.
    pub label: String,
    /// 0–100; `None` when there is nothing to score.
    pub score: Option<u8>,
}

/// A gate that failed, and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateFailure {
    /// The flag, e.g. `--fail-on new`.
    pub gate: String,
    /// By how much, e.g. `3 new A/AA failures (limit 0)`.
    pub detail: String,
}

impl fmt::Display for GateFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gate {} failed: {}", self.gate, self.detail)
    }
}

impl GatePolicy {
    /// The gates that fail for these counts and score, one entry each (none: it passes).
    pub fn evaluate(&self, counts: GateCounts, score: Option<&GateScore>) -> Vec<GateFailure> {
        let levels = match self.min_level {
            Level::A => "A",
            Level::AA => "A/AA",
            Level::AAA => "A/AA/AAA",
        };
        let failures = |n: usize| format!("{n} {levels} failure{}", plural(n));
        let mut out = Vec::new();
        match self.fail_on {
            FailOn::Any if counts.failed > 0 => out.push(GateFailure {
                gate: "--fail-on any".into(),
                detail: format!("{} (limit 0)", failures(counts.failed)),
            }),
            FailOn::New if counts.new > 0 => out.push(GateFailure {
                gate: "--fail-on new".into(),
                detail: format!(
                    "{} new {levels} failure{} (limit 0)",
                    counts.new,
                    plural(counts.new)
                ),
            }),
            _ => {}
        }
        if let Some(max) = self.max_findings {
            if counts.failed > max {
                out.push(GateFailure {
                    gate: "--max-findings".into(),
                    detail: format!("{} (limit {max})", failures(counts.failed)),
                });
            }
        }
        if let Some(min) = self.min_score {
            match score {
                Some(GateScore {
                    label,
                    score: Some(s),
                }) if f64::from(*s) < min => out.push(GateFailure {
                    gate: "--min-score".into(),
                    detail: format!("{label} {s} < {min}"),
                }),
                Some(GateScore { score: Some(_), .. }) => {}
                _ => out.push(GateFailure {
                    gate: "--min-score".into(),
                    detail: "no score to compare (no page was scored)".into(),
                }),
            }
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The verdict of the default policy ([`GatePolicy::default`]: any failed A/AA finding
/// that is not ignored fails). The command line maps it to exit codes 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gate {
    /// No page fails WCAG A/AA.
    #[default]
    Pass,
    /// Some page fails WCAG A/AA.
    Fail,
}

impl Gate {
    /// The default gate for one page.
    pub fn of_page(page: &PageReport) -> Gate {
        Gate::of_counts(GateCounts::of_page(page, Level::AA))
    }

    /// The default gate for several pages: fails when one of them does.
    pub fn of_pages<P: Borrow<Page>>(pages: impl IntoIterator<Item = P>) -> Gate {
        Gate::of_counts(
            pages
                .into_iter()
                .map(|p| GateCounts::of_page(&p.borrow().audit, Level::AA))
                .sum(),
        )
    }

    fn of_counts(counts: GateCounts) -> Gate {
        if GatePolicy::default().evaluate(counts, None).is_empty() {
            Gate::Pass
        } else {
            Gate::Fail
        }
    }

    /// Both gates together: fails when either does.
    pub fn and(self, other: Gate) -> Gate {
        if self == Gate::Fail || other == Gate::Fail {
            Gate::Fail
        } else {
            Gate::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{audit, Options};

    /// A page with one failed finding per level given (A: image without alt; AA: a
    /// contrast of 4.48:1; AAA: 5.74:1, under 7:1) and a best-practice one (no h1).
    fn page(levels: &[Level]) -> PageReport {
        let mut body = String::new();
        for level in levels {
            body.push_str(match level {
                Level::A => r#"<img src="bin.png">"#,
                Level::AA => r#"<p style="color:#777;background:#fff">Tuesday.</p>"#,
                Level::AAA => r#"<p style="color:#666;background:#fff">Friday.</p>"#,
            });
        }
        let html = format!("<html lang=en><title>Bins</title><main>{body}</main></html>");
        audit(&html, "https://c.example/", &Options::default())
    }

    fn counts(levels: &[Level], min: Level) -> GateCounts {
        GateCounts::of_page(&page(levels), min)
    }

    #[test]
    fn min_level_chooses_the_levels_that_count_and_best_practice_never_does() {
        use Level::*;
        let all = [A, AA, AAA];
        assert!(page(&[]).findings.iter().any(|f| f.rule == "page-has-h1"));
        assert_eq!(counts(&[], AAA).failed, 0);
        assert_eq!(counts(&all, A).failed, 1);
        assert_eq!(counts(&all, AA).failed, 2);
        // The AA contrast failure also fails AAA's enhanced contrast: 1 + 2 + 1.
        assert_eq!(counts(&all, AAA).failed, 4);
    }

    #[test]
    fn ignored_and_cant_tell_findings_never_count() {
        let mut p = page(&[Level::A]);
        assert_eq!(GateCounts::of_page(&p, Level::AA).failed, 1);
        for f in &mut p.findings {
            f.ignored = Some("decorative, fixed in the CMS next sprint".into());
        }
        assert_eq!(GateCounts::of_page(&p, Level::AA).failed, 0);
        assert_eq!(Gate::of_page(&p), Gate::Pass);
        let mut p = page(&[Level::A]);
        for f in &mut p.findings {
            f.outcome = Outcome::CantTell;
        }
        assert_eq!(GateCounts::of_page(&p, Level::AAA).failed, 0);
    }

    #[test]
    fn new_findings_are_counted_apart() {
        let mut p = page(&[Level::A, Level::AA]);
        for f in &mut p.findings {
            f.baseline = Some(if f.rule == "image-has-name" {
                BaselineState::New
            } else {
                BaselineState::Existing
            });
        }
        assert_eq!(
            GateCounts::of_page(&p, Level::AA),
            GateCounts { failed: 2, new: 1 }
        );
    }

    fn failures(policy: GatePolicy, counts: GateCounts, score: Option<u8>) -> Vec<String> {
        let score = GateScore {
            label: "accessibility".into(),
            score,
        };
        policy
            .evaluate(counts, Some(&score))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn each_gate_passes_and_fails_with_its_numbers() {
        let clean = GateCounts::default();
        let debt = GateCounts { failed: 3, new: 0 };
        let regressed = GateCounts { failed: 3, new: 1 };
        let any = GatePolicy::default();
        assert!(failures(any, clean, None).is_empty());
        assert_eq!(
            failures(any, debt, None),
            ["gate --fail-on any failed: 3 A/AA failures (limit 0)"]
        );
        let new = GatePolicy {
            fail_on: FailOn::New,
            ..any
        };
        assert!(failures(new, debt, None).is_empty());
        assert_eq!(
            failures(new, regressed, None),
            ["gate --fail-on new failed: 1 new A/AA failure (limit 0)"]
        );
        let none = GatePolicy {
            fail_on: FailOn::None,
            ..any
        };
        assert!(failures(none, regressed, None).is_empty());
        let max = GatePolicy {
            max_findings: Some(3),
            ..none
        };
        assert!(failures(max, debt, None).is_empty());
        assert_eq!(
            failures(max, GateCounts { failed: 4, new: 0 }, None),
            ["gate --max-findings failed: 4 A/AA failures (limit 3)"]
        );
        let score = GatePolicy {
            min_score: Some(80.0),
            ..none
        };
        assert!(failures(score, debt, Some(80)).is_empty());
        assert_eq!(
            failures(score, debt, Some(71)),
            ["gate --min-score failed: accessibility 71 < 80"]
        );
        assert_eq!(
            failures(score, debt, None),
            ["gate --min-score failed: no score to compare (no page was scored)"]
        );
        // Two gates failing give two lines.
        let both = GatePolicy {
            min_score: Some(90.0),
            ..any
        };
        assert_eq!(failures(both, debt, Some(71)).len(), 2);
        let only_a = GatePolicy {
            min_level: Level::A,
            ..any
        };
        assert_eq!(
            failures(only_a, GateCounts { failed: 1, new: 0 }, None),
            ["gate --fail-on any failed: 1 A failure (limit 0)"]
        );
    }
}
