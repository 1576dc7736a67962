//! The links a crawler follows from a page, read from the same [`Document`] the audit
//! used: a page is parsed once, for both.

use std::collections::HashSet;

use url::Url;

use super::normalize::resolve_link;
use crate::model::Document;
use crate::urls;

/// What a page links to, for the crawl.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageLinks {
    /// Links to follow, absolute and normalised, each once, in document order; never the
    /// page itself.
    pub links: Vec<Url>,
    /// The first `<link rel=canonical>`, resolved, without its fragment.
    pub canonical: Option<String>,
}

/// Links a crawler follows: `<a href>`, `<area href>`, `<iframe src>`/`<frame src>` (framed
/// pages are pages too) and `<meta http-equiv=refresh>` targets; resolved against the first
/// `<base href>`. Only http(s) (and, for folder crawls, file) URLs survive `resolve_link`;
/// form actions are never links, so no form is ever submitted.
pub fn extract(doc: &Document, url: &Url, local_root: Option<&Url>) -> PageLinks {
    let base = doc
        .elements()
        .find(|e| e.is_html() && e.name() == "base" && e.attr("href").is_some())
        .and_then(|b| urls::join(url, b.attr("href").unwrap_or("").trim()))
        .unwrap_or_else(|| url.clone());
    let mut seen: HashSet<Url> = HashSet::new();
    let mut found = PageLinks::default();
    for el in doc.elements() {
        if !el.is_html() {
            continue;
        }
        let href = match el.name() {
            "a" | "area" => el.attr("href"),
            "iframe" | "frame" => el.attr("src"),
            "meta"
                if el
                    .attr("http-equiv")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh")) =>
            {
                el.attr("content").and_then(refresh_target)
            }
            "link" if found.canonical.is_none() && has_token(el.attr("rel"), "canonical") => {
                found.canonical = el
                    .attr("href")
                    .and_then(|h| urls::join(&base, h.trim()))
                    .map(|mut u| {
                        u.set_fragment(None);
                        u.to_string()
                    });
                None
            }
            _ => None,
        };
        if let Some(link) = href.and_then(|h| resolve_link(&base, h, local_root)) {
            if link != *url && seen.insert(link.clone()) {
                found.links.push(link);
            }
        }
    }
    found
}

fn has_token(list: Option<&str>, token: &str) -> bool {
    list.is_some_and(|l| {
        l.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}

/// `5; url=/next` → `/next`.
fn refresh_target(content: &str) -> Option<&str> {
    let (_, rest) = content.split_once([';', ','])?;
    let rest = rest.trim_start();
    let value = if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("url") {
        rest[3..].trim_start().strip_prefix('=')?.trim_start()
    } else {
        rest
    };
    let value = value.trim_matches(|c| c == '\'' || c == '"');
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_canonical() {
        let html = r#"<html lang="en"><head><title>T</title>
            <base href="https://c.example/base/">
            <link rel="Canonical" href="/bins#top">
            <meta http-equiv="refresh" content="30; URL='/later'">
            </head><body>
            <a href="a.html">A</a> <a href="a.html#x">A again</a>
            <a href="mailto:x@c.example">mail</a> <a href="javascript:go()">js</a>
            <a href="tel:01632960000">tel</a> <a>no href</a> <a href="/page">self</a>
            <form action="/submit" method="post"><button>Send</button></form>
            <area href="/map"> <iframe src="https://maps.example/embed"></iframe>
            <svg><a href="/svg-link">x</a></svg>
            </body></html>"#;
        let url = Url::parse("https://c.example/page").unwrap();
        let found = extract(&crate::parse_document(html), &url, None);
        let links: Vec<&str> = found.links.iter().map(Url::as_str).collect();
        assert_eq!(
            links,
            [
                "https://c.example/later",
                "https://c.example/base/a.html",
                "https://c.example/map",
                "https://maps.example/embed",
            ]
        );
        assert_eq!(found.canonical.as_deref(), Some("https://c.example/bins"));
    }

    #[test]
    fn folder_crawls_resolve_root_relative_links_in_the_folder() {
        let root = Url::parse("file:///srv/site/").unwrap();
        let url = Url::parse("file:///srv/site/bins/index.html").unwrap();
        let doc = crate::parse_document(r#"<a href="/news/">N</a> <a href="../x.html">X</a>"#);
        let found = extract(&doc, &url, Some(&root));
        let links: Vec<&str> = found.links.iter().map(Url::as_str).collect();
        assert_eq!(
            links,
            [
                "file:///srv/site/news/index.html",
                "file:///srv/site/x.html"
            ]
        );
    }

    #[test]
    fn refresh_targets() {
        assert_eq!(refresh_target("0; url=/next"), Some("/next"));
        assert_eq!(refresh_target("5;URL = 'x.html'"), Some("x.html"));
        assert_eq!(refresh_target("30"), None);
    }
}
