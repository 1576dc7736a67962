//! Stage 1, **parse**: HTML text into the engine's own tree ([`tree`]), the way browsers parse
//! it, with guards against hostile nesting (`limits.rs`). Nothing here knows about scripts,
//! styles or accessibility: later stages read and change the tree this stage builds.

mod limits;
pub mod tree;

pub use limits::MAX_SOURCE_DEPTH;
use tree::{Html, NodeId};

/// A parsed page: its tree, and what the later stages need to know about how it was written.
#[derive(Debug)]
pub struct ParsedPage {
    /// The tree, as html5ever's tree builder left it.
    pub tree: Html,
    /// The `<script>` elements the parser created, in the order it created them (the
    /// order page scripts run in).
    pub scripts: Vec<NodeId>,
    /// The source is an HTML document, not an SVG or MathML one served as a page
    /// (an `<svg>` or `<math>` root after the prolog is not).
    pub is_html_document: bool,
}

/// Parses a page (any text; never fails), flattening it first only when it nests too deep.
///
/// ```
/// let page = frontdesk_core::html::parse("<title>Bins</title><script>x()</script>");
/// assert_eq!(page.scripts.len(), 1);
/// assert!(page.is_html_document);
/// ```
pub fn parse(source: &str) -> ParsedPage {
    let (tree, scripts) = limits::parse_html_with_scripts(source);
    ParsedPage {
        tree,
        scripts,
        is_html_document: is_html_source(source),
    }
}

/// Sniffs whether a source is HTML: a standalone document whose first element is `<svg>` or
/// `<math>` (after an XML declaration, comments and a doctype) is not.
fn is_html_source(source: &str) -> bool {
    let mut rest = source.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        let skip_to = |s: &str, end: &str| s.find(end).map(|i| i + end.len());
        let next = if rest.starts_with("<?") {
            skip_to(rest, "?>")
        } else if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if rest.starts_with("<!") {
            skip_to(rest, ">")
        } else {
            break;
        };
        match next {
            Some(i) => rest = &rest[i..],
            None => return true,
        }
    }
    let lower: String = rest
        .chars()
        .take(6)
        .collect::<String>()
        .to_ascii_lowercase();
    !(lower.starts_with("<svg") || lower.starts_with("<math"))
}
