//! The Markdown summary: a short GitHub-flavoured comment for a pull request. A headline
//! (pages, failed A/AA, cannot tell, the scorecard line), what changed since the baseline
//! (new findings first, fixed ones after), the worst pages and the top tasks' stars. Lists
//! are capped, and the whole stays under GitHub's 65,536-character comment limit.
//! [`write()`] streams the pages and keeps only the few it will show.

use std::borrow::Borrow;
use std::fmt::Write as _;

use super::{BaselineState, Level, Outcome, Page, Report};
use crate::services::TaskStatus;

/// New (and fixed) findings listed before "and N more".
const FINDINGS_LISTED: usize = 20;
/// Worst pages listed.
const WORST_PAGES: usize = 10;
/// Longest text (title, message, selector) shown, in characters.
const FIELD_CHARS: usize = 160;
/// GitHub refuses longer comments; the summary stops short of it with a note.
pub const COMMENT_LIMIT: usize = 65_536;

/// The whole Markdown summary as one string.
///
/// ```
/// use frontdesk_core::{audit, report, Options, Report};
/// let page = audit("<html lang=en><title>Bins</title><img src=bin.png></html>", "https://a.example/", &Options::default());
/// let md = report::markdown::render(&Report::new(vec![page]));
/// assert!(md.starts_with("## Accessibility report"));
/// ```
pub fn render(report: &Report) -> String {
    super::format::whole(|more, sink| write(report, more, sink))
}

/// A page kept for the "worst pages" table.
struct Worst {
    score: u8,
    failed: usize,
    order: usize,
    url: String,
    title: Option<String>,
    cant_tell: usize,
}

/// A new finding kept for the list.
struct NewFinding {
    url: String,
    rule: String,
    level: Option<Level>,
    selector: String,
    message: String,
}

#[derive(Default)]
struct Tally {
    pages: usize,
    failing_pages: usize,
    failed_a_aa: usize,
    failed_other: usize,
    cant_tell: usize,
    ignored: usize,
    new: usize,
    new_listed: Vec<NewFinding>,
    worst: Vec<Worst>,
}

impl Tally {
    fn add(&mut self, page: &Page) {
        let order = self.pages;
        self.pages += 1;
        let (mut failed, mut cant_tell) = (0, 0);
        for f in &page.audit.findings {
            if f.ignored.is_some() {
                self.ignored += 1;
                continue;
            }
            let a_aa = matches!(f.level, Some(Level::A | Level::AA));
            match f.outcome {
                Outcome::Failed if a_aa => {
                    failed += 1;
                    self.failed_a_aa += 1;
                }
                Outcome::Failed => self.failed_other += 1,
                Outcome::CantTell => {
                    cant_tell += 1;
                    self.cant_tell += 1;
                }
                Outcome::Passed => continue,
            }
            if f.baseline == Some(BaselineState::New) {
                self.new += 1;
                if self.new_listed.len() < FINDINGS_LISTED {
                    self.new_listed.push(NewFinding {
                        url: page.audit.url.clone(),
                        rule: f.rule.clone(),
                        level: f.level,
                        selector: f.selector.clone(),
                        message: f.message.clone(),
                    });
                }
            }
        }
        if failed > 0 {
            self.failing_pages += 1;
        }
        // Only pages with something to fix are "worst"; kept sorted, at most WORST_PAGES.
        if failed + cant_tell == 0 && page.score == 100 {
            return;
        }
        let key = |w: &Worst| (w.score, std::cmp::Reverse(w.failed), w.order);
        let candidate = Worst {
            score: page.score,
            failed,
            order,
            url: page.audit.url.clone(),
            title: page.audit.title.clone(),
            cant_tell,
        };
        if self.worst.len() == WORST_PAGES
            && key(&candidate) >= key(self.worst.last().expect("full"))
        {
            return;
        }
        let at = self.worst.partition_point(|w| key(w) < key(&candidate));
        self.worst.insert(at, candidate);
        self.worst.truncate(WORST_PAGES);
    }
}

/// Writes the summary of `report` with `more` pages after its own; the text goes to `sink`
/// once the pages are counted.
pub fn write<P, E>(
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    let mut tally = Tally::default();
    for page in &report.pages {
        tally.add(page);
    }
    for page in more {
        tally.add(page?.borrow());
    }
    sink(&limit(summary(report, &tally), COMMENT_LIMIT))
}

/// Cuts `text` at the last line break that leaves room for the note saying so.
fn limit(text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    const NOTE: &str =
        "\n_The summary was cut here to fit a comment; the JSON or HTML report has everything._\n";
    let mut end = max - NOTE.len();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').unwrap_or(0);
    format!("{}{NOTE}", &text[..end])
}

fn summary(report: &Report, tally: &Tally) -> String {
    let mut out = String::from("## Accessibility report");
    if let Some(name) = report
        .scores
        .as_ref()
        .map(|s| s.name.as_str())
        .or(report.site.as_ref().map(|s| s.root.as_str()))
    {
        let _ = write!(out, ": {}", text(name));
    }
    out.push_str("\n\n");
    if let Some(scores) = &report.scores {
        let _ = writeln!(out, "**{}**\n", text(&scores.to_string()));
    }
    let _ = writeln!(
        out,
        "**{}** audited · **{} failed** at WCAG A/AA on {} · {} cannot tell (a person must decide) · {} failed at AAA or best practice{}",
        plural(tally.pages, "page", "pages"),
        tally.failed_a_aa,
        plural(tally.failing_pages, "page", "pages"),
        tally.cant_tell,
        tally.failed_other,
        if tally.ignored > 0 {
            format!(" · {} ignored", tally.ignored)
        } else {
            String::new()
        }
    );
    if let Some(site) = &report.site {
        if site.interrupted {
            out.push_str(
                "\n**The crawl was stopped before it finished: this report is partial.**\n",
            );
        }
    }
    if let Some(baseline) = &report.baseline {
        let _ = writeln!(
            out,
            "\n### Since the baseline\n\n**{} new** · {} existing · **{} fixed** (baseline: {})\n",
            baseline.new,
            baseline.existing,
            baseline.fixed.len(),
            code(&baseline.file)
        );
        if !tally.new_listed.is_empty() {
            out.push_str("New findings:\n\n");
            for f in &tally.new_listed {
                let _ = writeln!(
                    out,
                    "- {} ({}) on {}: {} — {}",
                    code(&f.rule),
                    f.level.map_or("best practice", Level::as_str),
                    text(&f.url),
                    code(&f.selector),
                    text(&f.message)
                );
            }
            if tally.new > tally.new_listed.len() {
                let _ = writeln!(out, "- and {} more", tally.new - tally.new_listed.len());
            }
            out.push('\n');
        }
        if !baseline.fixed.is_empty() {
            out.push_str("Fixed:\n\n");
            for f in baseline.fixed.iter().take(FINDINGS_LISTED) {
                let _ = writeln!(
                    out,
                    "- {} ({}) on {}: {}",
                    code(&f.rule),
                    f.level.map_or("best practice", Level::as_str),
                    text(&f.url),
                    code(&f.selector)
                );
            }
            if baseline.fixed.len() > FINDINGS_LISTED {
                let _ = writeln!(out, "- and {} more", baseline.fixed.len() - FINDINGS_LISTED);
            }
            out.push('\n');
        }
    }
    if !tally.worst.is_empty() {
        out.push_str("\n### Worst pages\n\n| Score | Page | Failed A/AA | Cannot tell |\n|---:|---|---:|---:|\n");
        for w in &tally.worst {
            let page = match w.title.as_deref() {
                Some(title) if !title.is_empty() => format!("{} ({})", text(title), text(&w.url)),
                _ => text(&w.url),
            };
            let _ = writeln!(
                out,
                "| {} | {page} | {} | {} |",
                w.score, w.failed, w.cant_tell
            );
        }
    }
    if let Some(services) = report.services.as_ref().filter(|s| !s.tasks.is_empty()) {
        out.push_str("\n### Top tasks\n\n| Task | Status | Stars |\n|---|---|---|\n");
        for task in &services.tasks {
            let status = match task.status {
                TaskStatus::Online => "online",
                TaskStatus::Offline => "offline",
                TaskStatus::NotFound => "not found",
                TaskStatus::OtherTier => "other tier",
                TaskStatus::Unknown => "unknown",
            };
            let stars = task.stars.map_or("–".to_string(), |n| {
                let n = n.min(4);
                format!(
                    "{}{} {n}/4",
                    "★".repeat(n.into()),
                    "☆".repeat((4 - n).into())
                )
            });
            let _ = writeln!(out, "| {} | {status} | {stars} |", text(&task.name));
        }
    }
    let _ = write!(
        out,
        "\n<sub>{} {} · automated checks find only some problems; cannot tell needs a person.</sub>\n",
        text(&report.tool.name),
        text(&report.tool.version)
    );
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// At most [`FIELD_CHARS`] characters of one line of `s`.
fn shorten(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() > FIELD_CHARS {
        flat.chars().take(FIELD_CHARS - 1).collect::<String>() + "…"
    } else {
        flat
    }
}

/// Page text as inert Markdown: every character Markdown or a table gives meaning to is
/// backslash-escaped, and `<`, `>`, `&` become entities (GitHub renders raw HTML).
fn text(s: &str) -> String {
    let mut out = String::new();
    for c in shorten(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '!' | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Page text as a code span (in list items only: a table would need its `|` escaped):
/// fenced with one backtick more than its longest run, padded when it starts or ends with one.
fn code(s: &str) -> String {
    let s = shorten(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests;
