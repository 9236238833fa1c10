//! Property tests: for random text — any Unicode scalar from every plane, combining marks, ZWJ
//! sequences, right-to-left text and marks, control characters and NUL, CR/LF/U+2028 mixes, Han
//! text, and English- or Chinese-like prose full of punctuation and dates — the analysis never
//! panics and its report keeps every promise of the contract (see
//! `article_explorer::fuzz_api::check_report`), matches the report's JSON Schema, round-trips
//! through JSON, and is deterministic.
//!
//! Case counts: `PROPTEST_CASES` (default below); docs/robustness.md records the counts run.

mod common;

use article_explorer::fuzz_api::check_report;
use article_explorer::{LanguageChoice, Options, Report, analyze};
use proptest::prelude::*;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 64;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    ProptestConfig { cases, max_shrink_iters: 2000, ..ProptestConfig::default() }
}

/// One character from the pools that break text handling.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::any(), // every plane, including unassigned and private-use scalars
        3 => proptest::char::range('a', 'z'),
        2 => prop::sample::select(vec![' ', ' ', '\n', '\r', '\t', '\u{2028}', '\u{2029}', '\u{0B}', '\u{0C}', '\u{85}', '\u{3000}', '\u{A0}']),
        2 => prop::sample::select(vec!['.', '!', '?', ',', '"', '\'', '(', ')', '[', ']', '。', '！', '？', '“', '”', '‘', '’', '「', '」', '《', '》', '（', '）', '…', '—', '-', ':', '：']),
        1 => proptest::char::range('\u{0300}', '\u{036F}'), // combining marks
        1 => prop::sample::select(vec!['\u{200D}', '\u{200B}', '\u{200C}', '\u{FEFF}', '\u{FE0F}', '\u{FFFD}', '\u{FFFE}']),
        1 => prop::sample::select(vec!['\u{200F}', '\u{200E}', '\u{202E}', '\u{2067}', 'ש', 'ל', 'ם', 'ا', 'ل', 'ع']), // RTL
        1 => proptest::char::range('\u{0}', '\u{1F}'), // C0 controls, NUL included
        1 => proptest::char::range('\u{80}', '\u{9F}'), // C1 controls
        3 => proptest::char::range('\u{4E00}', '\u{9FFF}'), // Han
        1 => proptest::char::range('\u{20000}', '\u{2A6DF}'), // Han, extension B (astral: surrogate pairs in UTF-16)
        1 => proptest::char::range('\u{1F300}', '\u{1F64F}'), // emoji (astral)
        2 => proptest::char::range('0', '9'),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..400).prop_map(|cs| cs.into_iter().collect())
}

/// Words, numbers, dates and punctuation in English and Chinese, joined by assorted breaks:
/// text that reaches deep into the dateline, timex, sentence and keyword rules.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "The",
        "economy",
        "grew",
        "Mr.",
        "U.S.",
        "Jan.",
        "January",
        "November",
        "May",
        "5,",
        "5",
        "31",
        "2025",
        "2019",
        "1990s",
        "2024-02-29",
        "2025-13-45",
        "last",
        "year",
        "next",
        "month",
        "week",
        "since",
        "from",
        "to",
        "until",
        "Q3",
        "spring",
        "the",
        "14th",
        "Five-Year",
        "Plan",
        "(",
        ")",
        "\"",
        "'",
        "--",
        "—",
        ".",
        "..",
        "...",
        "!",
        "?",
        ",",
        ";",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "  ",
        "\t",
        "People's",
        "Daily",
        "Page",
        "01",
        "BEIJING,",
        "Nov.",
        "4",
        "2 p.m.",
        "9:30",
        "今年",
        "去年",
        "2025年",
        "11月",
        "5日",
        "2025年11月5日",
        "十四五",
        "时期",
        "以来",
        "。",
        "，",
        "“",
        "”",
        "！",
        "？",
        "（",
        "）",
        "经济",
        "发展",
        "中国",
        "人民日报",
        "第01版",
        "春节",
        "国庆节",
        "0",
        "9999",
        "1.",
    ]);
    prop::collection::vec((piece, prop::sample::select(vec![" ", "", " ", "\n"])), 0..200)
        .prop_map(|ps| ps.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn options() -> impl Strategy<Value = Options> {
    (0usize..3, any::<bool>(), prop::option::of(0usize..30)).prop_map(|(lang, dct, keyword_limit)| Options {
        lang: [LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Zh][lang],
        dct: dct.then(|| "2025-11-05".to_string()),
        keyword_limit,
        ..Default::default()
    })
}

/// Every promise of the report, plus: JSON round trip, determinism, and no text lost between
/// paragraphs and sentences.
fn check_all(text: &str, options: &Options) -> Result<(), TestCaseError> {
    let report = analyze(text, options);
    check_report(text, &report).map_err(TestCaseError::fail)?;
    let errors = common::report_schema_errors(&report);
    prop_assert!(errors.is_empty(), "the report does not match docs/report.schema.json: {:?}", errors);

    let json = serde_json::to_string(&report).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Report = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, &report, "JSON round trip changed the report");
    prop_assert_eq!(&analyze(text, options), &report, "two runs differ");

    // Every visible character lies in a paragraph, and every one in a paragraph in a sentence.
    // Blank goes by grapheme cluster: a space carrying a combining mark is blank as a whole.
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut pos = 0;
    for cluster in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        let at = pos;
        pos += cluster.encode_utf16().count();
        let ch = cluster.chars().next().unwrap_or(' ');
        if ch.is_whitespace() || matches!(ch, '\u{FEFF}' | '\u{200B}') {
            continue;
        }
        let Some(p) = report.paragraphs.iter().position(|p| p.start <= at && at < p.end) else {
            return Err(TestCaseError::fail(format!("{ch:?} at {at} is in no paragraph")));
        };
        prop_assert!(
            report.sentences.iter().any(|s| s.paragraph == p && s.start <= at && at < s.end),
            "{:?} at {} (paragraph {}) is in no sentence",
            ch,
            at,
            p
        );
    }
    prop_assert_eq!(pos, units.len());
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hostile_unicode_keeps_every_promise(text in hostile_text(), options in options()) {
        check_all(&text, &options)?;
    }

    #[test]
    fn prose_with_dates_keeps_every_promise(text in prose(), options in options()) {
        check_all(&text, &options)?;
    }

    #[test]
    fn prose_mixed_with_hostile_characters_keeps_every_promise(a in prose(), b in hostile_text(), c in prose(), options in options()) {
        check_all(&format!("{a}{b}{c}"), &options)?;
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = article_explorer::decode_text(&bytes) {
            // Whatever decodes can be analyzed.
            check_report(&text, &analyze(&text, &Options::default())).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn utf16_files_decode_to_their_text(text in hostile_text(), big_endian in any::<bool>()) {
        let unit = |u: u16| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() };
        let bom: u16 = 0xFEFF;
        let bytes: Vec<u8> = std::iter::once(bom).chain(text.encode_utf16()).flat_map(unit).collect();
        prop_assert_eq!(article_explorer::decode_text(&bytes).ok(), Some(text));
    }
}

/// Labelled hand-written cases that proptest would find only by luck.
#[test]
fn hand_written_hostile_texts_keep_every_promise() {
    let cases: &[(&str, &str)] = &[
        ("empty", ""),
        ("only white space", " \n\r\n\t\u{3000}\u{2028}"),
        ("only a BOM", "\u{FEFF}"),
        ("lone CR line endings", "One.\rTwo 2019.\rThree."),
        ("NUL inside a date", "May\u{0} 5, 2025\nIt began in 20\u{0}19."),
        ("ZWJ family emoji before a year", "👨‍👩‍👧 2020. 👍🏽 2021."),
        ("RTL override around a year", "\u{202E}2019 ,5 yaM\u{202C} and 2020."),
        ("combining marks on digits", "2\u{0301}019 and 2020\u{0308}."),
        ("astral Han around dates", "𠀀2025年11月5日𠀁。𠀂2019年。"),
        ("full-width digits", "２０２５年１１月５日，会议召开。"),
        ("dateline with odd spacing", "People's Daily ( November\u{A0}5 ,\t2025 )\nText."),
        ("closing punctuation runs", "He left.\"')]》」』 Then 2019!?!?\u{201D}"),
        ("separators only", "\u{2029}\u{2029}\u{2028}"),
    ];
    for (label, text) in cases {
        for lang in [LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Zh] {
            let options = Options { lang, ..Default::default() };
            if let Err(e) = check_all(text, &options) {
                panic!("{label} ({lang:?}): {e}");
            }
        }
    }
}
