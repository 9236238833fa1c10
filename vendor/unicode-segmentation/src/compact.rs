//! Article Explorer: tables stored as LEB128 numbers and decoded on first use.

use core::convert::TryFrom;
use std::sync::OnceLock;
use std::vec::Vec;

/// The LEB128 numbers in `bytes`.
fn numbers(bytes: &'static [u8]) -> impl Iterator<Item = u32> {
    let mut bytes = bytes.iter();
    core::iter::from_fn(move || {
        let (mut value, mut shift) = (0u32, 0);
        for &b in bytes.by_ref() {
            value |= u32::from(b & 0x7F) << shift;
            shift += 7;
            if b < 0x80 {
                return Some(value);
            }
        }
        None
    })
}

fn char_at(u: u32) -> char {
    char::from_u32(u).expect("a char")
}

/// A table of `(first, last, category)` rows stored as, per row, the distance of `first` from the
/// previous row's `last` (from 0 for the first row), `last - first` and the index of the category
/// in `cats`.
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
            let (mut n, mut at) = (numbers(self.bytes), 0);
            while let (Some(gap), Some(len), Some(cat)) = (n.next(), n.next(), n.next()) {
                rows.push((char_at(at + gap), char_at(at + gap + len), self.cats[cat as usize]));
                at += gap + len;
            }
            rows
        })
    }
}

/// A list of `(first, last)` ranges stored as, per range, the distance of `first` from the
/// previous range's `last` (from 0 for the first) and `last - first`.
pub(crate) struct Ranges {
    bytes: &'static [u8],
    len: usize,
    rows: OnceLock<Vec<(char, char)>>,
}

impl Ranges {
    pub(crate) const fn new(bytes: &'static [u8], len: usize) -> Self {
        Ranges { bytes, len, rows: OnceLock::new() }
    }

    /// The ranges, decoded the first time.
    pub(crate) fn rows(&self) -> &[(char, char)] {
        self.rows.get_or_init(|| {
            let mut rows = Vec::with_capacity(self.len);
            let (mut n, mut at) = (numbers(self.bytes), 0);
            while let (Some(gap), Some(len)) = (n.next(), n.next()) {
                rows.push((char_at(at + gap), char_at(at + gap + len)));
                at += gap + len;
            }
            rows
        })
    }
}

/// A non-decreasing list of `u16` stored as the differences between neighbours (the first from 0).
pub(crate) struct Lookup {
    bytes: &'static [u8],
    len: usize,
    values: OnceLock<Vec<u16>>,
}

impl Lookup {
    pub(crate) const fn new(bytes: &'static [u8], len: usize) -> Self {
        Lookup { bytes, len, values: OnceLock::new() }
    }

    /// The values, decoded the first time.
    pub(crate) fn values(&self) -> &[u16] {
        self.values.get_or_init(|| {
            let mut values = Vec::with_capacity(self.len);
            let mut at = 0u32;
            for d in numbers(self.bytes) {
                at += d;
                values.push(u16::try_from(at).expect("a u16"));
            }
            values
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::tables::{derived_property, emoji, grapheme, word};

    #[test]
    fn the_compact_tables_decode_to_the_originals() {
        assert_eq!(grapheme::grapheme_cat_table.rows(), grapheme::grapheme_cat_table_original);
        assert_eq!(word::word_cat_table.rows(), word::word_cat_table_original);
        assert_eq!(emoji::emoji_cat_table.rows(), emoji::emoji_cat_table_original);
        assert_eq!(derived_property::InCB_Extend_table.rows(), derived_property::InCB_Extend_table_original);
        assert_eq!(grapheme::grapheme_cat_lookup.values(), grapheme::grapheme_cat_lookup_original);
        assert_eq!(word::word_cat_lookup.values(), word::word_cat_lookup_original);
    }
}
