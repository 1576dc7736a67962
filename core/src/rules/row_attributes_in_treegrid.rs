use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks the tree attributes of table rows: `aria-level`, `aria-posinset`,
    /// `aria-setsize` and `aria-expanded` on an element with role `row` apply only when the
    /// row is part of a `treegrid` (a table whose rows expand and collapse like a tree). On a
    /// row of a plain `table` or `grid` they are flagged. Reported as best practice: browsers
    /// may still pass the values on, so it never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// In a table that is not a tree grid, screen readers have no tree to place the row in:
    /// "level 2" or "collapsed" is announced without any way to expand the row or reach its
    /// children, or it is dropped. Expandable table rows are better made with a button in
    /// the row that has `aria-expanded`, or with a real `treegrid`.
    ///
    /// ## Example
    /// ```html
    /// <table><tr aria-expanded="false"><td>Ward A</td></tr></table>           <!-- flagged -->
    /// <table role="treegrid"><tr aria-expanded="false"><td>Ward A</td></tr></table> <!-- passes -->
    /// ```
    ///
    /// ## References
    /// Best practice; WAI-ARIA 1.2 role `row` (`aria-expanded`, `aria-level`, `aria-posinset`
    /// and `aria-setsize` apply to rows in a `treegrid`); related to WCAG 2.2 SC 1.3.1 Info and
    /// Relationships and 4.1.2 Name, Role, Value.
    pub struct RowAttributesInTreegrid {
        id: "row-attributes-in-treegrid",
        title: "Tree attributes on table rows are used only in a treegrid",
        wcag: [],
        level: None,
        act: [],
        impact: Minor,
        codes: ["in-treegrid", "outside-treegrid"],
    }
}

/// The row attributes that only a treegrid gives meaning to.
const TREE_ATTRIBUTES: &[&str] = &["aria-expanded", "aria-level", "aria-posinset", "aria-setsize"];

const PASSED: &str = "The row belongs to a treegrid, where this attribute applies.";
const FAILED: &str = "This attribute applies to rows of a treegrid only: in a table or grid it gives screen reader users a tree they cannot use; put aria-expanded on a button in the row, or make the table a treegrid.";

impl Rule for RowAttributesInTreegrid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        cx.doc
            .elements_with_aria_attrs()
            .filter(|e| (e.is_html() || e.is_svg()) && e.role() == Some("row"))
            .filter(|e| e.is_in_accessibility_tree())
            .flat_map(|e| {
                e.attrs()
                    .filter(|(name, value)| {
                        TREE_ATTRIBUTES.contains(name) && !value.trim().is_empty()
                    })
                    .map(move |(name, _)| Target::attribute(e, name))
            })
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let container = target
            .element
            .ancestors()
            .find(|a| matches!(a.role(), Some("table" | "grid" | "treegrid")));
        let in_treegrid = container.is_some_and(|c| c.role() == Some("treegrid"));
        Expectation::check(in_treegrid, ("in-treegrid", PASSED), ("outside-treegrid", FAILED))
    }
}
