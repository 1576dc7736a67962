use super::layout::{
    effective_overflow, fixed_height, height_is_auto, line_height_bounds, own_text_lines,
    text_width_bounds, width_upper_bound, CHAR_EM_HIGH,
};
use super::text::has_visible_text;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;
use crate::style::{media::VIEWPORT_WIDTH, Display, Overflow};

declare_rule! {
    /// ## What it does
    /// Checks that a box whose content scrolls (`overflow: auto` or `scroll` with more
    /// content than fits) can be reached with the Tab key: the box itself is in the tab
    /// order (`tabindex="0"`) or something inside it is (a link, a button, a field).
    ///
    /// Without a browser the engine estimates whether the content overflows: the box
    /// needs a `height` (or `width`) set in CSS, and its text is measured with bounds on
    /// character widths and line heights. Content that certainly overflows with nothing
    /// focusable fails; content that certainly fits is not checked; anything in between is
    /// "can't tell". Boxes sized only by `max-height`, and the page's own scroll bars
    /// (`<html>`, `<body>`), are not checked.
    ///
    /// ## Why it matters
    /// Keyboard users scroll with the arrow keys, which only move the box that has focus.
    /// A terms-and-conditions panel or a table of fees in a scrolling box that cannot get
    /// focus cannot be read to the end without a mouse.
    ///
    /// ## Example
    /// ```html
    /// <!-- fails: long text in a 100px box, nothing focusable -->
    /// <section style="height: 100px; overflow: auto">…many paragraphs…</section>
    /// <!-- passes: the box is in the tab order -->
    /// <section style="height: 100px; overflow: auto" tabindex="0" aria-label="Terms">…</section>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.1.1 Keyboard (A) and 2.1.3 Keyboard (No Exception) (AAA); ACT rule 0ssw9k "Scrollable content can be reached with sequential focus navigation".
    pub struct ScrollableRegionFocusable {
        id: "scrollable-region-focusable",
        title: "Scrollable content can be reached with the keyboard",
        wcag: ["2.1.1", "2.1.3"],
        level: Some(Level::A),
        act: ["0ssw9k"],
        impact: Serious,
        codes: ["keyboard-reachable", "inert", "not-keyboard-reachable", "may-scroll"],
    }
}

const REACHABLE: &str =
    "The scrollable box or something inside it is in the tab order, so keyboard users can scroll it.";
const INERT: &str = "The scrollable box is inert, so it is not expected to be reached.";
const NOT_REACHABLE: &str =
    "This box's content overflows and scrolls, but neither the box nor anything inside it can be reached with the Tab key, so keyboard users cannot scroll it. Add tabindex=\"0\" (with a role and an accessible name) or make the content fit.";
const MAYBE_SCROLLS: &str =
    "This box can scroll (overflow: auto or scroll) and nothing inside it can be reached with the Tab key; without laying out the page the engine cannot tell whether its content overflows. Check whether it scrolls, and if so make it focusable.";

/// Whether the box's content overflows, as far as the estimates go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overflows {
    Yes,
    No,
    Maybe,
}

/// Replaced and form elements that show something without text.
fn shows_content(el: &El) -> bool {
    el.is_html()
        && matches!(
            el.name(),
            "img"
                | "svg"
                | "video"
                | "canvas"
                | "input"
                | "select"
                | "textarea"
                | "button"
                | "iframe"
                | "object"
                | "embed"
                | "picture"
        )
        && el.is_visible()
}

fn has_visible_content(el: &El) -> bool {
    has_visible_text(el)
        || el
            .descendants()
            .any(|d| has_visible_text(&d) || shows_content(&d))
}

/// Text of the box, as (text, font size, line height low, line height high) per element.
fn text_runs(el: &El) -> Vec<(String, f32, f32, f32)> {
    std::iter::once(*el)
        .chain(el.descendants())
        .filter(has_visible_text)
        .map(|e| {
            let s = e.style();
            let (low, high) = line_height_bounds(s);
            (own_text_lines(&e).join(" "), s.font_size, low, high)
        })
        .collect()
}

/// Vertical overflow estimate for a box of fixed `height` whose lines are at most
/// `width_high` and at least `width_low` wide.
fn overflows_vertically(el: &El, height: f32, width_low: f32, width_high: f32) -> Overflows {
    let runs = text_runs(el);
    // Lower bound: all text as one paragraph in the smallest font and line height.
    let total_low: f32 = runs
        .iter()
        .map(|(t, fs, _, _)| text_width_bounds(t, *fs).0)
        .sum();
    let line_low = runs
        .iter()
        .map(|(_, _, low, _)| *low)
        .fold(f32::INFINITY, f32::min);
    let content_low = if runs.is_empty() {
        0.0
    } else {
        (total_low / width_high).ceil().max(1.0) * line_low
    };
    // Room for padding the engine does not model.
    if content_low > height + (0.25 * height).max(16.0) {
        return Overflows::Yes;
    }
    // Upper bound: every element its own block with a margin of an em above and below.
    let content_high: f32 = runs
        .iter()
        .map(|(t, fs, _, high)| {
            let lines = (text_width_bounds(t, *fs).1 / width_low.max(1.0))
                .ceil()
                .max(1.0);
            lines * high + 2.0 * fs
        })
        .sum();
    let others = el.descendants().any(|d| shows_content(&d));
    if content_high <= height && !others {
        Overflows::No
    } else {
        Overflows::Maybe
    }
}

/// Horizontal overflow estimate for a box whose lines are at most `width` wide.
fn overflows_horizontally(el: &El, width: f32) -> Overflows {
    let s = el.style();
    // Wider boxes inside.
    if el.children().any(|c| {
        c.style().display == Display::Block
            && c.style().max_line_width > width + 16.0
            && c.style().max_line_width.is_finite()
    }) {
        return Overflows::Yes;
    }
    if s.is_nowrap() {
        // One row: inline boxes of known width and the box's own text.
        let row: f32 = el
            .children()
            .filter(|c| c.style().display == Display::Inline && !c.is_not_rendered())
            .map(|c| {
                let w = c.style().max_line_width;
                if w.is_finite() {
                    w
                } else {
                    0.0
                }
            })
            .sum::<f32>()
            + own_text_lines(el)
                .iter()
                .map(|l| text_width_bounds(l, s.font_size).0)
                .fold(0.0, f32::max);
        if row > width + 16.0 {
            return Overflows::Yes;
        }
        let widest = own_text_lines(el)
            .iter()
            .map(|l| text_width_bounds(l, s.font_size).1)
            .fold(0.0, f32::max);
        if widest <= width * 0.5 && el.children().next().is_none() {
            return Overflows::No;
        }
        return Overflows::Maybe;
    }
    // Wrapping text overflows only with a word wider than the box, or wide inline boxes.
    let word_high = std::iter::once(*el)
        .chain(el.descendants())
        .filter(has_visible_text)
        .flat_map(|e| {
            let fs = e.style().font_size;
            own_text_lines(&e)
                .join(" ")
                .split(' ')
                .map(|w| w.chars().count() as f32 * CHAR_EM_HIGH * fs)
                .collect::<Vec<_>>()
        })
        .fold(0.0, f32::max);
    let fixed_inside = el
        .descendants()
        .any(|d| d.style().max_line_width.is_finite() || shows_content(&d));
    if word_high <= width * 0.5 && !fixed_inside {
        Overflows::No
    } else {
        Overflows::Maybe
    }
}

/// Whether the box's content overflows into a scroll area.
fn scrolls(el: &El) -> Overflows {
    let s = el.style();
    let (x, y) = effective_overflow(s);
    let viewport = VIEWPORT_WIDTH - 16.0;
    let width_high = width_upper_bound(el, viewport);
    let width_low = if s.max_line_width.is_finite() {
        (s.max_line_width - 32.0).max(s.max_line_width * 0.5)
    } else {
        // An auto width: somewhere between a narrow column and the screen.
        viewport * 0.25
    };
    let vertical = if y != Overflow::Scroll {
        Overflows::No
    } else if let Some(h) = fixed_height(s) {
        overflows_vertically(el, h, width_low, width_high)
    } else if height_is_auto(s) {
        Overflows::No
    } else {
        Overflows::Maybe
    };
    let horizontal = if x != Overflow::Scroll {
        Overflows::No
    } else if s.max_line_width.is_finite() {
        overflows_horizontally(el, s.max_line_width)
    } else {
        // An auto width fills its container: only wider content inside scrolls.
        match overflows_horizontally(el, width_high) {
            Overflows::Yes if width_high < viewport => Overflows::Yes,
            Overflows::No => Overflows::No,
            _ => Overflows::Maybe,
        }
    };
    match (vertical, horizontal) {
        (Overflows::Yes, _) | (_, Overflows::Yes) => Overflows::Yes,
        (Overflows::No, Overflows::No) => Overflows::No,
        _ => Overflows::Maybe,
    }
}

fn is_candidate(el: &El) -> bool {
    let s = el.style();
    let (x, y) = effective_overflow(s);
    (x == Overflow::Scroll || y == Overflow::Scroll)
        && el.is_html()
        && !matches!(
            el.name(),
            "html" | "body" | "iframe" | "textarea" | "select"
        )
        && !el.is_not_rendered()
        && s.display != Display::Inline
        && has_visible_content(el)
}

impl Rule for ScrollableRegionFocusable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_overflow()
            .filter(|e| is_candidate(e) && scrolls(e) != Overflows::No)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = &target.element;
        if el.is_tabbable() || el.descendants().any(|d| d.is_tabbable()) {
            return Expectation::passed("keyboard-reachable", REACHABLE);
        }
        if el.is_inert() {
            return Expectation::passed("inert", INERT);
        }
        match scrolls(el) {
            Overflows::Yes => Expectation::failed("not-keyboard-reachable", NOT_REACHABLE),
            _ => Expectation::cant_tell("may-scroll", MAYBE_SCROLLS),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::{Rule, Target};

    use super::ScrollableRegionFocusable;

    const LONG: &str = "Council tax is a charge on domestic property. The amount you pay depends on the valuation band of your home, the number of adults who live there and any discounts or reductions you are entitled to. Bills are sent out each March and you can pay in ten or twelve monthly instalments by direct debit, online, by phone or at a post office.";

    fn outcomes(html: &str) -> Vec<Outcome> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        ScrollableRegionFocusable
            .applicability(&cx)
            .iter()
            .map(|t: &Target| ScrollableRegionFocusable.expectation(t, &cx).outcome)
            .collect()
    }

    #[test]
    fn overflowing_box_without_focus_fails() {
        let html = format!(
            r#"<div style="height: 60px; width: 400px; overflow: auto"><p>{LONG}</p></div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
    }

    #[test]
    fn focusable_box_or_content_passes() {
        let html = format!(
            r#"<div tabindex="0" style="height: 60px; width: 400px; overflow: auto"><p>{LONG}</p></div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        let html = format!(
            r#"<div style="height: 60px; width: 400px; overflow: auto"><p><a href="/tax">{LONG}</a></p></div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
    }

    #[test]
    fn unknown_size_cant_tell() {
        let html = format!(r#"<div style="height: 50%; overflow: auto"><p>{LONG}</p></div>"#);
        assert_eq!(outcomes(&html), [Outcome::CantTell]);
    }

    #[test]
    fn short_content_or_no_scrolling_is_inapplicable() {
        assert!(outcomes(
            r#"<div style="height: 200px; width: 400px; overflow: auto"><p>Bins</p></div>"#
        )
        .is_empty());
        let html = format!(r#"<div style="height: 60px; overflow: hidden"><p>{LONG}</p></div>"#);
        assert!(outcomes(&html).is_empty());
        let html = format!(r#"<div style="overflow: auto"><p>{LONG}</p></div>"#);
        assert!(outcomes(&html).is_empty());
    }
}
