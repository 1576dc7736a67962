//! Colours: parsing (with `cssparser-color`, which covers named colours, `#rgb[a]`,
//! `#rrggbb[aa]`, `rgb[a]()`, `hsl[a]()`, `hwb()`, `lab()`, `lch()`, `oklab()`, `oklch()`,
//! `color()`, `transparent` and `currentcolor`), CSS system colours, alpha compositing and
//! WCAG 2 relative luminance and contrast ratio.

use cssparser::color::PredefinedColorSpace;
use cssparser::Parser;
use cssparser_color::{ColorParser, FromParsedColor};

/// An sRGB colour with 8-bit channels and alpha (0 = transparent, 255 = opaque).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha, 0–255.
    pub a: u8,
}

impl Rgba {
    /// Opaque black, the initial `color`.
    pub const BLACK: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 255,
    };
    /// Opaque white, the default canvas.
    pub const WHITE: Rgba = Rgba {
        r: 255,
        g: 255,
        b: 255,
        a: 255,
    };
    /// Fully transparent, the initial `background-color`.
    pub const TRANSPARENT: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 0,
    };

    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 255 }
    }

    /// Parses a CSS colour value. `currentcolor` and unknown syntax give `None`; use
    /// [`parse_color`] to tell them apart.
    ///
    /// ```
    /// use frontdesk_core::style::Rgba;
    /// assert_eq!(Rgba::parse("#333"), Some(Rgba::rgb(0x33, 0x33, 0x33)));
    /// assert_eq!(Rgba::parse("rgba(0, 0, 0, .5)").map(|c| c.a), Some(128));
    /// assert_eq!(Rgba::parse("hsl(120, 100%, 25%)"), Some(Rgba::rgb(0, 128, 0)));
    /// assert_eq!(Rgba::parse("not a colour"), None);
    /// ```
    pub fn parse(value: &str) -> Option<Rgba> {
        match parse_color(value) {
            Some(ColorValue::Rgba(c)) => Some(c),
            _ => None,
        }
    }

    /// Alpha as a fraction.
    pub fn alpha(self) -> f64 {
        self.a as f64 / 255.0
    }

    /// Whether the colour is fully opaque.
    pub fn is_opaque(self) -> bool {
        self.a == 255
    }

    /// WCAG 2 relative luminance of the (opaque part of the) colour, 0–1.
    ///
    /// ```
    /// use frontdesk_core::style::Rgba;
    /// assert_eq!(Rgba::WHITE.luminance(), 1.0);
    /// assert_eq!(Rgba::BLACK.luminance(), 0.0);
    /// ```
    pub fn luminance(self) -> f64 {
        // Every text element asks twice (AA and AAA): a table of the 256 linearised channel
        // values, each computed once with the formula below, saves the `powf` calls.
        static LINEAR: std::sync::OnceLock<[f64; 256]> = std::sync::OnceLock::new();
        let linear = LINEAR.get_or_init(|| std::array::from_fn(|c| linearise(c as u8)));
        0.2126 * linear[self.r as usize]
            + 0.7152 * linear[self.g as usize]
            + 0.0722 * linear[self.b as usize]
    }

    /// WCAG 2 contrast ratio between two opaque colours, 1–21.
    ///
    /// ```
    /// use frontdesk_core::style::Rgba;
    /// let ratio = Rgba::rgb(0x33, 0x33, 0x33).contrast(Rgba::WHITE);
    /// assert!((ratio - 12.63).abs() < 0.01);
    /// ```
    pub fn contrast(self, other: Rgba) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// This colour painted over `backdrop` (source-over compositing), with an extra
    /// `opacity` factor applied to this colour's alpha.
    ///
    /// ```
    /// use frontdesk_core::style::Rgba;
    /// let grey = Rgba { r: 0, g: 0, b: 0, a: 128 }.over(Rgba::WHITE, 1.0);
    /// assert_eq!(grey, Rgba::rgb(127, 127, 127));
    /// ```
    pub fn over(self, backdrop: Rgba, opacity: f64) -> Rgba {
        let sa = self.alpha() * opacity;
        let da = backdrop.alpha();
        let out_a = sa + da * (1.0 - sa);
        if out_a <= 0.0 {
            return Rgba::TRANSPARENT;
        }
        let mix = |s: u8, d: u8| {
            let v = (s as f64 * sa + d as f64 * da * (1.0 - sa)) / out_a;
            v.round().clamp(0.0, 255.0) as u8
        };
        Rgba {
            r: mix(self.r, backdrop.r),
            g: mix(self.g, backdrop.g),
            b: mix(self.b, backdrop.b),
            a: (out_a * 255.0).round().clamp(0.0, 255.0) as u8,
        }
    }
}

impl std::fmt::Display for Rgba {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.a == 255 {
            write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            write!(
                f,
                "rgba({}, {}, {}, {:.2})",
                self.r,
                self.g,
                self.b,
                self.alpha()
            )
        }
    }
}

/// A parsed colour value before `currentcolor` is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorValue {
    /// A concrete colour.
    Rgba(Rgba),
    /// `currentcolor`.
    CurrentColor,
}

/// Parses a CSS `<color>` (whole value). `None` for anything else, including colour
/// spaces the engine does not convert (`a98-rgb`, `prophoto-rgb`, `rec2020`) and
/// `color-mix()`.
///
/// ```
/// use frontdesk_core::style::{parse_color, ColorValue, Rgba};
/// assert_eq!(parse_color("currentColor"), Some(ColorValue::CurrentColor));
/// assert_eq!(parse_color("transparent"), Some(ColorValue::Rgba(Rgba::TRANSPARENT)));
/// assert_eq!(parse_color("CanvasText"), Some(ColorValue::Rgba(Rgba::BLACK)));
/// ```
pub fn parse_color(value: &str) -> Option<ColorValue> {
    let mut parser = Parser::new(value);
    let color = parse_color_from(&mut parser)?;
    parser.expect_exhausted().ok()?;
    Some(color)
}

/// Parses one `<color>` from a token stream (used inside shorthands and gradients).
pub(crate) fn parse_color_from(input: &mut Parser) -> Option<ColorValue> {
    if let Ok(c) = input.try_parse(|i| {
        let ident = i.expect_ident_cloned()?;
        system_color(&ident).ok_or_else(|| cssparser::ParseError::<()>::custom(()))
    }) {
        return Some(ColorValue::Rgba(c));
    }
    match input.try_parse(|i| cssparser_color::parse_color_with(&Engine, i)) {
        Ok(Parsed::Rgba(c)) => Some(ColorValue::Rgba(c)),
        Ok(Parsed::Current) => Some(ColorValue::CurrentColor),
        _ => None,
    }
}

/// CSS system colours, as Chromium renders them in light mode.
fn system_color(name: &str) -> Option<Rgba> {
    let c = match name.to_ascii_lowercase().as_str() {
        "canvas" | "field" | "buttonhighlight" | "window" => Rgba::WHITE,
        "canvastext" | "fieldtext" | "buttontext" | "windowtext" | "marktext" | "captiontext"
        | "infotext" | "menutext" => Rgba::BLACK,
        "linktext" => Rgba::rgb(0, 0, 0xee),
        "visitedtext" => Rgba::rgb(0x55, 0x1a, 0x8b),
        "activetext" => Rgba::rgb(0xff, 0, 0),
        "buttonface" => Rgba::rgb(0xef, 0xef, 0xef),
        "buttonborder" => Rgba::rgb(0x76, 0x76, 0x76),
        "graytext" => Rgba::rgb(0x6d, 0x6d, 0x6d),
        "highlight" | "selecteditem" => Rgba::rgb(0x00, 0x75, 0xff),
        "highlighttext" | "selecteditemtext" => Rgba::WHITE,
        "mark" => Rgba::rgb(0xff, 0xff, 0),
        "accentcolor" => Rgba::rgb(0x00, 0x75, 0xff),
        "accentcolortext" => Rgba::WHITE,
        _ => return None,
    };
    Some(c)
}

struct Engine;

impl<'i> ColorParser<'i> for Engine {
    type Output = Parsed;
    type Error = ();
}

#[derive(Clone, Copy)]
enum Parsed {
    Rgba(Rgba),
    Current,
    Unknown,
}

fn unit(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

fn alpha(a: Option<f32>) -> u8 {
    unit(a.unwrap_or(1.0))
}

fn gamma(linear: f32) -> f32 {
    let v = linear.abs();
    let g = if v <= 0.0031308 {
        12.92 * v
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    };
    g.copysign(linear)
}

fn linear(c: f32) -> f32 {
    let v = c.abs();
    let l = if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    };
    l.copysign(c)
}

fn from_linear_srgb(r: f32, g: f32, b: f32, a: Option<f32>) -> Parsed {
    if !(r.is_finite() && g.is_finite() && b.is_finite()) {
        return Parsed::Unknown;
    }
    Parsed::Rgba(Rgba {
        r: unit(gamma(r)),
        g: unit(gamma(g)),
        b: unit(gamma(b)),
        a: alpha(a),
    })
}

fn from_xyz_d65(x: f32, y: f32, z: f32, a: Option<f32>) -> Parsed {
    let r = 3.240_97 * x - 1.537_383_2 * y - 0.498_610_76 * z;
    let g = -0.969_243_6 * x + 1.875_967_5 * y + 0.041_555_06 * z;
    let b = 0.055_630_08 * x - 0.203_976_96 * y + 1.056_971_5 * z;
    from_linear_srgb(r, g, b, a)
}

fn from_xyz_d50(x: f32, y: f32, z: f32, a: Option<f32>) -> Parsed {
    // Bradford adaptation D50 → D65.
    let x65 = 0.955_576_6 * x - 0.023_039_3 * y + 0.063_163_6 * z;
    let y65 = -0.028_289_5 * x + 1.009_941_6 * y + 0.021_007_7 * z;
    let z65 = 0.012_298_2 * x - 0.020_483 * y + 1.329_909_8 * z;
    from_xyz_d65(x65, y65, z65, a)
}

fn from_lab_d50(l: f32, a_: f32, b_: f32, a: Option<f32>) -> Parsed {
    const K: f32 = 24389.0 / 27.0;
    const E: f32 = 216.0 / 24389.0;
    let f1 = (l + 16.0) / 116.0;
    let f0 = a_ / 500.0 + f1;
    let f2 = f1 - b_ / 200.0;
    let x = if f0.powi(3) > E {
        f0.powi(3)
    } else {
        (116.0 * f0 - 16.0) / K
    };
    let y = if l > K * E {
        ((l + 16.0) / 116.0).powi(3)
    } else {
        l / K
    };
    let z = if f2.powi(3) > E {
        f2.powi(3)
    } else {
        (116.0 * f2 - 16.0) / K
    };
    from_xyz_d50(x * 0.964_22, y, z * 0.825_21, a)
}

fn from_oklab_values(l: f32, a_: f32, b_: f32, a: Option<f32>) -> Parsed {
    let l_ = l + 0.396_337_78 * a_ + 0.215_803_76 * b_;
    let m_ = l - 0.105_561_346 * a_ - 0.063_854_17 * b_;
    let s_ = l - 0.089_484_18 * a_ - 1.291_485_5 * b_;
    let (l3, m3, s3) = (l_.powi(3), m_.powi(3), s_.powi(3));
    let r = 4.076_741_7 * l3 - 3.307_711_6 * m3 + 0.230_969_94 * s3;
    let g = -1.268_438 * l3 + 2.609_757_4 * m3 - 0.341_319_38 * s3;
    let b = -0.004_196_086_3 * l3 - 0.703_418_6 * m3 + 1.707_614_7 * s3;
    from_linear_srgb(r, g, b, a)
}

fn polar(chroma: f32, hue_degrees: f32) -> (f32, f32) {
    let h = hue_degrees.to_radians();
    (chroma * h.cos(), chroma * h.sin())
}

impl FromParsedColor for Parsed {
    fn from_current_color() -> Self {
        Parsed::Current
    }

    fn from_rgba(red: u8, green: u8, blue: u8, a: f32) -> Self {
        Parsed::Rgba(Rgba {
            r: red,
            g: green,
            b: blue,
            a: unit(a),
        })
    }

    fn from_hsl(h: Option<f32>, s: Option<f32>, l: Option<f32>, a: Option<f32>) -> Self {
        let hue = (h.unwrap_or(0.0) / 360.0).rem_euclid(1.0);
        let (r, g, b) = cssparser_color::hsl_to_rgb(
            hue,
            s.unwrap_or(0.0).clamp(0.0, 1.0),
            l.unwrap_or(0.0).clamp(0.0, 1.0),
        );
        Parsed::Rgba(Rgba {
            r: unit(r),
            g: unit(g),
            b: unit(b),
            a: alpha(a),
        })
    }

    fn from_hwb(h: Option<f32>, w: Option<f32>, b: Option<f32>, a: Option<f32>) -> Self {
        let hue = (h.unwrap_or(0.0) / 360.0).rem_euclid(1.0);
        let (r, g, bl) = cssparser_color::hwb_to_rgb(hue, w.unwrap_or(0.0), b.unwrap_or(0.0));
        Parsed::Rgba(Rgba {
            r: unit(r),
            g: unit(g),
            b: unit(bl),
            a: alpha(a),
        })
    }

    fn from_lab(l: Option<f32>, a_: Option<f32>, b_: Option<f32>, a: Option<f32>) -> Self {
        from_lab_d50(l.unwrap_or(0.0), a_.unwrap_or(0.0), b_.unwrap_or(0.0), a)
    }

    fn from_lch(l: Option<f32>, c: Option<f32>, h: Option<f32>, a: Option<f32>) -> Self {
        let (a_, b_) = polar(c.unwrap_or(0.0), h.unwrap_or(0.0));
        from_lab_d50(l.unwrap_or(0.0), a_, b_, a)
    }

    fn from_oklab(l: Option<f32>, a_: Option<f32>, b_: Option<f32>, a: Option<f32>) -> Self {
        from_oklab_values(l.unwrap_or(0.0), a_.unwrap_or(0.0), b_.unwrap_or(0.0), a)
    }

    fn from_oklch(l: Option<f32>, c: Option<f32>, h: Option<f32>, a: Option<f32>) -> Self {
        let (a_, b_) = polar(c.unwrap_or(0.0), h.unwrap_or(0.0));
        from_oklab_values(l.unwrap_or(0.0), a_, b_, a)
    }

    fn from_color_function(
        space: PredefinedColorSpace,
        c1: Option<f32>,
        c2: Option<f32>,
        c3: Option<f32>,
        a: Option<f32>,
    ) -> Self {
        let (x, y, z) = (c1.unwrap_or(0.0), c2.unwrap_or(0.0), c3.unwrap_or(0.0));
        match space {
            PredefinedColorSpace::Srgb => Parsed::Rgba(Rgba {
                r: unit(x),
                g: unit(y),
                b: unit(z),
                a: alpha(a),
            }),
            PredefinedColorSpace::SrgbLinear => from_linear_srgb(x, y, z, a),
            PredefinedColorSpace::DisplayP3 | PredefinedColorSpace::DisplayP3Linear => {
                let lin = |v: f32| {
                    if space == PredefinedColorSpace::DisplayP3 {
                        linear(v)
                    } else {
                        v
                    }
                };
                let (r, g, b) = (lin(x), lin(y), lin(z));
                let xx = 0.486_570_95 * r + 0.265_667_7 * g + 0.198_217_29 * b;
                let yy = 0.228_974_56 * r + 0.691_738_5 * g + 0.079_286_91 * b;
                let zz = 0.045_113_38 * g + 1.043_944_4 * b;
                from_xyz_d65(xx, yy, zz, a)
            }
            PredefinedColorSpace::XyzD65 => from_xyz_d65(x, y, z, a),
            PredefinedColorSpace::XyzD50 => from_xyz_d50(x, y, z, a),
            _ => Parsed::Unknown,
        }
    }
}

/// An sRGB channel value linearised as WCAG 2's relative luminance defines it.
fn linearise(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntaxes() {
        let c = |s: &str| Rgba::parse(s);
        assert_eq!(c("red"), Some(Rgba::rgb(255, 0, 0)));
        assert_eq!(c("#0000EE"), Some(Rgba::rgb(0, 0, 0xee)));
        assert_eq!(
            c("#abcd"),
            Some(Rgba {
                r: 0xaa,
                g: 0xbb,
                b: 0xcc,
                a: 0xdd
            })
        );
        assert_eq!(
            c("#11223380"),
            Some(Rgba {
                r: 0x11,
                g: 0x22,
                b: 0x33,
                a: 0x80
            })
        );
        assert_eq!(
            c("rgb(10 20 30 / 50%)"),
            Some(Rgba {
                r: 10,
                g: 20,
                b: 30,
                a: 128
            })
        );
        assert_eq!(
            c("rgba(90, 90, 90, 0.8)"),
            Some(Rgba {
                r: 90,
                g: 90,
                b: 90,
                a: 204
            })
        );
        assert_eq!(c("hsla(0, 100%, 50%, 1)"), Some(Rgba::rgb(255, 0, 0)));
        assert_eq!(c("hsl(240deg 100% 50%)"), Some(Rgba::rgb(0, 0, 255)));
        assert_eq!(c("transparent"), Some(Rgba::TRANSPARENT));
        assert_eq!(c("oklch(1 0 0)"), Some(Rgba::WHITE));
        assert_eq!(c("oklab(0 0 0)"), Some(Rgba::BLACK));
        assert_eq!(c("lab(100% 0 0)"), Some(Rgba::WHITE));
        assert_eq!(c("color(srgb 1 0 0)"), Some(Rgba::rgb(255, 0, 0)));
        assert_eq!(c("ButtonFace"), Some(Rgba::rgb(0xef, 0xef, 0xef)));
        assert_eq!(c("red blue"), None);
        assert_eq!(c("color-mix(in srgb, red, blue)"), None);
        // Tailwind's blue-600.
        let blue = c("oklch(54.6% 0.245 262.881)").unwrap();
        assert!(
            blue.r.abs_diff(0x15) <= 3 && blue.g.abs_diff(0x5d) <= 3 && blue.b.abs_diff(0xfc) <= 3,
            "{blue}"
        );
    }

    #[test]
    fn compositing_and_contrast() {
        let text = Rgba {
            r: 0,
            g: 0,
            b: 0,
            a: 77,
        }
        .over(Rgba::WHITE, 1.0);
        assert!((text.contrast(Rgba::WHITE) - 2.1).abs() < 0.1);
        // Opacity multiplies alpha.
        assert!(Rgba::BLACK.over(Rgba::WHITE, 0.3).r.abs_diff(text.r) <= 1);
        assert!((Rgba::rgb(0xaa, 0xaa, 0xaa).contrast(Rgba::WHITE) - 2.32).abs() < 0.01);
        assert!((Rgba::rgb(0, 0, 0xee).contrast(Rgba::WHITE) - 9.4).abs() < 0.05);
        assert_eq!(
            Rgba::TRANSPARENT.over(Rgba::TRANSPARENT, 1.0),
            Rgba::TRANSPARENT
        );
    }
}
