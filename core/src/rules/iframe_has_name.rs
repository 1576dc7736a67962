use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::parse_integer;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every `<iframe>` people can reach has a non-empty accessible name, usually
    /// from its `title` attribute.
    ///
    /// ## Why it matters
    /// Council pages embed maps, payment forms and videos in frames. Screen readers announce a
    /// frame by its name; without one, people cannot tell whether to enter it.
    ///
    /// ## Example
    /// ```html
    /// <iframe src="https://maps.example/planning"></iframe>                           <!-- fails -->
    /// <iframe src="https://maps.example/planning" title="Map of planning applications"></iframe> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule cae760 "Iframe element has non-empty accessible name".
    pub struct IframeHasName {
        id: "iframe-has-name",
        title: "Iframe has a non-empty accessible name",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["cae760"],
        impact: Serious,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The iframe has an accessible name.";
const FAILED: &str =
    "The iframe has no accessible name: add a title attribute that says what the frame contains.";

impl Rule for IframeHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["iframe"])
            .filter(|e| e.is_html() && e.name() == "iframe" && e.is_in_accessibility_tree())
            .filter(|e| !e.is_presentational())
            // Frames taken out of the tab order are not announced when tabbing.
            .filter(|e| {
                e.attr("tabindex")
                    .and_then(parse_integer)
                    .is_none_or(|t| t >= 0)
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
