//! The CSS cascade for the properties accessibility depends on.
//!
//! Sources, lowest precedence first: user-agent defaults (HTML's rendering section, as far as
//! the computed properties go), author style sheets in document order, inline `style`
//! attributes; `!important` reverses author over inline as CSS Cascade 4 says. Media queries
//! are evaluated for a 1280×1024 screen ([`media`]).

pub mod media;
mod properties;
mod sheet;

pub use properties::{Display, PropertyId, Visibility};
pub use sheet::{parse_declarations, Declaration, StyleSheet};

use scraper::ElementRef;
use selectors::matching::{
    matches_selector, MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags,
    QuirksMode, SelectorCaches,
};

/// Computed values of one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComputedStyle {
    /// `display`
    pub display: Display,
    /// `visibility` (inherited)
    pub visibility: Visibility,
}

impl ComputedStyle {
    /// Initial values, for the root's parent.
    pub const INITIAL: ComputedStyle =
        ComputedStyle { display: Display::Inline, visibility: Visibility::Visible };
}

/// Author style sheets of one page, ready to compute styles element by element.
#[derive(Default)]
pub struct Cascade {
    sheets: Vec<StyleSheet>,
    caches: SelectorCaches,
}

/// Where a matched declaration came from, for cascade order.
#[derive(Clone, Copy)]
struct Precedence {
    important: bool,
    inline: bool,
    specificity: u32,
    order: u32,
}

impl Precedence {
    fn key(&self) -> (bool, bool, u32, u32) {
        // Important inline beats important sheets; normal inline beats normal sheets.
        (self.important, self.inline, self.specificity, self.order)
    }
}

impl Cascade {
    /// A cascade over author style sheets given in document order.
    pub fn new(sheets: Vec<StyleSheet>) -> Cascade {
        Cascade { sheets, caches: SelectorCaches::default() }
    }

    /// Whether any author rule exists (if not, only UA defaults and inline styles apply).
    pub fn has_rules(&self) -> bool {
        self.sheets.iter().any(|s| !s.is_empty())
    }

    /// Computes one element's style. `parent` is the parent element's computed style,
    /// `ua_display` the user-agent default `display` for this element.
    pub fn compute(
        &mut self,
        element: ElementRef,
        parent: &ComputedStyle,
        ua_display: Display,
    ) -> ComputedStyle {
        let mut matched: Vec<(Precedence, &Declaration)> = Vec::new();
        let mut order = 0u32;
        let mut context = MatchingContext::new(
            MatchingMode::Normal,
            None,
            &mut self.caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        for sheet in &self.sheets {
            for rule in &sheet.rules {
                order += 1;
                if matches_selector(&rule.selector, 0, None, &element, &mut context) {
                    for d in rule.declarations.iter() {
                        let p = Precedence {
                            important: d.important,
                            inline: false,
                            specificity: rule.specificity,
                            order,
                        };
                        matched.push((p, d));
                    }
                }
            }
        }
        let inline = element.value().attr("style").map(parse_declarations).unwrap_or_default();
        for d in &inline {
            order += 1;
            matched.push((Precedence { important: d.important, inline: true, specificity: 0, order }, d));
        }
        // Highest precedence first; the first valid value of each property wins.
        matched.sort_by_key(|(p, _)| std::cmp::Reverse(p.key()));

        let display = winning(&matched, PropertyId::Display, |v| match keyword(v) {
            Some(Keyword::Inherit) => Some(parent.display),
            Some(Keyword::Initial) | Some(Keyword::Unset) => Some(Display::Inline),
            Some(Keyword::Revert) => Some(ua_display),
            None => Display::parse(v),
        })
        .unwrap_or(ua_display);
        let visibility = winning(&matched, PropertyId::Visibility, |v| match keyword(v) {
            Some(Keyword::Initial) => Some(Visibility::Visible),
            Some(_) => Some(parent.visibility),
            None => Visibility::parse(v),
        })
        .unwrap_or(parent.visibility);
        ComputedStyle { display, visibility }
    }
}

fn winning<T>(
    matched: &[(Precedence, &Declaration)],
    property: PropertyId,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    matched.iter().filter(|(_, d)| d.property == property).find_map(|(_, d)| parse(&d.value))
}

enum Keyword {
    Inherit,
    Initial,
    Unset,
    Revert,
}

fn keyword(value: &str) -> Option<Keyword> {
    match value.to_ascii_lowercase().as_str() {
        "inherit" => Some(Keyword::Inherit),
        "initial" => Some(Keyword::Initial),
        "unset" => Some(Keyword::Unset),
        "revert" | "revert-layer" => Some(Keyword::Revert),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn style_of(html: &str, css: &str, selector: &str) -> ComputedStyle {
        let doc = Html::parse_document(html);
        let mut cascade = Cascade::new(vec![StyleSheet::parse(css)]);
        let target = doc.select(&Selector::parse(selector).unwrap()).next().unwrap();
        // Walk from the root so inheritance is real.
        let mut chain: Vec<ElementRef> = target.ancestors().filter_map(ElementRef::wrap).collect();
        chain.reverse();
        chain.push(target);
        let mut style = ComputedStyle::INITIAL;
        for el in chain {
            style = cascade.compute(el, &style, Display::Block);
        }
        style
    }

    #[test]
    fn specificity_importance_and_inline() {
        let html = r#"<div id="a" class="b" style="display:block"><p class="c">x</p></div>"#;
        assert_eq!(style_of(html, "#a{display:none}", "#a").display, Display::Block);
        assert_eq!(style_of(html, "#a{display:none!important}", "#a").display, Display::None);
        assert_eq!(style_of(html, ".c{display:inline} p{display:none}", "p").display, Display::Inline);
        assert_eq!(style_of(html, "p{display:none} p{display:inline}", "p").display, Display::Inline);
        assert_eq!(style_of(html, "p{display:bogus}", "p").display, Display::Block);
    }

    #[test]
    fn visibility_inherits_and_can_be_overridden() {
        let html = r#"<div class="h"><p>a</p><span class="v">b</span></div>"#;
        let css = ".h{visibility:hidden} .v{visibility:visible}";
        assert_eq!(style_of(html, css, "p").visibility, Visibility::Hidden);
        assert_eq!(style_of(html, css, "span").visibility, Visibility::Visible);
        assert_eq!(style_of(html, ".h{visibility:hidden} p{visibility:inherit}", "p").visibility, Visibility::Hidden);
    }
}
