//! Scores: a page's accessibility score, a site's, task stars and the council scorecard line.
//! Beside the stages like [`crate::services`]; pure arithmetic over what the audit and the
//! services analysis found. Every number is explained in `docs/scoring.md`.
//!
//! - [`page`]: a page's accessibility score (0–100) from its findings; a site's over pages.
//! - [`tasks`]: a task's stars (1–4) from its status and SC checks; the council's services
//!   figure (mean stars, tasks online).
//! - [`statement`]: the accessibility statement's figure (AS checks passed of those decided).
//! - [`Scorecard`]: the three together, one line per council.

use std::fmt;

use serde::{Deserialize, Serialize};

pub mod page;
pub mod statement;
pub mod tasks;

pub use page::{page_score, site_score, PageScore, SitePage, SiteScore};
pub use statement::{statement_score, StatementScore};
pub use tasks::{services_score, task_stars, RatedTask, ServicesScore};

/// A council's three scores, never merged into one: the report's `scores` section, and
/// (through `Display`) the line `Kestrelford: accessibility 71/100 · services 2.6★ (9 of 14
/// tasks online) · statement 17/23`. A part that was not measured is `null`, and the line
/// says so instead of showing a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The council's name, or the site's host when no council is known.
    pub name: String,
    /// The site's accessibility score; `null` when no page was scored.
    pub accessibility: Option<SiteScore>,
    /// Online services; `null` when they were not analysed (`check` on single pages).
    pub services: Option<ServicesScore>,
    /// The accessibility statement; `null` when it was not looked for.
    pub statement: Option<StatementScore>,
}

impl fmt::Display for Scorecard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.name)?;
        match &self.accessibility {
            Some(site) => write!(f, "accessibility {}/100", site.score)?,
            None => f.write_str("accessibility not scored (no pages)")?,
        }
        f.write_str(" · ")?;
        match &self.services {
            None => f.write_str("services not analysed")?,
            Some(services) if services.provided == 0 => {
                f.write_str("services not rated (no task this council provides)")?
            }
            Some(services) => {
                match services.stars {
                    Some(stars) => write!(f, "services {stars:.1}★")?,
                    None => f.write_str("services not rated")?,
                }
                write!(
                    f,
                    " ({} of {} tasks online",
                    services.online, services.provided
                )?;
                if services.unknown > 0 {
                    write!(f, ", {} unknown", services.unknown)?;
                }
                f.write_str(")")?;
            }
        }
        f.write_str(" · ")?;
        match &self.statement {
            None => f.write_str("statement not analysed"),
            Some(statement) if !statement.found => f.write_str("no accessibility statement found"),
            Some(statement) => {
                write!(f, "statement {}/{}", statement.passed, statement.applicable)?;
                if statement.unknown > 0 {
                    write!(f, " ({} unknown)", statement.unknown)?;
                }
                Ok(())
            }
        }
    }
}
