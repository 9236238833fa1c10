//! An article's date and the periods it falls in. The date comes, in order of trust, from the
//! article's dateline, from an ISO date in its file name (what users rename files to when a tool
//! cannot order documents by date), or from the user; the summary says which.

use serde::{Deserialize, Serialize};

use crate::timex::Date;

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArticleDateSource {
    /// The article's own dateline or header.
    Dateline,
    /// An ISO date in the file name (`2024-03-05-report.txt`, `20240305.txt`).
    FileName,
    /// Given by the user for this article (or for the whole corpus).
    User,
    /// No date: the article is listed as undated and left out of every period.
    #[default]
    None,
}

/// The date of an article from its dateline's date, its file name and the user's date, in that
/// order of trust; an invalid user date counts as none.
///
/// ```
/// use article_explorer::corpus::{ArticleDateSource, choose_date};
/// assert_eq!(choose_date(None, Some("2024-03-05 report.txt"), Some("2020-01-01")), (Some("2024-03-05".into()), ArticleDateSource::FileName));
/// assert_eq!(choose_date(Some("2025-11-05"), Some("20240305.txt"), None), (Some("2025-11-05".into()), ArticleDateSource::Dateline));
/// assert_eq!(choose_date(None, Some("notes.txt"), Some("2020-01-01")), (Some("2020-01-01".into()), ArticleDateSource::User));
/// assert_eq!(choose_date(None, None, Some("2020-02-30")), (None, ArticleDateSource::None));
/// ```
pub fn choose_date(dateline: Option<&str>, file_name: Option<&str>, user: Option<&str>) -> (Option<String>, ArticleDateSource) {
    if let Some(d) = dateline.and_then(Date::parse) {
        return (Some(d.iso()), ArticleDateSource::Dateline);
    }
    if let Some(d) = file_name.and_then(file_name_date) {
        return (Some(d), ArticleDateSource::FileName);
    }
    if let Some(d) = user.map(str::trim).and_then(Date::parse) {
        return (Some(d.iso()), ArticleDateSource::User);
    }
    (None, ArticleDateSource::None)
}

/// The first valid ISO date written in a file name (or path: only its last component is read),
/// as `YYYY-MM-DD`: `2024-03-05`, `2024_03_05`, `2024.03.05` or `20240305`, not inside a longer
/// run of digits. Years 1800–2199.
///
/// ```
/// use article_explorer::corpus::file_name_date;
/// assert_eq!(file_name_date("corpus/2024-03-05-pd.txt").as_deref(), Some("2024-03-05"));
/// assert_eq!(file_name_date("rmrb_20240305_01.txt").as_deref(), Some("2024-03-05"));
/// assert_eq!(file_name_date("2024-02-30.txt"), None);
/// assert_eq!(file_name_date("id-120240305.txt"), None);
/// assert_eq!(file_name_date("2019/notes.txt"), None);
/// ```
pub fn file_name_date(name: &str) -> Option<String> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |from: usize, len: usize| -> Option<u32> {
        (from + len <= b.len() && (from..from + len).all(digit)).then(|| name[from..from + len].parse().ok()).flatten()
    };
    for start in 0..b.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        let Some(year) = num(start, 4) else { continue };
        let sep = b.get(start + 4).copied();
        let (month, day, end) = match sep {
            Some(s @ (b'-' | b'_' | b'.')) if b.get(start + 7) == Some(&s) => (num(start + 5, 2), num(start + 8, 2), start + 10),
            _ => (num(start + 4, 2), num(start + 6, 2), start + 8),
        };
        let (Some(month), Some(day)) = (month, day) else { continue };
        if digit(end) || !(1800..2200).contains(&year) {
            continue;
        }
        if let Some(d) = Date::new(year as i32, month, day) {
            return Some(d.iso());
        }
    }
    None
}

/// The unit of time a trend counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Each article on its own (ordered by date).
    Article,
    /// ISO weeks, `2024-W09` (Monday to Sunday; the week's year is the year of its Thursday).
    Week,
    /// Calendar months, `2024-03`.
    #[default]
    Month,
    /// Calendar years, `2024`.
    Year,
}

impl std::str::FromStr for Period {
    type Err = crate::Error;

    /// Parses `article`, `week`, `month` or `year`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "article" => Ok(Period::Article),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            other => {
                Err(crate::Error::InvalidOption { option: "period".into(), value: other.into(), expected: "article, week, month or year".into() })
            }
        }
    }
}

/// The label of the week, month or year a `YYYY-MM-DD` date falls in (`None` for an invalid date
/// or [`Period::Article`], whose periods are the articles).
///
/// ```
/// use article_explorer::corpus::{Period, period_label};
/// assert_eq!(period_label("2024-03-05", Period::Month).as_deref(), Some("2024-03"));
/// assert_eq!(period_label("2024-03-05", Period::Year).as_deref(), Some("2024"));
/// assert_eq!(period_label("2021-01-03", Period::Week).as_deref(), Some("2020-W53"));
/// assert_eq!(period_label("2024-12-30", Period::Week).as_deref(), Some("2025-W01"));
/// ```
pub fn period_label(date: &str, period: Period) -> Option<String> {
    let d = Date::parse(date)?;
    match period {
        Period::Article => None,
        Period::Year => Some(format!("{:04}", d.year)),
        Period::Month => Some(format!("{:04}-{:02}", d.year, d.month)),
        Period::Week => {
            let (year, week) = iso_week(d);
            Some(format!("{year:04}-W{week:02}"))
        }
    }
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(d: Date) -> (i32, u32) {
    let days = d.to_days();
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    let weekday = (days + 3).rem_euclid(7);
    let thursday = Date::from_days(days - weekday + 3);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 }.to_days();
    (thursday.year, ((thursday.to_days() - jan1) / 7 + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_at_year_edges() {
        let week = |s: &str| period_label(s, Period::Week).unwrap();
        assert_eq!(week("2024-01-01"), "2024-W01"); // a Monday
        assert_eq!(week("2023-01-01"), "2022-W52"); // a Sunday
        assert_eq!(week("2020-12-31"), "2020-W53");
        assert_eq!(week("2026-12-04"), "2026-W49");
    }

    #[test]
    fn file_name_dates_in_every_written_form() {
        for (name, want) in [
            ("2024_03_05.txt", Some("2024-03-05")),
            ("x.2024.03.05.md", Some("2024-03-05")),
            ("2024-03-5.txt", None),
            ("1999-12-31 and 2000-01-01", Some("1999-12-31")),
            ("v12345678.txt", None),
            ("20241305-then-20240305", Some("2024-03-05")),
        ] {
            assert_eq!(file_name_date(name).as_deref(), want, "{name}");
        }
    }
}
