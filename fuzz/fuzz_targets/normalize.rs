//! URL normalisation, link resolution and scope, on arbitrary text.
//!
//! Input: a URL, or `<base URL>\n<href>`. The URL (or the base) is normalised: the result
//! must be a fixed point (also through its text form, as the frontier and the reports store
//! URLs), carry no fragment or empty query, and keep scheme, host, port and user name.
//! Scope must not change under normalisation without globs, nor widen with them. The href
//! is resolved against the base (as a web crawl, and as a folder crawl when the base is a
//! `file:` URL): anything returned must be normalised and fetchable.
#![no_main]

use frontdesk_core::crawl::normalize::{normalize, resolve_link};
use frontdesk_core::crawl::scope::{InScope, Scope};
use libfuzzer_sys::fuzz_target;
use url::Url;

const DEFAULT_BASE: &str = "https://www.council.example/bins/index.html";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (first, href) = match text.split_once('\n') {
        Some((base, href)) => (base, Some(href)),
        None => (&*text, None),
    };
    let Ok(url) = Url::parse(first) else {
        if let Some(href) = href {
            resolve(&Url::parse(DEFAULT_BASE).unwrap(), href);
        }
        return;
    };

    let once = normalized(&url);
    assert_eq!(normalized(&once), once, "not idempotent from {url}");
    assert_eq!(once.fragment(), None);
    assert_ne!(once.query(), Some(""));
    assert_eq!(once.scheme(), url.scheme());
    assert_eq!(once.host(), url.host());
    assert_eq!(once.port_or_known_default(), url.port_or_known_default());
    assert_eq!(once.username(), url.username());
    // The crawler only ever stores http(s) and file URLs as text.
    if matches!(url.scheme(), "http" | "https" | "file") {
        let reparsed = Url::parse(once.as_str()).expect("a normalised URL parses");
        // A quirk of the url crate (2.5), not of `normalize`: a file: URL with a host whose
        // first path segment is a Windows drive letter reached through `\` or `//`
        // (`file://h/\c:`, `file://h//c:`) keeps its host and serialises as `file://h/c:`,
        // which parses *without* the host (the spec's drive-letter rule). Only the host
        // differs. See docs/FUZZING.md.
        let drive_letter_quirk = url.scheme() == "file"
            && once.host_str().is_some_and(|h| !h.is_empty())
            && reparsed.host_str().is_none_or(str::is_empty)
            && reparsed.path() == once.path();
        if !drive_letter_quirk {
            assert_eq!(normalized(&reparsed), once, "text form of {url}");
        }
    }

    for start in [
        "https://council.example/",
        "http://www.council.example:8080/bins/",
        "file:///srv/site/",
    ] {
        let start = Url::parse(start).unwrap();
        let plain = Scope::for_site(&start, &[], &[]).unwrap();
        assert_eq!(plain.check(&url), plain.check(&once), "{url} for {start}");
        let globs = ["/news/**".to_string(), "/**/*.pdf".to_string()];
        let narrowed = Scope::for_site(&start, &[], &globs).unwrap();
        if narrowed.check(&url) != InScope::Yes {
            assert_ne!(narrowed.check(&once), InScope::Yes, "{url} widened");
        }
    }

    resolve(&url, href.unwrap_or("../a/./b?#x"));
});

fn normalized(url: &Url) -> Url {
    let mut url = url.clone();
    normalize(&mut url);
    url
}

fn resolve(base: &Url, href: &str) {
    let root = Url::parse("file:///srv/site/").unwrap();
    let local_root = (base.scheme() == "file").then_some(&root);
    for local_root in [None, local_root] {
        if let Some(url) = resolve_link(base, href, local_root) {
            assert_eq!(normalized(&url), url, "{base} + {href:?}");
            match url.scheme() {
                "http" | "https" => assert!(url.host_str().is_some_and(|h| !h.is_empty())),
                "file" => assert!(local_root.is_some(), "{url} without a folder crawl"),
                other => panic!("unfetchable scheme {other}"),
            }
        }
    }
}
