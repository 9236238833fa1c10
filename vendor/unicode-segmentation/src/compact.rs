//! Article Explorer: range tables stored as LEB128 bytes and decoded into their rows on first use.

use std::sync::OnceLock;
use std::vec::Vec;

/// A table of `(first, last, category)` rows stored as, per row, the distance of `first` from the
/// previous row's `last` (from 0 for the first row), `last - first` (both LEB128) and the index of
/// the category in `cats`.
pub(crate) struct Table<T: 'static> {
    bytes: &'static [u8],
    cats: &'static [T],
    len: usize,
    rows: OnceLock<Vec<(char, char, T)>>,
}

impl<T: Copy + Send + Sync> Table<T> {
    pub(crate) const fn new(bytes: &'static [u8], cats: &'static [T], len: usize) -> Self {
        Table { bytes, cats, len, rows: OnceLock::new() }
    }

    /// The rows, decoded the first time.
    pub(crate) fn rows(&self) -> &[(char, char, T)] {
        self.rows.get_or_init(|| {
            let mut rows = Vec::with_capacity(self.len);
            let mut bytes = self.bytes.iter();
            let mut leb = || {
                let (mut value, mut shift) = (0u32, 0);
                for &b in bytes.by_ref() {
                    value |= u32::from(b & 0x7F) << shift;
                    shift += 7;
                    if b < 0x80 {
                        return Some(value);
                    }
                }
                None
            };
            let mut at = 0;
            while let Some(gap) = leb() {
                let (first, last) = (at + gap, at + gap + leb().expect("a row's length"));
                let cat = self.cats[leb().expect("a row's category") as usize];
                rows.push((char::from_u32(first).expect("a char"), char::from_u32(last).expect("a char"), cat));
                at = last;
            }
            rows
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::tables::{emoji, grapheme, word};

    #[test]
    fn the_compact_tables_decode_to_the_original_rows() {
        assert_eq!(grapheme::grapheme_cat_table.rows(), grapheme::grapheme_cat_table_original);
        assert_eq!(word::word_cat_table.rows(), word::word_cat_table_original);
        assert_eq!(emoji::emoji_cat_table.rows(), emoji::emoji_cat_table_original);
    }
}
