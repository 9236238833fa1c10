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
    let start = Fnv128 { hi: (OFFSET >> 64) as u64, lo: OFFSET as u64 };
    // Most English articles keep only ASCII letters and digits (their non-ASCII characters are
    // quotation marks and dashes): hashed in one pass without a copy. A letter or digit beyond
    // ASCII sends the text to the general path, which lower-cases the kept characters as a whole
    // (the final sigma depends on its neighbours).
    let h = ascii_kept(text, start).unwrap_or_else(|| {
        let mut h = start;
        let kept: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        crate::text::case::to_lowercase(&kept).bytes().for_each(|b| h.byte(b));
        h
    });
    format!("{:016x}{:016x}", h.hi, h.lo)
}

/// The hash of `text`'s letters and digits in lower case, or `None` when one of them is not ASCII.
fn ascii_kept(text: &str, mut h: Fnv128) -> Option<Fnv128> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                h.byte(b.to_ascii_lowercase());
            }
            i += 1;
        } else {
            let c = text[i..].chars().next()?;
            if c.is_alphanumeric() {
                return None;
            }
            i += c.len_utf8();
        }
    }
    Some(h)
}

/// FNV-1a's 128-bit state as two halves. Its prime is 2^88 + 0x13B, so a step is a shift and a
/// multiplication by a 9-bit number: 64-bit operations only, where wasm32 multiplies a `u128` by
/// a library call (a summary hashes every byte of its article).
#[derive(Clone, Copy)]
struct Fnv128 {
    hi: u64,
    lo: u64,
}

impl Fnv128 {
    fn byte(&mut self, b: u8) {
        const SMALL: u64 = 0x13B;
        let lo = self.lo ^ b as u64;
        // lo × SMALL as 128 bits, from its two 32-bit halves (each product < 2^41).
        let (p0, p1) = ((lo & 0xFFFF_FFFF) * SMALL, (lo >> 32) * SMALL);
        let mid = (p0 >> 32) + (p1 & 0xFFFF_FFFF);
        let low = (p0 & 0xFFFF_FFFF) | (mid << 32);
        let carry = (p1 >> 32) + (mid >> 32);
        // + hi × SMALL × 2^64 + lo × 2^88, modulo 2^128.
        self.hi = self.hi.wrapping_mul(SMALL).wrapping_add(carry).wrapping_add(lo << 24);
        self.lo = low;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-halves step is FNV-1a's 128-bit multiplication, on states spread over the range.
    #[test]
    fn the_split_step_is_the_u128_multiplication() {
        const PRIME: u128 = 0x0000000001000000000000000000013B;
        let mut x: u128 = 0x6c62272e07bb014262b821756295c58d;
        for i in 0..10_000u32 {
            let b = (i % 251) as u8;
            let mut h = Fnv128 { hi: (x >> 64) as u64, lo: x as u64 };
            h.byte(b);
            let expected = (x ^ b as u128).wrapping_mul(PRIME);
            assert_eq!(((h.hi as u128) << 64) | h.lo as u128, expected, "state {x:032x}, byte {b}");
            // The next state: a different mix of high and low bits each time.
            x = expected ^ (x << 7) ^ u128::MAX.wrapping_mul(i as u128);
        }
    }

    /// The hash of a text whose letters need the full lower-casing (final sigma) and of an
    /// ASCII one, against the plain definition.
    #[test]
    fn the_hash_is_fnv1a_of_the_normalized_text() {
        let plain = |text: &str| {
            let kept: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
            let h = crate::text::case::to_lowercase(&kept)
                .bytes()
                .fold(0x6c62272e07bb014262b821756295c58du128, |h, b| (h ^ b as u128).wrapping_mul(0x0000000001000000000000000000013B));
            format!("{h:032x}")
        };
        for text in [
            "The River ROSE, 2024.",
            "It's \u{2014} \u{201C}quoted\u{201D}\u{2026} 2024\u{00A0}\u{3002}",
            "Page \u{0663} of 9",
            "ΟΔΟΣ Σ. 社会工作 İstanbul",
            "",
            "ÄÖÜ straße",
        ] {
            assert_eq!(text_hash(text), plain(text), "{text}");
        }
    }
}
