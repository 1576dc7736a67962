//! What the machine formats (SARIF, EARL) say about a rule beyond its id: where its
//! standards are published, and the tags that let tools group rules by WCAG criterion,
//! level and ACT rule.

use crate::rules::{registry, Level, RuleMeta};

/// The engine's published address (its package's `repository`), when it has one.
pub(crate) fn tool_uri() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|uri| !uri.is_empty())
}

/// The W3C page of an ACT rule, e.g. `23a2a8`.
pub(crate) fn act_rule_url(act_id: &str) -> String {
    format!("https://www.w3.org/WAI/standards-guidelines/act/rules/{act_id}/")
}

/// The short name of a WCAG 2.2 success criterion, as W3C uses it in the Understanding
/// pages' addresses and the recommendation's anchors. Only the criteria the rules check
/// are listed (a test keeps it complete).
pub(crate) fn wcag_slug(sc: &str) -> Option<&'static str> {
    Some(match sc {
        "1.1.1" => "non-text-content",
        "1.3.1" => "info-and-relationships",
        "1.3.4" => "orientation",
        "1.3.5" => "identify-input-purpose",
        "1.4.1" => "use-of-color",
        "1.4.3" => "contrast-minimum",
        "1.4.4" => "resize-text",
        "1.4.6" => "contrast-enhanced",
        "1.4.12" => "text-spacing",
        "2.1.1" => "keyboard",
        "2.1.3" => "keyboard-no-exception",
        "2.2.1" => "timing-adjustable",
        "2.2.2" => "pause-stop-hide",
        "2.2.4" => "interruptions",
        "2.4.2" => "page-titled",
        "2.4.4" => "link-purpose-in-context",
        "2.4.6" => "headings-and-labels",
        "2.4.7" => "focus-visible",
        "2.5.3" => "label-in-name",
        "3.1.1" => "language-of-page",
        "3.1.2" => "language-of-parts",
        "3.2.5" => "change-on-request",
        "4.1.2" => "name-role-value",
        _ => return None,
    })
}

/// The WCAG 2.2 Understanding page of a success criterion.
pub(crate) fn understanding_url(sc: &str) -> Option<String> {
    wcag_slug(sc).map(|slug| format!("https://www.w3.org/WAI/WCAG22/Understanding/{slug}.html"))
}

/// Where a person reads more about a rule: its (first) ACT rule, else the Understanding
/// page of its (first) success criterion; none for best practice without an ACT rule.
pub(crate) fn help_uri(meta: &RuleMeta) -> Option<String> {
    match meta.act.first() {
        Some(act) => Some(act_rule_url(act)),
        None => meta.wcag.iter().find_map(|sc| understanding_url(sc)),
    }
}

/// Tags for grouping rules: `accessibility`; `wcag2.2`, `wcag111` per criterion and
/// `level-a`/`level-aa`/`level-aaa`, or `best-practice`; `act-23a2a8` per ACT rule.
pub(crate) fn tags(meta: &RuleMeta) -> Vec<String> {
    let mut tags = vec!["accessibility".to_string()];
    match meta.level {
        Some(level) if !meta.wcag.is_empty() => {
            tags.push("wcag2.2".into());
            tags.extend(
                meta.wcag
                    .iter()
                    .map(|sc| format!("wcag{}", sc.replace('.', ""))),
            );
            tags.push(format!("level-{}", level.as_str().to_ascii_lowercase()));
        }
        _ => tags.push("best-practice".into()),
    }
    tags.extend(meta.act.iter().map(|id| format!("act-{id}")));
    tags
}

/// Whether a failure at this level fails WCAG 2.2 AA conformance (what the gate checks).
pub(crate) fn fails_aa(level: Option<Level>) -> bool {
    matches!(level, Some(Level::A) | Some(Level::AA))
}

/// The registry's index of a rule, which SARIF's `ruleIndex` points at.
pub(crate) fn rule_index(id: &str) -> Option<usize> {
    registry().iter().position(|r| r.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_a_rule_checks_has_its_understanding_page() {
        for rule in registry() {
            for sc in rule.meta().wcag {
                assert!(
                    wcag_slug(sc).is_some(),
                    "{}: no slug for {sc}",
                    rule.meta().id
                );
            }
        }
        assert_eq!(
            understanding_url("1.4.3").as_deref(),
            Some("https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html")
        );
        assert_eq!(wcag_slug("9.9.9"), None);
    }

    #[test]
    fn help_goes_to_the_act_rule_first_then_the_criterion() {
        let image = crate::rules::rule("image-has-name").unwrap().meta();
        assert_eq!(
            help_uri(image).as_deref(),
            Some("https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/")
        );
        assert_eq!(
            tags(image),
            [
                "accessibility",
                "wcag2.2",
                "wcag111",
                "level-a",
                "act-23a2a8"
            ]
        );
        // A WCAG rule with no ACT rule: the Understanding page of its criterion.
        let dl = crate::rules::rule("dl-structure").unwrap().meta();
        assert!(dl.act.is_empty());
        assert_eq!(
            help_uri(dl).as_deref(),
            Some("https://www.w3.org/WAI/WCAG22/Understanding/info-and-relationships.html")
        );
        // Best practice with neither: no page, and tagged as such.
        let h1 = crate::rules::rule("page-has-h1").unwrap().meta();
        assert_eq!(help_uri(h1), None);
        assert_eq!(tags(h1), ["accessibility", "best-practice"]);
    }
}
