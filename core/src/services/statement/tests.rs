//! The checklist on a complete statement written after GDS's sample statement
//! (`core/tests/fixtures/statements/`), and on variants that each break one thing.

use super::*;
use crate::services::{Check, CheckStatus, Country};
use CheckStatus::{Fail, NotApplicable, Partial, Pass, Unknown};

const GOOD: &str = include_str!("../../../tests/fixtures/statements/kestrelford.html");
const URL: &str = "https://www.kestrelford.gov.uk/accessibility-statement";
const FAILING_PAGE: &str = "https://www.kestrelford.gov.uk/bins/report-missed-bin";

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("valid date")
}

fn hosts() -> Vec<String> {
    vec![
        "www.kestrelford.gov.uk".to_string(),
        "forms.kestrelford.gov.uk".to_string(),
    ]
}

fn context(hosts: &[String]) -> StatementContext<'_> {
    StatementContext {
        crawl_date: date(2026, 12, 7),
        country: Some(Country::England),
        council_name: Some("Kestrelford Borough Council"),
        hosts,
        failures: Some(CrawlFailures {
            pages_failing: 3,
            example_url: Some(FAILING_PAGE.to_string()),
        }),
        linking: Linking {
            home_url: "https://www.kestrelford.gov.uk/".to_string(),
            pages_sampled: 5,
            pages_linking: 5,
            home_links: true,
            found_on: Some(FoundLink {
                page_url: "https://www.kestrelford.gov.uk/".to_string(),
                link_text: "Accessibility statement".to_string(),
            }),
        },
    }
}

fn run(html: &str, ctx: &StatementContext) -> Vec<Check> {
    let doc = crate::parse_document(html);
    check_statement(
        StatementSource::Html {
            url: URL,
            doc: &doc,
        },
        ctx,
    )
}

fn status(checks: &[Check], id: &str) -> CheckStatus {
    checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
        .status
}

fn evidence(checks: &[Check], id: &str) -> String {
    let c = checks.iter().find(|c| c.id == id).expect("check");
    c.evidence
        .iter()
        .map(|e| format!("{} {}", e.url, e.text))
        .collect()
}

/// The complete statement with `from` replaced by `to` (which must be in it).
fn variant(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "fixture lacks {from:?}");
    GOOD.replacen(from, to, 1)
}

/// Every check passes except `expected`, which have the statuses given.
fn assert_only(checks: &[Check], expected: &[(&str, CheckStatus)]) {
    assert_eq!(checks.len(), 23);
    for (n, check) in checks.iter().enumerate() {
        assert_eq!(check.id, format!("AS-{:02}", n + 1));
        let want = expected
            .iter()
            .find(|(id, _)| *id == check.id)
            .map_or(Pass, |(_, s)| *s);
        assert_eq!(check.status, want, "{}: {:?}", check.id, check.evidence);
    }
}

#[test]
fn the_complete_statement_passes_every_check() {
    let hosts = hosts();
    let checks = run(GOOD, &context(&hosts));
    assert_only(&checks, &[]);
    assert!(evidence(&checks, "AS-01")
        .contains("“Accessibility statement” on https://www.kestrelford.gov.uk/"));
    assert!(evidence(&checks, "AS-09").contains("partially compliant"));
    assert!(evidence(&checks, "AS-14").contains("2 fix date(s)"));
    assert!(evidence(&checks, "AS-16").contains("accessibility request form"));
    assert!(evidence(&checks, "AS-20").contains("14 March 2026"));
    assert!(evidence(&checks, "AS-23").contains("roadmap"));
}

#[test]
fn the_checks_read_the_main_content_not_the_site_footer() {
    // The footer's "Contact us" link and phone number are not the statement's contact.
    let html = variant(
        "<li>email <a href=\"mailto:accessibility@kestrelford.gov.uk\">accessibility@kestrelford.gov.uk</a></li>",
        "",
    )
    .replacen(
        "<li>use our <a href=\"/contact-us/accessibility-request\">accessibility request form</a></li>",
        "",
        1,
    )
    .replacen(
        "contact us using\n  the <a href=\"/contact-us/accessibility-request\">accessibility request form</a>.",
        "call us.",
        1,
    );
    let hosts = hosts();
    let checks = run(&html, &context(&hosts));
    assert_eq!(status(&checks, "AS-16"), Fail);
    assert!(evidence(&checks, "AS-16").contains("a phone number only"));
}

#[test]
fn a_statement_not_found_fails_the_first_checks_only() {
    let hosts = hosts();
    let mut ctx = context(&hosts);
    ctx.linking = Linking {
        home_url: "https://www.kestrelford.gov.uk/".to_string(),
        pages_sampled: 4,
        ..Linking::default()
    };
    let checks = check_statement(StatementSource::NotFound, &ctx);
    assert_eq!(checks.len(), 23);
    assert_eq!(status(&checks, "AS-01"), Fail);
    assert_eq!(status(&checks, "AS-02"), Fail);
    assert!(checks[2..].iter().all(|c| c.status == NotApplicable));
    assert!(evidence(&checks, "AS-01").contains("4 page(s) sampled"));
    assert_eq!(checks[0].evidence[0].url, "https://www.kestrelford.gov.uk/");
}

#[test]
fn a_pdf_statement_fails_as_03_and_cannot_be_read() {
    let hosts = hosts();
    let checks = check_statement(
        StatementSource::Other {
            url: "https://www.kestrelford.gov.uk/media/accessibility.pdf",
            content_type: "application/pdf",
        },
        &context(&hosts),
    );
    assert_eq!(status(&checks, "AS-01"), Pass);
    assert_eq!(status(&checks, "AS-02"), Pass);
    assert_eq!(status(&checks, "AS-03"), Fail);
    assert!(evidence(&checks, "AS-03").contains("application/pdf"));
    assert!(checks[3..].iter().all(|c| c.status == Unknown));
}

#[test]
fn linking_from_the_home_page_only_is_partial() {
    let hosts = hosts();
    let mut ctx = context(&hosts);
    ctx.linking.pages_linking = 0;
    assert_eq!(status(&run(GOOD, &ctx), "AS-02"), Partial);
    ctx.linking.home_links = false;
    assert_eq!(status(&run(GOOD, &ctx), "AS-02"), Fail);
    ctx.linking.pages_sampled = 0;
    assert_eq!(status(&run(GOOD, &ctx), "AS-02"), Unknown);
}

#[test]
fn a_page_without_statement_wording_is_only_an_accessibility_page() {
    let html = "<title>Accessibility</title><main><h1>Accessibility</h1>\
                <p>Use the toolbar to change the text size.</p></main>";
    let hosts = hosts();
    let checks = run(html, &context(&hosts));
    assert_eq!(status(&checks, "AS-01"), Partial);
    assert_eq!(status(&checks, "AS-04"), Fail);
    assert_eq!(status(&checks, "AS-09"), Fail);
    assert_eq!(status(&checks, "AS-20"), Fail);
    assert_eq!(status(&checks, "AS-23"), NotApplicable);
}

#[test]
fn the_heading_must_say_accessibility_statement() {
    let html = variant(
        "<h1>Accessibility statement for Kestrelford Borough Council</h1>",
        "<h1>Accessibility</h1>",
    );
    let hosts = hosts();
    // The title still says it: partial.
    assert_only(&run(&html, &context(&hosts)), &[("AS-04", Partial)]);
}

#[test]
fn scope_must_cover_the_hosts_crawled() {
    let mut crawled = hosts();
    crawled.push("planning.kestrelford.gov.uk".to_string());
    let checks = run(GOOD, &context(&crawled));
    assert_only(&checks, &[("AS-05", Partial)]);
    assert!(evidence(&checks, "AS-05").contains("planning.kestrelford.gov.uk"));

    let html = variant(
        "This accessibility statement applies to the Kestrelford Borough Council website,",
        "Welcome to the Kestrelford Borough Council website,",
    );
    let hosts = hosts();
    assert_only(&run(&html, &context(&hosts)), &[("AS-05", Fail)]);
}

#[test]
fn the_site_must_be_run_by_the_council() {
    let hosts = hosts();
    let html = variant("This website is run by Kestrelford Borough Council. ", "");
    assert_only(&run(&html, &context(&hosts)), &[("AS-06", Fail)]);
    let html = variant(
        "This website is run by Kestrelford Borough Council.",
        "This website is run by Acme Web Solutions Ltd.",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-06", Partial)]);
    let html = variant(
        "This website is run by Kestrelford Borough Council.",
        "This website is run by [name of organisation].",
    );
    let mut ctx = context(&hosts);
    ctx.council_name = None;
    assert_only(&run(&html, &ctx), &[("AS-06", Fail)]);
}

#[test]
fn the_commitment_names_the_no_2_regulations() {
    let hosts = hosts();
    let html = variant(
        "Kestrelford Borough Council is committed to making its website accessible, in accordance\n  with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility\n  Regulations 2018.",
        "Kestrelford Borough Council is committed to making its website accessible, in accordance\n  with the Public Sector Bodies (Websites and Mobile Applications) Accessibility\n  Regulations 2018.",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-07", Partial)]);
    let html = variant(
        "Kestrelford Borough Council is committed to making its website accessible, in accordance\n  with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility\n  Regulations 2018.",
        "We care about accessibility.",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-07", Fail)]);
}

#[test]
fn compliance_status_heading() {
    let hosts = hosts();
    let html = variant("<h3>Compliance status</h3>", "<h3>Compliance</h3>");
    assert_only(&run(&html, &context(&hosts)), &[("AS-08", Partial)]);
    // Its content stays, but without a heading the statement lacks a required section.
    let html = variant("<h3>Compliance status</h3>", "");
    assert_only(
        &run(&html, &context(&hosts)),
        &[("AS-08", Fail), ("AS-22", Partial)],
    );
}

const STATUS_22: &str = "This website is partially compliant with the\n  <a href=\"https://www.w3.org/TR/WCAG22/\">Web Content Accessibility Guidelines version 2.2</a>\n  AA standard, due to the non-compliances and exemptions listed below.";

#[test]
fn wcag_2_1_is_out_of_date_and_2_2_is_recognised_in_its_usual_wordings() {
    let hosts = hosts();
    let ctx = context(&hosts);
    let html = variant(STATUS_22, "This website is partially compliant with the Web Content Accessibility Guidelines version 2.1 AA standard, due to the non-compliances listed below.");
    let checks = run(&html, &ctx);
    assert_only(&checks, &[("AS-09", Partial)]);
    assert!(evidence(&checks, "AS-09").contains("October 2024"));

    let partial_21 = variant(
        STATUS_22,
        "This website is partially compliant with WCAG 2.1 AA.",
    );
    assert_only(&run(&partial_21, &ctx), &[("AS-09", Partial)]);

    for wording in [
        "This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.2 AA standard, due to the non-compliances listed below.",
        "This website is partially compliant with WCAG 2.2 level AA.",
        "This site is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
    ] {
        assert_only(&run(&variant(STATUS_22, wording), &ctx), &[]);
    }

    // Not one of the three options, though it says what it means.
    let html = variant(
        STATUS_22,
        "This website is not fully compliant with WCAG 2.2 AA.",
    );
    assert_only(&run(&html, &ctx), &[("AS-09", Partial)]);
    // WCAG 2.0 was never the regulations' standard.
    let html = variant(
        STATUS_22,
        "This website is partially compliant with WCAG 2.0 AA.",
    );
    assert_only(&run(&html, &ctx), &[("AS-09", Fail)]);
    // "We aim to be fully compliant" is a plan, not a status.
    let html = variant(
        STATUS_22,
        "We aim to be fully compliant with WCAG 2.2 AA by 2027.",
    );
    assert_only(
        &run(&html, &ctx),
        &[("AS-09", Fail), ("AS-10", NotApplicable)],
    );
}

#[test]
fn full_compliance_contradicted_by_the_crawl_or_the_statement_fails() {
    let hosts = hosts();
    let fully = "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.";
    // The statement itself lists failures of success criteria.
    let checks = run(&variant(STATUS_22, fully), &context(&hosts));
    assert_only(&checks, &[("AS-10", Fail), ("AS-11", NotApplicable)]);
    assert!(evidence(&checks, "AS-10").contains("2.1.1"));

    // Without the list, the crawl's failures contradict it.
    let start = GOOD
        .find("<h2>Non-accessible content</h2>")
        .expect("section");
    let end = GOOD.find("<h2>What we’re doing").expect("next section");
    let html = format!("{}{}", &GOOD[..start], &GOOD[end..]).replacen(STATUS_22, fully, 1);
    let na = [
        ("AS-11", NotApplicable),
        ("AS-12", NotApplicable),
        ("AS-13", NotApplicable),
        ("AS-14", NotApplicable),
        ("AS-15", NotApplicable),
    ];
    let mut ctx = context(&hosts);
    let checks = run(&html, &ctx);
    assert_only(&checks, &[&[("AS-10", Fail)][..], &na].concat());
    assert_eq!(checks[9].evidence[0].url, FAILING_PAGE);
    assert!(evidence(&checks, "AS-10").contains("3 page(s)"));

    ctx.failures = Some(CrawlFailures {
        pages_failing: 0,
        example_url: None,
    });
    assert_only(&run(&html, &ctx), &na);
    ctx.failures = None;
    assert_only(
        &run(&html, &ctx),
        &[&[("AS-10", Unknown)][..], &na].concat(),
    );
}

#[test]
fn not_compliant_is_one_of_the_three_options() {
    let hosts = hosts();
    let html = variant(STATUS_22, "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances and exemptions are listed below.");
    assert_only(&run(&html, &context(&hosts)), &[]);
}

#[test]
fn non_accessible_content_section_and_sentence() {
    let hosts = hosts();
    let html = variant(
        "<p>The content listed below is non-accessible for the following reasons.</p>",
        "",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-11", Partial)]);
    let html = variant("<h2>Non-accessible content</h2>", "");
    assert_only(
        &run(&html, &context(&hosts)),
        &[("AS-11", Partial), ("AS-22", Partial)],
    );
}

#[test]
fn listed_content_needs_its_legally_required_subheading() {
    let hosts = hosts();
    let html = variant("<h3>Disproportionate burden</h3>", "");
    assert_only(&run(&html, &context(&hosts)), &[("AS-12", Partial)]);
}

#[test]
fn non_compliances_name_their_success_criteria() {
    let hosts = hosts();
    let html = variant(
        "This fails\n  WCAG 2.2 success criterion 2.1.1 (keyboard). ",
        "",
    )
    .replacen(
        "This fails WCAG 2.2 success criterion 1.1.1 (non-text content). ",
        "",
        1,
    );
    assert!(!html.contains("1.1.1"));
    // Without criteria the items no longer read as failures, but they are under their
    // heading: AS-12 still passes.
    assert_only(&run(&html, &context(&hosts)), &[("AS-13", Fail)]);
}

#[test]
fn fix_dates_in_the_past_fail() {
    let hosts = hosts();
    let html = variant("by 31 March 2027", "by 31 March 2026");
    let checks = run(&html, &context(&hosts));
    assert_only(&checks, &[("AS-14", Fail)]);
    assert!(evidence(&checks, "AS-14").contains("2026-03-31"));
    // A month is a fix date until its last day.
    let html = variant("by 31 March 2027", "by December 2026");
    assert_only(&run(&html, &context(&hosts)), &[]);
    let html = variant("by 31 March 2027", "by the end of 2025");
    assert_only(&run(&html, &context(&hosts)), &[("AS-14", Fail)]);
    // The out-of-scope section's "published before 23 September 2018" is no fix date,
    // nor is the burden section's reassessment "in 2028".
    let checks = run(GOOD, &context(&hosts));
    assert!(evidence(&checks, "AS-14").contains("2 fix date(s)"));
}

#[test]
fn disproportionate_burden_needs_an_assessment() {
    let hosts = hosts();
    let html = variant(
        "We’ve assessed the cost of fixing the issues with the search and believe that\n  doing so now",
        "We believe that doing so now",
    )
    .replacen(
        " We will make another assessment when the\n  supplier contract is up for renewal, likely to be in 2028.",
        "",
        1,
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-15", Fail)]);
}

#[test]
fn feedback_heading_is_matched_by_its_sense() {
    let hosts = hosts();
    let html = variant(
        "<h2>Feedback and contact information</h2>",
        "<h3>Feedback and contact details</h3>",
    );
    assert_only(&run(&html, &context(&hosts)), &[]);
    let html = variant("<h2>Feedback and contact information</h2>", "");
    assert_only(
        &run(&html, &context(&hosts)),
        &[("AS-16", Partial), ("AS-22", Partial)],
    );
}

#[test]
fn other_formats_need_a_response_time() {
    let hosts = hosts();
    let html = variant(
        "<p>We’ll consider your request and get back to you in 5 working days.</p>",
        "",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-17", Partial)]);
}

#[test]
fn reporting_section() {
    let hosts = hosts();
    let html = variant(
        "<h2>Reporting accessibility problems with this website</h2>",
        "",
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-18", Partial)]);
}

const EHRC: &str = "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public\n  Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the\n  ‘accessibility regulations’). If you’re not happy with how we respond to your complaint,\n  <a href=\"https://www.equalityadvisoryservice.com/\">contact the Equality Advisory and Support Service (EASS)</a>.</p>";
const ECNI: &str = "<p>The Equality Commission for Northern Ireland (ECNI) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’) in Northern Ireland. If you’re not happy with how we respond to your complaint, <a href=\"https://www.equalityni.org/\">contact the Equality Commission for Northern Ireland (ECNI)</a>.</p>";

#[test]
fn enforcement_names_the_body_of_the_councils_nation() {
    let hosts = hosts();
    let mut ctx = context(&hosts);
    let ni = variant(EHRC, ECNI);
    // An English council naming the Northern Ireland body, and the other way round, fail.
    assert_only(&run(&ni, &ctx), &[("AS-19", Fail)]);
    ctx.country = Some(Country::NorthernIreland);
    assert_only(&run(&ni, &ctx), &[]);
    let checks = run(GOOD, &ctx);
    assert_only(&checks, &[("AS-19", Fail)]);
    assert!(evidence(&checks, "AS-19").contains("Equality Commission for Northern Ireland"));
    // Country unknown: either body, said so.
    ctx.country = None;
    let checks = run(&ni, &ctx);
    assert_only(&checks, &[]);
    assert!(evidence(&checks, "AS-19").contains("not known"));
    ctx.country = Some(Country::Wales);
    // The model statement's "If you live in Northern Ireland" line beside the EHRC one is fine.
    let both = variant(EHRC, &format!("{EHRC}<p>If you live in Northern Ireland, complain to the <a href=\"https://www.equalityni.org/\">Equalities Commission for Northern Ireland (ECNI)</a>.</p>"));
    assert_only(&run(&both, &ctx), &[]);
}

#[test]
fn enforcement_without_its_heading_or_link() {
    let hosts = hosts();
    let ctx = context(&hosts);
    let html = variant("<h2>Enforcement procedure</h2>", "");
    assert_only(&run(&html, &ctx), &[("AS-19", Partial), ("AS-22", Partial)]);
    // A bold line is read as the heading it stands for.
    let html = variant(
        "<h2>Enforcement procedure</h2>",
        "<p><strong>Enforcement procedure</strong></p>",
    );
    assert_only(&run(&html, &ctx), &[]);
    let html = variant(
        "<a href=\"https://www.equalityadvisoryservice.com/\">contact the Equality Advisory and Support Service (EASS)</a>",
        "contact the Equality Advisory and Support Service",
    );
    assert_only(&run(&html, &ctx), &[("AS-19", Partial)]);
    // The statement that lacks the section altogether (the typical failure).
    let start = GOOD
        .find("<h2>Enforcement procedure</h2>")
        .expect("section");
    let end = GOOD.find("<h2>Contacting us").expect("next");
    let html = format!("{}{}", &GOOD[..start], &GOOD[end..]);
    assert_only(&run(&html, &ctx), &[("AS-19", Fail), ("AS-22", Partial)]);
}

const PREPARED: &str =
    "This statement was prepared on 23 September 2020. It was last reviewed on 14 March 2026.";

#[test]
fn reviewed_within_twelve_months_of_the_crawl() {
    let hosts = hosts();
    let ctx = context(&hosts); // crawled 7 December 2026
    let reviewed = |on: &str| {
        run(
            &variant(
                PREPARED,
                &format!("This statement was prepared on 23 September 2020. It was last reviewed on {on}."),
            ),
            &ctx,
        )
    };
    assert_only(&reviewed("7 December 2025"), &[]);
    assert_only(&reviewed("6 December 2025"), &[("AS-20", Fail)]);
    assert_only(&reviewed("07/12/2025"), &[]);
    assert_only(&reviewed("2025-12-06"), &[("AS-20", Fail)]);
    // A month may mean its last day.
    assert_only(&reviewed("December 2025"), &[]);
    assert_only(&reviewed("November 2025"), &[("AS-20", Fail)]);
    // The review date does not read, and the preparation date is old: it may have been
    // reviewed last month.
    assert_only(&reviewed("31 Septembre 2026"), &[("AS-20", Unknown)]);
    let html = variant(
        PREPARED,
        "This statement was prepared on 23 September 2020.",
    );
    let checks = run(&html, &ctx);
    assert_only(&checks, &[("AS-20", Fail)]);
    assert!(evidence(&checks, "AS-20").contains("2020-09-23"));
}

#[test]
fn undated_statements_fail_and_unreadable_dates_are_unknown() {
    let hosts = hosts();
    let ctx = context(&hosts);
    let html = variant(PREPARED, "This statement was prepared on [date].");
    assert_only(&run(&html, &ctx), &[("AS-20", Fail)]);
    let html = variant(
        PREPARED,
        "This statement was prepared on 31 Septembre 2026.",
    );
    assert_only(&run(&html, &ctx), &[("AS-20", Unknown)]);
    // Only a review date: recent, but the preparation date is missing.
    let html = variant(
        PREPARED,
        "This statement was last reviewed on 14 March 2026.",
    );
    assert_only(&run(&html, &ctx), &[("AS-20", Partial)]);
}

#[test]
fn testing_method_needs_date_tester_and_sample() {
    let hosts = hosts();
    let ctx = context(&hosts);
    let html = variant(
        "<p>We used this approach to deciding on a sample of pages to test: the home page, the 20 most\n  visited pages, a page from each service area and every online form.</p>",
        "",
    );
    assert_only(&run(&html, &ctx), &[("AS-21", Partial)]);
    let html = variant(
        "<p>This website was last tested on 10 March 2026 against the WCAG 2.2 AA standard.</p>",
        "",
    );
    assert_only(&run(&html, &ctx), &[("AS-21", Partial)]);
}

#[test]
fn a_statement_split_over_pages_fails_as_22() {
    let hosts = hosts();
    let start = GOOD
        .find("<h2>Feedback and contact information</h2>")
        .expect("section");
    let end = GOOD.find("<h2>Technical information").expect("next");
    let html = format!(
        "{}<p>See <a href=\"/accessibility/feedback\">feedback and contact information</a>.</p>{}",
        &GOOD[..start],
        &GOOD[end..]
    );
    let checks = run(&html, &context(&hosts));
    assert_eq!(status(&checks, "AS-22"), Fail);
    assert!(evidence(&checks, "AS-22").contains("/accessibility/feedback"));
}

#[test]
fn finds_statement_links_as_council_footers_word_them() {
    for (text, href) in [
        ("Accessibility", "/accessibility"),
        ("Accessibility statement", "/accessibility-statement"),
        ("Website accessibility", "/website-accessibility"),
        (
            "Accessibility Statement",
            "https://www.kestrelford.gov.uk/site/accessibility",
        ),
        (
            "Accessibility statement for Kestrelford Borough Council",
            "/a11y",
        ),
        (
            "Accessibility statement (opens in a new tab)",
            "/accessibility",
        ),
        ("Read our accessibility statement", "/accessibility"),
        ("Datganiad hygyrchedd", "/cy/hygyrchedd"),
        ("", "/accessibility-statement"),
    ] {
        assert!(is_statement_link(text, href), "{text:?} {href:?}");
    }
    for (text, href) in [
        ("Accessibility of our buildings", "/buildings/access"),
        ("Accessibility tools", "#recite"),
        ("Accessibility tools", "/tools"),
        ("Accessible toilets", "/toilets"),
        ("Accessibility", "#"),
        ("Accessibility", "javascript:toggle()"),
        ("Contact us", "/accessibility"),
        ("", "/accessibility-help"),
        ("Accessibility help", "/accessibility-help"),
    ] {
        assert!(!is_statement_link(text, href), "{text:?} {href:?}");
    }
}

#[test]
fn tells_a_statement_from_another_accessibility_page() {
    assert!(looks_like_statement(&crate::parse_document(GOOD)));
    let untitled = "<main><h1>Accessibility</h1><p>This accessibility statement applies to \
                    www.kestrelford.gov.uk.</p><h2>Enforcement procedure</h2></main>";
    assert!(looks_like_statement(&crate::parse_document(untitled)));
    let buildings = "<title>Accessibility of our buildings</title><main><h1>Access to our \
                     buildings</h1><p>All our offices have step-free access and an induction \
                     loop.</p></main>";
    assert!(!looks_like_statement(&crate::parse_document(buildings)));
}

#[test]
fn headings_written_as_paragraphs_and_hidden_email_addresses() {
    // As some small council sites publish it: the heading a paragraph ending with a colon,
    // the address behind Cloudflare's email protection.
    let html = variant(
        "<h2>Feedback and contact information</h2>",
        "<p>Feedback and contact information:</p>",
    )
    .replacen(
        "<li>email <a href=\"mailto:accessibility@kestrelford.gov.uk\">accessibility@kestrelford.gov.uk</a></li>",
        "<li>email <a href=\"/cdn-cgi/l/email-protection#1a2b\">[email&#160;protected]</a></li>",
        1,
    )
    .replacen(
        "<li>use our <a href=\"/contact-us/accessibility-request\">accessibility request form</a></li>",
        "",
        1,
    )
    .replacen(
        "contact us using\n  the <a href=\"/contact-us/accessibility-request\">accessibility request form</a>.",
        "contact us using the details above.",
        1,
    );
    let hosts = hosts();
    let checks = run(&html, &context(&hosts));
    assert_only(&checks, &[]);
    assert!(evidence(&checks, "AS-18").contains("details above"));
    assert!(evidence(&checks, "AS-16").contains("not marked up as a heading"));
    assert!(evidence(&checks, "AS-16").contains("email-protection"));
}

#[test]
fn a_contents_list_is_not_a_split_statement() {
    let hosts = hosts();
    let html = variant(
        "<h2>Enforcement procedure</h2>",
        "<ul><li><a href=\"#enforcement\">Enforcement procedure</a></li></ul>",
    );
    assert_only(
        &run(&html, &context(&hosts)),
        &[("AS-19", Partial), ("AS-22", Partial)],
    );
}

#[test]
fn scope_in_other_words() {
    let hosts = hosts();
    let html = variant(
        "This accessibility statement applies to the Kestrelford Borough Council website,",
        "This statement relates to the Kestrelford Borough Council website,",
    );
    assert_only(&run(&html, &context(&hosts)), &[]);
}

/// The non-accessible content section from its heading to the roadmap.
fn without_non_accessible_content(replacement: &str) -> String {
    let start = GOOD
        .find("<h2>Non-accessible content</h2>")
        .expect("section");
    let end = GOOD.find("<h2>What we’re doing").expect("next section");
    format!("{}{replacement}{}", &GOOD[..start], &GOOD[end..])
}

#[test]
fn exemptions_only_list_no_non_compliances() {
    let hosts = hosts();
    let html = without_non_accessible_content(
        "<h2>Non-accessible content</h2>\
         <p>The content listed below is non-accessible for the following reasons.</p>\
         <h3>Content that’s not within the scope of the accessibility regulations</h3>\
         <p>The accessibility regulations do not require us to fix PDFs or other documents \
         published before 23 September 2018 if they’re not essential to providing our \
         services.</p>",
    )
    .replacen(STATUS_22, "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the exemptions listed below.", 1);
    assert_only(
        &run(&html, &context(&hosts)),
        &[
            ("AS-13", NotApplicable),
            ("AS-14", NotApplicable),
            ("AS-15", NotApplicable),
        ],
    );
}

#[test]
fn content_listed_without_subheadings_is_partial() {
    let hosts = hosts();
    let html = without_non_accessible_content(
        "<h2>Non-accessible content</h2>\
         <p>The content listed below is non-accessible for the following reasons.</p>\
         <p>Some older PDF documents are not tagged for screen readers.</p>",
    );
    assert_only(
        &run(&html, &context(&hosts)),
        &[
            ("AS-12", Partial),
            ("AS-13", Fail),
            ("AS-14", NotApplicable),
            ("AS-15", NotApplicable),
        ],
    );
}

#[test]
fn the_date_an_issue_was_found_is_no_fix_date() {
    let hosts = hosts();
    let html = variant(
        "We plan to replace the map with a keyboard\n  accessible one by 31 March 2027.",
        "We found this when we tested on 10 March 2026, and we plan to replace the map by 31 March 2027.",
    );
    assert_only(&run(&html, &context(&hosts)), &[]);
}

#[test]
fn saying_no_burden_is_claimed_is_no_claim() {
    let hosts = hosts();
    let start = GOOD
        .find("<h3>Disproportionate burden</h3>")
        .expect("section");
    let end = GOOD.find("<h3>Content that’s not within").expect("next");
    let html = format!(
        "{}<p>We are not currently claiming that any accessibility problems would be a \
         disproportionate burden to fix.</p>{}",
        &GOOD[..start],
        &GOOD[end..]
    );
    assert_only(&run(&html, &context(&hosts)), &[("AS-15", NotApplicable)]);
}

#[test]
fn other_wordings_of_formats_and_the_commission() {
    let hosts = hosts();
    let html = variant(
        "If you need information on this website in a different format like accessible PDF, large\n  print, easy read, audio recording or braille:",
        "If you need information on this website in a different format:",
    )
    .replacen("The Equality and Human Rights Commission (EHRC)", "The Equality &amp; Human Rights Commission", 1);
    assert_only(&run(&html, &context(&hosts)), &[]);
}

#[test]
fn lists_the_statement_links_of_a_page_and_where_they_are() {
    let doc = crate::parse_document(
        r#"<header><a href="/accessibility-tools">Accessibility tools</a></header>
        <main><p>Read our <a href="/accessibility-statement">accessibility statement</a>.</p>
        <a href="/access">Accessibility of our buildings</a></main>
        <div class="site-footer"><a href="/accessibility">Accessibility</a>
        <a href="/accessibility-statement"><img src="a11y.svg" alt="Accessibility statement"></a></div>"#,
    );
    let links = statement_links(&doc);
    let found: Vec<(&str, &str, bool)> = links
        .iter()
        .map(|l| (l.text.as_str(), l.href.as_str(), l.in_header_or_footer))
        .collect();
    assert_eq!(
        found,
        [
            ("accessibility statement", "/accessibility-statement", false),
            ("Accessibility", "/accessibility", true),
            ("Accessibility statement", "/accessibility-statement", true),
        ]
    );
    let footer = crate::parse_document(r#"<footer><a href="/a">Accessibility</a></footer>"#);
    assert!(statement_links(&footer)[0].in_header_or_footer);
}

#[test]
fn dates_belong_to_their_sentence_and_may_stand_at_the_top() {
    let hosts = hosts();
    let ctx = context(&hosts);
    // The test date is no review date.
    let html = variant(
        PREPARED,
        "Statement prepared: [date]. Tested 10 March 2026 by our team.",
    );
    assert_only(&run(&html, &ctx), &[("AS-20", Fail)]);
    // A "Last updated" line at the top dates the statement when the section does not.
    let html = variant(PREPARED, "").replacen(
        "<h1>Accessibility statement for Kestrelford Borough Council</h1>",
        "<h1>Accessibility statement for Kestrelford Borough Council</h1><p>Last updated: 2 March 2026</p>",
        1,
    );
    let checks = run(&html, &ctx);
    assert_only(&checks, &[("AS-20", Partial)]);
    assert!(evidence(&checks, "AS-20").contains("no preparation date"));
}

#[test]
fn splits_sentences_at_full_stops_before_capitals() {
    use super::text::sentences;
    assert_eq!(
        sentences("Prepared on 23 Sept. 2020. It fails 1.4.10. Fix by June."),
        [
            "Prepared on 23 Sept. 2020.",
            "It fails 1.4.10.",
            "Fix by June."
        ]
    );
}

#[test]
fn odd_pages_give_23_checks_without_panicking() {
    let hosts = hosts();
    let ctx = context(&hosts);
    for html in [
        "",
        "<html>",
        "<p>. . .</p>",
        "<main><h2></h2><p>Compliance status:</p><p>fully compliant with</p></main>",
        "<main><p>This statement was prepared on 31/02/2026. Reviewed 2026-13-01.</p></main>",
        "<main><p>Prêt à l’emploi. É. 1.1.1. ✓ compliant with WCAG 2.2 AA. 🙂 by 2026</p></main>",
        &"<div>".repeat(600),
    ] {
        let checks = run(html, &ctx);
        assert_eq!(checks.len(), 23, "{html:?}");
        assert!(checks.iter().all(|c| !c.evidence.is_empty()));
    }
    assert!(!is_statement_link("", ""));
    assert!(!is_statement_link("((", "/"));
}

#[test]
fn a_statement_in_welsh_is_not_judged_on_english_wording() {
    let hosts = hosts();
    let html = "<html lang=\"cy\"><title>Datganiad hygyrchedd</title><main><h1>Datganiad \
                hygyrchedd</h1><p>Mae'r datganiad hygyrchedd hwn yn berthnasol i \
                www.kestrelford.gov.uk.</p></main></html>";
    let checks = run(html, &context(&hosts));
    assert_eq!(status(&checks, "AS-01"), Pass);
    assert_eq!(status(&checks, "AS-03"), Pass);
    assert!(checks[3..].iter().all(|c| c.status == Unknown));
    // The English page of the same site is judged.
    let english = GOOD.replacen("<html lang=\"en\">", "<html lang=\"en-GB\">", 1);
    assert_only(&run(&english, &context(&hosts)), &[]);
}

#[test]
fn a_status_without_the_standard_is_partial() {
    let hosts = hosts();
    let html = variant(STATUS_22, "Partially compliant.");
    assert_only(&run(&html, &context(&hosts)), &[("AS-09", Partial)]);
    // Outside the compliance section, "fully compliant" says nothing of the WCAG.
    let html = variant(STATUS_22, "").replacen(
        "<p>We’ve also made the website text",
        "<p>Our buildings are fully compliant with the Equality Act.</p><p>We’ve also made the website text",
        1,
    );
    assert_only(
        &run(&html, &context(&hosts)),
        &[("AS-09", Fail), ("AS-10", NotApplicable)],
    );
}

#[test]
fn wordings_seen_on_council_statements() {
    let hosts = hosts();
    let ctx = context(&hosts);
    // "Kestrelford Borough Council runs this website."
    let html = variant(
        "This website is run by Kestrelford Borough Council.",
        "Kestrelford Borough Council runs this website.",
    );
    assert_only(&run(&html, &ctx), &[]);
    // A heading in other words than the model's.
    let html = variant("<h2>Non-accessible content</h2>", "<h2>Known issues</h2>");
    assert_only(&run(&html, &ctx), &[("AS-11", Partial)]);
    // The next review is planned, not done: the last one decides.
    let html = variant(
        PREPARED,
        "This statement was prepared on 23 September 2020. It was last reviewed on 14 March 2026. It will be reviewed again in March 2027. Next review: March 2027.",
    );
    assert_only(&run(&html, &ctx), &[]);
    let html = variant(PREPARED, "This statement is dated 14 March 2026.");
    assert_only(&run(&html, &ctx), &[]);
    // A fix done is no fix date in the past.
    let html = variant(
        "We plan to replace the map with a keyboard\n  accessible one by 31 March 2027.",
        "The map was fixed in March 2026 on most pages.",
    );
    assert_only(&run(&html, &ctx), &[]);
    // A plan that lapsed is.
    let html = variant(
        "We plan to replace the map with a keyboard\n  accessible one by 31 March 2027.",
        "This will be fixed by March 2026.",
    );
    assert_only(&run(&html, &ctx), &[("AS-14", Fail)]);
}

#[test]
fn scope_sentence_followed_by_a_list_or_by_nothing() {
    let hosts = hosts();
    let scope = "This accessibility statement applies to the Kestrelford Borough Council website,\n  <a href=\"https://www.kestrelford.gov.uk/\">www.kestrelford.gov.uk</a>, and our online forms at\n  forms.kestrelford.gov.uk.";
    let html = variant(
        scope,
        "This accessibility statement applies to:</p><ul><li>www.kestrelford.gov.uk</li>\
         <li>forms.kestrelford.gov.uk</li></ul><p>",
    );
    let checks = run(&html, &context(&hosts));
    assert_only(&checks, &[]);
    assert!(evidence(&checks, "AS-05").contains("forms.kestrelford.gov.uk"));
    // A template left unfilled states no scope.
    let html = variant(scope, "This accessibility statement applies to");
    assert_only(&run(&html, &context(&hosts)), &[("AS-05", Fail)]);
}

#[test]
fn non_compliances_in_a_table_read_row_by_row() {
    let hosts = hosts();
    let start = GOOD
        .find("<h3>Non-compliance with the accessibility regulations</h3>")
        .expect("section");
    let end = GOOD.find("<h3>Disproportionate burden</h3>").expect("next");
    let table = |fix: &str| {
        format!(
            "{}<h3>Non-compliance with the accessibility regulations</h3>\
             <table><tr><th>Issue</th><th>WCAG 2.2 success criterion</th><th>Planned fix date</th></tr>\
             <tr><td>Some images have no text alternative</td><td>1.1.1 Non-text content</td><td>{fix}</td></tr>\
             <tr><td><p>The map cannot be used with a keyboard</p></td><td>2.1.1 Keyboard</td><td>{fix}</td></tr>\
             </table>{}",
            &GOOD[..start],
            &GOOD[end..]
        )
    };
    let checks = run(&table("31 March 2027"), &context(&hosts));
    assert_only(&checks, &[]);
    assert!(evidence(&checks, "AS-14").contains("2 fix date(s)"));
    let checks = run(&table("March 2026"), &context(&hosts));
    assert_only(&checks, &[("AS-14", Fail)]);
    assert!(evidence(&checks, "AS-14").contains("Planned fix date: March 2026"));
}
