//! HTQ's benchmark. Starts redis-server, a release `htq serve` and an HTTP sink on
//! loopback, runs the scenarios of the performance issue, runs BullMQ side by side
//! on the same Redis and sink where a peer figure exists, and writes RESULTS.md.
//! `bench/run` builds everything and calls this.

mod client;
mod cluster;
mod fanout;
mod path;
mod scenarios;
mod sink;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use htq::api::pb;
use htq::api::pb::htq_service_client::HtqServiceClient;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

pub use sink::Sink;

/// µs since the epoch.
pub fn now_us() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}

#[derive(Parser, Clone)]
#[command(about = "HTQ benchmark: HTQ and BullMQ side by side on one Redis and one sink")]
pub struct Args {
    /// Small counts and one run per figure: a smoke check in under 2 minutes.
    #[arg(long)]
    pub quick: bool,
    /// Runs per figure (min, median and max are reported) [default: 3, quick: 1].
    #[arg(long)]
    pub runs: Option<usize>,
    /// The htq binary (a release build).
    #[arg(long, default_value = "target/release/htq")]
    pub htq: PathBuf,
    /// node_modules holding bullmq; without it the peer is skipped.
    #[arg(long, env = "BULLMQ_NODE_PATH")]
    pub peer_node_path: Option<PathBuf>,
    /// The peer script.
    #[arg(long, default_value = "bench/bullmq/peer.cjs")]
    pub peer_script: PathBuf,
    /// Where to write the report.
    #[arg(long, default_value = "bench/RESULTS.md")]
    pub out: PathBuf,
    /// Only these scenarios (a, b, c, d, e, f, g, h, k, x); default all.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Scenario h also prints Redis's time per script function, from the slow log
    /// set to record every command (which itself costs Redis a little).
    #[arg(long)]
    pub profile: bool,
    /// Sign every delivery with a global key of each of these algorithms (hmac,
    /// ed25519), to measure what signing costs.
    #[arg(long, value_delimiter = ',')]
    pub sign: Vec<String>,
}

/// Adds the bearer token.
#[derive(Clone)]
pub struct Bearer(MetadataValue<Ascii>);

impl tonic::service::Interceptor for Bearer {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        req.metadata_mut().insert("authorization", self.0.clone());
        Ok(req)
    }
}

pub type Client = HtqServiceClient<InterceptedService<Channel, Bearer>>;

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Kills a child on drop.
pub struct Child(pub tokio::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.start_kill();
    }
}

/// The processes and clients of one run.
pub struct Env {
    pub args: Args,
    pub redis_url: String,
    pub redis: redis::aio::MultiplexedConnection,
    pub htq_addr: String,
    pub htq_pid: u32,
    /// Every redis-server: one, or a cluster's masters.
    pub redis_pids: Vec<u32>,
    /// Their URLs, in the same order.
    pub node_urls: Vec<String>,
    pub sink: Sink,
    channels: Vec<Channel>,
    bearer: Bearer,
    _children: Vec<Child>,
}

pub const TOKEN: &str = "bench-token";
pub const APP_KEY: &str = "bench-key";

impl Env {
    async fn start(args: Args) -> anyhow::Result<Env> {
        Self::start_on(args, 1).await
    }

    /// Starts `nodes` redis-servers (more than one: a Redis Cluster of that many
    /// masters, its slots split evenly), `htq serve` on them, and a sink.
    pub async fn start_on(args: Args, nodes: usize) -> anyhow::Result<Env> {
        let mut children = Vec::new();
        let mut redis_pids = Vec::new();
        let mut node_urls = Vec::new();
        let mut conns = Vec::new();
        for _ in 0..nodes {
            let redis_port = free_port()?;
            let mut cmd = tokio::process::Command::new("redis-server");
            cmd.args([
                "--port",
                &redis_port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ]);
            let dir = std::env::temp_dir().join(format!(
                "htq-bench-{}-node-{redis_port}",
                std::process::id()
            ));
            if nodes > 1 {
                std::fs::create_dir_all(&dir)?;
                cmd.args(["--cluster-enabled", "yes", "--dir"]).arg(&dir);
            }
            let child = cmd.stdout(Stdio::null()).spawn().context("redis-server")?;
            redis_pids.push(child.id().unwrap_or(0));
            children.push(Child(child));
            let url = format!("redis://127.0.0.1:{redis_port}/");
            let client = redis::Client::open(url.as_str())?;
            conns.push(loop {
                if let Ok(c) = client.get_multiplexed_async_connection().await {
                    break c;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            });
            node_urls.push(url);
        }
        if nodes > 1 {
            cluster::form(&mut conns, &node_urls).await?;
        }
        let redis_url = node_urls[0].clone();
        let redis = conns.swap_remove(0);
        let redis_flag = if nodes > 1 {
            [
                "--redis-cluster".to_owned(),
                node_urls
                    .iter()
                    .map(|u| u.trim_start_matches("redis://").trim_end_matches('/'))
                    .collect::<Vec<_>>()
                    .join(","),
            ]
        } else {
            ["--redis-url".to_owned(), redis_url.clone()]
        };
        let data = std::env::temp_dir().join(format!("htq-bench-{}-{nodes}", std::process::id()));
        let port = free_port()?;
        let htq_child = tokio::process::Command::new(&args.htq)
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--token",
                TOKEN,
            ])
            .args([
                "--app-key",
                APP_KEY,
                "--app-token",
                APP_KEY,
                "--legacy-time-zone",
                "UTC",
                // The legacy scenarios push into queues made over gRPC.
                "--legacy-scope",
                "all",
            ])
            .args(&redis_flag)
            .arg("--data-dir")
            .arg(&data)
            // HTQ_BENCH_LOG sets the server's log filter (default: errors only).
            .env(
                "RUST_LOG",
                std::env::var("HTQ_BENCH_LOG").unwrap_or_else(|_| "error".into()),
            )
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", args.htq.display()))?;
        let htq_pid = htq_child.id().unwrap_or(0);
        let htq_addr = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(&htq_addr).await.is_err() {
            anyhow::ensure!(Instant::now() < deadline, "htq did not listen");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let mut channels = Vec::new();
        for _ in 0..4 {
            channels.push(
                Channel::from_shared(format!("http://{htq_addr}"))?
                    .connect()
                    .await?,
            );
        }
        let env = Env {
            args,
            redis_url,
            redis,
            htq_addr,
            htq_pid,
            redis_pids,
            node_urls,
            sink: Sink::start().await?,
            channels,
            bearer: Bearer(format!("Bearer {TOKEN}").parse()?),
            _children: {
                children.insert(0, Child(htq_child));
                children
            },
        };
        for alg in &env.args.sign {
            let algorithm = match alg.as_str() {
                "hmac" => pb::SigningAlgorithm::HmacSha256,
                "ed25519" => pb::SigningAlgorithm::Ed25519,
                other => anyhow::bail!("--sign: hmac or ed25519, not {other:?}"),
            };
            env.client(0)
                .create_signing_key(pb::CreateSigningKeyRequest {
                    queue: String::new(),
                    algorithm: algorithm as i32,
                })
                .await?;
        }
        Ok(env)
    }

    /// A client on one of a few shared HTTP/2 connections.
    pub fn client(&self, i: usize) -> Client {
        HtqServiceClient::with_interceptor(
            self.channels[i % self.channels.len()].clone(),
            self.bearer.clone(),
        )
    }

    pub async fn create_queue(
        &self,
        name: &str,
        max_concurrency: i32,
        paused: bool,
    ) -> anyhow::Result<()> {
        self.create_partitioned(name, max_concurrency, paused, 0)
            .await
    }

    /// A queue spread over `partitions` hash tags (0: one).
    pub async fn create_partitioned(
        &self,
        name: &str,
        max_concurrency: i32,
        paused: bool,
        partitions: i32,
    ) -> anyhow::Result<()> {
        self.client(0)
            .create_queue(pb::CreateQueueRequest {
                queue: Some(pb::Queue {
                    name: name.into(),
                    kind: pb::QueueKind::RealTime as i32,
                    max_concurrency,
                    paused,
                    partitions,
                    ..Default::default()
                }),
            })
            .await?;
        Ok(())
    }

    pub async fn set_paused(&self, name: &str, paused: bool) -> anyhow::Result<()> {
        self.client(0)
            .update_queue(pb::UpdateQueueRequest {
                queue: Some(pb::Queue {
                    name: name.into(),
                    paused,
                    ..Default::default()
                }),
                update_mask: Some(pbjson_types::FieldMask {
                    paths: vec!["paused".into()],
                }),
            })
            .await?;
        Ok(())
    }

    pub async fn delete_queue(&self, name: &str) -> anyhow::Result<()> {
        self.client(0)
            .delete_queue(pb::DeleteQueueRequest { name: name.into() })
            .await?;
        Ok(())
    }

    /// Runs the BullMQ peer; None when no peer is configured.
    pub async fn peer(&self, args: &[String]) -> anyhow::Result<Option<serde_json::Value>> {
        let Some(node_path) = &self.args.peer_node_path else {
            return Ok(None);
        };
        let run = tokio::process::Command::new("node")
            .arg(&self.args.peer_script)
            .args(args)
            .env("NODE_PATH", node_path)
            .env("REDIS_URL", &self.redis_url)
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(Duration::from_secs(600), run)
            .await
            .map_err(|_| anyhow::anyhow!("peer {args:?} did not finish in 10 minutes"))??;
        anyhow::ensure!(
            out.status.success(),
            "peer {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8(out.stdout)?;
        let v: serde_json::Value = serde_json::from_str(line.trim())?;
        if v["failures"].as_u64().unwrap_or(0) > 0 {
            eprintln!(
                "    peer {}: {} request(s) failed, first: {}",
                args[0], v["failures"], v["first_failure"]
            );
        }
        Ok(Some(v))
    }

    /// CPU seconds used so far by HTQ, Redis, and this process (the load generator
    /// and the sink).
    pub fn cpu(&self) -> Cpu {
        Cpu {
            htq: cpu_secs(self.htq_pid),
            redis: self.redis_pids.iter().map(|p| cpu_secs(*p)).sum(),
            bench: cpu_secs(std::process::id()),
            at: Instant::now(),
        }
    }

    /// Makes the slow log record every command from now on (`--profile`).
    pub async fn slowlog_start(&mut self) -> anyhow::Result<()> {
        redis::pipe()
            .cmd("CONFIG")
            .arg(&[
                "SET",
                "slowlog-log-slower-than",
                "0",
                "slowlog-max-len",
                "1000000",
            ])
            .ignore()
            .cmd("SLOWLOG")
            .arg("RESET")
            .ignore()
            .query_async::<()>(&mut self.redis)
            .await?;
        Ok(())
    }

    /// Redis's time per script function (or script sha) since
    /// [`Env::slowlog_start`], as "name: calls, µs per call, µs per task" lines; the
    /// slow log goes back to its default.
    pub async fn slowlog_profile(&mut self, tasks: usize) -> anyhow::Result<String> {
        type Entry = (i64, i64, i64, Vec<String>);
        // A long log takes a while to send: a connection without a reply timeout.
        let mut conn = redis::Client::open(self.redis_url.as_str())?
            .get_multiplexed_async_connection_with_config(
                &redis::AsyncConnectionConfig::new().set_response_timeout(None),
            )
            .await?;
        let entries: Vec<redis::Value> = redis::cmd("SLOWLOG")
            .arg(&["GET", "-1"])
            .query_async(&mut conn)
            .await?;
        redis::cmd("CONFIG")
            .arg(&[
                "SET",
                "slowlog-log-slower-than",
                "10000",
                "slowlog-max-len",
                "128",
            ])
            .query_async::<()>(&mut self.redis)
            .await?;
        let mut by: std::collections::BTreeMap<String, (u64, i64)> = Default::default();
        for e in entries {
            let redis::Value::Array(parts) = e else {
                continue;
            };
            let Ok((_, _, micros, args)) =
                redis::from_redis_value::<Entry>(redis::Value::Array(parts[..4].to_vec()))
            else {
                continue;
            };
            let cmd = args
                .first()
                .map(|a| a.to_ascii_lowercase())
                .unwrap_or_default();
            let name = match cmd.as_str() {
                "fcall" | "fcall_ro" | "evalsha" | "evalsha_ro" => {
                    args.get(1).cloned().unwrap_or_default()
                }
                _ => cmd,
            };
            let slot = by.entry(name).or_default();
            slot.0 += 1;
            slot.1 += micros;
        }
        let mut rows: Vec<_> = by.into_iter().collect();
        rows.sort_by_key(|(_, (_, us))| -us);
        Ok(rows
            .iter()
            .take(12)
            .map(|(name, (calls, us))| {
                format!(
                    "  {name}: {calls} calls, {:.1} µs per call, {:.1} µs per task",
                    *us as f64 / *calls as f64,
                    *us as f64 / tasks as f64
                )
            })
            .collect::<Vec<_>>()
            .join("\n"))
    }

    /// Redis INFO as a map.
    pub async fn info(
        &mut self,
        section: &str,
    ) -> anyhow::Result<std::collections::HashMap<String, String>> {
        let text: String = redis::cmd("INFO")
            .arg(section)
            .query_async(&mut self.redis)
            .await?;
        Ok(text
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
            .collect())
    }
}

/// A CPU-time snapshot, see [`Env::cpu`].
#[derive(Clone, Copy)]
pub struct Cpu {
    pub htq: f64,
    pub redis: f64,
    pub bench: f64,
    pub at: Instant,
}

impl Cpu {
    /// Percent of one core each used since `self`: (htq, redis, bench).
    pub fn share_since(&self, later: &Cpu) -> (f64, f64, f64) {
        let wall = later.at.duration_since(self.at).as_secs_f64().max(1e-9);
        let p = |a: f64, b: f64| (b - a) / wall * 100.0;
        (
            p(self.htq, later.htq),
            p(self.redis, later.redis),
            p(self.bench, later.bench),
        )
    }
}

/// User + system CPU seconds of a process, from /proc.
pub fn cpu_secs(pid: u32) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return f64::NAN;
    };
    // Fields after the command name (which may hold spaces) start after ") ".
    let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        f.get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    // utime and stime are fields 14 and 15 of the line, 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runs = args.runs.unwrap_or(if args.quick { 1 } else { 3 });
    let mut env = Env::start(args.clone()).await?;
    let report = scenarios::run_all(&mut env, runs).await?;
    std::fs::write(&args.out, &report)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!("{report}");
    Ok(())
}
