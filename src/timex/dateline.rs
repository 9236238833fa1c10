//! Finds the article's own date (its dateline) in the first lines of the text.
//!
//! In order of trust:
//! 1. a date on a line that names the publication or page: `People's Daily (November 5, 2025,
//!    Page 01)`, `人民日报 2025年11月05日 第01版`;
//! 2. a wire-service dateline `BEIJING, Nov. 5 (Xinhua) --`, its year taken from another header
//!    date (the latest such day not after it) or written in it;
//! 3. the date after a release-time label (`Release time:`, `Published`, `发布时间`), on the same
//!    line or the next one;
//! 4. the first full date on a short line (a header, not a sentence of the body).
//!
//! English dates are read by the English tagger (every written form it knows); Chinese ones as
//! `YYYY年M月D日`; ISO `YYYY-MM-DD` by both.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::timex::{Date, days_in};

/// How many non-empty lines from the top the dateline may be on.
const HEADER_LINES: usize = 12;
/// Lines longer than this (in bytes) are body text for rule 4.
const SHORT_LINE: usize = 100;
/// Words that mark a line as naming the publication (rule 1), lower case.
static PUBLICATION_CUES: LazyLock<Vec<&str>> = LazyLock::new(|| words(data!("dateline/publication_cues.txt")));
/// Labels of the release-time line (rule 3), lower case.
static RELEASE_LABELS: LazyLock<Vec<&str>> = LazyLock::new(|| words(data!("dateline/release_labels.txt")));

/// The entries of a one-per-line list.
fn words(list: &'static str) -> Vec<&'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The dateline's date (`YYYY-MM-DD`) and where it is, if the header has one.
pub(crate) fn find_dateline(text: &str) -> Option<(String, Range<usize>)> {
    let lines: Vec<Range<usize>> = crate::segment::structure::lines(text).filter(|r| !text[r.clone()].trim().is_empty()).take(HEADER_LINES).collect();
    // The rules below ask about the same lines again: each line is read by the English tagger
    // at most once.
    let days: Vec<OnceCell<Days>> = lines.iter().map(|_| OnceCell::new()).collect();
    let days_of = |i: usize| days[i].get_or_init(|| days_in(text, lines[i].clone()));
    let full = |i: usize| full_date_in_line(text, lines[i].clone(), days_of(i));
    // 1. The publication line.
    for (i, line) in lines.iter().enumerate() {
        let lower = crate::text::case::to_lowercase(&text[line.clone()]);
        if PUBLICATION_CUES.iter().any(|c| lower.contains(c)) {
            if let Some(found) = full(i) {
                return Some(found);
            }
        }
    }
    // 3 and 4 first, as the year source of a wire dateline.
    let release = lines.iter().enumerate().find_map(|(i, line)| {
        let lower = crate::text::case::to_lowercase(text[line.clone()].trim());
        RELEASE_LABELS.iter().find(|l| lower.starts_with(*l))?;
        full(i).or_else(|| (i + 1 < lines.len()).then(|| full(i + 1)).flatten())
    });
    let short = (0..lines.len()).filter(|&i| lines[i].len() <= SHORT_LINE).find_map(full);
    // 2. A wire dateline: "BEIJING, Nov. 5 (Xinhua) --". Its place ends with a comma, so a line
    // without one has none.
    for (i, line) in lines.iter().enumerate() {
        if !text[line.clone()].contains(',') {
            continue;
        }
        for &(ref r, year, m, d) in days_of(i) {
            let before = &text[line.start..r.start];
            let after = text[r.end..line.end].trim_start();
            let place = before
                .trim_end()
                .strip_suffix(',')
                .is_some_and(|p| !p.is_empty() && p.len() < 40 && p.trim_start().starts_with(|c: char| c.is_uppercase()));
            if !place || !(after.starts_with('(') || after.starts_with("--") || after.starts_with('\u{2014}')) {
                continue;
            }
            let year = year.or_else(|| {
                let known = release.as_ref().or(short.as_ref()).and_then(|(v, _)| Date::parse(v))?;
                Some(if (m, d) > (known.month, known.day) { known.year - 1 } else { known.year })
            });
            if let Some(v) = year.and_then(|y| valid(y, m, d)) {
                return Some((v, r.clone()));
            }
        }
    }
    release.or(short)
}

/// A line's days as the English tagger reads them (see [`days_in`]).
type Days = Vec<(Range<usize>, Option<i32>, u32, u32)>;

/// The first full date of a line: English forms via the tagger, then `YYYY年M月D日`.
fn full_date_in_line(text: &str, line: Range<usize>, days: &Days) -> Option<(String, Range<usize>)> {
    let english = days.iter().find_map(|(r, y, m, d)| Some((valid((*y)?, *m, *d)?, r.clone())));
    let chinese = chinese_date_in_line(text, line);
    match (english, chinese) {
        (Some(e), Some(c)) => Some(if c.1.start < e.1.start { c } else { e }),
        (e, c) => e.or(c),
    }
}

fn chinese_date_in_line(text: &str, line: Range<usize>) -> Option<(String, Range<usize>)> {
    let s = &text[line.clone()];
    for (i, _) in s.char_indices() {
        let rest = &s[i..];
        let (year, n) = leading_number(rest);
        if n != 4 || (i > 0 && s.as_bytes()[i - 1].is_ascii_digit()) {
            continue;
        }
        let Some(after) = rest[n..].strip_prefix('年') else { continue };
        let (month, nm) = leading_number(after);
        let Some(after_m) = after[nm..].strip_prefix('月') else { continue };
        let (day, nd) = leading_number(after_m);
        if nm > 0 && nd > 0 && after_m[nd..].starts_with('日') {
            let end = i + n + '年'.len_utf8() + nm + '月'.len_utf8() + nd + '日'.len_utf8();
            if let Some(v) = valid(year as i32, month, day) {
                return Some((v, line.start + i..line.start + end));
            }
        }
    }
    None
}

fn leading_number(s: &str) -> (u32, usize) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).take(9).count();
    (s[..digits].parse().unwrap_or(0), digits)
}

fn valid(year: i32, month: u32, day: u32) -> Option<String> {
    Date::new(year, month, day).map(Date::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_dateline(text).map(|(v, _)| v)
    }

    #[test]
    fn english_chinese_and_iso_datelines() {
        let en = "Title\nSource:\nPeople's Daily (November 5, 2025, Page 01)\nRelease time:\n2025-11-06\nBody.";
        let (v, r) = find_dateline(en).unwrap();
        assert_eq!((v.as_str(), &en[r]), ("2025-11-05", "November 5, 2025"));
        let zh = "标题\n人民日报 2025年11月05日 第01版\n正文。";
        assert_eq!(date(zh).as_deref(), Some("2025-11-05"));
        assert_eq!(date("Posted 2024-02-29 by staff").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn the_publication_line_wins_over_an_earlier_date() {
        let text = "Looking back at March 3, 2019\nThe Daily Chronicle, Page 4, May 2, 2024\nBody text.";
        assert_eq!(date(text).as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn release_time_is_a_fallback() {
        let text = "A headline\nAuthor: Li Wei\nRelease time:\n2025-11-06\nThe body says March 3, 2019 happened.";
        assert_eq!(date(text).as_deref(), Some("2025-11-06"));
        assert_eq!(date("A headline\nPublished: Nov. 7, 2025 10:00\nBody.").as_deref(), Some("2025-11-07"));
    }

    #[test]
    fn wire_datelines_take_their_year_from_the_header() {
        let text = "China hosts forum\nPublished 2025-11-06\nBEIJING, Nov. 5 (Xinhua) -- A forum opened on Wednesday.";
        let (v, r) = find_dateline(text).unwrap();
        assert_eq!((v.as_str(), &text[r]), ("2025-11-05", "Nov. 5"));
        let crossing = "Headline\nUpdated 2026-01-02\nBEIJING, Dec. 31 (Xinhua) -- Text.";
        assert_eq!(date(crossing).as_deref(), Some("2025-12-31"));
        assert_eq!(date("BEIJING, Nov. 5, 2024 (Reuters) -- Text.").as_deref(), Some("2024-11-05"));
    }

    #[test]
    fn no_dateline_or_invalid_dates() {
        assert_eq!(date("Nothing dated here.\nMay we go?"), None);
        assert_eq!(date("February 30, 2025 is not a day"), None);
        assert_eq!(date("BEIJING, Nov. 5 (Xinhua) -- no year anywhere"), None);
        let long = format!("{} on March 3, 2019.", "A long sentence of body text that goes on and on ".repeat(3));
        assert_eq!(date(&long), None);
    }
}
