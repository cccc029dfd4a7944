//! The gRPC contract: queue management, errors, auth, health and reflection.

use htq::api::pb;
use tonic::Code;

use crate::common::*;

fn push(queue: &str, request: pb::HttpRequest) -> pb::PushTaskRequest {
    pb::PushTaskRequest {
        queue: queue.into(),
        request: Some(request),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queue_lifecycle() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    let q = c
        .create_queue(pb::CreateQueueRequest {
            queue: Some(pb::Queue {
                name: "v".into(),
                kind: pb::QueueKind::Variable as i32,
                variable: Some(pb::VariableSettings {
                    stepping_interval: Some(ms_duration(2000)),
                    max_interval: Some(ms_duration(5000)),
                }),
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.kind, pb::QueueKind::Variable as i32);
    assert_eq!(q.max_concurrency, 1);
    assert_eq!(q.request_timeout, Some(ms_duration(30_000)));
    assert_eq!(q.retry.as_ref().unwrap().max_attempts, 10);
    assert_eq!(
        q.variable.as_ref().unwrap().stepping_interval,
        Some(ms_duration(2000))
    );
    assert!(q.create_time.unwrap().seconds > 1_700_000_000);

    let dup = c
        .create_queue(pb::CreateQueueRequest {
            queue: Some(pb::Queue {
                name: "v".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(dup.code(), Code::AlreadyExists);

    let got = c
        .get_queue(pb::GetQueueRequest { name: "v".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got, q);

    let updated = c
        .update_queue(pb::UpdateQueueRequest {
            queue: Some(pb::Queue {
                name: "v".into(),
                max_concurrency: 4,
                paused: true,
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["max_concurrency".into(), "paused".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.max_concurrency, 4);
    assert!(updated.paused);
    assert_eq!(updated.variable, q.variable, "fields outside the mask stay");
    let bad_mask = c
        .update_queue(pb::UpdateQueueRequest {
            queue: Some(pb::Queue {
                name: "v".into(),
                ..Default::default()
            }),
            update_mask: Some(pbjson_types::FieldMask {
                paths: vec!["kind".into()],
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(bad_mask.code(), Code::InvalidArgument);
    assert!(
        bad_mask.message().starts_with("update_mask"),
        "{}",
        bad_mask.message()
    );

    for name in ["a", "b", "c"] {
        create_queue(c, name, |_| {}).await;
    }
    let page1 = c
        .list_queues(pb::ListQueuesRequest {
            page_size: 2,
            page_token: String::new(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let names: Vec<_> = page1.queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    let page2 = c
        .list_queues(pb::ListQueuesRequest {
            page_size: 2,
            page_token: page1.next_page_token,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let names: Vec<_> = page2.queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["c", "v"]);
    assert_eq!(page2.next_page_token, "");

    c.delete_queue(pb::DeleteQueueRequest { name: "v".into() })
        .await
        .unwrap();
    let gone = c
        .get_queue(pb::GetQueueRequest { name: "v".into() })
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
    let again = c
        .delete_queue(pb::DeleteQueueRequest { name: "v".into() })
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::NotFound);
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_and_count_tasks_by_state() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "l", |q| q.paused = true).await;
    let mut due_ids = Vec::new();
    for i in 0..5 {
        due_ids.push(
            c.push_task(push("l", get(&format!("http://127.0.0.1:9/d{i}"))))
                .await
                .unwrap()
                .into_inner()
                .task_id,
        );
    }
    let later = c
        .schedule_task(pb::ScheduleTaskRequest {
            queue: "l".into(),
            request: Some(get("http://127.0.0.1:9/later")),
            when: Some(pb::schedule_task_request::When::Delay(ms_duration(
                3_600_000,
            ))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let counts = c
        .count_tasks(pb::CountTasksRequest { queue: "l".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (counts.due, counts.scheduled, counts.active, counts.dead),
        (5, 1, 0, 0)
    );
    let page = c
        .list_tasks(pb::ListTasksRequest {
            queue: "l".into(),
            state: pb::TaskState::Due as i32,
            page_size: 3,
            page_token: String::new(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let ids: Vec<_> = page.tasks.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, due_ids[..3]);
    assert!(
        page.tasks
            .iter()
            .all(|t| t.state == pb::TaskState::Due as i32 && t.attempts == 0)
    );
    let page2 = c
        .list_tasks(pb::ListTasksRequest {
            queue: "l".into(),
            state: pb::TaskState::Due as i32,
            page_size: 3,
            page_token: page.next_page_token,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let ids: Vec<_> = page2.tasks.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, due_ids[3..]);
    assert_eq!(page2.next_page_token, "");
    let sched = c
        .list_tasks(pb::ListTasksRequest {
            queue: "l".into(),
            state: pb::TaskState::Scheduled as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(sched.tasks.len(), 1);
    assert_eq!(sched.tasks[0].id, later.task_id);
    assert_eq!(sched.tasks[0].schedule_time, later.schedule_time);
    let bad = c
        .list_tasks(pb::ListTasksRequest {
            queue: "l".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    htq.stop().await;
}

/// Each bad input: INVALID_ARGUMENT naming the field, and not one byte written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_naming_the_field_and_writes_nothing() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "ok", |_| {}).await;
    let before = redis.dump();

    let queue_cases: Vec<(pb::Queue, &str)> = vec![
        (
            pb::Queue {
                name: "".into(),
                ..Default::default()
            },
            "queue.name",
        ),
        (
            pb::Queue {
                name: "x".repeat(201),
                ..Default::default()
            },
            "queue.name",
        ),
        (
            pb::Queue {
                name: "a\nb".into(),
                ..Default::default()
            },
            "queue.name",
        ),
        (
            pb::Queue {
                name: "a\u{0}b".into(),
                ..Default::default()
            },
            "queue.name",
        ),
        (
            pb::Queue {
                name: "n".into(),
                max_concurrency: -1,
                ..Default::default()
            },
            "queue.max_concurrency",
        ),
        (
            pb::Queue {
                name: "n".into(),
                kind: 9,
                ..Default::default()
            },
            "queue.kind",
        ),
        (
            pb::Queue {
                name: "n".into(),
                request_timeout: Some(pbjson_types::Duration {
                    seconds: -1,
                    nanos: 0,
                }),
                ..Default::default()
            },
            "queue.request_timeout",
        ),
        (
            pb::Queue {
                name: "n".into(),
                retry: Some(pb::RetryPolicy {
                    max_attempts: -3,
                    ..Default::default()
                }),
                ..Default::default()
            },
            "queue.retry.max_attempts",
        ),
        (
            pb::Queue {
                name: "n".into(),
                retry: Some(pb::RetryPolicy {
                    min_backoff: Some(ms_duration(5000)),
                    max_backoff: Some(ms_duration(1000)),
                    ..Default::default()
                }),
                ..Default::default()
            },
            "queue.retry.min_backoff",
        ),
    ];
    for (q, field) in queue_cases {
        let e = c
            .create_queue(pb::CreateQueueRequest {
                queue: Some(q.clone()),
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{q:?}");
        assert!(e.message().starts_with(field), "{field}: {}", e.message());
    }
    let e = c
        .create_queue(pb::CreateQueueRequest { queue: None })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);

    let header = |name: &str, value: &str| pb::HttpRequest {
        url: "http://127.0.0.1/".into(),
        headers: vec![pb::Header {
            name: name.into(),
            value: value.into(),
        }],
        ..Default::default()
    };
    let task_cases: Vec<(pb::HttpRequest, &str)> = vec![
        (get(""), "request.url"),
        (get("/relative"), "request.url"),
        (get("ftp://127.0.0.1/x"), "request.url"),
        (get("http://"), "request.url"),
        (get("not a url"), "request.url"),
        (
            pb::HttpRequest {
                method: "GE T".into(),
                ..get("http://127.0.0.1/")
            },
            "request.method",
        ),
        (
            pb::HttpRequest {
                method: "X".repeat(17),
                ..get("http://127.0.0.1/")
            },
            "request.method",
        ),
        (
            header("X-A", "1\r\nX-Injected: 2"),
            "request.headers[0].value",
        ),
        (header("X-A", "1\nX"), "request.headers[0].value"),
        (header("Bad Name", "1"), "request.headers[0].name"),
        (header("X-A\r\n", "1"), "request.headers[0].name"),
        (header("X-A", "é"), "request.headers[0].value"),
        (get("http://a\r\nb/"), "request.url"),
        (get("http://127.0.0.1/\tx"), "request.url"),
        (get("http:///x"), "request.url"),
        (get("http://127.0.0.1/%zz"), "request.url"),
        (
            pb::HttpRequest {
                body: Some(pb::http_request::Body::Data(vec![b'x'; 1024 * 1024 + 1])),
                ..get("http://127.0.0.1/")
            },
            "request.data",
        ),
    ];
    for (req, field) in task_cases {
        let e = c.push_task(push("ok", req.clone())).await.unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{field}");
        assert!(e.message().starts_with(field), "{field}: {}", e.message());
    }
    let e = c
        .push_task(push("", get("http://127.0.0.1/")))
        .await
        .unwrap_err();
    assert!(e.message().starts_with("queue"), "{}", e.message());

    // Schedule times: more than a year ahead, negative delay.
    let year_ahead = htq::api::wkt::Timestamp {
        seconds: now_ms() / 1000 + 367 * 24 * 3600,
        nanos: 0,
    };
    for (when, field) in [
        (
            pb::schedule_task_request::When::ScheduleTime(year_ahead),
            "schedule_time",
        ),
        (
            pb::schedule_task_request::When::Delay(pbjson_types::Duration {
                seconds: -5,
                nanos: 0,
            }),
            "delay: must not be negative",
        ),
        (
            pb::schedule_task_request::When::Delay(pbjson_types::Duration {
                seconds: 400 * 24 * 3600,
                nanos: 0,
            }),
            "delay: more than a year ahead",
        ),
    ] {
        let e = c
            .schedule_task(pb::ScheduleTaskRequest {
                queue: "ok".into(),
                request: Some(get("http://127.0.0.1/")),
                when: Some(when),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().starts_with(field), "{}", e.message());
    }
    // A batch is all or none: one bad entry refuses the whole call.
    let e = c
        .push_tasks(pb::PushTasksRequest {
            queue: "ok".into(),
            tasks: vec![
                pb::TaskEntry {
                    request: Some(get("http://127.0.0.1/1")),
                    when: None,
                    ..Default::default()
                },
                pb::TaskEntry {
                    request: Some(get("gopher://x")),
                    when: None,
                    ..Default::default()
                },
            ],
        })
        .await
        .unwrap_err();
    assert!(
        e.message().starts_with("tasks[1].request.url"),
        "{}",
        e.message()
    );
    let e = c
        .push_tasks(pb::PushTasksRequest {
            queue: "ok".into(),
            tasks: vec![
                pb::TaskEntry {
                    request: Some(get("http://127.0.0.1/1")),
                    ..Default::default()
                },
                pb::TaskEntry {
                    request: Some(get("http://127.0.0.1/2")),
                    when: Some(pb::task_entry::When::Delay(pbjson_types::Duration {
                        seconds: -1,
                        nanos: 0,
                    })),
                    ..Default::default()
                },
            ],
        })
        .await
        .unwrap_err();
    assert!(
        e.message()
            .starts_with("tasks[1].delay: must not be negative"),
        "{}",
        e.message()
    );
    // A cron expression that never fires.
    let e = c
        .create_schedule(pb::CreateScheduleRequest {
            schedule: Some(pb::Schedule {
                name: "feb31".into(),
                queue: "ok".into(),
                cron: "0 0 31 2 *".into(),
                request: Some(get("http://127.0.0.1/")),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(
        e.message().starts_with("schedule.cron: never fires"),
        "{}",
        e.message()
    );
    // Page tokens are opaque: a made-up one is refused alike by both listings.
    for token in ["ok", "zzz", "5", "not base64!"] {
        let e = c
            .list_queues(pb::ListQueuesRequest {
                page_size: 1,
                page_token: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(
            (e.code(), e.message()),
            (
                Code::InvalidArgument,
                "page_token: not a token from a previous page"
            ),
            "{token:?}"
        );
        let e = c
            .list_tasks(pb::ListTasksRequest {
                queue: "ok".into(),
                state: pb::TaskState::Due as i32,
                page_size: 1,
                page_token: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(
            (e.code(), e.message()),
            (
                Code::InvalidArgument,
                "page_token: not a token from a previous page"
            ),
            "{token:?}"
        );
    }
    let e = c
        .push_tasks(pb::PushTasksRequest {
            queue: "ok".into(),
            tasks: vec![],
        })
        .await
        .unwrap_err();
    assert!(e.message().starts_with("tasks"), "{}", e.message());
    let too_many = (0..1001)
        .map(|_| pb::TaskEntry {
            request: Some(get("http://127.0.0.1/")),
            when: None,
            ..Default::default()
        })
        .collect();
    let e = c
        .push_tasks(pb::PushTasksRequest {
            queue: "ok".into(),
            tasks: too_many,
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);

    // Unknown queue: NOT_FOUND, nothing written either.
    let e = c
        .push_task(push("missing", get("http://127.0.0.1/")))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    let e = c
        .get_task(pb::GetTaskRequest {
            queue: "ok".into(),
            id: "nope".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);

    assert_eq!(redis.dump(), before, "a refused request changed Redis");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_or_missing_token_is_unauthenticated() {
    let redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    for token in [None, Some("wrong"), Some("test-token-and-more"), Some("")] {
        let mut c = client(htq.addr, token).await;
        let e = c
            .list_queues(pb::ListQueuesRequest::default())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated, "{token:?}");
        let e = c
            .push_task(push("q", get("http://127.0.0.1/")))
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated);
    }
    assert!(redis.keys().is_empty(), "{:?}", redis.keys());
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_reflection_need_no_token_but_watch_does() {
    use tonic_health::pb::health_client::HealthClient;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    let redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", htq.addr))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let status = HealthClient::new(channel.clone())
        .check(tonic_health::pb::HealthCheckRequest {
            service: "htq.v1.HtqService".into(),
        })
        .await
        .unwrap()
        .into_inner()
        .status;
    assert_eq!(
        status,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );

    let req = tonic_reflection::pb::v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = ServerReflectionClient::new(channel.clone())
        .server_reflection_info(tokio_stream::iter(vec![req]))
        .await
        .unwrap()
        .into_inner();
    let resp = stream.message().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
        panic!("unexpected reflection answer");
    };
    let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"htq.v1.HtqService"), "{names:?}");
    assert!(names.contains(&"grpc.health.v1.Health"), "{names:?}");

    // Older tools ask v1alpha only; it lists the same, and describes the health
    // service's file.
    {
        use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse;
        let reqs = vec![
            tonic_reflection::pb::v1alpha::ServerReflectionRequest {
                host: String::new(),
                message_request: Some(MessageRequest::ListServices(String::new())),
            },
            tonic_reflection::pb::v1alpha::ServerReflectionRequest {
                host: String::new(),
                message_request: Some(MessageRequest::FileContainingSymbol(
                    "grpc.health.v1.Health".into(),
                )),
            },
        ];
        let mut stream = ServerReflectionClient::new(channel.clone())
            .server_reflection_info(tokio_stream::iter(reqs))
            .await
            .unwrap()
            .into_inner();
        let resp = stream.message().await.unwrap().unwrap();
        let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
            panic!("unexpected v1alpha answer");
        };
        let alpha: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
        assert!(alpha.contains(&"htq.v1.HtqService"), "{alpha:?}");
        assert!(alpha.contains(&"grpc.health.v1.Health"), "{alpha:?}");
        let resp = stream.message().await.unwrap().unwrap();
        let Some(MessageResponse::FileDescriptorResponse(files)) = resp.message_response else {
            panic!("no descriptor of the health service: {resp:?}");
        };
        assert!(!files.file_descriptor_proto.is_empty());
    }

    let e = client(htq.addr, None)
        .await
        .watch_queue(pb::WatchQueueRequest::default())
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::Unauthenticated);

    let http = reqwest::get(format!("http://{}/healthz", htq.addr))
        .await
        .unwrap();
    assert_eq!(http.status(), 200);
    let missing = reqwest::get(format!("http://{}/nope", htq.addr))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    htq.stop().await;
}

#[tokio::test]
async fn readiness_follows_redis_in_http_and_grpc_health() {
    use std::time::Duration;
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::health_client::HealthClient;

    let mut redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    let url = format!("http://{}/readyz", htq.addr);
    let resp = reqwest::get(&url).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), "ready\n");
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", htq.addr))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut health = HealthClient::new(channel);
    let status = |s: &str| HealthCheckRequest {
        service: s.to_owned(),
    };
    let serving = health.check(status("")).await.unwrap().into_inner().status;
    assert_eq!(serving, ServingStatus::Serving as i32);

    // Redis goes away: not ready, and gRPC health says so (a load balancer drains).
    redis.kill();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let s = health
            .check(status("htq.v1.HtqService"))
            .await
            .unwrap()
            .into_inner()
            .status;
        if s == ServingStatus::NotServing as i32 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "still SERVING");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let resp = reqwest::get(&url).await.unwrap();
    assert_eq!(resp.status(), 503);
    assert!(resp.text().await.unwrap().starts_with("not ready: redis"));
    // The process itself is up.
    let resp = reqwest::get(format!("http://{}/healthz", htq.addr))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn metrics_count_a_known_workload() {
    use std::time::Duration;

    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/gone", vec![Reply::status(404)]);
    let mut cfg = test_config(&redis);
    cfg.metrics_max_queues = 1;
    let mut htq = TestHtq::start_with(cfg).await;
    let c = &mut htq.client;
    create_queue(c, "m", |q| {
        q.max_concurrency = 4;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        });
    })
    .await;
    for _ in 0..3 {
        push_get(c, "m", &sink.url("/ok")).await;
    }
    push_get(c, "m", &sink.url("/gone")).await;
    sink.wait_for(None, 4, Duration::from_secs(3)).await;
    // Past the configured number of labelled queues, queues share `other`.
    create_queue(c, "z", |q| q.paused = true).await;
    push_get(c, "z", &sink.url("/never")).await;
    let _watch = c
        .watch_queue(pb::WatchQueueRequest {
            queue: "m".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let url = format!("http://{}/metrics", htq.addr);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    let text = loop {
        let text = scrape_metrics(htq.addr).await;
        if text.contains(r#"htq_queue_depth{queue="m",state="dead"} 1"#) {
            break text;
        }
        assert!(tokio::time::Instant::now() < deadline, "{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    for line in [
        r#"htq_tasks_pushed_total{queue="m"} 4"#,
        r#"htq_tasks_pushed_total{queue="other"} 1"#,
        r#"htq_tasks_dispatched_total{queue="m"} 4"#,
        r#"htq_task_outcomes_total{queue="m",outcome="succeeded",status="2xx"} 3"#,
        r#"htq_task_outcomes_total{queue="m",outcome="dead",status="4xx"} 1"#,
        r#"htq_request_duration_seconds_count{queue="m"} 4"#,
        r#"htq_dispatch_delay_seconds_count{queue="m"} 4"#,
        r#"htq_queue_depth{queue="m",state="due"} 0"#,
        "htq_in_flight 0",
        "htq_watchers 1",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert!(text.contains(r#"htq_redis_script_duration_seconds_count{script="claim"}"#));
    // The same token as the API.
    let resp = reqwest::Client::new().get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    htq.stop().await;
}

#[tokio::test]
async fn an_idle_server_leaves_redis_alone() {
    use std::time::Duration;

    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    for i in 0..20 {
        create_queue(&mut htq.client, &format!("idle{i}"), |_| {}).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Everything but the INFO reads of this test (and the connection's HELLO).
    let calls = || redis.command_calls(|n| n != "info" && n != "hello" && n != "client|setinfo");
    let before = calls();
    tokio::time::sleep(Duration::from_secs(4)).await;
    let during = calls() - before;
    // At most the lease and maintenance sweepers' index reads and the
    // heartbeat, each once per 10 s.
    assert!(during <= 3, "{during} commands in 4 s from an idle server");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listing_filters_by_url_substring_and_flow_key_across_pages() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "find", |q| q.paused = true).await;
    for i in 0..30 {
        let needle = if i % 3 == 0 { "needle-" } else { "" };
        c.push_task(pb::PushTaskRequest {
            queue: "find".into(),
            request: Some(get(&format!("http://127.0.0.1:9/{needle}{i}"))),
            flow_key: format!("k{}", i % 2),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    // Pages of 4 until the token runs out: every match once, nothing else.
    async fn all(c: &mut Client, url: &str, key: &str) -> Vec<String> {
        let (mut found, mut token) = (Vec::new(), String::new());
        loop {
            let page = c
                .list_tasks(pb::ListTasksRequest {
                    queue: "find".into(),
                    state: pb::TaskState::Due as i32,
                    page_size: 4,
                    page_token: token,
                    url_contains: url.into(),
                    flow_key: key.into(),
                })
                .await
                .unwrap()
                .into_inner();
            assert!(page.tasks.len() <= 4);
            found.extend(page.tasks.into_iter().map(|t| t.request.unwrap().url));
            if page.next_page_token.is_empty() {
                return found;
            }
            token = page.next_page_token;
        }
    }
    let needles = all(c, "needle", "").await;
    assert_eq!(needles.len(), 10, "{needles:?}");
    assert!(needles.iter().all(|u| u.contains("needle-")));
    let mut unique = needles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10);
    assert_eq!(all(c, "", "k1").await.len(), 15);
    // Both: i a multiple of 3 and odd.
    assert_eq!(all(c, "needle", "k1").await.len(), 5);
    assert!(all(c, "nothing-like-it", "").await.is_empty());
    // The JSON API and the command line take the same filters.
    let json = get_json(
        htq.addr,
        "/v1/queues/find/tasks?state=DUE&urlContains=needle-21&pageSize=50",
    )
    .await;
    let urls: Vec<&str> = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["request"]["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls, ["http://127.0.0.1:9/needle-21"]);
    let out = htq_cli_ok(
        &format!("http://{}", htq.addr),
        &[
            "task",
            "list",
            "find",
            "--state",
            "due",
            "--flow-key",
            "k0",
            "--url-contains",
            "needle",
            "--json",
        ],
    );
    let tasks: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(tasks.as_array().unwrap().len(), 5, "{tasks}");
    htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retained_finished_tasks_are_listed_by_how_they_ended() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "kept", |q| q.retention = Some(ms_duration(3_600_000))).await;
    let mut done = Vec::new();
    for i in 0..3 {
        done.push(push_get(c, "kept", &sink.url(&format!("/k{i}"))).await);
    }
    let later = schedule_get(c, "kept", &sink.url("/never"), 3_600_000).await;
    c.cancel_task(pb::CancelTaskRequest {
        queue: "kept".into(),
        id: later.clone(),
    })
    .await
    .unwrap();
    for id in &done {
        task_in(c, "kept", id, pb::TaskState::Succeeded).await;
    }
    let list = |state: pb::TaskState, size: i32, token: String| pb::ListTasksRequest {
        queue: "kept".into(),
        state: state as i32,
        page_size: size,
        page_token: token,
        ..Default::default()
    };
    let first = c
        .list_tasks(list(pb::TaskState::Succeeded, 2, String::new()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(first.tasks.len(), 2);
    assert!(!first.next_page_token.is_empty());
    let rest = c
        .list_tasks(list(pb::TaskState::Succeeded, 2, first.next_page_token))
        .await
        .unwrap()
        .into_inner();
    let mut ids: Vec<String> = first
        .tasks
        .iter()
        .chain(&rest.tasks)
        .map(|t| {
            assert_eq!(t.state, pb::TaskState::Succeeded as i32);
            t.id.clone()
        })
        .collect();
    ids.sort();
    done.sort();
    assert_eq!(ids, done);
    let cancelled = c
        .list_tasks(list(pb::TaskState::Cancelled, 10, String::new()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(cancelled.tasks.len(), 1);
    assert_eq!(cancelled.tasks[0].id, later);
    assert_eq!(cancelled.tasks[0].state, pb::TaskState::Cancelled as i32);
    htq.stop().await;
}

/// A read mask lists only the fields asked for: the name, kind and pause of
/// thousands of queues without their other settings; any field of Queue; an
/// unknown one is refused, naming the mask.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_queues_with_a_read_mask() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "masked", |q| {
        q.kind = pb::QueueKind::Timing as i32;
        q.max_concurrency = 5;
        q.request_timeout = Some(ms_duration(7_000));
    })
    .await;
    create_queue(c, "plain", |_| {}).await;
    c.pause_queue(pb::PauseQueueRequest {
        name: "masked".into(),
    })
    .await
    .unwrap();
    let list = |paths: &[&str]| pb::ListQueuesRequest {
        read_mask: Some(pbjson_types::FieldMask {
            paths: paths.iter().map(|p| (*p).to_owned()).collect(),
        }),
        ..Default::default()
    };
    let brief = c
        .list_queues(list(&["name", "kind", "paused"]))
        .await
        .unwrap()
        .into_inner();
    let got: Vec<_> = brief
        .queues
        .iter()
        .map(|q| (q.name.as_str(), q.kind, q.paused, q.max_concurrency))
        .collect();
    assert_eq!(
        got,
        [
            ("masked", pb::QueueKind::Timing as i32, true, 0),
            ("plain", pb::QueueKind::RealTime as i32, false, 0)
        ]
    );
    assert!(brief.queues.iter().all(|q| q.request_timeout.is_none()));
    // Other fields come from the full settings.
    let some = c
        .list_queues(list(&["name", "max_concurrency", "request_timeout"]))
        .await
        .unwrap()
        .into_inner();
    let q = &some.queues[0];
    assert_eq!(
        (q.name.as_str(), q.max_concurrency, q.kind),
        ("masked", 5, 0)
    );
    assert_eq!(q.request_timeout, Some(ms_duration(7_000)));
    assert!(!q.paused);
    // The JSON API: camelCase paths, only those keys.
    let json = get_json(htq.addr, "/v1/queues?readMask=name,maxConcurrency").await;
    let first = json["queues"][0].as_object().unwrap();
    let mut keys: Vec<_> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["maxConcurrency", "name"], "{json}");
    assert_eq!(first["maxConcurrency"], 5);
    // An unknown field is refused, over both.
    let err = c.list_queues(list(&["name", "colour"])).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(err.message().starts_with("read_mask"), "{}", err.message());
    let resp = reqwest::Client::new()
        .get(format!("http://{}/v1/queues?readMask=colour", htq.addr))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("read_mask: \"colour\""),
        "{body}"
    );
    htq.stop().await;
}
