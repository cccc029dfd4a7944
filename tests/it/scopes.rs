//! Scoped tokens: a role (read, write, admin) and queue patterns, from a tokens
//! file holding digests only; checked on every RPC and route, over gRPC and JSON.

use std::time::Duration;

use htq::api::auth::{digest, hex};
use htq::api::pb;
use tonic::Code;

use crate::common::*;

fn entry(name: &str, token: &str, role: &str, queues: &[&str]) -> String {
    let queues: Vec<String> = queues.iter().map(|q| format!("\"{q}\"")).collect();
    format!(
        "[[token]]\nname = \"{name}\"\nsha256 = \"{}\"\nrole = \"{role}\"\nqueues = [{}]\n",
        hex(&digest(token.as_bytes())),
        queues.join(", ")
    )
}

/// HTQ with the tokens file `tokens`, and the test token as an admin when `admin`.
async fn start(redis: &TestRedis, dir: &std::path::Path, tokens: &str, admin: bool) -> TestHtq {
    let file = dir.join("tokens.toml");
    std::fs::write(&file, tokens).unwrap();
    let mut cfg = test_config(redis);
    cfg.tokens_file = Some(file);
    if !admin {
        cfg.tokens.clear();
    }
    TestHtq::start_with(cfg).await
}

fn code<T: std::fmt::Debug>(r: Result<T, tonic::Status>) -> Code {
    match r {
        Ok(_) => Code::Ok,
        Err(s) => s.code(),
    }
}

fn push(queue: &str, url: &str) -> pb::PushTaskRequest {
    pb::PushTaskRequest {
        queue: queue.into(),
        request: Some(get(url)),
        ..Default::default()
    }
}

fn queue(name: &str) -> pb::CreateQueueRequest {
    pb::CreateQueueRequest {
        queue: Some(pb::Queue {
            name: name.into(),
            ..Default::default()
        }),
    }
}

#[tokio::test]
async fn roles_and_queue_patterns_hold_on_every_door() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let tokens = [
        entry("reader", "r-token", "read", &["*"]),
        entry("billing-writer", "w-token", "write", &["billing-*"]),
        entry("billing-admin", "a-token", "admin", &["billing-*"]),
    ]
    .join("\n");
    let htq = start(&redis, dir.path(), &tokens, true).await;
    let mut admin = client(htq.addr, Some(TOKEN)).await;
    let mut reader = client(htq.addr, Some("r-token")).await;
    let mut writer = client(htq.addr, Some("w-token")).await;
    let mut badmin = client(htq.addr, Some("a-token")).await;
    for q in ["aaa-secret", "billing-eu", "mail"] {
        create_queue(&mut admin, q, |q| q.paused = true).await;
    }
    let url = sink.url("/s");

    // Reader: reads everything, changes nothing.
    let list = reader
        .list_queues(pb::ListQueuesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.queues.len(), 3);
    assert_eq!(
        code(reader.push_task(push("mail", &url)).await),
        Code::PermissionDenied
    );
    assert_eq!(
        code(reader.create_queue(queue("x")).await),
        Code::PermissionDenied
    );
    let err = reader
        .pause_queue(pb::PauseQueueRequest {
            name: "mail".into(),
        })
        .await
        .unwrap_err();
    assert!(err.message().contains("role is read"), "{err:?}");

    // Writer of billing-*: sees and pushes to billing queues only.
    let list = writer
        .list_queues(pb::ListQueuesRequest::default())
        .await
        .unwrap()
        .into_inner();
    let names: Vec<&str> = list.queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["billing-eu"]);
    // Pages of one: the tokens name only queues the token reaches.
    let mut token = String::new();
    let mut paged = Vec::new();
    loop {
        let page = writer
            .list_queues(pb::ListQueuesRequest {
                page_size: 1,
                page_token: token,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        paged.extend(page.queues.into_iter().map(|q| q.name));
        use base64::Engine;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&page.next_page_token)
            .unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(!text.contains("mail") && !text.contains("secret"), "{text}");
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(paged, ["billing-eu"]);
    assert_eq!(
        code(writer.push_task(push("billing-eu", &url)).await),
        Code::Ok
    );
    let before = redis.dump();
    let err = writer.push_task(push("mail", &url)).await.unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    assert!(err.message().contains("\"mail\""), "{err:?}");
    assert_eq!(redis.dump(), before, "a refused push leaves no trace");
    // Callbacks push into the queue they name: one the token does not reach is
    // refused too, on a push, a batch, a schedule and a publish.
    let hooked = |queue: &str| pb::Callbacks {
        on_success: Some(pb::Callback {
            url: url.clone(),
            ..Default::default()
        }),
        queue: queue.into(),
        ..Default::default()
    };
    let mut via_mail = push("billing-eu", &url);
    via_mail.callbacks = Some(hooked("mail"));
    let err = writer.push_task(via_mail).await.unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    assert!(err.message().contains("\"mail\""), "{err:?}");
    let batch = pb::PushTasksRequest {
        queue: "billing-eu".into(),
        tasks: vec![pb::TaskEntry {
            request: Some(get(&url)),
            callbacks: Some(hooked("mail")),
            ..Default::default()
        }],
    };
    assert_eq!(code(writer.push_tasks(batch).await), Code::PermissionDenied);
    let mut queue_hooks = queue("billing-hooked");
    queue_hooks.queue.as_mut().unwrap().callbacks = Some(hooked("mail"));
    assert_eq!(
        code(badmin.create_queue(queue_hooks).await),
        Code::PermissionDenied
    );
    assert_eq!(redis.dump(), before, "a refused callback leaves no trace");
    let mut own = push("billing-eu", &url);
    own.callbacks = Some(hooked("billing-eu"));
    assert_eq!(code(writer.push_task(own).await), Code::Ok);
    for c in [
        code(
            writer
                .get_queue(pb::GetQueueRequest {
                    name: "mail".into(),
                })
                .await,
        ),
        code(writer.create_queue(queue("billing-x")).await),
        code(
            writer
                .pause_queue(pb::PauseQueueRequest {
                    name: "billing-eu".into(),
                })
                .await,
        ),
        code(
            writer
                .create_signing_key(pb::CreateSigningKeyRequest {
                    queue: "billing-eu".into(),
                    algorithm: 0,
                })
                .await,
        ),
    ] {
        assert_eq!(c, Code::PermissionDenied);
    }

    // Admin of billing-*: manages billing queues and their keys, nothing else.
    assert_eq!(
        code(badmin.create_queue(queue("billing-us")).await),
        Code::Ok
    );
    assert_eq!(
        code(badmin.create_queue(queue("mail-2")).await),
        Code::PermissionDenied
    );
    let key = pb::CreateSigningKeyRequest {
        queue: "billing-us".into(),
        algorithm: 0,
    };
    assert_eq!(code(badmin.create_signing_key(key).await), Code::Ok);
    let global = admin
        .create_signing_key(pb::CreateSigningKeyRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        code(
            badmin
                .create_signing_key(pb::CreateSigningKeyRequest::default())
                .await
        ),
        Code::PermissionDenied
    );
    assert_eq!(
        code(
            badmin
                .retire_signing_key(pb::RetireSigningKeyRequest {
                    id: global.id.clone(),
                })
                .await
        ),
        Code::NotFound,
        "a key out of reach is answered as absent"
    );
    let schedule = |name: &str, queue: &str| pb::CreateScheduleRequest {
        schedule: Some(pb::Schedule {
            name: name.into(),
            queue: queue.into(),
            cron: "0 0 * * *".into(),
            request: Some(get(&url)),
            ..Default::default()
        }),
    };
    admin
        .create_schedule(schedule("nightly-mail", "mail"))
        .await
        .unwrap();
    assert_eq!(
        code(badmin.create_schedule(schedule("b", "billing-eu")).await),
        Code::Ok
    );
    assert_eq!(
        code(badmin.create_schedule(schedule("m", "mail")).await),
        Code::PermissionDenied
    );
    assert_eq!(
        code(
            badmin
                .delete_schedule(pb::DeleteScheduleRequest {
                    name: "nightly-mail".into(),
                })
                .await
        ),
        Code::NotFound
    );
    let listed = badmin
        .list_schedules(pb::ListSchedulesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.schedules.len(), 1);
    assert_eq!(listed.schedules[0].name, "b");

    // A watch of every queue by a scoped token carries only its queues' events.
    let mut events = writer
        .watch_queue(pb::WatchQueueRequest::default())
        .await
        .unwrap()
        .into_inner();
    tokio::time::sleep(Duration::from_millis(700)).await;
    admin.push_task(push("mail", &url)).await.unwrap();
    let mine = admin
        .push_task(push("billing-eu", &url))
        .await
        .unwrap()
        .into_inner()
        .task_id;
    loop {
        let item = tokio::time::timeout(Duration::from_secs(5), events.message())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Some(pb::watch_queue_response::Item::Event(e)) = item.item {
            assert_eq!(e.queue, "billing-eu", "{e:?}");
            if e.task_id == mine {
                break;
            }
        }
    }

    // JSON: the same rules, 403 with the reason; whoami; metrics need every queue.
    let http = reqwest::Client::new();
    let base = format!("http://{}", htq.addr);
    let r = http
        .post(format!("{base}/v1/queues/mail/tasks"))
        .bearer_auth("w-token")
        .body(format!(r#"{{"request":{{"url":"{url}"}}}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("PERMISSION_DENIED"));
    let r = http
        .post(format!("{base}/v1/queues/billing-eu/tasks"))
        .bearer_auth("w-token")
        .body(format!(r#"{{"request":{{"url":"{url}"}}}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let me: serde_json::Value = http
        .get(format!("{base}/v1/whoami"))
        .bearer_auth("w-token")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        me,
        serde_json::json!({"name": "billing-writer", "role": "write", "queues": ["billing-*"]})
    );
    let metrics = |token: &'static str| {
        let r = http
            .get(format!("{base}/metrics"))
            .bearer_auth(token)
            .send();
        async move { r.await.unwrap().status() }
    };
    assert_eq!(metrics("w-token").await, 403);
    assert_eq!(metrics("r-token").await, 200);
    let r = http
        .get(format!("{base}/v1/events"))
        .bearer_auth("r-token")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    htq.stop().await;
}

#[tokio::test]
async fn the_tokens_file_is_read_again_when_it_changes() {
    let redis = TestRedis::start();
    let dir = tempfile::tempdir().unwrap();
    let htq = start(
        &redis,
        dir.path(),
        &entry("a", "first", "read", &["*"]),
        false,
    )
    .await;
    let mut first = client(htq.addr, Some("first")).await;
    let mut second = client(htq.addr, Some("second")).await;
    assert_eq!(
        code(first.list_queues(pb::ListQueuesRequest::default()).await),
        Code::Ok
    );
    assert_eq!(
        code(second.list_queues(pb::ListQueuesRequest::default()).await),
        Code::Unauthenticated
    );
    // The token that was replaced stops working; the new one starts.
    std::fs::write(
        dir.path().join("tokens.toml"),
        entry("b", "second", "read", &["*"]),
    )
    .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while code(second.list_queues(pb::ListQueuesRequest::default()).await) != Code::Ok {
        assert!(tokio::time::Instant::now() < deadline, "never read again");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        code(first.list_queues(pb::ListQueuesRequest::default()).await),
        Code::Unauthenticated
    );
    // The file holds digests only: the token text is nowhere in it.
    let text = std::fs::read_to_string(dir.path().join("tokens.toml")).unwrap();
    assert!(!text.contains("\"second\""));
    // With only a tokens file, no token is generated.
    assert!(!htq.data.path().join(htq::server::TOKEN_FILE).exists());
    let mut flagged = client(htq.addr, Some(TOKEN)).await;
    assert_eq!(
        code(flagged.list_queues(pb::ListQueuesRequest::default()).await),
        Code::Unauthenticated
    );
    htq.stop().await;
}

#[tokio::test]
async fn a_revoked_token_s_watch_ends() {
    let redis = TestRedis::start();
    let dir = tempfile::tempdir().unwrap();
    let htq = start(
        &redis,
        dir.path(),
        &entry("w", "watcher", "read", &["*"]),
        true,
    )
    .await;
    let mut admin = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut admin, "watched", |q| q.paused = true).await;
    let mut watcher = client(htq.addr, Some("watcher")).await;
    let mut events = watcher
        .watch_queue(pb::WatchQueueRequest {
            queue: "watched".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    push_get(&mut admin, "watched", "http://127.0.0.1:9/").await;
    let first = tokio::time::timeout(Duration::from_secs(5), events.message()).await;
    assert!(matches!(first, Ok(Ok(Some(_)))), "{first:?}");
    // Revoked: the next event ends the watch.
    std::fs::write(dir.path().join("tokens.toml"), "").unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    push_get(&mut admin, "watched", "http://127.0.0.1:9/").await;
    let next = tokio::time::timeout(Duration::from_secs(5), events.message())
        .await
        .unwrap();
    assert_eq!(next.unwrap_err().code(), Code::Unauthenticated);
    htq.stop().await;
}
