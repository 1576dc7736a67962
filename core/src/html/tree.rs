//! The parsed page's tree: one vector of nodes linked by index, built by html5ever's tree
//! builder through [`Sink`] and changed by the page's scripts before the model reads it.
//!
//! Why not scraper's tree: its nodes carry 64-bit links and lazily cached ids and classes the
//! model never asks for, 128 bytes a node against 72 here, and the model's build pass, which
//! reads the tree back, missed the cache on them more than anywhere else. Here links are
//! 32-bit indexes, an element is its name and attributes, and nodes lie in the order the
//! parser made them (document order, but for the nodes the tree builder moves).
//!
//! The API follows ego_tree and scraper (`NodeRef`, `NodeMut`, `Edge`, `ElementRef`) so the
//! passes that walk the tree read as they did; scraper is still what parses selectors.

use std::cell::{Cell, Ref, RefCell};
use std::fmt;

use super::limits::DepthWatch;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, QualName};

/// A node's index in its [`Tree`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct NodeId(u32);

/// No node: the end of a link.
const NONE: u32 = u32::MAX;

/// What a node is.
#[derive(Clone, Debug)]
pub enum Node {
    /// The document: the root of the tree.
    Document,
    /// A template's contents, a shadow root, or a script's document fragment.
    Fragment,
    /// A doctype, by name.
    Doctype(StrTendril),
    /// A comment's text.
    Comment(StrTendril),
    /// A processing instruction (kept only as a placeholder).
    ProcessingInstruction,
    /// A text node.
    Text(Text),
    /// An element.
    Element(Element),
}

impl Node {
    /// Whether it is the document node.
    pub fn is_document(&self) -> bool {
        matches!(self, Node::Document)
    }
    /// Whether it is a fragment (template contents, a shadow root).
    pub fn is_fragment(&self) -> bool {
        matches!(self, Node::Fragment)
    }
    /// Whether it is an element.
    pub fn is_element(&self) -> bool {
        matches!(self, Node::Element(_))
    }
    /// Whether it is a text node.
    pub fn is_text(&self) -> bool {
        matches!(self, Node::Text(_))
    }
    /// The element, if it is one.
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            Node::Element(e) => Some(e),
            _ => None,
        }
    }
    /// The text, if it is a text node.
    pub fn as_text(&self) -> Option<&Text> {
        match self {
            Node::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A text node's text.
#[derive(Clone, Debug)]
pub struct Text {
    /// The text, character references decoded.
    pub text: StrTendril,
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

/// An element: its name and attributes, sorted by name (as scraper sorts them: the order
/// rules report attributes in).
#[derive(Clone, Debug)]
pub struct Element {
    /// Namespace and local name.
    pub name: QualName,
    /// Attributes, sorted by name.
    pub attrs: Vec<Attribute>,
    /// 1-based line in the page's HTML where the tokenizer finished the start tag (the
    /// line of its closing `>`; for an element the parser implied, such as a missing
    /// `<body>`, the line of the token that implied it); 0 when unknown, as for elements
    /// that scripts or snapshots made.
    pub line: u32,
}

impl Element {
    /// An element with these attributes (sorted here).
    pub fn new(name: QualName, mut attrs: Vec<Attribute>) -> Element {
        attrs.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        Element {
            name,
            attrs,
            line: 0,
        }
    }

    /// Local name.
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of an attribute in no namespace. Names are compared as text: making `name`
    /// an atom to compare would intern it on every call.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// Attributes as (local name, value), sorted by name.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.attrs.iter().map(|a| (&*a.name.local, &*a.value))
    }

    /// The `id` attribute.
    pub fn id(&self) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == "id")
            .map(|a| &*a.value)
    }

    /// The `class` attribute's tokens (a repeated class comes as often as it is written).
    pub fn classes(&self) -> impl Iterator<Item = &str> + '_ {
        self.attrs
            .iter()
            .filter(|a| &*a.name.local == "class")
            .flat_map(|a| a.value.split_ascii_whitespace())
    }
}

#[derive(Debug)]
struct Slot {
    parent: u32,
    prev_sibling: u32,
    next_sibling: u32,
    first_child: u32,
    last_child: u32,
    value: Node,
}

/// The tree: node 0 is the document.
#[derive(Debug)]
pub struct Tree {
    slots: Vec<Slot>,
}

fn link(i: u32) -> Option<NodeId> {
    (i != NONE).then_some(NodeId(i))
}

impl Default for Tree {
    fn default() -> Tree {
        Tree::with_capacity(1)
    }
}

impl Tree {
    /// A tree of a document node alone, with room for `capacity` nodes.
    pub fn with_capacity(capacity: usize) -> Tree {
        let mut slots = Vec::with_capacity(capacity.max(1));
        slots.push(Slot::new(Node::Document));
        Tree { slots }
    }

    /// The number of nodes, whether in the document or not.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Never: the document node is always there.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The document node.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef {
            tree: self,
            id: NodeId(0),
        }
    }

    /// A node by id.
    pub fn get(&self, id: NodeId) -> Option<NodeRef<'_>> {
        ((id.0 as usize) < self.slots.len()).then_some(NodeRef { tree: self, id })
    }

    /// A node by id, to change.
    pub fn get_mut(&mut self, id: NodeId) -> Option<NodeMut<'_>> {
        ((id.0 as usize) < self.slots.len()).then_some(NodeMut { tree: self, id })
    }

    /// Every node, in the order they were made.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        (0..self.slots.len() as u32).map(move |i| NodeRef {
            tree: self,
            id: NodeId(i),
        })
    }

    /// Marks every element's line unknown, for a tree parsed from an altered source.
    pub fn forget_lines(&mut self) {
        for slot in &mut self.slots {
            if let Node::Element(e) = &mut slot.value {
                e.line = 0;
            }
        }
    }

    /// A new node without a parent.
    pub fn orphan(&mut self, value: Node) -> NodeMut<'_> {
        let id = NodeId(self.slots.len() as u32);
        self.slots.push(Slot::new(value));
        NodeMut { tree: self, id }
    }

    fn slot(&self, id: NodeId) -> &Slot {
        &self.slots[id.0 as usize]
    }

    fn slot_mut(&mut self, id: NodeId) -> &mut Slot {
        &mut self.slots[id.0 as usize]
    }

    fn detach(&mut self, id: NodeId) {
        let Slot {
            parent,
            prev_sibling,
            next_sibling,
            ..
        } = *self.slot(id);
        if parent == NONE {
            return;
        }
        match prev_sibling {
            NONE => self.slots[parent as usize].first_child = next_sibling,
            prev => self.slots[prev as usize].next_sibling = next_sibling,
        }
        match next_sibling {
            NONE => self.slots[parent as usize].last_child = prev_sibling,
            next => self.slots[next as usize].prev_sibling = prev_sibling,
        }
        let slot = self.slot_mut(id);
        slot.parent = NONE;
        slot.prev_sibling = NONE;
        slot.next_sibling = NONE;
    }

    /// Makes `child` (moved from wherever it was) the last child of `parent`.
    fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.slot(parent).last_child;
        {
            let slot = self.slot_mut(child);
            slot.parent = parent.0;
            slot.prev_sibling = last;
        }
        match last {
            NONE => self.slot_mut(parent).first_child = child.0,
            last => self.slots[last as usize].next_sibling = child.0,
        }
        self.slot_mut(parent).last_child = child.0;
    }

    /// Puts `new` (moved from wherever it was) just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        self.detach(new);
        let Slot {
            parent,
            prev_sibling,
            ..
        } = *self.slot(sibling);
        {
            let slot = self.slot_mut(new);
            slot.parent = parent;
            slot.prev_sibling = prev_sibling;
            slot.next_sibling = sibling.0;
        }
        match prev_sibling {
            NONE => self.slots[parent as usize].first_child = new.0,
            prev => self.slots[prev as usize].next_sibling = new.0,
        }
        self.slot_mut(sibling).prev_sibling = new.0;
    }
}

impl Slot {
    fn new(value: Node) -> Slot {
        Slot {
            parent: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            first_child: NONE,
            last_child: NONE,
            value,
        }
    }
}

/// A node, read-only; cheap to copy.
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    tree: &'a Tree,
    id: NodeId,
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.id == other.id
    }
}
impl Eq for NodeRef<'_> {}

impl fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{}", self.value(), self.id.0)
    }
}

impl<'a> NodeRef<'a> {
    /// The node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }
    /// What the node is.
    pub fn value(&self) -> &'a Node {
        &self.tree.slot(self.id).value
    }
    fn at(&self, i: u32) -> Option<NodeRef<'a>> {
        link(i).map(|id| NodeRef {
            tree: self.tree,
            id,
        })
    }
    /// The parent node.
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.at(self.tree.slot(self.id).parent)
    }
    /// The previous sibling.
    pub fn prev_sibling(&self) -> Option<NodeRef<'a>> {
        self.at(self.tree.slot(self.id).prev_sibling)
    }
    /// The next sibling.
    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.at(self.tree.slot(self.id).next_sibling)
    }
    /// The first child.
    pub fn first_child(&self) -> Option<NodeRef<'a>> {
        self.at(self.tree.slot(self.id).first_child)
    }
    /// The last child.
    pub fn last_child(&self) -> Option<NodeRef<'a>> {
        self.at(self.tree.slot(self.id).last_child)
    }
    /// Whether the node has children.
    pub fn has_children(&self) -> bool {
        self.tree.slot(self.id).first_child != NONE
    }
    /// Children in order (reversible).
    pub fn children(&self) -> Children<'a> {
        Children {
            front: self.first_child(),
            back: self.last_child(),
        }
    }
    /// Ancestors, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        std::iter::successors(self.parent(), |n| n.parent())
    }
    /// Opening and closing edges of this node's subtree, in tree order.
    pub fn traverse(&self) -> Traverse<'a> {
        Traverse {
            root: *self,
            next: Some(Edge::Open(*self)),
        }
    }
    /// This node and its descendants in tree order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.traverse().filter_map(|edge| match edge {
            Edge::Open(node) => Some(node),
            Edge::Close(_) => None,
        })
    }
}

/// A node's children; from either end.
pub struct Children<'a> {
    front: Option<NodeRef<'a>>,
    back: Option<NodeRef<'a>>,
}

impl<'a> Iterator for Children<'a> {
    type Item = NodeRef<'a>;
    fn next(&mut self) -> Option<NodeRef<'a>> {
        let node = self.front?;
        if Some(node) == self.back {
            self.front = None;
            self.back = None;
        } else {
            self.front = node.next_sibling();
        }
        Some(node)
    }
}

impl DoubleEndedIterator for Children<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let node = self.back?;
        if Some(node) == self.front {
            self.front = None;
            self.back = None;
        } else {
            self.back = node.prev_sibling();
        }
        Some(node)
    }
}

/// Entering or leaving a node, in a walk of a subtree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge<'a> {
    /// Entering a node (before its children).
    Open(NodeRef<'a>),
    /// Leaving a node (after its children).
    Close(NodeRef<'a>),
}

/// The edges of a subtree in order (see [`NodeRef::traverse`]).
pub struct Traverse<'a> {
    root: NodeRef<'a>,
    next: Option<Edge<'a>>,
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;
    fn next(&mut self) -> Option<Edge<'a>> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(node) => Some(match node.first_child() {
                Some(child) => Edge::Open(child),
                None => Edge::Close(node),
            }),
            Edge::Close(node) if node == self.root => None,
            Edge::Close(node) => match node.next_sibling() {
                Some(sibling) => Some(Edge::Open(sibling)),
                None => node.parent().map(Edge::Close),
            },
        };
        Some(edge)
    }
}

/// A node, to change.
pub struct NodeMut<'a> {
    tree: &'a mut Tree,
    id: NodeId,
}

impl NodeMut<'_> {
    /// The node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }
    /// What the node is, to change.
    pub fn value(&mut self) -> &mut Node {
        &mut self.tree.slot_mut(self.id).value
    }
    /// Appends a new node as the last child.
    pub fn append(&mut self, value: Node) -> NodeMut<'_> {
        let child = self.tree.orphan(value).id;
        self.tree.append(self.id, child);
        NodeMut {
            tree: self.tree,
            id: child,
        }
    }
    /// Moves a node (with its subtree) to be the last child.
    pub fn append_id(&mut self, child: NodeId) {
        self.tree.append(self.id, child);
    }
    /// Takes the node (with its subtree) out of its parent.
    pub fn detach(&mut self) {
        self.tree.detach(self.id);
    }
}

/// An element node: what selectors match against (see the `selectors::Element` impl).
#[derive(Clone, Copy)]
pub struct ElementRef<'a> {
    node: NodeRef<'a>,
    element: &'a Element,
}

impl PartialEq for ElementRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}
impl Eq for ElementRef<'_> {}

impl fmt::Debug for ElementRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node.fmt(f)
    }
}

impl<'a> ElementRef<'a> {
    /// The node as an element, if it is one.
    pub fn wrap(node: NodeRef<'a>) -> Option<ElementRef<'a>> {
        node.value()
            .as_element()
            .map(|element| ElementRef { node, element })
    }
    /// The element's name and attributes.
    pub fn value(&self) -> &'a Element {
        self.element
    }
    /// The node's id.
    pub fn id(&self) -> NodeId {
        self.node.id
    }
    /// The parent node.
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.node.parent()
    }
    /// Ancestors, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.node.ancestors()
    }
    /// The text of every text node in the subtree (template contents included), in order.
    pub fn text(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.node.descendants().filter_map(|n| match n.value() {
            Node::Text(t) => Some(&*t.text),
            _ => None,
        })
    }
    fn element_siblings(
        node: Option<NodeRef<'a>>,
        step: impl Fn(&NodeRef<'a>) -> Option<NodeRef<'a>>,
    ) -> Option<ElementRef<'a>> {
        std::iter::successors(node, step).find_map(ElementRef::wrap)
    }
}

/// A selector list, parsed as scraper parses one, to match this tree's elements with.
#[derive(Clone, Debug)]
pub struct Selector {
    list: selectors::parser::SelectorList<scraper::selector::Simple>,
}

impl Selector {
    /// `None` when the text is not a selector list the engine supports.
    pub fn parse(text: &str) -> Option<Selector> {
        let mut parser = cssparser::Parser::new(text);
        selectors::parser::SelectorList::parse(
            &scraper::selector::Parser,
            &mut parser,
            selectors::parser::ParseRelative::No,
        )
        .ok()
        .map(|list| Selector { list })
    }

    /// Whether one of the list's selectors matches the element.
    pub fn matches(&self, element: &ElementRef) -> bool {
        use selectors::matching;
        let mut caches = matching::SelectorCaches::default();
        let mut context = matching::MatchingContext::new(
            matching::MatchingMode::Normal,
            None,
            &mut caches,
            matching::QuirksMode::NoQuirks,
            matching::NeedsSelectorFlags::No,
            matching::MatchingForInvalidation::No,
        );
        self.list
            .slice()
            .iter()
            .any(|s| matching::matches_selector(s, 0, None, element, &mut context))
    }
}

/// A parsed document (or fragment), as the parser and the page's scripts left it.
#[derive(Debug, Default)]
pub struct Html {
    /// The tree.
    pub tree: Tree,
}

impl Html {
    /// Parses a whole document in one go (no depth watch: see `limits` for pages).
    pub fn parse_document(source: &str) -> Html {
        let sink = DepthWatch::unlimited(Tree::with_capacity(source.len() / 16 + 16));
        html5ever::driver::parse_document(sink, Default::default())
            .one(source)
            .0
    }

    /// Parses markup as the children of a `<body>` (for `innerHTML`): they come under an
    /// `<html>` element, the document's only child.
    pub fn parse_fragment(markup: &str) -> Html {
        let sink = DepthWatch::unlimited(Tree::with_capacity(markup.len() / 16 + 16));
        html5ever::driver::parse_fragment(
            sink,
            Default::default(),
            QualName::new(None, ns!(html), html5ever::local_name!("body")),
            Vec::new(),
            false,
        )
        .one(markup)
        .0
    }

    /// The elements a selector matches, in tree order (template contents included).
    pub fn select(&self, selector: &Selector) -> std::vec::IntoIter<ElementRef<'_>> {
        let matched: Vec<ElementRef<'_>> = self
            .tree
            .root()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| selector.matches(e))
            .collect();
        matched.into_iter()
    }

    /// The document serialized as HTML (for tests comparing trees).
    pub fn html(&self) -> String {
        let mut out = Vec::new();
        let opts = html5ever::serialize::SerializeOpts {
            traversal_scope: html5ever::serialize::TraversalScope::ChildrenOnly(None),
            ..Default::default()
        };
        html5ever::serialize::serialize(&mut out, &self.tree.root(), opts)
            .expect("writing to memory");
        String::from_utf8(out).expect("serialized from text")
    }
}

impl html5ever::serialize::Serialize for NodeRef<'_> {
    fn serialize<S: html5ever::serialize::Serializer>(
        &self,
        serializer: &mut S,
        scope: html5ever::serialize::TraversalScope,
    ) -> std::io::Result<()> {
        let skip_self = scope == html5ever::serialize::TraversalScope::ChildrenOnly(None);
        for edge in self.traverse() {
            match edge {
                Edge::Open(node) if skip_self && node == *self => {}
                Edge::Close(node) if skip_self && node == *self => {}
                Edge::Open(node) => match node.value() {
                    Node::Doctype(name) => serializer.write_doctype(name)?,
                    Node::Comment(text) => serializer.write_comment(text)?,
                    Node::Text(t) => serializer.write_text(&t.text)?,
                    Node::Element(e) => serializer
                        .start_elem(e.name.clone(), e.attrs.iter().map(|a| (&a.name, &*a.value)))?,
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        serializer.end_elem(e.name.clone())?
                    }
                }
            }
        }
        Ok(())
    }
}

/// Builds a [`Tree`] for html5ever's tree builder.
#[derive(Debug)]
pub struct Sink {
    /// The tree being built.
    pub tree: RefCell<Tree>,
    /// The tokenizer's line when it emitted the token being processed.
    line: Cell<u32>,
}

impl Sink {
    /// A sink building into `tree` (a document node alone).
    pub fn new(tree: Tree) -> Sink {
        Sink {
            tree: RefCell::new(tree),
            line: Cell::new(1),
        }
    }

    /// Whether a node has a parent.
    pub fn has_parent(&self, id: NodeId) -> bool {
        self.tree.borrow().slot(id).parent != NONE
    }

    /// A node's depth below the document, counting at most `limit` ancestors.
    pub fn depth(&self, id: NodeId, limit: usize) -> usize {
        let tree = self.tree.borrow();
        tree.get(id)
            .map_or(0, |node| node.ancestors().take(limit).count() + 1)
    }

    /// Appends text to `parent`, into its last child when that is text already.
    fn append_text(tree: &mut Tree, parent: NodeId, text: StrTendril) {
        if let Some(last) = link(tree.slot(parent).last_child) {
            if let Node::Text(t) = &mut tree.slot_mut(last).value {
                t.text.push_tendril(&text);
                return;
            }
        }
        let child = tree.orphan(Node::Text(Text { text })).id;
        tree.append(parent, child);
    }
}

impl TreeSink for Sink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        Html {
            tree: self.tree.into_inner(),
        }
    }
    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}
    fn set_current_line(&self, line: u64) {
        // Past u32::MAX lines (4 GB of newlines) the line saturates rather than wraps.
        self.line.set(u32::try_from(line).unwrap_or(u32::MAX));
    }
    fn set_quirks_mode(&self, _mode: QuirksMode) {}
    fn get_document(&self) -> NodeId {
        NodeId(0)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.tree.borrow(), |tree| match &tree.slot(*target).value {
            Node::Element(e) => &e.name,
            _ => panic!("the tree builder asks only elements' names"),
        })
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let template = name.ns == ns!(html) && name.local == html5ever::local_name!("template");
        let mut tree = self.tree.borrow_mut();
        let mut element = Element::new(name, attrs);
        element.line = self.line.get();
        let mut node = tree.orphan(Node::Element(element));
        // A template's contents: a fragment child, as scraper keeps them.
        if template {
            node.append(Node::Fragment);
        }
        node.id()
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.tree.borrow_mut().orphan(Node::Comment(text)).id()
    }
    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.tree
            .borrow_mut()
            .orphan(Node::ProcessingInstruction)
            .id()
    }
    fn append_doctype_to_document(&self, name: StrTendril, _: StrTendril, _: StrTendril) {
        let mut tree = self.tree.borrow_mut();
        let doctype = tree.orphan(Node::Doctype(name)).id();
        tree.append(NodeId(0), doctype);
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut tree = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => tree.append(*parent, id),
            NodeOrText::AppendText(text) => Sink::append_text(&mut tree, *parent, text),
        }
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut tree = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            tree.detach(id);
        }
        if tree.slot(*sibling).parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => tree.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                if let Some(prev) = link(tree.slot(*sibling).prev_sibling) {
                    if let Node::Text(t) = &mut tree.slot_mut(prev).value {
                        t.text.push_tendril(&text);
                        return;
                    }
                }
                let id = tree.orphan(Node::Text(Text { text })).id;
                tree.insert_before(*sibling, id);
            }
        }
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.has_parent(*element) {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut tree = self.tree.borrow_mut();
        if let Node::Element(e) = &mut tree.slot_mut(*target).value {
            for attr in attrs {
                if let Err(at) = e.attrs.binary_search_by(|a| a.name.cmp(&attr.name)) {
                    e.attrs.insert(at, attr);
                }
            }
        }
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        NodeId(self.tree.borrow().slot(*target).first_child)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.tree.borrow_mut().detach(*target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut tree = self.tree.borrow_mut();
        while let Some(child) = link(tree.slot(*node).first_child) {
            tree.append(*new_parent, child);
        }
    }
}

mod matching {
    use html5ever::Namespace;
    use scraper::selector::{CssLocalName, CssString, NonTSPseudoClass, PseudoElement, Simple};
    use selectors::attr::{AttrSelectorOperation, CaseSensitivity, NamespaceConstraint};
    use selectors::bloom::BloomFilter;
    use selectors::matching::{ElementSelectorFlags, MatchingContext};
    use selectors::OpaqueElement;

    use super::{ns, ElementRef, Node};

    /// Matches as scraper's `ElementRef` does (no pseudo-classes beyond the structural
    /// ones), so that style and script lookups find what they found before.
    impl selectors::Element for ElementRef<'_> {
        type Impl = Simple;

        fn opaque(&self) -> OpaqueElement {
            OpaqueElement::new(self.element)
        }
        fn parent_element(&self) -> Option<Self> {
            self.node.parent().and_then(ElementRef::wrap)
        }
        fn parent_node_is_shadow_root(&self) -> bool {
            false
        }
        fn containing_shadow_host(&self) -> Option<Self> {
            None
        }
        fn is_pseudo_element(&self) -> bool {
            false
        }
        fn prev_sibling_element(&self) -> Option<Self> {
            ElementRef::element_siblings(self.node.prev_sibling(), |n| n.prev_sibling())
        }
        fn next_sibling_element(&self) -> Option<Self> {
            ElementRef::element_siblings(self.node.next_sibling(), |n| n.next_sibling())
        }
        fn first_element_child(&self) -> Option<Self> {
            ElementRef::element_siblings(self.node.first_child(), |n| n.next_sibling())
        }
        fn is_html_element_in_html_document(&self) -> bool {
            self.element.name.ns == ns!(html)
        }
        fn has_local_name(&self, name: &CssLocalName) -> bool {
            self.element.name.local == name.0
        }
        fn has_namespace(&self, namespace: &Namespace) -> bool {
            &self.element.name.ns == namespace
        }
        fn is_same_type(&self, other: &Self) -> bool {
            self.element.name == other.element.name
        }
        fn attr_matches(
            &self,
            ns: &NamespaceConstraint<&Namespace>,
            local_name: &CssLocalName,
            operation: &AttrSelectorOperation<&CssString>,
        ) -> bool {
            self.element.attrs.iter().any(|a| {
                !matches!(*ns, NamespaceConstraint::Specific(url) if *url != a.name.ns)
                    && local_name.0 == a.name.local
                    && operation.eval_str(&a.value)
            })
        }
        fn match_non_ts_pseudo_class(
            &self,
            _: &NonTSPseudoClass,
            _: &mut MatchingContext<'_, Simple>,
        ) -> bool {
            false
        }
        fn match_pseudo_element(
            &self,
            _: &PseudoElement,
            _: &mut MatchingContext<'_, Simple>,
        ) -> bool {
            false
        }
        fn apply_selector_flags(&self, _: ElementSelectorFlags) {}
        fn is_link(&self) -> bool {
            &*self.element.name.local == "link"
        }
        fn is_html_slot_element(&self) -> bool {
            true
        }
        fn has_id(&self, id: &CssLocalName, case_sensitivity: CaseSensitivity) -> bool {
            self.element
                .id()
                .is_some_and(|own| case_sensitivity.eq(id.0.as_bytes(), own.as_bytes()))
        }
        fn has_class(&self, name: &CssLocalName, case_sensitivity: CaseSensitivity) -> bool {
            self.element
                .classes()
                .any(|c| case_sensitivity.eq(c.as_bytes(), name.0.as_bytes()))
        }
        fn has_custom_state(&self, _: &CssLocalName) -> bool {
            false
        }
        fn imported_part(&self, _: &CssLocalName) -> Option<CssLocalName> {
            None
        }
        fn is_part(&self, _: &CssLocalName) -> bool {
            false
        }
        fn is_empty(&self) -> bool {
            !self
                .node
                .children()
                .any(|c| matches!(c.value(), Node::Element(_) | Node::Text(_)))
        }
        fn is_root(&self) -> bool {
            self.node.parent().is_some_and(|p| p.value().is_document())
        }
        fn add_element_unique_hashes(&self, _: &mut BloomFilter) -> bool {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same page through scraper and through this tree serializes the same.
    #[test]
    fn builds_the_tree_scraper_builds() {
        let pages = [
            "<!doctype html><html lang=cy><head><title>Tŷ</title></head><body><p class='a b' id=x>Caerdydd &amp; Y Fro</p></body></html>",
            "<table> <tr><td>1</td> x <td>2</table><b><i>misnested</b></i><p>after",
            "<template><div>t</div></template><svg viewBox='0 0 1 1'><title>s</title></svg>",
            "<a><div>adopted</a>text<table><div>fostered</div>more</table>",
            "<html a=1><body b=2><html c=3><body d=4>x<!-- c --><?pi x?>",
            "<ul><li>one<li>two</ul><select><option>a<option>b</select><math><mi>x</mi></math>",
        ];
        for page in pages {
            assert_eq!(
                Html::parse_document(page).html(),
                scraper::Html::parse_document(page).html(),
                "{page}"
            );
        }
    }

    #[test]
    fn children_run_from_both_ends_and_meet() {
        let html = Html::parse_document("<p>a<b>b</b>c<i>d</i></p>");
        let p = html
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "p"))
            .unwrap();
        let forward: Vec<NodeId> = p.children().map(|c| c.id()).collect();
        let mut backward: Vec<NodeId> = p.children().rev().map(|c| c.id()).collect();
        backward.reverse();
        assert_eq!(forward.len(), 4);
        assert_eq!(forward, backward);
        let mut both = p.children();
        assert_eq!(both.next().map(|n| n.id()), Some(forward[0]));
        assert_eq!(both.next_back().map(|n| n.id()), Some(forward[3]));
        assert_eq!(both.next().map(|n| n.id()), Some(forward[1]));
        assert_eq!(both.next_back().map(|n| n.id()), Some(forward[2]));
        assert!(both.next().is_none() && both.next_back().is_none());
    }

    #[test]
    fn moving_a_subtree_relinks_both_places() {
        let mut html = Html::parse_document("<div id=a><p>x</p></div><div id=b></div>");
        let find = |html: &Html, id: &str| {
            html.tree
                .root()
                .descendants()
                .find(|n| n.value().as_element().and_then(|e| e.attr("id")) == Some(id))
                .unwrap()
                .id()
        };
        let (a, b) = (find(&html, "a"), find(&html, "b"));
        let p = html.tree.get(a).unwrap().first_child().unwrap().id();
        html.tree.get_mut(b).unwrap().append_id(p);
        assert!(!html.tree.get(a).unwrap().has_children());
        assert_eq!(html.tree.get(p).unwrap().parent().unwrap().id(), b);
        assert!(html
            .html()
            .contains(r#"<div id="a"></div><div id="b"><p>x</p></div>"#));
        html.tree.get_mut(p).unwrap().detach();
        assert!(html.html().contains(r#"<div id="b"></div>"#));
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    /// Each `id`'s element line, as the parser recorded it.
    fn line_of(html: &Html, id: &str) -> u32 {
        html.tree
            .nodes()
            .find_map(|n| n.value().as_element().filter(|e| e.id() == Some(id)))
            .unwrap_or_else(|| panic!("no #{id}"))
            .line
    }

    // Line numbers written beside the source: an element's line is the line of its start
    // tag's closing `>`, which for a one-line tag is also where it starts.
    const PAGE: &str = "<!doctype html>
<html><head><title>T</title></head>
<body>
<p id=a>one</p>
<!-- a comment
over three lines -->
<p id=b>after the comment</p>
<img id=c
  alt=x
  src=y.png>
<template><span id=d>in a template</span>
</template>
<div id=e>x</div><div id=f>same line</div>
";

    #[test]
    fn elements_carry_the_line_their_start_tag_ends_on() {
        // Whole source at once, and in 16 KB chunks through the depth-watching parse.
        let chunked = crate::html::parse(PAGE).tree;
        for html in [Html::parse_document(PAGE), chunked] {
            let lines: Vec<u32> = ["a", "b", "c", "d", "e", "f"]
                .iter()
                .map(|id| line_of(&html, id))
                .collect();
            assert_eq!(lines, [4, 7, 10, 11, 13, 13]);
        }
    }

    #[test]
    fn implied_elements_take_the_line_of_the_token_that_implied_them() {
        // No `<html>`, `<head>` or `<body>` written: the `<p>` on line 3 implies them all.
        let html = Html::parse_document("\n\n<p id=p>x");
        let line = |name: &str| {
            html.tree
                .nodes()
                .find_map(|n| n.value().as_element().filter(|e| e.name() == name))
                .map(|e| e.line)
        };
        assert_eq!(line("body"), Some(3));
        assert_eq!(line("p"), Some(3));
    }

    #[test]
    fn made_elements_have_no_line() {
        assert_eq!(
            Element::new(QualName::new(None, ns!(html), "p".into()), vec![]).line,
            0
        );
    }
}
