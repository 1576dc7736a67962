use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks `<marquee>` elements, whose content browsers scroll across the page on their
    /// own, over and over. A rendered, visible marquee with content that moves
    /// (`scrollamount` not 0) and loops for ever (no `loop`, or `loop="-1"` or `0`) fails:
    /// HTML gives people no control to pause it, and the page shows none. When
    /// the marquee stops after a set number of loops, has event handlers or listeners (such
    /// as `onmouseover="this.stop()"`), or the page has a button or link named "Pause" or
    /// "Stop", the result is "can't tell": check that it stops within five seconds, or that
    /// a keyboard-operable control pauses it. A pause button that a script adds later is
    /// not seen.
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

const FAILED: &str = "The marquee scrolls for ever and the page has no control to pause it: replace it with static text.";
const FINITE: &str = "The marquee stops after a set number of loops: check that it stops within five seconds, or give people a control to pause it; better, replace it with static text.";
const HANDLERS: &str = "Event handlers on the marquee, or a pause or stop control on the page, may pause it: check that a keyboard-operable control pauses it (pausing on mouse hover alone is not enough); better, replace it with static text.";

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
        let scripts = el.document().scripts();
        if !scripts.listeners_on(&el).is_empty() || has_pause_control(&el) {
            Expectation::cant_tell("may-be-paused-by-script", HANDLERS)
        } else if loops_finitely(&el) {
            Expectation::cant_tell("loops-finitely", FINITE)
        } else {
            Expectation::failed("scrolls-for-ever", FAILED)
        }
    }
}

/// Whether the page has a control (a button, link, checkbox or switch) whose name says it
/// pauses or stops something: the usual pause button. Only a script can make it work, and
/// rules do not read script text, so its presence is the sign.
fn has_pause_control(el: &El) -> bool {
    el.document()
        .elements_with_roles(&["button", "link", "checkbox", "switch"])
        .filter(|c| c.is_in_accessibility_tree())
        .any(|c| {
            let name = c.accessible_name().to_lowercase();
            name.contains("pause") || name.contains("stop")
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
