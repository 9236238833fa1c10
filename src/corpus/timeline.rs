//! One timeline for a corpus: the dated events of every article, the same event merged. Two
//! events are the same when they have the same value (`2024-03-05`, `2024-Q1`) and the same
//! sentence up to case, spacing and punctuation (a wire story's sentence reprinted by several
//! papers); each merged event says how many articles mention it.

use serde::{Deserialize, Serialize};

use super::duplicates::DuplicateIndex;
use super::summary::{ArticleSummary, SummaryEvent};
use rustc_hash::FxHashMap;

/// What to merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimelineOptions {
    /// Only events whose sentence contains this (any case); empty: every event.
    pub term: String,
    /// Only events mentioned by at least this many articles (0 and 1: every event).
    pub min_articles: usize,
    /// At most this many events (the most mentioned kept, then the earliest); 0: no limit.
    pub limit: usize,
}

/// One event of the merged timeline: the event as the first article that mentions it has it
/// (its fields inline in JSON), with the articles that mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct MergedEvent {
    /// The first article's event: value, days covered, granularity, how the value was found, the
    /// expression and its sentence as written there.
    #[serde(flatten)]
    pub event: SummaryEvent,
    /// How many articles mention it (duplicates left out).
    pub articles: usize,
    /// Their ids, in the order given (at most [`MAX_EVENT_IDS`]).
    pub ids: Vec<String>,
}

/// Ids listed per merged event.
pub const MAX_EVENT_IDS: usize = 50;

/// The merge key of an event sentence: letters and digits, lower case.
fn normalized(sentence: &str) -> String {
    let kept: String = sentence.chars().filter(|c| c.is_alphanumeric()).collect();
    crate::text::case::to_lowercase(&kept)
}

/// Merges the events of `summaries` (duplicates counted once), in chronological order (then the
/// most mentioned first).
///
/// ```
/// use article_explorer::{Engine, corpus::{TimelineOptions, SummaryOptions, merged_timeline, summarize}};
/// let engine = Engine::new();
/// let s = |id: &str, text: &str| summarize(&engine, text, &SummaryOptions { id: id.into(), ..Default::default() });
/// let all = [s("a", "The plan began on March 5, 2024. It rained."), s("b", "The plan began on March 5, 2024! Then it stopped.")];
/// let t = merged_timeline(&all, &TimelineOptions::default());
/// assert_eq!((t[0].event.value.as_str(), t[0].articles), ("2024-03-05", 2));
/// assert!(merged_timeline(&all, &TimelineOptions { term: "PLAN".into(), ..Default::default() }).len() == 1);
/// assert!(merged_timeline(&all, &TimelineOptions { term: "harvest".into(), ..Default::default() }).is_empty());
/// ```
pub fn merged_timeline(summaries: &[ArticleSummary], options: &TimelineOptions) -> Vec<MergedEvent> {
    let term = crate::text::case::to_lowercase(options.term.trim());
    let mut seen = DuplicateIndex::default();
    let mut at: FxHashMap<(String, String), usize> = FxHashMap::default();
    let mut events: Vec<MergedEvent> = Vec::new();
    // The index of the last article that mentioned each event: one article mentioning the same
    // event twice counts once.
    let mut last: Vec<usize> = Vec::new();
    for (article, s) in summaries.iter().enumerate() {
        if seen.check(&s.id, &s.hash).is_some() {
            continue;
        }
        for e in &s.timeline {
            if !term.is_empty() && !crate::text::case::to_lowercase(&e.sentence).contains(&term) {
                continue;
            }
            let key = (e.value.clone(), normalized(&e.sentence));
            match at.get(&key) {
                Some(&i) => {
                    let m = &mut events[i];
                    if last[i] != article {
                        last[i] = article;
                        m.articles += 1;
                        if m.ids.len() < MAX_EVENT_IDS {
                            m.ids.push(s.id.clone());
                        }
                    }
                }
                None => {
                    at.insert(key, events.len());
                    last.push(article);
                    events.push(MergedEvent { event: e.clone(), articles: 1, ids: vec![s.id.clone()] });
                }
            }
        }
    }
    events.retain(|e| e.articles >= options.min_articles);
    if options.limit > 0 && events.len() > options.limit {
        crate::text::sort::sort_by(&mut events, |a, b| b.articles.cmp(&a.articles).then_with(|| a.event.start_date.cmp(&b.event.start_date)));
        events.truncate(options.limit);
    }
    crate::text::sort::sort_by(&mut events, |a, b| {
        (&a.event.start_date, &a.event.end_date)
            .cmp(&(&b.event.start_date, &b.event.end_date))
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.event.value.cmp(&b.event.value))
    });
    events
}
