//! The text report for people: per page a header line and its findings; for a crawl the
//! site's broken links, documents and pages not audited; then a summary line. [`write()`]
//! produces it piece by piece, like [`super::json::write`].

use std::borrow::Borrow;
use std::convert::Infallible;
use std::fmt::Write as _;

use super::{Finding, Outcome, Page, Report, SiteFacts};

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
/// assert!(text.starts_with("https://a.example/  \"Bins\"\n"));
/// assert!(text.contains("  failed  image-has-name  [1.1.1 A, critical]"));
/// ```
pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let written = write(
        report,
        std::iter::empty::<Result<Page, Infallible>>(),
        style,
        |s| {
            out.push_str(s);
            Ok(())
        },
    );
    match written {
        Ok(()) => out,
        Err(never) => match never {},
    }
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
    let summary = match &report.site {
        None => format!(
            "{}, {} failed, {} cannot tell ({rules} rules checked)\n",
            plural(counts.pages, "page", "pages"),
            counts.failed,
            counts.cant_tell,
        ),
        Some(site) => render_site(site, &counts, rules, style),
    };
    sink(&summary)
}

/// What the summary line counts, gathered page by page.
#[derive(Default)]
struct Counts {
    pages: usize,
    failed: usize,
    cant_tell: usize,
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
    let facts = if facts.is_empty() {
        String::new()
    } else {
        format!("  [{}]", facts.join(", "))
    };
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
    if report.findings.is_empty() {
        let _ = writeln!(out, "  {}", style.paint("32", "no failures found"));
    }
    for finding in &report.findings {
        match finding.outcome {
            Outcome::Failed => counts.failed += 1,
            Outcome::CantTell => counts.cant_tell += 1,
            Outcome::Passed => {}
        }
        render_finding(&mut out, finding, style);
    }
    out.push('\n');
    out
}

fn render_finding(out: &mut String, finding: &Finding, style: Style) {
    let outcome = match finding.outcome {
        Outcome::Failed => style.paint("31;1", "failed"),
        Outcome::CantTell => style.paint("33;1", "cannot tell"),
        Outcome::Passed => style.paint("32", "passed"),
    };
    let _ = writeln!(
        out,
        "  {outcome}  {}  [{}, {}]  {}",
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

/// A crawl's site sections and summary line.
fn render_site(site: &SiteFacts, counts: &Counts, rules: usize, style: Style) -> String {
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
    let _ = writeln!(
        out,
        "{} crawled, {} failed, {} cannot tell ({rules} rules checked); {}, {}",
        plural(counts.pages, "page", "pages"),
        counts.failed,
        counts.cant_tell,
        plural(site.documents.len(), "document", "documents"),
        plural(site.broken_links.len(), "broken link", "broken links"),
    );
    out
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

    /// Fails two rules: image-has-name (no alt) and aria-attribute-defined (the misspelt
    /// aria-labeledby); the field is named by aria-label, inside the main landmark.
    #[test]
    fn check_text_lists_pages_findings_and_a_summary() {
        let page = audit(
            BINS,
            "https://c.example/bins",
            &Options::default().with_status(200),
        );
        let text = render(&Report::new(vec![page]), Style::plain());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "https://c.example/bins  \"Bins\"  [HTTP 200]");
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
            "https://c.example/  \"Home\"  [HTTP 200, 12 ms]\n\
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
