//! The sentence splitter, English and Chinese, one paragraph at a time.
//!
//! One left-to-right pass finds candidate terminators (`. ! ? … 。 ！ ？ ；` and their runs),
//! takes the closing quotes and brackets that follow into the sentence, then decides from the
//! word before and the word after:
//! - Chinese stops (`。！？；`, and `……` after Chinese) end a sentence, except inside 《…》.
//! - A lowercase word after a terminator continues the sentence (`'This is great.' she said`,
//!   `Yahoo! in`, `U.S.A. last year`).
//! - Abbreviations (data/en/abbreviations.txt), initials, multi-period forms and vowel-less short
//!   forms end a sentence only before a typical sentence opener (data/en/sentence-starters.txt),
//!   and only when the sentence so far has at least two other words (`At 5 a.m. Mr. Smith` stays
//!   whole, `at 6 P.M. Mr. Smith then` splits).
//! - Full stops inside numbers, e-mail addresses and URLs are not terminators; a full stop glued
//!   to a capitalised word (`world.Today`) is.
//! - Ellipses: `...`/`…` before a capital ends a sentence, spaced `. . .` does not, four dots do.
//! - Terminators inside brackets end nothing unless they end the bracket; inline list markers
//!   (`1.` `2)` `a.` `•`) in sequence start new sentences.
//!
//! Linear in the paragraph: every look-back is bounded.

mod rules;

use std::ops::Range;

pub use rules::{AbbreviationKind, SentenceRules};

use crate::text::language::is_han;

/// How far back (bytes) the splitter looks for the word before a full stop or the start of the
/// sentence; keeps the pass linear on pathological input.
const LOOK_BACK: usize = 200;
/// Brackets spanning more bytes than this are treated as stray characters, not as a parenthesis.
const MAX_BRACKET: usize = 1000;
/// Book-title marks spanning more bytes than this are treated as stray characters.
const MAX_TITLE: usize = 400;

/// Splits one paragraph (`range` of `text`) into sentence byte ranges, trimmed, covering every
/// non-blank character of the paragraph.
pub(crate) fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    SentenceRules::english().split_range(text, range)
}

impl SentenceRules {
    /// Splits `text`, taken as one paragraph, into sentence byte ranges.
    ///
    /// ```
    /// let text = "Mr. Smith paid $100.00. “好。”他说。";
    /// let got: Vec<&str> = article_explorer::SentenceRules::english().split(text).into_iter().map(|r| &text[r]).collect();
    /// assert_eq!(got, ["Mr. Smith paid $100.00.", "“好。”", "他说。"]);
    /// ```
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        self.split_range(text, 0..text.len())
    }

    /// Splits the paragraph `range` of `text`; ranges are into `text`.
    ///
    /// ```
    /// let text = "Title\nOne. Two.";
    /// let got = article_explorer::SentenceRules::english().split_range(text, 6..text.len());
    /// assert_eq!(got, [6..10, 11..15]);
    /// ```
    pub fn split_range(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let para = &text[range.clone()];
        let cuts = Splitter::new(self, para).cuts();
        let mut out = Vec::new();
        let mut start = 0;
        for cut in cuts.into_iter().chain([para.len()]) {
            let cut = cluster_end(para, cut);
            if cut > start {
                push_trimmed(text, range.start + start..range.start + cut, &mut out);
                start = cut;
            }
        }
        out
    }
}

/// `cut` moved forward to the end of the grapheme cluster it falls in: a terminator can carry a
/// spacing or combining mark (`.` + U+A8B4 is one cluster), and a sentence must not split it
/// (found by the offsets proptest). Plain next characters (ASCII, Han, white space, the quotes and
/// punctuation of Chinese text) skip the check.
fn cluster_end(p: &str, cut: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let Some(next) = p[cut..].chars().next() else { return cut };
    if next.is_ascii() || is_han(next) || next.is_whitespace() || never_joins(next) || cut == 0 {
        return cut;
    }
    // The character before the cut (a terminator or closing mark) starts its cluster.
    let before = p[..cut].char_indices().next_back().map_or(cut, |(i, _)| i);
    let first = p[before..].graphemes(true).next().map_or(0, str::len);
    cut.max(before + first)
}

/// Punctuation that starts a grapheme cluster of its own after any character: general
/// punctuation (dashes, quotes, ellipsis: U+2010-U+2027), CJK punctuation up to the combining tone
/// marks (U+3001-U+3029) and the full-width forms (U+FF01-U+FF60). A closing quote after a
/// terminator (`。”`) is the usual case in Chinese text; the test checks every one of these after
/// every terminator and closer against the segmentation tables.
fn never_joins(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{3001}'..='\u{3029}' | '\u{FF01}'..='\u{FF60}')
}

/// What follows a terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Nothing: the paragraph ends.
    End,
    /// Lowercase letter.
    Lower,
    /// Uppercase letter.
    Upper,
    /// Digit.
    Digit,
    /// A letter of a caseless script (Han, kana…).
    Caseless,
    /// Anything else (symbol, dash, emoji).
    Other,
}

struct Splitter<'a> {
    rules: &'a SentenceRules,
    p: &'a str,
    brackets: Vec<(usize, usize)>,
    titles: Vec<(usize, usize)>,
    /// Byte positions of full stops that belong to list markers.
    marker_dots: Vec<usize>,
    /// Byte positions where a list item starts a new sentence.
    marker_cuts: Vec<usize>,
}

impl<'a> Splitter<'a> {
    fn new(rules: &'a SentenceRules, p: &'a str) -> Self {
        let [brackets, titles] = matched_pairs_of(
            p,
            [
                (&[('(', ')'), ('[', ']'), ('（', '）'), ('【', '】'), ('〔', '〕'), ('{', '}')], MAX_BRACKET),
                (&[('《', '》'), ('〈', '〉')], MAX_TITLE),
            ],
        );
        let (marker_dots, marker_cuts) = list_markers(p);
        Splitter { rules, p, brackets, titles, marker_dots, marker_cuts }
    }

    fn cuts(&self) -> Vec<usize> {
        let p = self.p;
        let bytes = p.as_bytes();
        let mut cuts = Vec::new();
        let mut last_cut = 0;
        let (mut bi, mut ti, mut di, mut mi) = (0, 0, 0, 0);
        let mut i = 0;
        while i < p.len() {
            while mi < self.marker_cuts.len() && self.marker_cuts[mi] <= i {
                let m = self.marker_cuts[mi];
                if m > last_cut {
                    cuts.push(m);
                    last_cut = m;
                }
                mi += 1;
            }
            let b = bytes[i];
            // Fast path: every terminator starts with . ! ? or the lead byte 0xE2, 0xE3 or 0xEF.
            if !matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
                // Whole words of plain ASCII without . ! ? are skipped at once, other characters
                // whole (a pending list marker cut is pushed on the next round, still before any
                // later terminator).
                i = next_candidate(bytes, i, b".!?");
                continue;
            }
            let ch = p[i..].chars().next().unwrap_or(' ');
            if !is_terminator(ch) {
                i += ch.len_utf8();
                continue;
            }
            while di < self.marker_dots.len() && self.marker_dots[di] < i {
                di += 1;
            }
            if self.marker_dots.get(di) == Some(&i) {
                i += 1;
                continue;
            }
            let cluster = Cluster::read(p, i);
            let mut end = cluster.end;
            while let Some(c) = p[end..].chars().next().filter(|&c| is_closer(c)) {
                end += c.len_utf8();
            }
            while ti < self.titles.len() && self.titles[ti].1 < i {
                ti += 1;
            }
            if self.titles.get(ti).is_some_and(|&(o, c)| o < i && i < c) {
                i = cluster.end;
                continue;
            }
            while bi < self.brackets.len() && self.brackets[bi].1 < i {
                bi += 1;
            }
            if let Some(&(o, c)) = self.brackets.get(bi).filter(|&&(o, c)| o < i && i < c) {
                // Inside brackets: only a terminator that ends the bracket counts, and an
                // ellipsis standing alone in brackets ([...]) is an omission, not a stop.
                let alone = p[o..c].chars().skip(1).all(|c| is_terminator(c) || c == ' ');
                if c >= end || alone {
                    i = cluster.end;
                    continue;
                }
            }
            if self.is_boundary(&cluster, end, last_cut) {
                cuts.push(end);
                last_cut = end;
            }
            i = end.max(cluster.end);
        }
        cuts
    }

    fn is_boundary(&self, cluster: &Cluster, end: usize, last_cut: usize) -> bool {
        let p = self.p;
        let before = p[..cluster.start].chars().next_back();
        let after_ws = end + (p[end..].len() - p[end..].trim_start().len());
        let glued = after_ws == end && end < p.len();
        let next_char = p[end..].chars().next();
        // The first letter or digit of what follows, after opening quotes and brackets.
        let (next, next_word) = next_word(&p[after_ws..]);
        if cluster.cjk {
            // `（…。）。`, `。”，` — punctuation glued after the closers continues the sentence.
            return !(glued && next_char.is_some_and(|c| is_terminator(c) || matches!(c, '，' | '、' | '：' | ',' | ':' | ';')));
        }
        let cjk_before = before.is_some_and(|c| is_han(c) || is_cjk_punct(c));
        if cluster.ellipsis() {
            if cjk_before || next == Next::Caseless {
                return true;
            }
            if glued {
                return false;
            }
            return match next {
                Next::End => true,
                Next::Lower => false,
                _ if cluster.dots >= 4 || (cluster.ellipsis_chars > 0 && cluster.dots > 0) => true,
                _ if cluster.spaced => false,
                Next::Upper | Next::Other => true,
                _ => false,
            };
        }
        if glued {
            let nc = next_char.unwrap_or(' ');
            if is_han(nc) || (nc.is_alphabetic() && !nc.is_lowercase() && !nc.is_uppercase()) {
                return true;
            }
            if is_opener(nc) && !matches!(nc, '(' | '[' | '{') {
                // `won.“Next year` — a full stop glued to an opening quote and a capital.
                let quoted = p[end..].trim_start_matches(is_opener);
                let word = p[..cluster.start].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                return quoted.starts_with(char::is_uppercase) && word.chars().count() >= 2 && self.rules.abbreviation(word).is_none();
            }
            if !nc.is_alphanumeric() {
                return false;
            }
            return self.glued_boundary(cluster, end, last_cut);
        }
        match next {
            Next::End => return true,
            Next::Lower => return false,
            Next::Caseless => return true,
            _ => {}
        }
        if cluster.exclamation {
            return true;
        }
        // A full stop followed by white space and an uppercase letter, digit or symbol.
        let Some(before) = before else { return false };
        let (look_from, token_start) = token_before(p, cluster.start, last_cut);
        let token = p[token_start..cluster.start].trim_start_matches(is_opener);
        let word = token.rsplit(|c: char| !(c.is_alphabetic() || c == '.')).next().unwrap_or("").trim_start_matches('.');
        // A lone list marker or section number at the start of a sentence ("1.", "a.", "iv.").
        if p[last_cut..cluster.start].trim().len() == token.len() && is_marker_token(token) {
            return false;
        }
        let kind = self.rules.abbreviation(word);
        if kind == Some(AbbreviationKind::Prefix) && matches!(next, Next::Upper | Next::Digit) {
            return false;
        }
        if kind == Some(AbbreviationKind::Number) && next == Next::Digit {
            return false;
        }
        // `N°.`, `#.`: a symbol glued to letters, as in abbreviated labels.
        let symbol_before = word.is_empty() && !before.is_alphanumeric() && !is_closer(before) && token.chars().any(char::is_alphabetic);
        let abbreviation_like = kind.is_some()
            || symbol_before
            || (!word.is_empty() && word == token && word.chars().count() == 1)
            || is_multi_period(word)
            || (word == token && is_vowelless_short(word));
        if !abbreviation_like {
            return true;
        }
        match next {
            Next::Digit => false,
            Next::Upper => self.rules.is_starter(next_word) && words_in(&p[look_from.max(last_cut)..token_start]) >= 2,
            _ => true,
        }
    }

    /// A full stop (or ! ?) glued to the next letter or digit: a boundary only between a word
    /// and a capitalised word (`world.Today`), never inside numbers, addresses or initials.
    fn glued_boundary(&self, cluster: &Cluster, end: usize, last_cut: usize) -> bool {
        let p = self.p;
        // Only a capitalised word can follow (checked again below): anything else is answered
        // before the look-back and look-ahead, which made runs like "1.1.1.1…" slow.
        let mut after = p[end..].chars();
        if !matches!((after.next(), after.next()), (Some(n1), Some(n2)) if n1.is_uppercase() && n2.is_lowercase()) {
            return false;
        }
        let (_, token_start) = token_before(p, cluster.start, last_cut);
        let token = &p[token_start..cluster.start];
        let limit = floor_char(p, (end + LOOK_BACK).min(p.len()));
        let rest_end = p[end..limit].find(char::is_whitespace).map_or(limit, |w| end + w);
        let rest = &p[end..rest_end];
        let looks_like_address = |s: &str| s.contains('@') || s.contains("://") || s.contains('/') || s.starts_with("www");
        if looks_like_address(token) || looks_like_address(rest) || cluster.end != end {
            return false;
        }
        let before = token.chars().next_back();
        let mut next_chars = rest.chars();
        let (Some(n1), Some(n2)) = (next_chars.next(), next_chars.next()) else { return false };
        if !(n1.is_uppercase() && n2.is_lowercase()) {
            return false;
        }
        let word = token.rsplit(|c: char| !(c.is_alphabetic() || c == '.')).next().unwrap_or("");
        let word_ok = word.chars().count() >= 2 && !word.contains('.') && self.rules.abbreviation(word).is_none();
        let number_ok = word.is_empty() && before.is_some_and(|c| c.is_ascii_digit());
        // `rest` must read as a word, not as the next label of a domain name (Example.Com).
        let rest_is_word = !rest.trim_end_matches(is_sentence_punct).contains('.');
        (word_ok || number_ok) && rest_is_word
    }
}

/// A run of terminators starting at `start`: `?!`, `...`, `. . .`, `……`, `。”`'s `。`.
#[derive(Debug)]
struct Cluster {
    start: usize,
    end: usize,
    dots: usize,
    ellipsis_chars: usize,
    spaced: bool,
    exclamation: bool,
    cjk: bool,
}

impl Cluster {
    fn read(p: &str, start: usize) -> Self {
        let mut c = Cluster { start, end: start, dots: 0, ellipsis_chars: 0, spaced: false, exclamation: false, cjk: false };
        let mut i = start;
        while let Some(ch) = p[i..].chars().next() {
            match ch {
                '.' | '．' => c.dots += 1,
                '…' | '⋯' => c.ellipsis_chars += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => c.exclamation = true,
                '。' | '！' | '？' | '；' | '｡' => c.cjk = true,
                ' ' if c.dots > 0 && p[..i].ends_with('.') && (c.spaced || p[i + 1..].starts_with(". .")) && p[i + 1..].starts_with('.') => {
                    // ". . ." — a spaced ellipsis: the dots keep alternating with single spaces.
                    c.spaced = true;
                }
                _ => break,
            }
            i += ch.len_utf8();
            if ch != ' ' {
                c.end = i;
            }
        }
        c
    }

    fn ellipsis(&self) -> bool {
        self.ellipsis_chars > 0 || self.dots >= 3
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '⋯' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '；' | '｡' | '．')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '」' | '』' | ')' | '）' | ']' | '］' | '】' | '〕' | '»' | '›' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '「' | '『' | '(' | '（' | '[' | '【' | '«' | '‹' | '¿' | '¡' | '*' | '_' | '{')
}

fn is_sentence_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ',' | ';' | ':') || is_closer(c)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65) || matches!(c, '”' | '’' | '…')
}

/// Classifies what follows and returns the next word (letters only) for the starter check.
fn next_word(s: &str) -> (Next, &str) {
    let t = s.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let Some(c) = t.chars().next() else {
        return if s.trim_start().is_empty() { (Next::End, "") } else { (Next::Other, "") };
    };
    let word_end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let word = &t[..word_end];
    let kind = if c.is_lowercase() {
        Next::Lower
    } else if c.is_uppercase() {
        Next::Upper
    } else if c.is_numeric() {
        Next::Digit
    } else if c.is_alphabetic() {
        Next::Caseless
    } else {
        Next::Other
    };
    (kind, word)
}

fn is_multi_period(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

fn is_vowelless_short(word: &str) -> bool {
    let n = word.chars().count();
    (2..=5).contains(&n)
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !word.chars().any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
}

fn is_marker_token(token: &str) -> bool {
    let t = token.trim_start_matches(['•', '⁃', '‣', '◦', '▪', '-', '*', '(']);
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(
            t,
            "i" | "ii"
                | "iii"
                | "iv"
                | "v"
                | "vi"
                | "vii"
                | "viii"
                | "ix"
                | "x"
                | "I"
                | "II"
                | "III"
                | "IV"
                | "V"
                | "VI"
                | "VII"
                | "VIII"
                | "IX"
                | "X"
        )
}

/// Counts up to 2 words (tokens with a letter) in `s`.
fn words_in(s: &str) -> usize {
    s.split_whitespace().rev().filter(|w| w.chars().any(char::is_alphabetic)).take(2).count()
}

/// Where the look-back before the punctuation at `at` starts (at most `LOOK_BACK` bytes, never
/// before `last_cut`), and where the token that ends at `at` starts (after the last white space).
fn token_before(p: &str, at: usize, last_cut: usize) -> (usize, usize) {
    let look_from = floor_char(p, at.saturating_sub(LOOK_BACK).max(last_cut));
    let token_start = p[look_from..at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(look_from, |(w, c)| look_from + w + c.len_utf8());
    (look_from, token_start)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where a per-byte scan that stops only at `set` (ASCII) and some non-ASCII lead bytes goes
/// next from `i`, whose byte it has just passed over: past the whole character, and past any
/// plain ASCII words after it (see [`skip_ascii_without`]).
#[inline]
fn next_candidate(bytes: &[u8], i: usize, set: &[u8]) -> usize {
    match bytes[i] {
        0..=0x7F => skip_ascii_without(bytes, i + 1, set),
        0xC0..=0xDF => i + 2,
        0xE0..=0xEF => i + 3,
        0xF0..=0xFF => i + 4,
        _ => i + 1,
    }
}

/// The first index from `from` on that may hold a byte of `set` (ASCII) or a non-ASCII byte:
/// 8-byte words of plain ASCII without any byte of `set` are skipped (a scan helper for per-byte
/// loops that only stop at a few ASCII bytes and at non-ASCII characters).
#[inline]
fn skip_ascii_without(bytes: &[u8], mut from: usize, set: &[u8]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(word) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
        let mut hit = x & HI;
        for &b in set {
            // Exact "has a zero byte" test of x XOR b.
            let y = x ^ (LO * u64::from(b));
            hit |= y.wrapping_sub(LO) & !y & HI;
        }
        if hit != 0 {
            break;
        }
        from += 8;
    }
    from
}

/// Matched bracket pairs (positions of the opening and closing characters), no wider than
/// `max` bytes, merged into disjoint outermost intervals in order.
#[cfg(test)]
fn matched_pairs(p: &str, pairs: &[(char, char)], max: usize) -> Vec<(usize, usize)> {
    let [found, _] = matched_pairs_of(p, [(pairs, max), (&[], 0)]);
    found
}

/// [`matched_pairs`] for two sets of pairs (each with its own stack and width limit), in one
/// pass over the paragraph.
fn matched_pairs_of(p: &str, sets: [(&[(char, char)], usize); 2]) -> [Vec<(usize, usize)>; 2] {
    let mut stacks: [Vec<(char, usize)>; 2] = [Vec::new(), Vec::new()];
    let mut founds: [Vec<(usize, usize)>; 2] = [Vec::new(), Vec::new()];
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Every bracket here is ASCII or starts with the lead byte 0xE3 or 0xEF.
        if !matches!(bytes[i], b'(' | b')' | b'[' | b']' | b'{' | b'}' | 0xE3 | 0xEF) {
            i = next_candidate(bytes, i, b"()[]{}");
            continue;
        }
        let at_i = i;
        i += 1;
        let Some(c) = p[at_i..].chars().next() else { continue };
        for ((pairs, max), (stack, found)) in sets.iter().zip(stacks.iter_mut().zip(founds.iter_mut())) {
            pair_step(pairs, *max, stack, found, c, at_i);
        }
    }
    founds.map(merge_pairs)
}

/// One character of the bracket scan for one set of pairs.
fn pair_step(pairs: &[(char, char)], max: usize, stack: &mut Vec<(char, usize)>, found: &mut Vec<(usize, usize)>, c: char, i: usize) {
    if let Some(&(open, _)) = pairs.iter().find(|(o, _)| *o == c) {
        stack.push((open, i));
        if stack.len() > 64 {
            stack.remove(0);
        }
    } else if let Some(&(open, _)) = pairs.iter().find(|(_, cl)| *cl == c) {
        if let Some(pos) = stack.iter().rposition(|&(o, _)| o == open) {
            let (_, at) = stack[pos];
            stack.truncate(pos);
            if i - at <= max {
                found.push((at, i));
            }
        }
    }
}

/// Sorts found pairs and merges them into disjoint outermost intervals.
fn merge_pairs(mut found: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    crate::text::sort::sort(&mut found); // the crate's one sort: not another 3 KB instance of the standard one
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (o, c) in found {
        match merged.last_mut() {
            Some(last) if o < last.1 => last.1 = last.1.max(c),
            _ => merged.push((o, c)),
        }
    }
    merged
}

/// Inline list markers in sequence (`1. … 2. …`, `1) … 2) …`, `a. … b. …`, `• … • …`), starting
/// at the paragraph's start: the full stops inside markers, and where later items begin.
fn list_markers(p: &str) -> (Vec<usize>, Vec<usize>) {
    let mut dots = Vec::new();
    let mut cuts = Vec::new();
    let Some(first) = marker_at(p, 0) else { return (dots, cuts) };
    dots.extend(first.dot);
    let mut expect = first.value.map(|v| v + 1);
    let mut i = first.end;
    let bytes = p.as_bytes();
    while i < p.len() {
        // Markers start after white space; a bullet may stand anywhere after white space.
        if bytes[i].is_ascii_whitespace() {
            let at = i + 1;
            if let Some(m) = marker_at(p, at) {
                if m.bullet == first.bullet && m.style == first.style && m.value == expect {
                    cuts.push(at);
                    dots.extend(m.dot);
                    expect = m.value.map(|v| v + 1);
                    i = m.end;
                    continue;
                }
            }
        }
        i += 1;
    }
    (dots, cuts)
}

struct Marker {
    bullet: Option<char>,
    /// 0: `1.`  1: `1)`  2: `1.)`  3: bullet alone
    style: u8,
    value: Option<u32>,
    dot: Option<usize>,
    end: usize,
}

fn marker_at(p: &str, at: usize) -> Option<Marker> {
    let s = p.get(at..)?;
    let mut i = 0;
    let bullet = s.chars().next().filter(|c| matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '●' | '■'));
    if let Some(b) = bullet {
        i += b.len_utf8();
        i += s[i..].len() - s[i..].trim_start_matches(' ').len();
    }
    let rest = &s[i..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (value, len) = if (1..=3).contains(&digits) {
        (rest[..digits].parse::<u32>().ok(), digits)
    } else if rest.len() >= 2 && rest.as_bytes()[0].is_ascii_lowercase() && !rest.as_bytes()[1].is_ascii_alphabetic() {
        (Some(u32::from(rest.as_bytes()[0] - b'a') + 1), 1)
    } else if bullet.is_some() && rest.len() < s.len() {
        return Some(Marker { bullet, style: 3, value: None, dot: None, end: at + i });
    } else {
        return None;
    };
    let after = &rest[len..];
    let (style, mlen, dot) = if after.starts_with(".)") {
        (2, 2, Some(at + i + len))
    } else if after.starts_with(')') {
        (1, 1, None)
    } else if after.starts_with('.') {
        (0, 1, Some(at + i + len))
    } else {
        return None;
    };
    let end = at + i + len + mlen;
    if !p[end..].starts_with(char::is_whitespace) {
        return None;
    }
    Some(Marker { bullet, style, value, dot, end })
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = crate::text::trim::trim_range(text, range);
    if !r.is_empty() {
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn punctuation_taken_as_its_own_cluster_is_so_after_every_terminator_and_closer() {
        use unicode_segmentation::UnicodeSegmentation;
        let before: Vec<char> = (char::MIN..=char::MAX).filter(|&c| is_terminator(c) || is_closer(c)).collect();
        let plain: Vec<char> = (char::MIN..=char::MAX).filter(|&c| never_joins(c)).collect();
        assert!(before.len() > 20 && plain.len() > 150, "{} {}", before.len(), plain.len());
        for &t in &before {
            for &c in &plain {
                assert_eq!(format!("{t}{c}").graphemes(true).count(), 2, "{t:?} {c:?} {:04X}", c as u32);
            }
        }
        // The closing quote after a full stop stays with its sentence, the next one starts after it.
        assert_eq!(split("他说：“好。”我们走了。"), ["他说：“好。”", "我们走了。"]);
    }

    #[test]
    fn english_and_chinese_terminators() {
        assert_eq!(split("It rained. We left! Why?"), ["It rained.", "We left!", "Why?"]);
        assert_eq!(split("他说：“好。”我们走了。对吗？"), ["他说：“好。”", "我们走了。", "对吗？"]);
        assert_eq!(split("Version 2.5 shipped."), ["Version 2.5 shipped."]);
        assert_eq!(split("No full stop"), ["No full stop"]);
    }

    #[test]
    fn brackets_and_titles() {
        assert_eq!(matched_pairs("a (b [c] d) e (f", &[('(', ')'), ('[', ']')], 100), [(2, 10)]);
        assert_eq!(split("他读了《奋斗吧！社区人》。很好。"), ["他读了《奋斗吧！社区人》。", "很好。"]);
    }

    #[test]
    fn list_markers_in_sequence_only() {
        let (dots, cuts) = list_markers("1. One 2. Two 4. Four");
        assert_eq!((dots, cuts), (vec![1, 8], vec![7]));
        assert_eq!(list_markers("In 2. Two").1, Vec::<usize>::new());
    }
}
