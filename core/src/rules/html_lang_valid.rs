use super::predicates::{is_document_element, is_valid_language_tag};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that the `lang` attribute of the page's `<html>` element is a valid language tag
    /// whose primary language is in the IANA Language Subtag Registry (`en`, `en-GB`, `cy`,
    /// three-letter codes such as `sco`; registry of 2025-08-25), not a word such as
    /// `english`.
    ///
    /// ## Why it matters
    /// Assistive technology only switches voice for language tags it recognises; an invalid
    /// tag is as bad as none.
    ///
    /// ## Example
    /// ```html
    /// <html lang="english"> <!-- fails -->
    /// <html lang="en-GB">   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 3.1.1 Language of Page (A); ACT rule bf051a "HTML page lang attribute has valid language tag".
    pub struct HtmlLangValid {
        id: "html-lang-valid",
        title: "HTML page lang attribute has a valid language tag",
        wcag: ["3.1.1"],
        level: Some(Level::A),
        act: ["bf051a"],
        impact: Serious,
        codes: ["valid-tag", "invalid-tag"],
    }
}

const PASSED: &str = "The page's lang attribute is a valid language tag.";
const FAILED: &str = "The <html> lang attribute is not a valid language tag: use a code such as \"en\" or \"en-GB\".";

impl Rule for HtmlLangValid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.root()
            .filter(|r| is_document_element(r) && r.non_empty_attr("lang").is_some())
            .map(Target::element)
            .into_iter()
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let lang = target.element.attr("lang").unwrap_or("");
        Expectation::check(is_valid_language_tag(lang), ("valid-tag", PASSED), ("invalid-tag", FAILED))
    }
}
