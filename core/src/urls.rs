//! Resolving a page's references against its URL.

use url::Url;

/// `base.join(href)`, safe for `file:` pages whose name looks like a Windows drive letter.
///
/// The url crate (2.5.8) goes wrong resolving `..` against a `file:` URL whose last segment
/// is a drive letter (`file:///srv/site/A:`): a failed assertion in debug builds, a wrong
/// path otherwise. Every reference but a query or a fragment alone is resolved against the
/// page's folder anyway, and the folder has no such last segment.
///
/// ```
/// use frontdesk_core::urls::join;
/// use url::Url;
/// let page = Url::parse("file:///srv/site/A:").unwrap();
/// assert_eq!(join(&page, "../x.html").unwrap().as_str(), "file:///srv/x.html");
/// assert_eq!(join(&page, "?p=2").unwrap().as_str(), "file:///srv/site/A:?p=2");
/// ```
pub fn join(base: &Url, href: &str) -> Option<Url> {
    if base.scheme() != "file" || href.starts_with(['?', '#']) {
        return base.join(href).ok();
    }
    let path = base.path();
    let folder = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
    let mut url = base.clone();
    url.set_query(None);
    url.set_path(folder);
    url.join(href).ok()
}
