//! The time indexes and the sweeps they drive.
//!
//! Two global sorted sets of queue -> time, with the same rules: `leases` (when a
//! queue's expired leases must be looked at) and `maint` (when a queue's dead
//! letters, retained tasks or idempotency keys next expire). Noting keeps the
//! earliest time; a sweeper takes a due entry atomically (one process wins), runs the
//! sweep ([`Store::recover`] or [`Store::maintain`]) and settles the entry to the
//! next time the sweep reports.

use super::Store;
use super::reply::{self, Code};
use crate::error::Result;

/// A global index of queue -> time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    /// When a queue's expired leases must be looked at.
    Leases,
    /// When a queue's dead letters, retained tasks or idempotency keys next expire.
    Maintenance,
}

/// What a lease recovery did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recovered {
    /// Tasks taken back (due again, or dead-lettered).
    pub taken: u64,
    /// The earliest lease deadline still running, ms.
    pub next: Option<i64>,
    /// Final outcomes whose callbacks are still to be pushed.
    pub outbox: u64,
}

/// What applying a queue's time bounds did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Maintained {
    /// Dead tasks evicted.
    pub evicted: u64,
    /// Retained finished tasks removed.
    pub removed: u64,
    /// When the next item expires, ms.
    pub next: Option<i64>,
}

impl Store {
    fn index_key(&self, index: Index) -> String {
        match index {
            Index::Leases => self.keys.leases(),
            Index::Maintenance => self.keys.maintenance(),
        }
    }

    /// Notes that `queue` needs a look in `index` at `at` (keeps the earliest).
    pub async fn note(&self, index: Index, queue: &str, at: i64) -> Result<()> {
        let _: i64 = self
            .query(
                "note",
                redis::cmd("ZADD")
                    .arg(self.index_key(index))
                    .arg("LT")
                    .arg(at)
                    .arg(queue),
            )
            .await?;
        Ok(())
    }

    /// The earliest time in `index`, ms.
    pub async fn next_check(&self, index: Index) -> Result<Option<i64>> {
        let first: Vec<(String, f64)> = self
            .query(
                "next_check",
                redis::cmd("ZRANGE")
                    .arg(self.index_key(index))
                    .arg(0)
                    .arg(0)
                    .arg("WITHSCORES"),
            )
            .await?;
        Ok(first.first().map(|(_, s)| *s as i64))
    }

    /// Queues in `index` whose time has come, at most `limit`.
    pub async fn checks_due(&self, index: Index, now: i64, limit: usize) -> Result<Vec<String>> {
        self.query(
            "checks_due",
            redis::cmd("ZRANGE")
                .arg(self.index_key(index))
                .arg("-inf")
                .arg(now)
                .arg("BYSCORE")
                .arg("LIMIT")
                .arg(0)
                .arg(limit),
        )
        .await
    }

    /// Takes the entry of `queue` in `index` (see index_take.lua): true when this
    /// caller won it.
    pub async fn take_check(
        &self,
        index: Index,
        queue: &str,
        now: i64,
        hold_until: i64,
    ) -> Result<bool> {
        let mut call = self.call(&self.scripts.index_take, &[&self.index_key(index)]);
        call.arg(queue).arg(now).arg(hold_until);
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::NotTaken => Ok(false),
            _ => Err(reply.unexpected("index_take")),
        }
    }

    /// Sets the next time of `queue` in `index` after a sweep (see
    /// index_settle.lua).
    pub async fn settle_check(
        &self,
        index: Index,
        queue: &str,
        held: i64,
        next: Option<i64>,
    ) -> Result<()> {
        let mut call = self.call(&self.scripts.index_settle, &[&self.index_key(index)]);
        call.arg(queue)
            .arg(held)
            .arg(next.map(|n| n.to_string()).unwrap_or_default());
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(()),
            _ => Err(reply.unexpected("index_settle")),
        }
    }

    /// Takes back a queue's tasks whose lease expired before `now`.
    pub async fn recover(&self, queue: &str, now: i64) -> Result<Recovered> {
        let k = self.keys.queue(queue);
        let mut call = self.call(
            &self.scripts.recover,
            &[&k.due, &k.active, &k.state, &k.dead],
        );
        call.arg(now)
            .arg(self.opts.max_interruptions)
            .arg(self.opts.recover_batch)
            .arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, now));
        let reply = self.run_coded(&call).await?;
        if reply.code != Code::Done {
            return Err(reply.unexpected("recover"));
        }
        Ok(Recovered {
            taken: reply::int(reply.get(0)?)?.max(0) as u64,
            next: reply::opt_ms(reply.get(1)?)?,
            outbox: reply::int(reply.get(2)?)?.max(0) as u64,
        })
    }

    /// Applies a queue's time bounds at `now` (dead-letter age and count,
    /// finished-task retention, the dedup window), at most `limit` items of each
    /// kind; None when the queue is gone.
    pub async fn maintain(&self, queue: &str, now: i64, limit: u32) -> Result<Option<Maintained>> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.maintain, &[&k.settings]);
        call.arg(now).arg(limit);
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(Some(Maintained {
                evicted: reply::int(reply.get(0)?)?.max(0) as u64,
                removed: reply::int(reply.get(1)?)?.max(0) as u64,
                next: reply::opt_ms(reply.get(2)?)?,
            })),
            Code::NoQueue => Ok(None),
            _ => Err(reply.unexpected("maintain")),
        }
    }
}
