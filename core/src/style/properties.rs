//! The CSS properties the engine computes, and their parsed (specified) values.
//!
//! Values are parsed once, when a style sheet or `style` attribute is parsed; the cascade
//! then only resolves relative units and keywords against the parent's computed style.
//! Values that use `var()` are kept as text and parsed after substitution.

use std::sync::Arc;

use cssparser::{Parser, Token};

use super::color::{parse_color_from, ColorValue, Rgba};
use super::media::{VIEWPORT_HEIGHT, VIEWPORT_WIDTH};

/// A property the cascade keeps. Declarations of any other property are dropped at parse
/// time; shorthands (`background`, `font`, `overflow`, `inset`) are expanded into these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PropertyId {
    /// `display`
    Display,
    /// `visibility` (inherited)
    Visibility,
    /// `content-visibility`
    ContentVisibility,
    /// `opacity`
    Opacity,
    /// `color` (inherited)
    Color,
    /// `background-color`
    BackgroundColor,
    /// `background-image`
    BackgroundImage,
    /// `font-size` (inherited)
    FontSize,
    /// `font-weight` (inherited)
    FontWeight,
    /// `font-family` (inherited; only "is it an icon font" is kept)
    FontFamily,
    /// `line-height` (inherited)
    LineHeight,
    /// `letter-spacing` (inherited)
    LetterSpacing,
    /// `word-spacing` (inherited)
    WordSpacing,
    /// `text-indent` (inherited)
    TextIndent,
    /// `text-shadow` (inherited; only what it does to the text's colours is kept)
    TextShadow,
    /// `-webkit-text-stroke-width` (inherited)
    TextStrokeWidth,
    /// `-webkit-text-stroke-color` (inherited)
    TextStrokeColor,
    /// `white-space` / `text-wrap-mode` (inherited; only "can lines wrap" is kept)
    WhiteSpace,
    /// `position`
    Position,
    /// `left`
    Left,
    /// `top`
    Top,
    /// `width`
    Width,
    /// `height`
    Height,
    /// `max-width`
    MaxWidth,
    /// `clip`
    Clip,
    /// `clip-path`
    ClipPath,
    /// `transform` (only its rotation is kept)
    Transform,
    /// `rotate`
    Rotate,
    /// `overflow-x`
    OverflowX,
    /// `overflow-y`
    OverflowY,
    /// `text-overflow` (only "is it `clip`" is kept)
    TextOverflow,
    /// `text-decoration-line`, also set by the `text-decoration` shorthand (only "does it
    /// draw a line" is kept)
    TextDecorationLine,
    /// `border-bottom-style`, also set by the `border`, `border-bottom` and `border-style`
    /// shorthands (only "is a bottom border drawn" is kept)
    BorderBottomStyle,
    /// `box-shadow` (only "is there one" is kept)
    BoxShadow,
    /// A custom property (`--name`).
    Custom,
}

/// The CSS properties the engine computes, by their standard names, in [`PropertyId`]
/// order: what a rendered snapshot should carry from `getComputedStyle` for each element.
pub const COMPUTED_PROPERTIES: [&str; LONGHANDS] = [
    "display",
    "visibility",
    "content-visibility",
    "opacity",
    "color",
    "background-color",
    "background-image",
    "font-size",
    "font-weight",
    "font-family",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-indent",
    "text-shadow",
    "-webkit-text-stroke-width",
    "-webkit-text-stroke-color",
    "white-space",
    "position",
    "left",
    "top",
    "width",
    "height",
    "max-width",
    "clip",
    "clip-path",
    "transform",
    "rotate",
    "overflow-x",
    "overflow-y",
    "text-overflow",
    "text-decoration-line",
    "border-bottom-style",
    "box-shadow",
];

/// Number of longhand properties (all but [`PropertyId::Custom`]).
pub(crate) const LONGHANDS: usize = PropertyId::Custom as usize;

impl PropertyId {
    /// Looks up a longhand property by its (case-insensitive) name.
    ///
    /// ```
    /// use frontdesk_core::style::PropertyId;
    /// assert_eq!(PropertyId::from_name("Letter-Spacing"), Some(PropertyId::LetterSpacing));
    /// assert_eq!(PropertyId::from_name("background"), None); // a shorthand
    /// ```
    pub fn from_name(name: &str) -> Option<PropertyId> {
        use PropertyId::*;
        let id = match name.to_ascii_lowercase().as_str() {
            "display" => Display,
            "visibility" => Visibility,
            "content-visibility" => ContentVisibility,
            "opacity" => Opacity,
            "color" => Color,
            "background-color" => BackgroundColor,
            "background-image" => BackgroundImage,
            "font-size" => FontSize,
            "font-weight" => FontWeight,
            "font-family" => FontFamily,
            "line-height" => LineHeight,
            "letter-spacing" => LetterSpacing,
            "word-spacing" => WordSpacing,
            "text-indent" => TextIndent,
            "text-shadow" => TextShadow,
            "-webkit-text-stroke-width" => TextStrokeWidth,
            "-webkit-text-stroke-color" => TextStrokeColor,
            "white-space" | "text-wrap-mode" | "text-wrap" => WhiteSpace,
            "position" => Position,
            "left" | "inset-inline-start" => Left,
            "top" | "inset-block-start" => Top,
            "width" | "inline-size" => Width,
            "height" | "block-size" => Height,
            "max-width" | "max-inline-size" => MaxWidth,
            "clip" => Clip,
            "clip-path" => ClipPath,
            "transform" => Transform,
            "rotate" => Rotate,
            "overflow-x" | "overflow-inline" => OverflowX,
            "overflow-y" | "overflow-block" => OverflowY,
            "text-overflow" => TextOverflow,
            // The shorthands set the line (or the bottom border's style) with the rest; the
            // cascade then picks the winning declaration of any of these names.
            "text-decoration-line" | "text-decoration" | "-webkit-text-decoration-line" => {
                TextDecorationLine
            }
            "border-bottom-style"
            | "border-bottom"
            | "border"
            | "border-style"
            | "border-block-end"
            | "border-block-end-style" => BorderBottomStyle,
            "box-shadow" => BoxShadow,
            _ => return None,
        };
        Some(id)
    }

    /// Whether the property inherits by default.
    ///
    /// ```
    /// use frontdesk_core::style::PropertyId;
    /// assert!(PropertyId::Color.inherited());
    /// assert!(!PropertyId::BackgroundColor.inherited());
    /// ```
    pub fn inherited(self) -> bool {
        use PropertyId::*;
        matches!(
            self,
            Visibility
                | Color
                | FontSize
                | FontWeight
                | FontFamily
                | LineHeight
                | LetterSpacing
                | WordSpacing
                | TextIndent
                | TextShadow
                | TextStrokeWidth
                | TextStrokeColor
                | WhiteSpace
                | Custom
        )
    }
}

/// Shorthands the parser expands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shorthand {
    Background,
    Font,
    Overflow,
    Inset,
    TextStroke,
}

impl Shorthand {
    pub(crate) fn from_name(name: &str) -> Option<Shorthand> {
        Some(match name.to_ascii_lowercase().as_str() {
            "background" => Shorthand::Background,
            "font" => Shorthand::Font,
            "overflow" => Shorthand::Overflow,
            "inset" => Shorthand::Inset,
            "-webkit-text-stroke" => Shorthand::TextStroke,
            _ => return None,
        })
    }

    pub(crate) fn longhands(self) -> &'static [PropertyId] {
        use PropertyId::*;
        match self {
            Shorthand::Background => &[BackgroundColor, BackgroundImage],
            Shorthand::Font => &[FontSize, FontWeight, LineHeight, FontFamily],
            Shorthand::Overflow => &[OverflowX, OverflowY],
            Shorthand::Inset => &[Top, Left],
            Shorthand::TextStroke => &[TextStrokeWidth, TextStrokeColor],
        }
    }
}

/// Computed `display`, reduced to what accessibility depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// `none`: the element and its subtree are not rendered.
    None,
    /// `inline`, `inline-block`, `inline-flex`, …: no line break around the element's text.
    Inline,
    /// `block`, `flex`, `grid`, `list-item`, `table*`, …
    Block,
    /// `contents`: the element's box is replaced by its children's.
    Contents,
}

impl Display {
    pub(crate) fn parse(value: &str) -> Option<Display> {
        let v = value.trim().to_ascii_lowercase();
        let first = v.split_ascii_whitespace().next()?;
        Some(match first {
            "none" => Display::None,
            "contents" => Display::Contents,
            "inline" | "inline-block" | "inline-flex" | "inline-grid" | "inline-table" | "ruby" => {
                Display::Inline
            }
            "block" | "flex" | "grid" | "list-item" | "table" | "table-row" | "table-cell"
            | "table-row-group" | "table-header-group" | "table-footer-group" | "table-caption"
            | "table-column" | "table-column-group" | "flow-root" | "flow" => Display::Block,
            _ => return None,
        })
    }
}

/// Computed `visibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// `visible`
    Visible,
    /// `hidden`
    Hidden,
    /// `collapse` (hidden for everything but table parts' layout)
    Collapse,
}

impl Visibility {
    pub(crate) fn parse(value: &str) -> Option<Visibility> {
        Some(match value.trim().to_ascii_lowercase().as_str() {
            "visible" => Visibility::Visible,
            "hidden" => Visibility::Hidden,
            "collapse" => Visibility::Collapse,
            _ => return None,
        })
    }
}

/// Computed `position`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// `static`
    Static,
    /// `relative`
    Relative,
    /// `absolute`
    Absolute,
    /// `fixed`
    Fixed,
    /// `sticky`
    Sticky,
}

/// Computed `overflow-x` / `overflow-y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// `visible`
    Visible,
    /// `hidden` or `clip`
    Hidden,
    /// `scroll` or `auto`
    Scroll,
}

/// Computed `line-height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineHeight {
    /// `normal` (about 1.2 times the font size in common fonts).
    Normal,
    /// A unitless factor, inherited as a factor.
    Number(f32),
    /// An absolute length in px (lengths and percentages compute to this).
    Px(f32),
}

impl LineHeight {
    /// The used line height in px for a font size (`normal` taken as 1.2).
    ///
    /// ```
    /// use frontdesk_core::style::LineHeight;
    /// assert_eq!(LineHeight::Number(1.5).px(20.0), 30.0);
    /// assert_eq!(LineHeight::Px(18.0).px(20.0), 18.0);
    /// ```
    pub fn px(self, font_size: f32) -> f32 {
        match self {
            LineHeight::Normal => 1.2 * font_size,
            LineHeight::Number(n) => n * font_size,
            LineHeight::Px(px) => px,
        }
    }
}

/// CSS-wide keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wide {
    Inherit,
    Initial,
    Unset,
    Revert,
}

/// A length as a linear combination of units (what `calc()` sums reduce to). Viewport
/// units are folded into `px` for the landscape reference screen; `vp` is the part of `px`
/// that came from them, so the length can be resolved for the zoomed screen too.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Length {
    pub px: f32,
    pub em: f32,
    pub rem: f32,
    pub pct: f32,
    pub vp: f32,
}

impl Length {
    fn px(px: f32) -> Length {
        Length {
            px,
            ..Length::default()
        }
    }
    fn scale(self, k: f32) -> Length {
        Length {
            px: self.px * k,
            em: self.em * k,
            rem: self.rem * k,
            pct: self.pct * k,
            vp: self.vp * k,
        }
    }
    fn add(self, o: Length) -> Length {
        Length {
            px: self.px + o.px,
            em: self.em + o.em,
            rem: self.rem + o.rem,
            pct: self.pct + o.pct,
            vp: self.vp + o.vp,
        }
    }
    fn is_pure_px(&self) -> bool {
        self.em == 0.0 && self.rem == 0.0 && self.pct == 0.0
    }
    /// Resolves to px on a screen whose viewport is `viewport_scale` times the reference
    /// screen's (0.5 at 200% zoom).
    pub(crate) fn resolve_at(
        &self,
        em: f32,
        rem: f32,
        pct_basis: Option<f32>,
        viewport_scale: f32,
    ) -> Option<f32> {
        let px = self.resolve(em, rem, pct_basis)?;
        Some(px - self.vp * (1.0 - viewport_scale))
    }

    /// Resolves to px; `pct_basis` `None` means percentages are unknown.
    pub(crate) fn resolve(&self, em: f32, rem: f32, pct_basis: Option<f32>) -> Option<f32> {
        let pct = if self.pct == 0.0 {
            0.0
        } else {
            self.pct / 100.0 * pct_basis?
        };
        Some(self.px + self.em * em + self.rem * rem + pct)
    }
}

/// A `font-size` specified value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FontSizeSpec {
    /// Relative to the parent's font size (em, %, calc).
    Length(Length),
    /// `larger`/`smaller`: a factor of the parent's size.
    Factor(f32),
}

/// A `font-weight` specified value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FontWeightSpec {
    Absolute(u16),
    Bolder,
    Lighter,
}

/// A `line-height` specified value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum LineHeightSpec {
    Normal,
    Number(f32),
    Length(Length),
}

/// A `background-image` specified value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ImageSpec {
    None,
    /// A URL, `image-set()`, or anything whose colours are unknown.
    Opaque,
    /// A single gradient layer with these colour stops.
    Gradient(Arc<[ColorValue]>),
}

/// A parsed specified value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Wide(Wide),
    /// Uses `var()`: parsed after substitution. For a shorthand's longhand, the shorthand.
    Pending(Option<Shorthand>, Arc<str>),
    Display(Display),
    Visibility(Visibility),
    Position(Position),
    Overflow(Overflow),
    /// Booleans: content-visibility hidden, clip/clip-path hides, text-shadow present,
    /// icon font, white-space wraps.
    Flag(bool),
    Number(f32),
    Color(ColorValue),
    /// A colour the engine cannot compute (`color-mix()`, exotic colour spaces).
    UnknownColor,
    Image(ImageSpec),
    Length(Length),
    /// `auto` / `none` for lengths.
    Auto,
    /// A length the engine cannot compute (e.g. `min()` of mixed units).
    UnknownLength,
    FontSize(FontSizeSpec),
    FontWeight(FontWeightSpec),
    LineHeight(LineHeightSpec),
    /// What `text-shadow` does to the text's background.
    TextShadow(TextShadowSpec),
    /// Rotation in degrees, `None` when the transform has no rotating function.
    Rotation(Option<f32>),
    /// The value of a custom property, as written.
    Custom(Arc<str>),
}

/// `<line-width>` of `-webkit-text-stroke-width`: a length or `thin`/`medium`/`thick`
/// (1px, 3px, 5px, as browsers draw them).
fn parse_stroke_width(p: &mut Parser) -> Option<Value> {
    if let Ok(l) = p.try_parse(|p| parse_length(p).ok_or(())) {
        return (l.pct == 0.0).then_some(Value::Length(l));
    }
    let px = match ident(p)?.as_str() {
        "thin" => 1.0,
        "medium" => 3.0,
        "thick" => 5.0,
        _ => return None,
    };
    Some(Value::Length(Length {
        px,
        ..Length::default()
    }))
}

/// `text-shadow`, as far as contrast goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TextShadowSpec {
    /// `none`, or shadows in the text's own colour (`currentcolor`), which only thicken it.
    None,
    /// Shadows of one colour that surround the glyphs: each is blurred at least as far as it
    /// is offset (`0 0 3px white`, or the same shadow to all four sides). What the letters
    /// are read against is then that colour, not the background (ACT afw4f7).
    Halo(Rgba),
    /// Unblurred (or barely blurred) shadows of one colour, offset at most
    /// [`MAX_OUTLINE_OFFSET_PX`], that reach out on all four sides: an outline drawn around
    /// the glyphs (`-1px -1px 0 #000, 1px -1px 0 #000, -1px 1px 0 #000, 1px 1px 0 #000`).
    /// WCAG's Understanding 1.4.3 counts a narrow border as part of the letter.
    Outline(Rgba),
    /// Anything else (a hard drop shadow on one side, several colours, a blur so wide the
    /// shadow is a faint glow): the colours around the letters cannot be told statically.
    Complex,
}

/// The widest blur still taken as a halo: wider, the shadow spreads so thin around a
/// letter's strokes (about 1.5px wide at 16px) that its colour no longer surrounds them.
const MAX_HALO_BLUR_PX: f32 = 6.0;
/// The farthest offset of a shadow still taken as part of an outline.
const MAX_OUTLINE_OFFSET_PX: f32 = 3.0;

/// Parses a `text-shadow` list into a [`TextShadowSpec`].
fn parse_text_shadow(p: &mut Parser) -> TextShadowSpec {
    // Offsets and blur compared in px, with em taken as 16px.
    let magnitude = |l: &Length| (l.px + 16.0 * (l.em + l.rem)).abs();
    let signed = |l: &Length| l.px + 16.0 * (l.em + l.rem);
    // The one colour of all shadows (`None` inside: the text's own colour).
    let mut colour: Option<Option<Rgba>> = None;
    let mut all_halos = true;
    // Sides (left, right, up, down) the outline shadows reach out to.
    let mut sides = [false; 4];
    loop {
        let mut lengths = Vec::new();
        let mut color = None;
        loop {
            if let Ok(l) = p.try_parse(|p| parse_length(p).ok_or(())) {
                lengths.push(l);
            } else if let (None, Ok(c)) = (color, p.try_parse(|p| parse_color_from(p).ok_or(()))) {
                color = Some(c);
            } else {
                break;
            }
        }
        if !(2..=3).contains(&lengths.len()) || lengths.iter().any(|l| l.pct != 0.0) {
            return TextShadowSpec::Complex;
        }
        let (x, y) = (magnitude(&lengths[0]), magnitude(&lengths[1]));
        let blur = lengths.get(2).map_or(0.0, magnitude);
        if blur > MAX_HALO_BLUR_PX {
            return TextShadowSpec::Complex;
        }
        let halo = blur > 0.0 && x <= blur && y <= blur;
        if !halo {
            if x.max(y) > MAX_OUTLINE_OFFSET_PX {
                return TextShadowSpec::Complex;
            }
            all_halos = false;
            let (sx, sy) = (signed(&lengths[0]), signed(&lengths[1]));
            sides[0] |= sx < 0.0;
            sides[1] |= sx > 0.0;
            sides[2] |= sy < 0.0;
            sides[3] |= sy > 0.0;
        }
        let color = match color {
            None | Some(ColorValue::CurrentColor) => None,
            Some(ColorValue::Rgba(c)) => Some(c),
        };
        match colour {
            None => colour = Some(color),
            Some(previous) if previous == color => {}
            Some(_) => return TextShadowSpec::Complex,
        }
        if p.try_parse(|p| p.expect_comma()).is_err() {
            break;
        }
    }
    if !p.is_exhausted() {
        return TextShadowSpec::Complex;
    }
    match colour {
        // Shadows in the text's own colour only thicken it.
        Some(None) => TextShadowSpec::None,
        Some(Some(c)) if all_halos => TextShadowSpec::Halo(c),
        Some(Some(c)) if sides.iter().all(|&s| s) => TextShadowSpec::Outline(c),
        _ => TextShadowSpec::Complex,
    }
}

/// Whether a value text uses `var()` (then it is substituted at computed-value time).
pub(crate) fn uses_var(value: &str) -> bool {
    value.len() >= 4
        && value
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"var("))
}

fn wide(value: &str) -> Option<Wide> {
    Some(match value.trim().to_ascii_lowercase().as_str() {
        "inherit" => Wide::Inherit,
        "initial" => Wide::Initial,
        "unset" => Wide::Unset,
        "revert" | "revert-layer" => Wide::Revert,
        _ => return None,
    })
}

/// Parses a longhand's value text. `None`: invalid (the declaration is dropped).
pub(crate) fn parse_longhand(id: PropertyId, text: &str) -> Option<Value> {
    if let Some(w) = wide(text) {
        return Some(Value::Wide(w));
    }
    if uses_var(text) {
        return Some(Value::Pending(None, text.into()));
    }
    if id == PropertyId::Custom {
        return Some(Value::Custom(text.trim().into()));
    }
    let mut p = Parser::new(text);
    let value = parse_value(id, &mut p)?;
    p.expect_exhausted().ok()?;
    Some(value)
}

/// Parses a shorthand's value text into its longhands.
pub(crate) fn parse_shorthand(sh: Shorthand, text: &str) -> Option<Vec<(PropertyId, Value)>> {
    if let Some(w) = wide(text) {
        return Some(
            sh.longhands()
                .iter()
                .map(|&id| (id, Value::Wide(w)))
                .collect(),
        );
    }
    if uses_var(text) {
        let raw: Arc<str> = text.into();
        return Some(
            sh.longhands()
                .iter()
                .map(|&id| (id, Value::Pending(Some(sh), raw.clone())))
                .collect(),
        );
    }
    let mut p = Parser::new(text);
    let out = match sh {
        Shorthand::Background => parse_background(&mut p)?,
        Shorthand::Font => parse_font(&mut p)?,
        Shorthand::Overflow => {
            let x = parse_overflow(&mut p)?;
            let y = p.try_parse(|p| parse_overflow(p).ok_or(())).unwrap_or(x);
            vec![
                (PropertyId::OverflowX, Value::Overflow(x)),
                (PropertyId::OverflowY, Value::Overflow(y)),
            ]
        }
        Shorthand::Inset => {
            let mut sides = Vec::new();
            while let Ok(v) = p.try_parse(|p| parse_length_or_auto(p).ok_or(())) {
                sides.push(v);
            }
            if sides.is_empty() || sides.len() > 4 {
                return None;
            }
            let top = sides[0].clone();
            let left = match sides.len() {
                1 => sides[0].clone(),
                2 | 3 => sides[1].clone(),
                _ => sides[3].clone(),
            };
            vec![(PropertyId::Top, top), (PropertyId::Left, left)]
        }
        // `<line-width> || <color>`, each defaulting to its initial value.
        Shorthand::TextStroke => {
            let (mut width, mut color) = (None, None);
            for _ in 0..2 {
                if width.is_none() {
                    if let Ok(w) = p.try_parse(|p| parse_stroke_width(p).ok_or(())) {
                        width = Some(w);
                        continue;
                    }
                }
                if color.is_none() {
                    if let Ok(c) = p.try_parse(|p| parse_color_value(p).ok_or(())) {
                        color = Some(c);
                        continue;
                    }
                }
                break;
            }
            if width.is_none() && color.is_none() {
                return None;
            }
            vec![
                (
                    PropertyId::TextStrokeWidth,
                    width.unwrap_or(Value::Length(Length::default())),
                ),
                (
                    PropertyId::TextStrokeColor,
                    color.unwrap_or(Value::Color(ColorValue::CurrentColor)),
                ),
            ]
        }
    };
    p.expect_exhausted().ok()?;
    Some(out)
}

/// The value of one longhand of a shorthand whose text had `var()` (after substitution).
pub(crate) fn longhand_of_shorthand(sh: Shorthand, id: PropertyId, text: &str) -> Option<Value> {
    parse_shorthand(sh, text)?
        .into_iter()
        .find(|(p, _)| *p == id)
        .map(|(_, v)| v)
}

fn parse_value(id: PropertyId, p: &mut Parser) -> Option<Value> {
    use PropertyId::*;
    let v = match id {
        Display => {
            let start = p.position();
            while p.next().is_ok() {}
            Value::Display(self::Display::parse(p.slice_from(start))?)
        }
        Visibility => Value::Visibility(self::Visibility::parse(&ident(p)?)?),
        ContentVisibility => match ident(p)?.as_str() {
            "visible" | "auto" => Value::Flag(false),
            "hidden" => Value::Flag(true),
            _ => return None,
        },
        Opacity => Value::Number(number_or_percentage(p)?.clamp(0.0, 1.0)),
        Color | BackgroundColor => parse_color_value(p)?,
        BackgroundImage => Value::Image(parse_images(p)?),
        FontSize => Value::FontSize(parse_font_size(p)?),
        FontWeight => Value::FontWeight(parse_font_weight(p)?),
        FontFamily => Value::Flag(parse_family_is_icon(p)),
        LineHeight => Value::LineHeight(parse_line_height(p)?),
        LetterSpacing | WordSpacing => {
            if p.try_parse(|p| p.expect_ident_matching("normal")).is_ok() {
                Value::Length(Length::default())
            } else {
                Value::Length(parse_length(p)?)
            }
        }
        TextIndent => Value::Length(parse_length(p)?),
        TextShadow => {
            if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
                Value::TextShadow(TextShadowSpec::None)
            } else {
                let spec = parse_text_shadow(p);
                while p.next().is_ok() {}
                Value::TextShadow(spec)
            }
        }
        TextStrokeWidth => parse_stroke_width(p)?,
        TextStrokeColor => parse_color_value(p)?,
        WhiteSpace => {
            let mut wraps = None;
            while let Ok(word) = p.try_parse(|p| p.expect_ident_cloned()) {
                match word.to_ascii_lowercase().as_str() {
                    "nowrap" | "pre" => wraps = Some(false),
                    "normal" | "wrap" | "pre-wrap" | "pre-line" | "break-spaces" | "balance"
                    | "pretty" | "stable" => wraps = Some(wraps.unwrap_or(true)),
                    "collapse" | "preserve" | "preserve-breaks" | "preserve-spaces" => {}
                    _ => return None,
                }
            }
            Value::Flag(wraps?)
        }
        Position => Value::Position(match ident(p)?.as_str() {
            "static" => self::Position::Static,
            "relative" => self::Position::Relative,
            "absolute" => self::Position::Absolute,
            "fixed" => self::Position::Fixed,
            "sticky" | "-webkit-sticky" => self::Position::Sticky,
            _ => return None,
        }),
        Left | Top | Width | Height | MaxWidth => parse_length_or_auto(p)?,
        Clip => parse_clip(p)?,
        ClipPath => parse_clip_path(p)?,
        Transform => parse_transform(p)?,
        Rotate => parse_rotate(p)?,
        OverflowX | OverflowY => Value::Overflow(parse_overflow(p)?),
        // One value, or one per end of the line: `clip`, `ellipsis` or a string. Only
        // whether every end is `clip` (the initial value) is kept.
        TextOverflow => {
            let mut clip = true;
            for _ in 0..2 {
                let Ok(token) = p.try_parse(|p| p.next().cloned()) else {
                    break;
                };
                match token {
                    Token::Ident(word) if word.eq_ignore_ascii_case("clip") => {}
                    Token::Ident(_) | Token::QuotedString(_) => clip = false,
                    _ => return None,
                }
            }
            Value::Flag(clip)
        }
        // `none`, or any of `underline`, `overline`, `line-through` (with, for the shorthand,
        // a style, colour and thickness in any order). `blink` draws nothing in browsers.
        TextDecorationLine => {
            let mut line = false;
            while let Ok(token) = p.next() {
                if let Token::Ident(word) = token {
                    line |= ["underline", "overline", "line-through"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w));
                }
            }
            Value::Flag(line)
        }
        // The bottom border's style: the one style keyword of `border`/`border-bottom`, or
        // the bottom value of `border-style` (its first of one or two values, its third of
        // three or four). A zero width draws nothing.
        BorderBottomStyle => {
            let mut styles = Vec::new();
            let mut zero_width = false;
            while let Ok(token) = p.next() {
                match token {
                    Token::Ident(word) => {
                        let word = word.to_ascii_lowercase();
                        if BORDER_STYLES.contains(&word.as_str()) {
                            styles.push(word);
                        }
                    }
                    Token::Number { value, .. } | Token::Dimension { value, .. } => {
                        zero_width |= *value == 0.0
                    }
                    _ => {}
                }
            }
            // A shorthand without a style resets it to `none`.
            let bottom = match styles.len() {
                0 => "none",
                1 | 2 => styles[0].as_str(),
                _ => styles[2].as_str(),
            };
            Value::Flag(!zero_width && !matches!(bottom, "none" | "hidden"))
        }
        BoxShadow => {
            let none = p.try_parse(|p| p.expect_ident_matching("none")).is_ok();
            while p.next().is_ok() {}
            Value::Flag(!none)
        }
        Custom => return None,
    };
    Some(v)
}

/// CSS `<line-style>` keywords.
const BORDER_STYLES: &[&str] = &[
    "none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset",
];

fn ident(p: &mut Parser) -> Option<String> {
    p.expect_ident().ok().map(|s| s.to_ascii_lowercase())
}

fn number_or_percentage(p: &mut Parser) -> Option<f32> {
    match *p.next().ok()? {
        Token::Number { value, .. } => Some(value),
        Token::Percentage { unit_value, .. } => Some(unit_value),
        _ => None,
    }
}

fn parse_color_value(p: &mut Parser) -> Option<Value> {
    if let Some(c) = parse_color_from(p) {
        return Some(Value::Color(c));
    }
    // `light-dark(light, dark)`: the reference screen uses the light scheme.
    if let Ok(c) = p.try_parse(|p| {
        p.expect_function_matching("light-dark")?;
        p.parse_nested_block(|p| {
            parse_color_from(p)
                .ok_or_else(|| cssparser::ParseError::<()>::custom(()))
                // The dark colour is not used: skip it.
                .inspect(|_| while p.next().is_ok() {})
        })
    }) {
        return Some(Value::Color(c));
    }
    // A valid-looking colour function the engine does not compute (`color-mix()`, …).
    match p.next().ok()? {
        Token::Function(name) if !name.eq_ignore_ascii_case("url") => Some(Value::UnknownColor),
        _ => None,
    }
}

/// `none`, or image layers.
fn parse_images(p: &mut Parser) -> Option<ImageSpec> {
    if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Some(ImageSpec::None);
    }
    let mut layers = Vec::new();
    loop {
        let layer = if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
            ImageSpec::None
        } else {
            parse_image(p)?
        };
        layers.push(layer);
        if p.try_parse(|p| p.expect_comma()).is_err() {
            break;
        }
    }
    Some(combine_layers(layers))
}

fn combine_layers(layers: Vec<ImageSpec>) -> ImageSpec {
    let mut real = layers.into_iter().filter(|l| *l != ImageSpec::None);
    match (real.next(), real.next()) {
        (None, _) => ImageSpec::None,
        (Some(one), None) => one,
        _ => ImageSpec::Opaque,
    }
}

/// One `<image>`: `url()`, a gradient, or another image function.
fn parse_image(p: &mut Parser) -> Option<ImageSpec> {
    let token = p.next().ok()?.clone();
    match token {
        Token::UnquotedUrl(_) => Some(ImageSpec::Opaque),
        Token::Function(name) => {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with("gradient") {
                let stops = p
                    .parse_nested_block(|p| -> Result<Vec<ColorValue>, cssparser::ParseError<()>> {
                        let mut stops = Vec::new();
                        while !p.is_exhausted() {
                            if let Some(c) = parse_color_from(p) {
                                stops.push(c);
                            } else if p.next().is_err() {
                                break;
                            }
                        }
                        Ok(stops)
                    })
                    .ok()?;
                if stops.is_empty() {
                    return Some(ImageSpec::Opaque);
                }
                Some(ImageSpec::Gradient(stops.into()))
            } else if matches!(
                lower.as_str(),
                "url"
                    | "image-set"
                    | "-webkit-image-set"
                    | "image"
                    | "cross-fade"
                    | "element"
                    | "paint"
                    | "src"
                    | "-webkit-cross-fade"
            ) {
                let _ = p.parse_nested_block(|p| -> Result<(), cssparser::ParseError<()>> {
                    while p.next().is_ok() {}
                    Ok(())
                });
                Some(ImageSpec::Opaque)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `background` shorthand: colour (final layer only) and whether there is an image.
fn parse_background(p: &mut Parser) -> Option<Vec<(PropertyId, Value)>> {
    let mut color = Value::Color(ColorValue::Rgba(super::color::Rgba::TRANSPARENT));
    let mut layers = Vec::new();
    let mut layer = ImageSpec::None;
    loop {
        if p.is_exhausted() {
            break;
        }
        if p.try_parse(|p| p.expect_comma()).is_ok() {
            layers.push(std::mem::replace(&mut layer, ImageSpec::None));
            continue;
        }
        if let Ok(img) = p.try_parse(|p| parse_image(p).ok_or(())) {
            layer = img;
            continue;
        }
        if let Ok(c) = p.try_parse(|p| parse_color_value(p).ok_or(())) {
            color = c;
            continue;
        }
        // Positions, sizes, repeat/attachment/box keywords, `/`.
        match p.next().ok()? {
            Token::Ident(_)
            | Token::Number { .. }
            | Token::Percentage { .. }
            | Token::Dimension { .. }
            | Token::Delim('/')
            | Token::WhiteSpace(_) => {}
            Token::Function(name) if name.eq_ignore_ascii_case("calc") => {}
            _ => return None,
        }
    }
    layers.push(layer);
    Some(vec![
        (PropertyId::BackgroundColor, color),
        (
            PropertyId::BackgroundImage,
            Value::Image(combine_layers(layers)),
        ),
    ])
}

const FONT_SIZE_KEYWORDS: &[(&str, f32)] = &[
    ("xx-small", 9.0),
    ("x-small", 10.0),
    ("small", 13.0),
    ("medium", 16.0),
    ("large", 18.0),
    ("x-large", 24.0),
    ("xx-large", 32.0),
    ("xxx-large", 48.0),
];

fn parse_font_size(p: &mut Parser) -> Option<FontSizeSpec> {
    if let Ok(word) = p.try_parse(|p| p.expect_ident_cloned()) {
        let w = word.to_ascii_lowercase();
        if let Some(&(_, px)) = FONT_SIZE_KEYWORDS.iter().find(|(k, _)| *k == w) {
            return Some(FontSizeSpec::Length(Length::px(px)));
        }
        return match w.as_str() {
            "larger" => Some(FontSizeSpec::Factor(1.2)),
            "smaller" => Some(FontSizeSpec::Factor(1.0 / 1.2)),
            "math" => Some(FontSizeSpec::Factor(1.0)),
            _ => None,
        };
    }
    let l = parse_length(p)?;
    let parts = [l.px, l.em, l.rem, l.pct];
    if parts.iter().all(|v| *v <= 0.0) && parts.iter().any(|v| *v < 0.0) {
        return None; // negative sizes are invalid (a calc() mixing signs is clamped later)
    }
    // For font-size, em and % are relative to the parent's font size.
    Some(FontSizeSpec::Length(Length {
        em: l.em + l.pct / 100.0,
        pct: 0.0,
        ..l
    }))
}

fn parse_font_weight(p: &mut Parser) -> Option<FontWeightSpec> {
    match p.next().ok()?.clone() {
        Token::Number { value, .. } if (1.0..=1000.0).contains(&value) => {
            Some(FontWeightSpec::Absolute(value.round() as u16))
        }
        Token::Ident(w) => match w.to_ascii_lowercase().as_str() {
            "normal" => Some(FontWeightSpec::Absolute(400)),
            "bold" => Some(FontWeightSpec::Absolute(700)),
            "bolder" => Some(FontWeightSpec::Bolder),
            "lighter" => Some(FontWeightSpec::Lighter),
            _ => None,
        },
        _ => None,
    }
}

fn parse_family_is_icon(p: &mut Parser) -> bool {
    let start = p.position();
    while p.next().is_ok() {}
    let text = p.slice_from(start).to_ascii_lowercase();
    [
        "icon",
        "awesome",
        "glyph",
        "material symbols",
        "symbol",
        "dashicons",
        "octicons",
        "ionicons",
    ]
    .iter()
    .any(|k| text.contains(k))
}

fn parse_line_height(p: &mut Parser) -> Option<LineHeightSpec> {
    if p.try_parse(|p| p.expect_ident_matching("normal")).is_ok() {
        return Some(LineHeightSpec::Normal);
    }
    if let Ok(n) = p.try_parse(|p| p.expect_number()) {
        return (n >= 0.0).then_some(LineHeightSpec::Number(n));
    }
    let l = parse_length(p)?;
    // Percentages are relative to the element's own font size.
    Some(LineHeightSpec::Length(Length {
        em: l.em + l.pct / 100.0,
        pct: 0.0,
        ..l
    }))
}

/// `font` shorthand: `[style|variant|weight|stretch]* size[/line-height] family`.
fn parse_font(p: &mut Parser) -> Option<Vec<(PropertyId, Value)>> {
    let mut weight = FontWeightSpec::Absolute(400);
    let mut size = None;
    for _ in 0..5 {
        if let Ok(w) = p.try_parse(|p| {
            let state = p.state();
            match parse_font_weight(p) {
                Some(FontWeightSpec::Absolute(400)) => {
                    // `normal` is also a style/variant/stretch keyword: nothing to change.
                    Ok(None)
                }
                Some(w) => Ok(Some(w)),
                None => {
                    p.reset(&state);
                    Err(())
                }
            }
        }) {
            if let Some(w) = w {
                weight = w;
            }
            continue;
        }
        if p.try_parse(|p| {
            let w = p.expect_ident_cloned().map_err(|_| ())?;
            match w.to_ascii_lowercase().as_str() {
                "italic" | "oblique" | "small-caps" | "condensed" | "expanded"
                | "semi-condensed" | "semi-expanded" | "extra-condensed" | "extra-expanded"
                | "ultra-condensed" | "ultra-expanded" => Ok(()),
                _ => Err(()),
            }
        })
        .is_ok()
        {
            continue;
        }
        break;
    }
    if let Ok(s) = p.try_parse(|p| parse_font_size(p).ok_or(())) {
        size = Some(s);
    }
    let size = size?;
    let mut line_height = LineHeightSpec::Normal;
    if p.try_parse(|p| p.expect_delim('/')).is_ok() {
        line_height = parse_line_height(p)?;
    }
    if p.is_exhausted() {
        return None; // a family is required
    }
    let icon = parse_family_is_icon(p);
    Some(vec![
        (PropertyId::FontSize, Value::FontSize(size)),
        (PropertyId::FontWeight, Value::FontWeight(weight)),
        (PropertyId::LineHeight, Value::LineHeight(line_height)),
        (PropertyId::FontFamily, Value::Flag(icon)),
    ])
}

fn parse_overflow(p: &mut Parser) -> Option<Overflow> {
    Some(match ident(p)?.as_str() {
        "visible" => Overflow::Visible,
        "hidden" | "clip" => Overflow::Hidden,
        "scroll" | "auto" | "overlay" => Overflow::Scroll,
        _ => return None,
    })
}

fn parse_length_or_auto(p: &mut Parser) -> Option<Value> {
    if p.try_parse(|p| {
        p.expect_ident_cloned().map_err(|_| ()).and_then(|w| {
            matches!(w.to_ascii_lowercase().as_str(), "auto" | "none")
                .then_some(())
                .ok_or(())
        })
    })
    .is_ok()
    {
        return Some(Value::Auto);
    }
    if p.try_parse(|p| {
        p.expect_ident_cloned().map_err(|_| ()).and_then(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "min-content"
                    | "max-content"
                    | "fit-content"
                    | "stretch"
                    | "-webkit-fill-available"
                    | "-moz-available"
            )
            .then_some(())
            .ok_or(())
        })
    })
    .is_ok()
    {
        return Some(Value::UnknownLength);
    }
    match p.try_parse(|p| parse_length(p).ok_or(())) {
        Ok(l) => Some(Value::Length(l)),
        Err(()) => {
            // `fit-content(…)`, `anchor(…)`, … : valid, but not computable here.
            match p.next().ok()? {
                Token::Function(_) => Some(Value::UnknownLength),
                _ => None,
            }
        }
    }
}

/// A `<length-percentage>`, including `calc()` sums and products, `min()`, `max()` and
/// `clamp()` when their arguments reduce to plain px.
pub(crate) fn parse_length(p: &mut Parser) -> Option<Length> {
    let token = p.next().ok()?.clone();
    match token {
        Token::Dimension {
            value, ref unit, ..
        } => unit_length(value, unit),
        Token::Percentage { unit_value, .. } => Some(Length {
            pct: unit_value * 100.0,
            ..Length::default()
        }),
        Token::Number { value: 0.0, .. } => Some(Length::default()),
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            p.parse_nested_block(|p| -> Result<Option<Length>, cssparser::ParseError<()>> {
                Ok(match name.as_str() {
                    "calc" | "-webkit-calc" => calc_sum(p).filter(|_| p.is_exhausted()),
                    "min" | "max" => {
                        let args = p.parse_comma_separated(|p| {
                            calc_sum(p).ok_or_else(|| cssparser::ParseError::custom(()))
                        })?;
                        if args.iter().all(Length::is_pure_px) && !args.is_empty() {
                            let px = args.iter().map(|l| l.px);
                            Some(Length::px(if name == "min" {
                                px.fold(f32::INFINITY, f32::min)
                            } else {
                                px.fold(f32::NEG_INFINITY, f32::max)
                            }))
                        } else {
                            None
                        }
                    }
                    "clamp" => {
                        let args = p.parse_comma_separated(|p| {
                            calc_sum(p).ok_or_else(|| cssparser::ParseError::custom(()))
                        })?;
                        if args.len() == 3 && args.iter().all(Length::is_pure_px) {
                            Some(Length::px(args[1].px.min(args[2].px).max(args[0].px)))
                        } else {
                            None
                        }
                    }
                    _ => None,
                })
            })
            .ok()
            .flatten()
        }
        _ => None,
    }
}

fn unit_length(value: f32, unit: &str) -> Option<Length> {
    let u = unit.to_ascii_lowercase();
    let px = |k: f32| Some(Length::px(value * k));
    let viewport = |k: f32| {
        Some(Length {
            px: value * k,
            vp: value * k,
            ..Length::default()
        })
    };
    match u.as_str() {
        "px" => px(1.0),
        "em" => Some(Length {
            em: value,
            ..Length::default()
        }),
        "rem" => Some(Length {
            rem: value,
            ..Length::default()
        }),
        // Typical fonts: x-height and "0" advance about half an em.
        "ex" | "ch" => Some(Length {
            em: value * 0.5,
            ..Length::default()
        }),
        "cap" => Some(Length {
            em: value * 0.7,
            ..Length::default()
        }),
        "ic" | "lh" => Some(Length {
            em: value,
            ..Length::default()
        }),
        "rlh" => Some(Length {
            rem: value * 1.2,
            ..Length::default()
        }),
        "pt" => px(96.0 / 72.0),
        "pc" => px(16.0),
        "in" => px(96.0),
        "cm" => px(96.0 / 2.54),
        "mm" => px(96.0 / 25.4),
        "q" => px(96.0 / 101.6),
        "vw" | "svw" | "lvw" | "dvw" | "vi" => viewport(VIEWPORT_WIDTH / 100.0),
        "vh" | "svh" | "lvh" | "dvh" | "vb" => viewport(VIEWPORT_HEIGHT / 100.0),
        "vmin" => viewport(VIEWPORT_HEIGHT.min(VIEWPORT_WIDTH) / 100.0),
        "vmax" => viewport(VIEWPORT_HEIGHT.max(VIEWPORT_WIDTH) / 100.0),
        _ => None,
    }
}

fn calc_sum(p: &mut Parser) -> Option<Length> {
    let mut total = calc_product(p)?;
    loop {
        let sign = p.try_parse(|p| match p.next() {
            Ok(Token::Delim('+')) => Ok(1.0),
            Ok(Token::Delim('-')) => Ok(-1.0),
            _ => Err(()),
        });
        match sign {
            Ok(s) => total = total.add(calc_product(p)?.scale(s)),
            Err(()) => return Some(total),
        }
    }
}

/// A product: lengths multiplied or divided by plain numbers.
fn calc_product(p: &mut Parser) -> Option<Length> {
    let (mut length, mut factor) = match calc_value(p)? {
        Leaf::Len(l) => (Some(l), 1.0),
        Leaf::Num(n) => (None, n),
    };
    loop {
        let op = p.try_parse(|p| match p.next() {
            Ok(Token::Delim('*')) => Ok('*'),
            Ok(Token::Delim('/')) => Ok('/'),
            _ => Err(()),
        });
        let Ok(op) = op else { break };
        match (op, calc_value(p)?) {
            ('*', Leaf::Num(n)) => factor *= n,
            ('*', Leaf::Len(l)) if length.is_none() => length = Some(l),
            ('/', Leaf::Num(n)) if n != 0.0 => factor /= n,
            _ => return None,
        }
    }
    match length {
        Some(l) => Some(l.scale(factor)),
        // A bare number is only a length when it is zero.
        None if factor == 0.0 => Some(Length::default()),
        None => None,
    }
}

enum Leaf {
    Len(Length),
    Num(f32),
}

/// A calc leaf: a length or a plain number.
fn calc_value(p: &mut Parser) -> Option<Leaf> {
    if let Ok(n) = p.try_parse(|p| p.expect_number()) {
        return Some(Leaf::Num(n));
    }
    if let Ok(l) = p.try_parse(|p| {
        p.expect_parenthesis_block()?;
        p.parse_nested_block(|p| calc_sum(p).ok_or_else(|| cssparser::ParseError::<()>::custom(())))
    }) {
        return Some(Leaf::Len(l));
    }
    parse_length(p).map(Leaf::Len)
}

fn length_px_abs(p: &mut Parser) -> Option<Option<f32>> {
    // `auto` (None) or a px-reducible length.
    if p.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
        return Some(None);
    }
    let l = parse_length(p)?;
    Some(Some(l.px + l.em * 16.0 + l.rem * 16.0))
}

/// `clip: rect(top, right, bottom, left)`: whether it clips the box to nothing.
fn parse_clip(p: &mut Parser) -> Option<Value> {
    if p.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
        return Some(Value::Flag(false));
    }
    p.expect_function_matching("rect").ok()?;
    let sides = p
        .parse_nested_block(|p| -> Result<Vec<Option<f32>>, cssparser::ParseError<()>> {
            let mut sides = Vec::new();
            while !p.is_exhausted() {
                let _ = p.try_parse(|p| p.expect_comma());
                sides.push(length_px_abs(p).ok_or_else(|| cssparser::ParseError::custom(()))?);
            }
            Ok(sides)
        })
        .ok()?;
    if sides.len() != 4 {
        return None;
    }
    let collapsed =
        |a: Option<f32>, b: Option<f32>| matches!((a, b), (Some(a), Some(b)) if b - a <= 1.0);
    Some(Value::Flag(
        collapsed(sides[0], sides[2]) || collapsed(sides[3], sides[1]),
    ))
}

/// `clip-path`: whether it hides everything (`inset(50%)`, `circle(0)`, a point polygon).
fn parse_clip_path(p: &mut Parser) -> Option<Value> {
    if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Some(Value::Flag(false));
    }
    let token = p.next().ok()?.clone();
    let Token::Function(name) = token else {
        while p.next().is_ok() {}
        return Some(Value::Flag(false));
    };
    let name = name.to_ascii_lowercase();
    let hides = p
        .parse_nested_block(|p| -> Result<bool, cssparser::ParseError<()>> {
            let mut lengths = Vec::new();
            while !p.is_exhausted() {
                if let Ok(l) = p.try_parse(|p| parse_length(p).ok_or(())) {
                    lengths.push(l);
                } else if p.next().is_err() {
                    break;
                }
            }
            Ok(match name.as_str() {
                "inset" => {
                    let pct = |i: usize| lengths.get(i).map(|l| l.pct).unwrap_or(0.0);
                    let v = (
                        pct(0),
                        pct(1).max(pct(0)),
                        pct(2).max(pct(0)),
                        pct(3).max(pct(1)),
                    );
                    !lengths.is_empty() && (v.0 + v.2 >= 100.0 || v.1 + v.3 >= 100.0)
                }
                "circle" | "ellipse" => lengths.first().is_some_and(|l| *l == Length::default()),
                "polygon" => lengths.iter().all(|l| *l == lengths[0]) && !lengths.is_empty(),
                _ => false,
            })
        })
        .unwrap_or(false);
    while p.next().is_ok() {}
    Some(Value::Flag(hides))
}

fn angle(p: &mut Parser) -> Option<f32> {
    match *p.next().ok()? {
        Token::Dimension {
            value, ref unit, ..
        } => Some(match unit.to_ascii_lowercase().as_str() {
            "deg" => value,
            "rad" => value.to_degrees(),
            "grad" => value * 0.9,
            "turn" => value * 360.0,
            _ => return None,
        }),
        Token::Number { value: 0.0, .. } => Some(0.0),
        _ => None,
    }
}

fn numbers(p: &mut Parser) -> Vec<f32> {
    let mut out = Vec::new();
    while !p.is_exhausted() {
        let _ = p.try_parse(|p| p.expect_comma());
        match p.try_parse(|p| p.expect_number()) {
            Ok(n) => out.push(n),
            Err(_) => {
                if p.next().is_err() {
                    break;
                }
            }
        }
    }
    out
}

/// `transform`: the total rotation about the z axis, in degrees.
fn parse_transform(p: &mut Parser) -> Option<Value> {
    if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Some(Value::Rotation(None));
    }
    let mut total: Option<f32> = None;
    while !p.is_exhausted() {
        let name = p.expect_function().ok()?.to_ascii_lowercase();
        let rot = p
            .parse_nested_block(|p| -> Result<Option<f32>, cssparser::ParseError<()>> {
                let r = match name.as_str() {
                    "rotate" | "rotatez" => angle(p),
                    "rotate3d" => {
                        let axis: Vec<f32> = (0..3)
                            .filter_map(|_| {
                                let n = p.expect_number().ok();
                                let _ = p.try_parse(|p| p.expect_comma());
                                n
                            })
                            .collect();
                        let a = angle(p);
                        match (axis.as_slice(), a) {
                            ([x, y, z], Some(a)) if *x == 0.0 && *y == 0.0 && *z != 0.0 => {
                                Some(a * z.signum())
                            }
                            _ => None,
                        }
                    }
                    "matrix" => {
                        let n = numbers(p);
                        (n.len() == 6).then(|| n[1].atan2(n[0]).to_degrees())
                    }
                    "matrix3d" => {
                        let n = numbers(p);
                        (n.len() == 16).then(|| n[1].atan2(n[0]).to_degrees())
                    }
                    _ => None,
                };
                while p.next().is_ok() {}
                Ok(r)
            })
            .ok()?;
        if let Some(r) = rot {
            total = Some(total.unwrap_or(0.0) + r);
        }
    }
    Some(Value::Rotation(total))
}

/// `rotate`: `none`, an angle, or `[x|y|z|<number>{3}] angle`.
fn parse_rotate(p: &mut Parser) -> Option<Value> {
    if p.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Some(Value::Rotation(None));
    }
    let mut about_z = true;
    let mut deg = None;
    while !p.is_exhausted() {
        if let Ok(a) = p.try_parse(|p| angle(p).ok_or(())) {
            deg = Some(a);
        } else if let Ok(axis) = p.try_parse(|p| p.expect_ident_cloned()) {
            about_z &= axis.eq_ignore_ascii_case("z");
        } else {
            let n = numbers(p);
            if n.len() != 3 {
                return None;
            }
            about_z &= n[0] == 0.0 && n[1] == 0.0;
        }
    }
    Some(Value::Rotation(if about_z { deg } else { None }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_properties_name_every_longhand_in_order() {
        for (i, name) in COMPUTED_PROPERTIES.iter().enumerate() {
            let id = PropertyId::from_name(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(id as usize, i, "{name}");
        }
    }

    fn len(text: &str) -> Option<Length> {
        let mut p = Parser::new(text);
        parse_length(&mut p)
    }

    #[test]
    fn lengths_and_calc() {
        assert_eq!(len("12px"), Some(Length::px(12.0)));
        assert_eq!(len("1.5em").unwrap().em, 1.5);
        assert_eq!(len("50%").unwrap().pct, 50.0);
        assert_eq!(len("12pt"), Some(Length::px(16.0)));
        let l = len("calc(100% - 2em + 4px * 2)").unwrap();
        assert_eq!((l.pct, l.em, l.px), (100.0, -2.0, 8.0));
        assert_eq!(len("min(10px, 2vw)"), Some(Length::px(10.0)));
        assert_eq!(len("clamp(10px, 40px, 30px)"), Some(Length::px(30.0)));
        assert_eq!(len("min(1em, 10px)"), None);
        assert_eq!(len("5"), None);
    }

    #[test]
    fn shorthands() {
        let bg = parse_shorthand(
            Shorthand::Background,
            "#000 no-repeat -20px -20px url('/a.jpeg')",
        )
        .unwrap();
        assert_eq!(
            bg[0].1,
            Value::Color(ColorValue::Rgba(super::super::Rgba::BLACK))
        );
        assert_eq!(bg[1].1, Value::Image(ImageSpec::Opaque));
        let bg = parse_shorthand(
            Shorthand::Background,
            "linear-gradient(to right, #FFF, #00F)",
        )
        .unwrap();
        assert!(matches!(&bg[1].1, Value::Image(ImageSpec::Gradient(s)) if s.len() == 2));
        let font = parse_shorthand(Shorthand::Font, "bold 14pt/1.5 Helvetica, sans-serif").unwrap();
        assert_eq!(font[1].1, Value::FontWeight(FontWeightSpec::Absolute(700)));
        assert_eq!(font[2].1, Value::LineHeight(LineHeightSpec::Number(1.5)));
        assert!(parse_shorthand(Shorthand::Font, "bold").is_none());
        let o = parse_shorthand(Shorthand::Overflow, "hidden scroll").unwrap();
        assert_eq!(o[1].1, Value::Overflow(Overflow::Scroll));
    }

    #[test]
    fn transforms() {
        let rot = |t: &str| match parse_longhand(PropertyId::Transform, t) {
            Some(Value::Rotation(r)) => r,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(rot("rotate(90deg)"), Some(90.0));
        assert!((rot("rotate(1.5708rad)").unwrap() - 90.0).abs() < 0.01);
        assert!(
            (rot("matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)").unwrap() + 90.0)
                .abs()
                < 0.01
        );
        assert!(
            rot("matrix(1, -1.22465e-15, 1.22465e-15, 1, 0, 0)")
                .unwrap()
                .abs()
                < 0.01
        );
        assert_eq!(rot("translateX(100px)"), None);
        assert_eq!(rot("rotateZ(1turn) translate(1px)"), Some(360.0));
        assert_eq!(
            parse_longhand(PropertyId::Rotate, "z 90deg"),
            Some(Value::Rotation(Some(90.0)))
        );
        assert_eq!(
            parse_longhand(PropertyId::Rotate, "x 90deg"),
            Some(Value::Rotation(None))
        );
    }

    #[test]
    fn clipping() {
        let flag = |id, t: &str| parse_longhand(id, t);
        assert_eq!(
            flag(PropertyId::Clip, "rect(0 0 0 0)"),
            Some(Value::Flag(true))
        );
        assert_eq!(
            flag(PropertyId::Clip, "rect(1px, 1px, 1px, 1px)"),
            Some(Value::Flag(true))
        );
        assert_eq!(
            flag(PropertyId::Clip, "rect(0, 100px, 20px, 0)"),
            Some(Value::Flag(false))
        );
        assert_eq!(
            flag(PropertyId::ClipPath, "inset(50%)"),
            Some(Value::Flag(true))
        );
        assert_eq!(
            flag(PropertyId::ClipPath, "circle(0)"),
            Some(Value::Flag(true))
        );
        assert_eq!(
            flag(PropertyId::ClipPath, "circle(40%)"),
            Some(Value::Flag(false))
        );
    }
}
