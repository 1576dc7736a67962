//! `frontdesk diff OLD NEW`: what changed between two reports. Findings are paired as a
//! baseline pairs them ([`Baseline`]): the new report's findings no old finding matched
//! are `new`, the old findings nothing matched are `fixed`. Score changes list the pages
//! whose score differs (or that only one report has) and the scorecard's figures when
//! either report has a scorecard. Pure: the caller reads the two files.

use serde::Serialize;

use super::baseline::{file_root, page_key, Baseline, ReportDigest};
use super::{Level, Outcome, Scorecard};

/// The difference between two reports (the JSON of `frontdesk diff --format json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDiff {
    /// Findings of the new report that the old one did not have, by page in the new
    /// report's order.
    pub new: Vec<DiffFinding>,
    /// Findings of the old report that the new one no longer has, in the old one's order.
    pub fixed: Vec<DiffFinding>,
    /// Score changes.
    pub scores: ScoreChanges,
}

/// A finding that appeared or went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffFinding {
    /// Its page.
    pub url: String,
    /// Its rule.
    pub rule: String,
    /// Its WCAG level; `null` for best practice.
    pub level: Option<Level>,
    /// Its element.
    pub selector: String,
    /// What is wrong.
    pub message: String,
    /// Its fingerprint.
    pub fingerprint: String,
}

/// Scores that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChanges {
    /// Pages whose score changed, then pages only one report has (`null` on the other
    /// side); pages are paired by their normalised URL.
    pub pages: Vec<ScoreChange>,
    /// The scorecard's figures (`accessibility`, `services stars`, `statement checks
    /// passed`), when either report has a scorecard; all of them, changed or not.
    pub site: Vec<ScoreChange>,
}

/// One score, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// A page's URL (the new report's when both have it), or a scorecard figure's name.
    pub name: String,
    /// In the old report; `null` when it had none.
    pub old: Option<f64>,
    /// In the new report; `null` when it has none.
    pub new: Option<f64>,
}

/// Compares two reports.
pub fn diff(old: ReportDigest, new: &ReportDigest) -> ReportDiff {
    let old_scores = old.scores.clone();
    let old_root = file_root(old.pages.iter().map(|p| p.url.as_str()));
    let old_pages: Vec<(String, String, Option<u8>)> = old
        .pages
        .iter()
        .map(|p| {
            (
                page_key(&p.url, old_root.as_deref()),
                p.url.clone(),
                p.score,
            )
        })
        .collect();
    // The schema version was checked when the reports were read.
    let baseline = Baseline::new(
        String::new(),
        ReportDigest {
            scores: None,
            ..old
        },
    )
    .unwrap_or_else(|_| Baseline::empty());

    let new_root = file_root(new.pages.iter().map(|p| p.url.as_str()));
    let mut matches = Vec::new();
    let mut added = Vec::new();
    let mut pages = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for page in &new.pages {
        let key = page_key(&page.url, new_root.as_deref());
        let taking_part: Vec<_> = page
            .findings
            .iter()
            .filter(|f| f.outcome != Outcome::Passed)
            .collect();
        let paired = baseline.pair(
            &key,
            taking_part.iter().map(|f| {
                (
                    f.rule.as_str(),
                    f.fingerprint.as_str(),
                    f.selector.as_str(),
                    f.snippet.as_str(),
                )
            }),
        );
        for (f, m) in taking_part.into_iter().zip(paired) {
            match m {
                Some(m) => matches.push(m),
                None => added.push(DiffFinding {
                    url: page.url.clone(),
                    rule: f.rule.clone(),
                    level: f.level,
                    selector: f.selector.clone(),
                    message: f.message.clone(),
                    fingerprint: f.fingerprint.clone(),
                }),
            }
        }
        let before = old_pages.iter().find(|(k, _, _)| *k == key);
        seen.insert(key);
        let old_score = before.and_then(|(_, _, s)| *s);
        if before.is_none() || old_score != page.score {
            pages.push(ScoreChange {
                name: page.url.clone(),
                old: old_score.map(f64::from),
                new: page.score.map(f64::from),
            });
        }
    }
    for (key, url, score) in &old_pages {
        if !seen.contains(key) {
            pages.push(ScoreChange {
                name: url.clone(),
                old: score.map(f64::from),
                new: None,
            });
        }
    }
    let fixed = baseline
        .unmatched(matches)
        .into_iter()
        .map(|f| DiffFinding {
            url: f.url,
            rule: f.rule,
            level: f.level,
            selector: f.selector,
            message: f.message,
            fingerprint: f.fingerprint,
        })
        .collect();
    ReportDiff {
        new: added,
        fixed,
        scores: ScoreChanges {
            pages,
            site: site_changes(old_scores.as_ref(), new.scores.as_ref()),
        },
    }
}

fn site_changes(old: Option<&Scorecard>, new: Option<&Scorecard>) -> Vec<ScoreChange> {
    if old.is_none() && new.is_none() {
        return Vec::new();
    }
    type Figure = fn(&Scorecard) -> Option<f64>;
    let figures: [(&str, Figure); 3] = [
        ("accessibility", |s| {
            s.accessibility.as_ref().map(|a| f64::from(a.score))
        }),
        ("services stars", |s| {
            s.services.as_ref().and_then(|v| v.stars)
        }),
        ("statement checks passed", |s| {
            s.statement
                .as_ref()
                .filter(|st| st.found)
                .map(|st| st.passed as f64)
        }),
    ];
    figures
        .into_iter()
        .map(|(name, figure)| ScoreChange {
            name: name.into(),
            old: old.and_then(figure),
            new: new.and_then(figure),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;
    use crate::{audit, Options};

    fn digest(pages: &[(&str, &str)]) -> ReportDigest {
        let pages = pages
            .iter()
            .map(|(url, body)| {
                let html = format!(
                    "<html lang=en><title>Bins</title><main><h1>Bins</h1>{body}</main></html>"
                );
                audit(&html, url, &Options::default())
            })
            .collect();
        serde_json::from_str(&Report::new(pages).to_json()).unwrap()
    }

    #[test]
    fn new_and_fixed_findings_and_page_scores() {
        let old = digest(&[
            ("https://c.example/", r#"<img src="a.png">"#),
            ("https://c.example/gone", r#"<img src="g.png">"#),
        ]);
        let new = digest(&[
            (
                "https://c.example/",
                r#"<img src="a.png"><img src="b.png">"#,
            ),
            ("https://c.example/added", ""),
        ]);
        let diff = diff(old, &new);
        let new_: Vec<_> = diff
            .new
            .iter()
            .map(|f| (f.url.as_str(), f.rule.as_str()))
            .collect();
        assert_eq!(new_, [("https://c.example/", "image-has-name")]);
        assert!(diff.new[0].selector.ends_with("img:nth-child(3)"));
        let fixed: Vec<_> = diff.fixed.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(fixed, ["https://c.example/gone"]);
        // The home page lost points for its second image; one page came, one went.
        let pages: Vec<_> = diff
            .scores
            .pages
            .iter()
            .map(|c| (c.name.as_str(), c.old.is_some(), c.new.is_some()))
            .collect();
        assert_eq!(
            pages,
            [
                ("https://c.example/", true, true),
                ("https://c.example/added", false, true),
                ("https://c.example/gone", true, false),
            ]
        );
        assert!(diff.scores.pages[0].new < diff.scores.pages[0].old);
        // Neither report is a crawl: no scorecard figures.
        assert!(diff.scores.site.is_empty());
    }

    #[test]
    fn the_same_report_twice_has_no_difference() {
        let pages = [("https://c.example/", r#"<img src="a.png">"#)];
        let diff = diff(digest(&pages), &digest(&pages));
        assert!(diff.new.is_empty() && diff.fixed.is_empty() && diff.scores.pages.is_empty());
    }
}
