//! The unit stream every keyword statistic reads: one unit per word (hyphenated compounds joined,
//! possessives trimmed), each mapped to its term group, with a `BREAK` wherever a phrase may not
//! continue: sentence ends, punctuation, symbols and (by default) numbers.

use std::borrow::Cow;
use std::ops::Range;

use super::lemma::{fold, group_key, possessive_len};
use super::number_words::NumberWords;
use crate::keywords::official_terms::OfficialTerms;
use crate::keywords::stopwords::Stopwords;
use crate::segment::tokens::{Token, TokenKind};
use rustc_hash::FxHashMap;

/// The group id of a break unit.
pub(crate) const BREAK: u32 = u32::MAX;

/// One word of the text (or a break): 16 bytes, as there is one per word of a possibly 20 MB text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Where the word starts (bytes); it ends after its exact spelling ([`Stream::end`]).
    pub start: u32,
    /// Term group, or [`BREAK`].
    pub group: u32,
    /// Surface form id (exact spelling), meaningless for a break.
    pub surface: u32,
    /// Paragraph index.
    pub para: u32,
}

impl Unit {
    pub fn is_break(&self) -> bool {
        self.group == BREAK
    }
}

/// A term group: the forms that count as one term. Its grouping key (a Snowball stem for
/// English, the word itself otherwise) is [`Stream::key`].
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Stopword: never a keyword, never the edge of a phrase.
    pub stop: bool,
    /// Occurrences.
    pub count: u32,
}

/// The text as units, with its vocabulary.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stream {
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
    /// The grouping key of every group.
    keys: StrList,
    /// Exact spellings (possessive trimmed) and how often each occurs.
    surfaces: StrList,
    surface_counts: Vec<u32>,
    /// Group of each surface.
    pub surface_group: Vec<u32>,
    /// Number of word units (stopwords included): the corpus size for keyness.
    pub words: u64,
    /// Word units per paragraph.
    pub paragraph_words: Vec<u32>,
    /// The groups by their key's hash: the first group with that hash, the others chained in
    /// `same_hash` (the keys themselves are in `keys`, not copied into the map).
    group_of_hash: FxHashMap<u64, u32>,
    same_hash: Vec<u32>,
}

/// The end of a `same_hash` chain.
const NO_GROUP: u32 = u32::MAX;

/// Many short strings in one buffer: a text's vocabulary is thousands of words, and a `String`
/// each was an allocation (and a free) per distinct word.
#[derive(Debug, Clone, Default)]
struct StrList {
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

impl StrList {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, i: u32) -> &str {
        let end = self.ends[i as usize] as usize;
        let start = if i == 0 { 0 } else { self.ends[i as usize - 1] as usize };
        &self.text[start..end]
    }
}

/// How tokens become units.
#[derive(Debug, Clone)]
pub(crate) struct UnitRules<'s> {
    pub stopwords: &'s Stopwords,
    /// Count numbers (and words starting with a digit, such as "15th") as terms.
    pub keep_numbers: bool,
    /// Byte ranges of time expressions (document order); unless numbers are kept, the Chinese
    /// words inside them are breaks.
    pub timexes: &'s [Range<usize>],
    /// Terms counted as one word wherever the segmenter cut them.
    pub official: &'s OfficialTerms,
}

impl Stream {
    /// Builds the stream from tokens, sentence ranges (each with its paragraph) in document order.
    pub(crate) fn build(
        text: &str,
        shadow: &str,
        tokens: &[Token],
        sentences: &[(Range<usize>, usize)],
        paragraphs: usize,
        rules: &UnitRules,
    ) -> Stream {
        // Room up front for a vocabulary of half the tokens, up to 65,536 words (a long text's
        // grows from there): grown from empty, the maps re-hashed every word several times (4 % of
        // a Chinese article's analysis in wasm; a quarter of the tokens already cost that much).
        // In proportion to the text, so that work stays linear in it (tests/pathological.rs).
        let vocabulary = (tokens.len() / 2).min(1 << 16);
        let mut b = Builder {
            text,
            shadow,
            rules,
            stream: Stream { group_of_hash: FxHashMap::with_capacity_and_hasher(vocabulary, Default::default()), ..Stream::default() },
            surfaces: FxHashMap::with_capacity_and_hasher(vocabulary, Default::default()),
            stop_key: String::new(),
        };
        b.stream.paragraph_words = vec![0; paragraphs.max(sentences.last().map_or(0, |s| s.1 + 1))];
        b.stream.units.reserve(tokens.len() + sentences.len());
        let mut s = 0usize;
        let mut i = 0usize;
        // The next time expression that may hold a token (ranges and tokens in document order).
        let mut tx = 0usize;
        let numbers = NumberWords::embedded();
        while i < tokens.len() {
            let t = &tokens[i];
            // Advance to the sentence holding this token; each new sentence is a break.
            let mut moved = false;
            while s + 1 < sentences.len() && t.range.start >= sentences[s].0.end {
                s += 1;
                moved = true;
            }
            let para = sentences.get(s).map_or(0, |x| x.1) as u32;
            if moved {
                b.push_break(t.range.start, para);
            }
            // Where an official term starting here ends (asked once: the guard and the arm share it).
            let official_end = if t.kind == TokenKind::Cjk { rules.official.term_end(shadow, tokens, i) } else { i };
            match t.kind {
                TokenKind::Word if !starts_with_digit(&text[t.range.clone()]) || rules.keep_numbers => {
                    // Join hyphenated compounds written without spaces: high-quality, Five-Year.
                    let mut end = t.range.end;
                    let mut j = i;
                    while j + 2 < tokens.len()
                        && tokens[j + 1].range.start == end
                        && is_hyphen(&text[tokens[j + 1].range.clone()])
                        && tokens[j + 2].kind == TokenKind::Word
                        && tokens[j + 2].range.start == tokens[j + 1].range.end
                        && (tokens[j + 2].range.start < sentences.get(s).map_or(usize::MAX, |x| x.0.end))
                    {
                        end = tokens[j + 2].range.end;
                        j += 2;
                    }
                    b.push_word(t.range.start..end, para, true);
                    i = j + 1;
                    continue;
                }
                TokenKind::Cjk if official_end > i => {
                    // An official term the word segmenter cuts (二十届 / 三中全会, PKU-style) is one term.
                    b.push_word(t.range.start..tokens[official_end].range.end, para, false);
                    i = official_end + 1;
                    continue;
                }
                // Numerals and measure words are read in the Simplified shadow, so that Traditional
                // 兩萬, 億元 and 個 are numbers as 两万, 亿元 and 个 are.
                TokenKind::Cjk
                    if !rules.keep_numbers
                        && (numbers.is_number(&shadow[t.range.clone()])
                            || in_timex(text, rules.timexes, &mut tx, &t.range)
                            || (i > 0
                                && tokens[i - 1].kind == TokenKind::Number
                                && tokens[i - 1].range.end == t.range.start
                                && numbers.is_measure_after_digits(&shadow[t.range.clone()]))) =>
                {
                    b.push_break(t.range.start, para)
                }
                TokenKind::Cjk => b.push_word(t.range.clone(), para, false),
                TokenKind::Number if rules.keep_numbers => b.push_word(t.range.clone(), para, false),
                _ => b.push_break(t.range.start, para),
            }
            i += 1;
        }
        b.stream
    }

    /// Where a unit ends (bytes): after its exact spelling (possessive trimmed); a break is empty.
    pub(crate) fn end(&self, u: &Unit) -> u32 {
        if u.is_break() { u.start } else { u.start + self.surface(u.surface).len() as u32 }
    }

    /// The grouping key of group `g`.
    pub(crate) fn key(&self, g: u32) -> &str {
        self.keys.get(g)
    }

    /// The group whose grouping key is `key`.
    pub(crate) fn group_of_key(&self, key: &str) -> Option<u32> {
        let mut g = *self.group_of_hash.get(&key_hash(key))?;
        while self.key(g) != key {
            g = self.same_hash[g as usize];
            if g == NO_GROUP {
                return None;
            }
        }
        Some(g)
    }

    /// Adds a group with grouping key `key` (not a key of any other group).
    fn add_group(&mut self, key: &str, stop: bool) -> u32 {
        let g = self.groups.len() as u32;
        self.keys.push(key);
        self.groups.push(Group { stop, count: 0 });
        self.same_hash.push(self.group_of_hash.insert(key_hash(key), g).unwrap_or(NO_GROUP));
        g
    }

    /// Exact spelling `s` (a unit's `surface`).
    pub(crate) fn surface(&self, s: u32) -> &str {
        self.surfaces.get(s)
    }

    /// How often spelling `s` occurs.
    pub(crate) fn surface_count(&self, s: u32) -> u32 {
        self.surface_counts[s as usize]
    }

    /// Byte range of a unit.
    pub(crate) fn range(&self, u: &Unit) -> Range<usize> {
        u.start as usize..self.end(u) as usize
    }

    /// Display form of a group: its most frequent exact spelling (ties: the earliest seen).
    pub(crate) fn display(&self, by_group: &SurfacesByGroup, group: u32) -> &str {
        let forms = by_group.of(group);
        let best = forms.iter().copied().max_by(|&a, &b| self.surface_count(a).cmp(&self.surface_count(b)).then(b.cmp(&a)));
        best.map_or("", |s| self.surface(s))
    }

    /// Surfaces of every group.
    pub(crate) fn surfaces_by_group(&self) -> SurfacesByGroup {
        // One flat list cut per group: a list per group was an allocation per distinct word.
        let mut bounds = vec![0u32; self.groups.len() + 1];
        for &g in &self.surface_group {
            bounds[g as usize + 1] += 1;
        }
        for g in 1..bounds.len() {
            bounds[g] += bounds[g - 1];
        }
        let mut next = bounds.clone();
        let mut surfaces = vec![0u32; self.surface_group.len()];
        for (s, &g) in self.surface_group.iter().enumerate() {
            surfaces[next[g as usize] as usize] = s as u32;
            next[g as usize] += 1;
        }
        SurfacesByGroup { bounds, surfaces }
    }

    /// Looks up the group of a (folded) word, as the text would have grouped it.
    pub(crate) fn find_group(&self, word: &str) -> Option<u32> {
        let folded = fold(word);
        self.group_of_key(&group_key(&folded)).or_else(|| self.group_of_key(&stop_key(&folded)))
    }
}

/// The surfaces of every group, in surface order: [`Stream::surfaces_by_group`].
#[derive(Debug, Clone)]
pub(crate) struct SurfacesByGroup {
    /// Group g's surfaces are `surfaces[bounds[g]..bounds[g + 1]]`.
    bounds: Vec<u32>,
    surfaces: Vec<u32>,
}

impl SurfacesByGroup {
    /// The surfaces of one group.
    pub(crate) fn of(&self, group: u32) -> &[u32] {
        &self.surfaces[self.bounds[group as usize] as usize..self.bounds[group as usize + 1] as usize]
    }
}

struct Builder<'a, 'r> {
    text: &'a str,
    /// The Simplified shadow of `text` (same byte offsets): Chinese words group by it.
    shadow: &'a str,
    rules: &'r UnitRules<'r>,
    stream: Stream,
    surfaces: FxHashMap<&'a str, u32>,
    stop_key: String,
}

impl<'a> Builder<'a, '_> {
    fn push_break(&mut self, at: usize, para: u32) {
        if self.stream.units.last().is_some_and(|u| u.is_break()) {
            return;
        }
        self.stream.units.push(Unit { start: at as u32, group: BREAK, surface: 0, para });
    }

    fn push_word(&mut self, range: Range<usize>, para: u32, latin: bool) {
        let raw = &self.text[range.clone()];
        let keep = if latin { possessive_len(raw) } else { raw.len() };
        let surface = &raw[..keep];
        let id = match self.surfaces.get(surface) {
            Some(&id) => id,
            None => {
                let id = self.stream.surface_counts.len() as u32;
                // A Chinese word groups with its other script's spelling (勞工 with 劳工); the
                // display form is the spelling the text uses most.
                let folded = if latin { fold(surface) } else { fold(&self.shadow[range.start..range.start + keep]) };
                let stop = self.rules.stopwords.contains(&folded) || {
                    // The spelling as written, when that differs (a possessive, Traditional script).
                    let lower = crate::text::case::to_lowercase_cow(raw);
                    lower != folded && self.rules.stopwords.contains(&lower)
                };
                // Stopwords keep a group of their own per form, so that "generally" (a stopword)
                // never swallows "General" through their shared stem.
                let key = if stop {
                    // into a buffer kept from word to word
                    write_stop_key(&mut self.stop_key, &folded);
                    Cow::Borrowed(self.stop_key.as_str())
                } else {
                    group_key(&folded)
                };
                let group = match self.stream.group_of_key(&key) {
                    Some(g) => g,
                    None => self.stream.add_group(&key, stop),
                };
                self.stream.surfaces.push(surface);
                self.stream.surface_counts.push(0);
                self.stream.surface_group.push(group);
                self.surfaces.insert(surface, id);
                id
            }
        };
        let group = self.stream.surface_group[id as usize];
        self.stream.surface_counts[id as usize] += 1;
        self.stream.groups[group as usize].count += 1;
        self.stream.words += 1;
        if let Some(w) = self.stream.paragraph_words.get_mut(para as usize) {
            *w += 1;
        }
        debug_assert_eq!(self.stream.surface(id).len(), keep);
        self.stream.units.push(Unit { start: range.start as u32, group, surface: id, para });
    }
}

fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// The key of a stopword's own group.
pub(crate) fn stop_key(folded: &str) -> String {
    let mut key = String::new();
    write_stop_key(&mut key, folded);
    key
}

/// [`stop_key`], written into `out` (cleared first).
fn write_stop_key(out: &mut String, folded: &str) {
    out.clear();
    out.push('\u{0}');
    out.push_str(folded);
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_numeric())
}

/// Whether the word at `range` of `text` is a piece of one of `timexes`: inside it, or one
/// character beyond one of its edges (说明 of 他说明年, 日电 of 31日电), a word the segmenter joined
/// across the date's edge. A word that holds a time expression whole (春节晚会 holds 春节) or goes
/// on beyond it by more than a character (春节晚会 in 今年春节晚会) is a word of its own. Moves
/// `from` past the ranges that end before `range` (both in document order).
pub(crate) fn in_timex(text: &str, timexes: &[Range<usize>], from: &mut usize, range: &Range<usize>) -> bool {
    while timexes.get(*from).is_some_and(|t| t.end <= range.start) {
        *from += 1;
    }
    let Some(t) = timexes.get(*from).filter(|t| t.start < range.end) else { return false };
    let outside = match (range.start < t.start, t.end < range.end) {
        (false, false) => return true,
        (true, true) => return false,
        (true, false) => range.start..t.start,
        (false, true) => t.end..range.end,
    };
    text[outside].chars().nth(1).is_none()
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

#[cfg(test)]
mod tests {
    use super::{NO_GROUP, Stream};

    #[test]
    fn every_group_is_found_by_its_key_and_chains_are_followed() {
        let mut stream = Stream::default();
        let keys: Vec<String> = (0..5000).map(|i| format!("w{i}\u{0}{}", i % 7)).collect();
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(stream.add_group(key, i % 3 == 0), i as u32);
        }
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(stream.group_of_key(key), Some(i as u32));
            assert_eq!(stream.key(i as u32), key);
        }
        assert_eq!(stream.group_of_key("absent"), None);
        // Two groups under one hash (a collision, forced): the chain reaches the older one.
        let h = super::key_hash("w1\u{0}1");
        stream.group_of_hash.insert(h, 2);
        stream.same_hash[2] = 1;
        assert_eq!(stream.group_of_key("w1\u{0}1"), Some(1));
        assert_eq!(stream.group_of_key("w2\u{0}2"), Some(2), "a key is still found under its own hash");
        stream.same_hash[2] = NO_GROUP;
        assert_eq!(stream.group_of_key("w1\u{0}1"), None);
    }
}
