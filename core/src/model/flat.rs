//! The flat tree: what is rendered and exposed once shadow roots are attached. A shadow host's
//! children are its shadow root's; a `<slot>` stands for the host's children assigned to it
//! (by their `slot` attribute, or the unnamed slot for the rest), or, with none assigned, for
//! its own fallback content. Host children no slot takes are not rendered.
//!
//! Each node also gets its *tree scope*: 0 for the document, `k` for the `k`-th shadow root.
//! Ids, `<label for>` and ARIA references resolve within one scope, and the document's style
//! sheets do not reach into shadow trees.

use std::collections::HashMap;

use crate::html::tree::{Edge, Node, NodeId, NodeRef, Tree};

/// The tree scope of nodes outside every shadow tree.
pub const DOCUMENT_SCOPE: u16 = 0;

/// The flat tree's edges in order, each with its node's scope; `shadow_roots` pairs hosts with
/// their roots (fragment nodes of the same tree, outside the document).
pub fn edges<'a>(tree: &'a Tree, shadow_roots: &[(NodeId, NodeId)]) -> Vec<(Edge<'a>, u16)> {
    let hosts: HashMap<NodeId, (NodeId, u16)> = shadow_roots
        .iter()
        .enumerate()
        .take(u16::MAX as usize - 1)
        .map(|(k, &(host, root))| (host, (root, k as u16 + 1)))
        .collect();
    let slots = assign_slots(tree, shadow_roots);
    // A host's scope is known once it is reached; its slots' assigned nodes take it.
    let mut host_scope: HashMap<NodeId, u16> = HashMap::new();

    enum Step<'a> {
        Enter(NodeRef<'a>, u16),
        Exit(NodeRef<'a>),
    }
    let mut out = Vec::new();
    let mut stack: Vec<Step> = tree
        .root()
        .children()
        .rev()
        .map(|c| Step::Enter(c, DOCUMENT_SCOPE))
        .collect();
    while let Some(step) = stack.pop() {
        let (node, scope) = match step {
            Step::Exit(node) => {
                out.push((Edge::Close(node), 0));
                continue;
            }
            Step::Enter(node, scope) => (node, scope),
        };
        out.push((Edge::Open(node), scope));
        stack.push(Step::Exit(node));
        let id = node.id();
        let children: Vec<(NodeRef, u16)> = if let Some(&(root, inner)) = hosts.get(&id) {
            host_scope.insert(id, scope);
            tree.get(root)
                .into_iter()
                .flat_map(|r| r.children())
                .map(|c| (c, inner))
                .collect()
        } else if let Some((host, assigned)) = slots.get(&id) {
            let outer = host_scope.get(host).copied().unwrap_or(DOCUMENT_SCOPE);
            assigned
                .iter()
                .filter_map(|&a| tree.get(a))
                .map(|c| (c, outer))
                .collect()
        } else {
            node.children().map(|c| (c, scope)).collect()
        };
        stack.extend(children.into_iter().rev().map(|(c, s)| Step::Enter(c, s)));
    }
    out
}

/// For each slot that gets any of its host's children: (host, the children assigned to it).
fn assign_slots(
    tree: &Tree,
    shadow_roots: &[(NodeId, NodeId)],
) -> HashMap<NodeId, (NodeId, Vec<NodeId>)> {
    let mut out = HashMap::new();
    for &(host, root) in shadow_roots {
        let (Some(host_node), Some(root_node)) = (tree.get(host), tree.get(root)) else {
            continue;
        };
        // The slots of this shadow tree, first of each name wins (template contents are not
        // part of it).
        let mut slots: Vec<(String, NodeId)> = Vec::new();
        let mut pending: Vec<NodeRef> = root_node.children().rev().collect();
        while let Some(n) = pending.pop() {
            if let Node::Element(e) = n.value() {
                if e.name.local == html5ever::local_name!("slot") {
                    let name = e.attr("name").unwrap_or("").to_string();
                    if !slots.iter().any(|(s, _)| *s == name) {
                        slots.push((name, n.id()));
                    }
                }
                pending.extend(n.children().rev());
            }
        }
        for child in host_node.children() {
            let wanted = match child.value() {
                Node::Element(e) => e.attr("slot").unwrap_or(""),
                Node::Text(_) => "",
                _ => continue,
            };
            if let Some(&(_, slot)) = slots.iter().find(|(name, _)| name == wanted) {
                out.entry(slot)
                    .or_insert_with(|| (host, Vec::new()))
                    .1
                    .push(child.id());
            }
        }
    }
    out
}
