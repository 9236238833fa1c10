//! The Chinese temporal tagger through the public API: every case of tests/data/timex/zh_cases.txt
//! (short sentences, so the language is forced to Chinese), then labelled extras on a whole article
//! written for this test, and bad input.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use article_explorer::{LanguageChoice, Options, TimexKind, analyze};

fn zh(dct: Option<&str>) -> Options {
    Options { dct: dct.map(String::from), lang: LanguageChoice::Zh, ..Default::default() }
}

fn render(text: &str, dct: Option<&str>) -> Vec<String> {
    analyze(text, &zh(dct))
        .timexes
        .iter()
        .filter(|t| t.kind != TimexKind::Domain)
        .map(|t| match &t.end_value {
            Some(e) => format!("{}={}..{e}", t.text, t.value),
            None => format!("{}={}", t.text, t.value),
        })
        .collect()
}

#[test]
fn reference_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("data/timex/zh_cases.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [dct, text, expected] = cols.as_slice() else { panic!("bad case line: {line:?}") };
        let dct = (*dct != "-").then_some(*dct);
        let want: Vec<String> = if *expected == "none" { Vec::new() } else { expected.split(" | ").map(String::from).collect() };
        let got = render(text, dct);
        count += 1;
        if got != want {
            failures.push(format!("{text:?} (dct {dct:?})\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(count >= 80, "only {count} cases");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// A short article written for this test (not taken from any paper): the dateline anchors the
/// relative dates, the narrative anchors 次日, domain events carry their source.
const ARTICLE: &str = "人民日报 2024年03月12日 第02版\n\
十四届全国人大二次会议3月11日在北京闭幕。\n\
去年12月中旬，调研组来到山区小学。三天后，新教学楼开工；次日，第一批教材运到。\n\
党的二十届三中全会将于今年7月召开。时隔23年，他再次回到母校。";

#[test]
fn article_anchors_on_its_dateline_and_narrative() {
    let report = analyze(ARTICLE, &zh(None));
    assert_eq!(report.reference_date.value.as_deref(), Some("2024-03-12"));
    let find = |text: &str| report.timexes.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("{text} not tagged"));
    assert_eq!(find("3月11日").value, "2024-03-11");
    let mid = find("去年12月中旬");
    assert_eq!((mid.value.as_str(), mid.end_value.as_deref()), ("2023-12-11", Some("2023-12-20")));
    assert_eq!(mid.kind, TimexKind::Relative);
    // Narrative: three days after the last date mentioned (the start of 中旬), then the day after.
    assert_eq!(find("三天后").value, "2023-12-14");
    assert_eq!(find("次日").value, "2023-12-15");
    assert_eq!(find("今年7月").value, "2024-07");
    assert_eq!(find("23年").value, "P23Y");
    let npc = find("十四届全国人大二次会议");
    assert_eq!((npc.value.as_str(), npc.kind), ("2024-03", TimexKind::Domain));
    assert!(npc.source.as_deref().is_some_and(|s| s.contains("2024-03-05")));
    let plenum = find("党的二十届三中全会");
    assert_eq!((plenum.value.as_str(), plenum.kind), ("2024-07", TimexKind::Domain));
    // The timeline is chronological and holds the dated events only.
    let starts: Vec<&str> = report.timeline.iter().map(|e| e.start_date.as_str()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    assert!(report.timeline.iter().all(|e| report.timexes[e.timex].value != "P23Y"));
}

#[test]
fn without_a_reference_values_stay_underspecified() {
    let report = analyze("11月5日，去年，明天上午。", &zh(None));
    let values: Vec<&str> = report.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-11-05", "XXXX", "XXXX-XX-XXTMO"]);
    assert!(report.timeline.is_empty());
}

#[test]
fn bad_input_does_not_panic() {
    let long_numerals = "二〇二五年十一月".repeat(10_000);
    let digits = "1".repeat(200_000);
    let units = "年月日周时点".repeat(20_000);
    let mixed = "每每每上上上下下下前前前年年年《《《".repeat(10_000);
    for text in ["", "年", "月日", "每", "《", "》", "\u{0}\u{1}2025年\u{7}", &long_numerals, &digits, &units, &mixed] {
        let report = analyze(text, &zh(Some("2025-11-05")));
        for t in &report.timexes {
            assert!(t.start < t.end);
        }
    }
    assert_eq!(analyze(&long_numerals, &zh(None)).timexes.len(), 10_000);
}
