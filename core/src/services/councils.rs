//! The UK's principal councils (GOV.UK's local authorities list, `core/data/councils.csv`):
//! name, GSS code, slug, tier, country, homepage and, for a district, its county. Used to
//! look the council up from `--council` and to guess it from the crawled site's host.

use std::fmt;
use std::sync::OnceLock;

use super::{csv_rows, Country, Tier};

/// One council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Council {
    /// Its name, e.g. "Tunbridge Wells Borough Council".
    pub name: &'static str,
    /// Its ONS GSS code, e.g. `E07000116`.
    pub gss: &'static str,
    /// GOV.UK's slug, e.g. `tunbridge-wells`.
    pub slug: &'static str,
    /// The tier of local government it is.
    pub tier: Tier,
    /// The nation it is in.
    pub country: Country,
    /// Its homepage as GOV.UK records it (about a third still `http://`).
    pub homepage: Option<&'static str>,
    /// The slug of its county, for a district in a two-tier area.
    pub parent: Option<&'static str>,
}

impl Council {
    /// The county of a district.
    pub fn parent(&self) -> Option<&'static Council> {
        let slug = self.parent?;
        all().iter().find(|c| c.slug == slug)
    }

    /// The homepage's host, lower case, without `www.`.
    fn host(&self) -> Option<String> {
        let url = url::Url::parse(self.homepage?).ok()?;
        Some(bare_host(url.host_str()?))
    }
}

/// A query that names no council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// What was asked for.
    pub query: String,
    /// The names of the three councils closest to it.
    pub closest: Vec<&'static str>,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no UK council is called {:?}", self.query)?;
        if !self.closest.is_empty() {
            write!(f, "; closest: {}", self.closest.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for Unknown {}

/// Every council, in slug order.
pub fn all() -> &'static [Council] {
    static COUNCILS: OnceLock<Vec<Council>> = OnceLock::new();
    COUNCILS.get_or_init(|| {
        csv_rows(include_str!("../../data/councils.csv"))
            .filter_map(parse)
            .collect()
    })
}

/// The [`key`] of each council's name, in the order of [`all`].
fn keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| all().iter().map(|c| key(c.name)).collect())
}

/// One row: `gss,slug,name,tier,country,homepage_url,parent_slug`.
fn parse(f: Vec<&'static str>) -> Option<Council> {
    let [gss, slug, name, tier, country, homepage, parent] = f[..] else {
        return None;
    };
    let tier = match tier {
        "county" => Tier::County,
        "district" => Tier::District,
        "unitary" => Tier::Unitary,
        _ => return None,
    };
    let country = match country {
        "england" => Country::England,
        "scotland" => Country::Scotland,
        "wales" => Country::Wales,
        "northern-ireland" => Country::NorthernIreland,
        _ => return None,
    };
    let some = |s: &'static str| (!s.is_empty()).then_some(s);
    if gss.is_empty() || slug.is_empty() || name.is_empty() {
        return None;
    }
    Some(Council {
        name,
        gss,
        slug,
        tier,
        country,
        homepage: some(homepage),
        parent: some(parent),
    })
}

/// The council a query names: its GSS code, its GOV.UK slug or its name, in any case and
/// punctuation, with or without "Council", "City Council", "Borough Council", "London
/// Borough of" and the like ("kent", "Kent County Council", "E10000016" all find Kent).
pub fn find(query: &str) -> Result<&'static Council, Unknown> {
    let councils = all();
    let trimmed = query.trim();
    let lower = trimmed.to_lowercase();
    let by_code = councils
        .iter()
        .find(|c| c.gss.eq_ignore_ascii_case(trimmed) || c.slug == lower);
    if let Some(council) = by_code {
        return Ok(council);
    }
    let wanted = key(trimmed);
    if !wanted.is_empty() {
        let mut named = councils
            .iter()
            .zip(keys())
            .filter(|(c, k)| **k == wanted || words(c.name).join(" ") == wanted)
            .map(|(c, _)| c);
        if let (Some(council), None) = (named.next(), named.next()) {
            return Ok(council);
        }
    }
    Err(Unknown {
        query: trimmed.to_string(),
        closest: closest(&wanted, 3),
    })
}

/// The council whose homepage is on `host` or a subdomain of it (`www.` ignored), when only
/// one is: a few councils share one site (Adur and Worthing), and then the host names none.
pub fn by_host(host: &str) -> Option<&'static Council> {
    let host = bare_host(host);
    static HOSTS: OnceLock<Vec<Option<String>>> = OnceLock::new();
    let hosts = HOSTS.get_or_init(|| all().iter().map(Council::host).collect());
    let mut found = all().iter().zip(hosts).filter_map(|(c, h)| {
        let h = h.as_deref()?;
        let on = host == h || host.strip_suffix(h).is_some_and(|p| p.ends_with('.'));
        on.then_some(c)
    });
    match (found.next(), found.next()) {
        (Some(council), None) => Some(council),
        _ => None,
    }
}

fn bare_host(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    match host.strip_prefix("www.") {
        Some(rest) => rest.to_string(),
        None => host,
    }
}

/// Lower-case words of a name: `&` read as "and", apostrophes dropped ("King's" → "kings"),
/// other punctuation a space.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .replace('&', " and ")
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words before a council's place name that a query may leave out.
const PREFIXES: &[&[&str]] = &[
    &["london", "borough", "of"],
    &["royal", "borough", "of"],
    &["borough", "council", "of"],
    &["council", "of", "the"],
    &["borough", "of"],
    &["city", "of"],
    &["the"],
];

/// Words after a council's place name that a query may leave out (longest first).
const SUFFIXES: &[&[&str]] = &[
    &["metropolitan", "borough", "council"],
    &["county", "borough", "council"],
    &["borough", "council"],
    &["district", "council"],
    &["county", "council"],
    &["city", "council"],
    &["council"],
    &["corporation"],
    &["city"],
];

/// A name reduced to its place: "London Borough of Hammersmith & Fulham" → "hammersmith and
/// fulham", "Tunbridge Wells Borough Council" → "tunbridge wells".
fn key(name: &str) -> String {
    let mut w = words(name);
    for prefix in PREFIXES {
        if w.len() > prefix.len() && w.iter().zip(*prefix).all(|(a, b)| a == b) {
            w.drain(..prefix.len());
            break;
        }
    }
    for suffix in SUFFIXES {
        if w.len() > suffix.len()
            && w[w.len() - suffix.len()..]
                .iter()
                .zip(*suffix)
                .all(|(a, b)| a == b)
        {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    w.join(" ")
}

/// The names of the `n` councils whose place is closest to `wanted` by edit distance.
fn closest(wanted: &str, n: usize) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = all()
        .iter()
        .zip(keys())
        .map(|(c, k)| (edit_distance(wanted, k), c.name))
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, name)| name).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_embedded_table_parses() {
        let text = include_str!("../../data/councils.csv");
        assert!(
            !text.contains("\"\""),
            "the parser does not unescape doubled quotes"
        );
        let rows = text.lines().skip(1).count();
        assert_eq!(rows, 382, "GOV.UK's list has 382 councils");
        assert_eq!(all().len(), rows, "a row did not parse");
        let count = |tier| all().iter().filter(|c| c.tier == tier).count();
        // GOV.UK's tier_id counts: 21 counties, 164 districts, 197 unitaries.
        assert_eq!(
            (
                count(Tier::County),
                count(Tier::District),
                count(Tier::Unitary)
            ),
            (21, 164, 197)
        );
        for c in all() {
            assert_eq!(c.parent.is_some(), c.tier == Tier::District, "{}", c.slug);
            if c.parent.is_some() {
                assert_eq!(c.parent().map(|p| p.tier), Some(Tier::County), "{}", c.slug);
            }
        }
    }

    #[test]
    fn every_council_is_found_by_its_name_slug_and_code() {
        for c in all() {
            assert_eq!(find(c.name).map(|f| f.slug), Ok(c.slug));
            assert_eq!(find(c.slug).map(|f| f.slug), Ok(c.slug));
            assert_eq!(find(c.gss).map(|f| f.slug), Ok(c.slug));
            // The place alone names one council.
            assert_eq!(find(&key(c.name)).map(|f| f.slug), Ok(c.slug), "{}", c.name);
        }
    }

    #[test]
    fn a_county() {
        let kent = find("Kent County Council").unwrap();
        assert_eq!(
            (kent.gss, kent.tier, kent.country),
            ("E10000016", Tier::County, Country::England)
        );
        assert_eq!(find("kent"), Ok(kent));
        assert_eq!(kent.parent(), None);
    }

    #[test]
    fn a_district_and_its_county() {
        let district = find("tunbridge wells borough council").unwrap();
        assert_eq!(district.tier, Tier::District);
        assert_eq!(
            district.parent().map(|p| p.name),
            Some("Kent County Council")
        );
        assert_eq!(find("Tunbridge Wells"), Ok(district));
        assert_eq!(find("TUNBRIDGE-WELLS"), Ok(district));
    }

    #[test]
    fn unitaries_of_the_four_nations() {
        let bristol = find("Bristol City Council").unwrap();
        assert_eq!(
            (bristol.tier, bristol.country),
            (Tier::Unitary, Country::England)
        );
        assert_eq!(find("bristol"), Ok(bristol));
        let fife = find("Fife Council").unwrap();
        assert_eq!(
            (fife.tier, fife.country),
            (Tier::Unitary, Country::Scotland)
        );
        let cardiff = find("cardiff").unwrap();
        assert_eq!(cardiff.country, Country::Wales);
        let belfast = find("Belfast City Council").unwrap();
        assert_eq!(
            (belfast.gss, belfast.country),
            ("N09000003", Country::NorthernIreland)
        );
        // London boroughs: "London Borough of" is optional, "&" reads as "and".
        let lbhf = find("Hammersmith and Fulham").unwrap();
        assert_eq!(lbhf.name, "London Borough of Hammersmith & Fulham");
        assert_eq!(
            find("King's Lynn and West Norfolk").map(|c| c.tier),
            Ok(Tier::District)
        );
    }

    #[test]
    fn a_gss_code_in_any_case() {
        assert_eq!(find("e07000116").map(|c| c.slug), Ok("tunbridge-wells"));
        assert_eq!(find(" S12000015 ").map(|c| c.name), Ok("Fife Council"));
    }

    #[test]
    fn a_typo_gives_the_closest_names() {
        let err = find("Tunbrige Wels").unwrap_err();
        assert_eq!(err.closest.len(), 3);
        assert_eq!(err.closest[0], "Tunbridge Wells Borough Council");
        let line = err.to_string();
        assert!(
            line.starts_with("no UK council is called \"Tunbrige Wels\"; closest: Tunbridge Wells")
        );
        assert!(!line.contains('\n'));
        let err = find("Manchestr").unwrap_err();
        assert_eq!(err.closest[0], "Manchester City Council");
        assert!(find("").is_err());
    }

    #[test]
    fn the_council_of_a_host() {
        assert_eq!(by_host("www.kent.gov.uk").map(|c| c.slug), Some("kent"));
        assert_eq!(by_host("kent.gov.uk").map(|c| c.slug), Some("kent"));
        assert_eq!(by_host("WWW.Kent.gov.uk.").map(|c| c.slug), Some("kent"));
        // A council's own subdomain.
        assert_eq!(by_host("webapps.kent.gov.uk").map(|c| c.slug), Some("kent"));
        // Not a look-alike.
        assert_eq!(by_host("notkent.gov.uk"), None);
        assert_eq!(by_host("kent.gov.uk.evil.example"), None);
        // Two councils share one site.
        assert_eq!(by_host("www.adur-worthing.gov.uk"), None);
        assert_eq!(by_host("example.com"), None);
    }
}
