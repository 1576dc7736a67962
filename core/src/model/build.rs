//! Building the model: the tree the parser and the page's scripts left (or a rendered
//! snapshot's), then one pass over it for styles, rendering state, focus and roles, then
//! ids and labels. [`Builder`] is the way in.

use super::*;

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
    pub(super) fn from_tree(page: ParsedPage, mut effects: ScriptEffects) -> Document {
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
            focus_rules: Default::default(),
            focus_styles: Default::default(),
            focus_matches: OnceCell::new(),
            text_colors: OnceCell::new(),
            backdrops: OnceCell::new(),
            index: Indexes::default(),
            script_signals: Default::default(),
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

    pub(super) fn finish(&mut self, sheets: Vec<StyleSheet>) {
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

    pub(super) fn build_tree(&mut self, shadow_roots: &[(NodeId, NodeId)]) {
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
    pub(super) fn build_from<'a>(
        &mut self,
        edges: impl Iterator<Item = (Edge<'a>, u16)>,
        scoped: bool,
    ) {
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
    pub(super) fn style_sources(&self, links: bool) -> Vec<SheetSource<'_>> {
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
    pub(super) fn style_elements(&self) -> impl Iterator<Item = El<'_>> + '_ {
        self.style_elements_in_any_tree()
            .filter(|e| e.scope() == flat::DOCUMENT_SCOPE)
    }

    /// `<style>` elements and style sheet `<link>`s of the document and its shadow trees.
    pub(super) fn style_elements_in_any_tree(&self) -> impl Iterator<Item = El<'_>> + '_ {
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

    pub(super) fn compute_styles_focus_and_roles(&mut self, mut cascade: Cascade) {
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
        self.focus_rules = cascade.take_focus_rules();
        self.author_rules = cascade.author_rules();
    }

    pub(super) fn compute_ids_and_labels(&mut self) {
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
    pub(super) fn compute_focus(&mut self, i: usize) {
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
}
