//! Keywords: what an article leans on.
//!
//! One pass turns the tokens into a stream of word units grouped into terms
//! ([`units`]: case folding, possessives, hyphenated compounds, stopwords, numbers out by
//! default; [`lemma`]: Snowball stems as grouping keys, never as display forms). On that stream:
//! [`phrases`] (2–4 word collocations by Dunning's log-likelihood), [`keyness`] (log-likelihood
//! and log ratio against a built-in general-language list, or against another text in
//! [`compare`]), [`dispersion`] (per paragraph and section, Juilland's D, Gries's DP) and
//! [`concordance`] (KWIC lines for any term or phrase, from an index built once).

mod compare;
mod concordance;
mod counts;
mod dispersion;
mod frequency;
pub(crate) mod keyness;
mod lemma;
mod number_words;
#[cfg(feature = "zh")]
pub(crate) mod official_terms;
// Without `zh` (the page's light wasm module): the same items, no built-in list, no hash tables.
#[cfg(not(feature = "zh"))]
#[path = "official_terms_off.rs"]
pub(crate) mod official_terms;
mod phrases;
pub(crate) mod stopwords;
mod units;

use std::ops::Range;

pub(crate) use compare::compare;
pub use compare::{ComparedTerm, Comparison};
pub use concordance::{Concordance, ConcordanceLine, ConcordanceOptions, ConcordanceResult, MatchMode};
#[cfg(test)]
pub(crate) use counts::TermCounts;
pub(crate) use counts::{CountRequest, MAX_NGRAM};

/// The JSON Schema (draft 2020-12) of a [`Comparison`] as serialized: what
/// `article-explorer schema comparison` prints (docs/comparison.schema.json).
#[cfg(not(target_arch = "wasm32"))]
pub fn comparison_schema() -> serde_json::Value {
    crate::report::schema_of::<Comparison>("comparison")
}

/// The JSON Schema (draft 2020-12) of a [`ConcordanceResult`] as serialized: what
/// `article-explorer schema concordance` prints (docs/concordance.schema.json).
#[cfg(not(target_arch = "wasm32"))]
pub fn concordance_schema() -> serde_json::Value {
    crate::report::schema_of::<ConcordanceResult>("concordance")
}

use crate::Options;
use crate::keywords::official_terms::OfficialTerms;
use crate::keywords::stopwords::Stopwords;
use crate::report::{Dispersion, Keyness, Keyword, KeywordKind, Span, TermCount};
use crate::segment::tokens::Token;
use crate::segment::zh_words::ChineseWords;
use phrases::{PhraseRules, find_phrases};
use rustc_hash::FxHashMap;
use units::{Stream, UnitRules};

/// Keyword lists of one text, ready for the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeywordLists {
    pub keywords: Vec<Keyword>,
    pub phrases: Vec<usize>,
    pub distinctive: Vec<usize>,
}

/// The document layout keyword statistics need: sentences (byte range, paragraph) in document
/// order, and the section of every paragraph.
pub(crate) struct Layout<'a> {
    pub sentences: &'a [(Range<usize>, usize)],
    pub paragraph_section: &'a [usize],
    /// Byte ranges of the text's time expressions, in document order: the Chinese words inside
    /// them (年, 月, 前夕 of 2019年春节前夕) are pieces of a date, not terms.
    pub timexes: &'a [Range<usize>],
}

/// A word enters the salience ranking only if it is at least twice as frequent as in general
/// language (log ratio ≥ 1) …
const SALIENT_MIN_LOG_RATIO: f64 = 1.0;
/// … and significantly so (log-likelihood ≥ 3.84: p < 0.05).
const SALIENT_MIN_LL: f64 = 3.84;

/// Salience of a word is its free count (occurrences outside listed phrases) weighted by how much
/// more frequent it is than in general language: full weight from a log ratio of 4 (16 times as
/// frequent) up, down to a quarter for words at twice their general frequency. A phrase's salience
/// is its count: phrases are collocations of this text by construction.
const FULL_WEIGHT_LOG_RATIO: f64 = 4.0;

/// A keyword lists at most this many occurrences and paragraphs (the first ones in the text), so
/// the report of a 10 MB text stays small enough to hand to the page quickly; `count`, the
/// section counts and the dispersion measures always cover every occurrence, and the concordance
/// index returns any of them on demand.
pub(crate) const MAX_LISTED: usize = 1000;

/// Minimum log-likelihood for a word to be listed as distinctive: p < 0.0001.
const DISTINCTIVE_MIN_LL: f64 = 15.13;

/// Builds the unit stream of a tokenized text.
/// `shadow` is the text's Simplified shadow (the same byte offsets), which Chinese words are grouped by.
/// `official` holds the terms counted as one word.
pub(crate) fn stream_of(
    text: &str,
    shadow: &str,
    tokens: &[Token],
    layout: &Layout,
    stopwords: &Stopwords,
    official: &OfficialTerms,
    keep_numbers: bool,
) -> Stream {
    let rules = UnitRules { stopwords, keep_numbers, timexes: layout.timexes, official };
    Stream::build(text, shadow, tokens, layout.sentences, layout.paragraph_section.len(), &rules)
}

/// Computes every keyword list of a text, leaving out `stopwords`; `span` converts byte ranges
/// into report spans. The tokens are consumed: they are freed as soon as the word stream is built.
/// `counts`, when given, are counted from the same stream (and left in the request): only right
/// when it leaves out no word ([`stream_keeps_every_word`]).
#[allow(clippy::too_many_arguments)] // the two word lists sit beside each other, as in `stream_of`
pub(crate) fn keyword_lists(
    text: &str,
    shadow: &str,
    tokens: Vec<Token>,
    layout: &Layout,
    options: &Options,
    stopwords: &Stopwords,
    official: &OfficialTerms,
    span: &dyn Fn(Range<usize>) -> Span,
    counts: Option<&CountRequest>,
) -> KeywordLists {
    let limit = options.keyword_limit.unwrap_or(Options::DEFAULT_KEYWORDS);
    if limit == 0 && counts.is_none() {
        return KeywordLists::default();
    }
    let stream = stream_of(text, shadow, &tokens, layout, stopwords, official, options.keep_numbers);
    drop(tokens);
    if let Some(request) = counts {
        request.count(text, &stream);
    }
    if limit == 0 {
        return KeywordLists::default();
    }
    let found = find_phrases(&stream, &PhraseRules::for_words(stream.words));
    let by_group = stream.surfaces_by_group();
    let units = &stream.units;

    // Free counts per group (occurrences outside accepted phrases).
    let mut group_free = vec![0usize; stream.groups.len()];
    for (u, &absorbed) in units.iter().zip(&found.absorbed) {
        if !absorbed && !u.is_break() && !stream.groups[u.group as usize].stop {
            group_free[u.group as usize] += 1;
        }
    }

    // Candidates: (kind, index, free, count).
    enum Item {
        Word(u32),
        Phrase(usize),
    }
    let words_total = stream.words as f64;
    let compute_keyness = |g: usize| -> Keyness {
        let key = stream.key(g as u32);
        let a = stream.groups[g].count as f64;
        let (rate, known) = keyness::reference_rate(key);
        Keyness {
            log_likelihood: keyness::log_likelihood_vs_rate(a, words_total, rate),
            log_ratio: keyness::log_ratio(a, words_total, rate * 1e9, 1e9),
            per_million: a / words_total * 1e6,
            reference_per_million: rate * 1e6,
            in_reference: known,
        }
    };
    // Once per term (the rankings below ask up to three times); stopwords are never asked.
    let keyness_all: Vec<Option<Keyness>> = stream.groups.iter().enumerate().map(|(g, group)| (!group.stop).then(|| compute_keyness(g))).collect();
    let keyness_of = |g: u32| keyness_all[g as usize].unwrap_or_else(|| compute_keyness(g as usize));
    let mut salient: Vec<(Item, f64, usize, &str)> = Vec::new();
    for (g, group) in stream.groups.iter().enumerate() {
        if group.stop || group_free[g] == 0 {
            continue;
        }
        // A word used no more than in general language is not what the text leans on.
        let k = keyness_of(g as u32);
        if k.log_ratio < SALIENT_MIN_LOG_RATIO || k.log_likelihood < SALIENT_MIN_LL {
            continue;
        }
        let weight = (k.log_ratio / FULL_WEIGHT_LOG_RATIO).clamp(0.25, 1.0);
        salient.push((Item::Word(g as u32), group_free[g] as f64 * weight, group.count as usize, stream.display(&by_group, g as u32)));
    }
    // Spellings of every phrase, most frequent first (the first is its display form).
    let mut phrase_forms: Vec<Vec<TermCount>> = found.phrases.iter().map(|p| phrase_variants(text, &stream, p)).collect();
    let phrase_display: Vec<String> = phrase_forms.iter().map(|f| f.first().map(|f| f.term.clone()).unwrap_or_default()).collect();
    for (i, p) in found.phrases.iter().enumerate() {
        salient.push((Item::Phrase(i), p.starts.len() as f64, p.starts.len(), phrase_display[i].as_str()));
    }
    // Salience order: weight, count, then the term; on a tie the order of the list (words by group,
    // then phrases). Only the top `limit` is needed in order: the rest are read by few.
    let insertion = |item: &Item| match *item {
        Item::Word(g) => (0, g as usize),
        Item::Phrase(p) => (1, p),
    };
    let salience = |a: &(Item, f64, usize, &str), b: &(Item, f64, usize, &str)| {
        b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then_with(|| a.3.cmp(b.3)).then_with(|| insertion(&a.0).cmp(&insertion(&b.0)))
    };
    crate::text::sort::sort_head_by(&mut salient, limit, salience);

    // Phrases by frequency; distinctive words by keyness.
    let mut phrase_order: Vec<usize> = (0..found.phrases.len()).collect();
    crate::text::sort::sort_head_by(&mut phrase_order, limit, |&a, &b| {
        let (pa, pb) = (&found.phrases[a], &found.phrases[b]);
        pb.starts.len().cmp(&pa.starts.len()).then(pb.ll.total_cmp(&pa.ll)).then_with(|| phrase_display[a].cmp(&phrase_display[b]))
    });
    phrase_order.truncate(limit);
    let min_count = PhraseRules::for_words(stream.words).min_count as usize;
    let mut distinctive: Vec<(u32, Keyness)> = stream
        .groups
        .iter()
        .enumerate()
        .filter(|(g, group)| !group.stop && group.count as usize >= min_count && group_free[*g] * 4 >= group.count as usize)
        .map(|(g, _)| (g as u32, keyness_of(g as u32)))
        .filter(|(_, k)| k.log_likelihood >= DISTINCTIVE_MIN_LL && k.log_ratio > 0.0)
        .collect();
    crate::text::sort::sort_head_by(&mut distinctive, limit, |a, b| b.1.log_likelihood.total_cmp(&a.1.log_likelihood).then(a.0.cmp(&b.0)));
    distinctive.truncate(limit);

    // The keyword list: the top of the salience ranking, then whatever the other lists need.
    let mut chosen: Vec<usize> = (0..salient.len().min(limit)).collect();
    let mut word_rank = vec![usize::MAX; stream.groups.len()];
    let mut phrase_rank = vec![usize::MAX; found.phrases.len()];
    for (pos, s) in salient.iter().enumerate() {
        match s.0 {
            Item::Word(g) => word_rank[g as usize] = pos,
            Item::Phrase(p) => phrase_rank[p] = pos,
        }
    }
    let known = |pos: usize| (pos != usize::MAX).then_some(pos);
    let phrase_pos: Vec<usize> = phrase_order.iter().filter_map(|&p| known(phrase_rank[p])).collect();
    let distinct_pos: Vec<usize> = distinctive.iter().filter_map(|(g, _)| known(word_rank[*g as usize])).collect();
    // Beyond the top, in salience order (that part of `salient` is not sorted).
    let mut beyond: Vec<usize> = phrase_pos.iter().chain(&distinct_pos).copied().filter(|&p| p >= limit).collect();
    crate::text::sort::sort_by(&mut beyond, |&a, &b| salience(&salient[a], &salient[b]));
    beyond.dedup();
    chosen.extend(beyond);

    // Occurrences (unit indexes) of the chosen words, gathered in one pass.
    let mut slot_of_group = vec![u32::MAX; stream.groups.len()];
    let mut group_units: Vec<Vec<u32>> = Vec::new();
    for &pos in &chosen {
        if let Item::Word(g) = salient[pos].0 {
            slot_of_group[g as usize] = group_units.len() as u32;
            group_units.push(Vec::with_capacity(stream.groups[g as usize].count as usize));
        }
    }
    for (i, u) in units.iter().enumerate() {
        if let Some(&slot) = slot_of_group.get(u.group as usize).filter(|&&s| s != u32::MAX) {
            group_units[slot as usize].push(i as u32);
        }
    }
    // UTF-16 offsets of the units the listed occurrences start or end at, in one pass.
    let mut listed: Vec<u32> = Vec::new();
    for &pos in &chosen {
        match salient[pos].0 {
            Item::Word(g) => listed.extend(group_units[slot_of_group[g as usize] as usize].iter().take(MAX_LISTED)),
            Item::Phrase(p) => {
                let n = found.phrases[p].groups.len() as u32;
                listed.extend(found.phrases[p].starts.iter().take(MAX_LISTED).flat_map(|&s| [s, s + n - 1]));
            }
        }
    }
    // Up to 400,000 positions on a long text: the standard unstable sort of plain integers is
    // markedly faster here than the crate's one shared sort (src/text/sort.rs).
    crate::text::sort::sort_unstable(&mut listed);
    listed.dedup();
    let unit_spans = unit_utf16(text, &stream, &listed, span);
    let span_of = |u: usize| unit_spans[listed.binary_search(&(u as u32)).expect("listed above")];
    let unit_span = |from: usize, to: usize| Span { start: span_of(from).0 as usize, end: span_of(to).1 as usize };
    let paragraph_words = &dispersion::Parts::new(&stream.paragraph_words);
    let keywords: Vec<Keyword> = chosen
        .iter()
        .map(|&pos| {
            let (item, _, count, term) = &salient[pos];
            match item {
                Item::Word(g) => {
                    let occ = &group_units[slot_of_group[*g as usize] as usize];
                    let spread = dispersion::spread(occ.iter().map(|&u| units[u as usize].para as usize), paragraph_words, layout.paragraph_section);
                    Keyword {
                        term: term.to_string(),
                        count: *count,
                        kind: KeywordKind::Word,
                        occurrences: occ.iter().take(MAX_LISTED).map(|&u| unit_span(u as usize, u as usize)).collect(),
                        free_count: group_free[*g as usize],
                        variants: frequency::variants(&stream, by_group.of(*g)).into_iter().map(|(term, count)| TermCount { term, count }).collect(),
                        absorbs: Vec::new(),
                        association: None,
                        keyness: Some(keyness_of(*g)),
                        dispersion: to_report(spread),
                    }
                }
                Item::Phrase(p) => {
                    let phrase = &found.phrases[*p];
                    let n = phrase.groups.len();
                    let spread =
                        dispersion::spread(phrase.starts.iter().map(|&s| units[s as usize].para as usize), paragraph_words, layout.paragraph_section);
                    let mut absorbs: Vec<TermCount> = Vec::new();
                    for &g in phrase.groups.iter().filter(|&&g| !stream.groups[g as usize].stop) {
                        let term = stream.display(&by_group, g).to_string();
                        match absorbs.iter_mut().find(|t| t.term == term) {
                            Some(t) => t.count += phrase.free as usize,
                            None => absorbs.push(TermCount { term, count: phrase.free as usize }),
                        }
                    }
                    Keyword {
                        term: term.to_string(),
                        count: *count,
                        kind: KeywordKind::Phrase,
                        occurrences: phrase.starts.iter().take(MAX_LISTED).map(|&s| unit_span(s as usize, s as usize + n - 1)).collect(),
                        free_count: phrase.free as usize,
                        variants: std::mem::take(&mut phrase_forms[*p]),
                        absorbs,
                        association: Some(phrase.ll),
                        keyness: None,
                        dispersion: to_report(spread),
                    }
                }
            }
        })
        .collect();
    let mut index_at = vec![usize::MAX; salient.len()];
    for (i, &pos) in chosen.iter().enumerate() {
        index_at[pos] = i;
    }
    let index_of = |pos: usize| known(index_at[pos]);
    KeywordLists {
        phrases: phrase_pos.iter().filter_map(|&p| index_of(p)).collect(),
        distinctive: distinct_pos.iter().filter_map(|&p| index_of(p)).collect(),
        keywords,
    }
}

/// UTF-16 `(start, end)` of the units `which` (indexes, ascending), counted incrementally (units
/// are in text order); the result agrees with `span` (checked on the first unit in debug builds).
fn unit_utf16(text: &str, stream: &Stream, which: &[u32], span: &dyn Fn(Range<usize>) -> Span) -> Vec<(u32, u32)> {
    let all_units = &stream.units;
    let units = which.iter().map(|&u| &all_units[u as usize]);
    let bytes = text.as_bytes();
    let units16 = |from: usize, to: usize| crate::text::offsets::count_units(&bytes[from..to]) as u32;
    let mut out = Vec::with_capacity(which.len());
    let (mut at, mut at16) = (0usize, 0u32);
    for u in units {
        let (s, e) = (u.start as usize, stream.end(u) as usize);
        if s < at {
            // Not in order (should not happen): fall back to the caller's conversion.
            let sp = span(s..e);
            out.push((sp.start as u32, sp.end as u32));
            continue;
        }
        // Across a long gap the index's checkpoints are quicker than counting every byte.
        at16 = if s - at > 2 * crate::text::offsets::Utf16Index::STRIDE { span(s..s).start as u32 } else { at16 + units16(at, s) };
        let start16 = at16;
        at16 += units16(s, e);
        at = e;
        out.push((start16, at16));
    }
    if let Some(&first) = which.first() {
        debug_assert_eq!(span(stream.range(&all_units[first as usize])).start as u32, out[0].0);
    }
    out
}

fn to_report(s: dispersion::Spread) -> Dispersion {
    Dispersion {
        sections: s.sections.into_iter().map(|(a, b)| [a, b]).collect(),
        paragraphs: s.paragraphs.into_iter().take(MAX_LISTED).map(|(a, b)| [a, b]).collect(),
        juilland_d: s.juilland_d,
        dp: s.dp,
    }
}

/// The spellings of a phrase (the text from its first to its last word), most frequent first.
/// Counting stops once this many different spellings have been seen (the first ones counted).
const MAX_SPELLINGS: usize = 64;

fn phrase_variants(text: &str, stream: &Stream, phrase: &phrases::Phrase) -> Vec<TermCount> {
    let n = phrase.groups.len();
    let bytes = text.as_bytes();
    let form = |s: u32| {
        let (a, b) = (&stream.units[s as usize], &stream.units[s as usize + n - 1]);
        &bytes[a.start as usize..stream.end(b) as usize]
    };
    // Nearly every occurrence is spelled like the first: compared directly, the rest hashed.
    let Some(&first_start) = phrase.starts.first() else { return Vec::new() };
    let first = form(first_start);
    // Short byte strings compared inline (the library comparison is a call per occurrence).
    let eq = |a: &[u8], b: &[u8]| a.len() == b.len() && if a.len() <= 8 { a.iter().zip(b).all(|(x, y)| x == y) } else { a == b };
    // The same words (exact spellings) with the same text between them are the same spelling; any
    // other occurrence is still compared byte by byte, so equal spellings always meet.
    let first_units = &stream.units[first_start as usize..first_start as usize + n];
    let gap = |us: &[units::Unit], k: usize| &bytes[stream.end(&us[k - 1]) as usize..us[k].start as usize];
    let same_as_first = |s: u32| {
        let us = &stream.units[s as usize..s as usize + n];
        (us.iter().zip(first_units).all(|(a, b)| a.surface == b.surface) && (1..n).all(|k| eq(gap(us, k), gap(first_units, k)))) || eq(form(s), first)
    };
    let mut first_count = 0;
    let mut others: FxHashMap<&[u8], usize> = FxHashMap::default();
    for &s in &phrase.starts {
        if same_as_first(s) {
            first_count += 1;
        } else {
            let f = form(s);
            *others.entry(f).or_default() += 1;
            if others.len() + 1 > MAX_SPELLINGS {
                break;
            }
        }
    }
    // Units start and end on character boundaries, so every form is valid UTF-8.
    let spell = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
    let mut forms: Vec<TermCount> = std::iter::once(TermCount { term: spell(first), count: first_count })
        .chain(others.into_iter().map(|(f, count)| TermCount { term: spell(f), count }))
        .collect();
    crate::text::sort::sort_by(&mut forms, |a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    forms
}

/// Segments a text the way the pipeline does (Chinese cut by `words`) and builds its unit stream
/// (for comparisons and concordances, which need no report).
pub(crate) fn prepare(text: &str, words: &ChineseWords, stopwords: &Stopwords, official: &OfficialTerms, keep_numbers: bool) -> (Stream, Vec<usize>) {
    // Read through the Simplified shadow, as the pipeline reads a text (same byte offsets).
    let shadow = crate::text::script::simplified(text);
    let structure = crate::segment::structure::parse_structure(&shadow);
    let (sentences, tokens) = crate::segment::segment(&shadow, &structure, words);
    let paragraph_section: Vec<usize> = structure.paragraphs.iter().map(|p| p.section).collect();
    let layout = Layout { sentences: &sentences, paragraph_section: &paragraph_section, timexes: &[] };
    (stream_of(text, &shadow, &tokens, &layout, stopwords, official, keep_numbers), paragraph_section)
}

/// Every term count of `text` for a corpus summary (see [`counts`]), segmenting it again: the
/// independent count the one-pass counts of [`counts_of_tokens`] are tested against.
#[cfg(test)]
pub(crate) fn term_counts(
    text: &str,
    words: &ChineseWords,
    stopwords: &Stopwords,
    official: &OfficialTerms,
    keep_numbers: bool,
    request: &CountRequest,
) -> TermCounts {
    let (stream, _) = prepare(text, words, stopwords, official, keep_numbers);
    request.count(text, &stream);
    request.take()
}

/// Counts, for a corpus summary (see [`counts`]; left in `request`), an analyzed text from the tokens and
/// sentences the analysis already cut (`shadow` as for [`stream_of`]). The word stream is built as
/// [`prepare`] builds it for a query (time expressions not left out), so the keys are those
/// [`term_keys`] gives.
#[allow(clippy::too_many_arguments)] // the word lists sit beside each other, as in `stream_of`
pub(crate) fn counts_of_tokens(
    text: &str,
    shadow: &str,
    tokens: &[Token],
    sentences: &[(Range<usize>, usize)],
    stopwords: &Stopwords,
    official: &OfficialTerms,
    keep_numbers: bool,
    request: &CountRequest,
) {
    let layout = Layout { sentences, paragraph_section: &[], timexes: &[] };
    request.count(text, &stream_of(text, shadow, tokens, &layout, stopwords, official, keep_numbers));
}

/// Whether the keyword stream of `tokens` keeps every word a stream without time expressions
/// keeps ([`counts_of_tokens`]): it leaves out only Chinese words that are pieces of `timexes` (in
/// document order, no overlap), and none is there, or numbers are kept (then nothing is left out).
pub(crate) fn stream_keeps_every_word(text: &str, tokens: &[Token], timexes: &[Range<usize>], keep_numbers: bool) -> bool {
    if keep_numbers || timexes.is_empty() {
        return true;
    }
    let mut from = 0;
    !tokens.iter().any(|tok| tok.kind == crate::TokenKind::Cjk && units::in_timex(text, timexes, &mut from, &tok.range))
}

/// The grouping keys of the words of a query term (a word or phrase), as [`counts_of_tokens`] keys
/// them, each with whether it is a stopword's.
pub(crate) fn term_keys(
    query: &str,
    words: &ChineseWords,
    stopwords: &Stopwords,
    official: &OfficialTerms,
    keep_numbers: bool,
) -> Vec<(String, bool)> {
    let (stream, _) = prepare(query, words, stopwords, official, keep_numbers);
    counts::query_keys(&stream)
}
