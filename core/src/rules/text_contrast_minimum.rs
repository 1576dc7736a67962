use super::{contrast, declare_rule, Expectation, Rule, RuleMeta, Target};
use crate::dom::Document;
use crate::report::Level;

declare_rule! {
    /// ## What it does
    /// Checks that visible text has enough contrast with its background: a contrast ratio of
    /// at least 4.5:1, or 3:1 for large-scale text (24px and up, or 18.66px and up when bold).
    /// Colours come from the computed style: alpha and `opacity` are composited over the
    /// backgrounds of the text's ancestors, down to the white page. Text in disabled controls,
    /// labels of disabled controls, hidden text, and text drawn in its background colour are
    /// not checked.
    ///
    /// The result is "can't tell" (with the reason) where a static check cannot know the
    /// colours behind the text: background images, gradients whose stops disagree, a
    /// `text-shadow`, boxes positioned out of the normal flow without a background of their
    /// own, colours the engine cannot compute, and text a script adds in a shadow root.
    /// Single letters or symbols used as icons are "can't tell" when they fail.
    ///
    /// ## Why it matters
    /// Many people with low vision or colour vision deficiencies, and anyone reading a phone
    /// in sunlight, cannot read pale grey text on white. Council notices set in light grey
    /// "to look tidy" are skipped or misread.
    ///
    /// ## Example
    /// ```html
    /// <p style="color: #aaa; background: #fff">Bins are collected on Tuesday.</p>  <!-- fails: 2.3:1 -->
    /// <p style="color: #595959; background: #fff">Bins are collected on Tuesday.</p>  <!-- passes: 7:1 -->
    /// <h1 style="color: #777; font-size: 32px">Bins</h1>  <!-- passes: large text, 4.5:1 -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.3 Contrast (Minimum) (AA); ACT rule afw4f7 "Text has minimum contrast".
    pub struct TextContrastMinimum {
        id: "text-contrast-minimum",
        title: "Text has enough contrast with its background (4.5:1, large text 3:1)",
        wcag: ["1.4.3"],
        level: Some(Level::AA),
        act: ["afw4f7"],
        impact: Serious,
    }
}

impl Rule for TextContrastMinimum {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, doc: &'d Document) -> Vec<Target<'d>> {
        contrast::applicability(doc)
    }

    fn expectation(&self, target: &Target<'_>) -> Expectation {
        contrast::expectation(target, 4.5, 3.0)
    }
}
