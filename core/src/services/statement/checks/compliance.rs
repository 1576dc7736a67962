//! AS-09 and AS-10: the compliance status, and whether it agrees with what the statement
//! lists and the crawl found.

use super::listed::lists_failure;
use super::quote;
use crate::services::statement::text::{Block, Page, Section};
use crate::services::statement::StatementContext;
use crate::services::Check;
use crate::services::CheckStatus::{Fail, NotApplicable, Partial, Pass, Unknown};

/// What the statement says its compliance status is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Fully,
    Partially,
    Not,
}

/// The status sentence: the status, the WCAG version it names, and the block.
pub(super) struct StatusClaim<'p> {
    pub(super) status: Status,
    pub(super) version: Option<&'static str>,
    pub(super) level_aa: bool,
    /// The model statement's wording: "fully/partially/not compliant with".
    pub(super) model_wording: bool,
    pub(super) block: &'p Block,
}

/// Finds the compliance status sentence.
pub(super) fn status_claim(page: &Page) -> Option<StatusClaim<'_>> {
    page.blocks
        .iter()
        .find_map(|b| claim_in(b, true))
        // "Compliance status: Partially compliant." names no standard, but is a status.
        .or_else(|| {
            let (_, range) = page.section(Section::Compliance)?;
            page.blocks[range]
                .iter()
                .filter(|b| b.level.is_none())
                .find_map(|b| claim_in(b, false))
        })
}

/// The status a block claims: with `wcag`, only one said against the WCAG.
fn claim_in(block: &Block, wcag: bool) -> Option<StatusClaim<'_>> {
    const OPTIONS: &[(&str, Status, bool)] = &[
        (" not fully compliant ", Status::Partially, false),
        (" fully compliant ", Status::Fully, true),
        (" partially compliant ", Status::Partially, true),
        (" partly compliant ", Status::Partially, false),
        (" not compliant ", Status::Not, true),
        (" non compliant ", Status::Not, false),
        (" fully conforms to ", Status::Fully, false),
        (" partially conforms to ", Status::Partially, false),
        (" fully meets ", Status::Fully, false),
        (" partially meets ", Status::Partially, false),
    ];
    // "We aim to be fully compliant with …" is a plan, not a status.
    const PLANS: &[&str] = &[
        " to be ",
        " become ",
        " aim ",
        " towards ",
        " will be ",
        " ensure ",
        " strive ",
        " working ",
        " want ",
        " plan ",
    ];
    let w = &block.words;
    let mut best: Option<(usize, Status, bool, &str)> = None;
    for &(phrase, status, model) in OPTIONS {
        let Some(at) = w.find(phrase) else { continue };
        let before_start = w[..at].rmatch_indices(' ').nth(4).map_or(0, |(i, _)| i);
        if PLANS.iter().any(|p| w[before_start..at + 1].contains(p)) {
            continue;
        }
        // The first status in the block; "not fully compliant" also contains "fully
        // compliant", further on, so the longer phrase wins.
        if best.is_some_and(|(b, ..)| b <= at) {
            continue;
        }
        best = Some((at, status, model, phrase));
    }
    let (at, status, model, phrase) = best?;
    let after: String = w[at + phrase.len() - 1..]
        .split_whitespace()
        .take(16)
        .collect::<Vec<_>>()
        .join(" ");
    let after = format!(" {after} ");
    let names_wcag =
        after.contains(" web content accessibility guidelines ") || after.contains(" wcag ");
    if wcag && !names_wcag {
        return None;
    }
    let version = [(" 2 2 ", "2.2"), (" 2 1 ", "2.1"), (" 2 0 ", "2.0")]
        .iter()
        .find(|(v, _)| names_wcag && after.contains(v))
        .map(|(_, v)| *v);
    Some(StatusClaim {
        status,
        version,
        level_aa: after.contains(" aa "),
        model_wording: model && names_wcag,
        block,
    })
}

/// AS-09: one of the three status options, against WCAG 2.2 AA.
pub(super) fn status_option(claim: Option<&StatusClaim>, url: &str) -> Check {
    let Some(c) = claim else {
        return Check::new(
            "AS-09",
            Fail,
            url,
            "no compliance status (“This website is fully / partially / not compliant with the \
             Web Content Accessibility Guidelines version 2.2 AA standard”)",
        );
    };
    let q = quote(&c.block.text);
    let (status, why) = match (c.version, c.level_aa) {
        (Some("2.2"), true) if c.model_wording => (Pass, String::new()),
        (Some("2.2"), true) => (
            Partial,
            ": not one of the model statement's three options (“fully”, “partially” or “not” \
             compliant with)"
                .to_string(),
        ),
        (Some("2.1"), _) => (
            Partial,
            ": WCAG 2.1 is out of date; GDS has monitored against WCAG 2.2 AA since October 2024"
                .to_string(),
        ),
        (Some("2.0"), _) => (
            Fail,
            ": WCAG 2.0 is not the standard of the regulations (WCAG 2.1 AA, and 2.2 AA as GDS \
             monitors since October 2024)"
                .to_string(),
        ),
        (Some(_), _) => (
            Partial,
            ": no conformance level (the standard is WCAG 2.2 AA)".to_string(),
        ),
        (None, _) => (
            Partial,
            ": no WCAG version (the standard is WCAG 2.2 AA)".to_string(),
        ),
    };
    Check::new("AS-09", status, url, format!("{q}{why}"))
}

/// AS-10: "fully compliant" only when neither the crawl nor the statement finds failures.
pub(super) fn consistency(
    page: &Page,
    claim: Option<&StatusClaim>,
    url: &str,
    ctx: &StatementContext,
) -> Check {
    let Some(c) = claim else {
        return Check::new(
            "AS-10",
            NotApplicable,
            url,
            "no compliance status to compare (AS-09)",
        );
    };
    if c.status != Status::Fully {
        return Check::new(
            "AS-10",
            Pass,
            url,
            format!("{}: does not claim full compliance", quote(&c.block.text)),
        );
    }
    if let Some(listed) = page.blocks.iter().find(|b| lists_failure(b)) {
        return Check::new(
            "AS-10",
            Fail,
            url,
            format!(
                "claims full compliance, yet the statement lists a failure: {}",
                quote(&listed.text)
            ),
        );
    }
    match &ctx.failures {
        Some(f) if f.pages_failing > 0 => {
            let example = f.example_url.as_deref().unwrap_or(url);
            Check::new(
                "AS-10",
                Fail,
                example,
                format!(
                    "the statement claims full compliance ({}), but the crawl found WCAG A/AA \
                     failures on {} page(s), this one among them",
                    quote(&c.block.text),
                    f.pages_failing
                ),
            )
        }
        Some(_) => Check::new(
            "AS-10",
            Pass,
            url,
            "claims full compliance; the crawl found no WCAG A/AA failures",
        ),
        None => Check::new(
            "AS-10",
            Unknown,
            url,
            "claims full compliance; the crawl did not audit pages to compare",
        ),
    }
}
