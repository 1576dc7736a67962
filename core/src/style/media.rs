//! Media query evaluation for frontdesk's reference screen: a 1280×1024 CSS-pixel landscape
//! colour screen with 16px root font size. Unknown features make a query false, so rules
//! meant for unusual media are not applied.

/// Viewport width in CSS pixels.
pub const VIEWPORT_WIDTH: f32 = 1280.0;
/// Viewport height in CSS pixels.
pub const VIEWPORT_HEIGHT: f32 = 1024.0;
const ROOT_FONT_SIZE: f32 = 16.0;

/// Whether a comma-separated media query list (the text after `@media`, or a `media`
/// attribute) matches the reference screen. An empty list matches.
pub fn media_query_list_matches(list: &str) -> bool {
    let list = list.trim();
    if list.is_empty() {
        return true;
    }
    split_top_level_commas(list).iter().any(|q| query_matches(q))
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

fn query_matches(query: &str) -> bool {
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
                result &= feature_matches(&g);
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
fn feature_matches(feature: &str) -> bool {
    let f = feature.trim();
    if f.starts_with("not ") || f.contains(" or ") || f.contains('(') {
        // Nested boolean conditions: evaluate the simple "not (x)" form, else unknown.
        if let Some(rest) = f.strip_prefix("not ") {
            let inner = rest.trim().trim_start_matches('(').trim_end_matches(')');
            return !feature_matches(inner);
        }
        return false;
    }
    for op in [">=", "<=", ">", "<"] {
        if let Some((name, value)) = f.split_once(op) {
            let (name, value) = (name.trim(), value.trim());
            let (Some(actual), Some(limit)) = (dimension_of(name), length_px(value)) else {
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
        ("orientation", Some(v)) => v == "landscape",
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
            let (Some(actual), Some(limit)) = (dimension_of(dim), length_px(v)) else {
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

fn dimension_of(name: &str) -> Option<f32> {
    match name {
        "width" | "device-width" => Some(VIEWPORT_WIDTH),
        "height" | "device-height" => Some(VIEWPORT_HEIGHT),
        "resolution" => Some(1.0),
        _ => None,
    }
}

fn length_px(value: &str) -> Option<f32> {
    let v = value.trim();
    let split = v.find(|c: char| c.is_ascii_alphabetic() || c == '%').unwrap_or(v.len());
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
}
