//! Chinese words in a build without the `zh` feature (the page's light wasm module, see
//! docs/weight.md): no jieba and no dictionary. Han text is cut one character per word (words the
//! user added are kept whole) and the report warns; the page's worker switches to the full
//! module before it analyzes any text with Han characters, so readers never see this fallback.
//! Same functions as src/zh_words.rs.

use std::io::BufRead;
use std::ops::Range;
use std::sync::RwLock;

/// Words added by the user, matched greedily.
static USER_WORDS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Always an error here: this build has no Chinese segmenter to load a dictionary into.
///
/// ```
/// # #[cfg(not(feature = "zh"))]
/// assert!(article_explorer::load_chinese_dictionary(&mut "社会 100\n".as_bytes()).is_err());
/// ```
pub fn load_chinese_dictionary(_reader: &mut dyn BufRead) -> Result<usize, String> {
    Err("this build has no Chinese word segmentation (built without the `zh` feature)".into())
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

/// Adds a word of the user's, kept whole when Han text is cut. Returns `false` for an empty
/// word or one with white space. (`freq` matters only to the full build's segmenter.)
///
/// ```
/// assert!(article_explorer::add_chinese_word("新就业群体", None));
/// ```
pub fn add_chinese_word(word: &str, _freq: Option<usize>) -> bool {
    let Some(word) = crate::segment::tokens::user_word(word) else { return false };
    let mut words = USER_WORDS.write().unwrap_or_else(|e| e.into_inner());
    words.retain(|w| w != word);
    words.push(word.to_string());
    true
}

/// Never loaded in this build: `(false, 0)`.
///
/// ```
/// # #[cfg(not(feature = "zh"))]
/// assert_eq!(article_explorer::chinese_dictionary_status(), (false, 0));
/// ```
pub fn chinese_dictionary_status() -> (bool, usize) {
    (false, 0)
}

/// Byte ranges (relative to `run`) of the words of `run`: user words found greedily, else one
/// character per word.
pub(crate) fn cut_han(run: &str, out: &mut Vec<Range<usize>>) {
    let words = USER_WORDS.read().unwrap_or_else(|e| e.into_inner());
    let mut i = 0;
    'outer: while i < run.len() {
        for word in words.iter() {
            if run[i..].starts_with(word.as_str()) {
                out.push(i..i + word.len());
                i += word.len();
                continue 'outer;
            }
        }
        let len = run[i..].chars().next().map_or(1, char::len_utf8);
        out.push(i..i + len);
        i += len;
    }
}
