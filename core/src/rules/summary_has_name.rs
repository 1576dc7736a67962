use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that the `<summary>` of every `<details>` disclosure widget has a non-empty
    /// accessible name, normally its text ("Opening times"), or else `aria-label`,
    /// `aria-labelledby` or `title`.
    ///
    /// ## Why it matters
    /// The summary is the button that opens and closes the details. An empty one is announced
    /// as just "disclosure triangle, collapsed": screen reader and voice control users cannot
    /// tell what it hides or ask for it by name.
    ///
    /// ## Example
    /// ```html
    /// <details><summary></summary><p>Open 9am to 5pm.</p></details>              <!-- fails -->
    /// <details><summary>Opening times</summary><p>Open 9am to 5pm.</p></details> <!-- passes -->
    /// ```
    /// Only the first `<summary>` child of a `<details>` is its control; a `<summary>` given
    /// another role (e.g. `role="button"`) is checked by the rule for that role instead.
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule 2t702h "Summary element has non-empty accessible name".
    pub struct SummaryHasName {
        id: "summary-has-name",
        title: "Summary element has a non-empty accessible name",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["2t702h"],
        impact: Serious,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The summary has an accessible name.";
const FAILED: &str =
    "The summary has no accessible name: give it text that says what the details contain.";

impl Rule for SummaryHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["summary"])
            .filter(|e| e.is_html() && e.name() == "summary")
            .filter(is_details_summary)
            .filter(|e| !e.has_explicit_role() && e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}

/// HTML's "summary for its parent details": the first `<summary>` child of a `<details>`.
fn is_details_summary(el: &El) -> bool {
    el.parent().is_some_and(|p| {
        p.is_html()
            && p.name() == "details"
            && p.children().find(|c| c.is_html() && c.name() == "summary") == Some(*el)
    })
}
