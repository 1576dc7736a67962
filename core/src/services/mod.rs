//! Online-service completeness: can a resident find and finish their business on the site?
//!
//! Beside the stages, like [`crate::crawl`]: it reads what the stages produced (the document
//! model of each page, the audit's findings) and does no I/O. The crawl driver feeds it a
//! compact summary of every page, answers the few requests it asks for (route start pages,
//! site-search result pages, the statement page), and gets back a [`ServicesReport`]: the
//! council's top tasks
//! with their status and Better Connected checks (SC-01…25), and the accessibility
//! statement's checklist (AS-01…23). Method and sources: `docs/scoring.md`.
//!
//! - [`catalogue`]: the top tasks (id, name, LGSL id, interaction, providing tier, wording).
//! - [`councils`]: the UK councils (name, GSS code, tier, country) and the lookup by name.
//! - [`hosts`]: known transaction and payment hosts that councils send residents to.
//! - [`statement`]: the accessibility statement checklist.
//! - [`summary`]: the compact facts of one page the crawl keeps ([`PageSummary`]).
//! - [`analysis`]: the site-level state machine the crawl drives ([`Analysis`]): task pages,
//!   routes, statuses; `checks` decides SC-01…25 for it.
//!
//! The tables (LGSL list, councils, transaction hosts) are CSV files of `core/data/` (sources
//! and licences in `core/data/SOURCES.md`), embedded with `include_str!` and parsed once, on
//! first use. A row that does not parse is left out rather than panicking; each module's tests
//! parse every row, so malformed data fails the tests, not a run.

use serde::{Deserialize, Serialize};

pub mod analysis;
pub mod catalogue;
mod checks;
pub mod councils;
pub mod hosts;
pub mod statement;
pub mod summary;

pub use analysis::{Analysis, ServicesReport};
pub use summary::PageSummary;

/// The fields of one line of an embedded CSV file. Quoted fields may hold commas; the files
/// have no doubled quotes and no line breaks inside fields (their tests check), so a field is
/// a slice of the file itself.
fn csv_fields(line: &'static str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let (field, after) = if let Some(quoted) = rest.strip_prefix('"') {
            match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            }
        } else {
            match rest.find(',') {
                Some(end) => (&rest[..end], &rest[end..]),
                None => (rest, ""),
            }
        };
        fields.push(field);
        match after.strip_prefix(',') {
            Some(next) => rest = next,
            None => return fields,
        }
    }
}

/// The data rows of an embedded CSV file (the header skipped), split into fields.
fn csv_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(csv_fields)
}

/// What kind of council runs a site: which tier of local government it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Upper tier of a two-tier area (roads, schools, social care, libraries).
    County,
    /// Lower tier of a two-tier area (bins, council tax, planning, housing).
    District,
    /// One council for everything (unitary, metropolitan and London boroughs, Scotland,
    /// Wales, Northern Ireland).
    Unitary,
}

/// Which council tier provides a service (GOV.UK's "Providing Tier" of the LGSL list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provider {
    /// County and unitary councils.
    CountyUnitary,
    /// District and unitary councils.
    DistrictUnitary,
    /// Every council.
    All,
}

impl Provider {
    /// Whether a council of `tier` provides the service itself.
    pub fn provided_by(self, tier: Tier) -> bool {
        match self {
            Provider::All => true,
            Provider::CountyUnitary => tier != Tier::District,
            Provider::DistrictUnitary => tier != Tier::County,
        }
    }
}

/// The nation a council is in: it decides, for example, which equality body enforces the
/// accessibility regulations (EHRC in Great Britain, ECNI in Northern Ireland).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Country {
    /// England.
    England,
    /// Scotland.
    Scotland,
    /// Wales.
    Wales,
    /// Northern Ireland.
    NorthernIreland,
}

/// What a resident does to finish a task online (after the LGIL interactions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Interaction {
    /// Make a payment.
    Pay,
    /// Report a problem or a concern.
    Report,
    /// Apply for something (a permit, a benefit, a place).
    Apply,
    /// Book an appointment or a collection.
    Book,
    /// Find information (a day, a time, a person).
    Find,
}

/// The outcome of one check (SC-xx or AS-xx).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    /// The check is met.
    Pass,
    /// The check is not met, and a reviewer would sign that.
    Fail,
    /// Met in part (e.g. linked from the home page only, not from every page).
    Partial,
    /// Cannot be decided from what the crawl saw; the evidence says why.
    Unknown,
    /// Does not apply (e.g. the A–Z check on a site without an A–Z).
    #[serde(rename = "n/a")]
    NotApplicable,
}

/// What a check saw: a page and the text on it that decided the check (or, for a check
/// that failed, the place it looked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The page (or linked resource) the evidence is on.
    pub url: String,
    /// The text matched, or what was missing, in a sentence a web team can act on.
    pub text: String,
}

/// One check with its outcome and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// `SC-01`…`SC-25`, `AS-01`…`AS-23`.
    pub id: String,
    /// The outcome.
    pub status: CheckStatus,
    /// What decided it; empty only when nothing on the site bears on the check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Check {
    /// A check with one piece of evidence.
    pub fn new(id: &str, status: CheckStatus, url: &str, text: impl Into<String>) -> Self {
        Check {
            id: id.to_string(),
            status,
            evidence: vec![Evidence {
                url: url.to_string(),
                text: text.into(),
            }],
        }
    }
}

/// Whether a resident can finish a task online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    /// The task page leads to a working online route (an HTML form or a transaction host).
    Online,
    /// Only a PDF or Word form, a phone number or "visit us".
    Offline,
    /// No page for the task was found.
    NotFound,
    /// The council's tier does not provide it, and the site signposts the right council.
    OtherTier,
    /// Cannot be judged statically (needs JavaScript, blocked by robots.txt, a sign-in wall
    /// that cannot be judged); the checks' evidence says why.
    Unknown,
}
