use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::script::ScriptEffect;

declare_rule! {
    /// ## What it does
    /// Checks `aria-checked` on native checkboxes and radio buttons (`<input type="checkbox">`
    /// and `<input type="radio">`). Their state comes from the `checked` attribute; an
    /// `aria-checked` that says the opposite (`checked` with `aria-checked="false"`, or no
    /// `checked` with `aria-checked="true"`) fails. `aria-checked="mixed"` is "can't tell":
    /// browsers disagree on it (Chromium exposes it, Firefox and Safari ignore it), so set
    /// the `indeterminate` property instead. On a page whose scripts the engine could not
    /// follow, which may set both states, a contradiction is "can't tell" too.
    ///
    /// ## Why it matters
    /// Firefox and Safari expose the box's own state and ignore `aria-checked`, but Chromium
    /// browsers (Chrome, Edge) let `aria-checked` win: a screen reader there announces "not
    /// checked" for a box that is ticked, and the form is sent with an answer the person did
    /// not know they gave (a direct debit mandate, a consent to share data).
    ///
    /// ## Example
    /// ```html
    /// <input type="checkbox" checked aria-checked="false"> <!-- fails -->
    /// <input type="checkbox" checked>                      <!-- passes: no aria-checked needed -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ARIA in HTML: "Authors MUST NOT use the
    /// aria-checked attribute on any element where the checkedness … can be in opposition to
    /// the current value of the aria-checked attribute"; WAI-ARIA 1.2 §8.5 (host language
    /// semantics win).
    pub struct AriaCheckedMatchesNative {
        id: "aria-checked-matches-native",
        title: "aria-checked does not contradict a native checkbox or radio button",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["agrees", "mixed", "may-be-scripted", "contradicts"],
    }
}

const AGREES: &str = "aria-checked agrees with the control's own checked state; it is not needed (ARIA in HTML says not to use it), and must be kept in step if a script changes the state.";
const MIXED: &str = "aria-checked=\"mixed\" on a native checkbox is exposed by Chromium browsers but ignored by Firefox and Safari: set the checkbox's indeterminate property instead and remove aria-checked.";
const FAILED: &str = "aria-checked contradicts the control's own checked state, and Chromium browsers announce the aria-checked value: remove aria-checked and use the checked attribute.";

/// The cantTell message, with what may change the states.
fn scripted(reason: &crate::script::Reason) -> String {
    format!("aria-checked contradicts the checked attribute in the page as loaded, but {reason} may set both: check that they agree once the page has loaded, or better, remove aria-checked.")
}

impl Rule for AriaCheckedMatchesNative {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        cx.doc
            .elements_with_attr("aria-checked")
            .filter(|e| {
                e.is_html()
                    && e.name() == "input"
                    && matches!(e.input_type(), "checkbox" | "radio")
            })
            .filter(|e| e.is_in_accessibility_tree())
            .filter(|e| aria_checked(e).is_some())
            .map(|e| Target::attribute(e, "aria-checked"))
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let checked = el.attr("checked").is_some();
        match aria_checked(&el) {
            Some(AriaChecked::Mixed) => Expectation::cant_tell("mixed", MIXED),
            Some(AriaChecked::Bool(aria)) if aria == checked => {
                Expectation::passed("agrees", AGREES)
            }
            _ => match el.document().scripts().may_change(ScriptEffect::Attributes, &el) {
                Some(reason) => Expectation::cant_tell("may-be-scripted", scripted(&reason)),
                None => Expectation::failed("contradicts", FAILED),
            },
        }
    }
}

enum AriaChecked {
    Bool(bool),
    Mixed,
}

/// The `aria-checked` value when it states one (`true`, `false` or `mixed`, any case);
/// `None` for empty, `undefined` or invalid values, which claim no state.
fn aria_checked(el: &crate::model::El) -> Option<AriaChecked> {
    let value = el.attr("aria-checked")?.trim();
    if value.eq_ignore_ascii_case("true") {
        Some(AriaChecked::Bool(true))
    } else if value.eq_ignore_ascii_case("false") {
        Some(AriaChecked::Bool(false))
    } else if value.eq_ignore_ascii_case("mixed") {
        Some(AriaChecked::Mixed)
    } else {
        None
    }
}
