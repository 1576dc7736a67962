//! `frontdesk crawl`: audit a whole site.
//!
//! The crawl's logic is in the engine, without I/O (`frontdesk_core::crawl`): the
//! [`Crawler`] state machine (frontier, scope, robots.txt per origin, sitemap discovery,
//! limits), URL normalisation, link extraction and the politeness schedule. This module is
//! its driver, with tokio and reqwest (or the local file reader):
//!
//! - [`fetch`]: HTTP (waiting for each host's turn in the politeness schedule, retries,
//!   timeouts, capped streaming bodies) or local files;
//! - [`robots`] and [`sitemap`]: fetching robots.txt (once per origin) and sitemap files;
//! - [`page`]: decode, parse once, audit, extract links (on blocking threads);
//! - [`report`]: the deterministic JSON and text reports.
//!
//! A single coordinator task owns the [`Crawler`]: it starts a task for every request the
//! machine hands out (at most `--concurrency` at once, plus one sitemap file), and gives
//! each task's answer back (a page's links, a document, a redirect, an error, a robots.txt,
//! a sitemap) before asking for more. Pages are audited as they arrive and their HTML
//! dropped at once, so memory holds findings, not pages.

mod fetch;
mod page;
mod report;
mod robots;
mod sitemap;

// The network-free stages are in the engine (frontdesk-core), where the wasm build and the
// fuzz targets can reach them too.
use frontdesk_core::crawl::{frontier, normalize, robots_txt, scope, sitemap_parse};

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

use crate::args::CrawlArgs;
use crate::decode::{decode_css, decode_html};
use crate::output::{self, Destination};
use crate::{error, EXIT_ERROR, EXIT_FAIL, EXIT_PASS};

use fetch::{looks_like_document, Body, FetchError, Fetcher, Http, HttpConfig, Method, Want};
use frontdesk_core::crawl::machine::{Config, Crawler, JobResult, Request, RequestId, What};
use frontdesk_core::crawl::sitemap_parse::Parsed;
use frontdesk_core::crawl::sitemaps::SitemapFile;
use frontier::{ExternalCheck, Job};
use page::{Analysed, Analysis, StyleCache};
use report::{http_message, PageRecord, PageStore};
use robots::{Robots, RobotsCache};
use scope::Scope;

/// Largest page read (after decompression). Bigger pages are reported, not audited.
const MAX_PAGE_BYTES: usize = 10 * 1024 * 1024;
/// Largest style sheet read.
const MAX_SHEET_BYTES: usize = 2 * 1024 * 1024;
/// Rounds of "audit, fetch the sheets it asked for, audit again" per page (a linked sheet
/// can `@import` another, which is only discovered once the first is loaded).
const MAX_STYLE_ROUNDS: usize = 3;
const MAX_SHEET_REDIRECTS: usize = 5;

/// Everything the fetch tasks share.
struct Ctx {
    fetcher: Fetcher,
    robots: RobotsCache,
    styles: StyleCache,
    /// Audits running at once: one per core, so memory holds at most that many parsed
    /// pages however high `--concurrency` is.
    audit_slots: Semaphore,
    /// The site folder, for folder crawls.
    local_root: Option<Url>,
}

/// The command: parse the arguments, crawl, write the report. Returns the exit code.
pub fn run(args: CrawlArgs) -> u8 {
    let dest = match &args.output {
        Some(path) => Destination::File {
            path: path.clone(),
            force: args.force,
        },
        None => Destination::Stdout,
    };
    if let Err(message) = output::check_destination(&dest) {
        error(message);
        return EXIT_ERROR;
    }
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
    let crawled = runtime.block_on(crawl(&args, start, local_root, scope, progress));
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
    let style = dest.text_style();
    let written = output::write_with(&dest, |out| {
        report.write(args.format, style, out, &mut store)
    });
    if let Err(message) = written {
        error(message);
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
    if report.gate() == frontdesk_core::report::Gate::Fail {
        EXIT_FAIL
    } else {
        EXIT_PASS
    }
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

/// What a fetch task found.
enum Outcome {
    Page {
        content_type: Option<String>,
        fetch_ms: u64,
        /// Hash of the body as received, to spot the same page under two URLs.
        digest: u64,
        analysed: Analysed,
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

impl Outcome {
    fn from_error(e: FetchError) -> Self {
        Outcome::Broken {
            status: None,
            kind: e.kind.as_str(),
            message: e.message,
        }
    }
}

async fn crawl(
    args: &CrawlArgs,
    start: Url,
    local_root: Option<Url>,
    scope: Scope,
    progress: bool,
) -> Result<Crawled, String> {
    let fetcher = match local_root {
        Some(_) => Fetcher::Local,
        None => Fetcher::Http(Http::new(HttpConfig {
            user_agent: args.user_agent.clone(),
            timeout: Duration::from_secs_f64(args.timeout),
            rate: args.rate,
            host_concurrency: args.host_concurrency.unwrap_or(args.concurrency) as usize,
        })?),
    };
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let ctx = Arc::new(Ctx {
        fetcher,
        robots: RobotsCache::new(&args.user_agent),
        styles: StyleCache::new(),
        audit_slots: Semaphore::new(cores),
        local_root: local_root.clone(),
    });
    let mut crawler = Crawler::new(
        Config {
            max_pages: args.max_pages as usize,
            max_depth: args.max_depth,
            check_external: args.check_external,
            concurrency: args.concurrency as usize,
            robots: ctx.fetcher.http().is_some(),
        },
        start.clone(),
        scope,
    );

    // robots.txt of the start host first: if the site cannot be reached at all, say so
    // now (exit 2) rather than write a report of one broken link.
    if let Some(http) = ctx.fetcher.http() {
        let robots = ctx.robots.get(http, &start).await;
        if let Some(e) = &robots.unreachable {
            return Err(format!("cannot reach '{start}': {e}"));
        }
        crawler.robots_known(&start, robots);
    }

    let mut records: Vec<PageRecord> = Vec::new();
    let mut store = PageStore::new()
        .map_err(|e| format!("cannot create a temporary file for findings: {e}"))?;
    let mut tasks: JoinSet<Done> = JoinSet::new();
    let mut running: HashMap<tokio::task::Id, Request> = HashMap::new();
    let bar = progress.then(new_progress_bar);
    let mut interrupted = false;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);

    loop {
        while let Some(request) = crawler.poll_next() {
            let handle = tasks.spawn(perform(Arc::clone(&ctx), request.what.clone()));
            running.insert(handle.id(), request);
        }
        if tasks.is_empty() {
            break;
        }
        tokio::select! {
            joined = tasks.join_next_with_id() => {
                let (task_id, done) = match joined {
                    Some(Ok((task_id, done))) => (task_id, Ok(done)),
                    Some(Err(e)) => (e.id(), Err(())),
                    None => continue,
                };
                let request = running.remove(&task_id).expect("every task has its request");
                let done = done.unwrap_or_else(|()| Done::failed(request.what));
                answer(&mut crawler, &mut records, &mut store, request.id, done)
                    .map_err(|e| format!("cannot write findings to a temporary file: {e}"))?;
                if let Some(bar) = &bar {
                    let waiting = crawler.waiting() + tasks.len();
                    bar.set_message(format!(
                        "{} pages audited, {} URLs done, {} in progress or queued",
                        records.len(),
                        crawler.frontier().accepted.saturating_sub(waiting),
                        waiting
                    ));
                }
            }
            _ = &mut ctrl_c => {
                interrupted = true;
                break;
            }
        }
    }
    tasks.abort_all();
    let sitemaps = if interrupted {
        Vec::new()
    } else {
        crawler.sitemap_reports()
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }

    let no_pages = records.is_empty().then(|| crawler.why_no_pages());
    let scope = crawler.scope();
    let report = report::build(
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
            robots: ctx.robots.reports(),
            sitemaps,
            interrupted,
            timings: args.timings,
        },
    );
    Ok(Crawled {
        report,
        store,
        no_pages,
    })
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

/// What a task did with its request (a page's outcome boxed: it is by far the largest).
enum Done {
    Robots(Arc<Robots>),
    Job(Job, Box<Outcome>),
    Sitemap(
        SitemapFile,
        Result<(Option<u16>, Parsed), (Option<u16>, String)>,
    ),
}

impl Done {
    /// The answer for a task that panicked (a frontdesk bug).
    fn failed(what: What) -> Done {
        match what {
            What::Robots { page } => Done::Robots(Arc::new(Robots::disallow_all(
                Robots::url_for(&page.origin().ascii_serialization()),
                None,
                "internal error while reading robots.txt (a frontdesk bug: please report it)"
                    .into(),
            ))),
            What::Fetch(job) | What::CheckExternal(job) => Done::Job(job, Box::new(Outcome::NotAudited {
                status: None,
                content_type: None,
                reason: "internal-error",
                message: "internal error while fetching or checking (a frontdesk bug: please report it)".into(),
            })),
            What::Sitemap(file) => Done::Sitemap(file, Err((
                None,
                "internal error while reading the sitemap".into(),
            ))),
        }
    }
}

/// Performs one request of the crawler's.
async fn perform(ctx: Arc<Ctx>, what: What) -> Done {
    match what {
        What::Robots { page } => Done::Robots(match ctx.fetcher.http() {
            Some(http) => ctx.robots.get(http, &page).await,
            // Folder crawls consult no robots.txt (the machine asks for none there).
            None => Arc::new(Robots::allow_all(
                Robots::url_for(&page.origin().ascii_serialization()),
                None,
                None,
            )),
        }),
        What::Fetch(job) => {
            let outcome = fetch_page(&ctx, &job).await;
            Done::Job(job, Box::new(outcome))
        }
        What::CheckExternal(job) => {
            let check = check_external(&ctx, &job.url).await;
            Done::Job(job, Box::new(Outcome::External(check)))
        }
        What::Sitemap(file) => {
            let read = match ctx.fetcher.http() {
                Some(http) => sitemap::read(http, &ctx.robots, &file.url).await,
                None => Err((None, "sitemaps are read only in HTTP crawls".into())),
            };
            Done::Sitemap(file, read)
        }
    }
}

/// Hands a task's result back to the crawler, keeping an audited page's findings.
fn answer(
    crawler: &mut Crawler,
    records: &mut Vec<PageRecord>,
    store: &mut PageStore,
    id: RequestId,
    done: Done,
) -> std::io::Result<()> {
    match done {
        Done::Robots(robots) => crawler.on_robots(id, robots),
        Done::Sitemap(file, Ok((status, parsed))) => crawler.on_sitemap(id, file, status, parsed),
        Done::Sitemap(file, Err((status, error))) => {
            crawler.on_sitemap_failed(id, file, status, error)
        }
        Done::Job(job, outcome) => {
            tracing::debug!(url = %job.url, "done");
            let result = match *outcome {
                Outcome::Page {
                    content_type,
                    fetch_ms,
                    digest,
                    analysed,
                } => {
                    records.push(PageRecord::new(
                        job.id,
                        &analysed.report,
                        store,
                        content_type,
                        fetch_ms,
                        digest,
                        analysed.canonical,
                    )?);
                    JobResult::Page {
                        links: analysed.links,
                    }
                }
                Outcome::Document {
                    status,
                    content_type,
                    length,
                } => JobResult::Document {
                    status,
                    content_type,
                    length,
                },
                Outcome::Redirect { status, target } => JobResult::Redirect { status, target },
                Outcome::Broken {
                    status,
                    kind,
                    message,
                } => JobResult::Broken {
                    status,
                    kind,
                    message,
                },
                Outcome::NotAudited {
                    status,
                    content_type,
                    reason,
                    message,
                } => JobResult::NotAudited {
                    status,
                    content_type,
                    reason,
                    message,
                },
                Outcome::External(check) => JobResult::External(check),
            };
            crawler.on_result(id, result);
        }
    }
    Ok(())
}

/// Whether robots.txt lets us fetch `url` (always, for local files).
async fn allowed(ctx: &Ctx, url: &Url) -> bool {
    match ctx.fetcher.http() {
        Some(http) => ctx.robots.get(http, url).await.allows(url),
        None => true,
    }
}

/// Fetches a page the crawler handed out (robots.txt has allowed it already).
async fn fetch_page(ctx: &Arc<Ctx>, job: &Job) -> Outcome {
    // Documents are only listed, so HEAD is enough when the URL says "document"; GET
    // when the server refuses HEAD or the URL turns out to be a page after all.
    let mut response = None;
    if looks_like_document(&job.url) {
        match ctx.fetcher.get(&job.url, Method::Head, Want::Nothing).await {
            Ok(r) if matches!(r.status, Some(405 | 501)) || r.is_html() => {}
            Ok(r) => response = Some(r),
            Err(e) => return Outcome::from_error(e),
        }
    }
    let response = match response {
        Some(r) => r,
        None => match ctx
            .fetcher
            .get(&job.url, Method::Get, Want::Html(MAX_PAGE_BYTES))
            .await
        {
            Ok(r) => r,
            Err(e) => return Outcome::from_error(e),
        },
    };
    let status = response.status;
    if let Some(target) = response.redirect_target() {
        return match target {
            Ok(mut target) => {
                normalize::normalize(&mut target);
                if target == job.url {
                    Outcome::Broken {
                        status,
                        kind: "redirect-loop",
                        message: "redirects to itself".into(),
                    }
                } else {
                    Outcome::Redirect { status, target }
                }
            }
            Err(message) => Outcome::Broken {
                status,
                kind: "bad-redirect",
                message,
            },
        };
    }
    if let Some(code) = status.filter(|&s| s >= 400) {
        return Outcome::Broken {
            status,
            kind: "http",
            message: http_message(code),
        };
    }
    let content_type = response.content_type.clone();
    if !response.is_html() {
        return Outcome::Document {
            status,
            content_type,
            length: response.length,
        };
    }
    let charset = response.charset();
    let bytes = match response.body {
        Body::Complete(bytes) => bytes,
        Body::TooLarge => {
            return Outcome::NotAudited {
                status,
                content_type,
                reason: "too-large",
                message: format!(
                    "the page is larger than {} MB, the most frontdesk reads",
                    MAX_PAGE_BYTES / (1024 * 1024)
                ),
            }
        }
        Body::NotRead => {
            return Outcome::Document {
                status,
                content_type,
                length: response.length,
            }
        }
    };
    let fetch_ms = response.elapsed.as_millis() as u64;
    let digest = {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same bytes give the same digest within a run.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        hasher.finish()
    };
    match audit_page(ctx, job, bytes, charset, status).await {
        Some(analysed) => Outcome::Page {
            content_type,
            fetch_ms,
            digest,
            analysed,
        },
        None => Outcome::NotAudited {
            status,
            content_type,
            reason: "internal-error",
            message: "internal error while checking the page (a frontdesk bug: please report it)"
                .into(),
        },
    }
}

/// Decodes and audits a page on the blocking pool, fetching the style sheets it links
/// between rounds. `None` if the engine failed.
async fn audit_page(
    ctx: &Arc<Ctx>,
    job: &Job,
    bytes: Vec<u8>,
    charset: Option<String>,
    status: Option<u16>,
) -> Option<Analysed> {
    let mut bytes = Some(bytes);
    let mut text: Option<String> = None;
    for round in 0..=MAX_STYLE_ROUNDS {
        let permit = ctx.audit_slots.acquire().await.ok()?;
        let fetch_missing = round < MAX_STYLE_ROUNDS;
        let url = job.url.clone();
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
            );
            (decoded, analysis)
        })
        .await;
        let Ok((decoded, analysis)) = analysed else {
            return None;
        };
        drop(permit);
        match analysis {
            Analysis::Done(analysed) => return Some(analysed),
            Analysis::Panicked => return None,
            Analysis::NeedSheets(urls) => {
                text = Some(decoded);
                for url in urls {
                    ctx.styles
                        .load(&url, || fetch_sheet(ctx, url.clone()))
                        .await;
                }
            }
        }
    }
    None
}

/// Fetches a style sheet for the cascade (following a few redirects, obeying robots.txt).
/// `None` when it cannot be had: the page is then audited without it, as a browser renders
/// a page whose sheet failed to load.
async fn fetch_sheet(ctx: &Ctx, address: String) -> Option<String> {
    let mut url = Url::parse(&address).ok()?;
    for _ in 0..=MAX_SHEET_REDIRECTS {
        if !allowed(ctx, &url).await {
            return None;
        }
        let response = ctx
            .fetcher
            .get(&url, Method::Get, Want::Any(MAX_SHEET_BYTES))
            .await
            .ok()?;
        if let Some(target) = response.redirect_target() {
            url = target.ok()?;
            continue;
        }
        if response.status.is_some_and(|s| !(200..300).contains(&s)) {
            return None;
        }
        // Browsers ignore a sheet served with another type (standards mode).
        if ctx.local_root.is_none() && response.essence().is_some_and(|e| e != "text/css") {
            return None;
        }
        let charset = response.charset();
        return match response.body {
            Body::Complete(bytes) => Some(decode_css(&bytes, charset.as_deref())),
            _ => None,
        };
    }
    None
}

/// HEAD (or GET without reading the body, for servers that refuse HEAD) on an external
/// link, following its redirects.
async fn check_external(ctx: &Ctx, start: &Url) -> ExternalCheck {
    let mut url = start.clone();
    for _ in 0..=frontier::MAX_REDIRECTS {
        if !allowed(ctx, &url).await {
            return ExternalCheck {
                status: None,
                error: Some(("robots", "not checked: disallowed by robots.txt".into())),
            };
        }
        let mut response = ctx.fetcher.get(&url, Method::Head, Want::Nothing).await;
        if let Ok(r) = &response {
            if matches!(r.status, Some(405 | 501)) {
                response = ctx.fetcher.get(&url, Method::Get, Want::Nothing).await;
            }
        }
        let response = match response {
            Ok(r) => r,
            Err(e) => {
                return ExternalCheck {
                    status: None,
                    error: Some((e.kind.as_str(), e.message)),
                }
            }
        };
        match response.redirect_target() {
            Some(Ok(target)) => url = target,
            Some(Err(message)) => {
                return ExternalCheck {
                    status: response.status,
                    error: Some(("bad-redirect", message)),
                }
            }
            None => {
                return ExternalCheck {
                    status: response.status,
                    error: None,
                }
            }
        }
    }
    ExternalCheck {
        status: None,
        error: Some((
            "too-many-redirects",
            format!("more than {} redirects in a row", frontier::MAX_REDIRECTS),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
