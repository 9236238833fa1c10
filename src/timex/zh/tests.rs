//! The Chinese tagger on the reference cases (tests/data/timex/zh_cases.txt) and its timing probes.

use super::lexicon::Lexicon;
use super::resolve::{iso_week, monday_of_iso_week};
use super::scan::Scanner;
use super::tag_paragraph;
use crate::timex::Date;

fn tag(s: &str, dct: Option<&str>) -> Vec<(String, String, Option<String>)> {
    let reference = dct.and_then(Date::parse);
    tag_paragraph(s, 0..s.len(), reference).into_iter().map(|h| (s[h.range].to_string(), h.value, h.end_value)).collect()
}

#[test]
fn iso_weeks() {
    assert_eq!(iso_week(Date::new(2025, 11, 5).unwrap()), (2025, 45));
    assert_eq!(iso_week(Date::new(2021, 1, 3).unwrap()), (2020, 53));
    assert_eq!(monday_of_iso_week(2025, 45).iso(), "2025-11-03");
}

/// Runs every case of `tests/data/timex/zh_cases.txt`; reports all failures at once.
#[test]
fn reference_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("../../../tests/data/timex/zh_cases.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [dct, text, want] = cols.as_slice() else { panic!("bad case line: {line}") };
        // The pipeline hands the tagger the Simplified shadow (same offsets); so does this test,
        // quoting the text as written.
        let shadow = crate::text::script::simplified(text);
        let got: Vec<String> = tag(&shadow, (*dct != "-").then_some(*dct))
            .into_iter()
            .map(|(t, v, e)| (text[shadow.find(&t).map_or(0..0, |at| at..at + t.len())].to_string(), v, e))
            .map(|(t, v, e)| match e {
                Some(e) => format!("{t}={v}..{e}"),
                None => format!("{t}={v}"),
            })
            .collect();
        let want: Vec<String> = if *want == "none" { Vec::new() } else { want.split(" | ").map(String::from).collect() };
        count += 1;
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(count > 50);
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn smoke() {
    assert_eq!(tag("2025年11月5日", None), vec![("2025年11月5日".into(), "2025-11-05".into(), None)]);
}
/// Not a timed test: prints how long the tagger takes on pathological input (run with --ignored --nocapture).
#[test]
#[ignore]
fn pathological_input_timing() {
    let reference = Date::new(2025, 11, 5);
    for (name, text) in [
        ("numerals", "二〇二五年十一月".repeat(50_000)),
        ("digits", "1".repeat(1_000_000)),
        ("units", "年月日周时点".repeat(100_000)),
        ("mixed", "每每每上上上下下下前前前年年年《《《".repeat(50_000)),
    ] {
        let t = std::time::Instant::now();
        let n = tag_paragraph(&text, 0..text.len(), reference).len();
        println!("{name}: {} bytes, {n} hits, {:?}", text.len(), t.elapsed());
    }
    // The Chinese sample repeated to 10 MB, tagged paragraph by paragraph.
    let Ok(sample) = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/zh-community-governance-2025.txt")) else {
        return;
    };
    let text = sample.repeat(10_000_000 / sample.len());
    let t = std::time::Instant::now();
    let mut n = 0;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        n += tag_paragraph(&text, start..start + line.len(), reference).len();
        start += line.len();
    }
    println!("sample x{}: {} bytes, {n} hits, {:?}", 10_000_000 / sample.len(), text.len(), t.elapsed());
}

#[test]
#[ignore]
fn candidate_timing() {
    let text = "年月日周时点".repeat(20_000);
    let chars: Vec<char> = text.chars().collect();
    let s = Scanner::new(Lexicon::embedded(), &chars, Date::new(2025, 11, 5));
    let names = ["set", "bare_year_range", "date_expr", "year_part", "duration", "time_expr", "reference_word"];
    for (k, name) in names.iter().enumerate() {
        let t = std::time::Instant::now();
        for i in 0..chars.len() {
            let _ = match k {
                0 => s.set(i),
                1 => s.bare_year_range(i),
                2 => s.date_expr(i),
                3 => s.year_part(i),
                4 => s.duration(i),
                5 => s.time_expr(i),
                _ => s.reference_word(i),
            };
        }
        println!("{name}: {:?}", t.elapsed());
    }
}
