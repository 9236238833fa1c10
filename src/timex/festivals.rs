//! Festivals and fixed holidays in both languages (`data/holidays/festivals.tsv`) and their
//! Gregorian dates in a given year.
//!
//! Lunisolar festivals (Spring Festival, Dragon Boat, Mid-Autumn…) are computed with the
//! `icu_calendar` crate's Chinese calendar: `Date::try_new_chinese_traditional(year, Month::new(m), d)`
//! converted to ISO. `Month::new` names the month by number, so a leap month never shifts a
//! festival. Qingming is a solar term, computed astronomically ([`solar_term_day`]).
//!
//! ```ignore
//! let d = festival_date("Spring Festival", 2019).unwrap();
//! assert_eq!(d.iso(), "2019-02-05");
//! ```

use std::sync::LazyLock;

use icu_calendar::Date as IcuDate;
use icu_calendar::Iso;
use icu_calendar::types::Month;

use super::Date;

/// How a festival's date is found in a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Rule {
    /// Day `1` of month `0` of the Chinese year that begins in the Gregorian year.
    Lunar(u8, u8),
    /// The day before the Chinese New Year that falls in the Gregorian year.
    LunarEve,
    /// A fixed Gregorian month and day.
    Gregorian(u32, u32),
    /// The Beijing-time day on which the sun's apparent longitude reaches this many degrees.
    Solar(f64),
}

/// One festival or holiday.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Festival {
    /// Stable identifier (`spring_festival`).
    pub key: String,
    /// How its date is found.
    pub rule: Rule,
    /// English names.
    pub english: Vec<String>,
    /// Chinese names.
    pub chinese: Vec<String>,
}

impl Festival {
    /// The Gregorian date of this festival in `year` (`None` outside the calendar's range).
    pub fn date(&self, year: i32) -> Option<Date> {
        if !(-9999..=9999).contains(&year) {
            return None;
        }
        match self.rule {
            Rule::Gregorian(m, d) => Date::new(year, m, d),
            Rule::Lunar(m, d) => lunar_to_gregorian(year, m, d),
            Rule::LunarEve => lunar_to_gregorian(year, 1, 1).map(|d| d.add_days(-1)),
            Rule::Solar(longitude) => solar_term_day(year, longitude),
        }
    }

    /// The month and day when they do not depend on the year (Gregorian holidays).
    pub fn fixed_month_day(&self) -> Option<(u32, u32)> {
        match self.rule {
            Rule::Gregorian(m, d) => Some((m, d)),
            _ => None,
        }
    }
}

/// Parses the festival table format of `data/holidays/festivals.tsv`; bad lines are skipped.
pub(crate) fn parse_festivals(text: &str) -> Vec<Festival> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [key, rule, en, zh] = cols.as_slice() else { return None };
            let rule = parse_rule(rule)?;
            let names = |s: &str| s.split('|').map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect();
            Some(Festival { key: key.to_string(), rule, english: names(en), chinese: names(zh) })
        })
        .collect()
}

fn parse_rule(s: &str) -> Option<Rule> {
    let pair = |v: &str| -> Option<(u32, u32)> {
        let (a, b) = v.split_once('-')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    if s == "lunar-eve" {
        Some(Rule::LunarEve)
    } else if let Some(v) = s.strip_prefix("lunar:") {
        let (m, d) = pair(v)?;
        ((1..=12).contains(&m) && (1..=30).contains(&d)).then_some(Rule::Lunar(m as u8, d as u8))
    } else if let Some(v) = s.strip_prefix("gregorian:") {
        let (m, d) = pair(v)?;
        Date::new(2000, m, d).map(|_| Rule::Gregorian(m, d))
    } else if let Some(v) = s.strip_prefix("solar:") {
        // Whole degrees (solar terms are 15° apart), read as an integer: no float parser in wasm.
        v.parse::<u16>().ok().filter(|&l| l < 360).map(|l| Rule::Solar(f64::from(l)))
    } else {
        None
    }
}

static FESTIVALS: LazyLock<Vec<Festival>> = LazyLock::new(|| parse_festivals(data!("holidays/festivals.tsv")));

/// All festivals of the embedded table.
pub(crate) fn festivals() -> &'static [Festival] {
    &FESTIVALS
}

/// The festival called `name` (an English name in any case, a Chinese name, or its key).
#[cfg_attr(not(test), allow(dead_code))] // API for the English tagger and the page
pub(crate) fn find(name: &str) -> Option<&'static Festival> {
    let name = name.trim();
    festivals().iter().find(|f| f.key == name || f.chinese.iter().any(|n| n == name) || f.english.iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// The Gregorian date of `festival` in `year`: `festival` is an English name ("Spring Festival",
/// "mid-autumn festival"), a Chinese name (春节, 中秋节) or a key of `data/holidays/festivals.tsv`.
/// Lunisolar festivals are computed with the Chinese calendar, Qingming astronomically.
///
/// ```ignore
/// assert_eq!(festival_date("Spring Festival", 2025).unwrap().iso(), "2025-01-29");
/// assert_eq!(festival_date("除夕", 2019).unwrap().iso(), "2019-02-04");
/// assert_eq!(festival_date("No Such Day", 2019), None);
/// ```
#[cfg_attr(not(test), allow(dead_code))] // API for the English tagger and the page
pub(crate) fn festival_date(festival: &str, year: i32) -> Option<Date> {
    find(festival)?.date(year)
}

/// The Gregorian date of day `day` of lunar month `month` (never a leap month) of the Chinese year
/// whose New Year falls in Gregorian `year`.
pub(crate) fn lunar_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let lunar = IcuDate::try_new_chinese_traditional(year, Month::new(month), day).ok()?;
    let iso = lunar.to_calendar(Iso);
    Date::new(iso.year().extended_year(), iso.month().ordinal as u32, iso.day_of_month().0 as u32)
}

/// Julian day of 1970-01-01 00:00 UTC.
const JD_UNIX_EPOCH: f64 = 2_440_587.5;

/// The sun's apparent geometric longitude in degrees at Julian ephemeris day `jde`
/// (Meeus, *Astronomical Algorithms*, ch. 25, low-accuracy method: about 0.01°, i.e. a quarter of an hour).
fn solar_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let l0 = 280.46646 + 36000.76983 * t + 0.000_303_2 * t * t;
    let m = (357.52911 + 35999.05029 * t - 0.000_153_7 * t * t).to_radians();
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * m.sin() + (0.019_993 - 0.000_101 * t) * (2.0 * m).sin() + 0.000_289 * (3.0 * m).sin();
    let omega = (125.04 - 1_934.136 * t).to_radians();
    (l0 + c - 0.005_69 - 0.004_78 * omega.sin()).rem_euclid(360.0)
}

/// The day (China Standard Time, UTC+8) in Gregorian `year` on which the sun reaches apparent
/// longitude `longitude` (degrees): the 24 solar terms are multiples of 15°, Qingming is 15°.
/// Newton iteration on [`solar_longitude`]; the difference between TT and UT (about a minute) is ignored.
pub(crate) fn solar_term_day(year: i32, longitude: f64) -> Option<Date> {
    // Start near the date: the sun is at 0° around March 20 and moves about 0.9856° a day.
    let march20 = Date::new(year, 3, 20)?.to_days() as f64 + JD_UNIX_EPOCH;
    let mut jd = march20 + longitude.rem_euclid(360.0) / 0.985_647;
    for _ in 0..50 {
        let diff = (longitude - solar_longitude(jd) + 540.0).rem_euclid(360.0) - 180.0;
        jd += diff / 0.985_647;
        if diff.abs() < 1e-7 {
            break;
        }
    }
    let beijing_days = (jd - JD_UNIX_EPOCH + 8.0 / 24.0).floor() as i64;
    Some(Date::from_days(beijing_days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(name: &str, year: i32) -> String {
        festival_date(name, year).map(|d| d.iso()).unwrap_or_default()
    }

    #[test]
    fn spring_festival_and_its_eve() {
        assert_eq!(iso("Spring Festival", 2019), "2019-02-05");
        assert_eq!(iso("春节", 2025), "2025-01-29");
        assert_eq!(iso("chinese new year", 2024), "2024-02-10");
        assert_eq!(iso("春节", 2020), "2020-01-25");
        assert_eq!(iso("除夕", 2019), "2019-02-04");
        assert_eq!(iso("Chinese New Year's Eve", 2025), "2025-01-28");
    }

    #[test]
    fn lunisolar_festivals() {
        // Checked against the State Council holiday notices of each year.
        assert_eq!(iso("Mid-Autumn Festival", 2023), "2023-09-29");
        assert_eq!(iso("中秋节", 2024), "2024-09-17");
        assert_eq!(iso("中秋节", 2025), "2025-10-06");
        assert_eq!(iso("Dragon Boat Festival", 2023), "2023-06-22");
        assert_eq!(iso("端午节", 2024), "2024-06-10");
        assert_eq!(iso("端午节", 2025), "2025-05-31");
        assert_eq!(iso("Lantern Festival", 2025), "2025-02-12");
        assert_eq!(iso("重阳节", 2024), "2024-10-11");
        // 2023 had a leap second month; the Dragon Boat Festival (month 5) must not shift by it.
        assert_eq!(iso("七夕", 2023), "2023-08-22");
    }

    #[test]
    fn qingming_is_the_solar_term() {
        for (year, day) in [(2019, 5), (2020, 4), (2021, 4), (2022, 5), (2023, 5), (2024, 4), (2025, 4), (2008, 4), (2015, 5)] {
            assert_eq!(iso("Qingming Festival", year), format!("{year}-04-{day:02}"), "{year}");
        }
        // The standard "寿星" formula for the 21st century: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ (Y = year − 2000).
        for y in 1..100 {
            let formula = (y as f64 * 0.2422 + 4.81).floor() as u32 - y / 4;
            assert_eq!(iso("清明节", 2000 + y as i32), format!("{}-04-{formula:02}", 2000 + y), "{}", 2000 + y);
        }
    }

    #[test]
    fn fixed_holidays_and_unknown_names() {
        assert_eq!(iso("National Day", 2025), "2025-10-01");
        assert_eq!(iso("国庆节", 1949), "1949-10-01");
        assert_eq!(iso("元旦", 2026), "2026-01-01");
        assert_eq!(festival_date("Groundhog Day", 2025), None);
        assert_eq!(festival_date("春节", 100_000), None);
        assert_eq!(find("国庆").and_then(Festival::fixed_month_day), Some((10, 1)));
    }

    #[test]
    fn tiny_tables_parse() {
        let t = parse_festivals("# c\nx\tlunar:8-15\tMoon\t月\nbad\tlunar:13-1\tA\tB\ny\tgregorian:02-30\tC\tD\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].date(2023).map(|d| d.iso()).as_deref(), Some("2023-09-29"));
    }
}
