//! The site-level services analysis: from the summaries of a crawl's pages to each top task's
//! status, its online route and its Better Connected checks (SC-01…20), and the site checks
//! (SC-21…25). Like [`crate::crawl`], a state machine without I/O; the driver does the
//! fetching.
//!
//! # Driving it
//! ```text
//! let mut analysis = Analysis::new(config, home);   // config.crawl_date: today
//! for each page the crawl fetched (HTML, any status):
//!     analysis.add_page(PageSummary::from_document(&doc, &url, local_root), status, failed_a_aa);
//! for each URL the crawl met but did not parse (404s, PDFs, documents):
//!     analysis.add_unfetched(&url, status, content_type);
//! for each redirect the crawl followed:   analysis.add_redirect(&from, &to);
//! if the crawl stopped at its page limit: analysis.crawl_cut_short();
//! loop {
//!     let requests = analysis.requests();
//!     if requests.is_empty() { break }
//!     for each request (GET; redirects followed; robots.txt obeyed: a URL it disallows is
//!     answered with `on_error(id, "blocked by robots.txt")`):
//!         Purpose::Statement  → parse it, `on_statement(id, &final_url, status, content_type, Some(&doc))`
//!         Purpose::Route | Purpose::SiteSearch
//!                             → `on_response(id, &final_url, status, summary_if_html)`
//!         no answer           → `on_error(id, why)`
//! }
//! let report = analysis.finish();
//! ```
//! The crawl keeps only [`PageSummary`]s; the accessibility statement's checklist needs the
//! whole page and the whole crawl's context (how the statement is linked, which pages fail
//! WCAG), so the analysis asks for that one page again once the crawl is over instead of
//! the driver keeping a document. Requests come in at most four rounds (a site search may
//! find a task page the crawl missed; a route's start page may lead to another page before
//! the form), and only on the site's own hosts unless
//! [`Config::check_external`]. None is ever a form submission with personal data: route
//! checks GET start pages, and site searches GET the site's own search form with a task's
//! name, only when [`Config::site_search`] is on. Answers may come in any order.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use url::Url;

use super::catalogue::Task;
use super::statement::{
    check_statement, is_statement_link, CrawlFailures, Date, FoundLink, Linking, StatementContext,
    StatementSource,
};
use super::summary::{has_phrase, is_call_to_action, is_document_url, PageSummary, Region};
use super::{Check, Evidence, Interaction, TaskStatus, Tier};
use crate::model::Document;

/// Identifies a request handed out, for its answer.
pub type RequestId = u64;

/// How to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Read the page (a route's start page, a search results page).
    Get,
    /// Only whether it answers (a route whose page the analysis does not need).
    Head,
}

/// What a request is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A task's online route: does its start page answer, and what is on it.
    Route {
        /// The task's id.
        task: &'static str,
    },
    /// The site's search for a task's name (SC-03).
    SiteSearch {
        /// The task's id.
        task: &'static str,
    },
    /// The accessibility statement: answer with [`Analysis::on_statement`], giving the
    /// parsed page (the checklist reads the whole document, which the crawl did not keep).
    Statement,
}

/// One request for the driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// To give back with the answer.
    pub id: RequestId,
    /// GET or HEAD.
    pub method: Method,
    /// Where.
    pub url: Url,
    /// Why.
    pub purpose: Purpose,
}

/// What the analysis is told before the crawl.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `--tier`: overrides the council's tier.
    pub tier: Option<Tier>,
    /// `--council`: the council the site belongs to.
    pub council: Option<&'static super::councils::Council>,
    /// Search the site for each task through its GET search form (off with
    /// `--no-site-search`).
    pub site_search: bool,
    /// `--check-external`: check routes on third-party hosts too.
    pub check_external: bool,
    /// The day of the crawl: the statement's dates are judged against it. Without it the
    /// statement's checks are `unknown`.
    pub crawl_date: Option<Date>,
}

/// Where the tier came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TierSource {
    /// `--tier`.
    Given,
    /// The council table (from `--council`, or the site's host found in it).
    Council,
    /// Guessed from the site: which tasks' pages exist, links to a county council.
    Guessed,
    /// Not known: every task is scored as if the council provided it.
    Unknown,
}

/// The council, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilRef {
    /// Its name.
    pub name: String,
    /// Its ONS GSS code.
    pub gss: String,
    /// Its GOV.UK slug.
    pub slug: String,
}

/// Whether a route's start page was seen to work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RouteCheck {
    /// It answered 2xx (after redirects).
    Ok,
    /// It answered an error, or did not answer.
    Broken,
    /// Not asked: a third-party host without `--check-external`.
    NotChecked,
}

/// A task's online route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// Its start page.
    pub url: String,
    /// `form` (an HTML form on a page checked), `look-up` (a postcode or address look-up),
    /// `information` (the page answers a "find" task itself), or the kind of the known
    /// transaction host (`payments`, `forms`, `reporting`, …).
    pub kind: String,
    /// The start page's host (empty for a local folder).
    pub host: String,
    /// Whether it was seen to work.
    pub checked: RouteCheck,
}

/// One task's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskResult {
    /// The catalogue id.
    pub id: String,
    /// The task's name.
    pub name: String,
    /// Its LGSL id.
    pub lgsl: Option<u32>,
    /// What a resident does.
    pub interaction: Interaction,
    /// Whether it can be done online.
    pub status: TaskStatus,
    /// Better Connected-style stars (1–4), from the score module; `None` until scored.
    pub stars: Option<u8>,
    /// The task's page on the site.
    pub url: Option<String>,
    /// Its online route.
    pub route: Option<Route>,
    /// SC-01…SC-20.
    pub checks: Vec<Check>,
}

/// The accessibility statement's checklist.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    /// The statement page, if one was found.
    pub url: Option<String>,
    /// AS-01…AS-23.
    pub checks: Vec<Check>,
}

/// The services analysis of a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicesReport {
    /// The council, when known.
    pub council: Option<CouncilRef>,
    /// Its tier, when known.
    pub tier: Option<Tier>,
    /// Where the tier came from.
    pub tier_source: TierSource,
    /// The top tasks.
    pub tasks: Vec<TaskResult>,
    /// The accessibility statement.
    pub statement: StatementResult,
    /// SC-21…SC-25.
    pub site_checks: Vec<Check>,
}

/// A crawled page.
#[derive(Debug)]
pub(super) struct Page {
    /// Boxed: the list of pages grows by doubling, and its spare room would otherwise be
    /// hundreds of bytes a page.
    pub summary: Box<PageSummary>,
    pub status: u16,
    pub failed_a_aa: usize,
}

impl Page {
    fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// An answer to a request.
#[derive(Debug)]
struct Answer {
    status: Option<u16>,
    page: Option<PageSummary>,
    error: Option<String>,
}

impl Answer {
    fn ok(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
    fn why(&self) -> String {
        match (&self.error, self.status) {
            (Some(e), _) => e.clone(),
            (None, Some(s)) => format!("HTTP {s}"),
            (None, None) => "no answer".into(),
        }
    }
}

/// The site-level analysis (see the module documentation).
#[derive(Debug)]
pub struct Analysis {
    config: Config,
    tasks: &'static [Task],
    home: String,
    home_host: String,
    pages: Vec<Page>,
    by_url: HashMap<String, usize>,
    unfetched: HashMap<String, (Option<u16>, Option<String>)>,
    redirects: HashMap<String, String>,
    cut_short: bool,
    /// The task page found for each task, by index into `tasks`.
    found: Option<Vec<Option<usize>>>,
    next_id: RequestId,
    asked: HashSet<(String, bool)>,
    pending: HashMap<RequestId, (String, Pending)>,
    /// Route answers by URL asked.
    answers: HashMap<String, Answer>,
    /// Search answers by task index.
    searches: HashMap<usize, Answer>,
    rounds: usize,
    /// The statement request in flight, and the checklist once answered.
    statement_request: Option<(RequestId, String)>,
    statement: Option<StatementResult>,
    /// Hosts the site's own links name as a county council's ("Services provided by
    /// Westshire County Council").
    county_hosts: Vec<String>,
    /// [`Analysis::guess_tier`] for the current `found`: it reads every link of every page,
    /// and [`Analysis::provided`] asks it once per task.
    tier_guess: Option<Option<Tier>>,
    /// One copy of each link URL and text the kept summaries hold: most links are menus
    /// and cross links every page repeats.
    shared: HashSet<Arc<str>>,
    /// One copy of each whole link and form the kept summaries hold: a menu's links and
    /// the header's search form are the same on every page.
    shared_links: HashSet<Arc<super::summary::Link>>,
    shared_forms: HashSet<Arc<super::summary::Form>>,
    /// What the checks work out once for all tasks (set on first use, after the crawl).
    pub(super) memo: super::checks::Memo,
}

/// Rounds of requests at most: search, a task page the search found, its route's start
/// page, the page after it.
const MAX_ROUNDS: usize = 4;

/// What an answer is for.
#[derive(Debug, Clone, Copy)]
enum Pending {
    /// A route's start page.
    Route,
    /// The site search for a task (its index).
    Search(usize),
    /// A page the site search found for a task the crawl had not met.
    Page,
}

impl Analysis {
    /// An analysis of the site whose home page is `home`, over the catalogue's tasks.
    pub fn new(config: Config, home: Url) -> Self {
        Self::with_tasks(config, home, super::catalogue::TASKS)
    }

    /// An analysis over a list of tasks of one's own (tests, a subset).
    pub fn with_tasks(config: Config, home: Url, tasks: &'static [Task]) -> Self {
        let home_host = home.host_str().unwrap_or("").to_ascii_lowercase();
        let mut home = home;
        home.set_fragment(None);
        Analysis {
            config,
            tasks,
            home: home.to_string(),
            home_host,
            pages: Vec::new(),
            by_url: HashMap::new(),
            unfetched: HashMap::new(),
            redirects: HashMap::new(),
            cut_short: false,
            found: None,
            next_id: 1,
            asked: HashSet::new(),
            pending: HashMap::new(),
            answers: HashMap::new(),
            searches: HashMap::new(),
            rounds: 0,
            statement_request: None,
            statement: None,
            county_hosts: Vec::new(),
            tier_guess: None,
            shared: HashSet::new(),
            shared_links: HashSet::new(),
            shared_forms: HashSet::new(),
            memo: Default::default(),
        }
    }

    /// A crawled HTML page: its summary, HTTP status and count of WCAG A/AA failures.
    pub fn add_page(&mut self, mut summary: PageSummary, status: u16, failed_a_aa: usize) {
        if self.by_url.contains_key(&summary.url) {
            return;
        }
        if !self.could_be_home(&summary.url) {
            compact(&mut summary);
        }
        shrink(&mut summary);
        for link in &mut summary.links {
            *link = match self.shared_links.get(link) {
                Some(kept) => Arc::clone(kept),
                None => {
                    let fresh = Arc::make_mut(link);
                    fresh.href = share(&mut self.shared, &fresh.href);
                    fresh.text = share(&mut self.shared, &fresh.text);
                    self.shared_links.insert(Arc::clone(link));
                    Arc::clone(link)
                }
            };
        }
        for form in &mut summary.forms {
            *form = share(&mut self.shared_forms, form);
        }
        self.by_url.insert(summary.url.clone(), self.pages.len());
        self.pages.push(Page {
            summary: Box::new(summary),
            status,
            failed_a_aa,
        });
        self.found = None;
        self.tier_guess = None;
        self.memo = Default::default();
    }

    /// Whether a page may be the home page, reached through a redirect not reported yet
    /// (`http` to `https`, the bare domain to `www.`): the first page, or the site's root.
    fn could_be_home(&self, url: &str) -> bool {
        if url == self.home || self.pages.is_empty() {
            return true;
        }
        let (Ok(url), Ok(home)) = (Url::parse(url), Url::parse(&self.home)) else {
            return false;
        };
        let same_site = match (url.host_str(), home.host_str()) {
            (Some(a), Some(b)) => same_site(a, b),
            (None, None) => true,
            _ => false,
        };
        same_site && (url.path() == home.path() || url.path() == "/")
    }

    /// A URL the crawl met but did not parse: a broken link (its status), a document (its
    /// content type), a page it could not fetch (neither).
    pub fn add_unfetched(&mut self, url: &Url, status: Option<u16>, content_type: Option<&str>) {
        let mut url = url.clone();
        url.set_fragment(None);
        self.unfetched
            .insert(url.to_string(), (status, content_type.map(str::to_string)));
    }

    /// A redirect the crawl followed: links to `from` reach `to`.
    pub fn add_redirect(&mut self, from: &Url, to: &Url) {
        let (mut from, mut to) = (from.clone(), to.clone());
        from.set_fragment(None);
        to.set_fragment(None);
        self.redirects.insert(from.to_string(), to.to_string());
    }

    /// The crawl stopped at its page limit: a task whose page was not met may be beyond it,
    /// so it is `unknown`, not `not-found`.
    pub fn crawl_cut_short(&mut self) {
        self.cut_short = true;
    }

    /// The requests to make now (empty when there is nothing more to ask); call again after
    /// answering them all.
    pub fn requests(&mut self) -> Vec<Request> {
        let statement_pending = self
            .statement_request
            .as_ref()
            .is_some_and(|_| self.statement.is_none());
        if self.rounds >= MAX_ROUNDS || !self.pending.is_empty() || statement_pending {
            return Vec::new();
        }
        self.rounds += 1;
        self.detect();
        let mut out = Vec::new();
        if self.rounds == 1 {
            if let Some(url) = self.statement_url().and_then(|u| Url::parse(&u).ok()) {
                let id = self.next_id;
                self.next_id += 1;
                self.statement_request = Some((id, url.to_string()));
                out.push(Request {
                    id,
                    method: Method::Get,
                    url,
                    purpose: Purpose::Statement,
                });
            }
        }
        if self.rounds == 1 && self.config.site_search {
            if let Some(form) = self.search_form() {
                for (index, task) in self.tasks.iter().enumerate() {
                    if !self.provided(task) {
                        continue;
                    }
                    if let Some(url) = search_url(&form, &search_term(task)) {
                        let id = self.next_id;
                        self.next_id += 1;
                        self.pending
                            .insert(id, (url.to_string(), Pending::Search(index)));
                        out.push(Request {
                            id,
                            method: Method::Get,
                            url,
                            purpose: Purpose::SiteSearch { task: task.id },
                        });
                    }
                }
            }
        }
        for index in 0..self.tasks.len() {
            let mut wants = Vec::new();
            self.route_of(index, &mut wants);
            for url in wants {
                let external = !self.is_own(&url);
                if external && !self.config.check_external {
                    continue;
                }
                if !self.asked.insert((url.to_string(), false)) {
                    continue;
                }
                let id = self.next_id;
                self.next_id += 1;
                self.pending.insert(id, (url.to_string(), Pending::Route));
                out.push(Request {
                    id,
                    method: Method::Get,
                    url,
                    purpose: Purpose::Route {
                        task: self.tasks[index].id,
                    },
                });
            }
        }
        // A task the crawl did not meet (it stopped at its page limit, or the page is linked
        // from nowhere it went) may be among its search results: read that page too.
        for index in 0..self.tasks.len() {
            let task = &self.tasks[index];
            if self.task_page(index).is_some() || !self.provided(task) {
                continue;
            }
            let Some(Ok(results)) = self.search_answer(index) else {
                continue;
            };
            let found = super::checks::top_results(self, results)
                .into_iter()
                .find(|l| task.text_strength(&l.text).is_some())
                .map(|l| l.href.clone());
            let Some(url) = found.and_then(|u| Url::parse(&u).ok()) else {
                continue;
            };
            if !self.is_own(&url)
                || self.page(url.as_str()).is_some()
                || !self.asked.insert((url.to_string(), false))
            {
                continue;
            }
            let id = self.next_id;
            self.next_id += 1;
            self.pending.insert(id, (url.to_string(), Pending::Page));
            out.push(Request {
                id,
                method: Method::Get,
                url,
                purpose: Purpose::Route { task: task.id },
            });
        }
        out
    }

    /// The answer to a request: where it ended (after redirects), its status, and the
    /// summary of the page when it is HTML.
    pub fn on_response(
        &mut self,
        id: RequestId,
        final_url: &Url,
        status: u16,
        page: Option<PageSummary>,
    ) {
        // Where it ended matters only through the page read there, which has its URL.
        let _ = final_url;
        self.answer(
            id,
            Answer {
                status: Some(status),
                page,
                error: None,
            },
        );
    }

    /// The answer to the [`Purpose::Statement`] request: where it ended, its status, its
    /// `Content-Type`, and the parsed page when it is HTML.
    pub fn on_statement(
        &mut self,
        id: RequestId,
        final_url: &Url,
        status: u16,
        content_type: Option<&str>,
        doc: Option<&Document>,
    ) {
        if self.statement_request.as_ref().map(|(i, _)| *i) != Some(id) {
            return;
        }
        let url = final_url.to_string();
        let source = match doc {
            _ if status >= 400 => {
                self.statement = Some(self.statement_unread(&url, &format!("HTTP {status}")));
                return;
            }
            Some(doc) => StatementSource::Html { url: &url, doc },
            None => StatementSource::Other {
                url: &url,
                content_type: content_type.unwrap_or(""),
            },
        };
        self.statement = Some(self.run_statement(source, Some(url.clone())));
    }

    /// The statement's checklist over a source, or `unknown` without a crawl date.
    fn run_statement(&self, source: StatementSource, url: Option<String>) -> StatementResult {
        let Some(date) = self.config.crawl_date else {
            return StatementResult {
                url: url.clone(),
                checks: (1..=23)
                    .map(|n| {
                        Check::new(
                            &format!("AS-{n:02}"),
                            super::CheckStatus::Unknown,
                            url.as_deref().unwrap_or(""),
                            "no crawl date was given: the statement was not checked",
                        )
                    })
                    .collect(),
            };
        };
        let hosts = self.hosts_visited();
        let council = self.council();
        let ctx = StatementContext {
            crawl_date: date,
            country: council.map(|c| c.country),
            council_name: council.map(|c| c.name),
            hosts: &hosts,
            failures: Some(self.failures()),
            linking: self.linking(),
        };
        StatementResult {
            url,
            checks: check_statement(source, &ctx),
        }
    }

    /// Every AS check `unknown`: the statement was found but could not be read.
    fn statement_unread(&self, url: &str, why: &str) -> StatementResult {
        StatementResult {
            url: Some(url.to_string()),
            checks: (1..=23)
                .map(|n| {
                    Check::new(
                        &format!("AS-{n:02}"),
                        super::CheckStatus::Unknown,
                        url,
                        format!("the statement page could not be read: {why}"),
                    )
                })
                .collect(),
        }
    }

    /// A request that got no answer (connection failed, timed out, blocked by robots.txt).
    pub fn on_error(&mut self, id: RequestId, why: &str) {
        if let Some((sid, url)) = self.statement_request.clone() {
            if sid == id {
                self.statement = Some(self.statement_unread(&url, why));
                return;
            }
        }
        self.answer(
            id,
            Answer {
                status: None,
                page: None,
                error: Some(why.to_string()),
            },
        );
    }

    fn answer(&mut self, id: RequestId, answer: Answer) {
        let Some((url, pending)) = self.pending.remove(&id) else {
            return;
        };
        match pending {
            Pending::Search(task) => {
                self.searches.insert(task, answer);
            }
            Pending::Route => {
                self.answers.insert(url, answer);
            }
            Pending::Page => match answer.page {
                Some(page) if answer.ok() => {
                    // Not audited: its failures are not known, so it counts none.
                    self.add_page(page, answer.status.unwrap_or(200), 0);
                }
                _ => {
                    self.answers.insert(url, answer);
                }
            },
        }
    }

    /// The report.
    pub fn finish(mut self) -> ServicesReport {
        self.detect();
        let statement = match (self.statement.take(), &self.statement_request) {
            (Some(done), _) => done,
            (None, Some((_, url))) => self.statement_unread(url, "not answered"),
            (None, None) => match self.statement_url() {
                Some(url) => self.statement_unread(&url, "not asked for"),
                None => self.run_statement(StatementSource::NotFound, None),
            },
        };
        let (tier, tier_source) = self.tier();
        let council = self.council().map(|c| CouncilRef {
            name: c.name.to_string(),
            gss: c.gss.to_string(),
            slug: c.slug.to_string(),
        });
        let tasks = (0..self.tasks.len())
            .map(|index| super::checks::task_result(&self, index, tier))
            .collect();
        let site_checks = super::checks::site_checks(&self);
        ServicesReport {
            council,
            tier,
            tier_source,
            tasks,
            statement,
            site_checks,
        }
    }
}

// ---------------------------------------------------------------------------------------
// What the checks read.

/// How a task's route was found to end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RouteOutcome {
    /// A working route; its start page's summary when read.
    Working {
        route: Route,
        page: Option<PageRef>,
        /// The call to action that led to it (text, on which page).
        via: Option<Evidence>,
    },
    /// The route's start page asks for an account first.
    SignIn {
        url: String,
        evidence: String,
        /// How an account can be made online ("Create an account" → its page), if offered.
        register: Option<String>,
    },
    /// The call to action is wired up by scripts.
    NeedsScript { evidence: Evidence },
    /// The route's start page does not answer.
    Broken {
        url: String,
        why: String,
        via: Evidence,
    },
    /// Only a document to download.
    DocumentOnly { url: String, evidence: Evidence },
    /// Nothing that leads anywhere online.
    Nothing,
}

/// A page the analysis holds: crawled, or read in answer to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageRef {
    Crawled(usize),
    Answered,
}

impl Analysis {
    /// The statement page: the target of the links that name it (the home page's first,
    /// else the most linked), else a crawled page that looks like one.
    fn statement_url(&self) -> Option<String> {
        if let Some(home) = self.home_page() {
            if let Some(l) = home
                .summary
                .links
                .iter()
                .find(|l| is_statement_link(&l.text, &l.href))
            {
                return Some(self.target(&l.href).to_string());
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for p in &self.pages {
            for l in &p.summary.links {
                if is_statement_link(&l.text, &l.href) {
                    *counts.entry(self.target(&l.href)).or_default() += 1;
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(url, n)| (*n, std::cmp::Reverse(*url)))
            .map(|(url, _)| url.to_string())
            .or_else(|| {
                self.pages
                    .iter()
                    .find(|p| p.ok() && p.summary.is_statement_candidate)
                    .map(|p| p.summary.url.clone())
            })
    }

    /// How the statement is linked from the pages crawled (AS-01, AS-02).
    fn linking(&self) -> Linking {
        let sampled: Vec<&Page> = self.pages.iter().filter(|p| p.ok()).collect();
        let mut linking = Linking {
            pages_sampled: sampled.len(),
            ..Linking::default()
        };
        for p in &sampled {
            let mut links = p
                .summary
                .links
                .iter()
                .filter(|l| is_statement_link(&l.text, &l.href));
            let first = links.next();
            let in_chrome = first
                .into_iter()
                .chain(links)
                .any(|l| matches!(l.region, Region::Header | Region::Footer));
            if in_chrome {
                linking.pages_linking += 1;
            }
            let is_home = p.summary.url == self.home();
            if let Some(l) = first {
                if is_home {
                    linking.home_links = true;
                }
                if is_home || linking.found_on.is_none() {
                    linking.found_on = Some(FoundLink {
                        page_url: p.summary.url.clone(),
                        link_text: l.text.to_string(),
                    });
                }
            }
        }
        linking
    }

    /// The pages the audit found failing WCAG A/AA.
    fn failures(&self) -> CrawlFailures {
        let failing: Vec<&Page> = self.pages.iter().filter(|p| p.failed_a_aa > 0).collect();
        CrawlFailures {
            pages_failing: failing.len(),
            example_url: failing.first().map(|p| p.summary.url.clone()),
        }
    }

    /// The council's own hosts the crawl visited.
    fn hosts_visited(&self) -> Vec<String> {
        let mut hosts: Vec<String> = self
            .pages
            .iter()
            .filter_map(|p| host_of(&p.summary.url))
            .filter(|h| self.is_own_host(h))
            .collect();
        hosts.sort();
        hosts.dedup();
        hosts
    }

    pub(super) fn tasks(&self) -> &'static [Task] {
        self.tasks
    }

    pub(super) fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The home page's URL as crawled (after the redirects the crawl reported).
    pub(super) fn home(&self) -> &str {
        self.home_page()
            .map_or(&self.home, |p| p.summary.url.as_str())
    }

    pub(super) fn config(&self) -> &Config {
        &self.config
    }

    pub(super) fn is_cut_short(&self) -> bool {
        self.cut_short
    }

    /// The home page: the start URL's page, else the first page the crawl gave (its start
    /// page, reached through redirects the driver did not report).
    pub(super) fn home_page(&self) -> Option<&Page> {
        self.page(&self.home).or_else(|| self.pages.first())
    }

    /// A crawled page by URL, through the redirects the crawl followed.
    pub(super) fn page(&self, url: &str) -> Option<&Page> {
        self.by_url.get(self.target(url)).map(|&i| &self.pages[i])
    }

    pub(super) fn page_index(&self, url: &str) -> Option<usize> {
        self.by_url.get(self.target(url)).copied()
    }

    /// Where a link leads: its target after the redirects the crawl followed.
    pub(super) fn target<'a>(&'a self, url: &'a str) -> &'a str {
        if let Some(to) = self.redirects.get(url) {
            return to;
        }
        if self.by_url.contains_key(url) {
            return url;
        }
        // `/bins` and `/bins/` are one page when the crawl met only one of them (a server
        // redirects one to the other; the driver may not report every redirect).
        let other = match url.strip_suffix('/') {
            Some(without) => without.to_string(),
            None => format!("{url}/"),
        };
        match self.by_url.get_key_value(other.as_str()) {
            Some((known, _)) => known,
            None => url,
        }
    }

    pub(super) fn unfetched(&self, url: &str) -> Option<&(Option<u16>, Option<String>)> {
        self.unfetched.get(url)
    }

    pub(super) fn answer_page(&self, url: &str) -> Option<&PageSummary> {
        self.answers.get(url).and_then(|a| a.page.as_ref())
    }

    /// The task page found for a task.
    pub(super) fn task_page(&self, task: usize) -> Option<&Page> {
        self.found
            .as_ref()
            .and_then(|f| f[task])
            .map(|i| &self.pages[i])
    }

    /// The site-search answer for a task: the results page, or why there is none.
    pub(super) fn search_answer(&self, task: usize) -> Option<Result<&PageSummary, String>> {
        let answer = self.searches.get(&task)?;
        Some(match (&answer.page, answer.ok()) {
            (Some(page), true) => Ok(page),
            _ => Err(answer.why()),
        })
    }

    /// The site's GET search form, from the home page (else any page).
    pub(super) fn search_form(&self) -> Option<super::summary::Form> {
        let from_home = self.home_page().and_then(|p| {
            p.summary
                .forms
                .iter()
                .find(|f| f.is_search && f.method == super::summary::FormMethod::Get)
        });
        from_home
            .or_else(|| {
                self.pages.iter().find_map(|p| {
                    p.summary
                        .forms
                        .iter()
                        .find(|f| f.is_search && f.method == super::summary::FormMethod::Get)
                })
            })
            .map(|form| (**form).clone())
    }

    pub(super) fn council(&self) -> Option<&'static super::councils::Council> {
        self.config.council.or_else(|| {
            (!self.home_host.is_empty())
                .then(|| super::councils::by_host(&self.home_host))
                .flatten()
        })
    }

    /// The tier, and where it came from.
    pub(super) fn tier(&self) -> (Option<Tier>, TierSource) {
        if let Some(tier) = self.config.tier {
            return (Some(tier), TierSource::Given);
        }
        if let Some(council) = self.council() {
            return (Some(council.tier), TierSource::Council);
        }
        match self.guess_tier() {
            Some(tier) => (Some(tier), TierSource::Guessed),
            None => (None, TierSource::Unknown),
        }
    }

    /// The tier guessed from the site (see [`Analysis::guess_tier_from_pages`]), computed
    /// once per detection.
    fn guess_tier(&self) -> Option<Tier> {
        match self.tier_guess {
            Some(guess) => guess,
            None => self.guess_tier_from_pages(),
        }
    }

    /// A district links to its county, or has pages for several district tasks and none
    /// for a county's; a unitary has pages for both tiers' tasks.
    fn guess_tier_from_pages(&self) -> Option<Tier> {
        // Asked last, only when the task counts leave the tier open: it reads every link.
        let links_to_county = || {
            self.pages.iter().any(|p| {
                p.summary
                    .links
                    .iter()
                    .any(|l| self.county_link(&l.href, &l.text))
            })
        };
        let found = self.found.as_ref()?;
        let mut county_tasks = 0;
        let mut district_tasks = 0;
        for (task, page) in self.tasks.iter().zip(found) {
            let Some(page) = page else {
                continue;
            };
            // A district's page for a county task sends residents to the county: it is no
            // sign that the site runs the task.
            let signposts_county = || {
                self.pages[*page]
                    .summary
                    .links
                    .iter()
                    .any(|l| self.county_link(&l.href, &l.text))
            };
            match task.provider {
                super::Provider::CountyUnitary if !signposts_county() => county_tasks += 1,
                super::Provider::CountyUnitary => {}
                super::Provider::DistrictUnitary => district_tasks += 1,
                super::Provider::All => {}
            }
        }
        if county_tasks == 0 && district_tasks > 0 && links_to_county() {
            Some(Tier::District)
        } else if county_tasks >= 2 && district_tasks >= 2 {
            Some(Tier::Unitary)
        } else if county_tasks >= 2 && district_tasks == 0 {
            Some(Tier::County)
        } else if district_tasks > 0 && links_to_county() {
            Some(Tier::District)
        } else if county_tasks == 0 && district_tasks >= 3 && !self.cut_short {
            // Pages for several district tasks (council tax, bins, planning, housing) and
            // none for a county's (roads, schools, social care, libraries) on a site crawled
            // whole: a unitary would have some of those too.
            Some(Tier::District)
        } else {
            None
        }
    }

    /// Whether the council provides the task (true when its tier is not known).
    pub(super) fn provided(&self, task: &Task) -> bool {
        let country = self
            .council()
            .map_or(super::Country::England, |c| c.country);
        match self.config.tier.or_else(|| self.council().map(|c| c.tier)) {
            Some(tier) => task.provided_in(tier, country),
            None => self
                .guess_tier()
                .is_none_or(|tier| task.provided_in(tier, country)),
        }
    }

    /// A link to a county council: the council's parent, a county in the council table, or
    /// another council's site named a county council in the link text.
    pub(super) fn county_link(&self, href: &str, text: &str) -> bool {
        let Some(host) = host_of(href) else {
            return false;
        };
        if self.is_own_host(&host) {
            return false;
        }
        if let Some(parent) = self.council().and_then(|c| c.parent()) {
            if parent
                .homepage
                .and_then(host_of)
                .is_some_and(|h| same_site(&h, &host))
            {
                return true;
            }
        }
        if super::councils::by_host(&host).is_some_and(|c| c.tier == Tier::County) {
            return true;
        }
        has_phrase(&text.to_lowercase(), "county council")
            || self.county_hosts.iter().any(|c| same_site(c, &host))
    }

    /// Whether a URL is on the council's own hosts (the home page's site, or a local folder).
    pub(super) fn is_own(&self, url: &Url) -> bool {
        match url.host_str() {
            None => url.scheme() == "file",
            Some(host) => self.is_own_host(&host.to_ascii_lowercase()),
        }
    }

    fn is_own_host(&self, host: &str) -> bool {
        !self.home_host.is_empty() && same_site(host, &self.home_host)
    }

    // -----------------------------------------------------------------------------------
    // Task pages.

    /// Finds each task's page among the crawled pages (once per set of pages).
    fn detect(&mut self) {
        if self.found.is_some() {
            return;
        }
        let mut county_hosts: Vec<String> = Vec::new();
        for page in &self.pages {
            for link in &page.summary.links {
                if has_phrase(&link.text.to_lowercase(), "county council") {
                    if let Some(host) = host_of(&link.href).filter(|h| !self.is_own_host(h)) {
                        if !county_hosts.contains(&host) {
                            county_hosts.push(host);
                        }
                    }
                }
            }
        }
        self.county_hosts = county_hosts;
        // Link texts pointing at each page, and how many links from the home page.
        let mut inbound: HashMap<&str, Vec<&str>> = HashMap::new();
        for page in &self.pages {
            for link in &page.summary.links {
                if *link.href != *page.summary.url {
                    inbound
                        .entry(self.target(&link.href))
                        .or_default()
                        .push(&link.text);
                }
            }
        }
        // Menus repeat one link on every page: each text is scored once, the count kept for
        // the tie-break.
        let mut inbound_counts: HashMap<&str, usize> = HashMap::new();
        for (url, texts) in inbound.iter_mut() {
            inbound_counts.insert(url, texts.len());
            texts.sort_unstable();
            texts.dedup();
        }
        let home = self.home();
        let home_links: HashSet<&str> = self
            .home_page()
            .map(|p| {
                p.summary
                    .links
                    .iter()
                    .map(|l| self.target(&l.href))
                    .collect()
            })
            .unwrap_or_default();
        // What every task is matched against, worked out once per page rather than once per
        // task: whether the page can be a task's page, its heading's, title's and path's words.
        let words: Vec<Option<PageWords>> = self
            .pages
            .iter()
            .map(|page| {
                (page.ok() && page.summary.url != home && !is_index_page(&page.summary)).then(
                    || PageWords {
                        h1: super::catalogue::text_words(&page.summary.h1),
                        title: super::catalogue::text_words(&page.summary.title),
                        path: Url::parse(&page.summary.url)
                            .ok()
                            .map(|u| super::catalogue::path_words(u.path())),
                    },
                )
            })
            .collect();
        // The calls to action each page sends elsewhere, read once rather than once per task.
        let outgoing: Vec<Vec<&str>> = self
            .pages
            .iter()
            .zip(&words)
            .map(|(page, words)| match words {
                Some(_) => self.outgoing_texts(&page.summary),
                None => Vec::new(),
            })
            .collect();
        // Each task is scored only against the pages whose words could name it (identical
        // results: a task no word could match scores `None`), in page order as before.
        let text_index = super::catalogue::TaskIndex::new(self.tasks, |t| t.words);
        let path_index = super::catalogue::TaskIndex::new(self.tasks, |t| t.path_words);
        let mut pages_of: Vec<Vec<usize>> = vec![Vec::new(); self.tasks.len()];
        let mut could = vec![false; self.tasks.len()];
        for (index, page_words) in words.iter().enumerate() {
            let Some(page_words) = page_words else {
                continue;
            };
            could.fill(false);
            text_index.mark(&page_words.h1, &mut could);
            text_index.mark(&page_words.title, &mut could);
            if let Some(path) = &page_words.path {
                path_index.mark(path, &mut could);
            }
            for text in &outgoing[index] {
                text_index.mark(&super::catalogue::text_words(text), &mut could);
            }
            for (task, could) in could.iter().enumerate() {
                if *could {
                    pages_of[task].push(index);
                }
            }
        }
        let found = self
            .tasks
            .iter()
            .zip(&pages_of)
            .map(|(task, pages_of)| {
                let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
                for &index in pages_of {
                    let page = &self.pages[index];
                    let Some(page_words) = &words[index] else {
                        continue;
                    };
                    let links = inbound
                        .get(page.summary.url.as_str())
                        .map_or(&[][..], Vec::as_slice);
                    let Some(score) =
                        page_score(task, &page.summary, page_words, links).or_else(|| {
                            outgoing[index]
                                .iter()
                                .filter_map(|text| task.text_strength(text))
                                .max()
                        })
                    else {
                        continue;
                    };
                    let count = inbound_counts
                        .get(page.summary.url.as_str())
                        .copied()
                        .unwrap_or(0);
                    let tie =
                        count + 10 * usize::from(home_links.contains(page.summary.url.as_str()));
                    candidates.push((score, tie, index));
                }
                candidates.sort_by_key(|c| std::cmp::Reverse((c.0, c.1)));
                let &(score, _, best) = candidates.first()?;
                // A form page and the page that leads to it both name the task: the task's
                // page is the one the journey starts from.
                let form_page = task.interaction != Interaction::Find
                    && self.form_route(task, &self.pages[best].summary).is_some();
                let heading = task.text_strength(&self.pages[best].summary.h1);
                let leads_in = candidates.iter().find(|&&(s, _, c)| {
                    c != best
                        && 2 * s >= score
                        && task.text_strength(&self.pages[c].summary.h1) >= heading
                        && self.pages[c].summary.links.iter().any(|l| {
                            l.region == Region::Main
                                && self.target(&l.href) == self.pages[best].summary.url
                        })
                });
                match leads_in {
                    Some(&(_, _, c)) if form_page => Some(c),
                    _ => Some(best),
                }
            })
            .collect();
        self.found = Some(found);
        self.tier_guess = Some(self.guess_tier_from_pages());
    }

    /// The texts of a page's calls to action that link out to do something ("Pay business
    /// rates online" to a payment host; "Report a pothole" on the county's site): a page
    /// without a task's name scores, below any page named for the task, by the strongest
    /// of them that names the task.
    fn outgoing_texts<'p>(&self, page: &'p PageSummary) -> Vec<&'p str> {
        page.links
            .iter()
            .filter(|l| l.region == Region::Main)
            .filter(|l| {
                let external = host_of(&l.href).is_some_and(|h| !self.is_own_host(&h));
                (external || super::hosts::classify_url(&l.href).is_some())
                    && has_action_verb(&l.text)
            })
            .map(|l| &*l.text)
            .collect()
    }

    // -----------------------------------------------------------------------------------
    // Routes.

    /// How the task's route ends; URLs it needs answered go in `wants`.
    pub(super) fn route_of(&self, task: usize, wants: &mut Vec<Url>) -> RouteOutcome {
        let Some(page) = self.task_page(task) else {
            return RouteOutcome::Nothing;
        };
        let t = &self.tasks[task];
        let own_form = self.form_route(t, &page.summary).map(|kind| {
            let url = own_form_url(&page.summary, kind);
            // A form sent to another site (a FixMyStreet or planning-portal look-up) starts
            // a journey there, on pages not read.
            let on_page = url == page.summary.url;
            let external = !on_page && Url::parse(&url).is_ok_and(|u| !self.is_own(&u));
            RouteOutcome::Working {
                route: Route {
                    host: host_of(&url).unwrap_or_default(),
                    url,
                    kind: kind.to_string(),
                    checked: if external && !self.config.check_external {
                        RouteCheck::NotChecked
                    } else {
                        RouteCheck::Ok
                    },
                },
                page: on_page
                    .then(|| self.page_index(&page.summary.url).map(PageRef::Crawled))
                    .flatten(),
                via: None,
            }
        });
        if t.interaction != Interaction::Find {
            if let Some(route) = own_form {
                return route;
            }
            return self.follow(t, &page.summary, 0, wants);
        }
        // A "find" task: a call to action into the service wins over the page's own
        // look-up form (which often just leads into it), which wins over the page itself.
        match self.follow(t, &page.summary, 0, wants) {
            working @ RouteOutcome::Working { .. } => working,
            other => own_form.unwrap_or(other),
        }
    }

    /// The kind of route a page's own form gives the task: a transaction form in the main
    /// content, or (for a "find" task) a look-up.
    fn form_route(&self, task: &Task, page: &PageSummary) -> Option<&'static str> {
        let mut usable = page.forms.iter().map(|f| &**f).filter(|f| {
            !f.has_password && !f.inputs.is_empty() && !f.in_header && !is_feedback_form(f)
        });
        if task.interaction == Interaction::Find {
            usable
                .find(|f| f.is_location || !f.is_search || f.region == Region::Main)
                .map(|f| if f.is_location { "look-up" } else { "form" })
        } else {
            // A postcode look-up sent by GET on a payment or application page checks
            // something (a council tax band, eligibility); it starts a report (a map of
            // the street) but not a payment or an application.
            let look_up_only = |f: &&super::summary::Form| {
                f.is_location && f.method == super::summary::FormMethod::Get && f.inputs.len() <= 2
            };
            usable
                .find(|f| {
                    !f.is_search
                        && f.region != Region::Footer
                        && (task.interaction == Interaction::Report || !look_up_only(f))
                })
                .map(|_| "form")
        }
    }

    /// Follows the calls to action of `page` (a task page, or a page a call to action led
    /// to) to where they end.
    fn follow(
        &self,
        task: &Task,
        page: &PageSummary,
        depth: usize,
        wants: &mut Vec<Url>,
    ) -> RouteOutcome {
        let has_main = page.links.iter().any(|l| l.region == Region::Main);
        let mut candidates: Vec<(u8, &super::summary::Link)> = page
            .links
            .iter()
            .map(|l| &**l)
            .filter(|l| {
                (if has_main {
                    l.region == Region::Main
                } else {
                    matches!(l.region, Region::Other | Region::Main)
                }) && *l.href != *page.url
                    && self.target(&l.href) != self.home()
            })
            .filter_map(|l| {
                let known = super::hosts::classify_url(&l.href).is_some();
                let cta = is_call_to_action(&l.text)
                    || task_call_to_action(task, &l.text)
                    || l.is_start
                    || (l.is_button && has_action_verb(&l.text));
                let task_words = task.text_strength(&l.text).is_some() && has_action_verb(&l.text);
                if !(known || cta || task_words) {
                    return None;
                }
                // The task's own action first ("Pay a parking fine" over "Challenge a PCN"),
                // then a known transaction host, then any call to action.
                let fits = task_words || has_interaction_verb(task.interaction, &l.text);
                let rank = u8::from(!fits) * 4 + u8::from(!known) * 2 + u8::from(!cta);
                Some((rank, l))
            })
            .collect();
        candidates.sort_by_key(|(rank, _)| *rank);
        let mut outcomes = Vec::new();
        for (_, link) in candidates.iter().take(4) {
            let via = Evidence {
                url: page.url.clone(),
                text: format!("\"{}\" → {}", link.text, link.href),
            };
            outcomes.push(self.outcome_of(task, &link.href, via, depth, wants));
        }
        // Documents offered as the way to do it.
        if outcomes.is_empty() {
            if let Some(doc) = page.signals.document_forms.first() {
                let href = doc.rsplit(" → ").next().unwrap_or("").to_string();
                outcomes.push(RouteOutcome::DocumentOnly {
                    url: href,
                    evidence: Evidence {
                        url: page.url.clone(),
                        text: format!("downloadable form: {doc}"),
                    },
                });
            }
        }
        if let Some(action) = page
            .signals
            .script_actions
            .iter()
            .find(|a| is_call_to_action(a))
        {
            outcomes.push(RouteOutcome::NeedsScript {
                evidence: Evidence {
                    url: page.url.clone(),
                    text: format!("\"{action}\" has no link: a script must wire it up"),
                },
            });
        }
        best_outcome(outcomes)
    }

    fn outcome_of(
        &self,
        task: &Task,
        href: &str,
        via: Evidence,
        depth: usize,
        wants: &mut Vec<Url>,
    ) -> RouteOutcome {
        let href = self.target(href).to_string();
        let host = host_of(&href).unwrap_or_default();
        if is_document_url(&href)
            || self
                .unfetched(&href)
                .and_then(|(_, ct)| ct.as_deref())
                .is_some_and(|ct| !ct.contains("html"))
        {
            return RouteOutcome::DocumentOnly {
                url: href,
                evidence: Evidence {
                    url: via.url,
                    text: format!("{} (a document, not an online form)", via.text),
                },
            };
        }
        let Ok(url) = Url::parse(&href) else {
            return RouteOutcome::Nothing;
        };
        let own = self.is_own(&url);
        let known = super::hosts::classify_url(&href);
        // Crawled, or answered since.
        if let Some(page) = self.page(&href) {
            if !page.ok() {
                return RouteOutcome::Broken {
                    url: href,
                    why: format!("HTTP {}", page.status),
                    via,
                };
            }
            return self.judge_page(
                task,
                &page.summary,
                PageRef::Crawled(self.page_index(&href).unwrap_or(0)),
                known,
                via,
                depth,
                wants,
            );
        }
        if let Some((Some(status), _)) = self.unfetched(&href) {
            if *status >= 400 {
                return RouteOutcome::Broken {
                    url: href,
                    why: format!("HTTP {status}"),
                    via,
                };
            }
        }
        if let Some(answer) = self.answers.get(&href) {
            if !answer.ok() {
                return RouteOutcome::Broken {
                    url: href,
                    why: answer.why(),
                    via,
                };
            }
            return match &answer.page {
                Some(summary) => {
                    self.judge_page(task, summary, PageRef::Answered, known, via, depth, wants)
                }
                None => match known {
                    Some(k) => working(&href, &host, kind_name(k.kind), RouteCheck::Ok, None, via),
                    None => RouteOutcome::Nothing,
                },
            };
        }
        // Not known yet.
        if own || self.config.check_external {
            wants.push(url);
        }
        match known {
            Some(k) => working(
                &href,
                &host,
                kind_name(k.kind),
                RouteCheck::NotChecked,
                None,
                via,
            ),
            // A call to action to another site: a service the council uses that the host
            // list does not know (or GOV.UK's), not checked without `--check-external`.
            None if !own => working(
                &href,
                &host,
                "third-party",
                RouteCheck::NotChecked,
                None,
                via,
            ),
            // On the site and asked for: not answered (yet).
            None => RouteOutcome::Nothing,
        }
    }

    /// What a page a call to action led to gives: a form, a sign-in wall, or (one more
    /// step) another call to action.
    #[allow(clippy::too_many_arguments)]
    fn judge_page(
        &self,
        task: &Task,
        summary: &PageSummary,
        at: PageRef,
        known: Option<super::hosts::KnownHost>,
        via: Evidence,
        depth: usize,
        wants: &mut Vec<Url>,
    ) -> RouteOutcome {
        let host = host_of(&summary.url).unwrap_or_default();
        if let Some(wall) = sign_in_wall(summary) {
            return RouteOutcome::SignIn {
                url: summary.url.clone(),
                evidence: wall,
                register: registration(summary),
            };
        }
        if let Some(kind) = self.form_route(task, summary) {
            let kind = known.map_or(kind, |k| kind_name(k.kind));
            return working(&summary.url, &host, kind, RouteCheck::Ok, Some(at), via);
        }
        if let Some(k) = known {
            // A transaction host's start page that answered: its form may need a script.
            return working(
                &summary.url,
                &host,
                kind_name(k.kind),
                RouteCheck::Ok,
                Some(at),
                via,
            );
        }
        if depth < 1 {
            let next = self.follow(task, summary, depth + 1, wants);
            if next != RouteOutcome::Nothing {
                return next;
            }
        }
        // A page a call to action leads to, with no form in its markup and nothing further
        // to follow: when its scripts may build the form, it cannot be judged offline.
        let why = summary.signals.needs_javascript.clone().or_else(|| {
            summary.signals.app_scripts.then(|| {
                "the start page has no form in its markup, and scripts that may build one".into()
            })
        });
        match why {
            Some(text) => RouteOutcome::NeedsScript {
                evidence: Evidence {
                    url: summary.url.clone(),
                    text,
                },
            },
            None => RouteOutcome::Nothing,
        }
    }
}

/// The name a route's kind has in the report for a known host's kind.
fn kind_name(kind: super::hosts::HostKind) -> &'static str {
    use super::hosts::HostKind;
    match kind {
        HostKind::Payment => "payment",
        HostKind::Forms => "forms",
        HostKind::Reporting => "reporting",
        HostKind::Booking => "booking",
        HostKind::Portal => "portal",
    }
}

/// Drops the header and footer links every page repeats (menus of a hundred links on
/// council sites), keeping the few the checks read on every page: the statement, privacy,
/// cookies, contact, A–Z, service status and county links. The home page keeps all of
/// its links.
fn compact(summary: &mut PageSummary) {
    const KEEP: &[&str] = &[
        "accessib",
        "hygyrchedd",
        "privacy",
        "cookie",
        "contact",
        "county council",
        "service status",
        "service update",
        "disruption",
        "a-z",
        "a to z",
        "a–z",
        "atoz",
    ];
    summary.links.retain(|l| {
        if !matches!(l.region, Region::Header | Region::Footer) {
            return true;
        }
        let text = l.text.to_lowercase();
        let href = l.href.to_lowercase();
        KEEP.iter().any(|k| text.contains(k) || href.contains(k))
    });
    summary.links.shrink_to_fit();
}

/// Gives back the spare capacity of a kept summary's strings and lists: it is held until
/// the crawl ends, and text built piece by piece can carry twice its length.
fn shrink(summary: &mut PageSummary) {
    summary.url.shrink_to_fit();
    summary.title.shrink_to_fit();
    summary.h1.shrink_to_fit();
    for (text, href) in &mut summary.breadcrumbs {
        text.shrink_to_fit();
        href.shrink_to_fit();
    }
    summary.breadcrumbs.shrink_to_fit();
    // A summary's links and forms are its own until the analysis shares them.
    for link in summary.links.iter_mut().filter_map(Arc::get_mut) {
        if let Some(context) = &mut link.context {
            context.shrink_to_fit();
        }
    }
    summary.links.shrink_to_fit();
    for form in summary.forms.iter_mut().filter_map(Arc::get_mut) {
        form.action.shrink_to_fit();
        for input in &mut form.inputs {
            input.kind.shrink_to_fit();
            input.name.shrink_to_fit();
            input.label.shrink_to_fit();
            input.autocomplete.shrink_to_fit();
            input.placeholder.shrink_to_fit();
        }
        form.inputs.shrink_to_fit();
        form.hidden.shrink_to_fit();
    }
    summary.forms.shrink_to_fit();
    summary.phones.shrink_to_fit();
    summary.emails.shrink_to_fit();
}

/// The shared copy of `text` (see [`Analysis::shared`]).
fn share<T: Eq + std::hash::Hash + ?Sized>(shared: &mut HashSet<Arc<T>>, text: &Arc<T>) -> Arc<T> {
    match shared.get(text) {
        Some(kept) => Arc::clone(kept),
        None => {
            shared.insert(Arc::clone(text));
            Arc::clone(text)
        }
    }
}

fn working(
    url: &str,
    host: &str,
    kind: &str,
    checked: RouteCheck,
    page: Option<PageRef>,
    via: Evidence,
) -> RouteOutcome {
    RouteOutcome::Working {
        route: Route {
            url: url.to_string(),
            kind: kind.to_string(),
            host: host.to_string(),
            checked,
        },
        page,
        via: Some(via),
    }
}

/// The most useful of several outcomes: a working route wins over a sign-in wall, over a
/// host not checked, a script, a broken link, a document, nothing.
fn best_outcome(outcomes: Vec<RouteOutcome>) -> RouteOutcome {
    let rank = |o: &RouteOutcome| match o {
        RouteOutcome::Working { route, .. } if route.checked == RouteCheck::Ok => 0,
        RouteOutcome::Working { .. } => 1,
        RouteOutcome::SignIn { .. } => 2,
        RouteOutcome::NeedsScript { .. } => 4,
        RouteOutcome::Broken { .. } => 5,
        RouteOutcome::DocumentOnly { .. } => 6,
        RouteOutcome::Nothing => 7,
    };
    outcomes
        .into_iter()
        .min_by_key(rank)
        .unwrap_or(RouteOutcome::Nothing)
}

/// A page that asks for an account before the task: a password field or account wording,
/// no way in as a guest, and no form to do the task without signing in.
pub(super) fn sign_in_wall(page: &PageSummary) -> Option<String> {
    if page.signals.guest_option.is_some() {
        return None;
    }
    let transaction = page
        .forms
        .iter()
        .any(|f| f.is_transaction() && !is_feedback_form(f) && !f.in_header);
    if transaction {
        return None;
    }
    if page.forms.iter().any(|f| f.has_password) {
        return Some(match &page.signals.account_wording {
            Some(w) => format!("sign-in form: \"{w}\""),
            None => "a sign-in form (password field) and no way to continue as a guest".into(),
        });
    }
    page.signals
        .account_wording
        .as_ref()
        .map(|w| format!("\"{w}\", and no way to continue as a guest"))
}

/// How a sign-in page lets a resident make an account online: a link to register, or its
/// wording.
fn registration(page: &PageSummary) -> Option<String> {
    const REGISTER: &[&str] = &[
        "create an account",
        "create account",
        "register for an account",
        "register now",
        "sign up",
        "register",
    ];
    page.links
        .iter()
        .filter(|l| !matches!(l.region, Region::Header | Region::Footer))
        .find(|l| {
            let t = l.text.to_lowercase();
            REGISTER.iter().any(|w| has_phrase(&t, w))
        })
        .map(|l| format!("\"{}\" → {}", l.text, l.href))
}

/// "Was this page useful?" widgets, newsletter sign-ups: forms on every page that do no
/// council business.
pub(super) fn is_feedback_form(form: &super::summary::Form) -> bool {
    let action = form.action.to_lowercase();
    let marks = [
        "feedback",
        "helpful",
        "useful",
        "rating",
        "rate this",
        "newsletter",
        "subscribe",
        "cookie",
        "language",
        "translate",
        "e-billing",
        "ebilling",
        "email updates",
        "email alerts",
        "sign up",
        "signup",
    ];
    marks.iter().any(|m| action.contains(m))
        || form.inputs.iter().any(|i| {
            let described = format!("{} {}", i.name, i.label).to_lowercase();
            marks.iter().any(|m| described.contains(m))
        })
}

/// Calls to action only one task has: the contact page's online form.
fn task_call_to_action(task: &Task, text: &str) -> bool {
    let lower = text.to_lowercase();
    task.id == "contact-council"
        && [
            "contact form",
            "send us a message",
            "message us",
            "enquiry form",
            "send us an enquiry",
            "make an enquiry",
            "online enquiry",
        ]
        .iter()
        .any(|p| has_phrase(&lower, p))
}

/// Where a page's own form leads: the page, unless the form is sent to another site (a
/// look-up into a planning portal), which is then the route.
fn own_form_url(page: &PageSummary, kind: &str) -> String {
    let form = page
        .forms
        .iter()
        .find(|f| !f.has_password && !f.in_header && (kind != "look-up" || f.is_location));
    match form {
        Some(f) if host_of(&f.action) != host_of(&page.url) => f.action.clone(),
        _ => page.url.clone(),
    }
}

/// Verbs of one interaction.
fn has_interaction_verb(interaction: Interaction, text: &str) -> bool {
    let verbs: &[&str] = match interaction {
        Interaction::Pay => &["pay", "payment", "make a payment"],
        Interaction::Report => &["report", "tell us"],
        Interaction::Apply => &[
            "apply",
            "register",
            "request",
            "claim",
            "join",
            "renew",
            "sign up",
            "order",
            "subscribe",
        ],
        Interaction::Book => &[
            "book",
            "arrange",
            "request",
            "renew",
            "reserve",
            "make an appointment",
        ],
        Interaction::Find => &["find", "check", "search", "look up", "view"],
    };
    let lower = text.to_lowercase();
    verbs.iter().any(|v| has_phrase(&lower, v))
}

/// Verbs of the task interactions in link texts ("Report a missed bin", "Pay council tax").
const ACTION_VERBS: &[&str] = &[
    "pay", "report", "apply", "book", "request", "register", "renew", "claim", "order", "check",
    "find", "tell us", "make", "arrange", "join", "object", "comment", "view", "search", "send",
];

fn has_action_verb(text: &str) -> bool {
    let lower = text.to_lowercase();
    ACTION_VERBS.iter().any(|v| has_phrase(&lower, v))
}

/// A–Z pages, search results, sitemaps and news list or mention many tasks: never a task's
/// page.
fn is_index_page(page: &PageSummary) -> bool {
    let title = format!("{} {}", page.title, page.h1).to_lowercase();
    let path = Url::parse(&page.url)
        .map(|u| u.path().to_ascii_lowercase())
        .unwrap_or_default();
    is_a_to_z_text(&title)
        || path.contains("/a-z")
        || path.contains("/atoz")
        || path.contains("/a-to-z")
        || has_phrase(&title, "search results")
        || has_phrase(&title, "sitemap")
        || has_phrase(&title, "site map")
        || path
            .split('/')
            .any(|segment| NOT_TASK_SECTIONS.contains(&segment))
}

/// Site sections whose pages talk about a task without being its page: news ("Residents
/// reminded to report missed bins"), the search.
const NOT_TASK_SECTIONS: &[&str] = &[
    "news",
    "press-releases",
    "press-release",
    "newsroom",
    "blog",
    "blogs",
    "search",
];

/// "A-Z", "A to Z", "A–Z of services".
pub(super) fn is_a_to_z_text(lower: &str) -> bool {
    has_phrase(lower, "a-z")
        || has_phrase(lower, "a to z")
        || has_phrase(lower, "a–z")
        || has_phrase(lower, "a - z")
        || has_phrase(lower, "a‑z")
}

/// A page's words, split once for scoring it against every task.
struct PageWords {
    h1: Vec<String>,
    title: Vec<String>,
    path: Option<Vec<String>>,
}

/// How well a page is the task's page: its heading, title, breadcrumb, URL path and the
/// texts of links to it, each weighed by the strength of the phrase it matched (longer
/// phrases are more specific). `None` unless the heading or title names the task, or the
/// path and the links to the page both do.
fn page_score(
    task: &Task,
    page: &PageSummary,
    words: &PageWords,
    inbound: &[&str],
) -> Option<usize> {
    let h1 = task.words_strength(&words.h1);
    let title = task.words_strength(&words.title);
    let path = words
        .path
        .as_deref()
        .and_then(|p| task.path_words_strength(p));
    // Most pages are not the task's: settle that before reading the links to them.
    if h1.is_none() && title.is_none() && path.is_none() {
        return None;
    }
    let link = inbound.iter().filter_map(|t| task.text_strength(t)).max();
    let named = h1.is_some() || title.is_some() || (path.is_some() && link.is_some());
    if !named {
        return None;
    }
    let crumb = page
        .breadcrumbs
        .last()
        .and_then(|(text, _)| task.text_strength(text));
    let score = 4 * h1.unwrap_or(0)
        + 3 * title.unwrap_or(0)
        + 2 * crumb.unwrap_or(0)
        + 3 * path.unwrap_or(0)
        + 2 * link.unwrap_or(0);
    Some(score)
}

/// The host of a URL, lower case.
pub(super) fn host_of(url: &str) -> Option<String> {
    Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
}

/// Whether two hosts belong to one site: the same registrable domain (`www.council.gov.uk`
/// and `forms.council.gov.uk`), counting the public suffixes councils use.
pub(super) fn same_site(a: &str, b: &str) -> bool {
    let site = |h: &str| -> String {
        let labels: Vec<&str> = h.trim_end_matches('.').split('.').collect();
        let two_label_suffix = [
            ".gov.uk",
            ".org.uk",
            ".co.uk",
            ".ac.uk",
            ".nhs.uk",
            ".gov.wales",
            ".gov.scot",
            ".llyw.cymru",
        ]
        .iter()
        .any(|s| h.ends_with(s));
        let suffix_len = if two_label_suffix { 2 } else { 1 };
        let keep = (suffix_len + 1).min(labels.len());
        labels[labels.len() - keep..].join(".")
    };
    site(a) == site(b)
}

/// What a resident types in the site search for a task: its name with the action word, as
/// Better Connected searched ("Pay council tax"), or for a long name the catalogue's main
/// phrase (site searches that need every word find nothing for eight-word queries).
pub(super) fn search_term(task: &Task) -> String {
    if task.name.split_whitespace().count() <= 5 {
        task.name.to_string()
    } else {
        task.words.first().unwrap_or(&task.name).to_string()
    }
}

/// The URL of a GET search for `term` through `form`.
pub(super) fn search_url(form: &super::summary::Form, term: &str) -> Option<Url> {
    let field = form.query_field()?;
    if field.name.is_empty() {
        return None;
    }
    let mut url = Url::parse(&form.action).ok()?;
    url.set_query(None);
    {
        let mut query = url.query_pairs_mut();
        for (name, value) in &form.hidden {
            query.append_pair(name, value);
        }
        query.append_pair(&field.name, term);
    }
    Some(url)
}

#[cfg(test)]
mod tests;
