//! `htq migrate-legacy` on a seeded legacy HTQ Redis, run twice.

use htq::model::{Body, QueueKind, TaskState};
use redis::Commands;

use crate::common::*;

fn migrate(from: &TestRedis, to: &TestRedis) -> String {
    let data = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["migrate-legacy", "--from", &from.url])
        .args(to.flag())
        .arg("--data-dir")
        .arg(data.path())
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn legacy_data_is_imported_once_with_due_times_and_counters() {
    let legacy = TestRedis::single();
    let target = TestRedis::start();
    let mut c = legacy.conn();
    let later = now_ms() + 3_600_000;
    let _: () = c
        .hset_multiple(
            "htq_queue_list",
            &[
                ("htq_q1", r#"{"type":"real_time"}"#),
                (
                    "htq_v1",
                    r#"{"type":"variable","stepping_time":"10","max_time_interval":"3600"}"#,
                ),
                ("htq_broken", "not json"),
            ],
        )
        .unwrap();
    let json_member = r#"{"url":"http://127.0.0.1:9/a?x=1&htq_no_repeat=17955007120000.4239","header":{"X-A":"1"},"method":"POST","data":{"k":"v","n":5}}"#;
    let bare_member = "http://127.0.0.1:9/old?htq_no_repeat=1234";
    let bad_member = r#"{"url":"ftp://127.0.0.1/x","header":[],"method":"GET","data":[]}"#;
    let _: () = c.zadd("htq_q1", json_member, later).unwrap();
    let _: () = c.zadd("htq_q1", bare_member, 1_000).unwrap();
    let _: () = c.zadd("htq_q1", bad_member, later).unwrap();
    let var_member =
        r#"{"url":"http://127.0.0.1:9/poll&htq_no_repeat=5","header":[],"method":"GET","data":[]}"#;
    let _: () = c.zadd("htq_v1", var_member, later).unwrap();
    let _: () = c
        .hset(
            "htq_v1_times",
            "http://127.0.0.1:9/poll&htq_no_repeat=5",
            "3",
        )
        .unwrap();

    let first = migrate(&legacy, &target);
    assert!(
        first.contains(
            "queue q1 {\"type\":\"real_time\"}: created; 2 task(s) imported, 0 imported before"
        ),
        "{first}"
    );
    assert!(first.contains("queue v1 {\"type\":\"variable\",\"stepping_time\":\"10\",\"max_time_interval\":\"3600\"}: created; 1 task(s) imported"), "{first}");
    assert!(
        first.contains("skipped queue \"broken\": attribute is not a JSON object"),
        "{first}"
    );
    assert!(
        first.contains("ftp://127.0.0.1/x") && first.contains("request.url"),
        "{first}"
    );
    assert!(
        first.ends_with("2 queue(s), 3 task(s) imported, 0 imported before, 2 skipped\n"),
        "{first}"
    );

    let store = connect_store(&target).await;
    let q1 = store.get_queue("q1").await.unwrap().unwrap();
    assert_eq!((q1.kind, q1.retry.max_attempts), (QueueKind::RealTime, 1));
    let v1 = store.get_queue("v1").await.unwrap().unwrap();
    assert_eq!(v1.kind, QueueKind::Variable);
    assert_eq!(v1.variable.stepping.as_secs(), 10);
    assert_eq!(v1.variable.max_interval.as_secs(), 3600);

    let now = now_ms();
    let due = store
        .list_tasks("q1", TaskState::Due, now, 0, 10)
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].schedule_ms, 1_000);
    assert_eq!(
        (due[0].request.method.as_str(), due[0].request.url.as_str()),
        ("GET", "http://127.0.0.1:9/old")
    );
    let sched = store
        .list_tasks("q1", TaskState::Scheduled, now, 0, 10)
        .await
        .unwrap();
    assert_eq!(sched.len(), 1);
    assert_eq!(sched[0].schedule_ms, later);
    assert_eq!(sched[0].request.url, "http://127.0.0.1:9/a?x=1");
    assert_eq!(sched[0].request.method, "POST");
    assert!(
        sched[0]
            .request
            .headers
            .contains(&("X-A".into(), "1".into()))
    );
    assert_eq!(
        sched[0].request.body,
        Body::Form(vec![("k".into(), "v".into()), ("n".into(), "5".into())])
    );
    let var = store
        .list_tasks("v1", TaskState::Scheduled, now, 0, 10)
        .await
        .unwrap();
    assert_eq!(var.len(), 1);
    assert_eq!(
        (var[0].run_count, var[0].request.url.as_str()),
        (3, "http://127.0.0.1:9/poll")
    );

    // Again: nothing twice, even for a task performed (gone) since.
    store.cancel("q1", &due[0].id, now).await.unwrap().unwrap();
    let second = migrate(&legacy, &target);
    assert!(
        second.contains(
            "queue q1 {\"type\":\"real_time\"}: exists; 0 task(s) imported, 2 imported before"
        ),
        "{second}"
    );
    assert!(
        second.ends_with("2 queue(s), 0 task(s) imported, 3 imported before, 2 skipped\n"),
        "{second}"
    );
    assert_eq!(store.count_waiting("q1", now_ms()).await.unwrap(), 1);
    // The legacy data is only read.
    let n: usize = c.zcard("htq_q1").unwrap();
    assert_eq!(n, 3);
}
