//! The crawler's logic, without I/O: which URLs to fetch and when, what the answers mean,
//! and the bookkeeping of every URL met. A driver does the fetching: `frontdesk crawl`
//! (cli/src/crawl/) with tokio and reqwest; a browser build could use `fetch` for a
//! same-origin crawl.
//!
//! - [`machine`]: the [`Crawler`](machine::Crawler) state machine, which hands out HTTP
//!   exchanges when their host's turn comes and reads the answers;
//! - [`exchange`]: one exchange, asked for and answered;
//! - [`frontier`]: every URL met, its state and referrers, and the queue;
//! - [`normalize`]: one spelling per URL, and which links may be followed at all;
//! - [`scope`]: which URLs belong to the site (`--include`/`--exclude`);
//! - [`robots_txt`] and [`sitemap_parse`]: robots.txt and sitemap bodies; [`robots`]: what
//!   an origin's robots.txt answer means; [`sitemaps`]: which sitemap files to read;
//! - [`politeness`]: when each host may be sent its next request;
//! - [`links`]: the links a page gives, from the parse the audit used.
//!
//! The cargo-fuzz targets `normalize`, `robots` and `sitemap` call these directly.

pub mod exchange;
// Moved from the CLI as it was; its fields are documented where the names do not say it.
#[allow(missing_docs)]
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
