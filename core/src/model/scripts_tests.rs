//! The script stage's signals, through the document model.

use crate::model::{Document, El};
use crate::script::signals::calls_attach_shadow;
use crate::script::{Place, Reason, ScriptEffect, Unfollowed};

fn page(body: &str) -> Document {
    crate::parse_document(&format!(
        "<!doctype html><html lang=en><head><title>T</title></head><body>{body}</body></html>"
    ))
}

fn by_id<'d>(doc: &'d Document, id: &str) -> El<'d> {
    doc.element_by_id(id).expect("element")
}

#[test]
fn a_page_without_scripts_is_fully_run() {
    let doc = page(r#"<a id="a" href="/">A</a>"#);
    assert_eq!(doc.scripts().unfollowed(), None);
    assert!(doc.scripts().fully_run());
    let a = by_id(&doc, "a");
    for effect in [
        ScriptEffect::Focus,
        ScriptEffect::Attributes,
        ScriptEffect::Elements,
        ScriptEffect::ShadowRoot,
    ] {
        assert_eq!(doc.scripts().may_change(effect, &a), None, "{effect:?}");
    }
}

#[test]
fn external_scripts_are_never_followed() {
    let doc = page(r#"<p id="p">Hi</p><script src="app.js"></script><script src="b.js"></script>"#);
    let scripts = doc.scripts();
    assert_eq!(scripts.external_count(), 2);
    assert_eq!(scripts.inline_count(), 0);
    let unfollowed = Unfollowed {
        inline: 0,
        external: 2,
        not_run: false,
    };
    assert_eq!(scripts.unfollowed(), Some(unfollowed));
    assert_eq!(
        scripts.may_change(ScriptEffect::Attributes, &by_id(&doc, "p")),
        Some(Reason::Unfollowed(unfollowed))
    );
    assert!(unfollowed.to_string().contains("<script src>"));
}

#[test]
fn data_blocks_and_template_scripts_are_not_scripts() {
    let doc = page(
        r#"<script type="application/ld+json">{"@type": "GovernmentOrganization"}</script>
        <template><script src="never.js"></script></template>"#,
    );
    assert_eq!(doc.scripts().inline_count(), 0);
    assert_eq!(doc.scripts().external_count(), 0);
    assert!(doc.scripts().fully_run());
}

#[test]
fn handler_attributes_are_listeners_the_engine_never_runs() {
    let doc = page(
        r#"<div id="d" onkeydown="trap(event)"><a id="a" href="/" onfocus="x()">A</a></div><a id="b" href="/" onclick="y()">B</a>"#,
    );
    let scripts = doc.scripts();
    let a = by_id(&doc, "a");
    let on_a = scripts.listeners_on(&a);
    assert_eq!(on_a.len(), 1);
    assert_eq!((on_a[0].event, on_a[0].attribute), ("focus", true));
    assert_eq!(
        scripts.may_change(ScriptEffect::Focus, &a),
        Some(Reason::HandlerAttribute {
            name: "onfocus".into(),
            place: Place::Element
        })
    );
    // A click handler neither moves focus on focus nor draws an indicator.
    assert_eq!(
        scripts.may_change(ScriptEffect::Focus, &by_id(&doc, "b")),
        None
    );
    // Handlers change nothing as the page loads.
    assert_eq!(scripts.may_change(ScriptEffect::Attributes, &a), None);
}

#[test]
fn a_keydown_handler_on_an_ancestor_may_move_focus() {
    let doc = page(r#"<div onkeydown="trap(event)"><a id="a" href="/">A</a></div>"#);
    assert_eq!(
        doc.scripts()
            .may_change(ScriptEffect::Focus, &by_id(&doc, "a")),
        Some(Reason::HandlerAttribute {
            name: "onkeydown".into(),
            place: Place::Ancestor
        })
    );
}

#[test]
fn custom_elements_may_get_shadow_roots_from_unfollowed_scripts() {
    let doc = page(
        r#"<div id="d"></div><my-banner id="m"></my-banner><ul id="u"></ul>
        <script src="components.js"></script>"#,
    );
    let scripts = doc.scripts();
    assert!(scripts
        .may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "m"))
        .is_some());
    // No sign that any script attaches a shadow root to a built-in element.
    assert_eq!(
        scripts.may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "d")),
        None
    );
    // `ul` is not a valid shadow host (DOM § 4.2.14).
    assert_eq!(
        scripts.may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "u")),
        None
    );
    // Without unfollowed scripts a custom element is what the source says.
    let doc = page(r#"<my-banner id="m"></my-banner>"#);
    assert_eq!(
        doc.scripts()
            .may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "m")),
        None
    );
}

#[test]
fn an_unfollowed_inline_attach_shadow_call_suspects_built_in_hosts() {
    // `+` is outside the interpreter's subset, so the script is not followed (and without
    // the page-scripts feature no script is).
    let doc = page(
        r#"<div id="d"></div><ul id="u"></ul>
        <script>var n = 1 + 1; document.getElementById('d').attachShadow({ mode: 'open' })</script>"#,
    );
    let scripts = doc.scripts();
    assert_eq!(scripts.inline_count(), 1);
    assert_eq!(scripts.unfollowed().map(|u| u.inline), Some(1));
    assert!(scripts
        .may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "d"))
        .is_some());
    assert_eq!(
        scripts.may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "u")),
        None
    );
    // The word in a comment is no call.
    let doc = page(r#"<div id="d"></div><script>var n = 1 + 1; // no attachShadow here</script>"#);
    assert_eq!(
        doc.scripts()
            .may_change(ScriptEffect::ShadowRoot, &by_id(&doc, "d")),
        None
    );
}

#[test]
fn attach_shadow_calls_are_found_by_identifier_not_by_substring() {
    assert!(calls_attach_shadow("host.attachShadow({mode: 'open'})"));
    assert!(calls_attach_shadow("host['attachShadow']({mode: 'open'})"));
    assert!(!calls_attach_shadow("/* attachShadow */ x.y()"));
    assert!(!calls_attach_shadow("log('we never attachShadow here')"));
    assert!(!calls_attach_shadow("myattachShadowHelper()"));
    // Cut or odd input is no panic.
    assert!(!calls_attach_shadow("'é\\"));
    assert!(!calls_attach_shadow("\"unterminated é"));
    assert!(!calls_attach_shadow("/* open"));
}

#[cfg(feature = "page-scripts")]
mod interpreted {
    use super::*;

    #[test]
    fn a_followed_script_records_what_it_changed() {
        let doc = page(
            r#"<div id="d"></div><p id="p"></p><p id="q"></p>
            <script>
                document.getElementById('d').setAttribute('tabindex', '0')
                const root = document.getElementById('p').attachShadow({ mode: 'open' })
                root.innerHTML = '<span>One</span><b>Two</b>'
            </script>"#,
        );
        let scripts = doc.scripts();
        assert!(scripts.fully_run());
        let d = by_id(&doc, "d");
        assert!(scripts.set_attributes_of(&d));
        assert!(!scripts.set_attributes_of(&by_id(&doc, "q")));
        assert_eq!(scripts.created_elements(), 2);
        let p = by_id(&doc, "p");
        assert!(scripts.attached_shadow_root(&p));
        // What the scripts did is in the model: nothing more may change.
        assert_eq!(scripts.may_change(ScriptEffect::Attributes, &d), None);
        assert_eq!(scripts.may_change(ScriptEffect::ShadowRoot, &p), None);
    }

    #[test]
    fn a_script_the_interpreter_stops_in_is_unfollowed() {
        let doc = page(
            r#"<p id="p">Hi</p><script>var total = 1 + 2</script><script src="a.js"></script>"#,
        );
        let unfollowed = doc.scripts().unfollowed().expect("unfollowed");
        assert_eq!((unfollowed.inline, unfollowed.external), (1, 1));
        assert!(!unfollowed.not_run);
        let text = unfollowed.to_string();
        assert!(
            text.contains("inline script the engine could not follow"),
            "{text}"
        );
        assert!(text.contains("external script"), "{text}");
    }

    #[test]
    fn listeners_scripts_add_are_recorded_by_element_and_event() {
        let doc = page(
            r#"<div id="menu"><a id="a" href="/">A</a></div><a id="b" href="/">B</a>
            <script>
                document.getElementById('menu').addEventListener('keydown', function (e) {})
                document.getElementById('b').addEventListener('click', function (e) {})
            </script>"#,
        );
        let scripts = doc.scripts();
        assert!(scripts.fully_run());
        let menu = scripts.listeners_on(&by_id(&doc, "menu"));
        assert_eq!(menu.len(), 1);
        assert_eq!(
            (menu[0].event, menu[0].attribute, menu[0].followed),
            ("keydown", false, false)
        );
        assert_eq!(
            scripts.may_change(ScriptEffect::Focus, &by_id(&doc, "a")),
            Some(Reason::Listener {
                event: "keydown".into(),
                place: Place::Ancestor
            })
        );
        assert_eq!(
            scripts.may_change(ScriptEffect::Focus, &by_id(&doc, "b")),
            None
        );
    }

    #[test]
    fn page_listeners_reach_every_element() {
        let doc = page(
            r#"<a id="a" href="/">A</a>
            <script>document.addEventListener('focusin', function (e) {})</script>"#,
        );
        assert_eq!(
            doc.scripts().page_listeners().collect::<Vec<_>>(),
            ["focusin"]
        );
        assert_eq!(
            doc.scripts()
                .may_change(ScriptEffect::Focus, &by_id(&doc, "a")),
            Some(Reason::Listener {
                event: "focusin".into(),
                place: Place::Page
            })
        );
    }

    #[test]
    fn a_focus_listener_followed_to_its_end_is_known() {
        let doc = page(
            r#"<a id="sentinel" href="/">S</a><button id="first">First</button>
            <script>
                document.getElementById('sentinel').addEventListener('focus', function () {
                    document.getElementById('first').focus()
                })
            </script>"#,
        );
        let scripts = doc.scripts();
        let sentinel = by_id(&doc, "sentinel");
        let listeners = scripts.listeners_on(&sentinel);
        assert_eq!(listeners.len(), 1);
        assert!(listeners[0].followed);
        assert_eq!(scripts.may_change(ScriptEffect::Focus, &sentinel), None);
    }
}

#[cfg(not(feature = "page-scripts"))]
#[test]
fn without_the_interpreter_every_inline_script_is_unfollowed() {
    let doc = page(
        r#"<div id="d"></div>
        <script>document.getElementById('d').setAttribute('tabindex', '0')</script>"#,
    );
    let unfollowed = doc.scripts().unfollowed().expect("unfollowed");
    assert!(unfollowed.not_run);
    assert_eq!(unfollowed.inline, 1);
    let d = by_id(&doc, "d");
    // The attribute was not set, and the model says scripts may set it.
    assert_eq!(d.attr("tabindex"), None);
    assert!(doc
        .scripts()
        .may_change(ScriptEffect::Attributes, &d)
        .is_some());
    assert!(unfollowed.to_string().contains("runs none"));
}
