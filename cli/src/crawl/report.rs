//! The crawl report: what the crawl found, put into the engine's report model
//! (`frontdesk_core::report`: pages with their fetch facts, and the `site` facts), which
//! the engine's renderers write. Documented in `docs/report.md` ("crawl additions").
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
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use std::collections::HashSet;

use frontdesk_core::crawl::sitemaps::SitemapReport;
use frontdesk_core::report::{
    self, text::Style, Baseline, BrokenLink, Document, ExternalLink, GateCounts, GateFailure,
    GatePolicy, GateScore, Level, Limits, Matches, NotAudited, NotCrawled, Page, PageFetch,
    Redirect, Report, RobotsFile, SiteFacts, SiteScope, SitemapFile,
};
use frontdesk_core::score::{self, RatedTask, Scorecard, SitePage};
use frontdesk_core::services::ServicesReport;
use frontdesk_core::PageReport;

use super::frontier::{Entry, Frontier, Id, Referrers, State};
use frontdesk_core::crawl::robots::RobotsReport;

/// An audited page as the crawl keeps it in memory: where its findings are stored, and
/// what the exit code and the baseline summary need.
pub struct PageRecord {
    pub id: Id,
    pub url: String,
    pub digest: u64,
    pub content_type: Option<String>,
    pub fetch_ms: u64,
    pub canonical: Option<String>,
    pub stored: Stored,
    /// The page's findings that count for the gates.
    pub gate: GateCounts,
    /// What the baseline made of its findings.
    pub marked: Marked,
    /// The page's accessibility score, for the site's.
    pub score: u8,
}

impl PageRecord {
    /// Marks the page's findings against the store's baseline (if any), counts them for
    /// the gates and stores them.
    pub fn new(
        id: Id,
        report: &mut PageReport,
        store: &mut PageStore,
        content_type: Option<String>,
        fetch_ms: u64,
        digest: u64,
        canonical: Option<String>,
    ) -> io::Result<Self> {
        let marked = store.mark(report);
        Ok(PageRecord {
            id,
            url: report.url.clone(),
            digest,
            content_type,
            fetch_ms,
            canonical,
            gate: GateCounts::of_page(report, store.marking.min_level),
            marked,
            stored: store.put(report)?,
            score: score::page_score(&report.findings).score,
        })
    }
}

/// Audited pages' reports, serialised to an anonymous temporary file (removed by the OS
/// when closed, even after a crash), their findings marked against the baseline first.
pub struct PageStore {
    file: BufWriter<File>,
    len: u64,
    marking: Marking,
}

/// What pages are marked and counted with as they are stored: the baseline (only its
/// findings' keys, `report::Baseline`) and the folder file pages are keyed relative to,
/// and the highest WCAG level the gates count.
pub struct Marking {
    pub baseline: Option<Baseline>,
    /// A folder crawl's root (`file:///…/site/`).
    pub file_root: Option<String>,
    pub min_level: Level,
}

impl Default for Marking {
    fn default() -> Self {
        Marking {
            baseline: None,
            file_root: None,
            min_level: Level::AA,
        }
    }
}

/// A page's findings against the baseline: which baseline findings they matched, and how
/// many were new and existing.
#[derive(Debug, Default)]
pub struct Marked {
    matches: Matches,
    new: usize,
    existing: usize,
}

/// Where one page's report is in the store.
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    offset: u64,
    len: usize,
}

impl PageStore {
    /// A store whose pages are marked with `marking`.
    pub fn new(marking: Marking) -> io::Result<Self> {
        Ok(PageStore {
            file: BufWriter::new(tempfile::tempfile()?),
            len: 0,
            marking,
        })
    }

    fn mark(&self, report: &mut PageReport) -> Marked {
        let Some(baseline) = &self.marking.baseline else {
            return Marked::default();
        };
        let key = report::page_key(&report.url, self.marking.file_root.as_deref());
        let matches = baseline.mark(report, &key);
        let (new, existing) = report::baseline_counts(report);
        Marked {
            matches,
            new,
            existing,
        }
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

/// The report, ready to be written: the report model without its pages (`head`, holding
/// the site facts), and the pages in order with their findings still in the store.
pub struct CrawlReport {
    head: Report,
    pages: Vec<Planned>,
    timings: bool,
}

struct Planned {
    record: PageRecord,
    redirects: Vec<Redirect>,
    duplicates: Vec<String>,
}

pub struct Inputs {
    pub root: String,
    pub scope: SiteScope,
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
    let mut hops_to: BTreeMap<Id, Vec<Redirect>> = BTreeMap::new();
    let mut sources: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
    let mut broken: Vec<BrokenLink> = Vec::new();
    for (id, entry) in entries.iter().enumerate() {
        let id = id as Id;
        let State::Redirect { status, to } = &entry.state else {
            continue;
        };
        match follow(entries, id) {
            End::At(end) => {
                hops_to.entry(end).or_default().push(Redirect {
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
                        kind: "redirect-loop".into(),
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
                documents.push(Document {
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
                    kind: kind.to_string(),
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
                    reason: reason.to_string(),
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
                            kind: kind.to_string(),
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
        head: Report::crawl(
            Vec::new(),
            SiteFacts {
                root: inputs.root,
                scope: inputs.scope,
                pages_crawled: pages.len(),
                urls_fetched,
                limits: Limits {
                    max_pages: inputs.max_pages,
                    max_depth: inputs.max_depth,
                    max_pages_reached: frontier.full()
                        && !frontier.not_crawled.max_pages.is_empty(),
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
                robots: inputs.robots.into_iter().map(robots_file).collect(),
                sitemaps: inputs.sitemaps.into_iter().map(sitemap_file).collect(),
                interrupted: inputs.interrupted,
            },
        ),
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

fn robots_file(r: RobotsReport) -> RobotsFile {
    RobotsFile {
        url: r.url,
        status: r.status,
        outcome: r.outcome.to_string(),
        error: r.error,
    }
}

fn sitemap_file(s: SitemapReport) -> SitemapFile {
    SitemapFile {
        url: s.url,
        status: s.status,
        urls: s.urls,
        error: s.error,
    }
}

impl CrawlReport {
    /// Whether the crawl was stopped before it finished.
    pub fn interrupted(&self) -> bool {
        self.head.site.as_ref().is_some_and(|s| s.interrupted)
    }

    /// The gates of `policy` that fail, from the pages' counts (made when they were
    /// stored, at the store's `min_level`) and the site's accessibility score, or the
    /// lowest page score when there is no scorecard (the services analysis did not run).
    pub fn gate_failures(&self, policy: &GatePolicy) -> Vec<GateFailure> {
        let counts = self.pages.iter().map(|p| p.record.gate).sum();
        let score = match &self.head.scores {
            Some(scores) => GateScore {
                label: "accessibility".into(),
                score: scores.accessibility.as_ref().map(|s| s.score),
            },
            None => report::lowest_page_score(
                self.pages
                    .iter()
                    .map(|p| (p.record.url.as_str(), p.record.score)),
            ),
        };
        policy.evaluate(counts, Some(&score))
    }

    /// Sets the report's baseline summary from the pages kept (a duplicate's findings are
    /// its first URL's): findings of the baseline no kept page matched are fixed.
    pub fn add_baseline(&mut self, store: &PageStore) {
        let Some(baseline) = &store.marking.baseline else {
            return;
        };
        let marked = self.pages.iter().map(|p| &p.record.marked);
        let new = marked.clone().map(|m| m.new).sum();
        let existing = marked.clone().map(|m| m.existing).sum();
        let matches = marked.flat_map(|m| m.matches.iter().copied());
        self.head.baseline = Some(baseline.summary(matches, new, existing));
    }

    fn page(&self, planned: &Planned, store: &mut PageStore) -> io::Result<Page> {
        let record = &planned.record;
        let audit = store.get(record.stored)?;
        let fetch = PageFetch {
            final_url: audit.url.clone(),
            redirects: planned.redirects.clone(),
            duplicates: planned.duplicates.clone(),
            content_type: record.content_type.clone(),
            fetch_ms: self.timings.then_some(record.fetch_ms),
            canonical: record.canonical.clone(),
        };
        Ok(Page::new(audit, Some(fetch)))
    }

    /// Adds the scorecard and the services analysis (`None` with --no-services) it
    /// completes: the site's accessibility score over the report's pages (the tasks' pages
    /// and route start pages weigh more), the tasks' stars and the statement's figure.
    /// `name` is the council's, or the site's.
    pub fn add_scores(&mut self, services: Option<ServicesReport>, name: String) {
        let top: HashSet<&str> = services
            .iter()
            .flat_map(|s| &s.tasks)
            .flat_map(|t| {
                t.url
                    .as_deref()
                    .into_iter()
                    .chain(t.route.as_ref().map(|r| r.url.as_str()))
            })
            .collect();
        let pages: Vec<SitePage> = self
            .pages
            .iter()
            .map(|p| SitePage {
                score: p.record.score,
                top_task: top.contains(p.record.url.as_str())
                    || p.duplicates.iter().any(|d| top.contains(d.as_str())),
            })
            .collect();
        let accessibility = score::site_score(&pages);
        drop(top);
        let figures = services.as_ref().map(|services| {
            let rated: Vec<RatedTask> = services
                .tasks
                .iter()
                .map(|t| RatedTask {
                    status: t.status,
                    stars: t.stars,
                })
                .collect();
            let statement = &services.statement;
            (
                score::services_score(&rated),
                score::statement_score(statement.url.is_some(), &statement.checks),
            )
        });
        let (services_score, statement_score) = figures.unzip();
        self.head.scores = Some(Scorecard {
            name,
            accessibility,
            services: services_score,
            statement: statement_score,
        });
        self.head.services = services;
    }

    /// Writes the report in `format` with the engine's renderers, reading one page at a
    /// time back from the store, so the report is never held whole.
    pub fn write(
        &self,
        format: report::Format,
        style: Style,
        out: &mut dyn Write,
        store: &mut PageStore,
    ) -> io::Result<()> {
        let head = &self.head;
        let pages = self.pages.iter().map(|p| self.page(p, store));
        let sink = |s: &str| out.write_all(s.as_bytes());
        report::write(format, head, pages, style, sink)
    }
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
    fn streamed_reports_are_the_engine_model_rendered_whole() {
        use frontdesk_core::{audit, Options};
        use url::Url;

        let mut frontier = Frontier::new(10, None, false);
        let mut store = PageStore::new(Marking::default()).unwrap();
        let mut records = Vec::new();
        let mut audits = Vec::new();
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
            let mut report = audit(html, url, &Options::default().with_status(200));
            records.push(
                PageRecord::new(
                    id,
                    &mut report,
                    &mut store,
                    Some("text/html".into()),
                    5,
                    i as u64,
                    None,
                )
                .unwrap(),
            );
            audits.push(report);
        }
        let inputs = || Inputs {
            root: "https://c.example/".into(),
            scope: SiteScope {
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
        let crawl = build(&frontier, records, inputs());
        // The image without alt fails 1.1.1 and the home page without lang 3.1.1 (both A).
        assert_eq!(
            crawl.gate_failures(&GatePolicy::default())[0].to_string(),
            "gate --fail-on any failed: 2 A/AA failures (limit 0)"
        );
        let mut streamed = Vec::new();
        crawl
            .write(
                report::Format::Json,
                Style::plain(),
                &mut streamed,
                &mut store,
            )
            .unwrap();

        // Pages sorted by URL, each with its fetch facts.
        audits.sort_by(|a, b| a.url.cmp(&b.url));
        let pages = audits
            .into_iter()
            .map(|audit| {
                let fetch = PageFetch {
                    final_url: audit.url.clone(),
                    content_type: Some("text/html".into()),
                    fetch_ms: Some(5),
                    ..PageFetch::default()
                };
                Page::new(audit, Some(fetch))
            })
            .collect();
        let whole = Report::crawl(pages, crawl.head.site.clone().unwrap());
        let expected = whole.to_json_pretty() + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), expected);
        assert!(expected.contains("\"fetch_ms\": 5"));
        assert_eq!(whole.site.as_ref().unwrap().pages_crawled, 2);

        let mut text = Vec::new();
        crawl
            .write(report::Format::Text, Style::plain(), &mut text, &mut store)
            .unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            report::text::render(&whole, Style::plain())
        );

        // No pages at all: `"pages": []`, as serde writes an empty array.
        let empty = build(&Frontier::new(1, None, false), Vec::new(), inputs());
        assert!(empty.gate_failures(&GatePolicy::default()).is_empty());
        let mut streamed = Vec::new();
        empty
            .write(
                report::Format::Json,
                Style::plain(),
                &mut streamed,
                &mut store,
            )
            .unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            empty.head.to_json_pretty() + "\n"
        );
    }

    #[test]
    fn http_messages() {
        assert_eq!(http_message(404), "HTTP 404 Not Found");
        assert_eq!(http_message(599), "HTTP 599");
    }
}
