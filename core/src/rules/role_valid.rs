use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;

declare_rule! {
    /// ## What it does
    /// Checks that a `role` attribute contains at least one valid, non-abstract role from
    /// WAI-ARIA, DPUB-ARIA or Graphics-ARIA.
    ///
    /// ## Why it matters
    /// A misspelt role (`role="navigaton"`) is ignored: the element keeps its native role, and
    /// the landmark or widget the author intended never exists for screen reader users.
    ///
    /// ## Example
    /// ```html
    /// <div role="navigaton">…</div>   <!-- fails -->
    /// <div role="navigation">…</div>  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WAI-ARIA 1.2 §5 (best practice; related to WCAG 2.2 SC 1.3.1 and 4.1.2);
    /// ACT rule 674b10 "Role attribute has valid value".
    pub struct RoleValid {
        id: "role-valid",
        title: "Role attribute has a valid value",
        wcag: [],
        level: None,
        act: ["674b10"],
        impact: Serious,
        codes: ["valid-role", "invalid-role"],
    }
}

const PASSED: &str = "The role attribute names a valid role.";
const FAILED: &str = "The role attribute names no valid WAI-ARIA role (misspelt or abstract), so browsers ignore it.";

impl Rule for RoleValid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("role")
            .filter(is_html_or_svg)
            .filter(|e| e.non_empty_attr("role").is_some() && e.is_in_accessibility_tree())
            .map(|e| Target::attribute(e, "role"))
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let value = target.element.attr("role").unwrap_or("");
        let valid = value
            .split_ascii_whitespace()
            .any(|token| match token.bytes().any(|b| b.is_ascii_uppercase()) {
                true => aria::is_valid_concrete_role(&token.to_ascii_lowercase()),
                // Most roles are written in lower case: no copy to lower-case them.
                false => aria::is_valid_concrete_role(token),
            });
        Expectation::check(valid, ("valid-role", PASSED), ("invalid-role", FAILED))
    }
}
