//! Which language a stretch of text is in: English, Chinese, both, or neither.

use serde::{Deserialize, Serialize};

/// A language code as the report uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// Chinese.
    Zh,
    /// Substantial amounts of both English and Chinese.
    Mixed,
    /// Anything else, including empty text.
    #[default]
    Other,
}

/// Letter counts by script, the evidence [`detect_language`] decides on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs).
    pub han: usize,
    /// Latin letters.
    pub latin: usize,
    /// Letters of any other script.
    pub other: usize,
}

/// The counts of two stretches of text together.
///
/// ```
/// use article_explorer::ScriptCounts;
/// let mut c = ScriptCounts::of("社会 ");
/// c += ScriptCounts::of("work");
/// assert_eq!(c, ScriptCounts::of("社会 work"));
/// ```
impl std::ops::AddAssign for ScriptCounts {
    fn add_assign(&mut self, other: Self) {
        self.han += other.han;
        self.latin += other.latin;
        self.other += other.other;
    }
}

impl ScriptCounts {
    /// Counts the letters of `text` by script.
    ///
    /// ```
    /// let c = article_explorer::ScriptCounts::of("社会 work");
    /// assert_eq!((c.han, c.latin), (2, 4));
    /// ```
    pub fn of(text: &str) -> Self {
        let mut counts = ScriptCounts::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        // ASCII bytes are counted without decoding (most of an English text), eight at a time
        // while they last; the rest char by char.
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if let Some(word) = bytes.get(i..i + 8) {
                    let x = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
                    if x & 0x8080_8080_8080_8080 == 0 {
                        counts.latin += ascii_letters(x);
                        i += 8;
                        continue;
                    }
                }
                counts.latin += usize::from(b.is_ascii_alphabetic());
                i += 1;
                continue;
            }
            // Lead bytes E5–E9 begin U+5000–U+9FFF, all CJK Unified Ideographs: most of a
            // Chinese text, counted without decoding.
            if (0xE5..=0xE9).contains(&b) {
                counts.han += 1;
                i += 3;
                continue;
            }
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if is_han(ch) {
                counts.han += 1;
            } else if !(cfg!(feature = "zh") && is_general_punctuation(ch)) && ch.is_alphabetic() {
                if is_latin_extended(ch) {
                    counts.latin += 1;
                } else {
                    counts.other += 1;
                }
            }
        }
        counts
    }

    /// The language these counts point to. A Han character carries about as much text as a
    /// three-letter English word, so Han counts are weighted by 3 against Latin letters.
    ///
    /// ```
    /// use article_explorer::{Language, ScriptCounts};
    /// assert_eq!(ScriptCounts::of("今天天气很好").language(), Language::Zh);
    /// assert_eq!(ScriptCounts::of("").language(), Language::Other);
    /// ```
    pub fn language(&self) -> Language {
        let han = self.han * 3;
        let latin = self.latin;
        let total = han + latin + self.other;
        if total == 0 {
            return Language::Other;
        }
        if self.other * 2 > total {
            return Language::Other;
        }
        let (major, minor, lang) = if han >= latin { (han, latin, Language::Zh) } else { (latin, han, Language::En) };
        if minor * 4 >= major && minor > 0 {
            Language::Mixed
        } else if major > 0 {
            lang
        } else {
            Language::Other
        }
    }
}

/// Detects the language of `text` from the scripts of its letters.
///
/// ```
/// use article_explorer::{detect_language, Language};
/// assert_eq!(detect_language("Social work must be strengthened."), Language::En);
/// assert_eq!(detect_language("必须加强社会工作。"), Language::Zh);
/// ```
pub fn detect_language(text: &str) -> Language {
    ScriptCounts::of(text).language()
}

/// ASCII letters among the eight ASCII bytes of `x` (no byte above 0x7F): folded to lower case by
/// setting bit 5 (which maps only A–Z into a–z), then counted where `0x61 <= b <= 0x7A`, by adding
/// to each byte so that its high bit says "at least" (no byte can carry into the next).
fn ascii_letters(x: u64) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let y = x | (0x20 * LO);
    let at_least_a = y + (0x80 - 0x61) * LO;
    let above_z = y + (0x80 - 0x7B) * LO;
    (at_least_a & !above_z & HI).count_ones() as usize
}

/// Whether `ch` is a Han ideograph (including 〇, which Chinese dates use as a digit).
pub(crate) fn is_han(ch: char) -> bool {
    matches!(ch as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// Punctuation beyond ASCII: general punctuation, CJK and fullwidth marks, Latin-1's. The
/// tokenizer's symbol classes; none is alphabetic, so script counting answers the most frequent
/// characters of Chinese text after Han ones without `is_alphabetic`'s table search.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF)
}

fn is_latin_extended(ch: char) -> bool {
    matches!(ch as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_is_never_alphabetic() {
        let all = (0..=0x10FFFFu32).filter_map(char::from_u32);
        let marked: Vec<char> = all.filter(|&c| is_general_punctuation(c)).collect();
        assert_eq!(marked.len(), 142);
        assert!(marked.iter().all(|c| !c.is_alphabetic()), "{:?}", marked.iter().find(|c| c.is_alphabetic()));
    }

    #[test]
    fn eight_byte_letter_count_matches_a_plain_count() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.windows(8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap());
            assert_eq!(ascii_letters(x), chunk.iter().filter(|b| b.is_ascii_alphabetic()).count(), "{chunk:?}");
        }
        let text = "Hello, World! 2025 [a-z] `x` {Z} @A 社会 é and more plain ASCII text.";
        let plain = text.chars().filter(char::is_ascii_alphabetic).count() + 1; // é is Latin too
        assert_eq!(ScriptCounts::of(text).latin, plain);
        assert_eq!(ScriptCounts::of(text).han, 2);
    }

    #[test]
    fn every_character_counts_as_a_plain_count_would() {
        // The shortcuts (eight ASCII bytes at a time, lead bytes E5–E9, punctuation) against a
        // char-by-char count, over every character in runs that cross the eight-byte boundary.
        let plain = |s: &str| {
            let mut c = ScriptCounts::default();
            for ch in s.chars() {
                if is_han(ch) {
                    c.han += 1;
                } else if ch.is_alphabetic() {
                    if ch.is_ascii() || is_latin_extended(ch) { c.latin += 1 } else { c.other += 1 }
                }
            }
            (c.han, c.latin, c.other)
        };
        let all: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        for chunk in all.chunks(11) {
            let s: String = chunk.iter().collect();
            let c = ScriptCounts::of(&s);
            assert_eq!((c.han, c.latin, c.other), plain(&s), "{:?}", chunk[0]);
        }
    }

    #[test]
    fn mixed_needs_a_real_share_of_both() {
        assert_eq!(detect_language("The 十四五 plan runs five years and covers many areas of the economy."), Language::En);
        assert_eq!(detect_language("社会工作 social work 社会治理 governance"), Language::Mixed);
        assert_eq!(detect_language("Москва — столица России."), Language::Other);
        assert_eq!(detect_language("1234 !!!"), Language::Other);
    }
}
