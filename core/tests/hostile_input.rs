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

/// Controls inside labels of other controls, each with several labels, so that following
/// labels from control to control branches at every step (found by fuzzing: minutes for a
/// 7 KB page). Each control's labels are now followed once per name computation.
#[test]
fn labels_holding_each_others_controls() {
    let mut html = String::from("<!doctype html><html lang=en><title>t</title><body>");
    for i in 0..12 {
        let next = (i + 1) % 12;
        let after = (i + 2) % 12;
        html.push_str(&format!(
            "<label for=b{i}>L{i} <button id=b{next}>B{next}</button></label>\
             <label for=b{i}>M{i} <button id=c{i}>C{i}</button></label>\
             <label for=c{i}>N{i} <button>D{after}</button></label>"
        ));
    }
    let report = frontdesk_core::audit(&html, "file:///t.html", &Default::default());
    assert!(!report.url.is_empty());
    let doc = frontdesk_core::parse_document(&html);
    let b1 = doc.element_by_id("b1").expect("b1");
    // Named by its labels (HTML-AAM: labels before content), whose embedded buttons are
    // named through their own labels in turn, each control's labels followed once.
    let name = b1.accessible_name();
    assert!(name.starts_with("L1 L2 L3"), "{name}");
    assert!(name.contains("M1"), "{name}");
    // The page the fuzzer found.
    let fuzzed = String::from_utf8_lossy(include_bytes!(
        "../../fuzz/corpus/audit/label-cycle-timeout.html"
    ));
    let report = frontdesk_core::audit(&fuzzed, "file:///f.html", &Default::default());
    assert!(report.findings.iter().all(|f| !f.rule.is_empty()));
}
