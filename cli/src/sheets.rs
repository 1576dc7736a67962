//! Style sheets for `check`: the engine asks for each sheet a page links (and each
//! `@import`); `file://` sheets are read from disk and `http(s)://` sheets fetched with one
//! GET, each once per run. A sheet that cannot be had is skipped (the page is audited with
//! the styles it has), as browsers do.

use std::cell::RefCell;
use std::collections::HashMap;

use frontdesk_core::ResourceLoader;
use url::Url;

use crate::decode::decode_css;
use crate::fetch::Fetcher;

/// Sheets larger than this are ignored (a style sheet is rarely over 1 MB).
const MAX_SHEET_BYTES: u64 = 5 * 1024 * 1024;

/// Loads style sheets from disk or the web, caching them for the whole run.
#[derive(Default)]
pub struct Sheets {
    cache: RefCell<HashMap<String, Option<String>>>,
    /// Its own client: the page fetcher is busy with the page being checked.
    fetcher: RefCell<Fetcher>,
}

impl ResourceLoader for Sheets {
    fn stylesheet(&self, absolute_url: &str) -> Option<String> {
        if let Some(cached) = self.cache.borrow().get(absolute_url) {
            return cached.clone();
        }
        let sheet = match Url::parse(absolute_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => {
                self.fetcher.borrow_mut().get_stylesheet(&url).ok()
            }
            _ => read_local(absolute_url),
        };
        self.cache
            .borrow_mut()
            .insert(absolute_url.to_string(), sheet.clone());
        sheet
    }
}

fn read_local(absolute_url: &str) -> Option<String> {
    let url = Url::parse(absolute_url).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    let path = url.to_file_path().ok()?;
    let metadata = std::fs::metadata(&path).ok()?;
    if !metadata.is_file() || metadata.len() > MAX_SHEET_BYTES {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    Some(decode_css(&bytes, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_file_sheets_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("site.css");
        std::fs::write(&path, "\u{feff}a { color: red }").unwrap();
        let url = Url::from_file_path(&path).unwrap();
        let sheets = Sheets::default();
        assert_eq!(
            sheets.stylesheet(url.as_str()).as_deref(),
            Some("a { color: red }")
        );
        std::fs::remove_file(&path).unwrap();
        // Cached: the same answer for the rest of the run.
        assert_eq!(
            sheets.stylesheet(url.as_str()).as_deref(),
            Some("a { color: red }")
        );
        assert_eq!(sheets.stylesheet("file:///no/such/sheet.css"), None);
    }
}
