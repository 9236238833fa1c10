//! Expressions resolved against the reference date (today, last year, next month, last November,
//! Friday) or the last mentioned date (the following year, that day, the same month).

use super::M;
use super::cursor::Cursor;
use super::resolve::{Anchor, add_months, shift, week_str, year_str, ym};
use crate::{TimexKind, TimexType};

/// `today`, `yesterday morning`, `now`, `currently`, `recently`, `the future` (data/en/timex/deictic.txt).
pub(crate) fn deictic(c: &Cursor, i: usize) -> Option<M> {
    let words = |j: usize| c.w(j);
    let (v, e) = c.lx.deictic.longest(&words, i)?;
    let Some(rest) = v.strip_prefix("DAY") else {
        // "in recent years": the preposition is a signal, not part of the expression.
        let start = if c.is(i, "in") && e > i + 1 { i + 1 } else { i };
        return Some(M { start, end: e, value: v.clone(), kind: TimexKind::Relative, ..M::date() });
    };
    let (n, part) = match rest.split_once('/') {
        Some((n, p)) => (n, Some(p)),
        None => (rest, None),
    };
    let n: i64 = n.trim_start_matches('+').parse().ok()?;
    let day = c.frame.deictic().map(|r| r.add_days(n));
    let value = match (day, part) {
        (Some(d), None) => d.iso(),
        (Some(d), Some(p)) => format!("{}T{p}", d.iso()),
        (None, None) if n == 0 => "PRESENT_REF".to_string(),
        (None, None) => "XXXX-XX-XX".to_string(),
        (None, Some(p)) => format!("XXXX-XX-XXT{p}"),
    };
    let ty = if part.is_some() { TimexType::Time } else { TimexType::Date };
    Some(M { start: i, end: e, value, ty, kind: TimexKind::Relative, deictic: true, ..M::date() })
}

/// Whether the words before token `i` in its sentence point to the future ("will meet Friday").
pub(crate) fn future_context(c: &Cursor, i: usize) -> bool {
    // "as early as Tuesday", "as soon as Tuesday", "(on) Tuesday" right after them.
    let k = if i > 0 && c.is(i - 1, "on") { i - 1 } else { i };
    if k >= 3 && c.is(k - 3, "as") && c.is_any(k - 2, &["soon", "early"]) && c.is(k - 1, "as") {
        return true;
    }
    let mut j = i;
    for _ in 0..14 {
        if j == 0 {
            break;
        }
        j -= 1;
        let abbreviation = j > 0 && c.w(j - 1).is_some_and(|p| p.len() == 1 || c.lx.months.contains_key(p));
        match c.w(j) {
            Some(".") if abbreviation => {}
            Some("." | "!" | "?" | ";") => break,
            Some("will" | "shall" | "ll" | "going" | "scheduled" | "expected" | "plans" | "planned" | "due") => {
                return true;
            }
            // "set to resume Monday", "plan to meet Friday"
            Some("set" | "plan") if c.is(j + 1, "to") => return true,
            _ => {}
        }
    }
    false
}

/// A weekday, with `last`/`this`/`next`, a part of day (`Friday night`), or plural as a set (`on Sundays`).
pub(crate) fn weekday(c: &Cursor, i: usize) -> Option<M> {
    let first = c.w(i)?;
    let (k, rel) = match first {
        "last" | "this" | "next" | "past" | "coming" => (i + 1, Some(first)),
        "the" if c.is_any(i + 1, &["previous", "following", "next", "preceding"]) => (i + 2, c.w(i + 1)),
        _ => (i, None),
    };
    // Plural weekday: a set.
    if rel.is_none() {
        if let Some(w) = c.w(k).filter(|w| w.len() > 4 && w.ends_with('s') && c.cap(k)) {
            if let Some(&(d, false)) = c.lx.weekdays.get(&w[..w.len() - 1]) {
                let mut e = k + 1;
                let mut value = format!("XXXX-WXX-{d}");
                if let Some(code) = c.w(e).and_then(|p| p.strip_suffix('s')).and_then(|p| c.lx.parts_of_day.get(p)) {
                    value.push_str(&format!("T{code}"));
                    e += 1;
                }
                return Some(M { start: i, end: e, value, ty: TimexType::Set, kind: TimexKind::Relative, ..M::date() });
            }
        }
    }
    let (d, mut e) = c.weekday(k)?;
    let anchor = match rel {
        Some("previous" | "following" | "next" | "preceding") if k == i + 2 => c.frame.anaphoric().and_then(Anchor::date),
        _ if c.frame.narrative => c.frame.last.and_then(Anchor::date).or(c.frame.deictic()),
        _ => c.frame.deictic(),
    };
    let date = anchor.map(|r| {
        let back = (r.weekday() as i64 - d as i64).rem_euclid(7);
        let ahead = (d as i64 - r.weekday() as i64).rem_euclid(7);
        match rel {
            Some("last" | "past" | "previous" | "preceding") => r.add_days(-if back == 0 { 7 } else { back }),
            Some("next" | "coming" | "following") => r.add_days(if ahead == 0 { 7 } else { ahead }),
            Some(_) => r.add_days(d as i64 - r.weekday() as i64),
            None if future_context(c, i) => r.add_days(ahead),
            None => r.add_days(-back),
        }
    });
    let mut value = date.map_or(format!("XXXX-WXX-{d}"), |d| d.iso());
    let mut ty = TimexType::Date;
    if let Some(code) = c.w(e).and_then(|p| c.lx.parts_of_day.get(p)) {
        value.push_str(&format!("T{code}"));
        ty = TimexType::Time;
        e += 1;
    }
    Some(M { start: i, end: e, value, ty, kind: TimexKind::Relative, ..M::date() })
}

/// `last year`, `this month`, `next week`, `last November`, `the following year`, `that day`,
/// `the same month`, `the previous week`; `the year`/`the month` only after a modifier
/// ("the end of the year").
pub(crate) fn unit_relative(c: &Cursor, i: usize, after_modifier: bool) -> Option<M> {
    let w0 = c.w(i)?;
    let (k, word, anaphoric) = match w0 {
        "last" | "this" | "next" | "past" | "coming" | "current" => (i + 1, w0, false),
        "that" => (i + 1, "that", true),
        "the" => match c.w(i + 1)? {
            w @ ("following" | "next" | "previous" | "preceding" | "same" | "prior") => (i + 2, w, true),
            w @ ("current" | "coming" | "present") => (i + 2, w, false),
            _ if after_modifier => (i + 1, "the", false),
            _ => return None,
        },
        _ => return None,
    };
    let step: i64 = match word {
        "last" | "past" | "previous" | "preceding" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        _ => 0,
    };
    let target = c.w(k)?;
    // Month names: last November, next March.
    if let Some((m, e)) = c.month(k).filter(|_| !anaphoric && word != "the") {
        let r = c.frame.deictic();
        let y = r.map(|r| match step {
            -1 => {
                if m >= r.month {
                    r.year - 1
                } else {
                    r.year
                }
            }
            1 => {
                if m <= r.month {
                    r.year + 1
                } else {
                    r.year
                }
            }
            _ => r.year,
        });
        if c.day(e).is_some() {
            return None;
        }
        return Some(M { start: i, end: e, value: ym(y, m), kind: TimexKind::Relative, deictic: true, ..M::date() });
    }
    // "the last week of August" is a week of that month, not last week.
    if c.is(k + 1, "of") {
        return None;
    }
    let unit = match target {
        "year" | "month" | "week" | "day" | "quarter" | "weekend" | "decade" | "century" | "morning" | "afternoon" | "evening" | "night" => target,
        _ => return None,
    };
    if word == "the" && !matches!(unit, "year" | "month" | "week" | "decade" | "century" | "day") {
        return None;
    }
    // "the past year" is a duration in TimeML.
    if w0 == "the" && matches!(word, "past" | "last") {
        return None;
    }
    let e = k + 1;
    if word == "the" && unit == "weekend" {
        return None;
    }
    let (base, deictic) =
        if anaphoric || (word == "the" && c.frame.narrative) { (c.frame.anaphoric(), false) } else { (c.frame.deictic().map(Anchor::of), true) };
    if (unit == "day" || matches!(unit, "morning" | "afternoon" | "evening" | "night")) && deictic && word != "the" {
        return None; // "this day", "last night" come from deictic.txt
    }
    let value = match (unit, base) {
        ("year", Some(a)) => year_str(Some(a.year + step as i32)),
        ("decade", Some(a)) => format!("{:03}", (a.year + 10 * step as i32).div_euclid(10)),
        ("century", Some(a)) => format!("{:02}", (a.year + 100 * step as i32).div_euclid(100)),
        ("month", Some(a)) => match a.month {
            Some(m) => {
                let (y, m) = add_months(a.year, m, step);
                ym(Some(y), m)
            }
            None => return None,
        },
        ("quarter", Some(a)) => {
            let m = a.month?;
            let (y, m) = add_months(a.year, m, 3 * step);
            format!("{}-Q{}", year_str(Some(y)), (m - 1) / 3 + 1)
        }
        ("week", Some(a)) => week_str(a.date()?.add_days(7 * step)),
        ("weekend", Some(a)) => format!("{}-WE", week_str(a.date()?.add_days(7 * step))),
        ("day", Some(a)) => shift(a, step, "D")?,
        (p, Some(a)) => {
            let code = c.lx.parts_of_day.get(p)?;
            let d = a.date()?.add_days(step);
            return Some(M { start: i, end: e, value: format!("{}T{code}", d.iso()), ty: TimexType::Time, kind: TimexKind::Relative, ..M::date() });
        }
        ("year", None) => "XXXX".into(),
        ("month", None) => "XXXX-XX".into(),
        ("week", None) | ("weekend", None) => "XXXX-WXX".into(),
        ("quarter", None) => "XXXX-QX".into(),
        ("day", None) => "XXXX-XX-XX".into(),
        _ => return None,
    };
    Some(M { start: i, end: e, value, kind: TimexKind::Relative, deictic, ..M::date() })
}

/// `the weekend`: in news, the weekend before the reference date early in the week, else the
/// weekend of its week.
pub(crate) fn the_weekend(c: &Cursor, i: usize) -> Option<M> {
    if !(c.is(i, "the") && c.is(i + 1, "weekend")) || c.frame.narrative {
        return None;
    }
    let r = c.frame.deictic()?;
    let d = if r.weekday() <= 3 { r.add_days(-7) } else { r };
    Some(M { start: i, end: i + 2, value: format!("{}-WE", week_str(d)), kind: TimexKind::Relative, deictic: true, ..M::date() })
}
