//! Media query evaluation for frontdesk's reference screen: a 1280×1024 CSS-pixel landscape
//! colour screen with 16px root font size. Unknown features make a query false, so rules
//! meant for unusual media are not applied.
//!
//! Queries are also evaluated for the same screen turned to portrait (1024×1280), so rules
//! about orientation can compare both ([`MediaMask`]).

/// Viewport width in CSS pixels.
pub const VIEWPORT_WIDTH: f32 = 1280.0;
/// Viewport height in CSS pixels.
pub const VIEWPORT_HEIGHT: f32 = 1024.0;
const ROOT_FONT_SIZE: f32 = 16.0;

/// The reference environments a media query list matches, as bits.
///
/// ```
/// use frontdesk_core::style::media::{media_query_list_mask, MediaMask};
/// assert_eq!(media_query_list_mask("(orientation: portrait)"), MediaMask::PORTRAIT);
/// assert_eq!(media_query_list_mask("screen"), MediaMask::ALL);
/// assert_eq!(media_query_list_mask("print"), MediaMask::NONE);
/// assert!(media_query_list_mask("(min-width: 1200px)").landscape());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MediaMask(pub u8);

impl MediaMask {
    /// Matches neither environment.
    pub const NONE: MediaMask = MediaMask(0);
    /// The 1280×1024 landscape screen every audit uses.
    pub const LANDSCAPE: MediaMask = MediaMask(1);
    /// The same screen in portrait, 1024×1280.
    pub const PORTRAIT: MediaMask = MediaMask(2);
    /// The landscape screen zoomed to 200%: a 640×512 viewport.
    pub const ZOOMED: MediaMask = MediaMask(4);
    /// All three.
    pub const ALL: MediaMask = MediaMask(7);

    /// Whether the landscape reference screen matches.
    pub fn landscape(self) -> bool {
        self.0 & 1 != 0
    }
    /// Whether the portrait screen matches.
    pub fn portrait(self) -> bool {
        self.0 & 2 != 0
    }
    /// Whether the zoomed screen (640×512) matches.
    pub fn zoomed(self) -> bool {
        self.0 & 4 != 0
    }
    /// Both environments' bits that are in `self` and in `other`.
    pub fn and(self, other: MediaMask) -> MediaMask {
        MediaMask(self.0 & other.0)
    }
    /// Whether no environment matches.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[derive(Clone, Copy)]
struct Env {
    width: f32,
    height: f32,
}

const ENVS: [(Env, MediaMask); 3] = [
    (
        Env {
            width: VIEWPORT_WIDTH,
            height: VIEWPORT_HEIGHT,
        },
        MediaMask::LANDSCAPE,
    ),
    (
        Env {
            width: VIEWPORT_HEIGHT,
            height: VIEWPORT_WIDTH,
        },
        MediaMask::PORTRAIT,
    ),
    (
        Env {
            width: VIEWPORT_WIDTH / 2.0,
            height: VIEWPORT_HEIGHT / 2.0,
        },
        MediaMask::ZOOMED,
    ),
];

/// Whether a comma-separated media query list (the text after `@media`, or a `media`
/// attribute) matches the reference screen. An empty list matches.
///
/// ```
/// use frontdesk_core::style::media::media_query_list_matches;
/// assert!(media_query_list_matches("screen and (min-width: 40em)"));
/// assert!(!media_query_list_matches("print"));
/// ```
pub fn media_query_list_matches(list: &str) -> bool {
    media_query_list_mask(list).landscape()
}

/// Whether a media query list matches the reference screen zoomed to 200%: a 640×512
/// viewport (what WCAG 1.4.4 Resize Text is checked at). An empty list matches.
///
/// ```
/// use frontdesk_core::style::media::media_query_list_matches_zoomed as z;
/// assert!(z("screen and (max-width: 640px)"));
/// assert!(!z("(min-width: 1000px)"));
/// ```
pub fn media_query_list_matches_zoomed(list: &str) -> bool {
    let list = list.trim();
    let env = Env {
        width: VIEWPORT_WIDTH / 2.0,
        height: VIEWPORT_HEIGHT / 2.0,
    };
    list.is_empty()
        || split_top_level_commas(list)
            .iter()
            .any(|q| query_matches(q, env))
}

/// Which reference environments a media query list matches. An empty list matches both.
pub fn media_query_list_mask(list: &str) -> MediaMask {
    let list = list.trim();
    if list.is_empty() {
        return MediaMask::ALL;
    }
    let queries = split_top_level_commas(list);
    let mut mask = 0;
    for (env, bit) in ENVS {
        if queries.iter().any(|q| query_matches(q, env)) {
            mask |= bit.0;
        }
    }
    MediaMask(mask)
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

fn query_matches(query: &str, env: Env) -> bool {
    let lower = query.trim().to_ascii_lowercase();
    let mut words = tokenize(&lower).into_iter().peekable();
    let mut negate = false;
    let mut result = true;
    if let Some(Token::Word(w)) = words.peek() {
        if w == "not" || w == "only" {
            negate = w == "not";
            words.next();
        }
    }
    let mut expect_operand = true;
    for token in words {
        match token {
            Token::Word(w) if w == "and" => expect_operand = true,
            Token::Word(w) if expect_operand => {
                result &= matches!(w.as_str(), "screen" | "all");
                expect_operand = false;
            }
            Token::Group(g) if expect_operand => {
                result &= feature_matches(&g, env);
                expect_operand = false;
            }
            _ => return false,
        }
    }
    result != negate
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

/// Evaluates one `(feature: value)` or `(feature)` or range form `(width >= 40em)`.
fn feature_matches(feature: &str, env: Env) -> bool {
    let f = feature.trim();
    if f.starts_with("not ") || f.contains(" or ") || f.contains('(') {
        // Nested boolean conditions: evaluate the simple "not (x)" form, else unknown.
        if let Some(rest) = f.strip_prefix("not ") {
            let inner = rest.trim().trim_start_matches('(').trim_end_matches(')');
            return !feature_matches(inner, env);
        }
        return false;
    }
    for op in [">=", "<=", ">", "<"] {
        if let Some((name, value)) = f.split_once(op) {
            let (name, value) = (name.trim(), value.trim());
            let (Some(actual), Some(limit)) = (dimension_of(name, env), length_px(value)) else {
                return false;
            };
            return match op {
                ">=" => actual >= limit,
                "<=" => actual <= limit,
                ">" => actual > limit,
                _ => actual < limit,
            };
        }
    }
    let (name, value) = match f.split_once(':') {
        Some((n, v)) => (n.trim(), Some(v.trim())),
        None => (f, None),
    };
    match (name, value) {
        ("orientation", Some(v)) => {
            v == if env.width >= env.height {
                "landscape"
            } else {
                "portrait"
            }
        }
        ("color" | "hover" | "pointer" | "any-hover" | "any-pointer" | "grid", None) => {
            name != "grid"
        }
        ("hover" | "any-hover", Some(v)) => v == "hover",
        ("pointer" | "any-pointer", Some(v)) => v == "fine",
        ("prefers-reduced-motion" | "prefers-contrast" | "forced-colors", Some(v)) => {
            v == "no-preference" || v == "none"
        }
        ("prefers-color-scheme", Some(v)) => v == "light",
        ("scripting", Some(v)) => v == "enabled",
        (name, Some(v)) => {
            let (prefix, dim) = match name.split_once('-') {
                Some((p @ ("min" | "max"), d)) => (p, d),
                _ => ("", name),
            };
            let (Some(actual), Some(limit)) = (dimension_of(dim, env), length_px(v)) else {
                return false;
            };
            match prefix {
                "min" => actual >= limit,
                "max" => actual <= limit,
                _ => (actual - limit).abs() < 0.5,
            }
        }
        _ => false,
    }
}

fn dimension_of(name: &str, env: Env) -> Option<f32> {
    match name {
        "width" | "device-width" => Some(env.width),
        "height" | "device-height" => Some(env.height),
        "resolution" => Some(1.0),
        _ => None,
    }
}

fn length_px(value: &str) -> Option<f32> {
    let v = value.trim();
    let split = v
        .find(|c: char| c.is_ascii_alphabetic() || c == '%')
        .unwrap_or(v.len());
    let number: f32 = v[..split].trim().parse().ok()?;
    match &v[split..] {
        "px" | "" => Some(number),
        "em" | "rem" => Some(number * ROOT_FONT_SIZE),
        "dppx" | "x" => Some(number),
        "dpi" => Some(number / 96.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::media_query_list_matches as m;

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

    #[test]
    fn both_orientations_and_the_zoomed_screen() {
        use super::{media_query_list_mask as mask, MediaMask};
        let landscape_and_zoomed = MediaMask(MediaMask::LANDSCAPE.0 | MediaMask::ZOOMED.0);
        // 640×512 is a landscape viewport too.
        assert_eq!(mask("(orientation: landscape)"), landscape_and_zoomed);
        assert_eq!(mask("(orientation:portrait)"), MediaMask::PORTRAIT);
        assert_eq!(mask("(orientation: lanscape)"), MediaMask::NONE);
        assert_eq!(mask("(min-width: 1100px)"), MediaMask::LANDSCAPE);
        assert_eq!(
            mask("(max-width: 1100px)"),
            MediaMask(MediaMask::PORTRAIT.0 | MediaMask::ZOOMED.0)
        );
        assert_eq!(mask("screen and (max-width: 640px)"), MediaMask::ZOOMED);
        assert_eq!(mask("(min-width: 700px)"), MediaMask(3));
        assert_eq!(mask(""), MediaMask::ALL);
    }
}
