use super::predicates::{is_html_or_svg, AxTree};
use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::model::aria;
use crate::model::El;
use crate::rules::Level;
use crate::script::{Reason, ScriptEffect};

declare_rule! {
    /// ## What it does
    /// Checks that an element given a role that only makes sense inside a particular
    /// container sits directly in such a container in the accessibility tree: a `listitem` in
    /// a `list`, a `tab` in a `tablist`, an `option` in a `listbox` (or a group in one), a
    /// `row` in a `table`, `grid` or row group, a `menuitem` in a `menu`, `menubar` or group.
    /// Wrappers with no role of their own are looked through; `aria-owns` counts.
    ///
    /// ## Why it matters
    /// Out of its container such an element loses its meaning: screen readers cannot say
    /// "tab 2 of 5" or "item 3 of 8", and may not let people operate it at all.
    ///
    /// ## Example
    /// ```html
    /// <div><span role="tab">Council tax</span></div>                      <!-- fails -->
    /// <div role="tablist"><span role="tab">Council tax</span></div>      <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); ACT rule ff89c9 "ARIA required context role".
    pub struct AriaRequiredParent {
        id: "aria-required-parent",
        title: "Element with a role is inside its required container",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: ["ff89c9"],
        impact: Critical,
        codes: ["scripted-owns", "in-required-parent", "no-required-parent"],
    }
}

const PASSED: &str = "The element sits directly in a container its role requires.";
const FAILED_PREFIX: &str = "The element is not directly inside a container its role requires; its parent should have one of the roles: ";
/// The cantTell message for an owner whose owned elements scripts may create.
fn scripted_owns(reason: &Reason) -> String {
    format!("aria-owns names elements that are not in the page as loaded; {reason} may create them (for example in a shadow root, which aria-owns cannot reach): check that each owned element's role fits this container.")
}

impl Rule for AriaRequiredParent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let targets: Vec<Target<'d>> = doc
            .elements_with_attrs(&["role", "aria-owns"])
            .filter(is_html_or_svg)
            .filter(|e| {
                let applicable = e.has_explicit_role()
                    && e.is_in_accessibility_tree()
                    && e.implicit_role() != e.role()
                    && e.explicit_role()
                        .and_then(aria::role)
                        .is_some_and(|r| !r.required_context.is_empty());
                applicable
                    || (owns_missing_elements(e)
                        && doc
                            .scripts()
                            .may_change(ScriptEffect::Elements, e)
                            .is_some())
            })
            .map(Target::element)
            .collect();
        targets
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let Some(info) = el
            .role_info()
            .filter(|r| el.has_explicit_role() && !r.required_context.is_empty())
        else {
            // Only reached for an owner whose aria-owns points at elements scripts may create.
            let reason = el
                .document()
                .scripts()
                .may_change(ScriptEffect::Elements, &el);
            return Expectation::cant_tell(
                "scripted-owns",
                match reason {
                    Some(reason) => scripted_owns(&reason).into(),
                    None => std::borrow::Cow::Borrowed(
                        "aria-owns names elements that are not on the page.",
                    ),
                },
            );
        };
        let tree = AxTree::new(el.document());
        let parent_role = tree.parent(&el).and_then(|p| p.role());
        if parent_role.is_some_and(|r| info.required_context.contains(&r)) {
            Expectation::passed("in-required-parent", PASSED)
        } else {
            Expectation::failed("no-required-parent", format!(
                "{FAILED_PREFIX}{}.",
                info.required_context.join(", ")
            ))
        }
    }
}

/// An element in the accessibility tree whose role is the required context of other roles
/// (a `list`, `menu`, `tablist`, …) and whose `aria-owns` names ids missing from the page.
fn owns_missing_elements(el: &El) -> bool {
    let Some(owns) = el.attr("aria-owns") else {
        return false;
    };
    let is_context = || {
        el.role().is_some_and(|r| {
            aria::roles()
                .iter()
                .any(|info| info.required_context.contains(&r))
        })
    };
    el.is_in_accessibility_tree()
        && owns
            .split_ascii_whitespace()
            .any(|id| el.document().element_by_id_in(el.scope(), id).is_none())
        && is_context()
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::testing::findings;

    const OWNER: &str = r#"<div role="list" aria-owns="later"></div>"#;

    #[test]
    fn owned_ids_missing_without_scripts_are_not_targets() {
        assert!(findings("aria-required-parent", OWNER).is_empty());
    }

    #[test]
    fn owned_ids_an_unfollowed_script_may_create_cant_tell() {
        let found = findings(
            "aria-required-parent",
            &format!(r#"{OWNER}<script src="list.js"></script>"#),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].outcome, Outcome::CantTell);
        assert!(found[0].message.contains("external script"), "{found:?}");
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn a_followed_script_does_not_make_the_owner_a_target() {
        let body = format!(r#"{OWNER}<script>console.log('later')</script>"#);
        assert!(findings("aria-required-parent", &body).is_empty());
    }

    #[test]
    fn a_listitem_outside_a_list_fails_whatever_the_scripts() {
        let found = findings(
            "aria-required-parent",
            r#"<div><span role="listitem">x</span></div><script src="a.js"></script>"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].outcome, Outcome::Failed);
    }
}
