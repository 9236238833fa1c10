//! The pipeline: structure, sentences, tokens, reference date, timexes, keywords, then one
//! conversion of every byte offset into UTF-16 for the report.

use crate::keywords::official_terms::OfficialTerms;
use crate::keywords::stopwords::Stopwords;
use crate::keywords::{CountRequest, keyword_lists};
use crate::report::*;
use crate::segment::segment;
use crate::segment::structure::parse_structure;
use crate::segment::zh_words::ChineseWords;
use crate::text::offsets::Utf16Index;
use crate::timex::dateline::find_dateline;
use crate::timex::{Basis, calendar_extent, tag};
use crate::{LanguageChoice, Options, parse_date};

/// A stage of the analysis, reported to progress callbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Paragraphs, sections, header.
    Structure,
    /// Sentences and tokens.
    Segmentation,
    /// Temporal expressions.
    Timeline,
    /// Keywords.
    Keywords,
    /// Building the report.
    Report,
}

/// What an analysis works with besides the text and its options: the engine's Chinese word
/// segmenter, the stopword list (the engine's, with the options' edits applied) and its official
/// terms.
pub(crate) struct Setup<'a> {
    pub words: &'a ChineseWords,
    pub stopwords: &'a Stopwords,
    /// The official terms keyword analysis counts as one word.
    pub official: &'a OfficialTerms,
}

/// Analyzes `text`, calling `progress(stage, fraction_done)` as it goes (fraction in 0..=1).
pub(crate) fn analyze(text: &str, options: &Options, setup: &Setup, progress: &mut dyn FnMut(Stage, f64)) -> Report {
    analyze_counted(text, options, setup, progress, None)
}

/// [`analyze`], also counting what `counts` asks for (a corpus summary's term counts, left in the
/// request) from the tokens the analysis cuts, so the text is segmented once.
pub(crate) fn analyze_counted(
    text: &str,
    options: &Options,
    setup: &Setup,
    progress: &mut dyn FnMut(Stage, f64),
    counts: Option<&CountRequest>,
) -> Report {
    let mut warnings = Vec::new();
    progress(Stage::Structure, 0.0);
    // Traditional Chinese is read through its Simplified shadow (same byte offsets): the header
    // labels, the dictionary and the time-expression lexicons are Simplified. Everything the
    // report quotes is cut from `text`.
    let original = text;
    let shadow = crate::text::script::simplified(text);
    let text = shadow.as_ref();
    let mut structure = parse_structure(text);
    if options.lang != LanguageChoice::Auto {
        let forced = if options.lang == LanguageChoice::En { Language::En } else { Language::Zh };
        structure.paragraphs.iter_mut().for_each(|p| p.language = forced);
    }

    progress(Stage::Segmentation, 0.1);
    let (sentences, tokens) = segment(text, &structure, setup.words);

    progress(Stage::Timeline, 0.5);
    let reference_date = reference_date(text, options, &mut warnings);
    let timex_paragraphs: Vec<(std::ops::Range<usize>, Language)> = structure.paragraphs.iter().map(|p| (p.range.clone(), p.language)).collect();
    let hits = tag(text, &timex_paragraphs, reference_date.value.as_deref().and_then(crate::timex::Date::parse));
    let sentences = join_sentences_cut_inside_timexes(sentences, &hits);

    if tokens.iter().any(|t| t.kind == crate::TokenKind::Cjk) && !setup.words.status().0 {
        warnings.push(Warning::ChineseDictionaryMissing {});
        #[cfg(not(feature = "zh"))]
        warnings.push(Warning::ChineseUnsupported {});
    }
    // A byte search (memchr), not a decode of every character.
    let replacements = text.matches('\u{FFFD}').count();
    if replacements > 0 {
        warnings.push(Warning::ReplacementCharacters { count: replacements });
    }
    let index = Utf16Index::new(text);
    let u = |b: usize| index.utf16(b);
    let span = |r: &std::ops::Range<usize>| Span { start: u(r.start), end: u(r.end) };
    let sentence_of = |byte: usize| sentences.partition_point(|(r, _)| r.end <= byte).min(sentences.len().saturating_sub(1));

    // Calendar expressions only: a named event (二十届四中全会, found through the domain lists)
    // is a term of its own and stays a keyword.
    // Page furniture (masthead, bylines, datelines, caption credits) is no term either.
    let mut timex_ranges: Vec<std::ops::Range<usize>> =
        hits.iter().filter(|h| h.source.is_none()).map(|h| h.range.clone()).chain(structure.furniture.iter().cloned()).collect();
    crate::text::sort::sort_by(&mut timex_ranges, |a, b| a.start.cmp(&b.start));
    // One union of the two lists: the keyword stage walks them in order and expects no overlap.
    let timex_ranges = timex_ranges.into_iter().fold(Vec::<std::ops::Range<usize>>::new(), |mut acc, r| {
        match acc.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => acc.push(r),
        }
        acc
    });
    let starts: Vec<std::ops::Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
    let reference_anchor = match reference_date.source {
        DateSource::Dateline => Some(TimexAnchor::Dateline),
        DateSource::Caller => Some(TimexAnchor::Caller),
        DateSource::None => None,
    };
    let timexes: Vec<Timex> = hits
        .into_iter()
        .map(|h| {
            // The earlier expression a value was counted from: the timex that starts there, or
            // (when the merge replaced it with a longer institutional one) the timex holding it.
            let anchor_timex = match h.basis {
                Basis::Earlier(at) => {
                    let k = starts.partition_point(|r| r.end <= at);
                    (k < starts.len()).then_some(k)
                }
                _ => None,
            };
            let anchor = match h.basis {
                Basis::None => None,
                Basis::Reference => reference_anchor,
                Basis::Earlier(_) => anchor_timex.map(|_| TimexAnchor::Earlier),
            };
            let rule = match (h.kind, h.festival, anchor) {
                (TimexKind::Domain, _, _) => TimexRule::Institutional,
                (_, true, _) => TimexRule::Festival,
                (TimexKind::Explicit, _, _) => TimexRule::Explicit,
                (_, _, Some(TimexAnchor::Earlier)) => TimexRule::Narrative,
                _ => TimexRule::Relative,
            };
            Timex {
                start: u(h.range.start),
                end: u(h.range.end),
                text: original[h.range.clone()].to_string(),
                timex_type: h.timex_type,
                value: h.value,
                end_value: h.end_value,
                kind: h.kind,
                source: h.source,
                sentence: sentence_of(h.range.start),
                rule,
                anchor,
                anchor_timex,
                modifier: h.modifier,
            }
        })
        .collect();
    let timeline = build_timeline(&timexes);
    // What the report needs of the tokens is taken now: the keyword stage consumes them (and
    // frees them once its word stream is built, which lowers the peak memory of long texts).
    let word_count = tokens.iter().filter(|t| t.kind.is_word()).count();
    let token_spans: Vec<TokenSpan> = if options.tokens {
        let mut s = 0;
        tokens
            .iter()
            .map(|t| {
                while s + 1 < sentences.len() && sentences[s].0.end <= t.range.start {
                    s += 1;
                }
                TokenSpan { start: u(t.range.start), end: u(t.range.end), kind: t.kind, sentence: s }
            })
            .collect()
    } else {
        Vec::new()
    };
    // Keywords need the UTF-16 index for their occurrences, so their stage starts once it exists.
    progress(Stage::Keywords, 0.7);
    // From the keyword stage's word stream when it is the same as a plain one (English text,
    // Chinese without dates); else from a stream of their own, before the keyword stage consumes
    // the tokens.
    let shared = counts.filter(|request| request.shares_keyword_stream(text, &tokens, &timex_ranges, options.keep_numbers));
    if let Some(request) = counts.filter(|_| shared.is_none()) {
        request.count_tokens(original, text, &tokens, &sentences, setup.stopwords, setup.official, options.keep_numbers);
    }
    let paragraph_section: Vec<usize> = structure.paragraphs.iter().map(|p| p.section).collect();
    let layout = crate::keywords::Layout { sentences: &sentences, paragraph_section: &paragraph_section, timexes: &timex_ranges };
    let keywords = keyword_lists(original, text, tokens, &layout, options, setup.stopwords, setup.official, &|r| span(&r), shared);

    progress(Stage::Report, 0.9);

    let report = Report {
        version: REPORT_VERSION,
        language: structure.script_counts.language(),
        reference_date,
        stats: Stats {
            characters: text.chars().count(),
            utf16_length: u(text.len()),
            words: word_count,
            sentences: sentences.len(),
            paragraphs: structure.paragraphs.len(),
            sections: structure.sections.len(),
        },
        header: structure
            .header
            .iter()
            .map(|h| HeaderField {
                field: h.field.clone(),
                value: original[h.value.clone()].to_string(),
                start: u(h.range.start),
                end: u(h.range.end),
            })
            .collect(),
        title: structure.title.as_ref().map(|r| TextSpan { start: u(r.start), end: u(r.end), text: original[r.clone()].trim().to_string() }),
        sections: structure
            .sections
            .iter()
            .map(|s| Section {
                start: u(s.range.start),
                end: u(s.range.end),
                title: s.title.as_ref().map(|r| original[r.clone()].trim().to_string()),
                level: s.level,
                first_paragraph: s.first_paragraph,
                paragraph_count: s.paragraph_count,
            })
            .collect(),
        paragraphs: structure
            .paragraphs
            .iter()
            .map(|p| Paragraph { start: u(p.range.start), end: u(p.range.end), kind: p.kind, language: p.language, section: p.section })
            .collect(),
        sentences: sentences.iter().map(|(r, p)| Sentence { start: u(r.start), end: u(r.end), paragraph: *p }).collect(),
        keywords: keywords.keywords,
        phrases: keywords.phrases,
        distinctive: keywords.distinctive,
        timexes,
        timeline,
        tokens: token_spans,
        warnings,
    };
    progress(Stage::Report, 1.0);
    report
}

fn reference_date(text: &str, options: &Options, warnings: &mut Vec<Warning>) -> ReferenceDate {
    if let Some(dct) = &options.dct {
        match parse_date(dct) {
            Ok(value) => return ReferenceDate { value: Some(value), source: DateSource::Caller, span: None },
            Err(_) => warnings.push(Warning::ReferenceDateInvalid { value: dct.clone() }),
        }
    }
    match find_dateline(text) {
        Some((value, range)) => {
            let index = Utf16Index::new(&text[..range.end]);
            ReferenceDate {
                value: Some(value),
                source: DateSource::Dateline,
                span: Some(Span { start: index.utf16(range.start), end: index.utf16(range.end) }),
            }
        }
        None => ReferenceDate::default(),
    }
}

fn build_timeline(timexes: &[Timex]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.timex_type, TimexType::Date | TimexType::Time))
        // The end of a range written as two expressions ("from 1939 to 1945") is already the
        // first one's end_value.
        .filter(|(i, t)| {
            !i.checked_sub(1)
                .and_then(|p| timexes.get(p))
                .is_some_and(|p| p.sentence == t.sentence && p.end_value.as_deref() == Some(t.value.as_str()))
        })
        .filter_map(|(i, t)| {
            let (start_date, mut end_date, mut granularity) = calendar_extent(&t.value)?;
            // A range never ends before it starts (fuzzing found "Nov. 2024-02-29" read as
            // 2024-11 to 2024-01-02): such an end is dropped and the start stands alone.
            let mut start_date = start_date;
            if let Some((_, end, _)) = t.end_value.as_deref().and_then(calendar_extent).filter(|(_, end, _)| *end >= start_date) {
                end_date = end;
                granularity = "range";
            }
            let (mut soft_start, mut soft_end) = (granularity == "season", granularity == "season");
            match t.modifier {
                Some(TimexMod::Approx) => (soft_start, soft_end) = (true, true),
                Some(part) if granularity != "day" && granularity != "range" => {
                    (start_date, end_date) = part_of(&start_date, &end_date, part);
                    (soft_start, soft_end) = (part != TimexMod::Start, part != TimexMod::End);
                }
                _ => {}
            }
            Some(TimelineEntry {
                timex: i,
                start_date,
                end_date,
                granularity: granularity.to_string(),
                kind: t.kind,
                sentence: t.sentence,
                soft_start,
                soft_end,
            })
        })
        .collect();
    crate::text::sort::sort_by(&mut entries, |a, b| (&a.start_date, &a.end_date, a.timex).cmp(&(&b.start_date, &b.end_date, b.timex)));
    entries
}

/// The first, middle or last third of the days from `start` to `end` (`YYYY-MM-DD`, inclusive):
/// "early 2024" is January to April, "mid-November" the 11th to the 20th.
fn part_of(start: &str, end: &str, part: TimexMod) -> (String, String) {
    let (Some(a), Some(b)) = (crate::timex::Date::parse(start), crate::timex::Date::parse(end)) else {
        return (start.to_string(), end.to_string());
    };
    let days = b.to_days() - a.to_days() + 1;
    let (from, to) = match part {
        TimexMod::Start => (0, days / 3),
        TimexMod::Mid => (days / 3, days - days / 3),
        TimexMod::End => (days - days / 3, days),
        TimexMod::Approx => (0, days),
    };
    (a.add_days(from).iso(), a.add_days(to.max(from + 1) - 1).iso())
}

/// Joins the sentences of one paragraph that a timex runs across, so a date is never cut in two
/// and every timex lies inside its sentence (fuzzing found "经济Jan. 5" split after "Jan.").
/// `sentences` and `hits` are in document order and the hits do not overlap; linear time.
fn join_sentences_cut_inside_timexes(
    sentences: Vec<(std::ops::Range<usize>, usize)>,
    hits: &[crate::timex::TimexHit],
) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out: Vec<(std::ops::Range<usize>, usize)> = Vec::with_capacity(sentences.len());
    let mut h = 0;
    for (range, paragraph) in sentences {
        if let Some((last, last_paragraph)) = out.last_mut() {
            while hits.get(h).is_some_and(|hit| hit.range.end <= last.end) {
                h += 1;
            }
            if *last_paragraph == paragraph && hits.get(h).is_some_and(|hit| hit.range.start < last.end) {
                last.end = range.end;
                continue;
            }
        }
        out.push((range, paragraph));
    }
    out
}
