//! SARIF 2.1.0 (OASIS), for code-scanning services such as GitHub's: one run whose tool
//! lists every rule of the registry, and one result per `failed` or `cantTell` finding,
//! located at its page's URL with the element's selector as a logical location.
//! `docs/formats.md` gives the whole mapping. [`write()`] streams like [`super::json::write`].
//!
//! Levels: a failure at WCAG A or AA is `error` (it fails conformance), at AAA or best
//! practice `warning`. A `cantTell` finding is `kind: "review"`, which SARIF (§3.27.10)
//! requires to have `level: "none"`: it never reads as an error.

use std::borrow::Borrow;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::json::{indent, pretty};
use super::refs;
use super::{BaselineState, Finding, FixedFinding, Level, Outcome, Page, Report};
use crate::rules::{registry, RuleMeta};

/// The schema the output follows (OASIS SARIF 2.1.0 with errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of the fingerprint each result carries in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "frontdeskFingerprint/v1";

/// The whole SARIF log as one string.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let sarif: serde_json::Value = serde_json::from_str(&report::sarif::render(&Report::new(vec![page]))).unwrap();
/// let results = sarif["runs"][0]["results"].as_array().unwrap();
/// let image = results.iter().find(|r| r["ruleId"] == "image-has-name").unwrap();
/// assert_eq!(image["level"], "error"); // WCAG 1.1.1, level A
/// let h1 = results.iter().find(|r| r["ruleId"] == "page-has-h1").unwrap();
/// assert_eq!(h1["level"], "warning"); // best practice
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// Writes the SARIF log of `report` with `more` pages after its own, one result at a time,
/// to `sink`. Only a count of pages is kept between pages.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    let tool = json!({ "driver": driver(&report.tool.version) });
    sink(&format!(
        "{{\n  \"$schema\": \"{SCHEMA_URI}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"results\": [",
        indent(&pretty(&tool), 6)
    ))?;
    let mut first = true;
    let mut pages = 0usize;
    let mut result = |value: Value, sink: &mut dyn FnMut(&str) -> Result<(), E>| {
        sink(if first { "\n        " } else { ",\n        " })?;
        first = false;
        sink(&indent(&pretty(&value), 8))
    };
    let mut page = |page: &Page, sink: &mut dyn FnMut(&str) -> Result<(), E>| {
        pages += 1;
        for finding in &page.audit.findings {
            if let Some(value) = finding_result(finding, &page.audit.url) {
                result(value, sink)?;
            }
        }
        Ok(())
    };
    for p in &report.pages {
        page(p, &mut sink)?;
    }
    for p in more {
        page(p?.borrow(), &mut sink)?;
    }
    if let Some(baseline) = &report.baseline {
        for fixed in &baseline.fixed {
            result(fixed_result(fixed), &mut sink)?;
        }
    }
    sink(if first { "]" } else { "\n      ]" })?;
    sink(&format!(
        ",\n      \"properties\": {}\n    }}\n  ]\n}}\n",
        indent(&pretty(&run_properties(report, pages)), 6)
    ))
}

/// `tool.driver`: frontdesk and every rule it runs, in registry order (`ruleIndex`).
fn driver(version: &str) -> Value {
    let rules: Vec<Value> = registry().iter().map(|r| descriptor(r.meta())).collect();
    let mut driver = json!({ "name": "frontdesk", "version": version, "rules": rules });
    if let Some(uri) = refs::tool_uri() {
        driver["informationUri"] = uri.into();
    }
    driver
}

/// A rule's `reportingDescriptor`.
fn descriptor(meta: &RuleMeta) -> Value {
    let doc = meta.documentation();
    let mut rule = Map::new();
    rule.insert("id".into(), meta.id.into());
    rule.insert("name".into(), pascal_case(meta.id).into());
    rule.insert("shortDescription".into(), json!({ "text": meta.title }));
    rule.insert(
        "fullDescription".into(),
        json!({ "text": first_paragraph(&doc) }),
    );
    rule.insert("help".into(), json!({ "text": doc, "markdown": doc }));
    if let Some(uri) = refs::help_uri(meta) {
        rule.insert("helpUri".into(), uri.into());
    }
    rule.insert(
        "defaultConfiguration".into(),
        json!({ "level": failure_level(meta.level) }),
    );
    rule.insert(
        "properties".into(),
        json!({
            "tags": refs::tags(meta),
            "wcag": meta.wcag,
            "level": meta.level.map(Level::as_str),
            "act": meta.act,
            "impact": meta.impact.as_str(),
        }),
    );
    Value::Object(rule)
}

/// The SARIF level of a failure: `error` when it fails WCAG A/AA, else `warning`.
fn failure_level(level: Option<Level>) -> &'static str {
    if refs::fails_aa(level) {
        "error"
    } else {
        "warning"
    }
}

/// A finding's result; `None` for `passed` (reports hold those only when asked, and SARIF
/// lists problems).
fn finding_result(finding: &Finding, url: &str) -> Option<Value> {
    let (kind, level) = match finding.outcome {
        Outcome::Failed => ("fail", failure_level(finding.level)),
        Outcome::CantTell => ("review", "none"),
        Outcome::Passed => return None,
    };
    let mut result = Map::new();
    result.insert("ruleId".into(), finding.rule.as_str().into());
    if let Some(index) = refs::rule_index(&finding.rule) {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("kind".into(), kind.into());
    result.insert("level".into(), level.into());
    result.insert(
        "message".into(),
        json!({ "text": format!("{} (element: {})", finding.message, finding.selector) }),
    );
    result.insert(
        "locations".into(),
        json!([location(
            url,
            &finding.selector,
            finding.attribute.as_deref(),
            finding.line
        )]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint(&finding.fingerprint, url) }),
    );
    if let Some(state) = finding.baseline {
        let state = match state {
            BaselineState::New => "new",
            BaselineState::Existing => "unchanged",
        };
        result.insert("baselineState".into(), state.into());
    }
    if let Some(reason) = &finding.ignored {
        result.insert(
            "suppressions".into(),
            json!([{ "kind": "external", "justification": reason }]),
        );
    }
    let mut properties = json!({
        "outcome": finding.outcome.as_str(),
        "code": finding.code,
        "snippet": finding.snippet,
        "wcag": finding.wcag,
        "level": finding.level.map(Level::as_str),
        "impact": finding.impact.as_str(),
    });
    if let Some(data) = &finding.data {
        properties["data"] = data.clone();
    }
    result.insert("properties".into(), properties);
    Some(Value::Object(result))
}

/// A finding of the baseline that is gone: `baselineState: "absent"`, and `kind: "pass"`
/// (the problem is no longer found), which SARIF requires to have `level: "none"`.
fn fixed_result(fixed: &FixedFinding) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), fixed.rule.as_str().into());
    if let Some(index) = refs::rule_index(&fixed.rule) {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("kind".into(), "pass".into());
    result.insert("level".into(), "none".into());
    result.insert(
        "message".into(),
        json!({ "text": format!("Fixed: {} (element: {})", fixed.message, fixed.selector) }),
    );
    result.insert(
        "locations".into(),
        json!([location(&fixed.url, &fixed.selector, None, None)]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint(&fixed.fingerprint, &fixed.url) }),
    );
    result.insert("baselineState".into(), "absent".into());
    Value::Object(result)
}

/// Where a finding is: the page (SARIF's artifact), the line its element's start tag ends
/// on when the page's HTML gave one (a `region` with `startLine` alone, which GitHub code
/// scanning needs to show a result at a line), and the element (a logical location of kind
/// `element`, SARIF's kind for HTML and XML elements; `attribute` when the finding is about
/// one).
fn location(url: &str, selector: &str, attribute: Option<&str>, line: Option<u32>) -> Value {
    let logical = match attribute {
        None => json!({ "fullyQualifiedName": selector, "kind": "element" }),
        Some(attribute) => json!({
            "name": attribute,
            "fullyQualifiedName": format!("{selector}[{attribute}]"),
            "kind": "attribute",
        }),
    };
    let mut physical = json!({ "artifactLocation": { "uri": url } });
    if let Some(line) = line {
        physical["region"] = json!({ "startLine": line });
    }
    json!({
        "physicalLocation": physical,
        "logicalLocations": [logical],
    })
}

/// The finding's fingerprint (rule, element, snippet) with its page, so that the same
/// finding on two pages is two results.
fn fingerprint(fingerprint: &str, url: &str) -> String {
    format!("{fingerprint}:{url}")
}

/// What the run says as a whole: how many pages were audited, and a crawl's scorecard.
fn run_properties(report: &Report, pages: usize) -> Value {
    let mut properties = json!({ "pages": pages });
    if let Some(scores) = &report.scores {
        properties["scores"] = to_value(scores);
    }
    if let Some(baseline) = &report.baseline {
        properties["baseline"] = json!({
            "file": baseline.file,
            "new": baseline.new,
            "existing": baseline.existing,
            "fixed": baseline.fixed.len(),
        });
    }
    properties
}

/// `image-has-name` → `ImageHasName`: SARIF's `name` is an identifier for people.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The first paragraph of a rule's documentation that is not a heading: what it checks.
fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n")
        .map(str::trim)
        .map(|p| {
            p.lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|p| !p.is_empty())
        .unwrap_or_default()
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("report types always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples::{check_report, crawl_report, MIXED_URL};
    use std::path::PathBuf;

    fn parse(report: &Report) -> Value {
        serde_json::from_str(&render(report)).expect("SARIF is JSON")
    }

    fn results(sarif: &Value) -> &Vec<Value> {
        sarif["runs"][0]["results"].as_array().unwrap()
    }

    /// The result of `rule` with `outcome` (from its properties) on the mixed page.
    fn result<'a>(sarif: &'a Value, rule: &str, outcome: &str) -> &'a Value {
        results(sarif)
            .iter()
            .find(|r| r["ruleId"] == rule && r["properties"]["outcome"] == outcome)
            .unwrap_or_else(|| panic!("no {outcome} result of {rule}"))
    }

    #[test]
    fn levels_follow_conformance_and_cant_tell_is_only_ever_a_review() {
        let report = check_report();
        let sarif = parse(&report);
        // One result per failed or cantTell finding; the clean page has none.
        let findings = report.pages[0].audit.findings.len();
        assert_eq!(results(&sarif).len(), findings);
        // WCAG A failure: an error. AAA and best practice: warnings.
        assert_eq!(result(&sarif, "image-has-name", "failed")["level"], "error");
        assert_eq!(result(&sarif, "image-has-name", "failed")["kind"], "fail");
        let aaa = result(&sarif, "text-contrast-enhanced", "failed");
        assert_eq!(aaa["level"], "warning");
        assert_eq!(result(&sarif, "page-has-h1", "failed")["level"], "warning");
        // cantTell (here at AA): a review, whose level SARIF §3.27.10 fixes at "none".
        for rule in ["text-contrast-minimum", "text-contrast-enhanced"] {
            let unsure = result(&sarif, rule, "cantTell");
            assert_eq!(unsure["kind"], "review");
            assert_eq!(unsure["level"], "none");
        }
        for r in results(&sarif) {
            if r["properties"]["outcome"] == "cantTell" {
                assert_ne!(r["level"], "error");
                assert_ne!(r["level"], "warning");
            }
        }
    }

    #[test]
    fn results_are_located_at_their_page_and_element_and_point_at_their_rule() {
        let report = check_report();
        let sarif = parse(&report);
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), registry().len());
        for (r, f) in results(&sarif).iter().zip(&report.pages[0].audit.findings) {
            assert_eq!(r["ruleId"], f.rule.as_str());
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], f.rule.as_str());
            let location = &r["locations"][0];
            assert_eq!(
                location["physicalLocation"]["artifactLocation"]["uri"],
                MIXED_URL
            );
            assert_eq!(
                location["logicalLocations"][0]["fullyQualifiedName"],
                f.selector.as_str()
            );
            assert_eq!(location["logicalLocations"][0]["kind"], "element");
            assert_eq!(
                r["partialFingerprints"][FINGERPRINT_KEY],
                format!("{}:{MIXED_URL}", f.fingerprint)
            );
            assert!(r["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(&f.message));
            assert_eq!(r["properties"]["snippet"], f.snippet.as_str());
        }
        // The rule's descriptor: help from its documentation, its ACT rule, its tags.
        let image = &rules[refs::rule_index("image-has-name").unwrap()];
        assert_eq!(image["name"], "ImageHasName");
        assert_eq!(
            image["shortDescription"]["text"],
            "Image has a non-empty accessible name"
        );
        assert!(image["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Checks that every image"));
        assert!(image["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why it matters"));
        assert_eq!(
            image["helpUri"],
            "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/"
        );
        assert_eq!(image["defaultConfiguration"]["level"], "error");
        let tags = image["properties"]["tags"].as_array().unwrap();
        for tag in ["wcag2.2", "wcag111", "level-a", "act-23a2a8"] {
            assert!(tags.iter().any(|t| t == tag), "{tag}");
        }
        let h1 = &rules[refs::rule_index("page-has-h1").unwrap()];
        assert_eq!(h1["defaultConfiguration"]["level"], "warning");
        assert!(h1.get("helpUri").is_none());
    }

    #[test]
    fn baseline_states_and_ignores_become_baseline_state_and_suppressions() {
        let report = crawl_report();
        let sarif = parse(&report);
        assert_eq!(
            result(&sarif, "image-has-name", "failed")["baselineState"],
            "new"
        );
        assert_eq!(
            result(&sarif, "text-contrast-enhanced", "failed")["baselineState"],
            "unchanged"
        );
        let cant_tell = result(&sarif, "text-contrast-minimum", "cantTell");
        assert!(cant_tell.get("baselineState").is_none());
        assert!(cant_tell.get("suppressions").is_none());
        let ignored = result(&sarif, "page-has-h1", "failed");
        assert_eq!(
            ignored["suppressions"],
            json!([{ "kind": "external", "justification": "Headings are added by the CMS <template>" }])
        );
        // The baseline's fixed finding: absent now, a pass at level none.
        let fixed = results(&sarif)
            .iter()
            .find(|r| r["ruleId"] == "link-has-name")
            .unwrap();
        assert_eq!(fixed["baselineState"], "absent");
        assert_eq!(fixed["kind"], "pass");
        assert_eq!(fixed["level"], "none");
        assert_eq!(
            fixed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "https://c.example/"
        );
        // The run counts the pages and carries the scorecard.
        let properties = &sarif["runs"][0]["properties"];
        assert_eq!(properties["pages"], 2);
        assert_eq!(properties["scores"]["accessibility"]["score"], 80);
        assert_eq!(properties["baseline"]["fixed"], 1);
    }

    fn schema_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/schemas/sarif-schema-2.1.0.json")
    }

    /// Schema errors of `sarif`, each with where it is.
    fn schema_errors(validator: &jsonschema::Validator, sarif: &Value) -> Vec<String> {
        validator
            .iter_errors(sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    #[test]
    fn check_and_crawl_logs_are_valid_against_the_official_schema() {
        let path = schema_path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!(
                "SKIPPED: the SARIF schema is not at {} (the structural tests still ran)",
                path.display()
            );
            return;
        };
        let schema: Value = serde_json::from_str(&text).unwrap();
        let validator = jsonschema::draft4::new(&schema).expect("the schema compiles");
        let empty = Report::new(Vec::new());
        for report in [check_report(), crawl_report(), empty] {
            let sarif = parse(&report);
            assert_eq!(schema_errors(&validator, &sarif), Vec::<String>::new());
        }

        // The validator does reject what the schema forbids, so the test can fail: a region
        // with a snippet but no position (why a result without a line has none), an unknown level, a
        // suppression without its kind.
        let mut sarif = parse(&check_report());
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] =
            json!({ "snippet": { "text": "<img src=bin.png>" } });
        assert_eq!(schema_errors(&validator, &sarif).len(), 1);
        let mut sarif = parse(&check_report());
        sarif["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(!validator.is_valid(&sarif));
        let mut sarif = parse(&crawl_report());
        let ignored = results(&sarif)
            .iter()
            .position(|r| r.get("suppressions").is_some())
            .unwrap();
        sarif["runs"][0]["results"][ignored]["suppressions"][0]
            .as_object_mut()
            .unwrap()
            .remove("kind");
        assert!(!validator.is_valid(&sarif));
    }

    #[test]
    // The second image is written by a script, which needs the interpreter.
    #[cfg(feature = "page-scripts")]
    fn results_with_a_line_have_a_region_and_the_others_none() {
        // The image's start tag is on line 3; a script writes the second one, with no line.
        let html = "<html lang=en><title>Bins</title>\n<main><h1>Bins</h1>\n<img src=bin.png>\n\
                    <div id=later></div><script>document.getElementById('later').innerHTML = \
                    '<img src=box.png>'</script></main>";
        let options = crate::Options::default().with_rules(["image-has-name"]);
        let page = crate::audit(html, "file:///site/bins.html", &options);
        let sarif = parse(&Report::new(vec![page]));
        let regions: Vec<&Value> = results(&sarif)
            .iter()
            .map(|r| &r["locations"][0]["physicalLocation"]["region"])
            .collect();
        assert_eq!(regions, [&json!({ "startLine": 3 }), &Value::Null]);
    }
}
