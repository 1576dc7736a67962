use super::predicates::{has_accessible_name, included_with_role};
use crate::model::El;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;
use crate::script::ScriptEffect;

declare_rule! {
    /// ## What it does
    /// Checks that progress bars, meters, tabs, tree items and tooltips have a non-empty
    /// accessible name. WAI-ARIA 1.2 requires a name for each of these roles, and no other
    /// rule checks them: a `<progress>` or `<meter>` (or `role="progressbar"`/`"meter"`) needs
    /// a `<label>`, `aria-label` or `aria-labelledby`; a tab, tree item or tooltip takes its
    /// name from its text, or from `aria-label`/`aria-labelledby` when it shows only an icon.
    /// A tooltip fails when it shows text hidden from assistive technology; an empty one is
    /// "can't tell": it shows nothing to anyone, and tooltips are often filled in by script
    /// when they are shown. So is an
    /// unnamed progress bar or meter in a table cell, whose column and row headers screen
    /// readers announce with it and may say what it measures.
    ///
    /// ## Why it matters
    /// A screen reader announces an unnamed progress bar as just "progress bar, 40%", without
    /// saying what is in progress (an upload? the steps of a form?), and an icon-only tab as
    /// just "tab, 2 of 4", so people cannot tell "Bins" from "Council tax" or choose the
    /// panel they want.
    ///
    /// ## Example
    /// ```html
    /// <progress value="2" max="5"></progress>                                   <!-- fails -->
    /// <label for="steps">Form progress</label> <progress id="steps" value="2" max="5"></progress> <!-- passes -->
    /// <div role="tablist"><button role="tab"><i class="icon-bin"></i></button></div> <!-- fails -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.1.1 Non-text Content (A) for progress bars and meters, 4.1.2 Name, Role,
    /// Value (A) for tabs, tree items and tooltips; WAI-ARIA 1.2 "Accessible Name Required"
    /// of the roles `progressbar`, `meter`, `tab`, `treeitem` and `tooltip`.
    pub struct RoleHasRequiredName {
        id: "role-has-required-name",
        title: "Progress bar, meter, tab, tree item or tooltip has a non-empty accessible name",
        wcag: ["1.1.1", "4.1.2"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["has-name", "in-table-cell", "may-be-filled-by-script", "empty-tooltip", "no-name"],
    }
}

/// The roles whose name WAI-ARIA 1.2 requires and that no other rule checks.
const ROLES: &[&str] = &["meter", "progressbar", "tab", "tooltip", "treeitem"];

const PASSED: &str = "The element has an accessible name.";

fn failed(role: &str) -> &'static str {
    match role {
        "progressbar" => "The progress bar has no accessible name: label it (a <label>, aria-label or aria-labelledby) with what is in progress.",
        "meter" => "The meter has no accessible name: label it (a <label>, aria-label or aria-labelledby) with what it measures.",
        "tab" => "The tab has no accessible name: give it text, or an aria-label if it shows only an icon.",
        "treeitem" => "The tree item has no accessible name: give it text, or an aria-label if it shows only an icon.",
        _ => "The tooltip shows text that is hidden from assistive technology, so it has no accessible name: let screen readers read the text it shows.",
    }
}

const EMPTY_TOOLTIP: &str = "The tooltip is empty, so it tells no one anything: if it is meant to show text, put the text in it.";
const IN_TABLE_CELL: &str = "The element has no accessible name, but it sits in a table cell, whose headers screen readers announce with it: check that they say what it measures, or label it.";

/// Whether the element sits in a cell of a table or grid (its headers give it context).
fn in_table_cell(el: &crate::model::El) -> bool {
    el.ancestors()
        .any(|a| matches!(a.role(), Some("cell" | "gridcell" | "rowheader" | "columnheader")))
}

/// The cantTell message for an empty tooltip, with what may fill it.
fn scripted(reason: &crate::script::Reason) -> String {
    format!("The tooltip is empty in the page as loaded, but {reason} may fill it in when it is shown: check that it has text then.")
}

impl Rule for RoleHasRequiredName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let mut targets: Vec<_> = ROLES
            .iter()
            .flat_map(|role| included_with_role(doc, role))
            .filter(|e| e.is_html())
            .collect();
        El::sort_in_document_order(&mut targets);
        targets.into_iter().map(Target::element).collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        if has_accessible_name(&el) {
            return Expectation::passed("has-name", PASSED);
        }
        let role = el.role().unwrap_or("");
        if matches!(role, "progressbar" | "meter") && in_table_cell(&el) {
            return Expectation::cant_tell("in-table-cell", IN_TABLE_CELL);
        }
        // A tooltip showing text that is hidden from assistive technology fails; an empty
        // one shows nothing to anyone (images in it have their own rules).
        if role == "tooltip" && !el.has_text_content() {
            return match el.document().scripts().may_change(ScriptEffect::Elements, &el) {
                Some(reason) => Expectation::cant_tell("may-be-filled-by-script", scripted(&reason)),
                None => Expectation::cant_tell("empty-tooltip", EMPTY_TOOLTIP),
            };
        }
        Expectation::failed("no-name", failed(role))
    }
}
