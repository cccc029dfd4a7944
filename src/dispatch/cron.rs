//! The cron loop: sleeps until the earliest tick of any schedule, then takes the
//! ticks that are due ([`fire`]). Every HTQ process runs one; whichever reaches a
//! tick first takes it with one script that checks the tick is still the one it saw,
//! moves it on and pushes the task, so a tick is acted on once however many
//! processes run.

use std::sync::Arc;
use std::time::Duration;

use super::Shared;
use crate::error::Result;
use crate::metrics::Metrics;
use crate::model::cron::{self, MISFIRE_GRACE_MS};
use crate::model::{Partition, new_task_id, now_ms};
use crate::store::{NewRow, Store, TickTaken};

/// Longest sleep without looking at the schedules (a change announced while the
/// wake channel was down is seen at the latest then).
const MAX_SLEEP: Duration = Duration::from_secs(60);
/// Ticks taken per pass.
const BATCH: usize = 100;

pub(crate) async fn run(shared: Arc<Shared>) {
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
                _ = shared.waker.schedules_notified() => continue,
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
            match fire(&shared.store, &shared.metrics, &name, tick, now).await {
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

/// What became of a tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tick {
    /// Another process took it first.
    Taken,
    /// A task was pushed into this queue.
    Pushed(String),
    /// Missed and skipped, or its queue does not exist.
    Skipped,
}

/// Acts on tick `tick` of schedule `name` at `now`: pushes its task (a missed
/// tick only when the schedule catches up) and moves the schedule to its first
/// tick after now, so a long downtime yields at most one catch-up run.
pub async fn fire(
    store: &Store,
    metrics: &Metrics,
    name: &str,
    tick: i64,
    now: i64,
) -> Result<Tick> {
    let Some(row) = store.schedule(name).await? else {
        return Ok(Tick::Taken);
    };
    let next = match (cron::parse(&row.def.cron), cron::zone(&row.def.time_zone)) {
        (Ok(expr), Some(tz)) => cron::next_tick(&expr, &tz, now.max(tick)),
        _ => None,
    };
    let on_time = now - tick <= MISFIRE_GRACE_MS;
    let task = (on_time || !row.def.skip_missed).then(|| {
        let (id, created_ms) = new_task_id();
        NewRow {
            id,
            due_ms: now,
            created_ms,
            request: row.def.request.clone(),
            flow_key: (!row.def.flow_key.is_empty()).then(|| row.def.flow_key.clone()),
            ..Default::default()
        }
    });
    // A partitioned queue takes the task in the partition of its flow key, or of
    // the schedule's name: the same one whichever process takes the tick.
    let target = match store.queue_partitions(&row.def.queue).await? {
        Some(n) if n > 1 => {
            let key = match row.def.flow_key.as_str() {
                "" => name,
                k => k,
            };
            Partition::name(&row.def.queue, Partition::route(key, n), n)
        }
        _ => row.def.queue.clone(),
    };
    let taken = store
        .take_tick(
            name,
            tick,
            next,
            task.as_ref().map(|r| (target.as_str(), r)),
        )
        .await?;
    Ok(match taken {
        TickTaken::ByOther => Tick::Taken,
        TickTaken::Pushed => {
            metrics.pushed(&row.def.queue, 1);
            Tick::Pushed(target)
        }
        TickTaken::NoQueue => {
            tracing::warn!(schedule = %name, queue = %row.def.queue, "tick skipped: the queue does not exist");
            Tick::Skipped
        }
        TickTaken::Skipped => {
            tracing::info!(schedule = %name, late_ms = now - tick, "missed tick skipped");
            Tick::Skipped
        }
    })
}
