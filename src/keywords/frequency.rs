//! Term frequencies: the spellings that make up a term and how often each occurs.

use super::lemma::fold;
use super::units::Stream;

/// The variants of a group: its case-folded forms, each shown by its most frequent spelling,
/// with their counts, most frequent first (ties: alphabetical).
pub(crate) fn variants(stream: &Stream, surfaces: &[u32]) -> Vec<(String, usize)> {
    let mut forms: Vec<(std::borrow::Cow<str>, &str, u32, u32)> = Vec::new(); // folded, best spelling, best count, total
    for &s in surfaces {
        let (spelling, count) = (stream.surface(s), stream.surface_count(s));
        let folded = fold(spelling);
        match forms.iter_mut().find(|f| f.0 == folded) {
            Some(f) => {
                f.3 += count;
                if count > f.2 {
                    f.1 = spelling;
                    f.2 = count;
                }
            }
            None => forms.push((folded, spelling, count, count)),
        }
    }
    let mut out: Vec<(String, usize)> = forms.into_iter().map(|f| (f.1.to_string(), f.3 as usize)).collect();
    crate::text::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}
