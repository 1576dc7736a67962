//! `frontdesk rules`: the rule catalogue, straight from the engine's registry, so the
//! listing can never drift from what `check` runs.

use std::fmt::Write as _;

use frontdesk_core::{registry, RuleMeta};

use frontdesk_core::report::text::wcag_label;

fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    registry().iter().map(|rule| rule.meta())
}

/// The engine's catalogue, the same data the browser build's `rules()` returns.
pub fn render_json() -> String {
    let mut json = serde_json::to_string_pretty(&frontdesk_core::report::catalogue())
        .expect("rule list always serialises");
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
