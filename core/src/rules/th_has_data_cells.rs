use super::predicates::TableModels;
use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::model::tables::is_empty_cell;
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every table header cell (a `<th>`, or an element with
    /// `role="columnheader"`/`"rowheader"`) is the header of at least one other cell: a
    /// column header needs a cell below it in its column, a row header a cell beside it in
    /// its row, or a cell that names it in its `headers` attribute. Headers are worked out with
    /// HTML's table algorithm, so `colspan`, `rowspan`, `scope` and `headers` all count.
    ///
    /// ## Why it matters
    /// Screen readers read a cell's headers with it ("Friday, Garden waste: collected"). A
    /// header that heads nothing is usually a sign of a layout table dressed up as a data
    /// table, a missing column, or a `headers` attribute pointing elsewhere, and the table's
    /// structure is read out wrongly.
    ///
    /// ## Example
    /// ```html
    /// <table>
    ///   <tr><th>Day</th><th>Bin</th><th>Notes</th></tr>  <!-- "Notes" fails: no cell below it -->
    ///   <tr><td>Tuesday</td><td>Garden</td></tr>
    /// </table>
    /// ```
    /// Empty header cells are not checked: they show nothing to head.
    ///
    /// A table made only of header cells (a header row whose data rows a script loads later,
    /// as data-table plugins do) gives one cantTell for the whole table rather than a failure
    /// per header: the ACT rule assumes a header is presented with other cells, and excludes
    /// tables that have header cells and nothing else.
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); ACT rule d0f69e "Table header cell has assigned cells".
    pub struct ThHasDataCells {
        id: "th-has-data-cells",
        title: "Table header cell has cells assigned to it",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: ["d0f69e"],
        impact: Serious,
        codes: ["heads-cells", "heads-nothing", "cells-unknown", "headers-only"],
    }
}

const PASSED: &str = "The header cell is the header of at least one other cell.";
const FAILED: &str = "No cell of the table has this header: add the missing cells, or make it an ordinary cell if it heads nothing.";
const HEADERS_ONLY: &str = "This table has header cells and no other cells (its rows may be loaded by a script): check the headers once the table is filled.";
const UNKNOWN: &str = "The cells this header heads cannot be worked out here (the table is too large, or the header is not one of its cells): check that it heads at least one cell.";

impl Rule for ThHasDataCells {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let headers: Vec<(El<'d>, El<'d>)> = doc
            .elements_with_roles(&["columnheader", "rowheader"])
            .filter(|e| e.is_html() && matches!(e.role(), Some("columnheader" | "rowheader")))
            .filter(|e| e.is_visible() && e.is_in_accessibility_tree() && !is_empty_cell(e))
            .filter_map(|e| Some((e, semantic_table(&e).filter(|t| t.is_in_accessibility_tree())?)))
            .collect();
        if headers.is_empty() {
            return Vec::new();
        }
        // Tables with at least one non-header cell; the others are reported once, as a table.
        let mut tables_with_cells: Vec<El<'d>> = doc
            .elements_with_roles(&["cell", "gridcell"])
            .filter(|c| matches!(c.role(), Some("cell" | "gridcell")))
            .filter_map(|c| semantic_table(&c))
            .collect();
        tables_with_cells.dedup();
        let mut targets: Vec<Target<'d>> = Vec::new();
        for (header, table) in headers {
            if tables_with_cells.contains(&table) {
                targets.push(Target::element(header));
            } else if !targets.iter().any(|t| t.element == table) {
                targets.push(Target::element(table));
            }
        }
        targets
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let header = target.element;
        if matches!(header.role(), Some("table" | "grid" | "treegrid")) {
            return Expectation::cant_tell("headers-only", HEADERS_ONLY);
        }
        let Some(table) = semantic_table(&header) else {
            return Expectation::passed("heads-cells", PASSED);
        };
        let model = cx.fact::<TableModels>().of(&table);
        match model.heads_cells(&header) {
            Some(true) => Expectation::passed("heads-cells", PASSED),
            Some(false) => Expectation::failed("heads-nothing", FAILED),
            None => Expectation::cant_tell("cells-unknown", UNKNOWN),
        }
    }
}

/// The nearest ancestor with a table role.
fn semantic_table<'d>(el: &El<'d>) -> Option<El<'d>> {
    el.ancestors()
        .find(|a| matches!(a.role(), Some("table" | "grid" | "treegrid")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(html: &str) -> Vec<(String, crate::rules::Outcome)> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        let rule = ThHasDataCells;
        rule.applicability(&cx)
            .into_iter()
            .map(|t| {
                (
                    t.element.text_content().trim().to_string(),
                    rule.expectation(&t, &cx).outcome,
                )
            })
            .collect()
    }

    #[test]
    fn spans_and_opaque_header_blocks_follow_the_html_algorithm() {
        use crate::rules::Outcome::{Failed, Passed};
        // "Total" spans two rows; the second header row hides "Area" from the data below
        // only when a data cell separates them, which it does not here.
        let html = r#"<table>
            <tr><th colspan="2">Area</th></tr>
            <tr><th>North</th><th>South</th></tr>
            <tr><td>3</td><td>4</td></tr>
            <tr><th scope="row" rowspan="2">Total</th><td>7</td></tr>
            <tr><td>8</td></tr></table>"#;
        let got = outcomes(html);
        assert!(got.contains(&("Area".into(), Passed)), "{got:?}");
        assert!(got.contains(&("North".into(), Passed)), "{got:?}");
        assert!(got.contains(&("Total".into(), Passed)), "{got:?}");
        // Scanning up from the last cell, "New" is met first; the data cell between "New" and
        // "Old" makes "New" opaque, which blocks "Old" (same column, same width). The only
        // cell between them names its header explicitly, so "Old" heads nothing.
        let blocked = r#"<table>
            <tr><th>Old</th></tr><tr><td headers="elsewhere">1</td></tr>
            <tr><th>New</th></tr><tr><td>2</td></tr></table>"#;
        let got = outcomes(blocked);
        assert_eq!(got, vec![("Old".into(), Failed), ("New".into(), Passed)]);
    }

    #[test]
    fn hostile_spans_are_bounded() {
        let html = format!(
            "<table><tr><th>H</th></tr>{}</table>",
            "<tr><td colspan=1000 rowspan=65534>x</td></tr>".repeat(50)
        );
        let got = outcomes(&html);
        assert_eq!(got.len(), 1);
    }
}
