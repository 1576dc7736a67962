//! The rule framework and registry.
//!
//! A rule has the shape of an ACT rule: [`Rule::applicability`] yields the targets it
//! examines and [`Rule::expectation`] decides one target's outcome. Each rule lives in its own
//! file under `core/src/rules/`; its doc comment is its user documentation, published by
//! `frontdesk rules`. Adding a rule is one file plus one line in [`registry`].

use std::borrow::Cow;

use crate::dom::{Document, El};
use crate::report::{Impact, Level, Outcome};

mod predicates;

mod aria_attribute_defined;
mod aria_hidden_no_focusable;
mod aria_required_states;
mod aria_state_permitted;
mod autocomplete_valid;
mod button_has_name;
mod element_lang_valid;
mod form_field_has_name;
mod heading_has_name;
mod html_has_lang;
mod html_lang_valid;
mod iframe_has_name;
mod image_button_has_name;
mod image_has_name;
mod link_has_name;
mod meta_refresh_no_delay;
mod meta_viewport_allows_zoom;
mod page_has_title;
mod role_valid;

/// A rule's identity and WCAG mapping.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable kebab-case id, e.g. `image-has-name`.
    pub id: &'static str,
    /// One-line summary.
    pub title: &'static str,
    /// WCAG 2.2 success criteria, e.g. `["1.1.1"]`; empty for best practice.
    pub wcag: &'static [&'static str],
    /// Conformance level; `None` for best practice (never fails a WCAG gate).
    pub level: Option<Level>,
    /// W3C ACT rule ids this rule implements.
    pub act: &'static [&'static str],
    /// Severity of a failure.
    pub impact: Impact,
    /// The rule's doc comment, as written (each line starts with a space).
    pub doc: &'static str,
}

impl RuleMeta {
    /// The user documentation (the rule's doc comment), Markdown.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// What a rule examines: an element, or one attribute of it.
#[derive(Debug, Clone, Copy)]
pub struct Target<'d> {
    /// The element.
    pub element: El<'d>,
    /// The attribute, for rules whose ACT targets are attributes (e.g. `aria-*`).
    pub attribute: Option<&'d str>,
}

impl<'d> Target<'d> {
    /// An element target.
    pub fn element(element: El<'d>) -> Self {
        Target { element, attribute: None }
    }
    /// An attribute target.
    pub fn attribute(element: El<'d>, attribute: &'d str) -> Self {
        Target { element, attribute: Some(attribute) }
    }
}

/// The outcome for one target, with the message shown to people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// passed, failed or cantTell.
    pub outcome: Outcome,
    /// Why. Rules keep their fixed messages as named constants.
    pub message: Cow<'static, str>,
}

impl Expectation {
    /// A passed outcome.
    pub fn passed(message: impl Into<Cow<'static, str>>) -> Self {
        Expectation { outcome: Outcome::Passed, message: message.into() }
    }
    /// A failed outcome.
    pub fn failed(message: impl Into<Cow<'static, str>>) -> Self {
        Expectation { outcome: Outcome::Failed, message: message.into() }
    }
    /// A cantTell outcome; the message says what the engine could not decide.
    pub fn cant_tell(message: impl Into<Cow<'static, str>>) -> Self {
        Expectation { outcome: Outcome::CantTell, message: message.into() }
    }
    /// Passed when `ok`, else failed, with the matching message.
    pub fn check(ok: bool, pass: &'static str, fail: &'static str) -> Self {
        if ok {
            Self::passed(pass)
        } else {
            Self::failed(fail)
        }
    }
}

/// An accessibility rule, in ACT shape.
pub trait Rule: Send + Sync {
    /// Identity and WCAG mapping.
    fn meta(&self) -> &'static RuleMeta;
    /// The targets on this page, in document order. No target means "inapplicable".
    fn applicability<'d>(&self, doc: &'d Document) -> Vec<Target<'d>>;
    /// The outcome for one target.
    fn expectation(&self, target: &Target<'_>) -> Expectation;
}

/// Declares a rule type whose doc comment becomes its documentation.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            title: $title:literal,
            wcag: [$($sc:literal),* $(,)?],
            level: $level:expr,
            act: [$($act:literal),* $(,)?],
            impact: $impact:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub(crate) const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                title: $title,
                wcag: &[$($sc),*],
                level: $level,
                act: &[$($act),*],
                impact: $crate::report::Impact::$impact,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

static REGISTRY: &[&dyn Rule] = &[
    &aria_attribute_defined::AriaAttributeDefined,
    &aria_hidden_no_focusable::AriaHiddenNoFocusable,
    &aria_required_states::AriaRequiredStates,
    &aria_state_permitted::AriaStatePermitted,
    &autocomplete_valid::AutocompleteValid,
    &button_has_name::ButtonHasName,
    &element_lang_valid::ElementLangValid,
    &form_field_has_name::FormFieldHasName,
    &heading_has_name::HeadingHasName,
    &html_has_lang::HtmlHasLang,
    &html_lang_valid::HtmlLangValid,
    &iframe_has_name::IframeHasName,
    &image_button_has_name::ImageButtonHasName,
    &image_has_name::ImageHasName,
    &link_has_name::LinkHasName,
    &meta_refresh_no_delay::MetaRefreshNoDelay,
    &meta_viewport_allows_zoom::MetaViewportAllowsZoom,
    &page_has_title::PageHasTitle,
    &role_valid::RoleValid,
];

/// Every rule, sorted by id.
///
/// ```
/// let rules = frontdesk_core::registry();
/// assert!(rules.iter().any(|r| r.meta().id == "image-has-name"));
/// assert!(rules.windows(2).all(|w| w[0].meta().id < w[1].meta().id));
/// ```
pub fn registry() -> &'static [&'static dyn Rule] {
    REGISTRY
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.meta().id == id)
}
