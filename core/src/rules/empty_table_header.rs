use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that every table header cell in the accessibility tree has a non-empty
    /// accessible name, normally its text. It applies to `<th>` elements (which are column
    /// or row headers unless the table is marked as a layout table with
    /// `role="presentation"`) and to elements with `role="columnheader"` or
    /// `role="rowheader"`. A header cell's name comes from its content (text, image
    /// alternative text) or from `aria-label`, `aria-labelledby` or `title`. Best practice:
    /// this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen readers announce a cell's headers as people move through a table ("Band B,
    /// Annual charge, £1,400"). An empty header is announced as nothing, so the cells it
    /// heads lose their meaning. Sighted users lose the column's or row's label too. An
    /// empty top-left corner cell should be a `<td>`, not a `<th>`.
    ///
    /// ## Example
    /// ```html
    /// <tr><th></th><th>Annual charge</th></tr>   <!-- the first th fails: make it a <td> -->
    /// <tr><th>Band</th><th>Annual charge</th></tr>   <!-- both pass -->
    /// <tr><th><span class="visually-hidden">Actions</span></th></tr>   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 1.3.1 Info and Relationships (A); axe-core
    /// rule "empty-table-header"; WAI Tables tutorial.
    pub struct EmptyTableHeader {
        id: "empty-table-header",
        title: "Table header cell is not empty",
        wcag: [],
        level: None,
        act: [],
        impact: Minor,
        codes: ["has-text", "empty"],
    }
}

const PASSED: &str = "The table header cell has text.";
const FAILED: &str = "The table header cell is empty: give it text that says what the column or row holds, or make it a <td> if it heads nothing.";

impl Rule for EmptyTableHeader {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_roles(&["columnheader", "rowheader"])
            .filter(|e| e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-text", PASSED), ("empty", FAILED))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("empty-table-header", body)
    }

    use Outcome::{Failed, Passed};

    #[test]
    fn headers_with_text_pass() {
        assert_eq!(
            outcomes(
                r#"<table><tr><th>Band</th><th><img src="p.png" alt="Charge"></th>
                   <th aria-label="Actions"></th><th><span class="sr" style="position:absolute;left:-9999px">Notes</span></th></tr>
                   <tr><td>A</td><td>1</td><td>x</td><td>y</td></tr></table>"#
            ),
            vec![Passed, Passed, Passed, Passed]
        );
        assert_eq!(
            outcomes(
                r#"<div role="table"><div role="row"><span role="columnheader">Band</span>
                   <span role="rowheader" title="Charge"></span></div></div>"#
            ),
            vec![Passed, Passed]
        );
    }

    #[test]
    fn empty_headers_fail() {
        assert_eq!(
            outcomes(
                r#"<table><tr><th></th><th> </th><th><img src="x.png" alt=""></th><th>Charge</th></tr>
                   <tr><th scope="row"></th><td>1</td><td>2</td><td>3</td></tr></table>"#
            ),
            vec![Failed, Failed, Failed, Passed, Failed]
        );
        assert_eq!(
            outcomes(
                r#"<div role="grid"><div role="row"><div role="columnheader"></div>
                   <div role="rowheader"><span aria-hidden="true">★</span></div></div></div>"#
            ),
            vec![Failed, Failed]
        );
    }

    #[test]
    fn layout_tables_and_hidden_headers_are_inapplicable() {
        assert!(outcomes(
            r#"<table role="presentation"><tr><th></th><td>x</td></tr></table>
               <table hidden><tr><th></th></tr></table>
               <table><tr><th aria-hidden="true"></th><td>x</td></tr></table>
               <table><tr><th role="cell"></th><td>x</td></tr></table>"#
        )
        .is_empty());
    }
}
