use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every image button (`<input type="image">`) has a non-empty accessible
    /// name, normally from its `alt` attribute.
    ///
    /// ## Why it matters
    /// An image used as a submit button ("Go", "Search") without `alt` is announced only as
    /// "button" or by its file name, so people cannot tell what it submits.
    ///
    /// ## Example
    /// ```html
    /// <input type="image" src="go.png">            <!-- fails -->
    /// <input type="image" src="go.png" alt="Search"> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.1.1 Non-text Content (A), 4.1.2 Name, Role, Value (A);
    /// ACT rule 59796f "Image button has non-empty accessible name".
    pub struct ImageButtonHasName {
        id: "image-button-has-name",
        title: "Image button has a non-empty accessible name",
        wcag: ["1.1.1", "4.1.2"],
        level: Some(Level::A),
        act: ["59796f"],
        impact: Critical,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The image button has an accessible name.";
const FAILED: &str =
    "The image button has no accessible name: add alt text that says what the button does.";

impl Rule for ImageButtonHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["input"])
            .filter(|e| e.is_html() && e.name() == "input" && e.input_type() == "image")
            .filter(|e| e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
