use super::{declare_rule, Context, Expectation, Rule, RuleMeta, Target};
use crate::script::{Reason, ScriptEffect};

declare_rule! {
    /// ## What it does
    /// Checks the ID references that WAI-ARIA requires to point at something: the
    /// `aria-controls` of a scrollbar, and of a combobox that is expanded
    /// (`aria-expanded="true"`), must name at least one element that exists on the page.
    ///
    /// ## Why it matters
    /// These references tie a control to what it operates: the list of suggestions under an
    /// address search box, or the panel a scrollbar scrolls. When the id is wrong, screen
    /// reader users are told the list is open but cannot find or move into it.
    ///
    /// ## Example
    /// ```html
    /// <!-- fails: nothing on the page has id="streets" -->
    /// <input role="combobox" aria-expanded="true" aria-controls="streets">
    ///
    /// <!-- passes -->
    /// <input role="combobox" aria-expanded="true" aria-controls="streets">
    /// <ul role="listbox" id="streets"><li role="option">High Street</li></ul>
    /// ```
    /// When none of the ids exists but the page has scripts the engine could not follow (an
    /// inline script it could not run to its end, or an external one), which may create the
    /// element, the result is "can't tell".
    ///
    /// ## References
    /// WAI-ARIA 1.2 §6.2.4 Value; related to WCAG 2.2 SC 1.3.1 Info and Relationships and
    /// 4.1.2 Name, Role, Value, which this rule is stricter than, so it is reported as best
    /// practice; ACT rule in6db8 "ARIA required ID references exist".
    pub struct AriaRequiredIdReferences {
        id: "aria-required-id-references",
        title: "Required ARIA ID references exist",
        wcag: [],
        level: None,
        act: ["in6db8"],
        impact: Serious,
        codes: ["reference-exists", "may-be-scripted", "no-referenced-element"],
    }
}

const PASSED: &str = "The aria-controls attribute names an element on the page.";
const FAILED: &str = "None of the ids in aria-controls exists on the page: point it at the element this control operates.";
/// The cantTell message, with what may create the element.
fn scripted(reason: &Reason) -> String {
    format!("None of the ids in aria-controls exists in the page as loaded, but {reason} may create the element: check that it exists while the control is expanded.")
}

impl Rule for AriaRequiredIdReferences {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attr("aria-controls")
            .filter(|e| e.is_html() && e.non_empty_attr("aria-controls").is_some())
            .filter(|e| match e.role() {
                Some("scrollbar") => true,
                Some("combobox") => e
                    .attr("aria-expanded")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true")),
                _ => false,
            })
            .map(|e| Target::attribute(e, "aria-controls"))
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let doc = el.document();
        let ids: Vec<&str> = el
            .attr("aria-controls")
            .unwrap_or("")
            .split_ascii_whitespace()
            .collect();
        // Ids resolve in the element's own tree (the document, or its shadow tree).
        if ids
            .iter()
            .any(|id| doc.element_by_id_in(el.scope(), id).is_some())
        {
            Expectation::passed("reference-exists", PASSED)
        } else if let Some(reason) = doc.scripts().may_change(ScriptEffect::Elements, &el) {
            // Listeners left behind do not count: an expanded control's popup exists now.
            Expectation::cant_tell("may-be-scripted", scripted(&reason))
        } else {
            Expectation::failed("no-referenced-element", FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::testing::findings;

    fn outcome(body: &str) -> (Outcome, String) {
        let found = findings("aria-required-id-references", body);
        assert_eq!(found.len(), 1, "{found:?}");
        (found[0].outcome, found[0].message.clone())
    }

    const EXPANDED: &str =
        r#"<input role="combobox" aria-expanded="true" aria-controls="streets">"#;

    #[test]
    fn a_missing_popup_without_scripts_fails() {
        assert_eq!(outcome(EXPANDED).0, Outcome::Failed);
    }

    #[test]
    fn an_external_script_may_create_the_popup() {
        let (got, message) = outcome(&format!(r#"{EXPANDED}<script src="search.js"></script>"#));
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("external script"), "{message}");
    }

    #[test]
    fn an_existing_popup_passes_whatever_the_scripts() {
        let body = format!(
            r#"{EXPANDED}<ul role="listbox" id="streets"></ul><script src="a.js"></script>"#
        );
        assert_eq!(outcome(&body).0, Outcome::Passed);
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn followed_scripts_that_create_no_popup_fail() {
        // Naming the id is not creating the element: the script ran to its end.
        let body = format!(r#"{EXPANDED}<script>console.log('streets')</script>"#);
        assert_eq!(outcome(&body).0, Outcome::Failed);
        // A listener runs on a later action; an expanded combobox's popup exists now.
        let body = format!(
            r#"{EXPANDED}<button id="b">Go</button><script>document.getElementById('b').addEventListener('click', function () {{}})</script>"#
        );
        assert_eq!(outcome(&body).0, Outcome::Failed);
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn an_inline_script_the_engine_could_not_follow_may_create_the_popup() {
        let body = format!(r#"{EXPANDED}<script>var n = 1 + 1</script>"#);
        let (got, message) = outcome(&body);
        assert_eq!(got, Outcome::CantTell);
        assert!(message.contains("inline script"), "{message}");
    }
}
