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

/// Tokens of `range` of `text`. Linear in the range's length.
pub(crate) fn scan(text: &str, range: Range<usize>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut glued = false;
    let s = &text[range.clone()];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let start = range.start + i;
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() && !crate::language::is_han(c) {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(j, d)) = it.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic() && !crate::language::is_han(d),
                };
                if !same {
                    break;
                }
                end = range.start + j + d.len_utf8();
                it.next();
            }
        }
        out.push(Tok { start, end, kind, glued: glued && !out.is_empty() });
        glued = true;
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
