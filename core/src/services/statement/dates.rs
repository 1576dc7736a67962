//! Calendar dates as accessibility statements write them ("23 September 2020", "23/09/2020",
//! "September 2020", "2020-09-23"), read day first as UK pages do.

use serde::{Deserialize, Serialize};

/// A calendar date (proleptic Gregorian), e.g. the day of a crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (31 June, month 13, 29 February of a common year).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The date `days` days after 1 January 1970 (negative: before it), as the crawl gets
    /// it from the clock: `unix_seconds.div_euclid(86_400)`.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Count in 400-year eras of 146,097 days from 1 March 0000, so that the leap day
        // falls at the end of each counted year.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u8;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month,
            day,
        }
    }

    /// The same day a year earlier (29 February becomes 28 February): the oldest date a
    /// statement can carry and still have been reviewed "within 12 months".
    pub fn a_year_before(self) -> Date {
        let year = self.year - 1;
        Date {
            year,
            month: self.month,
            day: self.day.min(days_in_month(year, self.month)),
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as written: a day, or a whole month ("September 2020") or year ("by 2021"), as
/// the span of days it may mean. A check fails on a date only when every day it may mean
/// fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    pub earliest: Date,
    pub latest: Date,
}

impl Written {
    fn day(date: Date) -> Written {
        Written {
            earliest: date,
            latest: date,
        }
    }
    fn month(year: i32, month: u8) -> Option<Written> {
        Some(Written {
            earliest: Date::new(year, month, 1)?,
            latest: Date::new(year, month, days_in_month(year, month))?,
        })
    }
    pub fn year(year: i32) -> Written {
        Written {
            earliest: Date {
                year,
                month: 1,
                day: 1,
            },
            latest: Date {
                year,
                month: 12,
                day: 31,
            },
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "September", "Sept", "sep." → 9.
fn month_number(token: &str) -> Option<u8> {
    let t = token.trim_end_matches('.');
    if t.len() < 3 {
        return None;
    }
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(t)))
        .map(|i| i as u8 + 1)
}

/// "23", "23rd", "1st" → the day number.
fn day_number(token: &str) -> Option<u8> {
    let digits = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year a statement could mean (1990–2099).
pub(super) fn year_number(token: &str) -> Option<i32> {
    if token.len() != 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok().filter(|y| (1990..2100).contains(y))
}

fn is_weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .any(|d| *d == token || (token.len() == 3 && d.starts_with(token)))
}

/// "23/09/2020", "23.09.2020", "23-9-20" (day first, as UK pages write them) and
/// "2020-09-23" (ISO).
fn numeric_date(token: &str) -> Option<Date> {
    let sep = token.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<i32>().ok();
    if parts[0].len() == 4 {
        if parts[1].len() > 2 || parts[2].len() > 2 {
            return None;
        }
        return Date::new(n(parts[0])?, n(parts[1])? as u8, n(parts[2])? as u8);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = match parts[2].len() {
        4 => n(parts[2])?,
        // Not with dots: "1.4.10" is a WCAG success criterion, not 1 April 2010.
        2 if sep != '.' => 2000 + n(parts[2])?,
        _ => return None,
    };
    Date::new(year, n(parts[1])? as u8, n(parts[0])? as u8)
}

/// Lower-case word tokens of `text` as dates are read: split on white space and commas,
/// brackets and sentence punctuation trimmed ("2020." → "2020"), inner `/ - .` kept.
pub(super) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The date written at the start of `tokens` (after an optional "the" or weekday), with
/// how many tokens it took. Year-only dates are left to the caller: alone, "2018" is as
/// likely a regulation's name as a date.
pub(super) fn date_at(tokens: &[String]) -> Option<(Written, usize)> {
    let mut i = 0;
    while i < tokens.len() && i < 2 && (tokens[i] == "the" || is_weekday(&tokens[i])) {
        i += 1;
    }
    let t = |k: usize| tokens.get(k).map(String::as_str);
    let first = t(i)?;
    if let Some(date) = numeric_date(first) {
        return Some((Written::day(date), i + 1));
    }
    if let Some(day) = day_number(first) {
        // "23 September 2020", "23rd of Sept 2020"
        let mut k = i + 1;
        if t(k) == Some("of") {
            k += 1;
        }
        let month = month_number(t(k)?)?;
        let year = year_number(t(k + 1)?)?;
        return Some((Written::day(Date::new(year, month, day)?), k + 2));
    }
    let month = month_number(first)?;
    let second = t(i + 1)?;
    if let Some(year) = year_number(second) {
        return Some((Written::month(year, month)?, i + 2));
    }
    // "September 23 2020", "September 23rd, 2020"
    let day = day_number(second)?;
    let year = year_number(t(i + 2)?)?;
    Some((Written::day(Date::new(year, month, day)?), i + 3))
}

/// The first date written in the next few words after a phrase ("prepared on 23 September
/// 2020"): `None` when no date comes within `reach` tokens.
pub(super) fn date_within(tokens: &[String], reach: usize) -> Option<Written> {
    (0..reach.min(tokens.len())).find_map(|k| date_at(&tokens[k..]).map(|(d, _)| d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(Date, Date)> {
        date_at(&tokens(text)).map(|(w, _)| (w.earliest, w.latest))
    }
    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn reads_the_formats_statements_use() {
        let day = Some((d(2020, 9, 23), d(2020, 9, 23)));
        assert_eq!(parse("23 September 2020."), day);
        assert_eq!(parse("23rd September, 2020"), day);
        assert_eq!(parse("the 23rd of Sept 2020"), day);
        assert_eq!(parse("Wednesday 23 September 2020"), day);
        assert_eq!(parse("September 23, 2020"), day);
        assert_eq!(parse("23/09/2020"), day);
        assert_eq!(parse("23.09.2020"), day);
        assert_eq!(parse("23/9/20"), day);
        assert_eq!(parse("2020-09-23"), day);
        assert_eq!(parse("23 Sep 2020"), day);
        assert_eq!(
            parse("September 2020"),
            Some((d(2020, 9, 1), d(2020, 9, 30)))
        );
        assert_eq!(parse("Feb 2024"), Some((d(2024, 2, 1), d(2024, 2, 29))));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(parse("31 June 2020"), None);
        assert_eq!(parse("29/02/2023"), None);
        assert_eq!(parse("2.2 AA"), None);
        assert_eq!(parse("1.1.1"), None);
        assert_eq!(parse("1.4.10"), None);
        assert_eq!(parse("May we help"), None);
        assert_eq!(parse("[date]"), None);
        assert_eq!(parse("2020-265-01"), None);
        assert_eq!(parse("2020"), None);
    }

    #[test]
    fn counts_days_from_the_epoch() {
        // Day numbers from Python's datetime.date subtraction.
        assert_eq!(Date::from_days_since_epoch(0), d(1970, 1, 1));
        assert_eq!(Date::from_days_since_epoch(20_794), d(2026, 12, 7));
        assert_eq!(Date::from_days_since_epoch(19_782), d(2024, 2, 29));
        assert_eq!(Date::from_days_since_epoch(11_017), d(2000, 3, 1));
        assert_eq!(Date::from_days_since_epoch(-1), d(1969, 12, 31));
    }

    #[test]
    fn a_year_before_keeps_the_day_when_it_exists() {
        assert_eq!(d(2026, 12, 7).a_year_before(), d(2025, 12, 7));
        assert_eq!(d(2024, 2, 29).a_year_before(), d(2023, 2, 28));
        assert!(d(2025, 12, 7) < d(2025, 12, 8));
        assert_eq!(d(2025, 1, 2).to_string(), "2025-01-02");
    }
}
