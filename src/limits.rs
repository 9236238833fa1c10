//! How much text one analysis accepts. The browser refuses more than [`MAX_INPUT_BYTES`] with
//! [`check_input_size`]'s message, before any work starts; the CLI and the library take any size.

/// The largest text (in UTF-8 bytes) the browser analyzes: 20 MB, about ten books. Analysis
/// memory is linear in the input, but its peak is 10–40 bytes per input byte (measured in
/// tests/pathological.rs; docs/robustness.md), so 20 MB keeps the worker under ~1 GB of the
/// 4 GB a wasm32 instance can address, with room for the report.
///
/// ```
/// assert_eq!(article_explorer::MAX_INPUT_BYTES, 20 * 1024 * 1024);
/// ```
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// `Ok` when a text of `bytes` UTF-8 bytes may be analyzed, otherwise the message to show.
///
/// ```
/// use article_explorer::{MAX_INPUT_BYTES, check_input_size};
/// assert!(check_input_size(1_000).is_ok());
/// let message = check_input_size(MAX_INPUT_BYTES + 1).unwrap_err();
/// assert!(message.contains("20 MB"));
/// ```
pub fn check_input_size(bytes: usize) -> Result<(), String> {
    if bytes <= MAX_INPUT_BYTES {
        return Ok(());
    }
    let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
    Err(format!(
        "The text is too large to analyze here: {:.1} MB, the limit is {:.0} MB. Split it into smaller parts \
         (the command-line tool has no limit).",
        mb(bytes),
        mb(MAX_INPUT_BYTES)
    ))
}
