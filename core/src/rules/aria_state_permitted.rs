use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that each WAI-ARIA state or property on an element is allowed for that
    /// element's role: global attributes are allowed everywhere, others only on roles that
    /// support them (`aria-checked` on a checkbox, not on a link), and none that the role
    /// prohibits (`aria-label` on a plain `<div>` or `<span>`).
    ///
    /// Where the attribute cannot mislead anyone it is not failed:
    /// - an empty or whitespace-only `aria-label`/`aria-labelledby` on a role that prohibits
    ///   naming passes: the accessible name computation ignores it, so nothing is claimed;
    /// - a true/false attribute the role does not support, set to `false`, passes: `false` is
    ///   its default (`aria-required="false"` on a button says what the button already is);
    /// - `aria-expanded` on a role that had it in ARIA 1.1 and lost it in 1.2 (alerts,
    ///   dialogs, landmarks, articles, lists and other sections) is cantTell: ARIA 1.2
    ///   deprecated it there rather than forbidding it, browsers differ on exposing it, and the
    ///   state users need belongs on the control that expands the section.
    ///
    /// ## Why it matters
    /// Browsers drop states a role does not support, so a "selected" tab or a label on a
    /// generic container never reaches screen reader users, and people are told something
    /// different from what sighted users see.
    ///
    /// ## Example
    /// ```html
    /// <a href="/bins" aria-checked="true">Bins</a>  <!-- fails -->
    /// <div role="checkbox" aria-checked="true">…</div> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule 5c01ea "ARIA state or property is permitted".
    pub struct AriaStatePermitted {
        id: "aria-state-permitted",
        title: "ARIA state or property is permitted for the role",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["5c01ea"],
        impact: Serious,
        codes: ["permitted", "not-supported", "prohibited", "empty-name-ignored", "default-value", "deprecated-on-role"],
    }
}

const PASSED: &str = "The state or property is allowed on this role.";
const NOT_SUPPORTED: &str =
    "This state or property is not supported by the element's role, so browsers ignore it.";
const PROHIBITED: &str = "This state or property is prohibited on the element's role (e.g. aria-label on a generic element).";
const EMPTY_NAME: &str = "The role prohibits naming, but this attribute is empty, so browsers ignore it and no name is claimed.";
const DEFAULT_VALUE: &str = "The role does not support this attribute, but its value is the default (false), so it claims nothing users miss.";
const DEPRECATED: &str = "ARIA 1.2 deprecated aria-expanded on this role (ARIA 1.1 allowed it) and browsers differ on exposing it: check that the control which expands this content carries aria-expanded itself.";

impl Rule for AriaStatePermitted {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_aria_attrs()
            .filter(|e| is_html_or_svg(e) && e.is_in_accessibility_tree())
            .flat_map(|e| {
                e.attrs()
                    .filter(|(n, _)| aria::attribute(n).is_some())
                    .map(move |(n, _)| Target::attribute(e, n))
            })
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let attr = target.attribute.unwrap_or("");
        let role = target
            .element
            .role()
            .filter(|r| !crate::model::is_presentational_role(r));
        let Some(role) = role else {
            // Without a role only global states and properties apply.
            if aria::is_global_attribute(attr) {
                return Expectation::passed("permitted", PASSED);
            }
            let value = target.element.attr(attr).unwrap_or("");
            if is_default_false(attr, value) {
                return Expectation::passed("default-value", DEFAULT_VALUE);
            }
            return Expectation::failed("not-supported", NOT_SUPPORTED);
        };
        let info = aria::role(role);
        let value = target.element.attr(attr).unwrap_or("");
        if info.is_some_and(|i| i.prohibited_attributes.contains(&attr)) {
            if matches!(attr, "aria-label" | "aria-labelledby") && value.trim().is_empty() {
                return Expectation::passed("empty-name-ignored", EMPTY_NAME);
            }
            return Expectation::failed("prohibited", PROHIBITED);
        }
        if aria::role_supports_attribute(role, attr) {
            return Expectation::passed("permitted", PASSED);
        }
        if is_default_false(attr, value) {
            return Expectation::passed("default-value", DEFAULT_VALUE);
        }
        if attr == "aria-expanded" && had_aria_expanded_in_aria_1_1(role) {
            return Expectation::cant_tell("deprecated-on-role", DEPRECATED);
        }
        Expectation::failed("not-supported", NOT_SUPPORTED)
    }
}

/// A true/false attribute (every one defaults to `false` in ARIA 1.2) explicitly set to
/// `false`.
fn is_default_false(attr: &str, value: &str) -> bool {
    aria::attribute(attr).is_some_and(|a| a.value_type == aria::ValueType::TrueFalse)
        && value.trim().eq_ignore_ascii_case("false")
}

/// Roles that supported `aria-expanded` in ARIA 1.1 through its superclasses `section`,
/// `document` and `window`, from which ARIA 1.2 removed it.
fn had_aria_expanded_in_aria_1_1(role: &str) -> bool {
    ["section", "document", "window"]
        .iter()
        .any(|ancestor| aria::role_is_a(role, ancestor))
}
