//! What the two text contrast rules share: applicability (visible text not in disabled
//! widgets) and the expectation, with thresholds as parameters.

use std::borrow::Cow;

use super::text::{has_visible_text, is_large_text, own_text, DisabledText, TextColors};
use super::{Context, Expectation, Fact, Target};
use crate::model::{Document, El, NodeIndex};
use crate::script::ScriptEffect;

/// The reasons both contrast rules give (the same expectation, other thresholds).
pub const CODES: [&str; 12] = [
    "shadow-dom-text",
    "enough-contrast",
    "labelled-symbol",
    "maybe-symbol",
    "partly-low-on-gradient",
    "low-contrast",
    "text-shadow",
    "background-image",
    "positioned-out-of-flow",
    "uncomputed-colour",
    "several-gradients",
    "colours-unknown",
];

/// Targets: HTML elements with visible text node children, except text of disabled widgets
/// and their labels, and text drawn in the background colour (not visible). On pages whose
/// scripts were not all followed, visible elements without text that a script may fill
/// through a shadow root ([`ScriptEffect::ShadowRoot`]), with no child elements, are targets too (their outcome is
/// cantTell).
///
/// Both contrast rules ask for the same page in turn: the second gets the first's answer
/// from the page's context.
pub fn applicability<'d>(cx: &Context<'d>) -> Vec<Target<'d>> {
    let doc = cx.doc;
    cx.fact::<ContrastTargets>()
        .0
        .iter()
        .filter_map(|&i| doc.element(i))
        .map(Target::element)
        .collect()
}

/// The contrast rules' targets on a page, in document order.
struct ContrastTargets(Vec<NodeIndex>);

impl Fact for ContrastTargets {
    fn compute(doc: &Document) -> Self {
        ContrastTargets(find_targets(doc).collect())
    }
}

fn find_targets(doc: &Document) -> impl Iterator<Item = NodeIndex> + '_ {
    let disabled = DisabledText::of(doc);
    let mut targets: Vec<NodeIndex> = doc
        .elements_with_text()
        .filter(|e| {
            has_visible_text(e) && !e.is_inert() && !disabled.covers(e) && !invisible_text(e)
        })
        .map(|e| e.index())
        .collect();
    // Only pages with scripts the engine did not follow need every element looked at.
    if !doc.scripts().fully_run() {
        let before = targets.len();
        // Without a sign that a script attaches shadow roots, only custom elements are
        // suspects, and they all have a hyphen in their name.
        let candidates = match doc.scripts().may_attach_shadow_roots() {
            true => doc.elements().collect::<Vec<_>>(),
            false => doc.elements_with_hyphenated_names().collect(),
        };
        targets.extend(
            candidates
                .into_iter()
                .filter(|e| shadow_root_may_fill(e) && !has_visible_text(e) && e.is_visible())
                .map(|e| e.index()),
        );
        if targets.len() > before {
            targets.sort_unstable(); // document order
        }
    }
    targets.into_iter()
}

/// Text whose colour equals its background everywhere is not visible (ACT).
fn invisible_text(el: &crate::model::El) -> bool {
    match el.text_colors() {
        TextColors::Known(pairs) => pairs.iter().all(|(fg, bg)| fg == bg),
        TextColors::Unknown(_) => false,
    }
}

/// An empty element (no child elements either: a wrapper's children are targets of their
/// own) that a script may attach a shadow root to.
fn shadow_root_may_fill(el: &El) -> bool {
    el.children().next().is_none()
        && el
            .document()
            .scripts()
            .may_change(ScriptEffect::ShadowRoot, el)
            .is_some()
}

/// The cantTell message for an element without text that a script may fill through a
/// shadow root.
fn shadow_dom(el: &El) -> Cow<'static, str> {
    match el.document().scripts().may_change(ScriptEffect::ShadowRoot, el) {
        Some(reason) => format!("This element has no text in the page as loaded, but {reason} may attach a shadow root to it and fill it: check the contrast of that text in a browser.").into(),
        None => "This element has no visible text.".into(),
    }
}
pub const LABELLED_SYMBOL: &str =
    "The text is a single character standing for the label given in aria-label or aria-labelledby (a symbol, not text in a human language), so text contrast does not apply; make sure the symbol itself has at least 3:1 contrast (WCAG 1.4.11).";
pub const SYMBOLS: &str =
    "The text may not be in a human language (a symbol or a single letter used as an icon), where contrast requirements do not apply; check whether it conveys text.";

/// The expectation: the contrast of every colour pair is at least `normal` (or `large` for
/// large-scale text).
const PASSED: &str = "The text's contrast ratio with its background meets the requirement.";

pub fn expectation(target: &Target<'_>, normal: f64, large: f64) -> Expectation {
    let el = target.element;
    if !has_visible_text(&el) {
        return Expectation::cant_tell("shadow-dom-text", shadow_dom(&el));
    }
    let large_text = is_large_text(&el);
    let required = if large_text { large } else { normal };
    let size = if large_text {
        "large-scale text"
    } else {
        "text"
    };
    let pairs = match el.text_colors() {
        TextColors::Known(pairs) => pairs,
        TextColors::Unknown(reason) => {
            return Expectation::cant_tell(crate::model::unknown_reason_code(reason), *reason)
        }
    };
    let (fg, bg) = pairs[0];
    // The lowest and highest ratios, and the pair with the lowest.
    let (mut min, mut max, mut lowest) = (f64::INFINITY, 0.0f64, (fg, bg));
    for &(fg, bg) in pairs {
        let ratio = fg.contrast(bg);
        if ratio < min {
            (min, lowest) = (ratio, (fg, bg));
        }
        max = max.max(ratio);
    }
    // Round down to two decimals like other checkers do (4.499 is not 4.5).
    let ok = |r: f64| (r * 100.0).floor() / 100.0 >= required;
    // For tools: the lowest ratio (rounded down to 3 decimals, so it rounds down to the 2
    // the verdict compares) and the pair that gives it.
    // Built only for findings that report it: formatting colours for all text is costly.
    let data = || {
        let (min_fg, min_bg) = lowest;
        // Keys in sorted order: the JSON is the same whether or not serde_json keeps
        // insertion order (a feature another crate of the build may turn on).
        serde_json::json!({
            "background": min_bg.to_string(),
            "foreground": min_fg.to_string(),
            "large": large_text,
            "ratio": (min * 1000.0).floor() / 1000.0,
            "required": required,
        })
    };
    if ok(min) {
        // A fixed message: most text passes, and formatting ratios for every text element
        // cost a tenth of a full audit.
        return Expectation::passed("enough-contrast", PASSED);
    }
    let text = own_text(&el);
    // One character standing in for a label given in ARIA (`<button aria-label="Close">X`)
    // is a symbol, not text in a human language: text contrast does not apply (ACT).
    let labelled_symbol = text.chars().count() == 1
        && std::iter::once(el)
            .chain(el.ancestors())
            .take(3)
            .any(|a| a.attr("aria-label").is_some() || a.attr("aria-labelledby").is_some());
    if labelled_symbol {
        return Expectation::passed("labelled-symbol", LABELLED_SYMBOL);
    }
    if !text.chars().any(char::is_alphanumeric) || el.style().is_icon_font() {
        return Expectation::cant_tell("maybe-symbol", SYMBOLS);
    }
    if ok(max) {
        return Expectation::cant_tell("partly-low-on-gradient", format!(
            "The {size} is on a gradient: its contrast ratio ranges from {min:.2}:1 to {max:.2}:1 (at least {required}:1 needed); check the part behind the text."
        ))
        .with_data(data());
    }
    let message = if el.style().text_outline().is_some() {
        format!("The {size} and its outline reach a contrast ratio of at most {max:.2}:1 with the background ({fg} on {bg}, the better of fill and outline); at least {required}:1 is needed. Darken the text or its outline, or lighten the background (or the reverse).")
    } else if pairs.len() > 1 {
        format!("The {size} has a contrast ratio of at most {max:.2}:1 on its gradient background; at least {required}:1 is needed. Darken the text or change the background.")
    } else {
        format!("The {size} has a contrast ratio of {min:.2}:1 ({fg} on {bg}); at least {required}:1 is needed. Darken the text or lighten the background (or the reverse).")
    };
    Expectation::failed("low-contrast", message).with_data(data())
}
