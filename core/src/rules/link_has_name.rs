use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every link has a non-empty accessible name, from its text, the `alt` of an
    /// image inside it, `aria-label` or `aria-labelledby`.
    ///
    /// ## Why it matters
    /// Screen reader users often move through a page by its list of links. A link that wraps
    /// only an unlabelled logo or icon is announced as "link" or as its URL, so "Pay council
    /// tax" or "Report a missed bin" cannot be found.
    ///
    /// ## Example
    /// ```html
    /// <a href="/pay"><img src="card.svg"></a>                 <!-- fails -->
    /// <a href="/pay"><img src="card.svg" alt="Pay council tax"></a> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.4.4 Link Purpose (In Context) (A), 4.1.2 Name, Role, Value (A);
    /// ACT rule c487ae "Link has non-empty accessible name".
    pub struct LinkHasName {
        id: "link-has-name",
        title: "Link has a non-empty accessible name",
        wcag: ["2.4.4", "4.1.2"],
        level: Some(Level::A),
        act: ["c487ae"],
        impact: Serious,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The link has an accessible name.";
const FAILED: &str =
    "The link has no accessible name: give it text, or alt text on the image it wraps.";

impl Rule for LinkHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_role("link")
            .filter(|e| e.is_html() || e.is_svg())
            .filter(|e| e.has_role("link") && e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
