//! The page-script interpreter on arbitrary script text: the bytes (lossy UTF-8) are the body
//! of an inline `<script>` in a small page with the elements DOM scripts reach for (ids, a
//! template, a dialog, a list, a frame), then the document model and every rule — so what a
//! script does (shadow roots, attributes, modal dialogs, focus listeners) reaches the flat
//! tree, the cascade and the rules.
#![no_main]

use frontdesk_core::{audit_document, Options};
use libfuzzer_sys::fuzz_target;

const PAGE_START: &str = r#"<!doctype html><html lang="en"><head><title>Fuzz</title>
<style>.a { color: #767676 } @media (max-width: 640px) { .a { overflow: hidden; height: 1em } }</style></head>
<body><main id="main"><p id="p" class="a">Text</p><div id="host"><span slot="s">light</span>
<b>more</b></div><ul id="list" role="list"><li id="li">one</li></ul>
<template id="t"><h2>from template</h2><a href="/x">link</a></template>
<dialog id="d"><button id="b">Close</button></dialog>
<iframe id="f" title="frame" srcdoc="<a href='/'>x</a>"></iframe>
<label for="in">Name</label><input id="in" aria-controls="popup"></main><script>"#;
const PAGE_END: &str = "</script></body></html>";

fuzz_target!(|data: &[u8]| {
    let script = String::from_utf8_lossy(data);
    // `</script` would end the script early: the parser's business, not the interpreter's.
    let page = format!("{PAGE_START}{}{PAGE_END}", script.replace("</", "<\\/"));
    let doc = frontdesk_core::parse_document(&page);
    for el in doc.elements() {
        let _ = el.accessible_name();
        let _ = el.zoomed_style();
    }
    let report = audit_document(
        &doc,
        "https://fuzz.example/",
        &Options::default().with_passed(true),
    );
    serde_json::to_string(&report).expect("a report always serialises");
});
