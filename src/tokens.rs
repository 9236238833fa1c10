//! Word tokens (UAX #29 word boundaries) with their kind.
//!
//! Foundation version: each Han character is its own token.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::language::is_han;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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

/// A token in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

/// Tokens of `range` of `text`, white space left out.
pub(crate) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    for (offset, piece) in text[range.clone()].split_word_bound_indices() {
        let start = range.start + offset;
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            continue;
        }
        if is_han(first) {
            for (i, ch) in piece.char_indices() {
                out.push(Token { range: start + i..start + i + ch.len_utf8(), kind: TokenKind::Cjk });
            }
            continue;
        }
        let kind = classify(piece);
        out.push(Token { range: start..start + piece.len(), kind });
    }
}

fn classify(piece: &str) -> TokenKind {
    if piece.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if piece.chars().any(|c| c.is_numeric()) {
        TokenKind::Number
    } else if piece.chars().all(|c| (c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c)) || is_general_punctuation(c)) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    }
}

fn is_general_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_offsets() {
        let text = "In 2025, 社会 costs $1,000.50!";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let got: Vec<(&str, TokenKind)> = toks.iter().map(|t| (&text[t.range.clone()], t.kind)).collect();
        use TokenKind::*;
        assert_eq!(
            got,
            [("In", Word), ("2025", Number), (",", Punctuation), ("社", Cjk), ("会", Cjk), ("costs", Word),
             ("$", Symbol), ("1,000.50", Number), ("!", Punctuation)]
        );
    }
}
