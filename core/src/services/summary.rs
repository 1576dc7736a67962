//! The compact facts of one page that the site-level analysis ([`super::analysis`]) needs.
//!
//! A crawl keeps these, not whole pages: a few hundred links with short texts, the forms'
//! fields, the phone numbers and a handful of signals found in the page's main text, each
//! kept as the short text that matched so that a check can quote it as evidence. Nothing
//! here is a verdict: the analysis decides what a signal means for a task.
//!
//! The accessibility statement is the one page whose whole document the analysis needs: it
//! asks for it again after the crawl (see [`super::analysis`]), so no document is kept.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use url::Url;

use crate::model::{collapse_whitespace, Child, Document, El};
use crate::urls;

/// Links kept per page, at most: a council home page has 100–300.
pub const MAX_LINKS: usize = 400;
/// Forms kept per page, at most.
pub const MAX_FORMS: usize = 10;
/// Fields kept per form, at most.
pub const MAX_INPUTS: usize = 30;
/// Characters kept of a link text, a title, a heading or a quoted signal.
pub const MAX_TEXT: usize = 120;
/// Phone numbers, email addresses and document links kept per page, at most.
const MAX_CONTACTS: usize = 8;

/// Where on the page a link is, by its nearest landmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// In the page header (`<header>` outside `<main>`, `role=banner`).
    Header,
    /// In a navigation block (`<nav>`, `role=navigation`) outside header and footer.
    Nav,
    /// In the main content (`<main>`, `role=main`).
    Main,
    /// In the page footer (`<footer>` outside `<main>`, `role=contentinfo`).
    Footer,
    /// Anywhere else.
    Other,
}

/// One link of the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link {
    /// Absolute, without its fragment (the crawl's spelling: a folder of a `file:` site
    /// means its `index.html`). Shared: the analysis keeps one copy of each URL and text
    /// for all the pages that link it (menus repeat the same links on every page).
    pub href: Arc<str>,
    /// The accessible name, whitespace collapsed, truncated to [`MAX_TEXT`] characters.
    pub text: Arc<str>,
    /// Where on the page it is.
    pub region: Region,
    /// Styled or marked up as a button (`role=button`, a `button` or `btn` class).
    pub is_button: bool,
    /// A start button (GOV.UK's `govuk-button--start`, LocalGov's `button--start`, …).
    pub is_start: bool,
    /// For a link in the content, the text of its list item, paragraph or cell when that
    /// says more than the link ("Libraries: renew and reserve library books"), truncated.
    pub context: Option<String>,
}

/// How a form is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormMethod {
    /// `GET` (the default): the fields go in the URL, so a search can be read by a crawler.
    Get,
    /// `POST` (or `dialog`): never sent by frontdesk.
    Post,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Input {
    /// `text`, `email`, `password`, `select`, `textarea`, … (the input `type`, or the
    /// element's name for `select` and `textarea`).
    pub kind: String,
    /// The `name` attribute.
    pub name: String,
    /// The accessible name (label, `aria-label`, …), truncated.
    pub label: String,
    /// The `autocomplete` attribute, as written.
    pub autocomplete: String,
    /// The `placeholder` attribute, truncated (it hints at what a field is for).
    pub placeholder: String,
}

/// One form of the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Form {
    /// How it is sent.
    pub method: FormMethod,
    /// Where it is sent, absolute; the page itself when the form has no `action`.
    pub action: String,
    /// A site search: `role=search`, a `search` field, or one text field named like a
    /// query (`q`, `query`, `search`, `keywords`, …).
    pub is_search: bool,
    /// In the page header, or before the main content on a page without landmarks.
    pub in_header: bool,
    /// Where on the page it is.
    pub region: Region,
    /// A postcode, address or UPRN field: a location look-up, not a site search.
    pub is_location: bool,
    /// The fields a person fills in or chooses (hidden fields and buttons left out).
    pub inputs: Vec<Input>,
    /// Hidden fields, as `name=value` pairs a GET search needs to be repeated.
    pub hidden: Vec<(String, String)>,
    /// A password field: a sign-in form.
    pub has_password: bool,
}

impl Form {
    /// The field a search term goes in: the first text or search field.
    pub fn query_field(&self) -> Option<&Input> {
        self.inputs
            .iter()
            .find(|i| i.kind == "search" || i.kind == "text")
    }

    /// Whether a person could do business through it: fields to fill in, and not a search
    /// or a sign-in form.
    pub fn is_transaction(&self) -> bool {
        !self.is_search && !self.has_password && !self.inputs.is_empty()
    }
}

/// What the page's `<meta name=viewport>` says about phones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewport {
    /// No viewport: phones show the desktop layout shrunk.
    Missing,
    /// A viewport that lets people zoom; the `content` as written.
    Ok(String),
    /// `user-scalable=no` or `maximum-scale` below 2: zoom is blocked; the `content`.
    BlocksZoom(String),
}

/// What the page's main text and markup show, each as the short text that matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    /// Wording that asks for an account ("sign in to", "create an account", …).
    pub account_wording: Option<String>,
    /// Wording that offers a way without an account ("continue as guest", …).
    pub guest_option: Option<String>,
    /// "Before you start", "you will need", … in the main text.
    pub before_you_start: Option<String>,
    /// Opening hours: a heading, days with times, or schema.org `openingHours`.
    pub opening_hours: Option<String>,
    /// Service status or disruption wording or markup.
    pub service_status: Option<String>,
    /// Links to a downloadable form (PDF, Word, …): "text → href".
    pub document_forms: Vec<String>,
    /// A postcode or address field, or a map script (Leaflet, OpenLayers, ArcGIS).
    pub location_lookup: Option<String>,
    /// The main text names a day of the week (collection days, opening days).
    pub weekdays: bool,
    /// An inline script sets Google's consent mode defaults (`'consent', 'default'`): tags
    /// wait for consent.
    pub consent_mode: bool,
    /// A search results page says it found nothing ("No results", "did not match").
    pub no_results: Option<String>,
    /// Scripts other than analytics, consent managers and structured data: the page may
    /// build content (a form) the markup does not have.
    pub app_scripts: bool,
    /// Relay UK, textphone or BSL wording.
    pub relay: Option<String>,
    /// Cookie banner or consent-manager markup.
    pub cookie_banner: Option<String>,
    /// The banner's buttons: (an accept button, a reject button), when the banner is in
    /// the markup.
    pub cookie_choices: Option<(bool, bool)>,
    /// Analytics or advertising scripts loaded by the markup (hosts).
    pub trackers: Vec<String>,
    /// The page says it needs JavaScript, or has next to no text but scripts.
    pub needs_javascript: Option<String>,
    /// Calls to action without a usable link (`href="#"`, `javascript:`, a button outside
    /// a form): something a script must wire up.
    pub script_actions: Vec<String>,
    /// A passage saying which services another council provides (a two-tier area's "Your
    /// district or borough council provides: …"): its opening block and the blocks after
    /// it up to the next heading, each truncated.
    pub other_tier_services: Vec<String>,
    /// The page says the site sets only essential cookies ("We only use essential cookies",
    /// "We do not use analytics cookies"), as a cookie page does when no consent is needed.
    pub essential_cookies_only: Option<String>,
}

/// The compact facts of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSummary {
    /// The page's URL (as fetched, fragment-less).
    pub url: String,
    /// The `<title>`, collapsed and truncated.
    pub title: String,
    /// The first `<h1>`'s text, collapsed and truncated.
    pub h1: String,
    /// Breadcrumb items in order (`nav[aria-label*=breadcrumb]`, `.breadcrumb`, schema.org
    /// `BreadcrumbList`): text and link (empty for the current page).
    pub breadcrumbs: Vec<(String, String)>,
    /// The links, in document order, at most [`MAX_LINKS`]. Shared: the analysis keeps one
    /// copy of each link (and form) that many pages repeat (menus, the header's search).
    pub links: Vec<Arc<Link>>,
    /// The forms, at most [`MAX_FORMS`].
    pub forms: Vec<Arc<Form>>,
    /// UK phone numbers in the text and `tel:` links, as written.
    pub phones: Vec<String>,
    /// Email addresses (`mailto:` links and addresses in the text).
    pub emails: Vec<String>,
    /// Signals in the main text and markup.
    pub signals: Signals,
    /// The viewport.
    pub viewport: Viewport,
    /// The page is an accessibility statement ([`super::statement::looks_like_statement`]):
    /// the analysis checks it when no link names the statement.
    pub is_statement_candidate: bool,
}

impl PageSummary {
    /// Reads a page served at `url`. For a folder crawl, `local_root` is the site folder:
    /// root-relative links (`/bins/`) then mean that folder, as in the crawl.
    pub fn from_document(doc: &Document, url: &Url, local_root: Option<&Url>) -> PageSummary {
        let base = doc
            .elements_named(&["base"])
            .find(|e| e.is_html() && e.attr("href").is_some())
            .and_then(|b| urls::join(url, b.attr("href").unwrap_or("").trim()))
            .unwrap_or_else(|| url.clone());
        let resolver = Resolver { base, local_root };
        let main = main_element(doc);
        let mut summary = PageSummary {
            url: canonical_spelling(url.clone(), local_root).to_string(),
            title: doc.title().map(|t| truncate(&t)).unwrap_or_default(),
            h1: doc
                .elements_named(&["h1"])
                .find(|h| !h.is_hidden())
                .map(|h| truncate(&collapse_whitespace(&h.text_content())))
                .unwrap_or_default(),
            breadcrumbs: breadcrumbs(doc, &resolver),
            links: Vec::new(),
            forms: Vec::new(),
            phones: Vec::new(),
            emails: Vec::new(),
            signals: Signals::default(),
            viewport: viewport(doc),
            is_statement_candidate: false,
        };
        read_links(doc, &resolver, &mut summary);
        read_forms(doc, &resolver, main, url, &mut summary);
        let blocks = match main.or_else(|| body(doc)) {
            Some(root) => block_texts(root),
            None => Vec::new(),
        };
        read_text(&blocks, &mut summary);
        read_markup(doc, &blocks, &mut summary);
        // The statement's own test reads the whole text: only pages that name accessibility
        // in their title or heading are worth it.
        summary.is_statement_candidate = [&summary.title, &summary.h1].iter().any(|t| {
            let lower = t.to_lowercase();
            lower.contains("accessib") || lower.contains("hygyrchedd")
        }) && super::statement::looks_like_statement(doc);
        summary
    }

    /// The links in a region.
    pub fn links_in(&self, region: Region) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .map(|l| &**l)
            .filter(move |l| l.region == region)
    }

    /// Whether the page has a search form.
    pub fn has_search(&self) -> bool {
        self.forms.iter().any(|f| f.is_search)
    }

    /// The first form that is a transaction ([`Form::is_transaction`]).
    pub fn transaction_form(&self) -> Option<&Form> {
        self.forms.iter().map(|f| &**f).find(|f| f.is_transaction())
    }
}

/// Resolves links as the crawl does (`crawl::normalize`, which this module may not use:
/// the analyses sit beside the crawler): fragment and empty query dropped, a `file:` folder
/// meaning its `index.html`, root-relative links of a folder crawl meaning the folder.
struct Resolver<'a> {
    base: Url,
    local_root: Option<&'a Url>,
}

impl Resolver<'_> {
    fn resolve(&self, href: &str) -> Option<Url> {
        let href = href.trim_matches(|c: char| c.is_ascii_whitespace());
        if href.is_empty() {
            return None;
        }
        let url = match self.local_root {
            Some(root) if href.starts_with('/') && !href.starts_with("//") => {
                root.join(&href[1..]).ok()?
            }
            _ => urls::join(&self.base, href)?,
        };
        match url.scheme() {
            "http" | "https" | "file" => Some(canonical_spelling(url, self.local_root)),
            _ => None,
        }
    }
}

/// The crawl's spelling of a URL (`crawl::normalize`): no fragment, no empty query, and for a
/// folder crawl a folder meaning its `index.html`.
pub fn canonical_spelling(mut url: Url, local_root: Option<&Url>) -> Url {
    url.set_fragment(None);
    if url.query() == Some("") {
        url.set_query(None);
    }
    if url.scheme() == "file" && local_root.is_some() && url.path().ends_with('/') {
        let path = format!("{}index.html", url.path());
        url.set_path(&path);
    }
    url
}

/// Truncates to [`MAX_TEXT`] characters, on a character boundary, with an ellipsis.
pub fn truncate(text: &str) -> String {
    truncate_to(text, MAX_TEXT)
}

fn truncate_to(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

fn body(doc: &Document) -> Option<El<'_>> {
    doc.elements_named(&["body"]).next().or_else(|| doc.root())
}

/// The main content: the first `<main>` or `role=main`.
fn main_element(doc: &Document) -> Option<El<'_>> {
    doc.elements()
        .find(|e| e.is_html() && !e.is_not_rendered() && e.has_role("main"))
}

/// The region of an element: its nearest landmark.
fn region_of(el: &El) -> Region {
    for a in el.ancestors() {
        match a.role() {
            Some("main") => return Region::Main,
            Some("banner") => return Region::Header,
            Some("contentinfo") => return Region::Footer,
            Some("navigation") => {
                // A menu inside the header or footer belongs to them.
                let outer = a.ancestors().find_map(|o| match o.role() {
                    Some("banner") => Some(Region::Header),
                    Some("contentinfo") => Some(Region::Footer),
                    Some("main") => Some(Region::Main),
                    _ => None,
                });
                return outer.unwrap_or(Region::Nav);
            }
            _ => {}
        }
        // A site header or footer made of divs says so in its id or class, as CMS
        // templates name them.
        if let Some(region) = chrome_by_name(&a) {
            return region;
        }
        // A <header>/<footer> inside an article has no landmark role.
        if a.name() == "header" || a.name() == "footer" {
            let inside_main = a.ancestors().any(|o| o.role() == Some("main"));
            if !inside_main {
                return if a.name() == "header" {
                    Region::Header
                } else {
                    Region::Footer
                };
            }
        }
    }
    Region::Other
}

/// `id`s and classes that templates give the site header and footer.
fn chrome_by_name(el: &El) -> Option<Region> {
    const HEADER: &[&str] = &[
        "header",
        "site-header",
        "masthead",
        "global-header",
        "siteheader",
    ];
    const FOOTER: &[&str] = &["footer", "site-footer", "global-footer", "sitefooter"];
    let id = el.attr("id").unwrap_or("");
    let class = el.attr("class").unwrap_or("");
    let named = |names: &[&str]| {
        names.iter().any(|n| id.eq_ignore_ascii_case(n))
            || class
                .split_ascii_whitespace()
                .any(|c| names.iter().any(|n| c.eq_ignore_ascii_case(n)))
    };
    if named(HEADER) {
        Some(Region::Header)
    } else if named(FOOTER) {
        Some(Region::Footer)
    } else {
        None
    }
}

fn link_text(el: &El) -> String {
    let name = el.accessible_name();
    let text = if name.is_empty() {
        collapse_whitespace(&el.text_content())
    } else {
        name.to_string()
    };
    truncate(&text)
}

fn read_links(doc: &Document, resolver: &Resolver, summary: &mut PageSummary) {
    let mut seen: HashSet<(Arc<str>, Arc<str>)> = HashSet::new();
    for el in doc.elements_named(&["a", "area"]) {
        if !el.is_html() {
            continue;
        }
        let Some(href) = el.attr("href") else {
            continue;
        };
        let raw = href.trim();
        let lower = raw.to_ascii_lowercase();
        // Contact details count where the page gives them, not in the site-wide header or
        // footer every page repeats.
        let in_chrome = lower.starts_with("mailto:") || lower.starts_with("tel:");
        let in_chrome = in_chrome && matches!(region_of(&el), Region::Header | Region::Footer);
        if in_chrome {
            continue;
        }
        if let Some(address) = lower.strip_prefix("mailto:") {
            let address = address.split('?').next().unwrap_or("").trim();
            push_unique(&mut summary.emails, address.to_string());
            continue;
        }
        if let Some(number) = raw.get(4..).filter(|_| lower.starts_with("tel:")) {
            let text = collapse_whitespace(&el.text_content());
            let shown = if phone_numbers(&text).is_empty() {
                number.trim().to_string()
            } else {
                text
            };
            push_unique(&mut summary.phones, truncate_to(&shown, 40));
            continue;
        }
        if lower.starts_with("javascript:") || raw == "#" {
            let text = link_text(&el);
            if !text.is_empty() && summary.signals.script_actions.len() < MAX_CONTACTS {
                summary.signals.script_actions.push(text);
            }
            continue;
        }
        let Some(url) = resolver.resolve(raw) else {
            continue;
        };
        if summary.links.len() >= MAX_LINKS {
            continue;
        }
        let text: Arc<str> = link_text(&el).into();
        let href: Arc<str> = url.as_str().into();
        if seen.insert((Arc::clone(&href), Arc::clone(&text))) {
            let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
            let is_button = el.explicit_role() == Some("button")
                || class
                    .split_ascii_whitespace()
                    .any(|c| c.contains("button") || c.contains("btn"));
            let is_start = class
                .split_ascii_whitespace()
                .any(|c| c.contains("start") && (c.contains("button") || c.contains("btn")));
            let region = region_of(&el);
            // Only links to other sites need it (what a signpost to another council is
            // for); reading the text around every link would cost more than the rest.
            let leaves = url.host_str() != resolver.base.host_str();
            let context = (leaves && matches!(region, Region::Main | Region::Other))
                .then(|| link_context(&el, &text))
                .flatten();
            summary.links.push(Arc::new(Link {
                href,
                text,
                region,
                is_button,
                is_start,
                context,
            }));
        }
    }
}

/// The text of the list item, paragraph, cell or definition a link sits in, when it says
/// more than the link.
fn link_context(el: &El, text: &str) -> Option<String> {
    let block = el
        .ancestors()
        .take(3)
        .find(|a| matches!(a.name(), "li" | "p" | "td" | "dd" | "dt"))?;
    let context = collapse_whitespace(&block.text_content());
    (context.len() > text.len() + 3).then(|| truncate(&context))
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && list.len() < MAX_CONTACTS && !list.contains(&item) {
        list.push(item);
    }
}

/// Field names that carry a search query on council sites (Drupal `keys` and
/// `search_api_fulltext`, WordPress `s`, Jadu `q`, Funnelback `query`, …).
const QUERY_NAMES: &[&str] = &[
    "q",
    "query",
    "search",
    "s",
    "keys",
    "keywords",
    "keyword",
    "term",
    "terms",
    "searchterm",
    "search_term",
    "searchtext",
    "search_api_fulltext",
    "text",
];

fn read_forms(
    doc: &Document,
    resolver: &Resolver,
    main: Option<El>,
    url: &Url,
    summary: &mut PageSummary,
) {
    for form in doc.elements_named(&["form"]) {
        if !form.is_html() || summary.forms.len() >= MAX_FORMS {
            continue;
        }
        let method = match form.attr("method").map(|m| m.trim().to_ascii_lowercase()) {
            Some(m) if m == "post" || m == "dialog" => FormMethod::Post,
            _ => FormMethod::Get,
        };
        let action = form
            .non_empty_attr("action")
            .and_then(|a| resolver.resolve(a))
            .unwrap_or_else(|| canonical_spelling(url.clone(), resolver.local_root))
            .to_string();
        let mut inputs = Vec::new();
        let mut hidden = Vec::new();
        let mut has_password = false;
        let mut search_field = false;
        for field in form.descendants() {
            let kind = match field.name() {
                "input" => field.input_type().to_string(),
                "select" | "textarea" => field.name().to_string(),
                _ => continue,
            };
            let name = field.attr("name").unwrap_or("").to_string();
            match kind.as_str() {
                "hidden" => {
                    if hidden.len() < MAX_INPUTS && !name.is_empty() {
                        hidden.push((name, field.attr("value").unwrap_or("").to_string()));
                    }
                    continue;
                }
                "submit" | "button" | "reset" | "image" => continue,
                "password" => has_password = true,
                "search" => search_field = true,
                _ => {}
            }
            if inputs.len() < MAX_INPUTS {
                inputs.push(Input {
                    kind,
                    label: truncate(field.accessible_name()),
                    autocomplete: field.attr("autocomplete").unwrap_or("").trim().to_string(),
                    placeholder: truncate(field.attr("placeholder").unwrap_or("").trim()),
                    name,
                });
            }
        }
        let text_fields: Vec<&Input> = inputs
            .iter()
            .filter(|i| i.kind == "text" || i.kind == "search")
            .collect();
        let named_like_query = text_fields.len() == 1
            && inputs.len() <= 3
            && QUERY_NAMES.contains(&text_fields[0].name.to_ascii_lowercase().as_str());
        let labelled_search = text_fields.len() == 1
            && inputs.len() <= 3
            && text_fields[0].label.to_lowercase().contains("search");
        let is_location = inputs.iter().any(is_location_field);
        let is_search = !has_password
            && !is_location
            && (form.has_role("search")
                || form.ancestors().any(|a| a.has_role("search"))
                || search_field
                || named_like_query
                || labelled_search);
        let region = region_of(&form);
        let in_header = match region {
            Region::Header => true,
            Region::Main | Region::Footer => false,
            // Without landmarks, a form before the main content is in the header area.
            Region::Nav | Region::Other => main.is_some_and(|m| form.index() < m.index()),
        };
        summary.forms.push(Arc::new(Form {
            method,
            action,
            is_search,
            in_header,
            region,
            is_location,
            inputs,
            hidden,
            has_password,
        }));
    }
}

/// Elements that end a run of text: each is read as its own block.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "article",
    "aside",
    "table",
    "ul",
    "ol",
    "dl",
    "br",
    "form",
    "fieldset",
    "legend",
    "label",
    "address",
    "blockquote",
    "details",
    "summary",
    "header",
    "footer",
    "nav",
    "main",
];

/// One run of text, and whether it is a heading (h1–h6, `dt`, `summary`, `legend`).
struct Block {
    text: String,
    /// The text in lower case, for matching.
    lower: String,
    heading: bool,
}

/// The rendered text under `root`, split into blocks (paragraphs, list items, cells,
/// headings), whitespace collapsed.
fn block_texts(root: El) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    walk_text(root, &mut blocks, &mut current, false);
    flush(&mut blocks, &mut current, false);
    // The signals are in a page's first screens of text; a hostile page's megabytes are
    // not read further.
    let mut total = 0;
    blocks.retain(|b| {
        total += b.text.len();
        total <= MAX_MAIN_TEXT
    });
    blocks
}

/// Bytes of main text read for signals, at most.
const MAX_MAIN_TEXT: usize = 256 * 1024;

fn flush(blocks: &mut Vec<Block>, current: &mut String, heading: bool) {
    let text = collapse_whitespace(current);
    current.clear();
    if !text.is_empty() {
        let lower = if text.is_ascii() {
            text.to_ascii_lowercase()
        } else {
            text.to_lowercase()
        };
        blocks.push(Block {
            lower,
            text,
            heading,
        });
    }
}

fn walk_text(el: El, blocks: &mut Vec<Block>, current: &mut String, heading: bool) {
    for child in el.child_nodes() {
        match child {
            Child::Text(t) => current.push_str(t),
            Child::Element(e) => {
                let name = e.name();
                if e.is_not_rendered()
                    || matches!(name, "script" | "style" | "template" | "noscript" | "svg")
                {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    flush(blocks, current, heading);
                    let is_heading = matches!(
                        name,
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "summary" | "legend"
                    );
                    walk_text(e, blocks, current, is_heading);
                    flush(blocks, current, is_heading);
                } else {
                    current.push(' ');
                    walk_text(e, blocks, current, heading);
                    current.push(' ');
                }
            }
        }
    }
}

/// The positions of each word of a lower-case text, so that each phrase is looked up by its
/// first word instead of scanning the whole text once per phrase.
struct WordIndex<'t> {
    text: &'t str,
    words: HashMap<&'t str, Vec<usize>>,
}

impl<'t> WordIndex<'t> {
    fn new(text: &'t str) -> Self {
        let mut words: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.entry(&text[s..i]).or_default().push(s);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.entry(&text[s..]).or_default().push(s);
        }
        WordIndex { text, words }
    }

    /// The first position of `phrase` (lower case) between word boundaries.
    fn find(&self, phrase: &str) -> Option<usize> {
        let first_end = phrase
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(phrase.len());
        let positions = self.words.get(&phrase[..first_end])?;
        positions.iter().copied().find(|&at| {
            let end = at + phrase.len();
            self.text[at..].starts_with(phrase)
                && !self.text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
    }
}

/// Whether `hay` contains `needle` (ASCII, lower case), in any ASCII case, without
/// allocating: attribute values are checked on every element.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `text` (lower case) contains `phrase` (lower case) between word boundaries.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    find_phrase(text, phrase).is_some()
}

fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return Some(start);
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Wording that puts a task behind an account (gathered from council "My account"
/// gateways: Jadu, Granicus/Firmstep, Salesforce portals).
const ACCOUNT_WORDING: &[&str] = &[
    "sign in to",
    "sign in or create",
    "sign in or register",
    "log in to",
    "login to",
    "log in or register",
    "log in or create",
    "create an account",
    "register for an account",
    "you need an account",
    "you will need an account",
    "you'll need an account",
    "you must have an account",
    "you need to sign in",
    "you must sign in",
    "you need to log in",
    "you must log in",
    "you must be signed in",
    "you must be logged in",
];

/// Wording that offers the task without an account.
const GUEST_WORDING: &[&str] = &[
    "continue as guest",
    "continue as a guest",
    "as a guest",
    "without an account",
    "without signing in",
    "without logging in",
    "without registering",
    "without creating an account",
    "guest checkout",
];

/// GOV.UK's and councils' wording before a transaction starts.
const BEFORE_YOU_START: &[&str] = &[
    "before you start",
    "before you begin",
    "before you apply",
    "before you report",
    "before you pay",
    "you will need",
    "you'll need",
    "what you need",
    "what you'll need",
    "what you will need",
    "have the following ready",
    "make sure you have",
];

/// Service status and disruption wording (LocalGov Drupal's service status module,
/// councils' "service updates" banners).
const SERVICE_STATUS: &[&str] = &[
    "service status",
    "service update",
    "service updates",
    "service disruption",
    "service disruptions",
    "disruption to",
    "disruptions to",
    "changes to services",
    "changes to collections",
    "current disruptions",
    "service alert",
    "service alerts",
    "current service issues",
];

/// What search engines councils use (Funnelback, Drupal Search API, Jadu) say when a query
/// finds nothing.
const NO_RESULTS: &[&str] = &[
    "no results",
    "0 results",
    "no matching results",
    "did not match any",
    "did not return any",
    "returned no results",
    "no matches",
    "nothing found",
    "no pages were found",
    "could not find any",
];

const OPENING_HEADINGS: &[&str] = &[
    "opening hours",
    "opening times",
    "open hours",
    "when we are open",
    "when we're open",
    "hours of business",
    "office hours",
];

const RELAY: &[&str] = &[
    "relay uk",
    "textphone",
    "text relay",
    "typetalk",
    "next generation text",
    "british sign language",
    "bsl",
    "signvideo",
    "18001",
];

fn read_text(blocks: &[Block], summary: &mut PageSummary) {
    // One lower-case text for the whole content: each phrase is looked for once, not once
    // per block.
    let mut all = String::new();
    let mut starts = Vec::with_capacity(blocks.len());
    for b in blocks {
        starts.push(all.len());
        all.push_str(&b.lower);
        all.push('\n');
    }
    let words = WordIndex::new(&all);
    let has = |phrase: &str| words.find(phrase).is_some();
    let quote = |phrases: &[&str]| {
        let at = phrases.iter().filter_map(|p| words.find(p)).min()?;
        let block = starts.partition_point(|&s| s <= at) - 1;
        Some(truncate(&blocks[block].text))
    };
    let signals = &mut summary.signals;
    signals.account_wording = quote(ACCOUNT_WORDING);
    signals.guest_option = quote(GUEST_WORDING);
    signals.before_you_start = quote(BEFORE_YOU_START);
    signals.service_status = quote(SERVICE_STATUS);
    signals.relay = quote(RELAY);
    signals.no_results = quote(NO_RESULTS);
    signals.weekdays = DAYS[..7].iter().any(|d| has(d));
    // Abbreviated days ("Mon to Fri") go with a full one or "weekdays" almost always; the
    // three-letter names alone hit many words.
    let any_day = signals.weekdays || DAYS.iter().any(|d| has(d));
    let heading = OPENING_HEADINGS.iter().any(|p| has(p));
    signals.opening_hours = blocks
        .iter()
        .find(|b| {
            heading
                && (b.heading || b.text.len() < 80)
                && OPENING_HEADINGS.iter().any(|p| has_phrase(&b.lower, p))
        })
        .or_else(|| {
            any_day
                .then(|| blocks.iter().find(|b| day_and_time(&b.lower)))
                .flatten()
        })
        .map(|b| truncate(&b.text));
    signals.other_tier_services = other_tier_services(blocks);
    signals.essential_cookies_only = quote(ESSENTIAL_COOKIES_ONLY);
    let digits = all.contains(['0', '+']);
    let at_sign = all.contains('@');
    for block in blocks {
        // A phone number has at least ten digits.
        if digits
            && block
                .text
                .bytes()
                .filter(u8::is_ascii_digit)
                .nth(9)
                .is_some()
        {
            for number in phone_numbers(&block.text) {
                push_unique(&mut summary.phones, number);
            }
        }
        if at_sign && block.text.contains('@') {
            for word in block.text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
                if let Some((user, domain)) = word.split_once('@') {
                    if !user.is_empty() && domain.contains('.') && !domain.ends_with('.') {
                        push_unique(&mut summary.emails, word.to_lowercase());
                    }
                }
            }
        }
    }
}

/// A cookie page's wording for a site that needs no consent (PECR exempts strictly
/// necessary cookies).
const ESSENTIAL_COOKIES_ONLY: &[&str] = &[
    "only use essential cookies",
    "only uses essential cookies",
    "only use strictly necessary cookies",
    "only uses strictly necessary cookies",
    "only use necessary cookies",
    "only set essential cookies",
    "do not use analytics cookies",
    "do not set analytics cookies",
    "don't use analytics cookies",
    "do not use any analytics",
];

/// Councils of a tier, as a two-tier area's pages name them.
const TIER_COUNCILS: &[&str] = &[
    "district council",
    "district councils",
    "borough council",
    "borough councils",
    "district or borough council",
    "district and borough councils",
    "city council",
    "county council",
];

/// Wording that gives a council services ("provides", "is responsible for").
const PROVIDES: &[&str] = &[
    "provides",
    "provide",
    "responsible for",
    "deals with",
    "deal with",
    "looks after",
    "look after",
    "provided by",
    "run by",
    "dealt with by",
    "handled by",
];

/// The passage that lists another tier's services: the sentence naming a tier of council
/// as the provider, the rest of its block, and what follows (the list) up to the next
/// heading. The sentence is the block's last such one: in "Shire County Council provides
/// roads. Your district council provides: …" the list is the district's.
fn other_tier_services(blocks: &[Block]) -> Vec<String> {
    // Every tier's name has "council" in it: most blocks are settled by that one search.
    let names_provider = |lower: &str| {
        lower.contains("council")
            && TIER_COUNCILS.iter().any(|c| has_phrase(lower, c))
            && PROVIDES.iter().any(|p| has_phrase(lower, p))
    };
    let Some(at) = blocks
        .iter()
        .position(|b| !b.heading && names_provider(&b.lower))
    else {
        return Vec::new();
    };
    let text = &blocks[at].text;
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.match_indices(". ")
                .chain(text.match_indices("? "))
                .chain(text.match_indices("! "))
                .map(|(i, _)| i + 2),
        )
        .collect();
    starts.sort_unstable();
    let from = starts
        .iter()
        .enumerate()
        .rev()
        .find(|&(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            names_provider(&text[start..end].to_lowercase())
        })
        .map_or(0, |(_, &start)| start);
    std::iter::once(truncate(&text[from..]))
        .chain(
            blocks[at + 1..]
                .iter()
                .take_while(|b| !b.heading)
                .take(20)
                .map(|b| truncate(&b.text)),
        )
        .collect()
}

const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "weekdays",
    "bank holidays",
];

/// A day name and a clock time in one block ("Monday to Friday, 9am to 5pm").
fn day_and_time(lower: &str) -> bool {
    DAYS.iter().any(|d| has_phrase(lower, d)) && has_clock_time(lower)
}

/// `9am`, `9.30am`, `9:30`, `17:00`, `noon`, `midday`.
fn has_clock_time(lower: &str) -> bool {
    if has_phrase(lower, "noon") || has_phrase(lower, "midday") {
        return true;
    }
    let b = lower.as_bytes();
    (0..b.len()).any(|i| {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            return false;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j - i > 2 {
            return false;
        }
        let mut colon_minutes = false;
        if matches!(b.get(j), Some(b':' | b'.'))
            && b.get(j + 1).is_some_and(u8::is_ascii_digit)
            && b.get(j + 2).is_some_and(u8::is_ascii_digit)
            && !b.get(j + 3).is_some_and(u8::is_ascii_digit)
        {
            colon_minutes = b[j] == b':';
            j += 3;
        }
        let rest = lower[j..].trim_start();
        let meridiem = (rest.starts_with("am") || rest.starts_with("pm"))
            && !rest[2..].starts_with(|c: char| c.is_ascii_alphabetic());
        colon_minutes || meridiem
    })
}

/// UK phone numbers written in `text`: `01234 567890`, `0300 123 4567`, `(01632) 960000`,
/// `+44 1632 960000`, `020 7946 0000`; a Relay UK prefix (`18001 01632 960000`) is kept
/// with its number. Dates, postcodes and reference numbers do not have the digits.
pub fn phone_numbers(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Jump to the next byte a number can start with.
        match text[i..].find(['0', '+', '(', '1']) {
            Some(next) => i += next,
            None => break,
        }
        let starts = match b[i] {
            b'0' => true,
            b'+' => text[i..].starts_with("+44"),
            b'(' => b.get(i + 1) == Some(&b'0'),
            b'1' => text[i..].starts_with("18001 "),
            _ => false,
        };
        if !starts || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/')) {
            i += 1;
            continue;
        }
        let relay = text[i..].starts_with("18001 ");
        let mut j = if relay { i + 6 } else { i };
        let mut digits = String::new();
        let mut last_digit = j;
        while j < b.len() {
            let c = b[j];
            if c.is_ascii_digit() {
                digits.push(c as char);
                last_digit = j + 1;
            } else if c == b'+' && j == i {
            } else if c == b'(' && digits.len() >= 10 {
                // A number's own brackets come first ("(01632) …", "+44 (0)…"); after a
                // whole number they start a note: "0116 496 0200 (24 hours)".
                break;
            } else if !(c == b' ' || c == b'(' || c == b')' || c == b'-')
                || (c == b' ' && b.get(j + 1) == Some(&b' '))
            {
                break;
            }
            j += 1;
            if digits.len() > 13 {
                break;
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("44") {
            // +44 (0)1632 960000: the (0) is dropped when dialling from abroad.
            format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
        } else {
            digits.clone()
        };
        let valid_prefix = national.starts_with('0')
            && matches!(
                national.as_bytes().get(1),
                Some(b'1' | b'2' | b'3' | b'5' | b'7' | b'8')
            );
        let followed_by_digit = b.get(last_digit).is_some_and(|c| c.is_ascii_digit());
        if valid_prefix && (10..=11).contains(&national.len()) && !followed_by_digit {
            found.push(text[i..last_digit].trim().to_string());
            i = last_digit;
        } else {
            i += 1;
        }
    }
    found
}

/// Scripts of consent managers councils use (Civic Cookie Control, Cookiebot, OneTrust, …),
/// by a fragment of their address.
const CONSENT_SCRIPTS: &[&str] = &[
    "civiccomputing.com",
    "cookiecontrol",
    "cookiebot",
    "onetrust",
    "cookielaw.org",
    "cookie-script.com",
    "cookieyes",
    "termly.io",
    "iubenda",
    "usercentrics",
    "trustarc",
    "quantcast",
    "klaro",
    "cookieconsent",
];

/// Analytics and advertising hosts whose scripts set cookies (ICO's examples of
/// non-essential cookies).
const TRACKERS: &[&str] = &[
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "connect.facebook.net",
    "hotjar.com",
    "clarity.ms",
    "siteimproveanalytics",
    "matomo",
];

/// Map libraries a location look-up uses.
const MAP_SCRIPTS: &[&str] = &["leaflet", "openlayers", "/ol.js", "arcgis", "esri"];

/// Field names, labels and autocomplete tokens of a location look-up.
const LOCATION_FIELDS: &[&str] = &[
    "postcode",
    "post code",
    "postal-code",
    "address",
    "uprn",
    "street",
];

fn is_location_field(input: &Input) -> bool {
    let described = format!(
        "{} {} {} {}",
        input.name, input.label, input.autocomplete, input.placeholder
    )
    .to_lowercase();
    LOCATION_FIELDS.iter().any(|f| described.contains(f)) && !described.contains("email")
}

const DOCUMENT_EXTENSIONS: &[&str] = &[".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx"];

/// Whether a URL names a document (PDF, Word, …) by its extension.
pub fn is_document_url(href: &str) -> bool {
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    DOCUMENT_EXTENSIONS.iter().any(|e| path.ends_with(e))
}

fn read_markup(doc: &Document, blocks: &[Block], summary: &mut PageSummary) {
    let signals = &mut summary.signals;
    // Downloadable forms: a document link whose text (or its block) names a form.
    for link in &summary.links {
        let lower = link.text.to_lowercase();
        let names_document = is_document_url(&link.href) || has_phrase(&lower, "pdf");
        let names_form = has_phrase(&lower, "form")
            || has_phrase(&lower, "application")
            || has_phrase(&lower, "claim");
        if names_document && names_form && signals.document_forms.len() < MAX_CONTACTS {
            signals
                .document_forms
                .push(format!("{} → {}", link.text, link.href));
        }
    }
    for el in doc.elements() {
        if !el.is_html() {
            continue;
        }
        match el.name() {
            "script" => {
                let src = el.attr("src").unwrap_or("").to_ascii_lowercase();
                if signals.cookie_banner.is_none() {
                    if let Some(cmp) = CONSENT_SCRIPTS.iter().find(|c| src.contains(*c)) {
                        signals.cookie_banner = Some(format!("consent manager script ({cmp})"));
                    }
                }
                let inline = if src.is_empty() {
                    el.text_content().to_ascii_lowercase()
                } else {
                    String::new()
                };
                if inline.contains("'consent'") || inline.contains("\"consent\"") {
                    signals.consent_mode |= inline.contains("default") && inline.contains("denied");
                }
                let json_ld = el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                let measuring = TRACKERS
                    .iter()
                    .chain(CONSENT_SCRIPTS)
                    .any(|t| src.contains(t) || inline.contains(t))
                    || inline.contains("gtag(")
                    || inline.contains("datalayer");
                let empty = src.is_empty() && inline.trim().is_empty();
                signals.app_scripts |= !json_ld && !measuring && !empty;
                for tracker in TRACKERS {
                    if (src.contains(tracker) || inline.contains(tracker))
                        && !signals.trackers.iter().any(|t| t == tracker)
                    {
                        signals.trackers.push(tracker.to_string());
                    }
                }
                if signals.location_lookup.is_none() {
                    if let Some(lib) = MAP_SCRIPTS.iter().find(|m| src.contains(*m)) {
                        signals.location_lookup =
                            Some(format!("map script ({})", lib.trim_start_matches('/')));
                    }
                }
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                {
                    read_json_ld(&el.text_content(), signals);
                }
            }
            "noscript" if signals.needs_javascript.is_none() => {
                let text = el.text_content().to_lowercase();
                if text.contains("javascript")
                    && (text.contains("enable")
                        || text.contains("required")
                        || text.contains("turn on"))
                {
                    signals.needs_javascript =
                        Some(truncate(&collapse_whitespace(&el.text_content())));
                }
            }
            "input" | "select" | "textarea" if signals.location_lookup.is_none() => {
                let described = [
                    el.attr("name").unwrap_or(""),
                    el.attr("id").unwrap_or(""),
                    el.attr("autocomplete").unwrap_or(""),
                    el.attr("placeholder").unwrap_or(""),
                    el.accessible_name(),
                ]
                .join(" ")
                .to_lowercase();
                if LOCATION_FIELDS.iter().any(|f| described.contains(f))
                    && !described.contains("email")
                {
                    signals.location_lookup = Some(format!(
                        "{} field \"{}\"",
                        if described.contains("post") {
                            "postcode"
                        } else {
                            "address"
                        },
                        truncate(el.accessible_name())
                    ));
                }
            }
            "button" if signals.script_actions.len() < MAX_CONTACTS => {
                let in_form =
                    el.ancestors().any(|a| a.name() == "form") || el.attr("form").is_some();
                let text = link_text(&el);
                if !in_form && is_call_to_action(&text) {
                    signals.script_actions.push(text);
                }
            }
            _ => {}
        }
        if el
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("openingHours"))
            && signals.opening_hours.is_none()
        {
            let value = el
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| collapse_whitespace(&el.text_content()));
            signals.opening_hours = Some(truncate(&format!("openingHours: {value}")));
        }
        if signals.cookie_banner.is_none() {
            let marks = [
                el.attr("id").unwrap_or(""),
                el.attr("class").unwrap_or(""),
                el.attr("aria-label").unwrap_or(""),
            ];
            let marked = marks.iter().any(|m| contains_ci(m, "cookie"))
                && marks.iter().any(|m| {
                    ["banner", "consent", "notice", "message"]
                        .iter()
                        .any(|w| contains_ci(m, w))
                });
            if marked && el.text_content().to_lowercase().contains("cookie") {
                signals.cookie_banner = Some(format!(
                    "cookie banner \"{}\"",
                    truncate(&collapse_whitespace(&el.text_content()))
                ));
                signals.cookie_choices = Some(consent_choices(&el));
            }
        }
        if signals.service_status.is_none() {
            let class = el.attr("class").unwrap_or("");
            if contains_ci(class, "service-status") || contains_ci(class, "service-update") {
                signals.service_status = Some(format!(
                    "service status markup: {}",
                    truncate(&collapse_whitespace(&el.text_content()))
                ));
            }
        }
    }
    // Next to no text, but scripts: the content is built in the browser.
    let text_len: usize = blocks.iter().map(|b| b.text.len()).sum();
    // (Analytics scripts build no content.)
    if signals.needs_javascript.is_none()
        && signals.app_scripts
        && text_len < 40
        && summary.forms.is_empty()
    {
        signals.needs_javascript = Some("the page has almost no text without its scripts".into());
    }
}

/// Calls to action that start a transaction (wording from council task pages and the GOV.UK
/// design system's start button).
pub const ACTION_WORDING: &[&str] = &[
    "start now",
    "pay online",
    "pay now",
    "pay it online",
    "make a payment",
    "report online",
    "report it online",
    "report it",
    "report now",
    "apply online",
    "apply now",
    "apply for",
    "book online",
    "book now",
    "book a",
    "request online",
    "request a",
    "register online",
    "renew online",
    "make a claim",
    "claim online",
    "complete the online form",
    "fill in the online form",
    "use our online form",
    "online form",
    "check your bin day",
    "check your collection day",
    "find your bin day",
    "find your collection day",
];

/// Whether a link or button text reads as a call to action.
pub fn is_call_to_action(text: &str) -> bool {
    let lower = text.to_lowercase();
    ACTION_WORDING.iter().any(|p| has_phrase(&lower, p))
}

/// Whether a cookie banner offers to accept and to reject, by its buttons' names.
fn consent_choices(banner: &El) -> (bool, bool) {
    let mut accept = false;
    let mut reject = false;
    for control in banner
        .descendants()
        .filter(|d| matches!(d.name(), "button" | "a" | "input"))
    {
        let name = control.accessible_name().to_lowercase();
        accept |= ["accept", "allow", "agree", "yes"]
            .iter()
            .any(|w| has_phrase(&name, w));
        reject |= [
            "reject",
            "decline",
            "refuse",
            "deny",
            "no thanks",
            "necessary only",
            "essential only",
            "only essential",
            "only necessary",
        ]
        .iter()
        .any(|w| has_phrase(&name, w));
    }
    (accept, reject)
}

/// A schema.org `BreadcrumbList` given as JSON-LD: its items' names and links, in position
/// order.
fn json_ld_breadcrumbs(doc: &Document, resolver: &Resolver) -> Vec<(String, String)> {
    for script in doc.elements_named(&["script"]) {
        let json_ld = script
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
        if !json_ld {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text_content()) else {
            continue;
        };
        let lists = match &value {
            serde_json::Value::Array(items) => items.iter().collect(),
            serde_json::Value::Object(map) => match map.get("@graph") {
                Some(serde_json::Value::Array(items)) => items.iter().collect(),
                _ => vec![&value],
            },
            _ => Vec::new(),
        };
        for list in lists {
            if list.get("@type").and_then(|t| t.as_str()) != Some("BreadcrumbList") {
                continue;
            }
            let Some(items) = list.get("itemListElement").and_then(|i| i.as_array()) else {
                continue;
            };
            let mut out: Vec<(i64, String, String)> = items
                .iter()
                .filter_map(|item| {
                    let position = item.get("position").and_then(|p| p.as_i64()).unwrap_or(0);
                    let target = item.get("item");
                    let name = item
                        .get("name")
                        .or_else(|| target.and_then(|t| t.get("name")))
                        .and_then(|n| n.as_str())?;
                    let href = target
                        .and_then(|t| t.as_str().or_else(|| t.get("@id").and_then(|i| i.as_str())))
                        .and_then(|h| resolver.resolve(h))
                        .map(|u| u.to_string())
                        .unwrap_or_default();
                    Some((position, truncate(&collapse_whitespace(name)), href))
                })
                .collect();
            out.sort_by_key(|(position, _, _)| *position);
            out.truncate(10);
            return out
                .into_iter()
                .map(|(_, name, href)| (name, href))
                .collect();
        }
    }
    Vec::new()
}

fn read_json_ld(text: &str, signals: &mut Signals) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let mut stack = vec![&value];
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 2_000 {
            break;
        }
        match v {
            serde_json::Value::Object(map) => {
                for key in ["openingHours", "openingHoursSpecification"] {
                    if let Some(hours) = map.get(key) {
                        if signals.opening_hours.is_none() {
                            let shown = match hours {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string(),
                            };
                            signals.opening_hours = Some(truncate(&format!("{key}: {shown}")));
                        }
                    }
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

fn viewport(doc: &Document) -> Viewport {
    let Some(meta) = doc.elements_named(&["meta"]).find(|m| {
        m.attr("name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
    }) else {
        return Viewport::Missing;
    };
    let content = meta.attr("content").unwrap_or("").to_string();
    let lower = content.to_ascii_lowercase();
    let mut blocks = false;
    for pair in lower.split([',', ';']) {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "user-scalable" => {
                blocks |= value == "no"
                    || value == "0"
                    || value
                        .parse::<f64>()
                        .is_ok_and(|v| v.abs() < 1.0 && v > -1.0)
            }
            "maximum-scale" => blocks |= value.parse::<f64>().is_ok_and(|v| v < 2.0),
            _ => {}
        }
    }
    if blocks {
        Viewport::BlocksZoom(content)
    } else {
        Viewport::Ok(content)
    }
}

/// Breadcrumb trails: `nav` labelled breadcrumb, an element whose class names a
/// breadcrumb, or microdata `BreadcrumbList`; items are its links and its last item.
fn breadcrumbs(doc: &Document, resolver: &Resolver) -> Vec<(String, String)> {
    let trail = doc.elements().find(|e| {
        if !e.is_html() || e.is_not_rendered() {
            return false;
        }
        let label = e.attr("aria-label").unwrap_or("");
        let class = e.attr("class").unwrap_or("");
        let itemtype = e.attr("itemtype").unwrap_or("");
        contains_ci(label, "breadcrumb")
            || class
                .split_ascii_whitespace()
                .any(|c| contains_ci(c, "breadcrumb") && !contains_ci(c, "breadcrumb__"))
            || itemtype.ends_with("BreadcrumbList")
    });
    let Some(trail) = trail else {
        return json_ld_breadcrumbs(doc, resolver);
    };
    let items: Vec<El> = trail.descendants().filter(|d| d.name() == "li").collect();
    let mut out = Vec::new();
    if items.is_empty() {
        for a in trail.descendants().filter(|d| d.name() == "a") {
            let href = a.attr("href").and_then(|h| resolver.resolve(h));
            out.push((
                link_text(&a),
                href.map(|u| u.to_string()).unwrap_or_default(),
            ));
        }
    } else {
        for li in items {
            let link = li.descendants().find(|d| d.name() == "a");
            let href = link
                .and_then(|a| a.attr("href"))
                .and_then(|h| resolver.resolve(h))
                .map(|u| u.to_string())
                .unwrap_or_default();
            let text = truncate(&collapse_whitespace(&li.text_content()));
            if !text.is_empty() {
                out.push((text, href));
            }
        }
    }
    out.truncate(10);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(html: &str) -> PageSummary {
        let url = Url::parse("https://www.council.example/bins/missed").unwrap();
        PageSummary::from_document(&crate::parse_document(html), &url, None)
    }

    #[test]
    fn links_with_regions_and_contacts() {
        let s = summary(
            r##"<header><a href="/">Home</a><nav><a href="/bins">Bins</a></nav></header>
            <nav aria-label="Main"><a href="/pay">Pay</a></nav>
            <main><a href="report#start">Report <b>it</b>
            online</a> <a href="mailto:bins@council.example?subject=x">Email</a>
            <a href="tel:+441632960000">01632 960000</a> <a href="#">Start now</a></main>
            <footer><nav><a href="/privacy">Privacy</a></nav></footer>"##,
        );
        let got: Vec<(&str, &str, Region)> = s
            .links
            .iter()
            .map(|l| (&*l.href, &*l.text, l.region))
            .collect();
        assert_eq!(
            got,
            [
                ("https://www.council.example/", "Home", Region::Header),
                ("https://www.council.example/bins", "Bins", Region::Header),
                ("https://www.council.example/pay", "Pay", Region::Nav),
                (
                    "https://www.council.example/bins/report",
                    "Report it online",
                    Region::Main
                ),
                (
                    "https://www.council.example/privacy",
                    "Privacy",
                    Region::Footer
                ),
            ]
        );
        assert_eq!(s.emails, ["bins@council.example"]);
        assert_eq!(s.phones, ["01632 960000"]);
        assert_eq!(s.signals.script_actions, ["Start now"]);
    }

    #[test]
    fn div_headers_and_footers_named_by_templates() {
        let s = summary(
            r#"<div id="header"><a href="/a">A</a></div>
            <div class="content"><div class="card-header"><a href="/b">B</a></div></div>
            <div class="site-footer wrapper"><a href="/c">C</a></div>"#,
        );
        let regions: Vec<Region> = s.links.iter().map(|l| l.region).collect();
        assert_eq!(regions, [Region::Header, Region::Other, Region::Footer]);
    }

    #[test]
    fn odd_text_does_not_trip_the_readers() {
        // Non-ASCII text, digits at the very end, a lone "+", a phrase at the end of a block.
        let s = summary(
            "<main><p>Ffôn: 01632 960000</p><p>Opening hours</p><p>café + 0</p>\
             <p>You will need</p><p>Rhif: ０１６３２ ９６００００ 0</p></main>",
        );
        assert_eq!(s.phones, ["01632 960000"]);
        assert!(s.signals.opening_hours.is_some());
        assert_eq!(s.signals.before_you_start.as_deref(), Some("You will need"));
    }

    #[test]
    fn folder_sites_resolve_root_relative_links_in_the_folder() {
        let root = Url::parse("file:///srv/site/").unwrap();
        let url = Url::parse("file:///srv/site/bins/index.html").unwrap();
        let doc = crate::parse_document(r#"<a href="/news/">News</a> <a href="missed.html">M</a>"#);
        let s = PageSummary::from_document(&doc, &url, Some(&root));
        let hrefs: Vec<&str> = s.links.iter().map(|l| &*l.href).collect();
        assert_eq!(
            hrefs,
            [
                "file:///srv/site/news/index.html",
                "file:///srv/site/bins/missed.html"
            ]
        );
    }

    #[test]
    fn forms_search_login_look_up_and_transaction() {
        let s = summary(
            r#"<header><form action="/search"><label>Search <input name="q"></label></form></header>
            <main>
            <form method="post" action="/login"><input name="user" aria-label="Email">
              <input type="password" name="pw" aria-label="Password"></form>
            <form action="/bins/day"><label for=p>Postcode</label>
              <input id=p name="postcode" autocomplete="postal-code"></form>
            <form method="post" action="/bins/report"><input type=hidden name=t value=1>
              <label>Name <input name="name" autocomplete="name"></label>
              <textarea name="details" aria-label="What happened"></textarea>
              <button>Send</button></form>
            </main>"#,
        );
        assert_eq!(s.forms.len(), 4);
        let search = &s.forms[0];
        assert!(search.is_search && search.in_header);
        assert_eq!(search.method, FormMethod::Get);
        assert_eq!(search.action, "https://www.council.example/search");
        let login = &s.forms[1];
        assert!(login.has_password && !login.is_search && !login.is_transaction());
        let look_up = &s.forms[2];
        assert!(look_up.is_location && !look_up.is_search);
        let report = &s.forms[3];
        assert!(report.is_transaction() && !report.in_header);
        assert_eq!(report.method, FormMethod::Post);
        assert_eq!(report.hidden, [("t".to_string(), "1".to_string())]);
        let fields: Vec<(&str, &str, &str)> = report
            .inputs
            .iter()
            .map(|i| (i.kind.as_str(), i.label.as_str(), i.autocomplete.as_str()))
            .collect();
        assert_eq!(
            fields,
            [("text", "Name", "name"), ("textarea", "What happened", "")]
        );
        assert!(s.signals.location_lookup.is_some());
    }

    #[test]
    fn uk_phone_numbers() {
        assert_eq!(
            phone_numbers("Call 01234 567890 or 0300 123 4567, or +44 (0)1632 960000."),
            ["01234 567890", "0300 123 4567", "+44 (0)1632 960000"]
        );
        assert_eq!(
            phone_numbers("Relay UK: 18001 0118 496 0000"),
            ["18001 0118 496 0000"]
        );
        assert_eq!(
            phone_numbers("(01632) 960000 and 020 7946 0000"),
            ["(01632) 960000", "020 7946 0000"]
        );
        // Dates, postcodes, references and too-short numbers are not phone numbers.
        assert!(phone_numbers("on 07 12 2026 at KF1 1CC, ref 0042-1234, 0800 12").is_empty());
        assert_eq!(
            phone_numbers("call us on 0116 496 0200 (24 hours)."),
            ["0116 496 0200"]
        );
    }

    #[test]
    fn account_wall_and_guest_wording() {
        let wall = summary("<main><p>Sign in to your account or create an account to report a missed bin.</p></main>");
        assert!(wall.signals.account_wording.is_some());
        assert!(wall.signals.guest_option.is_none());
        let guest = summary("<main><p>Sign in to track it, or continue as a guest.</p></main>");
        assert!(guest.signals.guest_option.is_some());
        // "Sign in" in the header is not the page asking for an account.
        let header = summary(
            r#"<header><a href="/account">Sign in to My Account</a></header><main><p>Report it.</p></main>"#,
        );
        assert!(header.signals.account_wording.is_none());
    }

    #[test]
    fn before_you_start_status_relay_and_documents() {
        let s = summary(
            r#"<main><h2>Before you start</h2><p>You will need your address.</p>
            <div class="service-status">Collections are running normally</div>
            <p>Textphone users can call via Relay UK on 18001 01632 960000.</p>
            <p><a href="/forms/missed-bin.pdf">Missed bin claim form (PDF, 80KB)</a>
               <a href="/leaflet.pdf">Recycling leaflet</a></p></main>"#,
        );
        assert_eq!(
            s.signals.before_you_start.as_deref(),
            Some("Before you start")
        );
        assert!(s.signals.service_status.is_some());
        assert!(s.signals.relay.is_some());
        assert_eq!(
            s.signals.document_forms,
            ["Missed bin claim form (PDF, 80KB) → https://www.council.example/forms/missed-bin.pdf"]
        );
    }

    #[test]
    fn opening_hours_three_ways() {
        let heading = summary("<main><h2>Opening times</h2><p>Varies.</p></main>");
        assert_eq!(
            heading.signals.opening_hours.as_deref(),
            Some("Opening times")
        );
        let days = summary("<main><p>Open Monday to Friday, 8.30am to 5pm.</p></main>");
        assert!(days.signals.opening_hours.is_some());
        let schema = summary(
            r#"<main><span itemprop="openingHours" content="Mo-Fr 09:00-17:00">Weekdays</span></main>"#,
        );
        assert_eq!(
            schema.signals.opening_hours.as_deref(),
            Some("openingHours: Mo-Fr 09:00-17:00")
        );
        let json_ld = summary(
            r#"<script type="application/ld+json">{"@type":"Place","openingHours":"Sa 08:00-16:00"}</script><main><p>The tip.</p></main>"#,
        );
        assert_eq!(
            json_ld.signals.opening_hours.as_deref(),
            Some("openingHours: Sa 08:00-16:00")
        );
        // A day and a number that is not a time is not opening hours.
        let none = summary("<main><p>Monday 3 March: 2 bins.</p></main>");
        assert!(none.signals.opening_hours.is_none());
    }

    #[test]
    fn viewport_zoom() {
        assert_eq!(summary("<p>x").viewport, Viewport::Missing);
        let ok = summary(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
        assert!(matches!(ok.viewport, Viewport::Ok(_)));
        for blocked in [
            "width=device-width, user-scalable=no",
            "width=device-width, maximum-scale=1.0",
        ] {
            let s = summary(&format!(r#"<meta name="viewport" content="{blocked}">"#));
            assert!(matches!(s.viewport, Viewport::BlocksZoom(_)), "{blocked}");
        }
    }

    #[test]
    fn cookie_banner_trackers_and_scripts() {
        let s = summary(
            r#"<div class="cookie-banner"><p>We use cookies.</p><button>Accept all cookies</button>
            <button>Reject additional cookies</button></div>
            <script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><main><p>Hi</p></main>"#,
        );
        assert!(s.signals.cookie_banner.is_some());
        assert_eq!(s.signals.cookie_choices, Some((true, true)));
        assert_eq!(s.signals.trackers, ["googletagmanager.com"]);
        let accept_only = summary(
            r#"<div id="cookie-notice">Cookies help us. <button>Accept</button> <a href="/cookies">Settings</a></div>"#,
        );
        assert_eq!(accept_only.signals.cookie_choices, Some((true, false)));
        let cmp = summary(
            r#"<script src="https://cc.cdn.civiccomputing.com/9/cookieControl-9.x.min.js"></script>"#,
        );
        assert!(cmp
            .signals
            .cookie_banner
            .is_some_and(|b| b.contains("civiccomputing.com")));
        let js = summary(
            r#"<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/app.js"></script>"#,
        );
        assert!(js.signals.needs_javascript.is_some());
        let map = summary(
            r#"<script src="/js/leaflet.js"></script><main><p>Report it on the map.</p></main>"#,
        );
        assert_eq!(
            map.signals.location_lookup.as_deref(),
            Some("map script (leaflet)")
        );
    }

    #[test]
    fn breadcrumbs_title_h1_and_statement() {
        let s = summary(
            r#"<title> Accessibility   statement | Council </title>
            <nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
            <li><a href="/about">About this site</a></li><li>Accessibility statement</li></ol></nav>
            <main><h1>Accessibility statement for council.example</h1></main>"#,
        );
        assert_eq!(s.title, "Accessibility statement | Council");
        assert_eq!(s.h1, "Accessibility statement for council.example");
        assert_eq!(
            s.breadcrumbs,
            [
                (
                    "Home".to_string(),
                    "https://www.council.example/".to_string()
                ),
                (
                    "About this site".to_string(),
                    "https://www.council.example/about".to_string()
                ),
                ("Accessibility statement".to_string(), String::new()),
            ]
        );
        assert!(s.is_statement_candidate);
        assert!(!summary("<h1>Bins</h1>").is_statement_candidate);
    }

    #[test]
    fn json_ld_breadcrumbs() {
        let s = summary(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList",
            "itemListElement":[{"@type":"ListItem","position":2,"name":"Bins","item":"https://www.council.example/bins"},
            {"@type":"ListItem","position":1,"name":"Home","item":"https://www.council.example/"},
            {"@type":"ListItem","position":3,"name":"Missed bins"}]}</script><h1>Missed bins</h1>"#,
        );
        let names: Vec<&str> = s.breadcrumbs.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Home", "Bins", "Missed bins"]);
        assert_eq!(s.breadcrumbs[1].1, "https://www.council.example/bins");
        assert_eq!(s.breadcrumbs[2].1, "");
    }

    #[test]
    fn texts_are_truncated_and_links_capped() {
        let long = "word ".repeat(100);
        let many: String = (0..MAX_LINKS + 50)
            .map(|i| format!(r#"<a href="/p{i}">{long}</a>"#))
            .collect();
        let s = summary(&many);
        assert_eq!(s.links.len(), MAX_LINKS);
        assert!(s.links[0].text.chars().count() <= MAX_TEXT + 1);
        assert!(s.links[0].text.ends_with('…'));
    }

    #[test]
    fn every_tier_council_name_says_council() {
        // other_tier_services skips blocks without "council" before matching these.
        assert!(TIER_COUNCILS.iter().all(|c| c.contains("council")));
    }

    #[test]
    fn a_passage_on_what_another_council_provides() {
        let s = summary(
            r#"<main><h1>Who does what</h1><p>We run schools and roads.</p>
            <p>Borough councils provide:</p><ul><li>council tax</li><li>bin collections</li></ul>
            <h2>Contact your borough</h2><p>See their websites.</p></main>"#,
        );
        assert_eq!(
            s.signals.other_tier_services,
            [
                "Borough councils provide:",
                "council tax",
                "bin collections"
            ]
        );
        // From the sentence about the other council: the county's own services before it
        // are not the district's.
        let s = summary(
            "<main><p>Shire County Council provides roads and schools. Your district council \
             provides:</p><ul><li>council tax</li></ul></main>",
        );
        assert_eq!(
            s.signals.other_tier_services,
            ["Your district council provides:", "council tax"]
        );
        // Naming a council without saying what it provides is not that passage.
        let s = summary("<main><p>Visit the county council website.</p></main>");
        assert!(s.signals.other_tier_services.is_empty());
    }

    #[test]
    fn a_cookie_page_that_sets_only_essential_cookies() {
        let s = summary("<main><h1>Cookies</h1><p>We only use essential cookies to make this site work.</p></main>");
        assert!(s.signals.essential_cookies_only.is_some());
        let s =
            summary("<main><h1>Cookies</h1><p>We use essential and analytics cookies.</p></main>");
        assert!(s.signals.essential_cookies_only.is_none());
    }
}
