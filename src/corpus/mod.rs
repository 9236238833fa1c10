//! Many dated articles at once: a corpus. Each article is analyzed once and kept as a compact
//! [`ArticleSummary`] (metadata, every content word's count, short word sequences, dated events);
//! everything at corpus scale is computed from summaries, one at a time where it can be, so a
//! corpus never has to fit in memory as text:
//! - [`choose_date`]: an article's date from its dateline, else an ISO date in its file name,
//!   else the user's, with its source;
//! - [`text_hash`], [`duplicate_groups`], [`DuplicateIndex`]: the same text counted once;
//! - [`trends`] ([`TrendAccumulator`]): terms per article, week, month or year, counts and
//!   relative frequencies;
//! - [`phrasing_changes`]: what appeared, vanished, rose or fell between two sets of articles
//!   (log-likelihood with log ratio, as the keyness of one article);
//! - [`merged_timeline`]: the events of all articles, the same event merged with its article count;
//! - `intake` (native builds): files, folders and `.zip` archives read one article at a time,
//!   every file that cannot be read listed with its reason.

mod date;
mod duplicates;
#[cfg(not(target_arch = "wasm32"))]
mod intake;
mod phrasing;
#[cfg(not(target_arch = "wasm32"))]
mod stream;
mod summary;
mod timeline;
mod trends;

pub use date::{ArticleDateSource, Period, choose_date, file_name_date, period_label};
pub use duplicates::{DuplicateGroup, DuplicateIndex, duplicate_groups, text_hash};
#[cfg(not(target_arch = "wasm32"))]
pub use intake::{Document, Intake, IntakeOptions, SkipReason, Skipped, ZipEntries};
pub use phrasing::{ChangedTerm, MAX_IDS, PhrasingChanges, PhrasingOptions, Selection, SideSize, phrasing_changes};
#[cfg(not(target_arch = "wasm32"))]
pub use stream::{Outcome, summarize_stream};
pub use summary::{ArticleSummary, MAX_EVENT_CHARS, SUMMARY_VERSION, SummaryEvent, SummaryOptions, TermEntry, TopCount, TrackedCount, summarize};
pub use timeline::{MAX_EVENT_IDS, MergedEvent, TimelineOptions, merged_timeline};
pub use trends::{TermQuery, TrendAccumulator, TrendRow, TrendTerm, Trends, trends};

/// The JSON Schema (draft 2020-12) of an [`ArticleSummary`] as serialized: what
/// `article-explorer schema summary` prints (docs/summary.schema.json). The `corpus` command's
/// article lines are such a summary with `kind`, `path` and `duplicate_of` added.
///
/// ```
/// let schema = article_explorer::corpus::summary_schema();
/// assert_eq!(schema["properties"]["version"]["const"], article_explorer::corpus::SUMMARY_VERSION);
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn summary_schema() -> serde_json::Value {
    let mut schema = crate::report::schema_of::<ArticleSummary>("summary");
    schema["properties"]["version"]["const"] = SUMMARY_VERSION.into();
    schema
}

/// The duplicate groups of `summaries` (by text hash; the first given is kept).
///
/// ```
/// use article_explorer::{Engine, corpus::{SummaryOptions, summarize, summary_duplicates}};
/// let engine = Engine::new();
/// let s = |id: &str, text: &str| summarize(&engine, text, &SummaryOptions { id: id.into(), ..Default::default() });
/// let groups = summary_duplicates(&[s("a", "Same words."), s("b", "Other words."), s("c", "same  words")]);
/// assert_eq!((groups[0].kept.as_str(), groups[0].duplicates.as_slice()), ("a", &["c".to_string()][..]));
/// ```
pub fn summary_duplicates(summaries: &[ArticleSummary]) -> Vec<DuplicateGroup> {
    duplicate_groups(summaries.iter().map(|s| (s.id.as_str(), s.hash.as_str())))
}
