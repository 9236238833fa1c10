//! Concordance (KWIC: key word in context) for any term or phrase.
//!
//! [`Concordance::new`] segments the text once and indexes every word unit by its term group;
//! each [`Concordance::query`] then looks up the rarest word of the query and checks its
//! neighbours, so a query costs time proportional to that word's occurrences, not to the text.
//! Matching is by term (any inflection and case: "govern" finds "governance" and "Governing"),
//! by exact word form (case-insensitive), or, for queries that are not whole words of the text
//! (a Chinese string the segmenter cut differently, a fragment), by plain text search.

use serde::{Deserialize, Serialize};

use super::lemma::fold;
use super::official_terms::OfficialTerms;
use super::prepare;
use super::stopwords::Stopwords;
use super::units::{Stream, Unit};
use crate::Options;
use crate::segment::zh_words::ChineseWords;
use crate::text::offsets::Checkpoints;

/// How a query matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Same term: any inflection or case of each query word (the keyword lists' grouping).
    #[default]
    Term,
    /// Same word forms, ignoring case.
    Exact,
    /// The query as a string anywhere in the text (ASCII case ignored).
    Text,
}

impl std::str::FromStr for MatchMode {
    type Err = crate::text::error::Error;

    /// Parses `term`, `exact` or `text`.
    ///
    /// ```
    /// use article_explorer::MatchMode;
    /// assert_eq!("exact".parse::<MatchMode>(), Ok(MatchMode::Exact));
    /// assert!("fuzzy".parse::<MatchMode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "term" => Ok(MatchMode::Term),
            "exact" => Ok(MatchMode::Exact),
            "text" => Ok(MatchMode::Text),
            other => {
                Err(crate::text::error::Error::InvalidOption { option: "mode".into(), value: other.into(), expected: "term, exact or text".into() })
            }
        }
    }
}

/// Options of a concordance query. Unknown fields are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConcordanceOptions {
    /// Matching rule; with `term` or `exact`, a query that matches no words falls back to `text`.
    pub mode: MatchMode,
    /// Characters of context on each side (default 60).
    pub context: usize,
    /// At most this many lines (default 500); `total` still counts all matches.
    pub limit: usize,
}

impl Default for ConcordanceOptions {
    fn default() -> Self {
        ConcordanceOptions { mode: MatchMode::Term, context: 60, limit: 500 }
    }
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ConcordanceLine {
    /// Start of the match (UTF-16 code units into the text).
    pub start: usize,
    /// End of the match.
    pub end: usize,
    /// Context before the match (line breaks shown as spaces).
    pub left: String,
    /// The match as written.
    pub text: String,
    /// Context after the match.
    pub right: String,
    /// Index of the paragraph holding the match.
    pub paragraph: usize,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ConcordanceResult {
    /// All matches in the text.
    pub total: usize,
    /// The rule that produced the matches (after any fallback).
    pub mode: MatchMode,
    /// The first `limit` matches in document order.
    pub lines: Vec<ConcordanceLine>,
}

/// A text indexed for concordance queries ([`Concordance::new`], or an engine's
/// [`crate::Engine::concordance`] to segment Chinese with that engine's dictionary and words).
///
/// ```
/// use article_explorer::{Concordance, ConcordanceOptions};
/// let c = Concordance::new("Social work matters. Social workers work hard.", &Default::default());
/// let r = c.query("social work", &ConcordanceOptions::default());
/// assert_eq!(r.total, 1);
/// assert_eq!((r.lines[0].start, r.lines[0].end, r.lines[0].right.as_str()), (0, 11, " matters. Social workers work hard."));
/// assert_eq!(c.query("WORK", &ConcordanceOptions::default()).total, 2);
/// ```
#[derive(Debug, Clone)]
pub struct Concordance {
    text: String,
    lower: String,
    stream: Stream,
    /// Unit indexes of each group, in order (CSR layout: `offsets[g]..offsets[g + 1]`).
    offsets: Vec<u32>,
    positions: Vec<u32>,
    /// UTF-16 offsets of `text`, for the lines' offsets.
    utf16: Checkpoints,
    /// The segmenter the text was cut with and the official terms joined; queries are cut the
    /// same way.
    words: ChineseWords,
    official: OfficialTerms,
}

impl Concordance {
    /// Segments and indexes `text` as the default engine does (`Engine::new`). No option
    /// changes the index (stopword edits do not matter here: every word is indexed).
    pub fn new(text: &str, _options: &Options) -> Concordance {
        Concordance::index(text, &ChineseWords::with_default_dictionary(), &OfficialTerms::builtin())
    }

    /// Segments (Chinese cut by `words`, `official` terms joined) and indexes `text`.
    pub(crate) fn index(text: &str, words: &ChineseWords, official: &OfficialTerms) -> Concordance {
        let (stream, _) = prepare(text, words, Stopwords::builtin(), official, true);
        let mut offsets = vec![0u32; stream.groups.len() + 1];
        for u in stream.units.iter().filter(|u| !u.is_break()) {
            offsets[u.group as usize + 1] += 1;
        }
        for g in 0..stream.groups.len() {
            offsets[g + 1] += offsets[g];
        }
        let mut fill = offsets.clone();
        let mut positions = vec![0u32; offsets.last().copied().unwrap_or(0) as usize];
        for (i, u) in stream.units.iter().enumerate().filter(|(_, u)| !u.is_break()) {
            positions[fill[u.group as usize] as usize] = i as u32;
            fill[u.group as usize] += 1;
        }
        let utf16 = Checkpoints::new(text);
        Concordance {
            text: text.to_string(),
            lower: text.to_ascii_lowercase(),
            stream,
            offsets,
            positions,
            utf16,
            words: words.clone(),
            official: official.clone(),
        }
    }

    /// The lines where `query` occurs.
    pub fn query(&self, query: &str, options: &ConcordanceOptions) -> ConcordanceResult {
        let query = query.trim();
        if query.is_empty() {
            return ConcordanceResult { mode: options.mode, ..Default::default() };
        }
        if options.mode != MatchMode::Text
            && let Some(matches) = self.word_matches(query, options.mode)
            && !matches.is_empty()
        {
            return self.lines(matches, options.mode, options);
        }
        let needle = query.to_ascii_lowercase();
        let mut matches = Vec::new();
        let mut from = 0;
        while let Some(i) = self.lower[from..].find(&needle) {
            let start = from + i;
            matches.push(start..start + needle.len());
            from = start + needle.len();
        }
        self.lines(matches, MatchMode::Text, options)
    }

    /// Matches of the query's words, or `None` when a query word is not in the text's vocabulary.
    fn word_matches(&self, query: &str, mode: MatchMode) -> Option<Vec<std::ops::Range<usize>>> {
        let (q, _) = prepare(query, &self.words, Stopwords::builtin(), &self.official, true);
        let words: Vec<&Unit> = q.units.iter().filter(|u| !u.is_break()).collect();
        if words.is_empty() || words.len() != q.units.len() {
            return None; // punctuation or a sentence break inside the query: search the text.
        }
        let mut groups = Vec::with_capacity(words.len());
        let mut forms = Vec::with_capacity(words.len());
        for u in &words {
            let spelling = q.surface(u.surface);
            groups.push(self.stream.find_group(spelling)?);
            forms.push(fold(spelling));
        }
        let list = |g: u32| &self.positions[self.offsets[g as usize] as usize..self.offsets[g as usize + 1] as usize];
        let (pivot, _) = groups.iter().enumerate().min_by_key(|(_, g)| list(**g).len())?;
        let units = &self.stream.units;
        let mut out = Vec::new();
        for &p in list(groups[pivot]) {
            let Some(first) = (p as usize).checked_sub(pivot) else { continue };
            let Some(window) = units.get(first..first + groups.len()) else { continue };
            let ok = window
                .iter()
                .zip(&groups)
                .zip(&forms)
                .all(|((u, &g), form)| u.group == g && (mode != MatchMode::Exact || fold(self.stream.surface(u.surface)) == *form));
            if ok {
                out.push(window[0].start as usize..self.stream.end(&window[window.len() - 1]) as usize);
            }
        }
        Some(out)
    }

    fn lines(&self, matches: Vec<std::ops::Range<usize>>, mode: MatchMode, options: &ConcordanceOptions) -> ConcordanceResult {
        let total = matches.len();
        let lines = matches
            .into_iter()
            .take(options.limit)
            .map(|r| {
                let left_from = back_chars(&self.text, r.start, options.context);
                let right_to = forward_chars(&self.text, r.end, options.context);
                let paragraph = self.paragraph_at(r.start);
                ConcordanceLine {
                    start: self.to_utf16(r.start),
                    end: self.to_utf16(r.end),
                    left: flatten(&self.text[left_from..r.start]),
                    text: self.text[r.clone()].to_string(),
                    right: flatten(&self.text[r.end..right_to]),
                    paragraph,
                }
            })
            .collect();
        ConcordanceResult { total, mode, lines }
    }

    fn paragraph_at(&self, byte: usize) -> usize {
        let units = &self.stream.units;
        let i = units.partition_point(|u| (u.start as usize) < byte);
        units.get(i).or_else(|| units.last()).map_or(0, |u| u.para as usize)
    }

    fn to_utf16(&self, byte: usize) -> usize {
        self.utf16.utf16(&self.text, byte)
    }
}

fn back_chars(text: &str, end: usize, n: usize) -> usize {
    text[..end].char_indices().rev().take(n).last().map_or(end, |(i, _)| i)
}

fn forward_chars(text: &str, start: usize, n: usize) -> usize {
    text[start..].char_indices().nth(n).map_or(text.len(), |(i, _)| start + i)
}

fn flatten(s: &str) -> String {
    s.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect()
}
