//! Element lists the model keeps so that rules visit their candidates instead of every
//! element: by tag and attribute name (from fixed sets), with `aria-*` attributes, with
//! text, by role, by a few computed-style facts, and tabbable. Built in the model's passes
//! (tree, styles, focus, roles); asked through the `Document::elements_*` methods here.

use std::borrow::Cow;

use super::{Document, El, NodeIndex};

/// Element lists in document order, built in the model's passes.
#[derive(Debug, Default)]
pub(super) struct Indexes {
    /// By local name, for the names in [`INDEXED_NAMES`] (any namespace).
    pub(super) by_name: Vec<Vec<NodeIndex>>,
    /// By attribute name, for the names in [`INDEXED_ATTRIBUTES`].
    pub(super) by_attr: Vec<Vec<NodeIndex>>,
    /// Elements with at least one `aria-*` attribute.
    pub(super) aria: Vec<NodeIndex>,
    /// Elements with a non-whitespace text node child.
    pub(super) text: Vec<NodeIndex>,
    /// Elements whose `overflow-x` or `overflow-y` is not `visible`.
    pub(super) overflow: Vec<NodeIndex>,
    /// Elements that an orientation media query rotates.
    pub(super) orientation_rotated: Vec<NodeIndex>,
    /// Elements in sequential focus navigation.
    pub(super) tabbable: Vec<NodeIndex>,
    /// By resolved role.
    pub(super) by_role: crate::short_hash::ShortHashMap<&'static str, Vec<NodeIndex>>,
}

/// The element names rules ask for, and the common ones (an element's slot here also
/// answers [`El::name`] without going back to the parsed tree). Only a fixed set is indexed: a lookup table of page
/// chosen names would let a hostile page grow it with colliding keys, and the pass that
/// builds it runs for every element of every page. Other names are found by a full scan.
/// No slot in [`INDEXED_NAMES`] (or a text node).
pub(super) const NO_TAG: u8 = u8::MAX;

pub(super) const INDEXED_NAMES: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "mark",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "path",
    "picture",
    "pre",
    "progress",
    "q",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "u",
    "ul",
    "use",
    "var",
    "video",
    "wbr",
];
/// The attributes (without a namespace) rules ask for; `aria-*` ones are found through the
/// list of elements with any `aria-*` attribute. Others are found by a full scan.
const INDEXED_ATTRIBUTES: &[&str] = &[
    "accesskey",
    "alt",
    "autocomplete",
    "contenteditable",
    "disabled",
    "for",
    "headers",
    "href",
    "id",
    "lang",
    "name",
    "role",
    "scope",
    "src",
    "style",
    "tabindex",
    "title",
];

/// Position of `name` in a fixed table. Both tables are tiny and ours, so FNV is safe.
fn slot(slots: &std::sync::OnceLock<Slots>, table: &[&'static str], name: &str) -> Option<usize> {
    let slots = slots.get_or_init(|| table.iter().enumerate().map(|(i, n)| (*n, i)).collect());
    slots.get(name).copied()
}

type Slots = crate::short_hash::ShortHashMap<&'static str, usize>;

fn name_slot(name: &str) -> Option<usize> {
    static SLOTS: std::sync::OnceLock<Slots> = std::sync::OnceLock::new();
    slot(&SLOTS, INDEXED_NAMES, name)
}

pub(super) fn attribute_slot(name: &str) -> Option<usize> {
    static SLOTS: std::sync::OnceLock<Slots> = std::sync::OnceLock::new();
    slot(&SLOTS, INDEXED_ATTRIBUTES, name)
}

impl Indexes {
    /// Indexes an element; returns its name's slot in [`INDEXED_NAMES`] ([`NO_TAG`] if
    /// none).
    /// Indexes an element; returns its name's slot in [`INDEXED_NAMES`] ([`NO_TAG`] if
    /// none) and the Bloom filter of its attribute names (see `super::attr_bit`).
    pub(super) fn add_element(
        &mut self,
        e: &scraper::node::Element,
        index: NodeIndex,
    ) -> (u8, u64) {
        if self.by_name.is_empty() {
            self.by_name = vec![Vec::new(); INDEXED_NAMES.len()];
            self.by_attr = vec![Vec::new(); INDEXED_ATTRIBUTES.len()];
        }
        let tag = name_slot(&e.name.local);
        if let Some(i) = tag {
            self.by_name[i].push(index);
        }
        let mut aria = false;
        let mut bloom = 0;
        let indexed_bits = indexed_attribute_bits();
        for (name, _) in e.attrs.iter().filter(|(name, _)| name.ns.is_empty()) {
            let name: &str = &name.local;
            let bit = super::attr_bit(name);
            bloom |= bit;
            if name.starts_with("aria-") {
                aria = true;
            } else if bit & indexed_bits != 0 {
                // Only names whose Bloom bit an indexed name shares need the lookup.
                if let Some(i) = attribute_slot(name) {
                    // An element lists each attribute name once: no duplicate pushes.
                    self.by_attr[i].push(index);
                }
            }
        }
        if aria {
            self.aria.push(index);
        }
        (tag.map_or(NO_TAG, |t| t as u8), bloom)
    }
}

/// The Bloom bits of [`INDEXED_ATTRIBUTES`].
fn indexed_attribute_bits() -> u64 {
    static BITS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *BITS.get_or_init(|| {
        INDEXED_ATTRIBUTES
            .iter()
            .fold(0, |bits, name| bits | super::attr_bit(name))
    })
}

impl Document {
    /// Elements with one of these local names (any namespace; check [`El::is_html`]), in
    /// document order.
    ///
    /// ```
    /// use frontdesk_core::dom::Document;
    /// let doc = Document::parse("<ul><li>a</li></ul><ol><li>b</li></ol>");
    /// let lists: Vec<_> = doc.elements_named(&["ol", "ul"]).map(|e| e.name()).collect();
    /// assert_eq!(lists, ["ul", "ol"]);
    /// ```
    pub fn elements_named(&self, names: &[&str]) -> Elements<'_> {
        let lists = names.iter().map(|&name| match name_slot(name) {
            Some(i) => Cow::Borrowed(self.index.by_name.get(i).map_or(&[][..], |l| &l[..])),
            None => Cow::Owned(
                self.elements()
                    .filter(|e| e.name() == name)
                    .map(|e| e.index)
                    .collect(),
            ),
        });
        self.merged(lists)
    }

    /// Elements that carry this attribute (without a namespace), in document order.
    pub fn elements_with_attr(&self, name: &str) -> Elements<'_> {
        self.elements_with_attrs(&[name])
    }

    /// Elements that carry any of these attributes, in document order.
    pub fn elements_with_attrs(&self, names: &[&str]) -> Elements<'_> {
        let lists = names.iter().map(|&name| {
            let scan = |candidates: &mut dyn Iterator<Item = El<'_>>| -> Vec<NodeIndex> {
                candidates
                    .filter(|e| e.attr(name).is_some())
                    .map(|e| e.index)
                    .collect()
            };
            if name.starts_with("aria-") {
                Cow::Owned(scan(&mut self.elements_with_aria_attrs()))
            } else {
                match attribute_slot(name) {
                    Some(i) => Cow::Borrowed(self.index.by_attr.get(i).map_or(&[][..], |l| &l[..])),
                    None => Cow::Owned(scan(&mut self.elements())),
                }
            }
        });
        self.merged(lists)
    }

    /// Elements whose resolved role is exactly one of `roles`, in document order.
    pub fn elements_with_roles(&self, roles: &[&str]) -> Elements<'_> {
        self.merged(
            roles
                .iter()
                .filter_map(|r| self.index.by_role.get(*r))
                .map(|l| Cow::Borrowed(&l[..])),
        )
    }

    /// Elements with at least one `aria-*` attribute, in document order.
    pub fn elements_with_aria_attrs(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.aria[..])])
    }

    /// Elements with a text node child that is not only whitespace, in document order.
    pub fn elements_with_text(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.text[..])])
    }

    /// Elements whose computed `overflow-x` or `overflow-y` is not `visible`, in document
    /// order.
    pub fn elements_with_overflow(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.overflow[..])])
    }

    /// Elements in sequential focus navigation ([`El::is_tabbable`]), in document order.
    pub fn tabbable_elements(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.tabbable[..])])
    }

    /// Elements that a `transform` in an orientation media query rotates
    /// ([`crate::style::ComputedStyle::has_orientation_rotation`]), in document order.
    pub fn elements_rotated_by_orientation(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.orientation_rotated[..])])
    }

    /// Elements whose resolved role is `role` or a subclass of it (as [`El::has_role`]),
    /// in document order.
    pub fn elements_with_role(&self, role: &str) -> Elements<'_> {
        self.merged(
            self.index
                .by_role
                .iter()
                .filter(|(r, _)| crate::aria::role_is_a(r, role))
                .map(|(_, list)| Cow::Borrowed(&list[..])),
        )
    }

    /// One list in document order from several (each already in document order).
    fn merged<'a>(&'a self, lists: impl IntoIterator<Item = Cow<'a, [NodeIndex]>>) -> Elements<'a> {
        let mut lists = lists.into_iter();
        let indices = match (lists.next(), lists.next()) {
            (None, _) => Cow::Borrowed(&[][..]),
            (Some(one), None) => one,
            (Some(a), Some(b)) => {
                let mut all: Vec<NodeIndex> = a.iter().chain(b.iter()).copied().collect();
                for more in lists {
                    all.extend_from_slice(&more);
                }
                all.sort_unstable();
                all.dedup();
                Cow::Owned(all)
            }
        };
        Elements {
            doc: self,
            indices,
            next: 0,
        }
    }
}

/// Elements from one of the [`Document`]'s indexes, in document order.
pub struct Elements<'d> {
    doc: &'d Document,
    indices: Cow<'d, [NodeIndex]>,
    next: usize,
}

impl<'d> Iterator for Elements<'d> {
    type Item = El<'d>;
    fn next(&mut self) -> Option<El<'d>> {
        let index = *self.indices.get(self.next)?;
        self.next += 1;
        Some(El {
            doc: self.doc,
            index,
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.indices.len() - self.next;
        (left, Some(left))
    }
}
