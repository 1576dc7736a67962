use super::predicates::is_document_element;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that the page has a `<title>` element and that the first one is not empty.
    ///
    /// ## Why it matters
    /// The title is the first thing a screen reader announces, the name of the browser tab
    /// and the text of a bookmark or search result. People with many council tabs open tell
    /// "Pay your council tax" from "Report a missed bin" by it.
    ///
    /// ## Example
    /// ```html
    /// <head></head>                                            <!-- fails -->
    /// <head><title>Pay your council tax – Ashworth District Council</title></head> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.4.2 Page Titled (A); ACT rule 2779a5 "HTML page has non-empty title".
    pub struct PageHasTitle {
        id: "page-has-title",
        title: "HTML page has a non-empty title",
        wcag: ["2.4.2"],
        level: Some(Level::A),
        act: ["2779a5"],
        impact: Serious,
        codes: ["has-title", "no-title", "empty-title"],
    }
}

const PASSED: &str = "The page has a title.";
const MISSING: &str = "The page has no <title> element: add one that says what the page is for.";
const EMPTY: &str =
    "The page's first <title> element is empty: give it text that says what the page is for.";

impl Rule for PageHasTitle {
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
        match target.element.document().title_element() {
            None => Expectation::failed("no-title", MISSING),
            Some(t) if t.text_content().trim().is_empty() => Expectation::failed("empty-title", EMPTY),
            Some(_) => Expectation::passed("has-title", PASSED),
        }
    }
}
