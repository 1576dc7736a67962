use std::collections::HashSet;

use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an `id` which something refers to is used by only one element. The
    /// references counted are `aria-labelledby`, `aria-describedby`, `aria-controls`,
    /// `aria-owns`, `aria-activedescendant`, `aria-details`, `aria-errormessage`,
    /// `aria-flowto` and `<label for>`. Every element after the first that repeats such an id
    /// fails. A repeated id that nothing refers to is not reported.
    ///
    /// ## Why it matters
    /// Browsers resolve a reference to the first element with the id, so a label,
    /// description or relationship meant for a later element silently goes to the wrong one,
    /// and screen reader users hear the wrong name or none.
    ///
    /// ## Example
    /// ```html
    /// <label for="email">Email</label><input id="email">
    /// <input id="email">  <!-- fails: the label can only ever name the first -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A), 4.1.2 Name, Role, Value (A).
    pub struct DuplicateIdReferenced {
        id: "duplicate-id-referenced",
        title: "Referenced id is unique",
        wcag: ["1.3.1", "4.1.2"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["unique-id", "duplicate-id"],
    }
}

const PASSED: &str = "The referenced id is used by this element only.";
const FAILED: &str = "Another element earlier in the page has the same id, and something refers to it: references reach only the first. Give each element its own id.";

/// Attributes holding id references (space-separated).
const REFERENCE_ATTRIBUTES: &[&str] = &[
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
];

impl Rule for DuplicateIdReferenced {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // The model already knows which ids repeat; most pages have none, and then the
        // references need not be collected at all.
        let later_duplicates: Vec<_> = doc
            .elements_with_attr("id")
            .filter(|el| {
                el.attr("id").is_some_and(|id| {
                    !id.is_empty()
                        && !el.has_unique_id()
                        && doc.element_by_id(id).is_some_and(|first| first != *el)
                })
            })
            .collect();
        if later_duplicates.is_empty() {
            return Vec::new();
        }
        // Every reference attribute is an `aria-*` one, which the model indexes.
        let mut referenced: HashSet<&str> = HashSet::new();
        for el in doc.elements_with_aria_attrs() {
            for &attr in REFERENCE_ATTRIBUTES {
                if let Some(value) = el.attr(attr) {
                    referenced.extend(value.split_ascii_whitespace());
                }
            }
        }
        for label in doc.elements_named(&["label"]).filter(|e| e.is_html()) {
            if let Some(id) = label.attr("for").filter(|v| !v.is_empty()) {
                referenced.insert(id);
            }
        }
        later_duplicates
            .into_iter()
            .filter(|el| el.attr("id").is_some_and(|id| referenced.contains(id)))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let first = el
            .attr("id")
            .and_then(|id| el.document().element_by_id(id))
            .is_some_and(|f| f == el);
        Expectation::check(first, ("unique-id", PASSED), ("duplicate-id", FAILED))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn failed_snippets(body: &str) -> Vec<String> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["duplicate-id-referenced"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .inspect(|f| assert_eq!(f.outcome, Outcome::Failed))
            .map(|f| f.snippet)
            .collect()
    }

    #[test]
    fn later_duplicates_of_a_referenced_id_fail() {
        let got = failed_snippets(
            r#"<label for="e">Email</label><input id="e" name="one"><input id="e" name="two"><input id="e" name="three">"#,
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].contains("two") && got[1].contains("three"),
            "{got:?}"
        );
    }

    #[test]
    fn aria_references_count() {
        let got = failed_snippets(
            r#"<button aria-describedby="x hint">Go</button><p id="hint">a</p><p id="hint" class="later">b</p>"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("later"), "{got:?}");
    }

    #[test]
    fn unreferenced_duplicates_and_unique_ids_are_not_reported() {
        assert!(failed_snippets(
            r#"<p id="a">1</p><p id="a">2</p><label for="b">B</label><input id="b">"#
        )
        .is_empty());
    }
}
