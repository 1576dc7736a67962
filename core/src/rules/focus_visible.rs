use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::model::El;
use crate::rules::Level;
use crate::script::{Reason, ScriptEffect};

declare_rule! {
    /// ## What it does
    /// Checks that every element reached with the Tab key keeps a visible focus indicator.
    /// Browsers draw a focus ring (an outline) by default; this rule compares the element's
    /// style when it has keyboard focus with its style unfocused, as the cascade computes
    /// them from the page's focus and `outline` rules and its `style` attribute: the later
    /// or more specific declaration wins, `:hover` rules do not apply.
    ///
    /// The element passes when no author style takes the ring away (`outline: none`,
    /// `outline: 0`, `outline-style: none`, a transparent outline), or when focusing it
    /// changes how something looks: its outline comes back, or its border, background, box
    /// shadow, text decoration, colour (or those of an ancestor a `:focus-within` rule
    /// restyles, or of something inside or next to it) differ. It fails when the focused
    /// element has no outline and looks as it does unfocused. The result is "can't tell"
    /// when something the engine does not follow may draw the indicator instead: a focus or
    /// key listener (or `onfocus`-style attribute) on the element, an ancestor or the page,
    /// or a script the engine could not run to its end (external scripts are never run).
    ///
    /// ## Why it matters
    /// Keyboard users — many people with motor impairments, and screen magnifier users —
    /// need to see where they are on the page. With the focus ring removed, tabbing through
    /// a "Pay council tax" form is guesswork.
    ///
    /// ## Example
    /// ```html
    /// <style>
    ///   .plain:focus { outline: none }                                  /* fails */
    ///   .button:focus { outline: none; box-shadow: 0 0 0 3px #fd0 }     /* passes */
    /// </style>
    /// <a class="plain" href="/bins">Bin collection days</a>
    /// <a class="button" href="/pay">Pay council tax</a>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.4.7 Focus Visible (AA); ACT rule oj04fd "Element in sequential focus order has visible focus".
    pub struct FocusVisible {
        id: "focus-visible",
        title: "Elements in the tab order show where focus is",
        wcag: ["2.4.7"],
        level: Some(Level::AA),
        act: ["oj04fd"],
        impact: Serious,
        codes: ["default-indicator", "replaced-indicator", "scripted-focus-style", "indicator-removed"],
    }
}

const DEFAULT_RING: &str =
    "No author style removes the browser's focus indicator from this element.";
const REPLACED: &str =
    "The focus outline is removed, but a focus style draws another indicator (border, background, shadow, text decoration, colour or outline).";
const REMOVED: &str =
    "The focus outline is removed (outline: none or 0) and no focus style draws another indicator: keyboard users cannot see when this element has focus. Keep the outline or replace it with a visible style in a :focus-visible rule.";

/// How the element's focus styles (the cascade's, [`El::style_when_focused`]) show focus.
enum FocusShown {
    /// No author style removes the outline, focused (by keyboard or pointer) or not.
    DefaultRing,
    /// An author style removes the outline, and keyboard focus draws something: the
    /// outline comes back, or the element or one a focus rule restyles (an ancestor for
    /// `:focus-within`, something inside or next to it) looks different than unfocused.
    Replaced,
    /// The outline is removed when focused, and focusing changes nothing else.
    Removed,
}

fn focus_shown(el: &El) -> FocusShown {
    let focused = el.style_when_focused(Some(el));
    let unfocused = el.style_when_focused(None);
    if !focused.removes_outline() {
        // Taken away unfocused or for pointer focus, drawn for keyboard focus
        // (`:focus { outline: none } :focus-visible { outline: 3px solid }`).
        let taken_away = unfocused.removes_outline()
            || el.style_when_focused_by_pointer().removes_outline();
        return if taken_away {
            FocusShown::Replaced
        } else {
            FocusShown::DefaultRing
        };
    }
    let restyled = || {
        el.restyled_when_focused().iter().any(|other| {
            other
                .style_when_focused(Some(el))
                .shows_differently_from(&other.style_when_focused(None))
        })
    };
    if focused.shows_differently_from(&unfocused) || restyled() {
        FocusShown::Replaced
    } else {
        FocusShown::Removed
    }
}

/// The cantTell message when a script may draw the focus indicator.
fn scripted(reason: &Reason) -> String {
    format!("The focus outline is removed and no style replaces it, but {reason} may draw an indicator when the element gets focus; check by tabbing to the element.")
}

impl Rule for FocusVisible {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.tabbable_elements()
            .filter(|e| (e.is_html() || e.is_svg()) && e.is_tabbable())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _: &Context<'d>) -> Expectation {
        let el = &target.element;
        match focus_shown(el) {
            FocusShown::DefaultRing => Expectation::passed("default-indicator", DEFAULT_RING),
            FocusShown::Replaced => Expectation::passed("replaced-indicator", REPLACED),
            FocusShown::Removed => {
                match el.document().scripts().may_change(ScriptEffect::Focus, el) {
                    Some(reason) => {
                        Expectation::cant_tell("scripted-focus-style", scripted(&reason))
                    }
                    None => Expectation::failed("indicator-removed", REMOVED),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::{Rule, Target};

    use super::FocusVisible;

    fn outcomes(html: &str) -> Vec<Outcome> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        FocusVisible
            .applicability(&cx)
            .iter()
            .map(|t: &Target| FocusVisible.expectation(t, &cx).outcome)
            .collect()
    }

    #[test]
    fn default_ring_passes() {
        assert_eq!(outcomes(r#"<a href="/a">A</a>"#), [Outcome::Passed]);
        assert_eq!(
            outcomes(r#"<span tabindex="0">A</span>"#),
            [Outcome::Passed]
        );
    }

    #[test]
    fn removed_outline_fails() {
        let html = r#"<style>.x:focus { outline: none }</style><a class="x" href="/a">A</a><a href="/b">B</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed, Outcome::Passed]);
        let html = r#"<style>a { outline: 0 }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        let html = r#"<a style="outline: none" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        let html = r#"<style>:focus { outline-style: none }</style><button>Go</button>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn replaced_indicator_passes() {
        let html = r#"<style>a:focus { outline: none; box-shadow: 0 0 0 3px #fd0 }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
        let html = r#"<style>a:focus { outline: none } a:focus-visible { outline: 3px solid }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
        let html = r#"<style>a:focus { outline: none } li:focus-within { background: #fd0 }</style><ul><li><a href="/a">A</a></li></ul>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
    }

    #[test]
    fn the_cascade_decides_which_outline_applies() {
        // The later rule brings the outline back; the earlier one is overridden.
        let html = r#"<style>a { outline: none } a { outline: 1px dotted }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
        // A style attribute wins over a focus rule that is not `!important`.
        let html = r#"<style>a:focus { outline: 2px solid }</style><a style="outline: none" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        // Hover rules do not apply to keyboard focus.
        let html = r#"<style>a:focus:hover { outline: none }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
    }

    #[test]
    fn a_focus_style_equal_to_the_unfocused_one_shows_nothing() {
        let html = r#"<style>a, a:focus { outline: none; color: #1d70b8 }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn script_handlers_cant_tell() {
        let html = r#"<style>a:focus { outline: none }</style><a onfocus="mark()" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[test]
    fn handlers_for_other_events_change_nothing() {
        // A click handler runs on activation, not on focus: the outline is still gone.
        let html = r#"<style>a:focus { outline: none }</style><a onclick="go()" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn external_scripts_alone_do_not_rescue_a_removed_outline() {
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script src="app.js"></script>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn unfollowed_inline_focus_code_cant_tell() {
        // The interpreter stops at the loop; the code listens for focusin and may draw a ring.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>for (;;) { document.addEventListener('focusin', ring); break; }</script>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn followed_scripts_decide() {
        // Runs to its end, listens to nothing: the word "focus" changes no verdict.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>console.log('focus')</script>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        // A keydown listener on the document may mark keyboard use and draw a ring.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>document.addEventListener('keydown', function (e) {})</script>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[test]
    fn not_in_tab_order_is_inapplicable() {
        assert!(outcomes(r#"<a tabindex="-1" href="/a">A</a><span>x</span>"#).is_empty());
    }
}
