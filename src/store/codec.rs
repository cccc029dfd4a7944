//! How queues and tasks are encoded in Redis.
//!
//! A task's immutable part (its request and times) is one protobuf blob in the
//! queue's `tasks` hash, opaque to the scripts. Its mutable part (attempts, last
//! result) is a small JSON object in the `state` hash, written only once the task
//! has started, which the scripts read and write with cjson.

use std::time::Duration;

use bytes::Bytes;
use prost::Message;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::ms;
use crate::model::{
    Body, Callbacks, DEFAULT_CAPTURE_BYTES, FlowControl, HttpRequest, Queue, QueueKind,
    RetryPolicy, VariableSettings,
};

/// The stored form of a task's immutable part. Compact on purpose (it is most of a
/// queued task's memory): the method is left out when it is GET, the creation time
/// when the task id (a ULID) already carries it, the schedule time is kept as an
/// offset from the creation time (nothing when due at once), and headers are one
/// `name:value` line each.
#[derive(Clone, PartialEq, Message)]
pub struct StoredTask {
    #[prost(string, tag = "1")]
    pub method: String,
    #[prost(string, tag = "2")]
    pub url: String,
    #[prost(string, tag = "3")]
    pub headers: String,
    #[prost(bytes = "bytes", optional, tag = "4")]
    pub data: Option<Bytes>,
    #[prost(message, repeated, tag = "5")]
    pub form: Vec<StoredPair>,
    #[prost(bool, tag = "6")]
    pub is_form: bool,
    #[prost(int64, tag = "7")]
    pub created_ms: i64,
    #[prost(sint64, tag = "8")]
    pub schedule_offset_ms: i64,
    /// Its callbacks as JSON ([`Callbacks`]); empty: none of its own.
    #[prost(string, tag = "9")]
    pub callbacks: String,
    /// It is itself a callback: its queue's callbacks do not apply to it.
    #[prost(bool, tag = "10")]
    pub is_callback: bool,
}

/// A task's immutable part, decoded (see [`decode_task`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedTask {
    /// The request it performs.
    pub request: HttpRequest,
    /// When it was created, ms.
    pub created_ms: i64,
    /// When it was first due, ms.
    pub schedule_ms: i64,
    /// Its own callbacks.
    pub callbacks: Option<Callbacks>,
    /// It is itself a callback.
    pub is_callback: bool,
}

/// A form field.
#[derive(Clone, PartialEq, Message)]
pub struct StoredPair {
    #[prost(string, tag = "1")]
    pub name: String,
    #[prost(string, tag = "2")]
    pub value: String,
}

/// A cron schedule as stored (the `schedules` hash).
#[derive(Clone, PartialEq, Message)]
pub struct StoredSchedule {
    /// Target queue.
    #[prost(string, tag = "1")]
    pub queue: String,
    /// Cron expression.
    #[prost(string, tag = "2")]
    pub cron: String,
    /// IANA time zone; empty: UTC.
    #[prost(string, tag = "3")]
    pub time_zone: String,
    /// The task template: an encoded task ([`encode_task`] with id "" and times 0).
    #[prost(bytes = "vec", tag = "4")]
    pub task: Vec<u8>,
    /// Flow key of each tick's task; empty: none.
    #[prost(string, tag = "5")]
    pub flow_key: String,
    /// Skip missed ticks (else one catch-up run).
    #[prost(bool, tag = "6")]
    pub skip_missed: bool,
    /// Creation time, ms.
    #[prost(int64, tag = "7")]
    pub created_ms: i64,
}

/// Encodes a schedule.
pub fn encode_schedule(s: &StoredSchedule) -> Vec<u8> {
    s.encode_to_vec()
}

/// Decodes what [`encode_schedule`] wrote.
pub fn decode_schedule(blob: &[u8]) -> Result<StoredSchedule> {
    StoredSchedule::decode(blob).map_err(|e| Error::Internal(format!("corrupt schedule: {e}")))
}

/// The creation time a task id carries: a ULID's timestamp, None for other ids.
fn id_time(id: &str) -> Option<i64> {
    ulid::Ulid::from_string(id)
        .ok()
        .map(|u| u.timestamp_ms() as i64)
}

/// Encodes task `id`'s request and times, its callbacks, and whether it is itself
/// a callback.
pub fn encode_task(
    id: &str,
    request: &HttpRequest,
    created_ms: i64,
    schedule_ms: i64,
    callbacks: Option<&Callbacks>,
    is_callback: bool,
) -> Vec<u8> {
    let (data, form, is_form) = match &request.body {
        Body::Empty => (None, Vec::new(), false),
        Body::Bytes(b) => (Some(b.clone()), Vec::new(), false),
        Body::Form(f) => (
            None,
            f.iter()
                .map(|(name, value)| StoredPair {
                    name: name.clone(),
                    value: value.clone(),
                })
                .collect(),
            true,
        ),
    };
    let mut headers = String::with_capacity(
        request
            .headers
            .iter()
            .map(|(k, v)| k.len() + v.len() + 2)
            .sum(),
    );
    for (name, value) in &request.headers {
        // Header names hold no ':' and values no CR or LF (checked at push).
        headers.push_str(name);
        headers.push(':');
        headers.push_str(value);
        headers.push('\n');
    }
    StoredTask {
        method: if request.method == "GET" {
            String::new()
        } else {
            request.method.clone()
        },
        url: request.url.clone(),
        headers,
        data,
        form,
        is_form,
        created_ms: if id_time(id) == Some(created_ms) {
            0
        } else {
            created_ms
        },
        schedule_offset_ms: schedule_ms - created_ms,
        callbacks: callbacks
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .unwrap_or_default(),
        is_callback,
    }
    .encode_to_vec()
}

/// Decodes what `encode_task` wrote for task `id`.
pub fn decode_task(id: &str, blob: &[u8]) -> Result<DecodedTask> {
    let t = StoredTask::decode(blob).map_err(|e| Error::Internal(format!("corrupt task: {e}")))?;
    let body = if t.is_form {
        Body::Form(t.form.into_iter().map(|p| (p.name, p.value)).collect())
    } else {
        match t.data {
            Some(b) => Body::Bytes(b),
            None => Body::Empty,
        }
    };
    let headers = t
        .headers
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let request = HttpRequest {
        method: if t.method.is_empty() {
            "GET".to_owned()
        } else {
            t.method
        },
        url: t.url,
        headers,
        body,
    };
    let created_ms = if t.created_ms != 0 {
        t.created_ms
    } else {
        id_time(id).unwrap_or(0)
    };
    let callbacks = match t.callbacks.as_str() {
        "" => None,
        json => Some(
            serde_json::from_str(json)
                .map_err(|e| Error::Internal(format!("corrupt task callbacks: {e}")))?,
        ),
    };
    Ok(DecodedTask {
        request,
        created_ms,
        schedule_ms: created_ms + t.schedule_offset_ms,
        callbacks,
        is_callback: t.is_callback,
    })
}

/// A final outcome as the callback outbox keeps it (see `outbox` in
/// lua/prelude.lua): written by the dispatcher for outcomes with a reply, by the
/// scripts for lease expiries and cancels.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, serde::Serialize)]
pub struct OutboxMeta {
    /// The task.
    #[serde(rename = "i")]
    pub id: String,
    /// `s` succeeded, `d` dead, `c` cancelled.
    #[serde(rename = "o")]
    pub outcome: String,
    /// Attempts started.
    #[serde(rename = "a", default)]
    pub attempts: f64,
    /// When it ended, ms.
    #[serde(rename = "t", default)]
    pub at_ms: f64,
    /// Start of its last attempt, ms (0: none).
    #[serde(rename = "st", default)]
    pub started_ms: f64,
    /// The last reply's status (0: none).
    #[serde(rename = "s", default)]
    pub status: f64,
    /// The last error.
    #[serde(rename = "e", default, skip_serializing_if = "String::is_empty")]
    pub error: String,
    /// The final reply's headers.
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<(String, String)>>,
    /// The final reply's body as kept: text, or base64 (`base64`).
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// `body` is base64.
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub base64: bool,
    /// The reply's body was longer than `body`.
    #[serde(rename = "c", default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// A task's mutable state, as the scripts keep it (see lua/prelude.lua).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct TaskStateJson {
    /// Attempts started.
    #[serde(default, rename = "a")]
    pub attempts: f64,
    /// The lease token of the current claim.
    #[serde(default, rename = "l")]
    pub lease: String,
    /// Leases that expired.
    #[serde(default, rename = "i")]
    pub interrupted: f64,
    /// Last HTTP status.
    #[serde(default, rename = "s")]
    pub status: f64,
    /// Last error.
    #[serde(default, rename = "e")]
    pub error: String,
    /// Start of the last attempt, ms.
    #[serde(default, rename = "t")]
    pub started_ms: f64,
    /// Variable run count.
    #[serde(default, rename = "r")]
    pub run_count: f64,
    /// Attempts started before the task was last given fresh attempts (retried
    /// from the dead-letter set): `attempts - base` count against max_attempts.
    #[serde(default, rename = "b")]
    pub base: f64,
    /// The flow key, if any.
    #[serde(default, rename = "k")]
    pub flow_key: Option<String>,
    /// The trace context of the push (W3C traceparent), if any.
    #[serde(default, rename = "p")]
    pub traceparent: Option<String>,
    /// HTQ deliveries that led to the push of this task (its request carries one
    /// more in `x-htq-hops`).
    #[serde(default, rename = "h")]
    pub hops: u32,
    /// How a retained task finished: `s` succeeded, `c` cancelled.
    #[serde(default, rename = "x")]
    pub finished: Option<String>,
    /// When a retained task finished, ms.
    #[serde(default, rename = "f")]
    pub finished_ms: f64,
}

impl TaskStateJson {
    /// Attempts that count against the queue's max_attempts.
    pub fn counted_attempts(&self) -> u32 {
        (self.attempts - self.base).max(0.0) as u32
    }
}

impl TaskStateJson {
    /// Parses the JSON; an empty string is the state of a task never started.
    pub fn parse(raw: &str) -> Result<Self> {
        if raw.is_empty() {
            return Ok(Self::default());
        }
        // cjson writes an empty Lua table as `{}`, which is fine here.
        serde_json::from_str(raw).map_err(|e| Error::Internal(format!("corrupt task state: {e}")))
    }
}

/// The settings hash fields of a queue.
pub fn queue_fields(q: &Queue) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("kind", q.kind.as_str().to_owned()),
        ("max_concurrency", q.max_concurrency.to_string()),
        ("timeout_ms", ms(q.request_timeout).to_string()),
        ("max_attempts", q.retry.max_attempts.to_string()),
        ("min_backoff_ms", ms(q.retry.min_backoff).to_string()),
        ("max_backoff_ms", ms(q.retry.max_backoff).to_string()),
        ("max_doublings", q.retry.max_doublings.to_string()),
        ("stepping_ms", ms(q.variable.stepping).to_string()),
        ("max_interval_ms", ms(q.variable.max_interval).to_string()),
        ("paused", if q.paused { "1" } else { "0" }.to_owned()),
        ("created_ms", q.created_ms.to_string()),
        (
            "legacy_attr",
            q.legacy_attribute.clone().unwrap_or_default(),
        ),
        ("legacy", if q.legacy { "1" } else { "" }.to_owned()),
        ("rate", q.rate.to_string()),
        ("burst", q.burst.to_string()),
        ("fconc", q.flow.max_concurrency.to_string()),
        ("frate", q.flow.rate.to_string()),
        ("fburst", q.flow.burst.to_string()),
        ("dead_max", q.dead_max.to_string()),
        ("dead_age_ms", ms(q.dead_max_age).to_string()),
        ("retention_ms", ms(q.retention).to_string()),
        ("dedup_ms", ms(q.dedup_window).to_string()),
        ("history", q.attempt_history.to_string()),
        ("max_events", q.max_events.to_string()),
        (
            "hide_replies",
            if q.hide_replies { "1" } else { "" }.to_owned(),
        ),
        (
            "redirects",
            if q.follow_redirects { "1" } else { "0" }.to_owned(),
        ),
        (
            "capture",
            if q.capture_responses { "1" } else { "" }.to_owned(),
        ),
        ("capture_bytes", q.capture_body_bytes.to_string()),
        (
            "cb",
            q.callbacks
                .as_ref()
                .map(|c| serde_json::to_string(c).unwrap_or_default())
                .unwrap_or_default(),
        ),
    ];
    // Only a partitioned queue has the field: its own keys then hold no tasks, and
    // the push scripts refuse them (see push.lua).
    if q.partitions > 1 {
        fields.push(("partitions", q.partitions.to_string()));
    }
    if crate::model::Partition::of(&q.name).is_some() {
        fields.push(("partition", "1".to_owned()));
    }
    fields
}

/// Whether a queue's `legacy` and `legacy_attr` fields make it a legacy one: the
/// flag, or for a queue stored before the flag existed, a kept attribute.
pub fn is_legacy(flag: Option<&str>, attribute: Option<&str>) -> bool {
    flag == Some("1") || attribute.is_some_and(|a| !a.is_empty())
}

/// Rebuilds a queue from its settings hash (field/value pairs).
pub fn decode_queue(name: &str, fields: &[(String, String)]) -> Result<Queue> {
    let get = |k: &str| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v.as_str());
    let num = |k: &str| -> Result<u64> {
        get(k)
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or_else(|| Error::Internal(format!("queue {name}: bad or missing {k}")))
    };
    let millis = |k: &str| num(k).map(Duration::from_millis);
    let defaults = Queue::new(name, QueueKind::RealTime);
    // Settings added after a queue was made read as their defaults.
    let num_or = |k: &str, d: u64| get(k).map_or(Ok(d), |_| num(k));
    let millis_or = |k: &str, d: Duration| get(k).map_or(Ok(d), |_| millis(k));
    let rate = |k: &str| -> Result<f64> {
        get(k).map_or(Ok(0.0), |v| {
            v.parse::<f64>()
                .ok()
                .filter(|r| r.is_finite() && *r >= 0.0)
                .ok_or_else(|| Error::Internal(format!("queue {name}: bad {k}")))
        })
    };
    let kind = get("kind")
        .and_then(QueueKind::parse)
        .ok_or_else(|| Error::Internal(format!("queue {name}: bad kind")))?;
    let legacy = is_legacy(get("legacy"), get("legacy_attr"));
    Ok(Queue {
        name: name.to_owned(),
        kind,
        max_concurrency: num("max_concurrency")? as u32,
        request_timeout: millis("timeout_ms")?,
        retry: RetryPolicy {
            max_attempts: num("max_attempts")? as u32,
            min_backoff: millis("min_backoff_ms")?,
            max_backoff: millis("max_backoff_ms")?,
            max_doublings: num("max_doublings")? as u32,
        },
        variable: VariableSettings {
            stepping: millis("stepping_ms")?,
            max_interval: millis("max_interval_ms")?,
        },
        paused: get("paused") == Some("1"),
        created_ms: get("created_ms").and_then(|v| v.parse().ok()).unwrap_or(0),
        legacy_attribute: get("legacy_attr")
            .filter(|a| !a.is_empty())
            .map(str::to_owned),
        legacy,
        rate: rate("rate")?,
        burst: num_or("burst", 1)? as u32,
        flow: FlowControl {
            max_concurrency: num_or("fconc", 0)? as u32,
            rate: rate("frate")?,
            burst: num_or("fburst", 1)? as u32,
        },
        dead_max: num_or("dead_max", u64::from(defaults.dead_max))? as u32,
        dead_max_age: millis_or("dead_age_ms", defaults.dead_max_age)?,
        retention: millis_or("retention_ms", Duration::ZERO)?,
        dedup_window: millis_or("dedup_ms", defaults.dedup_window)?,
        attempt_history: num_or("history", u64::from(defaults.attempt_history))? as u32,
        max_events: num_or("max_events", u64::from(defaults.max_events))? as u32,
        hide_replies: get("hide_replies") == Some("1"),
        partitions: num_or("partitions", 1)?.max(1) as u32,
        // Queues stored before the setting existed: legacy ones followed redirects.
        follow_redirects: match get("redirects") {
            Some(v) => v == "1",
            None => legacy,
        },
        capture_responses: get("capture") == Some("1"),
        capture_body_bytes: num_or("capture_bytes", u64::from(DEFAULT_CAPTURE_BYTES))? as u32,
        callbacks: match get("cb") {
            None | Some("") => None,
            Some(json) => {
                Some(serde_json::from_str(json).map_err(|e| {
                    Error::Internal(format!("queue {name:?}: corrupt callbacks: {e}"))
                })?)
            }
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_round_trip_keeps_every_body_kind() {
        for body in [
            Body::Empty,
            Body::Bytes(Bytes::from_static(b"\x00\xffraw")),
            Body::Form(vec![("k".into(), "v".into()), ("k".into(), "".into())]),
        ] {
            let req = HttpRequest {
                method: "POST".into(),
                url: "http://127.0.0.1/x?y=1".into(),
                headers: vec![
                    ("X-A".into(), "1".into()),
                    ("X-A".into(), " 2: two ".into()),
                ],
                body,
            };
            let blob = encode_task("not-a-ulid", &req, 11, 22, None, false);
            let t = decode_task("not-a-ulid", &blob).unwrap();
            assert_eq!(
                (
                    t.request,
                    t.created_ms,
                    t.schedule_ms,
                    t.callbacks,
                    t.is_callback
                ),
                (req.clone(), 11, 22, None, false)
            );
            // A ULID id carries the creation time; the blob then leaves it out.
            let id = ulid::Ulid::from_parts(1_732_435_200_123, 7).to_string();
            let short = encode_task(&id, &req, 1_732_435_200_123, 1_732_435_200_123, None, false);
            let long = encode_task(
                "not-a-ulid",
                &req,
                1_732_435_200_123,
                1_732_435_200_123,
                None,
                false,
            );
            assert!(
                short.len() + 6 <= long.len(),
                "{} vs {}",
                short.len(),
                long.len()
            );
            let t = decode_task(&id, &short).unwrap();
            assert_eq!(
                (t.request, t.created_ms, t.schedule_ms),
                (req.clone(), 1_732_435_200_123, 1_732_435_200_123)
            );
            // Callbacks, and the mark of a callback task, round-trip.
            let cbs = Callbacks {
                on_failure: Some(crate::model::Callback {
                    method: "POST".into(),
                    url: "http://127.0.0.1/failed".into(),
                    headers: vec![("X-K".into(), "1".into())],
                }),
                on_cancel: true,
                queue: "hooks".into(),
                ..Default::default()
            };
            let t = decode_task(&id, &encode_task(&id, &req, 1, 2, Some(&cbs), true)).unwrap();
            assert_eq!((t.callbacks, t.is_callback), (Some(cbs), true));
        }
    }

    #[test]
    fn queue_round_trip() {
        let stored = |q: &Queue| -> Vec<(String, String)> {
            queue_fields(q)
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect()
        };
        let mut q = Queue::new("q", QueueKind::Variable);
        q.max_concurrency = 7;
        q.paused = true;
        q.created_ms = 5;
        q.variable.max_interval = Duration::from_millis(1500);
        q.legacy_attribute = Some(r#"{"type":"variable","stepping_time":"1"}"#.into());
        q.legacy = true;
        q.rate = 12.5;
        q.flow.max_concurrency = 2;
        q.retention = Duration::from_secs(60);
        let fields = stored(&q);
        assert_eq!(decode_queue("q", &fields).unwrap(), q);
        // A queue stored before the legacy flag is legacy by its attribute alone;
        // the flag keeps it legacy once the attribute is gone.
        let old: Vec<(String, String)> =
            fields.into_iter().filter(|(k, _)| k != "legacy").collect();
        assert!(decode_queue("q", &old).unwrap().legacy);
        q.legacy_attribute = None;
        assert!(decode_queue("q", &stored(&q)).unwrap().legacy);
        q.legacy = false;
        assert!(!decode_queue("q", &stored(&q)).unwrap().legacy);

        // Redirects and capture round-trip; a queue stored before the redirect
        // setting existed follows redirects when it is a legacy one, as before.
        q.follow_redirects = true;
        q.capture_responses = true;
        q.capture_body_bytes = 100;
        q.callbacks = Some(Callbacks {
            on_success: Some(crate::model::Callback {
                method: "PUT".into(),
                url: "http://127.0.0.1/ok".into(),
                headers: Vec::new(),
            }),
            ..Default::default()
        });
        assert_eq!(decode_queue("q", &stored(&q)).unwrap(), q);
        let before = |q: &Queue| -> Vec<(String, String)> {
            stored(q)
                .into_iter()
                .filter(|(k, _)| k != "redirects")
                .collect()
        };
        assert!(!decode_queue("q", &before(&q)).unwrap().follow_redirects);
        q.legacy = true;
        assert!(decode_queue("q", &before(&q)).unwrap().follow_redirects);
        q.follow_redirects = false;
        assert!(!decode_queue("q", &stored(&q)).unwrap().follow_redirects);
    }

    #[test]
    fn state_json_as_cjson_writes_it() {
        let st = TaskStateJson::parse(r#"{"a":2,"t":1732435200123,"e":"x","s":503}"#).unwrap();
        assert_eq!(st.attempts, 2.0);
        assert_eq!(st.started_ms, 1732435200123.0);
        assert_eq!(st.status, 503.0);
        assert_eq!(
            TaskStateJson::parse("{}").unwrap(),
            TaskStateJson::default()
        );
        assert_eq!(TaskStateJson::parse("").unwrap(), TaskStateJson::default());
    }
}
