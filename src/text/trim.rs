//! Trimming white space off byte ranges of a text, for every layer that cuts text into ranges.

use std::ops::Range;

/// `range` without leading and trailing white space. Trimming goes by grapheme clusters and drops
/// only clusters made entirely of blanks: a range never starts or ends inside a cluster, and a
/// space that carries a mark (`" \u{0301}"`, `" \u{A8B4}"`, `" \u{E0020}"`) is kept whole, so no
/// character other than white space is ever trimmed away.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    let s = &text[range.clone()];
    if ends_untrimmed(s) {
        return range;
    }
    let blank = |g: &str| g.chars().all(is_blank);
    let Some((first, _)) = s.grapheme_indices(true).find(|(_, g)| !blank(g)) else {
        return range.end..range.end;
    };
    let (last, g) = s.grapheme_indices(true).rev().find(|(_, g)| !blank(g)).unwrap_or((first, ""));
    range.start + first..range.start + last + g.len()
}

/// Whether trimming leaves `s` as it is, decided without grapheme segmentation for the common
/// case (called on every line and sentence): the first character is not blank (so the first
/// cluster is not), and the last character is a plain one (ASCII, Han, CJK or typographic
/// punctuation: none of them extends or joins a preceding character into a cluster) after another
/// plain character or ASCII white space (which no following plain character joins), so the last
/// cluster is that character alone and not blank.
fn ends_untrimmed(s: &str) -> bool {
    let plain = |c: char| {
        (c.is_ascii() && !c.is_ascii_control() && c != ' ')
            || crate::text::language::is_han(c)
            || matches!(c, '\u{3001}'..='\u{3029}' | '\u{FF01}'..='\u{FF5E}' | '‘' | '’' | '“' | '”' | '…' | '—')
    };
    let mut rev = s.chars().rev();
    let (Some(first), Some(last)) = (s.chars().next(), rev.next()) else { return false };
    !is_blank(first) && plain(last) && rev.next().is_none_or(|c| plain(c) || c.is_ascii_whitespace())
}

/// White space, plus the invisible characters that pasted text carries as padding (BOM, zero-width space).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_never_splits_a_grapheme_cluster() {
        // Found by the segmentation proptest: a space carrying a tag character (U+E0020) or a
        // spacing mark (U+A8B4) is one cluster; it is kept whole, never split and never dropped.
        let text = "Mr. \u{E0020}";
        assert_eq!(trim_range(text, 3..text.len()), 3..text.len());
        let text = "1. \u{A8B4}. ";
        assert_eq!(&text[trim_range(text, 2..text.len())], " \u{A8B4}.");
        let text = " \u{0301}x \u{0301}";
        assert_eq!(&text[trim_range(text, 0..text.len())], text);
        let text = "\u{FEFF} \u{200B} x\t \u{3000}";
        assert_eq!(&text[trim_range(text, 0..text.len())], "x");
        assert_eq!(trim_range("  ", 0..2), 2..2);
    }
}
