//! Partitioned queues: one queue spread over several hash tags (on a cluster, over
//! several shards), with flow-key order, per-key limits and the queue-wide limits
//! held across its partitions, as the proto's `Queue.partitions` says.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use htq::api::pb;
use pb::watch_queue_response::Item;
use tonic::Code;

use crate::common::*;

/// A keyed GET entry of `url`.
fn entry(url: &str, flow: &str) -> pb::TaskEntry {
    pb::TaskEntry {
        request: Some(get(url)),
        flow_key: flow.into(),
        ..Default::default()
    }
}

async fn push_entries(c: &mut Client, queue: &str, tasks: Vec<pb::TaskEntry>) -> Vec<String> {
    c.push_tasks(pb::PushTasksRequest {
        queue: queue.into(),
        tasks,
    })
    .await
    .unwrap()
    .into_inner()
    .task_ids
}

/// The key of the tasks of partition `i` of `n` of `queue`.
fn tasks_key(queue: &str, i: u32, n: u32) -> String {
    format!("htq:{{{queue}%1F{i}/{n}}}:tasks")
}

fn hlen(redis: &TestRedis, key: &str) -> u64 {
    redis::cmd("HLEN")
        .arg(key)
        .query(&mut redis.conn())
        .unwrap()
}

/// The masters (by node id) that hold `keys`' slots.
fn masters_of(redis: &TestRedis, keys: &[String]) -> HashSet<String> {
    let nodes: String = redis::cmd("CLUSTER")
        .arg("NODES")
        .query(&mut redis.conn())
        .unwrap();
    let mut owners = HashSet::new();
    for key in keys {
        let slot = htq::store::slot(key);
        let owner = nodes.lines().find(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            f.len() > 8
                && f[2].contains("master")
                && f[8..].iter().any(|r| {
                    let (a, b) = r.split_once('-').unwrap_or((r, r));
                    (a.parse().unwrap_or(u16::MAX)..=b.parse().unwrap_or(0)).contains(&slot)
                })
        });
        owners.insert(
            owner
                .expect("a master holds the slot")
                .split(' ')
                .next()
                .unwrap()
                .to_owned(),
        );
    }
    owners
}

/// A queue of `n` partitions and a concurrency of one per partition.
async fn create_partitioned(c: &mut Client, name: &str, n: i32) {
    create_queue(c, name, |q| {
        q.max_concurrency = n;
        q.partitions = n;
    })
    .await;
}

fn hget(redis: &TestRedis, key: &str, field: &str) -> Option<String> {
    redis::cmd("HGET")
        .arg(key)
        .arg(field)
        .query(&mut redis.conn())
        .unwrap()
}

#[tokio::test]
async fn a_partitioned_queue_keeps_flow_order_key_limits_and_its_queue_wide_cap() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/p",
        vec![Reply::status(200).delay(Duration::from_millis(40))],
    );
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "p", |q| {
        q.max_concurrency = 6;
        q.partitions = 3;
        q.flow = Some(pb::FlowControl {
            max_concurrency: 1,
            ..Default::default()
        });
    })
    .await;
    c.pause_queue(pb::PauseQueueRequest { name: "p".into() })
        .await
        .unwrap();
    // 8 keys of 10 ordered tasks each, interleaved, and 30 tasks without a key.
    let mut tasks = Vec::new();
    for n in 0..10 {
        for k in 0..8 {
            tasks.push(entry(
                &sink.url(&format!("/p?key=k{k}&n={n}")),
                &format!("k{k}"),
            ));
        }
    }
    for n in 0..30 {
        tasks.push(entry(&sink.url(&format!("/p?key=none&n={n}")), ""));
    }
    let ids = push_entries(c, "p", tasks).await;
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 110);

    // Spread: every partition holds tasks; the keyless ones go round (10 each).
    let held: Vec<u64> = (0..3)
        .map(|i| hlen(&redis, &tasks_key("p", i, 3)))
        .collect();
    assert_eq!(held.iter().sum::<u64>(), 110, "{held:?}");
    assert!(held.iter().all(|h| *h >= 10), "{held:?}");
    if redis.is_cluster() {
        // On a cluster, the partitions live on more than one master.
        let owners = masters_of(
            &redis,
            &(0..3).map(|i| tasks_key("p", i, 3)).collect::<Vec<_>>(),
        );
        assert!(owners.len() >= 2, "{owners:?}");
    }
    // The queue's own keys hold no task, and its settings say how it is split.
    assert_eq!(hlen(&redis, "htq:{p}:tasks"), 0);
    assert_eq!(
        hget(&redis, "htq:{p}:queue", "partitions").as_deref(),
        Some("3")
    );
    let shares: Vec<String> = (0..3)
        .map(|i| {
            hget(
                &redis,
                &format!("htq:{{p%1F{i}/3}}:queue"),
                "max_concurrency",
            )
            .unwrap()
        })
        .collect();
    assert_eq!(shares, ["2", "2", "2"]);

    // Reads see one queue: counts summed, pages running across partitions.
    let counted = c
        .count_tasks(pb::CountTasksRequest { queue: "p".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(counted.due, 110);
    let mut listed = HashSet::new();
    let mut token = String::new();
    for _ in 0..10 {
        let page = c
            .list_tasks(pb::ListTasksRequest {
                queue: "p".into(),
                state: pb::TaskState::Due as i32,
                page_size: 40,
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        listed.extend(page.tasks.into_iter().map(|t| t.id));
        token = page.next_page_token;
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(listed, ids.iter().cloned().collect::<HashSet<_>>());
    let one = c
        .get_task(pb::GetTaskRequest {
            queue: "p".into(),
            id: ids[57].clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(one.id, ids[57]);
    let queues = c
        .list_queues(pb::ListQueuesRequest::default())
        .await
        .unwrap()
        .into_inner();
    let names: Vec<&str> = queues.queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["p"]);
    assert_eq!(queues.queues[0].partitions, 3);
    assert_eq!(queues.queues[0].max_concurrency, 6);

    c.resume_queue(pb::ResumeQueueRequest { name: "p".into() })
        .await
        .unwrap();
    let hits = sink
        .wait_for(Some("/p"), 110, Duration::from_secs(30))
        .await;
    assert_eq!(hits.len(), 110);
    let param = |h: &Hit, name: &str| {
        h.uri
            .split(['?', '&'])
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")).map(str::to_owned))
            .unwrap()
    };
    let mut by_key: HashMap<String, Vec<&Hit>> = HashMap::new();
    for h in &hits {
        by_key.entry(param(h, "key")).or_default().push(h);
    }
    for k in 0..8 {
        let of_key = &by_key[&format!("k{k}")];
        // Each key's tasks in push order, one at a time (40 ms each).
        let order: Vec<u32> = of_key
            .iter()
            .map(|h| param(h, "n").parse().unwrap())
            .collect();
        assert_eq!(order, (0..10).collect::<Vec<_>>(), "key k{k}");
        for w in of_key.windows(2) {
            assert!(
                w[1].at - w[0].at >= Duration::from_millis(35),
                "key k{k}: two in flight at once"
            );
        }
    }
    // The queue-wide cap held across partitions, and more than one partition ran
    // at once (each alone may have 2 in flight).
    let most = sink.max_in_flight();
    assert!((3..=6).contains(&most), "{most} in flight at once");
    htq.stop().await;
}

#[tokio::test]
async fn a_partitioned_queue_shares_its_rate() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    // 20/s with a burst of 2 over 2 partitions: 10/s and a burst of 1 each.
    create_queue(c, "r", |q| {
        q.max_concurrency = 10;
        q.partitions = 2;
        q.max_dispatches_per_second = 20.0;
        q.max_burst = 2;
    })
    .await;
    let tasks = (0..50)
        .map(|n| entry(&sink.url(&format!("/r?n={n}")), ""))
        .collect();
    push_entries(c, "r", tasks).await;
    let hits = sink.wait_for(Some("/r"), 50, Duration::from_secs(10)).await;
    let mut times: Vec<_> = hits.iter().map(|h| h.at).collect();
    times.sort();
    let mut most = 0;
    let mut lo = 0;
    for hi in 0..times.len() {
        while times[hi] - times[lo] >= Duration::from_secs(1) {
            lo += 1;
        }
        most = most.max(hi - lo + 1);
    }
    assert!(most <= 22, "{most} dispatches within one second");
    // Both partitions ran: at one partition's 10/s, 50 tasks take 5 s.
    let took = times[49] - times[0];
    assert!(took < Duration::from_millis(3500), "took {took:?}");
    htq.stop().await;
}

#[tokio::test]
async fn partitions_are_fixed_need_a_share_each_and_act_as_one_queue() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let before = redis.keys();
    // A share of less than one per partition; more than 64 partitions.
    for (max_concurrency, partitions, field) in [
        (2, 4, "queue.max_concurrency:"),
        (100, 65, "queue.partitions:"),
    ] {
        let q = pb::Queue {
            name: "x".into(),
            max_concurrency,
            partitions,
            ..Default::default()
        };
        let err = c
            .create_queue(pb::CreateQueueRequest { queue: Some(q) })
            .await
            .unwrap_err();
        assert_eq!(err.code(), Code::InvalidArgument);
        assert!(err.message().starts_with(field), "{}", err.message());
    }
    assert_eq!(redis.keys(), before, "a refused queue left keys");

    create_queue(c, "q", |q| {
        q.max_concurrency = 4;
        q.partitions = 2;
    })
    .await;
    c.pause_queue(pb::PauseQueueRequest { name: "q".into() })
        .await
        .unwrap();
    for i in 0..2 {
        assert_eq!(
            hget(&redis, &format!("htq:{{q%1F{i}/2}}:queue"), "paused").as_deref(),
            Some("1")
        );
    }
    // Changing the count is refused, with or without tasks; other settings reach
    // every partition as shares.
    let update = |q: pb::Queue, paths: &[&str]| pb::UpdateQueueRequest {
        queue: Some(q),
        update_mask: Some(pbjson_types::FieldMask {
            paths: paths.iter().map(|p| p.to_string()).collect(),
        }),
    };
    let err = c
        .update_queue(update(
            pb::Queue {
                name: "q".into(),
                partitions: 3,
                ..Default::default()
            },
            &["partitions"],
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().starts_with("queue.partitions:"),
        "{}",
        err.message()
    );
    assert!(err.message().contains("fixed"), "{}", err.message());
    c.update_queue(update(
        pb::Queue {
            name: "q".into(),
            max_concurrency: 5,
            ..Default::default()
        },
        &["max_concurrency"],
    ))
    .await
    .unwrap();
    let shares: Vec<Option<String>> = (0..2)
        .map(|i| {
            hget(
                &redis,
                &format!("htq:{{q%1F{i}/2}}:queue"),
                "max_concurrency",
            )
        })
        .collect();
    assert_eq!(shares, [Some("3".into()), Some("2".into())]);

    // Ids and idempotency keys stay unique across partitions.
    let chosen = |id: &str, idem: &str| pb::PushTaskRequest {
        queue: "q".into(),
        request: Some(get(&sink.url("/q"))),
        task_id: id.into(),
        idempotency_key: idem.into(),
        ..Default::default()
    };
    c.push_task(chosen("mine", "")).await.unwrap();
    let err = c.push_task(chosen("mine", "")).await.unwrap_err();
    assert_eq!(err.code(), Code::AlreadyExists);
    let first = c.push_task(chosen("", "once")).await.unwrap().into_inner();
    for _ in 0..5 {
        let again = c.push_task(chosen("", "once")).await.unwrap().into_inner();
        assert_eq!(again.task_id, first.task_id);
    }
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for _ in 0..6 {
            ids.push(push_get(c, "q", &sink.url("/q")).await);
        }
        ids
    };
    // Task calls find a task in whichever partition holds it.
    for id in &ids[..3] {
        c.cancel_task(pb::CancelTaskRequest {
            queue: "q".into(),
            id: id.clone(),
        })
        .await
        .unwrap();
    }
    let counted = c
        .count_tasks(pb::CountTasksRequest { queue: "q".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(counted.due, 5, "mine, once and 3 of 6");
    c.resume_queue(pb::ResumeQueueRequest { name: "q".into() })
        .await
        .unwrap();
    sink.wait_for(Some("/q"), 5, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(sink.hits_on("/q").len(), 5);

    // Deleted, and re-created with another count: this process routed by the old
    // count, finds out, and pushes by the new one.
    c.delete_queue(pb::DeleteQueueRequest { name: "q".into() })
        .await
        .unwrap();
    assert!(
        redis.keys().iter().all(|k| !k.starts_with("htq:{q")),
        "{:?}",
        redis.keys()
    );
    create_queue(c, "q", |q| {
        q.max_concurrency = 3;
        q.partitions = 3;
    })
    .await;
    for _ in 0..6 {
        push_get(c, "q", &sink.url("/q2")).await;
    }
    sink.wait_for(Some("/q2"), 6, Duration::from_secs(10)).await;
    c.delete_queue(pb::DeleteQueueRequest { name: "q".into() })
        .await
        .unwrap();
    create_queue(c, "q", |q| q.max_concurrency = 3).await;
    push_get(c, "q", &sink.url("/q3")).await;
    sink.wait_for(Some("/q3"), 1, Duration::from_secs(10)).await;
    htq.stop().await;
}

#[tokio::test]
async fn a_partitioned_queue_is_watched_as_one() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_partitioned(c, "w", 4).await;
    let mut w = c
        .watch_queue(pb::WatchQueueRequest {
            queue: "w".into(),
            kinds: vec![pb::EventKind::Succeeded as i32],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut ids = HashSet::new();
    for _ in 0..8 {
        ids.insert(push_get(c, "w", &sink.url("/w")).await);
    }
    let mut seen = HashSet::new();
    let mut cursor = String::new();
    let mut first = HashSet::new();
    while seen.len() < 8 {
        let item = tokio::time::timeout(Duration::from_secs(10), w.message())
            .await
            .expect("events within 10 s")
            .unwrap()
            .and_then(|m| m.item);
        if let Some(Item::Event(e)) = item {
            assert_eq!(e.queue, "w");
            seen.insert(e.task_id.clone());
            if seen.len() == 4 {
                cursor = e.cursor.clone();
                first = seen.clone();
            }
        }
    }
    assert_eq!(seen, ids);
    // A cursor resumes across every partition: the 4 events after it come again.
    let mut again = c
        .watch_queue(pb::WatchQueueRequest {
            queue: "w".into(),
            kinds: vec![pb::EventKind::Succeeded as i32],
            cursor,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut after = HashSet::new();
    while after.len() < 4 {
        let item = tokio::time::timeout(Duration::from_secs(10), again.message())
            .await
            .expect("events within 10 s")
            .unwrap()
            .and_then(|m| m.item);
        if let Some(Item::Event(e)) = item {
            after.insert(e.task_id);
        }
    }
    assert_eq!(after, &ids - &first);
    htq.stop().await;
}

#[tokio::test]
async fn cron_ticks_once_into_a_partition_of_a_partitioned_queue() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_partitioned(c, "pc", 4).await;
    c.create_schedule(pb::CreateScheduleRequest {
        schedule: Some(pb::Schedule {
            name: "every-second".into(),
            queue: "pc".into(),
            cron: "* * * * * *".into(),
            request: Some(get(&sink.url("/tick"))),
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    let created = std::time::Instant::now();
    tokio::time::sleep_until((created + Duration::from_secs(3)).into()).await;
    c.delete_schedule(pb::DeleteScheduleRequest {
        name: "every-second".into(),
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let hits = sink.hits_on("/tick");
    assert!((2..=4).contains(&hits.len()), "{} runs in 3 s", hits.len());
    for w in hits.windows(2) {
        let gap = w[1].at - w[0].at;
        assert!(gap > Duration::from_millis(700), "{gap:?}");
    }
    // Each tick went to the one partition the schedule's name picks, as the task
    // header names the queue, not the partition.
    assert!(hits.iter().all(|h| h.header("x-htq-queue") == Some("pc")));
    let p = htq::model::Partition::route("every-second", 4);
    let held: u64 = redis::cmd("HLEN")
        .arg(format!("htq:{{pc%1F{p}/4}}:cron"))
        .query(&mut redis.conn())
        .unwrap();
    assert_eq!(held, 1, "the partition records the schedule's last tick");
    htq.stop().await;
}
