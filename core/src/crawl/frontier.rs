//! The crawl's bookkeeping: every URL met, its state, who links to it, and the queue of
//! URLs still to fetch.
//!
//! Owned by the single coordinating task, so it needs no locks; fetch tasks only ever see
//! one [`Job`] and hand back an outcome. Everything here is bounded:
//!
//! - at most `--max-pages` in-scope URLs are ever accepted for fetching (pages, documents,
//!   redirects and errors all count), so the queue and the URL table cannot grow past it
//!   however large the site or endless a link maze;
//! - URLs refused by a limit or `--exclude` are only counted (a 64-bit hash each, to count
//!   each URL once);
//! - at most [`MAX_EXTERNAL`] distinct external URLs are kept;
//! - each URL keeps at most [`MAX_LISTED_REFERRERS`] referring pages — the alphabetically
//!   first ones, so the list does not depend on crawl order — plus a count.
//!
//! Redirects are not followed inside a fetch: a redirect's target becomes a URL of its own,
//! fetched (once) like any other and queued at the front so the chain completes quickly.
//! That is what makes deduplication exact (a page reached directly and through three
//! redirects is fetched once) and the report independent of which arrived first. Chains,
//! loops and their ends are worked out when the report is built.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use url::Url;

use super::scope::{InScope, Scope};

pub type Id = u32;

/// Longest redirect chain followed (browsers allow about 20; sites needing more than 10 are
/// broken for people too).
pub const MAX_REDIRECTS: u8 = 10;
pub const MAX_LISTED_REFERRERS: usize = 50;
pub const MAX_EXTERNAL: usize = 10_000;

#[derive(Debug, Clone)]
pub struct Job {
    pub id: Id,
    pub url: Url,
    /// Links followed from a seed (the start URL or a sitemap entry) to get here.
    pub depth: u32,
    /// Redirects followed to get here.
    pub hops: u8,
    pub kind: JobKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// An in-scope URL: fetch, and audit it if it is a page.
    Fetch,
    /// An external link, checked with HEAD (`--check-external`).
    CheckExternal,
}

#[derive(Debug, Clone)]
pub enum State {
    Queued,
    /// Audited; its record is in the crawl's page list.
    Page,
    Document {
        status: Option<u16>,
        content_type: Option<String>,
        length: Option<u64>,
    },
    Redirect {
        status: Option<u16>,
        to: Id,
    },
    Broken {
        status: Option<u16>,
        kind: &'static str,
        message: String,
    },
    /// Fetched (or refused by robots.txt) but not audited.
    NotAudited {
        status: Option<u16>,
        content_type: Option<String>,
        reason: &'static str,
        message: String,
    },
    External {
        checked: Option<ExternalCheck>,
    },
    /// A redirect target left alone: page limit reached, or excluded by `--exclude`.
    NotCrawled {
        reason: &'static str,
    },
}

#[derive(Debug, Clone)]
pub struct ExternalCheck {
    pub status: Option<u16>,
    /// (kind, message) when there is no usable answer.
    pub error: Option<(&'static str, String)>,
}

#[derive(Debug, Default, Clone)]
pub struct Referrers {
    pub listed: BTreeSet<Arc<str>>,
    pub count: u32,
}

impl Referrers {
    pub fn add(&mut self, from: &Arc<str>, keep: bool) {
        self.count += 1;
        if keep {
            self.listed.insert(Arc::clone(from));
            if self.listed.len() > MAX_LISTED_REFERRERS {
                self.listed.pop_last();
            }
        }
    }

    pub fn merge(&mut self, other: &Referrers) {
        self.count += other.count;
        for r in &other.listed {
            self.listed.insert(Arc::clone(r));
        }
        while self.listed.len() > MAX_LISTED_REFERRERS {
            self.listed.pop_last();
        }
    }
}

#[derive(Debug)]
pub struct Entry {
    pub url: Arc<str>,
    pub state: State,
    pub referrers: Referrers,
    /// A start URL or sitemap entry (reported even when nothing links to it).
    pub seed: bool,
    /// The start URL or a URL it redirected to.
    pub start_chain: bool,
}

/// Distinct URLs refused by each limit.
#[derive(Debug, Default)]
pub struct NotCrawledCounts {
    pub max_pages: HashSet<u64>,
    pub max_depth: HashSet<u64>,
    pub excluded: HashSet<u64>,
}

pub struct Frontier {
    pub entries: Vec<Entry>,
    index: HashMap<Arc<str>, Id>,
    queue: VecDeque<Job>,
    externals: VecDeque<Job>,
    max_pages: usize,
    max_depth: Option<u32>,
    check_external: bool,
    /// In-scope URLs accepted for fetching so far (≤ max_pages).
    pub accepted: usize,
    pub external_count: usize,
    pub externals_omitted: usize,
    pub not_crawled: NotCrawledCounts,
}

impl Frontier {
    pub fn new(max_pages: usize, max_depth: Option<u32>, check_external: bool) -> Self {
        Frontier {
            entries: Vec::new(),
            index: HashMap::new(),
            queue: VecDeque::new(),
            externals: VecDeque::new(),
            max_pages,
            max_depth,
            check_external,
            accepted: 0,
            external_count: 0,
            externals_omitted: 0,
            not_crawled: NotCrawledCounts::default(),
        }
    }

    pub fn url(&self, id: Id) -> &Arc<str> {
        &self.entries[id as usize].url
    }

    pub fn get(&self, url: &str) -> Option<Id> {
        self.index.get(url).copied()
    }

    /// Whether the page limit has been reached: no further URL will be accepted.
    pub fn full(&self) -> bool {
        self.accepted >= self.max_pages
    }

    pub fn queued(&self) -> usize {
        self.queue.len() + self.externals.len()
    }

    /// The next job: pages first, external checks when no page is waiting.
    pub fn next_job(&mut self) -> Option<Job> {
        self.queue
            .pop_front()
            .or_else(|| self.externals.pop_front())
    }

    fn intern(&mut self, url: &Url, state: State) -> Id {
        let id = self.entries.len() as Id;
        let key: Arc<str> = Arc::from(url.as_str());
        self.index.insert(Arc::clone(&key), id);
        self.entries.push(Entry {
            url: key,
            state,
            referrers: Referrers::default(),
            seed: false,
            start_chain: false,
        });
        id
    }

    /// The start URL. Always accepted.
    pub fn start(&mut self, url: Url) -> Id {
        let id = self.intern(&url, State::Queued);
        let entry = &mut self.entries[id as usize];
        entry.seed = true;
        entry.start_chain = true;
        self.accepted += 1;
        self.queue.push_back(Job {
            id,
            url,
            depth: 0,
            hops: 0,
            kind: JobKind::Fetch,
        });
        id
    }

    /// A URL listed in a sitemap: a seed at depth 0 when it is in scope and new.
    pub fn offer_seed(&mut self, url: Url, scope: &Scope) {
        if let Some(id) = self.get(url.as_str()) {
            self.entries[id as usize].seed = true;
            return;
        }
        match scope.check(&url) {
            InScope::Yes => {
                if let Some(id) = self.accept(url, 0) {
                    self.entries[id as usize].seed = true;
                }
            }
            InScope::Excluded => {
                self.not_crawled.excluded.insert(hash(url.as_str()));
            }
            // Sitemaps may only list their own site's pages; others are ignored.
            InScope::External => {}
        }
    }

    /// A link found on page `from`, whose own depth is `depth - 1`.
    pub fn offer_link(&mut self, url: Url, from: &Arc<str>, depth: u32, scope: &Scope) {
        if let Some(id) = self.get(url.as_str()) {
            let entry = &mut self.entries[id as usize];
            let keep = keeps_referrers(&entry.state, self.check_external);
            if !matches!(entry.state, State::Page) {
                entry.referrers.add(from, keep);
            }
            return;
        }
        match scope.check(&url) {
            InScope::Yes => {
                if let Some(id) = self.accept(url, depth) {
                    self.entries[id as usize].referrers.add(from, true);
                }
            }
            InScope::Excluded => {
                self.not_crawled.excluded.insert(hash(url.as_str()));
            }
            InScope::External => {
                if let Some(id) = self.external(&url) {
                    let keep = self.check_external;
                    self.entries[id as usize].referrers.add(from, keep);
                }
            }
        }
    }

    /// Accepts an in-scope URL for fetching, unless a limit says no.
    fn accept(&mut self, url: Url, depth: u32) -> Option<Id> {
        if self.max_depth.is_some_and(|max| depth > max) {
            self.not_crawled.max_depth.insert(hash(url.as_str()));
            return None;
        }
        if self.full() {
            self.not_crawled.max_pages.insert(hash(url.as_str()));
            return None;
        }
        self.accepted += 1;
        let id = self.intern(&url, State::Queued);
        self.queue.push_back(Job {
            id,
            url,
            depth,
            hops: 0,
            kind: JobKind::Fetch,
        });
        Some(id)
    }

    fn external(&mut self, url: &Url) -> Option<Id> {
        if self.external_count >= MAX_EXTERNAL {
            self.externals_omitted += 1;
            return None;
        }
        self.external_count += 1;
        let id = self.intern(url, State::External { checked: None });
        if self.check_external {
            self.externals.push_back(Job {
                id,
                url: url.clone(),
                depth: 0,
                hops: 0,
                kind: JobKind::CheckExternal,
            });
        }
        Some(id)
    }

    pub fn set(&mut self, id: Id, state: State) {
        let entry = &mut self.entries[id as usize];
        if matches!(state, State::Page) {
            // An audited page's referrers are never reported: free them.
            entry.referrers = Referrers::default();
        }
        entry.state = state;
    }

    /// `job`'s URL answered with a redirect to `target`.
    pub fn redirect(&mut self, job: &Job, status: Option<u16>, target: Url, scope: &mut Scope) {
        let start_chain = self.entries[job.id as usize].start_chain;
        if start_chain {
            // Where the start URL lands is the site (e.g. http://council.example →
            // https://www.council.example/).
            scope.add_host_of(&target);
        }
        let to = match self.get(target.as_str()) {
            Some(to) => to,
            None => match scope.check(&target) {
                InScope::Yes if job.hops >= MAX_REDIRECTS => {
                    self.set(
                        job.id,
                        State::Broken {
                            status,
                            kind: "too-many-redirects",
                            message: format!("more than {MAX_REDIRECTS} redirects in a row"),
                        },
                    );
                    return;
                }
                InScope::Yes if self.full() => {
                    self.not_crawled.max_pages.insert(hash(target.as_str()));
                    self.intern(
                        &target,
                        State::NotCrawled {
                            reason: "max-pages",
                        },
                    )
                }
                InScope::Yes => {
                    self.accepted += 1;
                    let id = self.intern(&target, State::Queued);
                    // At the front: finish the chain before starting new pages.
                    self.queue.push_front(Job {
                        id,
                        url: target,
                        depth: job.depth,
                        hops: job.hops + 1,
                        kind: JobKind::Fetch,
                    });
                    id
                }
                InScope::Excluded => {
                    self.not_crawled.excluded.insert(hash(target.as_str()));
                    self.intern(&target, State::NotCrawled { reason: "excluded" })
                }
                InScope::External => match self.external(&target) {
                    Some(id) => id,
                    None => {
                        self.set(
                            job.id,
                            State::NotCrawled {
                                reason: "too-many-external-links",
                            },
                        );
                        return;
                    }
                },
            },
        };
        if start_chain {
            self.entries[to as usize].start_chain = true;
        }
        self.set(job.id, State::Redirect { status, to });
    }
}

/// Referring pages are kept for URLs that may end up in the report's lists (anything but an
/// audited page), and for external links only when they will be checked.
fn keeps_referrers(state: &State, check_external: bool) -> bool {
    match state {
        State::Page => false,
        State::External { .. } => check_external,
        _ => true,
    }
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn scope() -> Scope {
        Scope::for_site(&url("https://c.example/"), &[], &["/private/**".into()]).unwrap()
    }

    #[test]
    fn each_url_is_queued_once_and_limits_count_distinct_urls() {
        let scope = scope();
        let mut f = Frontier::new(3, Some(2), false);
        f.start(url("https://c.example/"));
        let home: Arc<str> = Arc::from("https://c.example/");
        f.offer_link(url("https://c.example/a"), &home, 1, &scope);
        f.offer_link(url("https://c.example/a"), &home, 1, &scope);
        f.offer_link(url("https://c.example/b"), &home, 1, &scope);
        f.offer_link(url("https://c.example/c"), &home, 1, &scope);
        f.offer_link(url("https://c.example/c"), &home, 1, &scope);
        f.offer_link(url("https://c.example/deep"), &home, 3, &scope);
        f.offer_link(url("https://c.example/private/x"), &home, 1, &scope);
        f.offer_link(url("https://other.example/"), &home, 1, &scope);
        assert_eq!(f.accepted, 3);
        assert!(f.full());
        assert_eq!(f.not_crawled.max_pages.len(), 1);
        assert_eq!(f.not_crawled.max_depth.len(), 1);
        assert_eq!(f.not_crawled.excluded.len(), 1);
        assert_eq!(f.external_count, 1);
        let queued: Vec<String> = std::iter::from_fn(|| f.next_job())
            .map(|j| j.url.to_string())
            .collect();
        assert_eq!(
            queued,
            [
                "https://c.example/",
                "https://c.example/a",
                "https://c.example/b"
            ]
        );
        let a = f.get("https://c.example/a").unwrap();
        assert_eq!(f.entries[a as usize].referrers.count, 2);
    }

    #[test]
    fn referrers_listed_are_the_first_alphabetically() {
        let mut r = Referrers::default();
        for i in (0..200).rev() {
            r.add(&Arc::from(format!("https://c.example/{i:03}")), true);
        }
        assert_eq!(r.count, 200);
        assert_eq!(r.listed.len(), MAX_LISTED_REFERRERS);
        assert_eq!(&**r.listed.first().unwrap(), "https://c.example/000");
        assert_eq!(&**r.listed.last().unwrap(), "https://c.example/049");
    }

    #[test]
    fn redirect_targets_are_fetched_once_and_first() {
        let mut scope = scope();
        let mut f = Frontier::new(10, None, false);
        f.start(url("https://c.example/"));
        let start = f.next_job().unwrap();
        let home: Arc<str> = Arc::from("https://c.example/");
        f.offer_link(url("https://c.example/z"), &home, 1, &scope);
        f.redirect(&start, Some(301), url("https://www.c.example/"), &mut scope);
        let next = f.next_job().unwrap();
        assert_eq!(next.url.as_str(), "https://www.c.example/");
        assert_eq!(next.hops, 1);
        // A second redirect to the same target does not queue it again.
        f.offer_link(url("https://c.example/old"), &home, 1, &scope);
        let _z = f.next_job().unwrap();
        let old = f.next_job().unwrap();
        f.redirect(&old, Some(301), url("https://www.c.example/"), &mut scope);
        assert!(f.next_job().is_none());
    }
}
