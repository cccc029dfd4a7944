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
//! (the delivery signing keys), and
//! `events.rs` (reading the event streams).

mod codec;
mod events;
mod indexes;
mod inspect;
mod keys;
mod pool;
mod queues;
mod reply;
mod schedules;
mod scripts;
mod signing;
mod tasks;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bb8::Pool;
use tracing::Instrument;

use crate::error::{Error, Result};
use crate::metrics::Metrics;

pub use codec::TaskStateJson;
pub use events::{StreamBounds, StreamId};
pub use indexes::{Index, Maintained, Recovered};
pub use keys::{Keys, QueueKeys};
use reply::Reply;
pub use schedules::{ScheduleDef, ScheduleRow, TickTaken};

use scripts::{NamedScript, Scripts};
pub use tasks::{Claim, ClaimedTask, Finish, NewRow, Outcome, Pushed};

/// Tuning of the store's recovery rules.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// Added to a queue's request timeout to form a lease.
    pub lease_margin: Duration,
    /// Leases of one task that may expire before it is dead-lettered.
    pub max_interruptions: u32,
    /// Expired leases taken back per script call.
    pub recover_batch: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            lease_margin: Duration::from_secs(5),
            max_interruptions: 5,
            recover_batch: 100,
        }
    }
}

/// A handle on HTQ's Redis data; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: Pool<pool::Manager>,
    client: redis::Client,
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
}

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
        let client =
            redis::Client::open(url).map_err(|e| Error::Storage(format!("bad Redis URL: {e}")))?;
        let manager = pool::Manager::new(client.clone());
        let pool = Pool::builder()
            .max_size(8)
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
            .await?;
        let store = Store {
            pool,
            client,
            keys: Keys::new(prefix),
            scripts: Arc::new(Scripts::new()),
            pid: uuid::Uuid::now_v7().simple().to_string().into(),
            opts,
            metrics,
            functions: Arc::new(AtomicBool::new(false)),
            settings: Arc::default(),
            trouble: Arc::default(),
        };
        store.ping().await?;
        store.load_functions().await?;
        store.encode_tags().await?;
        Ok(store)
    }

    /// Moves the keys of queues whose names hold `%`, `{` or `}` from the raw hash
    /// tag they had before names were encoded in keys to the encoded one
    /// ([`keys::tag`]). Idempotent, and nothing to do unless such a queue exists.
    async fn encode_tags(&self) -> Result<()> {
        let names = self.queue_names().await?;
        let mut conn = self.pool.get().await?;
        for name in names.iter().filter(|n| n.contains(['%', '{', '}'])) {
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
        let mut conn = self.pool.get().await?;
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

    /// Checks that Redis answers.
    pub async fn ping(&self) -> Result<()> {
        let _: String = self.query("ping", &redis::cmd("PING")).await?;
        Ok(())
    }

    /// Redis may have gone: whoever waits on [`Store::trouble`] looks now.
    pub fn note_trouble(&self) {
        self.trouble.notify_waiters();
    }

    /// Resolves at the next [`Store::note_trouble`].
    pub async fn trouble(&self) {
        self.trouble.notified().await
    }

    /// This process's id in wake messages (it ignores its own).
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

    /// A client for dedicated connections (pub/sub, blocking reads).
    pub fn client(&self) -> &redis::Client {
        &self.client
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
        self.timed(call.script.name, async {
            let mut conn = self.pool.get().await?;
            if self.functions.load(Ordering::Relaxed) {
                let mut pipe = redis::pipe();
                for cmd in &call.before {
                    pipe.add_command(cmd.clone()).ignore();
                }
                pipe.add_command(call.fcall());
                let first: redis::RedisResult<(T,)> = pipe.query_async(&mut *conn).await;
                return match first {
                    Err(e) if e.to_string().contains("Function not found") => {
                        drop(conn);
                        self.load_functions().await?;
                        let mut conn = self.pool.get().await?;
                        let (v,): (T,) = pipe.query_async(&mut *conn).await?;
                        Ok(v)
                    }
                    r => Ok(r?.0),
                };
            }
            let inv = call.invocation();
            if call.before.is_empty() {
                return Ok(inv.invoke_async(&mut *conn).await?);
            }
            let mut pipe = redis::pipe();
            for cmd in &call.before {
                pipe.add_command(cmd.clone()).ignore();
            }
            pipe.invoke_script(&inv);
            let first: redis::RedisResult<(T,)> = pipe.query_async(&mut *conn).await;
            match first {
                Ok((v,)) => Ok(v),
                Err(e)
                    if e.kind() == redis::ErrorKind::Server(redis::ServerErrorKind::NoScript) =>
                {
                    // The script is not cached yet (Redis restarted): load it and send
                    // the round trip again (its plain commands are idempotent).
                    inv.load_async(&mut *conn).await?;
                    let (v,): (T,) = pipe.query_async(&mut *conn).await?;
                    Ok(v)
                }
                Err(e) => Err(e.into()),
            }
        })
        .await
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
            let mut conn = self.pool.get().await?;
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
            let mut conn = self.pool.get().await?;
            Ok(pipe.query_async(&mut *conn).await?)
        })
        .await
    }
}
