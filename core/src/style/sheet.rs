//! Style sheet parsing with `cssparser`: qualified rules become (selector, declarations)
//! pairs, `@media` blocks are kept only when they match frontdesk's reference screen, and
//! only declarations of properties the engine computes are kept (the rest cost nothing later).

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser,
};
use scraper::selector::{Parser as SelectorParser, Simple};
use selectors::parser::{ParseRelative, Selector, SelectorList};

use super::media::media_query_list_matches;
use super::properties::PropertyId;

/// One declaration of a property the engine computes.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// Which property.
    pub property: PropertyId,
    /// The value as written (without `!important`), trimmed.
    pub value: String,
    /// Whether it was marked `!important`.
    pub important: bool,
}

/// A style rule: a selector with its specificity, and the declarations it sets.
#[derive(Debug)]
pub struct StyleRule {
    pub(crate) selector: Selector<Simple>,
    pub(crate) specificity: u32,
    pub(crate) declarations: std::sync::Arc<[Declaration]>,
}

/// A parsed style sheet: rules in source order, one per selector of a selector list.
#[derive(Debug, Default)]
pub struct StyleSheet {
    pub(crate) rules: Vec<StyleRule>,
}

impl StyleSheet {
    /// Parses CSS text. Invalid rules and declarations are skipped as browsers skip them;
    /// this never fails.
    pub fn parse(css: &str) -> StyleSheet {
        let mut sheet = StyleSheet::default();
        let mut parser = Parser::new(css);
        collect_rules(&mut parser, &mut sheet.rules, true, 0);
        sheet
    }

    /// Number of selector rules kept.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether no rule was kept.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Parses the declarations of a `style` attribute (or a rule body).
pub fn parse_declarations(css: &str) -> Vec<Declaration> {
    let mut parser = Parser::new(css);
    declarations_of(&mut parser)
}

fn declarations_of(input: &mut Parser) -> Vec<Declaration> {
    let mut out = Vec::new();
    let mut body = DeclarationsOnly;
    for item in RuleBodyParser::new(input, &mut body).flatten() {
        if let Some(declaration) = item {
            out.push(declaration);
        }
    }
    out
}

/// Nesting depth of `@media`/`@supports` blocks we follow; deeper ones are dropped.
const MAX_NESTING: u32 = 16;

fn collect_rules(input: &mut Parser, rules: &mut Vec<StyleRule>, top_level: bool, depth: u32) {
    let mut collector = RuleCollector { rules, depth };
    if top_level {
        for _ in StyleSheetParser::new(input, &mut collector) {}
    } else {
        for _ in RuleBodyParser::new(input, &mut collector) {}
    }
}

struct RuleCollector<'r> {
    rules: &'r mut Vec<StyleRule>,
    depth: u32,
}

enum AtPrelude {
    /// `@media` whose query matches, or `@supports`/`@layer`: keep the contents.
    Keep,
    /// A block to skip.
    Skip,
}

impl<'i> AtRuleParser<'i> for RuleCollector<'_> {
    type Prelude = AtPrelude;
    type AtRule = ();
    type Error = ();

    fn parse_prelude(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
    ) -> Result<AtPrelude, ParseError<()>> {
        let keep = if name.eq_ignore_ascii_case("media") {
            let start = input.position();
            while input.next().is_ok() {}
            media_query_list_matches(input.slice_from(start))
        } else {
            while input.next().is_ok() {}
            name.eq_ignore_ascii_case("supports") || name.eq_ignore_ascii_case("layer")
        };
        Ok(if keep && self.depth < MAX_NESTING { AtPrelude::Keep } else { AtPrelude::Skip })
    }

    fn rule_without_block(&mut self, _: AtPrelude, _: &ParserState) -> Result<(), ()> {
        Ok(())
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        if let AtPrelude::Keep = prelude {
            collect_rules(input, self.rules, true, self.depth + 1);
        } else {
            while input.next().is_ok() {}
        }
        Ok(())
    }
}

impl<'i> QualifiedRuleParser<'i> for RuleCollector<'_> {
    type Prelude = Option<SelectorList<Simple>>;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(
        &mut self,
        input: &mut Parser<'i>,
    ) -> Result<Self::Prelude, ParseError<()>> {
        // An unsupported selector drops the rule, as in browsers; the block is still consumed.
        let parsed = SelectorList::parse(&SelectorParser, input, ParseRelative::No).ok();
        while input.next().is_ok() {}
        Ok(parsed)
    }

    fn parse_block(
        &mut self,
        prelude: Self::Prelude,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        let declarations = declarations_of(input);
        let Some(list) = prelude else { return Ok(()) };
        if declarations.is_empty() {
            return Ok(());
        }
        let declarations: std::sync::Arc<[Declaration]> = declarations.into();
        for selector in list.slice() {
            self.rules.push(StyleRule {
                specificity: selector.specificity(),
                selector: selector.clone(),
                declarations: declarations.clone(),
            });
        }
        Ok(())
    }
}

impl<'i> DeclarationParser<'i> for RuleCollector<'_> {
    type Declaration = ();
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, (), ()> for RuleCollector<'_> {
    fn parse_declarations(&self) -> bool {
        false
    }
    fn parse_qualified(&self) -> bool {
        true
    }
}

/// Parses a declaration block, keeping the properties the engine computes.
struct DeclarationsOnly;

impl<'i> DeclarationParser<'i> for DeclarationsOnly {
    type Declaration = Option<Declaration>;
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _: &ParserState,
    ) -> Result<Option<Declaration>, ParseError<()>> {
        let property = PropertyId::from_name(&name);
        let start = input.position();
        let mut important = false;
        let mut end = start;
        loop {
            let before = input.state();
            match input.next() {
                Err(_) => break,
                Ok(cssparser::Token::Delim('!')) => {
                    if input.try_parse(|i| i.expect_ident_matching("important")).is_ok() {
                        important = true;
                        end = before.position();
                        while input.next().is_ok() {}
                        break;
                    }
                }
                Ok(_) => {}
            }
            end = input.position();
        }
        let Some(property) = property else { return Ok(None) };
        let value = input.slice(start..end).trim().to_string();
        Ok(Some(Declaration { property, value, important }))
    }
}

impl<'i> AtRuleParser<'i> for DeclarationsOnly {
    type Prelude = ();
    type AtRule = Option<Declaration>;
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for DeclarationsOnly {
    type Prelude = ();
    type QualifiedRule = Option<Declaration>;
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, Option<Declaration>, ()> for DeclarationsOnly {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_known_properties_and_importance() {
        let d = parse_declarations("color: red; display: none !important; foo: bar; visibility:hidden");
        let got: Vec<_> = d.iter().map(|d| (d.property, d.value.as_str(), d.important)).collect();
        assert_eq!(
            got,
            vec![
                (PropertyId::Color, "red", false),
                (PropertyId::Display, "none", true),
                (PropertyId::Visibility, "hidden", false)
            ]
        );
    }

    #[test]
    fn media_print_rules_are_dropped_and_screen_kept() {
        let s = StyleSheet::parse(
            "@media print { p { display:none } } @media screen and (min-width: 40em) { .a, #b { display:block } } q{}",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s.rules[1].specificity, 1 << 20);
    }

    #[test]
    fn garbage_never_panics() {
        for css in ["}}}{{{", "@media {", "a{display:", "\u{0}\u{1}!important;;", "@media screen { @media print { a { display:none } }"] {
            let _ = StyleSheet::parse(css);
            let _ = parse_declarations(css);
        }
    }
}
