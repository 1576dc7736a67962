use super::predicates::{is_html_or_svg, is_marked_decorative};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that an element marked as decorative — `alt=""` on an image, or
    /// `role="presentation"`/`role="none"` — really is ignored by assistive technologies.
    /// That marking is overruled when the element also has a global ARIA attribute such as
    /// `aria-label` or `aria-labelledby`, or can receive keyboard focus: browsers then expose
    /// it with its normal role after all.
    ///
    /// ## Why it matters
    /// The page says two contradictory things. Screen reader users meet an "image" or a
    /// "navigation" region that the author meant to hide, often with a name that makes no
    /// sense on its own; or, if the label was the real intention, the decorative marking is
    /// wrong and other tools will treat the content as decoration.
    ///
    /// ## Example
    /// ```html
    /// <img src="swirl.png" alt="" aria-label="Swirl">    <!-- fails: exposed as an image -->
    /// <img src="swirl.png" alt="">                        <!-- passes -->
    /// <nav role="presentation" aria-label="Main">…</nav>  <!-- fails: still a navigation landmark -->
    /// ```
    /// Decide which one you mean: remove the label, or remove the decorative marking.
    ///
    /// ## References
    /// Best practice (no WCAG success criterion);
    /// ACT rule 46ca7f "Element marked as decorative is not exposed".
    pub struct DecorativeNotExposed {
        id: "decorative-not-exposed",
        title: "Element marked as decorative is not exposed",
        wcag: [],
        level: None,
        act: ["46ca7f"],
        impact: Minor,
        codes: ["not-exposed", "exposed"],
    }
}

const PASSED: &str = "The element marked as decorative is ignored by assistive technologies.";
const FAILED: &str = "The element is marked as decorative but is still exposed with a role, because it has a global ARIA attribute (such as aria-label) or can be focused: remove one or the other.";

impl Rule for DecorativeNotExposed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // Marked decorative: a `role` of none/presentation, or `<img alt="">`.
        doc.elements_with_attrs(&["role", "alt"])
            .filter(|e| is_html_or_svg(e) && is_marked_decorative(e))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        Expectation::check(
            !el.is_in_accessibility_tree() || el.is_presentational(),
            ("not-exposed", PASSED),
            ("exposed", FAILED),
        )
    }
}
