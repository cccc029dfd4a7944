//! Logging and tracing: structured `tracing` output, text by default or JSON,
//! filtered by `RUST_LOG` (default `info`); and OpenTelemetry traces over OTLP when
//! an endpoint is configured (the standard `OTEL_EXPORTER_OTLP_ENDPOINT` /
//! `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_SERVICE_NAME`, ... variables).
//! Trace context travels with each task (see `set_remote_parent`,
//! `current_traceparent`).

use std::sync::OnceLock;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

use crate::config::LogFormat;

static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

/// Whether an OTLP endpoint is configured in the environment.
fn otlp_configured() -> bool {
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    ]
    .iter()
    .any(|v| std::env::var(v).is_ok_and(|s| !s.is_empty()))
}

/// The log output layer writing to `writer`. Whatever a caller sent can end up in
/// a log value (a URL in an error, a field's reason), so no value may forge a line
/// or leak a secret: text logs escape control characters in every value (JSON
/// escapes them by itself), and both formats redact the credentials of URLs.
pub fn log_layer<S, W>(
    format: LogFormat,
    writer: W,
) -> Box<dyn tracing_subscriber::Layer<S> + Send + Sync>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    use tracing_subscriber::field::MakeExt as _;
    let fmt = tracing_subscriber::fmt::layer().with_writer(Redacting(writer));
    match format {
        LogFormat::Text => fmt
            .fmt_fields(
                tracing_subscriber::fmt::format::debug_fn(|w, field, value| {
                    let text = format!("{value:?}");
                    match field.name() {
                        "message" => write!(w, "{}", Escaped(&text)),
                        name => write!(w, "{name}={}", Escaped(&text)),
                    }
                })
                .delimited(" "),
            )
            .boxed(),
        LogFormat::Json => fmt.json().boxed(),
    }
}

/// Shows control characters (CR, LF, ESC, ...) as escapes, so a value stays on
/// its line.
struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// `text` with the credentials of every URL in it (`scheme://user:password@host`)
/// replaced by `***`.
pub fn redact_urls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("://") || !text.contains('@') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>' | '`')
                    || c.is_whitespace()
                    || c.is_control()
            })
            .unwrap_or(tail.len());
        match tail[..end].rfind('@') {
            Some(userinfo_end) => {
                out.push_str("***");
                rest = &tail[userinfo_end..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A log writer that redacts URL credentials in each line it is handed (the
/// formatter writes a whole line at once).
struct Redacting<W>(W);

impl<'w, W: tracing_subscriber::fmt::MakeWriter<'w>> tracing_subscriber::fmt::MakeWriter<'w>
    for Redacting<W>
{
    type Writer = RedactingWriter<W::Writer>;

    fn make_writer(&'w self) -> Self::Writer {
        RedactingWriter(self.0.make_writer())
    }
}

struct RedactingWriter<W>(W);

impl<W: std::io::Write> std::io::Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.0.write_all(redact_urls(text).as_bytes())?,
            Err(_) => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Installs the global subscriber (once; later calls do nothing). Traces are
/// exported only when an OTLP endpoint is configured.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = log_layer(format, std::io::stderr);
    let otel = if otlp_configured() {
        match opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .build()
        {
            Ok(exporter) => {
                let provider = SdkTracerProvider::builder()
                    .with_batch_exporter(exporter)
                    .with_resource(
                        opentelemetry_sdk::Resource::builder()
                            .with_service_name("htq")
                            .build(),
                    )
                    .build();
                let tracer = provider.tracer("htq");
                let _ = PROVIDER.set(provider);
                Some(tracing_opentelemetry::layer().with_tracer(tracer))
            }
            Err(e) => {
                eprintln!("htq: traces are off: cannot build the OTLP exporter: {e}");
                None
            }
        }
    } else {
        None
    };
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init();
}

/// Flushes and stops trace export (at exit).
pub fn shutdown() {
    if let Some(p) = PROVIDER.get() {
        let _ = p.shutdown();
    }
}

/// Makes the span the child of a remote span given as a W3C `traceparent`.
pub fn set_remote_parent(span: &tracing::Span, traceparent: &str) {
    use opentelemetry::propagation::TextMapPropagator;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    let mut carrier = std::collections::HashMap::new();
    carrier.insert("traceparent".to_owned(), traceparent.to_owned());
    let cx = opentelemetry_sdk::propagation::TraceContextPropagator::new().extract(&carrier);
    let _ = span.set_parent(cx);
}

/// The W3C `traceparent` of the current span, when traces are exported.
pub fn current_traceparent() -> Option<String> {
    use opentelemetry::propagation::TextMapPropagator;
    use opentelemetry::trace::TraceContextExt;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    let cx = tracing::Span::current().context();
    if !cx.span().span_context().is_valid() {
        return None;
    }
    let mut carrier = std::collections::HashMap::new();
    opentelemetry_sdk::propagation::TraceContextPropagator::new().inject_context(&cx, &mut carrier);
    carrier.remove("traceparent")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn logged(format: LogFormat) -> String {
        let buf = Buffer::default();
        let out = buf.clone();
        let layer = log_layer(format, move || out.clone());
        let subscriber = tracing_subscriber::registry().with(layer);
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!("dispatch", queue = "q\r\nx");
            let _in = span.enter();
            tracing::warn!(
                error = %"error sending request for url (http://alice:pw-SECRET@127.0.0.1:9/x)\r\nFAKE level=ERROR",
                "failed; dead-lettered\nforged"
            );
        });
        String::from_utf8(buf.0.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn text_logs_escape_control_characters_and_redact_url_credentials() {
        let text = logged(LogFormat::Text);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            !text.contains("pw-SECRET") && !text.contains("alice"),
            "{text}"
        );
        assert!(text.contains("http://***@127.0.0.1:9/x"), "{text}");
        assert!(text.contains("\\r\\nFAKE"), "{text}");
        assert!(text.contains("failed; dead-lettered\\nforged"), "{text}");
    }

    #[test]
    fn json_logs_redact_url_credentials() {
        let text = logged(LogFormat::Json);
        assert_eq!(text.lines().count(), 1, "{text}");
        let line: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
        let error = line["fields"]["error"].as_str().unwrap();
        assert!(error.starts_with("error sending request for url (http://***@127.0.0.1:9/x)"));
        assert!(!text.contains("pw-SECRET"), "{text}");
    }

    #[test]
    fn redaction_keeps_what_is_not_a_credential() {
        assert_eq!(redact_urls("see http://h/a@b"), "see http://h/a@b");
        assert_eq!(redact_urls("a@b c://d"), "a@b c://d");
        assert_eq!(
            redact_urls("redis://:p@h:1 and https://u@x/?q=a@b"),
            "redis://***@h:1 and https://***@x/?q=a@b"
        );
    }
}
