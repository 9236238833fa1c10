//! Chinese time expressions: explicit dates (2025年11月5日, 二〇〇〇年十二月三十一日), deictic words
//! (去年, 上个月, 明天), ranges (11月5日至6日), modifiers (初, 中旬, 底, 前夕, 以来), seasons, quarters,
//! halves, decades, festivals, weekdays, times (上午9时30分), durations (时隔23年, 三个月, 多年) and
//! sets (每年, 每周日). Word lists live in `data/zh/timex/`, festivals in `data/holidays/`.
//!
//! Anchoring: deictic words (去年, 明天, 五年前) count from the reference date; dates without a year
//! (11月5日, 春节) take the year of the last date mentioned earlier in the paragraph, else the
//! reference year; anaphoric words (当年, 次日) and "N days later" count from the last date mentioned,
//! else the reference. Without a reference the unknown parts stay underspecified (`XXXX-11-05`).
//! See docs/timeline-zh.md.

mod lexicon;
mod numerals;

use std::ops::Range;

use super::festivals::Rule;
use super::{Date, TimexHit, days_in_month};
use crate::{TimexKind, TimexType};
use lexicon::{Lexicon, Numerals, Unit};
use numerals::{Num, arabic_digit, parse_number};

/// Tags the Chinese time expressions of paragraph `range` of `text`, resolving relative ones
/// against `reference` when known.
pub(crate) fn tag_paragraph(text: &str, range: Range<usize>, reference: Option<Date>) -> Vec<TimexHit> {
    tag_with(Lexicon::embedded(), text, range, reference)
}

/// The number (Arabic or Chinese numerals) at character `i` of `chars`, and the index after it.
pub(super) fn read_number(chars: &[char], i: usize) -> Option<(u64, usize)> {
    parse_number(chars, i, Numerals::embedded()).map(|n| (n.value, n.end))
}

/// True for Arabic digits and Chinese numeral characters.
pub(super) fn is_numeral_char(c: char) -> bool {
    numerals::is_number_char(c, Numerals::embedded())
}

/// How fine a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Gran {
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
enum Sub {
    Season(&'static str),
    Half(u8),
    Quarter(u8),
    WeekEnd,
}

/// A (possibly partial) date being read.
#[derive(Debug, Clone, Copy, Default)]
struct When {
    gran: Gran,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// ISO week number (the ISO year is in `year`).
    week: Option<u32>,
    weekday: Option<u32>,
    sub: Option<Sub>,
    /// Hour, minute, second.
    clock: Option<(u32, u32, Option<u32>)>,
    part: Option<&'static str>,
    /// Some part came from the reference date or an earlier date, not from the text.
    relative: bool,
    /// Month and day are in the Chinese lunisolar calendar (农历, 正月, 初一).
    lunar: bool,
}

fn xx(v: Option<u32>) -> String {
    v.map_or("XX".into(), |v| format!("{v:02}"))
}

impl When {
    fn year_str(&self) -> String {
        self.year.map_or("XXXX".into(), |y| format!("{y:04}"))
    }

    /// The TIMEX3 value.
    fn value(&self) -> String {
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

    fn date(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?)
    }

    fn set_date(&mut self, d: Date) {
        self.year = Some(d.year);
        self.month = Some(d.month);
        self.day = Some(d.day);
        self.gran = Gran::Day;
    }
}

/// Monday-based ISO week of a date: (ISO year, week).
fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - d.weekday() as i64);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    (thursday.year, ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32)
}

fn add_months(year: i32, month: u32, offset: i32) -> (i32, u32) {
    let m = year * 12 + month as i32 - 1 + offset;
    (m.div_euclid(12), m.rem_euclid(12) as u32 + 1)
}

/// A clock reading: part of day, its day offset (昨晚 = −1), hour/minute/second, end index.
type ClockRead = (Option<&'static str>, i64, Option<(u32, u32, Option<u32>)>, usize);

/// A tagged expression, in character indices.
#[derive(Debug, Clone)]
struct Found {
    end: usize,
    ty: TimexType,
    value: String,
    end_value: Option<String>,
    relative: bool,
    /// The date to remember for later anchoring.
    anchor: Option<When>,
}

struct Scanner<'a> {
    lex: &'a Lexicon,
    chars: &'a [char],
    reference: Option<Date>,
    /// The last date mentioned (for narrative anchoring).
    last: Option<When>,
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

const CONNECTORS: &[&str] = &["至", "到", "~", "～", "——", "—", "－", "-", "–", "~"];

impl<'a> Scanner<'a> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn lit(&self, i: usize, s: &str) -> Option<usize> {
        let mut j = i;
        for c in s.chars() {
            if self.at(j)? != c {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    fn any_lit(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.lit(i, w))
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\u{3000}' | '\u{a0}')) {
            i += 1;
        }
        i
    }

    fn num(&self, i: usize) -> Option<Num> {
        if i > 0 && self.at(i - 1) == Some('第') {
            return None;
        }
        let n = parse_number(self.chars, i, &self.lex.numerals)?;
        // 2.37亿, 2,500: part of a decimal or grouped number.
        if n.arabic && matches!(self.at(n.end), Some('.' | ',' | '，' | '．')) && self.at(n.end + 1).and_then(arabic_digit).is_some() {
            return None;
        }
        if i > 0 && matches!(self.at(i - 1), Some('.' | '．')) && n.arabic {
            return None;
        }
        Some(n)
    }

    /// The last date mentioned, unless it lies after the reference year (2035年 is a target, not the
    /// story's time: 11月5日 after it still belongs to the reference year).
    fn narrative(&self) -> Option<When> {
        self.last.filter(|l| match (l.year, self.reference) {
            (Some(y), Some(r)) => y <= r.year,
            _ => true,
        })
    }

    /// The year to give a date written without one: the last date's, else the reference's.
    fn context_year(&self, w: &mut When) {
        if w.year.is_some() {
            return;
        }
        if let Some(y) = self.narrative().and_then(|l| l.year) {
            w.year = Some(y);
            w.relative = true;
        } else if let Some(r) = self.reference {
            w.year = Some(r.year);
            w.relative = true;
        }
    }

    fn context_month(&self, w: &mut When) {
        if w.month.is_some() {
            return;
        }
        if let Some(l) = self.narrative().filter(|l| l.month.is_some() && l.year.is_some()) {
            w.year = l.year;
            w.month = l.month;
            w.relative = true;
        } else if let Some(r) = self.reference {
            w.year = Some(r.year);
            w.month = Some(r.month);
            w.relative = true;
        }
    }

    /// A deictic word of `unit` at `i`, resolved.
    fn deictic(&self, i: usize, unit: Unit) -> Option<(When, usize)> {
        let (d, end) = self.lex.relative.at(self.chars, i)?;
        if d.unit != unit || (unit == Unit::Year && matches!(self.at(end), Some('级' | '龄' | '度' | '纪' | '华' | '轻'))) {
            return None;
        }
        let base = if d.from_last {
            self.last.and_then(|l| l.date().or_else(|| Date::new(l.year?, l.month.unwrap_or(1), 1))).or(self.reference)
        } else {
            self.reference
        };
        let mut w = When { relative: true, ..Default::default() };
        match (unit, base) {
            (Unit::Year, b) => {
                w.gran = Gran::Year;
                w.year = b.map(|b| b.year + d.offset);
            }
            (Unit::Month, b) => {
                w.gran = Gran::Month;
                if let Some(b) = b {
                    let (y, m) = add_months(b.year, b.month, d.offset);
                    (w.year, w.month) = (Some(y), Some(m));
                }
            }
            (Unit::Week, b) => {
                w.gran = Gran::Week;
                if let Some(b) = b {
                    let (y, wk) = iso_week(b.add_days(7 * d.offset as i64));
                    (w.year, w.week) = (Some(y), Some(wk));
                }
            }
            (Unit::Day, b) => {
                w.gran = Gran::Day;
                if let Some(b) = b {
                    w.set_date(b.add_days(d.offset as i64));
                }
            }
        }
        Some((w, end))
    }

    /// 2025年, 二〇二五年, 08年, 去年.
    fn year(&self, i: usize) -> Option<(When, usize)> {
        if let Some(r) = self.deictic(i, Unit::Year) {
            return Some(r);
        }
        // An era year: 康熙三年 → 1664, 民国元年 → 1912.
        if let Some((&first, j)) = self.lex.reign_eras.at(self.chars, i) {
            let (n, after_num) = match self.at(j) {
                Some('元') => (1, j + 1),
                _ => self.num(j).map(|n| (n.value as i32, n.end)).filter(|n| (1..=100).contains(&n.0))?,
            };
            let after = self.lit(self.skip_spaces(after_num), "年")?;
            return Some((When { gran: Gran::Year, year: Some(first + n - 1), ..Default::default() }, after));
        }
        let start = self.lit(i, "公元").unwrap_or(i);
        let n = self.num(start)?;
        let j = self.skip_spaces(n.end);
        let after = self.lit(j, "年")?;
        if matches!(self.at(after), Some('级' | '代' | '龄' | '度')) {
            return None;
        }
        let v = n.value as i32;
        let year = if n.sequence && n.len == 4 && (1000..=2199).contains(&v) {
            v
        } else if n.sequence && n.len == 2 && (n.leading_zero || !n.arabic || self.month(self.skip_spaces(after)).is_some()) {
            let pivot = self.reference.map_or(30, |r| r.year % 100 + 10);
            if v <= pivot { 2000 + v } else { 1900 + v }
        } else {
            return None;
        };
        Some((When { gran: Gran::Year, year: Some(year), ..Default::default() }, after))
    }

    /// 11月, 十二月, 上个月, 正月 (lunar months are read as their number).
    fn month(&self, i: usize) -> Option<(When, usize)> {
        if let Some(r) = self.deictic(i, Unit::Month) {
            return Some(r);
        }
        for (name, m) in [("正月", 1), ("冬月", 11), ("腊月", 12)] {
            if let Some(e) = self.lit(i, name) {
                return Some((When { gran: Gran::Month, month: Some(m), lunar: true, ..Default::default() }, e));
            }
        }
        let n = self.num(i)?;
        if n.len > 2 || self.at(i) == Some('两') || !(1..=12).contains(&n.value) || (n.sequence && !n.arabic && n.len > 1) {
            return None;
        }
        let j = self.skip_spaces(n.end);
        let mut end = self.lit(j, "月")?;
        if let Some(e) = self.lit(end, "份") {
            end = e;
        }
        Some((When { gran: Gran::Month, month: Some(n.value as u32), ..Default::default() }, end))
    }

    /// 5日, 五号, 三十一日; bare numbers only after a month (八月十五).
    fn day(&self, i: usize, after_month: bool) -> Option<(u32, usize)> {
        if after_month
            && let Some(e) = self.lit(i, "初")
            && let Some(n) = parse_number(self.chars, e, &self.lex.numerals).filter(|n| !n.arabic && (1..=10).contains(&n.value))
        {
            return Some((n.value as u32, n.end));
        }
        let n = self.num(i)?;
        if n.len > 3 || !(1..=31).contains(&n.value) || (n.arabic && n.len > 2) || self.at(i) == Some('两') {
            return None;
        }
        let j = self.skip_spaces(n.end);
        if let Some(e) = self.lit(j, "日") {
            return (after_month || n.arabic).then_some((n.value as u32, e));
        }
        if let Some(e) = self.any_lit(j, &["号", "號"]) {
            return after_month.then_some((n.value as u32, e));
        }
        // 八月十五 (no 日): only before punctuation or the end.
        let next = self.at(n.end);
        (after_month && !n.arabic && next.is_none_or(|c| !is_cjk(c) && arabic_digit(c).is_none() && c != ':' && c != '：'))
            .then_some((n.value as u32, n.end))
    }

    /// 90年代, 20世纪90年代, 上世纪80年代, 21世纪, 本世纪.
    fn decade_or_century(&self, i: usize) -> Option<(When, usize)> {
        let mut century: Option<i32> = None;
        let mut j = i;
        let mut relative = false;
        if let Some(e) = self.any_lit(i, &["上世纪", "上个世纪", "本世纪", "这个世纪"]) {
            let this = self.reference.map(|r| r.year.div_euclid(100));
            century = Some(if self.at(i) == Some('上') { this.map_or(19, |c| c - 1) } else { this? });
            relative = true;
            j = e;
        } else if let Some(n) = self.num(i)
            && (1..=30).contains(&n.value)
            && let Some(e) = self.lit(n.end, "世纪")
        {
            century = Some(n.value as i32 - 1);
            j = e;
        }
        if let Some(n) = self.num(j)
            && let Some(e) = self.lit(self.skip_spaces(n.end), "年代")
        {
            let v = n.value as i32;
            let year = if n.len == 4 && n.sequence && v % 10 == 0 {
                v
            } else if v % 10 == 0 && v < 100 {
                let c = century.unwrap_or_else(|| {
                    relative = true;
                    match self.reference {
                        Some(r) if 2000 + v <= r.year => 20,
                        _ => 19,
                    }
                });
                c * 100 + v
            } else {
                return None;
            };
            return Some((When { gran: Gran::Decade, year: Some(year), relative, ..Default::default() }, e));
        }
        let c = century?;
        Some((When { gran: Gran::Century, year: Some(c * 100), relative, ..Default::default() }, j))
    }

    /// 2010-01-29, 2010/01/29, 2010.01.29.
    fn numeric_date(&self, i: usize) -> Option<(When, usize)> {
        let y = parse_number(self.chars, i, &self.lex.numerals).filter(|n| n.arabic && n.len == 4)?;
        let sep = self.at(y.end).filter(|c| matches!(c, '-' | '/' | '.' | '－' | '／'))?;
        let m = parse_number(self.chars, y.end + 1, &self.lex.numerals).filter(|n| n.arabic && n.len <= 2)?;
        if self.at(m.end) != Some(sep) {
            return None;
        }
        let d = parse_number(self.chars, m.end + 1, &self.lex.numerals).filter(|n| n.arabic && n.len <= 2)?;
        if self.at(d.end).and_then(arabic_digit).is_some() {
            return None;
        }
        let date = Date::new(y.value as i32, m.value as u32, d.value as u32).filter(|d| (1000..=2199).contains(&d.year))?;
        let mut w = When::default();
        w.set_date(date);
        Some((w, d.end))
    }

    /// 春节, 国庆节, resolved in the year already read or the context year.
    fn festival(&self, i: usize, mut w: When) -> Option<(When, usize)> {
        let (f, end) = self.lex.festivals.at(self.chars, i)?;
        self.context_year(&mut w);
        let year = w.year;
        w.gran = Gran::Day;
        match (year.and_then(|y| f.date(y)), f.rule) {
            (Some(d), _) => w.set_date(d),
            (None, Rule::Gregorian(m, d)) => (w.month, w.day) = (Some(m), Some(d)),
            (None, _) => {}
        }
        Some((w, end))
    }

    /// 第一季度, 一季度, 前三季度 (the last as a range).
    fn quarter(&self, i: usize) -> Option<(Sub, Option<Sub>, usize)> {
        let first = self.lit(i, "前");
        let j = first.or_else(|| self.lit(i, "第")).unwrap_or(i);
        let n = parse_number(self.chars, j, &self.lex.numerals)?;
        let end = self.lit(n.end, "季度")?;
        if !(1..=4).contains(&n.value) {
            return None;
        }
        let q = n.value as u8;
        Some(if first.is_some() { (Sub::Quarter(1), Some(Sub::Quarter(q)), end) } else { (Sub::Quarter(q), None, end) })
    }

    /// The core date grammar: [year][month][day] | [year] season/half/quarter/festival |
    /// deictic week [+ weekday] | deictic day | weekday | festival. Returns the date, an optional
    /// range end given by the expression itself (前三季度), and the end index.
    fn date(&self, i: usize, in_range: bool) -> Option<(When, Option<When>, usize)> {
        if let Some((w, e)) = self.numeric_date(i) {
            return Some((w, None, e));
        }
        if let Some((w, e)) = self.decade_or_century(i) {
            return Some((w, None, e));
        }
        let mut w = When::default();
        let lunar_prefix = self.lit(i, "农历").or_else(|| self.lit(i, "阴历"));
        let i = lunar_prefix.unwrap_or(i);
        let mut j = i;
        let mut have = false;
        if let Some((y, e)) = self.year(i) {
            w = y;
            j = self.skip_spaces(e);
            have = true;
        }
        let year_read = have;
        if let Some((m, e)) = self.month(j) {
            let relative_month = m.year.is_some() || (m.month.is_none() && m.relative);
            if !(year_read && relative_month) {
                w.month = m.month;
                if m.year.is_some() {
                    w.year = m.year;
                }
                w.relative |= m.relative;
                w.lunar = m.lunar || lunar_prefix.is_some();
                w.gran = Gran::Month;
                j = e;
                have = true;
                if let Some((d, e)) = self.day(self.skip_spaces(j), true) {
                    w.day = Some(d);
                    w.gran = Gran::Day;
                    j = e;
                }
            }
        } else if !year_read && let Some((d, e)) = self.day(i, in_range) {
            w.day = Some(d);
            w.gran = Gran::Day;
            j = e;
            have = true;
            if !in_range {
                self.context_month(&mut w);
                // 29日 in February: the last month that has it.
                if let (Some(y), Some(m)) = (w.year, w.month)
                    && Date::new(y, m, d).is_none()
                {
                    let (y, m) = (1..=3).map(|k| add_months(y, m, -k)).find(|&(y, m)| Date::new(y, m, d).is_some()).unwrap_or((y, m));
                    (w.year, w.month) = (Some(y), Some(m));
                }
            }
        }
        if w.gran == Gran::Year && year_read {
            // 2021年的第一周 → 2021-W01 (ISO week), 明年第九个月 → the ninth month.
            let k = self.lit(j, "的").unwrap_or(j);
            if let Some(k) = self.lit(k, "第")
                && let Some(n) = parse_number(self.chars, k, &self.lex.numerals)
            {
                let n32 = n.value as u32;
                if let Some(e) = self.any_lit(n.end, &["周", "週", "个星期", "個星期"]).filter(|_| (1..=53).contains(&n32)) {
                    return Some((When { gran: Gran::Week, week: Some(n32), ..w }, None, e));
                }
                if let Some(e) = self.any_lit(n.end, &["个月", "個月"]).filter(|_| (1..=12).contains(&n32)) {
                    return Some((When { gran: Gran::Month, month: Some(n32), ..w }, None, e));
                }
            }
            // Parts of the year.
            if let Some((f, e)) = self.festival(j, w) {
                return Some((f, None, e));
            }
            if let Some(((code, _), e)) = self.lex.seasons.at(self.chars, j)
                && (e - j > 1 || self.at(e).is_none_or(|c| !is_cjk(c)))
            {
                w.sub = Some(Sub::Season(season_code(code)));
                return Some((w, None, e));
            }
            if let Some((a, b, e)) = self.quarter(j) {
                w.sub = Some(a);
                let end = b.map(|b| When { sub: Some(b), ..w });
                return Some((w, end, e));
            }
            if let Some((f, e)) = self.festival(j, w) {
                return Some((f, None, e));
            }
        }
        if have {
            if w.gran == Gran::Month && !year_read && !w.relative {
                self.context_year(&mut w);
            }
            if w.gran == Gran::Day && w.year.is_none() && w.month.is_some() && !in_range {
                self.context_year(&mut w);
                // 2月29日 in 2017: the last year that has it; 2月30日: no year.
                if let (Some(y), Some(m), Some(d)) = (w.year, w.month, w.day)
                    && Date::new(y, m, d).is_none()
                {
                    w.year = (1..=4).map(|k| y - k).find(|&y| Date::new(y, m, d).is_some());
                }
            }
            if w.lunar
                && w.gran == Gran::Day
                && let (Some(y), Some(m), Some(d)) = (w.year, w.month, w.day)
                && let Some(g) = super::festivals::lunar_to_gregorian(y, m as u8, d as u8)
            {
                w.set_date(g);
                w.lunar = false;
            }
            return Some((w, None, j));
        }
        // Standalone forms.
        if let Some((mut wk, e)) = self.deictic(i, Unit::Week) {
            if let Some((&d, e2)) = self.lex.weekdays.at(self.chars, e).or_else(|| self.bare_weekday(e)) {
                // 下周三: a day of that week.
                if let (Some(y), Some(n)) = (wk.year, wk.week) {
                    let monday = monday_of_iso_week(y, n);
                    let mut day = When { relative: true, ..Default::default() };
                    day.set_date(monday.add_days(d as i64 - 1));
                    return Some((day, None, e2));
                }
                wk.weekday = Some(d);
                return Some((wk, None, e2));
            }
            if let Some(e2) = self.any_lit(e, &["周末", "末", "週末"]) {
                wk.sub = Some(Sub::WeekEnd);
                return Some((wk, None, e2));
            }
            return Some((wk, None, e));
        }
        if let Some((w, e)) = self.deictic(i, Unit::Day) {
            return Some((w, None, e));
        }
        if let Some((&d, e)) = self.lex.weekdays.at(self.chars, i) {
            return Some((When { gran: Gran::Week, weekday: Some(d), ..Default::default() }, None, e));
        }
        if let Some((f, e)) = self.festival(i, When::default()) {
            return Some((f, None, e));
        }
        // Standalone seasons (秋季), halves (上半年), quarters and year parts (年底) of the context year.
        if let Some(((code, standalone), e)) = self.lex.seasons.at(self.chars, i)
            && *standalone
        {
            let mut w = When { sub: Some(Sub::Season(season_code(code))), ..Default::default() };
            self.context_year(&mut w);
            return Some((w, None, e));
        }
        if let Some((a, b, e)) = self.quarter(i) {
            let mut w = When { sub: Some(a), ..Default::default() };
            self.context_year(&mut w);
            let end = b.map(|b| When { sub: Some(b), ..w });
            return Some((w, end, e));
        }
        None
    }

    /// A weekday after 下周 etc. written without 周/星期 (下周三, 上上個週三 is handled by the list).
    fn bare_weekday(&self, i: usize) -> Option<(&'static u32, usize)> {
        const DAYS: [u32; 7] = [1, 2, 3, 4, 5, 6, 7];
        let c = self.at(i)?;
        let idx = "一二三四五六日天".chars().position(|d| d == c)?;
        Some((&DAYS[idx.min(6)], i + 1))
    }

    /// A clock time with an optional part of the day before it: 上午9时30分, 下午5:00, 晚上八点半.
    /// `dated` says a date precedes it (then a bare 八点 is read as a time).
    fn clock(&self, i: usize, dated: bool) -> Option<ClockRead> {
        let mut j = i;
        let mut part = None;
        let mut pm = false;
        let mut noon = false;
        let mut day_offset = 0;
        if let Some((p, e)) = self.lex.day_parts.at(self.chars, i) {
            part = Some(part_code(&p.code));
            pm = p.pm;
            noon = p.noon;
            day_offset = p.day_offset;
            j = e;
        }
        let about = self.any_lit(j, &["大约", "约"]);
        let k = about.unwrap_or(j);
        let Some(h) = self.num(k).filter(|n| n.value <= 24 && n.len <= 3 && !(n.arabic && n.len > 2)) else {
            return part.map(|p| (Some(p), day_offset, None, j));
        };
        let after_h = self.skip_spaces(h.end);
        let colon = self.any_lit(after_h, &[":", "："]);
        let mut hour = h.value as u32;
        let (mut minute, mut second) = (0, None);
        let mut end;
        let mut confirmed = part.is_some() || dated || about.is_some();
        if let Some(c) = colon {
            let m = parse_number(self.chars, self.skip_spaces(c), &self.lex.numerals).filter(|n| n.arabic && n.len == 2 && n.value < 60)?;
            minute = m.value as u32;
            end = m.end;
            if self.at(end) == Some(':')
                && let Some(s) = parse_number(self.chars, end + 1, &self.lex.numerals).filter(|n| n.arabic && n.len == 2 && n.value < 60)
            {
                second = Some(s.value as u32);
                end = s.end;
            }
            confirmed |= h.arabic;
        } else {
            end = self.any_lit(after_h, &["点钟", "点", "點", "时", "時"])?;
            if let Some(e) = self.lit(end, "半") {
                minute = 30;
                end = e;
                confirmed = true;
            } else if let Some(e) = self.lit(end, "一刻") {
                minute = 15;
                end = e;
                confirmed = true;
            } else if let Some(e) = self.lit(end, "三刻") {
                minute = 45;
                end = e;
                confirmed = true;
            } else if let Some(m) = self.num(end).filter(|n| n.value < 60 && n.len <= 3) {
                let e = self.any_lit(m.end, &["分钟", "分"]);
                // 八点二十 needs no 分; 9时30 does.
                // 三点五 and 零点五 are decimals: minutes without 分 need two digits (八点二十).
                let decimal = e.is_none() && (m.value < 10 || self.at(k) == Some('零'));
                if decimal && !(part.is_some() || dated) {
                    return None;
                }
                if e.is_some() || !m.arabic || self.at(end - 1) == Some('点') {
                    if self.lit(m.end, "分钟").is_some() {
                        // 8点30分钟 is odd; read as minutes anyway.
                    }
                    minute = m.value as u32;
                    end = e.unwrap_or(m.end);
                    confirmed = true;
                    if let Some(s) = self.num(end).filter(|n| n.value < 60)
                        && let Some(e) = self.lit(s.end, "秒")
                    {
                        second = Some(s.value as u32);
                        end = e;
                    }
                }
            }
            if let Some(e) = self.any_lit(end, &["整", "许", "左右", "钟"]) {
                end = e;
                confirmed = true;
            }
            // 9点 alone before punctuation, 零点, 十二点之后.
            let next = self.at(end);
            if minute == 0 && self.at(k) == Some('零') && next.is_none_or(|c| !super::zh::is_numeral_char(c)) {
                confirmed = true;
            }
            // 9点开始; but 股指上涨15点 (index points), 3点多.
            let prev = k.checked_sub(1).and_then(|p| self.at(p));
            if minute == 0
                && h.arabic
                && self.at(after_h) == Some('点')
                && !prev.is_some_and(|c| "涨跌升降高低了".contains(c))
                && !next.is_some_and(|c| "多几个".contains(c))
            {
                confirmed = true;
            }
            if self.any_lit(end, &["之前", "之后", "以前", "以后", "前后"]).is_some() {
                confirmed = true;
            }
        }
        if !confirmed {
            return None;
        }
        // am/pm written in Latin letters.
        let k = self.skip_spaces(end);
        if let Some(e) = self.any_lit(k, &["p.m.", "pm", "PM"]) {
            if hour < 12 {
                hour += 12;
            }
            end = e;
        } else if let Some(e) = self.any_lit(k, &["a.m.", "am", "AM"]) {
            if hour == 12 {
                hour = 0;
            }
            end = e;
        }
        if pm && (1..12).contains(&hour) && !(noon && hour >= 11) {
            hour += 12;
        }
        if hour == 24 {
            hour = 0;
        }
        Some((part, day_offset, Some((hour, minute, second)), end))
    }

    /// Adds a time after a date: 明天下午5:00, 2010.01.29晚上六点.
    fn with_time(&self, mut w: When, j: usize, dated: bool) -> (When, usize) {
        if w.gran != Gran::Day && !(w.gran == Gran::Week && w.weekday.is_some()) {
            return (w, j);
        }
        let Some((part, offset, clock, e)) = self.clock(j, dated) else { return (w, j) };
        if offset != 0
            && let Some(d) = w.date()
        {
            w.set_date(d.add_days(offset));
        }
        w.part = part;
        w.clock = clock;
        (w, e)
    }

    /// Date expression with optional weekday, time, range and modifier.
    fn date_expr(&self, i: usize) -> Option<Found> {
        let (mut w, range_end, mut j) = self.date(i, false)?;
        // 10月12号，星期一 / 11月5日（星期三）
        if w.gran == Gran::Day {
            let k = self.skip_spaces(j);
            let k2 = self.any_lit(k, &["，", ",", "（", "(", "、"]).unwrap_or(k);
            if let Some((_, e)) = self.lex.weekdays.at(self.chars, k2) {
                j = self.any_lit(e, &["）", ")"]).unwrap_or(e);
            }
        }
        let (w2, j2) = self.with_time(w, j, true);
        w = w2;
        j = j2;
        let mut end_w = range_end;
        // Ranges: 11月5日至6日, 2019年至2021年, 三月到五月, 下午5:00到6:00.
        let k = self.skip_spaces(j);
        if end_w.is_none()
            && let Some(c) = CONNECTORS.iter().find_map(|c| self.lit(k, c))
        {
            let c = self.skip_spaces(c);
            if let Some((second, e)) = self.range_end(&w, c) {
                end_w = Some(second);
                j = e;
            }
        }
        // 2015年和2018年之间, 三月和九月之间
        if end_w.is_none()
            && let Some(c) = self.any_lit(self.skip_spaces(j), &["和", "与", "及"])
            && let Some((second, e)) = self.range_end(&w, c)
            && let Some(e2) = self.any_lit(e, &["之间", "间"])
        {
            end_w = Some(second);
            j = e2;
        }
        let (w, end_w, j) = self.modifiers(w, end_w, j);
        let relative = w.relative || end_w.is_some_and(|e| e.relative);
        let ty = if w.clock.is_some() || w.part.is_some() { TimexType::Time } else { TimexType::Date };
        Some(Found { end: j, ty, value: w.value(), end_value: end_w.map(|e| e.value()), relative, anchor: Some(w) })
    }

    /// The second end of a range, completed from the first (11月5日至6日 → 6 is 11月6日).
    fn range_end(&self, first: &When, i: usize) -> Option<(When, usize)> {
        if first.clock.is_some() || first.part.is_some() {
            // 到明天四点, 和2月3号9点之间: a second end with its own date.
            if let Some((w, _, e)) = self.date(i, true)
                && w.gran == Gran::Day
            {
                let (mut w, e2) = self.with_time(w, e, true);
                if w.clock.is_some() {
                    if w.year.is_none() && w.month.is_some() {
                        w.year = first.year;
                    }
                    return Some((w, e2));
                }
            }
            let (part, _, clock, e) = self.clock(i, true)?;
            let mut w = When { part: part.or(first.part), clock, ..*first };
            if part.is_none()
                && let (Some((h1, _, _)), Some((h2, m2, s2))) = (first.clock, clock)
                && h1 >= 12
                && h2 < 12
                && h2 + 12 > h1
            {
                w.clock = Some((h2 + 12, m2, s2));
            }
            return Some((w, e));
        }
        let (mut w, _, e) = self.date(i, true)?;
        if w.clock.is_some() {
            return None;
        }
        let (w2, e) = self.with_time(w, e, true);
        w = w2;
        // Inherit what the second end leaves out.
        if w.year.is_none() && w.gran >= Gran::Month && w.gran != Gran::Week {
            w.year = first.year;
            w.relative |= first.relative;
        }
        if w.month.is_none() && w.gran == Gran::Day {
            w.month = first.month;
            if w.year.is_none() {
                w.year = first.year;
            }
        }
        if w.gran == Gran::Day && first.gran < Gran::Month {
            return None;
        }
        Some((w, e))
    }

    /// 初, 中旬, 底, 前夕, 以来, 上半年 after a date.
    fn modifiers(&self, mut w: When, mut end_w: Option<When>, mut j: usize) -> (When, Option<When>, usize) {
        for _ in 0..2 {
            let Some((m, e)) = self.lex.modifiers.at(self.chars, j) else { break };
            if self.at(e).is_some_and(|c| m.not_before.contains(&c)) {
                break;
            }
            let has_end = end_w.is_some();
            let target = end_w.as_mut().unwrap_or(&mut w);
            let fits = match m.applies.as_str() {
                "year" => target.gran == Gran::Year && target.sub.is_none(),
                "month" => target.gran == Gran::Month,
                _ => true,
            };
            if !fits {
                break;
            }
            match m.effect.as_str() {
                "h1" => target.sub = Some(Sub::Half(1)),
                "h2" => target.sub = Some(Sub::Half(2)),
                "early10" | "mid10" | "late10" if !has_end => {
                    if let (Some(y), Some(mo)) = (target.year, target.month) {
                        let (a, b) = match m.effect.as_str() {
                            "early10" => (1, 10),
                            "mid10" => (11, 20),
                            _ => (21, days_in_month(y, mo)),
                        };
                        let mut end = *target;
                        target.day = Some(a);
                        target.gran = Gran::Day;
                        end.day = Some(b);
                        end.gran = Gran::Day;
                        end_w = Some(end);
                    }
                }
                "eve" => {
                    if let Some(d) = target.date() {
                        target.set_date(d.add_days(-1));
                    }
                }
                _ => {}
            }
            j = e;
        }
        (w, end_w, j)
    }

    /// Year parts standing alone, read in the context year: 上半年, 年底, 上旬.
    fn year_part(&self, i: usize) -> Option<Found> {
        let (m, e) = self.lex.modifiers.at(self.chars, i)?;
        if m.applies == "any" || self.at(e).is_some_and(|c| m.not_before.contains(&c)) {
            return None;
        }
        let mut w = When { gran: if m.applies == "year" { Gran::Year } else { Gran::Month }, ..Default::default() };
        if w.gran == Gran::Month {
            self.context_month(&mut w);
        } else {
            self.context_year(&mut w);
        }
        let (w, end_w, j) = self.modifiers(w, None, i);
        Some(Found { end: j.max(e), ty: TimexType::Date, value: w.value(), end_value: end_w.map(|e| e.value()), relative: true, anchor: None })
    }

    /// A time without a date: 上午9时30分, 晚上八点, 17:55:23至18:33:02.
    fn time_expr(&self, i: usize) -> Option<Found> {
        let (part, offset, clock, e) = self.clock(i, false)?;
        let mut w = When { gran: Gran::Day, part, clock, relative: true, ..Default::default() };
        if let Some(d) = self.last.and_then(|l| l.date()).or(self.reference) {
            w.set_date(d.add_days(offset));
        }
        let mut j = e;
        let mut end_value = None;
        let k = self.skip_spaces(j);
        if let Some(c) = CONNECTORS.iter().find_map(|c| self.lit(k, c))
            && let Some((second, e2)) = self.range_end(&w, self.skip_spaces(c))
        {
            end_value = Some(second.value());
            j = e2;
        }
        Some(Found { end: j, ty: TimexType::Time, value: w.value(), end_value, relative: true, anchor: None })
    }

    /// One amount and unit: 三个月, 多年, 半年, 一年半, 20多天. `None` amount = unknown (多年).
    fn duration_piece(&self, i: usize) -> Option<(Option<f64>, lexicon::DurUnit, usize)> {
        let mut year_like = false;
        let (amount, j): (Option<f64>, usize) = if let Some(e) = self.any_lit(i, &["多", "数", "几", "若干"]) {
            (None, e)
        } else if let Some(e) = self.lit(i, "半") {
            (Some(0.5), e)
        } else {
            let n = self.num(i)?;
            if n.len > 6 {
                return None;
            }
            year_like = n.sequence && n.len == 4 && (1000..=2199).contains(&n.value);
            // 20多年: "more than 20" reads as 20.
            let j = self.lit(n.end, "多").unwrap_or(n.end);
            (Some(n.value as f64), self.skip_spaces(j))
        };
        let (unit, e) = self.lex.units.at(self.chars, j).or_else(|| {
            // 数月: 月 after an approximate amount.
            (amount.is_none() && self.at(j) == Some('月')).then_some((&MONTH_UNIT, j + 1))
        })?;
        // 2015年 is a year, not 2015 years.
        if year_like && unit.unit == Unit::Year && !unit.clock {
            return None;
        }
        let mut j = e;
        let mut amount = amount;
        // 一年多: "more than a year" reads as a year.
        if amount.is_some_and(|a| a >= 1.0) && self.at(j) == Some('多') && self.at(j + 1).is_some_and(|c| super::zh::is_numeral_char(c) || !is_cjk(c))
        {
            j += 1;
        }
        if let (Some(a), Some(e)) = (amount, self.lit(j, "半"))
            && a.fract() == 0.0
            && self.lit(e, "年").is_none()
        {
            amount = Some(a + 0.5);
            j = e;
        }
        let next = self.at(j);
        // 一年级 (grade), 70周年 (anniversary), 周岁.
        if matches!(next, Some('级' | '岁')) || (unit.designator == "W" && matches!(next, Some('年' | '岁'))) {
            return None;
        }
        if self.chars[i..j].iter().collect::<String>() == "一日" && next.is_some_and(is_cjk) {
            return None;
        }
        // 不平凡的一年, 这一天: one particular year or day, not a length of time.
        if self.at(i) == Some('一') && i > 0 && matches!(self.at(i - 1), Some('的' | '这' | '那' | '同' | '哪' | '每')) {
            return None;
        }
        Some((amount, unit.clone(), j))
    }

    /// 时隔23年, 三个月, 多年, 8天20小时, 一年又一个月21天; 五年前 and 三天后 are dates.
    fn duration(&self, i: usize) -> Option<Found> {
        let (amount, unit, mut j) = self.duration_piece(i)?;
        // Compound durations: 8天20小时, 一年多三个月又20天, 五个星期3小时 (each unit smaller than the last).
        let mut pieces = vec![(amount, unit.clone())];
        loop {
            let k = self.any_lit(j, &["又", "零", "余"]).unwrap_or(j);
            let Some((a, u, e)) = self.duration_piece(k) else { break };
            let (la, lu) = pieces.last().map(|(a, u)| (*a, u.clone())).unwrap_or((None, u.clone()));
            if a.is_none() || la.is_none() || rank(&u) <= rank(&lu) {
                break;
            }
            pieces.push((a, u));
            j = e;
        }
        let after_words = ["以前", "之前", "前", "以后", "之后", "后", "以来", "来", "之内", "内", "间", "里"];
        let after = if pieces.len() == 1 { after_words.iter().find_map(|w| self.lit(j, w).map(|e| (*w, e))) } else { None };
        if unit.designator == "D" && self.at(j - 1) == Some('日') && pieces.len() == 1 {
            // 5日 alone is a day of the month; 5日前 "before the 5th" too when written in Arabic digits.
            let arabic = arabic_digit(self.chars[i]).is_some();
            if after.is_none() || (arabic && after.is_some_and(|(w, _)| w.contains('前') || w.contains('后'))) {
                return None;
            }
        }
        let value = duration_value(&pieces);
        let plain = |end| Some(Found { end, ty: TimexType::Duration, value: value.clone(), end_value: None, relative: false, anchor: None });
        let Some((w, e)) = after else { return plain(j) };
        if !["以前", "之前", "前", "以后", "之后", "后"].contains(&w) {
            return plain(e);
        }
        let past = w.ends_with('前');
        // N年前 counts from the reference; N天后 from the last date mentioned.
        let base = if past { self.reference } else { self.last.and_then(|l| l.date()).or(self.reference) };
        let Some(a) = amount.filter(|a| a.fract() == 0.0) else {
            let value = if past { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Found { end: e, ty: TimexType::Date, value: value.into(), end_value: None, relative: true, anchor: None });
        };
        let Some(b) = base else { return plain(j) };
        let n = if past { -(a as i64) } else { a as i64 };
        let mut w = When { relative: true, ..Default::default() };
        match unit.unit {
            // 2小时后, 10分钟之前: the day (the time of day of the reference is unknown).
            _ if unit.clock => w.set_date(b),
            Unit::Year => {
                w.gran = Gran::Year;
                w.year = Some(b.year + n as i32);
            }
            Unit::Month => {
                let (y, m) = add_months(b.year, b.month, n as i32);
                (w.gran, w.year, w.month) = (Gran::Month, Some(y), Some(m));
            }
            Unit::Week => {
                let (y, wk) = iso_week(b.add_days(7 * n));
                (w.gran, w.year, w.week) = (Gran::Week, Some(y), Some(wk));
            }
            Unit::Day => w.set_date(b.add_days(n)),
        }
        Some(Found { end: e, ty: TimexType::Date, value: w.value(), end_value: None, relative: true, anchor: Some(w) })
    }

    /// 每年, 每个月, 每周日, 每天, 每年3月5日, 每隔两年.
    fn set(&self, i: usize) -> Option<Found> {
        let mut j = self.lit(i, "每")?;
        if let Some(e) = self.lit(j, "隔") {
            let d = self.duration(e)?;
            return d.value.starts_with('P').then_some(Found { ty: TimexType::Set, ..d });
        }
        // 每周一 / 每星期日 (+ time)
        if let Some((&d, e)) = self.lex.weekdays.at(self.chars, j).or_else(|| {
            let k = self.any_lit(j, &["个星期", "個星期"])?;
            self.bare_weekday(k).filter(|_| false)
        }) {
            let w = When { gran: Gran::Week, weekday: Some(d), ..Default::default() };
            let (w, e) = self.with_time(w, e, true);
            return Some(Found { end: e, ty: TimexType::Set, value: w.value(), end_value: None, relative: false, anchor: None });
        }
        // 每年3月5日, 每月15日
        if let Some(e) = self.lit(j, "年")
            && let Some((m, e2)) = self.month(e)
        {
            let mut w = m;
            let mut end = e2;
            if let Some((d, e3)) = self.day(e2, true) {
                w.day = Some(d);
                w.gran = Gran::Day;
                end = e3;
            }
            return Some(Found { end, ty: TimexType::Set, value: w.value(), end_value: None, relative: false, anchor: None });
        }
        if let Some(e) = self.any_lit(j, &["月", "个月"])
            && let Some((d, e2)) = self.day(e, true)
        {
            let w = When { gran: Gran::Day, day: Some(d), ..Default::default() };
            return Some(Found { end: e2, ty: TimexType::Set, value: w.value(), end_value: None, relative: false, anchor: None });
        }
        if let Some(e) = self.any_lit(j, &["个", "個"]) {
            j = e;
        }
        let (unit, mut e) = self.lex.units.at(self.chars, j).or_else(|| (self.at(j) == Some('月')).then_some((&MONTH_UNIT, j + 1)))?;
        // 每月中旬, 每年年底: the part stays in the span; the period is still the unit.
        if let Some((m, e2)) = self.lex.modifiers.at(self.chars, e)
            && m.applies != "any"
            && !self.at(e2).is_some_and(|c| m.not_before.contains(&c))
        {
            e = e2;
        }
        let value = if unit.clock {
            format!("PT1{}", if unit.designator == "MIN" { "M" } else { &unit.designator })
        } else {
            format!("P1{}", unit.designator)
        };
        Some(Found { end: e, ty: TimexType::Set, value, end_value: None, relative: false, anchor: None })
    }

    /// 目前, 近日, 今后.
    fn reference_word(&self, i: usize) -> Option<Found> {
        let (v, e) = self.lex.references.at(self.chars, i)?;
        // 体现在, 表现在, 实现在: 现在 is part of a verb there.
        if self.at(i) == Some('现') && i > 0 && matches!(self.at(i - 1), Some('体' | '表' | '出' | '实' | '展' | '发' | '呈' | '再' | '重'))
        {
            return None;
        }
        Some(Found { end: e, ty: TimexType::Date, value: v.clone(), end_value: None, relative: true, anchor: None })
    }

    /// 1995-1997年: a bare year before a connector and a year.
    fn bare_year_range(&self, i: usize) -> Option<Found> {
        let n = self.num(i).filter(|n| n.sequence && n.len == 4 && (1000..=2199).contains(&n.value))?;
        let k = self.skip_spaces(n.end);
        let c = CONNECTORS.iter().find_map(|c| self.lit(k, c))?;
        let (second, e) = self.year(self.skip_spaces(c))?;
        let first = When { gran: Gran::Year, year: Some(n.value as i32), ..Default::default() };
        let (first, end_w, e) = self.modifiers(first, Some(second), e);
        Some(Found { end: e, ty: TimexType::Date, value: first.value(), end_value: end_w.map(|w| w.value()), relative: false, anchor: Some(first) })
    }

    /// The longest expression starting at `i` (earlier kinds win ties).
    fn best(&self, i: usize) -> Option<Found> {
        let digit = self.at(i).is_some_and(|c| arabic_digit(c).is_some());
        let candidates = [
            if self.at(i) == Some('每') { self.set(i) } else { None },
            if digit { self.bare_year_range(i) } else { None },
            self.date_expr(i),
            self.year_part(i),
            self.duration(i),
            self.time_expr(i),
            self.reference_word(i),
        ];
        let mut best: Option<Found> = None;
        for c in candidates.into_iter().flatten() {
            if c.end > i && best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }
}

/// Order of duration units, largest first (for compound durations).
fn rank(u: &lexicon::DurUnit) -> u8 {
    match (u.clock, u.designator.as_str()) {
        (false, "Y") => 0,
        (false, "M") => 1,
        (false, "W") => 2,
        (false, _) => 3,
        (true, "H") => 4,
        (true, "MIN") => 5,
        _ => 6,
    }
}

/// The TIMEX3 value of a sum of durations: P1Y3M20DT8H50M20S; unknown amounts give X (PXY).
fn duration_value(pieces: &[(Option<f64>, lexicon::DurUnit)]) -> String {
    let num = |a: Option<f64>| match a {
        Some(a) if a.fract() == 0.0 => format!("{}", a as i64),
        Some(a) => format!("{a}"),
        None => "X".into(),
    };
    let mut v = String::from("P");
    let mut in_time = false;
    for (a, u) in pieces {
        if u.clock && !in_time {
            v.push('T');
            in_time = true;
        }
        v.push_str(&num(*a));
        v.push_str(if u.designator == "MIN" { "M" } else { &u.designator });
    }
    v
}

static MONTH_UNIT: std::sync::LazyLock<lexicon::DurUnit> =
    std::sync::LazyLock::new(|| lexicon::DurUnit { designator: "M".into(), unit: Unit::Month, clock: false });

fn monday_of_iso_week(year: i32, week: u32) -> Date {
    let jan4 = Date { year, month: 1, day: 4 };
    jan4.add_days(-(jan4.weekday() as i64 - 1) + 7 * (week as i64 - 1))
}

fn season_code(code: &str) -> &'static str {
    match code {
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        _ => "WI",
    }
}

fn part_code(code: &str) -> &'static str {
    match code {
        "MO" => "MO",
        "MI" => "MI",
        "AF" => "AF",
        "EV" => "EV",
        _ => "NI",
    }
}

/// The tagger over explicit word lists (tests pass small ones).
fn tag_with(lex: &Lexicon, text: &str, range: Range<usize>, reference: Option<Date>) -> Vec<TimexHit> {
    let Some(para) = text.get(range.clone()) else { return Vec::new() };
    let mut chars = Vec::with_capacity(para.len() / 3);
    let mut offsets = Vec::with_capacity(para.len() / 3 + 1);
    for (b, c) in para.char_indices() {
        chars.push(c);
        offsets.push(range.start + b);
    }
    offsets.push(range.end);
    let mut scanner = Scanner { lex, chars: &chars, reference, last: None };
    let mut hits = Vec::new();
    let mut i = 0;
    // Inside 《…》 (titles of books, films, documents) nothing is a date of the text.
    let mut title_open: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == '《' {
            title_open = Some(i);
        } else if c == '》' {
            title_open = None;
        }
        if let Some(t) = title_open {
            if i - t < 40 {
                i += 1;
                continue;
            }
            title_open = None;
        }
        if !lex.can_start(c) {
            i += 1;
            continue;
        }
        // Nothing starts inside a run of digits (1234567 or 2.37).
        if i > 0 && arabic_digit(c).is_some() && (arabic_digit(chars[i - 1]).is_some() || matches!(chars[i - 1], '.' | '．')) {
            i += 1;
            continue;
        }
        if let Some((_, end)) = lex.not_dates.at(&chars, i) {
            i = end;
            continue;
        }
        match scanner.best(i) {
            Some(f) => {
                if let Some(a) = f.anchor.filter(|a| a.year.is_some() && a.gran >= Gran::Year) {
                    scanner.last = Some(a);
                }
                hits.push(TimexHit {
                    range: offsets[i]..offsets[f.end],
                    timex_type: f.ty,
                    value: f.value,
                    end_value: f.end_value,
                    kind: if f.relative { TimexKind::Relative } else { TimexKind::Explicit },
                    source: None,
                });
                i = f.end;
            }
            None => i += 1,
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str, dct: Option<&str>) -> Vec<(String, String, Option<String>)> {
        let reference = dct.and_then(Date::parse);
        tag_paragraph(s, 0..s.len(), reference).into_iter().map(|h| (s[h.range].to_string(), h.value, h.end_value)).collect()
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(Date::new(2025, 11, 5).unwrap()), (2025, 45));
        assert_eq!(iso_week(Date::new(2021, 1, 3).unwrap()), (2020, 53));
        assert_eq!(monday_of_iso_week(2025, 45).iso(), "2025-11-03");
    }

    /// Runs every case of `tests/data/timex/zh_cases.txt`; reports all failures at once.
    #[test]
    fn reference_cases() {
        let mut failures = Vec::new();
        let mut count = 0;
        for line in include_str!("../../tests/data/timex/zh_cases.txt").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [dct, text, want] = cols.as_slice() else { panic!("bad case line: {line}") };
            let got: Vec<String> = tag(text, (*dct != "-").then_some(*dct))
                .into_iter()
                .map(|(t, v, e)| match e {
                    Some(e) => format!("{t}={v}..{e}"),
                    None => format!("{t}={v}"),
                })
                .collect();
            let want: Vec<String> = if *want == "none" { Vec::new() } else { want.split(" | ").map(String::from).collect() };
            count += 1;
            if got != want {
                failures.push(format!("{text}\n   want {want:?}\n   got  {got:?}"));
            }
        }
        assert!(count > 50);
        assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn smoke() {
        assert_eq!(tag("2025年11月5日", None), vec![("2025年11月5日".into(), "2025-11-05".into(), None)]);
    }
}

#[cfg(test)]
mod timing {
    /// Not a timed test: prints how long the tagger takes on pathological input (run with --ignored --nocapture).
    #[test]
    #[ignore]
    fn pathological_input_timing() {
        let reference = super::Date::new(2025, 11, 5);
        for (name, text) in [
            ("numerals", "二〇二五年十一月".repeat(50_000)),
            ("digits", "1".repeat(1_000_000)),
            ("units", "年月日周时点".repeat(100_000)),
            ("mixed", "每每每上上上下下下前前前年年年《《《".repeat(50_000)),
        ] {
            let t = std::time::Instant::now();
            let n = super::tag_paragraph(&text, 0..text.len(), reference).len();
            println!("{name}: {} bytes, {n} hits, {:?}", text.len(), t.elapsed());
        }
        // The Chinese sample repeated to 10 MB, tagged paragraph by paragraph.
        let Ok(sample) = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/zh-community-governance-2025.txt")) else {
            return;
        };
        let text = sample.repeat(10_000_000 / sample.len());
        let t = std::time::Instant::now();
        let mut n = 0;
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            n += super::tag_paragraph(&text, start..start + line.len(), reference).len();
            start += line.len();
        }
        println!("sample x{}: {} bytes, {n} hits, {:?}", 10_000_000 / sample.len(), text.len(), t.elapsed());
    }
}

#[cfg(test)]
mod timing_parts {
    use super::*;

    #[test]
    #[ignore]
    fn candidate_timing() {
        let text = "年月日周时点".repeat(20_000);
        let chars: Vec<char> = text.chars().collect();
        let s = Scanner { lex: Lexicon::embedded(), chars: &chars, reference: Date::new(2025, 11, 5), last: None };
        let names = ["set", "bare_year_range", "date_expr", "year_part", "duration", "time_expr", "reference_word"];
        for (k, name) in names.iter().enumerate() {
            let t = std::time::Instant::now();
            for i in 0..chars.len() {
                let _ = match k {
                    0 => s.set(i),
                    1 => s.bare_year_range(i),
                    2 => s.date_expr(i),
                    3 => s.year_part(i),
                    4 => s.duration(i),
                    5 => s.time_expr(i),
                    _ => s.reference_word(i),
                };
            }
            println!("{name}: {:?}", t.elapsed());
        }
    }
}
