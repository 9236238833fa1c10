//! The light build (`--no-default-features`, no `zh`; the page's first wasm module, docs/weight.md):
//! English is analyzed exactly as by the full build's rules, and Chinese text is never silently
//! mis-analyzed: it is cut one character per word (user words kept whole) and the report says so.
//! Run by `make test-rust` as `cargo test --no-default-features --test light_build`; compiled to
//! nothing in the default (full) build.
#![cfg(not(feature = "zh"))]

use article_explorer::{Engine, Error, KeywordKind, Options, Warning, analyze, chinese_dictionary_status, segment_line};

#[test]
fn chinese_is_cut_per_character_and_the_report_says_so() {
    let report = analyze("新华社北京2024年3月5日电 国家统计局今天发布报告。", &Options::default());
    assert_eq!(report.warnings, [Warning::ChineseDictionaryMissing {}, Warning::ChineseUnsupported {}]);
    assert_eq!(report.warnings[1].to_string(), "This build has no Chinese support: Chinese dates were not read.");
    assert_eq!(segment_line("国家统计局"), ["国", "家", "统", "计", "局"]);
}

#[test]
fn user_words_stay_whole_and_no_dictionary_loads() {
    let mut engine = Engine::new().with_user_words(["枫桥经验"]);
    assert_eq!(engine.segment_line("坚持枫桥经验"), ["坚", "持", "枫桥经验"]);
    assert_eq!(segment_line("坚持枫桥经验"), ["坚", "持", "枫", "桥", "经", "验"]);
    assert_eq!(engine.load_chinese_dictionary(&mut "社会 100\n".as_bytes()), Err(Error::NoChineseSupport));
    assert_eq!(engine.chinese_dictionary_status(), (false, 0));
    assert_eq!(chinese_dictionary_status(), (false, 0));
}

#[test]
fn two_engines_with_different_user_words_give_different_reports() {
    let text = "坚持和发展新时代枫桥经验。枫桥经验是基层治理的经验。";
    let plain = Engine::new();
    let with_word = Engine::new().with_user_words(["枫桥经验"]);
    let (a, b) = (plain.analyze(text, &Options::default()), with_word.analyze(text, &Options::default()));
    assert_ne!(a, b);
    let word = |r: &article_explorer::Report| r.keywords.iter().any(|k| k.term == "枫桥经验" && k.kind == KeywordKind::Word);
    assert!(word(&b), "{:?}", b.keywords);
    assert!(!word(&a), "{:?}", a.keywords);
    assert!(a.stats.words > b.stats.words);
}

#[test]
fn english_needs_nothing_chinese() {
    let report = analyze("People's Daily (November 5, 2025)\nThe plan was adopted in March 2021.", &Options::default());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.reference_date.value.as_deref(), Some("2025-11-05"));
    assert!(!report.timexes.is_empty());
}

#[test]
fn added_official_terms_are_joined_without_a_builtin_list() {
    let text = "坚持枫桥经验。发展枫桥经验。推广枫桥经验。";
    assert!(Engine::new().official_terms().is_empty());
    let words = |engine: &Engine| -> Vec<String> {
        let keywords = engine.analyze(text, &Options::default()).keywords.into_iter();
        keywords.filter(|k| k.kind == KeywordKind::Word).map(|k| k.term).collect()
    };
    let engine = Engine::new().with_official_terms(["枫桥经验"]);
    assert!(words(&engine).contains(&"枫桥经验".to_string()), "{:?}", words(&engine));
    assert!(!words(&Engine::new()).contains(&"枫桥经验".to_string()));
    assert!(!words(&engine.without_official_terms(["枫桥经验"])).contains(&"枫桥经验".to_string()));
}
