use std::cell::OnceCell;
use std::collections::HashSet;

use super::layout::{declarations, split_top_level_commas};
use super::{declare_rule, Context, Expectation, Fact, Rule, RuleMeta, Target};
use crate::model::{Document, El};
use crate::rules::Level;
use crate::script::{Reason, ScriptEffect};

declare_rule! {
    /// ## What it does
    /// Checks that every element reached with the Tab key keeps a visible focus indicator.
    /// Browsers draw a focus ring (an outline) by default; this rule looks for author
    /// styles that take it away — `outline: none`, `outline: 0`, `outline-style: none`, a
    /// transparent outline — in `:focus`/`:focus-visible` rules, in rules that apply whether
    /// focused or not (`a { outline: none }`), and in the element's `style` attribute.
    ///
    /// The element passes when no such style applies, or when a focus rule for it (or a
    /// `:focus-within` rule of an ancestor, or a focus rule styling something inside it)
    /// draws another indicator: a border, background, box shadow, text decoration, colour
    /// or a new outline. It fails when the outline is removed and nothing replaces it. The
    /// result is "can't tell" when something the engine does not follow may draw the
    /// indicator instead: a focus or key listener (or `onfocus`-style attribute) on the
    /// element, an ancestor or the page, or a script the engine could not run to its end
    /// (external scripts are never run).
    ///
    /// ## Why it matters
    /// Keyboard users — many people with motor impairments, and screen magnifier users —
    /// need to see where they are on the page. With the focus ring removed, tabbing through
    /// a "Pay council tax" form is guesswork.
    ///
    /// ## Example
    /// ```html
    /// <style>
    ///   .plain:focus { outline: none }                                  /* fails */
    ///   .button:focus { outline: none; box-shadow: 0 0 0 3px #fd0 }     /* passes */
    /// </style>
    /// <a class="plain" href="/bins">Bin collection days</a>
    /// <a class="button" href="/pay">Pay council tax</a>
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.4.7 Focus Visible (AA); ACT rule oj04fd "Element in sequential focus order has visible focus".
    pub struct FocusVisible {
        id: "focus-visible",
        title: "Elements in the tab order show where focus is",
        wcag: ["2.4.7"],
        level: Some(Level::AA),
        act: ["oj04fd"],
        impact: Serious,
        codes: ["default-indicator", "replaced-indicator", "scripted-focus-style", "indicator-removed"],
    }
}

const DEFAULT_RING: &str =
    "No author style removes the browser's focus indicator from this element.";
const REPLACED: &str =
    "The focus outline is removed, but a focus style draws another indicator (border, background, shadow, text decoration, colour or outline).";
const REMOVED: &str =
    "The focus outline is removed (outline: none or 0) and no focus style draws another indicator: keyboard users cannot see when this element has focus. Keep the outline or replace it with a visible style in a :focus-visible rule.";

/// What a focus rule does to the element that receives focus.
#[derive(Default)]
struct FocusStyles {
    /// An applicable rule removes the outline.
    removes_outline: bool,
    /// An applicable focus rule draws something visible.
    indicates: bool,
}

/// Properties whose change on focus is visible.
fn is_indicator_property(name: &str) -> bool {
    name.starts_with("outline")
        || name.starts_with("border")
        || name.starts_with("background")
        || name.starts_with("box-shadow")
        || name.starts_with("text-decoration")
        || name == "color"
        || name == "text-shadow"
        || name == "filter"
        || name == "transform"
        || name == "font-weight"
}

/// Whether an `outline*` declaration takes the outline away.
fn removes_outline(name: &str, value: &str) -> bool {
    let tokens: Vec<&str> = value.split_ascii_whitespace().collect();
    match name {
        "outline" => {
            tokens
                .iter()
                .any(|t| matches!(*t, "none" | "hidden" | "transparent"))
                || tokens.iter().all(|t| is_zero(t))
        }
        "outline-style" => matches!(value, "none" | "hidden"),
        "outline-width" => is_zero(value),
        "outline-color" => value == "transparent",
        _ => false,
    }
}

fn is_zero(token: &str) -> bool {
    let number = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !number.is_empty() && number.parse::<f32>().is_ok_and(|n| n == 0.0)
}

/// Where a selector's focus pseudo-class is, after it was taken out.
#[derive(PartialEq)]
enum FocusPlace {
    /// No focus pseudo-class: the rule applies whether focused or not.
    None,
    /// On the subject (`a:focus`): styles the focused element.
    Subject,
    /// `:focus-within` on the subject: styles the focused element or an ancestor.
    Within,
    /// Earlier in the selector (`a:focus span`) or on a pseudo-element: styles something
    /// inside or next to the focused element.
    Elsewhere,
}

/// Takes focus and other dynamic pseudo-classes out of one selector so that `scraper`
/// can match it as if the element had focus; the pseudo-element, if any, is cut off.
fn strip_focus(selector: &str) -> (String, FocusPlace) {
    // Class names and ids are case-sensitive: keep the text, search a lower-cased copy
    // (same byte offsets, ASCII lower-casing).
    let mut text = selector.to_string();
    let mut pseudo_element = false;
    for cut in ["::", ":before", ":after", ":first-line", ":first-letter"] {
        if let Some(i) = text.to_ascii_lowercase().find(cut) {
            text.truncate(i);
            pseudo_element = true;
        }
    }
    let lower = text.to_ascii_lowercase();
    let subject_start = lower
        .rfind(|c: char| c.is_ascii_whitespace() || c == '>' || c == '+' || c == '~')
        .map_or(0, |i| i + 1);
    let in_subject = lower[subject_start..].contains(":focus");
    let within = lower[subject_start..].contains(":focus-within");
    let place = if !lower.contains(":focus") {
        return (selector.to_string(), FocusPlace::None);
    } else if pseudo_element || !in_subject {
        FocusPlace::Elsewhere
    } else if within {
        FocusPlace::Within
    } else {
        FocusPlace::Subject
    };
    for p in [
        ":focus-visible",
        ":focus-within",
        ":focus",
        ":hover",
        ":active",
        ":-moz-focusring",
    ] {
        while let Some(i) = text.to_ascii_lowercase().find(p) {
            text.replace_range(i..i + p.len(), ":is(*)");
        }
    }
    (text, place)
}

/// A style rule that can remove or draw a focus indicator, with its selectors prepared
/// for matching as if the element had focus.
struct FocusRule {
    selectors: Vec<FocusSelector>,
    removes: bool,
    indicates: bool,
}

/// One selector of a focus rule, and the page's elements it matches (found on first use
/// with one pass over the page: asking per target, with each target's descendants and
/// siblings, was quadratic on long navigation lists).
struct FocusSelector {
    parsed: crate::html::tree::Selector,
    place: FocusPlace,
    matched: OnceCell<Matched>,
}

struct Matched {
    /// Matching elements, in document order.
    elements: Vec<crate::model::NodeIndex>,
    /// Their parents.
    parents: HashSet<crate::model::NodeIndex>,
}

impl FocusSelector {
    fn matched(&self, doc: &Document) -> &Matched {
        self.matched.get_or_init(|| {
            let elements: Vec<_> = doc
                .elements()
                .filter(|e| self.parsed.matches(&e.element_ref()))
                .map(|e| e.index())
                .collect();
            let parents = elements
                .iter()
                .filter_map(|&i| doc.element(i)?.parent())
                .map(|p| p.index())
                .collect();
            Matched { elements, parents }
        })
    }

    fn matches(&self, el: &El) -> bool {
        self.matched(el.document())
            .elements
            .binary_search(&el.index())
            .is_ok()
    }

    fn matches_descendant(&self, el: &El) -> bool {
        let matched = &self.matched(el.document()).elements;
        // The first match after `el` in document order is inside it if any match is.
        let next = matched.partition_point(|&i| i <= el.index());
        matched
            .get(next)
            .and_then(|&i| el.document().element(i))
            .is_some_and(|d| d.is_descendant_of(el))
    }

    fn matches_sibling(&self, el: &El) -> bool {
        el.parent()
            .is_some_and(|p| self.matched(el.document()).parents.contains(&p.index()))
    }
}

/// The page's style rules that remove the focus outline or draw an indicator, with their
/// selectors stripped of `:focus` and parsed.
struct FocusRules(Vec<FocusRule>);

impl Fact for FocusRules {
    fn compute(doc: &Document) -> Self {
        FocusRules(focus_rules(doc))
    }
}

fn focus_rules(doc: &Document) -> Vec<FocusRule> {
    doc.raw_style_rules()
        .iter()
        .filter_map(|raw| {
            let decls = declarations(&raw.body);
            let removes = decls.iter().any(|(n, v)| removes_outline(n, v));
            let indicates = decls
                .iter()
                .any(|(n, v)| is_indicator_property(n) && !removes_outline(n, v) && v != "none");
            if !removes && !indicates {
                return None;
            }
            let selectors = split_top_level_commas(&raw.selectors)
                .into_iter()
                .filter_map(|selector| {
                    let (stripped, place) = strip_focus(selector.trim());
                    crate::html::tree::Selector::parse(&stripped).map(|parsed| FocusSelector {
                        parsed,
                        place,
                        matched: OnceCell::new(),
                    })
                })
                .collect();
            Some(FocusRule {
                selectors,
                removes,
                indicates,
            })
        })
        .collect()
}

fn focus_styles(el: &El, cx: &Context) -> FocusStyles {
    let mut out = FocusStyles::default();
    if let Some(style) = el.attr("style") {
        for (name, value) in declarations(style) {
            out.removes_outline |= removes_outline(&name, &value);
        }
    }
    if el.document().raw_style_rules().is_empty() {
        return out;
    }
    let rules = cx.fact::<FocusRules>();
    let rules = &rules.0;
    // What removes the outline is decided by `el` alone; only then is it worth looking for
    // an indicator drawn elsewhere (around, inside or next to it).
    for rule in rules.iter().filter(|r| r.removes) {
        for selector in &rule.selectors {
            if matches!(
                selector.place,
                FocusPlace::None | FocusPlace::Subject | FocusPlace::Within
            ) && selector.matches(el)
            {
                out.removes_outline = true;
            }
        }
    }
    if !out.removes_outline {
        return out;
    }
    for rule in rules.iter().filter(|r| r.indicates) {
        for selector in &rule.selectors {
            out.indicates |= match selector.place {
                FocusPlace::None => false,
                FocusPlace::Subject => selector.matches(el),
                FocusPlace::Within => {
                    selector.matches(el) || el.ancestors().any(|a| selector.matches(&a))
                }
                // Something inside the element, next to it, or a pseudo-element.
                FocusPlace::Elsewhere => {
                    selector.matches(el)
                        || selector.matches_descendant(el)
                        || selector.matches_sibling(el)
                }
            };
        }
    }
    out
}

/// The cantTell message when a script may draw the focus indicator.
fn scripted(reason: &Reason) -> String {
    format!("The focus outline is removed and no style replaces it, but {reason} may draw an indicator when the element gets focus; check by tabbing to the element.")
}

impl Rule for FocusVisible {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.tabbable_elements()
            .filter(|e| (e.is_html() || e.is_svg()) && e.is_tabbable())
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, cx: &Context<'d>) -> Expectation {
        let el = &target.element;
        let styles = focus_styles(el, cx);
        if !styles.removes_outline {
            Expectation::passed("default-indicator", DEFAULT_RING)
        } else if styles.indicates {
            Expectation::passed("replaced-indicator", REPLACED)
        } else if let Some(reason) = el.document().scripts().may_change(ScriptEffect::Focus, el) {
            Expectation::cant_tell("scripted-focus-style", scripted(&reason))
        } else {
            Expectation::failed("indicator-removed", REMOVED)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;
    use crate::rules::{Rule, Target};

    use super::FocusVisible;

    fn outcomes(html: &str) -> Vec<Outcome> {
        let doc = crate::parse_document(html);
        let cx = crate::rules::Context::new(&doc);
        FocusVisible
            .applicability(&cx)
            .iter()
            .map(|t: &Target| FocusVisible.expectation(t, &cx).outcome)
            .collect()
    }

    #[test]
    fn default_ring_passes() {
        assert_eq!(outcomes(r#"<a href="/a">A</a>"#), [Outcome::Passed]);
        assert_eq!(
            outcomes(r#"<span tabindex="0">A</span>"#),
            [Outcome::Passed]
        );
    }

    #[test]
    fn removed_outline_fails() {
        let html = r#"<style>.x:focus { outline: none }</style><a class="x" href="/a">A</a><a href="/b">B</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed, Outcome::Passed]);
        let html = r#"<style>a { outline: 0 }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        let html = r#"<a style="outline: none" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        let html = r#"<style>:focus { outline-style: none }</style><button>Go</button>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn replaced_indicator_passes() {
        let html = r#"<style>a:focus { outline: none; box-shadow: 0 0 0 3px #fd0 }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
        let html = r#"<style>a:focus { outline: none } a:focus-visible { outline: 3px solid }</style><a href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
        let html = r#"<style>a:focus { outline: none } li:focus-within { background: #fd0 }</style><ul><li><a href="/a">A</a></li></ul>"#;
        assert_eq!(outcomes(html), [Outcome::Passed]);
    }

    #[test]
    fn script_handlers_cant_tell() {
        let html = r#"<style>a:focus { outline: none }</style><a onfocus="mark()" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[test]
    fn handlers_for_other_events_change_nothing() {
        // A click handler runs on activation, not on focus: the outline is still gone.
        let html = r#"<style>a:focus { outline: none }</style><a onclick="go()" href="/a">A</a>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn external_scripts_alone_do_not_rescue_a_removed_outline() {
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script src="app.js"></script>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
    }

    #[test]
    fn unfollowed_inline_focus_code_cant_tell() {
        // The interpreter stops at the loop; the code listens for focusin and may draw a ring.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>for (;;) { document.addEventListener('focusin', ring); break; }</script>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[cfg(feature = "page-scripts")]
    #[test]
    fn followed_scripts_decide() {
        // Runs to its end, listens to nothing: the word "focus" changes no verdict.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>console.log('focus')</script>"#;
        assert_eq!(outcomes(html), [Outcome::Failed]);
        // A keydown listener on the document may mark keyboard use and draw a ring.
        let html = r#"<style>a:focus { outline: none }</style><a href="/a">A</a><script>document.addEventListener('keydown', function (e) {})</script>"#;
        assert_eq!(outcomes(html), [Outcome::CantTell]);
    }

    #[test]
    fn not_in_tab_order_is_inapplicable() {
        assert!(outcomes(r#"<a tabindex="-1" href="/a">A</a><span>x</span>"#).is_empty());
    }
}
