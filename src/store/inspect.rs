//! Reads: one task, a page of tasks in one state, counts by state.

use redis::Value;

use super::Store;
use super::codec::{TaskStateJson, decode_task};
use super::reply::{self, Code};
use crate::error::{Error, Result};
use crate::model::{Task, TaskCounts, TaskState};

/// A task as reported, from its stored parts and where it is (`due`, `active`,
/// `dead` or `done`) with its score there.
pub(super) fn build_task(
    queue: &str,
    id: String,
    blob: &Value,
    state: &Value,
    place: &str,
    score: i64,
    now: i64,
) -> Result<Task> {
    let decoded = decode_task(&id, &reply::bytes(blob)?)?;
    let (request, created_ms, schedule_ms) =
        (decoded.request, decoded.created_ms, decoded.schedule_ms);
    let st = TaskStateJson::parse(&reply::string(state)?)?;
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
        callbacks: decoded.callbacks,
    })
}

/// A task from the values a script reports for it: encoded task, state JSON, where
/// it is, its score there.
pub(super) fn located_task(
    queue: &str,
    id: &str,
    [blob, state, place, score]: &[Value; 4],
    now: i64,
) -> Result<Task> {
    build_task(
        queue,
        id.to_owned(),
        blob,
        state,
        &reply::string(place)?,
        reply::opt_ms(score)?.unwrap_or(0),
        now,
    )
}

impl Store {
    /// One task as it is at `now`; None when it does not exist (any more).
    pub async fn get_task(&self, queue: &str, id: &str, now: i64) -> Result<Option<Task>> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.get_task, &[&k.settings, &k.tasks, &k.state]);
        call.arg(id);
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => {}
            Code::NotFound => return Ok(None),
            _ => return Err(reply.unexpected("get_task")),
        }
        let [located @ .., history] = reply.rest.as_slice() else {
            return Err(Error::Internal("get_task: short reply".into()));
        };
        let located: &[Value; 4] = located
            .try_into()
            .map_err(|_| Error::Internal("get_task: short reply".into()))?;
        let mut task = located_task(queue, id, located, now)?;
        let history = reply::string(history)?;
        if !history.is_empty() {
            task.history = serde_json::from_str(&history)
                .map_err(|e| Error::Internal(format!("corrupt attempt history: {e}")))?;
        }
        Ok(Some(task))
    }

    /// One page of a queue's tasks in `state` (Scheduled, Due, Active or Dead) at
    /// `now`.
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
            TaskState::Succeeded | TaskState::Cancelled => "done",
        };
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.list_tasks, &[&k.settings, &k.tasks, &k.state]);
        call.arg(which).arg(now).arg(offset).arg(count);
        let reply = self.run_coded(&call).await?;
        if reply.code != Code::Done {
            return Err(reply.unexpected("list_tasks"));
        }
        let place = match state {
            TaskState::Active => "active",
            TaskState::Dead => "dead",
            TaskState::Succeeded | TaskState::Cancelled => "done",
            _ => "due",
        };
        reply
            .rest
            .chunks(4)
            .map(|c| match c {
                [id, score, blob, st] => {
                    let score = reply::opt_ms(score)?.unwrap_or(0);
                    build_task(queue, reply::string(id)?, blob, st, place, score, now)
                }
                _ => Err(Error::Internal("list_tasks: ragged reply".into())),
            })
            .collect()
    }

    /// Task counts by state at `now`.
    pub async fn count_tasks(&self, queue: &str, now: i64) -> Result<TaskCounts> {
        Ok(self.queue_activity(queue, now).await?.0)
    }

    /// A queue's tasks by state at `now` (see [`Store::count_tasks`]) with the
    /// attempts it ever started and those that failed, in one call.
    pub async fn queue_activity(&self, queue: &str, now: i64) -> Result<(TaskCounts, u64, u64)> {
        let k = self.keys.queue(queue);
        let mut call = self.call(&self.scripts.count_tasks, &[&k.settings]);
        call.arg(now);
        let reply = self.run_coded(&call).await?;
        if reply.code != Code::Done {
            return Err(reply.unexpected("count_tasks"));
        }
        let n = |i| -> Result<u64> { Ok(reply::int(reply.get(i)?)?.max(0) as u64) };
        let counts = TaskCounts {
            scheduled: n(0)?,
            due: n(1)?,
            active: n(2)?,
            dead: n(3)?,
            finished: n(4)?,
            evicted: n(5)?,
        };
        Ok((counts, n(6)?, n(7)?))
    }

    /// Tasks waiting in a queue at `now`, scheduled or due (not in flight, not
    /// dead); 0 for an unknown queue.
    pub async fn count_waiting(&self, queue: &str, now: i64) -> Result<u64> {
        // Waiting tasks with a flow key sit in their key's own set: count them all.
        let c = self.count_tasks(queue, now).await?;
        Ok(c.scheduled + c.due)
    }
}
