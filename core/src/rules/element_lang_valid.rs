use super::predicates::{is_document_element, is_valid_language_tag};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Child, El};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that a `lang` attribute on an element inside the page (for example a paragraph
    /// in Welsh, `lang="cy"`) is a valid language tag, when that element holds text: its
    /// primary language subtag is in the IANA Language Subtag Registry (every two- and
    /// three-letter code, e.g. `cy`, `sco`, `isv`; registry of 2025-08-25), and the later
    /// subtags are 1–8 letters or digits.
    ///
    /// ## Why it matters
    /// Councils in Wales and many others publish passages in other languages. Screen readers
    /// switch pronunciation for a passage only when its language tag is valid.
    ///
    /// ## Example
    /// ```html
    /// <p lang="welsh">Croeso</p> <!-- fails -->
    /// <p lang="cy">Croeso</p>    <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 3.1.2 Language of Parts (AA); ACT rule de46e4 "Element with lang attribute has valid language tag".
    pub struct ElementLangValid {
        id: "element-lang-valid",
        title: "Element with lang attribute has a valid language tag",
        wcag: ["3.1.2"],
        level: Some(Level::AA),
        act: ["de46e4"],
        impact: Serious,
        codes: ["valid-tag", "invalid-tag"],
    }
}

const PASSED: &str = "The lang attribute is a valid language tag.";
const FAILED: &str =
    "The lang attribute is not a valid language tag: use a code such as \"cy\" or \"fr\".";

impl Rule for ElementLangValid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("lang")
            .filter(|e| e.is_html() && !is_document_element(e))
            .filter(|e| e.attr("lang").is_some_and(|l| !l.is_empty()))
            .filter(|e| has_own_perceivable_text(e, e))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let lang = target.element.attr("lang").unwrap_or("");
        Expectation::check(is_valid_language_tag(lang), ("valid-tag", PASSED), ("invalid-tag", FAILED))
    }
}

/// Whether some non-whitespace text that is visible or in the accessibility tree has `owner`
/// as its nearest `lang` ancestor. Elements with their own `lang` take their text away.
fn has_own_perceivable_text(owner: &El, el: &El) -> bool {
    let perceivable = el.is_visible() || el.is_in_accessibility_tree();
    for child in el.child_nodes() {
        match child {
            Child::Text(t) => {
                if perceivable && !t.trim().is_empty() {
                    return true;
                }
            }
            Child::Element(c) => {
                if c.attr("lang").is_some_and(|l| !l.is_empty()) && c != *owner {
                    continue;
                }
                if has_own_perceivable_text(owner, &c) {
                    return true;
                }
            }
        }
    }
    // Text alternatives count as text too (e.g. <img alt="…">).
    perceivable && el.name() == "img" && el.non_empty_attr("alt").is_some()
}
