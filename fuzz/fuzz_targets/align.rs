//! The alignment of a text with its translation: any two texts (the input split at its first NUL
//! byte, or in half), in both orders. Errors for bad pairs are fine; panics and alignments that
//! lose a paragraph, put one in two rows or point at anchors that do not exist are not
//! (`fuzz_api::align` checks).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: article_explorer::fuzz_api::load_dictionary(), |data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let a = String::from_utf8_lossy(&data[..cut]);
    let b = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or(&[]));
    for (x, y) in [(&a, &b), (&b, &a)] {
        if let Err(problem) = article_explorer::fuzz_api::align(x, y) {
            panic!("{problem}");
        }
    }
});
