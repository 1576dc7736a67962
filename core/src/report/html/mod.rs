//! The HTML report: one self-contained file (inline CSS, JS and SVG, nothing fetched) for
//! people. [`write()`] streams it: the sections the report's head holds (scorecard, top
//! tasks, statement, site facts, baseline) first, then one page-table row per page, with
//! the findings of every 100 pages as one deflated, base64 JSON block (the report's script
//! inflates it and builds a page's findings table when its button is pressed, so a
//! 10,000-page report stays small and keeps only the page table in the DOM), then the
//! overview counted along the way (headline figures and the SVG charts,
//! each with its data table), which the script moves up to the top. Without the script
//! the report still reads, with the overview at the end.
//!
//! Everything that comes from a page is escaped, and a URL becomes a link only when it is
//! `http`, `https` or `file`.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use super::{BaselineState, BaselineSummary, Finding, Level, Outcome, Page, Report, SiteFacts};
use crate::score::Scorecard;
use crate::services::analysis::RouteCheck;
use crate::services::{Check, CheckStatus, ServicesReport, TaskStatus};

mod charts;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Rows listed in a site-facts or baseline table before "and N more".
const LIST_LIMIT: usize = 200;

/// Page-table rows shown at first (the script shows more on request, and the rest of the
/// table is `hidden` meanwhile, so a 10,000-page table costs the browser no layout; without
/// the script a `<noscript>` style shows every row).
const ROWS_SHOWN: usize = 200;

/// The whole HTML report as one string.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let html = report::html::render(&Report::new(vec![page]));
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("image-has-name"));
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// Writes the HTML of `report` with `more` pages after its own to `sink`, one page at a
/// time: memory stays flat whatever the number of pages (only counts are kept).
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    sink(&head(report))?;
    let mut tally = Tally::default();
    let baseline = report.baseline.is_some();
    for page in &report.pages {
        sink(&page_row(page, &mut tally, baseline))?;
    }
    for page in more {
        sink(&page_row(page?.borrow(), &mut tally, baseline))?;
    }
    sink(&tail(report, &mut tally))
}

/// What the overview counts while the pages stream past.
#[derive(Default)]
struct Tally {
    pages: usize,
    /// Pages with a failed A/AA finding (not ignored).
    failing_pages: usize,
    failed_a_aa: usize,
    failed_other: usize,
    cant_tell: usize,
    ignored: usize,
    new: usize,
    score_sum: u64,
    lowest: Option<u8>,
    /// Pages per score band: 0–9, 10–19, …, 90–99, 100.
    score_bands: [u64; 11],
    /// Failed findings per WCAG principle (1–4, then best practice) and level (A, AA, AAA,
    /// none).
    by_principle: [[u64; 4]; 5],
    /// Per rule id: its number (in the order first seen, what the rows' `data-rules`
    /// hold), failed findings, cantTell findings, pages with either.
    by_rule: HashMap<String, RuleTally>,
    /// The findings of the pages since the last chunk was written, as JSON arrays.
    chunk: String,
    chunk_pages: usize,
    chunks: usize,
}

#[derive(Default, Clone, Copy)]
struct RuleTally {
    index: usize,
    failed: u64,
    cant_tell: u64,
    pages: u64,
}

impl Tally {
    /// The rule's counts, numbered when first seen.
    fn rule(&mut self, id: &str) -> &mut RuleTally {
        let next = self.by_rule.len();
        self.by_rule.entry(id.to_string()).or_insert(RuleTally {
            index: next,
            ..RuleTally::default()
        })
    }

    /// Adds a page's findings to the current chunk; a full chunk is written (compressed)
    /// to `out`.
    fn add_to_chunk(&mut self, findings: &[Finding], out: &mut String) {
        self.chunk
            .push(if self.chunk_pages == 0 { '[' } else { ',' });
        let data: Vec<FindingData> = findings.iter().map(FindingData::from).collect();
        self.chunk.push_str(&script_json(&data));
        self.chunk_pages += 1;
        if self.chunk_pages == CHUNK_PAGES {
            self.write_chunk(out);
        }
    }

    /// Writes the current chunk, if any: deflated, base64, in a data block the script
    /// inflates when one of its pages is opened.
    fn write_chunk(&mut self, out: &mut String) {
        if self.chunk_pages == 0 {
            return;
        }
        self.chunk.push(']');
        let _ = writeln!(
            out,
            "<script type=\"application/octet-stream\" id=\"fc{}\">{}</script>",
            self.chunks,
            base64(&deflate(self.chunk.as_bytes()))
        );
        self.chunk.clear();
        self.chunk_pages = 0;
        self.chunks += 1;
    }
}

/// Pages whose findings share one compressed data block: enough for deflate to find the
/// repeats (site-wide header and footer findings), few enough to open one page quickly.
const CHUNK_PAGES: usize = 100;

/// Deflate at its fastest level: on report data it compresses nearly as well as the
/// default level, in a fraction of the time (the HTML of a 10,000-page crawl must not slow
/// the crawl much).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("writing to a Vec cannot fail")
}

/// Standard base64 with padding (RFC 4648 §4), what the browser's `atob` reads.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// One finding in a findings chunk: short keys, since a big crawl has many.
#[derive(Serialize)]
struct FindingData<'a> {
    r: &'a str,
    o: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    w: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'static str>,
    s: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<&'a str>,
    m: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    n: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    b: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<&'a str>,
}

impl<'a> From<&'a Finding> for FindingData<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingData {
            r: &f.rule,
            o: f.outcome.as_str(),
            w: f.wcag.join(", "),
            l: f.level.map(Level::as_str),
            s: &f.selector,
            a: f.attribute.as_deref(),
            m: &f.message,
            n: &f.snippet,
            b: f.baseline.map(|b| match b {
                BaselineState::New => "new",
                BaselineState::Existing => "existing",
            }),
            i: f.ignored.as_deref(),
        }
    }
}

/// Escapes text for HTML content and quoted attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON to embed in a `<script>` element: `<`, `>` and `&` (only ever inside strings) become
/// `\u` escapes, so no text can close the element or open a comment.
fn script_json<T: Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("report types always serialise");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether a URL may be a link's target: web and file URLs only (never `javascript:`).
fn linkable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "file://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// A link to `url` showing `text`, or the text alone when the URL is not linkable.
fn link(url: &str, text: &str) -> String {
    if linkable(url) {
        format!("<a href=\"{}\">{}</a>", esc(url), esc(text))
    } else {
        esc(text)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The name the report is about: the council, else the crawl's start URL.
fn subject(report: &Report) -> Option<String> {
    report
        .scores
        .as_ref()
        .map(|s| s.name.clone())
        .or_else(|| report.site.as_ref().map(|s| s.root.clone()))
}

/// Everything before the first page row.
fn head(report: &Report) -> String {
    let mut out = String::new();
    let title = match subject(report) {
        Some(name) => format!("Accessibility report: {name}"),
        None => "Accessibility report".to_string(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{tool} {version}\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n\
         <noscript><style>#pages > tbody > tr[hidden] {{ display: table-row; }}</style></noscript>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p class=\"note\">Written by {tool} {version}.</p>\n</header>\n",
        tool = esc(&report.tool.name),
        version = esc(&report.tool.version),
        title = esc(&title),
    );
    let mut sections = vec![("overview", "Overview")];
    if report.scores.is_some() {
        sections.insert(0, ("scorecard", "Scorecard"));
    }
    if report.baseline.is_some() {
        sections.push(("baseline", "Baseline"));
    }
    if let Some(services) = &report.services {
        if !services.tasks.is_empty() {
            sections.push(("tasks", "Top tasks"));
        }
        sections.push(("statement", "Accessibility statement"));
    }
    if report.site.is_some() {
        sections.push(("site", "Site facts"));
    }
    sections.push(("pages", "Pages"));
    out.push_str("<nav aria-label=\"Sections\">\n<ul>\n");
    for (id, name) in &sections {
        let _ = writeln!(out, "<li><a href=\"#{id}-heading\">{name}</a></li>");
    }
    out.push_str("</ul>\n</nav>\n<main>\n");
    if let Some(scores) = &report.scores {
        scorecard(&mut out, scores);
    }
    out.push_str("<div id=\"overview-slot\"></div>\n");
    if let Some(baseline) = &report.baseline {
        baseline_section(&mut out, baseline);
    }
    if let Some(services) = &report.services {
        services_sections(&mut out, services);
    }
    if let Some(site) = &report.site {
        site_section(&mut out, site);
    }
    let new_column = if report.baseline.is_some() {
        "<col style=\"width:7%\">"
    } else {
        ""
    };
    let new_header = if report.baseline.is_some() {
        "<th scope=\"col\" class=\"n\"><button type=\"button\" data-sort=\"number\">New</button></th>"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<section aria-labelledby=\"pages-heading\">\n<h2 id=\"pages-heading\">Pages</h2>\n\
         <p class=\"note\">Press a page's Findings button to list its findings. Failed counts \
         leave out ignored findings.</p>\n\
         <form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter pages\">\n\
         <div><label for=\"filter-text\">Page address or title contains</label>\
         <input id=\"filter-text\" type=\"search\" autocomplete=\"off\"></div>\n\
         <div><label for=\"filter-rule\">With findings of rule</label>\
         <select id=\"filter-rule\"><option value=\"\">Any rule</option></select></div>\n\
         <div><label for=\"filter-level\">With findings at level</label>\
         <select id=\"filter-level\"><option value=\"\">Any level</option>\
         <option value=\"A\">A</option><option value=\"AA\">AA</option>\
         <option value=\"AAA\">AAA</option><option value=\"bp\">Best practice</option></select></div>\n\
         </form>\n<p id=\"filter-status\" role=\"status\"></p>\n\
         <table id=\"pages\" class=\"pages\">\n<caption>Audited pages</caption>\n\
         <colgroup><col style=\"width:32%\"><col style=\"width:26%\"><col style=\"width:8%\">\
         <col style=\"width:8%\"><col style=\"width:9%\">{new_column}<col style=\"width:12%\"></colgroup>\n\
         <thead><tr>\
         <th scope=\"col\"><button type=\"button\" data-sort=\"text\">Page</button></th>\
         <th scope=\"col\"><button type=\"button\" data-sort=\"text\">Title</button></th>\
         <th scope=\"col\" class=\"n\"><button type=\"button\" data-sort=\"number\">Score</button></th>\
         <th scope=\"col\" class=\"n\"><button type=\"button\" data-sort=\"number\">Failed</button></th>\
         <th scope=\"col\" class=\"n\"><button type=\"button\" data-sort=\"number\">Cannot tell</button></th>\
         {new_header}<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n"
    );
    out
}

/// One row of the page table, counted into `tally`, its findings added to the chunk.
fn page_row(page: &Page, tally: &mut Tally, baseline: bool) -> String {
    let index = tally.pages;
    tally.pages += 1;
    tally.score_sum += u64::from(page.score);
    tally.lowest = Some(tally.lowest.map_or(page.score, |l| l.min(page.score)));
    tally.score_bands[usize::from(page.score.min(100) / 10)] += 1;
    let audit = &page.audit;
    let (mut failed, mut cant_tell, mut new, mut failing) = (0usize, 0usize, 0usize, false);
    let mut rules: Vec<usize> = Vec::new();
    let mut levels: [bool; 4] = [false; 4];
    for f in &audit.findings {
        if f.ignored.is_some() {
            tally.ignored += 1;
            continue;
        }
        if f.baseline == Some(BaselineState::New) {
            new += 1;
        }
        let level = match f.level {
            Some(Level::A) => 0,
            Some(Level::AA) => 1,
            Some(Level::AAA) => 2,
            None => 3,
        };
        match f.outcome {
            Outcome::Failed => {
                failed += 1;
                let principle = f
                    .wcag
                    .first()
                    .and_then(|c| c.chars().next())
                    .and_then(|d| d.to_digit(10))
                    .filter(|d| (1..=4).contains(d))
                    .map_or(4, |d| d as usize - 1);
                tally.by_principle[principle][level] += 1;
                if level <= 1 {
                    tally.failed_a_aa += 1;
                    failing = true;
                } else {
                    tally.failed_other += 1;
                }
                tally.rule(&f.rule).failed += 1;
            }
            Outcome::CantTell => {
                cant_tell += 1;
                tally.cant_tell += 1;
                tally.rule(&f.rule).cant_tell += 1;
            }
            Outcome::Passed => continue,
        }
        levels[level] = true;
        let rule = tally.rule(&f.rule);
        if !rules.contains(&rule.index) {
            rules.push(rule.index);
            rule.pages += 1;
        }
    }
    tally.new += new;
    if failing {
        tally.failing_pages += 1;
    }
    rules.sort_unstable();
    let levels: Vec<&str> = ["A", "AA", "AAA", "bp"]
        .iter()
        .zip(levels)
        .filter_map(|(name, on)| on.then_some(*name))
        .collect();
    let title = audit.title.as_deref().unwrap_or("");
    let mut out = String::with_capacity(512 + audit.findings.len() * 256);
    let _ = write!(
        out,
        "<tr{} data-rules=\" {} \" data-levels=\" {} \"><td>{}</td><td>{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{failed}</td><td class=\"n\">{cant_tell}</td>",
        if index >= ROWS_SHOWN { " hidden" } else { "" },
        rules
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        levels.join(" "),
        link(&audit.url, &audit.url),
        esc(title),
        page.score,
    );
    if baseline {
        let _ = write!(out, "<td class=\"n\">{new}</td>");
    }
    if audit.findings.is_empty() {
        out.push_str("<td>none</td></tr>\n");
    } else {
        let _ = writeln!(
            out,
            "<td><button type=\"button\" data-page=\"{index}\" aria-expanded=\"false\">Findings ({})</button></td></tr>",
            audit.findings.len(),
        );
    }
    tally.add_to_chunk(&audit.findings, &mut out);
    out
}

/// The summary data the script reads: rules with findings (for the filter, by the number
/// the rows use) and their titles, and how many pages each findings chunk holds.
#[derive(Serialize)]
struct SummaryData<'a> {
    chunk: usize,
    rules: Vec<RuleSummary<'a>>,
    titles: BTreeMap<&'a str, &'static str>,
}

#[derive(Serialize)]
struct RuleSummary<'a> {
    index: usize,
    id: &'a str,
    failed: u64,
    #[serde(rename = "cantTell")]
    cant_tell: u64,
    pages: u64,
}

/// Everything after the last page row: the overview, the summary data and the script.
fn tail(report: &Report, tally: &mut Tally) -> String {
    let mut out = String::new();
    tally.write_chunk(&mut out);
    out.push_str("</tbody>\n</table>\n");
    if tally.pages > ROWS_SHOWN {
        let _ = writeln!(
            out,
            "<p><button type=\"button\" id=\"more-pages\" data-step=\"{ROWS_SHOWN}\">Show {ROWS_SHOWN} more pages</button></p>"
        );
    }
    if tally.pages == 0 {
        out.push_str("<p>No page was audited.</p>\n");
    }
    out.push_str("</section>\n");
    overview(&mut out, report, tally);
    out.push_str("</main>\n<footer>\n<p>");
    let _ = write!(
        out,
        "{} {} checks WCAG 2.2 with automated rules: a page with no failure may still have \
         problems only a person can find. Findings marked cannot tell need a person to decide.",
        esc(&report.tool.name),
        esc(&report.tool.version)
    );
    out.push_str("</p>\n</footer>\n");

    let mut rules: Vec<(&String, &RuleTally)> = tally.by_rule.iter().collect();
    rules.sort_by(|a, b| a.0.cmp(b.0));
    let titles = crate::rules::registry()
        .iter()
        .map(|r| r.meta())
        .filter(|m| tally.by_rule.contains_key(m.id))
        .map(|m| (m.id, m.title))
        .collect();
    let data = SummaryData {
        chunk: CHUNK_PAGES,
        rules: rules
            .iter()
            .map(|(id, t)| RuleSummary {
                index: t.index,
                id,
                failed: t.failed,
                cant_tell: t.cant_tell,
                pages: t.pages,
            })
            .collect(),
        titles,
    };
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"summary-data\">{}</script>\n<script>\n{JS}</script>\n</body>\n</html>\n",
        script_json(&data)
    );
    out
}

/// The overview: headline figures, then the charts.
fn overview(out: &mut String, report: &Report, tally: &Tally) {
    out.push_str(
        "<section id=\"overview\" aria-labelledby=\"overview-heading\">\n\
         <h2 id=\"overview-heading\">Overview</h2>\n<ul class=\"cards\">\n",
    );
    let mut card = |big: String, label: String| {
        let _ = writeln!(
            out,
            "<li class=\"card\"><span class=\"big\">{big}</span>{label}</li>"
        );
    };
    card(tally.pages.to_string(), "pages audited".into());
    card(
        tally.failed_a_aa.to_string(),
        format!(
            "failed findings at WCAG A/AA, on {}",
            plural(tally.failing_pages, "page", "pages")
        ),
    );
    card(
        tally.cant_tell.to_string(),
        "findings a person must decide (cannot tell)".into(),
    );
    card(
        tally.failed_other.to_string(),
        "failed findings at AAA or best practice".into(),
    );
    if tally.pages > 0 {
        let mean = (tally.score_sum as f64 / tally.pages as f64).round();
        card(
            format!("{mean}/100"),
            format!(
                "mean page score (lowest {}/100)",
                tally.lowest.unwrap_or(100)
            ),
        );
    }
    if report.baseline.is_some() {
        card(
            tally.new.to_string(),
            "new findings since the baseline".into(),
        );
    }
    if tally.ignored > 0 {
        card(
            tally.ignored.to_string(),
            "ignored findings (frontdesk.toml), never failing a gate".into(),
        );
    }
    out.push_str("</ul>\n<div class=\"charts\">\n");
    charts::principles(out, &tally.by_principle);
    let mut top: Vec<(&String, &RuleTally)> =
        tally.by_rule.iter().filter(|(_, t)| t.failed > 0).collect();
    top.sort_by(|a, b| b.1.failed.cmp(&a.1.failed).then(a.0.cmp(b.0)));
    top.truncate(10);
    charts::top_rules(
        out,
        &top.iter()
            .map(|(id, t)| (id.as_str(), t.failed))
            .collect::<Vec<_>>(),
    );
    charts::score_bands(out, &tally.score_bands);
    if let Some(services) = &report.services {
        charts::task_stars(out, services);
    }
    out.push_str("</div>\n</section>\n");
}

fn scorecard(out: &mut String, scores: &Scorecard) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"scorecard-heading\">\n\
         <h2 id=\"scorecard-heading\">Scorecard</h2>\n<p>{}</p>\n<ul class=\"cards\">\n",
        esc(&scores.to_string())
    );
    match &scores.accessibility {
        Some(site) => {
            let _ = writeln!(
                out,
                "<li class=\"card\"><span class=\"big\">{}/100</span>accessibility, over {}{}</li>",
                site.score,
                plural(site.pages, "page", "pages"),
                if site.top_task_pages > 0 {
                    format!(" ({} of them top-task pages)", site.top_task_pages)
                } else {
                    String::new()
                }
            );
        }
        None => out.push_str("<li class=\"card\"><span class=\"big\">–</span>accessibility not scored (no pages)</li>\n"),
    }
    match &scores.services {
        Some(services) if services.provided > 0 => {
            let stars = services
                .stars
                .map_or("–".to_string(), |s| format!("{s:.1}★"));
            let _ = writeln!(
                out,
                "<li class=\"card\"><span class=\"big\">{stars}</span>services: {} of {} tasks online{}</li>",
                services.online,
                services.provided,
                if services.unknown > 0 {
                    format!(", {} unknown", services.unknown)
                } else {
                    String::new()
                }
            );
        }
        Some(_) => out.push_str("<li class=\"card\"><span class=\"big\">–</span>services not rated (no task this council provides)</li>\n"),
        None => out.push_str("<li class=\"card\"><span class=\"big\">–</span>services not analysed</li>\n"),
    }
    match &scores.statement {
        Some(statement) if statement.found => {
            let _ = writeln!(
                out,
                "<li class=\"card\"><span class=\"big\">{}/{}</span>accessibility statement checks passed{}</li>",
                statement.passed,
                statement.applicable,
                if statement.unknown > 0 {
                    format!(" ({} unknown)", statement.unknown)
                } else {
                    String::new()
                }
            );
        }
        Some(_) => out.push_str("<li class=\"card\"><span class=\"big\">none</span>no accessibility statement found</li>\n"),
        None => out.push_str("<li class=\"card\"><span class=\"big\">–</span>statement not analysed</li>\n"),
    }
    out.push_str("</ul>\n</section>\n");
}

fn baseline_section(out: &mut String, baseline: &BaselineSummary) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"baseline-heading\">\n\
         <h2 id=\"baseline-heading\">Baseline</h2>\n\
         <p>Compared with <code>{}</code>: <strong>{} new</strong>, {} existing, \
         <strong>{} fixed</strong>. New findings carry a <span class=\"badge\">new</span> badge.</p>\n",
        esc(&baseline.file),
        baseline.new,
        baseline.existing,
        baseline.fixed.len()
    );
    if !baseline.fixed.is_empty() {
        out.push_str(
            "<table>\n<caption>Fixed: findings of the baseline that are gone</caption>\n\
             <thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Rule</th><th scope=\"col\">Level</th>\
             <th scope=\"col\">Element</th><th scope=\"col\">Message then</th></tr></thead>\n<tbody>\n",
        );
        for fixed in baseline.fixed.iter().take(LIST_LIMIT) {
            let _ = writeln!(
                out,
                "<tr><td class=\"wrap\">{}</td><td><code>{}</code></td><td>{}</td><td><code class=\"wrap\">{}</code></td><td>{}</td></tr>",
                link(&fixed.url, &fixed.url),
                esc(&fixed.rule),
                fixed.level.map_or("best practice", Level::as_str),
                esc(&fixed.selector),
                esc(&fixed.message)
            );
        }
        out.push_str("</tbody>\n</table>\n");
        more_note(out, baseline.fixed.len());
    }
    out.push_str("</section>\n");
}

fn more_note(out: &mut String, total: usize) {
    if total > LIST_LIMIT {
        let _ = writeln!(
            out,
            "<p class=\"note\">And {} more (the JSON report lists them all).</p>",
            total - LIST_LIMIT
        );
    }
}

fn status_word(status: CheckStatus) -> (&'static str, &'static str) {
    match status {
        CheckStatus::Pass => ("pass", "pass"),
        CheckStatus::Fail => ("fail", "failed"),
        CheckStatus::Partial => ("partial", "canttell"),
        CheckStatus::Unknown => ("unknown", "canttell"),
        CheckStatus::NotApplicable => ("n/a", "note"),
    }
}

/// A check's evidence: each piece's text, linked to its page.
fn evidence(check: &Check) -> String {
    let mut out = String::new();
    for (i, e) in check.evidence.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        out.push_str(&esc(&e.text));
        if !e.url.is_empty() && !e.text.contains(&e.url) {
            let _ = write!(out, " ({})", link(&e.url, &e.url));
        }
    }
    out
}

fn checks_table(out: &mut String, caption: &str, checks: &[Check]) {
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Check</th>\
         <th scope=\"col\">Outcome</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n",
        esc(caption)
    );
    for check in checks {
        let (word, class) = status_word(check.status);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><span class=\"{class}\">{word}</span></td><td class=\"wrap\">{}</td></tr>",
            esc(&check.id),
            evidence(check)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn stars(stars: Option<u8>) -> String {
    match stars {
        Some(n) => {
            let n = n.min(4);
            format!(
                "<span class=\"stars\" aria-hidden=\"true\">{}{}</span> {n} of 4",
                "★".repeat(n.into()),
                "☆".repeat((4 - n).into())
            )
        }
        None => "not rated".into(),
    }
}

fn services_sections(out: &mut String, services: &ServicesReport) {
    if !services.tasks.is_empty() {
        let council = services
            .council
            .as_ref()
            .map_or("council not known".to_string(), |c| c.name.clone());
        let _ = write!(
            out,
            "<section aria-labelledby=\"tasks-heading\">\n\
             <h2 id=\"tasks-heading\">Top tasks</h2>\n<p>{}: can a resident finish each task online? \
             Stars from 1 to 4, after Better Connected.</p>\n\
             <table>\n<caption>Top tasks</caption>\n<thead><tr><th scope=\"col\">Task</th>\
             <th scope=\"col\">Status</th><th scope=\"col\">Stars</th><th scope=\"col\">Task page</th>\
             <th scope=\"col\">Online route</th><th scope=\"col\">Checks</th></tr></thead>\n<tbody>\n",
            esc(&council)
        );
        for task in &services.tasks {
            let (status, class) = match task.status {
                TaskStatus::Online => ("online", "pass"),
                TaskStatus::Offline => ("offline", "failed"),
                TaskStatus::NotFound => ("not found", "failed"),
                TaskStatus::OtherTier => ("other tier", "note"),
                TaskStatus::Unknown => ("unknown", "canttell"),
            };
            let page = task.url.as_deref().map_or("–".to_string(), |u| link(u, u));
            let route = task.route.as_ref().map_or("–".to_string(), |r| {
                let checked = match r.checked {
                    RouteCheck::Ok => "",
                    RouteCheck::Broken => ", broken",
                    RouteCheck::NotChecked => ", not checked",
                };
                format!("{} ({}{checked})", link(&r.url, &r.url), esc(&r.kind))
            });
            let _ = write!(
                out,
                "<tr><td>{}</td><td><span class=\"{class}\">{status}</span></td><td>{}</td>\
                 <td class=\"wrap\">{page}</td><td class=\"wrap\">{route}</td><td>",
                esc(&task.name),
                stars(task.stars),
            );
            if !task.checks.is_empty() {
                let _ = write!(
                    out,
                    "<details><summary>{} for {}</summary><ul>",
                    plural(task.checks.len(), "check", "checks"),
                    esc(&task.name)
                );
                for check in &task.checks {
                    let (word, class) = status_word(check.status);
                    let _ = write!(
                        out,
                        "<li>{} <span class=\"{class}\">{word}</span>: {}</li>",
                        esc(&check.id),
                        evidence(check)
                    );
                }
                out.push_str("</ul></details>");
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        if !services.site_checks.is_empty() {
            checks_table(out, "Site checks", &services.site_checks);
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<section aria-labelledby=\"statement-heading\">\n\
         <h2 id=\"statement-heading\">Accessibility statement</h2>\n",
    );
    match &services.statement.url {
        Some(url) => {
            let _ = writeln!(out, "<p>Statement: {}</p>", link(url, url));
        }
        None => out.push_str("<p>No accessibility statement was found.</p>\n"),
    }
    if !services.statement.checks.is_empty() {
        checks_table(out, "Statement checklist", &services.statement.checks);
    }
    out.push_str("</section>\n");
}

fn site_section(out: &mut String, site: &SiteFacts) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"site-heading\">\n<h2 id=\"site-heading\">Site facts</h2>\n"
    );
    if site.interrupted {
        out.push_str("<p class=\"warning\">The crawl was stopped before it finished: this report is partial.</p>\n");
    }
    let _ = writeln!(
        out,
        "<ul>\n<li>Crawled from {}: {} audited, {} requested.</li>\n\
         <li>{}, {}, {} not audited, {} external links.</li>",
        link(&site.root, &site.root),
        plural(site.pages_crawled, "page", "pages"),
        plural(site.urls_fetched, "URL", "URLs"),
        plural(site.broken_links.len(), "broken link", "broken links"),
        plural(site.documents.len(), "document", "documents"),
        site.not_audited.len(),
        site.external_links.len() + site.external_links_omitted
    );
    if site.limits.max_pages_reached {
        let _ = writeln!(
            out,
            "<li>The page limit ({}) was reached: {} more URLs were not crawled.</li>",
            site.limits.max_pages, site.limits.not_crawled.max_pages
        );
    }
    out.push_str("</ul>\n");
    if !site.broken_links.is_empty() {
        out.push_str(
            "<table>\n<caption>Broken links</caption>\n<thead><tr><th scope=\"col\">Link</th>\
             <th scope=\"col\">Problem</th><th scope=\"col\">Linked from</th></tr></thead>\n<tbody>\n",
        );
        for broken in site.broken_links.iter().take(LIST_LIMIT) {
            let from = broken
                .referrers
                .iter()
                .map(|r| link(r, r))
                .collect::<Vec<_>>()
                .join("<br>");
            let more = broken.referrer_count as usize
                - broken.referrers.len().min(broken.referrer_count as usize);
            let _ =
                writeln!(
                out,
                "<tr><td class=\"wrap\">{}</td><td>{}{}</td><td class=\"wrap\">{from}{}</td></tr>",
                link(&broken.url, &broken.url),
                broken.status.map_or(String::new(), |s| format!("HTTP {s}: ")),
                esc(&broken.error),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        out.push_str("</tbody>\n</table>\n");
        more_note(out, site.broken_links.len());
    }
    if !site.documents.is_empty() {
        out.push_str(
            "<table>\n<caption>Documents (not HTML pages: check them by hand)</caption>\n<thead><tr>\
             <th scope=\"col\">Document</th><th scope=\"col\">Type</th><th scope=\"col\" class=\"n\">Size</th>\
             <th scope=\"col\" class=\"n\">Linked from</th></tr></thead>\n<tbody>\n",
        );
        for document in site.documents.iter().take(LIST_LIMIT) {
            let _ = writeln!(
                out,
                "<tr><td class=\"wrap\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                link(&document.url, &document.url),
                esc(document.content_type.as_deref().unwrap_or("–")),
                document.size.map_or("–".to_string(), human_size),
                plural(document.referrer_count as usize, "page", "pages")
            );
        }
        out.push_str("</tbody>\n</table>\n");
        more_note(out, site.documents.len());
    }
    out.push_str("</section>\n");
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests;
