//! What the HTML standard's user agent gives an element without any author input: default
//! `display`, native focusability, disabled state, input types.

use scraper::ElementRef;

use super::El;
use crate::style::Display;

/// Default `display` from HTML's rendering section (§15), enough to tell not-rendered,
/// block and inline content apart.
pub(super) fn default_display(element: ElementRef) -> Display {
    let e = element.value();
    let html = &*e.name.ns == "http://www.w3.org/1999/xhtml";
    if !html {
        // SVG: non-rendered containers.
        return match e.name() {
            "defs" | "title" | "desc" | "metadata" | "symbol" | "clipPath" | "mask" | "pattern"
            | "linearGradient" | "radialGradient" | "filter" | "marker" | "style" | "script" => {
                Display::None
            }
            _ => Display::Inline,
        };
    }
    if e.attr("hidden").is_some() {
        // `hidden="until-found"` is content-visibility hidden, still not rendered for us.
        return Display::None;
    }
    match e.name() {
        "head" | "script" | "style" | "template" | "title" | "meta" | "link" | "base"
        | "datalist" | "noscript" | "param" | "source" | "track" | "rp" | "noembed"
        | "noframes" => Display::None,
        "input" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) => Display::None,
        "dialog" if e.attr("open").is_none() => Display::None,
        "html" | "body" | "address" | "blockquote" | "center" | "dialog" | "div" | "figure"
        | "figcaption" | "footer" | "form" | "header" | "hr" | "legend" | "listing" | "main"
        | "p" | "plaintext" | "pre" | "search" | "xmp" | "article" | "aside" | "h1" | "h2"
        | "h3" | "h4" | "h5" | "h6" | "hgroup" | "nav" | "section" | "dir" | "dd" | "dl"
        | "dt" | "menu" | "ol" | "ul" | "li" | "table" | "caption" | "colgroup" | "col"
        | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "fieldset" | "details"
        | "summary" | "optgroup" | "option" | "frameset" | "frame" => Display::Block,
        _ => Display::Inline,
    }
}

/// Input types HTML defines; anything else is `text`.
const INPUT_TYPES: &[&str] = &[
    "button", "checkbox", "color", "date", "datetime-local", "email", "file", "hidden", "image",
    "month", "number", "password", "radio", "range", "reset", "search", "submit", "tel", "text",
    "time", "url", "week",
];

pub(super) fn input_type(el: &El) -> &'static str {
    let t = el.attr("type").unwrap_or("").trim();
    INPUT_TYPES.iter().find(|k| k.eq_ignore_ascii_case(t)).copied().unwrap_or("text")
}

/// Disabled per HTML: the attribute on a form control, or a disabled `<fieldset>` ancestor
/// unless the control is inside that fieldset's first `<legend>`.
pub(super) fn is_disabled(el: &El) -> bool {
    let form_control =
        matches!(el.name(), "button" | "input" | "select" | "textarea" | "optgroup" | "option" | "fieldset");
    if !form_control {
        return false;
    }
    if el.attr("disabled").is_some() {
        return true;
    }
    if el.name() == "option" {
        return el.parent().is_some_and(|p| p.name() == "optgroup" && p.attr("disabled").is_some());
    }
    let mut child = *el;
    for ancestor in el.ancestors() {
        if ancestor.name() == "fieldset" && ancestor.attr("disabled").is_some() {
            let first_legend = ancestor.children().find(|c| c.name() == "legend");
            let in_first_legend = first_legend.is_some_and(|l| l == child || child.is_descendant_of(&l));
            if !in_first_legend {
                return true;
            }
        }
        child = ancestor;
    }
    false
}

/// Focusable without `tabindex` (HTML "focusable area" defaults, as browsers implement them).
pub(super) fn is_natively_focusable(el: &El) -> bool {
    match el.name() {
        "a" => el.attr("href").is_some(),
        "area" => el.attr("href").is_some(),
        "button" | "select" | "textarea" => true,
        "input" => input_type(el) != "hidden",
        "summary" => el
            .parent()
            .is_some_and(|p| p.name() == "details" && p.children().find(|c| c.name() == "summary") == Some(*el)),
        "audio" | "video" => el.attr("controls").is_some(),
        _ => el
            .attr("contenteditable")
            .is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "" | "true" | "plaintext-only")),
    }
}
