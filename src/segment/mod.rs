//! Segmentation: paragraphs and sections, sentences, tokens and Chinese words.

use std::ops::Range;

use crate::Language;
use sentences::split_sentences;
use tokens::{Token, tokenize};

pub(crate) mod sentences;
pub(crate) mod structure;
pub(crate) mod tokens;
#[cfg(feature = "zh")]
pub(crate) mod zh_words;
// Without `zh` (the page's light wasm module): the same functions, Han cut per character.
#[cfg(not(feature = "zh"))]
#[path = "zh_words_off.rs"]
pub(crate) mod zh_words;

/// Sentences (byte range, paragraph) and tokens of every paragraph of `structure`.
pub(crate) fn segment(text: &str, structure: &structure::Structure, words: &zh_words::ChineseWords) -> (Vec<(Range<usize>, usize)>, Vec<Token>) {
    let mut sentences = Vec::new();
    // Room for the tokens news text has (about one per 5.5 bytes of English, per 4.5 of Chinese),
    // trimmed at the end: growing by doubling would hold up to twice what is needed.
    let expected: usize = structure.paragraphs.iter().map(|p| p.range.len() / if p.language == Language::En { 5 } else { 4 }).sum();
    let mut tokens: Vec<Token> = Vec::with_capacity(expected + 16);
    for (p, para) in structure.paragraphs.iter().enumerate() {
        for range in split_sentences(text, para.range.clone()) {
            tokenize(text, range.clone(), words, &mut tokens);
            sentences.push((range, p));
        }
    }
    tokens.shrink_to_fit();
    (sentences, tokens)
}
