//! [`El`], a handle on one element of a [`Document`]: what rules ask of an element — its
//! markup, computed style, rendering and accessibility state, role and name.

use super::*;

/// A handle on one element of a [`Document`]; cheap to copy.
#[derive(Clone, Copy)]
pub struct El<'d> {
    pub(super) doc: &'d Document,
    pub(super) index: NodeIndex,
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
    pub(super) fn data(&self) -> &'d NodeData {
        &self.doc.nodes[self.index as usize]
    }
    pub(super) fn flag(&self, bit: u16) -> bool {
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

    /// Puts elements of one document in document order and drops repeats. Lists gathered
    /// from several places all sort through here, so the .wasm carries one copy of the sort
    /// code for them instead of one per call site (indices are unique: unstable is exact).
    pub fn sort_in_document_order(elements: &mut Vec<El<'d>>) {
        elements.sort_unstable_by_key(El::index);
        elements.dedup();
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
        let doc = self.doc;
        // Text nodes are skipped by their record, without reaching their text.
        std::iter::successors(self.data().first_child, move |&i| {
            doc.nodes[i as usize].next_sibling
        })
        .filter(move |&i| !doc.nodes[i as usize].is_text())
        .map(move |index| El { doc, index })
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
    pub(super) fn name_in(&self, set: TagSet) -> bool {
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

    /// The element's focus style (outline and what shows focus instead) when `focused` has
    /// keyboard focus, or when nothing has (`None`): the page's focus and `outline` rules
    /// that reach the element from where it stands to the focused one, with its `style`
    /// attribute ([`crate::style::FocusRules`]). Computed on first use.
    pub fn style_when_focused(&self, focused: Option<&El>) -> FocusStyle {
        let relation = match focused {
            None => FocusRelation::Unrelated,
            Some(f) if f.index == self.index => FocusRelation::Focused,
            Some(f) if f.is_descendant_of(self) => FocusRelation::ContainsFocus,
            Some(f) if self.is_descendant_of(f) => FocusRelation::InsideFocused,
            Some(f) if f.data().parent.is_some() && f.data().parent == self.data().parent => {
                FocusRelation::NextToFocused
            }
            Some(_) => FocusRelation::Unrelated,
        };
        self.focus_style(relation)
    }

    /// The element's focus style when it has focus from a pointer (a click), which
    /// `:focus-visible` rules do not style.
    pub fn style_when_focused_by_pointer(&self) -> FocusStyle {
        self.focus_style(FocusRelation::FocusedByPointer)
    }

    fn focus_style(&self, relation: FocusRelation) -> FocusStyle {
        let doc = self.doc;
        if doc.focus_rules.is_empty() {
            // Only the style attribute: nothing worth keeping.
            return doc
                .focus_rules
                .style_of(&self.element_ref(), self.attr("style"), relation);
        }
        let key = (self.index, relation);
        if let Some(style) = doc.focus_styles.borrow().get(&key) {
            return style.clone();
        }
        let style = doc
            .focus_rules
            .style_of(&self.element_ref(), self.attr("style"), relation);
        doc.focus_styles.borrow_mut().insert(key, style.clone());
        style
    }

    /// The other elements a focus rule may restyle when this element has focus: ancestors
    /// that a `:focus-within` rule matches, and descendants and siblings matched by a rule
    /// whose focus pseudo-class is earlier in its selector (`a:focus span`). In document
    /// order.
    pub fn restyled_when_focused(&self) -> Vec<El<'d>> {
        let doc = self.doc;
        let rules = &doc.focus_rules;
        if rules.is_empty() {
            return Vec::new();
        }
        let count = rules.selector_count();
        let all = doc
            .focus_matches
            .get_or_init(|| (0..count).map(|_| OnceCell::new()).collect());
        let mut out = Vec::new();
        for (i, matches) in all.iter().enumerate() {
            match rules.selector_place(i) {
                FocusPlace::Within => out.extend(
                    self.ancestors()
                        .filter(|a| rules.selector_matches(i, &a.element_ref())),
                ),
                FocusPlace::Elsewhere => {
                    let matched = matches.get_or_init(|| {
                        let elements: Vec<NodeIndex> = doc
                            .elements()
                            .filter(|e| rules.selector_matches(i, &e.element_ref()))
                            .map(|e| e.index)
                            .collect();
                        let mut by_parent: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
                        for &e in &elements {
                            if let Some(p) = doc.nodes[e as usize].parent {
                                by_parent.entry(p).or_default().push(e);
                            }
                        }
                        FocusMatches {
                            elements,
                            by_parent,
                        }
                    });
                    let end = self.data().subtree_end;
                    let from = matched.elements.partition_point(|&e| e <= self.index);
                    out.extend(
                        matched.elements[from..]
                            .iter()
                            .take_while(|&&e| e < end)
                            .filter_map(|&e| doc.element(e)),
                    );
                    if let Some(siblings) =
                        self.data().parent.and_then(|p| matched.by_parent.get(&p))
                    {
                        out.extend(
                            siblings
                                .iter()
                                .filter(|&&e| e != self.index)
                                .filter_map(|&e| doc.element(e)),
                        );
                    }
                }
                FocusPlace::None | FocusPlace::Subject => {}
            }
        }
        El::sort_in_document_order(&mut out);
        out
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

    /// The 1-based line of the page's HTML where its start tag ends (see
    /// [`crate::html::tree::Element::line`]); `None` for elements that scripts or snapshots
    /// made.
    pub fn line(&self) -> Option<u32> {
        Some(self.element_ref().value().line).filter(|&line| line > 0)
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
    pub(super) fn child(&self, index: NodeIndex) -> Child<'_> {
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
