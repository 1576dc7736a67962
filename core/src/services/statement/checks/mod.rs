//! The checks on the statement, AS-01…AS-23, each as `docs/scoring.md` states it.

mod compliance;
mod contact;
mod listed;
mod page;
mod preparation;

use super::text::{Block, Page};
use super::{Check, StatementContext};
use crate::services::CheckStatus::{Fail, Partial, Pass, Unknown};

/// AS-01: the statement was found (and reads as one).
pub(super) fn found(ctx: &StatementContext, url: &str, reads_as_statement: bool) -> Check {
    let via = ctx.linking.found_on.as_ref().map_or(String::new(), |f| {
        format!(" from the link “{}” on {}", f.link_text, f.page_url)
    });
    if reads_as_statement {
        Check::new(
            "AS-01",
            Pass,
            url,
            format!("accessibility statement found{via}"),
        )
    } else {
        Check::new(
            "AS-01",
            Partial,
            url,
            format!(
                "an accessibility page was found{via}, but it has no statement wording \
                 (no “Accessibility statement” heading, none of the model statement's sentences)"
            ),
        )
    }
}

/// AS-02: linked from the header or footer of every page sampled.
pub(super) fn linking(ctx: &StatementContext, url: &str) -> Check {
    let l = &ctx.linking;
    let home = if l.home_links { "yes" } else { "no" };
    let summary = format!(
        "linked from the header or footer of {} of {} page(s) sampled; from the home page: {home}",
        l.pages_linking, l.pages_sampled
    );
    let status = if l.pages_sampled == 0 {
        Unknown
    } else if l.pages_linking >= l.pages_sampled {
        Pass
    } else if l.home_links || l.pages_linking > 0 {
        Partial
    } else {
        Fail
    };
    Check::new("AS-02", status, url, summary)
}

/// Truncates evidence quotes to a readable length.
fn quote(text: &str) -> String {
    const MAX: usize = 240;
    if text.chars().count() <= MAX {
        return format!("“{text}”");
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("“{cut}…”")
}

/// AS-04…AS-23 on an HTML statement.
pub(super) fn content(page: &Page, url: &str, ctx: &StatementContext) -> Vec<Check> {
    let all = page.all_words();
    let claim = compliance::status_claim(page);
    let claim = claim.as_ref();
    let out = vec![
        page::heading(page, url),
        page::scope(page, url, ctx),
        page::run_by(page, url, ctx),
        page::commitment(page, url),
        page::compliance_heading(page, url),
        compliance::status_option(claim, url),
        compliance::consistency(page, claim, url, ctx),
        listed::non_accessible(page, claim, url),
        listed::subheadings(page, &all, claim, url),
        listed::criteria(page, url),
        listed::fix_dates(page, url, ctx.crawl_date),
        listed::burden(page, url),
        contact::feedback(page, url),
        contact::formats(page, &all, url),
        contact::reporting(page, url),
        contact::enforcement(page, url, ctx.country),
        preparation::preparation(page, url, ctx.crawl_date),
        preparation::testing(page, url),
        preparation::one_page(page, claim, url),
        preparation::phone_and_roadmap(page, &all, url),
    ];
    for (n, check) in out.iter().enumerate() {
        debug_assert_eq!(check.id, super::id(n + 4));
    }
    out
}

/// " (bold text, not marked up as a heading)" for a heading that only looks like one.
fn markup_note(block: &Block) -> &'static str {
    if block.is_marked_heading() {
        ""
    } else {
        " (a bold line, not marked up as a heading)"
    }
}
