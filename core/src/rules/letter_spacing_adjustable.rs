use super::text::{spacing_ratio, spacing_target};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::style::PropertyId;

declare_rule! {
    /// ## What it does
    /// Checks that a `style` attribute does not lock `letter-spacing` with `!important` at
    /// less than 0.12 times the font size. Users who need more space between letters apply
    /// their own style sheet; an inline `!important` declaration beats it. Applies to
    /// visible elements whose winning `letter-spacing` declaration is such an inline
    /// `!important` one (`inherit`/`unset` do not count; `normal` and `initial` are 0) and
    /// reaches visible text: their own, or descendants' that inherit it. Each text is
    /// measured against its own font size.
    ///
    /// ## Why it matters
    /// People with dyslexia or low vision read better with wider letter spacing, set by a
    /// browser extension or user style sheet. `letter-spacing: 0.05em !important` in markup
    /// silently undoes their setting.
    ///
    /// ## Example
    /// ```html
    /// <p style="letter-spacing: 0.1em !important">Report a missed bin</p>   <!-- fails -->
    /// <p style="letter-spacing: 0.15em !important">Report a missed bin</p>  <!-- passes -->
    /// <p style="letter-spacing: 0.1em">Report a missed bin</p>              <!-- not important: not checked -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.12 Text Spacing (AA); ACT rule 24afc2 "Important letter spacing in style attributes is wide enough".
    pub struct LetterSpacingAdjustable {
        id: "letter-spacing-adjustable",
        title: "Important letter spacing in style attributes is wide enough",
        wcag: ["1.4.12"],
        level: Some(Level::AA),
        act: ["24afc2"],
        impact: Moderate,
        codes: ["not-computed", "wide-enough", "locked-too-narrow"],
    }
}

const UNKNOWN: &str = "The letter-spacing value could not be computed (e.g. a percentage); check that it is at least 0.12em.";

impl Rule for LetterSpacingAdjustable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("style")
            .filter(|e| spacing_target(e, PropertyId::LetterSpacing))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let s = target.element.style();
        if !s.letter_spacing.is_finite() {
            return Expectation::cant_tell("not-computed", UNKNOWN);
        }
        let (ratio, font_size) =
            spacing_ratio(&target.element, PropertyId::LetterSpacing, s.letter_spacing);
        if ratio >= 0.12 - 1e-4 {
            Expectation::passed("wide-enough", format!(
                "letter-spacing is {:.3} times the font size (at least 0.12 needed).",
                ratio
            ))
        } else {
            Expectation::failed("locked-too-narrow", format!(
                "letter-spacing is locked with !important at {:.3} times the font size ({}px on {}px text); users cannot widen it. Remove !important or use at least 0.12em.",
                ratio, s.letter_spacing, font_size
            ))
        }
    }
}
