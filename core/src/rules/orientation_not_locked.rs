use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that CSS does not lock the page to portrait or landscape by rotating content
    /// a quarter turn in an `orientation` media query. Style sheets are evaluated for the
    /// reference screen in landscape (1280×1024) and turned to portrait (1024×1280); an
    /// element whose `transform`/`rotate` is set by an orientation-dependent rule fails when
    /// its rotation differs by 90° (or 270°) between the two.
    ///
    /// ## Why it matters
    /// People with devices mounted on a wheelchair or a desk cannot turn them. Content that
    /// rotates itself back into one orientation is sideways for them.
    ///
    /// ## Example
    /// ```html
    /// <style>
    ///   @media (orientation: portrait) { body { transform: rotate(90deg) } }  /* fails */
    ///   @media (orientation: portrait) { body { transform: rotate(1turn) } }  /* passes */
    /// </style>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.4 Orientation (AA); ACT rule b33eff "Orientation of the page is not restricted using CSS transforms".
    pub struct OrientationNotLocked {
        id: "orientation-not-locked",
        title: "Page orientation is not locked with CSS transforms",
        wcag: ["1.3.4"],
        level: Some(Level::AA),
        act: ["b33eff"],
        impact: Serious,
        codes: ["locked-by-rotation", "rotated", "not-locked"],
    }
}

impl Rule for OrientationNotLocked {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_rotated_by_orientation()
            .filter(|e| {
                (e.is_html() || e.is_svg())
                    && e.is_visible()
                    && e.style().has_orientation_rotation()
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let s = target.element.style();
        let difference = (s.rotation - s.portrait_rotation).rem_euclid(180.0);
        let off_quarter = (difference - 90.0).abs();
        if off_quarter <= 1.0 {
            Expectation::failed("locked-by-rotation", format!(
                "An orientation media query rotates this element by {:.1}° in landscape and {:.1}° in portrait: a quarter turn that keeps the content in one orientation. Let the content follow the device instead.",
                s.rotation, s.portrait_rotation
            ))
        } else if off_quarter < 45.0 - 1e-3 && difference > 10.0 && difference < 170.0 {
            Expectation::cant_tell("rotated", format!(
                "An orientation media query rotates this element by {difference:.1}° between landscape and portrait; check whether the content stays usable in both orientations."
            ))
        } else {
            Expectation::passed("not-locked", format!(
                "The rotation differs by {difference:.1}° between landscape and portrait, which does not lock the orientation."
            ))
        }
    }
}
