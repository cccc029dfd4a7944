//! The store: the only module that speaks Redis for HTQ's data.
//!
//! Every state change of a task is one Lua script (see `lua/`, one file per
//! transition, each with a header listing KEYS, ARGV, the return codes, the events it
//! emits and the keys it names). Every Redis call goes through one path,
//! `Store::run` for scripts and `Store::query` for plain commands: a pooled
//! connection, a `redis.script` span, latency and error metrics. Script replies are
//! decoded here and nowhere else (`reply.rs`). Time is always passed in (`now`, in
//! ms), so tests can run a script at a chosen instant. Tasks are encoded and decoded
//! here (`codec.rs`); the rest of HTQ sees plain types.
//!
//! The store's methods are grouped by subject: `queues.rs`,
//! `tasks.rs` (push, claim, finish and the other transitions),
//! `inspect.rs` (reads), `schedules.rs`,
//! `indexes.rs` (the lease and maintenance indexes and the sweeps), `signing.rs`
//! (the delivery signing keys), `topics.rs` (topics, their endpoints' queues and
//! publishing), `history.rs` (the dashboard's history), `system.rs` (the
//! processes' heartbeats and what Redis says of itself), and `events.rs` (reading
//! the event streams).

mod codec;
mod events;
mod history;
mod indexes;
mod inspect;
mod keys;
mod pool;
mod queues;
mod reply;
mod schedules;
mod scripts;
mod sentinel;
mod signing;
mod system;
mod tasks;
mod topics;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bb8::Pool;
use tracing::Instrument;

use crate::error::{Error, Result};
use crate::metrics::Metrics;

pub use codec::{DecodedTask, OutboxMeta, TaskStateJson, decode_task};
pub use events::{StreamBounds, StreamId};
pub use indexes::{Index, Maintained, Recovered};
pub use keys::{Keys, QueueKeys, slot};
pub use pool::Conn;
use reply::Reply;
pub use schedules::{ScheduleDef, ScheduleRow, TickTaken};
pub use sentinel::SentinelSpec;

pub use history::{HISTORY_BUCKETS_MS, HISTORY_KEEP_MS, HISTORY_STEP_MS, Slot};
use scripts::{NamedScript, Scripts};
pub use system::{HEARTBEAT_EVERY, ProcessBeat, RedisInfo};
pub use tasks::{Claim, ClaimedTask, Finish, NewRow, Outcome, Pushed, ReplayFilter, ReplaySet};
pub use topics::{PublishOutcome, Published, QueueChange, StoredTopic, TopicChanged};

/// Tuning of the store's recovery rules.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// Added to a queue's request timeout to form a lease.
    pub lease_margin: Duration,
    /// Leases of one task that may expire before it is dead-lettered.
    pub max_interruptions: u32,
    /// Expired leases taken back per script call.
    pub recover_batch: u32,
    /// When set, a write a caller is told of (a push, a queue or schedule change...)
    /// is confirmed only once a replica has it (`WAIT 1`), waiting at most this
    /// long; else the caller gets UNAVAILABLE.
    pub replicated: Option<Duration>,
}

/// The scripts whose writes callers are told of: with
/// [`StoreOptions::replicated`], each waits for a replica. (Claims, outcomes and
/// sweeps do not: lost on a failover, they are done again.)
const ACKNOWLEDGED: &[&str] = &[
    "create_queue",
    "update_queue",
    "delete_queue",
    "purge",
    "push",
    "push_multi",
    "publish",
    "topic_change",
    "cancel",
    "run_task",
    "retry_dead",
    "replay",
    "delete_dead",
    "create_schedule",
    "delete_schedule",
    "import_task",
];

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            lease_margin: Duration::from_secs(5),
            max_interruptions: 5,
            recover_batch: 100,
            replicated: None,
        }
    }
}

/// What HTQ checks of its Redis at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engine {
    /// `maxmemory-policy`: anything but `noeviction` may evict HTQ's keys.
    pub maxmemory_policy: String,
    /// Append-only persistence is on.
    pub aof: bool,
    /// RDB snapshots are scheduled (None: CONFIG is not allowed, unknown).
    pub rdb: Option<bool>,
    /// Replicas connected to it.
    pub replicas: u64,
}

/// Connections to the current Redis master, or to the cluster.
struct Link {
    pool: Pool<pool::Manager>,
    /// For writes that wait for a replica (`WAIT` holds its connection): apart,
    /// so that a slow replica never holds up claims and outcomes. Connections are
    /// made on first use.
    acked: Pool<pool::Manager>,
    /// Clients of single nodes for dedicated connections (pub/sub, blocking
    /// reads): the master; on a cluster, each seed node in turn.
    nodes: Vec<redis::Client>,
    target: pool::Target,
    cluster: bool,
    /// The node the next dedicated connection goes to (a cluster's seeds in turn,
    /// so that one that died is passed over).
    turn: std::sync::atomic::AtomicUsize,
    /// A cluster's seed URLs and CA, for the connection of sharded subscriptions.
    seeds: Option<(Vec<String>, Option<Vec<u8>>)>,
}

impl Link {
    async fn new(client: redis::Client) -> Result<Link> {
        Self::over(pool::Target::Single(Box::new(client.clone())), vec![client]).await
    }

    async fn over(target: pool::Target, nodes: Vec<redis::Client>) -> Result<Link> {
        let build = || {
            Pool::builder()
                .max_size(8)
                .test_on_check_out(false)
                .connection_timeout(Duration::from_secs(5))
                .build(pool::Manager::new(target.clone()))
        };
        Ok(Link {
            pool: build().await?,
            acked: build().await?,
            cluster: matches!(target, pool::Target::Cluster(_)),
            target,
            nodes,
            turn: Default::default(),
            seeds: None,
        })
    }
}

/// A handle on HTQ's Redis data; cheap to clone.
#[derive(Clone)]
pub struct Store {
    /// The Redis master HTQ talks to: replaced when Sentinel names a new one.
    link: Arc<std::sync::RwLock<Arc<Link>>>,
    keys: Keys,
    scripts: Arc<Scripts>,
    pid: Arc<str>,
    opts: StoreOptions,
    metrics: Arc<Metrics>,
    /// Scripts run as Redis Functions (Redis 7 and later); else as EVALSHA.
    functions: Arc<AtomicBool>,
    /// Queue settings as the last claim of each queue returned them, with their
    /// version: a claim sends only the version while it is current.
    settings: Arc<std::sync::Mutex<HashMap<String, Held>>>,
    /// Told when Redis may have gone: a call failed, or a connection of this
    /// process closed (see [`Store::trouble`]).
    trouble: Arc<tokio::sync::Notify>,
    /// Told when the store moved to another master (Sentinel): dedicated
    /// connections must be made again.
    moved: Arc<tokio::sync::Notify>,
    /// On a cluster: which master holds which slots, as last asked (for reads
    /// grouped per master).
    slot_map: Arc<std::sync::Mutex<Option<Arc<SlotMap>>>>,
    /// The master is the one Redis Sentinel names.
    sentinel: bool,
}

/// A Redis Cluster client's settings for the nodes at `urls` (TLS checked against
/// `ca` when given), as every cluster connection of the store has them.
fn cluster_builder(urls: &[String], ca: Option<Vec<u8>>) -> redis::cluster::ClusterClientBuilder {
    let builder = redis::cluster::ClusterClient::builder(urls.iter().map(String::as_str))
        .connection_timeout(pool::CONNECT_TIMEOUT)
        .response_timeout(pool::RESPONSE_TIMEOUT);
    match ca {
        Some(ca) => builder.certs(redis::TlsCertificates {
            client_tls: None,
            root_cert: Some(ca),
        }),
        None => builder,
    }
}

/// A cluster's slot ranges and the master that holds each: (first, last, address).
type SlotMap = Vec<(u16, u16, String)>;

/// A queue's settings and the version they were read at.
pub(crate) type Held = (String, Arc<crate::model::Queue>);

/// A wake message on the wake channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WakeMessage<'a> {
    /// The sending process's id.
    pub pid: &'a str,
    /// The queue that may have work; empty: the cron schedules changed (or, with
    /// `at_ms` [`SIGNING_KEYS_CHANGED`], the signing keys).
    pub queue: &'a str,
    /// When, ms (0: now).
    pub at_ms: i64,
}

/// The `at_ms` of a wake message without a queue that says the signing keys changed.
pub const SIGNING_KEYS_CHANGED: i64 = -1;

/// One script call being built: the script, its keys (bound when made) and
/// arguments, and plain commands sent in the same round trip before it.
pub(crate) struct Call<'a> {
    script: &'a NamedScript,
    keys: Vec<String>,
    args: Vec<Vec<u8>>,
    before: Vec<redis::Cmd>,
}

impl Call<'_> {
    /// Appends an argument.
    pub(crate) fn arg(&mut self, a: impl redis::ToRedisArgs) -> &mut Self {
        self.args.extend(a.to_redis_args());
        self
    }

    /// The call as `FCALL` of the script's function in the library.
    fn fcall(&self) -> redis::Cmd {
        let mut cmd = redis::cmd("FCALL");
        cmd.arg(&self.script.function)
            .arg(self.keys.len())
            .arg(&self.keys)
            .arg(&self.args);
        cmd
    }

    /// The call as a stand-alone script (EVALSHA, loading it when Redis lacks it).
    fn invocation(&self) -> redis::ScriptInvocation<'_> {
        let mut inv = self.script.script.prepare_invoke();
        for k in &self.keys {
            inv.key(k);
        }
        for a in &self.args {
            inv.arg(a.as_slice());
        }
        inv
    }

    /// Sends `cmd` ahead of the script, in the same round trip.
    pub(crate) fn before(&mut self, cmd: redis::Cmd) -> &mut Self {
        self.before.push(cmd);
        self
    }
}

impl Store {
    /// Connects to Redis at `url`, using keys under `prefix`; script latencies and
    /// errors go to `metrics`.
    pub async fn connect(
        url: &str,
        prefix: &str,
        opts: StoreOptions,
        metrics: Arc<Metrics>,
    ) -> Result<Self> {
        Self::connect_tls(url, None, prefix, opts, metrics).await
    }

    /// [`Store::connect`], trusting `ca` (PEM) for a `rediss://` URL instead of the
    /// system's CAs.
    pub async fn connect_tls(
        url: &str,
        ca: Option<Vec<u8>>,
        prefix: &str,
        opts: StoreOptions,
        metrics: Arc<Metrics>,
    ) -> Result<Self> {
        let client = node_client(url, ca.as_deref())?;
        Self::open(Link::new(client).await?, prefix, opts, metrics).await
    }

    /// Connects to the Redis Cluster of which `seeds` are nodes: each a
    /// `redis://` or `rediss://` URL, or `host:port` filled into `template` (as
    /// with Sentinel: its scheme, user and password count); `ca` as for
    /// [`Store::connect_tls`].
    pub async fn connect_cluster(
        seeds: &[String],
        template: &str,
        ca: Option<Vec<u8>>,
        prefix: &str,
        opts: StoreOptions,
        metrics: Arc<Metrics>,
    ) -> Result<Self> {
        let bad = |e: redis::RedisError| Error::Storage(format!("bad Redis Cluster URL: {e}"));
        let urls = seeds
            .iter()
            .map(|s| match s.contains("://") {
                true => Ok(s.clone()),
                false => sentinel::with_address(template, s),
            })
            .collect::<Result<Vec<_>>>()?;
        let nodes = urls
            .iter()
            .map(|u| node_client(u, ca.as_deref()))
            .collect::<Result<Vec<_>>>()?;
        let client = cluster_builder(&urls, ca.clone())
            .retries(6)
            .build()
            .map_err(bad)?;
        let mut link = Link::over(pool::Target::Cluster(Box::new(client)), nodes).await?;
        link.seeds = Some((urls, ca));
        Self::open(link, prefix, opts, metrics).await
    }

    /// Opens the store over `link`.
    async fn open(
        link: Link,
        prefix: &str,
        opts: StoreOptions,
        metrics: Arc<Metrics>,
    ) -> Result<Self> {
        let store = Store {
            link: Arc::new(std::sync::RwLock::new(Arc::new(link))),
            keys: Keys::new(prefix),
            scripts: Arc::new(Scripts::new()),
            pid: uuid::Uuid::now_v7().simple().to_string().into(),
            opts,
            metrics,
            functions: Arc::new(AtomicBool::new(false)),
            settings: Arc::default(),
            trouble: Arc::default(),
            moved: Arc::default(),
            slot_map: Arc::default(),
            sentinel: false,
        };
        store.ping().await?;
        store.sync_clock().await?;
        store.load_functions().await?;
        store.encode_tags().await?;
        Ok(store)
    }

    /// Moves keys named as older versions named them: the schedules' keys, from
    /// before they shared a hash tag; the keys of queues whose names hold `%`, `{`
    /// or `}`, from the raw hash tag they had before names were encoded in keys to
    /// the encoded one ([`keys::tag`]). Idempotent, and nothing to do unless such
    /// keys exist.
    async fn encode_tags(&self) -> Result<()> {
        if self.is_cluster() {
            // Clusters came after both changes of names: nothing there to move.
            return Ok(());
        }
        let link = self.link();
        let mut conn = link.pool.get().await?;
        // The schedules' keys, from before they shared a hash tag.
        for (from, to) in self.keys.schedule_renames() {
            let moved: redis::RedisResult<bool> = redis::cmd("RENAMENX")
                .arg(&from)
                .arg(&to)
                .query_async(&mut *conn)
                .await;
            match moved {
                Ok(true) => tracing::info!(from = %from, to = %to, "renamed a schedules key"),
                Ok(false) => {}
                Err(e) if e.to_string().contains("no such key") => {}
                Err(e) => return Err(e.into()),
            }
        }
        let names = self.queue_names().await?;
        // Names with '#' are topic endpoints' now (keys in their topic's slot).
        for name in names.iter().filter(|n| n.contains(['%', '{', '}', '#'])) {
            let (old, new) = (self.keys.queue_tagged(name), self.keys.queue(name));
            let flows: Vec<String> = redis::cmd("ZRANGE")
                .arg(old.other("flows"))
                .arg(0)
                .arg(-1)
                .query_async(&mut *conn)
                .await?;
            let mut pairs: Vec<(String, String)> = old.all().into_iter().zip(new.all()).collect();
            pairs.extend(flows.iter().filter(|k| !k.is_empty()).map(|k| {
                let due = format!("fdue:{k}");
                (old.other(&due), new.other(&due))
            }));
            let mut moved = 0;
            for (from, to) in pairs {
                let exists: bool = redis::cmd("EXISTS")
                    .arg(&from)
                    .query_async(&mut *conn)
                    .await?;
                if exists {
                    let done: bool = redis::cmd("RENAMENX")
                        .arg(&from)
                        .arg(&to)
                        .query_async(&mut *conn)
                        .await?;
                    moved += usize::from(done);
                }
            }
            if moved > 0 {
                tracing::info!(queue = %name, keys = moved, "moved a queue's keys to its encoded hash tag");
            }
        }
        Ok(())
    }

    /// Loads the scripts as a Redis Functions library (once per Redis: a library
    /// of the same source stays loaded, and it persists and replicates with the
    /// data). A Redis without Functions runs them as EVALSHA scripts instead.
    async fn load_functions(&self) -> Result<()> {
        let link = self.link();
        let mut conn = link.pool.get().await?;
        let loaded: redis::RedisResult<String> = redis::cmd("FUNCTION")
            .arg("LOAD")
            .arg(&self.scripts.library)
            .query_async(&mut *conn)
            .await;
        let on = match loaded {
            Ok(_) => true,
            Err(e) if e.to_string().contains("already exists") => true,
            Err(e)
                if e.kind() == redis::ErrorKind::Server(redis::ServerErrorKind::ResponseError)
                    && e.to_string()
                        .to_ascii_lowercase()
                        .contains("unknown command") =>
            {
                tracing::info!("Redis has no Functions (before 7.0): running scripts with EVALSHA");
                false
            }
            Err(e) => return Err(e.into()),
        };
        self.functions.store(on, Ordering::Relaxed);
        Ok(())
    }

    /// Sets this process's clock to Redis's ([`crate::model::now_ms`]): the offset
    /// between Redis's `TIME` and the middle of the round trip that read it.
    pub async fn sync_clock(&self) -> Result<i64> {
        let before = crate::model::local_ms();
        let (secs, micros): (i64, i64) = self.query("time", &redis::cmd("TIME")).await?;
        let after = crate::model::local_ms();
        let offset = secs * 1000 + micros / 1000 - (before + after) / 2;
        crate::model::set_clock_offset(offset);
        Ok(offset)
    }

    /// What HTQ checks of its Redis before it trusts it with tasks; on a cluster,
    /// the weakest of its masters.
    pub async fn engine(&self) -> Result<Engine> {
        // The default sections hold memory, persistence and replication. A cluster
        // answers with one per master.
        let info: redis::Value = self.query("info", &redis::cmd("INFO")).await?;
        let unreadable = |e: redis::ParsingError| Error::Storage(format!("INFO: {e}"));
        let infos: Vec<String> = match info {
            redis::Value::Map(per_node) => per_node
                .into_iter()
                .map(|(_, v)| redis::from_redis_value(v).map_err(unreadable))
                .collect::<Result<_>>()?,
            v => {
                vec![redis::from_redis_value(v).map_err(|e| Error::Storage(format!("INFO: {e}")))?]
            }
        };
        // CONFIG may be renamed or refused (managed Redis): then the RDB schedule is
        // unknown.
        let save: Option<Vec<String>> = self
            .query("config", redis::cmd("CONFIG").arg("GET").arg("save"))
            .await
            .ok();
        let mut engine = Engine {
            maxmemory_policy: "noeviction".into(),
            aof: !infos.is_empty(),
            rdb: save.map(|s| s.get(1).is_some_and(|v| !v.trim().is_empty())),
            replicas: u64::MAX,
        };
        for info in &infos {
            let field = |name: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
                    .map(|v| v.trim().to_owned())
            };
            let policy = field("maxmemory_policy").unwrap_or_default();
            if policy != "noeviction" {
                engine.maxmemory_policy = policy;
            }
            engine.aof &= field("aof_enabled").as_deref() == Some("1");
            engine.replicas = engine.replicas.min(
                field("connected_slaves")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0),
            );
        }
        if infos.is_empty() {
            engine.replicas = 0;
        }
        Ok(engine)
    }

    /// Checks that Redis answers.
    pub async fn ping(&self) -> Result<()> {
        let _: String = self.query("ping", &redis::cmd("PING")).await?;
        Ok(())
    }

    /// Redis may have gone: whoever waits on [`Store::trouble`] looks now.
    pub fn note_trouble(&self) {
        self.trouble.notify_waiters();
    }

    /// Resolves when the store moves to another Redis master (Sentinel).
    pub async fn moved(&self) {
        self.moved.notified().await
    }

    /// Resolves at the next [`Store::note_trouble`].
    pub async fn trouble(&self) {
        self.trouble.notified().await
    }

    /// This process's id, as its wake messages (it ignores its own) and its
    /// heartbeat name it.
    pub fn pid(&self) -> &str {
        &self.pid
    }

    /// The recovery settings in use.
    pub fn options(&self) -> &StoreOptions {
        &self.opts
    }

    /// The key names in use.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// A client for dedicated connections (pub/sub, blocking reads) to the current
    /// master; on a cluster, to one of its seed nodes, the next one each call.
    pub fn client(&self) -> redis::Client {
        let link = self.link();
        let i = link.turn.fetch_add(1, Ordering::Relaxed) % link.nodes.len().max(1);
        link.nodes[i].clone()
    }

    /// On a cluster, the URL of each of its nodes (masters and replicas) as the
    /// cluster knows them now; empty on one Redis.
    pub async fn cluster_node_urls(&self) -> Result<Vec<String>> {
        if !self.is_cluster() {
            return Ok(Vec::new());
        }
        let nodes: String = self
            .query("cluster_nodes", redis::cmd("CLUSTER").arg("NODES"))
            .await?;
        // `<id> <ip:port@cport[,hostname]> <flags> ...`, one node per line.
        let mut urls: Vec<String> = nodes
            .lines()
            .filter_map(|l| l.split(' ').nth(1)?.split('@').next())
            .filter_map(|a| {
                let (host, port) = a.rsplit_once(':')?;
                match host {
                    "" | "?" => None,
                    h if h.contains(':') => Some(format!("redis://[{h}]:{port}/")),
                    h => Some(format!("redis://{h}:{port}/")),
                }
            })
            .collect();
        // The seeds too, however the cluster names them.
        urls.extend(
            self.link()
                .nodes
                .iter()
                .map(|c| c.get_connection_info().addr().to_string())
                .map(|a| format!("redis://{a}/")),
        );
        Ok(urls)
    }

    /// Groups `streams` (queue, key, position) by the cluster master that holds
    /// them, as the slot map says (asked for once, and again after
    /// [`Store::forget_slot_map`]).
    pub(crate) async fn group_by_master(
        &self,
        conn: &mut Conn,
        streams: &[(String, String, events::StreamId)],
    ) -> Result<Vec<Vec<(String, String, events::StreamId)>>> {
        let keys: Vec<&str> = streams.iter().map(|s| s.1.as_str()).collect();
        Ok(self
            .group_keys_by_master(conn, &keys)
            .await?
            .into_iter()
            .map(|group| group.into_iter().map(|i| streams[i].clone()).collect())
            .collect())
    }

    /// The positions of `keys` grouped by the cluster master that holds them, as
    /// the slot map says (see [`Store::group_by_master`]).
    pub(crate) async fn group_keys_by_master(
        &self,
        conn: &mut Conn,
        keys: &[&str],
    ) -> Result<Vec<Vec<usize>>> {
        let known = self
            .slot_map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let map = match known {
            Some(m) => m,
            None => {
                let slots: redis::Value =
                    redis::cmd("CLUSTER").arg("SLOTS").query_async(conn).await?;
                let map = Arc::new(parse_slots(slots)?);
                *self.slot_map.lock().unwrap_or_else(|e| e.into_inner()) = Some(map.clone());
                map
            }
        };
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            let slot = keys::slot(key);
            let node = map
                .iter()
                .find(|(from, to, _)| (*from..=*to).contains(&slot))
                .map_or("", |(_, _, n)| n.as_str());
            groups.entry(node).or_default().push(i);
        }
        Ok(groups.into_values().collect())
    }

    /// Drops the slot map: the next grouped read asks for it again.
    pub(crate) fn forget_slot_map(&self) {
        *self.slot_map.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The store runs on a Redis Cluster.
    pub fn is_cluster(&self) -> bool {
        self.link().cluster
    }

    /// How HTQ reaches Redis: `standalone`, `sentinel` or `cluster`.
    pub fn mode(&self) -> &'static str {
        if self.is_cluster() {
            "cluster"
        } else if self.sentinel {
            "sentinel"
        } else {
            "standalone"
        }
    }

    /// On a cluster, a connection for sharded subscriptions (`SSUBSCRIBE`, RESP3):
    /// their messages and confirmations go to `pushes`, and the client subscribes
    /// again by itself after a reconnection or a change of slots. None on one Redis.
    pub async fn shard_subscriber(
        &self,
        pushes: tokio::sync::mpsc::UnboundedSender<redis::PushInfo>,
    ) -> Result<Option<redis::cluster_async::ClusterConnection>> {
        let Some((urls, ca)) = self.link().seeds.clone() else {
            return Ok(None);
        };
        let client = cluster_builder(&urls, ca)
            .use_protocol(redis::ProtocolVersion::RESP3)
            .push_sender(pushes)
            .build()?;
        Ok(Some(client.get_async_connection().await?))
    }

    /// On a cluster, tells every process that queue `name` was created, on the
    /// channel they all follow: they then follow its own (sharded) channel. An
    /// announcement that fails is logged (the queue exists all the same; the
    /// processes find it when they next read the queue list).
    pub(crate) async fn announce_queue(&self, name: &str) {
        if !self.is_cluster() {
            return;
        }
        let sent: Result<i64> = self
            .query(
                "announce_queue",
                redis::cmd("PUBLISH")
                    .arg(self.keys.wake_channel())
                    .arg(self.wake_message(name, 0)),
            )
            .await;
        if let Err(e) = sent {
            tracing::warn!(queue = %name, error = %e, "new queue not announced");
        }
    }

    /// A connection of its own, for blocking reads (on a cluster, one to every
    /// master; reads there never block, see [`Store::read_events`]).
    pub async fn dedicated(&self) -> Result<Conn> {
        let target = self.link().target.clone();
        match target {
            pool::Target::Cluster(c) => Ok(Conn::Cluster(c.get_async_connection().await?)),
            pool::Target::Single(_) => {
                // Reads block up to a second: a reply that takes far longer means
                // the connection is gone, and the watch ends rather than hang.
                let config = redis::AsyncConnectionConfig::new()
                    .set_response_timeout(Some(pool::RESPONSE_TIMEOUT));
                Ok(Conn::Direct(
                    self.client()
                        .get_multiplexed_async_connection_with_config(&config)
                        .await?,
                ))
            }
        }
    }

    /// The connections of the master of the moment (one reference count, no copy).
    fn link(&self) -> Arc<Link> {
        self.link.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The channel a queue's wake-ups go out on: on a cluster its own sharded
    /// channel (`<prefix>:{<tag>}:wake`, in the queue's slot, so only the shard
    /// that holds the queue carries it; see the wake listener), else the one
    /// channel every process follows.
    pub fn wake_channel_of(&self, queue: &str) -> String {
        if self.is_cluster() {
            self.keys.queue(queue).other("wake")
        } else {
            self.keys.wake_channel()
        }
    }

    fn wake_message(&self, queue: &str, at: i64) -> String {
        format!("{}\t{}\t{}", self.pid, queue, at)
    }

    /// Parses a wake message.
    pub fn parse_wake(msg: &str) -> Option<WakeMessage<'_>> {
        let mut it = msg.splitn(3, '\t');
        Some(WakeMessage {
            pid: it.next()?,
            queue: it.next()?,
            at_ms: it.next()?.parse().ok()?,
        })
    }

    // ---- the one call path ----------------------------------------------------

    /// A call of `script` with `keys` bound, in order (see the script's header).
    fn call<'a>(&self, script: &'a NamedScript, keys: &[&str]) -> Call<'a> {
        Call {
            script,
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            args: Vec::new(),
            before: Vec::new(),
        }
    }

    /// Times `work` under `name` (a `redis.script` span, latency and error
    /// metrics).
    async fn timed<T>(
        &self,
        name: &'static str,
        work: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        let start = std::time::Instant::now();
        let r = work
            .instrument(tracing::info_span!("redis.script", script = name))
            .await;
        self.metrics.script(name, start.elapsed(), r.is_err());
        if r.is_err() {
            self.note_trouble();
        }
        r
    }

    /// Runs a script call on a pooled connection and decodes its reply: FCALL of
    /// the library's function (the library is loaded again when Redis lost it, after
    /// a restart without persistence), or EVALSHA of the script.
    async fn run<T: redis::FromRedisValue>(&self, call: &Call<'_>) -> Result<T> {
        let wait = self
            .opts
            .replicated
            .filter(|_| ACKNOWLEDGED.contains(&call.script.name));
        let (v, replicas): (T, Option<i64>) = self
            .timed(call.script.name, async {
                let link = self.link();
                let pool = if wait.is_some() {
                    &link.acked
                } else {
                    &link.pool
                };
                let mut conn = pool.get().await?;
                // A cluster takes a round trip to one slot only: the commands
                // before the script go first, in their own.
                let apart = link.cluster && !call.before.is_empty();
                if apart {
                    for cmd in &call.before {
                        let mut pipe = redis::pipe();
                        pipe.add_command(cmd.clone()).ignore();
                        add_wait(&mut pipe, wait);
                        // Confirmed by a replica too, like the script after it.
                        let replicas: Vec<i64> = pipe.query_async(&mut *conn).await?;
                        if let (Some(within), Some(0)) = (wait, replicas.first()) {
                            return Err(unconfirmed(call.script.name, within));
                        }
                    }
                }
                let before: &[redis::Cmd] = if apart { &[] } else { &call.before };
                if self.functions.load(Ordering::Relaxed) {
                    let mut pipe = redis::pipe();
                    for cmd in before {
                        pipe.add_command(cmd.clone()).ignore();
                    }
                    pipe.add_command(call.fcall());
                    add_wait(&mut pipe, wait);
                    let first = query_waited(&pipe, &mut conn, wait).await;
                    return match first {
                        Err(e) if e.to_string().contains("Function not found") => {
                            drop(conn);
                            self.load_functions().await?;
                            let mut conn = pool.get().await?;
                            Ok(query_waited(&pipe, &mut conn, wait).await?)
                        }
                        r => Ok(r?),
                    };
                }
                let inv = call.invocation();
                if before.is_empty() && wait.is_none() {
                    return Ok((inv.invoke_async(&mut *conn).await?, None));
                }
                let mut pipe = redis::pipe();
                for cmd in before {
                    pipe.add_command(cmd.clone()).ignore();
                }
                pipe.invoke_script(&inv);
                add_wait(&mut pipe, wait);
                match query_waited(&pipe, &mut conn, wait).await {
                    Ok(r) => Ok(r),
                    Err(e)
                        if e.kind()
                            == redis::ErrorKind::Server(redis::ServerErrorKind::NoScript) =>
                    {
                        // The script is not cached yet (Redis restarted): load it and
                        // send the round trip again (its plain commands are idempotent).
                        inv.load_async(&mut *conn).await?;
                        Ok(query_waited(&pipe, &mut conn, wait).await?)
                    }
                    Err(e) => Err(e.into()),
                }
            })
            .await?;
        if let (Some(within), Some(0)) = (wait, replicas) {
            return Err(unconfirmed(call.script.name, within));
        }
        Ok(v)
    }

    /// Runs a script call whose reply is a [`Reply`] (a code first).
    async fn run_coded(&self, call: &Call<'_>) -> Result<Reply> {
        self.run(call).await
    }

    /// Runs a plain command on a pooled connection, timed under `name`.
    async fn query<T: redis::FromRedisValue>(
        &self,
        name: &'static str,
        cmd: &redis::Cmd,
    ) -> Result<T> {
        self.timed(name, async {
            let link = self.link();
            let mut conn = link.pool.get().await?;
            Ok(cmd.query_async(&mut *conn).await?)
        })
        .await
    }

    /// Runs a pipeline of plain commands on a pooled connection, timed under `name`.
    async fn query_pipe<T: redis::FromRedisValue>(
        &self,
        name: &'static str,
        pipe: &redis::Pipeline,
    ) -> Result<T> {
        self.timed(name, async {
            let link = self.link();
            let mut conn = link.pool.get().await?;
            Ok(pipe.query_async(&mut *conn).await?)
        })
        .await
    }
}

/// Runs `script` (a script that writes nothing and names the keys it reads in
/// ARGV, so that one call may span the slots of a master) on the cluster master
/// that holds `first`, with `args`. `first` is named as KEYS[1] too: sent to a
/// node that does not hold its slot (a failover the client has not heard of), the
/// call gets MOVED, which the client follows and learns from. A Redis error in the
/// reply is an error.
pub(crate) async fn eval_on_master(
    cluster: &mut redis::cluster_async::ClusterConnection,
    script: &str,
    first: &str,
    args: Vec<String>,
) -> Result<redis::Value> {
    use redis::cluster_routing::{Route, RoutingInfo, SingleNodeRoutingInfo, Slot, SlotAddr};
    let mut cmd = redis::cmd("EVAL");
    cmd.arg(script).arg(1).arg(first).arg(args);
    let route = Route::with_slot(Slot::for_key(first), SlotAddr::Master);
    match cluster
        .route_command(
            cmd,
            RoutingInfo::SingleNode(SingleNodeRoutingInfo::SpecificNode(route)),
        )
        .await?
    {
        redis::Value::ServerError(e) => Err(Error::Storage(format!("{e:?}"))),
        v => Ok(v),
    }
}

/// The slot ranges of a `CLUSTER SLOTS` reply, each with its master's address.
fn parse_slots(v: redis::Value) -> Result<SlotMap> {
    let bad = || Error::Storage("unreadable CLUSTER SLOTS reply".into());
    let redis::Value::Array(ranges) = v else {
        return Err(bad());
    };
    let mut map = Vec::with_capacity(ranges.len());
    for r in ranges {
        let redis::Value::Array(mut parts) = r else {
            return Err(bad());
        };
        if parts.len() < 3 {
            return Err(bad());
        }
        let master: Vec<redis::Value> =
            redis::from_redis_value(parts.remove(2)).map_err(|_| bad())?;
        let (from, to): (u16, u16) = (
            redis::from_redis_value(parts.remove(0)).map_err(|_| bad())?,
            redis::from_redis_value(parts.remove(0)).map_err(|_| bad())?,
        );
        let mut it = master.into_iter();
        let host: String =
            redis::from_redis_value(it.next().ok_or_else(bad)?).map_err(|_| bad())?;
        let port: u16 = redis::from_redis_value(it.next().ok_or_else(bad)?).map_err(|_| bad())?;
        map.push((from, to, format!("{host}:{port}")));
    }
    Ok(map)
}

/// A client of the one Redis at `url`, trusting `ca` (PEM) for `rediss://` instead
/// of the system's CAs.
fn node_client(url: &str, ca: Option<&[u8]>) -> Result<redis::Client> {
    let bad = |e: redis::RedisError| Error::Storage(format!("bad Redis URL: {e}"));
    match ca {
        None => redis::Client::open(url).map_err(bad),
        Some(ca) => redis::Client::build_with_tls(
            url,
            redis::TlsCertificates {
                client_tls: None,
                root_cert: Some(ca.to_vec()),
            },
        )
        .map_err(bad),
    }
}

/// The error for a write `what` that no replica confirmed `within`.
fn unconfirmed(what: &str, within: Duration) -> Error {
    Error::Storage(format!(
        "{what}: written on the Redis master but no replica confirmed it within {} ms; \
         it may be lost if the master fails (retry with the same idempotency key)",
        within.as_millis()
    ))
}

/// Adds `WAIT 1 <ms>` after a write that waits for a replica.
fn add_wait(pipe: &mut redis::Pipeline, wait: Option<Duration>) {
    if let Some(within) = wait {
        pipe.cmd("WAIT").arg(1).arg(within.as_millis() as u64);
    }
}

/// Sends `pipe`, whose last reply is the script's, or the script's then WAIT's when
/// `wait`: (the script's reply, the replicas that confirmed).
async fn query_waited<T: redis::FromRedisValue>(
    pipe: &redis::Pipeline,
    conn: &mut pool::Conn,
    wait: Option<Duration>,
) -> redis::RedisResult<(T, Option<i64>)> {
    if wait.is_some() {
        let (v, n): (T, i64) = pipe.query_async(conn).await?;
        Ok((v, Some(n)))
    } else {
        let (v,): (T,) = pipe.query_async(conn).await?;
        Ok((v, None))
    }
}
