//! The evidence two versions of one text share: dates and institutional events (the engine's
//! timexes), numbers (Arabic, Chinese numerals, 2.37亿 = 237 million), Latin-script names, and the
//! glossary's official phrasings. Each anchor has a key that is equal in both languages.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::report::{Report, TimexKind, TimexType};
use crate::text::language::is_han;

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AnchorKind {
    /// A date or time span (a timex of the engine's report).
    Date,
    /// An institutional event from `data/domain/` (a congress, plenum, NPC session, plan, era).
    Event,
    /// A number of 10 or more, scale words applied (2.37亿 = 237 million = 237000000).
    Number,
    /// A Latin-script word of the Chinese text found in the English one (APEC, GDP).
    Name,
    /// An official phrasing of the glossary (新时代 = new era).
    Term,
    /// An everyday equivalent of the glossary: evidence for the alignment, never flagged.
    Word,
}

/// One anchor in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Anchor {
    /// What it is.
    pub kind: AnchorKind,
    /// The value both languages share: `2025-03-05`, `1350000`, `g:新时代`, `n:apec`.
    pub key: String,
    /// First UTF-16 code unit in its text.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// As written.
    pub text: String,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// An anchor in byte offsets, before it is placed in a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: AnchorKind,
    pub key: String,
    pub start: usize,
    pub end: usize,
}

/// One glossary row.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub zh: String,
    pub official: bool,
    /// Renderings, normalized (lower case, hyphens as spaces, straight apostrophes).
    pub en: Vec<String>,
    /// The first rendering as written in the file.
    pub preferred: String,
}

/// The built-in glossary (`data/align/glossary.tsv`).
pub(crate) static GLOSSARY: LazyLock<Vec<Entry>> = LazyLock::new(|| parse_glossary(data!("align/glossary.tsv")));

pub(crate) fn parse_glossary(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [zh, kind, en] = cols[..] else { continue };
        if zh.is_empty() {
            continue;
        }
        let renderings: Vec<String> = en.split('|').map(|r| normalize_en(r.trim()).0).filter(|r| !r.trim().is_empty()).collect();
        if renderings.is_empty() {
            continue;
        }
        let preferred = en.split('|').next().unwrap_or("").trim().to_string();
        out.push(Entry { zh: zh.to_string(), official: kind == "term", en: renderings, preferred });
    }
    out
}

/// English text folded for glossary matching: ASCII lower case, hyphens and dashes as spaces,
/// curly apostrophes straight; with the original byte offset of every byte of the result.
pub(crate) fn normalize_en(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, ch) in text.char_indices() {
        let folded = match ch {
            '-' | '\u{2010}'..='\u{2014}' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        };
        // Runs of spaces count as one ("Committee — with" matches "committee with").
        if folded == ' ' && out.ends_with(' ') {
            continue;
        }
        for _ in 0..folded.len_utf8() {
            map.push(i);
        }
        out.push(folded);
    }
    map.push(text.len());
    (out, map)
}

/// Whether `needle` occurs in `hay` at `at` as whole words (no letter or digit on either side;
/// an English plural `s` after it is allowed).
fn word_bounded(hay: &str, at: usize, len: usize) -> Option<usize> {
    let before = hay[..at].chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let mut end = at + len;
    let rest = &hay[end..];
    if rest.starts_with('s') && !rest[1..].chars().next().is_some_and(char::is_alphanumeric) {
        end += 1;
    } else if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(end)
}

/// Every occurrence of `needle` in `hay` as whole words: (start, end) byte ranges.
fn find_words(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let at = from + pos;
        if let Some(end) = word_bounded(hay, at, needle.len()) {
            out.push((at, end));
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// The anchors the engine's report gives: dates and events. Vague references (`PAST_REF`),
/// durations, sets and "today" (the reference date again) say too little to pair passages.
pub(crate) fn timex_anchors(report: &Report, byte_of: &[usize]) -> (Vec<Found>, Vec<(usize, usize)>) {
    let mut found = Vec::new();
    let mut spans = Vec::new();
    let reference = report.reference_date.value.as_deref();
    for t in &report.timexes {
        let (start, end) = (byte_of[t.start.min(byte_of.len() - 1)], byte_of[t.end.min(byte_of.len() - 1)]);
        spans.push((start, end));
        if t.value.contains("REF") || matches!(t.timex_type, TimexType::Duration | TimexType::Set) || t.value.contains('X') {
            continue;
        }
        if t.kind == TimexKind::Relative && Some(t.value.as_str()) == reference && t.end_value.is_none() {
            continue;
        }
        let kind = if t.kind == TimexKind::Domain { AnchorKind::Event } else { AnchorKind::Date };
        let key = match &t.end_value {
            Some(end) => format!("{}..{}", t.value, end),
            None => t.value.clone(),
        };
        found.push(Found { kind, key, start, end });
    }
    (found, spans)
}

fn inside(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

fn number_key(value: f64) -> Option<String> {
    (value.is_finite() && (10.0..1e18).contains(&value)).then(|| format!("{}", value.round() as u64))
}

/// An Arabic number at `at` (digits, thousands commas, one decimal point): its value and end.
fn arabic(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = at;
    let mut s = String::new();
    while i < bytes.len() {
        if digit(i) {
            s.push(bytes[i] as char);
            i += 1;
        } else if bytes[i] == b',' && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
            i += 1;
        } else if bytes[i] == b'.' && digit(i + 1) && !s.contains('.') {
            s.push('.');
            i += 1;
        } else {
            break;
        }
    }
    s.parse().ok().map(|v| (v, i))
}

/// Numbers in English text: Arabic digits and a following scale word.
pub(crate) fn english_numbers(text: &str, skip: &[(usize, usize)]) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let prev_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.' || bytes[i - 1] == b',');
        if b.is_ascii_digit() && prev_ok {
            let Some((mut value, mut end)) = arabic(text, i) else {
                i += 1;
                continue;
            };
            let rest = text[end..].trim_start_matches(' ');
            let lower = rest.get(..12).unwrap_or(rest).to_ascii_lowercase();
            for (word, scale) in [("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3)] {
                if lower.starts_with(word) {
                    value *= scale;
                    end = text.len() - rest.len() + word.len();
                    break;
                }
            }
            let letter_after = bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
            if !letter_after && !inside(skip, i, end) {
                if let Some(key) = number_key(value) {
                    out.push(Found { kind: AnchorKind::Number, key, start: i, end });
                }
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn zh_digit(ch: char) -> Option<u64> {
    Some(match ch {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn zh_unit(ch: char) -> Option<u64> {
    Some(match ch {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The value of a run of Chinese numerals (八千四百万 = 84000000, 十五 = 15).
fn chinese_numeral_value(run: &str) -> Option<f64> {
    let (mut total, mut section, mut digit) = (0f64, 0f64, 0f64);
    for ch in run.chars() {
        if let Some(d) = zh_digit(ch) {
            digit = d as f64;
        } else if let Some(u) = zh_unit(ch) {
            match u {
                100_000_000 => total = (total + section + digit) * 1e8,
                10_000 => total += (section + digit) * 1e4,
                _ => section += if digit == 0.0 { 1.0 } else { digit } * u as f64,
            }
            if u >= 10_000 {
                section = 0.0;
            }
            digit = 0.0;
        } else {
            return None;
        }
    }
    Some(total + section + digit)
}

/// Classifiers and nouns after which a run of Chinese numerals is a count, not part of a word
/// (一些, 统一, 千万 "by all means" are not numbers).
const COUNTED: &str = "人个名支家次项条元所座户件位岁只辆台吨亩公里米倍余多";

/// Numbers in Chinese text: Arabic digits with 万/亿 scales, and Chinese numerals that count
/// something.
pub(crate) fn chinese_numbers(text: &str, skip: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, ch) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        if ch.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == ',') {
            let Some((mut value, mut end)) = arabic(text, at) else {
                k += 1;
                continue;
            };
            let rest = &text[end..];
            for (unit, scale) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
                if rest.starts_with(unit) {
                    value *= scale;
                    end += unit.len();
                    break;
                }
            }
            if !inside(skip, at, end) {
                if let Some(key) = number_key(value) {
                    out.push(Found { kind: AnchorKind::Number, key, start: at, end });
                }
            }
            while k < chars.len() && chars[k].0 < end {
                k += 1;
            }
            continue;
        }
        let starts_numeral = zh_digit(ch).is_some_and(|d| d > 0) || ch == '十';
        if starts_numeral && !prev.is_some_and(|p| zh_digit(p).is_some() || zh_unit(p).is_some() || p == '第') {
            let mut j = k;
            while j < chars.len() && (zh_digit(chars[j].1).is_some() || zh_unit(chars[j].1).is_some()) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let run = &text[at..end];
            let next = chars.get(j).map(|c| c.1);
            let counts = run.chars().count() >= 2 && (next.is_some_and(|n| COUNTED.contains(n)) || run.ends_with('万') || run.ends_with('亿'));
            if counts && !inside(skip, at, end) {
                if let Some(key) = chinese_numeral_value(run).and_then(number_key) {
                    out.push(Found { kind: AnchorKind::Number, key, start: at, end });
                }
            }
            k = j.max(k + 1);
            continue;
        }
        k += 1;
    }
    out
}

/// Latin-script words of two or more letters in Chinese text (APEC, GDP, Fengqiao).
pub(crate) fn latin_words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if ch.is_ascii_alphabetic() || (start.is_some() && ch.is_ascii_digit()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if i - s >= 2 {
                out.push((s, i, text[s..i].to_ascii_lowercase()));
            }
        }
    }
    out
}

/// Names: the Chinese text's Latin words, and where the English text has them.
pub(crate) fn names(zh: &str, en: &str) -> (Vec<Found>, Vec<Found>) {
    let (folded, map) = normalize_en(en);
    let mut zh_found = Vec::new();
    let mut en_found = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (s, e, word) in latin_words(zh) {
        let key = format!("n:{word}");
        zh_found.push(Found { kind: AnchorKind::Name, key: key.clone(), start: s, end: e });
        if seen.insert(word.clone()) {
            for (a, b) in find_words(&folded, &word) {
                en_found.push(Found { kind: AnchorKind::Name, key: key.clone(), start: map[a], end: map[b] });
            }
        }
    }
    (zh_found, en_found)
}

/// Glossary hits in both texts. Both searches go by an index of the text (the entries starting
/// with each character; the places each English word starts), not one scan per entry.
pub(crate) fn glossary(glossary: &[Entry], zh: &str, en: &str) -> (Vec<Found>, Vec<Found>) {
    let mut starting: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (i, entry) in glossary.iter().enumerate() {
        if let Some(c) = entry.zh.chars().next() {
            starting.entry(c).or_default().push(i);
        }
    }
    let mut zh_found = Vec::new();
    let mut in_zh = vec![false; glossary.len()];
    for (at, ch) in zh.char_indices() {
        for &i in starting.get(&ch).map_or(&[][..], Vec::as_slice) {
            let entry = &glossary[i];
            if !zh[at..].starts_with(&entry.zh) || (entry.zh.is_ascii() && word_bounded(zh, at, entry.zh.len()).is_none()) {
                continue;
            }
            let kind = if entry.official { AnchorKind::Term } else { AnchorKind::Word };
            zh_found.push(Found { kind, key: format!("g:{}", entry.zh), start: at, end: at + entry.zh.len() });
            in_zh[i] = true;
        }
    }
    // Renderings of the entries the Chinese text has (the others prove nothing), by first word.
    let (folded, map) = normalize_en(en);
    let mut word_starts: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            word_starts.entry(&folded[i..end]).or_default().push(i);
            i = end;
        } else {
            i += 1;
        }
    }
    let mut en_found = Vec::new();
    for (entry, _) in glossary.iter().zip(&in_zh).filter(|(_, in_zh)| **in_zh) {
        let kind = if entry.official { AnchorKind::Term } else { AnchorKind::Word };
        let key = format!("g:{}", entry.zh);
        for rendering in &entry.en {
            let first: &str = &rendering[..rendering.bytes().take_while(u8::is_ascii_alphanumeric).count()];
            for &at in word_starts.get(first).map_or(&[][..], Vec::as_slice) {
                if folded[at..].starts_with(rendering.as_str()) {
                    if let Some(end) = word_bounded(&folded, at, rendering.len()) {
                        en_found.push(Found { kind, key: key.clone(), start: map[at], end: map[end] });
                    }
                }
            }
        }
    }
    (zh_found, en_found)
}

/// How much of a paragraph's length a text has: Han characters, and two per Latin or digit run in
/// Chinese; words in English.
pub(crate) fn length(text: &str, chinese: bool) -> f64 {
    let mut n = 0.0;
    let mut in_word = false;
    for ch in text.chars() {
        if chinese && is_han(ch) {
            n += 1.0;
            in_word = false;
        } else if ch.is_alphanumeric() {
            if !in_word {
                n += if chinese { 2.0 } else { 1.0 };
            }
            in_word = true;
        } else if ch != '\'' && ch != '\u{2019}' {
            in_word = false;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(found: &[Found]) -> Vec<&str> {
        found.iter().map(|f| f.key.as_str()).collect()
    }

    #[test]
    fn chinese_and_english_numbers_meet_on_one_value() {
        let zh = chinese_numbers("注册志愿者已达2.37亿人，队伍135万支，约八千四百万名劳动者，7266人。一些人统一行动，千万不要。", &[]);
        assert_eq!(keys(&zh), ["237000000", "1350000", "84000000", "7266"]);
        let en = english_numbers("has reached 237 million, and 1.35 million teams; approximately 84 million workers. 7,266 people", &[]);
        assert_eq!(keys(&en), ["237000000", "1350000", "84000000", "7266"]);
    }

    #[test]
    fn small_numbers_and_numbers_inside_dates_are_not_anchors() {
        assert!(chinese_numbers("5个小区", &[]).is_empty());
        assert!(english_numbers("In 2019 there", &[(3, 7)]).is_empty());
        assert_eq!(keys(&english_numbers("In 2019 there", &[])), ["2019"]);
    }

    #[test]
    fn chinese_numerals_read_as_numbers() {
        assert_eq!(chinese_numeral_value("八千四百万"), Some(84_000_000.0));
        assert_eq!(chinese_numeral_value("十五"), Some(15.0));
        assert_eq!(chinese_numeral_value("一百零八"), Some(108.0));
        assert_eq!(chinese_numeral_value("两亿三千七百万"), Some(237_000_000.0));
    }

    #[test]
    fn glossary_finds_renderings_as_whole_words_in_any_case() {
        let entries = parse_glossary("新时代\tterm\tnew era\n共同富裕\tterm\tcommon prosperity | shared prosperity\n");
        let (zh, en) = glossary(&entries, "新时代的共同富裕", "In the New Era, shared-prosperity; a newer area.");
        assert_eq!(keys(&zh), ["g:新时代", "g:共同富裕"]);
        assert_eq!(keys(&en), ["g:新时代", "g:共同富裕"]);
        assert_eq!(&"In the New Era, shared-prosperity"[en[1].start..en[1].end], "shared-prosperity");
    }

    #[test]
    fn latin_names_in_chinese_are_found_in_english() {
        let (zh, en) = names("出席APEC会议", "attended the APEC meeting; apecs");
        assert_eq!(keys(&zh), ["n:apec"]);
        assert_eq!(en.len(), 2);
    }

    #[test]
    fn the_built_in_glossary_reads() {
        assert!(GLOSSARY.len() >= 100, "{}", GLOSSARY.len());
        assert!(GLOSSARY.iter().any(|e| e.zh == "十五五" && e.preferred == "15th Five-Year Plan"));
    }
}
