//! The HTTP front door on the shared port: health now; the legacy `/api/*` and the
//! JSON API mount here.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;

/// Routes served over plain HTTP.
pub fn router() -> Router {
    Router::new().route("/healthz", get(|| async { "ok" }))
}

/// The answer to any path no route takes.
pub async fn not_found() -> (StatusCode, &'static str) {
    (StatusCode::NOT_FOUND, "not found\n")
}
