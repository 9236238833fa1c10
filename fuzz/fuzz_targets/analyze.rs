//! The whole analysis: any text (invalid UTF-8 is decoded lossily, as the page's file reader
//! would show it), in each language mode. Every report must satisfy the contract's invariants
//! and survive a JSON round trip.
#![no_main]

use article_explorer::{LanguageChoice, Options, Report, analyze, fuzz_api::check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: article_explorer::fuzz_api::load_dictionary(), |data: &[u8]| {
    // The first byte picks the options, the rest is the text.
    let (mode, body) = data.split_first().unwrap_or((&0, &[]));
    let text = String::from_utf8_lossy(body);
    let lang = [LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Zh][*mode as usize % 3];
    let dct = (mode & 4 != 0).then(|| "2025-11-05".to_string());
    let options = Options { lang, dct, keyword_limit: (mode & 8 != 0).then_some(3), ..Default::default() };
    let report = analyze(&text, &options);
    if let Err(e) = check_report(&text, &report) {
        panic!("broken invariant: {e}");
    }
    let json = serde_json::to_string(&report).expect("report serializes");
    let back: Report = serde_json::from_str(&json).expect("report parses back");
    assert_eq!(back, report, "report does not round-trip through JSON");
});
