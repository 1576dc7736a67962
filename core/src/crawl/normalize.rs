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
/// a crawler may fetch come back: `http`/`https`, and `file` when crawling a folder (on the
/// folder's own host, i.e. none: `//server/share/x` from a local page would name a network
/// share, which Windows opens as a UNC path). Links such as `javascript:`, `mailto:`, `tel:`
/// and `data:` are dropped here, so they can never be requested.
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
        _ => crate::urls::join(base, href)?,
    };
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => {}
        "file" if local_root.is_some_and(|root| root.host() == url.host()) => {}
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

    #[test]
    fn pages_named_like_drive_letters_resolve_from_their_folder() {
        // Found by the property test: the url crate failed an assertion on this join.
        let root = Url::parse("file:///srv/site/").unwrap();
        let base = Url::parse("file:///srv/site/A:").unwrap();
        for (href, expected) in [
            (" ../\n", "file:///srv/index.html"),
            ("./", "file:///srv/site/index.html"),
            ("../../y.html", "file:///y.html"),
            ("x.html", "file:///srv/site/x.html"),
            ("?page=2", "file:///srv/site/A:?page=2"),
        ] {
            let url = resolve_link(&base, href, Some(&root));
            assert_eq!(
                url.map(|u| u.to_string()).as_deref(),
                Some(expected),
                "{href:?}"
            );
        }
        assert_eq!(resolve_link(&base, "../", None), None);
    }

    #[test]
    fn folder_links_never_name_another_host() {
        let root = Url::parse("file:///C:/site/").unwrap();
        let base = Url::parse("file:///C:/site/bins/index.html").unwrap();
        for href in [
            "//evil//C:/site/x.html",
            "//evil/share/x.html",
            "file://server/share/site/x.html",
            "file://evil//C:/site/x.html",
        ] {
            assert_eq!(resolve_link(&base, href, Some(&root)), None, "{href}");
        }
        // WHATWG URL parsing drops a host written before a drive letter: these stay local.
        for href in ["//evil/C:/site/x.html", "file:///C:/site/x.html"] {
            let url = resolve_link(&base, href, Some(&root)).unwrap();
            assert_eq!(url.as_str(), "file:///C:/site/x.html", "{href}");
        }
    }

    // Property tests (proptest) over normalisation, scope, robots.txt and sitemap parsing,
    // alongside the cargo-fuzz targets `normalize`, `robots` and `sitemap`
    // (docs/FUZZING.md). `PROPTEST_CASES=10000` runs more.
    mod properties {
        use super::super::super::robots_txt::product_token;
        use super::super::super::scope::{InScope, Scope};
        use super::super::super::sitemap_parse::{self as sitemap, MAX_URLS_PER_SITEMAP};
        use super::*;
        use proptest::prelude::*;

        fn config() -> ProptestConfig {
            ProptestConfig {
                cases: std::env::var("PROPTEST_CASES")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(256),
                ..ProptestConfig::default()
            }
        }

        fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> {
            prop::sample::select(items).prop_map(str::to_string)
        }

        fn path() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    pick(&[
                        "",
                        ".",
                        "..",
                        "%2e",
                        "%2E%2e",
                        "bins",
                        "Bins",
                        "index.html",
                        "a b",
                        "caf\u{e9}",
                        "%41",
                        "~x",
                        ";p=1",
                        "%00",
                        "\\",
                        "%2F",
                        "x.pdf",
                        "news",
                        "search",
                        "**",
                        "[x]",
                        "%",
                    ]),
                    "[a-zA-Z0-9%._~:@!$&'()*+,;= -]{0,6}",
                ],
                0..6,
            )
            .prop_map(|segments| format!("/{}", segments.join("/")))
        }

        fn query() -> impl Strategy<Value = String> {
            prop_oneof![
                pick(&["", "?", "??", "?a=1&b", "?b=2&a=1", "?q=%20 x", "?=", "?#"]),
                "\\?[a-zA-Z0-9=&%+ ]{0,8}",
            ]
        }

        fn fragment() -> impl Strategy<Value = String> {
            pick(&["", "#", "#top", "#a#b", "#/news/", "#?q", "# x"])
        }

        fn host() -> impl Strategy<Value = String> {
            pick(&[
                "council.example",
                "Council.Example",
                "www.council.example",
                "WWW.COUNCIL.EXAMPLE",
                "payments.council.example",
                "other.example",
                "council.example.",
                "127.0.0.1",
                "0x7f.1",
                "[::1]",
                "[0:0::1]",
                "b\u{fc}cher.example",
                "xn--bcher-kva.example",
            ])
        }

        fn port() -> impl Strategy<Value = String> {
            pick(&["", ":", ":80", ":443", ":8080", ":0", ":080"])
        }

        /// Web URLs as links and sitemaps spell them; `None` when the text does not parse.
        fn web_url() -> impl Strategy<Value = String> {
            (
                pick(&["http", "https", "HTTP", "hTTps"]),
                pick(&["", "user@", "u:p@"]),
                host(),
                port(),
                path(),
                query(),
                fragment(),
            )
                .prop_map(|(s, u, h, p, path, q, f)| format!("{s}://{u}{h}{p}{path}{q}{f}"))
        }

        fn file_url() -> impl Strategy<Value = String> {
            (
                pick(&[
                    "file:///srv/site",
                    "file:///srv/other",
                    "file://host/srv/site",
                    "file:///srv/site/..",
                ]),
                path(),
                query(),
                fragment(),
            )
                .prop_map(|(root, path, q, f)| format!("{root}{path}{q}{f}"))
        }

        fn any_url() -> impl Strategy<Value = Url> {
            prop_oneof![3 => web_url(), 1 => file_url()]
                .prop_filter_map("parses", |s| Url::parse(&s).ok())
        }

        fn normalized(url: &Url) -> Url {
            let mut url = url.clone();
            normalize(&mut url);
            url
        }

        fn starts() -> impl Strategy<Value = Url> {
            pick(&[
                "https://council.example/",
                "https://www.council.example/bins/",
                "http://council.example:8080/",
                "https://127.0.0.1/",
                "https://[::1]/",
                "https://xn--bcher-kva.example/",
                "file:///srv/site/",
            ])
            .prop_map(|s| Url::parse(&s).unwrap())
        }

        proptest! {
            #![proptest_config(config())]

            #[test]
            fn normalisation_is_idempotent_and_drops_fragments(url in any_url()) {
                let once = normalized(&url);
                prop_assert_eq!(&normalized(&once), &once, "from {}", url);
                // Also through the text form, as the frontier and reports store URLs.
                let reparsed = Url::parse(once.as_str()).expect("a normalised URL parses");
                prop_assert_eq!(&normalized(&reparsed), &once, "from {}", url);
                prop_assert_eq!(once.fragment(), None);
                prop_assert!(!once.as_str().contains('#'), "{}", once);
                prop_assert_ne!(once.query(), Some(""));
            }

            #[test]
            fn normalisation_never_changes_scheme_host_or_port(url in any_url()) {
                let once = normalized(&url);
                prop_assert_eq!(once.scheme(), url.scheme());
                prop_assert_eq!(once.host(), url.host());
                prop_assert_eq!(once.port_or_known_default(), url.port_or_known_default());
                prop_assert_eq!(once.username(), url.username());
            }

            #[test]
            fn normalisation_never_widens_scope(
                start in starts(),
                exclude in prop::collection::vec(pick(&["/news/**", "/search*", "/**/*.pdf", "/bins"]), 0..3),
                url in any_url(),
            ) {
                let scope = Scope::for_site(&start, &[], &exclude).unwrap();
                let before = scope.check(&url);
                let after = scope.check(&normalized(&url));
                if before != InScope::Yes {
                    prop_assert_ne!(after, InScope::Yes, "{} widened into {} ({:?})", url, start, exclude);
                }
                if exclude.is_empty() {
                    // Without globs, scope depends only on what normalisation keeps.
                    prop_assert_eq!(before, after, "{} for {}", url, start);
                }
            }

            #[test]
            fn resolved_links_are_normalised_and_fetchable(
                base in any_url(),
                href in prop_oneof![
                    web_url(),
                    file_url(),
                    (path(), query(), fragment()).prop_map(|(p, q, f)| format!("{p}{q}{f}")),
                    (path(), query(), fragment()).prop_map(|(p, q, f)| format!(" ..{p}{q}{f}\n")),
                    (host(), path()).prop_map(|(h, p)| format!("//{h}{p}")),
                    pick(&["javascript:void(0)", "mailto:x@c.example", "data:,x", "#top", "?q", "http://", "https:x", "\t"]),
                ],
                local in any::<bool>(),
            ) {
                let root = Url::parse("file:///srv/site/").unwrap();
                let local_root = (local && base.scheme() == "file").then_some(&root);
                if let Some(url) = resolve_link(&base, &href, local_root) {
                    prop_assert_eq!(url.fragment(), None);
                    prop_assert_eq!(&normalized(&url), &url, "{} + {:?}", base, href);
                    match url.scheme() {
                        "http" | "https" => prop_assert!(url.host_str().is_some_and(|h| !h.is_empty())),
                        "file" => prop_assert!(local_root.is_some() && url.host().is_none()),
                        other => prop_assert!(false, "unfetchable scheme {}", other),
                    }
                }
            }

            #[test]
            fn robots_txt_never_panics(
                lines in prop::collection::vec(
                    prop_oneof![
                        pick(&[
                            "User-agent: *", "User-agent: frontdesk", "user-AGENT:FrontDesk/1.0",
                            "Disallow: /", "Disallow:", "Allow: /bins", "Disallow: /*.pdf$",
                            "Disallow: /news/*?", "Allow: /$", "Crawl-delay: 5", "Crawl-delay: -1e999",
                            "Sitemap: https://council.example/sitemap.xml", "Sitemap: not a url",
                            "# comment", "", "\u{feff}User-agent: *", "Disallow: /%E9", "Disallow: /\u{e9}",
                            "Disallow: ****$$$", "Allow: \u{0}", ":", "::::",
                        ]),
                        "[ -~]{0,20}",
                    ],
                    0..16,
                ),
                agent in "[ -~]{0,20}",
                url in any_url(),
            ) {
                let token = product_token(&agent);
                prop_assert!(!token.is_empty());
                prop_assert!(token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
                let text = lines.join("\n");
                if let Ok(robot) = texting_robots::Robot::new(&token, text.as_bytes()) {
                    let _ = robot.allowed(url.as_str());
                    let _ = robot.allowed(normalized(&url).as_str());
                }
            }

            #[test]
            fn sitemaps_never_panic_and_stay_bounded(
                parts in prop::collection::vec(
                    prop_oneof![
                        pick(&[
                            "<?xml version=\"1.0\"?>", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
                            "</urlset>", "<url>", "</url>", "<loc>", "</loc>", "<sitemapindex>", "<sitemap>",
                            "</sitemap>", "<s:loc>", "</s:loc>", "<LOC>", "&amp;", "&#x41;", "&#0;", "&bogus;",
                            "<![CDATA[https://c.example/?a=1&b=2]]>", "https://council.example/bins",
                            "\n", " ", "<!-- -->", "<!DOCTYPE x [<!ENTITY e \"x\">]>", "<", ">", "\u{feff}",
                            "http://c.example/\u{e9}",
                        ]),
                        "[ -~]{0,12}",
                    ],
                    0..40,
                ),
                gzip in any::<bool>(),
            ) {
                let text = parts.concat();
                let bytes = if gzip {
                    use std::io::Write;
                    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                    gz.write_all(text.as_bytes()).unwrap();
                    gz.finish().unwrap()
                } else {
                    text.into_bytes()
                };
                let parsed = sitemap::parse(&bytes);
                prop_assert!(parsed.pages.len() <= MAX_URLS_PER_SITEMAP);
                prop_assert!(parsed.sitemaps.len() <= MAX_URLS_PER_SITEMAP);
                prop_assert!(parsed.pages.iter().chain(&parsed.sitemaps).all(|u| !u.is_empty() && u.len() <= 8 * 1024));
            }

            #[test]
            fn sitemaps_of_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
                let _ = sitemap::parse(&bytes);
                let mut gz = vec![0x1f, 0x8b];
                gz.extend_from_slice(&bytes);
                let _ = sitemap::parse(&gz);
            }
        }
    }
}
