//! Words that count from the reference or the last date: 去年, 上个月, 明天, 当年, 现在.

use super::lexicon::Unit;
use super::resolve::{Gran, When, add_months, iso_week};
use super::scan::{Found, Scanner};
use crate::TimexType;
use crate::timex::Date;

impl Scanner<'_> {
    /// A deictic word of `unit` at `i`, resolved.
    pub(super) fn deictic(&self, i: usize, unit: Unit) -> Option<(When, usize)> {
        let (d, end) = self.deictic_word(i)?;
        if d.unit != unit || (unit == Unit::Year && matches!(self.at(end), Some('级' | '龄' | '纪' | '华' | '轻'))) {
            return None;
        }
        // 今年度, 明年度: the (fiscal) year, 度 in the span.
        let end = if unit == Unit::Year { self.fiscal_suffix(end).unwrap_or(end) } else { end };
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

    /// 目前, 近日, 今后.
    pub(super) fn reference_word(&self, i: usize) -> Option<Found> {
        let (v, e) = self.lex.references.at(self.chars, i)?;
        // 体现在, 表现在, 实现在: 现在 is part of a verb there.
        if self.at(i) == Some('现') && i > 0 && matches!(self.at(i - 1), Some('体' | '表' | '出' | '实' | '展' | '发' | '呈' | '再' | '重'))
        {
            return None;
        }
        Some(Found { end: e, ty: TimexType::Date, value: v.clone(), end_value: None, relative: true, anchor: None })
    }
}
