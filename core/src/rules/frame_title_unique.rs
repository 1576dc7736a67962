use super::{declare_rule, Context, Expectation, Fact, Rule, RuleMeta, Target};
use crate::model::{Document, El, NodeIndex};

declare_rule! {
    /// ## What it does
    /// Checks that frames (`<iframe>` and `<frame>` elements in the accessibility tree with
    /// a non-empty accessible name, usually their `title`) do not share a name with a frame
    /// that shows something else. Names are compared ignoring case and extra spaces. Two
    /// frames with the same name fail — every one of them, so each place to fix is listed —
    /// when their sources differ (`srcdoc` when present, else `src`, compared as written).
    /// Frames with the same name and the same source show the same thing and pass, as does a
    /// frame whose name is unique. Best practice: this rule never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Screen reader users move between frames by their names. Two frames both called "Map"
    /// or "Embedded content" cannot be told apart, so people enter the wrong one or give up.
    ///
    /// ## Example
    /// ```html
    /// <iframe src="/maps/bins" title="Map"></iframe>
    /// <iframe src="/maps/parking" title="Map"></iframe>   <!-- both fail -->
    /// <iframe src="/maps/bins" title="Map of bin collection rounds"></iframe>
    /// <iframe src="/maps/parking" title="Map of car parks"></iframe>   <!-- both pass -->
    /// ```
    ///
    /// ## References
    /// Best practice, supporting WCAG 2.2 SC 4.1.2 Name, Role, Value (A) and 2.4.1 Bypass
    /// Blocks (A); axe-core rule "frame-title-unique"; ACT rule 4b1c6c "Iframe elements with
    /// identical accessible names have equivalent purpose".
    pub struct FrameTitleUnique {
        id: "frame-title-unique",
        title: "Frames have unique names",
        wcag: [],
        level: None,
        act: [],
        impact: Serious,
        codes: ["unique-name", "shared-name"],
    }
}

const PASSED: &str = "No frame showing something else has the same name.";
const FAILED: &str = "Another frame on the page that shows something else has the same name: give each frame a title that says what it contains.";

/// The frames of a page whose name another frame with a different source shares, sorted.
struct FailingFrames(Vec<NodeIndex>);

impl Fact for FailingFrames {
    fn compute(doc: &Document) -> Self {
        let frames = frames(doc);
        FailingFrames(if frames.len() > 1 {
            failing(&frames)
        } else {
            Vec::new()
        })
    }
}

impl Rule for FrameTitleUnique {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        frames(cx.doc).into_iter().map(Target::element).collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let fails = cx
            .fact::<FailingFrames>()
            .0
            .binary_search(&target.element.index())
            .is_ok();
        Expectation::check(!fails, ("unique-name", PASSED), ("shared-name", FAILED))
    }
}

/// Frames in the accessibility tree with a name, in document order.
fn frames(doc: &Document) -> Vec<El<'_>> {
    doc.elements_named(&["iframe", "frame"])
        .filter(|e| e.is_html())
        .filter(|e| e.is_in_accessibility_tree() && !e.is_presentational())
        .filter(|e| !e.accessible_name().is_empty())
        .collect()
}

/// The frames (sorted by index) whose name another frame with a different source shares.
fn failing(frames: &[El]) -> Vec<NodeIndex> {
    // (name, source, index), sorted so that frames with one name are next to each other.
    let mut keyed: Vec<(String, &str, NodeIndex)> = frames
        .iter()
        .map(|f| (f.accessible_name().to_lowercase(), source(f), f.index()))
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().any(|g| g.1 != group[0].1) {
            out.extend(group.iter().map(|g| g.2));
        }
    }
    out.sort_unstable();
    out
}

/// What a frame shows: its `srcdoc` when present (it wins over `src`), else its `src`.
fn source<'d>(frame: &El<'d>) -> &'d str {
    let srcdoc = (frame.name() == "iframe")
        .then(|| frame.attr("srcdoc"))
        .flatten();
    srcdoc.unwrap_or_else(|| frame.attr("src").map_or("", str::trim))
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcomes(body: &str) -> Vec<Outcome> {
        crate::rules::testing::outcomes("frame-title-unique", body)
    }

    use Outcome::{Failed, Passed};

    #[test]
    fn same_name_different_source_fails_every_frame() {
        assert_eq!(
            outcomes(
                r#"<iframe src="/bins" title="Map"></iframe>
                   <iframe src="/parking" title=" map "></iframe>
                   <iframe src="/roads" title="Map of roads"></iframe>
                   <iframe src="/trees" aria-label="MAP"></iframe>"#
            ),
            vec![Failed, Failed, Passed, Failed]
        );
        // srcdoc wins over src.
        assert_eq!(
            outcomes(
                r#"<iframe src="/a" srcdoc="<p>one" title="Form"></iframe>
                   <iframe src="/a" srcdoc="<p>two" title="Form"></iframe>"#
            ),
            vec![Failed, Failed]
        );
    }

    #[test]
    fn unique_names_or_same_source_pass() {
        assert_eq!(
            outcomes(
                r#"<iframe src="/bins" title="Bin map"></iframe>
                   <iframe src="/parking" title="Parking map"></iframe>"#
            ),
            vec![Passed, Passed]
        );
        assert_eq!(
            outcomes(
                r#"<iframe src="/video" title="Video"></iframe>
                   <iframe src=" /video " title="Video"></iframe>"#
            ),
            vec![Passed, Passed]
        );
        assert_eq!(
            outcomes(r#"<iframe src="/v" title="Video"></iframe>"#),
            vec![Passed]
        );
    }

    #[test]
    fn unnamed_hidden_and_presentational_frames_are_inapplicable() {
        // The hidden frame would clash but is not in the accessibility tree; the unnamed
        // ones have no name to clash.
        assert_eq!(
            outcomes(
                r#"<iframe src="/a" title="Map"></iframe>
                   <iframe src="/b" title="Map" hidden></iframe>
                   <iframe src="/c" title="Map" aria-hidden="true"></iframe>
                   <iframe src="/d"></iframe><iframe src="/e" title=""></iframe>"#
            ),
            vec![Passed]
        );
        assert!(outcomes("<p>No frames</p>").is_empty());
    }

    #[test]
    fn frames_in_a_frameset() {
        let html = r#"<html lang=en><title>t</title><frameset>
            <frame src="nav.html" title="Menu"><frame src="main.html" title="Menu">
            </frameset></html>"#;
        let options = Options::default()
            .with_passed(true)
            .with_rules(["frame-title-unique"]);
        let got: Vec<_> = audit(html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| f.outcome)
            .collect();
        assert_eq!(got, vec![Failed, Failed]);
    }
}
