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
    Err(format!(
        "The text is too large to analyze here: {} MB, the limit is {} MB. Split it into smaller parts \
         (the command-line tool has no limit).",
        megabytes_one_decimal(bytes),
        MAX_INPUT_BYTES >> 20
    ))
}

/// `bytes` in MiB with one decimal, as `format!("{:.1}", bytes as f64 / 1048576.0)` writes it
/// (ties to even), in integers: formatting an `f64` would link core's float printer (~15 KB)
/// into the wasm module, which has no other use for it (docs/weight.md).
fn megabytes_one_decimal(bytes: usize) -> String {
    const HALF: u64 = 1 << 19;
    let tenths = bytes as u64 * 10;
    let (mut q, r) = (tenths >> 20, tenths & ((1 << 20) - 1));
    if r > HALF || (r == HALF && q % 2 == 1) {
        q += 1;
    }
    format!("{}.{}", q / 10, q % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_are_written_like_the_float_formatter_does() {
        // Around the limit, exact ties (21.25 MiB, 20.05 MiB-ish) and every 1/64 MiB step up to 64 MiB.
        let mut sizes = vec![0, 1, MAX_INPUT_BYTES, MAX_INPUT_BYTES + 1, 22_282_240, 22_020_096, 104_858];
        sizes.extend((0..64 * 64).map(|i| i * (1 << 14)));
        sizes.extend((0..64 * 64).map(|i| i * (1 << 14) + (1 << 19) / 10));
        for b in sizes {
            assert_eq!(megabytes_one_decimal(b), format!("{:.1}", b as f64 / 1048576.0), "{b} bytes");
        }
        assert_eq!(format!("{}", MAX_INPUT_BYTES >> 20), format!("{:.0}", MAX_INPUT_BYTES as f64 / 1048576.0));
    }
}
