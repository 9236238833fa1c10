//! The data files under `data/`, embedded as `build.rs` copies them: without their whole-line `#`
//! comments (the SOURCE/FORMAT headers stay in the files, not in the binary). Every parser skips
//! lines that begin with `#`, so it reads the same entries.

/// `data!("en/stopwords.txt")`: the text of `data/en/stopwords.txt` without its `#` comment lines,
/// as a `&'static str`.
macro_rules! data {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $path))
    };
}
