//! EARL 1.0 (W3C's Evaluation and Report Language) as JSON-LD, the form of ACT
//! implementation reports: one `earl:TestSubject` per page (`sch:WebPage`, its URL as
//! `dct:source`), holding an `earl:Assertion` for every outcome of every rule that ran there.
//! `docs/formats.md` gives the whole mapping. [`write()`] streams like [`super::json::write`].
//!
//! Outcomes follow ACT: a `failed`, `cantTell` or `passed` finding is an assertion about its
//! element (`earl:pointer`, a CSS selector); a rule that had targets on the page but no
//! finding there passed them all (one page-level `earl:passed`); a rule with no target is
//! `earl:inapplicable`. An assertion's test is the frontdesk rule's `earl:TestCase` node
//! (`_:<rule id>`, listed once after the assertor), `dct:isPartOf` its ACT rules and WCAG
//! success criteria. The context is written inline, so reading the file needs no network.

use std::borrow::Borrow;

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::json::{indent, pretty};
use super::refs;
use super::{Finding, Page, Report};
use crate::rules::{registry, RuleMeta};

/// The JSON-LD as one string.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let earl: serde_json::Value = serde_json::from_str(&report::earl::render(&Report::new(vec![page]))).unwrap();
/// let graph = earl["@graph"].as_array().unwrap();
/// let page = graph.iter().find(|node| node["source"] == "https://a.example/").unwrap();
/// assert!(page["assertions"].as_array().unwrap().iter().any(|a| a["test"] == "_:image-has-name"
///     && a["result"]["outcome"] == "earl:failed"));
/// let test = graph.iter().find(|node| node["@id"] == "_:image-has-name").unwrap();
/// assert_eq!(test["isPartOf"][0], "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/");
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// The `@id` of the assertor (frontdesk) in every report.
const ASSERTOR: &str = "_:frontdesk";

/// Writes the EARL report of `report` with `more` pages after its own, one page at a time,
/// to `sink`. Each rule's test case is a node of its own, written once and referred to by
/// its `@id`; each assertion is one line, so a page's many page-level outcomes stay small.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    let mut assertor = json!({
        "@id": ASSERTOR,
        "@type": ["Assertor", "Software"],
        "title": report.tool.name,
        "hasVersion": report.tool.version,
    });
    if let Some(uri) = refs::tool_uri() {
        assertor["homepage"] = uri.into();
    }
    let mut head = format!(
        "{{\n  \"@context\": {},\n  \"@graph\": [\n    {}",
        indent(&pretty(&context()), 2),
        indent(&pretty(&assertor), 4)
    );
    for rule in registry() {
        head.push_str(",\n    ");
        head.push_str(&test_case(rule.meta()).to_string());
    }
    sink(&head)?;
    for page in &report.pages {
        sink(&subject(page))?;
    }
    for page in more {
        sink(&subject(page?.borrow()))?;
    }
    sink("\n  ]\n}\n")
}

/// The JSON-LD context: EARL's vocabulary by default, Dublin Core for titles, sources and
/// `isPartOf`, schema.org for the page type, W3C Pointer Methods for selectors, and WCAG
/// 2.2's criteria by their anchors. `assertions` nests a subject's assertions under it
/// (the reverse of `earl:subject`), as ACT implementation reports do; `test` refers to a
/// test case node by its `@id`.
fn context() -> Value {
    json!({
        "@vocab": "http://www.w3.org/ns/earl#",
        "earl": "http://www.w3.org/ns/earl#",
        "dct": "http://purl.org/dc/terms/",
        "doap": "http://usefulinc.com/ns/doap#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "sch": "https://schema.org/",
        "ptr": "http://www.w3.org/2009/pointers#",
        "WCAG22": "https://www.w3.org/TR/WCAG22/#",
        "Software": "doap:Project",
        "title": "dct:title",
        "description": "dct:description",
        "source": { "@id": "dct:source", "@type": "@id" },
        "isPartOf": { "@id": "dct:isPartOf", "@type": "@id" },
        "hasVersion": "dct:hasVersion",
        "homepage": { "@id": "foaf:homepage", "@type": "@id" },
        "assertedBy": { "@type": "@id" },
        "test": { "@type": "@id" },
        "outcome": { "@type": "@id" },
        "mode": { "@type": "@id" },
        "assertions": { "@reverse": "earl:subject" },
        "expression": "ptr:expression",
    })
}

/// The `@id` of a rule's test case node.
fn test_id(rule: &str) -> String {
    format!("_:{rule}")
}

/// A rule's test case: titled with its id, described by its title, part of its ACT rules
/// (their pages) and WCAG criteria (`WCAG22:<criterion>`).
fn test_case(meta: &RuleMeta) -> Value {
    let is_part_of: Vec<String> = meta
        .act
        .iter()
        .map(|id| refs::act_rule_url(id))
        .chain(
            meta.wcag
                .iter()
                .filter_map(|sc| refs::wcag_slug(sc))
                .map(|slug| format!("WCAG22:{slug}")),
        )
        .collect();
    json!({
        "@id": test_id(meta.id),
        "@type": "TestCase",
        "title": meta.id,
        "description": meta.title,
        "isPartOf": is_part_of,
    })
}

/// One page and its assertions, written by hand (one line per assertion) because a crawl
/// has tens of them for every page.
fn subject(page: &Page) -> String {
    let audit = &page.audit;
    let mut out = format!(
        ",\n    {{\n      \"@type\": [\"TestSubject\", \"sch:WebPage\"],\n      \"source\": {}",
        string(&audit.url)
    );
    if let Some(title) = &audit.title {
        let _ = write!(out, ",\n      \"title\": {}", string(title));
    }
    out.push_str(",\n      \"assertions\": [");
    let mut first = true;
    let mut assertion = |rule: &str, outcome: &str, finding: Option<&Finding>| {
        out.push_str(if first { "\n        " } else { ",\n        " });
        first = false;
        let _ = write!(
            out,
            "{{\"@type\": \"Assertion\", \"assertedBy\": \"{ASSERTOR}\", \"mode\": \"earl:automatic\", \"test\": {}, \"result\": {{\"@type\": \"TestResult\", \"outcome\": \"earl:{outcome}\"",
            string(&test_id(rule))
        );
        if let Some(f) = finding {
            let _ = write!(
                out,
                ", \"pointer\": {{\"@type\": \"ptr:CSSSelectorPointer\", \"expression\": {}}}, \"info\": {}",
                string(&f.selector),
                string(&f.message)
            );
        }
        out.push_str("}}");
    };
    for f in &audit.findings {
        assertion(&f.rule, f.outcome.as_str(), Some(f));
    }
    for rule in &audit.rules.applicable {
        if !audit.findings.iter().any(|f| f.rule == rule.as_ref()) {
            assertion(rule, "passed", None);
        }
    }
    for rule in &audit.rules.inapplicable {
        assertion(rule, "inapplicable", None);
    }
    out.push_str(if first {
        "]\n    }"
    } else {
        "\n      ]\n    }"
    });
    out
}

/// A JSON string literal.
fn string(text: &str) -> String {
    serde_json::to_string(text).expect("strings always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples::{check_report, MIXED_URL};
    use crate::report::Outcome;
    use std::collections::BTreeMap;

    fn parse(report: &Report) -> Value {
        serde_json::from_str(&render(report)).expect("EARL is JSON")
    }

    /// The ACT outcome of each rule on a page, from the report model: failed when an
    /// element failed, else cantTell when one could not be told, else passed when the rule
    /// had targets, else inapplicable.
    fn outcomes_in_report(page: &Page) -> BTreeMap<String, &'static str> {
        let audit = &page.audit;
        let mut out = BTreeMap::new();
        for rule in &audit.rules.applicable {
            let has = |o: Outcome| {
                audit
                    .findings
                    .iter()
                    .any(|f| f.rule == rule.as_ref() && f.outcome == o)
            };
            let outcome = if has(Outcome::Failed) {
                "earl:failed"
            } else if has(Outcome::CantTell) {
                "earl:cantTell"
            } else {
                "earl:passed"
            };
            out.insert(rule.to_string(), outcome);
        }
        for rule in &audit.rules.inapplicable {
            out.insert(rule.to_string(), "earl:inapplicable");
        }
        out
    }

    /// The same from the EARL: each rule's worst outcome over its assertions.
    fn outcomes_in_earl(subject: &Value) -> BTreeMap<String, &'static str> {
        let rank = [
            "earl:inapplicable",
            "earl:passed",
            "earl:cantTell",
            "earl:failed",
        ];
        let mut out: BTreeMap<String, &'static str> = BTreeMap::new();
        for a in subject["assertions"].as_array().unwrap() {
            let rule = a["test"]
                .as_str()
                .unwrap()
                .strip_prefix("_:")
                .unwrap()
                .to_string();
            let outcome = a["result"]["outcome"].as_str().unwrap();
            let outcome = *rank
                .iter()
                .find(|r| **r == outcome)
                .expect("an EARL outcome");
            let worst = out.entry(rule).or_insert(outcome);
            if rank.iter().position(|r| *r == outcome) > rank.iter().position(|r| r == worst) {
                *worst = outcome;
            }
        }
        out
    }

    #[test]
    fn every_rule_that_ran_has_its_act_outcome_on_every_page() {
        let report = check_report();
        let earl = parse(&report);
        let graph = earl["@graph"].as_array().unwrap();
        assert_eq!(graph[0]["@id"], ASSERTOR);
        // Then every rule's test case, then the pages.
        let tests = &graph[1..=registry().len()];
        for (test, rule) in tests.iter().zip(registry()) {
            assert_eq!(test["@id"], format!("_:{}", rule.meta().id));
            assert_eq!(test["title"], rule.meta().id);
        }
        let subjects = &graph[1 + registry().len()..];
        assert_eq!(subjects.len(), report.pages.len());
        for (subject, page) in subjects.iter().zip(&report.pages) {
            assert_eq!(subject["source"], page.audit.url.as_str());
            assert_eq!(subject["@type"], json!(["TestSubject", "sch:WebPage"]));
            let outcomes = outcomes_in_earl(subject);
            assert_eq!(outcomes, outcomes_in_report(page));
            assert_eq!(
                outcomes.len(),
                page.audit.rules.applicable.len() + page.audit.rules.inapplicable.len()
            );
        }
        assert_eq!(subjects[0]["source"], MIXED_URL);
        assert_eq!(subjects[0]["title"], "Bins <script>alert(1)</script>\u{1}");
        // The sample's verdicts, as its HTML was written to give them.
        let mixed = outcomes_in_earl(&subjects[0]);
        assert_eq!(mixed["image-has-name"], "earl:failed");
        assert_eq!(mixed["text-contrast-minimum"], "earl:cantTell");
        assert_eq!(mixed["html-has-lang"], "earl:passed");
        assert_eq!(mixed["iframe-has-name"], "earl:inapplicable");
    }

    #[test]
    fn element_outcomes_point_at_the_element_and_name_the_act_rule() {
        let report = check_report();
        let earl = parse(&report);
        let graph = earl["@graph"].as_array().unwrap();
        let assertions = graph[1 + registry().len()]["assertions"]
            .as_array()
            .unwrap();
        let finding = report.pages[0]
            .audit
            .findings
            .iter()
            .find(|f| f.rule == "image-has-name")
            .unwrap();
        let image = assertions
            .iter()
            .find(|a| a["test"] == "_:image-has-name")
            .unwrap();
        assert_eq!(image["@type"], "Assertion");
        assert_eq!(image["assertedBy"], ASSERTOR);
        assert_eq!(image["mode"], "earl:automatic");
        assert_eq!(
            image["result"]["pointer"],
            json!({ "@type": "ptr:CSSSelectorPointer", "expression": finding.selector })
        );
        assert_eq!(image["result"]["info"], finding.message.as_str());
        let test = graph
            .iter()
            .find(|node| node["@id"] == "_:image-has-name")
            .unwrap();
        assert_eq!(test["@type"], "TestCase");
        assert_eq!(
            test["isPartOf"],
            json!([
                "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/",
                "WCAG22:non-text-content"
            ])
        );
        // Page-level outcomes have no pointer.
        let lang = assertions
            .iter()
            .find(|a| a["test"] == "_:html-has-lang")
            .unwrap();
        assert!(lang["result"].get("pointer").is_none());
    }

    /// Every key and type a JSON-LD processor reads is an EARL 1.0 term (the context's
    /// default vocabulary), a term the context defines, or a compact IRI of a prefix it
    /// defines: nothing falls silently into EARL's namespace by mistake.
    #[test]
    fn every_term_is_earl_or_defined_by_the_context() {
        const EARL_TERMS: &[&str] = &[
            "Assertion",
            "Assertor",
            "TestSubject",
            "TestResult",
            "TestCase",
            "assertedBy",
            "subject",
            "test",
            "result",
            "mode",
            "outcome",
            "pointer",
            "info",
        ];
        let earl = parse(&check_report());
        let context = earl["@context"].as_object().unwrap();
        let known = |term: &str| {
            term.starts_with('@')
                || EARL_TERMS.contains(&term)
                || context.contains_key(term)
                || term
                    .split_once(':')
                    .is_some_and(|(prefix, _)| context.contains_key(prefix))
        };
        fn walk(value: &Value, check: &dyn Fn(&str), in_context: bool) {
            match value {
                Value::Object(map) => {
                    for (key, value) in map {
                        if !in_context {
                            check(key);
                        }
                        if key == "@type" {
                            for t in value.as_array().into_iter().flatten().chain([value]) {
                                if let Some(t) = t.as_str() {
                                    check(t);
                                }
                            }
                        }
                        walk(value, check, in_context || key == "@context");
                    }
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, check, in_context)),
                _ => {}
            }
        }
        let mut unknown = Vec::new();
        let cell = std::cell::RefCell::new(&mut unknown);
        walk(
            &earl,
            &|term| {
                if !known(term) {
                    cell.borrow_mut().push(term.to_string());
                }
            },
            false,
        );
        assert_eq!(unknown, Vec::<String>::new());
        // Outcome values are EARL's own.
        let outcomes: Vec<&str> = earl["@graph"][1 + registry().len()]["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["result"]["outcome"].as_str().unwrap())
            .collect();
        assert!(outcomes.iter().all(|o| [
            "earl:passed",
            "earl:failed",
            "earl:cantTell",
            "earl:inapplicable"
        ]
        .contains(o)));
    }
}
