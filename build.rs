//! Copies the data files the crate embeds (`data/**/*.txt`, `data/**/*.tsv`) to `OUT_DIR/data/`
//! without their whole-line `#` comments, and `src/embedded.rs`'s `data!` macro embeds the copies:
//! the SOURCE/FORMAT headers stay in the files under `data/` but not in the binary (about 4.5 KB
//! gzip of the page's wasm module; docs/weight.md). Every parser skips lines that begin with `#`,
//! so what it reads is the same; other lines are copied byte for byte.
use std::path::Path;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_dir(Path::new("data"), &out);
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
