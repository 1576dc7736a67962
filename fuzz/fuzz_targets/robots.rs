//! robots.txt as the crawler reads it: the product token from a `--user-agent`, the body
//! parsed by `texting_robots` for that token, a page URL checked against the rules (as
//! given and normalised, as the crawler asks), and the `Crawl-delay` turned into the host's
//! interval.
//!
//! Input: `<user agent>\n<page URL>\n<robots.txt body>`; with fewer lines, the default
//! user agent and URL are used and everything is the body.
#![no_main]

use frontdesk_core::crawl::normalize::normalize;
use frontdesk_core::crawl::robots_txt::{crawl_delay, product_token, MAX_CRAWL_DELAY};
use libfuzzer_sys::fuzz_target;
use texting_robots::Robot;
use url::Url;

const DEFAULT_AGENT: &str = "frontdesk/0.1.0 (+https://example.invalid/frontdesk)";
const DEFAULT_URL: &str = "https://council.example/bins/collection-days?postcode=AB1%202CD";

fuzz_target!(|data: &[u8]| {
    let (agent, url, body) = split(data);
    let token = product_token(&agent);
    assert!(!token.is_empty());
    assert!(token
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));

    let Ok(robot) = Robot::new(&token, body) else {
        return; // reported as "unreadable", everything allowed
    };
    let _ = robot.allowed(&url);
    if let Ok(mut parsed) = Url::parse(&url) {
        normalize(&mut parsed);
        let _ = robot.allowed(parsed.as_str());
        // RFC 9309 §2.2.2: robots.txt itself is always allowed. Its URL is built as the
        // crawler builds it (`robots.rs`: `{origin}/robots.txt`), for http(s) only: folder
        // crawls have none, and `join("/robots.txt")` would keep a `file:` URL's drive
        // letter (`file:///t:/robots.txt`), a path the rules may disallow.
        if matches!(parsed.scheme(), "http" | "https") {
            let own = format!("{}/robots.txt", parsed.origin().ascii_serialization());
            assert!(robot.allowed(&own), "{own} disallowed");
        }
    }
    if let Some(seconds) = robot.delay {
        if let Some(delay) = crawl_delay(seconds) {
            assert!(delay <= MAX_CRAWL_DELAY, "{seconds} → {delay:?}");
        }
    }
    for sitemap in &robot.sitemaps {
        let _ = Url::parse(sitemap.trim());
    }
});

fn split(data: &[u8]) -> (String, String, &[u8]) {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(agent), Some(url), Some(body)) => (
            String::from_utf8_lossy(agent).into_owned(),
            String::from_utf8_lossy(url).into_owned(),
            body,
        ),
        _ => (DEFAULT_AGENT.to_string(), DEFAULT_URL.to_string(), data),
    }
}
