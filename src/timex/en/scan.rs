//! Splits a paragraph into the tokens the English patterns look at: words, digit runs, single
//! punctuation characters, each knowing whether white space separates it from the one before.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits only (separators are their own tokens).
    Num,
    /// Any other character that is not white space.
    Punct,
}

/// One token, in byte offsets into the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No white space between this token and the previous one.
    pub glued: bool,
}

/// Tokens of `range` of `text`. Linear in the range's length; ASCII is classified byte by byte,
/// other characters are decoded.
pub(crate) fn scan(text: &str, range: Range<usize>) -> Vec<Tok> {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(s.len() / 5 + 1);
    let mut glued = false;
    let letter = |c: char| c.is_alphabetic() && !crate::text::language::is_han(c);
    // The end of the run of letters from byte `i`.
    let word_end = |mut i: usize| {
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphabetic() {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match s[i..].chars().next() {
                    Some(c) if letter(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (kind, end) = if b < 0x80 {
            match b {
                b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => {
                    glued = false;
                    i += 1;
                    continue;
                }
                b'0'..=b'9' => {
                    let mut e = i + 1;
                    while bytes.get(e).is_some_and(u8::is_ascii_digit) {
                        e += 1;
                    }
                    (Kind::Num, e)
                }
                b'a'..=b'z' | b'A'..=b'Z' => (Kind::Word, word_end(i + 1)),
                _ => (Kind::Punct, i + 1),
            }
        } else {
            let Some(c) = s[i..].chars().next() else { break };
            if c.is_whitespace() {
                glued = false;
                i += c.len_utf8();
                continue;
            }
            if letter(c) { (Kind::Word, word_end(i + c.len_utf8())) } else { (Kind::Punct, i + c.len_utf8()) }
        };
        out.push(Tok { start: range.start + i, end: range.start + end, kind, glued: glued && !out.is_empty() });
        glued = true;
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punctuation_and_glue() {
        let text = "On Nov. 5th, 2,500 homes—mid-1990s";
        let toks = scan(text, 0..text.len());
        let got: Vec<(&str, bool)> = toks.iter().map(|t| (&text[t.start..t.end], t.glued)).collect();
        assert_eq!(
            got,
            [
                ("On", false),
                ("Nov", false),
                (".", true),
                ("5", false),
                ("th", true),
                (",", true),
                ("2", false),
                (",", true),
                ("500", true),
                ("homes", false),
                ("—", true),
                ("mid", true),
                ("-", true),
                ("1990", true),
                ("s", true)
            ]
        );
    }
}
