//! Signed deliveries (Standard Webhooks 1.0): every active key of the task's scope
//! signs, retries keep the id, a rotation overlaps, a retired key stops, a hop to
//! another origin is not signed; key management over gRPC, JSON and the public
//! keys route. Also the fixture of real deliveries the client libraries verify.

use std::time::{Duration, SystemTime};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use htq::api::pb;
use htq_client::webhook::{Verifier, VerifyError};

use crate::common::*;

async fn create_key(c: &mut Client, queue: &str, alg: pb::SigningAlgorithm) -> pb::SigningKey {
    c.create_signing_key(pb::CreateSigningKeyRequest {
        queue: queue.into(),
        algorithm: alg as i32,
    })
    .await
    .unwrap()
    .into_inner()
}

/// Every signing key, of every scope.
async fn every_key(c: &mut Client) -> Vec<pb::SigningKey> {
    c.list_signing_keys(pb::ListSigningKeysRequest {
        queue: String::new(),
        all: true,
    })
    .await
    .unwrap()
    .into_inner()
    .keys
}

/// The key receivers configure: the HMAC secret or the Ed25519 public key.
fn material(k: &pb::SigningKey) -> String {
    if k.secret.is_empty() {
        k.public_key.clone()
    } else {
        k.secret.clone()
    }
}

fn verify(hit: &Hit, keys: &[&pb::SigningKey]) -> Result<(), VerifyError> {
    Verifier::new(keys.iter().map(|k| material(k)))
        .unwrap()
        .verify_headers(|name| hit.header(name), &hit.body)
}

fn signatures(hit: &Hit) -> usize {
    hit.header("webhook-signature")
        .map_or(0, |s| s.split(' ').count())
}

/// Pushes `request` into `queue` and waits for its delivery on `path`.
async fn deliver(
    c: &mut Client,
    sink: &Sink,
    queue: &str,
    path: &str,
    request: pb::HttpRequest,
) -> (String, Hit) {
    let before = sink.hits_on(path).len();
    let id = c
        .push_task(pb::PushTaskRequest {
            queue: queue.into(),
            request: Some(request),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .task_id;
    let hits = sink
        .wait_for(Some(path), before + 1, Duration::from_secs(5))
        .await;
    (id, hits[before].clone())
}

fn post(url: &str, body: &[u8]) -> pb::HttpRequest {
    pb::HttpRequest {
        url: url.into(),
        method: "POST".into(),
        body: Some(pb::http_request::Body::Data(body.to_vec())),
        ..Default::default()
    }
}

#[tokio::test]
async fn deliveries_carry_signatures_of_every_active_key_and_rotation_overlaps() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "signed", |q| {
        q.follow_redirects = true;
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 3,
            min_backoff: Some(ms_duration(10)),
            ..Default::default()
        })
    })
    .await;
    create_queue(&mut c, "other", |_| {}).await;

    // No key: no signature headers.
    let (_, plain) = deliver(&mut c, &sink, "signed", "/a", post(&sink.url("/a"), b"x")).await;
    assert_eq!(plain.header("webhook-signature"), None);

    let global = create_key(&mut c, "", pb::SigningAlgorithm::HmacSha256).await;
    assert!(global.secret.starts_with("whsec_"), "{global:?}");
    assert!(global.public_key.is_empty() && global.id.starts_with("key_"));
    let ed = create_key(&mut c, "signed", pb::SigningAlgorithm::Ed25519).await;
    assert!(ed.secret.is_empty() && ed.public_key.starts_with("whpk_"));
    let other = create_key(&mut c, "other", pb::SigningAlgorithm::HmacSha256).await;

    let body = br#"{"n": 1}"#;
    let (id, hit) = deliver(&mut c, &sink, "signed", "/a", post(&sink.url("/a"), body)).await;
    assert_eq!(hit.header("webhook-id"), Some(id.as_str()));
    let ts: i64 = hit.header("webhook-timestamp").unwrap().parse().unwrap();
    assert!((ts - now_ms() / 1000).abs() <= 2, "timestamp {ts}");
    assert_eq!(signatures(&hit), 2, "the global key and the queue's");
    assert_eq!(verify(&hit, &[&global]), Ok(()));
    assert_eq!(verify(&hit, &[&ed]), Ok(()));
    assert_eq!(verify(&hit, &[&other]), Err(VerifyError::NoMatch));
    let mut tampered = hit.clone();
    tampered.body = bytes::Bytes::from_static(br#"{"n": 2}"#);
    assert_eq!(
        verify(&tampered, &[&global, &ed]),
        Err(VerifyError::NoMatch)
    );
    // The other queue's deliveries carry its key and the global one, not this queue's.
    let (_, o) = deliver(&mut c, &sink, "other", "/o", post(&sink.url("/o"), b"o")).await;
    assert_eq!(verify(&o, &[&other]), Ok(()));
    assert_eq!(verify(&o, &[&ed]), Err(VerifyError::NoMatch));

    // A retry keeps the id; each attempt is signed afresh.
    sink.script("/retry", vec![Reply::status(500), Reply::status(200)]);
    let (id, _) = deliver(
        &mut c,
        &sink,
        "signed",
        "/retry",
        post(&sink.url("/retry"), b"r"),
    )
    .await;
    let tries = sink
        .wait_for(Some("/retry"), 2, Duration::from_secs(5))
        .await;
    for t in &tries {
        assert_eq!(t.header("webhook-id"), Some(id.as_str()));
        assert_eq!(verify(t, &[&global]), Ok(()));
    }

    // Rotation: the old key signs on through the overlap, beside the new one.
    let rotated = c
        .rotate_signing_key(pb::RotateSigningKeyRequest {
            queue: String::new(),
            algorithm: pb::SigningAlgorithm::HmacSha256 as i32,
            overlap: Some(ms_duration(3_600_000)),
        })
        .await
        .unwrap()
        .into_inner();
    let new = rotated.key.unwrap();
    assert_eq!(rotated.replaced.len(), 1);
    assert_eq!(rotated.replaced[0].id, global.id);
    assert!(
        rotated.replaced[0].secret.is_empty(),
        "secrets are shown once"
    );
    let until = rotated.replaced[0].expire_time.as_ref().unwrap().seconds;
    assert!((until - now_ms() / 1000 - 3600).abs() <= 2, "{until}");
    let (_, both) = deliver(&mut c, &sink, "signed", "/a", post(&sink.url("/a"), b"b")).await;
    assert_eq!(signatures(&both), 3);
    assert_eq!(verify(&both, &[&global]), Ok(()));
    assert_eq!(verify(&both, &[&new]), Ok(()));

    // Retired: gone at once, here and from the list.
    c.retire_signing_key(pb::RetireSigningKeyRequest {
        id: global.id.clone(),
    })
    .await
    .unwrap();
    let (_, after) = deliver(&mut c, &sink, "signed", "/a", post(&sink.url("/a"), b"c")).await;
    assert_eq!(verify(&after, &[&global]), Err(VerifyError::NoMatch));
    assert_eq!(verify(&after, &[&new]), Ok(()));
    let all = every_key(&mut c).await;
    let mut ids: Vec<&str> = all.iter().map(|k| k.id.as_str()).collect();
    ids.sort();
    let mut want = vec![new.id.as_str(), ed.id.as_str(), other.id.as_str()];
    want.sort();
    assert_eq!(ids, want);
    assert!(
        all.iter().all(|k| k.secret.is_empty()),
        "no secret in a list"
    );
    let err = c
        .retire_signing_key(pb::RetireSigningKeyRequest {
            id: global.id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::NotFound);

    // A form body is signed as the bytes sent.
    let form = pb::HttpRequest {
        url: sink.url("/form"),
        method: "POST".into(),
        body: Some(pb::http_request::Body::Form(pb::Form {
            fields: vec![pb::FormField {
                name: "名\"x".into(),
                value: "v\r\n1".into(),
            }],
        })),
        ..Default::default()
    };
    let (_, f) = deliver(&mut c, &sink, "signed", "/form", form).await;
    assert!(
        f.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    assert!(String::from_utf8_lossy(&f.body).contains("name=\"名%22x\"\r\n\r\nv\r\n1\r\n"));
    assert_eq!(verify(&f, &[&new, &ed]), Ok(()));

    // A hop to another origin carries neither the task's headers nor a signature.
    let elsewhere = Sink::start().await;
    sink.script(
        "/hop",
        vec![Reply::status(307).header("location", &elsewhere.url("/there"))],
    );
    deliver(
        &mut c,
        &sink,
        "signed",
        "/hop",
        post(&sink.url("/hop"), b"h"),
    )
    .await;
    let there = elsewhere
        .wait_for(Some("/there"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(there[0].header("webhook-signature"), None);
    assert_eq!(&there[0].body[..], b"h");

    // Deleting a queue removes its keys.
    c.delete_queue(pb::DeleteQueueRequest {
        name: "other".into(),
    })
    .await
    .unwrap();
    let left = every_key(&mut c).await;
    assert!(left.iter().all(|k| k.id != other.id));
    htq.stop().await;
}

#[tokio::test]
async fn keys_over_json_the_public_route_and_bad_input() {
    let redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "pub", |_| {}).await;
    create_queue(&mut c, "hidden", |_| {}).await;
    let http = reqwest::Client::new();
    let base = format!("http://{}", htq.addr);
    let call = |m: reqwest::Method, path: &str, body: Option<&str>| {
        let mut r = http.request(m, format!("{base}{path}")).bearer_auth(TOKEN);
        if let Some(b) = body {
            r = r.body(b.to_owned());
        }
        r.send()
    };
    use reqwest::Method;
    let r = call(
        Method::POST,
        "/v1/signing-keys",
        Some(r#"{"queue":"pub","algorithm":"SIGNING_ALGORITHM_ED25519"}"#),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let key: serde_json::Value = r.json().await.unwrap();
    let public = key["publicKey"].as_str().unwrap().to_owned();
    assert!(public.starts_with("whpk_"), "{key}");
    let r = call(
        Method::POST,
        "/v1/signing-keys",
        Some(r#"{"queue":"hidden"}"#),
    )
    .await
    .unwrap();
    let hidden: serde_json::Value = r.json().await.unwrap();
    assert!(hidden["secret"].as_str().unwrap().starts_with("whsec_"));
    call(
        Method::POST,
        "/v1/signing-keys",
        Some(r#"{"queue":"hidden","algorithm":"SIGNING_ALGORITHM_ED25519"}"#),
    )
    .await
    .unwrap();

    // Anyone may read the public keys of a queue they name; nothing else shows.
    let open = |q: &str| {
        let url = format!("{base}/v1/public-keys?queue={q}");
        async move { reqwest::get(url).await.unwrap().text().await.unwrap() }
    };
    let pubs = open("pub").await;
    assert!(pubs.contains(&public), "{pubs}");
    assert!(
        !pubs.contains("whsec_") && !pubs.contains("hidden"),
        "{pubs}"
    );
    let none = open("nope").await;
    assert!(!none.contains("whpk_"), "{none}");

    // Listing shows no secret; retiring over JSON removes the key.
    let listed = call(Method::GET, "/v1/signing-keys?all=true", None)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(listed.contains(hidden["id"].as_str().unwrap()));
    assert!(!listed.contains("whsec_"), "{listed}");
    let path = format!("/v1/signing-keys/{}", hidden["id"].as_str().unwrap());
    assert_eq!(
        call(Method::DELETE, &path, None).await.unwrap().status(),
        200
    );
    assert_eq!(
        call(Method::DELETE, &path, None).await.unwrap().status(),
        404
    );

    // Bad input: the field is named, nothing is written.
    let before = redis.dump();
    for (body, status, field) in [
        (r#"{"queue":"missing"}"#, 404, "missing"),
        (r#"{"algorithm":7}"#, 400, "algorithm"),
        (r#"{"queue":"bad\u0001name"}"#, 400, "queue"),
        (r#"{"overlap":"-5s"}"#, 400, "overlap"),
        (r#"{"overlap":"99999999s"}"#, 400, "overlap"),
    ] {
        let path = if body.contains("overlap") {
            "/v1/signing-keys/rotate"
        } else {
            "/v1/signing-keys"
        };
        let r = call(Method::POST, path, Some(body)).await.unwrap();
        assert_eq!(r.status(), status, "{body}");
        let text = r.text().await.unwrap();
        assert!(text.contains(field), "{body}: {text}");
    }
    let r = call(Method::GET, "/v1/signing-keys?queue=pub&all=true", None)
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(redis.dump(), before, "refused calls leave no trace");
    // Without a token the management routes refuse.
    let r = http
        .get(format!("{base}/v1/signing-keys"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // At most ten keys sign for one scope.
    for _ in 0..9 {
        create_key(&mut c, "pub", pb::SigningAlgorithm::HmacSha256).await;
    }
    let err = c
        .create_signing_key(pb::CreateSigningKeyRequest {
            queue: "pub".into(),
            algorithm: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::FailedPrecondition);
    htq.stop().await;
}

#[tokio::test]
async fn hidden_replies_are_not_stored() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    sink.script("/secret", vec![Reply::status(200).body("s3cret-reply")]);
    create_queue(&mut c, "shown", |_| {}).await;
    create_queue(&mut c, "hidden", |q| {
        q.hide_replies = true;
        q.retention = Some(ms_duration(60_000));
    })
    .await;
    let q = c
        .get_queue(pb::GetQueueRequest {
            name: "hidden".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(q.hide_replies);
    c.update_queue(pb::UpdateQueueRequest {
        queue: Some(pb::Queue {
            name: "shown".into(),
            retention: Some(ms_duration(60_000)),
            ..Default::default()
        }),
        update_mask: Some(pbjson_types::FieldMask {
            paths: vec!["retention".into()],
        }),
    })
    .await
    .unwrap();
    let mut replies = Vec::new();
    for queue in ["shown", "hidden"] {
        let id = push_get(&mut c, queue, &sink.url("/secret")).await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        let task = loop {
            let t = c
                .get_task(pb::GetTaskRequest {
                    queue: queue.into(),
                    id: id.clone(),
                })
                .await
                .unwrap()
                .into_inner();
            if t.state == pb::TaskState::Succeeded as i32 {
                break t;
            }
            assert!(tokio::time::Instant::now() < deadline, "{t:?}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(task.history[0].status, 200);
        replies.push(task.history[0].reply.clone());
    }
    assert_eq!(replies, ["s3cret-reply", ""]);
    htq.stop().await;
}

/// Real deliveries, signed by a rotation's keys, as cases for the client libraries:
/// `{"cases": [{"name", "body" (base64), "headers", "keys", "now" (Unix s), "valid"}]}`.
pub async fn fixture() -> serde_json::Value {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "wh", |_| {}).await;
    create_queue(&mut c, "elsewhere", |_| {}).await;
    let k1 = create_key(&mut c, "", pb::SigningAlgorithm::HmacSha256).await;
    let ed = create_key(&mut c, "wh", pb::SigningAlgorithm::Ed25519).await;
    let foreign = create_key(&mut c, "elsewhere", pb::SigningAlgorithm::Ed25519).await;
    let (_, first) = deliver(
        &mut c,
        &sink,
        "wh",
        "/wh",
        post(&sink.url("/wh"), "{\"event\":\"paid\",\"ü\":1}".as_bytes()),
    )
    .await;
    let k2 = c
        .rotate_signing_key(pb::RotateSigningKeyRequest {
            queue: String::new(),
            algorithm: 0,
            overlap: Some(ms_duration(3_600_000)),
        })
        .await
        .unwrap()
        .into_inner()
        .key
        .unwrap();
    let binary: Vec<u8> = (0..=255u8).rev().collect();
    let (_, during) = deliver(&mut c, &sink, "wh", "/wh", post(&sink.url("/wh"), &binary)).await;
    c.retire_signing_key(pb::RetireSigningKeyRequest { id: k1.id.clone() })
        .await
        .unwrap();
    let (_, after) = deliver(&mut c, &sink, "wh", "/wh", post(&sink.url("/wh"), b"")).await;
    htq.stop().await;

    let case = |name: &str, hit: &Hit, keys: &[&pb::SigningKey], valid: bool| {
        let headers: serde_json::Map<String, serde_json::Value> =
            ["webhook-id", "webhook-timestamp", "webhook-signature"]
                .iter()
                .filter_map(|h| Some((h.to_string(), hit.header(h)?.into())))
                .collect();
        let ts: i64 = hit.header("webhook-timestamp").unwrap().parse().unwrap();
        serde_json::json!({
            "name": name,
            "body": B64.encode(&hit.body),
            "headers": headers,
            "keys": keys.iter().map(|k| material(k)).collect::<Vec<_>>(),
            "now": ts + 1,
            "valid": valid,
        })
    };
    let mut cases = vec![
        case("first, old secret", &first, &[&k1], true),
        case("first, new secret", &first, &[&k2], false),
        case("first, public key", &first, &[&ed], true),
        case("first, other queue's key", &first, &[&foreign], false),
        case("rotation, old secret", &during, &[&k1], true),
        case("rotation, new secret", &during, &[&k2], true),
        case("rotation, public key", &during, &[&ed], true),
        case("retired, old secret", &after, &[&k1], false),
        case("retired, new secret", &after, &[&k2], true),
        case("retired, both secrets", &after, &[&k1, &k2], true),
        case(
            "retired, public key and new secret",
            &after,
            &[&ed, &k2],
            true,
        ),
    ];
    let mut tampered = first.clone();
    let mut body = tampered.body.to_vec();
    body[2] ^= 1;
    tampered.body = body.into();
    cases.push(case("tampered body, secret", &tampered, &[&k1], false));
    cases.push(case("tampered body, public key", &tampered, &[&ed], false));
    let mut other_id = first.clone();
    other_id.headers.insert(
        "webhook-id",
        http::HeaderValue::from_static("tsk_someone_else"),
    );
    cases.push(case("another id", &other_id, &[&k1, &ed], false));
    let mut stale = case("an hour late", &first, &[&k1, &ed], false);
    stale["now"] = (stale["now"].as_i64().unwrap() + 3600).into();
    cases.push(stale);
    let mut early = case("from the future", &first, &[&k1, &ed], false);
    early["now"] = (early["now"].as_i64().unwrap() - 3600).into();
    cases.push(early);
    let mut unsigned = case("no signature header", &first, &[&k1, &ed], false);
    unsigned["headers"]
        .as_object_mut()
        .unwrap()
        .remove("webhook-signature");
    cases.push(unsigned);
    serde_json::json!({ "cases": cases })
}

#[tokio::test]
async fn the_fixture_verifies_in_rust() {
    let fixture = fixture().await;
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 17);
    for case in cases {
        let keys: Vec<&str> = case["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let body = B64.decode(case["body"].as_str().unwrap()).unwrap();
        let headers = case["headers"].as_object().unwrap();
        let now =
            SystemTime::UNIX_EPOCH + Duration::from_secs(case["now"].as_i64().unwrap() as u64);
        let h = |n: &str| headers.get(n).and_then(|v| v.as_str()).unwrap_or("");
        let got = Verifier::new(&keys).unwrap().verify_at(
            h("webhook-id"),
            h("webhook-timestamp"),
            h("webhook-signature"),
            &body,
            now,
        );
        assert_eq!(got.is_ok(), case["valid"].as_bool().unwrap(), "{case}");
    }
}

#[tokio::test]
async fn a_key_made_on_one_process_signs_on_another() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let a = TestHtq::start(&redis).await;
    let b = TestHtq::start(&redis).await;
    let mut ca = client(a.addr, Some(TOKEN)).await;
    let mut cb = client(b.addr, Some(TOKEN)).await;
    create_queue(&mut ca, "shared", |_| {}).await;
    let key = create_key(&mut ca, "", pb::SigningAlgorithm::HmacSha256).await;
    a.stop().await;
    // Only b delivers now; it heard of the key on the wake channel.
    let start = std::time::Instant::now();
    loop {
        let (_, hit) = deliver(&mut cb, &sink, "shared", "/s", post(&sink.url("/s"), b"x")).await;
        if verify(&hit, &[&key]).is_ok() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "the other process never signed with the new key"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let retired = cb
        .retire_signing_key(pb::RetireSigningKeyRequest { id: key.id.clone() })
        .await;
    assert!(retired.is_ok());
    let (_, hit) = deliver(&mut cb, &sink, "shared", "/s", post(&sink.url("/s"), b"y")).await;
    assert_eq!(hit.header("webhook-signature"), None);
    b.stop().await;
}

#[tokio::test]
async fn each_call_of_a_variable_task_is_a_message_of_its_own() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let mut c = client(htq.addr, Some(TOKEN)).await;
    create_queue(&mut c, "poll", |q| q.kind = pb::QueueKind::Variable as i32).await;
    let key = create_key(&mut c, "poll", pb::SigningAlgorithm::HmacSha256).await;
    let id = push_get(&mut c, "poll", &sink.url("/poll")).await;
    let calls = sink
        .wait_for(Some("/poll"), 2, Duration::from_secs(5))
        .await;
    let ids: Vec<&str> = calls[..2]
        .iter()
        .map(|h| h.header("webhook-id").unwrap())
        .collect();
    assert_eq!(ids, [format!("{id}.1"), format!("{id}.2")]);
    for h in &calls[..2] {
        assert_eq!(verify(h, &[&key]), Ok(()));
    }
    c.delete_queue(pb::DeleteQueueRequest {
        name: "poll".into(),
    })
    .await
    .unwrap();
    htq.stop().await;
}
