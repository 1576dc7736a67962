//! robots.txt, fetched once per origin (scheme, host, port), before the first request to
//! it, through the same politeness schedule as pages. Redirects are followed up to 5 hops;
//! what the final answer means (RFC 9309) is decided in `frontdesk_core::crawl::robots`.
//! `Crawl-delay` slows the host (see `fetch`), and `Sitemap:` lines seed the crawl.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub use frontdesk_core::crawl::robots::{Robots, RobotsReport};
use frontdesk_core::crawl::robots::{MAX_ROBOTS_BYTES, MAX_ROBOTS_REDIRECTS};
use tokio::sync::OnceCell;
use url::Url;

use super::fetch::{Body, Http, Method, Want};
use super::robots_txt::product_token;

/// robots.txt per origin, each fetched at most once even when many tasks ask at once.
pub struct RobotsCache {
    token: String,
    origins: Mutex<HashMap<String, Arc<OnceCell<Arc<Robots>>>>>,
}

impl RobotsCache {
    pub fn new(user_agent: &str) -> Self {
        RobotsCache {
            token: product_token(user_agent),
            origins: Mutex::new(HashMap::new()),
        }
    }

    pub async fn get(&self, http: &Http, url: &Url) -> Arc<Robots> {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut origins = self.origins.lock().expect("robots lock");
            Arc::clone(origins.entry(origin.clone()).or_default())
        };
        let robots = cell
            .get_or_init(|| async {
                let robots = load(http, &origin, &self.token).await;
                if let Some(delay) = robots.crawl_delay {
                    http.apply_crawl_delay(url, delay);
                }
                tracing::info!(url = %robots.report.url, outcome = robots.report.outcome, "robots.txt");
                Arc::new(robots)
            })
            .await;
        Arc::clone(robots)
    }

    /// Every robots.txt consulted, sorted by URL.
    pub fn reports(&self) -> Vec<RobotsReport> {
        let origins = self.origins.lock().expect("robots lock");
        let mut reports: Vec<RobotsReport> = origins
            .values()
            .filter_map(|cell| cell.get().map(|r| r.report.clone()))
            .collect();
        reports.sort_by(|a, b| a.url.cmp(&b.url));
        reports
    }
}

async fn load(http: &Http, origin: &str, token: &str) -> Robots {
    let first = Robots::url_for(origin);
    let mut url = match Url::parse(&first) {
        Ok(url) => url,
        Err(e) => return Robots::disallow_all(first, None, e.to_string()),
    };
    for _ in 0..=MAX_ROBOTS_REDIRECTS {
        let response = match http
            .get(&url, Method::Get, Want::Prefix(MAX_ROBOTS_BYTES))
            .await
        {
            Ok(response) => response,
            Err(e) => return Robots::unreachable(first, e.message),
        };
        if let Some(target) = response.redirect_target() {
            match target {
                Ok(target) => {
                    url = target;
                    continue;
                }
                Err(e) => return Robots::allow_all(first, response.status, Some(e)),
            }
        }
        let body = match &response.body {
            Body::Complete(bytes) => &bytes[..],
            _ => &[],
        };
        return Robots::from_answer(first, response.status.unwrap_or(200), body, token);
    }
    Robots::allow_all(first, None, Some("too many redirects".to_string()))
}
