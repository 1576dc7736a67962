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
//!
//! What rules may ask about scripts is in [`signals`]: which scripts the engine could not
//! follow, the listeners left behind, and whether scripts may change a given fact about an
//! element (the model's `Scripts::may_change`). The interpreter is the `page-scripts` cargo feature
//! (on by default); without it no script runs and every inline script counts as not followed.

#[cfg(feature = "page-scripts")]
mod eval;
#[cfg(feature = "page-scripts")]
mod lex;
#[cfg(feature = "page-scripts")]
mod parse;
pub mod signals;

use crate::html::tree::{Html, Node, NodeId};
use crate::html::ParsedPage;
use html5ever::ns;
pub(crate) use signals::Signals;
pub use signals::{Listener, Place, Reason, ScriptEffect, Unfollowed};

/// The script does something outside the subset (or that the engine does not model).
#[cfg(feature = "page-scripts")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unsupported;

/// What a page's scripts did.
#[derive(Debug, Default)]
pub struct ScriptEffects {
    /// Shadow host → shadow root: a fragment node of the same tree, outside the document.
    pub(crate) shadow_roots: Vec<(NodeId, NodeId)>,
    /// The dialog a script opened with `showModal()`, if it is still open: everything
    /// outside it is inert.
    pub(crate) modal_dialog: Option<NodeId>,
    /// Elements with `focus` listeners, and the elements those listeners focus; only for
    /// listeners the interpreter could follow to their end without changing the page.
    pub(crate) focus_moves: Vec<(NodeId, Vec<NodeId>)>,
    /// What rules may ask about the scripts (the model's `Scripts`).
    pub(crate) signals: Signals<NodeId>,
}

impl ScriptEffects {
    /// The effects of a page without scripts.
    pub fn none() -> ScriptEffects {
        ScriptEffects::default()
    }
}

/// Stage 2, **page scripts**: runs a parsed page's inline scripts on its tree, as far as the
/// interpreter can follow them, and says what they did.
pub fn run(page: &mut ParsedPage) -> ScriptEffects {
    if page.scripts.is_empty() {
        return ScriptEffects::none();
    }
    run_scripts(&mut page.tree, &page.scripts)
}

/// Runs the page's scripts (the `<script>` elements the parser created, in document order).
pub(crate) fn run_scripts(html: &mut Html, scripts: &[NodeId]) -> ScriptEffects {
    let mut signals = Signals::default();
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
            signals.external += 1;
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
    signals.inline = (classic.len() + modules.len()) as u32;
    if classic.is_empty() && modules.is_empty() {
        return ScriptEffects {
            signals,
            ..Default::default()
        };
    }
    #[cfg(feature = "page-scripts")]
    return interpret(html, &classic, &modules, signals);
    #[cfg(not(feature = "page-scripts"))]
    {
        let _ = html;
        signals.inline_unfollowed = signals.inline;
        signals.unfollowed_attach_shadow = classic
            .iter()
            .chain(&modules)
            .any(|(_, text)| signals::calls_attach_shadow(text));
        signals.unfollowed_focus_code = classic
            .iter()
            .chain(&modules)
            .any(|(_, text)| signals::handles_focus(text));
        ScriptEffects {
            signals,
            ..Default::default()
        }
    }
}

/// Runs the inline scripts, classic ones in order, then modules, then load handlers.
#[cfg(feature = "page-scripts")]
fn interpret(
    html: &mut Html,
    classic: &[(NodeId, String)],
    modules: &[(NodeId, String)],
    mut signals: Signals<NodeId>,
) -> ScriptEffects {
    let mut dom = eval::Dom::new(html);
    let scope = dom.global_scope();
    let ran = |dom: &mut eval::Dom, text: &str| -> Result<(), Unsupported> {
        let program = parse::parse_program(&lex::tokenize(text)?)?;
        dom.run(&program, &scope)
    };
    let stopped = |signals: &mut Signals<NodeId>, text: &str| {
        signals.inline_unfollowed += 1;
        signals.unfollowed_attach_shadow |= signals::calls_attach_shadow(text);
        signals.unfollowed_focus_code |= signals::handles_focus(text);
    };
    for (id, text) in classic {
        dom.parsed_up_to = Some(*id);
        if ran(&mut dom, text).is_err() {
            stopped(&mut signals, text);
        }
    }
    dom.parsed_up_to = None;
    for (_, text) in modules {
        if ran(&mut dom, text).is_err() {
            stopped(&mut signals, text);
        }
    }
    for handler in std::mem::take(&mut dom.on_load) {
        if dom.call(&handler, Vec::new()).is_err() {
            // Its code is part of a script read before: that script's sign stands.
            stopped(&mut signals, "");
        }
    }

    // Where focus handlers send focus, run on the finished page without changing it.
    let mut focus_moves = Vec::new();
    let listeners = std::mem::take(&mut dom.listeners);
    for listener in &listeners {
        let followed =
            listener.event == "focus" && probe_focus(&mut dom, listener, &mut focus_moves);
        signals
            .listeners
            .push((listener.target, listener.event.clone(), followed));
    }
    signals.page_listeners = std::mem::take(&mut dom.page_listeners);
    signals.attributes_set = std::mem::take(&mut dom.attributes_set);
    signals.created_elements = dom.created_elements;
    let shadow_roots = std::mem::take(&mut dom.shadow_roots);
    signals.shadow_hosts = shadow_roots.iter().map(|&(host, _)| host).collect();
    ScriptEffects {
        shadow_roots,
        modal_dialog: dom.modal,
        focus_moves,
        signals,
    }
}

/// Runs a focus listener on the finished page without letting it change anything, and
/// records where it sends focus; false when the interpreter could not follow it.
#[cfg(feature = "page-scripts")]
fn probe_focus(
    dom: &mut eval::Dom,
    listener: &eval::Listener,
    focus_moves: &mut Vec<(NodeId, Vec<NodeId>)>,
) -> bool {
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
    outcome.is_ok()
}

#[cfg(all(test, feature = "page-scripts"))]
mod tests;
