//! The overview's charts: inline SVG bar charts, each a `<figure>` whose SVG is a named
//! image and whose numbers are also in a data table (the text alternative).

use std::fmt::Write as _;

use super::esc;
use crate::services::ServicesReport;

/// One series of a stacked bar chart: its name and colour (≥ 3:1 on white, WCAG 1.4.11).
struct Series {
    name: &'static str,
    colour: &'static str,
}

const LEVELS: [Series; 4] = [
    Series {
        name: "A",
        colour: "#a3141a",
    },
    Series {
        name: "AA",
        colour: "#b35900",
    },
    Series {
        name: "AAA",
        colour: "#5b3cc4",
    },
    Series {
        name: "Best practice",
        colour: "#4b5563",
    },
];

const ONE: [Series; 1] = [Series {
    name: "Count",
    colour: "#1a4fb4",
}];

const WIDTH: u32 = 480;
const LABEL: u32 = 190;
const ROW: u32 = 26;

/// A horizontal bar chart, bars stacked by series, with its data table. `id` makes the
/// element ids unique; `unit` follows each total in the table's caption sense.
fn bar_chart(
    out: &mut String,
    id: &str,
    caption: &str,
    row_header: &str,
    rows: &[(String, Vec<u64>)],
    series: &[Series],
    max: Option<u64>,
) {
    let total_max = max
        .unwrap_or_else(|| rows.iter().map(|(_, v)| v.iter().sum()).max().unwrap_or(0))
        .max(1);
    let legend = series.len() > 1;
    let top = if legend { 24 } else { 4 };
    let height = top + ROW * rows.len().max(1) as u32 + 4;
    let bar_space = WIDTH - LABEL - 50;
    let _ = write!(
        out,
        "<figure aria-labelledby=\"{id}-caption\">\n<figcaption id=\"{id}-caption\">{}</figcaption>\n\
         <svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title\">\
         <title id=\"{id}-title\">{} (the table below gives the numbers)</title>",
        esc(caption),
        esc(caption)
    );
    if legend {
        let mut x = LABEL;
        for s in series {
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"></rect>\
                 <text x=\"{}\" y=\"16\">{}</text>",
                s.colour,
                x + 16,
                s.name
            );
            x += 30 + 9 * s.name.len() as u32;
        }
    }
    if rows.is_empty() {
        let _ = write!(out, "<text x=\"0\" y=\"{}\">None</text>", top + 16);
    }
    for (i, (label, values)) in rows.iter().enumerate() {
        let y = top + ROW * i as u32;
        let shown: String = if label.chars().count() > 24 {
            label.chars().take(23).collect::<String>() + "…"
        } else {
            label.clone()
        };
        let _ = write!(out, "<text x=\"0\" y=\"{}\">{}</text>", y + 18, esc(&shown));
        let mut x = LABEL as f64;
        for (value, s) in values.iter().zip(series) {
            if *value == 0 {
                continue;
            }
            let w = (*value as f64 / total_max as f64 * bar_space as f64).max(1.0);
            let _ = write!(
                out,
                "<rect class=\"bar\" x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"></rect>",
                y + 4,
                ROW - 8,
                s.colour
            );
            x += w;
        }
        let total: u64 = values.iter().sum();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{}\">{total}</text>",
            x + 4.0,
            y + 18
        );
    }
    out.push_str("</svg>\n");
    // The same numbers as a table, for screen readers and for copying.
    let _ = write!(
        out,
        "<details><summary>Numbers: {}</summary>\n<table>\n<thead><tr><th scope=\"col\">{}</th>",
        esc(caption),
        esc(row_header)
    );
    for s in series {
        let _ = write!(out, "<th scope=\"col\" class=\"n\">{}</th>", s.name);
    }
    if series.len() > 1 {
        out.push_str("<th scope=\"col\" class=\"n\">Total</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (label, values) in rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(label));
        for value in values {
            let _ = write!(out, "<td class=\"n\">{value}</td>");
        }
        if series.len() > 1 {
            let _ = write!(out, "<td class=\"n\">{}</td>", values.iter().sum::<u64>());
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</details>\n</figure>\n");
}

/// Failed findings by WCAG principle (the first digit of the criterion) and level.
pub(super) fn principles(out: &mut String, counts: &[[u64; 4]; 5]) {
    const NAMES: [&str; 5] = [
        "1 Perceivable",
        "2 Operable",
        "3 Understandable",
        "4 Robust",
        "Best practice",
    ];
    let rows: Vec<(String, Vec<u64>)> = NAMES
        .iter()
        .zip(counts)
        .map(|(name, levels)| (name.to_string(), levels.to_vec()))
        .collect();
    bar_chart(
        out,
        "chart-principles",
        "Failed findings by WCAG principle and level",
        "Principle",
        &rows,
        &LEVELS,
        None,
    );
}

/// The rules with the most failed findings, most first.
pub(super) fn top_rules(out: &mut String, rules: &[(&str, u64)]) {
    let rows: Vec<(String, Vec<u64>)> = rules
        .iter()
        .map(|(id, n)| (id.to_string(), vec![*n]))
        .collect();
    bar_chart(
        out,
        "chart-rules",
        "Rules with the most failed findings",
        "Rule",
        &rows,
        &ONE,
        None,
    );
}

/// How many pages score in each band of ten.
pub(super) fn score_bands(out: &mut String, bands: &[u64; 11]) {
    let rows: Vec<(String, Vec<u64>)> = bands
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i == 10 {
                "100".to_string()
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            (label, vec![*n])
        })
        .collect();
    bar_chart(
        out,
        "chart-scores",
        "Pages by accessibility score",
        "Score",
        &rows,
        &ONE,
        None,
    );
}

/// Each top task's stars (1–4); a task without stars has no bar.
pub(super) fn task_stars(out: &mut String, services: &ServicesReport) {
    if services.tasks.is_empty() {
        return;
    }
    let rows: Vec<(String, Vec<u64>)> = services
        .tasks
        .iter()
        .map(|t| (t.name.clone(), vec![u64::from(t.stars.unwrap_or(0))]))
        .collect();
    bar_chart(
        out,
        "chart-tasks",
        "Stars per top task (of 4; none when not rated)",
        "Task",
        &rows,
        &[Series {
            name: "Stars",
            colour: "#8a5a00",
        }],
        Some(4),
    );
}
