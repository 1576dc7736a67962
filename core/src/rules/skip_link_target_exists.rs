use std::borrow::Cow;

use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Document, El};

declare_rule! {
    /// ## What it does
    /// Checks that every link to a place on the same page — a rendered `<a>` or `<area>`
    /// whose `href` is `#` followed by a fragment, such as a "Skip to main content" link —
    /// leads to an element that exists. The fragment is looked up as browsers do (HTML
    /// "find a potential indicated element"): an element with that `id`, else an `<a>` with
    /// that `name`, first as written and then percent-decoded (`#bin%20days` finds
    /// `id="bin days"`).
    ///
    /// - Passes when the element exists, and for `#top` (any case) with no such element,
    ///   which browsers treat as the top of the page.
    /// - Fails when no element has that id or name.
    /// - Can't tell when the element exists but is not rendered (script may show it, as in
    ///   tabs), or when the fragment starts with `/` or `!` and no element matches (a
    ///   script's route, such as `#/account`).
    ///
    /// Links whose `href` is just `#`, and links to other pages (even `page.html#part`), are
    /// not checked. Best practice: this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Skip links let keyboard and screen reader users jump past the header and navigation
    /// to the page's content, and "on this page" links take them to a section. When the
    /// target's id was renamed or removed the link silently does nothing, and those users
    /// must tab through everything again.
    ///
    /// ## Example
    /// ```html
    /// <a href="#main-content">Skip to main content</a>
    /// <main id="content">…</main>            <!-- the link fails: no id="main-content" -->
    /// <main id="main-content">…</main>       <!-- the link passes -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 2.4.1 Bypass Blocks (A); axe-core rule
    /// "skip-link"; HTML "Scrolling to a fragment".
    pub struct SkipLinkTargetExists {
        id: "skip-link-target-exists",
        title: "In-page link leads to an element on the page",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["target-exists", "top-of-page", "no-target", "target-hidden", "script-route"],
    }
}

const PASSED: &str = "The in-page link leads to an element on the page.";
const PASSED_TOP: &str = "The link leads to the top of the page.";
const FAILED: &str = "No element on the page has the id this in-page link points to: correct the link, or give the target element that id.";
const HIDDEN: &str = "The in-page link leads to an element that is not displayed: check that it is shown (for example by script) before people follow the link.";
const ROUTE: &str = "The link's fragment looks like a script route, not an element id: check that following it works with a keyboard.";

impl Rule for SkipLinkTargetExists {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["a", "area"])
            .filter(|e| e.is_html())
            .filter(|e| fragment(e).is_some())
            .filter(|e| !e.is_not_rendered())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let Some(raw) = fragment(&el) else {
            return Expectation::passed("top-of-page", PASSED_TOP);
        };
        let decoded = percent_decode(raw);
        match indicated_element(el.document(), raw, &decoded) {
            Some(t) if t.is_not_rendered() => Expectation::cant_tell("target-hidden", HIDDEN),
            Some(_) => Expectation::passed("target-exists", PASSED),
            None if decoded.eq_ignore_ascii_case("top") => Expectation::passed("top-of-page", PASSED_TOP),
            None if raw.starts_with(['/', '!']) => Expectation::cant_tell("script-route", ROUTE),
            None => Expectation::failed("no-target", FAILED),
        }
    }
}

/// The fragment of an `href` that starts with `#` (leading and trailing spaces removed, as
/// the URL parser does), when it is not empty.
fn fragment<'d>(el: &El<'d>) -> Option<&'d str> {
    let href = el.attr("href")?;
    let href = href.trim_matches(|c: char| c <= ' ');
    href.strip_prefix('#').filter(|f| !f.is_empty())
}

/// HTML "find a potential indicated element", tried with the fragment as written and then
/// decoded: the element with that id, else the first `<a>` with that `name`.
fn indicated_element<'d>(doc: &'d Document, raw: &str, decoded: &str) -> Option<El<'d>> {
    let by_id = |f: &str| doc.element_by_id(f);
    if let Some(el) = by_id(raw).or_else(|| by_id(decoded)) {
        return Some(el);
    }
    // Named anchors are rare; look only when no id matched.
    doc.elements_with_attr("name").find(|e| {
        e.is_html() && e.name() == "a" && e.attr("name").is_some_and(|n| n == raw || n == decoded)
    })
}

/// Percent-decodes a fragment (`%20` → space), then UTF-8 decodes it, replacing invalid
/// sequences, as browsers do.
fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::percent_decode;
    use crate::rules::Outcome;

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("skip-link-target-exists", body)
    }

    use Outcome::{CantTell, Failed, Passed};

    #[test]
    fn existing_targets_pass() {
        assert_eq!(
            outcomes(r##"<a href="#main">Skip</a><main id="main">m</main>"##),
            vec![Passed]
        );
        // Named anchors, percent-encoded ids and spaces around the href.
        assert_eq!(
            outcomes(
                r##"<a href="#fees">Fees</a><a name="fees"></a>
                   <a href=" #bin%20days ">Bin days</a><h2 id="bin days">Bin days</h2>
                   <a href="#caf%C3%A9">Café</a><p id="café">x</p>
                   <a href="#100%">Full</a><p id="100%">x</p>"##
            ),
            vec![Passed, Passed, Passed, Passed]
        );
        // A target in the accessibility tree's blind spot still exists.
        assert_eq!(
            outcomes(r##"<a href="#x">x</a><div id="x" aria-hidden="true">x</div>"##),
            vec![Passed]
        );
    }

    #[test]
    fn missing_targets_fail() {
        assert_eq!(
            outcomes(r##"<a href="#main-content">Skip</a><main id="content">m</main>"##),
            vec![Failed]
        );
        // ids are case-sensitive; `name` only counts on an <a>.
        assert_eq!(
            outcomes(
                r##"<a href="#Main">Skip</a><main id="main">m</main>
                   <a href="#form">Form</a><form name="form"></form>
                   <map name="m"><area href="#nowhere" alt="x"></map><img usemap="#m" alt="">"##
            ),
            vec![Failed, Failed, Failed]
        );
    }

    #[test]
    fn top_and_empty_fragments() {
        // `#top` goes to the top of the page unless an element is called "top".
        assert_eq!(
            outcomes(r##"<a href="#top">Back to top</a>"##),
            vec![Passed]
        );
        assert_eq!(
            outcomes(r##"<a href="#TOP">Back to top</a>"##),
            vec![Passed]
        );
        assert_eq!(
            outcomes(r##"<a href="#top">Top</a><div id="top" hidden></div>"##),
            vec![CantTell]
        );
        // `#` alone, other pages and links that are not displayed are not checked.
        assert!(outcomes(
            r##"<a href="#">Menu</a><a href="page.html#x">x</a><a href="/#x">x</a>
               <a href="#x" hidden>x</a><div style="display:none"><a href="#y">y</a></div>
               <a name="#z">z</a>"##
        )
        .is_empty());
    }

    #[test]
    fn hidden_targets_and_routes_cannot_be_told() {
        assert_eq!(
            outcomes(r##"<a href="#tab2">Tab 2</a><div id="tab2" hidden>Panel</div>"##),
            vec![CantTell]
        );
        assert_eq!(
            outcomes(r##"<a href="#/account">Account</a><a href="#!/bins">Bins</a>"##),
            vec![CantTell, CantTell]
        );
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
