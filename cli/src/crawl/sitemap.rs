//! Sitemaps as extra seeds: pages a council lists but no longer links to (old forms,
//! orphaned service pages) are often the least maintained, and the ones residents still
//! reach from search engines.
//!
//! Read from robots.txt `Sitemap:` lines and from `/sitemap.xml` on the start host.
//! Supports `<urlset>` and `<sitemapindex>` (one level of nesting, as the protocol
//! allows), gzip-compressed sitemaps (`.xml.gz`, detected by their magic bytes), and plain
//! text sitemaps (one URL per line). Everything is bounded: at most [`MAX_SITEMAPS`] files,
//! [`MAX_SITEMAP_BYTES`] downloaded and [`MAX_DECOMPRESSED_BYTES`] decompressed per file,
//! [`MAX_URLS_PER_SITEMAP`] URLs each (the protocol's own limit). The parse streams: a
//! large sitemap is never held decompressed in memory. The parse itself, which needs no
//! network, is in [`super::sitemap_parse`].
//!
//! [`MAX_DECOMPRESSED_BYTES`]: super::sitemap_parse::MAX_DECOMPRESSED_BYTES
//! [`MAX_URLS_PER_SITEMAP`]: super::sitemap_parse::MAX_URLS_PER_SITEMAP

use std::collections::{HashSet, VecDeque};

use serde::Serialize;
use tokio::sync::mpsc;
use url::Url;

use super::fetch::{Body, Http, Method, Want};
use super::normalize::normalize;
use super::robots::RobotsCache;
use super::sitemap_parse::{parse, Parsed};

pub const MAX_SITEMAPS: usize = 50;
pub const MAX_SITEMAP_BYTES: usize = 10 * 1024 * 1024;
const MAX_REDIRECTS: usize = 5;

/// One sitemap file, for the report.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapReport {
    pub url: String,
    pub status: Option<u16>,
    /// Page URLs it listed (before scope and deduplication).
    pub urls: usize,
    pub error: Option<String>,
}

/// Fetches the sitemaps and sends every page URL they list to the crawl. Stops early when
/// the crawl hangs up (it has all the pages it wants).
pub async fn discover(
    http: &Http,
    robots: &RobotsCache,
    listed: Vec<String>,
    root: &Url,
    tx: mpsc::Sender<Url>,
) -> Vec<SitemapReport> {
    let mut reports = Vec::new();
    let mut queue: VecDeque<(String, bool, u8)> = VecDeque::new();
    let mut seen: HashSet<String> = HashSet::new();
    for url in listed {
        if seen.insert(url.clone()) {
            queue.push_back((url, false, 0));
        }
    }
    if let Ok(default) = root.join("/sitemap.xml") {
        if seen.insert(default.to_string()) {
            // A missing /sitemap.xml is normal, not worth a line in the report.
            queue.push_back((default.to_string(), true, 0));
        }
    }
    let mut fetched = 0;
    while let Some((address, optional, level)) = queue.pop_front() {
        if fetched == MAX_SITEMAPS {
            break;
        }
        fetched += 1;
        let mut report = SitemapReport {
            url: address.clone(),
            status: None,
            urls: 0,
            error: None,
        };
        let parsed = match fetch(http, robots, &address).await {
            Ok((status, bytes)) => {
                report.status = status;
                tokio::task::spawn_blocking(move || parse(&bytes))
                    .await
                    .unwrap_or_else(|_| Parsed {
                        warning: Some("internal error while reading the sitemap".into()),
                        ..Parsed::default()
                    })
            }
            Err((status, error)) => {
                if !(optional && status == Some(404)) {
                    report.status = status;
                    report.error = Some(error);
                    reports.push(report);
                }
                continue;
            }
        };
        report.urls = parsed.pages.len();
        report.error = parsed.warning;
        tracing::info!(url = %address, pages = parsed.pages.len(), nested = parsed.sitemaps.len(), "sitemap");
        // Nested sitemaps only from a top-level index: the protocol forbids deeper nesting,
        // and following it would let a hostile index fan out without end.
        if level == 0 {
            for nested in parsed.sitemaps {
                if seen.insert(nested.clone()) {
                    queue.push_back((nested, false, 1));
                }
            }
        }
        reports.push(report);
        for page in parsed.pages {
            let Ok(mut url) = Url::parse(page.trim()) else {
                continue;
            };
            if !matches!(url.scheme(), "http" | "https") {
                continue;
            }
            normalize(&mut url);
            if tx.send(url).await.is_err() {
                reports.sort_by(|a, b| a.url.cmp(&b.url));
                return reports;
            }
        }
    }
    reports.sort_by(|a, b| a.url.cmp(&b.url));
    reports
}

/// GETs one sitemap (following a few redirects, obeying robots.txt).
async fn fetch(
    http: &Http,
    robots: &RobotsCache,
    address: &str,
) -> Result<(Option<u16>, Vec<u8>), (Option<u16>, String)> {
    let mut url = Url::parse(address).map_err(|e| (None, format!("invalid URL: {e}")))?;
    for _ in 0..=MAX_REDIRECTS {
        if !matches!(url.scheme(), "http" | "https") {
            return Err((None, "not an http(s) URL".into()));
        }
        if !robots.get(http, &url).await.allows(&url) {
            return Err((None, "disallowed by robots.txt".into()));
        }
        let response = http
            .get(&url, Method::Get, Want::Any(MAX_SITEMAP_BYTES))
            .await
            .map_err(|e| (None, e.message))?;
        if let Some(target) = response.redirect_target() {
            url = target.map_err(|e| (response.status, e))?;
            continue;
        }
        let status = response.status;
        if !status.is_some_and(|s| (200..300).contains(&s)) {
            return Err((status, format!("HTTP {}", status.unwrap_or(0))));
        }
        return match response.body {
            Body::Complete(bytes) => Ok((status, bytes)),
            Body::TooLarge => Err((
                status,
                format!("larger than {} MB", MAX_SITEMAP_BYTES / (1024 * 1024)),
            )),
            Body::NotRead => Err((status, "no body".into())),
        };
    }
    Err((None, "too many redirects".into()))
}
