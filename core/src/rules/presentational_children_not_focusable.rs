use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that elements whose role makes their content presentational — buttons,
    /// checkboxes, tabs, images, sliders, options, menu item checkboxes and radios, and the
    /// like — contain nothing the Tab key can reach, such as a link or another button.
    ///
    /// ## Why it matters
    /// Assistive technologies flatten the content of such an element into its name, so a link
    /// inside a button or a checkbox has no role or name of its own. Keyboard users can still
    /// tab onto it, and screen readers then announce nothing useful — or the wrong control.
    ///
    /// ## Example
    /// ```html
    /// <!-- fails: the link is inside the checkbox -->
    /// <p role="checkbox" aria-checked="false" tabindex="0">I agree to the <a href="/terms">terms</a></p>
    /// <!-- passes: the link sits next to the checkbox -->
    /// <p><span role="checkbox" aria-checked="false" tabindex="0">I agree</span> to the <a href="/terms">terms</a></p>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A);
    /// ACT rule 307n5z "Element with presentational children has no focusable content".
    pub struct PresentationalChildrenNotFocusable {
        id: "presentational-children-not-focusable",
        title: "Element with presentational children has no focusable content",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["307n5z"],
        impact: Serious,
        codes: ["nothing-focusable", "focusable-content"],
    }
}

const PASSED: &str = "Nothing inside the element can be reached with the Tab key.";
const FAILED: &str = "This element's content is presentational, yet it contains something the Tab key reaches: move links and controls out of it.";

impl Rule for PresentationalChildrenNotFocusable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_roles(presentational_children_roles())
            .filter(is_html_or_svg)
            .filter(|e| e.role_info().is_some_and(|r| r.children_presentational))
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let tabbable = target.element.descendants().any(|d| d.is_tabbable());
        Expectation::check(!tabbable, ("nothing-focusable", PASSED), ("focusable-content", FAILED))
    }
}

/// The roles whose children are presentational (button, img, tab, …).
fn presentational_children_roles() -> &'static [&'static str] {
    static ROLES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    ROLES.get_or_init(|| {
        aria::roles()
            .iter()
            .filter(|r| r.children_presentational)
            .map(|r| r.name)
            .collect()
    })
}
