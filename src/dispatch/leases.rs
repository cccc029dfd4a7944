//! The lease sweeper: takes back tasks whose HTQ process died mid-request.
//!
//! Claims note each queue's earliest lease deadline in a global index (`leases`).
//! The sweeper sleeps until the earliest entry (or at most [`MAX_SLEEP`], to see
//! entries other processes added), then for each queue due: takes the check
//! atomically (only one process wins), runs the recover script, and sets the next
//! check time from what the script reports.

use std::sync::Arc;
use std::time::Duration;

use super::Shared;
use crate::model::now_ms;

/// Longest sleep between two looks at the index.
pub const MAX_SLEEP: Duration = Duration::from_secs(10);
/// How long a taken check is held before another sweeper may retry it (if the
/// taker died mid-sweep).
const HOLD: i64 = 60_000;

pub(crate) async fn run(shared: Arc<Shared>) {
    loop {
        // While reading the index, any new lease counts as earlier than planned: one
        // noted between the read and the sleep still wakes this loop.
        shared
            .sweep_at
            .store(i64::MAX, std::sync::atomic::Ordering::Relaxed);
        let wait = match shared.store.next_lease_check().await {
            Ok(Some(at)) => {
                Duration::from_millis((at - now_ms()).clamp(0, MAX_SLEEP.as_millis() as i64) as u64)
            }
            Ok(None) => MAX_SLEEP,
            Err(e) => {
                tracing::warn!(error = %e, "lease sweeper: cannot read the index");
                Duration::from_secs(1)
            }
        };
        shared.sweep_at.store(
            now_ms() + wait.as_millis() as i64,
            std::sync::atomic::Ordering::Relaxed,
        );
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shared.lease_taken.notified() => continue,
            _ = shared.stop.cancelled() => return,
        }
        if let Err(e) = sweep(&shared).await {
            tracing::warn!(error = %e, "lease sweep failed");
        }
    }
}

async fn sweep(shared: &Shared) -> crate::Result<()> {
    let store = &shared.store;
    let now = now_ms();
    for queue in store.lease_checks_due(now, 100).await? {
        let hold = now + HOLD;
        if !store.take_lease_check(&queue, now, hold).await? {
            continue;
        }
        let (taken, next) = store.recover(&queue, now).await?;
        if taken > 0 {
            tracing::warn!(queue = %queue, tasks = taken, "took back tasks whose lease expired");
            shared.waker.wake_now(&queue);
            // Some may have been dead-lettered: the janitor works out when they expire.
            super::janitor::note(store, &shared.waker, &queue, now);
        }
        store.settle_lease_check(&queue, hold, next).await?;
    }
    Ok(())
}
