//! The crawler's logic, without I/O: which URLs belong to the site and how they are spelt,
//! what robots.txt and sitemaps say, and the bookkeeping of every URL met.
//!
//! - [`normalize`]: one spelling per URL, and which links may be followed at all;
//! - [`scope`]: which URLs belong to the site (`--include`/`--exclude`);
//! - [`robots_txt`] and [`sitemap_parse`]: robots.txt and sitemap bodies; [`robots`]: what
//!   an origin's robots.txt answer means; [`sitemaps`]: which sitemap files to read;
//! - [`politeness`]: when each host may be sent its next request;
//! - [`frontier`]: every URL met, its state and referrers, and the queue;
//! - [`links`]: the links a page gives, from the parse the audit used.
//!
//! `frontdesk crawl` (cli/src/crawl/) fetches with tokio and reqwest and drives these; the
//! cargo-fuzz targets `normalize`, `robots` and `sitemap` call them directly.

#[allow(missing_docs)]
// moved from the CLI; its fields are documented where they are not self-explanatory
pub mod frontier;
pub mod links;
pub mod machine;
pub mod normalize;
pub mod politeness;
pub mod robots;
pub mod robots_txt;
pub mod scope;
pub mod sitemap_parse;
pub mod sitemaps;
