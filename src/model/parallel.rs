//! Work shared over the machine's cores, for the native tools (reading and typesetting an
//! archive, rendering its pages); in the browser, one item after another.

/// `f` applied to every item, the results in the items' order. Natively, item `i` goes to
/// thread `i % n`, `n` the cores: runs of heavier items (the tag pages at the end of the route
/// list, a series of long articles) are shared out instead of falling to one thread.
pub fn map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(items.len());
        if threads > 1 {
            let len = items.len();
            let mut shares: Vec<Vec<(usize, T)>> = (0..threads)
                .map(|_| Vec::with_capacity(len.div_ceil(threads)))
                .collect();
            for (i, item) in items.into_iter().enumerate() {
                shares[i % threads].push((i, item));
            }
            let f = &f;
            let done: Vec<Vec<(usize, U)>> = std::thread::scope(|scope| {
                let workers: Vec<_> = shares
                    .into_iter()
                    .map(|share| {
                        scope.spawn(move || {
                            share
                                .into_iter()
                                .map(|(i, item)| (i, f(item)))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    // A panic in `f` goes on as it would have without threads.
                    .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
            let mut out: Vec<Option<U>> = (0..len).map(|_| None).collect();
            for (i, result) in done.into_iter().flatten() {
                out[i] = Some(result);
            }
            return out.into_iter().flatten().collect();
        }
    }
    items.into_iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn every_item_is_mapped_once_in_order() {
        for n in [0, 1, 2, 3, 63, 64, 65, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let expected: Vec<String> = items.iter().map(|i| format!("<{i}>")).collect();
            assert_eq!(map(items, |i| format!("<{i}>")), expected, "{n} items");
        }
    }

    #[test]
    fn the_work_is_shared_out_over_the_threads() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = map((0..64).collect(), |_| std::thread::current().id());
        let mut distinct = threads.clone();
        distinct.sort_by_key(|id| format!("{id:?}"));
        distinct.dedup();
        assert_eq!(distinct.len(), cores.min(64));
        // Item i on thread i mod n: neighbours never share a thread when there are several.
        if cores > 1 {
            assert!(threads.windows(2).all(|w| w[0] != w[1]));
        }
    }
}
