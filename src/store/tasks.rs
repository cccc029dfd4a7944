//! A task's transitions: push, import, claim, finish, hand back, cancel, run now,
//! and the dead-letter set's retry and delete.

use std::sync::Arc;

use redis::Value;

use super::codec::{self, TaskStateJson};
use super::reply::{self, Code, Reply, int};
use super::scripts::NamedScript;
use super::{Call, Held, Store, inspect};
use crate::error::{Error, Result};
use crate::model::{Callbacks, HttpRequest, Queue, Task, TaskState};

/// Arguments per outcome of a finish (`W` in finish.lua).
const FINISH_WIDTH: usize = 9;

/// A task to store.
#[derive(Debug, Clone, Default)]
pub struct NewRow {
    /// Its id, unique in the queue.
    pub id: String,
    /// When it is due, ms.
    pub due_ms: i64,
    /// When it was created, ms.
    pub created_ms: i64,
    /// The request it performs.
    pub request: HttpRequest,
    /// Variable queues: the run count it starts with (import of legacy counters).
    pub run_count: u32,
    /// Its flow key, if any.
    pub flow_key: Option<String>,
    /// Its idempotency key, if any.
    pub idempotency_key: Option<String>,
    /// The trace context it was pushed in (W3C traceparent), if any.
    pub traceparent: Option<String>,
    /// HTQ deliveries that led to its push.
    pub hops: u32,
    /// Its own callbacks, if any.
    pub callbacks: Option<Callbacks>,
    /// It is itself a callback (its queue's callbacks do not apply to it).
    pub is_callback: bool,
}

impl NewRow {
    /// The encoded task the `tasks` hash keeps.
    pub(super) fn blob(&self) -> Vec<u8> {
        codec::encode_task(
            &self.id,
            &self.request,
            self.created_ms,
            self.due_ms,
            self.callbacks.as_ref(),
            self.is_callback,
        )
    }

    /// The state JSON a new task starts with ('' for none; see lua/prelude.lua).
    pub(super) fn initial_state(&self) -> String {
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
        if self.hops > 0 {
            st.insert("h".into(), self.hops.into());
        }
        // Which callbacks its final outcome has (see outbox in lua/prelude.lua).
        if self.is_callback {
            st.insert("c".into(), 0.into());
        } else if self.callbacks.is_some() {
            st.insert("c".into(), 1.into());
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
    pub queue: Arc<Queue>,
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
    /// Its own callbacks, if any.
    pub callbacks: Option<Callbacks>,
    /// It is itself a callback.
    pub is_callback: bool,
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

/// Which tasks a replay looks at (see [`Store::replay`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaySet {
    /// Dead tasks.
    Dead,
    /// Retained finished tasks of this kind: "s" succeeded, "c" cancelled, "" both.
    Finished(&'static str),
}

/// What a replayed task must match; each condition that is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayFilter {
    /// Dead-lettered or finished at or after (ms).
    pub since_ms: Option<i64>,
    /// ... before (ms).
    pub until_ms: Option<i64>,
    /// Its last reply's status.
    pub last_status: Option<u16>,
    /// Its flow key (a task without one never matches).
    pub flow_key: Option<String>,
}

/// One attempt's outcome, for [`Store::finish_many`].
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The task.
    pub id: String,
    /// The lease token its attempt held.
    pub token: String,
    /// How the attempt leaves it.
    pub finish: Finish,
    /// The attempt record (JSON of an [`crate::model::AttemptRecord`], '' none).
    pub record: String,
    /// When it succeeds or dies and has a callback for that: the outcome as the
    /// callback outbox keeps it (JSON of a [`crate::store::OutboxMeta`]), else ''.
    pub callback: String,
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

impl Store {
    /// Stores new tasks at `now`, all or none. With `create`, a missing queue is
    /// created with those settings in the same step. With `check_ids`, a batch
    /// holding an id that exists is refused (for ids callers chose; HTQ's own are
    /// unique by construction). Reports the queue's new earliest due time when the
    /// push moved it forward (the push then woke every dispatcher).
    pub async fn push(
        &self,
        queue: &str,
        tasks: &[NewRow],
        create: Option<&Queue>,
        check_ids: bool,
        now: i64,
    ) -> Result<Pushed> {
        let k = self.keys.queue(queue);
        let mut call = self.call(
            &self.scripts.push,
            &[&k.settings, &k.due, &k.tasks, &k.state],
        );
        self.push_args(&mut call, queue, tasks, create, check_ids, now);
        let pushed = Self::pushed(queue, self.run_coded(&call).await?)?;
        if pushed.created {
            self.announce_queue(queue).await;
        }
        Ok(pushed)
    }

    /// The pushes of several queues (`sections`: queue, rows, queue to create when
    /// missing) in one call, for one Redis; each is stored as [`Store::push`]
    /// stores it (ids HTQ made), and answered on its own.
    pub async fn push_multi(
        &self,
        sections: &[(&str, &[NewRow], Option<&Queue>)],
        now: i64,
    ) -> Result<Vec<Result<Pushed>>> {
        let mut keys = Vec::with_capacity(4 * sections.len());
        for (queue, _, _) in sections {
            let k = self.keys.queue(queue);
            keys.extend([k.settings, k.due, k.tasks, k.state]);
        }
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut call = self.call(&self.scripts.push_multi, &keys);
        call.arg(sections.len());
        for (queue, rows, create) in sections {
            let mut part = self.call(&self.scripts.push, &[]);
            self.push_args(&mut part, queue, rows, *create, false, now);
            call.arg(part.args.len());
            call.args.append(&mut part.args);
            call.before.append(&mut part.before);
        }
        let replies: Vec<Reply> = self.run(&call).await?;
        if replies.len() != sections.len() {
            return Err(Error::Internal(
                "push_multi: a reply per section expected".into(),
            ));
        }
        let mut out = Vec::with_capacity(sections.len());
        for ((queue, _, _), reply) in sections.iter().zip(replies) {
            let pushed = Self::pushed(queue, reply);
            if pushed.as_ref().is_ok_and(|p| p.created) {
                self.announce_queue(queue).await;
            }
            out.push(pushed);
        }
        Ok(out)
    }

    /// Push's arguments (see push.lua) for `tasks` of `queue`, and the index write
    /// that goes before a push that may create the queue.
    pub(super) fn push_args(
        &self,
        call: &mut Call<'_>,
        queue: &str,
        tasks: &[NewRow],
        create: Option<&Queue>,
        check_ids: bool,
        now: i64,
    ) {
        call.arg(self.wake_channel_of(queue))
            .arg(format!("{}\t{}\t", self.pid, queue))
            .arg(tasks.len());
        let fields = create.map(codec::queue_fields).unwrap_or_default();
        call.arg(fields.len());
        for (f, v) in &fields {
            call.arg(*f).arg(v);
        }
        call.arg(if check_ids { "1" } else { "0" }).arg(now);
        for t in tasks {
            call.arg(&t.id)
                .arg(t.due_ms)
                .arg(t.blob())
                .arg(t.initial_state())
                .arg(t.flow_key.as_deref().unwrap_or(""))
                .arg(t.idempotency_key.as_deref().unwrap_or(""));
        }
        if create.is_some() {
            // The index first (it may list a queue that is gone, never miss one), in
            // the same round trip as the script.
            call.before(
                redis::cmd("SADD")
                    .arg(self.keys.queues())
                    .arg(queue)
                    .clone(),
            );
        }
    }

    /// Decodes push's reply for `queue`.
    pub(super) fn pushed(queue: &str, reply: Reply) -> Result<Pushed> {
        match reply.code {
            Code::Done => {}
            Code::NoQueue => return Err(Error::NotFound(format!("queue {queue:?}"))),
            Code::Exists => {
                let id = reply::string(reply.get(0)?)?;
                return Err(Error::AlreadyExists(format!("task {id:?}")));
            }
            _ => return Err(reply.unexpected("push")),
        }
        let duplicates = reply
            .rest
            .get(3..)
            .unwrap_or_default()
            .chunks(2)
            .map(|c| match c {
                [i, id] => Ok((reply::int(i)? as usize - 1, reply::string(id)?)),
                _ => Err(Error::Internal("push: ragged reply".into())),
            })
            .collect::<Result<_>>()?;
        Ok(Pushed {
            earliest: reply::opt_ms(reply.get(0)?)?,
            created: reply::int(reply.get(1)?)? == 1,
            dedup_window_ms: Some(reply::int(reply.get(2)?)?).filter(|w| *w > 0),
            duplicates,
        })
    }

    /// Stores a task imported from a legacy HTQ Redis unless that id was imported
    /// into the queue before. True when stored now.
    pub async fn import_task(&self, queue: &str, row: &NewRow) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut call = self.call(
            &self.scripts.import_task,
            &[&k.settings, &k.due, &k.tasks, &k.state, &k.imported],
        );
        call.arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, row.due_ms))
            .arg(&row.id)
            .arg(row.due_ms)
            .arg(row.blob())
            .arg(row.initial_state());
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::Exists => Ok(false),
            Code::NoQueue => Err(Error::NotFound(format!("queue {queue:?}"))),
            _ => Err(reply.unexpected("import_task")),
        }
    }

    /// Leases up to `max` due tasks of `queue` at `now`; None when the queue is gone.
    ///
    /// With `note_lease`, the queue is first noted in the lease index at about the
    /// leases' deadline, ahead of the claim (in the same round trip on one Redis):
    /// a process that dies right after its claim leaves its tasks found by the
    /// lease sweep, and one that dies before leaves at worst an entry the sweep
    /// settles.
    pub async fn claim(
        &self,
        queue: &str,
        now: i64,
        max: u32,
        note_lease: bool,
    ) -> Result<Option<Claim>> {
        let held = self.held_settings(queue);
        let mut call = self.claim_call(&self.scripts.claim, queue);
        self.claim_args(&mut call, now, max, held.as_ref());
        if note_lease {
            let timeout = held
                .as_ref()
                .map_or(0, |(_, q)| q.request_timeout.as_millis() as i64);
            let at = now + timeout + self.opts.lease_margin.as_millis() as i64;
            call.before(
                redis::cmd("ZADD")
                    .arg(self.keys.leases())
                    .arg("LT")
                    .arg(at)
                    .arg(queue)
                    .clone(),
            );
        }
        let reply = self.run_coded(&call).await?;
        self.claimed(queue, held, reply)
    }

    /// Records `outcomes` of `queue` (see [`Store::finish_many`]), then leases up to
    /// `max` due tasks (see [`Store::claim`]), in one script call.
    pub async fn finish_claim(
        &self,
        queue: &str,
        now: i64,
        outcomes: &[Outcome],
        max: u32,
    ) -> Result<(Vec<bool>, Option<Claim>)> {
        let held = self.held_settings(queue);
        let mut call = self.claim_call(&self.scripts.finish_claim, queue);
        call.arg(4 + FINISH_WIDTH * outcomes.len());
        self.finish_args(&mut call, queue, now, outcomes);
        self.claim_args(&mut call, now, max, held.as_ref());
        let (finished, claimed): (Reply, Reply) = self.run(&call).await?;
        Ok((
            Self::finished(finished, outcomes.len())?,
            self.claimed(queue, held, claimed)?,
        ))
    }

    /// A call of `script` with a claim's keys of `queue` (see `claim.lua`).
    fn claim_call<'a>(&self, script: &'a NamedScript, queue: &str) -> Call<'a> {
        let k = self.keys.queue(queue);
        self.call(
            script,
            &[&k.settings, &k.due, &k.active, &k.tasks, &k.state, &k.dead],
        )
    }

    /// The arguments of a claim (see `claim.lua`).
    fn claim_args(&self, call: &mut Call<'_>, now: i64, max: u32, held: Option<&Held>) {
        call.arg(now)
            .arg(max)
            .arg(crate::model::ms(self.opts.lease_margin))
            .arg(self.opts.max_interruptions)
            .arg(self.opts.recover_batch)
            .arg(held.map_or("", |(v, _)| v.as_str()));
    }

    /// Decodes a claim's reply; `held` are the settings whose version it sent.
    fn claimed(&self, queue: &str, held: Option<Held>, reply: Reply) -> Result<Option<Claim>> {
        match reply.code {
            Code::Done => {}
            Code::NoQueue => {
                self.forget_settings(queue);
                return Ok(None);
            }
            _ => return Err(reply.unexpected("claim")),
        }
        let mut it = reply.rest.into_iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| Error::Internal("claim: short reply".into()))
        };
        let blocked = reply::int(&next()?)? == 1;
        let next_due = reply::opt_ms(&next()?)?;
        let next_lease = reply::opt_ms(&next()?)?;
        let settings: Vec<(String, String)> = redis::from_redis_value(next()?)
            .map_err(|e| Error::Internal(format!("claim settings: {e}")))?;
        let version = reply::string(&next()?)?;
        let queue_settings = match held {
            // Unchanged since we read them: only the version came back.
            Some((v, q)) if settings.is_empty() && v == version => q,
            _ => {
                let q = Arc::new(codec::decode_queue(queue, &settings)?);
                self.hold_settings(queue, version, q.clone());
                q
            }
        };
        let rest: Vec<Value> = it.collect();
        let mut tasks = Vec::with_capacity(rest.len() / 3);
        for chunk in rest.chunks(3) {
            let [id, blob, state] = chunk else {
                return Err(Error::Internal("claim: ragged reply".into()));
            };
            let id = reply::string(id)?;
            let t = codec::decode_task(&id, &reply::bytes(blob)?)?;
            tasks.push(ClaimedTask {
                id,
                request: t.request,
                created_ms: t.created_ms,
                due_ms: t.schedule_ms,
                callbacks: t.callbacks,
                is_callback: t.is_callback,
                state: TaskStateJson::parse(&reply::string(state)?)?,
            });
        }
        Ok(Some(Claim {
            blocked,
            next_due,
            next_lease,
            queue: queue_settings,
            tasks,
        }))
    }

    /// The settings of `queue` as the last claim returned them, with their version.
    fn held_settings(&self, queue: &str) -> Option<Held> {
        let held = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        held.get(queue).cloned()
    }

    fn hold_settings(&self, queue: &str, version: String, q: Arc<Queue>) {
        let mut held = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        held.insert(queue.to_owned(), (version, q));
    }

    fn forget_settings(&self, queue: &str) {
        let mut held = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        held.remove(queue);
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
        let one = Outcome {
            id: id.to_owned(),
            token: token.to_owned(),
            finish: outcome.clone(),
            record: record.to_owned(),
            callback: String::new(),
        };
        let held = self
            .finish_many(queue, now, std::slice::from_ref(&one))
            .await?;
        Ok(held.first().copied().unwrap_or(false))
    }

    /// [`Store::finish`] for several attempts of one queue in one script call: for
    /// each, whether its lease was still held (its outcome recorded).
    pub async fn finish_many(
        &self,
        queue: &str,
        now: i64,
        outcomes: &[Outcome],
    ) -> Result<Vec<bool>> {
        let k = self.keys.queue(queue);
        let mut call = self.call(
            &self.scripts.finish,
            &[&k.settings, &k.due, &k.active, &k.state],
        );
        self.finish_args(&mut call, queue, now, outcomes);
        Self::finished(self.run_coded(&call).await?, outcomes.len())
    }

    /// The arguments of a finish (see `finish.lua`).
    fn finish_args(&self, call: &mut Call<'_>, queue: &str, now: i64, outcomes: &[Outcome]) {
        call.arg(now)
            .arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, now))
            .arg(outcomes.len());
        for o in outcomes {
            let (mode, at, run_count, status, error) = match &o.finish {
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
            call.arg(mode)
                .arg(&o.id)
                .arg(&o.token)
                .arg(at)
                .arg(run_count)
                .arg(status)
                .arg(error)
                .arg(&o.record)
                .arg(&o.callback);
        }
    }

    /// Decodes a finish's reply for `n` outcomes.
    fn finished(reply: Reply, n: usize) -> Result<Vec<bool>> {
        if reply.code != Code::Done || reply.rest.len() != n {
            return Err(reply.unexpected("finish"));
        }
        reply.rest.iter().map(|v| Ok(int(v)? == 1)).collect()
    }

    /// Returns a task whose request this process cut off at shutdown: due again at
    /// once, the attempt not counted. False when the lease is no longer held.
    pub async fn hand_back(&self, queue: &str, id: &str, token: &str, now: i64) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.hand_back, &[&k.due, &k.active, &k.state]);
        call.arg(id)
            .arg(token)
            .arg(now)
            .arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, now));
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::LeaseLost => Ok(false),
            _ => Err(reply.unexpected("hand_back")),
        }
    }

    /// Up to about `count` entries of `queue`'s callback outbox from `cursor` (an
    /// HSCAN): the next cursor (0 at the end) and the entries (field, value).
    pub async fn outbox_scan(
        &self,
        queue: &str,
        cursor: u64,
        count: usize,
    ) -> Result<(u64, Vec<(String, Vec<u8>)>)> {
        let k = self.keys.queue(queue);
        self.query(
            "outbox_scan",
            redis::cmd("HSCAN")
                .arg(&k.outbox)
                .arg(cursor)
                .arg("COUNT")
                .arg(count),
        )
        .await
    }

    /// Removes entries of `queue`'s callback outbox once their callbacks are pushed.
    pub async fn outbox_remove(&self, queue: &str, fields: &[String]) -> Result<()> {
        if fields.is_empty() {
            return Ok(());
        }
        let k = self.keys.queue(queue);
        let _: i64 = self
            .query(
                "outbox_remove",
                redis::cmd("HDEL").arg(&k.outbox).arg(fields),
            )
            .await?;
        Ok(())
    }

    /// Removes a task that has not finished; returns it as it was, None when
    /// absent. FailedPrecondition when it finished already (and is retained).
    pub async fn cancel(&self, queue: &str, id: &str, now: i64) -> Result<Option<Task>> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.cancel, &[&k.settings, &k.tasks, &k.state]);
        call.arg(id)
            .arg(now)
            .arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, now));
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => {}
            Code::NotFound => return Ok(None),
            Code::Finished => {
                return Err(Error::FailedPrecondition(format!(
                    "task {id:?} has finished already"
                )));
            }
            _ => return Err(reply.unexpected("cancel")),
        }
        let located: &[Value; 4] = reply
            .rest
            .as_slice()
            .try_into()
            .map_err(|_| Error::Internal("cancel: short reply".into()))?;
        let mut task = inspect::located_task(queue, id, located, now)?;
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
        let mut call = self.call(&self.scripts.run_task, &[&k.settings, &k.tasks, &k.state]);
        call.arg(id)
            .arg(now)
            .arg(self.wake_channel_of(queue))
            .arg(self.wake_message(queue, now))
            .arg(if dead_only { "dead" } else { "" });
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => {
                let [at, blob, state] = reply.rest.as_slice() else {
                    return Err(Error::Internal("run_task: short reply".into()));
                };
                let at = reply::opt_ms(at)?.unwrap_or(now);
                inspect::build_task(queue, id.to_owned(), blob, state, "due", at, now).map(Some)
            }
            Code::WrongState => {
                let place = reply::string(reply.get(0)?)?;
                let what = match place.as_str() {
                    "active" => "its request is in flight",
                    "done" => "it has finished",
                    _ if dead_only => "it is not dead",
                    _ => "it is not waiting",
                };
                Err(Error::FailedPrecondition(format!("task {id:?}: {what}")))
            }
            Code::NotFound => Ok(None),
            _ => Err(reply.unexpected("run_task")),
        }
    }

    /// Puts every dead task of a queue back, due `now` with fresh attempts. Returns
    /// how many; None when the queue does not exist.
    pub async fn retry_all_dead(&self, queue: &str, now: i64) -> Result<Option<u64>> {
        const BATCH: i64 = 1000;
        let k = self.keys.queue(queue);
        let mut total = 0u64;
        loop {
            let mut call = self.call(&self.scripts.retry_dead, &[&k.settings, &k.state]);
            call.arg(now)
                .arg(BATCH)
                .arg(self.wake_channel_of(queue))
                .arg(self.wake_message(queue, now));
            let reply = self.run_coded(&call).await?;
            let n = match reply.code {
                Code::Done => reply::int(reply.get(0)?)?,
                Code::NoQueue => return Ok(None),
                _ => return Err(reply.unexpected("retry_dead")),
            };
            total += n as u64;
            if n < BATCH {
                return Ok(Some(total));
            }
        }
    }

    /// Replays the tasks of one set of `queue` (see [`Replay`]) that match
    /// `filter`, at most `limit`: (how many, whether the limit stopped it before
    /// the end of the range). None when the queue does not exist.
    pub async fn replay(
        &self,
        queue: &str,
        set: ReplaySet,
        filter: &ReplayFilter,
        limit: u64,
        now: i64,
    ) -> Result<Option<(u64, bool)>> {
        const WINDOW: i64 = 500;
        let k = self.keys.queue(queue);
        let (name, kind) = match set {
            ReplaySet::Dead => ("dead", ""),
            ReplaySet::Finished(kind) => ("done", kind),
        };
        let mut from = filter.since_ms.map_or("-inf".to_owned(), |v| v.to_string());
        // `until` is exclusive, and so is `now`: a task replayed here that dies
        // again before the last window is read is not replayed twice.
        let to = format!("({}", filter.until_ms.map_or(now, |v| v.min(now)));
        let status = filter.last_status.map_or(String::new(), |s| s.to_string());
        let (mut replayed, mut skip) = (0u64, 0i64);
        loop {
            let mut call = self.call(&self.scripts.replay, &[&k.settings, &k.state]);
            call.arg(now)
                .arg(name)
                .arg(kind)
                .arg(&from)
                .arg(&to)
                .arg(&status)
                .arg(if filter.flow_key.is_some() { "1" } else { "0" })
                .arg(filter.flow_key.as_deref().unwrap_or(""))
                .arg(skip)
                .arg(WINDOW)
                .arg(limit - replayed)
                .arg(self.wake_channel_of(queue))
                .arg(self.wake_message(queue, now));
            let reply = self.run_coded(&call).await?;
            if reply.code == Code::NoQueue {
                return Ok(None);
            }
            if reply.code != Code::Done {
                return Err(reply.unexpected("replay"));
            }
            let n = reply::int(reply.get(0)?)? as u64;
            let looked = reply::int(reply.get(1)?)?;
            let window = reply::int(reply.get(2)?)?;
            let last = reply::string(reply.get(3)?)?;
            let tail = reply::int(reply.get(4)?)?;
            replayed += n;
            // The next window starts at the last score looked at, past the
            // entries of that score left in place (more of them when the whole
            // window had the score it started at).
            if looked > 0 {
                skip = if last == from { skip + tail } else { tail };
                from = last;
            }
            // The range goes on past a full window.
            let rest = looked < window || window == WINDOW;
            if replayed >= limit || !rest {
                return Ok(Some((replayed, replayed >= limit && rest)));
            }
        }
    }

    /// Deletes one dead task; false when there is no such dead task.
    pub async fn delete_dead(&self, queue: &str, id: &str) -> Result<bool> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.delete_dead, &[&k.settings]);
        call.arg(id);
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::NotFound => Ok(false),
            _ => Err(reply.unexpected("delete_dead")),
        }
    }
}
