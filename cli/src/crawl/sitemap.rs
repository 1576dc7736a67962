//! Sitemaps as extra seeds: this fetches the files the crawler
//! (`frontdesk_core::crawl::machine`, with `crawl::sitemaps`) asks for and parses them on a
//! blocking thread (`frontdesk_core::crawl::sitemap_parse`).

use frontdesk_core::crawl::sitemaps::{MAX_SITEMAP_BYTES, MAX_SITEMAP_REDIRECTS};
use url::Url;

use super::fetch::{Body, Http, Method, Want};
use super::robots::RobotsCache;
use super::sitemap_parse::{parse, Parsed};

/// Fetches one sitemap file and parses it on a blocking thread: its status and contents,
/// or why it could not be had.
pub async fn read(
    http: &Http,
    robots: &RobotsCache,
    address: &str,
) -> Result<(Option<u16>, Parsed), (Option<u16>, String)> {
    let (status, bytes) = fetch(http, robots, address).await?;
    let parsed = tokio::task::spawn_blocking(move || parse(&bytes))
        .await
        .unwrap_or_else(|_| Parsed {
            warning: Some("internal error while reading the sitemap".into()),
            ..Parsed::default()
        });
    tracing::info!(url = %address, pages = parsed.pages.len(), nested = parsed.sitemaps.len(), "sitemap");
    Ok((status, parsed))
}

/// GETs one sitemap (following a few redirects, obeying robots.txt).
async fn fetch(
    http: &Http,
    robots: &RobotsCache,
    address: &str,
) -> Result<(Option<u16>, Vec<u8>), (Option<u16>, String)> {
    let mut url = Url::parse(address).map_err(|e| (None, format!("invalid URL: {e}")))?;
    for _ in 0..=MAX_SITEMAP_REDIRECTS {
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
