//! `frontdesk rules`: the catalogue, from the engine's registry.

mod common;

use common::*;

#[test]
fn json_lists_every_rule_with_exact_fields() {
    let output = run(&["rules", "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let listing = json(&output);
    let object = listing.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["rules"]);
    let rules = listing["rules"].as_array().unwrap();
    assert!(rules.len() >= 19, "{} rules", rules.len());
    assert_eq!(rules.len(), frontdesk_core::registry().len());

    let fields = [
        "act",
        "codes",
        "description",
        "id",
        "impact",
        "level",
        "title",
        "wcag",
    ];
    for rule in rules {
        let mut keys: Vec<&str> = rule
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, fields, "{rule}");
        let id = rule["id"].as_str().unwrap();
        assert!(!id.is_empty() && !rule["title"].as_str().unwrap().is_empty());
        assert!(
            !rule["description"].as_str().unwrap().trim().is_empty(),
            "{id} has documentation"
        );
        assert!(rule["wcag"].is_array() && rule["act"].is_array(), "{id}");
        assert!(
            matches!(rule["level"].as_str(), Some("A" | "AA" | "AAA")) || rule["level"].is_null(),
            "{id}"
        );
        assert!(
            matches!(
                rule["impact"].as_str(),
                Some("critical" | "serious" | "moderate" | "minor")
            ),
            "{id}"
        );
    }
    let image = rules
        .iter()
        .find(|r| r["id"] == "image-has-name")
        .expect("image-has-name listed");
    assert_eq!(image["wcag"], serde_json::json!(["1.1.1"]));
    assert_eq!(image["level"], "A");
    assert_eq!(image["impact"], "critical");
    // Codes are the ones findings carry: `<rule>/<reason>`.
    let codes = image["codes"].as_array().unwrap();
    assert!(codes.contains(&serde_json::json!("image-has-name/no-alt")));
    assert!(codes
        .iter()
        .all(|c| c.as_str().unwrap().starts_with("image-has-name/")));
}

#[test]
fn text_lists_every_rule_with_its_documentation() {
    let output = run(&["rules"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for rule in frontdesk_core::registry() {
        let meta = rule.meta();
        assert!(
            text.contains(&format!("{}  {}\n", meta.id, meta.title)),
            "{} listed",
            meta.id
        );
        let first_doc_line = meta
            .documentation()
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        assert!(
            text.contains(&format!("    {first_doc_line}")),
            "{} documented",
            meta.id
        );
    }
    assert!(
        text.contains("[1.1.1 A") || text.contains("WCAG 1.1.1 A"),
        "{text}"
    );
    assert!(text.contains("best practice"), "best-practice rules say so");
    assert!(
        text.contains("  codes: has-name, decorative, no-alt\n"),
        "{text}"
    );
}
