//! Stage 4, **document model**: one pass over the tree that parsing and the page's scripts
//! left computes, for every element, what the rules ask about — computed style (from the
//! [`style`](crate::style) cascade), whether it is rendered, hidden from assistive technology,
//! focusable, and its ARIA role. Accessible names and text colours are computed on first use
//! and cached. Rules read this model; none of them walks the raw tree for these facts again.
//! [`Builder`] makes one.

mod accname;
pub mod aria;
pub mod ax_tree;
mod flat;
mod index;
mod paint;
mod roles;
mod scripts;
mod selector;
mod snapshot;
pub mod tables;
mod ua;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::html::tree::{Edge, ElementRef, Html, Node as DomNode, NodeId};
use crate::html::ParsedPage;
use crate::script::ScriptEffects;

use crate::style::{
    Cascade, ComputedStyle, Device, Display, Overflow, Rgba, SheetSource, StyleSheet, Visibility,
};

pub use index::Elements;
pub use scripts::Scripts;
pub use snapshot::{
    Snapshot, SnapshotError, SnapshotNamespace, SnapshotNode, SnapshotSheet, SNAPSHOT_VERSION,
};

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
    /// Focus and outline style rules, as text (see [`crate::style::RawRule`]).
    raw_rules: Vec<crate::style::RawRule>,
    /// Text colours, computed on first use (by the contrast rules).
    text_colors: OnceCell<Vec<OnceCell<TextColors>>>,
    /// What text is painted on, by the box that paints under it; computed on first use.
    backdrops: OnceCell<Vec<OnceCell<paint::Backdrop>>>,
    /// Indexes, so that a rule visits its candidate elements instead of every element.
    index: Indexes,
    /// What the script stage knows of the page's scripts ([`Document::scripts`]).
    script_signals: crate::script::Signals<NodeIndex>,
    /// Every script was run to its end by [`crate::script`] (or there were none).
    scripts_fully_run: bool,
    /// Scripts added event listeners to elements, the window or the document.
    scripts_listen: bool,
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

/// Builds a [`Document`] in two steps, because which style sheets apply depends on the
/// tree: first the tree the parser and the page's scripts left ([`Builder::new`]), then,
/// once the caller has loaded the sheets it links ([`Builder::style_sources`]), the styles
/// and everything computed from them ([`Builder::finish`]).
///
/// ```
/// use frontdesk_core::{html, model::Builder, script};
/// let mut page = html::parse(r#"<style>p { color: #767676 }</style><p>Hi</p>"#);
/// let effects = script::run(&mut page);
/// let builder = Builder::new(page, effects);
/// let sheets = frontdesk_core::style::load_sheets(builder.style_sources(false), None, &frontdesk_core::NoLoader);
/// let doc = builder.finish(sheets);
/// let p = doc.elements().find(|e| e.name() == "p").unwrap();
/// assert_eq!(p.style().color.to_string(), "#767676");
/// ```
pub struct Builder {
    doc: Document,
}

impl Builder {
    /// The model's tree, from a parsed page and what its scripts did to it.
    pub fn new(page: ParsedPage, effects: ScriptEffects) -> Builder {
        Builder {
            doc: Document::from_tree(page, effects),
        }
    }

    /// The model's tree from a rendered snapshot: the DOM a browser holds after the page's
    /// scripts ran (so no script runs here), with the styles it computed, which win over the
    /// cascade of the sheets given to [`Builder::finish`].
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Builder, SnapshotError> {
        let rendered = snapshot::read(snapshot)?;
        let page = ParsedPage {
            tree: rendered.html,
            scripts: Vec::new(),
            is_html_document: snapshot.html_document,
        };
        let effects = ScriptEffects {
            shadow_roots: rendered.shadow_roots,
            ..ScriptEffects::none()
        };
        let mut doc = Document::from_tree(page, effects);
        doc.rendered = rendered.styles;
        Ok(Builder { doc })
    }

    /// The `href` of the first HTML `<base href>`, which the page's URLs resolve against.
    pub fn base_href(&self) -> Option<&str> {
        self.doc
            .elements_named(&["base"])
            .find(|e| e.is_html() && e.attr("href").is_some())
            .and_then(|b| b.attr("href"))
    }

    /// The page's `<style>` elements (and, with `links`, `<link rel=stylesheet>`s), in
    /// document order: the sheets its cascade reads.
    pub fn style_sources(&self, links: bool) -> Vec<SheetSource<'_>> {
        self.doc.style_sources(links)
    }

    /// The finished model, with `sheets` (in cascade order) applied.
    pub fn finish(mut self, sheets: Vec<StyleSheet>) -> Document {
        self.doc.finish(sheets);
        self.doc
    }
}

impl Document {
    fn from_tree(page: ParsedPage, mut effects: ScriptEffects) -> Document {
        let ParsedPage {
            tree: html,
            is_html_document,
            ..
        } = page;
        let mut doc = Document {
            html,
            nodes: Vec::new(),
            styles: Vec::new(),
            ids: HashMap::new(),
            duplicate_ids: Default::default(),
            labels: Vec::new(),
            names: Vec::new(),
            root: None,
            html_document: is_html_document,
            aria_owners: OnceCell::new(),
            gradients: Vec::new(),
            raw_rules: Vec::new(),
            text_colors: OnceCell::new(),
            backdrops: OnceCell::new(),
            index: Indexes::default(),
            script_signals: Default::default(),
            scripts_fully_run: effects.fully_run,
            scripts_listen: effects.listens,
            scopes: Vec::new(),
            element_nodes: Vec::new(),
            scoped_ids: HashMap::new(),
            focus_moves: Vec::new(),
            modal: None,
            has_style_sheets: false,
            zoomed_overflow_rules: false,
            author_rules: Default::default(),
            other_screens: RefCell::new(Vec::new()),
            rendered: HashMap::new(),
        };
        doc.build_tree(&effects.shadow_roots);
        if let Some(dialog) = effects.modal_dialog {
            doc.modal = doc
                .nodes
                .iter()
                .position(|n| n.dom == dialog)
                .map(|i| (i as NodeIndex, doc.nodes[i].subtree_end));
        }
        let signals = std::mem::take(&mut effects.signals);
        let with_nodes = !signals.listeners.is_empty()
            || !signals.attributes_set.is_empty()
            || !signals.shadow_hosts.is_empty();
        if !effects.focus_moves.is_empty() || with_nodes {
            let by_dom: HashMap<NodeId, NodeIndex> = doc
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| (n.dom, i as NodeIndex))
                .collect();
            doc.focus_moves = effects
                .focus_moves
                .iter()
                .filter_map(|(target, focused)| {
                    let target = *by_dom.get(target)?;
                    let focused = focused.iter().filter_map(|f| by_dom.get(f).copied());
                    Some((target, focused.collect()))
                })
                .collect();
            doc.focus_moves.sort_by_key(|(t, _)| *t);
            doc.script_signals = signals.map(|n| by_dom.get(&n).copied());
        } else {
            doc.script_signals = signals.map(|_| None);
        }
        doc
    }

    fn finish(&mut self, sheets: Vec<StyleSheet>) {
        let doc = self;
        // A `<style>` in a shadow tree styles that tree: the page is not one without sheets.
        doc.has_style_sheets =
            !sheets.is_empty() || doc.style_elements_in_any_tree().next().is_some();
        // Styles, focus and roles in one pass (each needs the ones before it, and its
        // ancestors'): each element's records are touched once.
        doc.compute_styles_focus_and_roles(Cascade::new(sheets, &Device::reference()));
        doc.rendered = HashMap::new();
        doc.compute_ids_and_labels();
        doc.index.by_role.seal(crate::model::aria::ROLE_COUNT);
        doc.names = (0..doc.element_nodes.len())
            .map(|_| OnceCell::new())
            .collect();
    }

    fn build_tree(&mut self, shadow_roots: &[(NodeId, NodeId)]) {
        // The tree is read while the model is written: moved out of `self` meanwhile.
        let html = std::mem::take(&mut self.html);
        // Sized up front: growing a vector of large entries copied them again and again.
        self.nodes.reserve_exact(html.tree.len());
        self.element_nodes.reserve_exact(html.tree.len());
        if shadow_roots.is_empty() {
            self.build_from(html.tree.root().traverse().map(|edge| (edge, 0)), false);
        } else {
            let edges = flat::edges(&html.tree, shadow_roots);
            self.build_from(edges.into_iter(), true);
        }
        self.html = html;
    }

    /// Builds the model from a tree's edges in order, each with its node's tree scope
    /// (recorded when `scoped`).
    fn build_from<'a>(&mut self, edges: impl Iterator<Item = (Edge<'a>, u16)>, scoped: bool) {
        // The parsed tree's edges in document order. Open elements: (index, last child).
        let mut open: Vec<(NodeIndex, Option<NodeIndex>)> = Vec::new();
        // Nesting within a subtree left out of the model (comments, doctypes, template
        // contents, anything deeper than MAX_DEPTH); 0 outside one.
        let mut skipping = 0usize;
        for (edge, scope) in edges {
            let node = match edge {
                Edge::Open(node) if !node.value().is_document() => node,
                Edge::Close(node) if !node.value().is_document() => {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if node.value().is_element() {
                        let (index, _) = open.pop().expect("opened before");
                        self.nodes[index as usize].subtree_end = self.nodes.len() as NodeIndex;
                    }
                    continue;
                }
                _ => continue,
            };
            if skipping > 0 {
                skipping += 1;
                continue;
            }
            let is_text = match node.value() {
                DomNode::Element(_) => false,
                DomNode::Text(_) => true,
                _ => {
                    skipping = 1;
                    continue;
                }
            };
            if open.len() >= MAX_DEPTH {
                skipping = 1;
                continue;
            }
            let parent = open.last().map(|&(p, _)| p);
            let index = self.nodes.len() as NodeIndex;
            let mut flags = Flags::default();
            let mut tag = NO_TAG;
            let mut attr_bloom = 0;
            match node.value() {
                DomNode::Element(e) => {
                    // Interned namespaces compare as one word.
                    flags.set(Flags::HTML, e.name.ns == html5ever::ns!(html));
                    flags.set(Flags::SVG, e.name.ns == html5ever::ns!(svg));
                    (tag, attr_bloom) = self.index.add_element(e, index);
                }
                DomNode::Text(t) => {
                    if let Some(p) = parent {
                        let parent_flags = &mut self.nodes[p as usize].flags;
                        // A forward scan stops at the first letter; `trim` reads the end
                        // of the text too (another cache line for most texts).
                        let has_text = || t.text.chars().any(|c| !c.is_whitespace());
                        if !parent_flags.has(Flags::HAS_TEXT) && has_text() {
                            parent_flags.set(Flags::HAS_TEXT, true);
                            self.index.text.push(p);
                        }
                    }
                }
                _ => {}
            }
            let mut position = 0;
            match open.last_mut() {
                Some((p, last)) => {
                    match *last {
                        Some(prev) => self.nodes[prev as usize].next_sibling = Some(index),
                        None => self.nodes[*p as usize].first_child = Some(index),
                    }
                    *last = Some(index);
                    if !is_text {
                        let parent = &mut self.nodes[*p as usize];
                        parent.element_children += 1;
                        position = parent.element_children;
                    }
                }
                None if !is_text && self.root.is_none() => self.root = Some(index),
                None => {}
            }
            if scoped {
                self.scopes.push(scope);
            }
            let element = if is_text {
                NodeIndex::MAX
            } else {
                self.element_nodes.push(index);
                self.element_nodes.len() as NodeIndex - 1
            };
            self.nodes.push(NodeData {
                element,
                dom: node.id(),
                parent,
                first_child: None,
                next_sibling: None,
                subtree_end: index + 1,
                position,
                element_children: 0,
                flags,
                tag,
                attr_bloom,
                role: NO_ROLE,
                painter: NodeIndex::MAX,
            });
            if !is_text {
                open.push((index, None));
            }
        }
        self.index.seal_tree();
        // A parent's first text node can come after its earlier children's subtrees.
        self.index.text.sort_unstable();
    }

    /// `<style>` elements (and, with `links`, `<link rel=stylesheet>`s) in document order.
    fn style_sources(&self, links: bool) -> Vec<SheetSource<'_>> {
        let mut out = Vec::new();
        for e in self.style_elements() {
            match e.name() {
                "style" => out.push(SheetSource::Inline {
                    css: e.text_content(),
                    media: e.attr("media").unwrap_or(""),
                }),
                "link" if links => {
                    if let Some(href) = e.attr("href") {
                        out.push(SheetSource::Link {
                            href,
                            media: e.attr("media").unwrap_or(""),
                        });
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The document's `<style>` elements and style sheet `<link>`s, in document order (the
    /// ones the document's cascade reads; shadow trees' sheets are not modelled).
    fn style_elements(&self) -> impl Iterator<Item = El<'_>> + '_ {
        self.style_elements_in_any_tree()
            .filter(|e| e.scope() == flat::DOCUMENT_SCOPE)
    }

    /// `<style>` elements and style sheet `<link>`s of the document and its shadow trees.
    fn style_elements_in_any_tree(&self) -> impl Iterator<Item = El<'_>> + '_ {
        self.elements_named(&["style", "link"]).filter(|e| {
            e.is_html()
                && (e.name() == "style"
                    || crate::style::is_stylesheet_link(
                        e.attr("rel"),
                        e.attr("type"),
                        e.attr("disabled").is_some(),
                    ))
        })
    }

    fn compute_styles_focus_and_roles(&mut self, mut cascade: Cascade) {
        let mut role_ids = roles::RoleIdCache::default();
        // Filled in document order (parents first), one push per element.
        self.styles = Vec::with_capacity(self.element_nodes.len());
        // The UA style of an HTML element depends on its name and these attributes only:
        // without them, one computation per tag name serves the whole page.
        let ua_attributes = ua::UA_ATTRIBUTES
            .iter()
            .fold(0, |bits, name| bits | attr_bit(name));
        let mut ua_by_tag: Vec<Option<crate::style::UaStyle>> = vec![None; INDEXED_NAMES.len()];
        for e in 0..self.element_nodes.len() {
            let i = self.element_nodes[e] as usize;
            let parent = self.nodes[i].parent;
            let element = self.element_ref(i as NodeIndex);
            let node = &self.nodes[i];
            let ua_style = match ua_by_tag.get_mut(node.tag as usize) {
                Some(cached)
                    if node.flags.has(Flags::HTML) && node.attr_bloom & ua_attributes == 0 =>
                {
                    *cached.get_or_insert_with(|| ua::ua_style(element, node.attr_bloom))
                }
                _ => ua::ua_style(element, node.attr_bloom),
            };
            let inline = (self.nodes[i].attr_bloom & attr_bit("style") != 0)
                .then(|| element.value().attr("style"))
                .flatten();
            if !self.scopes.is_empty() {
                // The document's style sheets do not reach into shadow trees.
                cascade.author_rules_apply = self.scopes[i] == flat::DOCUMENT_SCOPE;
            }
            let rendered = match self.rendered.get(&self.nodes[i].dom) {
                Some(declarations) => declarations.as_slice(),
                None => &[],
            };
            let style = cascade.compute_with_inline(
                element,
                parent.map(|p| &self.styles[self.nodes[p as usize].element as usize]),
                &ua_style,
                inline,
                rendered,
            );
            let parent_flags = parent
                .map(|p| self.nodes[p as usize].flags)
                .unwrap_or_default();
            let parent_hides_content = parent.is_some_and(|p| {
                self.styles[self.nodes[p as usize].element as usize].hides_content()
            });
            let concealed = parent_flags.has(Flags::CONCEALED)
                || parent_hides_content
                || style.is_off_screen()
                || style.is_clipped()
                || style.opacity <= 0.0;
            let e = element.value();
            let bloom = self.nodes[i].attr_bloom;
            let has = |name: &str| bloom & attr_bit(name) != 0;
            let aria_hidden = has("aria-hidden")
                && e.attr("aria-hidden")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
            let inert = has("inert") && e.attr("inert").is_some();
            if style.overflow_x != Overflow::Visible || style.overflow_y != Overflow::Visible {
                self.index.overflow.push(i as NodeIndex);
            }
            if style.has_orientation_rotation() {
                self.index.orientation_rotated.push(i as NodeIndex);
            }
            self.zoomed_overflow_rules |= style.has_zoomed_overflow_rule();
            let paints = paint::paints_under_text(&style);
            let painter = match parent {
                _ if paints => i as NodeIndex,
                Some(p) => self.nodes[p as usize].painter,
                None => NodeIndex::MAX,
            };
            self.styles.push(style);
            let node = &mut self.nodes[i];
            node.flags.set(
                Flags::NOT_RENDERED,
                parent_flags.has(Flags::NOT_RENDERED) || style.display == Display::None,
            );
            node.flags
                .set(Flags::INVISIBLE, style.visibility != Visibility::Visible);
            node.flags.set(
                Flags::IN_HIDDEN_OVERFLOW,
                parent_flags.has(Flags::IN_HIDDEN_OVERFLOW)
                    || style.overflow_x == Overflow::Hidden
                    || style.overflow_y == Overflow::Hidden,
            );
            node.flags.set(Flags::CONCEALED, concealed);
            node.flags.set(Flags::PAINTS, paints);
            node.painter = painter;
            node.flags.set(
                Flags::ARIA_HIDDEN,
                parent_flags.has(Flags::ARIA_HIDDEN) || aria_hidden,
            );
            // A modal dialog makes everything outside it inert, and nothing inside it.
            let (blocked, inherits) = match self.modal {
                Some((start, end)) => {
                    let inside = (start..end).contains(&(i as NodeIndex));
                    (!inside, i as NodeIndex != start)
                }
                None => (false, true),
            };
            node.flags.set(
                Flags::INERT,
                blocked
                    || (inherits && parent_flags.has(Flags::INERT))
                    || (inert && node.flags.has(Flags::HTML)),
            );
            self.compute_focus(i);
            roles::compute_role(self, i, &mut role_ids);
            let role = self.nodes[i].role;
            if role != NO_ROLE {
                self.index.by_role.add(role as usize, i as NodeIndex);
            }
        }
        self.gradients = cascade.take_gradients();
        self.raw_rules = cascade.take_raw_rules();
        self.author_rules = cascade.author_rules();
    }

    fn compute_ids_and_labels(&mut self) {
        let mut ids = HashMap::new();
        let mut duplicates = std::collections::HashSet::new();
        let mut labels = Vec::new();
        let mut scoped_ids = HashMap::new();
        for el in self.elements_with_attr("id") {
            if let Some(id) = el.attr("id") {
                if !id.is_empty() {
                    let scope = el.scope();
                    if scope != flat::DOCUMENT_SCOPE {
                        scoped_ids
                            .entry((scope, id.to_string()))
                            .or_insert(el.index);
                    } else if ids.contains_key(id) {
                        duplicates.insert(id.to_string());
                    } else {
                        ids.insert(id.to_string(), el.index);
                    }
                }
            }
        }
        self.ids = ids;
        self.scoped_ids = scoped_ids;
        self.duplicate_ids = duplicates;
        for el in self.elements_named(&["label"]).filter(|e| e.is_html()) {
            let control = match el.attr("for") {
                Some(id) => self
                    .element_by_id_in(el.scope(), id)
                    .filter(|c| c.is_labelable()),
                None => el.descendants().find(|d| d.is_labelable()),
            };
            if let Some(control) = control {
                labels.push((control.index, el.index));
            }
        }
        labels.sort_unstable();
        self.labels = labels;
    }

    /// Focus of element `i`, from its own rendering flags and markup.
    fn compute_focus(&mut self, i: usize) {
        let el = El {
            doc: self,
            index: i as NodeIndex,
        };
        let disabled = el.is_html() && ua::is_disabled(&el);
        let tabindex = el.attr("tabindex").and_then(parse_integer);
        let native = el.is_html() && !disabled && ua::is_natively_focusable(&el);
        let rendered = !el.flag(Flags::NOT_RENDERED) && !el.flag(Flags::INVISIBLE);
        let usable = rendered && !el.flag(Flags::INERT);
        let focusable = usable && (native || (tabindex.is_some() && !disabled));
        let tabbable = focusable && tabindex.map_or(native, |t| t >= 0);
        let flags = &mut self.nodes[i].flags;
        flags.set(Flags::DISABLED, disabled);
        flags.set(Flags::FOCUSABLE, focusable);
        flags.set(Flags::TABBABLE, tabbable);
        if tabbable {
            self.index.tabbable.push(i as NodeIndex);
        }
    }

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
        self.scripts_fully_run
    }

    /// [Fully run](Document::scripts_fully_run), and no script left an event listener behind
    /// (which could change the page later, on a click or a key press).
    pub fn scripts_settled(&self) -> bool {
        self.scripts_fully_run && !self.scripts_listen
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

    /// Author style rules the cascade does not apply, kept as text for the rules that need
    /// them: rules for `:focus`/`:focus-visible`/`:focus-within` and rules that set
    /// `outline`: see [`crate::style::Cascade::take_raw_rules`].
    pub fn raw_style_rules(&self) -> &[crate::style::RawRule] {
        &self.raw_rules
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

/// A handle on one element of a [`Document`]; cheap to copy.
#[derive(Clone, Copy)]
pub struct El<'d> {
    doc: &'d Document,
    index: NodeIndex,
}

impl std::fmt::Debug for El<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>#{}", self.name(), self.index)
    }
}

impl PartialEq for El<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.doc, other.doc) && self.index == other.index
    }
}
impl Eq for El<'_> {}

impl<'d> El<'d> {
    fn data(&self) -> &'d NodeData {
        &self.doc.nodes[self.index as usize]
    }
    fn flag(&self, bit: u16) -> bool {
        self.data().flags.has(bit)
    }

    /// The document this element belongs to.
    pub fn document(&self) -> &'d Document {
        self.doc
    }

    /// Index in document order (stable for this document).
    pub fn index(&self) -> NodeIndex {
        self.index
    }

    /// The parsed element, for selector matching and raw access.
    pub fn element_ref(&self) -> ElementRef<'d> {
        self.doc.element_ref(self.index)
    }

    /// Local name; lower case for HTML, as written for SVG (`foreignObject`).
    pub fn name(&self) -> &'d str {
        match INDEXED_NAMES.get(self.data().tag as usize) {
            Some(name) => name,
            None => self.element_ref().value().name(),
        }
    }

    /// Whether the element is in the HTML namespace.
    pub fn is_html(&self) -> bool {
        self.flag(Flags::HTML)
    }

    /// Whether the element is in the SVG namespace.
    pub fn is_svg(&self) -> bool {
        self.flag(Flags::SVG)
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&'d str> {
        if self.data().attr_bloom & attr_bit(name) == 0 {
            return None;
        }
        self.element_ref().value().attr(name)
    }

    /// All attributes as (name, value), in source order.
    pub fn attrs(&self) -> impl Iterator<Item = (&'d str, &'d str)> + 'd {
        self.element_ref().value().attrs()
    }

    /// An attribute's value, trimmed, `None` when absent or only whitespace.
    pub fn non_empty_attr(&self, name: &str) -> Option<&'d str> {
        self.attr(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The parent element.
    pub fn parent(&self) -> Option<El<'d>> {
        self.data().parent.map(|index| El {
            doc: self.doc,
            index,
        })
    }

    /// Ancestors, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = El<'d>> + 'd {
        std::iter::successors(self.parent(), |e| e.parent())
    }

    /// Child elements in order.
    pub fn children(&self) -> impl Iterator<Item = El<'d>> + 'd {
        self.child_nodes().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    /// Child elements and text nodes in order.
    pub fn child_nodes(&self) -> impl Iterator<Item = Child<'d>> + 'd {
        let doc = self.doc;
        std::iter::successors(self.data().first_child, move |&i| {
            doc.nodes[i as usize].next_sibling
        })
        .map(move |i| doc.child(i))
    }

    /// Descendant elements in document order.
    pub fn descendants(&self) -> impl Iterator<Item = El<'d>> + 'd {
        let doc = self.doc;
        (self.index + 1..self.data().subtree_end)
            .filter(move |&i| !doc.nodes[i as usize].is_text())
            .map(move |index| El { doc, index })
    }

    /// Whether `self` is a (strict) descendant of `other`.
    pub fn is_descendant_of(&self, other: &El) -> bool {
        other.index < self.index && self.index < other.data().subtree_end
    }

    /// Concatenated text of all descendant text nodes (like `textContent`).
    pub fn text_content(&self) -> String {
        self.element_ref().text().collect()
    }

    /// Whether some text in the element's subtree is not only whitespace: the same as
    /// `!text_content().trim().is_empty()`, without building the text.
    pub fn has_text_content(&self) -> bool {
        let nodes = &self.doc.nodes[self.index as usize..self.data().subtree_end as usize];
        nodes.iter().any(|n| n.flags.has(Flags::HAS_TEXT))
    }

    /// Whether the element has a text node child that is not only whitespace.
    pub fn has_text_child(&self) -> bool {
        self.flag(Flags::HAS_TEXT)
    }

    /// Computed style.
    pub fn style(&self) -> &'d ComputedStyle {
        &self.doc.styles[self.data().element as usize]
    }

    /// Not rendered at all: `display:none` here or above (incl. `hidden`, `<head>` content).
    pub fn is_not_rendered(&self) -> bool {
        self.flag(Flags::NOT_RENDERED)
    }

    /// Rendered but invisible: `visibility: hidden | collapse`.
    pub fn is_invisible(&self) -> bool {
        self.flag(Flags::INVISIBLE)
    }

    /// `aria-hidden="true"` here or on an ancestor.
    pub fn is_aria_hidden(&self) -> bool {
        self.flag(Flags::ARIA_HIDDEN)
    }

    /// Hidden from everyone: not rendered, invisible, or `aria-hidden` (ACT's "hidden").
    pub fn is_hidden(&self) -> bool {
        self.is_not_rendered() || self.is_invisible() || self.is_aria_hidden()
    }

    /// ACT "included in the accessibility tree": not hidden. (Presentational elements are
    /// included as far as their content goes, but have no role.)
    pub fn is_in_accessibility_tree(&self) -> bool {
        !self.is_hidden()
    }

    /// Visible (ACT's "visible", as far as a static model can tell): rendered, not
    /// `visibility:hidden`, and not [concealed](El::is_concealed).
    pub fn is_visible(&self) -> bool {
        !self.is_not_rendered() && !self.is_invisible() && !self.is_concealed()
    }

    /// Rendered but not perceivable by sight: positioned or indented far off-screen, clipped
    /// to nothing (`clip`, `clip-path`, 1px `overflow:hidden` boxes, the "visually hidden"
    /// pattern), `opacity: 0`, or inside `content-visibility: hidden` — here or on an
    /// ancestor. Such content is still in the accessibility tree.
    pub fn is_concealed(&self) -> bool {
        self.flag(Flags::CONCEALED)
    }

    /// Whether the element's name is in `set` (any namespace).
    fn name_in(&self, set: TagSet) -> bool {
        set.contains(self.data().tag)
    }

    /// Its box paints or groups something text colours depend on (computed with the styles).
    pub(crate) fn paints_under_text(&self) -> bool {
        self.flag(Flags::PAINTS)
    }

    /// It or an ancestor clips its content: `overflow: hidden` (or `clip`) on either axis.
    pub fn is_in_hidden_overflow(&self) -> bool {
        self.flag(Flags::IN_HIDDEN_OVERFLOW)
    }

    /// Inside an `inert` subtree.
    pub fn is_inert(&self) -> bool {
        self.flag(Flags::INERT)
    }

    /// Focusable by click or script (rendered, not disabled or inert).
    pub fn is_focusable(&self) -> bool {
        self.flag(Flags::FOCUSABLE)
    }

    /// In sequential focus navigation: reachable with the Tab key.
    pub fn is_tabbable(&self) -> bool {
        self.flag(Flags::TABBABLE)
    }

    /// A disabled form control (directly or through a disabled fieldset).
    pub fn is_disabled(&self) -> bool {
        self.flag(Flags::DISABLED)
    }

    /// The element's ARIA role after resolving explicit, implicit and presentational roles;
    /// `None` when it has no role (e.g. `<div>` maps to `generic`, but `<iframe>` has none).
    pub fn role(&self) -> Option<&'static str> {
        let id = self.data().role;
        (id != NO_ROLE).then(|| crate::model::aria::role_by_id(id).name)
    }

    /// The ARIA facts of [`El::role`] (superclasses, name from content, required states, …).
    pub fn role_info(&self) -> Option<&'static crate::model::aria::RoleInfo> {
        let id = self.data().role;
        (id != NO_ROLE).then(|| crate::model::aria::role_by_id(id))
    }

    /// The first token of the `role` attribute that names a concrete ARIA role, whatever
    /// role the element ended up with (presentational conflict resolution may have
    /// discarded it).
    pub fn explicit_role(&self) -> Option<&'static str> {
        roles::explicit_role(self)
    }

    /// Whether the role came from the `role` attribute.
    pub fn has_explicit_role(&self) -> bool {
        self.flag(Flags::EXPLICIT_ROLE)
    }

    /// Role is `none`/`presentation` (explicit, or implied, as for `<img alt="">`).
    pub fn is_presentational(&self) -> bool {
        self.role().is_some_and(is_presentational_role)
    }

    /// The role the HTML element has without a `role` attribute.
    pub fn implicit_role(&self) -> Option<&'static str> {
        roles::implicit_role(self)
    }

    /// Whether `role` is this element's role or one of its superclasses (`checkbox` is a
    /// `input`, …). Uses the ARIA role taxonomy.
    pub fn has_role(&self, role: &str) -> bool {
        let id = self.data().role;
        id != NO_ROLE && crate::model::aria::role_id_is_a(id, role)
    }

    /// Whether the element can be associated with a `<label>` (HTML "labelable").
    pub fn is_labelable(&self) -> bool {
        self.is_html()
            && match self.name() {
                "button" | "meter" | "output" | "progress" | "select" | "textarea" => true,
                "input" => !self
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
                _ => false,
            }
    }

    /// `<label>` elements associated with this control, in document order.
    pub fn labels(&self) -> impl Iterator<Item = El<'d>> + 'd {
        let doc = self.doc;
        let start = doc.labels.partition_point(|&(c, _)| c < self.index);
        let index = self.index;
        doc.labels[start..]
            .iter()
            .take_while(move |&&(c, _)| c == index)
            .map(move |&(_, l)| El { doc, index: l })
    }

    /// The element's computed style on the reference screen zoomed to 200% (a 640×512
    /// viewport: media queries evaluated there, viewport units half as long).
    pub fn zoomed_style(&self) -> ComputedStyle {
        self.style_on(&Device::reference().zoomed(2.0))
    }

    /// The element's computed style on `device`: [`El::style`] on the reference screen;
    /// on another, computed on first use with its ancestors' (by a cascade for that device,
    /// from the page's author sheets alone: a rendered snapshot's styles are the reference
    /// screen's).
    pub fn style_on(&self, device: &Device) -> ComputedStyle {
        if *device == Device::reference() {
            return *self.style();
        }
        let doc = self.doc;
        let mut screens = doc.other_screens.borrow_mut();
        let at = match screens.iter().position(|s| s.device == *device) {
            Some(at) => at,
            None => {
                screens.push(ScreenStyles {
                    device: *device,
                    cascade: Cascade::for_rules(doc.author_rules.clone(), device),
                    styles: HashMap::new(),
                });
                screens.len() - 1
            }
        };
        let state = &mut screens[at];
        let mut chain = Vec::new();
        let mut at = Some(self.index);
        while let Some(i) = at {
            if state.styles.contains_key(&i) {
                break;
            }
            chain.push(i);
            at = doc.nodes[i as usize].parent;
        }
        let ScreenStyles {
            cascade, styles, ..
        } = state;
        for &i in chain.iter().rev() {
            let node = &doc.nodes[i as usize];
            let element = doc.element_ref(i);
            let ua_style = ua::ua_style(element, node.attr_bloom);
            let inline = (node.attr_bloom & attr_bit("style") != 0)
                .then(|| element.value().attr("style"))
                .flatten();
            if !doc.scopes.is_empty() {
                cascade.author_rules_apply = doc.scopes[i as usize] == flat::DOCUMENT_SCOPE;
            }
            let parent = node.parent.and_then(|p| styles.get(&p));
            let style = cascade.compute_with_inline(element, parent, &ua_style, inline, &[]);
            styles.insert(i, style);
        }
        styles[&self.index]
    }

    /// The element's tree scope: 0 in the document, another number inside a shadow tree.
    pub fn scope(&self) -> u16 {
        self.doc
            .scopes
            .get(self.index as usize)
            .copied()
            .unwrap_or(flat::DOCUMENT_SCOPE)
    }

    /// Where the page's `focus` listeners on this element send focus: `None` when it has no
    /// listener the engine could follow; else the elements they focus (none: focus stays).
    pub fn focus_listeners_move_to(&self) -> Option<Vec<El<'d>>> {
        let moves = &self.doc.focus_moves;
        let at = moves.partition_point(|(t, _)| *t < self.index);
        let mut found = false;
        let mut out = Vec::new();
        for (_, focused) in moves[at..].iter().take_while(|(t, _)| *t == self.index) {
            found = true;
            out.extend(focused.iter().map(|&index| El {
                doc: self.doc,
                index,
            }));
        }
        found.then_some(out)
    }

    /// Elements referenced by an ID-reference-list attribute (e.g. `aria-labelledby`),
    /// in the order given; missing ids are skipped.
    pub fn referenced(&self, attribute: &str) -> Vec<El<'d>> {
        self.attr(attribute)
            .map(|v| {
                v.split_ascii_whitespace()
                    .filter_map(|id| self.doc.element_by_id_in(self.scope(), id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The colours this element's own text is painted in, over what background, from the
    /// computed styles of the element and its ancestors (computed on first use, then
    /// cached).
    ///
    /// ```
    /// use frontdesk_core::model::Document;
    /// use frontdesk_core::{style::Rgba, model::TextColors};
    /// let doc = frontdesk_core::parse_document(r#"<div style="background:#fff"><p style="color:#000; opacity:.3">Hi</p></div>"#);
    /// let p = doc.elements().find(|e| e.name() == "p").unwrap();
    /// let TextColors::Known(pairs) = p.text_colors() else { panic!() };
    /// assert!((pairs[0].0.contrast(pairs[0].1) - 2.1).abs() < 0.1);
    /// ```
    pub fn text_colors(&self) -> &'d TextColors {
        let doc = self.doc;
        let cells = doc.text_colors.get_or_init(|| {
            (0..doc.element_nodes.len())
                .map(|_| OnceCell::new())
                .collect()
        });
        cells[self.data().element as usize].get_or_init(|| {
            // Text shares its backdrop with all the text under the same painting box.
            match self.doc.element(self.data().painter) {
                Some(p) => {
                    let backdrops = doc.backdrops.get_or_init(|| {
                        (0..doc.element_nodes.len())
                            .map(|_| OnceCell::new())
                            .collect()
                    });
                    let backdrop = backdrops[p.data().element as usize]
                        .get_or_init(|| paint::backdrop(Some(p)));
                    paint::text_colors(self, backdrop)
                }
                None => {
                    // Nothing paints: the bare canvas, the same for every page.
                    static CANVAS: std::sync::OnceLock<paint::Backdrop> =
                        std::sync::OnceLock::new();
                    let canvas = CANVAS.get_or_init(|| paint::backdrop(None));
                    paint::text_colors(self, canvas)
                }
            }
        })
    }

    /// Accessible name (W3C accname 1.2), whitespace collapsed and trimmed; empty if none.
    pub fn accessible_name(&self) -> &'d str {
        self.doc.names[self.data().element as usize].get_or_init(|| accname::name(self))
    }

    /// Accessible description (`aria-describedby`, `aria-description`, then `title` when it
    /// was not used for the name).
    pub fn accessible_description(&self) -> String {
        accname::description(self)
    }

    /// Input `type`, lower-cased, `text` when absent or unknown (for `<input>` only).
    pub fn input_type(&self) -> &'static str {
        ua::input_type(self)
    }

    /// 1-based position among its parent's element children, and how many there are.
    pub fn sibling_position(&self) -> (u32, u32) {
        let siblings = self.parent().map_or(1, |p| p.data().element_children);
        (self.data().position.max(1), siblings)
    }

    /// Whether this element's `id` is carried by no other element of the page.
    pub fn has_unique_id(&self) -> bool {
        self.attr("id")
            .is_some_and(|id| !id.is_empty() && !self.doc.duplicate_ids.contains(id))
    }

    /// A CSS selector that matches exactly this element.
    pub fn unique_selector(&self) -> String {
        selector::unique_selector(self)
    }

    /// The start tag, shortened to about 200 characters, for reports.
    pub fn snippet(&self) -> String {
        selector::snippet(self)
    }
}

/// A child node: an element or a text node.
#[derive(Debug, Clone, Copy)]
pub enum Child<'d> {
    /// An element.
    Element(El<'d>),
    /// A text node's text.
    Text(&'d str),
}

impl Document {
    fn child(&self, index: NodeIndex) -> Child<'_> {
        let node = &self.nodes[index as usize];
        if node.is_text() {
            let text = self
                .html
                .tree
                .get(node.dom)
                .and_then(|n| n.value().as_text());
            Child::Text(text.map(|t| &*t.text).unwrap_or(""))
        } else {
            Child::Element(El { doc: self, index })
        }
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
