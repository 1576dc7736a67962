//! The sitemap file format, without the network: `<urlset>`, `<sitemapindex>`, plain text
//! (one URL per line), any of them gzip-compressed (detected by the magic bytes). The parse
//! streams and is bounded: at most [`MAX_DECOMPRESSED_BYTES`] decompressed, at most
//! [`MAX_URLS_PER_SITEMAP`] URLs of each kind (the protocol's own limit), each at most
//! 8 KiB. The crawl driver fetches the files.

use std::io::{BufRead, BufReader, Read};

use flate2::read::GzDecoder;
use quick_xml::events::Event;

/// The most of a gzip-compressed sitemap decompressed.
pub const MAX_DECOMPRESSED_BYTES: u64 = 50 * 1024 * 1024;
/// URLs of each kind read from one file (the sitemap protocol's own limit).
pub const MAX_URLS_PER_SITEMAP: usize = 50_000;

/// What one sitemap file holds.
#[derive(Debug, Default, PartialEq)]
pub struct Parsed {
    /// `<url><loc>` (or text lines): pages, as written.
    pub pages: Vec<String>,
    /// `<sitemap><loc>` of an index: more sitemap files, as written.
    pub sitemaps: Vec<String>,
    /// Set when the file was cut short (too big, or malformed past some point).
    pub warning: Option<String>,
}

/// Parses a sitemap, an index, or a text sitemap, gzip-compressed or not.
pub fn parse(bytes: &[u8]) -> Parsed {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let decoder = GzDecoder::new(bytes).take(MAX_DECOMPRESSED_BYTES);
        let mut parsed = parse_reader(BufReader::new(decoder));
        if parsed.warning.is_none() && gz_exceeds_cap(bytes) {
            parsed.warning = Some(format!(
                "larger than {} MB decompressed; the rest was ignored",
                MAX_DECOMPRESSED_BYTES / (1024 * 1024)
            ));
        }
        parsed
    } else {
        parse_reader(bytes)
    }
}

/// Whether the gzip stream decompresses past the cap (checked by reading one byte beyond
/// it; cheap compared with the parse, and only for compressed sitemaps).
fn gz_exceeds_cap(bytes: &[u8]) -> bool {
    let mut decoder = GzDecoder::new(bytes).take(MAX_DECOMPRESSED_BYTES + 1);
    std::io::copy(&mut decoder, &mut std::io::sink()).is_ok_and(|n| n > MAX_DECOMPRESSED_BYTES)
}

fn parse_reader<R: BufRead>(mut input: R) -> Parsed {
    // Text sitemaps: anything that does not start with markup.
    let is_xml = match input.fill_buf() {
        Ok(head) => {
            let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
            head.iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_none_or(|&b| b == b'<')
        }
        Err(e) => {
            return Parsed {
                warning: Some(format!("cannot read: {e}")),
                ..Parsed::default()
            }
        }
    };
    if !is_xml {
        return parse_text(input);
    }
    let mut reader = quick_xml::Reader::from_reader(input);
    reader.config_mut().trim_text(true);
    let mut parsed = Parsed::default();
    // Local names of the open elements, lower-cased; only the last two matter.
    let mut stack: Vec<String> = Vec::new();
    let mut loc = String::new();
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => {
                parsed.warning = Some(format!("malformed XML: {e}"));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if name == "loc" {
                    loc.clear();
                }
                // A hostile file could nest without end; nothing useful is that deep.
                if stack.len() < 16 {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                if stack.last().is_some_and(|n| n == "loc") {
                    let parent = stack.len().checked_sub(2).map(|i| stack[i].as_str());
                    let target = match parent {
                        Some("url") => Some(&mut parsed.pages),
                        Some("sitemap") => Some(&mut parsed.sitemaps),
                        _ => None,
                    };
                    if let Some(target) = target {
                        let value = loc.trim();
                        if !value.is_empty() && target.len() < MAX_URLS_PER_SITEMAP {
                            target.push(value.to_string());
                        }
                    }
                    loc.clear();
                }
                stack.pop();
            }
            Event::Text(t) if in_loc(&stack) => {
                if let Ok(text) = t.decode() {
                    push_capped(&mut loc, &text);
                }
            }
            Event::CData(t) if in_loc(&stack) => {
                push_capped(&mut loc, &String::from_utf8_lossy(&t));
            }
            // quick-xml reports `&amp;` and friends separately from the text around them
            // (sitemap URLs with queries are full of them).
            Event::GeneralRef(r) if in_loc(&stack) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    loc.push(c);
                } else if let Ok(name) = r.decode() {
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        loc.push_str(s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
        if parsed.pages.len() >= MAX_URLS_PER_SITEMAP
            && parsed.sitemaps.len() >= MAX_URLS_PER_SITEMAP
        {
            break;
        }
    }
    parsed
}

fn in_loc(stack: &[String]) -> bool {
    stack.last().is_some_and(|n| n == "loc")
}

/// A URL longer than this is garbage, not an address.
const MAX_URL_LEN: usize = 8 * 1024;

fn push_capped(loc: &mut String, text: &str) {
    if loc.len() + text.len() <= MAX_URL_LEN {
        loc.push_str(text);
    }
}

fn parse_text<R: BufRead>(input: R) -> Parsed {
    let mut parsed = Parsed::default();
    for line in input.split(b'\n') {
        let Ok(line) = line else { break };
        let line = String::from_utf8_lossy(&line);
        let line = line.trim();
        if line.starts_with("http://") || line.starts_with("https://") {
            if line.len() <= MAX_URL_LEN {
                parsed.pages.push(line.to_string());
            }
            if parsed.pages.len() == MAX_URLS_PER_SITEMAP {
                break;
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn urlset_with_entities_and_namespaces() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://c.example/a?x=1&amp;y=2 </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc><![CDATA[https://c.example/b]]></loc></url>
</urlset>"#;
        let parsed = parse(xml);
        assert_eq!(
            parsed.pages,
            ["https://c.example/a?x=1&y=2", "https://c.example/b"]
        );
        assert!(parsed.sitemaps.is_empty());
        assert_eq!(parsed.warning, None);
    }

    #[test]
    fn index_and_gzip() {
        let xml = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://c.example/s1.xml</loc></sitemap>
<sitemap><loc>https://c.example/s2.xml.gz</loc></sitemap></sitemapindex>"#;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(xml).unwrap();
        let parsed = parse(&gz.finish().unwrap());
        assert_eq!(
            parsed.sitemaps,
            ["https://c.example/s1.xml", "https://c.example/s2.xml.gz"]
        );
        assert!(parsed.pages.is_empty());
    }

    #[test]
    fn text_sitemap() {
        let parsed = parse(b"https://c.example/a\r\n\nnot a url\nhttp://c.example/b\n");
        assert_eq!(parsed.pages, ["https://c.example/a", "http://c.example/b"]);
    }

    #[test]
    fn malformed_xml_keeps_what_came_before() {
        let parsed = parse(b"<urlset><url><loc>https://c.example/a</loc></url><url><loc>x</lo");
        assert_eq!(parsed.pages, ["https://c.example/a"]);
    }

    #[test]
    fn gzip_bomb_is_cut_at_the_cap() {
        // 60 MB of spaces compresses to ~60 KB; the parse stops at 50 MB.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<urlset><url><loc>https://c.example/a</loc></url>")
            .unwrap();
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..60 {
            gz.write_all(&spaces).unwrap();
        }
        let parsed = parse(&gz.finish().unwrap());
        assert_eq!(parsed.pages, ["https://c.example/a"]);
        assert!(parsed.warning.unwrap().contains("decompressed"));
    }
}
