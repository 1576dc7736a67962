use super::predicates::{heading_level, included_with_role};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;

declare_rule! {
    /// ## What it does
    /// Checks that heading levels do not skip on the way down: each heading is at most one
    /// level deeper than the heading before it (an `<h2>` may follow an `<h1>`, not an
    /// `<h4>`). Going back up any number of levels is fine, and the first heading may be of
    /// any level. Headings hidden from the accessibility tree are left out. Best practice:
    /// this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen reader users use heading levels to understand how the page is organised. A
    /// skipped level suggests a missing section, and makes people wonder what they missed.
    ///
    /// ## Example
    /// ```html
    /// <h2>Council tax</h2>
    /// <h4>Discounts</h4>   <!-- fails: skips level 3 -->
    /// <h3>Discounts</h3>   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 1.3.1 Info and Relationships; WAI tutorial
    /// "Headings".
    pub struct HeadingOrder {
        id: "heading-order",
        title: "Heading levels increase by one",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["in-order", "skipped-level"],
    }
}

const PASSED: &str = "The heading is at most one level deeper than the heading before it.";
const FAILED: &str = "The heading skips a level after the heading before it: use the next level down, so the outline has no gaps.";

impl Rule for HeadingOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        included_with_role(doc, "heading")
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let ok = previous_heading(&el).is_none_or(|p| heading_level(&el) <= heading_level(&p) + 1);
        Expectation::check(ok, ("in-order", PASSED), ("skipped-level", FAILED))
    }
}

/// The nearest heading before `el` in document order that is in the accessibility tree.
fn previous_heading<'d>(el: &El<'d>) -> Option<El<'d>> {
    el.document()
        .elements_with_roles(&["heading"])
        .take_while(|h| h.index() < el.index())
        .filter(|h| h.is_in_accessibility_tree())
        .last()
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("heading-order", body)
    }

    #[test]
    fn stepping_down_by_one_and_back_up_passes() {
        assert_eq!(
            outcomes("<h2>a</h2><h3>b</h3><h4>c</h4><h2>d</h2><h3>e</h3>"),
            vec![Outcome::Passed; 5]
        );
    }

    #[test]
    fn a_skipped_level_fails_on_the_deeper_heading() {
        use Outcome::{Failed, Passed};
        assert_eq!(
            outcomes("<h1>a</h1><h2>b</h2><h4>c</h4><h5>d</h5>"),
            vec![Passed, Passed, Failed, Passed]
        );
        assert_eq!(
            outcomes(r#"<h1>a</h1><div role="heading" aria-level="3">b</div>"#),
            vec![Passed, Failed]
        );
    }

    #[test]
    fn hidden_headings_are_skipped_over() {
        use Outcome::{Failed, Passed};
        assert_eq!(
            outcomes("<h1>a</h1><h2 hidden>b</h2><h3>c</h3>"),
            vec![Passed, Failed]
        );
    }
}
