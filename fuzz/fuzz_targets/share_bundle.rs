//! Bundle files: any bytes are read or refused, never a panic; a bundle that reads reads again
//! once written (checked in fuzz_api::share_bundle).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = article_explorer::fuzz_api::share_bundle(data);
});
