//! The CSS properties the engine computes, and their parsed values.

/// A property the cascade keeps. Declarations of any other property are dropped at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PropertyId {
    /// `display`
    Display,
    /// `visibility`
    Visibility,
    /// `color`
    Color,
}

impl PropertyId {
    /// Looks up a property by its (case-insensitive) name.
    pub fn from_name(name: &str) -> Option<PropertyId> {
        let id = match name.to_ascii_lowercase().as_str() {
            "display" => PropertyId::Display,
            "visibility" => PropertyId::Visibility,
            "color" => PropertyId::Color,
            _ => return None,
        };
        Some(id)
    }

    /// Whether the property inherits by default.
    pub fn inherited(self) -> bool {
        matches!(self, PropertyId::Visibility | PropertyId::Color)
    }
}

/// Computed `display`, reduced to what accessibility depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// `none`: the element and its subtree are not rendered.
    None,
    /// `inline`, `inline-block`, `inline-flex`, …: no line break around the element's text.
    Inline,
    /// `block`, `flex`, `grid`, `list-item`, `table*`, …
    Block,
    /// `contents`: the element's box is replaced by its children's.
    Contents,
}

impl Display {
    pub(crate) fn parse(value: &str) -> Option<Display> {
        let v = value.trim().to_ascii_lowercase();
        let first = v.split_ascii_whitespace().next()?;
        Some(match first {
            "none" => Display::None,
            "contents" => Display::Contents,
            "inline" | "inline-block" | "inline-flex" | "inline-grid" | "inline-table" | "ruby" => {
                Display::Inline
            }
            "block" | "flex" | "grid" | "list-item" | "table" | "table-row" | "table-cell"
            | "table-row-group" | "table-header-group" | "table-footer-group" | "table-caption"
            | "table-column" | "table-column-group" | "flow-root" | "flow" => Display::Block,
            _ => return None,
        })
    }
}

/// Computed `visibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// `visible`
    Visible,
    /// `hidden`
    Hidden,
    /// `collapse` (hidden for everything but table parts' layout)
    Collapse,
}

impl Visibility {
    pub(crate) fn parse(value: &str) -> Option<Visibility> {
        Some(match value.trim().to_ascii_lowercase().as_str() {
            "visible" => Visibility::Visible,
            "hidden" => Visibility::Hidden,
            "collapse" => Visibility::Collapse,
            _ => return None,
        })
    }
}
