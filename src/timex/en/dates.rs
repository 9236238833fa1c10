//! Calendar dates written out: month–day–year in either order, numeric dates, years, decades,
//! centuries, quarters, halves, seasons and holidays.

use super::M;
use super::cursor::Cursor;
use super::resolve::{SEASONS, season_of, year_str, ym, ymd};
use crate::TimexKind;

/// A year written after a date: `, 2025`, `2025`, `of 2025`, `this year`, `of last year`, `that year`.
/// Returns the year (None when it cannot be resolved), the token after it, and whether it was relative.
pub(crate) fn year_after(c: &Cursor, i: usize) -> Option<(Option<i32>, usize, bool)> {
    let mut k = i;
    if c.is(k, ",") {
        k += 1;
        let (y, e) = c.year(k)?;
        return Some((Some(y), e, false));
    }
    if c.is(k, "of") {
        k += 1;
    }
    if let Some((y, e)) = c.year(k) {
        return Some((Some(y), e, false));
    }
    year_word(c, k).map(|(y, e)| (y, e, true))
}

/// `this year`, `last year`, `next year`, `that year`, `the same year`, `the following year`, `the previous year`.
pub(crate) fn year_word(c: &Cursor, k: usize) -> Option<(Option<i32>, usize)> {
    let r = c.frame.deictic().map(|d| d.year);
    let a = c.frame.anaphoric().map(|a| a.year);
    let (y, e) = match (c.w(k)?, c.w(k + 1)?) {
        ("this", "year") | ("current", "year") => (r, k + 2),
        ("last", "year") => (r.map(|y| y - 1), k + 2),
        ("next", "year") => (r.map(|y| y + 1), k + 2),
        ("that", "year") => (a, k + 2),
        ("the", w) => match (w, c.w(k + 2)?) {
            ("same", "year") => (a, k + 3),
            ("following", "year") | ("next", "year") => (a.map(|y| y + 1), k + 3),
            ("previous", "year") | ("preceding", "year") => (a.map(|y| y - 1), k + 3),
            ("current", "year") => (r, k + 3),
            _ => return None,
        },
        _ => return None,
    };
    Some((y, e))
}

fn weekday_prefix(c: &Cursor, i: usize) -> usize {
    match c.weekday(i) {
        Some((_, e)) if c.is(e, ",") => e + 1,
        Some((_, e)) => e,
        None => i,
    }
}

fn is_dash(c: &Cursor, i: usize) -> bool {
    c.is_any(i, &["-", "\u{2013}", "\u{2014}", "to", "through", "and"])
}

#[allow(clippy::too_many_arguments)]
fn date_match(c: &Cursor, start: usize, end: usize, y: Option<i32>, m: u32, d: u32, d2: Option<u32>, relative: bool) -> Option<M> {
    let days = |y: Option<i32>, d: u32| d <= super::super::days_in_month(y.unwrap_or(2000), m);
    if !days(y, d) || d2.is_some_and(|d2| !days(y, d2)) {
        return None;
    }
    let guessed = relative && y.is_some() && !c.is(end - 1, "year");
    let _ = c;
    Some(M {
        start,
        end,
        value: ymd(y, m, d),
        end_value: d2.map(|d2| ymd(y, m, d2)),
        kind: if relative { TimexKind::Relative } else { TimexKind::Explicit },
        guessed: guessed.then_some((m, Some(d))),
        ..M::date()
    })
}

/// `November 5, 2025`, `Nov. 5`, `March 5 this year`, `November 5 to 6 last year`, `Wednesday, Nov. 5`,
/// `November 2025`, `March of this year`, and a month alone where it cannot be a verb or a modal.
pub(crate) fn month_first(c: &Cursor, i: usize) -> Option<M> {
    let k = weekday_prefix(c, i);
    let (m, k1) = c.month(k)?;
    if let Some((d, k2)) = c.day(k1) {
        if c.year(k1).is_none() {
            let mut k3 = k2;
            let mut d2 = None;
            if is_dash(c, k2) && !c.is(k2, "and") {
                if let Some((e, k4)) = c.day(k2 + 1) {
                    if e > d && c.month(k4).is_none() {
                        d2 = Some(e);
                        k3 = k4;
                    }
                }
            }
            return Some(match year_after(c, k3) {
                Some((y, e, rel)) => date_match(c, i, e, y, m, d, d2, rel)?,
                None => date_match(c, i, k3, c.frame.year_for(m, Some(d), super::relative::future_context(c, i)), m, d, d2, true)?,
            });
        }
    }
    if let Some((y, e, rel)) = year_after(c, k1) {
        if !(c.is(k1, ",") && rel) {
            return Some(M { start: i, end: e, value: ym(y, m), kind: kind(rel), ..M::date() });
        }
    }
    if k != i {
        return None;
    }
    // A month alone.
    let name = c.w(k)?;
    let cue = k > 0 && c.w(k - 1).is_some_and(|p| c.lx.month_cues.contains(p));
    if c.lx.months.get(name).is_some_and(|&(_, abbr)| abbr) && !c.is(k1 - 1, ".") {
        return None;
    }
    if c.lx.ambiguous_months.contains(name) && !cue {
        return None;
    }
    if c.cap(k1) && c.is_word(k1) && !cue {
        return None; // June Carter, April Fools
    }
    let y = c.frame.year_for(m, None, super::relative::future_context(c, i));
    Some(M { start: i, end: k1, value: ym(y, m), kind: TimexKind::Relative, guessed: Some((m, None)), ..M::date() })
}

fn kind(relative: bool) -> TimexKind {
    if relative { TimexKind::Relative } else { TimexKind::Explicit }
}

/// `5 November 2024`, `the 5th of November`, `5–6 November`, `Friday, 13 March 2020`.
pub(crate) fn day_first(c: &Cursor, i: usize) -> Option<M> {
    let mut k = weekday_prefix(c, i);
    if c.is(k, "the") {
        k += 1;
    }
    let (d, mut k1) = c.day(k)?;
    let mut d2 = None;
    if is_dash(c, k1) && !c.is(k1, "and") {
        if let Some((e, k2)) = c.day(k1 + 1) {
            if e > d && c.month(k2).is_some() {
                d2 = Some(e);
                k1 = k2;
            }
        }
    }
    if c.is(k1, "of") {
        k1 += 1;
    }
    let (m, k2) = c.month(k1)?;
    match year_after(c, k2) {
        Some((y, e, rel)) => date_match(c, i, e, y, m, d, d2, rel),
        None => date_match(c, i, k2, c.frame.year_for(m, Some(d), super::relative::future_context(c, i)), m, d, d2, true),
    }
}

/// `2025-11-06`, `2025/11/06`, `11/05/2024` (month first unless the first number exceeds 12).
pub(crate) fn numeric(c: &Cursor, i: usize) -> Option<M> {
    let (a, na) = c.int(i)?;
    let sep = c.w(i + 1)?;
    if !matches!(sep, "-" | "/" | ".") || !c.glued(i + 1) || !c.glued(i + 2) || c.w(i + 3) != Some(sep) || !c.glued(i + 3) || !c.glued(i + 4) {
        return None;
    }
    let (b, nb) = c.int(i + 2)?;
    let (e, ne) = c.int(i + 4)?;
    if c.glued(i + 5) && c.kind(i + 5) == Some(super::scan::Kind::Num) {
        return None;
    }
    let (y, m, d) = if na == 4 && nb <= 2 && ne <= 2 {
        (a as i32, b, e)
    } else if ne == 4 && na <= 2 && nb <= 2 && sep != "-" {
        if a > 12 { (e as i32, b, a) } else { (e as i32, a, b) }
    } else {
        return None;
    };
    let date = super::super::Date::new(y, m, d)?;
    Some(M { start: i, end: i + 5, value: date.iso(), ..M::date() })
}

/// A year: `2019`, `the year 2000`, `fiscal 1989`, `1939–45`.
pub(crate) fn year(c: &Cursor, i: usize) -> Option<M> {
    let mut k = i;
    if c.is(k, "the") && c.is(k + 1, "year") {
        k += 2;
    } else if c.is(k, "fiscal") || c.is(k, "year") {
        k += 1;
    }
    let (y, mut e) = c.year(k)?;
    if c.is(e, "s") && c.glued(e) {
        return None;
    }
    let mut end_value = None;
    if c.is_any(e, &["-", "\u{2013}"]) && c.glued(e) && c.glued(e + 1) {
        if let Some((y2, 2)) = c.int(e + 1) {
            let full = y - y % 100 + y2 as i32;
            if full > y {
                end_value = Some(year_str(Some(full)));
                e += 2;
            }
        }
    }
    Some(M { start: i, end: e, value: year_str(Some(y)), end_value, ..M::date() })
}

/// A year before or after the common era: `492 BC` → `BC0492`, `AD 9`.
pub(crate) fn era_year(c: &Cursor, i: usize) -> Option<M> {
    let era = |j: usize| -> Option<(bool, usize)> {
        match c.w(j)? {
            "bc" | "bce" => Some((true, j + 1)),
            "ad" | "ce" => Some((false, j + 1)),
            "b" if c.is(j + 1, ".") && c.is(j + 2, "c") => Some((true, if c.is(j + 3, ".") { j + 4 } else { j + 3 })),
            "a" if c.is(j + 1, ".") && c.is(j + 2, "d") => Some((false, if c.is(j + 3, ".") { j + 4 } else { j + 3 })),
            _ => None,
        }
    };
    let (y, e, bc) = if let Some((y, n)) = c.int(i) {
        let (bc, e) = era(i + 1).filter(|_| c.cap(i + 1))?;
        (y, e, bc && n <= 4)
    } else {
        let (bc, k) = era(i).filter(|_| c.cap(i))?;
        let (y, n) = c.int(k)?;
        if n > 4 {
            return None;
        }
        (y, k + 1, bc)
    };
    if y == 0 || y > 9999 {
        return None;
    }
    let value = if bc { format!("BC{y:04}") } else { format!("{y:04}") };
    Some(M { start: i, end: e, value, ..M::date() })
}

/// A bare number after a preposition in a narrative set before the common era ("499 BC …
/// in 492") is a year BC.
pub(crate) fn bc_year(c: &Cursor, i: usize) -> Option<M> {
    if c.frame.last.is_none_or(|a| a.year >= 0) {
        return None;
    }
    let (y, n) = c.int(i)?;
    if !(2..=4).contains(&n)
        || y == 0
        || !c.w(i.checked_sub(1)?).is_some_and(|p| matches!(p, "in" | "of" | "by" | "until" | "since" | "from" | "to" | "and" | "till"))
    {
        return None;
    }
    if c.w(i + 1).is_some_and(|p| c.lx.not_year_after.contains(p) || c.lx.units.contains_key(p)) {
        return None;
    }
    Some(M { start: i, end: i + 1, value: year_str(Some(-(y as i32))), ..M::date() })
}

/// A year read out: `nineteen ninety-six`, `the year two thousand`, `two thousand and eight`.
pub(crate) fn spoken_year(c: &Cursor, i: usize) -> Option<M> {
    use super::lexicon::NumKind;
    let k = if c.is(i, "the") && c.is(i + 1, "year") { i + 2 } else { i };
    let num = |j: usize| c.w(j).and_then(|w| c.lx.numbers.get(w)).copied();
    let (hundreds, kind) = num(k)?;
    if kind == NumKind::Unit && (11..=20).contains(&hundreds) || (kind == NumKind::Ten && hundreds == 20) {
        // nineteen ninety-six, twenty twelve
        let (rest, e) = match c.count(k + 1, false) {
            Some((super::cursor::Count::N(n), e)) if (10..=99).contains(&n) => (n, e),
            _ => return None,
        };
        return Some(M { start: i, end: e, value: format!("{}", hundreds * 100 + rest), ..M::date() });
    }
    if hundreds == 2 && c.is(k + 1, "thousand") {
        let mut e = k + 2;
        let mut y = 2000;
        let j = if c.is(e, "and") { e + 1 } else { e };
        if let Some((super::cursor::Count::N(n), e2)) = c.count(j, false) {
            if n < 100 {
                y += n;
                e = e2;
            }
        }
        if k == i && e == k + 2 {
            return None; // "two thousand" alone is a count
        }
        return Some(M { start: i, end: e, value: y.to_string(), ..M::date() });
    }
    None
}

/// `the 1990s` → `199`, `the '90s`, `the 1800s` → `18`, `the nineties`.
pub(crate) fn decade(c: &Cursor, i: usize) -> Option<M> {
    let k = if c.is(i, "the") { i + 1 } else { i };
    if c.is(k, "'") {
        let (n, 2) = c.int(k + 1)? else { return None };
        if n % 10 != 0 || !c.is(k + 2, "s") || !c.glued(k + 2) {
            return None;
        }
        return Some(M { start: i, end: k + 3, value: format!("19{}", n / 10), ..M::date() });
    }
    if let Some((n, 4)) = c.int(k) {
        if n % 10 != 0 || !c.is(k + 1, "s") || !c.glued(k + 1) || !(1000..=2190).contains(&n) {
            return None;
        }
        let value = if n % 100 == 0 { format!("{:02}", n / 100) } else { format!("{:03}", n / 10) };
        return Some(M { start: i, end: k + 2, value, ..M::date() });
    }
    if k == i {
        return None;
    }
    let d = match c.w(k)? {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(M { start: i, end: k + 1, value: format!("19{d}"), ..M::date() })
}

/// `the 19th century` → `18`, `the twenty-first century` → `20`.
pub(crate) fn century(c: &Cursor, i: usize) -> Option<M> {
    let k = if c.is(i, "the") { i + 1 } else { i };
    let (n, e) = c.ordinal(k)?;
    if !c.is(e, "century") || !(1..=22).contains(&n) {
        return None;
    }
    Some(M { start: i, end: e + 1, value: format!("{:02}", n - 1), ..M::date() })
}

/// `the third quarter`, `third-quarter`, `Q3 2024`, `the fourth quarter of last year`,
/// `this year's first quarter`, `the first half of 2024`.
pub(crate) fn quarter(c: &Cursor, i: usize) -> Option<M> {
    let mut k = i;
    let mut pre_year: Option<(Option<i32>, bool)> = None;
    let mut back = 0;
    if let Some((y, e)) = c.year(k) {
        if c.is(e, "'") && c.is(e + 1, "s") {
            pre_year = Some((Some(y), false));
            k = e + 2;
        }
    } else if let Some((y, e)) = year_word(c, k) {
        if c.is(e, "'") && c.is(e + 1, "s") {
            pre_year = Some((y, true));
            k = e + 2;
        }
    }
    if pre_year.is_none() && c.is(k, "the") {
        k += 1;
        // "the 1988 second quarter"
        if let Some((y, e)) = c.year(k) {
            pre_year = Some((Some(y), false));
            k = e;
        }
        // Financial reports: "the quarter", "the latest quarter", "the year-ago quarter".
        if let Some(m) = reported_quarter(c, i, k) {
            return Some(m);
        }
        // "the year-ago third quarter", "the year-earlier second quarter": a year before.
        if c.is(k, "year") && c.is(k + 1, "-") && c.is_any(k + 2, &["ago", "earlier"]) && c.ordinal(k + 3).is_some() {
            back = 1;
            k += 3;
        }
    }
    if c.is(k, "fiscal") {
        k += 1;
    }
    let (n, unit, e) = if c.is(k, "q") && c.glued(k + 1) {
        let (n, _) = c.int(k + 1)?;
        (n, "quarter", k + 2)
    } else {
        let (n, e) = c.ordinal(k)?;
        let e = if c.is(e, "-") && c.glued(e) { e + 1 } else { e };
        let u = c.w(e)?;
        if !matches!(u, "quarter" | "half") {
            return None;
        }
        (n, if u == "quarter" { "quarter" } else { "half" }, e + 1)
    };
    let max = if unit == "quarter" { 4 } else { 2 };
    if !(1..=max).contains(&n) {
        return None;
    }
    let letter = if unit == "quarter" { 'Q' } else { 'H' };
    let (y, e, rel) = match pre_year {
        Some((y, rel)) => (y, e, rel),
        None => match year_after(c, e) {
            Some((y, e2, rel)) if !(c.is(e, ",")) || !rel => (y, e2, rel),
            _ => {
                if unit == "half" && !c.is(i, "the") {
                    return None;
                }
                if unit == "half" {
                    return None; // "the first half" of a match, a century…: needs a year
                }
                let start_month = 3 * n - 2;
                let y = if c.frame.narrative {
                    c.frame.last.map(|a| a.year)
                } else {
                    c.frame.deictic().map(|r| if start_month > r.month { r.year - 1 } else { r.year })
                };
                (y, e, true)
            }
        },
    };
    let y = y.map(|y| y - back);
    let (rel, keeps_anchor) = (rel || back > 0, back > 0);
    Some(M { start: i, end: e, value: format!("{}-{letter}{n}", year_str(y)), kind: kind(rel), keeps_anchor, ..M::date() })
}

/// `the quarter` → the quarter under discussion (the last one mentioned), else the last one
/// completed before the reference date; `the (latest|most recent) quarter` → the last completed
/// one; `the year-ago|year-earlier quarter|period` → the quarter under discussion a year before.
fn reported_quarter(c: &Cursor, i: usize, k: usize) -> Option<M> {
    let r = c.frame.deictic().filter(|_| !c.frame.narrative)?;
    let mut j = k;
    let mut back = 0;
    if c.is(j, "latest") {
        j += 1;
    } else if c.is(j, "most") && c.is(j + 1, "recent") {
        j += 2;
    } else if c.is(j, "year") && c.is(j + 1, "-") && c.is_any(j + 2, &["ago", "earlier"]) {
        back = 1;
        j += 3;
    }
    if !(c.is(j, "quarter") || (back == 1 && c.is(j, "period"))) || c.is(j + 1, "of") || c.is(j + 1, "-") {
        return None;
    }
    // The quarter under discussion, else the last one completed before the reference date.
    let (y, q) = match c.frame.quarter.filter(|_| j == k || back == 1) {
        Some((y, q, _)) => (y, q),
        None => {
            let (y, m) = super::resolve::add_months(r.year, (r.month - 1) / 3 * 3 + 1, -1);
            (y, (m - 1) / 3 + 1)
        }
    };
    Some(M {
        start: i,
        end: j + 1,
        value: format!("{}-Q{q}", year_str(Some(y - back))),
        kind: TimexKind::Relative,
        deictic: true,
        keeps_anchor: back == 1,
        ..M::date()
    })
}

/// `last autumn`, `the autumn of 2024`, `summer 2019`, `in the spring,`, `early winter`.
pub(crate) fn season(c: &Cursor, i: usize) -> Option<M> {
    let first = c.w(i)?;
    let (k, rel_word) = match first {
        "last" | "this" | "next" | "past" | "coming" => (i + 1, Some(first)),
        "the" | "that" => (i + 1, None),
        _ => (i, None),
    };
    let (code, ambiguous) = c.lx.seasons.get(c.w(k)?)?;
    let idx = SEASONS.iter().position(|s| s == code)?;
    let e = k + 1;
    if let Some((y, e2, rel)) = year_after(c, e) {
        if rel_word.is_none() && !(c.is(e, ",") && rel) {
            return Some(M { start: i, end: e2, value: format!("{}-{code}", year_str(y)), kind: kind(rel), ..M::date() });
        }
    }
    if c.is_word(e) && !c.cap(e) && !c.w(e).is_some_and(|w| c.lx.after_season.contains(w)) {
        return None; // a modifier: the autumn breeze, spring air
    }
    if c.is(e, "-") && c.glued(e) {
        return None;
    }
    let r = c.frame.deictic().map(season_of);
    let y = match rel_word {
        Some("last") | Some("past") => r.map(|(ry, rs)| if idx < rs { ry } else { ry - 1 }),
        Some("this") => r.map(|(ry, _)| ry),
        Some("next") | Some("coming") => r.map(|(ry, rs)| if idx > rs { ry } else { ry + 1 }),
        _ => {
            let before = i.checked_sub(1).and_then(|p| c.w(p));
            let cue = k > i || before.is_some_and(|p| matches!(p, "early" | "late" | "mid" | "in" | "during" | "since" | "until" | "by"));
            if !cue || (*ambiguous && !(k > i && before == Some("in") && !c.is_word(e))) {
                return None;
            }
            if c.frame.narrative {
                c.frame.last.map(|a| a.year + i32::from(a.month.is_some_and(|am| (am + 9) / 3 % 4 > idx as u32 && am != 12)))
            } else {
                r.map(|(ry, rs)| if idx <= rs { ry } else { ry - 1 })
            }
        }
    };
    Some(M { start: i, end: e, value: format!("{}-{code}", year_str(y)), kind: TimexKind::Relative, ..M::date() })
}

/// `Christmas`, `the 2019 Spring Festival`, `Christmas 2024`, `last Christmas`, `New Year's Day`.
pub(crate) fn holiday(c: &Cursor, i: usize) -> Option<M> {
    let mut k = i;
    let mut year: Option<(Option<i32>, bool)> = None;
    let mut rel_word = None;
    if c.is(k, "the") {
        k += 1;
    }
    if let Some((y, e)) = c.year(k) {
        year = Some((Some(y), false));
        k = e;
    } else if c.is_any(k, &["last", "this", "next"]) {
        rel_word = c.w(k);
        k += 1;
    }
    if !c.cap(k) {
        return None;
    }
    let words = |j: usize| c.w(j);
    let (h, mut e) = c.lx.holidays.longest(&words, k)?;
    if year.is_none() {
        if let Some((y, e2, rel)) = year_after(c, e) {
            if !(c.is(e, ",") && rel) {
                year = Some((y, rel));
                e = e2;
            }
        } else if c.is(e, "in")
            && let Some((y, e2)) = c.year(e + 1)
        {
            // "the Mid-Autumn Festival in 2024": the festival of that year, one expression.
            year = Some((Some(y), false));
            e = e2;
        }
    }
    if c.is(e, "'") && c.is(e + 1, "s") && c.lx.holidays.longest(&words, k).is_some_and(|(_, x)| x == e) {
        // "New Year's message": keep the possessive out of the span.
    }
    let (y, rel) = match (year, rel_word, c.frame.deictic()) {
        (Some((y, rel)), _, _) => (y, rel),
        (None, Some(w), Some(r)) => {
            let this = h.date(r.year);
            let y = match w {
                "last" => {
                    if this.is_some_and(|d| d < r) {
                        r.year
                    } else {
                        r.year - 1
                    }
                }
                "next" => {
                    if this.is_some_and(|d| d > r) {
                        r.year
                    } else {
                        r.year + 1
                    }
                }
                _ => r.year,
            };
            (Some(y), true)
        }
        (None, _, _) if c.frame.narrative => (c.frame.last.map(|a| a.year), true),
        (None, _, Some(r)) => {
            let best =
                (r.year - 1..=r.year + 1).filter_map(|y| h.date(y).map(|d| (y, (d.to_days() - r.to_days()).abs()))).min_by_key(|&(_, dist)| dist);
            (best.map(|(y, _)| y), true)
        }
        (None, _, None) => (c.frame.last.map(|a| a.year), true),
    };
    let value = match y.and_then(|y| h.date(y)) {
        Some(d) => d.iso(),
        None if h.is_fixed() => {
            let d = h.date(2000)?;
            ymd(None, d.month, d.day)
        }
        None => return None, // a lunisolar festival in an unknown year: left unresolved
    };
    Some(M { start: i, end: e, value, kind: kind(rel), ..M::date() })
}
