//! Command-line inputs → pages to audit.
//!
//! An argument is a file, a folder (expanded to its HTML files) or an http(s) URL. Each
//! problem becomes an [`InputError`] for that input alone, so one bad argument never stops
//! the others from being checked.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use url::Url;

use crate::decode::decode_html;
use crate::fetch::Fetcher;

/// One page to audit: where it came from and what it holds.
#[derive(Debug)]
pub struct Page {
    /// The URL recorded in the report: `file://` for files.
    pub url: String,
    pub html: String,
    /// HTTP status, for fetched pages.
    pub status: Option<u16>,
}

/// Something that could become a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The path as the user wrote it (or as found under a folder), kept for messages.
    File(PathBuf),
    Url(Url),
}

/// Why an input could not be checked, as one line for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Turns one argument into the sources it names, in the order they will be checked.
pub fn expand(arg: &str) -> Result<Vec<Source>, InputError> {
    let path = Path::new(arg);
    // An existing path wins over URL parsing, so a file oddly named `a:b.html` still works.
    if fs::symlink_metadata(path).is_ok() {
        return expand_path(path);
    }
    match classify_url(arg)? {
        Some(Source::File(path)) => expand_path(&path),
        Some(source) => Ok(vec![source]),
        // Not a URL: a path that will fail to read, with the OS's own reason.
        None => expand_path(path),
    }
}

/// `Some` when the argument is meant as a URL. Only http, https and file URLs are usable;
/// anything else that looks like a URL (`ftp://…`, a typo like `htp:/x`) is an error
/// rather than a confusing "no such file".
fn classify_url(arg: &str) -> Result<Option<Source>, InputError> {
    match Url::parse(arg) {
        Ok(url) => match url.scheme() {
            "http" | "https" => {
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(InputError(format!("invalid URL '{arg}': no host")));
                }
                Ok(Some(Source::Url(url)))
            }
            "file" => match url.to_file_path() {
                Ok(path) => Ok(Some(Source::File(path))),
                Err(()) => Err(InputError(format!("invalid file URL '{arg}'"))),
            },
            // A one-letter "scheme" is a Windows drive (`C:\site\index.html`), not a URL.
            scheme if scheme.len() == 1 => Ok(None),
            scheme => Err(InputError(format!(
                "cannot check '{arg}': unsupported URL scheme '{scheme}:' (use http:// or https://, or give a file path)"
            ))),
        },
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            if arg.contains("://") {
                Err(InputError(format!("invalid URL '{arg}'")))
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(InputError(format!("invalid URL '{arg}': {e}"))),
    }
}

fn expand_path(path: &Path) -> Result<Vec<Source>, InputError> {
    let metadata = fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
    if !metadata.is_dir() {
        return Ok(vec![Source::File(path.to_path_buf())]);
    }
    let mut files = Vec::new();
    collect_html(path, &mut files).map_err(|(p, e)| cannot_read(&p, &e))?;
    if files.is_empty() {
        return Err(InputError(format!(
            "no .html or .htm files in '{}'",
            path.display()
        )));
    }
    files.sort();
    Ok(files.into_iter().map(Source::File).collect())
}

/// Recursively collects `*.html`/`*.htm` files. Symlinked folders are not followed, so a
/// link loop cannot make the walk endless; symlinked files are read like any file.
fn collect_html(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, io::Error)> {
    let entries = fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| (dir.to_path_buf(), e))?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| (path.clone(), e))?;
        if file_type.is_dir() {
            collect_html(&path, out)?;
        } else if is_html_name(&path) && (file_type.is_file() || path.is_file()) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_html_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Reads or fetches one source.
pub fn load(source: &Source, fetcher: &mut Fetcher) -> Result<Page, InputError> {
    match source {
        Source::File(path) => load_file(path),
        Source::Url(url) => {
            let fetched = fetcher
                .get(url)
                .map_err(|reason| InputError(format!("cannot fetch '{url}': {reason}")))?;
            Ok(Page {
                url: fetched.url.to_string(),
                html: decode_html(&fetched.body, fetched.charset.as_deref()),
                status: Some(fetched.status),
            })
        }
    }
}

fn load_file(path: &Path) -> Result<Page, InputError> {
    let bytes = fs::read(path).map_err(|e| cannot_read(path, &e))?;
    // The report names files by absolute file:// URL so reports from different working
    // folders agree and links in them open in a browser.
    let absolute = fs::canonicalize(path).map_err(|e| cannot_read(path, &e))?;
    let url = Url::from_file_path(&absolute).map_err(|()| {
        InputError(format!(
            "cannot make a file:// URL for '{}'",
            path.display()
        ))
    })?;
    Ok(Page {
        url: url.to_string(),
        html: decode_html(&bytes, None),
        status: None,
    })
}

fn cannot_read(path: &Path, error: &io::Error) -> InputError {
    let reason = if error.kind() == io::ErrorKind::IsADirectory {
        "it is a folder".to_string()
    } else {
        error.to_string()
    };
    InputError(format!("cannot read '{}': {reason}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised() {
        assert!(matches!(
            expand("https://council.example/bins").unwrap()[..],
            [Source::Url(_)]
        ));
        assert!(matches!(
            expand("HTTP://council.example/").unwrap()[..],
            [Source::Url(_)]
        ));
    }

    #[test]
    fn other_schemes_and_typos_are_errors() {
        for arg in [
            "ftp://council.example/x.html",
            "htp:/x",
            "mailto:a@b.example",
        ] {
            let err = expand(arg).unwrap_err().0;
            assert!(err.contains("unsupported URL scheme"), "{arg}: {err}");
            assert!(err.contains(arg), "{err}");
        }
        assert!(expand("http://[::1")
            .unwrap_err()
            .0
            .starts_with("invalid URL"));
        assert!(expand("http:///").unwrap_err().0.starts_with("invalid URL"));
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = expand("no/such/page.html").unwrap_err().0;
        assert!(
            err.starts_with("cannot read 'no/such/page.html': "),
            "{err}"
        );
    }

    #[test]
    fn folders_expand_sorted_and_recursive() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("b")).unwrap();
        for name in ["z.html", "b/a.HTM", "a.html", "notes.txt"] {
            fs::write(dir.path().join(name), "<p>").unwrap();
        }
        let sources = expand(dir.path().to_str().unwrap()).unwrap();
        let names: Vec<_> = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => p
                    .strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                Source::Url(_) => unreachable!(),
            })
            .collect();
        assert_eq!(names, ["a.html", "b/a.HTM", "z.html"]);
    }

    #[test]
    fn empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(expand(dir.path().to_str().unwrap())
            .unwrap_err()
            .0
            .starts_with("no .html"));
    }
}
