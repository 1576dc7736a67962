//! The statement page as the checks read it: its main content as a list of blocks
//! (headings, paragraphs, list items), each with its text normalised for matching and the
//! links in it, and the sections the model statement's headings open.

use crate::model::{collapse_whitespace, Child, Document, El};

/// A link in the statement: its text and `href` as written.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub text: String,
    pub href: String,
}

/// One heading, paragraph or list item of the main content.
#[derive(Debug)]
pub(super) struct Block {
    /// The text as shown, white space collapsed.
    pub text: String,
    /// [`words`] of the text: matched against the model statement's phrases.
    pub words: String,
    /// Its heading level (1–6); 7 for a short line that only looks like a heading of the
    /// model statement (bold, or ending with a colon); `None` for body text.
    pub level: Option<u8>,
    pub links: Vec<Link>,
}

impl Block {
    /// Marked up as a heading (`h1`–`h6`, `role=heading`), not only looking like one.
    pub fn is_marked_heading(&self) -> bool {
        self.level.is_some_and(|l| l <= 6)
    }
}

/// Lower-case letters and digits, every other run of characters one space, padded with a
/// space at both ends, so that `" compliance status "` matches whole words only and
/// punctuation ("(No. 2)", "that’s", "non-accessible") never decides a match.
pub(super) fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The sentences of a text: split after a full stop followed by a space and a capital
/// letter, so that "Sept. 2020" and "1.1.1" stay whole.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if next.is_some_and(char::is_uppercase) {
            out.push(&text[start..=i]);
            start = i + 2;
        }
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

/// The sections of the model statement, told by what their heading says rather than its
/// exact wording ("Feedback and contact details" is the feedback section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Feedback,
    Reporting,
    Enforcement,
    PhoneOrVisit,
    Compliance,
    NonAccessible,
    NonCompliance,
    Burden,
    OutOfScope,
    Roadmap,
    Preparation,
}

impl Section {
    /// The section a heading's [`words`] open, if one of the model statement's.
    pub fn of_heading(w: &str) -> Option<Section> {
        let has = |p: &str| w.contains(p);
        Some(if has(" disproportionate burden ") {
            Section::Burden
        } else if has(" scope ") && (has(" not ") || has(" outside ") || has(" out of "))
            || has(" exempt")
        {
            Section::OutOfScope
        } else if has(" non compliance ") || has(" noncompliance ") || has(" non compliant ") {
            Section::NonCompliance
        } else if has(" non accessible ")
            || has(" nonaccessible ")
            || has(" inaccessible content ")
            || has(" not accessible ")
            || has(" known issues ")
            || has(" known accessibility issues ")
            || has(" known problems ")
        {
            Section::NonAccessible
        } else if has(" compliance ") && !has(" technical information ") {
            Section::Compliance
        } else if has(" enforcement ") {
            Section::Enforcement
        } else if has(" preparation ") || has(" prepared ") {
            Section::Preparation
        } else if has(" phone ") || has(" visiting ") || has(" in person ") {
            Section::PhoneOrVisit
        } else if has(" report") && (has(" problem") || has(" issue") || has(" accessibility ")) {
            Section::Reporting
        } else if has(" feedback ") || has(" contact ") {
            Section::Feedback
        } else if has(" roadmap ") || has(" improve ") {
            Section::Roadmap
        } else {
            return None;
        })
    }
}

/// The statement page, read once for all the checks.
#[derive(Debug)]
pub(super) struct Page {
    pub blocks: Vec<Block>,
    /// Every `<h1>`'s text, the page's whole (a CMS may put it outside `<main>`).
    pub h1: Vec<String>,
    pub title: Option<String>,
}

impl Page {
    pub fn read(doc: &Document) -> Page {
        let body = doc
            .elements()
            .find(|e| e.is_html() && e.name() == "body")
            .or_else(|| doc.root());
        // Read the main content when the page marks it, so that the site's header and
        // footer (a "Contact us" link, an "Accessibility" link) never count as the
        // statement's; else the body without its banner, navigation and footer.
        let main = doc
            .elements()
            .find(|e| e.is_html() && (e.name() == "main" || e.attr("role") == Some("main")));
        let mut reader = Reader::default();
        if let Some(start) = main.or(body) {
            reader.walk(start, main.is_none(), 0);
            reader.flush();
        }
        Page {
            blocks: reader.blocks,
            h1: doc
                .elements()
                .filter(|e| e.is_html() && e.name() == "h1")
                .map(|e| collapse_whitespace(&e.text_content()))
                .collect(),
            title: doc.title(),
        }
    }

    /// The blocks of the first section whose heading opens `section`: its heading's index
    /// and the range of blocks under it (to the next heading of the same or a higher level).
    pub fn section(&self, section: Section) -> Option<(usize, std::ops::Range<usize>)> {
        let at = self
            .blocks
            .iter()
            .position(|b| b.level.is_some() && Section::of_heading(&b.words) == Some(section))?;
        let level = self.blocks[at].level.unwrap_or(7);
        let end = self.blocks[at + 1..]
            .iter()
            .position(|b| b.level.is_some_and(|l| l <= level))
            .map_or(self.blocks.len(), |k| at + 1 + k);
        Some((at, at + 1..end))
    }

    /// Every block's words, joined: the whole statement for phrases that may be anywhere.
    pub fn all_words(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str(&b.words);
        }
        out
    }

    /// The first block in `range` whose words contain one of `phrases` (each padded
    /// with spaces, see [`words`]).
    pub fn find(&self, range: std::ops::Range<usize>, phrases: &[&str]) -> Option<&Block> {
        self.blocks[range]
            .iter()
            .find(|b| phrases.iter().any(|p| b.words.contains(p)))
    }
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "caption"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "blockquote"
            | "pre"
            | "address"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "legend"
            | "br"
            | "hr"
    )
}

/// Longest line, in words, read as a heading when it only looks like one.
const PSEUDO_HEADING_WORDS: usize = 10;

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    text: String,
    links: Vec<Link>,
    /// Characters of the current block's text inside `<b>`/`<strong>`, and outside.
    bold_chars: usize,
    plain_chars: usize,
    /// The tables being read, innermost last.
    tables: Vec<Table>,
}

/// A table being read: each row becomes one block whose cells are labelled by the header
/// row ("Planned fix date: March 2027; WCAG criterion: 1.1.1"), so that a row reads like
/// the sentence a paragraph would have been.
#[derive(Default)]
struct Table {
    header: Vec<String>,
    row: Vec<String>,
    row_all_th: bool,
}

impl Reader {
    fn walk(&mut self, el: El, skip_landmarks: bool, bold: usize) {
        for child in el.child_nodes() {
            let e = match child {
                Child::Text(t) => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    if bold > 0 {
                        self.bold_chars += n;
                    } else {
                        self.plain_chars += n;
                    }
                    self.text.push_str(t);
                    continue;
                }
                Child::Element(e) => e,
            };
            let name = e.name();
            if matches!(
                name,
                "script" | "style" | "template" | "noscript" | "head" | "svg"
            ) || skip_landmarks
                && matches!(e.role(), Some("banner" | "contentinfo" | "navigation"))
            {
                continue;
            }
            let level = match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(name.as_bytes()[1] - b'0'),
                _ if e.attr("role") == Some("heading") => Some(
                    e.attr("aria-level")
                        .and_then(|l| l.trim().parse::<u8>().ok())
                        .map_or(2, |l| l.clamp(1, 6)),
                ),
                _ => None,
            };
            if let Some(level) = level {
                self.flush();
                let text = collapse_whitespace(&e.text_content());
                self.blocks.push(Block {
                    words: words(&text),
                    text,
                    level: Some(level),
                    links: Vec::new(),
                });
                continue;
            }
            let block = is_block(name);
            if block {
                self.flush();
            }
            if matches!(name, "a" | "area") {
                if let Some(href) = e.attr("href") {
                    self.links.push(Link {
                        text: collapse_whitespace(&e.text_content()),
                        href: href.trim().to_string(),
                    });
                }
            }
            let bold = bold + usize::from(matches!(name, "b" | "strong"));
            match name {
                "table" => {
                    self.tables.push(Table::default());
                    self.walk(e, skip_landmarks, bold);
                    self.tables.pop();
                }
                "tr" => {
                    if let Some(t) = self.tables.last_mut() {
                        t.row.clear();
                        t.row_all_th = true;
                    }
                    self.walk(e, skip_landmarks, bold);
                    if let Some(t) = self.tables.last_mut() {
                        if t.header.is_empty() && t.row_all_th {
                            t.header = std::mem::take(&mut t.row);
                        }
                    }
                }
                "td" | "th" if !self.tables.is_empty() => self.cell(e, skip_landmarks, bold),
                _ => self.walk(e, skip_landmarks, bold),
            }
            if block {
                self.flush();
            }
        }
    }

    /// A table cell: its text, labelled with its column's header, then "; ".
    fn cell(&mut self, e: El, skip_landmarks: bool, bold: usize) {
        let (start, blocks) = (self.text.len(), self.blocks.len());
        self.walk(e, skip_landmarks, bold);
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        if e.name() == "td" {
            t.row_all_th = false;
        }
        // A cell holding paragraphs was read as blocks of its own.
        let cell = match self.text.get(start..) {
            Some(cell) if self.blocks.len() == blocks => collapse_whitespace(cell),
            _ => {
                t.row.push(String::new());
                return;
            }
        };
        let label = t
            .header
            .get(t.row.len())
            .filter(|h| !h.is_empty() && **h != cell)
            .cloned();
        t.row.push(cell.clone());
        self.text.truncate(start);
        match label {
            Some(h) => self.text.push_str(&format!(" {h}: {cell}; ")),
            None => self.text.push_str(&format!(" {cell}; ")),
        }
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.text);
        self.text.clear();
        let (bold, plain) = (self.bold_chars, self.plain_chars);
        self.bold_chars = 0;
        self.plain_chars = 0;
        if text.is_empty() {
            if let Some(last) = self.blocks.last_mut() {
                last.links.append(&mut self.links);
            }
            self.links.clear();
            return;
        }
        let words = words(&text);
        // A short line that is all bold or ends with a colon, and names a section of the
        // model statement ("Enforcement procedure:"), is that section's heading on pages
        // whose editor lost the heading markup.
        let short = words.split_whitespace().count() <= PSEUDO_HEADING_WORDS;
        // A sentence ("If you find a problem, contact us:") is not a heading.
        let sentence = [" if ", " you ", " we ", " us ", " our "]
            .iter()
            .any(|w| words.contains(w));
        let looks_like_heading = short
            && !sentence
            && !text.ends_with('.')
            && (plain == 0 && bold > 0 || text.ends_with(':'))
            && Section::of_heading(&words).is_some();
        self.blocks.push(Block {
            text,
            words,
            level: looks_like_heading.then_some(7),
            links: std::mem::take(&mut self.links),
        });
    }
}
