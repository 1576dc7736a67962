//! Where reports go: standard output or a file, written safely. The engine renders them
//! (`frontdesk_core::report`); this module only picks the style and writes.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use frontdesk_core::report::text::Style;
use frontdesk_core::report::Format;

/// Where a report goes.
#[derive(Debug, Clone)]
pub enum Destination {
    Stdout,
    File { path: PathBuf, force: bool },
}

/// One report of a run: its format and where it goes (a run can write several).
#[derive(Debug, Clone)]
pub struct Target {
    pub format: Format,
    pub dest: Destination,
}

impl Target {
    pub fn stdout(format: Format) -> Self {
        Target {
            format,
            dest: Destination::Stdout,
        }
    }
}

impl Destination {
    /// The text style for this destination: colour only for a person at a terminal, never
    /// in files or pipes, and never when NO_COLOR is set (https://no-color.org).
    pub fn text_style(&self) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            Destination::Stdout if !no_color && io::stdout().is_terminal() => Style::coloured(),
            _ => Style::plain(),
        }
    }
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
        Ok(_) => Ok(()),
        // A missing folder would otherwise be found only after a whole crawl.
        Err(_) => match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(format!(
                "cannot write '{}': '{}' {}",
                path.display(),
                dir.display(),
                if dir.exists() {
                    "is not a folder"
                } else {
                    "does not exist"
                }
            )),
            _ => Ok(()),
        },
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
    // tempfile's error names the temporary file, which the user never asked for: keep the
    // OS error alone (the caller names the destination).
    let temp = builder.tempfile_in(dir).map_err(|e| {
        // tempfile's `PathError` displays as "<OS error> at path <temporary file>".
        let message = e.to_string();
        let cause = message
            .split_once(" at path ")
            .map_or(&*message, |(cause, _)| cause);
        io::Error::new(e.kind(), cause.to_string())
    })?;
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

    #[test]
    fn a_failed_write_does_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "").unwrap();
        // The folder is a regular file: creating the temporary file in it fails.
        let err = write_file(&blocker.join("r.json"), |_| Ok(()), false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotADirectory);
        assert!(!err.to_string().contains(".frontdesk-"), "{err}");
    }
}
