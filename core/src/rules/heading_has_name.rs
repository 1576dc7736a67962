use super::predicates::{has_accessible_name, included_with_role};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every heading has a non-empty accessible name (text, or alt text of an
    /// image inside it).
    ///
    /// ## Why it matters
    /// Screen reader users jump between headings to find their way. An empty heading is
    /// announced as "heading level 2" with nothing after it, and breaks that navigation.
    ///
    /// ## Example
    /// ```html
    /// <h2></h2>                     <!-- fails -->
    /// <h2>Bin collection days</h2>  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A), 2.4.6 Headings and Labels (AA);
    /// ACT rule ffd0e9 "Heading has non-empty accessible name".
    pub struct HeadingHasName {
        id: "heading-has-name",
        title: "Heading has a non-empty accessible name",
        wcag: ["1.3.1", "2.4.6"],
        level: Some(Level::A),
        act: ["ffd0e9"],
        impact: Serious,
        codes: ["has-name", "empty"],
    }
}

const PASSED: &str = "The heading has an accessible name.";
const FAILED: &str = "The heading is empty: give it text, or remove it.";

impl Rule for HeadingHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        included_with_role(doc, "heading")
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("empty", FAILED))
    }
}
