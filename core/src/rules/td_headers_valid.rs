use super::predicates::{owning_table, TableModels};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks the `headers` attribute of table cells: every id it lists must belong to
    /// another cell (`<th>` or `<td>`) of the same `<table>` — not to an element elsewhere on
    /// the page, not to something that is not a cell, and not to the cell itself.
    ///
    /// ## Why it matters
    /// `headers` tells screen readers which headings to read out with a cell ("Tuesday,
    /// Garden waste: collected"). A typo or a reference to another table leaves the cell with
    /// the wrong headings, or none, and complex tables become impossible to follow.
    ///
    /// ## Example
    /// ```html
    /// <table>
    ///   <tr><th id="day">Day</th><th id="bin">Bin</th></tr>
    ///   <tr><td headers="day">Tuesday</td><td headers="bins">Garden</td></tr> <!-- fails: "bins" -->
    ///   <tr><td headers="day">Friday</td><td headers="bin">Recycling</td></tr> <!-- passes -->
    /// </table>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); technique H43;
    /// ACT rule a25f45 "Headers attribute specified on a cell refers to cells in the same table element".
    pub struct TdHeadersValid {
        id: "td-headers-valid",
        title: "Headers attribute refers to cells in the same table",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: ["a25f45"],
        impact: Serious,
        codes: ["valid-headers", "self-reference", "ids-not-cells"],
    }
}

const PASSED: &str = "Every id in the headers attribute names another cell of the same table.";
const SELF_REFERENCE: &str =
    "The headers attribute lists the cell's own id: a cell cannot be its own header.";
const MISSING_PREFIX: &str = "The headers attribute lists ids that are not cells of this table: ";

impl Rule for TdHeadersValid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["td", "th"])
            .filter(|e| {
                e.is_html() && matches!(e.name(), "td" | "th") && e.attr("headers").is_some()
            })
            .filter(|e| owning_table(e).is_some_and(|t| is_exposed_table(&t)))
            .map(|e| Target::attribute(e, "headers"))
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let cell = target.element;
        let Some(table) = owning_table(&cell) else {
            return Expectation::passed("valid-headers", PASSED);
        };
        let tokens: Vec<&str> = cell
            .attr("headers")
            .unwrap_or("")
            .split_ascii_whitespace()
            .collect();
        if cell.attr("id").is_some_and(|id| tokens.contains(&id)) {
            return Expectation::failed("self-reference", SELF_REFERENCE);
        }
        // The table's model answers from its cells; a table too large to form is searched.
        let model = cx.fact::<TableModels>().of(&table);
        let missing: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|id| {
                !model
                    .has_cell_with_id(id)
                    .unwrap_or_else(|| is_cell_of(&table, id))
            })
            .collect();
        if missing.is_empty() {
            Expectation::passed("valid-headers", PASSED)
        } else {
            Expectation::failed("ids-not-cells", format!("{MISSING_PREFIX}{}.", missing.join(", ")))
        }
    }
}

/// A visible table in the accessibility tree with a table role (not `presentation`, not a
/// landmark or other role that takes the table semantics away).
fn is_exposed_table(table: &El) -> bool {
    table.is_visible()
        && table.is_in_accessibility_tree()
        && matches!(table.role(), Some("table" | "grid" | "treegrid"))
}

/// Whether a `<td>` or `<th>` of `table` (not of a nested table) has this id.
fn is_cell_of(table: &El, id: &str) -> bool {
    let is_cell = |e: &El| {
        e.is_html() && matches!(e.name(), "td" | "th") && owning_table(e).as_ref() == Some(table)
    };
    match table.document().element_by_id(id) {
        None => false,
        Some(first) if is_cell(&first) => true,
        // A duplicate id: HTML looks for a cell with that id in the table itself.
        Some(_) => table
            .descendants()
            .any(|d| d.attr("id") == Some(id) && is_cell(&d)),
    }
}
