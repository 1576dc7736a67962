use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an SVG element given an image role — `role="img"`, `"graphics-document"`
    /// or `"graphics-symbol"` — has a non-empty accessible name: a `<title>` child,
    /// `aria-label` or `aria-labelledby`. Text drawn inside the SVG does not count.
    ///
    /// ## Why it matters
    /// The role tells screen readers "this is an image", so they announce it — but without a
    /// name there is nothing to say about it. A chart of recycling rates or a ward map is then
    /// just "image".
    ///
    /// ## Example
    /// ```html
    /// <svg role="img"><circle r="40"/></svg>                                   <!-- fails -->
    /// <svg role="img"><title>Recycling rate: 52%</title><circle r="40"/></svg> <!-- passes -->
    /// ```
    /// An SVG that is pure decoration should have `aria-hidden="true"` instead of a role.
    ///
    /// ## References
    /// WCAG 2.2 SC 1.1.1 Non-text Content (A);
    /// ACT rule 7d6734 "SVG element with explicit role has non-empty accessible name".
    pub struct SvgImgHasName {
        id: "svg-img-has-name",
        title: "SVG with an image role has a non-empty accessible name",
        wcag: ["1.1.1"],
        level: Some(Level::A),
        act: ["7d6734"],
        impact: Critical,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The SVG image has a text alternative.";
const FAILED: &str = "The SVG image has no text alternative: add a <title> child or an aria-label that says what it shows.";

impl Rule for SvgImgHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("role")
            .filter(|e| e.is_svg() && e.is_in_accessibility_tree())
            .filter(|e| {
                matches!(
                    e.explicit_role(),
                    Some("img" | "graphics-document" | "graphics-symbol")
                )
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
