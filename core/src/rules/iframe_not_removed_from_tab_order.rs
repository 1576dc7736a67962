use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{parse_integer, El};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an `<iframe>` containing links, buttons or form fields is not taken out of
    /// the tab order with a negative `tabindex` (such as `tabindex="-1"`). frontdesk reads the
    /// frame's content when it is inline (`srcdoc`); for a frame loaded from another address
    /// with a negative `tabindex` it answers "can't tell", as it does not fetch frames.
    ///
    /// ## Why it matters
    /// A negative `tabindex` on a frame removes everything inside it from keyboard navigation.
    /// An embedded payment form, booking calendar or map becomes unusable for people who
    /// cannot use a mouse.
    ///
    /// ## Example
    /// ```html
    /// <iframe title="Book a collection" src="/booking" tabindex="-1"></iframe> <!-- fails if the booking page has controls -->
    /// <iframe title="Book a collection" src="/booking"></iframe>               <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.1.1 Keyboard (A); technique G202;
    /// ACT rule akn7bn "Iframe with interactive elements is not excluded from tab-order".
    pub struct IframeNotRemovedFromTabOrder {
        id: "iframe-not-removed-from-tab-order",
        title: "Iframe with interactive content is not removed from the tab order",
        wcag: ["2.1.1"],
        level: Some(Level::A),
        act: ["akn7bn"],
        impact: Critical,
        codes: ["in-tab-order", "removed-from-tab-order", "unknown-content"],
    }
}

const PASSED: &str = "The frame is in the tab order, so keyboard users can reach its content.";
const FAILED: &str = "The frame contains links or controls but has a negative tabindex, so keyboard users cannot reach them: remove the tabindex.";
const UNKNOWN_CONTENT: &str = "The frame has a negative tabindex, which takes its content out of keyboard navigation; frontdesk cannot see the frame's content: if it has links or controls, remove the tabindex.";

/// What the frame's document offers to the Tab key, as far as the page tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameContent {
    /// Nothing reachable with Tab (or nothing at all).
    NotInteractive,
    /// At least one visible element in its sequential focus navigation order.
    Interactive,
    /// Loaded from elsewhere: not known.
    Unknown,
}

impl Rule for IframeNotRemovedFromTabOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["iframe"])
            .filter(|e| e.is_html() && e.name() == "iframe")
            .filter(|e| e.is_visible() && !e.is_inert() && !is_tiny(e))
            .filter(|e| frame_content(e) != FrameContent::NotInteractive)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let negative = el
            .attr("tabindex")
            .and_then(parse_integer)
            .is_some_and(|t| t < 0);
        if !negative {
            Expectation::passed("in-tab-order", PASSED)
        } else if frame_content(&el) == FrameContent::Interactive {
            Expectation::failed("removed-from-tab-order", FAILED)
        } else {
            Expectation::cant_tell("unknown-content", UNKNOWN_CONTENT)
        }
    }
}

/// A frame of at most one pixel in either direction (a tracking pixel) shows no content.
fn is_tiny(el: &El) -> bool {
    ["width", "height"]
        .iter()
        .any(|a| el.attr(a).and_then(parse_integer).is_some_and(|n| n <= 1))
}

fn frame_content(el: &El) -> FrameContent {
    if let Some(srcdoc) = el.attr("srcdoc") {
        // The frame's own document, parsed with the same model.
        let inner = crate::parse_document(srcdoc);
        if inner.elements().any(|e| e.is_tabbable()) {
            return FrameContent::Interactive;
        }
        // A nested frame loaded from elsewhere may hold controls of its own.
        let nested = inner.elements().any(|e| {
            e.is_html()
                && e.name() == "iframe"
                && e.is_visible()
                && !e.is_inert()
                && e.attr("src").is_some()
        });
        return if nested {
            FrameContent::Unknown
        } else {
            FrameContent::NotInteractive
        };
    }
    match el.attr("src").map(str::trim) {
        None | Some("") => FrameContent::NotInteractive,
        Some(src) if src.eq_ignore_ascii_case("about:blank") => FrameContent::NotInteractive,
        Some(_) => FrameContent::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Outcome;

    fn outcomes(html: &str) -> Vec<Outcome> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        let rule = IframeNotRemovedFromTabOrder;
        rule.applicability(&cx)
            .iter()
            .map(|t| rule.expectation(t, &cx).outcome)
            .collect()
    }

    #[test]
    fn frames_loaded_from_elsewhere_are_cant_tell_only_when_taken_out_of_the_tab_order() {
        assert_eq!(
            outcomes(r#"<iframe title="Booking" src="/booking" tabindex="-1"></iframe>"#),
            vec![Outcome::CantTell]
        );
        assert_eq!(
            outcomes(r#"<iframe title="Booking" src="/booking"></iframe>"#),
            vec![Outcome::Passed]
        );
        assert!(outcomes(r#"<iframe src="about:blank" tabindex="-1"></iframe>"#).is_empty());
        // A nested frame inside inline content may hold controls of its own.
        let nested =
            r#"<iframe tabindex="-1" srcdoc="<p>Map</p><iframe src='/map'></iframe>"></iframe>"#;
        assert_eq!(outcomes(nested), vec![Outcome::CantTell]);
    }
}
