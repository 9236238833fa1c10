//! Word tokens (UAX #29 word boundaries, through unicode-segmentation) with their kind; runs of
//! Han characters are cut into Chinese words by the engine's segmenter ([`ChineseWords`]).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::segment::zh_words::ChineseWords;
use crate::text::language::{is_general_punctuation, is_han};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, hyphens inside).
    Word,
    /// Digits, possibly with separators and a decimal point.
    Number,
    /// A Chinese (Han) word.
    Cjk,
    /// Punctuation.
    Punctuation,
    /// Anything else that is not white space (symbols, emoji).
    Symbol,
}

impl TokenKind {
    /// Whether tokens of this kind count as words in statistics.
    ///
    /// ```
    /// use article_explorer::TokenKind;
    /// assert!(TokenKind::Cjk.is_word() && !TokenKind::Punctuation.is_word());
    /// ```
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Number | TokenKind::Cjk)
    }
}

/// A token: a byte range of the text and its kind.
///
/// ```
/// let t = &article_explorer::Engine::new().tokens("Hi!")[1];
/// assert_eq!((t.range.clone(), t.kind), (2..3, article_explorer::TokenKind::Punctuation));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
}

/// Tokens of `range` of `text` (a Simplified shadow: see [`ChineseWords::cut`]), white space left
/// out, appended to `out`; `words` cuts the runs of Han characters.
///
/// Stretches between ASCII white space that are pure ASCII take a fast path that applies the
/// UAX #29 rules for ASCII (letters and digits join; `:` `.` `'` between letters; `,` `;` `.` `'`
/// between digits; `_` joins); everything else goes through unicode-segmentation from the white
/// space before it, so the result is the same as running UAX #29 over the whole range (a unit
/// test compares the two on random text).
pub(crate) fn tokenize(text: &str, range: Range<usize>, words: &ChineseWords, out: &mut Vec<Token>) {
    Tokenizer::new(words).tokenize(text, range, out);
}

/// [`tokenize`] range after range (a text's sentences) with the same buffers.
pub(crate) struct Tokenizer<'w> {
    han: HanRun<'w>,
}

impl<'w> Tokenizer<'w> {
    pub(crate) fn new(words: &'w ChineseWords) -> Self {
        Tokenizer { han: HanRun { words, run: None, cuts: Vec::new() } }
    }

    /// The tokens of `range` of `text`, appended to `out`: [`tokenize`].
    pub(crate) fn tokenize(&mut self, text: &str, range: Range<usize>, out: &mut Vec<Token>) {
        let han = &mut self.han;
        let bytes = text.as_bytes();
        let mut i = range.start;
        while i < range.end {
            let ws_start = i;
            while i < range.end && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == range.end {
                break;
            }
            // A pending Han run ends here either way: the white space before this chunk, or the
            // paragraph start, separates it (UAX #29 never joins Han across white space).
            han.flush(text, out);
            let chunk_start = i;
            let mark = out.len();
            // Optimistically as ASCII; at the first non-ASCII byte the chunk is redone by UAX #29.
            if let Some(end) = ascii_pieces(bytes, chunk_start, range.end, out) {
                i = end;
                continue;
            }
            out.truncate(mark);
            while i < range.end && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            mixed_pieces(text, ws_start..i, han, out);
        }
        han.flush(text, out);
    }
}

/// The UAX #29 pieces of a stretch that is not pure ASCII, as `piece_token` takes them. A Han
/// character is always a piece of its own unless an Extend, Format or ZWJ character follows it
/// (WB4 attaches those), so Han characters followed by a character that is surely none of these
/// go straight into the Han run; only the stretches between them go through unicode-segmentation
/// (starting or ending a stretch at such a boundary changes none of its other boundaries).
fn mixed_pieces(text: &str, range: Range<usize>, han: &mut HanRun, out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let uax29 = |from: usize, to: usize, han: &mut HanRun, out: &mut Vec<Token>| {
        for (offset, piece) in s[from..to].split_word_bound_indices() {
            piece_token(text, range.start + from + offset, piece, han, out);
        }
    };
    let mut plain_from = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if !is_han(c) || !chars.peek().is_none_or(|&(_, next)| starts_a_piece(next)) {
            continue;
        }
        if plain_from < j {
            uax29(plain_from, j, han, out);
        }
        han.extend(text, range.start + j..range.start + j + c.len_utf8(), out);
        plain_from = j + c.len_utf8();
    }
    if plain_from < s.len() {
        uax29(plain_from, s.len(), han, out);
    }
}

/// Characters whose UAX #29 word-break property is surely not Extend, Format or ZWJ (so they
/// never attach to the character before them): ASCII, Han, CJK and fullwidth punctuation,
/// general punctuation.
fn starts_a_piece(c: char) -> bool {
    c.is_ascii() || is_han(c) || matches!(c as u32, 0x3001..=0x3029 | 0xFF01..=0xFF5E | 0x2010..=0x2027 | 0x2030..=0x205E)
}

/// One UAX #29 piece: Han pieces gather into a run for jieba, white space and invisible
/// characters are dropped, the rest becomes a token.
fn piece_token(text: &str, start: usize, piece: &str, han: &mut HanRun, out: &mut Vec<Token>) {
    let first = piece.chars().next().unwrap_or(' ');
    if is_han(first) && piece.chars().all(is_han) {
        han.extend(text, start..start + piece.len(), out);
        return;
    }
    han.flush(text, out);
    if first.is_whitespace() || piece.chars().all(|c| c.is_whitespace() || c.is_control() || is_invisible(c)) {
        return;
    }
    out.push(Token { range: start..start + piece.len(), kind: classify(piece) });
}

/// The run of Han characters being gathered for the segmenter, which cuts it into words when
/// something else follows.
struct HanRun<'w> {
    words: &'w ChineseWords,
    run: Option<Range<usize>>,
    /// The segmenter's output, reused from run to run.
    cuts: Vec<Range<usize>>,
}

impl HanRun<'_> {
    /// Adds `piece` (Han characters) to the run, or starts a new run when it does not continue it.
    fn extend(&mut self, text: &str, piece: Range<usize>, out: &mut Vec<Token>) {
        match &mut self.run {
            Some(r) if r.end == piece.start => r.end = piece.end,
            _ => {
                self.flush(text, out);
                self.run = Some(piece);
            }
        }
    }

    /// Cuts the pending run (if any) into words and appends them to `out`.
    fn flush(&mut self, text: &str, out: &mut Vec<Token>) {
        if let Some(r) = self.run.take() {
            self.cuts.clear();
            self.words.cut(&text[r.clone()], &mut self.cuts);
            out.extend(self.cuts.iter().map(|c| Token { range: r.start + c.start..r.start + c.end, kind: TokenKind::Cjk }));
        }
    }
}

/// UAX #29 word pieces of the chunk of `bytes` from `start` to the next ASCII white space (or
/// `end`), when it is pure ASCII: returns where the chunk ends, or `None` (some tokens pushed)
/// at its first non-ASCII byte.
fn ascii_pieces(bytes: &[u8], start: usize, end: usize, out: &mut Vec<Token>) -> Option<usize> {
    let wordish = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b >= 0x80 {
            return None;
        }
        if b.is_ascii_whitespace() {
            return Some(i);
        }
        if !wordish(b) {
            if !b.is_ascii_control() {
                let kind = if b.is_ascii_punctuation() && !b"$+<=>^`|~".contains(&b) { TokenKind::Punctuation } else { TokenKind::Symbol };
                out.push(Token { range: i..i + 1, kind });
            }
            i += 1;
            continue;
        }
        let from = i;
        let (mut letters, mut digits) = (false, false);
        loop {
            while i < end && wordish(bytes[i]) {
                letters |= bytes[i].is_ascii_alphabetic();
                digits |= bytes[i].is_ascii_digit();
                i += 1;
            }
            if i + 1 < end {
                let (prev, mid, next) = (bytes[i - 1], bytes[i], bytes[i + 1]);
                let letter_mid = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() && matches!(mid, b':' | b'.' | b'\'');
                let number_mid = prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b',' | b';' | b'.' | b'\'');
                if letter_mid || number_mid {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        let kind = if letters {
            TokenKind::Word
        } else if digits {
            TokenKind::Number
        } else {
            TokenKind::Punctuation
        };
        out.push(Token { range: from..i, kind });
    }
    Some(i)
}

/// Format and zero-width characters that carry no text of their own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// The tokens of `text` (white space left out), Chinese cut into words by `words`; Traditional
/// script is cut through its Simplified shadow (same byte offsets).
pub(crate) fn tokens_of(text: &str, words: &ChineseWords) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(&crate::text::script::simplified(text), 0..text.len(), words, &mut out);
    out
}

fn classify(piece: &str) -> TokenKind {
    let punctuation =
        |c: char| (c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')) || is_general_punctuation(c);
    // Checked first (no punctuation character is a letter or a digit): Chinese text has a
    // punctuation piece every few words, and the Unicode letter test is slow outside ASCII.
    if piece.chars().all(punctuation) {
        TokenKind::Punctuation
    } else if piece.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if piece.chars().any(|c| c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Symbol
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Tokens as plain UAX #29 over the whole range gives them (the fast path must agree).
    fn reference(text: &str, words: &ChineseWords) -> Vec<(Range<usize>, TokenKind)> {
        let mut han = HanRun { words, run: None, cuts: Vec::new() };
        let mut out = Vec::new();
        for (offset, piece) in text.split_word_bound_indices() {
            piece_token(text, offset, piece, &mut han, &mut out);
        }
        han.flush(text, &mut out);
        out.into_iter().map(|t| (t.range, t.kind)).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]
        #[test]
        fn fast_path_matches_uax29(text in "([ -~]|[\t\n\r\x0b\x0c\x00]|é|\u{301}|中文|\u{200d}|😀|\u{a0}){0,60}") {
            let words = ChineseWords::with_default_dictionary();
            let fast: Vec<(Range<usize>, TokenKind)> = tokens_of(&text, &words).into_iter().map(|t| (t.range, t.kind)).collect();
            prop_assert_eq!(fast, reference(&text, &words));
        }
    }

    #[test]
    fn punctuation_is_never_a_letter_or_digit() {
        // classify() tests for punctuation first; that is only right if no punctuation character
        // could have made the piece a word or a number.
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            if c.is_ascii_punctuation() || is_general_punctuation(c) {
                assert!(!c.is_alphabetic() && !c.is_numeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn kinds_and_offsets() {
        let text = "In 2025, 社会 costs $1,000.50!";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &ChineseWords::with_default_dictionary(), &mut toks);
        let got: Vec<(&str, TokenKind)> = toks.iter().map(|t| (&text[t.range.clone()], t.kind)).collect();
        use TokenKind::*;
        assert_eq!(
            got,
            [
                ("In", Word),
                ("2025", Number),
                (",", Punctuation),
                ("社会", Cjk),
                ("costs", Word),
                ("$", Symbol),
                ("1,000.50", Number),
                ("!", Punctuation)
            ]
        );
    }
}
