//! Cron schedules: their input rules, creation, reads and deletion. A schedule's
//! next tick lives in Redis (`schedule_next`); the dispatcher's cron loop fires the
//! ticks.

use super::{DEFAULT_PAGE, Htq, MAX_PAGE, page_token, validate};
use crate::error::{Error, Result};
use crate::model::cron;
use crate::model::{HttpRequest, now_ms};
use crate::store::{ScheduleDef, ScheduleRow};

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

fn from_row(row: ScheduleRow) -> Schedule {
    Schedule {
        name: row.name,
        queue: row.def.queue,
        cron: row.def.cron,
        time_zone: row.def.time_zone,
        request: row.def.request,
        flow_key: row.def.flow_key,
        skip_missed: row.def.skip_missed,
        next_ms: row.next_ms,
        last_ms: row.last_ms,
        created_ms: row.def.created_ms,
    }
}

impl Htq {
    /// Creates a schedule; its first tick is the first after now.
    pub async fn create_schedule(&self, input: ScheduleInput) -> Result<Schedule> {
        validate::name("schedule.name", &input.name)?;
        validate::name("schedule.queue", &input.queue)?;
        let expr = cron::parse(&input.cron).map_err(|e| Error::invalid("schedule.cron", e))?;
        let tz = cron::zone(&input.time_zone)
            .ok_or_else(|| Error::invalid("schedule.time_zone", "not an IANA time zone"))?;
        let request = validate::request(
            "schedule.request",
            input.request,
            self.limits.max_body_bytes,
        )?;
        if let Some(k) = &input.flow_key {
            validate::name("schedule.flow_key", k)?;
        }
        let now = now_ms();
        let def = ScheduleDef {
            queue: input.queue,
            cron: input.cron.trim().to_owned(),
            time_zone: input.time_zone,
            request,
            flow_key: input.flow_key.unwrap_or_default(),
            skip_missed: input.skip_missed,
            created_ms: now,
        };
        let first = cron::next_tick(&expr, &tz, now);
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
        Ok(from_row(ScheduleRow {
            name: input.name,
            def,
            next_ms: first,
            last_ms: None,
        }))
    }

    /// One schedule.
    pub async fn get_schedule(&self, name: &str) -> Result<Schedule> {
        validate::name("name", name)?;
        let row = self
            .store
            .schedule(name)
            .await?
            .ok_or_else(|| Error::NotFound(format!("schedule {name:?}")))?;
        Ok(from_row(row))
    }

    /// A page of schedules in name order, after `page_token` (empty: the start).
    pub async fn list_schedules(
        &self,
        page_size: i64,
        page_token: &str,
        reach: &(dyn Fn(&str) -> bool + Sync),
    ) -> Result<(Vec<Schedule>, String)> {
        let size = match page_size {
            0 => DEFAULT_PAGE,
            s => validate::count("page_size", s, MAX_PAGE as i64)?,
        } as usize;
        let mut after = page_token::decode(page_token::SCHEDULES, page_token)?;
        // Only schedules of queues `reach` lets through, in pages and tokens alike.
        let mut rows = Vec::new();
        loop {
            let read = self.store.schedules(&after, size + 1).await?;
            let done = read.len() <= size;
            if let Some(last) = read.last() {
                after = last.name.clone();
            }
            rows.extend(read.into_iter().filter(|r| reach(&r.def.queue)));
            if done || rows.len() > size {
                break;
            }
        }
        let more = rows.len() > size;
        let out: Vec<Schedule> = rows.into_iter().take(size).map(from_row).collect();
        let next = match out.last() {
            Some(last) if more => page_token::encode(page_token::SCHEDULES, &last.name),
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
