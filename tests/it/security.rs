//! Security: the egress policy (no request to internal targets, HTQ itself or its
//! Redis, in any spelling or through a redirect), and the hop limit.

use std::time::Duration;

use htq::api::pb;
use htq::dispatch::egress::{Policy, Preset};

use crate::common::*;

/// Waits until task `id` of `queue` is dead; returns it.
async fn dead_task(c: &mut Client, queue: &str, id: &str) -> pb::Task {
    task_in(c, queue, id, pb::TaskState::Dead).await
}

/// A queue that would retry five times: a refusal must not.
async fn retrying_queue(c: &mut Client, name: &str) {
    create_queue(c, name, |q| {
        q.max_concurrency = 8;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 5,
            min_backoff: Some(ms_duration(10)),
            ..Default::default()
        });
    })
    .await;
}

#[tokio::test]
async fn strict_policy_refuses_loopback_in_every_spelling_for_good() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut cfg = test_config(&redis);
    cfg.egress = Policy::new(Preset::Strict, vec![], vec![]);
    let mut htq = TestHtq::start_with(cfg).await;
    let c = &mut htq.client;
    retrying_queue(c, "s").await;
    let port = sink.addr.port();
    for host in [
        "127.0.0.1",
        "127.0.0.2",
        "127.1",
        "0x7f.0.0.1",
        "2130706433",
        "[::ffff:127.0.0.1]",
        "localhost",
    ] {
        let id = push_get(c, "s", &format!("http://{host}:{port}/secret")).await;
        let t = dead_task(c, "s", &id).await;
        assert_eq!(t.attempts, 1, "{host}: refused once, not retried");
        assert!(
            t.last_error.starts_with("refused by the egress policy")
                && t.last_error.contains("strict policy"),
            "{host}: {}",
            t.last_error
        );
    }
    assert!(
        sink.hits().is_empty(),
        "the sink was reached: {:?}",
        sink.hits()
    );
    htq.stop().await;
}

#[tokio::test]
async fn default_policy_keeps_tasks_from_htq_itself_redis_and_metadata() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let addr = htq.addr;
    let redis_port = redis.url.rsplit(':').next().unwrap().trim_end_matches('/');
    let c = &mut htq.client;
    retrying_queue(c, "d").await;
    let cases = [
        (
            "GET".to_owned(),
            format!("http://127.0.0.1:{}/v1/queues", addr.port()),
            "HTQ's own API",
        ),
        (
            "GET".to_owned(),
            format!("http://localhost:{}/healthz", addr.port()),
            "HTQ's own API",
        ),
        (
            "SET".to_owned(),
            format!("http://127.0.0.1:{redis_port}/x"),
            "HTQ's Redis",
        ),
        (
            "GET".to_owned(),
            "http://169.254.169.254/latest/meta-data/".to_owned(),
            "cloud metadata",
        ),
        ("GET".to_owned(), "http://0:80/".to_owned(), "unspecified"),
    ];
    for (method, url, why) in cases {
        let id = c
            .push_task(pb::PushTaskRequest {
                queue: "d".into(),
                request: Some(pb::HttpRequest {
                    method,
                    url: url.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner()
            .task_id;
        let t = dead_task(c, "d", &id).await;
        assert_eq!(t.attempts, 1, "{url}");
        assert!(t.last_error.contains(why), "{url}: {}", t.last_error);
    }
    // The request never reached Redis as a command.
    let exists: bool = redis::cmd("EXISTS")
        .arg("/x")
        .query(&mut redis.conn())
        .unwrap();
    assert!(!exists, "a task ran SET on HTQ's Redis");
    htq.stop().await;
}

#[tokio::test]
async fn redirects_are_checked_hop_by_hop_and_keep_headers_home() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let other = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "r", |q| {
        q.max_concurrency = 8;
        q.follow_redirects = true;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 5,
            min_backoff: Some(ms_duration(10)),
            ..Default::default()
        });
    })
    .await;
    // To an internal target: refused at the hop, for good.
    sink.script(
        "/to-metadata",
        vec![Reply::status(302).header("location", "http://169.254.169.254/")],
    );
    let id = push_get(c, "r", &sink.url("/to-metadata")).await;
    let t = dead_task(c, "r", &id).await;
    assert_eq!(t.attempts, 1);
    assert!(t.last_error.contains("cloud metadata"), "{}", t.last_error);

    // 307 keeps method, body and (same origin) the task's headers; to another
    // origin the task's headers stay behind.
    sink.script(
        "/same",
        vec![Reply::status(307).header("location", "/landed")],
    );
    sink.script(
        "/away",
        vec![Reply::status(308).header("location", &other.url("/landed"))],
    );
    for path in ["/same", "/away"] {
        c.push_task(pb::PushTaskRequest {
            queue: "r".into(),
            request: Some(pb::HttpRequest {
                method: "POST".into(),
                url: sink.url(path),
                headers: vec![pb::Header {
                    name: "X-Api-Key".into(),
                    value: "secret".into(),
                }],
                body: Some(pb::http_request::Body::Data(b"payload".to_vec())),
            }),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let home = sink
        .wait_for(Some("/landed"), 1, Duration::from_secs(5))
        .await;
    let away = other
        .wait_for(Some("/landed"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(home[0].method, "POST");
    assert_eq!(&home[0].body[..], b"payload");
    assert_eq!(home[0].header("x-api-key"), Some("secret"));
    assert_eq!(away[0].method, "POST");
    assert_eq!(&away[0].body[..], b"payload");
    assert_eq!(
        away[0].header("x-api-key"),
        None,
        "a header crossed origins"
    );
    assert!(away[0].header("x-htq-task-id").is_some());
    htq.stop().await;
}

#[tokio::test]
async fn deliveries_count_hops_and_pushes_past_the_limit_are_refused() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut cfg = test_config(&redis);
    cfg.max_hops = 3;
    let mut htq = TestHtq::start_with(cfg).await;
    let c = &mut htq.client;
    create_queue(c, "h", |_| {}).await;
    // A push from outside: its request carries one hop.
    push_get(c, "h", &sink.url("/first")).await;
    let hit = sink
        .wait_for(Some("/first"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(hit[0].header("x-htq-hops"), Some("1"));

    // A push made by a delivery at the limit is kept, and counts on.
    let mut req = tonic::Request::new(pb::PushTaskRequest {
        queue: "h".into(),
        request: Some(get(&sink.url("/third"))),
        ..Default::default()
    });
    req.metadata_mut()
        .insert("x-htq-hops", "3".parse().unwrap());
    c.push_task(req).await.unwrap();
    let hit = sink
        .wait_for(Some("/third"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(hit[0].header("x-htq-hops"), Some("4"));

    // One past it is refused on every front door, and nothing is stored.
    tokio::time::sleep(Duration::from_millis(300)).await; // the deliveries finish
    let before = redis.dump();
    let mut req = tonic::Request::new(pb::PushTaskRequest {
        queue: "h".into(),
        request: Some(get(&sink.url("/loop"))),
        ..Default::default()
    });
    req.metadata_mut()
        .insert("x-htq-hops", "4".parse().unwrap());
    let e = c.push_task(req).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::FailedPrecondition);
    assert!(e.message().contains("x-htq-hops"), "{}", e.message());

    let http = reqwest::Client::new();
    let r = http
        .post(format!("http://{}/v1/queues/h/tasks", htq.addr))
        .bearer_auth(TOKEN)
        .header("x-htq-hops", "4")
        .json(&serde_json::json!({"request": {"url": sink.url("/loop")}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body = r.text().await.unwrap();
    assert!(body.contains("x-htq-hops"), "{body}");
    let r = http
        .post(format!("http://{}/v1/queues/h/tasks", htq.addr))
        .bearer_auth(TOKEN)
        .header("x-htq-hops", "garbage")
        .json(&serde_json::json!({"request": {"url": sink.url("/loop")}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "an unreadable count is too many");
    assert_eq!(redis.dump(), before, "a refused push left a trace");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(sink.hits_on("/loop").is_empty());
    htq.stop().await;
}

#[tokio::test]
async fn caller_strings_cannot_name_another_queues_keys() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "v", |_| {}).await;
    create_queue(c, "v}:fdue:k", |_| {}).await;
    // Queue `v`'s flow key `k}:due` once wrote `htq:{v}:fdue:k}:due`: the `due` set
    // of queue `v}:fdue:k`, whose task then stayed due for ever.
    let other = "v}:fdue:k";
    c.push_task(pb::PushTaskRequest {
        queue: other.into(),
        request: Some(get(&sink.url("/other"))),
        ..Default::default()
    })
    .await
    .unwrap();
    c.push_task(pb::PushTaskRequest {
        queue: "v".into(),
        request: Some(get(&sink.url("/flow"))),
        flow_key: "k}:due".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    sink.wait_for(Some("/other"), 1, Duration::from_secs(5))
        .await;
    sink.wait_for(Some("/flow"), 1, Duration::from_secs(5))
        .await;
    for q in ["v", other] {
        let n = c
            .count_tasks(pb::CountTasksRequest { queue: q.into() })
            .await
            .unwrap()
            .into_inner();
        assert_eq!((n.due, n.scheduled, n.active), (0, 0, 0), "{q}");
    }
    // Every key of the other queue sits under its own, encoded tag.
    let keys = redis.keys();
    assert!(
        keys.iter().any(|k| k == "htq:{v%7D:fdue:k}:queue"),
        "{keys:?}"
    );
    assert!(
        !keys.iter().any(|k| k.starts_with("htq:{v}:fdue:k}")),
        "{keys:?}"
    );
    htq.stop().await;
}

#[tokio::test]
async fn queues_stored_under_a_raw_tag_move_to_the_encoded_one() {
    // Clusters came after the encoding: one Redis holds the old layout.
    let redis = TestRedis::single();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "50%{off}", |q| q.max_concurrency = 1).await;
    c.pause_queue(pb::PauseQueueRequest {
        name: "50%{off}".into(),
    })
    .await
    .unwrap();
    for key in ["a", "b"] {
        c.push_task(pb::PushTaskRequest {
            queue: "50%{off}".into(),
            request: Some(get(&sink.url("/moved"))),
            flow_key: key.into(),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    htq.stop().await;
    // As a version that put names in keys as they are had left them.
    let mut conn = redis.conn();
    for k in redis.keys() {
        if let Some(rest) = k.strip_prefix("htq:{50%25%7Boff%7D}:") {
            let _: () = redis::cmd("RENAME")
                .arg(&k)
                .arg(format!("htq:{{50%{{off}}}}:{rest}"))
                .query(&mut conn)
                .unwrap();
        }
    }
    assert!(redis.keys().iter().any(|k| k == "htq:{50%{off}}:fdue:a"));
    let mut htq = TestHtq::start(&redis).await;
    let keys = redis.keys();
    assert!(
        !keys.iter().any(|k| k.starts_with("htq:{50%{")),
        "old keys left: {keys:?}"
    );
    htq.client
        .resume_queue(pb::ResumeQueueRequest {
            name: "50%{off}".into(),
        })
        .await
        .unwrap();
    sink.wait_for(Some("/moved"), 2, Duration::from_secs(5))
        .await;
    htq.stop().await;
}

/// Whether the server closed `s` within `within` (a read returns EOF or an error).
async fn closed_within(s: &mut tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue, // a reply (a 408, say): keep reading until closed
        }
    }
}

fn limited(redis: &TestRedis, max_connections: usize) -> htq::config::Config {
    let mut cfg = test_config(redis);
    cfg.conn_limits = htq::api::listen::ConnLimits {
        max_connections,
        header_read_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(30),
        unauthenticated_timeout: Duration::from_millis(800),
        max_streams: 16,
    };
    cfg
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_and_the_cap_holds() {
    use tokio::io::AsyncWriteExt;
    let redis = TestRedis::start();
    let htq = TestHtq::start_with(limited(&redis, 100)).await;
    let addr = htq.addr;
    let start = tokio::time::Instant::now();
    // 60 slowloris connections (a header byte every 300 ms), 60 silent ones, and 60
    // HTTP/2 connections that send the preface and nothing else: 180 against a cap
    // of 100.
    let mut slow = Vec::new();
    let mut silent = Vec::new();
    for i in 0..180 {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        match i % 3 {
            0 => {
                s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                    .await
                    .unwrap();
                slow.push(s);
            }
            1 => silent.push(s),
            _ => {
                s.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                    .await
                    .unwrap();
                silent.push(s);
            }
        }
    }
    let drip = tokio::spawn(async move {
        for _ in 0..20 {
            for s in &mut slow {
                let _ = s.write_all(b"X").await;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        slow
    });
    for s in &mut silent {
        assert!(
            closed_within(s, Duration::from_secs(5)).await,
            "an idle connection stayed open"
        );
    }
    let mut slow = drip.await.unwrap();
    for s in &mut slow {
        assert!(
            closed_within(s, Duration::from_secs(1)).await,
            "a slowloris connection stayed open"
        );
    }
    assert!(start.elapsed() < Duration::from_secs(8));
    // The server answers again, and counted the connections it refused.
    let http = reqwest::Client::new();
    let r = http
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let m = scrape_metrics(addr).await;
    let refused: f64 = m
        .lines()
        .find_map(|l| l.strip_prefix("htq_connections_refused_total "))
        .expect("htq_connections_refused_total")
        .parse()
        .unwrap();
    assert!(refused >= 80.0, "refused {refused}");
    htq.stop().await;
}

#[tokio::test]
async fn an_authenticated_connection_outlives_the_unauthenticated_deadline() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let redis = TestRedis::start();
    let mut cfg = limited(&redis, 100);
    cfg.conn_limits.header_read_timeout = Duration::from_secs(5);
    let htq = TestHtq::start_with(cfg).await;
    let request = |token: &str| {
        format!("GET /v1/queues HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n")
    };
    async fn status(s: &mut tokio::net::TcpStream) -> String {
        let mut buf = vec![0u8; 8192];
        let n = s.read(&mut buf).await.unwrap();
        String::from_utf8_lossy(&buf[..n])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
    let mut good = tokio::net::TcpStream::connect(htq.addr).await.unwrap();
    let mut bad = tokio::net::TcpStream::connect(htq.addr).await.unwrap();
    good.write_all(request(TOKEN).as_bytes()).await.unwrap();
    bad.write_all(request("wrong").as_bytes()).await.unwrap();
    assert!(status(&mut good).await.contains("200"));
    assert!(status(&mut bad).await.contains("401"));
    assert!(closed_within(&mut bad, Duration::from_secs(3)).await);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    good.write_all(request(TOKEN).as_bytes()).await.unwrap();
    assert!(
        status(&mut good).await.contains("200"),
        "kept-alive connection closed"
    );
    htq.stop().await;
}

/// This process's resident memory, bytes.
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kb * 1024
}

#[tokio::test]
async fn big_bodies_are_refused_without_being_buffered() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "big", |_| {}).await;
    let before = redis.dump();
    let http = reqwest::Client::new();
    const SIZE: usize = 60 * 1024 * 1024;
    let start_rss = rss();
    // 16 calls at once, each streaming 60 MiB (generated on the fly, so the test
    // itself holds next to nothing), to the single push, the batch push and the
    // legacy API.
    let calls = (0..16).map(|i| {
        let path = match i % 3 {
            0 => "/v1/queues/big/tasks",
            1 => "/v1/queues/big/tasks/batch",
            _ => "/api/addTask",
        };
        let url = format!("http://{}{path}", htq.addr);
        let http = http.clone();
        async move {
            let chunk = bytes::Bytes::from(vec![b'a'; 64 * 1024]);
            let chunks =
                (0..SIZE / chunk.len()).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
            let r = http
                .post(url)
                .bearer_auth(TOKEN)
                .header("content-type", "application/json")
                .header("content-length", SIZE.to_string())
                .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
                .send()
                .await;
            (path, r.map(|r| r.status().as_u16()))
        }
    });
    let mut refused = std::collections::HashSet::new();
    for (path, status) in futures::future::join_all(calls).await {
        // Refused with 413, or cut off while still sending: never accepted.
        match status {
            Ok(s) => {
                assert_eq!(s, 413, "{path}");
                refused.insert(path);
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    assert_eq!(
        refused.len(),
        3,
        "every front door answered 413 at least once"
    );
    let grew = rss().saturating_sub(start_rss);
    eprintln!("resident memory grew by {} KiB", grew / 1024);
    assert!(
        grew < 200 * 1024 * 1024,
        "resident memory grew by {} MiB",
        grew / (1024 * 1024)
    );
    assert_eq!(redis.dump(), before);
    htq.stop().await;
}

#[tokio::test]
async fn watches_are_capped_per_token_and_per_process() {
    let redis = TestRedis::start();
    let mut cfg = test_config(&redis);
    cfg.tokens = vec![TOKEN.into(), "second-token".into()];
    cfg.max_watchers = 5;
    cfg.max_watchers_per_token = 3;
    let mut htq = TestHtq::start_with(cfg).await;
    create_queue(&mut htq.client, "w", |_| {}).await;
    let mut other = client(htq.addr, Some("second-token")).await;
    let watch = || pb::WatchQueueRequest {
        queue: "w".into(),
        ..Default::default()
    };
    let mut mine = Vec::new();
    for _ in 0..3 {
        mine.push(htq.client.watch_queue(watch()).await.unwrap().into_inner());
    }
    let e = htq.client.watch_queue(watch()).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::ResourceExhausted);
    assert!(e.message().contains("this token"), "{}", e.message());
    // The same cap over SSE.
    let http = reqwest::Client::new();
    let r = http
        .get(format!("http://{}/v1/queues/w/events", htq.addr))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    // Another token has its own share, up to the process's cap.
    let mut theirs = Vec::new();
    for _ in 0..2 {
        theirs.push(other.watch_queue(watch()).await.unwrap().into_inner());
    }
    let e = other.watch_queue(watch()).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::ResourceExhausted);
    assert!(e.message().contains("this server"), "{}", e.message());
    // A closed watch frees its place.
    drop(mine.pop());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        match other.watch_queue(watch()).await {
            Ok(s) => {
                theirs.push(s.into_inner());
                break;
            }
            Err(e) => {
                assert_eq!(e.code(), tonic::Code::ResourceExhausted);
                assert!(
                    tokio::time::Instant::now() < deadline,
                    "the place was never freed"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    htq.stop().await;
}

/// Redis's connected clients and its CPU seconds so far (summed over a
/// cluster's nodes).
fn redis_clients_and_cpu(redis: &TestRedis) -> (u64, f64) {
    let field = |name: &str| redis.info_sum(name);
    (
        field("connected_clients") as u64,
        field("used_cpu_sys") + field("used_cpu_user"),
    )
}

#[tokio::test]
async fn watchers_share_one_reader_per_process() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    // HTQ_TEST_IDLE_QUEUES measures the same with more queues (the README's figure
    // is from 20,000).
    let idle: usize = std::env::var("HTQ_TEST_IDLE_QUEUES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500);
    for i in 0..idle {
        create_queue(c, &format!("idle-{i}"), |_| {}).await;
    }
    create_queue(c, "busy", |_| {}).await;
    let (clients0, _) = redis_clients_and_cpu(&redis);
    // 150 watches of one queue and 8 of every queue, all on one HTTP/2 connection.
    let mut streams = Vec::new();
    for _ in 0..150 {
        let w = pb::WatchQueueRequest {
            queue: "busy".into(),
            ..Default::default()
        };
        streams.push(c.watch_queue(w).await.unwrap().into_inner());
    }
    for _ in 0..8 {
        let w = pb::WatchQueueRequest::default();
        streams.push(c.watch_queue(w).await.unwrap().into_inner());
    }
    let (clients1, _) = redis_clients_and_cpu(&redis);
    // One connection per Redis node for the reader, one for the side reads.
    let nodes = redis.nodes().len() as u64;
    assert!(
        clients1 <= clients0 + 1 + 2 * nodes,
        "158 watches took {} Redis connections",
        clients1 - clients0
    );
    // Every watch sees a push.
    push_get(c, "busy", &sink.url("/w")).await;
    for s in &mut streams {
        let first = tokio::time::timeout(Duration::from_secs(5), s.message())
            .await
            .expect("an event within 5 s")
            .unwrap()
            .unwrap();
        let Some(pb::watch_queue_response::Item::Event(e)) = first.item else {
            panic!("not an event: {first:?}");
        };
        assert_eq!(e.queue, "busy");
    }
    // Idle, the 158 watches cost Redis next to nothing: no read (the reader blocks
    // for 10 s) and the shared list of queue names twice a second. On a cluster,
    // where reads do not block, the reader asks each master once per poll (one
    // script call reading all of that master's streams).
    // (The XREADs a script makes count in Redis's stats as XREAD calls too.)
    let cluster = redis.is_cluster();
    let reads = |redis: &TestRedis| {
        redis.command_calls(|c| if cluster { c == "eval" } else { c == "xread" })
    };
    let reads0 = reads(&redis);
    let (_, cpu0) = redis_clients_and_cpu(&redis);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let read = reads(&redis) - reads0;
    let (_, cpu1) = redis_clients_and_cpu(&redis);
    eprintln!(
        "idle over {idle} queues: {read} read calls in 5 s, Redis CPU {:.1}% of a core",
        (cpu1 - cpu0) / 5.0 * 100.0
    );
    if cluster {
        assert!(read <= 5 * 10 * nodes + 10, "{read} read calls in 5 s");
    } else {
        assert!(read <= 2, "{read} XREAD calls in 5 s");
    }
    drop(streams);
    htq.stop().await;
}
