//! The server: wires Redis, the store, the core, the dispatcher and the front doors
//! together, and stops them in order.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::api::auth::Auth;
use crate::api::grpc::GrpcService;
use crate::api::http::HttpState;
use crate::api::http::legacy::LegacyAuth;
use crate::api::pb;
use crate::config::Config;
use crate::core::legacy::LegacySettings;
use crate::core::{Htq, Limits};
use crate::dispatch::{DispatchOptions, Dispatcher, Waker};
use crate::embedded_redis::EmbeddedRedis;
use crate::store::{Store, StoreOptions};

/// The file in the data directory holding the generated API token.
pub const TOKEN_FILE: &str = "token";

/// Largest gRPC request accepted (a PushTasks batch), unless one body cap is larger.
const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

/// A running HTQ server.
pub struct Server {
    addr: SocketAddr,
    stop: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

/// Reads the token file in `data_dir`, or creates it with a new random token.
pub fn load_or_create_token(data_dir: &Path) -> anyhow::Result<String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = data_dir.join(TOKEN_FILE);
    if let Ok(t) = std::fs::read_to_string(&path) {
        let t = t.trim().to_owned();
        if !t.is_empty() {
            return Ok(t);
        }
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let bytes: [u8; 32] = rand::random();
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(f, "{token}")?;
    tracing::warn!(path = %path.display(), "no API token configured: generated one; clients read it from this file");
    Ok(token)
}

/// Every RPC and HTTP call runs in a `request` span, a child of the caller's span
/// when it sent a W3C `traceparent`.
async fn request_span(
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

/// `/metrics`: the Prometheus text exposition, with the queues' depth read now (for
/// the queues that have a label of their own). Needs the API token, like `/v1/`.
async fn metrics(
    store: Store,
    auth: Auth,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let header = headers
        .get(axum::http::header::AUTHORIZATION)
        .map(|v| v.as_bytes());
    if !auth.check(header) {
        return crate::api::http::json::error_response(&crate::Error::Unauthenticated.into());
    }
    if let Ok(names) = store.queue_names().await {
        let now = crate::model::now_ms();
        for name in names.iter().take(store.metrics().max_queues()) {
            if let Ok(c) = store.count_tasks(name, now).await {
                store.metrics().depth(name, &c);
            }
        }
    }
    let accept = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    let (media, body) = crate::metrics::exposition(store.metrics(), accept);
    ([(axum::http::header::CONTENT_TYPE, media)], body).into_response()
}

/// Whether this server can do its work: Redis answers and dispatch is running.
#[derive(Clone)]
struct Readiness {
    store: Store,
    /// Cancelled once the server stops (dispatch takes no more work).
    stopping: CancellationToken,
}

impl Readiness {
    /// How often the gRPC health status follows readiness.
    const EVERY: std::time::Duration = std::time::Duration::from_secs(1);

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
    async fn answer(&self) -> axum::response::Response {
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
    async fn follow(self, reporter: tonic_health::server::HealthReporter) {
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
            tokio::select! {
                _ = tokio::time::sleep(Self::EVERY) => {}
                _ = self.stopping.cancelled() => {
                    reporter.set_service_status("", ServingStatus::NotServing).await;
                    reporter.set_service_status("htq.v1.HtqService", ServingStatus::NotServing).await;
                    return;
                }
            }
        }
    }
}

/// Connects to the configured Redis, first starting the embedded one when no URL is
/// configured (then also returned, to be stopped by the caller).
pub async fn open_store(cfg: &Config) -> anyhow::Result<(Store, Option<EmbeddedRedis>)> {
    let embedded = match &cfg.redis_url {
        Some(_) => None,
        None => Some(EmbeddedRedis::start(&cfg.redis_server, &cfg.data_dir).await?),
    };
    let url = match (&cfg.redis_url, &embedded) {
        (Some(u), _) => u.clone(),
        (None, Some(e)) => e.url().to_owned(),
        (None, None) => unreachable!("embedded Redis started when no URL is given"),
    };
    let store_opts = StoreOptions {
        lease_margin: cfg.lease_margin,
        metrics_max_queues: cfg.metrics_max_queues,
        ..StoreOptions::default()
    };
    let store = Store::connect(&url, &cfg.key_prefix, store_opts)
        .await
        .with_context(|| format!("cannot reach Redis at {url}"))?;
    Ok((store, embedded))
}

/// The core for `cfg` over `store`, waking `waker`.
pub fn core(cfg: &Config, store: Store, waker: Waker) -> anyhow::Result<Htq> {
    Ok(Htq::new(
        store,
        Limits {
            max_body_bytes: cfg.max_body_bytes,
        },
        waker,
        LegacySettings {
            time_zone: cfg.legacy.zone()?,
            user_agent: cfg.legacy.user_agent.clone(),
        },
    ))
}

impl Server {
    /// Starts everything and begins serving; returns once the port is bound.
    pub async fn start(cfg: Config) -> anyhow::Result<Server> {
        let (store, embedded) = open_store(&cfg).await?;
        let tokens = if cfg.tokens.is_empty() {
            vec![load_or_create_token(&cfg.data_dir)?]
        } else {
            cfg.tokens.clone()
        };
        let auth = Auth::new(&tokens);

        let (waker, wakes) = Waker::channel();
        let dispatcher = Dispatcher::start(
            store.clone(),
            DispatchOptions {
                max_in_flight: cfg.max_in_flight,
                shutdown_grace: cfg.shutdown_grace,
                user_agent: cfg.user_agent.clone(),
                maintain_every: cfg.maintain_every,
                ..DispatchOptions::default()
            },
            waker.clone(),
            wakes,
        )?;
        let core = core(&cfg, store, waker)?;

        let (health_reporter, health) = tonic_health::server::health_reporter();
        health_reporter
            .set_serving::<pb::htq_service_server::HtqServiceServer<GrpcService>>()
            .await;
        let stop = CancellationToken::new();
        let readiness = Readiness {
            store: core.store().clone(),
            stopping: stop.clone(),
        };
        tokio::spawn(readiness.clone().follow(health_reporter));
        // Reflection lists HtqService and grpc.health.v1.Health, in both versions of
        // the reflection protocol (older tools ask only v1alpha).
        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        };
        let reflection_v1alpha = reflection().build_v1alpha()?;
        let reflection = reflection().build_v1()?;
        let service = GrpcService::new(core.clone());
        let htq = pb::htq_service_server::HtqServiceServer::new(service.clone())
            .max_decoding_message_size(MAX_MESSAGE_BYTES.max(cfg.max_body_bytes + 64 * 1024));
        let htq = tonic::service::interceptor::InterceptedService::new(htq, auth.interceptor());
        let grpc = tonic::service::Routes::new(htq)
            .add_service(crate::api::codec::DecodeErrorsInvalid(health))
            .add_service(reflection)
            .add_service(reflection_v1alpha)
            .prepare()
            .into_axum_router()
            // gRPC-web for browser clients, on the same routes.
            .layer(tonic_web::GrpcWebLayer::new());
        let legacy_auth = LegacyAuth::new(
            cfg.legacy.app_key.as_deref(),
            cfg.legacy.app_token.as_deref(),
        );
        match &legacy_auth {
            None => tracing::info!(
                "legacy API (/api/*) refuses every call: no app_key/app_token configured"
            ),
            Some(a) if a.is_shipped_default() => tracing::error!(
                "SECURITY: the legacy API uses the app_key/app_token that legacy HTQ shipped in its \
                 config.json; they are public, so anyone who reaches this port can queue requests. \
                 Set your own app_key and app_token."
            ),
            Some(_) => {}
        }
        let http_state = HttpState {
            core: core.clone(),
            legacy_auth,
            legacy_max_body: cfg.legacy.max_body_bytes,
        };
        let ready = readiness.clone();
        let (metrics_store, metrics_auth) = (core.store().clone(), auth.clone());
        let app = crate::api::http::router()
            .route(
                "/readyz",
                axum::routing::get(move || {
                    let ready = ready.clone();
                    async move { ready.answer().await }
                }),
            )
            .route(
                "/metrics",
                axum::routing::get(move |headers: axum::http::HeaderMap| {
                    let (store, auth) = (metrics_store.clone(), metrics_auth.clone());
                    async move { metrics(store, auth, headers).await }
                }),
            )
            .merge(crate::api::http::json::router(service, auth.clone()))
            .merge(grpc)
            .fallback(move |req: axum::extract::Request| {
                crate::api::http::fallback(http_state.clone(), req)
            })
            .layer(axum::middleware::from_fn(request_span));

        let listener = tokio::net::TcpListener::bind(cfg.listen)
            .await
            .with_context(|| format!("cannot listen on {}", cfg.listen))?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, "serving gRPC and HTTP");

        let stop2 = stop.clone();
        let watches = core.clone();
        let task = tokio::spawn(async move {
            let serving =
                axum::serve(listener, app).with_graceful_shutdown(stop2.clone().cancelled_owned());
            let serve_result = tokio::spawn(async move { serving.await });
            stop2.cancelled().await;
            // Streams never end by themselves: end them so the server can.
            watches.close_watches();
            // Stop order: dispatch takes no more work and drains (handing back what
            // it cuts off) while the front doors finish their calls; then Redis.
            dispatcher.shutdown().await;
            let served =
                match tokio::time::timeout(std::time::Duration::from_secs(5), serve_result).await {
                    Ok(Ok(r)) => r.context("server failed"),
                    Ok(Err(e)) => Err(anyhow::anyhow!("server task failed: {e}")),
                    Err(_) => Ok(()),
                };
            if let Some(e) = embedded {
                e.stop().await;
            }
            served
        });
        Ok(Server { addr, stop, task })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops everything in order and waits.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.stop.cancel();
        self.task.await.context("server task panicked")?
    }
}
