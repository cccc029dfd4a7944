//! A queue's keys: a queue that used every feature leaves no key of its hash tag
//! behind once deleted.

use std::time::Duration;

use htq::api::pb;

use crate::common::*;

/// The keys of queue `name` (its hash tag) in Redis now.
fn keys_of(redis: &TestRedis, name: &str) -> Vec<String> {
    let tag = format!("{{{name}}}");
    let mut keys: Vec<String> = redis
        .keys()
        .into_iter()
        .filter(|k| k.contains(&tag))
        .collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn deleting_a_queue_that_used_every_feature_leaves_no_key() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/fail", vec![Reply::status(500)]);
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "leak", |q| {
        q.max_concurrency = 4;
        q.max_dispatches_per_second = 1000.0;
        q.flow = Some(pb::FlowControl {
            max_concurrency: 2,
            max_dispatches_per_second: 1000.0,
            max_burst: 5,
        });
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
        q.retention = Some(ms_duration(3_600_000));
    })
    .await;
    let push = |url: String, flow: &str, idem: &str| pb::PushTaskRequest {
        queue: "leak".into(),
        request: Some(get(&url)),
        flow_key: flow.into(),
        idempotency_key: idem.into(),
        ..Default::default()
    };
    // Flow keys (with a per-key rate), an idempotency key, a failure that dies, a
    // success that is retained, and a task scheduled for later.
    for (path, flow, idem) in [
        ("/ok", "k1", ""),
        ("/ok", "k}:due", ""),
        ("/ok", "", "once"),
        ("/fail", "k2", ""),
        ("/ok", "", ""),
    ] {
        c.push_task(push(sink.url(path), flow, idem)).await.unwrap();
    }
    c.schedule_task(pb::ScheduleTaskRequest {
        queue: "leak".into(),
        request: Some(get(&sink.url("/later"))),
        flow_key: "k3".into(),
        when: Some(pb::schedule_task_request::When::Delay(ms_duration(
            3_600_000,
        ))),
        ..Default::default()
    })
    .await
    .unwrap();
    sink.wait_for(None, 5, Duration::from_secs(5)).await;
    // An imported task too (the `imported` set).
    let store = connect_store(&redis).await;
    let row = htq::store::NewRow {
        id: "legacy-1".into(),
        due_ms: now_ms() + 3_600_000,
        created_ms: now_ms(),
        request: htq::model::HttpRequest {
            url: sink.url("/imported"),
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(store.import_task("leak", &row).await.unwrap());
    // Wait for the dead letter and the retained successes to be recorded.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let n = c
            .count_tasks(pb::CountTasksRequest {
                queue: "leak".into(),
            })
            .await
            .unwrap()
            .into_inner();
        if n.dead == 1 && n.finished == 4 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "counts: {n:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Every kind of key exists now (the list the scripts keep in lua/prelude.lua).
    let before = keys_of(&redis, "leak");
    for suffix in [
        "queue", "due", "tasks", "state", "hist", "dead", "done", "flows", "pace", "dedup",
        "dedupx", "events", "stats", "imported",
    ] {
        let key = format!("htq:{{leak}}:{suffix}");
        assert!(before.contains(&key), "{key} missing from {before:?}");
    }
    assert!(before.iter().any(|k| k.contains(":fdue:")), "{before:?}");

    c.delete_queue(pb::DeleteQueueRequest {
        name: "leak".into(),
    })
    .await
    .unwrap();
    assert_eq!(keys_of(&redis, "leak"), Vec::<String>::new());
    htq.stop().await;
}
