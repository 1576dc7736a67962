//! The CSS cascade for the properties accessibility depends on.
//!
//! Sources, lowest precedence first: user-agent defaults (HTML's rendering section, as far as
//! the computed properties go, given per element as a [`UaStyle`]), author style sheets in
//! document order, inline `style` attributes; `!important` reverses author over inline as CSS
//! Cascade 4 says. A cascade is built for one screen ([`Device`]: the 1280×1024 reference
//! screen, the same zoomed…), against which media queries are evaluated once, when it is
//! built ([`media`]); rules for the same screen turned to portrait are kept only for the
//! rotation they set (orientation lock).
//!
//! Rules are bucketed by the id, class or tag of their rightmost compound selector, so each
//! element is only matched against rules that can match it. Custom properties (`var()`) are
//! substituted; relative units are resolved to px (16px root font size).

mod color;
mod focus;
mod loader;
pub mod media;
mod properties;
mod sheet;

pub use color::{parse_color, ColorValue, Rgba};
pub use focus::{FocusPlace, FocusRelation, FocusRules, FocusStyle};
pub(crate) use loader::is_stylesheet_link;
pub use loader::{base_url, load_sheets, SheetSource};
pub use loader::{import_urls, stylesheet_urls, NoLoader, ResourceLoader, MAX_IMPORT_DEPTH};
pub use media::{Device, Media, MediaQueryList};
pub use properties::{
    Display, LineHeight, Overflow, Position, PropertyId, Visibility, COMPUTED_PROPERTIES,
};
pub use sheet::{parse_declarations, raw_declarations, Declaration, StyleSheet};

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::html::tree::ElementRef;
use precomputed_hash::PrecomputedHash;
use scraper::selector::CssLocalName;
use selectors::bloom::{BloomFilter, BLOOM_HASH_MASK};
use selectors::matching::{
    matches_selector, MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags,
    QuirksMode, SelectorCaches,
};
use selectors::parser::{AncestorHashes, Component, Selector};

use properties::{
    longhand_of_shorthand, parse_longhand, FontSizeSpec, FontWeightSpec, ImageSpec, Length,
    LineHeightSpec, TextShadowSpec, Value, Wide, LONGHANDS,
};
pub(crate) use sheet::StyleRule;

/// What an element's `background-image` paints, as far as contrast goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackgroundImage {
    /// `none`.
    None,
    /// An image (`url()`, `image-set()`, several layers…) whose colours are unknown.
    Opaque,
    /// One gradient; its colour stops are the cascade's `take_gradients()[index]` (kept by the document model).
    Gradient(u32),
}

/// Style bits kept per element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct StyleFlags(u32);

impl StyleFlags {
    const TEXT_SHADOW: u32 = 1;
    const ICON_FONT: u32 = 1 << 1;
    const COLOR_UNKNOWN: u32 = 1 << 2;
    const BACKGROUND_UNKNOWN: u32 = 1 << 3;
    const NOWRAP: u32 = 1 << 4;
    const OFF_SCREEN: u32 = 1 << 5;
    const CLIPPED: u32 = 1 << 6;
    const CONTENT_HIDDEN: u32 = 1 << 7;
    const IMPORTANT_INLINE_LETTER: u32 = 1 << 8;
    const IMPORTANT_INLINE_WORD: u32 = 1 << 9;
    const IMPORTANT_INLINE_LINE: u32 = 1 << 10;
    const ORIENTATION_ROTATION: u32 = 1 << 11;
    const ROTATED: u32 = 1 << 12;
    const LENGTH_UNKNOWN: u32 = 1 << 13;
    /// The element's style may be different on the screen zoomed to 200%: it matched a rule
    /// that does not apply there, or sizes it with viewport units.
    const ZOOM_DIFFERS: u32 = 1 << 14;
    /// `text-overflow` is not `clip` (an ellipsis or a string marks clipped text).
    const TEXT_OVERFLOW_MARKED: u32 = 1 << 15;
    /// The element matched a rule that applies only on the screen zoomed to 200% and sets
    /// an `overflow` property there.
    const ZOOMED_OVERFLOW_RULE: u32 = 1 << 16;
    /// `text-decoration-line` draws a line (underline, overline, line-through).
    const DECORATED: u32 = 1 << 17;
    /// A bottom border is drawn.
    const BORDER_BOTTOM: u32 = 1 << 18;
    /// `box-shadow` draws a shadow.
    const BOX_SHADOW: u32 = 1 << 19;
    /// Flags that inherit with their property.
    const INHERITED: u32 = Self::TEXT_SHADOW | Self::ICON_FONT | Self::COLOR_UNKNOWN | Self::NOWRAP;

    fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
    fn set(&mut self, bit: u32, on: bool) {
        if on {
            self.0 |= bit
        } else {
            self.0 &= !bit
        }
    }
}

/// Computed values of one element (kept compact: it is stored for every element).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComputedStyle {
    /// `display`
    pub display: Display,
    /// `visibility` (inherited)
    pub visibility: Visibility,
    /// `position`
    pub position: Position,
    /// `overflow-x`
    pub overflow_x: Overflow,
    /// `overflow-y`
    pub overflow_y: Overflow,
    /// `font-weight`, 1–1000 (inherited)
    pub font_weight: u16,
    /// `color` (inherited); see [`ComputedStyle::color_known`].
    pub color: Rgba,
    /// `background-color`; see [`ComputedStyle::background_known`].
    pub background_color: Rgba,
    /// `background-image`
    pub background_image: BackgroundImage,
    /// `font-size` in px (inherited)
    pub font_size: f32,
    /// `line-height` (inherited)
    pub line_height: LineHeight,
    /// `letter-spacing` in px, `normal` = 0; NaN when not computable (inherited)
    pub letter_spacing: f32,
    /// `word-spacing` in px, `normal` = 0; NaN when not computable (inherited)
    pub word_spacing: f32,
    /// `text-indent` in px (inherited)
    pub text_indent: f32,
    /// `opacity`, 0–1
    pub opacity: f32,
    /// Rotation about the z axis from `transform` and `rotate`, in degrees, on the screen the
    /// cascade computes for (the landscape reference screen).
    pub rotation: f32,
    /// The same on that screen turned a quarter (the reference screen in portrait).
    pub portrait_rotation: f32,
    /// The widest a line of this element's text can be, in px, from `width`/`max-width`
    /// given in absolute units; infinite when unknown or unconstrained.
    pub max_line_width: f32,
    /// `height` in px when given as a length the engine resolves (viewport units at the
    /// reference screen); infinite for `auto`, percentages and values it cannot compute.
    /// `min-height`/`max-height` are not modelled.
    pub height: f32,
    /// See [`ComputedStyle::text_halo`].
    text_halo: Option<Rgba>,
    /// The colour of a `text-shadow` outline (see [`ComputedStyle::text_outline`]).
    shadow_outline: Option<Rgba>,
    /// `-webkit-text-stroke-width` in px.
    stroke_width: f32,
    /// `-webkit-text-stroke-color`; `None` for `currentcolor` (its initial value) and for
    /// colours the engine cannot compute.
    stroke_color: Option<Rgba>,
    flags: StyleFlags,
    custom: u32,
}

impl ComputedStyle {
    /// Initial values, for the root's parent.
    pub const INITIAL: ComputedStyle = ComputedStyle {
        display: Display::Inline,
        visibility: Visibility::Visible,
        position: Position::Static,
        overflow_x: Overflow::Visible,
        overflow_y: Overflow::Visible,
        font_weight: 400,
        color: Rgba::BLACK,
        background_color: Rgba::TRANSPARENT,
        background_image: BackgroundImage::None,
        font_size: 16.0,
        line_height: LineHeight::Normal,
        letter_spacing: 0.0,
        word_spacing: 0.0,
        text_indent: 0.0,
        opacity: 1.0,
        rotation: 0.0,
        portrait_rotation: 0.0,
        max_line_width: f32::INFINITY,
        height: f32::INFINITY,
        text_halo: None,
        shadow_outline: None,
        stroke_width: 0.0,
        stroke_color: None,
        flags: StyleFlags(0),
        custom: 0,
    };

    /// A child's starting point: inherited properties from `self`, the rest initial.
    fn inherit(&self) -> ComputedStyle {
        ComputedStyle {
            visibility: self.visibility,
            font_weight: self.font_weight,
            color: self.color,
            font_size: self.font_size,
            line_height: self.line_height,
            letter_spacing: self.letter_spacing,
            word_spacing: self.word_spacing,
            text_indent: self.text_indent,
            flags: StyleFlags(self.flags.0 & StyleFlags::INHERITED),
            text_halo: self.text_halo,
            shadow_outline: self.shadow_outline,
            stroke_width: self.stroke_width,
            stroke_color: self.stroke_color,
            custom: self.custom,
            ..ComputedStyle::INITIAL
        }
    }

    /// Whether `color` is a colour the engine computed (not `color-mix()` and the like).
    pub fn color_known(&self) -> bool {
        !self.flags.has(StyleFlags::COLOR_UNKNOWN)
    }
    /// Whether `background-color` is a colour the engine computed.
    pub fn background_known(&self) -> bool {
        !self.flags.has(StyleFlags::BACKGROUND_UNKNOWN)
    }
    /// `text-shadow` draws something around the letters that the engine cannot resolve to
    /// one colour (a hard or offset drop shadow, several colours).
    pub fn has_text_shadow(&self) -> bool {
        self.flags.has(StyleFlags::TEXT_SHADOW)
    }
    /// The colour of a `text-shadow` halo that surrounds the letters (blurred at least as
    /// far as it is offset), which the text is then read against.
    pub fn text_halo(&self) -> Option<Rgba> {
        self.text_halo
    }
    /// The colour of a narrow outline drawn around the letters, which WCAG's Understanding
    /// 1.4.3 counts as part of the letter: a visible `-webkit-text-stroke`, else unblurred
    /// `text-shadow`s of one colour on all four sides. `None` when there is none, or when it
    /// is in the text's own colour.
    pub fn text_outline(&self) -> Option<Rgba> {
        let stroke = self
            .stroke_color
            .filter(|c| self.stroke_width > 0.0 && c.a > 0);
        stroke.or(self.shadow_outline).filter(|c| *c != self.color)
    }
    /// `font-family` names an icon font (Material Icons, Font Awesome, …).
    pub fn is_icon_font(&self) -> bool {
        self.flags.has(StyleFlags::ICON_FONT)
    }
    /// `white-space` keeps lines from wrapping (`nowrap`, `pre`).
    pub fn is_nowrap(&self) -> bool {
        self.flags.has(StyleFlags::NOWRAP)
    }
    /// The box is positioned far off-screen (`left`/`top` far negative), or its text is
    /// indented far off-screen (`text-indent`).
    pub fn is_off_screen(&self) -> bool {
        self.flags.has(StyleFlags::OFF_SCREEN)
    }
    /// The box clips its content to nothing: `clip: rect(0 0 0 0)`, `clip-path: inset(50%)`,
    /// or `overflow: hidden` with a width or height of at most 1px.
    pub fn is_clipped(&self) -> bool {
        self.flags.has(StyleFlags::CLIPPED)
    }
    /// `content-visibility: hidden`: the element's contents are not rendered.
    pub fn hides_content(&self) -> bool {
        self.flags.has(StyleFlags::CONTENT_HIDDEN)
    }
    /// A `width`/`height`/`max-width` used a value the engine could not compute.
    pub fn has_unknown_size(&self) -> bool {
        self.flags.has(StyleFlags::LENGTH_UNKNOWN)
    }
    /// Whether this style may differ on the screen zoomed to 200%: the element matched a
    /// rule whose media queries match only one of the two screens, or its size, font size or
    /// line height is in viewport units. When false, [`crate::model::El::zoomed_style`]
    /// equals this style but for these flags, and need not be computed.
    pub fn may_differ_zoomed(&self) -> bool {
        self.flags.has(StyleFlags::ZOOM_DIFFERS)
    }
    /// The element matched a rule that applies only on the screen zoomed to 200% (not on
    /// this one) and sets `overflow` (or another `overflow-*` property) there.
    pub fn has_zoomed_overflow_rule(&self) -> bool {
        self.flags.has(StyleFlags::ZOOMED_OVERFLOW_RULE)
    }
    /// The element's own `text-decoration-line` draws a line under, over or through its
    /// text (links by default). Not inherited, though browsers draw an ancestor's line
    /// through the descendants' text too.
    pub fn is_text_decorated(&self) -> bool {
        self.flags.has(StyleFlags::DECORATED)
    }
    /// The element draws a bottom border (its style is not `none` or `hidden`, and no zero
    /// width is given with it).
    pub fn has_bottom_border(&self) -> bool {
        self.flags.has(StyleFlags::BORDER_BOTTOM)
    }
    /// `box-shadow` draws something around (or inside) the box, such as a drawn underline.
    pub fn has_box_shadow(&self) -> bool {
        self.flags.has(StyleFlags::BOX_SHADOW)
    }
    /// `text-overflow` marks clipped text (`ellipsis` or a string) instead of cutting it
    /// (`clip`, the initial value).
    pub fn marks_text_overflow(&self) -> bool {
        self.flags.has(StyleFlags::TEXT_OVERFLOW_MARKED)
    }
    /// Whether the winning declaration of `property` is an `!important` one in the element's
    /// own `style` attribute (not `inherit`/`unset`). Kept for `letter-spacing`,
    /// `word-spacing` and `line-height` only.
    pub fn is_important_inline(&self, property: PropertyId) -> bool {
        let bit = match property {
            PropertyId::LetterSpacing => StyleFlags::IMPORTANT_INLINE_LETTER,
            PropertyId::WordSpacing => StyleFlags::IMPORTANT_INLINE_WORD,
            PropertyId::LineHeight => StyleFlags::IMPORTANT_INLINE_LINE,
            _ => return false,
        };
        self.flags.has(bit)
    }
    /// A `transform`/`rotate` with a rotation is set by a rule that applies in one screen
    /// orientation only (so [`ComputedStyle::rotation`] and
    /// [`ComputedStyle::portrait_rotation`] may differ).
    pub fn has_orientation_rotation(&self) -> bool {
        self.flags.has(StyleFlags::ORIENTATION_ROTATION)
    }
    /// `transform`/`rotate` include a rotation (on either screen).
    pub fn is_rotated(&self) -> bool {
        self.flags.has(StyleFlags::ROTATED)
    }
    /// Bold for WCAG's large-text definition: `font-weight` 700 or more.
    pub fn is_bold(&self) -> bool {
        self.font_weight >= 700
    }
}

/// What the user agent's style sheet gives one element (HTML's rendering section), as
/// declarations of the lowest precedence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UaStyle {
    /// Default `display`.
    pub display: Display,
    /// `color` (links, form controls), if the UA sets one.
    pub color: Option<Rgba>,
    /// `background-color` (buttons, fields, `mark`), if the UA sets one.
    pub background: Option<Rgba>,
    /// `font-size` as a factor of the parent's (headings, `small`), if the UA sets one.
    pub font_size_em: Option<f32>,
    /// `font-weight`, if the UA sets one (`bold` = 700 for headings, `b`, `strong`, `th`).
    pub font_weight: Option<u16>,
    /// `white-space: pre`/`nowrap` (`pre`, `nobr`, `textarea`…).
    pub nowrap: bool,
    /// `text-decoration-line: underline` (links, `u`, `ins`).
    pub underline: bool,
}

impl UaStyle {
    /// Only a default `display`.
    pub const fn display(display: Display) -> UaStyle {
        UaStyle {
            display,
            color: None,
            background: None,
            font_size_em: None,
            font_weight: None,
            nowrap: false,
            underline: false,
        }
    }
}

/// One rule in the cascade's flat list (index = cascade order).
struct FlatRule {
    selector: Selector<scraper::selector::Simple>,
    hashes: AncestorHashes,
    specificity: u32,
    declarations: Arc<[sheet::Declaration]>,
    /// Its media match the cascade's device (else it is kept only for the rotation it sets
    /// on the device turned a quarter).
    applies: bool,
    /// Its media match the device turned a quarter (in portrait, for the reference screen).
    applies_rotated: bool,
    /// Its media match the device zoomed to 200%.
    applies_zoomed: bool,
    /// Its media match the device zoomed to 200% only: it is matched to flag the elements
    /// it would restyle there ([`ComputedStyle::may_differ_zoomed`]), its declarations unused.
    zoomed_only: bool,
    /// It sets an `overflow-*` property (see [`StyleRule::declares_overflow`]).
    declares_overflow: bool,
}

type CustomMap = HashMap<Arc<str>, Arc<str>>;

/// Author style sheets of one page, ready to compute styles element by element.
#[derive(Default)]
pub struct Cascade {
    rules: Vec<FlatRule>,
    by_id: HashMap<String, Vec<u32>>,
    by_class: HashMap<String, Vec<u32>>,
    by_tag: HashMap<String, Vec<u32>>,
    universal: Vec<u32>,
    caches: SelectorCaches,
    customs: Vec<Arc<CustomMap>>,
    gradients: Vec<Box<[Rgba]>>,
    /// Focus and outline rules, from sheets for the device.
    focus_rules: FocusRules,
    root_font_size: f32,
    bucketing: bool,
    /// Elements without author styles skip the general path (see `ua_only`).
    shortcuts: bool,
    candidates: Vec<u32>,
    /// Ancestor bloom filter over the current element's ancestors (ids, classes, tags),
    /// so rules needing an ancestor the element lacks are rejected without matching.
    bloom: BloomFilter,
    /// The ancestors in the filter, outermost first, each with where its hashes start in
    /// `ancestor_hashes` (one stack for all: no vector per ancestor).
    ancestors: Vec<(crate::html::tree::NodeId, usize)>,
    ancestor_hashes: Vec<u32>,
    /// Whether the author style sheets' rules apply to the elements computed next (not to
    /// elements inside shadow trees, which the document's sheets do not reach).
    pub(crate) author_rules_apply: bool,
    /// The screen styles are computed for.
    device: Device,
    /// Every author rule in cascade order, with its sheet's media too, for cascades on other
    /// devices ([`Cascade::for_rules`]).
    author_rules: Arc<[StyleRule]>,
}

/// Where a matched declaration comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Origin {
    inline: bool,
    important: bool,
}

impl Cascade {
    /// A cascade for `device` over author style sheets given in document order. Media
    /// queries are evaluated here, once: rules whose media do not match the device are left
    /// out, but for those that rotate the page on the device turned a quarter (orientation
    /// lock, see [`ComputedStyle::portrait_rotation`]).
    pub fn new(sheets: Vec<StyleSheet>, device: &Device) -> Cascade {
        let mut raw_rules = Vec::new();
        let mut rules = Vec::new();
        for sheet in sheets {
            if sheet.media.matches(device) {
                let mut last: Option<(Media, bool)> = None;
                for candidate in &sheet.raw_candidates {
                    let here = match &last {
                        Some((m, r)) if m.identity() == candidate.media.identity() => *r,
                        _ => {
                            let here = candidate.media.matches(device);
                            last = Some((candidate.media.clone(), here));
                            here
                        }
                    };
                    if here {
                        raw_rules.push(sheet.raw_rule(candidate));
                    }
                }
            }
            if sheet.media.is_unconditional() {
                rules.extend(sheet.rules);
                continue;
            }
            // Rules of one `@media` block share their media, and so their combination.
            let mut last: Option<(Media, Media)> = None;
            for mut rule in sheet.rules {
                let combined = match &last {
                    Some((m, c)) if m.identity() == rule.media.identity() => c.clone(),
                    _ => {
                        let c = sheet.media.and_all(&rule.media);
                        last = Some((rule.media.clone(), c.clone()));
                        c
                    }
                };
                rule.media = combined;
                rules.push(rule);
            }
        }
        let mut cascade = Cascade::for_rules(rules.into(), device);
        cascade.focus_rules = FocusRules::new(raw_rules);
        cascade
    }

    /// A cascade for `device` over the rules of another cascade ([`Cascade::author_rules`]).
    pub(crate) fn for_rules(author_rules: Arc<[StyleRule]>, device: &Device) -> Cascade {
        let mut cascade = Cascade {
            device: *device,
            customs: vec![Arc::new(CustomMap::new())],
            root_font_size: device.root_font_size,
            bucketing: true,
            shortcuts: true,
            author_rules_apply: true,
            ..Cascade::default()
        };
        let (rotated, zoomed) = (device.rotated(), device.zoomed(2.0));
        let mut last: Option<(&Media, [bool; 3])> = None;
        for rule in author_rules.iter() {
            let [applies, applies_rotated, applies_zoomed] = match last {
                Some((m, r)) if m.identity() == rule.media.identity() => r,
                _ => {
                    let media = &rule.media;
                    let r = [
                        media.matches(device),
                        media.matches(&rotated),
                        media.matches(&zoomed),
                    ];
                    last = Some((media, r));
                    r
                }
            };
            let zoomed_only = !applies && applies_zoomed;
            let keep = (applies && !rule.declarations.is_empty())
                || zoomed_only
                || (applies_rotated
                    && rule
                        .declarations
                        .iter()
                        .any(|d| matches!(d.property, PropertyId::Transform | PropertyId::Rotate)));
            if !keep {
                continue;
            }
            let index = cascade.rules.len() as u32;
            match bucket_key(&rule.selector) {
                Bucket::Id(id) => cascade.by_id.entry(id).or_default().push(index),
                Bucket::Class(c) => cascade.by_class.entry(c).or_default().push(index),
                Bucket::Tag(t) => cascade.by_tag.entry(t).or_default().push(index),
                Bucket::Universal => cascade.universal.push(index),
            }
            let hashes = AncestorHashes::new(&rule.selector, QuirksMode::NoQuirks);
            cascade.rules.push(FlatRule {
                selector: rule.selector.clone(),
                hashes,
                specificity: rule.specificity,
                declarations: rule.declarations.clone(),
                applies,
                applies_rotated,
                applies_zoomed,
                zoomed_only,
                declares_overflow: rule.declares_overflow,
            });
        }
        cascade.author_rules = author_rules;
        cascade
    }

    /// Every author rule the cascade was built from, with its media, to build cascades for
    /// other devices ([`Cascade::for_rules`]).
    pub(crate) fn author_rules(&self) -> Arc<[StyleRule]> {
        self.author_rules.clone()
    }

    /// Turns rule bucketing off (every rule is tried on every element); for tests that
    /// check bucketing changes nothing.
    #[doc(hidden)]
    pub fn without_bucketing(mut self) -> Cascade {
        self.bucketing = false;
        self
    }

    /// Whether any author rule exists (if not, only UA defaults and inline styles apply).
    pub fn has_rules(&self) -> bool {
        !self.rules.is_empty()
    }

    /// The focus and outline rules that apply on the cascade's device, to compute styles
    /// for a focused element ([`FocusRules::style_of`]).
    pub fn take_focus_rules(&mut self) -> FocusRules {
        std::mem::take(&mut self.focus_rules)
    }

    /// Gradient colour stops referenced by [`BackgroundImage::Gradient`] indexes; call after
    /// the last [`Cascade::compute`].
    pub fn take_gradients(&mut self) -> Vec<Box<[Rgba]>> {
        std::mem::take(&mut self.gradients)
    }

    /// Makes the bloom filter hold exactly the element's ancestors (elements arrive in
    /// document order, so this is a few pushes and pops).
    fn sync_bloom(&mut self, element: &ElementRef) {
        let parent = element.parent().and_then(ElementRef::wrap);
        let grandparent = parent.and_then(|p| p.parent()).and_then(ElementRef::wrap);
        let (parent_id, grandparent_id) = (parent.map(|p| p.id()), grandparent.map(|g| g.id()));
        // Leave the subtrees the previous elements were in.
        while let Some((id, _)) = self.ancestors.last() {
            if Some(*id) == parent_id || Some(*id) == grandparent_id {
                break;
            }
            self.pop_bloom();
        }
        let top = self.ancestors.last().map(|(id, _)| *id);
        match parent {
            None => {}
            Some(_) if top == parent_id => {}
            Some(p) if top == grandparent_id && (top.is_some() || self.ancestors.is_empty()) => {
                self.push_bloom(p)
            }
            Some(_) => {
                // Elements out of document order: rebuild the chain.
                while !self.ancestors.is_empty() {
                    self.pop_bloom();
                }
                let mut chain: Vec<ElementRef> =
                    element.ancestors().filter_map(ElementRef::wrap).collect();
                chain.reverse();
                for a in chain {
                    self.push_bloom(a);
                }
            }
        }
    }

    fn push_bloom(&mut self, a: ElementRef) {
        let e = a.value();
        let start = self.ancestor_hashes.len();
        let hashes = &mut self.ancestor_hashes;
        hashes.push(e.name.local.precomputed_hash() & BLOOM_HASH_MASK);
        if let Some(id) = e.id() {
            hashes.push(CssLocalName::from(id).precomputed_hash() & BLOOM_HASH_MASK);
        }
        for class in e.classes() {
            hashes.push(CssLocalName::from(class).precomputed_hash() & BLOOM_HASH_MASK);
        }
        for &h in &hashes[start..] {
            self.bloom.insert_hash(h);
        }
        self.ancestors.push((a.id(), start));
    }

    fn pop_bloom(&mut self) {
        if let Some((_, start)) = self.ancestors.pop() {
            for &h in &self.ancestor_hashes[start..] {
                self.bloom.remove_hash(h);
            }
            self.ancestor_hashes.truncate(start);
        }
    }

    fn collect_candidates(&mut self, element: &ElementRef) {
        self.candidates.clear();
        if !self.bucketing {
            self.candidates.extend(0..self.rules.len() as u32);
            return;
        }
        let e = element.value();
        if let Some(id) = e.id() {
            if let Some(v) = self.by_id.get(id) {
                self.candidates.extend_from_slice(v);
            }
        }
        for class in e.classes() {
            if let Some(v) = self.by_class.get(class) {
                self.candidates.extend_from_slice(v);
            }
        }
        let name = e.name();
        let tag = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.by_tag.get(name.to_ascii_lowercase().as_str())
        } else {
            self.by_tag.get(name)
        };
        if let Some(v) = tag {
            self.candidates.extend_from_slice(v);
        }
        self.candidates.extend_from_slice(&self.universal);
        self.candidates.sort_unstable();
        self.candidates.dedup();
    }

    /// The style of an element no author rule or `style` attribute reaches: inherited and
    /// initial values plus what the UA gives it. The same result as the general path below
    /// (a test compares them), without resolving every property through it: most elements
    /// of a page take this way.
    fn ua_only(&mut self, parent: Option<&ComputedStyle>, ua: &UaStyle) -> ComputedStyle {
        let parent_style = parent.copied().unwrap_or(ComputedStyle::INITIAL);
        let mut s = parent_style.inherit();
        s.display = ua.display;
        if let Some(em) = ua.font_size_em {
            let root_fs = if parent.is_none() {
                self.device.root_font_size
            } else {
                self.root_font_size
            };
            let length = Length {
                em,
                ..Length::default()
            };
            if let Some(px) = length
                .resolve(parent_style.font_size, root_fs, None)
                .filter(|px| *px >= 0.0)
            {
                s.font_size = px;
            }
        }
        if parent.is_none() {
            self.root_font_size = s.font_size;
        }
        if let Some(c) = ua.color {
            s.color = c;
            s.flags.set(StyleFlags::COLOR_UNKNOWN, false);
        }
        if let Some(w) = ua.font_weight {
            s.font_weight = w;
        }
        if ua.nowrap {
            s.flags.set(StyleFlags::NOWRAP, true);
        }
        if ua.underline {
            s.flags.set(StyleFlags::DECORATED, true);
        }
        if let Some(c) = ua.background {
            s.background_color = c;
        }
        // An inherited text-indent far to the left puts the text off-screen, as below.
        s.flags.set(StyleFlags::OFF_SCREEN, s.text_indent <= -999.0);
        s
    }

    /// Turns the shortcut for elements without author styles off (they then take the
    /// general path); for tests that check the shortcut changes nothing.
    #[doc(hidden)]
    pub fn without_shortcuts(mut self) -> Cascade {
        self.shortcuts = false;
        self
    }

    /// Computes one element's style. `parent` is the parent element's computed style
    /// (`None` for the root element), `ua` what the user agent gives the element.
    pub fn compute(
        &mut self,
        element: ElementRef,
        parent: Option<&ComputedStyle>,
        ua: &UaStyle,
    ) -> ComputedStyle {
        let inline = element.value().attr("style");
        self.compute_with_inline(element, parent, ua, inline, &[])
    }

    /// [`Cascade::compute`] with the element's `style` attribute already looked up (the
    /// document model knows cheaply when an element has none), and with `rendered`: the
    /// values a browser computed for the element (a rendered snapshot's), which win over
    /// every declaration of the cascade. They take the place of the value only: which origin
    /// set a property (an `!important` style attribute, say) stays as the page wrote it.
    pub fn compute_with_inline(
        &mut self,
        element: ElementRef,
        parent: Option<&ComputedStyle>,
        ua: &UaStyle,
        inline: Option<&str>,
        rendered: &[Declaration],
    ) -> ComputedStyle {
        // Viewport units shrink with the viewport when the page is zoomed.
        let vps = self.device.viewport_scale();
        // Matching, candidates only.
        let mut matched: Vec<u32> = Vec::new();
        if !self.rules.is_empty() && self.author_rules_apply {
            self.collect_candidates(&element);
            self.sync_bloom(&element);
            let mut context = MatchingContext::new(
                MatchingMode::Normal,
                Some(&self.bloom),
                &mut self.caches,
                QuirksMode::NoQuirks,
                NeedsSelectorFlags::No,
                MatchingForInvalidation::No,
            );
            for &i in &self.candidates {
                let rule = &self.rules[i as usize];
                if matches_selector(
                    &rule.selector,
                    0,
                    Some(&rule.hashes),
                    &element,
                    &mut context,
                ) {
                    matched.push(i);
                }
            }
            matched.sort_by_key(|&i| (self.rules[i as usize].specificity, i));
        }
        let inline = inline.map(parse_declarations).unwrap_or_default();
        if matched.is_empty() && inline.is_empty() && rendered.is_empty() && self.shortcuts {
            return self.ua_only(parent, ua);
        }

        // Winners, in increasing precedence: normal rules, normal inline, important rules,
        // important inline. Later assignments win.
        let mut winners: [Option<(&Value, Origin)>; LONGHANDS] = [None; LONGHANDS];
        let mut portrait: [Option<&Value>; 2] = [None; 2];
        let mut customs: Vec<(&Arc<str>, &Value)> = Vec::new();
        let mut orientation_rotation = false;
        for important in [false, true] {
            for &i in &matched {
                let rule = &self.rules[i as usize];
                for d in rule
                    .declarations
                    .iter()
                    .filter(|d| d.important == important)
                {
                    let rotation = matches!(d.property, PropertyId::Transform | PropertyId::Rotate);
                    let both_orientations = rule.applies && rule.applies_rotated;
                    if rotation && !both_orientations && rotates(&d.parsed) {
                        orientation_rotation = true;
                    }
                    if rotation && rule.applies_rotated {
                        portrait[(d.property == PropertyId::Rotate) as usize] = Some(&d.parsed);
                    }
                    if !rule.applies {
                        continue;
                    }
                    if d.property == PropertyId::Custom {
                        customs.push((&d.name, &d.parsed));
                    } else {
                        winners[d.property as usize] = Some((
                            &d.parsed,
                            Origin {
                                inline: false,
                                important,
                            },
                        ));
                    }
                }
            }
            for d in inline.iter().filter(|d| d.important == important) {
                if d.property == PropertyId::Custom {
                    customs.push((&d.name, &d.parsed));
                } else {
                    if matches!(d.property, PropertyId::Transform | PropertyId::Rotate) {
                        portrait[(d.property == PropertyId::Rotate) as usize] = Some(&d.parsed);
                    }
                    winners[d.property as usize] = Some((
                        &d.parsed,
                        Origin {
                            inline: true,
                            important,
                        },
                    ));
                }
            }
        }

        for d in rendered {
            if d.property == PropertyId::Custom {
                continue;
            }
            let origin = winners[d.property as usize].map_or(
                Origin {
                    inline: false,
                    important: false,
                },
                |(_, origin)| origin,
            );
            winners[d.property as usize] = Some((&d.parsed, origin));
        }

        let parent_style = parent.copied().unwrap_or(ComputedStyle::INITIAL);
        let mut s = parent_style.inherit();

        // Custom properties.
        if !customs.is_empty() {
            let mut map: CustomMap = (*self.customs[parent_style.custom as usize]).clone();
            for (name, value) in customs {
                match value {
                    Value::Custom(v) => {
                        map.insert(name.clone(), v.clone());
                    }
                    Value::Pending(_, v) => {
                        map.insert(name.clone(), v.clone());
                    }
                    Value::Wide(Wide::Initial) => {
                        map.remove(name);
                    }
                    Value::Wide(_) => match self.customs[parent_style.custom as usize].get(name) {
                        Some(v) => {
                            map.insert(name.clone(), v.clone());
                        }
                        None => {
                            map.remove(name);
                        }
                    },
                    _ => {}
                }
            }
            s.custom = self.customs.len() as u32;
            self.customs.push(Arc::new(map));
        }
        let custom_map = self.customs[s.custom as usize].clone();

        let resolve = |id: PropertyId, value| resolve_pending(id, value, &custom_map);
        // The winning value for a property: author, else the UA's.
        let ua_value = |id: PropertyId| -> Option<Value> { ua_value(ua, id) };
        let value_of = |id: PropertyId| -> Option<(Cow<'_, Value>, Option<Origin>)> {
            match winners[id as usize] {
                Some((v, origin)) => {
                    let v = resolve(id, v).unwrap_or(Cow::Owned(Value::Wide(Wide::Unset)));
                    if let Value::Wide(Wide::Revert) = &*v {
                        return ua_value(id).map(|u| (Cow::Owned(u), None));
                    }
                    Some((v, Some(origin)))
                }
                None => ua_value(id).map(|u| (Cow::Owned(u), None)),
            }
        };

        let is_root = parent.is_none();
        let root_fs = if is_root {
            self.device.root_font_size
        } else {
            self.root_font_size
        };

        // font-size first: other lengths depend on it.
        if let Some((v, _)) = value_of(PropertyId::FontSize) {
            match &*v {
                Value::FontSize(FontSizeSpec::Length(l)) => {
                    if let Some(px) = l
                        .resolve_at(parent_style.font_size, root_fs, None, vps)
                        .filter(|px| *px >= 0.0)
                    {
                        s.font_size = px;
                    }
                }
                Value::FontSize(FontSizeSpec::Factor(k)) => {
                    s.font_size = parent_style.font_size * k
                }
                Value::Wide(Wide::Initial) => s.font_size = self.device.root_font_size,
                _ => {}
            }
        }
        if is_root {
            self.root_font_size = s.font_size;
        }
        let fs = s.font_size;
        let rem = if is_root {
            s.font_size
        } else {
            self.root_font_size
        };
        let px_of = |v: &Value, pct_basis: Option<f32>| -> Option<f32> {
            match v {
                Value::Length(l) => l.resolve_at(fs, rem, pct_basis, vps),
                _ => None,
            }
        };

        for id in [
            PropertyId::Display,
            PropertyId::Visibility,
            PropertyId::ContentVisibility,
            PropertyId::Opacity,
            PropertyId::Color,
            PropertyId::FontWeight,
            PropertyId::FontFamily,
            PropertyId::LineHeight,
            PropertyId::LetterSpacing,
            PropertyId::WordSpacing,
            PropertyId::TextIndent,
            PropertyId::TextShadow,
            PropertyId::TextStrokeWidth,
            PropertyId::TextStrokeColor,
            PropertyId::WhiteSpace,
            PropertyId::Position,
            PropertyId::OverflowX,
            PropertyId::OverflowY,
            PropertyId::TextOverflow,
            PropertyId::TextDecorationLine,
            PropertyId::BorderBottomStyle,
            PropertyId::BoxShadow,
        ] {
            let Some((v, origin)) = value_of(id) else {
                if id == PropertyId::Display {
                    s.display = ua.display;
                }
                continue;
            };
            if let Value::Wide(w) = &*v {
                let from = match w {
                    Wide::Inherit => Some(&parent_style),
                    Wide::Initial => Some(&ComputedStyle::INITIAL),
                    Wide::Unset | Wide::Revert if id.inherited() => None,
                    Wide::Unset | Wide::Revert => Some(&ComputedStyle::INITIAL),
                };
                if let Some(from) = from {
                    copy_property(&mut s, from, id);
                }
                if *w == Wide::Initial {
                    mark_important_inline(&mut s, id, origin);
                }
                continue;
            }
            match (id, &*v) {
                (PropertyId::Display, Value::Display(d)) => s.display = *d,
                (PropertyId::Visibility, Value::Visibility(x)) => s.visibility = *x,
                (PropertyId::ContentVisibility, Value::Flag(hidden)) => {
                    s.flags.set(StyleFlags::CONTENT_HIDDEN, *hidden)
                }
                (PropertyId::Opacity, Value::Number(n)) => s.opacity = *n,
                (PropertyId::Color, Value::Color(ColorValue::Rgba(c))) => {
                    s.color = *c;
                    s.flags.set(StyleFlags::COLOR_UNKNOWN, false);
                }
                (PropertyId::Color, Value::Color(ColorValue::CurrentColor)) => {
                    s.color = parent_style.color;
                }
                (PropertyId::Color, Value::UnknownColor) => {
                    s.flags.set(StyleFlags::COLOR_UNKNOWN, true)
                }
                (PropertyId::FontWeight, Value::FontWeight(w)) => {
                    s.font_weight = match w {
                        FontWeightSpec::Absolute(n) => *n,
                        FontWeightSpec::Bolder => bolder(parent_style.font_weight),
                        FontWeightSpec::Lighter => lighter(parent_style.font_weight),
                    }
                }
                (PropertyId::FontFamily, Value::Flag(icon)) => {
                    s.flags.set(StyleFlags::ICON_FONT, *icon)
                }
                (PropertyId::LineHeight, Value::LineHeight(l)) => {
                    s.line_height = match l {
                        LineHeightSpec::Normal => LineHeight::Normal,
                        LineHeightSpec::Number(n) => LineHeight::Number(*n),
                        LineHeightSpec::Length(l) => match l.resolve_at(fs, rem, None, vps) {
                            Some(px) => LineHeight::Px(px),
                            None => continue,
                        },
                    };
                    mark_important_inline(&mut s, id, origin);
                }
                (PropertyId::LetterSpacing, v) => {
                    s.letter_spacing = px_of(v, None).unwrap_or(f32::NAN);
                    mark_important_inline(&mut s, id, origin);
                }
                (PropertyId::WordSpacing, v) => {
                    s.word_spacing = px_of(v, None).unwrap_or(f32::NAN);
                    mark_important_inline(&mut s, id, origin);
                }
                (PropertyId::TextIndent, v) => s.text_indent = px_of(v, None).unwrap_or(0.0),
                (PropertyId::TextShadow, Value::TextShadow(spec)) => {
                    s.flags
                        .set(StyleFlags::TEXT_SHADOW, *spec == TextShadowSpec::Complex);
                    s.text_halo = match spec {
                        TextShadowSpec::Halo(c) => Some(*c),
                        _ => None,
                    };
                    s.shadow_outline = match spec {
                        TextShadowSpec::Outline(c) => Some(*c),
                        _ => None,
                    };
                }
                (PropertyId::TextStrokeWidth, v) => {
                    s.stroke_width = px_of(v, None).unwrap_or(0.0);
                }
                (PropertyId::TextStrokeColor, Value::Color(ColorValue::Rgba(c))) => {
                    s.stroke_color = Some(*c);
                }
                (PropertyId::TextStrokeColor, _) => s.stroke_color = None,
                (PropertyId::WhiteSpace, Value::Flag(wraps)) => {
                    s.flags.set(StyleFlags::NOWRAP, !*wraps)
                }
                (PropertyId::Position, Value::Position(p)) => s.position = *p,
                (PropertyId::OverflowX, Value::Overflow(o)) => s.overflow_x = *o,
                (PropertyId::OverflowY, Value::Overflow(o)) => s.overflow_y = *o,
                (PropertyId::TextOverflow, Value::Flag(clip)) => {
                    s.flags.set(StyleFlags::TEXT_OVERFLOW_MARKED, !*clip)
                }
                (PropertyId::TextDecorationLine, Value::Flag(line)) => {
                    s.flags.set(StyleFlags::DECORATED, *line)
                }
                (PropertyId::BorderBottomStyle, Value::Flag(drawn)) => {
                    s.flags.set(StyleFlags::BORDER_BOTTOM, *drawn)
                }
                (PropertyId::BoxShadow, Value::Flag(shadow)) => {
                    s.flags.set(StyleFlags::BOX_SHADOW, *shadow)
                }
                _ => {}
            }
        }

        // Backgrounds (after colour, for `currentcolor`).
        if let Some((v, _)) = value_of(PropertyId::BackgroundColor) {
            match &*v {
                Value::Color(ColorValue::Rgba(c)) => s.background_color = *c,
                Value::Color(ColorValue::CurrentColor) => s.background_color = s.color,
                Value::UnknownColor => s.flags.set(StyleFlags::BACKGROUND_UNKNOWN, true),
                Value::Wide(Wide::Inherit) => {
                    s.background_color = parent_style.background_color;
                    s.flags.set(
                        StyleFlags::BACKGROUND_UNKNOWN,
                        !parent_style.background_known(),
                    );
                }
                _ => {}
            }
        }
        if let Some((v, _)) = value_of(PropertyId::BackgroundImage) {
            s.background_image = match &*v {
                Value::Image(ImageSpec::None) => BackgroundImage::None,
                Value::Image(ImageSpec::Opaque) => BackgroundImage::Opaque,
                Value::Image(ImageSpec::Gradient(stops)) => {
                    let resolved: Box<[Rgba]> = stops
                        .iter()
                        .map(|c| match c {
                            ColorValue::Rgba(c) => *c,
                            ColorValue::CurrentColor => s.color,
                        })
                        .collect();
                    self.gradients.push(resolved);
                    BackgroundImage::Gradient(self.gradients.len() as u32 - 1)
                }
                Value::Wide(Wide::Inherit) => match parent_style.background_image {
                    BackgroundImage::None => BackgroundImage::None,
                    other => other,
                },
                _ => BackgroundImage::None,
            };
        }

        // Geometry, kept only as derived facts.
        let length = |id: PropertyId, pct_basis: Option<f32>| -> Option<Option<f32>> {
            let (v, _) = value_of(id)?;
            match &*v {
                Value::Length(l) => Some(l.resolve_at(fs, rem, pct_basis, vps)),
                Value::UnknownLength => Some(None),
                _ => None,
            }
        };
        let left = length(PropertyId::Left, None).flatten();
        let top = length(PropertyId::Top, None).flatten();
        let width = length(PropertyId::Width, None);
        let height = length(PropertyId::Height, None);
        let max_width = length(PropertyId::MaxWidth, None);
        if matches!(width, Some(None))
            || matches!(height, Some(None))
            || matches!(max_width, Some(None))
        {
            s.flags.set(StyleFlags::LENGTH_UNKNOWN, true);
        }
        let (width, height, max_width) = (width.flatten(), height.flatten(), max_width.flatten());
        s.height = height.unwrap_or(f32::INFINITY);
        s.max_line_width = match (width, max_width) {
            (Some(w), Some(m)) => w.min(m),
            (Some(w), None) | (None, Some(w)) => w,
            (None, None) => f32::INFINITY,
        };
        let positioned = matches!(
            s.position,
            Position::Absolute | Position::Fixed | Position::Relative
        );
        let far = |offset: Option<f32>, size: Option<f32>| match (offset, size) {
            (Some(o), Some(size)) => o + size <= 0.0 && o < 0.0,
            (Some(o), None) => o <= -999.0,
            _ => false,
        };
        let off_screen =
            (positioned && (far(left, width) || far(top, height))) || s.text_indent <= -999.0;
        s.flags.set(StyleFlags::OFF_SCREEN, off_screen);
        let mut clipped = false;
        if let Some((v, _)) = value_of(PropertyId::Clip) {
            clipped |= matches!(s.position, Position::Absolute | Position::Fixed)
                && *v == Value::Flag(true);
        }
        if let Some((v, _)) = value_of(PropertyId::ClipPath) {
            clipped |= *v == Value::Flag(true);
        }
        clipped |= s.overflow_x == Overflow::Hidden && width.is_some_and(|w| w <= 1.0);
        clipped |= s.overflow_y == Overflow::Hidden && height.is_some_and(|h| h <= 1.0);
        s.flags.set(StyleFlags::CLIPPED, clipped);

        // Rotation, for both orientations.
        let rotation_of = |v: Option<Cow<'_, Value>>| -> Option<f32> {
            match v.as_deref() {
                Some(Value::Rotation(r)) => *r,
                _ => None,
            }
        };
        let landscape_t = rotation_of(value_of(PropertyId::Transform).map(|(v, _)| v));
        let landscape_r = rotation_of(value_of(PropertyId::Rotate).map(|(v, _)| v));
        let portrait_t = rotation_of(portrait[0].and_then(|v| resolve(PropertyId::Transform, v)));
        let portrait_r = rotation_of(portrait[1].and_then(|v| resolve(PropertyId::Rotate, v)));
        s.rotation = landscape_t.unwrap_or(0.0) + landscape_r.unwrap_or(0.0);
        s.portrait_rotation = portrait_t.unwrap_or(0.0) + portrait_r.unwrap_or(0.0);
        let rotated = landscape_t
            .or(landscape_r)
            .or(portrait_t)
            .or(portrait_r)
            .is_some();
        s.flags.set(StyleFlags::ROTATED, rotated);
        s.flags
            .set(StyleFlags::ORIENTATION_ROTATION, orientation_rotation);
        let viewport_sized = [
            PropertyId::Height,
            PropertyId::Width,
            PropertyId::MaxWidth,
            PropertyId::FontSize,
            PropertyId::LineHeight,
        ]
        .iter()
        .any(|&id| match winners[id as usize].map(|(v, _)| v) {
            Some(Value::Length(l))
            | Some(Value::FontSize(FontSizeSpec::Length(l)))
            | Some(Value::LineHeight(LineHeightSpec::Length(l))) => l.vp != 0.0,
            _ => false,
        });
        let one_screen_only = matched.iter().any(|&i| {
            let rule = &self.rules[i as usize];
            (rule.applies && !rule.applies_zoomed) || rule.zoomed_only
        });
        s.flags
            .set(StyleFlags::ZOOM_DIFFERS, viewport_sized || one_screen_only);
        let zoomed_overflow = matched.iter().any(|&i| {
            let rule = &self.rules[i as usize];
            rule.zoomed_only && rule.declares_overflow
        });
        s.flags
            .set(StyleFlags::ZOOMED_OVERFLOW_RULE, zoomed_overflow);
        s
    }
}

/// Parses a `var()` value after substitution; other values pass through.
fn resolve_pending<'v>(
    id: PropertyId,
    value: &'v Value,
    vars: &CustomMap,
) -> Option<Cow<'v, Value>> {
    match value {
        Value::Pending(shorthand, text) => {
            let parsed = substitute(text, vars, 0).and_then(|substituted| match shorthand {
                Some(sh) => longhand_of_shorthand(*sh, id, &substituted),
                None => parse_longhand(id, &substituted),
            });
            // Invalid at computed-value time: as `unset`.
            Some(Cow::Owned(parsed.unwrap_or(Value::Wide(Wide::Unset))))
        }
        v => Some(Cow::Borrowed(v)),
    }
}

fn rotates(value: &Value) -> bool {
    matches!(value, Value::Rotation(Some(_)) | Value::Pending(..))
}

fn mark_important_inline(s: &mut ComputedStyle, id: PropertyId, origin: Option<Origin>) {
    let bit = match id {
        PropertyId::LetterSpacing => StyleFlags::IMPORTANT_INLINE_LETTER,
        PropertyId::WordSpacing => StyleFlags::IMPORTANT_INLINE_WORD,
        PropertyId::LineHeight => StyleFlags::IMPORTANT_INLINE_LINE,
        _ => return,
    };
    s.flags.set(
        bit,
        origin
            == Some(Origin {
                inline: true,
                important: true,
            }),
    );
}

/// Copies one property's computed value (for `inherit` and `initial`).
fn copy_property(dst: &mut ComputedStyle, src: &ComputedStyle, id: PropertyId) {
    use PropertyId::*;
    let flag = |dst: &mut ComputedStyle, bit: u32| dst.flags.set(bit, src.flags.has(bit));
    match id {
        Display => dst.display = src.display,
        Visibility => dst.visibility = src.visibility,
        ContentVisibility => flag(dst, StyleFlags::CONTENT_HIDDEN),
        Opacity => dst.opacity = src.opacity,
        Color => {
            dst.color = src.color;
            flag(dst, StyleFlags::COLOR_UNKNOWN);
        }
        FontWeight => dst.font_weight = src.font_weight,
        FontFamily => flag(dst, StyleFlags::ICON_FONT),
        LineHeight => dst.line_height = src.line_height,
        LetterSpacing => dst.letter_spacing = src.letter_spacing,
        WordSpacing => dst.word_spacing = src.word_spacing,
        TextIndent => dst.text_indent = src.text_indent,
        TextShadow => {
            flag(dst, StyleFlags::TEXT_SHADOW);
            dst.text_halo = src.text_halo;
            dst.shadow_outline = src.shadow_outline;
        }
        TextStrokeWidth => dst.stroke_width = src.stroke_width,
        TextStrokeColor => dst.stroke_color = src.stroke_color,
        WhiteSpace => flag(dst, StyleFlags::NOWRAP),
        Position => dst.position = src.position,
        OverflowX => dst.overflow_x = src.overflow_x,
        OverflowY => dst.overflow_y = src.overflow_y,
        TextOverflow => flag(dst, StyleFlags::TEXT_OVERFLOW_MARKED),
        TextDecorationLine => flag(dst, StyleFlags::DECORATED),
        BorderBottomStyle => flag(dst, StyleFlags::BORDER_BOTTOM),
        BoxShadow => flag(dst, StyleFlags::BOX_SHADOW),
        _ => {}
    }
}

/// The UA's declared value for a property, if it declares one for this element.
fn ua_value(ua: &UaStyle, id: PropertyId) -> Option<Value> {
    match id {
        PropertyId::Display => Some(Value::Display(ua.display)),
        PropertyId::Color => ua.color.map(|c| Value::Color(ColorValue::Rgba(c))),
        PropertyId::BackgroundColor => ua.background.map(|c| Value::Color(ColorValue::Rgba(c))),
        PropertyId::FontSize => ua.font_size_em.map(|em| {
            Value::FontSize(FontSizeSpec::Length(Length {
                em,
                ..Length::default()
            }))
        }),
        PropertyId::FontWeight => ua
            .font_weight
            .map(|w| Value::FontWeight(FontWeightSpec::Absolute(w))),
        PropertyId::WhiteSpace => ua.nowrap.then_some(Value::Flag(false)),
        PropertyId::TextDecorationLine => ua.underline.then_some(Value::Flag(true)),
        _ => None,
    }
}

/// CSS Fonts 4 relative weights.
fn bolder(parent: u16) -> u16 {
    match parent {
        0..350 => 400,
        350..550 => 700,
        550..900 => 900,
        w => w,
    }
}

fn lighter(parent: u16) -> u16 {
    match parent {
        0..100 => parent,
        100..550 => 100,
        550..750 => 400,
        _ => 700,
    }
}

/// Substitutes `var(--name[, fallback])` references. `None`: a reference with neither a
/// value nor a fallback (invalid at computed-value time), or nesting too deep.
fn substitute(text: &str, vars: &CustomMap, depth: u32) -> Option<String> {
    if depth > 16 {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let Some(start) = lower.find("var(") else {
        return Some(text.to_string());
    };
    let bytes = text.as_bytes();
    let open = start + 4;
    let (mut level, mut comma, mut close) = (1, None, None);
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'(' => level += 1,
            b')' => {
                level -= 1;
                if level == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if level == 1 && comma.is_none() => comma = Some(i),
            _ => {}
        }
    }
    let close = close.unwrap_or(text.len());
    let name = text[open..comma.unwrap_or(close)].trim();
    let replacement = match vars.get(name) {
        Some(v) => substitute(v, vars, depth + 1)?,
        None => {
            let fallback = comma.map(|c| &text[c + 1..close])?;
            substitute(fallback.trim(), vars, depth + 1)?
        }
    };
    let rest = if close < text.len() {
        &text[close + 1..]
    } else {
        ""
    };
    let tail = substitute(rest, vars, depth + 1)?;
    Some(format!("{}{}{}", &text[..start], replacement, tail))
}

enum Bucket {
    Id(String),
    Class(String),
    Tag(String),
    Universal,
}

/// The most selective key of a selector's rightmost compound: id, else class, else tag.
fn bucket_key(selector: &Selector<scraper::selector::Simple>) -> Bucket {
    let (mut class, mut tag) = (None, None);
    for component in selector.iter() {
        match component {
            Component::ID(id) => return Bucket::Id(id.0.to_string()),
            Component::Class(c) if class.is_none() => class = Some(c.0.to_string()),
            Component::LocalName(l) if tag.is_none() => tag = Some(l.lower_name.0.to_string()),
            _ => {}
        }
    }
    match (class, tag) {
        (Some(c), _) => Bucket::Class(c),
        (None, Some(t)) => Bucket::Tag(t),
        _ => Bucket::Universal,
    }
}

#[cfg(test)]
mod tests;
