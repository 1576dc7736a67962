//! AS-04…AS-08: the page's heading, scope, responsible body, commitment and compliance
//! status heading.

use super::{markup_note, quote};
use crate::services::statement::text::{words, Block, Page, Section};
use crate::services::statement::StatementContext;
use crate::services::Check;
use crate::services::CheckStatus::{Fail, Partial, Pass};

/// AS-04: the main heading (and the title) say "Accessibility statement".
pub(super) fn heading(page: &Page, url: &str) -> Check {
    let says = |t: &str| words(t).contains(" accessibility statement ");
    let h1 = page.h1.iter().find(|h| says(h));
    let title = page.title.as_deref().filter(|t| says(t));
    match (h1, title) {
        (Some(h), Some(_)) => Check::new(
            "AS-04",
            Pass,
            url,
            format!("main heading {}; the title says it too", quote(h)),
        ),
        (Some(h), None) => Check::new(
            "AS-04",
            Partial,
            url,
            format!(
                "main heading {}, but the page title {} does not say “Accessibility statement”",
                quote(h),
                quote(page.title.as_deref().unwrap_or(""))
            ),
        ),
        (None, Some(t)) => Check::new(
            "AS-04",
            Partial,
            url,
            format!(
                "the title {} says “Accessibility statement”, but no <h1> does (h1: {})",
                quote(t),
                page.h1.first().map_or("none".to_string(), |h| quote(h))
            ),
        ),
        (None, None) => Check::new(
            "AS-04",
            Fail,
            url,
            format!(
                "neither the <h1> ({}) nor the title says “Accessibility statement”",
                page.h1.first().map_or("none".to_string(), |h| quote(h))
            ),
        ),
    }
}

/// Host-like words in a text: "www.kestrelford.gov.uk", "https://x.gov.uk/".
fn named_hosts(block: &Block) -> Vec<String> {
    let mut hosts: Vec<String> = block
        .text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '“' | '”'))
        .filter_map(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '*');
            let t = t
                .strip_prefix("https://")
                .or_else(|| t.strip_prefix("http://"))
                .unwrap_or(t);
            let host = t.split('/').next()?.to_ascii_lowercase();
            let labels: Vec<&str> = host.split('.').collect();
            let valid = labels.len() >= 2
                && labels.iter().all(|l| {
                    !l.is_empty()
                        && l.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*')
                })
                && labels
                    .last()
                    .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic()));
            valid.then_some(host)
        })
        .collect();
    for link in &block.links {
        if let Ok(u) = url::Url::parse(&link.href) {
            if let Some(h) = u.host_str() {
                hosts.push(h.to_ascii_lowercase());
            }
        }
    }
    hosts.sort();
    hosts.dedup();
    hosts
}

/// Whether a host the statement names covers a crawled host: the same host (`www.` or
/// not), or a subdomain of a domain it names bare ("kestrelford.gov.uk",
/// "*.kestrelford.gov.uk"); "www.kestrelford.gov.uk" does not cover "planning.…".
fn covers(named: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let h = host.trim_start_matches("www.");
    if let Some(n) = named.strip_prefix("www.") {
        return h == n;
    }
    let n = named.trim_start_matches("*.");
    h == n || h.ends_with(&format!(".{n}"))
}

/// AS-05: "This accessibility statement applies to …", covering every host crawled.
pub(super) fn scope(page: &Page, url: &str, ctx: &StatementContext) -> Check {
    const PHRASES: &[&str] = &[
        " statement applies to ",
        " statement relates to ",
        " statement covers ",
        " statement is for ",
        " this statement applies ",
    ];
    let Some(at) = page
        .blocks
        .iter()
        .position(|b| PHRASES.iter().any(|p| b.words.contains(p)))
    else {
        return Check::new(
            "AS-05",
            Fail,
            url,
            "no scope sentence (“This accessibility statement applies to …”)",
        );
    };
    let block = &page.blocks[at];
    // What the sentence names: the words after its phrase, or, for "applies to:" and a
    // list, the list that follows.
    let after = PHRASES
        .iter()
        .find_map(|p| block.words.find(p).map(|k| &block.words[k + p.len()..]))
        .unwrap_or("");
    let mut scope: Vec<&Block> = vec![block];
    if after.split_whitespace().count() < 2 {
        scope.extend(
            page.blocks[at + 1..]
                .iter()
                .take_while(|b| b.level.is_none() && !named_hosts(b).is_empty())
                .take(8),
        );
        if scope.len() == 1 {
            return Check::new(
                "AS-05",
                Fail,
                url,
                format!("{} names no website or domain", quote(&block.text)),
            );
        }
    }
    let named: Vec<String> = scope.iter().flat_map(|b| named_hosts(b)).collect();
    let quoted = scope
        .iter()
        .map(|b| quote(&b.text))
        .collect::<Vec<_>>()
        .join(" ");
    if named.is_empty() {
        return Check::new(
            "AS-05",
            Pass,
            url,
            format!("{quoted} (names the website, not its domains)"),
        );
    }
    let uncovered: Vec<&str> = ctx
        .hosts
        .iter()
        .filter(|h| !named.iter().any(|n| covers(n, h)))
        .map(String::as_str)
        .collect();
    if uncovered.is_empty() {
        Check::new("AS-05", Pass, url, quoted)
    } else {
        Check::new(
            "AS-05",
            Partial,
            url,
            format!(
                "{quoted} does not cover the crawled host(s) {}",
                uncovered.join(", ")
            ),
        )
    }
}

/// The words of a council's name that tell it apart ("Kestrelford" of "Kestrelford
/// Borough Council").
fn distinctive_words(name: &str) -> Vec<String> {
    const GENERIC: &[&str] = &[
        "council",
        "borough",
        "district",
        "county",
        "city",
        "metropolitan",
        "royal",
        "of",
        "the",
        "and",
        "unitary",
        "authority",
    ];
    words(name)
        .split_whitespace()
        .filter(|w| !GENERIC.contains(w))
        .map(str::to_string)
        .collect()
}

/// AS-06: "This website is run by <the council>".
pub(super) fn run_by(page: &Page, url: &str, ctx: &StatementContext) -> Check {
    let Some(block) = page.find(
        0..page.blocks.len(),
        &[
            " run by ",
            " managed by ",
            " operated by ",
            " maintained by ",
            " owned by ",
            " runs this website ",
            " runs the website ",
            " responsible for this website ",
        ],
    ) else {
        return Check::new(
            "AS-06",
            Fail,
            url,
            "no sentence saying who runs the website (“This website is run by …”)",
        );
    };
    // "This website is run by [name of organisation]": the model's placeholder, unfilled.
    let lower = block.text.to_lowercase();
    let placeholder = ["run by", "managed by", "operated by"].iter().any(|p| {
        lower
            .find(p)
            .is_some_and(|k| lower[k + p.len()..].trim_start().starts_with('['))
    });
    if placeholder {
        return Check::new(
            "AS-06",
            Fail,
            url,
            format!("{} names no organisation", quote(&block.text)),
        );
    }
    match ctx.council_name {
        Some(name) => {
            let wanted = distinctive_words(name);
            if wanted
                .iter()
                .all(|w| block.words.contains(&format!(" {w} ")))
            {
                Check::new("AS-06", Pass, url, quote(&block.text))
            } else {
                Check::new(
                    "AS-06",
                    Partial,
                    url,
                    format!("{} does not name {name}", quote(&block.text)),
                )
            }
        }
        None => Check::new("AS-06", Pass, url, quote(&block.text)),
    }
}

/// The regulations' title, as [`words`] reads it.
const REGULATIONS: &str =
    " public sector bodies websites and mobile applications no 2 accessibility regulations 2018 ";

const REGULATIONS_WITHOUT_NO_2: &str =
    " public sector bodies websites and mobile applications accessibility regulations 2018 ";

/// AS-07: "<org> is committed to making its website accessible, in accordance with the
/// Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
/// Regulations 2018."
pub(super) fn commitment(page: &Page, url: &str) -> Check {
    let blocks = &page.blocks;
    let Some(block) = blocks
        .iter()
        .find(|b| b.words.contains(" committed to ") && b.words.contains(" accessib"))
    else {
        return Check::new(
            "AS-07",
            Fail,
            url,
            "no commitment (“… is committed to making its website accessible, in accordance \
             with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) \
             Accessibility Regulations 2018”)",
        );
    };
    let w = &block.words;
    if w.contains(" committed to making ") && w.contains(" accessible ") && w.contains(REGULATIONS)
    {
        Check::new("AS-07", Pass, url, quote(&block.text))
    } else if w.contains(REGULATIONS_WITHOUT_NO_2) {
        Check::new(
            "AS-07",
            Partial,
            url,
            format!(
                "{}: the regulations are the “(No. 2) Accessibility Regulations 2018”",
                quote(&block.text)
            ),
        )
    } else {
        Check::new(
            "AS-07",
            Partial,
            url,
            format!(
                "{}: not the model wording (it must name the Public Sector Bodies (Websites and \
                 Mobile Applications) (No. 2) Accessibility Regulations 2018)",
                quote(&block.text)
            ),
        )
    }
}

/// AS-08: a "Compliance status" heading.
pub(super) fn compliance_heading(page: &Page, url: &str) -> Check {
    match page.section(Section::Compliance) {
        Some((at, _)) => {
            let b = &page.blocks[at];
            let status = if b.words.contains(" compliance status ") {
                Pass
            } else {
                Partial
            };
            let note = if status == Pass {
                ""
            } else {
                "; the model statement's heading is “Compliance status”"
            };
            Check::new(
                "AS-08",
                status,
                url,
                format!("heading {}{}{note}", quote(&b.text), markup_note(b)),
            )
        }
        None => Check::new("AS-08", Fail, url, "no “Compliance status” heading"),
    }
}
