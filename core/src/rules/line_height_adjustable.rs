use super::text::{line_height_ratio, spacing_target, texts_inheriting, wraps, Wrap};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::style::PropertyId;

declare_rule! {
    /// ## What it does
    /// Checks that a `style` attribute does not lock `line-height` with `!important` below
    /// 1.5 times the font size, for text that wraps onto several lines. Applies to visible
    /// elements whose winning `line-height` declaration is an inline `!important` one
    /// (`normal` and `initial` count as about 1.2) and reaches visible text: their own, or
    /// descendants' that inherit it. Each text is measured against its own font size.
    ///
    /// Line wrapping needs layout, which a static check does not do: frontdesk estimates
    /// the text's width (about half an em per character) against the widths set in CSS.
    /// Text that cannot wrap (one word, `white-space: nowrap`, or short enough for a fixed
    /// width) is not checked; a too-small line height on text that may wrap only on narrow
    /// screens, or where the estimate is too close to call, is "can't tell".
    ///
    /// ## Why it matters
    /// People with dyslexia or low vision often increase line spacing to keep their place
    /// in a paragraph. An inline `!important` line height overrides their setting.
    ///
    /// ## Example
    /// ```html
    /// <p style="line-height: 1.2 !important; max-width: 200px">Garden waste collections restart in March.</p>  <!-- fails -->
    /// <p style="line-height: 1.6 !important; max-width: 200px">Garden waste collections restart in March.</p>  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.12 Text Spacing (AA); ACT rule 78fd32 "Important line height in style attributes is wide enough".
    pub struct LineHeightAdjustable {
        id: "line-height-adjustable",
        title: "Important line height in style attributes is wide enough",
        wcag: ["1.4.12"],
        level: Some(Level::AA),
        act: ["78fd32"],
        impact: Moderate,
        codes: ["tall-enough", "locked-too-small", "locked-too-small-if-wrapping"],
    }
}

impl Rule for LineHeightAdjustable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("style")
            .filter(|e| {
                spacing_target(e, PropertyId::LineHeight) && wrapping_texts(e).next().is_some()
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        // Each text the declaration reaches is read at its own font size: a line height
        // in px inherited by smaller text is a larger multiple of it.
        let texts: Vec<(f32, Wrap)> = wrapping_texts(&target.element)
            .map(|(text, wrap)| (line_height_ratio(&text), wrap))
            .collect();
        let lowest = |keep: &dyn Fn(Wrap) -> bool| {
            texts
                .iter()
                .filter(|(_, wrap)| keep(*wrap))
                .map(|(ratio, _)| *ratio)
                .fold(f32::INFINITY, f32::min)
        };
        let ratio = lowest(&|_| true);
        if ratio >= 1.5 - 1e-3 {
            return Expectation::passed("tall-enough", format!(
                "line-height is {ratio:.2} times the font size (at least 1.5 needed)."
            ));
        }
        let wrapping = lowest(&|wrap| wrap == Wrap::Yes);
        if wrapping < 1.5 - 1e-3 {
            Expectation::failed("locked-too-small", format!(
                "line-height is locked with !important at {wrapping:.2} times the font size; users cannot increase it. Remove !important or use at least 1.5."
            ))
        } else {
            Expectation::cant_tell("locked-too-small-if-wrapping", format!(
                "line-height is locked with !important at {ratio:.2} times the font size, below 1.5; this matters only if the text wraps, which depends on the screen width. Check on a narrow screen."
            ))
        }
    }
}

/// The texts a `line-height` declaration on `el` reaches that can wrap, with how they wrap.
fn wrapping_texts<'d>(
    el: &crate::model::El<'d>,
) -> impl Iterator<Item = (crate::model::El<'d>, Wrap)> {
    texts_inheriting(el, PropertyId::LineHeight)
        .map(|text| (text, wraps(&text)))
        .filter(|(_, wrap)| *wrap != Wrap::Never)
}
