//! Measures the service catalogue's URL path words against real council URLs.
//!
//! Source: `../shared/council-services/` (skipped with a message when absent):
//! `govuk-llm-fallback-links-2017.csv`, GOV.UK's 2017 link for every council and service, and
//! `ukbincollection-council-bin-lookup-urls.csv`, councils' bin-day look-up pages. For each
//! task with real URLs it prints and checks two rates: *found*, the share of the task's URLs
//! whose path the task is the strongest match for (what the detector would pick), and
//! *stolen*, the share of other services' URLs the task is the strongest match for. It also
//! prints the most frequent path words of the URLs the task misses: the analysis the
//! vocabulary was written from.
//!
//! A fixed sample of those URLs is committed (`tests/data/service-urls-sample.csv`) so the
//! same checks stand in a clone without `../shared`; with `../shared` present the test checks
//! that the sample is what the rule below picks from the source files (regenerate with
//! `FRONTDESK_WRITE_SAMPLE=1`).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use frontdesk_core::services::catalogue::{lookup_path, task, TASKS};

/// GOV.UK 2017 service slugs (and their interaction) whose pages are one of our tasks.
/// Slugs not listed are other services: their URLs count against a task that claims them.
const SLUG_TASKS: &[(&str, &str, &str)] = &[
    // LGSL 524 with the reporting interaction: GOV.UK's "report a missed bin" link.
    (
        "household-waste-collection",
        "reporting",
        "report-missed-bin",
    ),
    (
        "household-waste-collection",
        "providing-information",
        "bin-collection-day",
    ),
    ("council-tax-benefit-new-claim", "", "council-tax-reduction"),
    ("housing-benefit-new-claim", "", "housing-benefit"),
    ("bulky-household-waste-collections", "", "bulky-waste"),
    ("flytipping", "", "report-fly-tipping"),
    ("road-maintenance", "", "report-pothole"),
    ("street-lighting", "", "street-light-fault"),
    ("abandoned-vehicles", "", "report-abandoned-vehicle"),
    ("noise-pollution", "", "noise-complaint"),
    ("parking-permits", "", "parking-permit"),
    ("street-parking-enforcement", "", "pay-parking-fine"),
    ("disabled-people-parking-permits", "", "blue-badge"),
    ("older-people-s-bus-pass", "", "bus-pass"),
    ("disabled-people-bus-passes", "", "bus-pass"),
    ("primary-school-places", "", "school-admissions"),
    ("secondary-school-places", "", "school-admissions"),
    ("free-school-meals", "", "free-school-meals"),
    ("registering-for-a-council-property", "", "housing-register"),
    ("library-loan-renewals", "", "library-renewal"),
    ("electoral-register", "", "register-to-vote"),
    ("complaints-procedure", "", "complaints"),
    ("care-needs-assessment", "", "adult-social-care"),
];

const BINS: &str = "ukbincollection-council-bin-lookup-urls.csv";
const LINKS: &str = "govuk-llm-fallback-links-2017.csv";

/// The least share of a task's own URLs it must be the strongest match for.
///
/// 60 % where GOV.UK's 2017 link is, for most councils, a page about that one service, whose
/// path names it (`/fly-tipping`, `/abandoned-vehicles`, `/bulky-waste`). 20 % (a guard
/// against losing the words that do occur) where the links are mostly landing pages that
/// cover several services or application end points with no words at all: reading the URLs
/// a task misses shows `/waste`, `/bins-and-recycling`, `/benefits`, `/elections`,
/// `/libraries`, `/reportit`, `/pid524`, `/property/<id>`; a detector must not claim those.
/// Tasks with fewer than 10 URLs are printed, not checked.
fn floor(task: &str) -> f64 {
    match task {
        "report-fly-tipping"
        | "report-abandoned-vehicle"
        | "noise-complaint"
        | "bulky-waste"
        | "free-school-meals"
        | "school-admissions" => 0.60,
        _ => 0.20,
    }
}

/// The most share of other services' URLs a task may be the strongest match for.
const MAX_STOLEN: f64 = 0.05;
const MIN_URLS: usize = 10;

struct Url {
    /// The task the URL is a page of, or `None` for another service.
    task: Option<&'static str>,
    /// The source group, e.g. `govuk-llm-fallback-links-2017.csv:flytipping:reporting`.
    group: String,
    url: String,
}

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/council-services");
    if dir.join(LINKS).is_file() && dir.join(BINS).is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// The fields of one CSV record (RFC 4180 quotes; the files have no line breaks in fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn slug_task(slug: &str, interaction: &str) -> Option<&'static str> {
    SLUG_TASKS
        .iter()
        .find(|(s, i, _)| *s == slug && (i.is_empty() || *i == interaction))
        .map(|(_, _, t)| *t)
}

/// Every URL of the source files, grouped by source (`file:slug`), each group sorted by
/// council then URL.
fn all_urls(dir: &std::path::Path) -> BTreeMap<String, Vec<(String, Url)>> {
    let mut groups: BTreeMap<String, Vec<(String, Url)>> = BTreeMap::new();
    let links = std::fs::read_to_string(dir.join(LINKS)).expect("readable links file");
    for line in links.lines().skip(1) {
        // Header `la,lgsl,lgil,link`; rows also carry the LGSL and LGIL ids.
        let f = fields(line);
        if f.len() < 4 {
            continue;
        }
        let task = slug_task(&f[1], &f[2]);
        let key = format!("{LINKS}:{}:{}", f[1], f[2]);
        let url = Url {
            task,
            group: key.clone(),
            url: f[3].clone(),
        };
        groups.entry(key).or_default().push((f[0].clone(), url));
    }
    let bins = std::fs::read_to_string(dir.join(BINS)).expect("readable bins file");
    for line in bins.lines().skip(1) {
        let f = fields(line);
        // Only the deep links are bin-day pages; the others are homepages or base URLs.
        if f.len() >= 5 && f[4] == "no" {
            let url = Url {
                task: Some("bin-collection-day"),
                group: BINS.to_string(),
                url: f[3].clone(),
            };
            groups
                .entry(BINS.to_string())
                .or_default()
                .push((f[0].clone(), url));
        }
    }
    for urls in groups.values_mut() {
        urls.sort_by(|a, b| (&a.0, &a.1.url).cmp(&(&b.0, &b.1.url)));
    }
    groups
}

/// The sample rule: from each group sorted by council, `k` URLs evenly spread (index
/// `i * n / k`), `k` = 20 for a task's group and 5 for another service's.
fn sample(
    groups: &BTreeMap<String, Vec<(String, Url)>>,
) -> Vec<(String, Option<&'static str>, String)> {
    let mut out = Vec::new();
    for (key, urls) in groups {
        let n = urls.len();
        let k = n.min(if urls[0].1.task.is_some() { 20 } else { 5 });
        for i in 0..k {
            let url = &urls[i * n / k].1;
            out.push((key.clone(), url.task, url.url.clone()));
        }
    }
    out
}

fn sample_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/service-urls-sample.csv")
}

fn sample_text(rows: &[(String, Option<&'static str>, String)]) -> String {
    let mut text = String::from("source,task,url\n");
    for (source, task, url) in rows {
        let url = if url.contains(',') || url.contains('"') {
            format!("\"{}\"", url.replace('"', "\"\""))
        } else {
            url.clone()
        };
        text.push_str(&format!("{source},{},{url}\n", task.unwrap_or("")));
    }
    text
}

fn path_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => u.path().to_string(),
        Err(_) => url.to_string(),
    }
}

/// The strongest task for a URL's path.
fn best(url: &str) -> Option<&'static str> {
    lookup_path(&path_of(url)).first().map(|(t, _)| t.id)
}

struct Rates {
    own: usize,
    found: usize,
    others: usize,
    stolen: usize,
}

/// Found and stolen counts per task over `urls`, printed as a table; the path words of missed
/// URLs are printed when `words` is set.
fn measure(urls: &[Url], words: bool) -> BTreeMap<&'static str, Rates> {
    let mut rates: BTreeMap<&'static str, Rates> = BTreeMap::new();
    let mut missed: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    let mut stolen_from: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    let bests: Vec<Option<&str>> = urls.iter().map(|u| best(&u.url)).collect();
    for t in TASKS {
        let mut r = Rates {
            own: 0,
            found: 0,
            others: 0,
            stolen: 0,
        };
        for (u, b) in urls.iter().zip(&bests) {
            if u.task == Some(t.id) {
                r.own += 1;
                if *b == Some(t.id) {
                    r.found += 1;
                } else if words {
                    let counts = missed.entry(t.id).or_default();
                    let path = path_of(&u.url).to_lowercase();
                    let mut seen: Vec<&str> = path
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
                        .collect();
                    seen.sort_unstable();
                    seen.dedup();
                    for w in seen {
                        *counts.entry(w.to_string()).or_default() += 1;
                    }
                }
            } else {
                r.others += 1;
                if *b == Some(t.id) {
                    r.stolen += 1;
                    let group = u.group.rsplit_once(".csv").map_or("", |(_, g)| g);
                    *stolen_from
                        .entry(t.id)
                        .or_default()
                        .entry(group.to_string())
                        .or_default() += 1;
                }
            }
        }
        rates.insert(t.id, r);
    }
    println!(
        "{:<28} {:>5} {:>7} {:>8}",
        "task", "urls", "found", "stolen"
    );
    for (id, r) in &rates {
        if r.own == 0 && r.stolen == 0 {
            continue;
        }
        let found = if r.own > 0 {
            r.found as f64 / r.own as f64
        } else {
            f64::NAN
        };
        let stolen = r.stolen as f64 / r.others.max(1) as f64;
        print!(
            "{id:<28} {:>5} {:>6.0}% {:>7.1}%",
            r.own,
            found * 100.0,
            stolen * 100.0
        );
        if let Some(counts) = missed.get(id) {
            let mut top: Vec<_> = counts.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = top
                .iter()
                .take(8)
                .map(|(w, n)| format!("{w} {n}"))
                .collect();
            print!("   missed: {}", top.join(", "));
        }
        if let Some(counts) = stolen_from.get(id).filter(|_| words) {
            let mut top: Vec<_> = counts.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = top
                .iter()
                .take(3)
                .map(|(g, n)| format!("{g} {n}"))
                .collect();
            print!("   stolen from: {}", top.join(", "));
        }
        println!();
    }
    rates
}

fn check(rates: &BTreeMap<&'static str, Rates>) {
    let mut failures = Vec::new();
    for (id, r) in rates {
        if r.own >= MIN_URLS {
            let found = r.found as f64 / r.own as f64;
            if found < floor(id) {
                failures.push(format!(
                    "{id}: found {:.0}% < {:.0}%",
                    found * 100.0,
                    floor(id) * 100.0
                ));
            }
        }
        let stolen = r.stolen as f64 / r.others.max(1) as f64;
        if stolen > MAX_STOLEN {
            failures.push(format!(
                "{id}: stolen {:.1}% > {:.0}%",
                stolen * 100.0,
                MAX_STOLEN * 100.0
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "vocabulary below its floors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn path_words_find_real_council_pages_and_leave_others() {
    let Some(dir) = shared() else { return };
    let groups = all_urls(&dir);
    let urls: Vec<Url> = groups.into_values().flatten().map(|(_, u)| u).collect();
    println!(
        "all {} URLs of {LINKS} and the deep links of {BINS}:",
        urls.len()
    );
    let rates = measure(&urls, true);
    check(&rates);
}

#[test]
fn committed_sample_follows_the_rule() {
    let Some(dir) = shared() else { return };
    let text = sample_text(&sample(&all_urls(&dir)));
    if std::env::var_os("FRONTDESK_WRITE_SAMPLE").is_some() {
        std::fs::write(sample_file(), &text).expect("writable sample");
    }
    let committed = std::fs::read_to_string(sample_file()).expect("committed sample");
    assert!(
        committed == text,
        "tests/data/service-urls-sample.csv differs from the rule's pick"
    );
}

#[test]
fn path_words_find_the_committed_sample() {
    let text = std::fs::read_to_string(sample_file()).expect("committed sample");
    let urls: Vec<Url> = text
        .lines()
        .skip(1)
        .map(|line| {
            let f = fields(line);
            let task = if f[1].is_empty() {
                None
            } else {
                Some(task(&f[1]).expect("a catalogue task").id)
            };
            Url {
                task,
                group: f[0].clone(),
                url: f[2].clone(),
            }
        })
        .collect();
    assert!(urls.len() > 300, "sample has {} URLs", urls.len());
    println!("the committed sample, {} URLs:", urls.len());
    check(&measure(&urls, false));
}
