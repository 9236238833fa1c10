//! TIMEX3 value arithmetic for the English tagger: the reference date, the narrative anchor,
//! and the choice of a year for dates written without one.

use super::super::date::nearest_year_of;
use super::super::{Date, days_in_month};

/// The last date the text mentioned (narrative anchoring): its year, and month and day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Anchor {
    pub fn day(year: i32, month: u32, day: u32) -> Anchor {
        Anchor { year, month: Some(month), day: Some(day) }
    }
    pub fn month(year: i32, month: u32) -> Anchor {
        Anchor { year, month: Some(month), day: None }
    }
    pub fn year(year: i32) -> Anchor {
        Anchor { year, month: None, day: None }
    }
    pub fn of(d: Date) -> Anchor {
        Anchor::day(d.year, d.month, d.day)
    }
    /// The full date, when the anchor has a day.
    pub fn date(self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }
}

/// What relative expressions resolve against.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Frame {
    /// The document's reference date (caller's DCT or dateline).
    pub reference: Option<Date>,
    /// Narrative text (a history, a biography): undated months and days take the last mentioned year.
    pub narrative: bool,
    /// The last mentioned date.
    pub last: Option<Anchor>,
    /// Where the expression that set `last` starts (byte offset), for the report's reasons.
    pub last_at: Option<usize>,
    /// The last quarter mentioned (`the third quarter` → 1989, 3): financial news compares the
    /// quarter it reports with the same quarter a year earlier ("net rose from $5 a year ago").
    /// The third field counts the paragraphs since it was mentioned (it lasts for two).
    pub quarter: Option<(i32, u32, u8)>,
}

impl Frame {
    /// The date deictic words ("yesterday", "last year") count from: the reference date, else the
    /// last mentioned day in narrative text.
    pub fn deictic(&self) -> Option<Date> {
        self.reference
    }

    /// The anchor of anaphoric words ("the following year", "three days later", "that day"):
    /// the last mentioned date, else the reference date.
    pub fn anaphoric(&self) -> Option<Anchor> {
        self.last.or(self.reference.map(Anchor::of))
    }

    /// The year of month `month` (and `day`) written without a year.
    /// `future`: the sentence speaks of the future ("will meet on March 5").
    pub fn year_for(&self, month: u32, day: Option<u32>, future: bool) -> Option<i32> {
        match (self.narrative, self.last, self.reference) {
            (true, Some(a), _) | (false, Some(a), None) => Some(a.year),
            (_, _, Some(r)) => Some(nearest_year(r, month, day, future)),
            (true, None, None) | (false, None, None) => None,
        }
    }
}

/// The year of a month (and day) written without one, seen from `reference` (the rule is
/// [`nearest_year_of`]'s, which the Chinese tagger shares).
pub(crate) fn nearest_year(reference: Date, month: u32, day: Option<u32>, future: bool) -> i32 {
    nearest_year_of(reference, future, |y| {
        let days = days_in_month(y, month);
        let (first, last) = day.map_or((1, days), |d| {
            let d = d.min(days);
            (d, d)
        });
        Some((Date::new(y, month, first)?, Date::new(y, month, last)?))
    })
}

/// `YYYY` or `XXXX`.
pub(crate) fn year_str(y: Option<i32>) -> String {
    match y {
        Some(y) if (0..=9999).contains(&y) => format!("{y:04}"),
        Some(y) if (-9999..0).contains(&y) => format!("BC{:04}", -y),
        _ => "XXXX".to_string(),
    }
}

pub(crate) fn ym(y: Option<i32>, m: u32) -> String {
    format!("{}-{m:02}", year_str(y))
}

pub(crate) fn ymd(y: Option<i32>, m: u32, d: u32) -> String {
    format!("{}-{m:02}-{d:02}", year_str(y))
}

/// Month arithmetic: `(year, month)` moved by `n` months.
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + n;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// ISO 8601 week-numbering year and week of a date.
pub(crate) fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - d.weekday() as i64);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    (thursday.year, ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32)
}

pub(crate) fn week_str(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

/// The TimeML season of a month and the year it is named by (winter by the year it starts).
pub(crate) fn season_of(d: Date) -> (i32, usize) {
    match d.month {
        3..=5 => (d.year, 0),
        6..=8 => (d.year, 1),
        9..=11 => (d.year, 2),
        12 => (d.year, 3),
        _ => (d.year - 1, 3),
    }
}

/// Season codes in calendar order.
pub(crate) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// A value moved from an anchor by `n` units (`Y`, `M`, `W`, `D`, `DE`, `Q`), at the unit's
/// granularity (a day when the anchor has one and the unit is days or weeks).
pub(crate) fn shift(anchor: Anchor, n: i64, unit: &str) -> Option<String> {
    match unit {
        "Y" => Some(year_str(Some(anchor.year + n as i32))),
        "DE" => Some(format!("{:03}", (anchor.year + 10 * n as i32).div_euclid(10))),
        "CE" => Some(format!("{:02}", (anchor.year + 100 * n as i32).div_euclid(100))),
        "M" | "Q" => {
            let months = if unit == "Q" { 3 * n } else { n };
            match anchor.month {
                Some(m) => {
                    let (y, m) = add_months(anchor.year, m, months);
                    Some(if unit == "Q" { format!("{}-Q{}", year_str(Some(y)), (m - 1) / 3 + 1) } else { ym(Some(y), m) })
                }
                None => None,
            }
        }
        "W" | "D" | "WE" => {
            let d = anchor.date()?;
            let days = if unit == "D" { n } else { 7 * n };
            let moved = d.add_days(days);
            Some(if unit == "D" { moved.iso() } else { week_str(moved) })
        }
        _ => None,
    }
}

/// The year and quarter of a `YYYY-QN` value.
pub(crate) fn quarter_of_value(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    (y.len() == 4).then(|| y.parse().ok()).flatten().map(|y| (y, q))
}

/// The `YYYY-MM-DD` of `d` as an anchor after a shift value was computed (for day values).
pub(crate) fn anchor_of_value(v: &str) -> Option<Anchor> {
    if let Some(bc) = v.strip_prefix("BC") {
        let y: i32 = bc.get(..4)?.parse().ok()?;
        return Some(Anchor::year(-y));
    }
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = v[..4].parse().ok()?;
    if b.len() == 4 {
        return Some(Anchor::year(y));
    }
    if b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() {
        let m: u32 = v[5..7].parse().ok()?;
        if !(1..=12).contains(&m) {
            return Some(Anchor::year(y));
        }
        if b.len() >= 10 && b[7] == b'-' && b[8].is_ascii_digit() && b[9].is_ascii_digit() {
            let d: u32 = v[8..10].parse().ok()?;
            return Some(Date::new(y, m, d).map_or(Anchor::month(y, m), Anchor::of));
        }
        return Some(Anchor::month(y, m));
    }
    Some(Anchor::year(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn nearest_year_and_weeks() {
        assert_eq!(nearest_year(d("1998-02-10"), 12, Some(7), false), 1997);
        assert_eq!(nearest_year(d("1989-10-27"), 12, Some(7), false), 1989);
        assert_eq!(nearest_year(d("2025-11-05"), 3, Some(5), false), 2025);
        assert_eq!(nearest_year(d("2025-11-05"), 3, Some(5), true), 2026);
        assert_eq!(nearest_year(d("2025-11-05"), 11, None, true), 2025);
        assert_eq!(week_str(d("2021-01-01")), "2020-W53");
        assert_eq!(week_str(d("1998-02-20")), "1998-W08");
        assert_eq!(add_months(2025, 1, -2), (2024, 11));
    }

    #[test]
    fn shifts_keep_the_unit_granularity() {
        let a = Anchor::day(2025, 11, 5);
        assert_eq!(shift(a, 3, "D").as_deref(), Some("2025-11-08"));
        assert_eq!(shift(a, -1, "Y").as_deref(), Some("2024"));
        assert_eq!(shift(a, -2, "M").as_deref(), Some("2025-09"));
        assert_eq!(shift(Anchor::year(1939), 3, "D"), None);
        assert_eq!(anchor_of_value("2024-11-06"), Some(Anchor::day(2024, 11, 6)));
        assert_eq!(anchor_of_value("2024-FA"), Some(Anchor::year(2024)));
        assert_eq!(anchor_of_value("PRESENT_REF"), None);
        assert_eq!(anchor_of_value("BC0499"), Some(Anchor::year(-499)));
        assert_eq!(shift(Anchor::year(-499), 1, "Y").as_deref(), Some("BC0498"));
    }
}
