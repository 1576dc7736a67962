//! Small shared predicates that keep rules short.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::Fact;
pub use crate::model::ax_tree::{AxNode, AxTree};
use crate::model::tables::TableModel;
use crate::model::{Document, El, NodeIndex};

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

/// The layouts of the page's tables worked out so far, by table (a page's header cells and
/// `headers` attributes come table by table, so each table is formed once).
#[derive(Default)]
pub struct TableModels(RefCell<HashMap<NodeIndex, Rc<TableModel>>>);

impl Fact for TableModels {
    fn compute(_: &Document) -> Self {
        TableModels::default()
    }
}

impl TableModels {
    /// The layout of `table`, formed on the first ask.
    pub fn of(&self, table: &El) -> Rc<TableModel> {
        self.0
            .borrow_mut()
            .entry(table.index())
            .or_insert_with(|| Rc::new(TableModel::form(table)))
            .clone()
    }
}
