//! Guards against hostile input while parsing.
//!
//! HTML tree construction checks "has an element in scope" by walking the stack of open
//! elements, so a page of 100,000 nested `<div>`s costs the parser O(n²) — tens of seconds.
//! Real pages nest a few dozen levels. [`parse_html_with_scripts`] feeds the parser in chunks and watches
//! the depth of the tree as it grows; only a page that nests deeper than [`WATCH_DEPTH`] is
//! parsed again from a source where start tags beyond [`MAX_SOURCE_DEPTH`] (and their end
//! tags) are dropped, which flattens the excess levels but keeps their text.
//!
//! Watching costs a short walk up the new element's ancestors per element; scanning every
//! source for its depth beforehand cost more than that (its tags' attributes must be skipped
//! with their quotes).

use std::borrow::{Cow, Cow as StaticCow};
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use super::tree::{Html, NodeId, Sink, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};

/// Deepest nesting of explicit start tags kept in the source.
pub const MAX_SOURCE_DEPTH: usize = 256;

/// How a tag name counts toward nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Opens a level until its end tag.
    Counted,
    /// No end tag, or one that may be omitted: it cannot build deep stacks on its own,
    /// since a new one closes the previous.
    Uncounted,
    /// Its content is raw text: tags inside it are not tags.
    RawText,
}

/// A tag name of up to 16 bytes, lower-cased and packed into an integer, so that classifying
/// it is a few integer comparisons (this runs for every tag of every page).
const fn key(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut k = 0u128;
    let mut i = 0;
    while i < name.len() {
        k = (k << 8) | name[i].to_ascii_lowercase() as u128;
        i += 1;
    }
    Some(k)
}

macro_rules! keys {
    ($($name:literal),* $(,)?) => { [$(match key($name) { Some(k) => k, None => 0 }),*] };
}

const UNCOUNTED: [u128; 36] = keys![
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"param",
    b"keygen",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];

const RAW_TEXT: [u128; 9] = keys![
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
];

fn tag_kind(name: &[u8]) -> TagKind {
    let Some(k) = key(name) else {
        return TagKind::Counted;
    };
    match KIND_TABLE[slot(k)] {
        (stored, kind) if stored == k => kind,
        _ => TagKind::Counted,
    }
}

/// A multiplier under which the 45 special names land in distinct slots of [`KIND_TABLE`]
/// (found by trying random odd numbers; the build fails if it stops being collision-free).
const MULTIPLIER: u128 = 0xa11d_459a_2f97_8d87_1999_9e3f_a46d_6753;

const fn slot(k: u128) -> usize {
    (k.wrapping_mul(MULTIPLIER) >> 120) as usize
}

/// A perfect hash table of the special names: one multiply, shift and compare per tag.
static KIND_TABLE: [(u128, TagKind); 256] = {
    let mut table = [(u128::MAX, TagKind::Counted); 256];
    let mut i = 0;
    while i < UNCOUNTED.len() + RAW_TEXT.len() {
        let (k, kind) = if i < UNCOUNTED.len() {
            (UNCOUNTED[i], TagKind::Uncounted)
        } else {
            (RAW_TEXT[i - UNCOUNTED.len()], TagKind::RawText)
        };
        assert!(table[slot(k)].0 == u128::MAX, "MULTIPLIER collides");
        table[slot(k)] = (k, kind);
        i += 1;
    }
    table
};

/// A tree deeper than this (counting from the document) sends the page to the flattening
/// parse. Above what real pages reach, below where the parser's quadratic cost shows.
pub const WATCH_DEPTH: usize = 200;

/// Bytes handed to the parser at a time; between chunks the depth watch can stop it. A chunk
/// of nested tags holds a few thousand levels at most, which the parser handles quickly.
const CHUNK: usize = 16 * 1024;

/// Parses a page, flattening it first only when it nests too deep; with the
/// `<script>` elements the parser created, in the order it created them (document order, for
/// the scripts that run).
pub fn parse_html_with_scripts(source: &str) -> (Html, Vec<NodeId>) {
    parse_watched(source, CHUNK, WATCH_DEPTH).unwrap_or_else(|| {
        let flat = flatten_deep_nesting(source);
        let mut html = Html::parse_document(&flat);
        // A dropped tag spanning lines shifts the lines after it: none is better than wrong.
        let newlines = |s: &str| memchr::memchr_iter(b'\n', s.as_bytes()).count();
        if matches!(flat, Cow::Owned(_)) && newlines(&flat) != newlines(source) {
            html.tree.forget_lines();
        }
        let scripts = html
            .tree
            .root()
            .descendants()
            .filter(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name.local == html5ever::local_name!("script"))
            })
            .map(|n| n.id())
            .collect();
        (html, scripts)
    })
}

/// Parses in chunks of `chunk` bytes; `None` as soon as an element lands deeper than `limit`.
fn parse_watched(source: &str, chunk: usize, limit: usize) -> Option<(Html, Vec<NodeId>)> {
    let too_deep = Rc::new(Cell::new(false));
    // The tree's node vector sized from the source (about one node per 20 bytes of real
    // pages, so rarely regrown): growing it copied the whole tree again and again.
    let sink = DepthWatch {
        inner: Sink::new(Tree::with_capacity(source.len() / 16 + 16)),
        limit,
        too_deep: Rc::clone(&too_deep),
        known: Cell::new([None, None]),
        scripts: RefCell::new(Vec::new()),
    };
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest = source;
    while !rest.is_empty() {
        let mut end = chunk.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        if too_deep.get() {
            return None;
        }
        rest = &rest[end..];
    }
    let html = parser.finish();
    (!too_deep.get()).then_some(html)
}

/// The tree sink, plus a check of each new element's depth. Every parse goes through it, the
/// unwatched ones with [`DepthWatch::unlimited`]: the parser is generic over its sink, so a
/// second sink type would put a second copy of html5ever (85 KB) into the browser module.
pub(super) struct DepthWatch {
    inner: Sink,
    limit: usize,
    too_deep: Rc<Cell<bool>>,
    /// Depths known without a walk: the last parent appended to, and the element appended
    /// (the parser mostly appends siblings, or a child to the element it just appended).
    /// Forgotten whenever a node moves, so they are never stale.
    known: Cell<[Option<(NodeId, usize)>; 2]>,
    /// The `<script>` elements created, in order.
    scripts: RefCell<Vec<NodeId>>,
}

impl DepthWatch {
    /// A sink that watches nothing, for sources already known to be shallow enough.
    pub(super) fn unlimited(tree: Tree) -> Self {
        DepthWatch {
            inner: Sink::new(tree),
            limit: usize::MAX,
            too_deep: Rc::new(Cell::new(false)),
            known: Cell::new([None, None]),
            scripts: RefCell::new(Vec::new()),
        }
    }

    /// Called for an element placed under `parent`.
    fn watch(&self, parent: &NodeId, child: Option<NodeId>) {
        if self.limit == usize::MAX {
            return;
        }
        let known = self.known.get();
        let depth = match known.iter().flatten().find(|(id, _)| id == parent) {
            Some(&(_, depth)) => depth,
            // Its ancestors, up to the limit, and itself.
            None => self.inner.depth(*parent, self.limit),
        };
        if depth >= self.limit {
            self.too_deep.set(true);
        }
        self.known
            .set([Some((*parent, depth)), child.map(|c| (c, depth + 1))]);
    }

    /// A node moved: depths known before may have changed.
    fn forget(&self) {
        self.known.set([None, None]);
    }
}

impl TreeSink for DepthWatch {
    type Output = (Html, Vec<NodeId>);
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> (Html, Vec<NodeId>) {
        (self.inner.finish(), self.scripts.into_inner())
    }
    fn parse_error(&self, _msg: StaticCow<'static, str>) {
        // Nothing reads parse errors: not collecting them saves a push per error.
    }
    fn set_current_line(&self, line: u64) {
        self.inner.set_current_line(line)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let script = name.local == html5ever::local_name!("script");
        let id = self.inner.create_element(name, attrs, flags);
        if script {
            self.scripts.borrow_mut().push(id);
        }
        id
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.inner.append_doctype_to_document(name, public, system)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        // The tree builder appends only nodes without a parent: nothing else moves.
        if let NodeOrText::AppendNode(id) = child {
            self.watch(parent, Some(id));
        }
        self.inner.append(parent, child)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        // The node may come from elsewhere in the tree, with its subtree.
        self.forget();
        if matches!(new_node, NodeOrText::AppendNode(_)) {
            self.watch(sibling, None);
            self.forget();
        }
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        // As the inner sink decides, but through this sink's watched appends.
        if self.inner.has_parent(*element) {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.forget();
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.forget();
        self.inner.reparent_children(node, new_parent)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }
}

/// Returns the source unchanged (borrowed) unless it nests deeper than the limit.
pub fn flatten_deep_nesting(source: &str) -> Cow<'_, str> {
    let cuts = find_cuts(source.as_bytes(), MAX_SOURCE_DEPTH);
    if cuts.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end) in cuts {
        out.push_str(&source[at..start]);
        at = end;
    }
    out.push_str(&source[at..]);
    Cow::Owned(out)
}

/// Byte ranges of tags to drop. Tags are ASCII-delimited, so ranges fall on char boundaries.
fn find_cuts(b: &[u8], max_depth: usize) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    // Dropped start tags per name still waiting for their end tag.
    let mut dropped: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut i = 0;
    // memchr jumps between the bytes that matter with SIMD: this pass runs over every page
    // before the parser does, so it must cost a small fraction of parsing.
    while let Some(offset) = memchr::memchr(b'<', &b[i..]) {
        let start = i + offset;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(b, start, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let is_end = rest.get(1) == Some(&b'/');
        let name_start = start + if is_end { 2 } else { 1 };
        let name_end = b[name_start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .map_or(b.len(), |p| name_start + p);
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &b[name_start..name_end];
        let kind = tag_kind(name);
        let tag_end = tag_end(b, name_end);
        let self_closing = tag_end >= 2 && b[tag_end - 2] == b'/';
        i = tag_end;
        if is_end {
            if let Some(entry) = dropped
                .iter_mut()
                .find(|(n, c)| *c > 0 && n.eq_ignore_ascii_case(name))
            {
                entry.1 -= 1;
                cuts.push((start, tag_end));
            } else if kind != TagKind::Uncounted {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if kind == TagKind::RawText {
            let mut closing = b"</".to_vec();
            closing.extend_from_slice(name);
            i = find_ignore_case(b, tag_end, &closing).unwrap_or(b.len());
            continue;
        }
        if kind == TagKind::Uncounted || self_closing {
            continue;
        }
        if depth >= max_depth {
            cuts.push((start, tag_end));
            match dropped
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some(entry) => entry.1 += 1,
                None => dropped.push((name.to_vec(), 1)),
            }
        } else {
            depth += 1;
        }
    }
    cuts
}

/// End of a tag starting before `from`: past the `>` outside quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> usize {
    // Tags are short: a plain loop beats a SIMD search's set-up cost here.
    let mut quote: Option<u8> = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return from + k + 1,
            None => {}
        }
    }
    b.len()
}

/// Needles here start with a byte that is rare in text (`<`, `-`, `>`): jump between its
/// occurrences instead of comparing at every position (scripts and styles can be large).
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, |w, n| w == n)
}

fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, |w, n| w.eq_ignore_ascii_case(n))
}

fn find_by(
    b: &[u8],
    from: usize,
    needle: &[u8],
    eq: impl Fn(&[u8], &[u8]) -> bool,
) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at < b.len() {
        let p = at + memchr::memchr(first, &b[at..])?;
        if b.len() - p >= needle.len() && eq(&b[p..p + needle.len()], needle) {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_kinds() {
        for name in ["br", "P", "LI", "colgroup", "Body", "rtc"] {
            assert_eq!(tag_kind(name.as_bytes()), TagKind::Uncounted, "{name}");
        }
        for name in ["script", "STYLE", "plaintext", "noframes", "xmp"] {
            assert_eq!(tag_kind(name.as_bytes()), TagKind::RawText, "{name}");
        }
        for name in [
            "div",
            "span",
            "a",
            "ul",
            "table",
            "section",
            "brr",
            "b",
            "scrip",
            "x:br",
            "plaintext-x",
            "averyveryverylongname",
        ] {
            assert_eq!(tag_kind(name.as_bytes()), TagKind::Counted, "{name}");
        }
    }

    /// Depth of the deepest node of a parsed tree.
    fn tree_depth(html: &Html) -> usize {
        html.tree
            .nodes()
            .map(|node| node.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn chunked_parsing_builds_the_same_tree() {
        // Chunk borders fall inside tags, attribute values, character references, a CR LF,
        // multi-byte characters, table text (pending table characters) and a script.
        let page = "<!doctype html><html lang=cy><head><title>Tŷ</title>\r\n<style>p{color:red}</style></head>\
            <body><p class=\"a b\">Caerdydd &amp; Y Fro &nbsp;— dŵr\r\n<table> <tr><td>1</td> x <td>2</table>\
            <b><i>misnested</b></i><template><div>t</div></template><svg><title>s</title></svg>\
            <script>if (a < b) { x = \"</p>\"; }</script><ul><li>one<li>two</ul></body></html>";
        let whole = scraper::Html::parse_document(page).html();
        for chunk in [1, 2, 3, 5, 7, 16, 64] {
            let (html, scripts) = parse_watched(page, chunk, WATCH_DEPTH).expect("shallow page");
            assert_eq!(html.html(), whole, "chunk size {chunk}");
            assert_eq!(scripts.len(), 1, "the one <script>, chunk size {chunk}");
        }
    }

    #[test]
    fn lines_survive_chunk_boundaries_and_deep_pages_forget_theirs() {
        // Lines 1–5: the `<i>` tag ends on line 4, its attribute and `>` split by chunks.
        let page = "<p id=a>one</p>\r\n<p id=b>two</p>\n<i\ntitle=x>three</i>\n<b>four</b>";
        let lines = |html: &Html| -> Vec<u32> {
            let names = ["p", "i", "b"];
            html.tree
                .nodes()
                .filter_map(|n| n.value().as_element())
                .filter(|e| names.contains(&e.name()))
                .map(|e| e.line)
                .collect()
        };
        for chunk in [1, 2, 3, 7, 64] {
            let (html, _) = parse_watched(page, chunk, WATCH_DEPTH).expect("shallow page");
            assert_eq!(lines(&html), [1, 2, 4, 5], "chunk size {chunk}");
        }
        // Too deep: tags are dropped; one spanning a line break would shift the lines after.
        let deep = "<div\n>".repeat(MAX_SOURCE_DEPTH + 10) + "<p>x</p>";
        let (html, _) = parse_html_with_scripts(&deep);
        assert!(html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .all(|e| e.line == 0));
    }

    #[test]
    fn deep_trees_are_caught_while_parsing() {
        let nested = |depth: usize| "<div>".repeat(depth) + "x" + &"</div>".repeat(depth);
        // html, body and the document itself come above the divs.
        assert!(parse_watched(&nested(WATCH_DEPTH - 5), CHUNK, WATCH_DEPTH).is_some());
        assert!(parse_watched(&nested(WATCH_DEPTH + 5), CHUNK, WATCH_DEPTH).is_none());
        // Nesting through formatting elements, tables and templates is caught too.
        for open in ["<b>", "<table><tr><td>", "<template>", "<svg><g>"] {
            let page = open.repeat(WATCH_DEPTH);
            assert!(parse_watched(&page, CHUNK, WATCH_DEPTH).is_none(), "{open}");
        }
    }

    #[test]
    fn an_accepted_tree_is_never_deeper_than_the_limit() {
        // Misnested formatting (the adoption agency moves subtrees), foster parenting out
        // of tables, templates, foreign content, reopened elements.
        let patterns = [
            "<b><i></b></i><div>",
            "<a><div></a>",
            "<table><div>",
            "<p><b><p>",
            "<font><font></font><div>",
            "<template><div>",
            "<svg><foreignObject><div>",
            "<select><option><b>",
            "<ul><li><div>",
            "<table><caption><div>",
            "<b><table><td></b><i>",
            "<div><b><p></div>",
        ];
        for pattern in patterns {
            for repeat in [50, 150, 400] {
                let page = pattern.repeat(repeat);
                if let Some((html, _)) = parse_watched(&page, 64, WATCH_DEPTH) {
                    let depth = tree_depth(&html);
                    assert!(
                        depth <= WATCH_DEPTH + 1,
                        "{pattern} x{repeat}: depth {depth}"
                    );
                }
            }
        }
    }

    #[test]
    fn deep_pages_are_parsed_flattened_with_their_text() {
        let depth = 20_000;
        let page = "<div>".repeat(depth) + "deep text" + &"</div>".repeat(depth);
        let html = parse_html_with_scripts(&page).0;
        assert!(
            tree_depth(&html) <= MAX_SOURCE_DEPTH + 4,
            "{}",
            tree_depth(&html)
        );
        assert!(html.html().contains("deep text"));
        let shallow = "<main><div><p>text</p></div></main>";
        assert_eq!(
            parse_html_with_scripts(shallow).0.html(),
            scraper::Html::parse_document(shallow).html()
        );
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<!doctype html><html><body><div><p>a<p>b<ul><li>x<li>y</ul></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(flatten_deep_nesting(page), Cow::Borrowed(_)));
    }

    #[test]
    fn excess_levels_are_flattened_keeping_text() {
        let depth = MAX_SOURCE_DEPTH + 50;
        let page = "<div>".repeat(depth) + "deep text" + &"</div>".repeat(depth);
        let out = flatten_deep_nesting(&page);
        assert_eq!(out.matches("<div>").count(), MAX_SOURCE_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_SOURCE_DEPTH);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn quoted_brackets_and_unterminated_tags() {
        let page = format!(
            "{}<a title=\"x>y\">t</a><div",
            "<span>".repeat(MAX_SOURCE_DEPTH - 1)
        );
        let out = flatten_deep_nesting(&page);
        assert!(out.contains("<a title=\"x>y\">t</a>"));
        let _ = flatten_deep_nesting("<");
        let _ = flatten_deep_nesting("<!--");
        let _ = flatten_deep_nesting("<a b='");
    }
}
