//! Alignment by dynamic programming over two sequences of units (paragraphs or sentences): the
//! Gale–Church length cost, with the Chinese-characters-per-English-word ratio of the pair, plus
//! a bonus for every anchor the two sides of a bead share and a small cost for every one they do not.

/// One unit as the alignment sees it: its length and its anchor keys (key id, weight; sorted,
/// each once), also as a bit set of key ids for the dynamic programming's inner loop.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    pub len: f64,
    pub keys: Vec<(u32, f64)>,
    bits: Vec<u64>,
}

impl Unit {
    pub(crate) fn new(len: f64, keys: Vec<(u32, f64)>) -> Unit {
        let mut bits = vec![0u64; keys.last().map_or(0, |k| k.0 as usize / 64 + 1)];
        for &(k, _) in &keys {
            bits[k as usize / 64] |= 1 << (k % 64);
        }
        Unit { len, keys, bits }
    }
}

/// The weight of every key id (a key weighs the same wherever it occurs).
pub(crate) fn key_weights(units: &[&[Unit]]) -> Vec<f64> {
    let mut w = Vec::new();
    for u in units.iter().flat_map(|list| list.iter()) {
        for &(k, x) in &u.keys {
            if w.len() <= k as usize {
                w.resize(k as usize + 1, 0.0);
            }
            w[k as usize] = f64::max(w[k as usize], x);
        }
    }
    w
}

/// The bead shapes tried, as (Chinese units, English units).
const BEADS: [(usize, usize); 7] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1)];

/// Cost of a bead shape before lengths and anchors (−log of a prior, Gale and Church's
/// proportions with deletions made likelier: translations of official texts leave whole paragraphs out).
fn prior(shape: (usize, usize)) -> f64 {
    match shape {
        (1, 1) => 0.0,
        (1, 0) | (0, 1) => SKIP,
        (1, 2) | (2, 1) => 2.3,
        _ => 5.5,
    }
}

/// The cost of leaving one unit without a counterpart.
pub(crate) const SKIP: f64 = 3.0;
/// Variance of the length difference per unit of length (in Chinese characters).
const S2: f64 = 4.0;
/// Weight of a shared anchor against the costs above.
const SHARED: f64 = 1.6;
/// Cost of an anchor on one side of a bead only.
const UNSHARED: f64 = 0.6;

/// Standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
fn phi(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 { 0.5 * (1.0 + erf) } else { 0.5 * (1.0 - erf) }
}

/// The probability of a length difference at least this large if the two sides translate each
/// other, and its cost.
pub(crate) fn length_fit(zh: f64, en: f64, ratio: f64) -> (f64, f64) {
    let expected = en * ratio;
    let mean = ((zh + expected) / 2.0).max(1.0);
    let delta = (zh - expected) / (S2 * mean).sqrt();
    let p = (2.0 * (1.0 - phi(delta.abs()))).max(1e-12);
    (p, -p.ln())
}

/// Shared and unshared anchor weight of two sides.
pub(crate) fn anchor_overlap(zh: &[(u32, f64)], en: &[(u32, f64)]) -> (f64, f64) {
    let (mut shared, mut unshared) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < zh.len() || j < en.len() {
        match (zh.get(i), en.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                shared += a.1.max(b.1);
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                unshared += a.1;
                i += 1;
            }
            (Some(_), Some(b)) | (None, Some(b)) => {
                unshared += b.1;
                j += 1;
            }
            (Some(a), None) => {
                unshared += a.1;
                i += 1;
            }
            (None, None) => break,
        }
    }
    (shared, unshared)
}

/// The cost of pairing `zh` with `en` (both non-empty) is this plus [`anchor_cost`].
fn length_cost(zh: &[Unit], en: &[Unit], ratio: f64) -> f64 {
    let lz: f64 = zh.iter().map(|u| u.len).sum();
    let le: f64 = en.iter().map(|u| u.len).sum();
    length_fit(lz, le, ratio).1.min(25.0)
}

/// The anchor part of a pairing's cost: it does not depend on the ratio, so a second pass with a
/// better ratio reuses it.
fn anchor_cost(zh: &[Unit], en: &[Unit], weights: &[f64]) -> f64 {
    let words = zh.iter().chain(en).map(|u| u.bits.len()).max().unwrap_or(0);
    let union = |units: &[Unit], w: usize| units.iter().fold(0u64, |acc, u| acc | u.bits.get(w).copied().unwrap_or(0));
    let sum = |mut bits: u64, w: usize| {
        let mut total = 0.0;
        while bits != 0 {
            total += weights[w * 64 + bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        total
    };
    let (mut shared, mut unshared, mut idle) = (0.0, 0.0, 0.0);
    // Members of a many-side that share nothing with the other side: length alone makes merging
    // a left-out paragraph into its neighbour's bead look cheap.
    let mut member_shared = [0.0f64; 6];
    for w in 0..words {
        let (z, e) = (union(zh, w), union(en, w));
        shared += sum(z & e, w);
        unshared += sum(z ^ e, w);
        if zh.len() > 1 {
            for (i, u) in zh.iter().enumerate() {
                member_shared[i] += sum(u.bits.get(w).copied().unwrap_or(0) & e, w);
            }
        }
        if en.len() > 1 {
            for (i, u) in en.iter().enumerate() {
                member_shared[3 + i] += sum(u.bits.get(w).copied().unwrap_or(0) & z, w);
            }
        }
    }
    let has = |units: &[Unit]| units.iter().any(|u| !u.keys.is_empty());
    if zh.len() > 1 && has(en) {
        idle += member_shared[..zh.len()].iter().filter(|&&x| x < IDLE_BELOW).count() as f64 * IDLE;
    }
    if en.len() > 1 && has(zh) {
        idle += member_shared[3..3 + en.len()].iter().filter(|&&x| x < IDLE_BELOW).count() as f64 * IDLE;
    }
    -SHARED * shared + UNSHARED * unshared + idle
}

/// See [`anchor_cost`]: the cost of a member of a many-side that shares nothing with the other side.
const IDLE: f64 = 2.5;
/// Shared weight below which a unit counts as idle: a common word or two is no evidence.
const IDLE_BELOW: f64 = 0.25;

/// The best monotone alignment: beads as (Chinese range, English range), in order. `None` when
/// the table would be larger than `max_cells`. `cache` keeps the anchor costs for another pass
/// over the same units (start with an empty one).
pub(crate) fn align(
    zh: &[Unit],
    en: &[Unit],
    ratio: f64,
    weights: &[f64],
    max_cells: usize,
    cache: &mut Vec<f64>,
) -> Option<Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>> {
    let (n, m) = (zh.len(), en.len());
    if (n + 1).saturating_mul(m + 1) > max_cells {
        return None;
    }
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![0u8; (n + 1) * width];
    if cache.len() != cost.len() * BEADS.len() {
        *cache = vec![f64::NAN; cost.len() * BEADS.len()];
    }
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f64::INFINITY;
            let mut choice = 0u8;
            for (b, &(di, dj)) in BEADS.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let before = cost[(i - di) * width + (j - dj)];
                if !before.is_finite() {
                    continue;
                }
                let step = prior((di, dj))
                    + if di > 0 && dj > 0 {
                        let (z, e) = (&zh[i - di..i], &en[j - dj..j]);
                        let slot = &mut cache[(i * width + j) * BEADS.len() + b];
                        if slot.is_nan() {
                            *slot = anchor_cost(z, e, weights);
                        }
                        length_cost(z, e, ratio) + *slot
                    } else {
                        0.0
                    };
                if before + step < best {
                    best = before + step;
                    choice = b as u8;
                }
            }
            cost[i * width + j] = best;
            back[i * width + j] = choice;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = BEADS[back[i * width + j] as usize];
        beads.push((i - di..i, j - dj..j));
        i -= di;
        j -= dj;
    }
    beads.reverse();
    Some(beads)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(len: f64, keys: &[u32]) -> Unit {
        Unit::new(len, keys.iter().map(|&k| (k, 1.0)).collect())
    }

    #[test]
    fn equal_lengths_align_one_to_one() {
        let zh = [unit(100.0, &[]), unit(40.0, &[]), unit(160.0, &[])];
        let en = [unit(50.0, &[]), unit(20.0, &[]), unit(80.0, &[])];
        let beads = align(&zh, &en, 2.0, &[1.0; 16], 1 << 20, &mut Vec::new()).unwrap();
        assert_eq!(beads, [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
    }

    #[test]
    fn a_split_paragraph_becomes_one_to_two_and_a_missing_one_is_skipped() {
        let zh = [unit(100.0, &[1]), unit(200.0, &[2, 3]), unit(60.0, &[4])];
        let en = [unit(50.0, &[1]), unit(45.0, &[2]), unit(55.0, &[3]), unit(70.0, &[9]), unit(30.0, &[4])];
        let beads = align(&zh, &en, 2.0, &[1.0; 16], 1 << 20, &mut Vec::new()).unwrap();
        assert_eq!(beads, [(0..1, 0..1), (1..2, 1..3), (2..2, 3..4), (2..3, 4..5)]);
    }

    #[test]
    fn the_normal_distribution_is_right_at_known_points() {
        assert!((phi(0.0) - 0.5).abs() < 1e-7);
        assert!((phi(1.96) - 0.975).abs() < 1e-4);
        assert!((phi(-1.0) - 0.158_655).abs() < 1e-5);
    }
}
