//! The sentence splitter and the paragraph parser: ranges in order, disjoint, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = article_explorer::fuzz_api::sentences(&text);
    let _ = article_explorer::fuzz_api::paragraphs(&text);
});
