//! `frontdesk crawl` against servers that misbehave: redirects in circles, missing pages,
//! drips, mazes, enormous and decompression-bomb bodies, lying content types, broken
//! encodings. Each must end in a clear report entry, in bounded time and memory.

mod crawl_support;

use std::io::Write;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Response};
use crawl_support::*;
use futures_util::stream;

#[test]
fn redirects_are_followed_once_and_recorded() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/old", "/new", "/also-old"])),
        "/old" => redirect(301, "/new"),
        "/also-old" => redirect(302, "/old"),
        "/new" => html(page("New", &[])),
        _ => not_found(),
    }));
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--concurrency",
        "4",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    assert_eq!(page_urls(&report), [server.url("/"), server.url("/new")]);
    assert_eq!(
        server.count("/new"),
        1,
        "the target is fetched once however it is reached"
    );
    assert_eq!(server.count("/old"), 1);
    let new = page_of(&report, &server.url("/new")).unwrap();
    assert_eq!(
        new["redirects"],
        serde_json::json!([
            { "url": server.url("/also-old"), "status": 302, "location": server.url("/old") },
            { "url": server.url("/old"), "status": 301, "location": server.url("/new") },
        ])
    );
    assert_eq!(report["site"]["broken_links"], serde_json::json!([]));
}

#[test]
fn redirect_loop_is_a_broken_link() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/loop-a"])),
        "/loop-a" => redirect(301, "/loop-b"),
        "/loop-b" => redirect(302, "/loop-a"),
        "/self" => redirect(301, "/self"),
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    let broken =
        site_entry(&report, "broken_links", &server.url("/loop-a")).expect("the loop is reported");
    assert_eq!(broken["kind"], "redirect-loop");
    assert_eq!(strings(&broken["referrers"]), [server.url("/")]);
    let error = broken["error"].as_str().unwrap();
    assert!(
        error.contains("/loop-a → ") && error.contains("/loop-b"),
        "{error}"
    );
    assert_eq!(server.count("/loop-a"), 1);
    assert_eq!(server.count("/loop-b"), 1);
}

#[test]
fn long_redirect_chains_are_cut() {
    let server = Server::start(route(|seen, _| {
        let target = seen.target.as_str();
        if target == "/" {
            return html(page("Home", &["/r/0"]));
        }
        match target
            .strip_prefix("/r/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(n) => redirect(302, &format!("/r/{}", n + 1)),
            None => not_found(),
        }
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    let broken = report["site"]["broken_links"].as_array().unwrap();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0]["kind"], "too-many-redirects");
    assert_eq!(
        strings(&broken[0]["referrers"]),
        [server.url("/")],
        "links to the chain's start count"
    );
    assert!(
        server.requests().len() <= 14,
        "{} requests",
        server.requests().len()
    );
}

#[test]
fn missing_page_is_listed_with_every_page_that_links_to_it() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/a", "/b", "/missing"])),
        "/a" => html(page("A", &["/missing", "/gone-server"])),
        "/b" => html(page("B", &["/"])),
        "/gone-server" => respond(500, "text/plain", "oops"),
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    let missing = site_entry(&report, "broken_links", &server.url("/missing")).unwrap();
    assert_eq!(missing["status"], 404);
    assert_eq!(missing["kind"], "http");
    assert_eq!(missing["error"], "HTTP 404 Not Found");
    assert_eq!(missing["external"], false);
    assert_eq!(
        strings(&missing["referrers"]),
        [server.url("/"), server.url("/a")]
    );
    assert_eq!(missing["referrer_count"], 2);
    let error = site_entry(&report, "broken_links", &server.url("/gone-server")).unwrap();
    assert_eq!(error["status"], 500);
    assert_eq!(
        page_urls(&report).len(),
        3,
        "error pages are not audited as pages"
    );

    let text = crawl(&[&server.url("/"), "--rate", "0"]).stdout();
    assert!(text.contains("Broken links (2)\n"), "{text}");
    assert!(
        text.contains(&format!(
            "  {}  HTTP 404 Not Found\n      linked from: {}, {}\n",
            server.url("/missing"),
            server.url("/"),
            server.url("/a")
        )),
        "{text}"
    );
}

#[test]
fn slow_drip_times_out_in_bounded_time() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/drip"])),
        "/drip" => {
            // Headers at once, then one byte every 200 ms, for ever (until hung up on).
            let drip = stream::unfold(0u64, |n| async move {
                tokio::time::sleep(Duration::from_millis(200)).await;
                Some((
                    Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"<")),
                    n + 1,
                ))
            });
            Response::builder()
                .header(header::CONTENT_TYPE, "text/html")
                .body(Body::from_stream(drip))
                .unwrap()
        }
        _ => not_found(),
    }));
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--timeout",
        "1",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.elapsed < Duration::from_secs(15),
        "took {:?}",
        run.elapsed
    );
    let report = run.json();
    let drip =
        site_entry(&report, "broken_links", &server.url("/drip")).expect("the drip is reported");
    assert_eq!(drip["kind"], "timeout");
    assert_eq!(drip["error"], "no complete answer within 1 s");
    assert_eq!(strings(&drip["referrers"]), [server.url("/")]);
}

fn maze() -> Server {
    Server::start(route(|seen, _| {
        let n: u64 = match seen.target.as_str() {
            "/" => 0,
            t => match t.strip_prefix("/a/").and_then(|n| n.parse().ok()) {
                Some(n) => n,
                None => return not_found(),
            },
        };
        let next = [format!("/a/{}", n + 1), format!("/a/{}", n * 2 + 7)];
        html(page(&format!("Room {n}"), &[&next[0], &next[1]]))
    }))
}

#[test]
fn endless_maze_is_bounded_by_max_pages() {
    let server = maze();
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--max-pages",
        "25",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    assert_eq!(report["pages"].as_array().unwrap().len(), 25);
    let limits = &report["site"]["limits"];
    assert_eq!(limits["max_pages_reached"], true);
    assert!(limits["not_crawled"]["max_pages"].as_u64().unwrap() > 0);
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.target.starts_with("/a/"))
            .count(),
        24
    );
}

#[test]
fn endless_maze_is_bounded_by_max_depth() {
    let server = maze();
    let run = crawl(&[
        &server.url("/"),
        "--rate",
        "0",
        "--format",
        "json",
        "--max-depth",
        "3",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let report = run.json();
    // Depth 0: /, 1: /a/1 /a/7, 2: /a/2 /a/9 /a/8 /a/21, 3: eight more (two coincide).
    let pages = page_urls(&report);
    assert!(pages.len() <= 15 && pages.len() >= 10, "{pages:?}");
    assert_eq!(report["site"]["limits"]["max_pages_reached"], false);
    assert!(
        report["site"]["limits"]["not_crawled"]["max_depth"]
            .as_u64()
            .unwrap()
            > 0
    );
}

/// 1 GiB of HTML, produced 64 KiB at a time as the client reads: never in memory.
fn gigabyte_stream() -> Body {
    const CHUNK: usize = 64 * 1024;
    let chunk = axum::body::Bytes::from(vec![b'a'; CHUNK]);
    let head =
        axum::body::Bytes::from_static(b"<!doctype html><html lang=en><title>Huge</title><p>");
    let chunks = (0..(1usize << 30) / CHUNK)
        .map(move |i| Ok::<_, std::io::Error>(if i == 0 { head.clone() } else { chunk.clone() }));
    Body::from_stream(stream::iter(chunks))
}

#[test]
fn one_gigabyte_page_is_reported_too_large() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/huge", "/huge-announced"])),
        // No Content-Length: the cap must hold while reading.
        "/huge" => Response::builder()
            .header(header::CONTENT_TYPE, "text/html")
            .body(gigabyte_stream())
            .unwrap(),
        // Announced: refused before reading.
        "/huge-announced" => Response::builder()
            .header(header::CONTENT_TYPE, "text/html")
            .header(header::CONTENT_LENGTH, 1u64 << 30)
            .body(gigabyte_stream())
            .unwrap(),
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.elapsed < Duration::from_secs(30),
        "took {:?}",
        run.elapsed
    );
    if let Some(peak) = run.peak_rss_mb {
        assert!(peak < 150.0, "peak RSS {peak:.0} MB");
    }
    let report = run.json();
    for path in ["/huge", "/huge-announced"] {
        let entry =
            site_entry(&report, "not_audited", &server.url(path)).expect("listed as not audited");
        assert_eq!(entry["reason"], "too-large", "{entry}");
        assert_eq!(
            entry["message"],
            "the page is larger than 10 MB, the most frontdesk reads"
        );
        assert_eq!(strings(&entry["referrers"]), [server.url("/")]);
    }
    assert_eq!(page_urls(&report), [server.url("/")]);
}

#[test]
fn gzip_bomb_is_reported_too_large() {
    // 200 MB of markup compresses to a few hundred KB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"<!doctype html><html lang=en><title>Bomb</title><p>")
        .unwrap();
    let block = vec![b'a'; 1024 * 1024];
    for _ in 0..200 {
        gz.write_all(&block).unwrap();
    }
    let bomb = axum::body::Bytes::from(gz.finish().unwrap());
    assert!(bomb.len() < 1024 * 1024, "{} bytes compressed", bomb.len());
    let server = Server::start(route(move |seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/bomb"])),
        "/bomb" => Response::builder()
            .header(header::CONTENT_TYPE, "text/html")
            .header(header::CONTENT_ENCODING, "gzip")
            .body(Body::from(bomb.clone()))
            .unwrap(),
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    if let Some(peak) = run.peak_rss_mb {
        assert!(peak < 150.0, "peak RSS {peak:.0} MB");
    }
    let report = run.json();
    let entry =
        site_entry(&report, "not_audited", &server.url("/bomb")).expect("listed as not audited");
    assert_eq!(entry["reason"], "too-large");
}

#[test]
fn html_served_as_an_image_is_a_document_not_a_page() {
    let server = Server::start(route(|seen, _| match seen.target.as_str() {
        "/" => html(page("Home", &["/fake.png", "/untyped"])),
        "/fake.png" => respond(
            200,
            "image/png",
            "<!doctype html><html><title>Not an image</title><img src=x>",
        ),
        // No Content-Type at all: sniffed, and this one is markup.
        "/untyped" => Response::builder()
            .body(Body::from(
                "<!doctype html><html lang=en><title>Untyped</title><img src=x></html>",
            ))
            .unwrap(),
        _ => not_found(),
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(
        run.code(),
        1,
        "the untyped page fails image-has-name; {}",
        run.stderr()
    );
    let report = run.json();
    let fake =
        site_entry(&report, "documents", &server.url("/fake.png")).expect("listed as a document");
    assert_eq!(fake["content_type"], "image/png");
    assert!(
        page_of(&report, &server.url("/fake.png")).is_none(),
        "never audited"
    );
    let untyped = page_of(&report, &server.url("/untyped")).expect("sniffed as HTML");
    assert_eq!(untyped["content_type"], serde_json::Value::Null);
}

#[test]
fn broken_encoding_is_still_audited() {
    let server = Server::start(route(|seen, _| {
        match seen.target.as_str() {
        "/" => html(page("Home", &["/broken"])),
        "/broken" => respond(
            200,
            "text/html; charset=utf-8",
            b"<!doctype html><html lang=en><title>Council \xFF\xFE tax</title><img src=x.png><p>\xC3</p></html>"
                .to_vec(),
        ),
        "/latin1" => respond(200, "text/html", b"<meta charset=windows-1252><title>\xA3 rates</title>".to_vec()),
        _ => not_found(),
    }
    }));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let report = run.json();
    let broken = page_of(&report, &server.url("/broken")).expect("audited despite invalid UTF-8");
    assert_eq!(broken["title"], "Council \u{FFFD}\u{FFFD} tax");
    assert!(
        broken["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "image-has-name"),
        "{broken}"
    );
}

#[test]
fn unreachable_start_url_exits_2_with_one_line() {
    // A port that was free a moment ago: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/");
    let run = crawl(&[&url, "--format", "json"]);
    assert_eq!(run.code(), 2);
    assert!(run.output.stdout.is_empty(), "no report: {}", run.stdout());
    let err = run.stderr();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("frontdesk: cannot reach '{url}': ")),
        "{err}"
    );
}

#[test]
fn start_page_that_fails_exits_2_after_the_report() {
    let server = Server::start(route(|_, _| not_found()));
    let run = crawl(&[&server.url("/"), "--rate", "0", "--format", "json"]);
    assert_eq!(run.code(), 2);
    assert_eq!(
        run.stderr().trim(),
        format!(
            "frontdesk: no page could be audited: '{}': HTTP 404 Not Found",
            server.url("/")
        )
    );
    let report = run.json();
    assert_eq!(report["pages"], serde_json::json!([]));
    assert!(site_entry(&report, "broken_links", &server.url("/")).is_some());
}

#[test]
fn usage_errors_exit_2() {
    for (args, message) in [
        (
            vec!["ftp://council.example/"],
            "unsupported URL scheme 'ftp:'",
        ),
        (vec!["http:///"], "invalid URL"),
        (vec!["no/such/folder"], "no such folder"),
        (
            vec!["http://127.0.0.1:9/", "--include", "/a["],
            "invalid --include glob '/a['",
        ),
    ] {
        let run = crawl(&args);
        assert_eq!(run.code(), 2, "{args:?}");
        assert!(run.stderr().contains(message), "{args:?}: {}", run.stderr());
        assert!(run.output.stdout.is_empty());
    }
    for args in [
        ["http://x.example/", "--rate", "-1"],
        ["http://x.example/", "--timeout", "0"],
    ] {
        assert_eq!(crawl(&args).code(), 2, "{args:?}");
    }
}

#[test]
fn refuses_to_overwrite_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("report.json");
    std::fs::write(&existing, "precious").unwrap();
    let site = demo_dir();
    let run = crawl(&[site.to_str().unwrap(), "-o", existing.to_str().unwrap()]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");

    let run = crawl(&[
        site.to_str().unwrap(),
        "-o",
        existing.to_str().unwrap(),
        "--force",
        "--format",
        "json",
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&existing).unwrap()).unwrap();
    assert_eq!(written["site"]["pages_crawled"], 11);
}

#[test]
fn interrupt_writes_a_partial_report_and_exits_2() {
    use std::process::{Command, Stdio};
    // Every page is slow, so the crawl is still running when interrupted.
    let server = Server::start(route(|seen, _| {
        std::thread::sleep(Duration::from_millis(300));
        let n: u64 = seen.target.trim_start_matches("/p").parse().unwrap_or(0);
        html(page(
            &format!("Page {n}"),
            &[&format!("/p{}", n + 1), &format!("/p{}", n + 2)],
        ))
    }));
    let child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(["crawl", &server.url("/"), "--rate", "0", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = std::time::Instant::now();
    let output = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "stopped promptly"
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interrupted"), "{stderr}");
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("a partial report");
    assert_eq!(report["site"]["interrupted"], true);
    assert!(!report["pages"].as_array().unwrap().is_empty());
}
