//! The corpus archive reader: any bytes as a `.zip` give articles and skipped entries, each with
//! its path and a reason, or one broken-archive refusal; never a panic, never more text than the
//! limit lets through, and every entry is visited once (the walk ends).
#![no_main]

use article_explorer::corpus::{IntakeOptions, SkipReason, ZipEntries};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = IntakeOptions { max_bytes: 1 << 16 };
    match ZipEntries::open(std::io::Cursor::new(data), "fuzz.zip", options) {
        Ok(entries) => {
            // A directory lists at most one entry per 46 bytes (the size of a central header).
            let mut seen = 0usize;
            for item in entries {
                seen += 1;
                assert!(seen <= data.len() / 46 + 1, "more entries than the archive can hold");
                match item {
                    // Decoding UTF-16 to UTF-8 at most adds half again.
                    Ok(doc) => assert!(doc.path.starts_with("fuzz.zip!") && doc.text.len() as u64 <= options.max_bytes * 3 / 2),
                    Err(skipped) => assert!(skipped.path.starts_with("fuzz.zip!") && !skipped.message.is_empty()),
                }
            }
        }
        Err(skipped) => assert!(matches!(skipped.reason, SkipReason::BrokenArchive { .. }) && skipped.path == "fuzz.zip"),
    }
});
