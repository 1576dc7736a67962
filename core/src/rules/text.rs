//! Shared helpers for the rules about rendered text: which elements have visible text,
//! text spacing checks, and an estimate of whether text wraps. Text colours come from
//! [`El::text_colors`] (a static painting model in `style::paint`).

use std::collections::HashSet;

use crate::dom::{Child, Document, El, NodeIndex};
pub use crate::style::TextColors;
use crate::style::{LineHeight, Overflow, PropertyId};

/// The element's own (direct child) text, whitespace collapsed.
pub fn own_text(el: &El) -> String {
    let mut out = String::new();
    for child in el.child_nodes() {
        if let Child::Text(t) = child {
            for word in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

/// Whether the element has a text node child with something other than whitespace.
pub fn has_text_child(el: &El) -> bool {
    el.has_text_child()
}

/// An HTML element with a visible, non-empty text node child (ACT: "visible text node
/// child of an HTML element"): rendered, not hidden by `visibility`, not concealed
/// (off-screen, clipped, transparent) and with a font size above zero.
pub fn has_visible_text(el: &El) -> bool {
    el.is_html() && el.is_visible() && el.style().font_size > 0.0 && has_text_child(el)
}

/// Visible text content of an element: text of descendants that are visible, in order,
/// whitespace collapsed.
pub fn visible_text_content(el: &El) -> String {
    fn walk(el: &El, out: &mut String) {
        for child in el.child_nodes() {
            match child {
                Child::Text(t) if el.is_visible() && el.style().font_size > 0.0 => {
                    out.push_str(t);
                }
                Child::Text(_) => {}
                Child::Element(e) => {
                    if !e.is_not_rendered() {
                        out.push(' ');
                        walk(&e, out);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(el, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn aria_disabled(el: &El) -> bool {
    el.attr("aria-disabled")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Elements whose text belongs to a disabled widget or a label of one (ACT's exceptions
/// for contrast): disabled controls, `aria-disabled="true"` elements, their `<label>`s and
/// `aria-labelledby` targets. Test with [`DisabledText::covers`].
pub struct DisabledText {
    roots: HashSet<NodeIndex>,
}

impl DisabledText {
    /// Collects the page's disabled widgets and their labels.
    pub fn of(doc: &Document) -> DisabledText {
        let mut roots = HashSet::new();
        // Disabled means a `disabled` or `aria-disabled` attribute here or on a fieldset
        // above: pages without either have nothing to collect.
        if doc
            .elements_with_attrs(&["disabled", "aria-disabled"])
            .next()
            .is_none()
        {
            return DisabledText { roots };
        }
        for el in doc.elements() {
            if el.is_disabled() || aria_disabled(&el) {
                roots.insert(el.index());
                roots.extend(el.labels().map(|l| l.index()));
                roots.extend(el.referenced("aria-labelledby").iter().map(|l| l.index()));
            }
        }
        DisabledText { roots }
    }

    /// Whether `el`'s text is in a disabled widget or a label of one.
    pub fn covers(&self, el: &El) -> bool {
        !self.roots.is_empty()
            && (self.roots.contains(&el.index())
                || el.ancestors().any(|a| self.roots.contains(&a.index())))
    }
}

/// WCAG large-scale text: at least 18pt (24px), or 14pt (18.66px) and bold.
pub fn is_large_text(el: &El) -> bool {
    let s = el.style();
    s.font_size >= 24.0 || (s.font_size >= 18.66 && s.is_bold())
}

/// For the text-spacing rules: the element has visible text and its `property` is set
/// `!important` in its own `style` attribute.
pub fn spacing_target(el: &El, property: PropertyId) -> bool {
    el.style().is_important_inline(property) && has_visible_text(el)
}

/// The widest a line of the element's text can be on the reference screen, and whether
/// that width is fixed (does not shrink with the viewport).
fn available_width(el: &El) -> (f32, bool) {
    let mut width = crate::style::media::VIEWPORT_WIDTH - 16.0;
    let mut fixed = false;
    for e in std::iter::once(*el).chain(el.ancestors()) {
        let s = e.style();
        if s.max_line_width.is_finite() && s.max_line_width < width {
            width = s.max_line_width;
            fixed = true;
        }
        if s.overflow_x == Overflow::Scroll && fixed {
            break;
        }
    }
    (width, fixed)
}

/// Whether an element's own text wraps onto more than one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// It cannot wrap: no wrap opportunity, `white-space: nowrap`, or it fits a fixed width.
    Never,
    /// It wraps on the reference screen.
    Yes,
    /// It fits the reference screen but would wrap on a narrow one, or the estimate is too
    /// close to call.
    Maybe,
}

/// Estimates line wrapping from the text length (about half an em per character) and the
/// widths set in CSS.
pub fn wraps(el: &El) -> Wrap {
    let s = el.style();
    let text = own_text(el);
    if s.is_nowrap() || !text.contains(' ') {
        return Wrap::Never;
    }
    let chars = text.chars().count() as f32;
    let spaces = text.matches(' ').count() as f32;
    let letter = if s.letter_spacing.is_finite() {
        s.letter_spacing
    } else {
        0.0
    };
    let word = if s.word_spacing.is_finite() {
        s.word_spacing
    } else {
        0.0
    };
    let estimate = chars * (0.5 * s.font_size + letter) + spaces * word;
    let (width, fixed) = available_width(el);
    if estimate > width * 1.25 {
        Wrap::Yes
    } else if estimate < width * 0.8 && (fixed || estimate < 200.0) {
        Wrap::Never
    } else {
        Wrap::Maybe
    }
}

/// The used line height as a multiple of the font size.
pub fn line_height_ratio(el: &El) -> f32 {
    let s = el.style();
    match s.line_height {
        LineHeight::Normal => 1.2,
        other => other.px(s.font_size) / s.font_size.max(f32::MIN_POSITIVE),
    }
}
