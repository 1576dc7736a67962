//! `frontdesk check URL` against a real HTTP server on 127.0.0.1 (no mocks): one tiny
//! HTTP/1.1 server thread per test, answering fixed responses by path.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

use common::*;

struct Reply {
    status: &'static str,
    headers: Vec<String>,
    body: Vec<u8>,
}

fn reply(status: &'static str, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: vec![format!("Content-Type: {content_type}")],
        body: body.into(),
    }
}

/// Serves `route(path)` to every connection until the test process ends; records the
/// request lines and user agents it saw. Returns the base URL.
fn serve(route: fn(&str) -> Reply) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            // Errors here mean the client hung up (e.g. after a too-large body): fine.
            let _ = answer(stream, route, &log);
        }
    });
    (base, seen)
}

fn answer(
    mut stream: TcpStream,
    route: fn(&str) -> Reply,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
        if let Some(ua) = header
            .strip_prefix("user-agent: ")
            .or_else(|| header.strip_prefix("User-Agent: "))
        {
            log.lock().unwrap().push(format!("UA {}", ua.trim()));
        }
    }
    log.lock().unwrap().push(request_line.trim().to_string());
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let reply = route(&path);
    let mut head = format!("HTTP/1.1 {}\r\nConnection: close\r\n", reply.status);
    for h in &reply.headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    if !reply
        .headers
        .iter()
        .any(|h| h.starts_with("Content-Length") || h.starts_with("X-No-Length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&reply.body)?;
    stream.flush()
}

fn routes(path: &str) -> Reply {
    match path {
        "/bins.html" => reply("200 OK", "text/html; charset=utf-8", FAILING_PAGE),
        "/clean.html" => reply("200 OK", "text/html", CLEAN_PAGE),
        "/styled.html" => reply(
            "200 OK",
            "text/html",
            r#"<html lang="en"><head><title>Styled</title>
            <link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/missing.css">
            </head><body><p class="faint">Bins are collected on Tuesdays.</p></body></html>"#,
        ),
        "/css/site.css" => reply(
            "200 OK",
            "text/css",
            ".faint { color: #aaaaaa; background: #ffffff }",
        ),
        "/gone" => reply("404 Not Found", "text/html; charset=utf-8", FAILING_PAGE),
        "/report.pdf" => reply("200 OK", "application/pdf", "%PDF-1.4\n%%EOF\n"),
        "/old-bins" => Reply {
            status: "301 Moved Permanently",
            headers: vec![
                "Location: /bins.html".into(),
                "Content-Type: text/html".into(),
            ],
            body: Vec::new(),
        },
        "/rates" => reply(
            "200 OK",
            "text/html; charset=windows-1252",
            b"<html lang=en><title>\xA3 rates</title></html>".to_vec(),
        ),
        "/huge" => Reply {
            // No Content-Length: the cap must hold while reading, not only up front.
            status: "200 OK",
            headers: vec!["Content-Type: text/html".into(), "X-No-Length: 1".into()],
            body: {
                let mut body = b"<html lang=en><title>Huge</title><body>".to_vec();
                body.resize(11 * 1024 * 1024, b'a');
                body
            },
        },
        "/huge-announced" => Reply {
            status: "200 OK",
            headers: vec![
                "Content-Type: text/html".into(),
                format!("Content-Length: {}", 50 * 1024 * 1024),
            ],
            body: b"<html>".to_vec(),
        },
        _ => reply("500 Internal Server Error", "text/plain", "unexpected path"),
    }
}

#[test]
fn page_is_fetched_once_and_audited_with_status_200() {
    let (base, seen) = serve(routes);
    let url = format!("{base}/bins.html");
    let output = run(&["check", "--format", "json", &url]);
    assert_eq!(code(&output), 1, "stderr: {}", stderr(&output));
    let report = json(&output);
    let page = &report["pages"][0];
    assert_eq!(page["url"], url);
    assert_eq!(page["status"], 200);
    assert_eq!(page["title"], "Recycling - Example Council");
    assert_eq!(
        failed(page)
            .iter()
            .map(|f| f.0.as_str())
            .collect::<Vec<_>>(),
        ["image-has-name"]
    );

    let seen = seen.lock().unwrap().clone();
    let requests: Vec<_> = seen.iter().filter(|l| !l.starts_with("UA ")).collect();
    assert_eq!(requests, ["GET /bins.html HTTP/1.1"], "exactly one GET");
    let ua = format!(
        "UA frontdesk/{} (+accessibility checker)",
        env!("CARGO_PKG_VERSION")
    );
    assert!(seen.contains(&ua), "{seen:?}");
}

#[test]
fn linked_style_sheets_are_fetched_and_applied() {
    let (base, seen) = serve(routes);
    let url = format!("{base}/styled.html");
    let output = run(&["check", "--format", "json", &url]);
    assert_eq!(code(&output), 1, "stderr: {}", stderr(&output));
    let report = json(&output);
    let failures = failed(&report["pages"][0]);
    // #aaaaaa on white is 2.32:1, below 4.5:1: only visible through the linked sheet.
    assert!(
        failures.iter().any(|f| f.0 == "text-contrast-minimum"),
        "{failures:?}"
    );
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.contains(&"GET /css/site.css HTTP/1.1".to_string()),
        "{seen:?}"
    );
    // The missing sheet (answered 500 here) is skipped, not fatal.
    assert!(
        seen.contains(&"GET /css/missing.css HTTP/1.1".to_string()),
        "{seen:?}"
    );
}

#[test]
fn clean_page_over_http_exits_0() {
    let (base, _) = serve(routes);
    let output = run(&["check", &format!("{base}/clean.html")]);
    assert_eq!(
        code(&output),
        0,
        "stdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output)
            .lines()
            .next()
            .unwrap()
            .contains("  [HTTP 200, accessibility "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn not_found_page_is_still_audited_and_its_status_recorded() {
    let (base, _) = serve(routes);
    let output = run(&["check", "--format", "json", &format!("{base}/gone")]);
    assert_eq!(
        code(&output),
        1,
        "the 404 page's own failure counts: {}",
        stderr(&output)
    );
    let page = &json(&output)["pages"][0];
    assert_eq!(page["status"], 404);
    assert_eq!(failed(page).len(), 1);

    let text = stdout(&run(&["check", &format!("{base}/gone")]));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("  [HTTP 404, accessibility "),
        "{text}"
    );
}

#[test]
fn redirects_are_followed_and_the_final_url_reported() {
    let (base, _) = serve(routes);
    let output = run(&["check", "--format", "json", &format!("{base}/old-bins")]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let page = &json(&output)["pages"][0];
    assert_eq!(page["url"], format!("{base}/bins.html"));
    assert_eq!(page["status"], 200);
}

#[test]
fn http_charset_is_honoured() {
    let (base, _) = serve(routes);
    let output = run(&["check", "--format", "json", &format!("{base}/rates")]);
    assert!(code(&output) <= 1, "{}", stderr(&output));
    assert_eq!(json(&output)["pages"][0]["title"], "£ rates");
}

#[test]
fn non_html_content_type_exits_2_with_a_clear_line() {
    let (base, _) = serve(routes);
    let url = format!("{base}/report.pdf");
    let output = run(&["check", &url]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("frontdesk: cannot fetch '{url}': ")),
        "{err}"
    );
    assert!(
        err.contains("application/pdf") && err.contains("not an HTML page"),
        "{err}"
    );
}

#[test]
fn too_large_bodies_exit_2() {
    let (base, _) = serve(routes);
    for path in ["/huge", "/huge-announced"] {
        let url = format!("{base}{path}");
        let output = run(&["check", &url]);
        assert_eq!(code(&output), 2, "{path}: {}", stdout(&output));
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&url) && err.contains("larger than 10 MB"),
            "{err}"
        );
    }
}

#[test]
fn connection_refused_exits_2() {
    // Bind, note the port, close: nothing listens there any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let output = run(&["check", &url]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("frontdesk: cannot fetch '{url}': ")),
        "{err}"
    );
    assert!(err.to_lowercase().contains("refused"), "says why: {err}");
}

#[test]
fn files_and_urls_mix_in_one_report() {
    let (base, _) = serve(routes);
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "clean.html", CLEAN_PAGE);
    let output = run(&[
        "check",
        "--format",
        "json",
        path_str(&page),
        &format!("{base}/clean.html"),
        &format!("{base}/report.pdf"),
    ]);
    assert_eq!(code(&output), 2, "one input failed");
    let report = json(&output);
    let pages = report["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0]["status"], serde_json::Value::Null);
    assert_eq!(pages[1]["status"], 200);
}
