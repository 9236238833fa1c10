//! Finds the article's own date (its dateline) in the header block.
//!
//! Foundation version: the first `Month D, YYYY`, `YYYY年M月D日` or `YYYY-MM-DD` date in the
//! first lines of the text.

use std::ops::Range;

use crate::timex::days_in_month;

/// How many lines from the top the dateline may be on.
const HEADER_LINES: usize = 12;

/// Month names as English datelines write them.
const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The dateline's date (`YYYY-MM-DD`) and where it is, if the header has one.
pub(crate) fn find_dateline(text: &str) -> Option<(String, Range<usize>)> {
    crate::structure::lines(text)
        .filter(|r| !text[r.clone()].trim().is_empty())
        .take(HEADER_LINES)
        .find_map(|line| date_in_line(text, line))
}

fn date_in_line(text: &str, line: Range<usize>) -> Option<(String, Range<usize>)> {
    let s = &text[line.clone()];
    let lower = s.to_ascii_lowercase();
    for (m, name) in MONTHS.iter().enumerate() {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(name) {
            let at = from + pos;
            from = at + name.len();
            let rest = &s[from..];
            let (day, n1) = leading_number(rest.trim_start());
            let skipped = rest.len() - rest.trim_start().len();
            let after_day = rest.trim_start().get(n1..).unwrap_or("");
            let after_comma = after_day.strip_prefix(',').unwrap_or(after_day);
            let (year, n2) = leading_number(after_comma.trim_start());
            if n1 == 0 || n2 != 4 {
                continue;
            }
            let end = from + skipped + n1 + (after_day.len() - after_comma.len())
                + (after_comma.len() - after_comma.trim_start().len()) + n2;
            if let Some(v) = valid(year as i32, m as u32 + 1, day) {
                return Some((v, line.start + at..line.start + end));
            }
        }
    }
    for (i, _) in s.char_indices() {
        let rest = &s[i..];
        let (year, n) = leading_number(rest);
        if n != 4 || (i > 0 && s.as_bytes()[i - 1].is_ascii_digit()) {
            continue;
        }
        let after = &rest[n..];
        if let Some(after) = after.strip_prefix('年') {
            let (month, nm) = leading_number(after);
            let Some(after_m) = after[nm..].strip_prefix('月') else { continue };
            let (day, nd) = leading_number(after_m);
            if nm > 0 && nd > 0 && after_m[nd..].starts_with('日') {
                let end = i + n + '年'.len_utf8() + nm + '月'.len_utf8() + nd + '日'.len_utf8();
                if let Some(v) = valid(year as i32, month, day) {
                    return Some((v, line.start + i..line.start + end));
                }
            }
        } else if let Some(after) = after.strip_prefix('-') {
            let (month, nm) = leading_number(after);
            let Some(after_m) = after[nm..].strip_prefix('-') else { continue };
            let (day, nd) = leading_number(after_m);
            if nm == 2 && nd == 2 {
                if let Some(v) = valid(year as i32, month, day) {
                    return Some((v, line.start + i..line.start + i + n + 1 + nm + 1 + nd));
                }
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
    ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_chinese_and_iso_datelines() {
        let en = "Title\nSource:\nPeople's Daily (November 5, 2025, Page 01)\nRelease time:\n2025-11-06\nBody.";
        let (v, r) = find_dateline(en).unwrap();
        assert_eq!((v.as_str(), &en[r]), ("2025-11-05", "November 5, 2025"));
        let zh = "标题\n人民日报 2025年11月05日 第01版\n正文。";
        assert_eq!(find_dateline(zh).unwrap().0, "2025-11-05");
        assert_eq!(find_dateline("Posted 2024-02-29 by staff").unwrap().0, "2024-02-29");
    }

    #[test]
    fn no_dateline_or_invalid_dates() {
        assert_eq!(find_dateline("Nothing dated here.\nMay we go?"), None);
        assert_eq!(find_dateline("February 30, 2025 is not a day"), None);
    }
}
