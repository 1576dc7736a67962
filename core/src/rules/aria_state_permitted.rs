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
        codes: ["permitted", "not-supported", "prohibited"],
    }
}

const PASSED: &str = "The state or property is allowed on this role.";
const NOT_SUPPORTED: &str =
    "This state or property is not supported by the element's role, so browsers ignore it.";
const PROHIBITED: &str = "This state or property is prohibited on the element's role (e.g. aria-label on a generic element).";

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
            return Expectation::check(aria::is_global_attribute(attr), ("permitted", PASSED), ("not-supported", NOT_SUPPORTED));
        };
        let info = aria::role(role);
        if info.is_some_and(|i| i.prohibited_attributes.contains(&attr)) {
            return Expectation::failed("prohibited", PROHIBITED);
        }
        Expectation::check(
            aria::role_supports_attribute(role, attr),
            ("permitted", PASSED),
            ("not-supported", NOT_SUPPORTED),
        )
    }
}
