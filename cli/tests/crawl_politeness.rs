//! `frontdesk crawl` is a polite guest: robots.txt, sitemaps, request rate, Retry-After,
//! only GET and HEAD, never a form or a script link, other sites left alone.

mod crawl_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Response};
use crawl_support::*;

#[test]
fn robots_txt_disallow_is_respected() {
    let server = Server::start(route(|seen, _| {
        match seen.target.as_str() {
        "/robots.txt" => respond(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /\n\nUser-agent: frontdesk\nDisallow: /private/\nAllow: /private/open\n",
        ),
        "/" => html(page("Home", &["/private/secret", "/private/open", "/public"])),
        "/private/secret" | "/private/open" | "/public" => html(page(&seen.target, &[])),
        _ => not_found(),
    }
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    assert_eq!(
        server.count("/private/secret"),
        0,
        "a disallowed URL is never requested"
    );
    assert_eq!(
        page_urls(&report),
        [
            server.url("/"),
            server.url("/private/open"),
            server.url("/public")
        ]
    );
    let blocked = site_entry(&report, "not_audited", &server.url("/private/secret")).unwrap();
    assert_eq!(blocked["reason"], "robots");
    assert_eq!(blocked["message"], "disallowed by robots.txt");
    assert_eq!(strings(&blocked["referrers"]), [server.url("/")]);
    let robots = &report["site"]["robots"][0];
    assert_eq!(robots["url"], server.url("/robots.txt"));
    assert_eq!(robots["outcome"], "rules");
    assert_eq!(server.count("/robots.txt"), 1, "robots.txt is read once");
}

#[test]
fn robots_token_comes_from_the_user_agent() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/robots.txt" => respond(
            200,
            "text/plain",
            "User-agent: CouncilQA\nDisallow: /qa-skip\n",
        ),
        "/" => html(page("Home", &["/qa-skip", "/fine"])),
        "/fine" | "/qa-skip" => html(page(&seen.target, &[])),
        _ => not_found(),
    }));
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--user-agent",
        "CouncilQA/2.0 (+qa@council.example)",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(server.count("/qa-skip"), 0);
    assert_eq!(server.count("/fine"), 1);
    assert!(server
        .requests()
        .iter()
        .all(|r| r.user_agent == "CouncilQA/2.0 (+qa@council.example)"));

    let default = crawl(&[&server.url("/"), "--rate", "0"]);
    assert_eq!(default.code(), 0);
    assert!(server
        .requests()
        .last()
        .unwrap()
        .user_agent
        .starts_with("frontdesk/"));
}

#[test]
fn robots_server_error_means_disallow_all() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/robots.txt" => respond(503, "text/plain", "down"),
        _ => html(page("Home", &[])),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 2, "nothing could be audited");
    assert!(
        run.stderr().contains("disallowed by robots.txt"),
        "{}",
        run.stderr()
    );
    assert_eq!(server.count("/"), 0);
    assert_eq!(run.json()["site"]["robots"][0]["outcome"], "disallow-all");
}

#[test]
fn pages_listed_only_in_sitemaps_are_found() {
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let b = Arc::clone(&base);
    let server = Server::start(route(move |seen, _| {
        let base = b.get().unwrap();
        let xml = |s: &str| respond(200, "application/xml", s.replace("BASE", base));
        match seen.target.as_str() {
            "/robots.txt" => respond(
                200,
                "text/plain",
                format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap-index.xml\n"),
            ),
            "/sitemap-index.xml" => xml(
                r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                   <sitemap><loc>BASE/sitemap-a.xml</loc></sitemap>
                   <sitemap><loc>BASE/sitemap-b.xml.gz</loc></sitemap></sitemapindex>"#,
            ),
            "/sitemap-a.xml" => xml(
                r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                   <url><loc>BASE/orphan-a</loc></url><url><loc>BASE/</loc></url>
                   <url><loc>https://elsewhere.example/not-ours</loc></url></urlset>"#,
            ),
            // Compressed, and served as a file (not Content-Encoding): read by its magic bytes.
            "/sitemap-b.xml.gz" => respond(
                200,
                "application/gzip",
                gzip(SITEMAP_B.replace("BASE", base).as_bytes()),
            ),
            "/sitemap.xml" => respond(200, "text/plain", format!("{base}/orphan-c\n")),
            "/" => html(page("Home", &[])),
            "/orphan-a" | "/orphan-b?x=1&y=2" | "/orphan-c" => html(page(&seen.target, &[])),
            _ => not_found(),
        }
    }));
    base.set(server.base.clone()).unwrap();
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    assert_eq!(
        page_urls(&report),
        [
            server.url("/"),
            server.url("/orphan-a"),
            server.url("/orphan-b?x=1&y=2"),
            server.url("/orphan-c"),
        ]
    );
    let sitemaps = report["site"]["sitemaps"].as_array().unwrap();
    let listed: Vec<(String, u64)> = sitemaps
        .iter()
        .map(|s| {
            (
                s["url"].as_str().unwrap().to_string(),
                s["urls"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (server.url("/sitemap-a.xml"), 3),
            (server.url("/sitemap-b.xml.gz"), 1),
            (server.url("/sitemap-index.xml"), 0),
            (server.url("/sitemap.xml"), 1),
        ]
    );
    assert_eq!(server.count("/not-ours"), 0);
}

const SITEMAP_B: &str = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>BASE/orphan-b?x=1&amp;y=2</loc></url></urlset>"#;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn only_get_and_head_no_forms_no_script_links() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(
            r#"<!doctype html><html lang="en"><title>Forms</title><main>
               <form action="/submit" method="post"><label>Name <input name="n"></label><button>Send</button></form>
               <form action="/search"><label>Search <input name="q"></label><button>Go</button></form>
               <a href="javascript:alert(1)">js</a> <a href="mailto:bins@c.example">mail</a>
               <a href="tel:+441632960000">phone</a> <a href="/report.pdf">Annual report (PDF)</a>
               <a href="/about#team">About</a> <a href="/about">About again</a>
               </main></html>"#,
        ),
        "/report.pdf" => respond(200, "application/pdf", "%PDF-1.4\n%%EOF\n"),
        "/about" => html(page("About", &[])),
        _ => not_found(),
    }));
    // The crawl itself submits no form; the services analysis' site search (the one use of
    // a form, a GET search form) is off here and tested below.
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--no-site-search",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let requests = server.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.method == "GET" || r.method == "HEAD"),
        "{requests:?}"
    );
    for never in ["/submit", "/search"] {
        assert!(
            !requests.iter().any(|r| r.target.starts_with(never)),
            "{never} was requested"
        );
    }
    assert_eq!(
        server.count("/about"),
        1,
        "fragments are dropped: one fetch"
    );
    let pdf: Vec<_> = requests
        .iter()
        .filter(|r| r.target == "/report.pdf")
        .collect();
    assert_eq!(pdf.len(), 1);
    assert_eq!(
        pdf[0].method, "HEAD",
        "documents are only listed, so HEAD suffices"
    );
    let report = run.json();
    let doc = site_entry(&report, "documents", &server.url("/report.pdf")).unwrap();
    assert_eq!(doc["content_type"], "application/pdf");
    assert_eq!(
        report["site"]["external_links"],
        serde_json::json!([]),
        "mailto/tel/javascript are not links to check"
    );

    // With site search on, the GET search form is used with a task's name in its field;
    // the POST form never is.
    let before = server.requests().len();
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let after = &server.requests()[before..];
    assert!(after
        .iter()
        .all(|r| r.method == "GET" || r.method == "HEAD"));
    assert!(!after.iter().any(|r| r.target.starts_with("/submit")));
    let searches: Vec<&str> = after
        .iter()
        .filter(|r| r.target.starts_with("/search"))
        .map(|r| r.target.as_str())
        .collect();
    assert!(!searches.is_empty(), "{after:?}");
    assert!(
        searches
            .iter()
            .all(|t| t.starts_with("/search?q=") && t.len() > "/search?q=".len()),
        "{searches:?}"
    );
}

#[test]
fn rate_limit_spaces_requests_per_host() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/1", "/2", "/3", "/4", "/5"])),
        _ => html(page(&seen.target, &[])),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "5", "--concurrency", "8"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        8,
        "robots.txt, sitemap.xml, home, five pages: {requests:?}"
    );
    // 5 per second is 200 ms apart. Each gap is checked loosely (the machine may be busy
    // running other tests), the whole span strictly enough to prove the limit.
    for pair in requests.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(
            gap >= Duration::from_millis(100),
            "requests {gap:?} apart: {pair:?}"
        );
    }
    let span = requests.last().unwrap().at.duration_since(requests[0].at);
    assert!(
        span >= Duration::from_millis(1300),
        "8 requests within {span:?}"
    );
}

#[test]
fn retry_after_is_honoured() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = Server::start(route(move |seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/busy"])),
        "/busy" => {
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                Response::builder()
                    .status(503)
                    .header(header::RETRY_AFTER, "1")
                    .body(Body::from("busy"))
                    .unwrap()
            } else {
                html(page("Busy page", &[]))
            }
        }
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    assert!(
        page_of(&report, &server.url("/busy")).is_some(),
        "retried and audited"
    );
    let busy: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.target == "/busy")
        .collect();
    assert_eq!(busy.len(), 2);
    let waited = busy[1].at.duration_since(busy[0].at);
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );

    // A server that stays busy is reported after a bounded number of tries.
    let stubborn = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/busy"])),
        "/busy" => Response::builder()
            .status(429)
            .header(header::RETRY_AFTER, "0")
            .body(Body::from("slow down"))
            .unwrap(),
        _ => not_found(),
    }));
    let run = crawl(&[&stubborn.url("/"), "--rate", "0", "--format", "json"]);
    let report = run.json();
    let entry = site_entry(&report, "broken_links", &stubborn.url("/busy")).unwrap();
    assert_eq!(entry["status"], 429);
    assert_eq!(stubborn.count("/busy"), 4, "one try and three retries");
}

#[test]
fn external_links_are_recorded_and_checked_only_on_request() {
    let elsewhere = Server::start(route(|seen, _| match seen.target.as_str() {
        "/ok" => html(page("Elsewhere", &[])),
        "/old" => redirect(301, "/ok"),
        "/forbidden" => respond(403, "text/plain", "no bots"),
        _ => not_found(),
    }));
    let (ok, old, gone, forbidden) = (
        elsewhere.url("/ok"),
        elsewhere.url("/old"),
        elsewhere.url("/gone"),
        elsewhere.url("/forbidden"),
    );
    let links = [ok.clone(), old.clone(), gone.clone(), forbidden.clone()];
    let server = Server::start(route(move |seen, _| match seen.target.as_str() {
        "/" => html(page(
            "Home",
            &links.iter().map(String::as_str).collect::<Vec<_>>(),
        )),
        _ => not_found(),
    }));

    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        elsewhere.requests().is_empty(),
        "other sites are not contacted without --check-external"
    );
    let report = run.json();
    let external = report["site"]["external_links"].as_array().unwrap();
    assert_eq!(external.len(), 4);
    assert!(external
        .iter()
        .all(|e| e["checked"] == false && e["status"].is_null()));

    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--check-external",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    let requests = elsewhere.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.method == "HEAD" || r.target == "/robots.txt"),
        "{requests:?}"
    );
    assert_eq!(
        site_entry(&report, "external_links", &ok).unwrap()["status"],
        200
    );
    assert_eq!(
        site_entry(&report, "external_links", &old).unwrap()["status"],
        200,
        "redirect followed"
    );
    assert_eq!(
        site_entry(&report, "external_links", &forbidden).unwrap()["status"],
        403
    );
    let broken = report["site"]["broken_links"].as_array().unwrap();
    assert_eq!(
        broken.len(),
        1,
        "403 says nothing about the link, 404 does: {broken:?}"
    );
    assert_eq!(broken[0]["url"], gone);
    assert_eq!(broken[0]["external"], true);
    assert_eq!(strings(&broken[0]["referrers"]), [server.url("/")]);
    assert!(
        page_urls(&report)
            .iter()
            .all(|u| u.starts_with(&server.base)),
        "never crawled"
    );
}

#[test]
fn exclude_narrows_and_include_widens_the_scope() {
    let other = Server::start(route(|seen, _| match seen.target.as_str() {
        "/pay" => html(page("Pay", &[])),
        _ => not_found(),
    }));
    let pay = other.url("/pay");
    let links = [
        "/news/1".to_string(),
        "/search?q=bins".to_string(),
        pay.clone(),
    ];
    let server = Server::start(route(move |seen, _| match seen.target.as_str() {
        "/" => html(page(
            "Home",
            &links.iter().map(String::as_str).collect::<Vec<_>>(),
        )),
        _ => html(page(&seen.target, &[])),
    }));
    let include = format!("{}/**", other.base);
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--exclude",
        "/search*",
        "--include",
        &include,
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    let mut expected = vec![pay.clone(), server.url("/"), server.url("/news/1")];
    expected.sort();
    assert_eq!(page_urls(&report), expected);
    assert_eq!(server.count("/search?q=bins"), 0);
    assert_eq!(report["site"]["limits"]["not_crawled"]["excluded"], 1);
    assert_eq!(
        report["site"]["scope"]["exclude"],
        serde_json::json!(["/search*"])
    );
}
