//! One fetched HTML page → findings, links and the services summary, on a blocking thread
//! (the engine is sync).
//!
//! The page is parsed once: the same `Document` serves the audit, the link extraction
//! (`frontdesk_core::crawl::links`) and the compact [`PageSummary`] the services analysis
//! reads, and is dropped with the HTML before the next page, so only findings, link URLs
//! and the summary outlive this stage. (The accessibility statement, the one page the
//! services analysis reads whole, is fetched again once the crawl is over.)
//!
//! Style sheets: the engine asks a [`ResourceLoader`] for each sheet the page links. Ours
//! answers from a shared cache and notes any sheet it does not have yet; when there are
//! such misses the caller has the crawler fetch them (once for the whole crawl) and runs
//! the analysis again. Council sites share one or two sheets across every page, so after the first pages
//! each page is parsed exactly once.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use frontdesk_core::crawl::links::{self, PageLinks};
use frontdesk_core::services::PageSummary;
use frontdesk_core::{audit_document, Options, PageReport, ResourceLoader};
use url::Url;

/// What the analysis of one page yields.
pub struct Analysed {
    pub report: PageReport,
    /// Links to follow, absolute and normalised, each once, in document order.
    pub links: Vec<Url>,
    /// `<link rel=canonical>`, resolved.
    pub canonical: Option<String>,
    /// What the services analysis needs of the page (`None` without the analysis).
    pub summary: Option<PageSummary>,
}

pub enum Analysis {
    /// Boxed: a page's findings and summary are far larger than the other variants.
    Done(Box<Analysed>),
    /// Style sheets to fetch before the page can be audited with its full cascade.
    NeedSheets(Vec<String>),
    /// The engine panicked (a frontdesk bug): the page is reported as not audited.
    Panicked,
}

/// Parses and audits a page. With `fetch_missing`, a page that links style sheets the cache
/// does not hold yet comes back as [`Analysis::NeedSheets`] instead; without, it is audited
/// with whatever the cache has. `summarise`: whether the services analysis runs and needs
/// the page's summary.
pub fn analyse(
    html: &str,
    url: &Url,
    status: Option<u16>,
    styles: &StyleCache,
    local_root: Option<&Url>,
    fetch_missing: bool,
    summarise: bool,
) -> Analysis {
    let loader = CacheLoader {
        cache: styles,
        misses: RefCell::new(Vec::new()),
        fetchable: |u: &str| match Url::parse(u) {
            Ok(u) => match u.scheme() {
                "http" | "https" => true,
                "file" => local_root.is_some(),
                _ => false,
            },
            Err(_) => false,
        },
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let doc = frontdesk_core::parse_document_with_loader(html, url.as_str(), &loader);
        let misses = std::mem::take(&mut *loader.misses.borrow_mut());
        if fetch_missing && !misses.is_empty() {
            return Analysis::NeedSheets(misses);
        }
        let options = match status {
            Some(status) => Options::default().with_status(status),
            None => Options::default(),
        };
        let report = audit_document(&doc, url.as_str(), &options);
        let PageLinks { links, canonical } = links::extract(&doc, url, local_root);
        let summary = summarise.then(|| PageSummary::from_document(&doc, url, local_root));
        Analysis::Done(Box::new(Analysed {
            report,
            links,
            canonical,
            summary,
        }))
    }));
    result.unwrap_or(Analysis::Panicked)
}

/// Style sheets shared by the whole crawl, keyed by absolute URL; failures are kept too
/// (`None`). The crawl's coordinator fills it, once per URL. Bounded by count, oldest out
/// first.
pub struct StyleCache {
    inner: Mutex<CacheInner>,
}

#[derive(Default)]
struct CacheInner {
    sheets: HashMap<String, Option<Arc<str>>>,
    order: VecDeque<String>,
}

const MAX_CACHED_SHEETS: usize = 256;

impl StyleCache {
    pub fn new() -> Self {
        StyleCache {
            inner: Mutex::new(CacheInner::default()),
        }
    }

    /// `Some(sheet)` when the URL has been loaded (the sheet, or `None` when it failed).
    fn ready(&self, url: &str) -> Option<Option<Arc<str>>> {
        let inner = self.inner.lock().expect("style cache lock");
        inner.sheets.get(url).cloned()
    }

    /// Whether the URL has been loaded (or failed).
    pub fn has(&self, url: &str) -> bool {
        self.ready(url).is_some()
    }

    /// Keeps a loaded sheet (`None`: it could not be had).
    pub fn insert(&self, url: &str, sheet: Option<String>) {
        let mut inner = self.inner.lock().expect("style cache lock");
        if inner.sheets.contains_key(url) {
            return;
        }
        if inner.order.len() >= MAX_CACHED_SHEETS {
            if let Some(old) = inner.order.pop_front() {
                inner.sheets.remove(&old);
            }
        }
        inner.order.push_back(url.to_string());
        inner.sheets.insert(url.to_string(), sheet.map(Arc::from));
    }
}

struct CacheLoader<'a, F: Fn(&str) -> bool> {
    cache: &'a StyleCache,
    misses: RefCell<Vec<String>>,
    fetchable: F,
}

impl<F: Fn(&str) -> bool> ResourceLoader for CacheLoader<'_, F> {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        match self.cache.ready(absolute_url) {
            Some(sheet) => sheet.map(|s| s.to_string()),
            None => {
                if (self.fetchable)(absolute_url) {
                    let mut misses = self.misses.borrow_mut();
                    if !misses.iter().any(|m| m == absolute_url) {
                        misses.push(absolute_url.to_string());
                    }
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(analysis: Analysis) -> Analysed {
        match analysis {
            Analysis::Done(a) => *a,
            _ => panic!("expected a finished analysis"),
        }
    }

    /// The links come from the parse the audit used (their details: core's crawl::links).
    #[test]
    fn one_parse_gives_findings_and_links() {
        let html = r#"<html lang="en"><head><title>T</title>
            <link rel="canonical" href="/bins#top"></head>
            <body><a href="a.html">A</a> <img src="x.png"></body></html>"#;
        let url = Url::parse("https://c.example/page").unwrap();
        let a = done(analyse(
            html,
            &url,
            Some(200),
            &StyleCache::new(),
            None,
            false,
            true,
        ));
        let links: Vec<&str> = a.links.iter().map(Url::as_str).collect();
        assert_eq!(links, ["https://c.example/a.html"]);
        assert_eq!(a.canonical.as_deref(), Some("https://c.example/bins"));
        assert_eq!(a.report.status, Some(200));
        assert_eq!(a.report.title.as_deref(), Some("T"));
        assert!(a.report.findings.iter().any(|f| f.rule == "image-has-name"));
        assert_eq!(a.summary.map(|s| s.title).as_deref(), Some("T"));
        // Without the services analysis no summary is built.
        let a = done(analyse(
            html,
            &url,
            None,
            &StyleCache::new(),
            None,
            false,
            false,
        ));
        assert!(a.summary.is_none());
        assert_eq!(a.links.len(), 1);
    }

    #[test]
    fn missing_sheets_are_asked_for_then_used() {
        let html = r#"<html lang="en"><title>T</title><link rel="stylesheet" href="/s.css">
                      <p class="n">Text</p></html>"#;
        let url = Url::parse("https://c.example/").unwrap();
        let cache = StyleCache::new();
        match analyse(html, &url, None, &cache, None, true, false) {
            Analysis::NeedSheets(urls) => assert_eq!(urls, ["https://c.example/s.css"]),
            _ => panic!("the sheet is not cached yet"),
        }
        cache.insert(
            "https://c.example/s.css",
            Some(".n { color: #bbb; background: #fff }".to_string()),
        );
        let a = done(analyse(html, &url, None, &cache, None, true, false));
        assert!(
            a.report
                .findings
                .iter()
                .any(|f| f.rule == "text-contrast-minimum"),
            "{:?}",
            a.report.findings
        );
    }
}
