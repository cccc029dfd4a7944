//! HTQ against the real programs on the other side of the wire: Prometheus's own
//! parsers (Python's prometheus_client, OpenMetrics and 0.0.4) read `/metrics`, and a
//! PHP endpoint (`php -S` on loopback) and a second multipart parser (multer) read
//! the forms HTQ delivers. `tests/interop/setup` installs what is missing.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use htq::api::pb;
use serde_json::Value;
use tokio::sync::OnceCell;

use crate::common::*;

fn interop(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop")
        .join(file)
}

/// The interop virtualenv's python, once per test run.
async fn python() -> &'static str {
    static PYTHON: OnceCell<String> = OnceCell::const_new();
    PYTHON
        .get_or_init(|| async {
            let out = tokio::process::Command::new(interop("setup"))
                .stderr(Stdio::inherit())
                .kill_on_drop(true)
                .output();
            let out = tokio::time::timeout(Duration::from_secs(300), out)
                .await
                .expect("tests/interop/setup within 5 minutes")
                .unwrap();
            assert!(out.status.success(), "tests/interop/setup failed");
            String::from_utf8(out.stdout).unwrap().trim().to_owned()
        })
        .await
}

/// Scrapes `/metrics` with `accept`; returns the Content-Type and the families as
/// Python's prometheus_client parses them for that Content-Type.
async fn scrape(addr: std::net::SocketAddr, accept: Option<&str>) -> (String, Value) {
    let mut req = reqwest::Client::new()
        .get(format!("http://{addr}/metrics"))
        .bearer_auth(TOKEN);
    if let Some(a) = accept {
        req = req.header("accept", a);
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let media = resp.headers()["content-type"].to_str().unwrap().to_owned();
    let body = resp.text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("metrics.txt");
    std::fs::write(&file, &body).unwrap();
    let out = tokio::process::Command::new(python().await)
        .arg(interop("parse_metrics.py"))
        .arg(&file)
        .arg(&media)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "the parser refused the exposition ({media}): {}\n{body}",
        String::from_utf8_lossy(&out.stderr)
    );
    (media, serde_json::from_slice(&out.stdout).unwrap())
}

#[tokio::test]
async fn prometheus_parsers_read_metrics_as_typed_families() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "m", |_| {}).await;
    for _ in 0..3 {
        push_get(&mut htq.client, "m", &sink.url("/m")).await;
    }
    sink.wait_for(Some("/m"), 3, Duration::from_secs(5)).await;
    let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    for (accept, media) in [
        (
            Some(prometheus),
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        ),
        (None, "text/plain; version=0.0.4; charset=utf-8"),
        (
            Some("text/plain"),
            "text/plain; version=0.0.4; charset=utf-8",
        ),
    ] {
        let (got, families) = scrape(htq.addr, accept).await;
        assert_eq!(got, media, "{accept:?}");
        for (family, kind) in [
            ("htq_tasks_pushed", "counter"),
            ("htq_tasks_dispatched", "counter"),
            ("htq_task_outcomes", "counter"),
            ("htq_request_duration_seconds", "histogram"),
            ("htq_queue_depth", "gauge"),
        ] {
            let f = &families[family];
            assert_eq!(f["type"], kind, "{family} in {media}: {families}");
            assert!(
                !f["help"].as_str().unwrap_or("").is_empty(),
                "{family} has no help in {media}"
            );
        }
        let pushed = families["htq_tasks_pushed"]["samples"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s[0] == "htq_tasks_pushed_total" && s[1]["queue"] == "m")
            .unwrap_or_else(|| panic!("no pushed sample for m in {media}: {families}"))
            .clone();
        assert_eq!(pushed[2], 3.0, "{media}");
        // Nothing of HTQ's comes out untyped.
        for (name, f) in families.as_object().unwrap() {
            assert!(
                !(name.starts_with("htq_") && matches!(f["type"].as_str(), Some("unknown"))),
                "{name} is untyped in {media}"
            );
        }
    }
    htq.stop().await;
}

/// A `php -S` server on a free loopback port running `form.php`, killed on drop.
struct Php {
    child: tokio::process::Child,
    port: u16,
}

impl Php {
    async fn start() -> Php {
        python().await; // php-cli is installed by the same setup
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = tokio::process::Command::new("php")
            .args(["-n", "-S", &format!("127.0.0.1:{port}")])
            .arg(interop("form.php"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                std::time::Instant::now() < deadline,
                "php -S did not listen"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Php { child, port }
    }
}

impl Drop for Php {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

/// The fields multer reads from a multipart request the sink received.
async fn multer_fields(hit: &Hit) -> Vec<(String, String)> {
    let boundary = multer::parse_boundary(hit.header("content-type").unwrap()).unwrap();
    let body = hit.body.clone();
    let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut out = Vec::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap_or("<no name>").to_owned();
        out.push((name, field.text().await.unwrap()));
    }
    out
}

fn form_request(url: &str, fields: &[(&str, &str)]) -> pb::HttpRequest {
    pb::HttpRequest {
        method: "POST".into(),
        url: url.into(),
        body: Some(pb::http_request::Body::Form(pb::Form {
            fields: fields
                .iter()
                .map(|(n, v)| pb::FormField {
                    name: n.to_string(),
                    value: v.to_string(),
                })
                .collect(),
        })),
        ..Default::default()
    }
}

#[tokio::test]
async fn non_ascii_form_field_names_reach_php_and_multer() {
    let php = Php::start().await;
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "f", |q| q.max_concurrency = 2).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("post.json");
    let fields = [("队列", "名字"), ("plain", "ü")];
    let php_url = format!(
        "http://127.0.0.1:{}/form.php?out={}",
        php.port,
        out.display()
    );
    for url in [php_url, sink.url("/form")] {
        htq.client
            .push_task(pb::PushTaskRequest {
                queue: "f".into(),
                request: Some(form_request(&url, &fields)),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    // PHP's own parser fills $_POST with both fields.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !out.exists() {
        assert!(std::time::Instant::now() < deadline, "PHP was not called");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let mut posted: Value = Value::Null;
    while std::time::Instant::now() < deadline {
        if let Ok(v) = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()) {
            posted = v;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(posted, serde_json::json!({"队列": "名字", "plain": "ü"}));
    // A second parser reads the same names.
    let hit = sink
        .wait_for(Some("/form"), 1, Duration::from_secs(5))
        .await;
    assert_eq!(
        multer_fields(&hit[0]).await,
        [("队列".into(), "名字".into()), ("plain".into(), "ü".into())]
    );
    let raw = String::from_utf8_lossy(&hit[0].body).into_owned();
    assert!(raw.contains("name=\"队列\""), "{raw}");
    htq.stop().await;
}

#[tokio::test]
async fn a_quote_in_a_legacy_data_key_is_accepted_and_sent_escaped() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut cfg = test_config(&redis);
    cfg.legacy.app_key = Some("k".into());
    cfg.legacy.app_token = Some("t".into());
    // The queue is made over gRPC and pushed to through the legacy API too.
    cfg.legacy.scope = htq::core::legacy::LegacyScope::All;
    let mut htq = TestHtq::start_with(cfg).await;
    create_queue(&mut htq.client, "lq", |_| {}).await;
    let answer = reqwest::Client::new()
        .post(format!("http://{}/api/addTask", htq.addr))
        .multipart(
            reqwest::multipart::Form::new()
                .text("app_key", "k")
                .text("app_token", "t")
                .text("queue_name", "lq")
                .text("url", sink.url("/quote"))
                .text("method", "POST")
                .text("header", "{}")
                .text("data", r#"{"say \"hi\"": "1", "line\nbreak": "2"}"#),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(answer.contains("\"error_code\":0"), "{answer}");
    let hit = sink
        .wait_for(Some("/quote"), 1, Duration::from_secs(5))
        .await;
    let raw = String::from_utf8_lossy(&hit[0].body).into_owned();
    assert!(raw.contains(r#"name="say %22hi%22""#), "{raw}");
    assert!(raw.contains(r#"name="line%0Abreak""#), "{raw}");
    assert_eq!(
        multer_fields(&hit[0]).await,
        [
            ("say %22hi%22".into(), "1".into()),
            ("line%0Abreak".into(), "2".into())
        ]
    );
    // The same over gRPC.
    htq.client
        .push_task(pb::PushTaskRequest {
            queue: "lq".into(),
            request: Some(form_request(&sink.url("/quote"), &[("a\"b", "v")])),
            ..Default::default()
        })
        .await
        .unwrap();
    let hits = sink
        .wait_for(Some("/quote"), 2, Duration::from_secs(5))
        .await;
    assert!(String::from_utf8_lossy(&hits[1].body).contains(r#"name="a%22b""#));
    htq.stop().await;
}
