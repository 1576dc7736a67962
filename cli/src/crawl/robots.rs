//! robots.txt, per RFC 9309, parsed by `texting_robots`.
//!
//! Fetched once per origin (scheme, host, port), before the first request to it, through
//! the same polite gate as pages. What the answer means follows the RFC:
//!
//! - 2xx: the rules for our product token (the user agent's first word, `frontdesk` by
//!   default), else for `*`. Only the first 512 KiB are read (the RFC asks for at least
//!   500 KiB).
//! - 4xx (typically 404): no rules, everything allowed.
//! - 5xx, or no answer: everything *disallowed* (the server may be struggling; the RFC
//!   says to assume complete disallow).
//!
//! Redirects are followed up to 5 hops. `Crawl-delay` slows the host's gate (see
//! `fetch`, and [`super::robots_txt::crawl_delay`]), and `Sitemap:` lines seed the crawl.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use texting_robots::Robot;
use tokio::sync::OnceCell;
use url::Url;

use super::fetch::{Body, FetchError, Http, Method, Want};
use super::robots_txt::product_token;

const MAX_ROBOTS_BYTES: usize = 512 * 1024;
const MAX_ROBOTS_REDIRECTS: usize = 5;

/// What one origin's robots.txt said, for the report.
#[derive(Debug, Clone, Serialize)]
pub struct RobotsReport {
    pub url: String,
    pub status: Option<u16>,
    /// `"rules"` (a file was found and is obeyed), `"none"` (no file: all allowed) or
    /// `"disallow-all"` (server error or no answer).
    pub outcome: &'static str,
    pub error: Option<String>,
}

pub struct Robots {
    pub report: RobotsReport,
    rules: Rules,
    pub sitemaps: Vec<String>,
    /// The connection-level failure, when robots.txt could not be fetched at all: for the
    /// start URL's host this means the site is unreachable.
    pub unreachable: Option<FetchError>,
}

enum Rules {
    AllowAll,
    DisallowAll,
    Robot(Box<Robot>),
}

impl Robots {
    pub fn allows(&self, url: &Url) -> bool {
        match &self.rules {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Robot(robot) => robot.allowed(url.as_str()),
        }
    }
}

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
                if let Some(delay) = match &robots.rules {
                    Rules::Robot(robot) => robot.delay,
                    _ => None,
                } {
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
    let first = format!("{origin}/robots.txt");
    let mut url = match Url::parse(&first) {
        Ok(url) => url,
        Err(e) => return disallow(first, None, Some(e.to_string()), None),
    };
    for _ in 0..=MAX_ROBOTS_REDIRECTS {
        let response = match http
            .get(&url, Method::Get, Want::Prefix(MAX_ROBOTS_BYTES))
            .await
        {
            Ok(response) => response,
            Err(e) => return disallow(first, None, Some(e.message.clone()), Some(e)),
        };
        if let Some(target) = response.redirect_target() {
            match target {
                Ok(target) => {
                    url = target;
                    continue;
                }
                Err(e) => return allow(first, response.status, Some(e)),
            }
        }
        let status = response.status.unwrap_or(200);
        return match status {
            200..=299 => {
                let bytes = match response.body {
                    Body::Complete(bytes) => bytes,
                    _ => Vec::new(),
                };
                match Robot::new(token, &bytes) {
                    Ok(robot) => Robots {
                        report: RobotsReport {
                            url: first,
                            status: response.status,
                            outcome: "rules",
                            error: None,
                        },
                        sitemaps: robot.sitemaps.clone(),
                        rules: Rules::Robot(Box::new(robot)),
                        unreachable: None,
                    },
                    Err(e) => allow(first, response.status, Some(format!("unreadable: {e}"))),
                }
            }
            400..=499 => allow(first, response.status, None),
            _ => disallow(
                first,
                response.status,
                Some(format!(
                    "HTTP {status}: the RFC says to assume everything is disallowed"
                )),
                None,
            ),
        };
    }
    allow(first, None, Some("too many redirects".to_string()))
}

fn allow(url: String, status: Option<u16>, error: Option<String>) -> Robots {
    Robots {
        report: RobotsReport {
            url,
            status,
            outcome: "none",
            error,
        },
        rules: Rules::AllowAll,
        sitemaps: Vec::new(),
        unreachable: None,
    }
}

fn disallow(
    url: String,
    status: Option<u16>,
    error: Option<String>,
    unreachable: Option<FetchError>,
) -> Robots {
    Robots {
        report: RobotsReport {
            url,
            status,
            outcome: "disallow-all",
            error,
        },
        rules: Rules::DisallowAll,
        sitemaps: Vec::new(),
        unreachable,
    }
}
