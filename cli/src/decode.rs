//! Bytes → text, the way a browser would pick the encoding (simplified), for pages and
//! style sheets alike, whether `check` or `crawl` read them.
//!
//! The engine takes `&str`, so the CLI decides the encoding. Order, as in the HTML spec's
//! encoding sniffing: a byte order mark wins, then the HTTP `Content-Type` charset, then a
//! `<meta charset>` in the first 1024 bytes, then UTF-8. Style sheets follow CSS Syntax's
//! "determine the fallback encoding": the `@charset` rule in place of `<meta>`. Malformed
//! bytes become U+FFFD rather than an error: a broken page must still be checked, never
//! rejected.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Decodes an HTML document. `transport_charset` is the `charset` parameter of the HTTP
/// `Content-Type` header, when the page was fetched.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    decode_with(declared.unwrap_or(UTF_8), bytes)
}

/// Decodes a style sheet (CSS Syntax Level 3, "the input byte stream"): a byte order mark,
/// then the HTTP `Content-Type` charset, then an `@charset "…";` rule at the very start,
/// then UTF-8. An `@charset` naming UTF-16 means UTF-8: a sheet that can spell the rule in
/// ASCII is not UTF-16.
pub fn decode_css(bytes: &[u8], transport_charset: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| {
            let rest = bytes.strip_prefix(b"@charset \"")?;
            let end = rest.iter().position(|&b| b == b'"')?;
            let encoding = Encoding::for_label(&rest[..end])?;
            Some(if encoding == UTF_16BE || encoding == UTF_16LE {
                UTF_8
            } else {
                encoding
            })
        });
    decode_with(declared.unwrap_or(UTF_8), bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    // `decode_without_bom_handling` because the BOM (if any) was already stripped, and a
    // second, stray BOM in the content must stay visible as content.
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// A simplified version of the spec's "prescan a byte stream": finds `charset=` inside the
/// first `<meta` tags of the first 1024 bytes. That covers both `<meta charset="…">` and
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut rest = &lower[..];
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let tag_body = &tag[..end];
        if let Some(pos) = find(tag_body, b"charset") {
            let after = skip_ws(&tag_body[pos + b"charset".len()..]);
            if let Some(after_eq) = after.strip_prefix(b"=") {
                let value = skip_ws(after_eq);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(value.len());
                if let Some(encoding) = Encoding::for_label(&value[..len]) {
                    return Some(adjust_declared(encoding));
                }
            }
        }
        rest = &tag[end..];
    }
    None
}

/// The spec's adjustments for a charset declared inside the document: a page that could be
/// read as ASCII to find its `<meta>` cannot really be UTF-16, and `x-user-defined` means
/// windows-1252.
fn adjust_declared(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_ws(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(
            decode_html(b"\xEF\xBB\xBF<p>\xC3\xA9</p>", None),
            "<p>é</p>"
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_not_rejected() {
        assert_eq!(decode_html(b"<p>\xFF</p>", None), "<p>\u{FFFD}</p>");
    }

    #[test]
    fn meta_charset_is_honoured() {
        let html = b"<html><head><meta charset=\"windows-1252\"><title>\xA3 rates</title>";
        assert!(decode_html(html, None).contains("£ rates"));
        let html = b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>\xA3";
        assert!(decode_html(html, None).ends_with('£'));
    }

    #[test]
    fn http_charset_beats_meta_and_bom_beats_both() {
        let html = b"<meta charset=utf-8>\xA3";
        assert!(decode_html(html, Some("windows-1252")).ends_with('£'));
        let html = b"\xEF\xBB\xBF<meta charset=windows-1252>\xC2\xA3";
        assert!(decode_html(html, Some("windows-1252")).ends_with('£'));
    }

    #[test]
    fn declared_utf16_means_utf8() {
        assert_eq!(
            decode_html(b"<meta charset=utf-16>\xC3\xA9", None),
            "<meta charset=utf-16>é"
        );
    }

    #[test]
    fn unknown_labels_fall_back_to_utf8() {
        assert_eq!(
            decode_html(b"<meta charset=klingon>\xC3\xA9", None),
            "<meta charset=klingon>é"
        );
    }

    #[test]
    fn css_bom_then_http_charset_then_at_charset_then_utf8() {
        // U+00A3 (£) is 0xA3 in windows-1252 and 0xC2 0xA3 in UTF-8.
        assert_eq!(
            decode_css(b"\xEF\xBB\xBFp{content:'\xC2\xA3'}", None),
            "p{content:'£'}"
        );
        assert_eq!(
            decode_css(b"p{content:'\xA3'}", Some("windows-1252")),
            "p{content:'£'}"
        );
        let declared = b"@charset \"windows-1252\"; p{content:'\xA3'}";
        assert!(decode_css(declared, None).ends_with("'£'}"));
        // The transport charset beats the rule, and the BOM beats both.
        let utf8 = b"@charset \"windows-1252\"; p{content:'\xC2\xA3'}";
        assert!(decode_css(utf8, Some("utf-8")).ends_with("'£'}"));
        assert!(decode_css(
            &[b"\xEF\xBB\xBF".as_slice(), utf8].concat(),
            Some("windows-1252")
        )
        .ends_with("'£'}"));
        // The rule must open the sheet, exactly as spelt.
        assert!(decode_css(b" @charset \"windows-1252\"; \xC2\xA3", None).ends_with('£'));
        // utf-16 in an ASCII @charset means utf-8; no declaration means utf-8.
        assert!(decode_css(b"@charset \"utf-16\"; \xC2\xA3", None).ends_with('£'));
        assert_eq!(decode_css(b"a{}\xFF", None), "a{}\u{FFFD}");
    }
}
