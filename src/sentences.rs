//! The sentence splitter.
//!
//! Foundation version: a sentence ends after `.`, `!`, `?` (then white space) or after
//! `。`, `！`, `？`, with closing quotes and brackets kept in the sentence.

use std::ops::Range;

/// Splits one paragraph (`range` of `text`) into sentence byte ranges, trimmed, covering every
/// non-blank character of the paragraph.
pub(crate) fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let para = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = para.char_indices().peekable();
    while let Some((i, ch)) = iter.next() {
        let cjk_stop = matches!(ch, '。' | '！' | '？');
        let latin_stop = matches!(ch, '.' | '!' | '?');
        if !cjk_stop && !latin_stop {
            continue;
        }
        let mut end = i + ch.len_utf8();
        while let Some(&(j, next)) = iter.peek() {
            if is_closing(next) || (latin_stop && matches!(next, '.' | '!' | '?')) {
                end = j + next.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let boundary = cjk_stop || iter.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if boundary {
            push_trimmed(text, range.start + start..range.start + end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, range.start + start..range.end, &mut out);
    out
}

fn is_closing(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '”' | '’' | '」' | '』' | ')' | '）' | ']' | '》')
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = crate::structure::trim_range(text, range);
    if !r.is_empty() {
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn english_and_chinese_terminators() {
        assert_eq!(split("It rained. We left! Why?"), ["It rained.", "We left!", "Why?"]);
        assert_eq!(split("他说：“好。”我们走了。对吗？"), ["他说：“好。”", "我们走了。", "对吗？"]);
        assert_eq!(split("Version 2.5 shipped."), ["Version 2.5 shipped."]);
        assert_eq!(split("No full stop"), ["No full stop"]);
    }
}
