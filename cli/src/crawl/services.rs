//! The services analysis, driven by the crawl: the council's top tasks, their online routes
//! and the accessibility statement (`frontdesk_core::services`, a state machine without
//! I/O, like the crawler).
//!
//! While the crawl runs, [`Services::add_page`] hands the analysis each page's compact
//! summary (never the page). After the crawl, [`Services::finish`] answers the analysis'
//! requests (route start pages, site-search result pages, the accessibility statement)
//! with the crawl's own fetcher: the same user agent, robots.txt obeyed, the same rate per
//! host, GET and HEAD only, redirects followed here one hop at a time so each hop is
//! checked against robots.txt. Then it scores the tasks.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use frontdesk_core::crawl::exchange::{Answer, Body, Method as ExchangeMethod, Read};
use frontdesk_core::crawl::frontier::{Frontier, State};
use frontdesk_core::crawl::machine::MAX_PAGE_BYTES;
use frontdesk_core::crawl::normalize;
use frontdesk_core::crawl::robots::{Robots, MAX_ROBOTS_BYTES};
use frontdesk_core::services::analysis::{Config, Method, Purpose, Request};
use frontdesk_core::services::{Analysis, PageSummary, ServicesReport};
use tokio::sync::{Mutex, Semaphore};
use tokio::task::JoinSet;
use url::Url;

use super::fetch::Fetcher;
use crate::decode::decode_html;

/// Redirect hops followed for one request, as the crawl does.
const MAX_REDIRECTS: usize = 10;
/// Rounds of requests at most (the analysis asks for three or four; a guard against a
/// loop).
const MAX_ROUNDS: usize = 6;

/// The services analysis as the crawl feeds it.
pub struct Services {
    analysis: Analysis,
}

/// What [`Services::finish`] needs from the crawl.
pub struct Finish {
    pub fetcher: Arc<Fetcher>,
    pub local_root: Option<Url>,
    /// Requests per second per host (0: no limit).
    pub rate: f64,
    pub concurrency: usize,
    /// The robots.txt product token; `None` for folder crawls (no robots.txt).
    pub robots_token: Option<String>,
}

impl Services {
    pub fn new(config: Config, home: Url) -> Self {
        Services {
            analysis: Analysis::new(config, home),
        }
    }

    /// One audited page: its summary, HTTP status (`None` for a file) and its count of
    /// WCAG A/AA failures.
    pub fn add_page(&mut self, summary: PageSummary, status: Option<u16>, failed_a_aa: usize) {
        self.analysis
            .add_page(summary, status.unwrap_or(200), failed_a_aa);
    }

    /// What the crawl met without parsing it: documents, broken links, redirects. `cut_short`
    /// when a limit stopped the crawl before it had seen every page.
    pub fn add_frontier(&mut self, frontier: &Frontier, cut_short: bool) {
        let entries = &frontier.entries;
        for entry in entries {
            let Ok(url) = Url::parse(&entry.url) else {
                continue;
            };
            match &entry.state {
                State::Document {
                    status,
                    content_type,
                    ..
                }
                | State::NotAudited {
                    status,
                    content_type,
                    ..
                } => self
                    .analysis
                    .add_unfetched(&url, *status, content_type.as_deref()),
                State::Broken { status, .. } => self.analysis.add_unfetched(&url, *status, None),
                State::Redirect { to, .. } => {
                    if let Ok(target) = Url::parse(&entries[*to as usize].url) {
                        self.analysis.add_redirect(&url, &target);
                    }
                }
                _ => {}
            }
        }
        if cut_short {
            self.analysis.crawl_cut_short();
        }
    }

    /// Answers the analysis' requests and gives its report, each task with its stars.
    pub async fn finish(mut self, with: Finish) -> ServicesReport {
        let web = Web::new(&with);
        for round in 1..=MAX_ROUNDS {
            let started = std::time::Instant::now();
            let requests = self.analysis.requests();
            tracing::info!(
                round,
                requests = requests.len(),
                ms = started.elapsed().as_millis() as u64,
                "services requests"
            );
            if requests.is_empty() {
                break;
            }
            let mut running = JoinSet::new();
            for request in requests {
                let web = Arc::clone(&web);
                running.spawn(async move {
                    let fetched = web.fetch(request.method, request.url.clone()).await;
                    (request, fetched)
                });
            }
            while let Some(joined) = running.join_next().await {
                let Ok((request, fetched)) = joined else {
                    continue;
                };
                self.answer(&web, request, fetched).await;
            }
        }
        let started = std::time::Instant::now();
        let mut report = self.analysis.finish();
        tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            "services analysis finished"
        );
        for task in &mut report.tasks {
            task.stars = frontdesk_core::score::task_stars(task.status, &task.checks);
        }
        report
    }

    async fn answer(&mut self, web: &Web, request: Request, fetched: Result<Fetched, String>) {
        let page = match fetched {
            Err(why) => return self.analysis.on_error(request.id, &why),
            Ok(page) => page,
        };
        match request.purpose {
            Purpose::Statement => {
                // The one page the analysis reads whole: parsed here, once.
                let doc = page.html.as_deref().map(|html| {
                    frontdesk_core::parse_document_with_loader(
                        html,
                        page.url.as_str(),
                        &|_: &str| None,
                    )
                });
                self.analysis.on_statement(
                    request.id,
                    &page.url,
                    page.status,
                    page.content_type.as_deref(),
                    doc.as_ref(),
                );
            }
            Purpose::Route { .. } | Purpose::SiteSearch { .. } => {
                let summary = match page.html {
                    Some(html) => web.summarise(html, page.url.clone()).await,
                    None => None,
                };
                self.analysis
                    .on_response(request.id, &page.url, page.status, summary);
            }
        }
    }
}

/// A fetched answer, after redirects.
struct Fetched {
    url: Url,
    status: u16,
    content_type: Option<String>,
    /// The decoded HTML, when the answer is an HTML page that was read.
    html: Option<String>,
}

/// The services phase's fetching: the crawl's fetcher, robots.txt per origin, the rate per
/// host.
struct Web {
    fetcher: Arc<Fetcher>,
    local_root: Option<Url>,
    token: Option<String>,
    interval: Duration,
    robots: Mutex<HashMap<String, Arc<Robots>>>,
    /// When each host may be asked next.
    next: std::sync::Mutex<HashMap<String, tokio::time::Instant>>,
    slots: Semaphore,
}

impl Web {
    fn new(with: &Finish) -> Arc<Web> {
        let interval = if with.rate > 0.0 && with.robots_token.is_some() {
            Duration::from_secs_f64(1.0 / with.rate)
        } else {
            Duration::ZERO
        };
        Arc::new(Web {
            fetcher: Arc::clone(&with.fetcher),
            local_root: with.local_root.clone(),
            token: with.robots_token.clone(),
            interval,
            robots: Mutex::new(HashMap::new()),
            next: std::sync::Mutex::new(HashMap::new()),
            slots: Semaphore::new(with.concurrency.max(1)),
        })
    }

    /// GET or HEAD `url`, following redirects, each hop allowed by its robots.txt.
    async fn fetch(&self, method: Method, url: Url) -> Result<Fetched, String> {
        let _slot = self.slots.acquire().await.map_err(|e| e.to_string())?;
        let mut url = url;
        for _ in 0..=MAX_REDIRECTS {
            if !self.allowed(&url).await {
                return Err("blocked by robots.txt".into());
            }
            let mut answer = self.exchange(method, &url).await?;
            // Servers that refuse HEAD are asked again with a GET whose body is not read.
            if method == Method::Head && matches!(answer.status, Some(405 | 501)) {
                answer = self
                    .exchange_raw(ExchangeMethod::Get, &url, Read::Nothing)
                    .await?;
            }
            match answer.redirect_target(&url) {
                Some(Ok(mut next)) => {
                    normalize::normalize(&mut next);
                    url = next;
                    continue;
                }
                Some(Err(why)) => return Err(why),
                None => {}
            }
            let html = match (&answer.body, answer.is_html()) {
                (Body::Complete(bytes), true) => {
                    Some(decode_html(bytes, answer.charset().as_deref()))
                }
                _ => None,
            };
            return Ok(Fetched {
                url,
                // A file that could be read answers like a 200.
                status: answer.status.unwrap_or(200),
                content_type: answer.content_type,
                html,
            });
        }
        Err(format!("more than {MAX_REDIRECTS} redirects"))
    }

    async fn exchange(&self, method: Method, url: &Url) -> Result<Answer, String> {
        match method {
            Method::Get => {
                self.exchange_raw(ExchangeMethod::Get, url, Read::Html(MAX_PAGE_BYTES))
                    .await
            }
            Method::Head => {
                self.exchange_raw(ExchangeMethod::Head, url, Read::Nothing)
                    .await
            }
        }
    }

    async fn exchange_raw(
        &self,
        method: ExchangeMethod,
        url: &Url,
        read: Read,
    ) -> Result<Answer, String> {
        self.pace(url).await;
        self.fetcher
            .exchange(method, url, read)
            .await
            .map_err(|failure| failure.message)
    }

    /// Waits until the host may be asked again at the crawl's rate, and takes that turn: a
    /// turn is taken when the request starts, never booked ahead, so a late task cannot
    /// start together with the next one.
    async fn pace(&self, url: &Url) {
        if self.interval.is_zero() {
            return;
        }
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        loop {
            let wait = {
                let mut next = self.next.lock().expect("pace lock");
                let now = tokio::time::Instant::now();
                // A host not yet asked here may just have been asked by the crawl.
                let at = *next.entry(host.clone()).or_insert(now + self.interval);
                if at <= now {
                    next.insert(host.clone(), now + self.interval);
                    return;
                }
                at
            };
            tokio::time::sleep_until(wait).await;
        }
    }

    /// Whether robots.txt allows `url` (always, for a folder crawl).
    async fn allowed(&self, url: &Url) -> bool {
        let Some(token) = &self.token else {
            return true;
        };
        let origin = url.origin().ascii_serialization();
        let mut cache = self.robots.lock().await;
        if let Some(robots) = cache.get(&origin) {
            return robots.allows(url);
        }
        let robots_url = Robots::url_for(&origin);
        let robots = match Url::parse(&robots_url) {
            Ok(at) => {
                self.pace(&at).await;
                match self
                    .fetcher
                    .exchange(ExchangeMethod::Get, &at, Read::Prefix(MAX_ROBOTS_BYTES))
                    .await
                {
                    Ok(answer) => {
                        let body = match &answer.body {
                            Body::Complete(bytes) => bytes.as_slice(),
                            _ => &[],
                        };
                        match answer.status {
                            // A redirected robots.txt is not followed here: as if absent.
                            Some(status) if (300..400).contains(&status) => {
                                Robots::allow_all(robots_url, Some(status), None)
                            }
                            Some(status) => Robots::from_answer(robots_url, status, body, token),
                            None => Robots::allow_all(robots_url, None, None),
                        }
                    }
                    Err(failure) => Robots::unreachable(robots_url, failure.message),
                }
            }
            Err(_) => Robots::allow_all(robots_url, None, None),
        };
        let robots = Arc::new(robots);
        cache.insert(origin, Arc::clone(&robots));
        robots.allows(url)
    }

    /// A page's summary, parsed on the blocking pool; `None` if the engine failed.
    async fn summarise(&self, html: String, url: Url) -> Option<PageSummary> {
        let root = self.local_root.clone();
        tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(|| {
                let doc =
                    frontdesk_core::parse_document_with_loader(&html, url.as_str(), &|_: &str| {
                        None
                    });
                PageSummary::from_document(&doc, &url, root.as_ref())
            })
            .ok()
        })
        .await
        .ok()
        .flatten()
    }
}
