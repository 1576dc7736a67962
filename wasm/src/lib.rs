//! frontdesk's engine for the browser.
//!
//! This crate will become the wasm-bindgen build behind the content editors' widget. Until
//! then it exposes the one function the widget needs, over the engine's public API only, and
//! CI builds the engine for `wasm32-unknown-unknown` to keep that path open.

use frontdesk_core::{audit, Options, Report};

/// Audits one page's HTML and returns the schema-v1 JSON report the widget renders.
///
/// ```
/// let json = frontdesk_wasm::audit_to_json("<html lang=en><title>t</title></html>", "https://a.example/");
/// assert!(json.contains("\"schema_version\":1"));
/// ```
pub fn audit_to_json(html: &str, page_url: &str) -> String {
    Report::new(vec![audit(html, page_url, &Options::default())]).to_json()
}
