//! The crawl as a state machine: it decides which URLs to fetch, in what order and under
//! which rules, and takes the answers back; the driver does the I/O.
//!
//! The driver loops: hand out every [`Request`] that [`Crawler::poll_next`] gives (up to
//! `concurrency` at once, plus one sitemap file at a time), perform each, and report back
//! with [`Crawler::on_robots`], [`Crawler::on_result`], [`Crawler::on_sitemap`] or
//! [`Crawler::on_sitemap_failed`]. The crawl is over when nothing is in flight and
//! `poll_next` gives nothing.
//!
//! What the machine owns:
//!
//! - the [`Frontier`] (every URL met, the queue, `--max-pages`, `--max-depth`, redirects
//!   recorded, deduplication) and the [`Scope`], which the start URL's redirects widen;
//! - robots.txt per origin, for HTTP crawls: a page is handed out only once its origin's
//!   robots.txt is known (the first page of an origin brings a [`What::Robots`] request),
//!   and a disallowed page is recorded as not audited without ever being requested;
//! - sitemap discovery, seeded by the start origin's robots.txt, stopped once the page
//!   limit is reached.
//!
//! *When* each HTTP exchange may start (rate, `Crawl-delay`, `Retry-After`, per-host
//! concurrency) is [`super::politeness::Schedule`]'s decision, which the driver consults
//! for every exchange, these requests' and those they lead to (redirect hops of an
//! external check, style sheets).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use url::Url;

use super::frontier::{ExternalCheck, Frontier, Id, Job, JobKind, State, MAX_REDIRECTS};
use super::robots::Robots;
use super::scope::Scope;
use super::sitemap_parse::Parsed;
use super::sitemaps::{Discovery, SitemapFile, SitemapReport};

/// Limits and switches of one crawl.
#[derive(Debug, Clone)]
pub struct Config {
    /// `--max-pages`: in-scope URLs accepted for fetching, at most.
    pub max_pages: usize,
    /// `--max-depth`: links followed from a seed, at most.
    pub max_depth: Option<u32>,
    /// `--check-external`: check links to other sites.
    pub check_external: bool,
    /// Requests in flight at once (robots.txt, pages, external checks; sitemaps aside).
    pub concurrency: usize,
    /// An HTTP crawl: obey robots.txt and read sitemaps (a folder crawl does neither).
    pub robots: bool,
}

/// Identifies a request handed out, for the answer.
pub type RequestId = u64;

/// Something for the driver to fetch.
#[derive(Debug, Clone)]
pub struct Request {
    /// To give with the answer.
    pub id: RequestId,
    /// What to fetch, and how to answer.
    pub what: What,
}

/// The kinds of request.
#[derive(Debug, Clone)]
pub enum What {
    /// Fetch the robots.txt of `page`'s origin ([`Robots::url_for`]) and answer with
    /// [`Crawler::on_robots`].
    Robots {
        /// A page of the origin.
        page: Url,
    },
    /// Fetch an in-scope URL (robots.txt allows it), audit it if it is a page, and answer
    /// with [`Crawler::on_result`]. Redirects are not followed: they are the result.
    Fetch(Job),
    /// Check an external link (`--check-external`), following its redirects; answer with
    /// [`Crawler::on_result`] and [`JobResult::External`].
    CheckExternal(Job),
    /// Fetch and parse a sitemap file; answer with [`Crawler::on_sitemap`] or
    /// [`Crawler::on_sitemap_failed`].
    Sitemap(SitemapFile),
}

/// What fetching a [`What::Fetch`] or [`What::CheckExternal`] request found. Each becomes
/// the URL's [`State`] of the same name in the frontier, so the fields are those of `State`.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub enum JobResult {
    /// An audited page, and the links it gives (absolute, normalised).
    Page {
        links: Vec<Url>,
    },
    Document {
        status: Option<u16>,
        content_type: Option<String>,
        length: Option<u64>,
    },
    Redirect {
        status: Option<u16>,
        target: Url,
    },
    Broken {
        status: Option<u16>,
        kind: &'static str,
        message: String,
    },
    NotAudited {
        status: Option<u16>,
        content_type: Option<String>,
        reason: &'static str,
        message: String,
    },
    External(ExternalCheck),
}

#[derive(Debug)]
enum RobotsState {
    Fetching,
    Known(Arc<Robots>),
}

#[derive(Debug)]
enum InFlight {
    Robots(String),
    Job(Job),
    Sitemap,
}

/// The crawl's state machine (see the module documentation).
pub struct Crawler {
    config: Config,
    frontier: Frontier,
    scope: Scope,
    start: Url,
    start_id: Id,
    robots: HashMap<String, RobotsState>,
    /// Pages waiting for their origin's robots.txt.
    held: HashMap<String, Vec<Job>>,
    /// Pages whose robots.txt has arrived, handed out before anything new.
    ready: VecDeque<Job>,
    sitemaps: Option<Discovery>,
    sitemap_in_flight: bool,
    in_flight: HashMap<RequestId, InFlight>,
    /// Requests in flight that count against `concurrency`.
    busy: usize,
    next_id: RequestId,
}

impl Crawler {
    /// A crawl from `start` (normalised) within `scope`.
    pub fn new(config: Config, start: Url, scope: Scope) -> Self {
        let mut frontier = Frontier::new(config.max_pages, config.max_depth, config.check_external);
        let start_id = frontier.start(start.clone());
        Crawler {
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
            in_flight: HashMap::new(),
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

    /// URLs accepted but not yet handed out.
    pub fn waiting(&self) -> usize {
        self.frontier.queued() + self.ready.len() + self.held.values().map(Vec::len).sum::<usize>()
    }

    /// Requests handed out and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Records what an origin's robots.txt says, whether it was fetched for a
    /// [`What::Robots`] request or by the driver beforehand (the start URL's, to tell an
    /// unreachable site at once). The start origin's `Sitemap:` lines start the sitemap
    /// discovery.
    pub fn robots_known(&mut self, url: &Url, robots: Arc<Robots>) {
        self.learn(url.origin().ascii_serialization(), robots);
    }

    fn learn(&mut self, origin: String, robots: Arc<Robots>) {
        if self.config.robots
            && self.sitemaps.is_none()
            && origin == self.start.origin().ascii_serialization()
        {
            self.sitemaps = Some(Discovery::new(robots.sitemaps.clone(), &self.start));
        }
        self.robots
            .insert(origin.clone(), RobotsState::Known(robots));
        if let Some(jobs) = self.held.remove(&origin) {
            self.ready.extend(jobs);
        }
    }

    /// The next request to make now, if any.
    pub fn poll_next(&mut self) -> Option<Request> {
        if !self.sitemap_in_flight && !self.frontier.full() {
            if let Some(file) = self.sitemaps.as_mut().and_then(Discovery::next_file) {
                self.sitemap_in_flight = true;
                return Some(self.hand_out(What::Sitemap(file), InFlight::Sitemap, false));
            }
        }
        while self.busy < self.config.concurrency {
            let job = match self.ready.pop_front() {
                Some(job) => job,
                None => self.frontier.next_job()?,
            };
            if job.kind == JobKind::CheckExternal {
                return Some(self.hand_out(
                    What::CheckExternal(job.clone()),
                    InFlight::Job(job),
                    true,
                ));
            }
            if !self.config.robots {
                return Some(self.hand_out(What::Fetch(job.clone()), InFlight::Job(job), true));
            }
            let origin = job.url.origin().ascii_serialization();
            match self.robots.get(&origin) {
                Some(RobotsState::Known(robots)) if robots.allows(&job.url) => {
                    return Some(self.hand_out(What::Fetch(job.clone()), InFlight::Job(job), true));
                }
                Some(RobotsState::Known(_)) => self.frontier.set(
                    job.id,
                    State::NotAudited {
                        status: None,
                        content_type: None,
                        reason: "robots",
                        message: "disallowed by robots.txt".into(),
                    },
                ),
                Some(RobotsState::Fetching) => self.held.entry(origin).or_default().push(job),
                None => {
                    self.robots.insert(origin.clone(), RobotsState::Fetching);
                    let page = job.url.clone();
                    self.held.entry(origin.clone()).or_default().push(job);
                    return Some(self.hand_out(
                        What::Robots { page },
                        InFlight::Robots(origin),
                        true,
                    ));
                }
            }
        }
        None
    }

    fn hand_out(&mut self, what: What, in_flight: InFlight, counts: bool) -> Request {
        let id = self.next_id;
        self.next_id += 1;
        self.in_flight.insert(id, in_flight);
        if counts {
            self.busy += 1;
        }
        Request { id, what }
    }

    fn answered(&mut self, id: RequestId) -> Option<InFlight> {
        let in_flight = self.in_flight.remove(&id)?;
        match in_flight {
            InFlight::Sitemap => self.sitemap_in_flight = false,
            _ => self.busy -= 1,
        }
        Some(in_flight)
    }

    /// The answer to a [`What::Robots`] request.
    pub fn on_robots(&mut self, id: RequestId, robots: Arc<Robots>) {
        if let Some(InFlight::Robots(origin)) = self.answered(id) {
            self.learn(origin, robots);
        }
    }

    /// The answer to a [`What::Fetch`] or [`What::CheckExternal`] request.
    pub fn on_result(&mut self, id: RequestId, result: JobResult) {
        let Some(InFlight::Job(job)) = self.answered(id) else {
            return;
        };
        let state = match result {
            JobResult::Page { links } => {
                self.frontier.set(job.id, State::Page);
                let from = Arc::clone(self.frontier.url(job.id));
                for link in links {
                    self.frontier
                        .offer_link(link, &from, job.depth + 1, &self.scope);
                }
                return;
            }
            JobResult::Redirect { status, target } => {
                self.frontier
                    .redirect(&job, status, target, &mut self.scope);
                return;
            }
            JobResult::Document {
                status,
                content_type,
                length,
            } => State::Document {
                status,
                content_type,
                length,
            },
            JobResult::Broken {
                status,
                kind,
                message,
            } => State::Broken {
                status,
                kind,
                message,
            },
            JobResult::NotAudited {
                status,
                content_type,
                reason,
                message,
            } => State::NotAudited {
                status,
                content_type,
                reason,
                message,
            },
            JobResult::External(check) => State::External {
                checked: Some(check),
            },
        };
        self.frontier.set(job.id, state);
    }

    /// A sitemap file, fetched and parsed: its in-scope pages become seeds.
    pub fn on_sitemap(
        &mut self,
        id: RequestId,
        file: SitemapFile,
        status: Option<u16>,
        parsed: Parsed,
    ) {
        if self.answered(id).is_none() {
            return;
        }
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

    /// A sitemap file that could not be had.
    pub fn on_sitemap_failed(
        &mut self,
        id: RequestId,
        file: SitemapFile,
        status: Option<u16>,
        error: String,
    ) {
        if self.answered(id).is_none() {
            return;
        }
        if let Some(discovery) = self.sitemaps.as_mut() {
            discovery.failed(file, status, error);
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

#[cfg(test)]
mod tests {
    use super::super::politeness::{busy_retry, host_key, Schedule};
    use super::*;
    use std::time::Duration;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn crawler(max_pages: usize, concurrency: usize, robots: bool) -> Crawler {
        let start = u("https://c.example/");
        let scope = Scope::for_site(&start, &[], &[]).unwrap();
        let config = Config {
            max_pages,
            max_depth: None,
            check_external: false,
            concurrency,
            robots,
        };
        Crawler::new(config, start, scope)
    }

    fn robots(body: &str) -> Arc<Robots> {
        let url = "https://c.example/robots.txt".to_string();
        Arc::new(Robots::from_answer(url, 200, body.as_bytes(), "frontdesk"))
    }

    fn page(links: &[&str]) -> JobResult {
        JobResult::Page {
            links: links.iter().map(|l| u(l)).collect(),
        }
    }

    /// Every request the crawler gives now, as (id, what it is about).
    fn drain(c: &mut Crawler) -> Vec<(RequestId, String, What)> {
        std::iter::from_fn(|| c.poll_next())
            .map(|r| {
                let about = match &r.what {
                    What::Robots { page } => {
                        format!("robots {}", page.origin().ascii_serialization())
                    }
                    What::Fetch(job) => format!("fetch {}", job.url),
                    What::CheckExternal(job) => format!("check {}", job.url),
                    What::Sitemap(file) => format!("sitemap {}", file.url),
                };
                (r.id, about, r.what)
            })
            .collect()
    }

    fn about(requests: &[(RequestId, String, What)]) -> Vec<&str> {
        requests.iter().map(|(_, a, _)| a.as_str()).collect()
    }

    fn id_of(requests: &[(RequestId, String, What)], about: &str) -> RequestId {
        requests.iter().find(|(_, a, _)| a == about).expect(about).0
    }

    fn sitemap_file(requests: &[(RequestId, String, What)]) -> SitemapFile {
        requests
            .iter()
            .find_map(|(_, _, what)| match what {
                What::Sitemap(file) => Some(file.clone()),
                _ => None,
            })
            .expect("a sitemap request")
    }

    fn state<'a>(c: &'a Crawler, url: &str) -> &'a State {
        let id = c.frontier().get(url).expect(url);
        &c.frontier().entries[id as usize].state
    }

    /// RFC 9309 §2.2.2: a disallowed URL is not fetched; robots.txt is read before the
    /// origin's first page.
    #[test]
    fn robots_txt_comes_first_and_disallowed_pages_are_never_requested() {
        let mut c = crawler(100, 4, true);
        let first = drain(&mut c);
        assert_eq!(about(&first), ["robots https://c.example"]);
        c.on_robots(first[0].0, robots("User-agent: *\nDisallow: /private/\n"));
        let next = drain(&mut c);
        assert_eq!(
            about(&next),
            [
                "sitemap https://c.example/sitemap.xml",
                "fetch https://c.example/"
            ]
        );
        c.on_result(
            id_of(&next, "fetch https://c.example/"),
            page(&[
                "https://c.example/a",
                "https://c.example/private/x",
                "https://c.example/b",
            ]),
        );
        assert_eq!(
            about(&drain(&mut c)),
            ["fetch https://c.example/a", "fetch https://c.example/b"]
        );
        assert!(matches!(
            state(&c, "https://c.example/private/x"),
            State::NotAudited {
                reason: "robots",
                ..
            }
        ));
    }

    #[test]
    fn each_new_origin_gets_its_robots_txt_once_before_its_pages() {
        let mut c = crawler(100, 4, true);
        c.robots_known(&u("https://c.example/"), robots(""));
        let first = drain(&mut c);
        c.on_sitemap_failed(
            id_of(&first, "sitemap https://c.example/sitemap.xml"),
            sitemap_file(&first),
            Some(404),
            "HTTP 404".into(),
        );
        // The start URL redirects to www., which joins the site (another origin).
        c.on_result(
            id_of(&first, "fetch https://c.example/"),
            JobResult::Redirect {
                status: Some(301),
                target: u("https://www.c.example/"),
            },
        );
        let next = drain(&mut c);
        assert_eq!(about(&next), ["robots https://www.c.example"]);
        c.on_robots(next[0].0, robots(""));
        let www = drain(&mut c);
        assert_eq!(about(&www), ["fetch https://www.c.example/"]);
        c.on_result(
            www[0].0,
            page(&["https://www.c.example/a", "https://www.c.example/b"]),
        );
        assert_eq!(
            about(&drain(&mut c)),
            [
                "fetch https://www.c.example/a",
                "fetch https://www.c.example/b"
            ]
        );
    }

    #[test]
    fn max_pages_stops_the_crawl() {
        let mut c = crawler(2, 4, false);
        let start = drain(&mut c);
        assert_eq!(about(&start), ["fetch https://c.example/"]);
        c.on_result(
            start[0].0,
            page(&[
                "https://c.example/a",
                "https://c.example/b",
                "https://c.example/c",
            ]),
        );
        let next = drain(&mut c);
        assert_eq!(about(&next), ["fetch https://c.example/a"]);
        c.on_result(next[0].0, page(&["https://c.example/d"]));
        assert!(drain(&mut c).is_empty());
        assert_eq!(c.in_flight(), 0);
        assert!(c.frontier().full());
        // b, c and d were seen and refused by the limit.
        assert_eq!(c.frontier().not_crawled.max_pages.len(), 3);
    }

    #[test]
    fn concurrency_caps_requests_in_flight() {
        let mut c = crawler(100, 2, false);
        let start = drain(&mut c);
        let links: Vec<String> = (0..5).map(|i| format!("https://c.example/{i}")).collect();
        let links: Vec<&str> = links.iter().map(String::as_str).collect();
        c.on_result(start[0].0, page(&links));
        let two = drain(&mut c);
        assert_eq!(
            about(&two),
            ["fetch https://c.example/0", "fetch https://c.example/1"]
        );
        c.on_result(
            two[0].0,
            JobResult::Document {
                status: Some(200),
                content_type: Some("application/pdf".into()),
                length: None,
            },
        );
        assert_eq!(about(&drain(&mut c)), ["fetch https://c.example/2"]);
    }

    #[test]
    fn a_url_reached_twice_through_redirects_is_fetched_once() {
        let mut c = crawler(100, 4, false);
        let start = drain(&mut c);
        c.on_result(
            start[0].0,
            page(&["https://c.example/old", "https://c.example/new"]),
        );
        let both = drain(&mut c);
        c.on_result(
            id_of(&both, "fetch https://c.example/old"),
            JobResult::Redirect {
                status: Some(301),
                target: u("https://c.example/new"),
            },
        );
        assert!(drain(&mut c).is_empty());
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
        let first = drain(&mut c);
        assert_eq!(
            about(&first),
            [
                "sitemap https://c.example/s.xml",
                "fetch https://c.example/"
            ]
        );
        let listed = Parsed {
            pages: vec![
                "https://c.example/orphan".into(),
                "https://other.example/x".into(),
                "https://c.example/old-form".into(),
                "https://c.example/third".into(),
            ],
            ..Parsed::default()
        };
        let file = sitemap_file(&first);
        c.on_sitemap(first[0].0, file, Some(200), listed);
        assert_eq!(
            about(&drain(&mut c)),
            [
                "fetch https://c.example/orphan",
                "fetch https://c.example/old-form"
            ]
        );
        // Full: the default /sitemap.xml is not read.
        assert!(c.frontier().full());
        assert!(drain(&mut c).is_empty());
        let reports = c.sitemap_reports();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].urls, 4);
    }

    /// A driver on a fake clock: every request the crawler hands out goes through the
    /// politeness schedule; returns when each one started.
    fn starts_on_a_fake_clock(
        c: &mut Crawler,
        schedule: &mut Schedule,
        answer: impl Fn(&Url) -> (u16, Option<Duration>),
    ) -> Vec<(String, u64)> {
        let mut started = Vec::new();
        let mut attempts: HashMap<String, u32> = HashMap::new();
        while let Some(request) = c.poll_next() {
            let What::Fetch(job) = request.what else {
                panic!("only pages in this crawl");
            };
            let host = host_key(&job.url);
            loop {
                let at = schedule.start(&host, Duration::ZERO).unwrap();
                started.push((job.url.to_string(), at.as_millis() as u64));
                schedule.finish(&host);
                let (status, retry_after) = answer(&job.url);
                let attempt = attempts.entry(job.url.to_string()).or_default();
                if let Some(wait) = busy_retry(*attempt, status, retry_after) {
                    *attempt += 1;
                    schedule.pause_until(&host, at + wait);
                    continue;
                }
                break;
            }
            let links = if job.url.path() == "/" {
                vec![
                    "https://c.example/a",
                    "https://c.example/b",
                    "https://c.example/c",
                ]
            } else {
                vec![]
            };
            c.on_result(request.id, page(&links));
        }
        started
    }

    #[test]
    fn four_requests_per_second_start_250_ms_apart() {
        let mut c = crawler(100, 1, false);
        let mut schedule = Schedule::new(4.0, 1);
        let started = starts_on_a_fake_clock(&mut c, &mut schedule, |_| (200, None));
        assert_eq!(
            started,
            [
                ("https://c.example/".to_string(), 0),
                ("https://c.example/a".to_string(), 250),
                ("https://c.example/b".to_string(), 500),
                ("https://c.example/c".to_string(), 750),
            ]
        );
    }

    /// RFC 9110 §10.2.3: Retry-After says how long to wait before the next request.
    #[test]
    fn a_retry_after_pauses_the_host() {
        let mut c = crawler(100, 1, false);
        let mut schedule = Schedule::new(0.0, 1);
        let busy_once = std::cell::Cell::new(true);
        let started = starts_on_a_fake_clock(&mut c, &mut schedule, |url| {
            if url.path() == "/a" && busy_once.replace(false) {
                (429, Some(Duration::from_secs(2)))
            } else {
                (200, None)
            }
        });
        assert_eq!(
            started,
            [
                ("https://c.example/".to_string(), 0),
                ("https://c.example/a".to_string(), 0),
                ("https://c.example/a".to_string(), 2000),
                ("https://c.example/b".to_string(), 2000),
                ("https://c.example/c".to_string(), 2000),
            ]
        );
    }
}
