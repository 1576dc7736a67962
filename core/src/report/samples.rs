//! Reports the format tests share: a `check` report and a crawl's, with every outcome and
//! level a format maps differently, a baseline, an ignore, and hostile text to escape.

use super::{
    BaselineState, BaselineSummary, FixedFinding, Level, Outcome, Page, PageFetch, Report,
    Scorecard, SiteFacts,
};
use crate::score::SiteScore;
use crate::{audit, Options};

/// The URL of the page with findings: `&`, quotes and `<` to escape.
pub(crate) const MIXED_URL: &str = "https://c.example/bins?a=1&b=\"<x>\"";

/// Two pages. The first has, on purpose: an image without alt (`image-has-name` failed,
/// WCAG A, marked `new`), #666 on white (5.74:1: passes AA's 4.5:1, fails AAA's 7:1, so
/// `text-contrast-enhanced` failed), text over a background image (the contrast rules
/// cannot tell), and no `<h1>` (`page-has-h1` failed, best practice, ignored with a
/// reason). Its title holds markup and a control character. The second page is clean.
pub(crate) fn check_report() -> Report {
    let mixed = audit(
        "<html lang=en><title>Bins <script>alert(1)</script>\u{1}</title><main>\
         <img src=bin.png>\
         <p style=\"color:#666;background:#fff\">Collections move.</p>\
         <p style=\"color:#777;background-image:url(bins.png)\">Bins & boxes.</p>\
         </main></html>",
        MIXED_URL,
        &Options::default(),
    );
    let clean = audit(
        "<html lang=en><title>Home</title><main><h1>Home</h1><p>Welcome.</p></main></html>",
        "https://c.example/",
        &Options::default(),
    );
    let mut report = Report::new(vec![mixed, clean]);
    let findings = &mut report.pages[0].audit.findings;
    let find = |findings: &mut Vec<super::Finding>, rule: &str, outcome: Outcome| {
        findings
            .iter()
            .position(|f| f.rule == rule && f.outcome == outcome)
            .unwrap_or_else(|| panic!("the sample has no {outcome:?} {rule}"))
    };
    let image = find(findings, "image-has-name", Outcome::Failed);
    findings[image].baseline = Some(BaselineState::New);
    let aaa = find(findings, "text-contrast-enhanced", Outcome::Failed);
    assert_eq!(findings[aaa].level, Some(Level::AAA));
    findings[aaa].baseline = Some(BaselineState::Existing);
    find(findings, "text-contrast-minimum", Outcome::CantTell);
    find(findings, "text-contrast-enhanced", Outcome::CantTell);
    let h1 = find(findings, "page-has-h1", Outcome::Failed);
    assert_eq!(findings[h1].level, None);
    findings[h1].ignored = Some("Headings are added by the CMS <template>".into());
    assert!(
        !findings
            .iter()
            .any(|f| f.outcome == Outcome::Failed && f.rule == "text-contrast-minimum"),
        "AA contrast must pass in the sample"
    );
    assert!(report.pages[1].audit.findings.is_empty());
    report
}

/// The same pages as a crawl: fetch facts, site facts, a scorecard, and a baseline with
/// one fixed finding.
pub(crate) fn crawl_report() -> Report {
    let pages: Vec<Page> = check_report()
        .pages
        .into_iter()
        .map(|mut page| {
            page.fetch = Some(PageFetch {
                final_url: page.audit.url.clone(),
                ..PageFetch::default()
            });
            page
        })
        .collect();
    let mut report = Report::crawl(pages, SiteFacts::default());
    report.scores = Some(Scorecard {
        name: "c.example".into(),
        accessibility: Some(SiteScore {
            score: 80,
            pages: 2,
            top_task_pages: 0,
        }),
        services: None,
        statement: None,
    });
    report.baseline = Some(BaselineSummary {
        file: "baseline.json".into(),
        new: 1,
        existing: 1,
        fixed: vec![FixedFinding {
            url: "https://c.example/".into(),
            rule: "link-has-name".into(),
            level: Some(Level::A),
            selector: "a:nth-child(2)".into(),
            message: "The link has no accessible name.".into(),
            fingerprint: "0123456789abcdef".into(),
        }],
    });
    report
}
