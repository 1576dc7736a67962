//! Shared by the `crawl_*` tests: a real HTTP server (axum on 127.0.0.1, port 0) inside the
//! test process, a request log, the demo site as static files, and a way to run the real
//! `frontdesk` binary with a deadline while watching its peak memory.
#![allow(dead_code)] // each test binary uses a different subset

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Response, StatusCode};

/// One request the server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query, as requested.
    pub target: String,
    pub user_agent: String,
    pub at: Instant,
}

pub type Route = Arc<dyn Fn(&Seen, &HeaderMap) -> Response<Body> + Send + Sync>;

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serves `route` on a fresh port until the test process ends.
    pub fn start(route: Route) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let app_log = Arc::clone(&log);
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
                    let route = Arc::clone(&route);
                    let log = Arc::clone(&app_log);
                    async move {
                        let seen = Seen {
                            method: req.method().to_string(),
                            target: req
                                .uri()
                                .path_and_query()
                                .map(|p| p.to_string())
                                .unwrap_or_else(|| "/".into()),
                            user_agent: req
                                .headers()
                                .get(header::USER_AGENT)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("")
                                .to_string(),
                            at: Instant::now(),
                        };
                        log.lock().unwrap().push(seen.clone());
                        let mut response = route(&seen, req.headers());
                        if req.method() == Method::HEAD {
                            *response.body_mut() = Body::empty();
                        }
                        response
                    }
                });
                axum::serve(listener, app).await.unwrap();
            });
        });
        Server { base, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }

    /// How many requests (any method) asked for this path and query.
    pub fn count(&self, target: &str) -> usize {
        self.requests()
            .iter()
            .filter(|s| s.target == target)
            .count()
    }
}

pub fn route(f: impl Fn(&Seen, &HeaderMap) -> Response<Body> + Send + Sync + 'static) -> Route {
    Arc::new(f)
}

pub fn respond(status: u16, content_type: &str, body: impl Into<Body>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

pub fn html(body: impl Into<String>) -> Response<Body> {
    respond(200, "text/html; charset=utf-8", body.into())
}

pub fn redirect(status: u16, location: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(header::LOCATION, location)
        .body(Body::empty())
        .unwrap()
}

pub fn not_found() -> Response<Body> {
    respond(
        404,
        "text/html",
        "<html lang=en><title>Not found</title><h1>Not found</h1></html>",
    )
}

/// A clean, small page linking to `links`.
pub fn page(title: &str, links: &[&str]) -> String {
    let mut html = format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1><ul>"
    );
    for link in links {
        html.push_str(&format!("<li><a href=\"{link}\">{link}</a></li>"));
    }
    html.push_str("</ul></main></body></html>");
    html
}

pub fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../test-sites/demo-council")
        .canonicalize()
        .expect("demo site exists")
}

/// Serves a folder the way a plain web server does: `dir/` is `dir/index.html`, a folder
/// without its slash redirects to it, types by extension, 404 otherwise.
pub fn static_files(root: PathBuf) -> Route {
    route(move |seen, _| {
        let path = seen.target.split('?').next().unwrap_or("/");
        if path.split('/').any(|s| s == "..") {
            return not_found();
        }
        let mut file = root.join(path.trim_start_matches('/'));
        if file.is_dir() {
            if !path.ends_with('/') {
                return redirect(301, &format!("{path}/"));
            }
            file = file.join("index.html");
        }
        match std::fs::read(&file) {
            Ok(bytes) => respond(200, type_for(&file), bytes),
            Err(_) => not_found(),
        }
    })
}

fn type_for(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// What a run of the binary gave.
pub struct Run {
    pub output: Output,
    pub elapsed: Duration,
    /// Peak resident memory (VmHWM) of the frontdesk process, in MB, when readable.
    pub peak_rss_mb: Option<f64>,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or_else(|| {
            panic!(
                "frontdesk was killed by a signal; stderr: {}",
                self.stderr()
            )
        })
    }

    pub fn stdout(&self) -> String {
        String::from_utf8(self.output.stdout.clone()).expect("stdout is UTF-8")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}): {}\nstderr: {}",
                self.stdout(),
                self.stderr()
            )
        })
    }
}

/// Runs `frontdesk ARGS` and fails the test if it takes longer than `deadline` (the process
/// is killed first, so a hang cannot hang the test suite).
pub fn run_with_deadline(args: &[&str], deadline: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the frontdesk binary runs");
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let mut peak = None;
    let status = loop {
        if let Some(rss) = peak_rss_mb(&child) {
            peak = Some(rss);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "frontdesk {args:?} did not finish within {deadline:?} (killed); stderr so far: {}",
                String::from_utf8_lossy(&stderr.join().unwrap())
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        output: Output {
            status,
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        },
        elapsed: started.elapsed(),
        peak_rss_mb: peak,
    }
}

pub fn crawl(args: &[&str]) -> Run {
    let mut all = vec!["crawl"];
    all.extend_from_slice(args);
    run_with_deadline(&all, Duration::from_secs(120))
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn peak_rss_mb(child: &Child) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The page of a report with this URL.
pub fn page_of<'a>(report: &'a serde_json::Value, url: &str) -> Option<&'a serde_json::Value> {
    report["pages"].as_array()?.iter().find(|p| p["url"] == url)
}

pub fn page_urls(report: &serde_json::Value) -> Vec<String> {
    report["pages"]
        .as_array()
        .expect("pages array")
        .iter()
        .map(|p| p["url"].as_str().unwrap().to_string())
        .collect()
}

/// The entry of a `site` list (`broken_links`, `documents`, …) with this URL.
pub fn site_entry<'a>(
    report: &'a serde_json::Value,
    list: &str,
    url: &str,
) -> Option<&'a serde_json::Value> {
    report["site"][list]
        .as_array()?
        .iter()
        .find(|e| e["url"] == url)
}

pub fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

pub fn status_code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}
