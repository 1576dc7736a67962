use super::predicates::{is_aria_busy, is_html_or_svg, AxNode, AxTree};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria;
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an element given a container role with the `role` attribute contains only
    /// the kinds of element that role allows: a `list` only list items, a `tablist` only tabs,
    /// a `menu` only menu items (directly or in groups), a `grid` only rows of cells. What
    /// counts is the accessibility tree: wrappers with no role of their own are looked
    /// through, and `aria-owns` adds children.
    ///
    /// ## Why it matters
    /// Screen readers announce "list, 3 items" or "tab 2 of 4" from this structure, and let
    /// people move item by item. Stray text or the wrong roles inside break the count and the
    /// navigation, and a custom menu or tab bar becomes confusing or unusable.
    ///
    /// ## Example
    /// ```html
    /// <div role="tablist"><span role="listitem">Council tax</span></div> <!-- fails -->
    /// <div role="tablist"><span role="tab">Council tax</span></div>      <!-- passes -->
    /// ```
    /// Elements busy loading (`aria-busy="true"`) are not checked.
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.1 Info and Relationships (A); ACT rule bc4a75 "ARIA required owned elements".
    pub struct AriaRequiredChildren {
        id: "aria-required-children",
        title: "Element with a container role owns only the elements that role requires",
        wcag: ["1.3.1"],
        level: Some(Level::A),
        act: ["bc4a75"],
        impact: Critical,
        codes: ["allowed-children", "disallowed-children"],
    }
}

const PASSED: &str = "The element owns only elements with roles its role allows.";
const FAILED_PREFIX: &str = "The element owns content its role does not allow; it may own only: ";

impl Rule for AriaRequiredChildren {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let targets: Vec<Target<'d>> = doc
            .elements_with_attr("role")
            .filter(is_html_or_svg)
            .filter(|e| e.has_explicit_role() && e.is_in_accessibility_tree())
            .filter(|e| {
                e.explicit_role()
                    .and_then(aria::role)
                    .is_some_and(|r| !r.required_owned.is_empty())
            })
            .filter(|e| !is_aria_busy(e))
            .map(Target::element)
            .collect();
        targets
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let Some(info) = el.role_info() else {
            return Expectation::passed("allowed-children", PASSED);
        };
        let tree = AxTree::new(el.document());
        let allowed = Allowed {
            role: info.name,
            required: info.required_owned,
        };
        if tree
            .children(&el)
            .iter()
            .all(|c| allowed.admits(&tree, c, 0))
        {
            Expectation::passed("allowed-children", PASSED)
        } else {
            let list: Vec<String> = info
                .required_owned
                .iter()
                .map(|r| r.replace('>', " containing "))
                .collect();
            Expectation::failed("disallowed-children", format!("{FAILED_PREFIX}{}.", list.join(", ")))
        }
    }
}

/// The owned elements a role admits.
struct Allowed {
    role: &'static str,
    /// `aria::RoleInfo::required_owned`: roles, and `group>option` for an option in a group.
    required: &'static [&'static str],
}

impl Allowed {
    fn admits(&self, tree: &AxTree, node: &AxNode, depth: usize) -> bool {
        let child = match node {
            AxNode::Element(child) => child,
            AxNode::Text(parent) => return is_label_text(parent),
        };
        let Some(role) = child.role() else {
            return false;
        };
        if self.required.contains(&role) || self.admits_extra(role) {
            return true;
        }
        // "group > menuitem": a group that itself owns only such items (or nested groups).
        let inner: Vec<&str> = self
            .required
            .iter()
            .filter_map(|r| r.split_once('>'))
            .filter(|(container, _)| *container == role)
            .map(|(_, item)| item)
            .collect();
        !inner.is_empty() && self.group_admits(tree, child, role, &inner, depth)
    }

    fn group_admits(
        &self,
        tree: &AxTree,
        group: &El,
        group_role: &str,
        inner: &[&str],
        depth: usize,
    ) -> bool {
        tree.children(group).iter().all(|c| match c {
            AxNode::Element(e) => match e.role() {
                Some(r) if inner.contains(&r) || (r == "separator" && self.admits_extra(r)) => true,
                // ACT accepts groups nested in a group (not row groups in row groups).
                Some("group") if group_role == "group" && depth < 32 => {
                    self.group_admits(tree, e, "group", inner, depth + 1)
                }
                _ => false,
            },
            AxNode::Text(parent) => is_label_text(parent),
        })
    }

    /// Owned elements allowed beyond WAI-ARIA 1.2's lists, which the specifications and the
    /// authoring practices use themselves: a `caption` in a table, grid or treegrid (listed in
    /// WAI-ARIA 1.3), and a `separator` between the items of a menu or menubar (the role's
    /// own definition: it "separates and distinguishes … groups of menuitems").
    fn admits_extra(&self, role: &str) -> bool {
        match role {
            "caption" => matches!(self.role, "table" | "grid" | "treegrid"),
            "separator" => matches!(self.role, "menu" | "menubar"),
            _ => false,
        }
    }
}

/// Text inside a `<label>`: it names the control it labels (a radio in a radiogroup) and is
/// not an item of its own.
fn is_label_text(parent: &El) -> bool {
    let is_label = |e: &El| e.is_html() && e.name() == "label";
    is_label(parent) || parent.ancestors().any(|a| is_label(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Outcome;

    fn outcome(html: &str) -> Outcome {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        let rule = AriaRequiredChildren;
        let targets = rule.applicability(&cx);
        assert_eq!(targets.len(), 1, "{html}");
        rule.expectation(&targets[0], &cx).outcome
    }

    #[test]
    fn label_text_captions_and_menu_separators_are_allowed() {
        let radios = r#"<div role="radiogroup" aria-label="Bin size">
            <label><input type="radio" name="s"> <span>Small</span></label>
            <label><input type="radio" name="s"> Large</label></div>"#;
        assert_eq!(outcome(radios), Outcome::Passed);
        let grid = r#"<table role="grid"><caption>Rounds</caption><tr><td>Mon</td></tr></table>"#;
        assert_eq!(outcome(grid), Outcome::Passed);
        let menu = r#"<ul role="menu"><li role="menuitem">Open</li><li role="separator"></li>
            <li role="menuitem">Close</li></ul>"#;
        assert_eq!(outcome(menu), Outcome::Passed);
        // Stray text straight inside the container is not an item.
        assert_eq!(
            outcome(r#"<div role="radiogroup">Size <input type="radio"></div>"#),
            Outcome::Failed
        );
    }

    #[test]
    fn aria_owns_moves_children_and_hidden_ones_do_not_count() {
        let moved = r#"<div role="list" aria-owns="x"><span role="listitem">A</span></div>
            <div role="tablist"><span role="tab">T</span><span role="listitem" id="x">B</span></div>"#;
        let doc = crate::parse_document(moved);
        let cx = crate::rules::Context::new(&doc);
        let rule = AriaRequiredChildren;
        let outcomes: Vec<Outcome> = rule
            .applicability(&cx)
            .iter()
            .map(|t| rule.expectation(t, &cx).outcome)
            .collect();
        assert_eq!(outcomes, vec![Outcome::Passed, Outcome::Passed]);
        let hidden = r#"<div role="list"><span role="listitem">A</span><span hidden>junk</span>
            <span style="visibility:hidden">x <span role="listitem" style="visibility:visible">B</span></span></div>"#;
        assert_eq!(outcome(hidden), Outcome::Passed);
    }
}
