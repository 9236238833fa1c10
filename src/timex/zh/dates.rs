//! Dates: years, months, days, decades, centuries, numeric dates, festivals, quarters, weekdays,
//! ranges and their modifiers (初, 中旬, 底, 前夕).

use super::lexicon::{Unit, arabic_digit};
use super::resolve::{Gran, Sub, When, add_months, iso_week, monday_of_iso_week, season_code};
use super::scan::{Found, Scanner, is_cjk};
use crate::TimexType;
use crate::timex::festivals::Rule;
use crate::timex::{Date, days_in_month};

impl Scanner<'_> {
    /// 2025年, 二〇二五年, 08年, 去年.
    pub(super) fn year(&self, i: usize) -> Option<(When, usize)> {
        if let Some(r) = self.deictic(i, Unit::Year) {
            return Some(r);
        }
        // An era year: 康熙三年 → 1664, 民国元年 → 1912, 民国112年 → 2023 (Traditional 民國 arrives
        // through the Simplified shadow).
        if let Some((&first, j)) = self.lex.reign_eras.at(self.chars, i) {
            let (n, after_num) = match self.at(j) {
                Some('元') => (1, j + 1),
                // Up to 200: the Minguo (ROC) calendar runs on (民国112年 = 2023).
                _ => self.num(j).map(|n| (n.value as i32, n.end)).filter(|n| (1..=200).contains(&n.0))?,
            };
            let after = self.lit(self.skip_spaces(after_num), "年")?;
            let after = self.fiscal_suffix(after).unwrap_or(after);
            return Some((When { gran: Gran::Year, year: Some(first + n - 1), ..Default::default() }, after));
        }
        let start = self.lit(i, "公元").unwrap_or(i);
        let n = self.num(start)?;
        let j = self.skip_spaces(n.end);
        let after = self.lit(j, "年")?;
        if matches!(self.at(after), Some('级' | '代' | '龄')) {
            return None;
        }
        // 2025年度: the (fiscal or reporting) year 2025, its span taking 度 in.
        let fiscal = self.fiscal_suffix(after);
        // 19年底, 08年初: a two-digit year before a part of the year is a year, not a duration.
        let year_part_next =
            matches!(self.at(after), Some('底' | '初' | '末' | '中')) && !matches!(self.at(after + 1), Some('线' | '步' | '期' | '学'));
        let v = n.value as i32;
        let year = if n.sequence && n.len == 4 && (1000..=2199).contains(&v) {
            v
        } else if fiscal.is_some() {
            // 113年度: Taiwan numbers its fiscal years from the Republic (the era table's 民国
            // row). Two digits stay unread: 98年度 is 2009 there and 1998 elsewhere.
            let republic = self.lex.reign_eras.at(&['民', '国'], 0).map(|(&first, _)| first);
            match republic {
                Some(first) if n.arabic && n.len == 3 && (100..=200).contains(&v) => first + v - 1,
                _ => return None,
            }
        } else if n.sequence && n.len == 2 && (n.leading_zero || !n.arabic || year_part_next || self.month(self.skip_spaces(after)).is_some()) {
            let pivot = self.reference.map_or(30, |r| r.year % 100 + 10);
            if v <= pivot { 2000 + v } else { 1900 + v }
        } else {
            return None;
        };
        Some((When { gran: Gran::Year, year: Some(year), ..Default::default() }, fiscal.unwrap_or(after)))
    }

    /// The end of 度 at `j`, after a year's 年, when it makes the year a fiscal or reporting year
    /// (2025年度, 今年度), not when it starts 度过 ("to spend", 今年度过了).
    pub(super) fn fiscal_suffix(&self, j: usize) -> Option<usize> {
        self.lit(j, "度").filter(|&e| self.at(e) != Some('过'))
    }

    /// 11月, 十二月, 上个月, 正月 (lunar months are read as their number).
    pub(super) fn month(&self, i: usize) -> Option<(When, usize)> {
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
    pub(super) fn day(&self, i: usize, after_month: bool) -> Option<(u32, usize)> {
        if after_month
            && let Some(e) = self.lit(i, "初")
            && let Some(n) = self.number(e).filter(|n| !n.arabic && (1..=10).contains(&n.value))
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
        if let Some(e) = self.any_lit(j, &self.lex.particles.day_suffix) {
            return after_month.then_some((n.value as u32, e));
        }
        // 八月十五 (no 日): only before punctuation or the end.
        let next = self.at(n.end);
        (after_month && !n.arabic && next.is_none_or(|c| !is_cjk(c) && arabic_digit(c).is_none() && c != ':' && c != '：'))
            .then_some((n.value as u32, n.end))
    }

    /// 90年代, 20世纪90年代, 上世纪80年代, 21世纪, 本世纪.
    pub(super) fn decade_or_century(&self, i: usize) -> Option<(When, usize)> {
        let mut century: Option<i32> = None;
        let mut j = i;
        let mut relative = false;
        if let Some(e) = self.any_lit(i, &self.lex.particles.centuries) {
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
    pub(super) fn numeric_date(&self, i: usize) -> Option<(When, usize)> {
        let y = self.number(i).filter(|n| n.arabic && n.len == 4)?;
        let sep = self.at(y.end).filter(|c| matches!(c, '-' | '/' | '.' | '－' | '／'))?;
        let m = self.number(y.end + 1).filter(|n| n.arabic && n.len <= 2)?;
        if self.at(m.end) != Some(sep) {
            return None;
        }
        let d = self.number(m.end + 1).filter(|n| n.arabic && n.len <= 2)?;
        if self.at(d.end).and_then(arabic_digit).is_some() {
            return None;
        }
        let date = Date::new(y.value as i32, m.value as u32, d.value as u32).filter(|d| (1000..=2199).contains(&d.year))?;
        let mut w = When::default();
        w.set_date(date);
        Some((w, d.end))
    }

    /// 春节, 国庆节, resolved in the year already read or the context year (the nearest
    /// occurrence when that is the reference date's).
    pub(super) fn festival(&self, i: usize, mut w: When) -> Option<(When, usize)> {
        let (f, end) = self.lex.festivals.at(self.chars, i)?;
        self.context_year_near(&mut w, i, end, |y| f.date(y).map(|d| (d, d)));
        let year = w.year;
        w.gran = Gran::Day;
        match (year.and_then(|y| f.date(y)), f.rule) {
            (Some(d), _) => w.set_date(d),
            (None, Rule::Gregorian(m, d)) => (w.month, w.day) = (Some(m), Some(d)),
            (None, _) => {}
        }
        Some((w, end))
    }

    /// 第一季度, 一季度, 前三季度 (the last as a range). After a year (`after_year`) also 第四季,
    /// 前三季: Taiwan and Hong Kong write a quarter without 度; alone, 第二季 is as often a
    /// television season, so it is not read there.
    pub(super) fn quarter(&self, i: usize, after_year: bool) -> Option<(Sub, Option<Sub>, usize)> {
        let first = self.lit(i, "前");
        let j = first.or_else(|| self.lit(i, "第")).unwrap_or(i);
        let n = self.number(j)?;
        // 前两个季度: the first two quarters.
        let after = if first.is_some() { self.lit(n.end, "个").unwrap_or(n.end) } else { n.end };
        let end = self.lit(after, "季度").or_else(|| self.lit(after, "季").filter(|_| after_year))?;
        if !(1..=4).contains(&n.value) {
            return None;
        }
        let q = n.value as u8;
        Some(if first.is_some() { (Sub::Quarter(1), Some(Sub::Quarter(q)), end) } else { (Sub::Quarter(q), None, end) })
    }

    /// The core date grammar: [year][month][day] | [year] season/half/quarter/festival |
    /// deictic week [+ weekday] | deictic day | weekday | festival. Returns the date, an optional
    /// range end given by the expression itself (前三季度), and the end index.
    pub(super) fn date(&self, i: usize, in_range: bool) -> Option<(When, Option<When>, usize)> {
        if let Some((w, e)) = self.numeric_date(i) {
            return Some((w, None, e));
        }
        if let Some((w, e)) = self.decade_or_century(i) {
            return Some((w, None, e));
        }
        let mut w = When::default();
        let lunar_prefix = self.lit(i, "农历").or_else(|| self.lit(i, "阴历"));
        // 农历新年 is a festival name of its own, not 农历 + 新年.
        let whole = i;
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
                && let Some(n) = self.number(k)
            {
                let n32 = n.value as u32;
                if let Some(e) = self.any_lit(n.end, &self.lex.particles.weeks_after_number).filter(|_| (1..=53).contains(&n32)) {
                    return Some((When { gran: Gran::Week, week: Some(n32), ..w }, None, e));
                }
                if let Some(e) = self.any_lit(n.end, &self.lex.particles.months_after_number).filter(|_| (1..=12).contains(&n32)) {
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
            if let Some((a, b, e)) = self.quarter(j, true) {
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
                let (month, lunar) = (w.month, w.lunar);
                self.context_year_near(&mut w, whole, j, |y| month_span(y, month?, lunar));
            }
            if w.gran == Gran::Month
                && let Some((wk, e)) = self.week_of_month(w, j)
            {
                return Some((wk, None, e));
            }
            if w.gran == Gran::Day && w.year.is_none() && w.month.is_some() && !in_range {
                let (month, day, lunar) = (w.month, w.day, w.lunar);
                self.context_year_near(&mut w, whole, j, |y| {
                    let d = day_of(y, month?, day?, lunar)?;
                    Some((d, d))
                });
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
                && let Some(g) = crate::timex::festivals::lunar_to_gregorian(y, m as u8, d as u8)
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
            if let Some(e2) = self.any_lit(e, &self.lex.particles.weekend) {
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
        if let Some((f, e)) = self.festival(whole, When::default()).or_else(|| self.festival(i, When::default())) {
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
        if let Some((a, b, e)) = self.quarter(i, false) {
            let mut w = When { sub: Some(a), ..Default::default() };
            self.context_year(&mut w);
            let end = b.map(|b| When { sub: Some(b), ..w });
            return Some((w, end, e));
        }
        None
    }

    /// 本月第2周, 3月的第一周, 上个月最后一周 after a month read up to `j`. TIMEX3 has no value for a
    /// week of a month, so the week is named by its ISO week: week N is the Monday-Sunday week
    /// holding day 1 + 7(N-1) of the month (week 1 holds day 1, whatever its weekday), and the last
    /// week holds the month's last day. A week whose day is past the month's end (2月第5周 in a
    /// 28-day February) is not read.
    fn week_of_month(&self, w: When, j: usize) -> Option<(When, usize)> {
        let (y, m) = (w.year?, w.month?);
        if w.lunar {
            return None;
        }
        let last = days_in_month(y, m);
        let k = self.lit(j, "的").unwrap_or(j);
        let (day, e) = if let Some(e) = self.any_lit(k, &self.lex.particles.last_week) {
            (last, e)
        } else {
            let n = self.number(self.lit(k, "第")?)?;
            let e = self.any_lit(n.end, &self.lex.particles.weeks_after_number)?;
            let day = n.value.checked_sub(1)?.checked_mul(7)?.checked_add(1)?;
            (u32::try_from(day).ok().filter(|&d| d <= last)?, e)
        };
        let (year, week) = iso_week(Date::new(y, m, day)?);
        Some((When { gran: Gran::Week, year: Some(year), week: Some(week), month: None, day: None, ..w }, e))
    }

    /// A weekday after 下周 etc. written without 周/星期 (下周三, 上上個週三 is handled by the list).
    pub(super) fn bare_weekday(&self, i: usize) -> Option<(&'static u32, usize)> {
        const DAYS: [u32; 7] = [1, 2, 3, 4, 5, 6, 7];
        let c = self.at(i)?;
        let idx = "一二三四五六日天".chars().position(|d| d == c)?;
        Some((&DAYS[idx.min(6)], i + 1))
    }

    /// Date expression with optional weekday, time, range and modifier.
    pub(super) fn date_expr(&self, i: usize) -> Option<Found> {
        let (mut w, range_end, mut j) = self.date(i, false)?;
        // 10月12号，星期一 / 11月5日（星期三）
        if w.gran == Gran::Day {
            let k = self.skip_spaces(j);
            let k2 = self.any_lit(k, &self.lex.particles.weekday_open).unwrap_or(k);
            if let Some((_, e)) = self.lex.weekdays.at(self.chars, k2) {
                j = self.any_lit(e, &self.lex.particles.weekday_close).unwrap_or(e);
            }
        }
        let (w2, j2) = self.with_time(w, j, true);
        w = w2;
        j = j2;
        let mut end_w = range_end;
        // Ranges: 11月5日至6日, 2019年至2021年, 三月到五月, 下午5:00到6:00.
        let k = self.skip_spaces(j);
        if end_w.is_none()
            && let Some(c) = self.any_lit(k, &self.lex.connectors)
        {
            let c = self.skip_spaces(c);
            if let Some((second, e)) = self.range_end(&w, c) {
                end_w = Some(second);
                j = e;
            }
        }
        // 2015年和2018年之间, 三月和九月之间
        if end_w.is_none()
            && let Some(c) = self.any_lit(self.skip_spaces(j), &self.lex.particles.and)
            && let Some((second, e)) = self.range_end(&w, c)
            && let Some(e2) = self.any_lit(e, &self.lex.particles.between)
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
    pub(super) fn range_end(&self, first: &When, i: usize) -> Option<(When, usize)> {
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
        let (mut w, e) = match self.date(i, true) {
            Some((w, _, e)) => (w, e),
            // 2024年至25年: the second year written with its last two digits.
            None => {
                let year = first.year.filter(|_| first.gran == Gran::Year && first.sub.is_none() && !first.relative)?;
                self.short_second_year(year, i, false)?
            }
        };
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
    pub(super) fn modifiers(&self, mut w: When, mut end_w: Option<When>, mut j: usize) -> (When, Option<When>, usize) {
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

    /// A quarter counted from the reference date: 本季度 (this quarter), 上个季度 (the last one),
    /// 下季度 (the next one); `YYYY-Qn` (`data/zh/timex/relative_quarters.tsv`).
    pub(super) fn relative_quarter(&self, i: usize) -> Option<Found> {
        let (&offset, end) = self.lex.relative_quarters.at(self.chars, i)?;
        let value = match self.reference {
            Some(r) => {
                let q = (r.year * 4 + (r.month as i32 - 1) / 3) + offset;
                format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
            }
            None => "XXXX-QX".to_string(),
        };
        Some(Found { end, ty: TimexType::Date, value, end_value: None, relative: true, anchor: None })
    }

    /// Year parts standing alone, read in the context year: 上半年, 年底, 上旬.
    pub(super) fn year_part(&self, i: usize) -> Option<Found> {
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

    /// 1995-1997年: a bare year before a connector and a year. The second year may keep only its
    /// last two digits (1998-99年, Hong Kong's fiscal 2024至25年度 and 2023/24年度, the slash
    /// only there).
    pub(super) fn bare_year_range(&self, i: usize) -> Option<Found> {
        let n = self.num(i).filter(|n| n.sequence && n.len == 4 && (1000..=2199).contains(&n.value))?;
        let k = self.skip_spaces(n.end);
        let (second, e) = match self.any_lit(k, &self.lex.connectors) {
            Some(c) => {
                let j = self.skip_spaces(c);
                self.year(j).or_else(|| self.short_second_year(n.value as i32, j, false))
            }
            None if self.at(k) == Some('/') => self.short_second_year(n.value as i32, k + 1, true),
            None => None,
        }?;
        let first = When { gran: Gran::Year, year: Some(n.value as i32), ..Default::default() };
        let (first, end_w, e) = self.modifiers(first, Some(second), e);
        Some(Found { end: e, ty: TimexType::Date, value: first.value(), end_value: end_w.map(|w| w.value()), relative: false, anchor: Some(first) })
    }

    /// The second year of a range written with its last two digits at `j` (99年, 25年度), the
    /// year up to ten after `first` that ends so. `fiscal_only` (after a slash): only before 年度.
    fn short_second_year(&self, first: i32, j: usize, fiscal_only: bool) -> Option<(When, usize)> {
        let n = self.num(j).filter(|n| n.sequence && n.arabic && n.len == 2)?;
        let after = self.lit(n.end, "年")?;
        let fiscal = self.fiscal_suffix(after);
        if fiscal_only && fiscal.is_none() {
            return None;
        }
        let mut year = first - first % 100 + n.value as i32;
        if year <= first {
            year += 100;
        }
        (year - first <= 10).then(|| (When { gran: Gran::Year, year: Some(year), ..Default::default() }, fiscal.unwrap_or(after)))
    }
}

/// Day `day` of month `month` in year `year`, of the lunisolar calendar when `lunar`.
fn day_of(year: i32, month: u32, day: u32, lunar: bool) -> Option<Date> {
    if lunar {
        crate::timex::festivals::lunar_to_gregorian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    } else {
        Date::new(year, month, day)
    }
}

/// The first and last day of month `month` in year `year` (a lunar month's 1st and 29th, the last
/// day every lunar month has).
fn month_span(year: i32, month: u32, lunar: bool) -> Option<(Date, Date)> {
    let last = if lunar { 29 } else { days_in_month(year, month) };
    Some((day_of(year, month, 1, lunar)?, day_of(year, month, last, lunar)?))
}
