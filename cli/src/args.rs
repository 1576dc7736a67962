//! The command line, declared with clap's derive API.
//!
//! clap exits with status 2 on usage errors (unknown flag, missing argument), which is the
//! same code frontdesk uses for input errors: scripts only need to tell "the site fails"
//! (1) from "the check itself did not run properly" (2).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  no page has a failed finding at WCAG level A or AA
  1  at least one page has a failed finding at WCAG level A or AA
  2  usage error, or an input could not be read or fetched
     (pages that could be read are still reported)";

/// Accessibility checker for UK council websites.
#[derive(Debug, Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "Accessibility checker for UK council websites",
    long_about = "frontdesk checks web pages against WCAG 2.2 rules (based on the W3C ACT rules) \
                  and reports what blocks people from using a council's online services: \
                  images and buttons with no name, unlabelled form fields, pages that stop \
                  zooming, invalid languages and more.\n\n\
                  Check local HTML files, whole folders of them, or live pages by URL.",
    after_long_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check HTML files, folders of HTML files, or web pages (http/https URLs).
    #[command(
        long_about = "Check HTML files, folders of HTML files, or web pages.\n\n\
                      A FILE is read from disk. A folder is searched recursively for *.html \
                      and *.htm files, checked in path order. A URL (http:// or https://) is \
                      fetched with one GET request (30 s timeout, redirects followed, at most \
                      10 MB); a page answered with an error status such as 404 is still \
                      checked, and its status is shown in the report.",
        after_long_help = EXIT_CODES
    )]
    Check(CheckArgs),

    /// List every rule frontdesk checks, with its WCAG success criteria and documentation.
    Rules(RulesArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// HTML files, folders, or http(s) URLs to check.
    #[arg(value_name = "FILE|URL", required = true)]
    pub inputs: Vec<String>,

    /// Report format: `text` for people, `json` for tools (report schema v1).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the report to FILE instead of standard output. An existing file is never
    /// replaced unless --force is given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Allow --output to replace an existing file.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Listing format: `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable on a terminal.
    Text,
    /// Machine-readable JSON.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
