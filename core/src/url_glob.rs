//! The one URL glob dialect of the command line and `frontdesk.toml` (`crawl --include` and
//! `--exclude`, `[[ignore]] url`), shared by the crawler's scope and the report's ignores,
//! neither of which may import the other. A glob starting with `/` matches the path and
//! query; any other matches the whole URL. `*` stays within a path segment, `**` crosses
//! them, `\` escapes.

use globset::{Glob, GlobBuilder};
use url::Url;

/// Compiles a glob of the dialect.
pub(crate) fn compile(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
}

/// What a glob starting with `/` is matched against: the URL's path, then `?` and its
/// query when it has one.
pub(crate) fn path_and_query(url: &Url) -> String {
    let mut path = url.path().to_string();
    if let Some(query) = url.query() {
        path.push('?');
        path.push_str(query);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_stay_in_a_segment_and_paths_keep_their_query() {
        let one = compile("/bins/*").unwrap().compile_matcher();
        assert!(one.is_match("/bins/collections"));
        assert!(!one.is_match("/bins/collections/missed"));
        let any = compile("/bins/**").unwrap().compile_matcher();
        assert!(any.is_match("/bins/collections/missed"));
        let url = Url::parse("https://c.example/search?q=bins#top").unwrap();
        assert_eq!(path_and_query(&url), "/search?q=bins");
        let url = Url::parse("https://c.example/").unwrap();
        assert_eq!(path_and_query(&url), "/");
    }
}
