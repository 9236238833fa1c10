//! Comparing two texts: which terms each over-uses relative to the other (the keyword list of
//! AntConc with the other text as reference corpus). Log-likelihood (Rayson & Garside 2000) with
//! Hardie's log ratio as effect size; see [`super::keyness`] for the formulas.

use serde::{Deserialize, Serialize};

use super::keyness::{log_likelihood, log_ratio};
use super::official_terms::OfficialTerms;
use super::prepare;
use super::stopwords::Stopwords;
use crate::Options;
use crate::segment::zh_words::ChineseWords;
use rustc_hash::FxHashMap;

/// One term's frequencies in two texts and its keyness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ComparedTerm {
    /// Display form (the most frequent spelling in the text that over-uses it).
    pub term: String,
    /// Occurrences in text A.
    pub count_a: usize,
    /// Occurrences in text B.
    pub count_b: usize,
    /// Occurrences per million words in A.
    pub per_million_a: f64,
    /// Occurrences per million words in B.
    pub per_million_b: f64,
    /// Log-likelihood (Rayson & Garside 2000): 3.84 p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001.
    pub log_likelihood: f64,
    /// Hardie's log ratio, log2(rate in A / rate in B) (zero counts taken as 0.5): positive when A
    /// over-uses the term.
    pub log_ratio: f64,
}

/// The result of [`crate::Engine::compare`] (and the free [`crate::compare`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Comparison {
    /// Words (tokens, stopwords included) in text A.
    pub words_a: usize,
    /// Words in text B.
    pub words_b: usize,
    /// Terms A over-uses relative to B (log-likelihood ≥ 3.84), highest log-likelihood first.
    pub over_a: Vec<ComparedTerm>,
    /// Terms B over-uses relative to A, highest log-likelihood first.
    pub over_b: Vec<ComparedTerm>,
}

/// Compares the content words (`stopwords` out, inflections grouped) of two texts, Chinese cut by
/// `words`; each list has at most `options.keyword_limit` entries (default 100).
pub(crate) fn compare(
    text_a: &str,
    text_b: &str,
    options: &Options,
    words: &ChineseWords,
    stopwords: &Stopwords,
    official: &OfficialTerms,
) -> Comparison {
    let limit = options.keyword_limit.unwrap_or(Options::DEFAULT_KEYWORDS);
    let (sa, _) = prepare(text_a, words, stopwords, official, options.keep_numbers);
    let (sb, _) = prepare(text_b, words, stopwords, official, options.keep_numbers);
    let (ca, cb) = (sa.words as f64, sb.words as f64);
    let by_a = sa.surfaces_by_group();
    let by_b = sb.surfaces_by_group();
    // key -> (group in A, group in B)
    let mut keys: FxHashMap<&str, (Option<u32>, Option<u32>)> = FxHashMap::default();
    for (g, _) in sa.groups.iter().enumerate().filter(|(_, g)| !g.stop) {
        keys.entry(sa.key(g as u32)).or_default().0 = Some(g as u32);
    }
    for (g, _) in sb.groups.iter().enumerate().filter(|(_, g)| !g.stop) {
        keys.entry(sb.key(g as u32)).or_default().1 = Some(g as u32);
    }
    let (mut over_a, mut over_b) = (Vec::new(), Vec::new());
    if ca == 0.0 || cb == 0.0 {
        return Comparison { words_a: ca as usize, words_b: cb as usize, over_a, over_b };
    }
    for (ga, gb) in keys.into_values() {
        let a = ga.map_or(0, |g| sa.groups[g as usize].count) as f64;
        let b = gb.map_or(0, |g| sb.groups[g as usize].count) as f64;
        let ll = log_likelihood(a, b, ca, cb);
        if ll < 3.84 {
            continue;
        }
        let ratio = log_ratio(a, ca, b, cb);
        let a_side = a / ca > b / cb;
        let term = match (a_side, ga, gb) {
            (true, Some(g), _) | (false, Some(g), None) => sa.display(&by_a, g).to_string(),
            (_, _, Some(g)) => sb.display(&by_b, g).to_string(),
            _ => continue,
        };
        let entry = ComparedTerm {
            term,
            count_a: a as usize,
            count_b: b as usize,
            per_million_a: a / ca * 1e6,
            per_million_b: b / cb * 1e6,
            log_likelihood: ll,
            log_ratio: ratio,
        };
        if a_side { over_a.push(entry) } else { over_b.push(entry) }
    }
    for list in [&mut over_a, &mut over_b] {
        crate::text::sort::sort_by(list, |x, y| y.log_likelihood.total_cmp(&x.log_likelihood).then_with(|| x.term.cmp(&y.term)));
        list.truncate(limit);
    }
    Comparison { words_a: ca as usize, words_b: cb as usize, over_a, over_b }
}
