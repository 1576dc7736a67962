//! `frontdesk.toml` (docs/config.md) and the command line together: the file's options
//! sit under the flags (a flag given on the command line always wins), its `[[output]]`
//! tables and the `--format`/`--output` pairs become the report's targets, and its
//! `[[ignore]]` entries are checked and handed to the engine (`report::IgnoreList`).
//!
//! The file's option keys are the long flags of `check` and `crawl` with `_` for `-`, read
//! from clap's own description of the commands: a flag added to either command is a key
//! the next moment, with clap's own checks of its values (the gate flags too). A value
//! from the file is turned into the flag it stands for and put on the command line before
//! the user's own flags, so there is one parser and one set of rules for both.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Command, CommandFactory, FromArgMatches};
use frontdesk_core::report::{Format, IgnoreList, IgnoreRule};
use frontdesk_core::services::statement::Date;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::args::{Cli, Command as Sub};
use crate::output::{Destination, Target};
use crate::{error, EXIT_ERROR};

/// The file looked for in the working folder and above.
pub const FILE_NAME: &str = "frontdesk.toml";

/// The commands whose options the file holds.
const COMMANDS: &[&str] = &["check", "crawl"];

/// The command line, with the config file's options, targets and ignores. Errors are
/// printed; the `Err` is the exit code.
pub fn parse() -> Result<Cli, u8> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    parse_from(std::env::args_os().collect(), &cwd)
}

/// Exits on a command-line error as every other input error does: one line on standard
/// error, `frontdesk: …`, exit 2. Help and version go out as clap writes them.
fn usage_exit(e: clap::Error) -> ! {
    // `frontdesk` alone prints the help (on stderr, exit 2): that is not a one-liner.
    if !e.use_stderr()
        || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    {
        e.exit();
    }
    eprintln!("frontdesk: {}", one_line(&e.render().to_string()));
    std::process::exit(i32::from(crate::EXIT_ERROR));
}

/// clap's error text on one line: the message and its details (possible values, tip),
/// without the usage block and the "For more information" pointer to `--help`.
fn one_line(rendered: &str) -> String {
    let mut line = String::new();
    for part in rendered.lines().map(str::trim) {
        if part.is_empty() || part.starts_with("For more information") {
            continue;
        }
        if part.starts_with("Usage:") {
            break;
        }
        let part = part.strip_prefix("error: ").unwrap_or(part);
        if !line.is_empty() {
            line.push_str(if part.starts_with('[') || line.ends_with(':') {
                " "
            } else {
                "; "
            });
        }
        line.push_str(part);
    }
    line
}

fn parse_from(argv: Vec<OsString>, cwd: &Path) -> Result<Cli, u8> {
    let matches = Cli::command()
        .try_get_matches_from(&argv)
        .unwrap_or_else(|e| usage_exit(e));
    let sub_name = matches.subcommand_name().unwrap_or("");
    if !COMMANDS.contains(&sub_name) {
        return Ok(Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_exit(e)));
    }
    let user = matches
        .subcommand_matches(sub_name)
        .expect("the subcommand just named");

    let file = match user.get_one::<PathBuf>("config") {
        Some(path) => Some(path.clone()),
        None => discover(cwd),
    };
    let config = match &file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                error(format_args!(
                    "cannot read the config file '{}': {e}",
                    path.display()
                ));
                EXIT_ERROR
            })?;
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            read(&text, &dir).map_err(|problems| {
                for (line, message) in problems {
                    error(format_args!("{} line {line}: {message}", path.display()));
                }
                EXIT_ERROR
            })?
        }
        None => Config::default(),
    };

    // The file's options go right after the subcommand's name (before a `--`, if any),
    // except those the user gave on the command line.
    let mut merged: Vec<OsString> = argv[..2.min(argv.len())].to_vec();
    for (id, tokens) in config.options_for(sub_name) {
        if user.value_source(id) != Some(ValueSource::CommandLine) {
            merged.extend(tokens.iter().map(OsString::from));
        }
    }
    merged.extend(argv.iter().skip(2).cloned());
    let matches = Cli::command()
        .try_get_matches_from(&merged)
        .unwrap_or_else(|e| usage_exit(e));
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_exit(e));
    let final_sub = matches
        .subcommand_matches(sub_name)
        .expect("the same subcommand");

    let force = final_sub.get_flag("force");
    let targets = match targets_from_flags(user, force) {
        Ok(Some(targets)) => targets,
        Ok(None) => config.targets_for(sub_name, force),
        Err(message) => {
            error(message);
            return Err(EXIT_ERROR);
        }
    };
    if user.value_source("force") == Some(ValueSource::CommandLine)
        && !targets
            .iter()
            .any(|t| matches!(t.dest, Destination::File { .. }))
    {
        error("--force needs --output: there is no file to replace");
        return Err(EXIT_ERROR);
    }

    let today = match &cli.command {
        Sub::Crawl(args) => args
            .crawl_date
            .and_then(|(y, m, d)| Date::new(y, m, d))
            .unwrap_or_else(today_utc),
        _ => today_utc(),
    };
    let ignores = config.ignores(file.as_deref(), today)?;
    match &mut cli.command {
        Sub::Check(args) => {
            args.targets = targets;
            args.ignores = ignores;
        }
        Sub::Crawl(args) => {
            args.targets = targets;
            args.ignores = ignores;
        }
        Sub::Rules(_) | Sub::Diff(_) => {}
    }
    Ok(cli)
}

/// `frontdesk.toml` in `start` or the nearest folder above it. The search stops at the
/// folder holding `.git` (a config file above a repository belongs to something else) or
/// at the filesystem root.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

fn today_utc() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

/// What the file says, checked, with what is left to do at run time.
#[derive(Debug, Default)]
struct Config {
    /// Options as flags: (command or `None` for the top level, clap's argument id, the
    /// flags). The top level's come first, so a section's replace them.
    options: Vec<(Option<&'static str>, String, Vec<String>)>,
    /// `[[output]]` tables: (command or `None`, the target).
    outputs: Vec<(Option<&'static str>, Format, Option<PathBuf>)>,
    /// `[[ignore]]` entries with their line.
    ignores: Vec<(IgnoreRule, usize)>,
}

/// A problem in the file: its line and what is wrong.
type Problem = (usize, String);

impl Config {
    /// The flags for `command`: each option once, a section's over the top level's.
    fn options_for(&self, command: &str) -> Vec<(&str, &[String])> {
        let mut out: Vec<(&str, &[String])> = Vec::new();
        for (scope, id, tokens) in &self.options {
            if scope.is_some_and(|s| s != command) {
                continue;
            }
            out.retain(|(other, _)| *other != id.as_str());
            out.push((id.as_str(), tokens.as_slice()));
        }
        out
    }

    /// The command's `[[<command>.output]]` tables if it has any, else the top level's,
    /// else text on standard output.
    fn targets_for(&self, command: &str, force: bool) -> Vec<Target> {
        let own: Vec<_> = self
            .outputs
            .iter()
            .filter(|(scope, _, _)| *scope == Some(command))
            .collect();
        let chosen = if own.is_empty() {
            self.outputs
                .iter()
                .filter(|(s, _, _)| s.is_none())
                .collect()
        } else {
            own
        };
        if chosen.is_empty() {
            return vec![Target::stdout(Format::Text)];
        }
        chosen
            .into_iter()
            .map(|(_, format, path)| Target {
                format: *format,
                dest: match path {
                    Some(path) => Destination::File {
                        path: path.clone(),
                        force,
                    },
                    None => Destination::Stdout,
                },
            })
            .collect()
    }

    /// The entries still in force on `today`; each expired one is named in a warning.
    fn ignores(&self, file: Option<&Path>, today: Date) -> Result<IgnoreList, u8> {
        let file = file.map_or_else(String::new, |f| f.display().to_string());
        let mut live = Vec::new();
        let mut lines = Vec::new();
        for (rule, line) in &self.ignores {
            if rule.is_expired(today) {
                let last = rule.expires.expect("only dated entries expire");
                eprintln!(
                    "frontdesk: warning: {file} line {line}: the [[ignore]] entry for '{}' expired on {:04}-{:02}-{:02}; its findings count again",
                    rule.rule, last.year, last.month, last.day
                );
                continue;
            }
            live.push(rule.clone());
            lines.push(*line);
        }
        IgnoreList::new(live).map_err(|(index, message)| {
            error(format_args!("{file} line {}: {message}", lines[index]));
            EXIT_ERROR
        })
    }
}

/// Reads and checks the file's text; `dir` is its folder, which relative paths in it are
/// relative to. Every problem found is returned, in line order.
fn read(text: &str, dir: &Path) -> Result<Config, Vec<Problem>> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table = DeTable::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        vec![(line, format!("not valid TOML: {}", e.message().trim()))]
    })?;
    let cli = Cli::command();
    let commands: Vec<(&'static str, Command)> = COMMANDS
        .iter()
        .map(|&name| {
            let sub = cli
                .find_subcommand(name)
                .expect("check and crawl are commands")
                .clone();
            (name, sub)
        })
        .collect();
    let mut reader = Reader {
        line_of: &line_of,
        dir,
        commands: &commands,
        config: Config::default(),
        problems: Vec::new(),
    };
    for (key, value) in table.get_ref() {
        let line = line_of(key.span().start);
        match key.get_ref().as_ref() {
            "check" | "crawl" => {
                let name = if key.get_ref() == "check" {
                    "check"
                } else {
                    "crawl"
                };
                match value.get_ref() {
                    DeValue::Table(section) => reader.section(Some(name), section),
                    _ => reader.problem(line, format!("'{name}' must be a table: [{name}]")),
                }
            }
            _ => reader.entry(None, key, value),
        }
    }
    let Reader {
        config,
        mut problems,
        ..
    } = reader;
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|(line, _)| *line);
        Err(problems)
    }
}

struct Reader<'a> {
    line_of: &'a dyn Fn(usize) -> usize,
    dir: &'a Path,
    commands: &'a [(&'static str, Command)],
    config: Config,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, line: usize, message: String) {
        self.problems.push((line, message));
    }

    fn section(&mut self, scope: Option<&'static str>, table: &DeTable) {
        for (key, value) in table {
            self.entry(scope, key, value);
        }
    }

    /// One key of the top level (`scope` `None`) or of a command's section.
    fn entry(
        &mut self,
        scope: Option<&'static str>,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue>,
    ) {
        let line = (self.line_of)(key.span().start);
        let name: &str = key.get_ref();
        match name {
            "output" => self.outputs(scope, line, value),
            "ignore" if scope.is_none() => self.ignores(line, value),
            "ignore" => self.problem(
                line,
                "[[ignore]] entries go at the top level, for every command".into(),
            ),
            "check" | "crawl" => self.problem(
                line,
                format!("[{name}] goes at the top level, not inside another table"),
            ),
            "format" => self.problem(
                line,
                "formats go in [[output]] tables: format = \"json\", path = \"report.json\"".into(),
            ),
            "config" => self.problem(line, "a config file cannot name another".into()),
            _ => self.option(scope, line, name, value),
        }
    }

    /// A key that stands for a flag: checked with clap against the commands it is for.
    fn option(
        &mut self,
        scope: Option<&'static str>,
        line: usize,
        name: &str,
        value: &Spanned<DeValue>,
    ) {
        let for_commands: Vec<&(&'static str, Command)> = self
            .commands
            .iter()
            .filter(|(c, _)| scope.is_none_or(|s| s == *c))
            .collect();
        let found: Vec<(&'static str, &Command, &Arg)> = for_commands
            .iter()
            .filter_map(|(c, cmd)| option_arg(cmd, name).map(|arg| (*c, cmd, arg)))
            .collect();
        if found.len() < for_commands.len() {
            let elsewhere = self
                .commands
                .iter()
                .find(|(c, cmd)| scope != Some(*c) && option_arg(cmd, name).is_some())
                .map(|(c, _)| *c);
            let message = match (scope, found.first(), elsewhere) {
                // At the top level a key must suit every command.
                (None, Some((only, _, _)), _) => {
                    format!("'{name}' is an option of {only} only: put it under [{only}]")
                }
                (Some(here), None, Some(there)) => {
                    format!("'{name}' is an option of {there}, not {here}: put it under [{there}]")
                }
                _ => self.unknown(scope, name),
            };
            return self.problem(line, message);
        }
        let (_, _, arg) = found[0];
        let tokens = match flags_for(arg, value.get_ref(), self.dir) {
            Ok(tokens) => tokens,
            Err(message) => return self.problem(line, format!("'{name}' {message}")),
        };
        // clap checks the value as it would the flag's (ranges, dates, names).
        for (command, cmd, _) in &found {
            let mut argv: Vec<String> = vec!["frontdesk".into(), (*command).into()];
            argv.extend(
                cmd.get_positionals()
                    .filter(|p| p.is_required_set())
                    .map(|_| "placeholder".to_string()),
            );
            argv.extend(tokens.iter().cloned());
            if let Err(e) = Cli::command().try_get_matches_from(&argv) {
                let rendered = e.render().to_string();
                let first = rendered.lines().next().unwrap_or("").trim();
                let first = first.strip_prefix("error: ").unwrap_or(first);
                return self.problem(line, format!("'{name}': {first}"));
            }
        }
        self.config
            .options
            .push((scope, arg.get_id().to_string(), tokens));
    }

    /// The message for a key no command knows, with the nearest known key.
    fn unknown(&self, scope: Option<&'static str>, name: &str) -> String {
        let mut known: Vec<String> = vec!["output".into()];
        if scope.is_none() {
            known.extend(["check", "crawl", "ignore"].map(String::from));
        }
        for (c, cmd) in self.commands {
            if scope.is_none_or(|s| s == *c) {
                known.extend(
                    cmd.get_arguments()
                        .filter_map(|a| a.get_long())
                        .filter(|l| {
                            !matches!(*l, "help" | "version" | "config" | "format" | "output")
                        })
                        .map(|l| l.replace('-', "_")),
                );
            }
        }
        let mut message = format!("unknown key '{name}'");
        if let Some(near) = nearest(name, &known) {
            let _ = write!(message, " (did you mean '{near}'?)");
        }
        message
    }

    /// `[[output]]` tables: `format` and/or `path`.
    fn outputs(&mut self, scope: Option<&'static str>, line: usize, value: &Spanned<DeValue>) {
        let Some(tables) = array_of_tables(value.get_ref()) else {
            return self.problem(
                line,
                "'output' must be [[output]] tables, each with a format and/or a path".into(),
            );
        };
        let mut to_stdout = 0;
        for table in tables {
            let at = (self.line_of)(table.span().start);
            let DeValue::Table(table) = table.get_ref() else {
                continue;
            };
            let mut format = None;
            let mut path = None;
            let mut ok = true;
            for (key, value) in table {
                let line = (self.line_of)(key.span().start);
                let text = value.get_ref().as_str();
                match (key.get_ref().as_ref(), text) {
                    ("format", Some(name)) => match Format::from_name(name) {
                        Some(f) => format = Some(f),
                        None => {
                            ok = false;
                            self.problem(line, unknown_format(name));
                        }
                    },
                    ("path", Some(p)) => path = Some(self.dir.join(p)),
                    ("format" | "path", None) => {
                        ok = false;
                        self.problem(line, format!("'{}' must be a string", key.get_ref()));
                    }
                    (other, _) => {
                        ok = false;
                        let keys = ["format".to_string(), "path".to_string()];
                        let near = nearest(other, &keys);
                        let hint =
                            near.map_or(String::new(), |n| format!(" (did you mean '{n}'?)"));
                        self.problem(line, format!("unknown key '{other}' in [[output]]{hint}"));
                    }
                }
            }
            if !ok {
                continue;
            }
            let format = match (format, &path) {
                (Some(f), _) => f,
                (None, Some(p)) => match format_of(p) {
                    Ok(f) => f,
                    Err(message) => {
                        self.problem(at, message);
                        continue;
                    }
                },
                (None, None) => {
                    self.problem(at, "an [[output]] needs a format, a path, or both".into());
                    continue;
                }
            };
            if path.is_none() {
                to_stdout += 1;
                if to_stdout == 2 {
                    self.problem(
                        at,
                        "two [[output]] tables without a path: only one report can go to standard output".into(),
                    );
                }
            }
            if let Some(p) = &path {
                if self
                    .config
                    .outputs
                    .iter()
                    .any(|(s, _, other)| *s == scope && other.as_ref() == Some(p))
                {
                    self.problem(at, format!("'{}' is written twice", p.display()));
                }
            }
            self.config.outputs.push((scope, format, path));
        }
    }

    /// `[[ignore]]` entries.
    fn ignores(&mut self, line: usize, value: &Spanned<DeValue>) {
        let Some(tables) = array_of_tables(value.get_ref()) else {
            return self.problem(
                line,
                "'ignore' must be [[ignore]] tables, each with a rule and a reason".into(),
            );
        };
        let known_rules: Vec<String> = frontdesk_core::registry()
            .iter()
            .map(|r| r.meta().id.to_string())
            .collect();
        for table in tables {
            let at = (self.line_of)(table.span().start);
            let DeValue::Table(table) = table.get_ref() else {
                continue;
            };
            let before = self.problems.len();
            let mut url_line = at;
            let mut entry = IgnoreRule {
                rule: String::new(),
                url_glob: None,
                selector: None,
                reason: String::new(),
                expires: None,
            };
            for (key, value) in table {
                let line = (self.line_of)(key.span().start);
                let name: &str = key.get_ref();
                let value = value.get_ref();
                match name {
                    "rule" | "url" | "selector" | "reason" => {
                        let Some(text) = value.as_str() else {
                            self.problem(line, format!("'{name}' must be a string"));
                            continue;
                        };
                        match name {
                            "rule" if !known_rules.iter().any(|r| r == text) => {
                                let near = nearest(text, &known_rules)
                                    .map_or(String::new(), |n| format!(" (did you mean '{n}'?)"));
                                self.problem(
                                    line,
                                    format!(
                                        "unknown rule '{text}'{near}; `frontdesk rules` lists them"
                                    ),
                                );
                            }
                            "rule" => entry.rule = text.to_string(),
                            "url" => {
                                entry.url_glob = Some(text.to_string());
                                url_line = line;
                            }
                            "selector" => entry.selector = Some(text.to_string()),
                            _ => entry.reason = text.trim().to_string(),
                        }
                    }
                    "expires" => match value.as_datetime().map(|d| (d.date, d.time)) {
                        Some((Some(d), None)) => {
                            entry.expires = Date::new(d.year.into(), d.month, d.day);
                        }
                        _ => self.problem(
                            line,
                            "'expires' must be a date without quotes, e.g. expires = 2027-03-31"
                                .into(),
                        ),
                    },
                    other => {
                        let keys =
                            ["rule", "url", "selector", "reason", "expires"].map(String::from);
                        let hint = nearest(other, &keys)
                            .map_or(String::new(), |n| format!(" (did you mean '{n}'?)"));
                        self.problem(line, format!("unknown key '{other}' in [[ignore]]{hint}"));
                    }
                }
            }
            if self.problems.len() > before {
                continue;
            }
            if entry.rule.is_empty() {
                self.problem(at, "this [[ignore]] entry has no rule".into());
            } else if entry.reason.is_empty() {
                self.problem(
                    at,
                    format!(
                        "the [[ignore]] entry for '{}' has no reason: say why the finding is accepted (reason = \"…\")",
                        entry.rule
                    ),
                );
            } else if let Err((_, message)) = IgnoreList::new(vec![entry.clone()]) {
                self.problem(url_line, message);
            } else {
                self.config.ignores.push((entry, at));
            }
        }
    }
}

/// The command's option with this key (`max_pages` → `--max-pages`), if any. `format`,
/// `output` and `config` have keys of their own and are not options here.
fn option_arg<'c>(cmd: &'c Command, key: &str) -> Option<&'c Arg> {
    if key.contains('-') || matches!(key, "help" | "version" | "format" | "output" | "config") {
        return None;
    }
    let long = key.replace('_', "-");
    cmd.get_arguments()
        .find(|a| !a.is_positional() && a.get_long() == Some(long.as_str()))
}

/// The flags a value stands for: `--max-pages=50`, `--check-external`, `--include=a
/// --include=b`. Relative paths are made relative to the file's folder.
fn flags_for(arg: &Arg, value: &DeValue, dir: &Path) -> Result<Vec<String>, String> {
    let long = arg.get_long().unwrap_or_default();
    match arg.get_action() {
        ArgAction::SetTrue | ArgAction::SetFalse => match value {
            DeValue::Boolean(true) => Ok(vec![format!("--{long}")]),
            DeValue::Boolean(false) => Ok(Vec::new()),
            _ => Err("must be true or false".into()),
        },
        ArgAction::Append => {
            let items: Vec<&DeValue> = match value {
                DeValue::Array(items) => items.iter().map(|i| i.get_ref()).collect(),
                one => vec![one],
            };
            items
                .into_iter()
                .map(|item| {
                    scalar(item, arg, dir)
                        .map(|v| format!("--{long}={v}"))
                        .ok_or_else(|| "must be a list of plain values".to_string())
                })
                .collect()
        }
        _ => match scalar(value, arg, dir) {
            Some(v) => Ok(vec![format!("--{long}={v}")]),
            None => Err("must be one plain value (a string, number or date)".into()),
        },
    }
}

fn scalar(value: &DeValue, arg: &Arg, dir: &Path) -> Option<String> {
    let text = match value {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok()?.to_string(),
        DeValue::Float(f) => f.as_str().replace('_', ""),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) | DeValue::Table(_) => return None,
    };
    let is_path = matches!(
        arg.get_value_hint(),
        clap::ValueHint::AnyPath | clap::ValueHint::FilePath | clap::ValueHint::DirPath
    );
    if is_path && Path::new(&text).is_relative() {
        return Some(dir.join(text).display().to_string());
    }
    Some(text)
}

fn array_of_tables<'v, 'i>(value: &'v DeValue<'i>) -> Option<Vec<&'v Spanned<DeValue<'i>>>> {
    let DeValue::Array(items) = value else {
        return None;
    };
    let items: Vec<_> = items.iter().collect();
    items
        .iter()
        .all(|i| matches!(i.get_ref(), DeValue::Table(_)))
        .then_some(items)
}

fn unknown_format(name: &str) -> String {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    format!(
        "unknown format '{name}'; this version of frontdesk writes {}",
        names.join(", ")
    )
}

/// The format a file's extension stands for.
fn format_of(path: &Path) -> Result<Format, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Format::from_extension(ext).ok_or_else(|| {
        let known: Vec<String> = Format::ALL
            .iter()
            .map(|f| format!(".{} {}", f.extension(), f.name()))
            .collect();
        format!(
            "cannot tell the format of '{}' from its extension (known: {}); give a --format for it",
            path.display(),
            known.join(", ")
        )
    })
}

/// The report's targets from `--format`/`--output`, or `None` when the command line has
/// neither. Each --format pairs with the next --output after it; an --output without one
/// takes its extension's format; a --format with no --output after it goes to standard
/// output. `-o FILE --format F`, one of each, pairs too (the order of old command lines).
fn targets_from_flags(user: &ArgMatches, force: bool) -> Result<Option<Vec<Target>>, String> {
    let from_cli = |id| user.value_source(id) == Some(ValueSource::CommandLine);
    if !from_cli("format") && !from_cli("output") {
        return Ok(None);
    }
    let formats: Vec<(usize, Format)> = match (
        user.indices_of("format"),
        user.get_many::<crate::args::Format>("format"),
    ) {
        (Some(at), Some(values)) => at.zip(values.map(|&f| Format::from(f))).collect(),
        _ => Vec::new(),
    };
    let outputs: Vec<(usize, PathBuf)> = match (
        user.indices_of("output"),
        user.get_many::<PathBuf>("output"),
    ) {
        (Some(at), Some(values)) => at.zip(values.cloned()).collect(),
        _ => Vec::new(),
    };
    let file = |path: PathBuf| Destination::File { path, force };
    let mut targets = Vec::new();
    if formats.len() == 1 && outputs.len() == 1 {
        let (format, path) = (formats[0].1, outputs[0].1.clone());
        targets.push(Target {
            format,
            dest: file(path),
        });
    } else {
        let mut events: Vec<(usize, Result<Format, PathBuf>)> = formats
            .into_iter()
            .map(|(i, f)| (i, Ok(f)))
            .chain(outputs.into_iter().map(|(i, p)| (i, Err(p))))
            .collect();
        events.sort_by_key(|(i, _)| *i);
        let mut pending: Option<Format> = None;
        for (_, event) in events {
            match event {
                Ok(format) => {
                    if let Some(unpaired) = pending.replace(format) {
                        targets.push(Target::stdout(unpaired));
                    }
                }
                Err(path) => {
                    let format = match pending.take() {
                        Some(format) => format,
                        None => format_of(&path)?,
                    };
                    targets.push(Target {
                        format,
                        dest: file(path),
                    });
                }
            }
        }
        if let Some(unpaired) = pending {
            targets.push(Target::stdout(unpaired));
        }
    }
    let to_stdout: Vec<&str> = targets
        .iter()
        .filter(|t| matches!(t.dest, Destination::Stdout))
        .map(|t| t.format.name())
        .collect();
    if to_stdout.len() > 1 {
        return Err(format!(
            "--format {} would all go to standard output: give each but one an --output FILE after it",
            to_stdout.join(", --format ")
        ));
    }
    for (i, t) in targets.iter().enumerate() {
        if let Destination::File { path, .. } = &t.dest {
            let twice = targets[..i]
                .iter()
                .any(|o| matches!(&o.dest, Destination::File { path: p, .. } if p == path));
            if twice {
                return Err(format!("--output '{}' is given twice", path.display()));
            }
        }
    }
    Ok(Some(targets))
}

/// The known word nearest to `word`, if it is near enough to be a likely typo.
fn nearest<'k>(word: &str, known: &'k [String]) -> Option<&'k str> {
    let word = word.replace('-', "_");
    known
        .iter()
        .map(|k| (edit_distance(&word, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<Problem> {
        read(text, Path::new("/cfg")).expect_err("a problem")
    }

    #[test]
    fn usage_errors_fit_on_one_line() {
        let error = |argv: &[&str]| {
            let e = Cli::command().try_get_matches_from(argv).unwrap_err();
            one_line(&e.render().to_string())
        };
        // The values are the seven formats `--format` takes (args.rs).
        assert_eq!(
            error(&["frontdesk", "crawl", "site", "--format", "pdf"]),
            "invalid value 'pdf' for '--format <FORMAT>' \
             [possible values: text, json, sarif, junit, earl, markdown, html]"
        );
        // The usage block and the pointer to --help are left out; the missing argument stays.
        let missing = error(&["frontdesk", "diff", "old.json"]);
        assert!(missing.contains("NEW.json"), "{missing}");
        assert!(
            !missing.contains("Usage") && !missing.contains("--help"),
            "{missing}"
        );
    }

    #[test]
    fn keys_are_the_long_flags() {
        let config = read(
            "[crawl]\nmax_pages = 50\ncheck_external = true\ninclude = ['/a/**', '/b']\ncrawl_date = 2026-12-07\n",
            Path::new("/cfg"),
        )
        .unwrap();
        let flags: Vec<String> = config
            .options_for("crawl")
            .into_iter()
            .flat_map(|(_, t)| t.to_vec())
            .collect();
        for flag in [
            "--max-pages=50",
            "--check-external",
            "--include=/a/**",
            "--include=/b",
            "--crawl-date=2026-12-07",
        ] {
            assert!(flags.contains(&flag.to_string()), "{flag} in {flags:?}");
        }
        assert!(config.options_for("check").is_empty());
    }

    #[test]
    fn unknown_keys_name_their_line_and_the_nearest_key() {
        let found = problems("# comment\n[crawl]\nmax_page = 5\n");
        assert_eq!(
            found,
            vec![(
                3,
                "unknown key 'max_page' (did you mean 'max_pages'?)".into()
            )]
        );
        let found = problems("[crawl]\nmax-pages = 5\n");
        assert_eq!(
            found,
            vec![(
                2,
                "unknown key 'max-pages' (did you mean 'max_pages'?)".into()
            )]
        );
        let found = problems("[check]\nmax_pages = 5\n");
        assert_eq!(
            found,
            vec![(
                2,
                "'max_pages' is an option of crawl, not check: put it under [crawl]".into()
            )]
        );
        let found = problems("max_pages = 5\n");
        assert_eq!(
            found,
            vec![(
                1,
                "'max_pages' is an option of crawl only: put it under [crawl]".into()
            )]
        );
    }

    #[test]
    fn values_are_checked_as_the_flags_are() {
        let found = problems("[crawl]\n\nmax_pages = 0\nrate = 'fast'\ncheck_external = 'yes'\n");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, 3);
        assert!(found[0].1.starts_with("'max_pages': "), "{}", found[0].1);
        assert_eq!(found[1].0, 4);
        assert!(
            found[1].1.contains("'fast' is not a number"),
            "{}",
            found[1].1
        );
        assert_eq!(
            found[2],
            (5, "'check_external' must be true or false".into())
        );
    }

    #[test]
    fn gate_keys_are_the_gate_flags_for_both_commands() {
        let config = read(
            "fail_on = 'new'\nmin_level = 'AAA'\nbaseline = 'reports/main.json'\n[crawl]\nmin_score = 80\n",
            Path::new("/cfg"),
        )
        .unwrap();
        let flags = |command| -> Vec<String> {
            config
                .options_for(command)
                .into_iter()
                .flat_map(|(_, t)| t.to_vec())
                .collect()
        };
        for flag in [
            "--fail-on=new",
            "--min-level=AAA",
            "--baseline=/cfg/reports/main.json",
        ] {
            assert!(flags("check").contains(&flag.to_string()), "{flag}");
            assert!(flags("crawl").contains(&flag.to_string()), "{flag}");
        }
        assert!(flags("crawl").contains(&"--min-score=80".to_string()));
        assert!(!flags("check").iter().any(|f| f.starts_with("--min-score")));
        // A gate's value is checked as its flag's is.
        let found = problems("fail_on = 'sometimes'\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 1);
    }

    #[test]
    fn ignore_entries_need_a_known_rule_and_a_reason() {
        let found = problems(
            "[[ignore]]\nrule = 'image-has-name'\n\n[[ignore]]\nrule = 'image-has-nam'\nreason = 'x'\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, 1);
        assert!(found[0].1.contains("has no reason"), "{}", found[0].1);
        assert_eq!(found[1].0, 5);
        assert!(
            found[1]
                .1
                .starts_with("unknown rule 'image-has-nam' (did you mean 'image-has-name'?)"),
            "{}",
            found[1].1
        );
        let found =
            problems("[[ignore]]\nrule = 'image-has-name'\nreason = 'x'\nexpires = '2027-03-31'\n");
        assert_eq!(found[0].0, 4);
    }

    #[test]
    fn output_tables() {
        let config = read(
            "[[output]]\npath = 'r.json'\n[[output]]\nformat = 'text'\n[[crawl.output]]\nformat = 'json'\npath = 'c.out'\n",
            Path::new("/cfg"),
        )
        .unwrap();
        let check = config.targets_for("check", false);
        assert_eq!(check.len(), 2);
        assert_eq!(check[0].format, Format::Json);
        assert!(
            matches!(&check[0].dest, Destination::File { path, .. } if path == Path::new("/cfg/r.json"))
        );
        assert!(matches!(check[1].dest, Destination::Stdout));
        let crawl = config.targets_for("crawl", true);
        assert_eq!(crawl.len(), 1);
        assert!(
            matches!(&crawl[0].dest, Destination::File { path, force: true } if path == Path::new("/cfg/c.out"))
        );

        let found = problems("[[output]]\npath = 'r.dat'\n");
        assert_eq!(found[0].0, 1);
        assert!(
            found[0]
                .1
                .starts_with("cannot tell the format of '/cfg/r.dat'"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn the_documented_examples_are_valid() {
        let doc = include_str!("../../docs/config.md");
        let blocks: Vec<&str> = doc
            .split("```toml\n")
            .skip(1)
            .map(|b| b.split("```").next().unwrap())
            .collect();
        assert!(blocks.len() >= 3, "docs/config.md has its examples");
        for block in blocks {
            if let Err(problems) = read(block, Path::new("/cfg")) {
                panic!("{problems:?} in\n{block}");
            }
        }
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("max_page", "max_pages"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
