//! The temporal tagger: finds time expressions and gives them TIMEX3 values.
//!
//! English paragraphs go to the English tagger ([`en`]), Chinese ones to [`zh`]; institutional
//! events in either language come from [`domain`]. The hits are merged into one list in document
//! order without overlaps.
//!
//! Seam with the Chinese/domain helpers: `zh::tag_paragraph(text, range, reference)` and
//! `domain::tag_paragraph(text, range, language)`; change them only by adding parameters.

use std::ops::Range;

mod date;
mod domain;
mod en;
pub(crate) mod festivals;
mod zh;

pub(crate) use date::{Date, days_in_month};

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
}

/// Tags the time expressions of `text`, given its paragraphs (byte ranges and languages) and
/// the reference date relative expressions resolve against (`None`: they stay underspecified).
///
/// Chinese paragraphs go to [`zh::tag_paragraph`], all others to the English tagger (which reads
/// them as one document, so a narrative anchor carries across paragraphs); every paragraph also
/// goes to [`domain::tag_paragraph`]. A domain hit replaces the plain hits it overlaps only when
/// it is longer than each of them.
pub(crate) fn tag(text: &str, paragraphs: &[(Range<usize>, Language)], reference: Option<Date>) -> Vec<TimexHit> {
    let english: Vec<Range<usize>> =
        paragraphs.iter().filter(|(_, l)| *l != Language::Zh).map(|(r, _)| r.clone()).collect();
    let mut plain = en::tag_document(text, &english, reference);
    let mut domain = Vec::new();
    for (range, language) in paragraphs {
        if *language == Language::Zh {
            plain.extend(zh::tag_paragraph(text, range.clone(), reference));
        }
        domain.extend(domain::tag_paragraph(text, range.clone(), *language));
    }
    merge(plain, domain)
}

/// One list in document order without overlaps: among plain hits the earlier (then longer) one
/// wins; a domain hit wins over the plain hits it overlaps only if it is longer than each.
fn merge(mut plain: Vec<TimexHit>, mut domain: Vec<TimexHit>) -> Vec<TimexHit> {
    let order = |h: &TimexHit| (h.range.start, std::cmp::Reverse(h.range.end));
    plain.sort_by_key(order);
    domain.sort_by_key(order);
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut kept: Vec<TimexHit> = Vec::with_capacity(plain.len());
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
        let len = d.range.len();
        if kept[from..to].iter().all(|k| overlaps(&k.range, &d.range) && k.range.len() < len) {
            last_domain_end = d.range.end;
            kept.splice(from..to, std::iter::once(d));
        }
    }
    kept
}

/// First and last day covered by a TIMEX3 date value, and its granularity, for the timeline.
/// `None` for values that are not anchored in time (`XXXX-11-05`, `PRESENT_REF`, durations).
pub(crate) fn calendar_extent(value: &str) -> Option<(String, String, &'static str)> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first().filter(|y| y.len() == 4)?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((format!("{year:04}-01-01"), format!("{year:04}-12-31"), "year")),
        [_, m] if m.len() == 2 => {
            let month: u32 = m.parse().ok()?;
            (1..=12).contains(&month).then(|| {
                (format!("{year:04}-{month:02}-01"), format!("{year:04}-{month:02}-{:02}", days_in_month(year, month)), "month")
            })
        }
        [_, m, d] if m.len() == 2 && d.len() == 2 => {
            let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
            ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then(|| {
                let date = format!("{year:04}-{month:02}-{day:02}");
                (date.clone(), date, "day")
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents() {
        assert_eq!(calendar_extent("2024"), Some(("2024-01-01".into(), "2024-12-31".into(), "year")));
        assert_eq!(calendar_extent("2024-02"), Some(("2024-02-01".into(), "2024-02-29".into(), "month")));
        assert_eq!(calendar_extent("2025-11-05").map(|e| e.2), Some("day"));
        assert_eq!(calendar_extent("2025-02-30"), None);
        assert_eq!(calendar_extent("XXXX-11-05"), None);
        assert_eq!(calendar_extent("P23Y"), None);
    }
}
