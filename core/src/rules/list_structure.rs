use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every list (`<ul>` or `<ol>` with its own list role, or `role="list"`
    /// restating it, rendered and in the accessibility tree) contains only list items as its
    /// children: `<li>` elements (or other elements with `role="listitem"`), plus `<script>`
    /// and `<template>` elements and children hidden from assistive technology. Text directly inside the
    /// list, or any other element, fails.
    ///
    /// ## Why it matters
    /// Screen readers announce a list with its number of items ("list, 4 items") and let
    /// people move from item to item. Content placed between the items is not counted or
    /// reached that way, so the list is read out wrongly or some of it is missed.
    ///
    /// ## Example
    /// ```html
    /// <ul>
    ///   <li>Paper</li>
    ///   <p>Glass</p>  <!-- fails: not a list item -->
    /// </ul>
    /// <ul><li>Paper</li><li>Glass</li></ul>  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); HTML "The ul element" content model.
    pub struct ListStructure {
        id: "list-structure",
        title: "List contains only list items",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["only-list-items", "other-children"],
    }
}

const PASSED: &str = "The list contains only list items.";
const FAILED: &str = "The list has children other than <li> (or text directly inside it): wrap every item in an <li>.";

impl Rule for ListStructure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // `role="list"` restates the role (a common fix for Safari, which drops the list
        // role of lists styled without bullets).
        doc.elements_with_roles(&["list"])
            .filter(|e| e.is_html() && matches!(e.name(), "ul" | "ol"))
            .filter(|e| !e.is_not_rendered() && e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(only_list_items(&target.element), ("only-list-items", PASSED), ("other-children", FAILED))
    }
}

/// Whether every child is a list item (an `<li>` or another element with the listitem
/// role), a `<script>` or `<template>`, a child left out of the accessibility tree, or whitespace
/// text.
fn only_list_items(list: &El) -> bool {
    // The model marks elements with a text child that is not only whitespace.
    !list.has_text_child()
        && list.children().all(|e| {
            e.role() == Some("listitem")
                || (e.is_html() && matches!(e.name(), "script" | "template"))
                // Not announced, so not between the items for anyone using the list.
                || !e.is_in_accessibility_tree()
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("list-structure", body)
    }

    #[test]
    fn lists_of_items_pass() {
        assert_eq!(
            outcomes("<ul>\n <li>a</li>\n <script></script><template></template></ul><ol><li>b</li></ol>"),
            vec![Outcome::Passed, Outcome::Passed]
        );
    }

    #[test]
    fn other_children_and_text_fail() {
        assert_eq!(
            outcomes("<ul><li>a</li><p>b</p></ul><ol><li>a</li>loose text</ol><ul><div><li>c</li></div></ul>"),
            vec![Outcome::Failed, Outcome::Failed, Outcome::Failed]
        );
    }

    #[test]
    fn hidden_and_re_roled_lists_are_not_checked() {
        assert!(outcomes(
            r#"<ul hidden><p>a</p></ul><ul aria-hidden="true"><p>a</p></ul><ul role="menu"><p>a</p></ul><ul style="display:none"><p>a</p></ul><ul role="none"><p>a</p></ul>"#
        )
        .is_empty());
    }
}
