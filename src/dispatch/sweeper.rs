//! A sweeper of one time index (see [`crate::store::Index`]): the lease sweeper takes
//! back tasks whose HTQ process died mid-request; the janitor applies the time
//! bounds nothing else triggers (dead letters past their age, finished tasks past
//! the retention, expired idempotency keys).
//!
//! Whatever makes work for a sweeper notes its queue in the index ([`Sweeper::note`]):
//! claims note their lease deadlines, pushes with an idempotency key and cancels of
//! retained tasks note maintenance. The sweeper sleeps until the earliest entry (at
//! most `max_sleep`, to see entries other processes added), takes each due entry
//! atomically (one process wins), runs its sweep on that queue, and settles the
//! entry to the next time the sweep reports. An idle server asks Redis one read per
//! `max_sleep`.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::model::now_ms;
use crate::store::{Index, Store};

/// How long a taken entry is held before another process may retry it (if the
/// taker died mid-sweep).
const HOLD: i64 = 60_000;
/// Queues taken per pass.
const PASS: usize = 100;

/// The sweeper of one index; cheap to clone.
#[derive(Clone)]
pub struct Sweeper {
    inner: Arc<Inner>,
}

struct Inner {
    index: Index,
    store: Store,
    max_sleep: Duration,
    /// Told when a note is earlier than `planned`.
    noted: Notify,
    /// When the sweeper plans to look next (ms); i64::MAX while it reads its index.
    planned: AtomicI64,
}

impl Sweeper {
    /// A sweeper of `index` that looks at least every `max_sleep`; it sweeps once
    /// [`Sweeper::run`] runs.
    pub fn new(store: Store, index: Index, max_sleep: Duration) -> Sweeper {
        Sweeper {
            inner: Arc::new(Inner {
                index,
                store,
                max_sleep,
                noted: Notify::new(),
                planned: AtomicI64::new(i64::MAX),
            }),
        }
    }

    /// Notes that `queue` needs a look at `at` (ms), without waiting.
    pub fn note(&self, queue: &str, at: i64) {
        let (this, queue) = (self.inner.clone(), queue.to_owned());
        tokio::spawn(async move {
            match this.store.note(this.index, &queue, at).await {
                Ok(()) => {
                    if at < this.planned.load(Ordering::Relaxed) {
                        this.noted.notify_one();
                    }
                }
                Err(e) => {
                    tracing::warn!(queue = %queue, index = ?this.index, error = %e, "cannot note in the index")
                }
            }
        });
    }

    /// Sweeps until `stop`: `sweep(queue, now)` does the work on one queue whose
    /// time has come and returns its next time (None: nothing left to look at).
    pub async fn run<F, Fut>(self, stop: CancellationToken, sweep: F)
    where
        F: Fn(String, i64) -> Fut,
        Fut: Future<Output = crate::Result<Option<i64>>>,
    {
        let this = &self.inner;
        loop {
            // While reading the index, any note counts as earlier than planned: one
            // that lands between the read and the sleep still wakes this loop.
            this.planned.store(i64::MAX, Ordering::Relaxed);
            let limit = this.max_sleep.as_millis() as i64;
            let wait = match this.store.next_check(this.index).await {
                Ok(Some(at)) => Duration::from_millis((at - now_ms()).clamp(0, limit) as u64),
                Ok(None) => this.max_sleep,
                Err(e) => {
                    tracing::warn!(index = ?this.index, error = %e, "sweeper: cannot read the index");
                    Duration::from_secs(1)
                }
            };
            this.planned
                .store(now_ms() + wait.as_millis() as i64, Ordering::Relaxed);
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = this.noted.notified() => continue,
                _ = stop.cancelled() => return,
            }
            if let Err(e) = this.pass(&stop, &sweep).await {
                tracing::warn!(index = ?this.index, error = %e, "sweep failed");
            }
        }
    }
}

impl Inner {
    async fn pass<F, Fut>(&self, stop: &CancellationToken, sweep: &F) -> crate::Result<()>
    where
        F: Fn(String, i64) -> Fut,
        Fut: Future<Output = crate::Result<Option<i64>>>,
    {
        let now = now_ms();
        for queue in self.store.checks_due(self.index, now, PASS).await? {
            if stop.is_cancelled() {
                return Ok(());
            }
            let hold = now + HOLD;
            if !self.store.take_check(self.index, &queue, now, hold).await? {
                continue;
            }
            let next = sweep(queue.clone(), now).await?;
            self.store
                .settle_check(self.index, &queue, hold, next)
                .await?;
        }
        Ok(())
    }
}

impl crate::wake::Notes for Sweeper {
    fn note(&self, queue: &str, at_ms: i64) {
        Sweeper::note(self, queue, at_ms)
    }
}

/// The lease sweep of one queue: takes back tasks whose lease expired, wakes the
/// queue for them, and notes the maintenance of those dead-lettered.
pub(crate) async fn recover_leases(
    shared: Arc<super::Shared>,
    queue: String,
    now: i64,
) -> crate::Result<Option<i64>> {
    let r = shared.store.recover(&queue, now).await?;
    if r.taken > 0 {
        tracing::warn!(queue = %queue, tasks = r.taken, "took back tasks whose lease expired");
        shared.waker.wake_now(&queue);
        // Some may have been dead-lettered: the janitor works out when they expire.
        shared.maintenance.note(&queue, now);
    }
    // Outcomes whose callbacks a process that died did not push (or that died
    // here by their lease): pushed now; what cannot be is looked at again soon.
    if r.outbox > 0 {
        let left = match super::callbacks::relay(&shared, &queue).await {
            Ok(left) => left,
            Err(e) => {
                tracing::warn!(queue = %queue, error = %e, "cannot relay callbacks");
                r.outbox
            }
        };
        if left > 0 {
            let soon = now + OUTBOX_RETRY_MS;
            return Ok(Some(r.next.map_or(soon, |n| n.min(soon))));
        }
    }
    Ok(r.next)
}

/// How soon the lease sweep looks again at outbox entries it could not relay, ms.
const OUTBOX_RETRY_MS: i64 = 30_000;

/// Items of each kind one maintain call handles.
const MAINTAIN_LIMIT: u32 = 1000;

/// The janitor's sweep of one queue: applies its time bounds.
pub(crate) async fn apply_time_bounds(
    shared: Arc<super::Shared>,
    queue: String,
    now: i64,
) -> crate::Result<Option<i64>> {
    Ok(
        match shared.store.maintain(&queue, now, MAINTAIN_LIMIT).await? {
            Some(m) => {
                if m.evicted > 0 || m.removed > 0 {
                    tracing::info!(queue = %queue, evicted = m.evicted, removed = m.removed, "time bounds applied");
                }
                m.next
            }
            None => None,
        },
    )
}
