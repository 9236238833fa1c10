//! Dispersion: where along the article's own structure a term occurs.
//!
//! Parts are the article's paragraphs (those with at least one word), each weighted by its size
//! in words, so no arbitrary equal slices are imposed.
//!
//! **Juilland's D** (Juilland & Chang-Rodríguez 1964, *Frequency Dictionary of Spanish Words*),
//! for `n` parts with sizes `s_i` and counts `f_i`: take the part frequencies `p_i = f_i / s_i`,
//! their coefficient of variation `V = sd(p) / mean(p)` (population sd), then
//! `D = 1 − V / √(n − 1)`. 1 means perfectly even; near 0, concentrated in one part.
//!
//! **Gries's DP** (Gries 2008, "Dispersions and adjusted frequencies in corpora", IJCL 13(4)):
//! `DP = ½ · Σ |f_i / f − s_i / S|`, with `f` the total count and `S` the total size: 0 means spread
//! exactly as the parts' sizes predict, values near 1 mean concentrated.

/// Per-part counts and the two dispersion measures for one term.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Spread {
    /// `(paragraph, count)` for every paragraph where the term occurs, in order.
    pub paragraphs: Vec<(usize, usize)>,
    /// `(section, count)` for every section where the term occurs, in order.
    pub sections: Vec<(usize, usize)>,
    pub juilland_d: Option<f64>,
    pub dp: Option<f64>,
}

/// The parts' sizes with their count and total, summed once per text (not once per term).
#[derive(Debug, Clone)]
pub(crate) struct Parts<'a> {
    sizes: &'a [u32],
    parts: usize,
    total: f64,
}

impl<'a> Parts<'a> {
    /// The parts of a text from the word count of every paragraph.
    pub(crate) fn new(sizes: &'a [u32]) -> Self {
        Parts { sizes, parts: sizes.iter().filter(|&&s| s > 0).count(), total: sizes.iter().map(|&s| s as f64).sum() }
    }
}

/// Computes the spread of a term from the paragraph of each occurrence (in document order),
/// the word count of every paragraph, and the section of every paragraph.
pub(crate) fn spread(occurrence_paragraphs: impl IntoIterator<Item = usize>, paragraph_words: &Parts, paragraph_section: &[usize]) -> Spread {
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    for p in occurrence_paragraphs {
        match paragraphs.last_mut() {
            Some((last, n)) if *last == p => *n += 1,
            _ => paragraphs.push((p, 1)),
        }
    }
    // Occurrences normally arrive in order; merge anything that did not.
    if paragraphs.windows(2).any(|w| w[0].0 >= w[1].0) {
        crate::text::sort::sort(&mut paragraphs);
        paragraphs.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
    }
    let mut sections: Vec<(usize, usize)> = Vec::new();
    for &(p, n) in &paragraphs {
        let s = paragraph_section.get(p).copied().unwrap_or(0);
        match sections.last_mut() {
            Some((last, m)) if *last == s => *m += n,
            _ => sections.push((s, n)),
        }
    }
    let (juilland_d, dp) = measures(&paragraphs, paragraph_words);
    Spread { paragraphs, sections, juilland_d, dp }
}

/// Juilland's D and Gries's DP over the paragraphs that hold words (sparse counts given).
fn measures(counts: &[(usize, usize)], parts: &Parts) -> (Option<f64>, Option<f64>) {
    let (sizes, total_size) = (parts.sizes, parts.total);
    let parts = parts.parts;
    let f: f64 = counts.iter().map(|&(_, n)| n as f64).sum();
    if parts < 2 || f == 0.0 || total_size == 0.0 {
        return (None, None);
    }
    let n = parts as f64;
    let (mut sum_p, mut sum_p2, mut dp_sum, mut size_seen) = (0.0, 0.0, 0.0, 0.0);
    for &(p, c) in counts {
        let s = sizes.get(p).copied().unwrap_or(0) as f64;
        if s == 0.0 {
            continue;
        }
        let rate = c as f64 / s;
        sum_p += rate;
        sum_p2 += rate * rate;
        dp_sum += (c as f64 / f - s / total_size).abs();
        size_seen += s;
    }
    // Parts without the term each add |0 − s_i/S|.
    dp_sum += (1.0 - size_seen / total_size).max(0.0);
    let mean = sum_p / n;
    let var = (sum_p2 / n - mean * mean).max(0.0);
    let d = if mean > 0.0 { 1.0 - (var.sqrt() / mean) / (n - 1.0).sqrt() } else { 0.0 };
    (Some(d.clamp(0.0, 1.0)), Some((dp_sum / 2.0).clamp(0.0, 1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_and_concentrated_terms() {
        // Four paragraphs of 10 words; one occurrence in each: perfectly even.
        let even = spread([0, 1, 2, 3], &Parts::new(&[10, 10, 10, 10]), &[0, 0, 1, 1]);
        assert_eq!(even.paragraphs, [(0, 1), (1, 1), (2, 1), (3, 1)]);
        assert_eq!(even.sections, [(0, 2), (1, 2)]);
        assert!((even.juilland_d.unwrap() - 1.0).abs() < 1e-9 && even.dp.unwrap().abs() < 1e-9);
        // All four in paragraph 0: p = (0.4, 0, 0, 0), mean 0.1, sd = √(0.04 − 0.01) = 0.1732,
        // V = 1.732, D = 1 − 1.732/√3 = 0; DP = ½(|1 − ¼| + 3·¼) = 0.75.
        let one = spread([0, 0, 0, 0], &Parts::new(&[10, 10, 10, 10]), &[0, 0, 1, 1]);
        assert!(one.juilland_d.unwrap().abs() < 1e-9);
        assert!((one.dp.unwrap() - 0.75).abs() < 1e-9);
        assert_eq!(one.sections, [(0, 4)]);
        // One part only: the measures are undefined.
        assert_eq!(spread([0], &Parts::new(&[5]), &[0]).juilland_d, None);
    }
}
