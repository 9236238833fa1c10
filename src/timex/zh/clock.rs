//! Times of day: 上午9时30分, 下午5:00, 晚上八点半, alone or after a date.

use super::resolve::{Gran, When, part_code};
use super::scan::{Found, Scanner};
use crate::TimexType;

/// A clock reading: part of day, its day offset (昨晚 = −1), hour/minute/second, end index.
pub(super) type ClockRead = (Option<&'static str>, i64, Option<(u32, u32, Option<u32>)>, usize);

impl Scanner<'_> {
    /// A clock time with an optional part of the day before it: 上午9时30分, 下午5:00, 晚上八点半.
    /// `dated` says a date precedes it (then a bare 八点 is read as a time).
    pub(super) fn clock(&self, i: usize, dated: bool) -> Option<ClockRead> {
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
        let about = self.any_lit(j, &self.lex.particles.about);
        let k = about.unwrap_or(j);
        let Some(h) = self.num(k).filter(|n| n.value <= 24 && n.len <= 3 && !(n.arabic && n.len > 2)) else {
            return part.map(|p| (Some(p), day_offset, None, j));
        };
        let after_h = self.skip_spaces(h.end);
        let colon = self.any_lit(after_h, &self.lex.particles.clock_colon);
        let mut hour = h.value as u32;
        let (mut minute, mut second) = (0, None);
        let mut end;
        let mut confirmed = part.is_some() || dated || about.is_some();
        if let Some(c) = colon {
            let m = self.number(self.skip_spaces(c)).filter(|n| n.arabic && n.len == 2 && n.value < 60)?;
            minute = m.value as u32;
            end = m.end;
            if self.at(end) == Some(':')
                && let Some(s) = self.number(end + 1).filter(|n| n.arabic && n.len == 2 && n.value < 60)
            {
                second = Some(s.value as u32);
                end = s.end;
            }
            confirmed |= h.arabic;
        } else {
            end = self.any_lit(after_h, &self.lex.particles.hour)?;
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
                let e = self.any_lit(m.end, &self.lex.particles.minute);
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
            if let Some(e) = self.any_lit(end, &self.lex.particles.clock_after) {
                end = e;
                confirmed = true;
            }
            // 9点 alone before punctuation, 零点, 十二点之后.
            let next = self.at(end);
            if minute == 0 && self.at(k) == Some('零') && next.is_none_or(|c| !super::is_numeral_char(c)) {
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
            if self.any_lit(end, &self.lex.particles.relative_after).is_some() {
                confirmed = true;
            }
        }
        if !confirmed {
            return None;
        }
        // am/pm written in Latin letters.
        let k = self.skip_spaces(end);
        if let Some(e) = self.any_lit(k, &self.lex.particles.pm) {
            if hour < 12 {
                hour += 12;
            }
            end = e;
        } else if let Some(e) = self.any_lit(k, &self.lex.particles.am) {
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
    pub(super) fn with_time(&self, mut w: When, j: usize, dated: bool) -> (When, usize) {
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

    /// A time without a date: 上午9时30分, 晚上八点, 17:55:23至18:33:02.
    pub(super) fn time_expr(&self, i: usize) -> Option<Found> {
        let (part, offset, clock, e) = self.clock(i, false)?;
        let mut w = When { gran: Gran::Day, part, clock, relative: true, ..Default::default() };
        if let Some(d) = self.last.and_then(|l| l.date()).or(self.reference) {
            w.set_date(d.add_days(offset));
        }
        let mut j = e;
        let mut end_value = None;
        let k = self.skip_spaces(j);
        if let Some(c) = self.any_lit(k, &self.lex.connectors)
            && let Some((second, e2)) = self.range_end(&w, self.skip_spaces(c))
        {
            end_value = Some(second.value());
            j = e2;
        }
        Some(Found { end: j, ty: TimexType::Time, value: w.value(), end_value, relative: true, anchor: None })
    }
}
