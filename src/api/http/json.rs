//! The JSON API: every RPC of the contract over HTTP under `/v1/`, with REST-style
//! paths and the proto3 JSON mapping (field names in lowerCamelCase or as in the
//! `.proto`, enums by name, timestamps in RFC 3339, durations as `"1.5s"`). It calls
//! the gRPC service itself, so both answer the same, and maps a gRPC status to its
//! HTTP status with a JSON error body:
//! `{"error": {"code": 404, "status": "NOT_FOUND", "message": "..."}}`.
//!
//! WatchQueue is served as Server-Sent Events: `GET /v1/queues/{name}/events` and
//! `GET /v1/events` (every queue). Each event's `id` is its cursor, so a client that
//! reconnects with `Last-Event-ID` resumes exactly where it stopped.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use futures::{Stream, StreamExt};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tonic::Status;

use crate::api::auth::{Auth, Caller};
use crate::api::grpc::GrpcService;
use crate::api::pb;
use crate::api::pb::htq_service_server::HtqService;

/// The HTTP status for a gRPC code (as Google's HTTP mapping has it).
pub fn http_status(code: tonic::Code) -> StatusCode {
    use tonic::Code::*;
    match code {
        Ok => StatusCode::OK,
        Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
        InvalidArgument | FailedPrecondition | OutOfRange => StatusCode::BAD_REQUEST,
        DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        NotFound => StatusCode::NOT_FOUND,
        AlreadyExists | Aborted => StatusCode::CONFLICT,
        PermissionDenied => StatusCode::FORBIDDEN,
        Unauthenticated => StatusCode::UNAUTHORIZED,
        ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Unknown | Internal | DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The gRPC code's name as the JSON error body spells it.
fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "CANCELLED",
        Unknown => "UNKNOWN",
        InvalidArgument => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        NotFound => "NOT_FOUND",
        AlreadyExists => "ALREADY_EXISTS",
        PermissionDenied => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        FailedPrecondition => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        Unimplemented => "UNIMPLEMENTED",
        Internal => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        Unauthenticated => "UNAUTHENTICATED",
    }
}

/// A gRPC status as an HTTP response with a JSON error body.
pub fn error_response(status: &Status) -> Response {
    let http = http_status(status.code());
    let body = serde_json::json!({
        "error": {
            "code": http.as_u16(),
            "status": code_name(status.code()),
            "message": status.message(),
        }
    });
    (http, axum::Json(body)).into_response()
}

fn bad_request(message: String) -> Response {
    error_response(&Status::invalid_argument(message))
}

/// Parses a JSON body into `T`; an empty body is `T`'s default. An error names
/// the field it is in (`body.queue.retry.maxAttempts: …`).
fn body<T: DeserializeOwned + Default>(bytes: &Bytes) -> Result<T, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        if path == "." || path == "?" {
            format!("body: {}", e.inner())
        } else {
            format!("body.{path}: {}", e.inner())
        }
    })
}

fn reply<T: serde::Serialize>(r: Result<tonic::Response<T>, Status>) -> Response {
    match r {
        Ok(r) => axum::Json(r.into_inner()).into_response(),
        Err(s) => error_response(&s),
    }
}

/// Checks `Authorization: Bearer <token>` on every `/v1/` call.
async fn authenticate(State(auth): State<Auth>, mut req: Request, next: Next) -> Response {
    let header = req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .map(|v| v.as_bytes());
    match auth.caller(header) {
        Some(caller) => {
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        None => error_response(&crate::Error::Unauthenticated.into()),
    }
}

/// Paging query parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    #[serde(default, alias = "page_size")]
    page_size: Option<i32>,
    #[serde(default, alias = "page_token")]
    page_token: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default, alias = "update_mask")]
    update_mask: Option<String>,
    #[serde(default, alias = "read_mask")]
    read_mask: Option<String>,
    #[serde(default, alias = "url_contains")]
    url_contains: Option<String>,
    #[serde(default, alias = "flow_key")]
    flow_key: Option<String>,
}

/// The largest JSON body of a batch push: a gRPC batch's largest message, in
/// base64, with room for the JSON around it.
pub const MAX_BATCH_JSON_BYTES: usize = 24 * 1024 * 1024;

/// The `/v1/` routes, each checked against `auth`. A body larger than its route's
/// cap is refused (413) before more than the cap is read: a task's body cap
/// `max_body_bytes` in base64 with room for the rest of one task, or
/// [`MAX_BATCH_JSON_BYTES`] for a batch.
pub fn router(svc: GrpcService, auth: Auth, max_body_bytes: usize) -> Router {
    let one_task = max_body_bytes.div_ceil(3) * 4 + 128 * 1024;
    let batch = axum::extract::DefaultBodyLimit::max(MAX_BATCH_JSON_BYTES.max(one_task));
    Router::new()
        .route("/v1/queues", get(list_queues).post(create_queue))
        .route(
            "/v1/queues/{name}",
            get(get_queue).patch(update_queue).delete(delete_queue),
        )
        .route("/v1/queues/{name}/pause", post(pause_queue))
        .route("/v1/queues/{name}/resume", post(resume_queue))
        .route("/v1/queues/{name}/purge", post(purge_queue))
        .route("/v1/queues/{name}/counts", get(count_tasks))
        .route("/v1/queues/{name}/tasks", get(list_tasks).post(push_task))
        .route(
            "/v1/queues/{name}/tasks/batch",
            task_named("batch").post(push_tasks).layer(batch),
        )
        .route(
            "/v1/queues/{name}/tasks/schedule",
            task_named("schedule").post(schedule_task),
        )
        .route(
            "/v1/queues/{name}/tasks/replay",
            task_named("replay").post(replay_tasks),
        )
        .route(
            "/v1/queues/{name}/tasks/{id}",
            get(get_task).delete(cancel_task),
        )
        .route("/v1/queues/{name}/tasks/{id}/run", post(run_task))
        .route("/v1/queues/{name}/dead/retry", post(retry_all_dead))
        .route(
            "/v1/queues/{name}/dead/{id}",
            axum::routing::delete(delete_dead),
        )
        .route("/v1/queues/{name}/dead/{id}/retry", post(retry_dead))
        .route("/v1/queues/{name}/events", get(queue_events))
        .route("/v1/events", get(all_events))
        .route("/v1/schedules", get(list_schedules).post(create_schedule))
        .route(
            "/v1/schedules/{name}",
            get(get_schedule).delete(delete_schedule),
        )
        .route(
            "/v1/signing-keys",
            get(list_signing_keys).post(create_signing_key),
        )
        .route("/v1/signing-keys/rotate", post(rotate_signing_key))
        .route("/v1/whoami", get(whoami))
        .route("/v1/system", get(system))
        .route("/v1/history", get(history))
        .route("/v1/topics", get(list_topics).post(create_topic))
        .route(
            "/v1/topics/{name}",
            get(get_topic).patch(update_topic).delete(delete_topic),
        )
        .route("/v1/topics/{name}/endpoints", post(add_endpoint))
        .route(
            "/v1/topics/{name}/endpoints/{endpoint}",
            axum::routing::delete(remove_endpoint),
        )
        .route(
            "/v1/topics/{name}/endpoints/{endpoint}/enable",
            post(enable_endpoint),
        )
        .route("/v1/topics/{name}/publish", post(publish))
        .route(
            "/v1/topics/{name}/publish/batch",
            post(publish_batch).layer(batch),
        )
        .route(
            "/v1/signing-keys/{id}",
            axum::routing::delete(retire_signing_key),
        )
        .with_state(svc)
        .layer(axum::extract::DefaultBodyLimit::max(one_task))
        .layer(axum::middleware::from_fn_with_state(auth, authenticate))
}

type Svc = State<GrpcService>;

/// A call of the gRPC service by `caller`, whose scope it checks.
fn req<T>(caller: &Caller, t: T) -> tonic::Request<T> {
    let mut r = tonic::Request::new(t);
    r.extensions_mut().insert(caller.clone());
    r
}

/// A request carrying the HTTP call's W3C `traceparent` and `x-htq-hops`, for pushes.
fn traced<T>(caller: &Caller, t: T, headers: &HeaderMap) -> tonic::Request<T> {
    let mut r = req(caller, t);
    for name in ["traceparent", crate::dispatch::executor::HOPS_HEADER] {
        if let Some(v) = headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
        {
            r.metadata_mut().insert(name, v);
        }
    }
    r
}

async fn list_queues(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Query(p): Query<Page>,
) -> Response {
    let r = pb::ListQueuesRequest {
        page_size: p.page_size.unwrap_or(0),
        read_mask: field_mask(p.read_mask.as_deref()),
        page_token: p.page_token.unwrap_or_default(),
    };
    reply(s.list_queues(req(&c, r)).await)
}

async fn create_queue(State(s): Svc, Extension(c): Extension<Caller>, b: Bytes) -> Response {
    let queue: pb::Queue = match body(&b) {
        Ok(q) => q,
        Err(m) => return bad_request(m),
    };
    reply(
        s.create_queue(req(&c, pb::CreateQueueRequest { queue: Some(queue) }))
            .await,
    )
}

async fn get_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(s.get_queue(req(&c, pb::GetQueueRequest { name })).await)
}

async fn update_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
    Query(p): Query<Page>,
    b: Bytes,
) -> Response {
    let mut queue: pb::Queue = match body(&b) {
        Ok(q) => q,
        Err(m) => return bad_request(m),
    };
    queue.name = name;
    let update_mask = field_mask(p.update_mask.as_deref());
    reply(
        s.update_queue(req(
            &c,
            pb::UpdateQueueRequest {
                queue: Some(queue),
                update_mask,
            },
        ))
        .await,
    )
}

/// A field mask path in the JSON mapping's lowerCamelCase, as the `.proto` names it.
fn snake_case(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 4);
    for c in path.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

async fn delete_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(
        s.delete_queue(req(&c, pb::DeleteQueueRequest { name }))
            .await,
    )
}

async fn pause_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(s.pause_queue(req(&c, pb::PauseQueueRequest { name })).await)
}

async fn resume_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(
        s.resume_queue(req(&c, pb::ResumeQueueRequest { name }))
            .await,
    )
}

async fn purge_queue(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(s.purge_queue(req(&c, pb::PurgeQueueRequest { name })).await)
}

async fn count_tasks(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
) -> Response {
    reply(
        s.count_tasks(req(&c, pb::CountTasksRequest { queue }))
            .await,
    )
}

async fn list_tasks(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    Query(p): Query<Page>,
) -> Response {
    let state = match p.state.as_deref().map(parse_state).transpose() {
        Ok(s) => s.unwrap_or(0),
        Err(m) => return bad_request(m),
    };
    let r = pb::ListTasksRequest {
        queue,
        state,
        page_size: p.page_size.unwrap_or(0),
        page_token: p.page_token.unwrap_or_default(),
        url_contains: p.url_contains.unwrap_or_default(),
        flow_key: p.flow_key.unwrap_or_default(),
    };
    reply(s.list_tasks(req(&c, r)).await)
}

/// A task state by name (`DEAD` or `TASK_STATE_DEAD`, any case) or number.
fn parse_state(s: &str) -> Result<i32, String> {
    if let Ok(n) = s.parse::<i32>() {
        return Ok(n);
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("TASK_STATE_") {
        upper
    } else {
        format!("TASK_STATE_{upper}")
    };
    pb::TaskState::from_str_name(&name)
        .map(|s| s as i32)
        .ok_or_else(|| format!("state: unknown state {s:?}"))
}

async fn push_task(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    headers: HeaderMap,
    b: Bytes,
) -> Response {
    let mut r: pb::PushTaskRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.queue = queue;
    reply(s.push_task(traced(&c, r, &headers)).await)
}

async fn push_tasks(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    headers: HeaderMap,
    b: Bytes,
) -> Response {
    let mut r: pb::PushTasksRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.queue = queue;
    reply(s.push_tasks(traced(&c, r, &headers)).await)
}

async fn replay_tasks(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    b: Bytes,
) -> Response {
    let mut r: pb::ReplayTasksRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.queue = queue;
    reply(s.replay_tasks(req(&c, r)).await)
}

async fn schedule_task(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    headers: HeaderMap,
    b: Bytes,
) -> Response {
    let mut r: pb::ScheduleTaskRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.queue = queue;
    reply(s.schedule_task(traced(&c, r, &headers)).await)
}

async fn get_task(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((queue, id)): Path<(String, String)>,
) -> Response {
    reply(s.get_task(req(&c, pb::GetTaskRequest { queue, id })).await)
}

/// GET and DELETE of the task whose id is the word a queue's POST route takes
/// (`batch`, `schedule`, `replay`): the route's word shadows `{id}`.
fn task_named(id: &'static str) -> axum::routing::MethodRouter<GrpcService> {
    get(
        move |s: Svc, c: Extension<Caller>, Path(queue): Path<String>| async move {
            get_task(s, c, Path((queue, id.to_owned()))).await
        },
    )
    .delete(
        move |s: Svc, c: Extension<Caller>, Path(queue): Path<String>| async move {
            cancel_task(s, c, Path((queue, id.to_owned()))).await
        },
    )
}

async fn cancel_task(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((queue, id)): Path<(String, String)>,
) -> Response {
    reply(
        s.cancel_task(req(&c, pb::CancelTaskRequest { queue, id }))
            .await,
    )
}

async fn run_task(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((queue, id)): Path<(String, String)>,
) -> Response {
    reply(s.run_task(req(&c, pb::RunTaskRequest { queue, id })).await)
}

async fn retry_dead(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((queue, id)): Path<(String, String)>,
) -> Response {
    reply(
        s.retry_dead_task(req(&c, pb::RetryDeadTaskRequest { queue, id }))
            .await,
    )
}

async fn retry_all_dead(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
) -> Response {
    reply(
        s.retry_all_dead_tasks(req(&c, pb::RetryAllDeadTasksRequest { queue }))
            .await,
    )
}

async fn delete_dead(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((queue, id)): Path<(String, String)>,
) -> Response {
    reply(
        s.delete_dead_task(req(&c, pb::DeleteDeadTaskRequest { queue, id }))
            .await,
    )
}

async fn list_schedules(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Query(p): Query<Page>,
) -> Response {
    let r = pb::ListSchedulesRequest {
        page_size: p.page_size.unwrap_or(0),
        page_token: p.page_token.unwrap_or_default(),
    };
    reply(s.list_schedules(req(&c, r)).await)
}

async fn create_schedule(State(s): Svc, Extension(c): Extension<Caller>, b: Bytes) -> Response {
    let schedule: pb::Schedule = match body(&b) {
        Ok(q) => q,
        Err(m) => return bad_request(m),
    };
    reply(
        s.create_schedule(req(
            &c,
            pb::CreateScheduleRequest {
                schedule: Some(schedule),
            },
        ))
        .await,
    )
}

async fn get_schedule(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(
        s.get_schedule(req(&c, pb::GetScheduleRequest { name }))
            .await,
    )
}

async fn delete_schedule(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(
        s.delete_schedule(req(&c, pb::DeleteScheduleRequest { name }))
            .await,
    )
}

/// A field mask query parameter: camelCase or snake_case paths, comma-separated.
fn field_mask(m: Option<&str>) -> Option<pbjson_types::FieldMask> {
    m.map(|m| pbjson_types::FieldMask {
        paths: m
            .split(',')
            .filter(|p| !p.is_empty())
            .map(snake_case)
            .collect(),
    })
}

/// `GET /v1/history?queue=Q&window=900`: `window` in seconds.
#[derive(Deserialize, Default)]
struct HistoryQuery {
    #[serde(default)]
    queue: String,
    #[serde(default)]
    window: Option<i64>,
}

async fn history(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Query(q): Query<HistoryQuery>,
) -> Response {
    let r = pb::GetHistoryRequest {
        queue: q.queue,
        window: q.window.map(|secs| pbjson_types::Duration {
            seconds: secs,
            nanos: 0,
        }),
    };
    reply(s.get_history(req(&c, r)).await)
}

async fn system(State(s): Svc, Extension(c): Extension<Caller>) -> Response {
    reply(s.get_system(req(&c, pb::GetSystemRequest {})).await)
}

async fn list_topics(State(s): Svc, Extension(c): Extension<Caller>) -> Response {
    reply(s.list_topics(req(&c, pb::ListTopicsRequest {})).await)
}

async fn create_topic(State(s): Svc, Extension(c): Extension<Caller>, b: Bytes) -> Response {
    let topic: pb::Topic = match body(&b) {
        Ok(t) => t,
        Err(m) => return bad_request(m),
    };
    reply(
        s.create_topic(req(&c, pb::CreateTopicRequest { topic: Some(topic) }))
            .await,
    )
}

async fn get_topic(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(s.get_topic(req(&c, pb::GetTopicRequest { name })).await)
}

async fn update_topic(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
    Query(p): Query<Page>,
    b: Bytes,
) -> Response {
    let mut topic: pb::Topic = match body(&b) {
        Ok(t) => t,
        Err(m) => return bad_request(m),
    };
    topic.name = name;
    let update_mask = field_mask(p.update_mask.as_deref());
    reply(
        s.update_topic(req(
            &c,
            pb::UpdateTopicRequest {
                topic: Some(topic),
                update_mask,
            },
        ))
        .await,
    )
}

async fn delete_topic(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(name): Path<String>,
) -> Response {
    reply(
        s.delete_topic(req(&c, pb::DeleteTopicRequest { name }))
            .await,
    )
}

async fn add_endpoint(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(topic): Path<String>,
    b: Bytes,
) -> Response {
    let endpoint: pb::Endpoint = match body(&b) {
        Ok(e) => e,
        Err(m) => return bad_request(m),
    };
    reply(
        s.add_endpoint(req(
            &c,
            pb::AddEndpointRequest {
                topic,
                endpoint: Some(endpoint),
            },
        ))
        .await,
    )
}

async fn remove_endpoint(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((topic, endpoint)): Path<(String, String)>,
) -> Response {
    reply(
        s.remove_endpoint(req(&c, pb::RemoveEndpointRequest { topic, endpoint }))
            .await,
    )
}

async fn enable_endpoint(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path((topic, endpoint)): Path<(String, String)>,
) -> Response {
    reply(
        s.enable_endpoint(req(&c, pb::EnableEndpointRequest { topic, endpoint }))
            .await,
    )
}

async fn publish(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(topic): Path<String>,
    headers: HeaderMap,
    b: Bytes,
) -> Response {
    let mut r: pb::PublishRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.topic = topic;
    reply(s.publish(traced(&c, r, &headers)).await)
}

async fn publish_batch(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(topic): Path<String>,
    headers: HeaderMap,
    b: Bytes,
) -> Response {
    let mut r: pb::PublishBatchRequest = match body(&b) {
        Ok(r) => r,
        Err(m) => return bad_request(m),
    };
    r.topic = topic;
    reply(s.publish_batch(traced(&c, r, &headers)).await)
}

/// `GET /v1/whoami`: the calling token's name, role and queue patterns (the
/// dashboard shows only what the token may do).
async fn whoami(Extension(c): Extension<Caller>) -> Response {
    axum::Json(serde_json::json!({
        "name": c.grant.name,
        "role": c.grant.role.name(),
        "queues": c.grant.queues,
    }))
    .into_response()
}

/// Query parameters of the signing key routes.
#[derive(Debug, Default, Deserialize)]
struct KeyQuery {
    #[serde(default)]
    queue: String,
    #[serde(default)]
    all: bool,
}

async fn list_signing_keys(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Query(q): Query<KeyQuery>,
) -> Response {
    reply(
        s.list_signing_keys(req(
            &c,
            pb::ListSigningKeysRequest {
                queue: q.queue,
                all: q.all,
            },
        ))
        .await,
    )
}

async fn create_signing_key(State(s): Svc, Extension(c): Extension<Caller>, b: Bytes) -> Response {
    match body::<pb::CreateSigningKeyRequest>(&b) {
        Ok(r) => reply(s.create_signing_key(req(&c, r)).await),
        Err(m) => bad_request(m),
    }
}

async fn rotate_signing_key(State(s): Svc, Extension(c): Extension<Caller>, b: Bytes) -> Response {
    match body::<pb::RotateSigningKeyRequest>(&b) {
        Ok(r) => reply(s.rotate_signing_key(req(&c, r)).await),
        Err(m) => bad_request(m),
    }
}

async fn retire_signing_key(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    reply(
        s.retire_signing_key(req(&c, pb::RetireSigningKeyRequest { id }))
            .await,
    )
}

/// `GET /v1/public-keys?queue=…`, open to anyone (receivers hold no API token): the
/// Ed25519 public keys that sign deliveries of `queue` (the global ones with
/// it), in the form of ListSigningKeys. Queues are not listed: a caller learns
/// only the keys of the queue it names.
pub fn public_keys_router(core: crate::core::Htq) -> Router {
    Router::new().route(
        "/v1/public-keys",
        get(move |Query(q): Query<KeyQuery>| async move {
            match core.public_signing_keys(&q.queue).await {
                Ok(keys) => axum::Json(pb::ListSigningKeysResponse {
                    keys: keys
                        .into_iter()
                        .map(|k| crate::api::grpc::signing_key(k, false))
                        .collect(),
                })
                .into_response(),
                Err(e) => error_response(&e.into()),
            }
        }),
    )
}

/// Query parameters of the event streams.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Watch {
    /// Comma-separated kinds (`started,succeeded` or `EVENT_KIND_STARTED,...`).
    #[serde(default)]
    kinds: Option<String>,
    #[serde(default, alias = "task_id")]
    task_id: Option<String>,
    /// Where to start when there is no Last-Event-ID.
    #[serde(default)]
    cursor: Option<String>,
    /// Stats snapshots this often, ms.
    #[serde(default, alias = "stats_interval_ms")]
    stats_interval_ms: Option<u64>,
}

async fn queue_events(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Path(queue): Path<String>,
    Query(w): Query<Watch>,
    headers: HeaderMap,
) -> Response {
    events(s, queue, w, &c, &headers).await
}

async fn all_events(
    State(s): Svc,
    Extension(c): Extension<Caller>,
    Query(w): Query<Watch>,
    headers: HeaderMap,
) -> Response {
    events(s, String::new(), w, &c, &headers).await
}

fn parse_kinds(list: &str) -> Result<Vec<i32>, String> {
    list.split(',')
        .filter(|k| !k.is_empty())
        .map(|k| {
            let upper = k.trim().to_ascii_uppercase();
            let name = if upper.starts_with("EVENT_KIND_") {
                upper
            } else {
                format!("EVENT_KIND_{upper}")
            };
            pb::EventKind::from_str_name(&name)
                .map(|k| k as i32)
                .ok_or_else(|| format!("kinds: unknown kind {k:?}"))
        })
        .collect()
}

/// Serves WatchQueue as Server-Sent Events.
async fn events(
    s: GrpcService,
    queue: String,
    w: Watch,
    c: &Caller,
    headers: &HeaderMap,
) -> Response {
    let kinds = match w.kinds.as_deref().map(parse_kinds).transpose() {
        Ok(k) => k.unwrap_or_default(),
        Err(m) => return bad_request(m),
    };
    let cursor = match headers.get("last-event-id") {
        Some(v) if !v.is_empty() => match std::str::from_utf8(v.as_bytes()) {
            Ok(c) => c.to_owned(),
            Err(_) => return bad_request("Last-Event-ID: not UTF-8".into()),
        },
        _ => w.cursor.unwrap_or_default(),
    };
    let r = pb::WatchQueueRequest {
        queue,
        cursor,
        kinds,
        task_id: w.task_id.unwrap_or_default(),
        stats_interval: w.stats_interval_ms.map(|ms| pbjson_types::Duration {
            seconds: (ms / 1000) as i64,
            nanos: ((ms % 1000) * 1_000_000) as i32,
        }),
    };
    let r = req(c, r);
    let stream = match s.watch_queue(r).await {
        Ok(r) => r.into_inner(),
        Err(status) => return error_response(&status),
    };
    Sse::new(sse_stream(stream))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

fn sse_stream(
    stream: impl Stream<Item = Result<pb::WatchQueueResponse, Status>> + Send + 'static,
) -> impl Stream<Item = Result<SseEvent, Infallible>> + Send + 'static {
    use pb::watch_queue_response::Item;
    stream.map(|item| {
        let event = match item {
            Ok(pb::WatchQueueResponse {
                item: Some(Item::Event(e)),
            }) => {
                let kind = pb::EventKind::try_from(e.kind)
                    .map(|k| {
                        k.as_str_name()
                            .trim_start_matches("EVENT_KIND_")
                            .to_ascii_lowercase()
                    })
                    .unwrap_or_else(|_| "unknown".into());
                SseEvent::default()
                    .id(e.cursor.clone())
                    .event(kind)
                    .json_data(&e)
            }
            Ok(pb::WatchQueueResponse {
                item: Some(Item::Gap(g)),
            }) => SseEvent::default()
                .id(g.resume_cursor.clone())
                .event("gap")
                .json_data(&g),
            Ok(pb::WatchQueueResponse {
                item: Some(Item::Stats(st)),
            }) => SseEvent::default().event("stats").json_data(&st),
            Ok(pb::WatchQueueResponse { item: None }) => Ok(SseEvent::default().comment("")),
            Err(status) => SseEvent::default()
                .event("error")
                .json_data(serde_json::json!({
                    "error": {"status": code_name(status.code()), "message": status.message()}
                })),
        };
        Ok(event.unwrap_or_else(|_| SseEvent::default().comment("unencodable event")))
    })
}
