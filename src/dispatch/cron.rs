//! The cron loop: sleeps until the earliest tick of any schedule, then takes the
//! ticks that are due (see [`crate::core::schedule::fire`]). Every HTQ process runs
//! one; the tick script makes sure each tick is acted on once.

use std::sync::Arc;
use std::time::Duration;

use super::Shared;
use crate::core::schedule::{Tick, fire};
use crate::model::now_ms;

/// Longest sleep without looking at the schedules (a change announced while the
/// wake channel was down is seen at the latest then).
const MAX_SLEEP: Duration = Duration::from_secs(60);
/// Ticks taken per pass.
const BATCH: usize = 100;

pub(crate) async fn run(shared: Arc<Shared>) {
    let changed = shared.waker.schedules.clone();
    loop {
        let sleep = match shared.store.next_schedule_tick().await {
            Ok(Some(at)) => Duration::from_millis((at - now_ms()).max(0) as u64).min(MAX_SLEEP),
            Ok(None) => MAX_SLEEP,
            Err(e) => {
                tracing::warn!(error = %e, "cron: cannot read schedules; retrying");
                Duration::from_secs(1)
            }
        };
        if !sleep.is_zero() {
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = changed.notified() => continue,
                _ = shared.stop.cancelled() => return,
            }
        }
        if shared.stop.is_cancelled() {
            return;
        }
        let now = now_ms();
        let due = match shared.store.due_schedules(now, BATCH).await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "cron: cannot read due ticks; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        for (name, tick) in due {
            match fire(&shared.store, &name, tick, now).await {
                Ok(Tick::Pushed(queue)) => {
                    tracing::debug!(schedule = %name, tick, "tick pushed");
                    // The push told the other processes; this one learns it here.
                    shared.waker.wake_now(&queue);
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(schedule = %name, error = %e, "cron: tick failed; retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }
}
