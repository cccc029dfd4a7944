//! Test harness: a real redis-server per test on a free loopback port, a real HTTP
//! sink on 127.0.0.1:0 that records what it receives and answers as scripted, and an
//! HTQ server (in-process, or the `htq` binary as a child process).

#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use htq::api::pb::htq_service_client::HtqServiceClient;
use htq::config::Config;
use htq::server::Server;
use tokio::sync::Notify;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

pub const TOKEN: &str = "test-token";

/// Fresh metrics for a store a test connects itself.
pub fn metrics() -> std::sync::Arc<htq::metrics::Metrics> {
    std::sync::Arc::new(htq::metrics::Metrics::new(100))
}

/// A store on `redis` with the default settings and keys under `htq`.
pub async fn connect_store(redis: &TestRedis) -> htq::store::Store {
    redis.store("htq", Default::default()).await
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    htq::model::now_ms()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The slots of a test cluster's masters, in order.
pub const CLUSTER_RANGES: [(u16, u16); 3] = [(0, 5460), (5461, 10922), (10923, 16383)];

/// The suite runs on one Redis, or with `HTQ_TEST_REDIS=cluster` on a Redis
/// Cluster of three masters started for each test (what [`TestRedis::start`]
/// gives; [`TestRedis::single`] is always one node).
pub fn cluster_mode() -> bool {
    std::env::var("HTQ_TEST_REDIS").is_ok_and(|v| v == "cluster")
}

/// A redis-server child, killed on drop; or, in cluster mode, the nodes of a
/// Redis Cluster.
pub struct TestRedis {
    child: Child,
    /// The first node's port and URL.
    pub port: u16,
    pub url: String,
    /// The other nodes of a cluster (empty on one Redis).
    others: Vec<TestRedis>,
    _dir: tempfile::TempDir,
}

/// A connection to a [`TestRedis`], of either kind.
pub enum TestConn {
    Single(redis::Connection),
    Cluster(Box<redis::cluster::ClusterConnection>),
}

impl redis::ConnectionLike for TestConn {
    fn req_packed_command(&mut self, cmd: &[u8]) -> redis::RedisResult<redis::Value> {
        match self {
            TestConn::Single(c) => c.req_packed_command(cmd),
            TestConn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands(
        &mut self,
        cmd: &[u8],
        offset: usize,
        count: usize,
    ) -> redis::RedisResult<Vec<redis::Value>> {
        match self {
            TestConn::Single(c) => c.req_packed_commands(cmd, offset, count),
            TestConn::Cluster(c) => c.req_packed_commands(cmd, offset, count),
        }
    }

    fn req_command(&mut self, cmd: &redis::Cmd) -> redis::RedisResult<redis::Value> {
        match self {
            TestConn::Single(c) => c.req_command(cmd),
            TestConn::Cluster(c) => c.req_command(cmd),
        }
    }

    fn get_db(&self) -> i64 {
        0
    }

    fn check_connection(&mut self) -> bool {
        match self {
            TestConn::Single(c) => c.check_connection(),
            TestConn::Cluster(c) => c.check_connection(),
        }
    }

    fn is_open(&self) -> bool {
        match self {
            TestConn::Single(c) => c.is_open(),
            TestConn::Cluster(c) => c.is_open(),
        }
    }
}

impl TestRedis {
    /// The Redis of the suite's mode: one node, or a cluster of three masters.
    pub fn start() -> TestRedis {
        if cluster_mode() {
            Self::cluster(&[])
        } else {
            Self::start_with(&[])
        }
    }

    /// One redis-server, whatever the mode.
    pub fn single() -> TestRedis {
        Self::start_with(&[])
    }

    /// A Redis Cluster of three masters on loopback ports, each started with
    /// `extra` arguments, its slots split evenly ([`CLUSTER_RANGES`]).
    pub fn cluster(extra: &[&str]) -> TestRedis {
        Self::cluster_of(extra, 0)
    }

    /// A Redis Cluster of three masters and `replicas` replicas of each (node `i`
    /// past the masters replicates master `i % 3`).
    pub fn cluster_with_replicas(replicas: usize) -> TestRedis {
        Self::cluster_of(&[], replicas)
    }

    fn cluster_of(extra: &[&str], replicas: usize) -> TestRedis {
        let mut args = vec!["--cluster-enabled", "yes", "--cluster-node-timeout", "2000"];
        args.extend_from_slice(extra);
        let count = 3 * (1 + replicas);
        let mut nodes: Vec<TestRedis> = (0..count).map(|_| Self::start_with(&args)).collect();
        for (n, (from, to)) in nodes.iter().zip(CLUSTER_RANGES) {
            let _: () = redis::cmd("CLUSTER")
                .arg("ADDSLOTSRANGE")
                .arg(from)
                .arg(to)
                .query(&mut n.plain())
                .unwrap();
        }
        for n in &nodes[1..] {
            let _: () = redis::cmd("CLUSTER")
                .arg("MEET")
                .arg("127.0.0.1")
                .arg(nodes[0].port)
                .query(&mut n.plain())
                .unwrap();
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let known = format!("cluster_known_nodes:{count}");
            let ready = nodes.iter().all(|n| {
                let info: String = redis::cmd("CLUSTER")
                    .arg("INFO")
                    .query(&mut n.plain())
                    .unwrap_or_default();
                info.contains("cluster_state:ok") && info.contains(&known)
            });
            if ready {
                break;
            }
            assert!(Instant::now() < deadline, "the cluster did not form");
            std::thread::sleep(Duration::from_millis(50));
        }
        for i in 3..count {
            let id: String = redis::cmd("CLUSTER")
                .arg("MYID")
                .query(&mut nodes[i % 3].plain())
                .unwrap();
            let _: () = redis::cmd("CLUSTER")
                .arg("REPLICATE")
                .arg(id)
                .query(&mut nodes[i].plain())
                .unwrap();
        }
        let synced = || {
            nodes[..3].iter().all(|n| {
                let info: String = redis::cmd("INFO")
                    .arg("replication")
                    .query(&mut n.plain())
                    .unwrap_or_default();
                info.contains(&format!("connected_slaves:{replicas}"))
                    && info.matches("state=online").count() == replicas
            })
        };
        while !synced() {
            assert!(Instant::now() < deadline, "the replicas did not sync");
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut first = nodes.remove(0);
        first.others = nodes;
        first
    }

    /// A redis-server with `extra` arguments after the test defaults.
    pub fn start_with(extra: &[&str]) -> TestRedis {
        let dir = tempfile::tempdir().unwrap();
        for _ in 0..5 {
            let port = free_port();
            let mut child = Command::new("redis-server")
                .args([
                    "--port",
                    &port.to_string(),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ])
                .arg("--dir")
                .arg(dir.path())
                .args(extra)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server must be installed (apt-get install redis-server)");
            // With `--requirepass`, the URL carries the password.
            let auth = extra
                .iter()
                .position(|a| *a == "--requirepass")
                .and_then(|i| extra.get(i + 1))
                .map(|pw| format!(":{pw}@"))
                .unwrap_or_default();
            let url = format!("redis://{auth}127.0.0.1:{port}/");
            let client = redis::Client::open(url.as_str()).unwrap();
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break; // port taken: try another
                }
                if let Ok(mut c) = client.get_connection()
                    && redis::cmd("PING").query::<String>(&mut c).is_ok()
                {
                    return TestRedis {
                        child,
                        port,
                        url,
                        others: Vec::new(),
                        _dir: dir,
                    };
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("cannot start redis-server");
    }

    /// This is a cluster.
    pub fn is_cluster(&self) -> bool {
        !self.others.is_empty()
    }

    /// Every node's `host:port`.
    pub fn nodes(&self) -> Vec<String> {
        std::iter::once(self)
            .chain(&self.others)
            .map(|n| format!("127.0.0.1:{}", n.port))
            .collect()
    }

    /// The `htq` flag and value that name this Redis: `--redis-url URL`, or
    /// `--redis-cluster NODES`.
    pub fn flag(&self) -> [String; 2] {
        if self.is_cluster() {
            ["--redis-cluster".into(), self.nodes().join(",")]
        } else {
            ["--redis-url".into(), self.url.clone()]
        }
    }

    /// Points `cfg` at this Redis.
    pub fn configure(&self, cfg: &mut Config) {
        if self.is_cluster() {
            cfg.redis_url = None;
            cfg.redis_cluster = self.nodes();
        } else {
            cfg.redis_url = Some(self.url.clone());
            cfg.redis_cluster = Vec::new();
        }
    }

    /// A store on this Redis with keys under `prefix`.
    pub async fn store(&self, prefix: &str, opts: htq::store::StoreOptions) -> htq::store::Store {
        if self.is_cluster() {
            htq::store::Store::connect_cluster(
                &self.nodes(),
                "redis://localhost/",
                None,
                prefix,
                opts,
                metrics(),
            )
            .await
            .unwrap()
        } else {
            htq::store::Store::connect(&self.url, prefix, opts, metrics())
                .await
                .unwrap()
        }
    }

    /// Kills node `i` of a cluster (0 is the first master), as a crash would.
    pub fn kill_node(&mut self, i: usize) {
        if i == 0 {
            let _ = self.child.kill();
            let _ = self.child.wait();
        } else {
            self.others[i - 1].kill();
        }
    }

    /// Stops the server (as a crash would).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for n in &mut self.others {
            n.kill();
        }
    }

    /// A connection to this node alone.
    fn plain(&self) -> redis::Connection {
        redis::Client::open(self.url.as_str())
            .unwrap()
            .get_connection()
            .unwrap()
    }

    /// A blocking connection for seeding and inspecting state (routed by key on a
    /// cluster).
    pub fn conn(&self) -> TestConn {
        if self.is_cluster() {
            let client = redis::cluster::ClusterClient::new(
                std::iter::once(self)
                    .chain(&self.others)
                    .map(|n| n.url.clone()),
            )
            .unwrap();
            TestConn::Cluster(Box::new(client.get_connection().unwrap()))
        } else {
            TestConn::Single(self.plain())
        }
    }

    /// Every key, sorted (of every node): a snapshot to compare. The processes'
    /// heartbeats (`<prefix>:procs`), rewritten every few seconds whatever the
    /// calls, are left out.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for n in std::iter::once(self).chain(&self.others) {
            let mut k: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut n.plain()).unwrap();
            keys.append(&mut k);
        }
        keys.retain(|k| !k.ends_with(":procs"));
        keys.sort();
        keys
    }

    /// Calls Redis has served so far (every node), summed over the commands
    /// `which` accepts (by name, e.g. `evalsha`).
    pub fn command_calls(&self, which: impl Fn(&str) -> bool) -> u64 {
        std::iter::once(self)
            .chain(&self.others)
            .map(|n| {
                let info: String = redis::cmd("INFO")
                    .arg("commandstats")
                    .query(&mut n.plain())
                    .unwrap();
                info.lines()
                    .filter_map(|l| {
                        let (name, rest) = l.strip_prefix("cmdstat_")?.split_once(':')?;
                        which(name).then_some(())?;
                        rest.split("calls=")
                            .nth(1)?
                            .split(',')
                            .next()?
                            .parse::<u64>()
                            .ok()
                    })
                    .sum::<u64>()
            })
            .sum()
    }

    /// An `INFO` field summed over the nodes.
    pub fn info_sum(&self, name: &str) -> f64 {
        std::iter::once(self)
            .chain(&self.others)
            .map(|n| {
                let info: String = redis::cmd("INFO").query(&mut n.plain()).unwrap();
                info.lines()
                    .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .unwrap_or(0.0)
            })
            .sum()
    }

    /// A dump of every key's content, to prove nothing was written.
    pub fn dump(&self) -> Vec<(String, Vec<u8>)> {
        let mut c = self.conn();
        self.keys()
            .into_iter()
            .map(|k| {
                let d: Vec<u8> = redis::cmd("DUMP").arg(&k).query(&mut c).unwrap();
                (k, d)
            })
            .collect()
    }
}

impl Drop for TestRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request the sink received.
#[derive(Debug, Clone)]
pub struct Hit {
    pub method: Method,
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// Arrival, ms since the epoch.
    pub at_ms: i64,
    /// Arrival, monotonic.
    pub at: Instant,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: Bytes,
    pub delay: Duration,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            body: Bytes::new(),
            delay: Duration::ZERO,
            headers: Vec::new(),
        }
    }
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
    pub fn body(self, b: &str) -> Reply {
        self.bytes(b.as_bytes())
    }
    pub fn bytes(mut self, b: &[u8]) -> Reply {
        self.body = Bytes::copy_from_slice(b);
        self
    }
    pub fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.into(), v.into()));
        self
    }
}

#[derive(Default)]
struct SinkState {
    hits: Mutex<Vec<Hit>>,
    arrived: Notify,
    /// Per path: answers in order; the last one repeats.
    script: Mutex<HashMap<String, VecDeque<Reply>>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

/// A recording HTTP server on 127.0.0.1:0.
#[derive(Clone)]
pub struct Sink {
    pub addr: SocketAddr,
    state: Arc<SinkState>,
}

async fn sink_handler(State(state): State<Arc<SinkState>>, req: Request) -> Response {
    let now = Instant::now();
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, 64 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let n = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(n, Ordering::SeqCst);
    let path = parts.uri.path().to_owned();
    state.hits.lock().unwrap().push(Hit {
        method: parts.method,
        uri: parts.uri.to_string(),
        headers: parts.headers,
        body,
        at_ms: now_ms(),
        at: now,
    });
    state.arrived.notify_waiters();
    let reply = {
        let mut script = state.script.lock().unwrap();
        match script.get_mut(&path) {
            Some(q) if q.len() > 1 => q.pop_front(),
            Some(q) => q.front().cloned(),
            None => None,
        }
    }
    .unwrap_or_else(|| Reply::status(200));
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    let mut resp = (StatusCode::from_u16(reply.status).unwrap(), reply.body).into_response();
    for (k, v) in reply.headers {
        resp.headers_mut().insert(
            axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    resp
}

impl Sink {
    pub async fn start() -> Sink {
        let state = Arc::new(SinkState::default());
        let app = axum::Router::new()
            .fallback(sink_handler)
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        Sink { addr, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Answers on `path`, in order; the last repeats.
    pub fn script(&self, path: &str, replies: Vec<Reply>) {
        self.state
            .script
            .lock()
            .unwrap()
            .insert(path.to_owned(), replies.into());
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.state.hits.lock().unwrap().clone()
    }

    pub fn hits_on(&self, path: &str) -> Vec<Hit> {
        self.hits()
            .into_iter()
            .filter(|h| h.uri.split('?').next() == Some(path))
            .collect()
    }

    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }

    /// Waits until at least `n` requests arrived on `path` (None: any path), or panics.
    pub async fn wait_for(&self, path: Option<&str>, n: usize, within: Duration) -> Vec<Hit> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let notified = self.state.arrived.notified();
            let hits = match path {
                Some(p) => self.hits_on(p),
                None => self.hits(),
            };
            if hits.len() >= n {
                return hits;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "expected {n} requests on {path:?} within {within:?}, got {}",
                    hits.len()
                );
            }
        }
    }
}

/// The text of the server at `addr`'s `/metrics`.
pub async fn scrape_metrics(addr: SocketAddr) -> String {
    reqwest::Client::new()
        .get(format!("http://{addr}/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

pub type AddToken =
    Box<dyn FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> + Send>;
pub type Client = HtqServiceClient<InterceptedService<Channel, AddToken>>;

/// A gRPC client sending `token` (None: no authorization header).
pub async fn client(addr: SocketAddr, token: Option<&str>) -> Client {
    let channel = Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let header = token.map(|t| {
        format!("Bearer {t}")
            .parse::<tonic::metadata::MetadataValue<_>>()
            .unwrap()
    });
    let add: AddToken = Box::new(move |mut req: tonic::Request<()>| {
        if let Some(h) = &header {
            req.metadata_mut().insert("authorization", h.clone());
        }
        Ok(req)
    });
    HtqServiceClient::with_interceptor(channel, add)
}

/// An in-process HTQ server on Redis `redis`, with test settings.
pub struct TestHtq {
    pub server: Server,
    pub addr: SocketAddr,
    pub client: Client,
    pub data: tempfile::TempDir,
}

pub fn test_config(redis: &TestRedis) -> Config {
    let mut cfg = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        tokens: vec![TOKEN.into()],
        lease_margin: Duration::from_millis(500),
        shutdown_grace: Duration::from_secs(2),
        ..Config::default()
    };
    redis.configure(&mut cfg);
    cfg
}

impl TestHtq {
    pub async fn start(redis: &TestRedis) -> TestHtq {
        Self::start_with(test_config(redis)).await
    }

    pub async fn start_with(mut cfg: Config) -> TestHtq {
        let data = tempfile::tempdir().unwrap();
        cfg.data_dir = data.path().to_path_buf();
        let server = Server::start(cfg).await.unwrap();
        let addr = server.addr();
        let client = client(addr, Some(TOKEN)).await;
        TestHtq {
            server,
            addr,
            client,
            data,
        }
    }

    pub async fn stop(self) {
        self.server.stop().await.unwrap();
    }
}

/// The `htq` binary as a child process, killed on drop.
pub struct HtqProcess {
    pub child: Child,
    pub addr: SocketAddr,
}

impl HtqProcess {
    /// Runs `htq serve` with `args` on a free port and waits until it answers.
    pub fn start(args: &[&str], data_dir: &Path) -> HtqProcess {
        let port = free_port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_htq"))
            .arg("serve")
            .arg("--listen")
            .arg(addr.to_string())
            .arg("--data-dir")
            .arg(data_dir)
            .args(args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(addr).is_ok() {
                return HtqProcess { child, addr };
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("htq serve did not listen on {addr}");
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: signalling our own child.
        unsafe {
            libc::kill(self.child.id() as i32, sig);
        }
    }

    /// Waits for exit, at most `within`.
    pub fn wait(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(s) = self.child.try_wait().unwrap() {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for HtqProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request message.
pub fn get(url: &str) -> htq::api::pb::HttpRequest {
    htq::api::pb::HttpRequest {
        method: "GET".into(),
        url: url.into(),
        ..Default::default()
    }
}

/// Pushes a GET of `url` into `queue`; returns the task id.
pub async fn push_get(c: &mut Client, queue: &str, url: &str) -> String {
    c.push_task(htq::api::pb::PushTaskRequest {
        queue: queue.into(),
        request: Some(get(url)),
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .task_id
}

/// Waits until task `id` of `queue` is in `state` (at most 10 s); returns it.
pub async fn task_in(
    c: &mut Client,
    queue: &str,
    id: &str,
    state: htq::api::pb::TaskState,
) -> htq::api::pb::Task {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let t = c
            .get_task(htq::api::pb::GetTaskRequest {
                queue: queue.into(),
                id: id.into(),
            })
            .await
            .unwrap()
            .into_inner();
        if t.state == state as i32 {
            return t;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "task {id} of {queue} never reached {state:?}: {t:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Creates queue `name` with `tweak` applied to the default settings.
pub async fn create_queue(
    c: &mut Client,
    name: &str,
    tweak: impl FnOnce(&mut htq::api::pb::Queue),
) {
    let mut q = htq::api::pb::Queue {
        name: name.into(),
        kind: htq::api::pb::QueueKind::RealTime as i32,
        ..Default::default()
    };
    tweak(&mut q);
    c.create_queue(htq::api::pb::CreateQueueRequest { queue: Some(q) })
        .await
        .unwrap();
}

/// Schedules a GET of `url` in `queue`, `delay_ms` ahead; returns the task id.
pub async fn schedule_get(c: &mut Client, queue: &str, url: &str, delay_ms: u64) -> String {
    c.schedule_task(htq::api::pb::ScheduleTaskRequest {
        queue: queue.into(),
        request: Some(get(url)),
        when: Some(htq::api::pb::schedule_task_request::When::Delay(
            ms_duration(delay_ms),
        )),
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .task_id
}

pub fn ms_duration(ms: u64) -> pbjson_types::Duration {
    pbjson_types::Duration {
        seconds: (ms / 1000) as i64,
        nanos: ((ms % 1000) * 1_000_000) as i32,
    }
}

/// Runs `htq ARGS --server BASE` with the test token; panics unless it succeeds,
/// else returns its standard output, trimmed. It blocks its thread: call it from
/// a multi-threaded runtime when the server runs in the same one.
pub fn htq_cli_ok(base: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(args)
        .arg("--server")
        .arg(base)
        .env("HTQ_TOKEN", TOKEN)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `GET http://ADDR{path}` with the test token, as JSON.
pub async fn get_json(addr: SocketAddr, path: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("http://{addr}{path}"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
