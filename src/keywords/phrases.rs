//! Phrases: runs of 2–4 words that occur together more often than chance.
//!
//! **Candidates** are n-grams of adjacent word units that cross no break (sentence end,
//! punctuation, number), neither start nor end with a stopword and hold at most one stopword
//! inside ("new forms of employment" yes, "of the" and "work in the" no), occurring at least
//! `min_count` times. Counting is Apriori-style: a 3-gram is counted only where both of its
//! 2-grams are frequent enough, a 4-gram only where both of its 3-grams are.
//!
//! **Association** is Dunning's log-likelihood ratio (Dunning 1993, "Accurate methods for the
//! statistics of surprise and coincidence", Computational Linguistics 19(1)) on the 2×2 table of a
//! split of the n-gram into two parts `A|B`: `k11 = f(AB)`, `k12 = f(A) − k11`,
//! `k21 = f(B) − k11`, `k22 = N − k11 − k12 − k21`, and
//! `G² = 2 Σ k_ij · ln(k_ij · N / (row_i · col_j))`. An n-gram of three or four words must pass
//! for both of its splits (first word | rest, and all but the last | last word), with positive
//! association (k11 above its expectation) and `G² ≥ min_ll` (10.83: p < 0.001).
//!
//! **Fragments**: a candidate is dropped when at least `dominance` (80 %) of its occurrences
//! continue with the same content word, or follow the same one: it is a cut-off piece of a longer
//! expression. **Nesting**: a shorter candidate is dropped when a longer candidate containing it accounts for
//! at least `dominance` (80 %) of its occurrences, so "General Secretary Xi Jinping" stands and
//! "Secretary Xi", "Xi Jinping", "General Secretary Xi" do not. Phrases are then accepted
//! longest first; each occurrence not overlapping an accepted phrase is *free* and marks its words
//! as absorbed. A phrase with fewer than `min_count` free occurrences is dropped.

use super::units::{BREAK, Stream};
use rustc_hash::FxHashMap;

/// Thresholds of phrase detection.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseRules {
    pub min_count: u32,
    pub min_ll: f64,
    pub dominance: f64,
}

impl PhraseRules {
    /// The defaults for a text of `words` words: at least 2 occurrences (more for long texts,
    /// one per 50,000 words), G² ≥ 10.83, 80 % dominance.
    pub(crate) fn for_words(words: u64) -> Self {
        PhraseRules { min_count: (words / 50_000).max(2) as u32, min_ll: 10.83, dominance: 0.8 }
    }
}

/// An accepted phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    /// Term groups of its words, in order.
    pub groups: Vec<u32>,
    /// Unit index where each occurrence starts.
    pub starts: Vec<u32>,
    /// Occurrences not inside a longer accepted phrase.
    pub free: u32,
    /// The weaker of its splits' log-likelihood scores.
    pub ll: f64,
}

/// Phrases found, and for every unit whether an accepted phrase absorbed it.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseResult {
    pub phrases: Vec<Phrase>,
    pub absorbed: Vec<bool>,
}

/// Flags of a unit in `find_phrases`: its group occurs at least `min_count` times / is a stopword or a break.
const FREQUENT: u8 = 1;
const STOP: u8 = 2;

/// A candidate phrase: its word groups, its count and its weakest association (log-likelihood).
type Candidate = (Vec<u32>, u32, f64);

fn pack(groups: &[u32]) -> u128 {
    groups.iter().fold(0u128, |k, &g| (k << 32) | g as u128)
}

/// 2-grams keyed by a u64 (wasm has native 64-bit integers), 3- and 4-grams by a u128.
struct Counts {
    bigrams: FxHashMap<u64, u32>,
    n: [FxHashMap<u128, u32>; 3], // [unused, 3-grams, 4-grams]
}

fn pack2(a: u32, b: u32) -> u64 {
    ((a as u64) << 32) | b as u64
}

impl Counts {
    fn get(&self, stream: &Stream, groups: &[u32]) -> u32 {
        match groups.len() {
            1 => stream.groups[groups[0] as usize].count,
            2 => self.bigrams.get(&pack2(groups[0], groups[1])).copied().unwrap_or(0),
            3..=4 => self.n[groups.len() - 2].get(&pack(groups)).copied().unwrap_or(0),
            _ => 0,
        }
    }
}

/// Dunning's G² for a 2×2 table, and whether the association is positive.
pub(crate) fn dunning(k11: f64, k12: f64, k21: f64, k22: f64) -> (f64, bool) {
    let n = k11 + k12 + k21 + k22;
    if n <= 0.0 {
        return (0.0, false);
    }
    let (r1, r2, c1, c2) = (k11 + k12, k21 + k22, k11 + k21, k12 + k22);
    let cell = |k: f64, r: f64, c: f64| if k > 0.0 && r > 0.0 && c > 0.0 { k * (k * n / (r * c)).ln() } else { 0.0 };
    let g2 = 2.0 * (cell(k11, r1, c1) + cell(k12, r1, c2) + cell(k21, r2, c1) + cell(k22, r2, c2));
    (g2.max(0.0), k11 * n > r1 * c1)
}

/// How often the majority value of `values()` occurs (Boyer–Moore majority vote, then a count);
/// when no value holds more than half, some count no larger than the most frequent one's.
fn majority_count<I: Iterator<Item = u32>>(values: impl Fn() -> I) -> u32 {
    let (mut candidate, mut votes) = (BREAK, 0u32);
    for v in values() {
        if votes == 0 {
            candidate = v;
            votes = 1;
        } else if v == candidate {
            votes += 1;
        } else {
            votes -= 1;
        }
    }
    if votes == 0 { 0 } else { values().filter(|&v| v == candidate).count() as u32 }
}

/// Finds the phrases of `stream`.
pub(crate) fn find_phrases(stream: &Stream, rules: &PhraseRules) -> PhraseResult {
    let units = &stream.units;
    let stop = |g: u32| g == BREAK || stream.groups[g as usize].stop;
    let min = rules.min_count;
    let mut counts = Counts { bigrams: FxHashMap::default(), n: [FxHashMap::default(), FxHashMap::default(), FxHashMap::default()] };
    let gs: Vec<u32> = units.iter().map(|u| u.group).collect();

    // An n-gram occurs no more often than any of its words: windows holding a word seen fewer than
    // `min` times can never reach `min`, so they are not counted at all (on real text most words
    // are rare, and this keeps the n-gram tables small). Breaks count as rare.
    // Both tests per unit, once, in one byte each: the window scans below read this compact array
    // instead of each group's record (scattered over the whole vocabulary).
    let group_flags: Vec<u8> = stream.groups.iter().map(|g| if g.count >= min { FREQUENT } else { 0 } | if g.stop { STOP } else { 0 }).collect();
    let flags: Vec<u8> = gs.iter().map(|&g| if g == BREAK { STOP } else { group_flags[g as usize] }).collect();
    let all_frequent = |f: &[u8]| f.iter().all(|&x| x & FREQUENT != 0);

    // 2-grams (not two stopwords: no candidate may hold two adjacent ones).
    for (w, f) in gs.windows(2).zip(flags.windows(2)) {
        if f[0] & f[1] & FREQUENT != 0 && f[0] & f[1] & STOP == 0 {
            *counts.bigrams.entry(pack2(w[0], w[1])).or_default() += 1;
        }
    }
    // 3- and 4-grams where their parts are frequent enough.
    for n in 3..=4 {
        let mut map: FxHashMap<u128, u32> = FxHashMap::default();
        // The count of the (n-1)-gram ending a window is that of the one starting the next:
        // remembered (position, count) saves half the look-ups.
        let mut known: (usize, u32) = (usize::MAX, 0);
        for (i, (w, f)) in gs.windows(n).zip(flags.windows(n)).enumerate() {
            if !all_frequent(f) || f.iter().filter(|&&x| x & STOP != 0).count() > 1 {
                continue;
            }
            let head = if known.0 == i { known.1 } else { counts.get(stream, &w[..n - 1]) };
            if head < min {
                continue;
            }
            let tail = counts.get(stream, &w[1..]);
            known = (i + 1, tail);
            if tail >= min {
                *map.entry(pack(w)).or_default() += 1;
            }
        }
        counts.n[n - 2] = map;
    }

    // Candidates.
    let total = stream.words as f64;
    let mut candidates: Vec<Candidate> = Vec::new();
    let bigram_keys = counts.bigrams.iter().map(|(&k, &c)| (k as u128, c, 2usize));
    let longer = (3..=4usize).flat_map(|n| counts.n[n - 2].iter().map(move |(&k, &c)| (k, c, n)));
    for (key, count, n) in bigram_keys.chain(longer) {
        {
            if count < min {
                continue;
            }
            let groups: Vec<u32> = (0..n).rev().map(|i| (key >> (32 * i)) as u32).collect();
            if stop(groups[0]) || stop(groups[n - 1]) || groups.iter().filter(|&&g| stop(g)).count() > 1 {
                continue;
            }
            let k11 = count as f64;
            let mut weakest = f64::INFINITY;
            for split in [1, n - 1] {
                let a = counts.get(stream, &groups[..split]) as f64;
                let b = counts.get(stream, &groups[split..]) as f64;
                let (k12, k21) = ((a - k11).max(0.0), (b - k11).max(0.0));
                let (g2, positive) = dunning(k11, k12, k21, (total - k11 - k12 - k21).max(0.0));
                weakest = weakest.min(if positive { g2 } else { 0.0 });
                if n == 2 {
                    break;
                }
            }
            if weakest >= rules.min_ll {
                candidates.push((groups, count, weakest));
            }
        }
    }

    // Occurrences of every candidate.
    // Keyed by length too: packing does not tell [0, 1, 2] from [1, 2].
    let slot: FxHashMap<(usize, u128), usize> = candidates.iter().enumerate().map(|(i, c)| ((c.0.len(), pack(&c.0)), i)).collect();
    let mut all_starts: Vec<Vec<u32>> = vec![Vec::new(); candidates.len()];
    // Only windows starting with a candidate's first word need a lookup.
    let mut first = vec![false; stream.groups.len()];
    candidates.iter().for_each(|c| first[c.0[0] as usize] = true);
    if !candidates.is_empty() {
        for n in 2..=4usize {
            for (i, (w, f)) in gs.windows(n).zip(flags.windows(n)).enumerate() {
                if w[0] == BREAK || !first[w[0] as usize] || f[n - 1] & STOP != 0 || !all_frequent(f) {
                    continue;
                }
                if let Some(&k) = slot.get(&(n, pack(w))) {
                    all_starts[k].push(i as u32);
                }
            }
        }
    }

    // Fragments: a candidate whose occurrences mostly continue with the same content word (or
    // follow the same one) is a cut-off piece of a longer expression ("Party building in
    // emerging" of "… emerging fields").
    let fragment: Vec<bool> = candidates
        .iter()
        .zip(&all_starts)
        .map(|((groups, count, _), starts)| {
            let n = groups.len();
            let left = || starts.iter().filter_map(|&s| (s as usize).checked_sub(1).map(|p| gs[p])).filter(|&g| !stop(g));
            let right = || starts.iter().filter_map(|&s| gs.get(s as usize + n).copied()).filter(|&g| !stop(g));
            if rules.dominance > 0.5 {
                // A neighbour holding more than half of the occurrences is the majority of its side:
                // Boyer–Moore's vote finds it without counting every neighbour.
                let most = majority_count(left).max(majority_count(right));
                return most as f64 >= rules.dominance * *count as f64;
            }
            let mut left: FxHashMap<u32, u32> = FxHashMap::default();
            let mut right: FxHashMap<u32, u32> = FxHashMap::default();
            for &s in starts {
                let s = s as usize;
                if let Some(&g) = s.checked_sub(1).and_then(|p| gs.get(p))
                    && !stop(g)
                {
                    *left.entry(g).or_default() += 1;
                }
                if let Some(&g) = gs.get(s + n)
                    && !stop(g)
                {
                    *right.entry(g).or_default() += 1;
                }
            }
            let most = left.values().chain(right.values()).copied().max().unwrap_or(0);
            most as f64 >= rules.dominance * *count as f64
        })
        .collect();

    // Nesting: drop a candidate mostly explained by a longer one.
    let mut dominated = fragment.clone();
    for ((groups, count, _), &is_fragment) in candidates.iter().zip(&fragment) {
        if is_fragment {
            continue;
        }
        let n = groups.len();
        for len in 2..n {
            for from in 0..=n - len {
                if let Some(&j) = slot.get(&(len, pack(&groups[from..from + len])))
                    && *count as f64 >= rules.dominance * candidates[j].1 as f64
                {
                    dominated[j] = true;
                }
            }
        }
    }
    let mut kept: Vec<(Candidate, Vec<u32>)> = candidates.into_iter().zip(all_starts).zip(dominated).filter(|(_, d)| !d).map(|(c, _)| c).collect();
    crate::text::sort::sort_by(&mut kept, |(a, _), (b, _)| {
        b.0.len().cmp(&a.0.len()).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0))
    });
    let (kept, starts): (Vec<Candidate>, Vec<Vec<u32>>) = kept.into_iter().unzip();

    // Accept longest first; free occurrences absorb their words.
    let mut absorbed = vec![false; units.len()];
    let mut phrases = Vec::new();
    for ((groups, _, ll), starts) in kept.into_iter().zip(starts) {
        let n = groups.len();
        let free: Vec<u32> = starts.iter().copied().filter(|&s| !absorbed[s as usize..s as usize + n].iter().any(|&a| a)).collect();
        // Occurrences of one phrase may overlap each other ("work work work"): count those once.
        let mut taken = 0u32;
        let mut last_end = 0usize;
        let mut accepted = Vec::new();
        for &s in &free {
            if (s as usize) >= last_end || taken == 0 {
                accepted.push(s);
                taken += 1;
                last_end = s as usize + n;
            }
        }
        if taken < min {
            continue;
        }
        for &s in &accepted {
            absorbed[s as usize..s as usize + n].iter_mut().for_each(|a| *a = true);
        }
        phrases.push(Phrase { groups, starts, free: taken, ll });
    }
    PhraseResult { phrases, absorbed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dunning_matches_a_hand_computation() {
        // k = [[10, 0], [0, 90]]: G² = 2(10 ln(10·100/(10·10)) + 90 ln(90·100/(90·90))) = 2(23.026 + 9.482) = 65.02
        let (g2, pos) = dunning(10.0, 0.0, 0.0, 90.0);
        assert!((g2 - 65.017).abs() < 0.01 && pos);
        // Independence: no association.
        let (g2, _) = dunning(1.0, 9.0, 9.0, 81.0);
        assert!(g2.abs() < 1e-9);
    }
}
