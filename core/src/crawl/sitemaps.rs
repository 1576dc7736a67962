//! Sitemaps as extra seeds, without the network: which sitemap files to read, in what
//! order, and what each gave. Pages a council lists but no longer links to (old forms,
//! orphaned service pages) are often the least maintained, and the ones residents still
//! reach from search engines.
//!
//! The files come from robots.txt `Sitemap:` lines and `/sitemap.xml` on the start host.
//! Nested sitemaps are read only from a top-level index (the protocol allows one level;
//! following more would let a hostile index fan out without end). At most
//! [`MAX_SITEMAPS`] files are read, each at most [`MAX_SITEMAP_BYTES`] as downloaded; the
//! parse ([`super::sitemap_parse`]) bounds the rest.

use std::collections::{HashSet, VecDeque};

use serde::Serialize;
use url::Url;

use super::normalize::normalize;
use super::sitemap_parse::Parsed;

/// Sitemap files read per crawl, at most.
pub const MAX_SITEMAPS: usize = 50;
/// The most of one sitemap file downloaded (compressed or not).
pub const MAX_SITEMAP_BYTES: usize = 10 * 1024 * 1024;
/// Redirects followed when fetching one sitemap file.
pub const MAX_SITEMAP_REDIRECTS: usize = 5;

/// One sitemap file, for the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SitemapReport {
    /// The file's URL as listed.
    pub url: String,
    /// The final answer's HTTP status; `None` when there was none.
    pub status: Option<u16>,
    /// Page URLs it listed (before scope and deduplication).
    pub urls: usize,
    /// Why the file could not be read, or was read only in part.
    pub error: Option<String>,
}

/// A sitemap file to fetch.
#[derive(Debug, Clone, PartialEq)]
pub struct SitemapFile {
    /// Where it is.
    pub url: String,
    /// `/sitemap.xml`, which need not exist: its 404 is not reported.
    optional: bool,
    /// 0 for the top level, 1 for files an index lists.
    level: u8,
}

/// The sitemap files of one crawl: those still to read, and what those read gave.
#[derive(Debug, Default)]
pub struct Discovery {
    queue: VecDeque<SitemapFile>,
    seen: HashSet<String>,
    started: usize,
    reports: Vec<SitemapReport>,
}

impl Discovery {
    /// The files robots.txt `listed`, then `/sitemap.xml` on the start URL's host.
    pub fn new(listed: Vec<String>, start: &Url) -> Self {
        let mut discovery = Discovery::default();
        for url in listed {
            discovery.add(url, false, 0);
        }
        if let Ok(default) = start.join("/sitemap.xml") {
            discovery.add(default.to_string(), true, 0);
        }
        discovery
    }

    fn add(&mut self, url: String, optional: bool, level: u8) {
        if self.seen.insert(url.clone()) {
            self.queue.push_back(SitemapFile {
                url,
                optional,
                level,
            });
        }
    }

    /// The next file to fetch; `None` when all are read or [`MAX_SITEMAPS`] were started.
    pub fn next_file(&mut self) -> Option<SitemapFile> {
        if self.started == MAX_SITEMAPS {
            return None;
        }
        let file = self.queue.pop_front()?;
        self.started += 1;
        Some(file)
    }

    /// `file` could not be had (HTTP error, robots.txt, network).
    pub fn failed(&mut self, file: SitemapFile, status: Option<u16>, error: String) {
        if file.optional && status == Some(404) {
            return;
        }
        self.reports.push(SitemapReport {
            url: file.url,
            status,
            urls: 0,
            error: Some(error),
        });
    }

    /// `file` was read and parsed: queues the sitemaps it lists (from a top-level index
    /// only) and returns the http(s) page URLs it lists, normalised, in file order.
    pub fn parsed(&mut self, file: SitemapFile, status: Option<u16>, parsed: Parsed) -> Vec<Url> {
        if file.level == 0 {
            for nested in parsed.sitemaps {
                self.add(nested, false, 1);
            }
        }
        self.reports.push(SitemapReport {
            url: file.url,
            status,
            urls: parsed.pages.len(),
            error: parsed.warning,
        });
        parsed
            .pages
            .iter()
            .filter_map(|page| {
                let mut url = Url::parse(page.trim()).ok()?;
                if !matches!(url.scheme(), "http" | "https") {
                    return None;
                }
                normalize(&mut url);
                Some(url)
            })
            .collect()
    }

    /// Every file read or tried, sorted by URL.
    pub fn into_reports(mut self) -> Vec<SitemapReport> {
        self.reports.sort_by(|a, b| a.url.cmp(&b.url));
        self.reports
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pages: &[&str], sitemaps: &[&str]) -> Parsed {
        Parsed {
            pages: pages.iter().map(|s| s.to_string()).collect(),
            sitemaps: sitemaps.iter().map(|s| s.to_string()).collect(),
            warning: None,
        }
    }

    #[test]
    fn robots_listed_files_come_first_then_the_default_once() {
        let start = Url::parse("https://c.example/bins").unwrap();
        let listed = vec![
            "https://c.example/a.xml".to_string(),
            "https://c.example/sitemap.xml".to_string(),
            "https://c.example/a.xml".to_string(),
        ];
        let mut d = Discovery::new(listed, &start);
        let order: Vec<String> = std::iter::from_fn(|| d.next_file())
            .map(|f| f.url)
            .collect();
        assert_eq!(
            order,
            ["https://c.example/a.xml", "https://c.example/sitemap.xml"]
        );
    }

    #[test]
    fn a_missing_default_sitemap_is_not_reported_but_a_listed_one_is() {
        let start = Url::parse("https://c.example/").unwrap();
        let mut d = Discovery::new(vec!["https://c.example/listed.xml".into()], &start);
        let listed = d.next_file().unwrap();
        let default = d.next_file().unwrap();
        d.failed(default, Some(404), "HTTP 404".into());
        d.failed(listed, Some(404), "HTTP 404".into());
        let reports = d.into_reports();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].url, "https://c.example/listed.xml");
    }

    #[test]
    fn only_a_top_level_index_is_followed_and_pages_are_normalised() {
        let start = Url::parse("https://c.example/").unwrap();
        let mut d = Discovery::new(vec![], &start);
        let index = d.next_file().unwrap();
        let pages = d.parsed(index, Some(200), parsed(&[], &["https://c.example/n.xml"]));
        assert!(pages.is_empty());
        let nested = d.next_file().unwrap();
        assert_eq!(nested.url, "https://c.example/n.xml");
        let pages = d.parsed(
            nested,
            Some(200),
            parsed(
                &[" https://c.example/a#x ", "ftp://c.example/f", "not a url"],
                &["https://c.example/deeper.xml"],
            ),
        );
        let pages: Vec<&str> = pages.iter().map(Url::as_str).collect();
        assert_eq!(pages, ["https://c.example/a"]);
        assert_eq!(d.next_file(), None);
        let reports = d.into_reports();
        assert_eq!(reports[0].urls, 3);
    }

    #[test]
    fn at_most_fifty_files_are_read() {
        let start = Url::parse("https://c.example/").unwrap();
        let listed = (0..80)
            .map(|i| format!("https://c.example/{i}.xml"))
            .collect();
        let mut d = Discovery::new(listed, &start);
        assert_eq!(std::iter::from_fn(|| d.next_file()).count(), MAX_SITEMAPS);
    }
}
