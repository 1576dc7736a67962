//! Static layout estimates shared by the rules about scrolling and clipping: the effective
//! `overflow` of a box, bounds on how wide a run of text is and how tall its lines are, and
//! the declarations a `style` attribute sets.
//!
//! Text widths are bounded with an average advance per character: at least 0.38em and at
//! most 0.6em covers the proportional fonts pages use for prose (Times ≈ 0.42em, Arial ≈
//! 0.48em per character, spaces included). Lower bounds are used to claim that content
//! certainly overflows, upper bounds to claim that it certainly fits; anything in between
//! is left undecided.

use crate::model::{Child, El};
use crate::style::{ComputedStyle, LineHeight, Overflow};

/// Lower bound of the average advance of one character, in em.
pub const CHAR_EM_LOW: f32 = 0.38;
/// Upper bound of the average advance of one character, in em.
pub const CHAR_EM_HIGH: f32 = 0.6;

/// `overflow-x`/`overflow-y` as used: when one axis is not `visible`, a `visible` other
/// axis computes to `auto` (CSS Overflow 3).
pub fn effective_overflow(s: &ComputedStyle) -> (Overflow, Overflow) {
    match (s.overflow_x, s.overflow_y) {
        (Overflow::Visible, Overflow::Visible) => (Overflow::Visible, Overflow::Visible),
        (Overflow::Visible, y) => (Overflow::Scroll, y),
        (x, Overflow::Visible) => (x, Overflow::Scroll),
        other => other,
    }
}

/// Bounds (low, high) on the used line height in px; `normal` is 1.0–1.3 times the font
/// size depending on the font.
pub fn line_height_bounds(s: &ComputedStyle) -> (f32, f32) {
    match s.line_height {
        LineHeight::Normal => (s.font_size, 1.3 * s.font_size),
        other => {
            let px = other.px(s.font_size);
            (px, px)
        }
    }
}

/// A `height` set in CSS (px, em, viewport units…); `None` for `auto` and for heights the
/// engine could not compute (percentages, `min()` of mixed units).
pub fn fixed_height(s: &ComputedStyle) -> Option<f32> {
    s.height.is_finite().then_some(s.height)
}

/// Whether the box's height is `auto` (not set, and not a value the engine failed to
/// compute).
pub fn height_is_auto(s: &ComputedStyle) -> bool {
    !s.height.is_finite() && !s.has_unknown_size()
}

/// The element's own text split at `<br>` into lines, whitespace collapsed; other child
/// elements' text is left out.
pub fn own_text_lines(el: &El) -> Vec<String> {
    let mut lines = vec![String::new()];
    for child in el.child_nodes() {
        match child {
            Child::Text(t) => {
                let line = lines.last_mut().expect("one line");
                for word in t.split_whitespace() {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                }
            }
            Child::Element(e) if e.is_html() && e.name() == "br" => lines.push(String::new()),
            Child::Element(_) => {}
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// Bounds (low, high) on the rendered width in px of one line of `text` at `font_size`.
pub fn text_width_bounds(text: &str, font_size: f32) -> (f32, f32) {
    let chars = text.chars().count() as f32;
    (
        chars * CHAR_EM_LOW * font_size,
        chars * CHAR_EM_HIGH * font_size,
    )
}

/// The narrowest `width`/`max-width` in px set on the element or an ancestor (an upper
/// bound on the width its lines get), capped at `viewport`.
pub fn width_upper_bound(el: &El, viewport: f32) -> f32 {
    std::iter::once(*el)
        .chain(el.ancestors())
        .map(|e| e.style().max_line_width)
        .fold(viewport, f32::min)
}

/// The declarations of a block as (property, value) pairs, lower-cased and trimmed;
/// `!important` is dropped from the value. Parsed with the CSS tokenizer, so comments,
/// strings and functions holding `;` or `:` are read as a browser reads them.
pub fn declarations(body: &str) -> Vec<(String, String)> {
    crate::style::raw_declarations(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_visible_axis_becomes_auto() {
        let mut s = ComputedStyle::INITIAL;
        s.overflow_y = Overflow::Hidden;
        assert_eq!(effective_overflow(&s), (Overflow::Scroll, Overflow::Hidden));
    }

    #[test]
    fn declarations_are_split() {
        let d = declarations(" /* no ring */ outline: None !important; color:red /* x */");
        assert_eq!(d[0], ("outline".to_string(), "none".to_string()));
        assert_eq!(d[1], ("color".to_string(), "red".to_string()));
    }

    #[test]
    fn text_width_bounds_bracket_the_usual_fonts() {
        let (low, high) = text_width_bounds("abcdefghij", 16.0);
        assert!(low < 0.42 * 160.0 && high > 0.48 * 160.0);
    }
}
