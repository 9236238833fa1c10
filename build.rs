//! Copies the data files the crate embeds (`data/**/*.txt`, `data/**/*.tsv`) to `OUT_DIR/data/`
//! without their whole-line `#` comments, and `src/embedded.rs`'s `data!` macro embeds the copies:
//! the SOURCE/FORMAT headers stay in the files under `data/` but not in the binary (about 4.5 KB
//! gzip of the page's wasm module; docs/weight.md). Every parser skips lines that begin with `#`,
//! so what it reads is the same; other lines are copied byte for byte.
use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

// The grouping the keyness code looks words up by (inflectional stems), for `keyed_reference`.
#[path = "src/keywords/lemma.rs"]
#[allow(dead_code)]
mod lemma;

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_dir(Path::new("data"), &out);
    let list = fs::read_to_string("data/en/reference-frequencies.txt").expect("data/en/reference-frequencies.txt is readable");
    let keyed = keyed_reference(&list);
    if fs::read_to_string(out.join("en/reference-keys.txt")).ok().as_deref() != Some(keyed.as_str()) {
        fs::write(out.join("en/reference-keys.txt"), keyed).expect("OUT_DIR is writable");
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
/// governing) summed, and the sum put back into its centibel bucket. Same line format, one key
/// per entry: 7,108 keys instead of 10,000 words (25.8 KB gzip instead of 36.4 KB in the page's wasm
/// module; docs/weight.md). `ReferenceList::parse_keyed` reads it without grouping again.
fn keyed_reference(text: &str) -> String {
    let mut rates: BTreeMap<String, f64> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((cb, words)) = line.split_once('\t') else { continue };
        let Ok(cb) = cb.trim().parse::<u32>() else { continue };
        for w in words.split(' ').filter(|w| !w.is_empty()) {
            *rates.entry(lemma::group_key(w)).or_default() += 10f64.powf(-f64::from(cb) / 100.0);
        }
    }
    let mut buckets: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for (key, rate) in rates {
        buckets.entry((-100.0 * rate.log10()).round() as u32).or_default().push(key);
    }
    buckets.into_iter().map(|(cb, keys)| format!("{cb}\t{}\n", keys.join(" "))).collect()
}
