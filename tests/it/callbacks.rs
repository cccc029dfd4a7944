//! Callbacks on a task's final outcome: once per outcome (not per attempt), with
//! the final reply, as ordinary tasks of a queue, across a crash right after the
//! outcome, on cancel, from a queue's defaults, over gRPC, the JSON API and the CLI.

use std::time::Duration;

use htq::api::pb;
use serde_json::{Value, json};

use crate::common::*;

/// Callbacks to `on_success` / `on_failure` URLs of `sink`.
fn hooks(sink: &Sink, success: Option<&str>, failure: Option<&str>) -> pb::Callbacks {
    let hook = |path: Option<&str>| {
        path.map(|p| pb::Callback {
            method: String::new(),
            url: sink.url(p),
            headers: vec![pb::Header {
                name: "X-Hook".into(),
                value: p.into(),
            }],
        })
    };
    pb::Callbacks {
        on_success: hook(success),
        on_failure: hook(failure),
        ..Default::default()
    }
}

/// Pushes a GET of `url` into `queue` with `callbacks`; returns the task id.
async fn push_with(c: &mut Client, queue: &str, url: &str, callbacks: pb::Callbacks) -> String {
    c.push_task(pb::PushTaskRequest {
        queue: queue.into(),
        request: Some(get(url)),
        callbacks: Some(callbacks),
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .task_id
}

/// The JSON body of a callback request.
fn body(hit: &Hit) -> Value {
    serde_json::from_slice(&hit.body).unwrap_or_else(|e| panic!("callback body: {e}: {hit:?}"))
}

/// A queue that retries quickly, twice at most.
fn quick_retries(q: &mut pb::Queue) {
    q.max_concurrency = 4;
    q.retry = Some(pb::RetryPolicy {
        max_attempts: 2,
        min_backoff: Some(ms_duration(50)),
        max_backoff: Some(ms_duration(50)),
        max_doublings: 0,
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn success_and_failure_callbacks_arrive_once_with_the_final_reply() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "hooks", |q| q.max_concurrency = 4).await;
    create_queue(c, "jobs", quick_retries).await;
    sink.script(
        "/ok",
        vec![Reply::status(201).body("done").header("X-Result", "42")],
    );
    sink.script(
        "/bad",
        vec![
            Reply::status(503).body("busy"),
            Reply::status(500).body("broken"),
        ],
    );
    sink.script("/bin", vec![Reply::status(200).bytes(&[0xff, 0x00, 0x01])]);
    let mut in_hooks = hooks(&sink, Some("/cb/ok"), Some("/cb/failed"));
    in_hooks.queue = "hooks".into();
    let ok = push_with(c, "jobs", &sink.url("/ok"), in_hooks.clone()).await;
    let bad = push_with(c, "jobs", &sink.url("/bad"), in_hooks.clone()).await;
    let bin = push_with(
        c,
        "jobs",
        &sink.url("/bin"),
        hooks(&sink, Some("/cb/bin"), None),
    )
    .await;

    let ok_hits = sink
        .wait_for(Some("/cb/ok"), 1, Duration::from_secs(10))
        .await;
    let failed = sink
        .wait_for(Some("/cb/failed"), 1, Duration::from_secs(10))
        .await;
    let bin_hits = sink
        .wait_for(Some("/cb/bin"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(
        sink.hits_on("/bad").len(),
        2,
        "two attempts of the failing task"
    );

    let b = body(&ok_hits[0]);
    assert_eq!(b["taskId"], ok.as_str());
    assert_eq!(b["queue"], "jobs");
    assert_eq!(b["outcome"], "succeeded");
    assert_eq!(b["attempts"], 1);
    assert_eq!(b["request"]["url"], sink.url("/ok"));
    assert_eq!(b["response"]["status"], 201);
    assert_eq!(b["response"]["body"], "done");
    assert_eq!(b["response"]["headers"]["x-result"], "42");
    assert!(
        b["finishTime"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{b}"
    );
    let hit = &ok_hits[0];
    assert_eq!(hit.method, "POST");
    assert_eq!(hit.header("content-type"), Some("application/json"));
    assert_eq!(hit.header("x-hook"), Some("/cb/ok"));
    // A task of the queue the callbacks name, not the task itself.
    assert_eq!(hit.header("x-htq-queue"), Some("hooks"));
    assert_ne!(hit.header("x-htq-task-id"), Some(ok.as_str()));

    let b = body(&failed[0]);
    assert_eq!(b["taskId"], bad.as_str());
    assert_eq!(b["outcome"], "dead");
    assert_eq!(b["attempts"], 2);
    assert_eq!(b["response"]["status"], 500);
    assert_eq!(b["response"]["body"], "broken");
    assert_eq!(b["error"], "HTTP 500 Internal Server Error");

    // Without a named queue, the callback is a task of the task's own queue; a
    // binary reply is base64.
    let b = body(&bin_hits[0]);
    assert_eq!(b["taskId"], bin.as_str());
    assert_eq!(b["response"]["bodyBase64"], "/wAB");
    assert!(b["response"].get("body").is_none(), "{b}");
    assert_eq!(bin_hits[0].header("x-htq-queue"), Some("jobs"));

    // Once per final outcome: nothing more comes, whatever the attempts.
    tokio::time::sleep(Duration::from_millis(800)).await;
    for (path, n) in [("/cb/ok", 1), ("/cb/failed", 1), ("/cb/bin", 1), ("/ok", 1)] {
        assert_eq!(sink.hits_on(path).len(), n, "{path}");
    }
    // The task reads back with its callbacks; the outboxes are empty.
    let t = c
        .get_task(pb::GetTaskRequest {
            queue: "jobs".into(),
            id: bad.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let cbs = t.callbacks.expect("callbacks read back");
    assert_eq!(cbs.queue, "hooks");
    assert_eq!(cbs.on_failure.unwrap().method, "POST");
    let outboxes: Vec<String> = redis
        .keys()
        .into_iter()
        .filter(|k| k.ends_with(":cbox"))
        .collect();
    assert!(outboxes.is_empty(), "outbox entries left: {outboxes:?}");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queues_callbacks_apply_to_its_tasks_but_not_to_callbacks() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    // The default callbacks go to the queue itself: a callback task that had them
    // too would call back forever.
    let defaults = hooks(&sink, Some("/cb/default"), None);
    create_queue(c, "d", |q| q.callbacks = Some(defaults.clone())).await;
    let plain = push_get(c, "d", &sink.url("/a")).await;
    // A task's own callbacks win over the queue's.
    let own = push_with(c, "d", &sink.url("/b"), hooks(&sink, Some("/cb/own"), None)).await;
    let hits = sink
        .wait_for(Some("/cb/default"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(body(&hits[0])["taskId"], plain.as_str());
    let hits = sink
        .wait_for(Some("/cb/own"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(body(&hits[0])["taskId"], own.as_str());
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.hits_on("/cb/default").len(), 1);
    assert_eq!(sink.hits_on("/cb/own").len(), 1);

    // Removed by an update: the next task has none.
    let q = c
        .update_queue(pb::UpdateQueueRequest {
            queue: Some(pb::Queue {
                name: "d".into(),
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["callbacks".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.callbacks, None);
    push_get(c, "d", &sink.url("/c")).await;
    sink.wait_for(Some("/c"), 1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.hits_on("/cb/default").len(), 1);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancel_calls_on_failure_only_when_asked() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "later", |_| {}).await;
    let mut on_cancel = hooks(&sink, None, Some("/cb/cancelled"));
    on_cancel.on_cancel = true;
    let schedule = |callbacks: pb::Callbacks| pb::ScheduleTaskRequest {
        queue: "later".into(),
        request: Some(get(&sink.url("/never"))),
        when: Some(pb::schedule_task_request::When::Delay(ms_duration(
            3_600_000,
        ))),
        callbacks: Some(callbacks),
        ..Default::default()
    };
    let asked = c
        .schedule_task(schedule(on_cancel))
        .await
        .unwrap()
        .into_inner()
        .task_id;
    let quiet = c
        .schedule_task(schedule(hooks(&sink, None, Some("/cb/quiet"))))
        .await
        .unwrap()
        .into_inner()
        .task_id;
    for id in [&asked, &quiet] {
        c.cancel_task(pb::CancelTaskRequest {
            queue: "later".into(),
            id: id.clone(),
        })
        .await
        .unwrap();
    }
    let hits = sink
        .wait_for(Some("/cb/cancelled"), 1, Duration::from_secs(10))
        .await;
    let b = body(&hits[0]);
    assert_eq!(
        (b["taskId"].as_str(), b["outcome"].as_str()),
        (Some(asked.as_str()), Some("cancelled"))
    );
    assert_eq!(b["attempts"], 0);
    assert!(b.get("response").is_none(), "{b}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(sink.hits_on("/cb/quiet").is_empty());
    assert!(sink.hits_on("/never").is_empty());
    assert_eq!(sink.hits_on("/cb/cancelled").len(), 1);
    htq.stop().await;
}

/// An outcome recorded by a process that died before it pushed the callback (the
/// state a SIGKILL right after the finishing script leaves): the next lease sweep
/// of a live process pushes it, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outcome_left_by_a_dead_process_gets_its_callback() {
    use htq::store::{Finish, OutboxMeta, Outcome};
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let store = connect_store(&redis).await;
    let mut q = htq::model::Queue::new("crash", htq::model::QueueKind::RealTime);
    q.request_timeout = Duration::from_millis(300);
    let callbacks = htq::model::Callbacks {
        on_success: Some(htq::model::Callback {
            method: "POST".into(),
            url: sink.url("/cb/after-crash"),
            headers: Vec::new(),
        }),
        ..Default::default()
    };
    let now = now_ms();
    let row = htq::store::NewRow {
        id: "T-crash".into(),
        due_ms: now,
        created_ms: now,
        request: htq::model::HttpRequest {
            method: "GET".into(),
            url: sink.url("/done-before-the-crash"),
            headers: Vec::new(),
            body: htq::model::Body::Empty,
        },
        callbacks: Some(callbacks),
        ..Default::default()
    };
    store
        .push("crash", &[row], Some(&q), false, now)
        .await
        .unwrap();
    // The dying process: claims (noting its lease), performs, records the outcome
    // with its callback entry, and is gone before it relays.
    let claim = store
        .claim("crash", now_ms(), 1, true)
        .await
        .unwrap()
        .unwrap();
    let task = &claim.tasks[0];
    let meta = OutboxMeta {
        id: task.id.clone(),
        outcome: "s".into(),
        attempts: task.state.attempts,
        at_ms: now_ms() as f64,
        started_ms: task.state.started_ms,
        status: 200.0,
        headers: Some(vec![("x-seen".into(), "yes".into())]),
        body: "ok before the crash".into(),
        ..Default::default()
    };
    let outcome = Outcome {
        id: task.id.clone(),
        token: task.token().to_owned(),
        finish: Finish::Succeed { status: 200 },
        record: String::new(),
        callback: serde_json::to_string(&meta).unwrap(),
    };
    let held = store
        .finish_many("crash", now_ms(), &[outcome])
        .await
        .unwrap();
    assert_eq!(held, vec![true]);
    let outbox = |redis: &TestRedis| {
        redis
            .keys()
            .into_iter()
            .filter(|k| k.ends_with(":cbox"))
            .count()
    };
    assert_eq!(outbox(&redis), 1, "the outcome waits in the outbox");

    let htq = TestHtq::start(&redis).await;
    // The lease deadline (0.3 s + 0.5 s margin) passes; the sweep relays.
    let hits = sink
        .wait_for(Some("/cb/after-crash"), 1, Duration::from_secs(15))
        .await;
    let b = body(&hits[0]);
    assert_eq!(b["taskId"], "T-crash");
    assert_eq!(b["outcome"], "succeeded");
    assert_eq!(b["response"]["body"], "ok before the crash");
    assert_eq!(b["response"]["headers"]["x-seen"], "yes");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.hits_on("/cb/after-crash").len(), 1);
    assert!(sink.hits_on("/done-before-the-crash").is_empty());
    assert_eq!(outbox(&redis), 0);
    htq.stop().await;
}

/// The `htq` binary SIGKILLed as soon as the target has answered: whichever side
/// of the finishing script the kill lands, one callback task is made, and it
/// arrives once. (The callbacks go to a paused queue, resumed after the kill: a
/// callback performed but not yet recorded when the process died would be
/// delivered again, as any task is.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_right_after_the_outcome_still_calls_back_once() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let data = tempfile::tempdir().unwrap();
    let flag = redis.flag();
    let args = [
        &flag[0],
        &flag[1],
        "--token",
        TOKEN,
        "--lease-margin-ms",
        "300",
    ];
    let rounds = [0u64, 1, 3, 10];
    for (round, kill_after) in rounds.iter().enumerate() {
        let mut p = HtqProcess::start(&args, data.path());
        let mut c = client(p.addr, Some(TOKEN)).await;
        let queue = format!("k{round}");
        let held = format!("hooks{round}");
        create_queue(&mut c, &queue, |q| {
            q.request_timeout = Some(ms_duration(700))
        })
        .await;
        create_queue(&mut c, &held, |_| {}).await;
        c.pause_queue(pb::PauseQueueRequest { name: held.clone() })
            .await
            .unwrap();
        let job = format!("/job{round}");
        let cb = format!("/cb{round}");
        let mut callbacks = hooks(&sink, Some(&cb), None);
        callbacks.queue = held.clone();
        let id = push_with(&mut c, &queue, &sink.url(&job), callbacks).await;
        sink.wait_for(Some(&job), 1, Duration::from_secs(5)).await;
        tokio::time::sleep(Duration::from_millis(*kill_after)).await;
        p.signal(libc::SIGKILL);
        p.wait(Duration::from_secs(5)).expect("killed");
        drop(p);
        // Another process on the same Redis: the task is done (or run again once its
        // lease expires), and its callback is pushed, then performed.
        let second = HtqProcess::start(&args, data.path());
        let mut c = client(second.addr, Some(TOKEN)).await;
        c.resume_queue(pb::ResumeQueueRequest { name: held.clone() })
            .await
            .unwrap();
        let hits = sink.wait_for(Some(&cb), 1, Duration::from_secs(15)).await;
        let b = body(&hits[0]);
        assert_eq!(
            (b["taskId"].as_str(), b["outcome"].as_str()),
            (Some(id.as_str()), Some("succeeded"))
        );
        // Past the lease of a task run again, and its callback.
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert_eq!(sink.hits_on(&cb).len(), 1, "round {round}: once");
        drop(second);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_callbacks_are_refused_by_field_and_leave_no_trace() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "v", |_| {}).await;
    let before = redis.dump();
    let with = |f: fn(&mut pb::Callbacks)| {
        let mut cb = hooks(&sink, Some("/s"), Some("/f"));
        f(&mut cb);
        cb
    };
    type Tweak = fn(&mut pb::Callbacks);
    let cases: [(Tweak, &str); 6] = [
        (
            |c| c.on_success.as_mut().unwrap().url = "ftp://127.0.0.1/x".into(),
            "callbacks.on_success.url",
        ),
        (
            |c| c.on_failure.as_mut().unwrap().url = String::new(),
            "callbacks.on_failure.url",
        ),
        (
            |c| c.on_success.as_mut().unwrap().method = "GE T".into(),
            "callbacks.on_success.method",
        ),
        (|c| *c = pb::Callbacks::default(), "callbacks"),
        (
            |c| {
                c.on_failure = None;
                c.on_cancel = true;
            },
            "callbacks.on_cancel",
        ),
        (|c| c.queue = "missing".into(), "callbacks.queue"),
    ];
    for (tweak, field) in cases {
        let err = c
            .push_task(pb::PushTaskRequest {
                queue: "v".into(),
                request: Some(get(&sink.url("/x"))),
                callbacks: Some(with(tweak)),
                ..Default::default()
            })
            .await
            .expect_err(field);
        assert_eq!(err.code(), tonic::Code::InvalidArgument, "{field}: {err:?}");
        assert!(err.message().contains(field), "{field}: {}", err.message());
        // The same on a queue, named as the queue's.
        let err = c
            .create_queue(pb::CreateQueueRequest {
                queue: Some(pb::Queue {
                    name: "w".into(),
                    kind: pb::QueueKind::RealTime as i32,
                    callbacks: Some(with(tweak)),
                    ..Default::default()
                }),
            })
            .await
            .expect_err(field);
        assert_eq!(
            err.code(),
            tonic::Code::InvalidArgument,
            "queue.{field}: {err:?}"
        );
        assert!(
            err.message().contains(&format!("queue.{field}")),
            "{}",
            err.message()
        );
    }
    // In a batch, the entry is named.
    let err = c
        .push_tasks(pb::PushTasksRequest {
            queue: "v".into(),
            tasks: vec![
                pb::TaskEntry {
                    request: Some(get(&sink.url("/x"))),
                    ..Default::default()
                },
                pb::TaskEntry {
                    request: Some(get(&sink.url("/y"))),
                    callbacks: Some(with(|c| c.queue = "missing".into())),
                    ..Default::default()
                },
            ],
        })
        .await
        .expect_err("batch");
    assert!(
        err.message().contains("tasks[1].callbacks.queue"),
        "{}",
        err.message()
    );
    assert_eq!(redis.dump(), before, "a refused call left a trace");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_over_the_json_api_and_the_command_line() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let http = reqwest::Client::new();
    let base = format!("http://{}", htq.addr);
    let call = |method: reqwest::Method, path: &str, body: Value| {
        http.request(method, format!("{base}{path}"))
            .bearer_auth(TOKEN)
            .json(&body)
            .send()
    };
    let r = call(
        reqwest::Method::POST,
        "/v1/queues",
        json!({"name": "j", "retention": "3600s",
               "callbacks": {"onFailure": {"url": sink.url("/cb/json-default")}}}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let r = call(
        reqwest::Method::POST,
        "/v1/queues/j/tasks",
        json!({"request": {"method": "POST", "url": sink.url("/j"), "data": "aGk="},
               "callbacks": {"onSuccess": {"method": "PUT", "url": sink.url("/cb/json"),
                             "headers": [{"name": "X-From", "value": "json"}]}}}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let id = r.json::<Value>().await.unwrap()["taskId"]
        .as_str()
        .unwrap()
        .to_owned();
    let hits = sink
        .wait_for(Some("/cb/json"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(hits[0].method, "PUT");
    assert_eq!(hits[0].header("x-from"), Some("json"));
    assert_eq!(body(&hits[0])["taskId"], id.as_str());
    assert_eq!(body(&hits[0])["request"]["method"], "POST");
    let r = call(
        reqwest::Method::GET,
        &format!("/v1/queues/j/tasks/{id}"),
        Value::Null,
    )
    .await
    .unwrap();
    let t: Value = r.json().await.unwrap();
    assert_eq!(t["callbacks"]["onSuccess"]["url"], sink.url("/cb/json"));
    // A refused one names the field, with 400.
    let r = call(
        reqwest::Method::POST,
        "/v1/queues/j/tasks",
        json!({"request": {"url": sink.url("/j")}, "callbacks": {"onCancel": true}}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("callbacks"));

    // The command line: a queue with default callbacks, a task with its own.
    let cli = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        htq_cli_ok(&base, &args)
    };
    let s = |x: &str| x.to_owned();
    cli(vec![
        s("queue"),
        s("create"),
        s("c"),
        s("--on-failure"),
        sink.url("/cb/cli-default"),
        s("--on-cancel"),
    ]);
    let id = cli(vec![
        s("push"),
        s("c"),
        sink.url("/c"),
        s("--on-success"),
        sink.url("/cb/cli"),
    ]);
    let hits = sink
        .wait_for(Some("/cb/cli"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(body(&hits[0])["taskId"], id.as_str());
    // The queue's on-cancel default: a scheduled task cancelled calls back.
    let later = cli(vec![
        s("push"),
        s("c"),
        sink.url("/never"),
        s("--delay"),
        s("3600"),
    ]);
    cli(vec![s("task"), s("cancel"), s("c"), later.clone()]);
    let hits = sink
        .wait_for(Some("/cb/cli-default"), 1, Duration::from_secs(10))
        .await;
    assert_eq!(body(&hits[0])["outcome"], "cancelled");
    assert_eq!(body(&hits[0])["taskId"], later.as_str());
    let q: Value =
        serde_json::from_str(&cli(vec![s("queue"), s("get"), s("c"), s("--json")])).unwrap();
    assert_eq!(q["callbacks"]["onCancel"], true);
    cli(vec![s("queue"), s("update"), s("c"), s("--no-callbacks")]);
    let q: Value =
        serde_json::from_str(&cli(vec![s("queue"), s("get"), s("c"), s("--json")])).unwrap();
    assert!(q.get("callbacks").is_none_or(Value::is_null), "{q}");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_of_a_partitioned_queue_go_to_the_queue_not_a_partition() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let defaults = hooks(&sink, Some("/cb/p"), None);
    create_queue(c, "parts", |q| {
        q.partitions = 3;
        q.max_concurrency = 6;
        q.callbacks = Some(defaults.clone());
    })
    .await;
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(push_get(c, "parts", &sink.url(&format!("/p{i}"))).await);
    }
    let hits = sink
        .wait_for(Some("/cb/p"), 6, Duration::from_secs(10))
        .await;
    let mut called: Vec<String> = hits
        .iter()
        .map(|h| {
            assert_eq!(h.header("x-htq-queue"), Some("parts"));
            assert_eq!(body(h)["queue"], "parts");
            body(h)["taskId"].as_str().unwrap().to_owned()
        })
        .collect();
    called.sort();
    ids.sort();
    assert_eq!(called, ids);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.hits_on("/cb/p").len(), 6);
    htq.stop().await;
}
