use super::predicates::{heading_level, is_document_element};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that the page has at least one visible level-one heading: an `<h1>`, or an
    /// element with `role="heading"` and `aria-level="1"`. Best practice: this rule never
    /// fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen reader users often jump to the first level-one heading to find where the
    /// page's own content starts, and read it as the page's topic. Without one they have to
    /// hunt through the page.
    ///
    /// ## Example
    /// ```html
    /// <body><h2>Bin collections</h2>…</body>   <!-- fails -->
    /// <body><h1>Bin collections</h1>…</body>   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 1.3.1 Info and Relationships and 2.4.6 Headings
    /// and Labels.
    pub struct PageHasH1 {
        id: "page-has-h1",
        title: "Page has a level-one heading",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["has-h1", "no-h1"],
    }
}

const PASSED: &str = "The page has a level-one heading.";
const FAILED: &str = "The page has no visible level-one heading: give its main content an <h1>.";

impl Rule for PageHasH1 {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.root()
            .filter(is_document_element)
            .map(Target::element)
            .into_iter()
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let found = target
            .element
            .document()
            .elements_with_roles(&["heading"])
            .any(|e| heading_level(&e) == 1 && e.is_visible() && e.is_in_accessibility_tree());
        Expectation::check(found, ("has-h1", PASSED), ("no-h1", FAILED))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcome(body: &str) -> Outcome {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["page-has-h1"]);
        let findings = audit(&html, "file:///t.html", &options).findings;
        assert_eq!(findings.len(), 1, "{findings:?}");
        findings[0].outcome
    }

    #[test]
    fn a_visible_h1_passes() {
        assert_eq!(outcome("<h1>Bins</h1>"), Outcome::Passed);
        assert_eq!(
            outcome(r#"<div role="heading" aria-level="1">Bins</div>"#),
            Outcome::Passed
        );
    }

    #[test]
    fn no_visible_h1_fails() {
        assert_eq!(outcome("<h2>Bins</h2>"), Outcome::Failed);
        assert_eq!(
            outcome(r#"<div role="heading">Bins</div>"#),
            Outcome::Failed
        );
        assert_eq!(outcome("<h1 hidden>Bins</h1>"), Outcome::Failed);
        assert_eq!(
            outcome(r#"<h1 aria-hidden="true">Bins</h1>"#),
            Outcome::Failed
        );
        assert_eq!(
            outcome(r#"<h1 role="presentation">Bins</h1>"#),
            Outcome::Failed
        );
    }
}
