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
''')

toml = open(os.path.join(src, 'Cargo.toml'), encoding='utf-8').read()
toml = toml[:min(toml.index(k) for k in ('[[test]]', '[[bench]]', '[dev-dependencies') if k in toml)]
header = ('# unicode-segmentation 1.13.3 (MIT OR Apache-2.0, https://github.com/unicode-rs/unicode-segmentation),\n'
          '# vendored by Article Explorer with ONE change, made by scripts/vendor-unicode-segmentation.py: the\n'
          '# grapheme, word and emoji category tables are stored as LEB128 bytes and decoded on first use\n'
          '# (src/compact.rs; 10 KB gzip less wasm). Benches and tests other than the tables check left out.\n'
          '# Upstream: replace this folder with the crates.io release and drop [patch] in ../../Cargo.toml.\n')
toml = toml.rstrip('\n') + '\n\n# for the crate\'s own unit tests (src/word.rs)\n[dev-dependencies.proptest]\nversion = "1"\n'
open(os.path.join(dst, 'Cargo.toml'), 'w', encoding='utf-8').write(header + toml)
print('wrote', dst)
