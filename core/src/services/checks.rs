//! The Better Connected checks: per task SC-01…20 (RESEARCH.md §4) as far as static HTML
//! shows them, and per site SC-21…25. Each says `pass`, `fail`, `partial`, `unknown` or
//! `n/a`, with evidence a web team can click: the page, and what was found or missed there.
//!
//! Which tasks a check applies to follows RESEARCH.md §4: SC-10 (location look-up) to the
//! tasks it names (bin day, councillor, planning near me, pothole) and Better Connected's
//! missed-bin question; SC-14 (opening hours) to the tip, the library and the contact
//! centre; SC-17 to payment tasks; SC-11 and SC-12 to tasks done through a form or a
//! transaction host, not to "find" tasks or tasks without an online call to action.

use std::sync::OnceLock;

use url::Url;

use super::analysis::{
    host_of, is_a_to_z_text, is_feedback_form, sign_in_wall, Analysis, Page, PageRef, Route,
    RouteCheck, RouteOutcome, TaskResult,
};
use super::catalogue::Task;
use super::summary::{has_phrase, is_document_url, PageSummary, Region, Viewport};
use super::{Check, CheckStatus, Country, Evidence, Interaction, TaskStatus, Tier};

use CheckStatus::{Fail, NotApplicable as NA, Partial, Pass, Unknown};

/// Tasks where the answer depends on where the resident lives (SC-10).
const LOCATION_TASKS: &[&str] = &[
    "bin-collection-day",
    "report-missed-bin",
    "find-councillor",
    "planning-applications",
    "report-pothole",
];

/// Tasks where opening hours matter (SC-14).
const HOURS_TASKS: &[&str] = &["tip-opening-times", "library-renewal", "contact-council"];

fn check(id: &str, status: CheckStatus, url: &str, text: impl Into<String>) -> Check {
    Check::new(id, status, url, text)
}

/// Everything one task's checks read.
struct Ctx<'a> {
    a: &'a Analysis,
    task: &'static Task,
    index: usize,
    page: &'a Page,
    outcome: RouteOutcome,
    /// The route's start page when it was read (crawled or fetched).
    route_page: Option<&'a PageSummary>,
    landing: Landing,
}

/// The task's service landing page (SC-02).
enum Landing {
    Found(String, &'static str),
    /// Home → task: no page between them.
    None(String),
    Unknown(String),
}

/// The result for one task.
pub(super) fn task_result(a: &Analysis, index: usize, tier: Option<Tier>) -> TaskResult {
    let task = &a.tasks()[index];
    let country = a.council().map_or(Country::England, |c| c.country);
    let provided = tier.is_none_or(|t| task.provided_in(t, country));
    let mut result = TaskResult {
        id: task.id.to_string(),
        name: task.name.to_string(),
        lgsl: task.lgsl,
        interaction: task.interaction,
        status: TaskStatus::NotFound,
        stars: None,
        url: None,
        route: None,
        checks: Vec::new(),
    };
    let page = a.task_page(index);
    // A task either tier may run (parking) that the site does not offer but sends to the
    // other council for is the other tier's here, as the site says.
    let either_tier = task.provider == super::Provider::All
        && matches!(tier, Some(Tier::County | Tier::District))
        && page.is_none();
    let signpost = (!provided || either_tier)
        .then(|| signpost(a, index, tier))
        .flatten();
    let provided = provided && !(either_tier && signpost.is_some());
    // The other tier's task: signposted, or not on the site at all.
    if !provided && (signpost.is_some() || page.is_none()) {
        result.url = page.map(|p| p.summary.url.clone());
        let (status, sc19) = match signpost {
            Some((e, href)) => {
                result.url = result.url.or_else(|| Some(e.url.clone()));
                result.route = Some(Route {
                    kind: "other-council".into(),
                    host: host_of(&href).unwrap_or_default(),
                    checked: RouteCheck::NotChecked,
                    url: href,
                });
                let sc19 = Check {
                    id: "SC-19".into(),
                    status: Pass,
                    evidence: vec![e],
                };
                (TaskStatus::OtherTier, sc19)
            }
            None => (
                TaskStatus::NotFound,
                check(
                    "SC-19",
                    Fail,
                    a.home(),
                    format!(
                        "another tier of council provides this, and no page links to it (no link to the county council or GOV.UK for \"{}\")",
                        task.name
                    ),
                ),
            ),
        };
        result.status = status;
        result.checks = not_applicable(a, "the council's tier does not provide this service");
        result.checks.push(sc19);
        sort(&mut result.checks);
        result.stars = crate::score::tasks::task_stars(result.status, &result.checks);
        return result;
    }
    let Some(page) = page else {
        let document = document_for(a, task);
        let (status, why) = match (&document, a.home_page()) {
            (Some(e), _) => (
                TaskStatus::Offline,
                format!("only a document: {}", e.text),
            ),
            _ if a.is_cut_short() => (
                TaskStatus::Unknown,
                "no page for the task among the pages crawled, but the crawl stopped at its page limit".into(),
            ),
            (None, Some(home)) if home.summary.signals.needs_javascript.is_some() => (
                TaskStatus::Unknown,
                "the home page needs JavaScript: its links could not be read".into(),
            ),
            (None, None) => (TaskStatus::Unknown, "the home page was not crawled".into()),
            _ => (
                TaskStatus::NotFound,
                format!("no page on the site is titled or headed like \"{}\", nor linked with its words", task.name),
            ),
        };
        result.status = status;
        result.checks = not_applicable(a, &why);
        if status == TaskStatus::NotFound {
            // Really looked: neither the home page nor any landing page leads to it.
            for c in &mut result.checks {
                let text = match c.id.as_str() {
                    "SC-01" => "the home page links to no page for the task (the site has none)",
                    "SC-02" => "no landing page links to a page for the task (the site has none)",
                    _ => continue,
                };
                *c = check(&c.id.clone(), Fail, a.home(), text);
            }
        }
        if let Some(e) = document {
            result.url = Some(e.url.clone());
            for c in &mut result.checks {
                if c.id == "SC-06" {
                    *c = Check {
                        id: "SC-06".into(),
                        status: Fail,
                        evidence: vec![e.clone()],
                    };
                }
            }
        }
        result
            .checks
            .push(check("SC-19", NA, a.home(), tier_reason(tier)));
        sort(&mut result.checks);
        result.stars = crate::score::tasks::task_stars(result.status, &result.checks);
        return result;
    };
    let mut wants = Vec::new();
    let mut outcome = a.route_of(index, &mut wants);
    // The tip's page that gives its opening times answers the task; its "Book a visit"
    // button (most tips now ask for a booking) is another errand.
    if task.id == "tip-opening-times" && page.summary.signals.opening_hours.is_some() {
        outcome = RouteOutcome::Working {
            route: Route {
                url: page.summary.url.clone(),
                kind: "information".into(),
                host: host_of(&page.summary.url).unwrap_or_default(),
                checked: RouteCheck::Ok,
            },
            page: None,
            via: None,
        };
    }
    let route_page = match &outcome {
        RouteOutcome::Working {
            page: Some(PageRef::Crawled(i)),
            ..
        } => Some(&*a.pages()[*i].summary),
        RouteOutcome::Working {
            page: Some(PageRef::Answered),
            route,
            ..
        } => a
            .answer_page(&route.url)
            .or_else(|| a.page(&route.url).map(|p| &*p.summary)),
        RouteOutcome::SignIn { url, .. } => a
            .page(url)
            .map(|p| &*p.summary)
            .or_else(|| a.answer_page(url)),
        _ => None,
    };
    let ctx = Ctx {
        a,
        task,
        index,
        page,
        landing: landing(a, page),
        outcome,
        route_page,
    };
    result.url = Some(page.summary.url.clone());
    let (status, route) = status_and_route(&ctx);
    result.status = status;
    result.route = route;
    result.checks = vec![
        sc01(&ctx),
        sc02(&ctx),
        sc03(&ctx),
        sc04(&ctx),
        sc05(&ctx),
        sc06(&ctx),
        sc07(&ctx),
        sc08(&ctx),
        sc09(&ctx),
        sc10(&ctx),
        sc11(&ctx),
        sc12(&ctx),
        sc13(&ctx),
        sc14(&ctx),
        sc15(&ctx),
        sc16(&ctx),
        sc17(&ctx),
        sc18(&ctx),
        check("SC-19", NA, &page.summary.url, tier_reason(tier)),
        sc20(&ctx),
    ];
    result.stars = crate::score::tasks::task_stars(result.status, &result.checks);
    result
}

fn tier_reason(tier: Option<Tier>) -> String {
    match tier {
        Some(t) => format!("a {} council provides this service itself", tier_name(t)),
        None => "the council's tier is not known: every task is scored as its own".into(),
    }
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::County => "county",
        Tier::District => "district",
        Tier::Unitary => "unitary",
    }
}

fn sort(checks: &mut [Check]) {
    checks.sort_by(|a, b| a.id.cmp(&b.id));
}

/// SC-01…18 and SC-20 `n/a`, for a task without a page.
fn not_applicable(a: &Analysis, why: &str) -> Vec<Check> {
    (1..=20)
        .filter(|n| *n != 19)
        .map(|n| check(&format!("SC-{n:02}"), NA, a.home(), why))
        .collect()
}

/// A link to a document (PDF, Word) named for the task, when the site has no page for it.
fn document_for(a: &Analysis, task: &Task) -> Option<Evidence> {
    let pages = a.pages();
    a.memo.document_links(a).iter().find_map(|(p, l, words)| {
        let (p, l) = (&pages[*p].summary, &pages[*p].summary.links[*l]);
        task.words_strength(words).is_some().then(|| Evidence {
            url: p.url.clone(),
            text: format!("\"{}\" → {}", l.text, l.href),
        })
    })
}

/// What the checks read of every crawled page's links that is the same for every task:
/// worked out once, on first use in [`super::Analysis::finish`], rather than once per task
/// over all pages' links. Each list in page order, then link order, as the checks read them.
#[derive(Debug, Default)]
pub(super) struct Memo {
    /// Links to a document (by address, or by the content type the crawl saw), with their
    /// text's words.
    document_links: OnceLock<Vec<(usize, usize, Vec<String>)>>,
    /// Links to the council that provides another tier's tasks ([`to_provider`]).
    provider_links: OnceLock<Vec<(usize, usize)>>,
    /// [`a_to_z`]: the A–Z pages' indexes, and A–Z links to pages not crawled.
    a_to_z: OnceLock<(Vec<usize>, Vec<String>)>,
}

impl Memo {
    fn document_links(&self, a: &Analysis) -> &[(usize, usize, Vec<String>)] {
        self.document_links.get_or_init(|| {
            links_where(a, |l| {
                is_document_url(&l.href)
                    || a.unfetched(&l.href)
                        .and_then(|(_, ct)| ct.as_deref())
                        .is_some_and(|ct| !ct.contains("html"))
            })
            .into_iter()
            .map(|(p, l)| {
                let words = super::catalogue::text_words(&a.pages()[p].summary.links[l].text);
                (p, l, words)
            })
            .collect()
        })
    }

    fn provider_links(&self, a: &Analysis) -> &[(usize, usize)] {
        self.provider_links
            .get_or_init(|| links_where(a, |l| to_provider(a, &l.href, &l.text)))
    }
}

/// The (page, link) indexes of the crawled pages' links that `keep` keeps.
fn links_where(a: &Analysis, keep: impl Fn(&super::summary::Link) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (p, page) in a.pages().iter().enumerate() {
        for (l, link) in page.summary.links.iter().enumerate() {
            if keep(link) {
                out.push((p, l));
            }
        }
    }
    out
}

/// A link to the council that provides another tier's task: the county (its host, or a
/// link naming a county council), another council, or GOV.UK.
fn to_provider(a: &Analysis, href: &str, text: &str) -> bool {
    a.county_link(href, text)
        || other_council_link(a, href, text)
        || host_of(href).is_some_and(|h| {
            [
                "www.gov.uk",
                "gov.uk",
                "www.nidirect.gov.uk",
                "nidirect.gov.uk",
            ]
            .contains(&h.as_str())
        })
}

/// A link that sends the resident to the council that provides the task: the county (its
/// host, or a link naming a county council) or GOV.UK, from the task's page or from a link
/// named for the task.
fn signpost(a: &Analysis, index: usize, tier: Option<Tier>) -> Option<(Evidence, String)> {
    let task = &a.tasks()[index];
    let to_provider = |href: &str, text: &str| to_provider(a, href, text);
    // Named for the task: by its text, the text around it, or its address's path.
    let named = |l: &super::summary::Link| {
        let path = Url::parse(&l.href).ok().map(|u| u.path().to_string());
        [
            task.text_strength(&l.text),
            l.context.as_deref().and_then(|c| task.text_strength(c)),
            path.as_deref().and_then(|p| task.path_strength(p)),
        ]
        .into_iter()
        .flatten()
        .max()
    };
    let found = |page: &PageSummary, l: &super::summary::Link| {
        (
            Evidence {
                url: page.url.clone(),
                text: format!("\"{}\" → {}", l.text, l.href),
            },
            l.href.to_string(),
        )
    };
    if let Some(page) = a.task_page(index) {
        let on_page: Vec<&super::summary::Link> = page
            .summary
            .links
            .iter()
            .map(|l| &**l)
            .filter(|l| l.region == Region::Main || l.region == Region::Other)
            .filter(|l| to_provider(&l.href, &l.text))
            .collect();
        // The first link named for the task, else the page's first link to the provider.
        let pick = on_page
            .iter()
            .find(|l| named(l).is_some())
            .or(on_page.first());
        if let Some(l) = pick {
            return Some(found(&page.summary, l));
        }
    }
    let pages = a.pages();
    a.memo
        .provider_links(a)
        .iter()
        .map(|&(p, l)| (&pages[p].summary, &pages[p].summary.links[l]))
        .find(|(_, l)| named(l).is_some())
        .map(|(p, l)| found(p, l))
        .or_else(|| {
            // A page that lists the other council's services ("Your district council
            // provides: … bin collections …") and links to it: GOV.UK's council finder,
            // which covers every address, before a council's own site.
            a.pages().iter().find_map(|p| {
                // By service area only: "noise and other nuisance complaints" names the
                // noise service, not the council's complaints procedure.
                let passage = &p.summary.signals.other_tier_services;
                // It must be about the other tier: a district's "Shire District Council
                // provides parking" is its own.
                let opening = passage.first()?.to_lowercase();
                let other_tier = match tier {
                    Some(Tier::County) => ["district", "borough", "city council"]
                        .iter()
                        .any(|w| has_phrase(&opening, w)),
                    Some(Tier::District) => has_phrase(&opening, "county council"),
                    _ => true,
                };
                if !other_tier {
                    return None;
                }
                let listed = passage
                    .iter()
                    .find(|t| task.service_strength(t).is_some())?;
                let links = || {
                    p.summary
                        .links
                        .iter()
                        .filter(|l| l.region == Region::Main || l.region == Region::Other)
                };
                let l = links()
                    .find(|l| is_gov_uk_council_finder(&l.href))
                    .or_else(|| links().find(|l| to_provider(&l.href, &l.text)))?;
                Some((
                    Evidence {
                        url: p.summary.url.clone(),
                        text: format!("lists “{listed}”; \"{}\" → {}", l.text, l.href),
                    },
                    l.href.to_string(),
                ))
            })
        })
}

/// GOV.UK's "Find your local council" (`/find-local-council`), which names the council of
/// each tier for a postcode.
fn is_gov_uk_council_finder(href: &str) -> bool {
    Url::parse(href).is_ok_and(|u| {
        matches!(u.host_str(), Some("www.gov.uk" | "gov.uk"))
            && u.path().trim_end_matches('/') == "/find-local-council"
    })
}

/// A link to another council's site: a host in the council table, or a link named
/// "… District Council", "… Borough Council", "… City Council" (a county's districts).
fn other_council_link(a: &Analysis, href: &str, text: &str) -> bool {
    let Ok(url) = Url::parse(href) else {
        return false;
    };
    if a.is_own(&url) || !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    let host = host_of(href).unwrap_or_default();
    let text = text.to_lowercase();
    super::councils::by_host(&host).is_some()
        || ["district council", "borough council", "city council"]
            .iter()
            .any(|c| has_phrase(&text, c))
}

fn status_and_route(ctx: &Ctx) -> (TaskStatus, Option<Route>) {
    let page = &ctx.page.summary;
    let info = || Route {
        url: page.url.clone(),
        kind: "information".into(),
        host: host_of(&page.url).unwrap_or_default(),
        checked: RouteCheck::Ok,
    };
    let host = |url: &str| host_of(url).unwrap_or_default();
    match &ctx.outcome {
        RouteOutcome::Working { route, .. } => (TaskStatus::Online, Some(route.clone())),
        RouteOutcome::SignIn { url, register, .. } => {
            let route = Route {
                url: url.clone(),
                kind: "sign-in".into(),
                host: host(url),
                checked: RouteCheck::Ok,
            };
            // With an account to be made online the task can be finished online (behind
            // the account SC-09 fails); without, what is behind the wall cannot be judged.
            let status = if register.is_some() {
                TaskStatus::Online
            } else {
                TaskStatus::Unknown
            };
            (status, Some(route))
        }
        _ if ctx.task.interaction == Interaction::Find && answers_on_page(ctx) => {
            (TaskStatus::Online, Some(info()))
        }
        RouteOutcome::NeedsScript { .. } => (TaskStatus::Unknown, None),
        RouteOutcome::Broken { url, .. } => (
            TaskStatus::Offline,
            Some(Route {
                url: url.clone(),
                kind: "link".into(),
                host: host(url),
                checked: RouteCheck::Broken,
            }),
        ),
        RouteOutcome::DocumentOnly { url, .. } => (
            unless_script(page, TaskStatus::Offline),
            Some(Route {
                url: url.clone(),
                kind: "document".into(),
                host: host(url),
                checked: RouteCheck::NotChecked,
            }),
        ),
        RouteOutcome::Nothing => (unless_script(page, TaskStatus::Offline), None),
    }
}

/// Whether a "find" task's page gives the answer itself: the tip's opening times, the bin
/// collection days (by day, or a look-up); a planning search always needs a route.
fn answers_on_page(ctx: &Ctx) -> bool {
    let signals = &ctx.page.summary.signals;
    match ctx.task.id {
        "tip-opening-times" => signals.opening_hours.is_some(),
        "bin-collection-day" => signals.weekdays || signals.location_lookup.is_some(),
        "planning-applications" => false,
        _ => true,
    }
}

/// A page that says it needs JavaScript cannot be judged offline.
fn unless_script(page: &PageSummary, status: TaskStatus) -> TaskStatus {
    if page.signals.needs_javascript.is_some() {
        TaskStatus::Unknown
    } else {
        status
    }
}

fn task_url<'a>(ctx: &Ctx<'a>) -> &'a str {
    &ctx.page.summary.url
}

/// Whether a link's target is the task page (or its route).
fn leads_to_task(ctx: &Ctx, href: &str) -> bool {
    let target = ctx.a.target(href);
    target == task_url(ctx)
        || match &ctx.outcome {
            RouteOutcome::Working { route, .. } => target == route.url,
            _ => false,
        }
}

fn landing(a: &Analysis, page: &Page) -> Landing {
    let home = a.home();
    // The breadcrumb's last linked item before the page, unless it is the home page.
    let crumbs: Vec<&(String, String)> = page
        .summary
        .breadcrumbs
        .iter()
        .filter(|(_, href)| !href.is_empty() && a.target(href) != page.summary.url)
        .collect();
    if let Some((_, href)) = crumbs.last() {
        if a.target(href) == home {
            return Landing::None(
                "the breadcrumb goes from the home page straight to the task page".into(),
            );
        }
        return Landing::Found(a.target(href).to_string(), "the breadcrumb");
    }
    // The parent folder's page.
    if let Ok(url) = Url::parse(&page.summary.url) {
        let path = url.path().trim_end_matches('/');
        let path = path.strip_suffix("/index.html").unwrap_or(path);
        if let Some(at) = path.rfind('/') {
            let parent = &path[..at];
            for candidate in [
                format!("{parent}/"),
                format!("{parent}/index.html"),
                parent.to_string(),
            ] {
                let mut u = url.clone();
                u.set_path(&candidate);
                u.set_query(None);
                let spelled = u.to_string();
                if spelled != page.summary.url && a.page(&spelled).is_some() {
                    if a.target(&spelled) == home {
                        return Landing::None(
                            "the task page sits directly under the home page".into(),
                        );
                    }
                    return Landing::Found(a.target(&spelled).to_string(), "the parent folder");
                }
            }
        }
    }
    Landing::Unknown(
        "no breadcrumb and no parent page: the service landing page is not known".into(),
    )
}

fn sc01(ctx: &Ctx) -> Check {
    let Some(home) = ctx.a.home_page() else {
        return check(
            "SC-01",
            Unknown,
            ctx.a.home(),
            "the home page was not crawled",
        );
    };
    match home
        .summary
        .links
        .iter()
        .find(|l| leads_to_task(ctx, &l.href))
    {
        Some(l) => check(
            "SC-01",
            Pass,
            &home.summary.url,
            format!("links to the task page: \"{}\" → {}", l.text, l.href),
        ),
        None => check(
            "SC-01",
            Fail,
            &home.summary.url,
            format!("no link to the task page {}", task_url(ctx)),
        ),
    }
}

fn sc02(ctx: &Ctx) -> Check {
    match &ctx.landing {
        Landing::None(why) => check("SC-02", NA, task_url(ctx), why.clone()),
        Landing::Unknown(why) => check("SC-02", Unknown, task_url(ctx), why.clone()),
        Landing::Found(url, how) => match ctx.a.page(url) {
            None => check(
                "SC-02",
                Unknown,
                url,
                format!("the landing page ({how}) was not crawled"),
            ),
            Some(landing) => match landing
                .summary
                .links
                .iter()
                .find(|l| leads_to_task(ctx, &l.href))
            {
                Some(l) => check(
                    "SC-02",
                    Pass,
                    url,
                    format!(
                        "the landing page ({how}) links to the task page: \"{}\"",
                        l.text
                    ),
                ),
                None => check(
                    "SC-02",
                    Fail,
                    url,
                    format!(
                        "the landing page ({how}) has no link to the task page {}",
                        task_url(ctx)
                    ),
                ),
            },
        },
    }
}

/// The first five results of a site-search results page: links in its main content that
/// are not the search again (pagination, filters), not the home page, each target once.
pub(super) fn top_results<'p>(
    a: &Analysis,
    results: &'p PageSummary,
) -> Vec<&'p super::summary::Link> {
    let has_main = results.links.iter().any(|l| l.region == Region::Main);
    let search_path = Url::parse(&results.url)
        .map(|u| u.path().to_string())
        .unwrap_or_default();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for l in results.links.iter().map(|l| &**l) {
        let in_results = if has_main {
            l.region == Region::Main
        } else {
            l.region == Region::Other
        };
        let same_search = Url::parse(&l.href).is_ok_and(|u| u.path() == search_path);
        if !in_results || same_search || l.text.is_empty() || a.target(&l.href) == a.home() {
            continue;
        }
        let target = a.target(&l.href).to_string();
        if !seen.contains(&target) {
            seen.push(target);
            out.push(l);
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

fn sc03(ctx: &Ctx) -> Check {
    let a = ctx.a;
    if !a.config().site_search {
        return check(
            "SC-03",
            Unknown,
            a.home(),
            "site search not run (--no-site-search)",
        );
    }
    let Some(answer) = a.search_answer(ctx.index) else {
        let post = a
            .pages()
            .iter()
            .any(|p| p.summary.forms.iter().any(|f| f.is_search));
        return if post {
            check(
                "SC-03",
                Unknown,
                a.home(),
                "the site's search form is sent by POST: frontdesk does not submit it",
            )
        } else if a.search_form().is_none() {
            check("SC-03", Fail, a.home(), "no site search form found")
        } else {
            check("SC-03", Unknown, a.home(), "the search was not answered")
        };
    };
    let term = super::analysis::search_term(ctx.task);
    let results = match answer {
        Err(why) => {
            return check(
                "SC-03",
                Unknown,
                a.home(),
                format!("the search for \"{term}\" failed: {why}"),
            )
        }
        Ok(results) => results,
    };
    let top = top_results(a, results);
    if top.is_empty() {
        // An empty list is a fail only when the page says so: results drawn by a script
        // leave none in the markup.
        return match &results.signals.no_results {
            Some(said) => check(
                "SC-03",
                Fail,
                &results.url,
                format!("the search for \"{term}\" found nothing: \"{said}\""),
            ),
            None => check(
                "SC-03",
                Unknown,
                &results.url,
                format!(
                    "no result links read for \"{term}\": the results may be drawn by a script"
                ),
            ),
        };
    }
    match top.iter().position(|l| leads_to_task(ctx, &l.href)) {
        Some(at) => check(
            "SC-03",
            Pass,
            &results.url,
            format!(
                "result {} of the search for \"{term}\" is the task page",
                at + 1
            ),
        ),
        None => check(
            "SC-03",
            Fail,
            &results.url,
            format!(
                "the first {} results for \"{term}\" do not include the task page: {}",
                top.len(),
                top.iter()
                    .map(|l| format!("\"{}\"", l.text))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    }
}

/// The A–Z pages crawled, and A–Z links to pages not crawled.
fn a_to_z(a: &Analysis) -> (Vec<&Page>, &[String]) {
    let (pages, missing) = a.memo.a_to_z.get_or_init(|| find_a_to_z(a));
    (pages.iter().map(|&p| &a.pages()[p]).collect(), missing)
}

fn find_a_to_z(a: &Analysis) -> (Vec<usize>, Vec<String>) {
    let is_a_z_url = |url: &str| {
        Url::parse(url).is_ok_and(|u| {
            let p = u.path().to_ascii_lowercase();
            p.contains("/a-z") || p.contains("/atoz") || p.contains("/a-to-z")
        })
    };
    let pages: Vec<usize> = a
        .pages()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.status < 400)
        .filter(|(_, p)| {
            let t = format!("{} {}", p.summary.title, p.summary.h1).to_lowercase();
            is_a_to_z_text(&t) || is_a_z_url(&p.summary.url)
        })
        .map(|(i, _)| i)
        .collect();
    let mut missing = Vec::new();
    for p in a.pages() {
        for l in &p.summary.links {
            let linked = is_a_to_z_text(&l.text.to_lowercase())
                || (is_a_z_url(&l.href) && !pages.is_empty());
            if linked && a.page(&l.href).is_none() && !missing.iter().any(|m| *m == *l.href) {
                missing.push(l.href.to_string());
            }
        }
    }
    (pages, missing)
}

fn sc04(ctx: &Ctx) -> Check {
    let (pages, missing) = a_to_z(ctx.a);
    if pages.is_empty() && missing.is_empty() {
        return check("SC-04", NA, ctx.a.home(), "the site has no A–Z");
    }
    for p in &pages {
        if let Some(l) = p.summary.links.iter().find(|l| leads_to_task(ctx, &l.href)) {
            return check(
                "SC-04",
                Pass,
                &p.summary.url,
                format!("A–Z entry \"{}\" links to the task page", l.text),
            );
        }
    }
    if let Some(m) = missing.first() {
        return check("SC-04", Unknown, m, "part of the A–Z was not crawled");
    }
    check(
        "SC-04",
        Fail,
        &pages[0].summary.url,
        format!("no A–Z entry links to the task page {}", task_url(ctx)),
    )
}

fn sc05(ctx: &Ctx) -> Check {
    // Where each route a resident could take ends: the link named for the task on the home
    // page, the landing page, the A–Z and the search results.
    let a = ctx.a;
    let named = |page: &PageSummary| -> Option<String> {
        page.links
            .iter()
            .find(|l| leads_to_task(ctx, &l.href))
            .or_else(|| {
                page.links
                    .iter()
                    .filter(|l| ctx.task.text_strength(&l.text).is_some())
                    .max_by_key(|l| ctx.task.text_strength(&l.text))
            })
            .map(|l| a.target(&l.href).to_string())
    };
    let mut routes: Vec<(&str, String)> = Vec::new();
    if let Some(home) = a.home_page() {
        if let Some(t) = named(&home.summary) {
            routes.push(("home page", t));
        }
    }
    if let Landing::Found(url, _) = &ctx.landing {
        if let Some(t) = a.page(url).and_then(|p| named(&p.summary)) {
            routes.push(("landing page", t));
        }
    }
    for p in a_to_z(a).0 {
        if let Some(t) = named(&p.summary) {
            routes.push(("A–Z", t));
            break;
        }
    }
    if let Some(Ok(results)) = a.search_answer(ctx.index) {
        let top = top_results(a, results);
        if let Some(l) = top
            .iter()
            .find(|l| leads_to_task(ctx, &l.href))
            .or_else(|| {
                top.iter()
                    .find(|l| ctx.task.text_strength(&l.text).is_some())
            })
        {
            routes.push(("site search", a.target(&l.href).to_string()));
        }
    }
    let described = routes
        .iter()
        .map(|(from, to)| format!("{from} → {to}"))
        .collect::<Vec<_>>()
        .join("; ");
    if routes.len() < 2 {
        return check(
            "SC-05",
            NA,
            task_url(ctx),
            "fewer than two routes lead to the task",
        );
    }
    if routes.iter().all(|(_, to)| *to == routes[0].1) {
        check(
            "SC-05",
            Pass,
            task_url(ctx),
            format!("every route leads to the same page: {described}"),
        )
    } else {
        check(
            "SC-05",
            Fail,
            task_url(ctx),
            format!("routes lead to different pages: {described}"),
        )
    }
}

fn sc06(ctx: &Ctx) -> Check {
    match &ctx.outcome {
        RouteOutcome::DocumentOnly { evidence, .. } => Check {
            id: "SC-06".into(),
            status: Fail,
            evidence: vec![evidence.clone()],
        },
        _ => check(
            "SC-06",
            Pass,
            task_url(ctx),
            "the task page is an HTML page",
        ),
    }
}

/// Whether the task is done through a form or a service (SC-11, SC-12 apply).
fn transactional(ctx: &Ctx) -> bool {
    ctx.task.interaction != Interaction::Find
        && matches!(
            ctx.outcome,
            RouteOutcome::Working { .. }
                | RouteOutcome::SignIn { .. }
                | RouteOutcome::Broken { .. }
        )
}

fn via_text(via: &Option<Evidence>, route: &Route) -> String {
    match via {
        Some(v) => format!("call to action {} ({})", v.text, route.kind),
        None => format!("{} on the task page itself ({})", route.kind, route.url),
    }
}

fn sc07(ctx: &Ctx) -> Check {
    let url = task_url(ctx);
    match &ctx.outcome {
        RouteOutcome::Working { route, via, .. } => check(
            "SC-07",
            Pass,
            via.as_ref().map_or(url, |v| v.url.as_str()),
            via_text(via, route),
        ),
        RouteOutcome::SignIn {
            url: at,
            register: Some(register),
            ..
        } => check(
            "SC-07",
            Pass,
            at,
            format!("the route leads to a sign-in page; an account can be made online: {register}"),
        ),
        RouteOutcome::SignIn {
            url: at, evidence, ..
        } => check(
            "SC-07",
            Unknown,
            at,
            format!(
                "the route asks for an account first and offers no way to make one: {evidence}"
            ),
        ),
        _ if ctx.task.interaction == Interaction::Find && answers_on_page(ctx) => check(
            "SC-07",
            Pass,
            url,
            "information task: the answer is on the task page",
        ),
        RouteOutcome::NeedsScript { evidence } => Check {
            id: "SC-07".into(),
            status: Unknown,
            evidence: vec![evidence.clone()],
        },
        RouteOutcome::Broken { url: at, why, via } => Check {
            id: "SC-07".into(),
            status: Fail,
            evidence: vec![
                via.clone(),
                Evidence {
                    url: at.clone(),
                    text: format!("the route's start page does not answer: {why}"),
                },
            ],
        },
        RouteOutcome::DocumentOnly { evidence, .. } => Check {
            id: "SC-07".into(),
            status: Fail,
            evidence: vec![evidence.clone()],
        },
        RouteOutcome::Nothing => {
            let missing = match ctx.task.id {
                "tip-opening-times" => "no opening times on the page, and no",
                "bin-collection-day" => "no collection days on the page, and no",
                _ => "no",
            };
            let contact = ctx
                .page
                .summary
                .phones
                .first()
                .map(|p| format!(" (phone: {p})"))
                .unwrap_or_default();
            check(
                "SC-07",
                Fail,
                url,
                format!("{missing} call to action on the task page leads to an online form or service{contact}"),
            )
        }
    }
}

fn sc08(ctx: &Ctx) -> Check {
    match &ctx.outcome {
        RouteOutcome::Working { route, .. } if route.kind == "information" => check(
            "SC-08",
            NA,
            &route.url,
            "no route beyond the task page itself",
        ),
        RouteOutcome::Working { route, .. } => match route.checked {
            RouteCheck::Ok => check("SC-08", Pass, &route.url, "the route's start page answers"),
            RouteCheck::NotChecked => check(
                "SC-08",
                Unknown,
                &route.url,
                format!(
                    "third-party host {} not checked (use --check-external)",
                    route.host
                ),
            ),
            RouteCheck::Broken => check(
                "SC-08",
                Fail,
                &route.url,
                "the route's start page does not answer",
            ),
        },
        RouteOutcome::SignIn { url, .. } => check(
            "SC-08",
            Pass,
            url,
            "the route's start page answers (a sign-in page)",
        ),
        RouteOutcome::Broken { url, why, .. } => check(
            "SC-08",
            Fail,
            url,
            format!("the route's start page does not answer: {why}"),
        ),
        _ => check("SC-08", NA, task_url(ctx), "no online route"),
    }
}

fn sc09(ctx: &Ctx) -> Check {
    match &ctx.outcome {
        RouteOutcome::SignIn { url, evidence, .. } => {
            let status = match ctx.task.interaction {
                Interaction::Report | Interaction::Find => Fail,
                _ => Partial,
            };
            check(
                "SC-09",
                status,
                url,
                format!("an account is needed first: {evidence}"),
            )
        }
        RouteOutcome::Working { route, .. } if route.kind == "information" => {
            check("SC-09", NA, &route.url, "no transaction to sign in to")
        }
        RouteOutcome::Working { route, .. } => match ctx.route_page {
            Some(p) => match sign_in_wall(p) {
                Some(wall) => check("SC-09", Fail, &p.url, wall),
                None => check("SC-09", Pass, &p.url, "the start page asks for no sign-in"),
            },
            None => check(
                "SC-09",
                Unknown,
                &route.url,
                "the route's start page is on a third-party host and was not read",
            ),
        },
        _ => check("SC-09", NA, task_url(ctx), "no online route"),
    }
}

fn sc10(ctx: &Ctx) -> Check {
    if !LOCATION_TASKS.contains(&ctx.task.id) {
        return check(
            "SC-10",
            NA,
            task_url(ctx),
            "not a task that depends on where the resident lives",
        );
    }
    let on = |p: &PageSummary| {
        p.signals.location_lookup.clone().or_else(|| {
            p.forms
                .iter()
                .find(|f| f.is_location)
                .map(|_| "a postcode or address field".to_string())
        })
    };
    if let Some(found) = on(&ctx.page.summary) {
        return check(
            "SC-10",
            Pass,
            task_url(ctx),
            format!("look-up on the task page: {found}"),
        );
    }
    if ctx.task.interaction == Interaction::Find
        && answers_on_page(ctx)
        && !matches!(ctx.outcome, RouteOutcome::Working { .. })
    {
        return check(
            "SC-10",
            Fail,
            task_url(ctx),
            "no postcode or address look-up: residents must find their area themselves",
        );
    }
    if let RouteOutcome::SignIn { url, .. } = &ctx.outcome {
        return check(
            "SC-10",
            Unknown,
            url,
            "the form is behind the sign-in: its address step cannot be seen",
        );
    }
    if let Some(p) = ctx.route_page {
        return match on(p) {
            Some(found) => check(
                "SC-10",
                Pass,
                &p.url,
                format!("look-up on the route's start page: {found}"),
            ),
            None => check(
                "SC-10",
                Fail,
                &p.url,
                "no postcode or address look-up or map on the route's start page",
            ),
        };
    }
    match &ctx.outcome {
        RouteOutcome::Working { route, .. } if route.kind == "information" => check(
            "SC-10",
            Fail,
            task_url(ctx),
            "no postcode or address look-up: residents must know their area",
        ),
        RouteOutcome::Working { route, .. } => check(
            "SC-10",
            Unknown,
            &route.url,
            "the route's start page was not read",
        ),
        _ => check("SC-10", NA, task_url(ctx), "no online route"),
    }
}

fn sc11(ctx: &Ctx) -> Check {
    if !transactional(ctx) {
        return check(
            "SC-11",
            NA,
            task_url(ctx),
            "information or look-up task, or no online call to action",
        );
    }
    match &ctx.page.summary.signals.before_you_start {
        Some(text) => check("SC-11", Pass, task_url(ctx), format!("\"{text}\"")),
        None => check(
            "SC-11",
            Fail,
            task_url(ctx),
            "no \"before you start\" or \"you will need\" guidance on the task page",
        ),
    }
}

fn sc12(ctx: &Ctx) -> Check {
    if let RouteOutcome::DocumentOnly { evidence, .. } = &ctx.outcome {
        return check(
            "SC-12",
            Fail,
            &evidence.url,
            format!(
                "the way offered is a document to download and send back: {}",
                evidence.text
            ),
        );
    }
    if !transactional(ctx) {
        return check(
            "SC-12",
            NA,
            task_url(ctx),
            "no form route (information, look-up or phone-only task)",
        );
    }
    let documents = &ctx.page.summary.signals.document_forms;
    match (&ctx.outcome, documents.first()) {
        (RouteOutcome::Working { .. }, _) => check(
            "SC-12",
            Pass,
            task_url(ctx),
            "the route is an online service, not a document to print and post",
        ),
        (_, Some(d)) => check(
            "SC-12",
            Fail,
            task_url(ctx),
            format!("the way offered is a document to print: {d}"),
        ),
        _ => check(
            "SC-12",
            Pass,
            task_url(ctx),
            "no document offered as the way to do the task",
        ),
    }
}

fn sc13(ctx: &Ctx) -> Check {
    let mut pages = vec![&ctx.page.summary];
    if let Landing::Found(url, _) = &ctx.landing {
        if let Some(p) = ctx.a.page(url) {
            pages.push(&p.summary);
        }
    }
    for p in &pages {
        let channel = p
            .phones
            .first()
            .map(|n| format!("phone {n}"))
            .or_else(|| p.emails.first().map(|e| format!("email {e}")));
        if let Some(channel) = channel {
            let relay = p
                .signals
                .relay
                .as_ref()
                .map(|_| ", Relay UK or textphone")
                .unwrap_or("");
            return check("SC-13", Pass, &p.url, format!("{channel}{relay}"));
        }
    }
    for p in &pages {
        if let Some(l) = p
            .links
            .iter()
            .find(|l| l.region == Region::Main && has_phrase(&l.text.to_lowercase(), "contact"))
        {
            return check(
                "SC-13",
                Partial,
                &p.url,
                format!("only a link to contact details: \"{}\"", l.text),
            );
        }
    }
    check(
        "SC-13",
        Fail,
        task_url(ctx),
        "no phone number, email address or contact link on the task or landing page",
    )
}

fn sc14(ctx: &Ctx) -> Check {
    if !HOURS_TASKS.contains(&ctx.task.id) {
        return check(
            "SC-14",
            NA,
            task_url(ctx),
            "opening hours are not part of this task",
        );
    }
    match &ctx.page.summary.signals.opening_hours {
        Some(h) => check("SC-14", Pass, task_url(ctx), format!("\"{h}\"")),
        None => check(
            "SC-14",
            Fail,
            task_url(ctx),
            "no opening hours on the task page",
        ),
    }
}

const STATUS_LINK_WORDS: &[&str] = &[
    "service status",
    "service update",
    "service updates",
    "service disruption",
    "service disruptions",
    "collection updates",
    "changes to services",
    "disruptions",
];

fn sc15(ctx: &Ctx) -> Check {
    let mut pages = vec![&ctx.page.summary];
    if let Landing::Found(url, _) = &ctx.landing {
        if let Some(p) = ctx.a.page(url) {
            pages.push(&p.summary);
        }
    }
    for p in &pages {
        if let Some(s) = &p.signals.service_status {
            return check("SC-15", Pass, &p.url, format!("\"{s}\""));
        }
        if let Some(l) = p.links.iter().find(|l| {
            let t = l.text.to_lowercase();
            STATUS_LINK_WORDS.iter().any(|w| has_phrase(&t, w))
        }) {
            return check("SC-15", Pass, &p.url, format!("links to \"{}\"", l.text));
        }
    }
    check(
        "SC-15",
        Fail,
        task_url(ctx),
        "no service status or disruption information on the task or landing page",
    )
}

fn sc16(ctx: &Ctx) -> Check {
    let Some(p) = ctx.route_page else {
        return match &ctx.outcome {
            RouteOutcome::Working { route, .. } if route.kind != "information" => check(
                "SC-16",
                Unknown,
                &route.url,
                "the route's start page was not read",
            ),
            _ => check("SC-16", NA, task_url(ctx), "no form to check"),
        };
    };
    let Some(form) = p
        .forms
        .iter()
        .find(|f| !f.in_header && !f.has_password && !f.inputs.is_empty() && !is_feedback_form(f))
    else {
        return check("SC-16", NA, &p.url, "no form on the route's start page");
    };
    let unnamed: Vec<&str> = form
        .inputs
        .iter()
        .filter(|i| i.label.is_empty())
        .map(|i| {
            if i.name.is_empty() {
                i.kind.as_str()
            } else {
                i.name.as_str()
            }
        })
        .collect();
    if unnamed.is_empty() {
        check(
            "SC-16",
            Pass,
            &p.url,
            format!("all {} fields of the form have a label", form.inputs.len()),
        )
    } else {
        check(
            "SC-16",
            Fail,
            &p.url,
            format!("fields without a label: {}", unnamed.join(", ")),
        )
    }
}

fn sc17(ctx: &Ctx) -> Check {
    if ctx.task.interaction != Interaction::Pay {
        return check("SC-17", NA, task_url(ctx), "not a payment task");
    }
    match &ctx.outcome {
        RouteOutcome::Working { route, .. } if route.kind == "payment" => check(
            "SC-17",
            Pass,
            &route.url,
            format!("card payment host {}", route.host),
        ),
        RouteOutcome::Working { route, .. } => {
            let card = ctx.route_page.is_some_and(|p| {
                p.forms
                    .iter()
                    .any(|f| f.inputs.iter().any(|i| i.autocomplete.starts_with("cc-")))
            });
            if card {
                check(
                    "SC-17",
                    Pass,
                    &route.url,
                    "card fields on the route's start page",
                )
            } else {
                check(
                    "SC-17",
                    Unknown,
                    &route.url,
                    "the route is not a known payment host: card payment not seen",
                )
            }
        }
        RouteOutcome::SignIn { url, .. } => {
            check("SC-17", Unknown, url, "payment behind a sign-in")
        }
        RouteOutcome::NeedsScript { evidence } => Check {
            id: "SC-17".into(),
            status: Unknown,
            evidence: vec![evidence.clone()],
        },
        _ => check("SC-17", Fail, task_url(ctx), "no online payment route"),
    }
}

fn sc18(ctx: &Ctx) -> Check {
    let url = task_url(ctx);
    match &ctx.page.summary.viewport {
        Viewport::Ok(content) => check("SC-18", Pass, url, format!("viewport \"{content}\"")),
        Viewport::BlocksZoom(content) => check(
            "SC-18",
            Fail,
            url,
            format!("the viewport blocks zoom: \"{content}\""),
        ),
        Viewport::Missing => check(
            "SC-18",
            Fail,
            url,
            "no viewport meta element: phones show the desktop layout",
        ),
    }
}

fn sc20(ctx: &Ctx) -> Check {
    let RouteOutcome::Working { route, .. } = &ctx.outcome else {
        return check("SC-20", NA, task_url(ctx), "no online route");
    };
    let own = Url::parse(&route.url).is_ok_and(|u| ctx.a.is_own(&u));
    if own {
        return check(
            "SC-20",
            NA,
            &route.url,
            "the route is on the council's own site, under its statement",
        );
    }
    match ctx.route_page {
        Some(p) => match p
            .links
            .iter()
            .find(|l| super::statement::is_statement_link(&l.text, &l.href))
        {
            Some(l) => check("SC-20", Pass, &p.url, format!("links to \"{}\"", l.text)),
            None => check(
                "SC-20",
                Unknown,
                &p.url,
                format!(
                    "no accessibility statement link on {}; the council's statement may cover it",
                    route.host
                ),
            ),
        },
        None => check(
            "SC-20",
            Unknown,
            &route.url,
            "the route's start page was not read",
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Site checks.

/// SC-21…25.
pub(super) fn site_checks(a: &Analysis) -> Vec<Check> {
    let sampled: Vec<&Page> = a
        .pages()
        .iter()
        .filter(|p| (200..300).contains(&p.status))
        .collect();
    vec![
        sc21(a, &sampled),
        sc22(a, &sampled),
        sc23(a),
        sc24(a, &sampled),
        sc25(a, &sampled),
    ]
}

fn sc21(a: &Analysis, sampled: &[&Page]) -> Check {
    let home = a.home();
    match Url::parse(home).map(|u| u.scheme().to_string()).as_deref() {
        Ok("https") => {
            let plain: Vec<&str> = sampled
                .iter()
                .filter(|p| p.summary.url.starts_with("http://"))
                .map(|p| p.summary.url.as_str())
                .collect();
            match plain.first() {
                Some(first) => check(
                    "SC-21",
                    Partial,
                    first,
                    format!("{} pages served over plain HTTP", plain.len()),
                ),
                None => check("SC-21", Pass, home, "the site is served over HTTPS"),
            }
        }
        Ok("http") => check(
            "SC-21",
            Fail,
            home,
            "the home page is served over plain HTTP",
        ),
        _ => check(
            "SC-21",
            Unknown,
            home,
            "a local folder crawl has no scheme, certificate or redirect to check",
        ),
    }
}

fn sc22(a: &Analysis, sampled: &[&Page]) -> Check {
    if sampled.is_empty() {
        return check("SC-22", Unknown, a.home(), "no page was crawled");
    }
    let without: Vec<&str> = sampled
        .iter()
        .filter(|p| !p.summary.has_search())
        .map(|p| p.summary.url.as_str())
        .collect();
    let with = sampled.len() - without.len();
    if without.is_empty() {
        check(
            "SC-22",
            Pass,
            a.home(),
            format!("all {} pages crawled have a search form", sampled.len()),
        )
    } else if with * 2 >= sampled.len() {
        check(
            "SC-22",
            Partial,
            without[0],
            format!(
                "{} of {} pages have no search form",
                without.len(),
                sampled.len()
            ),
        )
    } else {
        check(
            "SC-22",
            Fail,
            without[0],
            format!(
                "{} of {} pages have no search form",
                without.len(),
                sampled.len()
            ),
        )
    }
}

fn sc23(a: &Analysis) -> Check {
    let Some(home) = a.home_page() else {
        return check("SC-23", Unknown, a.home(), "the home page was not crawled");
    };
    let link = home
        .summary
        .links
        .iter()
        .filter(|l| {
            has_phrase(&l.text.to_lowercase(), "contact us")
                || has_phrase(&l.text.to_lowercase(), "contact")
        })
        .min_by_key(|l| match l.region {
            Region::Footer | Region::Header => 0,
            _ => 1,
        });
    let Some(link) = link else {
        return check(
            "SC-23",
            Fail,
            &home.summary.url,
            "no \"Contact us\" link on the home page",
        );
    };
    let Some(page) = a.page(&link.href) else {
        return check(
            "SC-23",
            Unknown,
            &link.href,
            "the contact page was not crawled",
        );
    };
    let p = &page.summary;
    let phone = p.phones.first();
    let online = p.emails.first().cloned().or_else(|| {
        p.links
            .iter()
            .find(|l| {
                let t = l.text.to_lowercase();
                has_phrase(&t, "form")
                    || has_phrase(&t, "send us a message")
                    || has_phrase(&t, "online")
                    // In the content: "Make an enquiry", "Email us", a start button.
                    || (l.region == Region::Main
                        && (l.is_start
                            || ["enquiry", "enquiries", "message us", "email us"]
                                .iter()
                                .any(|w| has_phrase(&t, w))))
            })
            .map(|l| format!("\"{}\"", l.text))
            .or_else(|| p.transaction_form().map(|_| "a contact form".into()))
    });
    let hours = &p.signals.opening_hours;
    let mut found = Vec::new();
    let mut missing = Vec::new();
    match phone {
        Some(n) => found.push(format!("phone {n}")),
        None => missing.push("a phone number"),
    }
    match &online {
        Some(o) => found.push(format!("online: {o}")),
        None => missing.push("an email address or online form"),
    }
    match hours {
        Some(h) => found.push(format!("hours \"{h}\"")),
        None => missing.push("opening hours"),
    }
    let status = match missing.len() {
        0 => Pass,
        3 => Fail,
        _ => Partial,
    };
    let mut text = found.join("; ");
    if !missing.is_empty() {
        text = format!(
            "{text}{}missing {}",
            if text.is_empty() { "" } else { "; " },
            missing.join(", ")
        );
    }
    check("SC-23", status, &p.url, text)
}

fn sc24(a: &Analysis, sampled: &[&Page]) -> Check {
    if sampled.is_empty() {
        return check("SC-24", Unknown, a.home(), "no page was crawled");
    }
    let has = |p: &PageSummary, word: &str| {
        let footer: Vec<_> = p.links_in(Region::Footer).collect();
        let links: Vec<_> = if footer.is_empty() {
            p.links.iter().map(|l| &**l).collect()
        } else {
            footer
        };
        links
            .iter()
            .any(|l| l.text.to_lowercase().contains(word) || l.href.to_lowercase().contains(word))
    };
    let lacking: Vec<&Page> = sampled
        .iter()
        .copied()
        .filter(|p| !has(&p.summary, "privacy") || !has(&p.summary, "cookie"))
        .collect();
    let privacy = sampled
        .iter()
        .filter(|p| has(&p.summary, "privacy"))
        .count();
    let cookies = sampled.iter().filter(|p| has(&p.summary, "cookie")).count();
    match lacking.first() {
        None => check(
            "SC-24",
            Pass,
            a.home(),
            format!(
                "all {} pages link a privacy notice and a cookies page",
                sampled.len()
            ),
        ),
        Some(first) => {
            let status = if privacy == 0 && cookies == 0 {
                Fail
            } else {
                Partial
            };
            check(
                "SC-24",
                status,
                &first.summary.url,
                format!(
                    "of {} pages, {privacy} link a privacy notice and {cookies} a cookies page in the footer",
                    sampled.len()
                ),
            )
        }
    }
}

fn sc25(a: &Analysis, sampled: &[&Page]) -> Check {
    let trackers: Vec<&str> = sampled
        .iter()
        .flat_map(|p| p.summary.signals.trackers.iter().map(String::as_str))
        .collect();
    let banner = sampled
        .iter()
        .find_map(|p| p.summary.signals.cookie_banner.as_ref().map(|b| (p, b)));
    let choices = sampled
        .iter()
        .find_map(|p| p.summary.signals.cookie_choices.map(|c| (p, c)));
    match (banner, choices) {
        (Some((p, b)), Some((_, (true, true)))) if trackers.is_empty() => check(
            "SC-25",
            Pass,
            &p.summary.url,
            format!("as far as static HTML shows: {b}, with a reject button beside accept, and no page loads an analytics or advertising script"),
        ),
        (Some((p, _)), Some((_, (true, false)))) => check(
            "SC-25",
            Fail,
            &p.summary.url,
            "the cookie banner offers accept without an equally easy reject",
        ),
        (Some((p, b)), _) => check(
            "SC-25",
            Unknown,
            &p.summary.url,
            format!("needs a browser: {b}; whether cookies are set before consent cannot be seen in static HTML"),
        ),
        (None, _) => match trackers.first() {
            // Tags loaded by the markup itself, no consent manager, no consent-mode
            // defaults: they set their cookies on the first page view.
            Some(t) if !sampled.iter().any(|p| p.summary.signals.consent_mode) => check(
                "SC-25",
                Fail,
                sampled
                    .iter()
                    .find(|p| !p.summary.signals.trackers.is_empty())
                    .map_or(a.home(), |p| p.summary.url.as_str()),
                format!("pages load {t} unconditionally and there is no consent banner or consent manager: analytics cookies are set before consent"),
            ),
            Some(t) => check(
                "SC-25",
                Unknown,
                a.home(),
                format!("needs a browser: pages load {t} and no consent banner is in the markup (it may be drawn by a script)"),
            ),
            // No banner is needed when only strictly necessary cookies are set (PECR
            // reg 6(4)): the site says so, and no page runs a script that could set others.
            None => match sampled
                .iter()
                .find_map(|p| p.summary.signals.essential_cookies_only.as_ref().map(|q| (p, q)))
            {
                Some((p, said)) if !sampled.iter().any(|p| p.summary.signals.app_scripts) => check(
                    "SC-25",
                    Pass,
                    &p.summary.url,
                    format!("as far as static HTML shows: \"{said}\", no page loads an analytics or advertising script or any other script, so no consent is needed"),
                ),
                _ => check("SC-25", Unknown, a.home(), "needs a browser: no consent banner and no tracking script in the markup"),
            },
        },
    }
}
