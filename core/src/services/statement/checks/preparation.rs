//! AS-20…AS-23: preparation and testing, the statement on one page, and the optional
//! phone, visit and roadmap sections.

use super::compliance::{Status, StatusClaim};
use super::quote;
use crate::services::statement::dates::{self, Date, Written};
use crate::services::statement::text::{sentences, words, Block, Page, Section};
use crate::services::Check;
use crate::services::CheckStatus::{Fail, NotApplicable, Partial, Pass, Unknown};

/// A phrase followed by a date: what the statement says, and the date if it reads.
enum Dated<'p> {
    Date(Written, &'p Block),
    /// The phrase is followed by something date-like that does not read as a date.
    Unreadable(&'p Block),
}

/// Dates after any of `triggers` (single words: "prepared", "reviewed") in `blocks`.
fn dated<'p>(blocks: impl IntoIterator<Item = &'p Block>, triggers: &[&str]) -> Vec<Dated<'p>> {
    let mut out = Vec::new();
    for b in blocks {
        // A date belongs to the sentence of its phrase: "Reviewed: [date]. Tested 10 March
        // 2026" gives no review date.
        for sentence in sentences(&b.text) {
            dated_in(sentence, b, triggers, &mut out);
        }
    }
    out
}

/// [`dated`] in one sentence of block `b`.
fn dated_in<'p>(sentence: &str, b: &'p Block, triggers: &[&str], out: &mut Vec<Dated<'p>>) {
    let toks = dates::tokens(sentence);
    for (k, t) in toks.iter().enumerate() {
        if !triggers.contains(&t.as_str()) {
            continue;
        }
        // "It will be reviewed in March 2027", "Next review: March 2027": a review to come.
        let before = if k > 0 { toks[k - 1].as_str() } else { "" };
        if ["next", "be", "annual", "for", "due"].contains(&before) {
            continue;
        }
        let rest = &toks[k + 1..];
        // "documents published before 23 September 2018" dates no statement.
        let bounds = ["before", "after", "since", "from", "until", "prior"];
        if rest.first().is_some_and(|w| bounds.contains(&w.as_str())) {
            continue;
        }
        match dates::date_within(rest, 6) {
            Some(d) => out.push(Dated::Date(d, b)),
            // "[date]" is no date; "31 Septembre 2026" is one that does not read.
            None if rest
                .iter()
                .take(6)
                .any(|t| t.chars().any(|c| c.is_ascii_digit())) =>
            {
                out.push(Dated::Unreadable(b))
            }
            None => {}
        }
    }
}

/// AS-20: prepared and last reviewed within 12 months of the crawl.
pub(super) fn preparation<'p>(page: &'p Page, url: &str, crawl: Date) -> Check {
    let section = page.section(Section::Preparation);
    let read = |blocks: &mut dyn Iterator<Item = &'p Block>| {
        let mut found: Vec<(bool, Dated)> = Vec::new();
        for b in blocks {
            let prepared = dated(
                [b],
                &[
                    "prepared",
                    "published",
                    "created",
                    "adopted",
                    "approved",
                    "dated",
                ],
            );
            found.extend(prepared.into_iter().map(|d| (false, d)));
            let reviewed = dated([b], &["reviewed", "review", "updated", "revised"]);
            found.extend(reviewed.into_iter().map(|d| (true, d)));
        }
        found
    };
    // The dates in the preparation section; else anywhere in the statement ("Last
    // updated: 1 March 2026" at its top).
    let mut found = match &section {
        Some((at, range)) => read(&mut page.blocks[*at..range.end].iter()),
        None => Vec::new(),
    };
    if found.is_empty() {
        found = read(&mut page.blocks.iter());
    }
    let prepared = found
        .iter()
        .any(|(review, d)| !review && matches!(d, Dated::Date(..)));
    let readable: Vec<(Written, &Block)> = found
        .iter()
        .filter_map(|(_, d)| match d {
            Dated::Date(w, b) => Some((*w, *b)),
            Dated::Unreadable(_) => None,
        })
        .collect();
    // The newest date up to the crawl; one after it only when there is no other.
    let newest = readable
        .iter()
        .filter(|(w, _)| w.earliest <= crawl)
        .max_by_key(|(w, _)| w.latest)
        .or_else(|| readable.iter().max_by_key(|(w, _)| w.latest))
        .copied();
    let Some((newest, block)) = newest else {
        return match found.first() {
            Some((_, Dated::Unreadable(b))) => Check::new(
                "AS-20",
                Unknown,
                url,
                format!("the date in {} could not be read", quote(&b.text)),
            ),
            _ => Check::new(
                "AS-20",
                Fail,
                url,
                "the statement is not dated (“This statement was prepared on [date]. It was last \
                 reviewed on [date].”)",
            ),
        };
    };
    let cutoff = crawl.a_year_before();
    if newest.earliest > crawl {
        return Check::new(
            "AS-20",
            Unknown,
            url,
            format!("{} is dated after the crawl ({crawl})", quote(&block.text)),
        );
    }
    let unreadable = found.iter().find_map(|(_, d)| match d {
        Dated::Unreadable(b) => Some(*b),
        Dated::Date(..) => None,
    });
    if let (true, Some(b)) = (newest.latest < cutoff, unreadable) {
        return Check::new(
            "AS-20",
            Unknown,
            url,
            format!(
                "the newest date that reads ({}) is more than 12 months old, but the date in {} \
                 could not be read",
                newest.latest,
                quote(&b.text)
            ),
        );
    }
    if newest.latest < cutoff {
        return Check::new(
            "AS-20",
            Fail,
            url,
            format!(
                "last prepared or reviewed {} ({}), more than 12 months before the crawl ({crawl})",
                newest.latest,
                quote(&block.text)
            ),
        );
    }
    let mut gaps = Vec::new();
    if section.is_none() {
        gaps.push("no “Preparation of this accessibility statement” heading");
    }
    if !prepared {
        gaps.push("no preparation date");
    }
    if gaps.is_empty() {
        Check::new(
            "AS-20",
            Pass,
            url,
            format!(
                "{}: within 12 months of the crawl ({crawl})",
                quote(&block.text)
            ),
        )
    } else {
        Check::new(
            "AS-20",
            Partial,
            url,
            format!(
                "{}: within 12 months of the crawl, but {}",
                quote(&block.text),
                gaps.join(", ")
            ),
        )
    }
}

/// AS-21: when the site was last tested, by whom, and how pages were chosen.
pub(super) fn testing(page: &Page, url: &str) -> Check {
    let range = page
        .section(Section::Preparation)
        .map_or(0..page.blocks.len(), |(at, r)| at..r.end);
    let blocks = &page.blocks[range.clone()];
    let tested = dated(blocks, &["tested", "audited", "assessed", "evaluated"])
        .into_iter()
        .find_map(|d| match d {
            Dated::Date(_, b) => Some(b),
            Dated::Unreadable(_) => None,
        });
    let who = page.find(
        range.clone(),
        &[
            " carried out by ",
            " tested by ",
            " conducted by ",
            " audited by ",
            " completed by ",
            " own testing ",
            " we tested ",
            " in house ",
            " internally ",
            " our own ",
        ],
    );
    let how = page.find(
        range,
        &[
            " sample",
            " approach ",
            " automated ",
            " manual ",
            " assistive technolog",
            " screen reader",
            " tools ",
            " representative ",
        ],
    );
    let mut missing = Vec::new();
    if tested.is_none() {
        missing.push("the date it was last tested");
    }
    if who.is_none() {
        missing.push("who tested it");
    }
    if how.is_none() {
        missing.push("how pages were chosen or tested");
    }
    let seen: Vec<String> = [tested, who, how]
        .iter()
        .flatten()
        .map(|b| quote(&b.text))
        .fold(Vec::new(), |mut v, q| {
            if !v.contains(&q) {
                v.push(q);
            }
            v
        });
    match missing.len() {
        0 => Check::new("AS-21", Pass, url, seen.join(" ")),
        3 => Check::new(
            "AS-21",
            Fail,
            url,
            "no testing information (“This website was last tested on [date]. The test was carried \
             out by …”, and how pages were chosen)",
        ),
        _ => Check::new(
            "AS-21",
            Partial,
            url,
            format!("{}; missing {}", seen.join(" "), missing.join(", ")),
        ),
    }
}

/// AS-22: the whole statement (every required heading) on this one page.
pub(super) fn one_page(page: &Page, claim: Option<&StatusClaim>, url: &str) -> Check {
    let mut required = vec![
        (Section::Compliance, "Compliance status"),
        (Section::Feedback, "Feedback and contact information"),
        (Section::Enforcement, "Enforcement procedure"),
        (
            Section::Preparation,
            "Preparation of this accessibility statement",
        ),
    ];
    if claim.is_some_and(|c| c.status != Status::Fully) {
        required.push((Section::NonAccessible, "Non-accessible content"));
    }
    let missing: Vec<_> = required
        .iter()
        .filter(|(s, _)| page.section(*s).is_none())
        .collect();
    if missing.is_empty() {
        return Check::new(
            "AS-22",
            Pass,
            url,
            format!("all {} required headings are on this page", required.len()),
        );
    }
    let names = missing
        .iter()
        .map(|(_, n)| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ");
    // A link to the missing part by its heading ("Compliance status"), or to the "full
    // statement", means the statement is split over pages.
    // (A contents list's "#compliance-status" link goes to this page.)
    let split = page.blocks.iter().flat_map(|b| b.links.iter()).find(|l| {
        if l.href.starts_with('#') {
            return false;
        }
        let w = words(&l.text);
        missing.iter().any(|(_, name)| w.contains(&words(name)))
            || w.contains(" full accessibility statement ")
            || w.contains(" full statement ")
    });
    match split {
        Some(l) => Check::new(
            "AS-22",
            Fail,
            url,
            format!(
                "{names} not on this page; the statement continues elsewhere: “{}” ({})",
                l.text, l.href
            ),
        ),
        None => Check::new(
            "AS-22",
            Partial,
            url,
            format!("{names} not on this page (see the checks for those sections)"),
        ),
    }
}

/// AS-23 (information, optional): phone and visit access, and a roadmap.
pub(super) fn phone_and_roadmap(page: &Page, all: &str, url: &str) -> Check {
    let mut access: Vec<&str> = [
        (" text relay ", "text relay"),
        (" relay uk ", "Relay UK"),
        (" british sign language ", "British Sign Language"),
        (" bsl ", "BSL"),
        (" induction loop", "induction loops"),
        (" hearing loop", "hearing loops"),
    ]
    .iter()
    .filter(|(p, _)| all.contains(p))
    .map(|(_, n)| *n)
    .collect();
    if access.contains(&"British Sign Language") {
        access.retain(|a| *a != "BSL");
    }
    let roadmap = page.section(Section::Roadmap).is_some() || all.contains(" roadmap ");
    let mut seen = Vec::new();
    if page.section(Section::PhoneOrVisit).is_some() || !access.is_empty() {
        let what = if access.is_empty() {
            String::new()
        } else {
            format!(" ({})", access.join(", "))
        };
        seen.push(format!("phone and visit access{what}"));
    }
    if roadmap {
        seen.push("what it is doing to improve accessibility (a roadmap)".to_string());
    }
    if seen.is_empty() {
        Check::new(
            "AS-23",
            NotApplicable,
            url,
            "optional: no phone or visit access section and no roadmap",
        )
    } else {
        Check::new(
            "AS-23",
            Pass,
            url,
            format!("describes {}", seen.join(" and ")),
        )
    }
}
