//! One sort for the whole crate.
//!
//! The standard library's sorts are generic: each element type and
//! comparator gets its own copy, 2–4 KB of wasm apiece, 45 KB for the 14
//! copies the app had. Here the only generic parts are thin: the work is a
//! merge sort of indices through one `dyn` comparator, compiled once.
//! Lists are small (a catalog's threats and controls, a user's
//! assessments), so the indirection costs nothing measurable.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (stable).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order, stably.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` gives them: a bottom-up merge
/// sort, stable, O(n log n).
#[inline(never)]
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right run only when strictly less: stable.
                let right = j < end && (i >= mid || cmp(from[j], from[i]) == Ordering::Less);
                if right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // A fixed pseudo-random sequence, many lengths, many ties.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for n in 0..200 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = v.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "n = {n}");
        }
    }

    #[test]
    fn natural_order_and_reverse_comparators() {
        let mut v = vec![3, 1, 2, 5, 4, 1];
        sort(&mut v);
        assert_eq!(v, [1, 1, 2, 3, 4, 5]);
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [5, 4, 3, 2, 1, 1]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
