//! Each Lua script on its own: seed an exact Redis state, run one script with an
//! explicit `now`, compare the resulting state.

use std::time::Duration;

use htq::model::EventKind;
use htq::model::{HttpRequest, Queue, QueueKind, TaskState};
use htq::store::{Finish, Index, NewRow, Outcome, Recovered, Store, StoreOptions, StreamId};
use redis::Commands;

use crate::common::*;

const P: &str = "t";

async fn store(redis: &TestRedis) -> Store {
    let opts = StoreOptions {
        lease_margin: Duration::from_millis(500),
        max_interruptions: 2,
        recover_batch: 100,
        replicated: None,
    };
    redis.store(P, opts).await
}

fn req(path: &str) -> HttpRequest {
    HttpRequest {
        method: "GET".into(),
        url: format!("http://127.0.0.1:9{path}"),
        ..Default::default()
    }
}

/// A queue `q` (timeout 1000 ms, so leases last 1500 ms) with tasks due at the given times.
async fn seed(s: &Store, max_concurrency: u32, due: &[(&str, i64)]) {
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.max_concurrency = max_concurrency;
    q.request_timeout = Duration::from_millis(1000);
    assert!(s.create_queue(&q).await.unwrap());
    let rows: Vec<_> = due.iter().map(|(id, at)| row(id, *at)).collect();
    if !rows.is_empty() {
        s.push("q", &rows, None, true, now_ms()).await.unwrap();
    }
}

fn row(id: &str, due_ms: i64) -> NewRow {
    NewRow {
        id: id.into(),
        due_ms,
        created_ms: 1,
        request: req(&format!("/{id}")),
        run_count: 0,
        ..Default::default()
    }
}

/// Every event in queue `q`'s stream so far.
async fn all_events(s: &Store) -> Vec<htq::model::Event> {
    let mut conn = s.dedicated().await.unwrap();
    let after = StreamId { ms: 0, seq: 0 };
    let (events, _) = s
        .read_events(
            &mut conn,
            &[("q".into(), s.events_key("q"), after)],
            0,
            1000,
        )
        .await
        .unwrap();
    events
}

/// Messages on queue `q`'s wake channel (on a cluster, its sharded one), from now
/// on.
async fn wakes(s: &Store) -> tokio::sync::mpsc::UnboundedReceiver<String> {
    use futures::StreamExt;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let channel = s.wake_channel_of("q");
    let (pushes, mut received) = tokio::sync::mpsc::unbounded_channel::<redis::PushInfo>();
    if let Some(mut conn) = s.shard_subscriber(pushes).await.unwrap() {
        conn.ssubscribe(&channel).await.unwrap();
        tokio::spawn(async move {
            let _conn = conn;
            while let Some(p) = received.recv().await {
                if let (redis::PushKind::SMessage, Some(redis::Value::BulkString(b))) =
                    (&p.kind, p.data.get(1))
                    && tx.send(String::from_utf8_lossy(b).into_owned()).is_err()
                {
                    return;
                }
            }
        });
    } else {
        let mut sub = s.client().get_async_pubsub().await.unwrap();
        sub.subscribe(&channel).await.unwrap();
        tokio::spawn(async move {
            let mut messages = sub.into_on_message();
            while let Some(m) = messages.next().await {
                if let Ok(text) = m.get_payload::<String>()
                    && tx.send(text).is_err()
                {
                    return;
                }
            }
        });
    }
    rx
}

/// The next wake message, waiting at most 2 s.
async fn next_wake(msgs: &mut tokio::sync::mpsc::UnboundedReceiver<String>) -> Option<String> {
    tokio::time::timeout(Duration::from_secs(2), msgs.recv())
        .await
        .ok()?
}

fn zset(c: &mut TestConn, key: &str) -> Vec<(String, i64)> {
    c.zrange_withscores(key, 0, -1).unwrap()
}

/// A task's state JSON, without its lease token (see [`lease`]).
fn state(c: &mut TestConn, id: &str) -> serde_json::Value {
    let raw: Option<String> = c.hget("t:{q}:state", id).unwrap();
    let mut v = raw
        .map(|r| serde_json::from_str(&r).unwrap())
        .unwrap_or(serde_json::Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.remove("l");
    }
    v
}

/// The lease token of task `id`'s current claim.
fn lease(redis: &TestRedis, id: &str) -> String {
    let raw: String = redis.conn().hget("t:{q}:state", id).unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v["l"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn create_queue_refuses_a_taken_name() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let q = Queue::new("q", QueueKind::Timing);
    assert!(s.create_queue(&q).await.unwrap());
    let mut other = q.clone();
    other.max_concurrency = 9;
    assert!(!s.create_queue(&other).await.unwrap());
    let mut c = redis.conn();
    let mc: String = c.hget("t:{q}:queue", "max_concurrency").unwrap();
    assert_eq!(mc, "1");
    let names: Vec<String> = c.smembers("t:queues").unwrap();
    assert_eq!(names, ["q"]);
}

#[tokio::test]
async fn push_stores_all_or_nothing_and_wakes_on_an_earlier_due_time() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[]).await;
    let mut msgs = wakes(&s).await;

    let pushed = s
        .push("q", &[row("a", 5000), row("b", 4000)], None, true, now_ms())
        .await
        .unwrap();
    assert_eq!(pushed.earliest, Some(4000));
    assert!(!pushed.created);
    let msg = next_wake(&mut msgs).await.expect("a wake message");
    assert_eq!(
        Store::parse_wake(&msg),
        Some(htq::store::WakeMessage {
            pid: s.pid(),
            queue: "q",
            at_ms: 4000
        })
    );
    // Not earlier than what is there: no wake.
    assert_eq!(
        s.push("q", &[row("c", 4500)], None, true, now_ms())
            .await
            .unwrap()
            .earliest,
        None
    );
    // A duplicate id refuses the whole batch.
    let err = s
        .push("q", &[row("d", 1), row("a", 1)], None, true, now_ms())
        .await
        .unwrap_err();
    assert!(matches!(err, htq::Error::AlreadyExists(_)), "{err}");
    // Unknown queue: nothing written.
    let err = s
        .push("nope", &[row("x", 1)], None, true, now_ms())
        .await
        .unwrap_err();
    assert!(matches!(err, htq::Error::NotFound(_)), "{err}");
    let mut c = redis.conn();
    assert_eq!(
        zset(&mut c, "t:{q}:due"),
        [
            ("b".to_owned(), 4000),
            ("c".to_owned(), 4500),
            ("a".to_owned(), 5000)
        ]
    );
    let n: usize = c.hlen("t:{q}:tasks").unwrap();
    assert_eq!(n, 3);
    assert!(!redis.keys().iter().any(|k| k.contains("{nope}")));
}

#[tokio::test]
async fn claim_takes_due_tasks_in_order_within_max_concurrency() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 2, &[("a", 1000), ("b", 2000), ("c", 2000), ("d", 9000)]).await;
    let claim = s.claim("q", 2500, 10, false).await.unwrap().unwrap();
    let ids: Vec<_> = claim.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(claim.tasks[0].request, req("/a"));
    assert_eq!(claim.tasks[0].attempt(), 1);
    assert_eq!(claim.tasks[0].token(), lease(&redis, "a"));
    assert_ne!(claim.tasks[0].token(), claim.tasks[1].token());
    assert!(!claim.blocked);
    assert_eq!(claim.next_due, Some(2000));
    assert_eq!(claim.next_lease, Some(4000));
    let mut c = redis.conn();
    assert_eq!(
        zset(&mut c, "t:{q}:active"),
        [("a".to_owned(), 4000), ("b".to_owned(), 4000)]
    );
    assert_eq!(
        zset(&mut c, "t:{q}:due"),
        [("c".to_owned(), 2000), ("d".to_owned(), 9000)]
    );
    assert_eq!(state(&mut c, "a"), serde_json::json!({"a": 1, "t": 2500}));

    // Full: nothing more, and the queue is flagged blocked for the finishing scripts.
    let claim = s.claim("q", 2600, 10, false).await.unwrap().unwrap();
    assert!(claim.tasks.is_empty());
    assert!(claim.blocked);
    let blocked: Option<String> = c.hget("t:{q}:queue", "blocked").unwrap();
    assert_eq!(blocked.as_deref(), Some("1"));
    // A queue that does not exist (any more) says so.
    assert!(s.claim("nope", 1, 1, false).await.unwrap().is_none());
}

#[tokio::test]
async fn claim_takes_back_expired_leases_first() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000)]).await;
    let first = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(first.tasks[0].attempt(), 1);
    let stale = first.tasks[0].token().to_owned();
    // The lease (1000 + 1500) has passed: the task is taken back and claimed again.
    let again = s.claim("q", 2600, 1, false).await.unwrap().unwrap();
    assert_eq!(again.tasks.len(), 1);
    assert_eq!(again.tasks[0].attempt(), 2);
    assert_ne!(again.tasks[0].token(), stale);
    let mut c = redis.conn();
    let st = state(&mut c, "a");
    assert_eq!(st["a"], 2);
    assert_eq!(st["i"], 1);
    assert_eq!(zset(&mut c, "t:{q}:active"), [("a".to_owned(), 4100)]);
    // The stale worker's outcome is refused.
    assert!(
        !s.finish("q", "a", &stale, 2700, &Finish::Succeed { status: 200 }, "")
            .await
            .unwrap()
    );
    assert_eq!(zset(&mut c, "t:{q}:active"), [("a".to_owned(), 4100)]);
}

#[tokio::test]
async fn paused_queue_hands_out_nothing() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000)]).await;
    let old = s.get_queue("q").await.unwrap().unwrap();
    // Another process changes max_concurrency meanwhile: this update keeps it.
    let _: () = redis
        .conn()
        .hset("t:{q}:queue", "max_concurrency", "7")
        .unwrap();
    let mut q = old.clone();
    q.paused = true;
    assert!(s.update_queue(&old, &q).await.unwrap());
    let mc: String = redis.conn().hget("t:{q}:queue", "max_concurrency").unwrap();
    assert_eq!(mc, "7", "an update wrote a field it did not change");
    let claim = s.claim("q", 5000, 5, false).await.unwrap().unwrap();
    assert!(claim.tasks.is_empty());
    assert!(claim.queue.paused);
    assert!(!claim.blocked);
    assert_eq!(
        claim.next_due, None,
        "a paused queue must not ask to be woken"
    );
}

#[tokio::test]
async fn succeed_removes_the_task_and_wakes_blocked_processes() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000), ("b", 1000)]).await;
    s.claim("q", 1000, 5, false).await.unwrap().unwrap();
    assert!(s.claim("q", 1001, 5, false).await.unwrap().unwrap().blocked);
    let mut msgs = wakes(&s).await;
    assert!(
        !s.finish("q", "a", "7", 1100, &Finish::Succeed { status: 200 }, "")
            .await
            .unwrap(),
        "wrong token"
    );
    assert!(
        s.finish(
            "q",
            "a",
            &lease(&redis, "a"),
            1100,
            &Finish::Succeed { status: 200 },
            ""
        )
        .await
        .unwrap()
    );
    let msg = next_wake(&mut msgs).await.expect("a wake message");
    assert_eq!(Store::parse_wake(&msg).map(|m| m.queue), Some("q"));
    let mut c = redis.conn();
    assert!(zset(&mut c, "t:{q}:active").is_empty());
    let left: Vec<String> = c.hkeys("t:{q}:tasks").unwrap();
    assert_eq!(left, ["b"]);
    assert_eq!(state(&mut c, "a"), serde_json::Value::Null);
    let blocked: Option<String> = c.hget("t:{q}:queue", "blocked").unwrap();
    assert_eq!(blocked, None);
}

#[tokio::test]
async fn one_finish_call_records_each_outcome_and_refuses_each_lost_lease() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(
        &s,
        5,
        &[
            ("a", 1000),
            ("b", 1000),
            ("c", 1000),
            ("d", 1000),
            ("e", 1000),
        ],
    )
    .await;
    s.claim("q", 1000, 5, false).await.unwrap().unwrap();
    let outcome = |id: &str, token: String, finish: Finish| Outcome {
        id: id.into(),
        token,
        finish,
        record: String::new(),
        callback: String::new(),
    };
    let outcomes = [
        outcome("a", lease(&redis, "a"), Finish::Succeed { status: 200 }),
        outcome("b", lease(&redis, "b"), Finish::Succeed { status: 201 }),
        outcome(
            "c",
            lease(&redis, "c"),
            Finish::Retry {
                at: 5000,
                status: 503,
                error: "HTTP 503".into(),
            },
        ),
        // A stale lease: refused, the task stays active.
        outcome("d", "1".into(), Finish::Succeed { status: 200 }),
        outcome(
            "e",
            lease(&redis, "e"),
            Finish::Dead {
                status: 404,
                error: "HTTP 404".into(),
            },
        ),
        // The same task again: its lease was used by the first outcome.
        outcome("a", lease(&redis, "a"), Finish::Succeed { status: 500 }),
    ];
    let mut c = redis.conn();
    let before: i64 = c.xlen("t:{q}:events").unwrap();
    let held = s.finish_many("q", 1300, &outcomes).await.unwrap();
    assert_eq!(held, [true, true, true, false, true, false]);
    assert_eq!(zset(&mut c, "t:{q}:active"), [("d".to_owned(), 2500)]);
    assert_eq!(zset(&mut c, "t:{q}:due"), [("c".to_owned(), 5000)]);
    assert_eq!(zset(&mut c, "t:{q}:dead"), [("e".to_owned(), 1300)]);
    let mut left: Vec<String> = c.hkeys("t:{q}:tasks").unwrap();
    left.sort();
    assert_eq!(left, ["c", "d", "e"]);
    assert_eq!(state(&mut c, "a"), serde_json::Value::Null);
    // Each outcome is an event of its own once read, with its own status.
    let events = all_events(&s).await;
    let finished: Vec<(EventKind, String, u16)> = events
        .iter()
        .filter_map(|e| Some((e.kind?, e.task_id.clone(), e.status)))
        .filter(|(kind, _, _)| !matches!(kind, EventKind::Pushed | EventKind::Started))
        .collect();
    assert_eq!(
        finished,
        [
            (EventKind::Retrying, "c".to_owned(), 503),
            (EventKind::Dead, "e".to_owned(), 404),
            (EventKind::Succeeded, "a".to_owned(), 200),
            (EventKind::Succeeded, "b".to_owned(), 201),
        ]
    );
    // The two successes share one stream entry.
    let now: i64 = c.xlen("t:{q}:events").unwrap();
    assert_eq!(now - before, 3);
}

#[tokio::test]
async fn retry_dead_and_reschedule_move_the_task() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 3, &[("a", 1000), ("b", 1000), ("c", 1000)]).await;
    s.claim("q", 1000, 3, false).await.unwrap().unwrap();
    let retry = Finish::Retry {
        at: 5000,
        status: 503,
        error: "HTTP 503".into(),
    };
    let a = lease(&redis, "a");
    assert!(s.finish("q", "a", &a, 1200, &retry, "").await.unwrap());
    let dead = Finish::Dead {
        status: 404,
        error: "HTTP 404".into(),
    };
    assert!(
        s.finish("q", "b", &lease(&redis, "b"), 1300, &dead, "")
            .await
            .unwrap()
    );
    let again = Finish::Reschedule {
        at: 7000,
        run_count: 3,
        status: 200,
        error: String::new(),
    };
    assert!(
        s.finish("q", "c", &lease(&redis, "c"), 1400, &again, "")
            .await
            .unwrap()
    );
    let mut c = redis.conn();
    assert!(zset(&mut c, "t:{q}:active").is_empty());
    assert_eq!(
        zset(&mut c, "t:{q}:due"),
        [("a".to_owned(), 5000), ("c".to_owned(), 7000)]
    );
    assert_eq!(zset(&mut c, "t:{q}:dead"), [("b".to_owned(), 1300)]);
    assert_eq!(
        state(&mut c, "a"),
        serde_json::json!({"a": 1, "t": 1000, "s": 503, "e": "HTTP 503"})
    );
    assert_eq!(state(&mut c, "c")["r"], 3);
    let t = s.get_task("q", "b", 2000).await.unwrap().unwrap();
    assert_eq!(
        (t.state, t.attempts, t.last_status),
        (TaskState::Dead, 1, 404)
    );
    let t = s.get_task("q", "a", 2000).await.unwrap().unwrap();
    assert_eq!((t.state, t.schedule_ms), (TaskState::Scheduled, 5000));
    // A second outcome for the same lease is refused.
    assert!(
        !s.finish("q", "a", &a, 1500, &Finish::Succeed { status: 200 }, "")
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn a_task_that_succeeds_leaves_no_history_behind() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 3, &[("a", 1000), ("b", 1000), ("c", 1000)]).await;
    s.claim("q", 1000, 3, false).await.unwrap().unwrap();
    let rec = r#"{"s":503,"d":4}"#;
    // a fails once and c runs once (a variable task): each attempt is recorded.
    let retry = Finish::Retry {
        at: 2000,
        status: 503,
        error: "HTTP 503".into(),
    };
    assert!(
        s.finish("q", "a", &lease(&redis, "a"), 1100, &retry, rec)
            .await
            .unwrap()
    );
    let again = Finish::Reschedule {
        at: 2000,
        run_count: 1,
        status: 200,
        error: String::new(),
    };
    assert!(
        s.finish("q", "c", &lease(&redis, "c"), 1100, &again, rec)
            .await
            .unwrap()
    );
    let mut c = redis.conn();
    let mut hist: Vec<String> = c.hkeys("t:{q}:hist").unwrap();
    hist.sort();
    assert_eq!(hist, ["a", "c"]);
    // b succeeds at its first attempt, a and c at their second: none keeps a history.
    let ok = |id: &str| Outcome {
        id: id.into(),
        token: lease(&redis, id),
        finish: Finish::Succeed { status: 200 },
        record: rec.into(),
        callback: String::new(),
    };
    let (held, _) = s.finish_claim("q", 1200, &[ok("b")], 3).await.unwrap();
    assert_eq!(held, [true]);
    let claim = s.claim("q", 2000, 3, false).await.unwrap().unwrap();
    assert_eq!(claim.tasks.len(), 2);
    let (held, _) = s
        .finish_claim("q", 2100, &[ok("a"), ok("c")], 3)
        .await
        .unwrap();
    assert_eq!(held, [true, true]);
    let hist: Vec<String> = c.hkeys("t:{q}:hist").unwrap();
    assert!(hist.is_empty(), "history left: {hist:?}");
    let tasks: Vec<String> = c.hkeys("t:{q}:tasks").unwrap();
    assert!(tasks.is_empty(), "tasks left: {tasks:?}");
    let states: Vec<String> = c.hkeys("t:{q}:state").unwrap();
    assert!(states.is_empty(), "states left: {states:?}");
}

#[tokio::test]
async fn reschedule_after_queue_deletion_leaves_no_orphan() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000)]).await;
    let token = s.claim("q", 1000, 1, false).await.unwrap().unwrap().tasks[0]
        .token()
        .to_owned();
    assert!(s.delete_queue("q").await.unwrap());
    let again = Finish::Reschedule {
        at: 7000,
        run_count: 1,
        status: 200,
        error: String::new(),
    };
    assert!(!s.finish("q", "a", &token, 1400, &again, "").await.unwrap());
    assert!(
        redis.keys().iter().all(|k| !k.contains("{q}")),
        "{:?}",
        redis.keys()
    );
    assert!(!s.delete_queue("q").await.unwrap());
}

#[tokio::test]
async fn hand_back_makes_the_task_due_without_counting_the_attempt() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000)]).await;
    s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert!(!s.hand_back("q", "a", "2", 1100).await.unwrap());
    assert!(
        s.hand_back("q", "a", &lease(&redis, "a"), 1100)
            .await
            .unwrap()
    );
    let mut c = redis.conn();
    assert_eq!(zset(&mut c, "t:{q}:due"), [("a".to_owned(), 1100)]);
    assert_eq!(state(&mut c, "a")["a"], 0);
}

#[tokio::test]
async fn recover_requeues_expired_leases_and_dead_letters_repeat_offenders() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 5, &[("a", 1000), ("b", 1000)]).await;
    s.claim("q", 1000, 1, false).await.unwrap().unwrap(); // a, lease until 2500
    s.claim("q", 2000, 1, false).await.unwrap().unwrap(); // b, lease until 3500
    assert_eq!(
        s.recover("q", 2400).await.unwrap(),
        Recovered {
            taken: 0,
            next: Some(2500),
            outbox: 0,
        }
    );
    assert_eq!(
        s.recover("q", 3000).await.unwrap(),
        Recovered {
            taken: 1,
            next: Some(3500),
            outbox: 0,
        }
    );
    let mut c = redis.conn();
    assert_eq!(zset(&mut c, "t:{q}:due"), [("a".to_owned(), 3000)]);
    assert_eq!(state(&mut c, "a")["i"], 1);
    s.cancel("q", "b", 3000).await.unwrap().unwrap();
    // max_interruptions is 2: the third expiry dead-letters.
    for round in 0..2 {
        let now = 10_000 * (round + 1);
        let claimed = s.claim("q", now, 1, false).await.unwrap().unwrap();
        assert!(claimed.tasks.iter().any(|t| t.id == "a"));
        s.recover("q", now + 2000).await.unwrap();
    }
    assert_eq!(zset(&mut c, "t:{q}:dead"), [("a".to_owned(), 22_000)]);
    let t = s.get_task("q", "a", 30_000).await.unwrap().unwrap();
    assert_eq!(t.state, TaskState::Dead);
    assert!(
        t.last_error.starts_with("lease expired"),
        "{}",
        t.last_error
    );
}

#[tokio::test]
async fn cancel_removes_a_task_from_anywhere() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000), ("b", 9000)]).await;
    s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    let in_flight = lease(&redis, "a");
    // The queue is full and a claim saw work waiting (seeded: the flag such a claim
    // sets): cancelling the in-flight task frees the slot and tells the others.
    let _: () = redis.conn().hset("t:{q}:queue", "blocked", "1").unwrap();
    let mut msgs = wakes(&s).await;
    let t = s.cancel("q", "a", 1100).await.unwrap().unwrap();
    assert_eq!((t.state, t.attempts), (TaskState::Cancelled, 1));
    let woke = next_wake(&mut msgs).await;
    assert!(
        woke.is_some(),
        "no wake after cancelling an in-flight task of a full queue"
    );
    let t = s.cancel("q", "b", 1100).await.unwrap().unwrap();
    assert_eq!((t.state, t.schedule_ms), (TaskState::Cancelled, 9000));
    assert!(s.cancel("q", "b", 1100).await.unwrap().is_none());
    let mut c = redis.conn();
    assert!(zset(&mut c, "t:{q}:due").is_empty());
    assert!(zset(&mut c, "t:{q}:active").is_empty());
    let n: usize = c.hlen("t:{q}:tasks").unwrap();
    assert_eq!(n, 0);
    // The in-flight worker's outcome is discarded, even once the id is taken again.
    s.push("q", &[row("a", 1150)], None, true, now_ms())
        .await
        .unwrap();
    assert_eq!(
        s.claim("q", 1150, 1, false)
            .await
            .unwrap()
            .unwrap()
            .tasks
            .len(),
        1
    );
    assert!(
        !s.finish(
            "q",
            "a",
            &in_flight,
            1200,
            &Finish::Succeed { status: 200 },
            ""
        )
        .await
        .unwrap()
    );
}

#[tokio::test]
async fn index_take_and_settle() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    s.note(Index::Leases, "q", 5000).await.unwrap();
    s.note(Index::Leases, "q", 7000).await.unwrap(); // keeps the earliest
    assert_eq!(s.next_check(Index::Leases).await.unwrap(), Some(5000));
    assert!(
        !s.take_check(Index::Leases, "q", 4000, 99_000)
            .await
            .unwrap(),
        "not due yet"
    );
    assert!(
        s.take_check(Index::Leases, "q", 5000, 99_000)
            .await
            .unwrap()
    );
    assert!(
        !s.take_check(Index::Leases, "q", 5000, 99_000)
            .await
            .unwrap(),
        "taken once only"
    );
    s.settle_check(Index::Leases, "q", 99_000, Some(8000))
        .await
        .unwrap();
    assert_eq!(s.next_check(Index::Leases).await.unwrap(), Some(8000));
    // A claim noted an earlier lease while the sweep ran: it is kept.
    assert!(
        s.take_check(Index::Leases, "q", 8000, 99_000)
            .await
            .unwrap()
    );
    s.note(Index::Leases, "q", 9000).await.unwrap();
    s.settle_check(Index::Leases, "q", 99_000, None)
        .await
        .unwrap();
    assert_eq!(s.next_check(Index::Leases).await.unwrap(), Some(9000));
    // Nothing left: the entry goes.
    assert!(
        s.take_check(Index::Leases, "q", 9000, 99_000)
            .await
            .unwrap()
    );
    s.settle_check(Index::Leases, "q", 99_000, None)
        .await
        .unwrap();
    assert_eq!(s.next_check(Index::Leases).await.unwrap(), None);
}

#[tokio::test]
async fn purge_empties_the_queue_and_keeps_it() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000), ("b", 1000), ("c", 9000)]).await;
    s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    let in_flight = lease(&redis, "a");
    assert_eq!(s.purge("q").await.unwrap(), Some(3));
    let mut keys = redis.keys();
    keys.retain(|k| k.contains("{q}"));
    keys.sort();
    // The queue, its event stream (which says it was purged) and its counters.
    assert_eq!(keys, ["t:{q}:events", "t:{q}:queue", "t:{q}:stats"]);
    let events: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
        .arg("t:{q}:events")
        .arg("-")
        .arg("+")
        .query(&mut redis.conn())
        .unwrap();
    let last = &events.last().unwrap().1;
    assert!(last.contains(&("kind".into(), "purged".into())));
    assert!(last.contains(&("count".into(), "3".into())));
    assert!(s.get_queue("q").await.unwrap().is_some());
    assert!(
        !s.finish(
            "q",
            "a",
            &in_flight,
            1100,
            &Finish::Succeed { status: 200 },
            ""
        )
        .await
        .unwrap()
    );
    assert_eq!(s.purge("nope").await.unwrap(), None);
}

#[tokio::test]
async fn push_can_create_the_queue_and_seed_a_run_count() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let mut template = Queue::new("q", QueueKind::Variable);
    template.legacy_attribute = Some(r#"{"type":"variable"}"#.into());
    let mut r = row("a", 1000);
    r.run_count = 4;
    let pushed = s
        .push("q", &[r], Some(&template), true, now_ms())
        .await
        .unwrap();
    assert!(pushed.created);
    assert_eq!(pushed.earliest, Some(1000));
    let q = s.get_queue("q").await.unwrap().unwrap();
    assert_eq!(q.kind, QueueKind::Variable);
    assert_eq!(
        q.legacy_attribute.as_deref(),
        Some(r#"{"type":"variable"}"#)
    );
    let mut c = redis.conn();
    assert_eq!(state(&mut c, "a"), serde_json::json!({"r": 4}));
    let names: Vec<String> = c.smembers("t:queues").unwrap();
    assert_eq!(names, ["q"]);
    // An existing queue keeps its settings.
    let mut other = template.clone();
    other.kind = QueueKind::Timing;
    let pushed = s
        .push("q", &[row("b", 500)], Some(&other), true, now_ms())
        .await
        .unwrap();
    assert!(!pushed.created);
    assert_eq!(
        s.get_queue("q").await.unwrap().unwrap().kind,
        QueueKind::Variable
    );
}

/// Ids of the tasks a claim handed out.
fn claimed(c: &htq::store::Claim) -> Vec<&str> {
    c.tasks.iter().map(|t| t.id.as_str()).collect()
}

#[tokio::test]
async fn claim_paces_by_rate_and_says_when_the_next_token_comes() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.max_concurrency = 100;
    q.rate = 10.0; // one every 100 ms
    q.burst = 3;
    assert!(s.create_queue(&q).await.unwrap());
    let rows: Vec<_> = (0..10).map(|i| row(&format!("t{i}"), 1000)).collect();
    s.push("q", &rows, None, true, now_ms()).await.unwrap();
    // A burst of 3, then one token every 100 ms. The clock starts 5 ms back (the
    // slack that absorbs timer lateness): the next token comes at 995 + 3 x 100 -
    // 2 x 100.
    let c = s.claim("q", 1000, 64, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["t0", "t1", "t2"]);
    assert_eq!(c.next_due, Some(1095));
    // Too early: nothing, and the same answer.
    let c = s.claim("q", 1094, 64, false).await.unwrap().unwrap();
    assert!(c.tasks.is_empty());
    assert_eq!(c.next_due, Some(1095));
    let c = s.claim("q", 1095, 64, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["t3"]);
    assert_eq!(c.next_due, Some(1195));
    // A claim 3 ms late still gets its token on the same 100 ms grid.
    let c = s.claim("q", 1198, 64, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["t4"]);
    assert_eq!(c.next_due, Some(1295));
    // After a long pause the burst is back, never more.
    let c = s.claim("q", 5000, 64, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["t5", "t6", "t7"]);
    assert_eq!(c.next_due, Some(5095));
}

#[tokio::test]
async fn claim_serves_flow_keys_in_turn_within_their_limits() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.max_concurrency = 100;
    q.flow.max_concurrency = 2;
    q.request_timeout = Duration::from_millis(1000);
    assert!(s.create_queue(&q).await.unwrap());
    let keyed = |id: &str, key: &str, due: i64| NewRow {
        flow_key: Some(key.into()),
        ..row(id, due)
    };
    // `a` has a backlog pushed first; `b` has two tasks; one task has no key.
    let mut rows: Vec<_> = (0..6)
        .map(|i| keyed(&format!("a{i}"), "a", 1000 + i))
        .collect();
    rows.push(keyed("b0", "b", 1100));
    rows.push(keyed("b1", "b", 1101));
    rows.push(row("n0", 1050));
    s.push("q", &rows, None, true, now_ms()).await.unwrap();
    let c = s.claim("q", 2000, 3, false).await.unwrap().unwrap();
    // Oldest-waiting key first, then the next one: one each.
    assert_eq!(claimed(&c), ["a0", "n0", "b0"]);
    let c = s.claim("q", 2000, 10, false).await.unwrap().unwrap();
    // `a` and `b` take their second slot; then both are at their cap of 2.
    assert_eq!(claimed(&c), ["a1", "b1"]);
    assert!(c.next_due.is_none(), "every key waiting is at its cap");
    let mut conn = redis.conn();
    let flows: Vec<(String, f64)> = conn.zrange_withscores("t:{q}:flows", 0, -1).unwrap();
    // b and '' drained; a held at its cap until one of its tasks ends.
    assert_eq!(flows, [("a".to_owned(), f64::INFINITY)]);
    // A task of `a` ends: `a` is ready again.
    assert!(
        s.finish(
            "q",
            "a0",
            &lease(&redis, "a0"),
            2100,
            &Finish::Succeed { status: 200 },
            ""
        )
        .await
        .unwrap()
    );
    let c = s.claim("q", 2100, 10, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["a2"]);
    // Counts and listing see keyed tasks too.
    let n = s.count_tasks("q", 2100).await.unwrap();
    assert_eq!((n.due, n.active), (3, 5));
    let listed = s
        .list_tasks("q", TaskState::Due, 2100, 1, 10)
        .await
        .unwrap();
    let ids: Vec<_> = listed.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a4", "a5"]);
    // Purge leaves no flow key behind.
    s.purge("q").await.unwrap();
    let mut keys = redis.keys();
    keys.retain(|k| k.contains("{q}"));
    keys.sort();
    assert_eq!(keys, ["t:{q}:events", "t:{q}:queue", "t:{q}:stats"]);
}

#[tokio::test]
async fn tasks_without_a_key_are_served_when_a_retried_key_brings_the_index_back() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 10, &[]).await;
    let keyed = NewRow {
        flow_key: Some("k".into()),
        ..row("a", 1000)
    };
    s.push("q", &[keyed], None, true, now_ms()).await.unwrap();
    let c = s.claim("q", 1000, 10, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["a"]);
    // The key drained, so the index went; then tasks without a key arrive.
    s.push(
        "q",
        &[row("p1", 1001), row("p2", 1002)],
        None,
        true,
        now_ms(),
    )
    .await
    .unwrap();
    let retry = Finish::Retry {
        at: 1500,
        status: 503,
        error: "HTTP 503".into(),
    };
    assert!(
        s.finish("q", "a", &lease(&redis, "a"), 1100, &retry, "")
            .await
            .unwrap()
    );
    // The retry brought the index back: the key-less tasks are in it too.
    let c = s.claim("q", 1200, 10, false).await.unwrap().unwrap();
    assert_eq!(claimed(&c), ["p1", "p2"]);
    assert_eq!(c.next_due, Some(1500));
}

#[tokio::test]
async fn batched_events_count_as_their_tasks_against_the_cap() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.max_events = 300;
    q.paused = true;
    assert!(s.create_queue(&q).await.unwrap());
    for b in 0..5 {
        let rows: Vec<_> = (0..200).map(|i| row(&format!("b{b}-{i}"), 1000)).collect();
        s.push("q", &rows, None, true, now_ms()).await.unwrap();
    }
    let entries: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
        .arg("t:{q}:events")
        .arg("-")
        .arg("+")
        .query(&mut redis.conn())
        .unwrap();
    let events: usize = entries
        .iter()
        .map(|(_, f)| {
            f.iter()
                .find(|(k, _)| k == "tasks")
                .map_or(1, |(_, v)| v.lines().count())
        })
        .sum();
    // About the cap in events (whole entries go), not 300 entries of 200.
    assert!((300..=330 + 200).contains(&events), "{events} events held");
    assert!(entries.len() <= 3, "{} entries", entries.len());
}

#[tokio::test]
async fn raising_a_per_key_cap_frees_held_keys_at_once() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.max_concurrency = 100;
    q.flow.max_concurrency = 1;
    assert!(s.create_queue(&q).await.unwrap());
    let rows: Vec<_> = (0..3)
        .map(|i| NewRow {
            flow_key: Some("k".into()),
            ..row(&format!("k{i}"), 1000)
        })
        .collect();
    s.push("q", &rows, None, true, now_ms()).await.unwrap();
    // The update reads Redis's clock: claim on the same clock.
    let now = now_ms();
    assert_eq!(
        claimed(&s.claim("q", now, 10, false).await.unwrap().unwrap()),
        ["k0"]
    );
    assert!(
        s.claim("q", now, 10, false)
            .await
            .unwrap()
            .unwrap()
            .tasks
            .is_empty()
    );
    let mut more = q.clone();
    more.flow.max_concurrency = 3;
    assert!(s.update_queue(&q, &more).await.unwrap());
    // No task of `k` ended, yet the key is served again under the new cap.
    assert_eq!(
        claimed(&s.claim("q", now_ms(), 10, false).await.unwrap().unwrap()),
        ["k1", "k2"]
    );
}

#[tokio::test]
async fn scripts_run_as_a_functions_library_reloaded_when_redis_lost_it() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 1, &[("a", 1000)]).await;
    let fcalls = |name: &str| redis.command_calls(|n| n == name);
    assert!(fcalls("fcall") >= 2, "create and push ran as FCALL");
    assert_eq!(fcalls("evalsha") + fcalls("eval"), 0);
    let mut c = redis.conn();
    let libs: redis::Value = redis::cmd("FUNCTION").arg("LIST").query(&mut c).unwrap();
    assert!(format!("{libs:?}").contains("htq_"), "{libs:?}");
    // As after a restart without persistence: the library is gone, the next call
    // loads it again.
    let _: () = redis::cmd("FUNCTION").arg("FLUSH").query(&mut c).unwrap();
    let claim = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(claim.tasks.len(), 1);
}

#[tokio::test]
async fn a_claim_gets_the_settings_again_only_after_they_change() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    let due: Vec<(String, i64)> = (0..6).map(|i| (format!("t{i}"), 1000)).collect();
    let due: Vec<(&str, i64)> = due.iter().map(|(id, at)| (id.as_str(), *at)).collect();
    seed(&s, 10, &due).await;
    let first = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(first.queue.request_timeout, Duration::from_millis(1000));
    // Unchanged: the settings held from the last claim serve again.
    let second = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert!(std::sync::Arc::ptr_eq(&first.queue, &second.queue));
    assert_eq!(second.tasks.len(), 1);
    // An update is seen by the next claim.
    let old = s.get_queue("q").await.unwrap().unwrap();
    let mut q = old.clone();
    q.request_timeout = Duration::from_millis(2000);
    assert!(s.update_queue(&old, &q).await.unwrap());
    let third = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(third.queue.request_timeout, Duration::from_millis(2000));
    // Its lease follows the new timeout: 1000 + 2000 + the 500 ms margin.
    let mut c = redis.conn();
    let lease: i64 = c.zscore("t:{q}:active", &third.tasks[0].id).unwrap();
    assert_eq!(lease, 3500);
    // A queue deleted and made again with other settings is read afresh.
    assert!(s.delete_queue("q").await.unwrap());
    assert!(s.claim("q", 1000, 1, false).await.unwrap().is_none());
    let mut q = Queue::new("q", QueueKind::RealTime);
    q.request_timeout = Duration::from_millis(4000);
    assert!(s.create_queue(&q).await.unwrap());
    s.push("q", &[row("n", 1000)], None, true, now_ms())
        .await
        .unwrap();
    let fresh = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(fresh.queue.request_timeout, Duration::from_millis(4000));
    // So is one whose settings predate versions.
    let _: () = c.hdel("t:{q}:queue", "ver").unwrap();
    let _: () = c.hset("t:{q}:queue", "timeout_ms", "6000").unwrap();
    let old_style = s.claim("q", 1000, 1, false).await.unwrap().unwrap();
    assert_eq!(old_style.queue.request_timeout, Duration::from_millis(6000));
    let ver: Option<String> = c.hget("t:{q}:queue", "ver").unwrap();
    assert!(ver.is_some());
}

#[tokio::test]
async fn finish_claim_records_outcomes_then_claims_into_the_freed_slots() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 2, &[("a", 1000), ("b", 1000), ("c", 1000), ("d", 1000)]).await;
    s.claim("q", 1000, 2, false).await.unwrap().unwrap();
    let outcome = |id: &str, token: String| Outcome {
        id: id.into(),
        token,
        finish: Finish::Succeed { status: 200 },
        record: String::new(),
        callback: String::new(),
    };
    // a's lease holds, b's token is stale: one slot frees, so one task starts
    // though two were asked for (max_concurrency 2, b still active).
    let (held, claim) = s
        .finish_claim(
            "q",
            1100,
            &[outcome("a", lease(&redis, "a")), outcome("b", "1".into())],
            2,
        )
        .await
        .unwrap();
    assert_eq!(held, [true, false]);
    let claim = claim.unwrap();
    let ids: Vec<_> = claim.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["c"]);
    assert_eq!(claim.next_due, Some(1000), "d waits for a slot");
    assert_eq!(claim.tasks[0].token(), lease(&redis, "c"));
    let mut c = redis.conn();
    assert_eq!(
        zset(&mut c, "t:{q}:active"),
        [("b".to_owned(), 2500), ("c".to_owned(), 2600)]
    );
    assert_eq!(zset(&mut c, "t:{q}:due"), [("d".to_owned(), 1000)]);
    let n: usize = c.hlen("t:{q}:tasks").unwrap();
    assert_eq!(n, 3, "a, finished without retention, is gone");
    // The stream tells it in order: a succeeded, then c started.
    let events = all_events(&s).await;
    let kinds: Vec<(EventKind, String)> = events
        .iter()
        .filter_map(|e| Some((e.kind?, e.task_id.clone())))
        .filter(|(kind, _)| !matches!(kind, EventKind::Pushed))
        .collect();
    assert_eq!(
        kinds,
        [
            (EventKind::Started, "a".to_owned()),
            (EventKind::Started, "b".to_owned()),
            (EventKind::Succeeded, "a".to_owned()),
            (EventKind::Started, "c".to_owned()),
        ]
    );
    // A deleted queue: outcomes refused, nothing claimed.
    let token = lease(&redis, "c");
    assert!(s.delete_queue("q").await.unwrap());
    let (held, claim) = s
        .finish_claim("q", 1200, &[outcome("c", token)], 1)
        .await
        .unwrap();
    assert_eq!(held, [false]);
    assert!(claim.is_none());
}

#[tokio::test]
async fn a_tick_pushes_once_even_when_its_taker_dies_between_the_two_steps() {
    use htq::store::{ScheduleDef, TickTaken};
    let redis = TestRedis::start();
    let s = store(&redis).await;
    s.create_queue(&Queue::new("q", QueueKind::RealTime))
        .await
        .unwrap();
    let def = ScheduleDef {
        queue: "q".into(),
        cron: "* * * * *".into(),
        time_zone: String::new(),
        request: req("/cron"),
        flow_key: String::new(),
        skip_missed: false,
        created_ms: 0,
    };
    assert!(
        s.create_schedule("every", &def, Some(60_000))
            .await
            .unwrap()
    );
    // A process pushed tick 60,000's task, then died before moving the tick on:
    // the queue records the tick, the schedule still waits at it.
    let second = row("b", 60_000);
    let mut c = redis.conn();
    let _: () = c.hset("t:{q}:cron", "every", 60_000).unwrap();
    // The next taker finds the task pushed: nothing is pushed twice, and the tick
    // moves on.
    let taken = s
        .take_tick("every", 60_000, Some(120_000), Some(("q", &second)))
        .await
        .unwrap();
    assert_eq!(taken, TickTaken::ByOther);
    assert_eq!(s.count_tasks("q", 0).await.unwrap().due, 0);
    assert_eq!(
        zset(&mut c, "t:{%schedules}:next"),
        [("every".to_owned(), 120_000)]
    );
    // The next tick is pushed once, whoever takes it and however often.
    let third = row("c", 120_000);
    let taken = s
        .take_tick("every", 120_000, Some(180_000), Some(("q", &third)))
        .await
        .unwrap();
    assert_eq!(taken, TickTaken::Pushed);
    let again = s
        .take_tick(
            "every",
            120_000,
            Some(180_000),
            Some(("q", &row("d", 120_000))),
        )
        .await
        .unwrap();
    assert_eq!(again, TickTaken::ByOther);
    let counts = s.count_tasks("q", 200_000).await.unwrap();
    assert_eq!(counts.due + counts.scheduled, 1);
    let last: i64 = c.hget("t:{%schedules}:last", "every").unwrap();
    assert_eq!(last, 120_000);
    let recorded: i64 = c.hget("t:{q}:cron", "every").unwrap();
    assert_eq!(recorded, 120_000);
}

#[tokio::test]
async fn a_claim_notes_its_queue_in_the_lease_index_before_it_leases() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    seed(&s, 5, &[("a", 1000)]).await;
    // No settings held yet: the note is at now + the lease margin (500 ms here),
    // no later than the lease's deadline.
    let claim = s.claim("q", 2000, 5, true).await.unwrap().unwrap();
    assert_eq!(claimed(&claim), ["a"]);
    let mut c = redis.conn();
    let noted = zset(&mut c, "t:leases");
    assert_eq!(noted, [("q".to_owned(), 2500)]);
    let deadline = zset(&mut c, "t:{q}:active")[0].1;
    assert!(deadline >= 2500, "{deadline}");
    // An earlier note stays; a claim that does not note leaves the index alone.
    s.push("q", &[row("b", 1000)], None, true, now_ms())
        .await
        .unwrap();
    s.claim("q", 3000, 5, false).await.unwrap().unwrap();
    assert_eq!(zset(&mut c, "t:leases"), [("q".to_owned(), 2500)]);
}

#[tokio::test]
async fn schedule_keys_of_an_older_version_move_under_their_hash_tag() {
    // Clusters came after the tag: one Redis holds the old names.
    let redis = TestRedis::single();
    let mut c = redis.conn();
    let _: () = c.hset("t:schedules", "every", "def").unwrap();
    let _: () = c.zadd("t:schedule_next", "every", 60_000).unwrap();
    let _: () = c.hset("t:schedule_last", "every", 0).unwrap();
    let _s = store(&redis).await;
    assert_eq!(
        redis.keys(),
        [
            "t:{%schedules}:defs",
            "t:{%schedules}:last",
            "t:{%schedules}:next"
        ]
    );
    assert_eq!(
        zset(&mut c, "t:{%schedules}:next"),
        [("every".to_owned(), 60_000)]
    );
    // Opening again moves nothing more and loses nothing.
    let _again = store(&redis).await;
    let def: String = c.hget("t:{%schedules}:defs", "every").unwrap();
    assert_eq!(def, "def");
}

#[tokio::test]
async fn push_multi_stores_each_queue_on_its_own() {
    let redis = TestRedis::start();
    let s = store(&redis).await;
    for name in ["a", "b"] {
        assert!(
            s.create_queue(&Queue::new(name, QueueKind::RealTime))
                .await
                .unwrap()
        );
    }
    let keyed = |id: &str| NewRow {
        idempotency_key: Some("k".into()),
        ..row(id, 1000)
    };
    let a = [row("a1", 1000), row("a2", 1000), row("a3", 1000)];
    let gone = [row("g1", 1000)];
    let b = [keyed("b1"), keyed("b2")];
    let sections = [
        ("a", &a[..], None),
        ("gone", &gone[..], None),
        ("b", &b[..], None),
    ];
    let replies = s.push_multi(&sections, now_ms()).await;
    if redis.is_cluster() {
        // Keys of several slots in one script: a cluster refuses the call whole,
        // which is why each queue's pushes go alone there.
        assert!(replies.is_err());
        assert!(redis.keys().iter().all(|k| !k.contains("tasks")));
        return;
    }
    let replies = replies.unwrap();
    assert_eq!(replies.len(), 3);
    assert_eq!(replies[0].as_ref().unwrap().earliest, Some(1000));
    // The missing queue is refused on its own; the others are stored.
    assert!(
        matches!(replies[1], Err(htq::Error::NotFound(_))),
        "{:?}",
        replies[1]
    );
    assert_eq!(
        replies[2].as_ref().unwrap().duplicates,
        [(1, "b1".to_owned())]
    );
    let mut c = redis.conn();
    let held = |c: &mut TestConn, key: &str| -> usize { c.hlen(key).unwrap() };
    assert_eq!(held(&mut c, "t:{a}:tasks"), 3);
    assert_eq!(held(&mut c, "t:{b}:tasks"), 1);
    assert!(redis.keys().iter().all(|k| !k.contains("gone")));
    // Each queue's events went to its own stream.
    let events = |c: &mut TestConn, key: &str| -> String {
        let v: redis::Value = redis::cmd("XRANGE")
            .arg(key)
            .arg("-")
            .arg("+")
            .query(c)
            .unwrap();
        format!("{v:?}")
    };
    let (ea, eb) = (
        events(&mut c, "t:{a}:events"),
        events(&mut c, "t:{b}:events"),
    );
    assert!(
        ["a1", "a2", "a3"].iter().all(|id| ea.contains(id)) && !ea.contains("b1"),
        "{ea}"
    );
    assert!(
        eb.contains("b1") && !eb.contains("b2") && !eb.contains("a1"),
        "{eb}"
    );
}
