//! Property tests (proptest): accessible-name invariants over generated markup, and `audit`
//! over generated tag soup. Case counts are kept modest so `cargo test` stays fast; raise
//! them with `PROPTEST_CASES=10000 cargo test -p frontdesk-core --test properties`.

use frontdesk_core::model::collapse_whitespace;
use frontdesk_core::{audit, Options};
use proptest::prelude::*;

/// Never produced by the visible vocabulary below (lower case and digits only), so finding
/// it in a name means hidden content leaked in.
const SECRET: &str = "SECRETTOKEN";

fn cases() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        ..ProptestConfig::default()
    }
}

/// Runs of ASCII whitespace as authors write them (spaces, tabs, newlines, none).
fn space() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", " ", "  ", "\t", "\n", " \n\t ", "\r\n", "\u{c}"])
        .prop_map(str::to_string)
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "pay", "bins", "tax", "report", "a", "council", "2024", "x",
    ])
    .prop_map(str::to_string)
}

/// The ways to hide content from the accessibility tree, with how each is spelt in markup.
/// The class-based ones go through the author style sheet in [`page`].
fn hidden_open() -> impl Strategy<Value = (String, &'static str)> {
    // No `<p>`: its start tag would close an open `<p>` and restructure the tree.
    let tag = prop::sample::select(vec!["span", "div", "b", "em", "strong"]);
    let how = prop::sample::select(vec![
        " hidden",
        " hidden=\"hidden\"",
        " style=\"display:none\"",
        " style=\"display: none !important\"",
        " aria-hidden=\"true\"",
        " aria-hidden=\"TRUE\"",
        " style=\"visibility:hidden\"",
        " style=\"visibility: collapse\"",
        " class=\"gone\"",
        " class=\"invisible\"",
    ]);
    (tag, how).prop_map(|(tag, how)| (format!("<{tag}{how}>"), tag))
}

/// Content inside a hidden wrapper: the secret, nested inline markup (which never sets its
/// own visibility, so nothing inside can become visible again), images with the secret as
/// alternative text.
fn hidden_content() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(SECRET.to_string()),
        Just(format!("<img src=\"s.png\" alt=\"{SECRET}\">")),
        (space(), space()).prop_map(|(a, b)| format!("{a}{SECRET}{b}")),
        word(),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        (
            prop::sample::select(vec!["span", "b", "em", "i", "code"]),
            prop::collection::vec(inner, 1..4),
        )
            .prop_map(|(tag, kids)| format!("<{tag}>{}</{tag}>", kids.concat()))
    })
}

/// Visible content: words, whitespace, nested inline elements and hidden wrappers (with the
/// secret inside them).
fn visible_content() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        3 => (space(), word(), space()).prop_map(|(a, w, b)| format!("{a}{w}{b}")),
        2 => (hidden_open(), hidden_content())
            .prop_map(|((open, tag), inner)| format!("{open}{inner}</{tag}>")),
        1 => word().prop_map(|w| format!("<img src=\"i.png\" alt=\"{w}\">")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            (
                prop::sample::select(vec!["span", "b", "em", "strong", "code", "small"]),
                prop::collection::vec(inner.clone(), 1..4),
            )
                .prop_map(|(tag, kids)| format!("<{tag}>{}</{tag}>", kids.concat())),
            (hidden_open(), prop::collection::vec(inner, 1..3)).prop_map(
                // Visible-looking content inside a hidden wrapper is hidden too; the secret
                // marks it.
                |((open, tag), kids)| format!("{open}{SECRET} {}</{tag}>", kids.concat())
            ),
        ]
    })
}

/// A control whose name comes from its content.
fn control() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("<a id=\"target\" href=\"/pay\">", "</a>"),
        ("<button id=\"target\" type=\"button\">", "</button>"),
        (
            "<div id=\"target\" role=\"button\" tabindex=\"0\">",
            "</div>",
        ),
        (
            "<span id=\"target\" role=\"link\" tabindex=\"0\">",
            "</span>",
        ),
    ])
}

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>T</title>\
         <style>.gone {{ display: none }} .invisible {{ visibility: hidden }}</style>\
         </head><body><main><div>{body}</div></main></body></html>"
    )
}

/// Every word of the name comes from the visible vocabulary (lower case and digits).
fn only_visible_vocabulary(name: &str) -> bool {
    name.split(' ').all(|w| {
        w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    })
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn hidden_content_never_reaches_a_name(
        (open, close) in control(),
        before in visible_content(),
        inside in prop::collection::vec(visible_content(), 1..4),
        after in visible_content(),
    ) {
        let html = page(&format!("{before}{open}{}{close}{after}", inside.concat()));
        let doc = frontdesk_core::parse_document(&html);
        let target = doc.element_by_id("target").expect("the control is in the page");
        let name = target.accessible_name();
        prop_assert!(!name.contains(SECRET), "name {name:?} leaks hidden content\n{html}");
        prop_assert!(only_visible_vocabulary(name), "name {name:?}\n{html}");
        // Whitespace-collapsed and trimmed.
        prop_assert_eq!(name.to_string(), collapse_whitespace(name), "{}", html);
    }

    #[test]
    fn visible_words_reach_the_name(
        (open, close) in control(),
        words in prop::collection::vec((space(), word(), space()), 1..6),
        hidden in prop::collection::vec((hidden_open(), hidden_content()), 0..3),
    ) {
        // Visible words interleaved with hidden wrappers: the name is exactly the visible
        // words (inline elements join text as written, so whitespace is kept between them).
        let mut body = String::new();
        let mut expected = String::new();
        for (i, (a, w, b)) in words.iter().enumerate() {
            body.push_str(&format!(" {a}{w}{b} "));
            expected.push_str(&format!(" {w} "));
            if let Some(((open, tag), inner)) = hidden.get(i) {
                body.push_str(&format!("{open}{inner}</{tag}>"));
            }
        }
        let html = page(&format!("{open}{body}{close}"));
        let doc = frontdesk_core::parse_document(&html);
        let name = doc.element_by_id("target").unwrap().accessible_name();
        prop_assert_eq!(name.to_string(), collapse_whitespace(&expected), "{}", html);
    }

    #[test]
    fn names_are_collapsed_and_trimmed(
        label in prop::collection::vec((space(), word(), space()), 0..5),
        how in 0..4usize,
    ) {
        let text: String = label.iter().map(|(a, w, b)| format!("{a}{w}{b}")).collect();
        let html = match how {
            0 => format!("<a id=target href=/x aria-label=\"{text}\">x</a>"),
            1 => format!("<button id=target title=\"{text}\"></button>"),
            2 => format!("<a id=target href=/x><img src=i.png alt=\"{text}\"></a>"),
            _ => format!("<span id=l>{text}</span><button id=target aria-labelledby=l>x</button>"),
        };
        let doc = frontdesk_core::parse_document(&page(&html));
        let name = doc.element_by_id("target").unwrap().accessible_name();
        prop_assert_eq!(name.to_string(), collapse_whitespace(name), "{}", html);
        prop_assert!(!name.starts_with(' ') && !name.ends_with(' '));
    }

    #[test]
    fn audit_never_panics_on_tag_soup(
        tokens in prop::collection::vec(soup_token(), 0..60),
    ) {
        let html = tokens.concat();
        let report = audit(&html, "https://soup.example/", &Options::default().with_passed(true));
        prop_assert_eq!(report.url.as_str(), "https://soup.example/");
        for finding in &report.findings {
            prop_assert!(!finding.rule.is_empty());
        }
    }
}

/// Fragments of HTML, well-formed or not, that reach the engine's corners: forms, tables,
/// ARIA references, foreign content, styles, broken tags and character references.
fn soup_token() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "<a href=/x>",
            "</a>",
            "<a>",
            "<button>",
            "</button>",
            "<img src=x>",
            "<img alt=\"\">",
            "<input>",
            "<input type=image>",
            "<input type=hidden>",
            "<label>",
            "</label>",
            "<label for=i>",
            "<select><option>",
            "<textarea>",
            "<table>",
            "<tr>",
            "<td>",
            "<th scope=col>",
            "</table>",
            "<caption>",
            "<ul>",
            "<li>",
            "</ul>",
            "<ol role=list>",
            "<dl><dt><dd>",
            "<div>",
            "</div>",
            "<span>",
            "</span>",
            "<p>",
            "</p>",
            "<h1>",
            "<h2>",
            "</h1>",
            "<svg>",
            "</svg>",
            "<svg role=img><title>t</title>",
            "<math>",
            "<foreignObject>",
            "<iframe>",
            "<iframe title=\"\">",
            "<video>",
            "<audio controls>",
            "<object>",
            "<html>",
            "<html lang=xx-invalid>",
            "<html lang=\"\">",
            "<head>",
            "<body>",
            "<title>",
            "</title>",
            "<meta name=viewport content=\"user-scalable=no\">",
            "<meta http-equiv=refresh content=0>",
            "<base href=\"http://[::1\">",
            "<style>",
            "</style>",
            "<script>",
            "</script>",
            "<template>",
            "<noscript>",
            "<!--",
            "-->",
            "<!doctype html>",
            "<![CDATA[",
            "]]>",
            "<?x?>",
            "<",
            ">",
            "</",
            "&",
            "&amp;",
            "&#0;",
            "&#x10FFFF;",
            "&nbsp;",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "\u{0}",
            "\u{feff}",
            "\u{202e}",
            "text",
            "Pay",
            "\u{1F5D1}",
        ])
        .prop_map(str::to_string),
        attribute().prop_map(|a| format!("<span {a}>")),
        attribute().prop_map(|a| format!("<div tabindex=0 {a}>")),
        "[a-z<>/=\"' &;#]{0,12}",
    ]
}

fn attribute() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "id",
            "role",
            "aria-labelledby",
            "aria-describedby",
            "aria-label",
            "aria-hidden",
            "aria-owns",
            "aria-controls",
            "hidden",
            "style",
            "tabindex",
            "lang",
            "dir",
            "headers",
            "for",
            "class",
            "title",
            "aria-level",
            "aria-checked",
        ]),
        prop::sample::select(vec![
            "a",
            "a b",
            "a a",
            "",
            "none",
            "presentation",
            "button",
            "link",
            "heading",
            "img",
            "true",
            "false",
            "-1",
            "99999999999999999999",
            "display:none",
            "visibility:hidden",
            "color:#fff;background:#fff",
            "en",
            "x-\u{e9}",
            "rtl",
            "menuitem",
            "tab tablist",
            "b c a",
        ]),
    )
        .prop_map(|(name, value)| format!("{name}=\"{value}\" id=\"{value}\""))
}
