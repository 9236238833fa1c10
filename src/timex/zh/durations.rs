//! Durations (时隔23年, 三个月, 多年) and sets (每年, 每周日).

use super::lexicon::{self, Unit, arabic_digit};
use super::resolve::{Gran, When, add_months, iso_week};
use super::scan::{Found, Scanner, is_cjk};
use crate::TimexType;

impl Scanner<'_> {
    /// One amount and unit: 三个月, 多年, 半年, 一年半, 20多天. `None` amount = unknown (多年).
    pub(super) fn duration_piece(&self, i: usize) -> Option<(Option<f64>, lexicon::DurUnit, usize)> {
        let mut year_like = false;
        let mut arabic_digits = 0;
        let (amount, j): (Option<f64>, usize) = if let Some(e) = self.any_lit(i, &self.lex.particles.vague_amount) {
            (None, e)
        } else if let Some(e) = self.lit(i, "半") {
            (Some(0.5), e)
        } else {
            let n = self.num(i)?;
            if n.len > 6 {
                return None;
            }
            year_like = n.sequence && n.len == 4 && (1000..=2199).contains(&n.value);
            arabic_digits = if n.arabic { n.len } else { 0 };
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
        if amount.is_some_and(|a| a >= 1.0) && self.at(j) == Some('多') && self.at(j + 1).is_some_and(|c| super::is_numeral_char(c) || !is_cjk(c)) {
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
        // 度 after years' 年: 113年度 and 98年度 name a fiscal year (`Scanner::year` reads the
        // Republic's), not 113 years; 连续三年度 counts fiscal or reporting years (度 in the span,
        // not left as a word).
        let fiscal = (unit.unit == Unit::Year && !unit.clock && self.at(j - 1) == Some('年')).then(|| self.fiscal_suffix(j)).flatten();
        if fiscal.is_some() && (2..=3).contains(&arabic_digits) {
            return None;
        }
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
        Some((amount, unit.clone(), fiscal.unwrap_or(j)))
    }

    /// 时隔23年, 三个月, 多年, 8天20小时, 一年又一个月21天; 五年前 and 三天后 are dates.
    pub(super) fn duration(&self, i: usize) -> Option<Found> {
        let (amount, unit, mut j) = self.duration_piece(i)?;
        // Compound durations: 8天20小时, 一年多三个月又20天, 五个星期3小时 (each unit smaller than the last).
        let mut pieces = vec![(amount, unit.clone())];
        loop {
            let k = self.any_lit(j, &self.lex.particles.duration_joiner).unwrap_or(j);
            let Some((a, u, e)) = self.duration_piece(k) else { break };
            let (la, lu) = pieces.last().map(|(a, u)| (*a, u.clone())).unwrap_or((None, u.clone()));
            if a.is_none() || la.is_none() || rank(&u) <= rank(&lu) {
                break;
            }
            pieces.push((a, u));
            j = e;
        }
        let after_words = &self.lex.particles.after_duration;
        let after = if pieces.len() == 1 { after_words.iter().find_map(|w| self.lit(j, w).map(|e| (w.as_str(), e))) } else { None };
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
        if !self.lex.particles.ago_or_later.iter().any(|x| x == w) {
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
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        let mut j = self.lit(i, "每")?;
        if let Some(e) = self.lit(j, "隔") {
            let d = self.duration(e)?;
            return d.value.starts_with('P').then_some(Found { ty: TimexType::Set, ..d });
        }
        // 每周一 / 每星期日 (+ time)
        if let Some((&d, e)) = self.lex.weekdays.at(self.chars, j).or_else(|| {
            let k = self.any_lit(j, &self.lex.particles.every_week)?;
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
        if let Some(e) = self.any_lit(j, &self.lex.particles.every_month)
            && let Some((d, e2)) = self.day(e, true)
        {
            let w = When { gran: Gran::Day, day: Some(d), ..Default::default() };
            return Some(Found { end: e2, ty: TimexType::Set, value: w.value(), end_value: None, relative: false, anchor: None });
        }
        if let Some(e) = self.any_lit(j, &self.lex.particles.every_counter) {
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
}

/// Order of duration units, largest first (for compound durations).
pub(super) fn rank(u: &lexicon::DurUnit) -> u8 {
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
pub(super) fn duration_value(pieces: &[(Option<f64>, lexicon::DurUnit)]) -> String {
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

pub(super) static MONTH_UNIT: std::sync::LazyLock<lexicon::DurUnit> =
    std::sync::LazyLock::new(|| lexicon::DurUnit { designator: "M".into(), unit: Unit::Month, clock: false });
