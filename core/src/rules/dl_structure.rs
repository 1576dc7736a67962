use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Child, El};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks the structure of description lists. A `<dl>` (rendered, in the accessibility
    /// tree, without a role of its own) may contain only `<dt>` and `<dd>` elements, `<div>`
    /// elements that wrap `<dt>`/`<dd>` groups, and `<script>` and `<template>` elements. A
    /// `<dt>` or `<dd>` must sit directly in a `<dl>`, or in a `<div>` that sits directly in
    /// a `<dl>`.
    ///
    /// ## Why it matters
    /// Screen readers announce description lists, their terms and their descriptions
    /// together. Other content inside the list, or a term or description outside one, breaks
    /// the pairing of terms with their descriptions that the layout shows.
    ///
    /// ## Example
    /// ```html
    /// <dl>
    ///   <dt>Band A</dt><dd>£1,200</dd>
    ///   <p>Band B</p>   <!-- the dl fails: not a dt or dd -->
    /// </dl>
    /// <div><dd>£1,400</dd></div>  <!-- the dd fails: not in a dl -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); HTML "The dl element" content model.
    pub struct DlStructure {
        id: "dl-structure",
        title: "Description list is well structured",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["only-groups", "other-content", "in-description-list", "outside-description-list"],
    }
}

const PASSED_LIST: &str = "The description list contains only term and description groups.";
const FAILED_LIST: &str = "The description list contains content other than <dt> and <dd> groups: put it in a <dt> or <dd>, or move it out of the list.";
const PASSED_ITEM: &str = "The term or description is inside a description list.";
const FAILED_ITEM: &str = "The term or description is not directly inside a <dl> (or a <div> in a <dl>): put it in a description list.";

impl Rule for DlStructure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["dl", "dt", "dd"])
            .filter(|e| e.is_html() && matches!(e.name(), "dl" | "dt" | "dd"))
            .filter(|e| !e.has_explicit_role())
            .filter(|e| !e.is_not_rendered() && e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        if el.name() == "dl" {
            let ok = only(&el, &["dt", "dd", "div", "script", "template"]);
            Expectation::check(ok, ("only-groups", PASSED_LIST), ("other-content", FAILED_LIST))
        } else {
            Expectation::check(in_dl(&el), ("in-description-list", PASSED_ITEM), ("outside-description-list", FAILED_ITEM))
        }
    }
}

fn is_html(el: &El, name: &str) -> bool {
    el.is_html() && el.name() == name
}

/// Whether every child is one of `allowed` (a `<div>` only when it wraps `dt`/`dd` groups)
/// or whitespace text.
fn only(el: &El, allowed: &[&str]) -> bool {
    el.child_nodes().all(|c| match c {
        Child::Text(t) => t.trim().is_empty(),
        Child::Element(e) if is_html(&e, "div") && allowed.contains(&"div") => {
            only(&e, &["dt", "dd", "script", "template"])
        }
        Child::Element(e) => e.is_html() && allowed.contains(&e.name()),
    })
}

/// Directly in a `<dl>`, or in a `<div>` directly in a `<dl>`.
fn in_dl(el: &El) -> bool {
    match el.parent() {
        Some(p) if is_html(&p, "dl") => true,
        Some(p) if is_html(&p, "div") => p.parent().is_some_and(|g| is_html(&g, "dl")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcomes(body: &str) -> Vec<(String, Outcome)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["dl-structure"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.snippet.chars().take(3).collect(), f.outcome))
            .collect()
    }

    #[test]
    fn well_formed_lists_pass() {
        let got = outcomes(
            "<dl>\n<dt>a</dt><dd>b</dd><div><dt>c</dt><dd>d</dd></div><script></script></dl>",
        );
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|(_, o)| *o == Outcome::Passed), "{got:?}");
    }

    #[test]
    fn stray_content_fails_the_list() {
        let got = outcomes(
            "<dl><dt>a</dt><p>b</p></dl><dl>text<dd>c</dd></dl><dl><div><p>x</p></div></dl>",
        );
        let lists: Vec<_> = got.iter().filter(|(s, _)| s == "<dl").collect();
        assert_eq!(lists.len(), 3, "{got:?}");
        assert!(lists.iter().all(|(_, o)| *o == Outcome::Failed), "{got:?}");
    }

    #[test]
    fn terms_outside_a_list_fail() {
        let got =
            outcomes("<div><dt>a</dt><dd>b</dd></div><dl><div><div><dd>c</dd></div></div></dl>");
        let items: Vec<_> = got
            .iter()
            .filter(|(s, _)| s != "<dl")
            .map(|(_, o)| *o)
            .collect();
        assert_eq!(items, vec![Outcome::Failed; 3], "{got:?}");
    }
}
