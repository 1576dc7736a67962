use super::layout::{
    declarations, effective_overflow, fixed_height, height_is_auto, line_height_bounds,
    own_text_lines, text_width_bounds, CHAR_EM_HIGH, CHAR_EM_LOW,
};
use super::text::has_visible_text;
use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::model::El;
use crate::rules::Level;
use crate::style::{ComputedStyle, Display, Overflow, Visibility};

declare_rule! {
    /// ## What it does
    /// Checks that text is not cut off by a box with `overflow: hidden` (or `clip`) when
    /// the page is zoomed to 200% — a 1280×1024 screen then lays the page out like a
    /// 640×512 one. Applies to visible text inside such a box, and to text inside boxes
    /// that style sheets restyle for screens that narrow (`@media (max-width: 640px)`).
    ///
    /// Text fails when it certainly does not fit: a fixed `height` smaller than the lines
    /// the text needs (estimated from its length, font size and line height), or a line
    /// that cannot wrap wider than a fixed `width`. As the ACT rule allows, a box one line
    /// high (`line-height` at least its `height`) and a `nowrap` box with `text-overflow:
    /// ellipsis` clip on purpose and pass. Boxes whose height is not set grow with their
    /// text and pass (`max-height` is not modelled). Where the page is styled differently at
    /// 200% zoom — media queries for narrow screens, rules for wide screens only, sizes in
    /// viewport units — the text is checked with its styles on the zoomed screen (a 640×512
    /// viewport), and text hidden there (visually hidden on small screens) is not checked.
    /// Everything the engine cannot measure without a browser — text that may or may not
    /// fit, heights in percentages — is "can't tell".
    ///
    /// ## Why it matters
    /// People with low vision zoom pages to 200% or more. A fixed-height box sized for the
    /// desktop layout then hides the end of a notice ("…collections resume on") with no way
    /// to scroll to it.
    ///
    /// ## Example
    /// ```html
    /// <!-- fails: two or more lines at 200% in a box 1.5 lines high -->
    /// <div style="overflow: hidden; height: 1.5em">Garden waste collections are suspended over winter and resume in March.</div>
    /// <!-- passes: the box grows with its text -->
    /// <div style="overflow: hidden">Garden waste collections are suspended over winter and resume in March.</div>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.4 Resize Text (AA); ACT rule 59br37 "Zoomed text node is not clipped with CSS overflow".
    pub struct ZoomedTextNotClipped {
        id: "zoomed-text-not-clipped",
        title: "Text is not clipped by overflow at 200% zoom",
        wcag: ["1.4.4"],
        level: Some(Level::AA),
        act: ["59br37"],
        impact: Serious,
        codes: ["clipped-vertically", "clipped-horizontally", "undecided", "clipped-on-purpose", "fits"],
    }
}

const FITS: &str =
    "The text is not cut off at 200% zoom: the boxes that hide overflow grow with it, scroll, or leave room for it.";
const ON_PURPOSE: &str =
    "The text is clipped on purpose as the ACT rule allows: a one-line box (line-height at least its height) or white-space: nowrap with a text-overflow ellipsis.";
const CLIPPED_VERTICALLY: &str =
    "At 200% zoom this text needs more lines than its overflow: hidden box is high, so its end is cut off. Let the box grow (remove the fixed height, or use min-height) or let it scroll.";
const CLIPPED_HORIZONTALLY: &str =
    "At 200% zoom this text cannot wrap and is wider than its overflow: hidden box, so part of it is cut off. Let the text wrap, let the box scroll, or use text-overflow: ellipsis with the full text available elsewhere.";
const UNDECIDED: &str =
    "This text is inside a box that hides overflow; without laying out the page the engine cannot tell whether it fits at 200% zoom (its size depends on fonts, percentages or viewport units). Zoom to 200% and check that no text is cut off.";

/// The zoomed screen's width (1280×1024 at 200%: 640 CSS px).
const ZOOM_WIDTH: f32 = crate::style::Device::reference().zoomed(2.0).width;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Axis {
    Fits,
    OnPurpose,
    Unknown,
    Clipped,
}

fn inclusive_ancestors<'d>(el: &El<'d>) -> impl Iterator<Item = El<'d>> + 'd {
    std::iter::once(*el).chain(el.ancestors())
}

/// Which styles the checks read: the reference screen's, where nothing differs at zoom, or
/// those computed for the zoomed screen.
#[derive(Clone, Copy)]
enum Styles {
    Reference,
    Zoomed,
}

impl Styles {
    fn of(self, el: &El) -> ComputedStyle {
        match self {
            Styles::Reference => *el.style(),
            Styles::Zoomed => el.zoomed_style(),
        }
    }

    /// For the checks of `el`: zoomed styles where the element or an ancestor may be styled
    /// differently on the zoomed screen (the cascade flags them, so that zoomed styles are
    /// computed only for those).
    fn for_target(el: &El) -> Styles {
        if inclusive_ancestors(el).any(|a| a.style().may_differ_zoomed()) {
            Styles::Zoomed
        } else {
            Styles::Reference
        }
    }
}

/// The narrowest `width`/`max-width` set on the element or an ancestor (an upper bound on
/// the width its lines get), capped at the zoomed screen's width.
fn width_upper_bound(el: &El, st: Styles) -> f32 {
    inclusive_ancestors(el)
        .map(|e| st.of(&e).max_line_width)
        .fold(ZOOM_WIDTH, f32::min)
}

/// Hidden on the zoomed screen, where the reference screen shows it (a narrow-screen style
/// that hides it, or clips it to nothing as visually hidden text).
fn hidden_when_zoomed(el: &El) -> bool {
    inclusive_ancestors(el).any(|a| {
        let s = a.zoomed_style();
        s.display == Display::None
            || s.visibility != Visibility::Visible
            || s.is_clipped()
            || s.is_off_screen()
    })
}

/// Elements whose user-agent box has no horizontal margin, border or padding, with what the
/// UA gives `body` (8px a side).
fn ua_inline_inset(tag: &str) -> Option<f32> {
    match tag {
        "body" => Some(16.0),
        "html" | "div" | "p" | "section" | "article" | "main" | "header" | "footer" | "nav"
        | "aside" | "span" | "a" | "b" | "strong" | "em" | "i" | "small" => Some(0.0),
        _ => None,
    }
}

/// Inline-style properties that move no box edge sideways.
const EDGE_NEUTRAL: [&str; 15] = [
    "white-space",
    "overflow",
    "overflow-x",
    "overflow-y",
    "overflow-wrap",
    "word-wrap",
    "text-overflow",
    "font-size",
    "font-weight",
    "font-style",
    "color",
    "background",
    "background-color",
    "line-height",
    "height",
];

/// The width lines certainly get on the zoomed screen when every box from the text up is
/// the user agent's: the page has no style sheets (the engine does not model every property
/// a sheet may set, such as padding), each `style` attribute on the way moves no edge
/// sideways, and each element is one whose UA box has known margins (`div`, `p`, `body`,
/// …). `None` otherwise.
fn known_width_low(el: &El) -> Option<f32> {
    if el.document().has_style_sheets() {
        return None;
    }
    let mut inset = 0.0;
    for a in inclusive_ancestors(el) {
        if !a.is_html() {
            return None;
        }
        if let Some(css) = a.attr("style") {
            let neutral = declarations(css)
                .iter()
                .all(|(name, _)| EDGE_NEUTRAL.contains(&name.as_str()));
            if !neutral {
                return None;
            }
        }
        inset += ua_inline_inset(a.name())?;
    }
    Some(ZOOM_WIDTH - inset)
}

/// The narrowest the element's lines can get at 200% zoom: what the boxes around it leave
/// where those are known ([`known_width_low`]); else half a fixed width (in case it is in
/// viewport units), or a third of the zoomed screen.
fn zoomed_width_low(el: &El, st: Styles) -> f32 {
    if let Some(width) = known_width_low(el) {
        return width;
    }
    let fixed = inclusive_ancestors(el)
        .map(|e| st.of(&e).max_line_width)
        .fold(f32::INFINITY, f32::min);
    if fixed.is_finite() {
        fixed * 0.5
    } else {
        ZOOM_WIDTH / 3.0
    }
}

fn vertical(el: &El, st: Styles) -> Axis {
    let Some(clipper) =
        inclusive_ancestors(el).find(|a| effective_overflow(&st.of(a)).1 != Overflow::Visible)
    else {
        return Axis::Fits;
    };
    if effective_overflow(&st.of(&clipper)).1 == Overflow::Scroll {
        // Text scrolls inside; an outer hiding box may still cut the scrolling box.
        let Some(outer) = clipper
            .ancestors()
            .find(|a| effective_overflow(&st.of(a)).1 == Overflow::Hidden)
        else {
            return Axis::Fits;
        };
        return match (fixed_height(&st.of(&clipper)), fixed_height(&st.of(&outer))) {
            (Some(inner), Some(outer)) if inner <= outer + 0.5 => Axis::Fits,
            _ => Axis::Unknown,
        };
    }
    let c = &st.of(&clipper);
    if height_is_auto(c) {
        return Axis::Fits;
    }
    let Some(height) = fixed_height(c) else {
        return Axis::Unknown;
    };
    let s = &st.of(el);
    // The ACT exception: a box one line high (whose line the glyphs fit).
    let (c_line_low, c_line_high) = line_height_bounds(c);
    let glyphs_fit = height >= 0.9 * s.font_size;
    let one_line = if c_line_low >= height - 0.5 && glyphs_fit {
        Some(true)
    } else if c_line_high < height - 0.5 || !glyphs_fit {
        Some(false)
    } else {
        None
    };
    // Lines this element's own text needs at least (it starts at or below the top).
    let width_high = width_upper_bound(el, st);
    let (line_low, _) = line_height_bounds(s);
    let lines_low: f32 = own_text_lines(el)
        .iter()
        .map(|l| {
            if s.is_nowrap() {
                1.0
            } else {
                (text_width_bounds(l, s.font_size).0 / width_high)
                    .ceil()
                    .max(1.0)
            }
        })
        .sum();
    let overflows = lines_low * line_low > height + 0.5;
    match one_line {
        Some(true) => return Axis::OnPurpose,
        Some(false) if overflows => return Axis::Clipped,
        None if overflows => return Axis::Unknown,
        _ => {}
    }
    // Everything in the box, each element a block with an em of margin above and below.
    let width_low = zoomed_width_low(&clipper, st);
    let content_high: f32 = inclusive_ancestors(&clipper)
        .take(1)
        .chain(clipper.descendants())
        .filter(has_visible_text)
        .map(|e| {
            let es = &st.of(&e);
            let text = own_text_lines(&e).join(" ");
            let lines = (text_width_bounds(&text, es.font_size).1 / width_low)
                .ceil()
                .max(1.0)
                + own_text_lines(&e).len() as f32
                - 1.0;
            lines * line_height_bounds(es).1 + 2.0 * es.font_size
        })
        .sum();
    // Half the height, in case it is in viewport units (halved at 200% zoom).
    if content_high <= height * 0.5 {
        Axis::Fits
    } else {
        Axis::Unknown
    }
}

fn horizontal(el: &El, st: Styles) -> Axis {
    let Some(clipper) =
        inclusive_ancestors(el).find(|a| effective_overflow(&st.of(a)).0 != Overflow::Visible)
    else {
        return Axis::Fits;
    };
    if effective_overflow(&st.of(&clipper)).0 == Overflow::Scroll {
        let Some(outer) = clipper
            .ancestors()
            .find(|a| effective_overflow(&st.of(a)).0 == Overflow::Hidden)
        else {
            return Axis::Fits;
        };
        // An auto-width scrolling box fits its container.
        let fits = inclusive_ancestors(&clipper)
            .take_while(|a| *a != outer)
            .all(|a| !st.of(&a).max_line_width.is_finite());
        return if fits { Axis::Fits } else { Axis::Unknown };
    }
    let s = &st.of(el);
    let lines = own_text_lines(el);
    let width_high = width_upper_bound(el, st);
    let width_low = zoomed_width_low(el, st);
    let (widest_low, widest_high) = if s.is_nowrap() {
        lines
            .iter()
            .map(|l| text_width_bounds(l, s.font_size))
            .fold((0.0f32, 0.0f32), |(a, b), (l, h)| (a.max(l), b.max(h)))
    } else {
        // Wrapping text only overflows with a word wider than the box.
        lines
            .iter()
            .flat_map(|l| l.split(' '))
            .map(|w| {
                let n = w.chars().count() as f32 * s.font_size;
                (n * CHAR_EM_LOW, n * CHAR_EM_HIGH)
            })
            .fold((0.0f32, 0.0f32), |(a, b), (l, h)| (a.max(l), b.max(h)))
    };
    let clipper_style = st.of(&clipper);
    let on_purpose = clipper_style.is_nowrap() && clipper_style.marks_text_overflow();
    if widest_low > width_high + 0.5 {
        if on_purpose {
            Axis::OnPurpose
        } else {
            Axis::Clipped
        }
    } else if widest_high <= width_low {
        Axis::Fits
    } else if on_purpose {
        Axis::OnPurpose
    } else {
        Axis::Unknown
    }
}

fn is_target(el: &El) -> bool {
    has_visible_text(el)
        && !el.is_aria_hidden()
        && (el.is_in_hidden_overflow()
            || (el.document().has_zoomed_overflow_rules()
                && inclusive_ancestors(el).any(|a| a.style().has_zoomed_overflow_rule())))
        && !(matches!(Styles::for_target(el), Styles::Zoomed) && hidden_when_zoomed(el))
}

impl Rule for ZoomedTextNotClipped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // Targets have visible text: only elements with a text child can be one.
        doc.elements_with_text()
            .filter(is_target)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = &target.element;
        let st = Styles::for_target(el);
        let (v, h) = (vertical(el, st), horizontal(el, st));
        match v.max(h) {
            Axis::Clipped if v == Axis::Clipped => Expectation::failed("clipped-vertically", CLIPPED_VERTICALLY),
            Axis::Clipped => Expectation::failed("clipped-horizontally", CLIPPED_HORIZONTALLY),
            Axis::Unknown => Expectation::cant_tell("undecided", UNDECIDED),
            Axis::OnPurpose => Expectation::passed("clipped-on-purpose", ON_PURPOSE),
            Axis::Fits => Expectation::passed("fits", FITS),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::{Rule, Target};

    use super::ZoomedTextNotClipped;

    const TEXT: &str = "Garden waste collections are suspended over the winter months and will resume in the first week of March, weather permitting.";

    fn outcomes(html: &str) -> Vec<Outcome> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        ZoomedTextNotClipped
            .applicability(&cx)
            .iter()
            .map(|t: &Target| ZoomedTextNotClipped.expectation(t, &cx).outcome)
            .collect()
    }

    #[test]
    fn fixed_height_too_small_fails() {
        let html = format!(
            r#"<div style="overflow: hidden; height: 1.5em; font-size: 16px">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
        let html = format!(
            r#"<div style="overflow-y: hidden; height: 10px; white-space: nowrap">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
    }

    #[test]
    fn nowrap_text_wider_than_a_fixed_width_fails() {
        let html = format!(
            r#"<style>.c {{ overflow-x: hidden; white-space: nowrap; width: 50px }}</style><div class="c">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
    }

    #[test]
    fn clipping_on_purpose_passes() {
        let html = format!(
            r#"<div style="overflow: hidden; height: 16px; line-height: 16px; font-size: 16px">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        let html = format!(
            r#"<div style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
    }

    #[test]
    fn text_overflow_is_the_cascaded_value() {
        let clipper = ".c { overflow: hidden; white-space: nowrap; width: 50px; text-overflow: ellipsis }";
        let html = format!(r#"<style>{clipper}</style><div class="c">{TEXT}</div>"#);
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        // The more specific rule sets `clip`: the text is cut with no ellipsis, which the ACT
        // exception does not cover.
        let html = format!(
            r#"<style>.c.d {{ text-overflow: clip }} {clipper}</style><div class="c d">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
    }

    #[test]
    fn growing_or_scrolling_boxes_pass() {
        let html = format!(r#"<div style="overflow: hidden">{TEXT}</div>"#);
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        let html = format!(
            r#"<div style="overflow: hidden; height: 2em"><div style="overflow: auto; height: 2em">{TEXT}</div></div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
    }

    #[test]
    fn undecidable_sizes_cant_tell() {
        let html = format!(r#"<div style="overflow: hidden; height: 20%">{TEXT}</div>"#);
        assert_eq!(outcomes(&html), [Outcome::CantTell]);
    }

    #[test]
    fn narrow_screen_styles_are_checked_on_the_zoomed_screen() {
        // Only a 640px-wide screen (200% zoom) gets the fixed height.
        let html = format!(
            r#"<style>@media (max-width: 640px) {{ .c {{ overflow: hidden; height: 1.5em }} }}</style><div class="c">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
        // The desktop layout clips; the narrow screen lets the box grow.
        let html = format!(
            r#"<style>.c {{ overflow: hidden; height: 1.5em }} @media (max-width: 640px) {{ .c {{ height: auto }} }}</style><div class="c">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        // A rule for wide screens only does not apply at 200% zoom.
        let html = format!(
            r#"<style>.c {{ overflow: hidden }} @media (min-width: 1000px) {{ .c {{ height: auto }} }} @media (max-width: 999px) {{ .c {{ height: 1.5em }} }}</style><div class="c">{TEXT}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
        // Visually hidden on narrow screens: not visible text there.
        let html = r#"<style>@media (max-width: 640px) { .v { position: absolute; width: 1px; height: 1px; overflow: hidden } }</style><a href="/">Next<span class="v">: the full guide</span></a>"#;
        assert!(outcomes(html).is_empty());
    }

    #[test]
    fn unwrapped_lines_that_fit_the_known_width_pass() {
        // A plain block in body: its lines get 640px less body's margins at 200% zoom.
        let lines = "A short line of a poem, well under the width<br>".repeat(3);
        let html = format!(
            r#"<div style="white-space: nowrap; overflow: hidden; font-size: 16px">{lines}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
        // Styled by a sheet (padding, a grid column…): the width is not known.
        let html = format!(
            r#"<style>.c {{ padding: 0 40% }}</style><div class="c" style="white-space: nowrap; overflow: hidden">{lines}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::CantTell]);
        // Nor with an inline style that moves the edges.
        let html = format!(
            r#"<div style="white-space: nowrap; overflow: hidden; margin-left: 300px">{lines}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::CantTell]);
    }

    #[test]
    fn viewport_heights_halve_at_200_percent_zoom() {
        // 6 lines; 16vh is 164px on the 1024px-high screen, 82px zoomed.
        let lines = "One line<br>".repeat(5) + "Last line";
        let html = format!(
            r#"<div style="overflow: hidden; height: 16vh; font-size: 16px">{lines}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Failed]);
        let html = format!(
            r#"<div style="overflow: hidden; height: 80vh; font-size: 16px">{lines}</div>"#
        );
        assert_eq!(outcomes(&html), [Outcome::Passed]);
    }

    #[test]
    fn no_hiding_box_is_inapplicable() {
        let html = format!(r#"<div style="overflow: auto; height: 1.5em">{TEXT}</div>"#);
        assert!(outcomes(&html).is_empty());
        let html = format!(
            r#"<div style="overflow: hidden; height: 1em" aria-hidden="true">{TEXT}</div>"#
        );
        assert!(outcomes(&html).is_empty());
    }
}
