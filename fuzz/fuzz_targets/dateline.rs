//! Dateline detection: a valid date on char boundaries, or nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = article_explorer::fuzz_api::dateline(&text);
});
