//! Screens ([`Device`]) and media queries. A media query list is parsed once
//! ([`MediaQueryList`]) and evaluated against any device: the reference screen, the same
//! turned to portrait, zoomed, or narrow. Unknown features make a query false, so rules
//! meant for unusual media are not applied.

use std::sync::Arc;

/// The reference screen's viewport width in CSS pixels.
pub const VIEWPORT_WIDTH: f32 = 1280.0;
/// The reference screen's viewport height in CSS pixels.
pub const VIEWPORT_HEIGHT: f32 = 1024.0;

/// A screen pages are styled for: its viewport in CSS pixels, the browser zoom that gives
/// that viewport, and the user's default font size (CSS `medium`), which `em` in media
/// queries and the root's `rem` resolve against.
///
/// ```
/// use frontdesk_core::style::Device;
/// let zoomed = Device::reference().zoomed(2.0);
/// assert_eq!((zoomed.width, zoomed.height, zoomed.zoom), (640.0, 512.0, 2.0));
/// assert_eq!(Device::reference().portrait().width, 1024.0);
/// assert_eq!(Device::narrow().width, 320.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Device {
    /// Viewport width, CSS px.
    pub width: f32,
    /// Viewport height, CSS px.
    pub height: f32,
    /// Browser zoom: 1.0 at 100%, 2.0 at 200%.
    pub zoom: f32,
    /// Default font size in px.
    pub root_font_size: f32,
}

impl Device {
    /// The screen every audit uses: 1280×1024, landscape, 100%, 16px default font size.
    pub const fn reference() -> Device {
        Device {
            width: VIEWPORT_WIDTH,
            height: VIEWPORT_HEIGHT,
            zoom: 1.0,
            root_font_size: 16.0,
        }
    }

    /// The screen WCAG 1.4.10 Reflow is checked at: 320 CSS px wide, the reference screen
    /// at 400% (320×256).
    pub const fn narrow() -> Device {
        Device::reference().zoomed(4.0)
    }

    /// The same screen zoomed by `factor` more: the viewport shrinks by as much in CSS px
    /// (the reference screen at 200% is 640×512).
    pub const fn zoomed(self, factor: f32) -> Device {
        Device {
            width: self.width / factor,
            height: self.height / factor,
            zoom: self.zoom * factor,
            ..self
        }
    }

    /// The same screen turned a quarter: width and height swapped.
    pub const fn rotated(self) -> Device {
        Device {
            width: self.height,
            height: self.width,
            ..self
        }
    }

    /// The same screen held in portrait (taller than wide).
    pub const fn portrait(self) -> Device {
        if self.width > self.height {
            self.rotated()
        } else {
            self
        }
    }

    /// Whether the viewport is taller than wide (CSS `orientation: portrait`).
    pub fn is_portrait(&self) -> bool {
        self.width < self.height
    }

    /// How long viewport units are here relative to the reference screen: the ratio of the
    /// viewport widths (0.5 at 200%). Exact for the reference screen at any zoom; on a screen
    /// of other proportions (portrait) `vh`, `vmin` and `vmax` are approximate.
    pub fn viewport_scale(&self) -> f32 {
        self.width / VIEWPORT_WIDTH
    }

    /// The screens an audit computes styles for: the reference screen, and the same zoomed
    /// to 200% (WCAG 1.4.4 Resize Text, computed on demand).
    pub const STYLED: [Device; 2] = [Device::reference(), Device::reference().zoomed(2.0)];

    /// Every screen an audit consults: [`Device::STYLED`], and the reference screen in
    /// portrait, consulted only for rules that rotate the page (orientation lock). Sheets,
    /// imports and `@media` blocks that match none of them are left out when loaded or
    /// parsed, so a cascade for another device sees only what these keep.
    pub const AUDITED: [Device; 3] = [
        Device::reference(),
        Device::reference().zoomed(2.0),
        Device::reference().portrait(),
    ];
}

impl Default for Device {
    fn default() -> Device {
        Device::reference()
    }
}

/// A parsed media query list (the text after `@media`, or a `media` attribute): matches a
/// device when one of its queries does; an empty list matches every device.
///
/// ```
/// use frontdesk_core::style::{Device, MediaQueryList};
/// let list = MediaQueryList::parse("screen and (max-width: 640px)");
/// assert!(!list.matches(&Device::reference()));
/// assert!(list.matches(&Device::reference().zoomed(2.0)));
/// assert!(MediaQueryList::parse("(orientation: portrait)").matches(&Device::reference().portrait()));
/// assert!(!MediaQueryList::parse("print").matches(&Device::narrow()));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MediaQueryList(Vec<Query>);

#[derive(Debug, Clone, PartialEq)]
enum Query {
    /// Not a query the engine can read (a word where a feature belongs…): never matches.
    Never,
    Test {
        negate: bool,
        /// The media types named are all `screen` or `all`.
        types_match: bool,
        features: Vec<Feature>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Feature {
    /// The same on every screen (`color`, `hover`, `prefers-*`, unknown features).
    Const(bool),
    Not(Box<Feature>),
    Orientation {
        portrait: bool,
    },
    Compare(Dimension, Comparison, Limit),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Dimension {
    Width,
    Height,
    /// Always 1dppx.
    Resolution,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Comparison {
    AtLeast,
    AtMost,
    Above,
    Below,
    /// `(width: 800px)`: within half a pixel.
    Equal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Limit {
    Px(f32),
    Em(f32),
    Dpi(f32),
}

impl MediaQueryList {
    /// Parses a comma-separated media query list; never fails (what cannot be read never
    /// matches).
    pub fn parse(list: &str) -> MediaQueryList {
        let list = list.trim();
        if list.is_empty() {
            return MediaQueryList::default();
        }
        MediaQueryList(
            split_top_level_commas(list)
                .into_iter()
                .map(parse_query)
                .collect(),
        )
    }

    /// Whether the list matches `device`.
    pub fn matches(&self, device: &Device) -> bool {
        self.0.is_empty() || self.0.iter().any(|q| q.matches(device))
    }

    /// Whether the list is empty (matches every device).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The media a rule or sheet is under: every list of the `@media` blocks around it, the
/// `@import` and `<link media>` that brought its sheet; it applies where all match. Cheap to
/// clone: the rules of one block share it.
#[derive(Debug, Clone, Default)]
pub struct Media(Option<Arc<[MediaQueryList]>>);

impl Media {
    /// Under `list` as well.
    pub fn and(&self, list: MediaQueryList) -> Media {
        if list.is_empty() {
            return self.clone();
        }
        let mut lists = self.lists().to_vec();
        lists.push(list);
        Media(Some(lists.into()))
    }

    /// Under `other`'s lists as well.
    pub fn and_all(&self, other: &Media) -> Media {
        match (&self.0, &other.0) {
            (_, None) => self.clone(),
            (None, _) => other.clone(),
            (Some(a), Some(b)) => Media(Some(a.iter().chain(b.iter()).cloned().collect())),
        }
    }

    fn lists(&self) -> &[MediaQueryList] {
        self.0.as_deref().unwrap_or(&[])
    }

    /// Whether it applies on `device`.
    pub fn matches(&self, device: &Device) -> bool {
        self.lists().iter().all(|l| l.matches(device))
    }

    /// Whether it applies on one of `devices`.
    pub fn matches_any(&self, devices: &[Device]) -> bool {
        devices.iter().any(|d| self.matches(d))
    }

    /// Whether no media query conditions it (it applies on every device).
    pub fn is_unconditional(&self) -> bool {
        self.0.is_none()
    }

    /// An identity for caching evaluations: rules sharing a `Media` give the same one.
    pub(crate) fn identity(&self) -> usize {
        self.0.as_ref().map_or(0, |a| a.as_ptr() as usize)
    }
}

impl Query {
    fn matches(&self, device: &Device) -> bool {
        match self {
            Query::Never => false,
            Query::Test {
                negate,
                types_match,
                features,
            } => (*types_match && features.iter().all(|f| f.matches(device))) != *negate,
        }
    }
}

impl Feature {
    fn matches(&self, device: &Device) -> bool {
        match self {
            Feature::Const(b) => *b,
            Feature::Not(inner) => !inner.matches(device),
            Feature::Orientation { portrait } => device.is_portrait() == *portrait,
            Feature::Compare(dimension, comparison, limit) => {
                let actual = match dimension {
                    Dimension::Width => device.width,
                    Dimension::Height => device.height,
                    Dimension::Resolution => 1.0,
                };
                let limit = match *limit {
                    Limit::Px(n) => n,
                    Limit::Em(n) => n * device.root_font_size,
                    Limit::Dpi(n) => n / 96.0,
                };
                match comparison {
                    Comparison::AtLeast => actual >= limit,
                    Comparison::AtMost => actual <= limit,
                    Comparison::Above => actual > limit,
                    Comparison::Below => actual < limit,
                    Comparison::Equal => (actual - limit).abs() < 0.5,
                }
            }
        }
    }
}

fn split_top_level_commas(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn parse_query(query: &str) -> Query {
    let lower = query.trim().to_ascii_lowercase();
    let mut words = tokenize(&lower).into_iter().peekable();
    let mut negate = false;
    if let Some(Token::Word(w)) = words.peek() {
        if w == "not" || w == "only" {
            negate = w == "not";
            words.next();
        }
    }
    let (mut types_match, mut features) = (true, Vec::new());
    let mut expect_operand = true;
    for token in words {
        match token {
            Token::Word(w) if w == "and" => expect_operand = true,
            Token::Word(w) if expect_operand => {
                types_match &= matches!(w.as_str(), "screen" | "all");
                expect_operand = false;
            }
            Token::Group(g) if expect_operand => {
                features.push(parse_feature(&g));
                expect_operand = false;
            }
            _ => return Query::Never,
        }
    }
    Query::Test {
        negate,
        types_match,
        features,
    }
}

enum Token {
    Word(String),
    Group(String),
}

fn tokenize(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == '(' {
            let mut depth = 1;
            let mut end = s.len();
            for (j, d) in chars.by_ref() {
                match d {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            out.push(Token::Group(s[i + 1..end.max(i + 1)].to_string()));
        } else {
            let mut end = s.len();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || d == '(' {
                    end = j;
                    break;
                }
                chars.next();
            }
            out.push(Token::Word(s[i..end].to_string()));
        }
    }
    out
}

/// Reads one `(feature: value)` or `(feature)` or range form `(width >= 40em)`.
fn parse_feature(feature: &str) -> Feature {
    let f = feature.trim();
    if f.starts_with("not ") || f.contains(" or ") || f.contains('(') {
        // Nested boolean conditions: the simple "not (x)" form, else unknown.
        if let Some(rest) = f.strip_prefix("not ") {
            let inner = rest.trim().trim_start_matches('(').trim_end_matches(')');
            return Feature::Not(Box::new(parse_feature(inner)));
        }
        return Feature::Const(false);
    }
    for (op, comparison) in [
        (">=", Comparison::AtLeast),
        ("<=", Comparison::AtMost),
        (">", Comparison::Above),
        ("<", Comparison::Below),
    ] {
        if let Some((name, value)) = f.split_once(op) {
            return compare(name.trim(), comparison, value.trim());
        }
    }
    let (name, value) = match f.split_once(':') {
        Some((n, v)) => (n.trim(), Some(v.trim())),
        None => (f, None),
    };
    match (name, value) {
        ("orientation", Some("landscape")) => Feature::Orientation { portrait: false },
        ("orientation", Some("portrait")) => Feature::Orientation { portrait: true },
        ("color" | "hover" | "pointer" | "any-hover" | "any-pointer" | "grid", None) => {
            Feature::Const(name != "grid")
        }
        ("hover" | "any-hover", Some(v)) => Feature::Const(v == "hover"),
        ("pointer" | "any-pointer", Some(v)) => Feature::Const(v == "fine"),
        ("prefers-reduced-motion" | "prefers-contrast" | "forced-colors", Some(v)) => {
            Feature::Const(v == "no-preference" || v == "none")
        }
        ("prefers-color-scheme", Some(v)) => Feature::Const(v == "light"),
        ("scripting", Some(v)) => Feature::Const(v == "enabled"),
        (name, Some(v)) => match name.split_once('-') {
            Some(("min", dim)) => compare(dim, Comparison::AtLeast, v),
            Some(("max", dim)) => compare(dim, Comparison::AtMost, v),
            _ => compare(name, Comparison::Equal, v),
        },
        _ => Feature::Const(false),
    }
}

/// A comparison of a screen dimension with a length; unknown dimensions or units never match.
fn compare(name: &str, comparison: Comparison, value: &str) -> Feature {
    let dimension = match name {
        "width" | "device-width" => Dimension::Width,
        "height" | "device-height" => Dimension::Height,
        "resolution" => Dimension::Resolution,
        _ => return Feature::Const(false),
    };
    match limit(value) {
        Some(limit) => Feature::Compare(dimension, comparison, limit),
        None => Feature::Const(false),
    }
}

fn limit(value: &str) -> Option<Limit> {
    let v = value.trim();
    let split = v
        .find(|c: char| c.is_ascii_alphabetic() || c == '%')
        .unwrap_or(v.len());
    let number: f32 = v[..split].trim().parse().ok()?;
    match &v[split..] {
        "px" | "" | "dppx" | "x" => Some(Limit::Px(number)),
        "em" | "rem" => Some(Limit::Em(number)),
        "dpi" => Some(Limit::Dpi(number)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Device, MediaQueryList};

    fn on(device: Device, list: &str) -> bool {
        MediaQueryList::parse(list).matches(&device)
    }

    fn m(list: &str) -> bool {
        on(Device::reference(), list)
    }

    #[test]
    fn reference_screen() {
        assert!(m(""));
        assert!(m("screen"));
        assert!(m("all and (min-width: 40.0625em)"));
        assert!(!m("print"));
        assert!(m("print, screen"));
        assert!(!m("(max-width: 640px)"));
        assert!(m("(orientation: landscape)"));
        assert!(!m("(orientation: portrait)"));
        assert!(m("not print"));
        assert!(!m("only screen and (max-width: 48em)"));
        assert!(m("(width >= 1000px)"));
        assert!(!m("speech"));
    }

    /// Which of the reference, portrait and zoomed screens match.
    fn screens(list: &str) -> [bool; 3] {
        let portrait = Device::reference().portrait();
        let zoomed = Device::reference().zoomed(2.0);
        [Device::reference(), portrait, zoomed].map(|d| on(d, list))
    }

    #[test]
    fn both_orientations_and_the_zoomed_screen() {
        // 640×512 is a landscape viewport too.
        assert_eq!(screens("(orientation: landscape)"), [true, false, true]);
        assert_eq!(screens("(orientation:portrait)"), [false, true, false]);
        assert_eq!(screens("(orientation: lanscape)"), [false; 3]);
        assert_eq!(screens("(min-width: 1100px)"), [true, false, false]);
        assert_eq!(screens("(max-width: 1100px)"), [false, true, true]);
        assert_eq!(
            screens("screen and (max-width: 640px)"),
            [false, false, true]
        );
        assert_eq!(screens("(min-width: 700px)"), [true, true, false]);
        assert_eq!(screens(""), [true; 3]);
    }

    #[test]
    fn the_narrow_screen_is_320_px_wide_and_landscape() {
        let n = |list| on(Device::narrow(), list);
        // WCAG 1.4.10: 320 CSS px wide, 1280 px at 400%; 256 px high, so still landscape.
        assert!(n("(max-width: 320px)"));
        assert!(n("(width: 320px)"));
        assert!(!n("(min-width: 321px)"));
        assert!(n("(max-width: 20em)"));
        assert!(!n("(max-width: 19.9em)"));
        assert!(n("(height < 300px) and (orientation: landscape)"));
        assert!(n("not all and (min-width: 640px)"));
        assert!(!n("print and (max-width: 320px)"));
        assert!(!n("(max-width: 320px) and (unknown-feature)"));
        // Rules for mobile breakpoints apply there and not on the zoomed screen.
        assert!(n("(max-width: 480px)"));
        assert!(!on(Device::reference().zoomed(2.0), "(max-width: 480px)"));
    }
}
