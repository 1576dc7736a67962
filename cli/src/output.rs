//! Rendering reports (text for people, JSON for tools) and writing them safely.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use frontdesk_core::{registry, Finding, Outcome, PageReport, Report};

/// The JSON report: exactly the engine's schema v1, so every frontdesk front end agrees.
pub fn render_json(pages: Vec<PageReport>) -> String {
    let mut json = Report::new(pages).to_json_pretty();
    json.push('\n');
    json
}

/// ANSI styling, or none. Colour is only for a person at a terminal: never in files or
/// pipes, and never when NO_COLOR is set (https://no-color.org).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    colour: bool,
}

impl Style {
    pub fn plain() -> Self {
        Style { colour: false }
    }

    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            colour: !no_color && io::stdout().is_terminal(),
        }
    }

    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The text report: per page a header, then each finding with its message and snippet,
/// then one summary line.
pub fn render_text(pages: &[PageReport], style: Style) -> String {
    let mut out = String::new();
    let (mut failed, mut cant_tell) = (0usize, 0usize);
    for page in pages {
        let title = match &page.title {
            Some(t) if !t.is_empty() => format!("\"{}\"", clean(t)),
            _ => "(no title)".to_string(),
        };
        let status = page
            .status
            .map(|s| format!("  [HTTP {s}]"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}  {}{}",
            style.paint("1", &clean(&page.url)),
            title,
            status
        );
        if page.findings.is_empty() {
            let _ = writeln!(out, "  {}", style.paint("32", "no failures found"));
        }
        for finding in &page.findings {
            match finding.outcome {
                Outcome::Failed => failed += 1,
                Outcome::CantTell => cant_tell += 1,
                Outcome::Passed => {}
            }
            render_finding(&mut out, finding, style);
        }
        out.push('\n');
    }
    let rules = registry().len();
    let _ = writeln!(
        out,
        "{}, {} failed, {} cannot tell ({} rules checked)",
        plural(pages.len(), "page", "pages"),
        failed,
        cant_tell,
        rules
    );
    out
}

pub fn render_finding(out: &mut String, finding: &Finding, style: Style) {
    let outcome = match finding.outcome {
        Outcome::Failed => style.paint("31;1", "failed"),
        Outcome::CantTell => style.paint("33;1", "cannot tell"),
        Outcome::Passed => style.paint("32", "passed"),
    };
    let _ = writeln!(
        out,
        "  {outcome}  {}  [{}, {}]  {}",
        style.paint("1", &finding.rule),
        wcag_label(&finding.wcag, finding.level.map(|l| l.as_str())),
        finding.impact.as_str(),
        clean(&finding.selector)
    );
    // People read an attribute finding with its attribute first, as `[aria-labeledby] …`.
    let message = match &finding.attribute {
        Some(attr) => format!("[{attr}] {}", finding.message),
        None => finding.message.clone(),
    };
    let _ = writeln!(out, "      {}", clean(&message));
    if !finding.snippet.is_empty() {
        let _ = writeln!(out, "      {}", style.paint("2", &clean(&finding.snippet)));
    }
}

/// `1.1.1 A`, `1.4.4 1.4.10 AA`, or `best practice`.
pub fn wcag_label(wcag: &[String], level: Option<&str>) -> String {
    match level {
        Some(level) if !wcag.is_empty() => format!("{} {level}", wcag.join(" ")),
        Some(level) => level.to_string(),
        None => "best practice".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Page-controlled text (titles, snippets) goes to a terminal: escape control characters
/// and bidirectional overrides so a hostile page cannot rewrite the screen or disguise
/// what it says. Newlines become spaces so each item stays on its own line.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a report goes.
#[derive(Debug, Clone)]
pub enum Destination {
    Stdout,
    File { path: PathBuf, force: bool },
}

/// Refuses up front, before any slow work, to replace a file the user has. The final write
/// checks again (atomically), this only gives the answer early.
pub fn check_destination(dest: &Destination) -> Result<(), String> {
    let Destination::File { path, force } = dest else {
        return Ok(());
    };
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(format!("cannot write '{}': it is a folder", path.display())),
        // Writing to /dev/null or a pipe replaces nothing.
        Ok(m) if !m.is_file() => Ok(()),
        Ok(_) if !force => Err(already_exists(path)),
        _ => Ok(()),
    }
}

fn already_exists(path: &Path) -> String {
    format!(
        "'{}' already exists; use --force to replace it",
        path.display()
    )
}

/// Writes the report. Stdout errors such as a closed pipe (`frontdesk … | head`) are not
/// worth a panic: the reader has gone, so they are ignored.
pub fn write(dest: &Destination, content: &str) -> Result<(), String> {
    write_with(dest, |out| out.write_all(content.as_bytes()))
}

/// Like [`write`], for a report produced piece by piece (a crawl streams its pages out
/// rather than building one string). A file still appears whole or not at all.
pub fn write_with(
    dest: &Destination,
    produce: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    match dest {
        Destination::Stdout => {
            let mut stdout = io::BufWriter::new(io::stdout().lock());
            match produce(&mut stdout).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write the report: {e}"))
                }
                _ => Ok(()),
            }
        }
        Destination::File { path, force } => write_file(path, produce, *force)
            .map_err(|e| format!("cannot write '{}': {e}", path.display())),
    }
}

/// Atomic write: a temporary file in the same folder, flushed to disk, then renamed into
/// place. A reader never sees half a report, and a failed write leaves the old file (if
/// any) untouched. Without `force` the rename refuses to replace an existing file, even
/// one created since [`check_destination`] looked.
///
/// An existing destination that is not a regular file (`/dev/null`, `/dev/stdout`, a
/// named pipe) is written in place: renaming over it would replace the device itself.
fn write_file(
    path: &Path,
    produce: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    force: bool,
) -> io::Result<()> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut file = io::BufWriter::new(fs::OpenOptions::new().write(true).open(path)?);
        produce(&mut file)?;
        return file.flush();
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".frontdesk-").suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600; a report is an ordinary file (the umask applies).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file());
        produce(&mut out)?;
        out.flush()?;
    }
    temp.as_file().sync_all()?;
    let persisted = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "it already exists; use --force to replace it",
        )),
        Err(e) => Err(e.error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(clean("line\nbreak"), "line break");
        assert_eq!(clean("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(clean("Café £5"), "Café £5");
    }

    #[test]
    fn wcag_labels() {
        assert_eq!(wcag_label(&["1.1.1".into()], Some("A")), "1.1.1 A");
        assert_eq!(
            wcag_label(&["1.4.4".into(), "1.4.10".into()], Some("AA")),
            "1.4.4 1.4.10 AA"
        );
        assert_eq!(wcag_label(&[], None), "best practice");
    }

    #[test]
    fn no_clobber_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "precious").unwrap();
        let new = |out: &mut dyn Write| out.write_all(b"new");
        assert!(write_file(&path, new, false).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "precious");
        write_file(&path, new, true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        // No temporary files left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
