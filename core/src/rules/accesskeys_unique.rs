use super::{declare_rule, Context, Expectation, Fact, Rule, RuleMeta, Target};
use crate::model::{Document, El, NodeIndex};

declare_rule! {
    /// ## What it does
    /// Checks that no two elements on a page share an access key. It applies to every
    /// rendered element with a non-empty `accesskey` attribute. Values are compared with
    /// surrounding spaces removed and ignoring case (`accesskey="s"` and `accesskey="S "`
    /// clash). Every element whose access key another element also uses fails — all of them,
    /// so each one to change is listed; an element whose access key is its own passes.
    /// Elements that are not displayed (`hidden`, `display: none`) do not respond to their
    /// access key and are not checked. Best practice: this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// An access key is a keyboard shortcut to a link or control. When two elements share
    /// one, browsers go to only one of them, or make people press it again to reach the
    /// other, so the shortcut does not do what the page promises.
    ///
    /// ## Example
    /// ```html
    /// <a href="/search" accesskey="s">Search</a>
    /// <a href="/sitemap" accesskey="S">Site map</a>   <!-- both fail -->
    /// <a href="/sitemap" accesskey="3">Site map</a>   <!-- passes: its own key -->
    /// ```
    /// Many people never use access keys and some find them clash with their assistive
    /// technology's shortcuts; consider not using them at all.
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 2.1.1 Keyboard (A) and 4.1.2 Name, Role,
    /// Value (A); axe-core rule "accesskeys"; HTML "The accesskey attribute".
    pub struct AccesskeysUnique {
        id: "accesskeys-unique",
        title: "Access keys are unique",
        wcag: [],
        level: None,
        act: [],
        impact: Serious,
        codes: ["unique-key", "shared-key"],
    }
}

const PASSED: &str = "No other element uses this access key.";
const FAILED: &str = "Another element on the page uses the same access key: give each element its own key, or remove the accesskey attribute.";

/// The elements of a page (sorted by index) whose access key another element also uses.
struct SharedKeys(Vec<NodeIndex>);

impl Fact for SharedKeys {
    fn compute(doc: &Document) -> Self {
        SharedKeys(shared(&candidates(doc)))
    }
}

impl Rule for AccesskeysUnique {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        candidates(cx.doc).into_iter().map(Target::element).collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let shared = cx.fact::<SharedKeys>();
        let is_shared = shared.0.binary_search(&target.element.index()).is_ok();
        Expectation::check(!is_shared, ("unique-key", PASSED), ("shared-key", FAILED))
    }
}

/// Rendered elements with a non-empty `accesskey`, in document order.
fn candidates(doc: &Document) -> Vec<El<'_>> {
    doc.elements_with_attr("accesskey")
        .filter(|e| e.non_empty_attr("accesskey").is_some())
        .filter(|e| !e.is_not_rendered())
        .collect()
}

/// The elements (sorted by index) whose access key another element also uses.
fn shared(elements: &[El]) -> Vec<NodeIndex> {
    if elements.len() < 2 {
        return Vec::new();
    }
    let mut keyed: Vec<(String, NodeIndex)> = elements
        .iter()
        .map(|e| {
            let key = e.non_empty_attr("accesskey").unwrap_or("").to_lowercase();
            (key, e.index())
        })
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        if group.len() > 1 {
            out.extend(group.iter().map(|g| g.1));
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcomes(body: &str) -> Vec<(Outcome, String)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["accesskeys-unique"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.outcome, f.selector))
            .collect()
    }

    fn only(body: &str) -> Vec<Outcome> {
        outcomes(body).into_iter().map(|(o, _)| o).collect()
    }

    use Outcome::{Failed, Passed};

    #[test]
    fn shared_keys_fail_every_element() {
        let got = outcomes(
            r#"<a id="search" href="/search" accesskey="s">Search</a>
               <a id="home" href="/" accesskey="h">Home</a>
               <a id="map" href="/sitemap" accesskey=" S ">Site map</a>
               <button id="send" accesskey="s">Send</button>"#,
        );
        let expected = [
            (Failed, "#search"),
            (Passed, "#home"),
            (Failed, "#map"),
            (Failed, "#send"),
        ];
        assert_eq!(got, expected.map(|(o, s)| (o, s.to_string())).to_vec());
    }

    #[test]
    fn unique_keys_pass() {
        assert_eq!(
            only(r#"<a href="/" accesskey="1">Home</a><a href="/a" accesskey="2">A</a>"#),
            vec![Passed, Passed]
        );
        // One element on its own, even when the page has no other access key.
        assert_eq!(
            only(r#"<input accesskey="q" aria-label="Search">"#),
            vec![Passed]
        );
    }

    #[test]
    fn hidden_and_empty_access_keys_are_not_checked() {
        // The hidden duplicate does not respond to its key, so the visible one is unique.
        assert_eq!(
            only(
                r#"<a href="/" accesskey="h">Home</a><a href="/x" accesskey="h" hidden>x</a>
                   <div style="display:none"><a href="/y" accesskey="h">y</a></div>
                   <a href="/z" accesskey="">z</a><a href="/w" accesskey=" ">w</a>"#
            ),
            vec![Passed]
        );
        assert!(outcomes("<a href='/'>No access keys</a>").is_empty());
    }

    #[test]
    fn non_ascii_keys_compare_ignoring_case() {
        assert_eq!(
            only(r#"<a href="/a" accesskey="é">a</a><a href="/b" accesskey="É">b</a>"#),
            vec![Failed, Failed]
        );
    }
}
