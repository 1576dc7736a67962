//! `frontdesk rules`: the rule catalogue, straight from the engine's registry, so the
//! listing can never drift from what `check` runs.

use std::fmt::Write as _;

use frontdesk_core::{registry, RuleMeta};
use serde::Serialize;

use frontdesk_core::report::text::wcag_label;

/// One rule in `rules --format json`. Field names are a public contract.
#[derive(Serialize)]
struct RuleEntry<'a> {
    id: &'a str,
    title: &'a str,
    wcag: &'a [&'a str],
    level: Option<&'a str>,
    act: &'a [&'a str],
    impact: &'a str,
    /// Every code its findings can carry, `<id>/<reason>`.
    codes: Vec<String>,
    description: String,
}

#[derive(Serialize)]
struct RuleList<'a> {
    rules: Vec<RuleEntry<'a>>,
}

fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    registry().iter().map(|rule| rule.meta())
}

pub fn render_json() -> String {
    let rules = metas()
        .map(|m| RuleEntry {
            id: m.id,
            title: m.title,
            wcag: m.wcag,
            level: m.level.map(|l| l.as_str()),
            act: m.act,
            impact: m.impact.as_str(),
            codes: m.codes.iter().map(|c| format!("{}/{c}", m.id)).collect(),
            description: m.documentation(),
        })
        .collect();
    let mut json =
        serde_json::to_string_pretty(&RuleList { rules }).expect("rule list always serialises");
    json.push('\n');
    json
}

pub fn render_text() -> String {
    let mut out = String::new();
    for m in metas() {
        let wcag: Vec<String> = m.wcag.iter().map(|s| s.to_string()).collect();
        let wcag = match m.level {
            Some(_) => format!("WCAG {}", wcag_label(&wcag, m.level.map(|l| l.as_str()))),
            None => "best practice (no WCAG level)".to_string(),
        };
        let act = if m.act.is_empty() {
            "none".to_string()
        } else {
            m.act.join(", ")
        };
        let _ = writeln!(out, "{}  {}", m.id, m.title);
        let _ = writeln!(out, "  {wcag} | ACT {act} | impact: {}", m.impact.as_str());
        let _ = writeln!(out, "  codes: {}", m.codes.join(", "));
        out.push('\n');
        for line in m.documentation().lines() {
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{} rules", registry().len());
    out
}
