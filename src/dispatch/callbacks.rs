//! Callbacks on final outcomes: the relay from a queue's outbox to callback tasks.
//!
//! The script that records a final outcome (a finish, a lease expiry that
//! dead-letters, a cancel) also writes it to the queue's outbox (see `outbox` in
//! store/lua/prelude.lua), so no outcome is lost when HTQ dies right after it. The
//! relay reads the outbox, pushes one ordinary task per outcome that has a callback
//! (into the queue the callbacks name, else the task's own queue), and removes the
//! entry. Each push carries an idempotency key made of the entry, so two relays of
//! one entry (this process and, after a crash, another one's lease sweep) store
//! one task within the target queue's dedup window.
//!
//! The finishing process relays at once; the lease sweeper relays what a process
//! that died left behind (see `sweeper::recover_leases`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::Shared;
use super::outcome::Attempt;
use super::outcome::captured_body;
use crate::error::Result;
use crate::model::{
    Body, Callback, Callbacks, FinalOutcome, HttpRequest, Partition, Queue, new_task_id, now_ms,
};
use crate::store::{ClaimedTask, NewRow, OutboxMeta, decode_task};

/// Outbox entries read per scan step.
const SCAN: usize = 100;

/// The callbacks a task's final outcome has: its own, else (unless it is itself a
/// callback) its queue's.
pub fn callbacks_of<'a>(
    queue: &'a Queue,
    own: Option<&'a Callbacks>,
    is_callback: bool,
) -> Option<&'a Callbacks> {
    own.or(if is_callback {
        None
    } else {
        queue.callbacks.as_ref()
    })
}

/// The outbox entry of a finish (see finish.lua), when `task` has a callback for
/// `outcome`: how it ended (`error`: why it failed), with the final reply as the
/// queue's capture size keeps it.
pub fn finish_entry(
    queue: &Queue,
    task: &ClaimedTask,
    outcome: FinalOutcome,
    attempt: &Attempt,
    error: &str,
    now: i64,
) -> String {
    let wanted = callbacks_of(queue, task.callbacks.as_ref(), task.is_callback)
        .and_then(|c| c.for_outcome(outcome))
        .is_some();
    if !wanted {
        return String::new();
    }
    let mut meta = OutboxMeta {
        id: task.id.clone(),
        outcome: outcome.letter().to_owned(),
        attempts: task.state.attempts,
        at_ms: now as f64,
        started_ms: task.state.started_ms,
        status: f64::from(attempt.status.unwrap_or(0)),
        error: error.to_owned(),
        ..Default::default()
    };
    if attempt.status.is_some() {
        let (body, base64, truncated) = captured_body(
            &attempt.body,
            queue.capture_body_bytes as usize,
            attempt.truncated,
        );
        meta.headers = Some(attempt.headers.clone().unwrap_or_default());
        meta.body = body;
        meta.base64 = base64;
        meta.truncated = truncated || attempt.truncated;
    }
    serde_json::to_string(&meta).unwrap_or_default()
}

/// The relays running in this process, by queue: a relay asked for while one
/// runs makes that one go round again.
#[derive(Default)]
pub struct Relays {
    running: Mutex<HashMap<String, bool>>,
}

impl Relays {
    /// Relays `queue`'s outbox soon, without waiting.
    pub(crate) fn kick(shared: &Arc<Shared>, queue: &str) {
        {
            let mut running = shared
                .relays
                .running
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some(again) = running.get_mut(queue) {
                *again = true;
                return;
            }
            running.insert(queue.to_owned(), false);
        }
        let (shared, queue) = (shared.clone(), queue.to_owned());
        tokio::spawn(async move {
            loop {
                if let Err(e) = relay(&shared, &queue).await {
                    tracing::warn!(queue = %queue, error = %e, "cannot relay callbacks; the lease sweep will try again");
                }
                let mut running = shared
                    .relays
                    .running
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                match running.get_mut(&queue) {
                    Some(again) if *again => *again = false,
                    _ => {
                        running.remove(&queue);
                        return;
                    }
                }
            }
        });
    }
}

/// Pushes the callback tasks of `queue`'s outbox (a queue's or a partition's
/// store name) and removes their entries, a scan step at a time: the callbacks of
/// one step that go to one queue are pushed by one script call, and the entries
/// done are removed by one command. Returns the entries left (their target queue
/// is missing, or Redis failed them).
pub(crate) async fn relay(shared: &Arc<Shared>, queue: &str) -> Result<u64> {
    let store = &shared.store;
    let Some(settings) = store.get_queue(queue).await? else {
        return Ok(0);
    };
    let (mut cursor, mut left) = (0, 0);
    loop {
        let (next, entries) = store.outbox_scan(queue, cursor, SCAN).await?;
        // Entries with nothing to push are done at once; the others by target.
        let mut done: Vec<String> = Vec::with_capacity(entries.len());
        let mut by_target: HashMap<String, Vec<(String, NewRow)>> = HashMap::new();
        for (field, value) in entries {
            match callback_row(&settings, &field, &value) {
                Ok(None) => done.push(field),
                Ok(Some((target, row))) => by_target.entry(target).or_default().push((field, row)),
                Err(e) => {
                    // A corrupt entry would fail every time: logged and dropped.
                    tracing::error!(queue = %queue, entry = %field, error = %e, "unreadable callback entry dropped");
                    done.push(field);
                }
            }
        }
        for (target, rows) in by_target {
            match push_callbacks(shared, &target, &rows).await {
                Ok(()) => done.extend(rows.into_iter().map(|(field, _)| field)),
                Err(e) => {
                    left += rows.len() as u64;
                    tracing::warn!(queue = %queue, target = %target, callbacks = rows.len(), error = %e, "callbacks not pushed; kept for the next lease sweep");
                }
            }
        }
        store.outbox_remove(queue, &done).await?;
        if next == 0 {
            return Ok(left);
        }
        cursor = next;
    }
}

/// The callback task of one outbox entry, and the queue it goes to; None when
/// the outcome has no callback.
fn callback_row(settings: &Queue, field: &str, value: &[u8]) -> Result<Option<(String, NewRow)>> {
    let corrupt = |what: &str| crate::Error::Internal(format!("outbox entry {field}: {what}"));
    let split = value
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| corrupt("no newline"))?;
    let meta: OutboxMeta =
        serde_json::from_slice(&value[..split]).map_err(|e| corrupt(&e.to_string()))?;
    let blob = &value[split + 1..];
    if blob.is_empty() {
        // The task was gone when its outcome was recorded: nothing names a callback.
        return Ok(None);
    }
    let task = decode_task(&meta.id, blob)?;
    let outcome = FinalOutcome::from_letter(&meta.outcome).ok_or_else(|| corrupt("outcome"))?;
    let Some(callbacks) = callbacks_of(settings, task.callbacks.as_ref(), task.is_callback) else {
        return Ok(None);
    };
    let Some(hook) = callbacks.for_outcome(outcome) else {
        return Ok(None);
    };
    let source = Partition::queue_of(&settings.name);
    let target = [
        callbacks.queue.as_str(),
        settings.callbacks.as_ref().map_or("", |c| c.queue.as_str()),
        source,
    ]
    .into_iter()
    .find(|q| !q.is_empty())
    .unwrap_or(source);
    let body = callback_body(source, &meta, &task.request, task.created_ms, outcome);
    let (id, created_ms) = new_task_id();
    let row = NewRow {
        id,
        due_ms: created_ms,
        created_ms,
        request: callback_request(hook, body),
        idempotency_key: Some(format!("htq-callback:{}\u{1f}{field}", settings.name)),
        is_callback: true,
        ..Default::default()
    };
    Ok(Some((target.to_owned(), row)))
}

/// Pushes callback tasks into `target` (a partitioned queue's go to the
/// partitions their idempotency keys pick), a script call per partition.
async fn push_callbacks(
    shared: &Arc<Shared>,
    target: &str,
    rows: &[(String, NewRow)],
) -> Result<()> {
    let store = &shared.store;
    let n = match store.queue_partitions(target).await? {
        None => return Err(crate::Error::NotFound(format!("callback queue {target:?}"))),
        Some(n) => n,
    };
    let mut members: HashMap<String, Vec<NewRow>> = HashMap::new();
    for (_, row) in rows {
        let member = if n > 1 {
            let key = row.idempotency_key.as_deref().unwrap_or_default();
            Partition::name(target, Partition::route(key, n), n)
        } else {
            target.to_owned()
        };
        members.entry(member).or_default().push(row.clone());
    }
    for (member, rows) in members {
        let now = now_ms();
        let pushed = store.push(&member, &rows, None, false, now).await?;
        if let Some(window) = pushed.dedup_window_ms {
            shared.maintenance.note(&member, now + window);
        }
        if let Some(earliest) = pushed.earliest {
            shared.waker.pushed(&member, earliest);
        }
    }
    Ok(())
}

/// A callback's request: the hook's method, URL and headers, the body as JSON
/// (unless the hook sets its own Content-Type).
fn callback_request(hook: &Callback, body: Value) -> HttpRequest {
    let mut headers = hook.headers.clone();
    if !headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
    {
        headers.push(("Content-Type".into(), "application/json".into()));
    }
    HttpRequest {
        method: if hook.method.is_empty() {
            "POST".into()
        } else {
            hook.method.clone()
        },
        url: hook.url.clone(),
        headers,
        body: Body::Bytes(body.to_string().into_bytes().into()),
    }
}

/// RFC 3339 text of a time in ms (UTC).
fn time_text(ms: f64) -> Value {
    match jiff::Timestamp::from_millisecond(ms as i64) {
        Ok(t) if ms > 0.0 => Value::String(t.to_string()),
        _ => Value::Null,
    }
}

/// The JSON a callback carries: the task, how it ended, and its final reply or
/// last error.
fn callback_body(
    queue: &str,
    meta: &OutboxMeta,
    request: &HttpRequest,
    created_ms: i64,
    outcome: FinalOutcome,
) -> Value {
    let mut body = json!({
        "taskId": meta.id,
        "queue": queue,
        "outcome": outcome.as_str(),
        "attempts": meta.attempts as u64,
        "createTime": time_text(created_ms as f64),
        "lastAttemptTime": time_text(meta.started_ms),
        "finishTime": time_text(meta.at_ms),
        "request": { "method": request.method, "url": request.url },
    });
    if meta.status > 0.0 {
        let headers: serde_json::Map<String, Value> = meta
            .headers
            .iter()
            .flatten()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect();
        let mut response = json!({
            "status": meta.status as u16,
            "headers": headers,
            "bodyTruncated": meta.truncated,
        });
        if meta.base64 {
            response["bodyBase64"] = Value::String(meta.body.clone());
        } else {
            response["body"] = Value::String(meta.body.clone());
        }
        body["response"] = response;
    }
    if !meta.error.is_empty() {
        body["error"] = Value::String(meta.error.clone());
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    #[test]
    fn a_callback_body_names_the_outcome_and_carries_the_reply() {
        let meta = OutboxMeta {
            id: "T1".into(),
            outcome: "d".into(),
            attempts: 3.0,
            at_ms: 1_700_000_002_000.0,
            started_ms: 1_700_000_001_000.0,
            status: 503.0,
            error: "HTTP 503 Service Unavailable".into(),
            headers: Some(vec![("x-a".into(), "1".into())]),
            body: base64::engine::general_purpose::STANDARD.encode([0xff, 0x00]),
            base64: true,
            truncated: false,
        };
        let req = HttpRequest {
            method: "PUT".into(),
            url: "http://127.0.0.1:1/x".into(),
            ..Default::default()
        };
        let b = callback_body("orders", &meta, &req, 1_700_000_000_000, FinalOutcome::Dead);
        assert_eq!(b["taskId"], "T1");
        assert_eq!(b["outcome"], "dead");
        assert_eq!(b["attempts"], 3);
        assert_eq!(b["createTime"], "2023-11-14T22:13:20Z");
        assert_eq!(b["finishTime"], "2023-11-14T22:13:22Z");
        assert_eq!(b["request"]["method"], "PUT");
        assert_eq!(b["response"]["status"], 503);
        assert_eq!(b["response"]["headers"]["x-a"], "1");
        assert_eq!(b["response"]["bodyBase64"], "/wA=");
        assert!(b["response"].get("body").is_none());
        assert_eq!(b["error"], "HTTP 503 Service Unavailable");
        // Without a reply: no response, the error only.
        let none = OutboxMeta {
            status: 0.0,
            error: "timed out after 1s".into(),
            ..meta
        };
        let b = callback_body("orders", &none, &req, 0, FinalOutcome::Cancelled);
        assert!(b.get("response").is_none());
        assert_eq!(b["createTime"], Value::Null);
        assert_eq!(b["outcome"], "cancelled");
    }

    #[test]
    fn a_callback_request_is_json_unless_the_hook_says_otherwise() {
        let hook = Callback {
            method: String::new(),
            url: "http://127.0.0.1:1/cb".into(),
            headers: vec![("X-K".into(), "v".into())],
        };
        let r = callback_request(&hook, json!({"a": 1}));
        assert_eq!(r.method, "POST");
        assert!(
            r.headers
                .contains(&("Content-Type".into(), "application/json".into()))
        );
        let typed = Callback {
            headers: vec![("content-type".into(), "text/plain".into())],
            ..hook
        };
        let r = callback_request(&typed, json!({}));
        assert_eq!(
            r.headers,
            vec![("content-type".into(), "text/plain".into())]
        );
    }
}
