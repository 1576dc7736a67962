//! The pipeline: HTML in, [`PageReport`] out. Each stage is a folder of its own, and this
//! file is the one place that calls them in order:
//! [`html`](crate::html) → [`script`](crate::script) → [`style`](crate::style) →
//! [`model`](crate::model) → [`rules`](crate::rules) → [`report`](crate::report).

use crate::model::{Builder, Document, Snapshot, SnapshotError};
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::rules::{registry, Context, Impact, Level, Outcome, Rule};
use crate::style::{NoLoader, ResourceLoader};

/// What to audit and what to report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// Also report `passed` outcomes (the ACT runner and "show me everything" views need
    /// them). Off by default: reports hold `failed` and `cantTell` findings only.
    pub include_passed: bool,
    /// Only run these rule ids (all rules when empty).
    pub rules: Vec<String>,
    /// HTTP status to record in the report, when the page was fetched.
    pub status: Option<u16>,
}

impl Options {
    /// Default options with `include_passed` set as given.
    ///
    /// ```
    /// let options = frontdesk_core::Options::default().with_passed(true);
    /// assert!(options.include_passed);
    /// ```
    pub fn with_passed(mut self, include_passed: bool) -> Self {
        self.include_passed = include_passed;
        self
    }

    /// Restricts the audit to the given rule ids.
    pub fn with_rules<I: IntoIterator<Item = S>, S: Into<String>>(mut self, rules: I) -> Self {
        self.rules = rules.into_iter().map(Into::into).collect();
        self
    }

    /// Records the HTTP status the page was fetched with.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }
}

/// Audits one HTML page, with its own `<style>` elements and `style` attributes but no
/// external style sheets (the same as [`audit_with_loader`] with [`NoLoader`]).
///
/// `page_url` is recorded in the report (use a `file://` URL for files). Any input is
/// accepted: malformed HTML is parsed the way browsers parse it, and the call never panics.
///
/// ```
/// use frontdesk_core::{audit, Options};
/// let report = audit("<html><title>Pay</title><p>Hi</p></html>", "file:///pay.html", &Options::default());
/// assert_eq!(report.findings[0].rule, "html-has-lang");
/// ```
pub fn audit(html: &str, page_url: &str, options: &Options) -> PageReport {
    audit_with_loader(html, page_url, options, &NoLoader)
}

/// Audits one HTML page, loading the style sheets it links (`<link rel=stylesheet>`,
/// `@import`, resolved against `<base href>` and `page_url`) through `loader`. The engine
/// does no I/O: the loader is asked for each sheet by absolute URL, and a sheet it cannot
/// supply is left out. [`crate::stylesheet_urls`] lists the URLs for callers that prefetch.
///
/// ```
/// use frontdesk_core::{audit_with_loader, Options, Outcome};
///
/// let html = r#"<html lang="en"><title>Bins</title><link rel="stylesheet" href="/site.css">
///               <p class="note">Collections move to Tuesday.</p></html>"#;
/// let loader = |url: &str| match url {
///     "https://council.example/site.css" => Some(".note { color: #aaa; background: #fff }".to_string()),
///     _ => None,
/// };
/// let report = audit_with_loader(html, "https://council.example/bins/", &Options::default(), &loader);
/// let contrast = report.findings.iter().find(|f| f.rule == "text-contrast-minimum").unwrap();
/// assert_eq!(contrast.outcome, Outcome::Failed);
/// ```
pub fn audit_with_loader(
    html: &str,
    page_url: &str,
    options: &Options,
    loader: &dyn ResourceLoader,
) -> PageReport {
    let doc = parse_document_with_loader(html, page_url, loader);
    audit_document(&doc, page_url, options)
}

/// Builds the document model of a page with its own `<style>` elements and `style`
/// attributes (linked sheets are not loaded): parse, run its scripts, cascade, model.
///
/// ```
/// let doc = frontdesk_core::parse_document(r#"<button aria-label="Search"></button><img src=a.png alt="">"#);
/// let button = doc.elements().find(|e| e.name() == "button").unwrap();
/// assert_eq!(button.role(), Some("button"));
/// assert_eq!(button.accessible_name(), "Search");
/// let img = doc.elements().find(|e| e.name() == "img").unwrap();
/// assert!(img.is_presentational());
/// ```
pub fn parse_document(html: &str) -> Document {
    let builder = build_tree(html);
    let sheets = crate::style::load_sheets(
        builder.style_sources(false),
        crate::style::base_url("about:blank", None).as_ref(),
        &NoLoader,
    );
    builder.finish(sheets)
}

/// Builds the document model of a page fetched from `page_url`, loading the style sheets it
/// links (`<link rel=stylesheet>`, `@import`) through `loader`, in document order with its
/// `<style>` elements. URLs are resolved against `<base href>` and `page_url`.
///
/// ```
/// let loader = |url: &str| (url == "https://a.example/css/site.css").then(|| "p { color: #777 }".to_string());
/// let doc = frontdesk_core::parse_document_with_loader(
///     r#"<link rel="stylesheet" href="css/site.css"><p>Hi</p>"#,
///     "https://a.example/index.html",
///     &loader,
/// );
/// let p = doc.elements().find(|e| e.name() == "p").unwrap();
/// assert_eq!(p.style().color.to_string(), "#777777");
/// ```
pub fn parse_document_with_loader(
    html: &str,
    page_url: &str,
    loader: &dyn ResourceLoader,
) -> Document {
    let builder = build_tree(html);
    let base = crate::style::base_url(page_url, builder.base_href());
    let sheets = crate::style::load_sheets(builder.style_sources(true), base.as_ref(), loader);
    builder.finish(sheets)
}

/// Builds the document model of a rendered page (see [`Snapshot`]): the DOM and computed
/// styles a browser gives, with the snapshot's style sheets for what computed styles do not
/// hold (focus and zoom rules).
pub fn parse_snapshot(snapshot: &Snapshot) -> Result<Document, SnapshotError> {
    let builder = Builder::from_snapshot(snapshot)?;
    let sources = snapshot
        .style_sheets
        .iter()
        .map(|sheet| crate::style::SheetSource::Inline {
            css: sheet.css.clone(),
            media: &sheet.media,
        })
        .collect();
    let base = crate::style::base_url(&snapshot.url, builder.base_href());
    let sheets = crate::style::load_sheets(sources, base.as_ref(), &NoLoader);
    Ok(builder.finish(sheets))
}

/// Audits a rendered page (see [`Snapshot`]) with the same model and rules as
/// [`audit_with_loader`]; the report's URL is the snapshot's.
pub fn audit_snapshot(snapshot: &Snapshot, options: &Options) -> Result<PageReport, SnapshotError> {
    let doc = parse_snapshot(snapshot)?;
    Ok(audit_document(&doc, &snapshot.url, options))
}

/// Parse, then run the page's scripts on the tree.
fn build_tree(html: &str) -> Builder {
    let mut page = crate::html::parse(html);
    let effects = crate::script::run(&mut page);
    Builder::new(page, effects)
}

/// Audits a page already parsed into a [`Document`] (e.g. with external style sheets).
pub fn audit_document(doc: &Document, page_url: &str, options: &Options) -> PageReport {
    let mut keyed: Vec<(u32, &'static str, Finding)> = Vec::new();
    let cx = Context::new(doc);
    let mut paths = crate::model::StablePaths::new();
    let mut rules = RulesRun::default();
    for rule in registry() {
        let meta = rule.meta();
        if !options.rules.is_empty() && !options.rules.iter().any(|r| r == meta.id) {
            continue;
        }
        let ran = if evaluate(*rule, &cx, options, &mut paths, &mut keyed) {
            &mut rules.applicable
        } else {
            &mut rules.inapplicable
        };
        // Borrowed: the ids are the registry's, and every page lists them.
        ran.push(Cow::Borrowed(meta.id));
    }
    keyed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    PageReport {
        url: page_url.to_string(),
        status: options.status,
        title: doc.title(),
        findings: keyed.into_iter().map(|(_, _, f)| f).collect(),
        rules,
    }
}

/// Runs one rule over the page; false when it has no target there (ACT's inapplicable).
fn evaluate(
    rule: &dyn Rule,
    cx: &Context<'_>,
    options: &Options,
    paths: &mut crate::model::StablePaths,
    out: &mut Vec<(u32, &'static str, Finding)>,
) -> bool {
    let meta = rule.meta();
    let targets = rule.applicability(cx);
    let applicable = !targets.is_empty();
    for target in targets {
        let expectation = rule.expectation(&target, cx);
        if expectation.outcome == Outcome::Passed && !options.include_passed {
            continue;
        }
        let el = target.element;
        let selector = el.unique_selector();
        let snippet = el.snippet();
        out.push((
            el.index(),
            meta.id,
            Finding {
                rule: meta.id.to_string(),
                code: format!("{}/{}", meta.id, expectation.code),
                outcome: expectation.outcome,
                wcag: meta.wcag.iter().map(|s| s.to_string()).collect(),
                level: meta.level,
                act: meta.act.iter().map(|s| s.to_string()).collect(),
                impact: meta.impact,
                fingerprint: fingerprint(meta.id, &paths.path(el), target.attribute),
                selector,
                attribute: target.attribute.map(str::to_string),
                snippet,
                line: el.line(),
                message: expectation.message.into_owned(),
                data: expectation.data,
                baseline: None,
                ignored: None,
            },
        ));
    }
    applicable
}

/// A stable id for a finding, the same in every run and on every platform, so that a
/// baseline can recognise findings it has seen: FNV-1a (64-bit) over the rule id, the
/// element's stable path (`model::StablePaths`: ancestors by tag from the nearest stable
/// id, then the element's identity — tag, id, name, type, role, for, href, src — not its
/// classes, style, text or position among unrelated siblings) and the attribute, as 16
/// hex digits. The page URL is left out (the same finding on two pages has one
/// fingerprint; a baseline pairs it with the URL), and so are the reason code and the
/// message (a finding whose reason or wording changes is still the same one).
fn fingerprint(rule: &str, stable_path: &str, attribute: Option<&str>) -> String {
    use std::hash::Hasher;
    let mut hasher = crate::short_hash::ShortHasher::default();
    for (i, part) in [rule, stable_path, attribute.unwrap_or("")]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            // A byte no field holds keeps ("ab", "c") apart from ("a", "bc").
            hasher.write(&[0x1f]);
        }
        hasher.write(part.as_bytes());
    }
    format!("{:016x}", hasher.finish())
}

/// One rule's outcome on one element of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, e.g. `image-has-name`.
    pub rule: String,
    /// Why, as a stable code `<rule-id>/<reason>` (e.g. `image-has-name/no-alt`): one per
    /// distinct reason of the rule, unchanged when the wording of `message` changes.
    #[serde(default)]
    pub code: String,
    /// `failed` or `cantTell` (and `passed` when [`crate::Options::include_passed`] is set).
    pub outcome: Outcome,
    /// WCAG success criteria, e.g. `["1.1.1"]`; empty for best practice.
    pub wcag: Vec<String>,
    /// Conformance level of the criteria; `null` for best practice.
    pub level: Option<Level>,
    /// ACT rule ids the rule implements.
    pub act: Vec<String>,
    /// Severity.
    pub impact: Impact,
    /// A CSS selector that matches exactly this element in the page.
    pub selector: String,
    /// The attribute the finding is about, for rules whose targets are attributes (e.g.
    /// `aria-labeledby`); left out of the JSON when the target is the element itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// The element's start tag (shortened), for people to recognise it.
    pub snippet: String,
    /// The 1-based line of the page's HTML on which the element's start tag ends (its `>`);
    /// left out for elements that scripts or snapshots made. Not part of the fingerprint:
    /// editing lines above an element must not make its finding new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// What is wrong (or why the engine could not tell), in plain English.
    pub message: String,
    /// The values behind the verdict, for tools: e.g. the contrast rules give `ratio`,
    /// `required`, `foreground`, `background` and `large`. Left out of the JSON when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
    /// A stable id for baselines: 16 hex digits hashed from the rule id, the element's
    /// stable path (its identity and where it sits, not its classes, text or unrelated
    /// siblings) and the attribute; not the page URL or the reason code.
    #[serde(default)]
    pub fingerprint: String,
    /// What a baseline (an earlier report given with `--baseline`) says of the finding;
    /// left out when there is none. The audit never sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineState>,
    /// Why the finding is ignored (the reason of a `frontdesk.toml` `[[ignore]]` entry):
    /// it stays in the report but never fails a gate. Left out when it is not ignored. The
    /// audit never sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignored: Option<String>,
}

/// Whether a finding was already in the baseline report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline: a regression.
    New,
    /// In the baseline already: known debt.
    Existing,
}

/// The audit of one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageReport {
    /// The page's URL (`file://` for files on disk).
    pub url: String,
    /// HTTP status when the page was fetched; `null` for files and strings.
    pub status: Option<u16>,
    /// The text of the page's `<title>`, whitespace collapsed; `null` when there is none.
    pub title: Option<String>,
    /// Findings in document order, then by rule id.
    pub findings: Vec<Finding>,
    /// The rules that ran on the page, so that a rule with no finding can be told apart as
    /// passed or inapplicable, and from one that did not run ([`Options::rules`]).
    #[serde(default)]
    pub rules: RulesRun,
}

/// The ids of the rules that ran on a page, sorted, by whether they had targets there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesRun {
    /// Rules with at least one target on the page: each target has an outcome (listed
    /// in `findings` when failed or cantTell, or when passed ones were asked for).
    pub applicable: Vec<Cow<'static, str>>,
    /// Rules that ran and found nothing to examine (ACT's inapplicable).
    pub inapplicable: Vec<Cow<'static, str>>,
}

impl PageReport {
    /// Findings with outcome `failed` at WCAG level A or AA: what fails a WCAG 2.2 AA gate.
    pub fn failed_a_aa(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| {
            f.outcome == Outcome::Failed && matches!(f.level, Some(Level::A) | Some(Level::AA))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_targets_name_their_attribute_outside_the_message() {
        // aria-labeledby is a misspelling of aria-labelledby: not defined in WAI-ARIA 1.2.
        let html = r#"<html lang="en"><title>Pay</title><input id="pc" aria-labeledby="x"></html>"#;
        let options = Options::default().with_rules(["aria-attribute-defined"]);
        let report = audit(html, "https://a.example/", &options);
        assert_eq!(report.findings.len(), 1);
        let finding = &report.findings[0];
        assert_eq!(finding.attribute.as_deref(), Some("aria-labeledby"));
        assert!(!finding.message.starts_with('['), "{}", finding.message);
        let json = serde_json::to_value(finding).unwrap();
        assert_eq!(json["attribute"], "aria-labeledby");

        // An element target has no attribute, and the JSON leaves the field out.
        let report = audit(
            "<html><title>x</title></html>",
            "https://a.example/",
            &Options::default(),
        );
        let finding = report
            .findings
            .iter()
            .find(|f| f.rule == "html-has-lang")
            .unwrap();
        assert_eq!(finding.attribute, None);
        assert!(serde_json::to_value(finding)
            .unwrap()
            .get("attribute")
            .is_none());
    }
}

#[cfg(test)]
mod code_and_data_tests {
    use super::*;

    #[test]
    fn findings_carry_a_rule_scoped_code() {
        let report = audit(
            r#"<html lang="en"><title>Bins</title><main><h1>Bins</h1><img src="bin.png"></main></html>"#,
            "https://a.example/",
            &Options::default(),
        );
        let image = report
            .findings
            .iter()
            .find(|f| f.rule == "image-has-name")
            .unwrap();
        assert_eq!(image.code, "image-has-name/no-alt");
        assert_eq!(image.data, None);
        assert!(serde_json::to_value(image).unwrap().get("data").is_none());
    }

    #[test]
    fn contrast_failures_carry_their_numbers() {
        // #777 on white: relative luminance 0.1845, so (1 + 0.05) / (0.1845 + 0.05) = 4.478,
        // below the 4.5:1 WCAG 1.4.3 asks of normal-size text.
        let html = r##"<html lang="en"><title>Bins</title><main><p style="color:#777777;background:#ffffff">Collections move to Tuesday.</p></main></html>"##;
        let options = Options::default().with_rules(["text-contrast-minimum"]);
        let report = audit(html, "https://a.example/", &options);
        assert_eq!(report.findings.len(), 1);
        let finding = &report.findings[0];
        assert_eq!(finding.code, "text-contrast-minimum/low-contrast");
        assert_eq!(
            finding.data,
            Some(serde_json::json!({
                "ratio": 4.478,
                "required": 4.5,
                "foreground": "#777777",
                "background": "#ffffff",
                "large": false,
            }))
        );
    }
}

#[cfg(test)]
mod fingerprint_tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // FNV-1a 64-bit test vectors (draft-eastlake-fnv): "", "a", "foobar".
        use std::hash::Hasher;
        let fnv = |s: &str| {
            let mut h = crate::short_hash::ShortHasher::default();
            h.write(s.as_bytes());
            format!("{:016x}", h.finish())
        };
        assert_eq!(fnv(""), "cbf29ce484222325");
        assert_eq!(fnv("a"), "af63dc4c8601ec8c");
        assert_eq!(fnv("foobar"), "85944171f73967e8");
    }

    #[test]
    fn fingerprints_are_fixed_and_ignore_the_page_and_the_wording() {
        let html = r#"<html lang="en"><title>Bins</title><body><img src="bin.png"></body></html>"#;
        let options = Options::default().with_rules(["image-has-name"]);
        let finding = audit(html, "https://a.example/bins", &options)
            .findings
            .remove(0);
        // FNV-1a 64 of "image-has-name\x1fhtml > body > img[src=\"bin.png\"]\x1f" (rule,
        // stable path, no attribute), computed with the algorithm's published definition.
        assert_eq!(finding.fingerprint, "260a8167129a137e");
        // The same element on another page: the same fingerprint.
        let other = audit(html, "https://a.example/recycling", &options)
            .findings
            .remove(0);
        assert_eq!(other.fingerprint, finding.fingerprint);
        assert_ne!(fingerprint("ab", "c", None), fingerprint("a", "bc", None));
        assert_ne!(
            fingerprint("r", "s", Some("aria-label")),
            fingerprint("r", "s", None)
        );
    }

    fn image_fingerprints(body: &str) -> Vec<String> {
        let html = format!(r#"<html lang="en"><title>Bins</title><body>{body}</body></html>"#);
        let options = Options::default().with_rules(["image-has-name"]);
        audit(&html, "https://a.example/", &options)
            .findings
            .into_iter()
            .map(|f| f.fingerprint)
            .collect()
    }

    #[test]
    fn fingerprints_survive_unrelated_edits() {
        let before = image_fingerprints(
            r#"<header><img src="logo.png"></header><main><h1>Bins</h1><div><img src="bin.png"></div></main>"#,
        );
        assert_eq!(before.len(), 2);
        for after in [
            // A sibling inserted before each image, and a paragraph before the div.
            r#"<header><a href="/">Home</a><img src="logo.png"></header><main><h1>Bins</h1><p>New</p><div><span>x</span><img src="bin.png"></div></main>"#,
            // Classes and styles added, text changed elsewhere.
            r#"<header class="site"><img class="logo" src="logo.png"></header><main><h1>Bins and boxes</h1><div style="margin:0"><img class="wide" src="bin.png"></div></main>"#,
            // A section inserted before the div: another tag, so the div keeps its place.
            r#"<header><img src="logo.png"></header><main><h1>Bins</h1><section></section><div><img src="bin.png"></div></main>"#,
        ] {
            assert_eq!(image_fingerprints(after), before, "{after}");
        }
    }

    #[test]
    fn fingerprints_change_with_the_element_or_its_landmark() {
        let before = image_fingerprints(r#"<main><img src="bin.png"></main>"#);
        for after in [
            r#"<main><img src="box.png"></main>"#,
            r#"<main><img id="bin" src="bin.png"></main>"#,
            r#"<nav><img src="bin.png"></nav>"#,
        ] {
            assert_ne!(image_fingerprints(after), before, "{after}");
        }
    }
}

#[cfg(test)]
mod rules_run_tests {
    use super::*;

    #[test]
    fn pages_list_the_rules_that_ran_by_applicability() {
        // An image with alt text: image-has-name applies (and passes, so no finding);
        // the page has no <table>, so empty-table-header is inapplicable; heading-order
        // was not asked for, so it is in neither list.
        let html =
            r#"<html lang="en"><title>Bins</title><img src="bin.png" alt="A green bin"></html>"#;
        let options = Options::default().with_rules(["image-has-name", "empty-table-header"]);
        let report = audit(html, "https://a.example/", &options);
        assert!(report.findings.is_empty());
        assert_eq!(report.rules.applicable, ["image-has-name"]);
        assert_eq!(report.rules.inapplicable, ["empty-table-header"]);

        // Without a restriction every registered rule is in one list or the other.
        let report = audit(html, "https://a.example/", &Options::default());
        let ran = report.rules.applicable.len() + report.rules.inapplicable.len();
        assert_eq!(ran, crate::registry().len());
    }
}

// The test's second image is written by a script, which needs the interpreter.
#[cfg(all(test, feature = "page-scripts"))]
mod line_tests {
    use super::*;

    #[test]
    fn findings_carry_their_elements_line_and_script_made_ones_none() {
        // The unnamed image's start tag ends on line 4 (its attributes span lines 3–4); the
        // script writes a second one into the page, which has no line of its own.
        let html = "<!doctype html><html lang=en><title>Bins</title>\n\
                    <main><h1>Bins</h1>\n\
                    <img\n  src=bin.png>\n\
                    <div id=later></div>\n\
                    <script>document.getElementById('later').innerHTML = '<img src=box.png>'</script>\n\
                    </main>";
        let options = Options::default().with_rules(["image-has-name"]);
        let report = audit(html, "https://a.example/", &options);
        let lines: Vec<(&str, Option<u32>)> = report
            .findings
            .iter()
            .map(|f| (f.snippet.as_str(), f.line))
            .collect();
        assert_eq!(
            lines,
            [
                (r#"<img src="bin.png">"#, Some(4)),
                (r#"<img src="box.png">"#, None)
            ]
        );
        let json = serde_json::to_value(&report.findings[1]).unwrap();
        assert!(json.get("line").is_none(), "{json}");
        assert_eq!(
            serde_json::to_value(&report.findings[0]).unwrap()["line"],
            4
        );
    }
}
