//! Traditional and Simplified Chinese as one language: the Simplified *shadow* of a text.
//!
//! The dictionary, the time-expression lexicons, the header labels and the keyword groups are all
//! Simplified. A text in Traditional script is read through its shadow: the same text with every
//! Traditional character replaced by its Simplified form, character for character (fast2s, whose
//! table maps three-byte characters to three-byte characters only). The shadow therefore has the
//! text's byte length and character boundaries, so every range found in it is a range of the text
//! as given; what the report quotes is always cut from the original.

use std::borrow::Cow;

/// The Simplified shadow of `text`: borrowed (no copy, one cheap scan) when no character of it
/// has a different Simplified form, as in Simplified or non-Chinese text.
#[cfg(feature = "zh")]
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_traditional) {
        return Cow::Borrowed(text);
    }
    let shadow = fast2s::convert(text);
    // The converter's table is length-preserving (checked when it is built); should a future
    // release break that, the text is read as given rather than with offsets that do not match.
    if shadow.len() == text.len() && shadow.char_indices().zip(text.char_indices()).all(|(a, b)| a.0 == b.0) {
        Cow::Owned(shadow)
    } else {
        Cow::Borrowed(text)
    }
}

/// Without the Chinese module there is nothing to read Chinese with: the text is its own shadow.
#[cfg(not(feature = "zh"))]
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

/// First and last code point the converter can change (CJK, compatibility ideographs included).
#[cfg(feature = "zh")]
const FIRST: u32 = 0x2E80;
#[cfg(feature = "zh")]
const LAST: u32 = 0xFFFF;

/// Whether the converter changes `c` on its own: a bit per code point of the three-byte range,
/// found once by converting every such character (about 1 ms), so that Simplified text pays one
/// bit test per character and no conversion.
#[cfg(feature = "zh")]
fn is_traditional(c: char) -> bool {
    // Immutable once built, like the parsed word lists.
    static CHANGES: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let all: String = (FIRST..=LAST).filter_map(char::from_u32).collect();
        let mut bits = vec![0u64; ((LAST - FIRST) as usize >> 6) + 1];
        for (a, b) in all.chars().zip(fast2s::convert(&all).chars()) {
            if a != b {
                let i = (a as u32 - FIRST) as usize;
                bits[i >> 6] |= 1 << (i & 63);
            }
        }
        bits
    });
    let u = c as u32;
    if !(FIRST..=LAST).contains(&u) {
        return false;
    }
    let i = (u - FIRST) as usize;
    CHANGES[i >> 6] & (1 << (i & 63)) != 0
}

#[cfg(all(test, feature = "zh"))]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_map_one_to_one_with_the_same_offsets() {
        let text = "勞工薪資成長，農曆新年前夕發表談話。";
        let shadow = simplified(text);
        assert_eq!(shadow, "劳工薪资成长，农历新年前夕发表谈话。");
        assert_eq!(shadow.len(), text.len());
    }

    #[test]
    fn simplified_and_latin_text_is_borrowed() {
        assert!(matches!(simplified("劳工薪资成长 in 2024"), Cow::Borrowed(_)));
        assert!(matches!(simplified(""), Cow::Borrowed(_)));
    }

    #[test]
    fn mixed_scripts_convert_only_the_traditional_characters() {
        assert_eq!(simplified("民國112年 and 民国112年"), "民国112年 and 民国112年");
    }
}
