use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks `<marquee>` elements, whose content browsers scroll across the page on their
    /// own, over and over. A rendered, visible marquee with content that moves
    /// (`scrollamount` not 0) and loops for ever (no `loop`, or `loop="-1"` or `0`) fails:
    /// HTML gives people no control to pause it, and the page adds none in its markup. When
    /// the marquee stops after a set number of loops, has event handlers (such as
    /// `onmouseover="this.stop()"`), or the page's inline scripts or handlers call `stop()`
    /// (a pause button), the result is "can't tell": check that it stops within five
    /// seconds, or that a keyboard-operable control pauses it.
    ///
    /// ## Why it matters
    /// Moving text is hard or impossible to read for many people with low vision, dyslexia or
    /// attention difficulties, and it pulls attention away from the rest of the page while
    /// they try to fill in a form. People who need it to stop cannot stop it.
    ///
    /// ## Example
    /// ```html
    /// <marquee>Garden waste collections resume on 1 March</marquee>  <!-- fails -->
    /// <p>Garden waste collections resume on 1 March</p>               <!-- passes: not moving -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.2.2 Pause, Stop, Hide (A); failure technique F16 "including scrolling
    /// content where movement is not essential … without also including a mechanism to pause
    /// and restart the content"; HTML "The marquee element" (obsolete).
    pub struct MarqueeCanBePaused {
        id: "marquee-can-be-paused",
        title: "Scrolling marquee can be paused",
        wcag: ["2.2.2"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["loops-finitely", "may-be-paused-by-script", "scrolls-for-ever"],
    }
}

const FAILED: &str = "The marquee scrolls for ever and nothing in the page's markup or inline scripts can pause it: replace it with static text.";
const FINITE: &str = "The marquee stops after a set number of loops: check that it stops within five seconds, or give people a control to pause it; better, replace it with static text.";
const HANDLERS: &str = "Event handlers on the marquee, or code on the page that calls stop(), may pause it: check that a keyboard-operable control pauses it (pausing on mouse hover alone is not enough); better, replace it with static text.";

impl Rule for MarqueeCanBePaused {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        // What moves is what people see: aria-hidden does not stop it, so it is not a reason
        // to skip the element.
        cx.doc
            .elements_named(&["marquee"])
            .filter(|e| e.is_html() && e.name() == "marquee")
            .filter(|e| e.is_visible() && (e.has_text_content() || e.children().next().is_some()))
            .filter(moves)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        if el.attrs().any(|(name, _)| name.starts_with("on")) || page_stops_marquees(&el) {
            Expectation::cant_tell("may-be-paused-by-script", HANDLERS)
        } else if loops_finitely(&el) {
            Expectation::cant_tell("loops-finitely", FINITE)
        } else {
            Expectation::failed("scrolls-for-ever", FAILED)
        }
    }
}

/// Whether an inline script or event handler attribute of the page calls `stop()` (the
/// marquee's own pause method), as a pause button would.
fn page_stops_marquees(el: &El) -> bool {
    let calls_stop = |code: &str| code.contains(".stop(") || code.contains("stop()");
    el.document().elements().any(|e| {
        (e.is_html() && e.name() == "script" && calls_stop(&e.text_content()))
            || e.attrs()
                .any(|(name, value)| name.starts_with("on") && calls_stop(value))
    })
}

/// HTML: `scrollamount` is a valid non-negative integer, 6 by default; 0 does not move.
fn moves(el: &El) -> bool {
    el.attr("scrollamount")
        .and_then(crate::model::parse_integer)
        .is_none_or(|amount| amount != 0)
}

/// HTML: `loop` is a valid integer greater than zero, or -1 (the default, for ever); other
/// values are ignored.
fn loops_finitely(el: &El) -> bool {
    el.attr("loop")
        .and_then(crate::model::parse_integer)
        .is_some_and(|n| n > 0)
}
