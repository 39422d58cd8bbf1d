//! Sorting the short lists the engine and its callers order for display: header names of one
//! request, a response's findings, the catalogue entries a paste resembles. Each is a few dozen
//! items at most, and the code that builds each already compares every pair (to drop repeats).
//!
//! Why not `slice::sort_by_key`: the standard library's sorts are built for any length, and each
//! element type and key function gets its own copy of that code, 3 to 8 KB of WebAssembly apiece
//! (docs/performance.md, "What is in the module"). An insertion sort is a few dozen bytes per copy,
//! and on lists this short it is as fast.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of items with equal keys (a stable sort). Quadratic:
/// for short lists only.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, keeping the order of items that compare equal (a stable sort).
/// Quadratic: for short lists only.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{sort_by, sort_by_key};

    /// Every arrangement of `items`, by Heap's algorithm.
    fn permutations(items: &mut Vec<(u8, usize)>, k: usize, out: &mut Vec<Vec<(u8, usize)>>) {
        if k <= 1 {
            out.push(items.clone());
            return;
        }
        for i in 0..k {
            permutations(items, k - 1, out);
            let j = if k & 1 == 0 { i } else { 0 };
            items.swap(j, k - 1);
        }
    }

    #[test]
    fn orders_every_arrangement_as_the_standard_stable_sort_does() {
        // Keys with repeats; the second field tells equal keys apart, so stability shows.
        let keys = [3, 1, 2, 1, 3, 0, 2];
        let mut items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut all = Vec::new();
        permutations(&mut items, keys.len(), &mut all);
        assert_eq!(all.len(), 5040);
        for arrangement in all {
            let mut ours = arrangement.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut by = arrangement.clone();
            sort_by(&mut by, |a, b| b.0.cmp(&a.0));
            let mut std = arrangement.clone();
            std.sort_by_key(|item| item.0);
            assert_eq!(ours, std);
            let mut std_reversed = arrangement;
            std_reversed.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(by, std_reversed);
        }
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_by_key(&mut one, |x| *x);
        assert_eq!(one, [7]);
    }
}
