use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

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
    /// When the page's scripts mention a missing id (and may create the element later), the
    /// result is "can't tell".
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
const SCRIPTED: &str = "None of the ids in aria-controls exists in the page as loaded, but the page's scripts mention them and may create the element: check that it exists when the control is used.";

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
        } else if ids.iter().any(|id| doc.scripts_mention(id)) {
            Expectation::cant_tell("may-be-scripted", SCRIPTED)
        } else {
            Expectation::failed("no-referenced-element", FAILED)
        }
    }
}
