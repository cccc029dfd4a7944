//! Dispatch behaviour seen from the target: what arrives, when, in what order.

use std::time::Duration;

use htq::api::pb;
use tonic::Code;

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushed_task_arrives_with_method_headers_and_body_intact() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "q", |_| {}).await;
    let body: Vec<u8> = (0..=255u8).chain(b"tail".iter().copied()).collect();
    let pushed = htq
        .client
        .push_task(pb::PushTaskRequest {
            queue: "q".into(),
            request: Some(pb::HttpRequest {
                method: "put".into(),
                url: sink.url("/hook/a?x=1&y=%20z"),
                headers: vec![
                    pb::Header {
                        name: "X-One".into(),
                        value: "1".into(),
                    },
                    pb::Header {
                        name: "Content-Type".into(),
                        value: "application/octet-stream".into(),
                    },
                ],
                body: Some(pb::http_request::Body::Data(body.clone())),
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let hits = sink
        .wait_for(Some("/hook/a"), 1, Duration::from_secs(5))
        .await;
    let hit = &hits[0];
    assert_eq!(hit.method, "PUT");
    assert_eq!(hit.uri, "/hook/a?x=1&y=%20z");
    assert_eq!(hit.header("x-one"), Some("1"));
    assert_eq!(hit.header("content-type"), Some("application/octet-stream"));
    assert_eq!(hit.header("x-htq-task-id"), Some(pushed.task_id.as_str()));
    assert_eq!(hit.header("x-htq-queue"), Some("q"));
    assert_eq!(hit.header("x-htq-attempt"), Some("1"));
    assert_eq!(hit.body.as_ref(), body.as_slice());

    // Form fields arrive as multipart/form-data, in order; a task Content-Type is dropped.
    htq.client
        .push_task(pb::PushTaskRequest {
            queue: "q".into(),
            request: Some(pb::HttpRequest {
                method: "POST".into(),
                url: sink.url("/form"),
                headers: vec![pb::Header {
                    name: "Content-Type".into(),
                    value: "text/plain".into(),
                }],
                body: Some(pb::http_request::Body::Form(pb::Form {
                    fields: vec![
                        pb::FormField {
                            name: "k".into(),
                            value: "v".into(),
                        },
                        pb::FormField {
                            name: "n".into(),
                            value: "5".into(),
                        },
                    ],
                })),
            }),
            ..Default::default()
        })
        .await
        .unwrap();
    let hit = sink
        .wait_for(Some("/form"), 1, Duration::from_secs(5))
        .await
        .remove(0);
    let ct = hit.header("content-type").unwrap().to_owned();
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
    let text = String::from_utf8_lossy(&hit.body);
    let k = text.find("name=\"k\"\r\n\r\nv\r\n").expect("part k");
    let n = text.find("name=\"n\"\r\n\r\n5\r\n").expect("part n");
    assert!(k < n);
    // A successful task is gone.
    let err = htq
        .client
        .get_task(pb::GetTaskRequest {
            queue: "q".into(),
            id: pushed.task_id,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_task_arrives_on_time_not_before() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "t", |q| {
        q.kind = pb::QueueKind::Timing as i32
    })
    .await;
    let reply = htq
        .client
        .schedule_task(pb::ScheduleTaskRequest {
            queue: "t".into(),
            request: Some(get(&sink.url("/at"))),
            when: Some(pb::schedule_task_request::When::Delay(ms_duration(2000))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let due = reply.schedule_time.unwrap();
    let due_ms = due.seconds * 1000 + i64::from(due.nanos / 1_000_000);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(sink.hits_on("/at").is_empty(), "delivered before its time");
    let hit = sink
        .wait_for(Some("/at"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    let late = hit.at_ms - due_ms;
    assert!(
        (0..=100).contains(&late),
        "arrived {late} ms after its schedule time"
    );
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serial_queue_keeps_push_order_one_at_a_time() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/s",
        vec![Reply::status(200).delay(Duration::from_millis(15))],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "serial", |_| {}).await;
    let entries = (0..30)
        .map(|i| pb::TaskEntry {
            request: Some(get(&sink.url(&format!("/s?i={i}")))),
            when: None,
            ..Default::default()
        })
        .collect();
    htq.client
        .push_tasks(pb::PushTasksRequest {
            queue: "serial".into(),
            tasks: entries,
        })
        .await
        .unwrap();
    let hits = sink.wait_for(Some("/s"), 30, Duration::from_secs(10)).await;
    let order: Vec<String> = hits.iter().map(|h| h.uri.clone()).collect();
    let expected: Vec<String> = (0..30).map(|i| format!("/s?i={i}")).collect();
    assert_eq!(order, expected);
    assert_eq!(sink.max_in_flight(), 1);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn never_more_than_max_concurrency_in_flight() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/c",
        vec![Reply::status(200).delay(Duration::from_millis(100))],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "c", |q| q.max_concurrency = 3).await;
    for i in 0..24 {
        push_get(&mut htq.client, "c", &sink.url(&format!("/c?i={i}"))).await;
    }
    sink.wait_for(Some("/c"), 24, Duration::from_secs(10)).await;
    assert_eq!(
        sink.max_in_flight(),
        3,
        "the queue must use, and not exceed, its 3 slots"
    );
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_with_backoff_then_succeeds() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/flaky",
        vec![Reply::status(503), Reply::status(500), Reply::status(200)],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "r", |q| {
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 5,
            min_backoff: Some(ms_duration(300)),
            max_backoff: Some(ms_duration(10_000)),
            max_doublings: 4,
        })
    })
    .await;
    let id = htq
        .client
        .push_task(pb::PushTaskRequest {
            queue: "r".into(),
            request: Some(get(&sink.url("/flaky"))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .task_id;
    let first = sink
        .wait_for(Some("/flaky"), 1, Duration::from_secs(5))
        .await;
    // Between attempts the task waits as scheduled, with its last error recorded
    // (once HTQ has had the reply: the sink counts a request before it answers).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    let t = loop {
        let t = htq
            .client
            .get_task(pb::GetTaskRequest {
                queue: "r".into(),
                id: id.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state != pb::TaskState::Active as i32 || tokio::time::Instant::now() > deadline {
            break t;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    assert_eq!(t.attempts, 1);
    assert_eq!(t.last_status, 503);
    assert_eq!(t.last_error, "HTTP 503 Service Unavailable");
    assert_eq!(t.state, pb::TaskState::Scheduled as i32);
    let hits = sink
        .wait_for(Some("/flaky"), 3, Duration::from_secs(5))
        .await;
    let gap1 = hits[1].at.duration_since(first[0].at).as_millis();
    let gap2 = hits[2].at.duration_since(hits[1].at).as_millis();
    // 300 ms then 600 ms, each with up to 20% jitter.
    assert!((240..=500).contains(&gap1), "first backoff {gap1} ms");
    assert!((480..=900).contains(&gap2), "second backoff {gap2} ms");
    assert_eq!(hits[2].header("x-htq-attempt"), Some("3"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let err = htq
        .client
        .get_task(pb::GetTaskRequest {
            queue: "r".into(),
            id,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound, "succeeded task must be gone");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_found_reply_dead_letters_at_once_with_attempts_recorded() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/gone", vec![Reply::status(404)]);
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "d", |_| {}).await;
    let id = htq
        .client
        .push_task(pb::PushTaskRequest {
            queue: "d".into(),
            request: Some(get(&sink.url("/gone"))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .task_id;
    sink.wait_for(Some("/gone"), 1, Duration::from_secs(5))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    let task = loop {
        let t = htq
            .client
            .get_task(pb::GetTaskRequest {
                queue: "d".into(),
                id: id.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state == pb::TaskState::Dead as i32 || tokio::time::Instant::now() > deadline {
            break t;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(task.state, pb::TaskState::Dead as i32);
    assert_eq!(task.attempts, 1);
    assert_eq!(task.last_status, 404);
    assert_eq!(task.last_error, "HTTP 404 Not Found");
    let dead = htq
        .client
        .list_tasks(pb::ListTasksRequest {
            queue: "d".into(),
            state: pb::TaskState::Dead as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(dead.tasks.len(), 1);
    assert_eq!(dead.tasks[0].id, id);
    let counts = htq
        .client
        .count_tasks(pb::CountTasksRequest { queue: "d".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (counts.dead, counts.due, counts.scheduled, counts.active),
        (1, 0, 0, 0)
    );
    // Never tried again: it is in the dead set only, nothing waits or runs.
    let mut conn = redis.conn();
    let (due, active, dead): (Option<f64>, Option<f64>, Option<f64>) = redis::pipe()
        .zscore("htq:{d}:due", &id)
        .zscore("htq:{d}:active", &id)
        .zscore("htq:{d}:dead", &id)
        .query(&mut conn)
        .unwrap();
    assert_eq!((due, active, dead.is_some()), (None, None, true));
    assert_eq!(sink.hits_on("/gone").len(), 1);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_honoured() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/busy",
        vec![
            Reply::status(429).header("Retry-After", "2"),
            Reply::status(200),
        ],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "ra", |q| {
        q.retry = Some(pb::RetryPolicy {
            min_backoff: Some(ms_duration(100)),
            ..Default::default()
        })
    })
    .await;
    push_get(&mut htq.client, "ra", &sink.url("/busy")).await;
    let hits = sink
        .wait_for(Some("/busy"), 2, Duration::from_secs(5))
        .await;
    let gap = hits[1].at.duration_since(hits[0].at).as_millis();
    assert!(
        (2000..2300).contains(&gap),
        "retried after {gap} ms, Retry-After said 2 s"
    );
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeout_counts_as_a_retryable_failure() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow",
        vec![
            Reply::status(200).delay(Duration::from_secs(3)),
            Reply::status(200),
        ],
    );
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "to", |q| {
        q.request_timeout = Some(ms_duration(300));
        q.retry = Some(pb::RetryPolicy {
            min_backoff: Some(ms_duration(100)),
            ..Default::default()
        })
    })
    .await;
    push_get(&mut htq.client, "to", &sink.url("/slow")).await;
    let hits = sink
        .wait_for(Some("/slow"), 2, Duration::from_secs(5))
        .await;
    let gap = hits[1].at.duration_since(hits[0].at).as_millis();
    // 300 ms timeout + 100 ms backoff (+-20%).
    assert!(
        (350..1000).contains(&gap),
        "second attempt {gap} ms after the first"
    );
    assert_eq!(hits[1].header("x-htq-attempt"), Some("2"));
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_task_is_never_delivered() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "x", |_| {}).await;
    let id = htq
        .client
        .schedule_task(pb::ScheduleTaskRequest {
            queue: "x".into(),
            request: Some(get(&sink.url("/never"))),
            when: Some(pb::schedule_task_request::When::Delay(ms_duration(800))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .task_id;
    let t = htq
        .client
        .cancel_task(pb::CancelTaskRequest {
            queue: "x".into(),
            id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.state, pb::TaskState::Cancelled as i32);
    assert_eq!(t.request.unwrap().url, sink.url("/never"));
    let again = htq
        .client
        .cancel_task(pb::CancelTaskRequest {
            queue: "x".into(),
            id: id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::NotFound);
    // Nothing of it is left to dispatch: no due entry, no request stored.
    let mut conn = redis.conn();
    let (due, stored): (Option<f64>, bool) = redis::pipe()
        .zscore("htq:{x}:due", &id)
        .hexists("htq:{x}:tasks", &id)
        .query(&mut conn)
        .unwrap();
    assert_eq!((due, stored), (None, false));
    assert!(sink.hits_on("/never").is_empty());
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_by_another_process_wakes_the_dispatcher_at_once() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "w", |_| {}).await;
    // Another HTQ process on the same Redis: its own store handle (its own pid), no
    // dispatcher. HTQ never polls, so only the wake channel can bring this task out.
    let other = connect_store(&redis).await;
    // Wait until the server listens on the wake channel.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let (_, n): (String, i64) = redis::cmd("PUBSUB")
            .arg("NUMSUB")
            .arg("htq:wake")
            .query(&mut redis.conn())
            .unwrap();
        if n > 0 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no wake listener");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let request = htq::model::HttpRequest {
        method: "GET".into(),
        url: sink.url("/w"),
        ..Default::default()
    };
    let now = now_ms();
    let row = htq::store::NewRow {
        id: "task-1".into(),
        due_ms: now,
        created_ms: now,
        request,
        ..Default::default()
    };
    other.push("w", &[row], None, false, now).await.unwrap();
    let hit = sink
        .wait_for(Some("/w"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    assert!(
        hit.at_ms - now < 500,
        "delivered {} ms after the push",
        hit.at_ms - now
    );
    assert_eq!(hit.header("x-htq-task-id"), Some("task-1"));
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paused_queue_with_due_tasks_leaves_redis_quiet_until_resumed() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "p", |q| q.paused = true).await;
    for _ in 0..3 {
        push_get(&mut htq.client, "p", &sink.url("/p")).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let calls = || redis.command_calls(|name| name != "info");
    let before = calls();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let during = calls() - before;
    assert!(
        during < 10,
        "{during} Redis commands in 1 s for a paused queue"
    );
    assert!(sink.hits_on("/p").is_empty());
    htq.client
        .update_queue(pb::UpdateQueueRequest {
            queue: Some(pb::Queue {
                name: "p".into(),
                paused: false,
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["paused".into()],
            }),
        })
        .await
        .unwrap();
    sink.wait_for(Some("/p"), 3, Duration::from_secs(3)).await;
    htq.stop().await;
}

/// Pushes a POST of `body` to `url` into `queue`; returns the task id.
async fn push_post(c: &mut Client, queue: &str, url: &str, body: &[u8]) -> String {
    c.push_task(pb::PushTaskRequest {
        queue: queue.into(),
        request: Some(pb::HttpRequest {
            method: "POST".into(),
            url: url.into(),
            body: Some(pb::http_request::Body::Data(body.to_vec())),
            ..Default::default()
        }),
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .task_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_is_a_failure_unless_the_queue_follows_redirects() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let retrying = |q: &mut pb::Queue| {
        q.max_concurrency = 4;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 3,
            min_backoff: Some(ms_duration(10)),
            ..Default::default()
        });
    };
    create_queue(c, "plain", retrying).await;
    create_queue(c, "follows", |q| {
        retrying(q);
        q.follow_redirects = true;
    })
    .await;
    let plain = c
        .get_queue(pb::GetQueueRequest {
            name: "plain".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!plain.follow_redirects, "following is off by default");

    // By default a 302 is a failure, for good: dead at once, its error naming
    // where it pointed, and the target it pointed to never called.
    sink.script(
        "/moved",
        vec![Reply::status(302).header("location", "/landed")],
    );
    let id = push_post(c, "plain", &sink.url("/moved"), b"payload").await;
    let t = task_in(c, "plain", &id, pb::TaskState::Dead).await;
    assert_eq!((t.attempts, t.last_status), (1, 302));
    assert!(
        t.last_error.contains("HTTP 302 Found") && t.last_error.contains("/landed"),
        "{}",
        t.last_error
    );
    assert!(t.last_error.contains("not followed"), "{}", t.last_error);
    assert!(
        sink.hits_on("/landed").is_empty(),
        "the redirect was followed"
    );

    // Followed: a 307 keeps the method and the body; a 302 after a POST goes on
    // as a GET without the body.
    sink.script(
        "/temp",
        vec![Reply::status(307).header("location", "/kept")],
    );
    sink.script(
        "/found",
        vec![Reply::status(302).header("location", "/as-get")],
    );
    let kept = push_post(c, "follows", &sink.url("/temp"), b"payload").await;
    let as_get = push_post(c, "follows", &sink.url("/found"), b"payload").await;
    let hit = sink
        .wait_for(Some("/kept"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(hit[0].method, "POST");
    assert_eq!(&hit[0].body[..], b"payload");
    let hit = sink
        .wait_for(Some("/as-get"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(hit[0].method, "GET");
    assert!(hit[0].body.is_empty());
    for id in [kept, as_get] {
        let t = c
            .get_task(pb::GetTaskRequest {
                queue: "follows".into(),
                id,
            })
            .await;
        // Succeeded and gone (no retention).
        assert_eq!(t.unwrap_err().code(), Code::NotFound);
    }

    // Switched off by an update, a 307 fails too.
    c.update_queue(pb::UpdateQueueRequest {
        queue: Some(pb::Queue {
            name: "follows".into(),
            follow_redirects: false,
            ..Default::default()
        }),
        update_mask: Some(pbjson_types::FieldMask {
            paths: vec!["follow_redirects".into()],
        }),
    })
    .await
    .unwrap();
    let id = push_post(c, "follows", &sink.url("/temp"), b"again").await;
    let t = task_in(c, "follows", &id, pb::TaskState::Dead).await;
    assert_eq!(t.last_status, 307);
    assert_eq!(sink.hits_on("/kept").len(), 1, "followed after the update");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn captured_responses_keep_status_headers_and_a_capped_body() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "cap", |q| {
        q.max_concurrency = 4;
        q.capture_responses = true;
        q.capture_body_bytes = 16;
        q.retention = Some(ms_duration(3_600_000));
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 3,
            min_backoff: Some(ms_duration(10)),
            ..Default::default()
        });
    })
    .await;
    // A failure, then a success with a body longer than the cap.
    sink.script(
        "/text",
        vec![
            Reply::status(503).header("x-why", "busy").body("try later"),
            Reply::status(200)
                .header("x-reply", "yes")
                .body("hello, captured world!"),
        ],
    );
    sink.script(
        "/binary",
        vec![Reply::status(200).bytes(&[0xff, 0x00, 0x01, 0xfe])],
    );
    let text = push_get(c, "cap", &sink.url("/text")).await;
    let binary = push_get(c, "cap", &sink.url("/binary")).await;
    let t = task_in(c, "cap", &text, pb::TaskState::Succeeded).await;
    assert_eq!(t.history.len(), 2);
    let header = |r: &pb::CapturedResponse, name: &str| {
        r.headers
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.value.clone())
    };
    let first = t.history[0].response.as_ref().expect("first response kept");
    assert_eq!(t.history[0].status, 503);
    assert_eq!(header(first, "x-why").as_deref(), Some("busy"));
    assert_eq!(
        (first.body.as_str(), first.body_base64, first.body_truncated),
        ("try later", false, false)
    );
    let second = t.history[1]
        .response
        .as_ref()
        .expect("second response kept");
    assert_eq!(t.history[1].status, 200);
    assert_eq!(header(second, "x-reply").as_deref(), Some("yes"));
    assert_eq!(header(second, "content-length").as_deref(), Some("22"));
    assert_eq!(
        (
            second.body.as_str(),
            second.body_base64,
            second.body_truncated
        ),
        ("hello, captured ", false, true)
    );
    assert_eq!(t.history[1].reply, "hello, captured ");

    let t = task_in(c, "cap", &binary, pb::TaskState::Succeeded).await;
    let r = t.history[0]
        .response
        .as_ref()
        .expect("binary response kept");
    assert_eq!((r.body.as_str(), r.body_base64), ("/wAB/g==", true));

    // The JSON API shows the same.
    let http = reqwest::Client::new();
    let json: serde_json::Value = http
        .get(format!("http://{}/v1/queues/cap/tasks/{binary}", htq.addr))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let response = &json["history"][0]["response"];
    assert_eq!(response["body"], "/wAB/g==", "{json}");
    assert_eq!(response["bodyBase64"], true, "{json}");

    // Without capture, an attempt keeps its short excerpt and no response.
    create_queue(c, "plain", |q| q.retention = Some(ms_duration(3_600_000))).await;
    sink.script("/plain", vec![Reply::status(200).body("fine")]);
    let id = push_get(c, "plain", &sink.url("/plain")).await;
    let t = task_in(c, "plain", &id, pb::TaskState::Succeeded).await;
    assert_eq!(t.history[0].reply, "fine");
    assert!(t.history[0].response.is_none());
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_capture_without_headers_or_cut_inside_a_character_reads_back() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "cap", |q| {
        q.capture_responses = true;
        q.capture_body_bytes = 65_536;
        q.retention = Some(ms_duration(3_600_000));
    })
    .await;
    // A reply with no header at all: a 204 written by hand.
    let bare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let bare_url = format!("http://{}/bare", bare.local_addr().unwrap());
    tokio::spawn(async move {
        let (mut conn, _) = bare.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = conn.read(&mut buf).await.unwrap();
            assert!(n > 0, "request cut short");
            request.extend_from_slice(&buf[..n]);
        }
        conn.write_all(b"HTTP/1.1 204 No Content\r\n\r\n")
            .await
            .unwrap();
        conn.shutdown().await.unwrap();
    });
    // A text reply longer than what HTQ reads, cut inside a two-byte character.
    let long = format!("a{}", "é".repeat(40_000));
    sink.script("/long", vec![Reply::status(200).body(&long)]);
    let bare_id = push_get(c, "cap", &bare_url).await;
    let long_id = push_get(c, "cap", &sink.url("/long")).await;

    let t = task_in(c, "cap", &bare_id, pb::TaskState::Succeeded).await;
    let r = t.history[0].response.as_ref().expect("response kept");
    assert_eq!((t.history[0].status, r.headers.len()), (204, 0));
    assert_eq!((r.body.as_str(), r.body_base64), ("", false));

    let t = task_in(c, "cap", &long_id, pb::TaskState::Succeeded).await;
    let r = t.history[0].response.as_ref().expect("response kept");
    assert!(!r.body_base64, "a cut text body became base64");
    assert!(r.body_truncated);
    assert_eq!(r.body.len(), 65_535);
    assert_eq!(r.body.as_str(), &long[..65_535]);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capture_settings_out_of_bounds_are_refused_by_name() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let before = redis.dump();
    type Tweak = fn(&mut pb::Queue);
    let cases: [(Tweak, &str); 4] = [
        (
            |q| {
                q.capture_responses = true;
                q.hide_replies = true;
            },
            "queue.capture_responses",
        ),
        (
            |q| q.capture_body_bytes = 65_537,
            "queue.capture_body_bytes",
        ),
        (|q| q.capture_body_bytes = -1, "queue.capture_body_bytes"),
        (
            |q| {
                q.capture_responses = true;
                q.capture_body_bytes = 65_536;
                q.attempt_history = 17;
            },
            "queue.capture_body_bytes",
        ),
    ];
    for (tweak, field) in cases {
        let mut q = pb::Queue {
            name: "bad".into(),
            kind: pb::QueueKind::RealTime as i32,
            ..Default::default()
        };
        tweak(&mut q);
        let e = c
            .create_queue(pb::CreateQueueRequest { queue: Some(q) })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().contains(field), "{field}: {}", e.message());
    }
    assert_eq!(redis.dump(), before, "a refused queue left keys");
    // Hiding the replies of a queue that captures them names the setting changed.
    create_queue(c, "cap", |q| q.capture_responses = true).await;
    let before = redis.dump();
    let e = c
        .update_queue(pb::UpdateQueueRequest {
            queue: Some(pb::Queue {
                name: "cap".into(),
                hide_replies: true,
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["hide_replies".into()],
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(
        e.message().starts_with("queue.hide_replies"),
        "{}",
        e.message()
    );
    assert_eq!(redis.dump(), before, "a refused update changed keys");
    htq.stop().await;
}
