use super::*;
use crate::report::{BrokenLink, Document, FixedFinding, Impact, PageReport, RulesRun};
use crate::services::analysis::{Route, StatementResult, TaskResult, TierSource};
use crate::services::{Evidence, Interaction};
use crate::{audit, Options};

const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"><img src=x onerror=alert(1)>";
const CLOSE: &str = "</script><b>x</b>";

/// A finding made by hand, so that counts are known without running the rules.
fn finding(rule: &str, wcag: &[&str], level: Option<Level>, outcome: Outcome) -> Finding {
    Finding {
        rule: rule.into(),
        code: format!("{rule}/x"),
        outcome,
        wcag: wcag.iter().map(|s| s.to_string()).collect(),
        level,
        act: Vec::new(),
        impact: Impact::Serious,
        selector: "main > img".into(),
        attribute: None,
        snippet: "<img src=\"bin.png\">".into(),
        line: None,
        message: "The image has no text alternative.".into(),
        data: None,
        fingerprint: "0000000000000000".into(),
        baseline: None,
        ignored: None,
    }
}

fn page(url: &str, title: &str, findings: Vec<Finding>) -> Page {
    Page::new(
        PageReport {
            url: url.into(),
            status: Some(200),
            title: Some(title.into()),
            findings,
            rules: RulesRun::default(),
        },
        None,
    )
}

fn hostile_report() -> Report {
    let payloads = [SCRIPT, BREAKOUT, CLOSE];
    let pages = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut f = finding(
                "image-has-name",
                &["1.1.1"],
                Some(Level::A),
                Outcome::Failed,
            );
            f.message = format!("message {p}");
            f.snippet = format!("<img alt='{p}'>");
            f.selector = format!("img[alt='{p}']");
            f.attribute = Some(p.to_string());
            f.ignored = (i == 2).then(|| format!("reason {p}"));
            page(&format!("https://c.example/{i}?q={p}"), p, vec![f])
        })
        .chain([page("javascript:alert(1)", "js", Vec::new())])
        .collect();
    let evidence = |text: &str, url: &str| Check {
        id: format!("AS-01{text}"),
        status: CheckStatus::Fail,
        evidence: vec![Evidence {
            url: url.into(),
            text: text.into(),
        }],
    };
    let mut site = SiteFacts {
        root: format!("https://c.example/{SCRIPT}"),
        ..SiteFacts::default()
    };
    site.broken_links.push(BrokenLink {
        url: format!("https://c.example/broken{BREAKOUT}"),
        status: Some(404),
        kind: "http".into(),
        error: SCRIPT.into(),
        external: false,
        referrers: vec!["javascript:alert(2)".into()],
        referrer_count: 1,
        redirected_from: Vec::new(),
    });
    site.documents.push(Document {
        url: format!("https://c.example/form.pdf{CLOSE}"),
        status: Some(200),
        content_type: Some(SCRIPT.into()),
        size: Some(2048),
        referrers: Vec::new(),
        referrer_count: 1,
        redirected_from: Vec::new(),
    });
    let services = ServicesReport {
        council: None,
        tier: None,
        tier_source: TierSource::Unknown,
        tasks: vec![TaskResult {
            id: "bins".into(),
            name: SCRIPT.into(),
            lgsl: None,
            interaction: Interaction::Report,
            status: TaskStatus::Online,
            stars: Some(3),
            url: Some(format!("https://c.example/bins{BREAKOUT}")),
            route: Some(Route {
                url: "javascript:alert(3)".into(),
                kind: BREAKOUT.into(),
                host: String::new(),
                checked: RouteCheck::Ok,
            }),
            checks: vec![evidence(CLOSE, "https://c.example/evidence")],
        }],
        statement: StatementResult {
            url: Some(format!("https://c.example/statement{SCRIPT}")),
            checks: vec![evidence(BREAKOUT, "data:text/html,x")],
        },
        site_checks: Vec::new(),
    };
    Report {
        site: Some(site),
        services: Some(services),
        baseline: Some(BaselineSummary {
            file: BREAKOUT.into(),
            new: 1,
            existing: 0,
            fixed: vec![FixedFinding {
                url: format!("https://c.example/old{SCRIPT}"),
                rule: CLOSE.into(),
                level: None,
                selector: BREAKOUT.into(),
                message: SCRIPT.into(),
                fingerprint: "1".into(),
            }],
        }),
        ..Report::new(Vec::new())
    }
    .with_pages(pages)
}

impl Report {
    fn with_pages(mut self, pages: Vec<Page>) -> Self {
        self.pages = pages;
        self
    }
}

/// Each page's findings, read back from the report's compressed chunks as the script does
/// (base64, then raw deflate, then JSON), with the inflated JSON text.
fn page_findings(html: &str) -> (Vec<serde_json::Value>, String) {
    use std::io::Read as _;
    let mut pages = Vec::new();
    let mut text = String::new();
    for n in 0.. {
        let Some(block) = html.split(&format!("id=\"fc{n}\">")).nth(1) else {
            break;
        };
        let block = &block[..block.find("</script>").unwrap()];
        let mut bits = Vec::new();
        let (mut acc, mut count) = (0u32, 0);
        for c in block.bytes().filter(|&c| c != b'=') {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => panic!("not base64: {c}"),
            };
            acc = acc << 6 | u32::from(v);
            count += 6;
            if count >= 8 {
                count -= 8;
                bits.push((acc >> count) as u8);
                acc &= (1 << count) - 1;
            }
        }
        let mut json = String::new();
        flate2::read::DeflateDecoder::new(&bits[..])
            .read_to_string(&mut json)
            .unwrap();
        let chunk: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        assert!(chunk.len() <= CHUNK_PAGES);
        pages.extend(chunk);
        text.push_str(&json);
    }
    (pages, text)
}

#[test]
fn base64_matches_the_rfc_4648_test_vectors() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(plain.as_bytes()), encoded);
    }
}

/// The values of every `name="…"` attribute in `html`, unescaped enough to compare.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let rest = &html[at + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn page_content_never_escapes_into_markup() {
    let html = render(&hostile_report());
    // The payloads' markup never appears as markup, in content or in the JSON blocks.
    assert!(!html.contains("<script>alert"), "raw script payload");
    assert!(!html.contains("<img"), "raw img payload");
    assert!(
        !html.contains("<b>x</b>"),
        "text after a </script> became markup"
    );
    assert!(
        !html.contains("onerror=alert(1)>"),
        "an attribute was broken out of"
    );
    // Every </script> closes one of the report's own script elements.
    assert_eq!(
        html.matches("</script>").count(),
        html.matches("<script").count()
    );
    // The findings data holds the message with `<` escaped, and reads back whole.
    let (pages, json) = page_findings(&html);
    assert_eq!(pages.len(), 4);
    assert!(json.contains("\\u003cscript\\u003e") && !json.contains('<'));
    assert_eq!(pages[0][0]["m"], format!("message {SCRIPT}"));
    assert_eq!(pages[0][0]["a"], SCRIPT);
    assert_eq!(pages[1][0]["n"], format!("<img alt='{BREAKOUT}'>"));
    // The ignored finding carries its reason; the page without findings has an empty list.
    assert_eq!(pages[2][0]["i"], format!("reason {CLOSE}"));
    assert_eq!(pages[3], serde_json::json!([]));
}

#[test]
fn links_go_only_to_the_reports_own_web_addresses() {
    let report = hostile_report();
    let html = render(&report);
    // Nothing is loaded from anywhere: no src attribute, no stylesheet link.
    assert!(attribute_values(&html, "src").is_empty());
    assert!(!html.contains("<link"));
    let mut allowed: Vec<String> = report.pages.iter().map(|p| p.audit.url.clone()).collect();
    let site = report.site.as_ref().unwrap();
    allowed.push(site.root.clone());
    allowed.extend(site.broken_links.iter().map(|b| b.url.clone()));
    allowed.extend(site.documents.iter().map(|d| d.url.clone()));
    let services = report.services.as_ref().unwrap();
    allowed.extend(services.tasks.iter().filter_map(|t| t.url.clone()));
    allowed.extend(services.statement.url.clone());
    allowed.extend(
        services.tasks[0]
            .checks
            .iter()
            .flat_map(|c| c.evidence.iter().map(|e| e.url.clone())),
    );
    allowed.extend(
        report
            .baseline
            .as_ref()
            .unwrap()
            .fixed
            .iter()
            .map(|f| f.url.clone()),
    );
    let allowed: Vec<String> = allowed.iter().map(|u| esc(u)).collect();
    let hrefs = attribute_values(&html, "href");
    assert!(hrefs.iter().any(|h| h.starts_with("https://")));
    for href in hrefs {
        assert!(
            href.starts_with('#') || allowed.iter().any(|a| a == href),
            "unexpected link {href}"
        );
    }
    // javascript: and data: URLs are shown as text, never as links.
    assert!(html.contains("javascript:alert(1)"));
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript"));
    assert!(!html.contains("href=\"data:"));
}

#[test]
fn streamed_pages_give_the_same_file_as_a_whole_report() {
    let report = hostile_report();
    let head = Report {
        pages: Vec::new(),
        ..report.clone()
    };
    let mut streamed = String::new();
    write(&head, report.pages.iter().map(Ok::<_, ()>), |s| {
        streamed.push_str(s);
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed, render(&report));
}

/// The text of the data table row `label` in the chart `id`: its cells' numbers.
fn chart_row(html: &str, id: &str, label: &str) -> Vec<u64> {
    let chart = html.split(&format!("<svg id=\"{id}\"")).nth(1).unwrap();
    let chart = &chart[..chart.find("</figure>").unwrap()];
    let row = chart
        .split(&format!("<th scope=\"row\">{label}</th>"))
        .nth(1)
        .unwrap_or_else(|| panic!("no row {label} in {id}"));
    let row = &row[..row.find("</tr>").unwrap()];
    row.split("<td class=\"n\">")
        .skip(1)
        .map(|c| c[..c.find('<').unwrap()].parse().unwrap())
        .collect()
}

#[test]
fn charts_count_failed_findings_by_principle_level_rule_and_score() {
    let a = |rule, wcag: &str, level| finding(rule, &[wcag], Some(level), Outcome::Failed);
    let mut ignored = a("image-has-name", "1.1.1", Level::A);
    ignored.ignored = Some("decorative, agreed".into());
    let pages = vec![
        // Two 1.1.1 (A), one 1.4.3 (AA), one 2.4.4 (A), one cantTell 1.4.3, one ignored.
        page(
            "https://c.example/a",
            "A",
            vec![
                a("image-has-name", "1.1.1", Level::A),
                a("image-has-name", "1.1.1", Level::A),
                a("text-contrast-minimum", "1.4.3", Level::AA),
                a("link-name", "2.4.4", Level::A),
                finding(
                    "text-contrast-minimum",
                    &["1.4.3"],
                    Some(Level::AA),
                    Outcome::CantTell,
                ),
                ignored,
            ],
        ),
        // 3.1.1 (A), 1.4.6 (AAA) and a best-practice finding.
        page(
            "https://c.example/b",
            "B",
            vec![
                a("html-has-lang", "3.1.1", Level::A),
                a("text-contrast-enhanced", "1.4.6", Level::AAA),
                finding("page-has-h1", &[], None, Outcome::Failed),
            ],
        ),
        page("https://c.example/c", "C", Vec::new()),
    ];
    let scores: Vec<u8> = pages.iter().map(|p| p.score).collect();
    let html = render(&Report::new(Vec::new()).with_pages(pages));
    // Columns: A, AA, AAA, best practice, total.
    assert_eq!(
        chart_row(&html, "chart-principles", "1 Perceivable"),
        [2, 1, 1, 0, 4]
    );
    assert_eq!(
        chart_row(&html, "chart-principles", "2 Operable"),
        [1, 0, 0, 0, 1]
    );
    assert_eq!(
        chart_row(&html, "chart-principles", "3 Understandable"),
        [1, 0, 0, 0, 1]
    );
    assert_eq!(
        chart_row(&html, "chart-principles", "4 Robust"),
        [0, 0, 0, 0, 0]
    );
    assert_eq!(
        chart_row(&html, "chart-principles", "Best practice"),
        [0, 0, 0, 1, 1]
    );
    // One bar per non-zero count: Perceivable's three levels, then one each.
    let principles = html.split("<svg id=\"chart-principles\"").nth(1).unwrap();
    let principles = &principles[..principles.find("</svg>").unwrap()];
    assert_eq!(principles.matches("class=\"bar\"").count(), 3 + 1 + 1 + 1);
    assert_eq!(chart_row(&html, "chart-rules", "image-has-name"), [2]);
    assert_eq!(chart_row(&html, "chart-rules", "page-has-h1"), [1]);
    // The page without findings scores 100; the bands hold each page once.
    assert_eq!(chart_row(&html, "chart-scores", "100"), [1]);
    let banded: u64 = (0..10)
        .map(|i| chart_row(&html, "chart-scores", &format!("{}–{}", i * 10, i * 10 + 9))[0])
        .sum();
    assert_eq!(banded, 2);
    assert!(scores[0] < 100 && scores[1] < 100 && scores[2] == 100);
    // The headline: 5 failed at A/AA (the ignored one left out) on 2 pages, 1 cantTell.
    assert!(html.contains("<span class=\"big\">5</span>failed findings at WCAG A/AA, on 2 pages"));
    assert!(html.contains("<span class=\"big\">1</span>findings a person must decide"));
    assert!(html.contains("<span class=\"big\">1</span>ignored findings"));
    // Page a's row: its failed count leaves out the ignored finding; its filters list
    // its rules (numbered as first seen: image-has-name, text-contrast-minimum, link-name)
    // and levels.
    assert!(html.contains("<tr data-rules=\" 0 1 2 \" data-levels=\" A AA \">"));
    assert!(
        html.contains("{\"index\":2,\"id\":\"link-name\",\"failed\":1,\"cantTell\":0,\"pages\":1}")
    );
    assert!(html.contains("<td class=\"n\">4</td><td class=\"n\">1</td>"));
}

#[test]
fn baseline_adds_a_new_column_and_the_fixed_list() {
    let mut new = finding(
        "image-has-name",
        &["1.1.1"],
        Some(Level::A),
        Outcome::Failed,
    );
    new.baseline = Some(BaselineState::New);
    let mut old = new.clone();
    old.baseline = Some(BaselineState::Existing);
    let report = Report {
        baseline: Some(BaselineSummary {
            file: "main.json".into(),
            new: 1,
            existing: 1,
            fixed: Vec::new(),
        }),
        ..Report::new(Vec::new())
    }
    .with_pages(vec![page("https://c.example/", "Home", vec![new, old])]);
    let html = render(&report);
    assert!(html.contains("<strong>1 new</strong>, 1 existing, <strong>0 fixed</strong>"));
    assert!(html.contains("data-sort=\"number\">New</button>"));
    // Failed 2, cannot tell 0, new 1.
    assert!(html.contains("<td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">1</td>"));
    let (pages, _) = page_findings(&html);
    assert_eq!(pages[0][0]["b"], "new");
    assert_eq!(pages[0][1]["b"], "existing");
    // Without a baseline there is no New column.
    let plain = render(&Report::new(Vec::new()).with_pages(vec![page(
        "https://c.example/",
        "Home",
        Vec::new(),
    )]));
    assert!(!plain.contains(">New</button>"));
}

#[test]
fn the_report_passes_its_own_audit_at_a_and_aa() {
    // Real findings (from a real audit) and every section: scorecard, tasks, statement,
    // site facts, baseline, ignored findings.
    let mut report = hostile_report();
    let real = audit(
        r#"<html><title>Bins</title><body><img src="bin.png"><a href="/x"></a>
           <p style="color:#999;background:#fff">Collections move to Tuesday.</p></body></html>"#,
        "https://c.example/bins",
        &Options::default(),
    );
    assert!(real.failed_a_aa().count() >= 3);
    report.pages.push(Page::from(real));
    report.scores = Some(Scorecard {
        name: "Kestrelford".into(),
        accessibility: None,
        services: None,
        statement: None,
    });
    let html = render(&report);
    let own = audit(&html, "file:///report.html", &Options::default());
    let failures: Vec<String> = own
        .failed_a_aa()
        .map(|f| format!("{} {} {}", f.rule, f.selector, f.message))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    let unsure: Vec<String> = own
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::CantTell)
        .map(|f| format!("{} {} {}", f.rule, f.selector, f.message))
        .collect();
    assert!(unsure.is_empty(), "{unsure:#?}");
}

#[test]
fn keyboard_and_structure_hooks_are_in_place() {
    let html = render(&hostile_report());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(html.matches("<h1>").count(), 1);
    for landmark in ["<header>", "<nav aria-label=", "<main>", "<footer>"] {
        assert!(html.contains(landmark), "{landmark}");
    }
    // Sort controls are buttons inside column headers; the filters have labels.
    assert_eq!(
        html.matches("<th scope=\"col\"><button type=\"button\" data-sort=")
            .count()
            + html
                .matches("<th scope=\"col\" class=\"n\"><button type=\"button\" data-sort=")
                .count(),
        6
    );
    for id in ["filter-text", "filter-rule", "filter-level"] {
        assert!(html.contains(&format!("<label for=\"{id}\">")), "{id}");
        assert!(html.contains(&format!(" id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("aria-expanded=\"false\">Findings (1)</button>"));
    // No page, no chunk; 250 pages, three chunks of at most 100 pages each.
    assert!(!render(&Report::new(Vec::new())).contains("id=\"fc0\""));
    let many = (0..250)
        .map(|i| {
            page(
                &format!("https://c.example/{i}"),
                "P",
                vec![finding(
                    "link-name",
                    &["2.4.4"],
                    Some(Level::A),
                    Outcome::Failed,
                )],
            )
        })
        .collect();
    let many = render(&Report::new(Vec::new()).with_pages(many));
    let (pages, _) = page_findings(&many);
    assert_eq!(pages.len(), 250);
    assert!(many.contains("id=\"fc2\"") && !many.contains("id=\"fc3\""));
    // The first 200 rows show; the rest wait for the "Show more" button.
    assert_eq!(many.matches("<tr data-rules=").count(), ROWS_SHOWN);
    assert_eq!(
        many.matches("<tr hidden data-rules=").count(),
        250 - ROWS_SHOWN
    );
    assert!(many.contains(">Show 200 more pages</button>"));
    assert!(!render(&hostile_report()).contains("id=\"more-pages\""));
    assert!(html.contains(":focus-visible"));
    // Each chart is a named image with a table of its numbers.
    assert_eq!(html.matches("role=\"img\" aria-labelledby=").count(), 4);
    assert_eq!(html.matches("<details><summary>Numbers: ").count(), 4);
}
