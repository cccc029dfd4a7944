//! The legacy HTQ API, so existing clients (the PHP SDK, curl scripts, browser pages)
//! switch without changing a line: `GET /` and `POST /api/addQueue`, `deleteQueue`,
//! `allQueue`, `countQueue`, `addTask`, with the legacy bodies and codes. Paths match
//! case-insensitively, with one trailing slash allowed. Every outcome is HTTP 200 with
//! a compact JSON text sent as `text/html` (as legacy HTQ did), except a body over
//! the cap (413) and a malformed one (400).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_LENGTH, CONTENT_TYPE,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use super::HttpState;
use super::legacy_form::{self, BodyError};
use crate::core::legacy::LegacyTask;
use crate::error::Error;
use crate::legacy::Code;

const HTML: &str = "text/html; charset=utf-8";

/// A legacy route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /`: answers `HTQ`.
    Root,
    /// `OPTIONS /api/*`: a CORS preflight.
    Preflight,
    AddQueue,
    DeleteQueue,
    AllQueue,
    CountQueue,
    AddTask,
}

/// The legacy route of a request, as Express matched it: case-insensitive, one
/// trailing slash allowed (the query string is not part of `path`).
pub fn route(method: &Method, path: &str) -> Option<Endpoint> {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    let lower = path.to_ascii_lowercase();
    if lower == "/" {
        return matches!(*method, Method::GET | Method::HEAD).then_some(Endpoint::Root);
    }
    let endpoint = match lower.as_str() {
        "/api/addqueue" => Endpoint::AddQueue,
        "/api/deletequeue" => Endpoint::DeleteQueue,
        "/api/allqueue" => Endpoint::AllQueue,
        "/api/countqueue" => Endpoint::CountQueue,
        "/api/addtask" => Endpoint::AddTask,
        _ => return None,
    };
    match *method {
        Method::POST => Some(endpoint),
        Method::OPTIONS => Some(Endpoint::Preflight),
        _ => None,
    }
}

/// The configured `app_key` and `app_token`.
#[derive(Clone)]
pub struct LegacyAuth {
    key: Arc<[u8]>,
    token: Arc<[u8]>,
}

impl LegacyAuth {
    /// Accepts this pair; None when either is missing or empty.
    pub fn new(key: Option<&str>, token: Option<&str>) -> Option<Self> {
        let (key, token) = (
            key.filter(|k| !k.is_empty())?,
            token.filter(|t| !t.is_empty())?,
        );
        Some(LegacyAuth {
            key: key.as_bytes().into(),
            token: token.as_bytes().into(),
        })
    }

    /// True when the pair matches; both are compared in constant time and the results
    /// combined before any branch.
    pub fn check(&self, key: &str, token: &str) -> bool {
        let ok =
            self.key.as_ref().ct_eq(key.as_bytes()) & self.token.as_ref().ct_eq(token.as_bytes());
        bool::from(ok)
    }

    /// Whether these are the credentials legacy HTQ shipped publicly.
    pub fn is_shipped_default(&self) -> bool {
        let (k, t) = crate::legacy::SHIPPED_CREDENTIALS;
        self.check(k, t)
    }
}

/// A legacy answer: status 200 (unless given), the JSON text, `text/html`, CORS.
fn answer(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    let h = resp.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(HTML));
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(
        ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    resp
}

fn code(c: Code) -> Response {
    answer(StatusCode::OK, c.body().to_owned())
}

/// The code for a core error, given the endpoint's code for a storage failure.
fn error_code(e: &Error, storage: Code) -> Code {
    match e {
        Error::InvalidArgument { field, reason } => {
            tracing::info!(%field, %reason, "legacy API: bad input");
            Code::BadParam
        }
        Error::AlreadyExists(_) => Code::Exists,
        Error::NotFound(_) => Code::NoQueue,
        Error::Unauthenticated => Code::Auth,
        other => {
            tracing::warn!(error = %other, "legacy API: request failed");
            storage
        }
    }
}

/// Serves one legacy request.
pub async fn handle(state: HttpState, endpoint: Endpoint, req: Request) -> Response {
    match endpoint {
        Endpoint::Root => {
            let mut resp = (StatusCode::OK, "HTQ").into_response();
            resp.headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static(HTML));
            resp
        }
        Endpoint::Preflight => {
            let mut resp = StatusCode::NO_CONTENT.into_response();
            let h = resp.headers_mut();
            h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            h.insert(
                ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("POST, OPTIONS"),
            );
            h.insert(
                ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("Content-Type"),
            );
            resp
        }
        _ => api(state, endpoint, req).await,
    }
}

/// The most a refused (over the cap) body is read past before answering 413, so a
/// client still sending sees the answer instead of a broken connection.
const MAX_DRAIN: u64 = 16 * 1024 * 1024;

async fn read_body(req: Request, cap: usize) -> Result<(HeaderMap, Bytes), Response> {
    use futures::StreamExt;
    let too_large = || {
        answer(
            StatusCode::PAYLOAD_TOO_LARGE,
            Code::BadParam.body().to_owned(),
        )
    };
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let expects_continue = req
        .headers()
        .get(axum::http::header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if declared.is_some_and(|n| n > cap as u64 && (expects_continue || n > MAX_DRAIN)) {
        // Refused before reading: a client waiting on `Expect: 100-continue` has
        // sent nothing, and a huge body is not worth reading.
        return Err(too_large());
    }
    let (parts, body) = req.into_parts();
    let mut stream = Body::new(body).into_data_stream();
    let mut buf = Vec::with_capacity(declared.map_or(0, |n| n.min(cap as u64) as usize));
    let mut seen: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            return Err(answer(
                StatusCode::BAD_REQUEST,
                Code::BadParam.body().to_owned(),
            ));
        };
        seen += chunk.len() as u64;
        if seen > MAX_DRAIN {
            return Err(too_large());
        }
        if seen <= cap as u64 {
            buf.extend_from_slice(&chunk);
        }
    }
    if seen > cap as u64 {
        return Err(too_large());
    }
    Ok((parts.headers, Bytes::from(buf)))
}

async fn api(state: HttpState, endpoint: Endpoint, req: Request) -> Response {
    let (headers, body) = match read_body(req, state.legacy_max_body).await {
        Ok(x) => x,
        Err(resp) => return resp,
    };
    let fields = match legacy_form::parse(&headers, body).await {
        Ok(f) => f,
        Err(BodyError::Malformed(why)) => {
            tracing::info!(%why, "legacy API: malformed body");
            return answer(StatusCode::BAD_REQUEST, Code::BadParam.body().to_owned());
        }
        Err(BodyError::TooManyFields) => {
            return answer(StatusCode::BAD_REQUEST, Code::BadParam.body().to_owned());
        }
    };
    if !authenticated(&state, &headers, &fields) {
        return code(Code::Auth);
    }
    // Every other known field may appear once.
    let field = |name: &str| legacy_form::one(&fields, name).map_err(|d| d.0);
    let core = &state.core;
    let result: Result<Response, String> = async {
        Ok(match endpoint {
            Endpoint::AddQueue => {
                let r = core
                    .legacy_add_queue(
                        field("queue_name")?,
                        field("type")?,
                        field("stepping_time")?,
                        field("max_time_interval")?,
                    )
                    .await;
                done(
                    r,
                    r#"{"error_code":0,"message":"添加成功"}"#,
                    Code::AddFailed,
                )
            }
            Endpoint::DeleteQueue => {
                let r = core.legacy_delete_queue(field("queue_name")?).await;
                done(
                    r,
                    r#"{"error_code":0,"message":"删除成功"}"#,
                    Code::DeleteFailed,
                )
            }
            Endpoint::AllQueue => match core.legacy_all_queues().await {
                Ok(list) => {
                    let items: Vec<String> = list
                        .iter()
                        .map(|(name, attr)| {
                            format!(
                                r#"{{"queue_name":{},"attribute":{}}}"#,
                                serde_json::Value::from(name.as_str()),
                                attr
                            )
                        })
                        .collect();
                    answer(StatusCode::OK, format!("[{}]", items.join(",")))
                }
                Err(e) => code(error_code(&e, Code::Unavailable)),
            },
            Endpoint::CountQueue => match core.legacy_count(field("queue_name")?).await {
                Ok(n) => answer(StatusCode::OK, format!(r#"{{"error_code":0,"count":{n}}}"#)),
                Err(e) => code(error_code(&e, Code::Unavailable)),
            },
            Endpoint::AddTask => {
                let task = LegacyTask {
                    queue_name: field("queue_name")?.map(str::to_owned),
                    url: field("url")?.map(str::to_owned),
                    execute_time: field("execute_time")?.map(str::to_owned),
                    method: field("method")?.map(str::to_owned),
                    header: field("header")?.map(str::to_owned),
                    data: field("data")?.map(str::to_owned),
                    hops: headers
                        .get(crate::dispatch::executor::HOPS_HEADER)
                        .and_then(|v| v.to_str().ok())
                        .map(crate::core::validate::hops)
                        .unwrap_or(0),
                };
                let r = core.legacy_add_task(task).await.map(|_| ());
                done(
                    r,
                    r#"{"error_code":0,"message":"添加成功"}"#,
                    Code::AddFailed,
                )
            }
            Endpoint::Root | Endpoint::Preflight => unreachable!("served in handle"),
        })
    }
    .await;
    result.unwrap_or_else(|dup| {
        tracing::info!(field = %dup, "legacy API: field given twice");
        code(Code::BadParam)
    })
}

fn done(r: crate::Result<()>, ok: &str, storage: Code) -> Response {
    match r {
        Ok(()) => answer(StatusCode::OK, ok.to_owned()),
        Err(e) => code(error_code(&e, storage)),
    }
}

/// Body fields `app_key`/`app_token` (each exactly once, non-empty), or when the body
/// has neither, the headers `X-HTQ-App-Key`/`X-HTQ-App-Token`.
fn authenticated(state: &HttpState, headers: &HeaderMap, fields: &[(String, String)]) -> bool {
    let Some(auth) = &state.legacy_auth else {
        return false;
    };
    let body_key = legacy_form::one(fields, "app_key");
    let body_token = legacy_form::one(fields, "app_token");
    let (key, token) = match (body_key, body_token) {
        (Ok(None), Ok(None)) => {
            let h = |n: &str| {
                headers
                    .get(n)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            (h("x-htq-app-key"), h("x-htq-app-token"))
        }
        (Ok(k), Ok(t)) => (k.map(str::to_owned), t.map(str::to_owned)),
        _ => return false,
    };
    match (key, token) {
        (Some(k), Some(t)) if !k.is_empty() && !t.is_empty() => auth.check(&k, &t),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_match_like_express() {
        let post = Method::POST;
        assert_eq!(route(&post, "/api/allQueue"), Some(Endpoint::AllQueue));
        assert_eq!(route(&post, "/API/ALLQUEUE"), Some(Endpoint::AllQueue));
        assert_eq!(route(&post, "/api/allQueue/"), Some(Endpoint::AllQueue));
        assert_eq!(route(&post, "/api/allQueue//"), None);
        assert_eq!(route(&post, "//api/allQueue"), None);
        assert_eq!(route(&Method::GET, "/api/allQueue"), None);
        assert_eq!(
            route(&Method::OPTIONS, "/api/addTask"),
            Some(Endpoint::Preflight)
        );
        assert_eq!(route(&Method::GET, "/"), Some(Endpoint::Root));
        assert_eq!(route(&Method::HEAD, "/"), Some(Endpoint::Root));
        assert_eq!(route(&post, "/"), None);
        assert_eq!(route(&post, "/api/other"), None);
    }

    #[test]
    fn credentials() {
        let auth = LegacyAuth::new(Some("k"), Some("t")).unwrap();
        assert!(auth.check("k", "t"));
        assert!(!auth.check("k", "x"));
        assert!(!auth.check("x", "t"));
        assert!(!auth.check("", ""));
        assert!(LegacyAuth::new(Some(""), Some("t")).is_none());
        assert!(!auth.is_shipped_default());
        let (k, t) = crate::legacy::SHIPPED_CREDENTIALS;
        assert!(
            LegacyAuth::new(Some(k), Some(t))
                .unwrap()
                .is_shipped_default()
        );
    }
}
