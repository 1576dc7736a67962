use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an element with `aria-hidden="true"` contains nothing that the Tab key can
    /// reach (links, buttons, fields, `tabindex="0"`).
    ///
    /// ## Why it matters
    /// `aria-hidden` removes content from screen readers, but keyboard focus still lands on
    /// it: blind users tab onto a control that announces nothing, or the wrong thing.
    ///
    /// Focus sentinels of modal dialogs are reachable on purpose and hand focus on at once:
    /// where the page's scripts were run in full and each reachable element's `focus`
    /// listener moves focus to a focusable element outside the hidden content, the element
    /// passes. Where scripts that were not run may handle focus, the result is "can't tell".
    ///
    /// ## Example
    /// ```html
    /// <div aria-hidden="true"><a href="/bins">Bins</a></div>              <!-- fails -->
    /// <div aria-hidden="true"><a href="/bins" tabindex="-1">Bins</a></div> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A), 4.1.2 Name, Role, Value (A);
    /// ACT rule 6cfa84 "Element with aria-hidden has no content in sequential focus navigation".
    pub struct AriaHiddenNoFocusable {
        id: "aria-hidden-no-focusable",
        title: "Element with aria-hidden has no focusable content",
        wcag: ["1.3.1", "4.1.2"],
        level: Some(Level::A),
        act: ["6cfa84"],
        impact: Serious,
        codes: ["nothing-focusable", "focus-moved-out", "scripted-focus", "focusable-content"],
    }
}

const PASSED: &str = "Nothing inside the aria-hidden element can receive keyboard focus.";
const HANDS_FOCUS_ON: &str = "The content inside the aria-hidden element that the Tab key reaches hands focus on at once: its focus listener moves focus to an element outside it.";
const SCRIPTED_FOCUS: &str = "The aria-hidden element contains content the Tab key reaches, but the page's scripts handle focus: check by keyboard that focus never stays there.";
const FAILED: &str = "The aria-hidden element contains content the Tab key reaches: remove aria-hidden, or take that content out of the tab order.";

impl Rule for AriaHiddenNoFocusable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("aria-hidden")
            .filter(|e| {
                e.attr("aria-hidden")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let tabbable: Vec<_> = std::iter::once(el)
            .chain(el.descendants())
            .filter(|d| d.is_tabbable())
            .collect();
        let doc = el.document();
        // A focus listener that sends focus outside the aria-hidden content at once.
        let hands_focus_on = |d: &crate::model::El| {
            doc.scripts_fully_run()
                && d.focus_listeners_move_to().is_some_and(|to| {
                    to.iter()
                        .any(|t| t.is_focusable() && !t.is_aria_hidden() && t != d)
                })
        };
        if tabbable.is_empty() {
            Expectation::passed("nothing-focusable", PASSED)
        } else if tabbable.iter().all(hands_focus_on) {
            Expectation::passed("focus-moved-out", HANDS_FOCUS_ON)
        } else if doc.scripts_mention("focus") {
            // Focus sentinels in modal dialogs are reachable but hand focus on at once.
            Expectation::cant_tell("scripted-focus", SCRIPTED_FOCUS)
        } else {
            Expectation::failed("focusable-content", FAILED)
        }
    }
}
