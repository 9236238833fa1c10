//! The date being read and its TIMEX3 value; calendar arithmetic (ISO weeks, months).

use crate::timex::Date;

/// How fine a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) enum Gran {
    Century,
    Decade,
    #[default]
    Year,
    Month,
    Week,
    Day,
}

/// A part of a year or week written after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sub {
    Season(&'static str),
    Half(u8),
    Quarter(u8),
    WeekEnd,
}

/// A (possibly partial) date being read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct When {
    pub(super) gran: Gran,
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    /// ISO week number (the ISO year is in `year`).
    pub(super) week: Option<u32>,
    pub(super) weekday: Option<u32>,
    pub(super) sub: Option<Sub>,
    /// Hour, minute, second.
    pub(super) clock: Option<(u32, u32, Option<u32>)>,
    pub(super) part: Option<&'static str>,
    /// Some part came from the reference date or an earlier date, not from the text.
    pub(super) relative: bool,
    /// Month and day are in the Chinese lunisolar calendar (农历, 正月, 初一).
    pub(super) lunar: bool,
}

pub(super) fn xx(v: Option<u32>) -> String {
    v.map_or("XX".into(), |v| format!("{v:02}"))
}

impl When {
    pub(super) fn year_str(&self) -> String {
        self.year.map_or("XXXX".into(), |y| format!("{y:04}"))
    }

    /// The TIMEX3 value.
    pub(super) fn value(&self) -> String {
        let mut v = match self.gran {
            Gran::Century => self.year.map_or("XX".into(), |y| format!("{:02}", y.div_euclid(100))),
            Gran::Decade => self.year.map_or("XXX".into(), |y| format!("{:03}", y.div_euclid(10))),
            Gran::Year => self.year_str(),
            Gran::Month => format!("{}-{}", self.year_str(), xx(self.month)),
            Gran::Week => match (self.week, self.weekday) {
                (Some(w), _) => format!("{}-W{w:02}", self.year_str()),
                (None, Some(_)) => "XXXX-WXX".into(),
                (None, None) => format!("{}-WXX", self.year_str()),
            },
            Gran::Day => format!("{}-{}-{}", self.year_str(), xx(self.month), xx(self.day)),
        };
        match self.sub {
            Some(Sub::Season(s)) => v = format!("{v}-{s}"),
            Some(Sub::Half(h)) => v = format!("{v}-H{h}"),
            Some(Sub::Quarter(q)) => v = format!("{v}-Q{q}"),
            Some(Sub::WeekEnd) => v = format!("{v}-WE"),
            None => {}
        }
        if self.gran == Gran::Week
            && let Some(d) = self.weekday
        {
            v = format!("{v}-{d}");
        }
        if let Some((h, m, s)) = self.clock {
            v = format!("{v}T{h:02}:{m:02}");
            if let Some(s) = s {
                v = format!("{v}:{s:02}");
            }
        } else if let Some(p) = self.part {
            v = format!("{v}T{p}");
        }
        v
    }

    pub(super) fn date(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?)
    }

    pub(super) fn set_date(&mut self, d: Date) {
        self.year = Some(d.year);
        self.month = Some(d.month);
        self.day = Some(d.day);
        self.gran = Gran::Day;
    }
}

/// Monday-based ISO week of a date: (ISO year, week).
pub(super) fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - d.weekday() as i64);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    (thursday.year, ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32)
}

pub(super) fn add_months(year: i32, month: u32, offset: i32) -> (i32, u32) {
    let m = year * 12 + month as i32 - 1 + offset;
    (m.div_euclid(12), m.rem_euclid(12) as u32 + 1)
}

pub(super) fn monday_of_iso_week(year: i32, week: u32) -> Date {
    let jan4 = Date { year, month: 1, day: 4 };
    jan4.add_days(-(jan4.weekday() as i64 - 1) + 7 * (week as i64 - 1))
}

pub(super) fn season_code(code: &str) -> &'static str {
    match code {
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        _ => "WI",
    }
}

pub(super) fn part_code(code: &str) -> &'static str {
    match code {
        "MO" => "MO",
        "MI" => "MI",
        "AF" => "AF",
        "EV" => "EV",
        _ => "NI",
    }
}
