//! Keyword frequencies.
//!
//! Foundation version: case-folded word counts without stopwords and numbers; the display form
//! is the most frequent surface form.

use std::collections::HashMap;

use crate::stopwords::Stopwords;
use crate::tokens::{Token, TokenKind};

/// A keyword in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeywordHit {
    pub term: String,
    pub occurrences: Vec<std::ops::Range<usize>>,
}

/// Counts content words among `tokens`, most frequent first (ties alphabetical), at most `limit`.
pub(crate) fn count_keywords(text: &str, tokens: &[Token], limit: usize) -> Vec<KeywordHit> {
    struct Entry<'t> {
        forms: HashMap<&'t str, usize>,
        occurrences: Vec<std::ops::Range<usize>>,
    }
    let mut entries: HashMap<String, Entry> = HashMap::new();
    for token in tokens {
        if !matches!(token.kind, TokenKind::Word | TokenKind::Cjk) {
            continue;
        }
        let surface = &text[token.range.clone()];
        let key = surface.to_lowercase();
        if Stopwords::english().contains(&key) || Stopwords::chinese().contains(&key) {
            continue;
        }
        if token.kind == TokenKind::Cjk && surface.chars().count() < 2 {
            continue;
        }
        let entry = entries.entry(key).or_insert_with(|| Entry { forms: HashMap::new(), occurrences: Vec::new() });
        *entry.forms.entry(surface).or_default() += 1;
        entry.occurrences.push(token.range.clone());
    }
    let mut hits: Vec<KeywordHit> = entries
        .into_values()
        .map(|e| {
            let term = e
                .forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(f, _)| f.to_string())
                .unwrap_or_default();
            KeywordHit { term, occurrences: e.occurrences }
        })
        .collect();
    hits.sort_by(|a, b| b.occurrences.len().cmp(&a.occurrences.len()).then_with(|| a.term.cmp(&b.term)));
    hits.truncate(limit);
    hits
}
