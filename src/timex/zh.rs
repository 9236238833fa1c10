//! Chinese time expressions: explicit dates (2025年11月5日, 二〇〇〇年十二月三十一日), deictic words
//! (去年, 上个月, 明天), ranges (11月5日至6日), modifiers (初, 中旬, 底, 前夕, 以来), seasons, quarters,
//! halves, decades, festivals, weekdays, times (上午9时30分), durations (时隔23年, 三个月, 多年) and
//! sets (每年, 每周日). Word lists live in `data/zh/timex/`, festivals in `data/holidays/`.
//!
//! Anchoring: deictic words (去年, 明天, 五年前) count from the reference date; dates without a year
//! (11月5日, 春节) take the year of the last date mentioned earlier in the paragraph, else the
//! reference year; anaphoric words (当年, 次日) and "N days later" count from the last date mentioned,
//! else the reference. Without a reference the unknown parts stay underspecified (`XXXX-11-05`).
//! See docs/timeline-zh.md.

mod clock;
mod dates;
mod durations;
mod lexicon;
mod numerals;
mod relative;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;

use super::chars::CharIndex;
use super::{Basis, Date, TimexHit};
use crate::TimexKind;
use lexicon::{Lexicon, Numerals, arabic_digit};
use numerals::parse_number;
use resolve::Gran;
use scan::Scanner;

/// Tags the Chinese time expressions of paragraph `range` of `text`, resolving relative ones
/// against `reference` when known (the tests' door; the pipeline decodes the paragraph once for
/// this tagger and the domain one, [`tag_chars`]).
#[cfg(test)]
pub(crate) fn tag_paragraph(text: &str, range: std::ops::Range<usize>, reference: Option<Date>) -> Vec<TimexHit> {
    tag_decoded(Lexicon::embedded(), &CharIndex::of(text, range), reference)
}

/// Tags the Chinese time expressions of a decoded paragraph, resolving relative ones against
/// `reference` when known.
pub(crate) fn tag_chars(para: &CharIndex, reference: Option<Date>) -> Vec<TimexHit> {
    tag_decoded(Lexicon::embedded(), para, reference)
}

/// The number (Arabic or Chinese numerals) at character `i` of `chars`, and the index after it.
pub(super) fn read_number(chars: &[char], i: usize) -> Option<(u64, usize)> {
    parse_number(chars, i, Numerals::embedded()).map(|n| (n.value, n.end))
}

/// The Chinese numeral characters the tagger reads (`data/zh/timex/numerals.tsv`).
pub(crate) fn numeral_chars() -> impl Iterator<Item = char> {
    Numerals::embedded().chars()
}

/// True for Arabic digits and Chinese numeral characters.
#[inline]
pub(super) fn is_numeral_char(c: char) -> bool {
    numerals::is_number_char(c, Numerals::embedded())
}

/// The tagger over explicit word lists (tests pass small ones).
fn tag_decoded(lex: &Lexicon, para: &CharIndex, reference: Option<Date>) -> Vec<TimexHit> {
    let (chars, offsets) = (&para.chars[..], &para.offsets[..]);
    let mut scanner = Scanner::new(lex, chars, reference);
    let mut hits = Vec::new();
    // Where the expression that set `scanner.last` starts (byte offset), for the report's reasons.
    let mut last_at = None;
    let mut i = 0;
    // Inside 《…》 (titles of books, films, documents) nothing is a date of the text.
    let mut title_open: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == '《' {
            title_open = Some(i);
        } else if c == '》' {
            title_open = None;
        }
        if let Some(t) = title_open {
            if i - t < 40 {
                i += 1;
                continue;
            }
            title_open = None;
        }
        if !lex.can_start_at(chars, i) {
            i += 1;
            continue;
        }
        // Nothing starts inside a run of digits (1234567 or 2.37).
        if i > 0 && arabic_digit(c).is_some() && (arabic_digit(chars[i - 1]).is_some() || matches!(chars[i - 1], '.' | '．')) {
            i += 1;
            continue;
        }
        if let Some((_, end)) = lex.not_dates.at(chars, i) {
            i = end;
            continue;
        }
        match scanner.best(i) {
            Some(f) => {
                let basis = basis_of(lex, chars, i, &f, &scanner, last_at);
                if let Some(a) = f.anchor.filter(|a| a.year.is_some() && a.gran >= Gran::Year) {
                    scanner.last = Some(a);
                    last_at = Some(offsets[i]);
                }
                hits.push(TimexHit {
                    range: offsets[i]..offsets[f.end],
                    timex_type: f.ty,
                    value: f.value,
                    end_value: f.end_value,
                    kind: if f.relative { TimexKind::Relative } else { TimexKind::Explicit },
                    source: None,
                    basis,
                    festival: false,
                    modifier: None,
                });
                i = f.end;
            }
            None => i += 1,
        }
    }
    hits
}

/// What a relative match was counted from, by the rules of the module header: a deictic word
/// (去年, 明天) or "N years ago" from the reference date; anything else from the last date
/// mentioned when there is one, else the reference date. An underspecified value has none.
fn basis_of(lex: &Lexicon, chars: &[char], i: usize, f: &scan::Found, scanner: &Scanner, last_at: Option<usize>) -> Basis {
    if !f.relative || f.value.starts_with('X') || f.value.contains("-XX") {
        return Basis::None;
    }
    let reference = if scanner.reference.is_some() { Basis::Reference } else { Basis::None };
    let deictic = lex.relative.at(chars, i).is_some_and(|(d, _)| !d.from_last) || f.value.ends_with("_REF") || chars[f.end - 1] == '前';
    match last_at.filter(|_| scanner.last.is_some() && !deictic) {
        Some(at) => Basis::Earlier(at),
        None => reference,
    }
}
