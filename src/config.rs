//! Configuration: command-line flags, then `HTQ_*` environment variables, then a
//! TOML file (`--config`), then defaults. `--config` also takes a legacy HTQ
//! `config.json` as it is.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

/// `htq serve` flags; each has an `HTQ_*` environment variable.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// A TOML file, or a legacy HTQ config.json.
    #[arg(long, env = "HTQ_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address for gRPC and HTTP, one port for both [default: 127.0.0.1:5999].
    #[arg(long, env = "HTQ_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// An external Redis: redis://[user:password@]host:port/db, rediss:// for TLS;
    /// without it HTQ runs its own redis-server.
    #[arg(long, env = "HTQ_REDIS_URL")]
    pub redis_url: Option<String>,
    /// For a rediss:// URL: the CA that signed Redis's certificate (PEM) [default:
    /// the system's trusted CAs].
    #[arg(long, env = "HTQ_REDIS_CA_FILE")]
    pub redis_ca_file: Option<PathBuf>,
    /// Redis Sentinel: the sentinels, each host:port or a redis:// (rediss://) URL
    /// with its password (comma-separated); HTQ follows the master they name. --redis-url then gives the scheme, user,
    /// password and database (its host is ignored).
    #[arg(long, env = "HTQ_REDIS_SENTINEL", value_delimiter = ',')]
    pub redis_sentinel: Vec<String>,
    /// Redis Cluster: some of its nodes (comma-separated), each host:port or a
    /// redis:// (rediss://) URL; HTQ finds the others. --redis-url then gives the
    /// scheme, user and password for host:port nodes (its host is ignored).
    #[arg(
        long,
        env = "HTQ_REDIS_CLUSTER",
        value_delimiter = ',',
        conflicts_with = "redis_sentinel"
    )]
    pub redis_cluster: Vec<String>,
    /// The master's name at the sentinels [default: mymaster].
    #[arg(long, env = "HTQ_REDIS_MASTER_NAME")]
    pub redis_master_name: Option<String>,
    /// `master`: a write is confirmed once the Redis master has it; `replicated`:
    /// once a replica has it too (WAIT), so a failover loses no confirmed push
    /// [default: master].
    #[arg(long, env = "HTQ_REDIS_DURABILITY")]
    pub redis_durability: Option<Durability>,
    /// With `replicated`: how long a write waits for a replica, ms (at most 5000)
    /// [default: 2000].
    #[arg(long, env = "HTQ_REDIS_WAIT_MS")]
    pub redis_wait_ms: Option<u64>,
    /// Directory for the API token and the embedded Redis's data [default: ./htq-data].
    #[arg(long, env = "HTQ_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Prefix of every Redis key [default: htq].
    #[arg(long, env = "HTQ_KEY_PREFIX")]
    pub key_prefix: Option<String>,
    /// Accepted API tokens, each an admin of every queue (comma-separated in the
    /// environment).
    #[arg(long = "token", env = "HTQ_TOKENS", value_delimiter = ',')]
    pub tokens: Vec<String>,
    /// A TOML file of scoped tokens (by SHA-256 digest, each with a role and queue
    /// patterns; see `htq token new`), read again when it changes.
    #[arg(long, env = "HTQ_TOKENS_FILE")]
    pub tokens_file: Option<PathBuf>,
    /// Requests in flight at once in this process [default: 1024].
    #[arg(long, env = "HTQ_MAX_IN_FLIGHT")]
    pub max_in_flight: Option<usize>,
    /// Added to a queue's request timeout to form a lease, ms [default: 5000].
    #[arg(long, env = "HTQ_LEASE_MARGIN_MS")]
    pub lease_margin_ms: Option<u64>,
    /// Queues that get a metrics label of their own; later ones share `other`
    /// [default: 100].
    #[arg(long, env = "HTQ_METRICS_MAX_QUEUES")]
    pub metrics_max_queues: Option<usize>,
    /// How long in-flight requests may finish at shutdown, ms [default: 10000].
    #[arg(long, env = "HTQ_SHUTDOWN_GRACE_MS")]
    pub shutdown_grace_ms: Option<u64>,
    /// Longest the janitor (dead-letter max age, finished-task retention, dedup
    /// windows) sleeps without reading its index, ms [default: 60000].
    #[arg(long, env = "HTQ_MAINTAIN_EVERY_MS")]
    pub maintain_every_ms: Option<u64>,
    /// Largest task body, bytes [default: 1048576].
    #[arg(long, env = "HTQ_MAX_BODY_BYTES")]
    pub max_body_bytes: Option<usize>,
    /// The redis-server binary for the embedded Redis [default: redis-server].
    #[arg(long, env = "HTQ_REDIS_SERVER")]
    pub redis_server: Option<String>,
    /// User-Agent of outgoing requests [default: htq/VERSION].
    #[arg(long, env = "HTQ_USER_AGENT")]
    pub user_agent: Option<String>,
    /// Log format: text or json [default: text].
    #[arg(long, env = "HTQ_LOG_FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Egress preset: `default` refuses link-local (cloud metadata), unspecified,
    /// multicast and broadcast targets; `strict` also loopback and private ranges.
    #[arg(long, env = "HTQ_EGRESS_POLICY")]
    pub egress_policy: Option<crate::dispatch::egress::Preset>,
    /// Targets let through whatever the preset says: addresses, CIDRs (with an
    /// optional :port), host names, *.suffixes, or :port (comma-separated).
    #[arg(long, env = "HTQ_EGRESS_ALLOW", value_delimiter = ',')]
    pub egress_allow: Vec<String>,
    /// Targets refused (same forms as --egress-allow).
    #[arg(long, env = "HTQ_EGRESS_DENY", value_delimiter = ',')]
    pub egress_deny: Vec<String>,
    /// Client connections open at once [default: half the open-file limit, at
    /// most 10000].
    #[arg(long, env = "HTQ_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
    /// Longest an HTTP/1 request head may take, ms [default: 10000].
    #[arg(long, env = "HTQ_HEADER_TIMEOUT_MS")]
    pub header_timeout_ms: Option<u64>,
    /// Longest a connection stays open with no call in flight, ms [default: 120000].
    #[arg(long, env = "HTQ_IDLE_TIMEOUT_MS")]
    pub idle_timeout_ms: Option<u64>,
    /// The same for a connection no call of which was authenticated, ms
    /// [default: 10000].
    #[arg(long, env = "HTQ_UNAUTHENTICATED_TIMEOUT_MS")]
    pub unauthenticated_timeout_ms: Option<u64>,
    /// HTTP/2 calls in flight at once on one connection [default: 256].
    #[arg(long, env = "HTQ_MAX_STREAMS")]
    pub max_streams: Option<u32>,
    /// Watches (WatchQueue, SSE) open at once in this process [default: 2000].
    #[arg(long, env = "HTQ_MAX_WATCHERS")]
    pub max_watchers: Option<usize>,
    /// Watches open at once per API token [default: 200].
    #[arg(long, env = "HTQ_MAX_WATCHERS_PER_TOKEN")]
    pub max_watchers_per_token: Option<usize>,
    /// Most HTQ deliveries a push may come through (its `x-htq-hops`) [default: 8].
    #[arg(long, env = "HTQ_MAX_HOPS")]
    pub max_hops: Option<u32>,
    /// TLS on the API port: the certificate chain (PEM); with --tls-key. Read again
    /// when it changes.
    #[arg(long, env = "HTQ_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, env = "HTQ_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Clients must present a certificate signed by this CA (PEM); needs TLS.
    #[arg(long, env = "HTQ_TLS_CLIENT_CA")]
    pub tls_client_ca: Option<PathBuf>,
    /// Makes this host's clock read this many ms off, to test that HTQ follows
    /// Redis's clock instead (tests only).
    #[arg(
        long,
        env = "HTQ_CLOCK_SKEW_MS",
        hide = true,
        allow_hyphen_values = true
    )]
    pub clock_skew_ms: Option<i64>,
    /// Legacy API: the `app_key` every `/api/*` call must carry.
    #[arg(long, env = "HTQ_APP_KEY")]
    pub app_key: Option<String>,
    /// Legacy API: the `app_token` every `/api/*` call must carry.
    #[arg(long, env = "HTQ_APP_TOKEN")]
    pub app_token: Option<String>,
    /// Legacy API: the queues its credentials reach: `legacy` (those it made, or
    /// imported from a legacy HTQ) or `all` [default: legacy].
    #[arg(long, env = "HTQ_LEGACY_SCOPE")]
    pub legacy_scope: Option<crate::core::legacy::LegacyScope>,
    /// Legacy API: IANA zone `execute_time` is read in [default: the system's].
    #[arg(long, env = "HTQ_LEGACY_TIME_ZONE")]
    pub legacy_time_zone: Option<String>,
    /// Legacy API: User-Agent of legacy tasks [default: node-fetch/1.0 (…)].
    #[arg(long, env = "HTQ_LEGACY_USER_AGENT")]
    pub legacy_user_agent: Option<String>,
    /// Legacy API: largest request body, bytes [default: 2097152].
    #[arg(long, env = "HTQ_LEGACY_MAX_BODY_BYTES")]
    pub legacy_max_body_bytes: Option<usize>,
}

/// When a write counts as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Durability {
    /// Once the Redis master has it (a failover may lose the last writes).
    #[default]
    Master,
    /// Once a replica has it too.
    Replicated,
}

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// The file: HTQ's TOML keys, or a legacy config.json's keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    redis_url: Option<String>,
    redis_ca_file: Option<PathBuf>,
    redis_durability: Option<Durability>,
    redis_wait_ms: Option<u64>,
    redis_sentinel: Option<Vec<String>>,
    redis_cluster: Option<Vec<String>>,
    redis_master_name: Option<String>,
    data_dir: Option<PathBuf>,
    key_prefix: Option<String>,
    tokens: Option<Vec<String>>,
    tokens_file: Option<PathBuf>,
    max_in_flight: Option<usize>,
    lease_margin_ms: Option<u64>,
    metrics_max_queues: Option<usize>,
    shutdown_grace_ms: Option<u64>,
    maintain_every_ms: Option<u64>,
    max_body_bytes: Option<usize>,
    redis_server: Option<String>,
    user_agent: Option<String>,
    log_format: Option<LogFormat>,
    legacy_time_zone: Option<String>,
    legacy_scope: Option<crate::core::legacy::LegacyScope>,
    legacy_user_agent: Option<String>,
    legacy_max_body_bytes: Option<usize>,
    egress_policy: Option<crate::dispatch::egress::Preset>,
    egress_allow: Option<Vec<String>>,
    egress_deny: Option<Vec<String>>,
    max_hops: Option<u32>,
    max_connections: Option<usize>,
    max_watchers: Option<usize>,
    max_watchers_per_token: Option<usize>,
    header_timeout_ms: Option<u64>,
    idle_timeout_ms: Option<u64>,
    unauthenticated_timeout_ms: Option<u64>,
    max_streams: Option<u32>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    tls_client_ca: Option<PathBuf>,
    // The keys of a legacy HTQ config.json.
    app_key: Option<String>,
    app_token: Option<String>,
    api_port: Option<u16>,
    redis_host: Option<String>,
    redis_port: Option<u16>,
    redis_key_prefix: Option<String>,
}

/// Settings of the legacy HTQ API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyConfig {
    /// `app_key` every `/api/*` call must carry.
    pub app_key: Option<String>,
    /// `app_token` every `/api/*` call must carry.
    pub app_token: Option<String>,
    /// Key prefix of a legacy HTQ Redis, for import.
    pub key_prefix: String,
    /// IANA zone of `execute_time`; None: the system's.
    pub time_zone: Option<String>,
    /// User-Agent of legacy tasks.
    pub user_agent: String,
    /// Largest `/api/*` request body.
    pub max_body_bytes: usize,
    /// Which queues the legacy credentials reach.
    pub scope: crate::core::legacy::LegacyScope,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address for gRPC and HTTP.
    pub listen: SocketAddr,
    /// External Redis, or None for the embedded one.
    pub redis_url: Option<String>,
    /// The CA of a `rediss://` Redis; None: the system's.
    pub redis_ca_file: Option<PathBuf>,
    /// With `Some`, confirmed writes wait this long at most for a replica.
    pub redis_replicated: Option<Duration>,
    /// Sentinels (host:port) naming the master; empty: no Sentinel.
    pub redis_sentinels: Vec<String>,
    /// Seed nodes of a Redis Cluster (host:port or URLs); empty: no cluster.
    pub redis_cluster: Vec<String>,
    /// The master's name at the sentinels.
    pub redis_master_name: String,
    /// Token file and embedded Redis data.
    pub data_dir: PathBuf,
    /// Prefix of every Redis key.
    pub key_prefix: String,
    /// Accepted API tokens (admins of every queue); with no tokens file either, one
    /// is generated in the data directory.
    pub tokens: Vec<String>,
    /// Scoped tokens.
    pub tokens_file: Option<PathBuf>,
    /// Requests in flight at once.
    pub max_in_flight: usize,
    /// Lease = request timeout + this.
    pub lease_margin: Duration,
    /// Queues with a metrics label of their own.
    pub metrics_max_queues: usize,
    /// Grace period for in-flight requests at shutdown.
    pub shutdown_grace: Duration,
    /// Longest the janitor sleeps without reading its index.
    pub maintain_every: Duration,
    /// How often each process adds what it did to the dashboard's history.
    pub history_every: Duration,
    /// Largest task body.
    pub max_body_bytes: usize,
    /// The redis-server binary.
    pub redis_server: String,
    /// User-Agent of outgoing requests.
    pub user_agent: String,
    /// Log format.
    pub log_format: LogFormat,
    /// Which targets outgoing requests may reach (HTQ's own addresses are added
    /// when the server starts).
    pub egress: crate::dispatch::egress::Policy,
    /// Most HTQ deliveries a push may come through.
    pub max_hops: u32,
    /// Watches open at once in this process.
    pub max_watchers: usize,
    /// Watches open at once per API token.
    pub max_watchers_per_token: usize,
    /// Limits on client connections.
    pub conn_limits: crate::api::listen::ConnLimits,
    /// TLS on the API port; None: plaintext.
    pub tls: Option<crate::api::tls::TlsFiles>,
    /// A deliberate error of this host's clock, ms (tests only).
    pub clock_skew_ms: i64,
    /// Legacy HTQ API settings.
    pub legacy: LegacyConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 5999)),
            redis_url: None,
            redis_ca_file: None,
            redis_replicated: None,
            redis_sentinels: Vec::new(),
            redis_cluster: Vec::new(),
            redis_master_name: "mymaster".into(),
            data_dir: PathBuf::from("./htq-data"),
            key_prefix: "htq".into(),
            tokens: Vec::new(),
            tokens_file: None,
            max_in_flight: 1024,
            lease_margin: Duration::from_secs(5),
            metrics_max_queues: 100,
            shutdown_grace: Duration::from_secs(10),
            maintain_every: Duration::from_secs(60),
            history_every: Duration::from_secs(5),
            max_body_bytes: 1024 * 1024,
            redis_server: "redis-server".into(),
            user_agent: concat!("htq/", env!("CARGO_PKG_VERSION")).into(),
            log_format: LogFormat::Text,
            egress: crate::dispatch::egress::Policy::default(),
            max_hops: crate::core::validate::DEFAULT_MAX_HOPS,
            conn_limits: crate::api::listen::ConnLimits::default(),
            tls: None,
            clock_skew_ms: 0,
            max_watchers: crate::core::Limits::default().max_watchers,
            max_watchers_per_token: crate::core::Limits::default().max_watchers_per_token,
            legacy: LegacyConfig {
                app_key: None,
                app_token: None,
                key_prefix: "htq_".into(),
                time_zone: None,
                user_agent: crate::legacy::USER_AGENT.into(),
                max_body_bytes: 2 * 1024 * 1024,
                scope: crate::core::legacy::LegacyScope::Legacy,
            },
        }
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let json = path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('{');
    if json {
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a valid config", path.display()))
    } else {
        toml::from_str(&text).with_context(|| format!("{} is not a valid config", path.display()))
    }
}

impl LegacyConfig {
    /// The zone `execute_time` is read in.
    pub fn zone(&self) -> anyhow::Result<jiff::tz::TimeZone> {
        match &self.time_zone {
            None => Ok(jiff::tz::TimeZone::system()),
            Some(name) => {
                jiff::tz::TimeZone::get(name).with_context(|| format!("unknown time zone {name:?}"))
            }
        }
    }
}

impl Config {
    /// Resolves flags (with their environment variables) over the file over defaults.
    pub fn resolve(args: &ServeArgs) -> anyhow::Result<Config> {
        let file = match &args.config {
            Some(p) => read_file(p)?,
            None => FileConfig::default(),
        };
        let d = Config::default();
        let legacy = file.clone();
        let legacy_listen = legacy
            .api_port
            .map(|p| SocketAddr::from(([127, 0, 0, 1], p)));
        let legacy_redis = legacy.redis_host.as_ref().map(|h| {
            let host = if h.contains(':') {
                format!("[{h}]")
            } else {
                h.clone()
            };
            format!("redis://{host}:{}", legacy.redis_port.unwrap_or(6379))
        });
        let tokens = if !args.tokens.is_empty() {
            args.tokens.clone()
        } else {
            file.tokens.unwrap_or_default()
        };
        let rules = |flag: &[String], file: Option<Vec<String>>, what: &str| {
            let list = if flag.is_empty() {
                file.unwrap_or_default()
            } else {
                flag.to_vec()
            };
            list.iter()
                .map(|r| r.trim())
                .filter(|r| !r.is_empty())
                .map(|r| r.parse().map_err(|e| anyhow::anyhow!("{what}: {e}")))
                .collect::<anyhow::Result<Vec<_>>>()
        };
        let egress = crate::dispatch::egress::Policy::new(
            args.egress_policy
                .or(file.egress_policy)
                .unwrap_or_default(),
            rules(
                &args.egress_allow,
                file.egress_allow.clone(),
                "egress_allow",
            )?,
            rules(&args.egress_deny, file.egress_deny.clone(), "egress_deny")?,
        );
        let tokens: Vec<String> = tokens
            .into_iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let tls = match (
            args.tls_cert.clone().or(file.tls_cert.clone()),
            args.tls_key.clone().or(file.tls_key.clone()),
            args.tls_client_ca.clone().or(file.tls_client_ca.clone()),
        ) {
            (Some(cert), Some(key), client_ca) => Some(crate::api::tls::TlsFiles {
                cert,
                key,
                client_ca,
            }),
            (None, None, None) => None,
            (None, None, Some(_)) => anyhow::bail!("tls_client_ca needs tls_cert and tls_key"),
            _ => anyhow::bail!("tls_cert and tls_key go together"),
        };
        if (!args.redis_sentinel.is_empty() || file.redis_sentinel.is_some())
            && (!args.redis_cluster.is_empty() || file.redis_cluster.is_some())
        {
            anyhow::bail!("redis_sentinel and redis_cluster exclude each other");
        }
        let key_prefix = args
            .key_prefix
            .clone()
            .or(file.key_prefix.clone())
            .unwrap_or(d.key_prefix.clone());
        // Braces would start a key's hash tag before the queue's own (every key
        // would share one Redis Cluster slot), and tell a queue's sharded wake
        // channel from the common one wrongly (see `publish` in the prelude).
        if key_prefix.is_empty() || key_prefix.contains(['{', '}']) {
            anyhow::bail!(
                "key_prefix: must not be empty nor hold '{{' or '}}' (got {key_prefix:?})"
            );
        }
        Ok(Config {
            tls,
            clock_skew_ms: args.clock_skew_ms.unwrap_or(0),
            listen: args
                .listen
                .or(file.listen)
                .or(legacy_listen)
                .unwrap_or(d.listen),
            redis_url: args.redis_url.clone().or(file.redis_url).or(legacy_redis),
            redis_ca_file: args.redis_ca_file.clone().or(file.redis_ca_file),
            redis_sentinels: if args.redis_sentinel.is_empty() {
                file.redis_sentinel.clone().unwrap_or_default()
            } else {
                args.redis_sentinel.clone()
            },
            redis_cluster: if args.redis_cluster.is_empty() {
                file.redis_cluster.clone().unwrap_or_default()
            } else {
                args.redis_cluster.clone()
            },
            redis_master_name: args
                .redis_master_name
                .clone()
                .or(file.redis_master_name.clone())
                .unwrap_or(d.redis_master_name),
            redis_replicated: match args.redis_durability.or(file.redis_durability) {
                Some(Durability::Replicated) => Some(Duration::from_millis(
                    args.redis_wait_ms
                        .or(file.redis_wait_ms)
                        .unwrap_or(2000)
                        // Below the 10 s reply timeout of a Redis call, so a write
                        // no replica confirms is reported as such.
                        .clamp(1, 5000),
                )),
                _ => None,
            },
            data_dir: args
                .data_dir
                .clone()
                .or(file.data_dir)
                .unwrap_or(d.data_dir),
            key_prefix,
            tokens,
            tokens_file: args.tokens_file.clone().or(file.tokens_file.clone()),
            max_in_flight: args
                .max_in_flight
                .or(file.max_in_flight)
                .unwrap_or(d.max_in_flight)
                .max(1),
            metrics_max_queues: args
                .metrics_max_queues
                .or(file.metrics_max_queues)
                .unwrap_or(d.metrics_max_queues),
            lease_margin: args
                .lease_margin_ms
                .or(file.lease_margin_ms)
                .map(Duration::from_millis)
                .unwrap_or(d.lease_margin),
            shutdown_grace: args
                .shutdown_grace_ms
                .or(file.shutdown_grace_ms)
                .map(Duration::from_millis)
                .unwrap_or(d.shutdown_grace),
            maintain_every: args
                .maintain_every_ms
                .or(file.maintain_every_ms)
                .filter(|ms| *ms > 0)
                .map(Duration::from_millis)
                .unwrap_or(d.maintain_every),
            history_every: d.history_every,
            max_body_bytes: args
                .max_body_bytes
                .or(file.max_body_bytes)
                .unwrap_or(d.max_body_bytes),
            redis_server: args
                .redis_server
                .clone()
                .or(file.redis_server)
                .unwrap_or(d.redis_server),
            user_agent: args
                .user_agent
                .clone()
                .or(file.user_agent)
                .unwrap_or(d.user_agent),
            log_format: args.log_format.or(file.log_format).unwrap_or_default(),
            egress,
            max_hops: args.max_hops.or(file.max_hops).unwrap_or(d.max_hops),
            max_watchers: args
                .max_watchers
                .or(file.max_watchers)
                .unwrap_or(d.max_watchers),
            max_watchers_per_token: args
                .max_watchers_per_token
                .or(file.max_watchers_per_token)
                .unwrap_or(d.max_watchers_per_token),
            conn_limits: {
                let dl = d.conn_limits;
                let ms = |flag: Option<u64>, file: Option<u64>, default: Duration| {
                    flag.or(file)
                        .filter(|ms| *ms > 0)
                        .map(Duration::from_millis)
                        .unwrap_or(default)
                };
                crate::api::listen::ConnLimits {
                    // 0: derived from the open-file limit when the server starts.
                    max_connections: args
                        .max_connections
                        .or(file.max_connections)
                        .unwrap_or(dl.max_connections),
                    header_read_timeout: ms(
                        args.header_timeout_ms,
                        file.header_timeout_ms,
                        dl.header_read_timeout,
                    ),
                    idle_timeout: ms(args.idle_timeout_ms, file.idle_timeout_ms, dl.idle_timeout),
                    unauthenticated_timeout: ms(
                        args.unauthenticated_timeout_ms,
                        file.unauthenticated_timeout_ms,
                        dl.unauthenticated_timeout,
                    ),
                    max_streams: args
                        .max_streams
                        .or(file.max_streams)
                        .unwrap_or(dl.max_streams)
                        .max(1),
                }
            },
            legacy: LegacyConfig {
                app_key: args.app_key.clone().or(legacy.app_key),
                app_token: args.app_token.clone().or(legacy.app_token),
                key_prefix: legacy.redis_key_prefix.unwrap_or(d.legacy.key_prefix),
                time_zone: args.legacy_time_zone.clone().or(legacy.legacy_time_zone),
                user_agent: args
                    .legacy_user_agent
                    .clone()
                    .or(legacy.legacy_user_agent)
                    .unwrap_or(d.legacy.user_agent),
                max_body_bytes: args
                    .legacy_max_body_bytes
                    .or(legacy.legacy_max_body_bytes)
                    .unwrap_or(d.legacy.max_body_bytes),
                scope: args
                    .legacy_scope
                    .or(legacy.legacy_scope)
                    .unwrap_or(d.legacy.scope),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        (dir, p)
    }

    #[test]
    fn flags_beat_file_beats_defaults() {
        let (_d, p) = write(
            "htq.toml",
            "listen = \"127.0.0.1:7000\"\nkey_prefix = \"f\"\ntokens = [\"a\"]\n",
        );
        let mut args = ServeArgs {
            config: Some(p),
            ..Default::default()
        };
        let c = Config::resolve(&args).unwrap();
        assert_eq!(c.listen.port(), 7000);
        assert_eq!(c.key_prefix, "f");
        assert_eq!(c.tokens, ["a"]);
        assert_eq!(c.max_in_flight, 1024);
        args.key_prefix = Some("flag".into());
        args.tokens = vec!["b".into()];
        let c = Config::resolve(&args).unwrap();
        assert_eq!(c.key_prefix, "flag");
        for bad in ["", "a{b}", "htq}"] {
            args.key_prefix = Some(bad.into());
            let err = Config::resolve(&args).unwrap_err().to_string();
            assert!(err.starts_with("key_prefix:"), "{err}");
        }
        assert_eq!(c.tokens, ["b"]);
    }

    #[test]
    fn legacy_config_json_as_it_is() {
        let (_d, p) = write(
            "config.json",
            r#"{"app_key":"k","app_token":"t","api_port":5998,"redis_host":"127.0.0.1","redis_port":6380,"redis_key_prefix":"x_"}"#,
        );
        let c = Config::resolve(&ServeArgs {
            config: Some(p),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.listen, "127.0.0.1:5998".parse().unwrap());
        assert_eq!(c.redis_url.as_deref(), Some("redis://127.0.0.1:6380"));
        assert_eq!(c.legacy.app_key.as_deref(), Some("k"));
        assert_eq!(c.legacy.key_prefix, "x_");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let (_d, p) = write("htq.toml", "lisen = \"127.0.0.1:7000\"\n");
        let err = Config::resolve(&ServeArgs {
            config: Some(p),
            ..Default::default()
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("lisen"), "{err:#}");
    }
}
