use super::*;

fn doc(html: &str) -> Document {
    crate::parse_document(html)
}

fn first<'d>(d: &'d Document, name: &str) -> El<'d> {
    d.elements()
        .find(|e| e.name() == name)
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn names_from_labels_content_and_attributes() {
    let d = doc(r#"<label for="pc">Postcode</label><input id="pc">
        <label>Email <input type="email" id="em"></label>
        <button>Pay <span aria-hidden="true">→</span> now</button>
        <a href="/x"><img src="a.png" alt="Home"></a>
        <span id="l1">Street</span><span id="l2">name</span><input aria-labelledby="l1 l2" id="st">
        <input type="submit" id="sub">"#);
    let by_id = |id: &str| d.element_by_id(id).unwrap().accessible_name().to_string();
    assert_eq!(by_id("pc"), "Postcode");
    assert_eq!(by_id("em"), "Email");
    assert_eq!(first(&d, "button").accessible_name(), "Pay now");
    assert_eq!(first(&d, "a").accessible_name(), "Home");
    assert_eq!(by_id("st"), "Street name");
    assert_eq!(by_id("sub"), "Submit");
}

#[test]
fn hidden_content_does_not_leak_into_names_unless_referenced() {
    let d = doc(r#"<style>.vh{display:none}</style>
        <a href="/" id="a">Bins<span class="vh"> secret</span><span hidden> more</span></a>
        <span id="h" hidden>Hidden label</span><button id="b" aria-labelledby="h"></button>"#);
    assert_eq!(d.element_by_id("a").unwrap().accessible_name(), "Bins");
    assert_eq!(
        d.element_by_id("b").unwrap().accessible_name(),
        "Hidden label"
    );
}

#[test]
fn roles_and_presentational_conflicts() {
    let d = doc(
        r#"<img id="i1" alt="" src=a><img id="i2" role="none" tabindex="0" src=b>
        <div role="foo button" id="d"></div><ul role="none"><li id="li">x</li></ul>
        <footer id="f"></footer><article><footer id="f2"></footer></article>"#,
    );
    let role = |id: &str| d.element_by_id(id).unwrap().role();
    assert_eq!(role("i1"), Some("presentation"));
    assert_eq!(role("i2"), Some("img"));
    assert_eq!(role("d"), Some("button"));
    assert_eq!(role("li"), Some("none"));
    assert_eq!(role("f"), Some("contentinfo"));
    assert_eq!(role("f2"), Some("generic"));
}

#[test]
fn visibility_focus_and_inert() {
    let d = doc(r#"<style>#s{visibility:hidden}</style>
        <a id="a1" href="/">x</a><a id="a2" href="/" tabindex="-1">y</a><span id="s"><a id="a3" href="/">z</a></span>
        <fieldset disabled><legend><input id="in1"></legend><input id="in2"></fieldset>
        <div inert><button id="b">b</button></div>"#);
    let e = |id: &str| d.element_by_id(id).unwrap();
    assert!(e("a1").is_tabbable());
    assert!(e("a2").is_focusable() && !e("a2").is_tabbable());
    assert!(!e("a3").is_focusable() && e("a3").is_invisible());
    assert!(e("in1").is_tabbable());
    assert!(e("in2").is_disabled() && !e("in2").is_focusable());
    assert!(!e("b").is_focusable());
}

#[test]
fn selectors_are_unique_and_snippets_short() {
    let d = doc(r#"<main id="m"><p>a</p><p>b <img src="x.png"></p></main>"#);
    let img = first(&d, "img");
    assert_eq!(img.unique_selector(), "#m > p:nth-child(2) > img");
    assert_eq!(img.snippet(), r#"<img src="x.png">"#);
    let matched = d
        .html()
        .select(&crate::html::tree::Selector::parse(&img.unique_selector()).unwrap())
        .count();
    assert_eq!(matched, 1);
}

#[test]
fn deep_nesting_is_bounded() {
    let html = "<div>".repeat(100_000) + "text";
    let d = doc(&html);
    let deepest = d.elements().last().unwrap();
    assert!(deepest.ancestors().count() < MAX_DEPTH + 2);
    assert_eq!(d.root().unwrap().accessible_name(), "");
}

#[test]
fn header_cells_with_an_empty_corner_head_columns() {
    let d = doc(
        r#"<table><tr><td></td><th id="c">Task</th></tr><tr><th id="r">General</th><td>2</td></tr></table>"#,
    );
    assert_eq!(d.element_by_id("c").unwrap().role(), Some("columnheader"));
    assert_eq!(d.element_by_id("r").unwrap().role(), Some("rowheader"));
}

#[test]
fn indexes_list_elements_in_document_order() {
    let d = crate::parse_document(
        r##"<main><p id=a lang=en>One <span style="color:red">two</span></p>
           <custom-el id=b data-x=1><a href="/x" aria-label="X">x</a></custom-el>
           <div role="button" aria-pressed="false">B</div><button>C</button>
           <ul><li>i</li></ul><ol></ol>   <svg><a href="#y"><text>y</text></a></svg></main>"##,
    );
    let ids = |els: Vec<El>| -> Vec<String> { els.iter().map(|e| e.name().to_string()).collect() };
    // Several names, merged in document order (`ol` asked for before `ul`).
    assert_eq!(
        ids(d.elements_named(&["ol", "ul", "li"]).collect()),
        ["ul", "li", "ol"]
    );
    // A name outside the indexed set is found by a scan.
    assert_eq!(
        ids(d.elements_named(&["custom-el"]).collect()),
        ["custom-el"]
    );
    assert_eq!(ids(d.elements_with_attr("lang").collect()), ["p"]);
    assert_eq!(
        ids(d.elements_with_attrs(&["href", "id"]).collect()),
        ["p", "custom-el", "a", "a"]
    );
    // Not indexed: scanned.
    assert_eq!(ids(d.elements_with_attr("data-x").collect()), ["custom-el"]);
    // aria-* attributes come from the list of elements with any aria-* attribute.
    assert_eq!(ids(d.elements_with_attr("aria-pressed").collect()), ["div"]);
    assert_eq!(ids(d.elements_with_aria_attrs().collect()), ["a", "div"]);
    // Text children that are only whitespace do not count.
    assert_eq!(
        ids(d.elements_with_text().collect()),
        ["p", "span", "a", "div", "button", "li", "text"]
    );
    // Roles: exact, and with subclasses (`has_role`): both links, the SVG one too.
    assert_eq!(
        ids(d.elements_with_roles(&["button"]).collect()),
        ["div", "button"]
    );
    assert_eq!(ids(d.elements_with_role("link").collect()), ["a", "a"]);
    let every: Vec<_> = d.elements().filter(|e| e.has_role("link")).collect();
    assert_eq!(every, d.elements_with_role("link").collect::<Vec<_>>());
    assert_eq!(d.elements_named(&["table"]).count(), 0);
}

#[test]
fn style_indexes() {
    let d = crate::parse_document(
        r#"<style>@media (orientation: portrait) { .r { transform: rotate(90deg) } }</style>
           <div style="overflow:auto" id=a><p style="overflow-y:hidden" id=b>x</p></div>
           <p id=c>y</p><main class=r id=d>z</main>"#,
    );
    let ids = |els: Vec<El>| -> Vec<String> {
        els.iter()
            .map(|e| e.attr("id").unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(ids(d.elements_with_overflow().collect()), ["a", "b"]);
    let clipped: Vec<_> = d
        .elements()
        .filter(|e| e.is_in_hidden_overflow())
        .map(|e| e.name())
        .collect();
    // `b` clips (overflow-y: hidden); `a` scrolls, which is not clipping.
    assert_eq!(clipped, ["p"]);
    assert_eq!(ids(d.elements_rotated_by_orientation().collect()), ["d"]);
    let scan: Vec<_> = d
        .elements()
        .filter(|e| e.style().has_orientation_rotation())
        .collect();
    assert_eq!(
        scan,
        d.elements_rotated_by_orientation().collect::<Vec<_>>()
    );
    let d = crate::parse_document(
        r#"<a href=/x>x</a><a>no href</a><button>b</button><button disabled>d</button>
           <div tabindex=0>t</div><div tabindex=-1>n</div><input type=hidden><input>"#,
    );
    let tabbable: Vec<_> = d.tabbable_elements().map(|e| e.name()).collect();
    assert_eq!(tabbable, ["a", "button", "div", "input"]);
    let scan: Vec<_> = d.elements().filter(|e| e.is_tabbable()).collect();
    assert_eq!(scan, d.tabbable_elements().collect::<Vec<_>>());
}

#[test]
fn collapse_whitespace_joins_words_with_one_space() {
    // The definition: ASCII whitespace splits words (U+00A0 and other spaces do not).
    let reference = |s: &str| {
        s.split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for s in [
        "",
        "   ",
        "a",
        " Pay  council\ttax \r\n",
        "\u{a0}nbsp\u{a0} stays\u{2003}",
        "Tŷ  Hywel\n\nCaerdydd ",
        "x\u{c}y",
        "  ünï   cödé  ",
        // Already collapsed, and each way of nearly being so (the fast path's cases).
        "Pay council tax",
        "Pay  council tax",
        "Pay council\ttax",
        "Pay council tax\n",
        "\u{b}Pay council tax",
    ] {
        assert_eq!(super::collapse_whitespace(s), reference(s), "{s:?}");
        assert_eq!(
            super::collapse_whitespace_owned(s.to_string()),
            reference(s),
            "{s:?}"
        );
    }
    assert_eq!(super::collapse_whitespace(" a \n b "), "a b");
}

#[test]
fn text_content_presence_matches_the_built_text() {
    let doc = crate::parse_document(
        "<div id=a> <span> </span>\n</div><div id=b><span><i>x</i></span></div><p id=c>\u{a0}</p><p id=d><!-- c --></p><td id=e>  t </td>",
    );
    for el in doc.elements() {
        assert_eq!(
            el.has_text_content(),
            !el.text_content().trim().is_empty(),
            "{}",
            el.snippet()
        );
    }
}

#[test]
fn text_is_read_against_its_halo() {
    let colors = |html: &str| {
        let doc = crate::parse_document(html);
        let p = doc.elements().find(|e| e.name() == "p").unwrap();
        p.text_colors().clone()
    };
    // The halo, not the mid-grey background, is behind the letters.
    assert_eq!(
        colors(r#"<p style="color:#000; background:#737373; text-shadow: white 0 0 3px">Hi</p>"#),
        crate::model::TextColors::Known(
            vec![(crate::style::Rgba::BLACK, crate::style::Rgba::WHITE)].into()
        )
    );
    // An opaque halo hides a background image; a translucent one does not.
    assert!(matches!(
        colors(
            r#"<p style="color:#ccc; background:#000 url(a.png); text-shadow: 0 0 2px black">Hi</p>"#
        ),
        crate::model::TextColors::Known(_)
    ));
    assert!(matches!(
        colors(
            r#"<p style="color:#ccc; background:#000 url(a.png); text-shadow: 0 0 2px rgba(0,0,0,.5)">Hi</p>"#
        ),
        crate::model::TextColors::Unknown(_)
    ));
    // A hard drop shadow is still undecidable.
    assert!(matches!(
        colors(r#"<p style="color:#fff; background:#000; text-shadow: 2px 2px 0 red">Hi</p>"#),
        crate::model::TextColors::Unknown(_)
    ));
}

#[test]
fn the_shortcut_for_unstyled_elements_matches_the_general_path() {
    // Every element kind the UA styles, under inherited text styles (em sizes, indent,
    // weights, colours, nowrap) and at the root; author rules only for some elements.
    let html = r#"<html><body><div style="font-size:20px; text-indent:-9999px; color:#333; font-weight:300">
        <a href="/x">link</a><a>anchor</a><area href="/y"><h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4>
        <h5>e</h5><h6>f</h6><b>g</b><strong>h</strong><small>i</small><sub>j</sub><sup>k</sup>
        <big>l</big><mark>m</mark><button>n</button><select><option>o</option></select>
        <input type=submit><input><textarea>p</textarea><dialog open>q</dialog><pre>r</pre>
        <nobr>s</nobr><table bgcolor=#eee><tr><th nowrap>t</th><td>u</td></tr></table>
        <font color=red>v</font><p class="styled">w</p><span hidden>x</span><p>y<em>z</em></p>
        </div><p style="text-indent:0">plain</p></body></html>"#;
    let sheets = || vec![crate::style::StyleSheet::parse(".styled { color: blue }")];
    let doc = crate::parse_document(html);
    let mut fast = crate::style::Cascade::new(sheets(), &crate::style::Device::reference());
    let mut general = crate::style::Cascade::new(sheets(), &crate::style::Device::reference())
        .without_shortcuts();
    let mut styles: Vec<(
        crate::html::tree::NodeId,
        ComputedStyle,
        crate::style::ComputedStyle,
    )> = Vec::new();
    for el in doc.elements() {
        let element = el.element_ref();
        let parent = element.parent().and_then(|p| {
            styles
                .iter()
                .find(|(id, _, _)| *id == p.id())
                .map(|(_, a, b)| (*a, *b))
        });
        let ua = super::ua_style_for_tests(&el);
        let a = fast.compute(element, parent.as_ref().map(|p| &p.0), &ua);
        let b = general.compute(element, parent.as_ref().map(|p| &p.1), &ua);
        assert_eq!(a, b, "<{}>", el.name());
        styles.push((element.id(), a, b));
    }
    assert!(styles.len() >= 40, "{}", styles.len());
}

#[test]
fn styles_on_other_screens_are_computed_for_their_device() {
    let doc = crate::parse_document(
        r#"<style>@media (max-width: 700px) { nav { display: none } }</style><nav><p>x</p></nav>"#,
    );
    let p = doc.elements().find(|e| e.name() == "p").unwrap();
    let zoomed = crate::style::Device::reference().zoomed(2.0);
    // The reference screen is 1280px wide: the rule does not apply; at 200% (640px) it does.
    assert_eq!(p.style_on(&crate::style::Device::reference()), *p.style());
    assert_eq!(p.parent().unwrap().style().display, Display::Block);
    let nav = p.parent().unwrap();
    assert_eq!(nav.style_on(&zoomed).display, Display::None);
    assert_eq!(nav.zoomed_style(), nav.style_on(&zoomed));
    assert_eq!(
        nav.style_on(&crate::style::Device::narrow()).display,
        Display::None
    );
}
