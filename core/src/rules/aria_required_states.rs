use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an element given a role with the `role` attribute also has the states and
    /// properties that role requires — for example `role="checkbox"` needs `aria-checked`,
    /// `role="slider"` needs `aria-valuenow`.
    ///
    /// ## Why it matters
    /// A custom checkbox without `aria-checked` is announced as a checkbox with no state:
    /// screen reader users cannot tell whether they have agreed to the terms or asked for a
    /// garden waste bin.
    ///
    /// ## Example
    /// ```html
    /// <div role="checkbox" tabindex="0">Garden waste</div>                      <!-- fails -->
    /// <div role="checkbox" tabindex="0" aria-checked="false">Garden waste</div> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule 4e8ab6 "Element with role attribute has required states and properties".
    pub struct AriaRequiredStates {
        id: "aria-required-states",
        title: "Element with role has required states and properties",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["4e8ab6"],
        impact: Critical,
        codes: ["has-required-states", "missing-required-states"],
    }
}

const PASSED: &str = "The element has every state and property its role requires.";
const FAILED_PREFIX: &str = "The role requires states or properties that are missing: ";

impl Rule for AriaRequiredStates {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("role")
            .filter(is_html_or_svg)
            .filter(|e| e.has_explicit_role() && e.is_in_accessibility_tree())
            .filter(|e| e.implicit_role() != e.role())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let Some(info) = el.role_info() else {
            return Expectation::passed("has-required-states", PASSED);
        };
        let when_focusable = if el.is_focusable() {
            aria::required_attributes_if_focusable(info.name)
        } else {
            &[]
        };
        let missing: Vec<&str> = info
            .required_attributes
            .iter()
            .chain(when_focusable)
            .copied()
            .filter(|attr| !has_state(&el, attr))
            .collect();
        if missing.is_empty() {
            Expectation::passed("has-required-states", PASSED)
        } else {
            Expectation::failed("missing-required-states", format!("{FAILED_PREFIX}{}.", missing.join(", ")))
        }
    }
}

/// Whether the element provides the state: as an attribute, or natively (the checked state
/// of an `<input type=checkbox>`). Default values do not count: ACT requires the attribute.
fn has_state(el: &El, attr: &str) -> bool {
    if el.attr(attr).is_some() {
        return true;
    }
    let native = el.is_html() && el.name() == "input";
    match attr {
        "aria-checked" => native && matches!(el.input_type(), "checkbox" | "radio"),
        "aria-valuenow" => native && matches!(el.input_type(), "range" | "number"),
        "aria-expanded" => el.is_html() && el.name() == "select",
        _ => false,
    }
}
