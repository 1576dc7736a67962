//! The CSS side on arbitrary style sheets: `StyleSheet::parse`, then the cascade applied
//! to a small fixed page that exercises what the rules read (visibility, colours,
//! pseudo-elements, media queries, `@import`), through every path a sheet takes in:
//! a linked sheet (via the loader, which also answers any `@import` with the same sheet),
//! a `<style>` element and a `style` attribute. Then the full audit.
#![no_main]

use frontdesk_core::style::StyleSheet;
use frontdesk_core::{audit_document, Options};
use libfuzzer_sys::fuzz_target;

const PAGE_HEAD: &str = r#"<!doctype html><html lang="en"><head><title>Fuzz</title>
<link rel="stylesheet" href="/css/site.css"><style>"#;
const PAGE_BODY: &str = r#"</style></head><body>
<header id="top" class="banner"><nav aria-label="Main"><ul><li><a href="/bins" class="nav-link">Bins <span class="visually-hidden">and recycling</span></a></li>
<li><a href="/tax"><img src="t.png" alt="Council tax"></a></li></ul></nav></header>
<main><h1 class="title">Report a <em>missed</em> bin</h1>
<p class="lead" style="STYLE_ATTR">Text with <strong>bold</strong> and <small>small</small> words.</p>
<form><label for="pc">Postcode</label><input id="pc" type="text" autocomplete="postal-code">
<button type="submit" class="btn btn-primary"><svg aria-hidden="true"><path d=""/></svg>Search</button>
<div hidden>secret</div><div aria-hidden="true"><a href="/x">hidden link</a></div></form>
<table><tr><th scope="col">Day</th></tr><tr><td data-x="1">Monday</td></tr></table>
<div role="button" tabindex="0" class="icon-button"><i class="fa fa-bin"></i></div>
<iframe title="Map" src="/map"></iframe><video controls src="v.mp4"></video>
</main><footer><p>&copy; Council</p></footer></body></html>"#;

fuzz_target!(|data: &[u8]| {
    let css = String::from_utf8_lossy(data);

    let sheet = StyleSheet::parse(&css);
    let _ = (sheet.len(), sheet.is_empty(), sheet.import_urls());

    // `</style` would end the element early; that is the HTML parser's business, not the
    // cascade's, so keep the sheet inside it.
    let inline = css.replace("</", "<\\/");
    let attr = css.replace('"', "&quot;");
    let page = format!(
        "{PAGE_HEAD}{inline}{}",
        PAGE_BODY.replace("STYLE_ATTR", &attr)
    );
    let loader = |_url: &str| Some(css.to_string());
    let doc = frontdesk_core::parse_document_with_loader(&page, "https://fuzz.example/bins/", &loader);
    for el in doc.elements() {
        let _ = el.style();
        let _ = el.is_visible();
        if el.name() == "a" || el.name() == "button" {
            let _ = el.accessible_name();
        }
    }
    let report = audit_document(&doc, "https://fuzz.example/bins/", &Options::default());
    serde_json::to_string(&report).expect("a report always serialises");
});
