//! The store: the only module that speaks Redis.
//!
//! Every state change of a task is one Lua script (see `lua/`, one file per
//! transition, each with a header listing KEYS, ARGV and return values). Time is
//! always passed in (`now`, in ms), so tests can run a script at a chosen instant.
//! Script return codes become typed results here and nowhere else.

mod codec;
mod events;
mod keys;
mod pool;
mod scripts;

use std::sync::Arc;
use std::time::Duration;

use bb8::Pool;
use redis::Value;

use crate::error::{Error, Result};
use crate::model::{HttpRequest, Queue, Task, TaskCounts, TaskState};

pub use codec::{StoredSchedule, TaskStateJson, decode_task, encode_task};
pub use events::{StreamBounds, StreamId};
pub use keys::{Keys, QueueKeys};
use scripts::Scripts;

/// Tuning of the store's recovery rules.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// Added to a queue's request timeout to form a lease.
    pub lease_margin: Duration,
    /// Leases of one task that may expire before it is dead-lettered.
    pub max_interruptions: u32,
    /// Expired leases taken back per script call.
    pub recover_batch: u32,
    /// Queues with a metrics label of their own (later ones share `other`).
    pub metrics_max_queues: usize,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            lease_margin: Duration::from_secs(5),
            max_interruptions: 5,
            recover_batch: 100,
            metrics_max_queues: 100,
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
    metrics: Arc<crate::metrics::Metrics>,
}

/// A task to store.
#[derive(Debug, Clone, Default)]
pub struct NewRow {
    /// Its id, unique in the queue.
    pub id: String,
    /// When it is due, ms.
    pub due_ms: i64,
    /// The encoded task ([`encode_task`]).
    pub blob: Vec<u8>,
    /// Variable queues: the run count it starts with (import of legacy counters).
    pub run_count: u32,
    /// Its flow key, if any.
    pub flow_key: Option<String>,
    /// Its idempotency key, if any.
    pub idempotency_key: Option<String>,
    /// The trace context it was pushed in (W3C traceparent), if any.
    pub traceparent: Option<String>,
}

impl NewRow {
    /// The state JSON a new task starts with ('' for none; see lua/prelude.lua).
    fn initial_state(&self) -> String {
        let mut st = serde_json::Map::new();
        if self.run_count > 0 {
            st.insert("r".into(), self.run_count.into());
        }
        if let Some(k) = &self.flow_key {
            st.insert("k".into(), k.clone().into());
        }
        if let Some(p) = &self.traceparent {
            st.insert("p".into(), p.clone().into());
        }
        if st.is_empty() {
            String::new()
        } else {
            serde_json::Value::Object(st).to_string()
        }
    }
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// The queue's new earliest due time, when the push moved it forward.
    pub earliest: Option<i64>,
    /// The push created the queue.
    pub created: bool,
    /// Tasks not stored because their idempotency key was seen within the window:
    /// (index in the batch, the first task's id).
    pub duplicates: Vec<(usize, String)>,
    /// The dedup window, when the push stored an idempotency key (it expires then).
    pub dedup_window_ms: Option<i64>,
}

/// What a claim handed out.
#[derive(Debug)]
pub struct Claim {
    /// Due work is waiting for a free slot (max_concurrency reached).
    pub blocked: bool,
    /// The earliest due time left in the queue, ms.
    pub next_due: Option<i64>,
    /// The earliest lease deadline of the queue's active tasks, ms.
    pub next_lease: Option<i64>,
    /// The queue's settings at claim time.
    pub queue: Queue,
    /// The tasks now leased to the caller.
    pub tasks: Vec<ClaimedTask>,
}

/// A task leased to a dispatcher.
#[derive(Debug, Clone)]
pub struct ClaimedTask {
    /// Task id.
    pub id: String,
    /// The request to perform.
    pub request: HttpRequest,
    /// Creation time, ms.
    pub created_ms: i64,
    /// Its state after the claim.
    pub state: TaskStateJson,
    /// When it was first due (its schedule time), ms.
    pub due_ms: i64,
}

impl ClaimedTask {
    /// The fencing token every finishing script checks (unique to this claim).
    pub fn token(&self) -> &str {
        &self.state.lease
    }

    /// This attempt's number (1 for the first).
    pub fn attempt(&self) -> u32 {
        self.state.attempts as u32
    }
}

/// A stored cron schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRow {
    /// Its name.
    pub name: String,
    /// The encoded definition ([`encode_schedule`]).
    pub def: StoredSchedule,
    /// Its next tick, ms; None once it will never tick again.
    pub next_ms: Option<i64>,
    /// The last tick that pushed a task, ms.
    pub last_ms: Option<i64>,
}

/// A global index of queue -> time (see the time indexes below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    /// When a queue's expired leases must be looked at.
    Leases,
    /// When a queue's dead letters, retained tasks or idempotency keys next expire.
    Maintenance,
}

/// How a finished attempt leaves its task.
#[derive(Debug, Clone, PartialEq)]
pub enum Finish {
    /// Done (with this reply status): remove the task, or retain it.
    Succeed { status: u16 },
    /// Try again at `at` (ms).
    Retry { at: i64, status: u16, error: String },
    /// Dead-letter it.
    Dead { status: u16, error: String },
    /// Variable queues: run again at `at` with this run count.
    Reschedule {
        at: i64,
        run_count: u32,
        status: u16,
        error: String,
    },
}

/// `script` with `keys` bound, in order (see each script's header).
fn with_keys<'a>(script: &'a redis::Script, keys: &[&String]) -> redis::ScriptInvocation<'a> {
    let mut inv = script.prepare_invoke();
    for k in keys {
        inv.key(k.as_str());
    }
    inv
}

fn value_str(v: &Value) -> Result<String> {
    redis::from_redis_value_ref::<String>(v)
        .map_err(|e| Error::Internal(format!("unexpected reply: {e}")))
}

fn value_bytes(v: &Value) -> Result<Vec<u8>> {
    redis::from_redis_value_ref::<Vec<u8>>(v)
        .map_err(|e| Error::Internal(format!("unexpected reply: {e}")))
}

fn value_i64(v: &Value) -> Result<i64> {
    redis::from_redis_value_ref::<i64>(v)
        .map_err(|e| Error::Internal(format!("unexpected reply: {e}")))
}

/// A score or '' from a script, as an optional ms time.
fn opt_ms(v: &Value) -> Result<Option<i64>> {
    let s = value_str(v)?;
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>()
        .map(|f| Some(f as i64))
        .map_err(|_| Error::Internal(format!("bad score {s:?}")))
}

fn array(v: Value) -> Result<Vec<Value>> {
    match v {
        Value::Array(items) => Ok(items),
        other => Err(Error::Internal(format!("expected an array, got {other:?}"))),
    }
}

impl Store {
    /// Connects to Redis at `url`, using keys under `prefix`.
    pub async fn connect(url: &str, prefix: &str, opts: StoreOptions) -> Result<Self> {
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
            metrics: Arc::new(crate::metrics::Metrics::new(opts.metrics_max_queues)),
        };
        store.ping().await?;
        Ok(store)
    }

    /// Checks that Redis answers.
    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.get().await?;
        let _: String = redis::cmd("PING").query_async(&mut *conn).await?;
        Ok(())
    }

    /// This process's id in wake messages (it ignores its own).
    pub fn pid(&self) -> &str {
        &self.pid
    }

    /// This server's metrics.
    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.metrics
    }

    /// Times a script call for the metrics.
    async fn timed<T>(
        &self,
        script: &str,
        call: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        use tracing::Instrument;
        let start = std::time::Instant::now();
        let r = call
            .instrument(tracing::info_span!("redis.script", script))
            .await;
        self.metrics.script(script, start.elapsed(), r.is_err());
        r
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

    /// Parses a wake message: (sender pid, queue, due time ms).
    pub fn parse_wake(msg: &str) -> Option<(&str, &str, i64)> {
        let mut it = msg.splitn(3, '\t');
        let pid = it.next()?;
        let queue = it.next()?;
        let at = it.next()?.parse().ok()?;
        Some((pid, queue, at))
    }

    // ---- queues -------------------------------------------------------------

    /// Creates a queue; false when the name is taken.
    pub async fn create_queue(&self, q: &Queue) -> Result<bool> {
        let k = self.keys.queue(&q.name);
        let mut conn = self.pool.get().await?;
        // The index first: it may list a name whose settings are gone (readers skip
        // those), never miss a queue that exists.
        let _: i64 = redis::cmd("SADD")
            .arg(self.keys.queues())
            .arg(&q.name)
            .query_async(&mut *conn)
            .await?;
        let mut inv = self.scripts.create_queue.key(&k.settings);
        for (f, v) in codec::queue_fields(q) {
            inv.arg(f).arg(v);
        }
        let created: i64 = inv.invoke_async(&mut *conn).await?;
        Ok(created == 1)
    }

    /// One queue's settings, None when it does not exist.
    pub async fn get_queue(&self, name: &str) -> Result<Option<Queue>> {
        let k = self.keys.queue(name);
        let mut conn = self.pool.get().await?;
        let fields: Vec<(String, String)> = redis::cmd("HGETALL")
            .arg(&k.settings)
            .query_async(&mut *conn)
            .await?;
        if fields.is_empty() {
            return Ok(None);
        }
        codec::decode_queue(name, &fields).map(Some)
    }

    /// Every queue name in the index, sorted (may include just-deleted names).
    pub async fn queue_names(&self) -> Result<Vec<String>> {
        let mut conn = self.pool.get().await?;
        let mut names: Vec<String> = redis::cmd("SMEMBERS")
            .arg(self.keys.queues())
            .query_async(&mut *conn)
            .await?;
        names.sort();
        Ok(names)
    }

    /// Writes the settings that differ between `old` and `new` (kind and creation
    /// time never change), so concurrent updates of different fields both land.
    /// False when the queue does not exist. Wakes every dispatcher.
    pub async fn update_queue(&self, old: &Queue, new: &Queue) -> Result<bool> {
        let k = self.keys.queue(&new.name);
        let before = codec::queue_fields(old);
        let mut inv = with_keys(&self.scripts.update_queue, &[&k.settings]);
        inv.arg(self.keys.wake_channel())
            .arg(self.wake_message(&new.name, 0));
        let mut changed = 0;
        for (f, v) in codec::queue_fields(new) {
            if f != "kind" && f != "created_ms" && !before.contains(&(f, v.clone())) {
                inv.arg(f).arg(v);
                changed += 1;
            }
        }
        if changed == 0 {
            // Nothing to write; still say whether the queue exists.
            return Ok(self.get_queue(&new.name).await?.is_some());
        }
        let mut conn = self.pool.get().await?;
        let updated: i64 = inv.invoke_async(&mut *conn).await?;
        Ok(updated == 1)
    }

    /// Deletes a queue and all its tasks; false when it does not exist.
    pub async fn delete_queue(&self, name: &str) -> Result<bool> {
        let k = self.keys.queue(name);
        let mut conn = self.pool.get().await?;
        let deleted: i64 = with_keys(&self.scripts.delete_queue, &[&k.settings])
            .invoke_async(&mut *conn)
            .await?;
        let _: i64 = redis::cmd("SREM")
            .arg(self.keys.queues())
            .arg(name)
            .query_async(&mut *conn)
            .await?;
        Ok(deleted == 1)
    }

    /// Removes every task of a queue and keeps the queue; None when it does not exist.
    pub async fn purge(&self, name: &str) -> Result<Option<u64>> {
        let k = self.keys.queue(name);
        let mut conn = self.pool.get().await?;
        let n: i64 = with_keys(&self.scripts.purge, &[&k.settings])
            .invoke_async(&mut *conn)
            .await?;
        Ok((n >= 0).then_some(n as u64))
    }

    // ---- tasks --------------------------------------------------------------

    /// Stores new tasks, all or none. With `create`, a missing queue is created with
    /// those settings in the same step. With `check_ids`, a batch holding an id that
    /// exists is refused (for ids callers chose; HTQ's own are unique by
    /// construction). Returns the queue's new earliest due time when the push moved it
    /// forward (the push then woke every dispatcher).
    pub async fn push(
        &self,
        queue: &str,
        tasks: &[NewRow],
        create: Option<&Queue>,
        check_ids: bool,
    ) -> Result<Pushed> {
        let k = self.keys.queue(queue);
        let mut inv = with_keys(
            &self.scripts.push,
            &[&k.settings, &k.due, &k.tasks, &k.state],
        );
        inv.arg(self.keys.wake_channel())
            .arg(format!("{}\t{}\t", self.pid, queue))
            .arg(tasks.len());
        let fields = create.map(codec::queue_fields).unwrap_or_default();
        inv.arg(fields.len());
        for (f, v) in &fields {
            inv.arg(*f).arg(v);
        }
        inv.arg(if check_ids { "1" } else { "0" })
            .arg(crate::model::now_ms());
        for t in tasks {
            inv.arg(&t.id)
                .arg(t.due_ms)
                .arg(t.blob.as_slice())
                .arg(t.initial_state())
                .arg(t.flow_key.as_deref().unwrap_or(""))
                .arg(t.idempotency_key.as_deref().unwrap_or(""));
        }
        let reply = self
            .timed("push", async {
                let mut conn = self.pool.get().await?;
                let reply = if create.is_some() {
                    // The index first (it may list a queue that is gone, never miss one), in
                    // the same round trip as the script.
                    let mut pipe = redis::pipe();
                    pipe.cmd("SADD")
                        .arg(self.keys.queues())
                        .arg(queue)
                        .ignore()
                        .invoke_script(&inv);
                    match pipe.query_async::<(Value,)>(&mut *conn).await {
                        Ok((v,)) => v,
                        Err(e)
                            if e.kind()
                                == redis::ErrorKind::Server(redis::ServerErrorKind::NoScript) =>
                        {
                            inv.invoke_async(&mut *conn).await?
                        }
                        Err(e) => return Err(e.into()),
                    }
                } else {
                    inv.invoke_async(&mut *conn).await?
                };
                Ok(reply)
            })
            .await?;
        let reply = array(reply)?;
        let created = reply.get(2).map(value_i64).transpose()? == Some(1);
        let dedup_window_ms = reply.get(3).map(value_i64).transpose()?.filter(|w| *w > 0);
        let duplicates = || -> Result<Vec<(usize, String)>> {
            reply
                .get(4..)
                .unwrap_or_default()
                .chunks(2)
                .map(|c| match c {
                    [i, id] => Ok((value_i64(i)? as usize - 1, value_str(id)?)),
                    _ => Err(Error::Internal("push: ragged reply".into())),
                })
                .collect()
        };
        match reply.first().map(value_i64).transpose()? {
            Some(1) => Ok(Pushed {
                earliest: reply.get(1).map(opt_ms).transpose()?.flatten(),
                created,
                duplicates: duplicates()?,
                dedup_window_ms,
            }),
            Some(0) => Ok(Pushed {
                earliest: None,
                created,
                duplicates: duplicates()?,
                dedup_window_ms,
            }),
            Some(-1) => Err(Error::NotFound(format!("queue {queue:?}"))),
            Some(-2) => {
                let id = reply.get(1).map(value_str).transpose()?.unwrap_or_default();
                Err(Error::AlreadyExists(format!("task {id:?}")))
            }
            other => Err(Error::Internal(format!("push returned {other:?}"))),
        }
    }

    /// Stores a task imported from a legacy HTQ Redis unless that id was imported
    /// into the queue before. True when stored now.
    pub async fn import_task(&self, queue: &str, row: &NewRow) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let n: i64 = with_keys(
            &self.scripts.import_task,
            &[&k.settings, &k.due, &k.tasks, &k.state, &k.imported],
        )
        .arg(self.keys.wake_channel())
        .arg(self.wake_message(queue, row.due_ms))
        .arg(&row.id)
        .arg(row.due_ms)
        .arg(row.blob.as_slice())
        .arg(row.initial_state())
        .invoke_async(&mut *conn)
        .await?;
        match n {
            -1 => Err(Error::NotFound(format!("queue {queue:?}"))),
            n => Ok(n == 1),
        }
    }

    /// Tasks waiting in a queue, scheduled or due (not in flight, not dead); 0 for an
    /// unknown queue.
    pub async fn count_waiting(&self, queue: &str) -> Result<u64> {
        // Waiting tasks with a flow key sit in their key's own set: count them all.
        let c = self.count_tasks(queue, crate::model::now_ms()).await?;
        Ok(c.scheduled + c.due)
    }

    /// Leases up to `max` due tasks of `queue` at `now`; None when the queue is gone.
    pub async fn claim(&self, queue: &str, now: i64, max: u32) -> Result<Option<Claim>> {
        let k = self.keys.queue(queue);
        let reply = self
            .timed("claim", async {
                let mut conn = self.pool.get().await?;
                let reply = array(
                    with_keys(
                        &self.scripts.claim,
                        &[&k.settings, &k.due, &k.active, &k.tasks, &k.state, &k.dead],
                    )
                    .arg(now)
                    .arg(max)
                    .arg(crate::model::ms(self.opts.lease_margin))
                    .arg(self.opts.max_interruptions)
                    .arg(self.opts.recover_batch)
                    .invoke_async(&mut *conn)
                    .await?,
                )?;
                Ok(reply)
            })
            .await?;
        let mut it = reply.into_iter();
        let code = it.next().as_ref().map(value_i64).transpose()?.unwrap_or(-1);
        if code == -1 {
            return Ok(None);
        }
        let next_due = it.next().as_ref().map(opt_ms).transpose()?.flatten();
        let next_lease = it.next().as_ref().map(opt_ms).transpose()?.flatten();
        let settings: Vec<(String, String)> = match it.next() {
            Some(v) => redis::from_redis_value(v)
                .map_err(|e| Error::Internal(format!("claim settings: {e}")))?,
            None => return Err(Error::Internal("claim: short reply".into())),
        };
        let queue_settings = codec::decode_queue(queue, &settings)?;
        let rest: Vec<Value> = it.collect();
        let mut tasks = Vec::with_capacity(rest.len() / 3);
        for chunk in rest.chunks(3) {
            let [id, blob, state] = chunk else {
                return Err(Error::Internal("claim: ragged reply".into()));
            };
            let id = value_str(id)?;
            let (request, created_ms, due_ms) = decode_task(&id, &value_bytes(blob)?)?;
            tasks.push(ClaimedTask {
                id,
                request,
                created_ms,
                due_ms,
                state: TaskStateJson::parse(&value_str(state)?)?,
            });
        }
        Ok(Some(Claim {
            blocked: code == 1,
            next_due,
            next_lease,
            queue: queue_settings,
            tasks,
        }))
    }

    /// Records the outcome of an attempt holding lease `token`, and the attempt in
    /// the task's history (`record`: JSON of an [`crate::model::AttemptRecord`], ''
    /// for none). False when the lease is no longer held (it expired and the task
    /// was claimed again, or the task or its queue was removed): the outcome is then
    /// discarded.
    pub async fn finish(
        &self,
        queue: &str,
        id: &str,
        token: &str,
        now: i64,
        outcome: &Finish,
        record: &str,
    ) -> Result<bool> {
        let k = self.keys.queue(queue);
        let (mode, at, run_count, status, error) = match outcome {
            Finish::Succeed { status } => ("succeed", 0, 0, *status, ""),
            Finish::Retry { at, status, error } => ("retry", *at, 0, *status, error.as_str()),
            Finish::Dead { status, error } => ("dead", 0, 0, *status, error.as_str()),
            Finish::Reschedule {
                at,
                run_count,
                status,
                error,
            } => ("reschedule", *at, *run_count, *status, error.as_str()),
        };
        let mut inv = with_keys(
            &self.scripts.finish,
            &[&k.settings, &k.due, &k.active, &k.state],
        );
        inv.arg(mode)
            .arg(id)
            .arg(token)
            .arg(now)
            .arg(at)
            .arg(run_count)
            .arg(status)
            .arg(error)
            .arg(self.keys.wake_channel())
            .arg(self.wake_message(queue, now))
            .arg(record);
        let done: i64 = self
            .timed("finish", async {
                let mut conn = self.pool.get().await?;
                Ok(inv.invoke_async(&mut *conn).await?)
            })
            .await?;
        Ok(done == 1)
    }

    /// Returns a task whose request this process cut off at shutdown: due again at
    /// once, the attempt not counted. False when the lease is no longer held.
    pub async fn hand_back(&self, queue: &str, id: &str, token: &str, now: i64) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let done: i64 = with_keys(&self.scripts.hand_back, &[&k.due, &k.active, &k.state])
            .arg(id)
            .arg(token)
            .arg(now)
            .arg(self.keys.wake_channel())
            .arg(self.wake_message(queue, now))
            .invoke_async(&mut *conn)
            .await?;
        Ok(done == 1)
    }

    /// Takes back a queue's tasks whose lease expired before `now`. Returns how many,
    /// and the earliest lease deadline still running.
    pub async fn recover(&self, queue: &str, now: i64) -> Result<(u64, Option<i64>)> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(
                &self.scripts.recover,
                &[&k.due, &k.active, &k.state, &k.dead],
            )
            .arg(now)
            .arg(self.opts.max_interruptions)
            .arg(self.opts.recover_batch)
            .arg(self.keys.wake_channel())
            .arg(self.wake_message(queue, now))
            .invoke_async(&mut *conn)
            .await?,
        )?;
        let n = reply.first().map(value_i64).transpose()?.unwrap_or(0);
        let next = reply.get(1).map(opt_ms).transpose()?.flatten();
        Ok((n.max(0) as u64, next))
    }

    fn build_task(
        queue: &str,
        id: String,
        blob: &Value,
        state: &Value,
        place: &str,
        score: i64,
        now: i64,
    ) -> Result<Task> {
        let (request, created_ms, schedule_ms) = decode_task(&id, &value_bytes(blob)?)?;
        let st = TaskStateJson::parse(&value_str(state)?)?;
        let (state, schedule_ms) = match place {
            "due" if score > now => (TaskState::Scheduled, score),
            "due" => (TaskState::Due, score),
            "active" => (TaskState::Active, schedule_ms),
            "done" if st.finished.as_deref() == Some("c") => (TaskState::Cancelled, schedule_ms),
            "done" => (TaskState::Succeeded, schedule_ms),
            _ => (TaskState::Dead, schedule_ms),
        };
        Ok(Task {
            id,
            queue: queue.to_owned(),
            request,
            schedule_ms,
            state,
            attempts: st.attempts as u32,
            last_status: st.status as u16,
            last_error: st.error,
            created_ms,
            last_attempt_ms: st.started_ms as i64,
            run_count: st.run_count as u32,
            flow_key: st.flow_key.unwrap_or_default(),
            history: Vec::new(),
            finished_ms: st.finished_ms as i64,
        })
    }

    /// One task; None when it does not exist (any more).
    pub async fn get_task(&self, queue: &str, id: &str, now: i64) -> Result<Option<Task>> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(&self.scripts.get_task, &[&k.settings, &k.tasks, &k.state])
                .arg(id)
                .invoke_async(&mut *conn)
                .await?,
        )?;
        let [blob, state, place, score, history] = reply.as_slice() else {
            return Ok(None);
        };
        let score = opt_ms(score)?.unwrap_or(0);
        let mut task = Self::build_task(
            queue,
            id.to_owned(),
            blob,
            state,
            &value_str(place)?,
            score,
            now,
        )?;
        let history = value_str(history)?;
        if !history.is_empty() {
            task.history = serde_json::from_str(&history)
                .map_err(|e| Error::Internal(format!("corrupt attempt history: {e}")))?;
        }
        Ok(Some(task))
    }

    /// One page of a queue's tasks in `state` (Scheduled, Due, Active or Dead).
    pub async fn list_tasks(
        &self,
        queue: &str,
        state: TaskState,
        now: i64,
        offset: u64,
        count: u32,
    ) -> Result<Vec<Task>> {
        let which = match state {
            TaskState::Scheduled => "scheduled",
            TaskState::Due => "due",
            TaskState::Active => "active",
            TaskState::Dead => "dead",
            _ => return Ok(Vec::new()),
        };
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(&self.scripts.list_tasks, &[&k.settings, &k.tasks, &k.state])
                .arg(which)
                .arg(now)
                .arg(offset)
                .arg(count)
                .invoke_async(&mut *conn)
                .await?,
        )?;
        let place = match state {
            TaskState::Active => "active",
            TaskState::Dead => "dead",
            _ => "due",
        };
        reply
            .chunks(4)
            .map(|c| match c {
                [id, score, blob, st] => {
                    let score = opt_ms(score)?.unwrap_or(0);
                    Self::build_task(queue, value_str(id)?, blob, st, place, score, now)
                }
                _ => Err(Error::Internal("list_tasks: ragged reply".into())),
            })
            .collect()
    }

    /// Task counts by state at `now`.
    pub async fn count_tasks(&self, queue: &str, now: i64) -> Result<TaskCounts> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let (scheduled, due, active, dead, finished, evicted): (u64, u64, u64, u64, u64, u64) =
            with_keys(&self.scripts.count_tasks, &[&k.settings])
                .arg(now)
                .invoke_async(&mut *conn)
                .await?;
        Ok(TaskCounts {
            scheduled,
            due,
            active,
            dead,
            finished,
            evicted,
        })
    }

    /// Removes a task that has not finished; returns it as it was, None when
    /// absent. FailedPrecondition when it finished already (and is retained).
    pub async fn cancel(&self, queue: &str, id: &str, now: i64) -> Result<Option<Task>> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(&self.scripts.cancel, &[&k.settings, &k.tasks, &k.state])
                .arg(id)
                .arg(now)
                .arg(self.keys.wake_channel())
                .arg(self.wake_message(queue, now))
                .invoke_async(&mut *conn)
                .await?,
        )?;
        if reply.first().map(value_i64).transpose()? == Some(-1) {
            return Err(Error::FailedPrecondition(format!(
                "task {id:?} has finished already"
            )));
        }
        let [_, blob, state, place, score] = reply.as_slice() else {
            return Ok(None);
        };
        let score = opt_ms(score)?.unwrap_or(0);
        let mut task = Self::build_task(
            queue,
            id.to_owned(),
            blob,
            state,
            &value_str(place)?,
            score,
            now,
        )?;
        task.state = TaskState::Cancelled;
        Ok(Some(task))
    }

    /// Moves a waiting task to the front of its queue, due now; a dead one goes
    /// back with fresh attempts. With `dead_only`, only a dead task is acted on.
    /// Returns the task as it is then; None when there is no such task.
    pub async fn run_task(
        &self,
        queue: &str,
        id: &str,
        now: i64,
        dead_only: bool,
    ) -> Result<Option<Task>> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(&self.scripts.run_task, &[&k.settings, &k.tasks, &k.state])
                .arg(id)
                .arg(now)
                .arg(self.keys.wake_channel())
                .arg(self.wake_message(queue, now))
                .arg(if dead_only { "dead" } else { "" })
                .invoke_async(&mut *conn)
                .await?,
        )?;
        match reply.first().map(value_i64).transpose()? {
            Some(1) => {
                let [_, at, blob, state] = reply.as_slice() else {
                    return Err(Error::Internal("run_task: short reply".into()));
                };
                let at = opt_ms(at)?.unwrap_or(now);
                Self::build_task(queue, id.to_owned(), blob, state, "due", at, now).map(Some)
            }
            Some(-1) => {
                let place = reply.get(1).map(value_str).transpose()?.unwrap_or_default();
                let what = match place.as_str() {
                    "active" => "its request is in flight",
                    "done" => "it has finished",
                    _ if dead_only => "it is not dead",
                    _ => "it is not waiting",
                };
                Err(Error::FailedPrecondition(format!("task {id:?}: {what}")))
            }
            _ => Ok(None),
        }
    }

    /// Puts every dead task of a queue back, due now with fresh attempts. Returns
    /// how many; None when the queue does not exist.
    pub async fn retry_all_dead(&self, queue: &str, now: i64) -> Result<Option<u64>> {
        let k = self.keys.queue(queue);
        let mut total = 0u64;
        loop {
            let mut conn = self.pool.get().await?;
            let n: i64 = with_keys(&self.scripts.retry_dead, &[&k.settings, &k.state])
                .arg(now)
                .arg(1000)
                .arg(self.keys.wake_channel())
                .arg(self.wake_message(queue, now))
                .invoke_async(&mut *conn)
                .await?;
            if n < 0 {
                return Ok(None);
            }
            total += n as u64;
            if n < 1000 {
                return Ok(Some(total));
            }
        }
    }

    /// Deletes one dead task; false when there is no such dead task.
    pub async fn delete_dead(&self, queue: &str, id: &str) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let n: i64 = with_keys(&self.scripts.delete_dead, &[&k.settings])
            .arg(id)
            .invoke_async(&mut *conn)
            .await?;
        Ok(n == 1)
    }

    /// Applies a queue's time bounds (dead-letter age and count, finished-task
    /// retention, the dedup window), at most `limit` items of each kind. Returns
    /// (dead tasks evicted, finished tasks removed, when the next item expires);
    /// None when the queue is gone.
    pub async fn maintain(
        &self,
        queue: &str,
        now: i64,
        limit: u32,
    ) -> Result<Option<(u64, u64, Option<i64>)>> {
        let k = self.keys.queue(queue);
        let mut conn = self.pool.get().await?;
        let reply = array(
            with_keys(&self.scripts.maintain, &[&k.settings])
                .arg(now)
                .arg(limit)
                .invoke_async(&mut *conn)
                .await?,
        )?;
        match reply.as_slice() {
            [evicted, removed, next] => Ok(Some((
                value_i64(evicted)? as u64,
                value_i64(removed)? as u64,
                opt_ms(next)?,
            ))),
            _ => Ok(None),
        }
    }

    // ---- cron schedules -----------------------------------------------------

    fn schedule_wake(&self) -> String {
        // A wake message without a queue: the schedules changed.
        format!("{}\t\t0", self.pid)
    }

    /// Creates a schedule ticking first at `first_ms`; false when the name is taken.
    pub async fn create_schedule(
        &self,
        name: &str,
        def: &StoredSchedule,
        first_ms: Option<i64>,
    ) -> Result<bool> {
        let mut conn = self.pool.get().await?;
        let created: i64 = self
            .scripts
            .create_schedule
            .key(self.keys.schedules())
            .key(self.keys.schedule_next())
            .arg(name)
            .arg(codec::encode_schedule(def))
            .arg(
                first_ms
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| "+inf".into()),
            )
            .arg(self.keys.wake_channel())
            .arg(self.schedule_wake())
            .invoke_async(&mut *conn)
            .await?;
        Ok(created == 1)
    }

    /// Deletes a schedule; false when it does not exist.
    pub async fn delete_schedule(&self, name: &str) -> Result<bool> {
        let mut conn = self.pool.get().await?;
        let n: i64 = self
            .scripts
            .delete_schedule
            .key(self.keys.schedules())
            .key(self.keys.schedule_next())
            .key(self.keys.schedule_last())
            .arg(name)
            .invoke_async(&mut *conn)
            .await?;
        Ok(n == 1)
    }

    /// Schedules by name, sorted, those named after `after`, at most `limit`.
    pub async fn schedules(&self, after: &str, limit: usize) -> Result<Vec<ScheduleRow>> {
        let mut conn = self.pool.get().await?;
        let mut names: Vec<String> = redis::cmd("HKEYS")
            .arg(self.keys.schedules())
            .query_async(&mut *conn)
            .await?;
        names.sort();
        names.retain(|n| n.as_str() > after);
        names.truncate(limit);
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            if let Some(row) = self.schedule_on(&mut conn, &name).await? {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// One schedule; None when it does not exist.
    pub async fn schedule(&self, name: &str) -> Result<Option<ScheduleRow>> {
        let mut conn = self.pool.get().await?;
        self.schedule_on(&mut conn, name).await
    }

    async fn schedule_on(
        &self,
        conn: &mut redis::aio::ConnectionManager,
        name: &str,
    ) -> Result<Option<ScheduleRow>> {
        let (def, next, last): (Option<Vec<u8>>, Option<f64>, Option<i64>) = redis::pipe()
            .cmd("HGET")
            .arg(self.keys.schedules())
            .arg(name)
            .cmd("ZSCORE")
            .arg(self.keys.schedule_next())
            .arg(name)
            .cmd("HGET")
            .arg(self.keys.schedule_last())
            .arg(name)
            .query_async(conn)
            .await?;
        let Some(def) = def else { return Ok(None) };
        Ok(Some(ScheduleRow {
            name: name.to_owned(),
            def: codec::decode_schedule(&def)?,
            next_ms: next.filter(|n| n.is_finite()).map(|n| n as i64),
            last_ms: last,
        }))
    }

    /// The earliest next tick of any schedule, ms.
    pub async fn next_schedule_tick(&self) -> Result<Option<i64>> {
        let mut conn = self.pool.get().await?;
        let first: Vec<(String, f64)> = redis::cmd("ZRANGE")
            .arg(self.keys.schedule_next())
            .arg(0)
            .arg(0)
            .arg("WITHSCORES")
            .query_async(&mut *conn)
            .await?;
        Ok(first
            .first()
            .filter(|(_, s)| s.is_finite())
            .map(|(_, s)| *s as i64))
    }

    /// Schedules whose next tick is at or before `now`: (name, tick ms).
    pub async fn due_schedules(&self, now: i64, limit: usize) -> Result<Vec<(String, i64)>> {
        let mut conn = self.pool.get().await?;
        let due: Vec<(String, f64)> = redis::cmd("ZRANGE")
            .arg(self.keys.schedule_next())
            .arg("-inf")
            .arg(now)
            .arg("BYSCORE")
            .arg("LIMIT")
            .arg(0)
            .arg(limit)
            .arg("WITHSCORES")
            .query_async(&mut *conn)
            .await?;
        Ok(due.into_iter().map(|(n, s)| (n, s as i64)).collect())
    }

    /// Takes tick `tick` of schedule `name` (see cron_tick.lua): moves it on to
    /// `next` and, with `task` (queue and row), pushes the task. Returns the
    /// script's code: 0 taken by another process, 1 pushed, 2 queue missing, 3
    /// skipped.
    pub async fn take_tick(
        &self,
        name: &str,
        tick: i64,
        next: Option<i64>,
        task: Option<(&str, &NewRow)>,
    ) -> Result<i64> {
        let queue = task.map(|(q, _)| q).unwrap_or("");
        let k = self.keys.queue(queue);
        let mut inv = self.scripts.cron_tick.prepare_invoke();
        inv.key(self.keys.schedule_next())
            .key(self.keys.schedule_last())
            .key(&k.settings)
            .key(&k.tasks)
            .key(&k.state)
            .arg(name)
            .arg(tick)
            .arg(next.map(|n| n.to_string()).unwrap_or_default());
        match task {
            Some((_, row)) => inv
                .arg("1")
                .arg(&row.id)
                .arg(row.blob.as_slice())
                .arg(row.initial_state())
                .arg(row.due_ms),
            None => inv.arg("0").arg("").arg("").arg("").arg(0),
        };
        inv.arg(self.keys.wake_channel())
            .arg(self.wake_message(queue, tick));
        let mut conn = self.pool.get().await?;
        Ok(inv.invoke_async(&mut *conn).await?)
    }

    // ---- the time indexes ---------------------------------------------------
    //
    // Two global sorted sets of queue -> time, with the same rules: `leases` (when a
    // queue's expired leases must be looked at) and `maint` (when a queue's dead
    // letters, retained tasks or idempotency keys next expire). Noting keeps the
    // earliest time; a sweeper takes a due entry atomically (one process wins) and
    // settles it afterwards.

    fn index_key(&self, index: Index) -> String {
        match index {
            Index::Leases => self.keys.leases(),
            Index::Maintenance => self.keys.maintenance(),
        }
    }

    /// Notes that `queue` needs a look in `index` at `at` (keeps the earliest).
    pub async fn note(&self, index: Index, queue: &str, at: i64) -> Result<()> {
        let mut conn = self.pool.get().await?;
        let _: i64 = redis::cmd("ZADD")
            .arg(self.index_key(index))
            .arg("LT")
            .arg(at)
            .arg(queue)
            .query_async(&mut *conn)
            .await?;
        Ok(())
    }

    /// Notes that `queue` has a lease ending at `deadline` (keeps the earliest).
    pub async fn note_lease(&self, queue: &str, deadline: i64) -> Result<()> {
        self.note(Index::Leases, queue, deadline).await
    }

    /// The earliest time in `index`, ms.
    pub async fn next_check(&self, index: Index) -> Result<Option<i64>> {
        let mut conn = self.pool.get().await?;
        let first: Vec<(String, f64)> = redis::cmd("ZRANGE")
            .arg(self.index_key(index))
            .arg(0)
            .arg(0)
            .arg("WITHSCORES")
            .query_async(&mut *conn)
            .await?;
        Ok(first.first().map(|(_, s)| *s as i64))
    }

    /// The earliest check time in the lease index, ms.
    pub async fn next_lease_check(&self) -> Result<Option<i64>> {
        self.next_check(Index::Leases).await
    }

    /// Queues in `index` whose time has come, at most `limit`.
    pub async fn checks_due(&self, index: Index, now: i64, limit: usize) -> Result<Vec<String>> {
        let mut conn = self.pool.get().await?;
        let names: Vec<String> = redis::cmd("ZRANGE")
            .arg(self.index_key(index))
            .arg("-inf")
            .arg(now)
            .arg("BYSCORE")
            .arg("LIMIT")
            .arg(0)
            .arg(limit)
            .query_async(&mut *conn)
            .await?;
        Ok(names)
    }

    /// Queues whose lease check time has come, at most `limit`.
    pub async fn lease_checks_due(&self, now: i64, limit: usize) -> Result<Vec<String>> {
        self.checks_due(Index::Leases, now, limit).await
    }

    /// Takes the entry of `queue` in `index` (see lease_index_take.lua).
    pub async fn take_check(
        &self,
        index: Index,
        queue: &str,
        now: i64,
        hold_until: i64,
    ) -> Result<bool> {
        let mut conn = self.pool.get().await?;
        let taken: i64 = self
            .scripts
            .lease_index_take
            .key(self.index_key(index))
            .arg(queue)
            .arg(now)
            .arg(hold_until)
            .invoke_async(&mut *conn)
            .await?;
        Ok(taken == 1)
    }

    /// Takes the lease check of `queue` (see lease_index_take.lua).
    pub async fn take_lease_check(&self, queue: &str, now: i64, hold_until: i64) -> Result<bool> {
        self.take_check(Index::Leases, queue, now, hold_until).await
    }

    /// Sets the next time of `queue` in `index` after a sweep (see
    /// lease_index_settle.lua).
    pub async fn settle_check(
        &self,
        index: Index,
        queue: &str,
        held: i64,
        next: Option<i64>,
    ) -> Result<()> {
        let mut conn = self.pool.get().await?;
        let _: i64 = self
            .scripts
            .lease_index_settle
            .key(self.index_key(index))
            .arg(queue)
            .arg(held)
            .arg(next.map(|n| n.to_string()).unwrap_or_default())
            .invoke_async(&mut *conn)
            .await?;
        Ok(())
    }

    /// Sets the next lease check of `queue` after a sweep (see lease_index_settle.lua).
    pub async fn settle_lease_check(
        &self,
        queue: &str,
        held: i64,
        next: Option<i64>,
    ) -> Result<()> {
        self.settle_check(Index::Leases, queue, held, next).await
    }
}
