//! The JSON API under /v1/ (proto3 JSON mapping, the same auth, gRPC status mapped
//! to HTTP), its Server-Sent Events with Last-Event-ID resume, and gRPC-web.

use std::time::Duration;

use futures::StreamExt;
use htq::api::pb;
use prost::Message;
use serde_json::{Value, json};

use crate::common::*;

struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    fn new(htq: &TestHtq) -> Api {
        Api {
            base: format!("http://{}", htq.addr),
            http: reqwest::Client::new(),
        }
    }

    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .http
            .request(method.parse().unwrap(), format!("{}{path}", self.base))
            .bearer_auth(TOKEN);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

#[tokio::test]
async fn json_api_round_trips_and_maps_errors() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let api = Api::new(&htq);

    let (s, q) = api
        .call(
            "POST",
            "/v1/queues",
            Some(
                json!({"name": "j", "kind": "QUEUE_KIND_REAL_TIME", "maxConcurrency": 2,
                        "requestTimeout": "2.500s", "retry": {"maxAttempts": 1}}),
            ),
        )
        .await;
    assert_eq!(s, 200, "{q}");
    assert_eq!(q["name"], "j");
    assert_eq!(q["maxConcurrency"], 2);
    assert_eq!(q["requestTimeout"], "2.500s");
    // Timestamps in RFC 3339, UTC with `Z`, as the proto3 JSON mapping writes them.
    assert_proto3_time(&q["createTime"]);
    let created: jiff::Timestamp = q["createTime"].as_str().unwrap().parse().unwrap();
    assert!((created.as_millisecond() - now_ms()).abs() < 10_000);
    let (s, got) = api.call("GET", "/v1/queues/j", None).await;
    assert_eq!((s, &got), (200, &q));

    // Push (body bytes are base64 in the JSON mapping), then read it back.
    let (s, pushed) = api
        .call(
            "POST",
            "/v1/queues/j/tasks",
            Some(
                json!({"request": {"method": "POST", "url": sink.url("/json"),
                        "headers": [{"name": "X-A", "value": "1"}], "data": "aGVsbG8="},
                        "idempotencyKey": "k1"}),
            ),
        )
        .await;
    assert_eq!(s, 200, "{pushed}");
    let id = pushed["taskId"].as_str().unwrap().to_owned();
    let hit = sink
        .wait_for(Some("/json"), 1, Duration::from_secs(3))
        .await;
    assert_eq!(&hit[0].body[..], b"hello");
    assert_eq!(hit[0].header("x-a"), Some("1"));
    let (_, again) = api
        .call(
            "POST",
            "/v1/queues/j/tasks",
            Some(json!({"request": {"url": sink.url("/json")}, "idempotency_key": "k1"})),
        )
        .await;
    assert_eq!(
        (again["taskId"].as_str(), &again["duplicate"]),
        (Some(id.as_str()), &json!(true))
    );

    // Update with a mask in the JSON spelling.
    let (s, u) = api
        .call(
            "PATCH",
            "/v1/queues/j?updateMask=maxConcurrency,maxDispatchesPerSecond",
            Some(json!({"maxConcurrency": 5, "maxDispatchesPerSecond": 2.5})),
        )
        .await;
    assert_eq!(s, 200, "{u}");
    assert_eq!(
        (
            u["maxConcurrency"].as_i64(),
            u["maxDispatchesPerSecond"].as_f64()
        ),
        (Some(5), Some(2.5))
    );

    // An update without a mask leaves a paused queue paused.
    let (s, p) = api.call("POST", "/v1/queues/j/pause", None).await;
    assert_eq!((s, &p["paused"]), (200, &json!(true)));
    let (s, u) = api
        .call("PATCH", "/v1/queues/j", Some(json!({"maxConcurrency": 6})))
        .await;
    assert_eq!(s, 200, "{u}");
    assert_eq!(
        (u["maxConcurrency"].as_i64(), &u["paused"]),
        (Some(6), &json!(true))
    );
    let (s, _) = api.call("POST", "/v1/queues/j/resume", None).await;
    assert_eq!(s, 200);

    // Schedules, counts, lists.
    let (s, sc) = api
        .call(
            "POST",
            "/v1/schedules",
            Some(json!({"name": "n", "queue": "j", "cron": "0 3 * * *",
                        "request": {"url": sink.url("/cron")}})),
        )
        .await;
    assert_eq!(s, 200, "{sc}");
    assert_eq!(sc["catchUp"], "CATCH_UP_ONE");
    let (s, list) = api.call("GET", "/v1/schedules", None).await;
    assert_eq!((s, list["schedules"][0]["name"].as_str()), (200, Some("n")));
    let (s, _) = api.call("DELETE", "/v1/schedules/n", None).await;
    assert_eq!(s, 200);
    let (s, counts) = api.call("GET", "/v1/queues/j/counts", None).await;
    assert_eq!(s, 200, "{counts}");
    let (s, dead) = api
        .call("GET", "/v1/queues/j/tasks?state=dead&pageSize=5", None)
        .await;
    assert_eq!(s, 200, "{dead}");

    // Errors: field named, status mapped, JSON body.
    let (s, e) = api
        .call(
            "POST",
            "/v1/queues",
            Some(json!({"name": "bad", "maxConcurrency": -1})),
        )
        .await;
    assert_eq!(s, 400);
    assert_eq!(e["error"]["status"], "INVALID_ARGUMENT");
    assert_eq!(e["error"]["code"], 400);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("queue.max_concurrency:"),
        "{e}"
    );
    let (s, e) = api
        .call("POST", "/v1/queues", Some(json!({"name": "j"})))
        .await;
    assert_eq!(
        (s, e["error"]["status"].as_str()),
        (409, Some("ALREADY_EXISTS"))
    );
    let (s, e) = api.call("GET", "/v1/queues/nope", None).await;
    assert_eq!((s, e["error"]["status"].as_str()), (404, Some("NOT_FOUND")));
    let (s, e) = api
        .call("GET", "/v1/queues/j/tasks?state=sleepy", None)
        .await;
    assert_eq!(s, 400);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("state:"),
        "{e}"
    );
    let resp = api
        .http
        .post(format!("{}/v1/queues", api.base))
        .bearer_auth(TOKEN)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let e: Value = resp.json().await.unwrap();
    assert!(
        e["error"]["message"].as_str().unwrap().starts_with("body:"),
        "{e}"
    );
    let resp = api
        .http
        .get(format!("{}/v1/queues", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["status"], "UNAUTHENTICATED");
    let (s, _) = api.call("DELETE", "/v1/queues/j", None).await;
    assert_eq!(s, 200);
    htq.stop().await;
}

/// Asserts `v` is a timestamp as the proto3 JSON mapping writes it:
/// `YYYY-MM-DDTHH:MM:SS[.fff|.ffffff|.fffffffff]Z`.
fn assert_proto3_time(v: &Value) {
    let t = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    let (whole, frac) = t
        .strip_suffix('Z')
        .unwrap_or_else(|| panic!("{t} does not end in Z"))
        .split_at(19);
    let shape: String = whole
        .chars()
        .map(|c| if c.is_ascii_digit() { 'd' } else { c })
        .collect();
    assert_eq!(shape, "dddd-dd-ddTdd:dd:dd", "{t}");
    assert!(
        frac.is_empty()
            || (matches!(frac.len(), 4 | 7 | 10)
                && frac.starts_with('.')
                && frac[1..].bytes().all(|b| b.is_ascii_digit())),
        "{t}"
    );
}

/// Reads Server-Sent Events from `resp` until `n` events with an id arrived:
/// (id, event name, data).
async fn sse(resp: reqwest::Response, n: usize) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut body = resp.bytes_stream();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while out.len() < n {
        let chunk = tokio::time::timeout_at(deadline, body.next())
            .await
            .expect("events in time")
            .unwrap()
            .unwrap();
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let (mut id, mut event, mut data) = (String::new(), String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    id = v.trim().to_owned();
                } else if let Some(v) = line.strip_prefix("event:") {
                    event = v.trim().to_owned();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim());
                }
            }
            if !id.is_empty() {
                out.push((id, event, serde_json::from_str(&data).unwrap()));
            }
        }
    }
    out
}

#[tokio::test]
async fn server_sent_events_resume_with_last_event_id() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "e", |_| {}).await;
    let http = reqwest::Client::new();
    let url = format!("http://{}/v1/queues/e/events", htq.addr);
    let resp = http.get(&url).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let id = push_get(&mut htq.client, "e", &sink.url("/e")).await;
    let first = sse(resp, 3).await;
    let names: Vec<_> = first.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(names, ["pushed", "started", "succeeded"]);
    assert_eq!(first[0].2["taskId"], id.as_str());
    assert_eq!(first[0].2["cursor"], first[0].0.as_str());
    for e in &first {
        assert_proto3_time(&e.2["time"]);
    }
    // Reconnect after the first event: the two that followed, then new ones.
    let resp = http
        .get(&url)
        .bearer_auth(TOKEN)
        .header("Last-Event-ID", &first[0].0)
        .send()
        .await
        .unwrap();
    let id2 = push_get(&mut htq.client, "e", &sink.url("/e")).await;
    let again = sse(resp, 5).await;
    let ids: Vec<_> = again.iter().map(|e| e.0.clone()).collect();
    assert_eq!(ids[..2], [first[1].0.clone(), first[2].0.clone()]);
    assert_eq!(again[2].2["taskId"], id2.as_str());
    // Filtered, every queue.
    let resp = http
        .get(format!(
            "http://{}/v1/events?kinds=succeeded&cursor={}",
            htq.addr,
            format_args!("{}/e", first[0].0)
        ))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let done = sse(resp, 2).await;
    assert!(done.iter().all(|e| e.1 == "succeeded"));
    assert_eq!(done[1].2["taskId"], id2.as_str());
    // No token, no stream; a bad kind names the parameter.
    let resp = http.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    let resp = http
        .get(format!("{url}?kinds=exploded"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    htq.stop().await;
}

#[tokio::test]
async fn grpc_web_calls_are_served() {
    let redis = TestRedis::start();
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "web", |q| q.max_concurrency = 3).await;
    let msg = pb::GetQueueRequest { name: "web".into() }.encode_to_vec();
    let mut frame = vec![0u8];
    frame.extend_from_slice(&(msg.len() as u32).to_be_bytes());
    frame.extend_from_slice(&msg);
    let resp = reqwest::Client::new()
        .post(format!("http://{}/htq.v1.HtqService/GetQueue", htq.addr))
        .header("content-type", "application/grpc-web+proto")
        .header("x-grpc-web", "1")
        .bearer_auth(TOKEN)
        .body(frame)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "application/grpc-web+proto"
    );
    let body = resp.bytes().await.unwrap();
    assert_eq!(body[0], 0, "a data frame first");
    let len = u32::from_be_bytes(body[1..5].try_into().unwrap()) as usize;
    let q = pb::Queue::decode(&body[5..5 + len]).unwrap();
    assert_eq!((q.name.as_str(), q.max_concurrency), ("web", 3));
    // Then the trailers frame, with grpc-status 0.
    assert_eq!(body[5 + len], 0x80);
    let trailers = String::from_utf8_lossy(&body[5 + len + 5..]);
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
    htq.stop().await;
}

#[tokio::test]
async fn tasks_named_like_a_queue_action_are_read_and_cancelled() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let api = Api::new(&htq);
    let (s, q) = api
        .call(
            "POST",
            "/v1/queues",
            Some(json!({"name": "p", "kind": "QUEUE_KIND_REAL_TIME", "paused": true})),
        )
        .await;
    assert_eq!(s, 200, "{q}");
    for id in ["batch", "schedule", "replay"] {
        let (s, pushed) = api
            .call(
                "POST",
                "/v1/queues/p/tasks",
                Some(json!({"request": {"url": sink.url("/named")}, "taskId": id})),
            )
            .await;
        assert_eq!((s, pushed["taskId"].as_str()), (200, Some(id)), "{pushed}");
        let (s, t) = api
            .call("GET", &format!("/v1/queues/p/tasks/{id}"), None)
            .await;
        assert_eq!((s, t["id"].as_str()), (200, Some(id)), "{t}");
        let (s, t) = api
            .call("DELETE", &format!("/v1/queues/p/tasks/{id}"), None)
            .await;
        assert_eq!(s, 200, "{id}: {t}");
        let (s, t) = api
            .call("GET", &format!("/v1/queues/p/tasks/{id}"), None)
            .await;
        assert_eq!(s, 404, "{id} still there: {t}");
    }
    assert!(sink.hits().is_empty());
}
