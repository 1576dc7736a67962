//! The accessibility statement checklist, AS-01…AS-23: what GDS's monitoring team asks of a
//! public sector body's statement (PSBAR 2018 regulation 8 and the model statement's
//! legally required wording), as far as the statement page shows it. Each rule, with its
//! sources, is in `docs/scoring.md` ("Accessibility statement (AS-01…23)").
//!
//! The crawl finds the statement with [`statement_links`] (each page's links to it, and
//! whether they sit in the header or footer) and [`looks_like_statement`], fetches it, and
//! calls [`check_statement`] with what it saw. No I/O here.

mod checks;
mod dates;
mod text;

pub use dates::Date;

use super::{Check, CheckStatus, Country};
use crate::model::Document;
use text::{words, Page};

/// The statement as the crawl found it.
#[derive(Debug, Clone, Copy)]
pub enum StatementSource<'a> {
    /// No link to a statement on the pages sampled.
    NotFound,
    /// An HTML page, parsed.
    Html {
        /// Its URL (after redirects).
        url: &'a str,
        /// The page.
        doc: &'a Document,
    },
    /// A resource that is not a web page (a PDF, a Word document): its text is not read.
    Other {
        /// Its URL (after redirects).
        url: &'a str,
        /// Its `Content-Type` (media type), e.g. `application/pdf`; empty when not known.
        content_type: &'a str,
    },
}

/// How the statement was linked from the pages the crawl sampled (for AS-01 and AS-02).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Linking {
    /// The site's home page (where the evidence points when no statement is found).
    pub home_url: String,
    /// Pages sampled for the link (the home page among them).
    pub pages_sampled: usize,
    /// How many of them link to the statement from their header or footer.
    pub pages_linking: usize,
    /// Whether the home page links to the statement (anywhere on it).
    pub home_links: bool,
    /// A link that led to the statement, for the evidence.
    pub found_on: Option<FoundLink>,
}

/// A link to the statement and the page it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundLink {
    /// The page carrying the link.
    pub page_url: String,
    /// The link's text, e.g. "Accessibility statement".
    pub link_text: String,
}

/// What the crawl found beside the statement: the page audit's failures at WCAG A/AA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlFailures {
    /// Pages with at least one failure of a WCAG A or AA success criterion.
    pub pages_failing: usize,
    /// One of them, for the evidence.
    pub example_url: Option<String>,
}

/// What the checks need to know beside the statement itself.
#[derive(Debug, Clone)]
pub struct StatementContext<'a> {
    /// The day of the crawl: dates in the statement are judged against it.
    pub crawl_date: Date,
    /// The council's nation (it decides the enforcement body); `None` when not known.
    pub country: Option<Country>,
    /// The council's name, when known (e.g. "Kestrelford Borough Council").
    pub council_name: Option<&'a str>,
    /// The council's own hosts the crawl visited (the statement's scope must cover them).
    pub hosts: &'a [String],
    /// The audit's A/AA failures over the crawl; `None` when pages were not audited.
    pub failures: Option<CrawlFailures>,
    /// How the statement was linked.
    pub linking: Linking,
}

/// The checks AS-01…AS-23, in order.
pub fn check_statement(source: StatementSource, ctx: &StatementContext) -> Vec<Check> {
    let mut out = Vec::with_capacity(23);
    match source {
        StatementSource::NotFound => {
            let sampled = ctx.linking.pages_sampled;
            let home = ctx.linking.home_url.as_str();
            out.push(Check::new(
                "AS-01",
                CheckStatus::Fail,
                home,
                format!("no link to an accessibility statement on the {sampled} page(s) sampled"),
            ));
            out.push(checks::linking(ctx, home));
            for n in 3..=23 {
                out.push(Check::new(
                    &id(n),
                    CheckStatus::NotApplicable,
                    home,
                    "no accessibility statement was found (AS-01)",
                ));
            }
        }
        StatementSource::Other { url, content_type } => {
            out.push(checks::found(ctx, url, true));
            out.push(checks::linking(ctx, url));
            let (status, text) = if content_type.trim().is_empty() {
                (
                    CheckStatus::Unknown,
                    "the statement's content type is not known".to_string(),
                )
            } else {
                (
                    CheckStatus::Fail,
                    format!(
                        "the statement is a {} document, not an HTML web page",
                        content_type.trim()
                    ),
                )
            };
            out.push(Check::new("AS-03", status, url, text));
            for n in 4..=23 {
                out.push(Check::new(
                    &id(n),
                    CheckStatus::Unknown,
                    url,
                    "the statement is not a web page; its text was not read",
                ));
            }
        }
        StatementSource::Html { url, doc } if in_welsh(doc) => {
            out.push(checks::found(ctx, url, true));
            out.push(checks::linking(ctx, url));
            out.push(Check::new(
                "AS-03",
                CheckStatus::Pass,
                url,
                "the statement is an HTML web page",
            ));
            for n in 4..=23 {
                out.push(Check::new(
                    &id(n),
                    CheckStatus::Unknown,
                    url,
                    "the statement is in Welsh; the checks read the model statement's English \
                     wording (check its English version)",
                ));
            }
        }
        StatementSource::Html { url, doc } => {
            let page = Page::read(doc);
            out.push(checks::found(ctx, url, looks_like(&page)));
            out.push(checks::linking(ctx, url));
            out.push(Check::new(
                "AS-03",
                CheckStatus::Pass,
                url,
                "the statement is an HTML web page",
            ));
            out.extend(checks::content(&page, url, ctx));
        }
    }
    debug_assert_eq!(out.len(), 23);
    out
}

/// A page in Welsh (`<html lang="cy">`), as Welsh councils publish beside the English one.
fn in_welsh(doc: &Document) -> bool {
    doc.root().and_then(|r| r.attr("lang")).is_some_and(|l| {
        let l = l.trim().to_ascii_lowercase();
        l == "cy" || l.starts_with("cy-")
    })
}

fn id(n: usize) -> String {
    format!("AS-{n:02}")
}

/// Whether a link's text (and `href`) names the accessibility statement, as council
/// footers do: "Accessibility", "Accessibility statement", "Website accessibility",
/// "Accessibility statement for Kestrelford Council", Welsh "Datganiad hygyrchedd"; not
/// "Accessibility of our buildings", "Accessibility tools" (a toolbar) or "Accessible
/// toilets". The crawl still checks that the link stays on the council's site.
pub fn is_statement_link(text: &str, href: &str) -> bool {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if href.is_empty()
        || href.starts_with('#')
        || ["mailto:", "tel:", "javascript:"]
            .iter()
            .any(|s| lower.starts_with(s))
    {
        return false;
    }
    // "(opens in a new window)" and the like say nothing of the target.
    let text = match text.find('(') {
        Some(at) => &text[..at],
        None => text,
    };
    let w = words(text);
    let tokens: Vec<&str> = w.split_whitespace().collect();
    if tokens.is_empty() {
        // An icon link: only a path that says so.
        let path = lower.split(['?', '#']).next().unwrap_or("");
        return ["accessibility-statement", "accessibility_statement"]
            .iter()
            .any(|p| path.contains(p));
    }
    let named = tokens
        .iter()
        .any(|t| *t == "accessibility" || *t == "hygyrchedd");
    // Words that may stand beside "accessibility" in a link to the statement; anything
    // else ("buildings", "tools", "help", "settings") names something other than it.
    const ALLOWED: &[&str] = &[
        "accessibility",
        "statement",
        "statements",
        "website",
        "web",
        "site",
        "our",
        "this",
        "the",
        "digital",
        "online",
        "read",
        "view",
        "see",
        "policy",
        "datganiad",
        "hygyrchedd",
        "gwefan",
        "a11y",
    ];
    // "Accessibility statement for <website>": what follows "for" is the site's name.
    let head = match w.find(" statement for ") {
        Some(at) => &w[..at + " statement ".len()],
        None => &w,
    };
    named && head.split_whitespace().all(|t| ALLOWED.contains(&t))
}

/// A link to the accessibility statement on a page (see [`is_statement_link`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLink {
    /// The link's text (its accessible name: an icon link's `alt` or `aria-label`).
    pub text: String,
    /// Its `href`, as written (the crawl resolves it against the page's URL).
    pub href: String,
    /// Inside the page's header, footer or navigation (a `header`, `footer` or `nav`
    /// element, a banner, content-info or navigation landmark, or a block whose `id` or
    /// `class` names a header or footer): "a consistent place" on every page, for AS-02.
    pub in_header_or_footer: bool,
}

/// The page's links to the accessibility statement, in document order: what the crawl
/// needs to find the statement (AS-01) and fill [`Linking`] (AS-02).
pub fn statement_links(doc: &Document) -> Vec<StatementLink> {
    doc.elements()
        .filter(|e| e.is_html() && matches!(e.name(), "a" | "area"))
        .filter_map(|e| {
            let href = e.attr("href")?.trim();
            let text = e.accessible_name();
            is_statement_link(text, href).then(|| StatementLink {
                text: text.to_string(),
                href: href.to_string(),
                in_header_or_footer: e.ancestors().any(|a| is_page_chrome(&a)),
            })
        })
        .collect()
}

/// A part of the page every template repeats: header, footer, navigation.
fn is_page_chrome(el: &crate::model::El) -> bool {
    if matches!(el.name(), "header" | "footer" | "nav")
        || matches!(el.role(), Some("banner" | "contentinfo" | "navigation"))
    {
        return true;
    }
    // CMS templates often mark them only by name: `<div id="footer">`, `class="site-footer"`.
    ["id", "class"].iter().any(|attr| {
        el.attr(attr).is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|t| {
                    let t = t.to_ascii_lowercase();
                    t == "footer" || t == "header" || t == "masthead"
                })
        })
    })
}

/// Whether a page is an accessibility statement rather than a page about something
/// else: its title or `<h1>` says "accessibility statement", or it carries at least two
/// of the model statement's legally required phrases.
pub fn looks_like_statement(doc: &Document) -> bool {
    looks_like(&Page::read(doc))
}

fn looks_like(page: &Page) -> bool {
    let titled = page
        .h1
        .iter()
        .map(String::as_str)
        .chain(page.title.as_deref())
        .map(words)
        .any(|w| w.contains(" accessibility statement ") || w.contains(" datganiad hygyrchedd "));
    if titled {
        return true;
    }
    let all = page.all_words();
    const PHRASES: &[&str] = &[
        " this accessibility statement applies to ",
        " accessibility regulations 2018 ",
        " compliance status ",
        " compliant with the web content accessibility guidelines ",
        " enforcement procedure ",
        " preparation of this accessibility statement ",
        " equality and human rights commission ",
        " equality commission for northern ireland ",
    ];
    PHRASES.iter().filter(|p| all.contains(*p)).count() >= 2
}

#[cfg(test)]
mod tests;
