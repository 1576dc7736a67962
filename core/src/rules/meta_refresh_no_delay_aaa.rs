use super::meta_refresh_no_delay::{first_valid_refresh, refresh_delay};
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that a `<meta http-equiv="refresh">` reloads or redirects at once (delay 0).
    /// This is the strict (AAA) form of `meta-refresh-no-delay`: a delay of more than 20 hours,
    /// which level A allows, fails here too.
    ///
    /// ## Why it matters
    /// Any timed refresh or redirect changes the page without the user asking for it. It
    /// interrupts screen reader users, throws away half-read text or half-filled forms, and
    /// gives no way to stop or extend it.
    ///
    /// ## Example
    /// ```html
    /// <meta http-equiv="refresh" content="72001; url=/news">  <!-- fails: after 20 hours -->
    /// <meta http-equiv="refresh" content="0; url=/news">      <!-- passes -->
    /// ```
    /// Better still, redirect on the server (HTTP 301) and offer a "refresh" button for live data.
    ///
    /// ## References
    /// WCAG 2.2 SC 2.2.4 Interruptions (AAA), 3.2.5 Change on Request (AAA) (and, for short
    /// delays, 2.2.1 Timing Adjustable (A)); techniques G110, H76;
    /// ACT rule bisz58 "Meta element has no refresh delay (no exception)".
    pub struct MetaRefreshNoDelayAaa {
        id: "meta-refresh-no-delay-aaa",
        title: "Meta refresh has no delay at all",
        wcag: ["2.2.4", "3.2.5"],
        level: Some(Level::AAA),
        act: ["bisz58"],
        impact: Moderate,
        codes: ["no-delay", "delayed"],
    }
}

const PASSED: &str = "The page redirects at once, without a delay.";
const FAILED: &str = "The page refreshes or redirects after a delay: redirect at once (delay 0) or on the server instead.";

impl Rule for MetaRefreshNoDelayAaa {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        first_valid_refresh(doc)
            .map(Target::element)
            .into_iter()
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let delay = target
            .element
            .attr("content")
            .and_then(refresh_delay)
            .unwrap_or(0);
        Expectation::check(delay == 0, ("no-delay", PASSED), ("delayed", FAILED))
    }
}
