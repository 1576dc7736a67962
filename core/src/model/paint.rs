//! A static painting model for text colours: the backgrounds of an element's ancestors are
//! painted from the root down over a white canvas, `opacity` makes groups that are
//! composited as a whole, and the text colour is painted last (or its outline, where a
//! `-webkit-text-stroke` or four-sided `text-shadow` outline contrasts more). Where the result depends on
//! something the model does not know (images, shadows, out-of-flow boxes), it says why.

use super::El;

use crate::style::{BackgroundImage, ComputedStyle, Position, Rgba};

/// What a static model can say about the colours of an element's text.
#[derive(Debug, Clone, PartialEq)]
pub enum TextColors {
    /// Foreground and background, composited to opaque colours; more than one pair when
    /// the background is a gradient (one per colour stop).
    Known(ColorPairs),
    /// The colours cannot be computed; the message says why.
    Unknown(&'static str),
}

/// (text, background) colour pairs: a slice, kept inline for the usual single pair (every
/// text element of a page gets one; a gradient gives one per colour stop).
#[derive(Debug, Clone, PartialEq)]
pub struct ColorPairs(PairsInner);

#[derive(Debug, Clone, PartialEq)]
enum PairsInner {
    One([(Rgba, Rgba); 1]),
    Many(Vec<(Rgba, Rgba)>),
}

impl std::ops::Deref for ColorPairs {
    type Target = [(Rgba, Rgba)];
    fn deref(&self) -> &[(Rgba, Rgba)] {
        match &self.0 {
            PairsInner::One(pair) => pair,
            PairsInner::Many(pairs) => pairs,
        }
    }
}

impl From<Vec<(Rgba, Rgba)>> for ColorPairs {
    fn from(pairs: Vec<(Rgba, Rgba)>) -> Self {
        match pairs[..] {
            [pair] => ColorPairs(PairsInner::One([pair])),
            _ => ColorPairs(PairsInner::Many(pairs)),
        }
    }
}

impl<'a> IntoIterator for &'a ColorPairs {
    type Item = &'a (Rgba, Rgba);
    type IntoIter = std::slice::Iter<'a, (Rgba, Rgba)>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

pub(crate) const SHADOW: &str = "The text has a text-shadow, which changes the colours around the letters; check the contrast by eye.";
pub(crate) const IMAGE: &str = "The text is over a background image; check the contrast against the darkest and lightest parts of the image.";
pub(crate) const POSITIONED: &str = "The text (or a box it is in) is positioned out of the normal flow without a background of its own, so what it sits on cannot be known without rendering; check the contrast by eye.";
pub(crate) const UNKNOWN_COLOR: &str = "The text or background colour uses CSS the engine cannot compute (e.g. color-mix() or an unsupported colour space); check the contrast by eye.";
pub(crate) const MANY_GRADIENTS: &str =
    "The background combines several gradients; check the contrast by eye.";

/// A stable kebab-case code for each reason [`TextColors::Unknown`] gives, so the contrast
/// rules report why they could not tell as a code as well as in words.
pub(crate) fn unknown_reason_code(reason: &str) -> &'static str {
    match reason {
        SHADOW => "text-shadow",
        IMAGE => "background-image",
        POSITIONED => "positioned-out-of-flow",
        UNKNOWN_COLOR => "uncomputed-colour",
        MANY_GRADIENTS => "several-gradients",
        _ => "colours-unknown",
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Layer {
    /// Premultiplied colour.
    color: [f64; 4],
    opacity: f64,
    uncertain: Option<&'static str>,
}

impl Layer {
    fn paint(&mut self, c: Rgba) {
        let a = c.alpha();
        let src = [
            c.r as f64 / 255.0 * a,
            c.g as f64 / 255.0 * a,
            c.b as f64 / 255.0 * a,
            a,
        ];
        for (dst, src) in self.color.iter_mut().zip(src) {
            *dst = src + *dst * (1.0 - a);
        }
        if a >= 1.0 {
            self.uncertain = None;
        }
    }
    fn to_rgba(self) -> Rgba {
        let a = self.color[3];
        if a <= 0.0 {
            return Rgba::TRANSPARENT;
        }
        // Round half up by truncation: values are never negative, `as` saturates at 255,
        // and `f64::round` is a library call on baseline x86-64 (this runs for every text).
        let ch = |v: f64| ((v / a) * 255.0 + 0.5) as u8;
        Rgba {
            r: ch(self.color[0]),
            g: ch(self.color[1]),
            b: ch(self.color[2]),
            a: (a * 255.0 + 0.5) as u8,
        }
    }
}

/// Composites the layer stack (bottom first), with `text` painted on the top layer if
/// given, over the white canvas.
fn flatten(stack: &[Layer], text: Option<Rgba>) -> (Rgba, Option<&'static str>) {
    let (last, below) = stack.split_last().expect("the stack has a base layer");
    let mut top = *last;
    if let Some(c) = text {
        top.paint(c);
    }
    for parent in below.iter().rev() {
        let mut parent = *parent;
        let k = top.opacity;
        for i in 0..4 {
            parent.color[i] = top.color[i] * k + parent.color[i] * (1.0 - top.color[3] * k);
        }
        parent.uncertain = parent.uncertain.or(top.uncertain);
        top = parent;
    }
    let base = top;
    // The canvas is opaque white under everything.
    let mut canvas = Layer {
        color: [1.0, 1.0, 1.0, 1.0],
        opacity: 1.0,
        uncertain: None,
    };
    let c = base.to_rgba();
    canvas.paint(c);
    (canvas.to_rgba(), base.uncertain)
}

/// Whether a box with this style changes the colours of text inside it: it has a background
/// (or one the engine cannot compute), makes an opacity group, or leaves the normal flow.
/// The document model keeps the answer as a flag, so that painting skips the rest.
pub(crate) fn paints_under_text(s: &ComputedStyle) -> bool {
    s.opacity < 1.0
        || matches!(s.position, Position::Absolute | Position::Fixed)
        || !s.background_known()
        || s.background_color.a != 0
        || s.background_image != BackgroundImage::None
}

/// What text inside a box is painted on: the box's and its ancestors' backgrounds,
/// composited with their opacity groups. The same for all the text whose nearest painting
/// box ([`paints_under_text`]) is this one, so the document model keeps one per box.
#[derive(Debug, Clone)]
pub(crate) enum Backdrop {
    /// One entry per colour stop of a background gradient (a single entry without one):
    /// the layer stack, and the background it flattens to with why that is uncertain.
    Known(Vec<(Vec<Layer>, Rgba, Option<&'static str>)>),
    /// The background cannot be computed; the message says why.
    Unknown(&'static str),
}

/// Paints the backgrounds of `painter` (the nearest box that paints under some text, or
/// `None` when no box does) and its painting ancestors from the root down.
pub(crate) fn backdrop(painter: Option<El>) -> Backdrop {
    // Only boxes that paint or group something change the colours: the many transparent
    // wrappers in between are skipped (painting a transparent layer is the identity).
    // Each entry keeps its depth below the root, which out-of-flow needs.
    let mut chain: Vec<(usize, El)> = Vec::new();
    if let Some(painter) = painter {
        let mut above = 0;
        for e in std::iter::once(painter).chain(painter.ancestors()) {
            if e.paints_under_text() {
                chain.push((above, e));
            }
            above += 1;
        }
        chain.reverse();
        for (depth, _) in chain.iter_mut() {
            *depth = above - 1 - *depth;
        }
    }
    let mut gradients = chain
        .iter()
        .filter_map(|(_, e)| match e.style().background_image {
            BackgroundImage::Gradient(g) => Some((g, *e)),
            _ => None,
        });
    let gradient = gradients.next();
    if gradients.next().is_some() {
        return Backdrop::Unknown(MANY_GRADIENTS);
    }
    // One pass per colour stop of the gradient, or one pass without a gradient.
    let stops = gradient.map_or(&[][..], |(g, e)| e.document().gradient_stops(g));
    let mut passes = Vec::with_capacity(stops.len().max(1));
    for stop in 0..stops.len().max(1) {
        let stop = stops.get(stop).copied();
        let mut stack = vec![Layer {
            color: [0.0; 4],
            opacity: 1.0,
            uncertain: None,
        }];
        for &(depth, e) in &chain {
            let s = e.style();
            if s.opacity < 1.0 {
                stack.push(Layer {
                    color: [0.0; 4],
                    opacity: s.opacity as f64,
                    uncertain: None,
                });
            }
            let out_of_flow =
                matches!(s.position, Position::Absolute | Position::Fixed) && depth > 1;
            if out_of_flow {
                for layer in stack.iter_mut() {
                    layer.uncertain = Some(POSITIONED);
                }
            }
            let top = stack.last_mut().expect("non-empty");
            if !s.background_known() {
                return Backdrop::Unknown(UNKNOWN_COLOR);
            }
            top.paint(s.background_color);
            match s.background_image {
                BackgroundImage::None => {}
                BackgroundImage::Opaque => top.uncertain = Some(IMAGE),
                BackgroundImage::Gradient(_) => {
                    if let Some(c) = stop {
                        top.paint(c);
                    }
                }
            }
        }
        let (bg, uncertain) = flatten(&stack, None);
        passes.push((stack, bg, uncertain));
    }
    Backdrop::Known(passes)
}

/// The element's text painted on its backdrop (see [`Backdrop`]): the text and background
/// colours where the text is.
pub(crate) fn text_colors(el: &El, backdrop: &Backdrop) -> TextColors {
    let style = el.style();
    if !style.color_known() {
        return TextColors::Unknown(UNKNOWN_COLOR);
    }
    if style.has_text_shadow() {
        return TextColors::Unknown(SHADOW);
    }
    let passes = match backdrop {
        Backdrop::Known(passes) => passes,
        Backdrop::Unknown(reason) => return TextColors::Unknown(reason),
    };
    // The usual single pass needs no vector.
    let mut one = None;
    let mut many = Vec::new();
    for (stack, bg, uncertain_bg) in passes {
        let (mut bg, mut uncertain_bg) = (*bg, *uncertain_bg);
        // Opaque text with no opacity group around it covers what is below: it is its own
        // colour (compositing gives the same, exactly: see the round-trip test).
        let fg = if style.color.a == 255 && stack.len() == 1 {
            style.color
        } else {
            flatten(stack, Some(style.color)).0
        };
        // A shadow halo around the letters is what they are read against. An opaque one,
        // with no translucent group around it, hides whatever the background is.
        if let Some(halo) = style.text_halo().filter(|h| *h != style.color) {
            let (with_halo, _) = flatten(stack, Some(halo));
            bg = with_halo;
            if halo.a == 255 && stack.len() == 1 {
                uncertain_bg = None;
            }
        }
        if let Some(reason) = uncertain_bg {
            return TextColors::Unknown(reason);
        }
        // A narrow outline is part of the letter (WCAG Understanding 1.4.3): the letters
        // stand out from the background by their fill or by their outline, whichever
        // contrasts more.
        let fg = match style.text_outline() {
            Some(outline) => {
                let outline = flatten(stack, Some(outline)).0;
                if outline.contrast(bg) > fg.contrast(bg) {
                    outline
                } else {
                    fg
                }
            }
            None => fg,
        };
        if passes.len() == 1 {
            one = Some((fg, bg));
        } else {
            many.push((fg, bg));
        }
    }
    TextColors::Known(match one {
        Some(pair) => ColorPairs(PairsInner::One([pair])),
        None => ColorPairs(PairsInner::Many(many)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut in [`text_colors`] for opaque text on a single layer is exact: painting
    /// any opaque colour over any backdrop colour, then compositing, gives the colour back.
    #[test]
    fn opaque_text_composites_to_itself() {
        let backdrops = [
            Rgba::TRANSPARENT,
            Rgba {
                r: 255,
                g: 255,
                b: 255,
                a: 255,
            },
            Rgba {
                r: 12,
                g: 200,
                b: 99,
                a: 128,
            },
            Rgba {
                r: 0,
                g: 0,
                b: 0,
                a: 1,
            },
        ];
        for backdrop in backdrops {
            let mut base = Layer {
                color: [0.0; 4],
                opacity: 1.0,
                uncertain: None,
            };
            base.paint(backdrop);
            for v in 0..=255u8 {
                for text in [
                    Rgba {
                        r: v,
                        g: v,
                        b: v,
                        a: 255,
                    },
                    Rgba {
                        r: v,
                        g: 255 - v,
                        b: v / 2,
                        a: 255,
                    },
                ] {
                    assert_eq!(
                        flatten(&[base], Some(text)).0,
                        text,
                        "{text:?} on {backdrop:?}"
                    );
                }
            }
        }
    }
}
