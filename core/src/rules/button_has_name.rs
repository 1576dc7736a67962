use super::predicates::{has_accessible_name, included_with_role};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every button has a non-empty accessible name: visible text, `aria-label`,
    /// `aria-labelledby`, a `value` for `<input type="button">`, or a `title`.
    ///
    /// ## Why it matters
    /// An icon-only button (a magnifying glass for search, a cross to close) is announced as
    /// just "button": people using screen readers or voice control cannot tell what it does or
    /// ask for it by name.
    ///
    /// ## Example
    /// ```html
    /// <button><svg aria-hidden="true">…</svg></button>                <!-- fails -->
    /// <button aria-label="Search"><svg aria-hidden="true">…</svg></button> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule 97a4e1 "Button has non-empty accessible name".
    pub struct ButtonHasName {
        id: "button-has-name",
        title: "Button has a non-empty accessible name",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["97a4e1"],
        impact: Critical,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The button has an accessible name.";
const FAILED: &str =
    "The button has no accessible name: give it text, aria-label or aria-labelledby.";

impl Rule for ButtonHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // Image buttons have their own rule (image-button-has-name).
        included_with_role(doc, "button")
            .filter(|e| !(e.is_html() && e.name() == "input" && e.input_type() == "image"))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
