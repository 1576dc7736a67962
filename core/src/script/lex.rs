//! Tokens of the JavaScript subset [`super::parse`] reads. Anything outside it (regular
//! expressions, template substitutions, operators the subset has no use for) is an
//! [`Unsupported`] error: the caller then leaves the script alone.

use super::Unsupported;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Str(String),
    Num(f64),
    /// Punctuation the subset knows: `( ) { } [ ] . , ; : = =>`, and `-` before a number.
    Punct(&'static str),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub tok: Tok,
    /// A line break stands between this token and the one before (automatic semicolons).
    pub newline_before: bool,
}

const PUNCTS: [&str; 13] = [
    "=>", "=", "(", ")", "{", "}", "[", "]", ".", ",", ";", ":", "-",
];

/// Scripts longer than this are not read (a page's DOM-building snippets are short).
pub(super) const MAX_SOURCE: usize = 64 * 1024;

pub(super) fn tokenize(source: &str) -> Result<Vec<Token>, Unsupported> {
    if source.len() > MAX_SOURCE {
        return Err(Unsupported);
    }
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut newline = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' | b'\r' => {
                newline = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | 0x0c | 0x0b => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = source[i + 2..].find("*/").ok_or(Unsupported)?;
                newline |= source[i + 2..i + 2 + end].contains('\n');
                i += end + 4;
                continue;
            }
            // `<!--` and `-->` comments of old inline scripts.
            b'<' if source[i..].starts_with("<!--") => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'-' if newline_or_start(&tokens, newline) && source[i..].starts_with("-->") => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        let tok = if c == b'"' || c == b'\'' || c == b'`' {
            let (text, end) = string_literal(source, i)?;
            i = end;
            Tok::Str(text)
        } else if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') {
                return Err(Unsupported); // hex, exponents, bigints, suffixes
            }
            Tok::Num(source[start..i].parse().map_err(|_| Unsupported)?)
        } else if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
            {
                i += 1;
            }
            Tok::Ident(source[start..i].to_string())
        } else {
            let p = PUNCTS
                .iter()
                .find(|p| source[i..].starts_with(**p))
                .ok_or(Unsupported)?;
            // `==`, `=>` and `=` share a first byte: only the last two are in the subset.
            if *p == "."
                && bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
            {
                return Err(Unsupported);
            }
            if source[i..].starts_with("==") {
                return Err(Unsupported);
            }
            i += p.len();
            Tok::Punct(p)
        };
        tokens.push(Token {
            tok,
            newline_before: newline,
        });
        newline = false;
    }
    Ok(tokens)
}

fn newline_or_start(tokens: &[Token], newline: bool) -> bool {
    newline || tokens.is_empty()
}

/// A quoted string or a template literal without substitutions, from the quote at `start`;
/// its value and the index after the closing quote.
fn string_literal(source: &str, start: usize) -> Result<(String, usize), Unsupported> {
    let quote = source.as_bytes()[start] as char;
    let mut out = String::new();
    let mut chars = source[start + 1..].char_indices();
    while let Some((offset, c)) = chars.next() {
        match c {
            c if c == quote => return Ok((out, start + 1 + offset + 1)),
            '\n' | '\r' if quote != '`' => return Err(Unsupported),
            '$' if quote == '`' && source[start + 1 + offset..].starts_with("${") => {
                return Err(Unsupported)
            }
            '\\' => {
                let (_, e) = chars.next().ok_or(Unsupported)?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '0' => out.push('\0'),
                    // A line continuation adds nothing.
                    '\n' => {}
                    'x' | 'u' => {
                        let digits = if e == 'x' { 2 } else { 4 };
                        let mut value = 0u32;
                        for _ in 0..digits {
                            let (_, d) = chars.next().ok_or(Unsupported)?;
                            value = value * 16 + d.to_digit(16).ok_or(Unsupported)?;
                        }
                        out.push(char::from_u32(value).ok_or(Unsupported)?);
                    }
                    other => out.push(other),
                }
            }
            c => out.push(c),
        }
    }
    Err(Unsupported)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn strings_keep_their_escapes() {
        assert_eq!(
            toks(
                r#"'it\'s' "say \"hi\"" `two
lines`"#
            ),
            vec![
                Tok::Str("it's".into()),
                Tok::Str("say \"hi\"".into()),
                Tok::Str("two\nlines".into())
            ]
        );
    }

    #[test]
    fn the_subset() {
        assert_eq!(
            toks("const r = el.attachShadow({ mode: 'open' }) // c\n r.textContent = `a\nb`"),
            vec![
                Tok::Ident("const".into()),
                Tok::Ident("r".into()),
                Tok::Punct("="),
                Tok::Ident("el".into()),
                Tok::Punct("."),
                Tok::Ident("attachShadow".into()),
                Tok::Punct("("),
                Tok::Punct("{"),
                Tok::Ident("mode".into()),
                Tok::Punct(":"),
                Tok::Str("open".into()),
                Tok::Punct("}"),
                Tok::Punct(")"),
                Tok::Ident("r".into()),
                Tok::Punct("."),
                Tok::Ident("textContent".into()),
                Tok::Punct("="),
                Tok::Str("a\nb".into()),
            ]
        );
        assert_eq!(toks(r"'\u00e9\x41\n'"), vec![Tok::Str("éA\n".into())]);
        let t = tokenize("a\n/* x\n */ b").unwrap();
        assert!(t[1].newline_before);
    }

    #[test]
    fn outside_the_subset() {
        for s in [
            "a == b",
            "a + b",
            "a += b",
            "x = /re/",
            "`${a}`",
            "0x10",
            "'open",
            "a && b",
            "a ? b : c",
            "!a",
        ] {
            assert!(tokenize(s).is_err(), "{s}");
        }
    }
}
