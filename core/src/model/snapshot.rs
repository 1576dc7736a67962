//! The rendered-snapshot input: a page as a browser shows it — the DOM after its scripts ran
//! (open shadow roots and form state included) with the styles the browser computed — so the
//! document model can be built from a live page instead of from HTML text. The model and the
//! rules are the same for both inputs; only parsing, page scripts and the cascade's values are
//! replaced by what the browser knows.
//!
//! A snapshot is a flat list of nodes in tree order, each naming its parent by position, so a
//! browser script can write it in one walk and nothing has to be re-parsed (re-parsing
//! `outerHTML` can build a different tree than the one the styles were computed for). The
//! JSON shape is versioned ([`SNAPSHOT_VERSION`]) and documented in `docs/snapshot.md`.
//!
//! ```
//! use frontdesk_core::model::Snapshot;
//!
//! let snapshot: Snapshot = serde_json::from_str(r##"{
//!   "version": 1,
//!   "url": "https://council.example/bins",
//!   "nodes": [
//!     { "type": "element", "name": "html", "attributes": [["lang", "en"]] },
//!     { "type": "element", "parent": 0, "name": "body" },
//!     { "type": "element", "parent": 1, "name": "p",
//!       "style": { "color": "rgb(119, 119, 119)", "background-color": "rgb(255, 255, 255)" } },
//!     { "type": "text", "parent": 2, "text": "Collections move to Tuesday." }
//!   ]
//! }"##).unwrap();
//! let doc = frontdesk_core::model::Builder::from_snapshot(&snapshot).unwrap().finish(Vec::new());
//! let p = doc.elements().find(|e| e.name() == "p").unwrap();
//! assert_eq!(p.style().color.to_string(), "#777777");
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use html5ever::{ns, Attribute, LocalName, Namespace, QualName};
use serde::{Deserialize, Serialize};

use crate::html::tree::{Element, Html, Node, NodeId, Text};

/// The version of the snapshot layout this engine reads. Bumped on breaking changes only.
pub const SNAPSHOT_VERSION: u32 = 1;

/// A rendered page: its nodes in tree order, with the styles a browser computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Always [`SNAPSHOT_VERSION`].
    pub version: u32,
    /// The page's URL.
    pub url: String,
    /// The document's nodes in tree order (a node's parent always comes before it). Nodes of
    /// other kinds (comments, doctypes) are left out by whoever writes the snapshot.
    pub nodes: Vec<SnapshotNode>,
    /// The page's author style sheets' text, in cascade order. The computed styles carry
    /// everything else; the sheets serve what no computed style holds: the rules for a
    /// focused element and for a zoomed screen. May be empty.
    #[serde(default)]
    pub style_sheets: Vec<SnapshotSheet>,
    /// The document is an HTML document (not an SVG or MathML one shown on its own).
    #[serde(default = "yes")]
    pub html_document: bool,
}

impl Snapshot {
    /// Reads a snapshot from its JSON text (docs/snapshot.md): one string to parse is far
    /// cheaper for a browser to hand over than an object of some 50,000 style entries.
    pub fn from_json(text: &str) -> Result<Snapshot, SnapshotError> {
        serde_json::from_str(text).map_err(|e| SnapshotError::Json(e.to_string()))
    }
}

fn yes() -> bool {
    true
}

/// One author style sheet of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotSheet {
    /// The sheet's CSS text (`@import`s are not followed: list imported sheets too).
    pub css: String,
    /// Its media query list (`""` for all media).
    #[serde(default)]
    pub media: String,
}

/// One node of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum SnapshotNode {
    /// An element.
    #[serde(rename_all = "camelCase")]
    Element {
        /// Position of its parent element or shadow root in [`Snapshot::nodes`]; absent for
        /// the document element.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<u32>,
        /// `html` (the default), `svg` or `mathml`.
        #[serde(default, skip_serializing_if = "SnapshotNamespace::is_html")]
        namespace: SnapshotNamespace,
        /// The local name, lower case for HTML elements (`localName` in the DOM).
        name: String,
        /// The attributes as `[name, value]` pairs, with form state written as the
        /// attributes it stands for (`value`, `checked`, `selected`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attributes: Vec<[String; 2]>,
        /// Computed styles by CSS property name (`getComputedStyle` values). They win over
        /// the cascade; properties left out are computed from the style sheets, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        style: Option<BTreeMap<String, String>>,
    },
    /// A text node.
    Text {
        /// Position of its parent in [`Snapshot::nodes`].
        parent: u32,
        /// Its text.
        text: String,
    },
    /// An open shadow root; its children are the nodes whose parent it is.
    ShadowRoot {
        /// Position of its host element in [`Snapshot::nodes`].
        host: u32,
    },
}

/// An element's namespace in a snapshot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnapshotNamespace {
    /// HTML.
    #[default]
    Html,
    /// SVG.
    Svg,
    /// MathML.
    Mathml,
}

impl SnapshotNamespace {
    fn is_html(&self) -> bool {
        *self == SnapshotNamespace::Html
    }

    fn url(self) -> Namespace {
        match self {
            SnapshotNamespace::Html => ns!(html),
            SnapshotNamespace::Svg => ns!(svg),
            SnapshotNamespace::Mathml => ns!(mathml),
        }
    }
}

/// Why a snapshot cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// Written for another version of the layout.
    Version(u32),
    /// A node names as its parent (or host) a node that does not come before it.
    Parent {
        /// The node's position.
        node: usize,
        /// The position it names.
        parent: u32,
    },
    /// A node's parent (or a shadow root's host) is of a kind that cannot have one: a text
    /// node, or a host that is not an element or already has a shadow root.
    Kind {
        /// The node's position.
        node: usize,
    },
    /// More than one node claims to be the document element.
    Roots,
    /// An element name that is not a name.
    Name {
        /// The node's position.
        node: usize,
    },
    /// JSON text that is not JSON, or not a snapshot's shape: the parser's reason, which
    /// names the line and column.
    Json(String),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Version(v) => write!(
                f,
                "snapshot version {v} is not supported (this engine reads version {SNAPSHOT_VERSION})"
            ),
            SnapshotError::Parent { node, parent } => write!(
                f,
                "snapshot node {node} names node {parent} as its parent, which does not come before it"
            ),
            SnapshotError::Kind { node } => write!(
                f,
                "snapshot node {node} hangs from a node that cannot hold it (a text node, or a host that is not an element or has a shadow root already)"
            ),
            SnapshotError::Roots => {
                write!(f, "the snapshot has more than one document element")
            }
            SnapshotError::Name { node } => {
                write!(f, "snapshot node {node} has an empty element name")
            }
            SnapshotError::Json(reason) => write!(f, "snapshot: {reason}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// What the model needs from a snapshot: the tree, its shadow roots, and the computed styles
/// by node.
pub(super) struct Rendered {
    pub html: Html,
    pub shadow_roots: Vec<(NodeId, NodeId)>,
    pub styles: HashMap<NodeId, Vec<crate::style::Declaration>>,
}

/// Builds the engine's tree from a snapshot.
pub(super) fn read(snapshot: &Snapshot) -> Result<Rendered, SnapshotError> {
    if snapshot.version != SNAPSHOT_VERSION {
        return Err(SnapshotError::Version(snapshot.version));
    }
    let mut html = Html::default();
    let document = html.tree.root().id();
    // The tree node made for each snapshot node; shadow roots and elements can be parents.
    let mut made: Vec<(NodeId, bool)> = Vec::with_capacity(snapshot.nodes.len());
    let mut shadow_roots = Vec::new();
    let mut styles = HashMap::new();
    let mut has_root = false;
    for (index, node) in snapshot.nodes.iter().enumerate() {
        let parent_of = |parent: u32| -> Result<NodeId, SnapshotError> {
            match made.get(parent as usize) {
                Some(&(id, true)) if (parent as usize) < index => Ok(id),
                Some(_) if (parent as usize) < index => Err(SnapshotError::Kind { node: index }),
                _ => Err(SnapshotError::Parent {
                    node: index,
                    parent,
                }),
            }
        };
        let (id, can_parent) = match node {
            SnapshotNode::Element {
                parent,
                namespace,
                name,
                attributes,
                style,
            } => {
                if name.is_empty() {
                    return Err(SnapshotError::Name { node: index });
                }
                let parent = match parent {
                    Some(p) => parent_of(*p)?,
                    None if has_root => return Err(SnapshotError::Roots),
                    None => {
                        has_root = true;
                        document
                    }
                };
                let attrs = attributes
                    .iter()
                    .map(|[name, value]| Attribute {
                        name: QualName::new(None, ns!(), LocalName::from(name.as_str())),
                        value: value.as_str().into(),
                    })
                    .collect();
                let qual = QualName::new(None, namespace.url(), LocalName::from(name.as_str()));
                let element = Node::Element(Element::new(qual, attrs));
                let id = append(&mut html, parent, element);
                if let Some(style) = style {
                    let css: String = style
                        .iter()
                        .filter(|(name, _)| !name.starts_with("--"))
                        .map(|(name, value)| format!("{name}: {value};"))
                        .collect();
                    styles.insert(id, crate::style::parse_declarations(&css));
                }
                (id, true)
            }
            SnapshotNode::Text { parent, text } => {
                let parent = parent_of(*parent)?;
                let text = Node::Text(Text {
                    text: text.as_str().into(),
                });
                (append(&mut html, parent, text), false)
            }
            SnapshotNode::ShadowRoot { host } => {
                let host_id = parent_of(*host)?;
                let is_element = matches!(
                    snapshot.nodes.get(*host as usize),
                    Some(SnapshotNode::Element { .. })
                );
                if !is_element || shadow_roots.iter().any(|&(h, _)| h == host_id) {
                    return Err(SnapshotError::Kind { node: index });
                }
                let root = html.tree.orphan(Node::Fragment).id();
                shadow_roots.push((host_id, root));
                (root, true)
            }
        };
        made.push((id, can_parent));
    }
    Ok(Rendered {
        html,
        shadow_roots,
        styles,
    })
}

fn append(html: &mut Html, parent: NodeId, node: Node) -> NodeId {
    let mut parent = html
        .tree
        .get_mut(parent)
        .expect("parents are nodes made before");
    parent.append(node).id()
}
