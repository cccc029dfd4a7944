//! The legacy HTQ contract's own rules, shared by the legacy HTTP API and the
//! importer: result codes, queue attributes, the `execute_time` grammar, the
//! `htq_no_repeat` marker, and how `header`/`data` become an HTTP request.

pub mod execute_time;

use std::time::Duration;

use crate::model::{Body, HttpRequest, Queue, QueueKind};

/// The queue legacy `addTask` uses when `queue_name` is absent or empty.
pub const DEFAULT_QUEUE: &str = "default_queue";
/// A name legacy HTQ used for its registry key; no queue may take it.
pub const RESERVED_NAME: &str = "queue_list";
/// The credentials legacy HTQ shipped in its config.json; public, so never safe.
pub const SHIPPED_CREDENTIALS: (&str, &str) = (
    "sbvrgrgbg10rgye5y5ebfbgdyyhdgsrg",
    "usbvbhu0srfefeafrrgy5rgrgrfrfegsrg",
);
/// The User-Agent legacy HTQ sent (node-fetch's), kept by default for its tasks.
pub const USER_AGENT: &str = "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)";

/// The legacy API's result codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Bad or missing credentials.
    Auth = 1000,
    /// A write failed.
    AddFailed = 1001,
    /// The queue name is taken.
    Exists = 1002,
    /// No such queue.
    NoQueue = 1003,
    /// The delete failed.
    DeleteFailed = 1004,
    /// Bad input.
    BadParam = 1005,
    /// Storage unavailable.
    Unavailable = 1006,
}

impl Code {
    /// The exact body legacy HTQ answers with.
    pub fn body(self) -> &'static str {
        match self {
            Code::Auth => r#"{"error_code":1000,"message":"认证失败"}"#,
            Code::AddFailed => r#"{"error_code":1001,"message":"添加失败"}"#,
            Code::Exists => r#"{"error_code":1002,"message":"队列名已经存在"}"#,
            Code::NoQueue => r#"{"error_code":1003,"message":"队列不存在，请先创建"}"#,
            Code::DeleteFailed => r#"{"error_code":1004,"message":"删除失败"}"#,
            Code::BadParam => r#"{"error_code":1005,"message":"参数错误"}"#,
            Code::Unavailable => r#"{"error_code":1006,"message":"服务暂不可用"}"#,
        }
    }
}

/// A queue attribute as legacy HTQ stored it: `{"type":…}` then `stepping_time` and
/// `max_time_interval` as received, when non-empty.
pub fn attribute(
    kind: &str,
    stepping_time: Option<&str>,
    max_time_interval: Option<&str>,
) -> String {
    let mut attr = serde_json::Map::new();
    attr.insert("type".into(), kind.into());
    if let Some(s) = stepping_time.filter(|s| !s.is_empty()) {
        attr.insert("stepping_time".into(), s.into());
    }
    if let Some(m) = max_time_interval.filter(|s| !s.is_empty()) {
        attr.insert("max_time_interval".into(), m.into());
    }
    serde_json::Value::Object(attr).to_string()
}

/// A non-negative decimal number of seconds (`10`, `0`, `1.5`) in ms.
pub fn seconds_ms(text: &str) -> Option<i64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !digits(int)
        || !digits(frac)
        || (text.contains('.') && frac.is_empty())
        || int.len() > 12
    {
        return None;
    }
    let secs: f64 = text.parse().ok()?;
    Some((secs * 1000.0).round() as i64)
}

/// Cuts the `htq_no_repeat` marker legacy HTQ appended to keep members unique: at
/// the last `htq_no_repeat=` that follows `?` or `&`. A URL without one is unchanged.
pub fn strip_marker(url: &str) -> &str {
    let mut search = url.len();
    while let Some(pos) = url[..search].rfind("htq_no_repeat=") {
        if pos > 0 && matches!(url.as_bytes()[pos - 1], b'?' | b'&') {
            return &url[..pos - 1];
        }
        search = pos;
    }
    url
}

/// A JSON scalar as the text a form or header carries.
fn scalar_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The `header` field: a JSON object (values scalars), `[]`, `null` or empty (none).
pub fn headers(text: Option<&str>) -> Result<Vec<(String, String)>, &'static str> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    match serde_json::from_str::<serde_json::Value>(text).map_err(|_| "header: not JSON")? {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| match v {
                serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
                    Err("header: values must be text")
                }
                v => Ok((k.clone(), scalar_text(v))),
            })
            .collect(),
        serde_json::Value::Array(a) if a.is_empty() => Ok(Vec::new()),
        serde_json::Value::Null => Ok(Vec::new()),
        _ => Err("header: must be a JSON object"),
    }
}

/// The `data` field: a JSON object, or an array (keys `0`, `1`, …); empty means none.
/// Strings stay as they are, numbers and booleans become their JSON text, null
/// becomes empty, arrays and objects become JSON text.
pub fn form_fields(text: Option<&str>) -> Result<Vec<(String, String)>, &'static str> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    match serde_json::from_str::<serde_json::Value>(text).map_err(|_| "data: not JSON")? {
        serde_json::Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| (k.clone(), scalar_text(v)))
            .collect()),
        serde_json::Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), scalar_text(v)))
            .collect()),
        _ => Err("data: must be a JSON object or array"),
    }
}

/// The request a legacy task performs: GET and HEAD without a body (`data` dropped),
/// other methods with `data` as a multipart form. `user_agent` and `Accept: */*` are
/// added unless the task sets them.
pub fn request(
    url: &str,
    method: &str,
    mut headers: Vec<(String, String)>,
    data: Vec<(String, String)>,
    user_agent: &str,
) -> HttpRequest {
    let method = method.to_ascii_uppercase();
    let has =
        |h: &[(String, String)], name: &str| h.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
    if !has(&headers, "user-agent") && !user_agent.is_empty() {
        headers.push(("User-Agent".into(), user_agent.into()));
    }
    if !has(&headers, "accept") {
        headers.push(("Accept".into(), "*/*".into()));
    }
    let body = if method == "GET" || method == "HEAD" {
        if !data.is_empty() {
            tracing::warn!(%url, %method, "legacy task: data dropped, {method} carries no body");
        }
        Body::Empty
    } else {
        Body::Form(data)
    };
    HttpRequest {
        method,
        url: url.to_owned(),
        headers,
        body,
    }
}

/// The attribute legacy `allQueue` shows: the one a legacy client gave, or one
/// made from the kind (and, for variable queues, the pace in seconds).
pub fn queue_attribute(q: &Queue) -> String {
    if let Some(a) = &q.legacy_attribute {
        return a.clone();
    }
    let secs = |d: Duration| {
        let s = d.as_secs_f64();
        if s.fract() == 0.0 {
            format!("{}", s as u64)
        } else {
            format!("{s}")
        }
    };
    match q.kind {
        QueueKind::Variable => attribute(
            q.kind.as_str(),
            Some(&secs(q.variable.stepping)),
            Some(&secs(q.variable.max_interval)),
        ),
        kind => attribute(kind.as_str(), None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_text_as_received() {
        assert_eq!(
            attribute("real_time", None, None),
            r#"{"type":"real_time"}"#
        );
        assert_eq!(
            attribute("variable", Some("10"), Some("3600")),
            r#"{"type":"variable","stepping_time":"10","max_time_interval":"3600"}"#
        );
        assert_eq!(
            attribute("real_time", Some("0"), Some("")),
            r#"{"type":"real_time","stepping_time":"0"}"#
        );
    }

    #[test]
    fn decimal_seconds() {
        assert_eq!(seconds_ms("10"), Some(10_000));
        assert_eq!(seconds_ms("0"), Some(0));
        assert_eq!(seconds_ms("1.5"), Some(1500));
        for bad in ["", "-1", "1.", ".5", "1e3", "abc", " 1", "NaN", "1.2.3"] {
            assert_eq!(seconds_ms(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn marker_is_cut_at_the_last_one_after_a_separator() {
        assert_eq!(
            strip_marker("http://h/a?x=1&htq_no_repeat=17955007120000.4239"),
            "http://h/a?x=1"
        );
        assert_eq!(strip_marker("http://h/a?htq_no_repeat=1234"), "http://h/a");
        assert_eq!(
            strip_marker("http://h/a?q=htq_no_repeat=5&htq_no_repeat=9"),
            "http://h/a?q=htq_no_repeat=5"
        );
        assert_eq!(
            strip_marker("http://h/htq_no_repeat=5"),
            "http://h/htq_no_repeat=5"
        );
        assert_eq!(strip_marker("http://h/a"), "http://h/a");
    }

    #[test]
    fn header_and_data_json() {
        assert_eq!(
            headers(Some(r#"{"X-A":"1","X-N":5}"#)).unwrap(),
            [("X-A".into(), "1".into()), ("X-N".into(), "5".into())]
        );
        assert!(headers(Some("[]")).unwrap().is_empty());
        assert!(headers(Some("null")).unwrap().is_empty());
        assert!(headers(None).unwrap().is_empty());
        assert!(headers(Some("{bad")).is_err());
        assert!(headers(Some("[1]")).is_err());
        assert!(headers(Some(r#"{"a":{"b":1}}"#)).is_err());
        let f = form_fields(Some(
            r#"{"k":"v","n":5,"b":true,"z":null,"arr":[1,"x"],"o":{"p":1}}"#,
        ))
        .unwrap();
        assert_eq!(
            f,
            [
                ("k".into(), "v".into()),
                ("n".into(), "5".into()),
                ("b".into(), "true".into()),
                ("z".into(), "".into()),
                ("arr".into(), r#"[1,"x"]"#.into()),
                ("o".into(), r#"{"p":1}"#.into())
            ]
        );
        assert_eq!(
            form_fields(Some(r#"["a","b"]"#)).unwrap(),
            [("0".into(), "a".into()), ("1".into(), "b".into())]
        );
        assert!(form_fields(Some("5")).is_err());
        assert!(form_fields(Some("null")).is_err());
    }

    #[test]
    fn get_requests_carry_no_body() {
        let r = request(
            "http://h/",
            "get",
            vec![],
            vec![("k".into(), "v".into())],
            USER_AGENT,
        );
        assert_eq!(r.method, "GET");
        assert_eq!(r.body, Body::Empty);
        assert!(
            r.headers
                .contains(&("User-Agent".into(), USER_AGENT.into()))
        );
        let r = request(
            "http://h/",
            "post",
            vec![("user-agent".into(), "mine".into())],
            vec![("k".into(), "v".into())],
            USER_AGENT,
        );
        assert_eq!(r.body, Body::Form(vec![("k".into(), "v".into())]));
        assert_eq!(
            r.headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("user-agent"))
                .count(),
            1
        );
    }
}
