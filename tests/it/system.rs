//! The system view: every HTQ process on one Redis keeps a heartbeat there
//! (version, address, start time, requests in flight), gone when it stops; and
//! what Redis says of itself.

use std::time::Duration;

use htq::api::pb;

use crate::common::*;

async fn system(c: &mut Client) -> pb::SystemInfo {
    c.get_system(pb::GetSystemRequest {})
        .await
        .unwrap()
        .into_inner()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_beat_in_redis_and_leave_when_they_stop() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow",
        vec![Reply::status(200).delay(Duration::from_secs(14))],
    );
    let started = now_ms();
    let mut one = TestHtq::start(&redis).await;
    let two = TestHtq::start(&redis).await;
    let s = system(&mut one.client).await;
    let mut addresses: Vec<String> = s.processes.iter().map(|p| p.address.clone()).collect();
    addresses.sort();
    let mut want = vec![one.addr.to_string(), two.addr.to_string()];
    want.sort();
    assert_eq!(addresses, want);
    for p in &s.processes {
        assert_eq!(p.version, env!("CARGO_PKG_VERSION"));
        let start = p.start_time.as_ref().unwrap();
        let start_ms = start.seconds * 1000 + i64::from(start.nanos / 1_000_000);
        assert!((start_ms - started).abs() < 10_000, "{p:?}");
        assert_eq!(p.in_flight, 0);
    }
    assert!(s.processes.iter().any(|p| p.id == s.answered_by));
    let r = s.redis.unwrap();
    assert_eq!(
        r.mode,
        if redis.is_cluster() {
            "cluster"
        } else {
            "standalone"
        }
    );
    assert!(r.version.starts_with(|c: char| c.is_ascii_digit()), "{r:?}");
    assert!(r.used_memory_bytes > 100_000, "{r:?}");
    assert!(r.connected_clients >= 2, "{r:?}");

    // A request in flight shows at the next heartbeat (every 10 s).
    create_queue(&mut one.client, "sys", |q| {
        q.request_timeout = Some(ms_duration(30_000))
    })
    .await;
    push_get(&mut one.client, "sys", &sink.url("/slow")).await;
    sink.wait_for(Some("/slow"), 1, Duration::from_secs(5))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(12);
    loop {
        let s = system(&mut one.client).await;
        if s.processes.iter().map(|p| p.in_flight).sum::<i64>() == 1 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{s:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A process that stops is gone at once; the JSON API says the same.
    two.stop().await;
    let s = system(&mut one.client).await;
    assert_eq!(s.processes.len(), 1, "{s:?}");
    assert_eq!(s.processes[0].address, one.addr.to_string());
    let json = get_json(one.addr, "/v1/system").await;
    assert_eq!(json["processes"][0]["address"], one.addr.to_string());
    assert_eq!(json["redis"]["version"], r.version.as_str());
    one.stop().await;
}
