//! Lengths of time (`23 years` → `P23Y`), dates counted from another (`a year ago`,
//! `three days later`), recurrences (`every Sunday`, `annually`) and clock times (`10:30 a.m.`).

use super::M;
use super::cursor::{Count, Cursor};
use super::resolve::{Anchor, shift};
use crate::{TimexKind, TimexType};

/// The TIMEX3 duration of `n` units of `code`.
pub(crate) fn duration_value(n: Count, code: &str) -> String {
    let n = match n {
        Count::N(n) => n.to_string(),
        Count::X => "X".to_string(),
    };
    let scaled = |k: u32| n.parse::<u32>().map_or("X".to_string(), |v| v.saturating_mul(k).to_string());
    match code {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        "DE" => format!("P{}Y", scaled(10)),
        "CE" => format!("P{}Y", scaled(100)),
        "Q" => format!("P{n}Q"),
        "WE" => format!("P{n}WE"),
        _ => format!("P{n}{code}"),
    }
}

/// `23 years`, `three days later`, `a year ago`, `the past two months`, `two-year`, `for years`.
pub(crate) fn duration(c: &Cursor, i: usize) -> Option<M> {
    let mut k = i;
    let mut framed = false; // "the past two months", "the first nine months"
    if c.is(k, "the") {
        k += 1;
        if c.is_any(k, &["past", "last", "next", "coming", "first", "final", "previous", "following", "latest", "remaining"]) {
            k += 1;
        }
        framed = true;
    } else if c.is_any(k, &["past", "last", "next", "coming", "first"]) && c.count(k + 1, false).is_some() {
        k += 1;
        framed = true;
    }
    // "for years", "for decades"
    if !framed && i > 0 && c.is_any(i - 1, &["for", "over"]) {
        if let Some((code, true)) = c.unit(i) {
            if !matches!(code, "Q" | "WE") && !c.is(i + 1, "of") && !c.is(i + 1, "'") {
                return Some(M { start: i, end: i + 1, value: duration_value(Count::X, code), ty: TimexType::Duration, ..M::date() });
            }
        }
    }
    let article = framed
        || c.is_any(k + 2, &["ago", "later", "earlier", "before", "after"])
        || c.is_any(k + 3, &["ago", "later", "earlier"])
        || (k > 0 && c.w(k - 1).is_some_and(|w| c.lx.article_before.contains(w)));
    // "the past year", "the last month": one unit (TimeML: a duration).
    let (n, mut e) = match c.count(k, article) {
        Some(x) => x,
        None if framed && k == i + 2 && c.unit(k).is_some_and(|(_, plural)| !plural) => (Count::N(1), k),
        None => return None,
    };
    if let (Count::N(v), Some((_, 4))) = (n, c.int(k)) {
        if v >= 1000 {
            return None; // a year, not a count ("the 1988 second quarter")
        }
    }
    if framed && k == i + 1 && matches!(n, Count::N(1)) && c.is_any(k, &["a", "an"]) {
        return None;
    }
    let hyphen = c.is(e, "-") && c.glued(e) && c.glued(e + 1);
    if hyphen {
        e += 1;
    }
    let (code, plural) = c.unit(e)?;
    if code == "Q" && c.is(e + 1, "of") {
        return None; // "three quarters of the army"
    }
    if hyphen && (plural || (c.is(e + 1, "-") && c.is(e + 2, "old"))) {
        return None; // "two-years", an age ("6-year-old")
    }
    let agrees = match (n, plural) {
        (Count::N(1), p) => !p,
        (_, true) => !hyphen,
        (_, false) => hyphen || c.is_word(e + 1), // "two-year", "a five year low"
    };
    if !agrees {
        return None;
    }
    e += 1;
    let next = c.w(e);
    if matches!(next, Some("old")) && !hyphen {
        return Some(M { start: i, end: e, value: duration_value(n, code), ty: TimexType::Duration, ..M::date() });
    }
    if !framed {
        let shift_by = |sign: i64, base: Option<Anchor>| -> Option<String> {
            let Count::N(v) = n else {
                return Some("PAST_REF".into()).filter(|_| sign < 0).or(Some("FUTURE_REF".into()));
            };
            if v > 9999 {
                return None; // no calendar arithmetic on absurd counts
            }
            let code = if code == "WE" { "W" } else { code };
            if matches!(code, "H" | "MIN" | "S") {
                return None;
            }
            base.and_then(|b| shift(b, sign * v as i64, code))
        };
        let deictic = c.frame.deictic().map(Anchor::of);
        let anaphoric = c.frame.anaphoric();
        // News comparing a reported quarter with the same quarter N years before: "net rose
        // to $5 from $4 a year ago / a year earlier" → that quarter's year minus N.
        let earlier = next == Some("earlier") && !c.is(e + 1, "than");
        let quarter = c.frame.quarter.filter(|&(qy, _, _)| {
            let current = match next {
                Some("ago") => c.frame.deictic().is_some_and(|r| (r.year - 1..=r.year).contains(&qy)),
                _ if earlier => c.frame.last.is_some_and(|a| a.year == qy),
                _ => false,
            };
            current && code == "Y" && !c.frame.narrative
        });
        if let (Some((qy, q, _)), Count::N(v)) = (quarter, n) {
            if v <= 10 {
                return Some(M {
                    start: i,
                    end: e + 1,
                    value: format!("{}-Q{q}", super::resolve::year_str(Some(qy - v as i32))),
                    kind: TimexKind::Relative,
                    keeps_anchor: true,
                    ..M::date()
                });
            }
        }
        let (value, end) = match next {
            Some("ago") => (shift_by(-1, deictic).or(Some("PAST_REF".into())), e + 1),
            Some("from") if c.is(e + 1, "now") => (shift_by(1, deictic).or(Some("FUTURE_REF".into())), e + 2),
            Some("hence") => (shift_by(1, deictic), e + 1),
            Some("later" | "afterwards" | "afterward") => (shift_by(1, anaphoric), e + 1),
            Some("earlier") if !c.is(e + 1, "than") => (shift_by(-1, anaphoric), e + 1),
            _ => (None, e),
        };
        if let Some(v) = value {
            let deictic = matches!(next, Some("ago" | "from" | "hence"));
            // In news "a year earlier" compares with the story's time; it does not move it.
            let keeps_anchor = earlier && !c.frame.narrative;
            return Some(M { start: i, end, value: v, kind: TimexKind::Relative, deictic, keeps_anchor, ..M::date() });
        }
        if end != e {
            // A shift from an unknown date: still a date, underspecified.
            return Some(M { start: i, end, value: "XXXX-XX-XX".into(), kind: TimexKind::Relative, ..M::date() });
        }
    }
    if c.is_any(i, &["a", "an"]) && i > 0 && c.is_any(i - 1, &["once", "twice", "times"]) {
        return Some(M { start: i, end: e, value: duration_value(Count::N(1), code), ty: TimexType::Set, ..M::date() });
    }
    Some(M { start: i, end: e, value: duration_value(n, code), ty: TimexType::Duration, ..M::date() })
}

/// `every Sunday`, `each year`, `every two weeks`, `annually`, `daily`, `twice a year`.
pub(crate) fn set(c: &Cursor, i: usize) -> Option<M> {
    let w = c.w(i)?;
    let adverb = match w {
        "annually" | "yearly" => Some("P1Y"),
        "daily" | "nightly" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    if let Some(v) = adverb.filter(|_| !c.cap(i)) {
        return Some(M { start: i, end: i + 1, value: v.into(), ty: TimexType::Set, ..M::date() });
    }
    if matches!(w, "per" | "a") && i > 0 && c.is_any(i - 1, &["once", "twice", "times"]) {
        if let Some((code, false)) = c.unit(i + 1) {
            return Some(M { start: i, end: i + 2, value: duration_value(Count::N(1), code), ty: TimexType::Set, ..M::date() });
        }
    }
    if !matches!(w, "every" | "each") {
        return None;
    }
    let mut k = i + 1;
    if c.is(k, "other") {
        k += 1;
    }
    let every_other = k > i + 1;
    if let Some((d, e)) = c.weekday(k) {
        return Some(M { start: i, end: e, value: format!("XXXX-WXX-{d}"), ty: TimexType::Set, ..M::date() });
    }
    if let Some((m, e)) = c.month(k) {
        return Some(M { start: i, end: e, value: format!("XXXX-{m:02}"), ty: TimexType::Set, ..M::date() });
    }
    if let Some(code) = c.w(k).and_then(|p| c.lx.parts_of_day.get(p)) {
        return Some(M { start: i, end: k + 1, value: format!("XXXX-XX-XXT{code}"), ty: TimexType::Set, ..M::date() });
    }
    let (n, e) = match c.count(k, false) {
        Some((Count::N(n), e)) => (n, e),
        _ => (if every_other { 2 } else { 1 }, k),
    };
    let (code, _) = c.unit(e)?;
    Some(M { start: i, end: e + 1, value: duration_value(Count::N(n), code), ty: TimexType::Set, ..M::date() })
}

/// `10 a.m.`, `10:30`, `3pm EST`, `noon`, `midnight`, `five o'clock`; `the night of 13 February`.
pub(crate) fn clock(c: &Cursor, i: usize, date_of: &dyn Fn(usize) -> Option<M>) -> Option<M> {
    let day = |c: &Cursor| -> String {
        let d = if c.frame.narrative { c.frame.last.and_then(Anchor::date) } else { c.frame.deictic() };
        d.map_or("XXXX-XX-XX".to_string(), |d| d.iso())
    };
    // A day's date followed by a time of that day ("the morning of …", "noon on …").
    let at_time = |m: M, t: &str| M { start: i, end: m.end, value: format!("{}T{t}", m.value), ty: TimexType::Time, kind: m.kind, ..M::date() };
    if c.is(i, "the") {
        if let Some(code) = c.w(i + 1).and_then(|p| c.lx.parts_of_day.get(p)) {
            if c.is(i + 2, "of") {
                let m = date_of(i + 3)?;
                if m.value.len() == 10 && m.ty == TimexType::Date {
                    return Some(at_time(m, code));
                }
            }
        }
        return None;
    }
    if c.is_any(i, &["noon", "midday", "midnight"]) {
        let t = if c.is(i, "midnight") { "24:00" } else { "12:00" };
        if let Some(m) = super::relative::weekday(c, i + 1).or_else(|| date_of(i + 1)) {
            if m.ty == TimexType::Date && m.value.len() == 10 {
                return Some(at_time(m, t));
            }
        }
        return Some(M { start: i, end: i + 1, value: format!("{}T{t}", day(c)), ty: TimexType::Time, kind: TimexKind::Relative, ..M::date() });
    }
    let (h, nh) = c.int(i)?;
    if nh > 2 || h > 24 {
        return None;
    }
    let mut e = i + 1;
    let mut min = 0;
    let mut has_minutes = false;
    if c.is(e, ":") && c.glued(e) && c.glued(e + 1) {
        let (mm, n) = c.int(e + 1)?;
        if n != 2 || mm > 59 {
            return None;
        }
        min = mm;
        has_minutes = true;
        e += 2;
    }
    let mut hour = h;
    let ampm = match c.w(e) {
        Some("am" | "pm") => Some((c.is(e, "pm"), e + 1)),
        Some("a" | "p") if c.is(e + 1, ".") && c.is(e + 2, "m") && c.glued(e + 1) && c.glued(e + 2) => {
            let end = if c.is(e + 3, ".") && c.glued(e + 3) { e + 4 } else { e + 3 };
            Some((c.is(e, "p"), end))
        }
        Some("o") if c.is(e + 1, "'") && c.is(e + 2, "clock") => Some((h < 7, e + 3)),
        _ => None,
    };
    match ampm {
        Some((pm, end)) => {
            if h == 0 || h > 12 {
                return None;
            }
            hour = if pm && h < 12 {
                h + 12
            } else if !pm && h == 12 {
                0
            } else {
                h
            };
            e = end;
        }
        None if has_minutes => {
            if c.glued(e) && c.kind(e) == Some(super::scan::Kind::Num) {
                return None;
            }
        }
        None => return None,
    }
    if c.w(e).is_some_and(|w| c.lx.time_zones.contains(w)) && c.cap(e) {
        e += 1;
    }
    // "10 p.m. Wednesday", "5 p.m. EST Nov. 9": the day written after the time.
    let k = if c.is_any(e, &["on", ","]) { e + 1 } else { e };
    if let Some(m) = super::relative::weekday(c, k).or_else(|| date_of(k)) {
        if m.ty == TimexType::Date && m.value.len() == 10 {
            return Some(M {
                start: i,
                end: m.end,
                value: format!("{}T{hour:02}:{min:02}", m.value),
                ty: TimexType::Time,
                kind: m.kind,
                ..M::date()
            });
        }
    }
    Some(M { start: i, end: e, value: format!("{}T{hour:02}:{min:02}", day(c)), ty: TimexType::Time, kind: TimexKind::Relative, ..M::date() })
}
