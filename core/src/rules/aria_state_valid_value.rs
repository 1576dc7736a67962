use super::predicates::is_html_or_svg;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::aria::{self, ValueType};

declare_rule! {
    /// ## What it does
    /// Checks that each WAI-ARIA state or property has a value of the right type:
    /// `true`/`false` for `aria-required`, a number for `aria-valuenow`, one of the allowed
    /// words for `aria-live` (`off`, `polite`, `assertive`), and so on. Empty values are left
    /// alone (they mean "use the default"), and ID references are not checked for existence
    /// here.
    ///
    /// ## Why it matters
    /// Browsers ignore a value they do not understand and fall back on the default, so
    /// `aria-expanded="collapsed"` or `aria-live="page"` silently does nothing: a screen reader
    /// is not told that a menu is open, or that the search results have changed.
    ///
    /// ## Example
    /// ```html
    /// <button aria-expanded="collapsed">Menu</button>  <!-- fails -->
    /// <button aria-expanded="false">Menu</button>      <!-- passes -->
    /// <div role="status" aria-live="page">…</div>      <!-- fails: use polite -->
    /// ```
    ///
    /// ## References
    /// WAI-ARIA 1.2 §6.2.4 Value; related to WCAG 2.2 SC 1.3.1 Info and Relationships and
    /// 4.1.2 Name, Role, Value, which this rule is stricter than (some invalid values happen to
    /// fall back on the intended default), so it is reported as best practice;
    /// ACT rule 6a7281 "ARIA state or property has valid value".
    pub struct AriaStateValidValue {
        id: "aria-state-valid-value",
        title: "ARIA state or property has a valid value",
        wcag: [],
        level: None,
        act: ["6a7281"],
        impact: Serious,
        codes: ["valid-value", "invalid-value"],
    }
}

const PASSED: &str = "The value is valid for this state or property.";
const FAILED_PREFIX: &str =
    "The value is not valid for this state or property, so browsers ignore it; it must be ";

impl Rule for AriaStateValidValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_aria_attrs()
            .filter(is_html_or_svg)
            .flat_map(|e| {
                e.attrs()
                    .filter(|(n, v)| {
                        aria::attribute(n).is_some()
                            && !v.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty()
                    })
                    .map(move |(n, _)| Target::attribute(e, n))
            })
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let attr = target.attribute.unwrap_or("");
        let value = target.element.attr(attr).unwrap_or("");
        if aria::is_value_valid(attr, value) {
            return Expectation::passed("valid-value", PASSED);
        }
        let expected = aria::attribute(attr)
            .map(|a| describe(a.value_type))
            .unwrap_or_default();
        Expectation::failed("invalid-value", format!("{FAILED_PREFIX}{expected}."))
    }
}

/// The allowed values of a value type, in words.
fn describe(value_type: ValueType) -> String {
    match value_type {
        ValueType::TrueFalse => "true or false".into(),
        ValueType::TrueFalseUndefined => "true, false or undefined".into(),
        ValueType::Tristate => "true, false, mixed or undefined".into(),
        ValueType::Integer => "a whole number".into(),
        ValueType::Number => "a number".into(),
        ValueType::Token(tokens) => format!("one of: {}", tokens.join(", ")),
        ValueType::TokenList(tokens) => format!("a space-separated list of: {}", tokens.join(", ")),
        ValueType::IdRef => "an id".into(),
        ValueType::IdRefList => "a list of ids".into(),
        ValueType::String => "text".into(),
    }
}
