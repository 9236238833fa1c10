//! The temporal tagger: ranges on char boundaries, in order, without overlaps, every hit with a
//! value. The first byte picks the language rules and whether a reference date is known.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, body) = data.split_first().unwrap_or((&0, &[]));
    let text = String::from_utf8_lossy(body);
    let reference = (mode & 2 != 0).then_some("2025-11-05");
    let _ = article_explorer::fuzz_api::timexes(&text, mode & 1 != 0, reference);
});
