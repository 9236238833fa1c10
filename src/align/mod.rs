//! An article beside its translation: the Chinese and English versions aligned paragraph by
//! paragraph (and sentence by sentence inside aligned paragraphs), and the places where they
//! differ flagged.
//!
//! Paragraphs are aligned by dynamic programming ([`dp`]): the Gale–Church length cost with a
//! Chinese-characters-per-English-word ratio estimated from the pair itself, plus anchors both
//! versions share ([`anchors`]): the engine's timexes (dates and the institutional events of
//! `data/domain/`), numbers, Latin-script names and the glossary's official phrasings
//! (`data/align/glossary.tsv`). Beads are 1-1, 1-2, 2-1, 1-3, 3-1, 1-0 and 0-1; paragraphs left
//! over on both sides that share strong anchors are then paired as moved.

mod anchors;
mod dp;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use anchors::Found;
pub use anchors::{Anchor, AnchorKind};
use dp::Unit;

use crate::engine::Engine;
use crate::options::Options;
use crate::report::{Language, Report};
use crate::text::language::ScriptCounts;

/// Version of the alignment's JSON shape.
pub const ALIGNMENT_VERSION: u32 = 1;

/// The largest dynamic-programming table (paragraphs × paragraphs) the alignment builds: about
/// 2,000 paragraphs a side.
const MAX_CELLS: usize = 4_000_000;

/// Why two texts cannot be aligned. The page shows [`AlignError::code`] translated; the CLI
/// prints the `Display` message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AlignError {
    /// A text with nothing but white space.
    Empty {
        /// Which input: 0 the first, 1 the second.
        input: usize,
    },
    /// Both texts are in one language.
    SameLanguage {
        /// The language both are in.
        language: Language,
    },
    /// A text that is neither Chinese nor English.
    NotChineseOrEnglish {
        /// Which input: 0 the first, 1 the second.
        input: usize,
    },
    /// The texts share no date, number, name or glossary term: nothing to pair passages on.
    NoAnchors,
    /// Too many paragraphs for the alignment table.
    TooLong {
        /// Chinese paragraphs.
        zh: usize,
        /// English paragraphs.
        en: usize,
    },
}

impl AlignError {
    /// A stable name of the error for the page's messages: `empty`, `same-language`,
    /// `not-zh-en`, `no-anchors`, `too-long`.
    pub fn code(&self) -> &'static str {
        match self {
            AlignError::Empty { .. } => "empty",
            AlignError::SameLanguage { .. } => "same-language",
            AlignError::NotChineseOrEnglish { .. } => "not-zh-en",
            AlignError::NoAnchors => "no-anchors",
            AlignError::TooLong { .. } => "too-long",
        }
    }
}

impl std::fmt::Display for AlignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let which = |i: usize| if i == 0 { "the first text" } else { "the second text" };
        match self {
            AlignError::Empty { input } => write!(f, "{} is empty: alignment needs a Chinese text and its English version", which(*input)),
            AlignError::SameLanguage { language } => write!(
                f,
                "both texts are in {}: alignment compares a Chinese text with its English version",
                if *language == Language::Zh { "Chinese" } else { "English" }
            ),
            AlignError::NotChineseOrEnglish { input } => write!(f, "{} is neither Chinese nor English", which(*input)),
            AlignError::NoAnchors => write!(
                f,
                "the texts share no date, number, name or glossary term, so nothing shows which passages correspond; \
                 they may not be translations of each other"
            ),
            AlignError::TooLong { zh, en } => write!(f, "too many paragraphs to align ({zh} Chinese, {en} English)"),
        }
    }
}

impl std::error::Error for AlignError {}

/// A paragraph or sentence of one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Passage {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// For a sentence, its paragraph; for a paragraph, its own index.
    pub paragraph: usize,
    /// Length as the alignment counts it: Han characters (Chinese) or words (English).
    pub length: f64,
}

/// One version: its paragraphs, sentences and anchors.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Version {
    /// Which argument it was: 0 the first, 1 the second.
    pub input: usize,
    /// Paragraphs as the engine's report has them.
    pub paragraphs: Vec<Passage>,
    /// Sentences as the engine's report has them.
    pub sentences: Vec<Passage>,
    /// Every anchor found, in text order.
    pub anchors: Vec<Anchor>,
}

/// Sentences aligned inside a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SentencePair {
    /// Chinese sentence indices (empty: none).
    pub zh: Vec<usize>,
    /// English sentence indices (empty: none).
    pub en: Vec<usize>,
}

/// One row of the alignment: Chinese paragraphs beside English paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Row {
    /// Chinese paragraph indices (empty: the English ones have no counterpart).
    pub zh: Vec<usize>,
    /// English paragraph indices (empty: the Chinese ones have no counterpart).
    pub en: Vec<usize>,
    /// The bead's shape: `1-1`, `1-2`, `2-1`, `1-3`, `3-1`, `1-0`, `0-1`.
    pub shape: String,
    /// Paired out of order (the paragraph moved between versions).
    pub moved: bool,
    /// Anchors both sides share, as (Chinese anchor index, English anchor index).
    pub shared: Vec<[usize; 2]>,
    /// 0–1: how sure the pairing is (shared anchors and fitting lengths); `None` for rows with one side.
    pub confidence: Option<f64>,
    /// Why the pairing is unsure, when it is: `no-shared-anchor`, `length-mismatch`.
    pub unsure: Vec<String>,
    /// Sentences aligned inside the row.
    pub sentences: Vec<SentencePair>,
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// A paragraph with no counterpart in the other version.
    UnmatchedParagraph,
    /// A sentence with no counterpart inside aligned paragraphs.
    UnmatchedSentence,
    /// A paragraph whose counterpart sits elsewhere in the other version.
    Moved,
    /// A date in both versions of a passage, with different values.
    DateDiffers,
    /// A date in one version of a passage only.
    DateMissing,
    /// An institutional event with different values.
    EventDiffers,
    /// An institutional event in one version only.
    EventMissing,
    /// A number with different values.
    NumberDiffers,
    /// A number in one version only.
    NumberMissing,
    /// A Latin-script name in the Chinese version but not in the English one.
    NameMissing,
    /// A glossary term rendered other than by its official phrasings.
    Term,
}

/// A difference between the versions, linked to both passages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Flag {
    /// What it is.
    pub kind: FlagKind,
    /// The row it belongs to.
    pub row: usize,
    /// Chinese paragraphs of the row.
    pub zh: Vec<usize>,
    /// English paragraphs of the row.
    pub en: Vec<usize>,
    /// The Chinese anchor or sentence concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh_anchor: Option<usize>,
    /// The English anchor concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en_anchor: Option<usize>,
    /// For an unmatched sentence: its index (in the version that has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// What differs, in English (the page words it from the fields above).
    pub message: String,
}

/// A note on how far to trust the alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Note {
    /// `low-anchor-density`, `unequal-lengths`, `unsure-rows`, `few-pairs`.
    pub code: String,
    /// The figure behind it (a share or a count).
    pub value: f64,
    /// In English.
    pub message: String,
}

/// How far to trust the alignment as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Confidence {
    /// `high`, `medium` or `low`.
    pub level: String,
    /// Share of paired rows with at least one shared date, event, number, name or term.
    pub anchor_density: f64,
    /// Share of the Chinese text (by length) in paired rows.
    pub zh_covered: f64,
    /// Share of the English text (by length) in paired rows.
    pub en_covered: f64,
    /// Why it is not high.
    pub notes: Vec<Note>,
}

/// The alignment of a Chinese text with its English version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Alignment {
    /// [`ALIGNMENT_VERSION`].
    pub version: u32,
    /// Chinese characters per English word, estimated from the pair's paired paragraphs.
    pub ratio: f64,
    /// The Chinese version.
    pub zh: Version,
    /// The English version.
    pub en: Version,
    /// Rows in reading order of the Chinese version (English-only rows where they fall).
    pub rows: Vec<Row>,
    /// Differences, in row order.
    pub flags: Vec<Flag>,
    /// How far to trust it.
    pub confidence: Confidence,
}

/// The JSON Schema of [`Alignment`] (what `article-explorer align` prints).
#[cfg(not(target_arch = "wasm32"))]
pub fn alignment_schema() -> serde_json::Value {
    crate::report::schema_of::<Alignment>("alignment")
}

/// Aligns two texts, one Chinese and one English (in either order), analyzing each with `engine`.
///
/// ```
/// let zh = "2024年7月，会议召开。\n共有2.37亿人参加。";
/// let en = "In July 2024, the meeting was held.\nIn all, 237 million people took part.";
/// let a = article_explorer::align(&article_explorer::Engine::new(), zh, en).unwrap();
/// assert_eq!(a.rows.len(), 2);
/// assert!(a.flags.is_empty());
/// ```
pub fn align(engine: &Engine, text_a: &str, text_b: &str) -> Result<Alignment, AlignError> {
    for (input, text) in [text_a, text_b].into_iter().enumerate() {
        if text.trim().is_empty() {
            return Err(AlignError::Empty { input });
        }
    }
    let report_a = engine.analyze(text_a, &Options::default());
    let report_b = engine.analyze(text_b, &Options::default());
    align_reports(text_a, &report_a, text_b, &report_b)
}

/// The language a whole text is in for alignment: Chinese when Han characters carry most of it.
fn language_of(text: &str) -> Language {
    let counts = ScriptCounts::of(text);
    if counts.han == 0 && counts.latin == 0 {
        Language::Other
    } else if counts.han * 3 >= counts.latin {
        Language::Zh
    } else {
        Language::En
    }
}

/// UTF-16 offset → byte offset, for every code unit (and one past the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    for (i, ch) in text.char_indices() {
        for _ in 0..ch.len_utf16() {
            out.push(i);
        }
    }
    out.push(text.len());
    out
}

/// A version's anchors as the alignment weighs them: byte starts (in order), and each anchor's
/// (key id, weight) when both versions have its key.
type Evidence = (Vec<usize>, Vec<Option<(u32, f64)>>);

/// One version while it is being aligned.
struct Side<'t> {
    text: &'t str,
    report: &'t Report,
    byte_of: Vec<usize>,
    utf16: crate::text::offsets::Utf16Index<'t>,
    chinese: bool,
    found: Vec<Found>,
}

impl Side<'_> {
    fn paragraph_bytes(&self, p: usize) -> (usize, usize) {
        let para = &self.report.paragraphs[p];
        (self.byte_of[para.start.min(self.byte_of.len() - 1)], self.byte_of[para.end.min(self.byte_of.len() - 1)])
    }
    fn sentence_bytes(&self, s: usize) -> (usize, usize) {
        let sent = &self.report.sentences[s];
        (self.byte_of[sent.start.min(self.byte_of.len() - 1)], self.byte_of[sent.end.min(self.byte_of.len() - 1)])
    }
    fn paragraph_of_byte(&self, byte: usize) -> Option<usize> {
        let unit = self.utf16.utf16(byte);
        let i = self.report.paragraphs.partition_point(|p| p.end <= unit);
        self.report.paragraphs.get(i).filter(|p| p.start <= unit).map(|_| i)
    }
}

/// Base weight of an anchor kind: dates, events, numbers and names pin a passage down; terms and
/// words recur and weigh less (and less again the more paragraphs hold them).
fn base_weight(kind: AnchorKind) -> f64 {
    match kind {
        AnchorKind::Date | AnchorKind::Event | AnchorKind::Number | AnchorKind::Name => 2.0,
        AnchorKind::Term => 0.8,
        AnchorKind::Word => 0.5,
    }
}

fn strong(kind: AnchorKind) -> bool {
    !matches!(kind, AnchorKind::Word | AnchorKind::Term)
}

/// Aligns two texts whose reports the caller already has (the page keeps them). The texts are
/// one Chinese and one English, in either order.
pub fn align_reports(text_a: &str, report_a: &Report, text_b: &str, report_b: &Report) -> Result<Alignment, AlignError> {
    for (input, text) in [text_a, text_b].into_iter().enumerate() {
        if text.trim().is_empty() {
            return Err(AlignError::Empty { input });
        }
    }
    let (la, lb) = (language_of(text_a), language_of(text_b));
    for (input, l) in [la, lb].into_iter().enumerate() {
        if l == Language::Other {
            return Err(AlignError::NotChineseOrEnglish { input });
        }
    }
    if la == lb {
        return Err(AlignError::SameLanguage { language: la });
    }
    let ((zh_text, zh_report, zh_input), (en_text, en_report, en_input)) =
        if la == Language::Zh { ((text_a, report_a, 0), (text_b, report_b, 1)) } else { ((text_b, report_b, 1), (text_a, report_a, 0)) };

    let mut zh = side(zh_text, zh_report, true);
    let mut en = side(en_text, en_report, false);
    let (zh_numbers_skip, en_numbers_skip) = (timex_spans(&zh), timex_spans(&en));
    zh.found.extend(anchors::chinese_numbers(zh_text, &zh_numbers_skip));
    en.found.extend(anchors::english_numbers(en_text, &en_numbers_skip));
    let (zn, enn) = anchors::names(zh_text, en_text);
    zh.found.extend(zn);
    en.found.extend(enn);
    let (zg, eg) = anchors::glossary(&anchors::GLOSSARY, zh_text, en_text);
    zh.found.extend(zg);
    en.found.extend(eg);
    for s in [&mut zh, &mut en] {
        crate::text::sort::sort_by(&mut s.found, |a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)).then(a.kind.cmp(&b.kind)));
    }

    // Anchors as placed in paragraphs.
    let zh_anchors = placed(&zh);
    let en_anchors = placed(&en);
    let zh_keys: BTreeSet<&str> = zh_anchors.iter().map(|a| a.key.as_str()).collect();
    let en_keys: BTreeSet<&str> = en_anchors.iter().map(|a| a.key.as_str()).collect();
    if zh_keys.intersection(&en_keys).next().is_none() {
        return Err(AlignError::NoAnchors);
    }

    // Key ids and weights: a key in many paragraphs says little about any one of them.
    let mut ids: BTreeMap<&str, u32> = BTreeMap::new();
    let mut paragraphs_with: BTreeMap<&str, BTreeSet<(bool, usize)>> = BTreeMap::new();
    for (is_zh, list) in [(true, &zh_anchors), (false, &en_anchors)] {
        for a in list.iter() {
            let next = ids.len() as u32;
            ids.entry(a.key.as_str()).or_insert(next);
            paragraphs_with.entry(a.key.as_str()).or_default().insert((is_zh, a.paragraph));
        }
    }
    let total = (zh_report.paragraphs.len() + en_report.paragraphs.len()).max(2) as f64;
    let weight = |a: &Anchor| -> f64 {
        let df = paragraphs_with.get(a.key.as_str()).map_or(1, BTreeSet::len) as f64;
        base_weight(a.kind) * ((total / df).ln() / total.ln()).clamp(0.1, 1.0)
    };
    // Only keys both texts have can pair passages; the rest still count as unshared in flags.
    // Each anchor's (key id, weight) once, and its byte start for finding a passage's anchors.
    let both: BTreeSet<&str> = zh_keys.intersection(&en_keys).copied().collect();
    let evidence = |side: &Side, list: &[Anchor]| -> Evidence {
        let starts = list.iter().map(|a| side.byte_of[a.start]).collect();
        let info = list.iter().map(|a| both.contains(a.key.as_str()).then(|| (ids[a.key.as_str()], weight(a)))).collect();
        (starts, info)
    };
    let zh_evidence = evidence(&zh, &zh_anchors);
    let en_evidence = evidence(&en, &en_anchors);
    let unit_of = |side: &Side, (starts, info): &Evidence, range: (usize, usize)| -> Unit {
        let lo = starts.partition_point(|&b| b < range.0);
        let hi = starts.partition_point(|&b| b < range.1.max(range.0 + 1));
        let mut keys: Vec<(u32, f64)> = info[lo..hi.max(lo)].iter().flatten().copied().collect();
        crate::text::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        keys.dedup_by_key(|k| k.0);
        Unit::new(anchors::length(&side.text[range.0..range.1], side.chinese), keys)
    };
    let zh_units: Vec<Unit> = (0..zh_report.paragraphs.len()).map(|p| unit_of(&zh, &zh_evidence, zh.paragraph_bytes(p))).collect();
    let en_units: Vec<Unit> = (0..en_report.paragraphs.len()).map(|p| unit_of(&en, &en_evidence, en.paragraph_bytes(p))).collect();

    // The ratio from the whole texts, then again from the confidently paired paragraphs (one
    // version may render only part of the other, which skews the first estimate).
    let total_zh: f64 = zh_units.iter().map(|u| u.len).sum();
    let total_en: f64 = en_units.iter().map(|u| u.len).sum();
    let mut ratio = (total_zh / total_en.max(1.0)).clamp(0.3, 6.0);
    let too_long = || AlignError::TooLong { zh: zh_units.len(), en: en_units.len() };
    let weights = dp::key_weights(&[&zh_units, &en_units]);
    let mut cache = Vec::new();
    let mut beads = dp::align(&zh_units, &en_units, ratio, &weights, MAX_CELLS, &mut cache).ok_or_else(too_long)?;
    let (mut pz, mut pe) = (0.0, 0.0);
    for (r, e) in &beads {
        if r.len() == 1 && e.len() == 1 {
            let (shared, _) = dp::anchor_overlap(&zh_units[r.start].keys, &en_units[e.start].keys);
            if shared >= 1.0 {
                pz += zh_units[r.start].len;
                pe += en_units[e.start].len;
            }
        }
    }
    if pe > 20.0 && pz > 20.0 {
        let better = (pz / pe).clamp(0.3, 6.0);
        if (better / ratio - 1.0).abs() > 0.05 {
            ratio = better;
            beads = dp::align(&zh_units, &en_units, ratio, &weights, MAX_CELLS, &mut cache).ok_or_else(too_long)?;
        }
    }

    let strong_ids: BTreeSet<u32> =
        zh_anchors.iter().chain(&en_anchors).filter(|a| strong(a.kind)).filter_map(|a| ids.get(a.key.as_str()).copied()).collect();
    let mut rows = pair_moved(beads, &zh_units, &en_units, ratio, &strong_ids);

    // Sentences inside paired rows.
    for row in &mut rows {
        if row.zh.is_empty() || row.en.is_empty() {
            continue;
        }
        let zs: Vec<usize> = sentences_of(zh_report, &row.zh);
        let es: Vec<usize> = sentences_of(en_report, &row.en);
        let zu: Vec<Unit> = zs.iter().map(|&s| unit_of(&zh, &zh_evidence, zh.sentence_bytes(s))).collect();
        let eu: Vec<Unit> = es.iter().map(|&s| unit_of(&en, &en_evidence, en.sentence_bytes(s))).collect();
        if let Some(sb) = dp::align(&zu, &eu, ratio, &weights, MAX_CELLS, &mut Vec::new()) {
            row.sentences = sb.into_iter().map(|(a, b)| SentencePair { zh: zs[a].to_vec(), en: es[b].to_vec() }).collect();
        }
    }

    // Shared anchors, confidence and flags per row.
    let mut flags = Vec::new();
    let by_paragraph = |list: &[Anchor], n: usize| {
        let mut out = vec![Vec::new(); n];
        for (i, a) in list.iter().enumerate() {
            out[a.paragraph].push(i);
        }
        out
    };
    let zh_by = by_paragraph(&zh_anchors, zh_report.paragraphs.len());
    let en_by = by_paragraph(&en_anchors, en_report.paragraphs.len());
    for (index, row) in rows.iter_mut().enumerate() {
        let za: Vec<usize> = row.zh.iter().flat_map(|&p| zh_by[p].iter().copied()).collect();
        let ea: Vec<usize> = row.en.iter().flat_map(|&p| en_by[p].iter().copied()).collect();
        if row.zh.is_empty() || row.en.is_empty() {
            let (zh_side, list) = if row.zh.is_empty() { (false, &row.en) } else { (true, &row.zh) };
            for &p in list {
                flags.push(Flag {
                    kind: FlagKind::UnmatchedParagraph,
                    row: index,
                    zh: row.zh.clone(),
                    en: row.en.clone(),
                    zh_anchor: None,
                    en_anchor: None,
                    sentence: None,
                    message: format!(
                        "{} paragraph {} has no counterpart in the {} version",
                        if zh_side { "Chinese" } else { "English" },
                        p + 1,
                        if zh_side { "English" } else { "Chinese" }
                    ),
                });
            }
            continue;
        }
        let ez: BTreeMap<&str, usize> = ea.iter().map(|&a| (en_anchors[a].key.as_str(), a)).rev().collect();
        let zz: BTreeMap<&str, usize> = za.iter().map(|&a| (zh_anchors[a].key.as_str(), a)).rev().collect();
        row.shared = za.iter().filter_map(|&a| ez.get(zh_anchors[a].key.as_str()).map(|&b| [a, b])).collect();
        let mut seen = BTreeSet::new();
        row.shared.retain(|p| seen.insert(zh_anchors[p[0]].key.clone()));
        let lz: f64 = row.zh.iter().map(|&p| zh_units[p].len).sum();
        let le: f64 = row.en.iter().map(|&p| en_units[p].len).sum();
        let (p_len, _) = dp::length_fit(lz, le, ratio);
        let strong_shared = row.shared.iter().filter(|p| strong(zh_anchors[p[0]].kind)).count();
        let any_shared = row.shared.len();
        let evidence = (strong_shared as f64 + 0.34 * (any_shared - strong_shared) as f64).min(2.0) / 2.0;
        row.confidence = Some(((0.6 * evidence + 0.4 * p_len.min(1.0)) * 100.0).round() / 100.0);
        if any_shared == 0 {
            row.unsure.push("no-shared-anchor".into());
        }
        if p_len < 0.01 {
            row.unsure.push("length-mismatch".into());
        }
        if row.moved {
            flags.push(Flag {
                kind: FlagKind::Moved,
                row: index,
                zh: row.zh.clone(),
                en: row.en.clone(),
                zh_anchor: None,
                en_anchor: None,
                sentence: None,
                message: format!("Chinese paragraph {} corresponds to English paragraph {}, which stands elsewhere", row.zh[0] + 1, row.en[0] + 1),
            });
        }
        value_flags(index, row, &za, &ea, &zh_anchors, &en_anchors, &ez, &mut flags);
        // Terms: an official phrasing in the Chinese version the English one does not use.
        let mut said = BTreeSet::new();
        for &a in &za {
            let anchor = &zh_anchors[a];
            if anchor.kind == AnchorKind::Term && !ez.contains_key(anchor.key.as_str()) && said.insert(anchor.key.clone()) {
                let zh_term = &anchor.key[2..];
                let preferred = anchors::GLOSSARY.iter().find(|e| e.zh == zh_term).map_or("", |e| e.preferred.as_str());
                flags.push(Flag {
                    kind: FlagKind::Term,
                    row: index,
                    zh: row.zh.clone(),
                    en: row.en.clone(),
                    zh_anchor: Some(a),
                    en_anchor: None,
                    sentence: None,
                    message: format!("{zh_term} is not rendered as “{preferred}” (or another official phrasing)"),
                });
            }
        }
        let _ = zz;
        for pair in &row.sentences {
            let (is_zh, list) = match (pair.zh.is_empty(), pair.en.is_empty()) {
                (false, true) => (true, &pair.zh),
                (true, false) => (false, &pair.en),
                _ => continue,
            };
            for &s in list {
                flags.push(Flag {
                    kind: FlagKind::UnmatchedSentence,
                    row: index,
                    zh: row.zh.clone(),
                    en: row.en.clone(),
                    zh_anchor: None,
                    en_anchor: None,
                    sentence: Some(s),
                    message: format!("a {} sentence has no counterpart in the other version", if is_zh { "Chinese" } else { "English" }),
                });
            }
        }
    }

    let confidence = confidence(&rows, &zh_units, &en_units, &zh_anchors, ratio, total_zh, total_en);
    let version = |side: &Side, input: usize, anchors: Vec<Anchor>| -> Version {
        let paragraphs = (0..side.report.paragraphs.len())
            .map(|p| {
                let para = &side.report.paragraphs[p];
                let (a, b) = side.paragraph_bytes(p);
                Passage { start: para.start, end: para.end, paragraph: p, length: anchors::length(&side.text[a..b], side.chinese) }
            })
            .collect();
        let sentences = (0..side.report.sentences.len())
            .map(|s| {
                let sent = &side.report.sentences[s];
                let (a, b) = side.sentence_bytes(s);
                Passage { start: sent.start, end: sent.end, paragraph: sent.paragraph, length: anchors::length(&side.text[a..b], side.chinese) }
            })
            .collect();
        Version { input, paragraphs, sentences, anchors }
    };
    Ok(Alignment {
        version: ALIGNMENT_VERSION,
        ratio: (ratio * 1000.0).round() / 1000.0,
        zh: version(&zh, zh_input, zh_anchors),
        en: version(&en, en_input, en_anchors),
        rows,
        flags,
        confidence,
    })
}

/// The sentences of some paragraphs (sentences come in paragraph order).
fn sentences_of(report: &Report, paragraphs: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &p in paragraphs {
        let from = report.sentences.partition_point(|s| s.paragraph < p);
        out.extend((from..report.sentences.len()).take_while(|&s| report.sentences[s].paragraph == p));
    }
    out
}

fn side<'t>(text: &'t str, report: &'t Report, chinese: bool) -> Side<'t> {
    let byte_of = byte_offsets(text);
    let (found, _) = anchors::timex_anchors(report, &byte_of);
    Side { text, report, byte_of, utf16: crate::text::offsets::Utf16Index::new(text), chinese, found }
}

fn timex_spans(side: &Side) -> Vec<(usize, usize)> {
    anchors::timex_anchors(side.report, &side.byte_of).1
}

/// A side's anchors in UTF-16 offsets with their paragraphs (anchors outside every paragraph,
/// in blank lines, are dropped).
fn placed(side: &Side) -> Vec<Anchor> {
    side.found
        .iter()
        .filter_map(|f| {
            let paragraph = side.paragraph_of_byte(f.start)?;
            Some(Anchor {
                kind: f.kind,
                key: f.key.clone(),
                start: side.utf16.utf16(f.start),
                end: side.utf16.utf16(f.end),
                text: side.text[f.start..f.end].to_string(),
                paragraph,
            })
        })
        .collect()
}

/// Turns beads into rows, then pairs paragraphs left over on both sides that share strong
/// anchors and fit in length (a paragraph the translation moved). A Chinese paragraph the
/// in-order alignment paired on weak evidence alone (no shared date, event, number or name) may
/// be re-paired this way too, its former partners left over.
fn pair_moved(
    beads: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    zh: &[Unit],
    en: &[Unit],
    ratio: f64,
    strong: &BTreeSet<u32>,
) -> Vec<Row> {
    let row = |z: Vec<usize>, e: Vec<usize>| Row {
        shape: format!("{}-{}", z.len(), e.len()),
        zh: z,
        en: e,
        moved: false,
        shared: Vec::new(),
        confidence: None,
        unsure: Vec::new(),
        sentences: Vec::new(),
    };
    let mut rows: Vec<Row> = beads.into_iter().map(|(a, b)| row(a.collect(), b.collect())).collect();
    let strong_only = |keys: &[(u32, f64)]| -> Vec<(u32, f64)> { keys.iter().copied().filter(|k| strong.contains(&k.0)).collect() };
    let strong_overlap = |z: &[(u32, f64)], e: &[(u32, f64)]| dp::anchor_overlap(&strong_only(z), &strong_only(e)).0;
    let weak = |r: &Row| r.zh.len() == 1 && !r.en.is_empty() && r.en.iter().all(|&q| strong_overlap(&zh[r.zh[0]].keys, &en[q].keys) == 0.0);
    let movable_zh: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].zh.len() == 1 && (rows[i].en.is_empty() || weak(&rows[i]))).collect();
    let lone_en: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].zh.is_empty()).collect();
    let mut candidates = Vec::new();
    for &zr in &movable_zh {
        for &er in &lone_en {
            let (z, e) = (&zh[rows[zr].zh[0]], &en[rows[er].en[0]]);
            let (shared, unshared) = dp::anchor_overlap(&z.keys, &e.keys);
            let (p, _) = dp::length_fit(z.len, e.len, ratio);
            let score = shared - 0.5 * unshared;
            if strong_overlap(&z.keys, &e.keys) >= 1.0 && score > 1.0 && p > 0.02 {
                candidates.push((score, zr, er));
            }
        }
    }
    crate::text::sort::sort_by(&mut candidates, |a, b| b.0.total_cmp(&a.0));
    let mut used = BTreeSet::new();
    let mut drop = BTreeSet::new();
    let mut freed: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (_, zr, er) in candidates {
        if used.contains(&zr) || used.contains(&er) {
            continue;
        }
        used.insert(zr);
        used.insert(er);
        let en_para = rows[er].en.clone();
        let old = std::mem::replace(&mut rows[zr].en, en_para);
        if !old.is_empty() {
            freed.insert(zr, old);
        }
        rows[zr].moved = true;
        rows[zr].shape = "1-1".into();
        drop.insert(er);
    }
    let mut out = Vec::with_capacity(rows.len());
    for (i, r) in rows.into_iter().enumerate() {
        if drop.contains(&i) {
            continue;
        }
        out.push(r);
        for &q in freed.get(&i).map_or(&[][..], Vec::as_slice) {
            out.push(row(Vec::new(), vec![q]));
        }
    }
    out
}

/// Date, event, number and name flags of a paired row.
#[allow(clippy::too_many_arguments)]
fn value_flags(
    index: usize,
    row: &Row,
    za: &[usize],
    ea: &[usize],
    zh_anchors: &[Anchor],
    en_anchors: &[Anchor],
    ez: &BTreeMap<&str, usize>,
    flags: &mut Vec<Flag>,
) {
    let zkeys: BTreeSet<&str> = za.iter().map(|&a| zh_anchors[a].key.as_str()).collect();
    let shared_keys: BTreeSet<&str> = zkeys.iter().copied().filter(|k| ez.contains_key(k)).collect();
    // A date at another precision (2025-03 beside 2025-03-05) is the same date.
    let compatible = |a: &str, b: &str| a.starts_with(b) || b.starts_with(a);
    for kind in [AnchorKind::Date, AnchorKind::Event, AnchorKind::Number, AnchorKind::Name] {
        let mut seen = BTreeSet::new();
        let zh_only: Vec<usize> = za
            .iter()
            .copied()
            .filter(|&a| zh_anchors[a].kind == kind && !ez.contains_key(zh_anchors[a].key.as_str()))
            .filter(|&a| !ea.iter().any(|&b| is_date(kind) && en_anchors[b].kind == kind && compatible(&zh_anchors[a].key, &en_anchors[b].key)))
            .filter(|&a| !covered(&zh_anchors[a], za, zh_anchors, &shared_keys))
            .filter(|&a| seen.insert(zh_anchors[a].key.clone()))
            .collect();
        let mut seen = BTreeSet::new();
        let en_only: Vec<usize> = ea
            .iter()
            .copied()
            .filter(|&b| en_anchors[b].kind == kind && !zkeys.contains(en_anchors[b].key.as_str()))
            .filter(|&b| !za.iter().any(|&a| is_date(kind) && zh_anchors[a].kind == kind && compatible(&zh_anchors[a].key, &en_anchors[b].key)))
            .filter(|&b| !covered(&en_anchors[b], ea, en_anchors, &shared_keys))
            // An English date the Chinese version gives as an event (or the other way) is shared.
            .filter(|&b| !(is_date(kind) && za.iter().any(|&a| zh_anchors[a].key == en_anchors[b].key)))
            .filter(|&b| seen.insert(en_anchors[b].key.clone()))
            .collect();
        if kind == AnchorKind::Name {
            for &a in &zh_only {
                flags.push(flag(FlagKind::NameMissing, index, row, Some(a), None, format!("{} is not in the English version", zh_anchors[a].text)));
            }
            continue;
        }
        let (differs, missing, noun) = match kind {
            AnchorKind::Date => (FlagKind::DateDiffers, FlagKind::DateMissing, "date"),
            AnchorKind::Event => (FlagKind::EventDiffers, FlagKind::EventMissing, "event"),
            _ => (FlagKind::NumberDiffers, FlagKind::NumberMissing, "number"),
        };
        let pairs = zh_only.len().min(en_only.len());
        for k in 0..pairs {
            let (a, b) = (zh_only[k], en_only[k]);
            flags.push(flag(
                differs,
                index,
                row,
                Some(a),
                Some(b),
                format!(
                    "{noun} differs: {} ({}) in Chinese, {} ({}) in English",
                    zh_anchors[a].text, zh_anchors[a].key, en_anchors[b].text, en_anchors[b].key
                ),
            ));
        }
        for &a in &zh_only[pairs..] {
            flags.push(flag(
                missing,
                index,
                row,
                Some(a),
                None,
                format!("{noun} {} ({}) is only in the Chinese version", zh_anchors[a].text, zh_anchors[a].key),
            ));
        }
        for &b in &en_only[pairs..] {
            flags.push(flag(
                missing,
                index,
                row,
                None,
                Some(b),
                format!("{noun} {} ({}) is only in the English version", en_anchors[b].text, en_anchors[b].key),
            ));
        }
    }
}

/// Whether `anchor` lies inside a glossary term both sides of the row share: "the New Era" tagged
/// as an event in English when the Chinese tagger left 新时代 a plain term is no difference.
fn covered(anchor: &Anchor, list: &[usize], all: &[Anchor], shared: &BTreeSet<&str>) -> bool {
    list.iter().map(|&i| &all[i]).any(|g| {
        matches!(g.kind, AnchorKind::Term | AnchorKind::Word) && shared.contains(g.key.as_str()) && g.start < anchor.end && anchor.start < g.end
    })
}

fn is_date(kind: AnchorKind) -> bool {
    matches!(kind, AnchorKind::Date | AnchorKind::Event)
}

fn flag(kind: FlagKind, row: usize, r: &Row, zh_anchor: Option<usize>, en_anchor: Option<usize>, message: String) -> Flag {
    Flag { kind, row, zh: r.zh.clone(), en: r.en.clone(), zh_anchor, en_anchor, sentence: None, message }
}

fn confidence(rows: &[Row], zh: &[Unit], en: &[Unit], zh_anchors: &[Anchor], ratio: f64, total_zh: f64, total_en: f64) -> Confidence {
    let paired: Vec<&Row> = rows.iter().filter(|r| !r.zh.is_empty() && !r.en.is_empty()).collect();
    let anchored = paired.iter().filter(|r| r.shared.iter().any(|p| zh_anchors[p[0]].kind != AnchorKind::Word)).count();
    let density = if paired.is_empty() { 0.0 } else { anchored as f64 / paired.len() as f64 };
    let zc: f64 = paired.iter().flat_map(|r| &r.zh).map(|&p| zh[p].len).sum::<f64>() / total_zh.max(1.0);
    let ec: f64 = paired.iter().flat_map(|r| &r.en).map(|&p| en[p].len).sum::<f64>() / total_en.max(1.0);
    let unsure = paired.iter().filter(|r| !r.unsure.is_empty()).count();
    let mut notes = Vec::new();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    if density < 0.5 {
        notes.push(Note {
            code: "low-anchor-density".into(),
            value: round(density),
            message: format!(
                "only {:.0}% of paired rows share a date, number, name or glossary term; the rest are paired by length alone",
                density * 100.0
            ),
        });
    }
    let balance = total_zh / (ratio * total_en).max(1.0);
    if !(0.67..=1.5).contains(&balance) || (zc - ec).abs() > 0.25 {
        notes.push(Note {
            code: "unequal-lengths".into(),
            value: round(zc.min(ec) / zc.max(ec).max(1e-9)),
            message: format!(
                "the versions differ in extent: {:.0}% of the Chinese and {:.0}% of the English text are paired; \
                 expect passages with no counterpart",
                zc * 100.0,
                ec * 100.0
            ),
        });
    }
    if unsure > 0 {
        notes.push(Note {
            code: "unsure-rows".into(),
            value: unsure as f64,
            message: format!("{unsure} paired rows rest on weak evidence (no shared anchor or very different lengths): check them"),
        });
    }
    if paired.len() < 3 {
        notes.push(Note { code: "few-pairs".into(), value: paired.len() as f64, message: "fewer than three passages could be paired".into() });
    }
    let unsure_share = if paired.is_empty() { 1.0 } else { unsure as f64 / paired.len() as f64 };
    let level = if density < 0.3 || unsure_share > 0.3 || paired.len() < 3 {
        "low"
    } else if density >= 0.6 && unsure_share <= 0.1 {
        "high"
    } else {
        "medium"
    };
    Confidence { level: level.into(), anchor_density: round(density), zh_covered: round(zc), en_covered: round(ec), notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::new()
    }

    #[test]
    fn bad_input_gets_a_clear_error() {
        let e = engine();
        assert_eq!(align(&e, "  \n", "Text in 2024.").unwrap_err(), AlignError::Empty { input: 0 });
        assert_eq!(align(&e, "In 2024 it rose.", "In 2024 it fell.").unwrap_err(), AlignError::SameLanguage { language: Language::En });
        assert_eq!(align(&e, "2024年上涨。", "2024年下跌。").unwrap_err(), AlignError::SameLanguage { language: Language::Zh });
        assert_eq!(align(&e, "天气很好。", "The cat sat on the mat.").unwrap_err(), AlignError::NoAnchors);
        assert_eq!(align(&e, "1234 5678", "天气很好。").unwrap_err(), AlignError::NotChineseOrEnglish { input: 0 });
    }

    #[test]
    fn either_order_gives_the_same_rows() {
        let zh = "2024年7月，会议召开。\n共有2.37亿人参加。";
        let en = "In July 2024, the meeting was held.\nIn all, 237 million people took part.";
        let a = align(&engine(), zh, en).unwrap();
        let b = align(&engine(), en, zh).unwrap();
        assert_eq!(a.rows, b.rows);
        assert_eq!((a.zh.input, b.zh.input), (0, 1));
    }

    #[test]
    fn a_changed_number_is_flagged_with_both_anchors() {
        let zh = "2024年7月，会议召开。\n共有2.73亿人参加。";
        let en = "In July 2024, the meeting was held.\nIn all, 237 million people took part.";
        let a = align(&engine(), zh, en).unwrap();
        let f: Vec<_> = a.flags.iter().filter(|f| f.kind == FlagKind::NumberDiffers).collect();
        assert_eq!(f.len(), 1, "{:?}", a.flags);
        assert_eq!(a.zh.anchors[f[0].zh_anchor.unwrap()].key, "273000000");
        assert_eq!(a.en.anchors[f[0].en_anchor.unwrap()].key, "237000000");
    }
}
