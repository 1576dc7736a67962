use super::{Context, Expectation, Rule, RuleMeta, Target, contrast, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that visible text has enough contrast with its background: a contrast ratio of
    /// at least 4.5:1, or 3:1 for large-scale text (24px and up, or 18.66px and up when bold).
    /// Colours come from the computed style: alpha and `opacity` are composited over the
    /// backgrounds of the text's ancestors, down to the white page. Text in disabled controls,
    /// labels of disabled controls, hidden text, and text drawn in its background colour are
    /// not checked.
    ///
    /// Halos and outlines are read as WCAG's Understanding 1.4.3 reads them. A `text-shadow`
    /// that surrounds the letters (one colour, blurred at least as far as it is offset and at
    /// most 6px, e.g. `0 0 3px white`) is what the text is read against, so its colour
    /// replaces the background; an opaque halo also hides a background image. A narrow
    /// outline is part of the letter: with a `-webkit-text-stroke`, or unblurred shadows of
    /// one colour on all four sides within 3px (`-1px -1px 0 #000, 1px 1px 0 #000, …`), the
    /// text passes when its fill or its outline contrasts enough with the background (`#ccc`
    /// text with a 1px black stroke on white passes; with a `#bbb` stroke it fails).
    ///
    /// The result is "can't tell" (with the reason) where a static check cannot know the
    /// colours behind the text: background images, gradients whose stops disagree, a hard
    /// drop shadow on one side or a wide glow, boxes positioned out of the normal flow without a background
    /// of their own, colours the engine cannot compute, and text a script that the engine
    /// could not run adds in a shadow root (text that the scripts it runs put in shadow roots
    /// is checked like any other, with the host's inherited colours). Symbols used as icons are "can't tell" when they fail; a single character
    /// standing for an ARIA label (`<button aria-label="Close">X</button>`) is not text in
    /// a human language and passes (its contrast as a graphic is WCAG 1.4.11's concern).
    ///
    /// ## Why it matters
    /// Many people with low vision or colour vision deficiencies, and anyone reading a phone
    /// in sunlight, cannot read pale grey text on white. Council notices set in light grey
    /// "to look tidy" are skipped or misread.
    ///
    /// ## Example
    /// ```html
    /// <p style="color: #aaa; background: #fff">Bins are collected on Tuesday.</p>  <!-- fails: 2.3:1 -->
    /// <p style="color: #595959; background: #fff">Bins are collected on Tuesday.</p>  <!-- passes: 7:1 -->
    /// <h1 style="color: #777; font-size: 32px">Bins</h1>  <!-- passes: large text, 4.5:1 -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.3 Contrast (Minimum) (AA); ACT rule afw4f7 "Text has minimum contrast".
    pub struct TextContrastMinimum {
        id: "text-contrast-minimum",
        title: "Text has enough contrast with its background (4.5:1, large text 3:1)",
        wcag: ["1.4.3"],
        level: Some(Level::AA),
        act: ["afw4f7"],
        impact: Serious,
        codes: contrast::CODES,
    }
}

impl Rule for TextContrastMinimum {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        contrast::applicability(cx)
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        contrast::expectation(target, 4.5, 3.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::{audit, Options};

    fn outcome(body: &str) -> Vec<(Outcome, String)> {
        let html = format!("<html lang=en><title>t</title><body>{body}</body></html>");
        let options = Options::default()
            .with_passed(true)
            .with_rules(["text-contrast-minimum"]);
        audit(&html, "file:///t.html", &options)
            .findings
            .into_iter()
            .map(|f| (f.outcome, f.message))
            .collect()
    }

    #[test]
    fn empty_custom_elements_may_be_filled_by_unfollowed_scripts() {
        let got = outcome(r#"<my-card></my-card><div></div><script src="cards.js"></script>"#);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Outcome::CantTell, "{got:?}");
        assert!(got[0].1.contains("external script"), "{got:?}");
        // Nothing may change the page: an empty element has no text to check.
        assert!(outcome(r#"<my-card></my-card><div></div>"#).is_empty());
    }

    #[test]
    fn an_unfollowed_attach_shadow_call_makes_empty_hosts_targets() {
        // `+` is outside the interpreter's subset (and without page-scripts nothing runs).
        let got = outcome(
            r#"<div id="h"></div><ul id="u"></ul><script>var n = 1 + 1; document.getElementById('h').attachShadow({ mode: 'open' })</script>"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Outcome::CantTell, "{got:?}");
        assert!(got[0].1.contains("inline script"), "{got:?}");
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn text_a_followed_script_puts_in_a_shadow_root_is_checked() {
        // #767676 on white is 4.54:1, at least 4.5:1.
        let got = outcome(
            r#"<div id="h"></div><script>document.getElementById('h').attachShadow({ mode: 'open' }).innerHTML = '<span style="color: #767676; background: #fff">Bins</span>'</script>"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Outcome::Passed, "{got:?}");
    }

    #[test]
    fn a_labelled_single_character_is_a_symbol_not_text() {
        // #666 on black is 3.66:1: a failure for text, but "X" stands for "Close".
        let got =
            outcome(r#"<button style="color:#666; background:#000" aria-label="Close">X</button>"#);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Outcome::Passed, "{got:?}");
        assert!(got[0].1.contains("1.4.11"), "{got:?}");
        // The same colours on a word fail; an unlabelled arrow is left to a person.
        let got = outcome(r#"<button style="color:#666; background:#000">Close</button>"#);
        assert_eq!(got[0].0, Outcome::Failed, "{got:?}");
        let got = outcome(r#"<button style="color:#666; background:#000">→</button>"#);
        assert_eq!(got[0].0, Outcome::CantTell, "{got:?}");
    }

    #[test]
    fn a_halo_decides_the_contrast() {
        // Black on mid grey is 4.4:1 (fails) but a white halo surrounds the letters.
        let got = outcome(
            r#"<p style="color:#000; background:#737373; text-shadow:0 0 3px #fff">Bins</p>"#,
        );
        assert_eq!(got[0].0, Outcome::Passed, "{got:?}");
        // Grey on white passes against the background but not against a grey halo.
        let got = outcome(
            r#"<p style="color:#666; background:#fff; text-shadow:2px 2px 4px #aaa, -2px -2px 4px #aaa">Bins</p>"#,
        );
        assert_eq!(got[0].0, Outcome::Failed, "{got:?}");
    }
}
