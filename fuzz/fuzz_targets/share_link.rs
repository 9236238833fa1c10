//! Share links: any fragment, or any payload packed into one, is read or refused, never a panic;
//! a link that reads writes back to one that reads the same (checked in fuzz_api::share_link).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = article_explorer::fuzz_api::share_link(data);
});
