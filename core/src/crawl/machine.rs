//! The crawl as a state machine: it decides which HTTP exchanges to make, in what order,
//! *when*, and under which rules, and reads their answers; the driver does the I/O.
//!
//! The driver loops: send every [`Request`] that [`Crawler::poll_next`] gives now (each is
//! one exchange: method, URL, which body to read), report each answer with
//! [`Crawler::on_response`] or [`Crawler::on_error`], do the [`Work`] that
//! [`Crawler::next_work`] gives (audit a page, parse a sitemap, keep a style sheet), and
//! when nothing can go now, sleep until [`Crawler::next_wakeup`] or the next completion.
//! The crawl is over when [`Crawler::in_flight`] is zero and `poll_next` gives nothing.
//!
//! What the machine owns:
//!
//! - the [`Frontier`] (every URL met, the queue, `--max-pages`, `--max-depth`, redirects
//!   recorded, deduplication) and the [`Scope`], which the start URL's redirects widen;
//! - robots.txt per origin, for HTTP crawls: nothing is requested from an origin (page,
//!   document, external check, sitemap, style sheet, or any redirect hop of these) before
//!   its robots.txt is known and allows it;
//! - the politeness [`Schedule`]: a request is handed out only once its host's rate,
//!   `Crawl-delay`, `Retry-After` and per-host concurrency allow it;
//! - the exchanges of each task: HEAD then GET for documents, retries of 429/503 and of a
//!   refused connection, redirect hops (a page's go back to the frontier, to be recorded,
//!   deduplicated and robots-checked; robots.txt, sitemaps, style sheets and external
//!   checks follow theirs within the task);
//! - sitemap discovery, seeded by the start origin's robots.txt, stopped once the page
//!   limit is reached.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use url::Url;

use super::exchange::{looks_like_document, Answer, Body, ErrorKind, Failure, Method, Read};
use super::frontier::{ExternalCheck, Frontier, Id, Job, JobKind, State, MAX_REDIRECTS};
use super::normalize::normalize;
use super::politeness::{busy_retry, host_key, Schedule, CONNECT_RETRY_WAIT, MAX_RETRIES};
use super::robots::{Robots, RobotsReport, MAX_ROBOTS_BYTES, MAX_ROBOTS_REDIRECTS};
use super::scope::Scope;
use super::sitemap_parse::Parsed;
use super::sitemaps::{
    Discovery, SitemapFile, SitemapReport, MAX_SITEMAP_BYTES, MAX_SITEMAP_REDIRECTS,
};

/// Largest page read (after decompression). Bigger pages are reported, not audited.
pub const MAX_PAGE_BYTES: usize = 10 * 1024 * 1024;
/// Largest style sheet read.
pub const MAX_SHEET_BYTES: usize = 2 * 1024 * 1024;
/// Redirects followed to reach a style sheet.
pub const MAX_SHEET_REDIRECTS: usize = 5;

/// Limits and switches of one crawl.
#[derive(Debug, Clone)]
pub struct Config {
    /// `--max-pages`: in-scope URLs accepted for fetching, at most.
    pub max_pages: usize,
    /// `--max-depth`: links followed from a seed, at most.
    pub max_depth: Option<u32>,
    /// `--check-external`: check links to other sites.
    pub check_external: bool,
    /// Tasks at once (robots.txt, pages, external checks; sitemaps and style sheets aside),
    /// counted from the moment one is taken from the queue until its result.
    pub concurrency: usize,
    /// An HTTP crawl: obey robots.txt, read sitemaps, ignore style sheets not served as
    /// `text/css` (a folder crawl does none of these).
    pub robots: bool,
    /// `--rate`: requests started per second per host (`0`: no limit, `Crawl-delay` ignored).
    pub rate: f64,
    /// `--host-concurrency`: requests in flight at once per host.
    pub host_concurrency: usize,
    /// The robots.txt product token ([`super::robots_txt::product_token`]).
    pub token: String,
    /// The message of a broken link's HTTP status (`HTTP 404 Not Found`).
    pub http_message: fn(u16) -> String,
}

/// Identifies a request handed out, for the answer.
pub type RequestId = u64;
/// Identifies a task (all the exchanges for one URL), for [`Work`] given back.
pub type TaskId = u64;

/// One HTTP exchange for the driver to make now.
#[derive(Debug, Clone)]
pub struct Request {
    /// To give with the answer.
    pub id: RequestId,
    /// GET or HEAD.
    pub method: Method,
    /// Where.
    pub url: Url,
    /// Which body to read, and its cap.
    pub read: Read,
    /// What it is for (for logs).
    pub purpose: Purpose,
}

/// What a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// An origin's robots.txt (or a redirect hop to it).
    Robots,
    /// A URL of the site: a page or a document.
    Page,
    /// An external link (`--check-external`).
    External,
    /// A sitemap file.
    Sitemap,
    /// A style sheet a page links.
    StyleSheet,
}

/// Work for the driver that is not an exchange.
#[derive(Debug)]
pub enum Work {
    /// Audit a page and answer with [`Crawler::on_audited`] (or
    /// [`Crawler::on_audit_failed`]).
    Audit(Audit),
    /// Parse a sitemap body and answer with [`Crawler::on_sitemap`].
    ParseSitemap {
        /// For the answer.
        task: TaskId,
        /// The file, as listed.
        url: String,
        /// The final answer's status.
        status: Option<u16>,
        /// The body as downloaded (perhaps gzip).
        body: Vec<u8>,
    },
    /// A style sheet asked for with [`Crawler::want_sheet`]: its bytes, or `None` when it
    /// cannot be had (a page is then audited without it, as a browser renders it).
    Sheet {
        /// The address asked for.
        url: String,
        /// The body and the charset of its `Content-Type`.
        css: Option<(Vec<u8>, Option<String>)>,
    },
}

/// A page to audit.
#[derive(Debug)]
pub struct Audit {
    /// For the answer.
    pub task: TaskId,
    /// The page's entry in the frontier.
    pub page: Id,
    /// The page's URL.
    pub url: Url,
    /// HTTP status (`None` for files).
    pub status: Option<u16>,
    /// `Content-Type` as sent.
    pub content_type: Option<String>,
    /// Its `charset`.
    pub charset: Option<String>,
    /// The HTML as received.
    pub body: Vec<u8>,
    /// How long the GET took.
    pub elapsed: Duration,
}

#[derive(Debug)]
enum RobotsState {
    Fetching,
    Known(Arc<Robots>),
}

#[derive(Debug)]
enum Kind {
    Robots {
        origin: String,
        first: String,
    },
    Page {
        job: Job,
        /// Of the answer being audited (for [`Crawler::on_audit_failed`]).
        status: Option<u16>,
        content_type: Option<String>,
    },
    External(Job),
    Sitemap(SitemapFile),
    Sheet(String),
}

/// All the exchanges for one URL, and where they stand.
#[derive(Debug)]
struct Task {
    kind: Kind,
    /// Counts against `concurrency`.
    counts: bool,
    method: Method,
    url: Url,
    read: Read,
    /// Retries made of the current exchange.
    attempt: u32,
    /// Redirects followed within the task.
    hops: usize,
}

impl Task {
    fn purpose(&self) -> Purpose {
        match self.kind {
            Kind::Robots { .. } => Purpose::Robots,
            Kind::Page { .. } => Purpose::Page,
            Kind::External(_) => Purpose::External,
            Kind::Sitemap(_) => Purpose::Sitemap,
            Kind::Sheet(_) => Purpose::StyleSheet,
        }
    }
}

/// Waiting for an origin's robots.txt.
#[derive(Debug)]
enum Held {
    /// A URL of the site, not yet a task (it does not count against `concurrency`).
    Job(Job),
    /// A task at a redirect hop or a first exchange.
    Task(TaskId),
}

/// The crawl's state machine (see the module documentation).
pub struct Crawler {
    config: Config,
    frontier: Frontier,
    scope: Scope,
    start: Url,
    start_id: Id,
    schedule: Schedule,
    robots: HashMap<String, RobotsState>,
    held: HashMap<String, Vec<Held>>,
    /// Pages whose robots.txt has arrived, taken before anything new.
    ready: VecDeque<Job>,
    sitemaps: Option<Discovery>,
    sitemap_in_flight: bool,
    tasks: HashMap<TaskId, Task>,
    /// Tasks whose next exchange waits for its host's turn, oldest first.
    waiting: VecDeque<TaskId>,
    /// Exchanges handed out and not yet answered.
    sent: HashMap<RequestId, TaskId>,
    outbox: VecDeque<Work>,
    /// Tasks that count against `concurrency`.
    busy: usize,
    next_id: u64,
}

impl Crawler {
    /// A crawl from `start` (normalised) within `scope`.
    pub fn new(config: Config, start: Url, scope: Scope) -> Self {
        let mut frontier = Frontier::new(config.max_pages, config.max_depth, config.check_external);
        let start_id = frontier.start(start.clone());
        Crawler {
            schedule: Schedule::new(config.rate, config.host_concurrency),
            config,
            frontier,
            scope,
            start,
            start_id,
            robots: HashMap::new(),
            held: HashMap::new(),
            ready: VecDeque::new(),
            sitemaps: None,
            sitemap_in_flight: false,
            tasks: HashMap::new(),
            waiting: VecDeque::new(),
            sent: HashMap::new(),
            outbox: VecDeque::new(),
            busy: 0,
            next_id: 0,
        }
    }

    /// Every URL met so far, for progress and the report.
    pub fn frontier(&self) -> &Frontier {
        &self.frontier
    }

    /// The site's scope, widened by the start URL's redirects.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// URLs accepted but not yet taken up.
    pub fn waiting(&self) -> usize {
        let held_jobs = self.held.values().flatten();
        self.frontier.queued()
            + self.ready.len()
            + held_jobs.filter(|h| matches!(h, Held::Job(_))).count()
    }

    /// Tasks under way (exchanges in flight or waiting for their turn, pages being
    /// audited, sitemaps being parsed).
    pub fn in_flight(&self) -> usize {
        self.tasks.len()
    }

    /// Records what an origin's robots.txt says (tests, and drivers that fetch one
    /// beforehand). The start origin's `Sitemap:` lines start the sitemap discovery.
    pub fn robots_known(&mut self, url: &Url, robots: Arc<Robots>) {
        self.learn(url.origin().ascii_serialization(), robots, Duration::ZERO);
    }

    /// Why the start URL's origin could not be reached at all (its robots.txt brought no
    /// answer): the site is unreachable.
    pub fn start_unreachable(&self) -> Option<&str> {
        match self.robots.get(&self.start.origin().ascii_serialization()) {
            Some(RobotsState::Known(robots)) => robots.unreachable.as_deref(),
            _ => None,
        }
    }

    /// Every robots.txt read, sorted by URL.
    pub fn robots_reports(&self) -> Vec<RobotsReport> {
        let mut reports: Vec<RobotsReport> = self
            .robots
            .values()
            .filter_map(|state| match state {
                RobotsState::Known(robots) => Some(robots.report.clone()),
                RobotsState::Fetching => None,
            })
            .collect();
        reports.sort_by(|a, b| a.url.cmp(&b.url));
        reports
    }

    fn learn(&mut self, origin: String, robots: Arc<Robots>, now: Duration) {
        if self.config.robots
            && self.sitemaps.is_none()
            && origin == self.start.origin().ascii_serialization()
        {
            self.sitemaps = Some(Discovery::new(robots.sitemaps.clone(), &self.start));
        }
        if let (Some(delay), Ok(url)) = (robots.crawl_delay, Url::parse(&origin)) {
            self.schedule.apply_crawl_delay(&host_key(&url), delay, now);
        }
        self.robots
            .insert(origin.clone(), RobotsState::Known(robots));
        for held in self.held.remove(&origin).unwrap_or_default() {
            match held {
                Held::Job(job) => self.ready.push_back(job),
                Held::Task(task) => self.admit(task),
            }
        }
    }

    /// The next exchange to make at `now` (time since the crawl started), if any.
    pub fn poll_next(&mut self, now: Duration) -> Option<Request> {
        if !self.sitemap_in_flight && !self.frontier.full() {
            if let Some(file) = self.sitemaps.as_mut().and_then(Discovery::next_file) {
                self.start_sitemap(file);
            }
        }
        while self.busy < self.config.concurrency {
            let Some(job) = self.ready.pop_front().or_else(|| self.frontier.next_job()) else {
                break;
            };
            self.take_up(job);
        }
        let position = self.waiting.iter().position(|tid| {
            let task = &self.tasks[tid];
            self.schedule
                .next_start(&host_key(&task.url), now)
                .is_some_and(|at| at <= now)
        })?;
        let tid = self.waiting.remove(position)?;
        let task = &self.tasks[&tid];
        // Cannot fail: next_start said the host may start now.
        self.schedule.try_start(&host_key(&task.url), now).ok()?;
        let id = self.next_id;
        self.next_id += 1;
        self.sent.insert(id, tid);
        Some(Request {
            id,
            method: task.method,
            url: task.url.clone(),
            read: task.read,
            purpose: task.purpose(),
        })
    }

    /// The earliest time a waiting exchange's host allows it to start, when none can now;
    /// `None` when every waiting exchange's host is at its concurrency cap (an answer must
    /// come first) or nothing waits.
    pub fn next_wakeup(&self) -> Option<Duration> {
        self.waiting
            .iter()
            .filter_map(|tid| {
                self.schedule
                    .next_start(&host_key(&self.tasks[tid].url), Duration::ZERO)
            })
            .min()
    }

    /// Work for the driver (audits, sitemap parses, style sheets), oldest first.
    pub fn next_work(&mut self) -> Option<Work> {
        self.outbox.pop_front()
    }

    /// Asks for a style sheet a page links: it comes back as [`Work::Sheet`]. The driver
    /// asks once per address (it keeps the sheets).
    pub fn want_sheet(&mut self, address: String) {
        match Url::parse(&address) {
            Ok(url) => {
                let tid = self.new_task(Kind::Sheet(address), false, Method::Get, url);
                self.tasks.get_mut(&tid).expect("new task").read = Read::Any(MAX_SHEET_BYTES);
                self.admit(tid);
            }
            Err(_) => self.outbox.push_back(Work::Sheet {
                url: address,
                css: None,
            }),
        }
    }

    fn new_task(&mut self, kind: Kind, counts: bool, method: Method, url: Url) -> TaskId {
        let tid = self.next_id;
        self.next_id += 1;
        if counts {
            self.busy += 1;
        }
        let read = match kind {
            Kind::Robots { .. } => Read::Prefix(MAX_ROBOTS_BYTES),
            Kind::Page { .. } if method == Method::Get => Read::Html(MAX_PAGE_BYTES),
            Kind::Sitemap(_) => Read::Any(MAX_SITEMAP_BYTES),
            _ => Read::Nothing,
        };
        self.tasks.insert(
            tid,
            Task {
                kind,
                counts,
                method,
                url,
                read,
                attempt: 0,
                hops: 0,
            },
        );
        tid
    }

    fn finish(&mut self, tid: TaskId) -> Option<Task> {
        let task = self.tasks.remove(&tid)?;
        if task.counts {
            self.busy -= 1;
        }
        if matches!(task.kind, Kind::Sitemap(_)) {
            self.sitemap_in_flight = false;
        }
        Some(task)
    }

    /// A URL from the queue becomes a task, once its origin's robots.txt allows it.
    fn take_up(&mut self, job: Job) {
        let url = job.url.clone();
        if job.kind == JobKind::CheckExternal {
            let tid = self.new_task(Kind::External(job), true, Method::Head, url);
            self.admit(tid);
            return;
        }
        if self.config.robots {
            let origin = url.origin().ascii_serialization();
            match self.robots.get(&origin) {
                Some(RobotsState::Known(robots)) if robots.allows(&url) => {}
                Some(RobotsState::Known(_)) => {
                    self.frontier.set(job.id, not_audited_robots());
                    return;
                }
                Some(RobotsState::Fetching) => {
                    self.held.entry(origin).or_default().push(Held::Job(job));
                    return;
                }
                None => {
                    self.fetch_robots(origin.clone(), true);
                    match self.robots.get(&origin) {
                        Some(RobotsState::Fetching) => {
                            self.held.entry(origin).or_default().push(Held::Job(job))
                        }
                        _ => self.ready.push_back(job),
                    }
                    return;
                }
            }
        }
        // Documents are only listed, so HEAD is enough when the URL says "document".
        let method = if looks_like_document(&url) {
            Method::Head
        } else {
            Method::Get
        };
        let kind = Kind::Page {
            job,
            status: None,
            content_type: None,
        };
        let tid = self.new_task(kind, true, method, url);
        self.waiting.push_back(tid);
    }

    fn fetch_robots(&mut self, origin: String, counts: bool) {
        let first = Robots::url_for(&origin);
        match Url::parse(&first) {
            Ok(url) => {
                self.robots.insert(origin.clone(), RobotsState::Fetching);
                let tid = self.new_task(Kind::Robots { origin, first }, counts, Method::Get, url);
                self.waiting.push_back(tid);
            }
            Err(e) => {
                let robots = Robots::disallow_all(first, None, e.to_string());
                self.learn(origin, Arc::new(robots), Duration::ZERO);
            }
        }
    }

    fn start_sitemap(&mut self, file: SitemapFile) {
        let url = match Url::parse(&file.url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => url,
            Ok(_) => return self.sitemap_failed_early(file, "not an http(s) URL".into()),
            Err(e) => return self.sitemap_failed_early(file, format!("invalid URL: {e}")),
        };
        self.sitemap_in_flight = true;
        let tid = self.new_task(Kind::Sitemap(file), false, Method::Get, url);
        self.admit(tid);
    }

    fn sitemap_failed_early(&mut self, file: SitemapFile, error: String) {
        if let Some(discovery) = self.sitemaps.as_mut() {
            discovery.failed(file, None, error);
        }
    }

    /// A task's next exchange waits for its turn once its origin's robots.txt allows it.
    fn admit(&mut self, tid: TaskId) {
        let url = &self.tasks[&tid].url;
        if !self.config.robots {
            self.waiting.push_back(tid);
            return;
        }
        let origin = url.origin().ascii_serialization();
        match self.robots.get(&origin) {
            Some(RobotsState::Known(robots)) => {
                if robots.allows(url) {
                    self.waiting.push_back(tid);
                } else {
                    self.disallowed(tid);
                }
            }
            Some(RobotsState::Fetching) => {
                self.held.entry(origin).or_default().push(Held::Task(tid));
            }
            None => {
                self.fetch_robots(origin.clone(), false);
                match self.robots.get(&origin) {
                    Some(RobotsState::Fetching) => {
                        self.held.entry(origin).or_default().push(Held::Task(tid))
                    }
                    _ => self.admit(tid),
                }
            }
        }
    }

    fn disallowed(&mut self, tid: TaskId) {
        let Some(task) = self.finish(tid) else {
            return;
        };
        match task.kind {
            Kind::External(job) => self.frontier.set(
                job.id,
                State::External {
                    checked: Some(ExternalCheck {
                        status: None,
                        error: Some(("robots", "not checked: disallowed by robots.txt".into())),
                    }),
                },
            ),
            Kind::Sitemap(file) => {
                if let Some(discovery) = self.sitemaps.as_mut() {
                    discovery.failed(file, None, "disallowed by robots.txt".into());
                }
            }
            Kind::Sheet(url) => self.outbox.push_back(Work::Sheet { url, css: None }),
            Kind::Page { job, .. } => self.frontier.set(job.id, not_audited_robots()),
            Kind::Robots { .. } => {}
        }
    }

    /// The task's next exchange: a fresh one (no retries yet).
    fn next_exchange(&mut self, tid: TaskId, method: Method, url: Url, read: Read, check: bool) {
        let task = self.tasks.get_mut(&tid).expect("task under way");
        task.method = method;
        task.url = url;
        task.read = read;
        task.attempt = 0;
        if check {
            self.admit(tid);
        } else {
            self.waiting.push_back(tid);
        }
    }

    /// The answer to request `id`, which came at `now`.
    pub fn on_response(&mut self, id: RequestId, now: Duration, answer: Answer) {
        let Some(tid) = self.sent.remove(&id) else {
            return;
        };
        let Some(task) = self.tasks.get_mut(&tid) else {
            return;
        };
        let host = host_key(&task.url);
        self.schedule.finish(&host);
        let retry = answer
            .status
            .and_then(|status| busy_retry(task.attempt, status, answer.retry_after));
        if let Some(wait) = retry {
            // The whole host waits, not only this URL (RFC 9110 §10.2.3).
            task.attempt += 1;
            self.schedule.pause_until(&host, now + wait);
            self.waiting.push_back(tid);
            return;
        }
        self.answered(tid, now, Ok(answer));
    }

    /// Request `id` brought no answer (found at `now`).
    pub fn on_error(&mut self, id: RequestId, now: Duration, failure: Failure) {
        let Some(tid) = self.sent.remove(&id) else {
            return;
        };
        let Some(task) = self.tasks.get_mut(&tid) else {
            return;
        };
        let host = host_key(&task.url);
        self.schedule.finish(&host);
        if failure.kind == ErrorKind::Connect && task.attempt == 0 {
            // Once: a server restarting refuses connections for a moment.
            task.attempt = MAX_RETRIES;
            self.schedule.pause_until(&host, now + CONNECT_RETRY_WAIT);
            self.waiting.push_back(tid);
            return;
        }
        self.answered(tid, now, Err(failure));
    }

    fn answered(&mut self, tid: TaskId, now: Duration, result: Result<Answer, Failure>) {
        match self.tasks[&tid].kind {
            Kind::Robots { .. } => self.robots_answer(tid, now, result),
            Kind::Page { .. } => self.page_answer(tid, result),
            Kind::External(_) => self.external_answer(tid, result),
            Kind::Sitemap(_) => self.sitemap_answer(tid, result),
            Kind::Sheet(_) => self.sheet_answer(tid, result),
        }
    }

    fn robots_answer(&mut self, tid: TaskId, now: Duration, result: Result<Answer, Failure>) {
        let task = &self.tasks[&tid];
        let Kind::Robots { first, .. } = &task.kind else {
            return;
        };
        let first = first.clone();
        let robots = match result {
            Err(failure) => Robots::unreachable(first, failure.message),
            Ok(answer) => match answer.redirect_target(&task.url) {
                Some(Ok(target)) if task.hops < MAX_ROBOTS_REDIRECTS => {
                    self.hop(tid);
                    let read = Read::Prefix(MAX_ROBOTS_BYTES);
                    return self.next_exchange(tid, Method::Get, target, read, false);
                }
                Some(Ok(_)) => Robots::allow_all(first, None, Some("too many redirects".into())),
                Some(Err(e)) => Robots::allow_all(first, answer.status, Some(e)),
                None => {
                    let body = match &answer.body {
                        Body::Complete(bytes) => &bytes[..],
                        _ => &[],
                    };
                    let status = answer.status.unwrap_or(200);
                    Robots::from_answer(first, status, body, &self.config.token)
                }
            },
        };
        if let Some(Task {
            kind: Kind::Robots { origin, .. },
            ..
        }) = self.finish(tid)
        {
            self.learn(origin, Arc::new(robots), now);
        }
    }

    fn hop(&mut self, tid: TaskId) {
        if let Some(task) = self.tasks.get_mut(&tid) {
            task.hops += 1;
        }
    }

    fn page_answer(&mut self, tid: TaskId, result: Result<Answer, Failure>) {
        let task = &self.tasks[&tid];
        let answer = match result {
            Ok(answer) => answer,
            Err(failure) => {
                let state = State::Broken {
                    status: None,
                    kind: failure.kind.as_str(),
                    message: failure.message,
                };
                return self.page_done(tid, state);
            }
        };
        let url = task.url.clone();
        // GET when the server refuses HEAD, or says the "document" is a page after all.
        if task.method == Method::Head
            && (matches!(answer.status, Some(405 | 501)) || answer.is_html())
        {
            return self.next_exchange(tid, Method::Get, url, Read::Html(MAX_PAGE_BYTES), false);
        }
        let status = answer.status;
        if let Some(target) = answer.redirect_target(&url) {
            let state = match target {
                Ok(mut target) => {
                    normalize(&mut target);
                    if target == url {
                        State::Broken {
                            status,
                            kind: "redirect-loop",
                            message: "redirects to itself".into(),
                        }
                    } else {
                        if let Some(Task {
                            kind: Kind::Page { job, .. },
                            ..
                        }) = self.finish(tid)
                        {
                            self.frontier
                                .redirect(&job, status, target, &mut self.scope);
                        }
                        return;
                    }
                }
                Err(message) => State::Broken {
                    status,
                    kind: "bad-redirect",
                    message,
                },
            };
            return self.page_done(tid, state);
        }
        if let Some(code) = status.filter(|&s| s >= 400) {
            let state = State::Broken {
                status,
                kind: "http",
                message: (self.config.http_message)(code),
            };
            return self.page_done(tid, state);
        }
        let content_type = answer.content_type.clone();
        let document = State::Document {
            status,
            content_type: content_type.clone(),
            length: answer.length,
        };
        if !answer.is_html() {
            return self.page_done(tid, document);
        }
        let charset = answer.charset();
        let body = match answer.body {
            Body::Complete(bytes) => bytes,
            Body::NotRead => return self.page_done(tid, document),
            Body::TooLarge => {
                let state = State::NotAudited {
                    status,
                    content_type,
                    reason: "too-large",
                    message: format!(
                        "the page is larger than {} MB, the most frontdesk reads",
                        MAX_PAGE_BYTES / (1024 * 1024)
                    ),
                };
                return self.page_done(tid, state);
            }
        };
        let Some(Task {
            kind:
                Kind::Page {
                    job,
                    status: audited_status,
                    content_type: audited_type,
                },
            ..
        }) = self.tasks.get_mut(&tid)
        else {
            return;
        };
        *audited_status = status;
        audited_type.clone_from(&content_type);
        self.outbox.push_back(Work::Audit(Audit {
            task: tid,
            page: job.id,
            url,
            status,
            content_type,
            charset,
            body,
            elapsed: answer.elapsed,
        }));
    }

    fn page_done(&mut self, tid: TaskId, state: State) {
        if let Some(Task {
            kind: Kind::Page { job, .. },
            ..
        }) = self.finish(tid)
        {
            self.frontier.set(job.id, state);
        }
    }

    /// A page audited: the links it gives (absolute, normalised) are offered to the crawl.
    pub fn on_audited(&mut self, task: TaskId, links: Vec<Url>) {
        let Some(Task {
            kind: Kind::Page { job, .. },
            ..
        }) = self.finish(task)
        else {
            return;
        };
        self.frontier.set(job.id, State::Page);
        let from = Arc::clone(self.frontier.url(job.id));
        for link in links {
            self.frontier
                .offer_link(link, &from, job.depth + 1, &self.scope);
        }
    }

    /// A page the engine failed to audit (a frontdesk bug).
    pub fn on_audit_failed(&mut self, task: TaskId) {
        let Some(Task {
            kind:
                Kind::Page {
                    status,
                    content_type,
                    ..
                },
            ..
        }) = self.tasks.get(&task)
        else {
            return;
        };
        let state = State::NotAudited {
            status: *status,
            content_type: content_type.clone(),
            reason: "internal-error",
            message: "internal error while checking the page (a frontdesk bug: please report it)"
                .into(),
        };
        self.page_done(task, state);
    }

    fn external_answer(&mut self, tid: TaskId, result: Result<Answer, Failure>) {
        let task = &self.tasks[&tid];
        let check = match result {
            Err(failure) => ExternalCheck {
                status: None,
                error: Some((failure.kind.as_str(), failure.message)),
            },
            Ok(answer) => {
                let url = task.url.clone();
                // Servers that refuse HEAD: GET, without reading the body.
                if task.method == Method::Head && matches!(answer.status, Some(405 | 501)) {
                    return self.next_exchange(tid, Method::Get, url, Read::Nothing, false);
                }
                match answer.redirect_target(&url) {
                    Some(Ok(target)) if task.hops < MAX_REDIRECTS as usize => {
                        self.hop(tid);
                        return self.next_exchange(tid, Method::Head, target, Read::Nothing, true);
                    }
                    Some(Ok(_)) => ExternalCheck {
                        status: None,
                        error: Some((
                            "too-many-redirects",
                            format!("more than {MAX_REDIRECTS} redirects in a row"),
                        )),
                    },
                    Some(Err(message)) => ExternalCheck {
                        status: answer.status,
                        error: Some(("bad-redirect", message)),
                    },
                    None => ExternalCheck {
                        status: answer.status,
                        error: None,
                    },
                }
            }
        };
        if let Some(Task {
            kind: Kind::External(job),
            ..
        }) = self.finish(tid)
        {
            self.frontier.set(
                job.id,
                State::External {
                    checked: Some(check),
                },
            );
        }
    }

    fn sitemap_answer(&mut self, tid: TaskId, result: Result<Answer, Failure>) {
        let task = &self.tasks[&tid];
        let answer = match result {
            Ok(answer) => answer,
            Err(failure) => return self.sitemap_failed(tid, None, failure.message),
        };
        let status = answer.status;
        match answer.redirect_target(&task.url) {
            Some(Ok(target)) if task.hops < MAX_SITEMAP_REDIRECTS => {
                if !matches!(target.scheme(), "http" | "https") {
                    return self.sitemap_failed(tid, None, "not an http(s) URL".into());
                }
                self.hop(tid);
                let read = Read::Any(MAX_SITEMAP_BYTES);
                return self.next_exchange(tid, Method::Get, target, read, true);
            }
            Some(Ok(_)) => return self.sitemap_failed(tid, None, "too many redirects".into()),
            Some(Err(e)) => return self.sitemap_failed(tid, status, e),
            None => {}
        }
        if !status.is_some_and(|s| (200..300).contains(&s)) {
            let error = format!("HTTP {}", status.unwrap_or(0));
            return self.sitemap_failed(tid, status, error);
        }
        let Kind::Sitemap(file) = &task.kind else {
            return;
        };
        let url = file.url.clone();
        match answer.body {
            Body::Complete(body) => self.outbox.push_back(Work::ParseSitemap {
                task: tid,
                url,
                status,
                body,
            }),
            Body::TooLarge => {
                let error = format!("larger than {} MB", MAX_SITEMAP_BYTES / (1024 * 1024));
                self.sitemap_failed(tid, status, error)
            }
            Body::NotRead => self.sitemap_failed(tid, status, "no body".into()),
        }
    }

    fn sitemap_failed(&mut self, tid: TaskId, status: Option<u16>, error: String) {
        if let Some(Task {
            kind: Kind::Sitemap(file),
            ..
        }) = self.finish(tid)
        {
            if let Some(discovery) = self.sitemaps.as_mut() {
                discovery.failed(file, status, error);
            }
        }
    }

    /// A sitemap body, parsed: its in-scope pages become seeds.
    pub fn on_sitemap(&mut self, task: TaskId, status: Option<u16>, parsed: Parsed) {
        let Some(Task {
            kind: Kind::Sitemap(file),
            ..
        }) = self.finish(task)
        else {
            return;
        };
        let Some(discovery) = self.sitemaps.as_mut() else {
            return;
        };
        for url in discovery.parsed(file, status, parsed) {
            if self.frontier.full() {
                break;
            }
            self.frontier.offer_seed(url, &self.scope);
        }
    }

    fn sheet_answer(&mut self, tid: TaskId, result: Result<Answer, Failure>) {
        let task = &self.tasks[&tid];
        let css = match result {
            Err(_) => None,
            Ok(answer) => match answer.redirect_target(&task.url) {
                Some(Ok(target)) if task.hops < MAX_SHEET_REDIRECTS => {
                    self.hop(tid);
                    let read = Read::Any(MAX_SHEET_BYTES);
                    return self.next_exchange(tid, Method::Get, target, read, true);
                }
                Some(_) => None,
                None if answer.status.is_some_and(|s| !(200..300).contains(&s)) => None,
                // Browsers ignore a sheet served with another type (standards mode).
                None if self.config.robots && answer.essence().is_some_and(|e| e != "text/css") => {
                    None
                }
                None => {
                    let charset = answer.charset();
                    match answer.body {
                        Body::Complete(bytes) => Some((bytes, charset)),
                        _ => None,
                    }
                }
            },
        };
        if let Some(Task {
            kind: Kind::Sheet(url),
            ..
        }) = self.finish(tid)
        {
            self.outbox.push_back(Work::Sheet { url, css });
        }
    }

    /// Every sitemap file read or tried, sorted by URL.
    pub fn sitemap_reports(&mut self) -> Vec<SitemapReport> {
        self.sitemaps
            .take()
            .map(Discovery::into_reports)
            .unwrap_or_default()
    }

    /// One line on why the crawl audited nothing, following the start URL's redirects.
    pub fn why_no_pages(&self) -> String {
        let start = &self.start;
        let mut id = self.start_id;
        for _ in 0..=MAX_REDIRECTS as usize + 1 {
            let entry = &self.frontier.entries[id as usize];
            match &entry.state {
                State::Redirect { to, .. } => id = *to,
                State::Broken { message, .. } | State::NotAudited { message, .. } => {
                    return format!("no page could be audited: '{}': {message}", entry.url)
                }
                State::Document { content_type, .. } => {
                    return format!(
                        "no page could be audited: '{}' is not an HTML page ({})",
                        entry.url,
                        content_type.as_deref().unwrap_or("unknown type")
                    )
                }
                State::NotCrawled { reason } => {
                    return format!(
                        "no page could be audited: '{start}' redirects to '{}', which was not crawled ({reason})",
                        entry.url
                    )
                }
                State::External { .. } => {
                    return format!(
                        "no page could be audited: '{start}' redirects outside the site, to '{}'",
                        entry.url
                    )
                }
                State::Queued | State::Page => break,
            }
        }
        format!("no page could be audited starting from '{start}'")
    }
}

fn not_audited_robots() -> State {
    State::NotAudited {
        status: None,
        content_type: None,
        reason: "robots",
        message: "disallowed by robots.txt".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn crawler_with(
        max_pages: usize,
        concurrency: usize,
        robots: bool,
        rate: f64,
        include: &[&str],
    ) -> Crawler {
        let start = u("https://c.example/");
        let include: Vec<String> = include.iter().map(|s| s.to_string()).collect();
        let scope = Scope::for_site(&start, &include, &[]).unwrap();
        let config = Config {
            max_pages,
            max_depth: None,
            check_external: true,
            concurrency,
            robots,
            rate,
            host_concurrency: concurrency,
            token: "frontdesk".into(),
            http_message: |code| format!("HTTP {code}"),
        };
        Crawler::new(config, start, scope)
    }

    fn crawler(max_pages: usize, concurrency: usize, robots: bool) -> Crawler {
        crawler_with(max_pages, concurrency, robots, 0.0, &[])
    }

    fn robots(body: &str) -> Arc<Robots> {
        let url = "https://c.example/robots.txt".to_string();
        Arc::new(Robots::from_answer(url, 200, body.as_bytes(), "frontdesk"))
    }

    fn with_body(status: u16, content_type: &str, body: &str) -> Answer {
        Answer {
            content_type: Some(content_type.into()),
            body: Body::Complete(body.as_bytes().to_vec()),
            ..Answer::status(status)
        }
    }

    fn html() -> Answer {
        with_body(200, "text/html", "<p>hello</p>")
    }

    fn typed(status: u16, content_type: &str) -> Answer {
        Answer {
            content_type: Some(content_type.into()),
            ..Answer::status(status)
        }
    }

    fn redirect(status: u16, location: &str) -> Answer {
        Answer {
            location: Some(location.into()),
            ..Answer::status(status)
        }
    }

    fn busy(status: u16, retry_after_secs: u64) -> Answer {
        Answer {
            retry_after: Some(Duration::from_secs(retry_after_secs)),
            ..Answer::status(status)
        }
    }

    fn about(r: &Request) -> String {
        let method = match r.method {
            Method::Get => "GET",
            Method::Head => "HEAD",
        };
        format!("{method} {}", r.url)
    }

    /// Every request the crawler gives at `now`.
    fn drain(c: &mut Crawler, now: Duration) -> Vec<Request> {
        std::iter::from_fn(|| c.poll_next(now)).collect()
    }

    fn abouts(requests: &[Request]) -> Vec<String> {
        requests.iter().map(about).collect()
    }

    fn id_of(requests: &[Request], about_: &str) -> RequestId {
        requests
            .iter()
            .find(|r| about(r) == about_)
            .expect(about_)
            .id
    }

    /// Does the work the answers gave: pages link to `links(url)`, sitemaps list nothing.
    fn do_work(c: &mut Crawler, links: &dyn Fn(&Url) -> Vec<Url>) {
        while let Some(work) = c.next_work() {
            match work {
                Work::Audit(audit) => c.on_audited(audit.task, links(&audit.url)),
                Work::ParseSitemap { task, status, .. } => {
                    c.on_sitemap(task, status, Parsed::default())
                }
                Work::Sheet { .. } => {}
            }
        }
    }

    /// Answers request `id` with an HTML page linking to `links`.
    fn give_page(c: &mut Crawler, id: RequestId, links: &[&str]) {
        c.on_response(id, Duration::ZERO, html());
        let links: Vec<Url> = links.iter().map(|l| u(l)).collect();
        do_work(c, &|_| links.clone());
    }

    fn state<'a>(c: &'a Crawler, url: &str) -> &'a State {
        let id = c.frontier().get(url).expect(url);
        &c.frontier().entries[id as usize].state
    }

    /// A driver on a fake clock: answers each request at once with `answer`, sleeps until
    /// `next_wakeup` when nothing can go; returns each request and when it started (ms).
    fn on_a_fake_clock(
        c: &mut Crawler,
        answer: &mut dyn FnMut(&Request) -> Answer,
        links: &dyn Fn(&Url) -> Vec<Url>,
    ) -> Vec<(String, u64)> {
        let mut now = Duration::ZERO;
        let mut started = Vec::new();
        loop {
            if let Some(request) = c.poll_next(now) {
                started.push((about(&request), now.as_millis() as u64));
                let a = answer(&request);
                c.on_response(request.id, now, a);
                do_work(c, links);
                continue;
            }
            match c.next_wakeup() {
                Some(at) => {
                    assert!(at > now, "woken at {at:?} for nothing at {now:?}");
                    now = at;
                }
                None => break,
            }
        }
        assert_eq!(c.in_flight(), 0);
        started
    }

    fn log(entries: &[(&str, u64)]) -> Vec<(String, u64)> {
        entries.iter().map(|(a, t)| (a.to_string(), *t)).collect()
    }

    /// RFC 9309 §2.2.2: a disallowed URL is not fetched; robots.txt is read before the
    /// origin's first page.
    #[test]
    fn robots_txt_comes_first_and_disallowed_pages_are_never_requested() {
        let mut c = crawler(100, 4, true);
        let first = drain(&mut c, MS(0));
        assert_eq!(abouts(&first), ["GET https://c.example/robots.txt"]);
        let rules = with_body(200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        c.on_response(first[0].id, MS(0), rules);
        let next = drain(&mut c, MS(0));
        assert_eq!(
            abouts(&next),
            [
                "GET https://c.example/sitemap.xml",
                "GET https://c.example/"
            ]
        );
        give_page(
            &mut c,
            id_of(&next, "GET https://c.example/"),
            &[
                "https://c.example/a",
                "https://c.example/private/x",
                "https://c.example/b",
            ],
        );
        assert_eq!(
            abouts(&drain(&mut c, MS(0))),
            ["GET https://c.example/a", "GET https://c.example/b"]
        );
        assert!(matches!(
            state(&c, "https://c.example/private/x"),
            State::NotAudited {
                reason: "robots",
                ..
            }
        ));
        assert_eq!(c.robots_reports()[0].outcome, "rules");
    }

    /// RFC 9309 §2.3.1.4: no answer at all means the site cannot be reached.
    #[test]
    fn an_unreachable_start_origin_is_said() {
        let mut c = crawler(100, 4, true);
        let first = drain(&mut c, MS(0));
        let refused = || Failure::new(ErrorKind::Connect, "connection refused");
        c.on_error(first[0].id, MS(0), refused());
        assert!(
            c.start_unreachable().is_none(),
            "a refused connection is retried once"
        );
        assert_eq!(c.next_wakeup(), Some(CONNECT_RETRY_WAIT));
        let again = drain(&mut c, CONNECT_RETRY_WAIT);
        assert_eq!(abouts(&again), ["GET https://c.example/robots.txt"]);
        c.on_error(again[0].id, CONNECT_RETRY_WAIT, refused());
        assert_eq!(c.start_unreachable(), Some("connection refused"));
    }

    #[test]
    fn each_new_origin_gets_its_robots_txt_once_before_its_pages() {
        let mut c = crawler(100, 4, true);
        c.robots_known(&u("https://c.example/"), robots(""));
        let first = drain(&mut c, MS(0));
        c.on_response(
            id_of(&first, "GET https://c.example/sitemap.xml"),
            MS(0),
            Answer::status(404),
        );
        // The start URL redirects to www., which joins the site (another origin).
        c.on_response(
            id_of(&first, "GET https://c.example/"),
            MS(0),
            redirect(301, "https://www.c.example/"),
        );
        let next = drain(&mut c, MS(0));
        assert_eq!(abouts(&next), ["GET https://www.c.example/robots.txt"]);
        c.on_response(next[0].id, MS(0), Answer::status(404));
        let www = drain(&mut c, MS(0));
        assert_eq!(abouts(&www), ["GET https://www.c.example/"]);
        give_page(
            &mut c,
            www[0].id,
            &["https://www.c.example/a", "https://www.c.example/b"],
        );
        assert_eq!(
            abouts(&drain(&mut c, MS(0))),
            ["GET https://www.c.example/a", "GET https://www.c.example/b"]
        );
    }

    #[test]
    fn max_pages_stops_the_crawl() {
        let mut c = crawler(2, 4, false);
        let start = drain(&mut c, MS(0));
        assert_eq!(abouts(&start), ["GET https://c.example/"]);
        give_page(
            &mut c,
            start[0].id,
            &[
                "https://c.example/a",
                "https://c.example/b",
                "https://c.example/c",
            ],
        );
        let next = drain(&mut c, MS(0));
        assert_eq!(abouts(&next), ["GET https://c.example/a"]);
        give_page(&mut c, next[0].id, &["https://c.example/d"]);
        assert!(drain(&mut c, MS(0)).is_empty());
        assert_eq!(c.in_flight(), 0);
        assert!(c.frontier().full());
        // b, c and d were seen and refused by the limit.
        assert_eq!(c.frontier().not_crawled.max_pages.len(), 3);
    }

    #[test]
    fn concurrency_caps_requests_in_flight() {
        let mut c = crawler(100, 2, false);
        let start = drain(&mut c, MS(0));
        let links: Vec<String> = (0..5).map(|i| format!("https://c.example/{i}")).collect();
        let links: Vec<&str> = links.iter().map(String::as_str).collect();
        give_page(&mut c, start[0].id, &links);
        let two = drain(&mut c, MS(0));
        assert_eq!(
            abouts(&two),
            ["GET https://c.example/0", "GET https://c.example/1"]
        );
        c.on_response(two[0].id, MS(0), typed(200, "application/pdf"));
        assert_eq!(abouts(&drain(&mut c, MS(0))), ["GET https://c.example/2"]);
    }

    #[test]
    fn a_url_reached_twice_through_redirects_is_fetched_once() {
        let mut c = crawler(100, 4, false);
        let start = drain(&mut c, MS(0));
        give_page(
            &mut c,
            start[0].id,
            &["https://c.example/old", "https://c.example/new"],
        );
        let both = drain(&mut c, MS(0));
        c.on_response(
            id_of(&both, "GET https://c.example/old"),
            MS(0),
            redirect(301, "/new"),
        );
        assert!(drain(&mut c, MS(0)).is_empty());
        assert!(matches!(
            state(&c, "https://c.example/old"),
            State::Redirect {
                status: Some(301),
                ..
            }
        ));
    }

    #[test]
    fn sitemap_pages_are_seeds_until_the_page_limit() {
        let mut c = crawler(3, 4, true);
        c.robots_known(
            &u("https://c.example/"),
            robots("Sitemap: https://c.example/s.xml\n"),
        );
        let first = drain(&mut c, MS(0));
        assert_eq!(
            abouts(&first),
            ["GET https://c.example/s.xml", "GET https://c.example/"]
        );
        c.on_response(
            first[0].id,
            MS(0),
            with_body(200, "application/xml", "<x/>"),
        );
        let Some(Work::ParseSitemap { task, status, .. }) = c.next_work() else {
            panic!("the sitemap body is the driver's to parse");
        };
        let listed = Parsed {
            pages: vec![
                "https://c.example/orphan".into(),
                "https://other.example/x".into(),
                "https://c.example/old-form".into(),
                "https://c.example/third".into(),
            ],
            ..Parsed::default()
        };
        c.on_sitemap(task, status, listed);
        assert_eq!(
            abouts(&drain(&mut c, MS(0))),
            [
                "GET https://c.example/orphan",
                "GET https://c.example/old-form"
            ]
        );
        // Full: the default /sitemap.xml is not read.
        assert!(c.frontier().full());
        assert!(drain(&mut c, MS(0)).is_empty());
        let reports = c.sitemap_reports();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].urls, 4);
    }

    fn root_links(url: &Url) -> Vec<Url> {
        if url.path() == "/" && url.host_str() == Some("c.example") {
            [
                "https://c.example/a",
                "https://c.example/b",
                "https://c.example/c",
            ]
            .iter()
            .map(|l| u(l))
            .collect()
        } else {
            Vec::new()
        }
    }

    #[test]
    fn four_requests_per_second_start_250_ms_apart() {
        let mut c = crawler_with(100, 1, false, 4.0, &[]);
        let started = on_a_fake_clock(&mut c, &mut |_| html(), &root_links);
        assert_eq!(
            started,
            log(&[
                ("GET https://c.example/", 0),
                ("GET https://c.example/a", 250),
                ("GET https://c.example/b", 500),
                ("GET https://c.example/c", 750),
            ])
        );
    }

    /// RFC 9110 §10.2.3: Retry-After says how long to wait before the next request to the
    /// server that sent it; other hosts are not held back.
    #[test]
    fn a_429_with_retry_after_delays_that_host_only() {
        let mut c = crawler_with(100, 4, false, 0.0, &["https://other.example/**"]);
        let mut busy_once = true;
        let links = |url: &Url| match url.as_str() {
            "https://c.example/" => vec![
                u("https://c.example/a"),
                u("https://c.example/b"),
                u("https://other.example/x"),
            ],
            _ => Vec::new(),
        };
        let started = on_a_fake_clock(
            &mut c,
            &mut |r| {
                if r.url.path() == "/a" && std::mem::take(&mut busy_once) {
                    busy(429, 2)
                } else {
                    html()
                }
            },
            &links,
        );
        assert_eq!(
            started,
            log(&[
                ("GET https://c.example/", 0),
                ("GET https://c.example/a", 0),
                ("GET https://other.example/x", 0),
                ("GET https://c.example/b", 2000),
                ("GET https://c.example/a", 2000),
            ])
        );
        assert!(matches!(state(&c, "https://c.example/a"), State::Page));
    }

    /// A server that stays busy is reported after one try and three retries.
    #[test]
    fn busy_answers_are_retried_a_bounded_number_of_times() {
        let mut c = crawler(100, 1, false);
        let started = on_a_fake_clock(&mut c, &mut |_| busy(503, 1), &root_links);
        let times: Vec<u64> = started.iter().map(|(_, t)| *t).collect();
        assert_eq!(times, [0, 1000, 2000, 3000]);
        assert!(matches!(
            state(&c, "https://c.example/"),
            State::Broken {
                status: Some(503),
                kind: "http",
                ..
            }
        ));
    }

    /// Each hop of a redirect chain is a URL of its own: recorded, and fetched only if
    /// its origin's robots.txt (read first, for a new origin) allows it (RFC 9309 §2.2.2).
    #[test]
    fn a_redirect_chain_is_followed_hop_by_hop_and_each_hop_is_robots_checked() {
        let mut c = crawler(100, 4, true);
        c.robots_known(&u("https://c.example/"), robots(""));
        let started = on_a_fake_clock(
            &mut c,
            &mut |r| match r.url.as_str() {
                "https://c.example/sitemap.xml" => Answer::status(404),
                "https://c.example/" => redirect(301, "https://www.c.example/"),
                "https://www.c.example/robots.txt" => {
                    with_body(200, "text/plain", "User-agent: *\nDisallow: /private/\n")
                }
                "https://www.c.example/" => redirect(301, "/moved"),
                "https://www.c.example/moved" => redirect(302, "/private/x"),
                other => panic!("{other} must not be requested"),
            },
            &|_| Vec::new(),
        );
        assert_eq!(
            started,
            log(&[
                ("GET https://c.example/sitemap.xml", 0),
                ("GET https://c.example/", 0),
                ("GET https://www.c.example/robots.txt", 0),
                ("GET https://www.c.example/", 0),
                ("GET https://www.c.example/moved", 0),
            ])
        );
        for (url, status) in [
            ("https://c.example/", 301),
            ("https://www.c.example/", 301),
            ("https://www.c.example/moved", 302),
        ] {
            assert!(
                matches!(state(&c, url), State::Redirect { status: Some(s), .. } if *s == status),
                "{url}: {:?}",
                state(&c, url)
            );
        }
        assert!(matches!(
            state(&c, "https://www.c.example/private/x"),
            State::NotAudited {
                reason: "robots",
                ..
            }
        ));
    }

    /// An external check follows its redirects within the check, and obeys the robots.txt
    /// of every origin it reaches.
    #[test]
    fn an_external_check_obeys_robots_txt_on_every_hop() {
        let mut c = crawler(100, 4, true);
        c.robots_known(&u("https://c.example/"), robots(""));
        let started = on_a_fake_clock(
            &mut c,
            &mut |r| match r.url.as_str() {
                "https://c.example/sitemap.xml" => Answer::status(404),
                "https://c.example/" => html(),
                "https://ext.example/robots.txt" => Answer::status(404),
                "https://ext.example/go" => redirect(301, "https://far.example/x"),
                "https://far.example/robots.txt" => {
                    with_body(200, "text/plain", "User-agent: *\nDisallow: /\n")
                }
                other => panic!("{other} must not be requested"),
            },
            &|url| match url.as_str() {
                "https://c.example/" => vec![u("https://ext.example/go")],
                _ => Vec::new(),
            },
        );
        assert_eq!(
            started,
            log(&[
                ("GET https://c.example/sitemap.xml", 0),
                ("GET https://c.example/", 0),
                ("GET https://ext.example/robots.txt", 0),
                ("HEAD https://ext.example/go", 0),
                ("GET https://far.example/robots.txt", 0),
            ])
        );
        let State::External {
            checked: Some(check),
        } = state(&c, "https://ext.example/go")
        else {
            panic!("checked");
        };
        assert_eq!(check.error.as_ref().map(|e| e.0), Some("robots"));
    }

    /// Documents are asked for with HEAD; GET follows only when the server refuses HEAD
    /// (RFC 9110 §15.5.6, §15.6.2) or the answer says the URL is a page after all.
    #[test]
    fn head_then_get_for_a_document() {
        let mut c = crawler(100, 1, false);
        let started = on_a_fake_clock(
            &mut c,
            &mut |r| match (r.method, r.url.path()) {
                (_, "/") => html(),
                (Method::Head, "/report.pdf") => typed(200, "application/pdf"),
                (Method::Head, "/page.pdf") => typed(200, "text/html"),
                (Method::Get, "/page.pdf") => html(),
                (Method::Head, "/refused.pdf") => Answer::status(405),
                (Method::Get, "/refused.pdf") => {
                    assert_eq!(r.read, Read::Html(MAX_PAGE_BYTES));
                    typed(200, "application/pdf")
                }
                _ => panic!("{} must not be requested", about(r)),
            },
            &|url| match url.path() {
                "/" => ["/report.pdf", "/page.pdf", "/refused.pdf"]
                    .iter()
                    .map(|p| url.join(p).unwrap())
                    .collect(),
                _ => Vec::new(),
            },
        );
        assert_eq!(
            abouts_of(&started),
            [
                "GET https://c.example/",
                "HEAD https://c.example/report.pdf",
                "HEAD https://c.example/page.pdf",
                "GET https://c.example/page.pdf",
                "HEAD https://c.example/refused.pdf",
                "GET https://c.example/refused.pdf",
            ]
        );
        assert!(matches!(
            state(&c, "https://c.example/report.pdf"),
            State::Document {
                status: Some(200),
                ..
            }
        ));
        assert!(matches!(
            state(&c, "https://c.example/page.pdf"),
            State::Page
        ));
        assert!(matches!(
            state(&c, "https://c.example/refused.pdf"),
            State::Document { .. }
        ));
    }

    /// RFC 9309 §2.3.1.2: robots.txt redirects are followed (at least five hops), and the
    /// rules at the end apply to the origin asked about.
    #[test]
    fn a_redirected_robots_txt_is_followed() {
        let mut c = crawler(100, 4, true);
        let started = on_a_fake_clock(
            &mut c,
            &mut |r| match r.url.as_str() {
                "https://c.example/robots.txt" => redirect(301, "https://cdn.example/robots.txt"),
                "https://cdn.example/robots.txt" => {
                    with_body(200, "text/plain", "User-agent: *\nDisallow: /private/\n")
                }
                "https://c.example/sitemap.xml" => Answer::status(404),
                "https://c.example/" => html(),
                other => panic!("{other} must not be requested"),
            },
            &|url| match url.path() {
                "/" => vec![u("https://c.example/private/x")],
                _ => Vec::new(),
            },
        );
        assert_eq!(
            abouts_of(&started),
            [
                "GET https://c.example/robots.txt",
                "GET https://cdn.example/robots.txt",
                "GET https://c.example/sitemap.xml",
                "GET https://c.example/",
            ]
        );
        assert!(matches!(
            state(&c, "https://c.example/private/x"),
            State::NotAudited {
                reason: "robots",
                ..
            }
        ));
        let reports = c.robots_reports();
        assert_eq!(reports[0].url, "https://c.example/robots.txt");
        assert_eq!(reports[0].outcome, "rules");
    }

    /// Style sheets obey robots.txt on every hop, and one served as another type than
    /// `text/css` is ignored, as browsers do in standards mode (HTML, "link type
    /// stylesheet").
    #[test]
    fn style_sheets_are_fetched_through_the_machine() {
        let mut c = crawler(100, 4, true);
        c.robots_known(
            &u("https://c.example/"),
            robots("User-agent: *\nDisallow: /private/\n"),
        );
        let sheet = |c: &mut Crawler, url: &str, answer: Answer| {
            c.want_sheet(url.into());
            let requests = drain(c, MS(0));
            c.on_response(id_of(&requests, &format!("GET {url}")), MS(0), answer);
        };
        sheet(
            &mut c,
            "https://c.example/old.css",
            redirect(301, "/private/s.css"),
        );
        sheet(
            &mut c,
            "https://c.example/s.css",
            with_body(200, "text/css; charset=utf-8", "p{}"),
        );
        sheet(
            &mut c,
            "https://c.example/t.css",
            with_body(200, "text/plain", "p{}"),
        );
        let sheets: Vec<_> = std::iter::from_fn(|| c.next_work())
            .filter_map(|work| match work {
                Work::Sheet { url, css } => Some((url, css)),
                _ => None,
            })
            .collect();
        assert_eq!(
            sheets,
            [
                ("https://c.example/old.css".to_string(), None),
                (
                    "https://c.example/s.css".to_string(),
                    Some((b"p{}".to_vec(), Some("utf-8".to_string())))
                ),
                ("https://c.example/t.css".to_string(), None),
            ]
        );
    }

    fn abouts_of(started: &[(String, u64)]) -> Vec<&str> {
        started.iter().map(|(a, _)| a.as_str()).collect()
    }

    /// `next_wakeup` is the earliest time a waiting request's host allows it; a host at
    /// its concurrency cap waits for an answer instead.
    #[test]
    fn next_wakeup_is_the_earliest_host_time() {
        let mut c = crawler_with(100, 1, false, 4.0, &["https://other.example/**"]);
        c.config.concurrency = 4;
        let root = drain(&mut c, MS(0));
        give_page(
            &mut c,
            root[0].id,
            &[
                "https://c.example/a",
                "https://c.example/b",
                "https://other.example/x",
            ],
        );
        let x = drain(&mut c, MS(0));
        assert_eq!(abouts(&x), ["GET https://other.example/x"]);
        assert_eq!(c.next_wakeup(), Some(MS(250)));
        c.on_response(x[0].id, MS(0), busy(429, 5));
        assert_eq!(c.next_wakeup(), Some(MS(250)));
        assert!(drain(&mut c, MS(249)).is_empty());
        let a = drain(&mut c, MS(250));
        assert_eq!(abouts(&a), ["GET https://c.example/a"]);
        // c.example is at its cap (one request at a time): only other.example's time.
        assert_eq!(c.next_wakeup(), Some(MS(5000)));
        c.on_response(a[0].id, MS(300), typed(200, "application/pdf"));
        assert_eq!(c.next_wakeup(), Some(MS(500)));
    }
}
