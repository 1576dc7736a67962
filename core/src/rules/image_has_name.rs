use super::predicates::has_accessible_name;
use crate::model::El;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every image people can perceive has a text alternative: an `<img>` (or an
    /// element with `role="img"`) must have a non-empty accessible name (`alt`, `aria-label`,
    /// `aria-labelledby` or `title`), unless it is marked decorative with `alt=""` or
    /// `role="presentation"`/`"none"`.
    ///
    /// ## Why it matters
    /// Screen reader users hear nothing useful for an unnamed image — often the file name
    /// ("IMG_2041.jpg"). A bin-collection map or a council tax band chart without a text
    /// alternative hides its information.
    ///
    /// ## Example
    /// ```html
    /// <img src="recycling-bin.png">                              <!-- fails -->
    /// <img src="recycling-bin.png" alt="Blue recycling bin">     <!-- passes -->
    /// <img src="divider.png" alt="">                             <!-- decorative: passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.1.1 Non-text Content (A); ACT rule 23a2a8 "Image has non-empty accessible name".
    pub struct ImageHasName {
        id: "image-has-name",
        title: "Image has a non-empty accessible name",
        wcag: ["1.1.1"],
        level: Some(Level::A),
        act: ["23a2a8"],
        impact: Critical,
        codes: ["has-name", "decorative", "no-alt"],
    }
}

const PASSED: &str = "The image has a text alternative.";
const DECORATIVE: &str = "The image is marked as decorative.";
const FAILED: &str = "The image has no text alternative: add alt text that says what it shows, or alt=\"\" if it is decorative.";

impl Rule for ImageHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let mut candidates: Vec<_> = doc
            .elements_named(&["img"])
            .chain(doc.elements_with_role("img"))
            .collect();
        El::sort_in_document_order(&mut candidates);
        candidates
            .into_iter()
            .filter(|e| e.is_html())
            .filter(|e| e.name() == "img" || (e.has_explicit_role() && e.has_role("img")))
            .filter(|e| e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        if el.is_presentational() {
            Expectation::passed("decorative", DECORATIVE)
        } else {
            Expectation::check(has_accessible_name(&el), ("has-name", PASSED), ("no-alt", FAILED))
        }
    }
}
