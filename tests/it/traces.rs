//! Trace context flows from the push into the task and on to the target: push,
//! wait and delivery form one trace (spans captured by the SDK's in-memory exporter).

use std::time::Duration;

use htq::api::pb;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use tracing_subscriber::layer::SubscriberExt as _;

use crate::common::*;

/// Keeps a second dispatcher registered for the life of the test process.
/// tracing caches each callsite's interest once for the process; while exactly one
/// dispatcher is registered (this test's, installed on its thread only), a callsite
/// first reached by another test's thread is judged against that thread's default
/// (none) and cached as never, and this test's spans go missing. With two
/// registered, interest is combined over both and stays "sometimes".
fn pin_second_dispatcher() {
    static PINNED: std::sync::OnceLock<tracing::Dispatch> = std::sync::OnceLock::new();
    PINNED.get_or_init(|| tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default()));
}

#[tokio::test]
async fn push_wait_and_delivery_are_one_trace() {
    pin_second_dispatcher();
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("test")));
    // This test's runtime runs on this thread: every span of the server is seen.
    let _guard = tracing::subscriber::set_default(subscriber);

    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let mut htq = TestHtq::start(&redis).await;
    create_queue(&mut htq.client, "t", |_| {}).await;
    let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let parent = "00f067aa0ba902b7";
    let mut req = tonic::Request::new(pb::PushTaskRequest {
        queue: "t".into(),
        request: Some(get(&sink.url("/traced"))),
        ..Default::default()
    });
    req.metadata_mut().insert(
        "traceparent",
        format!("00-{trace}-{parent}-01").parse().unwrap(),
    );
    let id = htq
        .client
        .push_task(req)
        .await
        .unwrap()
        .into_inner()
        .task_id;
    let hit = sink
        .wait_for(Some("/traced"), 1, Duration::from_secs(3))
        .await;
    // The target gets the same trace, as a child of the attempt's span.
    let sent = hit[0]
        .header("traceparent")
        .expect("a traceparent")
        .to_owned();
    let parts: Vec<&str> = sent.split('-').collect();
    assert_eq!((parts[0], parts[1]), ("00", trace), "{sent}");
    assert_ne!(parts[2], parent);
    // The attempt's span ends once its outcome is stored.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    let spans = loop {
        let spans = exporter.get_finished_spans().unwrap();
        if spans.iter().any(|s| s.name == "dispatch") || tokio::time::Instant::now() > deadline {
            break spans;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let dispatch = spans
        .iter()
        .find(|s| s.name == "dispatch")
        .unwrap_or_else(|| {
            panic!(
                "no dispatch span in {:?}",
                spans.iter().map(|s| &s.name).collect::<Vec<_>>()
            )
        });
    // caller (traceparent) → the push's request span → the attempt's dispatch span.
    let push = spans
        .iter()
        .find(|s| {
            s.name == "request"
                && s.attributes
                    .iter()
                    .any(|a| a.value.to_string().ends_with("/PushTask"))
        })
        .expect("a span for the PushTask call");
    assert_eq!(push.span_context.trace_id().to_string(), trace);
    assert_eq!(push.parent_span_id.to_string(), parent);
    assert_eq!(dispatch.span_context.trace_id().to_string(), trace);
    assert_eq!(dispatch.parent_span_id, push.span_context.span_id());
    // The Redis scripts have spans of their own.
    assert!(
        spans.iter().any(|s| s.name == "redis.script"),
        "no redis.script span in {:?}",
        spans.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    assert_eq!(dispatch.span_context.span_id().to_string(), parts[2]);
    let attr = |k: &str| {
        dispatch
            .attributes
            .iter()
            .find(|a| a.key.as_str() == k)
            .map(|a| a.value.to_string())
    };
    assert_eq!(attr("task_id").as_deref(), Some(id.as_str()));
    assert_eq!(attr("status").as_deref(), Some("200"));
    assert!(attr("latency_ms").is_some());
    htq.stop().await;
}

#[tokio::test]
async fn without_export_the_pushed_trace_context_is_passed_on() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let http = reqwest::Client::new();
    let base = format!("http://{}", htq.addr);
    http.post(format!("{base}/v1/queues"))
        .bearer_auth(TOKEN)
        .body(r#"{"name":"p"}"#)
        .send()
        .await
        .unwrap();
    let tp = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    let resp = http
        .post(format!("{base}/v1/queues/p/tasks"))
        .bearer_auth(TOKEN)
        .header("traceparent", tp)
        .body(format!(
            r#"{{"request":{{"url":"{}"}}}}"#,
            sink.url("/plain")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let hit = sink
        .wait_for(Some("/plain"), 1, Duration::from_secs(3))
        .await;
    assert_eq!(hit[0].header("traceparent"), Some(tp));
    htq.stop().await;
}
