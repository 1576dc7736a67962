use super::*;
use crate::html::tree::{Html, Selector};

fn style_of(html: &str, css: &str, selector: &str) -> ComputedStyle {
    style_on(Device::reference(), html, css, selector)
}

fn style_on(device: Device, html: &str, css: &str, selector: &str) -> ComputedStyle {
    let doc = Html::parse_document(html);
    let mut cascade = Cascade::new(vec![StyleSheet::parse(css)], &device);
    let target = doc
        .select(&Selector::parse(selector).unwrap())
        .next()
        .unwrap();
    // Walk from the root so inheritance is real.
    let mut chain: Vec<ElementRef> = target.ancestors().filter_map(ElementRef::wrap).collect();
    chain.reverse();
    chain.push(target);
    let mut style: Option<ComputedStyle> = None;
    for el in chain {
        style = Some(cascade.compute(el, style.as_ref(), &UaStyle::display(Display::Block)));
    }
    style.unwrap()
}

#[test]
fn specificity_importance_and_inline() {
    let html = r#"<div id="a" class="b" style="display:block"><p class="c">x</p></div>"#;
    assert_eq!(
        style_of(html, "#a{display:none}", "#a").display,
        Display::Block
    );
    assert_eq!(
        style_of(html, "#a{display:none!important}", "#a").display,
        Display::None
    );
    assert_eq!(
        style_of(html, ".c{display:inline} p{display:none}", "p").display,
        Display::Inline
    );
    assert_eq!(
        style_of(html, "p{display:none} p{display:inline}", "p").display,
        Display::Inline
    );
    assert_eq!(
        style_of(html, "p{display:bogus}", "p").display,
        Display::Block
    );
}

#[test]
fn visibility_inherits_and_can_be_overridden() {
    let html = r#"<div class="h"><p>a</p><span class="v">b</span></div>"#;
    let css = ".h{visibility:hidden} .v{visibility:visible}";
    assert_eq!(style_of(html, css, "p").visibility, Visibility::Hidden);
    assert_eq!(style_of(html, css, "span").visibility, Visibility::Visible);
    assert_eq!(
        style_of(html, ".h{visibility:hidden} p{visibility:inherit}", "p").visibility,
        Visibility::Hidden
    );
}

fn ua() -> UaStyle {
    UaStyle::display(Display::Block)
}

#[test]
fn font_sizes_resolve_em_rem_percent_and_keywords() {
    let html = r#"<html><body><div class="a"><p class="b"><span class="c">x</span></p></div></body></html>"#;
    let css = "html { font-size: 20px } .a { font-size: 1.5em } .b { font-size: 50% } .c { font-size: 2rem }";
    assert_eq!(style_of(html, css, "div").font_size, 30.0);
    assert_eq!(style_of(html, css, "p").font_size, 15.0);
    assert_eq!(style_of(html, css, "span").font_size, 40.0);
    assert_eq!(
        style_of(
            html,
            ".a { font-size: x-large } .b { font-size: smaller }",
            "div"
        )
        .font_size,
        24.0
    );
    assert_eq!(
        style_of(html, ".a { font-size: 12pt }", "span").font_size,
        16.0
    );
    assert_eq!(
        style_of(html, ".a { font-size: calc(1em + 4px) }", "div").font_size,
        20.0
    );
    assert_eq!(
        style_of(
            html,
            ".a { font-size: 20px } .b { font-size: inherit }",
            "p"
        )
        .font_size,
        20.0
    );
    assert_eq!(
        style_of(
            html,
            ".a { font-size: 20px } .b { font-size: initial }",
            "p"
        )
        .font_size,
        16.0
    );
    // Invalid values are dropped: the earlier declaration stays.
    assert_eq!(
        style_of(html, ".a { font-size: 20px } .a { font-size: -3px }", "div").font_size,
        20.0
    );
}

#[test]
fn inheritance_of_text_properties_and_not_of_boxes() {
    let html = r#"<div class="a"><p>x</p></div>"#;
    let css = ".a { color: #333; background: #eee; letter-spacing: 0.1em; font-size: 20px; opacity: .5; font-weight: bold; line-height: 1.5 }";
    let p = style_of(html, css, "p");
    assert_eq!(p.color, Rgba::rgb(0x33, 0x33, 0x33));
    assert_eq!(p.background_color, Rgba::TRANSPARENT);
    assert_eq!(p.letter_spacing, 2.0); // computed on the div (0.1 × 20px), inherited as px
    assert_eq!(p.opacity, 1.0);
    assert_eq!(p.font_weight, 700);
    assert_eq!(p.line_height, LineHeight::Number(1.5));
    let p = style_of(
        html,
        ".a { line-height: 150%; font-size: 10px } p { font-size: 20px }",
        "p",
    );
    assert_eq!(p.line_height, LineHeight::Px(15.0)); // percentages compute on the div
    let p = style_of(html, ".a { color: red } p { color: unset }", "p");
    assert_eq!(p.color, Rgba::rgb(255, 0, 0));
    let p = style_of(
        html,
        ".a { background-color: red } p { background-color: inherit }",
        "p",
    );
    assert_eq!(p.background_color, Rgba::rgb(255, 0, 0));
    let p = style_of(
        html,
        ".a { font-weight: 400 } p { font-weight: bolder }",
        "p",
    );
    assert_eq!(p.font_weight, 700);
}

#[test]
fn colours_currentcolor_and_custom_properties() {
    let html = r#"<div class="a"><p>x</p></div>"#;
    let p = style_of(
        html,
        ".a { color: #0000ee } p { background-color: currentcolor }",
        "p",
    );
    assert_eq!(p.background_color, Rgba::rgb(0, 0, 0xee));
    let css = ":root { --ink: #222; --paper: hsl(0 0% 100%) } .a { --ink: rgb(90 90 90 / 80%) } p { color: var(--ink); background: var(--paper) }";
    let p = style_of(html, css, "p");
    assert_eq!(
        p.color,
        Rgba {
            r: 90,
            g: 90,
            b: 90,
            a: 204
        }
    );
    assert_eq!(p.background_color, Rgba::WHITE);
    let p = style_of(html, "p { color: var(--missing, #123456) }", "p");
    assert_eq!(p.color, Rgba::rgb(0x12, 0x34, 0x56));
    // Invalid at computed-value time: `color` inherits.
    let p = style_of(html, ".a { color: red } p { color: var(--missing) }", "p");
    assert_eq!(p.color, Rgba::rgb(255, 0, 0));
    let p = style_of(html, "p { color: color-mix(in srgb, red, blue) }", "p");
    assert!(!p.color_known());
}

#[test]
fn important_inline_spacing_is_tracked() {
    let html = r#"<p style="letter-spacing: 0.1em !important; word-spacing: inherit !important; line-height: initial !important">x</p>"#;
    let p = style_of(html, "", "p");
    assert!(p.is_important_inline(PropertyId::LetterSpacing));
    assert!(!p.is_important_inline(PropertyId::WordSpacing));
    assert!(p.is_important_inline(PropertyId::LineHeight));
    assert_eq!(p.line_height, LineHeight::Normal);
    let p = style_of(
        r#"<p style="letter-spacing: 0.15em">x</p>"#,
        "p { letter-spacing: 0.1em !important }",
        "p",
    );
    assert!(!p.is_important_inline(PropertyId::LetterSpacing));
    assert!((p.letter_spacing - 1.6).abs() < 1e-4);
}

#[test]
fn visually_hidden_patterns() {
    let html = r#"<p class="a">x</p>"#;
    assert!(style_of(html, ".a { position: absolute; left: -9999px }", "p").is_off_screen());
    assert!(style_of(html, ".a { position: absolute; top: -999em }", "p").is_off_screen());
    assert!(!style_of(html, ".a { left: -9999px }", "p").is_off_screen());
    assert!(style_of(html, ".a { text-indent: -9999px }", "p").is_off_screen());
    let sr_only = ".a { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0) }";
    assert!(style_of(html, sr_only, "p").is_clipped());
    assert!(style_of(html, ".a { clip-path: inset(50%) }", "p").is_clipped());
    assert!(!style_of(html, ".a { overflow: hidden; width: 100px }", "p").is_clipped());
}

#[test]
fn orientation_media_queries_give_both_rotations() {
    let html = r#"<body><main>x</main></body>"#;
    let css = "body { transform: rotate(2.5deg) } @media (orientation: landscape) { body { transform: rotate(92.5deg) } }";
    let body = style_of(html, css, "body");
    assert!(body.has_orientation_rotation());
    assert_eq!((body.rotation, body.portrait_rotation), (92.5, 2.5));
    let body = style_of(html, "body { transform: rotate(90deg) }", "body");
    assert!(!body.has_orientation_rotation());
    assert_eq!((body.rotation, body.portrait_rotation), (90.0, 90.0));
}

#[test]
fn each_device_gets_its_media_rules_and_viewport_units() {
    let html = r#"<p>x</p>"#;
    // A rule for screens up to 700px: not the 1280px reference screen; the 640px zoomed and
    // the 320px narrow ones. 10vw is a tenth of each viewport's width.
    let css = "p { font-size: 20px } @media (max-width: 700px) { p { font-size: 10vw } }";
    let size = |device| style_on(device, html, css, "p").font_size;
    assert_eq!(size(Device::reference()), 20.0);
    assert_eq!(size(Device::reference().zoomed(2.0)), 64.0);
    assert_eq!(size(Device::narrow()), 32.0);
    // On the reference screen the style may differ at 200%: the rule for wide screens
    // matched, as did the viewport unit.
    let wide = "@media (min-width: 1000px) { p { display: none } }";
    assert!(style_of(html, wide, "p").may_differ_zoomed());
    assert!(!style_of(html, "p { display: none }", "p").may_differ_zoomed());
    assert!(style_of(html, "p { width: 50vw }", "p").may_differ_zoomed());
    let zoomed = style_on(Device::reference().zoomed(2.0), html, wide, "p");
    assert_eq!(zoomed.display, Display::Block);
}

#[test]
fn focus_rules_are_the_focus_and_outline_rules_for_the_device() {
    let css = "a:focus { outline: none } @media (max-width: 700px) { .menu { overflow: hidden } } \
               .x { outline-offset: 2px } @media print { a:focus { color: red } }";
    let focus = Cascade::new(vec![StyleSheet::parse(css)], &Device::reference()).take_focus_rules();
    let places: Vec<FocusPlace> = (0..focus.selector_count())
        .map(|i| focus.selector_place(i))
        .collect();
    assert_eq!(places, [FocusPlace::Subject, FocusPlace::None]);
}

#[test]
fn rules_only_for_the_zoomed_screen_flag_what_they_match() {
    let html = r#"<nav class="menu"><p class="plain">x</p></nav>"#;
    // 700px and less: the 640px zoomed screen, not the 1280px reference one.
    let css = "@media (max-width: 700px) { .menu { overflow: hidden } .plain { overflow-wrap: anywhere } } \
               @media (max-width: 700px) { p { text-decoration: underline } }";
    let menu = style_of(html, css, ".menu");
    assert!(menu.may_differ_zoomed() && menu.has_zoomed_overflow_rule());
    assert_eq!(menu.overflow_x, Overflow::Visible);
    // `overflow-wrap` is an `overflow-*` property, though the cascade does not compute it.
    let p = style_of(html, css, "p");
    assert!(p.may_differ_zoomed() && p.has_zoomed_overflow_rule());
    // A rule with no property the engine computes still restyles on the zoomed screen.
    let css = "@media (max-width: 700px) { p { text-decoration: underline } }";
    let p = style_of(html, css, "p");
    assert!(p.may_differ_zoomed() && !p.has_zoomed_overflow_rule());
    // On the zoomed screen the rule applies to the screen itself.
    let zoomed = style_on(Device::reference().zoomed(2.0), html, css, "p");
    assert!(!zoomed.may_differ_zoomed());
}

#[test]
fn text_overflow_is_computed() {
    let html = r#"<div class="a b"><p>x</p></div>"#;
    assert!(!style_of(html, "", "div").marks_text_overflow());
    assert!(style_of(html, ".a { text-overflow: ellipsis }", "div").marks_text_overflow());
    assert!(style_of(html, ".a { text-overflow: 'ab' clip }", "div").marks_text_overflow());
    // The more specific rule wins, and the property does not inherit.
    let css = ".a.b { text-overflow: clip } .a { text-overflow: ellipsis }";
    assert!(!style_of(html, css, "div").marks_text_overflow());
    assert!(!style_of(html, ".a { text-overflow: ellipsis }", "p").marks_text_overflow());
    assert!(style_of(
        html,
        ".a { text-overflow: ellipsis } p { text-overflow: inherit }",
        "p"
    )
    .marks_text_overflow());
}

#[test]
fn ua_defaults_lose_to_author_styles_and_revert_restores_them() {
    let doc = Html::parse_document(r#"<a href="/">x</a>"#);
    let a = doc.select(&Selector::parse("a").unwrap()).next().unwrap();
    let link = UaStyle {
        color: Some(Rgba::rgb(0, 0, 0xee)),
        ..UaStyle::display(Display::Inline)
    };
    let mut plain = Cascade::new(vec![], &Device::reference());
    assert_eq!(plain.compute(a, None, &link).color, Rgba::rgb(0, 0, 0xee));
    let mut author = Cascade::new(
        vec![StyleSheet::parse("a { color: #333 }")],
        &Device::reference(),
    );
    assert_eq!(
        author.compute(a, None, &link).color,
        Rgba::rgb(0x33, 0x33, 0x33)
    );
    let mut revert = Cascade::new(
        vec![StyleSheet::parse("a { color: #333 } a { color: revert }")],
        &Device::reference(),
    );
    assert_eq!(revert.compute(a, None, &link).color, Rgba::rgb(0, 0, 0xee));
}

/// Every element's style with and without rule bucketing, over a page with ids, classes,
/// tags, attribute and structural selectors, combinators and media queries.
#[test]
fn bucketing_matches_unbucketed_matching() {
    let html = r#"<html><body class="home"><header id="top" class="banner dark"><nav><a href="/" class="Nav-link">Home</a>
        <a class="nav-link active" href="/bins">Bins</a></nav></header><main><h1 id="title">Bins</h1>
        <p class="lead note">Collections <em>move</em> to <strong class="x y">Tuesday</strong>.</p>
        <ul><li>One</li><li class="odd">Two</li><li>Three</li></ul><svg><circle class="dot"/></svg>
        <input type="text" disabled><button class="btn primary">Go</button></main></body></html>"#;
    let css = "* { letter-spacing: 0 } body.home p { color: #333 } #top .nav-link { color: #fff; background: #036 }
        a[href='/'] { font-weight: 700 } .lead.note > em { color: #777 } li:nth-child(2n+1) { color: red }
        ul li + li { font-size: 1.2em } header#top { background: black } .dark a:not(.active) { opacity: .8 }
        h1, .btn.primary { font-size: 2rem } @media (min-width: 1000px) { .btn { color: white; background: #0050a0 } }
        :root main :is(em, strong) { text-decoration: underline; color: #444 } circle.dot { opacity: .5 }
        input:not([type=checkbox]) { background-color: #eee } .x.y { color: green } .NAV-LINK { color: pink }";
    let doc = Html::parse_document(html);
    let mut bucketed = Cascade::new(vec![StyleSheet::parse(css)], &Device::reference());
    let mut plain =
        Cascade::new(vec![StyleSheet::parse(css)], &Device::reference()).without_bucketing();
    let mut styles: Vec<(crate::html::tree::NodeId, ComputedStyle, ComputedStyle)> = Vec::new();
    let mut compared = 0;
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let parent = node.parent().and_then(|p| {
            styles
                .iter()
                .find(|(id, _, _)| *id == p.id())
                .map(|(_, a, b)| (*a, *b))
        });
        let a = bucketed.compute(el, parent.as_ref().map(|p| &p.0), &ua());
        let b = plain.compute(el, parent.as_ref().map(|p| &p.1), &ua());
        assert_eq!(a, b, "<{}>", el.value().name());
        styles.push((node.id(), a, b));
        compared += 1;
    }
    assert!(compared >= 15, "{compared}");
    // And the rules did apply.
    let strong = styles
        .iter()
        .find(|(id, _, _)| {
            doc.tree
                .get(*id)
                .unwrap()
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "strong")
        })
        .unwrap();
    assert_eq!(strong.1.color, Rgba::rgb(0, 128, 0));
}

#[test]
fn text_shadow_halos_and_drop_shadows() {
    let halo = |css: &str| {
        let s = style_of("<p>Hi</p>", &format!("p {{ text-shadow: {css} }}"), "p");
        (s.text_halo(), s.has_text_shadow())
    };
    let white = Some(Rgba::WHITE);
    // Blurred at least as far as offset: a halo of that colour.
    assert_eq!(halo("0 0 3px white"), (white, false));
    assert_eq!(halo("white 0 0 3px"), (white, false));
    assert_eq!(
        halo("#fff 2px 2px 4px, #fff -2px 2px 4px, #fff 2px -2px 4px, #fff -2px -2px 4px"),
        (white, false)
    );
    assert_eq!(halo("0 0 .2em #fff"), (white, false));
    // Hard or far-offset drop shadows, mixed colours, junk: cannot be resolved.
    assert_eq!(halo("1px 1px 0 #000"), (None, true));
    assert_eq!(halo("1px 1px #000"), (None, true));
    assert_eq!(halo("4px 4px 2px #000"), (None, true));
    assert_eq!(halo("0 0 2px red, 0 0 2px blue"), (None, true));
    assert_eq!(halo("0 0 3px white bogus"), (None, true));
    // In the text's own colour a shadow only thickens the letters; none is none.
    assert_eq!(halo("0 0 3px"), (None, false));
    assert_eq!(halo("0 0 3px currentcolor"), (None, false));
    assert_eq!(halo("none"), (None, false));
    // Inherited, and reset by a child's `none`.
    let child = style_of(
        "<div><p>Hi</p></div>",
        "div { text-shadow: 0 0 3px white } ",
        "p",
    );
    assert_eq!(child.text_halo(), white);
    let reset = style_of(
        "<div><p>Hi</p></div>",
        "div { text-shadow: 0 0 3px white } p { text-shadow: none }",
        "p",
    );
    assert_eq!((reset.text_halo(), reset.has_text_shadow()), (None, false));
}

#[test]
fn text_outlines_from_strokes_and_four_sided_shadows() {
    let outline = |css: &str| {
        let s = style_of("<p>Hi</p>", &format!("p {{ color: #ccc; {css} }}"), "p");
        (s.text_outline(), s.has_text_shadow())
    };
    let black = Some(Rgba::BLACK);
    // -webkit-text-stroke, shorthand in either order, longhands, keyword widths.
    assert_eq!(outline("-webkit-text-stroke: 1px #000"), (black, false));
    assert_eq!(outline("-webkit-text-stroke: black thin"), (black, false));
    assert_eq!(
        outline("-webkit-text-stroke-width: .1em; -webkit-text-stroke-color: #000"),
        (black, false)
    );
    // No width, a transparent or currentcolor stroke, or the text's own colour: no outline.
    assert_eq!(outline("-webkit-text-stroke-color: #000"), (None, false));
    assert_eq!(
        outline("-webkit-text-stroke: 1px transparent"),
        (None, false)
    );
    assert_eq!(outline("-webkit-text-stroke: 1px"), (None, false));
    assert_eq!(outline("-webkit-text-stroke: 1px #ccc"), (None, false));
    // Hard shadows of one colour on all four sides (diagonal or straight) are an outline.
    assert_eq!(
        outline("text-shadow: -1px -1px 0 #000, 1px -1px 0 #000, -1px 1px 0 #000, 1px 1px 0 #000"),
        (black, false)
    );
    assert_eq!(
        outline("text-shadow: -1px 0 #000, 1px 0 #000, 0 -1px #000, 0 1px #000"),
        (black, false)
    );
    // One side only, too far, or two colours: cannot be resolved.
    assert_eq!(
        outline("text-shadow: 1px 1px 0 #000, -1px 1px 0 #000"),
        (None, true)
    );
    assert_eq!(
        outline("text-shadow: -4px 0 #000, 4px 0 #000, 0 -4px #000, 0 4px #000"),
        (None, true)
    );
    assert_eq!(
        outline("text-shadow: -1px 0 #000, 1px 0 red, 0 -1px #000, 0 1px #000"),
        (None, true)
    );
    // A wide glow is no halo.
    let glow = style_of("<p>Hi</p>", "p { text-shadow: 0 0 16px #000 }", "p");
    assert_eq!((glow.text_halo(), glow.has_text_shadow()), (None, true));
    // The stroke is inherited.
    let child = style_of(
        "<div><p>Hi</p></div>",
        "div { -webkit-text-stroke: 1px #000 } p { color: #ccc }",
        "p",
    );
    assert_eq!(child.text_outline(), black);
}

#[test]
fn text_decoration_keeps_whether_a_line_is_drawn() {
    let html = r#"<p class="a">x</p>"#;
    let decorated = |css: &str| style_of(html, css, "p").is_text_decorated();
    assert!(decorated(".a { text-decoration: underline }"));
    assert!(decorated(
        ".a { text-decoration: dotted underline #0b0c0c 2px }"
    ));
    assert!(decorated(
        ".a { text-decoration-line: overline line-through }"
    ));
    assert!(!decorated(".a { text-decoration: none }"));
    assert!(!decorated(
        ".a { text-decoration: underline } .a { text-decoration: none }"
    ));
    // Browsers do not blink, and do not inherit the property.
    assert!(!decorated(".a { text-decoration: blink }"));
    assert!(!style_of(
        r#"<p class="a"><span>x</span></p>"#,
        ".a { text-decoration: underline }",
        "span"
    )
    .is_text_decorated());
}

#[test]
fn bottom_borders_come_from_the_border_shorthands_and_border_style() {
    let html = r#"<p class="a">x</p>"#;
    let border = |css: &str| style_of(html, css, "p").has_bottom_border();
    assert!(border(".a { border-bottom: 1px solid #1d70b8 }"));
    assert!(border(".a { border: dotted 2px }"));
    assert!(border(".a { border-style: none none solid }"));
    assert!(border(".a { border-style: solid none }"));
    assert!(border(".a { border-bottom-style: dashed }"));
    assert!(!border(".a { border-style: none solid }"));
    assert!(!border(".a { border-style: solid solid none solid }"));
    assert!(!border(".a { border: 0 }"));
    assert!(!border(".a { border-bottom: 0 solid red }"));
    assert!(!border(
        ".a { border-bottom: 1px solid } .a { border: none }"
    ));
    assert!(!border(""));
}

#[test]
fn a_border_shorthand_without_a_style_removes_the_bottom_border() {
    let html = r#"<p class="a">x</p>"#;
    assert!(!style_of(
        html,
        ".a { border-bottom: 1px solid } .a { border: 0 }",
        "p"
    )
    .has_bottom_border());
}

#[test]
fn box_shadow_keeps_whether_there_is_one() {
    let html = r#"<p class="a">x</p>"#;
    assert!(style_of(html, ".a { box-shadow: inset 0 -2px 0 currentColor }", "p").has_box_shadow());
    assert!(!style_of(
        html,
        ".a { box-shadow: 0 0 1px red } .a { box-shadow: none }",
        "p"
    )
    .has_box_shadow());
    assert!(!style_of(html, "", "p").has_box_shadow());
}
