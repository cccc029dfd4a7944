//! The application core: every front door (gRPC, JSON, legacy `/api/*`) calls this
//! service, so each rule lives here once. It validates input before anything is
//! written, talks to the store, and wakes the local dispatcher after a push.

mod batch;
pub mod legacy;
pub mod legacy_import;
pub mod page_token;
mod partitions;
pub mod schedule;
mod signing;
pub mod topics;
pub mod validate;
pub mod watch;
mod watch_hub;

use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::metrics::Metrics;
use crate::model::ms;
use crate::model::{
    Callbacks, HttpRequest, NewTask, PushOptions, Queue, QueueKind, Task, TaskCounts, TaskState,
    now_ms,
};
use crate::store::{NewRow, ReplayFilter, ReplaySet, Store};
use crate::wake::{Notes, Waker};

/// Most tasks in one PushTasks call.
pub const MAX_BATCH: usize = 1000;
/// Most items in one page.
pub const MAX_PAGE: u32 = 1000;
/// Items in a page when the caller does not say.
pub const DEFAULT_PAGE: u32 = 100;
const MAX_CONCURRENCY: i64 = 10_000;
const MAX_TIMEOUT: Duration = Duration::from_secs(3600);
const MAX_BACKOFF: Duration = Duration::from_secs(30 * 24 * 3600);
const MAX_RATE: f64 = 1_000_000.0;
const MAX_BURST: i64 = 1_000_000;
const MAX_DEAD: i64 = 10_000_000;
const MAX_KEEP: Duration = Duration::from_secs(366 * 24 * 3600);
/// Most tasks one ReplayTasks call puts back, and how many when the caller does
/// not say.
const MAX_REPLAY: i64 = 10_000;
const DEFAULT_REPLAY: u64 = 1_000;
const MAX_HISTORY: i64 = 100;
const MAX_EVENTS: i64 = 10_000_000;

/// Settings of a queue to create or update. `None` keeps the current value (update)
/// or takes the default (create); a zero count or duration also means the default,
/// except `max_interval`, where zero means no cap.
#[derive(Debug, Clone, Default)]
pub struct QueueInput {
    pub name: String,
    pub kind: Option<QueueKind>,
    pub max_concurrency: Option<i64>,
    pub request_timeout_ms: Option<i64>,
    pub max_attempts: Option<i64>,
    pub min_backoff_ms: Option<i64>,
    pub max_backoff_ms: Option<i64>,
    pub max_doublings: Option<i64>,
    pub stepping_ms: Option<i64>,
    pub max_interval_ms: Option<i64>,
    pub paused: Option<bool>,
    /// The attribute a legacy client gave (see [`Queue::legacy_attribute`]).
    pub legacy_attribute: Option<String>,
    /// Dispatches per second; zero: no limit.
    pub rate: Option<f64>,
    pub burst: Option<i64>,
    /// Per flow key: in flight at once (zero: no limit), rate (zero: none), burst.
    pub flow_max_concurrency: Option<i64>,
    pub flow_rate: Option<f64>,
    pub flow_burst: Option<i64>,
    pub dead_max: Option<i64>,
    pub dead_max_age_ms: Option<i64>,
    /// Zero: finished tasks are not kept.
    pub retention_ms: Option<i64>,
    pub dedup_window_ms: Option<i64>,
    pub attempt_history: Option<i64>,
    /// Zero: the default; -1: no cap.
    pub max_events: Option<i64>,
    pub hide_replies: Option<bool>,
    /// Hash tags the tasks are spread over (zero: 1). Set at creation only.
    pub partitions: Option<i64>,
    pub follow_redirects: Option<bool>,
    pub capture_responses: Option<bool>,
    /// Zero: the default.
    pub capture_body_bytes: Option<i64>,
    /// Some(None): none.
    pub callbacks: Option<Option<Callbacks>>,
}

/// A pushed task as the caller sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedTask {
    /// Its id (the first task's, for a duplicate).
    pub id: String,
    /// When it is due, ms (None for a duplicate).
    pub due_ms: Option<i64>,
    /// Its idempotency key was seen within the window: nothing was stored.
    pub duplicate: bool,
}

/// When a new task is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// As soon as possible.
    Now,
    /// At this time, ms since the epoch (a past time means now).
    At(i64),
    /// After this many ms.
    After(i64),
}

/// Limits the core enforces on input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body, bytes.
    pub max_body_bytes: usize,
    /// Most HTQ deliveries a push may come through (`x-htq-hops`).
    pub max_hops: u32,
    /// Watches open at once in this process.
    pub max_watchers: usize,
    /// Watches open at once per API token.
    pub max_watchers_per_token: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 1024 * 1024,
            max_hops: validate::DEFAULT_MAX_HOPS,
            max_watchers: 2000,
            max_watchers_per_token: 200,
        }
    }
}

/// With a filter, ListTasks reads the store's pages this many tasks at a time...
const FILTER_PAGE: u32 = 500;
/// ...and looks at about this many per call.
const FILTER_LOOK: usize = 5_000;

/// Which tasks ListTasks returns, beyond their state.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    /// Only those whose URL contains this.
    pub url_contains: Option<String>,
    /// Only those with this flow key.
    pub flow_key: Option<String>,
}

impl TaskFilter {
    fn is_set(&self) -> bool {
        self.url_contains.is_some() || self.flow_key.is_some()
    }

    fn matches(&self, t: &Task) -> bool {
        self.url_contains
            .as_ref()
            .is_none_or(|u| t.request.url.contains(u.as_str()))
            && self.flow_key.as_ref().is_none_or(|k| &t.flow_key == k)
    }
}

/// How soon a lease sweep relays a cancel's callback that the cancelling process
/// did not, ms.
const CANCEL_RELAY_MS: i64 = 5_000;

/// The HTQ application service.
#[derive(Clone)]
pub struct Htq {
    store: Store,
    limits: Limits,
    waker: Waker,
    /// Notes in the maintenance index (what expires: idempotency keys, retained
    /// tasks).
    maintenance: Arc<dyn Notes>,
    metrics: Arc<Metrics>,
    /// Groups concurrent pushes to one queue into one script call.
    batcher: Arc<batch::Batcher>,
    legacy: legacy::LegacySettings,
    /// Cancelled when the server stops: open watches end.
    closing: tokio_util::sync::CancellationToken,
    /// Open watches: in all, and per caller (API token).
    watchers: Arc<watch::Count>,
    /// The one reader of event streams for every watch of this process.
    hub: Arc<watch_hub::Hub>,
    /// The keys this process signs deliveries with, read again after a change here.
    keys: Arc<crate::signing::KeyRing>,
    /// Partition counts of queues pushed to (see `partitions`).
    routes: Arc<partitions::Routes>,
}

impl Htq {
    /// A core over `store`; `waker` reaches this process's dispatcher,
    /// `maintenance` the maintenance index, and counts go to `metrics`; `keys` are
    /// the dispatcher's signing keys.
    pub fn new(
        store: Store,
        limits: Limits,
        waker: Waker,
        maintenance: Arc<dyn Notes>,
        metrics: Arc<Metrics>,
        legacy: legacy::LegacySettings,
        keys: Arc<crate::signing::KeyRing>,
    ) -> Self {
        Htq {
            keys,
            hub: watch_hub::Hub::new(store.clone()),
            batcher: batch::batcher(
                store.clone(),
                metrics.clone(),
                waker.clone(),
                maintenance.clone(),
            ),
            store,
            limits,
            waker,
            maintenance,
            metrics,
            legacy,
            closing: tokio_util::sync::CancellationToken::new(),
            watchers: Arc::default(),
            routes: Arc::default(),
        }
    }

    /// The HTQ processes whose heartbeat is current, and what Redis says of itself.
    pub async fn system(
        &self,
    ) -> Result<(Vec<crate::store::ProcessBeat>, crate::store::RedisInfo)> {
        let since = now_ms() - 3 * ms(crate::store::HEARTBEAT_EVERY);
        Ok((
            self.store.processes(since).await?,
            self.store.redis_info().await?,
        ))
    }

    /// The history of `queue` (every queue summed when None) over the last
    /// `window_ms` (0: 15 minutes), a slot per [`crate::store::HISTORY_STEP_MS`].
    pub async fn history(
        &self,
        queue: Option<&str>,
        window_ms: i64,
    ) -> Result<Vec<(i64, crate::store::Slot)>> {
        if let Some(q) = queue {
            validate::name("queue", q)?;
        }
        let window = match window_ms {
            0 => 15 * 60_000,
            w if (60_000..=crate::store::HISTORY_KEEP_MS).contains(&w) => w,
            _ => return Err(Error::invalid("window", "must be 1 minute to 1 hour")),
        };
        let now = now_ms();
        self.store.history(queue, now - window, now).await
    }

    /// Ends every open watch (the server is stopping).
    pub fn close_watches(&self) {
        self.closing.cancel();
    }

    /// The store underneath.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// This server's metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The metrics exposition for a scraper that sent `accept` (see
    /// [`crate::metrics::exposition`]), with the queues' depth read now (for the
    /// queues that have a label of their own): (media type, body).
    pub async fn metrics_exposition(&self, accept: Option<&str>) -> (&'static str, String) {
        if let Ok(names) = self.store.queue_names().await {
            for name in names.iter().take(self.metrics.max_queues()) {
                if let Ok(c) = self.counts(name).await {
                    self.metrics.depth(name, &c);
                }
            }
        }
        crate::metrics::exposition(&self.metrics, accept)
    }

    /// Tells this process's cron loop that the schedules changed.
    fn cron_changed(&self) {
        self.waker.schedules_changed();
    }

    fn apply(q: &mut Queue, input: &QueueInput) -> Result<()> {
        let defaults = Queue::new("", q.kind);
        let pick = |v: u32, d: u32| if v == 0 { d } else { v };
        let pick_d = |v: Duration, d: Duration| if v.is_zero() { d } else { v };
        if let Some(v) = input.max_concurrency {
            q.max_concurrency = pick(
                validate::count("queue.max_concurrency", v, MAX_CONCURRENCY)?,
                defaults.max_concurrency,
            );
        }
        if let Some(v) = input.request_timeout_ms {
            q.request_timeout = pick_d(
                validate::duration("queue.request_timeout", v, MAX_TIMEOUT)?,
                defaults.request_timeout,
            );
        }
        if let Some(v) = input.max_attempts {
            q.retry.max_attempts = pick(
                validate::count("queue.retry.max_attempts", v, 1000)?,
                defaults.retry.max_attempts,
            );
        }
        if let Some(v) = input.min_backoff_ms {
            q.retry.min_backoff = pick_d(
                validate::duration("queue.retry.min_backoff", v, MAX_BACKOFF)?,
                defaults.retry.min_backoff,
            );
        }
        if let Some(v) = input.max_backoff_ms {
            q.retry.max_backoff = pick_d(
                validate::duration("queue.retry.max_backoff", v, MAX_BACKOFF)?,
                defaults.retry.max_backoff,
            );
        }
        if let Some(v) = input.max_doublings {
            q.retry.max_doublings = pick(
                validate::count("queue.retry.max_doublings", v, 62)?,
                defaults.retry.max_doublings,
            );
        }
        if let Some(v) = input.stepping_ms {
            q.variable.stepping = pick_d(
                validate::duration("queue.variable.stepping_interval", v, MAX_BACKOFF)?,
                defaults.variable.stepping,
            );
        }
        if let Some(v) = input.max_interval_ms {
            q.variable.max_interval =
                validate::duration("queue.variable.max_interval", v, MAX_BACKOFF)?;
        }
        if let Some(p) = input.paused {
            q.paused = p;
        }
        let pick_burst = |field: &str, v: i64| -> Result<u32> {
            Ok(pick(validate::count(field, v, MAX_BURST)?, 1))
        };
        if let Some(r) = input.rate {
            q.rate = validate::rate("queue.max_dispatches_per_second", r, MAX_RATE)?;
        }
        if let Some(b) = input.burst {
            q.burst = pick_burst("queue.max_burst", b)?;
        }
        if let Some(v) = input.flow_max_concurrency {
            q.flow.max_concurrency =
                validate::count("queue.flow.max_concurrency", v, MAX_CONCURRENCY)?;
        }
        if let Some(r) = input.flow_rate {
            q.flow.rate = validate::rate("queue.flow.max_dispatches_per_second", r, MAX_RATE)?;
        }
        if let Some(b) = input.flow_burst {
            q.flow.burst = pick_burst("queue.flow.max_burst", b)?;
        }
        if let Some(v) = input.dead_max {
            q.dead_max = pick(
                validate::count("queue.dead_letter.max_tasks", v, MAX_DEAD)?,
                defaults.dead_max,
            );
        }
        if let Some(v) = input.dead_max_age_ms {
            q.dead_max_age = pick_d(
                validate::duration("queue.dead_letter.max_age", v, MAX_KEEP)?,
                defaults.dead_max_age,
            );
        }
        if let Some(v) = input.retention_ms {
            q.retention = validate::duration("queue.retention", v, MAX_KEEP)?;
        }
        if let Some(v) = input.dedup_window_ms {
            q.dedup_window = pick_d(
                validate::duration("queue.dedup_window", v, MAX_KEEP)?,
                defaults.dedup_window,
            );
        }
        if let Some(v) = input.max_events {
            q.max_events = match v {
                -1 => 0,
                0 => defaults.max_events,
                v => validate::count("queue.max_events", v, MAX_EVENTS)?,
            };
        }
        if let Some(v) = input.attempt_history {
            q.attempt_history = pick(
                validate::count("queue.attempt_history", v, MAX_HISTORY)?,
                defaults.attempt_history,
            );
        }
        if let Some(h) = input.hide_replies {
            q.hide_replies = h;
        }
        if let Some(f) = input.follow_redirects {
            q.follow_redirects = f;
        }
        if let Some(c) = input.capture_responses {
            q.capture_responses = c;
        }
        if let Some(v) = input.capture_body_bytes {
            q.capture_body_bytes = pick(
                validate::count(
                    "queue.capture_body_bytes",
                    v,
                    i64::from(crate::model::MAX_CAPTURE_BYTES),
                )?,
                crate::model::DEFAULT_CAPTURE_BYTES,
            );
        }
        if q.capture_responses && q.hide_replies {
            // Name the setting this change turned on.
            return Err(
                if input.hide_replies.is_some() && input.capture_responses.is_none() {
                    Error::invalid(
                        "queue.hide_replies",
                        "cannot be on with capture_responses: captured replies are not hidden",
                    )
                } else {
                    Error::invalid(
                        "queue.capture_responses",
                        "cannot be on with hide_replies: hidden replies are not captured",
                    )
                },
            );
        }
        if let Some(c) = &input.callbacks {
            q.callbacks = c
                .clone()
                .map(|c| validate::callbacks("queue.callbacks", c))
                .transpose()?;
        }
        // A task's captured history is read and written whole by each attempt's
        // script: keep it to what Redis handles in well under a millisecond.
        if q.capture_responses
            && u64::from(q.capture_body_bytes) * u64::from(q.attempt_history)
                > crate::model::MAX_CAPTURED_HISTORY_BYTES
        {
            let field = if input.attempt_history.is_some() && input.capture_body_bytes.is_none() {
                "queue.attempt_history"
            } else {
                "queue.capture_body_bytes"
            };
            return Err(Error::invalid(
                field,
                format!(
                    "capture_body_bytes ({}) times attempt_history ({}) is over {} with \
                     capture_responses on",
                    q.capture_body_bytes,
                    q.attempt_history,
                    crate::model::MAX_CAPTURED_HISTORY_BYTES
                ),
            ));
        }
        if let Some(v) = input.partitions {
            q.partitions =
                validate::count("queue.partitions", v, partitions::MAX_PARTITIONS)?.max(1);
        }
        if q.partitions > 1 && q.max_concurrency < q.partitions {
            return Err(Error::invalid(
                "queue.max_concurrency",
                format!(
                    "must be at least partitions ({}): each partition takes a share of it",
                    q.partitions
                ),
            ));
        }
        if q.retry.min_backoff > q.retry.max_backoff {
            return Err(Error::invalid(
                "queue.retry.min_backoff",
                "must not exceed max_backoff",
            ));
        }
        Ok(())
    }

    /// Creates a queue.
    pub async fn create_queue(&self, input: QueueInput) -> Result<Queue> {
        validate::name("queue.name", &input.name)?;
        let mut q = Queue::new(
            input.name.clone(),
            input.kind.unwrap_or(QueueKind::RealTime),
        );
        Self::apply(&mut q, &input)?;
        self.callback_queue_exists("queue.callbacks.queue", q.callbacks.as_ref(), &q.name)
            .await?;
        q.created_ms = now_ms();
        if q.partitions > 1 {
            if self.store.get_queue(&q.name).await?.is_some() {
                return Err(Error::AlreadyExists(format!("queue {:?}", q.name)));
            }
            // The partitions first: the queue is there only once they all are.
            self.create_partitions(&q).await?;
        }
        if !self.store.create_queue(&q).await? {
            return Err(Error::AlreadyExists(format!("queue {:?}", q.name)));
        }
        tracing::info!(queue = %q.name, kind = q.kind.as_str(), "queue created");
        Ok(q)
    }

    /// One queue.
    pub async fn get_queue(&self, name: &str) -> Result<Queue> {
        validate::name("name", name)?;
        self.store
            .get_queue(name)
            .await?
            .ok_or_else(|| Error::NotFound(format!("queue {name:?}")))
    }

    /// A page of the queues `reach` lets through, in name order, after `page_token`
    /// (empty: the start). Pages and their tokens hold only such queues. `brief`:
    /// only their names, kinds and pauses are read (the other settings are the
    /// defaults).
    pub async fn list_queues(
        &self,
        page_size: i64,
        page_token: &str,
        reach: &(dyn Fn(&str) -> bool + Sync),
        brief: bool,
    ) -> Result<(Vec<Queue>, String)> {
        let size = Self::page_size(page_size)?;
        let after = page_token::decode(page_token::QUEUES, page_token)?;
        let mut names = self.store.queue_names().await?;
        names.retain(|n| reach(n));
        let candidates: Vec<String> = names
            .iter()
            .filter(|n| after.is_empty() || n.as_str() > after.as_str())
            .cloned()
            .collect();
        // The page's settings read together; names whose queue is gone make room
        // for the next ones.
        let (mut out, mut at) = (Vec::new(), 0);
        while out.len() < size as usize && at < candidates.len() {
            let take = (size as usize - out.len()).min(candidates.len() - at);
            let chunk = &candidates[at..at + take];
            at += take;
            let read = match brief {
                true => self.store.get_queue_heads(chunk).await?,
                false => self.store.get_queues(chunk).await?,
            };
            out.extend(read.into_iter().flatten());
        }
        let next = match out.last() {
            Some(last) if out.len() == size as usize && names.last() != Some(&last.name) => {
                page_token::encode(page_token::QUEUES, &last.name)
            }
            _ => String::new(),
        };
        Ok((out, next))
    }

    /// Changes the given settings of a queue (kind cannot change).
    pub async fn update_queue(&self, input: QueueInput) -> Result<Queue> {
        validate::name("queue.name", &input.name)?;
        let old = self.get_queue(&input.name).await?;
        let mut q = old.clone();
        if let Some(kind) = input.kind
            && kind != q.kind
        {
            return Err(Error::invalid("queue.kind", "cannot change"));
        }
        let before = q.variable;
        Self::apply(&mut q, &input)?;
        self.callback_queue_exists("queue.callbacks.queue", q.callbacks.as_ref(), &q.name)
            .await?;
        if q.partitions != old.partitions {
            return Err(Error::invalid(
                "queue.partitions",
                format!(
                    "is fixed when the queue is created (it has {}): delete and re-create the queue to change it",
                    old.partitions
                ),
            ));
        }
        if q.variable != before {
            // The legacy attribute spoke of the old pace; derive it from now on.
            q.legacy_attribute = None;
        }
        // A legacy queue stored before the flag existed is legacy by its attribute
        // alone: write the flag, so it stays legacy without the attribute.
        let mut old = old;
        if q.legacy && q.legacy_attribute.is_none() {
            old.legacy = false;
        }
        if q.partitions > 1 {
            self.update_partitions(&old, &q).await?;
        }
        if !self.store.update_queue(&old, &q).await? {
            return Err(Error::NotFound(format!("queue {:?}", q.name)));
        }
        self.waker.wake_now(&q.name);
        Ok(q)
    }

    /// Deletes a queue and its tasks.
    pub async fn delete_queue(&self, name: &str) -> Result<()> {
        validate::name("name", name)?;
        if let Some((topic, endpoint)) = crate::model::Topic::endpoint_of(name)
            && let Some(t) = self.store.get_topic(topic).await?
            && t.topic.endpoints.iter().any(|e| e.name == endpoint)
        {
            return Err(Error::FailedPrecondition(format!(
                "queue {name:?} is endpoint {endpoint:?} of topic {topic:?}: remove the endpoint or delete the topic"
            )));
        }
        // Partitions first: a delete cut short leaves the queue, to delete again.
        for member in self.members(name).await? {
            if member != name {
                self.store.delete_queue(&member).await?;
            }
        }
        self.routes.forget(name);
        if !self.store.delete_queue(name).await? {
            return Err(Error::NotFound(format!("queue {name:?}")));
        }
        self.forget_signing_keys(name).await?;
        tracing::info!(queue = %name, "queue deleted");
        Ok(())
    }

    /// When a task given `when` is due; errors name the field the caller set
    /// (`schedule_time` or `delay`).
    fn due_ms(when: When, now: i64) -> Result<i64> {
        let ahead = ms(validate::MAX_SCHEDULE_AHEAD);
        match when {
            When::Now => Ok(now),
            When::At(at) if at > now + ahead => {
                Err(Error::invalid("schedule_time", "more than a year ahead"))
            }
            When::At(at) => Ok(at.max(i64::MIN / 2)),
            When::After(d) if d < 0 => Err(Error::invalid("delay", "must not be negative")),
            When::After(d) if d > ahead => Err(Error::invalid("delay", "more than a year ahead")),
            When::After(d) => Ok(now + d),
        }
    }

    /// Adds tasks to `queue`, all or none. `batch` says whether errors name fields
    /// as `tasks[i].…` (PushTasks) or as the single task's.
    pub async fn push(
        &self,
        queue: &str,
        tasks: Vec<(HttpRequest, When, PushOptions)>,
        batch: bool,
    ) -> Result<Vec<PushedTask>> {
        validate::name("queue", queue)?;
        if tasks.is_empty() {
            return Err(Error::invalid("tasks", "must hold at least one task"));
        }
        if tasks.len() > MAX_BATCH {
            return Err(Error::invalid(
                "tasks",
                format!("at most {MAX_BATCH} tasks per call"),
            ));
        }
        let now = now_ms();
        let mut rows = Vec::with_capacity(tasks.len());
        let mut chosen = false;
        let mut checked_queues: Vec<String> = Vec::new();
        // The task's attempts follow the push's own span when traces are exported
        // (itself a child of the caller's), else the caller's trace context as given.
        let here = crate::telemetry::current_traceparent();
        for (i, (req, when, mut opts)) in tasks.into_iter().enumerate() {
            validate::within_hops(opts.hops, self.limits.max_hops)?;
            if here.is_some() {
                opts.traceparent = here.clone();
            }
            let checked = validate::request("request", req, self.limits.max_body_bytes)
                .and_then(|req| Ok((req, Self::due_ms(when, now)?)))
                .and_then(|(req, due)| {
                    validate::push_options(&opts)?;
                    if let Some(c) = opts.callbacks.take() {
                        opts.callbacks = Some(validate::callbacks("callbacks", c)?);
                    }
                    Ok((req, due))
                });
            // Errors of a batch name the entry (formatted only when there is one).
            let (req, due) = checked.map_err(|e| match e {
                Error::InvalidArgument { field, reason } if batch => {
                    Error::invalid(format!("tasks[{i}].{field}"), reason)
                }
                e => e,
            })?;
            chosen |= opts.id.is_some();
            if let Some(c) = &opts.callbacks
                && !c.queue.is_empty()
                && !checked_queues.contains(&c.queue)
            {
                let field = if batch {
                    format!("tasks[{i}].callbacks.queue")
                } else {
                    "callbacks.queue".to_owned()
                };
                self.callback_queue_exists(&field, Some(c), queue).await?;
                checked_queues.push(c.queue.clone());
            }
            rows.push(Self::row(
                NewTask {
                    request: req,
                    due_ms: due,
                },
                0,
                opts,
            ));
        }
        let mut out: Vec<PushedTask> = rows
            .iter()
            .map(|r| PushedTask {
                id: r.id.clone(),
                due_ms: Some(r.due_ms),
                duplicate: false,
            })
            .collect();
        // A taken id refuses this call alone: such pushes are not grouped.
        let duplicates = self.push_rows(queue, rows, chosen, None).await?.duplicates;
        for (i, first) in duplicates {
            if let Some(t) = out.get_mut(i) {
                *t = PushedTask {
                    id: first,
                    due_ms: None,
                    duplicate: true,
                };
            }
        }
        Ok(out)
    }

    /// Refuses callbacks that name a queue other than `own` that does not exist.
    async fn callback_queue_exists(
        &self,
        field: &str,
        callbacks: Option<&Callbacks>,
        own: &str,
    ) -> Result<()> {
        match callbacks {
            Some(c)
                if !c.queue.is_empty()
                    && c.queue != own
                    && self.store.queue_partitions(&c.queue).await?.is_none() =>
            {
                Err(Error::invalid(
                    field,
                    format!("no queue {:?} to take the callbacks", c.queue),
                ))
            }
            _ => Ok(()),
        }
    }

    /// A stored row for a validated task: the caller's id, or a new time-ordered one
    /// (see [`crate::model::new_task_id`]).
    pub(crate) fn row(task: NewTask, run_count: u32, opts: PushOptions) -> NewRow {
        let (id, created_ms) = match opts.id {
            Some(id) => (id, now_ms()),
            None => crate::model::new_task_id(),
        };
        NewRow {
            id,
            due_ms: task.due_ms,
            created_ms,
            request: task.request,
            run_count,
            flow_key: opts.flow_key,
            idempotency_key: opts.idempotency_key,
            traceparent: opts.traceparent,
            hops: opts.hops,
            callbacks: opts.callbacks,
            is_callback: false,
        }
    }

    /// Stores validated rows and wakes the local dispatcher when they are due sooner
    /// than what the queue held. Returns whether the queue was created.
    async fn store_rows(
        &self,
        queue: &str,
        rows: Vec<NewRow>,
        create: Option<Queue>,
    ) -> Result<bool> {
        Ok(self.push_rows(queue, rows, false, create).await?.created)
    }

    /// One task.
    pub async fn get_task(&self, queue: &str, id: &str) -> Result<Task> {
        validate::name("queue", queue)?;
        validate::name("id", id)?;
        let now = now_ms();
        self.find_in(queue, |name| async move {
            self.store.get_task(&name, id, now).await
        })
        .await?
        .map(|(_, t)| t)
        .ok_or_else(|| Error::NotFound(format!("task {id:?} in queue {queue:?}")))
    }

    fn page_size(size: i64) -> Result<u32> {
        match size {
            0 => Ok(DEFAULT_PAGE),
            s => validate::count("page_size", s, MAX_PAGE as i64),
        }
    }

    /// A page of a queue's tasks in one state; the token is an offset.
    pub async fn list_tasks(
        &self,
        queue: &str,
        state: TaskState,
        page_size: i64,
        page_token: &str,
        filter: &TaskFilter,
    ) -> Result<(Vec<Task>, String)> {
        validate::name("queue", queue)?;
        if let Some(k) = &filter.flow_key {
            validate::name("flow_key", k)?;
        }
        if filter.url_contains.as_ref().is_some_and(|u| u.len() > 2048) {
            return Err(Error::invalid("url_contains", "must be at most 2048 bytes"));
        }
        // Retained finished tasks share one set: those of the other state are
        // passed over as a filter would.
        let finished = matches!(state, TaskState::Succeeded | TaskState::Cancelled);
        let size = Self::page_size(page_size)?;
        // An offset, after the partition it is in (partitioned queues list one
        // partition after another).
        let position = page_token::decode(page_token::TASKS, page_token)?;
        let (mut part, mut offset) = match position.split_once('.') {
            None if position.is_empty() => (0, 0),
            Some((p, o)) => p
                .parse::<usize>()
                .ok()
                .zip(o.parse::<u64>().ok())
                .ok_or_else(page_token::refused)?,
            None => (
                0,
                position.parse::<u64>().map_err(|_| page_token::refused())?,
            ),
        };
        if offset >= 1 << 53 {
            return Err(page_token::refused());
        }
        let members = self.members(queue).await?;
        let now = now_ms();
        let mut tasks = Vec::new();
        // With a filter, pages of the store are read and filtered here, up to a
        // bound per call.
        let (mut looked, filtered) = (0usize, filter.is_set() || finished);
        let mut more = false;
        while let Some(name) = members.get(part) {
            let want = if filtered {
                FILTER_PAGE
            } else {
                size - tasks.len() as u32
            };
            let got = self
                .store
                .list_tasks(name, state, now, offset, want)
                .await?;
            let full = got.len() as u32 == want;
            looked += got.len();
            if !filtered {
                offset += got.len() as u64;
                tasks.extend(got);
            } else {
                for t in got {
                    offset += 1;
                    if filter.matches(&t) && t.state == state {
                        tasks.push(t);
                        if tasks.len() == size as usize {
                            break;
                        }
                    }
                }
            }
            if tasks.len() == size as usize {
                more = true;
                break;
            }
            if full {
                if filtered && looked >= FILTER_LOOK {
                    more = true;
                    break;
                }
                continue;
            }
            (part, offset) = (part + 1, 0);
        }
        let next = match (
            more || (!filtered && tasks.len() == size as usize),
            members.len(),
        ) {
            (false, _) => String::new(),
            (true, 1) => page_token::encode(page_token::TASKS, &offset.to_string()),
            (true, _) => page_token::encode(page_token::TASKS, &format!("{part}.{offset}")),
        };
        Ok((tasks, next))
    }

    /// Task counts by state.
    pub async fn count_tasks(&self, queue: &str) -> Result<TaskCounts> {
        validate::name("queue", queue)?;
        self.counts(queue).await
    }

    /// Cancels a task that has not finished.
    pub async fn cancel_task(&self, queue: &str, id: &str) -> Result<Task> {
        validate::name("queue", queue)?;
        validate::name("id", id)?;
        let (name, task) = self
            .find_in(queue, |name| async move {
                // Should this process die before it relays the cancel's callback
                // (see dispatch::callbacks), a lease sweep relays it.
                let now = now_ms();
                self.store
                    .note(crate::store::Index::Leases, &name, now + CANCEL_RELAY_MS)
                    .await?;
                self.store.cancel(&name, id, now).await
            })
            .await?
            .ok_or_else(|| Error::NotFound(format!("task {id:?} in queue {queue:?}")))?;
        // It may have held a slot of a full queue.
        self.waker.wake_now(&name);
        self.waker.outbox(&name);
        // A retained cancelled task expires; the janitor works out when.
        self.maintenance.note(&name, now_ms());
        tracing::info!(queue = %queue, task_id = %id, "task cancelled");
        Ok(task)
    }

    /// Pauses or resumes a queue.
    pub async fn set_paused(&self, name: &str, paused: bool) -> Result<Queue> {
        let q = self
            .update_queue(QueueInput {
                name: name.to_owned(),
                paused: Some(paused),
                ..Default::default()
            })
            .await?;
        tracing::info!(queue = %name, paused, "queue {}", if paused { "paused" } else { "resumed" });
        Ok(q)
    }

    /// Removes every task of a queue; returns how many.
    pub async fn purge_queue(&self, name: &str) -> Result<u64> {
        validate::name("name", name)?;
        // Slots held by purged tasks are free: each partition is woken.
        let n = self
            .sum_in(
                name,
                |member| async move { self.store.purge(&member).await },
            )
            .await?;
        tracing::info!(queue = %name, purged = n, "queue purged");
        Ok(n)
    }

    /// Moves a waiting task to the front, due now (a dead one is retried); with
    /// `dead_only`, only a dead task. Returns the task as it is then (due).
    pub async fn run_task(&self, queue: &str, id: &str, dead_only: bool) -> Result<Task> {
        validate::name("queue", queue)?;
        validate::name("id", id)?;
        let (name, task) = self
            .find_in(queue, |name| async move {
                self.store.run_task(&name, id, now_ms(), dead_only).await
            })
            .await?
            .ok_or_else(|| Error::NotFound(format!("task {id:?} in queue {queue:?}")))?;
        self.waker.wake_at(&name, task.schedule_ms);
        Ok(task)
    }

    /// Puts every dead task of a queue back; returns how many.
    pub async fn retry_all_dead(&self, queue: &str) -> Result<u64> {
        validate::name("queue", queue)?;
        self.sum_in(queue, |member| async move {
            self.store.retry_all_dead(&member, now_ms()).await
        })
        .await
    }

    /// Replays the dead and retained finished tasks of `queue` in `states` (dead,
    /// succeeded, cancelled; empty: all three) that match `filter`, at most `limit`
    /// (0: the default): (how many, whether the limit left candidates unread).
    pub async fn replay(
        &self,
        queue: &str,
        states: &[TaskState],
        filter: &ReplayFilter,
        limit: i64,
    ) -> Result<(u64, bool)> {
        validate::name("queue", queue)?;
        let limit = match validate::count("limit", limit, MAX_REPLAY)? {
            0 => DEFAULT_REPLAY,
            n => u64::from(n),
        };
        if let Some(flow) = &filter.flow_key {
            validate::name("flow_key", flow)?;
        }
        if let (Some(since), Some(until)) = (filter.since_ms, filter.until_ms)
            && since >= until
        {
            return Err(Error::invalid("until", "must be after since"));
        }
        let all = states.is_empty();
        let wants = |s: TaskState| all || states.contains(&s);
        let mut sets = Vec::new();
        if wants(TaskState::Dead) {
            sets.push(ReplaySet::Dead);
        }
        match (wants(TaskState::Succeeded), wants(TaskState::Cancelled)) {
            (true, true) => sets.push(ReplaySet::Finished("")),
            (true, false) => sets.push(ReplaySet::Finished("s")),
            (false, true) => sets.push(ReplaySet::Finished("c")),
            (false, false) => {}
        }
        if sets.is_empty() {
            return Err(Error::invalid(
                "state",
                "must be TASK_STATE_DEAD, TASK_STATE_SUCCEEDED or TASK_STATE_CANCELLED",
            ));
        }
        let now = now_ms();
        let (mut total, mut more) = (0u64, false);
        'members: for name in self.members(queue).await? {
            for &set in &sets {
                // Once the limit is reached, the calls replay nothing and only
                // tell whether candidates are left.
                if more {
                    break 'members;
                }
                let (n, left) = self
                    .store
                    .replay(&name, set, filter, limit - total, now)
                    .await?
                    .ok_or_else(|| Error::NotFound(format!("queue {queue:?}")))?;
                total += n;
                more |= left;
                if n > 0 {
                    self.waker.wake_now(&name);
                }
            }
        }
        Ok((total, more))
    }

    /// Deletes one dead task.
    pub async fn delete_dead(&self, queue: &str, id: &str) -> Result<()> {
        validate::name("queue", queue)?;
        validate::name("id", id)?;
        let found = self
            .find_in(queue, |name| async move {
                Ok(self.store.delete_dead(&name, id).await?.then_some(()))
            })
            .await?;
        if found.is_none() {
            return Err(Error::NotFound(format!(
                "dead task {id:?} in queue {queue:?}"
            )));
        }
        Ok(())
    }
}
