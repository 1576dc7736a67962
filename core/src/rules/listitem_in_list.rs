use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every list item (`<li>` with its own listitem role, or `role="listitem"`
    /// restating it, in the accessibility tree) sits directly in a list: a `<ul>`, `<ol>` or
    /// `<menu>`, or an element with `role="list"`.
    ///
    /// ## Why it matters
    /// A list item outside a list is announced without its list: people hear no item count
    /// and cannot move between items, and the grouping the bullets show is lost.
    ///
    /// ## Example
    /// ```html
    /// <div><li>Paper</li></div>  <!-- fails -->
    /// <ul><li>Paper</li></ul>    <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); HTML "The li element" contexts.
    pub struct ListitemInList {
        id: "listitem-in-list",
        title: "List item is contained in a list",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["in-list", "not-in-list"],
    }
}

const PASSED: &str = "The list item is inside a list.";
const FAILED: &str =
    "The list item is not directly inside a <ul>, <ol> or <menu>: put it in a list.";

impl Rule for ListitemInList {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["li"])
            .filter(|e| e.is_html() && e.name() == "li")
            // `role="listitem"` restates the role, so such items are checked too.
            .filter(|e| e.role() == Some("listitem"))
            .filter(|e| e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let in_list = target.element.parent().is_some_and(|p| {
            (p.is_html() && matches!(p.name(), "ul" | "ol" | "menu")) || p.role() == Some("list")
        });
        Expectation::check(in_list, ("in-list", PASSED), ("not-in-list", FAILED))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("listitem-in-list", body)
    }

    #[test]
    fn items_in_lists_pass() {
        assert_eq!(
            outcomes(
                r#"<ul><li>a</li></ul><ol><li>b</li></ol><menu><li>c</li></menu><div role="list"><li>d</li></div>"#
            ),
            vec![Outcome::Passed; 4]
        );
    }

    #[test]
    fn items_outside_lists_fail() {
        assert_eq!(
            outcomes("<div><li>a</li></div><ul><div><li>b</li></div></ul>"),
            vec![Outcome::Failed, Outcome::Failed]
        );
    }

    #[test]
    fn hidden_items_are_not_checked() {
        assert!(
            outcomes(r#"<div><li hidden>a</li><li aria-hidden="true">b</li></div>"#).is_empty()
        );
    }
}
