//! Bounded, seeded property tests of the three front doors: whatever a client sends,
//! no 5xx (no INTERNAL over gRPC), and a refused call stores nothing. The queue is
//! paused and the egress policy refuses every address, so no fuzzed URL is called.

use std::time::Duration;

use htq::api::pb;
use htq::dispatch::egress::{Policy, Preset};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::common::*;

/// Cases per front door.
const CASES: u32 = 2000;

/// A runner with a fixed seed, so a failure reproduces.
fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

/// Strings that tend to break parsers: control characters, quotes, braces,
/// percent signs, non-ASCII, long runs.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{0,12}",
        "[ -~]{0,40}",
        "\\PC{0,20}",
        "[\\x00-\\x1f{}%:\"\\\\]{0,10}",
        Just("http://127.0.0.1:9/x".to_owned()),
        Just("x".repeat(300)),
    ]
}

/// Arbitrary JSON, with the contract's field names more likely than others.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let key = prop_oneof![
        Just("request".to_owned()),
        Just("url".to_owned()),
        Just("method".to_owned()),
        Just("headers".to_owned()),
        Just("data".to_owned()),
        Just("form".to_owned()),
        Just("taskId".to_owned()),
        Just("idempotencyKey".to_owned()),
        Just("flowKey".to_owned()),
        Just("scheduleTime".to_owned()),
        Just("delay".to_owned()),
        nasty(),
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or_default()),
        nasty().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Tasks stored in every queue, and queues.
fn stored(redis: &TestRedis) -> (usize, usize) {
    let mut conn = redis.conn();
    let queues: usize = redis::cmd("SCARD")
        .arg("htq:queues")
        .query(&mut conn)
        .unwrap();
    let tasks = redis
        .keys()
        .iter()
        .filter(|k| k.ends_with(":tasks"))
        .map(|k| redis::cmd("HLEN").arg(k).query::<usize>(&mut conn).unwrap())
        .sum();
    (queues, tasks)
}

async fn closed_server(redis: &TestRedis) -> TestHtq {
    let mut cfg = test_config(redis);
    cfg.legacy.app_key = Some("k".into());
    cfg.legacy.app_token = Some("t".into());
    cfg.egress = Policy::new(
        Preset::Strict,
        vec![],
        vec!["0.0.0.0/0".parse().unwrap(), "::/0".parse().unwrap()],
    );
    let mut htq = TestHtq::start_with(cfg).await;
    create_queue(&mut htq.client, "f", |_| {}).await;
    htq.client
        .pause_queue(pb::PauseQueueRequest { name: "f".into() })
        .await
        .unwrap();
    htq
}

#[test]
fn fuzzed_json_and_legacy_calls_never_fail_the_server() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _inside = rt.enter();
    let redis = TestRedis::start();
    let htq = rt.block_on(closed_server(&redis));
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let base = format!("http://{}", htq.addr);
    let paths = prop_oneof![
        Just("/v1/queues/f/tasks"),
        Just("/v1/queues/f/tasks/batch"),
        Just("/v1/queues/f/tasks/schedule"),
        Just("/v1/queues"),
        Just("/v1/schedules"),
    ];
    let started = std::time::Instant::now();
    runner()
        .run(&(paths, json()), |(path, body)| {
            let before = stored(&redis);
            let r = rt.block_on(
                http.post(format!("{base}{path}"))
                    .bearer_auth(TOKEN)
                    .json(&body)
                    .send(),
            );
            let r = r.map_err(|e| TestCaseError::fail(format!("no answer: {e}")))?;
            let status = r.status().as_u16();
            prop_assert!(status < 500, "{path} {body}: {status}");
            if status != 200 {
                prop_assert_eq!(
                    stored(&redis),
                    before,
                    "{} {}: refused, yet stored",
                    path,
                    body
                );
            }
            Ok(())
        })
        .unwrap();
    let fields = prop::collection::vec(
        (
            prop_oneof![
                Just("queue_name".to_owned()),
                Just("url".to_owned()),
                Just("method".to_owned()),
                Just("header".to_owned()),
                Just("data".to_owned()),
                Just("execute_time".to_owned()),
                Just("type".to_owned()),
                Just("stepping_time".to_owned()),
                nasty(),
            ],
            prop_oneof![nasty(), json().prop_map(|j| j.to_string())],
        ),
        0..8,
    );
    let endpoints = prop_oneof![
        Just("/api/addTask"),
        Just("/api/addQueue"),
        Just("/api/countQueue"),
        Just("/api/allQueue"),
        Just("/api/deleteQueue"),
    ];
    runner()
        .run(&(endpoints, fields), |(path, fields)| {
            let before = stored(&redis);
            let mut form = reqwest::multipart::Form::new()
                .text("app_key", "k")
                .text("app_token", "t");
            for (k, v) in &fields {
                form = form.text(k.clone(), v.clone());
            }
            let r = rt
                .block_on(http.post(format!("{base}{path}")).multipart(form).send())
                .map_err(|e| TestCaseError::fail(format!("no answer: {e}")))?;
            let status = r.status().as_u16();
            let text = rt.block_on(r.text()).unwrap_or_default();
            prop_assert!(status < 500, "{path} {fields:?}: {status} {text}");
            if !text.contains("\"error_code\":0")
                && path != "/api/allQueue"
                && path != "/api/countQueue"
            {
                prop_assert_eq!(
                    stored(&redis),
                    before,
                    "{} {:?}: refused, yet stored",
                    path,
                    fields
                );
            }
            Ok(())
        })
        .unwrap();
    eprintln!("fuzzed {} calls in {:?}", 2 * CASES, started.elapsed());
    rt.block_on(htq.stop());
}

#[test]
fn fuzzed_grpc_pushes_never_fail_the_server() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _inside = rt.enter();
    let redis = TestRedis::start();
    let htq = rt.block_on(closed_server(&redis));
    let grpc = std::cell::RefCell::new(rt.block_on(client(htq.addr, Some(TOKEN))));
    let header = (nasty(), nasty()).prop_map(|(name, value)| pb::Header { name, value });
    let request = (
        nasty(),
        nasty(),
        prop::collection::vec(header, 0..4),
        prop::option::of(prop::collection::vec(any::<u8>(), 0..64)),
    )
        .prop_map(|(method, url, headers, data)| pb::HttpRequest {
            method,
            url,
            headers,
            body: data.map(pb::http_request::Body::Data),
        });
    let push = (
        prop_oneof![Just("f".to_owned()), nasty()],
        prop::option::of(request),
        nasty(),
        nasty(),
        nasty(),
    )
        .prop_map(
            |(queue, request, task_id, idempotency_key, flow_key)| pb::PushTaskRequest {
                queue,
                request,
                task_id,
                idempotency_key,
                flow_key,
                callbacks: None,
            },
        );
    runner()
        .run(&push, |req| {
            let before = stored(&redis);
            let r = rt.block_on(grpc.borrow_mut().push_task(req.clone()));
            if let Err(e) = r {
                prop_assert!(
                    !matches!(
                        e.code(),
                        tonic::Code::Internal | tonic::Code::Unknown | tonic::Code::Unavailable
                    ),
                    "{req:?}: {e:?}"
                );
                prop_assert_eq!(stored(&redis), before, "{:?}: refused, yet stored", req);
            }
            Ok(())
        })
        .unwrap();
    rt.block_on(htq.stop());
}
