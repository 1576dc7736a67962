//! The report formats and the one place that picks a renderer for each. Every renderer
//! takes the same arguments (the report, more pages streamed after its own, a sink for
//! the text), so commands and drivers never need to know which format they write.

use std::borrow::Borrow;
use std::convert::Infallible;

use super::text::Style;
use super::{earl, html, json, junit, markdown, sarif, text, Page, Report};

/// A report format. Its [`Format::name`] is what `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// For people at a terminal.
    Text,
    /// Report schema v1 (`docs/report.md`), for tools.
    Json,
    /// SARIF 2.1.0, for code scanning (`docs/formats.md`).
    Sarif,
    /// JUnit XML, for CI test views (`docs/formats.md`).
    Junit,
    /// EARL JSON-LD, as ACT implementation reports use (`docs/formats.md`).
    Earl,
    /// A short GitHub-flavoured summary for a pull-request comment (`docs/formats.md`).
    Markdown,
    /// One self-contained page with charts and a sortable page table (`docs/formats.md`).
    Html,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Earl,
        Format::Markdown,
        Format::Html,
    ];

    /// The name `--format` and `frontdesk.toml` use.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Earl => "earl",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format with this [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The format a file name's extension stands for (`report.sarif` → SARIF), ignoring
    /// case; `None` for an extension no format of this build claims.
    pub fn from_extension(extension: &str) -> Option<Format> {
        EXTENSIONS
            .iter()
            .find(|(ext, _)| ext.eq_ignore_ascii_case(extension))
            .and_then(|(_, name)| Format::from_name(name))
    }

    /// The usual file extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        EXTENSIONS
            .iter()
            .find(|(_, name)| *name == self.name())
            .map_or("txt", |(ext, _)| ext)
    }
}

/// File extensions and the format name each stands for, the usual one first. Keyed by
/// name so that an extension works as soon as its format exists.
const EXTENSIONS: &[(&str, &str)] = &[
    ("txt", "text"),
    ("json", "json"),
    ("sarif", "sarif"),
    ("xml", "junit"),
    ("md", "markdown"),
    ("html", "html"),
    ("htm", "html"),
    ("jsonld", "earl"),
];

/// Writes `report`, with `more` pages after its own, in `format`, one piece at a time to
/// `sink`. `style` only matters for [`Format::Text`].
pub fn write<P, E>(
    format: Format,
    report: &Report,
    more: impl IntoIterator<Item = Result<P, E>>,
    style: Style,
    sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E>
where
    P: Borrow<Page>,
{
    match format {
        Format::Text => text::write(report, more, style, sink),
        Format::Json => json::write(report, more, sink),
        Format::Sarif => sarif::write(report, more, sink),
        Format::Junit => junit::write(report, more, sink),
        Format::Earl => earl::write(report, more, sink),
        Format::Markdown => markdown::write(report, more, sink),
        Format::Html => html::write(report, more, sink),
    }
}

/// The whole report in `format`, as one string.
pub fn render(format: Format, report: &Report, style: Style) -> String {
    whole(|more, sink| write(format, report, more, style, sink))
}

/// Runs a renderer's streaming `write` with no pages after the report's own, collecting
/// its text: each renderer's `render` is this over its `write`.
pub(super) fn whole(
    write: impl FnOnce(
        std::iter::Empty<Result<Page, Infallible>>,
        &mut dyn FnMut(&str) -> Result<(), Infallible>,
    ) -> Result<(), Infallible>,
) -> String {
    let mut out = String::new();
    let written = write(std::iter::empty(), &mut |s| {
        out.push_str(s);
        Ok(())
    });
    match written {
        Ok(()) => out,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
        assert_eq!(Format::from_name("xml"), None);
        let mut names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Format::ALL.len());
    }

    #[test]
    fn every_format_has_its_own_extension_and_back() {
        for &f in Format::ALL {
            assert!(
                EXTENSIONS.iter().any(|(_, name)| *name == f.name()),
                "{} has no extension",
                f.name()
            );
            assert_eq!(Format::from_extension(f.extension()), Some(f));
        }
        assert_eq!(Format::from_extension("JSON"), Some(Format::Json));
        assert_eq!(Format::from_extension("txt"), Some(Format::Text));
        assert_eq!(Format::from_extension("pdf"), None);
        assert_eq!(Format::from_extension(""), None);
    }

    #[test]
    fn dispatch_gives_each_renderers_own_output() {
        let page = crate::audit(
            "<html lang=en><title>Bins</title><img src=bin.png></html>",
            "https://a.example/",
            &crate::Options::default(),
        );
        let report = Report::new(vec![page]);
        assert_eq!(
            render(Format::Json, &report, Style::plain()),
            json::render(&report)
        );
        assert_eq!(
            render(Format::Text, &report, Style::plain()),
            text::render(&report, Style::plain())
        );
        assert_eq!(
            render(Format::Sarif, &report, Style::plain()),
            sarif::render(&report)
        );
        assert_eq!(
            render(Format::Junit, &report, Style::plain()),
            junit::render(&report)
        );
        assert_eq!(
            render(Format::Earl, &report, Style::plain()),
            earl::render(&report)
        );
        assert_eq!(
            render(Format::Markdown, &report, Style::plain()),
            markdown::render(&report)
        );
        assert_eq!(
            render(Format::Html, &report, Style::plain()),
            html::render(&report)
        );
    }

    #[test]
    fn every_format_streams_the_same_text_it_renders_whole() {
        for report in [
            crate::report::samples::check_report(),
            crate::report::samples::crawl_report(),
        ] {
            let head = Report {
                pages: Vec::new(),
                ..report.clone()
            };
            for &format in Format::ALL {
                let whole = render(format, &report, Style::plain());
                let mut streamed = String::new();
                write(
                    format,
                    &head,
                    report.pages.iter().map(Ok::<_, ()>),
                    Style::plain(),
                    |s| {
                        streamed.push_str(s);
                        Ok(())
                    },
                )
                .unwrap();
                assert_eq!(streamed, whole, "{}", format.name());
            }
        }
    }
}
