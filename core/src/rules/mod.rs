//! The rule framework and registry.
//!
//! A rule has the shape of an ACT rule: [`Rule::applicability`] yields the targets it
//! examines and [`Rule::expectation`] decides one target's outcome. Each rule lives in its own
//! file under `core/src/rules/`; its doc comment is its user documentation, published by
//! `frontdesk rules`. Adding a rule is one file plus one line in the `rules!` list below.
//! Both methods get the page's [`Context`], where facts about the whole page are computed
//! once and shared.

use std::borrow::Cow;

use crate::model::El;
mod outcome;
pub use context::{Context, Fact};
pub use outcome::{Impact, Level, Outcome};

mod context;
mod contrast;
mod layout;
mod predicates;
#[cfg(test)]
mod testing;
mod text;

/// Declares the rule modules and the registry in one list: adding a rule is one line here.
macro_rules! rules {
    ($($module:ident::$rule:ident),* $(,)?) => {
        $(mod $module;)*
        static REGISTRY: &[&dyn Rule] = &[$(&$module::$rule),*];
    };
}

// Sorted by id (a test checks).
rules! {
    accesskeys_unique::AccesskeysUnique,
    aria_attribute_defined::AriaAttributeDefined,
    aria_checked_matches_native::AriaCheckedMatchesNative,
    aria_hidden_no_focusable::AriaHiddenNoFocusable,
    aria_id_reference_exists::AriaIdReferenceExists,
    aria_required_children::AriaRequiredChildren,
    aria_required_id_references::AriaRequiredIdReferences,
    aria_required_parent::AriaRequiredParent,
    aria_required_states::AriaRequiredStates,
    aria_state_permitted::AriaStatePermitted,
    aria_state_valid_value::AriaStateValidValue,
    autocomplete_appropriate::AutocompleteAppropriate,
    autocomplete_valid::AutocompleteValid,
    blink_not_used::BlinkNotUsed,
    button_has_name::ButtonHasName,
    decorative_not_exposed::DecorativeNotExposed,
    dl_structure::DlStructure,
    duplicate_id_referenced::DuplicateIdReferenced,
    element_lang_valid::ElementLangValid,
    empty_table_header::EmptyTableHeader,
    focus_visible::FocusVisible,
    form_field_has_name::FormFieldHasName,
    frame_title_unique::FrameTitleUnique,
    heading_has_name::HeadingHasName,
    heading_order::HeadingOrder,
    html_has_lang::HtmlHasLang,
    html_lang_valid::HtmlLangValid,
    iframe_has_name::IframeHasName,
    iframe_not_removed_from_tab_order::IframeNotRemovedFromTabOrder,
    image_button_has_name::ImageButtonHasName,
    image_has_name::ImageHasName,
    label_in_name::LabelInName,
    label_title_only::LabelTitleOnly,
    letter_spacing_adjustable::LetterSpacingAdjustable,
    line_height_adjustable::LineHeightAdjustable,
    link_has_name::LinkHasName,
    link_in_text_distinguishable::LinkInTextDistinguishable,
    list_structure::ListStructure,
    listitem_in_list::ListitemInList,
    marquee_can_be_paused::MarqueeCanBePaused,
    menuitem_has_name::MenuitemHasName,
    meta_refresh_no_delay::MetaRefreshNoDelay,
    meta_refresh_no_delay_aaa::MetaRefreshNoDelayAaa,
    meta_viewport_allows_zoom::MetaViewportAllowsZoom,
    object_has_name::ObjectHasName,
    orientation_not_locked::OrientationNotLocked,
    page_has_h1::PageHasH1,
    page_has_one_main::PageHasOneMain,
    page_has_title::PageHasTitle,
    presentational_children_not_focusable::PresentationalChildrenNotFocusable,
    region::Region,
    role_has_required_name::RoleHasRequiredName,
    role_valid::RoleValid,
    row_attributes_in_treegrid::RowAttributesInTreegrid,
    scrollable_region_focusable::ScrollableRegionFocusable,
    skip_link_target_exists::SkipLinkTargetExists,
    summary_has_name::SummaryHasName,
    svg_img_has_name::SvgImgHasName,
    td_headers_valid::TdHeadersValid,
    text_contrast_enhanced::TextContrastEnhanced,
    text_contrast_minimum::TextContrastMinimum,
    th_has_data_cells::ThHasDataCells,
    word_spacing_adjustable::WordSpacingAdjustable,
    zoomed_text_not_clipped::ZoomedTextNotClipped,
}

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
    /// The reasons its findings can give (a finding's code is `<id>/<reason>`), kebab-case.
    pub codes: &'static [&'static str],
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
        Target {
            element,
            attribute: None,
        }
    }
    /// An attribute target.
    pub fn attribute(element: El<'d>, attribute: &'d str) -> Self {
        Target {
            element,
            attribute: Some(attribute),
        }
    }
}

/// The outcome for one target: a stable reason code for tools, the message shown to people
/// and, where a rule has numbers behind its verdict, those values.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    /// passed, failed or cantTell.
    pub outcome: Outcome,
    /// Why, as a stable kebab-case reason (e.g. `no-alt`), one per distinct reason within the
    /// rule; a finding's code is `<rule-id>/<reason>`. Never changes with the wording.
    pub code: &'static str,
    /// Why, in plain English. Rules keep their fixed messages as named constants.
    pub message: Cow<'static, str>,
    /// The values behind the verdict, for tools (e.g. contrast ratio and colours).
    pub data: Option<serde_json::Value>,
}

impl Expectation {
    fn new(outcome: Outcome, code: &'static str, message: Cow<'static, str>) -> Self {
        Expectation {
            outcome,
            code,
            message,
            data: None,
        }
    }
    /// A passed outcome, for the reason `code`.
    pub fn passed(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Outcome::Passed, code, message.into())
    }
    /// A failed outcome, for the reason `code`.
    pub fn failed(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Outcome::Failed, code, message.into())
    }
    /// A cantTell outcome; the message says what the engine could not decide.
    pub fn cant_tell(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Outcome::CantTell, code, message.into())
    }
    /// Passed when `ok`, else failed, each with its code and message.
    pub fn check(
        ok: bool,
        (pass_code, pass): (&'static str, &'static str),
        (fail_code, fail): (&'static str, &'static str),
    ) -> Self {
        if ok {
            Self::passed(pass_code, pass)
        } else {
            Self::failed(fail_code, fail)
        }
    }
    /// Adds the values behind the verdict.
    pub fn with_data(mut self, data: serde_json::Value) -> Self {
        self.data = Some(data);
        self
    }
}

/// An accessibility rule, in ACT shape.
pub trait Rule: Send + Sync {
    /// Identity and WCAG mapping.
    fn meta(&self) -> &'static RuleMeta;
    /// The targets on this page, in document order. No target means "inapplicable".
    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>>;
    /// The outcome for one target of the same page.
    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation;
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
            impact: $impact:ident,
            codes: $codes:expr $(,)?
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
                impact: $crate::rules::Impact::$impact,
                codes: &$codes,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

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
