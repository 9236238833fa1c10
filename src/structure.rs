//! Document structure: paragraphs, and the sections they fall into.
//!
//! Foundation version: a paragraph is a non-blank line; the whole text is one section.

use std::ops::Range;

use crate::{Language, ParagraphKind, detect_language};

/// A paragraph in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub range: Range<usize>,
    pub kind: ParagraphKind,
    pub language: Language,
    pub section: usize,
}

/// A section in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SectionBlock {
    pub range: Range<usize>,
    pub title: Option<Range<usize>>,
    pub first_paragraph: usize,
    pub paragraph_count: usize,
}

/// A header field in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderBlock {
    pub field: String,
    pub value: Range<usize>,
    pub range: Range<usize>,
}

/// The structure of a document in byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Structure {
    pub paragraphs: Vec<Block>,
    pub sections: Vec<SectionBlock>,
    pub header: Vec<HeaderBlock>,
    pub title: Option<Range<usize>>,
}

/// Splits `text` into paragraphs (trimmed non-blank lines) and sections.
pub(crate) fn parse_structure(text: &str) -> Structure {
    let mut paragraphs = Vec::new();
    for line in lines(text) {
        let trimmed = trim_range(text, line);
        if trimmed.is_empty() {
            continue;
        }
        let language = detect_language(&text[trimmed.clone()]);
        paragraphs.push(Block { range: trimmed, kind: ParagraphKind::Body, language, section: 0 });
    }
    let sections = match (paragraphs.first(), paragraphs.last()) {
        (Some(first), Some(last)) => vec![SectionBlock {
            range: first.range.start..last.range.end,
            title: None,
            first_paragraph: 0,
            paragraph_count: paragraphs.len(),
        }],
        _ => Vec::new(),
    };
    Structure { paragraphs, sections, header: Vec::new(), title: None }
}

/// Byte ranges of the lines of `text`, without their terminators (`\n`, `\r\n`, lone `\r`,
/// U+2028, U+2029).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > bytes.len() || (pos == bytes.len() && pos != 0 && !ends_with_break(bytes)) {
            return None;
        }
        let start = pos;
        let mut i = pos;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    pos = i + 1;
                    return Some(start..i);
                }
                b'\r' => {
                    pos = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    return Some(start..i);
                }
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    pos = i + 3;
                    return Some(start..i);
                }
                _ => i += 1,
            }
        }
        pos = bytes.len() + 1;
        Some(start..bytes.len())
    })
}

fn ends_with_break(bytes: &[u8]) -> bool {
    matches!(bytes.last(), Some(b'\n' | b'\r' | 0xA8 | 0xA9))
}

/// `range` without leading and trailing white space.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start_matches(is_blank).len());
    let end = range.start + s.trim_end_matches(is_blank).len();
    if end < start { start..start } else { start..end }
}

/// White space, plus the invisible characters that pasted text carries as padding (BOM, zero-width space).
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ending_splits_paragraphs() {
        let text = "One.\r\nTwo.\rThree.\nFour.\u{2029}Five.";
        let s = parse_structure(text);
        let got: Vec<&str> = s.paragraphs.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(got, ["One.", "Two.", "Three.", "Four.", "Five."]);
    }

    #[test]
    fn blank_lines_and_padding_are_not_paragraphs() {
        let text = "\n\n  First line  \n\t\n Second\n";
        let s = parse_structure(text);
        let got: Vec<&str> = s.paragraphs.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(got, ["First line", "Second"]);
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].paragraph_count, 2);
    }
}
