use super::predicates::{has_accessible_name, included_with_role};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that every menu item (an element with `role="menuitem"`) has a non-empty
    /// accessible name: its text, or `aria-label`, `aria-labelledby` or `title` when it shows
    /// only an icon.
    ///
    /// ## Why it matters
    /// Screen readers announce an unnamed menu item as just "menu item": people cannot tell
    /// "Report a missed bin" from "Pay a parking fine", and voice control users cannot say
    /// which one to open.
    ///
    /// ## Example
    /// ```html
    /// <div role="menu">
    ///   <button role="menuitem"><img src="print.svg" alt=""></button>                   <!-- fails -->
    ///   <button role="menuitem" aria-label="Print"><img src="print.svg" alt=""></button> <!-- passes -->
    /// </div>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 4.1.2 Name, Role, Value (A); ACT rule m6b1q3 "Menuitem has non-empty accessible name".
    pub struct MenuitemHasName {
        id: "menuitem-has-name",
        title: "Menu item has a non-empty accessible name",
        wcag: ["4.1.2"],
        level: Some(Level::A),
        act: ["m6b1q3"],
        impact: Serious,
        codes: ["has-name", "no-name"],
    }
}

const PASSED: &str = "The menu item has an accessible name.";
const FAILED: &str = "The menu item has no accessible name: give it text, or an aria-label if it shows only an icon.";

impl Rule for MenuitemHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        included_with_role(doc, "menuitem")
            .filter(|e| e.is_html())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(has_accessible_name(&target.element), ("has-name", PASSED), ("no-name", FAILED))
    }
}
