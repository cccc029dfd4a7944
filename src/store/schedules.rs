//! Cron schedules: their definitions, their next and last ticks, and taking a tick.

use super::codec::{self, StoredSchedule};
use super::reply::Code;
use super::{NewRow, Store};
use crate::error::{Error, Result};
use crate::model::HttpRequest;

/// A cron schedule's definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleDef {
    /// Target queue.
    pub queue: String,
    /// Cron expression.
    pub cron: String,
    /// IANA time zone; empty: UTC.
    pub time_zone: String,
    /// The request each tick's task performs.
    pub request: HttpRequest,
    /// Flow key of each tick's task; empty: none.
    pub flow_key: String,
    /// Skip missed ticks (else one catch-up run).
    pub skip_missed: bool,
    /// Creation time, ms.
    pub created_ms: i64,
}

/// A stored cron schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRow {
    /// Its name.
    pub name: String,
    /// Its definition.
    pub def: ScheduleDef,
    /// Its next tick, ms; None once it will never tick again.
    pub next_ms: Option<i64>,
    /// The last tick that pushed a task, ms.
    pub last_ms: Option<i64>,
}

/// What taking a tick did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickTaken {
    /// Another process took it first (or the schedule is gone).
    ByOther,
    /// Taken, and the task pushed.
    Pushed,
    /// Taken; no task: the queue does not exist.
    NoQueue,
    /// Taken; no task, as asked (a missed tick of a schedule that skips them).
    Skipped,
}

fn encode(def: &ScheduleDef) -> Vec<u8> {
    codec::encode_schedule(&StoredSchedule {
        queue: def.queue.clone(),
        cron: def.cron.clone(),
        time_zone: def.time_zone.clone(),
        task: codec::encode_task("", &def.request, 0, 0, None, false),
        flow_key: def.flow_key.clone(),
        skip_missed: def.skip_missed,
        created_ms: def.created_ms,
    })
}

fn decode(blob: &[u8]) -> Result<ScheduleDef> {
    let s = codec::decode_schedule(blob)?;
    let request = codec::decode_task("", &s.task)?.request;
    Ok(ScheduleDef {
        queue: s.queue,
        cron: s.cron,
        time_zone: s.time_zone,
        request,
        flow_key: s.flow_key,
        skip_missed: s.skip_missed,
        created_ms: s.created_ms,
    })
}

impl Store {
    fn schedule_wake(&self) -> String {
        // A wake message without a queue: the schedules changed.
        format!("{}\t\t0", self.pid)
    }

    /// Creates a schedule ticking first at `first_ms`; false when the name is taken.
    pub async fn create_schedule(
        &self,
        name: &str,
        def: &ScheduleDef,
        first_ms: Option<i64>,
    ) -> Result<bool> {
        let mut call = self.call(
            &self.scripts.create_schedule,
            &[&self.keys.schedules(), &self.keys.schedule_next()],
        );
        call.arg(name)
            .arg(encode(def))
            .arg(
                first_ms
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| "+inf".into()),
            )
            .arg(self.keys.wake_channel())
            .arg(self.schedule_wake());
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::Exists => Ok(false),
            _ => Err(reply.unexpected("create_schedule")),
        }
    }

    /// Deletes a schedule; false when it does not exist.
    pub async fn delete_schedule(&self, name: &str) -> Result<bool> {
        let mut call = self.call(
            &self.scripts.delete_schedule,
            &[
                &self.keys.schedules(),
                &self.keys.schedule_next(),
                &self.keys.schedule_last(),
            ],
        );
        call.arg(name);
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::NotFound => Ok(false),
            _ => Err(reply.unexpected("delete_schedule")),
        }
    }

    /// Schedules by name, sorted, those named after `after`, at most `limit`.
    pub async fn schedules(&self, after: &str, limit: usize) -> Result<Vec<ScheduleRow>> {
        let mut names: Vec<String> = self
            .query("schedules", redis::cmd("HKEYS").arg(self.keys.schedules()))
            .await?;
        names.sort();
        names.retain(|n| n.as_str() > after);
        names.truncate(limit);
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            if let Some(row) = self.schedule(&name).await? {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// One schedule; None when it does not exist.
    pub async fn schedule(&self, name: &str) -> Result<Option<ScheduleRow>> {
        let mut pipe = redis::pipe();
        pipe.cmd("HGET")
            .arg(self.keys.schedules())
            .arg(name)
            .cmd("ZSCORE")
            .arg(self.keys.schedule_next())
            .arg(name)
            .cmd("HGET")
            .arg(self.keys.schedule_last())
            .arg(name);
        let (def, next, last): (Option<Vec<u8>>, Option<f64>, Option<i64>) =
            self.query_pipe("schedule", &pipe).await?;
        let Some(def) = def else { return Ok(None) };
        Ok(Some(ScheduleRow {
            name: name.to_owned(),
            def: decode(&def)?,
            next_ms: next.filter(|n| n.is_finite()).map(|n| n as i64),
            last_ms: last,
        }))
    }

    /// The earliest next tick of any schedule, ms.
    pub async fn next_schedule_tick(&self) -> Result<Option<i64>> {
        let first: Vec<(String, f64)> = self
            .query(
                "next_schedule_tick",
                redis::cmd("ZRANGE")
                    .arg(self.keys.schedule_next())
                    .arg(0)
                    .arg(0)
                    .arg("WITHSCORES"),
            )
            .await?;
        Ok(first
            .first()
            .filter(|(_, s)| s.is_finite())
            .map(|(_, s)| *s as i64))
    }

    /// Schedules whose next tick is at or before `now`: (name, tick ms).
    pub async fn due_schedules(&self, now: i64, limit: usize) -> Result<Vec<(String, i64)>> {
        let due: Vec<(String, f64)> = self
            .query(
                "due_schedules",
                redis::cmd("ZRANGE")
                    .arg(self.keys.schedule_next())
                    .arg("-inf")
                    .arg(now)
                    .arg("BYSCORE")
                    .arg("LIMIT")
                    .arg(0)
                    .arg(limit)
                    .arg("WITHSCORES"),
            )
            .await?;
        Ok(due.into_iter().map(|(n, s)| (n, s as i64)).collect())
    }

    /// Takes tick `tick` of schedule `name`: with `task` (queue and row), pushes
    /// its task (cron_push.lua, once per tick whoever pushes), then moves the
    /// schedule on to `next` (cron_tick.lua). Each step stays in one Cluster slot.
    pub async fn take_tick(
        &self,
        name: &str,
        tick: i64,
        next: Option<i64>,
        task: Option<(&str, &NewRow)>,
    ) -> Result<TickTaken> {
        let mut taken = TickTaken::Skipped;
        if let Some((queue, row)) = task {
            // Still at this tick (not moved on, skipped or deleted by another
            // process since it was read): else nothing to push.
            let at: Option<f64> = self
                .query(
                    "schedule_tick",
                    redis::cmd("ZSCORE")
                        .arg(self.keys.schedule_next())
                        .arg(name),
                )
                .await?;
            if at != Some(tick as f64) {
                return Ok(TickTaken::ByOther);
            }
            let k = self.keys.queue(queue);
            let mut call = self.call(&self.scripts.cron_push, &[&k.settings, &k.tasks, &k.state]);
            call.arg(name)
                .arg(tick)
                .arg(&row.id)
                .arg(row.blob())
                .arg(row.initial_state())
                .arg(row.due_ms)
                .arg(self.wake_channel_of(queue))
                .arg(self.wake_message(queue, tick));
            let reply = self.run_coded(&call).await?;
            taken = match reply.code {
                Code::Done => TickTaken::Pushed,
                Code::NotTaken => TickTaken::ByOther,
                Code::NoQueue => TickTaken::NoQueue,
                _ => return Err(reply.unexpected("cron_push")),
            };
        }
        let mut call = self.call(
            &self.scripts.cron_tick,
            &[&self.keys.schedule_next(), &self.keys.schedule_last()],
        );
        call.arg(name)
            .arg(tick)
            .arg(next.map(|n| n.to_string()).unwrap_or_default())
            .arg(if task.is_some() && taken != TickTaken::NoQueue {
                "1"
            } else {
                "0"
            });
        let reply = self.run_coded(&call).await?;
        Ok(match reply.code {
            Code::Done => taken,
            // The task this call pushed stands, whoever moved the tick on.
            Code::NotTaken if taken == TickTaken::Pushed => taken,
            Code::NotTaken => TickTaken::ByOther,
            _ => {
                return Err(Error::Internal(format!(
                    "cron_tick returned {:?}",
                    reply.code
                )));
            }
        })
    }
}
