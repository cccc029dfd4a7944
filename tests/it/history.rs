//! The dashboard's history: every process adds what it did to Redis, so any
//! process answers the same: dispatches, errors, depth, duration and delay
//! percentiles, per queue and for every queue.

use std::time::Duration;

use htq::api::pb;

use crate::common::*;

async fn history(c: &mut Client, queue: &str) -> pb::QueueHistory {
    c.get_history(pb::GetHistoryRequest {
        queue: queue.into(),
        window: Some(ms_duration(120_000)),
    })
    .await
    .unwrap()
    .into_inner()
}

/// Requests started and attempts failed over the points.
fn totals(h: &pb::QueueHistory) -> (f64, f64) {
    let step = h.step.as_ref().unwrap().seconds as f64;
    h.points.iter().fold((0.0, 0.0), |(d, e), p| {
        (
            d + p.dispatches_per_second * step,
            e + p.errors_per_second * step,
        )
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_process_adds_to_one_history_in_redis() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slowish",
        vec![Reply::status(200).delay(Duration::from_millis(30))],
    );
    sink.script("/bad", vec![Reply::status(500)]);
    let start = |redis: &TestRedis| {
        let mut cfg = test_config(redis);
        cfg.history_every = Duration::from_millis(200);
        TestHtq::start_with(cfg)
    };
    let mut one = start(&redis).await;
    let mut two = start(&redis).await;
    create_queue(&mut one.client, "hq", |q| {
        q.max_concurrency = 4;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
    })
    .await;
    create_queue(&mut one.client, "other", |_| {}).await;
    for i in 0..20 {
        let c = if i % 2 == 0 {
            &mut one.client
        } else {
            &mut two.client
        };
        push_get(c, "hq", &sink.url("/slowish")).await;
    }
    for _ in 0..5 {
        push_get(&mut two.client, "hq", &sink.url("/bad")).await;
    }
    push_get(&mut one.client, "other", &sink.url("/o")).await;
    sink.wait_for(Some("/slowish"), 20, Duration::from_secs(10))
        .await;
    sink.wait_for(Some("/bad"), 5, Duration::from_secs(10))
        .await;
    // Every process's flush (every 200 ms here) has run.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let h = loop {
        let h = history(&mut two.client, "hq").await;
        if totals(&h) == (25.0, 5.0) {
            break h;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "history: {:?}",
            totals(&h)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(h.step.as_ref().unwrap().seconds, 5);
    assert!(h.points.len() >= 24, "{} points", h.points.len());
    // 30 ms requests fall in the 50 ms bucket: more than half of them.
    let p50: Vec<i64> = h
        .points
        .iter()
        .map(|p| p.duration_p50_ms)
        .filter(|p| *p > 0)
        .collect();
    assert!(p50.contains(&50), "{p50:?}");
    // Depth: sampled while a queue has tasks, here a paused one's backlog.
    create_queue(&mut one.client, "held", |q| q.paused = true).await;
    for _ in 0..7 {
        push_get(&mut two.client, "held", &sink.url("/never")).await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let held = history(&mut one.client, "held").await;
        if held.points.last().is_some_and(|p| p.depth == 7) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{:?}",
            held.points.last()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The other process answers the same; every queue's includes the other queue.
    assert_eq!(totals(&history(&mut one.client, "hq").await), (25.0, 5.0));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while totals(&history(&mut one.client, "").await) != (26.0, 5.0) {
        assert!(tokio::time::Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let err = one
        .client
        .get_history(pb::GetHistoryRequest {
            queue: "hq".into(),
            window: Some(ms_duration(7_200_000)),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(err.message().starts_with("window"), "{}", err.message());
    // Over the JSON API too.
    let json = get_json(one.addr, "/v1/history?queue=hq&window=300").await;
    let points = json["points"].as_array().unwrap();
    assert!(points.len() >= 60, "{}", points.len());
    let dispatched: f64 = points
        .iter()
        .map(|p| p["dispatchesPerSecond"].as_f64().unwrap_or(0.0) * 5.0)
        .sum();
    assert_eq!(dispatched, 25.0);
    one.stop().await;
    two.stop().await;
}
