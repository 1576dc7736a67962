//! How findings point at elements: a CSS selector that matches exactly one element, and a
//! short HTML snippet of its start tag.

use super::El;

/// Builds a selector from the nearest ancestor-or-self with a unique, CSS-safe `id`, down
/// through `:nth-child` steps. It always matches exactly the element.
pub(super) fn unique_selector(el: &El) -> String {
    let mut steps: Vec<String> = Vec::new();
    let mut current = Some(*el);
    while let Some(e) = current {
        if let Some(id) = e
            .attr("id")
            .filter(|id| is_css_ident(id) && e.has_unique_id())
        {
            steps.push(format!("#{id}"));
            break;
        }
        let name = css_name(&e);
        match e.parent() {
            None => {
                steps.push(name);
                break;
            }
            Some(_) => {
                // O(1) per step: positions are computed once when the model is built.
                let (position, siblings) = e.sibling_position();
                if siblings > 1 {
                    steps.push(format!("{name}:nth-child({position})"));
                } else {
                    steps.push(name);
                }
            }
        }
        current = e.parent();
    }
    steps.reverse();
    steps.join(" > ")
}

fn css_name(el: &El) -> String {
    if is_css_ident(el.name()) {
        el.name().to_string()
    } else {
        "*".to_string()
    }
}

fn is_css_ident(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

const SNIPPET_LIMIT: usize = 200;

/// The element's start tag with its attributes (long values shortened), then `…` if it has
/// content, for people to recognise it in a report.
pub(super) fn snippet(el: &El) -> String {
    let mut out = format!("<{}", el.name());
    for (name, value) in el.attrs() {
        let value: String = if value.chars().count() > 60 {
            value.chars().take(57).collect::<String>() + "..."
        } else {
            value.to_string()
        };
        out.push(' ');
        out.push_str(name);
        if !value.is_empty() {
            out.push_str("=\"");
            out.push_str(&value.replace('"', "&quot;"));
            out.push('"');
        }
        if out.chars().count() > SNIPPET_LIMIT {
            out = out.chars().take(SNIPPET_LIMIT).collect::<String>() + " ...";
            break;
        }
    }
    out.push('>');
    out
}
