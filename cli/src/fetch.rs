//! Fetching pages over HTTP(S): one GET per URL, nothing else.
//!
//! frontdesk checks council sites it does not own, so it is deliberately polite and
//! bounded: a single request per page, an honest user agent, a timeout, and a cap on the
//! body so a huge or endless response cannot exhaust memory.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::CONTENT_TYPE;
use url::Url;

/// Largest body we read, after decompression (so a small gzip bomb is caught too).
pub const MAX_BODY_BYTES: u64 = 10 * 1024 * 1024;

const TIMEOUT: Duration = Duration::from_secs(30);

const USER_AGENT: &str = concat!(
    "frontdesk/",
    env!("CARGO_PKG_VERSION"),
    " (+accessibility checker)"
);

/// A fetched HTML page, not yet decoded.
#[derive(Debug)]
pub struct Fetched {
    /// Where the page was found, after redirects: the URL the findings apply to.
    pub url: Url,
    pub status: u16,
    /// The `charset` parameter of the `Content-Type` header, if any.
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// An HTTP client, built on first use so that checking only local files never starts
/// the HTTP machinery.
#[derive(Default)]
pub struct Fetcher {
    client: Option<Client>,
}

impl Fetcher {
    pub fn new() -> Self {
        Self::default()
    }

    /// One GET of an HTML page. The error is a message for people, without the URL (the
    /// caller adds it).
    pub fn get(&mut self, url: &Url) -> Result<Fetched, String> {
        self.fetch(url, Expect::Html)
    }

    /// One GET of a style sheet a page links: `text/css` (or unlabelled), status 2xx.
    pub fn get_stylesheet(&mut self, url: &Url) -> Result<String, String> {
        let fetched = self.fetch(url, Expect::Stylesheet)?;
        if !(200..300).contains(&fetched.status) {
            return Err(format!("HTTP status {}", fetched.status));
        }
        Ok(crate::decode::decode_css(
            &fetched.body,
            fetched.charset.as_deref(),
        ))
    }

    fn fetch(&mut self, url: &Url, expect: Expect) -> Result<Fetched, String> {
        let client = match &self.client {
            Some(client) => client,
            None => {
                let client = Client::builder()
                    .user_agent(USER_AGENT)
                    .timeout(TIMEOUT)
                    .build()
                    .map_err(|e| format!("cannot start the HTTP client: {}", describe(&e)))?;
                self.client.insert(client)
            }
        };

        let response = client.get(url.clone()).send().map_err(|e| describe(&e))?;
        let status = response.status().as_u16();
        let final_url = response.url().clone();

        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let charset = match content_type.as_deref() {
            // No Content-Type at all: browsers sniff, and a page is by far the likeliest.
            None => None,
            Some(ct) => {
                let (essence, charset) = parse_content_type(ct);
                match expect {
                    Expect::Html if !is_html(&essence) => {
                        return Err(format!("the server sent '{}', not an HTML page", essence));
                    }
                    Expect::Stylesheet if essence != "text/css" => {
                        return Err(format!("the server sent '{}', not a style sheet", essence));
                    }
                    _ => {}
                }
                charset
            }
        };

        // Refuse early when the server announces a too-large body, then enforce the cap
        // while reading, since the length may be absent or (compressed) not the real size.
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY_BYTES)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        response
            .take(MAX_BODY_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("cannot read the page: {}", describe(&e)))?;
        if body.len() as u64 > MAX_BODY_BYTES {
            return Err(too_large());
        }

        Ok(Fetched {
            url: final_url,
            status,
            charset,
            body,
        })
    }
}

/// What a GET is for, which decides the content types accepted.
#[derive(Clone, Copy)]
enum Expect {
    Html,
    Stylesheet,
}

fn too_large() -> String {
    format!(
        "the page is larger than {} MB, the most frontdesk reads",
        MAX_BODY_BYTES / (1024 * 1024)
    )
}

fn is_html(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml")
}

/// `text/html; charset=UTF-8` → (`text/html`, Some(`UTF-8`)). The essence is lower-cased.
fn parse_content_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| {
            value
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_string()
        })
    });
    (essence, charset)
}

/// A one-line description of an error. reqwest's own message ("error sending request for
/// url (…)") hides the useful part, such as "Connection refused", in its source chain.
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    // Reading the body goes through `std::io::Read`, which wraps reqwest's error.
    if let Some(inner) = error
        .downcast_ref::<std::io::Error>()
        .and_then(|e| e.get_ref())
    {
        if inner.is::<reqwest::Error>() {
            return describe(inner);
        }
    }
    if let Some(e) = error.downcast_ref::<reqwest::Error>() {
        if e.is_timeout() {
            return format!("no answer within {} s", TIMEOUT.as_secs());
        }
        if e.is_redirect() {
            return "too many redirects".to_string();
        }
    }
    error_chain(error)
}

/// An error and its sources as one line, without reqwest's generic wrapper messages
/// ("error sending request for url (…)"), which hide the useful part such as
/// "Connection refused". Shared with the crawler.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut messages: Vec<String> = Vec::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = current {
        let message = e.to_string();
        // reqwest wraps errors more than once; skip generic layers that repeat the URL or
        // say nothing, and duplicates.
        let generic = message.starts_with("error sending request")
            || message.starts_with("error decoding response body")
            || message.starts_with("request or response body error")
            || message == "client error (Connect)";
        if !generic && !messages.iter().any(|m| m == &message) {
            messages.push(message);
        }
        current = e.source();
    }
    if messages.is_empty() {
        error.to_string()
    } else {
        messages.join(": ").replace('\n', " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_parsing() {
        assert_eq!(parse_content_type("text/html"), ("text/html".into(), None));
        assert_eq!(
            parse_content_type("Text/HTML; Charset=\"windows-1252\""),
            ("text/html".into(), Some("windows-1252".into()))
        );
        assert_eq!(parse_content_type("application/pdf").0, "application/pdf");
    }

    #[test]
    fn user_agent_names_the_tool() {
        assert!(USER_AGENT.starts_with("frontdesk/"));
        assert!(USER_AGENT.ends_with("(+accessibility checker)"));
    }
}
