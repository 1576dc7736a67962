//! Writes a report for a synthetic crawl of N pages (default 10,000) with 19 findings a page
//! on average (≈190,000 in all, what a large council crawl gives), streamed one page at a
//! time as a crawl streams its pages, and prints the size and the time it took: the input of
//! `tests/browser/report.test.mjs`'s load-time measurement, and a check that rendering stays
//! flat in memory (run it under `/usr/bin/time -v` and read the maximum resident size).
//!
//! ```text
//! cargo run --release -p frontdesk-core --example big_report -- target/big-report.html [pages] [html|markdown|json]
//! ```

use std::io::Write;
use std::time::Instant;

use frontdesk_core::report::{self, Format, Page, SiteFacts};
use frontdesk_core::{registry, Finding, Outcome, PageReport, Report, RulesRun};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: big_report <output file> [pages] [format]");
        std::process::exit(2);
    };
    let pages: usize = match args.next().map(|n| n.parse()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("big_report: the page count must be a number");
            std::process::exit(2);
        }
    };
    let format = match args.next() {
        None => Format::Html,
        Some(name) => Format::from_name(&name).unwrap_or_else(|| {
            eprintln!("big_report: unknown format '{name}'");
            std::process::exit(2);
        }),
    };
    let file = match std::fs::File::create(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("big_report: cannot write '{path}': {e}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::BufWriter::new(file);
    let head = Report::crawl(
        Vec::new(),
        SiteFacts {
            root: "https://council.example/".into(),
            pages_crawled: pages,
            urls_fetched: pages,
            ..SiteFacts::default()
        },
    );
    let started = Instant::now();
    let findings_total = std::cell::Cell::new(0usize);
    let stream = (0..pages).map(|i| {
        let page = synthetic_page(i);
        findings_total.set(findings_total.get() + page.audit.findings.len());
        Ok::<_, std::io::Error>(page)
    });
    let written = report::write(format, &head, stream, report::text::Style::plain(), |s| {
        out.write_all(s.as_bytes())
    })
    .and_then(|()| out.flush());
    if let Err(e) = written {
        eprintln!("big_report: cannot write '{path}': {e}");
        std::process::exit(2);
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "{path}: {} pages, {} findings, {:.1} MB of {}, written in {:.2} s",
        pages,
        findings_total.get(),
        size as f64 / 1e6,
        format.name(),
        started.elapsed().as_secs_f64()
    );
}

/// Page `i`: 0 to 38 findings (19 on average) from the registry's rules, each with a
/// selector, snippet and message of the lengths real findings have.
fn synthetic_page(i: usize) -> Page {
    let rules = registry();
    let count = (i * 7919) % 39;
    let findings = (0..count)
        .map(|k| {
            let meta = rules[(i + k * 3) % rules.len()].meta();
            let outcome = if k % 5 == 4 {
                Outcome::CantTell
            } else {
                Outcome::Failed
            };
            Finding {
                rule: meta.id.into(),
                code: format!("{}/synthetic", meta.id),
                outcome,
                wcag: meta.wcag.iter().map(|s| s.to_string()).collect(),
                level: meta.level,
                act: meta.act.iter().map(|s| s.to_string()).collect(),
                impact: meta.impact,
                selector: format!(
                    "#main-content > div.container:nth-child({}) > ul.list > li:nth-child({k}) > a",
                    i % 7 + 1
                ),
                attribute: None,
                line: Some(120),
                snippet: format!(
                    "<a href=\"/services/page-{i}-{k}\" class=\"list__link list__link--primary\">"
                ),
                message: format!(
                    "{} (finding {k} of page {i}: the element does not meet the rule).",
                    meta.title
                ),
                data: None,
                fingerprint: format!("{:016x}", i * 64 + k),
                baseline: None,
                ignored: None,
            }
        })
        .collect();
    Page::new(
        PageReport {
            url: format!("https://council.example/section-{}/page-{i}", i % 50),
            status: Some(200),
            title: Some(format!("Page {i} of the synthetic council site | Council")),
            findings,
            rules: RulesRun::default(),
        },
        None,
    )
}
