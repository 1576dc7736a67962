//! What one origin's robots.txt answer means, per RFC 9309 (the file itself is parsed by
//! `texting_robots`). The driver fetches `/robots.txt` (following up to
//! [`MAX_ROBOTS_REDIRECTS`] redirects, reading at most [`MAX_ROBOTS_BYTES`]) and hands the
//! final answer here:
//!
//! - 2xx: the rules for our product token (the user agent's first word, `frontdesk` by
//!   default), else for `*`;
//! - 4xx (typically 404): no rules, everything allowed;
//! - 5xx, or no answer: everything *disallowed* (the server may be struggling; the RFC
//!   says to assume complete disallow).

use serde::Serialize;
use texting_robots::Robot;
use url::Url;

/// The most of a robots.txt read (the RFC asks parsers to read at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;
/// Redirects followed to reach a robots.txt (RFC 9309 §2.3.1.2 asks for at least five).
pub const MAX_ROBOTS_REDIRECTS: usize = 5;

/// What one origin's robots.txt said, for the report.
#[derive(Debug, Clone, Serialize)]
pub struct RobotsReport {
    /// The robots.txt URL asked for (before redirects).
    pub url: String,
    /// The final answer's HTTP status; `None` when there was none.
    pub status: Option<u16>,
    /// `"rules"` (a file was found and is obeyed), `"none"` (no file: all allowed) or
    /// `"disallow-all"` (server error or no answer).
    pub outcome: &'static str,
    /// What went wrong, when something did.
    pub error: Option<String>,
}

/// One origin's robots.txt, understood.
#[derive(Debug)]
pub struct Robots {
    /// For the report.
    pub report: RobotsReport,
    rules: Rules,
    /// `Sitemap:` lines, to seed the crawl.
    pub sitemaps: Vec<String>,
    /// `Crawl-delay` in seconds for our group, as written (see
    /// [`super::politeness::Schedule::apply_crawl_delay`]).
    pub crawl_delay: Option<f32>,
    /// Why robots.txt could not be fetched at all (no connection): for the start URL's host
    /// this means the site is unreachable.
    pub unreachable: Option<String>,
}

#[derive(Debug)]
enum Rules {
    AllowAll,
    DisallowAll,
    Robot(Box<Robot>),
}

impl Robots {
    /// The robots.txt URL of `origin` (`https://c.example`).
    pub fn url_for(origin: &str) -> String {
        format!("{origin}/robots.txt")
    }

    /// The final answer (after redirects) to a GET of `url`: its HTTP status and the first
    /// [`MAX_ROBOTS_BYTES`] of its body. `token` is the product token
    /// ([`super::robots_txt::product_token`]).
    pub fn from_answer(url: String, status: u16, body: &[u8], token: &str) -> Robots {
        match status {
            200..=299 => match Robot::new(token, body) {
                Ok(robot) => Robots {
                    report: RobotsReport {
                        url,
                        status: Some(status),
                        outcome: "rules",
                        error: None,
                    },
                    sitemaps: robot.sitemaps.clone(),
                    crawl_delay: robot.delay,
                    rules: Rules::Robot(Box::new(robot)),
                    unreachable: None,
                },
                Err(e) => Robots::allow_all(url, Some(status), Some(format!("unreadable: {e}"))),
            },
            400..=499 => Robots::allow_all(url, Some(status), None),
            _ => Robots::disallow_all(
                url,
                Some(status),
                format!("HTTP {status}: the RFC says to assume everything is disallowed"),
            ),
        }
    }

    /// No answer at all (DNS, connection, timeout): everything disallowed.
    pub fn unreachable(url: String, message: String) -> Robots {
        let mut robots = Robots::disallow_all(url, None, message.clone());
        robots.unreachable = Some(message);
        robots
    }

    /// No usable file (a file crawl, a broken redirect): everything allowed.
    pub fn allow_all(url: String, status: Option<u16>, error: Option<String>) -> Robots {
        Robots {
            report: RobotsReport {
                url,
                status,
                outcome: "none",
                error,
            },
            rules: Rules::AllowAll,
            sitemaps: Vec::new(),
            crawl_delay: None,
            unreachable: None,
        }
    }

    /// Everything disallowed, for the reason `error`.
    pub fn disallow_all(url: String, status: Option<u16>, error: String) -> Robots {
        Robots {
            report: RobotsReport {
                url,
                status,
                outcome: "disallow-all",
                error: Some(error),
            },
            rules: Rules::DisallowAll,
            sitemaps: Vec::new(),
            crawl_delay: None,
            unreachable: None,
        }
    }

    /// Whether `url` (of this origin) may be fetched.
    pub fn allows(&self, url: &Url) -> bool {
        match &self.rules {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Robot(robot) => robot.allowed(url.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    const URL: &str = "https://c.example/robots.txt";

    #[test]
    fn a_file_is_obeyed_for_our_token() {
        let body = b"User-agent: *\nDisallow: /\n\nUser-agent: frontdesk\nDisallow: /private/\nCrawl-delay: 2\n\nSitemap: https://c.example/s.xml\n";
        let r = Robots::from_answer(URL.into(), 200, body, "frontdesk");
        assert_eq!(r.report.outcome, "rules");
        assert!(r.allows(&u("https://c.example/bins")));
        assert!(!r.allows(&u("https://c.example/private/x")));
        assert_eq!(r.sitemaps, ["https://c.example/s.xml"]);
        assert_eq!(r.crawl_delay, Some(2.0));
        // Another token falls back to `*`.
        let other = Robots::from_answer(URL.into(), 200, body, "otherbot");
        assert!(!other.allows(&u("https://c.example/bins")));
    }

    /// RFC 9309 §2.3.1.3: 4xx means no restrictions.
    #[test]
    fn client_errors_allow_everything() {
        for status in [401, 403, 404, 410] {
            let r = Robots::from_answer(URL.into(), status, b"<h1>Not found</h1>", "frontdesk");
            assert_eq!(r.report.outcome, "none");
            assert!(r.allows(&u("https://c.example/anything")));
        }
    }

    /// RFC 9309 §2.3.1.4: 5xx or unreachable means complete disallow.
    #[test]
    fn server_errors_and_no_answer_disallow_everything() {
        let r = Robots::from_answer(URL.into(), 503, b"", "frontdesk");
        assert_eq!(r.report.outcome, "disallow-all");
        assert!(!r.allows(&u("https://c.example/")));
        assert!(r.unreachable.is_none());
        let r = Robots::unreachable(URL.into(), "connection refused".into());
        assert!(!r.allows(&u("https://c.example/")));
        assert_eq!(r.unreachable.as_deref(), Some("connection refused"));
    }
}
