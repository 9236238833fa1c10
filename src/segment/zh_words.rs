//! Chinese word segmentation: jieba-rs (dictionary + HMM for unknown words) over runs of Han
//! characters.
//!
//! The dictionary (jieba's `dict.txt`, 4.2 MB raw, 1.7 MB gzip) is not compiled into the wasm:
//! the page fetches `jieba-dict.txt.gz` only when a text contains Han characters and hands it to
//! its engine. The native build (CLI, tests) embeds the gzipped copy from `data/zh/`, parses it
//! once on first use and shares the parsed dictionary between every engine that uses it. Until
//! an engine has a dictionary, Han text is segmented one character per word (the user's words
//! kept whole) and the report says so in its warnings.
//!
//! The asset is jieba's dictionary (`word freq` lines), then a line `%%hmm`, then jieba's HMM model
//! (`hmm.model`). The vendored jieba-rs (vendor/jieba-rs) has no compiled-in HMM, which would put
//! ~190 KB gzip of tables in every reader's wasm; the model arrives with the dictionary instead.

use std::io::BufRead;
use std::ops::Range;
use std::sync::Arc;

use jieba_rs::{HmmModel, Jieba};

use crate::text::error::Error;

/// The line between the dictionary and the HMM model in the dictionary asset.
const HMM_MARKER: &[u8] = b"\n%%hmm\n";

/// A parsed dictionary, with the user's words added once any exist.
#[derive(Clone)]
struct Dictionary {
    jieba: Jieba,
    /// Whether the asset carried the HMM for words missing from the dictionary.
    hmm: bool,
    /// Entries in the dictionary as loaded (the user's words not counted).
    entries: usize,
}

/// The Chinese word segmenter of one engine: a dictionary (shared until the user's words change
/// it) and the user's words. Cloning is cheap: the dictionary is behind an `Arc`, and only an
/// engine that adds words to a shared dictionary copies it (once).
#[derive(Clone, Default)]
pub(crate) struct ChineseWords {
    dictionary: Option<Arc<Dictionary>>,
    /// The user's words in the order added, with the frequency jieba was given: replayed when a
    /// dictionary loads, matched greedily while there is none.
    user_words: Vec<(String, Option<usize>)>,
}

impl std::fmt::Debug for ChineseWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChineseWords").field("entries", &self.status().1).field("user_words", &self.user_words.len()).finish()
    }
}

/// The gzipped dictionary embedded in native builds.
#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED_DICT_GZ: &[u8] = include_bytes!("../../data/zh/jieba-dict.txt.gz");

impl ChineseWords {
    /// The segmenter with the embedded dictionary (native builds; parsed once per process and
    /// shared), or without a dictionary (the wasm build, which fetches it).
    pub(crate) fn with_default_dictionary() -> ChineseWords {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Immutable once parsed: every engine built from it shares this one copy.
            static DEFAULT: std::sync::LazyLock<Option<Arc<Dictionary>>> =
                std::sync::LazyLock::new(|| embedded_chinese_dictionary().and_then(|asset| Dictionary::parse(&asset).ok()).map(Arc::new));
            ChineseWords { dictionary: DEFAULT.clone(), user_words: Vec::new() }
        }
        #[cfg(target_arch = "wasm32")]
        {
            ChineseWords::default()
        }
    }

    /// Replaces the dictionary with the one `reader` holds (the user's words are kept) and
    /// returns its number of entries.
    pub(crate) fn load(&mut self, reader: &mut dyn BufRead) -> Result<usize, Error> {
        let mut asset = Vec::new();
        reader.read_to_end(&mut asset).map_err(|e| Error::ChineseDictionary { reason: e.to_string() })?;
        let mut dictionary = Dictionary::parse(&asset)?;
        for (word, freq) in &self.user_words {
            dictionary.jieba.add_word(word, *freq, None);
        }
        let entries = dictionary.entries;
        self.dictionary = Some(Arc::new(dictionary));
        Ok(entries)
    }

    /// Adds a user word (already checked: not empty, no white space). `freq` defaults to the
    /// frequency that makes jieba prefer the word over its parts.
    pub(crate) fn add_word(&mut self, word: &str, freq: Option<usize>) {
        // Words are cut in Simplified script (see `cut`): a word given in Traditional is kept in
        // its Simplified form, which matches both scripts.
        let shadow = crate::text::script::simplified(word);
        let word = shadow.as_ref();
        let freq = match &mut self.dictionary {
            Some(dictionary) => {
                let jieba = &mut Arc::make_mut(dictionary).jieba;
                let freq = freq.unwrap_or_else(|| jieba.suggest_freq(word).max(1));
                jieba.add_word(word, Some(freq), None);
                Some(freq)
            }
            None => freq,
        };
        self.user_words.retain(|(w, _)| w != word);
        self.user_words.push((word.to_string(), freq));
    }

    /// Whether a dictionary is loaded, and its number of entries.
    pub(crate) fn status(&self) -> (bool, usize) {
        self.dictionary.as_ref().map_or((false, 0), |d| (true, d.entries))
    }

    /// Byte ranges (relative to `run`) of the words of `run`, a stretch of Han characters in
    /// Simplified script (Traditional text is cut through its shadow, `text::script`, which the
    /// callers make once for the whole text). Without a dictionary: user words found greedily, else one character per word.
    pub(crate) fn cut(&self, run: &str, out: &mut Vec<Range<usize>>) {
        if let Some(dictionary) = &self.dictionary {
            let base = run.as_ptr() as usize;
            for token in dictionary.jieba.cut(run, dictionary.hmm) {
                let start = token.word.as_ptr() as usize - base;
                out.push(start..start + token.word.len());
            }
            return;
        }
        super::cut_greedily(run, self.user_words.iter().map(|(w, _)| w.as_str()), out);
    }
}

impl Dictionary {
    fn parse(asset: &[u8]) -> Result<Dictionary, Error> {
        let (dict, hmm) = match asset.windows(HMM_MARKER.len()).position(|w| w == HMM_MARKER) {
            Some(at) => (&asset[..at + 1], Some(&asset[at + HMM_MARKER.len()..])),
            None => (asset, None),
        };
        let hmm = match hmm {
            Some(mut bytes) => Some(HmmModel::load(&mut bytes).map_err(|e| Error::ChineseHmmModel { reason: e.to_string() })?),
            None => None,
        };
        let mut jieba = Jieba::empty();
        let mut entries = 0;
        let mut reader: &[u8] = dict;
        let mut counting = CountLines { inner: &mut reader, lines: &mut entries };
        jieba.load_dict(&mut counting).map_err(|e| Error::ChineseDictionary { reason: e.to_string() })?;
        let has_hmm = hmm.is_some();
        if let Some(model) = hmm {
            jieba.set_hmm_model(model);
        }

        Ok(Dictionary { jieba, hmm: has_hmm, entries })
    }
}

/// A `BufRead` that counts the lines read through it.
struct CountLines<'a> {
    inner: &'a mut dyn BufRead,
    lines: &'a mut usize,
}

impl std::io::Read for CountLines<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl BufRead for CountLines<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt)
    }
    fn read_line(&mut self, buf: &mut String) -> std::io::Result<usize> {
        let n = self.inner.read_line(buf)?;
        if n > 0 && !buf.trim().is_empty() {
            *self.lines += 1;
        }
        Ok(n)
    }
}

/// The deflate stream inside a gzip member (RFC 1952), header fields skipped.
#[cfg(not(target_arch = "wasm32"))]
fn gzip_payload(gz: &[u8]) -> &[u8] {
    if gz.len() < 18 || gz[0] != 0x1f || gz[1] != 0x8b {
        return &[];
    }
    let flags = gz[3];
    let mut i = 10;
    if flags & 4 != 0 {
        let xlen = u16::from_le_bytes([gz[i], gz[i + 1]]) as usize;
        i += 2 + xlen;
    }
    for bit in [8, 16] {
        if flags & bit != 0 {
            while i < gz.len() && gz[i] != 0 {
                i += 1;
            }
            i += 1;
        }
    }
    if flags & 2 != 0 {
        i += 2;
    }
    gz.get(i..gz.len().saturating_sub(8)).unwrap_or(&[])
}

/// The dictionary embedded in native builds, inflated (`None` in the wasm build, which fetches it).
///
/// ```
/// let dict = article_explorer::embedded_chinese_dictionary().unwrap();
/// assert!(dict.len() > 4_000_000);
/// ```
pub fn embedded_chinese_dictionary() -> Option<Vec<u8>> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        miniz_oxide::inflate::decompress_to_vec(gzip_payload(EMBEDDED_DICT_GZ)).ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}
