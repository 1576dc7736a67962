//! Role resolution: explicit roles from the `role` attribute (first valid token), implicit
//! roles from HTML-AAM, and the presentational-role conflict resolution of WAI-ARIA 1.2 §9.

use super::index::INDEXED_NAMES;
use super::{attr_bit, Document, El, Flags, NodeIndex, NO_ROLE};
use crate::model::aria;

/// `none` and its synonym `presentation`.
pub fn is_presentational_role(role: &str) -> bool {
    role == "none" || role == "presentation"
}

/// Resolves element `i`'s role; its ancestors' roles and its own focus must be known.
pub(super) fn compute_role(doc: &mut Document, i: usize, ids: &mut RoleIdCache) {
    let node = &doc.nodes[i];
    // Most elements are a `div`, `span`, `p`, `ul`… without a role attribute: their role is
    // their tag's, whatever else they carry.
    let fixed = if node.flags.has(Flags::HTML) && node.attr_bloom & attr_bit("role") == 0 {
        match fixed_implicit_roles().get(node.tag as usize) {
            Some(TagRole::Fixed(id)) => Some(*id),
            // A list's item, unless the list was made presentational.
            Some(TagRole::ListChild(id)) => node
                .parent
                .filter(|&p| !doc.nodes[p as usize].flags.has(Flags::EXPLICIT_ROLE))
                .map(|_| *id),
            Some(TagRole::Anchor { link, generic }) => {
                let el = El {
                    doc: &*doc,
                    index: i as NodeIndex,
                };
                Some(if el.attr("href").is_some() {
                    *link
                } else {
                    *generic
                })
            }
            Some(TagRole::NoRole) => Some(NO_ROLE),
            Some(TagRole::Other) | None => None,
        }
    } else {
        None
    };
    let (role, explicit, presentational_child) = {
        let el = El {
            doc: &*doc,
            index: i as NodeIndex,
        };
        let (role, explicit) = match fixed {
            Some(id) => (Err(id), false),
            None => {
                let (role, explicit) = resolve(&el);
                (Ok(role), explicit)
            }
        };
        let presentational_child = el.parent().is_some_and(|p| {
            let parent_role = p.data().role;
            p.flag(Flags::PRESENTATIONAL_CHILD)
                || (parent_role != NO_ROLE && aria::role_by_id(parent_role).children_presentational)
        });
        (role, explicit, presentational_child)
    };
    let node = &mut doc.nodes[i];
    node.role = match role {
        Err(id) => id,
        Ok(role) => role.map_or(NO_ROLE, |r| ids.get(r)),
    };
    node.flags.set(Flags::EXPLICIT_ROLE, explicit);
    node.flags
        .set(Flags::PRESENTATIONAL_CHILD, presentational_child);
}

/// How an HTML element without a `role` attribute gets its role, by tag.
enum TagRole {
    /// From its tag name alone (no attribute, ancestor or table context; never a
    /// presentational role).
    Fixed(aria::RoleId),
    /// `li`, `dt`, `dd`: their tag's role when their parent has no explicit role (which could
    /// make them presentational).
    ListChild(aria::RoleId),
    /// `a`: a link with `href`, generic without.
    Anchor {
        link: aria::RoleId,
        generic: aria::RoleId,
    },
    /// None, whatever the element carries or sits in (`script`, `meta`, `label`…).
    NoRole,
    /// Worked out in full.
    Other,
}

/// Tags whose implicit role (or loss of it inside a presentational list or table) depends on
/// more than the tag: [`implicit_role`] and [`inherits_presentation`] look further for these.
/// Every other tag without a fixed role has none.
const CONTEXT_ROLE_TAGS: &[&str] = &[
    "a", "area", "caption", "dd", "dt", "footer", "header", "img", "input", "li", "math",
    "section", "select", "svg", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// By tag slot ([`INDEXED_NAMES`]).
fn fixed_implicit_roles() -> &'static [TagRole] {
    static TABLE: std::sync::OnceLock<Vec<TagRole>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let id = |role: &str| aria::role_id(role).expect("an ARIA role");
        INDEXED_NAMES
            .iter()
            .map(|name| match *name {
                "li" => TagRole::ListChild(id("listitem")),
                "dt" => TagRole::ListChild(id("term")),
                "dd" => TagRole::ListChild(id("definition")),
                "a" => TagRole::Anchor {
                    link: id("link"),
                    generic: id("generic"),
                },
                name => match fixed_implicit_role(name) {
                    Some(role) => aria::role_id(role).map_or(TagRole::Other, TagRole::Fixed),
                    None if CONTEXT_ROLE_TAGS.contains(&name) => TagRole::Other,
                    None => TagRole::NoRole,
                },
            })
            .collect()
    })
}

/// As [`implicit_role`] gives them, for the tags it answers without looking further.
fn fixed_implicit_role(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "b" | "bdi" | "bdo" | "data" | "div" | "i" | "pre" | "q" | "samp" | "small" | "span"
        | "u" | "body" | "s" => "generic",
        "article" => "article",
        "aside" => "complementary",
        "blockquote" => "blockquote",
        "button" => "button",
        "code" => "code",
        "datalist" => "listbox",
        "del" => "deletion",
        "details" => "group",
        "dfn" => "term",
        "dialog" => "dialog",
        "em" => "emphasis",
        "fieldset" | "optgroup" | "hgroup" | "address" => "group",
        "figure" => "figure",
        "form" => "form",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "hr" => "separator",
        "html" => "document",
        "ins" => "insertion",
        "main" => "main",
        "mark" => "mark",
        "menu" | "ol" | "ul" => "list",
        "meter" => "meter",
        "nav" => "navigation",
        "option" => "option",
        "output" => "status",
        "p" => "paragraph",
        "progress" => "progressbar",
        "search" => "search",
        "strong" => "strong",
        "sub" => "subscript",
        "sup" => "superscript",
        "table" => "table",
        "textarea" => "textbox",
        "time" => "time",
        _ => return None,
    })
}

/// Role names resolve to the same few static strings (the implicit roles are literals here),
/// so a small cache keyed by the string's address saves most role-table lookups. A miss,
/// or two strings sharing a slot, only costs the lookup.
pub(super) struct RoleIdCache([Option<(usize, usize, aria::RoleId)>; 64]);

impl Default for RoleIdCache {
    fn default() -> Self {
        RoleIdCache([None; 64])
    }
}

impl RoleIdCache {
    fn get(&mut self, role: &'static str) -> aria::RoleId {
        let key = (role.as_ptr() as usize, role.len());
        let slot = (key.0 >> 3 ^ key.1) % self.0.len();
        match self.0[slot] {
            Some((ptr, len, id)) if (ptr, len) == key => id,
            _ => {
                let id = aria::role_id(role).unwrap_or(NO_ROLE);
                self.0[slot] = Some((key.0, key.1, id));
                id
            }
        }
    }
}

/// The first token of the `role` attribute that names a concrete ARIA role.
pub(super) fn explicit_role(el: &El) -> Option<&'static str> {
    let value = el.attr("role")?;
    value.split_ascii_whitespace().find_map(|token| {
        // Tokens are nearly always lower case already: only allocate for the rest.
        let role = if token.bytes().any(|b| b.is_ascii_uppercase()) {
            aria::role(&token.to_ascii_lowercase())
        } else {
            aria::role(token)
        };
        role.filter(|r| !r.is_abstract).map(|r| r.name)
    })
}

fn resolve(el: &El) -> (Option<&'static str>, bool) {
    if let Some(role) = explicit_role(el) {
        if !is_presentational_role(role) || !presentational_conflict(el) {
            return (Some(role), true);
        }
        // Conflict: focusable or globally ARIA-annotated elements keep their native role.
        return (implicit_role(el), false);
    }
    let implicit = implicit_role(el);
    if implicit.is_some_and(is_presentational_role) && presentational_conflict(el) {
        // e.g. <img alt="" aria-label="x">: the img role wins back.
        return (Some("img"), false);
    }
    if inherits_presentation(el) {
        return (Some("none"), false);
    }
    (implicit, false)
}

/// WAI-ARIA 1.2 §9.1: user agents ignore `none`/`presentation` on focusable elements and on
/// elements with a global ARIA state or property.
fn presentational_conflict(el: &El) -> bool {
    el.is_focusable()
        || el
            .attrs()
            .any(|(name, _)| name.starts_with("aria-") && aria::is_global_attribute(name))
}

/// Owned elements of a presentational list or table lose their implicit role too
/// (`<ul role="none"><li>`, `<table role="presentation"><tr><td>`).
fn inherits_presentation(el: &El) -> bool {
    if !el.is_html() || el.has_explicit_role() {
        return false;
    }
    let presentational_owner =
        |owner: Option<El>| owner.is_some_and(|o| o.has_explicit_role() && o.is_presentational());
    match el.name() {
        "li" => presentational_owner(el.parent()),
        "dt" | "dd" => presentational_owner(el.parent()),
        "tr" | "thead" | "tbody" | "tfoot" | "td" | "th" | "caption" => {
            let table = el.ancestors().find(|a| a.name() == "table");
            table.is_some_and(|t| t.has_explicit_role() && t.is_presentational())
                && el.ancestors().take_while(|a| a.name() != "table").all(|a| {
                    a.is_presentational() || matches!(a.name(), "tr" | "thead" | "tbody" | "tfoot")
                })
        }
        _ => false,
    }
}

/// Implicit ARIA role of an HTML (or SVG) element, per HTML-AAM / SVG-AAM.
pub(super) fn implicit_role(el: &El) -> Option<&'static str> {
    if el.is_svg() {
        return match el.name() {
            "svg" => Some("graphics-document"),
            "a" => Some("link"),
            "g" => None,
            _ => None,
        };
    }
    if !el.is_html() {
        return match el.name() {
            "math" => Some("math"),
            _ => None,
        };
    }
    // Roles that follow from the tag name alone (the model's per-tag table reads the same).
    if let Some(role) = fixed_implicit_role(el.name()) {
        return Some(role);
    }
    let has_name_attr = || {
        el.non_empty_attr("aria-label").is_some()
            || el.non_empty_attr("aria-labelledby").is_some()
            || el.non_empty_attr("title").is_some()
    };
    Some(match el.name() {
        "a" | "area" => {
            if el.attr("href").is_some() {
                "link"
            } else if el.name() == "a" {
                "generic"
            } else {
                return None;
            }
        }
        "caption" => "caption",
        "dd" => "definition",
        "dt" => "term",
        "footer" | "header" => {
            let scoped = el.ancestors().any(|a| {
                matches!(a.name(), "article" | "aside" | "main" | "nav" | "section")
                    || a.role().is_some_and(|r| {
                        matches!(
                            r,
                            "article" | "complementary" | "main" | "navigation" | "region"
                        )
                    })
            });
            match (scoped, el.name()) {
                (true, _) => "generic",
                (false, "footer") => "contentinfo",
                (false, _) => "banner",
            }
        }
        "img" => match el.attr("alt") {
            Some("") => "presentation",
            _ => "img",
        },
        "input" => match el.input_type() {
            "button" | "image" | "reset" | "submit" => "button",
            "checkbox" => "checkbox",
            "radio" => "radio",
            "range" => "slider",
            "number" => "spinbutton",
            "search" if el.attr("list").is_none() => "searchbox",
            "email" | "tel" | "text" | "url" | "search" => {
                if el.attr("list").is_some() {
                    "combobox"
                } else {
                    "textbox"
                }
            }
            // Browsers expose password fields as text boxes.
            "password" => "textbox",
            _ => return None,
        },
        "li" => "listitem",
        "math" => "math",
        "section" => {
            if has_name_attr() {
                "region"
            } else {
                "generic"
            }
        }
        "select" => {
            let size = el.attr("size").and_then(super::parse_integer).unwrap_or(0);
            if el.attr("multiple").is_some() || size > 1 {
                "listbox"
            } else {
                "combobox"
            }
        }
        "svg" => "graphics-document",
        "tbody" | "thead" | "tfoot" => "rowgroup",
        "td" => {
            let grid = el
                .ancestors()
                .find(|a| a.name() == "table")
                .and_then(|t| t.role())
                .is_some_and(|r| r == "grid" || r == "treegrid");
            if grid {
                "gridcell"
            } else {
                "cell"
            }
        }
        "th" => header_cell_role(el),
        "tr" => "row",
        _ => return None,
    })
}

fn header_cell_role(el: &El) -> &'static str {
    match el
        .attr("scope")
        .map(|s| s.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("col") | Some("colgroup") => return "columnheader",
        Some("row") | Some("rowgroup") => return "rowheader",
        _ => {}
    }
    let row = el.parent().filter(|p| p.name() == "tr");
    if row.is_some_and(|r| r.parent().is_some_and(|g| g.name() == "thead")) {
        return "columnheader";
    }
    // A row without data heads columns (an empty corner cell is not data); a header beside
    // data cells heads its row.
    let has_data = |cell: El| {
        cell.name() == "td" && (cell.children().next().is_some() || cell.has_text_content())
    };
    match row {
        Some(r) if r.children().any(has_data) => "rowheader",
        _ => "columnheader",
    }
}

#[cfg(test)]
mod tests {
    use super::{fixed_implicit_role, implicit_role, CONTEXT_ROLE_TAGS, INDEXED_NAMES};

    #[test]
    fn the_tag_only_roles_are_the_implicit_roles() {
        let mut checked = 0;
        for name in INDEXED_NAMES {
            let Some(fixed) = fixed_implicit_role(name) else {
                continue;
            };
            let html = match *name {
                "html" | "body" => String::new(),
                "option" | "optgroup" => format!("<select><{name}></{name}></select>"),
                _ => format!("<{name} class=x></{name}>"),
            };
            let doc = crate::parse_document(&html);
            let el = doc
                .elements()
                .find(|e| e.is_html() && e.name() == *name)
                .unwrap_or_else(|| panic!("<{name}> parsed"));
            // The general path, and the role the model gave through the table.
            assert_eq!(implicit_role(&el), Some(fixed), "<{name}>");
            assert_eq!(el.role(), Some(fixed), "<{name}>");
            checked += 1;
        }
        assert!(checked > 40, "{checked} tags checked");
        // A role attribute still wins over the tag's role.
        let doc =
            crate::parse_document(r#"<div role="button">x</div><ul role="none"><li>a</li></ul>"#);
        assert!(doc
            .elements()
            .any(|e| e.name() == "div" && e.role() == Some("button")));
        let li = doc.elements().find(|e| e.name() == "li").unwrap();
        assert_eq!(li.role(), Some("none"));
        // List children and anchors, the general path against the table's.
        let doc = crate::parse_document(
            r#"<ul><li>a</li></ul><dl><dt>t</dt><dd>d</dd></dl><dl role="presentation"><dt>t</dt></dl>
            <a href="/x">l</a><a>g</a><div><li>stray</li></div>"#,
        );
        for el in doc
            .elements()
            .filter(|e| matches!(e.name(), "li" | "dt" | "dd" | "a"))
        {
            let general = if super::inherits_presentation(&el) {
                Some("none")
            } else {
                implicit_role(&el)
            };
            assert_eq!(el.role(), general, "<{}>", el.name());
        }
        let presentational_dt = doc.elements().filter(|e| e.name() == "dt").nth(1).unwrap();
        assert_eq!(presentational_dt.role(), Some("none"));
    }

    #[test]
    fn the_tags_given_no_role_by_the_table_have_none_on_the_general_path() {
        let mut checked = 0;
        for name in INDEXED_NAMES {
            if fixed_implicit_role(name).is_some() || CONTEXT_ROLE_TAGS.contains(name) {
                continue;
            }
            // Attributes and contexts that give other tags a role or take it away.
            let attrs = r#"href="/x" alt="" title="t" aria-label="l" scope="col" type="button" tabindex="0""#;
            let html = format!(
                r#"<{name} {attrs}></{name}><table role="presentation"><tr><td><{name} {attrs}></{name}></td></tr></table>
                <ul role="none"><{name} {attrs}></{name}></ul><section aria-label="s"><{name}></{name}></section>"#
            );
            let doc = crate::parse_document(&html);
            let mut found = 0;
            for el in doc.elements().filter(|e| e.is_html() && e.name() == *name) {
                assert_eq!(implicit_role(&el), None, "<{name}>");
                assert!(!super::inherits_presentation(&el), "<{name}>");
                assert_eq!(el.role(), None, "<{name}>");
                found += 1;
            }
            // Head-only and raw-text elements may be moved or merged by the parser; what is
            // found is checked.
            checked += usize::from(found > 0);
        }
        assert!(checked > 20, "{checked} tags checked");
        // A role attribute still gives them one.
        let doc =
            crate::parse_document(r#"<label role="button">x</label><script role="none"></script>"#);
        let label = doc.elements().find(|e| e.name() == "label").unwrap();
        assert_eq!(label.role(), Some("button"));
    }
}
