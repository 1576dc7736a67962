use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;

declare_rule! {
    /// ## What it does
    /// Checks that every attribute starting with `aria-` is a state or property that
    /// WAI-ARIA defines. Misspellings such as `aria-labeledby` are caught.
    ///
    /// ## Why it matters
    /// Browsers ignore undefined `aria-` attributes, so the label, state or relationship the
    /// author meant to give never reaches assistive technology — silently.
    ///
    /// ## Example
    /// ```html
    /// <input aria-labeledby="pc-label">   <!-- fails: misspelt -->
    /// <input aria-labelledby="pc-label">  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WAI-ARIA 1.2 §6.6 (best practice; related to WCAG 2.2 SC 4.1.2);
    /// ACT rule 5f99a7 "ARIA attribute is defined in WAI-ARIA".
    pub struct AriaAttributeDefined {
        id: "aria-attribute-defined",
        title: "ARIA attribute is defined in WAI-ARIA",
        wcag: [],
        level: None,
        act: ["5f99a7"],
        impact: Serious,
        codes: ["defined", "not-defined"],
    }
}

const PASSED: &str = "The aria- attribute is defined in WAI-ARIA.";
const FAILED: &str =
    "This aria- attribute is not defined in WAI-ARIA (misspelt?), so browsers ignore it.";

impl Rule for AriaAttributeDefined {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_aria_attrs()
            .filter(is_html_or_svg)
            .flat_map(|e| {
                e.attrs()
                    .filter(|(n, _)| n.starts_with("aria-"))
                    .map(move |(n, _)| Target::attribute(e, n))
            })
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let name = target.attribute.unwrap_or("");
        Expectation::check(aria::attribute(name).is_some(), ("defined", PASSED), ("not-defined", FAILED))
    }
}
