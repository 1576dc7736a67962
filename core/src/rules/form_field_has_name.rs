use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every form field — text box, search box, checkbox, radio button, select
    /// box, slider, spin button, switch, combobox, listbox, menu item checkbox or radio — has a
    /// non-empty accessible name, usually from a `<label>`. Date, time, month, week,
    /// date-and-time, colour and file-upload inputs are checked too: ARIA in HTML gives them
    /// no ARIA role, so the ACT rule's list of roles leaves them out, but they are form fields
    /// all the same and need a name. Their `placeholder` does not name them (HTML does not
    /// apply it to these types, and browsers do not show it).
    ///
    /// An empty `listbox` that a named combobox controls (`aria-controls`/`aria-owns`) while
    /// the combobox is collapsed is cantTell, not failed: it is the combobox's popup, with
    /// nothing in it and nothing to reach until the combobox opens and a script fills it.
    ///
    /// ## Why it matters
    /// A field without a name is read out as "edit text, blank". On a missed-bin report or a
    /// permit application, people using screen readers cannot know what to type, and voice
    /// control users cannot move to the field by saying its label.
    ///
    /// ## Example
    /// ```html
    /// <input type="text" name="postcode">                                   <!-- fails -->
    /// <label for="pc">Postcode</label> <input id="pc" type="text" name="postcode"> <!-- passes -->
    /// <input type="file" name="photo">                                      <!-- fails -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule e086e5 "Form field has non-empty accessible name";
    /// ARIA in HTML (no corresponding role for `input type=date|time|month|week|datetime-local|color|file`).
    pub struct FormFieldHasName {
        id: "form-field-has-name",
        title: "Form field has a non-empty accessible name",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["e086e5"],
        impact: Critical,
        codes: ["has-name", "no-name", "collapsed-popup"],
    }
}

const FIELD_ROLES: &[&str] = &[
    "checkbox",
    "combobox",
    "listbox",
    "menuitemcheckbox",
    "menuitemradio",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "textbox",
];

/// Input types that ARIA in HTML maps to no ARIA role, yet are fields a person fills in.
const ROLELESS_FIELD_TYPES: &[&str] = &[
    "color",
    "date",
    "datetime-local",
    "file",
    "month",
    "time",
    "week",
];

const PASSED: &str = "The form field has an accessible name.";
const FAILED: &str = "The form field has no accessible name: associate a <label> with it, or use aria-label or aria-labelledby.";
const COLLAPSED_POPUP: &str = "This empty listbox is the popup of a collapsed, named combobox: check that it has a name (aria-labelledby the combobox's label) once the combobox opens and it fills.";

impl Rule for FormFieldHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let roleless = doc.elements_named(&["input"]).filter(|e| {
            e.is_html()
                && e.name() == "input"
                && e.role().is_none()
                && ROLELESS_FIELD_TYPES.contains(&e.input_type())
        });
        let mut targets: Vec<_> = doc
            .elements_with_roles(FIELD_ROLES)
            .filter(|e| e.role().is_some_and(|r| FIELD_ROLES.contains(&r)))
            .chain(roleless)
            .filter(|e| e.is_in_accessibility_tree())
            .collect();
        El::sort_in_document_order(&mut targets);
        targets.into_iter().map(Target::element).collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let field = target.element;
        if has_accessible_name(&field) {
            return Expectation::passed("has-name", PASSED);
        }
        if is_empty_collapsed_popup(&field, cx) {
            return Expectation::cant_tell("collapsed-popup", COLLAPSED_POPUP);
        }
        Expectation::failed("no-name", FAILED)
    }
}

/// An empty `listbox` (no option) controlled or owned by a named combobox that is not
/// expanded.
fn is_empty_collapsed_popup(field: &El, cx: &Context) -> bool {
    if field.role() != Some("listbox") || field.descendants().any(|d| d.role() == Some("option")) {
        return false;
    }
    let Some(id) = field.attr("id").map(str::trim).filter(|id| !id.is_empty()) else {
        return false;
    };
    cx.doc.elements_with_roles(&["combobox"]).any(|combobox| {
        combobox.role() == Some("combobox")
            && ["aria-controls", "aria-owns"].iter().any(|attr| {
                combobox
                    .attr(attr)
                    .is_some_and(|ids| ids.split_ascii_whitespace().any(|i| i == id))
            })
            && !combobox
                .attr("aria-expanded")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            && has_accessible_name(&combobox)
    })
}
