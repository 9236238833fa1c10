//! The compact summary of one article: what a corpus keeps of it once analyzed. Metadata (title,
//! publication, date and its source, language, size, text hash), every content word's count and
//! the counts of short word sequences (enough for trends and phrasing changes of any term over a
//! whole corpus), and the article's dated events with their sentences (for the merged timeline).
//! A few kilobytes per news article, where the report is tens, and no text: the page stores
//! thousands of them, the CLI writes one per line.

use serde::{Deserialize, Serialize};

use super::date::{ArticleDateSource, choose_date};
use super::duplicates::text_hash;
use crate::engine::Engine;
use crate::keywords::CountRequest;
use crate::options::Options;
use crate::report::{HeaderField, Language, TimexKind, Warning};

/// The version of the summary format; bumped when a field changes meaning or disappears.
pub const SUMMARY_VERSION: u32 = 1;

/// What to summarize an article with, besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SummaryOptions {
    /// The caller's id of the article (the CLI: its path; the page: its file name or library key).
    pub id: String,
    /// Its file name or path, read for an ISO date when the text has no dateline.
    pub file_name: Option<String>,
    /// The user's date (`YYYY-MM-DD`), used when neither the dateline nor the file name has one.
    pub user_date: Option<String>,
    /// Terms (words or phrases) to count exactly in this article, whatever their length or
    /// frequency; their counts go to `tracked`.
    pub track: Vec<String>,
    /// Word sequences are kept when they occur at least this often in the article (default 2; 1
    /// keeps every one, which makes summaries several times larger).
    pub ngram_min_count: u32,
    /// How many of the report's keywords to keep as the article's top terms (default 10).
    pub top_terms: usize,
    /// Whether to keep every content word's and word sequence's count (default true); without,
    /// `terms` and `ngrams` are empty (`counted_words` and `tracked` are still counted).
    pub counts: bool,
    /// Analysis options: language, stopword edits, numbers (their `dct` is ignored: the date is
    /// chosen as described above).
    #[serde(flatten)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub analysis: Options,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            id: String::new(),
            file_name: None,
            user_date: None,
            track: Vec::new(),
            ngram_min_count: 2,
            top_terms: 10,
            counts: true,
            analysis: Options::default(),
        }
    }
}

/// A counted term: `[key, display, count]`. The key is the grouping key (an English stem, a
/// Chinese word; a sequence's word keys joined by a space), the display form the most frequent
/// spelling (empty when it equals the key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TermEntry(pub String, pub String, pub u32);

impl TermEntry {
    /// The display form (the key when no other spelling was recorded).
    pub fn display(&self) -> &str {
        if self.1.is_empty() { &self.0 } else { &self.1 }
    }
}

/// The exact count of a term the caller asked to track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TrackedCount {
    /// The term as asked.
    pub term: String,
    /// Its word keys, joined by a space.
    pub key: String,
    /// Occurrences (adjacent words within a sentence).
    pub count: u32,
}

/// A top term's count and how often general language uses it: `[count, reference_per_million]`,
/// the rate `null` for a phrase (phrases are not compared with the reference list).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TopCount(pub u32, pub Option<f64>);

/// One dated event of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SummaryEvent {
    /// TIMEX3 value (`2024-03-05`, `2024-Q1`).
    pub value: String,
    /// First day covered.
    pub start_date: String,
    /// Last day covered.
    pub end_date: String,
    /// `day`, `month`, `year`, `range`, …
    pub granularity: String,
    /// How the value was found.
    pub kind: TimexKind,
    /// The expression as written.
    pub text: String,
    /// The sentence that holds it (white space collapsed; at most [`MAX_EVENT_CHARS`] characters).
    pub sentence: String,
}

/// An event's sentence is cut after this many characters (with `…`).
pub const MAX_EVENT_CHARS: usize = 300;

/// The compact summary of one article (see the module documentation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ArticleSummary {
    /// [`SUMMARY_VERSION`].
    pub version: u32,
    /// The caller's id ([`SummaryOptions::id`]).
    pub id: String,
    /// The title, when one was recognised.
    pub title: Option<String>,
    /// The publication named in the header (its `publication` field, else its `source`), if any.
    pub publication: Option<String>,
    /// The article's date, `YYYY-MM-DD`, or `None` when undated.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: ArticleDateSource,
    /// The dominant language.
    pub language: Language,
    /// Hash of the normalized text: equal for duplicates ([`super::text_hash`]).
    pub hash: String,
    /// Characters (Unicode scalar values).
    pub characters: usize,
    /// Word tokens (letters, numbers, CJK words), as the report counts them.
    pub words: usize,
    /// The word units counts are relative to (stopwords included, numbers left out unless
    /// kept): the denominator of relative frequencies and keyness.
    pub counted_words: u64,
    /// Sentences.
    pub sentences: usize,
    /// The report's first keywords (words and phrases), most salient first.
    pub top_terms: Vec<String>,
    /// The count of each top term in this article and its reference rate, in `top_terms`' order.
    #[serde(default)]
    pub top_counts: Vec<TopCount>,
    /// Every content word (stopwords left out), sorted by key (empty when asked for no counts).
    pub terms: Vec<TermEntry>,
    /// 2–4 word sequences (no stopword at either end, at most one inside, within a sentence)
    /// seen at least `ngram_min_count` times, sorted by key (empty when asked for no counts).
    pub ngrams: Vec<TermEntry>,
    /// The threshold `ngrams` were kept at: with 1 they are complete, with more a sequence
    /// missing here may still occur (fewer times).
    pub ngram_min_count: u32,
    /// Exact counts of the terms asked for in [`SummaryOptions::track`].
    #[serde(default)]
    pub tracked: Vec<TrackedCount>,
    /// Dated events (days, months, years, ranges) in chronological order.
    pub timeline: Vec<SummaryEvent>,
    /// The analysis's warnings.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl ArticleSummary {
    /// A content word's or word sequence's count by key (0 when absent).
    pub fn count_of_key(&self, key: &str) -> u32 {
        let list = if key.contains(' ') { &self.ngrams } else { &self.terms };
        list.binary_search_by(|e| e.0.as_str().cmp(key)).map_or(0, |i| list[i].2)
    }
}

/// Analyzes `text` and keeps its summary. The date is the dateline's, else the file name's, else
/// the user's ([`choose_date`]); relative expressions are resolved against it.
///
/// ```
/// use article_explorer::{Engine, corpus::{ArticleDateSource, SummaryOptions, summarize}};
/// let options = SummaryOptions { id: "a".into(), file_name: Some("2024-03-05.txt".into()), track: vec!["new rules".into()], ..Default::default() };
/// let s = summarize(&Engine::new(), "New rules came yesterday. The new rules hold.", &options);
/// assert_eq!((s.date.as_deref(), s.date_source), (Some("2024-03-05"), ArticleDateSource::FileName));
/// assert_eq!(s.count_of_key("rule"), 2);
/// assert_eq!(s.tracked[0].count, 2);
/// assert_eq!(s.timeline[0].start_date, "2024-03-04");
/// ```
pub fn summarize(engine: &Engine, text: &str, options: &SummaryOptions) -> ArticleSummary {
    let dateline = crate::timex::dateline::find_dateline(text).map(|(value, _)| value);
    let (date, date_source) = choose_date(dateline.as_deref(), options.file_name.as_deref(), options.user_date.as_deref());
    let analysis = Options {
        // The chosen date, the dateline's too (the analysis then does not look for it again:
        // relative expressions resolve against the same day either way).
        dct: date.clone(),
        keyword_limit: Some(options.top_terms),
        tokens: false,
        ..options.analysis.clone()
    };
    let track_keys: Vec<Vec<String>> = options.track.iter().map(|t| engine.term_keys(t, &analysis).into_iter().map(|(k, _)| k).collect()).collect();
    let request = CountRequest::new(options.ngram_min_count.max(1), &track_keys, options.counts);
    let report = engine.analyze_counted(text, &analysis, Some(&request));
    let counts = request.take();

    let sentences = sentence_texts(text, &report);
    let timeline = report
        .timeline
        .iter()
        .filter_map(|e| {
            let t = report.timexes.get(e.timex)?;
            Some(SummaryEvent {
                value: t.value.clone(),
                start_date: e.start_date.clone(),
                end_date: e.end_date.clone(),
                granularity: e.granularity.clone(),
                kind: e.kind,
                text: t.text.clone(),
                sentence: sentences.get(e.sentence).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let header = |field: &str| {
        report.header.iter().find(|h: &&HeaderField| h.field == field && !h.value.trim().is_empty()).map(|h| h.value.trim().to_string())
    };
    ArticleSummary {
        version: SUMMARY_VERSION,
        id: options.id.clone(),
        title: report.title.as_ref().map(|t| t.text.clone()),
        publication: header("publication").or_else(|| header("source")),
        date,
        date_source,
        language: report.language,
        hash: text_hash(text),
        characters: report.stats.characters,
        words: report.stats.words,
        counted_words: counts.words,
        sentences: report.stats.sentences,
        top_terms: report.keywords.iter().take(options.top_terms).map(|k| k.term.clone()).collect(),
        top_counts: report
            .keywords
            .iter()
            .take(options.top_terms)
            .map(|k| TopCount(k.count as u32, k.keyness.map(|k| k.reference_per_million)))
            .collect(),
        terms: counts.terms.into_iter().map(|(k, d, n)| TermEntry(k, d, n)).collect(),
        ngrams: counts.ngrams.into_iter().map(|(k, d, n)| TermEntry(k, d, n)).collect(),
        ngram_min_count: options.ngram_min_count.max(1),
        tracked: options
            .track
            .iter()
            .zip(track_keys)
            .zip(counts.tracked)
            .map(|((term, keys), count)| TrackedCount { term: term.clone(), key: keys.join(" "), count })
            .collect(),
        timeline,
        warnings: report.warnings,
    }
}

/// The text of the sentences the timeline refers to (the others left empty), white space
/// collapsed and cut at [`MAX_EVENT_CHARS`]. The report's offsets are UTF-16; one pass over the
/// text turns the needed ones into byte offsets.
fn sentence_texts(text: &str, report: &crate::report::Report) -> Vec<String> {
    let mut wanted: Vec<usize> = report.timeline.iter().map(|e| e.sentence).filter(|&s| s < report.sentences.len()).collect();
    crate::text::sort::sort_unstable(&mut wanted);
    wanted.dedup();
    let mut offsets: Vec<usize> = wanted.iter().flat_map(|&s| [report.sentences[s].start, report.sentences[s].end]).collect();
    crate::text::sort::sort_unstable(&mut offsets);
    offsets.dedup();
    let mut bytes_at = Vec::with_capacity(offsets.len());
    let (mut u16_at, mut next) = (0usize, 0usize);
    for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        while next < offsets.len() && offsets[next] <= u16_at {
            bytes_at.push(byte);
            next += 1;
        }
        if next == offsets.len() {
            break;
        }
        u16_at += c.len_utf16();
    }
    bytes_at.resize(offsets.len(), text.len());
    let byte = |u: usize| offsets.binary_search(&u).map_or(text.len(), |i| bytes_at[i]);
    let mut out = vec![String::new(); report.sentences.len()];
    for s in wanted {
        let (a, b) = (byte(report.sentences[s].start), byte(report.sentences[s].end));
        out[s] = event_text(text.get(a..b).unwrap_or(""));
    }
    out
}

/// A sentence for an event: white space collapsed, at most [`MAX_EVENT_CHARS`] characters.
fn event_text(sentence: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for word in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            n += 1;
        }
        for c in word.chars() {
            if n == MAX_EVENT_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            n += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// The counts of one pass (from the analysis's tokens) equal those of a segmentation of their
    /// own, on both samples and a mixed text, with tracked terms (absent ones and a stopword among them).
    #[test]
    fn one_pass_counts_equal_a_second_segmentation() {
        let engine = Engine::new();
        let texts = [
            read("samples/en-peoples-daily-2025-11-05.txt"),
            read("samples/zh-community-governance-2025.txt"),
            "人民日报 2024年3月5日 社会工作 grew. Social work matters; social workers work hard.\n\n社会工作很重要。".to_string(),
        ];
        for text in &texts {
            for min in [1, 2] {
                let options = SummaryOptions {
                    track: vec!["social work".into(), "社会工作".into(), "the".into(), "no such phrase".into()],
                    ngram_min_count: min,
                    ..Default::default()
                };
                let s = summarize(&engine, text, &options);
                let analysis = Options { dct: s.date.clone(), ..options.analysis.clone() };
                let keys: Vec<Vec<String>> =
                    options.track.iter().map(|t| engine.term_keys(t, &analysis).into_iter().map(|(k, _)| k).collect()).collect();
                let expected = engine.term_counts(text, &analysis, &CountRequest::new(min, &keys, true));
                assert!(!expected.terms.is_empty() && (min > 1 || !expected.ngrams.is_empty()));
                assert_eq!(s.counted_words, expected.words);
                assert_eq!(s.terms, expected.terms.into_iter().map(|(k, d, n)| TermEntry(k, d, n)).collect::<Vec<_>>());
                assert_eq!(s.ngrams, expected.ngrams.into_iter().map(|(k, d, n)| TermEntry(k, d, n)).collect::<Vec<_>>());
                assert_eq!(s.tracked.iter().map(|t| t.count).collect::<Vec<_>>(), expected.tracked);
            }
        }
    }

    /// The counts against a count by hand: words split at anything but letters, stopwords left
    /// out, each word keyed alone; word pairs within the pieces between punctuation.
    #[test]
    fn counts_equal_a_count_by_hand() {
        let engine = Engine::new();
        let text = "Rivers flood the valley. The river floods again, and farmers fear river floods! \
                    Farmers plant rice near the valley river; rice farmers sell rice.";
        let s = summarize(&engine, text, &SummaryOptions { ngram_min_count: 1, track: vec!["river floods".into()], ..Default::default() });
        let key = |w: &str| engine.term_keys(w, &Options::default()).remove(0).0;
        let mut words: BTreeMap<String, u32> = BTreeMap::new();
        let mut pairs: BTreeMap<String, u32> = BTreeMap::new();
        let mut all = 0;
        for piece in text.split(|c: char| !c.is_alphabetic() && c != ' ') {
            let piece: Vec<String> = piece.split_whitespace().map(crate::text::case::to_lowercase).collect();
            all += piece.len() as u64;
            let content: Vec<Option<String>> = piece.iter().map(|w| (!engine.stopwords().contains(w)).then(|| key(w))).collect();
            for k in content.iter().flatten() {
                *words.entry(k.clone()).or_default() += 1;
            }
            for pair in content.windows(2) {
                if let [Some(a), Some(b)] = pair {
                    *pairs.entry(format!("{a} {b}")).or_default() += 1;
                }
            }
        }
        assert_eq!(s.counted_words, all);
        assert_eq!(s.terms.iter().map(|t| (t.0.clone(), t.2)).collect::<BTreeMap<_, _>>(), words);
        let two: BTreeMap<String, u32> = s.ngrams.iter().filter(|t| t.0.matches(' ').count() == 1).map(|t| (t.0.clone(), t.2)).collect();
        assert_eq!(two, pairs);
        assert_eq!(s.tracked[0].count, pairs[&format!("{} {}", key("river"), key("floods"))]);
        // Rivers flood, river floods, river floods.
        assert_eq!(s.tracked[0].count, 3);
    }

    /// Without a dateline, relative expressions ("yesterday", 昨天, 上周五) are resolved against
    /// the file name's or the user's date in the summary's one analysis; a dateline wins over both.
    #[test]
    fn relative_dates_resolve_against_the_chosen_date() {
        let engine = Engine::new();
        let starts = |text: &str, file_name: Option<&str>, user: Option<&str>| {
            let options = SummaryOptions { file_name: file_name.map(Into::into), user_date: user.map(Into::into), ..Default::default() };
            let s = summarize(&engine, text, &options);
            (s.date.clone(), s.date_source, s.timeline.iter().map(|e| e.start_date.clone()).collect::<Vec<_>>())
        };
        let day = |d: &str| Some(d.to_string());
        let en = "The ministry announced the plan yesterday. Work starts tomorrow.";
        assert_eq!(
            starts(en, None, Some("2024-03-05")),
            (day("2024-03-05"), ArticleDateSource::User, vec!["2024-03-04".into(), "2024-03-06".into()])
        );
        assert_eq!(starts(en, Some("2023-12-31 notes.txt"), Some("2024-03-05")).2, ["2023-12-30", "2024-01-01"]);
        let zh = "昨天，国务院公布了这项计划。明天开始实施。";
        assert_eq!(
            starts(zh, None, Some("2024-03-05")),
            (day("2024-03-05"), ArticleDateSource::User, vec!["2024-03-04".into(), "2024-03-06".into()])
        );
        assert_eq!(
            starts(zh, Some("2024-01-01.txt"), None),
            (day("2024-01-01"), ArticleDateSource::FileName, vec!["2023-12-31".into(), "2024-01-02".into()])
        );
        // Undated: nothing to resolve against.
        assert_eq!(starts(zh, None, None), (None, ArticleDateSource::None, vec![]));
        // A dateline is the article's date, whatever the file name says.
        let dated = "BEIJING, June 3, 2024 -- The ministry announced the plan yesterday.";
        let (date, source, days) = starts(dated, Some("2024-03-05.txt"), Some("2024-03-05"));
        assert_eq!((date, source), (day("2024-06-03"), ArticleDateSource::Dateline));
        assert!(days.contains(&"2024-06-02".to_string()), "{days:?}");
    }

    /// `counts: false` leaves the term lists empty and keeps the rest; the top terms come with
    /// their counts; the publication is the header's `publication` before its `source`.
    #[test]
    fn optional_counts_top_counts_and_publication() {
        let engine = Engine::new();
        let zh = read("samples/zh-community-governance-2025.txt");
        let options = SummaryOptions { track: vec!["社会工作".into()], ..Default::default() };
        let full = summarize(&engine, &zh, &options);
        let lean = summarize(&engine, &zh, &SummaryOptions { counts: false, ..options });
        assert!(!full.terms.is_empty() && lean.terms.is_empty() && lean.ngrams.is_empty());
        assert_eq!(ArticleSummary { terms: Vec::new(), ngrams: Vec::new(), ..full.clone() }, lean);
        assert_eq!(full.publication.as_deref(), Some("人民日报"));

        let en = "River floods hit the valley. The river floods again and farmers fear river floods. \
                  Farmers watch the river. The river rises; the river falls.";
        let s = summarize(&engine, en, &SummaryOptions::default());
        assert_eq!(s.top_counts.len(), s.top_terms.len());
        let river = s.top_terms.iter().position(|t| t == "river").expect("river is a top term");
        assert_eq!(s.top_counts[river].0, s.count_of_key("river"));
        assert!(s.top_counts[river].1.is_some_and(|rate| rate > 0.0));
        let sample = read("samples/en-peoples-daily-2025-11-05.txt");
        let s = summarize(&engine, &sample, &SummaryOptions { track: vec!["social work".into()], ..Default::default() });
        let phrase = s.top_terms.iter().position(|t| t == "social work").expect("a phrase among the top terms");
        let TopCount(count, rate) = s.top_counts[phrase];
        // A phrase's occurrences are those of its words in sequence (overlapping phrases aside).
        assert!(rate.is_none() && count > 1 && count <= s.tracked[0].count, "{count} of {}", s.tracked[0].count);
    }

    /// The keyword stream is shared with the counts only when it leaves out no word: a Chinese
    /// word inside a time expression makes the counts build a stream of their own (both ways are
    /// compared with a second segmentation above: the English sample shares, the Chinese one not).
    #[test]
    fn the_keyword_stream_is_shared_only_when_it_keeps_every_word() {
        let engine = Engine::new();
        let text = "2024年春节前夕，社会工作 grew in March 2024.";
        let tokens = engine.tokens(text);
        let date = 0..text.find('，').unwrap();
        let march = text.find("March").unwrap()..text.len() - 1;
        assert!(!crate::keywords::stream_keeps_every_word(text, &tokens, std::slice::from_ref(&date), false));
        assert!(crate::keywords::stream_keeps_every_word(text, &tokens, std::slice::from_ref(&date), true));
        assert!(crate::keywords::stream_keeps_every_word(text, &tokens, std::slice::from_ref(&march), false));
        assert!(crate::keywords::stream_keeps_every_word(text, &tokens, &[], false));
        // A word that goes on beyond a time expression by more than one character is kept; one
        // that ends a character after it (前夕 after 2024年春节前) is part of the date.
        let part = date.end + 3..date.end + 6;
        assert!(crate::keywords::stream_keeps_every_word(text, &tokens, std::slice::from_ref(&part), false));
        let short = 0..date.end - "夕".len();
        assert!(!crate::keywords::stream_keeps_every_word(text, &tokens, std::slice::from_ref(&short), false));
        assert!(!crate::keywords::stream_keeps_every_word(text, &tokens, &[1..2, date.end + 3..date.end + 15, march], false));
    }
}
