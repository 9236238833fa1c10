//! The one error type of the public API. Every fallible public function returns it; its
//! `Display` is the message a person reads (the CLI prints it after `article-explorer:`, the page
//! shows it), so the messages are written for readers.

use crate::text::decode::DecodeError;

/// What went wrong, by kind. New kinds may be added, so a `match` needs a wildcard arm.
///
/// ```
/// use article_explorer::Error;
/// let error = article_explorer::parse_date("2025-02-30").unwrap_err();
/// assert_eq!(error, Error::InvalidDate { value: "2025-02-30".into() });
/// assert_eq!(error.to_string(), r#"invalid date "2025-02-30": expected YYYY-MM-DD"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A date that is not a valid `YYYY-MM-DD` calendar date.
    InvalidDate {
        /// The date as given.
        value: String,
    },
    /// A text larger than the browser analyzes ([`crate::MAX_INPUT_BYTES`]).
    InputTooLarge {
        /// The text's size in UTF-8 bytes.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// The words part of a Chinese dictionary could not be read.
    ChineseDictionary {
        /// What was wrong with it.
        reason: String,
    },
    /// The HMM model after a Chinese dictionary's `%%hmm` line could not be read.
    ChineseHmmModel {
        /// What was wrong with it.
        reason: String,
    },
    /// This build has no Chinese word segmentation (built without the `zh` feature).
    NoChineseSupport,
    /// Bytes that could not be read as text.
    Decode(DecodeError),
    /// An option with a value outside its choices.
    InvalidOption {
        /// What the option sets, as a reader names it (`language`, `mode`).
        option: String,
        /// The value as given.
        value: String,
        /// The values accepted, as a sentence fragment (`auto, en or zh`).
        expected: String,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidDate { value } => write!(f, "invalid date {value:?}: expected YYYY-MM-DD"),
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "The text is too large to analyze here: {} MB, the limit is {} MB. Split it into smaller parts \
                 (the command-line tool has no limit).",
                megabytes_one_decimal(*bytes),
                limit >> 20
            ),
            Error::ChineseDictionary { reason } => write!(f, "the Chinese dictionary could not be read: {reason}"),
            Error::ChineseHmmModel { reason } => write!(f, "the Chinese HMM model could not be read: {reason}"),
            Error::NoChineseSupport => write!(f, "this build has no Chinese word segmentation (built without the `zh` feature)"),
            Error::Decode(e) => e.fmt(f),
            Error::InvalidOption { option, value, expected } => write!(f, "unknown {option} {value:?}: expected {expected}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Decode(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}

/// `bytes` in MiB with one decimal, as `format!("{:.1}", bytes as f64 / 1048576.0)` writes it
/// (ties to even), in integers: formatting an `f64` would link core's float printer (~15 KB)
/// into the wasm module, which has no other use for it.
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
        let limit = crate::MAX_INPUT_BYTES;
        let mut sizes = vec![0, 1, limit, limit + 1, 22_282_240, 22_020_096, 104_858];
        sizes.extend((0..64 * 64).map(|i| i * (1 << 14)));
        sizes.extend((0..64 * 64).map(|i| i * (1 << 14) + (1 << 19) / 10));
        for b in sizes {
            assert_eq!(megabytes_one_decimal(b), format!("{:.1}", b as f64 / 1048576.0), "{b} bytes");
        }
        assert_eq!(format!("{}", limit >> 20), format!("{:.0}", limit as f64 / 1048576.0));
    }

    #[test]
    fn every_kind_has_a_readable_message() {
        let cases = [
            (Error::InvalidDate { value: "2025-13-01".into() }, r#"invalid date "2025-13-01": expected YYYY-MM-DD"#),
            (Error::ChineseDictionary { reason: "line 3".into() }, "the Chinese dictionary could not be read: line 3"),
            (Error::ChineseHmmModel { reason: "bad".into() }, "the Chinese HMM model could not be read: bad"),
            (Error::NoChineseSupport, "this build has no Chinese word segmentation (built without the `zh` feature)"),
            (Error::Decode(DecodeError::Binary), "this looks like a binary file, not text"),
            (
                Error::InvalidOption { option: "language".into(), value: "fr".into(), expected: "auto, en or zh".into() },
                r#"unknown language "fr": expected auto, en or zh"#,
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
        let large = Error::InputTooLarge { bytes: 22_282_240, limit: 20 << 20 }.to_string();
        assert!(large.starts_with("The text is too large to analyze here: 21.2 MB, the limit is 20 MB."), "{large}");
    }
}
