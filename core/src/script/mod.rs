//! Page scripts, as far as a static engine can honestly run them.
//!
//! Many accessibility facts change when a page's scripts run: a script attaches a shadow root
//! and fills it, sets `tabindex`, or sends focus elsewhere when a sentinel is reached. This
//! stage sits between parsing and the document model. It reads each inline script with a
//! small interpreter for straight-line DOM code — declarations, functions, calls, member
//! assignments, string literals — over the parsed tree: `getElementById`, `querySelector`,
//! `attachShadow`, `innerHTML`, `textContent`, `appendChild`, `template.content`,
//! `setAttribute`, `classList`, a dialog's `showModal()` (which makes the rest of the page
//! inert), `addEventListener` (load handlers are run after the scripts;
//! focus handlers are probed for where they send focus, without changing anything).
//!
//! A script with anything else (a branch, a loop, an operator, an unknown method, a lookup
//! that finds nothing) stops where the interpreter stops understanding it. What it did
//! before stays, as it would in a browser where the rest then ran; but the page then counts as
//! not fully run, and rules keep answering cantTell where scripts
//! may change their verdict. Pages with external scripts are never fully run either.

mod eval;
mod lex;
mod parse;

use crate::html::tree::{Html, Node, NodeId};
use crate::html::ParsedPage;
use html5ever::ns;

/// The script does something outside the subset (or that the engine does not model).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unsupported;

/// What a page's scripts did.
#[derive(Debug, Default)]
pub struct ScriptEffects {
    /// Shadow host → shadow root: a fragment node of the same tree, outside the document.
    pub(crate) shadow_roots: Vec<(NodeId, NodeId)>,
    /// Every script of the page was read and run to its end (true for a page without any).
    pub(crate) fully_run: bool,
    /// Scripts added event listeners to elements (run only on user actions, if ever).
    pub(crate) listens: bool,
    /// The dialog a script opened with `showModal()`, if it is still open: everything
    /// outside it is inert.
    pub(crate) modal_dialog: Option<NodeId>,
    /// Elements with `focus` listeners, and the elements those listeners focus; only for
    /// listeners the interpreter could follow to their end without changing the page.
    pub(crate) focus_moves: Vec<(NodeId, Vec<NodeId>)>,
}

/// Stage 2, **page scripts**: runs a parsed page's inline scripts on its tree, as far as the
/// interpreter can follow them, and says what they did.
pub fn run(page: &mut ParsedPage) -> ScriptEffects {
    if page.scripts.is_empty() {
        return ScriptEffects {
            fully_run: true,
            ..Default::default()
        };
    }
    run_scripts(&mut page.tree, &page.scripts)
}

/// Runs the page's scripts (the `<script>` elements the parser created, in document order).
pub(crate) fn run_scripts(html: &mut Html, scripts: &[NodeId]) -> ScriptEffects {
    let mut fully_run = true;
    let mut classic = Vec::new();
    let mut modules = Vec::new();
    for &id in scripts {
        let Some(node) = html.tree.get(id) else {
            continue;
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name.ns != ns!(html) || node.ancestors().any(|a| a.value().is_fragment()) {
            continue; // SVG scripts, scripts inside templates (which never run)
        }
        let kind = element.attr("type").map(|t| t.trim().to_ascii_lowercase());
        let module = kind.as_deref() == Some("module");
        let javascript = module
            || match kind.as_deref() {
                None | Some("") => true,
                Some(t) => matches!(
                    t,
                    "text/javascript"
                        | "application/javascript"
                        | "text/ecmascript"
                        | "application/ecmascript"
                        | "text/jscript"
                        | "application/x-javascript"
                ),
            };
        if !javascript {
            continue; // data blocks: JSON-LD, templates
        }
        if element.attr("src").is_some() {
            fully_run = false;
            continue;
        }
        let text: String = node
            .children()
            .filter_map(|c| match c.value() {
                Node::Text(t) => Some(&*t.text),
                _ => None,
            })
            .collect();
        if module {
            modules.push((id, text));
        } else {
            classic.push((id, text));
        }
    }
    if classic.is_empty() && modules.is_empty() {
        return ScriptEffects {
            fully_run,
            ..Default::default()
        };
    }

    let mut dom = eval::Dom::new(html);
    let scope = dom.global_scope();
    let ran = |dom: &mut eval::Dom, text: &str| -> Result<(), Unsupported> {
        let program = parse::parse_program(&lex::tokenize(text)?)?;
        dom.run(&program, &scope)
    };
    for (id, text) in &classic {
        dom.parsed_up_to = Some(*id);
        fully_run &= ran(&mut dom, text).is_ok();
    }
    dom.parsed_up_to = None;
    for (_, text) in &modules {
        fully_run &= ran(&mut dom, text).is_ok();
    }
    for handler in std::mem::take(&mut dom.on_load) {
        fully_run &= dom.call(&handler, Vec::new()).is_ok();
    }

    // Where focus handlers send focus, run on the finished page without changing it.
    let mut focus_moves = Vec::new();
    let listeners = std::mem::take(&mut dom.listeners);
    let listens = !listeners.is_empty();
    for listener in listeners.iter().filter(|l| l.event == "focus") {
        dom.probe = Some(Vec::new());
        let event = dom.object(vec![
            ("target".to_string(), eval::Value::Node(listener.target)),
            ("type".to_string(), eval::Value::Str("focus".into())),
        ]);
        let outcome = dom.call(&listener.handler, vec![event]);
        let focused = dom.probe.take().unwrap_or_default();
        if outcome.is_ok() {
            focus_moves.push((listener.target, focused));
        }
    }
    ScriptEffects {
        shadow_roots: std::mem::take(&mut dom.shadow_roots),
        modal_dialog: dom.modal,
        fully_run,
        listens,
        focus_moves,
    }
}

#[cfg(test)]
mod tests;
