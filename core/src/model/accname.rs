//! Accessible name and description computation, after W3C "Accessible Name and Description
//! Computation 1.2" with the HTML-AAM native text alternatives. Step numbers refer to §4.3.2.

use super::{collapse_whitespace, collapse_whitespace_owned, Child, El, NodeIndex};
use crate::model::aria::NameFrom;
use crate::style::Display;

#[derive(Clone, Copy)]
struct State {
    /// The element whose name is being computed.
    root: NodeIndex,
    /// Inside an `aria-labelledby`/`aria-describedby` traversal (2B is not followed again).
    in_labelledby: bool,
    /// Inside a traversal that takes text from content: name from content, a `<label>`, or a
    /// referenced element.
    in_content: bool,
    /// The node referenced by `aria-labelledby` was itself hidden: hidden content counts (2A).
    hidden_ok: bool,
    depth: u16,
}

/// Bytes first set aside for a name from content: most links' and buttons' names fit.
const NAME_CAPACITY: usize = 64;

/// Recursion is bounded by the document model's depth; this is a second guard.
const MAX_RECURSION: u16 = 1024;

pub(super) fn name(el: &El) -> String {
    let state = State {
        root: el.index,
        in_labelledby: false,
        in_content: false,
        hidden_ok: false,
        depth: 0,
    };
    LABELLED.with(|l| l.borrow_mut().clear());
    collapse_whitespace_owned(compute(el, state))
}

thread_local! {
    /// Controls whose `<label>`s this name computation has already followed. Labels can
    /// hold controls labelled by other labels holding the first control again; following
    /// each control's labels once keeps the computation linear (a fuzzed page of five
    /// such labels took minutes).
    static LABELLED: std::cell::RefCell<std::collections::HashSet<NodeIndex>> =
        std::cell::RefCell::default();
}

pub(super) fn description(el: &El) -> String {
    LABELLED.with(|l| l.borrow_mut().clear());
    let described = el.referenced("aria-describedby");
    if !described.is_empty() {
        let state = State {
            root: el.index,
            in_labelledby: true,
            in_content: true,
            hidden_ok: false,
            depth: 0,
        };
        let text: Vec<String> = described
            .iter()
            .map(|r| {
                compute(
                    r,
                    State {
                        hidden_ok: r.is_hidden(),
                        ..state
                    },
                )
            })
            .collect();
        let text = collapse_whitespace(&text.join(" "));
        if !text.is_empty() {
            return text;
        }
    }
    if let Some(d) = el.non_empty_attr("aria-description") {
        return collapse_whitespace(d);
    }
    match el.non_empty_attr("title") {
        Some(t) if collapse_whitespace(t) != el.accessible_name() => collapse_whitespace(t),
        _ => String::new(),
    }
}

fn compute(el: &El, state: State) -> String {
    let mut out = String::new();
    compute_into(el, state, &mut out);
    out
}

/// Appends the element's text alternative to `out`: one buffer for a whole name from
/// content, rather than a string per descendant copied into its parent's.
fn compute_into(el: &El, state: State, out: &mut String) {
    if state.depth > MAX_RECURSION {
        return;
    }
    let is_root = el.index == state.root;
    let first_call = state.depth == 0;
    // 2A: hidden content is skipped, unless a hidden node was referenced on purpose.
    if !state.hidden_ok && el.is_hidden() && state.depth > 0 {
        return;
    }
    // A control met again inside its own label contributes nothing (a deliberate
    // self-reference in aria-labelledby does).
    if is_root && state.depth > 0 && !state.in_labelledby {
        return;
    }
    let next = State {
        depth: state.depth + 1,
        ..state
    };
    let start = out.len();
    // Keeps what a step appended if it holds more than whitespace; otherwise takes it back
    // so that the next step is tried.
    let kept = |out: &mut String| {
        if out[start..].trim().is_empty() {
            out.truncate(start);
            false
        } else {
            true
        }
    };

    // 2B: aria-labelledby.
    if !state.in_labelledby {
        let refs = el.referenced("aria-labelledby");
        for (k, r) in refs.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let referenced = State {
                in_labelledby: true,
                in_content: true,
                hidden_ok: state.hidden_ok || r.is_hidden(),
                ..next
            };
            compute_into(r, referenced, out);
        }
        if kept(out) {
            return;
        }
    }

    // 2C: a control embedded in a label or in content gives its value.
    if !first_call && state.in_content {
        if let Some(value) = embedded_control_value(el) {
            out.push_str(&value);
            return;
        }
    }

    // 2D: aria-label.
    if let Some(label) = el.non_empty_attr("aria-label") {
        out.push_str(label);
        return;
    }

    // 2E: native text alternatives (not for explicitly presentational elements).
    let presentational = el.has_explicit_role() && el.is_presentational();
    if !presentational {
        if let Some(native) = native_text_alternative(el, next) {
            out.push_str(&native);
            return;
        }
    }

    // 2F: name from content.
    let role_allows = el
        .role_info()
        .is_some_and(|r| r.name_from == NameFrom::Contents);
    if role_allows || state.in_content {
        let content = State {
            in_content: true,
            ..next
        };
        from_content_into(el, content, out);
        if kept(out) {
            return;
        }
    }

    // 2I: tooltip.
    if let Some(title) = el.non_empty_attr("title") {
        out.push_str(title);
        return;
    }
    if el.is_svg() {
        if let Some(t) = svg_title(el) {
            out.push_str(&t);
        }
    }
}

fn from_content(el: &El, state: State) -> String {
    let mut out = String::new();
    from_content_into(el, state, &mut out);
    out
}

fn from_content_into(el: &El, state: State, out: &mut String) {
    for child in el.child_nodes() {
        match child {
            Child::Text(t) => {
                if out.capacity() == 0 {
                    // One allocation for most names, instead of doubling up from 8 bytes.
                    out.reserve(t.len().max(NAME_CAPACITY));
                }
                out.push_str(t)
            }
            Child::Element(c) => {
                if c.is_svg() && matches!(c.name(), "title" | "desc") {
                    continue;
                }
                if c.is_html() && c.name() == "br" {
                    out.push(' ');
                    continue;
                }
                let block =
                    c.style().display != Display::Inline && c.style().display != Display::Contents;
                if block {
                    out.push(' ');
                }
                compute_into(&c, state, out);
                if block {
                    out.push(' ');
                }
            }
        }
    }
}

fn embedded_control_value(el: &El) -> Option<String> {
    let role = el.role()?;
    match role {
        "textbox" | "searchbox" => Some(match el.name() {
            "input" => el.attr("value").unwrap_or("").to_string(),
            _ => el.text_content(),
        }),
        "combobox" | "listbox" => {
            if el.name() == "input" {
                return Some(el.attr("value").unwrap_or("").to_string());
            }
            let options: Vec<El> = el
                .descendants()
                .filter(|d| d.role() == Some("option"))
                .collect();
            let selected = options
                .iter()
                .find(|o| o.attr("selected").is_some() || o.attr("aria-selected") == Some("true"))
                .or(if el.name() == "select" {
                    options.first()
                } else {
                    None
                });
            Some(selected.map(|o| o.text_content()).unwrap_or_default())
        }
        "slider" | "spinbutton" | "progressbar" | "meter" | "scrollbar" => Some(
            el.non_empty_attr("aria-valuetext")
                .or_else(|| el.non_empty_attr("aria-valuenow"))
                .or_else(|| el.non_empty_attr("value"))
                .unwrap_or("")
                .to_string(),
        ),
        _ => None,
    }
}

/// HTML-AAM's element-specific text alternatives (after aria-labelledby and aria-label).
fn native_text_alternative(el: &El, state: State) -> Option<String> {
    if el.is_svg() {
        return svg_title(el);
    }
    if !el.is_html() {
        return None;
    }
    let content_state = State {
        in_content: true,
        ..state
    };
    let child_text = |name: &str| -> Option<String> {
        el.children()
            .find(|c| c.name() == name)
            .map(|c| from_content(&c, content_state))
            .filter(|t| !t.trim().is_empty())
    };
    let from_labels = || -> Option<String> {
        if !LABELLED.with(|l| l.borrow_mut().insert(el.index)) {
            return None;
        }
        let parts: Vec<String> = el.labels().map(|l| compute(&l, content_state)).collect();
        let joined = parts.join(" ");
        (!joined.trim().is_empty()).then_some(joined)
    };
    match el.name() {
        "img" | "area" => el
            .attr("alt")
            .filter(|a| !a.trim().is_empty())
            .map(str::to_string),
        "input" => {
            let t = el.input_type();
            match t {
                "button" | "submit" | "reset" => from_labels()
                    .or_else(|| {
                        el.attr("value")
                            .filter(|v| !v.trim().is_empty())
                            .map(str::to_string)
                    })
                    .or_else(|| match t {
                        "submit" => Some("Submit".to_string()),
                        "reset" => Some("Reset".to_string()),
                        _ => None,
                    }),
                "image" => from_labels()
                    .or_else(|| el.non_empty_attr("alt").map(str::to_string))
                    .or_else(|| el.non_empty_attr("value").map(str::to_string)),
                _ => from_labels()
                    .or_else(|| el.non_empty_attr("title").map(str::to_string))
                    .or_else(|| {
                        // HTML applies `placeholder` to text-like types only; browsers do not
                        // show it (nor name from it) on date, colour or file inputs.
                        matches!(
                            t,
                            "text" | "search" | "url" | "tel" | "email" | "password" | "number"
                        )
                        .then(|| el.non_empty_attr("placeholder").map(str::to_string))
                        .flatten()
                    })
                    .or_else(|| el.non_empty_attr("aria-placeholder").map(str::to_string)),
            }
        }
        "textarea" => from_labels()
            .or_else(|| el.non_empty_attr("title").map(str::to_string))
            .or_else(|| el.non_empty_attr("placeholder").map(str::to_string))
            .or_else(|| el.non_empty_attr("aria-placeholder").map(str::to_string)),
        "select" | "meter" | "progress" | "output" => from_labels(),
        "button" => from_labels(),
        "fieldset" => child_text("legend"),
        "table" => child_text("caption"),
        "figure" => child_text("figcaption"),
        "optgroup" => el.non_empty_attr("label").map(str::to_string),
        "option" => el.non_empty_attr("label").map(str::to_string),
        // HTML-AAM: a summary without a role is named by its content, then `title`.
        "summary" => Some(from_content(el, content_state)).filter(|t| !t.trim().is_empty()),
        _ => None,
    }
}

fn svg_title(el: &El) -> Option<String> {
    el.children()
        .find(|c| c.is_svg() && c.name() == "title")
        .map(|t| t.text_content())
        .filter(|t| !t.trim().is_empty())
}
