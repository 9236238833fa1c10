//! Segmentation: paragraphs and sections, sentences, tokens and Chinese words.

pub(crate) mod sentences;
pub(crate) mod structure;
pub(crate) mod tokens;
#[cfg(feature = "zh")]
pub(crate) mod zh_words;
// Without `zh` (the page's light wasm module): the same functions, Han cut per character.
#[cfg(not(feature = "zh"))]
#[path = "zh_words_off.rs"]
pub(crate) mod zh_words;
