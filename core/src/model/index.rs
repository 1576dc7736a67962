//! Element lists the model keeps so that rules visit their candidates instead of every
//! element: by tag and attribute name (from fixed sets), with `aria-*` attributes, with
//! text, by role, by a few computed-style facts, and tabbable. Built in the model's passes
//! (tree, styles, focus, roles); asked through the `Document::elements_*` methods here.

use std::borrow::Cow;

use html5ever::LocalName;

use super::{Document, El, NodeIndex};

/// Element lists in document order, built in the model's passes.
#[derive(Debug, Default)]
pub(super) struct Indexes {
    /// By local name, for the names in [`INDEXED_NAMES`] (any namespace).
    pub(super) by_name: Buckets,
    /// By attribute name, for the names in [`INDEXED_ATTRIBUTES`].
    pub(super) by_attr: Buckets,
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
    /// Elements whose local name has a hyphen (custom elements, and a few SVG and MathML
    /// names).
    pub(super) hyphenated: Vec<NodeIndex>,
    /// By resolved role (its [`crate::model::aria::RoleId`]).
    pub(super) by_role: Buckets,
}

/// Element lists keyed by a small number (a slot in a fixed table), stored as one array:
/// filled with one push per entry, then grouped by a counting sort, instead of growing a
/// vector per key.
#[derive(Debug, Default)]
pub(super) struct Buckets {
    /// (key, element) as added, in document order; emptied by [`Buckets::seal`].
    added: Vec<(u8, NodeIndex)>,
    /// Elements grouped by key, each group in document order.
    items: Vec<NodeIndex>,
    /// Where each key's group starts in `items`, and one past the last group.
    starts: Vec<u32>,
}

impl Buckets {
    /// Adds an element; elements must come in document order.
    pub(super) fn add(&mut self, key: usize, index: NodeIndex) {
        debug_assert!(key < u8::MAX as usize);
        self.added.push((key as u8, index));
    }

    /// Groups what was added by key; `keys` bounds the keys.
    pub(super) fn seal(&mut self, keys: usize) {
        let mut starts = vec![0u32; keys + 1];
        for &(key, _) in &self.added {
            starts[key as usize + 1] += 1;
        }
        for k in 1..=keys {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![0; self.added.len()];
        for &(key, index) in &self.added {
            let at = &mut next[key as usize];
            items[*at as usize] = index;
            *at += 1;
        }
        self.items = items;
        self.starts = starts;
        self.added = Vec::new();
    }

    /// The elements with this key, in document order (none before [`Buckets::seal`]).
    pub(super) fn get(&self, key: usize) -> &[NodeIndex] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Keys with at least one element.
    fn keys(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[0] < w[1])
            .map(|(key, _)| key)
    }
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
    "blink",
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
    "marquee",
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
/// A set of names from [`INDEXED_NAMES`], as bits of their slots: asking whether an element's
/// name is one of them is one bit test instead of string comparisons.
#[derive(Debug, Clone, Copy)]
pub(super) struct TagSet(u128);

const _: () = assert!(INDEXED_NAMES.len() <= 128, "a TagSet holds 128 slots");

impl TagSet {
    /// The set of `names`; the build fails if one of them is not indexed.
    pub(super) const fn of(names: &[&str]) -> TagSet {
        let mut bits = 0u128;
        let mut n = 0;
        while n < names.len() {
            let mut slot = 0;
            loop {
                assert!(
                    slot < INDEXED_NAMES.len(),
                    "TagSet name is not in INDEXED_NAMES"
                );
                if const_str_eq(INDEXED_NAMES[slot], names[n]) {
                    break;
                }
                slot += 1;
            }
            bits |= 1 << slot;
            n += 1;
        }
        TagSet(bits)
    }

    /// Whether the name in this slot (an element's `tag`) is in the set.
    pub(super) fn contains(self, tag: u8) -> bool {
        tag < 128 && self.0 >> tag & 1 == 1
    }
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

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

/// [`slot`] for a parsed name: interned names hash without reading their text.
fn atom_slot(
    slots: &std::sync::OnceLock<AtomSlots>,
    table: &[&'static str],
    name: &LocalName,
) -> Option<usize> {
    let slots = slots.get_or_init(|| {
        table
            .iter()
            .enumerate()
            .map(|(i, n)| (LocalName::from(*n), i))
            .collect()
    });
    slots.get(name).copied()
}

type AtomSlots = crate::short_hash::AtomHashMap<LocalName, usize>;

fn name_slot_of(name: &LocalName) -> Option<usize> {
    static SLOTS: std::sync::OnceLock<AtomSlots> = std::sync::OnceLock::new();
    atom_slot(&SLOTS, INDEXED_NAMES, name)
}

fn attribute_slot_of(name: &LocalName) -> Option<usize> {
    static SLOTS: std::sync::OnceLock<AtomSlots> = std::sync::OnceLock::new();
    atom_slot(&SLOTS, INDEXED_ATTRIBUTES, name)
}

impl Indexes {
    /// Indexes an element; returns its name's slot in [`INDEXED_NAMES`] ([`NO_TAG`] if
    /// none).
    /// Indexes an element; returns its name's slot in [`INDEXED_NAMES`] ([`NO_TAG`] if
    /// none) and the Bloom filter of its attribute names (see `super::attr_bit`).
    pub(super) fn add_element(
        &mut self,
        e: &crate::html::tree::Element,
        index: NodeIndex,
    ) -> (u8, u64) {
        let tag = name_slot_of(&e.name.local);
        match tag {
            Some(i) => self.by_name.add(i, index),
            None if e.name.local.contains('-') => self.hyphenated.push(index),
            None => {}
        }
        let mut aria = false;
        let mut bloom = 0;
        let indexed_bits = indexed_attribute_bits();
        for name in e
            .attrs
            .iter()
            .map(|a| &a.name)
            .filter(|name| name.ns == html5ever::ns!())
        {
            let local = &name.local;
            let name: &str = local;
            let bit = super::attr_bit(name);
            bloom |= bit;
            if name.starts_with("aria-") {
                aria = true;
            } else if bit & indexed_bits != 0 {
                // Only names whose Bloom bit an indexed name shares need the lookup.
                if let Some(i) = attribute_slot_of(local) {
                    // An element lists each attribute name once: no duplicate pushes.
                    self.by_attr.add(i, index);
                }
            }
        }
        if aria {
            self.aria.push(index);
        }
        (tag.map_or(NO_TAG, |t| t as u8), bloom)
    }

    /// Groups the name and attribute lists, once the tree is built.
    pub(super) fn seal_tree(&mut self) {
        self.by_name.seal(INDEXED_NAMES.len());
        self.by_attr.seal(INDEXED_ATTRIBUTES.len());
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
    /// use frontdesk_core::model::Document;
    /// let doc = frontdesk_core::parse_document("<ul><li>a</li></ul><ol><li>b</li></ol>");
    /// let lists: Vec<_> = doc.elements_named(&["ol", "ul"]).map(|e| e.name()).collect();
    /// assert_eq!(lists, ["ul", "ol"]);
    /// ```
    pub fn elements_named(&self, names: &[&str]) -> Elements<'_> {
        let lists = names.iter().map(|&name| match name_slot(name) {
            Some(i) => Cow::Borrowed(self.index.by_name.get(i)),
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
                    Some(i) => Cow::Borrowed(self.index.by_attr.get(i)),
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
                .filter_map(|r| crate::model::aria::role_id(r))
                .map(|id| Cow::Borrowed(self.index.by_role.get(id as usize))),
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

    /// Elements whose local name has a hyphen, in document order: every custom element is
    /// one of them.
    pub fn elements_with_hyphenated_names(&self) -> Elements<'_> {
        self.merged([Cow::Borrowed(&self.index.hyphenated[..])])
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
                .keys()
                .filter(|&id| {
                    crate::model::aria::role_id_is_a(id as crate::model::aria::RoleId, role)
                })
                .map(|id| Cow::Borrowed(self.index.by_role.get(id))),
        )
    }

    /// One list in document order from several (each already in document order).
    fn merged<'a>(&'a self, lists: impl IntoIterator<Item = Cow<'a, [NodeIndex]>>) -> Elements<'a> {
        // Most pages lack most of the names or roles asked for: one list left is borrowed.
        let mut lists = lists.into_iter().filter(|list| !list.is_empty());
        let indices = match (lists.next(), lists.next()) {
            (None, _) => Cow::Borrowed(&[][..]),
            (Some(one), None) => one,
            (Some(a), Some(b)) => {
                let mut all = merge_sorted(&a, &b);
                for more in lists {
                    all = merge_sorted(&all, &more);
                }
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

/// The union of two ascending lists without repeats, ascending and without repeats.
fn merge_sorted(a: &[NodeIndex], b: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_order_and_drops_repeats() {
        assert_eq!(
            merge_sorted(&[1, 4, 9], &[2, 4, 10, 11]),
            [1, 2, 4, 9, 10, 11]
        );
        assert_eq!(merge_sorted(&[], &[3, 5]), [3, 5]);
        assert_eq!(merge_sorted(&[3, 5], &[]), [3, 5]);
        assert_eq!(merge_sorted(&[7], &[7]), [7]);
        let doc = crate::parse_document(
            r#"<p id=a title=t>x</p><ul><li lang=cy id=b>y</li></ul><ol></ol><span title=u></span>"#,
        );
        let names = |v: Elements| v.map(|e| e.name().to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(doc.elements_with_attrs(&["id", "title", "lang"])),
            ["p", "li", "span"]
        );
        assert_eq!(
            names(doc.elements_named(&["ol", "table", "ul", "p"])),
            ["p", "ul", "ol"]
        );
        assert_eq!(names(doc.elements_named(&["table", "ul"])), ["ul"]);
    }

    #[test]
    fn tag_sets_hold_exactly_their_names() {
        const SET: TagSet = TagSet::of(&["a", "button", "video"]);
        for (slot, name) in INDEXED_NAMES.iter().enumerate() {
            let expected = matches!(*name, "a" | "button" | "video");
            assert_eq!(SET.contains(slot as u8), expected, "{name}");
        }
        assert!(!SET.contains(NO_TAG));
    }

    #[test]
    fn buckets_group_by_key_keeping_document_order() {
        let mut buckets = Buckets::default();
        assert!(buckets.get(0).is_empty(), "nothing before sealing");
        for (key, index) in [(2, 1), (0, 3), (2, 4), (5, 7), (0, 9), (2, 12)] {
            buckets.add(key, index);
        }
        buckets.seal(6);
        assert_eq!(buckets.get(0), &[3, 9]);
        assert_eq!(buckets.get(1), &[] as &[NodeIndex]);
        assert_eq!(buckets.get(2), &[1, 4, 12]);
        assert_eq!(buckets.get(5), &[7]);
        assert!(buckets.get(6).is_empty() && buckets.get(200).is_empty());
        assert_eq!(buckets.keys().collect::<Vec<_>>(), [0, 2, 5]);
    }

    #[test]
    fn role_lists_hold_exact_roles_and_subclasses() {
        let doc = crate::parse_document(
            r#"<button>a</button><input type=checkbox><div role=switch>s</div><a href=x>l</a><button>b</button>"#,
        );
        let names = |e: Elements| e.map(|e| e.name().to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(doc.elements_with_roles(&["button"])),
            ["button", "button"]
        );
        assert_eq!(
            names(doc.elements_with_roles(&["link", "switch"])),
            ["div", "a"]
        );
        // switch is a checkbox, a checkbox is an input.
        assert_eq!(names(doc.elements_with_role("checkbox")), ["input", "div"]);
        assert!(doc.elements_with_roles(&["no-such-role"]).next().is_none());
    }

    #[test]
    fn parsed_names_find_the_same_slots_as_their_text() {
        let others = [
            "my-widget",
            "x",
            "DIV",
            "data-id",
            "aria-label",
            "svg:g",
            "",
        ];
        for name in INDEXED_NAMES.iter().chain(&others) {
            assert_eq!(
                name_slot_of(&LocalName::from(*name)),
                name_slot(name),
                "{name}"
            );
        }
        for name in INDEXED_ATTRIBUTES.iter().chain(&others) {
            let atom = LocalName::from(*name);
            assert_eq!(attribute_slot_of(&atom), attribute_slot(name), "{name}");
        }
        assert_eq!(name_slot_of(&LocalName::from("main")), name_slot("main"));
        assert!(name_slot("main").is_some());
        assert!(attribute_slot_of(&LocalName::from("data-id")).is_none());
    }
}
