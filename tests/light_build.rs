//! The light build (`--no-default-features`, no `zh`; the page's first wasm module, docs/weight.md):
//! English is analyzed exactly as by the full build's rules, and Chinese text is never silently
//! mis-analyzed: it is cut one character per word (user words kept whole) and the report says so.
//! Run by `make test-rust` as `cargo test --no-default-features --test light_build`; compiled to
//! nothing in the default (full) build.
#![cfg(not(feature = "zh"))]

use article_explorer::{Options, add_chinese_word, analyze, chinese_dictionary_status, load_chinese_dictionary, segment_line};

#[test]
fn chinese_is_cut_per_character_and_the_report_says_so() {
    let report = analyze("新华社北京2024年3月5日电 国家统计局今天发布报告。", &Options::default());
    assert!(report.warnings.iter().any(|w| w.contains("no Chinese support")), "{:?}", report.warnings);
    assert!(report.warnings.iter().any(|w| w.contains("dictionary is not loaded")), "{:?}", report.warnings);
    assert_eq!(segment_line("国家统计局"), ["国", "家", "统", "计", "局"]);
}

#[test]
fn user_words_stay_whole_and_no_dictionary_loads() {
    // (a word no other test here segments: the user words are process-wide)
    assert!(add_chinese_word("枫桥经验", None));
    assert_eq!(segment_line("坚持枫桥经验"), ["坚", "持", "枫桥经验"]);
    assert!(load_chinese_dictionary(&mut "社会 100\n".as_bytes()).is_err());
    assert_eq!(chinese_dictionary_status(), (false, 0));
}

#[test]
fn english_needs_nothing_chinese() {
    let report = analyze("People's Daily (November 5, 2025)\nThe plan was adopted in March 2021.", &Options::default());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.reference_date.value.as_deref(), Some("2025-11-05"));
    assert!(!report.timexes.is_empty());
}
