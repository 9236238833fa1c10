//! A proleptic Gregorian calendar date and the arithmetic the tagger needs.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (may be negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        // Written digit by digit: every dated event's extent calls this twice, and the
        // formatting machinery was a visible share of a short article's analysis.
        if !(0..=9999).contains(&self.year) || self.month > 99 || self.day > 99 {
            return format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        }
        let (y, m, d) = (self.year as u32, self.month, self.day);
        let digit = |n: u32| char::from(b'0' + n as u8);
        let mut out = String::with_capacity(10);
        out.extend([digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-']);
        out.extend([digit(m / 10), digit(m % 10), '-', digit(d / 10), digit(d % 10)]);
        out
    }
}

/// Days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// How far after the reference date a month or day written without a year may lie and still be
/// read in the reference year ("in February" in a November article is the coming February; "in
/// June" is the last one): about three months. Checked on the TimeBank and AQUAINT development
/// sets (value F1 with 60/90/120/150/180 days: TimeBank 79.8/80.0/80.0/79.6/79.5, AQUAINT
/// 75.4/75.7/75.9/75.9/75.0); 90 is the smaller of the two best.
const AHEAD_DAYS: i64 = 90;

/// The year of something written without one (a month, a day, a festival), seen from
/// `reference`; `span(year)` is its first and last day in that year. News mostly reports what
/// happened, so the latest occurrence starting no more than [`AHEAD_DAYS`] after the reference
/// date; when the sentence speaks of the future (`future`), the first occurrence ending no earlier
/// than a week before the reference date. Only the reference year and its two neighbours are
/// candidates; the reference year when none fits.
pub(crate) fn nearest_year_of(reference: Date, future: bool, span: impl Fn(i32) -> Option<(Date, Date)>) -> i32 {
    let r = reference.to_days();
    let years = reference.year - 1..=reference.year + 1;
    if future {
        years.clone().find(|&y| span(y).is_some_and(|(_, last)| last.to_days() >= r - 7)).unwrap_or(reference.year)
    } else {
        years.rev().find(|&y| span(y).is_some_and(|(first, _)| first.to_days() <= r + AHEAD_DAYS)).unwrap_or(reference.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_weekdays() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2025, 11, 5).unwrap().weekday(), 3); // a Wednesday
        assert_eq!(Date::new(2024, 2, 28).unwrap().add_days(1).iso(), "2024-02-29");
        assert_eq!(Date::parse("2025-02-29"), None);
    }

    #[test]
    fn iso_is_the_formatted_date() {
        for days in (-1_000_000..3_000_000).step_by(331) {
            let d = Date::from_days(days);
            assert_eq!(d.iso(), format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
        }
        assert_eq!(Date { year: 7, month: 3, day: 9 }.iso(), "0007-03-09");
        assert_eq!(Date { year: 12345, month: 1, day: 1 }.iso(), "12345-01-01");
    }
}
