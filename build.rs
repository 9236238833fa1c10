//! Copies the data files the crate embeds (`data/**/*.txt`, `data/**/*.tsv`) to `OUT_DIR/data/`
//! without their whole-line `#` comments, and `src/text/embedded.rs`'s `data!` macro embeds the copies:
//! the SOURCE/FORMAT headers stay in the files under `data/` but not in the binary (about 4.5 KB
//! gzip of the page's wasm module; docs/weight.md). Every parser skips lines that begin with `#`,
//! so what it reads is the same; other lines are copied byte for byte.
// The build script runs on the host and reads the standard library's case tables and sorts freely:
// the one-sort, one-lower-casing rule (clippy.toml) is about the crate's own code.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

// lemma.rs lower-cases with the library's `crate::text::case::to_lowercase_cow` (src/text/case.rs), which gives
// the standard library's result: here it is the standard library's.
mod text {
    pub(crate) mod case {
        pub(crate) fn to_lowercase_cow(s: &str) -> std::borrow::Cow<'_, str> {
            std::borrow::Cow::Owned(s.to_lowercase())
        }
    }
}

// The grouping the keyness code looks words up by (inflectional stems), for `keyed_reference`.
#[path = "src/keywords/lemma.rs"]
#[allow(dead_code)]
mod lemma;

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_dir(Path::new("data"), &out);
    let list = fs::read_to_string("data/en/reference-frequencies.txt").expect("data/en/reference-frequencies.txt is readable");
    let (keys, centibels) = keyed_reference(&list);
    if fs::read_to_string(out.join("en/reference-keys.txt")).ok().as_deref() != Some(keys.as_str()) {
        fs::write(out.join("en/reference-keys.txt"), keys).expect("OUT_DIR is writable");
    }
    if fs::read(out.join("en/reference-keys.bin")).ok().as_deref() != Some(centibels.as_slice()) {
        fs::write(out.join("en/reference-keys.bin"), centibels).expect("OUT_DIR is writable");
    }
    let case = lowercase_tables();
    let case_file = out.with_file_name("lowercase.rs");
    if fs::read_to_string(&case_file).ok().as_deref() != Some(case.as_str()) {
        fs::write(case_file, case).expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed=src/keywords/lemma.rs");
    println!("cargo::rerun-if-changed=build.rs");
}

fn copy_dir(dir: &Path, out: &Path) {
    // A directory: cargo reruns this script when a file in it is added or removed.
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(dir).expect("data/ is readable").map(|e| e.expect("data/ is readable").path()).collect();
    entries.sort();
    for path in entries {
        let target = out.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let kept: String = text.split_inclusive('\n').filter(|line| !line.starts_with('#')).collect();
            fs::create_dir_all(out).expect("OUT_DIR is writable");
            // Written only when changed, so an unchanged copy keeps its time stamp.
            if fs::read_to_string(&target).ok().as_deref() != Some(kept.as_str()) {
                fs::write(&target, kept).expect("OUT_DIR is writable");
            }
        }
    }
}

/// `data/en/reference-frequencies.txt` grouped the way the keyness code looks words up: the rates
/// of the forms that share a grouping key (`src/keywords/lemma.rs`, e.g. govern, governs, governed,
/// governing) summed, and the sum put back into its centibel bucket: 7,108 keys instead of 10,000
/// words. Written as two files that `ReferenceList::english` reads without grouping again:
/// - `reference-keys.txt`: the keys in byte order, front-coded: each line is one character
///   `'0' + n` (n: the bytes it shares with the key before, on a character boundary), then the rest;
/// - `reference-keys.bin`: the highest bucket (u16, little-endian), then per key, in the same order,
///   the highest bucket minus its bucket: one byte, or 255 and one more byte for 255 and over.
///
/// In the page's wasm module that is 23.2 KB gzip, against 25.8 KB for the same list in the
/// bucketed line format and 36.4 KB ungrouped (docs/weight.md).
fn keyed_reference(text: &str) -> (String, Vec<u8>) {
    let mut rates: BTreeMap<String, f64> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((cb, words)) = line.split_once('\t') else { continue };
        let Ok(cb) = cb.trim().parse::<u32>() else { continue };
        for w in words.split(' ').filter(|w| !w.is_empty()) {
            *rates.entry(lemma::group_key(w).into_owned()).or_default() += 10f64.powf(-f64::from(cb) / 100.0);
        }
    }
    let buckets: Vec<u32> = rates.values().map(|rate| (-100.0 * rate.log10()).round() as u32).collect();
    let top = buckets.iter().copied().max().unwrap_or(0);
    let mut centibels = u16::try_from(top).expect("a bucket fits in u16").to_le_bytes().to_vec();
    for b in &buckets {
        match top - b {
            v @ 0..255 => centibels.push(v as u8),
            v => centibels.extend([255, u8::try_from(v - 255).expect("buckets span under 510")]),
        }
    }
    let (mut keys, mut prev) = (String::new(), "");
    for key in rates.keys() {
        let mut n = prev.bytes().zip(key.bytes()).take_while(|(a, b)| a == b).count();
        while !key.is_char_boundary(n) {
            n -= 1;
        }
        keys.push(char::from(b'0' + u8::try_from(n).expect("a short shared prefix")));
        keys.push_str(&key[n..]);
        keys.push('\n');
        prev = key;
    }
    (keys, centibels)
}

/// `src/text/case.rs`'s tables, derived from this toolchain's `char::to_lowercase` and
/// `str::to_lowercase` (Rust source for `OUT_DIR/lowercase.rs`):
/// - `RUNS`: `(first | (step - 1) << 31, last, delta)`: the characters first, first + step, … up to
///   last lower-case to themselves + delta (step 1 or 2; ASCII left out);
/// - `TWO_CHARS`: the one character that lower-cases to two;
/// - `CASE_IGNORABLE`: the boundaries of the `Case_Ignorable` ranges (start, end, start…), as LEB128
///   differences. Probed through the final sigma rule: a case-ignorable c makes "AcΣ" end in ς
///   (the A decides) but not "cΣ";
/// - `OTHER_CASED`: the characters that are cased for that rule ("cΣ" ends in ς) but neither
///   lower nor upper case (the titlecase letters).
fn lowercase_tables() -> String {
    use std::fmt::Write;
    let mut runs: Vec<(u32, u32, i32, u32)> = Vec::new();
    let mut two = Vec::new();
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        let lower: Vec<char> = c.to_lowercase().collect();
        let u = c as u32;
        if lower.len() != 1 {
            two.push((c, lower));
            continue;
        }
        let delta = lower[0] as i32 - u as i32;
        if delta == 0 {
            continue;
        }
        if let Some(r) = runs.last_mut()
            && r.2 == delta
            && (u - r.1 == r.3 || (r.3 == 0 && u - r.1 <= 2))
        {
            r.3 = u - r.1;
            r.1 = u;
            continue;
        }
        runs.push((u, u, delta, 0));
    }
    assert!(two.len() == 1 && two[0].1.len() == 2, "src/case.rs handles one character that lower-cases to two: {two:?}");
    let ends_final = |s: String| s.to_lowercase().ends_with('ς');
    let (mut bounds, mut other_cased, mut inside) = (Vec::new(), Vec::new(), false);
    for u in 0..=0x11_0000u32 {
        let c = char::from_u32(u);
        let alone = c.is_some_and(|c| ends_final(format!("{c}Σ")));
        let ignorable = c.is_some_and(|c| ends_final(format!("A{c}Σ"))) && !alone;
        if ignorable != inside {
            bounds.push(u);
            inside = ignorable;
        }
        if let Some(c) = c.filter(|c| alone && !c.is_lowercase() && !c.is_uppercase()) {
            other_cased.push(c as u32);
        }
    }
    let mut leb = Vec::new();
    let mut at = 0;
    for b in bounds {
        let mut d = b - at;
        at = b;
        while d >= 0x80 {
            leb.push((d & 0x7F) as u8 | 0x80);
            d >>= 7;
        }
        leb.push(d as u8);
    }
    let mut src = String::from("// Generated by build.rs (lowercase_tables) from this toolchain's standard library.\n");
    writeln!(
        src,
        "pub(super) static RUNS: [(u32, u32, i32); {}] = {:?};",
        runs.len(),
        runs.iter().map(|r| (r.0 | (r.3.max(1) - 1) << 31, r.1, r.2)).collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(src, "pub(super) const TWO_CHARS: (char, &str) = ({:?}, {:?});", two[0].0, two[0].1.iter().collect::<String>()).unwrap();
    writeln!(src, "pub(super) static CASE_IGNORABLE: [u8; {}] = {:?};", leb.len(), leb).unwrap();
    writeln!(src, "pub(super) static OTHER_CASED: [u32; {}] = {:?};", other_cased.len(), other_cased).unwrap();
    src
}
