use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria::NameFrom;
use crate::model::{collapse_whitespace, El};

declare_rule! {
    /// ## What it does
    /// Checks form fields (text boxes, search boxes, drop-down lists, checkboxes, radio
    /// buttons, sliders and the like, native or made with ARIA roles) that have a `title` or
    /// an `aria-describedby` attribute. Such a field passes when it is also labelled another
    /// way: a `<label>`, `aria-label`, `aria-labelledby`, its own text content (for roles
    /// named from content, such as a `role="checkbox"` element), or a `placeholder`. It fails
    /// when its only label is the `title` tooltip or the description. Fields with no
    /// `title` and no `aria-describedby` are left to `form-field-has-name`. Best practice:
    /// this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// A `title` is shown only as a tooltip when a mouse pointer rests on the field: people
    /// using a keyboard, a touch screen or screen magnification never see it, and speech
    /// recognition users have no visible words to say to reach the field. A description
    /// (`aria-describedby`) is read as extra help, not as the field's label. Give every field
    /// a visible `<label>`.
    ///
    /// ## Example
    /// ```html
    /// <input type="text" name="postcode" title="Postcode">                     <!-- fails -->
    /// <select name="ward" aria-describedby="ward-help">…</select>               <!-- fails -->
    /// <label for="pc">Postcode</label>
    /// <input type="text" id="pc" name="postcode" title="For example, AB1 2CD"> <!-- passes -->
    /// ```
    /// When a `<label>` or `aria-labelledby` reference holds exactly the same words as the
    /// `title`, the field passes when the label has any text at all.
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 3.3.2 Labels or Instructions (A) and 2.5.3
    /// Label in Name (A); axe-core rule "label-title-only"; WCAG technique H65 (using the
    /// title attribute only when a visible label cannot be used).
    pub struct LabelTitleOnly {
        id: "label-title-only",
        title: "Form field is not labelled only by its title or description",
        wcag: [],
        level: None,
        act: [],
        impact: Serious,
        codes: ["has-label", "title-only"],
    }
}

/// The roles of form fields (ACT's list, without the menu item roles, which are named
/// from their content like any menu item).
const FIELD_ROLES: &[&str] = &[
    "checkbox",
    "combobox",
    "listbox",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "textbox",
];

const PASSED: &str = "The form field has a label besides its title or description.";
const FAILED: &str = "The form field is labelled only by its title or aria-describedby, which many people never see: give it a visible <label>.";

impl Rule for LabelTitleOnly {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_roles(FIELD_ROLES)
            .filter(|e| {
                e.non_empty_attr("title").is_some()
                    || e.non_empty_attr("aria-describedby").is_some()
            })
            .filter(|e| e.is_in_accessibility_tree())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_label_source(&target.element), ("has-label", PASSED), ("title-only", FAILED))
    }
}

/// Whether the field's accessible name comes from something other than its `title` (a
/// label, `aria-label`, `aria-labelledby`, content), or it has a placeholder.
///
/// The name is computed (and cached) by the document model, which does not record where it
/// came from. accname takes `title` only after `aria-labelledby`, `aria-label`, `<label>`s
/// and content, so a name that differs from the title came from one of those; a name equal
/// to the title came from it unless one of those sources has text of its own.
fn has_label_source(el: &El) -> bool {
    if el.non_empty_attr("aria-label").is_some()
        || el.non_empty_attr("aria-placeholder").is_some()
        || (el.is_html()
            && matches!(el.name(), "input" | "textarea")
            && el.non_empty_attr("placeholder").is_some())
    {
        return true;
    }
    let name = el.accessible_name();
    if name.is_empty() {
        return false;
    }
    let Some(title) = el.non_empty_attr("title") else {
        // `aria-describedby` never names an element: the name came from a label.
        return true;
    };
    if name != collapse_whitespace(title) {
        return true;
    }
    // The name equals the title: did a higher-priority source give the same words?
    let has_text = |e: &El| e.has_text_content();
    let named_from_content = el
        .role_info()
        .is_some_and(|r| r.name_from == NameFrom::Contents);
    el.referenced("aria-labelledby").iter().any(has_text)
        || el.labels().any(|l| has_text(&l))
        || (named_from_content && has_text(el))
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcomes(body: &str) -> Vec<(Outcome, String)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["label-title-only"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.outcome, f.selector))
            .collect()
    }

    fn one(body: &str) -> Outcome {
        let got = outcomes(body);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        got[0].0
    }

    #[test]
    fn title_or_description_only_fails() {
        assert_eq!(
            one(r#"<input type="text" title="Postcode">"#),
            Outcome::Failed
        );
        assert_eq!(
            one(r#"<select title="Ward"><option>North</option></select>"#),
            Outcome::Failed
        );
        assert_eq!(
            one(r#"<textarea title="Comments"></textarea>"#),
            Outcome::Failed
        );
        assert_eq!(
            one(r#"<input type="checkbox" title="I agree">"#),
            Outcome::Failed
        );
        // A description is not a label, whether or not there is a title.
        assert_eq!(
            one(r#"<input aria-describedby="h"><p id="h">For example AB1 2CD</p>"#),
            Outcome::Failed
        );
        // A label with no text of its own does not count.
        assert_eq!(
            one(r#"<label><input title="Postcode"></label>"#),
            Outcome::Failed
        );
        // aria-labelledby pointing at nothing leaves the title as the name.
        assert_eq!(
            one(r#"<input title="Postcode" aria-labelledby="missing">"#),
            Outcome::Failed
        );
        assert_eq!(
            one(r#"<div role="textbox" contenteditable title="Message"></div>"#),
            Outcome::Failed
        );
    }

    #[test]
    fn other_labels_pass() {
        assert_eq!(
            one(r#"<label for="p">Postcode</label><input id="p" title="e.g. AB1 2CD">"#),
            Outcome::Passed
        );
        // The label's words equal the title: still labelled.
        assert_eq!(
            one(r#"<label>Postcode <input title="Postcode"></label>"#),
            Outcome::Passed
        );
        assert_eq!(
            one(r#"<input aria-label="Postcode" title="Postcode">"#),
            Outcome::Passed
        );
        assert_eq!(
            one(r#"<span id="l">Postcode</span><input aria-labelledby="l" title="Postcode">"#),
            Outcome::Passed
        );
        assert_eq!(
            one(r#"<input placeholder="Postcode" title="Postcode">"#),
            Outcome::Passed
        );
        assert_eq!(
            one(
                r#"<label for="w">Ward</label><select id="w" aria-describedby="h"></select><p id="h">Help</p>"#
            ),
            Outcome::Passed
        );
        assert_eq!(
            one(
                r#"<div role="checkbox" aria-checked="false" tabindex="0" title="Agree">Agree</div>"#
            ),
            Outcome::Passed
        );
    }

    #[test]
    fn other_elements_are_inapplicable() {
        // No title and no description: form-field-has-name's business.
        assert!(outcomes(r#"<input type="text"><select></select>"#).is_empty());
        // Buttons, hidden inputs and hidden fields are not checked.
        assert!(outcomes(
            r#"<input type="submit" title="Go"><input type="hidden" title="x">
               <button title="Go"></button><input type="image" title="Go" alt="Go">
               <input title="Postcode" hidden><input title="Postcode" aria-hidden="true">
               <div title="Box">text</div>"#
        )
        .is_empty());
        assert!(outcomes(r#"<input title="  " aria-describedby="">"#).is_empty());
    }
}
