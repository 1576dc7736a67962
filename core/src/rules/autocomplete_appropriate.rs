use super::autocomplete_valid::{OFF_SYNONYMS, autocomplete_value, autofill_fields, field_name, suits_control};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Best practice beside `autocomplete-valid`: reports `autocomplete` values that are not
    /// wrong for WCAG but are not what HTML asks for:
    /// - a made-up value meant to turn autofill off (`none`, `false`, `no`, `nope`,
    ///   `disabled`, `chrome-off`): HTML's value for that is `off`;
    /// - a valid autofill token on a field type HTML does not list it for (`email` on a
    ///   number field, `postal-code` on a password field). The pairings HTML or browsers
    ///   accept are allowed: `username` on `type=email`,
    ///   `street-address` on a one-line text field, phone-number parts and card numbers on
    ///   `type=tel`.
    ///
    /// ## Why it matters
    /// Neither stops a resident's browser from identifying the field (WCAG 1.3.5 is about the
    /// purpose, which the token still names, or which an "off" value does not claim), so this
    /// never fails a WCAG gate. But a field whose token does not suit its type may not be
    /// filled, and a made-up "off" value is read by browsers as an unknown token.
    ///
    /// ## Example
    /// ```html
    /// <input type="text" autocomplete="nope">         <!-- reported: write "off" -->
    /// <input type="number" autocomplete="email">      <!-- reported: email needs type=email or text -->
    /// <input type="email" autocomplete="username">    <!-- passes -->
    /// ```
    ///
    /// ## References
    /// HTML Living Standard, "Autofilling form controls: the autocomplete attribute" (the
    /// control groups table); best practice, no WCAG success criterion.
    pub struct AutocompleteAppropriate {
        id: "autocomplete-appropriate",
        title: "autocomplete value suits the field",
        wcag: [],
        level: None,
        act: [],
        impact: Minor,
        codes: ["suits-field", "off-synonym", "wrong-field-type"],
    }
}

const PASSED: &str = "The autocomplete token suits this type of field.";
const OFF_SYNONYM: &str = "This value is meant to turn autofill off, but HTML's value for that is \"off\": browsers read this one as an unknown token.";
const WRONG_TYPE: &str = "The autocomplete token does not suit this type of field (e.g. email on a number field): browsers may not fill it.";

impl Rule for AutocompleteAppropriate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        autofill_fields(cx)
            .filter(|e| {
                let v = autocomplete_value(e);
                OFF_SYNONYMS.contains(&v.as_str()) || field_name(&v).is_some()
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let value = autocomplete_value(&target.element);
        match field_name(&value) {
            None => Expectation::failed("off-synonym", OFF_SYNONYM),
            Some(field) if !suits_control(field, &target.element) => {
                Expectation::failed("wrong-field-type", WRONG_TYPE)
            }
            Some(_) => Expectation::passed("suits-field", PASSED),
        }
    }
}
