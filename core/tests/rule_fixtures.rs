//! Every rule's own fixtures: small council-style pages with the outcome the standard expects
//! for each target, checked here and snapshotted (rule, code, outcome, selector, attribute,
//! message, data) so that a
//! change of message or selector shows in review. Works in a clone without `../shared`.
//!
//! One file per rule: `tests/fixtures/rules/<rule-id>.html`. Each case starts with a header
//! comment; the markup up to the next header is the case:
//!
//! ```html
//! <!-- case: bin collection map with alt text
//!   passed #bin-map
//!   failed #band-chart
//! -->
//! <img id="bin-map" src="map.png" alt="Map of Tuesday collection rounds">
//! <img id="band-chart" src="bands.png">
//! ```
//!
//! Each expectation line is `<outcome> <selector>` (`passed`, `failed` or `cantTell`, then the
//! selector frontdesk reports: `#id` for an element with a unique id), optionally followed by
//! `[attribute]` for rules whose targets are attributes. A case with no target says
//! `inapplicable`. The case must produce exactly these findings (listed in document order, but
//! compared in any order).
//! A case whose markup has no `<html` is wrapped as
//! `<!DOCTYPE html><html lang="en"><head><title>…</title></head><body>…</body></html>`.
//!
//! See docs/RULES-TESTING.md for adding fixtures for a new rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use frontdesk_core::{audit, registry, Options, Outcome};
use serde::Serialize;

const PAGE_URL: &str = "https://www.council.example/services/page";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// One expected finding: the target and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    outcome: Outcome,
    selector: String,
    attribute: Option<String>,
}

impl Expected {
    fn key(&self) -> (String, Option<String>, Outcome) {
        (self.selector.clone(), self.attribute.clone(), self.outcome)
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.outcome.as_str(), self.selector)?;
        if let Some(attr) = &self.attribute {
            write!(f, " [{attr}]")?;
        }
        Ok(())
    }
}

struct Case {
    name: String,
    line: usize,
    expected: Vec<Expected>,
    markup: String,
}

/// Parses a fixture file into its cases, or says what is wrong with it.
fn parse_fixture(text: &str) -> Result<Vec<Case>, String> {
    const HEADER: &str = "<!-- case:";
    let mut cases = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    let Some(first) = rest.find(HEADER) else {
        return Err("no `<!-- case:` header".into());
    };
    if !rest[..first].trim().is_empty() {
        return Err("text before the first `<!-- case:` header".into());
    }
    rest = &rest[first..];
    offset += first;
    while !rest.is_empty() {
        let line = text[..offset].matches('\n').count() + 1;
        let header_end = rest
            .find("-->")
            .ok_or(format!("line {line}: header comment is not closed"))?;
        let header = &rest[HEADER.len()..header_end];
        let after = &rest[header_end + 3..];
        let markup_len = after.find(HEADER).unwrap_or(after.len());
        let markup = after[..markup_len].trim().to_string();

        let mut lines = header.lines();
        let name = lines.next().unwrap_or("").trim().to_string();
        if name.is_empty() {
            return Err(format!("line {line}: case has no name"));
        }
        let mut expected = Vec::new();
        let mut inapplicable = false;
        for spec in lines.map(str::trim).filter(|l| !l.is_empty()) {
            if spec == "inapplicable" {
                inapplicable = true;
                continue;
            }
            expected.push(parse_expectation(spec).map_err(|e| format!("line {line}: {e}"))?);
        }
        // Exactly one of: some expectations, or `inapplicable`.
        if inapplicable != expected.is_empty() {
            return Err(format!(
                "line {line}: case {name:?} must list its targets' outcomes or say `inapplicable`, not both or neither"
            ));
        }
        if markup.is_empty() {
            return Err(format!("line {line}: case {name:?} has no markup"));
        }
        cases.push(Case {
            name,
            line,
            expected,
            markup,
        });
        let consumed = header_end + 3 + markup_len;
        rest = &rest[consumed..];
        offset += consumed;
    }
    Ok(cases)
}

fn parse_expectation(spec: &str) -> Result<Expected, String> {
    let (outcome, target) = spec
        .split_once(' ')
        .ok_or(format!("expected `<outcome> <selector>`, found {spec:?}"))?;
    let outcome = match outcome {
        "passed" => Outcome::Passed,
        "failed" => Outcome::Failed,
        "cantTell" => Outcome::CantTell,
        other => return Err(format!("unknown outcome {other:?} in {spec:?}")),
    };
    let target = target.trim();
    let (selector, attribute) = match target.strip_suffix(']').and_then(|t| t.rsplit_once(" [")) {
        Some((selector, attr)) => (selector.trim(), Some(attr.to_string())),
        None => (target, None),
    };
    Ok(Expected {
        outcome,
        selector: selector.to_string(),
        attribute,
    })
}

/// The page a case is audited as.
fn page(case: &Case) -> String {
    if case.markup.to_ascii_lowercase().contains("<html") {
        case.markup.clone()
    } else {
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>{} - Council</title></head><body>{}</body></html>",
            case.name, case.markup
        )
    }
}

#[derive(Serialize)]
struct SnapshotFinding {
    rule: String,
    code: String,
    outcome: &'static str,
    selector: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribute: Option<String>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct SnapshotCase {
    case: String,
    findings: Vec<SnapshotFinding>,
}

/// Runs one rule's fixtures: checks every case, then snapshots the findings.
fn check_rule(rule_id: &str) {
    let path = fixtures_dir().join(format!("{rule_id}.html"));
    let shown = format!("tests/fixtures/rules/{rule_id}.html");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{shown}: cannot read the fixture file: {e}"));
    let cases = parse_fixture(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
    let options = Options::default().with_passed(true).with_rules([rule_id]);

    let mut problems = String::new();
    let mut snapshot = Vec::new();
    for case in &cases {
        let report = audit(&page(case), PAGE_URL, &options);
        let actual: Vec<Expected> = report
            .findings
            .iter()
            .map(|f| Expected {
                outcome: f.outcome,
                selector: f.selector.clone(),
                attribute: f.attribute.clone(),
            })
            .collect();
        // An expectation without `[attr]` matches an attribute finding on the same element only
        // when the fixture names no attribute anywhere in the case.
        let names_attributes = case.expected.iter().any(|e| e.attribute.is_some());
        let comparable: Vec<Expected> = actual
            .iter()
            .cloned()
            .map(|mut a| {
                if !names_attributes {
                    a.attribute = None;
                }
                a
            })
            .collect();
        // Targets on one element come in the engine's attribute order: compare as sets.
        let mut expected_sorted = case.expected.clone();
        let mut comparable = comparable;
        expected_sorted.sort_by_key(Expected::key);
        comparable.sort_by_key(Expected::key);
        if comparable != expected_sorted {
            let show = |list: &[Expected]| {
                if list.is_empty() {
                    "    inapplicable\n".to_string()
                } else {
                    list.iter().map(|e| format!("    {e}\n")).collect()
                }
            };
            let _ = write!(
                problems,
                "\n{shown}:{} case {:?}\n  expected:\n{}  actual:\n{}",
                case.line,
                case.name,
                show(&case.expected),
                show(&actual)
            );
            for f in &report.findings {
                let _ = writeln!(
                    problems,
                    "    ({} {}: {})",
                    f.outcome.as_str(),
                    f.selector,
                    f.message
                );
            }
        }
        snapshot.push(SnapshotCase {
            case: case.name.clone(),
            findings: report
                .findings
                .into_iter()
                .map(|f| SnapshotFinding {
                    rule: f.rule,
                    code: f.code,
                    outcome: f.outcome.as_str(),
                    selector: f.selector,
                    attribute: f.attribute,
                    message: f.message,
                    data: f.data,
                })
                .collect(),
        });
    }
    assert!(problems.is_empty(), "rule {rule_id}:{problems}");
    insta::assert_json_snapshot!(rule_id, snapshot);
}

/// One test per rule (run one with `cargo test -p frontdesk-core --test rule_fixtures image_has_name`).
macro_rules! rule_fixture_tests {
    ($($test:ident => $id:literal,)*) => {
        /// The rules this file has a test for.
        const TESTED: &[&str] = &[$($id),*];
        $(
            #[test]
            fn $test() {
                check_rule($id);
            }
        )*
    };
}

rule_fixture_tests! {
    accesskeys_unique => "accesskeys-unique",
    aria_attribute_defined => "aria-attribute-defined",
    aria_checked_matches_native => "aria-checked-matches-native",
    aria_hidden_no_focusable => "aria-hidden-no-focusable",
    aria_id_reference_exists => "aria-id-reference-exists",
    aria_required_children => "aria-required-children",
    aria_required_id_references => "aria-required-id-references",
    aria_required_parent => "aria-required-parent",
    aria_required_states => "aria-required-states",
    aria_state_permitted => "aria-state-permitted",
    aria_state_valid_value => "aria-state-valid-value",
    autocomplete_appropriate => "autocomplete-appropriate",
    autocomplete_valid => "autocomplete-valid",
    blink_not_used => "blink-not-used",
    button_has_name => "button-has-name",
    decorative_not_exposed => "decorative-not-exposed",
    dl_structure => "dl-structure",
    duplicate_id_referenced => "duplicate-id-referenced",
    element_lang_valid => "element-lang-valid",
    empty_table_header => "empty-table-header",
    focus_visible => "focus-visible",
    form_field_has_name => "form-field-has-name",
    frame_title_unique => "frame-title-unique",
    heading_has_name => "heading-has-name",
    heading_order => "heading-order",
    html_has_lang => "html-has-lang",
    html_lang_valid => "html-lang-valid",
    iframe_has_name => "iframe-has-name",
    iframe_not_removed_from_tab_order => "iframe-not-removed-from-tab-order",
    image_button_has_name => "image-button-has-name",
    image_has_name => "image-has-name",
    label_in_name => "label-in-name",
    label_title_only => "label-title-only",
    letter_spacing_adjustable => "letter-spacing-adjustable",
    line_height_adjustable => "line-height-adjustable",
    link_has_name => "link-has-name",
    link_in_text_distinguishable => "link-in-text-distinguishable",
    list_structure => "list-structure",
    listitem_in_list => "listitem-in-list",
    marquee_can_be_paused => "marquee-can-be-paused",
    menuitem_has_name => "menuitem-has-name",
    meta_refresh_no_delay => "meta-refresh-no-delay",
    meta_refresh_no_delay_aaa => "meta-refresh-no-delay-aaa",
    meta_viewport_allows_zoom => "meta-viewport-allows-zoom",
    object_has_name => "object-has-name",
    orientation_not_locked => "orientation-not-locked",
    page_has_h1 => "page-has-h1",
    page_has_one_main => "page-has-one-main",
    page_has_title => "page-has-title",
    presentational_children_not_focusable => "presentational-children-not-focusable",
    region => "region",
    role_has_required_name => "role-has-required-name",
    role_valid => "role-valid",
    row_attributes_in_treegrid => "row-attributes-in-treegrid",
    scrollable_region_focusable => "scrollable-region-focusable",
    skip_link_target_exists => "skip-link-target-exists",
    summary_has_name => "summary-has-name",
    svg_img_has_name => "svg-img-has-name",
    td_headers_valid => "td-headers-valid",
    text_contrast_enhanced => "text-contrast-enhanced",
    text_contrast_minimum => "text-contrast-minimum",
    th_has_data_cells => "th-has-data-cells",
    word_spacing_adjustable => "word-spacing-adjustable",
    zoomed_text_not_clipped => "zoomed-text-not-clipped",
}

/// A rule cannot land without fixtures: every registered rule has a fixture file and a test
/// above, and every fixture file belongs to a registered rule.
#[test]
fn every_rule_has_fixtures() {
    let registered: BTreeSet<&str> = registry().iter().map(|r| r.meta().id).collect();
    let tested: BTreeSet<&str> = TESTED.iter().copied().collect();
    let files: BTreeSet<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/rules exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".html"))
                .map(str::to_string)
        })
        .collect();
    let files: BTreeSet<&str> = files.iter().map(String::as_str).collect();

    let no_file: Vec<_> = registered.difference(&files).collect();
    let no_test: Vec<_> = registered.difference(&tested).collect();
    let stray_files: Vec<_> = files.difference(&registered).collect();
    let stray_tests: Vec<_> = tested.difference(&registered).collect();
    assert!(
        no_file.is_empty()
            && no_test.is_empty()
            && stray_files.is_empty()
            && stray_tests.is_empty(),
        "rules without a fixture file in tests/fixtures/rules/: {no_file:?}\n\
         rules missing from rule_fixture_tests! in tests/rule_fixtures.rs: {no_test:?}\n\
         fixture files for no registered rule: {stray_files:?}\n\
         tests for no registered rule: {stray_tests:?}"
    );
}

/// Outcomes a rule cannot give on an HTML page, so its fixtures need not show them.
const CANNOT_GIVE: &[(&str, &str, &str)] = &[
    // Its targets are the repeats of an id, which always fail; the first holder is no target.
    (
        "duplicate-id-referenced",
        "passed",
        "only repeated ids are targets",
    ),
    // Its targets are obsolete <blink> elements, which are always flagged.
    (
        "blink-not-used",
        "passed",
        "every target is an obsolete element",
    ),
    // A marquee that moves for ever can be paused only by a script the markup cannot show.
    (
        "marquee-can-be-paused",
        "passed",
        "only a script can pause a moving marquee",
    ),
    // Page rules apply to the <html> element, which every parsed HTML page has.
    (
        "html-has-lang",
        "inapplicable",
        "every HTML page has an <html> element",
    ),
    (
        "page-has-h1",
        "inapplicable",
        "every HTML page has an <html> element",
    ),
    (
        "page-has-one-main",
        "inapplicable",
        "every HTML page has an <html> element",
    ),
    (
        "page-has-title",
        "inapplicable",
        "every HTML page has an <html> element",
    ),
];

/// Each rule's fixtures cover the outcomes every rule can give: passed, failed, inapplicable.
#[test]
fn every_fixture_file_covers_passed_failed_and_inapplicable() {
    let mut missing = String::new();
    for rule in registry() {
        let id = rule.meta().id;
        let Ok(text) = std::fs::read_to_string(fixtures_dir().join(format!("{id}.html"))) else {
            continue; // every_rule_has_fixtures reports it
        };
        let Ok(cases) = parse_fixture(&text) else {
            continue; // the rule's own test reports it
        };
        let has = |o: Outcome| {
            cases
                .iter()
                .any(|c| c.expected.iter().any(|e| e.outcome == o))
        };
        let mut lacks = Vec::new();
        let exempt = |outcome: &str| {
            CANNOT_GIVE
                .iter()
                .any(|(r, o, _)| *r == id && *o == outcome)
        };
        if !has(Outcome::Passed) && !exempt("passed") {
            lacks.push("passed");
        }
        if !has(Outcome::Failed) {
            lacks.push("failed");
        }
        if !cases.iter().any(|c| c.expected.is_empty()) && !exempt("inapplicable") {
            lacks.push("inapplicable");
        }
        if !lacks.is_empty() {
            let _ = writeln!(missing, "  {id}: no {} case", lacks.join(", no "));
        }
    }
    assert!(
        missing.is_empty(),
        "fixture files lacking outcomes:\n{missing}"
    );
}

#[test]
fn fixture_parser_rejects_malformed_files() {
    assert!(parse_fixture("<p>no header</p>").is_err());
    assert!(parse_fixture("<!-- case: x\n  passed #a\n--><p id=a>").is_ok());
    assert!(
        parse_fixture("<!-- case: x\n--><p>").is_err(),
        "no expectation"
    );
    assert!(parse_fixture("<!-- case: x\n  inapplicable\n  passed #a\n--><p>").is_err());
    assert!(parse_fixture("<!-- case: x\n  great #a\n--><p>").is_err());
    assert!(
        parse_fixture("<!-- case: x\n  inapplicable\n-->").is_err(),
        "no markup"
    );
    let cases = parse_fixture(
        "<!-- case: one\n  failed #a [aria-x]\n-->\n<p id=a>\n<!-- case: two\n  inapplicable\n-->\n<p>",
    )
    .unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].expected[0].attribute.as_deref(), Some("aria-x"));
    assert_eq!(cases[1].line, 5);
}

/// A reason in kebab-case: lower-case ASCII letters and digits in words joined by `-`.
fn is_kebab_case(reason: &str) -> bool {
    !reason.is_empty()
        && reason.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Every finding the fixtures give has a code `<rule-id>/<reason>` with a kebab-case reason
/// the rule declares in its `codes`;
/// within a rule one message always comes with one code (the code names the reason, not the
/// occasion), and one code always with one outcome (a reason to pass is no reason to fail).
#[test]
fn finding_codes_name_one_reason_each() {
    use std::collections::BTreeMap;
    let mut problems = String::new();
    for rule in registry() {
        let id = rule.meta().id;
        let Ok(text) = std::fs::read_to_string(fixtures_dir().join(format!("{id}.html"))) else {
            continue; // every_rule_has_fixtures reports it
        };
        let Ok(cases) = parse_fixture(&text) else {
            continue; // the rule's own test reports it
        };
        let options = Options::default().with_passed(true).with_rules([id]);
        let mut code_of_message: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut outcomes_of_code: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for case in &cases {
            for f in audit(&page(case), PAGE_URL, &options).findings {
                match f.code.strip_prefix(&format!("{id}/")) {
                    Some(reason) if !rule.meta().codes.contains(&reason) => {
                        let _ = writeln!(
                            problems,
                            "  {id}: code {:?} is not among the rule's declared codes",
                            f.code
                        );
                    }
                    Some(reason) if is_kebab_case(reason) => {}
                    _ => {
                        let _ = writeln!(
                            problems,
                            "  {id}: code {:?} is not {id}/<kebab-case>",
                            f.code
                        );
                    }
                }
                code_of_message
                    .entry(f.message)
                    .or_default()
                    .insert(f.code.clone());
                outcomes_of_code
                    .entry(f.code)
                    .or_default()
                    .insert(f.outcome.as_str());
            }
        }
        for (message, codes) in code_of_message.iter().filter(|(_, c)| c.len() > 1) {
            let _ = writeln!(problems, "  {id}: one message, codes {codes:?}: {message}");
        }
        for (code, outcomes) in outcomes_of_code.iter().filter(|(_, o)| o.len() > 1) {
            let _ = writeln!(problems, "  {id}: code {code} for outcomes {outcomes:?}");
        }
    }
    assert!(problems.is_empty(), "finding codes:\n{problems}");
}

/// In the rules' source, each fixed message (a named constant) is given with one code, and
/// one code is never given to two fixed messages: distinct messages are distinct reasons.
/// Reads `("reason", CONSTANT)` pairs and `Expectation::…("reason", CONSTANT)` calls.
#[test]
fn each_fixed_message_has_its_own_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut problems = String::new();
    let mut pairs_seen = 0;
    for entry in std::fs::read_dir(&dir).expect("src/rules exists") {
        let path = entry.expect("entry").path();
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut code_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut constant_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (code, constant) in code_constant_pairs(&source) {
            pairs_seen += 1;
            code_of.entry(constant).or_default().insert(code);
            constant_of.entry(code).or_default().insert(constant);
        }
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        for (constant, codes) in code_of.iter().filter(|(_, c)| c.len() > 1) {
            let _ = writeln!(problems, "  {file}: {constant} is given codes {codes:?}");
        }
        for (code, constants) in constant_of.iter().filter(|(_, c)| c.len() > 1) {
            let _ = writeln!(
                problems,
                "  {file}: code {code:?} is given to {constants:?}"
            );
        }
    }
    assert!(
        pairs_seen > 100,
        "found only {pairs_seen} (code, message) pairs: has the syntax changed?"
    );
    assert!(
        problems.is_empty(),
        "fixed messages sharing codes:\n{problems}"
    );
}

/// `"reason", CONSTANT)` occurrences: a string literal in kebab-case, a comma, an
/// upper-case identifier and a closing parenthesis.
fn code_constant_pairs(source: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for (start, _) in source.match_indices('"') {
        let rest = &source[start + 1..];
        let Some(end) = rest.find('"') else { break };
        let code = &rest[..end];
        let after = rest[end + 1..].trim_start();
        let Some(after) = after.strip_prefix(',') else {
            continue;
        };
        let after = after.trim_start();
        let ident_len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        let constant = &after[..ident_len];
        if is_kebab_case(code)
            && constant.len() > 1
            && constant.starts_with(|c: char| c.is_ascii_uppercase())
            && after[ident_len..].trim_start().starts_with(')')
        {
            pairs.push((code, constant));
        }
    }
    pairs
}

/// Each rule declares its reasons once each, in kebab-case; every reason its own file gives
/// an expectation is declared; and every declared reason is given somewhere in the rules'
/// source (or, for the contrast rules, by the paint model), so the list cannot go stale.
#[test]
fn declared_codes_match_the_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all_source = std::fs::read_to_string(root.join("model/paint.rs")).expect("paint.rs");
    for entry in std::fs::read_dir(root.join("rules")).expect("src/rules exists") {
        let path = entry.expect("entry").path();
        all_source += &std::fs::read_to_string(&path).unwrap_or_default();
    }
    let mut problems = String::new();
    for rule in registry() {
        let meta = rule.meta();
        let declared: BTreeSet<&str> = meta.codes.iter().copied().collect();
        if declared.len() != meta.codes.len() {
            let _ = writeln!(problems, "  {}: a code is declared twice", meta.id);
        }
        for code in meta.codes {
            if !is_kebab_case(code) {
                let _ = writeln!(problems, "  {}: {code:?} is not kebab-case", meta.id);
            }
            if !all_source.contains(&format!("\"{code}\"")) {
                let _ = writeln!(
                    problems,
                    "  {}: {code:?} is declared but never given",
                    meta.id
                );
            }
        }
        let file = root.join(format!("rules/{}.rs", meta.id.replace('-', "_")));
        let source = std::fs::read_to_string(&file).expect("one file per rule");
        // The declaration itself is `codes: [...]`: look only at the code after it.
        let body = source.split_once("codes: [").map_or("", |(_, rest)| rest);
        let body = body.split_once(']').map_or("", |(_, rest)| rest);
        // The rule's own code, not its unit tests (which name rules and pages).
        let body = body
            .split_once("#[cfg(test)]")
            .map_or(body, |(code, _)| code);
        let given = code_constant_pairs(body)
            .into_iter()
            .map(|(code, _)| code)
            .chain(codes_given_with_any_message(body));
        for code in given {
            if !declared.contains(code) {
                let _ = writeln!(
                    problems,
                    "  {}: gives {code:?} but does not declare it",
                    meta.id
                );
            }
        }
    }
    assert!(problems.is_empty(), "declared codes:\n{problems}");
}

/// The codes of `Expectation::passed("…", …)`, `failed` and `cant_tell` calls, whatever
/// their message (fixed or formatted).
fn codes_given_with_any_message(source: &str) -> Vec<&str> {
    let mut codes = Vec::new();
    for call in [
        "Expectation::passed(",
        "Expectation::failed(",
        "Expectation::cant_tell(",
    ] {
        for (at, _) in source.match_indices(call) {
            let rest = source[at + call.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                codes.push(&rest[..end]);
            }
        }
    }
    codes
}
