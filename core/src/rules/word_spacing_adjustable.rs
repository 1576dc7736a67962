use super::text::{spacing_ratio, spacing_target};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::style::PropertyId;

declare_rule! {
    /// ## What it does
    /// Checks that a `style` attribute does not lock `word-spacing` with `!important` at
    /// less than 0.16 times the font size. Users who need more space between words apply
    /// their own style sheet; an inline `!important` declaration beats it. Applies to
    /// visible elements whose winning `word-spacing` declaration is such an inline
    /// `!important` one (`inherit`/`unset` do not count; `normal` and `initial` are 0) and
    /// reaches visible text: their own, or descendants' that inherit it. Each text is
    /// measured against its own font size.
    ///
    /// ## Why it matters
    /// People with dyslexia or low vision read better with wider word spacing, set by a
    /// browser extension or user style sheet. `word-spacing: 0.05em !important` in markup
    /// silently undoes their setting.
    ///
    /// ## Example
    /// ```html
    /// <p style="word-spacing: 0.1em !important">Report a missed bin</p>   <!-- fails -->
    /// <p style="word-spacing: 0.2em !important">Report a missed bin</p>  <!-- passes -->
    /// <p style="word-spacing: 0.1em">Report a missed bin</p>              <!-- not important: not checked -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.12 Text Spacing (AA); ACT rule 9e45ec "Important word spacing in style attributes is wide enough".
    pub struct WordSpacingAdjustable {
        id: "word-spacing-adjustable",
        title: "Important word spacing in style attributes is wide enough",
        wcag: ["1.4.12"],
        level: Some(Level::AA),
        act: ["9e45ec"],
        impact: Moderate,
        codes: ["not-computed", "wide-enough", "locked-too-narrow"],
    }
}

const UNKNOWN: &str = "The word-spacing value could not be computed (e.g. a percentage); check that it is at least 0.16em.";

impl Rule for WordSpacingAdjustable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("style")
            .filter(|e| spacing_target(e, PropertyId::WordSpacing))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let s = target.element.style();
        if !s.word_spacing.is_finite() {
            return Expectation::cant_tell("not-computed", UNKNOWN);
        }
        let (ratio, font_size) =
            spacing_ratio(&target.element, PropertyId::WordSpacing, s.word_spacing);
        if ratio >= 0.16 - 1e-4 {
            Expectation::passed("wide-enough", format!(
                "word-spacing is {:.3} times the font size (at least 0.16 needed).",
                ratio
            ))
        } else {
            Expectation::failed("locked-too-narrow", format!(
                "word-spacing is locked with !important at {:.3} times the font size ({}px on {}px text); users cannot widen it. Remove !important or use at least 0.16em.",
                ratio, s.word_spacing, font_size
            ))
        }
    }
}
