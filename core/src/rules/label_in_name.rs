use super::text::visible_text_content;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that a control named from its text but given a different name with
    /// `aria-label` or `aria-labelledby` still contains its visible label in that name:
    /// buttons, links, checkboxes, tabs, menu items and other widgets whose role takes its
    /// name from content. Both texts are compared case-insensitively, word by word, with
    /// punctuation ignored; the visible words must appear in the name in the same order.
    /// Visible text drawn with an icon font is non-text content and is not required in the
    /// name. So is a lone symbol ("×", "☰", "›", or the "X" that closes dialogs), as in
    /// ACT; a lone letter or digit is "can't tell" (it may be a real label).
    ///
    /// ## Why it matters
    /// Speech-input users say what they see: "click Search". If the button's accessible
    /// name is "Find postcode", the command does nothing.
    ///
    /// ## Example
    /// ```html
    /// <button aria-label="Search bin collection days">Search</button>  <!-- passes -->
    /// <a href="/pay" aria-label="Council tax">Pay online</a>            <!-- fails -->
    /// ```
    ///
    /// ## References
    /// WCAG 2.2 SC 2.5.3 Label in Name (A); ACT rule 2ee8b8 "Visible label is part of accessible name".
    pub struct LabelInName {
        id: "label-in-name",
        title: "Visible label is part of the accessible name",
        wcag: ["2.5.3"],
        level: Some(Level::A),
        act: ["2ee8b8"],
        impact: Serious,
        codes: ["label-in-name", "icon-font", "symbol", "single-character", "label-not-in-name"],
    }
}

/// Widget roles that take their name from content.
const NAME_FROM_CONTENT_WIDGETS: &[&str] = &[
    "button",
    "checkbox",
    "gridcell",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "switch",
    "tab",
    "treeitem",
];

const PASSED: &str = "The accessible name contains the visible label.";
const ICON: &str = "The visible text is drawn with an icon font (non-text content), so it need not be in the accessible name.";
const SINGLE: &str = "The visible text is a single character, which may be an icon rather than a label; check that the name matches what people see.";
const SYMBOL: &str = "The visible text is a single symbol (non-text content, like an \"X\" for close), so it need not be in the accessible name; its name must still describe its purpose (WCAG 1.1.1).";

fn words(text: &str) -> Vec<String> {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn contains_sequence(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

fn is_target(el: &El) -> bool {
    el.is_html()
        && el
            .role()
            .is_some_and(|r| NAME_FROM_CONTENT_WIDGETS.contains(&r))
        && (el.is_visible() || el.is_in_accessibility_tree())
        && (el.non_empty_attr("aria-label").is_some()
            || el.non_empty_attr("aria-labelledby").is_some())
        && !visible_text_content(el).is_empty()
}

impl Rule for LabelInName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_with_attrs(&["aria-label", "aria-labelledby"])
            .filter(is_target)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        let visible = visible_text_content(&el);
        let name = el.accessible_name();
        if contains_sequence(&words(name), &words(&visible)) {
            return Expectation::passed("label-in-name", PASSED);
        }
        if el.style().is_icon_font()
            || el
                .descendants()
                .any(|d| d.style().is_icon_font() && d.has_text_content())
        {
            return Expectation::passed("icon-font", ICON);
        }
        let mut glyphs = visible.chars().filter(|c| !c.is_whitespace());
        if let (Some(only), None) = (glyphs.next(), glyphs.next()) {
            // A lone symbol, or the "X" that conventionally closes, stands for its name; a
            // lone letter or digit may be a real label ("A" for a section), so it is left open.
            if !only.is_alphanumeric() || matches!(only, 'x' | 'X' | '×') {
                return Expectation::passed("symbol", SYMBOL);
            }
            return Expectation::cant_tell("single-character", SINGLE);
        }
        Expectation::failed("label-not-in-name", format!(
            "The visible label \"{visible}\" is not part of the accessible name \"{name}\"; speech-input users who say what they see cannot activate it. Start the aria-label with the visible text."
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Outcome;

    fn outcome(body: &str) -> Option<Outcome> {
        let outcomes = crate::rules::testing::outcomes("label-in-name", body);
        assert!(outcomes.len() <= 1, "{outcomes:?}");
        outcomes.first().copied()
    }

    #[test]
    fn a_lone_symbol_stands_for_its_name_but_a_lone_letter_may_be_a_label() {
        for symbol in ["X", "×", "☰", "›", "+"] {
            let body = format!("<button aria-label='Close the dialog'>{symbol}</button>");
            assert_eq!(outcome(&body), Some(Outcome::Passed), "{symbol}");
        }
        let letter = "<button aria-label='Show section one'>A</button>";
        assert_eq!(outcome(letter), Some(Outcome::CantTell));
        let words = "<button aria-label='Find an address'>Search</button>";
        assert_eq!(outcome(words), Some(Outcome::Failed));
        let contained = "<button aria-label='Search the site'>Search</button>";
        assert_eq!(outcome(contained), Some(Outcome::Passed));
    }
}
