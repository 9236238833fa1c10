//! The corpus entries of the browser door: one article to its compact summary, and summaries to
//! trends, phrasing changes, the merged timeline and duplicate groups (`crate::corpus` does the
//! work). Plain arguments in, one plain value out; summaries travel as the plain objects
//! `summarizeArticle` returns (the page stores them in IndexedDB as they are).
//!
//! Only in the full module (built with `zh`): reading summaries back goes through serde's
//! generic deserializer, which the first-visit module leaves out for its weight (docs/weight.md);
//! the corpus view is loaded on demand and takes the full module.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use super::{engine, options_from, to_js};
use crate::corpus::{self, ArticleSummary, Period, PhrasingOptions, Selection, SummaryOptions, TimelineOptions};

fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

/// `undefined` and `null` read as the type's default.
fn from_js_or_default<T: DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() { Ok(T::default()) } else { from_js(value, what) }
}

fn period_from(period: &str) -> Result<Period, JsError> {
    period.parse().map_err(|e: crate::Error| JsError::new(&e.to_string()))
}

fn out<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    to_js(value)
}

/// Analyzes one article and returns its compact summary (an `ArticleSummary` object).
/// `options`: `{id, file_name, user_date, track: [terms], ngram_min_count, top_terms, counts}` plus any
/// field of `analyze`'s options (`lang`, `stopwords_add`, …; `dct` is ignored: the date is the
/// dateline's, else the file name's, else `user_date`). Throws for text over `maxInputBytes`.
#[wasm_bindgen(js_name = summarizeArticle)]
pub fn summarize_article(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    crate::check_input_size(text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let options: SummaryOptions = from_js_or_default(options, "summary options")?;
    // The report's hand-over: a summary is thousands of short strings and arrays (a 27 KB
    // article: ~1,100 terms), which serde-wasm-bindgen creates one call across the boundary at a
    // time, and which JSON text with `JSON.parse` built more slowly.
    super::report_to_js(&corpus::summarize(&engine(), text, &options))
}

/// The ISO date (`YYYY-MM-DD`) in a file name, or `undefined`.
#[wasm_bindgen(js_name = fileNameDate)]
pub fn file_name_date(name: &str) -> Option<String> {
    corpus::file_name_date(name)
}

/// The hash of a text's normalized form (32 hex digits), equal for duplicates: lets the page skip
/// a duplicate before analyzing it.
#[wasm_bindgen(js_name = textHash)]
pub fn text_hash(text: &str) -> String {
    corpus::text_hash(text)
}

/// A corpus of summaries held in this instance, so the page hands each summary over once and
/// then asks for any number of views.
#[wasm_bindgen]
pub struct CorpusSummaries(Vec<ArticleSummary>);

#[wasm_bindgen]
impl CorpusSummaries {
    /// An empty corpus.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CorpusSummaries {
        CorpusSummaries(Vec::new())
    }

    /// Adds summaries: one summary object or an array of them. Returns how many are held.
    pub fn add(&mut self, summaries: JsValue) -> Result<usize, JsError> {
        if js_sys::Array::is_array(&summaries) {
            let list: Vec<ArticleSummary> = from_js(summaries, "summaries")?;
            self.0.extend(list);
        } else {
            self.0.push(from_js(summaries, "summary")?);
        }
        Ok(self.0.len())
    }

    /// Removes every summary whose id is in `ids` (an array of strings). Returns how many are held.
    pub fn remove(&mut self, ids: JsValue) -> Result<usize, JsError> {
        let ids: Vec<String> = from_js(ids, "ids")?;
        self.0.retain(|s| !ids.contains(&s.id));
        Ok(self.0.len())
    }

    /// How many summaries are held.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }

    /// As `corpusTrends`, over the summaries held.
    pub fn trends(&self, terms: JsValue, period: &str, options: JsValue) -> Result<JsValue, JsError> {
        trends_of(&self.0, terms, period, options)
    }

    /// As `corpusPhrasing`, over the summaries held.
    pub fn phrasing(&self, a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        phrasing_of(&self.0, a, b, options)
    }

    /// As `corpusTimeline`, over the summaries held.
    pub fn timeline(&self, options: JsValue) -> Result<JsValue, JsError> {
        out(&corpus::merged_timeline(&self.0, &from_js_or_default::<TimelineOptions>(options, "timeline options")?))
    }

    /// As `corpusDuplicates`, over the summaries held.
    pub fn duplicates(&self) -> Result<JsValue, JsError> {
        out(&corpus::summary_duplicates(&self.0))
    }
}

impl Default for CorpusSummaries {
    fn default() -> Self {
        CorpusSummaries::new()
    }
}

fn trends_of(summaries: &[ArticleSummary], terms: JsValue, period: &str, options: JsValue) -> Result<JsValue, JsError> {
    let terms: Vec<String> = from_js(terms, "terms")?;
    let options = options_from(&options)?;
    out(&corpus::trends(&engine(), summaries, &terms, period_from(period)?, &options))
}

fn phrasing_of(summaries: &[ArticleSummary], a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let a: Selection = from_js(a, "selection a")?;
    let b: Selection = from_js(b, "selection b")?;
    let options: PhrasingOptions = from_js_or_default(options, "phrasing options")?;
    out(&corpus::phrasing_changes(summaries, &a, &b, &options))
}

/// Terms per period: `terms` an array of words or phrases, `period` one of `article`, `week`,
/// `month`, `year`, `options` as for `analyze` (the stopword edits the summaries were made with).
/// Returns `{period, terms: [{term, key, exact}], rows: [{period, start, articles, words, counts,
/// per_million, ids}], undated: [ids], duplicates: [ids]}`.
#[wasm_bindgen(js_name = corpusTrends)]
pub fn corpus_trends(summaries: JsValue, terms: JsValue, period: &str, options: JsValue) -> Result<JsValue, JsError> {
    let summaries: Vec<ArticleSummary> = from_js(summaries, "summaries")?;
    trends_of(&summaries, terms, period, options)
}

/// Phrasing changes from the articles `a` selects to those `b` selects (`{ids}` or
/// `{period, from, to}`); `options`: `{min_log_likelihood, min_count, limit, words}`. Returns
/// `{a: {articles, words, ngram_min_count}, b, appeared, vanished, rose, fell}`, each list of
/// `{term, key, kind, count_a, count_b, per_million_a, per_million_b, log_likelihood, log_ratio,
/// articles_a, articles_b, ids}`.
#[wasm_bindgen(js_name = corpusPhrasing)]
pub fn corpus_phrasing(summaries: JsValue, a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let summaries: Vec<ArticleSummary> = from_js(summaries, "summaries")?;
    phrasing_of(&summaries, a, b, options)
}

/// The merged timeline: `options` `{term, min_articles, limit}`. Returns `[{value, start_date,
/// end_date, granularity, kind, text, sentence, articles, ids}]` in chronological order.
#[wasm_bindgen(js_name = corpusTimeline)]
pub fn corpus_timeline(summaries: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let summaries: Vec<ArticleSummary> = from_js(summaries, "summaries")?;
    out(&corpus::merged_timeline(&summaries, &from_js_or_default::<TimelineOptions>(options, "timeline options")?))
}

/// Duplicate groups: `[{hash, kept, duplicates: [ids]}]` (the first given of each group is kept).
#[wasm_bindgen(js_name = corpusDuplicates)]
pub fn corpus_duplicates(summaries: JsValue) -> Result<JsValue, JsError> {
    let summaries: Vec<ArticleSummary> = from_js(summaries, "summaries")?;
    out(&corpus::summary_duplicates(&summaries))
}
