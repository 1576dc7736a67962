//! Small shared predicates that keep rules short.

use crate::model::{Document, El};

/// Elements included in the accessibility tree whose role is `role` (exactly).
pub fn included_with_role<'d>(
    doc: &'d Document,
    role: &'d str,
) -> impl Iterator<Item = El<'d>> + 'd {
    doc.elements_with_roles(&[role])
        .filter(move |e| e.role() == Some(role) && e.is_in_accessibility_tree())
}

/// Non-empty accessible name (after whitespace collapsing).
pub fn has_accessible_name(el: &El) -> bool {
    !el.accessible_name().is_empty()
}

/// HTML or SVG element (ACT rules about ARIA attributes apply to both).
pub fn is_html_or_svg(el: &El) -> bool {
    el.is_html() || el.is_svg()
}

/// Whether an element is the document element of a page (`<html>` in the HTML namespace).
pub fn is_document_element(el: &El) -> bool {
    el.is_html() && el.name() == "html" && el.parent().is_none() && el.document().is_html_document()
}

/// BCP 47 check as ACT rules need it: the primary language subtag is a registered language
/// (ISO 639-1 two-letter, ISO 639-3 three-letter, or the `qaa`–`qtz` private-use range), and
/// every later subtag is 1–8 ASCII letters or digits.
pub fn is_valid_language_tag(tag: &str) -> bool {
    let tag = tag.trim();
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("").to_ascii_lowercase();
    let known_primary = match primary.len() {
        2 => isolang::Language::from_639_1(&primary).is_some(),
        3 => {
            // The registry uses the two-letter code where one exists ("en", not "eng").
            isolang::Language::from_639_3(&primary).is_some_and(|l| l.to_639_1().is_none())
                || (primary.as_str() >= "qaa" && primary.as_str() <= "qtz")
        }
        _ => false,
    };
    known_primary
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// ACT "marked as decorative": an explicit role of `none` or `presentation`, or an `<img>`
/// with `alt=""` and no explicit role.
pub fn is_marked_decorative(el: &El) -> bool {
    match el.explicit_role() {
        Some(role) => crate::model::is_presentational_role(role),
        None => el.is_html() && el.name() == "img" && el.attr("alt") == Some(""),
    }
}

/// Whether the element or one of its ancestors has `aria-busy="true"`.
pub fn is_aria_busy(el: &El) -> bool {
    let busy = |e: &El| {
        e.attr("aria-busy")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    };
    busy(el) || el.ancestors().any(|a| busy(&a))
}

/// Whether the element has a global ARIA state or property other than `aria-hidden` (such an
/// attribute puts even a generic element into the accessibility tree).
pub fn has_global_aria_attribute(el: &El) -> bool {
    el.attrs().any(|(name, _)| {
        name != "aria-hidden"
            && name.starts_with("aria-")
            && crate::model::aria::is_global_attribute(name)
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
            Some(role) if crate::model::is_presentational_role(role) => true,
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
                crate::model::Child::Text(t) => {
                    if !parent.is_invisible() && !t.trim().is_empty() {
                        out.push(AxNode::Text(*parent));
                    }
                }
                crate::model::Child::Element(c) => {
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
        for _ in 0..crate::model::MAX_DEPTH * 2 {
            let next = self.aria_owner(&current).or_else(|| current.parent())?;
            if !Self::is_transparent(&next) {
                return Some(next);
            }
            current = next;
        }
        None
    }
}

/// The `<table>` a `<td>`/`<th>` (or row, row group) belongs to: its nearest `<table>`
/// ancestor.
pub fn owning_table<'d>(el: &El<'d>) -> Option<El<'d>> {
    el.ancestors().find(|a| a.is_html() && a.name() == "table")
}

/// A heading's level: a valid `aria-level`, else N for `<hN>`, else 2 (ARIA's default).
pub fn heading_level(el: &El) -> i64 {
    if let Some(level) = el
        .attr("aria-level")
        .and_then(crate::model::parse_integer)
        .filter(|&l| l >= 1)
    {
        return level;
    }
    match el.name().as_bytes() {
        [b'h', d @ b'1'..=b'6'] if el.is_html() => i64::from(d - b'0'),
        _ => 2,
    }
}
