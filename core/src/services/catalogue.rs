//! The council top tasks frontdesk scores: one source of truth for their ids, names, LGSL ids,
//! interactions, providing tiers and the words councils use for them.

use super::{Interaction, Provider};

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
