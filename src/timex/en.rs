//! The English temporal tagger: a hand-written matcher over word tokens (no regular expressions,
//! linear in the text) that finds TimeML DATE, TIME, DURATION and SET expressions and gives them
//! TIMEX3 values, resolving relative ones against the reference date or the last mentioned date.
//!
//! Each pattern looks at a bounded number of tokens from where it starts; at every token the
//! longest match wins, then matching resumes after it. Word lists are in `data/en/timex/`.

use std::ops::Range;

use super::{Basis, Date, TimexHit};
use crate::{TimexKind, TimexType};

mod cursor;
mod dates;
mod durations;
mod lexicon;
mod relative;
mod resolve;
mod scan;

use cursor::Cursor;
use lexicon::{ENGLISH, Lexicon};
use resolve::{Frame, anchor_of_value};

/// A match, in token indices of its paragraph.
#[derive(Debug, Clone)]
pub(crate) struct M {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    pub value: String,
    pub end_value: Option<String>,
    pub kind: TimexKind,
    /// The year was chosen by the tagger (month and day written without one): kept so that a
    /// range's end can supply it ("from March to May 2024").
    pub guessed: Option<(u32, Option<u32>)>,
    /// Counted from the reference date ("last year"): in narrative text it does not move the anchor.
    pub deictic: bool,
    /// A comparison ("a year earlier" in news, a value taken from the quarter under discussion):
    /// it moves neither the narrative anchor nor the quarter under discussion.
    pub keeps_anchor: bool,
}

impl M {
    /// An empty explicit DATE (fields filled by the patterns).
    pub fn date() -> M {
        M {
            start: 0,
            end: 0,
            ty: TimexType::Date,
            value: String::new(),
            end_value: None,
            kind: TimexKind::Explicit,
            guessed: None,
            deictic: false,
            keeps_anchor: false,
        }
    }
}

/// Tags the English paragraphs `paragraphs` of `text` as one document: the narrative anchor
/// carries over from paragraph to paragraph.
pub(crate) fn tag_document(text: &str, paragraphs: &[Range<usize>], reference: Option<Date>) -> Vec<TimexHit> {
    tag_with(&ENGLISH, text, paragraphs, reference)
}

/// [`tag_document`] with another lexicon.
pub(crate) fn tag_with(lx: &Lexicon, text: &str, paragraphs: &[Range<usize>], reference: Option<Date>) -> Vec<TimexHit> {
    let scanned: Vec<(Range<usize>, Vec<scan::Tok>, String)> =
        paragraphs.iter().map(|p| (p.clone(), scan::scan(text, p.clone()), text[p.clone()].to_ascii_lowercase())).collect();
    let mut frame = Frame { reference, narrative: is_narrative(lx, text, &scanned, reference), last: None, last_at: None, quarter: None };
    let mut out = Vec::new();
    for (range, toks, lower) in &scanned {
        tag_paragraph(lx, text, range.clone(), toks, lower, &mut frame, &mut out);
        // The quarter under discussion lasts for its paragraph and the next one.
        frame.quarter = frame.quarter.filter(|q| q.2 == 0).map(|(y, q, _)| (y, q, 1));
    }
    out
}

/// Narrative text (a history) mostly mentions years far from its reference date; news mostly
/// mentions years near it. Without a reference date every text is read as narrative.
fn is_narrative(lx: &Lexicon, text: &str, paragraphs: &[(Range<usize>, Vec<scan::Tok>, String)], reference: Option<Date>) -> bool {
    let Some(r) = reference else { return true };
    let (mut far, mut all) = (0usize, 0usize);
    for (p, toks, lower) in paragraphs {
        let c = Cursor { text, lower, base: p.start, toks, lx, frame: Frame::default() };
        for i in (0..toks.len()).filter(|&i| toks[i].kind == scan::Kind::Num && toks[i].end - toks[i].start == 4) {
            if let Some((y, _)) = c.year(i) {
                all += 1;
                far += usize::from((y - r.year).abs() > 2);
            }
        }
    }
    far >= 3 && far * 3 > all * 2
}

fn tag_paragraph(lx: &Lexicon, text: &str, range: Range<usize>, toks: &[scan::Tok], lower: &str, frame: &mut Frame, out: &mut Vec<TimexHit>) {
    let mut i = 0;
    while i < toks.len() {
        let c = Cursor { text, lower, base: range.start, toks, lx, frame: *frame };
        if toks[i].kind != scan::Kind::Num && !c.w(i).is_some_and(|w| lx.starters.contains_key(w)) {
            i += 1;
            continue;
        }
        let words = |j: usize| c.w(j);
        if let Some((_, e)) = lx.idioms.longest(&words, i) {
            i = e;
            continue;
        }
        // The part of the period a modifier names ("early 2024"), for the report's `mod`.
        let Some((mut m, part)) = modified(&c, i).or_else(|| best(&c, i, false).map(|m| (m, None))) else {
            i += 1;
            continue;
        };
        // A range of two full expressions: "from 1939 to 1945", "between March and May 2024", "1998–2000".
        let mut second = None;
        if m.ty == TimexType::Date && m.end_value.is_none() {
            let before = m.start.checked_sub(1).and_then(|p| c.w(p));
            let link = c.w(m.end);
            let ok = match link {
                Some("-" | "\u{2013}" | "\u{2014}") => true,
                Some("to" | "through" | "until" | "till") => before == Some("from"),
                Some("and") => before == Some("between"),
                _ => false,
            };
            if ok {
                if let Some(m2) = best(&c, m.end + 1, false).filter(|m2| m2.ty == TimexType::Date) {
                    if let (Some((month, day)), Some(a)) = (m.guessed, anchor_of_value(&m2.value)) {
                        if m2.guessed.is_none() {
                            let y = if a.month.is_some_and(|m2m| month > m2m) { a.year - 1 } else { a.year };
                            m.value = match day {
                                Some(d) => resolve::ymd(Some(y), month, d),
                                None => resolve::ym(Some(y), month),
                            };
                        }
                    }
                    m.end_value = Some(m2.value.clone());
                    second = Some(m2);
                }
            }
        }
        // "May 4 and 5": the bare second day is a date of the same month.
        if second.is_none() && m.ty == TimexType::Date && m.value.len() == 10 && m.end_value.is_none() && c.is_any(m.end, &["and", "or"]) {
            if let Some((d, e)) = c.day(m.end + 1) {
                let next_is_unit = c.w(e).is_some_and(|w| lx.units.contains_key(w) || lx.not_year_after.contains(w) || lx.months.contains_key(w));
                if !next_is_unit && c.kind(m.end + 1) == Some(scan::Kind::Num) {
                    let (year, end) = match dates::year_after(&c, e) {
                        Some((Some(y), e2, false)) => (Some(y), e2),
                        _ => (None, e),
                    };
                    if let (Some(y), Some((month, Some(day)))) = (year, m.guessed) {
                        if let Some(first) = Date::new(y, month, day) {
                            m.value = first.iso();
                            m.kind = TimexKind::Explicit;
                        }
                    }
                    if let Some(date) = Date::parse(&m.value).and_then(|x| Date::new(x.year, x.month, d)) {
                        second = Some(M { start: m.end + 1, end, value: date.iso(), kind: m.kind, ..M::date() });
                    }
                }
            }
        }
        for (m, part) in std::iter::once((m, part)).chain(second.map(|m| (m, None))) {
            let basis = basis_of(lx, lower, range.start, toks, &m, frame);
            let approximate = m.start > 0 && c.w(m.start - 1).is_some_and(|w| lx.approximate.contains(w));
            let modifier = if approximate && m.ty == TimexType::Date { Some(crate::TimexMod::Approx) } else { part };
            // A holiday's date computed for its year ("Thanksgiving", "the eve of the 2019 Spring Festival").
            let festival = (m.start..m.end).any(|j| lx.holidays.longest(&|k: usize| c.w(k), j).is_some());
            // A bare year moves the narrative anchor only where the text is set in it ("In 1941,"),
            // not in asides ("until 1945", "(1939–1945)").
            let c = Cursor { text, lower, base: range.start, toks, lx, frame: *frame };
            let bare_year = m.value.len() == 4 && m.end == m.start + 1;
            let set_in = (m.start == 0 || c.is_any(m.start - 1, &["in", "during", ".", ","]))
                && frame.last.is_none_or(|a| m.value.parse::<i32>().is_ok_and(|y| (y - a.year).abs() <= 10));
            if (m.ty == TimexType::Date || m.ty == TimexType::Time) && !(m.deictic && frame.narrative) && (!bare_year || set_in) && !m.keeps_anchor {
                if let Some(a) = anchor_of_value(&m.value) {
                    frame.last = Some(a);
                    frame.last_at = Some(toks[m.start].start);
                }
                if let Some((y, q)) = resolve::quarter_of_value(&m.value) {
                    frame.quarter = Some((y, q, 0));
                }
            }
            // "For the nine months, …, a year earlier": a longer period ends the quarter's topic.
            if m.ty == TimexType::Duration && (m.value.ends_with('M') || m.value.ends_with('Y')) && !m.value.starts_with("PT") {
                frame.quarter = None;
            }
            i = m.end;
            out.push(TimexHit {
                range: toks[m.start].start..toks[m.end - 1].end,
                timex_type: m.ty,
                value: m.value,
                end_value: m.end_value,
                kind: m.kind,
                source: None,
                basis,
                festival,
                modifier,
            });
        }
    }
}

/// What a relative match was counted from, mirroring the frame's rules: deictic words count from
/// the reference date; anaphoric words ("the following year", "three days later"), and in
/// narrative text dates written without a year, from the last date mentioned; other dates without
/// a year from the reference date when there is one. A value left underspecified has no basis.
fn basis_of(lx: &Lexicon, lower: &str, base: usize, toks: &[scan::Tok], m: &M, frame: &Frame) -> Basis {
    if m.kind != TimexKind::Relative || m.value.starts_with('X') || m.value.contains("-XX") {
        return Basis::None;
    }
    let reference = if frame.reference.is_some() { Basis::Reference } else { Basis::None };
    if m.deictic || m.value.ends_with("_REF") {
        return reference;
    }
    let Some(earlier) = frame.last_at.filter(|_| frame.last.is_some()).map(Basis::Earlier) else { return reference };
    let anaphoric =
        (m.start..m.end).any(|j| toks.get(j).and_then(|t| lower.get(t.start - base..t.end - base)).is_some_and(|w| lx.anaphoric.contains(w)));
    if anaphoric || frame.narrative || reference == Basis::None { earlier } else { reference }
}

/// A modifier before an expression: `early 2024`, `the end of last year`, `mid-1990s`,
/// `the eve of the 2019 Spring Festival` (a day earlier).
fn modified(c: &Cursor, i: usize) -> Option<(M, Option<crate::TimexMod>)> {
    let words = |j: usize| c.w(j);
    let (effect, mut j) = c.lx.modifiers.longest(&words, i)?;
    if c.is(j, "-") && c.glued(j) {
        j += 1;
    }
    let mut m = best(c, j, true)?;
    if m.ty != TimexType::Date || m.value.contains("_REF") {
        return None;
    }
    if effect == "EVE" {
        let d = Date::parse(&m.value)?;
        m.value = d.add_days(-1).iso();
        m.end_value = None;
        m.guessed = None;
    }
    let part = match effect.as_str() {
        "START" => Some(crate::TimexMod::Start),
        "MID" => Some(crate::TimexMod::Mid),
        "END" => Some(crate::TimexMod::End),
        _ => None,
    };
    m.start = i;
    Some((m, part))
}

/// The longest expression starting at token `i`.
fn best(c: &Cursor, i: usize, after_modifier: bool) -> Option<M> {
    let w = c.w(i)?;
    if w.len() == 1 && !w.as_bytes()[0].is_ascii_alphanumeric() && w != "'" {
        return None;
    }
    // "the" is the commonest starter: go on only if the next word can continue an expression.
    if w == "the"
        && c.kind(i + 1) != Some(scan::Kind::Num)
        && !c.w(i + 1).is_some_and(|n| c.lx.starters.contains_key(n) || c.lx.after_the.contains(n))
    {
        return None;
    }
    // Words that only begin phrases ("in recent years", "New Year's Day") try only those patterns:
    // every other pattern begins with a digit run or a word flagged in `starters` (its first
    // token is read by `int`, `ordinal`, `count`, `month`, `weekday`, `unit`, a season, or one of
    // the literal words of the starter list).
    if c.kind(i) != Some(scan::Kind::Num) && c.lx.starters.get(w) != Some(&true) {
        return longest(i, [dates::holiday(c, i), relative::deictic(c, i)]);
    }
    let date_of = |j: usize| dates::month_first(c, j).or_else(|| dates::day_first(c, j));
    let candidates = [
        dates::numeric(c, i),
        dates::month_first(c, i),
        dates::day_first(c, i),
        dates::holiday(c, i),
        dates::quarter(c, i),
        dates::decade(c, i),
        dates::century(c, i),
        dates::season(c, i),
        relative::unit_relative(c, i, after_modifier),
        relative::weekday(c, i),
        relative::deictic(c, i),
        durations::clock(c, i, &date_of),
        durations::set(c, i),
        durations::duration(c, i),
        dates::year(c, i),
        dates::era_year(c, i),
        dates::bc_year(c, i),
        dates::spoken_year(c, i),
        relative::the_weekend(c, i),
    ];
    longest(i, candidates)
}

/// The longest non-empty match starting at `i` (the first of equally long ones).
fn longest<const N: usize>(i: usize, candidates: [Option<M>; N]) -> Option<M> {
    let mut best: Option<M> = None;
    for m in candidates.into_iter().flatten() {
        if m.end > i && best.as_ref().is_none_or(|b| m.end > b.end) {
            best = Some(m);
        }
    }
    best
}

#[cfg(test)]
mod tests;
