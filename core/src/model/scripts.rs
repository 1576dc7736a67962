//! The page's scripts as rules see them: the script stage's [`Signals`], read through the
//! model's elements ([`super::Document::scripts`]).

use super::{El, NodeIndex};
use crate::script::signals::{
    is_custom_element_name, is_valid_shadow_host_name, Signals, FOCUS_EVENTS,
};
use crate::script::{Listener, Place, Reason, ScriptEffect, Unfollowed};

/// The page's scripts as the rules see them ([`super::Document::scripts`]).
#[derive(Clone, Copy)]
pub struct Scripts<'d> {
    pub(crate) signals: &'d Signals<NodeIndex>,
}

impl<'d> Scripts<'d> {
    /// Inline JavaScript scripts on the page (data blocks such as JSON-LD are not scripts).
    pub fn inline_count(&self) -> u32 {
        self.signals.inline
    }

    /// External scripts (`<script src>`) on the page.
    pub fn external_count(&self) -> u32 {
        self.signals.external
    }

    /// The scripts the engine did not follow to their end; `None` when it followed every
    /// script (or the page has none).
    pub fn unfollowed(&self) -> Option<Unfollowed> {
        let s = self.signals;
        let not_run = !s.interpreter && s.inline > 0;
        let inline = if not_run {
            s.inline
        } else {
            s.inline_unfollowed
        };
        (inline > 0 || s.external > 0).then_some(Unfollowed {
            inline,
            external: s.external,
            not_run,
        })
    }

    /// Scripts left event listeners on elements of the page, the window or the document
    /// (other than load handlers, which run): they may change the page later, on a user's
    /// action. `on…` attributes are not counted.
    pub fn left_listeners(&self) -> bool {
        !self.signals.listeners.is_empty() || !self.signals.page_listeners.is_empty()
    }

    /// Every script of the page was followed to its end (true without scripts).
    pub fn fully_run(&self) -> bool {
        self.unfollowed().is_none()
    }

    /// The listeners on `el` itself: those scripts added, then its `on…` attributes.
    pub fn listeners_on(&self, el: &El<'d>) -> Vec<Listener<'d>> {
        let index = el.index();
        let listeners = &self.signals.listeners;
        let at = listeners.partition_point(|(n, _, _)| *n < index);
        let mut out: Vec<Listener<'d>> = listeners[at..]
            .iter()
            .take_while(|(n, _, _)| *n == index)
            .map(|(_, event, followed)| Listener {
                event,
                attribute: false,
                followed: *followed,
            })
            .collect();
        out.extend(el.attrs().filter_map(|(name, _)| {
            let event = name.strip_prefix("on").filter(|e| !e.is_empty())?;
            Some(Listener {
                event,
                attribute: true,
                followed: false,
            })
        }));
        out
    }

    /// Events the window or the document listens to (never run by the engine).
    pub fn page_listeners(&self) -> impl Iterator<Item = &'d str> + 'd {
        self.signals.page_listeners.iter().map(String::as_str)
    }

    /// A script the engine followed set or removed an attribute of `el` (the model shows
    /// the result).
    pub fn set_attributes_of(&self, el: &El) -> bool {
        self.signals
            .attributes_set
            .binary_search(&el.index())
            .is_ok()
    }

    /// Elements the scripts the engine followed created.
    pub fn created_elements(&self) -> usize {
        self.signals.created_elements
    }

    /// An inline script the engine could not follow calls `attachShadow`: any valid shadow
    /// host may get a shadow root, not only custom elements (see [`Scripts::may_change`]).
    pub fn may_attach_shadow_roots(&self) -> bool {
        self.signals.unfollowed_attach_shadow
    }

    /// A script the engine followed attached a shadow root to `el` (its content is in the
    /// model, in a tree scope of its own).
    pub fn attached_shadow_root(&self, el: &El) -> bool {
        self.signals.shadow_hosts.binary_search(&el.index()).is_ok()
    }

    /// Whether page scripts may change `effect` on `el` beyond what the model shows, and
    /// why: `None` when the engine knows they do not.
    pub fn may_change(&self, effect: ScriptEffect, el: &El<'d>) -> Option<Reason> {
        match effect {
            ScriptEffect::Focus => self.focus_listener(el).or_else(|| {
                let unfollowed = self.unfollowed()?;
                self.signals
                    .unfollowed_focus_code
                    .then_some(Reason::Unfollowed(Unfollowed {
                        external: 0,
                        ..unfollowed
                    }))
            }),
            ScriptEffect::Attributes | ScriptEffect::Elements => {
                self.unfollowed().map(Reason::Unfollowed)
            }
            ScriptEffect::ShadowRoot => {
                // Any script may attach one; without a sign that one does, only custom
                // elements (which exist to be defined by scripts, usually with a shadow tree)
                // are suspected, not every empty `div` of a page with external scripts.
                // (Asked of every element of such pages: the name test comes first.)
                let sign = self.signals.unfollowed_attach_shadow;
                if !sign && !is_custom_element_name(el.name()) {
                    return None;
                }
                if !can_host_shadow_root(el) || self.attached_shadow_root(el) {
                    return None;
                }
                self.unfollowed().map(Reason::Unfollowed)
            }
        }
    }

    /// A listener the engine does not follow for a focus or key event, on `el`, an
    /// ancestor (focus events reach them in the capture phase, the others bubble) or the page.
    fn focus_listener(&self, el: &El<'d>) -> Option<Reason> {
        let focus_event = |l: &Listener| !l.followed && FOCUS_EVENTS.contains(&l.event);
        let found = |e: &El<'d>, place: Place| {
            self.listeners_on(e)
                .into_iter()
                .find(focus_event)
                .map(|l| match l.attribute {
                    true => Reason::HandlerAttribute {
                        name: format!("on{}", l.event),
                        place,
                    },
                    false => Reason::Listener {
                        event: l.event.to_string(),
                        place,
                    },
                })
        };
        found(el, Place::Element)
            .or_else(|| el.ancestors().find_map(|a| found(&a, Place::Ancestor)))
            .or_else(|| {
                self.page_listeners()
                    .find(|e| FOCUS_EVENTS.contains(e))
                    .map(|event| Reason::Listener {
                        event: event.to_string(),
                        place: Place::Page,
                    })
            })
    }
}

/// Whether `attachShadow` accepts the element (see [`is_valid_shadow_host_name`]).
fn can_host_shadow_root(el: &El) -> bool {
    el.is_html() && is_valid_shadow_host_name(el.name())
}

#[cfg(test)]
#[path = "scripts_tests.rs"]
mod tests;
