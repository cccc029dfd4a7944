//! `--redis-durability replicated`: a write a caller is told of is confirmed only
//! once a replica has it; without a replica the caller hears so.

use std::time::Duration;

use htq::api::pb;

use crate::common::*;

#[tokio::test]
async fn confirmed_writes_wait_for_a_replica() {
    let master = TestRedis::single();
    let port = master.port.to_string();
    let mut replica = TestRedis::start_with(&["--replicaof", "127.0.0.1", &port]);
    let mut conn = master.conn();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let info: String = redis::cmd("INFO")
            .arg("replication")
            .query(&mut conn)
            .unwrap();
        if info.contains("connected_slaves:1") && info.contains("state=online") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the replica never synced: {info}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let sink = Sink::start().await;
    let mut cfg = test_config(&master);
    cfg.redis_replicated = Some(Duration::from_millis(2000));
    let htq = TestHtq::start_with(cfg).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "durable", |q| q.paused = true).await;
    let waits = master.command_calls(|n| n == "wait");
    let id = push_get(&mut c, "durable", &sink.url("/d")).await;
    assert!(
        master.command_calls(|n| n == "wait") > waits,
        "the push waited"
    );
    // The replica has the task by the time the push is confirmed.
    let mut rconn = redis::Client::open(replica.url.as_str())
        .unwrap()
        .get_connection()
        .unwrap();
    let held: bool = redis::cmd("HEXISTS")
        .arg("htq:{durable}:tasks")
        .arg(&id)
        .query(&mut rconn)
        .unwrap();
    assert!(held, "the replica has task {id}");

    // No replica: the caller is told the write is not confirmed.
    replica.kill();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let err = loop {
        match c
            .push_task(pb::PushTaskRequest {
                queue: "durable".into(),
                request: Some(get(&sink.url("/d"))),
                ..Default::default()
            })
            .await
        {
            Err(e) => break e,
            Ok(_) => {
                // The master may not have noticed the replica is gone yet.
                assert!(
                    std::time::Instant::now() < deadline,
                    "pushes stayed confirmed"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    };
    assert_eq!(err.code(), tonic::Code::Unavailable, "{err:?}");
    assert!(err.message().contains("no replica confirmed"), "{err:?}");
    htq.stop().await;
}
