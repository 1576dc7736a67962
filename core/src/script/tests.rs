//! The script stage through the document model: what a page looks like after its scripts.

use crate::model::Document;

fn page(body: &str) -> Document {
    crate::parse_document(&format!(
        "<!doctype html><html lang=en><head><title>T</title></head><body>{body}</body></html>"
    ))
}

fn texts(doc: &Document, id: &str) -> String {
    let el = doc.element_by_id(id).expect("element");
    el.descendants()
        .filter(|d| d.has_text_content())
        .map(|d| d.name().to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn a_shadow_root_filled_by_innerhtml_renders_under_its_host() {
    let doc = page(
        r#"<p id="p" style="color: #ccc"></p>
        <script>
            const shadowRoot = document.getElementById('p').attachShadow({ mode: 'open' })
            shadowRoot.innerHTML = '<span style="color: #333;">Some text</span>'
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(doc.scripts_settled());
    let span = doc
        .elements()
        .find(|e| e.name() == "span")
        .expect("shadow span");
    assert_eq!(
        span.parent().map(|p| p.name().to_string()).as_deref(),
        Some("p")
    );
    assert_ne!(span.scope(), 0);
    assert_eq!(span.style().color.to_string(), "#333333");
    assert_eq!(texts(&doc, "p"), "span");
}

#[test]
fn a_style_sheet_in_a_shadow_tree_counts_as_the_pages_style_sheet() {
    let doc = page(
        r#"<p id="p"></p>
        <script>
            const shadowRoot = document.getElementById('p').attachShadow({ mode: 'open' })
            const sheet = document.createElement('style')
            sheet.textContent = 'span { width: 10px }'
            shadowRoot.appendChild(sheet)
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(doc
        .elements()
        .any(|e| e.name() == "style" && e.scope() != 0));
    assert!(doc.has_style_sheets());
    // The document alone, without the script, has none.
    assert!(!page(r#"<p id="p"></p>"#).has_style_sheets());
}

#[test]
fn text_content_on_a_shadow_root_is_the_hosts_text() {
    let doc = page(
        r#"<div id="p" role="button"></div><script>
        document.getElementById('p').attachShadow({ mode: 'open' }).textContent = 'Some text'
        </script>"#,
    );
    let p = doc.element_by_id("p").unwrap();
    assert!(p.has_text_content());
    assert_eq!(p.accessible_name(), "Some text");
}

#[test]
fn ids_in_a_shadow_tree_are_not_the_documents() {
    let doc = page(
        r#"<div role="list" aria-owns="item1"></div><div id="host"><span id="light">l</span></div>
        <script>
        const root = document.querySelector('#host').attachShadow({ mode: 'open' })
        root.innerHTML = `<div id="item1" role="listitem">One</div><slot></slot>`
        </script>"#,
    );
    assert!(doc.element_by_id("item1").is_none());
    let item = doc
        .elements()
        .find(|e| e.role() == Some("listitem"))
        .unwrap();
    assert_eq!(doc.element_by_id_in(item.scope(), "item1"), Some(item));
    // The host's child goes into the slot, and stays in the document's scope.
    let light = doc
        .element_by_id("light")
        .expect("slotted child is rendered");
    assert_eq!(light.parent().unwrap().name(), "slot");
    assert_eq!(light.scope(), 0);
}

#[test]
fn host_children_without_a_slot_are_not_rendered() {
    let doc = page(
        r#"<div id="host"><span id="light">l</span></div>
        <script>document.getElementById('host').attachShadow({mode: 'open'}).innerHTML = '<b>shadow</b>'</script>"#,
    );
    assert!(doc.element_by_id("light").is_none());
    assert!(doc.elements().any(|e| e.name() == "b"));
}

#[test]
fn the_documents_style_sheets_do_not_reach_into_shadow_trees() {
    let doc = page(
        r#"<style>span { color: #ff0000 } p { color: #00ff00 }</style><p id="p"></p>
        <script>document.getElementById('p').attachShadow({mode: 'open'}).innerHTML = '<span>x</span>'</script>"#,
    );
    let span = doc.elements().find(|e| e.name() == "span").unwrap();
    // Inherited from the host, not matched by the document's `span` rule.
    assert_eq!(span.style().color.to_string(), "#00ff00");
}

#[test]
fn template_contents_appended_to_a_shadow_root() {
    let doc = crate::parse_document(
        r#"<html><body><template id="t"><title>In the shadow</title></template>
        <script>
            const host = document.querySelector("body");
            const shadow = host.attachShadow({ mode: "open" });
            const template = document.getElementById("t");
            shadow.appendChild(template.content);
        </script></body></html>"#,
    );
    assert!(doc.scripts_fully_run());
    // The title is rendered in the body's shadow tree, but it is not the document's title.
    assert!(doc.elements().any(|e| e.name() == "title"));
    assert_eq!(doc.title(), None);
}

#[test]
fn a_script_sees_only_what_the_parser_has_reached() {
    let doc = page(
        r#"<script>document.getElementById('later').setAttribute('tabindex', '0')</script>
        <div id="later">x</div>"#,
    );
    // In a browser getElementById returns null here and the script throws.
    assert!(!doc.scripts_fully_run());
    assert!(!doc.element_by_id("later").unwrap().is_focusable());
}

#[test]
fn attributes_and_classes_set_by_scripts() {
    let doc = page(
        r#"<div id="a" class="x">a</div><iframe id="f" title="f"></iframe>
        <script>
            document.getElementById('a').setAttribute('tabindex', '0')
            document.getElementById('a').classList.add('y')
            document.getElementById('a').classList.toggle('x')
            f.tabIndex = -1
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    let a = doc.element_by_id("a").unwrap();
    assert!(a.is_tabbable());
    assert_eq!(a.attr("class"), Some("y"));
    assert!(!doc.element_by_id("f").unwrap().is_tabbable());
}

#[test]
fn load_handlers_run_after_the_scripts() {
    let doc = page(
        r#"<div id="a">a</div>
        <script>
            function focusable(id) { document.getElementById(id).setAttribute('tabindex', '0') }
            window.addEventListener('DOMContentLoaded', () => focusable('a'))
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(doc.element_by_id("a").unwrap().is_tabbable());
}

#[test]
fn focus_handlers_are_probed_for_where_they_send_focus() {
    let doc = page(
        r#"<input id="first"><a href="/x" id="sentinel">s</a><a href="/x" id="other">o</a>
        <script>
            document.getElementById('sentinel').addEventListener('focus', () => {
                document.getElementById('first').focus()
            })
            document.getElementById('other').addEventListener('focus', (e) => {
                e.target.classList.add('focused')
            })
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(
        !doc.scripts_settled(),
        "listeners may change the page later"
    );
    let sentinel = doc.element_by_id("sentinel").unwrap();
    let to = sentinel.focus_listeners_move_to().expect("followed");
    assert_eq!(to.len(), 1);
    assert_eq!(to[0].attr("id"), Some("first"));
    // A handler that changes the page is not followed.
    assert!(doc
        .element_by_id("other")
        .unwrap()
        .focus_listeners_move_to()
        .is_none());
    assert!(doc
        .element_by_id("first")
        .unwrap()
        .focus_listeners_move_to()
        .is_none());
}

#[test]
fn scripts_outside_the_subset_are_not_run() {
    for script in [
        "if (a) { document.getElementById('p').attachShadow({mode: 'open'}) }",
        "document.getElementById('p').attachShadow({mode: 'open'}).innerHTML = '<b>' + x + '</b>'",
        "for (;;) {}",
        "function f() { f() } f()",
        "document.getElementById('missing').attachShadow({mode: 'open'})",
        "document.getElementById('p').attachShadow({mode: 'open'}).innerHTML = '<style>b{}</style>'",
        "document.getElementById('p').style.color = 'red'",
        "undeclared = 1",
    ] {
        let doc = page(&format!(r#"<p id="p"></p><script>{script}</script>"#));
        assert!(!doc.scripts_fully_run(), "{script}");
    }
}

#[test]
fn external_scripts_and_data_blocks() {
    let doc = page(r#"<script src="/app.js"></script>"#);
    assert!(!doc.scripts_fully_run());
    let doc =
        page(r#"<script type="application/ld+json">{"@type": "GovernmentOrganization"}</script>"#);
    assert!(doc.scripts_fully_run());
    let doc = page(r#"<p>x</p>"#);
    assert!(doc.scripts_fully_run() && doc.scripts_settled());
}

#[test]
fn a_modal_dialog_makes_the_rest_of_the_page_inert() {
    let doc = page(
        r#"<iframe id="frame" title="Links" srcdoc="<a href='/'>Home</a>"></iframe>
        <dialog id="dialog"><button id="inside">Close</button></dialog>
        <script>
            const open = () => {
                dialog.showModal()
                frame.tabIndex = '-1'
            }
            window.addEventListener('DOMContentLoaded', open)
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    let frame = doc.element_by_id("frame").unwrap();
    assert!(frame.is_inert());
    assert_eq!(frame.attr("tabindex"), Some("-1"));
    let inside = doc.element_by_id("inside").unwrap();
    assert!(!inside.is_inert());
    assert!(inside.is_tabbable(), "the open dialog's button");
    assert!(!doc.element_by_id("dialog").unwrap().is_inert());
    // Without the script the dialog is closed and nothing is inert.
    let doc =
        page(r#"<iframe id="frame" title="x"></iframe><dialog id="d"><button>b</button></dialog>"#);
    assert!(!doc.element_by_id("frame").unwrap().is_inert());
}

#[test]
fn show_and_close_do_not_block_the_page() {
    let doc = page(
        r#"<a href="/x" id="a">a</a><dialog id="d"><button id="b">b</button></dialog>
        <script>d.showModal(); d.close(); d.show()</script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(!doc.element_by_id("a").unwrap().is_inert());
    assert_eq!(doc.element_by_id("d").unwrap().attr("open"), Some(""));
}

#[test]
fn functions_return_their_last_statements_value() {
    let doc = page(
        r#"<div id="a">a</div>
        <script>
            function target(x) { return document.getElementById(x) }
            const pick = (x) => target(x)
            pick('a').setAttribute('tabindex', '0')
        </script>"#,
    );
    assert!(doc.scripts_fully_run());
    assert!(doc.element_by_id("a").unwrap().is_tabbable());
    // An early return is a branch the interpreter does not follow.
    let doc = page(
        r#"<div id="a">a</div><script>
        function f() { return 1
            document.getElementById('a').setAttribute('tabindex', '0') }
        f()</script>"#,
    );
    assert!(!doc.scripts_fully_run());
    assert!(!doc.element_by_id("a").unwrap().is_tabbable());
}

#[test]
fn a_node_cannot_move_into_its_own_shadow_tree() {
    let doc = page(
        r#"<div id="host"><p>x</p></div>
        <script>
            const root = document.getElementById('host').attachShadow({ mode: 'open' })
            root.appendChild(document.documentElement)
        </script>"#,
    );
    assert!(!doc.scripts_fully_run());
    assert!(doc.root().is_some_and(|r| r.name() == "html"));
}
