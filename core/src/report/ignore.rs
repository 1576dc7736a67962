//! `[[ignore]]` entries of `frontdesk.toml` (docs/config.md), as the engine applies them:
//! a finding an entry matches keeps its place in the report, with the entry's reason in
//! [`Finding::ignored`], and never fails a gate. Parsing the file is the command line's
//! job; matching is here, so the browser build could apply the same entries.
//!
//! An entry matches a finding when all of its parts do: the rule id (exact), the page URL
//! (a glob, with the semantics of `crawl --include/--exclude`: a glob starting with `/`
//! matches the path and query, any other the whole URL; `*` stays within a path segment,
//! `**` crosses them) and the selector (exact: selectors are what the report prints, so an
//! entry is written by copying one, and a substring would silently catch other elements).

use globset::GlobMatcher;
use url::Url;

use super::{Finding, PageReport};
use crate::services::statement::Date;

/// One `[[ignore]]` entry.
#[derive(Debug, Clone)]
pub struct IgnoreRule {
    /// The rule id, e.g. `image-has-name`.
    pub rule: String,
    /// Pages it applies to; every page when `None`.
    pub url_glob: Option<String>,
    /// The finding's selector, exactly; every element when `None`.
    pub selector: Option<String>,
    /// Why the finding is accepted: shown beside it in every report.
    pub reason: String,
    /// The last day the entry applies (inclusive); from the next day on it stops ignoring.
    pub expires: Option<Date>,
}

impl IgnoreRule {
    /// Whether the entry has stopped applying on `today`.
    pub fn is_expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|last| today > last)
    }
}

/// Entries ready to apply, their URL globs compiled.
#[derive(Debug, Clone, Default)]
pub struct IgnoreList {
    entries: Vec<(IgnoreRule, Option<UrlGlob>)>,
}

#[derive(Debug, Clone)]
struct UrlGlob {
    matcher: GlobMatcher,
    /// Matched against the path and query rather than the whole URL.
    path_only: bool,
}

impl IgnoreList {
    /// Compiles the entries' globs; an error gives the index of the entry and why.
    pub fn new(rules: Vec<IgnoreRule>) -> Result<Self, (usize, String)> {
        let mut entries = Vec::with_capacity(rules.len());
        for (index, rule) in rules.into_iter().enumerate() {
            let glob = match &rule.url_glob {
                None => None,
                Some(pattern) => Some(UrlGlob {
                    matcher: crate::url_glob::compile(pattern)
                        .map_err(|e| (index, format!("invalid url glob '{pattern}': {e}")))?
                        .compile_matcher(),
                    path_only: pattern.starts_with('/'),
                }),
            };
            entries.push((rule, glob));
        }
        Ok(IgnoreList { entries })
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Marks `finding`, found on the page at `page_url`, as ignored with the reason of the
    /// first entry that matches it. Returns whether one did.
    pub fn apply(&self, finding: &mut Finding, page_url: &str) -> bool {
        let parsed = Url::parse(page_url).ok();
        self.apply_parsed(finding, page_url, parsed.as_ref())
    }

    /// [`IgnoreList::apply`] for every finding of a page.
    pub fn apply_page(&self, page: &mut PageReport) {
        if self.entries.is_empty() {
            return;
        }
        let parsed = Url::parse(&page.url).ok();
        for finding in &mut page.findings {
            self.apply_parsed(finding, &page.url, parsed.as_ref());
        }
    }

    fn apply_parsed(&self, finding: &mut Finding, page_url: &str, parsed: Option<&Url>) -> bool {
        let hit = self.entries.iter().find(|(rule, glob)| {
            rule.rule == finding.rule
                && rule
                    .selector
                    .as_ref()
                    .is_none_or(|s| *s == finding.selector)
                && glob.as_ref().is_none_or(|g| g.matches(page_url, parsed))
        });
        match hit {
            Some((rule, _)) => {
                finding.ignored = Some(rule.reason.clone());
                true
            }
            None => false,
        }
    }
}

impl UrlGlob {
    fn matches(&self, page_url: &str, parsed: Option<&Url>) -> bool {
        if !self.path_only {
            return self.matcher.is_match(page_url);
        }
        let Some(url) = parsed else {
            return false;
        };
        self.matcher.is_match(crate::url_glob::path_and_query(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(rule: &str, url: Option<&str>, selector: Option<&str>) -> IgnoreRule {
        IgnoreRule {
            rule: rule.into(),
            url_glob: url.map(Into::into),
            selector: selector.map(Into::into),
            reason: "agreed with the web team".into(),
            expires: None,
        }
    }

    fn page(url: &str) -> PageReport {
        // Two images without a text alternative: two image-has-name failures (1.1.1).
        crate::audit(
            r#"<html lang="en"><title>Bins</title><img id="a" src="a.png"><img id="b" src="b.png"></html>"#,
            url,
            &crate::Options::default(),
        )
    }

    fn ignored(list: &IgnoreList, url: &str) -> Vec<(String, bool)> {
        let mut report = page(url);
        list.apply_page(&mut report);
        report
            .findings
            .iter()
            .filter(|f| f.rule == "image-has-name")
            .map(|f| (f.selector.clone(), f.ignored.is_some()))
            .collect()
    }

    #[test]
    fn selector_is_matched_exactly() {
        let report = page("https://a.example/bins");
        let first = report
            .findings
            .iter()
            .find(|f| f.rule == "image-has-name")
            .expect("an image-has-name failure")
            .selector
            .clone();
        let list = IgnoreList::new(vec![rule("image-has-name", None, Some(&first))]).unwrap();
        let marks = ignored(&list, "https://a.example/bins");
        assert_eq!(marks.len(), 2);
        assert_eq!(marks.iter().filter(|(_, i)| *i).count(), 1);
        assert!(marks.iter().any(|(s, i)| *s == first && *i));

        // A prefix of the selector is not the selector.
        let prefix = &first[..first.len() - 1];
        let list = IgnoreList::new(vec![rule("image-has-name", None, Some(prefix))]).unwrap();
        assert!(ignored(&list, "https://a.example/bins")
            .iter()
            .all(|(_, i)| !i));
    }

    #[test]
    fn rule_and_reason() {
        let list = IgnoreList::new(vec![rule("image-has-name", None, None)]).unwrap();
        let mut report = page("https://a.example/");
        list.apply_page(&mut report);
        for f in &report.findings {
            if f.rule == "image-has-name" {
                assert_eq!(f.ignored.as_deref(), Some("agreed with the web team"));
            } else {
                assert_eq!(f.ignored, None, "{}", f.rule);
            }
        }
        let other = IgnoreList::new(vec![rule("link-has-name", None, None)]).unwrap();
        assert!(ignored(&other, "https://a.example/")
            .iter()
            .all(|(_, i)| !i));
    }

    #[test]
    fn url_globs_follow_the_crawl_scope_dialect() {
        let path = IgnoreList::new(vec![rule("image-has-name", Some("/news/*"), None)]).unwrap();
        assert!(ignored(&path, "https://a.example/news/bins")
            .iter()
            .all(|(_, i)| *i));
        // `*` stays within one segment.
        assert!(ignored(&path, "https://a.example/news/2026/bins")
            .iter()
            .all(|(_, i)| !i));
        assert!(ignored(&path, "https://a.example/bins")
            .iter()
            .all(|(_, i)| !i));

        let deep = IgnoreList::new(vec![rule("image-has-name", Some("/news/**"), None)]).unwrap();
        assert!(ignored(&deep, "https://a.example/news/2026/bins")
            .iter()
            .all(|(_, i)| *i));

        let query =
            IgnoreList::new(vec![rule("image-has-name", Some("/search[?]*"), None)]).unwrap();
        assert!(ignored(&query, "https://a.example/search?q=bins")
            .iter()
            .all(|(_, i)| *i));

        let whole = IgnoreList::new(vec![rule(
            "image-has-name",
            Some("https://pay.example/**"),
            None,
        )])
        .unwrap();
        assert!(ignored(&whole, "https://pay.example/a/b")
            .iter()
            .all(|(_, i)| *i));
        assert!(ignored(&whole, "https://a.example/a/b")
            .iter()
            .all(|(_, i)| !i));
    }

    #[test]
    fn a_bad_glob_names_its_entry() {
        let err = IgnoreList::new(vec![
            rule("image-has-name", Some("/ok"), None),
            rule("image-has-name", Some("/a["), None),
        ])
        .unwrap_err();
        assert_eq!(err.0, 1);
        assert!(err.1.starts_with("invalid url glob '/a['"), "{}", err.1);
    }

    #[test]
    fn expiry_is_inclusive() {
        let mut entry = rule("image-has-name", None, None);
        entry.expires = Date::new(2027, 3, 31);
        assert!(!entry.is_expired(Date::new(2027, 3, 31).unwrap()));
        assert!(entry.is_expired(Date::new(2027, 4, 1).unwrap()));
        assert!(!rule("x", None, None).is_expired(Date::new(9999, 12, 31).unwrap()));
    }
}
