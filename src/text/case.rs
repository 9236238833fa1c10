//! Unicode lower-casing, the same as `str::to_lowercase` without core's 11.7 KB case table: with
//! the code that comes with it, 7.6 KB gzip of the page's light wasm module (docs/weight.md).
//!
//! `build.rs` derives compact tables from this toolchain's own `char::to_lowercase` and
//! `str::to_lowercase`: runs of characters whose lower case is at a fixed distance, the one
//! character that lower-cases to two (İ), and for the final sigma rule the `Case_Ignorable` ranges
//! and the cased characters that are neither lower nor upper case (titlecase letters). So the
//! result is the standard library's by construction; the tests compare the two on every character.

mod tables {
    include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));
}

use std::sync::LazyLock;

/// `s` in lower case, borrowed when lower-casing changes nothing (most words, every Chinese one).
pub(crate) fn to_lowercase_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| if c.is_ascii() { !c.is_ascii_uppercase() } else { c != 'Σ' && c != tables::TWO_CHARS.0 && lower(c) == c };
    if s.chars().all(unchanged) { std::borrow::Cow::Borrowed(s) } else { std::borrow::Cow::Owned(to_lowercase(s)) }
}

/// `s` in lower case: the same string as `s.to_lowercase()`.
pub(crate) fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            let word_final = ignorable_then_cased(s[..i].chars().rev()) && !ignorable_then_cased(s[i + 2..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else if c == tables::TWO_CHARS.0 {
            out.push_str(tables::TWO_CHARS.1);
        } else {
            out.push(lower(c));
        }
    }
    out
}

/// The lower case of a character that lower-cases to one character.
fn lower(c: char) -> char {
    let u = c as u32;
    // No character from the Tifinagh block to Cyrillic Extended-B's start changes case (the tests
    // compare every character): CJK text is answered without the table search. Only where
    // Chinese is read (the light module keeps its size).
    if cfg!(feature = "zh") && (0x2D30..0xA640).contains(&u) {
        return c;
    }
    let runs = &tables::RUNS;
    let n = runs.partition_point(|&(first, _, _)| first & 0x7FFF_FFFF <= u);
    let Some(&(first, last, delta)) = n.checked_sub(1).map(|k| &runs[k]) else { return c };
    let (first, step) = (first & 0x7FFF_FFFF, 1 + (first >> 31));
    if u > last || (u - first) % step != 0 {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(delta)).unwrap_or(c)
}

/// Whether the first character of `chars` that is not case-ignorable is cased (Unicode's
/// `Final_Sigma` condition, as the standard library checks it).
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !case_ignorable(c)).is_some_and(|c| c.is_lowercase() || c.is_uppercase() || tables::OTHER_CASED.contains(&(c as u32)))
}

/// Unicode's `Case_Ignorable` property.
fn case_ignorable(c: char) -> bool {
    // Range boundaries (start, end, start, end…), stored as LEB128 differences.
    static BOUNDS: LazyLock<Vec<u32>> = LazyLock::new(|| {
        let (mut out, mut at, mut value, mut shift) = (Vec::new(), 0u32, 0u32, 0);
        for &b in tables::CASE_IGNORABLE.iter() {
            value |= u32::from(b & 0x7F) << shift;
            shift += 7;
            if b < 0x80 {
                at += value;
                out.push(at);
                (value, shift) = (0, 0);
            }
        }
        out
    });
    BOUNDS.partition_point(|&b| b <= c as u32) % 2 == 1
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard library's lower-casing
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_lower_cases_as_the_standard_library_does() {
        for c in chars() {
            let s = c.to_string();
            assert_eq!(to_lowercase(&s), s.to_lowercase(), "U+{:04X}", c as u32);
            // Borrowed exactly when nothing changes.
            let cow = to_lowercase_cow(&s);
            assert_eq!(cow, s.to_lowercase(), "U+{:04X}", c as u32);
            assert_eq!(matches!(cow, std::borrow::Cow::Borrowed(_)), s.to_lowercase() == s, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_final_sigma_properties_are_the_standard_library_s() {
        // Before a Σ at the end, c is skipped when case-ignorable ("AcΣ" ends in ς when the A
        // counts, "cΣ" never does) and otherwise decides by being cased ("cΣ" ends in ς).
        let ends_final = |s: String| s.to_lowercase().ends_with('ς');
        for c in chars() {
            let (after_a, alone) = (ends_final(format!("A{c}Σ")), ends_final(format!("{c}Σ")));
            assert_eq!(case_ignorable(c), after_a && !alone, "U+{:04X}", c as u32);
            assert_eq!(ignorable_then_cased(std::iter::once(c)), alone, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn sigma_in_context_also_after_long_ascii_words() {
        let parts = ["", "A", "a", "1", " ", "'", "\u{301}", "Σ", "ΣΑ", "α", "ǅ", "İ", "-", "\u{345}", "ὈΔΥΣΣΕΎΣ", "é", "ß"];
        for n in 0..40 {
            for (pre, post) in parts.iter().flat_map(|a| parts.iter().map(move |b| (a, b))) {
                for ascii in ["A", "ab", "Z9 "] {
                    let s = format!("{}{pre}Σ{post}", ascii.repeat(n));
                    assert_eq!(to_lowercase(&s), s.to_lowercase(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn mixed_text() {
        let texts = ["ὈΔΥΣΣΕΎΣ", "ΣΟΦΟΣ ΑΝΗΡ.", "İSTANBUL Iı", "Ǆemal ǅ", "ÀÉÎÕÜ ẞ Ω K Å", "Прага ЁЖ", "Ⓐ ⅷ 𐐀 𞤀", "ΌΣΟΣ’Σ ΑΣ.Σ"];
        for s in texts {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }
}
