//! One HTTP exchange as the crawler sees it, without I/O: what to ask for (method, URL,
//! which body to read and its cap) and what came back (status, the few headers the crawl
//! needs, the body or why it was not read), or why nothing came back.

use std::time::Duration;

use url::Url;

/// frontdesk sends only these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
}

/// Which bodies the driver reads, and the cap (counted after decompression).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// Headers only (the connection is dropped after them).
    Nothing,
    /// The body of an HTML response (or one with no `Content-Type`, to sniff) that is not a
    /// redirect, up to the cap.
    Html(usize),
    /// Any body up to the cap.
    Any(usize),
    /// Any body; past the cap, its first `cap` bytes (robots.txt is read this way).
    Prefix(usize),
}

/// The body of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Not asked for ([`Read::Nothing`], `HEAD`, or not HTML for [`Read::Html`]).
    NotRead,
    /// All of it (or the prefix, for [`Read::Prefix`]).
    Complete(Vec<u8>),
    /// Over the cap: reading stopped there and what was read is dropped.
    TooLarge,
}

/// What came back from one exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status; `None` for local files.
    pub status: Option<u16>,
    /// `Content-Type` as sent (for files, from the extension).
    pub content_type: Option<String>,
    /// `Location` as sent (for a local folder, the path with a slash).
    pub location: Option<String>,
    /// `Retry-After`, as a wait from when the answer came.
    pub retry_after: Option<Duration>,
    /// Size announced by `Content-Length` (or the file size).
    pub length: Option<u64>,
    /// The body, as [`Read`] asked.
    pub body: Body,
    /// From sending the request to the end of the body.
    pub elapsed: Duration,
}

impl Answer {
    /// An answer with only a status, for tests and drivers.
    pub fn status(status: u16) -> Self {
        Answer {
            status: Some(status),
            content_type: None,
            location: None,
            retry_after: None,
            length: None,
            body: Body::NotRead,
            elapsed: Duration::ZERO,
        }
    }

    /// `text/html; charset=UTF-8` → `text/html`.
    pub fn essence(&self) -> Option<String> {
        self.content_type.as_deref().map(essence)
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

    /// Where a redirect from `url` points. `Some(Err)` for a redirect status with a missing
    /// or unusable `Location`.
    pub fn redirect_target(&self, url: &Url) -> Option<Result<Url, String>> {
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
            Some(location) => url
                .join(location.trim())
                .map_err(|e| format!("redirect to an invalid URL '{location}': {e}")),
        })
    }
}

/// `Text/HTML; charset=x` → `text/html`.
pub fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The media types of HTML pages.
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

/// Why an exchange brought no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    /// The host name did not resolve.
    Dns,
    /// TLS failed (certificate, handshake).
    Tls,
    /// The connection was refused or could not be made.
    Connect,
    /// No complete answer within `--timeout`.
    Timeout,
    /// The connection broke while reading, or the body could not be decompressed.
    Read,
    /// A file that does not exist (folder crawls).
    NotFound,
    /// Anything else.
    Other,
}

impl ErrorKind {
    /// The name used in reports.
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

/// An exchange that brought no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What happened, for the report.
    pub message: String,
}

impl Failure {
    /// A failure of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
        }
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

    fn answer(status: Option<u16>, ct: Option<&str>, location: Option<&str>) -> Answer {
        Answer {
            status,
            content_type: ct.map(String::from),
            location: location.map(String::from),
            ..Answer::status(0)
        }
    }

    #[test]
    fn content_type_parts() {
        let r = answer(Some(200), Some("Text/HTML; Charset=\"windows-1252\""), None);
        assert_eq!(r.essence().as_deref(), Some("text/html"));
        assert_eq!(r.charset().as_deref(), Some("windows-1252"));
        assert!(r.is_html());
        assert!(!answer(Some(200), Some("image/png"), None).is_html());
    }

    #[test]
    fn html_is_sniffed_without_content_type() {
        let mut r = answer(Some(200), None, None);
        r.body = Body::Complete(b"\xEF\xBB\xBF  <!doctype html>".to_vec());
        assert!(r.is_html());
        r.body = Body::Complete(b"%PDF-1.4".to_vec());
        assert!(!r.is_html());
    }

    /// RFC 9110 §10.2.2: a relative Location resolves against the request's URL.
    #[test]
    fn redirects_resolve_relative_locations() {
        let from = Url::parse("https://c.example/a/b").unwrap();
        let r = answer(Some(301), None, Some("../c?x=1"));
        assert_eq!(
            r.redirect_target(&from).unwrap().unwrap().as_str(),
            "https://c.example/c?x=1"
        );
        assert!(answer(Some(302), None, None)
            .redirect_target(&from)
            .unwrap()
            .is_err());
        assert!(answer(Some(304), None, Some("/x"))
            .redirect_target(&from)
            .is_none());
        assert!(answer(Some(200), None, Some("/x"))
            .redirect_target(&from)
            .is_none());
    }

    #[test]
    fn document_extensions() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(looks_like_document(&u("https://c.example/docs/Report.PDF")));
        assert!(!looks_like_document(&u("https://c.example/docs.pdf/page")));
        assert!(!looks_like_document(&u("https://c.example/bins")));
    }
}
