//! The crawl report: schema v1 exactly as `check` writes it (`schema_version`, `tool`,
//! `pages`), each page with a few added fields, and a top-level `site` object. Documented
//! in `docs/report.md` ("crawl additions").
//!
//! Deterministic by construction: pages sorted by URL, every list sorted, referrer lists
//! chosen alphabetically, and nothing about the run itself (no timestamps, no durations)
//! unless `--timings` asks for `fetch_ms`. Two crawls of an unchanged site give
//! byte-identical JSON whatever the concurrency.
//!
//! Flat memory: each page's findings are written to an anonymous temporary file
//! ([`PageStore`]) as soon as the page is audited; only a small record per page stays in
//! memory. The report is then streamed out page by page, so neither the findings of a
//! large site nor the report text is ever held whole.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use frontdesk_core::crawl::sitemaps::SitemapReport;
use frontdesk_core::{registry, Outcome, PageReport, ToolInfo, SCHEMA_VERSION};
use serde::Serialize;

use super::frontier::{Entry, Frontier, Id, Referrers, State};
use super::robots::RobotsReport;
use crate::output::{clean, render_finding, Style};

/// An audited page as the crawl keeps it in memory: where its findings are stored, and
/// what the summary and the exit code need.
pub struct PageRecord {
    pub id: Id,
    pub url: String,
    pub digest: u64,
    pub content_type: Option<String>,
    pub fetch_ms: u64,
    pub canonical: Option<String>,
    pub stored: Stored,
    pub gate_failed: bool,
    pub failed: usize,
    pub cant_tell: usize,
}

impl PageRecord {
    pub fn new(
        id: Id,
        report: &PageReport,
        store: &mut PageStore,
        content_type: Option<String>,
        fetch_ms: u64,
        digest: u64,
        canonical: Option<String>,
    ) -> io::Result<Self> {
        let count = |o: Outcome| report.findings.iter().filter(|f| f.outcome == o).count();
        Ok(PageRecord {
            id,
            url: report.url.clone(),
            digest,
            content_type,
            fetch_ms,
            canonical,
            stored: store.put(report)?,
            gate_failed: report.failed_a_aa().next().is_some(),
            failed: count(Outcome::Failed),
            cant_tell: count(Outcome::CantTell),
        })
    }
}

/// Audited pages' reports, serialised to an anonymous temporary file (removed by the OS
/// when closed, even after a crash).
pub struct PageStore {
    file: BufWriter<File>,
    len: u64,
}

/// Where one page's report is in the store.
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    offset: u64,
    len: usize,
}

impl PageStore {
    pub fn new() -> io::Result<Self> {
        Ok(PageStore {
            file: BufWriter::new(tempfile::tempfile()?),
            len: 0,
        })
    }

    fn put(&mut self, report: &PageReport) -> io::Result<Stored> {
        let bytes = serde_json::to_vec(report).map_err(io::Error::other)?;
        self.file.write_all(&bytes)?;
        let stored = Stored {
            offset: self.len,
            len: bytes.len(),
        };
        self.len += bytes.len() as u64;
        Ok(stored)
    }

    fn get(&mut self, stored: Stored) -> io::Result<PageReport> {
        self.file.flush()?;
        let file = self.file.get_mut();
        file.seek(SeekFrom::Start(stored.offset))?;
        let mut bytes = vec![0; stored.len];
        file.read_exact(&mut bytes)?;
        // Appends go to the end again.
        file.seek(SeekFrom::End(0))?;
        serde_json::from_slice(&bytes).map_err(io::Error::other)
    }
}

/// The report, ready to be written: the site summary in memory, the pages in order with
/// their findings still in the store.
pub struct CrawlReport {
    pub site: Site,
    pages: Vec<Planned>,
    timings: bool,
}

struct Planned {
    record: PageRecord,
    redirects: Vec<Hop>,
    duplicates: Vec<String>,
}

/// One page as written in the JSON report.
#[derive(Serialize)]
pub struct CrawlPage {
    #[serde(flatten)]
    pub report: PageReport,
    pub final_url: String,
    pub redirects: Vec<Hop>,
    pub duplicates: Vec<String>,
    pub content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetch_ms: Option<u64>,
    pub canonical: Option<String>,
}

/// One redirect: `url` answered `status` pointing at `location`.
#[derive(Serialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hop {
    pub url: String,
    pub status: Option<u16>,
    pub location: String,
}

#[derive(Serialize)]
pub struct Site {
    pub root: String,
    pub scope: ScopeReport,
    pub pages_crawled: usize,
    pub urls_fetched: usize,
    pub limits: Limits,
    pub documents: Vec<DocumentEntry>,
    pub broken_links: Vec<BrokenLink>,
    pub not_audited: Vec<NotAudited>,
    pub external_links: Vec<ExternalLink>,
    pub external_links_omitted: usize,
    pub robots: Vec<RobotsReport>,
    pub sitemaps: Vec<SitemapReport>,
    pub interrupted: bool,
}

#[derive(Serialize)]
pub struct ScopeReport {
    pub hosts: Vec<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Serialize)]
pub struct Limits {
    pub max_pages: usize,
    pub max_depth: Option<u32>,
    pub max_pages_reached: bool,
    pub not_crawled: NotCrawled,
}

#[derive(Serialize)]
pub struct NotCrawled {
    pub max_pages: usize,
    pub max_depth: usize,
    pub excluded: usize,
}

#[derive(Serialize)]
pub struct DocumentEntry {
    pub url: String,
    pub status: Option<u16>,
    pub content_type: Option<String>,
    pub size: Option<u64>,
    pub referrers: Vec<String>,
    pub referrer_count: u32,
    pub redirected_from: Vec<String>,
}

#[derive(Serialize)]
pub struct BrokenLink {
    pub url: String,
    pub status: Option<u16>,
    pub kind: &'static str,
    pub error: String,
    pub external: bool,
    pub referrers: Vec<String>,
    pub referrer_count: u32,
    pub redirected_from: Vec<String>,
}

#[derive(Serialize)]
pub struct NotAudited {
    pub url: String,
    pub status: Option<u16>,
    pub content_type: Option<String>,
    pub reason: &'static str,
    pub message: String,
    pub referrers: Vec<String>,
    pub referrer_count: u32,
}

#[derive(Serialize)]
pub struct ExternalLink {
    pub url: String,
    pub checked: bool,
    pub status: Option<u16>,
    pub error: Option<String>,
    pub referrer_count: u32,
}

pub struct Inputs {
    pub root: String,
    pub scope: ScopeReport,
    pub max_pages: usize,
    pub max_depth: Option<u32>,
    pub robots: Vec<RobotsReport>,
    pub sitemaps: Vec<SitemapReport>,
    pub interrupted: bool,
    pub timings: bool,
}

/// Where a redirect chain ends.
enum End {
    At(Id),
    Loop(Vec<Id>),
    /// Still queued when the crawl stopped.
    Unfinished,
}

fn follow(entries: &[Entry], from: Id) -> End {
    let mut chain = vec![from];
    let mut current = from;
    loop {
        match &entries[current as usize].state {
            State::Redirect { to, .. } => {
                if chain.contains(to) {
                    chain.push(*to);
                    return End::Loop(chain);
                }
                // Chains are capped when fetched; this only guards the walk itself.
                if chain.len() > 64 {
                    return End::Loop(chain);
                }
                chain.push(*to);
                current = *to;
            }
            State::Queued => return End::Unfinished,
            _ => return End::At(current),
        }
    }
}

fn listed(r: &Referrers) -> Vec<String> {
    r.listed.iter().map(|s| s.to_string()).collect()
}

pub fn build(frontier: &Frontier, mut records: Vec<PageRecord>, inputs: Inputs) -> CrawlReport {
    let entries = &frontier.entries;

    // Redirects, resolved to where their chains end.
    let mut hops_to: BTreeMap<Id, Vec<Hop>> = BTreeMap::new();
    let mut sources: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
    let mut broken: Vec<BrokenLink> = Vec::new();
    for (id, entry) in entries.iter().enumerate() {
        let id = id as Id;
        let State::Redirect { status, to } = &entry.state else {
            continue;
        };
        match follow(entries, id) {
            End::At(end) => {
                hops_to.entry(end).or_default().push(Hop {
                    url: entry.url.to_string(),
                    status: *status,
                    location: entries[*to as usize].url.to_string(),
                });
                sources.entry(end).or_default().push(id);
            }
            End::Loop(chain) => {
                if entry.referrers.count > 0 || entry.seed {
                    let path: Vec<&str> =
                        chain.iter().map(|&i| &*entries[i as usize].url).collect();
                    broken.push(BrokenLink {
                        url: entry.url.to_string(),
                        status: *status,
                        kind: "redirect-loop",
                        error: format!("redirect loop: {}", path.join(" → ")),
                        external: false,
                        referrers: listed(&entry.referrers),
                        referrer_count: entry.referrers.count,
                        redirected_from: Vec::new(),
                    });
                }
            }
            End::Unfinished => {}
        }
    }
    // Links to a redirect count as links to where it ends.
    let merged = |id: Id| -> (Referrers, Vec<String>) {
        let mut refs = entries[id as usize].referrers.clone();
        let mut from = Vec::new();
        for &source in sources.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
            refs.merge(&entries[source as usize].referrers);
            from.push(entries[source as usize].url.to_string());
        }
        from.sort();
        (refs, from)
    };

    let mut documents = Vec::new();
    let mut not_audited = Vec::new();
    let mut external_links = Vec::new();
    for (id, entry) in entries.iter().enumerate() {
        let id = id as Id;
        match &entry.state {
            State::Document {
                status,
                content_type,
                length,
            } => {
                let (refs, redirected_from) = merged(id);
                documents.push(DocumentEntry {
                    url: entry.url.to_string(),
                    status: *status,
                    content_type: content_type.clone(),
                    size: *length,
                    referrers: listed(&refs),
                    referrer_count: refs.count,
                    redirected_from,
                });
            }
            State::Broken {
                status,
                kind,
                message,
            } => {
                let (refs, redirected_from) = merged(id);
                broken.push(BrokenLink {
                    url: entry.url.to_string(),
                    status: *status,
                    kind,
                    error: message.clone(),
                    external: false,
                    referrers: listed(&refs),
                    referrer_count: refs.count,
                    redirected_from,
                });
            }
            State::NotAudited {
                status,
                content_type,
                reason,
                message,
            } => {
                let (refs, _) = merged(id);
                not_audited.push(NotAudited {
                    url: entry.url.to_string(),
                    status: *status,
                    content_type: content_type.clone(),
                    reason,
                    message: message.clone(),
                    referrers: listed(&refs),
                    referrer_count: refs.count,
                });
            }
            State::External { checked } => {
                let (refs, redirected_from) = merged(id);
                if let Some(check) = checked {
                    if let Some(kind) =
                        external_broken(check.status, check.error.as_ref().map(|e| e.0))
                    {
                        broken.push(BrokenLink {
                            url: entry.url.to_string(),
                            status: check.status,
                            kind,
                            error: match &check.error {
                                Some((_, message)) => message.clone(),
                                None => http_message(check.status.unwrap_or(0)),
                            },
                            external: true,
                            referrers: listed(&refs),
                            referrer_count: refs.count,
                            redirected_from,
                        });
                    }
                }
                external_links.push(ExternalLink {
                    url: entry.url.to_string(),
                    checked: checked.is_some(),
                    status: checked.as_ref().and_then(|c| c.status),
                    error: checked
                        .as_ref()
                        .and_then(|c| c.error.as_ref().map(|e| e.1.clone())),
                    referrer_count: refs.count,
                });
            }
            _ => {}
        }
    }
    documents.sort_by(|a, b| a.url.cmp(&b.url));
    broken.sort_by(|a, b| a.url.cmp(&b.url));
    not_audited.sort_by(|a, b| a.url.cmp(&b.url));
    external_links.sort_by(|a, b| a.url.cmp(&b.url));

    // The same bytes under two URLs (`/` and `/index.html`, `/home`, a tracking query…)
    // are one page: it is listed once, under the alphabetically first URL, with the others
    // as `duplicates`. Chosen by URL, not by arrival, so the report does not depend on
    // crawl order.
    records.sort_by(|a, b| a.url.cmp(&b.url));
    let mut first_with: BTreeMap<u64, usize> = BTreeMap::new();
    let mut pages: Vec<Planned> = Vec::new();
    for record in records {
        let redirects = hops_to.remove(&record.id).unwrap_or_default();
        match first_with.get(&record.digest) {
            Some(&index) => {
                let page = &mut pages[index];
                page.duplicates.push(record.url);
                page.redirects.extend(redirects);
            }
            None => {
                first_with.insert(record.digest, pages.len());
                pages.push(Planned {
                    record,
                    redirects,
                    duplicates: Vec::new(),
                });
            }
        }
    }
    for page in &mut pages {
        page.redirects.sort();
    }

    let urls_fetched = entries
        .iter()
        .filter(|e| {
            !matches!(
                e.state,
                State::Queued | State::External { .. } | State::NotCrawled { .. }
            ) && !matches!(
                e.state,
                State::NotAudited {
                    reason: "robots",
                    ..
                }
            )
        })
        .count();
    CrawlReport {
        timings: inputs.timings,
        site: Site {
            root: inputs.root,
            scope: inputs.scope,
            pages_crawled: pages.len(),
            urls_fetched,
            limits: Limits {
                max_pages: inputs.max_pages,
                max_depth: inputs.max_depth,
                max_pages_reached: frontier.full() && !frontier.not_crawled.max_pages.is_empty(),
                not_crawled: NotCrawled {
                    max_pages: frontier.not_crawled.max_pages.len(),
                    max_depth: frontier.not_crawled.max_depth.len(),
                    excluded: frontier.not_crawled.excluded.len(),
                },
            },
            documents,
            broken_links: broken,
            not_audited,
            external_links,
            external_links_omitted: frontier.externals_omitted,
            robots: inputs.robots,
            sitemaps: inputs.sitemaps,
            interrupted: inputs.interrupted,
        },
        pages,
    }
}

/// Whether a checked external link counts as broken, and as what. Sites that refuse robots
/// or rate-limit (401, 403, 429, LinkedIn's 999) say nothing about the link itself, so they
/// are listed with their status but not called broken.
fn external_broken(status: Option<u16>, error: Option<&'static str>) -> Option<&'static str> {
    match (error, status) {
        (Some("robots"), _) => None,
        (Some(kind), _) => Some(kind),
        (None, Some(401 | 403 | 429)) => None,
        (None, Some(s)) if (400..600).contains(&s) => Some("http"),
        _ => None,
    }
}

/// `404` → `HTTP 404 Not Found`.
pub fn http_message(status: u16) -> String {
    match reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("HTTP {status} {reason}"),
        None => format!("HTTP {status}"),
    }
}

impl CrawlReport {
    /// Whether any page fails WCAG A/AA (the exit-code gate, as for `check`).
    pub fn gate_failed(&self) -> bool {
        self.pages.iter().any(|p| p.record.gate_failed)
    }

    fn page(&self, planned: &Planned, store: &mut PageStore) -> io::Result<CrawlPage> {
        let record = &planned.record;
        let report = store.get(record.stored)?;
        Ok(CrawlPage {
            final_url: report.url.clone(),
            report,
            redirects: planned.redirects.clone(),
            duplicates: planned.duplicates.clone(),
            content_type: record.content_type.clone(),
            fetch_ms: self.timings.then_some(record.fetch_ms),
            canonical: record.canonical.clone(),
        })
    }

    /// The JSON report, byte for byte what `serde_json::to_string_pretty` gives for
    /// `{schema_version, tool, pages, site}` (plus a final newline), written one page at a
    /// time. JSON strings never hold a raw newline, so re-indenting line by line is exact.
    pub fn write_json(&self, out: &mut dyn Write, store: &mut PageStore) -> io::Result<()> {
        writeln!(out, "{{")?;
        writeln!(out, "  \"schema_version\": {SCHEMA_VERSION},")?;
        writeln!(
            out,
            "  \"tool\": {},",
            indent(&pretty(&ToolInfo::default())?, 2)
        )?;
        if self.pages.is_empty() {
            writeln!(out, "  \"pages\": [],")?;
        } else {
            writeln!(out, "  \"pages\": [")?;
            for (i, planned) in self.pages.iter().enumerate() {
                let page = self.page(planned, store)?;
                let separator = if i + 1 < self.pages.len() { "," } else { "" };
                writeln!(out, "    {}{separator}", indent(&pretty(&page)?, 4))?;
            }
            writeln!(out, "  ],")?;
        }
        writeln!(out, "  \"site\": {}", indent(&pretty(&self.site)?, 2))?;
        writeln!(out, "}}")
    }

    pub fn write_text(
        &self,
        out: &mut dyn Write,
        store: &mut PageStore,
        style: Style,
    ) -> io::Result<()> {
        let (mut failed, mut cant_tell) = (0usize, 0usize);
        for planned in &self.pages {
            let page = self.page(planned, store)?;
            failed += planned.record.failed;
            cant_tell += planned.record.cant_tell;
            out.write_all(render_page(&page, style).as_bytes())?;
        }
        out.write_all(self.render_site(failed, cant_tell, style).as_bytes())
    }

    fn render_site(&self, failed: usize, cant_tell: usize, style: Style) -> String {
        let mut out = String::new();
        let site = &self.site;
        if !site.broken_links.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                style.paint("1", &format!("Broken links ({})", site.broken_links.len()))
            );
            for link in &site.broken_links {
                let _ = writeln!(
                    out,
                    "  {}  {}{}",
                    clean(&link.url),
                    style.paint("31", &clean(&link.error)),
                    if link.external { "  (external)" } else { "" }
                );
                write_list(
                    &mut out,
                    "redirected from",
                    &link.redirected_from,
                    link.redirected_from.len() as u32,
                );
                write_list(
                    &mut out,
                    "linked from",
                    &link.referrers,
                    link.referrer_count,
                );
            }
            out.push('\n');
        }
        if !site.documents.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                style.paint("1", &format!("Documents ({})", site.documents.len()))
            );
            for doc in &site.documents {
                let _ = writeln!(
                    out,
                    "  {}  {}{}",
                    clean(&doc.url),
                    doc.content_type
                        .as_deref()
                        .map(clean)
                        .unwrap_or_else(|| "unknown type".into()),
                    doc.status
                        .map(|s| format!("  [HTTP {s}]"))
                        .unwrap_or_default()
                );
                write_list(&mut out, "linked from", &doc.referrers, doc.referrer_count);
            }
            out.push('\n');
        }
        if !site.not_audited.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                style.paint("1", &format!("Not audited ({})", site.not_audited.len()))
            );
            for entry in &site.not_audited {
                let _ = writeln!(out, "  {}  {}", clean(&entry.url), clean(&entry.message));
            }
            out.push('\n');
        }
        let external_checked = site.external_links.iter().filter(|e| e.checked).count();
        if !site.external_links.is_empty() {
            let note = if external_checked > 0 {
                format!("{external_checked} checked")
            } else {
                "not checked; use --check-external".to_string()
            };
            let _ = writeln!(
                out,
                "External links: {} ({note})",
                site.external_links.len() + site.external_links_omitted
            );
        }
        let limits = &site.limits;
        if limits.max_pages_reached {
            let _ = writeln!(
                out,
                "Page limit reached: {} more URLs were not crawled (raise --max-pages)",
                limits.not_crawled.max_pages
            );
        }
        if limits.not_crawled.max_depth > 0 {
            let _ = writeln!(
                out,
                "Depth limit: {} URLs deeper than --max-depth were not crawled",
                limits.not_crawled.max_depth
            );
        }
        if site.interrupted {
            let _ = writeln!(out, "The crawl was interrupted: this report is partial.");
        }
        let _ = writeln!(
            out,
            "{} crawled, {} failed, {} cannot tell ({} rules checked); {}, {}",
            plural(self.pages.len(), "page", "pages"),
            failed,
            cant_tell,
            registry().len(),
            plural(site.documents.len(), "document", "documents"),
            plural(site.broken_links.len(), "broken link", "broken links"),
        );
        out
    }
}

/// One page of the text report: header line, redirects and duplicates, findings.
fn render_page(page: &CrawlPage, style: Style) -> String {
    let mut out = String::new();
    let report = &page.report;
    let title = match &report.title {
        Some(t) if !t.is_empty() => format!("\"{}\"", clean(t)),
        _ => "(no title)".to_string(),
    };
    let mut facts = Vec::new();
    if let Some(status) = report.status {
        facts.push(format!("HTTP {status}"));
    }
    if let Some(ms) = page.fetch_ms {
        facts.push(format!("{ms} ms"));
    }
    let facts = if facts.is_empty() {
        String::new()
    } else {
        format!("  [{}]", facts.join(", "))
    };
    let _ = writeln!(
        out,
        "{}  {}{}",
        style.paint("1", &clean(&report.url)),
        title,
        facts
    );
    for duplicate in &page.duplicates {
        let _ = writeln!(out, "  same page as {}", clean(duplicate));
    }
    for hop in &page.redirects {
        let _ = writeln!(
            out,
            "  redirected from {}{}",
            clean(&hop.url),
            hop.status.map(|s| format!(" ({s})")).unwrap_or_default()
        );
    }
    if let Some(canonical) = &page.canonical {
        if canonical != &report.url {
            let _ = writeln!(out, "  canonical: {}", clean(canonical));
        }
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "  {}", style.paint("32", "no failures found"));
    }
    for finding in &report.findings {
        render_finding(&mut out, finding, style);
    }
    out.push('\n');
    out
}

/// Indents every line but the first by `n` spaces (the first follows a key or sits after
/// an indent the caller writes).
fn indent(json: &str, n: usize) -> String {
    json.replace('\n', &format!("\n{}", " ".repeat(n)))
}

fn pretty<T: Serialize>(value: &T) -> io::Result<String> {
    serde_json::to_string_pretty(value).map_err(io::Error::other)
}

fn write_list(out: &mut String, label: &str, items: &[String], total: u32) {
    if items.is_empty() {
        return;
    }
    let more = total as usize - items.len().min(total as usize);
    let _ = writeln!(
        out,
        "      {label}: {}{}",
        items
            .iter()
            .map(|s| clean(s))
            .collect::<Vec<_>>()
            .join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_statuses() {
        assert_eq!(external_broken(Some(404), None), Some("http"));
        assert_eq!(external_broken(Some(503), None), Some("http"));
        assert_eq!(external_broken(Some(403), None), None);
        assert_eq!(external_broken(Some(999), None), None);
        assert_eq!(external_broken(None, Some("dns")), Some("dns"));
        assert_eq!(external_broken(Some(200), None), None);
    }

    #[test]
    fn streamed_json_is_exactly_serde_pretty() {
        use frontdesk_core::{audit, Options};
        use url::Url;

        #[derive(Serialize)]
        struct Whole<'a> {
            schema_version: u32,
            tool: ToolInfo,
            pages: Vec<CrawlPage>,
            site: &'a Site,
        }

        let mut frontier = Frontier::new(10, None, false);
        let mut store = PageStore::new().unwrap();
        let mut records = Vec::new();
        for (i, (url, html)) in [
            (
                "https://c.example/b",
                "<html lang=en><title>B \"quoted\"\n</title><img src=x></html>",
            ),
            ("https://c.example/", "<html><title>Home</title></html>"),
        ]
        .into_iter()
        .enumerate()
        {
            let id = frontier.start(Url::parse(url).unwrap());
            frontier.set(id, State::Page);
            let report = audit(html, url, &Options::default().with_status(200));
            records.push(
                PageRecord::new(
                    id,
                    &report,
                    &mut store,
                    Some("text/html".into()),
                    5,
                    i as u64,
                    None,
                )
                .unwrap(),
            );
        }
        let inputs = || Inputs {
            root: "https://c.example/".into(),
            scope: ScopeReport {
                hosts: vec!["c.example".into()],
                include: vec![],
                exclude: vec![],
            },
            max_pages: 10,
            max_depth: None,
            robots: vec![],
            sitemaps: vec![],
            interrupted: false,
            timings: true,
        };
        let report = build(&frontier, records, inputs());
        let mut streamed = Vec::new();
        report.write_json(&mut streamed, &mut store).unwrap();

        let pages = report
            .pages
            .iter()
            .map(|p| report.page(p, &mut store).unwrap())
            .collect();
        let whole = Whole {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            pages,
            site: &report.site,
        };
        let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), expected);
        assert!(expected.contains("\"fetch_ms\": 5"));

        // No pages at all: `"pages": []`, as serde writes an empty array.
        let empty = build(&Frontier::new(1, None, false), Vec::new(), inputs());
        let mut streamed = Vec::new();
        empty.write_json(&mut streamed, &mut store).unwrap();
        let whole = Whole {
            schema_version: 1,
            tool: ToolInfo::default(),
            pages: vec![],
            site: &empty.site,
        };
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            serde_json::to_string_pretty(&whole).unwrap() + "\n"
        );
    }

    #[test]
    fn http_messages() {
        assert_eq!(http_message(404), "HTTP 404 Not Found");
        assert_eq!(http_message(599), "HTTP 599");
    }
}
