//! Official terms and names counted as one keyword (二十届三中全会, 全过程人民民主, ministries,
//! leaders' names): the built-in lexicon (`data/zh/official-terms.txt`) with a reader's edits.
//!
//! The word segmenter may cut such a term (二十届 / 三中全会, PKU-style); the keyword stage joins
//! the adjacent Chinese tokens that spell a term of the lexicon into one word. Terms are matched
//! on the text's Simplified shadow, so Traditional text matches the Simplified lexicon.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashSet;

use crate::segment::tokens::{Token, TokenKind};
use crate::text::char_bits::CharBits;

/// Terms with every proper prefix of each (so a token that starts none is dismissed with one lookup).
#[derive(Debug, Clone, Default)]
struct TermSet {
    terms: FxHashSet<Box<str>>,
    prefixes: FxHashSet<Box<str>>,
    /// The terms' first characters in the Basic Multilingual Plane: most Chinese tokens start no
    /// term, and a bit turns them away where the lookup in the large prefix set missed the cache.
    first_chars: CharBits,
}

impl TermSet {
    /// False when no term starts with `c`.
    fn may_start(&self, c: char) -> bool {
        if (c as u32) >= 0x1_0000 {
            return !self.terms.is_empty();
        }
        self.first_chars.get(c as usize)
    }

    fn insert(&mut self, term: &str) {
        if let Some(c) = term.chars().next() {
            self.first_chars.set_char(c);
        }
        for (at, _) in term.char_indices().skip(1) {
            if !self.prefixes.contains(&term[..at]) {
                self.prefixes.insert(term[..at].into());
            }
        }
        self.terms.insert(term.into());
    }
}

/// An official-terms lexicon: the terms keyword analysis counts as one word even where the word
/// segmenter cuts them. An [`Engine`](crate::Engine) owns one
/// ([`Engine::official_terms`](crate::Engine::official_terms)); the built-in list is parsed once
/// and shared by every copy, and edits are kept beside it.
///
/// Terms are stored in Simplified script (a Traditional term given is converted), trimmed; a term
/// joins whole Chinese tokens only, so a term that ends inside a word of the segmenter is not
/// found (add it as a user word, [`Engine::add_user_word`](crate::Engine::add_user_word), instead).
///
/// ```
/// use article_explorer::OfficialTerms;
/// let mut terms = OfficialTerms::default();
/// assert!(terms.insert("新就業群體"));
/// assert!(terms.contains("新就业群体") && terms.contains("新就業群體"));
/// assert_eq!(terms.terms(), ["新就业群体"]);
/// # #[cfg(feature = "zh")]
/// assert!(OfficialTerms::builtin().contains("二十届三中全会"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct OfficialTerms {
    /// The list this lexicon started from (the built-in one, or empty), shared.
    base: Arc<TermSet>,
    /// Terms added, none of them in `base`.
    added: TermSet,
    /// Terms of `base` taken out.
    removed: FxHashSet<Box<str>>,
}

impl OfficialTerms {
    /// The built-in lexicon (`data/zh/official-terms.txt`: numbered congresses, plenums and
    /// plans, state bodies, leaders' names, policy terms; empty in a build without the `zh`
    /// feature). Parsed on the first call; every later one shares it.
    ///
    /// ```
    /// # #[cfg(feature = "zh")]
    /// assert!(article_explorer::OfficialTerms::builtin().len() >= 500);
    /// ```
    pub fn builtin() -> OfficialTerms {
        static BUILTIN: LazyLock<Arc<TermSet>> = LazyLock::new(|| {
            let mut set = TermSet::default();
            for term in data!("zh/official-terms.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                set.insert(term);
            }
            Arc::new(set)
        });
        OfficialTerms { base: BUILTIN.clone(), ..Default::default() }
    }

    /// Adds a term (trimmed; Traditional script converted to Simplified). Returns `false`,
    /// changing nothing, for an empty term or one with white space.
    ///
    /// ```
    /// let mut terms = article_explorer::OfficialTerms::default();
    /// assert!(terms.insert(" 新质生产力 "));
    /// assert!(!terms.insert("新质 生产力"));
    /// assert_eq!(terms.len(), 1);
    /// ```
    pub fn insert(&mut self, term: &str) -> bool {
        let Some(term) = normalize(term) else { return false };
        if !self.removed.remove(term.as_str()) && !self.base.terms.contains(term.as_str()) {
            self.added.insert(&term);
        }
        true
    }

    /// Takes a term out (built-in or added; either script). Returns whether it was there.
    ///
    /// ```
    /// # #[cfg(feature = "zh")] {
    /// let mut terms = article_explorer::OfficialTerms::builtin();
    /// assert!(terms.remove("一带一路"));
    /// assert!(!terms.contains("一带一路") && !terms.remove("一带一路"));
    /// # }
    /// ```
    pub fn remove(&mut self, term: &str) -> bool {
        let Some(term) = normalize(term) else { return false };
        // The added term's prefixes stay: a prefix nothing completes only costs a lookup.
        if self.added.terms.remove(term.as_str()) {
            return true;
        }
        self.base.terms.contains(term.as_str()) && self.removed.insert(term.into())
    }

    /// Whether `term` (either script) is in the lexicon.
    ///
    /// ```
    /// # #[cfg(feature = "zh")]
    /// assert!(article_explorer::OfficialTerms::builtin().contains("全過程人民民主"));
    /// ```
    pub fn contains(&self, term: &str) -> bool {
        normalize(term).is_some_and(|t| self.has(&t))
    }

    /// How many terms the lexicon holds.
    ///
    /// ```
    /// assert_eq!(article_explorer::OfficialTerms::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.base.terms.len() - self.removed.len() + self.added.terms.len()
    }

    /// Whether the lexicon holds no term.
    ///
    /// ```
    /// assert!(article_explorer::OfficialTerms::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
        let base = self.base.terms.iter().filter(|t| !self.removed.contains(*t));
        let mut out: Vec<&str> = base.chain(&self.added.terms).map(|t| &**t).collect();
        crate::text::sort::sort(&mut out);
        out
    }

    /// Whether the Simplified `piece` is a term.
    fn has(&self, piece: &str) -> bool {
        self.added.terms.contains(piece) || (self.base.terms.contains(piece) && (self.removed.is_empty() || !self.removed.contains(piece)))
    }

    /// Whether the Simplified `piece` starts a longer term.
    fn starts(&self, piece: &str) -> bool {
        self.base.prefixes.contains(piece) || (!self.added.prefixes.is_empty() && self.added.prefixes.contains(piece))
    }

    /// The last token of the term that starts at Chinese token `i` and runs over adjacent Chinese
    /// tokens of `shadow` (the text in Simplified script, same offsets), or `i` itself.
    pub(crate) fn term_end(&self, shadow: &str, tokens: &[Token], i: usize) -> usize {
        let start = tokens[i].range.start;
        if !shadow[start..].chars().next().is_some_and(|c| self.base.may_start(c) || self.added.may_start(c)) {
            return i;
        }
        let mut best = i;
        let mut j = i;
        loop {
            let piece = &shadow[start..tokens[j].range.end];
            if j > i && self.has(piece) {
                best = j;
            }
            if !self.starts(piece) {
                return best;
            }
            match tokens.get(j + 1) {
                Some(next) if next.kind == TokenKind::Cjk && next.range.start == tokens[j].range.end => j += 1,
                _ => return best,
            }
        }
    }
}

/// A term as the lexicon stores it: trimmed, in Simplified script; `None` when empty or spaced.
fn normalize(term: &str) -> Option<String> {
    let term = term.trim();
    (!term.is_empty() && !term.chars().any(char::is_whitespace)).then(|| crate::text::script::simplified(term).into_owned())
}
