//! Input rules, checked before anything is written. Each error names the field as
//! the contract spells it.

use std::time::Duration;

use reqwest::Url;

use crate::error::{Error, Result};
use crate::model::{Body, HttpRequest};

/// Longest queue name, bytes.
pub const MAX_NAME_BYTES: usize = 200;
/// Longest URL, bytes.
pub const MAX_URL_BYTES: usize = 8192;
/// Most header lines per request.
pub const MAX_HEADERS: usize = 100;
/// Most header bytes per request.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Longest method token.
pub const MAX_METHOD_LEN: usize = 16;
/// Furthest a task may be scheduled ahead.
pub const MAX_SCHEDULE_AHEAD: Duration = Duration::from_secs(366 * 24 * 3600);

/// Most HTQ deliveries a push may come through (`x-htq-hops`) by default.
pub const DEFAULT_MAX_HOPS: u32 = 8;

/// The `x-htq-hops` a push arrived with; one that is not a count is taken as too
/// many, so a garbled header cannot reset a loop's count.
pub fn hops(text: &str) -> u32 {
    text.trim().parse().unwrap_or(u32::MAX)
}

/// Refuses a push that came through more than `max` HTQ deliveries: a loop, or
/// HTQ calling itself.
pub fn within_hops(hops: u32, max: u32) -> Result<()> {
    if hops > max {
        return Err(Error::FailedPrecondition(format!(
            "x-htq-hops: this push came through {} HTQ deliveries, more than the {max} allowed \
             (does a task call HTQ itself?)",
            if hops == u32::MAX {
                "unreadable".to_owned()
            } else {
                hops.to_string()
            }
        )));
    }
    Ok(())
}

/// A name: 1 to 200 bytes, no control characters.
pub fn name(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > MAX_NAME_BYTES {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_NAME_BYTES} bytes"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(())
}

/// A count that must not be negative nor exceed `max`.
pub fn count(field: &str, value: i64, max: i64) -> Result<u32> {
    if value < 0 {
        return Err(Error::invalid(field, "must not be negative"));
    }
    if value > max {
        return Err(Error::invalid(field, format!("must be at most {max}")));
    }
    Ok(value as u32)
}

/// A rate per second: finite, not negative, at most `max`.
pub fn rate(field: &str, value: f64, max: f64) -> Result<f64> {
    if !value.is_finite() || value < 0.0 {
        return Err(Error::invalid(field, "must be a number, not negative"));
    }
    if value > max {
        return Err(Error::invalid(field, format!("must be at most {max}")));
    }
    Ok(value)
}

/// A pushed task's id, idempotency key and flow key: each, when given, follows the
/// rules of a name.
pub fn push_options(opts: &crate::model::PushOptions) -> Result<()> {
    for (field, v) in [
        ("task_id", &opts.id),
        ("idempotency_key", &opts.idempotency_key),
        ("flow_key", &opts.flow_key),
    ] {
        if let Some(v) = v {
            name(field, v)?;
        }
    }
    if let Some(t) = &opts.traceparent
        && (t.len() > 256 || !t.bytes().all(|b| b.is_ascii_graphic()))
    {
        return Err(Error::invalid("traceparent", "not a W3C traceparent"));
    }
    Ok(())
}

/// Callbacks as given, checked and made ready to store: each request's method
/// uppercase (POST when empty), its URL and headers under a task request's rules.
pub fn callbacks(field: &str, mut c: crate::model::Callbacks) -> Result<crate::model::Callbacks> {
    if c.on_success.is_none() && c.on_failure.is_none() {
        return Err(Error::invalid(
            field,
            "must name on_success or on_failure (or be left out)",
        ));
    }
    if c.on_cancel && c.on_failure.is_none() {
        return Err(Error::invalid(
            format!("{field}.on_cancel"),
            "calls on_failure, which is not set",
        ));
    }
    for (name, hook) in [
        ("on_success", &mut c.on_success),
        ("on_failure", &mut c.on_failure),
    ] {
        let Some(hook) = hook else { continue };
        let req = request(
            &format!("{field}.{name}"),
            HttpRequest {
                method: if hook.method.is_empty() {
                    "POST".to_owned()
                } else {
                    std::mem::take(&mut hook.method)
                },
                url: std::mem::take(&mut hook.url),
                headers: std::mem::take(&mut hook.headers),
                body: crate::model::Body::Empty,
            },
            0,
        )?;
        hook.method = req.method;
        hook.url = req.url;
        hook.headers = req.headers;
    }
    if !c.queue.is_empty() {
        name(&format!("{field}.queue"), &c.queue)?;
    }
    Ok(c)
}

/// A duration in ms that must not be negative nor exceed `max`.
pub fn duration(field: &str, ms: i64, max: Duration) -> Result<Duration> {
    if ms < 0 {
        return Err(Error::invalid(field, "must not be negative"));
    }
    let d = Duration::from_millis(ms as u64);
    if d > max {
        return Err(Error::invalid(
            field,
            format!("must be at most {}s", max.as_secs()),
        ));
    }
    Ok(d)
}

/// A task URL: absolute http(s) with a host, as sent: no control characters (which a
/// URL parser silently drops), every `%` starting an escape.
pub fn url(field: &str, raw: &str) -> Result<Url> {
    if let Some(c) = raw.chars().find(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!("must not contain control characters (found {c:?})"),
        ));
    }
    let bytes = raw.as_bytes();
    for (i, _) in raw.match_indices('%') {
        let escape = bytes.get(i + 1..i + 3);
        if !escape.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
            return Err(Error::invalid(
                field,
                "every % must start an escape of two hex digits",
            ));
        }
    }
    let url =
        Url::parse(raw).map_err(|e| Error::invalid(field, format!("not an absolute URL: {e}")))?;
    // The parser forgives `http:///host` and `http:host`; the contract does not.
    let after_scheme = &raw[url.scheme().len()..];
    if !matches!(url.scheme(), "http" | "https")
        || url.host_str().is_none_or(str::is_empty)
        || !after_scheme.starts_with("://")
        || after_scheme[3..].starts_with(['/', '\\'])
    {
        return Err(Error::invalid(
            field,
            "must be an absolute http:// or https:// URL with a host",
        ));
    }
    Ok(url)
}

/// Checks and normalises a request: method uppercased (empty means GET), URL absolute
/// http(s), headers well formed, body within `max_body`.
pub fn request(field: &str, mut req: HttpRequest, max_body: usize) -> Result<HttpRequest> {
    let method = if req.method.is_empty() {
        "GET".to_owned()
    } else {
        req.method.to_ascii_uppercase()
    };
    if method.len() > MAX_METHOD_LEN || http::Method::from_bytes(method.as_bytes()).is_err() {
        return Err(Error::invalid(
            format!("{field}.method"),
            format!("must be an HTTP method token of at most {MAX_METHOD_LEN} characters"),
        ));
    }
    req.method = method;

    let url_field = format!("{field}.url");
    if req.url.is_empty() {
        return Err(Error::invalid(url_field, "is required"));
    }
    if req.url.len() > MAX_URL_BYTES {
        return Err(Error::invalid(
            url_field,
            format!("must be at most {MAX_URL_BYTES} bytes"),
        ));
    }
    url(&url_field, &req.url)?;

    if req.headers.len() > MAX_HEADERS {
        return Err(Error::invalid(
            format!("{field}.headers"),
            format!("at most {MAX_HEADERS} headers"),
        ));
    }
    let mut total = 0;
    for (i, (name, value)) in req.headers.iter().enumerate() {
        let hname = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::invalid(
                format!("{field}.headers[{i}].name"),
                "not a valid header name",
            )
        })?;
        if hname == http::header::CONTENT_LENGTH || hname == http::header::TRANSFER_ENCODING {
            return Err(Error::invalid(
                format!("{field}.headers[{i}].name"),
                format!("{hname} is set by HTQ from the body"),
            ));
        }
        if !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
            return Err(Error::invalid(
                format!("{field}.headers[{i}].value"),
                "must be visible ASCII or spaces, without CR or LF",
            ));
        }
        total += name.len() + value.len();
    }
    if total > MAX_HEADER_BYTES {
        return Err(Error::invalid(
            format!("{field}.headers"),
            format!("at most {MAX_HEADER_BYTES} bytes in all"),
        ));
    }

    let body_field = match req.body {
        Body::Form(_) => format!("{field}.form"),
        _ => format!("{field}.data"),
    };
    if req.body.size() > max_body {
        return Err(Error::invalid(
            body_field,
            format!("body over the {max_body}-byte cap"),
        ));
    }
    if let Body::Form(fields) = &req.body {
        for (i, (n, _)) in fields.iter().enumerate() {
            if n.is_empty() {
                return Err(Error::invalid(
                    format!("{field}.form.fields[{i}].name"),
                    "must not be empty",
                ));
            }
            // Quotes, CR and LF in a name are sent escaped (see the executor); a NUL
            // would cut the name short at many servers.
            if n.contains('\0') {
                return Err(Error::invalid(
                    format!("{field}.form.fields[{i}].name"),
                    "must not contain a NUL character",
                ));
            }
        }
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(url: &str) -> HttpRequest {
        HttpRequest {
            url: url.into(),
            ..Default::default()
        }
    }

    #[test]
    fn names() {
        assert!(name("queue", "a-b_c.1").is_ok());
        assert!(name("queue", "队列").is_ok());
        for bad in ["", "a\nb", "a\tb", "a\u{7f}"] {
            assert!(name("queue", bad).is_err(), "{bad:?}");
        }
        assert!(name("queue", &"x".repeat(201)).is_err());
        assert!(name("queue", &"x".repeat(200)).is_ok());
    }

    #[test]
    fn urls_must_be_absolute_http() {
        assert_eq!(request("r", req("http://h/x"), 10).unwrap().method, "GET");
        for good in [
            "https://h:8080/a%20b?c=%2F#f",
            "http://u:p@h/",
            "http://[::1]:9/",
        ] {
            assert!(request("r", req(good), 10).is_ok(), "{good:?}");
        }
        for bad in [
            "",
            "/relative",
            "ftp://h/x",
            "http://",
            "mailto:a@b",
            "h/x",
            "http://a\r\nb/",
            "http://a/\tb",
            "http:///x",
            "http:/x",
            "http:x",
            "http://a/%zz",
            "http://a/%4",
        ] {
            let err = request("r", req(bad), 10).unwrap_err().to_string();
            assert!(err.starts_with("r.url:"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn methods_and_headers() {
        let mut r = req("https://h/");
        r.method = "post".into();
        assert_eq!(request("r", r.clone(), 10).unwrap().method, "POST");
        r.method = "GE T".into();
        assert!(
            request("r", r.clone(), 10)
                .unwrap_err()
                .to_string()
                .starts_with("r.method")
        );
        r.method = "X".repeat(17);
        assert!(request("r", r.clone(), 10).is_err());
        r.method = "PATCH".into();
        r.headers = vec![("X-A".into(), "1\r\nX-B: 2".into())];
        assert!(
            request("r", r.clone(), 10)
                .unwrap_err()
                .to_string()
                .starts_with("r.headers[0].value")
        );
        r.headers = vec![("X-A".into(), "é".into())];
        assert!(
            request("r", r.clone(), 10)
                .unwrap_err()
                .to_string()
                .starts_with("r.headers[0].value")
        );
        r.headers = vec![("X-A".into(), "a b ~!".into())];
        assert!(request("r", r.clone(), 10).is_ok());
        r.headers = vec![("Bad Name".into(), "1".into())];
        assert!(
            request("r", r.clone(), 10)
                .unwrap_err()
                .to_string()
                .starts_with("r.headers[0].name")
        );
        r.headers = vec![("Content-Length".into(), "1".into())];
        assert!(request("r", r, 10).is_err());
    }

    #[test]
    fn body_cap() {
        let mut r = req("http://h/");
        r.body = Body::Bytes(vec![0u8; 11].into());
        assert!(
            request("r", r.clone(), 10)
                .unwrap_err()
                .to_string()
                .starts_with("r.data")
        );
        r.body = Body::Bytes(vec![0u8; 10].into());
        assert!(request("r", r, 10).is_ok());
    }

    #[test]
    fn numbers() {
        assert!(
            count("f", -1, 5)
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(count("f", 6, 5).is_err());
        assert_eq!(count("f", 5, 5).unwrap(), 5);
        assert!(duration("d", -1, Duration::from_secs(1)).is_err());
        assert!(duration("d", 1001, Duration::from_secs(1)).is_err());
    }
}
