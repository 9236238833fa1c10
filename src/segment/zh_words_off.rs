//! Chinese words in a build without the `zh` feature (the page's light wasm module, see
//! docs/weight.md): no jieba and no dictionary. Han text is cut one character per word (words the
//! user added are kept whole) and the report warns; the page's worker switches to the full
//! module before it analyzes any text with Han characters, so readers never see this fallback.
//! Same items as `zh_words.rs`.

use std::io::BufRead;
use std::ops::Range;

use crate::text::error::Error;

/// The Chinese word segmenter of one engine in this build: the user's words, matched greedily.
#[derive(Debug, Clone, Default)]
pub(crate) struct ChineseWords {
    user_words: Vec<String>,
}

impl ChineseWords {
    /// No dictionary exists in this build.
    pub(crate) fn with_default_dictionary() -> ChineseWords {
        ChineseWords::default()
    }

    /// Always [`Error::NoChineseSupport`]: this build has no segmenter to load a dictionary into.
    pub(crate) fn load(&mut self, _reader: &mut dyn BufRead) -> Result<usize, Error> {
        Err(Error::NoChineseSupport)
    }

    /// Adds a user word (already checked: not empty, no white space). `freq` matters only to
    /// the full build's segmenter.
    pub(crate) fn add_word(&mut self, word: &str, _freq: Option<usize>) {
        self.user_words.retain(|w| w != word);
        self.user_words.push(word.to_string());
    }

    /// Never loaded in this build: `(false, 0)`.
    pub(crate) fn status(&self) -> (bool, usize) {
        (false, 0)
    }

    /// Byte ranges (relative to `run`) of the words of `run`: user words found greedily, else one
    /// character per word.
    pub(crate) fn cut(&self, run: &str, out: &mut Vec<Range<usize>>) {
        super::cut_greedily(run, self.user_words.iter().map(String::as_str), out);
    }
}

/// No dictionary is embedded in this build.
///
/// ```
/// # #[cfg(not(feature = "zh"))]
/// assert!(article_explorer::embedded_chinese_dictionary().is_none());
/// ```
pub fn embedded_chinese_dictionary() -> Option<Vec<u8>> {
    None
}
