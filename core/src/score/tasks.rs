//! Task stars (1–4, Better Connected's scale) from a task's status and its SC checks, and
//! the council's services figure over its tasks.
//!
//! ```text
//! value(check)  = pass 1, partial ½, fail 0; unknown and n/a are left out
//! group         = Σ weight × value / Σ weight   over its decided checks
//! percent       = 100 × Σ group share × group / Σ group share   over groups with a decided check
//! stars         = 4 if ≥ 85, 3 if ≥ 65, 2 if ≥ 40, else 1
//! ```
//!
//! Shares: findability 40, completion 40, support 20. Caps: an offline task gets at most 2
//! stars; unknown checks can lift a task at most one star above its worst case (every
//! unknown counted as a fail). Why: `docs/scoring.md`.

use serde::{Deserialize, Serialize};

use crate::services::{Check, CheckStatus, TaskStatus};

/// The three parts of a task's rating, with their share of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Can a resident find the task (SC-01…05)?
    Findability,
    /// Can they finish it online (SC-06…10, 12, 16, 17)?
    Completion,
    /// Are they helped along (SC-11, 13, 14, 15)?
    Support,
}

impl Group {
    /// The group's share of the task's rating, in percent.
    pub fn share(self) -> u32 {
        match self {
            Group::Findability => 40,
            Group::Completion => 40,
            Group::Support => 20,
        }
    }
}

/// The checks that rate a task: id, group, weight (points out of 100 when every check
/// applies). SC-18…20 are reported but not rated (see `docs/scoring.md`).
pub const TASK_CHECK_WEIGHTS: &[(&str, Group, f64)] = &[
    ("SC-01", Group::Findability, 10.0),
    ("SC-02", Group::Findability, 10.0),
    ("SC-03", Group::Findability, 10.0),
    ("SC-04", Group::Findability, 5.0),
    ("SC-05", Group::Findability, 5.0),
    ("SC-06", Group::Completion, 2.5),
    ("SC-07", Group::Completion, 10.0),
    ("SC-08", Group::Completion, 5.0),
    ("SC-09", Group::Completion, 5.0),
    ("SC-10", Group::Completion, 5.0),
    ("SC-12", Group::Completion, 2.5),
    ("SC-16", Group::Completion, 5.0),
    ("SC-17", Group::Completion, 5.0),
    ("SC-11", Group::Support, 5.0),
    ("SC-13", Group::Support, 5.0),
    ("SC-14", Group::Support, 5.0),
    ("SC-15", Group::Support, 5.0),
];

/// Most stars a task that cannot be finished online can get.
pub const OFFLINE_MAX_STARS: u8 = 2;

fn check_weight(id: &str) -> Option<(Group, f64)> {
    TASK_CHECK_WEIGHTS
        .iter()
        .find(|(check, _, _)| *check == id)
        .map(|&(_, group, weight)| (group, weight))
}

/// A task's rating in percent from its checks, unknown ones left out; `None` when no rated
/// check was decided.
pub fn task_percent(checks: &[Check]) -> Option<f64> {
    rating(checks, None)
}

/// The rating if every unknown check had failed: what the evidence alone guarantees.
pub fn worst_case_percent(checks: &[Check]) -> Option<f64> {
    rating(checks, Some(0.0))
}

/// The rating with unknown checks left out (`None`) or given a value.
fn rating(checks: &[Check], unknown: Option<f64>) -> Option<f64> {
    let groups = [Group::Findability, Group::Completion, Group::Support];
    let (mut sum, mut shares) = (0.0, 0.0);
    for group in groups {
        let (mut got, mut out_of) = (0.0, 0.0);
        for check in checks {
            let Some((g, weight)) = check_weight(&check.id) else {
                continue;
            };
            let value = match check.status {
                CheckStatus::Pass => 1.0,
                CheckStatus::Partial => 0.5,
                CheckStatus::Fail => 0.0,
                CheckStatus::Unknown => match unknown {
                    Some(value) => value,
                    None => continue,
                },
                CheckStatus::NotApplicable => continue,
            };
            if g == group {
                got += weight * value;
                out_of += weight;
            }
        }
        if out_of > 0.0 {
            let share = f64::from(group.share());
            sum += share * got / out_of;
            shares += share;
        }
    }
    (shares > 0.0).then(|| 100.0 * sum / shares)
}

/// Stars for a rating in percent (Better Connected's 4 very good, 3 good, 2 unsatisfactory,
/// 1 poor).
pub fn stars_for_percent(percent: f64) -> u8 {
    // The tolerance keeps a rating of exactly 65 % from falling to 64.999…
    let at_least = |threshold: f64| percent + 1e-9 >= threshold;
    if at_least(85.0) {
        4
    } else if at_least(65.0) {
        3
    } else if at_least(40.0) {
        2
    } else {
        1
    }
}

/// A task's stars, 1–4; `None` when it does not count for the council (`other-tier`), could
/// not be judged (`unknown`), or none of its rated checks was decided.
pub fn task_stars(status: TaskStatus, checks: &[Check]) -> Option<u8> {
    let cap = match status {
        TaskStatus::NotFound => return Some(1),
        TaskStatus::OtherTier | TaskStatus::Unknown => return None,
        TaskStatus::Offline => OFFLINE_MAX_STARS,
        TaskStatus::Online => 4,
    };
    let stars = stars_for_percent(task_percent(checks)?);
    // Unknowns are neither passes nor failures, but they may not carry a task more than one
    // star above what its decided checks guarantee.
    let worst = worst_case_percent(checks).map_or(1, stars_for_percent);
    Some(stars.min(worst + 1).min(cap))
}

/// One task as the council's services figure sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatedTask {
    /// The task's status.
    pub status: TaskStatus,
    /// Its stars ([`task_stars`]).
    pub stars: Option<u8>,
}

/// The council's services figure: mean stars over the tasks it provides, and how many of
/// them are online.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ServicesScore {
    /// Mean stars over the rated tasks the council provides, to one decimal; `null` when
    /// none is rated.
    pub stars: Option<f64>,
    /// Tasks online.
    pub online: usize,
    /// Tasks the council provides: every task but the other tier's (unknown ones included).
    pub provided: usize,
    /// Of them, tasks with stars (the mean's count).
    pub rated: usize,
    /// Of them, tasks whose status could not be judged (left out of the mean).
    pub unknown: usize,
    /// Tasks the other tier provides and the site signposts: not counted against the
    /// council.
    pub other_tier: usize,
}

// The mean is a finite number of tenths (never NaN), so equality is total: the report, which
// is `Eq`, can carry it.
impl Eq for ServicesScore {}

/// The council's services figure over its tasks.
pub fn services_score(tasks: &[RatedTask]) -> ServicesScore {
    let provided: Vec<&RatedTask> = tasks
        .iter()
        .filter(|t| t.status != TaskStatus::OtherTier)
        .collect();
    let stars: Vec<u8> = provided.iter().filter_map(|t| t.stars).collect();
    let mean = (!stars.is_empty()).then(|| {
        let sum: u32 = stars.iter().map(|&s| u32::from(s)).sum();
        // One decimal, half up, in integers: sum / n to tenths.
        let tenths = (20 * sum as usize + stars.len()) / (2 * stars.len());
        tenths as f64 / 10.0
    });
    ServicesScore {
        stars: mean,
        online: count(&provided, TaskStatus::Online),
        provided: provided.len(),
        rated: stars.len(),
        unknown: count(&provided, TaskStatus::Unknown),
        other_tier: tasks.len() - provided.len(),
    }
}

fn count(tasks: &[&RatedTask], status: TaskStatus) -> usize {
    tasks.iter().filter(|t| t.status == status).count()
}
