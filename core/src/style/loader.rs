//! External style sheets without I/O: the engine asks a caller-supplied
//! [`ResourceLoader`] for each `<link rel=stylesheet>` and `@import`, by absolute URL.

use std::collections::{HashMap, HashSet};

use url::Url;

use super::media::{Device, Media, MediaQueryList};
use super::StyleSheet;

/// Supplies the text of external style sheets. The engine never does I/O itself: the
/// command-line tool fetches over HTTP or reads files, a browser build can hand over what
/// it prefetched (see [`stylesheet_urls`]).
///
/// Closures and maps of URL → CSS text are loaders too:
///
/// ```
/// use std::collections::HashMap;
/// use frontdesk_core::ResourceLoader;
///
/// let mut sheets = HashMap::new();
/// sheets.insert("https://council.example/site.css".to_string(), "p { color: #777 }".to_string());
/// assert!(sheets.stylesheet("https://council.example/site.css").is_some());
///
/// let closure = |url: &str| (url == "https://a.example/x.css").then(|| "p{}".to_string());
/// assert!(closure.stylesheet("https://a.example/x.css").is_some());
/// ```
pub trait ResourceLoader {
    /// The CSS text at `absolute_url`, or `None` when it cannot be had (the sheet is then
    /// left out, as a browser leaves out a sheet that fails to load).
    fn stylesheet(&self, absolute_url: &str) -> Option<String>;
}

/// A loader that loads nothing: only the page's own `<style>` elements and `style`
/// attributes apply. [`crate::audit`] uses it.
///
/// ```
/// use frontdesk_core::{NoLoader, ResourceLoader};
/// assert_eq!(NoLoader.stylesheet("https://a.example/site.css"), None);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLoader;

impl ResourceLoader for NoLoader {
    fn stylesheet(&self, _: &str) -> Option<String> {
        None
    }
}

impl<F: Fn(&str) -> Option<String>> ResourceLoader for F {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        self(absolute_url)
    }
}

impl<S: std::hash::BuildHasher> ResourceLoader for HashMap<String, String, S> {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        self.get(absolute_url).cloned()
    }
}

/// How deep `@import` chains are followed (a sheet imported by a linked sheet is depth 1).
pub const MAX_IMPORT_DEPTH: u32 = 5;

/// At most this many external sheets are loaded for one page.
const MAX_SHEETS: usize = 128;

/// A source of author style, in document order.
pub enum SheetSource<'a> {
    /// A `<style>` element.
    Inline {
        /// Its text.
        css: String,
        /// Its `media` attribute (empty when absent).
        media: &'a str,
    },
    /// A `<link rel=stylesheet>`.
    Link {
        /// Its `href`, as written.
        href: &'a str,
        /// Its `media` attribute (empty when absent).
        media: &'a str,
    },
}

/// The document's base URL: the first `<base href>`, resolved against the page URL.
pub fn base_url(page_url: &str, base_href: Option<&str>) -> Option<Url> {
    let page = Url::parse(page_url).ok();
    match (base_href, &page) {
        (Some(href), Some(page)) => crate::urls::join(page, href.trim()).or(Some(page.clone())),
        (Some(href), None) => Url::parse(href.trim()).ok(),
        (None, page) => page.clone(),
    }
}

/// Whether a `<link>` with these attributes is a style sheet a browser applies.
pub(crate) fn is_stylesheet_link(rel: Option<&str>, type_: Option<&str>, disabled: bool) -> bool {
    let Some(rel) = rel else { return false };
    let mut stylesheet = false;
    for token in rel.split_ascii_whitespace() {
        if token.eq_ignore_ascii_case("alternate") {
            return false;
        }
        stylesheet |= token.eq_ignore_ascii_case("stylesheet");
    }
    let css_type =
        type_.is_none_or(|t| t.trim().is_empty() || t.trim().eq_ignore_ascii_case("text/css"));
    stylesheet && css_type && !disabled
}

struct Load<'l> {
    loader: &'l dyn ResourceLoader,
    seen: HashSet<String>,
    loaded: usize,
}

impl Load<'_> {
    /// Parses `css`, loading its imports first, and appends the sheets in cascade order.
    fn sheet(
        &mut self,
        css: &str,
        base: Option<&Url>,
        media: Media,
        depth: u32,
        out: &mut Vec<StyleSheet>,
    ) {
        let mut sheet = StyleSheet::parse(css);
        for import in std::mem::take(&mut sheet.imports) {
            let media = media.and_all(&import.media);
            if !media.matches_any(&Device::AUDITED) || depth >= MAX_IMPORT_DEPTH {
                continue;
            }
            if let Some(url) = resolve(base, &import.url) {
                self.external(url, media, depth + 1, out);
            }
        }
        sheet.media = media;
        out.push(sheet);
    }

    fn external(&mut self, url: Url, media: Media, depth: u32, out: &mut Vec<StyleSheet>) {
        if self.loaded >= MAX_SHEETS || !self.seen.insert(url.as_str().to_string()) {
            return;
        }
        self.loaded += 1;
        if let Some(css) = self.loader.stylesheet(url.as_str()) {
            self.sheet(&css, Some(&url), media, depth, out);
        }
        self.seen.remove(url.as_str());
    }
}

fn resolve(base: Option<&Url>, href: &str) -> Option<Url> {
    let href = href.trim();
    match base {
        Some(b) => crate::urls::join(b, href),
        None => Url::parse(href).ok(),
    }
}

/// Builds the author style sheets of a page in cascade order, following links and
/// `@import`s through the loader.
pub fn load_sheets(
    sources: Vec<SheetSource>,
    base: Option<&Url>,
    loader: &dyn ResourceLoader,
) -> Vec<StyleSheet> {
    let mut load = Load {
        loader,
        seen: HashSet::new(),
        loaded: 0,
    };
    let mut out = Vec::new();
    for source in sources {
        match source {
            SheetSource::Inline { css, media } => {
                let media = sheet_media(media);
                if media.matches_any(&Device::AUDITED) {
                    load.sheet(&css, base, media, 0, &mut out);
                }
            }
            SheetSource::Link { href, media } => {
                let media = sheet_media(media);
                if !media.matches_any(&Device::AUDITED) {
                    continue;
                }
                if let Some(url) = resolve(base, href) {
                    load.external(url, media, 0, &mut out);
                }
            }
        }
    }
    out
}

/// The media of a sheet from a `media` attribute. Sheets for media none of the screens an
/// audit consults match ([`Device::AUDITED`]) are neither loaded nor parsed.
fn sheet_media(attribute: &str) -> Media {
    Media::default().and(MediaQueryList::parse(attribute))
}

/// The absolute URLs of the style sheets a page links (`<link rel=stylesheet href>`,
/// resolved against `<base href>` and `page_url`), in document order, for callers that
/// prefetch before calling [`crate::audit_with_loader`]. Sheets for other media (`print`)
/// are left out; `@import`s inside the sheets are found with [`import_urls`].
///
/// ```
/// let html = r#"<base href="/assets/"><link rel="stylesheet" href="site.css">
///               <link rel="stylesheet" href="print.css" media="print">
///               <link rel="icon" href="favicon.ico">"#;
/// let urls = frontdesk_core::stylesheet_urls(html, "https://council.example/bins/");
/// assert_eq!(urls, ["https://council.example/assets/site.css"]);
/// ```
pub fn stylesheet_urls(html: &str, page_url: &str) -> Vec<String> {
    let doc = crate::html::tree::Html::parse_document(html);
    let selector =
        crate::html::tree::Selector::parse("base[href], link[href]").expect("valid selector");
    let mut base_href = None;
    let mut links = Vec::new();
    for el in doc.select(&selector) {
        let e = el.value();
        if e.name() == "base" {
            base_href = base_href.or(e.attr("href"));
        } else if is_stylesheet_link(e.attr("rel"), e.attr("type"), e.attr("disabled").is_some())
            && sheet_media(e.attr("media").unwrap_or("")).matches_any(&Device::AUDITED)
        {
            links.push(e.attr("href").unwrap_or(""));
        }
    }
    let base = base_url(page_url, base_href);
    links
        .into_iter()
        .filter_map(|href| resolve(base.as_ref(), href))
        .map(String::from)
        .collect()
}

/// The absolute URLs a style sheet `@import`s (for media one of [`Device::AUDITED`] matches),
/// resolved against the sheet's own URL.
///
/// ```
/// let css = "@import url(base.css); @import 'print.css' print; p { color: red }";
/// let urls = frontdesk_core::import_urls(css, "https://council.example/css/site.css");
/// assert_eq!(urls, ["https://council.example/css/base.css"]);
/// ```
pub fn import_urls(css: &str, sheet_url: &str) -> Vec<String> {
    let base = Url::parse(sheet_url).ok();
    StyleSheet::parse(css)
        .imports
        .iter()
        .filter_map(|i| resolve(base.as_ref(), &i.url))
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_followed_in_order_with_depth_limit_and_cycles() {
        let loader = |url: &str| -> Option<String> {
            match url {
                "https://a.example/css/a.css" => Some("@import 'b.css'; .a{color:red}".into()),
                "https://a.example/css/b.css" => {
                    Some("@import url(/css/a.css); .b{color:red}".into())
                }
                "https://a.example/loop.css" => Some("@import 'loop.css';".into()),
                _ => None,
            }
        };
        let base = Url::parse("https://a.example/page.html").unwrap();
        let sheets = load_sheets(
            vec![
                SheetSource::Link {
                    href: "css/a.css",
                    media: "",
                },
                SheetSource::Inline {
                    css: "@import 'loop.css'; .c{color:red}".into(),
                    media: "",
                },
                SheetSource::Link {
                    href: "print.css",
                    media: "print",
                },
            ],
            Some(&base),
            &loader,
        );
        let sizes: Vec<usize> = sheets.iter().map(|s| s.len()).collect();
        // b (its import of a is a cycle), a, loop (its self-import is a cycle), inline.
        assert_eq!(sizes, [1, 1, 0, 1]);
    }

    #[test]
    fn link_filter() {
        assert!(is_stylesheet_link(Some("Stylesheet"), None, false));
        assert!(!is_stylesheet_link(
            Some("alternate stylesheet"),
            None,
            false
        ));
        assert!(!is_stylesheet_link(
            Some("stylesheet"),
            Some("text/less"),
            false
        ));
        assert!(!is_stylesheet_link(Some("preload"), None, false));
        assert!(!is_stylesheet_link(Some("stylesheet"), None, true));
    }
}
