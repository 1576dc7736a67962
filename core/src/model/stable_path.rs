//! A path to an element that survives the edits a page goes through between two audits
//! when they do not touch the element: the input of a finding's fingerprint, so that a
//! baseline recognises the finding in the next report. Not a CSS selector (reports show
//! `unique_selector` for that); never shown to people.
//!
//! The path runs from the nearest ancestor with a stable unique `id` (or from the root)
//! down to the element. Each ancestor is a tag name, with its place among the siblings
//! of the same tag only when it has any (`div[3]`): siblings of other tags do not count,
//! so inserting a paragraph before a list leaves the list's path alone. The last step is
//! the element's identity: its tag and, when present, `id` (a stable one), `name`,
//! `type`, `role`, `for`, `href` and `src` (query string dropped: cache busters change on
//! every deploy), then its place among the siblings that share that identity, only when
//! they do. Classes, styles, text and other attributes are left out: a restyle or a
//! reworded page keeps every path.
//!
//! Ids that look generated are not used (they change between builds or requests):
//! framework ids (`ember123`, `react-…`, `mui-…`, `:r1:`, `j_idt12`, `ui-id-4`…),
//! any id with a colon, a run of four or more digits, a hex hash segment, or a Drupal
//! `--2` duplicate suffix.

use std::collections::HashMap;

use super::{El, NodeIndex};

/// Builds stable paths for the elements of one page, remembering the sibling positions
/// it has counted (each parent's children are counted once however many findings share
/// the parent).
#[derive(Default)]
pub struct StablePaths {
    positions: HashMap<NodeIndex, Position>,
}

/// An element's place among its siblings: by tag, and by identity.
#[derive(Clone, Copy)]
struct Position {
    of_tag: u32,
    tag_count: u32,
    of_identity: u32,
    identity_count: u32,
}

impl StablePaths {
    /// A path builder for one page.
    pub fn new() -> Self {
        Self::default()
    }

    /// The element's stable path (see the module's documentation).
    ///
    /// ```
    /// use frontdesk_core::model::StablePaths;
    /// let doc = frontdesk_core::parse_document(
    ///     r#"<main><p>Intro</p><img class="x" src="bin.png?v=3"><div><img src="a.png"></div></main>"#,
    /// );
    /// let img = doc.elements().find(|e| e.name() == "img").unwrap();
    /// assert_eq!(StablePaths::new().path(img), r#"html > body > main > img[src="bin.png"]"#);
    /// ```
    pub fn path(&mut self, el: El<'_>) -> String {
        let mut steps = vec![self.identity_step(el)];
        for ancestor in el.ancestors() {
            if let Some(id) = stable_id(&ancestor) {
                steps.push(format!("#{id}"));
                break;
            }
            let position = self.position(ancestor);
            steps.push(if position.tag_count > 1 {
                format!("{}[{}]", ancestor.name(), position.of_tag)
            } else {
                ancestor.name().to_string()
            });
        }
        steps.reverse();
        steps.join(" > ")
    }

    fn identity_step(&mut self, el: El<'_>) -> String {
        let mut step = identity(&el);
        let position = self.position(el);
        if position.identity_count > 1 {
            step.push_str(&format!(":{}", position.of_identity));
        }
        step
    }

    fn position(&mut self, el: El<'_>) -> Position {
        if let Some(position) = self.positions.get(&el.index()) {
            return *position;
        }
        let Some(parent) = el.parent() else {
            return Position {
                of_tag: 1,
                tag_count: 1,
                of_identity: 1,
                identity_count: 1,
            };
        };
        // One pass over the parent's children numbers them all, by tag and by identity.
        let children: Vec<(NodeIndex, &str, String)> = parent
            .children()
            .map(|c| (c.index(), c.name(), identity(&c)))
            .collect();
        let mut tags: HashMap<&str, u32> = HashMap::new();
        let mut identities: HashMap<&str, u32> = HashMap::new();
        let mut numbered = Vec::with_capacity(children.len());
        for (index, tag, identity) in &children {
            let of_tag = tags.entry(tag).or_default();
            *of_tag += 1;
            let of_identity = identities.entry(identity.as_str()).or_default();
            *of_identity += 1;
            numbered.push((*index, *of_tag, *of_identity));
        }
        for ((index, of_tag, of_identity), (_, tag, identity)) in
            numbered.into_iter().zip(&children)
        {
            self.positions.insert(
                index,
                Position {
                    of_tag,
                    tag_count: tags[tag],
                    of_identity,
                    identity_count: identities[identity.as_str()],
                },
            );
        }
        self.positions[&el.index()]
    }
}

/// The attributes that say which element this is, in this order.
const IDENTITY: [&str; 7] = ["id", "name", "type", "role", "for", "href", "src"];

/// `img[src="bin.png"]`: the tag and the identity attributes present, values with
/// whitespace collapsed.
fn identity(el: &El<'_>) -> String {
    let mut out = el.name().to_string();
    for attribute in IDENTITY {
        let value = match attribute {
            "id" => stable_id(el),
            "name" | "for" => el.attr(attribute).filter(|v| !looks_generated(v)),
            "src" => el.attr(attribute).map(|v| v.split('?').next().unwrap_or(v)),
            _ => el.attr(attribute),
        };
        let Some(value) = value else { continue };
        let value = value.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            continue;
        }
        out.push_str(&format!("[{attribute}=\"{}\"]", value.replace('"', "\\\"")));
    }
    out
}

/// The element's `id` when it is unique in the page and does not look generated.
fn stable_id<'d>(el: &El<'d>) -> Option<&'d str> {
    el.attr("id")
        .filter(|id| el.has_unique_id() && !looks_generated(id))
}

/// Framework prefixes of generated ids (followed by something with a number in it).
const GENERATED_PREFIXES: [&str; 12] = [
    "ember",
    "react-",
    "mui-",
    "radix-",
    "headlessui-",
    "yui_",
    "ext-gen",
    "j_id",
    "ui-id-",
    "select2-",
    "vue-",
    "ng-",
];

/// Whether an id (or `name`, `for`) looks made by a framework or a build rather than
/// written by someone: it would change between two audits of the same page.
pub fn looks_generated(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    if lower.contains(':') {
        // React's useId (`:r1:`), JSF (`form:j_idt12`).
        return true;
    }
    let framework = GENERATED_PREFIXES.iter().any(|prefix| {
        lower
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.bytes().any(|b| b.is_ascii_digit()))
    });
    if framework {
        return true;
    }
    // Drupal's Html::getUniqueId adds `--2`, `--3`… to repeated ids.
    if let Some((_, tail)) = lower.rsplit_once("--") {
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
    }
    let mut digits = 0;
    for b in lower.bytes() {
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        if digits >= 4 {
            return true;
        }
    }
    // A hash: a segment of six or more hex digits mixing letters and digits (`a3f9c2`,
    // UUIDs).
    lower.split(['-', '_', '.']).any(|segment| {
        segment.len() >= 6
            && segment.bytes().all(|b| b.is_ascii_hexdigit())
            && segment.bytes().any(|b| b.is_ascii_digit())
            && segment.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    fn path_of(html: &str, pick: impl Fn(&El) -> bool) -> String {
        let doc = parse_document(html);
        let el = doc.elements().find(|e| pick(e)).expect("the element");
        StablePaths::new().path(el)
    }

    fn img(html: &str) -> String {
        path_of(html, |e| e.name() == "img" && e.attr("alt").is_none())
    }

    #[test]
    fn generated_ids_are_recognised() {
        for generated in [
            ":r1:",
            "ember1234",
            "ember12",
            "react-select-3-input",
            "mui-42",
            "j_idt12",
            "form:email",
            "ui-id-4",
            "edit-submit--2",
            "block-7f3a9c",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "post-20231",
        ] {
            assert!(looks_generated(generated), "{generated}");
        }
        for written in [
            "main-content",
            "search",
            "postcode",
            "bin-day",
            "section-2",
            "embers",
            "cafe",
            "facade",
            "ng",
        ] {
            assert!(!looks_generated(written), "{written}");
        }
    }

    #[test]
    fn unrelated_edits_keep_the_path() {
        let before = img(r#"<main><h2>Bins</h2><p>Weekly.</p><img src="bin.png"></main>"#);
        assert_eq!(before, r#"html > body > main > img[src="bin.png"]"#);
        // A paragraph inserted earlier, a class and a style added, text changed, a
        // cache-busting query string: the same path.
        assert_eq!(
            img(
                r#"<main><h2>Bins</h2><p>New!</p><p>Weekly now.</p><img class="wide" style="x" src="bin.png?v=2"></main>"#
            ),
            before
        );
        // An earlier sibling of the same tag with another identity does not count either.
        assert_eq!(
            img(r#"<main><h2>Bins</h2><img src="logo.png" alt="Logo"><img src="bin.png"></main>"#),
            before
        );
    }

    #[test]
    fn identical_siblings_are_numbered_and_ancestors_only_when_needed() {
        assert_eq!(
            path_of(
                r#"<main><div></div><div><img src="a.png" alt=""><img src="a.png"></div></main>"#,
                |e| e.name() == "img" && e.attr("alt").is_none()
            ),
            r#"html > body > main > div[2] > img[src="a.png"]:2"#
        );
    }

    #[test]
    fn a_stable_id_anchors_the_path_and_a_generated_one_does_not() {
        assert_eq!(
            img(r#"<div><div id="content"><div><img src="a.png"></div></div></div>"#),
            r#"#content > div > img[src="a.png"]"#
        );
        assert_eq!(
            img(r#"<div><div id="ember123"><div><img src="a.png"></div></div></div>"#),
            r#"html > body > div > div > div > img[src="a.png"]"#
        );
        // A duplicated id is no anchor.
        assert_eq!(
            img(r#"<div id="x"></div><div id="x"><img src="a.png"></div>"#),
            r#"html > body > div[2] > img[src="a.png"]"#
        );
    }

    #[test]
    fn identity_changes_and_moves_change_the_path() {
        let before = img(r#"<main><img src="bin.png"></main>"#);
        assert_ne!(img(r#"<main><img src="box.png"></main>"#), before);
        assert_ne!(img(r#"<main><img id="bin" src="bin.png"></main>"#), before);
        assert_ne!(img(r#"<nav><img src="bin.png"></nav>"#), before);
    }
}
