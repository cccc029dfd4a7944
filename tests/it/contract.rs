//! Contract details a client relies on: the bearer scheme in any case, malformed
//! protobuf as the caller's error, unlimited event streams, what an update with and
//! without a field mask changes, opaque page tokens, and logs that keep URL
//! credentials out.

use std::time::Duration;

use htq::api::pb;
use serde_json::{Value, json};
use tonic::Code;

use crate::common::*;

#[tokio::test]
async fn bearer_scheme_is_matched_in_any_case() {
    let redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    let http = reqwest::Client::new();
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let auth = format!("{scheme} {TOKEN}");
        // gRPC
        let channel = tonic::transport::Channel::from_shared(format!("http://{}", htq.addr))
            .unwrap()
            .connect()
            .await
            .unwrap();
        let value: tonic::metadata::MetadataValue<_> = auth.parse().unwrap();
        let mut c = pb::htq_service_client::HtqServiceClient::with_interceptor(
            channel,
            move |mut r: tonic::Request<()>| {
                r.metadata_mut().insert("authorization", value.clone());
                Ok(r)
            },
        );
        c.list_queues(pb::ListQueuesRequest::default())
            .await
            .unwrap_or_else(|e| panic!("{scheme}: {e}"));
        // JSON API and metrics
        for path in ["/v1/queues", "/metrics"] {
            let r = http
                .get(format!("http://{}{path}", htq.addr))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{scheme} on {path}");
        }
    }
    for bad in [
        format!("Basic {TOKEN}"),
        format!("Bearer{TOKEN}"),
        "bearer".into(),
    ] {
        let r = http
            .get(format!("http://{}/v1/queues", htq.addr))
            .header("authorization", &bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{bad}");
    }
    htq.stop().await;
}

/// Sends `payload` as the one message of a gRPC call to `method` (a path:
/// service/method); returns the
/// grpc-status and grpc-message of the (trailers-only) answer.
async fn raw_grpc(addr: std::net::SocketAddr, method: &str, payload: &[u8]) -> (String, String) {
    let mut frame = vec![0u8];
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(payload);
    let resp = reqwest::Client::builder()
        .http2_prior_knowledge()
        .build()
        .unwrap()
        .post(format!("http://{addr}/{method}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(frame)
        .send()
        .await
        .unwrap();
    let h = resp.headers();
    let get = |k: &str| {
        h.get(k)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    (get("grpc-status"), get("grpc-message"))
}

#[tokio::test]
async fn a_message_that_does_not_decode_is_invalid_argument_and_writes_nothing() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "q", |_| {}).await;
    let before = redis.dump();
    let cases: [(&str, &[u8]); 6] = [
        // A length-delimited field longer than the message.
        ("CreateQueue", &[0x0a, 0x05, 0x61]),
        // A string that is not UTF-8.
        ("GetQueue", &[0x0a, 0x02, 0xff, 0xfe]),
        ("PushTask", &[0x0a, 0x01, 0x71, 0x12, 0x7f]),
        // A varint that never ends.
        ("ListQueues", &[0x08, 0xff, 0xff, 0xff]),
        // A wire type that does not exist.
        ("DeleteQueue", &[0x0f]),
        // The server-streaming method too.
        ("WatchQueue", &[0x0a, 0x03, 0xc3, 0x28, 0x00]),
    ];
    for (method, payload) in cases {
        let path = format!("htq.v1.HtqService/{method}");
        let (status, message) = raw_grpc(htq.addr, &path, payload).await;
        assert_eq!(
            status, "3",
            "{method}: INVALID_ARGUMENT expected, got {message}"
        );
        assert!(message.starts_with("request"), "{method}: {message}");
    }
    // The health service answers alike.
    let (status, message) = raw_grpc(
        htq.addr,
        "grpc.health.v1.Health/Check",
        &[0x0a, 0x02, 0xff, 0xfe],
    )
    .await;
    assert_eq!(status, "3", "Health/Check: {message}");
    assert_eq!(redis.dump(), before, "a refused message changed Redis");
    htq.stop().await;
}

#[tokio::test]
async fn max_events_minus_one_means_no_cap_and_watchers_see_every_event() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "all", |q| q.max_events = -1).await;
    let q = htq
        .client
        .get_queue(pb::GetQueueRequest { name: "all".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.max_events, -1);
    let mut w = htq
        .client
        .watch_queue(pb::WatchQueueRequest {
            queue: "all".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let id = push_get(&mut htq.client, "all", &sink.url("/all")).await;
    let mut kinds = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while kinds.len() < 3 {
        let m = tokio::time::timeout_at(deadline, w.message())
            .await
            .expect("events arrive")
            .unwrap()
            .unwrap();
        if let Some(pb::watch_queue_response::Item::Event(e)) = m.item {
            assert_eq!(e.task_id, id);
            kinds.push(pb::EventKind::try_from(e.kind).unwrap());
        }
    }
    use pb::EventKind::{Pushed, Started, Succeeded};
    assert_eq!(kinds, [Pushed, Started, Succeeded]);
    // No cap: 300 more pushes keep every event (the default cap would still keep
    // these, so use a small batch of single pushes and count them all).
    for _ in 0..300 {
        push_get(&mut htq.client, "all", &sink.url("/all")).await;
    }
    sink.wait_for(Some("/all"), 301, Duration::from_secs(20))
        .await;
    let mut conn = redis.conn();
    let len: u64 = redis::cmd("XLEN")
        .arg("htq:{all}:events")
        .query(&mut conn)
        .unwrap();
    assert!(len >= 301 * 3 - 300, "events kept: {len}");
    htq.stop().await;
}

async fn json_call(http: &reqwest::Client, method: &str, url: String, body: Value) -> (u16, Value) {
    let r = http
        .request(method.parse().unwrap(), url)
        .bearer_auth(TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

#[tokio::test]
async fn update_with_and_without_a_mask_agree_over_grpc_and_json() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let c = &mut htq.client;
    create_queue(c, "m", |q| {
        q.max_concurrency = 5;
        q.max_dispatches_per_second = 10.0;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 3,
            ..Default::default()
        });
    })
    .await;
    let update = |q: pb::Queue, mask: Option<&[&str]>| pb::UpdateQueueRequest {
        queue: Some(pb::Queue {
            name: "m".into(),
            ..q
        }),
        update_mask: mask.map(|m| pbjson_types::FieldMask {
            paths: m.iter().map(|p| p.to_string()).collect(),
        }),
    };
    let settings = |q: &pb::Queue| {
        (
            q.max_concurrency,
            q.max_dispatches_per_second,
            q.retry.as_ref().unwrap().max_attempts,
        )
    };
    // No mask: the fields that are set change, the others stay.
    let q = c
        .update_queue(update(
            pb::Queue {
                max_concurrency: 7,
                ..Default::default()
            },
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(settings(&q), (7, 10.0, 3));
    // No mask (or an empty one): zero values change nothing.
    for mask in [None, Some(&[][..])] {
        let q = c
            .update_queue(update(pb::Queue::default(), mask))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(settings(&q), (7, 10.0, 3), "{mask:?}");
    }
    // A mask: exactly the named fields, and zero means back to the default.
    let q = c
        .update_queue(update(
            pb::Queue {
                max_concurrency: 9,
                ..Default::default()
            },
            Some(&["max_dispatches_per_second", "retry.max_attempts"]),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(settings(&q), (7, 0.0, 10), "rate off, attempts default");

    // The JSON API follows the same rule.
    let http = reqwest::Client::new();
    let url = |query: &str| format!("http://{}/v1/queues/m{query}", htq.addr);
    let (s, q) = json_call(&http, "PATCH", url(""), json!({"maxConcurrency": 4})).await;
    assert_eq!(s, 200, "{q}");
    assert_eq!(
        (
            q["maxConcurrency"].as_i64(),
            q["retry"]["maxAttempts"].as_i64()
        ),
        (Some(4), Some(10))
    );
    let (_, q) = json_call(&http, "PATCH", url(""), json!({"maxConcurrency": 0})).await;
    assert_eq!(q["maxConcurrency"], 4, "0 without a mask changes nothing");
    let (_, q) = json_call(&http, "PATCH", url("?updateMask=maxConcurrency"), json!({})).await;
    assert_eq!(
        q["maxConcurrency"], 1,
        "a named field left out goes to its default"
    );
    let (s, e) = json_call(&http, "PATCH", url("?updateMask=kind"), json!({})).await;
    assert_eq!(s, 400);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("update_mask"),
        "{e}"
    );
    htq.stop().await;
}

#[tokio::test]
async fn list_queues_pages_with_its_own_tokens() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    let names = ["a", "b", "c", "d", "e"];
    for n in names {
        create_queue(&mut htq.client, n, |_| {}).await;
    }
    let (mut seen, mut token) = (Vec::new(), String::new());
    loop {
        let page = htq
            .client
            .list_queues(pb::ListQueuesRequest {
                page_size: 2,
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        seen.extend(page.queues.into_iter().map(|q| q.name));
        if page.next_page_token.is_empty() {
            break;
        }
        // Opaque: not the name it stands for.
        assert!(!names.contains(&page.next_page_token.as_str()));
        token = page.next_page_token;
    }
    assert_eq!(seen, names);
    // A ListTasks token is not a ListQueues token.
    htq.client
        .pause_queue(pb::PauseQueueRequest { name: "a".into() })
        .await
        .unwrap();
    for i in 0..3 {
        push_get(&mut htq.client, "a", &format!("http://127.0.0.1:9/{i}")).await;
    }
    let tasks = htq
        .client
        .list_tasks(pb::ListTasksRequest {
            queue: "a".into(),
            state: pb::TaskState::Due as i32,
            page_size: 1,
            page_token: String::new(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!tasks.next_page_token.is_empty());
    let e = htq
        .client
        .list_queues(pb::ListQueuesRequest {
            page_size: 1,
            page_token: tasks.next_page_token,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    htq.stop().await;
}

#[tokio::test]
async fn text_logs_never_show_url_credentials() {
    use std::io::Read;

    let redis = TestRedis::start();
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(redis.flag())
        .args(["--token", TOKEN])
        .args(["--app-key", "log-key", "--app-token", "log-token"])
        // The queue is made over gRPC and pushed to through the legacy API too.
        .args(["--legacy-scope", "all"])
        .arg("--data-dir")
        .arg(data.path())
        .env("RUST_LOG", "debug")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(std::time::Instant::now() < deadline, "htq did not listen");
        std::thread::sleep(Duration::from_millis(25));
    }
    let mut c = client(addr, Some(TOKEN)).await;
    create_queue(&mut c, "creds", |q| {
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        })
    })
    .await;
    // Nothing listens there: the connection error names the URL.
    let url = format!("http://alice:pw-SECRET-1@127.0.0.1:{closed}/x");
    let id = push_get(&mut c, "creds", &url).await;
    // A legacy GET task with data is logged with its URL (the data is dropped).
    let legacy = reqwest::Client::new()
        .post(format!("http://{addr}/api/addTask"))
        .multipart(
            reqwest::multipart::Form::new()
                .text("app_key", "log-key")
                .text("app_token", "log-token")
                .text("queue_name", "creds")
                .text("url", url.clone())
                .text("method", "GET")
                .text("header", "{}")
                .text("data", r#"{"k":"v"}"#),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(legacy.contains("\"error_code\":0"), "{legacy}");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let t = c
            .get_task(pb::GetTaskRequest {
                queue: "creds".into(),
                id: id.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state == pb::TaskState::Dead as i32 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the task did not die"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let _ = child.wait();
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    let dropped = logs
        .lines()
        .find(|l| l.contains("data dropped"))
        .unwrap_or_else(|| panic!("no line about the legacy task in\n{logs}"));
    assert!(dropped.contains("http://***@127.0.0.1"), "{dropped}");
    assert!(
        logs.contains("failed; dead-lettered"),
        "no dead-letter line in\n{logs}"
    );
    assert!(!logs.contains("pw-SECRET-1"), "a password is in the logs");
}
