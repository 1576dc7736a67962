//! Crawl throughput and memory: a generated 10,000-page council-like site served on
//! 127.0.0.1 by an in-process axum server, crawled by the real `frontdesk` binary with
//! `--rate 0`, in alternating rounds: writing the JSON report with the services analysis,
//! the same with `--no-services`, and the same writing all seven formats to files. Prints
//! pages/s and the crawler's resident memory when 1,000, 5,000 and 10,000 pages have been
//! served, then the ratios of the whole runs' times and the peaks. Targets: ≥ 500 pages/s,
//! peak RSS ≤ 150 MB, flat; the services analysis adds at most 10 % to the time and keeps
//! memory flat; rendering every format adds at most 10 % to the time.
//!
//! `cargo bench -p frontdesk --bench crawl` (not part of `cargo test`). Options through the
//! environment: `FRONTDESK_BENCH_PAGES` (default 10000), `FRONTDESK_BENCH_CONCURRENCY`
//! (default 8), `FRONTDESK_BENCH_ROUNDS` (rounds of every run, default 2),
//! `FRONTDESK_BENCH_EACH_FORMAT` (set: each round also crawls once per other format, writing
//! JSON and that one, to time each alone), `FRONTDESK_BENCH_BIN` (the `frontdesk` binary to
//! measure, default the one built with the bench).

use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Response};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const SECTIONS: [&str; 8] = [
    "bins",
    "council-tax",
    "parking",
    "planning",
    "housing",
    "schools",
    "libraries",
    "news",
];

/// Page `n` of `total`: a typical council page (header, navigation, breadcrumbs, text,
/// a form, a table, related links, footer), about 5 KB, linking to a handful of others so
/// the whole site is reachable from page 0 within a few hops.
fn page(n: usize, total: usize) -> String {
    let section = SECTIONS[n % SECTIONS.len()];
    let mut html = String::with_capacity(6 * 1024);
    html.push_str(&format!(
        r##"<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service page {n} – {section} – Example District Council</title>
<link rel="stylesheet" href="/assets/site.css"><link rel="canonical" href="/p/{n}"></head>
<body><a class="skip" href="#main">Skip to main content</a>
<header><a href="/p/0"><img src="/assets/logo.svg" alt="Example District Council home"></a>
<form role="search" action="/search"><label for="q">Search</label><input id="q" name="q"><button>Search</button></form></header>
<nav aria-label="Main"><ul>"##
    ));
    for (i, s) in SECTIONS.iter().enumerate() {
        html.push_str(&format!(r#"<li><a href="/p/{}">{s}</a></li>"#, i + 1));
    }
    html.push_str(&format!(
        r#"</ul></nav><nav aria-label="Breadcrumb"><ol><li><a href="/p/0">Home</a></li><li><a href="/p/{}">{section}</a></li></ol></nav>
<main id="main"><h1>Service page {n}</h1>
<p>Find out about {section} services in the district, who can apply, what it costs and how long it takes. Most requests are answered within ten working days.</p>
<h2>Before you start</h2><p>You will need your council tax reference number, your postcode and an email address. If you cannot apply online, call 01632 960 {n:03} and we will help.</p>
<table><caption>Charges for {section}</caption><thead><tr><th scope="col">Item</th><th scope="col">Cost</th></tr></thead>
<tbody><tr><td>Standard</td><td>£{}</td></tr><tr><td>Concession</td><td>£{}</td></tr></tbody></table>
<form action="/apply" method="post"><label for="name{n}">Full name</label><input id="name{n}" name="name" autocomplete="name">
<label for="pc{n}">Postcode</label><input id="pc{n}" name="postcode" autocomplete="postal-code"><button>Continue</button></form>
<h2>Related pages</h2><ul>"#,
        n % SECTIONS.len() + 1,
        20 + n % 50,
        10 + n % 20
    ));
    // Children in a wide tree (so the site is reachable in a few hops) plus pseudo-random
    // cross links (so most links point at pages already seen, as on real sites).
    let mut targets: Vec<usize> = (1..=8).map(|k| n * 8 + k).filter(|&t| t < total).collect();
    targets.extend((1..=4).map(|k| (n * 7919 + k * 104_729) % total));
    for t in targets {
        html.push_str(&format!(
            r#"<li><a href="/p/{t}">Service page {t}</a></li>"#
        ));
    }
    html.push_str(
        r#"</ul><p><a href="/documents/guide.pdf">Guidance notes (PDF, 120 KB)</a></p></main>
<footer><ul><li><a href="/p/1">Accessibility statement</a></li><li><a href="/p/2">Contact us</a></li>
<li><a href="https://www.gov.uk/">GOV.UK</a></li></ul><p>© Example District Council</p></footer></body></html>"#,
    );
    html
}

const CSS: &str = "body{font-family:Arial,sans-serif;color:#0b0c0c;background:#fff;margin:0}\
a{color:#1d70b8}a:focus{outline:3px solid #fd0}header{background:#0b0c0c;color:#fff;padding:10px}\
header a{color:#fff}nav ul{list-style:none;display:flex;gap:15px}main{max-width:960px;margin:0 auto;padding:20px}\
h1{font-size:2rem;line-height:1.1}table{border-collapse:collapse}td,th{border-bottom:1px solid #b1b4b6;padding:10px}\
.skip{position:absolute;left:-9999px}.skip:focus{left:0}footer{background:#f3f2f1;padding:20px}";

fn main() {
    let total = env_or("FRONTDESK_BENCH_PAGES", 10_000);
    let concurrency = env_or("FRONTDESK_BENCH_CONCURRENCY", 8);
    let rounds = env_or("FRONTDESK_BENCH_ROUNDS", 2).max(1);
    let served = Arc::new(AtomicUsize::new(0));

    // The server: its own runtime on one worker thread, so most of the machine is left to
    // the crawler being measured.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let counter = Arc::clone(&served);
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
                let counter = Arc::clone(&counter);
                async move {
                    let path = req.uri().path().to_string();
                    let respond = |ct: &str, body: String| {
                        Response::builder()
                            .header(header::CONTENT_TYPE, ct)
                            .body(Body::from(body))
                            .unwrap()
                    };
                    if let Some(n) = path
                        .strip_prefix("/p/")
                        .and_then(|n| n.parse::<usize>().ok())
                    {
                        if n < total {
                            counter.fetch_add(1, Ordering::Relaxed);
                            return respond("text/html; charset=utf-8", page(n, total));
                        }
                    }
                    match path.as_str() {
                        "/" => Response::builder()
                            .status(301)
                            .header(header::LOCATION, "/p/0")
                            .body(Body::empty())
                            .unwrap(),
                        "/assets/site.css" => respond("text/css", CSS.to_string()),
                        "/documents/guide.pdf" => {
                            respond("application/pdf", "%PDF-1.4\n%%EOF\n".into())
                        }
                        _ => Response::builder()
                            .status(404)
                            .header(header::CONTENT_TYPE, "text/plain")
                            .body(Body::from("not found"))
                            .unwrap(),
                    }
                }
            });
            axum::serve(listener, app).await.unwrap();
        });
    });

    let each_format = std::env::var_os("FRONTDESK_BENCH_EACH_FORMAT").is_some();
    let mut variants = vec![
        Variant::json("with services", true),
        Variant::json("--no-services", false),
        Variant {
            name: "all 7 formats".into(),
            services: true,
            extra: ALL_FORMATS.to_vec(),
        },
    ];
    if each_format {
        for (ext, _) in ALL_FORMATS {
            variants.push(Variant {
                name: format!("json + {ext}"),
                services: true,
                extra: vec![(ext, "")],
            });
        }
    }
    println!(
        "crawl bench: {total} generated pages on {base}, --rate 0 --concurrency {concurrency}, {} cores, {rounds} round(s) of: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        variants.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ")
    );
    let bin = std::env::var_os("FRONTDESK_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_frontdesk").into());
    let mut runs: Vec<Vec<Run>> = variants.iter().map(|_| Vec::new()).collect();
    for round in 1..=rounds {
        // Alternating, so a change in the machine's load falls on every variant alike.
        for (variant, runs) in variants.iter().zip(runs.iter_mut()) {
            println!("\nround {round}, {}:", variant.name);
            served.store(0, Ordering::Relaxed);
            runs.push(crawl_once(
                &bin,
                &format!("{base}/"),
                total,
                concurrency,
                variant,
                &served,
            ));
        }
    }
    println!("\nsummary ({rounds} round(s), same binary):");
    println!(
        "{:>15} {:>9} {:>14} {:>12}",
        "", "whole run", "RSS MB, served", "peak RSS MB"
    );
    for (variant, runs) in variants.iter().zip(&runs) {
        for run in runs {
            println!(
                "{:>15} {:>8.2}s {:>14.1} {:>12.1}",
                variant.name,
                run.elapsed.as_secs_f64(),
                run.last_rss,
                run.peak_rss
            );
        }
    }
    let json = &runs[0];
    compare("with / without services", json, &runs[1]);
    for (variant, runs) in variants.iter().zip(&runs).skip(2) {
        compare(&format!("{} / json only", variant.name), runs, json);
    }
}

/// The output files beside `report.json` of the all-formats run: extension (which gives
/// the format) and the format's name.
const ALL_FORMATS: [(&str, &str); 6] = [
    ("txt", "text"),
    ("sarif", "sarif"),
    ("xml", "junit"),
    ("md", "markdown"),
    ("html", "html"),
    ("jsonld", "earl"),
];

/// One kind of crawl the bench times: every one writes `report.json` (which the bench reads
/// back to check the crawl), plus `report.<ext>` for each of `extra`.
struct Variant {
    name: String,
    services: bool,
    extra: Vec<(&'static str, &'static str)>,
}

impl Variant {
    fn json(name: &str, services: bool) -> Variant {
        Variant {
            name: name.into(),
            services,
            extra: Vec::new(),
        }
    }
}

/// Prints the ratio of `a`'s and `b`'s times (overall and per round), against the
/// ≤ 1.10 target both comparisons have, and both peaks.
fn compare(what: &str, a: &[Run], b: &[Run]) {
    let ratios: Vec<String> = a
        .iter()
        .zip(b)
        .map(|(a, b)| format!("{:.2}", a.elapsed.as_secs_f64() / b.elapsed.as_secs_f64()))
        .collect();
    let total = |runs: &[Run]| runs.iter().map(|r| r.elapsed.as_secs_f64()).sum::<f64>();
    let peak = |runs: &[Run]| runs.iter().map(|r| r.peak_rss).fold(0.0, f64::max);
    println!(
        "time {what}: {:.2} overall (per round: {}); target ≤ 1.10; peak RSS {:.1} / {:.1} MB",
        total(a) / total(b),
        ratios.join(", "),
        peak(a),
        peak(b)
    );
}

/// One crawl's figures.
struct Run {
    elapsed: Duration,
    /// RSS when every page had been served.
    last_rss: f64,
    peak_rss: f64,
}

/// Crawls the site once with `bin`, printing pages/s and RSS at each mark.
fn crawl_once(
    bin: &std::ffi::OsStr,
    base: &str,
    total: usize,
    concurrency: usize,
    variant: &Variant,
    served: &AtomicUsize,
) -> Run {
    let services = variant.services;
    let out = tempfile::tempdir().unwrap();
    let report_path = out.path().join("report.json");
    let started = Instant::now();
    let concurrency = concurrency.to_string();
    let max_pages = (total + 100).to_string();
    let mut args = vec![
        "crawl",
        base,
        "--rate",
        "0",
        "--concurrency",
        &concurrency,
        "--max-pages",
        &max_pages,
        "--quiet",
        "--format",
        "json",
        "--output",
        report_path.to_str().unwrap(),
    ];
    let extra: Vec<String> = variant
        .extra
        .iter()
        .map(|(ext, _)| {
            out.path()
                .join(format!("report.{ext}"))
                .display()
                .to_string()
        })
        .collect();
    for file in &extra {
        args.extend(["--output", file]);
    }
    if !services {
        args.push("--no-services");
    }
    let mut child = Command::new(bin)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("frontdesk runs");

    let marks: Vec<usize> = [1_000, 5_000, 10_000]
        .into_iter()
        .filter(|&m| m < total)
        .chain([total])
        .collect();
    let mut next_mark = 0;
    let (mut last_count, mut last_time) = (0usize, Duration::ZERO);
    let (mut peak_rss, mut last_rss) = (0.0f64, 0.0f64);
    println!(
        "{:>7} {:>9} {:>13} {:>15} {:>9} {:>9}",
        "pages", "elapsed", "pages/s (all)", "pages/s (since)", "RSS MB", "peak MB"
    );
    let status = loop {
        let (rss, hwm) = memory(child.id());
        peak_rss = peak_rss.max(hwm);
        let count = served.load(Ordering::Relaxed);
        while next_mark < marks.len() && count >= marks[next_mark] {
            let elapsed = started.elapsed();
            let since = (count - last_count) as f64 / (elapsed - last_time).as_secs_f64().max(1e-9);
            println!(
                "{:>7} {:>8.2}s {:>13.0} {:>15.0} {:>9.1} {:>9.1}",
                count,
                elapsed.as_secs_f64(),
                count as f64 / elapsed.as_secs_f64(),
                since,
                rss,
                hwm
            );
            last_count = count;
            last_time = elapsed;
            last_rss = rss;
            next_mark += 1;
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report_path).expect("report written"))
            .unwrap();
    let pages = report["pages"].as_array().map_or(0, Vec::len);
    let findings: usize = report["pages"].as_array().map_or(0, |p| {
        p.iter()
            .map(|p| p["findings"].as_array().map_or(0, Vec::len))
            .sum()
    });
    println!(
        "report: {pages} pages, {findings} findings, {:.1} MB of JSON, services {}",
        std::fs::metadata(out.path().join("report.json")).map_or(0, |m| m.len()) as f64 / 1e6,
        if report.get("services").is_some() {
            "analysed"
        } else {
            "left out"
        }
    );
    println!(
        "done: exit {:?}, {pages} pages audited in {:.2}s = {:.0} pages/s overall; peak RSS {:.1} MB (sampled every 20 ms)",
        status.code(),
        elapsed.as_secs_f64(),
        pages as f64 / elapsed.as_secs_f64(),
        peak_rss
    );
    // The reports are written one after another in the order given, each renamed into
    // place when done, so the gap between one file's modification time and the previous
    // one's is how long it took to write (report.json, first, has no previous).
    let modified = |file: &std::path::Path| std::fs::metadata(file).and_then(|m| m.modified());
    let mut previous = modified(&report_path).ok();
    for ((ext, format), file) in variant.extra.iter().zip(&extra) {
        let size = std::fs::metadata(file).map_or(0, |m| m.len());
        let done = modified(file.as_ref()).ok();
        let took = previous
            .zip(done)
            .and_then(|(a, b)| b.duration_since(a).ok())
            .map_or("?".to_string(), |d| format!("{:.2}s", d.as_secs_f64()));
        println!("{format}: {:.1} MB, written in {took}", size as f64 / 1e6);
        assert!(size > 0, "report.{ext} written");
        previous = done;
    }
    assert_eq!(pages, total, "every generated page was audited");
    assert_eq!(report.get("services").is_some(), services);
    Run {
        elapsed,
        last_rss,
        peak_rss,
    }
}

/// (VmRSS, VmHWM) of a process, in MB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
