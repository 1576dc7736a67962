//! What a report says about an earlier one given as its baseline: how many findings are
//! new and how many existing (each finding carries its own [`super::BaselineState`]), and
//! the findings the baseline had that are gone.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::audit::{BaselineState, PageReport};
use crate::rules::{Level, Outcome};

/// The baseline section of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineSummary {
    /// The baseline report, as the user named it.
    pub file: String,
    /// Findings not in the baseline.
    pub new: usize,
    /// Findings the baseline had already.
    pub existing: usize,
    /// Findings of the baseline that this report no longer has.
    pub fixed: Vec<FixedFinding>,
}

/// A finding of the baseline that has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedFinding {
    /// The page it was on.
    pub url: String,
    /// Its rule.
    pub rule: String,
    /// Its WCAG level; `null` for best practice.
    pub level: Option<Level>,
    /// Its element's selector then.
    pub selector: String,
    /// Its message then.
    pub message: String,
    /// Its fingerprint.
    pub fingerprint: String,
}

/// What a baseline keeps of an earlier report (any JSON report of schema v1, from `check`
/// or `crawl`): deserialising into it reads the file's pages and findings but keeps only
/// the fields matching and `frontdesk diff` need, so a large crawl's report costs a few
/// strings per finding. Unknown fields are skipped.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportDigest {
    /// Must be [`super::SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The pages.
    pub pages: Vec<PageDigest>,
    /// A crawl's scorecard.
    #[serde(default)]
    pub scores: Option<super::Scorecard>,
}

/// A page of a [`ReportDigest`].
#[derive(Debug, Clone, Deserialize)]
pub struct PageDigest {
    /// The page's URL.
    pub url: String,
    /// Its accessibility score.
    #[serde(default)]
    pub score: Option<u8>,
    /// Its findings.
    #[serde(default)]
    pub findings: Vec<FindingDigest>,
}

/// A finding of a [`ReportDigest`].
#[derive(Debug, Clone, Deserialize)]
pub struct FindingDigest {
    /// Rule id.
    pub rule: String,
    /// Outcome: only `failed` and `cantTell` take part in baselines.
    pub outcome: Outcome,
    /// WCAG level.
    pub level: Option<Level>,
    /// The element's selector.
    pub selector: String,
    /// The element's start tag.
    #[serde(default)]
    pub snippet: String,
    /// The message.
    #[serde(default)]
    pub message: String,
    /// The fingerprint.
    #[serde(default)]
    pub fingerprint: String,
}

/// The findings of a baseline report, ready to be matched with a new report's, page by
/// page. Pure: the caller reads the file (into a [`ReportDigest`]).
///
/// A finding of the new report matches a baseline finding of the same page (URLs compared
/// by [`page_key`]) and rule when they have the same fingerprint; failing that (the element
/// changed in a way the fingerprint sees), the same selector; failing that, the same
/// snippet (whitespace collapsed). Each baseline finding is matched at most once, so two
/// identical findings where the baseline had one give one `existing` and one `new`.
#[derive(Debug, Clone)]
pub struct Baseline {
    file: String,
    entries: Vec<Entry>,
    by_page: HashMap<String, Vec<u32>>,
}

#[derive(Debug, Clone)]
struct Entry {
    url: String,
    rule: String,
    level: Option<Level>,
    selector: String,
    message: String,
    fingerprint: String,
    snippet: u64,
}

/// Which of the baseline's findings a page's findings matched (indices into the baseline).
pub type Matches = Vec<u32>;

impl Baseline {
    /// The baseline of an earlier report, named `file` in the summary. Errs when the report
    /// is not schema v1.
    pub fn new(file: impl Into<String>, report: ReportDigest) -> Result<Self, String> {
        if report.schema_version != super::SCHEMA_VERSION {
            return Err(format!(
                "it is a report of schema version {}, not {}",
                report.schema_version,
                super::SCHEMA_VERSION
            ));
        }
        let root = file_root(report.pages.iter().map(|p| p.url.as_str()));
        let mut entries = Vec::new();
        let mut by_page: HashMap<String, Vec<u32>> = HashMap::new();
        for page in report.pages {
            let key = page_key(&page.url, root.as_deref());
            for finding in page.findings {
                if finding.outcome == Outcome::Passed {
                    continue;
                }
                by_page
                    .entry(key.clone())
                    .or_default()
                    .push(entries.len() as u32);
                entries.push(Entry {
                    url: page.url.clone(),
                    snippet: snippet_hash(&finding.snippet),
                    rule: finding.rule,
                    level: finding.level,
                    selector: finding.selector,
                    message: finding.message,
                    fingerprint: finding.fingerprint,
                });
            }
        }
        Ok(Baseline {
            file: file.into(),
            entries,
            by_page,
        })
    }

    /// The baseline findings none of `matches` names, in the baseline's order.
    pub fn unmatched(&self, matches: impl IntoIterator<Item = u32>) -> Vec<FixedFinding> {
        let mut used = vec![false; self.entries.len()];
        for m in matches {
            if let Some(u) = used.get_mut(m as usize) {
                *u = true;
            }
        }
        self.entries
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|(e, _)| FixedFinding {
                url: e.url.clone(),
                rule: e.rule.clone(),
                level: e.level,
                selector: e.selector.clone(),
                message: e.message.clone(),
                fingerprint: e.fingerprint.clone(),
            })
            .collect()
    }

    /// A baseline with no finding.
    pub fn empty() -> Self {
        Baseline {
            file: String::new(),
            entries: Vec::new(),
            by_page: HashMap::new(),
        }
    }

    /// How many findings (failed or cantTell) the baseline holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the baseline holds no finding.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets `baseline` on each failed or cantTell finding of `page`, whose URL's key (see
    /// [`page_key`]) is `key`; returns the baseline findings it matched.
    pub fn mark(&self, page: &mut PageReport, key: &str) -> Matches {
        let taking_part: Vec<usize> = (0..page.findings.len())
            .filter(|&i| page.findings[i].outcome != Outcome::Passed)
            .collect();
        let matched = self.pair(
            key,
            taking_part.iter().map(|&i| {
                let f = &page.findings[i];
                (
                    f.rule.as_str(),
                    f.fingerprint.as_str(),
                    f.selector.as_str(),
                    f.snippet.as_str(),
                )
            }),
        );
        for (&i, m) in taking_part.iter().zip(&matched) {
            page.findings[i].baseline = Some(match m {
                Some(_) => BaselineState::Existing,
                None => BaselineState::New,
            });
        }
        matched.into_iter().flatten().collect()
    }

    /// Pairs findings of the page keyed `key`, given as (rule, fingerprint, selector,
    /// snippet) in document order, with the baseline's findings of that page: for each,
    /// the baseline finding it matched, if any.
    pub fn pair<'f>(
        &self,
        key: &str,
        findings: impl IntoIterator<Item = (&'f str, &'f str, &'f str, &'f str)>,
    ) -> Vec<Option<u32>> {
        let findings: Vec<_> = findings.into_iter().collect();
        let candidates: &[u32] = self.by_page.get(key).map_or(&[], Vec::as_slice);
        let mut matched: Vec<Option<u32>> = vec![None; findings.len()];
        let mut used = vec![false; candidates.len()];
        // Three passes, most precise first; each pass pairs findings in document order
        // with the first unused baseline finding of the same key.
        for pass in 0..3 {
            let key_of = |rule: &str, fingerprint: &str, selector: &str, snippet: u64| match pass {
                0 => format!("{rule}\u{1f}{fingerprint}"),
                1 => format!("{rule}\u{1f}{selector}"),
                _ => format!("{rule}\u{1f}{snippet:x}"),
            };
            let mut open: HashMap<String, VecDeque<usize>> = HashMap::new();
            for (c, &entry) in candidates.iter().enumerate() {
                if used[c] {
                    continue;
                }
                let e = &self.entries[entry as usize];
                open.entry(key_of(&e.rule, &e.fingerprint, &e.selector, e.snippet))
                    .or_default()
                    .push_back(c);
            }
            if open.is_empty() {
                break;
            }
            for (i, &(rule, fingerprint, selector, snippet)) in findings.iter().enumerate() {
                if matched[i].is_some() {
                    continue;
                }
                let key = key_of(rule, fingerprint, selector, snippet_hash(snippet));
                if let Some(c) = open.get_mut(&key).and_then(VecDeque::pop_front) {
                    used[c] = true;
                    matched[i] = Some(candidates[c]);
                }
            }
        }
        matched
    }

    /// Marks every page of `report` and sets its [`BaselineSummary`] (for a report whose
    /// pages are all in memory: `check`'s). File URLs are keyed relative to the folder
    /// holding all of the report's file pages.
    pub fn apply(&self, report: &mut super::Report) {
        let root = file_root(report.pages.iter().map(|p| p.audit.url.as_str()));
        let mut matches = Vec::new();
        let (mut new, mut existing) = (0, 0);
        for page in &mut report.pages {
            let key = page_key(&page.audit.url, root.as_deref());
            matches.extend(self.mark(&mut page.audit, &key));
            let (n, e) = counts(&page.audit);
            new += n;
            existing += e;
        }
        report.baseline = Some(self.summary(matches, new, existing));
    }

    /// The summary, given every page's matches and the numbers of new and existing
    /// findings: the baseline findings no page matched are `fixed`, in the baseline's
    /// order.
    pub fn summary(
        &self,
        matches: impl IntoIterator<Item = u32>,
        new: usize,
        existing: usize,
    ) -> BaselineSummary {
        let fixed = self.unmatched(matches);
        BaselineSummary {
            file: self.file.clone(),
            new,
            existing,
            fixed,
        }
    }
}

/// How many of a marked page's findings are new, and how many existing.
pub fn counts(page: &PageReport) -> (usize, usize) {
    let count = |state| {
        page.findings
            .iter()
            .filter(|f| f.baseline == Some(state))
            .count()
    };
    (count(BaselineState::New), count(BaselineState::Existing))
}

fn snippet_hash(snippet: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = crate::short_hash::ShortHasher::default();
    for word in snippet.split_ascii_whitespace() {
        hasher.write(word.as_bytes());
        hasher.write(b" ");
    }
    hasher.finish()
}

/// The folder holding every `file://` URL among `urls` (`file:///home/x/site/`), if any:
/// file pages are keyed relative to it, so two checkouts of a site in different places
/// give the same keys.
pub fn file_root<'a>(urls: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut root: Option<&str> = None;
    for url in urls.into_iter().filter(|u| u.starts_with("file:")) {
        let folder = &url[..url.rfind('/').map_or(url.len(), |i| i + 1)];
        root = Some(match root {
            None => folder,
            Some(root) => {
                // The longest common prefix that ends with a `/`.
                let common = root
                    .bytes()
                    .zip(folder.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                &root[..root[..common].rfind('/').map_or(0, |i| i + 1)]
            }
        });
    }
    root.map(str::to_string)
}

/// The key a page's URL is matched by: for http(s), the URL with scheme and host in lower
/// case, no default port, no fragment and the query's parameters sorted; for a `file://`
/// URL under `file_root`, its path relative to that folder (`file:bins/index.html`).
///
/// ```
/// use frontdesk_core::report::page_key;
/// assert_eq!(page_key("HTTPS://Www.Council.Example:443/bins?b=2&a=1#top", None), "https://www.council.example/bins?a=1&b=2");
/// assert_eq!(page_key("file:///home/ci/site/bins.html", Some("file:///home/ci/site/")), "file:bins.html");
/// ```
pub fn page_key(url: &str, file_root: Option<&str>) -> String {
    if let Some(relative) = file_root.and_then(|root| url.strip_prefix(root)) {
        return format!("file:{}", relative.split('#').next().unwrap_or(relative));
    }
    let Ok(mut parsed) = url::Url::parse(url) else {
        return url.to_string();
    };
    parsed.set_fragment(None);
    if let Some(query) = parsed.query() {
        let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        pairs.sort_unstable();
        let sorted = pairs.join("&");
        parsed.set_query((!sorted.is_empty()).then_some(sorted.as_str()));
    }
    parsed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;
    use crate::{audit, Options};

    fn page(url: &str, body: &str) -> PageReport {
        let html = format!(
            "<html lang=en><title>Bins</title><body><main><h1>Bins</h1>{body}</main></body></html>"
        );
        audit(&html, url, &Options::default())
    }

    fn baseline_of(pages: Vec<PageReport>) -> Baseline {
        let json = Report::new(pages).to_json();
        Baseline::new("old.json", serde_json::from_str(&json).unwrap()).unwrap()
    }

    fn states(page: &PageReport) -> Vec<(String, Option<BaselineState>)> {
        page.findings
            .iter()
            .map(|f| (f.snippet.clone(), f.baseline))
            .collect()
    }

    #[test]
    fn pages_are_keyed_by_normalised_url() {
        assert_eq!(
            page_key("http://A.Example:80/x?z=1&a=2#frag", None),
            "http://a.example/x?a=2&z=1"
        );
        assert_eq!(
            page_key("https://a.example:8443/", None),
            "https://a.example:8443/"
        );
        assert_eq!(
            file_root([
                "file:///ci/1/site/a.html",
                "file:///ci/1/site/sub/b.html",
                "https://x/"
            ]),
            Some("file:///ci/1/site/".into())
        );
        assert_eq!(
            file_root(["file:///ci/site-a/a.html", "file:///ci/site-b/a.html"]),
            Some("file:///ci/".into())
        );
        assert_eq!(file_root(["https://x/"]), None);
    }

    #[test]
    fn unchanged_pages_have_only_existing_findings_and_nothing_fixed() {
        let body = r#"<img src="a.png"><img src="b.png"><p style="color:#777;background:#fff">Tuesday.</p>"#;
        let baseline = baseline_of(vec![page("https://c.example/", body)]);
        // Two images without alt (1.1.1), and #777 on white (4.48:1) fails both 1.4.3 and
        // 1.4.6.
        assert_eq!(baseline.len(), 4);
        let mut report = Report::new(vec![page("https://C.example/#top", body)]);
        baseline.apply(&mut report);
        let summary = report.baseline.as_ref().unwrap();
        assert_eq!((summary.new, summary.existing), (0, 4));
        assert!(summary.fixed.is_empty());
        assert!(report.pages[0]
            .audit
            .findings
            .iter()
            .all(|f| f.baseline == Some(BaselineState::Existing)));
    }

    #[test]
    fn new_fixed_and_fallback_matches() {
        let baseline = baseline_of(vec![
            page(
                "https://c.example/",
                r#"<img src="a.png"><img src="gone.png"><div><img src="moved.png"></div>"#,
            ),
            page("https://c.example/other", r#"<img src="x.png">"#),
        ]);
        // a.png unchanged but a paragraph inserted before it; gone.png removed (fixed);
        // new.png added (new); moved.png moved from a div to a section: its fingerprint
        // and selector change, its snippet does not (matched by snippet). The other page
        // is not in the new report: its finding is fixed.
        let mut report = Report::new(vec![page(
            "https://c.example/",
            r#"<p>Intro</p><img src="a.png"><img src="new.png"><section><img src="moved.png"></section>"#,
        )]);
        baseline.apply(&mut report);
        let s = states(&report.pages[0].audit);
        assert_eq!(
            s,
            [
                (r#"<img src="a.png">"#.into(), Some(BaselineState::Existing)),
                (r#"<img src="new.png">"#.into(), Some(BaselineState::New)),
                // Moved from div to section: the path changed, the snippet did not.
                (
                    r#"<img src="moved.png">"#.into(),
                    Some(BaselineState::Existing)
                ),
            ]
        );
        let summary = report.baseline.unwrap();
        assert_eq!((summary.new, summary.existing), (1, 2));
        let fixed: Vec<(&str, &str)> = summary
            .fixed
            .iter()
            .map(|f| (f.url.as_str(), f.selector.as_str()))
            .collect();
        assert_eq!(
            fixed,
            [
                (
                    "https://c.example/",
                    "html > body:nth-child(2) > main > img:nth-child(3)"
                ),
                (
                    "https://c.example/other",
                    "html > body:nth-child(2) > main > img:nth-child(2)"
                )
            ]
        );
    }

    #[test]
    fn each_baseline_finding_matches_once() {
        // Two identical images where the baseline had one: one existing, one new.
        let baseline = baseline_of(vec![page("https://c.example/", r#"<img src="a.png">"#)]);
        let mut report = Report::new(vec![page(
            "https://c.example/",
            r#"<img src="a.png"><img src="a.png">"#,
        )]);
        baseline.apply(&mut report);
        let summary = report.baseline.unwrap();
        assert_eq!(
            (summary.new, summary.existing, summary.fixed.len()),
            (1, 1, 0)
        );
    }

    #[test]
    fn file_pages_match_across_checkouts() {
        let body = r#"<img src="a.png">"#;
        let baseline = baseline_of(vec![
            page("file:///home/alice/site/index.html", body),
            page("file:///home/alice/site/bins/index.html", body),
        ]);
        let mut report = Report::new(vec![
            page("file:///builds/42/site/index.html", body),
            page("file:///builds/42/site/bins/index.html", body),
        ]);
        baseline.apply(&mut report);
        let summary = report.baseline.unwrap();
        assert_eq!(
            (summary.new, summary.existing, summary.fixed.len()),
            (0, 2, 0)
        );
    }

    #[test]
    fn other_schema_versions_are_refused() {
        let digest: ReportDigest =
            serde_json::from_str(r#"{"schema_version": 2, "pages": []}"#).unwrap();
        assert!(Baseline::new("x", digest)
            .unwrap_err()
            .contains("schema version 2"));
    }
}
