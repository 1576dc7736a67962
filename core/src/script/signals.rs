//! What the script stage learnt that a rule's verdict can depend on, as typed signals: which
//! scripts it could not follow, which listeners scripts and `on…` attributes left on the page,
//! and what the scripts it followed changed.
//!
//! A rule asks `Scripts::may_change` (in the model) whether scripts may change the fact its verdict rests
//! on for one element, and gets the reason to put in its cantTell message. What the engine
//! followed is already in the model; only what it could not follow, or what runs later on a
//! user's action, is a reason.

use std::fmt;

/// A fact about an element that page scripts can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptEffect {
    /// What happens when the element gets focus: a script moves focus elsewhere (a focus
    /// sentinel, a focus trap on Tab) or draws a focus indicator. Besides scripts the engine
    /// could not follow, listeners for focus and key events on the element, an ancestor or
    /// the page (run later, when the user acts) and `onfocus`-style attributes count, and
    /// inline scripts the engine could not follow whose code handles focus. External scripts
    /// alone do not: a page is not presumed to move focus or draw an indicator without a sign
    /// of it (on council pages external scripts are everywhere, and would hide every failure).
    Focus,
    /// Its attributes, as the page loads.
    Attributes,
    /// Elements that exist on the page, as it loads (a script may create the element an
    /// ID reference names).
    Elements,
    /// A shadow root attached to it, as the page loads, with content not in the source.
    ShadowRoot,
}

/// Scripts of the page the engine did not follow to their end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unfollowed {
    /// Inline scripts (or their load handlers) the interpreter stopped in.
    pub inline: u32,
    /// External scripts (`<script src>`), which the engine never runs.
    pub external: u32,
    /// The engine was built without the `page-scripts` feature: no inline script was run.
    pub not_run: bool,
}

impl fmt::Display for Unfollowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inline = if self.not_run {
            Some("inline scripts (this build of the engine runs none)")
        } else {
            match self.inline {
                0 => None,
                1 => Some("an inline script the engine could not follow to its end"),
                _ => Some("inline scripts the engine could not follow to their end"),
            }
        };
        let external = match self.external {
            0 => None,
            1 => Some("an external script (<script src>) the engine does not run"),
            _ => Some("external scripts (<script src>) the engine does not run"),
        };
        match (inline, external) {
            (Some(i), Some(e)) => write!(f, "{i} and {e}"),
            (Some(one), None) | (None, Some(one)) => f.write_str(one),
            (None, None) => f.write_str("no script"),
        }
    }
}

/// Where a listener sits relative to the element asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On the element asked about.
    Element,
    /// On one of its ancestors.
    Ancestor,
    /// The window or the document.
    Page,
}

/// Why scripts may change a fact (`Scripts::may_change` (in the model)); its `Display` is a noun phrase
/// for a cantTell message ("… {reason} may …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Scripts the engine could not follow: they may do anything.
    Unfollowed(Unfollowed),
    /// A listener a script added, which the engine does not run.
    Listener {
        /// The event type.
        event: String,
        /// Where the listener is.
        place: Place,
    },
    /// An event-handler attribute (`onfocus=…`), which the engine never runs.
    HandlerAttribute {
        /// The attribute's name (`onfocus`).
        name: String,
        /// Where the attribute is.
        place: Place,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = |p: &Place| match p {
            Place::Element => "on this element",
            Place::Ancestor => "on an ancestor",
            Place::Page => "on the page",
        };
        match self {
            Reason::Unfollowed(u) => u.fmt(f),
            Reason::Listener { event, place: p } => {
                write!(f, "a script's {event} listener {}", place(p))
            }
            Reason::HandlerAttribute { name, place: p } => {
                write!(f, "the {name} attribute {}", place(p))
            }
        }
    }
}

/// A listener on an element: added by a script, or an event-handler attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listener<'d> {
    /// The event type (`focus`, `click`, …).
    pub event: &'d str,
    /// From an `on…` attribute rather than `addEventListener`.
    pub attribute: bool,
    /// The engine ran it and knows what it does (a `focus` listener probed to its end).
    pub followed: bool,
}

/// Events whose listeners can move focus away from, or draw an indicator on, a focused
/// element: focus changes, and the keys (Tab) that move focus.
pub(crate) const FOCUS_EVENTS: [&str; 7] = [
    "focus", "focusin", "blur", "focusout", "keydown", "keyup", "keypress",
];

/// The script stage's record, by node `N` (the parsed tree's while scripts run, the model's
/// after).
#[derive(Debug, Clone)]
pub(crate) struct Signals<N> {
    /// Inline JavaScript scripts (classic and module), outside templates.
    pub inline: u32,
    /// Inline scripts (and load handlers) not run to their end.
    pub inline_unfollowed: u32,
    /// External scripts.
    pub external: u32,
    /// The interpreter ran (false without the `page-scripts` feature).
    pub interpreter: bool,
    /// An inline script not followed to its end calls `attachShadow` in its code.
    pub unfollowed_attach_shadow: bool,
    /// An inline script not followed to its end handles focus in its code: it names focus or
    /// key events, or calls `focus()` ([`handles_focus`]).
    pub unfollowed_focus_code: bool,
    /// Listeners scripts added to elements: (element, event, followed).
    pub listeners: Vec<(N, String, bool)>,
    /// Events the window or the document listens to (other than load events, which run).
    pub page_listeners: Vec<String>,
    /// Elements whose attributes scripts set or removed.
    pub attributes_set: Vec<N>,
    /// Elements scripts created.
    pub created_elements: usize,
    /// Elements scripts attached a shadow root to.
    pub shadow_hosts: Vec<N>,
}

impl<N> Default for Signals<N> {
    fn default() -> Self {
        Signals {
            inline: 0,
            inline_unfollowed: 0,
            external: 0,
            interpreter: cfg!(feature = "page-scripts"),
            unfollowed_attach_shadow: false,
            unfollowed_focus_code: false,
            listeners: Vec::new(),
            page_listeners: Vec::new(),
            attributes_set: Vec::new(),
            created_elements: 0,
            shadow_hosts: Vec::new(),
        }
    }
}

impl<N: Copy> Signals<N> {
    /// The same record by other nodes; nodes `to` does not know (left out of the model)
    /// are dropped.
    pub fn map<M: Ord + Copy>(self, to: impl Fn(N) -> Option<M>) -> Signals<M> {
        let mut attributes_set: Vec<M> = self.attributes_set.into_iter().filter_map(&to).collect();
        attributes_set.sort_unstable();
        attributes_set.dedup();
        let mut shadow_hosts: Vec<M> = self.shadow_hosts.into_iter().filter_map(&to).collect();
        shadow_hosts.sort_unstable();
        let mut listeners: Vec<(M, String, bool)> = self
            .listeners
            .into_iter()
            .filter_map(|(n, event, followed)| Some((to(n)?, event, followed)))
            .collect();
        listeners.sort_by_key(|(n, _, _)| *n);
        Signals {
            inline: self.inline,
            inline_unfollowed: self.inline_unfollowed,
            external: self.external,
            interpreter: self.interpreter,
            unfollowed_attach_shadow: self.unfollowed_attach_shadow,
            unfollowed_focus_code: self.unfollowed_focus_code,
            listeners,
            page_listeners: self.page_listeners,
            attributes_set,
            created_elements: self.created_elements,
            shadow_hosts,
        }
    }
}

/// Whether `attachShadow` accepts an HTML element of this name (DOM § 4.2.14 "valid shadow
/// host name"): autonomous custom elements and a short list of HTML elements.
pub(crate) fn is_valid_shadow_host_name(name: &str) -> bool {
    is_custom_element_name(name)
        || matches!(
            name,
            "article"
                | "aside"
                | "blockquote"
                | "body"
                | "div"
                | "footer"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "header"
                | "main"
                | "nav"
                | "p"
                | "section"
                | "span"
        )
}

/// A valid custom element name (HTML § 4.13.2), as far as the parser lets names through: a
/// lowercase ASCII letter first, a hyphen, and not one of the reserved names.
pub(crate) fn is_custom_element_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.contains('-')
        && !matches!(
            name,
            "annotation-xml"
                | "color-profile"
                | "font-face"
                | "font-face-src"
                | "font-face-uri"
                | "font-face-format"
                | "font-face-name"
                | "missing-glyph"
        )
}

/// Whether code calls `attachShadow`: a scan of its identifiers and of string literals that
/// are that name alone (`el['attachShadow']`), outside comments (a word in a comment or in a
/// message is not a call). Used only for scripts the engine could not follow, as a sign of
/// what they may do.
pub(crate) fn calls_attach_shadow(code: &str) -> bool {
    words(code).any(|w| w == "attachShadow")
}

/// Whether code handles focus: it names a focus or key event (as `addEventListener`'s type,
/// an `on…` property, or jQuery's method of the same name) or calls `focus()`, outside
/// comments. Used only for inline scripts the engine could not follow, as a sign that focus
/// may move or an indicator may be drawn when the user tabs.
pub(crate) fn handles_focus(code: &str) -> bool {
    words(code).any(|w| {
        let event = w.strip_prefix("on").unwrap_or(w);
        FOCUS_EVENTS.contains(&event) || w == "activeElement"
    })
}

/// The identifiers and string literals' contents of JavaScript source, in order; lenient:
/// unknown punctuation is skipped, and a `/` is always taken as an operator (a regular
/// expression's words may be read as identifiers, which only over-approximates).
fn words(code: &str) -> impl Iterator<Item = &str> {
    let bytes = code.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let c = bytes[i];
            if bytes[i..].starts_with(b"//") {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            } else if bytes[i..].starts_with(b"/*") {
                i = memchr::memmem::find(&bytes[i + 2..], b"*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            } else if matches!(c, b'"' | b'\'' | b'`') {
                i += 1;
                let start = i;
                while i < bytes.len() && bytes[i] != c {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                i += 1;
                // Quotes are ASCII, so both ends fall on character boundaries.
                if let Some(text) = code.get(start..end) {
                    return Some(text);
                }
            } else if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
                {
                    i += 1;
                }
                return Some(&code[start..i]);
            } else if c.is_ascii_digit() {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
        None
    })
}
