use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags `<blink>` elements that are rendered and visible. Current browsers no longer
    /// make them blink (Firefox stopped in 2013, Chrome, Safari and Edge never did), so the
    /// text shows still and WCAG 2.2.2 is not failed; but `<blink>` is obsolete in HTML, it
    /// still blinks in some older user agents, and it tells that the text was meant to
    /// flash. Reported as best practice: it never fails a WCAG gate.
    ///
    /// ## Why it matters
    /// Blinking text distracts, is hard to read for people with attention or reading
    /// difficulties, and flashing content can harm people with photosensitive conditions.
    /// Where it still blinks, people cannot stop it.
    ///
    /// ## Example
    /// ```html
    /// <blink>Council offices closed on Friday</blink>                 <!-- flagged -->
    /// <strong>Council offices closed on Friday</strong>               <!-- not flagged -->
    /// ```
    ///
    /// ## References
    /// Best practice; related to WCAG 2.2 SC 2.2.2 Pause, Stop, Hide (A) and technique F47
    /// "using the blink element"; HTML "Non-conforming features" (`blink`).
    pub struct BlinkNotUsed {
        id: "blink-not-used",
        title: "Obsolete blink element is not used",
        wcag: [],
        level: None,
        act: [],
        impact: Moderate,
        codes: ["obsolete-blink"],
    }
}

const FAILED: &str = "The <blink> element is obsolete: current browsers show its text still, but some older ones make it blink and people cannot stop it; use <strong> or another way to draw attention.";

impl Rule for BlinkNotUsed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        cx.doc
            .elements_named(&["blink"])
            .filter(|e| e.is_html() && e.name() == "blink")
            .filter(|e| e.is_visible() && e.has_text_content())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, _target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        Expectation::failed("obsolete-blink", FAILED)
    }
}
