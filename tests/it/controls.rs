//! Queue controls: rate limits, flow keys and fairness, pause and resume, purge,
//! RunTask, dead letters and their bounds, retention and attempt history, dedup,
//! caller-chosen ids and cron schedules; several across two HTQ processes.

use std::time::Duration;

use htq::api::pb;
use tonic::Code;

use crate::common::*;

/// Pushes `n` GETs of `url` in batches; `tweak` sets each entry's extra fields.
async fn push_many(
    c: &mut Client,
    queue: &str,
    n: usize,
    url: &str,
    tweak: impl Fn(usize, &mut pb::TaskEntry),
) -> Vec<String> {
    let mut ids = Vec::with_capacity(n);
    let entries: Vec<pb::TaskEntry> = (0..n)
        .map(|i| {
            let mut e = pb::TaskEntry {
                request: Some(get(url)),
                ..Default::default()
            };
            tweak(i, &mut e);
            e
        })
        .collect();
    for chunk in entries.chunks(1000) {
        let r = c
            .push_tasks(pb::PushTasksRequest {
                queue: queue.into(),
                tasks: chunk.to_vec(),
            })
            .await
            .unwrap()
            .into_inner();
        ids.extend(r.task_ids);
    }
    ids
}

async fn counts(c: &mut Client, queue: &str) -> pb::CountTasksResponse {
    c.count_tasks(pb::CountTasksRequest {
        queue: queue.into(),
    })
    .await
    .unwrap()
    .into_inner()
}

async fn get_task(c: &mut Client, queue: &str, id: &str) -> Result<pb::Task, tonic::Status> {
    c.get_task(pb::GetTaskRequest {
        queue: queue.into(),
        id: id.into(),
    })
    .await
    .map(|r| r.into_inner())
}

/// Hits that arrived in [from, from + window).
fn hits_within(hits: &[Hit], from: std::time::Instant, window: Duration) -> usize {
    hits.iter()
        .filter(|h| h.at >= from && h.at < from + window)
        .count()
}

/// The most requests that started within any `window` (a sliding window over
/// arrival times).
fn most_in_any_window(hits: &[Hit], window: Duration) -> usize {
    let mut times: Vec<_> = hits.iter().map(|h| h.at).collect();
    times.sort();
    let mut best = 0;
    let mut lo = 0;
    for hi in 0..times.len() {
        while times[hi] - times[lo] >= window {
            lo += 1;
        }
        best = best.max(hi - lo + 1);
    }
    best
}

/// Scripts Redis has run so far (EVALSHA and EVAL calls).
fn script_calls(redis: &TestRedis) -> u64 {
    redis.command_calls(|name| name == "evalsha" || name == "eval")
}

/// Two `htq serve` processes on Redis `redis` (and their data directories, which
/// must live as long as they do).
fn two_processes(redis: &TestRedis) -> (HtqProcess, HtqProcess, [tempfile::TempDir; 2]) {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let flag = redis.flag();
    let a = HtqProcess::start(&args(&flag, &[]), dirs[0].path());
    let b = HtqProcess::start(&args(&flag, &[]), dirs[1].path());
    (a, b, dirs)
}

fn args<'a>(flag: &'a [String; 2], extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![flag[0].as_str(), flag[1].as_str(), "--token", TOKEN];
    a.extend_from_slice(extra);
    a
}

#[tokio::test]
async fn rate_limit_delivers_50_per_second() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "r", |q| {
        q.max_concurrency = 100;
        q.max_dispatches_per_second = 50.0;
    })
    .await;
    let scripts_before = script_calls(&redis);
    push_many(c, "r", 400, &sink.url("/r"), |_, _| {}).await;
    let first = sink.wait_for(Some("/r"), 1, Duration::from_secs(3)).await[0].at;
    tokio::time::sleep_until((first + Duration::from_secs(4)).into()).await;
    let n = hits_within(&sink.hits_on("/r"), first, Duration::from_secs(4));
    let calls = script_calls(&redis) - scripts_before;
    // 50/s for 4 s with a burst of 1: 200 (plus the first), within 10%.
    assert!((180..=220).contains(&n), "{n} dispatches in 4 s");
    // The dispatcher sleeps until the next token instead of asking Redis again and
    // again: per dispatch, its claim, its finish and at most a claim or two that
    // found no token yet.
    assert!(
        calls < 4 * n as u64,
        "{calls} script calls for {n} dispatches"
    );
    // Paced, not bunched (400 were waiting): no 100 ms holds much more than the rate
    // allows (5); arrival times carry some network jitter on a busy machine.
    let most = most_in_any_window(&sink.hits_on("/r"), Duration::from_millis(100));
    assert!(most <= 9, "{most} dispatches within 100 ms");
    c.purge_queue(pb::PurgeQueueRequest { name: "r".into() })
        .await
        .unwrap();
    htq.stop().await;
}

#[tokio::test]
async fn flow_key_rate_paces_each_key_on_its_own() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "kr", |q| {
        q.max_concurrency = 50;
        q.flow = Some(pb::FlowControl {
            max_dispatches_per_second: 10.0,
            ..Default::default()
        });
    })
    .await;
    for key in ["a", "b"] {
        push_many(c, "kr", 60, &sink.url(&format!("/kr?k={key}")), |_, e| {
            e.flow_key = key.into()
        })
        .await;
    }
    let first = sink.wait_for(Some("/kr"), 1, Duration::from_secs(3)).await[0].at;
    tokio::time::sleep_until((first + Duration::from_secs(2)).into()).await;
    let hits = sink.hits_on("/kr");
    for key in ["a", "b"] {
        let of_key: Vec<Hit> = hits
            .iter()
            .filter(|h| h.uri.ends_with(&format!("k={key}")))
            .cloned()
            .collect();
        // 10/s each for 2 s, plus the first: 21, within 10%.
        let n = hits_within(&of_key, first, Duration::from_secs(2));
        assert!((19..=23).contains(&n), "key {key}: {n} in 2 s");
    }
    c.purge_queue(pb::PurgeQueueRequest { name: "kr".into() })
        .await
        .unwrap();
    htq.stop().await;
}

#[tokio::test]
async fn two_processes_never_exceed_concurrency_or_rate() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let paced = Sink::start().await;
    sink.script(
        "/c",
        vec![Reply::status(200).delay(Duration::from_millis(100))],
    );
    let (a, b, _dirs) = two_processes(&redis);
    let mut ca = client(a.addr, Some(TOKEN)).await;
    let mut cb = client(b.addr, Some(TOKEN)).await;
    create_queue(&mut ca, "c", |q| q.max_concurrency = 3).await;
    create_queue(&mut ca, "p", |q| {
        q.max_concurrency = 50;
        q.max_dispatches_per_second = 20.0;
        q.max_burst = 2;
    })
    .await;
    // Half the tasks pushed through each process.
    push_many(&mut ca, "c", 15, &sink.url("/c"), |_, _| {}).await;
    push_many(&mut cb, "c", 15, &sink.url("/c"), |_, _| {}).await;
    push_many(&mut ca, "p", 40, &paced.url("/p"), |_, _| {}).await;
    push_many(&mut cb, "p", 40, &paced.url("/p"), |_, _| {}).await;
    let hits = sink.wait_for(Some("/c"), 30, Duration::from_secs(10)).await;
    assert_eq!(hits.len(), 30);
    assert_eq!(
        sink.max_in_flight(),
        3,
        "max_concurrency 3 across two processes"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let p = paced.hits_on("/p");
    // 20/s with a burst of 2: no second holds more than 20 + 2 dispatches.
    let most = most_in_any_window(&p, Duration::from_secs(1));
    assert!(most <= 22, "{most} dispatches within one second");
    assert!(p.len() >= 30, "only {} dispatches in ~2.5 s", p.len());
}

#[tokio::test]
async fn flow_keys_are_served_fairly_within_their_limits() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/f",
        vec![Reply::status(200).delay(Duration::from_millis(5))],
    );
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "f", |q| q.max_concurrency = 1).await;
    c.pause_queue(pb::PauseQueueRequest { name: "f".into() })
        .await
        .unwrap();
    // A key with a large backlog, pushed first; then a key with a few tasks.
    push_many(c, "f", 300, &sink.url("/f?k=big"), |_, e| {
        e.flow_key = "big".into()
    })
    .await;
    push_many(c, "f", 5, &sink.url("/f?k=small"), |_, e| {
        e.flow_key = "small".into()
    })
    .await;
    // Tasks without a key take part too.
    push_many(c, "f", 5, &sink.url("/f?k=none"), |_, _| {}).await;
    let listed = c
        .list_tasks(pb::ListTasksRequest {
            queue: "f".into(),
            state: pb::TaskState::Due as i32,
            page_size: 1000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.tasks.len(), 310);
    assert_eq!(listed.tasks[0].flow_key, "");
    assert_eq!(listed.tasks[5].flow_key, "big");
    assert_eq!(counts(c, "f").await.due, 310);
    c.resume_queue(pb::ResumeQueueRequest { name: "f".into() })
        .await
        .unwrap();
    sink.wait_for(Some("/f"), 30, Duration::from_secs(10)).await;
    let hits = sink.hits_on("/f");
    let pos = |k: &str| {
        hits.iter()
            .enumerate()
            .filter(|(_, h)| h.uri.ends_with(&format!("k={k}")))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    // Round robin: the small key and the key-less tasks are all done within the
    // first 15 dispatches, while 295 of the large key still wait.
    let small = pos("small");
    let none = pos("none");
    assert_eq!(small.len(), 5, "{:?}", small);
    assert_eq!(none.len(), 5);
    assert!(
        small[4] < 15 && none[4] < 15,
        "small {small:?}, none {none:?}"
    );
    c.purge_queue(pb::PurgeQueueRequest { name: "f".into() })
        .await
        .unwrap();

    // Per-key concurrency: 2 per key, 6 for the queue, 3 keys busy.
    let sink2 = Sink::start().await;
    sink2.script(
        "/k",
        vec![Reply::status(200).delay(Duration::from_millis(150))],
    );
    create_queue(c, "k", |q| {
        q.max_concurrency = 6;
        q.flow = Some(pb::FlowControl {
            max_concurrency: 2,
            ..Default::default()
        });
    })
    .await;
    for key in ["a", "b", "c"] {
        push_many(c, "k", 6, &sink2.url(&format!("/k?key={key}")), |_, e| {
            e.flow_key = key.into()
        })
        .await;
    }
    let hits = sink2
        .wait_for(Some("/k"), 18, Duration::from_secs(10))
        .await;
    assert_eq!(hits.len(), 18);
    assert_eq!(sink2.max_in_flight(), 6);
    // No key had more than 2 in flight: each key's requests came in waves of two
    // (150 ms apart), so no 100 ms window holds 3 of one key.
    for key in ["a", "b", "c"] {
        let of_key: Vec<Hit> = hits
            .iter()
            .filter(|h| h.uri.ends_with(&format!("key={key}")))
            .cloned()
            .collect();
        let most = most_in_any_window(&of_key, Duration::from_millis(100));
        assert_eq!(most, 2, "key {key}");
    }
    htq.stop().await;
}

#[tokio::test]
async fn pause_stops_dispatch_within_100ms_and_resume_restarts_it() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/p",
        vec![Reply::status(200).delay(Duration::from_millis(20))],
    );
    let data = tempfile::tempdir().unwrap();
    // The queue is paused through one process while another dispatches.
    let other = HtqProcess::start(&args(&redis.flag(), &[]), data.path());
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "p", |q| q.max_concurrency = 2).await;
    let mut co = client(other.addr, Some(TOKEN)).await;
    push_many(&mut co, "p", 2000, &sink.url("/p"), |_, _| {}).await;
    sink.wait_for(Some("/p"), 20, Duration::from_secs(5)).await;
    let q = co
        .pause_queue(pb::PauseQueueRequest { name: "p".into() })
        .await
        .unwrap()
        .into_inner();
    let paused_at = std::time::Instant::now();
    assert!(q.paused);
    tokio::time::sleep(Duration::from_millis(600)).await;
    let hits = sink.hits_on("/p");
    let late = hits
        .iter()
        .filter(|h| h.at > paused_at + Duration::from_millis(100))
        .count();
    assert_eq!(
        late, 0,
        "{late} requests started more than 100 ms after pause"
    );
    let before = hits.len();
    assert!(counts(c, "p").await.due > 0);
    c.resume_queue(pb::ResumeQueueRequest { name: "p".into() })
        .await
        .unwrap();
    let resumed_at = std::time::Instant::now();
    let hits = sink
        .wait_for(Some("/p"), before + 1, Duration::from_secs(2))
        .await;
    assert!(hits[before].at - resumed_at < Duration::from_millis(200));
    // UpdateQueue takes effect at once too: more concurrency, more in flight.
    sink.script(
        "/p",
        vec![Reply::status(200).delay(Duration::from_millis(200))],
    );
    c.update_queue(pb::UpdateQueueRequest {
        queue: Some(pb::Queue {
            name: "p".into(),
            max_concurrency: 5,
            ..Default::default()
        }),
        update_mask: Some(pbjson_types::FieldMask {
            paths: vec!["max_concurrency".into()],
        }),
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(sink.max_in_flight(), 5);
    // Purge: every task goes, the queue stays.
    let purged = c
        .purge_queue(pb::PurgeQueueRequest { name: "p".into() })
        .await
        .unwrap()
        .into_inner()
        .purged;
    assert!(purged > 1000, "purged {purged}");
    let n = counts(c, "p").await;
    assert_eq!((n.due, n.scheduled, n.dead), (0, 0, 0));
    htq.stop().await;
}

#[tokio::test]
async fn run_task_performs_a_scheduled_task_now() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow",
        vec![Reply::status(200).delay(Duration::from_secs(2))],
    );
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "t", |q| q.kind = pb::QueueKind::Timing as i32).await;
    let id = schedule_get(c, "t", &sink.url("/later"), 3_600_000).await;
    let t = c
        .run_task(pb::RunTaskRequest {
            queue: "t".into(),
            id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.state, pb::TaskState::Due as i32);
    assert!(t.schedule_time.unwrap().seconds <= now_ms() / 1000);
    let hit = sink
        .wait_for(Some("/later"), 1, Duration::from_secs(2))
        .await;
    assert_eq!(hit[0].header("x-htq-task-id"), Some(id.as_str()));
    // In flight: RunTask refuses.
    let slow = push_get(c, "t", &sink.url("/slow")).await;
    sink.wait_for(Some("/slow"), 1, Duration::from_secs(2))
        .await;
    let err = c
        .run_task(pb::RunTaskRequest {
            queue: "t".into(),
            id: slow,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(err.message().contains("in flight"), "{}", err.message());
    let err = c
        .run_task(pb::RunTaskRequest {
            queue: "t".into(),
            id: "nope".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    htq.stop().await;
}

/// Entries of a queue's event stream: (kind, task, reason).
fn events(redis: &TestRedis, queue: &str) -> Vec<(String, String, String)> {
    let raw: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
        .arg(format!("htq:{{{queue}}}:events"))
        .arg("-")
        .arg("+")
        .query(&mut redis.conn())
        .unwrap();
    raw.into_iter()
        .map(|(_, fields)| {
            let get = |k: &str| {
                fields
                    .iter()
                    .find(|(f, _)| f == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            (get("kind"), get("task"), get("reason"))
        })
        .collect()
}

#[tokio::test]
async fn dead_letters_are_bounded_listed_retried_and_deleted() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/gone", vec![Reply::status(404)]);
    // The janitor's period stays at its default (a minute): it wakes because the
    // dying task noted when it expires.
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "d", |q| {
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
        q.dead_letter = Some(pb::DeadLetterPolicy {
            max_tasks: 3,
            ..Default::default()
        });
    })
    .await;
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(push_get(c, "d", &sink.url("/gone")).await);
    }
    sink.wait_for(Some("/gone"), 5, Duration::from_secs(5))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while counts(c, "d").await.evicted < 2 {
        assert!(tokio::time::Instant::now() < deadline, "no eviction");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let n = counts(c, "d").await;
    assert_eq!((n.dead, n.evicted), (3, 2));
    // The oldest two went, each with an event.
    let evicted: Vec<_> = events(&redis, "d")
        .into_iter()
        .filter(|e| e.0 == "evicted")
        .collect();
    assert_eq!(
        evicted,
        vec![
            ("evicted".into(), ids[0].clone(), "count".into()),
            ("evicted".into(), ids[1].clone(), "count".into()),
        ]
    );
    // Listed newest first.
    let dead = c
        .list_tasks(pb::ListTasksRequest {
            queue: "d".into(),
            state: pb::TaskState::Dead as i32,
            page_size: 2,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let listed: Vec<_> = dead.tasks.iter().map(|t| t.id.clone()).collect();
    assert_eq!(listed, [ids[4].clone(), ids[3].clone()]);
    assert_eq!(dead.tasks[0].last_status, 404);
    // Delete one, retry one (fresh attempts: it dies again after one more 404).
    c.delete_dead_task(pb::DeleteDeadTaskRequest {
        queue: "d".into(),
        id: ids[2].clone(),
    })
    .await
    .unwrap();
    let err = c
        .delete_dead_task(pb::DeleteDeadTaskRequest {
            queue: "d".into(),
            id: ids[2].clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    sink.script("/gone", vec![Reply::status(200)]);
    let t = c
        .retry_dead_task(pb::RetryDeadTaskRequest {
            queue: "d".into(),
            id: ids[3].clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.state, pb::TaskState::Due as i32);
    assert_eq!(t.attempts, 1, "attempts so far; the next one counts afresh");
    let hits = sink
        .wait_for(Some("/gone"), 6, Duration::from_secs(3))
        .await;
    assert_eq!(hits[5].header("x-htq-task-id"), Some(ids[3].as_str()));
    assert_eq!(hits[5].header("x-htq-attempt"), Some("2"));
    let retried = c
        .retry_all_dead_tasks(pb::RetryAllDeadTasksRequest { queue: "d".into() })
        .await
        .unwrap()
        .into_inner()
        .retried;
    assert_eq!(retried, 1);
    sink.wait_for(Some("/gone"), 7, Duration::from_secs(3))
        .await;
    // Only dead tasks are retried.
    let waiting = schedule_get(c, "d", &sink.url("/gone"), 3_600_000).await;
    let err = c
        .retry_dead_task(pb::RetryDeadTaskRequest {
            queue: "d".into(),
            id: waiting.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    c.cancel_task(pb::CancelTaskRequest {
        queue: "d".into(),
        id: waiting,
    })
    .await
    .unwrap();

    // Bounded by age: dead tasks older than max_age go, with events saying so.
    sink.script("/gone", vec![Reply::status(410)]);
    c.update_queue(pb::UpdateQueueRequest {
        queue: Some(pb::Queue {
            name: "d".into(),
            dead_letter: Some(pb::DeadLetterPolicy {
                max_tasks: 100,
                max_age: Some(ms_duration(500)),
            }),
            ..Default::default()
        }),
        update_mask: Some(pbjson_types::FieldMask {
            paths: vec!["dead_letter".into()],
        }),
    })
    .await
    .unwrap();
    let old = push_get(c, "d", &sink.url("/gone")).await;
    sink.wait_for(Some("/gone"), 8, Duration::from_secs(3))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while !events(&redis, "d")
        .iter()
        .any(|e| e == &("evicted".into(), old.clone(), "age".into()))
    {
        assert!(tokio::time::Instant::now() < deadline, "not evicted by age");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(counts(c, "d").await.dead, 0);
    htq.stop().await;
}

#[tokio::test]
async fn attempts_are_recorded_and_finished_tasks_retained() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/h",
        vec![
            Reply::status(500).body("boom"),
            Reply::status(503),
            Reply::status(200)
                .body(&"x".repeat(1000))
                .delay(Duration::from_millis(50)),
        ],
    );
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "h", |q| {
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 5,
            min_backoff: Some(ms_duration(50)),
            max_backoff: Some(ms_duration(100)),
            ..Default::default()
        });
        q.retention = Some(ms_duration(60_000));
        q.attempt_history = 2;
    })
    .await;
    let id = push_get(c, "h", &sink.url("/h")).await;
    sink.wait_for(Some("/h"), 3, Duration::from_secs(5)).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    let t = loop {
        let t = get_task(c, "h", &id).await.unwrap();
        if t.state == pb::TaskState::Succeeded as i32 {
            break t;
        }
        assert!(tokio::time::Instant::now() < deadline, "state {}", t.state);
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(t.attempts, 3);
    assert!(t.finish_time.is_some());
    // The last two attempts (attempt_history 2), oldest first.
    let statuses: Vec<i32> = t.history.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [503, 200]);
    let last = &t.history[1];
    assert_eq!(last.reply.len(), 256);
    let latency = last.latency.as_ref().unwrap();
    assert!(
        latency.nanos >= 50_000_000 || latency.seconds > 0,
        "{latency:?}"
    );
    assert!(last.start_time.as_ref().unwrap().seconds > 0);
    assert_eq!(counts(c, "h").await.finished, 1);
    // A finished task cannot be cancelled.
    let err = c
        .cancel_task(pb::CancelTaskRequest {
            queue: "h".into(),
            id: id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);

    // Without retention a finished task is gone at once, and its history with it.
    create_queue(c, "n", |_| {}).await;
    let gone = push_get(c, "n", &sink.url("/ok")).await;
    sink.wait_for(Some("/ok"), 1, Duration::from_secs(3)).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while get_task(c, "n", &gone).await.is_ok() {
        assert!(tokio::time::Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut keys = redis.keys();
    keys.retain(|k| k.contains("{n}"));
    keys.sort();
    // Only the queue and its event stream and counters: nothing of the task.
    assert_eq!(keys, ["htq:{n}:events", "htq:{n}:queue", "htq:{n}:stats"]);
    htq.stop().await;
}

#[tokio::test]
async fn dedup_across_two_processes_stores_one_task() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let (a, b, _dirs) = two_processes(&redis);
    let mut ca = client(a.addr, Some(TOKEN)).await;
    create_queue(&mut ca, "u", |q| {
        q.paused = true;
    })
    .await;
    let mut pushes = Vec::new();
    for i in 0..20 {
        let addr = if i % 2 == 0 { a.addr } else { b.addr };
        let url = sink.url("/u");
        pushes.push(tokio::spawn(async move {
            let mut c = client(addr, Some(TOKEN)).await;
            c.push_task(pb::PushTaskRequest {
                queue: "u".into(),
                request: Some(get(&url)),
                idempotency_key: "order-7".into(),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner()
        }));
    }
    let mut replies = Vec::new();
    for p in pushes {
        replies.push(p.await.unwrap());
    }
    let firsts: Vec<_> = replies.iter().filter(|r| !r.duplicate).collect();
    assert_eq!(firsts.len(), 1, "exactly one push stored a task");
    assert!(replies.iter().all(|r| r.task_id == firsts[0].task_id));
    assert_eq!(counts(&mut ca, "u").await.due, 1);
    // Another key is another task; a batch with a key twice stores it once.
    let r = ca
        .push_tasks(pb::PushTasksRequest {
            queue: "u".into(),
            tasks: ["a", "b", "a"]
                .iter()
                .map(|k| pb::TaskEntry {
                    request: Some(get(&sink.url("/u"))),
                    idempotency_key: (*k).into(),
                    ..Default::default()
                })
                .collect(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(r.duplicates, [false, false, true]);
    assert_eq!(r.task_ids[0], r.task_ids[2]);
    assert_eq!(counts(&mut ca, "u").await.due, 3);

    // Caller-chosen ids: used as given, refused when taken, nothing written then.
    let r = ca
        .push_task(pb::PushTaskRequest {
            queue: "u".into(),
            request: Some(get(&sink.url("/u"))),
            task_id: "invoice-42".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(r.task_id, "invoice-42");
    let before = redis.dump();
    let err = ca
        .push_task(pb::PushTaskRequest {
            queue: "u".into(),
            request: Some(get(&sink.url("/u"))),
            task_id: "invoice-42".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::AlreadyExists);
    let err = ca
        .push_task(pb::PushTaskRequest {
            queue: "u".into(),
            request: Some(get(&sink.url("/u"))),
            flow_key: "x".repeat(201),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("flow_key:"), "{}", err.message());
    assert_eq!(redis.dump(), before, "refused pushes leave no trace");
    ca.resume_queue(pb::ResumeQueueRequest { name: "u".into() })
        .await
        .unwrap();
    let hits = sink.wait_for(Some("/u"), 4, Duration::from_secs(3)).await;
    assert!(
        hits.iter()
            .any(|h| h.header("x-htq-task-id") == Some("invoice-42"))
    );
}

#[tokio::test]
async fn dedup_window_ends_and_its_keys_are_forgotten() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "w", |q| {
        q.paused = true;
        q.dedup_window = Some(ms_duration(300));
    })
    .await;
    let push = |key: &str| pb::PushTaskRequest {
        queue: "w".into(),
        request: Some(get("http://127.0.0.1:9/w")),
        idempotency_key: key.into(),
        ..Default::default()
    };
    let first = c.push_task(push("k")).await.unwrap().into_inner();
    let again = c.push_task(push("k")).await.unwrap().into_inner();
    assert!(again.duplicate);
    assert_eq!(again.task_id, first.task_id);
    assert!(again.schedule_time.is_none());
    tokio::time::sleep(Duration::from_millis(400)).await;
    let later = c.push_task(push("k")).await.unwrap().into_inner();
    assert!(!later.duplicate, "the window is over");
    assert_ne!(later.task_id, first.task_id);
    // The janitor forgets the key once its window is over.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while redis.keys().iter().any(|k| k == "htq:{w}:dedup") {
        assert!(tokio::time::Instant::now() < deadline, "dedup key kept");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(counts(c, "w").await.due, 2);
    htq.stop().await;
}

#[tokio::test]
async fn queue_control_settings_are_checked() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let before = redis.dump();
    for (tweak, field) in [
        (
            Box::new(|q: &mut pb::Queue| q.max_dispatches_per_second = -1.0)
                as Box<dyn Fn(&mut pb::Queue)>,
            "queue.max_dispatches_per_second",
        ),
        (
            Box::new(|q: &mut pb::Queue| q.max_dispatches_per_second = f64::NAN),
            "queue.max_dispatches_per_second",
        ),
        (
            Box::new(|q: &mut pb::Queue| {
                q.flow = Some(pb::FlowControl {
                    max_concurrency: -2,
                    ..Default::default()
                })
            }),
            "queue.flow.max_concurrency",
        ),
        (
            Box::new(|q: &mut pb::Queue| q.attempt_history = 101),
            "queue.attempt_history",
        ),
        (
            Box::new(|q: &mut pb::Queue| q.retention = Some(ms_duration(400 * 24 * 3600 * 1000))),
            "queue.retention",
        ),
    ] {
        let mut q = pb::Queue {
            name: "bad".into(),
            ..Default::default()
        };
        tweak(&mut q);
        let err = c
            .create_queue(pb::CreateQueueRequest { queue: Some(q) })
            .await
            .unwrap_err();
        assert_eq!(err.code(), Code::InvalidArgument);
        assert!(err.message().starts_with(field), "{}", err.message());
    }
    assert_eq!(redis.dump(), before);
    // Defaults as documented.
    create_queue(c, "ok", |_| {}).await;
    let q = c
        .get_queue(pb::GetQueueRequest { name: "ok".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.max_burst, 1);
    assert_eq!(q.attempt_history, 10);
    assert_eq!(q.dedup_window.unwrap().seconds, 600);
    assert_eq!(q.dead_letter.as_ref().unwrap().max_tasks, 10_000);
    assert_eq!(q.retention.unwrap().seconds, 0);
    htq.stop().await;
}

#[tokio::test]
async fn cron_ticks_once_across_two_processes() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let (a, b, _dirs) = two_processes(&redis);
    let mut ca = client(a.addr, Some(TOKEN)).await;
    let mut cb = client(b.addr, Some(TOKEN)).await;
    create_queue(&mut ca, "cron", |q| q.max_concurrency = 10).await;
    // A schedule on queue `cron` named `name`, ticking as `cron` says.
    let schedule = |name: &str, cron: &str| pb::CreateScheduleRequest {
        schedule: Some(pb::Schedule {
            name: name.into(),
            queue: "cron".into(),
            cron: cron.into(),
            request: Some(get(&sink.url("/tick"))),
            ..Default::default()
        }),
    };
    let s = ca
        .create_schedule(schedule("every-second", "* * * * * *"))
        .await
        .unwrap()
        .into_inner();
    let created = std::time::Instant::now();
    assert!(s.next_run_time.is_some());
    let err = cb
        .create_schedule(schedule("every-second", "* * * * * *"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::AlreadyExists);
    tokio::time::sleep_until((created + Duration::from_secs(5)).into()).await;
    cb.delete_schedule(pb::DeleteScheduleRequest {
        name: "every-second".into(),
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let n = sink.hits_on("/tick").len();
    assert!((4..=6).contains(&n), "{n} runs in 5 s");
    // Distinct tasks, about a second apart.
    let hits = sink.hits_on("/tick");
    let mut ids: Vec<_> = hits.iter().map(|h| h.header("x-htq-task-id")).collect();
    ids.dedup();
    assert_eq!(ids.len(), n);
    for w in hits.windows(2) {
        let gap = w[1].at - w[0].at;
        assert!(gap > Duration::from_millis(700), "{gap:?}");
    }
    let list = ca
        .list_schedules(pb::ListSchedulesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert!(list.schedules.is_empty());
    let err = ca
        .create_schedule(schedule("bad", "every minute"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().starts_with("schedule.cron:"),
        "{}",
        err.message()
    );
}

#[tokio::test]
async fn cron_catches_up_once_after_downtime_or_skips() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "q", |q| q.max_concurrency = 10).await;
    for (name, catch_up) in [("one", pb::CatchUp::One), ("skip", pb::CatchUp::Skip)] {
        c.create_schedule(pb::CreateScheduleRequest {
            schedule: Some(pb::Schedule {
                name: name.into(),
                queue: "q".into(),
                // Every day at 03:00 in Tokyo: no tick during this test by itself.
                cron: "0 3 * * *".into(),
                time_zone: "Asia/Tokyo".into(),
                request: Some(get(&sink.url(&format!("/{name}")))),
                catch_up: catch_up as i32,
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    }
    let listed = c
        .list_schedules(pb::ListSchedulesRequest {
            page_size: 1,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.schedules[0].name, "one");
    // Page tokens are opaque: the next page, then garbage refused.
    let next = c
        .list_schedules(pb::ListSchedulesRequest {
            page_size: 1,
            page_token: listed.next_page_token,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(next.schedules[0].name, "skip");
    let e = c
        .list_schedules(pb::ListSchedulesRequest {
            page_size: 1,
            page_token: "one".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.message(), "page_token: not a token from a previous page");
    // As if HTQ had been down for three days: the next tick is long past.
    let three_days_ago = now_ms() - 3 * 24 * 3600 * 1000;
    for name in ["one", "skip"] {
        let _: i64 = redis::cmd("ZADD")
            .arg("htq:{%schedules}:next")
            .arg(three_days_ago)
            .arg(name)
            .query(&mut redis.conn())
            .unwrap();
    }
    // Tell the cron loop the schedules changed (as another process would).
    let _: i64 = redis::cmd("PUBLISH")
        .arg("htq:wake")
        .arg("elsewhere\t\t0")
        .query(&mut redis.conn())
        .unwrap();
    sink.wait_for(Some("/one"), 1, Duration::from_secs(3)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.hits_on("/one").len(), 1, "one catch-up run");
    assert_eq!(sink.hits_on("/skip").len(), 0, "missed ticks skipped");
    for name in ["one", "skip"] {
        let s = c
            .get_schedule(pb::GetScheduleRequest { name: name.into() })
            .await
            .unwrap()
            .into_inner();
        let next = s.next_run_time.unwrap().seconds * 1000;
        assert!(next > now_ms(), "{name}: next tick is ahead");
        assert_eq!(s.last_run_time.is_some(), name == "one");
    }
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_single_pushes_share_script_calls_and_each_gets_its_task() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "gc", |q| q.paused = true).await;
    let fcalls = || redis.command_calls(|n| n == "fcall");
    let before = fcalls();
    let n = 400;
    let callers = 32;
    let mut clients = Vec::new();
    for _ in 0..callers {
        clients.push(client(htq.addr, Some(TOKEN)).await);
    }
    let work = clients
        .into_iter()
        .enumerate()
        .map(|(c, mut client)| async move {
            let mut out = Vec::new();
            for i in (c..n).step_by(callers) {
                let reply = client
                    .push_task(pb::PushTaskRequest {
                        queue: "gc".into(),
                        request: Some(get(&format!("http://127.0.0.1:9/{i}"))),
                        idempotency_key: if i % 2 == 0 {
                            format!("k{}", i / 4)
                        } else {
                            String::new()
                        },
                        ..Default::default()
                    })
                    .await
                    .unwrap()
                    .into_inner();
                out.push(reply);
            }
            out
        });
    let replies: Vec<_> = futures::future::join_all(work)
        .await
        .into_iter()
        .flatten()
        .collect();
    let calls = fcalls() - before;
    // Every other push has an idempotency key, each key used twice: 100 duplicates.
    let duplicates = replies.iter().filter(|r| r.duplicate).count();
    assert_eq!(duplicates, 100);
    let ids: std::collections::HashSet<_> = replies.iter().map(|r| r.task_id.clone()).collect();
    assert_eq!(ids.len(), n - 100, "distinct ids of stored tasks");
    assert_eq!(counts(&mut htq.client, "gc").await.due, (n - 100) as i64);
    assert!(calls < n as u64 / 2, "{calls} script calls for {n} pushes");
    htq.stop().await;
}

#[tokio::test]
async fn outcomes_finishing_together_share_script_calls_and_each_is_recorded() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/gone", vec![Reply::status(404)]);
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "gf", |q| {
        q.paused = true;
        q.max_concurrency = 50;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
    })
    .await;
    let n = 300;
    for i in 0..n {
        htq.client
            .push_task(pb::PushTaskRequest {
                queue: "gf".into(),
                // Every third one fails for good, so outcomes of kinds mix.
                request: Some(get(&sink.url(&if i % 3 == 0 {
                    format!("/gone?i={i}")
                } else {
                    format!("/ok?i={i}")
                }))),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let fcalls = || redis.command_calls(|n| n == "fcall");
    let before = fcalls();
    htq.client
        .resume_queue(pb::ResumeQueueRequest { name: "gf".into() })
        .await
        .unwrap();
    sink.wait_for(None, n, Duration::from_secs(20)).await;
    // Every outcome recorded: nothing waits or runs, the failures are dead.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let c = loop {
        let c = counts(&mut htq.client, "gf").await;
        if c.active == 0 || std::time::Instant::now() > deadline {
            break c;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!((c.due, c.active, c.dead), (0, 0, (n / 3) as i64));
    // Claims and finishes together take fewer calls than one finish per task.
    let calls = fcalls() - before;
    assert!(calls < n as u64 / 2, "{calls} script calls for {n} tasks");
    htq.stop().await;
}

/// How many times this server ran the script `script`, from its `/metrics`.
async fn script_runs(htq: &TestHtq, script: &str) -> u64 {
    let text = scrape_metrics(htq.addr).await;
    let prefix = format!("htq_redis_script_duration_seconds_count{{script=\"{script}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .map_or(0, |v| v.trim().parse().unwrap())
}

#[tokio::test]
async fn pushes_into_a_queue_whose_slots_are_all_held_here_start_no_claim() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow",
        vec![Reply::status(200).delay(Duration::from_millis(600))],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "one", |q| q.max_concurrency = 1).await;
    push_get(&mut htq.client, "one", &sink.url("/slow")).await;
    // The slow task holds the queue's only slot.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while counts(&mut htq.client, "one").await.active != 1 {
        assert!(
            std::time::Instant::now() < deadline,
            "the slow task never started"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let before = script_runs(&htq, "claim").await;
    let n = 30;
    for i in 0..n {
        push_get(&mut htq.client, "one", &sink.url(&format!("/ok?i={i}"))).await;
    }
    // While the slot is held, none of those pushes made a claim.
    assert_eq!(script_runs(&htq, "claim").await, before);
    // Each later task still runs once the slot is free, one at a time.
    sink.wait_for(Some("/ok"), n, Duration::from_secs(10)).await;
    assert_eq!(sink.max_in_flight(), 1);
    let order: Vec<usize> = sink
        .hits_on("/ok")
        .iter()
        .map(|h| h.uri.rsplit('=').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(order, (0..n).collect::<Vec<_>>());
    htq.stop().await;
}

#[tokio::test]
async fn a_queue_made_again_under_its_old_name_runs_at_its_new_concurrency() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    // Serial rounds while pushes arrive: the dispatcher's count of the queue's
    // tasks in flight goes up and down many times, its ends often heard before
    // the claims that started them are reported.
    create_queue(&mut htq.client, "again", |q| q.max_concurrency = 1).await;
    let n = 300;
    let addr = htq.addr;
    let pushes = (0..8).map(|_| {
        let url = sink.url("/serial");
        async move {
            let mut client = client(addr, Some(TOKEN)).await;
            for _ in 0..n / 8 {
                push_get(&mut client, "again", &url).await;
            }
        }
    });
    futures::future::join_all(pushes).await;
    sink.wait_for(Some("/serial"), n / 8 * 8, Duration::from_secs(20))
        .await;
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while counts(&mut htq.client, "again").await.active != 0 {
        assert!(std::time::Instant::now() < deadline, "a task stayed active");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    htq.client
        .delete_queue(pb::DeleteQueueRequest {
            name: "again".into(),
        })
        .await
        .unwrap();
    // The same name, now 20 at a time: every task runs, 20 at once.
    create_queue(&mut htq.client, "again", |q| q.max_concurrency = 20).await;
    sink.script(
        "/wide",
        (0..40)
            .map(|_| Reply::status(200).delay(Duration::from_millis(300)))
            .collect(),
    );
    for _ in 0..40 {
        push_get(&mut htq.client, "again", &sink.url("/wide")).await;
    }
    sink.wait_for(Some("/wide"), 40, Duration::from_secs(10))
        .await;
    assert_eq!(sink.max_in_flight(), 20);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_pushes_into_many_queues_share_script_calls() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let queues: Vec<String> = (0..10).map(|i| format!("m{i}")).collect();
    for q in &queues {
        create_queue(&mut htq.client, q, |x| x.max_concurrency = 20).await;
    }
    let (push0, multi0) = (
        script_runs(&htq, "push").await,
        script_runs(&htq, "push_multi").await,
    );
    // 24 callers, 10 single pushes each, round the 10 queues.
    let mut callers = Vec::new();
    for c in 0..24 {
        let mut client = client(htq.addr, Some(TOKEN)).await;
        let queues = queues.clone();
        let url = sink.url("/m");
        callers.push(tokio::spawn(async move {
            for i in 0..10 {
                push_get(&mut client, &queues[(c + i) % 10], &url).await;
            }
        }));
    }
    for c in callers {
        c.await.unwrap();
    }
    let hits = sink
        .wait_for(Some("/m"), 240, Duration::from_secs(20))
        .await;
    assert_eq!(hits.len(), 240);
    let (push1, multi1) = (
        script_runs(&htq, "push").await,
        script_runs(&htq, "push_multi").await,
    );
    let calls = (push1 - push0) + (multi1 - multi0);
    println!(
        "240 pushes: {} push calls, {} push_multi calls",
        push1 - push0,
        multi1 - multi0
    );
    if redis.is_cluster() {
        // Each queue's pushes go alone on a cluster.
        assert_eq!(multi1, multi0);
    } else {
        // Pushes into different queues went together.
        assert!(multi1 > multi0, "no call held several queues");
        assert!(calls < 240, "{calls} calls for 240 pushes");
    }
    htq.stop().await;
}

/// Waits until `queue` counts `dead` dead and `finished` retained finished tasks,
/// with nothing waiting or running.
async fn settled(c: &mut Client, queue: &str, dead: i64, finished: i64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let n = counts(c, queue).await;
        if (n.dead, n.finished, n.due + n.scheduled + n.active) == (dead, finished, 0) {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{queue}: wanted {dead} dead and {finished} finished, got {n:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn replay(c: &mut Client, r: pb::ReplayTasksRequest) -> (i64, bool) {
    let r = c.replay_tasks(r).await.unwrap().into_inner();
    (r.replayed, r.more)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replay_reruns_exactly_the_dead_and_retained_tasks_that_match() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "r", |q| {
        q.max_concurrency = 20;
        q.retention = Some(ms_duration(3_600_000));
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
    })
    .await;
    sink.script("/a", vec![Reply::status(500)]);
    sink.script("/b", vec![Reply::status(503)]);
    // 50 dead tasks: 30 answered 500, 20 answered 503 (5 of those with flow key k).
    push_many(c, "r", 30, &sink.url("/a"), |_, _| {}).await;
    push_many(c, "r", 20, &sink.url("/b"), |i, e| {
        if i < 5 {
            e.flow_key = "k".into();
        }
    })
    .await;
    settled(c, "r", 50, 0).await;
    let base = pb::ReplayTasksRequest {
        queue: "r".into(),
        ..Default::default()
    };

    // The 20 whose last reply was a 503, and only those, run again.
    let (n, more) = replay(
        c,
        pb::ReplayTasksRequest {
            last_status: 503,
            ..base.clone()
        },
    )
    .await;
    assert_eq!((n, more), (20, false));
    sink.wait_for(Some("/b"), 40, Duration::from_secs(5)).await;
    settled(c, "r", 50, 0).await;
    assert_eq!(sink.hits_on("/a").len(), 30);
    assert_eq!(sink.hits_on("/b").len(), 40);
    let t = c
        .list_tasks(pb::ListTasksRequest {
            queue: "r".into(),
            state: pb::TaskState::Dead as i32,
            page_size: 100,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .tasks;
    let b = t
        .iter()
        .find(|t| t.request.as_ref().is_some_and(|r| r.url.ends_with("/b")))
        .unwrap();
    let b = c
        .get_task(pb::GetTaskRequest {
            queue: "r".into(),
            id: b.id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(b.attempts, 2);
    assert_eq!(b.history.len(), 2, "the history goes on: {b:?}");

    // A flow key, then a limit: 10 of the 30 500s, then the rest.
    let (n, _) = replay(
        c,
        pb::ReplayTasksRequest {
            flow_key: "k".into(),
            ..base.clone()
        },
    )
    .await;
    assert_eq!(n, 5);
    sink.wait_for(Some("/b"), 45, Duration::from_secs(5)).await;
    settled(c, "r", 50, 0).await;
    let only_500 = pb::ReplayTasksRequest {
        last_status: 500,
        state: pb::TaskState::Dead as i32,
        ..base.clone()
    };
    let (n, more) = replay(
        c,
        pb::ReplayTasksRequest {
            limit: 10,
            ..only_500.clone()
        },
    )
    .await;
    assert_eq!((n, more), (10, true));
    sink.wait_for(Some("/a"), 40, Duration::from_secs(5)).await;
    settled(c, "r", 50, 0).await;
    // A time range that ends before the first death matches nothing.
    let (n, more) = replay(
        c,
        pb::ReplayTasksRequest {
            until: Some(htq::api::wkt::Timestamp {
                seconds: 1,
                nanos: 0,
            }),
            ..only_500.clone()
        },
    )
    .await;
    assert_eq!((n, more), (0, false));
    let (n, more) = replay(c, only_500.clone()).await;
    assert_eq!((n, more), (30, false));
    sink.wait_for(Some("/a"), 70, Duration::from_secs(5)).await;
    settled(c, "r", 50, 0).await;

    // Retained succeeded tasks, over the JSON API.
    push_many(c, "r", 3, &sink.url("/ok"), |_, _| {}).await;
    settled(c, "r", 50, 3).await;
    let http = reqwest::Client::new();
    let r: serde_json::Value = http
        .post(format!("http://{}/v1/queues/r/tasks/replay", htq.addr))
        .bearer_auth(TOKEN)
        .json(&serde_json::json!({"state": "TASK_STATE_SUCCEEDED"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["replayed"], "3", "{r}");
    sink.wait_for(Some("/ok"), 6, Duration::from_secs(5)).await;
    settled(c, "r", 50, 3).await;
    assert_eq!(sink.hits_on("/a").len(), 70);
    assert_eq!(sink.hits_on("/b").len(), 45);

    // Bad filters are refused by name and change nothing.
    let before = redis.dump();
    for (bad, field) in [
        (
            pb::ReplayTasksRequest {
                state: pb::TaskState::Scheduled as i32,
                ..base.clone()
            },
            "state",
        ),
        (
            pb::ReplayTasksRequest {
                limit: 10_001,
                ..base.clone()
            },
            "limit",
        ),
        (
            pb::ReplayTasksRequest {
                last_status: 42,
                ..base.clone()
            },
            "last_status",
        ),
        (
            pb::ReplayTasksRequest {
                since: Some(htq::api::wkt::Timestamp {
                    seconds: 10,
                    nanos: 0,
                }),
                until: Some(htq::api::wkt::Timestamp {
                    seconds: 5,
                    nanos: 0,
                }),
                ..base.clone()
            },
            "until",
        ),
        (
            pb::ReplayTasksRequest {
                state: 99,
                ..base.clone()
            },
            "state: must be TASK_STATE_DEAD",
        ),
    ] {
        let e = c.replay_tasks(bad).await.unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{field}");
        assert!(e.message().starts_with(field), "{field}: {}", e.message());
    }
    let e = c
        .replay_tasks(pb::ReplayTasksRequest {
            queue: "nope".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    assert_eq!(redis.dump(), before);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replay_reads_past_windows_of_tasks_left_in_place() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "w", |q| {
        q.max_concurrency = 50;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
    })
    .await;
    sink.script("/a", vec![Reply::status(500)]);
    sink.script("/b", vec![Reply::status(503)]);
    // 650 tasks die on a 500 first (many in the same millisecond), then 30 on a
    // 503: the 503s lie past the first window of the dead set.
    push_many(c, "w", 650, &sink.url("/a"), |_, _| {}).await;
    settled(c, "w", 650, 0).await;
    push_many(c, "w", 30, &sink.url("/b"), |_, _| {}).await;
    settled(c, "w", 680, 0).await;
    let only_503 = pb::ReplayTasksRequest {
        queue: "w".into(),
        last_status: 503,
        ..Default::default()
    };
    let (n, more) = replay(
        c,
        pb::ReplayTasksRequest {
            limit: 12,
            ..only_503.clone()
        },
    )
    .await;
    assert_eq!((n, more), (12, true));
    // The rest, and the 12 that died again meanwhile, once each.
    sink.wait_for(Some("/b"), 42, Duration::from_secs(5)).await;
    settled(c, "w", 680, 0).await;
    let (n, more) = replay(c, only_503.clone()).await;
    assert_eq!((n, more), (30, false));
    sink.wait_for(Some("/b"), 72, Duration::from_secs(5)).await;
    settled(c, "w", 680, 0).await;
    assert_eq!(sink.hits_on("/b").len(), 72);
    assert_eq!(sink.hits_on("/a").len(), 650);
    htq.stop().await;
}
