//! The council top tasks frontdesk scores: one source of truth for their ids, names, LGSL ids,
//! interactions, providing tiers and the words councils use for them.
//!
//! LGSL ids and providing tiers come from GOV.UK's list of local services
//! (`core/data/lgsl.csv`, see `core/data/SOURCES.md`); a task GOV.UK's list lacks has `lgsl:
//! None` and its tier from how local government is organised (said beside it). The wording
//! was derived from real council URLs: GOV.UK's 2017 fallback links (7,405 council pages, one
//! per council and service) and the bin-day look-up URLs of UKBinCollectionData;
//! `core/tests/services_vocabulary.rs` measures it against them.
//!
//! # Matching
//! A phrase matches a text or a URL path at word boundaries, its words either separate or run
//! together, in any case, with an optional plural `s`: "fly tipping" matches "Fly-tipping",
//! `/flytipping`, `/FlyTipping.aspx`; "butterfly tipping" does not. Phrases of different tasks
//! overlap on purpose ("bin collection" is in "missed bin collection"): [`lookup_text`] and
//! [`lookup_path`] give every task that matches with the length of its longest phrase, the
//! strongest first, and the detector takes the strongest. A bare "council tax" matches no
//! task: it names the landing page of several. A path fragment may span `/`
//! (`/council-tax/pay` matches "council-tax-pay"), so fragments avoid the words of section
//! paths ("residents-parking" would match `/residents/parking-and-roads/`, "adult-social-care"
//! every page of that section).

use super::{Country, Interaction, Provider, Tier};

/// One top task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Task {
    /// Stable id, e.g. `report-missed-bin`.
    pub id: &'static str,
    /// A resident's name for it, e.g. "Report a missed bin collection".
    pub name: &'static str,
    /// The Local Government Service List id, where GOV.UK's list has one.
    pub lgsl: Option<u32>,
    /// What a resident does to finish it online.
    pub interaction: Interaction,
    /// Which tier of council provides it.
    pub provider: Provider,
    /// Phrases councils use for the task in titles, headings and link text (lower case).
    pub words: &'static [&'static str],
    /// Fragments councils use in URL paths for the task page (lower case, `-` separated).
    pub path_words: &'static [&'static str],
}

impl Task {
    /// The strength of the task's best phrase in `text` (a title, heading or link text): the
    /// number of letters and digits of the longest phrase that matches, `None` without one.
    pub fn text_strength(&self, text: &str) -> Option<usize> {
        best_match(self.words, &tokens(text))
    }

    /// [`Task::text_strength`] of a text split once with [`text_words`], for a text
    /// matched against every task.
    pub fn words_strength(&self, words: &[String]) -> Option<usize> {
        best_match(self.words, words)
    }

    /// [`Task::path_strength`] of a path split once with [`path_words`].
    pub fn path_words_strength(&self, words: &[String]) -> Option<usize> {
        best_match(self.path_words, words)
    }

    /// The strength of the task's best fragment in a URL path, as [`Task::text_strength`].
    pub fn path_strength(&self, path: &str) -> Option<usize> {
        best_match(self.path_words, &tokens(&percent_decoded(path)))
    }

    /// The strength of the task's service area in `text`, as a "which council does what"
    /// page names it ("council tax", "bin collections", "libraries"), as
    /// [`Task::text_strength`]: such a page names services, not the task's action.
    pub fn service_strength(&self, text: &str) -> Option<usize> {
        best_match(service_words(self.id), &tokens(text))
    }

    /// Whether a council of `tier` in `country` provides the task itself. Northern Ireland's
    /// councils are unitary but run fewer services than Great Britain's: see
    /// [`NOT_NI_COUNCILS`].
    pub fn provided_in(&self, tier: Tier, country: Country) -> bool {
        self.provider.provided_by(tier)
            && !(country == Country::NorthernIreland
                && NOT_NI_COUNCILS.iter().any(|(id, _)| *id == self.id))
    }
}

/// Each task's service area as two-tier areas' "which council does what" pages name it (the
/// wording of GOV.UK's "Understand how your council works": district councils for rubbish
/// collection, council tax, housing and planning applications; counties for education,
/// transport, social care, libraries and waste disposal).
fn service_words(id: &str) -> &'static [&'static str] {
    match id {
        "pay-council-tax" | "council-tax-reduction" => &["council tax"],
        "pay-business-rates" => &["business rates", "non domestic rates"],
        "housing-benefit" => &["housing benefit", "housing benefits"],
        "report-missed-bin" | "bin-collection-day" => &[
            "bin collection",
            "bin collections",
            "rubbish collection",
            "refuse collection",
            "waste collection",
            "household waste collection",
            "recycling collection",
            "bins",
        ],
        "bulky-waste" => &["bulky waste", "bulky items"],
        "garden-waste" => &["garden waste"],
        "tip-opening-times" => &[
            "recycling centres",
            "household waste recycling centres",
            "waste disposal",
            "tips",
        ],
        "report-fly-tipping" => &["fly tipping"],
        "report-pothole" => &["roads", "highways", "potholes"],
        "street-light-fault" => &["street lights", "street lighting"],
        "report-abandoned-vehicle" => &["abandoned vehicles"],
        "noise-complaint" => &["noise", "nuisance"],
        "planning-applications" => &["planning applications"],
        "parking-permit" => &["parking permits", "parking"],
        "pay-parking-fine" => &[
            "parking fines",
            "parking enforcement",
            "penalty charge notices",
            "parking",
        ],
        "blue-badge" => &["blue badges"],
        "bus-pass" => &["bus passes", "concessionary travel"],
        "school-admissions" | "free-school-meals" => &["schools", "education"],
        "housing-register" => &["housing", "housing register", "council housing"],
        "library-renewal" => &["libraries"],
        "register-birth" | "register-death" => &["registration service", "register office"],
        "register-to-vote" => &["electoral registration", "electoral register", "elections"],
        "food-business-registration" => &["food hygiene", "food safety", "food businesses"],
        "adult-social-care" => &["social care", "adult social care"],
        "report-safeguarding-concern" => &["social care", "children's services"],
        _ => &[],
    }
}

/// Tasks that Northern Ireland's councils do not provide, with the body that does. NI has
/// domestic and business rates instead of council tax, and regional bodies for housing,
/// education, roads, libraries, social care and elections. Parking fines are not listed:
/// councils have run off-street car parks, and their fines, since the 2015 reform.
pub const NOT_NI_COUNCILS: &[(&str, &str)] = &[
    ("pay-council-tax", "Land & Property Services (rates)"),
    (
        "council-tax-reduction",
        "Land & Property Services (rate relief)",
    ),
    ("pay-business-rates", "Land & Property Services"),
    ("housing-benefit", "Northern Ireland Housing Executive"),
    ("report-pothole", "Department for Infrastructure"),
    ("street-light-fault", "Department for Infrastructure"),
    ("parking-permit", "Department for Infrastructure"),
    ("blue-badge", "Department for Infrastructure"),
    ("bus-pass", "Translink (SmartPass)"),
    ("school-admissions", "Education Authority"),
    ("free-school-meals", "Education Authority"),
    ("housing-register", "Northern Ireland Housing Executive"),
    ("library-renewal", "Libraries NI"),
    ("register-to-vote", "Electoral Office for Northern Ireland"),
    ("adult-social-care", "Health and Social Care Trusts"),
    (
        "report-safeguarding-concern",
        "Health and Social Care Trusts",
    ),
];

/// The task with this id.
pub fn task(id: &str) -> Option<&'static Task> {
    TASKS.iter().find(|t| t.id == id)
}

/// Every task whose words match `text`, with its strength, the strongest first (ties in
/// catalogue order). The detector should take the first: a longer phrase is more specific.
pub fn lookup_text(text: &str) -> Vec<(&'static Task, usize)> {
    let words = tokens(text);
    ranked(|t| best_match(t.words, &words))
}

/// Every task whose path words match a URL `path`, as [`lookup_text`].
pub fn lookup_path(path: &str) -> Vec<(&'static Task, usize)> {
    let words = tokens(&percent_decoded(path));
    ranked(|t| best_match(t.path_words, &words))
}

fn ranked(strength: impl Fn(&Task) -> Option<usize>) -> Vec<(&'static Task, usize)> {
    let mut found: Vec<_> = TASKS
        .iter()
        .filter_map(|t| strength(t).map(|s| (t, s)))
        .collect();
    // A stable sort keeps catalogue order among equals.
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    found
}

/// The lower-case words of a text or path: runs of letters and digits, also split where a
/// lower-case letter meets a capital (`ReportMissedBin` → report, missed, bin).
/// A text's words as the tasks' phrases are matched against them.
pub fn text_words(text: &str) -> Vec<String> {
    tokens(text)
}

/// A URL path's words as the tasks' path fragments are matched against them.
pub fn path_words(path: &str) -> Vec<String> {
    tokens(&percent_decoded(path))
}

fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// A URL path with its ASCII `%XX` escapes decoded (`Report%20a%20pothole` → `Report a
/// pothole`); other escapes become a separator.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(if byte.is_ascii() { byte as char } else { ' ' });
                i += 3;
            }
            _ => {
                // Copy the whole (possibly multi-byte) character.
                let c = path[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// The length of the longest phrase of `phrases` found in `words`, if any.
fn best_match(phrases: &[&str], words: &[String]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| phrase_in(p, words))
        .map(|p| compact(p).map(char::len_utf8).sum())
        .max()
}

/// Which tasks a text's words could match, to skip the tasks that cannot: matching every
/// task against every page of a 10,000-page site is what made the analysis slow.
///
/// A phrase matches from a word that spells the start of its `compact` form (or all of
/// it with an "s", see `phrase_in`); so every such start, of every phrase, names its
/// tasks here. A task none of whose starts is among a text's words cannot match it: the
/// index only leaves out tasks whose strength would be `None`.
#[derive(Debug, Default)]
pub struct TaskIndex {
    by_start: std::collections::HashMap<String, Vec<usize>>,
}

impl TaskIndex {
    /// The index of `tasks`' phrases as `phrases` gives them (`|t| t.words`, or
    /// `|t| t.path_words`); tasks are named by their index in `tasks`.
    pub fn new(tasks: &[Task], phrases: impl Fn(&Task) -> &'static [&'static str]) -> Self {
        let mut by_start: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut add = |key: String, task: usize| {
            let tasks = by_start.entry(key).or_default();
            if tasks.last() != Some(&task) {
                tasks.push(task);
            }
        };
        for (index, task) in tasks.iter().enumerate() {
            for phrase in phrases(task) {
                let whole: String = compact(phrase).collect();
                for (at, c) in whole.char_indices() {
                    add(whole[..at + c.len_utf8()].to_string(), index);
                }
                if !whole.is_empty() {
                    add(format!("{whole}s"), index);
                }
            }
        }
        TaskIndex { by_start }
    }

    /// Marks in `could` (one flag per task) the tasks some phrase of which could match
    /// `words`.
    pub fn mark(&self, words: &[String], could: &mut [bool]) {
        for word in words {
            if let Some(tasks) = self.by_start.get(word.as_str()) {
                for &task in tasks {
                    could[task] = true;
                }
            }
        }
    }
}

/// A phrase's letters and digits: "pay council-tax" is matched as "paycounciltax". An
/// iterator, not a string: it runs for every task on every page, so nothing is allocated.
fn compact(phrase: &str) -> impl Iterator<Item = char> + Clone + '_ {
    phrase.chars().filter(|c| c.is_alphanumeric())
}

/// Whether consecutive words, run together, spell the phrase's [`compact`] form (or it
/// with an "s").
fn phrase_in(phrase: &str, words: &[String]) -> bool {
    if compact(phrase).next().is_none() {
        return false;
    }
    for start in 0..words.len() {
        // What of the phrase the words from `start` have not spelt yet.
        let mut rest = compact(phrase);
        for word in &words[start..] {
            let mut after = rest.clone();
            if word.chars().all(|c| after.next() == Some(c)) {
                if after.clone().next().is_none() {
                    return true;
                }
                rest = after;
                continue;
            }
            if word
                .strip_suffix('s')
                .is_some_and(|w| w.chars().eq(rest.clone()))
            {
                return true;
            }
            break;
        }
    }
    false
}

use Interaction::*;
use Provider::*;

/// The top tasks, in the order of issue #15.
pub const TASKS: &[Task] = &[
    Task {
        id: "pay-council-tax",
        name: "Pay council tax",
        // LGSL 57 is GOV.UK's council tax service; the 2017 links file's slug for it
        // (`council-tax-annual-notification`) is about the bill, so no URLs are measured.
        lgsl: Some(57),
        interaction: Pay,
        provider: DistrictUnitary,
        words: &[
            "pay council tax",
            "pay your council tax",
            "pay my council tax",
            "paying council tax",
            "paying your council tax",
            "council tax payment",
            "council tax payments",
            "pay council tax online",
            "council tax direct debit",
        ],
        path_words: &[
            "pay-council-tax",
            "pay-your-council-tax",
            "pay-my-council-tax",
            "paying-council-tax",
            "paying-your-council-tax",
            "council-tax-payment",
            "council-tax-pay",
            "council-tax-ways-to-pay",
            "council-tax-direct-debit",
        ],
    },
    Task {
        id: "council-tax-reduction",
        name: "Apply for council tax reduction",
        // Council tax reduction replaced council tax benefit (LGSL 63) in 2013.
        lgsl: Some(63),
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "council tax reduction",
            "council tax support",
            "council tax benefit",
            "local council tax support",
            "council tax reduction scheme",
        ],
        path_words: &[
            "council-tax-reduction",
            "council-tax-support",
            "council-tax-benefit",
            "ctax-reduction",
            "ctax-support",
        ],
    },
    Task {
        id: "pay-business-rates",
        name: "Pay business rates",
        // GOV.UK's list has only business rates relief (55). Districts and unitaries are the
        // billing authorities that collect business rates.
        lgsl: None,
        interaction: Pay,
        provider: DistrictUnitary,
        words: &[
            "pay business rates",
            "pay your business rates",
            "paying business rates",
            "paying your business rates",
            "business rates payment",
            "business rates payments",
        ],
        path_words: &[
            "pay-business-rates",
            "pay-your-business-rates",
            "paying-business-rates",
            "paying-your-business-rates",
            "business-rates-payment",
            "business-rates-pay",
            "business-rates-ways-to-pay",
            "nndr-payment",
        ],
    },
    Task {
        id: "housing-benefit",
        name: "Claim housing benefit",
        lgsl: Some(69),
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "housing benefit",
            "claim housing benefit",
            "apply for housing benefit",
            "housing benefit claim",
        ],
        path_words: &[
            "housing-benefit",
            "housing-benefit-claim",
            "claim-housing-benefit",
        ],
    },
    Task {
        id: "report-missed-bin",
        name: "Report a missed bin collection",
        // GOV.UK links LGSL 524 with the reporting interaction (LGIL 17) for a missed bin
        // and with providing information (LGIL 8) for the collection day.
        lgsl: Some(524),
        interaction: Report,
        provider: DistrictUnitary,
        words: &[
            "missed bin",
            "missed bin collection",
            "missed collection",
            "missed waste collection",
            "missed recycling collection",
            "missed rubbish collection",
            "report a missed bin",
            "report a missed collection",
            "bin not emptied",
            "bins not emptied",
            "bin not collected",
            "bins not collected",
            "missed bins",
        ],
        path_words: &[
            "missed",
            "missed-bin",
            "missed-bin-collection",
            "missed-collection",
            "missed-waste-collection",
            "report-missed-bin",
            "report-a-missed-bin",
            "bin-collection-problem",
            "collection-problem",
            "bin-not-emptied",
            "bin-not-collected",
        ],
    },
    Task {
        id: "bin-collection-day",
        name: "Find your bin collection day",
        lgsl: Some(524),
        interaction: Find,
        provider: DistrictUnitary,
        words: &[
            "bin day",
            "bin collection day",
            "bin collection days",
            "bin collection dates",
            "bin collection calendar",
            "collection day",
            "collection days",
            "collection dates",
            "collection calendar",
            "waste collection day",
            "recycling collection day",
            "when is my bin collected",
            "when are my bins collected",
            "bin calendar",
            "check your bin day",
            "find your bin day",
        ],
        path_words: &[
            "bin-day",
            "bin-collection-day",
            "bin-collection-dates",
            "bin-collection",
            "bin-collections",
            "bin-collection-calendar",
            "bin-calendar",
            "collection-day",
            "collection-days",
            "collection-dates",
            "collection-calendar",
            "waste-collection-day",
            "when-are-my-bins-collected",
            "find-waste-collection",
            "collection-schedule",
            "bins-schedule",
            "bin-schedule",
            "when-is-my-bin-collected",
            "recycling-days",
            "refuse-days",
            "find-my-bin",
            "collection-round",
            "view-collection",
        ],
    },
    Task {
        id: "bulky-waste",
        name: "Book a bulky waste collection",
        lgsl: Some(528),
        interaction: Book,
        provider: DistrictUnitary,
        words: &[
            "bulky waste",
            "bulky waste collection",
            "bulky item",
            "bulky items",
            "bulky item collection",
            "bulky collection",
            "large item collection",
            "large items",
            "collection of large items",
            "household items collection",
        ],
        path_words: &[
            "bulky",
            "bulky-waste",
            "bulky-item",
            "bulky-items",
            "large-item",
            "large-items",
            "large-household-items",
        ],
    },
    Task {
        id: "garden-waste",
        name: "Subscribe to garden waste collection",
        // Garden waste collection is a subscription the resident applies (and pays) for.
        lgsl: Some(530),
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "garden waste",
            "garden waste collection",
            "garden waste subscription",
            "green garden waste",
            "brown bin",
        ],
        path_words: &["garden-waste", "green-waste", "brown-bin"],
    },
    Task {
        id: "tip-opening-times",
        name: "Find household waste recycling centre opening times",
        // Not in GOV.UK's list. Household waste recycling centres are run by the waste
        // disposal authorities: county and unitary councils (joint authorities in some
        // metropolitan areas, which the unitary signposts).
        lgsl: None,
        interaction: Find,
        provider: CountyUnitary,
        words: &[
            "household waste recycling centre",
            "household waste recycling centres",
            "household recycling centre",
            "household recycling centres",
            "recycling centre",
            "recycling centres",
            "recycling centre opening times",
            "hwrc",
            "civic amenity site",
            "tip opening times",
            "the tip",
            "tips and recycling centres",
        ],
        path_words: &[
            "household-waste-recycling-centre",
            "household-recycling-centre",
            "recycling-centre",
            "recycling-centres",
            "hwrc",
            "civic-amenity",
            "the-tip",
        ],
    },
    Task {
        id: "report-fly-tipping",
        name: "Report fly-tipping",
        lgsl: Some(587),
        interaction: Report,
        provider: DistrictUnitary,
        words: &[
            "fly tipping",
            "fly tip",
            "report fly tipping",
            "illegal dumping",
            "dumped rubbish",
            "dumped waste",
        ],
        path_words: &[
            "fly-tipping",
            "fly-tip",
            "report-fly-tipping",
            "illegal-dumping",
            "dumped-rubbish",
            "dumped-waste",
        ],
    },
    Task {
        id: "report-pothole",
        name: "Report a pothole",
        lgsl: Some(557),
        interaction: Report,
        provider: CountyUnitary,
        words: &[
            "pothole",
            "report a pothole",
            "road defect",
            "road defects",
            "highway defect",
            "report a road problem",
            "road and pavement problems",
        ],
        path_words: &[
            "pothole",
            "report-a-pothole",
            "road-defect",
            "highway-defect",
            "highways-defect",
            "report-a-road-problem",
            "road-problem",
            "highways-problem",
            "highway-problem",
            "highways-fault",
            "road-fault",
        ],
    },
    Task {
        id: "street-light-fault",
        name: "Report a street light fault",
        lgsl: Some(564),
        interaction: Report,
        provider: CountyUnitary,
        words: &[
            "street light",
            "street lights",
            "street lighting",
            "street lamp",
            "street light fault",
            "faulty street light",
            "report a street light",
        ],
        path_words: &[
            "street-light",
            "street-lighting",
            "street-lamp",
            "streetlight",
            "street-light-fault",
            "lighting-fault",
        ],
    },
    Task {
        id: "report-abandoned-vehicle",
        name: "Report an abandoned vehicle",
        lgsl: Some(372),
        interaction: Report,
        provider: DistrictUnitary,
        words: &[
            "abandoned vehicle",
            "abandoned vehicles",
            "abandoned car",
            "abandoned cars",
            "report an abandoned vehicle",
            "nuisance vehicle",
        ],
        path_words: &[
            "abandoned-vehicle",
            "abandoned-car",
            "report-an-abandoned-vehicle",
            "nuisance-vehicle",
            "abandoned",
            "untaxed-vehicle",
            "unwanted-vehicle",
        ],
    },
    Task {
        id: "noise-complaint",
        name: "Report a noise problem",
        lgsl: Some(412),
        interaction: Report,
        provider: DistrictUnitary,
        words: &[
            "noise complaint",
            "noise complaints",
            "noise nuisance",
            "noise pollution",
            "noisy neighbour",
            "neighbour noise",
            "report noise",
            "noise problem",
        ],
        path_words: &[
            "noise",
            "noise-nuisance",
            "noise-pollution",
            "noise-complaint",
        ],
    },
    Task {
        id: "planning-applications",
        name: "Search and comment on planning applications",
        // LGSL 516 is searching the register of planning decisions; residents find an
        // application and comment on it, so the interaction is finding.
        lgsl: Some(516),
        interaction: Find,
        provider: DistrictUnitary,
        words: &[
            "planning application",
            "planning applications",
            "search planning applications",
            "view planning applications",
            "comment on a planning application",
            "planning search",
            "planning register",
            "register of planning decisions",
            "planning decisions",
        ],
        path_words: &[
            "planning-application",
            "planning-applications",
            "online-applications",
            "planning-search",
            "search-planning",
            "planning-register",
            "view-planning",
        ],
    },
    Task {
        id: "parking-permit",
        name: "Apply for a parking permit",
        lgsl: Some(474),
        interaction: Apply,
        provider: All,
        words: &[
            "parking permit",
            "parking permits",
            "resident parking permit",
            "residents parking permit",
            "visitor parking permit",
            "visitor permit",
            "permit parking",
        ],
        path_words: &["parking-permit", "visitor-permit", "permit-parking"],
    },
    Task {
        id: "pay-parking-fine",
        name: "Pay or challenge a parking fine",
        lgsl: Some(471),
        interaction: Pay,
        provider: All,
        words: &[
            "parking fine",
            "parking fines",
            "pay a parking fine",
            "penalty charge notice",
            "penalty charge notices",
            "pay a pcn",
            "pcn",
            "parking ticket",
            "challenge a parking fine",
        ],
        path_words: &[
            "parking-fine",
            "penalty-charge",
            "pcn",
            "parking-ticket",
            "parking-penalty",
            "parking-penalties",
        ],
    },
    Task {
        id: "blue-badge",
        name: "Apply for a Blue Badge",
        lgsl: Some(279),
        interaction: Apply,
        provider: CountyUnitary,
        words: &[
            "blue badge",
            "blue badges",
            "blue badge scheme",
            "disabled parking badge",
            "disabled parking permit",
            "disabled persons parking badge",
            "blue badge parking permit",
        ],
        path_words: &[
            "blue-badge",
            "disabled-parking-badge",
            "disabled-parking-permit",
            "disabled-parking",
        ],
    },
    Task {
        id: "bus-pass",
        name: "Apply for a bus pass",
        // LGSL 273 (older person's bus pass); the disabled person's bus pass is LGSL 280.
        lgsl: Some(273),
        interaction: Apply,
        provider: CountyUnitary,
        words: &[
            "bus pass",
            "bus passes",
            "concessionary travel",
            "concessionary bus pass",
            "concessionary fares",
            "older person's bus pass",
            "disabled person's bus pass",
            "freedom pass",
        ],
        path_words: &[
            "bus-pass",
            "bus-passes",
            "concessionary-travel",
            "concessionary-fares",
            "concessionary-bus-pass",
            "concessionary",
            "freedom-pass",
        ],
    },
    Task {
        id: "school-admissions",
        name: "Apply for a school place",
        // GOV.UK has primary (13) and secondary (14) school places; 13 stands for both.
        lgsl: Some(13),
        interaction: Apply,
        provider: CountyUnitary,
        words: &[
            "school admissions",
            "school admission",
            "school place",
            "school places",
            "apply for a school place",
            "primary school place",
            "secondary school place",
            "primary school admissions",
            "secondary school admissions",
            "in-year admissions",
        ],
        path_words: &[
            "school-admissions",
            "school-admission",
            "admissions",
            "school-place",
            "apply-for-a-school-place",
            "primary-admissions",
            "secondary-admissions",
            "primary-school-admissions",
            "secondary-school-admissions",
        ],
    },
    Task {
        id: "free-school-meals",
        name: "Apply for free school meals",
        lgsl: Some(4),
        interaction: Apply,
        provider: CountyUnitary,
        words: &["free school meals", "free school meal", "school meals"],
        path_words: &["free-school-meals", "free-school-meal", "school-meals"],
    },
    Task {
        id: "housing-register",
        name: "Join the housing register",
        lgsl: Some(92),
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "housing register",
            "join the housing register",
            "apply for housing",
            "apply for a council home",
            "applying for a council home",
            "apply for social housing",
            "housing application",
            "choice based lettings",
            "home choice",
        ],
        path_words: &[
            "housing-register",
            "apply-for-housing",
            "applying-for-housing",
            "housing-application",
            "choice-based-lettings",
            "home-choice",
        ],
    },
    Task {
        id: "library-renewal",
        name: "Renew library books",
        // GOV.UK's list no longer has the library services (the 2017 links had LGSL 440,
        // library loan renewals). Library authorities are county and unitary councils (LGSL
        // 437, library services, county/unitary). Renewing is a request: apply.
        lgsl: None,
        interaction: Apply,
        provider: CountyUnitary,
        words: &[
            "renew library books",
            "renew your library books",
            "renew books",
            "renew a book",
            "renew items",
            "renew loans",
            "renew and reserve",
            "reserve and renew",
            "library account",
            "library catalogue",
        ],
        path_words: &[
            "renew-books",
            "renew-a-book",
            "renew-items",
            "renew-loans",
            "renew-and-reserve",
            "reserve-and-renew",
            "libraries-renew",
            "library-renew",
            "renew-library",
            "library-catalogue",
            "library-account",
            "reserve-or-renew",
            "renew-or-reserve",
            "renew-a-library-book",
            "renew-your-book",
            "renew-and-return",
        ],
    },
    Task {
        id: "register-birth",
        name: "Register a birth",
        // Not in GOV.UK's list. The registration service is run by county and unitary
        // councils (registration authorities).
        lgsl: None,
        interaction: Book,
        provider: CountyUnitary,
        words: &[
            "register a birth",
            "registering a birth",
            "register the birth",
            "register your baby",
            "birth registration",
            "birth registrations",
        ],
        path_words: &[
            "register-a-birth",
            "registering-a-birth",
            "register-birth",
            "registering-births",
            "birth-registration",
            "register-your-baby",
        ],
    },
    Task {
        id: "register-death",
        name: "Register a death",
        // As register-birth.
        lgsl: None,
        interaction: Book,
        provider: CountyUnitary,
        words: &[
            "register a death",
            "registering a death",
            "register the death",
            "death registration",
            "when someone dies",
            // One page for both, as many register offices publish it.
            "register a birth or death",
            "registering a birth or death",
            "births and deaths",
        ],
        path_words: &[
            "register-a-death",
            "registering-a-death",
            "register-death",
            "registering-deaths",
            "death-registration",
            "when-someone-dies",
        ],
    },
    Task {
        id: "register-to-vote",
        name: "Register to vote",
        lgsl: Some(364),
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "register to vote",
            "registering to vote",
            "electoral register",
            "electoral registration",
            "electoral roll",
            "voter registration",
        ],
        path_words: &[
            "register-to-vote",
            "registering-to-vote",
            "electoral-register",
            "electoral-registration",
            "electoral-roll",
            "voter-registration",
        ],
    },
    Task {
        id: "find-councillor",
        name: "Find your councillor",
        lgsl: Some(358),
        interaction: Find,
        provider: All,
        words: &[
            "councillor",
            "councillors",
            "find your councillor",
            "find my councillor",
            "contact your councillor",
            "who is my councillor",
            "your councillors",
        ],
        // `mgMemberIndex` is the councillor list of modern.gov, the committee system many
        // councils use.
        path_words: &[
            "councillor",
            "find-your-councillor",
            "find-a-councillor",
            "mg-member-index",
        ],
    },
    Task {
        id: "food-business-registration",
        name: "Register a food business",
        // Not in GOV.UK's list. Food hygiene registration is for the food authority: the
        // district or unitary council (the county does trading standards).
        lgsl: None,
        interaction: Apply,
        provider: DistrictUnitary,
        words: &[
            "register a food business",
            "registering a food business",
            "register your food business",
            "food business registration",
            "food premises registration",
            "register food premises",
        ],
        path_words: &[
            "register-a-food-business",
            "registering-a-food-business",
            "register-your-food-business",
            "food-business-registration",
            "food-premises-registration",
            "register-food-business",
            "food-registration",
        ],
    },
    Task {
        id: "complaints",
        name: "Make a complaint",
        lgsl: Some(353),
        interaction: Report,
        provider: All,
        words: &[
            "complaint",
            "complaints",
            "make a complaint",
            "complaints procedure",
            "compliments and complaints",
            "comments compliments and complaints",
            "feedback and complaints",
        ],
        path_words: &[
            "complaint",
            "make-a-complaint",
            "complaints-procedure",
            "compliments-and-complaints",
            "comments-compliments-and-complaints",
        ],
    },
    Task {
        id: "contact-council",
        name: "Contact the council",
        // Not a service in GOV.UK's list; every council has a contact page.
        lgsl: None,
        interaction: Find,
        provider: All,
        words: &[
            "contact us",
            "contact the council",
            "how to contact us",
            "get in touch",
            "customer services",
        ],
        path_words: &["contact-us", "contact", "get-in-touch", "customer-services"],
    },
    Task {
        id: "adult-social-care",
        name: "Ask for a care and support needs assessment",
        lgsl: Some(209),
        interaction: Apply,
        provider: CountyUnitary,
        words: &[
            "adult social care",
            "needs assessment",
            "care needs assessment",
            "care assessment",
            "care and support",
            "care and support needs assessment",
            "social care assessment",
            "ask for help from adult social care",
        ],
        path_words: &[
            "needs-assessment",
            "care-assessment",
            "care-needs-assessment",
            "social-care-assessment",
        ],
    },
    Task {
        id: "report-safeguarding-concern",
        name: "Report a concern about a child or an adult at risk",
        // Not in GOV.UK's list. Children's and adults' social services, which take
        // safeguarding referrals, are county and unitary functions.
        lgsl: None,
        interaction: Report,
        provider: CountyUnitary,
        words: &[
            "safeguarding",
            "report a concern about a child",
            "report a concern about an adult",
            "worried about a child",
            "worried about an adult",
            "concerned about a child",
            "child protection",
            "report abuse",
            "report child abuse",
            "safeguarding adults",
            "safeguarding children",
        ],
        path_words: &[
            "safeguarding",
            "child-protection",
            "report-abuse",
            "report-a-concern",
            "worried-about-a-child",
            "worried-about-an-adult",
            "child-abuse",
            "adult-abuse",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The task ids of issue #15, in its order.
    const ISSUE_IDS: &[&str] = &[
        "pay-council-tax",
        "council-tax-reduction",
        "pay-business-rates",
        "housing-benefit",
        "report-missed-bin",
        "bin-collection-day",
        "bulky-waste",
        "garden-waste",
        "tip-opening-times",
        "report-fly-tipping",
        "report-pothole",
        "street-light-fault",
        "report-abandoned-vehicle",
        "noise-complaint",
        "planning-applications",
        "parking-permit",
        "pay-parking-fine",
        "blue-badge",
        "bus-pass",
        "school-admissions",
        "free-school-meals",
        "housing-register",
        "library-renewal",
        "register-birth",
        "register-death",
        "register-to-vote",
        "find-councillor",
        "food-business-registration",
        "complaints",
        "contact-council",
        "adult-social-care",
        "report-safeguarding-concern",
    ];

    /// GOV.UK's list of local services: LGSL id → providing tier.
    fn lgsl_list() -> Vec<(u32, Provider)> {
        include_str!("../../data/lgsl.csv")
            .lines()
            .skip(1)
            .map(|line| {
                let (id, rest) = line.split_once(',').expect("an LGSL row");
                let tier = rest.rsplit(',').next().expect("a tier");
                let provider = match tier {
                    "county/unitary" => CountyUnitary,
                    "district/unitary" => DistrictUnitary,
                    "all" => All,
                    other => panic!("unknown tier {other}"),
                };
                (id.parse().expect("a numeric LGSL id"), provider)
            })
            .collect()
    }

    #[test]
    fn the_task_index_never_leaves_out_a_task_that_matches() {
        let text_index = TaskIndex::new(TASKS, |t| t.words);
        let path_index = TaskIndex::new(TASKS, |t| t.path_words);
        // Every phrase as written, run together, in capitals, plural and within other words:
        // whichever task matches the text must be marked.
        let mut texts: Vec<String> = Vec::new();
        for t in TASKS {
            for phrase in t.words.iter().chain(t.path_words) {
                texts.push(format!("Home: {phrase} online"));
                texts.push(phrase.replace([' ', '-'], ""));
                texts.push(format!("{}s", phrase.to_uppercase()));
                texts.push(format!("/services/{}/", phrase.replace(' ', "-")));
            }
        }
        for text in &texts {
            let words = text_words(text);
            let mut could = vec![false; TASKS.len()];
            text_index.mark(&words, &mut could);
            let mut could_path = vec![false; TASKS.len()];
            path_index.mark(&path_words(text), &mut could_path);
            for (i, t) in TASKS.iter().enumerate() {
                if t.text_strength(text).is_some() {
                    assert!(could[i], "{}: text {text:?} left out", t.id);
                }
                if t.path_strength(text).is_some() {
                    assert!(could_path[i], "{}: path {text:?} left out", t.id);
                }
            }
        }
        // It leaves out what cannot match: no blue-badge phrase starts with any of these
        // words.
        let mut could = vec![false; TASKS.len()];
        text_index.mark(&text_words("Pay your council tax"), &mut could);
        let at = |id: &str| TASKS.iter().position(|t| t.id == id).unwrap();
        assert!(could[at("pay-council-tax")]);
        assert!(!could[at("blue-badge")]);
    }

    #[test]
    fn the_issue_tasks_in_its_order_each_once() {
        let ids: Vec<&str> = TASKS.iter().map(|t| t.id).collect();
        assert_eq!(ids, ISSUE_IDS);
        assert_eq!(TASKS.len(), 32);
        for id in ISSUE_IDS {
            assert_eq!(task(id).map(|t| t.id), Some(*id));
        }
        assert!(task("pay-the-moon").is_none());
    }

    #[test]
    fn lgsl_ids_are_govuk_services_with_their_providing_tier() {
        let list = lgsl_list();
        assert_eq!(
            list.len(),
            117,
            "the copy of GOV.UK's list has its 117 services"
        );
        for t in TASKS {
            if let Some(id) = t.lgsl {
                let found = list.iter().find(|(l, _)| *l == id);
                let (_, provider) =
                    found.unwrap_or_else(|| panic!("{}: LGSL {id} not in GOV.UK's list", t.id));
                assert_eq!(
                    *provider, t.provider,
                    "{}: tier differs from GOV.UK's",
                    t.id
                );
            }
        }
    }

    #[test]
    fn names_and_words_are_well_formed() {
        for t in TASKS {
            assert!(!t.name.trim().is_empty(), "{}", t.id);
            assert!(!t.words.is_empty() && !t.path_words.is_empty(), "{}", t.id);
            for w in t.words {
                assert_eq!(*w, w.to_lowercase(), "{}: {w}", t.id);
                assert!(!w.trim().is_empty() && w.trim() == *w, "{}: {w:?}", t.id);
            }
            for w in t.path_words {
                assert!(
                    w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{}: path word {w:?}",
                    t.id
                );
            }
        }
    }

    #[test]
    fn northern_ireland_councils_do_not_run_the_regional_services() {
        for (id, _) in NOT_NI_COUNCILS {
            assert!(task(id).is_some(), "{id} is not a task");
        }
        let pothole = task("report-pothole").unwrap();
        assert!(pothole.provided_in(Tier::Unitary, Country::Scotland));
        assert!(!pothole.provided_in(Tier::Unitary, Country::NorthernIreland));
        assert!(!pothole.provided_in(Tier::District, Country::England));
        let bins = task("report-missed-bin").unwrap();
        assert!(bins.provided_in(Tier::Unitary, Country::NorthernIreland));
        assert!(!bins.provided_in(Tier::County, Country::England));
    }

    #[test]
    fn govuk_descriptions_name_their_task() {
        // LGSL 57 is "Find out more about council tax", the landing page of several tasks;
        // 524 is shared by the missed bin and the collection day.
        let shared = [57, 524];
        let mut checked = 0;
        for line in include_str!("../../data/lgsl.csv").lines().skip(1) {
            let (id, rest) = line.split_once(',').unwrap();
            let id: u32 = id.parse().unwrap();
            let description = rest.rsplit_once(',').unwrap().0.trim_matches('"');
            let tasks: Vec<&str> = TASKS
                .iter()
                .filter(|t| t.lgsl == Some(id))
                .map(|t| t.id)
                .collect();
            if tasks.len() == 1 && !shared.contains(&id) {
                assert_eq!(
                    best_text(description),
                    Some(tasks[0]),
                    "LGSL {id}: {description}"
                );
                checked += 1;
            }
        }
        // 24 tasks have an LGSL id; 57 and 524 (three tasks) are left out.
        assert_eq!(checked, 21, "every other task with an LGSL id is checked");
    }

    fn best_text(text: &str) -> Option<&'static str> {
        lookup_text(text).first().map(|(t, _)| t.id)
    }

    fn best_path(path: &str) -> Option<&'static str> {
        lookup_path(path).first().map(|(t, _)| t.id)
    }

    #[test]
    fn phrases_match_at_word_boundaries_run_together_or_apart() {
        let fly = task("report-fly-tipping").unwrap();
        assert!(fly.text_strength("Report fly-tipping").is_some());
        assert!(fly.path_strength("/environment/flytipping.aspx").is_some());
        assert!(fly.path_strength("/FlyTipping").is_some());
        assert!(fly.path_strength("/fly_tipping").is_some());
        // Not inside another word.
        assert!(fly.text_strength("butterfly tipping point").is_none());
        let bulky = task("bulky-waste").unwrap();
        assert!(bulky.text_strength("Bulky items").is_some());
        assert!(bulky
            .text_strength("Book a bulky waste collection")
            .is_some());
    }

    #[test]
    fn the_more_specific_phrase_wins() {
        // A bare "council tax" is the landing page of several tasks.
        assert_eq!(best_text("Council Tax"), None);
        assert_eq!(best_text("Pay your council tax"), Some("pay-council-tax"));
        assert_eq!(
            best_text("Apply for Council Tax Reduction"),
            Some("council-tax-reduction")
        );
        assert_eq!(
            best_text("Council Tax Support"),
            Some("council-tax-reduction")
        );
        assert_eq!(
            best_text("Report a missed bin collection"),
            Some("report-missed-bin")
        );
        assert_eq!(
            best_text("Check your bin collection day"),
            Some("bin-collection-day")
        );
        assert_eq!(
            best_text("Apply for a disabled parking permit"),
            Some("blue-badge")
        );
        assert_eq!(
            best_text("Apply for a residents parking permit"),
            Some("parking-permit")
        );
        assert_eq!(best_text("Pay a parking fine"), Some("pay-parking-fine"));
        assert_eq!(best_text("Noise complaints"), Some("noise-complaint"));
        assert_eq!(best_text("Make a complaint"), Some("complaints"));
        assert_eq!(
            best_text("Contact your councillor"),
            Some("find-councillor")
        );
        assert_eq!(
            best_path("/council-tax/pay-your-council-tax"),
            Some("pay-council-tax")
        );
        assert_eq!(
            best_path("/counciltax/council-tax-support"),
            Some("council-tax-reduction")
        );
        assert_eq!(
            best_path("/bins/report-a-missed-bin-collection"),
            Some("report-missed-bin")
        );
        assert_eq!(best_path("/mgMemberIndex.aspx"), Some("find-councillor"));
        assert_eq!(
            best_path("/Services/Report%20an%20abandoned%20vehicle"),
            Some("report-abandoned-vehicle")
        );
        assert_eq!(
            best_path("/caf%C3%A9/%zz/fly%2Dtipping%"),
            Some("report-fly-tipping")
        );
        assert_eq!(best_path("/bins-and-recycling"), None);
    }

    #[test]
    fn a_service_area_names_its_tasks() {
        let task = |id| *super::task(id).expect("task");
        // A "which council does what" list names the service, not the action.
        assert!(task("pay-council-tax")
            .text_strength("council tax")
            .is_none());
        assert!(task("pay-council-tax")
            .service_strength("council tax")
            .is_some());
        assert!(task("council-tax-reduction")
            .service_strength("Council Tax and benefits")
            .is_some());
        assert!(task("report-missed-bin")
            .service_strength("rubbish collection")
            .is_some());
        assert!(task("register-to-vote")
            .service_strength("electoral registration and elections")
            .is_some());
        // Waste disposal (the tips) is the county's, not the districts' collections.
        assert!(task("report-missed-bin")
            .service_strength("waste disposal")
            .is_none());
        assert!(task("tip-opening-times")
            .service_strength("waste disposal")
            .is_some());
    }

    #[test]
    fn one_page_for_births_and_deaths_is_each_task_s_page() {
        let title = "Register a birth or death";
        assert!(super::task("register-birth")
            .unwrap()
            .text_strength(title)
            .is_some());
        assert!(super::task("register-death")
            .unwrap()
            .text_strength(title)
            .is_some());
    }
}
