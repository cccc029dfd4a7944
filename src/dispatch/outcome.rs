//! What happens after an attempt: the rules that turn a reply into the task's next
//! step. Pure functions of their inputs (time and jitter passed in).

use std::time::Duration;

use bytes::Bytes;

use crate::model::ms;
use crate::model::{AttemptRecord, Queue, QueueKind, RetryPolicy};
use crate::store::{Finish, TaskStateJson};

/// How one request ended.
#[derive(Debug, Clone, Default)]
pub struct Attempt {
    /// The reply's status; None when no reply came (timeout, connection error).
    pub status: Option<u16>,
    /// Transport error or timeout text, when there was no reply.
    pub error: Option<String>,
    /// The reply's Retry-After, when it had one.
    pub retry_after: Option<Duration>,
    /// The first bytes of the reply body.
    pub body: Bytes,
    /// The reply body was longer than `body`.
    pub truncated: bool,
    /// The reply's headers, when the queue captures responses.
    pub headers: Option<Vec<(String, String)>>,
    /// Where a 3xx reply pointed, when it was not followed.
    pub redirect: Option<String>,
    /// The egress policy refused the target: a permanent failure.
    pub refused: bool,
}

impl Attempt {
    fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// Timeouts, connection errors, 408, 429 and 5xx may succeed later.
    fn retryable(&self) -> bool {
        match self.status {
            None => true,
            Some(s) => s == 408 || s == 429 || s >= 500,
        }
    }

    fn describe(&self) -> (u16, String) {
        match (self.status, &self.error) {
            (Some(s), _) if (200..300).contains(&s) => (s, String::new()),
            (Some(s), _) => {
                let reason = http::StatusCode::from_u16(s)
                    .ok()
                    .and_then(|c| c.canonical_reason())
                    .unwrap_or("");
                let mut text = format!("HTTP {s} {reason}").trim_end().to_owned();
                if let Some(to) = &self.redirect {
                    text.push_str(&format!(
                        " to {to}: not followed (the queue's follow_redirects is off)"
                    ));
                }
                (s, text)
            }
            (None, Some(e)) => (0, e.clone()),
            (None, None) => (0, "no reply".to_owned()),
        }
    }
}

/// Reply bytes an attempt record keeps.
pub const RECORD_REPLY_BYTES: usize = 256;

/// The attempt's record for the task's history, as JSON (its start time is added
/// by the store: the task's last start): a short excerpt of the reply, none when
/// the queue hides replies, the whole response up to its capture size when it
/// captures them (see [`captured_body`]).
pub fn record(attempt: &Attempt, latency: Duration, queue: &Queue) -> String {
    let (status, error) = match (attempt.status, &attempt.error) {
        (Some(s), _) => (s, String::new()),
        (None, Some(e)) => (0, e.clone()),
        (None, None) => (0, "no reply".to_owned()),
    };
    let mut rec = AttemptRecord {
        start_ms: 0,
        latency_ms: ms(latency),
        status,
        error,
        ..Default::default()
    };
    if let Some(headers) = attempt.headers.as_ref().filter(|_| queue.capture_responses) {
        let (body, base64, truncated) = captured_body(
            &attempt.body,
            queue.capture_body_bytes as usize,
            attempt.truncated,
        );
        rec.headers = Some(headers.clone());
        rec.reply = body;
        rec.base64 = base64;
        rec.truncated = truncated || attempt.truncated;
    } else if !queue.hide_replies {
        let body = &attempt.body[..text_cut(&attempt.body, RECORD_REPLY_BYTES)];
        rec.reply = String::from_utf8_lossy(body).into_owned();
    }
    serde_json::to_string(&rec).unwrap_or_default()
}

/// Where to cut `body` to keep at most `max` bytes without splitting a UTF-8
/// character (when it is text).
fn text_cut(body: &[u8], max: usize) -> usize {
    let mut cut = body.len().min(max);
    while cut > 0 && cut < body.len() && (body[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// A captured body of at most `max` bytes: (the text when it is UTF-8, else its
/// base64; whether it is base64; whether bytes were left out). A text body is cut
/// on a character boundary; `cut_short` says `body` is already a cut (the reply
/// went on), so a character it ends inside of is left out, not taken for binary.
pub fn captured_body(body: &[u8], max: usize, cut_short: bool) -> (String, bool, bool) {
    use base64::Engine as _;
    let truncated = body.len() > max;
    let cut = text_cut(body, max);
    match std::str::from_utf8(&body[..cut]) {
        Ok(text) => (text.to_owned(), false, truncated),
        Err(e) if e.error_len().is_none() && cut_short => {
            let text = std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default();
            (text.to_owned(), false, true)
        }
        Err(_) => {
            let kept = &body[..body.len().min(max)];
            let encoded = base64::engine::general_purpose::STANDARD.encode(kept);
            (encoded, true, truncated)
        }
    }
}

/// The delay before retry number `completed` (1 = first retry): min_backoff doubled
/// up to max_doublings times, capped at max_backoff, then scaled by `jitter` (a
/// factor, 0.8 to 1.2 in production) and capped again.
pub fn backoff(policy: &RetryPolicy, completed: u32, jitter: f64) -> Duration {
    let doublings = completed
        .saturating_sub(1)
        .min(policy.max_doublings)
        .min(62);
    let max = policy.max_backoff.as_millis() as f64;
    let base = (policy.min_backoff.as_millis() as f64 * 2f64.powi(doublings as i32)).min(max);
    Duration::from_millis((base * jitter.max(0.0)).min(max).round() as u64)
}

/// The wait of a variable task after its `run_count`-th ordinary reply: run_count x
/// stepping, capped at max_interval when set, never under one second.
pub fn variable_delay(queue: &Queue, run_count: u32) -> Duration {
    let mut d = queue.variable.stepping.saturating_mul(run_count);
    if !queue.variable.max_interval.is_zero() {
        d = d.min(queue.variable.max_interval);
    }
    d.max(Duration::from_secs(1))
}

/// Decides a task's next step after `attempt`, at `now` (ms).
pub fn decide(
    queue: &Queue,
    state: &TaskStateJson,
    attempt: &Attempt,
    now: i64,
    jitter: f64,
) -> Finish {
    let (status, error) = attempt.describe();
    if attempt.refused {
        return Finish::Dead { status, error };
    }
    if queue.kind == QueueKind::Variable {
        let reply = if attempt.succeeded() {
            std::str::from_utf8(&attempt.body)
                .map(|s| s.trim_ascii())
                .unwrap_or("")
        } else {
            ""
        };
        return match reply {
            "done" => Finish::Succeed { status },
            "reset" => Finish::Reschedule {
                at: now + ms(queue.variable.stepping.max(Duration::from_secs(1))),
                run_count: 0,
                status,
                error,
            },
            _ => {
                let run_count = (state.run_count as u32).saturating_add(1);
                Finish::Reschedule {
                    at: now + ms(variable_delay(queue, run_count)),
                    run_count,
                    status,
                    error,
                }
            }
        };
    }
    if attempt.succeeded() {
        return Finish::Succeed { status };
    }
    // Attempts cut off by a dead HTQ process do not use up the retry budget.
    // So do attempts before the task was retried from the dead-letter set.
    let completed = (state.attempts - state.base - state.interrupted).max(1.0) as u32;
    if !attempt.retryable() || completed >= queue.retry.max_attempts {
        return Finish::Dead { status, error };
    }
    let delay = match attempt.retry_after {
        Some(d) => d.min(Duration::from_secs(24 * 3600)),
        None => backoff(&queue.retry, completed, jitter),
    };
    Finish::Retry {
        at: now + ms(delay),
        status,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queue(kind: QueueKind) -> Queue {
        let mut q = Queue::new("q", kind);
        q.retry.max_attempts = 3;
        q
    }

    fn state(attempts: f64) -> TaskStateJson {
        TaskStateJson {
            attempts,
            ..Default::default()
        }
    }

    fn reply(status: u16, body: &'static str) -> Attempt {
        Attempt {
            status: Some(status),
            body: Bytes::from_static(body.as_bytes()),
            ..Default::default()
        }
    }

    #[test]
    fn status_classes() {
        let q = queue(QueueKind::RealTime);
        assert_eq!(
            decide(&q, &state(1.0), &reply(204, ""), 0, 1.0),
            Finish::Succeed { status: 204 }
        );
        for s in [408, 429, 500, 503] {
            assert!(
                matches!(
                    decide(&q, &state(1.0), &reply(s, ""), 0, 1.0),
                    Finish::Retry { at: 1000, .. }
                ),
                "{s}"
            );
        }
        for s in [400, 404, 410, 301] {
            assert!(
                matches!(
                    decide(&q, &state(1.0), &reply(s, ""), 0, 1.0),
                    Finish::Dead { .. }
                ),
                "{s}"
            );
        }
        let timeout = Attempt {
            error: Some("timed out".into()),
            ..Default::default()
        };
        assert_eq!(
            decide(&q, &state(2.0), &timeout, 0, 1.0),
            Finish::Retry {
                at: 2000,
                status: 0,
                error: "timed out".into()
            }
        );
        assert_eq!(
            decide(&q, &state(3.0), &reply(500, ""), 7, 1.0),
            Finish::Dead {
                status: 500,
                error: "HTTP 500 Internal Server Error".into()
            }
        );
    }

    #[test]
    fn interrupted_attempts_do_not_count() {
        let q = queue(QueueKind::RealTime);
        let st = TaskStateJson {
            attempts: 3.0,
            interrupted: 1.0,
            ..Default::default()
        };
        assert!(matches!(
            decide(&q, &st, &reply(500, ""), 0, 1.0),
            Finish::Retry { .. }
        ));
    }

    #[test]
    fn retry_after_wins() {
        let q = queue(QueueKind::RealTime);
        let mut a = reply(429, "");
        a.retry_after = Some(Duration::from_secs(7));
        assert!(matches!(
            decide(&q, &state(1.0), &a, 100, 1.0),
            Finish::Retry { at: 7100, .. }
        ));
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy {
            max_attempts: 100,
            min_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(1000),
            max_doublings: 3,
        };
        let got: Vec<u128> = (1..=6).map(|n| backoff(&p, n, 1.0).as_millis()).collect();
        assert_eq!(got, [100, 200, 400, 800, 800, 800]);
        assert_eq!(backoff(&p, 2, 1.2).as_millis(), 240);
        let p = RetryPolicy {
            max_doublings: 62,
            ..p
        };
        assert_eq!(backoff(&p, 60, 1.2).as_millis(), 1000);
    }

    #[test]
    fn variable_pace() {
        let mut q = queue(QueueKind::Variable);
        q.variable.stepping = Duration::from_secs(2);
        q.variable.max_interval = Duration::from_secs(5);
        // Replies x, x, x, x: waits 2, 4, 5, 5 s.
        let mut st = state(1.0);
        let mut waits = Vec::new();
        for _ in 0..4 {
            match decide(&q, &st, &reply(200, "x\n"), 0, 1.0) {
                Finish::Reschedule { at, run_count, .. } => {
                    waits.push(at);
                    st.run_count = run_count as f64;
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(waits, [2000, 4000, 5000, 5000]);
        assert_eq!(
            decide(&q, &st, &reply(200, " done\n"), 0, 1.0),
            Finish::Succeed { status: 200 }
        );
        assert!(matches!(
            decide(&q, &st, &reply(200, "reset"), 0, 1.0),
            Finish::Reschedule {
                at: 2000,
                run_count: 0,
                ..
            }
        ));
        // Errors count as ordinary replies; `done` on a 500 is not done.
        assert!(matches!(
            decide(&q, &st, &reply(500, "done"), 0, 1.0),
            Finish::Reschedule { run_count: 5, .. }
        ));
        // Never under one second.
        q.variable.stepping = Duration::from_millis(10);
        assert!(matches!(
            decide(&q, &state(1.0), &reply(200, ""), 0, 1.0),
            Finish::Reschedule { at: 1000, .. }
        ));
    }

    #[test]
    fn captured_bodies_are_cut_on_characters_and_base64_when_binary() {
        assert_eq!(
            captured_body(b"hello", 16, false),
            ("hello".to_owned(), false, false)
        );
        // "é" is two bytes: a cut through it keeps the text before it.
        assert_eq!(
            captured_body("abcé".as_bytes(), 4, false),
            ("abc".to_owned(), false, true)
        );
        assert_eq!(
            captured_body(&[0xff, 0x00, 0x01], 16, false),
            ("/wAB".to_owned(), true, false)
        );
        assert_eq!(
            captured_body(&[0xff, 0x00, 0x01], 2, false),
            ("/wA=".to_owned(), true, true)
        );
        // A reply cut short inside "é" is text without it; a whole reply that
        // ends inside a character is not UTF-8.
        let cut = &"abcé".as_bytes()[..4];
        assert_eq!(
            captured_body(cut, 16, true),
            ("abc".to_owned(), false, true)
        );
        assert_eq!(
            captured_body(cut, 16, false),
            ("YWJjww==".to_owned(), true, false)
        );
    }

    #[test]
    fn captured_headers_read_back_when_none_came() {
        // Redis's Lua writes an empty list back as an empty object.
        let rec: AttemptRecord = serde_json::from_str(r#"{"t":1,"s":204,"h":{}}"#).unwrap();
        assert_eq!((rec.status, rec.headers), (204, Some(Vec::new())));
        let rec: AttemptRecord =
            serde_json::from_str(r#"{"t":1,"s":200,"h":[["a","1"]]}"#).unwrap();
        assert_eq!(rec.headers, Some(vec![("a".into(), "1".into())]));
        assert!(serde_json::from_str::<AttemptRecord>(r#"{"h":{"a":"1"}}"#).is_err());
    }

    #[test]
    fn a_record_keeps_the_response_only_when_the_queue_captures() {
        let mut q = queue(QueueKind::RealTime);
        let attempt = Attempt {
            status: Some(200),
            body: Bytes::from(vec![b'x'; 300]),
            headers: Some(vec![("x-a".into(), "1".into())]),
            ..Default::default()
        };
        let rec = |q: &Queue| -> AttemptRecord {
            serde_json::from_str(&record(&attempt, Duration::from_millis(3), q)).unwrap()
        };
        let plain = rec(&q);
        assert_eq!(
            (plain.reply.len(), plain.headers),
            (RECORD_REPLY_BYTES, None)
        );
        q.capture_responses = true;
        q.capture_body_bytes = 1000;
        let captured = rec(&q);
        assert_eq!(captured.reply.len(), 300);
        assert_eq!(captured.headers, Some(vec![("x-a".into(), "1".into())]));
        assert!(!captured.truncated && !captured.base64);
        q.capture_responses = false;
        q.hide_replies = true;
        assert_eq!(rec(&q).reply, "");
    }

    #[test]
    fn an_unfollowed_redirect_names_its_location() {
        let q = queue(QueueKind::RealTime);
        let attempt = Attempt {
            status: Some(302),
            redirect: Some("https://example.com/new".into()),
            ..Default::default()
        };
        match decide(&q, &state(1.0), &attempt, 0, 1.0) {
            Finish::Dead { status, error } => {
                assert_eq!(status, 302);
                assert_eq!(
                    error,
                    "HTTP 302 Found to https://example.com/new: not followed \
                     (the queue's follow_redirects is off)"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
