//! Sitemap bodies (`<urlset>`, `<sitemapindex>`, plain text, gzip) through the crawler's
//! streaming parse, then each listed page as the crawler takes it (parsed, http(s) only,
//! normalised).
//!
//! Invariants: the URL caps hold; every URL kept is non-empty, trimmed and at most 8 KiB;
//! the same body gzip-compressed parses to the same URLs.
#![no_main]

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use frontdesk_core::crawl::normalize::normalize;
use frontdesk_core::crawl::sitemap_parse::{parse, Parsed, MAX_URLS_PER_SITEMAP};
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let parsed = parse(data);
    check(&parsed);
    // The first pages only: a gzip seed lists 50,000, and normalisation has its own target.
    for page in parsed.pages.iter().take(100) {
        let Ok(mut url) = Url::parse(page.trim()) else {
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        normalize(&mut url);
        let mut again = url.clone();
        normalize(&mut again);
        assert_eq!(again, url);
    }

    // Compression is transparent (a body that is already gzip would become gzip in gzip).
    if !data.starts_with(&[0x1f, 0x8b]) {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(data).unwrap();
        let unzipped = parse(&gz.finish().unwrap());
        check(&unzipped);
        assert_eq!(unzipped.pages, parsed.pages, "gzip changed the pages");
        assert_eq!(
            unzipped.sitemaps, parsed.sitemaps,
            "gzip changed the sitemaps"
        );
    }
});

fn check(parsed: &Parsed) {
    assert!(parsed.pages.len() <= MAX_URLS_PER_SITEMAP);
    assert!(parsed.sitemaps.len() <= MAX_URLS_PER_SITEMAP);
    for url in parsed.pages.iter().chain(&parsed.sitemaps) {
        assert!(!url.is_empty());
        assert!(url.len() <= 8 * 1024, "{} bytes", url.len());
        assert_eq!(url.trim(), url);
    }
}
