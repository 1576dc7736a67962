//! The JSON report (schema v1): `serde_json`'s indented form of the [`Report`], with a final
//! newline. [`write()`] produces it piece by piece, so a report with more pages than fit in
//! memory (a crawl keeps its pages on disk) is never held whole.

use std::borrow::Borrow;

use serde::Serialize;

use super::{Page, Report};

/// The report as indented JSON with a final newline.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>x</title></html>", "https://a.example/", &Options::default());
/// let report = Report::new(vec![page]);
/// assert_eq!(report::json::render(&report), report.to_json_pretty() + "\n");
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// Writes the JSON of `report` with `more` pages after its own, handing the text to `sink`
/// one piece at a time: byte for byte what [`render`] gives for the report holding all the
/// pages. Stops at the first error from `more` or `sink`.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    sink(&format!(
        "{{\n  \"schema_version\": {},\n  \"tool\": {},\n  \"pages\": [",
        report.schema_version,
        indent(&pretty(&report.tool), 2)
    ))?;
    let mut first = true;
    let mut page = |page: &Page| {
        let separator = if first { "\n    " } else { ",\n    " };
        first = false;
        sink(separator)?;
        sink(&indent(&pretty(page), 4))
    };
    for p in &report.pages {
        page(p)?;
    }
    for p in more {
        page(p?.borrow())?;
    }
    // serde writes an empty array as `[]`, a full one with its `]` on a line of its own.
    sink(if first { "]" } else { "\n  ]" })?;
    // The sections after the pages, in the model's order, each only when present.
    let after = [
        ("site", report.site.as_ref().map(pretty)),
        ("services", report.services.as_ref().map(pretty)),
        ("scores", report.scores.as_ref().map(pretty)),
        ("baseline", report.baseline.as_ref().map(pretty)),
    ];
    for (key, value) in after {
        if let Some(value) = value {
            sink(&format!(",\n  \"{key}\": {}", indent(&value, 2)))?;
        }
    }
    sink("\n}\n")
}

/// Indents every line but the first by `n` spaces (the first follows a key or an indent
/// the caller writes). Exact for JSON: strings never hold a raw newline.
pub(super) fn indent(json: &str, n: usize) -> String {
    json.replace('\n', &format!("\n{}", " ".repeat(n)))
}

pub(super) fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("report types always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{PageFetch, Redirect, Scorecard, ServicesReport, SiteFacts};
    use crate::{audit, Options};

    fn pages() -> Vec<Page> {
        let mut pages: Vec<Page> = [
            (
                "https://c.example/b",
                "<html lang=en><title>B \"quoted\"\n</title><img src=x></html>",
            ),
            ("https://c.example/", "<html><title>Home</title></html>"),
        ]
        .into_iter()
        .map(|(url, html)| audit(html, url, &Options::default().with_status(200)).into())
        .collect();
        pages[0].fetch = Some(PageFetch {
            final_url: "https://c.example/b".into(),
            redirects: vec![Redirect {
                url: "https://c.example/old".into(),
                status: Some(301),
                location: "https://c.example/b".into(),
            }],
            fetch_ms: Some(5),
            ..PageFetch::default()
        });
        pages
    }

    /// A services section and scorecard with a little of everything.
    fn services() -> (ServicesReport, Scorecard) {
        use crate::score::{ServicesScore, SiteScore, StatementScore};
        use crate::services::analysis::{StatementResult, TierSource};
        use crate::services::{Check, CheckStatus, Tier};
        let services = ServicesReport {
            council: None,
            tier: Some(Tier::District),
            tier_source: TierSource::Guessed,
            tasks: Vec::new(),
            statement: StatementResult {
                url: Some("https://c.example/accessibility".into()),
                checks: vec![Check::new(
                    "AS-01",
                    CheckStatus::Pass,
                    "https://c.example/",
                    "linked from the footer",
                )],
            },
            site_checks: Vec::new(),
        };
        let scores = Scorecard {
            name: "c.example".into(),
            accessibility: Some(SiteScore {
                score: 80,
                pages: 2,
                top_task_pages: 0,
            }),
            services: Some(ServicesScore {
                stars: Some(2.5),
                online: 1,
                provided: 2,
                rated: 2,
                unknown: 0,
                other_tier: 0,
            }),
            statement: Some(StatementScore {
                found: true,
                passed: 1,
                applicable: 1,
                unknown: 0,
            }),
        };
        (services, scores)
    }

    #[test]
    fn written_whole_or_streamed_it_is_serde_pretty() {
        let (services, scores) = services();
        let crawl_parts = [
            (None, None, None),
            (Some(SiteFacts::default()), None, None),
            (Some(SiteFacts::default()), Some(services), Some(scores)),
        ];
        for (site, services, scores) in crawl_parts {
            for pages in [pages(), Vec::new()] {
                let report = Report {
                    site: site.clone(),
                    services: services.clone(),
                    scores: scores.clone(),
                    pages: pages.clone(),
                    ..Report::new(Vec::new())
                };
                let expected = serde_json::to_string_pretty(&report).unwrap() + "\n";
                assert_eq!(render(&report), expected);

                // The same pages streamed after an empty report's own.
                let head = Report {
                    pages: Vec::new(),
                    ..report.clone()
                };
                let mut streamed = String::new();
                write(&head, pages.iter().map(Ok::<_, ()>), |s| {
                    streamed.push_str(s);
                    Ok(())
                })
                .unwrap();
                assert_eq!(streamed, expected);
            }
        }
    }

    /// Whether each key appears in `json`, after the one before it (core's `serde_json`
    /// keeps objects sorted, so the order is checked on the text).
    fn keys_in_order(json: &str, keys: &[&str]) -> bool {
        let mut from = 0;
        keys.iter()
            .all(|key| match json[from..].find(&format!("\"{key}\": ")) {
                Some(at) => {
                    from += at + 1;
                    true
                }
                None => false,
            })
    }

    #[test]
    fn check_reports_have_no_site_and_crawl_pages_add_their_fields_after_the_audit() {
        let report = Report::new(vec![audit(
            "<p>",
            "https://c.example/",
            &Options::default(),
        )]);
        let json = render(&report);
        assert!(keys_in_order(
            &json,
            &[
                "schema_version",
                "tool",
                "pages",
                "url",
                "status",
                "title",
                "findings",
                "rules"
            ]
        ));
        assert!(!json.contains("\"site\"") && !json.contains("\"final_url\""));

        let crawl = Report::crawl(pages(), SiteFacts::default());
        let json = render(&crawl);
        assert!(keys_in_order(
            &json,
            &[
                "pages",
                "url",
                "status",
                "title",
                "findings",
                "rules",
                "final_url",
                "redirects",
                "duplicates",
                "content_type",
                "fetch_ms",
                "canonical",
                "site",
                "root"
            ]
        ));
        // Pages carry their score between the audit's fields and the crawl's.
        assert!(keys_in_order(&json, &["rules", "score", "final_url"]));
        // And it reads back as the same report.
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, crawl);
    }

    #[test]
    fn a_failing_sink_stops_the_writing() {
        let report = Report::crawl(pages(), SiteFacts::default());
        let mut calls = 0;
        let result = write(&report, std::iter::empty::<Result<Page, &str>>(), |_| {
            calls += 1;
            if calls == 2 {
                Err("disk full")
            } else {
                Ok(())
            }
        });
        assert_eq!(result, Err("disk full"));
        assert_eq!(calls, 2);
    }
}
