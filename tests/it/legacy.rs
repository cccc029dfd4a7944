//! The legacy HTQ API over real HTTP: the conformance examples of the contract
//! (legacy-api.md §10, numbered as there), with shorter intervals.

use std::time::Duration;

use reqwest::multipart::Form;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::*;

const K: &str = "legacy-key";
const T: &str = "legacy-token";
const ZONE: &str = "Asia/Shanghai";
const ADDED: &str = r#"{"error_code":0,"message":"添加成功"}"#;
const DELETED: &str = r#"{"error_code":0,"message":"删除成功"}"#;
const AUTH: &str = r#"{"error_code":1000,"message":"认证失败"}"#;
const EXISTS: &str = r#"{"error_code":1002,"message":"队列名已经存在"}"#;
const NO_QUEUE: &str = r#"{"error_code":1003,"message":"队列不存在，请先创建"}"#;
const BAD: &str = r#"{"error_code":1005,"message":"参数错误"}"#;

struct Legacy {
    htq: TestHtq,
    base: String,
    http: reqwest::Client,
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

async fn answer(r: reqwest::Response) -> Answer {
    Answer {
        status: r.status().as_u16(),
        headers: r.headers().clone(),
        body: r.text().await.unwrap(),
    }
}

impl Legacy {
    async fn start(redis: &TestRedis) -> Legacy {
        Self::start_scoped(redis, htq::core::legacy::LegacyScope::Legacy).await
    }

    async fn start_scoped(redis: &TestRedis, scope: htq::core::legacy::LegacyScope) -> Legacy {
        let mut cfg = test_config(redis);
        cfg.legacy.scope = scope;
        cfg.legacy.app_key = Some(K.into());
        cfg.legacy.app_token = Some(T.into());
        cfg.legacy.time_zone = Some(ZONE.into());
        let htq = TestHtq::start_with(cfg).await;
        let base = format!("http://{}", htq.addr);
        Legacy {
            htq,
            base,
            http: reqwest::Client::new(),
        }
    }

    fn with_auth(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut all = vec![
            ("app_key".to_owned(), K.to_owned()),
            ("app_token".to_owned(), T.to_owned()),
        ];
        all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        all
    }

    /// POST multipart/form-data, as the PHP SDK does (credentials added).
    async fn call(&self, endpoint: &str, fields: &[(&str, &str)]) -> Answer {
        self.raw_multipart(endpoint, Self::with_auth(fields)).await
    }

    async fn raw_multipart(&self, endpoint: &str, fields: Vec<(String, String)>) -> Answer {
        let mut form = Form::new();
        for (k, v) in fields {
            form = form.text(k, v);
        }
        answer(
            self.http
                .post(format!("{}{endpoint}", self.base))
                .multipart(form)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    async fn urlencoded(&self, endpoint: &str, fields: &[(&str, &str)]) -> Answer {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        answer(
            self.http
                .post(format!("{}{endpoint}", self.base))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    async fn json(&self, endpoint: &str, body: serde_json::Value) -> Answer {
        let req = self
            .http
            .post(format!("{}{endpoint}", self.base))
            .header("Content-Type", "application/json")
            .body(body.to_string());
        answer(req.send().await.unwrap()).await
    }

    async fn count(&self, queue: &str) -> i64 {
        let a = self.call("/api/countQueue", &[("queue_name", queue)]).await;
        a.json()["count"].as_i64().unwrap()
    }

    async fn all(&self) -> Vec<serde_json::Value> {
        self.call("/api/allQueue", &[])
            .await
            .json()
            .as_array()
            .unwrap()
            .clone()
    }
}

/// `execute_time` text `secs` from now in the server's zone, and its instant (ms).
fn execute_time_in(secs: i64) -> (String, i64) {
    let tz = jiff::tz::TimeZone::get(ZONE).unwrap();
    let at = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .unwrap();
    let text = at
        .to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    let ms = htq::legacy::execute_time::parse(&text, &tz).unwrap();
    (text, ms)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transport_root_encodings_and_auth() {
    let redis = TestRedis::start();
    let l = Legacy::start(&redis).await;
    // 1. GET / and HEAD /.
    let r = answer(l.http.get(format!("{}/", l.base)).send().await.unwrap()).await;
    assert_eq!((r.status, r.body.as_str()), (200, "HTQ"));
    assert_eq!(r.headers["content-type"], "text/html; charset=utf-8");
    assert!(r.headers.get("access-control-allow-origin").is_none());
    let r = l.http.head(format!("{}/", l.base)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // 2. allQueue: a JSON array sent as text/html, with CORS.
    let r = l.call("/api/allQueue", &[]).await;
    assert_eq!((r.status, r.body.as_str()), (200, "[]"));
    assert_eq!(r.headers["content-type"], "text/html; charset=utf-8");
    assert_eq!(r.headers["access-control-allow-origin"], "*");
    assert_eq!(r.headers["access-control-allow-credentials"], "true");
    // 3, 4. The same urlencoded and as JSON.
    assert_eq!(
        l.urlencoded("/api/allQueue", &[("app_key", K), ("app_token", T)])
            .await
            .body,
        "[]"
    );
    assert_eq!(
        l.json(
            "/api/allQueue",
            serde_json::json!({"app_key": K, "app_token": T})
        )
        .await
        .body,
        "[]"
    );
    // Path matching: case, one trailing slash, query ignored; `//api` is no route.
    for path in ["/API/ALLQUEUE", "/api/allQueue/", "/api/allQueue?x=1"] {
        assert_eq!(l.call(path, &[]).await.body, "[]", "{path}");
    }
    assert_eq!(l.call("//api/allQueue", &[]).await.status, 404);
    assert_eq!(
        l.http
            .get(format!("{}/api/allQueue", l.base))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    // 5. Each endpoint, wrong token, in each encoding: the exact 1000 body, with CORS.
    for ep in [
        "addQueue",
        "deleteQueue",
        "allQueue",
        "countQueue",
        "addTask",
    ] {
        let path = format!("/api/{ep}");
        let fields = [
            ("app_key", K),
            ("app_token", "wrong"),
            ("queue_name", "q"),
            ("url", "http://127.0.0.1/"),
        ];
        let owned: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let a = l.raw_multipart(&path, owned).await;
        assert_eq!((a.status, a.body.as_str()), (200, AUTH), "{ep}");
        assert_eq!(a.headers["access-control-allow-origin"], "*");
        assert_eq!(l.urlencoded(&path, &fields).await.body, AUTH, "{ep}");
        let json: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
            .collect();
        assert_eq!(l.json(&path, json.into()).await.body, AUTH, "{ep}");
    }
    // 6. No body, or a text/plain body: 1000.
    let r = answer(
        l.http
            .post(format!("{}/api/allQueue", l.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.body, AUTH);
    let r = answer(
        l.http
            .post(format!("{}/api/allQueue", l.base))
            .header("Content-Type", "text/plain")
            .body(format!("app_key={K}&app_token={T}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.body, AUTH);
    // A credential given twice: 1000. Headers instead of fields: accepted.
    let twice = vec![
        ("app_key".to_owned(), K.to_owned()),
        ("app_key".to_owned(), K.to_owned()),
        ("app_token".to_owned(), T.to_owned()),
    ];
    assert_eq!(l.raw_multipart("/api/allQueue", twice).await.body, AUTH);
    let r = answer(
        l.http
            .post(format!("{}/api/allQueue", l.base))
            .header("X-HTQ-App-Key", K)
            .header("X-HTQ-App-Token", T)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.body, "[]");
    // CORS preflight.
    let r = l
        .http
        .request(reqwest::Method::OPTIONS, format!("{}/api/addTask", l.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    assert_eq!(r.headers()["access-control-allow-methods"], "POST, OPTIONS");
    // Malformed multipart: 400 with the 1005 body, no stack trace. Over the cap: 413.
    let r = answer(
        l.http
            .post(format!("{}/api/addTask", l.base))
            .header("Content-Type", "multipart/form-data; boundary=XyZ")
            .body("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((r.status, r.body.as_str()), (400, BAD));
    let big = "x".repeat(2 * 1024 * 1024 + 1);
    let r = l
        .call(
            "/api/addTask",
            &[("url", "http://127.0.0.1/"), ("data", &big)],
        )
        .await;
    assert_eq!(r.status, 413);
    assert!(
        redis.keys().is_empty(),
        "refused calls wrote {:?}",
        redis.keys()
    );
    l.htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queues_add_list_count_delete() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let l = Legacy::start(&redis).await;
    // 12, 13.
    assert_eq!(
        l.call(
            "/api/addQueue",
            &[("queue_name", "c12"), ("type", "real_time")]
        )
        .await
        .body,
        ADDED
    );
    assert!(
        l.all().await.contains(
            &serde_json::json!({"queue_name": "c12", "attribute": {"type": "real_time"}})
        )
    );
    assert_eq!(
        l.call(
            "/api/addQueue",
            &[("queue_name", "c12"), ("type", "timing")]
        )
        .await
        .body,
        EXISTS
    );
    assert!(
        l.all().await.contains(
            &serde_json::json!({"queue_name": "c12", "attribute": {"type": "real_time"}})
        )
    );
    // 14. Two at once: one 0, one 1002.
    let (a, b) = tokio::join!(
        l.call(
            "/api/addQueue",
            &[("queue_name", "c14"), ("type", "real_time")]
        ),
        l.call(
            "/api/addQueue",
            &[("queue_name", "c14"), ("type", "real_time")]
        )
    );
    let mut bodies = [a.body, b.body];
    bodies.sort();
    assert_eq!(bodies, [ADDED.to_owned(), EXISTS.to_owned()]);
    // 15. Variable attribute kept as text; the PHP SDK's zero defaults too.
    l.call(
        "/api/addQueue",
        &[
            ("queue_name", "c15"),
            ("type", "variable"),
            ("stepping_time", "10"),
            ("max_time_interval", "3600"),
        ],
    )
    .await;
    l.call(
        "/api/addQueue",
        &[
            ("queue_name", "sdk"),
            ("type", "real_time"),
            ("stepping_time", "0"),
            ("max_time_interval", "0"),
        ],
    )
    .await;
    l.call("/api/addQueue", &[("queue_name", "notype")]).await;
    let all = l.all().await;
    assert!(all.contains(&serde_json::json!({"queue_name": "c15", "attribute": {"type": "variable", "stepping_time": "10", "max_time_interval": "3600"}})));
    assert!(all.contains(&serde_json::json!({"queue_name": "sdk", "attribute": {"type": "real_time", "stepping_time": "0", "max_time_interval": "0"}})));
    assert!(all.contains(
        &serde_json::json!({"queue_name": "notype", "attribute": {"type": "real_time"}})
    ));
    // The exact text of a variable attribute, key order included.
    let raw = l.call("/api/allQueue", &[]).await.body;
    assert!(raw.contains(r#"{"queue_name":"c15","attribute":{"type":"variable","stepping_time":"10","max_time_interval":"3600"}}"#), "{raw}");
    // A queue made over gRPC is out of the legacy credentials' reach: not listed,
    // not counted, not deleted, not pushed to (see also legacy_scope_all).
    let mut grpc = client(l.htq.addr, Some(TOKEN)).await;
    create_queue(&mut grpc, "from-grpc", |q| {
        q.kind = htq::api::pb::QueueKind::Timing as i32
    })
    .await;
    assert!(!l.all().await.iter().any(|q| q["queue_name"] == "from-grpc"));
    let deleted = l
        .call("/api/deleteQueue", &[("queue_name", "from-grpc")])
        .await
        .body;
    assert!(!deleted.contains("\"error_code\":0"), "{deleted}");
    let added = l
        .call(
            "/api/addTask",
            &[("queue_name", "from-grpc"), ("url", "http://127.0.0.1:9/")],
        )
        .await
        .body;
    assert!(!added.contains("\"error_code\":0"), "{added}");
    grpc.get_queue(htq::api::pb::GetQueueRequest {
        name: "from-grpc".into(),
    })
    .await
    .expect("the gRPC queue is still there");

    // 22, 23, 24.
    assert_eq!(
        l.call("/api/countQueue", &[("queue_name", "nope")])
            .await
            .body,
        r#"{"error_code":0,"count":0}"#
    );
    let (later, _) = execute_time_in(60);
    for i in 0..3 {
        let url = sink.url(&format!("/c23?i={i}"));
        assert_eq!(
            l.call(
                "/api/addTask",
                &[
                    ("queue_name", "c12"),
                    ("url", &url),
                    ("execute_time", &later)
                ]
            )
            .await
            .body,
            ADDED
        );
    }
    assert_eq!(
        l.call("/api/countQueue", &[("queue_name", "c12")])
            .await
            .body,
        r#"{"error_code":0,"count":3}"#
    );
    let wrong = vec![
        ("app_key".into(), K.into()),
        ("app_token".into(), "x".into()),
        ("queue_name".into(), "c12".into()),
    ];
    assert_eq!(l.raw_multipart("/api/countQueue", wrong).await.body, AUTH);

    // 25, 26.
    assert_eq!(
        l.call("/api/deleteQueue", &[("queue_name", "nope")])
            .await
            .body,
        NO_QUEUE
    );
    let (soon, _) = execute_time_in(2);
    for i in 0..2 {
        let url = sink.url(&format!("/c26?i={i}"));
        l.call(
            "/api/addTask",
            &[
                ("queue_name", "c26"),
                ("url", &url),
                ("execute_time", &soon),
            ],
        )
        .await;
    }
    assert_eq!(l.count("c26").await, 2);
    assert_eq!(
        l.call("/api/deleteQueue", &[("queue_name", "c26")])
            .await
            .body,
        DELETED
    );
    assert_eq!(l.count("c26").await, 0);
    assert!(!l.all().await.iter().any(|q| q["queue_name"] == "c26"));
    assert_eq!(
        l.call("/api/deleteQueue", &[("queue_name", "c26")])
            .await
            .body,
        NO_QUEUE
    );
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert!(
        sink.hits_on("/c26").is_empty(),
        "a deleted queue's task was called"
    );
    l.htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_are_delivered_as_the_contract_says() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let l = Legacy::start(&redis).await;
    // 29. POST with header and data: multipart parts, the header, no marker.
    let url = sink.url("/p29?x=1");
    let r = l
        .call(
            "/api/addTask",
            &[
                ("queue_name", "q29"),
                ("url", &url),
                ("method", "POST"),
                ("header", r#"{"X-A":"1"}"#),
                ("data", r#"{"k":"v","n":5}"#),
                ("execute_time", "0"),
            ],
        )
        .await;
    assert_eq!(r.body, ADDED);
    let hit = sink
        .wait_for(Some("/p29"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    assert_eq!(hit.method, "POST");
    assert_eq!(hit.uri, "/p29?x=1");
    assert_eq!(hit.header("x-a"), Some("1"));
    assert_eq!(hit.header("user-agent"), Some(htq::legacy::USER_AGENT));
    assert!(
        hit.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let text = String::from_utf8_lossy(&hit.body);
    assert!(
        text.contains("name=\"k\"\r\n\r\nv\r\n") && text.contains("name=\"n\"\r\n\r\n5\r\n"),
        "{text}"
    );

    // 30. The SDK's defaults: GET, header [], data [], execute_time 0.
    let url = sink.url("/g?x=1&y=2");
    l.call(
        "/api/addTask",
        &[
            ("queue_name", "q30"),
            ("url", &url),
            ("method", "GET"),
            ("header", "[]"),
            ("data", "[]"),
            ("execute_time", "0"),
        ],
    )
    .await;
    let hit = sink
        .wait_for(Some("/g"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    assert_eq!(
        (hit.method.as_str(), hit.uri.as_str()),
        ("GET", "/g?x=1&y=2")
    );
    assert!(hit.body.is_empty());

    // 34, 35. No queue name: default_queue; an unknown queue is created real_time.
    let url = sink.url("/d34");
    assert_eq!(l.call("/api/addTask", &[("url", &url)]).await.body, ADDED);
    sink.wait_for(Some("/d34"), 1, Duration::from_secs(3)).await;
    let url = sink.url("/d35");
    assert_eq!(
        l.call(
            "/api/addTask",
            &[("queue_name", "brand-new"), ("url", &url)]
        )
        .await
        .body,
        ADDED
    );
    sink.wait_for(Some("/d35"), 1, Duration::from_secs(3)).await;
    let all = l.all().await;
    assert!(all.contains(
        &serde_json::json!({"queue_name": "default_queue", "attribute": {"type": "real_time"}})
    ));
    assert!(all.contains(
        &serde_json::json!({"queue_name": "brand-new", "attribute": {"type": "real_time"}})
    ));

    // 36. execute_time in the server's zone.
    let (at, due_ms) = execute_time_in(3);
    let url = sink.url("/t36");
    l.call(
        "/api/addTask",
        &[("queue_name", "q36"), ("url", &url), ("execute_time", &at)],
    )
    .await;
    assert_eq!(l.count("q36").await, 1);
    let hit = sink
        .wait_for(Some("/t36"), 1, Duration::from_secs(6))
        .await
        .remove(0);
    assert!(
        hit.at_ms >= due_ms && hit.at_ms - due_ms < 1000,
        "due {due_ms}, arrived {}",
        hit.at_ms
    );

    // 45. A task Content-Type does not break the multipart body.
    let url = sink.url("/ct45");
    l.call(
        "/api/addTask",
        &[
            ("queue_name", "q45"),
            ("url", &url),
            ("method", "POST"),
            ("header", r#"{"Content-Type":"text/plain"}"#),
            ("data", r#"{"a":"b"}"#),
        ],
    )
    .await;
    let hit = sink
        .wait_for(Some("/ct45"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    assert!(
        hit.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    assert!(String::from_utf8_lossy(&hit.body).contains("name=\"a\"\r\n\r\nb\r\n"));

    // The 2019 SDK's addTask(queue, url, time): the time arrives as `method`.
    let (at, due_ms) = execute_time_in(60);
    let url = sink.url("/shim");
    l.call(
        "/api/addTask",
        &[
            ("queue_name", "shim"),
            ("url", &url),
            ("method", &at),
            ("execute_time", ""),
        ],
    )
    .await;
    let store = connect_store(&redis).await;
    let tasks = store
        .list_tasks("shim", htq::model::TaskState::Scheduled, now_ms(), 0, 10)
        .await
        .unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        (tasks[0].schedule_ms, tasks[0].request.method.as_str()),
        (due_ms, "GET")
    );
    l.htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serial_order_and_one_attempt() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow48",
        vec![Reply::status(200).delay(Duration::from_millis(500))],
    );
    sink.script("/fail50", vec![Reply::status(500)]);
    let l = Legacy::start(&redis).await;
    // 48. A, B, C added apart, the endpoint slow: in order, never overlapping.
    for name in ["A", "B", "C"] {
        let url = sink.url(&format!("/slow48?t={name}"));
        l.call("/api/addTask", &[("queue_name", "q48"), ("url", &url)])
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let hits = sink
        .wait_for(Some("/slow48"), 3, Duration::from_secs(5))
        .await;
    let order: Vec<&str> = hits.iter().map(|h| h.uri.as_str()).collect();
    assert_eq!(order, ["/slow48?t=A", "/slow48?t=B", "/slow48?t=C"]);
    for pair in hits.windows(2) {
        assert!(
            pair[1].at.duration_since(pair[0].at) >= Duration::from_millis(500),
            "overlap"
        );
    }
    // 50. A 500 and a refused connection: no retry, the queue moves on.
    let refused = format!("http://127.0.0.1:{}/x", {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    });
    let fail = sink.url("/fail50");
    let next = sink.url("/next50");
    for url in [&fail, &refused, &next] {
        l.call("/api/addTask", &[("queue_name", "q50"), ("url", url)])
            .await;
    }
    sink.wait_for(Some("/next50"), 1, Duration::from_secs(5))
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        sink.hits_on("/fail50").len(),
        1,
        "a failed legacy task is not retried"
    );
    assert_eq!(l.count("q50").await, 0);
    // Legacy HTQ followed redirects, and its queues still do.
    sink.script(
        "/moved",
        vec![Reply::status(302).header("location", "/landed")],
    );
    let moved = sink.url("/moved");
    l.call("/api/addTask", &[("queue_name", "q51"), ("url", &moved)])
        .await;
    sink.wait_for(Some("/landed"), 1, Duration::from_secs(5))
        .await;
    l.htq.stop().await;
}

/// Times (ms, from the first call) at which `path` was called.
async fn call_times(sink: &Sink, path: &str, n: usize, within: Duration) -> Vec<i64> {
    let hits = sink.wait_for(Some(path), n, within).await;
    hits.iter()
        .map(|h| h.at.duration_since(hits[0].at).as_millis() as i64)
        .collect()
}

fn assert_times(got: &[i64], want_secs: &[f64]) {
    assert_eq!(got.len(), want_secs.len(), "{got:?}");
    for (g, w) in got.iter().zip(want_secs) {
        let w = (w * 1000.0) as i64;
        assert!(
            *g >= w - 100 && *g <= w + 600,
            "calls at {got:?} ms, wanted {want_secs:?} s"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn variable_queues_follow_the_reply() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let l = Legacy::start(&redis).await;
    let x = || Reply::status(200).body("x");
    // 51 (step 1, max 2): waits 1, 2, 2, 2 s; then the task is gone.
    sink.script(
        "/v51",
        vec![x(), x(), x(), x(), Reply::status(200).body("done")],
    );
    l.call(
        "/api/addQueue",
        &[
            ("queue_name", "v51"),
            ("type", "variable"),
            ("stepping_time", "1"),
            ("max_time_interval", "2"),
        ],
    )
    .await;
    let url = sink.url("/v51");
    l.call("/api/addTask", &[("queue_name", "v51"), ("url", &url)])
        .await;
    // 52 (step 1, max 10), replies x, x, reset, x, done: waits 1, 2, 1, 1 s.
    sink.script(
        "/v52",
        vec![
            x(),
            x(),
            Reply::status(200).body("reset"),
            x(),
            Reply::status(200).body("done"),
        ],
    );
    l.call(
        "/api/addQueue",
        &[
            ("queue_name", "v52"),
            ("type", "variable"),
            ("stepping_time", "1"),
            ("max_time_interval", "10"),
        ],
    )
    .await;
    let url = sink.url("/v52");
    l.call("/api/addTask", &[("queue_name", "v52"), ("url", &url)])
        .await;
    // 53, 54: `done` at once (with a newline, as `print` writes it).
    sink.script("/v53", vec![Reply::status(200).body("done\n")]);
    l.call(
        "/api/addQueue",
        &[
            ("queue_name", "v53"),
            ("type", "variable"),
            ("stepping_time", "1"),
        ],
    )
    .await;
    let url = sink.url("/v53");
    l.call("/api/addTask", &[("queue_name", "v53"), ("url", &url)])
        .await;

    assert_times(
        &call_times(&sink, "/v52", 5, Duration::from_secs(10)).await,
        &[0.0, 1.0, 3.0, 4.0, 5.0],
    );
    assert_times(
        &call_times(&sink, "/v51", 5, Duration::from_secs(12)).await,
        &[0.0, 1.0, 3.0, 5.0, 7.0],
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(sink.hits_on("/v51").len(), 5, "called after done");
    assert_eq!(sink.hits_on("/v52").len(), 5);
    assert_eq!(sink.hits_on("/v53").len(), 1);
    for q in ["v51", "v52", "v53"] {
        assert_eq!(l.count(q).await, 0, "{q}");
    }
    l.htq.stop().await;
}

/// Each 1005 case, and not one byte written to Redis by any of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_parameters_answer_1005_and_write_nothing() {
    let redis = TestRedis::start();
    let l = Legacy::start(&redis).await;
    assert_eq!(
        l.call(
            "/api/addQueue",
            &[("queue_name", "exists"), ("type", "real_time")]
        )
        .await
        .body,
        ADDED
    );
    let before = redis.dump();
    let long = "q".repeat(201);
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("/api/addQueue", vec![("type", "real_time")]),
        (
            "/api/addQueue",
            vec![("queue_name", ""), ("type", "real_time")],
        ),
        ("/api/addQueue", vec![("queue_name", &long)]),
        ("/api/addQueue", vec![("queue_name", "a\nb")]),
        ("/api/addQueue", vec![("queue_name", "queue_list")]),
        (
            "/api/addQueue",
            vec![
                ("queue_name", "v"),
                ("type", "variable"),
                ("stepping_time", "abc"),
            ],
        ),
        (
            "/api/addQueue",
            vec![
                ("queue_name", "v"),
                ("type", "variable"),
                ("max_time_interval", "-1"),
            ],
        ),
        (
            "/api/addQueue",
            vec![("queue_name", "v"), ("type", "a"), ("type", "b")],
        ),
        ("/api/deleteQueue", vec![]),
        ("/api/deleteQueue", vec![("queue_name", "queue_list")]),
        ("/api/countQueue", vec![]),
        ("/api/addTask", vec![("queue_name", "new41")]),
        ("/api/addTask", vec![("queue_name", "new41"), ("url", "")]),
        ("/api/addTask", vec![("url", "ftp://h/x")]),
        ("/api/addTask", vec![("url", "/relative")]),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("header", "{bad")],
        ),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("header", "[1]")],
        ),
        (
            "/api/addTask",
            vec![
                ("url", "http://127.0.0.1/"),
                ("header", r#"{"X-A":"1\r\nX-B: 2"}"#),
            ],
        ),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("data", "{bad")],
        ),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("data", "5")],
        ),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("method", "GE T")],
        ),
        (
            "/api/addTask",
            vec![
                ("url", "http://127.0.0.1/"),
                ("method", "X".repeat(17).leak()),
            ],
        ),
        (
            "/api/addTask",
            vec![("queue_name", "queue_list"), ("url", "http://127.0.0.1/")],
        ),
        (
            "/api/addTask",
            vec![("url", "http://127.0.0.1/"), ("url", "http://127.0.0.1/")],
        ),
    ];
    for (ep, fields) in &cases {
        let r = l.call(ep, fields).await;
        assert_eq!((r.status, r.body.as_str()), (200, BAD), "{ep} {fields:?}");
    }
    // The same through urlencoded and JSON bodies.
    let r = l
        .urlencoded(
            "/api/addTask",
            &[("app_key", K), ("app_token", T), ("url", "gopher://x")],
        )
        .await;
    assert_eq!(r.body, BAD);
    let r = l.json("/api/addTask", serde_json::json!({"app_key": K, "app_token": T, "url": "http://127.0.0.1/", "header": [1, 2]})).await;
    assert_eq!(r.body, BAD);
    // JSON bodies may give header and data as objects.
    let r = l
        .json("/api/addTask", serde_json::json!({"app_key": K, "app_token": T, "queue_name": "exists", "url": "http://127.0.0.1:9/", "execute_time": "2099-01-01 00:00:00", "header": {"X-A": "1"}, "data": {"k": 1}}))
        .await;
    assert_eq!(r.body, ADDED);
    assert_eq!(l.count("exists").await, 1);
    let mut after = redis.dump();
    after.retain(|(k, _)| !k.starts_with("htq:{exists}"));
    let mut expected = before.clone();
    expected.retain(|(k, _)| !k.starts_with("htq:{exists}"));
    assert_eq!(after, expected, "a refused call wrote to Redis");
    assert!(
        !redis
            .keys()
            .iter()
            .any(|k| k.contains("new41") || k.contains("queue_list"))
    );
    l.htq.stop().await;
}

/// A request built byte for byte as PHP's curl sends an array: multipart with
/// curl's boundary, no per-part Content-Type, and `Expect: 100-continue`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn php_curl_multipart_with_expect_continue() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let l = Legacy::start(&redis).await;
    let boundary = "------------------------d74496d66958873e";
    let url = sink.url("/php?a=1");
    let fields = [
        ("app_key", K),
        ("app_token", T),
        ("queue_name", "php"),
        ("url", url.as_str()),
        ("execute_time", "0"),
        ("method", "GET"),
        ("header", "[]"),
        ("data", "[]"),
    ];
    let mut body = String::new();
    for (k, v) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let head = format!(
        "POST /api/addTask HTTP/1.1\r\nHost: {}\r\nAccept: */*\r\nContent-Length: {}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nExpect: 100-continue\r\n\r\n",
        l.htq.addr,
        body.len()
    );
    let mut sock = tokio::net::TcpStream::connect(l.htq.addr).await.unwrap();
    sock.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(2), sock.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 100 Continue\r\n"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
    sock.write_all(body.as_bytes()).await.unwrap();
    let mut resp = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while !String::from_utf8_lossy(&resp).contains(ADDED) {
        let n = tokio::time::timeout_at(deadline, sock.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        assert!(n > 0, "closed: {}", String::from_utf8_lossy(&resp));
        resp.extend_from_slice(&buf[..n]);
    }
    let resp = String::from_utf8_lossy(&resp);
    assert!(resp.starts_with("HTTP/1.1 200 OK\r\n"), "{resp}");
    let hit = sink
        .wait_for(Some("/php"), 1, Duration::from_secs(3))
        .await
        .remove(0);
    assert_eq!((hit.method.as_str(), hit.uri.as_str()), ("GET", "/php?a=1"));

    // The real libcurl (what PHP links), through the curl command, when present.
    if std::process::Command::new("curl")
        .arg("--version")
        .output()
        .is_ok()
    {
        let url2 = sink.url("/curl");
        let out = std::process::Command::new("curl")
            .args(["-s", "-H", "Expect: 100-continue"])
            .args([
                "-F",
                &format!("app_key={K}"),
                "-F",
                &format!("app_token={T}"),
                "-F",
                "queue_name=php",
            ])
            .args([
                "-F",
                &format!("url={url2}"),
                "-F",
                "method=POST",
                "-F",
                "data={\"k\":\"v\"}",
            ])
            .arg(format!("http://{}/api/addTask", l.htq.addr))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), ADDED);
        let hit = sink
            .wait_for(Some("/curl"), 1, Duration::from_secs(3))
            .await
            .remove(0);
        assert!(String::from_utf8_lossy(&hit.body).contains("name=\"k\"\r\n\r\nv\r\n"));
    }
    l.htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_type_is_kept_and_dispatched_as_real_time() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let l = Legacy::start(&redis).await;
    assert_eq!(
        l.call("/api/addQueue", &[("queue_name", "odd"), ("type", "fancy")])
            .await
            .body,
        ADDED
    );
    assert!(
        l.all()
            .await
            .contains(&serde_json::json!({"queue_name": "odd", "attribute": {"type": "fancy"}}))
    );
    let url = sink.url("/odd");
    l.call("/api/addTask", &[("queue_name", "odd"), ("url", &url)])
        .await;
    sink.wait_for(Some("/odd"), 1, Duration::from_secs(3)).await;
    l.htq.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_down_answers_1001_and_1006() {
    let mut redis = TestRedis::start();
    let l = Legacy::start(&redis).await;
    redis.kill();
    let unavailable = r#"{"error_code":1006,"message":"服务暂不可用"}"#;
    assert_eq!(l.call("/api/allQueue", &[]).await.body, unavailable);
    assert_eq!(
        l.call("/api/countQueue", &[("queue_name", "q")]).await.body,
        unavailable
    );
    let add_failed = r#"{"error_code":1001,"message":"添加失败"}"#;
    assert_eq!(
        l.call("/api/addQueue", &[("queue_name", "q")]).await.body,
        add_failed
    );
    assert_eq!(
        l.call("/api/addTask", &[("url", "http://127.0.0.1/")])
            .await
            .body,
        add_failed
    );
    let delete_failed = r#"{"error_code":1004,"message":"删除失败"}"#;
    assert_eq!(
        l.call("/api/deleteQueue", &[("queue_name", "q")])
            .await
            .body,
        delete_failed
    );
    l.htq.stop().await;
}

#[tokio::test]
async fn legacy_scope_all_reaches_every_queue() {
    let redis = TestRedis::start();
    let l = Legacy::start_scoped(&redis, htq::core::legacy::LegacyScope::All).await;
    let mut grpc = client(l.htq.addr, Some(TOKEN)).await;
    create_queue(&mut grpc, "from-grpc", |_| {}).await;
    assert!(l.all().await.iter().any(|q| q["queue_name"] == "from-grpc"));
    let deleted = l
        .call("/api/deleteQueue", &[("queue_name", "from-grpc")])
        .await
        .body;
    assert!(deleted.contains("\"error_code\":0"), "{deleted}");
    l.htq.stop().await;
}
