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

/// Appends `n` in decimal, zero-padded to `width` characters, to the value being written (one
/// string per value instead of a `format!` per piece).
fn push_padded(out: &mut String, n: i64, width: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{n:0width$}");
}

/// `v` as two digits, or `XX`.
fn push_xx(out: &mut String, v: Option<u32>) {
    match v {
        Some(v) => push_padded(out, v.into(), 2),
        None => out.push_str("XX"),
    }
}

impl When {
    fn push_year(&self, out: &mut String) {
        match self.year {
            Some(y) => push_padded(out, y.into(), 4),
            None => out.push_str("XXXX"),
        }
    }

    /// The TIMEX3 value. Written piece by piece into one string: a value is made for every
    /// expression, and `format!` per piece cost several allocations each.
    pub(super) fn value(&self) -> String {
        let mut v = String::with_capacity(16);
        match self.gran {
            Gran::Century => match self.year {
                Some(y) => push_padded(&mut v, y.div_euclid(100).into(), 2),
                None => v.push_str("XX"),
            },
            Gran::Decade => match self.year {
                Some(y) => push_padded(&mut v, y.div_euclid(10).into(), 3),
                None => v.push_str("XXX"),
            },
            Gran::Year => self.push_year(&mut v),
            Gran::Month => {
                self.push_year(&mut v);
                v.push('-');
                push_xx(&mut v, self.month);
            }
            Gran::Week => match (self.week, self.weekday) {
                (Some(w), _) => {
                    self.push_year(&mut v);
                    v.push_str("-W");
                    push_padded(&mut v, w.into(), 2);
                }
                (None, Some(_)) => v.push_str("XXXX-WXX"),
                (None, None) => {
                    self.push_year(&mut v);
                    v.push_str("-WXX");
                }
            },
            Gran::Day => {
                self.push_year(&mut v);
                v.push('-');
                push_xx(&mut v, self.month);
                v.push('-');
                push_xx(&mut v, self.day);
            }
        }
        match self.sub {
            Some(Sub::Season(s)) => {
                v.push('-');
                v.push_str(s);
            }
            Some(Sub::Half(h)) => {
                v.push_str("-H");
                push_padded(&mut v, h.into(), 1);
            }
            Some(Sub::Quarter(q)) => {
                v.push_str("-Q");
                push_padded(&mut v, q.into(), 1);
            }
            Some(Sub::WeekEnd) => v.push_str("-WE"),
            None => {}
        }
        if self.gran == Gran::Week
            && let Some(d) = self.weekday
        {
            v.push('-');
            push_padded(&mut v, d.into(), 1);
        }
        if let Some((h, m, s)) = self.clock {
            v.push('T');
            push_padded(&mut v, h.into(), 2);
            v.push(':');
            push_padded(&mut v, m.into(), 2);
            if let Some(s) = s {
                v.push(':');
                push_padded(&mut v, s.into(), 2);
            }
        } else if let Some(p) = self.part {
            v.push('T');
            v.push_str(p);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_are_written_as_format_writes_them() {
        for n in [0, 5, 9, 10, 99, 100, 999, 2025, 12345, i64::from(u32::MAX), i64::MAX, -1, -5, -2025, i64::MIN] {
            for width in 0..6 {
                let mut s = String::from("x");
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"), "{n} {width}");
            }
        }
    }
}
