//! The temporal tagger: finds time expressions and gives them TIMEX3 values.
//!
//! English paragraphs go to the English tagger ([`en`]), Chinese ones to [`zh`]; institutional
//! events in either language come from [`domain`]. The hits are merged into one list in document
//! order without overlaps.
//!
//! Seam with the Chinese/domain helpers: `zh::tag_chars(paragraph, reference)` and
//! `domain::tag_chinese_chars(paragraph)` for a Chinese paragraph, decoded once for both
//! (`chars::CharIndex`), and `domain::tag_paragraph(text, range, language)` for the others;
//! change them only by adding parameters.

use std::ops::Range;

#[cfg(feature = "zh")]
mod chars;
mod date;
pub(crate) mod dateline;
mod domain;
mod en;
pub(crate) mod festivals;
// Without the `zh` feature (the page's light module, which never sees Han text) there is no
// Chinese tagger, and the domain tagger reads no Chinese events (each of them contains Han).
#[cfg(feature = "zh")]
mod zh;

pub(crate) use date::{Date, days_in_month};
#[cfg(feature = "zh")]
pub(crate) use zh::numeral_chars as chinese_numeral_chars;

use crate::{Language, TimexKind, TimexType};

/// A timex in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimexHit {
    pub range: Range<usize>,
    pub timex_type: TimexType,
    pub value: String,
    pub end_value: Option<String>,
    pub kind: TimexKind,
    pub source: Option<String>,
    /// What a relative value was counted from.
    pub basis: Basis,
    /// The value is a festival's or holiday's date, computed for its year.
    pub festival: bool,
    /// The part of the period meant, or an approximate date (set by [`annotate`]).
    pub modifier: Option<crate::TimexMod>,
}

/// What a relative value was counted from: nothing (an explicit or unresolved value), the
/// reference date, or an earlier date of the text (the byte offset where that expression starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Basis {
    #[default]
    None,
    Reference,
    Earlier(usize),
}

/// Tags the time expressions of `text`, given its paragraphs (byte ranges and languages) and
/// the reference date relative expressions resolve against (`None`: they stay underspecified).
///
/// Chinese paragraphs go to [`zh::tag_chars`] and [`domain::tag_chinese_chars`], decoded once for
/// both; all others to the English tagger (which reads them as one document, so a narrative
/// anchor carries across paragraphs) and [`domain::tag_paragraph`]. A domain hit replaces the
/// plain hits it overlaps only when it is longer than each of them.
pub(crate) fn tag(text: &str, paragraphs: &[(Range<usize>, Language)], reference: Option<Date>) -> Vec<TimexHit> {
    let english: Vec<Range<usize>> = paragraphs.iter().filter(|(_, l)| *l != Language::Zh).map(|(r, _)| r.clone()).collect();
    #[cfg_attr(not(feature = "zh"), allow(unused_mut))]
    let mut plain = en::tag_document(text, &english, reference);
    let mut domain = Vec::new();
    #[cfg(feature = "zh")]
    let mut decoded = chars::CharIndex::default();
    for (range, language) in paragraphs {
        #[cfg(feature = "zh")] // without it, the light build reads no Chinese dates (and says so)
        if *language == Language::Zh {
            decoded.fill(text, range.clone());
            plain.extend(zh::tag_chars(&decoded, reference));
            domain.extend(domain::tag_chinese_chars(&decoded));
            continue;
        }
        domain.extend(domain::tag_paragraph(text, range.clone(), *language));
    }
    #[cfg_attr(not(feature = "zh"), allow(unused_mut))]
    let mut hits = merge(plain, domain);
    #[cfg(feature = "zh")]
    annotate(text, &mut hits);
    hits
}

/// The Chinese words that make a date soft (`data/timex/soft-zh.tsv`): `(effect, where, phrase)`.
#[cfg(feature = "zh")]
fn soft_words() -> impl Iterator<Item = (crate::TimexMod, &'static str, &'static str)> {
    data!("timex/soft-zh.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut f = l.split('\t');
        let effect = match f.next()? {
            "START" => crate::TimexMod::Start,
            "MID" => crate::TimexMod::Mid,
            "END" => crate::TimexMod::End,
            "APPROX" => crate::TimexMod::Approx,
            _ => return None,
        };
        Some((effect, f.next()?, f.next()?))
    })
}

/// Fills in for the Chinese tagger's dates what the English tagger says itself: the `mod` of each
/// date (年初, 中旬, 年底, 左右) and whether it is a festival's. (Builds without Chinese support
/// read no Chinese dates.)
#[cfg(feature = "zh")]
fn annotate(text: &str, hits: &mut [TimexHit]) {
    /// The soft words, the festivals' Chinese names and their first characters: read once.
    struct Tables {
        soft: Vec<(crate::TimexMod, &'static str, &'static str)>,
        festival_names: Vec<&'static str>,
        festival_firsts: Vec<char>,
    }
    static TABLES: std::sync::LazyLock<Tables> = std::sync::LazyLock::new(|| {
        let festival_names: Vec<&str> = festivals::festivals().iter().flat_map(|f| f.chinese.iter().map(String::as_str)).collect();
        // A name can only be inside an expression holding its first character: most hold none.
        let mut festival_firsts: Vec<char> = festival_names.iter().filter_map(|n| n.chars().next()).collect();
        crate::text::sort::sort(&mut festival_firsts);
        festival_firsts.dedup();
        Tables { soft: soft_words().collect(), festival_names, festival_firsts }
    });
    let Tables { soft, festival_names, festival_firsts } = &*TABLES;
    for h in hits.iter_mut().filter(|h| matches!(h.timex_type, TimexType::Date | TimexType::Time) && h.kind != TimexKind::Domain) {
        let written = &text[h.range.clone()];
        if written.is_ascii() {
            continue;
        }
        let before = &text[..h.range.start];
        h.modifier = h.modifier.or_else(|| {
            soft.iter()
                .find(|&&(_, at, phrase)| match at {
                    "suffix" => written.ends_with(phrase) && written.len() > phrase.len(),
                    "before" => before.ends_with(phrase),
                    _ => false,
                })
                .map(|&(effect, _, _)| effect)
        });
        h.festival =
            h.festival || (written.chars().any(|c| festival_firsts.binary_search(&c).is_ok()) && festival_names.iter().any(|n| written.contains(n)));
    }
}

/// The fully written calendar days (`November 5, 2025`, `2025-11-06`, `Nov. 5` → month and day
/// only) in `range` of `text`, read by the English tagger without a reference date: for datelines.
pub(crate) fn days_in(text: &str, range: Range<usize>) -> Vec<(Range<usize>, Option<i32>, u32, u32)> {
    en::tag_document(text, &[range], None)
        .into_iter()
        .filter(|h| h.timex_type == TimexType::Date && h.value.len() == 10 && h.end_value.is_none())
        .filter_map(|h| {
            let (y, md) = h.value.split_at(4);
            let (m, d) = (md.get(1..3)?.parse().ok()?, md.get(4..6)?.parse().ok()?);
            let year = if h.kind == TimexKind::Explicit { Some(y.parse().ok()?) } else { None };
            Some((h.range, year, m, d))
        })
        .collect()
}

/// One list in document order without overlaps: among plain hits the earlier (then longer) one
/// wins; a domain hit wins over the plain hits it overlaps only if it is longer than each.
///
/// Linear after the sorts: the winning domain hits are collected first and the list is built
/// once, since inserting each of them into the plain list moved its tail every time (quadratic:
/// on 10 MB of Chinese, with tens of thousands of domain hits, that was most of the stage).
fn merge(mut plain: Vec<TimexHit>, mut domain: Vec<TimexHit>) -> Vec<TimexHit> {
    let order = |h: &TimexHit| (h.range.start, std::cmp::Reverse(h.range.end));
    crate::text::sort::sort_by_key(&mut plain, order);
    crate::text::sort::sort_by_key(&mut domain, order);
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut kept: Vec<TimexHit> = Vec::with_capacity(plain.len());
    for h in plain {
        if kept.last().is_none_or(|k| k.range.end <= h.range.start) {
            kept.push(h);
        }
    }
    // Winning domain hits with the run of kept plain hits each replaces. The winners do not
    // overlap and come in order, and the plain hits before the last replaced run all end before
    // the next domain hit starts, so only plain hits from `consumed` on can overlap it.
    let mut wins: Vec<(Range<usize>, TimexHit)> = Vec::new();
    let (mut last_domain_end, mut consumed) = (0, 0);
    for d in domain {
        if d.range.start < last_domain_end || d.range.is_empty() {
            continue;
        }
        let from = kept.partition_point(|k| k.range.end <= d.range.start).max(consumed);
        let to = kept.partition_point(|k| k.range.start < d.range.end).max(from);
        let len = d.range.len();
        if kept[from..to].iter().all(|k| overlaps(&k.range, &d.range) && k.range.len() < len) {
            last_domain_end = d.range.end;
            consumed = to;
            wins.push((from..to, d));
        }
    }
    if wins.is_empty() {
        return kept;
    }
    let mut out = Vec::with_capacity(kept.len() + wins.len());
    let (mut plain, mut next) = (kept.into_iter(), 0);
    for (replaced, d) in wins {
        out.extend(plain.by_ref().take(replaced.start - next));
        plain.by_ref().take(replaced.len()).for_each(drop);
        next = replaced.end;
        out.push(d);
    }
    out.extend(plain);
    out
}

/// First and last day covered by a TIMEX3 date value, and its granularity, for the timeline:
/// `day`, `week`, `weekend`, `month`, `season`, `quarter`, `half`, `year`, `decade`, `century`
/// (a time of day counts as its `day`). `None` for values that are not anchored in time
/// (`XXXX-11-05`, `PRESENT_REF`, durations, `BC0492`).
pub(crate) fn calendar_extent(value: &str) -> Option<(String, String, &'static str)> {
    let value = value.split('T').next()?;
    let span = |a: Date, b: Date, g: &'static str| Some((a.iso(), b.iso(), g));
    let month_span = |y: i32, m1: u32, m2: u32, g: &'static str| {
        let (y2, m2) = if m2 > 12 { (y + 1, m2 - 12) } else { (y, m2) };
        span(Date::new(y, m1, 1)?, Date::new(y2, m2, days_in_month(y2, m2))?, g)
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(value) && value.len() == 3 {
        let y = value.parse::<i32>().ok()? * 10;
        return span(Date::new(y, 1, 1)?, Date::new(y + 9, 12, 31)?, "decade");
    }
    if digits(value) && value.len() == 2 {
        let y = value.parse::<i32>().ok()? * 100;
        return span(Date::new(y.max(1), 1, 1)?, Date::new(y + 99, 12, 31)?, "century");
    }
    let parts: Vec<&str> = value.split('-').collect();
    if !digits(parts[0]) || parts[0].len() != 4 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    match parts.as_slice() {
        [_] => month_span(year, 1, 12, "year"),
        [_, "SP"] => month_span(year, 3, 5, "season"),
        [_, "SU"] => month_span(year, 6, 8, "season"),
        [_, "FA"] => month_span(year, 9, 11, "season"),
        [_, "WI"] => month_span(year, 12, 14, "season"),
        [_, q] if q.len() == 2 && q.starts_with('Q') => {
            let n: u32 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
            month_span(year, 3 * n - 2, 3 * n, "quarter")
        }
        [_, h] if h.len() == 2 && h.starts_with('H') => {
            let n: u32 = h[1..].parse().ok().filter(|n| (1..=2).contains(n))?;
            month_span(year, 6 * n - 5, 6 * n, "half")
        }
        [_, w, rest @ ..] if w.len() == 3 && w.starts_with('W') && digits(&w[1..]) && rest.len() <= 1 => {
            let week: i64 = w[1..].parse().ok().filter(|w| (1..=53).contains(w))?;
            // ISO week 1 holds January 4th.
            let jan4 = Date::new(year, 1, 4)?;
            let monday = jan4.add_days(1 - jan4.weekday() as i64 + 7 * (week - 1));
            match rest {
                [] => span(monday, monday.add_days(6), "week"),
                ["WE"] => span(monday.add_days(5), monday.add_days(6), "weekend"),
                _ => None,
            }
        }
        [_, m] if m.len() == 2 && digits(m) => {
            let month: u32 = m.parse().ok()?;
            (1..=12).contains(&month).then_some(())?;
            month_span(year, month, month, "month")
        }
        [_, m, d] if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => {
            let date = Date::new(year, m.parse().ok()?, d.parse().ok()?)?;
            span(date, date, "day")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The merge as first written: each winning domain hit spliced into the list (quadratic).
    fn merge_by_splicing(mut plain: Vec<TimexHit>, mut domain: Vec<TimexHit>) -> Vec<TimexHit> {
        let order = |h: &TimexHit| (h.range.start, std::cmp::Reverse(h.range.end));
        crate::text::sort::sort_by_key(&mut plain, order);
        crate::text::sort::sort_by_key(&mut domain, order);
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        let mut kept: Vec<TimexHit> = Vec::new();
        for h in plain {
            if kept.last().is_none_or(|k| k.range.end <= h.range.start) {
                kept.push(h);
            }
        }
        let mut last_domain_end = 0;
        for d in domain {
            if d.range.start < last_domain_end || d.range.is_empty() {
                continue;
            }
            let from = kept.partition_point(|k| k.range.end <= d.range.start);
            let to = kept.partition_point(|k| k.range.start < d.range.end);
            if kept[from..to].iter().all(|k| overlaps(&k.range, &d.range) && k.range.len() < d.range.len()) {
                last_domain_end = d.range.end;
                kept.splice(from..to, std::iter::once(d));
            }
        }
        kept
    }

    fn hits(spans: Vec<(usize, usize)>, kind: TimexKind) -> Vec<TimexHit> {
        spans
            .into_iter()
            .enumerate()
            .map(|(i, (start, len))| TimexHit {
                range: start..start + len,
                timex_type: TimexType::Date,
                value: i.to_string(),
                end_value: None,
                kind,
                source: None,
                basis: Basis::None,
                festival: false,
                modifier: None,
            })
            .collect()
    }

    proptest! {
        #[test]
        fn merge_keeps_the_splicing_result(
            plain in proptest::collection::vec((0usize..60, 0usize..12), 0..30),
            domain in proptest::collection::vec((0usize..60, 0usize..16), 0..15),
        ) {
            let (plain, domain) = (hits(plain, TimexKind::Explicit), hits(domain, TimexKind::Domain));
            prop_assert_eq!(merge(plain.clone(), domain.clone()), merge_by_splicing(plain, domain));
        }
    }

    #[test]
    fn extents() {
        assert_eq!(calendar_extent("2024"), Some(("2024-01-01".into(), "2024-12-31".into(), "year")));
        assert_eq!(calendar_extent("2024-02"), Some(("2024-02-01".into(), "2024-02-29".into(), "month")));
        assert_eq!(calendar_extent("2025-11-05").map(|e| e.2), Some("day"));
        assert_eq!(calendar_extent("2025-02-30"), None);
        assert_eq!(calendar_extent("XXXX-11-05"), None);
        assert_eq!(calendar_extent("P23Y"), None);
        assert_eq!(calendar_extent("2024-FA"), Some(("2024-09-01".into(), "2024-11-30".into(), "season")));
        assert_eq!(calendar_extent("2024-WI"), Some(("2024-12-01".into(), "2025-02-28".into(), "season")));
        assert_eq!(calendar_extent("2024-Q1"), Some(("2024-01-01".into(), "2024-03-31".into(), "quarter")));
        assert_eq!(calendar_extent("2024-H2"), Some(("2024-07-01".into(), "2024-12-31".into(), "half")));
        assert_eq!(calendar_extent("2020-W53"), Some(("2020-12-28".into(), "2021-01-03".into(), "week")));
        assert_eq!(calendar_extent("1998-W08-WE"), Some(("1998-02-21".into(), "1998-02-22".into(), "weekend")));
        assert_eq!(calendar_extent("199"), Some(("1990-01-01".into(), "1999-12-31".into(), "decade")));
        assert_eq!(calendar_extent("19"), Some(("1900-01-01".into(), "1999-12-31".into(), "century")));
        assert_eq!(calendar_extent("2025-11-05T10:30"), Some(("2025-11-05".into(), "2025-11-05".into(), "day")));
        assert_eq!(calendar_extent("PRESENT_REF"), None);
        assert_eq!(calendar_extent("BC0492"), None);
    }
}
