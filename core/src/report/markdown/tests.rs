use super::*;
use crate::report::{BaselineSummary, Finding, FixedFinding, Impact, PageReport, RulesRun};

fn finding(outcome: Outcome, level: Option<Level>, message: &str) -> Finding {
    Finding {
        rule: "image-has-name".into(),
        code: "image-has-name/no-alt".into(),
        outcome,
        wcag: vec!["1.1.1".into()],
        level,
        act: Vec::new(),
        impact: Impact::Critical,
        selector: "main > img".into(),
        attribute: None,
        snippet: "<img src=\"bin.png\">".into(),
        line: None,
        message: message.into(),
        data: None,
        fingerprint: "0000000000000000".into(),
        baseline: None,
        ignored: None,
    }
}

fn page(url: &str, title: &str, findings: Vec<Finding>) -> Page {
    Page::new(
        PageReport {
            url: url.into(),
            status: Some(200),
            title: Some(title.into()),
            findings,
            rules: RulesRun::default(),
        },
        None,
    )
}

fn report(pages: Vec<Page>) -> Report {
    Report {
        pages,
        ..Report::new(Vec::new())
    }
}

/// The `|` in `line` that Markdown reads as cell borders (not backslash-escaped).
fn cell_borders(line: &str) -> usize {
    let bytes = line.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .count()
}

#[test]
fn page_text_cannot_break_the_table_or_inject_html() {
    let hostile = "a | b *bold* <script>alert(1)</script> `code` [x](javascript:y) @team";
    let failed = finding(Outcome::Failed, Some(Level::A), hostile);
    let mut new = failed.clone();
    new.baseline = Some(BaselineState::New);
    new.selector = "img[alt=\"``x|y\"]".into();
    let md = render(&Report {
        baseline: Some(BaselineSummary {
            file: "base|line.json".into(),
            new: 1,
            existing: 0,
            fixed: Vec::new(),
        }),
        ..report(vec![page(
            &format!("https://c.example/{hostile}"),
            hostile,
            vec![new],
        )])
    });
    assert!(!md.contains("<script"), "{md}");
    assert!(md.contains("&lt;script&gt;"));
    assert!(!md.contains("*bold*") && md.contains("\\*bold\\*"));
    assert!(!md.contains("[x](") && !md.contains(" @team"));
    // The worst-pages row keeps its four cells: five borders, the title's `|` escaped.
    let row = md
        .lines()
        .find(|l| l.starts_with("| ") && l.contains("alert"))
        .unwrap();
    assert_eq!(cell_borders(row), 5, "{row}");
    // A selector with backticks gets a longer fence (three, around its run of two).
    assert!(md.contains("```img[alt=\"``x|y\"]```"), "{md}");
}

#[test]
fn headline_counts_and_the_worst_pages_first() {
    let a = || finding(Outcome::Failed, Some(Level::A), "No text alternative.");
    let mut ignored = a();
    ignored.ignored = Some("agreed".into());
    let pages = vec![
        page("https://c.example/one", "One", vec![a()]),
        page("https://c.example/three", "Three", vec![a(), a(), a()]),
        page("https://c.example/clean", "Clean", Vec::new()),
        page(
            "https://c.example/unsure",
            "Unsure",
            vec![
                finding(Outcome::CantTell, Some(Level::AA), "Cannot tell."),
                ignored,
            ],
        ),
        page(
            "https://c.example/aaa",
            "AAA",
            vec![finding(Outcome::Failed, Some(Level::AAA), "x")],
        ),
    ];
    let md = render(&report(pages));
    assert!(
        md.contains("**5 pages** audited · **4 failed** at WCAG A/AA on 2 pages · 1 cannot tell (a person must decide) · 1 failed at AAA or best practice · 1 ignored"),
        "{md}"
    );
    let rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("|---:"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .collect();
    // Lowest score first: three failures score lower than one; at the same score the page
    // with more A/AA failures first. The clean page and the AAA one (AAA findings do not
    // lower the score: docs/scoring.md) are left out.
    assert_eq!(rows.len(), 3, "{md}");
    assert!(rows[0].contains("Three") && rows[0].ends_with("| 3 | 0 |"));
    assert!(rows[1].contains("One") && rows[1].ends_with("| 1 | 0 |"));
    assert!(rows[2].contains("Unsure") && rows[2].ends_with("| 0 | 1 |"));
    assert!(!md.contains("Clean") && !md.contains("AAA ("));
}

#[test]
fn a_big_report_stays_under_the_comment_limit() {
    let long = "Long title ".repeat(100);
    let pages = (0..10_000).map(|i| {
        let mut f = finding(
            Outcome::Failed,
            Some(Level::A),
            &"Long message ".repeat(100),
        );
        f.baseline = Some(BaselineState::New);
        f.selector = "div > ".repeat(100);
        Ok::<_, ()>(page(
            &format!("https://c.example/{i}/{}", "x".repeat(500)),
            &long,
            vec![f],
        ))
    });
    let head = Report {
        baseline: Some(BaselineSummary {
            file: "main.json".into(),
            new: 10_000,
            existing: 0,
            fixed: (0..5_000)
                .map(|i| FixedFinding {
                    url: format!("https://c.example/{i}"),
                    rule: "link-name".into(),
                    level: Some(Level::A),
                    selector: "a".into(),
                    message: "gone".into(),
                    fingerprint: "1".into(),
                })
                .collect(),
        }),
        ..report(Vec::new())
    };
    let mut md = String::new();
    write(&head, pages, |s| {
        md.push_str(s);
        Ok(())
    })
    .unwrap();
    assert!(md.len() <= COMMENT_LIMIT, "{}", md.len());
    assert!(md.contains("- and 9980 more\n"));
    assert!(md.contains("- and 4980 more\n"));
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("| 0 |") || l.starts_with("| "))
            .count(),
        11
    );
}

#[test]
fn an_overlong_summary_is_cut_at_a_line_with_a_note() {
    let text: String = (0..10_000).map(|i| format!("line {i}\n")).collect();
    let cut = limit(text.clone(), 1_000);
    assert!(cut.len() <= 1_000);
    assert!(cut.ends_with("has everything._\n"));
    assert!(cut.starts_with("line 0\nline 1\n"));
    // The cut falls between lines: what precedes the note is whole lines of the original.
    let kept = &cut[..cut.find("\n_The summary").unwrap() + 1];
    assert!(text.starts_with(kept));
    assert_eq!(limit("short\n".into(), 1_000), "short\n");
}
