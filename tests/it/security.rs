//! Security: the egress policy (no request to internal targets, HTQ itself or its
//! Redis, in any spelling or through a redirect), and the hop limit.

use std::time::Duration;

use htq::api::pb;
use htq::dispatch::egress::{Policy, Preset};

use crate::common::*;

/// Waits until task `id` of `queue` is dead; returns it.
async fn dead_task(c: &mut Client, queue: &str, id: &str) -> pb::Task {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let t = c
            .get_task(pb::GetTaskRequest {
                queue: queue.into(),
                id: id.into(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state == pb::TaskState::Dead as i32 {
            return t;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "task {id} of {queue} never died: {t:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
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
    retrying_queue(c, "r").await;
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
    let redis = TestRedis::start();
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
