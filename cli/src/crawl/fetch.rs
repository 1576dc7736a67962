//! Fetching for the crawler: HTTP(S) with per-host politeness, or files of a local site.
//!
//! Every request goes through [`Fetcher::get`], which:
//!
//! - waits for the host's turn in the politeness schedule (`frontdesk_core::crawl::
//!   politeness`): at most `--host-concurrency` requests in flight per host, and requests
//!   started no faster than `--rate` per second (the slower of that and the site's
//!   `Crawl-delay`);
//! - sends only GET or HEAD, never follows redirects itself (the crawler does, to record
//!   and deduplicate them) and never sends cookies;
//! - retries 429 and 503 a bounded number of times, waiting for `Retry-After` when the
//!   server gives one (and holding back the whole host meanwhile), else with exponential
//!   backoff; a refused connection is retried once;
//! - reads the body only when asked, chunk by chunk, and stops at a size cap counted
//!   *after* decompression, so neither a 1 GB page nor a gzip bomb is ever held in memory;
//! - gives up after `--timeout` for the whole exchange, body included (a server dripping
//!   one byte a second cannot hold a worker forever).

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use frontdesk_core::crawl::politeness::{
    busy_retry, host_key, Busy, Schedule, CONNECT_RETRY_WAIT, MAX_RETRIES,
};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use tokio::io::AsyncReadExt;
use tokio::sync::Notify;
use url::Url;

#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub user_agent: String,
    pub timeout: Duration,
    /// Requests per second per host; `0` means no limit.
    pub rate: f64,
    pub host_concurrency: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
}

/// Which bodies to read, and the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Headers only (the connection is dropped after them).
    Nothing,
    /// The body of an HTML response (or one with no `Content-Type`, to sniff), up to the cap.
    Html(usize),
    /// Any body up to the cap.
    Any(usize),
    /// Any body; past the cap, the first `cap` bytes (robots.txt is read this way).
    Prefix(usize),
}

#[derive(Debug)]
pub enum Body {
    NotRead,
    Complete(Vec<u8>),
    /// Over the cap: reading stopped there and what was read is dropped.
    TooLarge,
}

#[derive(Debug)]
pub struct Response {
    pub url: Url,
    /// HTTP status; `None` for files.
    pub status: Option<u16>,
    /// The `Content-Type` header as sent (for files, from the extension).
    pub content_type: Option<String>,
    pub location: Option<String>,
    /// Size announced by `Content-Length` (or the file size).
    pub length: Option<u64>,
    pub body: Body,
    /// From sending the request to the end of the body (politeness waits excluded).
    pub elapsed: Duration,
    retry_after: Option<Duration>,
}

impl Response {
    /// `text/html; charset=UTF-8` → `text/html`.
    pub fn essence(&self) -> Option<String> {
        self.content_type.as_deref().map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?;
        ct.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            name.trim().eq_ignore_ascii_case("charset").then(|| {
                value
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_string()
            })
        })
    }

    /// Whether this is an HTML page. Without a `Content-Type`, the body is sniffed (as a
    /// browser would): markup starting with `<` is taken for HTML.
    pub fn is_html(&self) -> bool {
        match self.essence() {
            Some(essence) => is_html_type(&essence),
            None => match &self.body {
                Body::Complete(bytes) => looks_like_markup(bytes),
                _ => false,
            },
        }
    }

    /// Where a redirect points, resolved against this URL. `Some(Err)` for a redirect
    /// status with a missing or unusable `Location`.
    pub fn redirect_target(&self) -> Option<Result<Url, String>> {
        let redirect = match self.status {
            Some(status) => matches!(status, 301 | 302 | 303 | 307 | 308),
            // A folder on disk "redirects" to itself with a slash, as web servers do.
            None => self.location.is_some(),
        };
        if !redirect {
            return None;
        }
        Some(match self.location.as_deref() {
            None => Err("redirect without a Location header".to_string()),
            Some(location) => self
                .url
                .join(location.trim())
                .map_err(|e| format!("redirect to an invalid URL '{location}': {e}")),
        })
    }
}

pub fn is_html_type(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml")
}

fn looks_like_markup(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    Dns,
    Tls,
    Connect,
    Timeout,
    /// The connection broke while reading, or the body could not be decompressed.
    Read,
    /// A file that does not exist (folder crawls).
    NotFound,
    Other,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Dns => "dns",
            ErrorKind::Tls => "tls",
            ErrorKind::Connect => "connect",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Read => "read",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FetchError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FetchError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        FetchError {
            kind,
            message: message.into(),
        }
    }
}

/// Where pages come from: the web, or a folder on disk.
pub enum Fetcher {
    Http(Http),
    Local,
}

impl Fetcher {
    pub async fn get(&self, url: &Url, method: Method, want: Want) -> Result<Response, FetchError> {
        match self {
            Fetcher::Http(http) => http.get(url, method, want).await,
            Fetcher::Local => get_file(url, method, want).await,
        }
    }

    pub fn http(&self) -> Option<&Http> {
        match self {
            Fetcher::Http(http) => Some(http),
            Fetcher::Local => None,
        }
    }
}

pub struct Http {
    client: reqwest::Client,
    config: HttpConfig,
    politeness: Politeness,
}

impl Http {
    pub fn new(config: HttpConfig) -> Result<Self, String> {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
        );
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .default_headers(headers)
            // The crawler follows redirects itself: to record each hop, to check every
            // target against the scope and robots.txt, and to fetch each URL once.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .pool_max_idle_per_host(config.host_concurrency)
            .build()
            .map_err(|e| {
                format!(
                    "cannot start the HTTP client: {}",
                    crate::fetch::error_chain(&e)
                )
            })?;
        let politeness = Politeness {
            epoch: Instant::now(),
            schedule: Mutex::new(Schedule::new(config.rate, config.host_concurrency)),
            freed: Notify::new(),
        };
        Ok(Http {
            client,
            config,
            politeness,
        })
    }

    /// Slows a host down to the given delay between requests (robots.txt `Crawl-delay`),
    /// unless the crawl runs with `--rate 0` (no limit: for sites you run yourself).
    pub fn apply_crawl_delay(&self, url: &Url, seconds: f32) {
        let now = self.politeness.now();
        self.politeness
            .schedule
            .lock()
            .expect("schedule lock")
            .apply_crawl_delay(&host_key(url), seconds, now);
    }

    pub async fn get(&self, url: &Url, method: Method, want: Want) -> Result<Response, FetchError> {
        let host = host_key(url);
        let mut attempt = 0;
        loop {
            let slot = self.politeness.enter(&host).await;
            let started = Instant::now();
            // reqwest's own timeout covers the whole exchange; this outer one is a
            // backstop so that no future of ours can outlive the limit by much.
            let limit = self.config.timeout + Duration::from_secs(1);
            let result = match tokio::time::timeout(limit, self.once(url, method, want)).await {
                Ok(result) => result,
                Err(_) => Err(self.timeout_error()),
            };
            drop(slot);
            match result {
                Ok(mut response) => {
                    response.elapsed = started.elapsed();
                    let retry = response
                        .status
                        .and_then(|status| busy_retry(attempt, status, response.retry_after));
                    if let Some(wait) = retry {
                        tracing::warn!(%url, status = ?response.status, ?wait, "server busy, retrying");
                        self.politeness.pause(&host, wait);
                        attempt += 1;
                        continue;
                    }
                    return Ok(response);
                }
                Err(e) if e.kind == ErrorKind::Connect && attempt == 0 => {
                    tracing::warn!(%url, error = %e.message, "connection failed, retrying once");
                    self.politeness.pause(&host, CONNECT_RETRY_WAIT);
                    attempt = MAX_RETRIES;
                }
                Err(e) => return Err(e),
            }
        }
    }

    async fn once(&self, url: &Url, method: Method, want: Want) -> Result<Response, FetchError> {
        let request = match method {
            Method::Get => self.client.get(url.clone()),
            Method::Head => self.client.head(url.clone()),
        };
        let mut response = request.send().await.map_err(|e| self.classify(&e))?;
        let status = response.status().as_u16();
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|v: &HeaderValue| String::from_utf8_lossy(v.as_bytes()).trim().to_string())
        };
        let content_type = header(CONTENT_TYPE);
        let location = header(LOCATION);
        let retry_after = header(RETRY_AFTER).and_then(|v| parse_retry_after(&v));
        // With gzip/brotli, reqwest hides the compressed length: this is the real size.
        let length = response.content_length();
        let redirect = (300..400).contains(&status);
        let essence = content_type.as_deref().map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        let read = match (method, want) {
            (Method::Head, _) | (_, Want::Nothing) => None,
            (_, Want::Html(cap)) => {
                (!redirect && essence.as_deref().is_none_or(is_html_type)).then_some((cap, false))
            }
            (_, Want::Any(cap)) => Some((cap, false)),
            (_, Want::Prefix(cap)) => Some((cap, true)),
        };
        let body = match read {
            None => Body::NotRead,
            Some((cap, keep_prefix)) => self.read_capped(&mut response, cap, keep_prefix).await?,
        };
        Ok(Response {
            url: url.clone(),
            status: Some(status),
            content_type,
            location,
            length,
            body,
            elapsed: Duration::ZERO,
            retry_after,
        })
    }

    /// Reads the body chunk by chunk and stops at `cap` bytes: a body announced larger is
    /// not read at all, one that grows past the cap (a gzip bomb, an endless stream) is
    /// abandoned there and the connection dropped.
    async fn read_capped(
        &self,
        response: &mut reqwest::Response,
        cap: usize,
        keep_prefix: bool,
    ) -> Result<Body, FetchError> {
        if !keep_prefix && response.content_length().is_some_and(|n| n > cap as u64) {
            return Ok(Body::TooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(&e))? {
            if body.len() + chunk.len() > cap {
                if keep_prefix {
                    body.extend_from_slice(&chunk[..cap - body.len()]);
                    return Ok(Body::Complete(body));
                }
                return Ok(Body::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Body::Complete(body))
    }

    fn timeout_error(&self) -> FetchError {
        FetchError::new(
            ErrorKind::Timeout,
            format!(
                "no complete answer within {} s",
                seconds(self.config.timeout)
            ),
        )
    }

    fn classify(&self, error: &reqwest::Error) -> FetchError {
        let chain = crate::fetch::error_chain(error);
        let lower = chain.to_ascii_lowercase();
        if error.is_timeout() || lower.contains("timed out") {
            return self.timeout_error();
        }
        let kind = if lower.contains("dns error")
            || lower.contains("failed to lookup address")
            || lower.contains("name or service not known")
        {
            ErrorKind::Dns
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("ssl")
            || lower.contains("handshake")
        {
            ErrorKind::Tls
        } else if error.is_connect() {
            ErrorKind::Connect
        } else if error.is_body() || error.is_decode() {
            ErrorKind::Read
        } else {
            ErrorKind::Other
        };
        FetchError::new(kind, chain)
    }
}

/// `1.5` → `1.5`, `30.0` → `30`.
pub fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{}", s as u64)
    } else {
        format!("{s}")
    }
}

/// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// The politeness schedule (pure, in core) on the real clock: time is measured from the
/// crawl's start, and a task whose host is at its concurrency cap waits for a request to
/// finish.
struct Politeness {
    epoch: Instant,
    schedule: Mutex<Schedule>,
    /// Signalled whenever a request finishes, for tasks waiting on a full host.
    freed: Notify,
}

/// A request's place in its host's schedule, given back when dropped (also when the task
/// is cancelled).
struct Slot<'a> {
    politeness: &'a Politeness,
    host: &'a str,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.politeness
            .schedule
            .lock()
            .expect("schedule lock")
            .finish(self.host);
        self.politeness.freed.notify_waiters();
    }
}

impl Politeness {
    fn now(&self) -> Duration {
        self.epoch.elapsed()
    }

    /// Waits for the host's turn: a free place under its concurrency cap, then the start
    /// time the schedule gives.
    async fn enter<'a>(&'a self, host: &'a str) -> Slot<'a> {
        loop {
            let freed = self.freed.notified();
            tokio::pin!(freed);
            // Registered before looking, so a request finishing in between is not missed.
            freed.as_mut().enable();
            let claimed = self
                .schedule
                .lock()
                .expect("schedule lock")
                .start(host, self.now());
            match claimed {
                Ok(at) => {
                    let slot = Slot {
                        politeness: self,
                        host,
                    };
                    tokio::time::sleep_until((self.epoch + at).into()).await;
                    return slot;
                }
                Err(Busy::Full) => freed.await,
            }
        }
    }

    /// Holds every request to the host back for `wait` from now.
    fn pause(&self, host: &str, wait: Duration) {
        let until = self.now() + wait;
        self.schedule
            .lock()
            .expect("schedule lock")
            .pause_until(host, until);
    }
}

/// Reads a file of a local site. A folder answers like a web server: a redirect to the same
/// path with a trailing slash (which normalises to its `index.html`).
async fn get_file(url: &Url, method: Method, want: Want) -> Result<Response, FetchError> {
    let started = Instant::now();
    let path = url
        .to_file_path()
        .map_err(|()| FetchError::new(ErrorKind::Other, "not a local file URL"))?;
    let meta = tokio::fs::metadata(&path)
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => FetchError::new(ErrorKind::NotFound, "no such file"),
            _ => FetchError::new(ErrorKind::Read, e.to_string()),
        })?;
    let mut response = Response {
        url: url.clone(),
        status: None,
        content_type: None,
        location: None,
        length: None,
        body: Body::NotRead,
        elapsed: Duration::ZERO,
        retry_after: None,
    };
    if meta.is_dir() {
        response.location = Some(format!("{}/", url.path()));
        return Ok(response);
    }
    let content_type = content_type_for(&path);
    response.length = Some(meta.len());
    let read = match (method, want) {
        (Method::Head, _) | (_, Want::Nothing) => None,
        (_, Want::Html(cap)) => is_html_type(content_type).then_some((cap, false)),
        (_, Want::Any(cap)) => Some((cap, false)),
        (_, Want::Prefix(cap)) => Some((cap, true)),
    };
    response.content_type = Some(content_type.to_string());
    if let Some((cap, keep_prefix)) = read {
        response.body = if meta.len() > cap as u64 && !keep_prefix {
            Body::TooLarge
        } else {
            let file = tokio::fs::File::open(&path)
                .await
                .map_err(|e| FetchError::new(ErrorKind::Read, e.to_string()))?;
            let mut bytes = Vec::new();
            file.take(cap as u64 + 1)
                .read_to_end(&mut bytes)
                .await
                .map_err(|e| FetchError::new(ErrorKind::Read, e.to_string()))?;
            if bytes.len() > cap {
                if keep_prefix {
                    bytes.truncate(cap);
                    Body::Complete(bytes)
                } else {
                    Body::TooLarge
                }
            } else {
                Body::Complete(bytes)
            }
        };
    }
    response.elapsed = started.elapsed();
    Ok(response)
}

/// The media type a web server would send for a file, by extension.
fn content_type_for(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html",
        "xhtml" => "application/xhtml+xml",
        "css" => "text/css",
        "js" | "mjs" => "text/javascript",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "rtf" => "application/rtf",
        "zip" => "application/zip",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => "application/octet-stream",
    }
}

/// URLs whose extension says "document": these are asked for with HEAD (falling back to
/// GET), since only their status and type are reported, never their bytes.
pub fn looks_like_document(url: &Url) -> bool {
    let path = url.path();
    let ext = match path.rsplit_once('.') {
        Some((_, ext)) if !ext.contains('/') => ext.to_ascii_lowercase(),
        _ => return false,
    };
    matches!(
        ext.as_str(),
        "pdf"
            | "doc"
            | "docx"
            | "xls"
            | "xlsx"
            | "ppt"
            | "pptx"
            | "odt"
            | "ods"
            | "odp"
            | "rtf"
            | "csv"
            | "zip"
            | "jpg"
            | "jpeg"
            | "png"
            | "gif"
            | "mp3"
            | "mp4"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: Option<u16>, ct: Option<&str>, location: Option<&str>) -> Response {
        Response {
            url: Url::parse("https://c.example/a/b").unwrap(),
            status,
            content_type: ct.map(String::from),
            location: location.map(String::from),
            length: None,
            body: Body::NotRead,
            elapsed: Duration::ZERO,
            retry_after: None,
        }
    }

    #[test]
    fn content_type_parts() {
        let r = response(Some(200), Some("Text/HTML; Charset=\"windows-1252\""), None);
        assert_eq!(r.essence().as_deref(), Some("text/html"));
        assert_eq!(r.charset().as_deref(), Some("windows-1252"));
        assert!(r.is_html());
        assert!(!response(Some(200), Some("image/png"), None).is_html());
    }

    #[test]
    fn html_is_sniffed_without_content_type() {
        let mut r = response(Some(200), None, None);
        r.body = Body::Complete(b"\xEF\xBB\xBF  <!doctype html>".to_vec());
        assert!(r.is_html());
        r.body = Body::Complete(b"%PDF-1.4".to_vec());
        assert!(!r.is_html());
    }

    #[test]
    fn redirects_resolve_relative_locations() {
        let r = response(Some(301), None, Some("../c?x=1"));
        assert_eq!(
            r.redirect_target().unwrap().unwrap().as_str(),
            "https://c.example/c?x=1"
        );
        assert!(response(Some(302), None, None)
            .redirect_target()
            .unwrap()
            .is_err());
        assert!(response(Some(304), None, Some("/x"))
            .redirect_target()
            .is_none());
        assert!(response(Some(200), None, Some("/x"))
            .redirect_target()
            .is_none());
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn document_extensions() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(looks_like_document(&u("https://c.example/docs/Report.PDF")));
        assert!(!looks_like_document(&u("https://c.example/docs.pdf/page")));
        assert!(!looks_like_document(&u("https://c.example/bins")));
    }

    #[test]
    fn seconds_format() {
        assert_eq!(seconds(Duration::from_secs(30)), "30");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5");
    }
}
