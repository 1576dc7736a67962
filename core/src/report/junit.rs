//! JUnit XML, for CI test views (GitLab's test report, Jenkins' `junit` step): a
//! `<testsuite>` per page, a `<testcase>` per rule that had something to examine there.
//! `docs/formats.md` gives the whole mapping. [`write()`] streams like [`super::json::write`]:
//! the root element carries no totals, because they are known only after the last page.
//!
//! A rule's test case on a page:
//! - fails (`<failure type="A|AA|AAA|best-practice">`, each failed element's selector and
//!   message in its text) when it has a `failed` finding that is not ignored;
//! - is skipped (`<skipped>`) when its only open findings are `cantTell`: the engine could
//!   not decide, so it is neither a pass nor a failure, and a person should check;
//! - passes otherwise. `cantTell` findings next to a failure, and ignored findings (with
//!   their reasons), are listed in the case's `<system-out>`.
//!
//! Rules that were inapplicable on a page (nothing to examine) have no test case.

use std::borrow::Borrow;
use std::fmt::Write as _;

use super::{Finding, Level, Outcome, Page, Report};

/// The JUnit XML as one string.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let xml = report::junit::render(&Report::new(vec![page]));
/// assert!(xml.contains(r#"<testcase classname="image-has-name" name="https://a.example/">"#));
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// Writes the JUnit XML of `report` with `more` pages after its own, one page at a time,
/// to `sink`.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    sink("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"frontdesk\">\n")?;
    for page in &report.pages {
        sink(&suite(page))?;
    }
    for page in more {
        sink(&suite(page?.borrow()))?;
    }
    sink("</testsuites>\n")
}

/// What one rule's test case says on one page.
enum Verdict<'a> {
    Passed,
    Failed(Vec<&'a Finding>),
    CantTell,
}

/// One rule on one page: its verdict, and the findings that go to `<system-out>`.
struct Case<'a> {
    rule: &'a str,
    verdict: Verdict<'a>,
    notes: Vec<&'a Finding>,
}

/// The rules to report on a page: those that had targets there, and any rule with a
/// finding (a report read back from an older file may not list its rules).
fn cases(page: &Page) -> Vec<Case<'_>> {
    let audit = &page.audit;
    let mut rules: Vec<&str> = audit.rules.applicable.iter().map(|r| r.as_ref()).collect();
    for finding in &audit.findings {
        if !rules.contains(&finding.rule.as_str()) {
            rules.push(&finding.rule);
        }
    }
    rules.sort_unstable();
    rules
        .into_iter()
        .map(|rule| {
            let findings = audit.findings.iter().filter(|f| f.rule == rule);
            let open = |f: &&Finding| f.ignored.is_none();
            let failed: Vec<&Finding> = findings
                .clone()
                .filter(|f| f.outcome == Outcome::Failed)
                .filter(open)
                .collect();
            let cant_tell = findings
                .clone()
                .filter(|f| f.outcome == Outcome::CantTell)
                .any(|f| open(&f));
            let notes: Vec<&Finding> = findings
                .filter(|f| f.outcome != Outcome::Passed)
                .filter(|f| !failed.iter().any(|g| std::ptr::eq(*g, *f)))
                .collect();
            let verdict = if !failed.is_empty() {
                Verdict::Failed(failed)
            } else if cant_tell {
                Verdict::CantTell
            } else {
                Verdict::Passed
            };
            Case {
                rule,
                verdict,
                notes,
            }
        })
        .collect()
}

/// One page's `<testsuite>`.
fn suite(page: &Page) -> String {
    let cases = cases(page);
    let failures = cases
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Failed(_)))
        .count();
    let skipped = cases
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::CantTell))
        .count();
    let url = escape(&page.audit.url);
    let mut out = format!(
        "  <testsuite name=\"{url}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n",
        cases.len()
    );
    out.push_str("    <properties>\n");
    let mut property = |name: &str, value: &str| {
        let _ = writeln!(
            out,
            "      <property name=\"{name}\" value=\"{}\"/>",
            escape(value)
        );
    };
    if let Some(title) = &page.audit.title {
        property("title", title);
    }
    if let Some(status) = page.audit.status {
        property("status", &status.to_string());
    }
    property("score", &page.score.to_string());
    out.push_str("    </properties>\n");
    for case in &cases {
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{url}\"",
            escape(case.rule)
        );
        if matches!(case.verdict, Verdict::Passed) && case.notes.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        match &case.verdict {
            Verdict::Passed => {}
            Verdict::Failed(failed) => {
                let level = failed[0].level;
                let message = match failed.len() {
                    1 => failed[0].message.clone(),
                    n => format!("{n} elements fail: {}", failed[0].message),
                };
                let _ = writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&message),
                    level_name(level),
                    escape_text(&list(failed))
                );
            }
            Verdict::CantTell => {
                let _ = writeln!(
                    out,
                    "      <skipped message=\"cannot tell: a person should check {}\"/>",
                    elements(case.notes.iter().filter(|f| f.ignored.is_none()).count())
                );
            }
        }
        if !case.notes.is_empty() {
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape_text(&notes(&case.notes))
            );
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
    out
}

fn elements(n: usize) -> String {
    if n == 1 {
        "1 element".into()
    } else {
        format!("{n} elements")
    }
}

/// `A`, `AA`, `AAA` or `best-practice`: the failure's `type`.
fn level_name(level: Option<Level>) -> &'static str {
    level.map_or("best-practice", Level::as_str)
}

/// One line per finding: selector, then message.
fn list(findings: &[&Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let _ = writeln!(out, "{}: {}", f.selector, f.message);
    }
    out
}

/// The findings that neither fail nor make the case skipped, with what they are.
fn notes(findings: &[&Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let what = match (&f.ignored, f.outcome) {
            (Some(reason), Outcome::Failed) => format!("ignored failure ({reason})"),
            (Some(reason), _) => format!("ignored cannot tell ({reason})"),
            (None, _) => "cannot tell".to_string(),
        };
        let _ = writeln!(out, "{what}: {}: {}", f.selector, f.message);
    }
    out
}

/// Text made safe for an XML 1.0 attribute value: the five special characters as
/// entities, tab, newline and carriage return as character references (a parser turns raw
/// ones into spaces), and the characters XML 1.0 forbids (other C0 controls, U+FFFE,
/// U+FFFF) left out.
pub(crate) fn escape(text: &str) -> String {
    escape_with(text, true)
}

/// Text made safe for XML 1.0 element content: as [`escape`], but tabs and newlines stay
/// as they are.
pub(crate) fn escape_text(text: &str) -> String {
    escape_with(text, false)
}

fn escape_with(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' if !attribute => out.push(c),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            // A raw CR would be read as a line end; kept as a reference everywhere.
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples::{check_report, crawl_report, MIXED_URL};
    use quick_xml::events::Event;
    use std::collections::BTreeMap;

    /// An element as a real XML parser reads it.
    #[derive(Debug, Default)]
    struct El {
        name: String,
        attrs: BTreeMap<String, String>,
        children: Vec<El>,
        text: String,
    }

    impl El {
        fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
            self.children.iter().filter(move |c| c.name == name)
        }
        fn child<'a>(&'a self, name: &'a str) -> Option<&'a El> {
            self.all(name).next()
        }
        fn attr(&self, name: &str) -> &str {
            self.attrs.get(name).map_or("", String::as_str)
        }
        fn count(&self, name: &str) -> usize {
            self.attr(name).parse().unwrap()
        }
    }

    fn element(e: &quick_xml::events::BytesStart<'_>) -> El {
        El {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            attrs: e
                .attributes()
                .map(|a| {
                    let a = a.expect("well-formed attribute");
                    (
                        String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                        a.unescape_value().expect("known entities").into_owned(),
                    )
                })
                .collect(),
            ..El::default()
        }
    }

    /// Parses the document with quick-xml (end tags checked) into its root element.
    fn parse(xml: &str) -> El {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack: Vec<El> = vec![El::default()];
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => {
                    let el = element(&e);
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::Text(t) => stack.last_mut().unwrap().text += &t.decode().unwrap(),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                            .expect("a predefined entity")
                            .to_string(),
                    };
                    stack.last_mut().unwrap().text += &c;
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "unclosed elements");
        let mut document = stack.pop().unwrap();
        assert_eq!(document.children.len(), 1, "one root element");
        document.children.pop().unwrap()
    }

    #[test]
    fn a_suite_per_page_a_case_per_applicable_rule_and_counts_that_add_up() {
        let report = check_report();
        let root = parse(&render(&report));
        assert_eq!(root.name, "testsuites");
        let suites: Vec<&El> = root.all("testsuite").collect();
        assert_eq!(suites.len(), report.pages.len());
        for (suite, page) in suites.iter().zip(&report.pages) {
            assert_eq!(suite.attr("name"), page.audit.url);
            let cases: Vec<&El> = suite.all("testcase").collect();
            // Every applicable rule, and no inapplicable one.
            let mut rules: Vec<&str> = cases.iter().map(|c| c.attr("classname")).collect();
            rules.sort_unstable();
            let applicable: Vec<&str> = page
                .audit
                .rules
                .applicable
                .iter()
                .map(|r| r.as_ref())
                .collect();
            assert_eq!(rules, applicable);
            assert!(cases.iter().all(|c| c.attr("name") == page.audit.url));
            assert_eq!(suite.count("tests"), cases.len());
            let failed = cases
                .iter()
                .filter(|c| c.child("failure").is_some())
                .count();
            let skipped = cases
                .iter()
                .filter(|c| c.child("skipped").is_some())
                .count();
            assert_eq!(suite.count("failures"), failed);
            assert_eq!(suite.count("skipped"), skipped);
            assert_eq!(suite.count("errors"), 0);
        }
        // The clean page passes everything.
        assert_eq!(suites[1].count("failures") + suites[1].count("skipped"), 0);
        assert!(suites[1].count("tests") > 0);
    }

    #[test]
    fn failures_are_open_failed_findings_and_cant_tell_is_skipped_never_failed() {
        let report = check_report();
        let root = parse(&render(&report));
        let suite = root.child("testsuite").unwrap();
        let case = |rule: &str| {
            suite
                .all("testcase")
                .find(|c| c.attr("classname") == rule)
                .unwrap_or_else(|| panic!("no case for {rule}"))
        };
        let findings = &report.pages[0].audit.findings;
        let finding = |rule: &str, outcome: Outcome| {
            findings
                .iter()
                .find(|f| f.rule == rule && f.outcome == outcome)
                .unwrap()
        };
        // WCAG A: a failure listing the element and the message.
        let image = case("image-has-name").child("failure").unwrap();
        assert_eq!(image.attr("type"), "A");
        let failed = finding("image-has-name", Outcome::Failed);
        assert_eq!(image.attr("message"), failed.message);
        assert_eq!(
            image.text,
            format!("{}: {}\n", failed.selector, failed.message)
        );
        // AAA: a failure of its level; the rule's cantTell element is a note, not a failure.
        let aaa = case("text-contrast-enhanced");
        assert_eq!(aaa.child("failure").unwrap().attr("type"), "AAA");
        let note = &aaa.child("system-out").unwrap().text;
        let unsure = finding("text-contrast-enhanced", Outcome::CantTell);
        assert!(
            note.contains(&format!("cannot tell: {}", unsure.selector)),
            "{note}"
        );
        assert!(!aaa
            .child("failure")
            .unwrap()
            .text
            .contains(&unsure.selector));
        // AA contrast could not be told: skipped, with the reason, and not a failure.
        let minimum = case("text-contrast-minimum");
        assert!(minimum.child("failure").is_none());
        assert_eq!(
            minimum.child("skipped").unwrap().attr("message"),
            "cannot tell: a person should check 1 element"
        );
        // The ignored best-practice failure passes, its reason in system-out.
        let h1 = case("page-has-h1");
        assert!(h1.child("failure").is_none() && h1.child("skipped").is_none());
        assert!(h1
            .child("system-out")
            .unwrap()
            .text
            .starts_with("ignored failure (Headings are added by the CMS <template>): "));
        assert_eq!(suite.count("failures"), 2);
        assert_eq!(suite.count("skipped"), 1);
    }

    #[test]
    fn page_text_survives_escaping_and_forbidden_characters_are_dropped() {
        let xml = render(&crawl_report());
        assert!(!xml.contains('\u{1}'));
        let root = parse(&xml);
        let suite = root.child("testsuite").unwrap();
        assert_eq!(suite.attr("name"), MIXED_URL);
        let title = suite
            .child("properties")
            .unwrap()
            .all("property")
            .find(|p| p.attr("name") == "title")
            .unwrap();
        assert_eq!(title.attr("value"), "Bins <script>alert(1)</script>");
    }

    #[test]
    fn the_escaper_covers_xml_specials_and_forbidden_characters() {
        assert_eq!(escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
        // Attribute values keep tab, newline and CR as references; content keeps tab and
        // newline as they are.
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape_text("a\tb\nc\rd"), "a\tb\nc&#13;d");
        // XML 1.0 allows no other C0 control, nor U+FFFE/U+FFFF; it allows the rest.
        assert_eq!(escape("x\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}y"), "xy");
        assert_eq!(escape("\u{fffe}\u{ffff}é€😀\u{7f}"), "é€😀\u{7f}");
        // And a parser reads the original back.
        let text = "if a < b && c > \"d\" then 'e'\n\tf";
        let root = parse(&format!(
            "<r v=\"{}\">{}</r>",
            escape(text),
            escape_text(text)
        ));
        assert_eq!(root.attr("v"), text);
        assert_eq!(root.text, text);
    }
}
