//! Stage 4, **document model**: one pass over the tree that parsing and the page's scripts
//! left computes, for every element, what the rules ask about — computed style (from the
//! [`style`](crate::style) cascade), whether it is rendered, hidden from assistive technology,
//! focusable, and its ARIA role. Accessible names and text colours are computed on first use
//! and cached. Rules read this model; none of them walks the raw tree for these facts again.
//! [`Builder`] makes one.

mod accname;
pub mod aria;
pub mod ax_tree;
mod build;
mod element;
mod flat;
mod index;
mod paint;
mod roles;
mod scripts;
mod selector;
mod snapshot;
mod stable_path;
pub mod tables;
mod ua;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::html::tree::{Edge, ElementRef, Html, Node as DomNode, NodeId};
use crate::html::ParsedPage;
use crate::script::ScriptEffects;

use crate::style::{
    Cascade, ComputedStyle, Device, Display, FocusPlace, FocusRelation, FocusRules, FocusStyle,
    Overflow, Rgba, SheetSource, StyleSheet, Visibility,
};

pub use build::Builder;
pub use element::{Child, El};
pub use index::Elements;
pub use scripts::Scripts;
pub use snapshot::{
    Snapshot, SnapshotError, SnapshotNamespace, SnapshotNode, SnapshotSheet, SNAPSHOT_VERSION,
};
pub use stable_path::{looks_generated, StablePaths};

use index::{Indexes, TagSet, INDEXED_NAMES, NO_TAG};
pub(crate) use paint::unknown_reason_code;
pub use paint::{ColorPairs, TextColors};
pub use roles::is_presentational_role;

/// Index of a node (element or text) in a [`Document`], in document order.
pub type NodeIndex = u32;

/// Per-element facts, bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Flags(u16);

impl Flags {
    /// Not rendered: `display:none` on it or an ancestor (including the UA's `hidden`).
    const NOT_RENDERED: u16 = 1;
    /// Computed `visibility` is not `visible`.
    const INVISIBLE: u16 = 1 << 1;
    /// `aria-hidden="true"` on it or an ancestor.
    const ARIA_HIDDEN: u16 = 1 << 2;
    /// `inert` on it or an ancestor, or outside the modal dialog a script opened.
    const INERT: u16 = 1 << 3;
    /// Focusable (by script or keyboard).
    const FOCUSABLE: u16 = 1 << 4;
    /// In sequential focus navigation (reachable with Tab).
    const TABBABLE: u16 = 1 << 5;
    /// Disabled form control (itself or by a disabled fieldset).
    const DISABLED: u16 = 1 << 6;
    /// Inside an element whose role makes its children presentational (button, img, …).
    const PRESENTATIONAL_CHILD: u16 = 1 << 7;
    /// Role comes from a valid `role` attribute token.
    const EXPLICIT_ROLE: u16 = 1 << 8;
    /// The element is in the HTML namespace.
    const HTML: u16 = 1 << 9;
    /// The element is in the SVG namespace.
    const SVG: u16 = 1 << 10;
    /// Rendered, but not perceivable by sight: off-screen, clipped to nothing, `opacity: 0`,
    /// or inside `content-visibility: hidden` (here or on an ancestor).
    const CONCEALED: u16 = 1 << 11;
    /// Has a text node child with something other than whitespace.
    const HAS_TEXT: u16 = 1 << 12;
    /// It or an ancestor has `overflow: hidden` (or `clip`) on either axis.
    const IN_HIDDEN_OVERFLOW: u16 = 1 << 13;
    /// Its box paints or groups something the colours of text inside it depend on
    /// (see [`paint::paints_under_text`]).
    const PAINTS: u16 = 1 << 14;

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
    fn set(&mut self, bit: u16, on: bool) {
        if on {
            self.0 |= bit
        } else {
            self.0 &= !bit
        }
    }
}

#[derive(Debug)]
struct NodeData {
    dom: NodeId,
    parent: Option<NodeIndex>,
    first_child: Option<NodeIndex>,
    next_sibling: Option<NodeIndex>,
    /// One past the last node of this subtree.
    subtree_end: NodeIndex,
    /// 1-based position among the parent's element children (for `:nth-child`).
    position: u32,
    /// Number of element children.
    element_children: u32,
    flags: Flags,
    /// Slot of the element's name in [`INDEXED_NAMES`], or [`NO_TAG`].
    tag: u8,
    /// A one-word Bloom filter of the element's attribute names ([`attr_bit`]): most
    /// attribute lookups are for attributes the element does not have.
    attr_bloom: u64,
    /// Resolved role ([`crate::model::aria::role_id`]), or [`NO_ROLE`].
    role: crate::model::aria::RoleId,
    /// The nearest box, itself or an ancestor, that paints under its text
    /// ([`paint::paints_under_text`]); [`NodeIndex::MAX`] if none.
    painter: NodeIndex,
    /// Position among the document's elements, which indexes the per-element records
    /// (styles, names, text colours): text nodes, most of a page's nodes, have none.
    /// [`NodeIndex::MAX`] for text nodes.
    element: NodeIndex,
}

impl NodeData {
    fn is_text(&self) -> bool {
        self.element == NodeIndex::MAX
    }
}

/// [`NodeData::role`] of an element without a role (and of text nodes).
const NO_ROLE: crate::model::aria::RoleId = crate::model::aria::RoleId::MAX;

/// Nesting deeper than this is not modelled (its content is dropped from the model); with the
/// source-depth guard applied before parsing it is a second bound on hostile pages.
pub const MAX_DEPTH: usize = 512;

/// A parsed page with its accessibility facts computed.
///
/// ```
/// use frontdesk_core::model::Document;
/// let doc = frontdesk_core::parse_document(r#"<button aria-label="Search"></button><img src=a.png alt="">"#);
/// let button = doc.elements().find(|e| e.name() == "button").unwrap();
/// assert_eq!(button.role(), Some("button"));
/// assert_eq!(button.accessible_name(), "Search");
/// let img = doc.elements().find(|e| e.name() == "img").unwrap();
/// assert!(img.is_presentational());
/// ```
pub struct Document {
    html: Html,
    nodes: Vec<NodeData>,
    /// Computed styles by element ([`NodeData::element`]), apart from the nodes: the passes over the tree that
    /// read only structure and flags stay within fewer cache lines.
    styles: Vec<ComputedStyle>,
    ids: HashMap<String, NodeIndex>,
    /// Ids that more than one element carries.
    duplicate_ids: std::collections::HashSet<String>,
    /// (control, label) pairs, sorted by control.
    labels: Vec<(NodeIndex, NodeIndex)>,
    names: Vec<OnceCell<String>>,
    root: Option<NodeIndex>,
    html_document: bool,
    /// owned element → owner, from `aria-owns`; built on first use.
    aria_owners: OnceCell<HashMap<NodeIndex, NodeIndex>>,
    gradients: Vec<Box<[Rgba]>>,
    /// Focus and outline style rules, for styles when an element has focus
    /// ([`El::style_when_focused`]).
    focus_rules: FocusRules,
    /// Focus styles computed so far, by element and how it stands to the focused one.
    focus_styles: RefCell<HashMap<(NodeIndex, FocusRelation), FocusStyle>>,
    /// For each focus rule selector that styles what is inside or next to the focused
    /// element, the elements it matches; each found on first use with one pass over the
    /// page (asking per element, for each descendant and sibling, was quadratic on long
    /// navigation lists).
    focus_matches: OnceCell<Vec<OnceCell<FocusMatches>>>,
    /// Text colours, computed on first use (by the contrast rules).
    text_colors: OnceCell<Vec<OnceCell<TextColors>>>,
    /// What text is painted on, by the box that paints under it; computed on first use.
    backdrops: OnceCell<Vec<OnceCell<paint::Backdrop>>>,
    /// Indexes, so that a rule visits its candidate elements instead of every element.
    index: Indexes,
    /// What the script stage knows of the page's scripts ([`Document::scripts`]).
    script_signals: crate::script::Signals<NodeIndex>,
    /// Tree scope of each node ([`flat`]); empty when the page has no shadow roots.
    scopes: Vec<u16>,
    /// Each element's node index, in document order (by [`NodeData::element`]); its length
    /// is that of the per-element records.
    element_nodes: Vec<NodeIndex>,
    /// Ids inside shadow trees, by (scope, id).
    scoped_ids: HashMap<(u16, String), NodeIndex>,
    /// Elements with focus listeners, and where those listeners send focus.
    focus_moves: Vec<(NodeIndex, Vec<NodeIndex>)>,
    /// The modal dialog a script opened: its subtree's range of node indexes.
    modal: Option<(NodeIndex, NodeIndex)>,
    /// The page has style sheets (external, `<style>`, or `<link rel=stylesheet>`).
    has_style_sheets: bool,
    /// Some element has a rule for the zoomed screen only that sets `overflow`.
    zoomed_overflow_rules: bool,
    /// The page's author rules with their media, for styles on other screens.
    author_rules: std::sync::Arc<[crate::style::StyleRule]>,
    /// Styles on screens other than the reference one, computed on demand (see
    /// [`El::style_on`]).
    other_screens: RefCell<Vec<ScreenStyles>>,
    /// The styles a browser computed, by element, for a model built from a rendered
    /// snapshot; they win over the cascade. Empty once the styles are computed.
    rendered: HashMap<NodeId, Vec<crate::style::Declaration>>,
}

/// The elements one focus rule selector matches.
#[derive(Default)]
struct FocusMatches {
    /// In document order.
    elements: Vec<NodeIndex>,
    /// By parent.
    by_parent: HashMap<NodeIndex, Vec<NodeIndex>>,
}

/// The cascade for one screen, and the styles it computed so far.
struct ScreenStyles {
    device: Device,
    cascade: Cascade,
    styles: HashMap<NodeIndex, ComputedStyle>,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("nodes", &self.nodes.len())
            .finish()
    }
}

impl Document {
    fn element_ref(&self, index: NodeIndex) -> ElementRef<'_> {
        let id = self.nodes[index as usize].dom;
        ElementRef::wrap(
            self.html
                .tree
                .get(id)
                .expect("model nodes come from this tree"),
        )
        .expect("element index")
    }

    /// Whether a rule for the screen zoomed to 200% only gives some element an `overflow`
    /// (see [`crate::style::ComputedStyle::has_zoomed_overflow_rule`]): without one, no box
    /// clips differently when zoomed.
    pub fn has_zoomed_overflow_rules(&self) -> bool {
        self.zoomed_overflow_rules
    }

    /// The underlying parsed HTML.
    pub fn html(&self) -> &Html {
        &self.html
    }

    /// The root element (`<html>`), if the page has one.
    pub fn root(&self) -> Option<El<'_>> {
        self.root.map(|index| El { doc: self, index })
    }

    /// All elements in document order.
    pub fn elements(&self) -> impl Iterator<Item = El<'_>> + '_ {
        self.element_nodes
            .iter()
            .map(|&index| El { doc: self, index })
    }

    /// The first element with this `id`, as `getElementById` finds it.
    pub fn element_by_id(&self, id: &str) -> Option<El<'_>> {
        self.ids.get(id).map(|&index| El { doc: self, index })
    }

    /// The first element with this `id` in a tree scope (the document's is 0; each shadow
    /// root has its own), as that scope's `getElementById` finds it.
    pub fn element_by_id_in(&self, scope: u16, id: &str) -> Option<El<'_>> {
        if scope == flat::DOCUMENT_SCOPE {
            return self.element_by_id(id);
        }
        self.scoped_ids
            .get(&(scope, id.to_string()))
            .map(|&index| El { doc: self, index })
    }

    /// What the page's scripts did and could not be followed in, for rules whose verdicts
    /// scripts may change (see [`crate::script::signals`]).
    pub fn scripts(&self) -> Scripts<'_> {
        Scripts {
            signals: &self.script_signals,
        }
    }

    /// Whether every script of the page was run to its end by the engine's interpreter (true
    /// for a page without scripts; never for one with external scripts). When false, rules
    /// answer cantTell where what scripts do could change their verdict.
    pub fn scripts_fully_run(&self) -> bool {
        self.scripts().fully_run()
    }

    /// [Fully run](Document::scripts_fully_run), and no script left an event listener behind
    /// (which could change the page later, on a click or a key press).
    pub fn scripts_settled(&self) -> bool {
        let scripts = self.scripts();
        scripts.fully_run() && !scripts.left_listeners()
    }

    /// Whether the page has style sheets (given, in `<style>` elements, or linked), as
    /// opposed to styles in `style` attributes only.
    pub fn has_style_sheets(&self) -> bool {
        self.has_style_sheets
    }

    /// The element at a model index.
    pub fn element(&self, index: NodeIndex) -> Option<El<'_>> {
        let node = self.nodes.get(index as usize)?;
        (!node.is_text()).then_some(El { doc: self, index })
    }

    /// The colour stops of a gradient background
    /// ([`crate::style::BackgroundImage::Gradient`]), `currentcolor` resolved.
    pub fn gradient_stops(&self, index: u32) -> &[Rgba] {
        self.gradients
            .get(index as usize)
            .map(|g| &g[..])
            .unwrap_or(&[])
    }

    /// The element that claims `el` with `aria-owns` (the first claim wins; an element cannot
    /// own itself, an ancestor, or its own owner). Hidden owners claim nothing.
    pub fn aria_owner(&self, el: &El) -> Option<El<'_>> {
        let owners = self.aria_owners.get_or_init(|| {
            let mut owners = HashMap::new();
            for owner in self
                .elements_with_attr("aria-owns")
                .filter(|e| !e.is_hidden())
            {
                for owned in owner.referenced("aria-owns") {
                    let cyclic = owned == owner
                        || owner.is_descendant_of(&owned)
                        || owners.get(&owner.index) == Some(&owned.index);
                    if !cyclic {
                        owners.entry(owned.index).or_insert(owner.index);
                    }
                }
            }
            owners
        });
        owners.get(&el.index).map(|&index| El { doc: self, index })
    }

    /// Whether the source is an HTML page rather than a standalone SVG or MathML document
    /// (which the HTML parser would wrap in an `<html>` element of its own).
    pub fn is_html_document(&self) -> bool {
        self.html_document
    }

    /// The page title: the first `<title>` in the document, whitespace collapsed.
    pub fn title(&self) -> Option<String> {
        self.title_element()
            .map(|t| collapse_whitespace(&t.text_content()))
    }

    /// The document's `<title>`: the first HTML one outside shadow trees (a title a script
    /// puts in a shadow root is not the document's).
    pub fn title_element(&self) -> Option<El<'_>> {
        self.elements_named(&["title"])
            .find(|e| e.is_html() && e.scope() == flat::DOCUMENT_SCOPE)
    }
}

/// The bit an attribute name sets in an element's attribute Bloom filter, from its length
/// and first and last bytes (no hashing of the whole name; a false hit only costs the
/// lookup it would have cost anyway).
fn attr_bit(name: &str) -> u64 {
    let b = name.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (f as u32, l as u32),
        _ => (0, 0),
    };
    let h = (b.len() as u32)
        .wrapping_mul(0x9e37_79b9)
        .wrapping_add(first.wrapping_mul(0x85eb_ca6b))
        .wrapping_add(last.wrapping_mul(0xc2b2_ae35));
    1u64 << (h >> 26)
}

/// Parses an HTML "valid integer" (leading whitespace, optional sign, digits, rest ignored).
pub fn parse_integer(value: &str) -> Option<i64> {
    let v = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (sign, digits) = match v.as_bytes().first() {
        Some(b'-') => (-1, &v[1..]),
        Some(b'+') => (1, &v[1..]),
        _ => (1, v),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    digits[..end.min(18)].parse::<i64>().ok().map(|n| sign * n)
}

/// Collapses runs of ASCII whitespace to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    collapse_whitespace_owned(s.to_string())
}

/// [`collapse_whitespace`] reusing the string's buffer (for names the engine just built).
pub(crate) fn collapse_whitespace_owned(s: String) -> String {
    if is_collapsed(s.as_bytes()) {
        // Most names are already one line of single-spaced words: nothing to rewrite.
        return s;
    }
    let mut bytes = s.into_bytes();
    // Written bytes never overtake read ones: each space written stands for at least one
    // whitespace byte already read.
    let mut write = 0;
    let mut space_pending = false;
    for read in 0..bytes.len() {
        let b = bytes[read];
        if b.is_ascii_whitespace() {
            space_pending = write > 0;
        } else {
            if space_pending {
                bytes[write] = b' ';
                write += 1;
                space_pending = false;
            }
            bytes[write] = b;
            write += 1;
        }
    }
    bytes.truncate(write);
    String::from_utf8(bytes).expect("only ASCII whitespace was removed or replaced")
}

/// No leading, trailing or repeated whitespace, and none but spaces: what
/// [`collapse_whitespace_owned`] would return unchanged.
fn is_collapsed(b: &[u8]) -> bool {
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return true;
    };
    if first.is_ascii_whitespace() || last.is_ascii_whitespace() {
        return false;
    }
    let mut previous_space = false;
    for &c in b {
        let space = c == b' ';
        if (space && previous_space) || (!space && c.is_ascii_whitespace()) {
            return false;
        }
        previous_space = space;
    }
    true
}

/// What the UA gives an element, for the cascade's tests.
#[cfg(test)]
pub(crate) fn ua_style_for_tests(el: &El) -> crate::style::UaStyle {
    ua::ua_style(el.element_ref(), el.data().attr_bloom)
}

#[cfg(test)]
mod tests;
