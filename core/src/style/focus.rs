//! Styles that depend on which element has focus, for the properties that show focus: the
//! outline and what can replace it (border, background, box shadow, text decoration, colour…).
//!
//! The main cascade computes every element unfocused, and scraper's selector parser has no
//! pseudo-classes, so focus pseudo-classes are handled here. The rules kept are those whose
//! selector names `:focus`, `:focus-visible` or `:focus-within`, and the other rules that set
//! `outline`; the rest style an element the same focused or not. A focused style is compared
//! with the unfocused one over these rules only, so a focus rule that sets a colour an
//! ordinary rule already gives counts as a change (a pass, never a wrong failure). The
//! selectors are parsed on first use ([`FocusRules::style_of`]): a page pays nothing here
//! unless a rule asks for a focused style.
//!
//! Focus is keyboard focus, where `:focus` and `:focus-visible` both match the focused
//! element, or pointer focus ([`FocusRelation::FocusedByPointer`]), where only `:focus` does.
//! Nothing is hovered or pressed: selectors that need `:hover` or `:active` never match,
//! `:not(:hover)` always does. Selectors with a focus pseudo-class inside `:not()` (styles
//! for pointer focus only, `:focus:not(:focus-visible)`) are left out. Where a selector's
//! focus pseudo-class sits decides which elements it can style ([`FocusRelation`]); the
//! elements on the other side of its combinators are not checked (`a:focus span` styles
//! spans inside the focused element).

use std::cell::OnceCell;
use std::sync::Arc;

use scraper::selector::{Parser as SelectorParser, Simple};
use selectors::matching::{
    matches_selector, MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags,
    QuirksMode, SelectorCaches,
};
use selectors::parser::{ParseRelative, Selector, SelectorList};

use super::sheet::{raw_declarations_marked, split_top_level_commas, RawRule};
use crate::html::tree::ElementRef;

/// How an element stands to the element that has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FocusRelation {
    /// Nothing has focus, or focus is elsewhere.
    Unrelated,
    /// The element has keyboard focus (`:focus-visible` matches it).
    Focused,
    /// The element has focus from a pointer (a click): `:focus` matches it, not
    /// `:focus-visible`.
    FocusedByPointer,
    /// The element contains the focused element (`:focus-within` matches it).
    ContainsFocus,
    /// The element is inside the focused element.
    InsideFocused,
    /// The element is a sibling of the focused element.
    NextToFocused,
}

/// Where a selector's focus pseudo-class is, which decides what it styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusPlace {
    /// No focus pseudo-class (an `outline` rule): styles the element focused or not.
    None,
    /// `:focus`/`:focus-visible` on the subject (`a:focus`): styles the focused element.
    Subject,
    /// `:focus-within` on the subject: styles the focused element and its ancestors.
    Within,
    /// Earlier in the selector (`a:focus span`, `a:focus + span`), or on a pseudo-element
    /// (`a:focus::after`): styles the focused element, what is inside it or next to it.
    Elsewhere,
}

impl FocusPlace {
    /// Whether a selector with its focus pseudo-class here can style an element so related
    /// to the focused one; `visible_only`: the selector names `:focus-visible`.
    fn reaches(self, relation: FocusRelation, visible_only: bool) -> bool {
        use FocusRelation as R;
        if relation == R::FocusedByPointer {
            return self == FocusPlace::None || !visible_only;
        }
        match self {
            FocusPlace::None => true,
            FocusPlace::Subject => relation == R::Focused,
            FocusPlace::Within => matches!(relation, R::Focused | R::ContainsFocus),
            FocusPlace::Elsewhere => {
                matches!(relation, R::Focused | R::InsideFocused | R::NextToFocused)
            }
        }
    }
}

/// An element's style as far as showing focus goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FocusStyle {
    outline_removed: bool,
    /// The winning value of each property that can show focus, by name, sorted (outline
    /// longhands as longhands, the others as written); `none` and values that remove the
    /// outline are left out, as they draw nothing.
    indicators: Vec<(Arc<str>, Arc<str>)>,
}

impl FocusStyle {
    /// An author style takes the browser's focus ring away: `outline-style: none`/`hidden`,
    /// a zero `outline-width` or a `transparent` outline colour (or `outline: none`, `0`).
    pub fn removes_outline(&self) -> bool {
        self.outline_removed
    }

    /// Whether this style draws something `other` does not, or the other way round: an
    /// outline, border, background, box shadow, text decoration, colour, text shadow,
    /// filter, transform or font weight with another value.
    pub fn shows_differently_from(&self, other: &FocusStyle) -> bool {
        self.indicators != other.indicators
    }
}

/// The page's rules for focus and `outline` that apply on the cascade's screen.
#[derive(Default)]
pub struct FocusRules {
    raw: Vec<RawRule>,
    parsed: OnceCell<Parsed>,
}

#[derive(Default)]
struct Parsed {
    /// Declarations of each rule that can show focus.
    declarations: Vec<Vec<FocusDeclaration>>,
    selectors: Vec<FocusSelector>,
}

/// A declaration as (name, value, important), lower-cased.
type FocusDeclaration = (Arc<str>, Arc<str>, bool);

/// One selector of a focus rule, its focus pseudo-classes taken out.
struct FocusSelector {
    selector: Selector<Simple>,
    place: FocusPlace,
    /// It names `:focus-visible` (or `:-moz-focusring`), which pointer focus does not match.
    visible_only: bool,
    specificity: u32,
    /// Index of its rule, which is its place in cascade order.
    rule: u32,
}

/// Specificity of one pseudo-class, in `selectors`' encoding (a class-level component).
const PSEUDO_CLASS_SPECIFICITY: u32 = 1 << 10;

impl FocusRules {
    pub(crate) fn new(raw: Vec<RawRule>) -> FocusRules {
        FocusRules {
            raw,
            parsed: OnceCell::new(),
        }
    }

    /// Whether the page has no focus or `outline` rule.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            let mut parsed = Parsed::default();
            for raw in &self.raw {
                let declarations: Vec<_> = raw_declarations_marked(&raw.body)
                    .into_iter()
                    .filter(|(name, _, _)| shows_focus(name))
                    .map(|(name, value, important)| (name.into(), value.into(), important))
                    .collect();
                if declarations.is_empty() {
                    continue;
                }
                let rule = parsed.declarations.len() as u32;
                for text in split_top_level_commas(&raw.selectors) {
                    let text = text.trim();
                    if let Some((selector, place, pseudo_classes)) = parse_selector(text) {
                        let lower = text.to_ascii_lowercase();
                        parsed.selectors.push(FocusSelector {
                            visible_only: lower.contains(":focus-visible")
                                || lower.contains(":-moz-focusring"),
                            specificity: selector.specificity()
                                + pseudo_classes * PSEUDO_CLASS_SPECIFICITY,
                            selector,
                            place,
                            rule,
                        });
                    }
                }
                parsed.declarations.push(declarations);
            }
            parsed
        })
    }

    /// The number of selectors of the focus rules (for [`FocusRules::selector_matches`]).
    pub fn selector_count(&self) -> usize {
        self.parsed().selectors.len()
    }

    /// Where selector `i`'s focus pseudo-class is.
    pub fn selector_place(&self, i: usize) -> FocusPlace {
        self.parsed().selectors[i].place
    }

    /// Whether selector `i` matches the element, its focus pseudo-classes taken as matching.
    pub fn selector_matches(&self, i: usize, element: &ElementRef) -> bool {
        let mut caches = SelectorCaches::default();
        let mut context = MatchingContext::new(
            MatchingMode::Normal,
            None,
            &mut caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        matches_selector(
            &self.parsed().selectors[i].selector,
            0,
            None,
            element,
            &mut context,
        )
    }

    /// The element's focus style when it stands in `relation` to the focused element:
    /// the focus rules and its `style` attribute (`inline`) cascaded.
    pub fn style_of(
        &self,
        element: &ElementRef,
        inline: Option<&str>,
        relation: FocusRelation,
    ) -> FocusStyle {
        // (important, inline, specificity, order): the greatest wins.
        type Rank = (bool, bool, u32, u32);
        let mut winners: Vec<(Arc<str>, Arc<str>, Rank)> = Vec::new();
        let mut declare = |name: Arc<str>, value: Arc<str>, rank: Rank| {
            let longhands = match &*name {
                "outline" => outline_longhands(&value),
                _ => vec![(name, value)],
            };
            for (name, value) in longhands {
                match winners.iter_mut().find(|(n, _, _)| *n == name) {
                    Some(w) if w.2 <= rank => *w = (name, value, rank),
                    Some(_) => {}
                    None => winners.push((name, value, rank)),
                }
            }
        };
        if !self.raw.is_empty() {
            let parsed = self.parsed();
            for (i, s) in parsed.selectors.iter().enumerate() {
                if !s.place.reaches(relation, s.visible_only) || !self.selector_matches(i, element)
                {
                    continue;
                }
                for (name, value, important) in &parsed.declarations[s.rule as usize] {
                    declare(
                        name.clone(),
                        value.clone(),
                        (*important, false, s.specificity, s.rule),
                    );
                }
            }
        }
        if let Some(inline) = inline {
            for (name, value, important) in raw_declarations_marked(inline) {
                if shows_focus(&name) {
                    declare(name.into(), value.into(), (important, true, 0, 0));
                }
            }
        }
        let outline_removed = winners
            .iter()
            .any(|(name, value, _)| removes_outline(name, value));
        // An outline taken away shows nothing, whatever its other longhands say.
        let mut indicators: Vec<_> = winners
            .into_iter()
            .filter(|(name, value, _)| {
                let hidden_outline = outline_removed && name.starts_with("outline");
                !(hidden_outline || matches!(&**value, "none" | "initial"))
            })
            .map(|(name, value, _)| (name, value))
            .collect();
        indicators.sort();
        FocusStyle {
            outline_removed,
            indicators,
        }
    }
}

/// Properties whose change on focus is visible.
fn shows_focus(name: &str) -> bool {
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

/// Whether an outline longhand's value takes the outline away.
fn removes_outline(name: &str, value: &str) -> bool {
    match name {
        "outline-style" => matches!(value, "none" | "hidden"),
        "outline-width" => is_zero(value),
        "outline-color" => value == "transparent",
        _ => false,
    }
}

/// The longhands an `outline` shorthand sets, those it leaves out reset (`initial`, which
/// shows nothing). But for the style: a shorthand without one (`outline: 2px red`) leaves
/// the focus ring's style alone here, where a browser would reset it to `none`; a ring is
/// not reported missing on that reading.
fn outline_longhands(value: &str) -> Vec<(Arc<str>, Arc<str>)> {
    const STYLES: [&str; 11] = [
        "none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset",
        "outset", "auto",
    ];
    let (mut style, mut width, mut color) = (None, None, Vec::new());
    for token in value.split_ascii_whitespace() {
        if style.is_none() && STYLES.contains(&token) {
            style = Some(token);
        } else if width.is_none()
            && (matches!(token, "thin" | "medium" | "thick")
                || token.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
            && color.is_empty()
        {
            width = Some(token);
        } else {
            color.push(token);
        }
    }
    let mut out: Vec<(Arc<str>, Arc<str>)> = Vec::new();
    if let Some(style) = style {
        out.push(("outline-style".into(), style.into()));
    }
    out.push(("outline-width".into(), width.unwrap_or("initial").into()));
    let color = if color.is_empty() {
        "initial".to_string()
    } else {
        color.join(" ")
    };
    out.push(("outline-color".into(), color.into()));
    out
}

fn is_zero(token: &str) -> bool {
    let number = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !number.is_empty() && number.parse::<f32>().is_ok_and(|n| n == 0.0)
}

/// Parses one selector: its focus pseudo-classes and `:not(:hover)`/`:not(:active)`
/// replaced by `:is(*)` (which matches anything, with no specificity: their number is
/// returned to add it back) and a pseudo-element cut off. `None` for selectors that never
/// match under keyboard focus (`:hover`, `:active`, `:not(:focus-visible)`), pseudo-elements
/// of unfocused elements (which style no element), and selectors `selectors` cannot parse.
fn parse_selector(text: &str) -> Option<(Selector<Simple>, FocusPlace, u32)> {
    // Nothing is hovered or pressed: `:not(:hover)` matches (GOV.UK's buttons draw their
    // focus style under `:focus:not(:active):not(:hover)`).
    let mut text = text.to_string();
    let mut pseudo_classes = 0;
    for p in [":not(:hover)", ":not(:active)"] {
        while let Some(i) = text.to_ascii_lowercase().find(p) {
            text.replace_range(i..i + p.len(), ":is(*)");
            pseudo_classes += 1;
        }
    }
    let text = text.as_str();
    // Class names and ids are case-sensitive: keep the text, search a lower-cased copy
    // (same byte offsets, ASCII lower-casing).
    let lower = text.to_ascii_lowercase();
    if lower.contains(":hover") || lower.contains(":active") || focus_inside_not(&lower) {
        return None;
    }
    let mut end = text.len();
    for cut in ["::", ":before", ":after", ":first-line", ":first-letter"] {
        if let Some(i) = lower.find(cut) {
            end = end.min(i);
        }
    }
    let pseudo_element = end < text.len();
    let (text, lower) = (&text[..end], &lower[..end]);
    let subject = &lower[subject_start(lower)..];
    let place = if !lower.contains(":focus") {
        if pseudo_element {
            return None;
        }
        FocusPlace::None
    } else if pseudo_element || !subject.contains(":focus") {
        FocusPlace::Elsewhere
    } else if subject.contains(":focus-within") {
        FocusPlace::Within
    } else {
        FocusPlace::Subject
    };
    let mut stripped = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for p in [
            ":focus-visible",
            ":focus-within",
            ":-moz-focusring",
            ":focus",
        ] {
            if rest.len() >= p.len()
                && rest.is_char_boundary(p.len())
                && rest[..p.len()].eq_ignore_ascii_case(p)
            {
                stripped.push_str(":is(*)");
                pseudo_classes += 1;
                rest = &rest[p.len()..];
                continue 'scan;
            }
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        stripped.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    let mut parser = cssparser::Parser::new(&stripped);
    let list = SelectorList::parse(&SelectorParser, &mut parser, ParseRelative::No).ok()?;
    match list.slice() {
        [selector] => Some((selector.clone(), place, pseudo_classes)),
        _ => None,
    }
}

/// Where the selector's last compound starts: after its last combinator outside brackets
/// and strings (`:is(a b)` and `[title="a b"]` are within one compound).
fn subject_start(selector: &str) -> usize {
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in selector.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, c)
                if depth == 0 && (c.is_ascii_whitespace() || matches!(c, '>' | '+' | '~')) =>
            {
                start = i + 1
            }
            _ => {}
        }
    }
    start
}

/// Whether a focus pseudo-class is inside a `:not()` (the selector then styles what is not
/// focused, for mouse focus: `:focus:not(:focus-visible)`).
fn focus_inside_not(lower: &str) -> bool {
    let mut from = 0;
    while let Some(at) = lower[from..].find(":not(") {
        let start = from + at + ":not(".len();
        let mut depth = 1;
        let mut end = lower.len();
        for (i, c) in lower[start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        if lower[start..end].contains(":focus") {
            return true;
        }
        from = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(css: &str) -> FocusRules {
        let sheet = super::super::StyleSheet::parse(css);
        let mut cascade =
            super::super::Cascade::new(vec![sheet], &super::super::Device::reference());
        cascade.take_focus_rules()
    }

    fn style(css: &str, html: &str, selector: &str, relation: FocusRelation) -> FocusStyle {
        let page = crate::html::parse(html);
        let target = crate::html::tree::Selector::parse(selector).expect("selector");
        let element = page.tree.select(&target).next().expect("element");
        rules(css).style_of(&element, element.value().attr("style"), relation)
    }

    #[test]
    fn focus_rules_apply_only_to_the_focused_element() {
        let (css, html) = (
            ".x:focus { outline: none }",
            r#"<a class="x" href="/">A</a>"#,
        );
        assert!(style(css, html, "a", FocusRelation::Focused).removes_outline());
        assert!(!style(css, html, "a", FocusRelation::Unrelated).removes_outline());
        assert!(!style(css, html, "a", FocusRelation::ContainsFocus).removes_outline());
    }

    #[test]
    fn later_and_more_specific_declarations_win() {
        let html = r#"<a class="x" href="/">A</a>"#;
        let css = "a:focus { outline: none } .x:focus-visible { outline: 3px solid }";
        assert!(!style(css, html, "a", FocusRelation::Focused).removes_outline());
        // `.x:focus` (0,2,0) beats `a:focus-visible` (0,1,1) though it comes first.
        let css = ".x:focus { outline: none } a:focus-visible { outline: 3px solid }";
        assert!(style(css, html, "a", FocusRelation::Focused).removes_outline());
        // A style attribute beats rules, and `!important` beats it.
        let html = r#"<a style="outline: 0" href="/">A</a>"#;
        assert!(style(
            "a:focus { outline: 2px solid }",
            html,
            "a",
            FocusRelation::Focused
        )
        .removes_outline());
        assert!(!style(
            "a:focus { outline: 2px solid !important }",
            html,
            "a",
            FocusRelation::Focused
        )
        .removes_outline());
    }

    #[test]
    fn outline_removal_values() {
        let html = r#"<a href="/">A</a>"#;
        for css in [
            "a { outline: 0 }",
            "a { outline: none }",
            "a { outline: 1px solid transparent }",
            "a { outline-style: hidden }",
            "a { outline-width: 0px }",
        ] {
            assert!(
                style(css, html, "a", FocusRelation::Unrelated).removes_outline(),
                "{css}"
            );
        }
        for css in [
            "a { outline: 2px dotted }",
            "a { outline-offset: 0 }",
            "b { outline: 0 }",
        ] {
            assert!(
                !style(css, html, "a", FocusRelation::Unrelated).removes_outline(),
                "{css}"
            );
        }
    }

    #[test]
    fn indicators_compare_focused_with_unfocused() {
        let html = r#"<ul><li><a href="/">A</a></li></ul>"#;
        let css = "a:focus { outline: none; box-shadow: 0 0 0 3px #fd0 } li:focus-within { background: #fd0 }";
        let (focused, unfocused) = (
            style(css, html, "a", FocusRelation::Focused),
            style(css, html, "a", FocusRelation::Unrelated),
        );
        assert!(focused.shows_differently_from(&unfocused));
        let li = |relation| style(css, html, "li", relation);
        assert!(
            li(FocusRelation::ContainsFocus).shows_differently_from(&li(FocusRelation::Unrelated))
        );
        // `none` draws nothing: the same as no declaration.
        let css = "a:focus { outline: none; background: none }";
        assert!(
            !style(css, html, "a", FocusRelation::Focused).shows_differently_from(&style(
                css,
                html,
                "a",
                FocusRelation::Unrelated
            ))
        );
    }

    #[test]
    fn pointer_focus_is_not_styled_by_focus_visible_rules() {
        let html = r#"<a href="/">A</a>"#;
        let css = "a:focus { outline: none } a:focus-visible { outline: 3px solid }";
        assert!(style(css, html, "a", FocusRelation::FocusedByPointer).removes_outline());
        assert!(!style(css, html, "a", FocusRelation::Focused).removes_outline());
    }

    #[test]
    fn an_outline_taken_away_shows_nothing() {
        let html = r#"<a href="/">A</a>"#;
        let unfocused = style("", html, "a", FocusRelation::Unrelated);
        // The shorthand resets the width and colour the earlier rule set.
        let css = "a:focus { outline: 2px solid red } a:focus { outline: none }";
        let focused = style(css, html, "a", FocusRelation::Focused);
        assert!(focused.removes_outline() && !focused.shows_differently_from(&unfocused));
        // A zero width draws no outline, whatever its style.
        let focused = style(
            "a:focus { outline: 0 solid }",
            html,
            "a",
            FocusRelation::Focused,
        );
        assert!(focused.removes_outline() && !focused.shows_differently_from(&unfocused));
    }

    #[test]
    fn selectors_are_placed_by_their_focus_pseudo_class() {
        let place = |text: &str| parse_selector(text).map(|(_, place, n)| (place, n));
        assert_eq!(place("a:focus"), Some((FocusPlace::Subject, 1)));
        assert_eq!(place("A:FOCUS-VISIBLE"), Some((FocusPlace::Subject, 1)));
        assert_eq!(place("li:focus-within"), Some((FocusPlace::Within, 1)));
        assert_eq!(place("a:focus span"), Some((FocusPlace::Elsewhere, 1)));
        assert_eq!(place("a:focus > span"), Some((FocusPlace::Elsewhere, 1)));
        // Spaces inside brackets and strings do not end the subject.
        assert_eq!(
            place(".menu :is(a, b):focus"),
            Some((FocusPlace::Subject, 1))
        );
        assert_eq!(
            place(r#"a:focus [title="a b"]"#),
            Some((FocusPlace::Elsewhere, 1))
        );
        assert_eq!(
            place(":is(li:focus-within, p) a"),
            Some((FocusPlace::Elsewhere, 1))
        );
        assert_eq!(place("a:focus::after"), Some((FocusPlace::Elsewhere, 1)));
        assert_eq!(place(".x"), Some((FocusPlace::None, 0)));
        assert_eq!(place("a:hover"), None);
        assert_eq!(
            place(".b:focus:not(:active):not(:hover)"),
            Some((FocusPlace::Subject, 3))
        );
        assert_eq!(place("a:focus:hover"), None);
        assert_eq!(place(".btn:focus:not(:focus-visible)"), None);
        assert_eq!(place("a::after"), None);
    }
}
