//! A paragraph decoded once into characters and their byte offsets: the Chinese date tagger and
//! the domain tagger both read Chinese paragraphs character by character.

use std::ops::Range;

/// The characters of a paragraph and where each starts in the text (bytes), with the
/// paragraph's end as a last offset.
#[derive(Debug, Default)]
pub(crate) struct CharIndex {
    pub chars: Vec<char>,
    pub offsets: Vec<usize>,
}

impl CharIndex {
    /// Decodes paragraph `range` of `text` (empty when the range is not one of `text`).
    pub(crate) fn of(text: &str, range: Range<usize>) -> CharIndex {
        let mut index = CharIndex::default();
        index.fill(text, range);
        index
    }

    /// Decodes paragraph `range` of `text` into this index, keeping its buffers.
    pub(crate) fn fill(&mut self, text: &str, range: Range<usize>) {
        self.chars.clear();
        self.offsets.clear();
        let Some(para) = text.get(range.clone()) else {
            self.offsets.push(range.start);
            return;
        };
        for (b, c) in para.char_indices() {
            self.chars.push(c);
            self.offsets.push(range.start + b);
        }
        self.offsets.push(range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn offsets_are_the_characters_starts_then_the_end() {
        let text = "ab二〇二五年c";
        let index = CharIndex::of(text, 1..text.len() - 1);
        assert_eq!(index.chars.iter().collect::<String>(), "b二〇二五年");
        assert_eq!(index.offsets, [1, 2, 5, 8, 11, 14, 17]);
        let mut reused = CharIndex::of("xyz", 0..3);
        reused.fill(text, 2..5);
        assert_eq!((reused.chars, reused.offsets), (vec!['二'], vec![2, 5]));
    }
}
