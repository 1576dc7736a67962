//! Invalid and hostile HTML never panics and stays bounded: unclosed tags, 10 MB pages, deep
//! nesting, binary junk, pathological attributes and references.

use frontdesk_core::{audit, Options, Outcome};

fn audit_ok(html: &str) -> frontdesk_core::PageReport {
    audit(
        html,
        "https://hostile.example/",
        &Options::default().with_passed(true),
    )
}

/// A deterministic pseudo-random byte stream (xorshift), so failures reproduce.
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn unclosed_and_misnested_tags() {
    let report = audit_ok("<html><body><div><p><a href=x><b><i>text</div></p><table><td><img src=a><form><input></table");
    // The image without alt is still found inside the broken markup.
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule == "image-has-name" && f.outcome == Outcome::Failed));
}

#[test]
fn deep_nesting_of_every_kind() {
    for tag in [
        "div", "span", "a href=x", "table", "button", "ul", "b", "svg", "label",
    ] {
        let open = format!("<{tag}>");
        let html = open.repeat(50_000) + "<img src=x>";
        let report = audit_ok(&html);
        assert_eq!(report.url, "https://hostile.example/", "{tag}");
    }
}

#[test]
fn ten_megabyte_pages() {
    // Text-heavy: 10 MB in about 10,000 paragraphs, with a link and an image every ten.
    let paragraph = format!(
        "<p>{}</p>\n",
        "Council tax is due on the first of each month. ".repeat(20)
    );
    let block = paragraph.repeat(9) + "<p><a href=\"/bins\">Bins</a> <img src=\"bin.png\"></p>\n";
    let html = format!(
        "<html lang=en><title>Big</title>{}",
        block.repeat(10_000_000 / block.len() + 1)
    );
    assert!(html.len() >= 10_000_000);
    let report = audit(&html, "https://hostile.example/", &Options::default());
    let images = report
        .findings
        .iter()
        .filter(|f| f.rule == "image-has-name")
        .count();
    assert_eq!(
        images,
        10_000_000 / block.len() + 1,
        "every image is examined"
    );

    // One enormous text node and attribute.
    let text = "x".repeat(10_000_000);
    let report = audit(
        &format!("<p title=\"{text}\">{text}</p>"),
        "https://hostile.example/",
        &Options::default(),
    );
    assert!(report.findings.iter().any(|f| f.rule == "html-has-lang"));
}

#[test]
fn wide_tables() {
    // 20,000 rows in one table: per-element work must not depend on the number of siblings.
    let row = "<tr><td><a href=\"/bins\">Bins</a></td><td><img src=\"bin.png\" alt=\"\"></td></tr>";
    let html = format!(
        "<html lang=en><title>Wide</title><table>{}</table>",
        row.repeat(20_000)
    );
    let report = audit_ok(&html);
    let links = report
        .findings
        .iter()
        .filter(|f| f.rule == "link-has-name")
        .count();
    assert_eq!(links, 20_000);
}

#[test]
fn binary_junk() {
    for seed in 1..20u64 {
        let bytes = junk(200_000, seed);
        let html = String::from_utf8_lossy(&bytes);
        let report = audit_ok(&html);
        assert_eq!(
            report
                .findings
                .iter()
                .filter(|f| f.rule == "page-has-title")
                .count(),
            1
        );
    }
    // NUL bytes and lone surrogates (as replacement characters) in every position.
    audit_ok(
        "<html lang=\"\u{0}\"><title>\u{0}\u{fffd}</title><img alt=\"\u{0}\" src=\u{0}><\u{0}>",
    );
}

#[test]
fn pathological_references_and_styles() {
    // aria-labelledby cycles and self-references, many ids, huge style sheets.
    let mut html = String::from("<html lang=en><title>t</title>");
    for i in 0..2000 {
        html.push_str(&format!(
            "<span id=\"l{i}\" aria-labelledby=\"l{} l{i}\">x</span>",
            (i + 1) % 2000
        ));
    }
    html.push_str("<button aria-labelledby=\"l0 l1 l2\"></button>");
    html.push_str("<style>");
    for i in 0..5000 {
        html.push_str(&format!(
            ".c{i} > :not(.d) ~ p:nth-child(2n+1) {{ display: none }}"
        ));
    }
    html.push_str(
        "@media screen { @media screen { @media screen { a { visibility: hidden } } } }</style>",
    );
    html.push_str(&"<p class=\"c1\">p</p>".repeat(500));
    let report = audit_ok(&html);
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule == "button-has-name" && f.outcome == Outcome::Passed));
}
