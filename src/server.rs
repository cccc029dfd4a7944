//! The server: wires Redis, the store, the core, the dispatcher and the front doors
//! together, and stops them in order.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::api::auth::Auth;
use crate::api::grpc::GrpcService;
use crate::api::http::HttpState;
use crate::api::http::legacy::LegacyAuth;
use crate::api::http::ops::{self, Readiness};
use crate::api::pb;
use crate::config::Config;
use crate::core::legacy::LegacySettings;
use crate::core::{Htq, Limits};
use crate::dispatch::sweeper::Sweeper;
use crate::dispatch::{DispatchOptions, Dispatcher};
use crate::embedded_redis::EmbeddedRedis;
use crate::metrics::Metrics;
use crate::store::{Index, Store, StoreOptions};
use crate::wake::Waker;

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
    use std::os::unix::fs::DirBuilderExt;
    use std::os::unix::fs::OpenOptionsExt;
    let path = data_dir.join(TOKEN_FILE);
    if path.exists() {
        // A token file others can read is warned about and restricted.
        crate::embedded_redis::tighten(data_dir)?;
    }
    if let Ok(t) = std::fs::read_to_string(&path) {
        let t = t.trim().to_owned();
        if !t.is_empty() {
            return Ok(t);
        }
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(data_dir)
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

/// Connects to the configured Redis, first starting the embedded one when no URL is
/// configured (then also returned, to be stopped by the caller).
pub async fn open_store(
    cfg: &Config,
    metrics: Arc<Metrics>,
) -> anyhow::Result<(Store, Option<EmbeddedRedis>)> {
    if cfg.clock_skew_ms != 0 {
        crate::model::set_clock_skew(cfg.clock_skew_ms);
    }
    let embedded = match &cfg.redis_url {
        _ if !cfg.redis_sentinels.is_empty() || !cfg.redis_cluster.is_empty() => None,
        Some(_) => None,
        None => Some(EmbeddedRedis::start(&cfg.redis_server, &cfg.data_dir).await?),
    };
    let url = redis_url(cfg, embedded.as_ref());
    let store_opts = StoreOptions {
        lease_margin: cfg.lease_margin,
        replicated: cfg.redis_replicated,
        ..StoreOptions::default()
    };
    let shown = match &embedded {
        _ if !cfg.redis_sentinels.is_empty() => format!(
            "the Redis master {:?} of the sentinels at {}",
            cfg.redis_master_name,
            cfg.redis_sentinels.join(",")
        ),
        _ if !cfg.redis_cluster.is_empty() => format!(
            "the Redis Cluster at {}",
            crate::telemetry::redact_urls(&cfg.redis_cluster.join(","))
        ),
        Some(e) => format!("the embedded Redis ({})", e.place()),
        None => format!("Redis at {}", crate::telemetry::redact_urls(&url)),
    };
    let ca = match &cfg.redis_ca_file {
        Some(p) => Some(std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?),
        None => None,
    };
    let store = match sentinel_spec(cfg, ca.clone()) {
        Some(spec) => Store::connect_sentinel(spec, &cfg.key_prefix, store_opts, metrics).await,
        None if !cfg.redis_cluster.is_empty() => {
            let template = cfg.redis_url.as_deref().unwrap_or("redis://localhost/");
            Store::connect_cluster(
                &cfg.redis_cluster,
                template,
                ca,
                &cfg.key_prefix,
                store_opts,
                metrics,
            )
            .await
        }
        None => Store::connect_tls(&url, ca, &cfg.key_prefix, store_opts, metrics).await,
    }
    .with_context(|| format!("cannot reach {shown}"))?;
    // The store set the clock to Redis's as it connected.
    let offset = crate::model::clock_offset_ms();
    if offset.abs() > 2000 {
        tracing::warn!(
            offset_ms = offset,
            "this host's clock is off the clock of {shown}; HTQ follows Redis's"
        );
    }
    let engine = store
        .engine()
        .await
        .with_context(|| format!("cannot read the settings of {shown}"))?;
    if engine.maxmemory_policy != "noeviction" {
        anyhow::bail!(
            "{shown} has maxmemory-policy {}: when its memory is full it evicts keys, and \
             HTQ's tasks with them. Set maxmemory-policy noeviction (HTQ then refuses writes \
             with an error while Redis is full, and loses nothing)",
            engine.maxmemory_policy
        );
    }
    if cfg.redis_replicated.is_some() && engine.replicas == 0 {
        tracing::warn!(
            redis = %shown,
            "durability is replicated but no replica is connected: pushes and other \
             confirmed writes fail until one is"
        );
    }
    if embedded.is_none() && !engine.aof && engine.rdb == Some(false) {
        tracing::warn!(
            redis = %shown,
            "persistence is off on this Redis (no appendonly, no save): a Redis restart \
             loses every task; set appendonly yes"
        );
    }
    Ok((store, embedded))
}

/// What `cfg` says of Redis Sentinel, when it names sentinels.
fn sentinel_spec(cfg: &Config, ca: Option<Vec<u8>>) -> Option<crate::store::SentinelSpec> {
    (!cfg.redis_sentinels.is_empty()).then(|| crate::store::SentinelSpec {
        sentinels: cfg.redis_sentinels.clone(),
        master: cfg.redis_master_name.clone(),
        template: cfg
            .redis_url
            .clone()
            .unwrap_or_else(|| "redis://localhost/".into()),
        ca,
    })
}

/// The URL of the Redis `cfg` names, or of the embedded one.
fn redis_url(cfg: &Config, embedded: Option<&EmbeddedRedis>) -> String {
    match (&cfg.redis_url, embedded) {
        (Some(u), _) => u.clone(),
        (None, Some(e)) => e.url().to_owned(),
        (None, None) => String::new(),
    }
}

/// The addresses of the Redis at `url` (none for a Unix socket), which tasks must
/// never reach.
async fn redis_addresses(url: &str) -> Vec<SocketAddr> {
    let Ok(u) = url::Url::parse(url) else {
        return Vec::new();
    };
    let (Some(host), true) = (
        u.host_str(),
        u.scheme().starts_with("redis") || u.scheme().starts_with("valkey"),
    ) else {
        return Vec::new();
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match tokio::net::lookup_host((host, u.port().unwrap_or(6379))).await {
        Ok(addrs) => addrs.collect(),
        Err(e) => {
            tracing::warn!(error = %e, "cannot resolve Redis's host for the egress policy");
            Vec::new()
        }
    }
}

/// The maintenance index's sweeper for `cfg` over `store` (the janitor; it sweeps
/// once a dispatcher runs it).
pub fn janitor(cfg: &Config, store: &Store) -> Sweeper {
    Sweeper::new(store.clone(), Index::Maintenance, cfg.maintain_every)
}

/// This server's metrics, for `cfg`.
pub fn metrics(cfg: &Config) -> Arc<Metrics> {
    Arc::new(Metrics::new(cfg.metrics_max_queues))
}

/// The core for `cfg` over `store`, waking `waker`, noting in `maintenance`,
/// counting in `metrics`.
pub fn core(
    cfg: &Config,
    store: Store,
    waker: Waker,
    maintenance: Sweeper,
    metrics: Arc<Metrics>,
    keys: Arc<crate::signing::KeyRing>,
) -> anyhow::Result<Htq> {
    Ok(Htq::new(
        store,
        Limits {
            max_body_bytes: cfg.max_body_bytes,
            max_hops: cfg.max_hops,
            max_watchers: cfg.max_watchers,
            max_watchers_per_token: cfg.max_watchers_per_token,
        },
        waker,
        Arc::new(maintenance),
        metrics,
        LegacySettings {
            time_zone: cfg.legacy.zone()?,
            user_agent: cfg.legacy.user_agent.clone(),
            scope: cfg.legacy.scope,
        },
        keys,
    ))
}

/// `htq migrate-legacy`: imports the legacy HTQ Redis at `from` (keys under
/// `prefix`) into the Redis `cfg` names, starting and stopping the embedded one when
/// `cfg` names none. No dispatcher runs here: a running `htq serve` on the same Redis
/// hears of the imported tasks on the wake channel.
pub async fn migrate_legacy(
    cfg: &Config,
    from: &str,
    prefix: &str,
) -> anyhow::Result<crate::core::legacy_import::Report> {
    let metrics = metrics(cfg);
    let (store, embedded) = open_store(cfg, metrics.clone()).await?;
    let (waker, _) = Waker::channel();
    let janitor = janitor(cfg, &store);
    let core = core(cfg, store, waker, janitor, metrics, Arc::default())?;
    let result = crate::core::legacy_import::run(&core, from, prefix).await;
    if let Some(e) = embedded {
        e.stop().await;
    }
    result
}

impl Server {
    /// Starts everything and begins serving; returns once the port is bound.
    pub async fn start(cfg: Config) -> anyhow::Result<Server> {
        let metrics = metrics(&cfg);
        let (store, embedded) = open_store(&cfg, metrics.clone()).await?;
        let tokens = if cfg.tokens.is_empty() && cfg.tokens_file.is_none() {
            vec![load_or_create_token(&cfg.data_dir)?]
        } else {
            cfg.tokens.clone()
        };
        let mut auth = Auth::new(&tokens);
        if let Some(path) = &cfg.tokens_file {
            auth = auth.with_file(path)?;
        }

        let tls = cfg
            .tls
            .clone()
            .map(crate::api::tls::Tls::load)
            .transpose()?
            .map(Arc::new);
        if tls.is_none() && !cfg.listen.ip().is_loopback() {
            tracing::warn!(
                listen = %cfg.listen,
                "serving plaintext on a non-loopback address: API tokens and tasks cross the \
                 network in clear; set --tls-cert and --tls-key, or keep a TLS proxy in front"
            );
        }
        // Bound first, so the egress policy knows the address to keep tasks from.
        let listener = tokio::net::TcpListener::bind(cfg.listen)
            .await
            .with_context(|| format!("cannot listen on {}", cfg.listen))?;
        let addr = listener.local_addr()?;
        let mut egress = cfg.egress.clone();
        egress.refuse_own(addr, "HTQ's own API");
        for a in redis_addresses(&redis_url(&cfg, embedded.as_ref())).await {
            egress.refuse_own(a, "HTQ's Redis");
        }
        // With Sentinel: the sentinels, the master of the moment and its replicas
        // (any of which a failover may make master).
        // On a cluster: its nodes as it knows them at start.
        let node_urls = match sentinel_spec(&cfg, None) {
            Some(spec) => spec.node_urls().await,
            None => store
                .cluster_node_urls()
                .await
                .context("cannot list the nodes of the Redis Cluster")?,
        };
        for u in node_urls {
            for a in redis_addresses(&u).await {
                egress.refuse_own(a, "HTQ's Redis");
            }
        }

        let (waker, wakes) = Waker::channel();
        let maintenance = janitor(&cfg, &store);
        let keys = Arc::new(crate::signing::KeyRing::default());
        store
            .load_signing_keys(&keys)
            .await
            .context("cannot read the signing keys")?;
        let dispatcher = Dispatcher::start(
            store.clone(),
            DispatchOptions {
                max_in_flight: cfg.max_in_flight,
                shutdown_grace: cfg.shutdown_grace,
                user_agent: cfg.user_agent.clone(),
                egress: Arc::new(egress),
                keys: keys.clone(),
                address: addr.to_string(),
                history_every: cfg.history_every,
                ..DispatchOptions::default()
            },
            waker.clone(),
            wakes,
            maintenance.clone(),
            metrics.clone(),
        )?;
        if let Err(e) = dispatcher.announce().await {
            tracing::warn!(error = %e, "cannot write this process's first heartbeat");
        }
        let serve_metrics = metrics.clone();
        let core = core(&cfg, store, waker, maintenance, metrics, keys)?;

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
        let (metrics_core, metrics_auth) = (core.clone(), auth.clone());
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
                    let (core, auth) = (metrics_core.clone(), metrics_auth.clone());
                    async move { ops::metrics(core, auth, headers).await }
                }),
            )
            .merge(crate::api::http::json::router(
                service,
                auth.clone(),
                cfg.max_body_bytes,
            ))
            .merge(crate::api::http::json::public_keys_router(core.clone()))
            .merge(grpc)
            .fallback(move |req: axum::extract::Request| {
                crate::api::http::fallback(http_state.clone(), req)
            })
            .layer(axum::middleware::from_fn(ops::request_span));

        tracing::info!(%addr, tls = tls.is_some(), "serving gRPC and HTTP");

        let stop2 = stop.clone();
        let watches = core.clone();
        let serving = crate::api::listen::serve(
            listener,
            app,
            cfg.conn_limits,
            tls,
            serve_metrics,
            stop.clone(),
        );
        let task = tokio::spawn(async move {
            let serve_result = tokio::spawn(serving);
            stop2.cancelled().await;
            // Streams never end by themselves: end them so the server can.
            watches.close_watches();
            // Stop order: dispatch takes no more work and drains (handing back what
            // it cuts off) while the front doors finish their calls; then Redis.
            dispatcher.shutdown().await;
            let served =
                match tokio::time::timeout(std::time::Duration::from_secs(5), serve_result).await {
                    Ok(Ok(())) => Ok(()),
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
