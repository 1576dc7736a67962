//! What a crawl adds to the report: facts about each page's fetch, and a `site` section
//! about the whole site. Plain data; the crawler fills it in. Documented in
//! `docs/report.md` ("Crawl additions"), field for field.

use serde::{Deserialize, Serialize};

/// The fields a crawl adds to a page, after the audit's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFetch {
    /// Where the page's content came from (in a crawl, always the page's `url`).
    pub final_url: String,
    /// Every redirect whose chain ends at this page, sorted by `url`.
    pub redirects: Vec<Redirect>,
    /// Other URLs that returned byte-identical content, sorted.
    pub duplicates: Vec<String>,
    /// The `Content-Type` header as sent; `None` when the server sent none.
    pub content_type: Option<String>,
    /// Milliseconds from request to end of body; only when timings were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch_ms: Option<u64>,
    /// The page's `<link rel="canonical">`, absolute, without fragment.
    pub canonical: Option<String>,
}

/// One redirect: `url` answered `status` pointing at `location`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Redirect {
    /// The URL that redirected.
    pub url: String,
    /// Its HTTP status; `None` for a folder crawl's folder → `folder/`.
    pub status: Option<u16>,
    /// Where it pointed.
    pub location: String,
}

/// Facts about a crawled site as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteFacts {
    /// The start URL, normalised.
    pub root: String,
    /// What counted as the site.
    pub scope: SiteScope,
    /// Number of pages in the report.
    pub pages_crawled: usize,
    /// In-scope URLs requested.
    pub urls_fetched: usize,
    /// The limits the crawl ran with, and what they left out.
    pub limits: Limits,
    /// In-scope responses that are not HTML pages, sorted by `url`.
    pub documents: Vec<Document>,
    /// Links that fail, sorted by `url`.
    pub broken_links: Vec<BrokenLink>,
    /// In-scope HTML pages that were not audited, sorted by `url`.
    pub not_audited: Vec<NotAudited>,
    /// Links to URLs outside the scope, sorted by `url`.
    pub external_links: Vec<ExternalLink>,
    /// Distinct external links counted but not listed.
    pub external_links_omitted: usize,
    /// Each robots.txt consulted.
    pub robots: Vec<RobotsFile>,
    /// Each sitemap read.
    pub sitemaps: Vec<SitemapFile>,
    /// Whether the crawl was stopped before it finished (the report is partial).
    pub interrupted: bool,
}

/// Hosts and URL patterns that make up the site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteScope {
    /// Hosts, without `www.`; for a folder crawl, the folder's URL.
    pub hosts: Vec<String>,
    /// `--include` globs.
    pub include: Vec<String>,
    /// `--exclude` globs.
    pub exclude: Vec<String>,
}

/// The crawl's limits and what they left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Most pages crawled.
    pub max_pages: usize,
    /// Deepest link depth followed, if limited.
    pub max_depth: Option<u32>,
    /// Whether the page limit stopped URLs from being crawled.
    pub max_pages_reached: bool,
    /// Distinct in-scope URLs seen but not fetched, by cause.
    pub not_crawled: NotCrawled,
}

/// Distinct in-scope URLs seen but not fetched, by cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCrawled {
    /// Left out by the page limit.
    pub max_pages: usize,
    /// Deeper than the depth limit.
    pub max_depth: usize,
    /// Matched `--exclude`.
    pub excluded: usize,
}

/// A response that is not an HTML page (PDF, Word, image…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Its URL.
    pub url: String,
    /// HTTP status of the answer.
    pub status: Option<u16>,
    /// `Content-Type` as sent.
    pub content_type: Option<String>,
    /// Size in bytes, when announced.
    pub size: Option<u64>,
    /// The alphabetically first pages linking to it.
    pub referrers: Vec<String>,
    /// How many pages link to it.
    pub referrer_count: u32,
    /// URLs whose redirect chain ends here, sorted.
    pub redirected_from: Vec<String>,
}

/// A link that fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenLink {
    /// Its URL.
    pub url: String,
    /// HTTP status of the (last) answer, if any.
    pub status: Option<u16>,
    /// How it fails: `http`, `dns`, `tls`, `connect`, `timeout`, `read`, `not-found`,
    /// `redirect-loop`, `too-many-redirects`, `bad-redirect` or `other`.
    pub kind: String,
    /// What went wrong, in plain English.
    pub error: String,
    /// Whether it is outside the scope.
    pub external: bool,
    /// The alphabetically first pages linking to it.
    pub referrers: Vec<String>,
    /// How many pages link to it.
    pub referrer_count: u32,
    /// URLs whose redirect chain ends here, sorted.
    pub redirected_from: Vec<String>,
}

/// An in-scope HTML page that was not audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotAudited {
    /// Its URL.
    pub url: String,
    /// HTTP status, if it was requested.
    pub status: Option<u16>,
    /// `Content-Type` as sent.
    pub content_type: Option<String>,
    /// `robots`, `too-large` or `internal-error`.
    pub reason: String,
    /// Why, in plain English.
    pub message: String,
    /// The alphabetically first pages linking to it.
    pub referrers: Vec<String>,
    /// How many pages link to it.
    pub referrer_count: u32,
}

/// A link to a URL outside the scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalLink {
    /// Its URL.
    pub url: String,
    /// Whether it was checked.
    pub checked: bool,
    /// Status after redirects, when checked.
    pub status: Option<u16>,
    /// Why there is no status, when checked.
    pub error: Option<String>,
    /// How many pages link to it.
    pub referrer_count: u32,
}

/// A robots.txt the crawl consulted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RobotsFile {
    /// Its URL.
    pub url: String,
    /// HTTP status of the answer.
    pub status: Option<u16>,
    /// `rules` (obeyed), `none` (no file: all allowed) or `disallow-all`.
    pub outcome: String,
    /// What went wrong, if anything.
    pub error: Option<String>,
}

/// A sitemap the crawl read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitemapFile {
    /// Its URL.
    pub url: String,
    /// HTTP status of the answer.
    pub status: Option<u16>,
    /// Page URLs it listed.
    pub urls: usize,
    /// What went wrong, or a warning when it was cut short.
    pub error: Option<String>,
}
