//! How much text one analysis accepts. The browser refuses more than [`MAX_INPUT_BYTES`] with
//! [`check_input_size`]'s message, before any work starts; the CLI and the library take any size.

use crate::text::error::Error;

/// The largest text (in UTF-8 bytes) the browser analyzes: 20 MB, about ten books. Analysis
/// memory is linear in the input, but its peak is 10–40 bytes per input byte (measured in
/// tests/pathological.rs; docs/robustness.md), so 20 MB keeps the worker under ~1 GB of the
/// 4 GB a wasm32 instance can address, with room for the report.
///
/// ```
/// assert_eq!(article_explorer::MAX_INPUT_BYTES, 20 * 1024 * 1024);
/// ```
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// `Ok` when a text of `bytes` UTF-8 bytes may be analyzed, otherwise [`Error::InputTooLarge`],
/// whose message says what to do.
///
/// ```
/// use article_explorer::{Error, MAX_INPUT_BYTES, check_input_size};
/// assert!(check_input_size(1_000).is_ok());
/// let error = check_input_size(MAX_INPUT_BYTES + 1).unwrap_err();
/// assert_eq!(error, Error::InputTooLarge { bytes: MAX_INPUT_BYTES + 1, limit: MAX_INPUT_BYTES });
/// assert!(error.to_string().contains("20 MB"));
/// ```
pub fn check_input_size(bytes: usize) -> Result<(), Error> {
    if bytes <= MAX_INPUT_BYTES {
        return Ok(());
    }
    Err(Error::InputTooLarge { bytes, limit: MAX_INPUT_BYTES })
}
