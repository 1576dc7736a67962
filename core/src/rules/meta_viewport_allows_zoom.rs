use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that a `<meta name="viewport">` does not stop people zooming: no
    /// `user-scalable=no` (or `0`), and no `maximum-scale` below 2.
    ///
    /// ## Why it matters
    /// People with low vision pinch-zoom to read on phones, where most residents now reach the
    /// council. Disabling zoom locks them out of small print such as payment amounts.
    ///
    /// ## Example
    /// ```html
    /// <meta name="viewport" content="width=device-width, user-scalable=no">   <!-- fails -->
    /// <meta name="viewport" content="width=device-width, initial-scale=1">   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.4 Resize Text (AA); ACT rule b4f0c3 "Meta viewport allows for zoom".
    pub struct MetaViewportAllowsZoom {
        id: "meta-viewport-allows-zoom",
        title: "Meta viewport allows zoom",
        wcag: ["1.4.4"],
        level: Some(Level::AA),
        act: ["b4f0c3"],
        impact: Critical,
        codes: ["zoom-allowed", "user-scalable-no", "maximum-scale-too-low"],
    }
}

const PASSED: &str = "The viewport lets people zoom.";
const NOT_SCALABLE: &str =
    "The viewport sets user-scalable=no, which stops people zooming: remove it.";
const MAX_SCALE: &str = "The viewport's maximum-scale is below 2, which limits zoom: remove it.";

impl Rule for MetaViewportAllowsZoom {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["meta"])
            .filter(|e| e.is_html() && e.name() == "meta")
            .filter(|e| {
                e.attr("name")
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
            })
            .filter(|e| {
                let content = e.attr("content").unwrap_or("").to_ascii_lowercase();
                viewport_properties(&content)
                    .iter()
                    .any(|(k, _)| matches!(*k, "user-scalable" | "maximum-scale"))
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let content = target
            .element
            .attr("content")
            .unwrap_or("")
            .to_ascii_lowercase();
        for (key, value) in viewport_properties(&content) {
            match key {
                "user-scalable" => {
                    let n = viewport_number(value);
                    if n > -1.0 && n < 1.0 {
                        return Expectation::failed("user-scalable-no", NOT_SCALABLE);
                    }
                }
                "maximum-scale" => {
                    // Negative values are invalid and ignored by browsers.
                    let n = viewport_number(value);
                    if (0.0..2.0).contains(&n) {
                        return Expectation::failed("maximum-scale-too-low", MAX_SCALE);
                    }
                }
                _ => {}
            }
        }
        Expectation::passed("zoom-allowed", PASSED)
    }
}

/// A viewport property value as browsers translate it (CSS Device Adaptation §9): `yes` is
/// 1, `no` 0, `device-width`/`device-height` 10, a leading number itself, anything else 0.
fn viewport_number(value: &str) -> f64 {
    match value {
        "yes" => 1.0,
        "no" => 0.0,
        "device-width" | "device-height" => 10.0,
        v => {
            let end = v
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
                .unwrap_or(v.len());
            v[..end].parse().unwrap_or(0.0)
        }
    }
}

/// `key=value` pairs of a viewport `content` value (separated by commas, semicolons or
/// spaces, as browsers accept).
fn viewport_properties(content: &str) -> Vec<(&str, &str)> {
    content
        .split([',', ';'])
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            Some((k.trim(), v.trim()))
        })
        .collect()
}
