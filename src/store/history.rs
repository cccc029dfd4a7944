//! The dashboard's history: what every process dispatched, what failed, how long
//! requests took and how late they started, and queue depths, in 5-second slots
//! of one hash per minute (`<prefix>:hist:<minute ms>`, kept an hour), written by
//! each process's flush (see dispatch/history.rs) and summed by whoever reads.

use std::collections::HashMap;

use super::Store;
use crate::error::Result;

/// The width of one slot of the history, ms.
pub const HISTORY_STEP_MS: i64 = 5_000;
/// How long the history is kept, ms.
pub const HISTORY_KEEP_MS: i64 = 3_600_000;
/// Upper bounds (ms) of the duration and delay histograms' buckets; the last
/// bucket holds the rest.
pub const HISTORY_BUCKETS_MS: [i64; 13] = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
];

/// What one slot of the history holds for a queue (or, summed, for all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slot {
    /// Requests started.
    pub dispatched: i64,
    /// Attempts that failed.
    pub errors: i64,
    /// Tasks waiting or in flight, as last sampled (-1: not sampled).
    pub depth: i64,
    /// Request durations, by [`HISTORY_BUCKETS_MS`] bucket (one more for the rest).
    pub durations: [i64; 14],
    /// Dispatch delays (first attempts: start minus due time), likewise.
    pub delays: [i64; 14],
}

/// One field of a minute's hash: `<slot>:<kind>:<queue>`, kind `d` dispatched, `e`
/// errors, `q` depth, `l<i>` durations in bucket i, `w<i>` delays in bucket i.
fn field(slot: i64, kind: &str, queue: &str) -> String {
    format!("{slot}:{kind}:{queue}")
}

impl Store {
    /// Adds `counts` ((time ms, kind, queue, n)) to the history and sets `depths`
    /// ((time ms, queue, depth)).
    pub async fn history_add(
        &self,
        counts: &[(i64, String, String, i64)],
        depths: &[(i64, String, i64)],
    ) -> Result<()> {
        // Per minute's key: the fields to add to, and the fields to set.
        type Writes = (Vec<(String, i64)>, Vec<(String, i64)>);
        let mut by_key: HashMap<String, Writes> = HashMap::new();
        let key_of = |at: i64| {
            let minute = at - at.rem_euclid(60_000);
            let slot = at.rem_euclid(60_000) / HISTORY_STEP_MS;
            (self.keys.history(minute), slot)
        };
        for (at, kind, queue, n) in counts {
            let (key, slot) = key_of(*at);
            by_key
                .entry(key)
                .or_default()
                .0
                .push((field(slot, kind, queue), *n));
        }
        for (at, queue, depth) in depths {
            let (key, slot) = key_of(*at);
            by_key
                .entry(key)
                .or_default()
                .1
                .push((field(slot, "q", queue), *depth));
        }
        for (key, (incr, set)) in by_key {
            let mut pipe = redis::pipe();
            for (f, n) in incr {
                pipe.cmd("HINCRBY").arg(&key).arg(f).arg(n).ignore();
            }
            for (f, v) in set {
                pipe.cmd("HSET").arg(&key).arg(f).arg(v).ignore();
            }
            pipe.cmd("PEXPIRE")
                .arg(&key)
                .arg(HISTORY_KEEP_MS + 120_000)
                .ignore();
            let _: () = self.query_pipe("history_add", &pipe).await?;
        }
        Ok(())
    }

    /// The history from `from` to `to` (ms), a slot each [`HISTORY_STEP_MS`]: of
    /// `queue`, or of every queue summed (None).
    pub async fn history(
        &self,
        queue: Option<&str>,
        from: i64,
        to: i64,
    ) -> Result<Vec<(i64, Slot)>> {
        let first = from - from.rem_euclid(HISTORY_STEP_MS);
        let mut slots: Vec<(i64, Slot)> = (0..)
            .map(|i| first + i * HISTORY_STEP_MS)
            .take_while(|t| *t <= to)
            .map(|t| {
                (
                    t,
                    Slot {
                        depth: -1,
                        ..Default::default()
                    },
                )
            })
            .collect();
        // The minutes' hashes, read all at once (on a cluster each is in a slot of
        // its own).
        let minutes: Vec<i64> = (0..)
            .map(|i| first - first.rem_euclid(60_000) + i * 60_000)
            .take_while(|m| *m <= to)
            .collect();
        let read = futures::future::try_join_all(minutes.iter().map(|m| async move {
            let fields: HashMap<String, i64> = self
                .query("history", redis::cmd("HGETALL").arg(self.keys.history(*m)))
                .await?;
            Ok::<_, crate::error::Error>(fields)
        }))
        .await?;
        for (minute, fields) in minutes.into_iter().zip(read) {
            for (f, n) in fields {
                let mut parts = f.splitn(3, ':');
                let (Some(slot), Some(kind), Some(q)) = (parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                if queue.is_some_and(|want| want != q) {
                    continue;
                }
                let Ok(slot) = slot.parse::<i64>() else {
                    continue;
                };
                let at = minute + slot * HISTORY_STEP_MS;
                // The slots are every step from `first` on.
                let Some((_, s)) = (at >= first)
                    .then(|| slots.get_mut(((at - first) / HISTORY_STEP_MS) as usize))
                    .flatten()
                else {
                    continue;
                };
                match kind {
                    "d" => s.dispatched += n,
                    "e" => s.errors += n,
                    "q" => s.depth = s.depth.max(0) + n,
                    k => {
                        let (list, i) = match (k.strip_prefix('l'), k.strip_prefix('w')) {
                            (Some(i), _) => (&mut s.durations, i),
                            (_, Some(i)) => (&mut s.delays, i),
                            _ => continue,
                        };
                        if let Some(b) = i.parse::<usize>().ok().and_then(|i| list.get_mut(i)) {
                            *b += n;
                        }
                    }
                }
            }
        }
        Ok(slots)
    }
}
