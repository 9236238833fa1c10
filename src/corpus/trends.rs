//! Trends: how often terms occur per article, week, month or year, as counts and as relative
//! frequencies (per million counted words of the period's articles). Built by an accumulator that
//! takes one summary at a time, so the CLI streams a corpus of any size through it and the page
//! feeds it the summaries it stored.

use serde::{Deserialize, Serialize};

use super::date::{Period, period_label};
use super::duplicates::DuplicateIndex;
use super::summary::ArticleSummary;
use crate::engine::Engine;
use crate::keywords::MAX_NGRAM;
use crate::options::Options;

/// A term to count across a corpus: a word or phrase, keyed as summaries key their counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermQuery {
    /// The term as asked.
    pub term: String,
    /// Its words' grouping keys, each with whether it is a stopword's.
    keys: Vec<(String, bool)>,
    /// The keys joined by a space (the summaries' key of a sequence).
    pub key: String,
}

impl TermQuery {
    /// Keys `term` with `engine` and `options` (the ones the summaries were made with: the same
    /// stopwords and Chinese dictionary).
    pub fn new(engine: &Engine, term: &str, options: &Options) -> TermQuery {
        let keys = engine.term_keys(term, options);
        let key = keys.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(" ");
        TermQuery { term: term.trim().to_string(), keys, key }
    }

    /// Whether a summary's word sequences can hold this term (2–4 words, no stopword at either
    /// end, at most one inside).
    fn is_sequence_candidate(&self) -> bool {
        let n = self.keys.len();
        (2..=MAX_NGRAM).contains(&n) && !self.keys[0].1 && !self.keys[n - 1].1 && self.keys.iter().filter(|k| k.1).count() <= 1
    }

    /// The term's count in one article, and whether the count is exact: a tracked term's, a
    /// content word's and a sequence the summary kept are; a sequence below the summary's
    /// threshold, a stopword or a longer phrase not tracked is not (counted as 0).
    pub fn count_in(&self, s: &ArticleSummary) -> (u64, bool) {
        if let Some(t) = s.tracked.iter().find(|t| t.key == self.key) {
            return (t.count as u64, true);
        }
        match self.keys.len() {
            0 => (0, true),
            1 if self.keys[0].1 => (0, false),
            1 => (s.count_of_key(&self.key) as u64, true),
            _ if !self.is_sequence_candidate() => (0, false),
            _ => {
                let c = s.count_of_key(&self.key);
                // A sequence occurs no more often than its rarest content word: when one is absent,
                // its count is exactly 0 even where the summary keeps only repeated sequences.
                let absent_word = self.keys.iter().any(|(k, stop)| !stop && s.count_of_key(k) == 0);
                (c as u64, c > 0 || s.ngram_min_count <= 1 || absent_word)
            }
        }
    }
}

/// A term of a trend and whether every count of it is exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TrendTerm {
    /// The term as asked.
    pub term: String,
    /// Its grouping keys, joined by a space.
    pub key: String,
    /// Whether every article's count is exact (see [`TermQuery::count_in`]); when not, counts are
    /// lower bounds: track the term when summarizing to count it exactly.
    pub exact: bool,
}

/// One period (or article) of a trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TrendRow {
    /// `2024`, `2024-03`, `2024-W09`, or for [`Period::Article`] the article's id.
    pub period: String,
    /// The first day of the period (for an article, its date).
    pub start: String,
    /// Articles in the period (duplicates left out).
    pub articles: usize,
    /// Counted words of those articles.
    pub words: u64,
    /// Occurrences of each term, in the order of `terms`.
    pub counts: Vec<u64>,
    /// Occurrences per million counted words, in the order of `terms`.
    pub per_million: Vec<f64>,
    /// The articles in the period, by date then id.
    pub ids: Vec<String>,
}

/// Terms counted per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Trends {
    /// The unit of time.
    pub period: Period,
    /// The terms, in the order asked.
    pub terms: Vec<TrendTerm>,
    /// The periods with at least one article, in time order.
    pub rows: Vec<TrendRow>,
    /// Ids of the undated articles (in no period), in the order given.
    pub undated: Vec<String>,
    /// Ids of the articles left out as duplicates of an earlier one, in the order given.
    pub duplicates: Vec<String>,
}

/// Builds [`Trends`] one summary at a time. Memory grows with the number of periods (and of
/// articles' ids listed), never with the articles' text.
#[derive(Debug, Clone)]
pub struct TrendAccumulator {
    period: Period,
    queries: Vec<TermQuery>,
    exact: Vec<bool>,
    rows: std::collections::BTreeMap<(String, String), TrendRow>,
    undated: Vec<String>,
    duplicates: Vec<String>,
    seen: DuplicateIndex,
    keep_ids: bool,
}

impl TrendAccumulator {
    /// An empty trend of `queries` by `period`.
    pub fn new(period: Period, queries: Vec<TermQuery>) -> TrendAccumulator {
        let exact = vec![true; queries.len()];
        TrendAccumulator {
            period,
            queries,
            exact,
            rows: Default::default(),
            undated: Vec::new(),
            duplicates: Vec::new(),
            seen: DuplicateIndex::default(),
            keep_ids: true,
        }
    }

    /// This accumulator without the article ids of each row (`ids` left empty): memory then
    /// grows with the number of periods only.
    pub fn without_ids(mut self) -> TrendAccumulator {
        self.keep_ids = false;
        self
    }

    /// Adds one article whose duplicate check the caller made: `duplicate` lists it as a
    /// duplicate, otherwise it is counted.
    pub fn add_checked(&mut self, s: &ArticleSummary, duplicate: bool) {
        if duplicate {
            self.duplicates.push(s.id.clone());
        } else {
            self.count(s);
        }
    }

    /// Adds one article (a duplicate of one added before is only listed).
    pub fn add(&mut self, s: &ArticleSummary) {
        if self.seen.check(&s.id, &s.hash).is_some() {
            self.duplicates.push(s.id.clone());
            return;
        }
        self.count(s);
    }

    fn count(&mut self, s: &ArticleSummary) {
        let Some(date) = s.date.as_deref().filter(|d| crate::timex::Date::parse(d).is_some()) else {
            self.undated.push(s.id.clone());
            return;
        };
        let (sort_key, label, start) = match self.period {
            Period::Article => ((date.to_string(), s.id.clone()), s.id.clone(), date.to_string()),
            p => {
                let label = period_label(date, p).unwrap_or_default();
                let start = period_start(date, p);
                ((start.clone(), String::new()), label, start)
            }
        };
        let n = self.queries.len();
        let row = self.rows.entry(sort_key).or_insert_with(|| TrendRow {
            period: label,
            start,
            articles: 0,
            words: 0,
            counts: vec![0; n],
            per_million: vec![0.0; n],
            ids: Vec::new(),
        });
        row.articles += 1;
        row.words += s.counted_words;
        if self.keep_ids {
            row.ids.push(s.id.clone());
        }
        for (i, q) in self.queries.iter().enumerate() {
            let (count, exact) = q.count_in(s);
            row.counts[i] += count;
            self.exact[i] &= exact;
        }
    }

    /// The trend of everything added.
    pub fn finish(self) -> Trends {
        let mut rows: Vec<TrendRow> = self.rows.into_values().collect();
        for row in &mut rows {
            row.per_million = row.counts.iter().map(|&c| if row.words == 0 { 0.0 } else { c as f64 / row.words as f64 * 1e6 }).collect();
        }
        let terms = self.queries.into_iter().zip(self.exact).map(|(q, exact)| TrendTerm { term: q.term, key: q.key, exact }).collect();
        Trends { period: self.period, terms, rows, undated: self.undated, duplicates: self.duplicates }
    }
}

/// The first day of the period `date` falls in (`YYYY-MM-DD`).
fn period_start(date: &str, period: Period) -> String {
    let Some(d) = crate::timex::Date::parse(date) else { return date.to_string() };
    match period {
        Period::Article => d.iso(),
        Period::Year => format!("{:04}-01-01", d.year),
        Period::Month => format!("{:04}-{:02}-01", d.year, d.month),
        Period::Week => {
            let days = d.to_days();
            crate::timex::Date::from_days(days - (days + 3).rem_euclid(7)).iso()
        }
    }
}

/// The trend of `terms` by `period` over `summaries` (duplicates counted once: the first given),
/// terms keyed with `engine` and `options`.
///
/// ```
/// use article_explorer::{Engine, corpus::{Period, SummaryOptions, summarize, trends}};
/// let engine = Engine::new();
/// let a = summarize(&engine, "Reform came. Reforms went.", &SummaryOptions { id: "a".into(), user_date: Some("2024-01-05".into()), ..Default::default() });
/// let b = summarize(&engine, "More reform.", &SummaryOptions { id: "b".into(), user_date: Some("2024-02-05".into()), ..Default::default() });
/// let t = trends(&engine, &[a, b], &["reform".to_string()], Period::Month, &Default::default());
/// assert_eq!(t.rows.iter().map(|r| (r.period.as_str(), r.counts[0])).collect::<Vec<_>>(), [("2024-01", 2), ("2024-02", 1)]);
/// ```
pub fn trends(engine: &Engine, summaries: &[ArticleSummary], terms: &[String], period: Period, options: &Options) -> Trends {
    let queries = terms.iter().filter(|t| !t.trim().is_empty()).map(|t| TermQuery::new(engine, t, options)).collect();
    let mut acc = TrendAccumulator::new(period, queries);
    summaries.iter().for_each(|s| acc.add(s));
    acc.finish()
}
