//! `frontdesk crawl`: audit a whole site.
//!
//! The crawl's logic is in the engine, without I/O (`frontdesk_core::crawl`): the
//! [`Crawler`] state machine decides what to request and when (frontier, scope, robots.txt
//! per origin, sitemap discovery, limits, the politeness schedule, retries, redirects,
//! HEAD then GET for documents). This module is its driver, with tokio and reqwest (or the
//! local file reader):
//!
//! - [`fetch`]: one exchange over HTTP (timeouts, capped streaming bodies) or from a file;
//! - [`page`]: decode, parse once, audit, extract links (on blocking threads);
//! - [`report`]: the deterministic JSON and text reports;
//! - [`services`]: the services analysis (top tasks, accessibility statement) fed with each
//!   page's summary, then driven to its end after the crawl.
//!
//! One coordinator task owns the [`Crawler`] and loops: it sends every request the machine
//! gives now, each on a task of its own; sleeps until the machine's next wake-up or the
//! next completion; reports each answer; and does the work the answers bring (audit a page
//! on the blocking pool, parse a sitemap, keep a style sheet). Pages are audited as they
//! arrive and their HTML dropped at once, so memory holds findings, not pages.

mod fetch;
mod page;
mod report;
mod services;

// The network-free stages are in the engine (frontdesk-core), where the wasm build and the
// fuzz targets can reach them too.
use frontdesk_core::crawl::{frontier, normalize, scope, sitemap_parse};

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::{mpsc, oneshot, Semaphore};
use tokio::task::JoinSet;
use url::Url;

use crate::args::CrawlArgs;
use crate::decode::{decode_css, decode_html};
use crate::output;
use crate::{error, EXIT_ERROR};

use fetch::{Fetcher, Http, HttpConfig};
use frontdesk_core::crawl::exchange::{Answer, ErrorKind, Failure};
use frontdesk_core::crawl::machine::{
    Audit, Config, Crawler, Purpose, Request, RequestId, TaskId, Work,
};
use frontdesk_core::crawl::robots_txt::product_token;
use frontdesk_core::crawl::sitemap_parse::Parsed;
use frontdesk_core::services::analysis::Config as ServicesConfig;
use frontdesk_core::services::councils::{self, Council};
use frontdesk_core::services::statement::Date;
use page::{Analysed, Analysis, StyleCache};
use report::{http_message, Marking, PageRecord, PageStore};
use scope::Scope;
use services::Services;

/// Rounds of "audit, fetch the sheets it asked for, audit again" per page (a linked sheet
/// can `@import` another, which is only discovered once the first is loaded).
const MAX_STYLE_ROUNDS: usize = 3;

/// A style sheet an audit needs, and how to tell it that the sheet is in the cache.
type SheetWanted = (String, oneshot::Sender<()>);

/// Everything the driver's tasks share.
struct Ctx {
    fetcher: Arc<Fetcher>,
    styles: StyleCache,
    /// Audits running at once: one per core, so memory holds at most that many parsed
    /// pages however high `--concurrency` is.
    audit_slots: Semaphore,
    /// The site folder, for folder crawls.
    local_root: Option<Url>,
    /// To the coordinator: sheets audits need.
    sheets: mpsc::UnboundedSender<SheetWanted>,
    /// Whether pages are summarised for the services analysis (not with --no-services).
    summarise: bool,
}

/// The command: parse the arguments, crawl, write the report. Returns the exit code.
pub fn run(args: CrawlArgs) -> u8 {
    for target in &args.targets {
        if let Err(message) = output::check_destination(&target.dest) {
            error(message);
            return EXIT_ERROR;
        }
    }
    let mut gates = match crate::gates::Gates::from_args(&args.gates) {
        Ok(gates) => gates,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };
    let (start, local_root) = match start_of(&args.start) {
        Ok(start) => start,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };
    let scope_root = local_root.clone().unwrap_or_else(|| start.clone());
    let scope = match Scope::for_site(&scope_root, &args.include, &args.exclude) {
        Ok(scope) => scope,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };
    let council = match council_of(&args, &start, local_root.is_some()) {
        Ok(council) => council,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };
    let logging = init_logging();

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("frontdesk-crawl")
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            error(format_args!("cannot start the crawler: {e}"));
            return EXIT_ERROR;
        }
    };
    let progress = !args.quiet && !logging && std::io::stderr().is_terminal();
    let marking = Marking {
        baseline: gates.baseline.take(),
        file_root: local_root.as_ref().map(Url::to_string),
        min_level: gates.policy.min_level,
    };
    let crawled = runtime.block_on(crawl(
        &args, start, local_root, scope, council, progress, marking,
    ));
    // Tasks still running (only after an interrupt) are cancelled with the runtime.
    runtime.shutdown_timeout(Duration::from_millis(100));
    let crawled = match crawled {
        Ok(crawled) => crawled,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };

    let Crawled {
        report,
        mut store,
        no_pages,
    } = crawled;
    // Each report streams the pages from the store again: memory stays flat however many
    // formats are written.
    let mut write_errors = false;
    for target in &args.targets {
        let style = target.dest.text_style();
        let written = output::write_with(&target.dest, |out| {
            report.write(target.format, style, out, &mut store)
        });
        if let Err(message) = written {
            error(message);
            write_errors = true;
        }
    }
    if write_errors {
        return EXIT_ERROR;
    }
    if let Some(problem) = no_pages {
        error(problem);
        return EXIT_ERROR;
    }
    if report.interrupted() {
        error("the crawl was interrupted; the report is partial");
        return EXIT_ERROR;
    }
    gates.verdict(&report.gate_failures(&gates.policy))
}

/// The council: `--council` (an unknown one is an error naming the closest), else the
/// one whose website is the crawled host, if any.
fn council_of(
    args: &CrawlArgs,
    start: &Url,
    local: bool,
) -> Result<Option<&'static Council>, String> {
    if let Some(query) = &args.council {
        return councils::find(query).map(Some).map_err(|unknown| {
            format!(
                "unknown council '{query}'; the closest names are: {}",
                unknown.closest.join(", ")
            )
        });
    }
    Ok(if local {
        None
    } else {
        start.host_str().and_then(councils::by_host)
    })
}

/// Today (UTC), or `--crawl-date`: what the statement's dates are judged against.
fn crawl_date(args: &CrawlArgs) -> Date {
    if let Some((year, month, day)) = args.crawl_date {
        if let Some(date) = Date::new(year, month, day) {
            return date;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

/// `RUST_LOG=frontdesk=debug` and the like; nothing is logged without it.
fn init_logging() -> bool {
    let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG") else {
        return false;
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init()
        .is_ok()
}

/// The start URL, and the site folder for folder crawls.
fn start_of(arg: &str) -> Result<(Url, Option<Url>), String> {
    let path = Path::new(arg);
    if path.exists() {
        return local_start(path);
    }
    match Url::parse(arg) {
        Ok(url) => match url.scheme() {
            "http" | "https" => {
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(format!("invalid URL '{arg}': no host"));
                }
                let mut url = url;
                normalize::normalize(&mut url);
                Ok((url, None))
            }
            "file" => match url.to_file_path() {
                Ok(path) => local_start(&path),
                Err(()) => Err(format!("invalid file URL '{arg}'")),
            },
            scheme => Err(format!(
                "cannot crawl '{arg}': unsupported URL scheme '{scheme}:' (use http:// or https://, or give a folder)"
            )),
        },
        Err(url::ParseError::RelativeUrlWithoutBase) if !arg.contains("://") => Err(format!(
            "cannot crawl '{arg}': no such folder, and not a URL (URLs start with http:// or https://)"
        )),
        Err(e) => Err(format!("invalid URL '{arg}': {e}")),
    }
}

fn local_start(path: &Path) -> Result<(Url, Option<Url>), String> {
    let absolute = std::fs::canonicalize(path)
        .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let (folder, start) = if absolute.is_dir() {
        let index = absolute.join("index.html");
        if !index.is_file() {
            return Err(format!(
                "no index.html in '{}' (a folder is crawled from its index.html)",
                path.display()
            ));
        }
        (absolute.clone(), index)
    } else {
        let parent = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        (parent, absolute.clone())
    };
    let root = Url::from_directory_path(&folder)
        .map_err(|()| format!("cannot make a file:// URL for '{}'", folder.display()))?;
    let start = Url::from_file_path(&start)
        .map_err(|()| format!("cannot make a file:// URL for '{}'", start.display()))?;
    Ok((start, Some(root)))
}

struct Crawled {
    report: report::CrawlReport,
    /// The audited pages' findings, read back while the report is written.
    store: PageStore,
    /// Why no page at all could be audited (exit code 2).
    no_pages: Option<String>,
}

/// What a task of the driver's did.
enum Done {
    /// An exchange's answer.
    Exchange(RequestId, Result<Answer, Failure>),
    /// A page's audit (`None` when the engine failed), boxed: it is by far the largest.
    Audited(TaskId, Box<Option<AuditedPage>>),
    /// A sitemap parsed.
    Parsed(TaskId, Option<u16>, Parsed),
}

/// What the driver keeps of an audited page.
struct AuditedPage {
    page: frontier::Id,
    content_type: Option<String>,
    status: Option<u16>,
    fetch_ms: u64,
    /// Hash of the body as received, to spot the same page under two URLs.
    digest: u64,
    analysed: Analysed,
}

/// What each running task is, for when it panics (a frontdesk bug).
enum Running {
    Exchange(RequestId),
    Audit(TaskId),
    Parse(TaskId, Option<u16>),
}

/// The coordinator's state besides the machine.
struct Driver {
    ctx: Arc<Ctx>,
    tasks: JoinSet<Done>,
    running: HashMap<tokio::task::Id, Running>,
    /// Audits waiting for a sheet, by URL.
    sheet_waiters: HashMap<String, Vec<oneshot::Sender<()>>>,
    records: Vec<PageRecord>,
    store: PageStore,
    /// The services analysis; `None` with --no-services.
    services: Option<Services>,
    /// The start URL, and its page's title once audited (the site's name when the
    /// council is not known).
    start: String,
    home_title: Option<String>,
    /// frontdesk.toml's `[[ignore]]` entries, marked on each page before it is stored.
    ignores: frontdesk_core::report::IgnoreList,
}

async fn crawl(
    args: &CrawlArgs,
    start: Url,
    local_root: Option<Url>,
    scope: Scope,
    council: Option<&'static Council>,
    progress: bool,
    marking: Marking,
) -> Result<Crawled, String> {
    let concurrency = args.concurrency as usize;
    let host_concurrency = args.host_concurrency.map_or(concurrency, |n| n as usize);
    let fetcher = Arc::new(match local_root {
        Some(_) => Fetcher::Local,
        None => Fetcher::Http(Http::new(HttpConfig {
            user_agent: args.user_agent.clone(),
            timeout: Duration::from_secs_f64(args.timeout),
            host_concurrency,
        })?),
    });
    let http = fetcher.is_http();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (sheets, mut sheet_requests) = mpsc::unbounded_channel();
    let ctx = Arc::new(Ctx {
        fetcher: Arc::clone(&fetcher),
        styles: StyleCache::new(),
        audit_slots: Semaphore::new(cores),
        local_root: local_root.clone(),
        sheets,
        summarise: !args.no_services,
    });
    let mut crawler = Crawler::new(
        Config {
            max_pages: args.max_pages as usize,
            max_depth: args.max_depth,
            check_external: args.check_external,
            concurrency,
            robots: http,
            // Files are read as fast as asked for.
            rate: if http { args.rate } else { 0.0 },
            host_concurrency: if http { host_concurrency } else { usize::MAX },
            token: product_token(&args.user_agent),
            http_message,
        },
        start.clone(),
        scope,
    );

    let mut driver = Driver {
        ctx,
        tasks: JoinSet::new(),
        running: HashMap::new(),
        sheet_waiters: HashMap::new(),
        records: Vec::new(),
        store: PageStore::new(marking)
            .map_err(|e| format!("cannot create a temporary file for findings: {e}"))?,
        services: (!args.no_services).then(|| {
            Services::new(
                ServicesConfig {
                    tier: args.tier.map(Into::into),
                    council,
                    // A folder cannot run a search, and has no other sites to reach.
                    site_search: http && !args.no_site_search,
                    check_external: http && args.check_external,
                    crawl_date: Some(crawl_date(args)),
                },
                start.clone(),
            )
        }),
        start: start.to_string(),
        home_title: None,
        ignores: args.ignores.clone(),
    };
    let epoch = Instant::now();
    let bar = progress.then(new_progress_bar);
    let mut interrupted = false;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);

    loop {
        while let Some(request) = crawler.poll_next(epoch.elapsed()) {
            driver.send(request);
        }
        if driver.tasks.is_empty() {
            // Nothing running: either the crawl is over, or only waits remain.
            if crawler.in_flight() == 0 || crawler.next_wakeup().is_none() {
                break;
            }
        }
        let wakeup = crawler.next_wakeup();
        let until = tokio::time::Instant::from_std(epoch + wakeup.unwrap_or_default());
        tokio::select! {
            Some(joined) = driver.tasks.join_next_with_id(), if !driver.tasks.is_empty() => {
                let done = match joined {
                    Ok((task_id, done)) => {
                        driver.running.remove(&task_id);
                        done
                    }
                    Err(e) => match driver.running.remove(&e.id()) {
                        Some(running) => Done::failed(running),
                        None => continue,
                    },
                };
                driver
                    .report(&mut crawler, epoch.elapsed(), done)
                    .map_err(|e| format!("cannot write findings to a temporary file: {e}"))?;
                if http {
                    if let Some(e) = crawler.start_unreachable() {
                        return Err(format!("cannot reach '{start}': {e}"));
                    }
                }
                if let Some(bar) = &bar {
                    let waiting = crawler.waiting() + crawler.in_flight();
                    bar.set_message(format!(
                        "{} pages audited, {} URLs done, {} in progress or queued",
                        driver.records.len(),
                        crawler.frontier().accepted.saturating_sub(waiting),
                        waiting
                    ));
                }
            }
            Some((url, done)) = sheet_requests.recv() => driver.want_sheet(&mut crawler, url, done),
            _ = tokio::time::sleep_until(until), if wakeup.is_some() => {}
            _ = &mut ctrl_c => {
                interrupted = true;
                break;
            }
        }
        driver.work(&mut crawler);
    }
    driver.tasks.abort_all();
    let sitemaps = if interrupted {
        Vec::new()
    } else {
        crawler.sitemap_reports()
    };

    let Driver {
        records,
        store,
        services,
        home_title,
        ..
    } = driver;
    let no_pages = records.is_empty().then(|| crawler.why_no_pages());
    let scope = crawler.scope();
    let cut_short = crawler.frontier().full()
        && !crawler.frontier().not_crawled.max_pages.is_empty()
        || !crawler.frontier().not_crawled.max_depth.is_empty();
    let mut services = services;
    if let Some(services) = &mut services {
        services.add_frontier(crawler.frontier(), cut_short);
    }
    let mut report = report::build(
        crawler.frontier(),
        records,
        report::Inputs {
            root: start.to_string(),
            scope: frontdesk_core::report::SiteScope {
                hosts: scope.hosts(),
                include: scope.include_patterns.clone(),
                exclude: scope.exclude_patterns.clone(),
            },
            max_pages: args.max_pages as usize,
            max_depth: args.max_depth,
            robots: crawler.robots_reports(),
            sitemaps,
            interrupted,
            timings: args.timings,
        },
    );
    // The services analysis needs the whole site: not after an interrupt, nor without pages.
    if !interrupted && no_pages.is_none() {
        let analysed = match services {
            Some(services) => {
                if let Some(bar) = &bar {
                    bar.set_message(
                        "checking the top tasks' online routes and the accessibility statement",
                    );
                }
                let finish = services::Finish {
                    fetcher,
                    local_root: local_root.clone(),
                    rate: if http { args.rate } else { 0.0 },
                    concurrency,
                    robots_token: http.then(|| product_token(&args.user_agent)),
                };
                Some(services.finish(finish).await)
            }
            None => None,
        };
        let known = match &analysed {
            Some(analysed) => analysed.council.as_ref().map(|c| c.name.clone()),
            None => council.map(|c| c.name.to_string()),
        };
        let name =
            known.unwrap_or_else(|| site_name(home_title.as_deref(), &start, local_root.as_ref()));
        report.add_scores(analysed, name);
    }
    report.add_baseline(&store);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(Crawled {
        report,
        store,
        no_pages,
    })
}

/// The site's name for the scorecard when the council is not known: from the home page's
/// title (`Home | Leeds City Council` → `Leeds City Council`: the part that names a
/// council, else the last part), else its host or its folder's name.
fn site_name(home_title: Option<&str>, start: &Url, local_root: Option<&Url>) -> String {
    if let Some(title) = home_title {
        // Separators with spaces around them: "Stockton-on-Tees" is one name.
        let mut parts: Vec<&str> = vec![title];
        for separator in [" | ", " - ", " – ", " — ", ": "] {
            parts = parts.iter().flat_map(|p| p.split(separator)).collect();
        }
        let parts: Vec<&str> = parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let council = parts.iter().rev().find(|p| {
            let lower = p.to_lowercase();
            lower.contains("council") || lower.contains("borough")
        });
        if let Some(name) = council.or(parts.last()) {
            return name.to_string();
        }
    }
    match local_root {
        Some(root) => root
            .to_file_path()
            .ok()
            .and_then(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| root.to_string()),
        None => start
            .host_str()
            .unwrap_or("")
            .trim_start_matches("www.")
            .to_string(),
    }
}

fn new_progress_bar() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message("starting");
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

impl Done {
    /// The answer for a task that panicked (a frontdesk bug).
    fn failed(running: Running) -> Done {
        match running {
            Running::Exchange(id) => Done::Exchange(
                id,
                Err(Failure::new(
                    ErrorKind::Other,
                    "internal error while fetching (a frontdesk bug: please report it)",
                )),
            ),
            Running::Audit(task) => Done::Audited(task, Box::new(None)),
            Running::Parse(task, status) => Done::Parsed(
                task,
                status,
                Parsed {
                    warning: Some("internal error while reading the sitemap".into()),
                    ..Parsed::default()
                },
            ),
        }
    }
}

impl Driver {
    /// Sends one request of the machine's, on a task of its own.
    fn send(&mut self, request: Request) {
        tracing::debug!(method = ?request.method, url = %request.url, purpose = ?request.purpose, "request");
        let ctx = Arc::clone(&self.ctx);
        let handle = self.tasks.spawn(async move {
            let answer = ctx
                .fetcher
                .exchange(request.method, &request.url, request.read)
                .await;
            match &answer {
                Ok(a) if matches!(a.status, Some(429 | 503)) => {
                    tracing::warn!(url = %request.url, status = ?a.status, "server busy")
                }
                Err(e) if e.kind == ErrorKind::Connect => {
                    tracing::warn!(url = %request.url, error = %e.message, "connection failed")
                }
                _ => {}
            }
            if request.purpose == Purpose::Robots {
                tracing::info!(url = %request.url, status = ?answer.as_ref().ok().and_then(|a| a.status), "robots.txt");
            }
            Done::Exchange(request.id, answer)
        });
        self.running
            .insert(handle.id(), Running::Exchange(request.id));
    }

    /// Gives a task's result back to the crawler, keeping an audited page's findings.
    fn report(&mut self, crawler: &mut Crawler, now: Duration, done: Done) -> std::io::Result<()> {
        match done {
            Done::Exchange(id, Ok(answer)) => crawler.on_response(id, now, answer),
            Done::Exchange(id, Err(failure)) => crawler.on_error(id, now, failure),
            Done::Audited(task, audited) => match *audited {
                Some(page) => {
                    let mut analysed = page.analysed;
                    self.ignores.apply_page(&mut analysed.report);
                    tracing::debug!(url = %analysed.report.url, "audited");
                    let failed_a_aa = analysed.report.failed_a_aa().count();
                    if analysed.report.url == self.start {
                        self.home_title = analysed.report.title.clone();
                    }
                    self.records.push(PageRecord::new(
                        page.page,
                        &mut analysed.report,
                        &mut self.store,
                        page.content_type,
                        page.fetch_ms,
                        page.digest,
                        analysed.canonical,
                    )?);
                    if let (Some(services), Some(summary)) = (&mut self.services, analysed.summary)
                    {
                        services.add_page(summary, page.status, failed_a_aa);
                    }
                    crawler.on_audited(task, analysed.links);
                }
                None => crawler.on_audit_failed(task),
            },
            Done::Parsed(task, status, parsed) => crawler.on_sitemap(task, status, parsed),
        }
        Ok(())
    }

    /// Does the work the machine's answers brought.
    fn work(&mut self, crawler: &mut Crawler) {
        while let Some(work) = crawler.next_work() {
            match work {
                Work::Audit(audit) => {
                    let task = audit.task;
                    let handle = self.tasks.spawn(audit_page(Arc::clone(&self.ctx), audit));
                    self.running.insert(handle.id(), Running::Audit(task));
                }
                Work::ParseSitemap {
                    task,
                    url,
                    status,
                    body,
                } => {
                    let handle = self.tasks.spawn(async move {
                        let parsed = tokio::task::spawn_blocking(move || sitemap_parse::parse(&body))
                            .await
                            .unwrap_or_else(|_| Parsed {
                                warning: Some("internal error while reading the sitemap".into()),
                                ..Parsed::default()
                            });
                        tracing::info!(%url, pages = parsed.pages.len(), nested = parsed.sitemaps.len(), "sitemap");
                        Done::Parsed(task, status, parsed)
                    });
                    self.running
                        .insert(handle.id(), Running::Parse(task, status));
                }
                Work::Sheet { url, css } => {
                    let sheet = css.map(|(bytes, charset)| decode_css(&bytes, charset.as_deref()));
                    self.ctx.styles.insert(&url, sheet);
                    for waiter in self.sheet_waiters.remove(&url).unwrap_or_default() {
                        let _ = waiter.send(());
                    }
                }
            }
        }
    }

    /// An audit needs a sheet: from the cache, or from the crawler (once per URL).
    fn want_sheet(&mut self, crawler: &mut Crawler, url: String, done: oneshot::Sender<()>) {
        if self.ctx.styles.has(&url) {
            let _ = done.send(());
            return;
        }
        let waiters = self.sheet_waiters.entry(url.clone()).or_default();
        waiters.push(done);
        if waiters.len() == 1 {
            crawler.want_sheet(url);
        }
    }
}

/// Decodes and audits a page on the blocking pool, having the crawler fetch the style
/// sheets it links between rounds.
async fn audit_page(ctx: Arc<Ctx>, audit: Audit) -> Done {
    let Audit {
        task,
        page,
        url,
        status,
        content_type,
        charset,
        body,
        elapsed,
    } = audit;
    let fetch_ms = elapsed.as_millis() as u64;
    let digest = {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same bytes give the same digest within a run.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut hasher);
        hasher.finish()
    };
    let analysed = analyse_page(&ctx, url, body, charset, status).await;
    Done::Audited(
        task,
        Box::new(analysed.map(|analysed| AuditedPage {
            page,
            content_type,
            status,
            fetch_ms,
            digest,
            analysed,
        })),
    )
}

/// The audit's rounds. `None` if the engine failed.
async fn analyse_page(
    ctx: &Arc<Ctx>,
    url: Url,
    bytes: Vec<u8>,
    charset: Option<String>,
    status: Option<u16>,
) -> Option<Analysed> {
    let mut bytes = Some(bytes);
    let mut text: Option<String> = None;
    for round in 0..=MAX_STYLE_ROUNDS {
        let permit = ctx.audit_slots.acquire().await.ok()?;
        let fetch_missing = round < MAX_STYLE_ROUNDS;
        let url = url.clone();
        let charset = charset.clone();
        let raw = bytes.take();
        let previous = text.take();
        let task_ctx = Arc::clone(ctx);
        let analysed = tokio::task::spawn_blocking(move || {
            let decoded = previous.unwrap_or_else(|| {
                decode_html(raw.as_deref().unwrap_or_default(), charset.as_deref())
            });
            let analysis = page::analyse(
                &decoded,
                &url,
                status,
                &task_ctx.styles,
                task_ctx.local_root.as_ref(),
                fetch_missing,
                task_ctx.summarise,
            );
            (decoded, analysis)
        })
        .await;
        let Ok((decoded, analysis)) = analysed else {
            return None;
        };
        drop(permit);
        match analysis {
            Analysis::Done(analysed) => return Some(*analysed),
            Analysis::Panicked => return None,
            Analysis::NeedSheets(urls) => {
                text = Some(decoded);
                let mut loaded = Vec::new();
                for url in urls {
                    let (done, wait) = oneshot::channel();
                    if ctx.sheets.send((url, done)).is_ok() {
                        loaded.push(wait);
                    }
                }
                for wait in loaded {
                    // An error means the coordinator stopped: audit with what there is.
                    let _ = wait.await;
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_come_from_the_home_page_title() {
        let start = Url::parse("https://www.council.example/").unwrap();
        let name = |title| site_name(Some(title), &start, None);
        assert_eq!(name("Home | Leeds City Council"), "Leeds City Council");
        assert_eq!(
            name("Welcome to Stockton-on-Tees Borough Council - Stockton-on-Tees Borough Council"),
            "Stockton-on-Tees Borough Council"
        );
        assert_eq!(
            name("Ashworth District Council"),
            "Ashworth District Council"
        );
        assert_eq!(name("Home – Example Online"), "Example Online");
        assert_eq!(site_name(Some("  "), &start, None), "council.example");
        assert_eq!(site_name(None, &start, None), "council.example");
        let root = Url::parse("file:///sites/demo-council/").unwrap();
        assert_eq!(site_name(None, &start, Some(&root)), "demo-council");
    }

    #[test]
    fn start_arguments() {
        assert!(start_of("ftp://c.example/")
            .unwrap_err()
            .contains("unsupported URL scheme"));
        assert!(start_of("http:///").unwrap_err().starts_with("invalid URL"));
        assert!(start_of("no/such/folder")
            .unwrap_err()
            .contains("no such folder"));
        let (url, root) = start_of("HTTPS://Council.Example/#top").unwrap();
        assert_eq!(url.as_str(), "https://council.example/");
        assert!(root.is_none());
        let dir = tempfile::tempdir().unwrap();
        assert!(start_of(dir.path().to_str().unwrap())
            .unwrap_err()
            .contains("no index.html"));
        std::fs::write(dir.path().join("index.html"), "<p>").unwrap();
        let (url, root) = start_of(dir.path().to_str().unwrap()).unwrap();
        assert!(url.as_str().ends_with("/index.html"));
        assert!(root.unwrap().as_str().ends_with('/'));
    }
}
