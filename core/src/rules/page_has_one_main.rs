use super::predicates::{included_with_role, is_document_element};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that the page has exactly one `main` landmark (a `<main>` element, or an
    /// element with `role="main"`) in the accessibility tree. Best practice: this rule never
    /// fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen reader users jump straight to the main landmark to skip the header and
    /// navigation. With no main landmark there is nowhere to jump to; with several, people
    /// cannot tell which one holds the page's content.
    ///
    /// ## Example
    /// ```html
    /// <body><header>…</header><div class="content">…</div></body>   <!-- fails: no main -->
    /// <body><header>…</header><main>…</main></body>                <!-- passes -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 1.3.1 Info and Relationships and 2.4.1 Bypass
    /// Blocks; ARIA Authoring Practices "Landmark Regions".
    pub struct PageHasOneMain {
        id: "page-has-one-main",
        title: "Page has exactly one main landmark",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["one-main", "no-main", "several-mains"],
    }
}

const PASSED: &str = "The page has one main landmark.";
const NONE: &str = "The page has no main landmark: wrap its main content in a <main> element.";
const SEVERAL: &str =
    "The page has more than one main landmark: keep one <main> for the page's content.";

impl Rule for PageHasOneMain {
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
        match included_with_role(target.element.document(), "main").count() {
            1 => Expectation::passed("one-main", PASSED),
            0 => Expectation::failed("no-main", NONE),
            _ => Expectation::failed("several-mains", SEVERAL),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcome(body: &str) -> Vec<(Outcome, String)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["page-has-one-main"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.outcome, f.selector))
            .collect()
    }

    #[test]
    fn one_main_passes() {
        let got = outcome("<header>h</header><main>m</main><main hidden>old</main>");
        assert_eq!(got, vec![(Outcome::Passed, "html".to_string())]);
        assert_eq!(outcome(r#"<div role="main">m</div>"#)[0].0, Outcome::Passed);
    }

    #[test]
    fn no_main_or_several_fail() {
        assert_eq!(outcome("<div>m</div>")[0].0, Outcome::Failed);
        assert_eq!(
            outcome(r#"<main>a</main><div role="main">b</div>"#)[0].0,
            Outcome::Failed
        );
        assert_eq!(
            outcome(r#"<main aria-hidden="true">a</main>"#)[0].0,
            Outcome::Failed
        );
    }
}
