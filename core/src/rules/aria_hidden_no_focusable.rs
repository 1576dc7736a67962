use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::rules::Level;
use crate::script::{Reason, ScriptEffect};

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
    /// passes. Where every reachable element's focus may be handled by something the engine
    /// does not follow — a focus or key listener on it, an ancestor or the page, an `onfocus`
    /// attribute, or a script it could not run to its end — the result is "can't tell".
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
/// The cantTell message, with what may move focus on.
fn scripted_focus(reason: &Reason) -> String {
    format!("The aria-hidden element contains content the Tab key reaches, but {reason} may move focus on at once (as a modal dialog's focus sentinel does): check by keyboard that focus never stays there.")
}
const FAILED: &str = "The aria-hidden element contains content the Tab key reaches: remove aria-hidden, or take that content out of the tab order.";

/// An empty `div` or `span` made tabbable: a focus guard, which does nothing unless a script
/// sends focus on from it (focus traps put one at each end of a dialog). A script the engine
/// could not follow is reason enough to think it does; a link or a field is not a guard.
fn is_focus_guard(el: &crate::model::El) -> bool {
    el.is_html()
        && matches!(el.name(), "div" | "span")
        && el.attr("tabindex").is_some()
        && el.children().next().is_none()
        && !el.has_text_content()
}

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
        let kept: Vec<_> = tabbable.iter().filter(|d| !hands_focus_on(d)).collect();
        // Focus sentinels in modal dialogs are reachable but hand focus on at once: one
        // element no script may do that for is enough to fail.
        let reasons: Option<Vec<Reason>> = kept
            .iter()
            .map(|d| {
                doc.scripts()
                    .may_change(ScriptEffect::Focus, d)
                    .or_else(|| match is_focus_guard(d) {
                        true => doc.scripts().unfollowed().map(Reason::Unfollowed),
                        false => None,
                    })
            })
            .collect();
        if tabbable.is_empty() {
            Expectation::passed("nothing-focusable", PASSED)
        } else if kept.is_empty() {
            Expectation::passed("focus-moved-out", HANDS_FOCUS_ON)
        } else if let Some(reason) = reasons.as_ref().and_then(|r| r.first()) {
            Expectation::cant_tell("scripted-focus", scripted_focus(reason))
        } else {
            Expectation::failed("focusable-content", FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::testing::findings;

    fn outcome(body: &str) -> (Outcome, String) {
        let found = findings("aria-hidden-no-focusable", body);
        assert_eq!(found.len(), 1, "{found:?}");
        (found[0].outcome, found[0].message.clone())
    }

    const HIDDEN_LINK: &str = r#"<div aria-hidden="true"><a href="/">Home</a></div>"#;

    #[test]
    fn reachable_content_without_scripts_fails() {
        assert_eq!(outcome(HIDDEN_LINK).0, Outcome::Failed);
    }

    #[test]
    fn an_external_script_alone_does_not_rescue_real_content() {
        // A link with text is not a focus guard: nothing on the page says a script moves
        // focus away from it, and external scripts are on every council page.
        let (got, _) = outcome(&format!(
            r#"{HIDDEN_LINK}<script src="analytics.js"></script>"#
        ));
        assert_eq!(got, Outcome::Failed);
    }

    #[test]
    fn a_focus_guard_may_be_served_by_an_external_script() {
        // Focus traps put empty tabbable guards at the ends of a dialog; a script moves
        // focus on from them.
        let guard = r#"<div tabindex="0" aria-hidden="true"></div>"#;
        let (got, message) = outcome(&format!(r#"{guard}<script src="dialog.js"></script>"#));
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("external script"), "{message}");
        // Without any script, the guard does nothing: focus lands on hidden content.
        assert_eq!(outcome(guard).0, Outcome::Failed);
    }

    #[test]
    fn an_unfollowed_inline_script_that_handles_focus_may_hand_focus_on() {
        // The loop stops the interpreter; the code calls focus(), so it may move focus.
        let script = r#"<script>for (;;) { document.getElementById('x').focus(); break; }</script>"#;
        let (got, message) = outcome(&format!("{HIDDEN_LINK}{script}"));
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("inline script"), "{message}");
        // The same stop in code that never touches focus rescues nothing.
        let script = r#"<script>for (;;) { track('page'); break; }</script>"#;
        assert_eq!(outcome(&format!("{HIDDEN_LINK}{script}")).0, Outcome::Failed);
    }

    #[test]
    fn a_focus_handler_attribute_may_hand_focus_on() {
        let (got, message) = outcome(
            r#"<div aria-hidden="true"><a href="/" onfocus="first.focus()">Start</a></div>"#,
        );
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("onfocus"), "{message}");
    }

    #[test]
    fn one_element_no_script_can_rescue_fails() {
        // The first link may be a sentinel; nothing can move focus away from the second.
        let body = r#"<div aria-hidden="true"><a href="/" onfocus="first.focus()">S</a><a href="/b">B</a></div>"#;
        assert_eq!(outcome(body).0, Outcome::Failed);
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn a_followed_script_that_only_mentions_focus_changes_nothing() {
        // The script runs to its end and adds no listener: the link keeps focus.
        let body = format!(r#"{HIDDEN_LINK}<script>console.log('focus')</script>"#);
        assert_eq!(outcome(&body).0, Outcome::Failed);
    }

    #[cfg(not(feature = "page-scripts"))]
    #[test]
    fn without_the_interpreter_an_inline_script_may_hand_focus_on() {
        let body = format!(r#"{HIDDEN_LINK}<script>document.getElementById('x').focus()</script>"#);
        let (got, message) = outcome(&body);
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("runs none"), "{message}");
        // Code that never touches focus cannot move it, run or not.
        let body = format!(r#"{HIDDEN_LINK}<script>console.log('hi')</script>"#);
        assert_eq!(outcome(&body).0, Outcome::Failed);
    }
}
