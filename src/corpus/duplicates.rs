//! Duplicates: the same article twice in a corpus (a wire story in two folders, a file copied
//! into an archive) is counted once. Two texts are the same when their letters and digits are,
//! in lower case: white space, punctuation, a BOM or line endings do not make a text new.

use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

/// The hash of a text's normalized form (letters and digits, lower case), 32 hex digits
/// (FNV-1a, 128 bits: collisions among millions of articles are vanishingly unlikely, and the
/// function is the same on every platform, so the page and the CLI agree).
///
/// ```
/// use article_explorer::corpus::text_hash;
/// assert_eq!(text_hash("The river rose.\r\n"), text_hash("the river  rose"));
/// assert_ne!(text_hash("The river rose."), text_hash("The river fell."));
/// assert_eq!(text_hash("").len(), 32);
/// ```
pub fn text_hash(text: &str) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    let kept: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    for &b in crate::text::case::to_lowercase(&kept).as_bytes() {
        h ^= b as u128;
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

/// Articles with the same text: the one kept and the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DuplicateGroup {
    /// The text hash they share ([`text_hash`]).
    pub hash: String,
    /// The article counted: the first of the group in the order given.
    pub kept: String,
    /// The others, in the order given; every corpus aggregate leaves them out.
    pub duplicates: Vec<String>,
}

/// Groups `(id, hash)` pairs by hash; only groups of two or more are returned, in the order of
/// their kept article.
pub fn duplicate_groups<'a>(articles: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<DuplicateGroup> {
    let mut order: Vec<DuplicateGroup> = Vec::new();
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for (id, hash) in articles {
        match at.get(hash) {
            Some(&i) => order[i].duplicates.push(id.to_string()),
            None => {
                at.insert(hash, order.len());
                order.push(DuplicateGroup { hash: hash.to_string(), kept: id.to_string(), duplicates: Vec::new() });
            }
        }
    }
    order.retain(|g| !g.duplicates.is_empty());
    order
}

/// A streaming duplicate check: remembers each hash seen (16 bytes and an id per distinct
/// article), so a corpus of any size is checked in memory proportional to its article count.
#[derive(Debug, Clone, Default)]
pub struct DuplicateIndex {
    first: FxHashMap<u128, String>,
}

impl DuplicateIndex {
    /// The id of the earlier article with this hash, or `None` (and the article is remembered).
    ///
    /// ```
    /// use article_explorer::corpus::{DuplicateIndex, text_hash};
    /// let mut seen = DuplicateIndex::default();
    /// assert_eq!(seen.check("a.txt", &text_hash("Same text.")), None);
    /// assert_eq!(seen.check("b.txt", &text_hash("same text")).as_deref(), Some("a.txt"));
    /// ```
    pub fn check(&mut self, id: &str, hash: &str) -> Option<String> {
        let key = u128::from_str_radix(hash, 16).unwrap_or_else(|_| hash.bytes().fold(0u128, |h, b| h.wrapping_mul(31).wrapping_add(b as u128)));
        match self.first.get(&key) {
            Some(first) => Some(first.clone()),
            None => {
                self.first.insert(key, id.to_string());
                None
            }
        }
    }
}
