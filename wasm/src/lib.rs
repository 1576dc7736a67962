//! frontdesk's engine for JavaScript (node and the browser), through wasm-bindgen.
//!
//! The functions here are thin: they turn JS values into the engine's inputs and its report
//! into a JS object, so the browser build gives exactly what the command line gives. Bad
//! input (a malformed option or snapshot) is a thrown JS `Error` that says what is wrong.
//! `wasm/build.sh` builds the npm package; `wasm/tests/` tests it under node.

use std::collections::HashMap;

use frontdesk_core::model::Snapshot;
use frontdesk_core::report::{self, Report};
use frontdesk_core::{audit_snapshot, audit_with_loader, registry, Options, ResourceLoader};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the values crossing the boundary (wasm-bindgen would type them
/// `any`). They follow the schema-v1 report (`docs/report.md`) and the rendered-snapshot
/// layout (`docs/snapshot.md`).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `audit`. */
export interface AuditOptions {
  /** The page's linked style sheets (and their `@import`s): absolute URL → CSS text.
   *  A sheet the page links but this map lacks is left out, as a browser leaves out a
   *  sheet that fails to load. */
  styleSheets?: Record<string, string>;
  /** Only run these rule ids (all rules when absent or empty). */
  rules?: string[];
  /** Also report `passed` outcomes. */
  includePassed?: boolean;
}

/** Options of `auditSnapshot`: the snapshot carries its own style sheets. */
export interface SnapshotOptions {
  rules?: string[];
  includePassed?: boolean;
}

export type Outcome = "passed" | "failed" | "cantTell";
export type Level = "A" | "AA" | "AAA";
export type Impact = "critical" | "serious" | "moderate" | "minor";

export interface Finding {
  rule: string;
  code: string;
  outcome: Outcome;
  wcag: string[];
  level: Level | null;
  act: string[];
  impact: Impact;
  selector: string;
  attribute?: string;
  snippet: string;
  line?: number;
  message: string;
  data?: Record<string, unknown>;
  fingerprint: string;
  baseline?: "new" | "existing";
  ignored?: string;
}

export interface PageReport {
  url: string;
  status: number | null;
  title: string | null;
  findings: Finding[];
  rules: { applicable: string[]; inapplicable: string[] };
}

/** The schema-v1 report, as `frontdesk check --format json` writes it for one page. */
export interface Report {
  schema_version: 1;
  tool: { name: "frontdesk"; version: string };
  pages: PageReport[];
}

/** One rule, as `frontdesk rules --format json` lists it. */
export interface RuleInfo {
  id: string;
  title: string;
  wcag: string[];
  level: Level | null;
  act: string[];
  impact: Impact;
  codes: string[];
  description: string;
}

export type SnapshotNode =
  | { type: "element"; parent?: number; namespace?: "html" | "svg" | "mathml"; name: string;
      attributes?: [string, string][]; style?: Record<string, string> }
  | { type: "text"; parent: number; text: string }
  | { type: "shadowRoot"; host: number };

/** A rendered page: the DOM after scripts ran, with computed styles (docs/snapshot.md). */
export interface Snapshot {
  version: 1;
  url: string;
  nodes: SnapshotNode[];
  styleSheets?: { css: string; media?: string }[];
  htmlDocument?: boolean;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object of `audit`, typed for TypeScript.
    #[wasm_bindgen(typescript_type = "AuditOptions")]
    pub type AuditOptionsArg;
    /// The options object of `auditSnapshot`, typed for TypeScript.
    #[wasm_bindgen(typescript_type = "SnapshotOptions")]
    pub type SnapshotOptionsArg;
}

/// Options of `audit`, as JS passes them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AuditOptions {
    #[serde(default)]
    style_sheets: HashMap<String, String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    include_passed: bool,
}

/// Options of `auditSnapshot`: no `styleSheets` (the snapshot lists its own).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SnapshotOptions {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    include_passed: bool,
}

/// The style sheets the caller supplied, by absolute URL in the form the engine asks for
/// them (parsed and serialised, so `HTTPS://A.example/x.css` finds `https://a.example/x.css`).
struct SuppliedSheets(HashMap<String, String>);

impl SuppliedSheets {
    fn new(sheets: HashMap<String, String>) -> Result<Self, String> {
        let mut by_url = HashMap::with_capacity(sheets.len());
        for (key, css) in sheets {
            let url = url::Url::parse(&key).map_err(|e| {
                format!("options.styleSheets: '{key}' is not an absolute URL ({e})")
            })?;
            by_url.insert(url.to_string(), css);
        }
        Ok(SuppliedSheets(by_url))
    }
}

impl ResourceLoader for SuppliedSheets {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        self.0.get(absolute_url).cloned()
    }
}

/// The engine's options, refusing rule ids the engine does not have (a typo would
/// otherwise run nothing and report a clean page).
fn engine_options(rules: Vec<String>, include_passed: bool) -> Result<Options, String> {
    if let Some(unknown) = rules
        .iter()
        .find(|id| !registry().iter().any(|rule| rule.meta().id == id.as_str()))
    {
        return Err(format!(
            "options.rules: unknown rule id '{unknown}' (rules() lists them)"
        ));
    }
    Ok(Options::default()
        .with_rules(rules)
        .with_passed(include_passed))
}

/// Refuses an address whose domain name the module cannot read. The npm package's module is
/// built without IDNA's Unicode tables (wasm/module/Cargo.toml), so a domain name written in
/// non-ASCII letters (`bücher.example`) does not parse there; without this the page would lose
/// every relative style sheet without a word. Its ASCII form (`xn--bcher-kva.example`, what
/// `new URL(url).href` gives) works. The native build parses such names, so it never refuses.
fn readable_address(what: &str, url: &str) -> Result<(), String> {
    match url::Url::parse(url) {
        Err(url::ParseError::IdnaError) => Err(format!(
            "{what}: '{url}' has a domain name this build cannot read (international domain \
             names only in their ASCII form, as new URL(...).href gives)"
        )),
        _ => Ok(()),
    }
}

/// Audits one page's HTML: the engine's path for `audit`, without JS values.
fn audit_page(html: &str, url: &str, options: AuditOptions) -> Result<Report, String> {
    readable_address("url", url)?;
    let sheets = SuppliedSheets::new(options.style_sheets)?;
    let engine = engine_options(options.rules, options.include_passed)?;
    Ok(Report::new(vec![audit_with_loader(
        html, url, &engine, &sheets,
    )]))
}

/// Audits a rendered snapshot: the engine's path for `auditSnapshot`, without JS values.
fn audit_rendered(snapshot: &Snapshot, options: SnapshotOptions) -> Result<Report, String> {
    let engine = engine_options(options.rules, options.include_passed)?;
    // The engine's reasons name the snapshot already ("snapshot node 3 …").
    let page = audit_snapshot(snapshot, &engine).map_err(|e| e.to_string())?;
    Ok(Report::new(vec![page]))
}

/// A string argument; wasm-bindgen's own `&str` conversion would not refuse a number.
fn string_arg(value: JsValue, name: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        let got = if value.is_null() {
            "null".to_string()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        JsError::new(&format!("{name}: expected a string, got {got}"))
    })
}

/// JS options: `undefined` and `null` mean the defaults. An option the engine does not know
/// is refused, so a misspelt one is never silently ignored (serde-wasm-bindgen reads only
/// the fields a struct names, so `deny_unknown_fields` alone would not see it).
fn options_from_js<T: for<'de> Deserialize<'de> + Default>(
    value: Option<JsValue>,
    known: &[&str],
) -> Result<T, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    if value.is_object() && !js_sys::Array::is_array(&value) {
        let object: &js_sys::Object = value.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "options: unknown option '{key}' (known: {})",
                    known.join(", ")
                )));
            }
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| refused("options", e))
}

/// A value serde-wasm-bindgen could not read, as "<what>: <reason>" (its errors are JS
/// errors whose text starts "Error: ").
fn refused(what: &str, error: serde_wasm_bindgen::Error) -> JsError {
    let text = error.to_string();
    let reason = text.strip_prefix("Error: ").unwrap_or(&text);
    JsError::new(&format!("{what}: {reason}"))
}

/// A serde_json message without its " at line L column C": for JSON text the module wrote.
fn without_position(message: &str) -> &str {
    match message.rsplit_once(" at line ") {
        Some((reason, place)) if place.contains(" column ") => reason,
        _ => message,
    }
}

/// Plain JS objects and arrays, `null` for absent values: the command line's JSON text
/// through `JSON.parse`, so it is that shape by construction, and one serialiser
/// (serde_json's) serves the module.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let internal = |e: &dyn std::fmt::Display| {
        JsError::new(&format!("internal error while converting the report: {e}"))
    };
    let text = serde_json::to_string(value).map_err(|e| internal(&e))?;
    js_sys::JSON::parse(&text).map_err(|_| internal(&"JSON.parse refused it"))
}

/// Audits one page's HTML and returns the schema-v1 report, as `frontdesk check --format
/// json` gives for it. `url` is the page's address (the base for its links and sheets).
#[wasm_bindgen(js_name = audit, unchecked_return_type = "Report")]
pub fn audit_js(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
    options: Option<AuditOptionsArg>,
) -> Result<JsValue, JsError> {
    let html = string_arg(html, "html")?;
    let url = string_arg(url, "url")?;
    let options: AuditOptions = options_from_js(
        options.map(JsValue::from),
        &["styleSheets", "rules", "includePassed"],
    )?;
    let report = audit_page(&html, &url, options).map_err(|e| JsError::new(&e))?;
    to_js(&report)
}

/// Audits a rendered snapshot (the DOM a browser holds after scripts ran, with computed
/// styles; docs/snapshot.md) and returns the schema-v1 report. The snapshot is an object or
/// its JSON text; the text is the faster to hand over (one string instead of every style
/// entry crossing into wasm on its own), so the live-page audit sends that.
#[wasm_bindgen(js_name = auditSnapshot, unchecked_return_type = "Report")]
pub fn audit_snapshot_js(
    #[wasm_bindgen(unchecked_param_type = "Snapshot | string")] snapshot: JsValue,
    options: Option<SnapshotOptionsArg>,
) -> Result<JsValue, JsError> {
    if snapshot.is_undefined() || snapshot.is_null() {
        return Err(JsError::new(
            "snapshot: expected an object or its JSON text, got nothing",
        ));
    }
    let snapshot = match snapshot.as_string() {
        Some(text) => Snapshot::from_json(&text).map_err(|e| JsError::new(&e.to_string()))?,
        // An object crosses as its JSON text too, so the module holds one snapshot reader
        // (serde_json's, which the text needs) instead of a second one for JS values.
        None => {
            let text = js_sys::JSON::stringify(&snapshot)
                .ok()
                .and_then(|text| text.as_string())
                .ok_or_else(|| {
                    JsError::new("snapshot: expected an object or its JSON text, got a value JSON cannot hold")
                })?;
            // The caller wrote no text: a place in it would mislead.
            Snapshot::from_json(&text)
                .map_err(|e| JsError::new(without_position(&e.to_string())))?
        }
    };
    let options: SnapshotOptions =
        options_from_js(options.map(JsValue::from), &["rules", "includePassed"])?;
    let report = audit_rendered(&snapshot, options).map_err(|e| JsError::new(&e))?;
    to_js(&report)
}

/// Every rule the engine runs, as `frontdesk rules --format json` lists them.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&report::catalogue().rules)
}

/// The engine's version (the crate's, which the npm package's follows).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The absolute URLs of the style sheets a page links (resolved against `<base href>` and
/// `url`), in cascade order: what to fetch for `options.styleSheets`.
#[wasm_bindgen(js_name = stylesheetUrls)]
pub fn stylesheet_urls(html: &str, url: &str) -> Result<Vec<String>, JsError> {
    readable_address("url", url).map_err(|e| JsError::new(&e))?;
    Ok(frontdesk_core::stylesheet_urls(html, url))
}

/// The absolute URLs a style sheet `@import`s, resolved against the sheet's own URL.
#[wasm_bindgen(js_name = importUrls)]
pub fn import_urls(css: &str, sheet_url: &str) -> Result<Vec<String>, JsError> {
    readable_address("sheet_url", sheet_url).map_err(|e| JsError::new(&e))?;
    Ok(frontdesk_core::import_urls(css, sheet_url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontdesk_core::Outcome;

    const PAGE: &str = r#"<html lang="en"><title>Bins</title><link rel="stylesheet" href="/site.css">
        <main><h1>Bins</h1><p class="note">Collections move to Tuesday.</p></main></html>"#;

    fn contrast(report: &Report) -> Option<Outcome> {
        report.pages[0]
            .audit
            .findings
            .iter()
            .find(|f| f.rule == "text-contrast-minimum")
            .map(|f| f.outcome)
    }

    #[test]
    fn supplied_sheets_apply_by_absolute_url() {
        // #aaa on white is 2.32:1, under 1.4.3's 4.5:1.
        let sheets = HashMap::from([(
            "HTTPS://Council.example/site.css".to_string(),
            ".note { color: #aaa; background: #fff }".to_string(),
        )]);
        let options = AuditOptions {
            style_sheets: sheets,
            ..AuditOptions::default()
        };
        let report = audit_page(PAGE, "https://council.example/bins/", options).unwrap();
        assert_eq!(contrast(&report), Some(Outcome::Failed));
        // Without the sheet the text is the UA's black on white.
        let report = audit_page(
            PAGE,
            "https://council.example/bins/",
            AuditOptions::default(),
        )
        .unwrap();
        assert_eq!(contrast(&report), None);
    }

    #[test]
    fn bad_options_are_refused_with_their_reason() {
        let options = AuditOptions {
            style_sheets: HashMap::from([("site.css".to_string(), String::new())]),
            ..AuditOptions::default()
        };
        let err = audit_page(PAGE, "https://council.example/", options).unwrap_err();
        assert!(
            err.starts_with("options.styleSheets: 'site.css' is not an absolute URL"),
            "{err}"
        );
        let options = AuditOptions {
            rules: vec!["html-has-lang".into(), "no-such-rule".into()],
            ..AuditOptions::default()
        };
        let err = audit_page(PAGE, "https://council.example/", options).unwrap_err();
        assert_eq!(
            err,
            "options.rules: unknown rule id 'no-such-rule' (rules() lists them)"
        );
    }

    #[test]
    fn options_read_from_json_field_names() {
        let options: AuditOptions = serde_json::from_str(
            r#"{"styleSheets":{"https://a.example/x.css":"p{}"},"rules":["html-has-lang"],"includePassed":true}"#,
        )
        .unwrap();
        let report = audit_page(PAGE, "https://a.example/", options).unwrap();
        let page = &report.pages[0].audit;
        assert_eq!(page.rules.applicable, ["html-has-lang"]);
        assert_eq!(page.findings.len(), 1);
        assert_eq!(page.findings[0].outcome, Outcome::Passed);
        let misspelt = serde_json::from_str::<AuditOptions>(r#"{"stylesheets":{}}"#).unwrap_err();
        assert!(
            misspelt.to_string().contains("unknown field `stylesheets`"),
            "{misspelt}"
        );
        // Sheets belong to the snapshot, not to the options of auditSnapshot.
        assert!(serde_json::from_str::<SnapshotOptions>(r#"{"styleSheets":{}}"#).is_err());
    }
}
