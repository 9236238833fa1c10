//! Segmentation: paragraphs and sections, sentences, tokens and Chinese words.

use std::ops::Range;

use crate::Language;
use sentences::split_sentences;
use tokens::{Token, Tokenizer};

pub(crate) mod sentences;
pub(crate) mod structure;
pub(crate) mod tokens;
#[cfg(feature = "zh")]
pub(crate) mod zh_words;
// Without `zh` (the page's light wasm module): the same functions, Han cut per character.
#[cfg(not(feature = "zh"))]
#[path = "zh_words_off.rs"]
pub(crate) mod zh_words;

/// Sentences (byte range, paragraph) and tokens of every paragraph of `structure`, read from
/// `text`, a Simplified shadow (`text::script`).
pub(crate) fn segment(text: &str, structure: &structure::Structure, words: &zh_words::ChineseWords) -> (Vec<(Range<usize>, usize)>, Vec<Token>) {
    let mut sentences = Vec::new();
    // Room for the tokens news text has (about one per 5.5 bytes of English, per 4.5 of Chinese),
    // trimmed at the end: growing by doubling would hold up to twice what is needed.
    let expected: usize = structure.paragraphs.iter().map(|p| p.range.len() / if p.language == Language::En { 5 } else { 4 }).sum();
    let mut tokens: Vec<Token> = Vec::with_capacity(expected + 16);
    let mut tokenizer = Tokenizer::new(words);
    for (p, para) in structure.paragraphs.iter().enumerate() {
        for range in split_sentences(text, para.range.clone()) {
            tokenizer.tokenize(text, range.clone(), &mut tokens);
            sentences.push((range, p));
        }
    }
    tokens.shrink_to_fit();
    (sentences, tokens)
}

/// Byte ranges (relative to `run`, a stretch of Han characters) of its words when no dictionary
/// cuts it: the user's `words` where they start (the first listed wins), else one character per
/// word.
pub(crate) fn cut_greedily<'w>(run: &str, words: impl Iterator<Item = &'w str> + Clone, out: &mut Vec<Range<usize>>) {
    let mut i = 0;
    while i < run.len() {
        let len = words
            .clone()
            .find(|w| !w.is_empty() && run[i..].starts_with(w))
            .map_or_else(|| run[i..].chars().next().map_or(1, char::len_utf8), str::len);
        out.push(i..i + len);
        i += len;
    }
}
