//! `htq push` and `htq task …`: push and schedule tasks, read, list and cancel them.

use htq::api::pb::{self, schedule_task_request::When};

use super::conn::{Conn, connect};
use super::output::{lines, show, task_detail, task_line};
use super::parse;

#[derive(clap::Subcommand)]
pub enum TaskCommand {
    /// Push a task due now, or after --delay (the same as `htq push`).
    Push(PushArgs),
    /// Push a task due at a time (RFC 3339, e.g. 2026-12-24T18:00:00Z).
    Schedule {
        #[command(flatten)]
        task: PushArgs,
        /// When it is due.
        #[arg(long)]
        at: String,
    },
    /// One task, with its attempts.
    Get { queue: String, id: String },
    /// A queue's tasks: in every state (active, due, scheduled, dead), or in the
    /// one --state names.
    List {
        queue: String,
        /// Only this state: scheduled, due, active or dead.
        #[arg(long)]
        state: Option<String>,
        /// At most this many tasks per state.
        #[arg(long, default_value_t = 100)]
        limit: i32,
        /// Only tasks whose URL contains this text.
        #[arg(long)]
        url_contains: Option<String>,
        /// Only tasks with this flow key.
        #[arg(long)]
        flow_key: Option<String>,
    },
    /// Cancel a task that has not finished.
    Cancel { queue: String, id: String },
    /// Run dead tasks and retained finished tasks again, as new attempts, those
    /// that match every filter given.
    Replay {
        queue: String,
        /// Only tasks in this state: dead, succeeded or cancelled.
        #[arg(long)]
        state: Option<String>,
        /// Only tasks that died or finished at or after this time (RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Only tasks that died or finished before this time (RFC 3339).
        #[arg(long)]
        until: Option<String>,
        /// Only tasks whose last reply had this HTTP status.
        #[arg(long)]
        status: Option<i32>,
        /// Only tasks with this flow key.
        #[arg(long)]
        flow_key: Option<String>,
        /// At most this many (default 1000, at most 10000).
        #[arg(long, default_value_t = 0)]
        limit: i32,
    },
}

#[derive(clap::Args)]
pub struct PushArgs {
    /// The queue.
    queue: String,
    /// The URL to call.
    url: String,
    /// HTTP method.
    #[arg(short = 'X', long, default_value = "GET")]
    method: String,
    /// A header, as "Name: value" (repeatable).
    #[arg(short = 'H', long = "header")]
    headers: Vec<String>,
    /// The body.
    #[arg(short, long)]
    data: Option<String>,
    /// Perform it after this many seconds instead of now.
    #[arg(long)]
    delay: Option<f64>,
    #[command(flatten)]
    callbacks: parse::CallbackArgs,
}

/// Runs `command` against the server `conn` names.
pub async fn run(conn: &Conn, command: TaskCommand) -> anyhow::Result<()> {
    match command {
        TaskCommand::Push(task) => push(conn, task, None).await,
        TaskCommand::Schedule { task, at } => push(conn, task, Some(&at)).await,
        TaskCommand::Get { queue, id } => {
            let request = pb::GetTaskRequest { queue, id };
            let t = connect(conn).await?.get_task(request).await?;
            show(conn.json, t.get_ref(), task_detail);
            Ok(())
        }
        TaskCommand::List {
            queue,
            state,
            limit,
            url_contains,
            flow_key,
        } => {
            let filter = (
                url_contains.unwrap_or_default(),
                flow_key.unwrap_or_default(),
            );
            list(conn, queue, state.as_deref(), limit, filter).await
        }
        TaskCommand::Replay {
            queue,
            state,
            since,
            until,
            status,
            flow_key,
            limit,
        } => {
            let time = |t: Option<String>| t.as_deref().map(parse::timestamp).transpose();
            let request = pb::ReplayTasksRequest {
                state: match state {
                    Some(s) => parse::task_state(&s)? as i32,
                    None => 0,
                },
                since: time(since)?,
                until: time(until)?,
                last_status: status.unwrap_or(0),
                flow_key: flow_key.unwrap_or_default(),
                limit,
                queue,
            };
            let r = connect(conn).await?.replay_tasks(request).await?;
            show(conn.json, r.get_ref(), |r| {
                let more = if r.more {
                    " (more match: run it again)"
                } else {
                    ""
                };
                format!("replayed {} tasks{more}", r.replayed)
            });
            Ok(())
        }
        TaskCommand::Cancel { queue, id } => {
            let request = pb::CancelTaskRequest { queue, id };
            let t = connect(conn).await?.cancel_task(request).await?;
            show(conn.json, t.get_ref(), |t| {
                format!("cancelled {}", task_line(t))
            });
            Ok(())
        }
    }
}

/// Prints up to `limit` of `queue`'s tasks in `state`, or in each state if none,
/// those whose URL contains `filter.0` and with flow key `filter.1` (when not empty).
async fn list(
    conn: &Conn,
    queue: String,
    state: Option<&str>,
    limit: i32,
    filter: (String, String),
) -> anyhow::Result<()> {
    use pb::TaskState::{Active, Dead, Due, Scheduled};
    let states = match state {
        None => vec![Active, Due, Scheduled, Dead],
        Some(state) => vec![parse::task_state(state)?],
    };
    let mut client = connect(conn).await?;
    let mut tasks = Vec::new();
    for state in states {
        let page = client
            .list_tasks(pb::ListTasksRequest {
                queue: queue.clone(),
                state: state as i32,
                page_size: limit,
                page_token: String::new(),
                url_contains: filter.0.clone(),
                flow_key: filter.1.clone(),
            })
            .await?
            .into_inner();
        tasks.extend(page.tasks);
    }
    show(conn.json, &tasks, |ts| {
        if ts.is_empty() {
            format!("no tasks in queue {queue}")
        } else {
            lines(ts, task_line)
        }
    });
    Ok(())
}

/// Pushes `task`, due now, after its `--delay`, or `at` (RFC 3339); prints its id.
pub async fn push(conn: &Conn, task: PushArgs, at: Option<&str>) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let PushArgs {
        queue,
        url,
        method,
        headers,
        data,
        delay,
        callbacks,
    } = task;
    let callbacks = callbacks.callbacks();
    let request = Some(pb::HttpRequest {
        method,
        url,
        headers: headers
            .iter()
            .map(|h| parse::header(h))
            .collect::<anyhow::Result<_>>()?,
        body: data.map(|d| pb::http_request::Body::Data(d.into_bytes())),
    });
    let when = match (at, delay) {
        (Some(at), _) => Some(When::ScheduleTime(parse::timestamp(at)?)),
        (None, Some(secs)) => Some(When::Delay(parse::duration(secs, "--delay")?)),
        (None, None) => None,
    };
    let reply = match when {
        None => client
            .push_task(pb::PushTaskRequest {
                queue,
                request,
                callbacks,
                ..Default::default()
            })
            .await?
            .into_inner(),
        Some(when) => client
            .schedule_task(pb::ScheduleTaskRequest {
                queue,
                request,
                when: Some(when),
                callbacks,
                ..Default::default()
            })
            .await?
            .into_inner(),
    };
    show(conn.json, &reply, |r| r.task_id.clone());
    Ok(())
}
