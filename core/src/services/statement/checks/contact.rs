//! AS-16…AS-19: feedback and contact, other formats, reporting problems, enforcement.

use super::{markup_note, quote};
use crate::services::statement::text::{words, Block, Page, Section};
use crate::services::CheckStatus::{Fail, Partial, Pass};
use crate::services::{Check, Country};

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
                // Not "formats", nor "the full accessibility test report".
                let form = [
                    " contact",
                    " form ",
                    " forms ",
                    " feedback",
                    " enquir",
                    " report a ",
                    " report an ",
                    " report it ",
                    " get in touch ",
                    " tell us ",
                    " complain",
                ]
                .iter()
                .any(|p| w.contains(p));
                let path = href.split(['?', '#']).next().unwrap_or("");
                let document = [".pdf", ".doc", ".docx", ".odt"]
                    .iter()
                    .any(|x| path.ends_with(x));
                if form && !document && !href.starts_with('#') && !is_reference_site(&href) {
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
pub(super) fn feedback(page: &Page, url: &str) -> Check {
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

/// Whether a word is a count ("5", "ten").
fn is_count(token: &str) -> bool {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fourteen", "fifteen", "twenty", "thirty",
    ];
    (!token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()))
        || WORDS.contains(&token)
}

/// AS-17: other formats (large print, easy read, audio, braille) and a response time.
pub(super) fn formats(page: &Page, all: &str, url: &str) -> Check {
    const NAMED: &[(&str, &str)] = &[
        (" large print ", "large print"),
        (" easy read ", "easy read"),
        (" audio ", "audio"),
        (" braille ", "braille"),
    ];
    const GENERIC: &[(&str, &str)] = &[
        (" different format", "a different format"),
        (" alternative format", "an alternative format"),
        (" accessible format", "an accessible format"),
        (" another format", "another format"),
    ];
    let found = |list: &[(&str, &'static str)]| -> Vec<&'static str> {
        list.iter()
            .filter(|(p, _)| all.contains(p))
            .map(|(_, n)| *n)
            .collect()
    };
    // Name the formats when the statement does; "a different format" only when it does not.
    let mut offered = found(NAMED);
    if offered.is_empty() {
        offered = found(GENERIC);
        offered.truncate(1);
    }
    let tokens: Vec<&str> = all.split_whitespace().collect();
    let units = ["day", "days", "hours", "week", "weeks"];
    let response = tokens.windows(3).find_map(|w| {
        let timed = is_count(w[0])
            && (units.contains(&w[1]) || (w[1] == "working" && units.contains(&w[2])));
        timed.then(|| w.join(" "))
    });
    let phrases: Vec<&str> = NAMED.iter().chain(GENERIC).map(|(p, _)| *p).collect();
    let block = page.find(0..page.blocks.len(), &phrases);
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
pub(super) fn reporting(page: &Page, url: &str) -> Check {
    const INVITES: &[&str] = &[
        " if you find any ",
        " find a problem ",
        " tell us about ",
        " report a problem ",
        " report an accessibility ",
        " not meeting accessibility requirements ",
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
pub(super) fn enforcement(page: &Page, url: &str, country: Option<Country>) -> Check {
    let all = page.all_words();
    // By the `href`'s text, so that a link written without its scheme counts too.
    let hrefs: Vec<String> = page
        .blocks
        .iter()
        .flat_map(|b| b.links.iter())
        .map(|l| l.href.to_ascii_lowercase())
        .collect();
    let links_to = |domain: &str| hrefs.iter().any(|h| h.contains(domain));
    let e = Enforcement {
        // "Equality & Human Rights Commission": `words` drops the ampersand.
        ehrc: all.contains(" equality and human rights commission ")
            || all.contains(" equality human rights commission ")
            || all.contains(" ehrc "),
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
