//! Concordance and comparison: any text, any query, each match mode, with the default engine or
//! (odd first byte) an engine without a dictionary that has the query as a user word. Lines
//! quote the text at their offsets (UTF-16, in bounds, not splitting a surrogate pair), in
//! document order, at most `limit` of them; `compare` of the two halves does not panic.
#![no_main]

use article_explorer::{ConcordanceOptions, Engine, MatchMode, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: article_explorer::fuzz_api::load_dictionary(), |data: &[u8]| {
    // First byte: query length and mode; then the query, then the text.
    let (head, rest) = data.split_first().unwrap_or((&0, &[]));
    let qlen = (*head as usize % 32).min(rest.len());
    let query = String::from_utf8_lossy(&rest[..qlen]);
    let text = String::from_utf8_lossy(&rest[qlen..]);
    let units: Vec<u16> = text.encode_utf16().collect();
    let engine = if head % 2 == 1 { Engine::without_chinese_dictionary().with_user_words([&*query]) } else { Engine::new() };
    let index = engine.concordance(&text);
    for mode in [MatchMode::Term, MatchMode::Exact, MatchMode::Text] {
        let options = ConcordanceOptions { mode, context: 20, limit: 50 };
        let result = index.query(&query, &options);
        assert!(result.lines.len() <= 50 && result.total >= result.lines.len());
        let mut last = 0;
        for line in &result.lines {
            assert!(line.start <= line.end && line.end <= units.len(), "line {}..{} out of bounds", line.start, line.end);
            for b in [line.start, line.end] {
                assert!(b == units.len() || !(0xDC00..0xE000).contains(&units[b]), "line boundary {b} splits a surrogate pair");
            }
            assert_eq!(String::from_utf16_lossy(&units[line.start..line.end]), line.text, "line text is not the text at its offsets");
            assert!(line.start >= last, "lines out of document order");
            last = line.start;
        }
    }
    let half = text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i);
    let _ = engine.compare(&text[..half], &text[half..], &Options::default());
});
