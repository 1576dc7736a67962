use super::predicates::has_accessible_name;
use super::{Context, Expectation, Rule, RuleMeta, Target, declare_rule};
use crate::model::El;
use crate::rules::Level;

declare_rule! {
    /// ## What it does
    /// Checks that an `<object>` showing an image, audio or video has a non-empty accessible
    /// name from `title`, `aria-label` or `aria-labelledby`. The fallback content inside the
    /// `<object>` and an `alt` attribute do not name it. The kind of content is read from the
    /// `type` attribute or the file extension of `data`; when neither tells, an unnamed object
    /// is reported as "can't tell".
    ///
    /// ## Why it matters
    /// Screen readers announce an unnamed embedded object as just "object" (or skip it), so a
    /// recorded council meeting or a scanned notice is lost to blind users.
    ///
    /// ## Example
    /// ```html
    /// <object data="/media/budget-meeting.mp4"></object>                             <!-- fails -->
    /// <object data="/media/budget-meeting.mp4" title="Budget meeting, March"></object> <!-- passes -->
    /// ```
    /// Prefer `<img>`, `<audio>` and `<video>`, which browsers and assistive technologies
    /// support much better.
    ///
    /// ## References
    /// WCAG 2.2 SC 1.1.1 Non-text Content (A);
    /// ACT rule 8fc3b6 "Object element rendering non-text content has non-empty accessible name".
    pub struct ObjectHasName {
        id: "object-has-name",
        title: "Object showing an image, audio or video has a non-empty accessible name",
        wcag: ["1.1.1"],
        level: Some(Level::A),
        act: ["8fc3b6"],
        impact: Serious,
        codes: ["has-name", "unknown-type", "no-name"],
    }
}

const PASSED: &str = "The object has an accessible name.";
const FAILED: &str = "The object shows an image, audio or video but has no accessible name: add a title or aria-label that says what it is.";
const UNKNOWN_TYPE: &str = "The object has no accessible name, and its content type cannot be told from the page: if it shows an image, audio or video, add a title or aria-label.";

/// What an `<object>` embeds, as far as the markup tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Embedded {
    /// An image, audio or video MIME type (or a file extension that implies one).
    Media,
    /// Something else: HTML, PDF, plain text, a plug-in.
    Other,
    /// No `type` and no telling extension.
    Unknown,
}

impl Rule for ObjectHasName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn applicability<'d>(&self, cx: &Context<'d>) -> Vec<Target<'d>> {
        let doc = cx.doc;
        doc.elements_named(&["object"])
            .filter(|e| e.is_html() && e.name() == "object")
            .filter(|e| e.is_in_accessibility_tree() && e.explicit_role().is_none())
            .filter(|e| embedded(e) != Embedded::Other)
            .map(Target::element)
            .collect()
    }

    fn expectation<'d>(&self, target: &Target<'d>, _cx: &Context<'d>) -> Expectation {
        let el = target.element;
        if has_accessible_name(&el) {
            Expectation::passed("has-name", PASSED)
        } else if embedded(&el) == Embedded::Unknown {
            Expectation::cant_tell("unknown-type", UNKNOWN_TYPE)
        } else {
            Expectation::failed("no-name", FAILED)
        }
    }
}

fn embedded(el: &El) -> Embedded {
    if let Some(mime) = el.non_empty_attr("type") {
        return classify_mime(mime);
    }
    let Some(data) = el.non_empty_attr("data") else {
        // Nothing to load: the fallback content is shown instead.
        return Embedded::Other;
    };
    if let Some(rest) = strip_prefix_ignore_case(data, "data:") {
        let mime = rest.split([';', ',']).next().unwrap_or("");
        return if mime.trim().is_empty() {
            Embedded::Other
        } else {
            classify_mime(mime)
        };
    }
    let path = data.split(['?', '#']).next().unwrap_or("");
    let file = path.rsplit('/').next().unwrap_or("");
    match file.rsplit_once('.') {
        Some((_, ext)) => classify_extension(&ext.to_ascii_lowercase()),
        None => Embedded::Unknown,
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// MIME Sniffing's "image MIME type" and "audio or video MIME type" (plus `application/ogg`).
fn classify_mime(mime: &str) -> Embedded {
    let essence = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let media = essence.starts_with("image/")
        || essence.starts_with("audio/")
        || essence.starts_with("video/")
        || essence == "application/ogg";
    if media {
        Embedded::Media
    } else if essence.contains('/') {
        Embedded::Other
    } else {
        Embedded::Unknown
    }
}

fn classify_extension(ext: &str) -> Embedded {
    const MEDIA: &[&str] = &[
        // images
        "apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "jfif", "pjpeg", "pjp", "png", "svg",
        "svgz", "tif", "tiff", "webp", // audio
        "aac", "flac", "m4a", "mid", "midi", "mp3", "oga", "ogg", "opus", "wav",
        "weba", // video
        "3gp", "avi", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "webm",
    ];
    const OTHER: &[&str] = &[
        "asp", "aspx", "cgi", "csv", "doc", "docx", "htm", "html", "json", "jsp", "md", "odt",
        "pdf", "php", "rtf", "shtml", "swf", "txt", "xht", "xhtml", "xml",
    ];
    if MEDIA.contains(&ext) {
        Embedded::Media
    } else if OTHER.contains(&ext) {
        Embedded::Other
    } else {
        Embedded::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(html: &str) -> Embedded {
        let doc = crate::parse_document(html);
        let object = doc.elements().find(|e| e.name() == "object").unwrap();
        embedded(&object)
    }

    #[test]
    fn tells_the_embedded_content_from_type_data_url_or_extension() {
        assert_eq!(
            kind(r#"<object type="image/png" data="/x"></object>"#),
            Embedded::Media
        );
        assert_eq!(
            kind(r#"<object type="application/pdf" data="a.png"></object>"#),
            Embedded::Other
        );
        assert_eq!(
            kind(r#"<object data="data:video/mp4;base64,AAAA"></object>"#),
            Embedded::Media
        );
        assert_eq!(
            kind(r#"<object data="/Clips/Meeting.MP4?t=10#start"></object>"#),
            Embedded::Media
        );
        assert_eq!(
            kind(r#"<object data="/agenda.pdf"></object>"#),
            Embedded::Other
        );
        assert_eq!(
            kind(r#"<object data="/stream"></object>"#),
            Embedded::Unknown
        );
        assert_eq!(
            kind(r#"<object><img src="a.png" alt="A"></object>"#),
            Embedded::Other
        );
    }
}
