use super::*;
use crate::services::catalogue;

const HOME: &str = "https://www.council.example/";

fn tasks(ids: &[&str]) -> &'static [Task] {
    let list: Vec<Task> = ids
        .iter()
        .map(|id| *catalogue::task(id).expect("catalogue task"))
        .collect();
    Box::leak(list.into_boxed_slice())
}

fn page(path: &str, html: &str) -> PageSummary {
    let url = Url::parse(HOME).unwrap().join(path).unwrap();
    PageSummary::from_document(&crate::parse_document(html), &url, None)
}

fn analysis(config: Config, ids: &[&str]) -> Analysis {
    Analysis::with_tasks(config, Url::parse(HOME).unwrap(), tasks(ids))
}

/// Answers every request as the given pages would (404 for any other).
fn drive(a: &mut Analysis, pages: &[(&str, &str)]) -> Vec<Request> {
    let mut asked = Vec::new();
    loop {
        let requests = a.requests();
        if requests.is_empty() {
            return asked;
        }
        for r in requests {
            let found = pages
                .iter()
                .find(|(path, _)| Url::parse(HOME).unwrap().join(path).unwrap() == r.url);
            match found {
                Some((path, html)) => a.on_response(r.id, &r.url, 200, Some(page(path, html))),
                None => a.on_response(r.id, &r.url, 404, None),
            }
            asked.push(r);
        }
    }
}

fn task<'r>(report: &'r ServicesReport, id: &str) -> &'r TaskResult {
    report.tasks.iter().find(|t| t.id == id).unwrap()
}

fn status(result: &TaskResult, check: &str) -> CheckStatus {
    result.checks.iter().find(|c| c.id == check).unwrap().status
}

use crate::services::CheckStatus;

const HOME_PAGE: &str = r#"<title>Council</title><header><form action="/search" role="search">
    <input type="search" name="q" aria-label="Search"></form></header>
    <main><h1>Welcome</h1><a href="/bins">Bins and recycling</a></main>
    <footer><a href="/contact">Contact us</a> <a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>"#;

const LANDING: &str = r#"<title>Bins and recycling</title>
    <nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li>Bins</li></ol></nav>
    <main><h1>Bins and recycling</h1><a href="/bins/missed">Report a missed bin</a></main>"#;

const TASK_PAGE: &str = r#"<title>Report a missed bin</title>
    <meta name="viewport" content="width=device-width">
    <nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/bins">Bins</a></li>
    <li>Report a missed bin</li></ol></nav>
    <main><h1>Report a missed bin</h1><h2>Before you start</h2><p>You will need your address.</p>
    <p><a href="/bins/missed/form" class="button button--start">Start now</a></p>
    <p>Call 01632 960000.</p></main>"#;

const FORM_PAGE: &str = r#"<title>Report a missed bin: your address</title><main><h1>Your address</h1>
    <form method="post" action="/bins/missed/send"><label>Postcode <input name="postcode"></label>
    <button>Find address</button></form></main>"#;

fn missed_bin_site(a: &mut Analysis, task_page: &str) {
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(page("/bins", LANDING), 200, 0);
    a.add_page(page("/bins/missed", task_page), 200, 0);
}

#[test]
fn an_on_site_form_behind_a_start_button_is_online() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    // The form page was not crawled: the analysis asks for it (own host, always checked).
    let asked = drive(&mut a, &[("/bins/missed/form", FORM_PAGE)]);
    assert_eq!(asked.len(), 1);
    assert_eq!(
        asked[0].url.as_str(),
        "https://www.council.example/bins/missed/form"
    );
    assert_eq!(asked[0].method, Method::Get);
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Online);
    assert_eq!(
        t.url.as_deref(),
        Some("https://www.council.example/bins/missed")
    );
    let route = t.route.as_ref().unwrap();
    assert_eq!(route.url, "https://www.council.example/bins/missed/form");
    assert_eq!(
        (route.kind.as_str(), route.checked),
        ("form", RouteCheck::Ok)
    );
    // Home links only to the landing page; the landing page links to the task.
    assert_eq!(status(t, "SC-01"), CheckStatus::Fail);
    assert_eq!(status(t, "SC-02"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-04"), CheckStatus::NotApplicable);
    assert_eq!(status(t, "SC-07"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-08"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-09"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-10"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-11"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-13"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-16"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-18"), CheckStatus::Pass);
    // The evidence says where to look.
    let sc01 = t.checks.iter().find(|c| c.id == "SC-01").unwrap();
    assert_eq!(sc01.evidence[0].url, HOME);
}

#[test]
fn a_broken_route_is_not_online() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    drive(&mut a, &[]);
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Offline);
    // The route is reported, as broken.
    let route = t.route.as_ref().unwrap();
    assert_eq!(route.url, "https://www.council.example/bins/missed/form");
    assert_eq!(route.checked, RouteCheck::Broken);
    assert_eq!(status(t, "SC-07"), CheckStatus::Fail);
    assert_eq!(status(t, "SC-08"), CheckStatus::Fail);
}

#[test]
fn a_broken_route_seen_by_the_crawl_is_not_asked_again() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_unfetched(
        &Url::parse("https://www.council.example/bins/missed/form").unwrap(),
        Some(404),
        None,
    );
    assert!(drive(&mut a, &[]).is_empty());
    let t = task(&a.finish(), "report-missed-bin").clone();
    assert_eq!(t.status, TaskStatus::Offline);
    assert_eq!(status(&t, "SC-08"), CheckStatus::Fail);
}

#[test]
fn a_pdf_to_print_is_offline() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(
        &mut a,
        r#"<title>Report a missed bin</title><main><h1>Report a missed bin</h1>
        <p>Download the <a href="/docs/missed-bin-form.pdf">missed bin report form (PDF)</a>, print it
        and post it to us.</p></main>"#,
    );
    assert!(
        drive(&mut a, &[]).is_empty(),
        "documents are never asked for"
    );
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Offline);
    assert_eq!(t.route.as_ref().unwrap().kind, "document");
    assert_eq!(status(t, "SC-06"), CheckStatus::Fail);
    assert_eq!(status(t, "SC-07"), CheckStatus::Fail);
    assert_eq!(status(t, "SC-12"), CheckStatus::Fail);
    // No online call to action: nothing to prepare for.
    assert_eq!(status(t, "SC-11"), CheckStatus::NotApplicable);
}

#[test]
fn a_sign_in_wall_is_unknown_and_fails_sc09() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    drive(
        &mut a,
        &[(
            "/bins/missed/form",
            r#"<main><h1>Sign in</h1><p>You need to sign in to report a missed bin.</p>
            <form method="post"><input name="email" aria-label="Email">
            <input type="password" name="p" aria-label="Password"></form></main>"#,
        )],
    );
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Unknown);
    assert_eq!(status(t, "SC-07"), CheckStatus::Unknown);
    assert_eq!(status(t, "SC-09"), CheckStatus::Fail);
}

#[test]
fn a_sign_in_wall_with_an_account_to_make_online_is_online_but_fails_sc09() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    drive(
        &mut a,
        &[(
            "/bins/missed/form",
            r#"<main><h1>Sign in</h1><p>Sign in or create an account to continue.</p>
            <form method="post"><input name="email" aria-label="Email">
            <input type="password" name="p" aria-label="Password"></form>
            <p><a href="/account/register">Create an account</a></p></main>"#,
        )],
    );
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Online);
    assert_eq!(t.route.as_ref().unwrap().kind, "sign-in");
    assert_eq!(status(t, "SC-07"), CheckStatus::Pass);
    assert_eq!(status(t, "SC-09"), CheckStatus::Fail);
    assert_eq!(status(t, "SC-10"), CheckStatus::Unknown);
}

const PAY_PAGE: &str = r#"<title>Pay your council tax</title><main><h1>Pay your council tax</h1>
    <p><a href="https://www.civicaepay.co.uk/CouncilEstore/tax">Pay council tax online</a></p>
    <p>Phone 0300 123 4567.</p></main>"#;

#[test]
fn a_known_payment_host_is_online_but_not_checked_without_check_external() {
    let mut a = analysis(Config::default(), &["pay-council-tax"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(page("/council-tax/pay", PAY_PAGE), 200, 0);
    assert!(
        drive(&mut a, &[]).is_empty(),
        "third-party hosts need --check-external"
    );
    let report = a.finish();
    let t = task(&report, "pay-council-tax");
    assert_eq!(t.status, TaskStatus::Online);
    let route = t.route.as_ref().unwrap();
    assert_eq!(route.host, "www.civicaepay.co.uk");
    assert_eq!(route.kind, "payment");
    assert_eq!(route.checked, RouteCheck::NotChecked);
    assert_eq!(status(t, "SC-08"), CheckStatus::Unknown);
    assert_eq!(status(t, "SC-17"), CheckStatus::Pass);
}

#[test]
fn with_check_external_a_dead_payment_link_is_offline() {
    let config = Config {
        check_external: true,
        ..Config::default()
    };
    let mut a = analysis(config, &["pay-council-tax"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(page("/council-tax/pay", PAY_PAGE), 200, 0);
    let requests = a.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].url.host_str(), Some("www.civicaepay.co.uk"));
    assert_eq!(
        requests[0].purpose,
        Purpose::Route {
            task: "pay-council-tax"
        }
    );
    a.on_error(requests[0].id, "connection refused");
    assert!(a.requests().is_empty());
    let report = a.finish();
    let t = task(&report, "pay-council-tax");
    assert_eq!(t.status, TaskStatus::Offline);
    assert_eq!(status(t, "SC-08"), CheckStatus::Fail);
    assert!(t.checks.iter().any(|c| c
        .evidence
        .iter()
        .any(|e| e.text.contains("connection refused"))));
}

#[test]
fn a_district_signposting_the_county_is_other_tier() {
    let config = Config {
        tier: Some(Tier::District),
        ..Config::default()
    };
    let mut a = analysis(config, &["report-pothole", "blue-badge"]);
    a.add_page(
        page(
            "/",
            r#"<main><h1>Welcome</h1><a href="https://www.shire.example/roads/report-a-pothole">Report a pothole (Shire County Council)</a></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    assert_eq!(report.tier_source, TierSource::Given);
    let pothole = task(&report, "report-pothole");
    assert_eq!(pothole.status, TaskStatus::OtherTier);
    assert_eq!(status(pothole, "SC-19"), CheckStatus::Pass);
    assert_eq!(status(pothole, "SC-01"), CheckStatus::NotApplicable);
    // Nothing on the site sends residents to the county for a Blue Badge.
    let badge = task(&report, "blue-badge");
    assert_eq!(badge.status, TaskStatus::NotFound);
    assert_eq!(status(badge, "SC-19"), CheckStatus::Fail);
}

/// A county's "which council does what" page, as two-tier counties publish one: the
/// districts' services as a plain list, links to the districts and GOV.UK's finder.
const COUNTY_SIGNPOST: &str = r#"<title>District councils</title><main><h1>District councils</h1>
    <p>Your district council is responsible for:</p>
    <ul><li>council tax</li><li>rubbish collection and recycling</li><li>parking permits</li>
    <li>noise and nuisance complaints</li></ul>
    <h2>Your district council</h2>
    <ul><li><a href="https://www.northdale.example/">Northdale District Council</a></li></ul>
    <p>Check which council covers your address with
    <a href="https://www.gov.uk/find-local-council">Find your local council</a>.</p>
    <h2>Planning</h2><p>We decide planning applications for minerals and waste only.</p></main>"#;

#[test]
fn a_county_page_listing_the_districts_services_signposts_them() {
    let config = Config {
        tier: Some(Tier::County),
        ..Config::default()
    };
    let ids = [
        "pay-council-tax",
        "report-missed-bin",
        "parking-permit",
        "planning-applications",
        "register-to-vote",
        "complaints",
    ];
    let mut a = analysis(config, &ids);
    a.add_page(
        page(
            "/",
            r#"<main><h1>Welcome</h1><a href="/district-councils">District councils</a></main>"#,
        ),
        200,
        0,
    );
    a.add_page(page("/district-councils", COUNTY_SIGNPOST), 200, 0);
    let report = a.finish();
    let signpost = "https://www.council.example/district-councils";
    // Listed by their service ("council tax", "rubbish collection"): sent to GOV.UK's
    // finder, which covers every address, rather than one district.
    for id in ["pay-council-tax", "report-missed-bin"] {
        let t = task(&report, id);
        assert_eq!(t.status, TaskStatus::OtherTier, "{id}");
        assert_eq!(t.url.as_deref(), Some(signpost), "{id}");
        let route = t.route.as_ref().unwrap();
        assert_eq!(route.url, "https://www.gov.uk/find-local-council", "{id}");
        assert_eq!(status(t, "SC-19"), CheckStatus::Pass, "{id}");
    }
    // Parking is run by either tier; the site has no page and says the district runs it.
    let parking = task(&report, "parking-permit");
    assert_eq!(parking.status, TaskStatus::OtherTier);
    assert_eq!(status(parking, "SC-01"), CheckStatus::NotApplicable);
    // "Nuisance complaints" names the noise service: the county's own complaints
    // procedure, not on this small site, is still the county's.
    assert_eq!(task(&report, "complaints").status, TaskStatus::NotFound);
    assert_eq!(
        status(task(&report, "complaints"), "SC-01"),
        CheckStatus::Fail
    );
    // The list's heading ends the passage: "planning applications" under "Planning" is the
    // county's own; electoral registration is not listed at all.
    for id in ["planning-applications", "register-to-vote"] {
        let t = task(&report, id);
        assert_eq!(t.status, TaskStatus::NotFound, "{id}");
        assert_eq!(status(t, "SC-19"), CheckStatus::Fail, "{id}");
    }
}

#[test]
fn a_district_describing_its_own_services_signposts_nothing() {
    let config = Config {
        tier: Some(Tier::District),
        ..Config::default()
    };
    let mut a = analysis(config, &["parking-permit", "library-renewal"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(
        page(
            "/about",
            r#"<main><h1>About the council</h1><p>Northdale District Council provides:</p>
            <ul><li>parking</li><li>libraries (with the county)</li></ul>
            <p>See also <a href="https://www.shire.example/">Shire County Council</a>.</p></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    // Its own list is not the county's: parking stays the district's, libraries unsignposted.
    assert_eq!(task(&report, "parking-permit").status, TaskStatus::NotFound);
    assert_eq!(
        status(task(&report, "parking-permit"), "SC-01"),
        CheckStatus::Fail
    );
    assert_eq!(
        task(&report, "library-renewal").status,
        TaskStatus::NotFound
    );
    assert_eq!(
        status(task(&report, "library-renewal"), "SC-19"),
        CheckStatus::Fail
    );
}

#[test]
fn a_task_either_tier_runs_stays_ours_without_a_signpost() {
    let config = Config {
        tier: Some(Tier::County),
        ..Config::default()
    };
    let mut a = analysis(config, &["parking-permit"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    let report = a.finish();
    let parking = task(&report, "parking-permit");
    assert_eq!(parking.status, TaskStatus::NotFound);
    assert_eq!(status(parking, "SC-01"), CheckStatus::Fail);
}

#[test]
fn not_found_only_when_the_crawl_looked_everywhere() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    let report = a.finish();
    assert_eq!(
        task(&report, "report-missed-bin").status,
        TaskStatus::NotFound
    );

    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.crawl_cut_short();
    let report = a.finish();
    assert_eq!(
        task(&report, "report-missed-bin").status,
        TaskStatus::Unknown
    );
}

#[test]
fn site_search_gets_the_search_form_and_reads_the_top_five() {
    let config = Config {
        site_search: true,
        ..Config::default()
    };
    let mut a = analysis(config, &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_page(page("/bins/missed/form", FORM_PAGE), 200, 0);
    let requests = a.requests();
    assert_eq!(requests.len(), 1);
    let search = &requests[0];
    assert_eq!(
        search.purpose,
        Purpose::SiteSearch {
            task: "report-missed-bin"
        }
    );
    let name = catalogue::task("report-missed-bin").unwrap().name;
    let query: Vec<(String, String)> = search.url.query_pairs().into_owned().collect();
    assert_eq!(query, [("q".to_string(), name.to_string())]);
    assert_eq!(search.url.path(), "/search");
    let results = page(
        "/search?q=x",
        r#"<header><a href="/">Home</a></header><main><h1>Results</h1>
        <a href="/bins">Bins and recycling</a> <a href="/bins/missed">Report a missed bin</a>
        <a href="/search?q=x&amp;page=2">Next</a></main>"#,
    );
    let at = search.url.clone();
    a.on_response(search.id, &at, 200, Some(results));
    assert!(a.requests().is_empty());
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(status(t, "SC-03"), CheckStatus::Pass);
    // Home (landing only), landing and search: landing and search agree on the task page;
    // the home page has no link named for the task.
    assert_eq!(status(t, "SC-05"), CheckStatus::Pass);
}

#[test]
fn site_checks_from_the_pages() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_page(
        page(
            "/contact",
            r#"<main><h1>Contact us</h1><p>Phone 01632 960000, Monday to Friday 9am to 5pm.</p>
            <p><a href="mailto:help@council.example">help@council.example</a></p></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    let site: Vec<(&str, CheckStatus)> = report
        .site_checks
        .iter()
        .map(|c| (c.id.as_str(), c.status))
        .collect();
    assert_eq!(
        site,
        [
            ("SC-21", CheckStatus::Pass),
            // Only the home page has the search form and the footer links.
            ("SC-22", CheckStatus::Fail),
            ("SC-23", CheckStatus::Pass),
            ("SC-24", CheckStatus::Partial),
            ("SC-25", CheckStatus::Unknown),
        ]
    );
}

fn site_check(report: &ServicesReport, id: &str) -> CheckStatus {
    report
        .site_checks
        .iter()
        .find(|c| c.id == id)
        .unwrap()
        .status
}

#[test]
fn a_contact_page_with_an_enquiry_button_offers_an_online_form() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_page(
        page(
            "/contact",
            r#"<main><h1>Contact us</h1><p>Phone 01632 960000, Monday to Friday 9am to 5pm.</p>
            <p><a href="https://forms.example.net/enquiry" class="button button--start">Send us an enquiry</a></p></main>"#,
        ),
        200,
        0,
    );
    assert_eq!(site_check(&a.finish(), "SC-23"), CheckStatus::Pass);
}

#[test]
fn only_essential_cookies_and_no_scripts_need_no_consent_banner() {
    let cookies = r#"<main><h1>Cookies</h1><p>We only use essential cookies that make this
        website work. We do not use analytics cookies.</p></main>"#;
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_page(page("/cookies", cookies), 200, 0);
    assert_eq!(site_check(&a.finish(), "SC-25"), CheckStatus::Pass);
    // A script on a page could set other cookies: a browser is needed.
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(&mut a, TASK_PAGE);
    a.add_page(page("/cookies", cookies), 200, 0);
    a.add_page(
        page(
            "/app",
            r#"<main><h1>App</h1><div id="root"></div></main><script src="/app.js"></script>"#,
        ),
        200,
        0,
    );
    assert_eq!(site_check(&a.finish(), "SC-25"), CheckStatus::Unknown);
}

#[test]
fn a_tip_page_with_its_opening_times_answers_beside_a_booking_button() {
    let mut a = analysis(Config::default(), &["tip-opening-times"]);
    a.add_page(
        page("/", r#"<main><a href="/tips">Recycling centres</a></main>"#),
        200,
        0,
    );
    a.add_page(
        page(
            "/tips",
            r#"<title>Household waste recycling centres</title><main>
            <h1>Household waste recycling centres</h1><p>Book a slot before you visit.</p>
            <p><a href="https://book.example.net/tip" class="button button--start">Book a visit</a></p>
            <h2>Opening times</h2><p>Every day, 9am to 5pm.</p></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    let t = task(&report, "tip-opening-times");
    assert_eq!(t.status, TaskStatus::Online);
    let route = t.route.as_ref().unwrap();
    assert_eq!(
        (route.url.as_str(), route.kind.as_str()),
        ("https://www.council.example/tips", "information")
    );
    assert_eq!(status(t, "SC-08"), CheckStatus::NotApplicable);
}

#[test]
fn tier_from_config_else_guessed() {
    let mut a = analysis(Config::default(), &["report-missed-bin", "pay-council-tax"]);
    a.add_page(
        page(
            "/",
            r#"<main><a href="https://www.shire.example/">Shire County Council</a></main>"#,
        ),
        200,
        0,
    );
    a.add_page(page("/bins/missed", TASK_PAGE), 200, 0);
    let report = a.finish();
    assert_eq!(report.tier, Some(Tier::District));
    assert_eq!(report.tier_source, TierSource::Guessed);
}

/// A site with pages for three district tasks (council tax, missed bins, planning) and,
/// when `pothole`, one for a county task too; no link to a county council.
fn district_task_pages(a: &mut Analysis, pothole: bool) {
    a.add_page(page("/", "<main><h1>Welcome</h1></main>"), 200, 0);
    a.add_page(
        page(
            "/council-tax/pay",
            "<title>Pay your council tax</title><main><h1>Pay your council tax</h1></main>",
        ),
        200,
        0,
    );
    a.add_page(page("/bins/missed", TASK_PAGE), 200, 0);
    a.add_page(
        page("/planning/applications", "<title>Search planning applications</title><main><h1>Search planning applications</h1></main>"),
        200,
        0,
    );
    if pothole {
        a.add_page(
            page(
                "/roads/pothole",
                "<title>Report a pothole</title><main><h1>Report a pothole</h1></main>",
            ),
            200,
            0,
        );
    }
}

const TIER_TASKS: &[&str] = &[
    "pay-council-tax",
    "report-missed-bin",
    "planning-applications",
    "report-pothole",
    "school-admissions",
];

#[test]
fn several_district_tasks_and_no_county_task_make_a_guessed_district() {
    let mut a = analysis(Config::default(), TIER_TASKS);
    district_task_pages(&mut a, false);
    let report = a.finish();
    assert_eq!(report.tier, Some(Tier::District));
    assert_eq!(report.tier_source, TierSource::Guessed);
}

#[test]
fn one_county_task_page_or_a_crawl_cut_short_leaves_the_tier_unknown() {
    // A county task's page: not a district, and one county task is too few for a unitary.
    let mut a = analysis(Config::default(), TIER_TASKS);
    district_task_pages(&mut a, true);
    let report = a.finish();
    assert_eq!(report.tier, None);
    assert_eq!(report.tier_source, TierSource::Unknown);
    // The county tasks' pages may be beyond the page limit: their absence says nothing.
    let mut a = analysis(Config::default(), TIER_TASKS);
    district_task_pages(&mut a, false);
    a.crawl_cut_short();
    let report = a.finish();
    assert_eq!(report.tier_source, TierSource::Unknown);
}

#[test]
fn hosts_of_one_site() {
    assert!(same_site("www.council.gov.uk", "forms.council.gov.uk"));
    assert!(same_site("www.kestrelford.example", "kestrelford.example"));
    assert!(!same_site("www.council.gov.uk", "www.other.gov.uk"));
    assert!(!same_site(
        "council-self.achieveservice.com",
        "www.council.gov.uk"
    ));
}

#[test]
fn the_report_serialises_with_the_issue_field_names() {
    let mut a = analysis(Config::default(), &["pay-council-tax"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(page("/council-tax/pay", PAY_PAGE), 200, 0);
    let report = a.finish();
    let json = serde_json::to_value(&report).unwrap();
    let t = &json["tasks"][0];
    assert_eq!(t["id"], "pay-council-tax");
    assert_eq!(t["status"], "online");
    assert_eq!(t["interaction"], "pay");
    assert_eq!(t["route"]["checked"], "not-checked");
    assert_eq!(t["checks"][0]["id"], "SC-01");
    assert!(json["site_checks"].is_array());
    assert!(json["statement"]["checks"].is_array());
    assert_eq!(json["tier_source"], "unknown");
}

#[test]
fn a_trailing_slash_does_not_make_another_page() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    a.add_page(
        page(
            "/",
            r#"<main><a href="/bins/missed/">Report a missed bin</a></main>"#,
        ),
        200,
        0,
    );
    a.add_page(page("/bins/missed", TASK_PAGE), 200, 0);
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(status(t, "SC-01"), CheckStatus::Pass);
}

#[test]
fn feedback_and_cookie_forms_are_no_route() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    missed_bin_site(
        &mut a,
        r#"<title>Report a missed bin</title><main><h1>Report a missed bin</h1>
        <p>Call 01632 960000 to report it.</p>
        <form method="post" action="/page-feedback"><fieldset><legend>Was this page helpful?</legend>
        <label><input type="radio" name="helpful" value="yes"> Yes</label></fieldset>
        <label>Tell us more <textarea name="comments"></textarea></label></form></main>"#,
    );
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Offline);
    assert_eq!(status(t, "SC-07"), CheckStatus::Fail);
}

#[test]
fn a_task_page_the_crawl_missed_is_read_from_the_search_results() {
    let config = Config {
        site_search: true,
        ..Config::default()
    };
    let mut a = analysis(config, &["report-missed-bin"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.crawl_cut_short();
    let results = r#"<main><h1>Search results</h1>
        <a href="/bins/missed">Report a missed bin</a></main>"#;
    let mut asked = Vec::new();
    loop {
        let requests = a.requests();
        if requests.is_empty() {
            break;
        }
        for r in requests {
            let answer = match &r.purpose {
                Purpose::SiteSearch { .. } => page("/search?q=x", results),
                _ if r.url.path() == "/bins/missed" => page("/bins/missed", TASK_PAGE),
                _ if r.url.path() == "/bins/missed/form" => page("/bins/missed/form", FORM_PAGE),
                _ => {
                    a.on_response(r.id, &r.url, 404, None);
                    continue;
                }
            };
            asked.push(r.url.path().to_string());
            a.on_response(r.id, &r.url, 200, Some(answer));
        }
    }
    assert_eq!(asked, ["/search", "/bins/missed", "/bins/missed/form"]);
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    assert_eq!(t.status, TaskStatus::Online);
    assert_eq!(status(t, "SC-03"), CheckStatus::Pass);
}

#[test]
fn an_empty_results_page_fails_only_when_it_says_so() {
    for (results, expected) in [
        (
            "<main><h1>Search</h1><p>Your search did not match any documents.</p></main>",
            CheckStatus::Fail,
        ),
        (
            r#"<main><h1>Search</h1><div id="results"></div></main><script src="/search.js"></script>"#,
            CheckStatus::Unknown,
        ),
    ] {
        let config = Config {
            site_search: true,
            ..Config::default()
        };
        let mut a = analysis(config, &["report-missed-bin"]);
        missed_bin_site(&mut a, TASK_PAGE);
        a.add_page(page("/bins/missed/form", FORM_PAGE), 200, 0);
        let requests = a.requests();
        let search = requests
            .iter()
            .find(|r| matches!(r.purpose, Purpose::SiteSearch { .. }))
            .unwrap();
        a.on_response(
            search.id,
            &search.url,
            200,
            Some(page("/search?q=x", results)),
        );
        let report = a.finish();
        assert_eq!(
            status(task(&report, "report-missed-bin"), "SC-03"),
            expected,
            "{results}"
        );
    }
}

#[test]
fn long_task_names_are_searched_by_their_main_phrase() {
    let pay = catalogue::task("pay-council-tax").unwrap();
    assert_eq!(search_term(pay), "Pay council tax");
    let tip = catalogue::task("tip-opening-times").unwrap();
    assert_eq!(search_term(tip), tip.words[0]);
}

#[test]
fn a_start_page_whose_form_a_script_builds_is_unknown_not_offline() {
    for (start, expected) in [
        (
            r#"<main><h1>Report a missed bin</h1><div id="form-root"></div></main>
            <script src="/forms/app.js"></script>"#,
            TaskStatus::Unknown,
        ),
        // Analytics alone build no form: nothing online there.
        (
            r#"<main><h1>Report a missed bin</h1><p>Phone us.</p></main>
            <script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>"#,
            TaskStatus::Offline,
        ),
    ] {
        let mut a = analysis(Config::default(), &["report-missed-bin"]);
        missed_bin_site(&mut a, TASK_PAGE);
        drive(&mut a, &[("/bins/missed/form", start)]);
        let report = a.finish();
        assert_eq!(
            task(&report, "report-missed-bin").status,
            expected,
            "{start}"
        );
    }
}

#[test]
fn a_band_look_up_or_an_e_billing_sign_up_is_no_way_to_pay() {
    let mut a = analysis(Config::default(), &["pay-council-tax"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(
        page(
            "/council-tax/pay",
            r#"<title>Pay your council tax</title><main><h1>Pay your council tax</h1>
            <p>Pay by direct debit or call 0300 123 4567.</p>
            <form action="/council-tax/band"><label>Postcode <input name="postcode"></label>
            <button>Find your band</button></form>
            <form method="post" action="/ebilling"><label>Email for e-billing
            <input type="email" name="email"></label><button>Sign up</button></form></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    let t = task(&report, "pay-council-tax");
    assert_eq!(t.status, TaskStatus::Offline);
    assert_eq!(status(t, "SC-17"), CheckStatus::Fail);
}

#[test]
fn a_start_page_that_redirected_is_still_the_home_page() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    // The crawl started at HOME and landed on /en/home; the redirect was not reported.
    a.add_page(
        page(
            "/en/home",
            r#"<header><a href="/a">A</a></header><main><a href="/bins/missed">Report a missed bin</a></main>"#,
        ),
        200,
        0,
    );
    a.add_page(page("/bins/missed", TASK_PAGE), 200, 0);
    let report = a.finish();
    let t = task(&report, "report-missed-bin");
    let sc01 = t.checks.iter().find(|c| c.id == "SC-01").unwrap();
    assert_eq!(sc01.status, CheckStatus::Pass);
    assert_eq!(sc01.evidence[0].url, "https://www.council.example/en/home");
}

#[test]
fn a_news_story_about_a_task_is_not_its_page() {
    let mut a = analysis(Config::default(), &["report-missed-bin"]);
    a.add_page(page("/", HOME_PAGE), 200, 0);
    a.add_page(
        page(
            "/news/2026/report-a-missed-bin-reminder",
            r#"<title>Report a missed bin</title><main><h1>Report a missed bin</h1>
            <p>Residents are reminded they can report missed bins.</p></main>"#,
        ),
        200,
        0,
    );
    let report = a.finish();
    assert_eq!(
        task(&report, "report-missed-bin").status,
        TaskStatus::NotFound
    );
}
