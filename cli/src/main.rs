//! `frontdesk`: the command-line front end of the frontdesk accessibility checker.
//!
//! Stages: [`args`] parses the command line, [`input`] turns arguments into pages (files,
//! folders, URLs via [`fetch`], bytes decoded by [`decode`]), `frontdesk_core::audit` checks
//! each page, the engine's `report` module renders the report and decides the exit gate,
//! and [`output`] writes it. [`rules`] lists the rules.
//! [`crawl`] audits a whole site (HTTP or a local folder).

mod args;
mod crawl;
mod decode;
mod fetch;
mod input;
mod output;
mod rules;
mod sheets;

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use clap::Parser;
use frontdesk_core::report::{self, Gate, Report};
use frontdesk_core::{audit_with_loader, Options, PageReport};

use args::{CheckArgs, Cli, Command, Format, RulesArgs};
use output::Destination;

/// No page fails WCAG A/AA.
const EXIT_PASS: u8 = 0;
/// Some page has a failed finding at WCAG level A or AA.
const EXIT_FAIL: u8 = 1;
/// Usage or input error (the same code clap uses for usage errors).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Crawl(args) => crawl::run(args),
        Command::Rules(args) => list_rules(args),
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("frontdesk: {message}");
}

fn check(args: CheckArgs) -> u8 {
    let dest = match args.output {
        Some(path) => Destination::File {
            path,
            force: args.force,
        },
        None => Destination::Stdout,
    };
    if let Err(message) = output::check_destination(&dest) {
        error(message);
        return EXIT_ERROR;
    }

    // Each input is loaded and audited in turn, and its HTML dropped before the next, so
    // memory stays at one page whatever the number of inputs. A bad input is reported
    // and skipped: the others are still checked.
    let mut fetcher = fetch::Fetcher::new();
    let sheets = sheets::Sheets::default();
    let mut pages: Vec<PageReport> = Vec::new();
    let mut input_errors = false;
    for arg in &args.inputs {
        let sources = match input::expand(arg) {
            Ok(sources) => sources,
            Err(e) => {
                error(e);
                input_errors = true;
                continue;
            }
        };
        for source in &sources {
            match input::load(source, &mut fetcher) {
                Ok(page) => {
                    let options = match page.status {
                        Some(status) => Options::default().with_status(status),
                        None => Options::default(),
                    };
                    // The engine promises never to panic; if a bug breaks that promise on
                    // one page, the other pages' results are still worth reporting.
                    let audited = panic::catch_unwind(AssertUnwindSafe(|| {
                        audit_with_loader(&page.html, &page.url, &options, &sheets)
                    }));
                    match audited {
                        Ok(report) => pages.push(report),
                        Err(_) => {
                            error(format_args!(
                                "internal error while checking '{}' (a frontdesk bug: please report it)",
                                page.url
                            ));
                            input_errors = true;
                        }
                    }
                }
                Err(e) => {
                    error(e);
                    input_errors = true;
                }
            }
        }
    }

    // Nothing could be read: there is no report to give, only the errors above.
    if pages.is_empty() {
        return EXIT_ERROR;
    }

    let report = Report::new(pages);
    let rendered = report::render(args.format.into(), &report, dest.text_style());
    if let Err(message) = output::write(&dest, &rendered) {
        error(message);
        return EXIT_ERROR;
    }

    if input_errors {
        EXIT_ERROR
    } else if report.gate() == Gate::Fail {
        EXIT_FAIL
    } else {
        EXIT_PASS
    }
}

fn list_rules(args: RulesArgs) -> u8 {
    let rendered = match args.format {
        Format::Text => rules::render_text(),
        Format::Json => rules::render_json(),
        other => {
            error(format_args!(
                "rules lists in text or json only, not {}",
                frontdesk_core::report::Format::from(other).name()
            ));
            return EXIT_ERROR;
        }
    };
    match output::write(&Destination::Stdout, &rendered) {
        Ok(()) => EXIT_PASS,
        Err(message) => {
            error(message);
            EXIT_ERROR
        }
    }
}
