//! Shared helpers for the rules about rendered text: which elements have visible text,
//! text spacing checks, and an estimate of whether text wraps. Text colours come from
//! [`El::text_colors`] (a static painting model in `model::paint`).

use std::collections::HashSet;

pub use crate::model::TextColors;
use crate::model::{Child, Document, El, NodeIndex};
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

/// For the text-spacing rules: a visible HTML element whose `property` is set `!important`
/// in its own `style` attribute, with visible text that shows that value (its own, or a
/// descendant's that inherits it; see [`texts_inheriting`]).
pub fn spacing_target(el: &El, property: PropertyId) -> bool {
    el.is_html()
        && el.is_visible()
        && el.style().is_important_inline(property)
        && texts_inheriting(el, property).next().is_some()
}

/// A spacing declared on `el` relative to the font size of the text it reaches: the
/// smallest ratio over that text (each text is read at its own size), with that text's
/// font size.
pub fn spacing_ratio(el: &El, property: PropertyId, spacing: f32) -> (f32, f32) {
    texts_inheriting(el, property)
        .map(|text| {
            let size = text.style().font_size;
            (spacing / size.max(f32::MIN_POSITIVE), size)
        })
        .fold((f32::INFINITY, el.style().font_size), |lowest, next| {
            if next.0 < lowest.0 {
                next
            } else {
                lowest
            }
        })
}

/// The element and its descendants with visible text of their own whose computed
/// `property` (a text-spacing one) is the element's: the text a declaration on the element
/// reaches. A descendant that sets another value, and the text under it, is left out.
pub fn texts_inheriting<'d>(el: &El<'d>, property: PropertyId) -> impl Iterator<Item = El<'d>> {
    let target = el.style();
    let same = move |e: &El| {
        let s = e.style();
        match property {
            // Bit equality, so that a value the engine could not compute (NaN) matches.
            PropertyId::LetterSpacing => {
                s.letter_spacing.to_bits() == target.letter_spacing.to_bits()
            }
            PropertyId::WordSpacing => s.word_spacing.to_bits() == target.word_spacing.to_bits(),
            PropertyId::LineHeight => s.line_height == target.line_height,
            _ => false,
        }
    };
    std::iter::once(*el)
        .chain(el.descendants())
        .filter(move |e| has_visible_text(e) && same(e))
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

#[cfg(test)]
mod spacing_tests {
    use crate::rules::Outcome;

    /// (last selector step, outcome) of one rule's findings on a page body.
    fn findings(rule: &str, body: &str) -> Vec<(String, Outcome)> {
        crate::rules::testing::findings(rule, body)
            .into_iter()
            .map(|f| {
                (
                    f.selector.rsplit(" > ").next().unwrap_or("").to_string(),
                    f.outcome,
                )
            })
            .collect()
    }

    const WRAPS: &str =
        "Garden waste collections restart in March across the whole borough, weather permitting.";

    #[test]
    fn a_declaration_reaches_the_text_that_inherits_it() {
        // The div has no text of its own; its paragraph inherits 2px, which is 0.2 of 10px
        // text (at least 0.16 for words, 0.12 for letters) but only 0.125 of the div's 16px.
        for rule in ["word-spacing-adjustable", "letter-spacing-adjustable"] {
            let property = rule.trim_end_matches("-adjustable");
            let body = format!(
                "<div style='font-size:16px; {property}:2px !important'><p style='font-size:10px'>{WRAPS}</p></div>"
            );
            assert_eq!(
                findings(rule, &body),
                [("div".to_string(), Outcome::Passed)],
                "{rule}"
            );
            let small = format!(
                "<div style='font-size:16px; {property}:1px !important'><p style='font-size:10px'>{WRAPS}</p></div>"
            );
            assert_eq!(
                findings(rule, &small),
                [("div".to_string(), Outcome::Failed)],
                "{rule}"
            );
        }
    }

    #[test]
    fn text_that_sets_its_own_value_or_no_text_is_not_reached() {
        let overridden = format!(
            "<div style='word-spacing:1px !important'><p style='word-spacing:0.2em'>{WRAPS}</p></div>"
        );
        assert!(findings("word-spacing-adjustable", &overridden).is_empty());
        let empty = "<div style='word-spacing:1px !important'><img alt=''></div>";
        assert!(findings("word-spacing-adjustable", empty).is_empty());
    }

    #[test]
    fn an_inherited_line_height_is_read_at_the_text_size() {
        // 15px is 1.5 times the paragraph's 10px text, though under 1.5 times the div's 16px.
        let body = format!(
            "<div style='font-size:16px; line-height:15px !important'><p style='font-size:10px; max-width:200px'>{WRAPS}</p></div>"
        );
        assert_eq!(
            findings("line-height-adjustable", &body),
            [("div".to_string(), Outcome::Passed)]
        );
        let tight = body.replace("15px", "12px");
        assert_eq!(
            findings("line-height-adjustable", &tight),
            [("div".to_string(), Outcome::Failed)]
        );
    }
}
