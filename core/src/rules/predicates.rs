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

/// BCP 47 check as ACT rules need it: the primary language subtag is in the IANA Language
/// Subtag Registry (`data/README.md`: two- and three-letter codes, deprecated ones included, and
/// the `qaa`–`qtz` private-use range), and every later subtag is 1–8 ASCII letters or digits.
pub fn is_valid_language_tag(tag: &str) -> bool {
    let tag = tag.trim();
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("").to_ascii_lowercase();
    let known_primary = match primary.len() {
        2 => in_code_set(&LANGUAGE_SET_2, &primary),
        3 => {
            in_code_set(&LANGUAGE_SET_3, &primary)
                || (primary.as_str() >= "qaa" && primary.as_str() <= "qtz")
        }
        _ => false,
    };
    known_primary
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Registry language subtags, sorted, each followed by one space or newline (fixed stride).
const LANGUAGE_SUBTAGS_2: &str = include_str!("data/language-subtags-2.txt");
const LANGUAGE_SUBTAGS_3: &str = include_str!("data/language-subtags-3.txt");

/// The same codes as bit sets over every code of their length (26² and 26³ bits), built at
/// compile time: the browser module carries 2.3 KB of bits instead of 33 KB of text (17 KB
/// gzipped), and a lookup is one bit test.
static LANGUAGE_SET_2: [u8; 26 * 26 / 8 + 1] = code_set(LANGUAGE_SUBTAGS_2, 2);
static LANGUAGE_SET_3: [u8; 26 * 26 * 26 / 8 + 1] = code_set(LANGUAGE_SUBTAGS_3, 3);

/// The bit of a code of lower-case ASCII letters, `None` for anything else.
const fn code_bit(code: &[u8]) -> Option<usize> {
    let mut bit = 0;
    let mut i = 0;
    while i < code.len() {
        if !code[i].is_ascii_lowercase() {
            return None;
        }
        bit = bit * 26 + (code[i] - b'a') as usize;
        i += 1;
    }
    Some(bit)
}

/// A fixed-stride table of `len`-letter codes as a bit set; a byte that is not a lower-case
/// letter where a code should be fails the build.
const fn code_set<const N: usize>(table: &str, len: usize) -> [u8; N] {
    let bytes = table.as_bytes();
    let mut set = [0u8; N];
    let mut start = 0;
    while start + len <= bytes.len() {
        let (code, _) = bytes.split_at(start + len);
        let (_, code) = code.split_at(start);
        match code_bit(code) {
            Some(bit) => set[bit / 8] |= 1 << (bit % 8),
            None => panic!("language subtag table: not a lower-case code"),
        }
        start += len + 1;
    }
    set
}

/// Whether `code` (lower case) is in a set built by [`code_set`].
fn in_code_set(set: &[u8], code: &str) -> bool {
    code_bit(code.as_bytes()).is_some_and(|bit| set[bit / 8] & (1 << (bit % 8)) != 0)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tables_are_sorted_with_a_fixed_stride() {
        for (table, len) in [(LANGUAGE_SUBTAGS_2, 2), (LANGUAGE_SUBTAGS_3, 3)] {
            let codes: Vec<&str> = table.split_ascii_whitespace().collect();
            assert_eq!(table.len(), codes.len() * (len + 1));
            assert!(codes.iter().all(|c| c.len() == len));
            assert!(codes.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn language_sets_hold_exactly_the_tables_codes() {
        let letters = || b'a'..=b'z';
        for (set, table) in [
            (&LANGUAGE_SET_2[..], LANGUAGE_SUBTAGS_2),
            (&LANGUAGE_SET_3[..], LANGUAGE_SUBTAGS_3),
        ] {
            let listed: Vec<&str> = table.split_ascii_whitespace().collect();
            let len = listed[0].len();
            let mut found = 0;
            for a in letters() {
                for b in letters() {
                    for c in letters().take(if len == 3 { 26 } else { 1 }) {
                        let code = if len == 3 { vec![a, b, c] } else { vec![a, b] };
                        let code = String::from_utf8(code).unwrap();
                        let member = in_code_set(set, &code);
                        assert_eq!(
                            member,
                            listed.binary_search(&code.as_str()).is_ok(),
                            "{code}"
                        );
                        found += usize::from(member);
                    }
                }
            }
            assert_eq!(found, listed.len());
        }
        assert!(!in_code_set(&LANGUAGE_SET_3[..], "en1"));
        assert!(!in_code_set(&LANGUAGE_SET_2[..], "EN"));
    }

    #[test]
    fn primary_language_from_the_registry() {
        // Registry entries: English, Welsh, Scottish Gaelic, Scots, Cantonese, Interslavic
        // (added 2024-05-15), the first and last three-letter codes, a deprecated one (iw).
        for tag in [
            "en-GB", "cy", "gd", "sco", "yue-HK", "isv", "aaa", "zzj", "iw", "qaa",
        ] {
            assert!(is_valid_language_tag(tag), "{tag}");
        }
        // "eng" is ISO 639-2/3 but the registry has only "en"; the rest are not registered.
        for tag in ["eng", "xx", "zz-GB", "english", "e", "", "en-", "qyz"] {
            assert!(!is_valid_language_tag(tag), "{tag}");
        }
    }
}
