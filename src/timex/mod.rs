//! The temporal tagger: finds time expressions and gives them TIMEX3 values.
//!
//! Foundation version: bare four-digit years (1000–2199) standing alone as numbers.

use std::ops::Range;

mod date;
mod domain;
pub(crate) mod festivals;
mod zh;

pub(crate) use date::{Date, days_in_month};

use crate::tokens::{Token, TokenKind};
use crate::{TimexKind, TimexType};

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

/// Tags the time expressions among `tokens` of `text`.
///
/// Paragraphs in Chinese go to [`zh::tag_paragraph`]; institutional events in either language
/// to [`domain::tag_paragraph`].
pub(crate) fn tag(text: &str, tokens: &[Token]) -> Vec<TimexHit> {
    let _ = (zh::tag_paragraph, domain::tag_paragraph);
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .filter_map(|t| {
            let s = &text[t.range.clone()];
            let year: u32 = if s.len() == 4 { s.parse().ok()? } else { return None };
            (1000..=2199).contains(&year).then(|| TimexHit {
                range: t.range.clone(),
                timex_type: TimexType::Date,
                value: s.to_string(),
                end_value: None,
                kind: TimexKind::Explicit,
                source: None,
            })
        })
        .collect()
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
