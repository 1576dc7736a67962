//! The command line, declared with clap's derive API.
//!
//! clap exits with status 2 on usage errors (unknown flag, missing argument), which is the
//! same code frontdesk uses for input errors: scripts only need to tell "the site fails"
//! (1) from "the check itself did not run properly" (2).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use frontdesk_core::report::IgnoreList;

use crate::output::Target;

/// The help both `check` and `crawl` end with (outputs, config, exit codes 0 and 1), as a
/// literal so that `concat!` can put each command's own text around it.
macro_rules! shared_help {
    () => {
        "\
Outputs:
  Each --format pairs with the next --output after it (--format json -o r.json
  --format text -o r.txt). An --output with no --format of its own takes the format
  from its extension: .txt text, .json json, .sarif sarif, .xml junit, .md
  markdown, .html/.htm html, .jsonld earl. A --format with no --output after it
  goes to standard output (one at most). With neither, the report is text on
  standard output. `-o FILE --format F` (one of each) also pairs.

Config:
  Options and [[ignore]] entries can live in frontdesk.toml, found in the working
  folder or the nearest folder above it (up to the repository root), or given with
  --config FILE. Flags on the command line win over the file. See docs/config.md.

Exit codes:
  0  no gate failed (by default: no page has a failed finding at WCAG level A or
     AA that is not ignored), or --report-only
  1  a gate failed; one line on stderr per failing gate says which and by how much
     (gates: --fail-on, --min-level, --max-findings, --min-score; see docs/ci.md)
"
    };
}

const AFTER_HELP: &str = concat!(
    "\
Examples:
  frontdesk check site/                       every .html/.htm file under site/
  frontdesk check https://www.council.example/bins
  frontdesk check --format json -o report.json site/
  frontdesk check -o report.json -o report.txt site/   two reports from one run
  frontdesk check --baseline main.json --fail-on new site/   fail on regressions only
  frontdesk crawl https://www.council.example/  every page of a site (see `crawl --help`)

",
    shared_help!(),
    "  2  usage error, an input could not be read or fetched (pages that could be read
     are still reported), or the --baseline file is not a frontdesk JSON report"
);

/// Accessibility checker for UK council websites.
#[derive(Debug, Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "Accessibility checker for UK council websites",
    long_about = "Accessibility checker for UK council websites.\n\n\
                  frontdesk checks web pages against WCAG 2.2 rules (based on the W3C ACT rules) \
                  and reports what blocks people from using a council's online services: \
                  images and buttons with no name, unlabelled form fields, pages that stop \
                  zooming, invalid languages and more.\n\n\
                  Check local HTML files, whole folders of them, or live pages by URL.",
    after_long_help = AFTER_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check HTML files, folders of HTML files, or web pages (http/https URLs).
    #[command(
        long_about = "Check HTML files, folders of HTML files, or web pages.\n\n\
                      A FILE is read from disk. A folder is searched recursively for *.html \
                      and *.htm files, checked in path order. A URL (http:// or https://) is \
                      fetched with one GET request (30 s timeout, redirects followed, at most \
                      10 MB); a page answered with an error status such as 404 is still \
                      checked, and its status is shown in the report.",
        after_long_help = AFTER_HELP
    )]
    Check(CheckArgs),

    /// Crawl a whole site (a URL, or a folder of a static site) and check every page.
    #[command(
        long_about = "Crawl a site and check every page it can reach.\n\n\
                      From a start URL, frontdesk follows links within the site (same host; \
                      www. and no www. count as one site), reads robots.txt and sitemaps, and \
                      audits each HTML page as it arrives. Other files (PDF, Word, …) are \
                      listed as documents, links that fail as broken links with the pages \
                      that link to them, links to other sites as external links. Then it \
                      scores the council's top tasks (can each be found and done online?) and \
                      its accessibility statement, and prints the scorecard. It only sends GET \
                      and HEAD requests and never submits a form (site search uses the site's \
                      own GET search form, with a task's name only; --no-site-search turns it \
                      off), and is polite by default: 4 requests a second per host, robots.txt \
                      obeyed. --no-services leaves the top tasks and the statement out.\n\n\
                      A folder is crawled as a local site rooted there, starting at its \
                      index.html, offline. See docs/CRAWLING.md.",
        after_long_help = CRAWL_AFTER_HELP
    )]
    Crawl(CrawlArgs),

    /// List every rule frontdesk checks, with its WCAG success criteria and documentation.
    Rules(RulesArgs),

    /// Compare two JSON reports: new and fixed findings, and score changes.
    #[command(
        long_about = "Compare two JSON reports (from `check` or `crawl`, --format json): \
                      the findings NEW.json has that OLD.json did not (new), the ones it no \
                      longer has (fixed), grouped by page, and the score changes: each page's \
                      score, and the scorecard's figures when both reports have one. Findings \
                      are paired as --baseline pairs them (docs/ci.md).",
        after_long_help = DIFF_AFTER_HELP
    )]
    Diff(DiffArgs),
}

const DIFF_AFTER_HELP: &str = "\
Examples:
  frontdesk diff main.json branch.json
  frontdesk diff --format json old.json new.json

Exit codes:
  0  the comparison was printed (whatever it says)
  2  usage error, or a file could not be read or is not a frontdesk JSON report";

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier report (JSON).
    #[arg(value_name = "OLD.json")]
    pub old: PathBuf,

    /// The later report (JSON).
    #[arg(value_name = "NEW.json")]
    pub new: PathBuf,

    /// Output: `text` for people, `json` for tools (`{new, fixed, scores}`, docs/ci.md).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// The CI gates and the baseline, shared by `check` and `crawl` (docs/ci.md).
#[derive(Debug, Clone, clap::Args)]
pub struct GateArgs {
    /// An earlier JSON report of the same site: each finding is marked new or existing,
    /// and the report lists the fixed ones.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Which failed findings fail the run: `any` (default), `new` (not in --baseline) or
    /// `none`. Defaults to `none` when --max-findings is given.
    #[arg(long, value_enum, value_name = "WHICH")]
    pub fail_on: Option<FailOnArg>,

    /// The WCAG levels that count: `A`, `AA` (default: A and AA) or `AAA` (all three).
    /// Best-practice findings never count.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = LevelArg::Aa, ignore_case = true)]
    pub min_level: LevelArg,

    /// Fail when more than N failed findings count.
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,

    /// Fail when the accessibility score is below X (0–100): a crawl's site score, or
    /// for `check` the lowest page score.
    #[arg(long, value_name = "X", value_parser = parse_score)]
    pub min_score: Option<f64>,

    /// Always exit 0 when the check ran (failing gates are still printed); errors still
    /// exit 2.
    #[arg(long)]
    pub report_only: bool,
}

/// `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Any failed finding that counts.
    Any,
    /// Failed findings that are not in the --baseline report.
    New,
    /// No finding fails the run (only --max-findings and --min-score can).
    None,
}

/// `--min-level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Level A only.
    #[value(name = "A")]
    A,
    /// Levels A and AA.
    #[value(name = "AA")]
    Aa,
    /// Levels A, AA and AAA.
    #[value(name = "AAA")]
    Aaa,
}

fn parse_score(s: &str) -> Result<f64, String> {
    let score: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if !score.is_finite() || !(0.0..=100.0).contains(&score) {
        return Err("the score must be between 0 and 100".into());
    }
    Ok(score)
}

const CRAWL_AFTER_HELP: &str = concat!(
    "\
Examples:
  frontdesk crawl test-sites/demo-council            a local site, offline
  frontdesk crawl https://www.council.example/ --max-pages 5000 -o report.json --format json
  frontdesk crawl test-sites/demo-council -o report.json -o report.txt   both at once
  frontdesk crawl https://www.council.example/ --exclude '/search*' --check-external
  frontdesk crawl https://www.leeds.gov.uk/ --council leeds --no-site-search
  frontdesk crawl site/ --baseline main.json --fail-on new --min-score 80

",
    shared_help!(),
    "  2  usage error, the start URL could not be reached or audited, the crawl was
     interrupted, the report could not be written, or the --baseline file is not
     a frontdesk JSON report"
);

/// The user agent frontdesk sends unless told otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "frontdesk/",
    env!("CARGO_PKG_VERSION"),
    " (+accessibility checker)"
);

#[derive(Debug, clap::Args)]
pub struct CrawlArgs {
    /// Start URL (http:// or https://), or a folder holding a static site.
    #[arg(value_name = "URL|DIR")]
    pub start: String,

    /// Fetch at most N URLs of the site (pages, documents, redirects and errors count).
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_pages: u64,

    /// Follow at most N links from the start page or a sitemap entry (no limit by default).
    #[arg(long, value_name = "N")]
    pub max_depth: Option<u32>,

    /// Requests in flight at once, over all hosts.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub concurrency: u64,

    /// Requests in flight at once to any one host (default: the --concurrency value).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    pub host_concurrency: Option<u64>,

    /// Requests per second to any one host; 0 means no limit (only for sites you run).
    #[arg(long, value_name = "R", default_value_t = 4.0, value_parser = parse_rate)]
    pub rate: f64,

    /// Also crawl URLs matching GLOB (e.g. 'https://payments.council.example/**'). Globs
    /// starting with / match the path and query. Repeatable.
    #[arg(long = "include", value_name = "GLOB")]
    pub include: Vec<String>,

    /// Never fetch URLs matching GLOB (e.g. '/search*'); wins over --include. Repeatable.
    #[arg(long = "exclude", value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// User-Agent header; its first word is the robots.txt product token.
    #[arg(long, value_name = "S", default_value = DEFAULT_USER_AGENT)]
    pub user_agent: String,

    /// Give up on a request after S seconds (connection, headers and body together).
    #[arg(long, value_name = "S", default_value_t = 30.0, value_parser = parse_timeout)]
    pub timeout: f64,

    /// Check links to other sites with a HEAD request each (they are never crawled), and
    /// the online routes of top tasks on third-party hosts (payment and form providers)
    /// with a GET of their start page.
    #[arg(long)]
    pub check_external: bool,

    /// The council the site belongs to, by name, GSS code or GOV.UK slug (e.g.
    /// 'Leeds City Council', E08000035, leeds): sets its tier and country for the services
    /// analysis. By default the council is found from the site's host, if it is known.
    #[arg(long, value_name = "NAME|CODE|SLUG")]
    pub council: Option<String>,

    /// The council's tier, overriding the council's: which top tasks it provides. By default
    /// the council's tier, else guessed from the site (the report says so).
    #[arg(long, value_enum, value_name = "TIER")]
    pub tier: Option<TierArg>,

    /// Do not use the site's search form to look for each top task (SC-03). Site search
    /// only ever uses a GET search form, and only where robots.txt allows it.
    #[arg(long)]
    pub no_site_search: bool,

    /// Skip the services analysis: no top tasks, no accessibility statement checklist, and
    /// a scorecard with the accessibility score only. Faster on large sites; --tier,
    /// --no-site-search and --crawl-date then have no effect.
    #[arg(long)]
    pub no_services: bool,

    /// The date the accessibility statement's dates are judged against (YYYY-MM-DD;
    /// default: today, UTC). For reproducible reports of a crawl made on another day.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub crawl_date: Option<(i32, u8, u8)>,

    /// Add each page's fetch time (`fetch_ms`) to the JSON report. Off by default so that
    /// two crawls of an unchanged site give identical reports.
    #[arg(long)]
    pub timings: bool,

    /// Report format: `text` for people, `json` for tools (report schema v1 plus `site`),
    /// `sarif` for code scanning, `junit` for CI test views, `earl` for ACT/EARL tools,
    /// `markdown` for a pull-request comment, `html` for one self-contained page.
    /// Repeatable, each with its own --output (see OUTPUTS below).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,

    /// Write the report to FILE instead of standard output; repeatable. Without a --format
    /// of its own the file's extension gives the format. An existing file is never
    /// replaced unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Allow --output to replace existing files.
    #[arg(long)]
    pub force: bool,

    /// Read options and [[ignore]] entries from FILE instead of the frontdesk.toml found
    /// in the working folder or above it (docs/config.md).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Where the report goes, one format per destination: from --format/--output, else
    /// the config file, else text on standard output. Set by `config::parse`.
    #[arg(skip)]
    pub targets: Vec<Target>,

    /// The config file's `[[ignore]]` entries still in force. Set by `config::parse`.
    #[arg(skip)]
    pub ignores: IgnoreList,

    /// No progress display (for CI and scripts). Logs still follow RUST_LOG.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub gates: GateArgs,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let rate: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if !rate.is_finite() || rate < 0.0 {
        return Err(
            "the rate must be 0 (no limit) or a positive number of requests per second".into(),
        );
    }
    Ok(rate)
}

/// `2026-12-07` → (2026, 12, 7), a real calendar date.
fn parse_date(s: &str) -> Result<(i32, u8, u8), String> {
    let bad = || format!("'{s}' is not a date in the form YYYY-MM-DD");
    let mut parts = s.splitn(3, '-');
    let mut next = || {
        parts
            .next()
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (Some(y), Some(m), Some(d)) = (next(), next(), next()) else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (year, month, day): (i32, u8, u8) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if day == 0 || day > days {
        return Err(bad());
    }
    Ok((year, month, day))
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    if !secs.is_finite() || secs <= 0.0 || secs > 3600.0 {
        return Err("the timeout must be more than 0 and at most 3600 seconds".into());
    }
    Ok(secs)
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// HTML files, folders, or http(s) URLs to check.
    #[arg(value_name = "FILE|URL", required = true)]
    pub inputs: Vec<String>,

    /// Report format: `text` for people, `json` for tools (report schema v1), `sarif`
    /// for code scanning, `junit` for CI test views, `earl` for ACT/EARL tools, `markdown`
    /// for a pull-request comment, `html` for one self-contained page.
    /// Repeatable, each with its own --output (see OUTPUTS below).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,

    /// Write the report to FILE instead of standard output; repeatable. Without a --format
    /// of its own the file's extension gives the format. An existing file is never
    /// replaced unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Allow --output to replace existing files.
    #[arg(long)]
    pub force: bool,

    /// Read options and [[ignore]] entries from FILE instead of the frontdesk.toml found
    /// in the working folder or above it (docs/config.md).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Where the report goes (see [`CrawlArgs::targets`]). Set by `config::parse`.
    #[arg(skip)]
    pub targets: Vec<Target>,

    /// The config file's `[[ignore]]` entries still in force. Set by `config::parse`.
    #[arg(skip)]
    pub ignores: IgnoreList,
    #[command(flatten)]
    pub gates: GateArgs,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Listing format: `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// `--tier`: which tier of local government the council is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TierArg {
    /// Upper tier of a two-tier area (roads, schools, social care, libraries).
    County,
    /// Lower tier of a two-tier area (bins, council tax, planning, housing).
    District,
    /// One council for everything (unitary, metropolitan and London boroughs, Scotland,
    /// Wales, Northern Ireland).
    Unitary,
}

impl From<TierArg> for frontdesk_core::services::Tier {
    fn from(tier: TierArg) -> Self {
        match tier {
            TierArg::County => Self::County,
            TierArg::District => Self::District,
            TierArg::Unitary => Self::Unitary,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable on a terminal.
    Text,
    /// Machine-readable JSON (report schema v1).
    Json,
    /// SARIF 2.1.0, for code scanning (e.g. GitHub's).
    Sarif,
    /// JUnit XML, for CI test views (GitLab, Jenkins).
    Junit,
    /// EARL JSON-LD, as W3C ACT implementation reports use.
    Earl,
    /// A short Markdown summary for a pull-request comment.
    Markdown,
    /// One self-contained HTML page: charts, a sortable page table, findings.
    Html,
}

impl From<Format> for frontdesk_core::report::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Text => Self::Text,
            Format::Json => Self::Json,
            Format::Sarif => Self::Sarif,
            Format::Junit => Self::Junit,
            Format::Earl => Self::Earl,
            Format::Markdown => Self::Markdown,
            Format::Html => Self::Html,
        }
    }
}

/// `rules --format` and `diff --format`: a listing, not a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Readable on a terminal.
    Text,
    /// Machine-readable JSON.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_report_format_of_the_core_can_be_asked_for_by_its_name() {
        use frontdesk_core::report::Format as Core;
        for &core in Core::ALL {
            let arg = Format::from_str(core.name(), false)
                .unwrap_or_else(|_| panic!("--format {} is missing", core.name()));
            assert_eq!(Core::from(arg), core);
        }
        assert_eq!(Format::value_variants().len(), Core::ALL.len());
    }

    #[test]
    fn crawl_dates_are_real_calendar_dates() {
        assert_eq!(parse_date("2026-12-07"), Ok((2026, 12, 7)));
        assert_eq!(parse_date("2024-02-29"), Ok((2024, 2, 29)));
        for bad in [
            "2026-02-29", // not a leap year
            "1900-02-29", // a century that is not one either
            "2026-13-01",
            "2026-04-31",
            "2026-12-00",
            "2026-1-07",
            "07/12/2026",
            "2026-12-07x",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
