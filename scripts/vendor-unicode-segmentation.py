#!/usr/bin/env python3
"""Writes vendor/unicode-segmentation: the crates.io release 1.13.3 with its three range tables
that Article Explorer uses (grapheme, word and emoji categories) stored compactly. Each table was
an array of (char, char, category) rows, 12 bytes each; it becomes LEB128 bytes (the distance from
the previous row's end, the row's length, the category's index), which the crate decodes into the
same rows on first use (src/compact.rs): the page's light wasm module is 10 KB gzip smaller
(docs/weight.md). The original arrays stay in src/tables.rs under #[cfg(test)], and the
crate's own test checks the decoded rows against them:
    cargo test --manifest-path vendor/unicode-segmentation/Cargo.toml --lib

Usage: scripts/vendor-unicode-segmentation.py [path of the unpacked crates.io crate]
(default: ~/.cargo/registry/src/*/unicode-segmentation-1.13.3)."""
import glob, os, re, shutil, sys

VERSION = '1.13.3'
src = sys.argv[1] if len(sys.argv) > 1 else glob.glob(os.path.expanduser(f'~/.cargo/registry/src/*/unicode-segmentation-{VERSION}'))[0]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
dst = os.path.join(root, 'vendor', 'unicode-segmentation')
shutil.rmtree(dst, ignore_errors=True)
os.makedirs(os.path.join(dst, 'src'))
for f in ['COPYRIGHT', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md']:
    shutil.copy(os.path.join(src, f), dst)
for f in ['grapheme.rs', 'sentence.rs', 'word.rs']:
    shutil.copy(os.path.join(src, 'src', f), os.path.join(dst, 'src'))


def leb(v):
    out = []
    while v >= 0x80:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    out.append(v)
    return out


tables = open(os.path.join(src, 'src', 'tables.rs'), encoding='utf-8').read()
for name, ty, prefix in [('grapheme', 'GraphemeCat', 'GC'), ('word', 'WordCat', 'WC'), ('emoji', 'EmojiCat', 'EC')]:
    decl = f'    const {name}_cat_table: &[(char, char, {ty})] = &['
    start = tables.index(decl)
    end = tables.index('];', start) + 2
    body = tables[start + len(decl):end - 2]
    rows = [(int(a, 16), int(b, 16), c) for a, b, c in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*" + prefix + r"_(\w+)\)", body)]
    assert len(rows) == body.count('('), name
    cats = sorted(set(c for _, _, c in rows))
    data, prev = [], 0
    for lo, hi, cat in rows:
        assert lo >= prev and hi >= lo
        data += leb(lo - prev) + leb(hi - lo) + [cats.index(cat)]
        prev = hi
    chunks = [', '.join(map(str, data[i:i + 40])) for i in range(0, len(data), 40)]
    compact = (
        f'    // Article Explorer: the rows below as LEB128 bytes (scripts/vendor-unicode-segmentation.py).\n'
        f'    #[cfg(test)]\n'
        f'    pub(crate) const {name}_cat_table_original: &[(char, char, {ty})] = &[{body}];\n'
        f'    const {name}_cat_bytes: &[u8] = &[\n        ' + ',\n        '.join(chunks) + '\n    ];\n'
        f'    pub(crate) static {name}_cat_table: crate::compact::Table<{ty}> =\n'
        f'        crate::compact::Table::new({name}_cat_bytes, &[{", ".join(prefix + "_" + c for c in cats)}], {len(rows)});\n'
    )
    tables = tables[:start] + compact + tables[end:]
    use = f'&{name}_cat_table[range]'
    assert tables.count(use) == 1, use
    tables = tables.replace(use, f'&{name}_cat_table.rows()[range]')

# The InCB_Extend ranges: (gap from the previous range's end, length) per range.
decl = '    const InCB_Extend_table: &[(char, char)] = &['
start = tables.index(decl)
end = tables.index('];', start) + 2
body = tables[start + len(decl):end - 2]
pairs = [(int(a, 16), int(b, 16)) for a, b in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}'\)", body)]
assert len(pairs) == body.count('(')
data, prev = [], 0
for lo, hi in pairs:
    assert lo >= prev and hi >= lo
    data += leb(lo - prev) + leb(hi - lo)
    prev = hi
tables = tables[:start] + (
    '    // Article Explorer: the ranges below as LEB128 bytes (scripts/vendor-unicode-segmentation.py).\n'
    '    #[cfg(test)]\n'
    f'    pub(crate) const InCB_Extend_table_original: &[(char, char)] = &[{body}];\n'
    '    pub(crate) static InCB_Extend_table: crate::compact::Ranges = crate::compact::Ranges::new(&[\n        '
    + ',\n        '.join(', '.join(map(str, data[i:i + 40])) for i in range(0, len(data), 40)) + f'\n    ], {len(pairs)});\n'
) + tables[end:]
use = 'super::util::bsearch_range_table(c, InCB_Extend_table)'
assert tables.count(use) == 1
tables = tables.replace(use, 'super::util::bsearch_range_table(c, InCB_Extend_table.rows())')

# The grapheme and word lookup arrays (non-decreasing u16): differences as LEB128 bytes.
for name in ['grapheme', 'word']:
    decl = f'    const {name}_cat_lookup: &[u16] = &['
    start = tables.index(decl)
    end = tables.index('];', start) + 2
    body = tables[start + len(decl):end - 2]
    values = [int(v) for v in re.findall(r'\d+', body)]
    data, prev = [], 0
    for v in values:
        assert v >= prev
        data += leb(v - prev)
        prev = v
    tables = tables[:start] + (
        '    // Article Explorer: the values below as LEB128 differences (scripts/vendor-unicode-segmentation.py).\n'
        '    #[cfg(test)]\n'
        f'    pub(crate) const {name}_cat_lookup_original: &[u16] = &[{body}];\n'
        f'    pub(crate) static {name}_cat_lookup: crate::compact::Lookup = crate::compact::Lookup::new(&[\n        '
        + ',\n        '.join(', '.join(map(str, data[i:i + 40])) for i in range(0, len(data), 40)) + f'\n    ], {len(values)});\n'
    ) + tables[end:]
    use = f'{name}_cat_lookup.get(idx..(idx + 2))'
    assert tables.count(use) == 1, use
    tables = tables.replace(use, f'{name}_cat_lookup.values().get(idx..(idx + 2))')
open(os.path.join(dst, 'src', 'tables.rs'), 'w', encoding='utf-8').write(tables)

lib = open(os.path.join(src, 'src', 'lib.rs'), encoding='utf-8').read()
old = '#[cfg(test)]\nextern crate std;\n'
assert old in lib
lib = lib.replace(old, '// Article Explorer: std for the decoded tables (src/compact.rs).\nextern crate std;\n')
old = 'mod grapheme;\n'
assert old in lib
lib = lib.replace(old, 'mod compact;\nmod grapheme;\n')
open(os.path.join(dst, 'src', 'lib.rs'), 'w', encoding='utf-8').write(lib)

open(os.path.join(dst, 'src', 'compact.rs'), 'w', encoding='utf-8').write('''\
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
''')

toml = open(os.path.join(src, 'Cargo.toml'), encoding='utf-8').read()
toml = toml[:min(toml.index(k) for k in ('[[test]]', '[[bench]]', '[dev-dependencies') if k in toml)]
header = ('# unicode-segmentation 1.13.3 (MIT OR Apache-2.0, https://github.com/unicode-rs/unicode-segmentation),\n'
          '# vendored by Article Explorer with ONE change, made by scripts/vendor-unicode-segmentation.py: the\n'
          '# grapheme, word and emoji category tables, the InCB_Extend ranges and two lookup arrays are\n'
          '# stored as LEB128 bytes and decoded on first use (src/compact.rs; 10 KB gzip less wasm).\n'
          '# Benches and tests other than the tables check left out.\n'
          '# Upstream: replace this folder with the crates.io release and drop [patch] in ../../Cargo.toml.\n')
toml = toml.rstrip('\n') + '\n\n# for the crate\'s own unit tests (src/word.rs)\n[dev-dependencies.proptest]\nversion = "1"\n'
open(os.path.join(dst, 'Cargo.toml'), 'w', encoding='utf-8').write(header + toml)
print('wrote', dst)
