//! The accessibility tree's parent–child relation, as the ACT rules define it, over the
//! document model: which elements own which, once presentational and generic wrappers are
//! skipped and `aria-owns` is followed.

use super::{Document, El};

/// Whether the element has a global ARIA state or property other than `aria-hidden` (such an
/// attribute puts even a generic element into the accessibility tree).
fn has_global_aria_attribute(el: &El) -> bool {
    el.attrs().any(|(name, _)| {
        name != "aria-hidden" && name.starts_with("aria-") && super::aria::is_global_attribute(name)
    })
}

/// A node of the accessibility tree under an element: an exposed element, or text.
#[derive(Debug, Clone, Copy)]
pub enum AxNode<'d> {
    /// An element included in the accessibility tree with a role of its own.
    Element(El<'d>),
    /// Non-blank text, with the element whose child it is.
    Text(El<'d>),
}

/// The accessibility tree's parent–child relation, as the ACT rules define "owned by": an
/// element's children are its nearest exposed descendants — presentational, generic and
/// role-less elements without global ARIA attributes are skipped over, hidden ones dropped —
/// plus the elements it claims with `aria-owns`, which leave their DOM place.
///
/// Who claims an element with `aria-owns` comes from the document model's index
/// ([`Document::aria_owner`]), built once per page.
pub struct AxTree<'d> {
    doc: &'d Document,
}

impl<'d> AxTree<'d> {
    /// The tree of one document.
    pub fn new(doc: &'d Document) -> Self {
        AxTree { doc }
    }

    /// The element that claims `el` with `aria-owns`, if any.
    pub fn aria_owner(&self, el: &El) -> Option<El<'d>> {
        let id = el.non_empty_attr("id")?;
        if self.doc.element_by_id(id).map(|e| e.index()) != Some(el.index()) {
            return None;
        }
        self.doc.aria_owner(el)
    }

    /// Whether an element passes its children up to its parent instead of appearing in the
    /// accessibility tree itself: presentational elements, generic and role-less elements
    /// that are not focusable and have no global ARIA attribute, and `visibility: hidden`
    /// elements (whose visible descendants still show).
    pub fn is_transparent(el: &El) -> bool {
        match el.role() {
            _ if el.is_invisible() => true,
            Some(role) if super::is_presentational_role(role) => true,
            None | Some("generic") => !el.is_focusable() && !has_global_aria_attribute(el),
            Some(_) => false,
        }
    }

    /// The children of `el` in the accessibility tree, in order (DOM children first, then
    /// the elements it owns with `aria-owns`).
    pub fn children(&self, el: &El<'d>) -> Vec<AxNode<'d>> {
        let mut out = Vec::new();
        self.push_dom_children(el, &mut out);
        for owned in el.referenced("aria-owns") {
            if self.aria_owner(&owned).as_ref() == Some(el) {
                self.push_element(owned, &mut out);
            }
        }
        out
    }

    fn push_dom_children(&self, parent: &El<'d>, out: &mut Vec<AxNode<'d>>) {
        for child in parent.child_nodes() {
            match child {
                super::Child::Text(t) => {
                    if !parent.is_invisible() && !t.trim().is_empty() {
                        out.push(AxNode::Text(*parent));
                    }
                }
                super::Child::Element(c) => {
                    if self.aria_owner(&c).is_none() {
                        self.push_element(c, out);
                    }
                }
            }
        }
    }

    fn push_element(&self, el: El<'d>, out: &mut Vec<AxNode<'d>>) {
        if el.is_not_rendered() || el.is_aria_hidden() {
            return;
        }
        if Self::is_transparent(&el) {
            self.push_dom_children(&el, out);
        } else {
            out.push(AxNode::Element(el));
        }
    }

    /// The parent of `el` in the accessibility tree: its `aria-owns` owner, or its nearest
    /// ancestor that is not skipped over.
    pub fn parent(&self, el: &El<'d>) -> Option<El<'d>> {
        let mut current = *el;
        // Owner chains are acyclic by construction; the bound is a second guard.
        for _ in 0..super::MAX_DEPTH * 2 {
            let next = self.aria_owner(&current).or_else(|| current.parent())?;
            if !Self::is_transparent(&next) {
                return Some(next);
            }
            current = next;
        }
        None
    }
}
