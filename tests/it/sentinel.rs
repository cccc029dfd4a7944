//! Redis Sentinel: a real group on loopback (a master, two replicas, three
//! sentinels); the master is SIGKILLed while tasks are pushed and delivered, and
//! HTQ follows the new master without losing a confirmed push.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use htq::api::pb;

use crate::common::*;

/// A `redis-server --sentinel` watching `master_port`; killed on drop.
struct Sentinel {
    child: std::process::Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Sentinel {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sentinel(master_port: u16) -> Sentinel {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let conf = dir.path().join("sentinel.conf");
    std::fs::write(
        &conf,
        format!(
            "port {port}\nbind 127.0.0.1\ndir {}\n\
             sentinel monitor mymaster 127.0.0.1 {master_port} 2\n\
             sentinel down-after-milliseconds mymaster 1000\n\
             sentinel failover-timeout mymaster 5000\n\
             sentinel parallel-syncs mymaster 2\n",
            dir.path().display()
        ),
    )
    .unwrap();
    let child = std::process::Command::new("redis-server")
        .arg(&conf)
        .arg("--sentinel")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    Sentinel {
        child,
        port,
        _dir: dir,
    }
}

fn ask(port: u16, args: &[&str]) -> redis::RedisResult<redis::Value> {
    let mut c = redis::Client::open(format!("redis://127.0.0.1:{port}/"))?.get_connection()?;
    let mut cmd = redis::cmd(args[0]);
    for a in &args[1..] {
        cmd.arg(*a);
    }
    cmd.query(&mut c)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sentinel_failover_mid_drain_loses_no_confirmed_push() {
    let mut master = TestRedis::single();
    let mp = master.port.to_string();
    let replicas = [
        TestRedis::start_with(&["--replicaof", "127.0.0.1", &mp]),
        TestRedis::start_with(&["--replicaof", "127.0.0.1", &mp]),
    ];
    let mut conn = master.conn();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let info: String = redis::cmd("INFO")
            .arg("replication")
            .query(&mut conn)
            .unwrap();
        if info.matches("state=online").count() == 2 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the replicas never synced: {info}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let sentinels: Vec<Sentinel> = (0..3).map(|_| sentinel(master.port)).collect();
    // The sentinels know both replicas and each other.
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let ready = sentinels.iter().all(|s| {
            let replicas = ask(s.port, &["SENTINEL", "replicas", "mymaster"]);
            let peers = ask(s.port, &["SENTINEL", "sentinels", "mymaster"]);
            matches!((replicas, peers), (Ok(redis::Value::Array(r)), Ok(redis::Value::Array(p)))
                if r.len() == 2 && p.len() == 2)
        });
        if ready {
            break;
        }
        assert!(Instant::now() < deadline, "the sentinel group never formed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    let sink = Sink::start().await;
    sink.script(
        "/t",
        vec![Reply::status(200).delay(Duration::from_millis(5))],
    );
    let mut cfg = test_config(&master);
    cfg.redis_url = None;
    cfg.redis_sentinels = sentinels
        .iter()
        .map(|s| format!("127.0.0.1:{}", s.port))
        .collect();
    cfg.redis_replicated = Some(Duration::from_millis(2000));
    let htq = TestHtq::start_with(cfg).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "failover", |q| {
        q.max_concurrency = 10;
        q.request_timeout = Some(ms_duration(2000));
    })
    .await;

    // The replicas, which a failover may make master, are out of tasks' reach.
    create_queue(&mut c, "probe", |_| {}).await;
    let probe = push_get(
        &mut c,
        "probe",
        &format!("http://127.0.0.1:{}/x", replicas[1].port),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let t = c
            .get_task(pb::GetTaskRequest {
                queue: "probe".into(),
                id: probe.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state == pb::TaskState::Dead as i32 {
            assert!(t.last_error.contains("refused"), "{t:?}");
            break;
        }
        assert!(Instant::now() < deadline, "{t:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Push 400 tasks one at a time (each retried with its idempotency key until it
    // is confirmed); the master dies after the 150th.
    const N: usize = 400;
    let started = Instant::now();
    let mut failed_calls = 0;
    for i in 0..N {
        if i == 150 {
            master.kill();
        }
        let req = pb::PushTaskRequest {
            queue: "failover".into(),
            request: Some(get(&sink.url(&format!("/t?n={i}")))),
            idempotency_key: format!("k{i}"),
            ..Default::default()
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Err(e) = c.push_task(req.clone()).await {
            failed_calls += 1;
            assert!(Instant::now() < deadline, "push {i} never confirmed: {e:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let pushed_in = started.elapsed();
    // Every confirmed push is delivered.
    let deadline = Instant::now() + Duration::from_secs(60);
    let delivered = loop {
        let seen: HashSet<String> = sink.hits_on("/t").into_iter().map(|h| h.uri).collect();
        if seen.len() >= N || Instant::now() > deadline {
            break seen;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let hits = sink.hits_on("/t").len();
    println!(
        "sentinel failover: {N} pushes confirmed in {pushed_in:?} ({failed_calls} calls refused \
         during the failover), {} delivered, {} duplicate deliveries, {} lost",
        delivered.len(),
        hits - delivered.len(),
        N - delivered.len()
    );
    assert_eq!(delivered.len(), N, "confirmed pushes were lost");
    // The sentinels moved the master, and HTQ with it (the pushes after the kill
    // could only be stored there).
    let now = ask(
        sentinels[0].port,
        &["SENTINEL", "get-master-addr-by-name", "mymaster"],
    );
    let port = match now {
        Ok(redis::Value::Array(v)) => redis::from_redis_value::<u16>(v[1].clone()).unwrap(),
        other => panic!("{other:?}"),
    };
    assert_ne!(port, master.port);
    assert!(failed_calls > 0, "the failover was noticed");
    htq.stop().await;
}
