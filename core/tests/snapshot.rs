//! The rendered-snapshot input: a page given as a browser's DOM and computed styles is
//! modelled and audited like the same page given as HTML, and the browser's styles win over
//! the cascade.

use std::path::{Path, PathBuf};

use frontdesk_core::html::tree::{Node, NodeRef};
use frontdesk_core::model::{Builder, Snapshot, SnapshotError, SnapshotNode, SnapshotSheet};
use frontdesk_core::style::SheetSource;
use frontdesk_core::{audit_snapshot, audit_with_loader, html, script, Options, Outcome};

fn options() -> Options {
    Options::default().with_passed(true)
}

/// The snapshot of a page as this engine's parser and page scripts leave it, without
/// computed styles: the page's sheets (linked ones read through `loader`) go along as text,
/// so the snapshot's model must come out the same as the page's.
fn snapshot_of(source: &str, url: &str, loader: &dyn Fn(&str) -> Option<String>) -> Snapshot {
    let mut page = html::parse(source);
    let effects = script::run(&mut page);
    let builder = Builder::new(page, effects);
    let base = url::Url::parse(url).unwrap();
    let style_sheets = builder
        .style_sources(true)
        .into_iter()
        .filter_map(|source| match source {
            SheetSource::Inline { css, media } => Some(SnapshotSheet {
                css,
                media: media.to_string(),
            }),
            SheetSource::Link { href, media } => {
                let css = loader(base.join(href).ok()?.as_str())?;
                Some(SnapshotSheet {
                    css,
                    media: media.to_string(),
                })
            }
        })
        .collect();
    // The tree again (the builder keeps its own): the same source parses to the same tree.
    let mut page = html::parse(source);
    script::run(&mut page);
    let mut nodes = Vec::new();
    for child in page.tree.tree.root().children() {
        walk(child, None, &mut nodes);
    }
    Snapshot {
        version: 1,
        url: url.to_string(),
        nodes,
        style_sheets,
        html_document: true,
    }
}

fn walk(node: NodeRef<'_>, parent: Option<u32>, out: &mut Vec<SnapshotNode>) {
    let index = out.len() as u32;
    match node.value() {
        Node::Element(e) => {
            out.push(SnapshotNode::Element {
                parent,
                namespace: match &*e.name.ns {
                    "http://www.w3.org/2000/svg" => frontdesk_core::model::SnapshotNamespace::Svg,
                    "http://www.w3.org/1998/Math/MathML" => {
                        frontdesk_core::model::SnapshotNamespace::Mathml
                    }
                    _ => frontdesk_core::model::SnapshotNamespace::Html,
                },
                name: e.name().to_string(),
                attributes: e
                    .attrs()
                    .map(|(n, v)| [n.to_string(), v.to_string()])
                    .collect(),
                style: None,
            });
            for child in node.children() {
                walk(child, Some(index), out);
            }
        }
        Node::Text(t) => out.push(SnapshotNode::Text {
            parent: parent.expect("text inside an element"),
            text: t.text.to_string(),
        }),
        // Comments, doctypes and template contents are not rendered.
        _ => {}
    }
}

fn site_pages(site: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../test-sites")
        .join(site);
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("test site folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_snapshot_of_a_page_gives_the_findings_of_the_page() {
    let mut pages = 0;
    let mut findings = 0;
    for site in ["demo-council", "contrast"] {
        for path in site_pages(site) {
            let source = std::fs::read_to_string(&path).unwrap();
            let url = url::Url::from_file_path(path.canonicalize().unwrap()).unwrap();
            let loader = |u: &str| {
                let file = url::Url::parse(u).ok()?.to_file_path().ok()?;
                std::fs::read_to_string(file).ok()
            };
            let mut from_page = audit_with_loader(&source, url.as_str(), &options(), &loader);
            // A snapshot is the browser's DOM, not source text: its findings have no
            // source line. Everything else must agree.
            assert!(from_page.findings.iter().all(|f| f.line.is_some()));
            for finding in &mut from_page.findings {
                finding.line = None;
            }
            let snapshot = snapshot_of(&source, url.as_str(), &loader);
            // Through JSON, as a browser would send it.
            let json = serde_json::to_string(&snapshot).unwrap();
            let snapshot: Snapshot = serde_json::from_str(&json).unwrap();
            let from_snapshot = audit_snapshot(&snapshot, &options()).unwrap();
            assert_eq!(
                from_page.findings,
                from_snapshot.findings,
                "{}",
                path.display()
            );
            assert_eq!(from_page.title, from_snapshot.title);
            pages += 1;
            findings += from_page.findings.len();
        }
    }
    assert!(pages >= 13, "{pages} pages");
    assert!(findings > 500, "{findings} findings compared");
}

fn contrast_outcome(snapshot: &Snapshot) -> Outcome {
    let report =
        audit_snapshot(snapshot, &options().with_rules(["text-contrast-minimum"])).unwrap();
    assert_eq!(report.findings.len(), 1, "{report:?}");
    report.findings[0].outcome
}

const NOTE_PAGE: &str = r#"<html lang="en"><head><title>Bins</title></head><body><p class="note">Collections move to Tuesday.</p></body></html>"#;

#[test]
fn the_browsers_styles_win_over_the_cascade() {
    let sheet = |css: &str| SnapshotSheet {
        css: css.to_string(),
        media: String::new(),
    };
    let mut snapshot = snapshot_of(NOTE_PAGE, "https://council.example/bins", &|_| None);
    snapshot.style_sheets = vec![sheet(".note { color: #aaa; background: #fff }")];
    // The sheet alone: grey on white fails.
    assert_eq!(contrast_outcome(&snapshot), Outcome::Failed);
    // The browser computed black (say a later script or sheet the snapshot left out set it).
    let p = snapshot
        .nodes
        .iter_mut()
        .find(|n| matches!(n, SnapshotNode::Element { name, .. } if name == "p"))
        .unwrap();
    let SnapshotNode::Element { style, .. } = p else {
        unreachable!()
    };
    *style = Some(
        [("color".to_string(), "rgb(0, 0, 0)".to_string())]
            .into_iter()
            .collect(),
    );
    assert_eq!(contrast_outcome(&snapshot), Outcome::Passed);
    // And the other way round: a computed grey fails where the sheet says black.
    snapshot.style_sheets = vec![sheet(".note { color: #000; background: #fff }")];
    let SnapshotNode::Element { style, .. } = snapshot
        .nodes
        .iter_mut()
        .find(|n| matches!(n, SnapshotNode::Element { name, .. } if name == "p"))
        .unwrap()
    else {
        unreachable!()
    };
    *style = Some(
        [
            ("color".to_string(), "rgb(170, 170, 170)".to_string()),
            (
                "background-color".to_string(),
                "rgb(255, 255, 255)".to_string(),
            ),
        ]
        .into_iter()
        .collect(),
    );
    assert_eq!(contrast_outcome(&snapshot), Outcome::Failed);
}

#[test]
fn a_computed_display_none_hides_what_the_markup_shows() {
    let page = r#"<html lang="en"><head><title>Pay</title></head><body><img id="a" src="a.png"></body></html>"#;
    let mut snapshot = snapshot_of(page, "https://council.example/pay", &|_| None);
    let failed = |snapshot: &Snapshot| {
        audit_snapshot(snapshot, &Options::default().with_rules(["image-has-name"]))
            .unwrap()
            .findings
            .len()
    };
    assert_eq!(failed(&snapshot), 1);
    for node in &mut snapshot.nodes {
        if let SnapshotNode::Element { name, style, .. } = node {
            if name == "img" {
                *style = Some([("display".into(), "none".into())].into_iter().collect());
            }
        }
    }
    assert_eq!(failed(&snapshot), 0);
}

#[test]
fn open_shadow_roots_are_part_of_the_page() {
    let snapshot: Snapshot = serde_json::from_str(
        r#"{
          "version": 1,
          "url": "https://council.example/",
          "nodes": [
            { "type": "element", "name": "html", "attributes": [["lang", "en"]] },
            { "type": "element", "parent": 0, "name": "body" },
            { "type": "element", "parent": 1, "name": "council-search" },
            { "type": "shadowRoot", "host": 2 },
            { "type": "element", "parent": 3, "name": "button", "attributes": [["id", "go"]] },
            { "type": "text", "parent": 4, "text": "Search the site" },
            { "type": "element", "parent": 3, "name": "button", "attributes": [["id", "empty"]] }
          ]
        }"#,
    )
    .unwrap();
    let report = audit_snapshot(&snapshot, &options().with_rules(["button-has-name"])).unwrap();
    let outcomes: Vec<Outcome> = report.findings.iter().map(|f| f.outcome).collect();
    assert_eq!(outcomes, vec![Outcome::Passed, Outcome::Failed]);
}

#[test]
fn malformed_snapshots_are_refused_with_a_reason() {
    let read = |json: &str| {
        let snapshot: Snapshot = serde_json::from_str(json).unwrap();
        audit_snapshot(&snapshot, &Options::default()).map(|_| ())
    };
    let nodes = |nodes: &str| {
        format!(r#"{{"version": 1, "url": "https://a.example/", "nodes": [{nodes}]}}"#)
    };
    assert_eq!(
        read(r#"{"version": 2, "url": "https://a.example/", "nodes": []}"#),
        Err(SnapshotError::Version(2))
    );
    // A parent after its child.
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "element", "parent": 2, "name": "p"}, {"type": "element", "parent": 0, "name": "body"}"#
        )),
        Err(SnapshotError::Parent { node: 1, parent: 2 })
    );
    // A node that names itself.
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "text", "parent": 1, "text": "x"}"#
        )),
        Err(SnapshotError::Parent { node: 1, parent: 1 })
    );
    // An element inside a text node.
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "text", "parent": 0, "text": "x"}, {"type": "element", "parent": 1, "name": "b"}"#
        )),
        Err(SnapshotError::Kind { node: 2 })
    );
    // Two document elements.
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "element", "name": "html"}"#
        )),
        Err(SnapshotError::Roots)
    );
    // A shadow root on a text node, and a second one on the same host.
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "text", "parent": 0, "text": "x"}, {"type": "shadowRoot", "host": 1}"#
        )),
        Err(SnapshotError::Kind { node: 2 })
    );
    assert_eq!(
        read(&nodes(
            r#"{"type": "element", "name": "html"}, {"type": "shadowRoot", "host": 0}, {"type": "shadowRoot", "host": 0}"#
        )),
        Err(SnapshotError::Kind { node: 2 })
    );
    assert_eq!(
        read(&nodes(r#"{"type": "element", "name": ""}"#)),
        Err(SnapshotError::Name { node: 0 })
    );
    // Every error says what is wrong in a sentence.
    let message = SnapshotError::Version(2).to_string();
    assert!(message.contains("version 2"), "{message}");
    // An empty snapshot is a page with nothing on it, not an error.
    assert_eq!(read(&nodes("")), Ok(()));
}

#[test]
fn snapshot_json_text_is_read_or_refused_with_its_place() {
    let text = r#"{"version": 1, "url": "https://a.example/",
        "nodes": [{"type": "element", "name": "html", "attributes": [["lang", "en"]]}]}"#;
    assert_eq!(
        Snapshot::from_json(text),
        Ok(serde_json::from_str::<Snapshot>(text).unwrap())
    );
    // Not JSON: the trailing comma is on line 2, column 2.
    let Err(SnapshotError::Json(reason)) = Snapshot::from_json("{\"version\": 1,\n }") else {
        panic!("malformed JSON was read");
    };
    assert!(reason.contains("line 2 column 2"), "{reason}");
    // JSON, but not a snapshot: the missing field is named.
    let error = Snapshot::from_json(r#"{"version": 1, "nodes": []}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("snapshot: missing field `url`"),
        "{error}"
    );
}

#[test]
fn a_computed_unfocused_outline_is_not_a_removed_focus_ring() {
    // Unfocused, a browser computes `outline-style: none` for every element: only the
    // sheets' focus rules say whether focus takes the ring away.
    let page = r#"<html lang="en"><head><title>Bins</title></head><body><a href="/bins">Bin days</a></body></html>"#;
    let focus_outcome = |css: &str| {
        let mut snapshot = snapshot_of(page, "https://council.example/", &|_| None);
        snapshot.style_sheets = vec![SnapshotSheet {
            css: css.to_string(),
            media: String::new(),
        }];
        let Some(SnapshotNode::Element { style, .. }) = snapshot
            .nodes
            .iter_mut()
            .find(|n| matches!(n, SnapshotNode::Element { name, .. } if name == "a"))
        else {
            unreachable!()
        };
        *style = Some(
            [
                ("outline-style".to_string(), "none".to_string()),
                ("outline-width".to_string(), "0px".to_string()),
            ]
            .into_iter()
            .collect(),
        );
        let report = audit_snapshot(&snapshot, &options().with_rules(["focus-visible"])).unwrap();
        assert_eq!(report.findings.len(), 1, "{report:?}");
        report.findings[0].outcome
    };
    assert_eq!(focus_outcome(""), Outcome::Passed);
    assert_eq!(focus_outcome("a:focus { outline: none }"), Outcome::Failed);
}

#[test]
fn a_computed_text_decoration_decides_whether_a_link_stands_out() {
    let page = r#"<html lang="en"><head><title>Permits</title></head><body><p>You can <a href="/apply">apply online</a> for a permit.</p></body></html>"#;
    let mut snapshot = snapshot_of(page, "https://council.example/permits", &|_| None);
    let outcome = |snapshot: &Snapshot| {
        let report = audit_snapshot(
            snapshot,
            &options().with_rules(["link-in-text-distinguishable"]),
        )
        .unwrap();
        assert_eq!(report.findings.len(), 1, "{report:?}");
        report.findings[0].outcome
    };
    // Browsers underline links: without computed styles the UA's underline stands.
    assert_eq!(outcome(&snapshot), Outcome::Passed);
    // The browser computed no underline and a colour 1.67:1 from the text's (#0b0c0c).
    for node in &mut snapshot.nodes {
        if let SnapshotNode::Element { name, style, .. } = node {
            let computed: &[(&str, &str)] = match name.as_str() {
                "a" => &[
                    ("color", "rgb(56, 56, 56)"),
                    ("text-decoration-line", "none"),
                    ("border-bottom-style", "none"),
                    ("box-shadow", "none"),
                ],
                "p" => &[("color", "rgb(11, 12, 12)")],
                _ => continue,
            };
            *style = Some(
                computed
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            );
        }
    }
    assert_eq!(outcome(&snapshot), Outcome::Failed);
}
