//! The rules of the legacy HTQ API (`/api/*`), on the same core as every other
//! front door: a legacy queue is an ordinary queue with legacy defaults, a legacy
//! task an ordinary task. See `legacy-api.md` for the contract.

use std::time::Duration;

use jiff::tz::TimeZone;

use super::{Htq, validate};
use crate::error::{Error, Result};
use crate::legacy::{self, DEFAULT_QUEUE, RESERVED_NAME};
use crate::model::{HttpRequest, NewTask, PushOptions, Queue, QueueKind, now_ms};
use crate::store::NewRow;

/// Settings of the legacy API.
#[derive(Debug, Clone)]
pub struct LegacySettings {
    /// The zone `execute_time` is read in.
    pub time_zone: TimeZone,
    /// User-Agent added to legacy tasks that set none.
    pub user_agent: String,
    /// Which queues the legacy API reaches.
    pub scope: LegacyScope,
}

/// Which queues the legacy credentials reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LegacyScope {
    /// Only queues made through the legacy API (or imported from a legacy HTQ).
    #[default]
    Legacy,
    /// Every queue, as the legacy HTQ had it.
    All,
}

impl Default for LegacySettings {
    fn default() -> Self {
        LegacySettings {
            time_zone: TimeZone::system(),
            user_agent: legacy::USER_AGENT.to_owned(),
            scope: LegacyScope::default(),
        }
    }
}

/// A legacy `addTask` call, fields as received (None: absent).
#[derive(Debug, Clone, Default)]
pub struct LegacyTask {
    pub queue_name: Option<String>,
    pub url: Option<String>,
    pub execute_time: Option<String>,
    pub method: Option<String>,
    pub header: Option<String>,
    pub data: Option<String>,
    /// The `x-htq-hops` the call arrived with.
    pub hops: u32,
}

/// A legacy queue name: the usual rules, and not the reserved registry name.
fn queue_name(name: Option<&str>) -> Result<&str> {
    let name = name.unwrap_or("");
    validate::name("queue_name", name)?;
    if name == RESERVED_NAME {
        return Err(Error::invalid(
            "queue_name",
            format!("{RESERVED_NAME:?} is reserved"),
        ));
    }
    Ok(name)
}

/// The settings of a queue made through the legacy API: one attempt (no retry after
/// a failed reply, as before; a call cut off by a crash still runs again), 30 s.
pub fn legacy_queue(
    name: &str,
    kind_text: &str,
    stepping_time: Option<&str>,
    max_time_interval: Option<&str>,
) -> Result<Queue> {
    let kind = match QueueKind::parse(kind_text) {
        Some(k) => k,
        None => {
            tracing::warn!(queue = %name, kind = %kind_text, "unknown legacy queue type: stored as given, dispatched as real_time");
            QueueKind::RealTime
        }
    };
    let secs = |field: &str, v: Option<&str>| -> Result<Option<i64>> {
        match v.filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => legacy::seconds_ms(s)
                .map(Some)
                .ok_or_else(|| Error::invalid(field, "must be a non-negative number of seconds")),
        }
    };
    let step = secs("stepping_time", stepping_time)?;
    let max = secs("max_time_interval", max_time_interval)?;
    let mut q = Queue::new(name, kind);
    q.retry.max_attempts = 1;
    // Zero steps are allowed: the one-second floor of variable queues applies.
    q.variable.stepping = Duration::from_millis(step.unwrap_or(0).max(0) as u64);
    q.variable.max_interval = Duration::from_millis(max.unwrap_or(0).max(0) as u64);
    q.legacy_attribute = Some(legacy::attribute(
        kind_text,
        stepping_time,
        max_time_interval,
    ));
    q.legacy = true;
    // Legacy HTQ followed redirects.
    q.follow_redirects = true;
    q.created_ms = now_ms();
    Ok(q)
}

impl Htq {
    /// The legacy API's settings.
    pub fn legacy_settings(&self) -> &LegacySettings {
        &self.legacy
    }

    /// `addQueue`: a missing or empty type means real_time; an unknown one is kept
    /// as given and dispatched as real_time.
    pub async fn legacy_add_queue(
        &self,
        name: Option<&str>,
        kind: Option<&str>,
        stepping_time: Option<&str>,
        max_time_interval: Option<&str>,
    ) -> Result<()> {
        let name = queue_name(name)?;
        let kind = kind.filter(|k| !k.is_empty()).unwrap_or("real_time");
        let q = legacy_queue(name, kind, stepping_time, max_time_interval)?;
        if !self.store.create_queue(&q).await? {
            return Err(Error::AlreadyExists(format!("queue {name:?}")));
        }
        tracing::info!(queue = %name, kind = %kind, "queue created through the legacy API");
        Ok(())
    }

    /// Whether the legacy API may reach queue `q`.
    fn in_scope(&self, q: &Queue) -> bool {
        q.legacy || self.legacy.scope == LegacyScope::All
    }

    /// Refuses a queue out of the legacy API's reach as if it did not exist (the
    /// legacy credentials learn nothing of other queues); Ok when it does not exist.
    async fn legacy_reach(&self, name: &str) -> Result<()> {
        if self.legacy.scope == LegacyScope::All {
            return Ok(());
        }
        match self.store.queue_is_legacy(name).await? {
            Some(false) => Err(Error::NotFound(format!("queue {name:?}"))),
            _ => Ok(()),
        }
    }

    /// `deleteQueue`.
    pub async fn legacy_delete_queue(&self, name: Option<&str>) -> Result<()> {
        let name = queue_name(name)?;
        self.legacy_reach(name).await?;
        self.delete_queue(name).await
    }

    /// `allQueue`: every queue in the legacy API's reach, with its legacy attribute.
    pub async fn legacy_all_queues(&self) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for name in self.store.queue_names().await? {
            match self.store.get_queue(&name).await {
                Ok(Some(q)) if !self.in_scope(&q) => {}
                Ok(Some(q)) => out.push((q.name.clone(), legacy::queue_attribute(&q))),
                Ok(None) => {}
                Err(Error::Internal(e)) => {
                    tracing::warn!(queue = %name, error = %e, "unreadable queue skipped")
                }
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// `countQueue`: tasks waiting (scheduled or due); 0 for an unknown queue.
    pub async fn legacy_count(&self, name: Option<&str>) -> Result<u64> {
        let name = queue_name(name)?;
        match self.legacy_reach(name).await {
            Err(Error::NotFound(_)) => return Ok(0),
            r => r?,
        }
        let members = match self.members(name).await {
            Err(Error::NotFound(_)) => return Ok(0),
            r => r?,
        };
        let mut n = 0;
        for member in members {
            n += self.store.count_waiting(&member, now_ms()).await?;
        }
        Ok(n)
    }

    /// `addTask`: validates everything first, then creates an unknown queue (as
    /// real_time) and stores the task in one step. Returns the task id.
    pub async fn legacy_add_task(&self, t: LegacyTask) -> Result<String> {
        validate::within_hops(t.hops, self.limits.max_hops)?;
        let name = match t.queue_name.as_deref() {
            None | Some("") => DEFAULT_QUEUE,
            Some(n) => queue_name(Some(n))?,
        };
        let url = t.url.as_deref().unwrap_or("");
        if url.is_empty() {
            return Err(Error::invalid("url", "is required"));
        }
        let mut method = t
            .method
            .as_deref()
            .filter(|m| !m.is_empty())
            .unwrap_or("get");
        let mut execute_time = t.execute_time.as_deref().unwrap_or("");
        // SDKs from 2021 on moved execute_time from the 3rd argument to the 6th: an
        // old call puts the time where the method goes.
        let tz = &self.legacy.time_zone;
        if matches!(execute_time, "" | "0") && legacy::execute_time::parse(method, tz).is_some() {
            execute_time = method;
            method = "GET";
        }
        let headers =
            legacy::headers(t.header.as_deref()).map_err(|e| Error::invalid("header", e))?;
        let data = legacy::form_fields(t.data.as_deref()).map_err(|e| Error::invalid("data", e))?;
        let request = legacy::request(url, method, headers, data, &self.legacy.user_agent);
        let request =
            validate::request("", request, self.limits.max_body_bytes).map_err(|e| match e {
                // Name the legacy field, not the contract's.
                Error::InvalidArgument { field, reason } => {
                    let field = field.trim_start_matches('.');
                    let field = match field {
                        f if f.starts_with("headers") => "header",
                        f if f.starts_with("form") => "data",
                        f => f,
                    };
                    Error::invalid(field, reason)
                }
                e => e,
            })?;
        self.legacy_reach(name).await?;
        let now = now_ms();
        let due = legacy::execute_time::parse(execute_time, tz).unwrap_or(now);
        let template = legacy_queue(name, "real_time", None, None)?;
        let row = Self::row(
            NewTask {
                request,
                due_ms: due,
            },
            0,
            PushOptions {
                hops: t.hops,
                ..PushOptions::default()
            },
        );
        let id = row.id.clone();
        if self.store_rows(name, vec![row], Some(template)).await? {
            tracing::info!(queue = %name, "queue created by a legacy addTask");
        }
        Ok(id)
    }

    /// Creates a queue for an import unless it exists; true when created.
    pub async fn import_queue(&self, q: &Queue) -> Result<bool> {
        queue_name(Some(&q.name))?;
        self.store.create_queue(q).await
    }

    /// Stores an imported task under a stable `id`, once: false when that id was
    /// imported into the queue before. The request is checked like any other.
    pub async fn import_task(
        &self,
        queue: &str,
        id: &str,
        request: HttpRequest,
        due_ms: i64,
        run_count: u32,
    ) -> Result<bool> {
        let request = validate::request("request", request, self.limits.max_body_bytes)?;
        let row = NewRow {
            id: id.to_owned(),
            due_ms,
            created_ms: now_ms(),
            request,
            run_count,
            flow_key: None,
            idempotency_key: None,
            traceparent: None,
            hops: 0,
            callbacks: None,
            is_callback: false,
        };
        self.store.import_task(queue, &row).await
    }
}
