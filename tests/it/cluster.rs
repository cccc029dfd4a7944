//! Redis Cluster on loopback: a master SIGKILLed mid-drain (its replica takes
//! over), and HTQ processes SIGKILLed and restarted again and again during a drain.
//! (The whole suite also runs on a cluster: `HTQ_TEST_REDIS=cluster`.)

use std::collections::HashMap;
use std::time::{Duration, Instant};

use htq::api::pb;

use crate::common::*;

/// A queue name whose slot is held by the cluster's `i`th master.
fn queue_on_master(i: usize) -> String {
    let (from, to) = CLUSTER_RANGES[i];
    (0..)
        .map(|n| format!("q{n}"))
        .find(|q| (from..=to).contains(&htq::store::slot(&format!("htq:{{{q}}}:queue"))))
        .unwrap()
}

/// Distinct task URLs the sink received on `path`, and how often each.
fn delivered(sink: &Sink, path: &str) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for h in sink.hits_on(path) {
        *seen.entry(h.uri).or_default() += 1;
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_master_killed_mid_drain_loses_no_confirmed_push() {
    // Two replicas of each master: after the failover, the promoted replica still
    // has one to confirm writes (with one, that shard's pushes would be refused
    // until a replica joins again).
    let mut redis = TestRedis::cluster_with_replicas(2);
    let sink = Sink::start().await;
    sink.script(
        "/t",
        vec![Reply::status(200).delay(Duration::from_millis(5))],
    );
    let mut cfg = test_config(&redis);
    cfg.redis_replicated = Some(Duration::from_millis(2000));
    let htq = TestHtq::start_with(cfg).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    // One queue on the master that dies, one on a master that stays.
    let (doomed, safe) = (queue_on_master(1), queue_on_master(0));
    for q in [&doomed, &safe] {
        create_queue(&mut c, q, |q| {
            q.max_concurrency = 10;
            q.request_timeout = Some(ms_duration(2000));
        })
        .await;
    }
    // A watch of every queue rides the failover out: it sees the tasks pushed
    // after it, on the master that stays and on the one that took over.
    let mut watch = c
        .watch_queue(pb::WatchQueueRequest::default())
        .await
        .unwrap()
        .into_inner();
    let watched = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashSet::new()));
    let seen_by_watch = watched.clone();
    let watcher = tokio::spawn(async move {
        loop {
            match watch.message().await {
                Ok(Some(m)) => {
                    if let Some(pb::watch_queue_response::Item::Event(e)) = m.item {
                        seen_by_watch.lock().unwrap().insert(e.task_id);
                    }
                }
                other => {
                    eprintln!("the watch ended: {other:?}");
                    return;
                }
            }
        }
    });
    // 400 single pushes, alternating queues, each retried with its idempotency key
    // until confirmed; the second master dies after the 150th.
    const N: usize = 400;
    let started = Instant::now();
    let mut refused = 0;
    let mut last_ids = Vec::new();
    for i in 0..N {
        if i == 150 {
            redis.kill_node(1);
        }
        let queue = if i % 2 == 0 { &doomed } else { &safe };
        let req = pb::PushTaskRequest {
            queue: queue.clone(),
            request: Some(get(&sink.url(&format!("/t?n={i}")))),
            idempotency_key: format!("k{i}"),
            ..Default::default()
        };
        let deadline = Instant::now() + Duration::from_secs(40);
        let pushed = loop {
            match c.push_task(req.clone()).await {
                Ok(r) => break r.into_inner(),
                Err(e) => {
                    refused += 1;
                    assert!(Instant::now() < deadline, "push {i} never confirmed: {e:?}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        if i >= N - 2 {
            last_ids.push(pushed.task_id);
        }
    }
    let pushed_in = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(60);
    let seen = loop {
        let seen = delivered(&sink, "/t");
        if seen.len() >= N || Instant::now() > deadline {
            break seen;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let hits: usize = seen.values().sum();
    println!(
        "cluster failover: {N} pushes confirmed in {pushed_in:?} ({refused} calls refused \
         during the failover), {} delivered, {} duplicate deliveries, {} lost",
        seen.len(),
        hits - seen.len(),
        N - seen.len()
    );
    assert_eq!(seen.len(), N, "confirmed pushes were lost");
    assert!(refused > 0, "the failover was noticed");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !last_ids
        .iter()
        .all(|id| watched.lock().unwrap().contains(id))
    {
        assert!(!watcher.is_finished(), "the watch ended at the failover");
        assert!(
            Instant::now() < deadline,
            "the watch missed the last pushes"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    watcher.abort();
    // The replica took the dead master's slots: the doomed queue still takes work.
    push_get(&mut c, &doomed, &sink.url("/after")).await;
    sink.wait_for(Some("/after"), 1, Duration::from_secs(10))
        .await;
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_one_killed_again_and_again_lose_nothing() {
    let redis = TestRedis::cluster(&[]);
    let sink = Sink::start().await;
    sink.script(
        "/d",
        vec![Reply::status(200).delay(Duration::from_millis(2))],
    );
    let flag = redis.flag();
    let args = [
        flag[0].as_str(),
        &flag[1],
        "--token",
        TOKEN,
        "--lease-margin-ms",
        "300",
    ];
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut procs: Vec<HtqProcess> = dirs
        .iter()
        .map(|d| HtqProcess::start(&args, d.path()))
        .collect();
    let mut c = client(procs[1].addr, Some(TOKEN)).await;
    // Queues on every master; at most 20 requests of each in flight.
    let queues: Vec<String> = (0..3).map(queue_on_master).collect();
    const CONCURRENCY: i32 = 20;
    for q in &queues {
        create_queue(&mut c, q, |q| {
            q.max_concurrency = CONCURRENCY;
            q.request_timeout = Some(ms_duration(1000));
        })
        .await;
    }
    const N: usize = 20_000;
    for (qi, q) in queues.iter().enumerate() {
        let mine: Vec<usize> = (0..N).filter(|i| i % 3 == qi).collect();
        for chunk in mine.chunks(500) {
            let tasks = chunk
                .iter()
                .map(|i| pb::TaskEntry {
                    request: Some(get(&sink.url(&format!("/d?n={i}")))),
                    ..Default::default()
                })
                .collect();
            c.push_tasks(pb::PushTasksRequest {
                queue: q.clone(),
                tasks,
            })
            .await
            .unwrap();
        }
    }
    // Process 0 is SIGKILLed and started again every 1.5 s until the drain ends.
    let started = Instant::now();
    let deadline = started + Duration::from_secs(180);
    let mut kills = 0;
    let seen = loop {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let seen = delivered(&sink, "/d");
        if seen.len() >= N || Instant::now() > deadline {
            break seen;
        }
        procs[0].signal(libc::SIGKILL);
        procs[0].wait(Duration::from_secs(5)).expect("killed");
        kills += 1;
        procs[0] = HtqProcess::start(&args, dirs[0].path());
    };
    let hits: usize = seen.values().sum();
    let dups = hits - seen.len();
    println!(
        "3 processes on a cluster, one SIGKILLed {kills} times: {N} tasks drained in {:?}, \
         {} delivered, {dups} duplicate deliveries, {} lost",
        started.elapsed(),
        seen.len(),
        N - seen.len()
    );
    assert_eq!(seen.len(), N, "tasks were lost");
    assert!(kills >= 2, "the drain ended before the kills: {kills}");
    // A duplicate is a task in flight at a kill: at most every queue's concurrency
    // per kill.
    let bound = kills * 3 * CONCURRENCY as usize;
    assert!(
        dups <= bound,
        "{dups} duplicates for {kills} kills (bound {bound})"
    );
}

#[tokio::test]
async fn a_cluster_that_wants_a_password_gets_it_from_the_url_template() {
    let redis = TestRedis::cluster(&["--requirepass", "pw-7", "--masterauth", "pw-7"]);
    let sink = Sink::start().await;
    let mut cfg = test_config(&redis);
    // The nodes as host:port; the template gives the scheme and the password.
    cfg.redis_url = Some("redis://:pw-7@/".into());
    let htq = TestHtq::start_with(cfg.clone()).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    for i in 0..3 {
        let q = queue_on_master(i);
        create_queue(&mut c, &q, |_| {}).await;
        push_get(&mut c, &q, &sink.url(&format!("/auth{i}"))).await;
    }
    for i in 0..3 {
        sink.wait_for(Some(&format!("/auth{i}")), 1, Duration::from_secs(10))
            .await;
    }
    htq.stop().await;
    // A wrong password stops the start, with a message that names the cluster
    // but not the password.
    cfg.redis_url = Some("redis://:wrong-pw@/".into());
    let data = tempfile::tempdir().unwrap();
    cfg.data_dir = data.path().to_path_buf();
    let err = match htq::server::Server::start(cfg).await {
        Ok(_) => panic!("started with a wrong password"),
        Err(e) => format!("{e:#}"),
    };
    assert!(err.contains("Redis Cluster"), "{err}");
    assert!(!err.contains("wrong-pw"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wake_ups_travel_on_each_queues_shard_channel() {
    let redis = TestRedis::cluster(&[]);
    let sink = Sink::start().await;
    let flag = redis.flag();
    let dir = tempfile::tempdir().unwrap();
    let _htq = HtqProcess::start(&[flag[0].as_str(), &flag[1], "--token", TOKEN], dir.path());
    // Another HTQ's store: its queue creation is announced on the common channel,
    // its pushes go out on the queue's own channel.
    let other = redis
        .store("htq", htq::store::StoreOptions::default())
        .await;
    let q = queue_on_master(1);
    let mut queue = htq::model::Queue::new(q.clone(), htq::model::QueueKind::RealTime);
    queue.created_ms = now_ms();
    assert!(other.create_queue(&queue).await.unwrap());
    let channel = format!("htq:{{{q}}}:wake");
    let mut master = redis::Client::open(format!("redis://{}", redis.nodes()[1]))
        .unwrap()
        .get_connection()
        .unwrap();
    let followers = |node: &mut redis::Connection| -> i64 {
        let (_, n): (String, i64) = redis::cmd("PUBSUB")
            .arg("SHARDNUMSUB")
            .arg(&channel)
            .query(node)
            .unwrap();
        n
    };
    // Followed at once: well before the queue list is read again (10 s).
    let since = Instant::now();
    while followers(&mut master) < 1 {
        assert!(
            since.elapsed() < Duration::from_secs(3),
            "the new queue's channel was not followed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let publishes = || redis.command_calls(|c| c == "publish");
    let (classic, sharded) = (publishes(), redis.command_calls(|c| c == "spublish"));
    // A push by the other store wakes the process through the shard channel: it
    // had no timer for the queue, so only the wake-up brings the task out soon.
    let pushed = Instant::now();
    let (id, created_ms) = htq::model::new_task_id();
    let row = htq::store::NewRow {
        id,
        due_ms: now_ms(),
        created_ms,
        request: htq::model::HttpRequest {
            method: "GET".into(),
            url: sink.url("/woken"),
            ..Default::default()
        },
        ..Default::default()
    };
    other.push(&q, &[row], None, false, now_ms()).await.unwrap();
    sink.wait_for(Some("/woken"), 1, Duration::from_secs(1))
        .await;
    println!("delivered {:?} after the push", pushed.elapsed());
    assert!(redis.command_calls(|c| c == "spublish") > sharded);
    assert_eq!(publishes(), classic, "a queue's wake-up went to every node");
}
