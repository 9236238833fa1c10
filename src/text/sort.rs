//! One stable sort for the whole crate, compiled once.
//!
//! The standard library's `sort_by` and `sort_unstable` are instantiated afresh for every distinct
//! comparator closure: about 5 KB of wasm each, 103 KB of the light module's code over ~20 call
//! sites (docs/weight.md). Here every call sorts a vector of `u32` positions with one bottom-up
//! merge sort that takes the comparator as `&mut dyn FnMut` (so it exists once in the binary), then
//! moves the elements into that order in place. Sorting is never the hot part of an analysis;
//! the dynamic call per comparison costs little next to the comparisons themselves.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same result as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    assert!(v.len() <= u32::MAX as usize, "sort: more than 2^32 elements");
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    {
        let items: &[T] = v;
        merge_sort(&mut order, &mut |a, b| cmp(&items[a as usize], &items[b as usize]));
    }
    permute(v, &mut order);
}

/// Moves to the front of `v`, in order, the first `k` elements of the stable order by `cmp` (what
/// `sort_by` would leave in `v[..k]`); the rest follow in no particular order. For a ranking of
/// which only the top is read: selecting it costs a few comparisons per element, where sorting
/// everything costs one per halving.
#[cfg(feature = "zh")]
pub(crate) fn sort_head_by<T>(v: &mut [T], k: usize, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if k >= v.len() {
        return sort_by(v, cmp);
    }
    assert!(v.len() <= u32::MAX as usize, "sort: more than 2^32 elements");
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    {
        let items: &[T] = v;
        // Ties broken by position: a total order, whose first k are the stable sort's.
        let cmp = &mut |a: u32, b: u32| cmp(&items[a as usize], &items[b as usize]).then(a.cmp(&b));
        if !select(&mut order, k, cmp) {
            merge_sort(&mut order, cmp);
        } else {
            let mut head = order[..k].to_vec();
            merge_sort(&mut head, cmp);
            order[..k].copy_from_slice(&head);
        }
    }
    permute(v, &mut order);
}

/// [`sort_by`], in the light module (no `zh`; every first visit loads it): the selection is code
/// the first visit's budget has no room for, and an English article's lists are short.
#[cfg(not(feature = "zh"))]
pub(crate) fn sort_head_by<T>(v: &mut [T], _k: usize, cmp: impl FnMut(&T, &T) -> Ordering) {
    sort_by(v, cmp);
}

/// Quickselect: rearranges `idx` so that its first `k` positions hold the `k` smallest by `cmp`
/// (a total order), in no particular order. Gives up (false) after more rounds than a fair
/// input needs, leaving `idx` a permutation, for the caller to sort instead.
#[cfg(feature = "zh")]
fn select(idx: &mut [u32], k: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> bool {
    let (mut lo, mut hi) = (0, idx.len());
    let mut rounds = 2 * (usize::BITS - idx.len().leading_zeros()) + 4;
    while hi - lo > 1 {
        if rounds == 0 {
            return false;
        }
        rounds -= 1;
        // Median of three as the pivot, moved to the end; then a Lomuto partition.
        let mid = lo + (hi - lo) / 2;
        let last = hi - 1;
        if cmp(idx[mid], idx[lo]) == Ordering::Less {
            idx.swap(mid, lo);
        }
        if cmp(idx[last], idx[mid]) == Ordering::Less {
            idx.swap(last, mid);
            if cmp(idx[mid], idx[lo]) == Ordering::Less {
                idx.swap(mid, lo);
            }
        }
        idx.swap(mid, last);
        let pivot = idx[last];
        let mut store = lo;
        for i in lo..last {
            if cmp(idx[i], pivot) == Ordering::Less {
                idx.swap(i, store);
                store += 1;
            }
        }
        idx.swap(store, last);
        // idx[store] is in its final place: everything before it is smaller.
        match store.cmp(&k) {
            Ordering::Equal => return true,
            Ordering::Greater => hi = store,
            Ordering::Less if store + 1 == k => return true,
            Ordering::Less => lo = store + 1,
        }
    }
    true
}

/// Sorts `v` stably by the key `key` gives: the same result as `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order: the same result as `v.sort()` (and as `v.sort_unstable()`,
/// since equal elements of an `Ord` type are interchangeable).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` with the standard library's unstable sort: for the few large arrays of integers
/// (hundreds of thousands of positions) where it is markedly faster than [`sort`]. Each element
/// type instantiates it once more, so it stays the exception. Same result as [`sort`] (equal
/// integers are interchangeable), so the page's light module (built without `zh`, for articles)
/// takes [`sort`] instead: the standard sort's 3.5 KB of code (1.2 KB gzip) is not worth the few
/// microseconds it saves on an article; long texts go to the full module.
#[cfg(feature = "zh")]
#[allow(clippy::disallowed_methods)]
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    v.sort_unstable();
}

/// [`sort`], in the light module (see the `zh` build's `sort_unstable`).
#[cfg(not(feature = "zh"))]
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    sort(v);
}

/// Bottom-up merge sort of positions; stable (on ties the left run's element goes first).
fn merge_sort(idx: &mut Vec<u32>, cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = idx.len();
    // Runs of up to 8 by insertion sort first: fewer passes, and small inputs never allocate.
    const RUN: usize = 8;
    for chunk in idx.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && cmp(chunk[j], chunk[j - 1]) == Ordering::Less {
                chunk.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return;
    }
    let mut buf = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut a, mut b, mut k) = (lo, mid, lo);
            while a < mid && b < hi {
                if cmp(idx[b], idx[a]) == Ordering::Less {
                    buf[k] = idx[b];
                    b += 1;
                } else {
                    buf[k] = idx[a];
                    a += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - a)].copy_from_slice(&idx[a..mid]);
            k += mid - a;
            buf[k..k + (hi - b)].copy_from_slice(&idx[b..hi]);
            lo = hi;
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
}

/// Rearranges `v` so that position `k` holds the element that was at `order[k]`, following the
/// permutation's cycles with swaps (no copy of `T`); `order` is used up.
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::unnecessary_sort_by)] // compared with the standard library's sorts
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): xorshift.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn same_as_the_standard_stable_sort() {
        for (seed, n, range) in [(1, 0, 1), (2, 1, 5), (3, 7, 3), (4, 8, 3), (5, 9, 3), (6, 100, 10), (7, 1000, 1000), (8, 4097, 17), (9, 10_000, 2)]
        {
            // Pairs (key, original position): a stable sort by key keeps positions ascending.
            let data: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().zip(0..).collect();
            let mut ours = data.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = data.clone();
            std.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, std, "seed {seed}, {n} elements");
            let mut desc = data.clone();
            sort_by_key(&mut desc, |p| std::cmp::Reverse(p.0));
            let mut std_desc = data;
            std_desc.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(desc, std_desc);
        }
    }

    #[test]
    fn the_head_is_the_stable_sort_s() {
        for (seed, n, range) in [(1, 0, 1), (2, 1, 5), (3, 7, 3), (6, 100, 10), (7, 1000, 1000), (8, 4097, 17), (9, 10_000, 2), (10, 3000, 3000)] {
            let data: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().zip(0..).collect();
            let mut full = data.clone();
            full.sort_by(|a, b| b.0.cmp(&a.0));
            for k in [0, 1, 2, n / 3, n.saturating_sub(1), n, n + 5] {
                let mut head = data.clone();
                sort_head_by(&mut head, k, |a, b| b.0.cmp(&a.0));
                let k = k.min(n);
                assert_eq!(head[..k], full[..k], "seed {seed}, {n} elements, head {k}");
                let mut rest: Vec<usize> = head.iter().map(|p| p.1).collect();
                rest.sort();
                assert_eq!(rest, (0..n).collect::<Vec<_>>(), "a permutation");
            }
        }
        // Already sorted, reversed and constant inputs (a quickselect's bad cases) still work.
        for data in [(0..5000u32).collect::<Vec<_>>(), (0..5000u32).rev().collect(), vec![7; 5000]] {
            let mut head = data.clone();
            sort_head_by(&mut head, 100, |a, b| a.cmp(b));
            let mut full = data;
            full.sort();
            assert_eq!(head[..100], full[..100]);
        }
    }

    #[test]
    fn sorts_owned_values_without_copying() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "banana"].iter().map(|s| s.to_string()).collect();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "banana", "fig", "pear"]);
        let mut already = vec![1, 2, 3];
        sort(&mut already);
        assert_eq!(already, [1, 2, 3]);
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, (0..50).collect::<Vec<_>>());
    }
}
