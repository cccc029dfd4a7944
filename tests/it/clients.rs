//! The client libraries against a live server: create, push to a sink and see it
//! delivered, schedule, cancel, watch a few events.

use std::time::{Duration, SystemTime};

use htq_client::{Client, queue, request};

use crate::common::*;

#[tokio::test]
async fn rust_client_smoke() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let mut c = Client::connect(format!("http://{}", htq.addr), TOKEN)
        .await
        .unwrap();
    let q = c.create_queue(queue("rs")).await.unwrap();
    assert_eq!(q.max_concurrency, 1);
    let mut events = c.watch("rs", None).await.unwrap();
    let id = c
        .push("rs", request::post(&sink.url("/rs"), "hi"))
        .await
        .unwrap();
    let hit = sink.wait_for(Some("/rs"), 1, Duration::from_secs(3)).await;
    assert_eq!(&hit[0].body[..], b"hi");
    assert_eq!(hit[0].header("x-htq-task-id"), Some(id.as_str()));
    let later = c
        .schedule(
            "rs",
            request::get(&sink.url("/later")),
            SystemTime::now() + Duration::from_secs(3600),
        )
        .await
        .unwrap();
    let t = c.get_task("rs", &later).await.unwrap();
    assert_eq!(t.state(), htq_client::pb::TaskState::Scheduled);
    c.cancel("rs", &later).await.unwrap();
    let err = c.get_task("rs", &later).await.unwrap_err();
    assert_eq!(err.code(), Some(tonic::Code::NotFound));
    // The watch saw the push, the delivery and the schedule, in order.
    let mut kinds = Vec::new();
    while kinds.len() < 5 {
        let item = tokio::time::timeout(Duration::from_secs(3), events.message())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Some(htq_client::pb::watch_queue_response::Item::Event(e)) = item.item {
            kinds.push((e.kind(), e.task_id));
        }
    }
    use htq_client::pb::EventKind::*;
    // Each task's own events in order (the delivery and the schedule may interleave).
    let of = |id: &str| {
        kinds
            .iter()
            .filter(|(_, t)| t == id)
            .map(|(k, _)| *k)
            .collect::<Vec<_>>()
    };
    assert_eq!(of(&id), [Pushed, Started, Succeeded]);
    assert_eq!(of(&later), [Scheduled, Cancelled]);
    // Replay: a task that died on a 503 runs again.
    sink.script("/rs-fail", vec![Reply::status(503)]);
    let mut q = queue("rs-replay");
    q.retry = Some(htq_client::pb::RetryPolicy {
        max_attempts: 1,
        ..Default::default()
    });
    c.create_queue(q).await.unwrap();
    let dead = c
        .push("rs-replay", request::get(&sink.url("/rs-fail")))
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while c.get_task("rs-replay", &dead).await.unwrap().state() != htq_client::pb::TaskState::Dead {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the task never died"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let r = c
        .replay(
            "rs-replay",
            htq_client::pb::ReplayTasksRequest {
                state: htq_client::pb::TaskState::Dead as i32,
                last_status: 503,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((r.replayed, r.more), (1, false));
    sink.wait_for(Some("/rs-fail"), 2, Duration::from_secs(5))
        .await;
    // A topic of two endpoints: one message reaches both; a task's success is
    // called back.
    let t = c
        .create_topic(htq_client::pb::Topic {
            name: "rs-topic".into(),
            endpoints: vec![
                htq_client::endpoint("one", &sink.url("/rs-t1")),
                htq_client::endpoint("two", &sink.url("/rs-t2")),
            ],
            pause_after_failures: 5,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        t.endpoints[0].state(),
        htq_client::pb::EndpointState::Enabled
    );
    let p = c.publish("rs-topic", "fan-out").await.unwrap();
    assert_eq!(p.deliveries.len(), 2);
    c.add_endpoint(
        "rs-topic",
        htq_client::endpoint("three", &sink.url("/rs-t3")),
    )
    .await
    .unwrap();
    assert_eq!(c.get_topic("rs-topic").await.unwrap().endpoints.len(), 3);
    c.remove_endpoint("rs-topic", "three").await.unwrap();
    c.enable_endpoint("rs-topic", "one").await.unwrap();
    assert_eq!(c.list_topics().await.unwrap().len(), 1);
    let called = c
        .push_with_callbacks(
            "rs",
            request::get(&sink.url("/rs-job")),
            htq_client::callbacks(Some(&sink.url("/rs-cb")), None),
        )
        .await
        .unwrap();
    topic_and_callback_arrived(&sink, "/rs", &format!("callback task {called}")).await;
    c.delete_topic("rs-topic").await.unwrap();
    let bad = Client::connect(format!("http://{}", htq.addr), "wrong")
        .await
        .unwrap()
        .create_queue(queue("x"))
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Some(tonic::Code::Unauthenticated));
    htq.stop().await;
}

/// Runs a client's script from the checkout, at most `limit` long; panics with its
/// output when it fails.
async fn run_script(path: &str, args: &[&str], limit: Duration) -> String {
    let out = tokio::process::Command::new(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(limit, out)
        .await
        .unwrap_or_else(|_| panic!("{path} took longer than {limit:?}"))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{path} failed\nstdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Runs a client's `run-verify` on real signed deliveries (see
/// [`crate::signing::fixture`]): every case must come out as expected.
async fn verify_deliveries(script: &str, lang: &str) {
    let fixture = crate::signing::fixture().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), serde_json::to_vec(&fixture).unwrap()).unwrap();
    let out = run_script(
        script,
        &[file.path().to_str().unwrap()],
        Duration::from_secs(600),
    )
    .await;
    let n = fixture["cases"].as_array().unwrap().len();
    assert!(
        out.contains(&format!("ok: {lang} webhooks {n} cases")),
        "{out}"
    );
}

/// One test for the generated clients: their installs share a virtualenv and a
/// node_modules, so they run one after the other.
#[tokio::test]
async fn generated_stubs_are_current_and_python_node_go_clients_work() {
    // The checked-in stubs match proto/ (this also prepares the virtualenv and the
    // Node client's dependencies).
    run_script("clients/generate", &["--check"], Duration::from_secs(300)).await;
    python_client_smoke().await;
    node_client_smoke().await;
    go_client_smoke().await;
    verify_deliveries("clients/python/run-verify", "python").await;
    verify_deliveries("clients/node/run-verify", "node").await;
    verify_deliveries("clients/go/run-verify", "go").await;
}

/// What a client's smoke test published and pushed with a callback, seen at the
/// sink: the topic's message at both endpoints under one id (`<prefix>-t1`,
/// `<prefix>-t2`), and the callback of the task the output names ("callback task
/// <id>") with its outcome.
async fn topic_and_callback_arrived(sink: &Sink, prefix: &str, out: &str) {
    let one = sink
        .wait_for(Some(&format!("{prefix}-t1")), 1, Duration::from_secs(10))
        .await;
    let two = sink
        .wait_for(Some(&format!("{prefix}-t2")), 1, Duration::from_secs(10))
        .await;
    assert_eq!(&one[0].body[..], b"fan-out");
    assert_eq!(&two[0].body[..], b"fan-out");
    assert_eq!(
        one[0].header("x-htq-task-id"),
        two[0].header("x-htq-task-id")
    );
    let id = out
        .lines()
        .find_map(|l| l.strip_prefix("callback task "))
        .unwrap_or_else(|| panic!("no callback task in {out}"))
        .trim();
    let hit = &sink
        .wait_for(Some(&format!("{prefix}-cb")), 1, Duration::from_secs(10))
        .await[0];
    let body: serde_json::Value = serde_json::from_slice(&hit.body).unwrap();
    assert_eq!(body["taskId"], id, "{body}");
    assert_eq!(body["outcome"], "succeeded");
}

async fn python_client_smoke() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/py-fail", vec![Reply::status(503)]);
    let htq = TestHtq::start(&redis).await;
    let out = run_script(
        "clients/python/run-smoke",
        &[&htq.addr.to_string(), TOKEN, &sink.url("/py")],
        Duration::from_secs(300),
    )
    .await;
    assert!(out.contains("ok: python"), "{out}");
    topic_and_callback_arrived(&sink, "/py", &out).await;
    // The replayed task ran a second time.
    sink.wait_for(Some("/py-fail"), 2, Duration::from_secs(5))
        .await;
    let hits = sink.hits_on("/py");
    for from in ["py-sync", "py-async"] {
        assert!(
            hits.iter()
                .any(|h| h.uri.ends_with(&format!("from={from}"))),
            "{from} delivered"
        );
    }
    htq.stop().await;
}

async fn node_client_smoke() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/node-fail", vec![Reply::status(503)]);
    let htq = TestHtq::start(&redis).await;
    let out = run_script(
        "clients/node/run-smoke",
        &[&htq.addr.to_string(), TOKEN, &sink.url("/node")],
        Duration::from_secs(300),
    )
    .await;
    assert!(out.contains("ok: node client"), "{out}");
    topic_and_callback_arrived(&sink, "/node", &out).await;
    // The replayed task ran a second time.
    sink.wait_for(Some("/node-fail"), 2, Duration::from_secs(5))
        .await;
    let hits = sink.hits_on("/node");
    assert!(
        hits.iter().any(|h| h.uri.ends_with("from=node")),
        "delivered"
    );
    htq.stop().await;
}

#[tokio::test]
async fn php_client_smoke_speaks_legacy_and_json() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut cfg = test_config(&redis);
    cfg.legacy.app_key = Some("php-key".into());
    cfg.legacy.app_token = Some("php-token".into());
    let htq = TestHtq::start_with(cfg).await;
    let out = run_script(
        "clients/php/run-smoke",
        &[
            &format!("http://{}", htq.addr),
            "php-key",
            "php-token",
            TOKEN,
            &sink.url("/php"),
        ],
        Duration::from_secs(300),
    )
    .await;
    assert!(out.contains("ok: php client"), "{out}");
    let hits = sink.wait_for(Some("/php"), 2, Duration::from_secs(5)).await;
    let legacy = hits
        .iter()
        .find(|h| h.uri.ends_with("from=php-legacy"))
        .expect("the legacy addTask was delivered");
    assert_eq!(legacy.header("x-from"), Some("php"));
    assert!(hits.iter().any(|h| h.uri.ends_with("from=php-json")));
    htq.stop().await;
    verify_deliveries("clients/php/run-verify", "php").await;
}

async fn go_client_smoke() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/go-fail", vec![Reply::status(503)]);
    let htq = TestHtq::start(&redis).await;
    let out = run_script(
        "clients/go/run-smoke",
        &[&htq.addr.to_string(), TOKEN, &sink.url("/go")],
        Duration::from_secs(600),
    )
    .await;
    assert!(out.contains("ok: go client"), "{out}");
    topic_and_callback_arrived(&sink, "/go", &out).await;
    // The replayed task ran a second time.
    sink.wait_for(Some("/go-fail"), 2, Duration::from_secs(5))
        .await;
    assert!(
        sink.hits_on("/go")
            .iter()
            .any(|h| h.uri.ends_with("from=go")),
        "delivered"
    );
    htq.stop().await;
}

#[tokio::test]
async fn java_client_smoke() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let out = run_script(
        "clients/java/run-smoke",
        &[
            "127.0.0.1",
            &htq.addr.port().to_string(),
            TOKEN,
            &sink.url("/java"),
        ],
        Duration::from_secs(900),
    )
    .await;
    assert!(out.contains("ok: java client"), "{out}");
    assert!(
        sink.hits_on("/java")
            .iter()
            .any(|h| h.uri.ends_with("from=java")),
        "delivered"
    );
    htq.stop().await;
    verify_deliveries("clients/java/run-verify", "java").await;
}
