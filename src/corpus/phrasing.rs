//! Phrasing changes between two sets of articles (two periods, or articles chosen by id): the
//! words and word sequences that appear in the second set and not the first, that vanish from it,
//! or whose frequency changes significantly. Log-likelihood (Rayson & Garside 2000) with Hardie's
//! log ratio as effect size, the keyness code's formulas (see `keywords::keyness`).

use serde::{Deserialize, Serialize};

use super::date::{Period, period_label};
use super::duplicates::DuplicateIndex;
use super::summary::ArticleSummary;
use crate::keywords::keyness::{log_likelihood, log_ratio};
use rustc_hash::FxHashMap;

/// Which articles form one side of a comparison: those with the given ids, or else those dated
/// in `period` (`2024`, `2024-03`, `2024-W09`) and between `from` and `to` (inclusive,
/// `YYYY-MM-DD`; either may be left out). An empty selection takes every dated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Selection {
    /// Article ids; when not empty, the only test.
    pub ids: Vec<String>,
    /// A period label.
    pub period: Option<String>,
    /// First date.
    pub from: Option<String>,
    /// Last date.
    pub to: Option<String>,
}

impl Selection {
    /// Whether `s` belongs to this side.
    pub fn contains(&self, s: &ArticleSummary) -> bool {
        if !self.ids.is_empty() {
            return self.ids.contains(&s.id);
        }
        let Some(date) = s.date.as_deref() else { return false };
        if self.from.as_deref().is_some_and(|f| date < f) || self.to.as_deref().is_some_and(|t| date > t) {
            return false;
        }
        match self.period.as_deref() {
            None => true,
            Some(p) => {
                let unit = if p.contains('W') {
                    Period::Week
                } else if p.len() == 4 {
                    Period::Year
                } else {
                    Period::Month
                };
                period_label(date, unit).as_deref() == Some(p)
            }
        }
    }
}

/// How to compare.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PhrasingOptions {
    /// A term that rose or fell is listed when its log-likelihood reaches this (3.84: p < 0.05).
    pub min_log_likelihood: f64,
    /// A term that appeared or vanished is listed when it occurs at least this often on its side.
    pub min_count: u64,
    /// At most this many entries per list.
    pub limit: usize,
    /// Include single words (not only word sequences).
    pub words: bool,
}

impl Default for PhrasingOptions {
    fn default() -> Self {
        PhrasingOptions { min_log_likelihood: 3.84, min_count: 1, limit: 100, words: true }
    }
}

/// One side's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SideSize {
    /// Articles (duplicates left out).
    pub articles: usize,
    /// Counted words.
    pub words: u64,
    /// The lowest `ngram_min_count` of its summaries' (1: every word sequence was counted).
    pub ngram_min_count: u32,
}

/// A term whose use changed from side A to side B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ChangedTerm {
    /// Display form.
    pub term: String,
    /// Grouping key (word keys joined by a space for a sequence).
    pub key: String,
    /// `word` or `phrase`.
    pub kind: crate::report::KeywordKind,
    /// Occurrences in A.
    pub count_a: u64,
    /// Occurrences in B.
    pub count_b: u64,
    /// Per million counted words in A.
    pub per_million_a: f64,
    /// Per million counted words in B.
    pub per_million_b: f64,
    /// Log-likelihood of the difference.
    pub log_likelihood: f64,
    /// log2(rate in B / rate in A), zero counts taken as 0.5: positive when B uses it more.
    pub log_ratio: f64,
    /// Articles of A that use it.
    pub articles_a: usize,
    /// Articles of B that use it.
    pub articles_b: usize,
    /// Up to [`MAX_IDS`] ids of the articles (either side, in the order given) that use it: where
    /// its sentences are.
    pub ids: Vec<String>,
}

/// Ids listed per changed term.
pub const MAX_IDS: usize = 20;

/// The phrasing changes from side A to side B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PhrasingChanges {
    /// Side A's size.
    pub a: SideSize,
    /// Side B's size.
    pub b: SideSize,
    /// In B, not in A: most frequent first (then by log-likelihood).
    pub appeared: Vec<ChangedTerm>,
    /// In A, not in B: most frequent first.
    pub vanished: Vec<ChangedTerm>,
    /// In both, significantly more often in B: highest log-likelihood first.
    pub rose: Vec<ChangedTerm>,
    /// In both, significantly less often in B: highest log-likelihood first.
    pub fell: Vec<ChangedTerm>,
}

#[derive(Default)]
struct Tally {
    display: String,
    phrase: bool,
    count: [u64; 2],
    articles: [usize; 2],
    ids: Vec<String>,
}

/// Compares the articles `a` selects with those `b` selects (an article on both sides counts on
/// both; duplicates once, the first given).
///
/// ```
/// use article_explorer::{Engine, corpus::{PhrasingOptions, Selection, SummaryOptions, phrasing_changes, summarize}};
/// let engine = Engine::new();
/// let opts = |id: &str| SummaryOptions { id: id.into(), ..Default::default() };
/// let a = summarize(&engine, "Build a moderately prosperous society. Build a moderately prosperous society now.", &opts("a"));
/// let b = summarize(&engine, "Pursue common prosperity. Pursue common prosperity now.", &opts("b"));
/// let sel = |id: &str| Selection { ids: vec![id.into()], ..Default::default() };
/// let c = phrasing_changes(&[a, b], &sel("a"), &sel("b"), &PhrasingOptions::default());
/// assert!(c.appeared.iter().any(|t| t.term == "common prosperity" && t.count_b == 2));
/// assert!(c.vanished.iter().any(|t| t.term == "moderately prosperous society"));
/// ```
pub fn phrasing_changes(summaries: &[ArticleSummary], a: &Selection, b: &Selection, options: &PhrasingOptions) -> PhrasingChanges {
    let mut tallies: FxHashMap<&str, Tally> = FxHashMap::default();
    let mut sizes = [SideSize { ngram_min_count: u32::MAX, ..Default::default() }, SideSize { ngram_min_count: u32::MAX, ..Default::default() }];
    let mut seen = DuplicateIndex::default();
    for s in summaries {
        if seen.check(&s.id, &s.hash).is_some() {
            continue;
        }
        for (side, selection) in [a, b].into_iter().enumerate() {
            if !selection.contains(s) {
                continue;
            }
            sizes[side].articles += 1;
            sizes[side].words += s.counted_words;
            sizes[side].ngram_min_count = sizes[side].ngram_min_count.min(s.ngram_min_count);
            let words = if options.words { &s.terms[..] } else { &[] };
            for (entry, phrase) in words.iter().map(|e| (e, false)).chain(s.ngrams.iter().map(|e| (e, true))) {
                let t = tallies.entry(entry.0.as_str()).or_default();
                if t.display.is_empty() {
                    t.display = entry.display().to_string();
                    t.phrase = phrase;
                }
                t.count[side] += entry.2 as u64;
                t.articles[side] += 1;
                if t.ids.len() < MAX_IDS && t.ids.last() != Some(&s.id) {
                    t.ids.push(s.id.clone());
                }
            }
        }
    }
    for size in &mut sizes {
        if size.ngram_min_count == u32::MAX {
            size.ngram_min_count = 0;
        }
    }
    let [size_a, size_b] = sizes;
    let mut out = PhrasingChanges { a: size_a, b: size_b, ..Default::default() };
    let (ca, cb) = (out.a.words as f64, out.b.words as f64);
    if ca == 0.0 || cb == 0.0 {
        return out;
    }
    for (key, t) in tallies {
        let (x, y) = (t.count[0] as f64, t.count[1] as f64);
        let ll = log_likelihood(x, y, ca, cb);
        let entry = ChangedTerm {
            term: t.display,
            key: key.to_string(),
            kind: if t.phrase { crate::report::KeywordKind::Phrase } else { crate::report::KeywordKind::Word },
            count_a: t.count[0],
            count_b: t.count[1],
            per_million_a: x / ca * 1e6,
            per_million_b: y / cb * 1e6,
            log_likelihood: ll,
            log_ratio: log_ratio(y, cb, x, ca),
            articles_a: t.articles[0],
            articles_b: t.articles[1],
            ids: t.ids,
        };
        match (t.count[0], t.count[1]) {
            (0, n) if n >= options.min_count => out.appeared.push(entry),
            (n, 0) if n >= options.min_count => out.vanished.push(entry),
            (x, y) if x > 0 && y > 0 && ll >= options.min_log_likelihood => {
                if entry.log_ratio > 0.0 {
                    out.rose.push(entry)
                } else {
                    out.fell.push(entry)
                }
            }
            _ => {}
        }
    }
    let by_count = |x: &ChangedTerm, y: &ChangedTerm| {
        (y.count_a + y.count_b).cmp(&(x.count_a + x.count_b)).then(y.log_likelihood.total_cmp(&x.log_likelihood)).then_with(|| x.key.cmp(&y.key))
    };
    let by_ll = |x: &ChangedTerm, y: &ChangedTerm| y.log_likelihood.total_cmp(&x.log_likelihood).then_with(|| x.key.cmp(&y.key));
    crate::text::sort::sort_by(&mut out.appeared, by_count);
    crate::text::sort::sort_by(&mut out.vanished, by_count);
    crate::text::sort::sort_by(&mut out.rose, by_ll);
    crate::text::sort::sort_by(&mut out.fell, by_ll);
    for list in [&mut out.appeared, &mut out.vanished, &mut out.rose, &mut out.fell] {
        list.truncate(options.limit);
    }
    out
}
