use super::predicates::is_document_element;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that the page's `<html>` element has a `lang` attribute with a value.
    ///
    /// ## Why it matters
    /// Screen readers choose their voice and pronunciation from the page language. Without it
    /// an English page may be read with a Welsh or Polish voice set on the user's device, and
    /// browsers cannot offer the right translation or hyphenation.
    ///
    /// ## Example
    /// ```html
    /// <html>             <!-- fails -->
    /// <html lang="en-GB"> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 3.1.1 Language of Page (A); ACT rule b5c3f8 "HTML page has lang attribute".
    pub struct HtmlHasLang {
        id: "html-has-lang",
        title: "HTML page has a lang attribute",
        wcag: ["3.1.1"],
        level: Some(Level::A),
        act: ["b5c3f8"],
        impact: Serious,
        codes: ["has-lang", "no-lang"],
    }
}

const PASSED: &str = "The page has a lang attribute.";
const FAILED: &str = "The <html> element has no lang attribute: add one, e.g. lang=\"en-GB\".";

impl Rule for HtmlHasLang {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.root()
            .filter(is_document_element)
            .map(Target::element)
            .into_iter()
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(
            target.element.non_empty_attr("lang").is_some(),
            ("has-lang", PASSED),
            ("no-lang", FAILED),
        )
    }
}
