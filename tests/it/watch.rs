//! WatchQueue: live events in order, resume from a cursor, gaps, filters, stats,
//! every queue at once, events from another HTQ process, and slow clients.

use std::time::Duration;

use htq::api::pb;
use pb::watch_queue_response::Item;
use tonic::Code;

use crate::common::*;

type Watch = tonic::Streaming<pb::WatchQueueResponse>;

async fn watch(c: &mut Client, req: pb::WatchQueueRequest) -> Watch {
    c.watch_queue(req).await.unwrap().into_inner()
}

fn of(queue: &str) -> pb::WatchQueueRequest {
    pb::WatchQueueRequest {
        queue: queue.into(),
        ..Default::default()
    }
}

/// The next item, waiting at most `within`.
async fn next(w: &mut Watch, within: Duration) -> Option<Item> {
    tokio::time::timeout(within, w.message())
        .await
        .ok()
        .and_then(|m| m.unwrap())
        .and_then(|r| r.item)
}

/// The next `n` events (skipping stats), or panics after 5 s.
async fn events(w: &mut Watch, n: usize) -> Vec<pb::QueueEvent> {
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while out.len() < n {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match next(w, left).await {
            Some(Item::Event(e)) => out.push(e),
            Some(_) => {}
            None => panic!("got {} of {n} events: {out:?}", out.len()),
        }
    }
    out
}

fn kind(e: &pb::QueueEvent) -> pb::EventKind {
    pb::EventKind::try_from(e.kind).unwrap()
}

fn kinds_of(events: &[pb::QueueEvent]) -> Vec<(pb::EventKind, String)> {
    events
        .iter()
        .map(|e| (kind(e), e.task_id.clone()))
        .collect()
}

#[tokio::test]
async fn watch_sees_pushes_and_deliveries_in_order() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/fail", vec![Reply::status(503), Reply::status(200)]);
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "w", |q| {
        q.retry = Some(pb::RetryPolicy {
            min_backoff: Some(ms_duration(50)),
            ..Default::default()
        })
    })
    .await;
    let mut w = watch(c, of("w")).await;
    let a = push_get(c, "w", &sink.url("/ok")).await;
    let b = push_get(c, "w", &sink.url("/fail")).await;
    let got = events(&mut w, 7).await;
    use pb::EventKind::*;
    // Each task's own events in order (the two tasks interleave).
    let of_task = |id: &str| {
        got.iter()
            .filter(|e| e.task_id == id)
            .map(kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(of_task(&a), [Pushed, Started, Succeeded]);
    assert_eq!(of_task(&b), [Pushed, Started, Retrying, Started]);
    let retrying = got.iter().find(|e| kind(e) == Retrying).unwrap();
    assert_eq!((retrying.status, retrying.attempt), (503, 1));
    assert!(retrying.schedule_time.is_some());
    let succeeded = got.iter().find(|e| kind(e) == Succeeded).unwrap();
    assert_eq!(succeeded.status, 200);
    assert_eq!(got.last().unwrap().attempt, 2);
    // Cursors increase; times are now.
    for pair in got.windows(2) {
        let id = |e: &pb::QueueEvent| {
            let (ms, seq) = e.cursor.split_once('-').unwrap();
            (ms.parse::<u64>().unwrap(), seq.parse::<u64>().unwrap())
        };
        assert!(id(&pair[0]) < id(&pair[1]));
    }
    assert!((got[0].time.unwrap().seconds * 1000 - now_ms()).abs() < 10_000);
    let done = events(&mut w, 1).await;
    assert_eq!(kinds_of(&done), [(Succeeded, b.clone())]);
    // Queue events too.
    c.pause_queue(pb::PauseQueueRequest { name: "w".into() })
        .await
        .unwrap();
    c.purge_queue(pb::PurgeQueueRequest { name: "w".into() })
        .await
        .unwrap();
    let q = events(&mut w, 2).await;
    assert_eq!(kind(&q[0]), Paused);
    assert_eq!((kind(&q[1]), q[1].count), (Purged, 0));
    // Bad input.
    let err = c.watch_queue(of("nope")).await.unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    let err = c
        .watch_queue(pb::WatchQueueRequest {
            queue: "w".into(),
            cursor: "yesterday".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("cursor:"), "{}", err.message());
    htq.stop().await;
}

#[tokio::test]
async fn resume_from_a_cursor_yields_exactly_the_missed_events() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "r", |q| q.max_concurrency = 4).await;
    let mut w = watch(c, of("r")).await;
    for _ in 0..3 {
        push_get(c, "r", &sink.url("/r")).await;
    }
    let first = events(&mut w, 9).await;
    drop(w);
    // While nobody watches, more happens.
    let mut ids = Vec::new();
    for _ in 0..4 {
        ids.push(push_get(c, "r", &sink.url("/r")).await);
    }
    sink.wait_for(Some("/r"), 7, Duration::from_secs(3)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Resuming after the 5th event gives the 6th onwards, each exactly once.
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            queue: "r".into(),
            cursor: first[4].cursor.clone(),
            ..Default::default()
        },
    )
    .await;
    let again = events(&mut w, 4 + 12).await;
    assert_eq!(kinds_of(&again[..4]), kinds_of(&first[5..]));
    assert_eq!(again[0].cursor, first[5].cursor);
    let later: Vec<_> = again[4..].iter().map(|e| e.task_id.clone()).collect();
    for id in &ids {
        assert_eq!(later.iter().filter(|t| *t == id).count(), 3, "{id}");
    }
    assert!(next(&mut w, Duration::from_millis(300)).await.is_none());
    // Filters: one task, some kinds.
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            queue: "r".into(),
            cursor: first[0].cursor.clone(),
            task_id: ids[1].clone(),
            kinds: vec![pb::EventKind::Succeeded as i32],
            ..Default::default()
        },
    )
    .await;
    let only = events(&mut w, 1).await;
    assert_eq!(
        kinds_of(&only),
        [(pb::EventKind::Succeeded, ids[1].clone())]
    );
    assert!(next(&mut w, Duration::from_millis(300)).await.is_none());
    htq.stop().await;
}

#[tokio::test]
async fn a_cursor_older_than_the_stream_gets_a_gap_message() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "g", |q| {
        q.paused = true;
        q.max_events = 10;
    })
    .await;
    let mut w = watch(c, of("g")).await;
    let url = "http://127.0.0.1:9/g";
    let first = push_get(c, "g", url).await;
    let e = events(&mut w, 1).await;
    assert_eq!(e[0].task_id, first);
    drop(w);
    // Enough events that Redis trims whole blocks (100 entries) of the capped stream.
    for _ in 0..250 {
        push_get(c, "g", url).await;
    }
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            queue: "g".into(),
            cursor: e[0].cursor.clone(),
            ..Default::default()
        },
    )
    .await;
    match next(&mut w, Duration::from_secs(3)).await {
        Some(Item::Gap(g)) => {
            assert_eq!(g.queue, "g");
            assert_eq!(g.from_cursor, e[0].cursor);
            assert!(g.resume_cursor > g.from_cursor);
        }
        other => panic!("expected a gap first, got {other:?}"),
    }
    // Then events go on: the oldest still held, up to the last push.
    let rest = events(&mut w, 1).await;
    assert_eq!(kind(&rest[0]), pb::EventKind::Pushed);
    htq.stop().await;
}

#[tokio::test]
async fn every_queue_at_once_and_events_of_another_process() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let data = tempfile::tempdir().unwrap();
    let flag = redis.flag();
    let other = HtqProcess::start(&[&flag[0], &flag[1], "--token", TOKEN], data.path());
    let mut htq = TestHtq::start(&redis).await;
    let mut co = client(other.addr, Some(TOKEN)).await;
    create_queue(&mut co, "a", |_| {}).await;
    create_queue(&mut co, "b", |_| {}).await;
    let c = &mut htq.client;
    let mut w = watch(c, pb::WatchQueueRequest::default()).await;
    // Pushed through the other process (which may also perform them).
    let ta = push_get(&mut co, "a", &sink.url("/a")).await;
    let tb = push_get(&mut co, "b", &sink.url("/b")).await;
    let got = events(&mut w, 6).await;
    let pushed: Vec<_> = got
        .iter()
        .filter(|e| kind(e) == pb::EventKind::Pushed)
        .map(|e| (e.queue.clone(), e.task_id.clone()))
        .collect();
    assert_eq!(pushed, [("a".to_owned(), ta.clone()), ("b".to_owned(), tb)]);
    assert!(got.iter().all(|e| e.cursor.contains('/')));
    // A queue created after the watch began is followed too.
    create_queue(&mut co, "c", |_| {}).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let tc = push_get(&mut co, "c", &sink.url("/c")).await;
    let more = events(&mut w, 3).await;
    assert_eq!(
        (more[0].queue.as_str(), more[0].task_id.as_str()),
        ("c", tc.as_str())
    );
    drop(w);
    // Resume every queue from the first event: the rest, in the same order.
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            cursor: got[0].cursor.clone(),
            ..Default::default()
        },
    )
    .await;
    let again = events(&mut w, 8).await;
    let cursors = |v: &[pb::QueueEvent]| v.iter().map(|e| e.cursor.clone()).collect::<Vec<_>>();
    assert_eq!(cursors(&again[..5]), cursors(&got[1..]));
    assert_eq!(cursors(&again[5..]), cursors(&more));
    htq.stop().await;
}

#[tokio::test]
async fn a_client_that_stops_reading_does_not_hold_dispatch_back() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let mut reader = client(htq.addr, Some(TOKEN)).await;
    let c = &mut htq.client;
    create_queue(c, "s", |q| q.max_concurrency = 50).await;
    // Opened, then never read while 2,000 tasks go through.
    let mut stalled = watch(&mut reader, of("s")).await;
    let tasks: Vec<_> = (0..1000)
        .map(|_| pb::TaskEntry {
            request: Some(get(&sink.url("/s"))),
            ..Default::default()
        })
        .collect();
    for _ in 0..2 {
        c.push_tasks(pb::PushTasksRequest {
            queue: "s".into(),
            tasks: tasks.clone(),
        })
        .await
        .unwrap();
    }
    sink.wait_for(Some("/s"), 2000, Duration::from_secs(20))
        .await;
    // Another watcher is served meanwhile, with stats.
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            queue: "s".into(),
            stats_interval: Some(ms_duration(200)),
            ..Default::default()
        },
    )
    .await;
    match next(&mut w, Duration::from_secs(2)).await {
        Some(Item::Stats(s)) => {
            assert_eq!(s.queue, "s");
            assert!(s.counts.is_some());
        }
        other => panic!("expected stats, got {other:?}"),
    }
    // The stalled one still gets everything, in order, from where it stood.
    let first = events(&mut stalled, 3).await;
    assert_eq!(kind(&first[0]), pb::EventKind::Pushed);
    htq.stop().await;
}

#[tokio::test]
async fn a_batch_is_one_entry_with_an_event_and_a_cursor_per_task() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "b", |q| q.paused = true).await;
    let mut w = watch(c, of("b")).await;
    let tasks: Vec<_> = (0..4)
        .map(|i| pb::TaskEntry {
            request: Some(get("http://127.0.0.1:9/b")),
            when: (i % 2 == 1).then(|| pb::task_entry::When::Delay(ms_duration(60_000))),
            ..Default::default()
        })
        .collect();
    let ids = c
        .push_tasks(pb::PushTasksRequest {
            queue: "b".into(),
            tasks,
        })
        .await
        .unwrap()
        .into_inner()
        .task_ids;
    let got = events(&mut w, 4).await;
    // Due now first (one entry), then the scheduled ones (another), each task once.
    assert_eq!(
        kinds_of(&got),
        [
            (pb::EventKind::Pushed, ids[0].clone()),
            (pb::EventKind::Pushed, ids[2].clone()),
            (pb::EventKind::Scheduled, ids[1].clone()),
            (pb::EventKind::Scheduled, ids[3].clone()),
        ]
    );
    assert!(got[2].schedule_time.is_some() && got[0].schedule_time.is_none());
    assert!(got[0].cursor.ends_with(".0") && got[1].cursor.ends_with(".1"));
    assert_eq!(
        got[0].cursor.split('.').next(),
        got[1].cursor.split('.').next()
    );
    // Resuming in the middle of an entry gives the rest of it, and nothing twice.
    drop(w);
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            queue: "b".into(),
            cursor: got[0].cursor.clone(),
            ..Default::default()
        },
    )
    .await;
    let rest = events(&mut w, 3).await;
    let cursors: Vec<_> = rest.iter().map(|e| e.cursor.clone()).collect();
    let want: Vec<_> = got[1..].iter().map(|e| e.cursor.clone()).collect();
    assert_eq!(cursors, want);
    assert!(next(&mut w, Duration::from_millis(300)).await.is_none());
    // Every queue: the same, with the queue in the cursor.
    let mut w = watch(
        c,
        pb::WatchQueueRequest {
            cursor: format!("{}/b", got[2].cursor),
            ..Default::default()
        },
    )
    .await;
    let last = events(&mut w, 1).await;
    assert_eq!(last[0].cursor, format!("{}/b", got[3].cursor));
    htq.stop().await;
}

#[tokio::test]
async fn a_watcher_that_falls_behind_the_cap_is_told_so() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    // A reader whose transport buffers next to nothing, so not reading stalls the
    // watch at once.
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", htq.addr))
        .unwrap()
        .initial_stream_window_size(Some(1024))
        .initial_connection_window_size(Some(1024))
        .connect()
        .await
        .unwrap();
    let header: tonic::metadata::MetadataValue<_> = format!("Bearer {TOKEN}").parse().unwrap();
    let mut other = pb::htq_service_client::HtqServiceClient::with_interceptor(
        channel,
        move |mut req: tonic::Request<()>| {
            req.metadata_mut().insert("authorization", header.clone());
            Ok(req)
        },
    );
    let c = &mut htq.client;
    create_queue(c, "slow", |q| {
        q.paused = true;
        q.max_events = 150;
    })
    .await;
    // Opened, then not read while 1,500 events go into a stream that keeps ~150.
    let mut w = other.watch_queue(of("slow")).await.unwrap().into_inner();
    for _ in 0..1500 {
        push_get(c, "slow", "http://127.0.0.1:9/slow").await;
    }
    let mut gaps = 0;
    let mut events = 0;
    let mut last = String::new();
    while let Some(item) = next(&mut w, Duration::from_millis(500)).await {
        match item {
            Item::Gap(g) => {
                gaps += 1;
                assert!(g.resume_cursor > g.from_cursor, "{g:?}");
            }
            Item::Event(e) => {
                events += 1;
                let id = |c: &str| {
                    let (ms, seq) = c.split_once('-').unwrap();
                    (ms.parse::<u64>().unwrap(), seq.parse::<u64>().unwrap())
                };
                let entry = |c: &str| c.split('.').next().unwrap().to_owned();
                if !last.is_empty() {
                    assert!(id(&entry(&last)) <= id(&entry(&e.cursor)));
                }
                last = e.cursor;
            }
            Item::Stats(_) => {}
        }
    }
    assert!(
        gaps >= 1,
        "no gap message after falling behind ({events} events)"
    );
    assert!(events < 1500, "{events} events");
    htq.stop().await;
}

#[tokio::test]
async fn every_queue_cursors_are_ascii_whatever_the_queue_name() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "队列 café", |q| q.paused = true).await;
    let mut w = watch(c, pb::WatchQueueRequest::default()).await;
    let first = push_get(c, "队列 café", "http://127.0.0.1:9/x").await;
    let second = push_get(c, "队列 café", "http://127.0.0.1:9/x").await;
    let got = events(&mut w, 2).await;
    assert_eq!(got[0].task_id, first);
    assert!(got[0].cursor.is_ascii(), "{}", got[0].cursor);
    // Resuming from it, over SSE with Last-Event-ID, gives the second.
    let resp = reqwest::Client::new()
        .get(format!("http://{}/v1/events", htq.addr))
        .bearer_auth(TOKEN)
        .header("Last-Event-ID", &got[0].cursor)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let mut body = resp.bytes_stream();
    use futures::StreamExt;
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !text.contains("\n\n") {
        let chunk = tokio::time::timeout_at(deadline, body.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        text.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    assert!(text.contains(&second), "{text}");
    assert!(text.contains(&format!("id: {}", got[1].cursor)), "{text}");
    htq.stop().await;
}

/// A watch with nothing to say for longer than the store's reply timeout (10 s)
/// stays open, without an error, and hands out the next event.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_watch_stays_open() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "idle", |_| {}).await;
    let mut w = watch(c, of("idle")).await;
    // 23 s of silence: two of the reader's longest blocking reads and more.
    let silent = tokio::time::timeout(Duration::from_secs(23), w.message()).await;
    assert!(silent.is_err(), "the idle watch said {silent:?}");
    let id = schedule_get(c, "idle", &sink.url("/later"), 60_000).await;
    let got = events(&mut w, 1).await;
    assert_eq!(
        (kind(&got[0]), got[0].task_id.as_str()),
        (pb::EventKind::Scheduled, id.as_str())
    );
    htq.stop().await;
}
