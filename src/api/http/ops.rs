//! Operations endpoints and plumbing of the HTTP port: readiness (`/readyz`, and
//! the gRPC health status that follows it), metrics (`/metrics`), and the `request`
//! span every call runs in.

use tokio_util::sync::CancellationToken;

use crate::api::auth::Auth;
use crate::core::Htq;
use crate::store::Store;

/// Every RPC and HTTP call runs in a `request` span, a child of the caller's span
/// when it sent a W3C `traceparent`.
pub async fn request_span(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use tracing::Instrument;
    let span = tracing::info_span!(
        "request",
        method = %req.method(),
        path = %req.uri().path(),
        status = tracing::field::Empty,
    );
    if let Some(tp) = req
        .headers()
        .get("traceparent")
        .and_then(|v| v.to_str().ok())
    {
        crate::telemetry::set_remote_parent(&span, tp);
    }
    let resp = next.run(req).instrument(span.clone()).await;
    span.record("status", resp.status().as_u16());
    resp
}

/// `/metrics`: the Prometheus exposition, with the queues' depth read now (for the
/// queues that have a label of their own). Needs an API token that reaches every
/// queue.
pub async fn metrics(
    core: Htq,
    auth: Auth,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let header = headers
        .get(axum::http::header::AUTHORIZATION)
        .map(|v| v.as_bytes());
    let Some(caller) = auth.caller(header) else {
        return super::json::error_response(&crate::Error::Unauthenticated.into());
    };
    // Metrics name every queue: only a token that reaches all of them reads them.
    if let Err(e) = caller.allow(crate::api::auth::Role::Read, None) {
        return super::json::error_response(&e.into());
    }
    let accept = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    let (media, body) = core.metrics_exposition(accept).await;
    ([(axum::http::header::CONTENT_TYPE, media)], body).into_response()
}

/// Whether this server can do its work: Redis answers and dispatch is running.
#[derive(Clone)]
pub struct Readiness {
    pub store: Store,
    /// Cancelled once the server stops (dispatch takes no more work).
    pub stopping: CancellationToken,
}

impl Readiness {
    /// How often readiness is checked while not ready.
    const EVERY: std::time::Duration = std::time::Duration::from_secs(1);
    /// How often while ready: a failed Redis call or a closed connection anywhere
    /// in the process brings a check at once, so an idle server sends Redis next
    /// to nothing.
    const EVERY_READY: std::time::Duration = std::time::Duration::from_secs(30);

    /// Why the server is not ready, if it is not.
    async fn check(&self) -> Result<(), String> {
        if self.stopping.is_cancelled() {
            return Err("stopping".into());
        }
        match tokio::time::timeout(std::time::Duration::from_secs(1), self.store.ping()).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(format!("redis: {e}")),
            Err(_) => Err("redis: no answer within 1 s".into()),
        }
    }

    /// `/readyz`: 200 `ready`, or 503 with the reason.
    pub async fn answer(&self) -> axum::response::Response {
        use axum::response::IntoResponse;
        match self.check().await {
            Ok(()) => "ready\n".into_response(),
            Err(why) => (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                format!("not ready: {why}\n"),
            )
                .into_response(),
        }
    }

    /// Keeps the gRPC health status (overall and HtqService) in step with readiness,
    /// so a load balancer drains a server whose Redis is gone.
    pub async fn follow(self, reporter: tonic_health::server::HealthReporter) {
        use tonic_health::ServingStatus;
        let mut last = None;
        loop {
            let ok = self.check().await.is_ok();
            if last != Some(ok) {
                let status = if ok {
                    ServingStatus::Serving
                } else {
                    ServingStatus::NotServing
                };
                reporter.set_service_status("", status).await;
                reporter
                    .set_service_status("htq.v1.HtqService", status)
                    .await;
                if !ok {
                    tracing::warn!("not ready: gRPC health says NOT_SERVING");
                } else if last.is_some() {
                    tracing::info!("ready again");
                }
                last = Some(ok);
            }
            let every = if ok { Self::EVERY_READY } else { Self::EVERY };
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = self.store.trouble() => {}
                _ = self.stopping.cancelled() => {
                    reporter.set_service_status("", ServingStatus::NotServing).await;
                    reporter.set_service_status("htq.v1.HtqService", ServingStatus::NotServing).await;
                    return;
                }
            }
        }
    }
}
