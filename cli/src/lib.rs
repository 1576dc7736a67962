//! `frontdesk_cli`: the crawler's network-free parts, as a library.
//!
//! The `frontdesk` binary (`src/main.rs`) uses these modules from here, and so do the
//! cargo-fuzz targets in `fuzz/` (`robots`, `sitemap`, `normalize`; see docs/FUZZING.md),
//! which cannot reach into a binary. Their files sit in `src/crawl/` beside the rest of the
//! crawler (`frontdesk crawl`, in the binary), whose module documentation describes them.
//! Not a stable API.

pub mod crawl {
    //! The crawl stages that need no network: URL normalisation, scope, and parsing
    //! robots.txt and sitemap bodies.

    pub mod normalize;
    pub mod robots_txt;
    pub mod scope;
    pub mod sitemap_parse;
}
