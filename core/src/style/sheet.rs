//! Style sheet parsing with `cssparser`: qualified rules become (selector, declarations)
//! pairs with the media they are under, `@media` blocks are kept only when they match one of
//! the screens an audit consults ([`Device::AUDITED`]), and only declarations of properties
//! the engine computes are kept (the rest cost nothing later).

use std::ops::Range;
use std::sync::Arc;

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser, Token,
};
use scraper::selector::{Parser as SelectorParser, Simple};
use selectors::parser::{ParseRelative, Selector, SelectorList};

use super::media::{Device, Media, MediaQueryList};
use super::properties::{parse_longhand, parse_shorthand, PropertyId, Shorthand, Value};

/// One declaration of a property the engine computes (shorthands arrive expanded into
/// their longhands, each with the shorthand's text as `value`).
#[derive(Debug, Clone)]
pub struct Declaration {
    /// Which property.
    pub property: PropertyId,
    /// The value as written (without `!important`), trimmed.
    pub value: String,
    /// Whether it was marked `!important`.
    pub important: bool,
    /// For custom properties: the name, with its `--`.
    pub(crate) name: Arc<str>,
    pub(crate) parsed: Value,
}

/// A style rule: a selector with its specificity, and the declarations it sets.
#[derive(Debug, Clone)]
pub struct StyleRule {
    pub(crate) selector: Selector<Simple>,
    pub(crate) specificity: u32,
    pub(crate) declarations: Arc<[Declaration]>,
    /// The media the rule is under (in the cascade's rule list, its sheet's as well).
    pub(crate) media: Media,
    /// A rule under media queries that declares an `overflow-*` property, computed or not
    /// (`overflow-wrap`): where it applies only on the zoomed screen, the boxes it matches
    /// may clip there.
    pub(crate) declares_overflow: bool,
}

/// A style rule kept as text for the focus styles ([`crate::style::FocusRules`]): its
/// selector names `:focus`, `:focus-visible` or `:focus-within` (the cascade never matches
/// those) or its declarations mention `outline`.
#[derive(Debug, Clone)]
pub(crate) struct RawRule {
    /// The selector list as written.
    pub selectors: String,
    /// The declaration block as written (without braces).
    pub body: String,
}

/// A rule kept as a [`RawRule`] where its media match the device: it names a focus
/// pseudo-class, or its selectors parsed and it mentions `outline`. The
/// ranges of its selector text and body in the sheet's text.
#[derive(Debug)]
pub(crate) struct RawCandidate {
    selectors: Range<usize>,
    body: Range<usize>,
    /// The `@media` blocks around it.
    pub media: Media,
}

/// An `@import` found in a sheet: its URL as written and the media it applies to.
#[derive(Debug, Clone)]
pub(crate) struct Import {
    pub url: String,
    pub media: Media,
}

/// A parsed style sheet: rules in source order, one per selector of a selector list.
///
/// ```
/// use frontdesk_core::style::StyleSheet;
/// let sheet = StyleSheet::parse("p, .note { color: #333 } @media print { p { color: red } }");
/// assert_eq!(sheet.len(), 2);
/// ```
#[derive(Debug, Default)]
pub struct StyleSheet {
    pub(crate) rules: Vec<StyleRule>,
    pub(crate) imports: Vec<Import>,
    /// Media the whole sheet applies to (from `<link media>` / `@import … media`).
    pub(crate) media: Media,
    /// Rules that may be kept as text (see [`RawRule`]), and the sheet's text they are in.
    pub(crate) raw_candidates: Vec<RawCandidate>,
    text: Arc<str>,
}

impl StyleSheet {
    /// Parses CSS text. Invalid rules and declarations are skipped as browsers skip them;
    /// this never fails. `@import` rules are recorded but not followed (see
    /// [`crate::audit_with_loader`]).
    pub fn parse(css: &str) -> StyleSheet {
        let mut sheet = StyleSheet::default();
        let mut parser = Parser::new(css);
        let mut collector = RuleCollector {
            rules: &mut sheet.rules,
            imports: &mut sheet.imports,
            raw_candidates: &mut sheet.raw_candidates,
            depth: 0,
            media: Media::default(),
        };
        for _ in StyleSheetParser::new(&mut parser, &mut collector) {}
        if !sheet.raw_candidates.is_empty() {
            sheet.text = css.into();
        }
        sheet
    }

    /// The text of a [`RawCandidate`], as a [`RawRule`].
    pub(crate) fn raw_rule(&self, candidate: &RawCandidate) -> RawRule {
        RawRule {
            selectors: self.text[candidate.selectors.clone()].trim().to_string(),
            body: self.text[candidate.body.clone()].to_string(),
        }
    }

    /// Number of selector rules kept.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether no rule was kept.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The `@import` URLs of this sheet, as written, in order (imports for media no screen
    /// an audit consults matches, such as `print`, are left out).
    ///
    /// ```
    /// use frontdesk_core::style::StyleSheet;
    /// let sheet = StyleSheet::parse("@import url(base.css); @import 'print.css' print; p{}");
    /// assert_eq!(sheet.import_urls(), vec!["base.css"]);
    /// ```
    pub fn import_urls(&self) -> Vec<&str> {
        self.imports.iter().map(|i| i.url.as_str()).collect()
    }
}

/// Parses the declarations of a `style` attribute (or a rule body).
///
/// ```
/// use frontdesk_core::style::{parse_declarations, PropertyId};
/// let d = parse_declarations("background: #fff url(x.png); color: red !important");
/// let props: Vec<_> = d.iter().map(|d| d.property).collect();
/// assert_eq!(props, [PropertyId::BackgroundColor, PropertyId::BackgroundImage, PropertyId::Color]);
/// assert!(d[2].important);
/// ```
pub fn parse_declarations(css: &str) -> Vec<Declaration> {
    let mut parser = Parser::new(css);
    declarations_of(&mut parser)
}

fn declarations_of(input: &mut Parser) -> Vec<Declaration> {
    let mut body = DeclarationsOnly { out: Vec::new() };
    for _ in RuleBodyParser::new(input, &mut body) {}
    body.out
}

/// Nesting depth of `@media`/`@supports` blocks we follow; deeper ones are dropped.
const MAX_NESTING: u32 = 16;

struct RuleCollector<'r> {
    rules: &'r mut Vec<StyleRule>,
    imports: &'r mut Vec<Import>,
    raw_candidates: &'r mut Vec<RawCandidate>,
    depth: u32,
    /// The media of the enclosing `@media` blocks.
    media: Media,
}

enum AtPrelude {
    /// `@media` (with the media its contents are under), `@supports` or `@layer`: keep the
    /// contents.
    Keep(Media),
    /// `@import url media`.
    Import(String, Media),
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
        if name.eq_ignore_ascii_case("import") {
            let url = match input.next()?.clone() {
                Token::UnquotedUrl(u) | Token::QuotedString(u) => u.to_string(),
                Token::Function(f) if f.eq_ignore_ascii_case("url") => {
                    input.parse_nested_block(|i| {
                        Ok::<_, ParseError<()>>(i.expect_string()?.to_string())
                    })?
                }
                _ => return Ok(AtPrelude::Skip),
            };
            // `layer(…)` and `supports(…)` before the media list.
            let _ = input.try_parse(|i| i.expect_ident_matching("layer"));
            while input
                .try_parse(|i| {
                    let f = i.expect_function()?.clone();
                    if f.eq_ignore_ascii_case("layer") || f.eq_ignore_ascii_case("supports") {
                        i.parse_nested_block(|b| {
                            while b.next().is_ok() {}
                            Ok::<_, ParseError<()>>(())
                        })
                    } else {
                        Err(cssparser::ParseError::custom(()))
                    }
                })
                .is_ok()
            {}
            let start = input.position();
            while input.next().is_ok() {}
            let media = self
                .media
                .and(MediaQueryList::parse(input.slice_from(start)));
            return Ok(AtPrelude::Import(url, media));
        }
        let keep = if name.eq_ignore_ascii_case("media") {
            let start = input.position();
            while input.next().is_ok() {}
            let list = MediaQueryList::parse(input.slice_from(start));
            Some(self.media.and(list))
        } else {
            while input.next().is_ok() {}
            (name.eq_ignore_ascii_case("supports") || name.eq_ignore_ascii_case("layer"))
                .then(|| self.media.clone())
        };
        Ok(match keep {
            Some(media) if self.depth < MAX_NESTING && media.matches_any(&Device::AUDITED) => {
                AtPrelude::Keep(media)
            }
            _ => AtPrelude::Skip,
        })
    }

    fn rule_without_block(&mut self, prelude: AtPrelude, _: &ParserState) -> Result<(), ()> {
        if let AtPrelude::Import(url, media) = prelude {
            if self.depth == 0 && media.matches_any(&Device::AUDITED) {
                self.imports.push(Import { url, media });
            }
        }
        Ok(())
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        if let AtPrelude::Keep(media) = prelude {
            let mut inner = RuleCollector {
                rules: &mut *self.rules,
                imports: &mut *self.imports,
                raw_candidates: &mut *self.raw_candidates,
                depth: self.depth + 1,
                media,
            };
            for _ in StyleSheetParser::new(input, &mut inner) {}
        } else {
            while input.next().is_ok() {}
        }
        Ok(())
    }
}

/// Pseudo-classes `scraper` cannot parse, rewritten before parsing: links are taken as
/// unvisited.
fn rewrite_selector(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if !lower.contains(":link") && !lower.contains(":any-link") {
        return None;
    }
    Some(
        text.replace(":any-link", "[href]")
            .replace(":-webkit-any-link", "[href]")
            .replace(":link", "[href]")
            .replace(":LINK", "[href]"),
    )
}

fn parse_selector_list(text: &str) -> Vec<Selector<Simple>> {
    let rewritten = rewrite_selector(text);
    let text = rewritten.as_deref().unwrap_or(text);
    let mut parser = Parser::new(text);
    if let Ok(list) = SelectorList::parse(&SelectorParser, &mut parser, ParseRelative::No) {
        if parser.is_exhausted() {
            return list.slice().to_vec();
        }
    }
    // One unsupported selector (`:hover`, `::before`) invalidates the whole list for the
    // parser, but browsers support them: keep the selectors that parse on their own.
    let mut out = Vec::new();
    for part in split_top_level_commas(text) {
        let mut parser = Parser::new(part);
        if let Ok(list) = SelectorList::parse(&SelectorParser, &mut parser, ParseRelative::No) {
            out.extend(list.slice().iter().cloned());
        }
    }
    out
}

/// Whether a selector list names a focus pseudo-class (cheap text test).
fn names_focus(selectors: &str) -> bool {
    contains_ignore_case(selectors, ":focus")
}

/// ASCII case-insensitive substring test.
pub(crate) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Splits at commas outside brackets and parentheses (a selector list into selectors).
pub(crate) fn split_top_level_commas(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

impl<'i> QualifiedRuleParser<'i> for RuleCollector<'_> {
    /// The selectors, and the selector text.
    type Prelude = (Vec<Selector<Simple>>, &'i str, Range<usize>);
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<Self::Prelude, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let text = input.slice_from(start);
        let range = start.byte_index()..input.position().byte_index();
        Ok((parse_selector_list(text), text, range))
    }

    fn parse_block(
        &mut self,
        (prelude, selector_text, selector_range): Self::Prelude,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        let start = input.position();
        let focus = names_focus(selector_text);
        if prelude.is_empty() && !focus {
            return Ok(());
        }
        let conditional = !self.media.is_unconditional();
        let declarations = declarations_of(input);
        let body = input.slice_from(start);
        let focus_or_outline =
            focus || (!prelude.is_empty() && contains_ignore_case(body, "outline"));
        if focus_or_outline {
            self.raw_candidates.push(RawCandidate {
                selectors: selector_range,
                body: start.byte_index()..input.position().byte_index(),
                media: self.media.clone(),
            });
        }
        // Rules under media with nothing the engine computes are kept all the same: where
        // they apply only on the zoomed screen, what they match may be styled differently
        // there (see `Cascade::for_rules`).
        if prelude.is_empty() || (declarations.is_empty() && !conditional) {
            return Ok(());
        }
        let declares_overflow = conditional
            && contains_ignore_case(body, "overflow")
            && raw_declarations(body)
                .iter()
                .any(|(name, _)| name.starts_with("overflow"));
        // Rules for none of the styled screens matter only for rotation (orientation lock).
        if !self.media.matches_any(&Device::STYLED)
            && !declarations
                .iter()
                .any(|d| matches!(d.property, PropertyId::Transform | PropertyId::Rotate))
        {
            return Ok(());
        }
        let declarations: Arc<[Declaration]> = declarations.into();
        for selector in prelude {
            self.rules.push(StyleRule {
                specificity: selector.specificity(),
                selector,
                declarations: declarations.clone(),
                media: self.media.clone(),
                declares_overflow,
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
/// A rule body parser that reads declarations only (no nested rules or at-rules): the
/// trait plumbing both declaration parsers share.
macro_rules! declarations_only {
    ($parser:ty) => {
        impl<'i> AtRuleParser<'i> for $parser {
            type Prelude = ();
            type AtRule = ();
            type Error = ();
        }
        impl<'i> QualifiedRuleParser<'i> for $parser {
            type Prelude = ();
            type QualifiedRule = ();
            type Error = ();
        }
        impl<'i> RuleBodyItemParser<'i, (), ()> for $parser {
            fn parse_declarations(&self) -> bool {
                true
            }
            fn parse_qualified(&self) -> bool {
                false
            }
        }
    };
}

struct DeclarationsOnly {
    out: Vec<Declaration>,
}

impl<'i> DeclarationParser<'i> for DeclarationsOnly {
    type Declaration = ();
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _: &ParserState,
    ) -> Result<(), ParseError<()>> {
        let custom = name.starts_with("--");
        let longhand = if custom {
            Some(PropertyId::Custom)
        } else {
            PropertyId::from_name(&name)
        };
        let shorthand = if longhand.is_none() {
            Shorthand::from_name(&name)
        } else {
            None
        };
        let (text, important) = value_text(input);
        if let Some(property) = longhand {
            if let Some(parsed) = parse_longhand(property, text) {
                let name: Arc<str> = if custom { (&*name).into() } else { "".into() };
                self.out.push(Declaration {
                    property,
                    value: text.to_string(),
                    important,
                    name,
                    parsed,
                });
            }
        } else if let Some(sh) = shorthand {
            if let Some(parts) = parse_shorthand(sh, text) {
                for (property, parsed) in parts {
                    self.out.push(Declaration {
                        property,
                        value: text.to_string(),
                        important,
                        name: "".into(),
                        parsed,
                    });
                }
            }
        }
        Ok(())
    }
}

/// A declaration's value as written, trimmed, without `!important`; and whether it had it.
fn value_text<'i>(input: &mut Parser<'i>) -> (&'i str, bool) {
    let start = input.position();
    let mut important = false;
    let end;
    loop {
        let before = input.state();
        match input.next_including_whitespace() {
            Err(_) => {
                // Blocks of function tokens are consumed by the next call, so the value
                // ends where the input does.
                end = input.position();
                break;
            }
            Ok(Token::Delim('!')) => {
                if input
                    .try_parse(|i| i.expect_ident_matching("important"))
                    .is_ok()
                {
                    important = true;
                    end = before.position();
                    while input.next().is_ok() {}
                    break;
                }
            }
            Ok(_) => {}
        }
    }
    (input.slice(start..end).trim(), important)
}

/// Every declaration of a block as (property, value) text, both lower-cased, the value
/// trimmed and without `!important`, whether or not the cascade models the property: for
/// rules that read properties kept as text (`outline`) or ask which properties a `style`
/// attribute sets.
///
/// ```
/// # use frontdesk_core::style::raw_declarations;
/// let d = raw_declarations("OUTLINE: None !important; /* x; y */ content: 'a;b'; text-overflow:ellipsis");
/// assert_eq!(d, [("outline".into(), "none".into()), ("content".into(), "'a;b'".into()),
///                ("text-overflow".into(), "ellipsis".into())]);
/// ```
pub fn raw_declarations(css: &str) -> Vec<(String, String)> {
    raw_declarations_marked(css)
        .into_iter()
        .map(|(name, value, _)| (name, value))
        .collect()
}

/// [`raw_declarations`] with whether each is marked `!important`.
pub(crate) fn raw_declarations_marked(css: &str) -> Vec<(String, String, bool)> {
    struct Raw(Vec<(String, String, bool)>);
    impl<'i> DeclarationParser<'i> for Raw {
        type Declaration = ();
        type Error = ();
        fn parse_value(
            &mut self,
            name: CowRcStr<'i>,
            input: &mut Parser<'i>,
            _: &ParserState,
        ) -> Result<(), ParseError<()>> {
            let (text, important) = value_text(input);
            let text = without_comments(text);
            self.0.push((
                name.to_ascii_lowercase(),
                text.trim().to_ascii_lowercase(),
                important,
            ));
            Ok(())
        }
    }
    declarations_only!(Raw);
    let mut parser = Parser::new(css);
    let mut raw = Raw(Vec::new());
    for _ in RuleBodyParser::new(&mut parser, &mut raw) {}
    raw.0
}

/// A value's source text without its comments (the tokenizer skips them when parsing, but
/// they stay in the source slice). Comment markers inside strings are text.
fn without_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("/*") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut quote = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c == '\\' => {
                out.push(c);
                if let Some((_, escaped)) = chars.next() {
                    out.push(escaped);
                }
                continue;
            }
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if text[i..].starts_with("/*") => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(text.len(), |e| i + 2 + e + 2);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                out.push(' ');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

declarations_only!(DeclarationsOnly);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_declarations_read_comments_and_strings_as_css_does() {
        let d = raw_declarations(
            "outline:/*a;b*/0 /* c */; content: \"/* kept */\" ; text-overflow: 'x\\'y' ; x-y:1",
        );
        let want: Vec<(String, String)> = [
            ("outline", "0"),
            ("content", "\"/* kept */\""),
            ("text-overflow", "'x\\'y'"),
            ("x-y", "1"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(d, want);
    }

    #[test]
    fn keeps_known_properties_and_importance() {
        let d =
            parse_declarations("color: red; display: none !important; foo: bar; visibility:hidden");
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.property, d.value.as_str(), d.important))
            .collect();
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
    fn function_values_are_kept_whole() {
        let d = parse_declarations(
            "color: rgba(0, 0, 0, .3); transform: rotate(90deg) !important; width: min(10px, 2vw)",
        );
        let got: Vec<_> = d.iter().map(|d| (d.value.as_str(), d.important)).collect();
        assert_eq!(
            got,
            vec![
                ("rgba(0, 0, 0, .3)", false),
                ("rotate(90deg)", true),
                ("min(10px, 2vw)", false)
            ]
        );
    }

    #[test]
    fn unsupported_selectors_only_drop_themselves() {
        let s = StyleSheet::parse(".btn:hover, .btn, a:link, p::before { color: red }");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn orientation_rules_kept_only_for_rotation() {
        let s = StyleSheet::parse(
            "@media (orientation: portrait) { html { transform: rotate(90deg) } p { color: red } }",
        );
        assert_eq!(s.len(), 1);
        let media = &s.rules[0].media;
        assert!(media.matches(&Device::reference().portrait()));
        assert!(!media.matches_any(&Device::STYLED));
    }

    #[test]
    fn imports_are_recorded_with_their_media() {
        let s = StyleSheet::parse("@import url('a.css'); @import \"b.css\" print; @import url(c.css) screen and (orientation: portrait);");
        let got: Vec<_> = s.imports.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(got, vec!["a.css", "c.css"]);
        assert!(s.imports[0].media.is_unconditional());
        let c = &s.imports[1].media;
        assert!(c.matches(&Device::reference().portrait()));
        assert!(!c.matches_any(&Device::STYLED));
    }

    #[test]
    fn garbage_never_panics() {
        for css in [
            "}}}{{{",
            "@media {",
            "a{display:",
            "\u{0}\u{1}!important;;",
            "@media screen { @media print { a { display:none } }",
        ] {
            let _ = StyleSheet::parse(css);
            let _ = parse_declarations(css);
        }
    }
}
