//! Plain types of the domain: queues, tasks, their requests and states, and cron
//! arithmetic ([`cron`]). No I/O here.

pub mod cron;

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use bytes::Bytes;

/// How a queue schedules its tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    /// As soon as possible, in push order.
    RealTime,
    /// At each task's schedule time.
    Timing,
    /// Again and again; the reply body steers the pace.
    Variable,
}

impl QueueKind {
    /// The name stored in Redis and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKind::RealTime => "real_time",
            QueueKind::Timing => "timing",
            QueueKind::Variable => "variable",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "real_time" => Some(QueueKind::RealTime),
            "timing" => Some(QueueKind::Timing),
            "variable" => Some(QueueKind::Variable),
            _ => None,
        }
    }
}

/// When and how often a failed request is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Completed attempts before a task is dead-lettered (1: no retry).
    pub max_attempts: u32,
    /// Delay before the first retry.
    pub min_backoff: Duration,
    /// Largest delay between attempts.
    pub max_backoff: Duration,
    /// How often the delay doubles before it stops growing.
    pub max_doublings: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 10,
            min_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(3600),
            max_doublings: 16,
        }
    }
}

/// The pace of a variable queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariableSettings {
    /// After the n-th ordinary reply the next call waits n x this.
    pub stepping: Duration,
    /// Longest wait between calls; zero means no cap.
    pub max_interval: Duration,
}

impl Default for VariableSettings {
    fn default() -> Self {
        VariableSettings {
            stepping: Duration::from_secs(1),
            max_interval: Duration::ZERO,
        }
    }
}

/// Limits that apply to each flow key of a queue on its own.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FlowControl {
    /// Tasks of one key in flight at once; 0: no limit.
    pub max_concurrency: u32,
    /// Dispatches per second of one key; 0: no limit.
    pub rate: f64,
    /// Burst of one key (at least 1).
    pub burst: u32,
}

/// A named queue and its settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    /// Unique name, 1 to 200 bytes, no control characters.
    pub name: String,
    /// Scheduling kind.
    pub kind: QueueKind,
    /// Tasks in flight at once, across all HTQ processes.
    pub max_concurrency: u32,
    /// Deadline of one request, connect to last body byte.
    pub request_timeout: Duration,
    /// Retries of failed requests.
    pub retry: RetryPolicy,
    /// Pace of variable queues.
    pub variable: VariableSettings,
    /// A paused queue accepts tasks but dispatches none.
    pub paused: bool,
    /// Creation time, ms since the epoch.
    pub created_ms: i64,
    /// The attribute JSON a legacy HTQ client gave (`addQueue`), kept as it was so
    /// `allQueue` shows it back; None for queues made otherwise.
    pub legacy_attribute: Option<String>,
    /// Made through the legacy API (or imported from a legacy HTQ): the legacy API
    /// reaches only such queues unless told otherwise.
    pub legacy: bool,
    /// Dispatches per second across all HTQ processes; 0: no limit.
    pub rate: f64,
    /// Dispatches that may start at once after an idle spell (at least 1).
    pub burst: u32,
    /// Limits per flow key.
    pub flow: FlowControl,
    /// Most dead tasks kept; the oldest are evicted beyond it.
    pub dead_max: u32,
    /// Longest a dead task is kept.
    pub dead_max_age: Duration,
    /// How long finished tasks stay readable; zero: removed at once.
    pub retention: Duration,
    /// How long an idempotency key is remembered.
    pub dedup_window: Duration,
    /// Attempts kept per task for GetTask.
    pub attempt_history: u32,
    /// Events the queue's stream keeps (approximately); 0: no cap.
    pub max_events: u32,
    /// Attempt records keep no reply excerpt.
    pub hide_replies: bool,
    /// Hash tags the queue's tasks are spread over (1: the queue's own; see
    /// [`Partition`]). Fixed when the queue is created.
    pub partitions: u32,
    /// 3xx replies are followed (else they are failures).
    pub follow_redirects: bool,
    /// Each attempt's record keeps its response (headers and body); else only a
    /// short excerpt of the body.
    pub capture_responses: bool,
    /// Body bytes a captured response keeps.
    pub capture_body_bytes: u32,
    /// The callbacks of its tasks that name none of their own.
    pub callbacks: Option<Callbacks>,
}

/// Requests made once a task reaches its final outcome (see the proto's
/// `Callbacks`): each becomes a task of its own in `queue`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Callbacks {
    /// Called when the task succeeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_success: Option<Callback>,
    /// Called when the task is dead-lettered (and cancelled, with `on_cancel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<Callback>,
    /// `on_failure` is called when the task is cancelled too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_cancel: bool,
    /// The queue the callback tasks go to; empty: the task queue's default, else
    /// the task's own queue.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub queue: String,
}

impl Callbacks {
    /// The request for a final outcome, if one is to be made.
    pub fn for_outcome(&self, outcome: FinalOutcome) -> Option<&Callback> {
        match outcome {
            FinalOutcome::Succeeded => self.on_success.as_ref(),
            FinalOutcome::Dead => self.on_failure.as_ref(),
            FinalOutcome::Cancelled => self.on_failure.as_ref().filter(|_| self.on_cancel),
        }
    }
}

/// One callback request; its body is the outcome as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Callback {
    /// Its method, uppercase.
    pub method: String,
    /// Its absolute http(s) URL.
    pub url: String,
    /// Its headers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
}

/// A task's final outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalOutcome {
    /// It succeeded.
    Succeeded,
    /// It was dead-lettered.
    Dead,
    /// It was cancelled before it finished.
    Cancelled,
}

impl FinalOutcome {
    /// Its name in a callback's body.
    pub fn as_str(self) -> &'static str {
        match self {
            FinalOutcome::Succeeded => "succeeded",
            FinalOutcome::Dead => "dead",
            FinalOutcome::Cancelled => "cancelled",
        }
    }

    /// Its letter in a callback outbox entry (see store/lua/prelude.lua).
    pub fn letter(self) -> &'static str {
        match self {
            FinalOutcome::Succeeded => "s",
            FinalOutcome::Dead => "d",
            FinalOutcome::Cancelled => "c",
        }
    }

    /// The outcome a letter names.
    pub fn from_letter(s: &str) -> Option<FinalOutcome> {
        match s {
            "s" => Some(FinalOutcome::Succeeded),
            "d" => Some(FinalOutcome::Dead),
            "c" => Some(FinalOutcome::Cancelled),
            _ => None,
        }
    }
}

/// A topic: endpoints a published message fans out to, one task per endpoint in
/// the endpoint's own queue (see [`Topic::queue_of`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Unique name, 1 to 200 bytes, no control characters, no `#`.
    pub name: String,
    /// Its endpoints, in name order.
    pub endpoints: Vec<Endpoint>,
    /// Attempts failed in a row after which an endpoint is paused; 0: never.
    pub pause_after_failures: u32,
    /// Retries of each endpoint's tasks.
    pub retry: RetryPolicy,
    /// Each request's timeout.
    pub request_timeout: Duration,
    /// Creation time, ms.
    pub created_ms: i64,
}

impl Topic {
    /// Between a topic's name and an endpoint's in the endpoint's queue name.
    pub const MARK: char = '#';

    /// The name of the queue of endpoint `endpoint` of topic `topic`.
    pub fn queue_of(topic: &str, endpoint: &str) -> String {
        format!("{topic}{}{endpoint}", Topic::MARK)
    }

    /// The topic and endpoint a queue name belongs to, None for other queues.
    pub fn endpoint_of(queue: &str) -> Option<(&str, &str)> {
        queue.split_once(Topic::MARK)
    }
}

/// One endpoint of a topic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Endpoint {
    /// 1 to 64 of A-Z a-z 0-9 _ . -
    pub name: String,
    /// Where each message goes.
    pub url: String,
    /// Headers sent with each message, before the message's own.
    pub headers: Vec<(String, String)>,
    /// Its messages in flight at once.
    pub max_concurrency: u32,
    /// Its dispatches per second; 0: no limit.
    pub rate: f64,
    /// Its health (read from its queue).
    pub state: EndpointState,
    /// Why it is not enabled.
    pub state_reason: String,
    /// Since when it is not enabled, ms (0: enabled).
    pub state_ms: i64,
    /// Its attempts failed in a row.
    pub consecutive_failures: u32,
}

/// An endpoint's health.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EndpointState {
    /// Delivering.
    #[default]
    Enabled,
    /// It answered 410 Gone: paused, and publishing skips it.
    Disabled,
    /// It failed too often in a row: paused; publishing still adds to it.
    Paused,
}

/// Messages in flight per endpoint unless it says otherwise.
pub const DEFAULT_ENDPOINT_CONCURRENCY: u32 = 10;

/// Body bytes a captured response keeps unless the queue says otherwise.
pub const DEFAULT_CAPTURE_BYTES: u32 = 4096;
/// The most body bytes a captured response may keep.
pub const MAX_CAPTURE_BYTES: u32 = 65_536;
/// The most body bytes a task's captured attempts may keep together:
/// `capture_body_bytes` times `attempt_history`.
pub const MAX_CAPTURED_HISTORY_BYTES: u64 = 1 << 20;

impl Queue {
    /// A queue with every setting at its default.
    pub fn new(name: impl Into<String>, kind: QueueKind) -> Self {
        Queue {
            name: name.into(),
            kind,
            max_concurrency: 1,
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            variable: VariableSettings::default(),
            paused: false,
            created_ms: 0,
            legacy_attribute: None,
            legacy: false,
            rate: 0.0,
            burst: 1,
            flow: FlowControl {
                burst: 1,
                ..FlowControl::default()
            },
            dead_max: 10_000,
            dead_max_age: Duration::from_secs(30 * 24 * 3600),
            retention: Duration::ZERO,
            dedup_window: Duration::from_secs(600),
            attempt_history: 10,
            max_events: 10_000,
            hide_replies: false,
            partitions: 1,
            follow_redirects: false,
            capture_responses: false,
            capture_body_bytes: DEFAULT_CAPTURE_BYTES,
            callbacks: None,
        }
    }

    /// The settings partition `index` of this queue runs with: the queue-wide
    /// concurrency split so that the partitions' shares add up to it exactly (the
    /// first `max_concurrency % partitions` get one more), the rate divided evenly
    /// and the burst rounded up. Per-key limits stay whole: a flow key lives in
    /// one partition.
    pub fn partition_settings(&self, index: u32) -> Queue {
        let n = self.partitions.max(1);
        let mut p = self.clone();
        p.name = Partition::name(&self.name, index, n);
        p.partitions = 1;
        p.max_concurrency = self.max_concurrency / n + u32::from(index < self.max_concurrency % n);
        p.rate = self.rate / f64::from(n);
        p.burst = self.burst.div_ceil(n).max(1);
        p
    }
}

/// A partition of a queue spread over several hash tags: a queue of its own in
/// Redis (its keys, its settings share, its lease and event stream), named by the
/// queue's name, a unit separator (never in a queue name: control characters are
/// refused) and `index/count`. The count is part of the name, so a process that
/// still routes by an older count of a re-created queue finds no such partition
/// and reads the count again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition<'a> {
    /// The queue it belongs to.
    pub queue: &'a str,
    /// Its index, 0 to count - 1.
    pub index: u32,
    /// The queue's partitions.
    pub count: u32,
}

impl<'a> Partition<'a> {
    /// The separator between a queue's name and a partition's number.
    pub const MARK: char = '\u{1f}';

    /// The store's name of partition `index` of `count` of `queue`.
    pub fn name(queue: &str, index: u32, count: u32) -> String {
        format!("{queue}{}{index}/{count}", Self::MARK)
    }

    /// The partition a store name denotes, None for a queue's own name.
    pub fn of(name: &'a str) -> Option<Partition<'a>> {
        let (queue, rest) = name.rsplit_once(Self::MARK)?;
        let (index, count) = rest.split_once('/')?;
        Some(Partition {
            queue,
            index: index.parse().ok()?,
            count: count.parse().ok()?,
        })
    }

    /// The queue a store name belongs to: the name itself, or a partition's queue.
    pub fn queue_of(name: &str) -> &str {
        Partition::of(name).map_or(name, |p| p.queue)
    }

    /// The partition of `count` a task goes to by its routing key (flow key,
    /// idempotency key or chosen id): the same key always lands in the same one.
    pub fn route(key: &str, count: u32) -> u32 {
        u32::from(crc16::State::<crc16::ARC>::calculate(key.as_bytes())) % count.max(1)
    }
}

/// The body of a task's request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// Raw bytes, sent as they are.
    Bytes(Bytes),
    /// Text fields sent as multipart/form-data, in order.
    Form(Vec<(String, String)>),
}

impl Body {
    /// Bytes the body occupies, for the size cap.
    pub fn size(&self) -> usize {
        match self {
            Body::Empty => 0,
            Body::Bytes(b) => b.len(),
            Body::Form(fields) => fields.iter().map(|(k, v)| k.len() + v.len()).sum(),
        }
    }
}

/// The HTTP request a task performs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpRequest {
    /// Uppercase method token.
    pub method: String,
    /// Absolute http(s) URL.
    pub url: String,
    /// Header lines in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
}

/// Where a task is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    /// Waiting for a future time (or a retry).
    Scheduled,
    /// Due, waiting for a dispatch slot.
    Due,
    /// Its request is in flight.
    Active,
    /// Succeeded.
    Succeeded,
    /// In the dead-letter set.
    Dead,
    /// Cancelled.
    Cancelled,
}

/// A task with its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Unique within its queue, time-ordered.
    pub id: String,
    /// The queue's name.
    pub queue: String,
    /// The request to perform.
    pub request: HttpRequest,
    /// When it is (or was last) due, ms since the epoch.
    pub schedule_ms: i64,
    /// Where it is now.
    pub state: TaskState,
    /// Requests started so far.
    pub attempts: u32,
    /// Status of the last reply, 0 when none.
    pub last_status: u16,
    /// Why the last attempt failed, empty when it did not.
    pub last_error: String,
    /// When it was pushed, ms since the epoch.
    pub created_ms: i64,
    /// Start of the last attempt, ms since the epoch, 0 before the first.
    pub last_attempt_ms: i64,
    /// Variable queues: ordinary replies since the start or the last `reset`.
    pub run_count: u32,
    /// Its flow key, empty when none.
    pub flow_key: String,
    /// The latest attempts, oldest first.
    pub history: Vec<AttemptRecord>,
    /// When it succeeded or was cancelled (retained tasks), ms; 0 otherwise.
    pub finished_ms: i64,
    /// The callbacks it was pushed with.
    pub callbacks: Option<Callbacks>,
}

/// One attempt of a task, as GetTask reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct AttemptRecord {
    /// Start, ms since the epoch.
    #[serde(rename = "t", default)]
    pub start_ms: i64,
    /// Start to last reply byte or error, ms.
    #[serde(rename = "l", default)]
    pub latency_ms: i64,
    /// Reply status, 0 when none.
    #[serde(rename = "s", default)]
    pub status: u16,
    /// Transport error or timeout text.
    #[serde(rename = "e", default, skip_serializing_if = "String::is_empty")]
    pub error: String,
    /// The first bytes of the reply, as text; with a captured response, the body
    /// as kept (see `base64`).
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub reply: String,
    /// A captured response: its headers (name, value), in the order received.
    #[serde(
        rename = "h",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "header_list"
    )]
    pub headers: Option<Vec<(String, String)>>,
    /// A captured body that was not UTF-8: `reply` holds its base64.
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub base64: bool,
    /// A captured body that was longer than what was kept.
    #[serde(rename = "c", default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// A captured response's headers as stored: a list of pairs, or `{}` for none
/// (Redis's Lua re-encodes an empty list as an empty object).
fn header_list<'de, D>(d: D) -> Result<Option<Vec<(String, String)>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Stored {
        List(Vec<(String, String)>),
        Empty(std::collections::BTreeMap<String, String>),
    }
    match <Option<Stored> as serde::Deserialize>::deserialize(d)? {
        None => Ok(None),
        Some(Stored::List(list)) => Ok(Some(list)),
        Some(Stored::Empty(map)) if map.is_empty() => Ok(Some(Vec::new())),
        Some(Stored::Empty(_)) => Err(serde::de::Error::custom(
            "captured headers: an object that is not empty",
        )),
    }
}

impl AttemptRecord {
    /// Whether the attempt's response was captured (the queue captured responses
    /// and a reply came).
    pub fn captured(&self) -> bool {
        self.headers.is_some()
    }
}

/// A task to add: its request and when it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    /// The request to perform.
    pub request: HttpRequest,
    /// When it is due, ms since the epoch.
    pub due_ms: i64,
}

/// What a caller may add to a pushed task besides its request and time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PushOptions {
    /// The id the caller chose; None lets HTQ choose.
    pub id: Option<String>,
    /// The idempotency key, if any.
    pub idempotency_key: Option<String>,
    /// The flow key, if any.
    pub flow_key: Option<String>,
    /// The W3C `traceparent` of the push, carried to the task's requests.
    pub traceparent: Option<String>,
    /// HTQ deliveries that led to this push: the `x-htq-hops` it arrived with.
    pub hops: u32,
    /// Requests to make on its final outcome; None: the queue's.
    pub callbacks: Option<Callbacks>,
}

/// Task counts of one queue by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskCounts {
    /// Waiting for a future time.
    pub scheduled: u64,
    /// Due now.
    pub due: u64,
    /// In flight.
    pub active: u64,
    /// Dead-lettered.
    pub dead: u64,
    /// Finished and retained.
    pub finished: u64,
    /// Dead tasks evicted by the dead-letter bounds, ever.
    pub evicted: u64,
}

impl std::ops::AddAssign for TaskCounts {
    fn add_assign(&mut self, c: TaskCounts) {
        self.scheduled += c.scheduled;
        self.due += c.due;
        self.active += c.active;
        self.dead += c.dead;
        self.finished += c.finished;
        self.evicted += c.evicted;
    }
}

/// What this process adds to its own clock to tell Redis's time (set by
/// `Store::sync_clock`), so every HTQ process on one Redis agrees on due times,
/// leases and rates whatever its host's clock says.
static CLOCK_OFFSET_MS: AtomicI64 = AtomicI64::new(0);
/// A deliberate error of this process's own clock (`--clock-skew-ms`, for tests
/// of hosts whose clocks disagree).
static CLOCK_SKEW_MS: AtomicI64 = AtomicI64::new(0);

/// Milliseconds since the Unix epoch, now, by Redis's clock.
pub fn now_ms() -> i64 {
    local_ms() + CLOCK_OFFSET_MS.load(Ordering::Relaxed)
}

/// Milliseconds since the Unix epoch, now, by this host's clock.
pub fn local_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
        + CLOCK_SKEW_MS.load(Ordering::Relaxed)
}

/// What [`now_ms`] adds to this host's clock, ms.
pub fn clock_offset_ms() -> i64 {
    CLOCK_OFFSET_MS.load(Ordering::Relaxed)
}

/// Sets what [`now_ms`] adds to this host's clock.
pub fn set_clock_offset(ms: i64) {
    CLOCK_OFFSET_MS.store(ms, Ordering::Relaxed);
}

/// Makes this host's clock read `ms` off (tests only).
pub fn set_clock_skew(ms: i64) {
    CLOCK_SKEW_MS.store(ms, Ordering::Relaxed);
}

/// A new task id and its creation time (ms): a ULID made from a UUIDv7, so ids
/// sort by creation time.
pub fn new_task_id() -> (String, i64) {
    let ulid = ulid::Ulid::from(uuid::Uuid::now_v7());
    (ulid.to_string(), ulid.timestamp_ms() as i64)
}

/// Milliseconds of a duration, saturating.
pub(crate) fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// What an event says happened (see the `emit` calls in the store's scripts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Pushed,
    Scheduled,
    Started,
    Succeeded,
    Retrying,
    Dead,
    Rescheduled,
    Cancelled,
    Evicted,
    Paused,
    Resumed,
    Purged,
    Deleted,
    EndpointDisabled,
    EndpointPaused,
    EndpointEnabled,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 16] = [
        EventKind::Pushed,
        EventKind::Scheduled,
        EventKind::Started,
        EventKind::Succeeded,
        EventKind::Retrying,
        EventKind::Dead,
        EventKind::Rescheduled,
        EventKind::Cancelled,
        EventKind::Evicted,
        EventKind::Paused,
        EventKind::Resumed,
        EventKind::Purged,
        EventKind::Deleted,
        EventKind::EndpointDisabled,
        EventKind::EndpointPaused,
        EventKind::EndpointEnabled,
    ];

    /// The name the scripts write.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Pushed => "pushed",
            EventKind::Scheduled => "scheduled",
            EventKind::Started => "started",
            EventKind::Succeeded => "succeeded",
            EventKind::Retrying => "retrying",
            EventKind::Dead => "dead",
            EventKind::Rescheduled => "rescheduled",
            EventKind::Cancelled => "cancelled",
            EventKind::Evicted => "evicted",
            EventKind::Paused => "paused",
            EventKind::Resumed => "resumed",
            EventKind::Purged => "purged",
            EventKind::Deleted => "deleted",
            EventKind::EndpointDisabled => "endpoint_disabled",
            EventKind::EndpointPaused => "endpoint_paused",
            EventKind::EndpointEnabled => "endpoint_enabled",
        }
    }

    /// Parses a name the scripts write.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One event of a queue's stream.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    /// Its stream entry id (`ms-seq`).
    pub id: String,
    /// Its place among the tasks of a grouped entry (a batch pushed, tasks claimed
    /// together); None for an entry of one event.
    pub part: Option<u32>,
    /// The queue's name.
    pub queue: String,
    /// What happened; None for a kind this version does not know.
    pub kind: Option<EventKind>,
    /// The task concerned; empty for queue events.
    pub task_id: String,
    /// When, ms (from the id).
    pub time_ms: i64,
    /// Attempt number, 0 when not told.
    pub attempt: u32,
    /// HTTP status, 0 when none.
    pub status: u16,
    /// Why an attempt failed.
    pub error: String,
    /// When the task is due next, ms; 0 when not told.
    pub at_ms: i64,
    /// Why (evictions, reschedules).
    pub reason: String,
    /// How many (purges).
    pub count: i64,
}
