//! Topics: a published message fans out to every endpoint, each endpoint's tasks
//! retried, dead-lettered and paused on their own; endpoint health (410 Gone
//! disables, failures in a row pause, EnableEndpoint); the topic calls over gRPC,
//! the JSON API and the CLI, and refusals that leave no trace.

use std::time::Duration;

use htq::api::pb;
use pb::watch_queue_response::Item;
use serde_json::{Value, json};

use crate::common::*;

fn endpoint(name: &str, url: String) -> pb::Endpoint {
    pb::Endpoint {
        name: name.into(),
        url,
        ..Default::default()
    }
}

fn retries(attempts: i32) -> Option<pb::RetryPolicy> {
    Some(pb::RetryPolicy {
        max_attempts: attempts,
        min_backoff: Some(ms_duration(50)),
        max_backoff: Some(ms_duration(50)),
        max_doublings: 0,
    })
}

async fn create_topic(c: &mut Client, t: pb::Topic) -> pb::Topic {
    c.create_topic(pb::CreateTopicRequest { topic: Some(t) })
        .await
        .unwrap()
        .into_inner()
}

async fn get_topic(c: &mut Client, name: &str) -> pb::Topic {
    c.get_topic(pb::GetTopicRequest { name: name.into() })
        .await
        .unwrap()
        .into_inner()
}

fn text(topic: &str, body: &str) -> pb::PublishRequest {
    pb::PublishRequest {
        topic: topic.into(),
        body: Some(pb::publish_request::Body::Text(body.into())),
        ..Default::default()
    }
}

async fn publish(c: &mut Client, topic: &str, body: &str) -> pb::PublishResponse {
    c.publish(text(topic, body)).await.unwrap().into_inner()
}

fn state_of(t: &pb::Topic, endpoint: &str) -> (pb::EndpointState, i32) {
    let e = t
        .endpoints
        .iter()
        .find(|e| e.name == endpoint)
        .unwrap_or_else(|| panic!("no endpoint {endpoint}: {t:?}"));
    (
        pb::EndpointState::try_from(e.state).unwrap(),
        e.consecutive_failures,
    )
}

/// Waits until `f` holds for topic `name` (at most 10 s).
async fn topic_until(c: &mut Client, name: &str, f: impl Fn(&pb::Topic) -> bool) -> pb::Topic {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let t = get_topic(c, name).await;
        if f(&t) {
            return t;
        }
        assert!(tokio::time::Instant::now() < deadline, "never: {t:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn counts(c: &mut Client, queue: &str) -> pb::CountTasksResponse {
    c.count_tasks(pb::CountTasksRequest {
        queue: queue.into(),
    })
    .await
    .unwrap()
    .into_inner()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_fans_out_and_each_endpoint_fails_on_its_own() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    sink.script("/fail", vec![Reply::status(500).body("broken")]);
    sink.script(
        "/slow",
        vec![Reply::status(200).delay(Duration::from_millis(1500))],
    );
    sink.script("/gone", vec![Reply::status(410)]);
    let t = create_topic(
        c,
        pb::Topic {
            name: "orders".into(),
            endpoints: vec![
                endpoint("healthy", sink.url("/ok")),
                endpoint("failing", sink.url("/fail")),
                endpoint("slow", sink.url("/slow")),
                endpoint("gone", sink.url("/gone")),
            ],
            retry: retries(3),
            ..Default::default()
        },
    )
    .await;
    let names: Vec<&str> = t.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["failing", "gone", "healthy", "slow"]);
    assert_eq!(t.endpoints[0].queue, "orders#failing");
    assert_eq!(t.endpoints[0].max_concurrency, 10);
    // The 410 is told as an event of the endpoint's queue.
    let mut disabled = c
        .watch_queue(pb::WatchQueueRequest {
            queue: "orders#gone".into(),
            kinds: vec![pb::EventKind::EndpointDisabled as i32],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    tokio::time::sleep(Duration::from_millis(200)).await;

    // The first message: every endpoint gets it, under one id.
    let start = now_ms();
    let first = publish(c, "orders", "m0").await;
    assert_eq!(first.deliveries.len(), 4);
    for d in &first.deliveries {
        assert_eq!(d.task_id, first.message_id, "{d:?}");
        assert!(!d.skipped && !d.duplicate);
        assert_eq!(d.queue, format!("orders#{}", d.endpoint));
    }
    let Some(Item::Event(e)) = tokio::time::timeout(Duration::from_secs(5), disabled.message())
        .await
        .expect("an endpoint_disabled event")
        .unwrap()
        .and_then(|m| m.item)
    else {
        panic!("not an event")
    };
    assert_eq!(
        (e.task_id.as_str(), e.status),
        (first.message_id.as_str(), 410)
    );
    let t = topic_until(c, "orders", |t| {
        state_of(t, "gone").0 == pb::EndpointState::Disabled
    })
    .await;
    let gone = t.endpoints.iter().find(|e| e.name == "gone").unwrap();
    assert!(gone.state_reason.contains("410"), "{gone:?}");
    assert!(gone.state_time.is_some());

    // 19 more, one per call, and 5 in a batch: the disabled endpoint is skipped.
    let mut ids = vec![first.message_id.clone()];
    for i in 1..20 {
        let r = publish(c, "orders", &format!("m{i}")).await;
        let gone = r.deliveries.iter().find(|d| d.endpoint == "gone").unwrap();
        assert!(gone.skipped && gone.task_id.is_empty(), "{gone:?}");
        ids.push(r.message_id);
    }
    let batch = c
        .publish_batch(pb::PublishBatchRequest {
            topic: "orders".into(),
            messages: (20..25).map(|i| text("", &format!("m{i}"))).collect(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(batch.messages.len(), 5);
    ids.extend(batch.messages.iter().map(|m| m.message_id.clone()));

    // The healthy endpoint has every message promptly, while the slow one is still
    // on its first ones and the failing one retries.
    let hits = sink.wait_for(Some("/ok"), 25, Duration::from_secs(5)).await;
    let mut bodies: Vec<String> = hits
        .iter()
        .map(|h| String::from_utf8_lossy(&h.body).into_owned())
        .collect();
    bodies.sort_by_key(|b| b[1..].parse::<u32>().unwrap());
    assert_eq!(bodies, (0..25).map(|i| format!("m{i}")).collect::<Vec<_>>());
    let last = hits.iter().map(|h| h.at_ms).max().unwrap();
    assert!(
        last - start < 5000,
        "healthy endpoint held back: {} ms",
        last - start
    );
    let seen: std::collections::HashSet<_> = hits
        .iter()
        .map(|h| h.header("x-htq-task-id").unwrap().to_owned())
        .collect();
    assert_eq!(seen, ids.iter().cloned().collect());

    // The failing endpoint: three attempts each, then its own dead letters.
    sink.wait_for(Some("/fail"), 75, Duration::from_secs(10))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while counts(c, "orders#failing").await.dead < 25 {
        assert!(tokio::time::Instant::now() < deadline, "not dead-lettered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(counts(c, "orders#healthy").await.dead, 0);
    // The slow endpoint gets them all, ten at a time (1.5 s each): its last ones
    // only after the healthy one had every message.
    let slow = sink
        .wait_for(Some("/slow"), 25, Duration::from_secs(15))
        .await;
    let mut slow_at: Vec<i64> = slow.iter().map(|h| h.at_ms).collect();
    slow_at.sort();
    assert!(
        last < slow_at[20],
        "the healthy endpoint's last message ({} ms) came after the slow one's 21st ({} ms)",
        last - start,
        slow_at[20] - start
    );
    // The disabled endpoint got the first message only (and what it had in flight).
    assert_eq!(sink.hits_on("/gone").len(), 1);
    let t = get_topic(c, "orders").await;
    assert_eq!(state_of(&t, "healthy"), (pb::EndpointState::Enabled, 0));
    assert_eq!(state_of(&t, "failing").0, pb::EndpointState::Enabled);
    assert_eq!(state_of(&t, "failing").1, 75);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endpoint_failing_in_a_row_is_paused_until_enabled() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    sink.script(
        "/flaky",
        vec![
            Reply::status(503),
            Reply::status(503),
            Reply::status(503),
            Reply::status(200),
        ],
    );
    create_topic(
        c,
        pb::Topic {
            name: "t".into(),
            endpoints: vec![
                endpoint("flaky", sink.url("/flaky")),
                endpoint("fine", sink.url("/fine")),
            ],
            pause_after_failures: 3,
            retry: retries(10),
            ..Default::default()
        },
    )
    .await;
    let first = publish(c, "t", "one").await;
    let t = topic_until(c, "t", |t| {
        state_of(t, "flaky").0 == pb::EndpointState::Paused
    })
    .await;
    assert_eq!(state_of(&t, "flaky").1, 3);
    assert_eq!(state_of(&t, "fine"), (pb::EndpointState::Enabled, 0));
    // Paused, it still takes messages (it does not lose them), and sends none.
    let second = publish(c, "t", "two").await;
    let flaky = second
        .deliveries
        .iter()
        .find(|d| d.endpoint == "flaky")
        .unwrap();
    assert!(!flaky.skipped);
    sink.wait_for(Some("/fine"), 2, Duration::from_secs(5))
        .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(sink.hits_on("/flaky").len(), 3);
    let q = c
        .get_queue(pb::GetQueueRequest {
            name: "t#flaky".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(q.paused);

    let t = c
        .enable_endpoint(pb::EnableEndpointRequest {
            topic: "t".into(),
            endpoint: "flaky".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(state_of(&t, "flaky"), (pb::EndpointState::Enabled, 0));
    let hits = sink
        .wait_for(Some("/flaky"), 5, Duration::from_secs(5))
        .await;
    let ids: std::collections::HashSet<_> = hits[3..]
        .iter()
        .map(|h| h.header("x-htq-task-id").unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        [first.message_id, second.message_id].into_iter().collect()
    );
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endpoints_come_and_go_with_their_queues() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_topic(
        c,
        pb::Topic {
            name: "ev".into(),
            endpoints: vec![endpoint("a", sink.url("/a"))],
            ..Default::default()
        },
    )
    .await;
    let t = c
        .add_endpoint(pb::AddEndpointRequest {
            topic: "ev".into(),
            endpoint: Some(pb::Endpoint {
                name: "b".into(),
                url: sink.url("/b"),
                headers: vec![pb::Header {
                    name: "X-Endpoint".into(),
                    value: "b".into(),
                }],
                max_concurrency: 2,
                max_dispatches_per_second: 50.0,
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.endpoints.len(), 2);
    assert_eq!(t.endpoints[1].max_concurrency, 2);
    assert_eq!(t.endpoints[1].max_dispatches_per_second, 50.0);
    let err = c
        .add_endpoint(pb::AddEndpointRequest {
            topic: "ev".into(),
            endpoint: Some(endpoint("b", sink.url("/b"))),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::AlreadyExists);
    let mut with_header = text("ev", "hi");
    with_header.headers = vec![pb::Header {
        name: "X-Message".into(),
        value: "1".into(),
    }];
    c.publish(with_header).await.unwrap();
    let hit = &sink.wait_for(Some("/b"), 1, Duration::from_secs(5)).await[0];
    assert_eq!(hit.header("x-endpoint"), Some("b"));
    assert_eq!(hit.header("x-message"), Some("1"));
    assert_eq!(hit.method, "POST");
    assert_eq!(&hit.body[..], b"hi");
    sink.wait_for(Some("/a"), 1, Duration::from_secs(5)).await;
    // An idempotency key: a second publish stores nothing new, anywhere.
    let mut keyed = text("ev", "once");
    keyed.idempotency_key = "k1".into();
    let one = c.publish(keyed.clone()).await.unwrap().into_inner();
    let two = c.publish(keyed).await.unwrap().into_inner();
    assert!(
        two.deliveries
            .iter()
            .all(|d| d.duplicate && d.task_id == one.message_id)
    );
    sink.wait_for(Some("/a"), 2, Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sink.hits_on("/a").len(), 2);

    // An endpoint's queue is the topic's to delete.
    let err = c
        .delete_queue(pb::DeleteQueueRequest {
            name: "ev#a".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::FailedPrecondition);
    assert!(err.message().contains("topic"), "{}", err.message());
    let t = c
        .remove_endpoint(pb::RemoveEndpointRequest {
            topic: "ev".into(),
            endpoint: "a".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.endpoints.len(), 1);
    let gone = c
        .get_queue(pb::GetQueueRequest {
            name: "ev#a".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(gone.code(), tonic::Code::NotFound);
    // Deleted, the topic leaves no key.
    c.delete_topic(pb::DeleteTopicRequest { name: "ev".into() })
        .await
        .unwrap();
    let left: Vec<String> = redis
        .keys()
        .into_iter()
        .filter(|k| k.contains("{ev#}"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let err = c.publish(text("ev", "x")).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::NotFound);
    let all = c
        .list_topics(pb::ListTopicsRequest {})
        .await
        .unwrap()
        .into_inner();
    assert!(all.topics.is_empty());
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_topics_and_messages_are_refused_by_field_and_leave_no_trace() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_topic(
        c,
        pb::Topic {
            name: "ok".into(),
            endpoints: vec![endpoint("a", sink.url("/a"))],
            ..Default::default()
        },
    )
    .await;
    // A queue in the way of an endpoint's.
    create_queue(c, "taken#x", |_| {}).await;
    let before = redis.dump();
    let topic = |f: fn(&mut pb::Topic)| {
        let mut t = pb::Topic {
            name: "new".into(),
            endpoints: vec![endpoint("a", sink.url("/a")), endpoint("b", sink.url("/b"))],
            ..Default::default()
        };
        f(&mut t);
        t
    };
    type Tweak = fn(&mut pb::Topic);
    let cases: [(Tweak, tonic::Code, &str); 8] = [
        (
            |t| t.name = "a#b".into(),
            tonic::Code::InvalidArgument,
            "topic.name",
        ),
        (
            |t| t.name = String::new(),
            tonic::Code::InvalidArgument,
            "topic.name",
        ),
        (
            |t| t.endpoints[1].name = "no spaces".into(),
            tonic::Code::InvalidArgument,
            "topic.endpoints[1].name",
        ),
        (
            |t| t.endpoints[1].name = "a".into(),
            tonic::Code::InvalidArgument,
            "topic.endpoints[1].name",
        ),
        (
            |t| t.endpoints[0].url = "ftp://127.0.0.1/".into(),
            tonic::Code::InvalidArgument,
            "topic.endpoints[0].url",
        ),
        (
            |t| t.endpoints[1].max_concurrency = -1,
            tonic::Code::InvalidArgument,
            "topic.endpoints[1].max_concurrency",
        ),
        (
            |t| t.retry = retries(-2),
            tonic::Code::InvalidArgument,
            "topic.retry.max_attempts",
        ),
        (
            |t| {
                t.name = "taken".into();
                t.endpoints[1].name = "x".into();
            },
            tonic::Code::AlreadyExists,
            "taken#x",
        ),
    ];
    for (tweak, code, what) in cases {
        let err = c
            .create_topic(pb::CreateTopicRequest {
                topic: Some(topic(tweak)),
            })
            .await
            .expect_err(what);
        assert_eq!(err.code(), code, "{what}: {err:?}");
        assert!(err.message().contains(what), "{what}: {}", err.message());
    }
    let err = c
        .create_topic(pb::CreateTopicRequest {
            topic: Some(topic(|t| t.name = "ok".into())),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::AlreadyExists);
    // Messages.
    let mut bad_header = text("ok", "x");
    bad_header.headers = vec![pb::Header {
        name: "bad header".into(),
        value: "1".into(),
    }];
    let err = c.publish(bad_header.clone()).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(
        err.message().starts_with("headers[0].name"),
        "{}",
        err.message()
    );
    let err = c
        .publish_batch(pb::PublishBatchRequest {
            topic: "ok".into(),
            messages: vec![text("", "fine"), bad_header],
        })
        .await
        .unwrap_err();
    assert!(
        err.message().starts_with("messages[1].headers[0].name"),
        "{}",
        err.message()
    );
    let mut late = text("ok", "x");
    late.delay = Some(ms_duration(400 * 24 * 3600 * 1000));
    let err = c.publish(late).await.unwrap_err();
    assert!(err.message().starts_with("delay"), "{}", err.message());
    let err = c.publish(text("nope", "x")).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::NotFound);
    let err = c
        .update_topic(pb::UpdateTopicRequest {
            topic: Some(pb::Topic {
                name: "ok".into(),
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["endpoints".into()],
            }),
        })
        .await
        .unwrap_err();
    assert!(
        err.message().starts_with("update_mask"),
        "{}",
        err.message()
    );
    assert_eq!(redis.dump(), before, "a refused call left a trace");

    // A valid update reaches the endpoints' queues.
    let t = c
        .update_topic(pb::UpdateTopicRequest {
            topic: Some(pb::Topic {
                name: "ok".into(),
                pause_after_failures: 7,
                retry: retries(4),
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["pause_after_failures".into(), "retry.max_attempts".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(t.pause_after_failures, 7);
    assert_eq!(t.retry.unwrap().max_attempts, 4);
    let q = c
        .get_queue(pb::GetQueueRequest {
            name: "ok#a".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.retry.unwrap().max_attempts, 4);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_over_the_json_api_and_the_command_line() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let http = reqwest::Client::new();
    let base = format!("http://{}", htq.addr);
    let call = |method: reqwest::Method, path: &str, body: Value| {
        http.request(method, format!("{base}{path}"))
            .bearer_auth(TOKEN)
            .json(&body)
            .send()
    };
    let r = call(
        reqwest::Method::POST,
        "/v1/topics",
        json!({"name": "j", "pauseAfterFailures": 5,
               "endpoints": [{"name": "one", "url": sink.url("/j1")},
                             {"name": "two", "url": sink.url("/j2")}]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let r = call(
        reqwest::Method::POST,
        "/v1/topics/j/publish",
        json!({"text": "from json", "headers": [{"name": "Content-Type", "value": "text/plain"}]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["deliveries"].as_array().unwrap().len(), 2);
    for path in ["/j1", "/j2"] {
        let hit = &sink.wait_for(Some(path), 1, Duration::from_secs(5)).await[0];
        assert_eq!(&hit.body[..], b"from json");
        assert_eq!(hit.header("content-type"), Some("text/plain"));
    }
    let r = call(reqwest::Method::GET, "/v1/topics/j", Value::Null)
        .await
        .unwrap();
    let t: Value = r.json().await.unwrap();
    assert_eq!(t["endpoints"][0]["state"], "ENDPOINT_STATE_ENABLED");
    assert_eq!(t["endpoints"][1]["queue"], "j#two");
    let r = call(
        reqwest::Method::POST,
        "/v1/topics/j/endpoints",
        json!({"name": "bad name", "url": sink.url("/x")}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("endpoint.name"));
    let r = call(
        reqwest::Method::DELETE,
        "/v1/topics/j/endpoints/two",
        Value::Null,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let r = call(
        reqwest::Method::POST,
        "/v1/topics/j/publish/batch",
        json!({"messages": [{"text": "a"}, {"text": "b"}]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    sink.wait_for(Some("/j1"), 3, Duration::from_secs(5)).await;

    // The command line.
    let cli = |args: &[&str]| htq_cli_ok(&base, args);
    let c1 = format!("hook={}", sink.url("/c1"));
    let out = cli(&[
        "topic",
        "create",
        "c",
        "-e",
        &c1,
        "--pause-after-failures",
        "2",
    ]);
    assert!(out.starts_with("c  (1 endpoints"), "{out}");
    let c2 = sink.url("/c2");
    cli(&["topic", "add-endpoint", "c", "other", &c2, "-H", "X-K: v"]);
    let out = cli(&["publish", "c", "-d", "hello"]);
    let id = out.lines().next().unwrap().to_owned();
    let hit = &sink.wait_for(Some("/c2"), 1, Duration::from_secs(5)).await[0];
    assert_eq!(hit.header("x-k"), Some("v"));
    assert_eq!(hit.header("x-htq-task-id"), Some(id.as_str()));
    sink.wait_for(Some("/c1"), 1, Duration::from_secs(5)).await;
    let t: Value = serde_json::from_str(&cli(&["topic", "get", "c", "--json"])).unwrap();
    assert_eq!(t["pauseAfterFailures"], 2);
    let out = cli(&["topic", "list"]);
    assert!(out.contains("other") && out.contains("enabled"), "{out}");
    cli(&["topic", "update", "c", "--pause-after-failures", "4"]);
    cli(&["topic", "remove-endpoint", "c", "other"]);
    cli(&["topic", "delete", "c"]);
    let out = cli(&["topic", "list", "--json"]);
    let all: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    htq.stop().await;
}
