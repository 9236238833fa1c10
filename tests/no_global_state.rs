//! The core keeps no mutable state of its own: settings live in an `Engine` value. This test
//! reads every source file under `src/` except the two front doors (`src/wasm/`, which keeps one
//! engine per wasm instance, and `src/main.rs`) and fails on any `static mut`, `thread_local!`,
//! or `static` whose type can change after it is built (locks, cells, atomics, set-once cells).
//! Statics of immutable data (`LazyLock<T>` of parsed word lists, `&[u8]`, constants) are fine.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

/// Type names that make a static mutable state.
const MUTABLE: [&str; 9] = ["RwLock", "Mutex", "RefCell", "Cell<", "UnsafeCell", "OnceCell", "OnceLock", "Atomic", "SyncUnsafeCell"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without `//` comments (doc comments may well mention statics).
fn without_comments(source: &str) -> String {
    source.lines().map(|line| line.find("//").map_or(line, |at| &line[..at])).collect::<Vec<_>>().join("\n")
}

/// Every `static` item of `source` that holds mutable state, as `NAME: TYPE`, and every
/// `thread_local!`.
fn mutable_statics(source: &str) -> Vec<String> {
    let code = without_comments(source);
    let mut found = Vec::new();
    if code.contains("thread_local!") {
        found.push("thread_local!".to_string());
    }
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("static").map(|i| from + i) {
        from = at + "static".len();
        // A keyword, not a lifetime (`&'static`) or part of a longer name.
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(from).copied();
        if before.is_some_and(|b| b == b'\'' || b.is_ascii_alphanumeric() || b == b'_') || !after.is_some_and(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let rest = code[from..].trim_start();
        let Some(colon) = rest.find(':') else { continue };
        let name = rest[..colon].trim();
        if !name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ' ') {
            continue; // not an item (e.g. `static` in a string)
        }
        let ty = rest[colon + 1..].split('=').next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        if name.starts_with("mut ") || MUTABLE.iter().any(|m| ty.contains(m)) {
            found.push(format!("{name}: {ty}"));
        }
    }
    found
}

#[test]
fn no_mutable_statics_outside_the_doors() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let doors = [src.join("wasm"), src.join("main.rs")];
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| !doors.iter().any(|d| f.starts_with(d))) {
        for item in mutable_statics(&std::fs::read_to_string(file).unwrap()) {
            offenders.push(format!("{}: {item}", file.strip_prefix(&src).unwrap().display()));
        }
    }
    assert!(files.len() > 20, "only {} files read under {}", files.len(), src.display());
    assert!(offenders.is_empty(), "mutable state in statics (keep settings in the Engine value, or in a front door):\n{}", offenders.join("\n"));
}

#[test]
fn the_scanner_finds_what_it_should() {
    let source = r#"
        /// static X: RwLock<u8> in a comment is fine.
        static LISTS: LazyLock<Vec<String>> = LazyLock::new(Vec::new);
        static DICT: &[u8] = include_bytes!("x");
        fn f(s: &'static str) {}
        static ENGINE: LazyLock<RwLock<Engine>> = LazyLock::new(|| RwLock::new(Engine::new()));
        pub(crate) static
            COUNT: std::sync::atomic::AtomicUsize = AtomicUsize::new(0);
        static mut RAW: u8 = 0;
        static WORDS: Mutex<Vec<String>> = Mutex::new(Vec::new());
        static ONCE: OnceLock<String> = OnceLock::new();
        thread_local! { static S: RefCell<u8> = RefCell::new(0); }
    "#;
    let found = mutable_statics(source);
    assert_eq!(
        found,
        [
            "thread_local!",
            "ENGINE: LazyLock<RwLock<Engine>>",
            "COUNT: std::sync::atomic::AtomicUsize",
            "mut RAW: u8",
            "WORDS: Mutex<Vec<String>>",
            "ONCE: OnceLock<String>",
            "S: RefCell<u8>",
        ]
    );
}
