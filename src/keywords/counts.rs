//! Every term count of one text, for corpus summaries: each content word's count by its grouping
//! key, the counts of short word sequences (2–4 words under the phrase candidate rules), and the
//! exact counts of terms the caller asks for. Keys, not spellings, so that counts of many
//! articles add up the way one article's keywords group ("reform", "reforms", "Reform").

use std::cell::Cell;
use std::ops::Range;

use super::official_terms::OfficialTerms;
use super::stopwords::Stopwords;
use super::units::{Stream, Unit};
use crate::segment::tokens::Token;
use rustc_hash::FxHashMap;

/// A counted term: its grouping key (word keys joined by a space for a sequence), its display
/// form (the most frequent spelling; for a sequence the first one seen) and its count.
pub(crate) type Counted = (String, String, u32);

/// The counts of one text.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermCounts {
    /// Word units (stopwords included, numbers only when kept): the size of the text for
    /// relative frequencies and keyness.
    pub words: u64,
    /// Every content word (stopwords left out), sorted by key.
    pub terms: Vec<Counted>,
    /// Every 2–4 word sequence under the phrase candidate rules occurring at least
    /// `min_count` times, sorted by key.
    pub ngrams: Vec<Counted>,
    /// The exact count of each asked-for key sequence, in the order asked.
    pub tracked: Vec<u32>,
}

/// What a corpus summary asks an analysis to count besides its keywords.
///
/// The counting code is reached only through the request's function pointers, which only
/// [`CountRequest::new`] sets, and the counts are left in the request (taken with
/// [`CountRequest::take`]): a build that never summarizes (the page's light module) links none of
/// it, though every analysis passes through the code that would count.
pub(crate) struct CountRequest<'a> {
    /// Keep word sequences seen at least this often (0 reads as 1).
    pub ngram_min_count: u32,
    /// Key sequences (from [`query_keys`]) to count exactly.
    pub tracked: &'a [Vec<String>],
    /// Whether to count every content word and sequence; without, only `tracked` and `words`.
    pub all: bool,
    count: CountFn,
    from_tokens: FromTokensFn,
    shares: SharesFn,
    counts: Cell<Option<TermCounts>>,
}

type CountFn = fn(&str, &Stream, &CountRequest);
type FromTokensFn = fn(&str, &str, &[Token], &[(Range<usize>, usize)], &Stopwords, &OfficialTerms, bool, &CountRequest);
type SharesFn = fn(&str, &[Token], &[Range<usize>], bool) -> bool;

impl<'a> CountRequest<'a> {
    pub(crate) fn new(ngram_min_count: u32, tracked: &'a [Vec<String>], all: bool) -> Self {
        let count: CountFn = |text, stream, request| request.counts.set(Some(count_terms(text, stream, request)));
        CountRequest {
            ngram_min_count,
            tracked,
            all,
            count,
            from_tokens: super::counts_of_tokens,
            shares: super::stream_keeps_every_word,
            counts: Cell::new(None),
        }
    }

    /// The counts of the analysis (empty before one ran with this request).
    pub(crate) fn take(&self) -> TermCounts {
        self.counts.take().unwrap_or_default()
    }

    /// Counts a word stream built from `text` ([`count_terms`]).
    pub(crate) fn count(&self, text: &str, stream: &Stream) {
        (self.count)(text, stream, self)
    }

    /// Counts from an analysis's tokens and sentences ([`super::counts_of_tokens`]).
    #[allow(clippy::too_many_arguments)] // the word lists sit beside each other, as in `stream_of`
    pub(crate) fn count_tokens(
        &self,
        text: &str,
        shadow: &str,
        tokens: &[Token],
        sentences: &[(Range<usize>, usize)],
        stopwords: &Stopwords,
        official: &OfficialTerms,
        keep_numbers: bool,
    ) {
        (self.from_tokens)(text, shadow, tokens, sentences, stopwords, official, keep_numbers, self)
    }

    /// Whether the keyword stage's word stream can be counted instead
    /// ([`super::stream_keeps_every_word`]).
    pub(crate) fn shares_keyword_stream(&self, text: &str, tokens: &[Token], timexes: &[Range<usize>], keep_numbers: bool) -> bool {
        (self.shares)(text, tokens, timexes, keep_numbers)
    }
}

/// The longest word sequence counted.
pub(crate) const MAX_NGRAM: usize = 4;

/// The key a stopword's group has in the stream starts with NUL (so that a stopword's stem never
/// meets a content word's); sequence keys show it without.
fn shown_key(key: &str) -> &str {
    key.strip_prefix('\u{0}').unwrap_or(key)
}

/// Counts the terms of `stream` (built from `text`). The request's `tracked` key sequences are
/// counted exactly wherever they occur as adjacent words within a sentence.
pub(crate) fn count_terms(text: &str, stream: &Stream, request: &CountRequest) -> TermCounts {
    let tracked = request.tracked.iter().map(|keys| count_sequence(stream, keys)).collect();
    if !request.all {
        return TermCounts { words: stream.words, tracked, ..TermCounts::default() };
    }
    let ngram_min_count = request.ngram_min_count;
    let by_group = stream.surfaces_by_group();
    let mut terms: Vec<Counted> = stream
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.stop && g.count > 0)
        .map(|(i, g)| {
            let (key, display) = (stream.key(i as u32), stream.display(&by_group, i as u32));
            (key.to_string(), if display == key { String::new() } else { display.to_string() }, g.count)
        })
        .collect();
    crate::text::sort::sort_by(&mut terms, |a, b| a.0.cmp(&b.0));

    let units = &stream.units;
    let stop = |u: &Unit| stream.groups[u.group as usize].stop;
    // n-gram -> (count, first start unit), keyed by the group ids.
    let mut grams: FxHashMap<[u32; MAX_NGRAM], (u32, u32)> = FxHashMap::default();
    for i in 0..units.len() {
        if units[i].is_break() || stop(&units[i]) {
            continue;
        }
        let mut stops_inside = 0;
        for n in 2..=MAX_NGRAM {
            let Some(last) = units.get(i + n - 1) else { break };
            if last.is_break() {
                break;
            }
            if stop(last) {
                stops_inside += 1;
                if stops_inside > 1 {
                    break;
                }
                continue;
            }
            let mut key = [u32::MAX; MAX_NGRAM];
            for (k, u) in key.iter_mut().zip(&units[i..i + n]) {
                *k = u.group;
            }
            grams.entry(key).or_insert((0, i as u32)).0 += 1;
        }
    }
    let bytes = text.as_bytes();
    let mut ngrams: Vec<Counted> = grams
        .into_iter()
        .filter(|(_, (count, _))| *count >= ngram_min_count.max(1))
        .map(|(key, (count, first))| {
            let n = key.iter().take_while(|&&g| g != u32::MAX).count();
            let joined = key[..n].iter().map(|&g| shown_key(stream.key(g))).collect::<Vec<_>>().join(" ");
            let (a, b) = (&units[first as usize], &units[first as usize + n - 1]);
            let display = String::from_utf8_lossy(&bytes[a.start as usize..stream.end(b) as usize]).into_owned();
            let display = if display == joined { String::new() } else { display };
            (joined, display, count)
        })
        .collect();
    crate::text::sort::sort_by(&mut ngrams, |a, b| a.0.cmp(&b.0));

    TermCounts { words: stream.words, terms, ngrams, tracked }
}

/// Occurrences of the key sequence `keys` as adjacent words of one sentence (0 for an empty one).
fn count_sequence(stream: &Stream, keys: &[String]) -> u32 {
    if keys.is_empty() {
        return 0;
    }
    let lookup = |key: &str| stream.group_of_key(key).or_else(|| stream.group_of_key(&super::units::stop_key(key)));
    let Some(groups) = keys.iter().map(|k| lookup(k)).collect::<Option<Vec<u32>>>() else { return 0 };
    stream.units.windows(groups.len()).filter(|w| w.iter().zip(&groups).all(|(u, &g)| u.group == g)).count() as u32
}

/// The grouping keys of the words of `stream` (a query segmented alone), breaks left out, each as
/// sequence keys show it, with whether it is a stopword's.
pub(crate) fn query_keys(stream: &Stream) -> Vec<(String, bool)> {
    stream
        .units
        .iter()
        .filter(|u| !u.is_break())
        .map(|u| (shown_key(stream.key(u.group)).to_string(), stream.groups[u.group as usize].stop))
        .collect()
}
