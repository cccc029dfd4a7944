//! Cron schedules: their input rules, their ticks, and taking a tick.
//!
//! A schedule's next tick lives in Redis (`schedule_next`). Every HTQ process runs
//! the cron loop ([`crate::dispatch::cron`]); whichever reaches a tick first takes
//! it with one script that checks the tick is still the one it saw, moves it on and
//! pushes the task, so a tick is acted on once however many processes run.

use croner::Cron;
use croner::parser::{CronParser, Year};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{DEFAULT_PAGE, Htq, MAX_PAGE, validate};
use crate::error::{Error, Result};
use crate::model::{HttpRequest, NewTask, PushOptions, now_ms};
use crate::store::{ScheduleRow, Store, StoredSchedule, decode_task, encode_task};

/// A tick handled later than this after its time counts as missed (HTQ was down):
/// the schedule's catch-up rule then says whether it runs.
pub const MISFIRE_GRACE_MS: i64 = 5_000;

/// A schedule to create.
#[derive(Debug, Clone, Default)]
pub struct ScheduleInput {
    pub name: String,
    pub queue: String,
    pub cron: String,
    pub time_zone: String,
    pub request: HttpRequest,
    pub flow_key: Option<String>,
    /// Skip missed ticks instead of one catch-up run.
    pub skip_missed: bool,
}

/// A schedule as reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub name: String,
    pub queue: String,
    pub cron: String,
    pub time_zone: String,
    pub request: HttpRequest,
    pub flow_key: String,
    pub skip_missed: bool,
    /// Next tick, ms; None when it never ticks again.
    pub next_ms: Option<i64>,
    /// Last tick that pushed a task, ms.
    pub last_ms: Option<i64>,
    pub created_ms: i64,
}

fn parse_cron(expr: &str) -> Result<Cron> {
    CronParser::builder()
        .year(Year::Disallowed)
        .build()
        .parse(expr)
        .map_err(|e| Error::invalid("schedule.cron", e.to_string()))
}

fn parse_zone(name: &str) -> Result<TimeZone> {
    if name.is_empty() {
        return Ok(TimeZone::UTC);
    }
    TimeZone::get(name).map_err(|_| Error::invalid("schedule.time_zone", "not an IANA time zone"))
}

/// The first tick of `cron` in `tz` strictly after `after_ms`; None when there is
/// none (a date that never comes).
pub fn next_tick(cron: &Cron, tz: &TimeZone, after_ms: i64) -> Option<i64> {
    let at = Timestamp::from_millisecond(after_ms)
        .ok()?
        .to_zoned(tz.clone());
    let next = cron.find_next_occurrence(&at, false).ok()?;
    Some(next.timestamp().as_millisecond())
}

fn from_row(row: ScheduleRow) -> Result<Schedule> {
    let (request, _, _) = decode_task("", &row.def.task)?;
    Ok(Schedule {
        name: row.name,
        queue: row.def.queue,
        cron: row.def.cron,
        time_zone: row.def.time_zone,
        request,
        flow_key: row.def.flow_key,
        skip_missed: row.def.skip_missed,
        next_ms: row.next_ms,
        last_ms: row.last_ms,
        created_ms: row.def.created_ms,
    })
}

impl Htq {
    /// Creates a schedule; its first tick is the first after now.
    pub async fn create_schedule(&self, input: ScheduleInput) -> Result<Schedule> {
        validate::name("schedule.name", &input.name)?;
        validate::name("schedule.queue", &input.queue)?;
        let cron = parse_cron(&input.cron)?;
        let tz = parse_zone(&input.time_zone)?;
        let request = validate::request(
            "schedule.request",
            input.request,
            self.limits.max_body_bytes,
        )?;
        if let Some(k) = &input.flow_key {
            validate::name("schedule.flow_key", k)?;
        }
        let now = now_ms();
        let def = StoredSchedule {
            queue: input.queue,
            cron: input.cron.trim().to_owned(),
            time_zone: input.time_zone,
            task: encode_task("", &request, 0, 0),
            flow_key: input.flow_key.unwrap_or_default(),
            skip_missed: input.skip_missed,
            created_ms: now,
        };
        let first = next_tick(&cron, &tz, now);
        if first.is_none() {
            return Err(Error::invalid(
                "schedule.cron",
                "never fires (no such date on the calendar)",
            ));
        }
        if !self.store.create_schedule(&input.name, &def, first).await? {
            return Err(Error::AlreadyExists(format!("schedule {:?}", input.name)));
        }
        self.cron_changed();
        tracing::info!(schedule = %input.name, cron = %def.cron, "schedule created");
        from_row(ScheduleRow {
            name: input.name,
            def,
            next_ms: first,
            last_ms: None,
        })
    }

    /// One schedule.
    pub async fn get_schedule(&self, name: &str) -> Result<Schedule> {
        validate::name("name", name)?;
        let row = self
            .store
            .schedule(name)
            .await?
            .ok_or_else(|| Error::NotFound(format!("schedule {name:?}")))?;
        from_row(row)
    }

    /// A page of schedules in name order, after `page_token` (a name).
    pub async fn list_schedules(
        &self,
        page_size: i64,
        page_token: &str,
    ) -> Result<(Vec<Schedule>, String)> {
        let size = match page_size {
            0 => DEFAULT_PAGE,
            s => validate::count("page_size", s, MAX_PAGE as i64)?,
        } as usize;
        let rows = self.store.schedules(page_token, size + 1).await?;
        let more = rows.len() > size;
        let out = rows
            .into_iter()
            .take(size)
            .map(from_row)
            .collect::<Result<Vec<_>>>()?;
        let next = match out.last() {
            Some(last) if more => last.name.clone(),
            _ => String::new(),
        };
        Ok((out, next))
    }

    /// Deletes a schedule.
    pub async fn delete_schedule(&self, name: &str) -> Result<()> {
        validate::name("name", name)?;
        if !self.store.delete_schedule(name).await? {
            return Err(Error::NotFound(format!("schedule {name:?}")));
        }
        self.cron_changed();
        Ok(())
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
pub async fn fire(store: &Store, name: &str, tick: i64, now: i64) -> Result<Tick> {
    let Some(row) = store.schedule(name).await? else {
        return Ok(Tick::Taken);
    };
    let next = match (parse_cron(&row.def.cron), parse_zone(&row.def.time_zone)) {
        (Ok(cron), Ok(tz)) => next_tick(&cron, &tz, now.max(tick)),
        _ => None,
    };
    let on_time = now - tick <= MISFIRE_GRACE_MS;
    let row_task = if on_time || !row.def.skip_missed {
        let (request, _, _) = decode_task("", &row.def.task)?;
        let opts = PushOptions {
            flow_key: (!row.def.flow_key.is_empty()).then(|| row.def.flow_key.clone()),
            ..Default::default()
        };
        Some(Htq::row(
            NewTask {
                request,
                due_ms: now,
            },
            0,
            opts,
        ))
    } else {
        None
    };
    let code = store
        .take_tick(
            name,
            tick,
            next,
            row_task.as_ref().map(|r| (row.def.queue.as_str(), r)),
        )
        .await?;
    Ok(match code {
        0 => Tick::Taken,
        1 => {
            store.metrics().pushed(&row.def.queue, 1);
            Tick::Pushed(row.def.queue)
        }
        2 => {
            tracing::warn!(schedule = %name, queue = %row.def.queue, "tick skipped: the queue does not exist");
            Tick::Skipped
        }
        _ => {
            tracing::info!(schedule = %name, late_ms = now - tick, "missed tick skipped");
            Tick::Skipped
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_the_expression_in_its_zone() {
        let every_second = parse_cron("* * * * * *").unwrap();
        assert_eq!(next_tick(&every_second, &TimeZone::UTC, 1_000), Some(2_000));
        assert_eq!(next_tick(&every_second, &TimeZone::UTC, 1_500), Some(2_000));
        // 09:00 every day in Paris: 08:00 UTC in winter (2026-01-15).
        let nine = parse_cron("0 9 * * *").unwrap();
        let paris = parse_zone("Europe/Paris").unwrap();
        let jan15 = Timestamp::from_second(1_768_435_200).unwrap(); // 2026-01-15T00:00Z
        let next = next_tick(&nine, &paris, jan15.as_millisecond()).unwrap();
        assert_eq!(next, jan15.as_millisecond() + 8 * 3600 * 1000);
        assert!(parse_cron("61 * * * *").is_err());
        assert!(parse_zone("Mars/Olympus").is_err());
    }

    #[test]
    fn a_date_that_never_comes_has_no_tick() {
        let feb31 = parse_cron("0 0 31 2 *").unwrap();
        assert_eq!(next_tick(&feb31, &TimeZone::UTC, 1_000), None);
        let feb29 = parse_cron("0 0 29 2 *").unwrap();
        assert!(next_tick(&feb29, &TimeZone::UTC, 1_000).is_some());
    }
}
