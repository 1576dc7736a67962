use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::{Child, El};
use crate::rules::Level;
use crate::style::{BackgroundImage, Display};

declare_rule! {
    /// ## What it does
    /// Checks that a link inside a block of text (a sentence with other words beside the
    /// link, not a menu of links, and not in a navigation landmark such as a breadcrumb,
    /// where the place tells links apart) can be told from the text around it without
    /// seeing colour.
    /// The link passes when something other than colour sets it apart: an underline (or
    /// another text decoration, browsers underline links by default), a bottom border, a
    /// bold weight or a larger size that the text around it does not have, or a background
    /// of its own. Otherwise it relies on colour alone: it fails when its colour has less than
    /// 3:1 contrast with the colour of the text around it (or has the same colour), and is
    /// "can't tell" when the contrast is at least 3:1, since the engine cannot see whether
    /// hovering or focusing the link adds a non-colour cue, as technique G183 also needs. An
    /// icon, an image or italics inside the link, or a background image or box shadow on it
    /// (often a drawn underline), are cues the engine does not judge: also "can't tell".
    ///
    /// ## Why it matters
    /// About one man in twelve does not see some colours. When the only difference between
    /// "you can apply online" and its link is a slightly different shade, people with colour
    /// blindness, low vision, or on a washed-out phone screen do not know there is a link.
    ///
    /// ## Example
    /// ```html
    /// <style>a { color: #4c4c4c; text-decoration: none } p { color: #0b0c0c }</style>
    /// <p>You can <a href="/apply">apply online</a> for a parking permit.</p>   <!-- fails -->
    /// <style>a { color: #1d70b8; text-decoration: underline }</style>
    /// <p>You can <a href="/apply">apply online</a> for a parking permit.</p>   <!-- passes -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 1.4.1 Use of Color (A); failure technique F73 "creating links that are not
    /// visually evident without color vision"; technique G183 "using a contrast ratio of 3:1
    /// with surrounding text and providing additional visual cues on hover and focus".
    pub struct LinkInTextDistinguishable {
        id: "link-in-text-distinguishable",
        title: "Link in a block of text can be told apart without colour",
        wcag: ["1.4.1"],
        level: Some(Level::A),
        act: [],
        impact: Serious,
        codes: ["non-colour-cue", "cue-not-judged", "colour-unknown", "colour-contrast-3-1", "colour-only", "not-distinguished"],
    }
}

const PASSED: &str = "Something other than colour (an underline, border, weight, size or background) sets the link apart from the text around it.";
const NOT_JUDGED: &str = "The link has an icon, an image, italics, a background image or a box shadow that may set it apart from the text around it: check that it does without colour.";
const COLOUR_UNKNOWN: &str = "Nothing but colour sets the link apart from the text around it, and the engine cannot work out the colours (or the link's text, or the text around it, has several): check that the link stands out without colour (an underline is the usual way).";

const NOT_DISTINGUISHED: &str = "Nothing sets the link apart from the text around it, not even its colour: people cannot see that it is a link. Underline it.";

/// The cantTell message for a link whose colour contrasts at least 3:1 with the text.
fn contrast_enough(ratio: f64) -> String {
    format!("Only colour sets the link apart from the text around it, with a contrast of {ratio:.2}:1 between the two (at least 3:1): check that hovering and focusing the link add a cue other than colour (such as an underline), or underline it always.")
}

/// The failed message, with the contrast between the link's colour and the text's.
fn colour_only(ratio: f64) -> String {
    format!("Only colour sets the link apart from the text around it, and the two colours have a contrast of {ratio:.2}:1, less than 3:1: people who do not see the colour difference cannot find the link. Underline it.")
}

impl Rule for LinkInTextDistinguishable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        // In navigation (menus, breadcrumbs) the place tells links from text. The outermost
        // navigation landmarks, as ranges of document order, answer it for every link
        // without walking each link's ancestors.
        let mut navigation: Vec<El<'d>> = Vec::new();
        for nav in doc.elements_with_roles(&["navigation"]) {
            if !navigation.last().is_some_and(|outer| nav.is_descendant_of(outer)) {
                navigation.push(nav);
            }
        }
        let in_navigation = |link: &El| {
            let before = navigation.partition_point(|nav| nav.index() < link.index());
            before > 0 && link.is_descendant_of(&navigation[before - 1])
        };
        // Links of one block share the answer (a menu of many links would otherwise be
        // walked once per link).
        let mut has_words = std::collections::HashMap::new();
        doc.elements_with_roles(&["link"])
            .filter(|e| e.is_html())
            .filter(|e| e.is_visible() && e.is_in_accessibility_tree())
            .filter(|e| e.style().display == Display::Inline)
            .filter(|e| !in_navigation(e))
            .filter(|e| {
                e.element_ref()
                    .text()
                    .any(|t| t.chars().any(char::is_alphanumeric))
            })
            .filter(|e| {
                text_block(e).is_some_and(|b| {
                    *has_words
                        .entry(b.index())
                        .or_insert_with(|| has_words_outside_links(&b))
                })
            })
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let link = target.element;
        let Some(block) = text_block(&link) else {
            return Expectation::cant_tell("colour-unknown", COLOUR_UNKNOWN);
        };
        if has_non_colour_cue(&link, &block) {
            return Expectation::passed("non-colour-cue", PASSED);
        }
        if has_unjudged_cue(&link, &block) {
            return Expectation::cant_tell("cue-not-judged", NOT_JUDGED);
        }
        let Some(text_style) = surrounding_text_style(&block) else {
            return Expectation::cant_tell("colour-unknown", COLOUR_UNKNOWN);
        };
        let known = |s: &crate::style::ComputedStyle| s.color_known() && s.color.is_opaque();
        // The colour the link's text is drawn in: one colour for all of its visible text.
        let mut parts = std::iter::once(link)
            .chain(link.descendants())
            .filter(|e| e.has_text_child() && e.is_visible())
            .map(|e| e.style());
        let Some(link_style) = parts.next() else {
            return Expectation::cant_tell("colour-unknown", COLOUR_UNKNOWN);
        };
        let one_colour = parts.all(|s| known(s) && s.color == link_style.color);
        if !one_colour || !known(link_style) || !known(text_style) {
            return Expectation::cant_tell("colour-unknown", COLOUR_UNKNOWN);
        }
        let ratio = link_style.color.contrast(text_style.color);
        // Compared as WCAG figures are, rounded down to two decimals.
        let shown = (ratio * 100.0).floor() / 100.0;
        // Keys in sorted order: the JSON is the same whether or not serde_json keeps
        // insertion order (a feature another crate of the build may turn on).
        let data = serde_json::json!({
            "link": link_style.color.to_string(),
            "ratio": shown,
            "required": 3.0,
            "text": text_style.color.to_string(),
        });
        if link_style.color == text_style.color {
            Expectation::failed("not-distinguished", NOT_DISTINGUISHED).with_data(data)
        } else if shown >= 3.0 {
            Expectation::cant_tell("colour-contrast-3-1", contrast_enough(shown)).with_data(data)
        } else {
            Expectation::failed("colour-only", colour_only(shown)).with_data(data)
        }
    }
}

/// The block the link's line of text belongs to: its nearest ancestor laid out as a block.
fn text_block<'d>(link: &El<'d>) -> Option<El<'d>> {
    link.ancestors().find(|a| a.style().display == Display::Block)
}

/// Whether the block has words of its own on the link's lines: letters in text outside
/// links, not inside nested blocks (a menu item holding only its link has none).
fn has_words_outside_links(block: &El) -> bool {
    fn letters(el: &El, count: &mut usize) {
        for child in el.child_nodes() {
            match child {
                Child::Text(t) => *count += t.chars().filter(|c| c.is_alphabetic()).count(),
                Child::Element(e) => {
                    let skipped = e.role() == Some("link")
                        || e.is_not_rendered()
                        || e.style().display != Display::Inline
                        || !e.is_html();
                    if !skipped {
                        letters(&e, count);
                    }
                }
            }
            if *count >= 2 {
                return;
            }
        }
    }
    let mut count = 0;
    letters(block, &mut count);
    count >= 2
}

/// The style of the words around the links of the block (the block's own, or of the inline
/// elements outside links that hold them), when they are all drawn in one colour.
fn surrounding_text_style<'d>(block: &El<'d>) -> Option<&'d crate::style::ComputedStyle> {
    fn walk<'d>(el: &El<'d>, out: &mut Vec<&'d crate::style::ComputedStyle>) {
        for child in el.child_nodes() {
            match child {
                Child::Text(t) if t.chars().any(char::is_alphabetic) => out.push(el.style()),
                Child::Text(_) => {}
                Child::Element(e) => {
                    let inline = e.is_html()
                        && e.role() != Some("link")
                        && !e.is_not_rendered()
                        && e.style().display == Display::Inline;
                    if inline {
                        walk(&e, out);
                    }
                }
            }
        }
    }
    let mut styles = Vec::new();
    walk(block, &mut styles);
    let first = *styles.first()?;
    styles
        .iter()
        .all(|s| s.color == first.color && s.color_known())
        .then_some(first)
}

/// The inline elements from the link up to (not including) the block.
fn between<'d>(link: &El<'d>, block: &El<'d>) -> Vec<El<'d>> {
    let mut out = vec![*link];
    out.extend(link.ancestors().take_while(|a| a != block));
    out
}

/// An underline or border, a bolder or larger font, or a background of its own on the link
/// (or inside it) that the text around it does not have.
fn has_non_colour_cue(link: &El, block: &El) -> bool {
    let text = block.style();
    // Lines drawn by the block or above it go under the surrounding text too.
    let text_decorated =
        text.is_text_decorated() || block.ancestors().any(|a| a.style().is_text_decorated());
    let inside: Vec<El> = link.descendants().filter(|d| d.is_html()).collect();
    let marks = |e: &El| {
        let s = e.style();
        (s.is_text_decorated() && !text_decorated) || s.has_bottom_border()
    };
    if between(link, block).iter().any(marks) || inside.iter().filter(|d| !d.is_not_rendered()).any(marks) {
        return true;
    }
    let own = link.style();
    let bold = |w: u16| w >= 600;
    if bold(own.font_weight) != bold(text.font_weight) {
        return true;
    }
    if own.font_size >= text.font_size * 1.2 {
        return true;
    }
    let background = own.background_color;
    background.alpha() > 0.0 && background != text.background_color && own.background_known()
}

/// Cues the engine does not judge: an image or icon in the link, italics (elements that
/// browsers show in italics), or a background image or box shadow (often a drawn underline).
fn has_unjudged_cue(link: &El, block: &El) -> bool {
    const ITALIC: &[&str] = &["em", "i", "cite", "var", "dfn"];
    let italic = |e: &El| e.is_html() && ITALIC.contains(&e.name());
    link.style().background_image != BackgroundImage::None
        || link.style().has_box_shadow()
        || between(link, block).iter().any(italic)
        || link.descendants().any(|d| {
            !d.is_not_rendered()
                && (italic(&d)
                    || d.is_svg()
                    || (d.is_html() && matches!(d.name(), "img" | "picture" | "svg" | "i"))
                    || d.style().is_icon_font())
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    #[test]
    fn links_anywhere_inside_a_navigation_landmark_are_left_out() {
        // Inside the outer landmark after a nested one has closed, and inside a
        // role=navigation div: not checked. After the landmarks: checked, and browsers
        // underline links by default.
        let findings = crate::rules::testing::findings(
            "link-in-text-distinguishable",
            r#"<nav><nav><a href="/a">Home</a></nav><p>Read our <a href="/b">terms</a> first.</p></nav>
            <p>Read our <a id="x" href="/c">privacy notice</a> first.</p>
            <div role="navigation"><p>Or <a href="/d">call us</a> today.</p></div>"#,
        );
        let checked: Vec<_> = findings.iter().map(|f| (f.selector.as_str(), f.outcome)).collect();
        assert_eq!(checked, [("#x", Outcome::Passed)]);
    }
}
