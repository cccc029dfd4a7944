//! The HTTP front door on the shared port: health, the dashboard (`/ui`), the JSON
//! API (`/v1/`, see [`json`]), the legacy HTQ API (`/` and `/api/*`), and a 404 for
//! everything else.

pub mod json;
pub mod legacy;
pub mod legacy_form;
pub mod ops;

use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::core::Htq;
use legacy::LegacyAuth;

/// What the HTTP handlers share.
#[derive(Clone)]
pub struct HttpState {
    /// The core every handler calls.
    pub core: Htq,
    /// Legacy API credentials; None refuses every `/api/*` call.
    pub legacy_auth: Option<LegacyAuth>,
    /// Largest `/api/*` request body.
    pub legacy_max_body: usize,
}

/// The dashboard: one page, its script and styles inline, built into the binary.
const DASHBOARD: &str = include_str!("ui/index.html");

/// Routes served over plain HTTP. Legacy paths match case-insensitively, so they are
/// served from the fallback, which runs after the gRPC routes are merged in.
pub fn router() -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/ui", get(dashboard))
        .route("/ui/", get(dashboard))
}

/// The dashboard page. It holds no data: it asks for the token and calls `/v1/`.
async fn dashboard() -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (axum::http::header::CACHE_CONTROL, "no-cache"),
        ],
        DASHBOARD,
    )
        .into_response()
}

/// Everything no route takes: the legacy API, or 404.
pub async fn fallback(state: HttpState, req: Request) -> Response {
    match legacy::route(req.method(), req.uri().path()) {
        Some(endpoint) => legacy::handle(state, endpoint, req).await,
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}
