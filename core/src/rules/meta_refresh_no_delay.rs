use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Document, El};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that a `<meta http-equiv="refresh">` reloads or redirects either at once
    /// (delay 0) or after more than 20 hours — never after a delay people have to race.
    ///
    /// ## Why it matters
    /// A page that refreshes after 30 seconds moves screen reader users back to the top and
    /// can wipe out what someone was reading or typing, with no way to stop it.
    ///
    /// ## Example
    /// ```html
    /// <meta http-equiv="refresh" content="30">                      <!-- fails -->
    /// <meta http-equiv="refresh" content="0; url=/council-tax">     <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.2.1 Timing Adjustable (A), 3.2.5 Change on Request (AAA);
    /// ACT rule bc659a "Meta element has no refresh delay".
    pub struct MetaRefreshNoDelay {
        id: "meta-refresh-no-delay",
        title: "Meta refresh has no delay",
        wcag: ["2.2.1"],
        level: Some(Level::A),
        act: ["bc659a"],
        impact: Serious,
        codes: ["no-delay", "delayed"],
    }
}

/// 20 hours, WCAG's limit for time limits that need no adjustment.
const TWENTY_HOURS: u64 = 72_000;

const PASSED: &str = "The page refreshes at once or after more than 20 hours.";
const FAILED: &str = "The page refreshes or redirects after a delay: redirect at once (delay 0) or on the server instead.";

impl Rule for MetaRefreshNoDelay {
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
        Expectation::check(delay == 0 || delay > TWENTY_HOURS, ("no-delay", PASSED), ("delayed", FAILED))
    }
}

/// The first `<meta http-equiv="refresh">` with a valid `content`: browsers act on that one
/// only.
pub(super) fn first_valid_refresh(doc: &Document) -> Option<El<'_>> {
    doc.elements_named(&["meta"])
        .filter(|e| e.is_html() && e.name() == "meta")
        .filter(|e| {
            e.attr("http-equiv")
                .is_some_and(|h| h.trim().eq_ignore_ascii_case("refresh"))
        })
        .find(|e| e.attr("content").and_then(refresh_delay).is_some())
}

/// The delay of a refresh `content` value, parsed as HTML's "shared declarative refresh
/// steps" do; `None` when the value is not valid.
pub(super) fn refresh_delay(content: &str) -> Option<u64> {
    let s = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let rest = &s[digits_end..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if digits_end == 0 && rest.len() == s.len() {
        return None;
    }
    match rest.chars().next() {
        None | Some(';') | Some(',') => {}
        Some(c) if c.is_ascii_whitespace() => {}
        Some(_) => return None,
    }
    Some(
        s[..digits_end]
            .parse()
            .unwrap_or(if digits_end == 0 { 0 } else { u64::MAX }),
    )
}

#[cfg(test)]
mod tests {
    use super::refresh_delay;

    #[test]
    fn parses_refresh_values() {
        assert_eq!(refresh_delay("30"), Some(30));
        assert_eq!(refresh_delay(" 0; url=/x"), Some(0));
        assert_eq!(refresh_delay("5.5, https://a"), Some(5));
        assert_eq!(refresh_delay("0: https://a"), None);
        assert_eq!(refresh_delay("soon"), None);
        assert_eq!(refresh_delay(""), None);
    }
}
