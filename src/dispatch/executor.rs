//! Performs a task's HTTP request: one pooled reqwest client, one deadline per
//! request covering connect, headers and body.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{
    CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER,
};

use super::outcome::Attempt;
use crate::model::Body;
use crate::store::ClaimedTask;

/// Reply bytes kept for the outcome rules (variable queues read `done`/`reset`).
const MAX_REPLY_BYTES: usize = 64 * 1024;
/// Longest error text stored with a task.
const MAX_ERROR_LEN: usize = 500;

/// Sends task requests.
#[derive(Clone)]
pub struct Executor {
    client: reqwest::Client,
}

impl Executor {
    /// A client sending `user_agent` unless a task sets its own.
    pub fn new(user_agent: &str) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .redirect(reqwest::redirect::Policy::limited(10))
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()?;
        Ok(Executor { client })
    }

    /// Performs `task`'s request of queue `queue` within `timeout`.
    pub async fn perform(&self, queue: &str, task: &ClaimedTask, timeout: Duration) -> Attempt {
        match tokio::time::timeout(timeout, self.send(queue, task)).await {
            Ok(Ok(attempt)) => attempt,
            Ok(Err(e)) => Attempt {
                error: Some(describe(&e)),
                ..Default::default()
            },
            Err(_) => Attempt {
                error: Some(format!("timed out after {}", humanize(timeout))),
                ..Default::default()
            },
        }
    }

    async fn send(&self, queue: &str, task: &ClaimedTask) -> Result<Attempt, reqwest::Error> {
        let req = &task.request;
        let method =
            reqwest::Method::from_bytes(req.method.as_bytes()).unwrap_or(reqwest::Method::GET);
        let is_form = matches!(req.body, Body::Form(_));
        let mut headers = HeaderMap::with_capacity(req.headers.len() + 3);
        for (name, value) in &req.headers {
            let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) else {
                continue; // validated at push; unreachable for stored tasks
            };
            if is_form && (name == CONTENT_TYPE || name == CONTENT_LENGTH) {
                continue;
            }
            headers.append(name, value);
        }
        // The trace context goes on to the target: this attempt's span when traces
        // are exported, else the one the task was pushed in.
        if !headers.contains_key("traceparent")
            && let Some(tp) =
                crate::telemetry::current_traceparent().or_else(|| task.state.traceparent.clone())
            && let Ok(v) = HeaderValue::from_str(&tp)
        {
            headers.insert(HeaderName::from_static("traceparent"), v);
        }
        let ids = [
            ("x-htq-task-id", task.id.as_str()),
            ("x-htq-queue", queue),
            ("x-htq-attempt", &task.attempt().to_string()),
        ];
        for (name, value) in ids {
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(HeaderName::from_static(name), v);
            }
        }
        let mut builder = self.client.request(method, &req.url).headers(headers);
        builder = match &req.body {
            Body::Empty => builder,
            Body::Bytes(b) => builder.body(b.clone()),
            Body::Form(fields) => {
                // Names go as browsers send them (the HTML standard's rule, which PHP
                // and other servers parse): raw UTF-8 in `name="…"`, with `"`, CR and
                // LF escaped as %22, %0D and %0A.
                let mut form = reqwest::multipart::Form::new().percent_encode_noop();
                for (k, v) in fields {
                    form = form.text(form_name(k), v.clone());
                }
                builder.multipart(form)
            }
        };
        let mut resp = builder.send().await?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let mut body = BytesMut::new();
        while body.len() < MAX_REPLY_BYTES {
            match resp.chunk().await? {
                Some(chunk) => {
                    body.extend_from_slice(&chunk[..chunk.len().min(MAX_REPLY_BYTES - body.len())])
                }
                None => break,
            }
        }
        Ok(Attempt {
            status: Some(status),
            error: None,
            retry_after,
            body: Bytes::from(body),
        })
    }
}

/// A form field's name as it goes in `Content-Disposition: form-data; name="…"`.
fn form_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '"' => out.push_str("%22"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Retry-After as delta seconds or an HTTP date.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    if text.len() > MAX_ERROR_LEN {
        let mut cut = MAX_ERROR_LEN;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

fn humanize(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_names_escape_only_quote_cr_and_lf() {
        assert_eq!(form_name("队列"), "队列");
        assert_eq!(form_name("a\"b\r\nc%"), "a%22b%0D%0Ac%");
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let later = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(30));
        let d = parse_retry_after(&later).unwrap();
        assert!(
            d > Duration::from_secs(28) && d <= Duration::from_secs(30),
            "{d:?}"
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
