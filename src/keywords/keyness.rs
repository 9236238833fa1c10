//! Keyness: how much more (or less) often a term occurs in a text than in a reference.
//!
//! **Log-likelihood** (Dunning 1993; in the keyness form of Rayson & Garside 2000, "Comparing
//! corpora using frequency profiling"): with `a`, `b` the term's counts in the two corpora and
//! `c`, `d` the corpora's sizes, the expected counts are `E1 = c·(a+b)/(c+d)`,
//! `E2 = d·(a+b)/(c+d)` and `LL = 2·(a·ln(a/E1) + b·ln(b/E2))` (a zero count adds nothing).
//! LL ≥ 3.84 means p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001 (1 d.f.).
//!
//! **Against the built-in reference list** the reference corpus is so large (billions of words
//! behind wordfreq) that its relative frequency `p` is taken as exact: letting `d → ∞` in the
//! formula above leaves `LL = 2·(a·ln(a/(c·p)) − (a − c·p))`, the G statistic of the observed
//! count against its expectation `c·p`.
//!
//! **Effect size: log ratio** (Hardie 2014, "Log Ratio – an informal introduction", CASS):
//! `log2((a/c) / (b/d))`: +1 means twice as frequent as in the reference, +3 eight times. A zero
//! count is replaced by 0.5 (Hardie's convention). A word absent from the reference list is given
//! half the list's lowest frequency, so its log ratio is a lower bound ("at least").

use std::sync::LazyLock;

use super::lemma::group_key;
use rustc_hash::FxHashMap;

/// Log-likelihood of counts `a` (in a corpus of `c` words) and `b` (in `d` words), Rayson & Garside 2000.
pub(crate) fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 || a + b <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    (2.0 * (term(a, e1) + term(b, e2))).max(0.0)
}

/// Log-likelihood of `a` occurrences in `c` words against an exact relative frequency `p`
/// (the `d → ∞` limit of [`log_likelihood`]).
pub(crate) fn log_likelihood_vs_rate(a: f64, c: f64, p: f64) -> f64 {
    let e = c * p;
    if e <= 0.0 {
        return 0.0;
    }
    let term = if a > 0.0 { a * (a / e).ln() } else { 0.0 };
    (2.0 * (term - (a - e))).max(0.0)
}

/// Hardie's log ratio: log2 of the ratio of relative frequencies, zero counts taken as 0.5.
pub(crate) fn log_ratio(a: f64, c: f64, b: f64, d: f64) -> f64 {
    let (a, b) = (if a > 0.0 { a } else { 0.5 }, if b > 0.0 { b } else { 0.5 });
    ((a / c) / (b / d)).log2()
}

/// A general-language word-frequency list: relative frequency per grouping key.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReferenceList {
    rates: FxHashMap<String, f64>,
    floor: f64,
}

impl ReferenceList {
    /// Parses the bucketed list format of `data/<lang>/reference-frequencies.txt`: lines
    /// `CENTIBELS<TAB>word word …` (CENTIBELS a whole number, as wordfreq buckets them), `#`
    /// comments; a word's relative frequency is `10^(-CENTIBELS/100)`. Forms that share a
    /// grouping key (an English stem) add up. The bucket is read as an integer, not an `f64`:
    /// that keeps core's decimal-to-float parser and its 10 KB table out of the wasm module.
    pub(crate) fn parse(data: &str) -> ReferenceList {
        Self::parse_entries(data, |w| group_key(w).into_owned())
    }

    /// Reads the built-in English list as `build.rs` writes it (`keyed_reference`): grouping keys
    /// already, each once, front-coded in `keys`, their buckets in `centibels`. No grouping again
    /// (a key is not always its own key: the stems are not idempotent).
    fn parse_front_coded(keys: &str, centibels: &[u8]) -> ReferenceList {
        let mut bytes = centibels.iter().copied();
        let mut next = || u32::from(bytes.next().unwrap_or(0));
        let top = next() | next() << 8;
        let mut rates: FxHashMap<String, f64> = FxHashMap::default();
        let mut lowest = f64::INFINITY;
        let mut key = String::new();
        for line in keys.lines() {
            let Some(shared) = line.bytes().next() else { continue };
            key.truncate(usize::from(shared.saturating_sub(b'0')));
            key.push_str(&line[1..]);
            let below = match next() {
                255 => 255 + next(),
                v => v,
            };
            let rate = 10f64.powf(-f64::from(top.saturating_sub(below)) / 100.0);
            rates.insert(key.clone(), rate);
            lowest = lowest.min(rate);
        }
        let floor = if lowest.is_finite() { lowest / 2.0 } else { 1e-9 };
        ReferenceList { rates, floor }
    }

    fn parse_entries(data: &str, key: fn(&str) -> String) -> ReferenceList {
        let mut rates: FxHashMap<String, f64> = FxHashMap::default();
        let mut lowest = f64::INFINITY;
        for line in data.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((cb, words)) = line.split_once('\t') else { continue };
            let Ok(cb) = cb.trim().parse::<u32>() else { continue };
            let rate = 10f64.powf(-f64::from(cb) / 100.0);
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                *rates.entry(key(w)).or_default() += rate;
                lowest = lowest.min(rate);
            }
        }
        let floor = if lowest.is_finite() { lowest / 2.0 } else { 1e-9 };
        ReferenceList { rates, floor }
    }

    /// The built-in general English list (wordfreq, CC BY-SA 4.0; see the data file's header),
    /// as `build.rs` groups it: one entry per grouping key, the forms' rates summed (7,108 keys
    /// from 10,000 words; docs/keywords.md).
    pub(crate) fn english() -> &'static ReferenceList {
        static EN: LazyLock<ReferenceList> = LazyLock::new(|| {
            ReferenceList::parse_front_coded(data!("en/reference-keys.txt"), include_bytes!(concat!(env!("OUT_DIR"), "/data/en/reference-keys.bin")))
        });
        &EN
    }

    /// The built-in general Chinese list (wordfreq, CC BY-SA 4.0; see the data file's header).
    pub(crate) fn chinese() -> &'static ReferenceList {
        #[cfg(feature = "zh")]
        static ZH: LazyLock<ReferenceList> = LazyLock::new(|| ReferenceList::parse(data!("zh/reference-frequencies.txt")));
        // Without `zh` (the page's light module): an empty list; the page never sends it Han text.
        #[cfg(not(feature = "zh"))]
        static ZH: LazyLock<ReferenceList> = LazyLock::new(|| ReferenceList::parse(""));
        &ZH
    }

    /// The relative frequency of a grouping key, and whether the list has it (else the floor).
    pub(crate) fn rate(&self, key: &str) -> (f64, bool) {
        match self.rates.get(key) {
            Some(&r) => (r, true),
            None => (self.floor, false),
        }
    }
}

/// The reference for a grouping key: Chinese keys (Han) go to the Chinese list, others to English.
pub(crate) fn reference_rate(key: &str) -> (f64, bool) {
    if key.chars().any(crate::text::language::is_han) { ReferenceList::chinese().rate(key) } else { ReferenceList::english().rate(key) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_matches_a_hand_computation() {
        // a=10 in 1,000 words, b=10 in 10,000: E1 = 1000·20/11000 = 1.8182, E2 = 18.1818;
        // LL = 2(10 ln(10/1.8182) + 10 ln(10/18.1818)) = 2(17.0475 − 5.9784) = 22.138.
        assert!((log_likelihood(10.0, 10.0, 1000.0, 10000.0) - 22.138).abs() < 0.01);
        assert_eq!(log_likelihood(0.0, 0.0, 10.0, 10.0), 0.0);
        // Equal rates: no keyness.
        assert!(log_likelihood(5.0, 50.0, 100.0, 1000.0) < 1e-9);
        // Log ratio: 10/1000 vs 10/10000 is 10×: log2 10 = 3.32.
        assert!((log_ratio(10.0, 1000.0, 10.0, 10000.0) - std::f64::consts::LOG2_10).abs() < 1e-9);
    }

    #[test]
    fn the_rate_form_is_the_limit_of_the_two_corpus_form() {
        let (a, c, p) = (12.0, 2000.0, 0.001);
        let d = 1e12;
        assert!((log_likelihood(a, p * d, c, d) - log_likelihood_vs_rate(a, c, p)).abs() < 1e-3);
    }

    #[test]
    fn the_built_in_english_list_is_the_word_list_grouped() {
        // build.rs sums each key's forms and rounds the sum to its centibel bucket: every rate
        // within half a centibel (1.2 %) of the grouping done at run time, the same keys, the same floor.
        let words = ReferenceList::parse(include_str!("../../data/en/reference-frequencies.txt"));
        let keyed = ReferenceList::english();
        assert_eq!(words.rates.len(), keyed.rates.len());
        assert!(keyed.rates.len() > 7000, "{}", keyed.rates.len());
        for (key, &rate) in &words.rates {
            let k = keyed.rates.get(key).copied().unwrap_or_else(|| panic!("{key} is missing"));
            assert!((k / rate - 1.0).abs() < 0.0117, "{key}: {k} vs {rate}");
        }
        assert_eq!(words.floor, keyed.floor);
    }

    #[test]
    fn reference_list_parses_buckets_and_groups_by_stem() {
        let list = ReferenceList::parse("# c\n200\tgovern governs\n300\tgoverning\n");
        let (r, known) = list.rate(&group_key("governed"));
        assert!(known && (r - (0.01 + 0.01 + 0.001)).abs() < 1e-12);
        let (floor, known) = list.rate("zzz");
        assert!(!known && (floor - 0.0005).abs() < 1e-12);
        assert!(ReferenceList::english().rate("the").1 && ReferenceList::chinese().rate("发展").1);
    }
}
