//! URL normalisation: one spelling per resource, so no page is fetched twice.
//!
//! The `url` crate already does the WHATWG parts (scheme and host lower-cased, default
//! ports removed, `.`/`..` segments resolved, IDNA hosts in punycode, unsafe bytes
//! percent-encoded). On top of that we drop what never reaches the server or never changes
//! the answer, and nothing else:
//!
//! - the fragment (`#section`): browsers never send it;
//! - an empty query (`/bins?` → `/bins`);
//! - for `file:` URLs, a folder (`bins/`) means its `index.html`, as a web server would
//!   serve it.
//!
//! Deliberately kept: the trailing slash (`/bins` and `/bins/` can be different pages; when
//! a server redirects one to the other, the redirect is recorded and the page audited once),
//! the query string exactly as written (parameter order and case can matter to a CMS), the
//! path's case and its percent-encoding.

use url::Url;

/// Normalises in place (see the module documentation).
pub fn normalize(url: &mut Url) {
    url.set_fragment(None);
    if url.query() == Some("") {
        url.set_query(None);
    }
    if url.scheme() == "file" && url.path().ends_with('/') {
        let path = format!("{}index.html", url.path());
        url.set_path(&path);
    }
}

/// Resolves a link's `href` against the document's base URL and normalises it. Only URLs
/// a crawler may fetch come back: `http`/`https`, and `file` when crawling a folder. Links
/// such as `javascript:`, `mailto:`, `tel:` and `data:` are dropped here, so they can never
/// be requested.
pub fn resolve_link(base: &Url, href: &str, local_root: Option<&Url>) -> Option<Url> {
    let href = href.trim_matches(|c: char| c.is_ascii_whitespace());
    if href.is_empty() {
        return None;
    }
    let mut url = match local_root {
        // In a folder crawl, a root-relative link (`/bins/`) means the site's root folder,
        // not the root of the file system.
        Some(root) if href.starts_with('/') && !href.starts_with("//") => {
            root.join(&href[1..]).ok()?
        }
        _ => base.join(href).ok()?,
    };
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => {}
        "file" if local_root.is_some() => {}
        _ => return None,
    }
    normalize(&mut url);
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut url = Url::parse(s).unwrap();
        normalize(&mut url);
        url.to_string()
    }

    #[test]
    fn fragments_ports_and_case() {
        assert_eq!(
            norm("HTTPS://Council.Example:443/Bins/#top"),
            "https://council.example/Bins/"
        );
        assert_eq!(
            norm("http://council.example:80/a/../b?"),
            "http://council.example/b"
        );
        assert_eq!(
            norm("http://council.example:8080/x"),
            "http://council.example:8080/x"
        );
    }

    #[test]
    fn query_and_trailing_slash_are_kept() {
        assert_eq!(
            norm("https://c.example/search?b=2&a=1"),
            "https://c.example/search?b=2&a=1"
        );
        assert_ne!(
            norm("https://c.example/bins"),
            norm("https://c.example/bins/")
        );
        assert_eq!(norm("https://c.example"), "https://c.example/");
    }

    #[test]
    fn file_folders_mean_index_html() {
        assert_eq!(norm("file:///site/bins/"), "file:///site/bins/index.html");
        assert_eq!(norm("file:///site/a.html#x"), "file:///site/a.html");
    }

    #[test]
    fn only_fetchable_links_resolve() {
        let base = Url::parse("https://c.example/bins/index.html").unwrap();
        for href in [
            "javascript:void(0)",
            "mailto:bins@c.example",
            "tel:01632960000",
            "data:text/html,hi",
            "",
            "   ",
            "ftp://c.example/x",
        ] {
            assert_eq!(resolve_link(&base, href, None), None, "{href}");
        }
        assert_eq!(
            resolve_link(&base, " ../pay.html#form ", None)
                .unwrap()
                .as_str(),
            "https://c.example/pay.html"
        );
        assert_eq!(
            resolve_link(&base, "//other.example/x", None)
                .unwrap()
                .as_str(),
            "https://other.example/x"
        );
        assert_eq!(resolve_link(&base, "file:///etc/passwd", None), None);
    }

    #[test]
    fn local_root_relative_links_stay_in_the_site() {
        let root = Url::parse("file:///srv/site/").unwrap();
        let base = Url::parse("file:///srv/site/bins/index.html").unwrap();
        assert_eq!(
            resolve_link(&base, "/council-tax/", Some(&root))
                .unwrap()
                .as_str(),
            "file:///srv/site/council-tax/index.html"
        );
        assert_eq!(
            resolve_link(&base, "../contact.html", Some(&root))
                .unwrap()
                .as_str(),
            "file:///srv/site/contact.html"
        );
    }
}
