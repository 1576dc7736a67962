//! One HTTP exchange for the crawler (HTTP(S), or a file of a local site), as the machine
//! (`frontdesk_core::crawl::machine`) asks for it. *When* to send it, retries and
//! redirects are the machine's decisions; this:
//!
//! - sends only GET or HEAD, never follows redirects itself and never sends cookies;
//! - reads the body only when asked, chunk by chunk, and stops at a size cap counted
//!   *after* decompression, so neither a 1 GB page nor a gzip bomb is ever held in memory;
//! - gives up after `--timeout` for the whole exchange, body included (a server dripping
//!   one byte a second cannot hold a worker forever).

use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use frontdesk_core::crawl::exchange::{
    essence, is_html_type, Answer, Body, ErrorKind, Failure, Method, Read,
};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use tokio::io::AsyncReadExt;
use url::Url;

#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub user_agent: String,
    pub timeout: Duration,
    pub host_concurrency: usize,
}

/// Where pages come from: the web, or a folder on disk.
pub enum Fetcher {
    Http(Http),
    Local,
}

impl Fetcher {
    /// Makes one exchange.
    pub async fn exchange(&self, method: Method, url: &Url, read: Read) -> Result<Answer, Failure> {
        match self {
            Fetcher::Http(http) => http.exchange(method, url, read).await,
            Fetcher::Local => get_file(url, method, read).await,
        }
    }

    pub fn is_http(&self) -> bool {
        matches!(self, Fetcher::Http(_))
    }
}

pub struct Http {
    client: reqwest::Client,
    config: HttpConfig,
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
        Ok(Http { client, config })
    }

    async fn exchange(&self, method: Method, url: &Url, read: Read) -> Result<Answer, Failure> {
        let started = Instant::now();
        // reqwest's own timeout covers the whole exchange; this outer one is a backstop so
        // that no future of ours can outlive the limit by much.
        let limit = self.config.timeout + Duration::from_secs(1);
        let mut answer = match tokio::time::timeout(limit, self.once(url, method, read)).await {
            Ok(result) => result?,
            Err(_) => return Err(self.timeout_error()),
        };
        answer.elapsed = started.elapsed();
        Ok(answer)
    }

    async fn once(&self, url: &Url, method: Method, read: Read) -> Result<Answer, Failure> {
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
        let essence = content_type.as_deref().map(essence);
        let read = match (method, read) {
            (Method::Head, _) | (_, Read::Nothing) => None,
            (_, Read::Html(cap)) => {
                (!redirect && essence.as_deref().is_none_or(is_html_type)).then_some((cap, false))
            }
            (_, Read::Any(cap)) => Some((cap, false)),
            (_, Read::Prefix(cap)) => Some((cap, true)),
        };
        let body = match read {
            None => Body::NotRead,
            Some((cap, keep_prefix)) => self.read_capped(&mut response, cap, keep_prefix).await?,
        };
        Ok(Answer {
            status: Some(status),
            content_type,
            location,
            retry_after,
            length,
            body,
            elapsed: Duration::ZERO,
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
    ) -> Result<Body, Failure> {
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

    fn timeout_error(&self) -> Failure {
        Failure::new(
            ErrorKind::Timeout,
            format!(
                "no complete answer within {} s",
                seconds(self.config.timeout)
            ),
        )
    }

    fn classify(&self, error: &reqwest::Error) -> Failure {
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
        Failure::new(kind, chain)
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

/// Reads a file of a local site. A folder answers like a web server: a redirect to the same
/// path with a trailing slash (which normalises to its `index.html`).
async fn get_file(url: &Url, method: Method, read: Read) -> Result<Answer, Failure> {
    let started = Instant::now();
    let path = url
        .to_file_path()
        .map_err(|()| Failure::new(ErrorKind::Other, "not a local file URL"))?;
    let meta = tokio::fs::metadata(&path)
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Failure::new(ErrorKind::NotFound, "no such file"),
            _ => Failure::new(ErrorKind::Read, e.to_string()),
        })?;
    let mut response = Answer {
        status: None,
        content_type: None,
        location: None,
        retry_after: None,
        length: None,
        body: Body::NotRead,
        elapsed: Duration::ZERO,
    };
    if meta.is_dir() {
        response.location = Some(format!("{}/", url.path()));
        return Ok(response);
    }
    let content_type = content_type_for(&path);
    response.length = Some(meta.len());
    let read = match (method, read) {
        (Method::Head, _) | (_, Read::Nothing) => None,
        (_, Read::Html(cap)) => is_html_type(content_type).then_some((cap, false)),
        (_, Read::Any(cap)) => Some((cap, false)),
        (_, Read::Prefix(cap)) => Some((cap, true)),
    };
    response.content_type = Some(content_type.to_string());
    if let Some((cap, keep_prefix)) = read {
        response.body = if meta.len() > cap as u64 && !keep_prefix {
            Body::TooLarge
        } else {
            let file = tokio::fs::File::open(&path)
                .await
                .map_err(|e| Failure::new(ErrorKind::Read, e.to_string()))?;
            let mut bytes = Vec::new();
            file.take(cap as u64 + 1)
                .read_to_end(&mut bytes)
                .await
                .map_err(|e| Failure::new(ErrorKind::Read, e.to_string()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn seconds_format() {
        assert_eq!(seconds(Duration::from_secs(30)), "30");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5");
    }
}
