//! File decoding: any bytes give text or a refusal, never a panic; text that came back decodes
//! to itself again when saved as UTF-8 (the page re-reads what it stored).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = article_explorer::fuzz_api::decode(data) {
        if !text.is_empty() && !text.contains('\0') {
            // What decoded once must decode again as UTF-8 unless it is refused as binary.
            match article_explorer::fuzz_api::decode(text.as_bytes()) {
                Ok(again) => assert_eq!(again, text.strip_prefix('\u{FEFF}').unwrap_or(&text)),
                Err(article_explorer::DecodeError::Binary) => {}
                Err(e) => panic!("decoded text does not decode again: {e}"),
            }
        }
    }
});
