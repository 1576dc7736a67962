//! What the HTML standard's user agent gives an element without any author input: default
//! `display`, native focusability, disabled state, input types.

use crate::html::tree::ElementRef;

use super::index::TagSet;
use super::{attr_bit, El};
use crate::style::{Display, Rgba, UaStyle};

/// The attributes [`ua_style`] reads; without any of them, an HTML element's UA style depends
/// on its name alone.
pub(super) const UA_ATTRIBUTES: &[&str] = &[
    "bgcolor", "color", "hidden", "href", "nowrap", "open", "text", "type",
];

/// What the UA style sheet (and presentational attributes such as `bgcolor` and
/// `<font color>`) give an element: default `display`, link and form-control colours,
/// heading sizes and weights, `pre`'s no-wrap.
/// `attr_bloom` is the element's attribute Bloom filter (see `NodeData::attr_bloom`).
pub(super) fn ua_style(element: ElementRef, attr_bloom: u64) -> UaStyle {
    let mut ua = UaStyle::display(default_display(element, attr_bloom));
    let e = element.value();
    if e.name.ns != html5ever::ns!(html) {
        return ua;
    }
    const BUTTON_FACE: Rgba = Rgba::rgb(0xef, 0xef, 0xef);
    match e.name() {
        "a" | "area" if e.attr("href").is_some() => {
            ua.color = Some(Rgba::rgb(0, 0, 0xee));
            ua.underline = true;
        }
        "u" | "ins" => ua.underline = true,
        "h1" => (ua.font_size_em, ua.font_weight) = (Some(2.0), Some(700)),
        "h2" => (ua.font_size_em, ua.font_weight) = (Some(1.5), Some(700)),
        "h3" => (ua.font_size_em, ua.font_weight) = (Some(1.17), Some(700)),
        "h4" => ua.font_weight = Some(700),
        "h5" => (ua.font_size_em, ua.font_weight) = (Some(0.83), Some(700)),
        "h6" => (ua.font_size_em, ua.font_weight) = (Some(0.67), Some(700)),
        "b" | "strong" | "th" => ua.font_weight = Some(700),
        "small" | "sub" | "sup" => ua.font_size_em = Some(1.0 / 1.2),
        "big" => ua.font_size_em = Some(1.2),
        "mark" => (ua.color, ua.background) = (Some(Rgba::BLACK), Some(Rgba::rgb(0xff, 0xff, 0))),
        "button" | "select" => (ua.color, ua.background) = (Some(Rgba::BLACK), Some(BUTTON_FACE)),
        "input" => {
            let t = e.attr("type").unwrap_or("").trim();
            ua.color = Some(Rgba::BLACK);
            ua.background = Some(
                if ["button", "submit", "reset", "color", "file"]
                    .iter()
                    .any(|b| t.eq_ignore_ascii_case(b))
                {
                    BUTTON_FACE
                } else {
                    Rgba::WHITE
                },
            );
        }
        "textarea" => (ua.color, ua.background) = (Some(Rgba::BLACK), Some(Rgba::WHITE)),
        "dialog" => (ua.color, ua.background) = (Some(Rgba::BLACK), Some(Rgba::WHITE)),
        "pre" | "listing" | "xmp" | "plaintext" | "nobr" => ua.nowrap = true,
        _ => {}
    }
    if matches!(e.name(), "th" | "td") && e.attr("nowrap").is_some() {
        ua.nowrap = true;
    }
    // Presentational hints.
    if e.name() == "font" {
        if let Some(c) = e.attr("color").and_then(legacy_color) {
            ua.color = Some(c);
        }
    }
    if e.name() == "body" {
        if let Some(c) = e.attr("text").and_then(legacy_color) {
            ua.color = Some(c);
        }
    }
    if matches!(e.name(), "body" | "table" | "tr" | "td" | "th") {
        if let Some(c) = e.attr("bgcolor").and_then(legacy_color) {
            ua.background = Some(c);
        }
    }
    ua
}

/// HTML's "rules for parsing a legacy colour value", for the common cases: CSS colours and
/// hex digits without `#`.
fn legacy_color(value: &str) -> Option<Rgba> {
    let v = value.trim();
    Rgba::parse(v).or_else(|| {
        let hex = v.len() == 6 && v.bytes().all(|b| b.is_ascii_hexdigit());
        hex.then(|| Rgba::parse(&format!("#{v}"))).flatten()
    })
}

/// Default `display` from HTML's rendering section (§15), enough to tell not-rendered,
/// block and inline content apart.
pub(super) fn default_display(element: ElementRef, attr_bloom: u64) -> Display {
    let e = element.value();
    let html = e.name.ns == html5ever::ns!(html);
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
    if attr_bloom & attr_bit("hidden") != 0 && e.attr("hidden").is_some() {
        // `hidden="until-found"` is content-visibility hidden, still not rendered for us.
        return Display::None;
    }
    match e.name() {
        "head" | "script" | "style" | "template" | "title" | "meta" | "link" | "base"
        | "datalist" | "noscript" | "param" | "source" | "track" | "rp" | "noembed"
        | "noframes" => Display::None,
        "input"
            if e.attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("hidden")) =>
        {
            Display::None
        }
        "dialog" if e.attr("open").is_none() => Display::None,
        "html" | "body" | "address" | "blockquote" | "center" | "dialog" | "div" | "figure"
        | "figcaption" | "footer" | "form" | "header" | "hr" | "legend" | "listing" | "main"
        | "p" | "plaintext" | "pre" | "search" | "xmp" | "article" | "aside" | "h1" | "h2"
        | "h3" | "h4" | "h5" | "h6" | "hgroup" | "nav" | "section" | "dir" | "dd" | "dl" | "dt"
        | "menu" | "ol" | "ul" | "li" | "table" | "caption" | "colgroup" | "col" | "thead"
        | "tbody" | "tfoot" | "tr" | "td" | "th" | "fieldset" | "details" | "summary"
        | "optgroup" | "option" | "frameset" | "frame" => Display::Block,
        _ => Display::Inline,
    }
}

/// Input types HTML defines; anything else is `text`.
const INPUT_TYPES: &[&str] = &[
    "button",
    "checkbox",
    "color",
    "date",
    "datetime-local",
    "email",
    "file",
    "hidden",
    "image",
    "month",
    "number",
    "password",
    "radio",
    "range",
    "reset",
    "search",
    "submit",
    "tel",
    "text",
    "time",
    "url",
    "week",
];

pub(super) fn input_type(el: &El) -> &'static str {
    let t = el.attr("type").unwrap_or("").trim();
    INPUT_TYPES
        .iter()
        .find(|k| k.eq_ignore_ascii_case(t))
        .copied()
        .unwrap_or("text")
}

/// Disabled per HTML: the attribute on a form control, or a disabled `<fieldset>` ancestor
/// unless the control is inside that fieldset's first `<legend>`.
/// Elements that can be disabled.
const FORM_CONTROLS: TagSet = TagSet::of(&[
    "button", "input", "select", "textarea", "optgroup", "option", "fieldset",
]);

/// Elements that can be focusable without `tabindex` or `contenteditable`.
const FOCUS_CANDIDATES: TagSet = TagSet::of(&[
    "a", "area", "button", "select", "textarea", "input", "summary", "audio", "video",
]);

/// Whether a form control is disabled (itself, by its `optgroup`, or by a disabled
/// `fieldset` outside its first `legend`). Asked of every element: the name test is inlined.
#[inline]
pub(super) fn is_disabled(el: &El) -> bool {
    el.name_in(FORM_CONTROLS) && is_disabled_control(el)
}

fn is_disabled_control(el: &El) -> bool {
    if el.attr("disabled").is_some() {
        return true;
    }
    if el.name() == "option" {
        return el
            .parent()
            .is_some_and(|p| p.name() == "optgroup" && p.attr("disabled").is_some());
    }
    let mut child = *el;
    for ancestor in el.ancestors() {
        if ancestor.name() == "fieldset" && ancestor.attr("disabled").is_some() {
            let first_legend = ancestor.children().find(|c| c.name() == "legend");
            let in_first_legend =
                first_legend.is_some_and(|l| l == child || child.is_descendant_of(&l));
            if !in_first_legend {
                return true;
            }
        }
        child = ancestor;
    }
    false
}

/// Focusable without `tabindex` (HTML "focusable area" defaults, as browsers implement them).
/// Asked of every element: the test for the common case is inlined.
#[inline]
pub(super) fn is_natively_focusable(el: &El) -> bool {
    if !el.name_in(FOCUS_CANDIDATES) {
        return is_editing_host(el);
    }
    is_focus_candidate_focusable(el)
}

fn is_focus_candidate_focusable(el: &El) -> bool {
    match el.name() {
        "a" => el.attr("href").is_some(),
        "area" => el.attr("href").is_some(),
        "button" | "select" | "textarea" => true,
        "input" => input_type(el) != "hidden",
        "summary" => el.parent().is_some_and(|p| {
            p.name() == "details" && p.children().find(|c| c.name() == "summary") == Some(*el)
        }),
        "audio" | "video" => el.attr("controls").is_some(),
        _ => is_editing_host(el),
    }
}

/// `contenteditable` set to an editable state.
#[inline]
fn is_editing_host(el: &El) -> bool {
    el.attr("contenteditable").is_some_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "" | "true" | "plaintext-only"
        )
    })
}
