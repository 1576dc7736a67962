use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Child, El, NodeIndex};

declare_rule! {
    /// ## What it does
    /// Checks that all of the page's content is inside landmarks. The landmarks are the
    /// elements in the accessibility tree whose role is `banner` (the page `<header>`),
    /// `navigation` (`<nav>`), `main`, `complementary` (`<aside>`), `contentinfo` (the page
    /// `<footer>`) or `search`, and `region` (`<section>`) or `form` elements that have an
    /// accessible name. Dialogs (`dialog`, `alertdialog`) and live regions (`aria-live`
    /// `polite` or `assertive`, roles `alert`, `log` and `status`) are treated like
    /// landmarks, as axe-core does: they appear out of the page's flow on purpose.
    ///
    /// Content is what assistive technology presents: text in the accessibility tree
    /// (visually hidden text too, but not `aria-hidden` or undisplayed text); images with a
    /// text alternative (`<img>`, `<svg>` with a name), formulas (`<math>`); form controls
    /// (`<input>` other than hidden, `<select>`, `<textarea>`, `<button>`, `<meter>`,
    /// `<progress>`); and embedded media (`<iframe>`, `<object>`, `<video>`, `<audio>`,
    /// `<canvas>`). Skip links — links to a place on the same page (`href="#…"`) that come
    /// before the first landmark — may sit outside landmarks, as may text directly in
    /// `<body>` (axe-core ignores it too).
    ///
    /// To keep findings few, each one is a block as large as possible: starting from
    /// `<body>`, the rule walks down through wrappers (such as `<div class="container">`)
    /// that contain a landmark, and reports
    /// - each outermost landmark: passed;
    /// - each element below those wrappers that holds content but contains no landmark: failed,
    ///   once, however much content it holds;
    /// - each wrapper that contains a landmark and also has text directly inside it: failed
    ///   (its landmarks are not looked at further).
    ///
    /// Best practice: this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen reader users move around a page by its landmarks: "banner", "navigation",
    /// "main", "footer". Content outside every landmark is skipped by that navigation, so
    /// people can miss a cookie notice, an emergency banner or a phone number entirely.
    ///
    /// ## Example
    /// ```html
    /// <body>
    ///   <a href="#main">Skip to main content</a>            <!-- allowed: skip link -->
    ///   <div class="alert">Bin collections are delayed</div> <!-- fails -->
    ///   <header>…</header>                                   <!-- passes -->
    ///   <main id="main">…</main>                             <!-- passes -->
    ///   <div class="footer">© Ashworth District Council</div> <!-- fails: use <footer> -->
    /// </body>
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 1.3.1 Info and Relationships (A) and 2.4.1
    /// Bypass Blocks (A); axe-core rule "region"; ARIA Authoring Practices "Landmark
    /// Regions".
    pub struct Region {
        id: "region",
        title: "All content is inside landmarks",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["in-landmark", "outside-landmarks"],
    }
}

const PASSED: &str = "This landmark (or dialog or live region) holds content people can reach by landmark navigation.";
const FAILED: &str = "This content is not inside any landmark: put it in a <header>, <nav>, <main>, <aside> or <footer> element, or in a <section> named with aria-label or aria-labelledby.";

impl Rule for Region {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        let Some(body) = doc
            .root()
            .and_then(|r| r.children().find(|c| c.is_html() && c.name() == "body"))
        else {
            return Vec::new();
        };
        if is_region(&body) {
            return vec![Target::element(body)];
        }
        let walk = Walk {
            regions: outermost_regions(&body),
        };
        let mut out = Vec::new();
        walk.visit(&body, true, &mut out);
        // The walk meets each element once: nothing to drop.
        El::sort_in_document_order(&mut out);
        out.into_iter().map(Target::element).collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::check(is_region(&target.element), ("in-landmark", PASSED), ("outside-landmarks", FAILED))
    }
}

/// The roles of landmarks, and of dialogs and live regions treated like them (`region` and
/// `form` only count when named).
const REGION_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "form",
    "log",
    "main",
    "navigation",
    "region",
    "search",
    "status",
];

/// Whether an element is a landmark, or a dialog or live region treated like one.
fn is_region(el: &El) -> bool {
    if el.is_hidden() {
        return false;
    }
    let live = el.attr("aria-live").is_some_and(|v| {
        let v = v.trim();
        v.eq_ignore_ascii_case("polite") || v.eq_ignore_ascii_case("assertive")
    });
    live || match el.role() {
        Some("region" | "form") => !el.accessible_name().is_empty(),
        Some(role) => REGION_ROLES.contains(&role),
        None => false,
    }
}

/// The regions under `body` that are inside no other region, in document order.
fn outermost_regions<'d>(body: &El<'d>) -> Vec<El<'d>> {
    let doc = body.document();
    let mut candidates: Vec<El> = doc
        .elements_with_roles(REGION_ROLES)
        .chain(doc.elements_with_attr("aria-live"))
        .filter(|e| e.is_descendant_of(body))
        .collect();
    El::sort_in_document_order(&mut candidates);
    let mut regions: Vec<El> = Vec::new();
    for e in candidates {
        if regions.last().is_some_and(|r| e.is_descendant_of(r)) {
            continue;
        }
        if is_region(&e) {
            regions.push(e);
        }
    }
    regions
}

struct Walk<'d> {
    /// Outermost regions, in document order.
    regions: Vec<El<'d>>,
}

impl<'d> Walk<'d> {
    /// Collects the targets under `el`, an element that contains a region (or `<body>`).
    fn visit(&self, el: &El<'d>, is_body: bool, out: &mut Vec<El<'d>>) {
        if !is_body && has_direct_text(el) {
            out.push(*el);
            return;
        }
        for child in el.children() {
            if self.is_outermost_region(&child) {
                out.push(child);
            } else if self.contains_region(&child) {
                self.visit(&child, false, out);
            } else if self.has_content(&child) {
                out.push(child);
            }
        }
    }

    fn is_outermost_region(&self, el: &El) -> bool {
        self.regions
            .binary_search_by_key(&el.index(), |r| r.index())
            .is_ok()
    }

    fn contains_region(&self, el: &El) -> bool {
        let next = self.regions.partition_point(|r| r.index() <= el.index());
        self.regions
            .get(next)
            .is_some_and(|r| r.is_descendant_of(el))
    }

    /// Index of the first region; links before it may be skip links.
    fn first_region(&self) -> NodeIndex {
        self.regions.first().map_or(NodeIndex::MAX, |r| r.index())
    }

    /// Whether `el` or its subtree (which holds no region) has content.
    fn has_content(&self, el: &El<'d>) -> bool {
        // The element whose subtree is being skipped (a skip link, an SVG or MathML island,
        // hidden content).
        let mut skip: Option<El> = None;
        for e in std::iter::once(*el).chain(el.descendants()) {
            if let Some(s) = skip {
                if e.is_descendant_of(&s) {
                    continue;
                }
                skip = None;
            }
            if e.is_not_rendered() || e.is_aria_hidden() {
                skip = Some(e);
                continue;
            }
            if !e.is_html() || self.is_skip_link(&e) {
                // An SVG image counts when named, a MathML formula when it has text.
                let content = !e.is_invisible()
                    && !e.is_presentational()
                    && match e.name() {
                        "svg" => e.is_svg() && !e.accessible_name().is_empty(),
                        "math" => e.has_text_content(),
                        _ => false,
                    };
                if content {
                    return true;
                }
                skip = Some(e);
                continue;
            }
            if is_content_element(&e) || has_direct_text(&e) {
                return true;
            }
        }
        false
    }

    /// A link to a place on this page, before the first landmark.
    fn is_skip_link(&self, el: &El) -> bool {
        el.index() < self.first_region()
            && el.name() == "a"
            && el
                .attr("href")
                .map(|h| h.trim_matches(|c: char| c <= ' '))
                .is_some_and(|h| h.len() > 1 && h.starts_with('#'))
    }
}

/// Non-blank text directly inside a displayed, visible element.
fn has_direct_text(el: &El) -> bool {
    !el.is_hidden()
        && el
            .child_nodes()
            .any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()))
}

/// An HTML element that is content in itself: an image with a text alternative, a form
/// control or embedded media. `el` is displayed and not `aria-hidden`.
fn is_content_element(el: &El) -> bool {
    if el.is_invisible() {
        return false;
    }
    match el.name() {
        "img" => !el.is_presentational() && !el.accessible_name().is_empty(),
        "input" => el.input_type() != "hidden",
        "select" | "textarea" | "button" | "meter" | "progress" | "iframe" | "object" | "video"
        | "audio" | "canvas" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    /// (outcome, selector) of each finding.
    fn findings(body: &str) -> Vec<(Outcome, String)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default().with_passed(true).with_rules(["region"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.outcome, f.selector))
            .collect()
    }

    fn failed(body: &str) -> Vec<String> {
        findings(body)
            .into_iter()
            .filter(|(o, _)| *o == Outcome::Failed)
            .map(|(_, s)| s)
            .collect()
    }

    use Outcome::{Failed, Passed};

    #[test]
    fn content_in_landmarks_passes() {
        let got = findings(
            r##"<a href="#main">Skip to main content</a>
               <header id="h"><p>Ashworth</p><nav aria-label="Main"><a href="/">Home</a></nav></header>
               <div class="wrap"><main id="main"><h1>Bins</h1></main>
               <aside id="a"><p>Related</p></aside></div>
               <footer id="f">© Ashworth</footer>
               <script>var x = "text";</script><div hidden>Old notice</div>
               <div aria-hidden="true">Decoration</div><div>   </div>"##,
        );
        assert_eq!(
            got,
            vec![
                (Passed, "#h".to_string()),
                (Passed, "#main".to_string()),
                (Passed, "#a".to_string()),
                (Passed, "#f".to_string()),
            ]
        );
    }

    #[test]
    fn content_outside_landmarks_fails_once_per_block() {
        let got = failed(
            r#"<div id="notice"><p>Bins are delayed</p><p>Sorry</p></div>
               <div id="wrap"><div id="inner"><span>Outside</span></div><main>m</main></div>
               <footer>f</footer>"#,
        );
        assert_eq!(got, vec!["#notice".to_string(), "#inner".to_string()]);
    }

    #[test]
    fn no_landmarks_fails_each_top_level_block() {
        let got = findings(r#"<div id="a"><p>One</p></div><p id="b">Two</p>"#);
        assert_eq!(
            got,
            vec![(Failed, "#a".to_string()), (Failed, "#b".to_string())]
        );
    }

    #[test]
    fn wrapper_with_direct_text_fails() {
        let got = findings(r#"<div id="w">Loose text<main>m</main></div>"#);
        assert_eq!(got, vec![(Failed, "#w".to_string())]);
    }

    #[test]
    fn images_controls_and_media_are_content() {
        assert_eq!(
            failed(r#"<main>m</main><div id="i"><img src="a.png" alt="Logo"></div>"#),
            vec!["#i"]
        );
        assert_eq!(
            failed(r#"<main>m</main><div id="c"><input type="checkbox"></div>"#),
            vec!["#c"]
        );
        assert_eq!(
            failed(r#"<main>m</main><div id="f"><iframe src="x" title="Map"></iframe></div>"#),
            vec!["#f"]
        );
        assert_eq!(
            failed(r#"<main>m</main><div id="s"><svg role="img" aria-label="Chart"></svg></div>"#),
            vec!["#s"]
        );
        assert_eq!(
            failed(r#"<main>m</main><p id="m"><math><mi>x</mi></math></p>"#),
            vec!["#m"]
        );
        // Decorative images, hidden inputs and unnamed SVG icons are not content.
        assert!(failed(
            r#"<main>m</main><div><img src="a.png" alt=""></div><input type="hidden" value="1">
               <svg><text>1</text></svg><div style="visibility:hidden">x</div>"#
        )
        .is_empty());
    }

    #[test]
    fn named_regions_and_forms_are_landmarks() {
        let got = findings(
            r#"<section id="n" aria-label="News">n</section><section id="s">unnamed</section>
               <form id="q" aria-label="Search"><input></form><form id="f"><input></form>
               <div id="r" role="region" aria-label="Alerts">a</div>"#,
        );
        assert_eq!(
            got,
            vec![
                (Passed, "#n".to_string()),
                (Failed, "#s".to_string()),
                (Passed, "#q".to_string()),
                (Failed, "#f".to_string()),
                (Passed, "#r".to_string()),
            ]
        );
    }

    #[test]
    fn dialogs_and_live_regions_are_allowed() {
        assert!(failed(
            r#"<main>m</main><div role="dialog" aria-label="Cookies">We use cookies</div>
               <div aria-live="polite">Saved</div><p role="status">3 results</p>
               <dialog open>Confirm</dialog><div role="alert">Error</div>"#
        )
        .is_empty());
    }

    #[test]
    fn skip_links_only_before_the_first_landmark() {
        assert!(failed(
            r##"<div class="skip"><a href="#main">Skip</a><a href="#nav">Skip to menu</a></div>
               <nav id="nav"><a href="/">Home</a></nav><main id="main">m</main>"##
        )
        .is_empty());
        // An in-page link after the first landmark is content like any other.
        assert_eq!(
            failed(r##"<main id="main">m</main><p id="t"><a href="#main">Top</a></p>"##),
            vec!["#t"]
        );
        // A link to another page before the landmarks is content.
        assert_eq!(
            failed(r#"<div id="l"><a href="/help">Help</a></div><main>m</main>"#),
            vec!["#l"]
        );
    }

    #[test]
    fn scoped_header_and_footer_are_not_landmarks() {
        // A <header> inside a named <section> is not a banner, but its section is a region.
        assert!(failed(
            r#"<section aria-label="News"><header>Latest</header></section><main>m</main>"#
        )
        .is_empty());
        // Visually hidden text is still read out, so it counts.
        assert_eq!(
            failed(r#"<main>m</main><h2 id="h" style="position:absolute;left:-9999px">Menu</h2>"#),
            vec!["#h"]
        );
    }

    #[test]
    fn body_as_landmark_and_text_directly_in_body() {
        let html = r#"<html lang=en><title>t</title><body role="main">All</body></html>"#;
        let options = Options::default().with_passed(true).with_rules(["region"]);
        let got: Vec<_> = audit(html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| f.outcome)
            .collect();
        assert_eq!(got, vec![Passed]);
        // Text directly in <body> is ignored, as in axe-core.
        assert_eq!(
            findings(r#"Loose <main id="m">m</main>"#),
            vec![(Passed, "#m".to_string())]
        );
        // An empty page has nothing to check.
        assert!(findings("").is_empty());
    }
}
