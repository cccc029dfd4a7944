//! The dashboard's history, this process's part: attempts are tallied here per
//! queue and slot, and flushed to Redis (see store/history.rs) every
//! `history_every` with the depth of each queue that had work; a process with
//! nothing to tell writes nothing.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Shared;
use crate::model::{Partition, now_ms};
use crate::store::{HISTORY_BUCKETS_MS, HISTORY_STEP_MS};

/// The histogram bucket of `ms`.
fn bucket(ms: i64) -> usize {
    HISTORY_BUCKETS_MS
        .iter()
        .position(|b| ms <= *b)
        .unwrap_or(HISTORY_BUCKETS_MS.len())
}

/// What a tally counts: its field in the history is `d`, `e`, `l<bucket>` or
/// `w<bucket>` (see store/history.rs).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Dispatched,
    Failed,
    Duration(usize),
    Delay(usize),
}

impl Kind {
    fn field(self) -> String {
        match self {
            Kind::Dispatched => "d".into(),
            Kind::Failed => "e".into(),
            Kind::Duration(b) => format!("l{b}"),
            Kind::Delay(b) => format!("w{b}"),
        }
    }
}

/// One queue's tallies: (slot start, kind) -> count.
type Tallies = HashMap<(i64, Kind), i64>;

/// Attempts tallied since the last flush, by queue. Tallied on every attempt:
/// nothing is allocated but a queue's first entry.
#[derive(Default)]
pub struct History {
    counts: Mutex<HashMap<String, Tallies>>,
    /// Queues whose depth was not zero when last sampled: sampled again until it is.
    backlog: Mutex<HashSet<String>>,
}

impl History {
    /// Counts one of each of `kinds` for `queue` (a store name) now.
    fn add(&self, queue: &str, kinds: &[Option<Kind>]) {
        let queue = Partition::queue_of(queue);
        let now = now_ms();
        let slot = now - now.rem_euclid(HISTORY_STEP_MS);
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        if !counts.contains_key(queue) {
            counts.insert(queue.to_owned(), HashMap::new());
        }
        let Some(per) = counts.get_mut(queue) else {
            return;
        };
        for kind in kinds.iter().flatten() {
            *per.entry((slot, *kind)).or_default() += 1;
        }
    }

    /// `queue` (a store name) may have tasks: its depth is sampled at the next
    /// flush, and at each one after until it has none.
    pub fn watch(&self, queue: &str) {
        let queue = Partition::queue_of(queue);
        let mut backlog = self.backlog.lock().unwrap_or_else(|e| e.into_inner());
        if !backlog.contains(queue) {
            backlog.insert(queue.to_owned());
        }
    }

    /// A request of `queue` (a store name) started, `delay_ms` late (first
    /// attempts).
    pub fn dispatched(&self, queue: &str, delay_ms: Option<i64>) {
        let delay = delay_ms.map(|d| Kind::Delay(bucket(d)));
        self.add(queue, &[Some(Kind::Dispatched), delay]);
    }

    /// A request of `queue` ended after `took_ms`, failed or not.
    pub fn finished(&self, queue: &str, took_ms: i64, failed: bool) {
        let took = Kind::Duration(bucket(took_ms));
        self.add(queue, &[Some(took), failed.then_some(Kind::Failed)]);
    }
}

/// Flushes the tallies every `every`, with the depth of the queues that had work.
pub(crate) async fn run(shared: Arc<Shared>, every: Duration) {
    loop {
        tokio::select! {
            _ = shared.stop.cancelled() => {}
            _ = tokio::time::sleep(every) => {}
        }
        let counts: Vec<(i64, String, String, i64)> = {
            let mut c = shared
                .history
                .counts
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            c.drain()
                .flat_map(|(q, per)| {
                    per.into_iter()
                        .map(move |((at, kind), n)| (at, kind.field(), q.clone(), n))
                })
                .collect()
        };
        let mut sample: HashSet<String> = counts.iter().map(|(_, _, q, _)| q.clone()).collect();
        sample.extend(
            shared
                .history
                .backlog
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .drain(),
        );
        let now = now_ms();
        let mut depths = Vec::with_capacity(sample.len());
        for queue in sample {
            let Ok(members) = shared.store.queue_partitions(&queue).await else {
                continue;
            };
            let Some(n) = members else { continue };
            let mut depth = 0i64;
            for member in (0..n).map(|i| {
                if n > 1 {
                    Partition::name(&queue, i, n)
                } else {
                    queue.clone()
                }
            }) {
                if let Ok(c) = shared.store.count_tasks(&member, now).await {
                    depth += (c.due + c.scheduled + c.active) as i64;
                }
            }
            if depth > 0 {
                shared
                    .history
                    .backlog
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(queue.clone());
            }
            depths.push((now, queue, depth));
        }
        if !(counts.is_empty() && depths.is_empty())
            && let Err(e) = shared.store.history_add(&counts, &depths).await
        {
            tracing::debug!(error = %e, "cannot write the history");
        }
        if shared.stop.is_cancelled() {
            return;
        }
    }
}
