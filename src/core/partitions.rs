//! Partitioned queues (`Queue.partitions` in the proto): one queue spread over N
//! hash tags, each partition a queue of its own in the store
//! ([`crate::model::Partition`]) with its share of the queue-wide limits. The
//! dispatcher, the sweeps and the scripts serve each partition like any queue; the
//! core routes pushes, fans changes and reads out to the partitions, and sums
//! their counts.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use super::Htq;
use super::batch::{self, Committed};
use crate::error::{Error, Result};
use crate::model::{Partition, Queue, TaskCounts, now_ms};
use crate::store::NewRow;

/// Most partitions of one queue.
pub(super) const MAX_PARTITIONS: i64 = 64;

/// Partition counts of the queues this process pushed to. A stale count is safe:
/// a partition's name holds the count, so a push by an old count finds no such
/// partition (and a partitioned queue's own keys refuse tasks), reads the count
/// again and goes on.
#[derive(Debug, Default)]
pub(super) struct Routes {
    counts: Mutex<HashMap<String, u32>>,
    /// Spreads tasks that carry no key over the partitions.
    turn: AtomicU32,
}

impl Routes {
    fn get(&self, queue: &str) -> Option<u32> {
        self.lock().get(queue).copied()
    }

    fn set(&self, queue: &str, n: u32) {
        self.lock().insert(queue.to_owned(), n);
    }

    pub(super) fn forget(&self, queue: &str) {
        self.lock().remove(queue);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, u32>> {
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The partition of `n` a row goes to: by flow key, else by idempotency key, else
/// (when callers chose the ids) by id, else in turn.
fn route(row: &NewRow, n: u32, by_id: bool, turn: &AtomicU32) -> u32 {
    match (&row.flow_key, &row.idempotency_key) {
        (Some(k), _) | (None, Some(k)) => Partition::route(k, n),
        (None, None) if by_id => Partition::route(&row.id, n),
        (None, None) => turn.fetch_add(1, Ordering::Relaxed) % n,
    }
}

impl Htq {
    /// How many partitions `queue` has (1 for an unknown queue: its push then
    /// finds no queue); `fresh` reads it again.
    async fn partition_count(&self, queue: &str, fresh: bool) -> Result<u32> {
        if !fresh && let Some(n) = self.routes.get(queue) {
            return Ok(n);
        }
        match self.store.queue_partitions(queue).await? {
            Some(n) => {
                self.routes.set(queue, n);
                Ok(n)
            }
            None => {
                self.routes.forget(queue);
                Ok(1)
            }
        }
    }

    /// The store names holding `queue`'s tasks: its partitions, or the queue
    /// itself. NOT_FOUND when there is no such queue.
    pub(super) async fn members(&self, queue: &str) -> Result<Vec<String>> {
        let n = self
            .store
            .queue_partitions(queue)
            .await?
            .ok_or_else(|| Error::NotFound(format!("queue {queue:?}")))?;
        Ok(match n {
            1 => vec![queue.to_owned()],
            n => (0..n).map(|i| Partition::name(queue, i, n)).collect(),
        })
    }

    /// Stores validated rows in `queue`, each in its partition when the queue has
    /// several (all or none within each partition), grouped with other callers'
    /// pushes unless `chosen` (callers chose ids: an id that exists refuses this
    /// call alone). With `create`, a missing queue is created (never partitioned).
    pub(super) async fn push_rows(
        &self,
        queue: &str,
        rows: Vec<NewRow>,
        chosen: bool,
        create: Option<Queue>,
    ) -> Result<Committed> {
        let n = self.partition_count(queue, false).await?;
        let first = self
            .push_split(queue, n, &rows, chosen, create.clone())
            .await;
        match first {
            // A count read before the queue was re-created: read it again.
            Err(Error::NotFound(_)) => {
                let again = self.partition_count(queue, true).await?;
                if again == n {
                    return first;
                }
                self.push_split(queue, again, &rows, chosen, create).await
            }
            r => r,
        }
    }

    /// [`Htq::push_rows`] by a known partition count.
    async fn push_split(
        &self,
        queue: &str,
        n: u32,
        rows: &[NewRow],
        chosen: bool,
        create: Option<Queue>,
    ) -> Result<Committed> {
        if n <= 1 {
            return self.push_one(queue, rows.to_vec(), chosen, create).await;
        }
        let mut groups: Vec<(Vec<usize>, Vec<NewRow>)> = vec![Default::default(); n as usize];
        for (i, row) in rows.iter().enumerate() {
            let p = route(row, n, chosen, &self.routes.turn) as usize;
            groups[p].0.push(i);
            groups[p].1.push(row.clone());
        }
        let pushes = groups
            .into_iter()
            .enumerate()
            .filter(|(_, (_, rows))| !rows.is_empty())
            .map(|(p, (index, rows))| async move {
                let name = Partition::name(queue, p as u32, n);
                (index, self.push_one(&name, rows, chosen, None).await)
            });
        let mut out = Committed::default();
        let mut failed = None;
        for (index, r) in futures::future::join_all(pushes).await {
            match r {
                Ok(c) => out
                    .duplicates
                    .extend(c.duplicates.into_iter().map(|(i, id)| (index[i], id))),
                // NOT_FOUND only when no partition was found (a stale count): else
                // the error of a partition that failed.
                Err(Error::NotFound(m)) => {
                    failed.get_or_insert(Error::NotFound(m));
                }
                Err(e) => failed = Some(e),
            }
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// Stores rows in one store queue (a queue or a partition).
    async fn push_one(
        &self,
        name: &str,
        rows: Vec<NewRow>,
        chosen: bool,
        create: Option<Queue>,
    ) -> Result<Committed> {
        if !chosen {
            return batch::push(&self.batcher, name, rows, create).await;
        }
        let now = now_ms();
        let pushed = self
            .store
            .push(name, &rows, create.as_ref(), true, now)
            .await?;
        self.batcher
            .committer()
            .stored(name, rows.len(), &pushed, now);
        Ok(Committed {
            duplicates: pushed.duplicates,
            created: pushed.created,
        })
    }

    /// Creates the partitions of `q` (already checked not to exist), each with its
    /// share; one left by an earlier attempt that stopped half way gets its share
    /// written again.
    pub(super) async fn create_partitions(&self, q: &Queue) -> Result<()> {
        for i in 0..q.partitions {
            let p = q.partition_settings(i);
            if !self.store.create_queue(&p).await?
                && let Some(old) = self.store.get_queue(&p.name).await?
            {
                self.store.update_queue(&old, &p).await?;
            }
        }
        Ok(())
    }

    /// Writes the shares of `new` to each partition (the settings that changed
    /// from `old`), ahead of the queue's own settings.
    pub(super) async fn update_partitions(&self, old: &Queue, new: &Queue) -> Result<()> {
        for i in 0..new.partitions {
            let (was, is) = (old.partition_settings(i), new.partition_settings(i));
            if !self.store.update_queue(&was, &is).await? {
                tracing::warn!(partition = %is.name.replace(Partition::MARK, "#"), "partition missing: settings not written");
            }
            self.waker.wake_now(&is.name);
        }
        Ok(())
    }

    /// Task counts of a queue, its partitions' summed.
    pub(super) async fn counts(&self, queue: &str) -> Result<TaskCounts> {
        let now = now_ms();
        let mut sum = TaskCounts::default();
        for name in self.members(queue).await? {
            sum += self.store.count_tasks(&name, now).await?;
        }
        Ok(sum)
    }

    /// The sum of `f` over the store names of `queue`'s tasks (NOT_FOUND when one
    /// is gone), each woken after: `f` changes what its dispatcher may take.
    pub(super) async fn sum_in<F, Fut>(&self, queue: &str, f: F) -> Result<u64>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<Option<u64>>>,
    {
        let mut n = 0;
        for name in self.members(queue).await? {
            n += f(name.clone())
                .await?
                .ok_or_else(|| Error::NotFound(format!("queue {queue:?}")))?;
            self.waker.wake_now(&name);
        }
        Ok(n)
    }

    /// The first `Some` of `f` over the store names of `queue`'s tasks, with the
    /// name it came from: a task lives in one partition.
    pub(super) async fn find_in<T, F, Fut>(&self, queue: &str, f: F) -> Result<Option<(String, T)>>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<Option<T>>>,
    {
        for name in self.members(queue).await? {
            if let Some(t) = f(name.clone()).await? {
                return Ok(Some((name, t)));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, flow: Option<&str>, idem: Option<&str>) -> NewRow {
        NewRow {
            id: id.into(),
            flow_key: flow.map(Into::into),
            idempotency_key: idem.map(Into::into),
            ..Default::default()
        }
    }

    #[test]
    fn keys_pick_partitions_and_the_rest_take_turns() {
        let turn = AtomicU32::new(0);
        // A flow key always lands in the same partition, whatever else the task has.
        let p = route(&row("a", Some("k"), None), 8, false, &turn);
        for id in ["b", "c", "d"] {
            assert_eq!(route(&row(id, Some("k"), Some(id)), 8, true, &turn), p);
        }
        assert_eq!(
            route(&row("x", None, Some("i")), 8, false, &turn),
            Partition::route("i", 8)
        );
        assert_eq!(
            route(&row("x", None, None), 8, true, &turn),
            Partition::route("x", 8)
        );
        // Keyless tasks go round.
        let spread: Vec<u32> = (0..8)
            .map(|i| route(&row(&i.to_string(), None, None), 8, false, &turn))
            .collect();
        let mut sorted = spread.clone();
        sorted.sort();
        assert_eq!(sorted, (0..8).collect::<Vec<_>>());
        // Many keys use every partition.
        let used: std::collections::HashSet<u32> = (0..200)
            .map(|i| Partition::route(&format!("user-{i}"), 8))
            .collect();
        assert_eq!(used.len(), 8);
    }

    #[test]
    fn shares_add_up_to_the_queue_limits() {
        let mut q = Queue::new("q", crate::model::QueueKind::RealTime);
        q.partitions = 4;
        q.max_concurrency = 10;
        q.rate = 100.0;
        q.burst = 5;
        let shares: Vec<Queue> = (0..4).map(|i| q.partition_settings(i)).collect();
        assert_eq!(
            shares.iter().map(|p| p.max_concurrency).collect::<Vec<_>>(),
            [3, 3, 2, 2]
        );
        assert!(
            shares
                .iter()
                .all(|p| p.rate == 25.0 && p.burst == 2 && p.partitions == 1)
        );
        assert_eq!(shares[3].name, "q\u{1f}3/4");
        assert_eq!(
            Partition::of(&shares[3].name),
            Some(Partition {
                queue: "q",
                index: 3,
                count: 4
            })
        );
        assert_eq!(Partition::of("q"), None);
        assert_eq!(Partition::queue_of(&shares[1].name), "q");
    }
}
