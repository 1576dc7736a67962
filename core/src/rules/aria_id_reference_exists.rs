use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::script::{Reason, ScriptEffect};

declare_rule! {
    /// ## What it does
    /// Checks the two ARIA attributes whose whole value is the id of one element that must
    /// exist for them to work: `aria-activedescendant` on a focusable element (the option,
    /// row or item that has focus inside a listbox, grid or tree) and `aria-errormessage`
    /// (the message that says what is wrong with a field). The id must name an element on
    /// the page (in the same document or shadow tree). When it names nothing but the page
    /// has scripts the engine could not follow, which may create the element (suggestion
    /// lists and error messages usually appear on demand), the result is "can't tell". An
    /// `aria-activedescendant` naming nothing on a page without such scripts fails: the
    /// widget can never say which item is active. A missing error message is "can't tell":
    /// the message may still be shown, unlinked, beside the field.
    ///
    /// ## Why it matters
    /// When `aria-activedescendant` names nothing, screen readers announce nothing as the
    /// person arrows through an address picker; when `aria-errormessage` names nothing, an
    /// invalid field's message ("Enter a valid postcode") is not read with the field.
    ///
    /// ## Example
    /// ```html
    /// <ul role="listbox" tabindex="0" aria-activedescendant="ward-3">    <!-- fails: no #ward-3 -->
    ///   <li id="ward-1" role="option">Abbey</li>
    /// </ul>
    /// <input aria-invalid="true" aria-errormessage="pc-error">
    /// <p id="pc-error">Enter a valid postcode</p>                        <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); WAI-ARIA 1.2 `aria-activedescendant` and
    /// `aria-errormessage` (ID reference values); related to 3.3.1 Error Identification.
    pub struct AriaIdReferenceExists {
        id: "aria-id-reference-exists",
        title: "aria-activedescendant and aria-errormessage name an element that exists",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["reference-exists", "may-be-scripted", "no-error-message", "no-active-descendant"],
    }
}

/// The ID-reference attributes (one id each) that do nothing unless the element exists.
const ATTRIBUTES: &[&str] = &["aria-activedescendant", "aria-errormessage"];

const PASSED: &str = "The id names an element on the page.";
const FAILED: &str = "aria-activedescendant names no element on the page, and nothing on it can create one: the widget can never tell screen readers which item is active. Point it at the active item.";
const NO_ERROR_MESSAGE: &str = "aria-errormessage names no element on the page, so no message is read with the field: check that the error is described in text near it, and point aria-errormessage at that text.";

/// The cantTell message, with what may create the element.
fn scripted(reason: &Reason) -> String {
    format!("The id names no element in the page as loaded, but {reason} may create it: check that it exists when the widget is in use.")
}

impl Rule for AriaIdReferenceExists {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        cx.doc
            .elements_with_attrs(ATTRIBUTES)
            .filter(|e| (e.is_html() || e.is_svg()) && e.is_in_accessibility_tree())
            .flat_map(|e| {
                ATTRIBUTES
                    .iter()
                    .filter(move |a| e.non_empty_attr(a).is_some_and(|v| !v.trim().is_empty()))
                    // Only a focusable element has items to make active.
                    .filter(move |a| **a != "aria-activedescendant" || e.is_focusable())
                    .map(move |a| Target::attribute(e, a))
            })
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let doc = el.document();
        let id = el
            .attr(target.attribute.unwrap_or(""))
            .unwrap_or("")
            .trim_matches(|c: char| c.is_ascii_whitespace());
        if doc.element_by_id_in(el.scope(), id).is_some() {
            Expectation::passed("reference-exists", PASSED)
        } else if let Some(reason) = doc.scripts().may_change(ScriptEffect::Elements, &el) {
            Expectation::cant_tell("may-be-scripted", scripted(&reason))
        } else if target.attribute == Some("aria-errormessage") {
            Expectation::cant_tell("no-error-message", NO_ERROR_MESSAGE)
        } else {
            Expectation::failed("no-active-descendant", FAILED)
        }
    }
}
