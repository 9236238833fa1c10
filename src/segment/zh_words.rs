//! Chinese word segmentation: jieba-rs (dictionary + HMM for unknown words) over runs of Han
//! characters.
//!
//! The dictionary (jieba's `dict.txt`, 4.2 MB raw, 1.7 MB gzip) is not compiled into the wasm:
//! the page fetches `jieba-dict.txt.gz` only when a text contains Han characters and hands it to
//! [`load_chinese_dictionary`]. The native build (CLI, tests) embeds the gzipped copy from
//! `data/zh/` and loads it on first use. Until a dictionary is loaded, Han text is segmented one
//! character per word and the report says so in its warnings.
//!
//! Users' own words ([`add_chinese_word`]) are kept and re-applied whenever a dictionary loads.
//!
//! The asset is jieba's dictionary (`word freq` lines), then a line `%%hmm`, then jieba's HMM model
//! (`hmm.model`). The vendored jieba-rs (vendor/jieba-rs) has no compiled-in HMM, which would put
//! ~190 KB gzip of tables in every reader's wasm; the model arrives with the dictionary instead.

use std::io::BufRead;
use std::ops::Range;
use std::sync::{LazyLock, RwLock};

use jieba_rs::Jieba;

use jieba_rs::HmmModel;

/// The line between the dictionary and the HMM model in the dictionary asset.
const HMM_MARKER: &[u8] = b"\n%%hmm\n";

/// The segmenter shared by every analysis in this process (one per wasm instance).
struct Engine {
    jieba: Jieba,
    /// Whether the asset carried the HMM for words missing from the dictionary.
    hmm: bool,
    /// Whether a dictionary has been loaded (else: one word per character, user words aside).
    dictionary: bool,
    /// Entries in the loaded dictionary.
    entries: usize,
    /// Words added by the user, re-applied after a dictionary loads.
    user_words: Vec<(String, Option<usize>)>,
}

static ENGINE: LazyLock<RwLock<Engine>> = LazyLock::new(|| RwLock::new(Engine::initial()));

/// The gzipped dictionary embedded in native builds.
#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED_DICT_GZ: &[u8] = include_bytes!("../../data/zh/jieba-dict.txt.gz");

impl Engine {
    fn empty() -> Self {
        Engine { jieba: Jieba::empty(), hmm: false, dictionary: false, entries: 0, user_words: Vec::new() }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn initial() -> Self {
        let mut engine = Engine::empty();
        if let Ok(text) = miniz_oxide::inflate::decompress_to_vec(gzip_payload(EMBEDDED_DICT_GZ)) {
            let _ = engine.load(&text);
        }
        engine
    }

    #[cfg(target_arch = "wasm32")]
    fn initial() -> Self {
        Engine::empty()
    }

    fn load(&mut self, asset: &[u8]) -> Result<usize, String> {
        let (dict, hmm) = match asset.windows(HMM_MARKER.len()).position(|w| w == HMM_MARKER) {
            Some(at) => (&asset[..at + 1], Some(&asset[at + HMM_MARKER.len()..])),
            None => (asset, None),
        };
        let hmm = match hmm {
            Some(mut bytes) => Some(HmmModel::load(&mut bytes).map_err(|e| format!("the Chinese HMM model could not be read: {e}"))?),
            None => None,
        };
        let mut jieba = Jieba::empty();
        let mut entries = 0;
        let mut reader: &[u8] = dict;
        let mut counting = CountLines { inner: &mut reader, lines: &mut entries };
        jieba.load_dict(&mut counting).map_err(|e| format!("the Chinese dictionary could not be read: {e}"))?;
        for (word, freq) in &self.user_words {
            jieba.add_word(word, *freq, None);
        }
        self.hmm = hmm.is_some();
        if let Some(model) = hmm {
            jieba.set_hmm_model(model);
        }
        self.jieba = jieba;
        self.dictionary = true;
        self.entries = entries;
        Ok(entries)
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

/// Loads a jieba dictionary (UTF-8 lines `word [frequency [tag]]`, optionally followed by a line
/// `%%hmm` and jieba's HMM model), replacing the one in use. Returns the number of entries. The
/// words added with [`add_chinese_word`] are kept.
///
/// ```
/// let n = article_explorer::load_chinese_dictionary(&mut "社会 100\n社会工作 50\n".as_bytes()).unwrap();
/// assert_eq!(n, 2);
/// # article_explorer::load_chinese_dictionary(&mut article_explorer::embedded_chinese_dictionary().unwrap().as_slice()).unwrap();
/// ```
pub fn load_chinese_dictionary(reader: &mut dyn BufRead) -> Result<usize, String> {
    let mut asset = Vec::new();
    reader.read_to_end(&mut asset).map_err(|e| format!("the Chinese dictionary could not be read: {e}"))?;
    let mut engine = ENGINE.write().unwrap_or_else(|e| e.into_inner());
    engine.load(&asset)
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

/// Adds a word of the user's (e.g. 全过程人民民主) so segmentation keeps it whole. `freq`
/// defaults to the frequency that makes jieba prefer the word over its parts. Returns `false`
/// for an empty word or one with white space.
///
/// ```
/// use article_explorer::{add_chinese_word, segment_line};
/// add_chinese_word("新就业群体", None);
/// assert!(segment_line("关心新就业群体").contains(&"新就业群体"));
/// ```
pub fn add_chinese_word(word: &str, freq: Option<usize>) -> bool {
    let Some(word) = crate::segment::tokens::user_word(word) else { return false };
    let mut engine = ENGINE.write().unwrap_or_else(|e| e.into_inner());
    let engine = &mut *engine;
    let freq = freq.or_else(|| engine.dictionary.then(|| engine.jieba.suggest_freq(word).max(1)));
    engine.jieba.add_word(word, freq, None);
    engine.user_words.retain(|(w, _)| w != word);
    engine.user_words.push((word.to_string(), freq));
    true
}

/// Whether a Chinese dictionary is loaded (always, natively; in the browser once the page has
/// fetched it), and how many entries it has.
///
/// ```
/// assert!(article_explorer::chinese_dictionary_status().0);
/// ```
pub fn chinese_dictionary_status() -> (bool, usize) {
    let engine = ENGINE.read().unwrap_or_else(|e| e.into_inner());
    (engine.dictionary, engine.entries)
}

/// Byte ranges (relative to `run`) of the words of `run`, a stretch of Han characters.
/// Without a dictionary: user words found greedily, else one character per word.
pub(crate) fn cut_han(run: &str, out: &mut Vec<Range<usize>>) {
    let engine = ENGINE.read().unwrap_or_else(|e| e.into_inner());
    if engine.dictionary {
        let base = run.as_ptr() as usize;
        for token in engine.jieba.cut(run, engine.hmm) {
            let start = token.word.as_ptr() as usize - base;
            out.push(start..start + token.word.len());
        }
        return;
    }
    let mut i = 0;
    'outer: while i < run.len() {
        for (word, _) in &engine.user_words {
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
