use super::{Context, Expectation, Rule, RuleMeta, Target, contrast, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that visible text has enhanced contrast with its background: a contrast ratio
    /// of at least 7:1, or 4.5:1 for large-scale text (24px and up, or 18.66px and up when
    /// bold). Colours are computed as for `text-contrast-minimum` (alpha and `opacity`
    /// composited over the ancestors' backgrounds), with the same exceptions (disabled
    /// controls and their labels, hidden text) and the same "can't tell" cases (background
    /// images, gradients whose stops disagree, one-sided drop shadows and wide glows,
    /// out-of-flow boxes without a background, colours the engine cannot compute; a
    /// surrounding `text-shadow` halo replaces the background, and a narrow outline, from
    /// `-webkit-text-stroke` or four-sided hard shadows, counts as part of the letter).
    ///
    /// ## Why it matters
    /// People with moderately low vision, who do not use magnification or contrast-enhancing
    /// tools, need more contrast than the AA minimum. AAA is not required by most
    /// accessibility regulations, but it is the better target for long public notices.
    ///
    /// ## Example
    /// ```html
    /// <p style="color: #666; background: #fff">Council tax is due on the 1st.</p>  <!-- fails: 5.7:1 -->
    /// <p style="color: #333; background: #fff">Council tax is due on the 1st.</p>  <!-- passes: 12.6:1 -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.6 Contrast (Enhanced) (AAA); ACT rule 09o5cg "Text has enhanced contrast".
    pub struct TextContrastEnhanced {
        id: "text-contrast-enhanced",
        title: "Text has enhanced contrast with its background (7:1, large text 4.5:1)",
        wcag: ["1.4.6"],
        level: Some(Level::AAA),
        act: ["09o5cg"],
        impact: Moderate,
        codes: contrast::CODES,
    }
}

impl Rule for TextContrastEnhanced {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        contrast::applicability(cx)
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        contrast::expectation(target, 7.0, 4.5)
    }
}
