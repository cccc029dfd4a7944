//! Performs a task's HTTP request: one pooled reqwest client, one deadline per
//! request covering connect, headers, body and redirects. Every target, and every
//! redirect hop, passes the egress policy ([`super::egress`]); redirects are
//! followed here (when the queue follows them), not by the client, so each hop is
//! checked and a hop to another origin does not carry the task's headers there. Requests are signed with the
//! process's [`KeyRing`] (Standard Webhooks; see [`crate::signing`]).

use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{
    CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, StatusCode, Url};

use super::egress::{self, Policy, Refused};
use super::outcome::Attempt;
use crate::model::{Body, Queue, QueueKind, now_ms};
use crate::signing::{self, KeyRing};
use crate::store::ClaimedTask;

/// Reply bytes kept for the outcome rules (variable queues read `done`/`reset`).
const MAX_REPLY_BYTES: usize = 64 * 1024;
/// Longest error text stored with a task.
const MAX_ERROR_LEN: usize = 500;
/// Redirects followed for one attempt (as many as legacy HTQ followed).
const MAX_REDIRECTS: usize = 20;
/// The header that counts how many HTQ deliveries led to a request; pushes that
/// arrive with too many are refused (see [`crate::core`]).
pub const HOPS_HEADER: &str = "x-htq-hops";

/// Sends task requests.
#[derive(Clone)]
pub struct Executor {
    client: reqwest::Client,
    policy: Arc<Policy>,
    keys: Arc<KeyRing>,
}

/// How one task's request goes out: for which queue (a partition's as its
/// queue's), signed as a variable queue's call or not, following redirects or not,
/// capturing the response's headers or not.
struct How<'a> {
    queue: &'a str,
    variable: bool,
    follow: bool,
    capture: bool,
}

/// Where one hop of a request goes, and what it carries.
struct Hop<'a> {
    url: &'a Url,
    /// The task's own headers and the signature (not on another origin).
    own_headers: bool,
    with_body: bool,
}

/// Why a send ended without a reply.
enum Failed {
    Http(reqwest::Error),
    Refused(Refused),
    Other(String),
}

impl From<reqwest::Error> for Failed {
    fn from(e: reqwest::Error) -> Self {
        match egress::refusal(&e) {
            Some(r) => Failed::Refused(r.clone()),
            None => Failed::Http(e),
        }
    }
}

impl Executor {
    /// A client sending `user_agent` unless a task sets its own, to the targets
    /// `policy` lets through. It makes direct connections only (no proxy from the
    /// environment), so the policy sees the real target. Requests are signed with
    /// `keys`.
    pub fn new(
        user_agent: &str,
        policy: Arc<Policy>,
        keys: Arc<KeyRing>,
    ) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(egress::Resolver(policy.clone())))
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()?;
        Ok(Executor {
            client,
            policy,
            keys,
        })
    }

    /// Performs `task`'s request of `queue` within the queue's request timeout,
    /// following redirects and capturing the response as the queue says. A
    /// variable queue's calls are signed as messages of their own (see
    /// [`signing::message_id`]). A partition's task goes out as its queue's: named
    /// and signed as such.
    pub async fn perform(&self, queue: &Queue, task: &ClaimedTask) -> Attempt {
        let timeout = queue.request_timeout;
        let how = How {
            queue: crate::model::Partition::queue_of(&queue.name),
            variable: queue.kind == QueueKind::Variable,
            follow: queue.follow_redirects,
            // A callback carries the final reply's headers.
            capture: queue.capture_responses
                || super::callbacks::callbacks_of(queue, task.callbacks.as_ref(), task.is_callback)
                    .is_some(),
        };
        let failed = |error: String, refused: bool| Attempt {
            error: Some(error),
            refused,
            ..Default::default()
        };
        match tokio::time::timeout(timeout, self.send(&how, task)).await {
            Ok(Ok(attempt)) => attempt,
            Ok(Err(Failed::Http(e))) => failed(describe(&e), false),
            Ok(Err(Failed::Refused(r))) => failed(cut(r.to_string()), true),
            Ok(Err(Failed::Other(e))) => failed(e, false),
            Err(_) => failed(format!("timed out after {}", humanize(timeout)), false),
        }
    }

    async fn send(&self, how: &How<'_>, task: &ClaimedTask) -> Result<Attempt, Failed> {
        let (queue, variable) = (how.queue, how.variable);
        let req = &task.request;
        let mut method = Method::from_bytes(req.method.as_bytes()).unwrap_or(Method::GET);
        let mut url = Url::parse(&req.url).map_err(|e| Failed::Other(format!("bad URL: {e}")))?;
        let origin = url.origin();
        let mut with_body = true;
        for _ in 0..=MAX_REDIRECTS {
            self.policy.check_url(&url).await.map_err(Failed::Refused)?;
            let own_headers = url.origin() == origin;
            let hop = Hop {
                url: &url,
                own_headers,
                with_body,
            };
            let builder = self.request(queue, task, variable, method.clone(), hop);
            let mut resp = builder.send().await?;
            let status = resp.status();
            let location = status
                .is_redirection()
                .then(|| resp.headers().get(LOCATION))
                .flatten()
                .and_then(|l| l.to_str().ok())
                .and_then(|l| url.join(l).ok());
            if let Some(next) = location.clone().filter(|_| how.follow) {
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(Failed::Other(format!(
                        "redirect to {}: not http or https",
                        next.scheme()
                    )));
                }
                // 303 always, and 301/302 after a POST, go on as GET without the body
                // (as browsers do); 307 and 308 keep method and body.
                let to_get = status == StatusCode::SEE_OTHER
                    || (method == Method::POST
                        && matches!(status, StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND));
                if to_get {
                    if method != Method::HEAD {
                        method = Method::GET;
                    }
                    with_body = false;
                }
                url = next;
                continue;
            }
            let retry_after = resp
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after);
            let headers = how.capture.then(|| {
                resp.headers()
                    .iter()
                    .map(|(name, value)| {
                        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                        (name.as_str().to_owned(), value)
                    })
                    .collect()
            });
            let mut body = BytesMut::new();
            let mut truncated = false;
            while let Some(chunk) = resp.chunk().await? {
                let room = MAX_REPLY_BYTES - body.len();
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    truncated = true;
                    break;
                }
                body.extend_from_slice(&chunk);
            }
            return Ok(Attempt {
                status: Some(status.as_u16()),
                body: Bytes::from(body),
                truncated,
                headers,
                retry_after,
                redirect: location.map(|l| cut(l.to_string())),
                ..Default::default()
            });
        }
        Err(Failed::Other(format!(
            "more than {MAX_REDIRECTS} redirects"
        )))
    }

    /// One hop's request: the task's headers and the signature unless the hop left
    /// the task's origin (`own_headers` false), HTQ's own headers always, the body
    /// when `with_body`.
    fn request(
        &self,
        queue: &str,
        task: &ClaimedTask,
        variable: bool,
        method: Method,
        hop: Hop<'_>,
    ) -> reqwest::RequestBuilder {
        let Hop {
            url,
            own_headers,
            with_body,
        } = hop;
        let req = &task.request;
        let is_form = matches!(req.body, Body::Form(_));
        let mut headers = HeaderMap::with_capacity(req.headers.len() + 5);
        for (name, value) in req.headers.iter().filter(|_| own_headers) {
            let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) else {
                continue; // validated at push; unreachable for stored tasks
            };
            if (is_form || !with_body) && (name == CONTENT_TYPE || name == CONTENT_LENGTH) {
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
        let hops = (task.state.hops as u64 + 1).to_string();
        let ids = [
            ("x-htq-task-id", task.id.as_str()),
            ("x-htq-queue", queue),
            ("x-htq-attempt", &task.attempt().to_string()),
            (HOPS_HEADER, &hops),
        ];
        for (name, value) in ids {
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(HeaderName::from_static(name), v);
            }
        }
        let body = match &req.body {
            _ if !with_body => Bytes::new(),
            Body::Empty => Bytes::new(),
            Body::Bytes(b) => b.clone(),
            Body::Form(fields) => {
                let (content_type, body) = multipart(fields);
                headers.insert(CONTENT_TYPE, content_type);
                body
            }
        };
        if own_headers {
            self.sign(&mut headers, queue, task, variable, &body);
        }
        let builder = self.client.request(method, url.clone()).headers(headers);
        if body.is_empty() {
            builder
        } else {
            builder.body(body)
        }
    }

    /// Adds the Standard Webhooks headers when any key signs `queue`'s deliveries.
    fn sign(
        &self,
        headers: &mut HeaderMap,
        queue: &str,
        task: &ClaimedTask,
        variable: bool,
        body: &[u8],
    ) {
        let now = now_ms();
        let Some(signers) = self.keys.signers(queue, now) else {
            return;
        };
        let timestamp = now.div_euclid(1000);
        let id = signing::message_id(&task.id, variable, task.attempt());
        let signature = signers.sign(&id, timestamp, body);
        let values = [
            (signing::ID_HEADER, id),
            (signing::TIMESTAMP_HEADER, timestamp.to_string()),
            (signing::SIGNATURE_HEADER, signature),
        ];
        for (name, value) in values {
            if let Ok(v) = HeaderValue::from_str(&value) {
                headers.insert(HeaderName::from_static(name), v);
            }
        }
    }
}

/// A `multipart/form-data` body of text fields: (its Content-Type, the bytes). Built
/// here rather than by the client, so the bytes sent are the bytes signed. Names go
/// as browsers send them (the HTML standard's rule, which PHP and other servers
/// parse): raw UTF-8 in `name="…"`, with `"`, CR and LF escaped as %22, %0D and %0A.
fn multipart(fields: &[(String, String)]) -> (HeaderValue, Bytes) {
    let boundary = format!("{:032x}", rand::random::<u128>());
    let mut body = BytesMut::new();
    for (name, value) in fields {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        body.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{}\"\r\n\r\n",
                form_name(name)
            )
            .as_bytes(),
        );
        body.extend_from_slice(value.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let content_type = HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
        .expect("a hex boundary is a valid header value");
    (content_type, body.freeze())
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
    cut(text)
}

/// `text`, cut to the longest error stored with a task.
fn cut(mut text: String) -> String {
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
