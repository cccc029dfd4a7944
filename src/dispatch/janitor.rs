//! The janitor: applies the time bounds nothing else triggers: dead letters past
//! their queue's max age, finished tasks past the retention, expired idempotency
//! keys. The bounds by count are applied as tasks die; this loop catches up with
//! time.
//!
//! Whatever creates an expiring item notes its queue in the maintenance index (see
//! [`note`]). Like the lease sweeper, the janitor sleeps until the earliest entry
//! (at most the maintenance period, to see entries other processes added), takes a
//! due entry atomically, runs the maintain script, and sets the entry to the next
//! expiry the script reports. An idle server with nothing to expire asks Redis
//! nothing more than one read per period.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::Shared;
use crate::model::now_ms;
use crate::store::{Index, Store};

/// Items of each kind one script call handles.
const LIMIT: u32 = 1000;
/// How long a taken entry is held before another process may retry it.
const HOLD: i64 = 60_000;

/// Notes that `queue` has something expiring at `at` (ms), without waiting.
pub fn note(store: &Store, waker: &super::Waker, queue: &str, at: i64) {
    let (store, waker, queue) = (store.clone(), waker.clone(), queue.to_owned());
    tokio::spawn(async move {
        match store.note(Index::Maintenance, &queue, at).await {
            Ok(()) => waker.maintenance_at(at),
            Err(e) => tracing::warn!(queue = %queue, error = %e, "cannot note maintenance"),
        }
    });
}

pub(crate) async fn run(shared: Arc<Shared>) {
    let m = shared.waker.maintenance.clone();
    let period = shared.opts.maintain_every;
    loop {
        // While reading the index, any note counts as earlier than planned: a note
        // that lands between the read and the sleep still wakes this loop.
        m.planned.store(i64::MAX, Ordering::Relaxed);
        let wait = match shared.store.next_check(Index::Maintenance).await {
            Ok(Some(at)) => {
                Duration::from_millis((at - now_ms()).clamp(0, period.as_millis() as i64) as u64)
            }
            Ok(None) => period,
            Err(e) => {
                tracing::warn!(error = %e, "janitor: cannot read the index");
                Duration::from_secs(1)
            }
        };
        m.planned
            .store(now_ms() + wait.as_millis() as i64, Ordering::Relaxed);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = m.noted.notified() => continue,
            _ = shared.stop.cancelled() => return,
        }
        if let Err(e) = pass(&shared).await {
            tracing::warn!(error = %e, "janitor: pass failed");
        }
    }
}

async fn pass(shared: &Shared) -> crate::Result<()> {
    let store = &shared.store;
    let now = now_ms();
    for queue in store.checks_due(Index::Maintenance, now, 100).await? {
        if shared.stop.is_cancelled() {
            return Ok(());
        }
        let hold = now + HOLD;
        if !store
            .take_check(Index::Maintenance, &queue, now, hold)
            .await?
        {
            continue;
        }
        let next = match store.maintain(&queue, now, LIMIT).await? {
            Some((evicted, removed, next)) => {
                if evicted > 0 || removed > 0 {
                    tracing::info!(queue = %queue, evicted, removed, "time bounds applied");
                }
                next
            }
            None => None,
        };
        store
            .settle_check(Index::Maintenance, &queue, hold, next)
            .await?;
    }
    Ok(())
}
