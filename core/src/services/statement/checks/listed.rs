//! AS-11…AS-15: what the statement lists as not accessible: the section and its
//! subheadings, the criteria failed, the dates of fixes, disproportionate burden.

use super::compliance::{Status, StatusClaim};
use super::quote;
use crate::services::statement::dates::{self, Date, Written};
use crate::services::statement::text::{sentences, words, Block, Page, Section};
use crate::services::Check;
use crate::services::CheckStatus::{Fail, NotApplicable, Partial, Pass, Unknown};

/// Whether a text names a WCAG success criterion number ("1.4.3", "2.4.11").
fn names_criterion(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    (0..b.len()).any(|i| {
        if !(b'1'..=b'4').contains(&b[i])
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'))
        {
            return false;
        }
        let mut j = i + 1;
        for _ in 0..2 {
            if b.get(j) != Some(&b'.') {
                return false;
            }
            let n = digits(j + 1);
            if n == 0 || n > 2 {
                return false;
            }
            j += 1 + n;
        }
        // Not a longer dotted number (a version "1.2.3.4", a date "1.10.2020").
        !(b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// Blocks that list non-compliances: the "Non-compliance with the accessibility
/// regulations" section, else the "Non-accessible content" section without its burden and
/// out-of-scope subsections.
fn non_compliance_blocks(page: &Page) -> Vec<&Block> {
    // The section's opening sentence, and "there are no known issues", list nothing.
    let lists = |b: &&Block| {
        b.level.is_none()
            && ![
                NON_ACCESSIBLE_SENTENCE,
                " no known ",
                " none ",
                " not aware of ",
            ]
            .iter()
            .any(|p| b.words.contains(p))
    };
    if let Some((_, range)) = page.section(Section::NonCompliance) {
        return page.blocks[range].iter().filter(lists).collect();
    }
    let Some((_, range)) = page.section(Section::NonAccessible) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut skipping = false;
    for b in &page.blocks[range] {
        if b.level.is_some() {
            skipping = matches!(
                Section::of_heading(&b.words),
                Some(Section::Burden | Section::OutOfScope)
            );
        } else if !skipping && lists(&b) {
            out.push(b);
        }
    }
    out
}

/// A block that lists a failure: it names a criterion and says it fails.
pub(super) fn lists_failure(b: &Block) -> bool {
    (names_criterion(&b.text) || b.words.contains(" success criteri"))
        && (b.words.contains(" fail") || b.words.contains(" does not meet "))
}

const NON_ACCESSIBLE_SENTENCE: &str =
    " content listed below is non accessible for the following reasons ";

/// AS-11: the "Non-accessible content" section and its sentence, when not fully compliant.
pub(super) fn non_accessible(page: &Page, claim: Option<&StatusClaim>, url: &str) -> Check {
    let section = page.section(Section::NonAccessible);
    let sentence = page.find(0..page.blocks.len(), &[NON_ACCESSIBLE_SENTENCE]);
    match claim.map(|c| c.status) {
        Some(Status::Fully) => {
            return Check::new(
                "AS-11",
                NotApplicable,
                url,
                "claims full compliance: no non-accessible content section is needed",
            )
        }
        None if section.is_none() && sentence.is_none() => {
            return Check::new(
                "AS-11",
                Unknown,
                url,
                "no compliance status (AS-09), so whether the section is needed is not known",
            )
        }
        _ => {}
    }
    match (section, sentence) {
        (Some((at, _)), Some(s)) => {
            let heading = &page.blocks[at];
            let model = [" non accessible content ", " nonaccessible content "]
                .iter()
                .any(|p| heading.words.contains(p));
            let (status, note) = if model {
                (Pass, "")
            } else {
                (
                    Partial,
                    " (the model statement's heading is “Non-accessible content”)",
                )
            };
            Check::new(
                "AS-11",
                status,
                url,
                format!("heading {}{note}; {}", quote(&heading.text), quote(&s.text)),
            )
        }
        (Some((at, _)), None) => Check::new(
            "AS-11",
            Partial,
            url,
            format!(
                "heading {}, but not the sentence “The content listed below is non-accessible \
                 for the following reasons”",
                quote(&page.blocks[at].text)
            ),
        ),
        (None, Some(s)) => Check::new(
            "AS-11",
            Partial,
            url,
            format!(
                "{}, but no “Non-accessible content” heading",
                quote(&s.text)
            ),
        ),
        (None, None) => Check::new(
            "AS-11",
            Fail,
            url,
            "not fully compliant, but no “Non-accessible content” section",
        ),
    }
}

/// Where the statement claims a disproportionate burden: a sentence naming it that does
/// not deny it ("We are not claiming …", "no disproportionate burden"), else content under a
/// "Disproportionate burden" heading other than "None" or "Not applicable".
fn burden_claim(page: &Page) -> Option<&Block> {
    const DENIALS: &[&str] = &[
        " not claim",
        " no disproportionate ",
        " none ",
        " not applicable ",
        " n a ",
        " not be a disproportionate ",
        " not consider",
        " not currently claim",
        " not making a",
    ];
    let denies = |w: &str| DENIALS.iter().any(|d| w.contains(d));
    let claims = |b: &&Block| {
        b.level.is_none()
            && sentences(&b.text).into_iter().any(|s| {
                let w = words(s);
                w.contains(" disproportionate burden ") && !denies(&w)
            })
    };
    if let Some(b) = page.blocks.iter().find(claims) {
        return Some(b);
    }
    let (_, range) = page.section(Section::Burden)?;
    page.blocks[range]
        .iter()
        .find(|b| b.level.is_none() && !denies(&b.words))
}

/// AS-12: the legally required subheadings, for the kinds of content the statement lists.
pub(super) fn subheadings(page: &Page, all: &str, claim: Option<&StatusClaim>, url: &str) -> Check {
    let has = |s: Section| page.section(s).is_some();
    let topics = [
        (
            Section::NonCompliance,
            "Non-compliance with the accessibility regulations",
            page.blocks.iter().any(lists_failure),
        ),
        (
            Section::Burden,
            "Disproportionate burden",
            burden_claim(page).is_some(),
        ),
        (
            Section::OutOfScope,
            "Content that’s not within the scope of the accessibility regulations",
            [
                " not within the scope ",
                " outside the scope ",
                " out of scope ",
                " not in scope ",
            ]
            .iter()
            .any(|p| all.contains(p)),
        ),
    ];
    let used: Vec<_> = topics
        .iter()
        .filter(|(s, _, listed)| *listed || has(*s))
        .collect();
    let present: Vec<&str> = used.iter().filter(|t| has(t.0)).map(|t| t.1).collect();
    let missing: Vec<&str> = used.iter().filter(|t| !has(t.0)).map(|t| t.1).collect();
    if used.is_empty() {
        let fully = claim.is_none_or(|c| c.status == Status::Fully);
        return match non_compliance_blocks(page).first() {
            Some(b) => Check::new(
                "AS-12",
                Partial,
                url,
                format!(
                    "content is listed ({}) without the legally required subheadings \
                     (“Non-compliance with the accessibility regulations”, “Disproportionate \
                     burden”, “Content that’s not within the scope of the accessibility \
                     regulations”)",
                    quote(&b.text)
                ),
            ),
            None if !fully => Check::new(
                "AS-12",
                Fail,
                url,
                "not fully compliant, but lists no non-compliances, disproportionate burden or \
                 out-of-scope content",
            ),
            None => Check::new(
                "AS-12",
                NotApplicable,
                url,
                "lists no non-compliances, disproportionate burden or out-of-scope content",
            ),
        };
    }
    let quoted = |v: &[&str]| {
        v.iter()
            .map(|h| format!("“{h}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if missing.is_empty() {
        Check::new("AS-12", Pass, url, format!("headings {}", quoted(&present)))
    } else if present.is_empty() {
        Check::new(
            "AS-12",
            Partial,
            url,
            format!(
                "content is listed without its heading(s) {}",
                quoted(&missing)
            ),
        )
    } else {
        Check::new(
            "AS-12",
            Partial,
            url,
            format!(
                "headings {}; missing {}",
                quoted(&present),
                quoted(&missing)
            ),
        )
    }
}

/// AS-13: the listed non-compliances name the WCAG success criteria they fail.
pub(super) fn criteria(page: &Page, url: &str) -> Check {
    let blocks = non_compliance_blocks(page);
    if blocks.is_empty() {
        return Check::new("AS-13", NotApplicable, url, "no non-compliances are listed");
    }
    let naming: Vec<&&Block> = blocks
        .iter()
        .filter(|b| names_criterion(&b.text) || b.words.contains(" success criteri"))
        .collect();
    match naming.first() {
        Some(first) => Check::new(
            "AS-13",
            Pass,
            url,
            format!(
                "{} of {} listed item(s) name a WCAG success criterion, e.g. {}",
                naming.len(),
                blocks.len(),
                quote(&first.text)
            ),
        ),
        None => Check::new(
            "AS-13",
            Fail,
            url,
            format!(
                "the non-compliances listed name no WCAG success criterion, e.g. {}",
                quote(&blocks[0].text)
            ),
        ),
    }
}

/// Words that make a sentence about a fix to come.
const FIX_WORDS: &[&str] = &[
    " plan",
    " will ",
    " aim ",
    " intend",
    " expect",
    " fix",
    " due ",
    " scheduled ",
    " target",
    " resolv",
    " address",
];

/// A word before a date that makes it something other than a fix date ("published before
/// 23 September 2018", "tested on 10 March 2026").
const NOT_FIX_DATE: &[&str] = &[
    "before",
    "since",
    "after",
    "from",
    "published",
    "on",
    "created",
    "dated",
];

/// The fix date of a sentence about a fix to come: its latest date ("found in March 2026,
/// we will fix it by June 2027" is fixed by June 2027).
fn fix_date(sentence: &str) -> Option<Written> {
    let w = words(sentence);
    if !FIX_WORDS.iter().any(|f| w.contains(f)) || w.contains(" do not require ") {
        return None;
    }
    // "This was fixed in March 2026" reports a fix done, not one to come.
    let done = [
        " fixed ",
        " resolved ",
        " addressed ",
        " completed ",
        " corrected ",
    ]
    .iter()
    .any(|p| w.contains(p));
    let to_come = [
        " will ",
        " plan",
        " aim ",
        " intend",
        " expect",
        " due ",
        " scheduled ",
        " target",
    ]
    .iter()
    .any(|p| w.contains(p));
    if done && !to_come {
        return None;
    }
    let toks = dates::tokens(sentence);
    let mut latest: Option<Written> = None;
    let mut k = 0;
    while k < toks.len() {
        let prev = |n: usize| if k >= n { toks[k - n].as_str() } else { "" };
        // A bare year is a date only as "by 2027", "until 2027", "end of 2027".
        let year_only = || {
            let after =
                prev(1) == "by" || prev(1) == "until" || (prev(1) == "of" && prev(2) == "end");
            dates::year_number(&toks[k])
                .filter(|_| after)
                .map(|y| (Written::year(y), 1))
        };
        let Some((written, used)) = dates::date_at(&toks[k..]).or_else(year_only) else {
            k += 1;
            continue;
        };
        if !NOT_FIX_DATE.contains(&prev(1)) && latest.is_none_or(|l| written.latest > l.latest) {
            latest = Some(written);
        }
        k += used;
    }
    latest
}

/// AS-14: the dates given for fixes (in sentences about a fix to come) are after the crawl.
pub(super) fn fix_dates(page: &Page, url: &str, crawl: Date) -> Check {
    let mut past: Vec<(Written, &Block)> = Vec::new();
    let mut future = 0;
    for b in non_compliance_blocks(page) {
        for written in sentences(&b.text).into_iter().filter_map(fix_date) {
            if written.latest < crawl {
                past.push((written, b));
            } else {
                future += 1;
            }
        }
    }
    if let Some((w, b)) = past.first() {
        Check::new(
            "AS-14",
            Fail,
            url,
            format!(
                "{} fix date(s) before the crawl ({crawl}), e.g. {} in {}",
                past.len(),
                w.latest,
                quote(&b.text)
            ),
        )
    } else if future > 0 {
        Check::new(
            "AS-14",
            Pass,
            url,
            format!("{future} fix date(s), all after the crawl ({crawl})"),
        )
    } else {
        Check::new("AS-14", NotApplicable, url, "no fix dates are given")
    }
}

/// AS-15: a disproportionate burden claim says it was assessed.
pub(super) fn burden(page: &Page, url: &str) -> Check {
    let Some(claim) = burden_claim(page) else {
        return Check::new(
            "AS-15",
            NotApplicable,
            url,
            "no disproportionate burden is claimed",
        );
    };
    let section = page.section(Section::Burden);
    let range = match &section {
        Some((at, range)) => *at..range.end,
        None => 0..page.blocks.len(),
    };
    let in_scope = |b: &&Block| section.is_some() || b.words.contains(" disproportionate burden ");
    let assessed = page.blocks[range.clone()]
        .iter()
        .filter(in_scope)
        .find(|b| b.words.contains(" assess"));
    let linked = page.blocks[range]
        .iter()
        .flat_map(|b| b.links.iter())
        .find(|l| {
            let w = words(&format!("{} {}", l.text, l.href));
            w.contains(" assessment ")
        });
    match (assessed, linked) {
        (_, Some(l)) => Check::new(
            "AS-15",
            Pass,
            url,
            format!("the assessment is linked: “{}” ({})", l.text, l.href),
        ),
        (Some(b), None) => Check::new("AS-15", Pass, url, quote(&b.text)),
        (None, None) => Check::new(
            "AS-15",
            Fail,
            url,
            format!(
                "claims disproportionate burden without saying it was assessed (regulation 7): {}",
                quote(&claim.text)
            ),
        ),
    }
}
