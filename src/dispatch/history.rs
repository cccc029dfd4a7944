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

/// Attempts tallied since the last flush: (slot start, kind, queue) -> count.
#[derive(Default)]
pub struct History {
    counts: Mutex<HashMap<(i64, String, String), i64>>,
    /// Queues whose depth was not zero when last sampled: sampled again until it is.
    backlog: Mutex<HashSet<String>>,
}

impl History {
    fn add(&self, at: i64, kind: String, queue: &str, n: i64) {
        let slot = at - at.rem_euclid(HISTORY_STEP_MS);
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        *counts.entry((slot, kind, queue.to_owned())).or_default() += n;
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
        let (queue, now) = (Partition::queue_of(queue), now_ms());
        self.add(now, "d".into(), queue, 1);
        if let Some(d) = delay_ms {
            self.add(now, format!("w{}", bucket(d)), queue, 1);
        }
    }

    /// A request of `queue` ended after `took_ms`, failed or not.
    pub fn finished(&self, queue: &str, took_ms: i64, failed: bool) {
        let (queue, now) = (Partition::queue_of(queue), now_ms());
        self.add(now, format!("l{}", bucket(took_ms)), queue, 1);
        if failed {
            self.add(now, "e".into(), queue, 1);
        }
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
                .map(|((at, kind, q), n)| (at, kind, q, n))
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
