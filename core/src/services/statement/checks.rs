//! The checks on the statement's content, AS-04…AS-23, each as `docs/scoring.md` states it.

use super::dates::{self, Date, Written};
use super::text::{words, Block, Page, Section};
use super::{Check, CheckStatus, Country, StatementContext};

use CheckStatus::{Fail, NotApplicable, Partial, Pass, Unknown};

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

/// What the statement says its compliance status is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Fully,
    Partially,
    Not,
}

/// The status sentence: the status, the WCAG version it names, and the block.
struct StatusClaim<'p> {
    status: Status,
    version: Option<&'static str>,
    level_aa: bool,
    /// The model statement's wording: "fully/partially/not compliant with".
    model_wording: bool,
    block: &'p Block,
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
    let claim = status_claim(page);
    let mut out = vec![
        heading(page, url),
        scope(page, url, ctx),
        run_by(page, url, ctx),
        commitment(page, url),
        compliance_heading(page, url),
        status_option(claim.as_ref(), url),
        consistency(page, claim.as_ref(), url, ctx),
        non_accessible(page, claim.as_ref(), url),
        subheadings(page, &all, claim.as_ref(), url),
        criteria(page, url),
        fix_dates(page, url, ctx.crawl_date),
        burden(page, &all, url),
        feedback(page, url),
        formats(page, &all, url),
        reporting(page, url),
        enforcement(page, url, ctx.country),
        preparation(page, url, ctx.crawl_date),
        testing(page, url),
        one_page(page, claim.as_ref(), url),
        phone_and_roadmap(page, &all, url),
    ];
    for (n, check) in out.iter_mut().enumerate() {
        debug_assert_eq!(check.id, super::id(n + 4));
    }
    out.shrink_to_fit();
    out
}

/// AS-04: the main heading (and the title) say "Accessibility statement".
fn heading(page: &Page, url: &str) -> Check {
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
fn scope(page: &Page, url: &str, ctx: &StatementContext) -> Check {
    let Some(block) = page.find(
        0..page.blocks.len(),
        &[
            " statement applies to ",
            " statement covers ",
            " statement is for ",
            " this statement applies ",
        ],
    ) else {
        return Check::new(
            "AS-05",
            Fail,
            url,
            "no scope sentence (“This accessibility statement applies to …”)",
        );
    };
    let named = named_hosts(block);
    if named.is_empty() {
        return Check::new(
            "AS-05",
            Pass,
            url,
            format!(
                "{} (names the website, not its domains)",
                quote(&block.text)
            ),
        );
    }
    let uncovered: Vec<&str> = ctx
        .hosts
        .iter()
        .filter(|h| !named.iter().any(|n| covers(n, h)))
        .map(String::as_str)
        .collect();
    if uncovered.is_empty() {
        Check::new("AS-05", Pass, url, quote(&block.text))
    } else {
        Check::new(
            "AS-05",
            Partial,
            url,
            format!(
                "{} does not cover the crawled host(s) {}",
                quote(&block.text),
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
fn run_by(page: &Page, url: &str, ctx: &StatementContext) -> Check {
    let Some(block) = page.find(
        0..page.blocks.len(),
        &[
            " run by ",
            " managed by ",
            " operated by ",
            " maintained by ",
            " owned by ",
        ],
    ) else {
        return Check::new(
            "AS-06",
            Fail,
            url,
            "no sentence saying who runs the website (“This website is run by …”)",
        );
    };
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
fn commitment(page: &Page, url: &str) -> Check {
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

/// " (bold text, not marked up as a heading)" for a heading that only looks like one.
fn markup_note(block: &Block) -> &'static str {
    if block.is_marked_heading() {
        ""
    } else {
        " (a bold line, not marked up as a heading)"
    }
}

/// AS-08: a "Compliance status" heading.
fn compliance_heading(page: &Page, url: &str) -> Check {
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

/// Finds the compliance status sentence.
fn status_claim(page: &Page) -> Option<StatusClaim<'_>> {
    const OPTIONS: &[(&str, Status, bool)] = &[
        (" not fully compliant with ", Status::Partially, false),
        (" fully compliant with ", Status::Fully, true),
        (" partially compliant with ", Status::Partially, true),
        (" partly compliant with ", Status::Partially, false),
        (" not compliant with ", Status::Not, true),
        (" non compliant with ", Status::Not, false),
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
    for block in &page.blocks {
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
        let Some((at, status, model, phrase)) = best else {
            continue;
        };
        let after: String = w[at + phrase.len() - 1..]
            .split_whitespace()
            .take(16)
            .collect::<Vec<_>>()
            .join(" ");
        let after = format!(" {after} ");
        if !after.contains(" web content accessibility guidelines ") && !after.contains(" wcag ") {
            continue;
        }
        let version = [(" 2 2 ", "2.2"), (" 2 1 ", "2.1"), (" 2 0 ", "2.0")]
            .iter()
            .find(|(v, _)| after.contains(v))
            .map(|(_, v)| *v);
        return Some(StatusClaim {
            status,
            version,
            level_aa: after.contains(" aa "),
            model_wording: model,
            block,
        });
    }
    None
}

/// AS-09: one of the three status options, against WCAG 2.2 AA.
fn status_option(claim: Option<&StatusClaim>, url: &str) -> Check {
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
    if let Some((_, range)) = page.section(Section::NonCompliance) {
        return page.blocks[range]
            .iter()
            .filter(|b| b.level.is_none())
            .collect();
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
        } else if !skipping {
            out.push(b);
        }
    }
    out
}

/// A block that lists a failure: it names a criterion and says it fails.
fn lists_failure(b: &Block) -> bool {
    (names_criterion(&b.text) || b.words.contains(" success criteri"))
        && (b.words.contains(" fail") || b.words.contains(" does not meet "))
}

/// AS-10: "fully compliant" only when neither the crawl nor the statement finds failures.
fn consistency(
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

const NON_ACCESSIBLE_SENTENCE: &str =
    " content listed below is non accessible for the following reasons ";

/// AS-11: the "Non-accessible content" section and its sentence, when not fully compliant.
fn non_accessible(page: &Page, claim: Option<&StatusClaim>, url: &str) -> Check {
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
        (Some((at, _)), Some(s)) => Check::new(
            "AS-11",
            Pass,
            url,
            format!(
                "heading {}; {}",
                quote(&page.blocks[at].text),
                quote(&s.text)
            ),
        ),
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

/// Whether the statement says it claims no disproportionate burden.
fn denies_burden(all: &str) -> bool {
    [
        " not claiming disproportionate burden ",
        " not claim disproportionate burden ",
        " no disproportionate burden ",
        " not claiming a disproportionate burden ",
        " not claimed disproportionate burden ",
    ]
    .iter()
    .any(|p| all.contains(p))
}

/// AS-12: the legally required subheadings, for the kinds of content the statement lists.
fn subheadings(page: &Page, all: &str, claim: Option<&StatusClaim>, url: &str) -> Check {
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
            all.contains(" disproportionate burden ") && !denies_burden(all),
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
        return match claim.map(|c| c.status) {
            Some(Status::Partially | Status::Not) => Check::new(
                "AS-12",
                Fail,
                url,
                "not fully compliant, but lists no non-compliances, disproportionate burden or \
                 out-of-scope content under their headings",
            ),
            _ => Check::new(
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
            Fail,
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
fn criteria(page: &Page, url: &str) -> Check {
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
    " resolve",
    " by ",
];
/// A word before a date that makes it something other than a fix date ("published before
/// 23 September 2018").
const NOT_FIX_DATE: &[&str] = &["before", "since", "after", "from", "published"];

/// AS-14: the dates given for fixes (in sentences about a fix to come) are after the crawl.
fn fix_dates(page: &Page, url: &str, crawl: Date) -> Check {
    let mut past: Vec<(Written, &Block)> = Vec::new();
    let mut future = 0;
    for b in non_compliance_blocks(page) {
        for sentence in b.text.split(". ") {
            let w = words(sentence);
            if !FIX_WORDS.iter().any(|f| w.contains(f)) || w.contains(" do not require ") {
                continue;
            }
            let toks = dates::tokens(sentence);
            let mut k = 0;
            while k < toks.len() {
                let prev = |n: usize| if k >= n { toks[k - n].as_str() } else { "" };
                // A bare year is a date only as "by 2027", "until 2027", "end of 2027".
                let year_only = || {
                    let after = prev(1) == "by"
                        || prev(1) == "until"
                        || (prev(1) == "of" && prev(2) == "end");
                    dates::year_number(&toks[k])
                        .filter(|_| after)
                        .map(|y| (Written::year(y), 1))
                };
                let Some((written, used)) = dates::date_at(&toks[k..]).or_else(year_only) else {
                    k += 1;
                    continue;
                };
                if !NOT_FIX_DATE.contains(&prev(1)) {
                    if written.latest < crawl {
                        past.push((written, b));
                    } else {
                        future += 1;
                    }
                }
                k += used;
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
fn burden(page: &Page, all: &str, url: &str) -> Check {
    let section = page.section(Section::Burden);
    let claimed = section.is_some() || all.contains(" disproportionate burden ");
    if !claimed || denies_burden(all) {
        return Check::new(
            "AS-15",
            NotApplicable,
            url,
            "no disproportionate burden is claimed",
        );
    }
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
            "claims disproportionate burden without saying it was assessed (regulation 7)",
        ),
    }
}

/// How a reader can reach the council from a stretch of the statement.
#[derive(Default)]
struct Contact {
    email: Option<String>,
    form: Option<String>,
    phone: Option<String>,
}

/// Sites a statement links to for the law and for help elsewhere ("contact the Equality
/// Advisory and Support Service"): not the council's own contact.
fn is_reference_site(href: &str) -> bool {
    const HOSTS: &[&str] = &[
        "equalityadvisoryservice.com",
        "equalityni.org",
        "equalityhumanrights.com",
        "legislation.gov.uk",
        "www.gov.uk",
        "w3.org",
        "abilitynet.org.uk",
    ];
    url::Url::parse(href)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .is_some_and(|h| {
            HOSTS
                .iter()
                .any(|d| h == *d || h.ends_with(&format!(".{d}")))
        })
}

fn contact_in<'p>(blocks: impl Iterator<Item = &'p Block>) -> Contact {
    let mut c = Contact::default();
    for b in blocks {
        for l in &b.links {
            let href = l.href.to_ascii_lowercase();
            // Cloudflare hides addresses behind /cdn-cgi/l/email-protection links.
            if href.starts_with("mailto:") || href.contains("/email-protection") {
                c.email.get_or_insert_with(|| l.href.clone());
            } else if href.starts_with("tel:") {
                c.phone.get_or_insert_with(|| l.href.clone());
            } else {
                let w = words(&format!("{} {}", l.text, l.href));
                let form = [
                    " contact",
                    " form",
                    " feedback",
                    " enquir",
                    " report",
                    " get in touch ",
                    " tell us ",
                    " complain",
                ]
                .iter()
                .any(|p| w.contains(p));
                if form && !href.starts_with('#') && !is_reference_site(&href) {
                    c.form
                        .get_or_insert_with(|| format!("“{}” ({})", l.text, l.href));
                }
            }
        }
        if c.email.is_none() {
            c.email = b
                .text
                .split_whitespace()
                .map(|t| t.trim_matches(|ch: char| !ch.is_alphanumeric()))
                .find(|t| {
                    t.split_once('@')
                        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
                })
                .map(str::to_string);
        }
        if c.phone.is_none() {
            let digits = b.text.chars().filter(char::is_ascii_digit).count();
            if digits >= 10
                && (b.words.contains(" call ")
                    || b.words.contains(" phone ")
                    || b.words.contains(" telephone "))
            {
                c.phone = Some(b.text.clone());
            }
        }
    }
    c
}

/// AS-16: "Feedback and contact information", with an email address or a contact form.
fn feedback(page: &Page, url: &str) -> Check {
    let heading = page.section(Section::Feedback);
    let scoped: Vec<std::ops::Range<usize>> = [Section::Feedback, Section::Reporting]
        .iter()
        .filter_map(|s| page.section(*s).map(|(_, r)| r))
        .collect();
    let near = contact_in(scoped.iter().flat_map(|r| page.blocks[r.clone()].iter()));
    let anywhere = contact_in(page.blocks.iter());
    let how = |c: &Contact| {
        c.form
            .as_ref()
            .map(|f| format!("contact form {f}"))
            .or_else(|| c.email.as_ref().map(|e| format!("email {e}")))
    };
    match (heading, how(&near), how(&anywhere)) {
        (Some((at, _)), Some(how), _) => Check::new(
            "AS-16",
            Pass,
            url,
            format!(
                "heading {}{}; {how}",
                quote(&page.blocks[at].text),
                markup_note(&page.blocks[at])
            ),
        ),
        (None, _, Some(how)) => Check::new(
            "AS-16",
            Partial,
            url,
            format!("{how}, but no “Feedback and contact information” heading"),
        ),
        (Some((at, _)), None, Some(how)) => Check::new(
            "AS-16",
            Partial,
            url,
            format!(
                "heading {}, but the {how} is elsewhere on the page",
                quote(&page.blocks[at].text)
            ),
        ),
        (_, _, None) => {
            let phone = anywhere
                .phone
                .map_or(String::new(), |_| " (a phone number only)".to_string());
            Check::new(
                "AS-16",
                Fail,
                url,
                format!(
                    "no email address or contact form to report problems or ask for content in \
                     another format{phone} (regulation 8: a contact form)"
                ),
            )
        }
    }
}

/// Whether `tokens[k]` is a count ("5", "ten").
fn is_count(token: &str) -> bool {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fourteen", "fifteen", "twenty", "thirty",
    ];
    (!token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()))
        || WORDS.contains(&token)
}

/// AS-17: other formats (large print, easy read, audio, braille) and a response time.
fn formats(page: &Page, all: &str, url: &str) -> Check {
    let offered: Vec<&str> = [
        (" large print ", "large print"),
        (" easy read ", "easy read"),
        (" audio ", "audio"),
        (" braille ", "braille"),
    ]
    .iter()
    .filter(|(p, _)| all.contains(p))
    .map(|(_, n)| *n)
    .collect();
    let tokens: Vec<&str> = all.split_whitespace().collect();
    let units = ["day", "days", "hours", "week", "weeks"];
    let response = tokens.windows(3).find_map(|w| {
        let timed = is_count(w[0])
            && (units.contains(&w[1]) || (w[1] == "working" && units.contains(&w[2])));
        timed.then(|| w.join(" "))
    });
    let block = page.find(
        0..page.blocks.len(),
        &[" large print ", " easy read ", " braille ", " audio "],
    );
    match (offered.is_empty(), response) {
        (false, Some(r)) => Check::new(
            "AS-17",
            Pass,
            url,
            format!("offers {}; replies in “{r}”", offered.join(", ")),
        ),
        (false, None) => Check::new(
            "AS-17",
            Partial,
            url,
            format!(
                "{}: offers {}, but gives no response time (“we’ll get back to you in [number] days”)",
                quote(block.map_or("", |b| b.text.as_str())),
                offered.join(", ")
            ),
        ),
        (true, _) => Check::new(
            "AS-17",
            Fail,
            url,
            "no offer of the information in another format (large print, easy read, audio, braille)",
        ),
    }
}

/// AS-18: "Reporting accessibility problems with this website", with a way to report.
fn reporting(page: &Page, url: &str) -> Check {
    const INVITES: &[&str] = &[
        " if you find any problems ",
        " not meeting accessibility requirements ",
        " report an accessibility problem ",
        " report accessibility problems ",
        " find any problems ",
    ];
    match page.section(Section::Reporting) {
        Some((at, range)) => {
            let c = contact_in(page.blocks[range.clone()].iter());
            let refers = page.find(
                range,
                &[" details above ", " contact us ", " contact details "],
            );
            let how = c
                .form
                .map(|f| format!("contact form {f}"))
                .or(c.email.map(|e| format!("email {e}")))
                .or(c.phone.map(|_| "a phone number".to_string()))
                .or(refers.map(|b| quote(&b.text)));
            let h = quote(&page.blocks[at].text);
            match how {
                Some(how) => Check::new("AS-18", Pass, url, format!("heading {h}; {how}")),
                None => Check::new(
                    "AS-18",
                    Partial,
                    url,
                    format!("heading {h}, but no contact under it"),
                ),
            }
        }
        None => match page.find(0..page.blocks.len(), INVITES) {
            Some(b) => Check::new(
                "AS-18",
                Partial,
                url,
                format!(
                    "{}, but no “Reporting accessibility problems with this website” heading",
                    quote(&b.text)
                ),
            ),
            None => Check::new(
                "AS-18",
                Fail,
                url,
                "no section for reporting accessibility problems with the website",
            ),
        },
    }
}

/// What the statement says about enforcement: the bodies it names and links.
struct Enforcement {
    ehrc: bool,
    eass_link: bool,
    ecni: bool,
    ecni_link: bool,
}

/// AS-19: the enforcement procedure names the council's equality body and links to it.
fn enforcement(page: &Page, url: &str, country: Option<Country>) -> Check {
    let all = page.all_words();
    let hosts: Vec<String> = page
        .blocks
        .iter()
        .flat_map(|b| b.links.iter())
        .filter_map(|l| {
            url::Url::parse(&l.href)
                .ok()?
                .host_str()
                .map(str::to_ascii_lowercase)
        })
        .collect();
    let links_to = |domain: &str| {
        hosts
            .iter()
            .any(|h| h == domain || h.ends_with(&format!(".{domain}")))
    };
    let e = Enforcement {
        ehrc: all.contains(" equality and human rights commission ") || all.contains(" ehrc "),
        eass_link: links_to("equalityadvisoryservice.com"),
        ecni: all.contains(" equality commission for northern ireland ")
            || all.contains(" equalities commission for northern ireland ")
            || all.contains(" ecni "),
        ecni_link: links_to("equalityni.org"),
    };
    let heading = page.section(Section::Enforcement);
    let gb = (e.ehrc, e.eass_link);
    let ni = (e.ecni, e.ecni_link);
    const GB: &str = "the Equality and Human Rights Commission (EHRC) with a link to the \
                      Equality Advisory and Support Service (equalityadvisoryservice.com)";
    const NI: &str = "the Equality Commission for Northern Ireland (ECNI) with a link to \
                      equalityni.org";
    let (right, body, other_named) = match country {
        Some(Country::NorthernIreland) => (ni, NI, e.ehrc),
        Some(_) => (gb, GB, e.ecni),
        // Country not known: whichever body the statement names best.
        None => {
            let score = |p: (bool, bool)| u8::from(p.0) + u8::from(p.1);
            if score(ni) > score(gb) {
                (ni, NI, false)
            } else {
                (gb, GB, false)
            }
        }
    };
    let where_ = match &heading {
        Some((at, _)) => format!("heading {}", quote(&page.blocks[*at].text)),
        None => "no “Enforcement procedure” heading".to_string(),
    };
    let country_note = if country.is_none() {
        " (the council's country is not known)"
    } else {
        ""
    };
    match right {
        (true, true) if heading.is_some() => Check::new(
            "AS-19",
            Pass,
            url,
            format!("{where_}; names {body}{country_note}"),
        ),
        (true, true) => Check::new(
            "AS-19",
            Partial,
            url,
            format!("names {body}, but {where_}{country_note}"),
        ),
        (true, false) | (false, true) => {
            let missing = if right.0 {
                "the link"
            } else {
                "the body's name"
            };
            Check::new(
                "AS-19",
                Partial,
                url,
                format!("{where_}; should name {body}, but {missing} is missing{country_note}"),
            )
        }
        (false, false) => {
            let named_other = if other_named {
                " (it names the other nation's equality body instead)"
            } else {
                ""
            };
            Check::new(
                "AS-19",
                Fail,
                url,
                format!("{where_}; does not name {body}{named_other}"),
            )
        }
    }
}

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
        let toks = dates::tokens(&b.text);
        for (k, t) in toks.iter().enumerate() {
            if !triggers.contains(&t.as_str()) {
                continue;
            }
            let rest = &toks[k + 1..];
            match dates::date_within(rest, 6) {
                Some(d) => out.push(Dated::Date(d, b)),
                None => {
                    // "[date]" is no date; "23rd Septembre 2020" is one that does not read.
                    let datelike = rest
                        .iter()
                        .take(6)
                        .any(|t| t.chars().any(|c| c.is_ascii_digit()));
                    if datelike {
                        out.push(Dated::Unreadable(b));
                    }
                }
            }
        }
    }
    out
}

/// AS-20: prepared and last reviewed within 12 months of the crawl.
fn preparation(page: &Page, url: &str, crawl: Date) -> Check {
    let section = page.section(Section::Preparation);
    // Dates are read in the preparation section, else in sentences about the statement.
    let blocks: Vec<&Block> = match &section {
        Some((at, range)) => page.blocks[*at..range.end].iter().collect(),
        None => page
            .blocks
            .iter()
            .filter(|b| b.words.contains(" statement ") || b.words.contains(" reviewed "))
            .collect(),
    };
    let mut found: Vec<(bool, Dated)> = Vec::new();
    for &b in &blocks {
        let prepared = dated([b], &["prepared", "published", "created"]);
        found.extend(prepared.into_iter().map(|d| (false, d)));
        let reviewed = dated([b], &["reviewed", "updated", "revised"]);
        found.extend(reviewed.into_iter().map(|d| (true, d)));
    }
    let prepared = found
        .iter()
        .any(|(review, d)| !review && matches!(d, Dated::Date(..)));
    let newest = found
        .iter()
        .filter_map(|(_, d)| match d {
            Dated::Date(w, b) => Some((*w, *b)),
            Dated::Unreadable(_) => None,
        })
        .max_by_key(|(w, _)| w.latest);
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
fn testing(page: &Page, url: &str) -> Check {
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
fn one_page(page: &Page, claim: Option<&StatusClaim>, url: &str) -> Check {
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
    let split = page.blocks.iter().flat_map(|b| b.links.iter()).find(|l| {
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
fn phone_and_roadmap(page: &Page, all: &str, url: &str) -> Check {
    let access: Vec<&str> = [
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
        seen.push("an accessibility roadmap".to_string());
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
