use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an `autocomplete` attribute on a form field holds valid HTML autofill
    /// tokens (`name`, `email`, `postal-code`, `address-line1`, `tel`, … optionally preceded by
    /// `section-*`, `shipping`/`billing` and `home`/`work`/`mobile`).
    ///
    /// Values written to turn autofill off (`none`, `false`, `no`, `nope`, `disabled`,
    /// `chrome-off`) are not checked here: they claim no purpose, so 1.3.5 has nothing to
    /// identify. Whether a valid token suits the field's type (`email` on a number field) is
    /// not a 1.3.5 question either (ACT 73f2c2 dropped it): both are reported by the
    /// best-practice rule `autocomplete-appropriate`.
    ///
    /// ## Why it matters
    /// Correct tokens let browsers fill in a resident's details and let assistive tools show
    /// familiar icons. People with memory, motor or cognitive impairments fill council forms
    /// (missed bins, permits, council tax) without retyping. `autocomplete="postcode"` is not a
    /// token: the right one is `postal-code`.
    ///
    /// ## Example
    /// ```html
    /// <input type="text" autocomplete="postcode">     <!-- fails -->
    /// <input type="text" autocomplete="postal-code">  <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.3.5 Identify Input Purpose (AA); ACT rule 73f2c2 "autocomplete attribute has valid value".
    pub struct AutocompleteValid {
        id: "autocomplete-valid",
        title: "autocomplete attribute has a valid value",
        wcag: ["1.3.5"],
        level: Some(Level::AA),
        act: ["73f2c2"],
        impact: Serious,
        codes: ["valid-token", "invalid-token"],
    }
}

const PASSED: &str = "The autocomplete value is a valid autofill token list.";
const INVALID: &str = "The autocomplete value is not a valid autofill token list (e.g. use postal-code, not postcode).";

/// Input types whose `autocomplete` is not about the user's data.
pub(super) const EXCLUDED_TYPES: &[&str] = &[
    "button", "checkbox", "file", "image", "radio", "reset", "submit", "hidden",
];

/// Values authors write to turn autofill off instead of `off` (seen on real pages; Chrome
/// ignores `off` on address forms, so `chrome-off` and made-up words are common workarounds).
/// They claim no purpose, so WCAG 1.3.5 does not apply to them.
pub(super) const OFF_SYNONYMS: &[&str] = &[
    "chrome-off", "disable", "disabled", "false", "no", "none", "nope",
];

impl Rule for AutocompleteValid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        autofill_fields(cx)
            .filter(|e| {
                let v = autocomplete_value(e);
                v != "on" && v != "off" && !OFF_SYNONYMS.contains(&v.as_str())
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let value = target
            .element
            .attr("autocomplete")
            .unwrap_or("")
            .to_ascii_lowercase();
        match field_name(&value) {
            None => Expectation::failed("invalid-token", INVALID),
            Some(_) => Expectation::passed("valid-token", PASSED),
        }
    }
}

/// Enabled, shown form fields about the user's data with a non-empty `autocomplete` (ACT
/// 73f2c2's applicability, before its value is looked at).
pub(super) fn autofill_fields<'d>(cx: &Context<'d>) -> impl Iterator<Item = El<'d>> + 'd {
    cx.doc
        .elements_named(&["input", "select", "textarea"])
        .filter(|e| e.is_html() && matches!(e.name(), "input" | "select" | "textarea"))
        .filter(|e| !(e.name() == "input" && EXCLUDED_TYPES.contains(&e.input_type())))
        .filter(|e| {
            !e.is_disabled()
                && e.attr("aria-disabled")
                    .is_none_or(|v| !v.trim().eq_ignore_ascii_case("true"))
        })
        .filter(|e| e.is_visible() || e.is_in_accessibility_tree())
        .filter(|e| !autocomplete_value(e).is_empty())
}

/// The trimmed, lower-cased `autocomplete` value.
pub(super) fn autocomplete_value(el: &El) -> String {
    el.attr("autocomplete").unwrap_or("").trim().to_ascii_lowercase()
}

/// Autofill field names and the control group HTML puts them in.
const FIELDS: &[(&str, Group)] = &[
    ("name", Group::Text),
    ("honorific-prefix", Group::Text),
    ("given-name", Group::Text),
    ("additional-name", Group::Text),
    ("family-name", Group::Text),
    ("honorific-suffix", Group::Text),
    ("nickname", Group::Text),
    ("organization-title", Group::Text),
    ("username", Group::Text),
    ("new-password", Group::Password),
    ("current-password", Group::Password),
    ("one-time-code", Group::Password),
    ("organization", Group::Text),
    ("street-address", Group::Multiline),
    ("address-line1", Group::Text),
    ("address-line2", Group::Text),
    ("address-line3", Group::Text),
    ("address-level4", Group::Text),
    ("address-level3", Group::Text),
    ("address-level2", Group::Text),
    ("address-level1", Group::Text),
    ("country", Group::Text),
    ("country-name", Group::Text),
    ("postal-code", Group::Text),
    ("cc-name", Group::Text),
    ("cc-given-name", Group::Text),
    ("cc-additional-name", Group::Text),
    ("cc-family-name", Group::Text),
    ("cc-number", Group::Text),
    ("cc-exp", Group::Month),
    ("cc-exp-month", Group::Numeric),
    ("cc-exp-year", Group::Numeric),
    ("cc-csc", Group::Text),
    ("cc-type", Group::Text),
    ("transaction-currency", Group::Text),
    ("transaction-amount", Group::Numeric),
    ("language", Group::Text),
    ("bday", Group::Date),
    ("bday-day", Group::Numeric),
    ("bday-month", Group::Numeric),
    ("bday-year", Group::Numeric),
    ("sex", Group::Text),
    ("url", Group::Url),
    ("photo", Group::Url),
    // Contact fields (may follow home/work/mobile/fax/pager).
    ("tel", Group::Tel),
    ("tel-country-code", Group::Text),
    ("tel-national", Group::Tel),
    ("tel-area-code", Group::Text),
    ("tel-local", Group::Tel),
    ("tel-local-prefix", Group::Text),
    ("tel-local-suffix", Group::Text),
    ("tel-extension", Group::Text),
    ("email", Group::Email),
    ("impp", Group::Url),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Text,
    Multiline,
    Password,
    Url,
    Email,
    Tel,
    Numeric,
    Month,
    Date,
}

fn is_contact_field(name: &str) -> bool {
    name.starts_with("tel") || name == "email" || name == "impp"
}

/// Parses `[section-*] [shipping|billing] [home|work|mobile|fax|pager] field [webauthn]` and
/// returns the field name.
pub(super) fn field_name(value: &str) -> Option<&'static str> {
    let mut tokens: Vec<&str> = value.split_ascii_whitespace().collect();
    if tokens.last() == Some(&"webauthn") {
        tokens.pop();
    }
    let (&last, rest) = tokens.split_last()?;
    let field = FIELDS.iter().find(|(n, _)| *n == last).map(|(n, _)| *n)?;
    let mut rest = rest.iter().peekable();
    if rest.peek().is_some_and(|t| t.starts_with("section-")) {
        rest.next();
    }
    if rest
        .peek()
        .is_some_and(|t| matches!(**t, "shipping" | "billing"))
    {
        rest.next();
    }
    if rest
        .peek()
        .is_some_and(|t| matches!(**t, "home" | "work" | "mobile" | "fax" | "pager"))
    {
        if !is_contact_field(field) {
            return None;
        }
        rest.next();
    }
    rest.next().is_none().then_some(field)
}

/// HTML's table of which input types each control group is appropriate for, with the
/// pairings HTML itself or every browser's autofill accepts: `username` on `type=email` (HTML
/// allows it since 2020), `street-address` on a one-line text field (browsers fill it with the
/// address on one line), and phone-number parts and card fields on `type=tel` (a numeric
/// keypad for digits).
pub(super) fn suits_control(field: &str, el: &El) -> bool {
    let group = FIELDS
        .iter()
        .find(|(n, _)| *n == field)
        .map(|(_, g)| *g)
        .unwrap_or(Group::Text);
    if el.name() != "input" {
        return true; // textarea and select accept every group
    }
    match el.input_type() {
        "text" | "search" => true,
        "password" => group == Group::Password,
        "url" => group == Group::Url,
        "email" => group == Group::Email || field == "username",
        "tel" => {
            group == Group::Tel
                || field.starts_with("tel-")
                || matches!(field, "cc-number" | "cc-csc" | "cc-exp-month" | "cc-exp-year")
        }
        "number" => group == Group::Numeric,
        "month" => group == Group::Month,
        "date" => group == Group::Date,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn token_grammar() {
        assert_eq!(field_name("postal-code"), Some("postal-code"));
        assert_eq!(
            field_name("section-a shipping postal-code"),
            Some("postal-code")
        );
        assert_eq!(field_name("work email"), Some("email"));
        assert_eq!(field_name("work postal-code"), None);
        assert_eq!(field_name("postcode"), None);
        assert_eq!(field_name("email work"), None);
        assert_eq!(field_name("username webauthn"), Some("username"));
    }
}
