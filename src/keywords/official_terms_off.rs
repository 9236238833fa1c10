//! Official terms in a build without the `zh` feature (the page's light wasm module, see
//! docs/weight.md): no built-in lexicon (its terms are Chinese, which this build does not read),
//! only the terms added, kept in a list and found by a scan: no hash tables of their own in the
//! module every first visit loads. Same items as `official_terms.rs`.

use crate::segment::tokens::{Token, TokenKind};

/// An official-terms lexicon: the terms keyword analysis counts as one word even where the word
/// segmenter cuts them. In this build the built-in lexicon is empty.
///
/// ```
/// let mut terms = article_explorer::OfficialTerms::default();
/// assert!(terms.insert("新就业群体"));
/// assert_eq!(terms.terms(), ["新就业群体"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct OfficialTerms {
    terms: Vec<String>,
}

impl OfficialTerms {
    /// The built-in lexicon: empty in this build.
    ///
    /// ```
    /// # #[cfg(not(feature = "zh"))]
    /// assert!(article_explorer::OfficialTerms::builtin().is_empty());
    /// ```
    pub fn builtin() -> OfficialTerms {
        OfficialTerms::default()
    }

    /// Adds a term (trimmed). Returns `false`, changing nothing, for an empty term or one with
    /// white space.
    ///
    /// ```
    /// let mut terms = article_explorer::OfficialTerms::default();
    /// assert!(terms.insert(" 新质生产力 ") && !terms.insert("新质 生产力"));
    /// assert_eq!(terms.len(), 1);
    /// ```
    pub fn insert(&mut self, term: &str) -> bool {
        let Some(term) = normalize(term) else { return false };
        if !self.contains(term) {
            self.terms.push(term.to_string());
        }
        true
    }

    /// Takes a term out. Returns whether it was there.
    ///
    /// ```
    /// let mut terms = article_explorer::OfficialTerms::default();
    /// terms.insert("新就业群体");
    /// assert!(terms.remove("新就业群体") && !terms.remove("新就业群体"));
    /// ```
    pub fn remove(&mut self, term: &str) -> bool {
        let before = self.terms.len();
        if let Some(term) = normalize(term) {
            self.terms.retain(|t| t != term);
        }
        self.terms.len() != before
    }

    /// Whether `term` is in the lexicon.
    ///
    /// ```
    /// assert!(!article_explorer::OfficialTerms::default().contains("一带一路"));
    /// ```
    pub fn contains(&self, term: &str) -> bool {
        normalize(term).is_some_and(|term| self.terms.iter().any(|t| t == term))
    }

    /// How many terms the lexicon holds.
    ///
    /// ```
    /// assert_eq!(article_explorer::OfficialTerms::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the lexicon holds no term.
    ///
    /// ```
    /// assert!(article_explorer::OfficialTerms::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, sorted.
    ///
    /// ```
    /// let mut terms = article_explorer::OfficialTerms::default();
    /// terms.insert("乙");
    /// terms.insert("甲");
    /// assert_eq!(terms.terms(), ["乙", "甲"]);
    /// ```
    pub fn terms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.terms.iter().map(String::as_str).collect();
        crate::text::sort::sort(&mut out);
        out
    }

    /// The last token of the longest term that starts at Chinese token `i` and runs over adjacent
    /// Chinese tokens of `shadow`, or `i` itself.
    pub(crate) fn term_end(&self, shadow: &str, tokens: &[Token], i: usize) -> usize {
        let start = tokens[i].range.start;
        let (mut best, mut j) = (i, i);
        while !self.terms.is_empty() {
            match tokens.get(j + 1) {
                Some(next) if next.kind == TokenKind::Cjk && next.range.start == tokens[j].range.end => j += 1,
                _ => break,
            }
            let piece = &shadow[start..tokens[j].range.end];
            if self.terms.iter().any(|t| t == piece) {
                best = j;
            }
            if !self.terms.iter().any(|t| t.starts_with(piece)) {
                break;
            }
        }
        best
    }
}

/// A term as the lexicon stores it: trimmed; `None` when empty or spaced.
fn normalize(term: &str) -> Option<&str> {
    let term = term.trim();
    (!term.is_empty() && !term.chars().any(char::is_whitespace)).then_some(term)
}
