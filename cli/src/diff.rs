//! `frontdesk diff OLD.json NEW.json`: reads two JSON reports and prints the engine's
//! comparison (`frontdesk_core::report::diff`) as text or JSON.

use std::fmt::Write as _;

use frontdesk_core::report::{self, DiffFinding, ReportDiff, ScoreChange};

use crate::args::{DiffArgs, ListFormat};
use crate::gates::read_report;
use crate::output::{self, Destination};
use crate::{error, EXIT_ERROR, EXIT_PASS};

pub fn run(args: DiffArgs) -> u8 {
    let reports = read_report(&args.old, "old report")
        .and_then(|old| Ok((old, read_report(&args.new, "new report")?)));
    let (old, new) = match reports {
        Ok(reports) => reports,
        Err(message) => {
            error(message);
            return EXIT_ERROR;
        }
    };
    let diff = report::diff(old, &new);
    let rendered = match args.format {
        ListFormat::Json => {
            serde_json::to_string_pretty(&diff).expect("the diff always serialises") + "\n"
        }
        ListFormat::Text => text(&diff),
    };
    match output::write(&Destination::Stdout, &rendered) {
        Ok(()) => EXIT_PASS,
        Err(message) => {
            error(message);
            EXIT_ERROR
        }
    }
}

fn text(diff: &ReportDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} new finding{}, {} fixed",
        diff.new.len(),
        if diff.new.len() == 1 { "" } else { "s" },
        diff.fixed.len()
    );
    findings(&mut out, "New", &diff.new);
    findings(&mut out, "Fixed", &diff.fixed);
    if !diff.scores.pages.is_empty() || !diff.scores.site.is_empty() {
        out.push_str("\nScores:\n");
        for change in diff.scores.site.iter().chain(&diff.scores.pages) {
            score(&mut out, change);
        }
    }
    out
}

/// The findings grouped by page (they come in page order).
fn findings(out: &mut String, title: &str, list: &[DiffFinding]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title} ({}):", list.len());
    let mut page: Option<&str> = None;
    for f in list {
        if page != Some(f.url.as_str()) {
            let _ = writeln!(out, "  {}", f.url);
            page = Some(&f.url);
        }
        let level = f.level.map_or("best practice", |l| l.as_str());
        let _ = writeln!(out, "    {} ({level}) {}", f.rule, f.selector);
        let _ = writeln!(out, "      {}", f.message);
    }
}

fn score(out: &mut String, change: &ScoreChange) {
    let figure = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v}"));
    let _ = writeln!(
        out,
        "  {}: {} → {}",
        change.name,
        figure(change.old),
        figure(change.new)
    );
}
