//! The scores (`core/src/score/`): the worked examples of `docs/scoring.md`, computed by hand
//! there and asserted here, and property tests for what the doc promises never happens
//! (fixing a failure lowers a score, cantTell counts as a failure, stars leave 1–4, …).
//! Raise the case count with `PROPTEST_CASES=10000 cargo test -p frontdesk-core --test scores`.

use frontdesk_core::score::page::{score_from_penalty, TOP_TASK_WEIGHT};
use frontdesk_core::score::tasks::{task_percent, worst_case_percent, TASK_CHECK_WEIGHTS};
use frontdesk_core::score::{
    page_score, services_score, site_score, statement_score, task_stars, RatedTask, Scorecard,
    SitePage,
};
use frontdesk_core::services::{Check, CheckStatus, TaskStatus};
use frontdesk_core::{Finding, Impact, Level, Outcome};
use proptest::prelude::*;

fn cases() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        ..ProptestConfig::default()
    }
}

fn finding(rule: &str, outcome: Outcome, level: Option<Level>, impact: Impact) -> Finding {
    Finding {
        rule: rule.to_string(),
        code: format!("{rule}/test"),
        outcome,
        wcag: Vec::new(),
        level,
        act: Vec::new(),
        impact,
        selector: "p".to_string(),
        attribute: None,
        snippet: "<p>".to_string(),
        line: None,
        message: String::new(),
        data: None,
        fingerprint: String::new(),
        baseline: None,
        ignored: None,
    }
}

fn check(id: &str, status: CheckStatus) -> Check {
    Check {
        id: id.to_string(),
        status,
        evidence: Vec::new(),
    }
}

fn checks(list: &[(&str, CheckStatus)]) -> Vec<Check> {
    list.iter().map(|&(id, status)| check(id, status)).collect()
}

use CheckStatus::{Fail, NotApplicable as NA, Partial, Pass, Unknown};

/// docs/scoring.md, "Worked example: a page".
fn worked_page() -> Vec<Finding> {
    use Outcome::{CantTell, Failed};
    vec![
        finding("image-has-name", Failed, Some(Level::A), Impact::Critical),
        finding(
            "text-contrast-minimum",
            Failed,
            Some(Level::AA),
            Impact::Serious,
        ),
        finding(
            "text-contrast-minimum",
            Failed,
            Some(Level::AA),
            Impact::Serious,
        ),
        finding(
            "text-contrast-minimum",
            Failed,
            Some(Level::AA),
            Impact::Serious,
        ),
        finding("link-has-name", CantTell, Some(Level::A), Impact::Serious),
        finding("region", Failed, None, Impact::Moderate),
        finding("region", Failed, None, Impact::Moderate),
        finding(
            "text-contrast-enhanced",
            Failed,
            Some(Level::AAA),
            Impact::Serious,
        ),
    ]
}

#[test]
fn worked_example_page() {
    // image-has-name 10 × 1; text-contrast-minimum 7 × 0.8 = 5.6, three times:
    // 5.6 + 2.8 + 1.4 = 9.8; penalty 19.8; 100 × 2^(−19.8/40) = 70.96 → 71.
    let score = page_score(&worked_page());
    assert_eq!(score.penalty, 19.8);
    assert_eq!(score.score, 71);
    assert_eq!(score.failed, 4);
    assert_eq!(score.failed_rules, 2);
    assert_eq!(
        score.advisory, 3,
        "two region failures and one AAA contrast"
    );
    assert_eq!(score.cant_tell, 1);
}

#[test]
fn worked_example_spread_over_rules_costs_more() {
    // The same three serious AA failures in three different rules: 3 × 5.6 + 10 = 26.8;
    // 100 × 2^(−26.8/40) = 62.85 → 63.
    use Outcome::Failed;
    let findings = vec![
        finding("image-has-name", Failed, Some(Level::A), Impact::Critical),
        finding(
            "text-contrast-minimum",
            Failed,
            Some(Level::AA),
            Impact::Serious,
        ),
        finding("focus-visible", Failed, Some(Level::AA), Impact::Serious),
        finding(
            "meta-viewport-allows-zoom",
            Failed,
            Some(Level::AA),
            Impact::Serious,
        ),
    ];
    let score = page_score(&findings);
    assert_eq!(score.penalty, 26.8);
    assert_eq!(score.score, 63);
}

#[test]
fn page_score_landmarks() {
    // No failure: 100. One critical A failure: 100 × 2^(−10/40) = 84.09 → 84. The smallest
    // failure that counts (minor AA, 0.8): 98.62 → 99, so a failure never leaves 100.
    assert_eq!(page_score(&[]).score, 100);
    let critical = finding(
        "button-has-name",
        Outcome::Failed,
        Some(Level::A),
        Impact::Critical,
    );
    assert_eq!(page_score([&critical]).score, 84);
    let minor = finding("x", Outcome::Failed, Some(Level::AA), Impact::Minor);
    assert_eq!(page_score([&minor]).score, 99);
    assert_eq!(
        score_from_penalty(40.0),
        50,
        "one half-life halves the score"
    );
    assert_eq!(score_from_penalty(80.0), 25);
}

#[test]
fn worked_example_site() {
    // Pages 71 (task), 100, 52 (task), 99: (3×71 + 100 + 3×52 + 99) / 8 = 568 / 8 = 71.
    assert_eq!(TOP_TASK_WEIGHT, 3);
    let pages = [
        SitePage {
            score: 71,
            top_task: true,
        },
        SitePage {
            score: 100,
            top_task: false,
        },
        SitePage {
            score: 52,
            top_task: true,
        },
        SitePage {
            score: 99,
            top_task: false,
        },
    ];
    let site = site_score(&pages).unwrap();
    assert_eq!(site.score, 71);
    assert_eq!(site.pages, 4);
    assert_eq!(site.top_task_pages, 2);
    assert_eq!(site_score(&[]), None);
    // Half up: (70 + 71) / 2 = 70.5 → 71.
    let half = [
        SitePage {
            score: 70,
            top_task: false,
        },
        SitePage {
            score: 71,
            top_task: false,
        },
    ];
    assert_eq!(site_score(&half).unwrap().score, 71);
}

/// docs/scoring.md, "Worked example: report a missed bin".
fn missed_bin_checks() -> Vec<Check> {
    checks(&[
        ("SC-01", Pass),
        ("SC-02", Pass),
        ("SC-03", Unknown),
        ("SC-04", NA),
        ("SC-05", Pass),
        ("SC-06", Pass),
        ("SC-07", Pass),
        ("SC-08", Pass),
        ("SC-09", Fail),
        ("SC-10", Pass),
        ("SC-12", Pass),
        ("SC-16", Partial),
        ("SC-17", NA),
        ("SC-11", Fail),
        ("SC-13", Pass),
        ("SC-14", NA),
        ("SC-15", Fail),
        ("SC-18", Fail),
    ])
}

#[test]
fn worked_example_missed_bin() {
    // Findability 25/25 = 1; completion 27.5/35; support 5/15:
    // 40 + 40 × 27.5/35 + 20 × 5/15 = 40 + 31.43 + 6.67 = 78.10 → 3 stars. Worst case (SC-03
    // failed): findability 25/35, 28.57 + 31.43 + 6.67 = 66.67 → 3, so no cap below 4.
    // SC-18 is not rated.
    let checks = missed_bin_checks();
    let percent = task_percent(&checks).unwrap();
    assert!((percent - 78.095_238).abs() < 1e-5, "{percent}");
    let worst = worst_case_percent(&checks).unwrap();
    assert!((worst - 200.0 / 3.0).abs() < 1e-9, "{worst}");
    assert_eq!(task_stars(TaskStatus::Online, &checks), Some(3));
}

#[test]
fn worked_example_unknowns_lift_at_most_one_star() {
    // Pay council tax: every decided check passes (100 %, 4 stars), but SC-03, SC-08, SC-09,
    // SC-16, SC-11 and SC-15 are unknown. Worst case, unknowns as fails: findability 30/40,
    // completion 20/35, support 5/15: 30 + 22.86 + 6.67 = 59.52 → 2 stars; so at most 3.
    let mut list = checks(&[
        ("SC-01", Pass),
        ("SC-02", Pass),
        ("SC-03", Unknown),
        ("SC-04", Pass),
        ("SC-05", Pass),
        ("SC-06", Pass),
        ("SC-07", Pass),
        ("SC-08", Unknown),
        ("SC-09", Unknown),
        ("SC-10", NA),
        ("SC-12", Pass),
        ("SC-16", Unknown),
        ("SC-17", Pass),
        ("SC-11", Unknown),
        ("SC-13", Pass),
        ("SC-14", NA),
        ("SC-15", Unknown),
    ]);
    assert_eq!(task_percent(&list), Some(100.0));
    let worst = worst_case_percent(&list).unwrap();
    assert!(
        (worst - (30.0 + 40.0 * 20.0 / 35.0 + 20.0 / 3.0)).abs() < 1e-9,
        "{worst}"
    );
    assert_eq!(task_stars(TaskStatus::Online, &list), Some(3));
    // With SC-11 and SC-15 seen to pass, the worst case is 30 + 22.86 + 20 = 72.86 (3 stars),
    // so 4 stars are in reach, and given.
    list[13].status = Pass;
    list[16].status = Pass;
    assert_eq!(task_stars(TaskStatus::Online, &list), Some(4));
}

#[test]
fn worked_example_offline_permit() {
    // Findability all pass (1); completion: SC-06 pass 2.5, SC-07 fail 10, SC-12 fail 2.5,
    // the rest n/a: 2.5/15; support SC-11, 13, 15 pass (1), SC-14 n/a:
    // 40 + 40 × 2.5/15 + 20 = 66.67 → 3 stars, capped at 2 because it is offline.
    let list = checks(&[
        ("SC-01", Pass),
        ("SC-02", Pass),
        ("SC-03", Pass),
        ("SC-04", Pass),
        ("SC-05", Pass),
        ("SC-06", Pass),
        ("SC-07", Fail),
        ("SC-08", NA),
        ("SC-09", NA),
        ("SC-10", NA),
        ("SC-12", Fail),
        ("SC-16", NA),
        ("SC-17", NA),
        ("SC-11", Pass),
        ("SC-13", Pass),
        ("SC-14", NA),
        ("SC-15", Pass),
    ]);
    let percent = task_percent(&list).unwrap();
    assert!((percent - 200.0 / 3.0).abs() < 1e-9, "{percent}");
    assert_eq!(task_stars(TaskStatus::Offline, &list), Some(2));
}

#[test]
fn statuses_that_decide_stars_alone() {
    let list = missed_bin_checks();
    assert_eq!(task_stars(TaskStatus::NotFound, &list), Some(1));
    assert_eq!(task_stars(TaskStatus::NotFound, &[]), Some(1));
    assert_eq!(task_stars(TaskStatus::OtherTier, &list), None);
    assert_eq!(task_stars(TaskStatus::Unknown, &list), None);
    // Online but nothing rated was decided: no stars rather than a guess.
    assert_eq!(
        task_stars(TaskStatus::Online, &checks(&[("SC-01", Unknown)])),
        None
    );
}

#[test]
fn check_points_add_up_to_each_groups_share() {
    // RESEARCH.md section 9: findability 40, completion 40, support 20, out of 100.
    use frontdesk_core::score::tasks::Group;
    for group in [Group::Findability, Group::Completion, Group::Support] {
        let points: f64 = TASK_CHECK_WEIGHTS
            .iter()
            .filter(|(_, g, _)| *g == group)
            .map(|(_, _, points)| points)
            .sum();
        assert_eq!(points, f64::from(group.share()), "{group:?}");
    }
    let ids: std::collections::BTreeSet<_> =
        TASK_CHECK_WEIGHTS.iter().map(|(id, _, _)| id).collect();
    assert_eq!(ids.len(), TASK_CHECK_WEIGHTS.len(), "a check is rated once");
}

#[test]
fn star_thresholds() {
    use frontdesk_core::score::tasks::stars_for_percent;
    assert_eq!(stars_for_percent(85.0), 4);
    assert_eq!(stars_for_percent(84.99), 3);
    assert_eq!(stars_for_percent(65.0), 3);
    assert_eq!(stars_for_percent(40.0), 2);
    assert_eq!(stars_for_percent(39.99), 1);
    assert_eq!(stars_for_percent(0.0), 1);
}

/// docs/scoring.md, "Worked example: Kestrelford".
fn kestrelford_tasks() -> Vec<RatedTask> {
    let task = |status, stars| RatedTask { status, stars };
    let mut tasks: Vec<RatedTask> = [4, 4, 4, 3, 3, 3, 3, 3, 3]
        .into_iter()
        .map(|s| task(TaskStatus::Online, Some(s)))
        .collect();
    tasks.extend([2, 2, 1].map(|s| task(TaskStatus::Offline, Some(s))));
    tasks.extend([1, 1].map(|s| task(TaskStatus::NotFound, Some(s))));
    tasks.extend([None, None].map(|s| task(TaskStatus::OtherTier, s)));
    tasks
}

#[test]
fn worked_example_services() {
    // (30 + 5 + 2) / 14 = 2.64 → 2.6; 9 online of the 14 the council provides; the two
    // other-tier tasks count for nothing.
    let services = services_score(&kestrelford_tasks());
    assert_eq!(services.stars, Some(2.6));
    assert_eq!(services.online, 9);
    assert_eq!(services.provided, 14);
    assert_eq!(services.rated, 14);
    assert_eq!(services.unknown, 0);
    assert_eq!(services.other_tier, 2);

    // Two unknown tasks are provided but not rated: still 2.6, "9 of 16 … 2 unknown".
    let mut tasks = kestrelford_tasks();
    tasks.extend(
        [RatedTask {
            status: TaskStatus::Unknown,
            stars: None,
        }; 2],
    );
    let services = services_score(&tasks);
    assert_eq!(services.stars, Some(2.6));
    assert_eq!(
        (services.provided, services.rated, services.unknown),
        (16, 14, 2)
    );
    assert_eq!(services_score(&[]).stars, None);
}

fn statement_checks(
    pass: usize,
    fail: usize,
    partial: usize,
    na: usize,
    unknown: usize,
) -> Vec<Check> {
    let statuses = std::iter::repeat_n(Pass, pass)
        .chain(std::iter::repeat_n(Fail, fail))
        .chain(std::iter::repeat_n(Partial, partial))
        .chain(std::iter::repeat_n(NA, na))
        .chain(std::iter::repeat_n(Unknown, unknown));
    statuses
        .enumerate()
        .map(|(i, status)| check(&format!("AS-{:02}", i + 1), status))
        .collect()
}

#[test]
fn worked_example_statement() {
    // 17 pass, 5 fail, 1 partial: 17/23.
    let score = statement_score(true, &statement_checks(17, 5, 1, 0, 0));
    assert_eq!((score.passed, score.applicable, score.unknown), (17, 23, 0));
    // 17 pass, 3 fail, 1 n/a, 2 unknown: 17/20, 2 unknown.
    let score = statement_score(true, &statement_checks(17, 3, 0, 1, 2));
    assert_eq!((score.passed, score.applicable, score.unknown), (17, 20, 2));
}

#[test]
fn worked_example_scorecard_line() {
    let site = site_score(&[
        SitePage {
            score: 71,
            top_task: true,
        },
        SitePage {
            score: 100,
            top_task: false,
        },
        SitePage {
            score: 52,
            top_task: true,
        },
        SitePage {
            score: 99,
            top_task: false,
        },
    ]);
    let card = Scorecard {
        name: "Kestrelford".to_string(),
        accessibility: site,
        services: Some(services_score(&kestrelford_tasks())),
        statement: Some(statement_score(true, &statement_checks(17, 5, 1, 0, 0))),
    };
    assert_eq!(
        card.to_string(),
        "Kestrelford: accessibility 71/100 · services 2.6★ (9 of 14 tasks online) · statement 17/23"
    );
    let json = serde_json::to_value(&card).unwrap();
    assert_eq!(json["accessibility"]["score"], 71);
    assert_eq!(json["accessibility"]["top_task_pages"], 2);
    assert_eq!(json["services"]["stars"], 2.6);
    assert_eq!(json["services"]["other_tier"], 2);
    assert_eq!(json["statement"]["passed"], 17);
    assert_eq!(json["statement"]["applicable"], 23);
    // The report reads its JSON back.
    let back: Scorecard = serde_json::from_value(json).unwrap();
    assert_eq!(back, card);
}

#[test]
fn scorecard_says_what_is_missing() {
    let card = Scorecard {
        name: "www.example.gov.uk".to_string(),
        accessibility: None,
        services: None,
        statement: None,
    };
    assert_eq!(
        card.to_string(),
        "www.example.gov.uk: accessibility not scored (no pages) · services not analysed · \
         statement not analysed"
    );
    let json = serde_json::to_value(&card).unwrap();
    assert!(json["services"].is_null() && json["statement"].is_null());

    let unknown = RatedTask {
        status: TaskStatus::Unknown,
        stars: None,
    };
    let card = Scorecard {
        name: "Kestrelford".to_string(),
        accessibility: site_score(&[SitePage {
            score: 90,
            top_task: false,
        }]),
        services: Some(services_score(&[unknown, unknown])),
        statement: Some(statement_score(false, &[])),
    };
    assert_eq!(
        card.to_string(),
        "Kestrelford: accessibility 90/100 · services not rated (0 of 2 tasks online, 2 unknown) \
         · no accessibility statement found"
    );
}

// ---------------------------------------------------------------------------------------
// Properties

fn any_finding() -> impl Strategy<Value = Finding> {
    (
        prop::sample::select(vec!["a", "b", "c", "d", "e"]),
        prop::sample::select(vec![
            Outcome::Failed,
            Outcome::Failed,
            Outcome::CantTell,
            Outcome::Passed,
        ]),
        prop::sample::select(vec![
            Some(Level::A),
            Some(Level::AA),
            Some(Level::AAA),
            None,
        ]),
        prop::sample::select(vec![
            Impact::Critical,
            Impact::Serious,
            Impact::Moderate,
            Impact::Minor,
        ]),
    )
        .prop_map(|(rule, outcome, level, impact)| finding(rule, outcome, level, impact))
}

fn counts(f: &Finding) -> bool {
    f.outcome == Outcome::Failed && matches!(f.level, Some(Level::A) | Some(Level::AA))
}

fn any_status() -> impl Strategy<Value = CheckStatus> {
    prop::sample::select(vec![Pass, Fail, Partial, Unknown, NA])
}

fn any_task_status() -> impl Strategy<Value = TaskStatus> {
    prop::sample::select(vec![
        TaskStatus::Online,
        TaskStatus::Offline,
        TaskStatus::NotFound,
        TaskStatus::OtherTier,
        TaskStatus::Unknown,
    ])
}

/// Every rated check with a random status, plus unrated ones (which must not matter).
fn any_task_checks() -> impl Strategy<Value = Vec<Check>> {
    let ids: Vec<&str> = TASK_CHECK_WEIGHTS
        .iter()
        .map(|(id, _, _)| *id)
        .chain(["SC-18", "SC-19", "SC-20"])
        .collect();
    prop::collection::vec(any_status(), ids.len()).prop_map(move |statuses| {
        ids.iter()
            .zip(statuses)
            .map(|(id, status)| check(id, status))
            .collect()
    })
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn page_score_is_bounded_and_100_only_without_failures(
        findings in prop::collection::vec(any_finding(), 0..40),
    ) {
        let score = page_score(&findings);
        prop_assert!(score.score <= 100);
        prop_assert_eq!(score.score == 100, !findings.iter().any(counts), "{:?}", score);
    }

    #[test]
    fn removing_a_failure_never_lowers_the_score(
        findings in prop::collection::vec(any_finding(), 1..40),
        pick in any::<prop::sample::Index>(),
    ) {
        let i = pick.index(findings.len());
        prop_assume!(findings[i].outcome == Outcome::Failed);
        let before = page_score(&findings);
        let mut fixed = findings.clone();
        fixed.remove(i);
        let after = page_score(&fixed);
        prop_assert!(after.score >= before.score, "{:?} → {:?}", before, after);
        prop_assert!(after.penalty <= before.penalty);
    }

    #[test]
    fn a_failure_turned_cant_tell_never_lowers_the_score(
        findings in prop::collection::vec(any_finding(), 1..40),
        pick in any::<prop::sample::Index>(),
    ) {
        let i = pick.index(findings.len());
        prop_assume!(findings[i].outcome == Outcome::Failed);
        let before = page_score(&findings);
        let mut softened = findings.clone();
        softened[i].outcome = Outcome::CantTell;
        let after = page_score(&softened);
        prop_assert!(after.score >= before.score);
        prop_assert_eq!(after.cant_tell, before.cant_tell + 1);
    }

    #[test]
    fn cant_tell_findings_never_move_the_score(
        findings in prop::collection::vec(any_finding(), 0..30),
        extra in prop::collection::vec(any_finding(), 0..10),
    ) {
        let before = page_score(&findings);
        let mut more = findings.clone();
        more.extend(extra.into_iter().map(|mut f| { f.outcome = Outcome::CantTell; f }));
        let after = page_score(&more);
        prop_assert_eq!(after.score, before.score);
        prop_assert_eq!(after.penalty, before.penalty);
    }

    #[test]
    fn the_order_of_findings_does_not_matter(
        findings in prop::collection::vec(any_finding(), 0..30),
    ) {
        let mut reversed = findings.clone();
        reversed.reverse();
        prop_assert_eq!(page_score(&findings), page_score(&reversed));
    }

    #[test]
    fn failures_of_one_rule_cost_less_than_as_many_rules(
        n in 2usize..30,
        level in prop::sample::select(vec![Level::A, Level::AA]),
        impact in prop::sample::select(vec![Impact::Critical, Impact::Serious, Impact::Moderate, Impact::Minor]),
    ) {
        let same: Vec<Finding> = (0..n).map(|_| finding("r", Outcome::Failed, Some(level), impact)).collect();
        let spread: Vec<Finding> = (0..n)
            .map(|i| finding(&format!("r{i}"), Outcome::Failed, Some(level), impact))
            .collect();
        let (one_rule, many_rules) = (page_score(&same), page_score(&spread));
        prop_assert!(one_rule.penalty < many_rules.penalty);
        prop_assert!(one_rule.score >= many_rules.score);
        // More failures of the same rule still never raise the score.
        let fewer = page_score(&same[1..]);
        prop_assert!(fewer.score >= one_rule.score);
    }

    #[test]
    fn site_score_lies_within_its_pages(
        pages in prop::collection::vec((0u8..=100, any::<bool>()), 0..50),
    ) {
        let pages: Vec<SitePage> = pages.into_iter().map(|(score, top_task)| SitePage { score, top_task }).collect();
        match site_score(&pages) {
            None => prop_assert!(pages.is_empty()),
            Some(site) => {
                let min = pages.iter().map(|p| p.score).min().unwrap();
                let max = pages.iter().map(|p| p.score).max().unwrap();
                prop_assert!(min <= site.score && site.score <= max, "{} not in {}..={}", site.score, min, max);
                prop_assert_eq!(site.pages, pages.len());
            }
        }
    }

    #[test]
    fn a_better_page_never_lowers_the_site(
        pages in prop::collection::vec((0u8..=100, any::<bool>()), 1..50),
        pick in any::<prop::sample::Index>(),
        gain in 0u8..=100,
    ) {
        let mut pages: Vec<SitePage> = pages.into_iter().map(|(score, top_task)| SitePage { score, top_task }).collect();
        let before = site_score(&pages).unwrap().score;
        let i = pick.index(pages.len());
        pages[i].score = pages[i].score.saturating_add(gain).min(100);
        prop_assert!(site_score(&pages).unwrap().score >= before);
    }

    #[test]
    fn stars_stay_within_one_to_four(status in any_task_status(), checks in any_task_checks()) {
        let stars = task_stars(status, &checks);
        match status {
            TaskStatus::OtherTier | TaskStatus::Unknown => prop_assert_eq!(stars, None),
            TaskStatus::NotFound => prop_assert_eq!(stars, Some(1)),
            TaskStatus::Offline => prop_assert!(stars.is_none_or(|s| (1..=2).contains(&s))),
            TaskStatus::Online => prop_assert!(stars.is_none_or(|s| (1..=4).contains(&s))),
        }
        if let Some(percent) = task_percent(&checks) {
            prop_assert!((0.0..=100.0 + 1e-9).contains(&percent));
        }
    }

    #[test]
    fn a_check_that_improves_never_lowers_stars(
        status in any_task_status(),
        checks in any_task_checks(),
        pick in any::<prop::sample::Index>(),
        to_pass in any::<bool>(),
    ) {
        let i = pick.index(checks.len());
        // Fail < partial < pass; an unknown sits between fail and pass.
        let better = match (checks[i].status, to_pass) {
            (Fail, true) | (Partial, _) | (Unknown, _) => Pass,
            (Fail, false) => Partial,
            _ => return Ok(()),
        };
        let before = task_stars(status, &checks);
        let mut improved = checks.clone();
        improved[i].status = better;
        let after = task_stars(status, &improved);
        prop_assert!(after >= before, "{:?} → {:?}", before, after);
        if let (Some(a), Some(b)) = (task_percent(&checks), task_percent(&improved)) {
            prop_assert!(b >= a);
        }
    }

    #[test]
    fn a_check_that_turns_out_worse_never_raises_stars(
        status in any_task_status(),
        checks in any_task_checks(),
        pick in any::<prop::sample::Index>(),
    ) {
        // An unknown found to fail, or a pass found to be unknown.
        let i = pick.index(checks.len());
        let worse = match checks[i].status {
            Unknown => Fail,
            Pass => Unknown,
            _ => return Ok(()),
        };
        let before = task_stars(status, &checks);
        let mut worsened = checks.clone();
        worsened[i].status = worse;
        let after = task_stars(status, &worsened);
        prop_assert!(after <= before || before.is_none(), "{:?} → {:?}", before, after);
    }

    #[test]
    fn unrated_checks_do_not_move_stars(status in any_task_status(), checks in any_task_checks()) {
        let rated: Vec<Check> = checks
            .iter()
            .filter(|c| TASK_CHECK_WEIGHTS.iter().any(|(id, _, _)| *id == c.id))
            .cloned()
            .collect();
        prop_assert_eq!(task_stars(status, &rated), task_stars(status, &checks));
    }

    #[test]
    fn services_mean_is_within_the_stars(
        tasks in prop::collection::vec((any_task_status(), any_task_checks()), 0..20),
    ) {
        let rated: Vec<RatedTask> = tasks
            .iter()
            .map(|(status, checks)| RatedTask { status: *status, stars: task_stars(*status, checks) })
            .collect();
        let services = services_score(&rated);
        prop_assert!(services.online <= services.provided);
        prop_assert!(services.rated + services.unknown <= services.provided);
        prop_assert_eq!(services.provided + services.other_tier, rated.len());
        match services.stars {
            Some(stars) => prop_assert!((1.0..=4.0).contains(&stars)),
            None => prop_assert_eq!(services.rated, 0),
        }
    }

    #[test]
    fn statement_passes_never_exceed_the_decided(
        statuses in prop::collection::vec(any_status(), 0..30),
    ) {
        let list: Vec<Check> = statuses.iter().enumerate().map(|(i, s)| check(&format!("AS-{i:02}"), *s)).collect();
        let score = statement_score(true, &list);
        prop_assert!(score.passed <= score.applicable);
        prop_assert!(score.applicable + score.unknown <= list.len());
    }
}
