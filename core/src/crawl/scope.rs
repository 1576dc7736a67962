//! Which URLs the crawl may fetch as part of the site.
//!
//! By default the site is the start URL's host, treating `www.` as insignificant:
//! `https://www.council.example/` and `https://council.example/` are one site (councils
//! very often serve both, one redirecting to the other). Other subdomains such as
//! `payments.council.example` are *not* included: they are usually separate systems run by
//! suppliers, and a registrable-domain rule would need the public suffix list to tell
//! `council.gov.uk` from `gov.uk`. An explicit port must match; `http` and `https` on the
//! same host are the same site (so an upgrade redirect stays in scope). When the start URL
//! redirects, the host it lands on joins the site too.
//!
//! `--include GLOB` widens the scope, `--exclude GLOB` narrows it (exclude wins). A glob
//! that starts with `/` is matched against the path and query (`/news/**`, `/search*`);
//! any other glob against the whole normalised URL (`https://payments.council.example/**`).
//! `*` matches within one path segment, `**` across segments, `?` one character
//! (write `[?]` for a literal question mark).
//!
//! Folder crawls are scoped to the folder: every file under it, nothing outside.

use globset::{GlobSet, GlobSetBuilder};
use url::Url;

/// The site: its hosts (or folder) and the `--include`/`--exclude` globs.
#[derive(Debug, Clone)]
pub struct Scope {
    base: Base,
    include: Globs,
    exclude: Globs,
    /// `--include` globs as given, for the report.
    pub include_patterns: Vec<String>,
    /// `--exclude` globs as given, for the report.
    pub exclude_patterns: Vec<String>,
}

#[derive(Debug, Clone)]
enum Base {
    /// (host without a leading `www.`, explicit port).
    Hosts(Vec<(String, Option<u16>)>),
    /// A folder's `file:` URL, ending in `/`.
    Folder(Url),
}

/// Path globs and whole-URL globs, compiled.
#[derive(Debug, Clone)]
struct Globs {
    path: GlobSet,
    url: GlobSet,
    empty: bool,
}

/// Whether a URL is part of the site, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InScope {
    /// Part of the site: crawl it.
    Yes,
    /// Another site: recorded as an external link.
    External,
    /// On the site but excluded by `--exclude`.
    Excluded,
}

impl Scope {
    /// The site of `start` (its host, or the folder of a `file:` URL), widened by
    /// `include` and narrowed by `exclude`; an error names a glob that does not compile.
    pub fn for_site(start: &Url, include: &[String], exclude: &[String]) -> Result<Self, String> {
        let base = match start.scheme() {
            "file" => Base::Folder(start.clone()),
            _ => Base::Hosts(vec![site_key(start)]),
        };
        Ok(Scope {
            base,
            include: Globs::new(include, "--include")?,
            exclude: Globs::new(exclude, "--exclude")?,
            include_patterns: include.to_vec(),
            exclude_patterns: exclude.to_vec(),
        })
    }

    /// Adds the host a start URL redirected to.
    pub fn add_host_of(&mut self, url: &Url) {
        if let Base::Hosts(hosts) = &mut self.base {
            let key = site_key(url);
            if url.host_str().is_some() && !hosts.contains(&key) {
                hosts.push(key);
            }
        }
    }

    /// The site's hosts (without `www.`), for the report.
    pub fn hosts(&self) -> Vec<String> {
        match &self.base {
            Base::Hosts(hosts) => hosts
                .iter()
                .map(|(h, p)| match p {
                    Some(p) => format!("{h}:{p}"),
                    None => h.clone(),
                })
                .collect(),
            Base::Folder(url) => vec![url.to_string()],
        }
    }

    /// Whether `url` (normalised) is part of the site.
    pub fn check(&self, url: &Url) -> InScope {
        if !self.exclude.empty && self.exclude.matches(url) {
            return InScope::Excluded;
        }
        let on_site = match &self.base {
            Base::Hosts(hosts) => {
                matches!(url.scheme(), "http" | "https") && hosts.contains(&site_key(url))
            }
            // The host too: `file://server/share/...` is a network path, not the folder.
            Base::Folder(root) => {
                url.scheme() == "file"
                    && url.host() == root.host()
                    && url.path().starts_with(root.path())
            }
        };
        if on_site || (!self.include.empty && self.include.matches(url)) {
            InScope::Yes
        } else {
            InScope::External
        }
    }
}

fn site_key(url: &Url) -> (String, Option<u16>) {
    let host = url.host_str().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.to_string(), url.port())
}

impl Globs {
    fn new(patterns: &[String], flag: &str) -> Result<Self, String> {
        let mut path = GlobSetBuilder::new();
        let mut url = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = crate::url_glob::compile(pattern)
                .map_err(|e| format!("invalid {flag} glob '{pattern}': {e}"))?;
            if pattern.starts_with('/') {
                path.add(glob);
            } else {
                url.add(glob);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| format!("invalid {flag} glob: {e}"));
        Ok(Globs {
            path: build(path)?,
            url: build(url)?,
            empty: patterns.is_empty(),
        })
    }

    fn matches(&self, url: &Url) -> bool {
        if self.url.is_match(url.as_str()) {
            return true;
        }
        self.path.is_match(crate::url_glob::path_and_query(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn same_host_and_www_are_one_site() {
        let scope = Scope::for_site(&url("https://www.council.example/"), &[], &[]).unwrap();
        assert_eq!(
            scope.check(&url("https://council.example/bins")),
            InScope::Yes
        );
        assert_eq!(
            scope.check(&url("http://www.council.example/bins")),
            InScope::Yes
        );
        assert_eq!(
            scope.check(&url("https://payments.council.example/")),
            InScope::External
        );
        assert_eq!(
            scope.check(&url("https://www.council.example:8443/")),
            InScope::External
        );
        assert_eq!(
            scope.check(&url("https://other.example/")),
            InScope::External
        );
    }

    #[test]
    fn include_widens_and_exclude_narrows() {
        let scope = Scope::for_site(
            &url("https://council.example/"),
            &["https://payments.council.example/**".into()],
            &["/search*".into(), "/news/**/print".into()],
        )
        .unwrap();
        assert_eq!(
            scope.check(&url("https://payments.council.example/pay/now")),
            InScope::Yes
        );
        assert_eq!(
            scope.check(&url("https://council.example/search?q=bins")),
            InScope::Excluded
        );
        assert_eq!(
            scope.check(&url("https://council.example/news/2024/a/print")),
            InScope::Excluded
        );
        assert_eq!(
            scope.check(&url("https://council.example/news/2024")),
            InScope::Yes
        );
    }

    #[test]
    fn star_stays_within_a_segment() {
        let scope = Scope::for_site(&url("https://c.example/"), &[], &["/a/*".into()]).unwrap();
        assert_eq!(
            scope.check(&url("https://c.example/a/1")),
            InScope::Excluded
        );
        assert_eq!(scope.check(&url("https://c.example/a/1/2")), InScope::Yes);
    }

    #[test]
    fn bad_glob_is_a_usage_error() {
        let err = Scope::for_site(&url("https://c.example/"), &["/a[".into()], &[]).unwrap_err();
        assert!(err.starts_with("invalid --include glob '/a['"), "{err}");
    }

    #[test]
    fn folder_scope() {
        let scope = Scope::for_site(&url("file:///srv/site/"), &[], &[]).unwrap();
        assert_eq!(scope.check(&url("file:///srv/site/a/b.html")), InScope::Yes);
        assert_eq!(
            scope.check(&url("file:///srv/other.html")),
            InScope::External
        );
        assert_eq!(scope.check(&url("https://c.example/")), InScope::External);
        assert_eq!(
            scope.check(&url("file://evil/srv/site/a.html")),
            InScope::External
        );
    }
}
