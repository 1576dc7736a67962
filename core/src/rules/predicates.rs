//! Small shared predicates that keep rules short.

use crate::dom::{Document, El};

/// Elements included in the accessibility tree whose role is `role` (exactly).
pub fn included_with_role<'d>(doc: &'d Document, role: &'d str) -> impl Iterator<Item = El<'d>> + 'd {
    doc.elements().filter(move |e| e.role() == Some(role) && e.is_in_accessibility_tree())
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
        && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}
