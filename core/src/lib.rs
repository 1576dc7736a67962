//! # frontdesk-core
//!
//! The audit engine behind frontdesk: it parses one HTML page ([`html`]), runs its inline
//! scripts as far as they can be followed ([`script`]), computes the cascade ([`style`]),
//! builds a document model (roles, accessible names, visibility, focus, styles — computed
//! once per page; [`model`]), runs the WCAG [`rules`] over it and returns a [`PageReport`]
//! of findings, which a [`Report`] carries. It does no I/O, so the same engine runs in the
//! command-line tool, in a crawler and in the browser (wasm32).
//!
//! ```
//! use frontdesk_core::{audit, Options, Outcome};
//!
//! let html = r#"<!doctype html><html lang="en"><title>Bins</title>
//!               <img src="bin.png"></html>"#;
//! let report = audit(html, "https://council.example/bins", &Options::default());
//! assert_eq!(report.title.as_deref(), Some("Bins"));
//! // WCAG A/AA failures (best-practice rules such as page-has-h1 report too, but never fail).
//! let failed: Vec<_> = report.failed_a_aa().collect();
//! assert_eq!(failed.len(), 1);
//! assert_eq!(failed[0].rule, "image-has-name");
//! assert_eq!(failed[0].outcome, Outcome::Failed);
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

// The stages; data flows html → script → style → model → rules → audit → report, and
// none uses a later one (tests/layering.rs checks).
mod audit;
pub mod html;
pub mod model;
pub mod report;
pub mod rules;
pub mod script;
pub mod style;

// Beside the stages: the crawler's logic, which reads the model's links; the services
// analysis and the scores, which read the model and the audit's findings (the report carries
// their results).
pub mod crawl;
pub mod score;
pub mod services;

mod short_hash;
mod url_glob;
pub mod urls;

pub use audit::{
    audit, audit_document, audit_snapshot, audit_with_loader, parse_document,
    parse_document_with_loader, parse_snapshot, Options,
};
pub use audit::{BaselineState, Finding, PageReport, RulesRun};
pub use report::{Gate, Page, Report, ToolInfo, SCHEMA_VERSION};
pub use rules::{registry, Rule, RuleMeta};
pub use rules::{Impact, Level, Outcome};
pub use style::{import_urls, stylesheet_urls, NoLoader, ResourceLoader};
