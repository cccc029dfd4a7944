//! Conversions between the contract's messages and HTQ's own types: `From` for
//! what HTQ reports, functions for what a caller sends (they can fail with the
//! field named), and the field-mask routine of UpdateQueue.

use bytes::Bytes;
use pbjson_types::Duration as PbDuration;
use tonic::Request;

use crate::api::pb;
use crate::api::wkt::Timestamp;
use crate::core::schedule::Schedule;
use crate::core::watch::WatchItem;
use crate::core::{PushedTask, QueueInput, When};
use crate::error::Error;
use crate::model::{
    Body, Callback, Callbacks, EventKind, HttpRequest, PushOptions, Queue, QueueKind, Task,
    TaskCounts, TaskState,
};
use crate::signing::{Algorithm, KeyRecord};

/// Milliseconds of a protobuf duration (negative stays negative, for the core to refuse).
pub(super) fn duration_ms(d: &PbDuration) -> i64 {
    d.seconds
        .saturating_mul(1000)
        .saturating_add(i64::from(d.nanos / 1_000_000))
}

pub(super) fn timestamp_ms(t: &Timestamp) -> i64 {
    t.seconds
        .saturating_mul(1000)
        .saturating_add(i64::from(t.nanos / 1_000_000))
}

pub(super) fn to_timestamp(ms: i64) -> Timestamp {
    Timestamp {
        seconds: ms.div_euclid(1000),
        nanos: (ms.rem_euclid(1000) * 1_000_000) as i32,
    }
}

pub(super) fn to_duration(d: std::time::Duration) -> PbDuration {
    PbDuration {
        seconds: d.as_secs() as i64,
        nanos: d.subsec_nanos() as i32,
    }
}

pub(super) fn kind_from_pb(field: &str, k: i32) -> Result<Option<QueueKind>, Error> {
    match pb::QueueKind::try_from(k) {
        Ok(pb::QueueKind::Unspecified) => Ok(None),
        Ok(pb::QueueKind::RealTime) => Ok(Some(QueueKind::RealTime)),
        Ok(pb::QueueKind::Timing) => Ok(Some(QueueKind::Timing)),
        Ok(pb::QueueKind::Variable) => Ok(Some(QueueKind::Variable)),
        Err(_) => Err(Error::invalid(field, format!("unknown kind {k}"))),
    }
}

impl From<QueueKind> for pb::QueueKind {
    fn from(k: QueueKind) -> Self {
        match k {
            QueueKind::RealTime => pb::QueueKind::RealTime,
            QueueKind::Timing => pb::QueueKind::Timing,
            QueueKind::Variable => pb::QueueKind::Variable,
        }
    }
}

pub(super) fn nonzero(v: i32) -> Option<i64> {
    (v != 0).then_some(i64::from(v))
}

/// Create: every set field. Update: the fields the mask names (empty mask: all).
pub(super) fn queue_input(q: pb::Queue, mask: Option<&[String]>) -> Result<QueueInput, Error> {
    let retry = q.retry.unwrap_or_default();
    let variable = q.variable.unwrap_or_default();
    let flow = q.flow.unwrap_or_default();
    let dead = q.dead_letter.unwrap_or_default();
    let mut input = QueueInput {
        name: q.name,
        kind: kind_from_pb("queue.kind", q.kind)?,
        ..Default::default()
    };
    let all = mask.is_none_or(<[String]>::is_empty);
    let wants = |path: &str| {
        all || mask.is_some_and(|m| {
            m.iter().any(|p| {
                p == path
                    || path
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    if let Some(m) = mask {
        const KNOWN: [&str; 30] = [
            "max_concurrency",
            "request_timeout",
            "retry",
            "retry.max_attempts",
            "retry.min_backoff",
            "retry.max_backoff",
            "retry.max_doublings",
            "variable",
            "variable.stepping_interval",
            "variable.max_interval",
            "paused",
            "max_dispatches_per_second",
            "max_burst",
            "flow",
            "flow.max_concurrency",
            "flow.max_dispatches_per_second",
            "flow.max_burst",
            "dead_letter",
            "dead_letter.max_tasks",
            "dead_letter.max_age",
            "retention",
            "dedup_window",
            "attempt_history",
            "max_events",
            "hide_replies",
            "partitions",
            "follow_redirects",
            "capture_responses",
            "capture_body_bytes",
            "callbacks",
        ];
        if let Some(bad) = m.iter().find(|p| !KNOWN.contains(&p.as_str())) {
            return Err(Error::invalid(
                "update_mask",
                format!("cannot update {bad:?}"),
            ));
        }
    }
    let masked = mask.is_some() && !all;
    // Under an explicit mask, a named field set to zero means "back to the default".
    let num = |v: i32| {
        if masked {
            Some(i64::from(v))
        } else {
            nonzero(v)
        }
    };
    let dur = |d: Option<PbDuration>| match d {
        Some(d) => Some(duration_ms(&d)),
        None if masked => Some(0),
        None => None,
    };
    if wants("max_concurrency") {
        input.max_concurrency = num(q.max_concurrency);
    }
    if wants("request_timeout") {
        input.request_timeout_ms = dur(q.request_timeout);
    }
    if wants("retry.max_attempts") {
        input.max_attempts = num(retry.max_attempts);
    }
    if wants("retry.min_backoff") {
        input.min_backoff_ms = dur(retry.min_backoff);
    }
    if wants("retry.max_backoff") {
        input.max_backoff_ms = dur(retry.max_backoff);
    }
    if wants("retry.max_doublings") {
        input.max_doublings = num(retry.max_doublings);
    }
    if wants("variable.stepping_interval") {
        input.stepping_ms = dur(variable.stepping_interval);
    }
    if wants("variable.max_interval") {
        input.max_interval_ms = dur(variable.max_interval);
    }
    // Pausing is asked for by name (or with PauseQueue/ResumeQueue): an update
    // without a mask must not resume a paused queue because `paused` was left out.
    // Without a mask, `false` is "left out" like any zero, so only `true` pauses.
    if mask.is_some_and(|m| m.iter().any(|p| p == "paused")) || (all && q.paused) {
        input.paused = Some(q.paused);
    }
    let rate = |v: f64| (masked || v != 0.0).then_some(v);
    if wants("max_dispatches_per_second") {
        input.rate = rate(q.max_dispatches_per_second);
    }
    if wants("max_burst") {
        input.burst = num(q.max_burst);
    }
    if wants("flow.max_concurrency") {
        input.flow_max_concurrency = num(flow.max_concurrency);
    }
    if wants("flow.max_dispatches_per_second") {
        input.flow_rate = rate(flow.max_dispatches_per_second);
    }
    if wants("flow.max_burst") {
        input.flow_burst = num(flow.max_burst);
    }
    if wants("dead_letter.max_tasks") {
        input.dead_max = num(dead.max_tasks);
    }
    if wants("dead_letter.max_age") {
        input.dead_max_age_ms = dur(dead.max_age);
    }
    if wants("retention") {
        input.retention_ms = dur(q.retention);
    }
    if wants("dedup_window") {
        input.dedup_window_ms = dur(q.dedup_window);
    }
    if wants("attempt_history") {
        input.attempt_history = num(q.attempt_history);
    }
    if wants("max_events") {
        input.max_events = num(q.max_events);
    }
    if wants("hide_replies") && (masked || q.hide_replies) {
        input.hide_replies = Some(q.hide_replies);
    }
    if wants("partitions") {
        input.partitions = num(q.partitions);
    }
    if wants("follow_redirects") && (masked || q.follow_redirects) {
        input.follow_redirects = Some(q.follow_redirects);
    }
    if wants("capture_responses") && (masked || q.capture_responses) {
        input.capture_responses = Some(q.capture_responses);
    }
    if wants("capture_body_bytes") {
        input.capture_body_bytes = num(q.capture_body_bytes);
    }
    if wants("callbacks") && (masked || q.callbacks.is_some()) {
        input.callbacks = Some(q.callbacks.map(callbacks_from_pb));
    }
    Ok(input)
}

impl From<Queue> for pb::Queue {
    fn from(q: Queue) -> Self {
        pb::Queue {
            name: q.name,
            kind: pb::QueueKind::from(q.kind) as i32,
            max_concurrency: q.max_concurrency as i32,
            request_timeout: Some(to_duration(q.request_timeout)),
            retry: Some(retry_to_pb(&q.retry)),
            variable: Some(pb::VariableSettings {
                stepping_interval: Some(to_duration(q.variable.stepping)),
                max_interval: Some(to_duration(q.variable.max_interval)),
            }),
            paused: q.paused,
            create_time: Some(to_timestamp(q.created_ms)),
            max_dispatches_per_second: q.rate,
            max_burst: q.burst as i32,
            flow: Some(pb::FlowControl {
                max_concurrency: q.flow.max_concurrency as i32,
                max_dispatches_per_second: q.flow.rate,
                max_burst: q.flow.burst as i32,
            }),
            dead_letter: Some(pb::DeadLetterPolicy {
                max_tasks: q.dead_max as i32,
                max_age: Some(to_duration(q.dead_max_age)),
            }),
            retention: Some(to_duration(q.retention)),
            dedup_window: Some(to_duration(q.dedup_window)),
            attempt_history: q.attempt_history as i32,
            max_events: if q.max_events == 0 {
                -1
            } else {
                q.max_events as i32
            },
            hide_replies: q.hide_replies,
            partitions: q.partitions as i32,
            follow_redirects: q.follow_redirects,
            capture_responses: q.capture_responses,
            capture_body_bytes: q.capture_body_bytes as i32,
            callbacks: q.callbacks.map(callbacks_to_pb),
        }
    }
}

pub(super) fn callbacks_from_pb(c: pb::Callbacks) -> Callbacks {
    let hook = |h: pb::Callback| Callback {
        method: h.method,
        url: h.url,
        headers: headers_from_pb(h.headers),
    };
    Callbacks {
        on_success: c.on_success.map(hook),
        on_failure: c.on_failure.map(hook),
        on_cancel: c.on_cancel,
        queue: c.queue,
    }
}

pub(super) fn callbacks_to_pb(c: Callbacks) -> pb::Callbacks {
    let hook = |h: Callback| pb::Callback {
        method: h.method,
        url: h.url,
        headers: headers_to_pb(h.headers),
    };
    pb::Callbacks {
        on_success: c.on_success.map(hook),
        on_failure: c.on_failure.map(hook),
        on_cancel: c.on_cancel,
        queue: c.queue,
    }
}

pub(super) fn request_from_pb(r: Option<pb::HttpRequest>) -> HttpRequest {
    let r = r.unwrap_or_default();
    let body = match r.body {
        None => Body::Empty,
        Some(pb::http_request::Body::Data(d)) if d.is_empty() => Body::Empty,
        Some(pb::http_request::Body::Data(d)) => Body::Bytes(Bytes::from(d)),
        Some(pb::http_request::Body::Form(f)) => {
            Body::Form(f.fields.into_iter().map(|f| (f.name, f.value)).collect())
        }
    };
    HttpRequest {
        method: r.method,
        url: r.url,
        headers: headers_from_pb(r.headers),
        body,
    }
}

impl From<HttpRequest> for pb::HttpRequest {
    fn from(r: HttpRequest) -> Self {
        let body = match r.body {
            Body::Empty => None,
            Body::Bytes(b) => Some(pb::http_request::Body::Data(b.to_vec())),
            Body::Form(f) => Some(pb::http_request::Body::Form(pb::Form {
                fields: f
                    .into_iter()
                    .map(|(name, value)| pb::FormField { name, value })
                    .collect(),
            })),
        };
        pb::HttpRequest {
            method: r.method,
            url: r.url,
            headers: headers_to_pb(r.headers),
            body,
        }
    }
}

impl From<TaskState> for pb::TaskState {
    fn from(s: TaskState) -> Self {
        match s {
            TaskState::Scheduled => pb::TaskState::Scheduled,
            TaskState::Due => pb::TaskState::Due,
            TaskState::Active => pb::TaskState::Active,
            TaskState::Succeeded => pb::TaskState::Succeeded,
            TaskState::Dead => pb::TaskState::Dead,
            TaskState::Cancelled => pb::TaskState::Cancelled,
        }
    }
}

pub(super) fn state_from_pb(s: i32) -> Result<TaskState, Error> {
    match pb::TaskState::try_from(s) {
        Ok(pb::TaskState::Scheduled) => Ok(TaskState::Scheduled),
        Ok(pb::TaskState::Due) => Ok(TaskState::Due),
        Ok(pb::TaskState::Active) => Ok(TaskState::Active),
        Ok(pb::TaskState::Succeeded) => Ok(TaskState::Succeeded),
        Ok(pb::TaskState::Dead) => Ok(TaskState::Dead),
        Ok(pb::TaskState::Cancelled) => Ok(TaskState::Cancelled),
        _ => Err(Error::invalid(
            "state",
            "must be SCHEDULED, DUE, ACTIVE, DEAD, SUCCEEDED or CANCELLED",
        )),
    }
}

impl From<Task> for pb::Task {
    fn from(t: Task) -> Self {
        pb::Task {
            id: t.id,
            queue: t.queue,
            request: Some(pb::HttpRequest::from(t.request)),
            schedule_time: Some(to_timestamp(t.schedule_ms)),
            state: pb::TaskState::from(t.state) as i32,
            attempts: t.attempts as i32,
            last_status: i32::from(t.last_status),
            last_error: t.last_error,
            create_time: Some(to_timestamp(t.created_ms)),
            last_attempt_time: (t.last_attempt_ms > 0).then(|| to_timestamp(t.last_attempt_ms)),
            run_count: t.run_count as i32,
            flow_key: t.flow_key,
            history: t.history.into_iter().map(attempt_to_pb).collect(),
            finish_time: (t.finished_ms > 0).then(|| to_timestamp(t.finished_ms)),
            callbacks: t.callbacks.map(callbacks_to_pb),
        }
    }
}

/// An attempt of a task's history. A captured response keeps its whole body;
/// `reply` still gives the first bytes of it as text.
fn attempt_to_pb(a: crate::model::AttemptRecord) -> pb::Attempt {
    let captured = a.captured();
    let reply = if captured && !a.base64 {
        excerpt(&a.reply, crate::dispatch::outcome::RECORD_REPLY_BYTES).to_owned()
    } else if captured {
        String::new()
    } else {
        a.reply.clone()
    };
    pb::Attempt {
        start_time: Some(to_timestamp(a.start_ms)),
        latency: Some(to_duration(std::time::Duration::from_millis(
            a.latency_ms.max(0) as u64,
        ))),
        status: i32::from(a.status),
        error: a.error,
        reply,
        response: a.headers.map(|headers| pb::CapturedResponse {
            headers: headers_to_pb(headers),
            body: a.reply,
            body_base64: a.base64,
            body_truncated: a.truncated,
        }),
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character.
fn excerpt(text: &str, max: usize) -> &str {
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

pub(super) fn event_kind_from_pb(k: i32) -> Result<EventKind, Error> {
    use pb::EventKind as P;
    Ok(match P::try_from(k) {
        Ok(P::Pushed) => EventKind::Pushed,
        Ok(P::Scheduled) => EventKind::Scheduled,
        Ok(P::Started) => EventKind::Started,
        Ok(P::Succeeded) => EventKind::Succeeded,
        Ok(P::Retrying) => EventKind::Retrying,
        Ok(P::Dead) => EventKind::Dead,
        Ok(P::Rescheduled) => EventKind::Rescheduled,
        Ok(P::Cancelled) => EventKind::Cancelled,
        Ok(P::Evicted) => EventKind::Evicted,
        Ok(P::Paused) => EventKind::Paused,
        Ok(P::Resumed) => EventKind::Resumed,
        Ok(P::Purged) => EventKind::Purged,
        Ok(P::Deleted) => EventKind::Deleted,
        Ok(P::EndpointDisabled) => EventKind::EndpointDisabled,
        Ok(P::EndpointPaused) => EventKind::EndpointPaused,
        Ok(P::EndpointEnabled) => EventKind::EndpointEnabled,
        Ok(P::Unspecified) | Err(_) => {
            return Err(Error::invalid("kinds", format!("unknown event kind {k}")));
        }
    })
}

pub(super) fn event_kind_to_pb(k: Option<EventKind>) -> pb::EventKind {
    use pb::EventKind as P;
    match k {
        Some(EventKind::Pushed) => P::Pushed,
        Some(EventKind::Scheduled) => P::Scheduled,
        Some(EventKind::Started) => P::Started,
        Some(EventKind::Succeeded) => P::Succeeded,
        Some(EventKind::Retrying) => P::Retrying,
        Some(EventKind::Dead) => P::Dead,
        Some(EventKind::Rescheduled) => P::Rescheduled,
        Some(EventKind::Cancelled) => P::Cancelled,
        Some(EventKind::Evicted) => P::Evicted,
        Some(EventKind::Paused) => P::Paused,
        Some(EventKind::Resumed) => P::Resumed,
        Some(EventKind::Purged) => P::Purged,
        Some(EventKind::Deleted) => P::Deleted,
        Some(EventKind::EndpointDisabled) => P::EndpointDisabled,
        Some(EventKind::EndpointPaused) => P::EndpointPaused,
        Some(EventKind::EndpointEnabled) => P::EndpointEnabled,
        None => P::Unspecified,
    }
}

/// A count of tasks by state as the contract has it.
impl From<TaskCounts> for pb::CountTasksResponse {
    fn from(c: TaskCounts) -> Self {
        pb::CountTasksResponse {
            scheduled: c.scheduled as i64,
            due: c.due as i64,
            active: c.active as i64,
            dead: c.dead as i64,
            finished: c.finished as i64,
            evicted: c.evicted as i64,
        }
    }
}

impl From<WatchItem> for pb::watch_queue_response::Item {
    fn from(item: WatchItem) -> Self {
        use pb::watch_queue_response::Item;
        match item {
            WatchItem::Event { cursor, event: e } => Item::Event(pb::QueueEvent {
                cursor,
                queue: e.queue,
                kind: event_kind_to_pb(e.kind) as i32,
                task_id: e.task_id,
                time: Some(to_timestamp(e.time_ms)),
                attempt: e.attempt as i32,
                status: i32::from(e.status),
                error: e.error,
                schedule_time: (e.at_ms > 0).then(|| to_timestamp(e.at_ms)),
                reason: e.reason,
                count: e.count,
            }),
            WatchItem::Gap {
                queue,
                from,
                resume,
            } => Item::Gap(pb::EventGap {
                queue,
                from_cursor: from,
                resume_cursor: resume,
            }),
            WatchItem::Stats(s) => Item::Stats(pb::QueueStats {
                queue: s.queue,
                time: Some(to_timestamp(s.time_ms)),
                counts: Some(pb::CountTasksResponse::from(s.counts)),
                dispatch_rate: s.dispatch_rate,
                error_rate: s.error_rate,
            }),
        }
    }
}

pub(super) fn push_options(
    task_id: String,
    idempotency_key: String,
    flow_key: String,
    callbacks: Option<pb::Callbacks>,
    origin: &Origin,
) -> PushOptions {
    let some = |s: String| (!s.is_empty()).then_some(s);
    PushOptions {
        id: some(task_id),
        idempotency_key: some(idempotency_key),
        flow_key: some(flow_key),
        traceparent: origin.traceparent.clone(),
        hops: origin.hops,
        callbacks: callbacks.map(callbacks_from_pb),
    }
}

/// Where a push came from: the W3C trace context, carried to the task's requests,
/// and the HTQ deliveries that led to it (`x-htq-hops`).
pub(super) struct Origin {
    traceparent: Option<String>,
    hops: u32,
}

/// The origin a push call carries in its metadata.
pub(super) fn origin<T>(req: &Request<T>) -> Origin {
    let text = |name: &str| req.metadata().get(name).and_then(|v| v.to_str().ok());
    Origin {
        traceparent: text("traceparent").map(str::to_owned),
        hops: text(crate::dispatch::executor::HOPS_HEADER)
            .map(crate::core::validate::hops)
            .unwrap_or(0),
    }
}

impl From<PushedTask> for pb::PushTaskResponse {
    fn from(t: PushedTask) -> Self {
        pb::PushTaskResponse {
            task_id: t.id,
            schedule_time: t.due_ms.map(to_timestamp),
            duplicate: t.duplicate,
        }
    }
}

impl From<Schedule> for pb::Schedule {
    fn from(s: Schedule) -> Self {
        pb::Schedule {
            name: s.name,
            queue: s.queue,
            cron: s.cron,
            time_zone: s.time_zone,
            request: Some(pb::HttpRequest::from(s.request)),
            flow_key: s.flow_key,
            catch_up: if s.skip_missed {
                pb::CatchUp::Skip
            } else {
                pb::CatchUp::One
            } as i32,
            next_run_time: s.next_ms.map(to_timestamp),
            last_run_time: s.last_ms.map(to_timestamp),
            create_time: Some(to_timestamp(s.created_ms)),
        }
    }
}

pub(super) fn when_from_task_entry(w: Option<pb::task_entry::When>) -> When {
    match w {
        None => When::Now,
        Some(pb::task_entry::When::ScheduleTime(t)) => When::At(timestamp_ms(&t)),
        Some(pb::task_entry::When::Delay(d)) => When::After(duration_ms(&d)),
    }
}

/// A signing algorithm from the contract; unset means HMAC-SHA256.
pub(super) fn algorithm_from_pb(field: &str, v: i32) -> Result<Algorithm, Error> {
    match pb::SigningAlgorithm::try_from(v) {
        Ok(pb::SigningAlgorithm::Unspecified | pb::SigningAlgorithm::HmacSha256) => {
            Ok(Algorithm::Hmac)
        }
        Ok(pb::SigningAlgorithm::Ed25519) => Ok(Algorithm::Ed25519),
        Err(_) => Err(Error::invalid(field, format!("unknown algorithm {v}"))),
    }
}

/// A signing key for the contract, with its HMAC secret when `with_secret`.
pub(crate) fn signing_key(k: KeyRecord, with_secret: bool) -> pb::SigningKey {
    pb::SigningKey {
        secret: if with_secret {
            k.secret_text().unwrap_or_default()
        } else {
            String::new()
        },
        public_key: k.public_key_text().unwrap_or_default(),
        algorithm: match k.alg {
            Algorithm::Hmac => pb::SigningAlgorithm::HmacSha256,
            Algorithm::Ed25519 => pb::SigningAlgorithm::Ed25519,
        } as i32,
        create_time: Some(to_timestamp(k.created_ms)),
        expire_time: k.expires_ms.map(to_timestamp),
        id: k.id,
        queue: k.queue,
    }
}

/// A topic as given: create (mask None: every set field) or update (the fields
/// the mask names; empty: all). Endpoints are taken at creation only.
pub(super) fn topic_input(
    t: pb::Topic,
    mask: Option<&[String]>,
) -> Result<crate::core::topics::TopicInput, Error> {
    if let Some(m) = mask {
        const KNOWN: [&str; 7] = [
            "pause_after_failures",
            "retry",
            "retry.max_attempts",
            "retry.min_backoff",
            "retry.max_backoff",
            "retry.max_doublings",
            "request_timeout",
        ];
        if let Some(bad) = m.iter().find(|p| !KNOWN.contains(&p.as_str())) {
            return Err(Error::invalid(
                "update_mask",
                format!("cannot update {bad:?}"),
            ));
        }
    }
    let masked = mask.is_some_and(|m| !m.is_empty());
    let wants = |path: &str| !masked || mask.is_some_and(|m| m.iter().any(|p| p == path));
    let settings = pb::Queue {
        retry: t.retry,
        request_timeout: t.request_timeout,
        ..Default::default()
    };
    // The queue rules for retries and the timeout; only those fields.
    let queue_mask: Option<Vec<String>> = mask.map(|m| {
        m.iter()
            .filter(|p| p.starts_with("retry") || *p == "request_timeout")
            .cloned()
            .collect()
    });
    let queue = match (&queue_mask, masked) {
        (Some(m), true) if m.is_empty() => QueueInput::default(),
        _ => queue_input(settings, queue_mask.as_deref())?,
    };
    Ok(crate::core::topics::TopicInput {
        name: t.name,
        endpoints: t.endpoints.into_iter().map(endpoint_input).collect(),
        pause_after_failures: if wants("pause_after_failures")
            && (masked || t.pause_after_failures != 0)
        {
            Some(i64::from(t.pause_after_failures))
        } else {
            None
        },
        queue,
    })
}

/// An endpoint as given.
pub(super) fn endpoint_input(e: pb::Endpoint) -> crate::core::topics::EndpointInput {
    crate::core::topics::EndpointInput {
        name: e.name,
        url: e.url,
        headers: headers_from_pb(e.headers),
        max_concurrency: i64::from(e.max_concurrency),
        rate: e.max_dispatches_per_second,
    }
}

impl From<crate::model::Topic> for pb::Topic {
    fn from(t: crate::model::Topic) -> Self {
        use crate::model::EndpointState as S;
        let name = t.name.clone();
        pb::Topic {
            endpoints: t
                .endpoints
                .into_iter()
                .map(|e| pb::Endpoint {
                    queue: crate::model::Topic::queue_of(&name, &e.name),
                    name: e.name,
                    url: e.url,
                    headers: headers_to_pb(e.headers),
                    max_concurrency: e.max_concurrency as i32,
                    max_dispatches_per_second: e.rate,
                    state: match e.state {
                        S::Enabled => pb::EndpointState::Enabled,
                        S::Disabled => pb::EndpointState::Disabled,
                        S::Paused => pb::EndpointState::Paused,
                    } as i32,
                    state_reason: e.state_reason,
                    state_time: (e.state_ms > 0).then(|| to_timestamp(e.state_ms)),
                    consecutive_failures: e.consecutive_failures as i32,
                })
                .collect(),
            name: t.name,
            pause_after_failures: t.pause_after_failures as i32,
            retry: Some(retry_to_pb(&t.retry)),
            request_timeout: Some(to_duration(t.request_timeout)),
            create_time: Some(to_timestamp(t.created_ms)),
        }
    }
}

/// A message to publish, as given.
pub(super) fn message_from_pb(m: pb::PublishRequest) -> crate::core::topics::Message {
    let body = match m.body {
        None => Body::Empty,
        Some(pb::publish_request::Body::Data(d)) if d.is_empty() => Body::Empty,
        Some(pb::publish_request::Body::Data(d)) => Body::Bytes(Bytes::from(d)),
        Some(pb::publish_request::Body::Text(t)) if t.is_empty() => Body::Empty,
        Some(pb::publish_request::Body::Text(t)) => Body::Bytes(Bytes::from(t.into_bytes())),
    };
    crate::core::topics::Message {
        method: m.method,
        headers: headers_from_pb(m.headers),
        body,
        delay_ms: m.delay.as_ref().map_or(0, duration_ms),
        idempotency_key: (!m.idempotency_key.is_empty()).then_some(m.idempotency_key),
        callbacks: m.callbacks.map(callbacks_from_pb),
    }
}

impl From<crate::core::topics::PublishedMessage> for pb::PublishResponse {
    fn from(m: crate::core::topics::PublishedMessage) -> Self {
        pb::PublishResponse {
            message_id: m.id,
            deliveries: m
                .deliveries
                .into_iter()
                .map(|d| pb::Delivery {
                    endpoint: d.endpoint,
                    queue: d.queue,
                    task_id: d.task_id,
                    duplicate: d.duplicate,
                    skipped: d.skipped,
                })
                .collect(),
        }
    }
}

/// The `q` quantile of a histogram of [`crate::store::HISTORY_BUCKETS_MS`]
/// buckets: the upper bound of the bucket it falls in (twice the last bound for
/// the overflow bucket), 0 for an empty histogram.
pub(super) fn quantile(counts: &[i64], q: f64) -> i64 {
    let total: i64 = counts.iter().sum();
    if total == 0 {
        return 0;
    }
    let bounds = crate::store::HISTORY_BUCKETS_MS;
    let rank = (q * total as f64).ceil().max(1.0) as i64;
    let mut seen = 0;
    for (i, n) in counts.iter().enumerate() {
        seen += n;
        if seen >= rank {
            return bounds
                .get(i)
                .copied()
                .unwrap_or(bounds[bounds.len() - 1] * 2);
        }
    }
    bounds[bounds.len() - 1] * 2
}

/// One point of a history, `step` ms wide.
pub(super) fn history_point(at: i64, s: &crate::store::Slot, step: i64) -> pb::HistoryPoint {
    let per_second = |n: i64| n as f64 * 1000.0 / step as f64;
    pb::HistoryPoint {
        time: Some(to_timestamp(at)),
        dispatches_per_second: per_second(s.dispatched),
        errors_per_second: per_second(s.errors),
        depth: s.depth,
        duration_p50_ms: quantile(&s.durations, 0.5),
        duration_p90_ms: quantile(&s.durations, 0.9),
        duration_p99_ms: quantile(&s.durations, 0.99),
        delay_p50_ms: quantile(&s.delays, 0.5),
        delay_p99_ms: quantile(&s.delays, 0.99),
    }
}

/// The fields of Queue a brief read of the queue has (see
/// [`crate::store::Store::get_queue_heads`]).
pub(super) const BRIEF: &[&str] = &["name", "kind", "paused"];

/// A queue with only the fields of `paths` (a ListQueues read mask: top-level
/// fields of Queue); all of it when `paths` is empty. An unknown path is refused,
/// naming it.
pub(super) fn mask_queue(q: pb::Queue, paths: &[String]) -> Result<pb::Queue, Error> {
    if paths.is_empty() {
        return Ok(q);
    }
    let mut out = pb::Queue::default();
    for p in paths {
        match p.as_str() {
            "name" => out.name.clone_from(&q.name),
            "kind" => out.kind = q.kind,
            "max_concurrency" => out.max_concurrency = q.max_concurrency,
            "request_timeout" => out.request_timeout = q.request_timeout,
            "retry" => out.retry = q.retry,
            "variable" => out.variable = q.variable,
            "paused" => out.paused = q.paused,
            "create_time" => out.create_time = q.create_time,
            "max_dispatches_per_second" => {
                out.max_dispatches_per_second = q.max_dispatches_per_second
            }
            "max_burst" => out.max_burst = q.max_burst,
            "flow" => out.flow = q.flow,
            "dead_letter" => out.dead_letter.clone_from(&q.dead_letter),
            "retention" => out.retention = q.retention,
            "dedup_window" => out.dedup_window = q.dedup_window,
            "attempt_history" => out.attempt_history = q.attempt_history,
            "max_events" => out.max_events = q.max_events,
            "hide_replies" => out.hide_replies = q.hide_replies,
            "partitions" => out.partitions = q.partitions,
            "follow_redirects" => out.follow_redirects = q.follow_redirects,
            "capture_responses" => out.capture_responses = q.capture_responses,
            "capture_body_bytes" => out.capture_body_bytes = q.capture_body_bytes,
            "callbacks" => out.callbacks.clone_from(&q.callbacks),
            other => {
                return Err(Error::invalid(
                    "read_mask",
                    format!("{other:?} is not a field of Queue"),
                ));
            }
        }
    }
    Ok(out)
}

/// A retry policy as the API gives it.
fn retry_to_pb(r: &crate::model::RetryPolicy) -> pb::RetryPolicy {
    pb::RetryPolicy {
        max_attempts: r.max_attempts as i32,
        min_backoff: Some(to_duration(r.min_backoff)),
        max_backoff: Some(to_duration(r.max_backoff)),
        max_doublings: r.max_doublings as i32,
    }
}

/// Headers as the API gives them.
fn headers_to_pb(headers: Vec<(String, String)>) -> Vec<pb::Header> {
    headers
        .into_iter()
        .map(|(name, value)| pb::Header { name, value })
        .collect()
}

/// Headers as the API takes them: name and value pairs.
fn headers_from_pb(headers: Vec<pb::Header>) -> Vec<(String, String)> {
    headers.into_iter().map(|h| (h.name, h.value)).collect()
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_are_the_bounds_of_their_buckets() {
        let mut counts = [0i64; 14];
        assert_eq!(quantile(&counts, 0.5), 0);
        // 10 requests of at most 5 ms, 9 of at most 50, 1 over 10 s.
        counts[2] = 10;
        counts[5] = 9;
        counts[13] = 1;
        assert_eq!(quantile(&counts, 0.5), 5);
        assert_eq!(quantile(&counts, 0.9), 50);
        assert_eq!(quantile(&counts, 0.99), 20_000);
        assert_eq!(quantile(&counts, 0.0), 5);
    }
}
