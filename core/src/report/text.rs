//! The text report for people: per page a header line (with its accessibility score) and
//! its findings; for a crawl the site's broken links, documents and pages not audited, the
//! top tasks' table and the accessibility statement's checklist; then a summary line and,
//! for a crawl, the council's scorecard line. [`write()`]
//! produces it piece by piece, like [`super::json::write`].

use std::borrow::Borrow;
use std::fmt::Write as _;

use super::{Finding, Outcome, Page, Report, SiteFacts};
use crate::services::analysis::{RouteCheck, TierSource};
use crate::services::{Check, CheckStatus, ServicesReport, TaskStatus, Tier};

/// ANSI styling, or none. The caller decides: colour is for a person at a terminal only
/// (never in files or pipes, never with NO_COLOR set).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// No escape codes.
    pub fn plain() -> Self {
        Style { colour: false }
    }

    /// ANSI colour and bold.
    pub fn coloured() -> Self {
        Style { colour: true }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The text report.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let text = report::text::render(&Report::new(vec![page]), report::text::Style::plain());
/// assert!(text.starts_with("https://a.example/  \"Bins\"  [accessibility "));
/// assert!(text.contains("  failed  image-has-name  [1.1.1 A, critical]"));
/// ```
pub fn render(report: &Report, style: Style) -> String {
    super::format::whole(|more, sink| write(report, more, style, sink))
}

/// Writes the text of `report` with `more` pages after its own, one page at a time, to
/// `sink`: the same text [`render`] gives for the report holding all the pages.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    style: Style,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    let mut counts = Counts::default();
    for page in &report.pages {
        sink(&render_page(page, style, &mut counts))?;
    }
    for page in more {
        sink(&render_page(page?.borrow(), style, &mut counts))?;
    }
    let rules = crate::rules::registry().len();
    let mut out = match &report.site {
        None => format!(
            "{}, {} failed, {} cannot tell{} ({rules} rules checked)\n",
            plural(counts.pages, "page", "pages"),
            counts.failed,
            counts.cant_tell,
            counts.ignored_note(),
        ),
        Some(site) => {
            let mut out = render_site(site, style);
            if let Some(services) = &report.services {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&render_services(services, &site.root, style));
            }
            out + &site_summary(site, &counts, rules)
        }
    };
    if let Some(scores) = &report.scores {
        let _ = writeln!(out, "{}", style.paint("1", &clean(&scores.to_string())));
    }
    if let Some(baseline) = &report.baseline {
        render_baseline(&mut out, baseline, style);
    }
    sink(&out)
}

/// The baseline's counts, then the findings it had that have gone.
fn render_baseline(out: &mut String, baseline: &super::BaselineSummary, style: Style) {
    let _ = writeln!(
        out,
        "Against {}: {} new, {} existing, {} fixed",
        clean(&baseline.file),
        baseline.new,
        baseline.existing,
        baseline.fixed.len()
    );
    for fixed in &baseline.fixed {
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            style.paint("32", "fixed"),
            style.paint("1", &clean(&fixed.rule)),
            clean(&fixed.url),
            clean(&fixed.selector)
        );
    }
}

/// What the summary line counts, gathered page by page.
#[derive(Default)]
struct Counts {
    pages: usize,
    failed: usize,
    cant_tell: usize,
    ignored: usize,
}

impl Counts {
    /// `, 2 ignored` when some findings were ignored; nothing otherwise.
    fn ignored_note(&self) -> String {
        match self.ignored {
            0 => String::new(),
            n => format!(", {n} ignored"),
        }
    }
}

/// One page: header line (URL, title, status, fetch time), what a crawl knows of its
/// other addresses, its findings, and a blank line.
fn render_page(page: &Page, style: Style, counts: &mut Counts) -> String {
    let mut out = String::new();
    let report = &page.audit;
    counts.pages += 1;
    let title = match &report.title {
        Some(t) if !t.is_empty() => format!("\"{}\"", clean(t)),
        _ => "(no title)".to_string(),
    };
    let mut facts = Vec::new();
    if let Some(status) = report.status {
        facts.push(format!("HTTP {status}"));
    }
    if let Some(ms) = page.fetch.as_ref().and_then(|f| f.fetch_ms) {
        facts.push(format!("{ms} ms"));
    }
    facts.push(format!("accessibility {}/100", page.score));
    let facts = format!("  [{}]", facts.join(", "));
    let _ = writeln!(
        out,
        "{}  {}{}",
        style.paint("1", &clean(&report.url)),
        title,
        facts
    );
    if let Some(fetch) = &page.fetch {
        for duplicate in &fetch.duplicates {
            let _ = writeln!(out, "  same page as {}", clean(duplicate));
        }
        for hop in &fetch.redirects {
            let _ = writeln!(
                out,
                "  redirected from {}{}",
                clean(&hop.url),
                hop.status.map(|s| format!(" ({s})")).unwrap_or_default()
            );
        }
        if let Some(canonical) = &fetch.canonical {
            if canonical != &report.url {
                let _ = writeln!(out, "  canonical: {}", clean(canonical));
            }
        }
    }
    if report.findings.iter().all(|f| f.ignored.is_some()) {
        let _ = writeln!(out, "  {}", style.paint("32", "no failures found"));
    }
    for finding in report.findings.iter().filter(|f| f.ignored.is_none()) {
        match finding.outcome {
            Outcome::Failed => counts.failed += 1,
            Outcome::CantTell => counts.cant_tell += 1,
            Outcome::Passed => {}
        }
        render_finding(&mut out, finding, style);
    }
    // Ignored findings (frontdesk.toml `[[ignore]]`) after the rest, with their reasons,
    // and outside the failed and cannot-tell counts.
    for finding in &report.findings {
        if let Some(reason) = &finding.ignored {
            counts.ignored += 1;
            render_finding(&mut out, finding, style);
            let _ = writeln!(out, "      ignored: {}", clean(reason));
        }
    }
    out.push('\n');
    out
}

fn render_finding(out: &mut String, finding: &Finding, style: Style) {
    let outcome = match finding.outcome {
        _ if finding.ignored.is_some() => style.paint("2", "ignored"),
        Outcome::Failed => style.paint("31;1", "failed"),
        Outcome::CantTell => style.paint("33;1", "cannot tell"),
        Outcome::Passed => style.paint("32", "passed"),
    };
    // Against a baseline, regressions stand out; existing findings are the known debt.
    let new = match finding.baseline {
        Some(super::BaselineState::New) => format!("  {}", style.paint("35;1", "(new)")),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "  {outcome}  {}  [{}, {}]  {}{new}",
        style.paint("1", &finding.rule),
        wcag_label(&finding.wcag, finding.level.map(|l| l.as_str())),
        finding.impact.as_str(),
        clean(&finding.selector)
    );
    // People read an attribute finding with its attribute first, as `[aria-labeledby] …`.
    let message = match &finding.attribute {
        Some(attr) => format!("[{attr}] {}", finding.message),
        None => finding.message.clone(),
    };
    let _ = writeln!(out, "      {}", clean(&message));
    if !finding.snippet.is_empty() {
        let _ = writeln!(out, "      {}", style.paint("2", &clean(&finding.snippet)));
    }
}

/// A crawl's site sections.
fn render_site(site: &SiteFacts, style: Style) -> String {
    let mut out = String::new();
    if !site.broken_links.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.paint("1", &format!("Broken links ({})", site.broken_links.len()))
        );
        for link in &site.broken_links {
            let _ = writeln!(
                out,
                "  {}  {}{}",
                clean(&link.url),
                style.paint("31", &clean(&link.error)),
                if link.external { "  (external)" } else { "" }
            );
            write_list(
                &mut out,
                "redirected from",
                &link.redirected_from,
                link.redirected_from.len() as u32,
            );
            write_list(
                &mut out,
                "linked from",
                &link.referrers,
                link.referrer_count,
            );
        }
        out.push('\n');
    }
    if !site.documents.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.paint("1", &format!("Documents ({})", site.documents.len()))
        );
        for doc in &site.documents {
            let _ = writeln!(
                out,
                "  {}  {}{}",
                clean(&doc.url),
                doc.content_type
                    .as_deref()
                    .map(clean)
                    .unwrap_or_else(|| "unknown type".into()),
                doc.status
                    .map(|s| format!("  [HTTP {s}]"))
                    .unwrap_or_default()
            );
            write_list(&mut out, "linked from", &doc.referrers, doc.referrer_count);
        }
        out.push('\n');
    }
    if !site.not_audited.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.paint("1", &format!("Not audited ({})", site.not_audited.len()))
        );
        for entry in &site.not_audited {
            let _ = writeln!(out, "  {}  {}", clean(&entry.url), clean(&entry.message));
        }
        out.push('\n');
    }
    let external_checked = site.external_links.iter().filter(|e| e.checked).count();
    if !site.external_links.is_empty() {
        let note = if external_checked > 0 {
            format!("{external_checked} checked")
        } else {
            "not checked; use --check-external".to_string()
        };
        let _ = writeln!(
            out,
            "External links: {} ({note})",
            site.external_links.len() + site.external_links_omitted
        );
    }
    let limits = &site.limits;
    if limits.max_pages_reached {
        let _ = writeln!(
            out,
            "Page limit reached: {} more URLs were not crawled (raise --max-pages)",
            limits.not_crawled.max_pages
        );
    }
    if limits.not_crawled.max_depth > 0 {
        let _ = writeln!(
            out,
            "Depth limit: {} URLs deeper than --max-depth were not crawled",
            limits.not_crawled.max_depth
        );
    }
    if site.interrupted {
        let _ = writeln!(out, "The crawl was interrupted: this report is partial.");
    }
    out
}

/// A crawl's summary line.
fn site_summary(site: &SiteFacts, counts: &Counts, rules: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} crawled, {} failed, {} cannot tell{} ({rules} rules checked); {}, {}",
        plural(counts.pages, "page", "pages"),
        counts.failed,
        counts.cant_tell,
        counts.ignored_note(),
        plural(site.documents.len(), "document", "documents"),
        plural(site.broken_links.len(), "broken link", "broken links"),
    );
    out
}

/// Widths of the task table's columns (task, status, stars); the page and, on a line of its
/// own below when it is elsewhere, the route take the rest of a 100-column line.
const TASK_WIDTH: usize = 32;
const STATUS_WIDTH: usize = 10;
const STARS_WIDTH: usize = 5;
const LINE_WIDTH: usize = 100;

/// The services sections: the top tasks' table, the site checks and the accessibility
/// statement's checklist. `root` is the crawl's start URL: pages under its folder are shown
/// by their path from there.
fn render_services(services: &ServicesReport, root: &str, style: Style) -> String {
    let mut out = String::new();
    let base = &root[..root.rfind('/').map_or(0, |i| i + 1)];
    let council = services
        .council
        .as_ref()
        .map_or_else(|| "council not known".to_string(), |c| clean(&c.name));
    let tier = match services.tier {
        Some(Tier::County) => "county",
        Some(Tier::District) => "district",
        Some(Tier::Unitary) => "unitary",
        None => "tier not known",
    };
    let source = match services.tier_source {
        TierSource::Given => " (from --tier)",
        TierSource::Council => " (the council's tier)",
        TierSource::Guessed => " (guessed from the site)",
        TierSource::Unknown => ", so every task is scored",
    };
    let _ = writeln!(
        out,
        "{}",
        style.paint("1", &format!("Top tasks — {council}, {tier}{source}"))
    );
    let indent = 2 + TASK_WIDTH + 2 + STATUS_WIDTH + 2 + STARS_WIDTH + 2;
    let rest = LINE_WIDTH - indent;
    let _ = writeln!(
        out,
        "  {}  {}  {}  page (→ online route)",
        pad("task", TASK_WIDTH),
        pad("status", STATUS_WIDTH),
        pad("stars", STARS_WIDTH),
    );
    for task in &services.tasks {
        let status = match task.status {
            TaskStatus::Online => style.paint("32", &pad("online", STATUS_WIDTH)),
            TaskStatus::Offline => style.paint("31", &pad("offline", STATUS_WIDTH)),
            TaskStatus::NotFound => style.paint("31", &pad("not found", STATUS_WIDTH)),
            TaskStatus::OtherTier => pad("other tier", STATUS_WIDTH),
            TaskStatus::Unknown => style.paint("33", &pad("unknown", STATUS_WIDTH)),
        };
        let stars = task.stars.map_or("–".to_string(), |s| format!("{s}★"));
        let page = task
            .url
            .as_deref()
            .map_or("–".to_string(), |u| short_url(u, base));
        let route = task.route.as_ref().map(|route| {
            let checked = match route.checked {
                RouteCheck::Ok => "",
                RouteCheck::Broken => ", broken",
                RouteCheck::NotChecked => ", not checked",
            };
            let on_page = task.url.as_deref() == Some(route.url.as_str());
            let place = if on_page {
                "on the page".to_string()
            } else if !base.is_empty() && route.url.starts_with(base) {
                short_url(&route.url, base)
            } else if route.host.is_empty() {
                route.url.clone()
            } else {
                route.host.clone()
            };
            (on_page, format!("{place} ({}{checked})", route.kind))
        });
        let page = match &route {
            Some((true, on_page)) => {
                let suffix = format!(": {on_page}");
                fit_end(&clean(&page), rest.saturating_sub(suffix.chars().count())) + &suffix
            }
            _ => fit_end(&clean(&page), rest),
        };
        let _ = writeln!(
            out,
            "  {}  {status}  {}  {page}",
            pad(&fit(&clean(&task.name), TASK_WIDTH), TASK_WIDTH),
            pad(&stars, STARS_WIDTH),
        );
        // A route elsewhere goes on a line of its own, under the status.
        if let Some((false, route)) = &route {
            let at = 2 + TASK_WIDTH + 2;
            let _ = writeln!(
                out,
                "{}→ {}",
                " ".repeat(at),
                fit(&clean(route), LINE_WIDTH - at - 2)
            );
        }
    }
    out.push('\n');
    if !services.site_checks.is_empty() {
        let _ = writeln!(out, "{}", style.paint("1", "Site checks"));
        render_checks(&mut out, &services.site_checks, base, style);
        out.push('\n');
    }
    let heading = match &services.statement.url {
        Some(url) => format!("Accessibility statement: {}", clean(url)),
        None => "Accessibility statement: none found".to_string(),
    };
    let _ = writeln!(out, "{}", style.paint("1", &heading));
    render_checks(&mut out, &services.statement.checks, base, style);
    out.push('\n');
    out
}

/// `  AS-01  pass     evidence…`, one line per check, cut to the line width.
fn render_checks(out: &mut String, checks: &[Check], base: &str, style: Style) {
    for check in checks {
        let (word, code) = match check.status {
            CheckStatus::Pass => ("pass", "32"),
            CheckStatus::Fail => ("fail", "31"),
            CheckStatus::Partial => ("partial", "33"),
            CheckStatus::Unknown => ("unknown", "33"),
            CheckStatus::NotApplicable => ("n/a", "2"),
        };
        let evidence = check.evidence.first().map_or(String::new(), |e| {
            let place = short_url(&e.url, base);
            if place.is_empty() || e.text.contains(&e.url) {
                e.text.clone()
            } else {
                format!("{} ({place})", e.text)
            }
        });
        let used = 2 + check.id.len() + 2 + 7 + 2;
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            clean(&check.id),
            style.paint(code, &pad(word, 7)),
            fit(&clean(&evidence), LINE_WIDTH.saturating_sub(used))
        );
    }
}

/// A URL under `base` by its path from there (`bins/index.html`), else whole.
fn short_url(url: &str, base: &str) -> String {
    match url.strip_prefix(base) {
        Some(rest) if !base.is_empty() => {
            if rest.is_empty() {
                "/".to_string()
            } else {
                rest.to_string()
            }
        }
        _ => url.to_string(),
    }
}

/// `text` padded with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// `text` cut to `width` characters, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// `text` cut to its last `width` characters, starting with `…` when cut (for paths, whose
/// end names the page).
fn fit_end(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        return text.to_string();
    }
    let kept: String = text.chars().skip(n - width.saturating_sub(1)).collect();
    format!("…{kept}")
}

/// `      label: a, b and 3 more`: the first items of a list and how many more there are.
fn write_list(out: &mut String, label: &str, items: &[String], total: u32) {
    if items.is_empty() {
        return;
    }
    let more = total as usize - items.len().min(total as usize);
    let _ = writeln!(
        out,
        "      {label}: {}{}",
        items
            .iter()
            .map(|s| clean(s))
            .collect::<Vec<_>>()
            .join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
}

/// `1.1.1 A`, `1.4.4 1.4.10 AA`, or `best practice`.
pub fn wcag_label(wcag: &[String], level: Option<&str>) -> String {
    match level {
        Some(level) if !wcag.is_empty() => format!("{} {level}", wcag.join(" ")),
        Some(level) => level.to_string(),
        None => "best practice".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Page-controlled text (titles, snippets, URLs) goes to a terminal: escape control
/// characters and bidirectional overrides so a hostile page cannot rewrite the screen or
/// disguise what it says. Newlines become spaces so each item stays on its own line.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{BrokenLink, PageFetch, Redirect};
    use crate::{audit, Options};

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(clean("line\nbreak"), "line break");
        assert_eq!(clean("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(clean("Café £5"), "Café £5");
    }

    #[test]
    fn wcag_labels() {
        assert_eq!(wcag_label(&["1.1.1".into()], Some("A")), "1.1.1 A");
        assert_eq!(
            wcag_label(&["1.4.4".into(), "1.4.10".into()], Some("AA")),
            "1.4.4 1.4.10 AA"
        );
        assert_eq!(wcag_label(&[], None), "best practice");
    }

    const BINS: &str = r#"<html lang="en"><title>Bins</title><main><h1>Bins</h1><img src="bin.png"><input id="pc" aria-labeledby="x" aria-label="Postcode"></main></html>"#;

    #[test]
    fn baseline_marks_new_findings_and_lists_the_fixed() {
        let old = audit(
            r#"<html lang="en"><title>Bins</title><main><h1>Bins</h1><div><img src="gone.png"></div></main></html>"#,
            "https://c.example/bins",
            &Options::default(),
        );
        let baseline = crate::report::Baseline::new(
            "main.json",
            serde_json::from_str(&Report::new(vec![old]).to_json()).unwrap(),
        )
        .unwrap();
        let mut report = Report::new(vec![audit(
            BINS,
            "https://c.example/bins",
            &Options::default(),
        )]);
        baseline.apply(&mut report);
        let text = render(&report, Style::plain());
        // Both of BINS's findings are new (the baseline had another image, elsewhere: no
        // fingerprint, selector or snippet in common); gone.png is fixed.
        assert_eq!(text.matches("  (new)\n").count(), 2, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| *l == "Against main.json: 2 new, 0 existing, 1 fixed")
            .expect(&text);
        assert!(
            lines[at + 1].starts_with("  fixed  image-has-name  https://c.example/bins  "),
            "{text}"
        );
        assert_eq!(lines.len(), at + 2);
    }

    /// Fails two rules: image-has-name (no alt) and aria-attribute-defined (the misspelt
    /// aria-labeledby); the field is named by aria-label, inside the main landmark.
    #[test]
    fn check_text_lists_pages_findings_and_a_summary() {
        let page = audit(
            BINS,
            "https://c.example/bins",
            &Options::default().with_status(200),
        );
        let score = crate::score::page_score(&page.findings).score;
        assert!(score < 100, "two failures lower the score");
        let text = render(&Report::new(vec![page]), Style::plain());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            format!("https://c.example/bins  \"Bins\"  [HTTP 200, accessibility {score}/100]")
        );
        assert!(lines
            .iter()
            .any(|l| l.starts_with("  failed  image-has-name  [1.1.1 A, critical]  ")));
        // The attribute of an attribute finding leads its message.
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("      [aria-labeledby] ")),
            "{text}"
        );
        let rules = crate::registry().len();
        assert_eq!(
            *lines.last().unwrap(),
            format!("1 page, 2 failed, 0 cannot tell ({rules} rules checked)")
        );
        assert!(!text.contains('\x1b'));
        assert!(render(&Report::new(Vec::new()), Style::coloured()).starts_with("0 pages,"));
    }

    #[test]
    fn crawl_text_adds_page_addresses_and_site_sections() {
        let mut page: Page = audit(
            "<html lang=en><title>Home</title><main><h1>Home</h1></main></html>",
            "https://c.example/",
            &Options::default().with_status(200),
        )
        .into();
        page.fetch = Some(PageFetch {
            final_url: "https://c.example/".into(),
            redirects: vec![Redirect {
                url: "http://c.example/".into(),
                status: Some(301),
                location: "https://c.example/".into(),
            }],
            duplicates: vec!["https://c.example/index.html".into()],
            fetch_ms: Some(12),
            canonical: Some("https://c.example/home".into()),
            ..PageFetch::default()
        });
        let site = SiteFacts {
            broken_links: vec![BrokenLink {
                url: "https://c.example/old".into(),
                status: Some(404),
                kind: "http".into(),
                error: "HTTP 404 Not Found".into(),
                external: false,
                referrers: vec!["https://c.example/".into()],
                referrer_count: 3,
                redirected_from: vec![],
            }],
            ..SiteFacts::default()
        };
        let text = render(&Report::crawl(vec![page], site), Style::plain());
        let rules = crate::registry().len();
        let expected = format!(
            "https://c.example/  \"Home\"  [HTTP 200, 12 ms, accessibility 100/100]\n\
             \x20 same page as https://c.example/index.html\n\
             \x20 redirected from http://c.example/ (301)\n\
             \x20 canonical: https://c.example/home\n\
             \x20 no failures found\n\
             \n\
             Broken links (1)\n\
             \x20 https://c.example/old  HTTP 404 Not Found\n\
             \x20     linked from: https://c.example/ and 2 more\n\
             \n\
             1 page crawled, 0 failed, 0 cannot tell ({rules} rules checked); 0 documents, 1 broken link\n"
        );
        assert_eq!(text, expected);
    }

    /// The services sections: one row per task (a second, under the status, for a route on
    /// another page), the checks with their evidence cut to 100 columns, and the scorecard
    /// as the last line.
    #[test]
    fn crawl_text_shows_tasks_checks_and_the_scorecard_last() {
        use crate::score::{Scorecard, ServicesScore, SiteScore, StatementScore};
        use crate::services::analysis::{CouncilRef, Route, StatementResult, TaskResult};
        use crate::services::Interaction;

        let task = |id: &str, name: &str, status, stars, url: Option<&str>, route| TaskResult {
            id: id.into(),
            name: name.into(),
            lgsl: None,
            interaction: Interaction::Pay,
            status,
            stars,
            url: url.map(Into::into),
            route,
            checks: Vec::new(),
        };
        let services = ServicesReport {
            council: Some(CouncilRef {
                name: "Kestrelford Council".into(),
                gss: "E06000099".into(),
                slug: "kestrelford".into(),
            }),
            tier: Some(Tier::Unitary),
            tier_source: TierSource::Given,
            tasks: vec![
                task(
                    "pay-council-tax",
                    "Pay council tax",
                    TaskStatus::Online,
                    Some(4),
                    Some("https://c.example/council-tax/pay"),
                    Some(Route {
                        url: "https://www.civicaepay.co.uk/Kestrelford/CouncilTax".into(),
                        kind: "payments".into(),
                        host: "www.civicaepay.co.uk".into(),
                        checked: RouteCheck::NotChecked,
                    }),
                ),
                task(
                    "bin-collection-day",
                    "Find your bin collection day",
                    TaskStatus::Online,
                    Some(3),
                    Some("https://c.example/bins/days"),
                    Some(Route {
                        url: "https://c.example/bins/days".into(),
                        kind: "look-up".into(),
                        host: "c.example".into(),
                        checked: RouteCheck::Ok,
                    }),
                ),
                task(
                    "noise-complaint",
                    "Report a noise problem to the council's environmental health team",
                    TaskStatus::NotFound,
                    Some(1),
                    None,
                    None,
                ),
            ],
            statement: StatementResult {
                url: Some("https://c.example/accessibility".into()),
                checks: vec![Check::new(
                    "AS-10",
                    CheckStatus::Fail,
                    "https://c.example/accessibility",
                    format!(
                        "claims full compliance, {}",
                        "but the crawl found failures ".repeat(5)
                    ),
                )],
            },
            site_checks: Vec::new(),
        };
        let scores = Scorecard {
            name: "Kestrelford Council".into(),
            accessibility: Some(SiteScore {
                score: 71,
                pages: 3,
                top_task_pages: 1,
            }),
            services: Some(ServicesScore {
                stars: Some(2.7),
                online: 2,
                provided: 3,
                rated: 3,
                unknown: 0,
                other_tier: 0,
            }),
            statement: Some(StatementScore {
                found: true,
                passed: 0,
                applicable: 1,
                unknown: 0,
            }),
        };
        let site = SiteFacts {
            root: "https://c.example/".into(),
            ..SiteFacts::default()
        };
        let report = Report {
            services: Some(services),
            scores: Some(scores),
            ..Report::crawl(Vec::new(), site)
        };
        let text = render(&report, Style::plain());
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| *l == "Top tasks — Kestrelford Council, unitary (from --tier)")
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            &lines[at + 1..at + 6],
            [
                "  task                              status      stars  page (→ online route)",
                "  Pay council tax                   online      4★     council-tax/pay",
                "                                    → www.civicaepay.co.uk (payments, not checked)",
                "  Find your bin collection day      online      3★     bins/days: on the page (look-up)",
                "  Report a noise problem to the c…  not found   1★     –",
            ]
        );
        assert!(lines.contains(&"Accessibility statement: https://c.example/accessibility"));
        let as10 = lines
            .iter()
            .find(|l| l.starts_with("  AS-10  fail "))
            .unwrap();
        assert_eq!(as10.chars().count(), 100, "cut to the width: {as10}");
        assert!(as10.ends_with('…'));
        assert_eq!(
            *lines.last().unwrap(),
            "Kestrelford Council: accessibility 71/100 · services 2.7★ (2 of 3 tasks online) · statement 0/1"
        );
        assert!(lines[lines.len() - 2].starts_with("0 pages crawled,"));
    }

    #[test]
    fn ignored_findings_come_last_with_their_reason_and_outside_the_counts() {
        // One image without a text alternative: one image-has-name failure (1.1.1 A).
        let mut page = crate::audit(
            r#"<html lang="en"><title>Bins</title><h1>Bins</h1><img src="bin.png"></html>"#,
            "https://a.example/",
            &crate::Options::default(),
        );
        let failed = page
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .count();
        assert!(failed >= 1);
        let cant_tell = page
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::CantTell)
            .count();
        for f in &mut page.findings {
            if f.rule == "image-has-name" {
                f.ignored = Some("a decorative bin".into());
            }
        }
        let text = render(&Report::new(vec![page]), Style::plain());
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("  ignored  image-has-name  [1.1.1 A, critical]  "))
            .expect(&text);
        assert!(
            lines[at + 1..].contains(&"      ignored: a decorative bin"),
            "{text}"
        );
        // Nothing else comes after the ignored finding on the page.
        assert!(
            !lines[at + 1..].iter().any(|l| l.starts_with("  failed")),
            "{text}"
        );
        let rules = crate::rules::registry().len();
        assert!(
            text.ends_with(&format!(
                "1 page, {} failed, {cant_tell} cannot tell, 1 ignored ({rules} rules checked)\n",
                failed - 1
            )),
            "{text}"
        );
    }

    #[test]
    fn streaming_gives_the_same_text() {
        let pages: Vec<Page> = ["https://c.example/a", "https://c.example/b"]
            .into_iter()
            .map(|url| audit(BINS, url, &Options::default()).into())
            .collect();
        let whole = Report {
            pages: pages.clone(),
            ..Report::new(Vec::new())
        };
        let mut streamed = String::new();
        write(
            &Report::new(Vec::new()),
            pages.iter().map(Ok::<_, ()>),
            Style::coloured(),
            |s| {
                streamed.push_str(s);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(streamed, render(&whole, Style::coloured()));
        assert!(streamed.contains("\x1b[31;1mfailed\x1b[0m"));
    }
}
