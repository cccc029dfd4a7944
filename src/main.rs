//! The `htq` command line: `htq serve` runs the server; the other subcommands talk to
//! a running server over gRPC.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use htq::api::pb::{self, htq_service_client::HtqServiceClient};
use htq::config::{Config, ServeArgs};
use htq::server::{Server, TOKEN_FILE};
use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

/// mimalloc: faster than the system allocator on HTQ's many small, short-lived
/// buffers (measured in bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "htq",
    version,
    about = "HTTP task queue: push HTTP requests, HTQ performs them later"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (gRPC and HTTP on one port).
    Serve(ServeArgs),
    /// Manage queues.
    Queue {
        #[command(flatten)]
        conn: Conn,
        #[command(subcommand)]
        command: QueueCommand,
    },
    /// Import a legacy HTQ Redis (queues, tasks, variable counters) into HTQ's
    /// layout. Running it again creates nothing twice.
    MigrateLegacy {
        /// The legacy HTQ Redis, e.g. redis://127.0.0.1:6379/0.
        #[arg(long)]
        from: String,
        /// The legacy key prefix [default: the config's redis_key_prefix, or htq_].
        #[arg(long)]
        prefix: Option<String>,
        /// Where to write: the same settings as `htq serve`.
        #[command(flatten)]
        target: ServeArgs,
    },
    /// Push a task: an HTTP request HTQ performs later.
    Push {
        #[command(flatten)]
        conn: Conn,
        #[command(flatten)]
        task: PushArgs,
    },
    /// Read and manage tasks.
    Task {
        #[command(flatten)]
        conn: Conn,
        #[command(subcommand)]
        command: TaskCommand,
    },
    /// Follow a queue's events (every queue's without a name) as they happen.
    Watch {
        #[command(flatten)]
        conn: Conn,
        /// The queue; none: every queue.
        queue: Option<String>,
        /// Resume after this cursor.
        #[arg(long)]
        cursor: Option<String>,
        /// Stop after this many events.
        #[arg(long)]
        count: Option<usize>,
    },
    /// A queue's task counts by state.
    Stats {
        #[command(flatten)]
        conn: Conn,
        /// The queue.
        queue: String,
    },
}

#[derive(Subcommand)]
enum TaskCommand {
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
    },
    /// Cancel a task that has not finished.
    Cancel { queue: String, id: String },
}

/// How to reach a running server.
#[derive(clap::Args)]
struct Conn {
    /// The server's address.
    #[arg(
        long,
        env = "HTQ_SERVER",
        default_value = "http://127.0.0.1:5999",
        global = true
    )]
    server: String,
    /// API token; by default read from the data directory's token file.
    #[arg(long, env = "HTQ_TOKEN", global = true)]
    token: Option<String>,
    /// Where the server keeps its generated token.
    #[arg(
        long,
        env = "HTQ_DATA_DIR",
        default_value = "./htq-data",
        global = true
    )]
    data_dir: PathBuf,
    /// Print the server's answer as JSON (the contract's JSON mapping), for scripts.
    #[arg(long, global = true)]
    json: bool,
}

/// Prints `value` as one line of JSON when `json`, else as `human` says.
fn show<T: serde::Serialize>(json: bool, value: &T, human: impl FnOnce(&T) -> String) {
    if json {
        match serde_json::to_string(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("htq: cannot encode the answer: {e}"),
        }
    } else {
        println!("{}", human(value));
    }
}

fn queue_line(q: &pb::Queue) -> String {
    let kind = pb::QueueKind::try_from(q.kind)
        .map(|k| {
            k.as_str_name()
                .trim_start_matches("QUEUE_KIND_")
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    format!(
        "{:<30} {:<10} concurrency {:<5} {}",
        q.name,
        kind,
        q.max_concurrency,
        if q.paused { "paused" } else { "running" }
    )
}

#[derive(Subcommand)]
enum QueueCommand {
    /// Create a queue.
    Create {
        /// The queue's name.
        name: String,
        /// real_time, timing or variable.
        #[arg(long, default_value = "real_time")]
        kind: String,
        /// Tasks in flight at once (default 1: one after another).
        #[arg(long, default_value_t = 0)]
        max_concurrency: i32,
    },
    /// Every queue.
    List,
    /// One queue's settings.
    Get { name: String },
    /// Stop dispatch (pushes are still taken).
    Pause { name: String },
    /// Restart dispatch.
    Resume { name: String },
    /// Remove every task, keep the queue.
    Purge { name: String },
    /// Delete the queue and its tasks.
    Delete { name: String },
    /// Change settings; only those given change.
    Update {
        name: String,
        #[arg(long)]
        max_concurrency: Option<i32>,
        /// Dispatches per second; 0: no limit.
        #[arg(long)]
        rate: Option<f64>,
        #[arg(long)]
        max_burst: Option<i32>,
        /// Request timeout, seconds.
        #[arg(long)]
        timeout: Option<f64>,
        #[arg(long)]
        max_attempts: Option<i32>,
    },
}

#[derive(clap::Args)]
struct PushArgs {
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
}

/// Adds the bearer token to every call.
type AddToken =
    Box<dyn FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> + Send>;
type Client = HtqServiceClient<InterceptedService<Channel, AddToken>>;

async fn connect(conn: &Conn) -> anyhow::Result<Client> {
    let token = match &conn.token {
        Some(t) => t.clone(),
        None => {
            let path = conn.data_dir.join(TOKEN_FILE);
            std::fs::read_to_string(&path)
                .with_context(|| format!("no --token and cannot read {}", path.display()))?
                .trim()
                .to_owned()
        }
    };
    let header: MetadataValue<_> = format!("Bearer {token}").parse().context("bad token")?;
    let channel = Channel::from_shared(conn.server.clone())?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
        .with_context(|| format!("cannot connect to {}", conn.server))?;
    let intercept: AddToken = Box::new(move |mut req: tonic::Request<()>| {
        req.metadata_mut().insert("authorization", header.clone());
        Ok(req)
    });
    Ok(HtqServiceClient::with_interceptor(channel, intercept))
}

fn kind(name: &str) -> anyhow::Result<pb::QueueKind> {
    Ok(match name {
        "real_time" => pb::QueueKind::RealTime,
        "timing" => pb::QueueKind::Timing,
        "variable" => pb::QueueKind::Variable,
        other => anyhow::bail!("unknown kind {other:?}: real_time, timing or variable"),
    })
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let cfg = Config::resolve(&args)?;
    htq::telemetry::init(cfg.log_format);
    let server = Server::start(cfg).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    let stopped = server.stop().await;
    htq::telemetry::shutdown();
    stopped
}

async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = match signal(SignalKind::terminate()) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "cannot watch SIGTERM; Ctrl-C only");
            let _ = tokio::signal::ctrl_c().await;
            return;
        }
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::MigrateLegacy {
            from,
            prefix,
            target,
        } => {
            let cfg = Config::resolve(&target)?;
            htq::telemetry::init(cfg.log_format);
            let prefix = prefix.unwrap_or_else(|| cfg.legacy.key_prefix.clone());
            let (store, embedded) = htq::server::open_store(&cfg).await?;
            // No dispatcher here: a running `htq serve` on the same Redis hears of the
            // imported tasks on the wake channel.
            let (waker, _) = htq::dispatch::Waker::channel();
            let core = htq::server::core(&cfg, store, waker)?;
            let result = htq::legacy::import::run(&core, &from, &prefix).await;
            if let Some(e) = embedded {
                e.stop().await;
            }
            println!("{}", result?);
            Ok(())
        }
        Command::Queue { conn, command } => {
            let mut client = connect(&conn).await?;
            let json = conn.json;
            match command {
                QueueCommand::Create {
                    name,
                    kind: k,
                    max_concurrency,
                } => {
                    let q = client
                        .create_queue(pb::CreateQueueRequest {
                            queue: Some(pb::Queue {
                                name,
                                kind: kind(&k)? as i32,
                                max_concurrency,
                                ..Default::default()
                            }),
                        })
                        .await?
                        .into_inner();
                    show(json, &q, |q| format!("created {}", queue_line(q)));
                }
                QueueCommand::List => {
                    let mut token = String::new();
                    let mut all = Vec::new();
                    loop {
                        let page = client
                            .list_queues(pb::ListQueuesRequest {
                                page_size: 1000,
                                page_token: token,
                            })
                            .await?
                            .into_inner();
                        all.extend(page.queues);
                        if page.next_page_token.is_empty() {
                            break;
                        }
                        token = page.next_page_token;
                    }
                    show(json, &all, |all| {
                        all.iter().map(queue_line).collect::<Vec<_>>().join("\n")
                    });
                }
                QueueCommand::Get { name } => {
                    let q = client
                        .get_queue(pb::GetQueueRequest { name })
                        .await?
                        .into_inner();
                    show(json, &q, queue_line);
                }
                QueueCommand::Pause { name } => {
                    let q = client
                        .pause_queue(pb::PauseQueueRequest { name })
                        .await?
                        .into_inner();
                    show(json, &q, queue_line);
                }
                QueueCommand::Resume { name } => {
                    let q = client
                        .resume_queue(pb::ResumeQueueRequest { name })
                        .await?
                        .into_inner();
                    show(json, &q, queue_line);
                }
                QueueCommand::Purge { name } => {
                    let r = client
                        .purge_queue(pb::PurgeQueueRequest { name })
                        .await?
                        .into_inner();
                    show(json, &r, |r| format!("purged {} tasks", r.purged));
                }
                QueueCommand::Update {
                    name,
                    max_concurrency,
                    rate,
                    max_burst,
                    timeout,
                    max_attempts,
                } => {
                    let mut q = pb::Queue {
                        name,
                        ..Default::default()
                    };
                    let mut paths = Vec::new();
                    if let Some(v) = max_concurrency {
                        q.max_concurrency = v;
                        paths.push("max_concurrency".to_owned());
                    }
                    if let Some(v) = rate {
                        q.max_dispatches_per_second = v;
                        paths.push("max_dispatches_per_second".to_owned());
                    }
                    if let Some(v) = max_burst {
                        q.max_burst = v;
                        paths.push("max_burst".to_owned());
                    }
                    if let Some(v) = timeout {
                        let d = Duration::try_from_secs_f64(v)
                            .context("--timeout must be a non-negative number")?;
                        q.request_timeout = Some(pbjson_types::Duration {
                            seconds: d.as_secs() as i64,
                            nanos: d.subsec_nanos() as i32,
                        });
                        paths.push("request_timeout".to_owned());
                    }
                    if let Some(v) = max_attempts {
                        q.retry = Some(pb::RetryPolicy {
                            max_attempts: v,
                            ..Default::default()
                        });
                        paths.push("retry.max_attempts".to_owned());
                    }
                    anyhow::ensure!(!paths.is_empty(), "nothing to change: give a setting");
                    let q = client
                        .update_queue(pb::UpdateQueueRequest {
                            queue: Some(q),
                            update_mask: Some(pbjson_types::FieldMask { paths }),
                        })
                        .await?
                        .into_inner();
                    show(json, &q, queue_line);
                }
                QueueCommand::Delete { name } => {
                    let r = client
                        .delete_queue(pb::DeleteQueueRequest { name: name.clone() })
                        .await?
                        .into_inner();
                    show(json, &r, |_| format!("deleted {name}"));
                }
            }
            Ok(())
        }
        Command::Task { conn, command } => {
            let json = conn.json;
            let line = |t: &pb::Task| {
                let state = pb::TaskState::try_from(t.state)
                    .map(|s| {
                        s.as_str_name()
                            .trim_start_matches("TASK_STATE_")
                            .to_ascii_lowercase()
                    })
                    .unwrap_or_default();
                let url = t.request.as_ref().map(|r| r.url.as_str()).unwrap_or("");
                format!(
                    "{}  {:<10} attempts {:<3} {}  {}",
                    t.id, state, t.attempts, url, t.last_error
                )
            };
            match command {
                TaskCommand::Push(task) => return push(&conn, task, None).await,
                TaskCommand::Schedule { task, at } => return push(&conn, task, Some(&at)).await,
                TaskCommand::Get { queue, id } => {
                    let t = connect(&conn)
                        .await?
                        .get_task(pb::GetTaskRequest { queue, id })
                        .await?
                        .into_inner();
                    show(json, &t, |t| line(t));
                }
                TaskCommand::List {
                    queue,
                    state,
                    limit,
                } => {
                    use pb::TaskState::{Active, Dead, Due, Scheduled};
                    let states = match state {
                        None => vec![Active, Due, Scheduled, Dead],
                        Some(state) => {
                            let name = format!("TASK_STATE_{}", state.to_ascii_uppercase());
                            vec![pb::TaskState::from_str_name(&name).with_context(|| {
                                format!("unknown state {state:?}: scheduled, due, active or dead")
                            })?]
                        }
                    };
                    let mut client = connect(&conn).await?;
                    let mut tasks = Vec::new();
                    for state in states {
                        let page = client
                            .list_tasks(pb::ListTasksRequest {
                                queue: queue.clone(),
                                state: state as i32,
                                page_size: limit,
                                page_token: String::new(),
                            })
                            .await?
                            .into_inner();
                        tasks.extend(page.tasks);
                    }
                    show(json, &tasks, |ts| {
                        if ts.is_empty() {
                            format!("no tasks in queue {queue}")
                        } else {
                            ts.iter().map(line).collect::<Vec<_>>().join("\n")
                        }
                    });
                }
                TaskCommand::Cancel { queue, id } => {
                    let t = connect(&conn)
                        .await?
                        .cancel_task(pb::CancelTaskRequest { queue, id })
                        .await?
                        .into_inner();
                    show(json, &t, |t| format!("cancelled {}", line(t)));
                }
            }
            Ok(())
        }
        Command::Watch {
            conn,
            queue,
            cursor,
            count,
        } => {
            let mut client = connect(&conn).await?;
            let mut stream = client
                .watch_queue(pb::WatchQueueRequest {
                    queue: queue.unwrap_or_default(),
                    cursor: cursor.unwrap_or_default(),
                    ..Default::default()
                })
                .await?
                .into_inner();
            let mut seen = 0;
            while let Some(item) = stream.message().await? {
                use pb::watch_queue_response::Item;
                match item.item {
                    Some(Item::Event(e)) => {
                        show(conn.json, &e, |e| {
                            let kind = pb::EventKind::try_from(e.kind)
                                .map(|k| {
                                    k.as_str_name()
                                        .trim_start_matches("EVENT_KIND_")
                                        .to_ascii_lowercase()
                                })
                                .unwrap_or_default();
                            format!(
                                "{}  {:<12} {:<12} {}  {}",
                                e.cursor, e.queue, kind, e.task_id, e.error
                            )
                        });
                        seen += 1;
                        if count.is_some_and(|c| seen >= c) {
                            break;
                        }
                    }
                    Some(Item::Gap(g)) => show(conn.json, &g, |g| {
                        format!(
                            "(events missed in {}; going on after {})",
                            g.queue, g.resume_cursor
                        )
                    }),
                    _ => {}
                }
            }
            Ok(())
        }
        Command::Stats { conn, queue } => {
            let mut client = connect(&conn).await?;
            let c = client
                .count_tasks(pb::CountTasksRequest {
                    queue: queue.clone(),
                })
                .await?
                .into_inner();
            show(conn.json, &c, |c| {
                format!(
                    "{queue}: scheduled {} due {} active {} dead {} finished {} evicted {}",
                    c.scheduled, c.due, c.active, c.dead, c.finished, c.evicted
                )
            });
            Ok(())
        }
        Command::Push { conn, task } => push(&conn, task, None).await,
    }
}

/// Pushes `task`, due now, after its `--delay`, or `at` (RFC 3339); prints its id.
async fn push(conn: &Conn, task: PushArgs, at: Option<&str>) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let headers = task
        .headers
        .iter()
        .map(|h| {
            let (name, value) = h
                .split_once(':')
                .with_context(|| format!("header {h:?} is not \"Name: value\""))?;
            Ok(pb::Header {
                name: name.trim().to_owned(),
                value: value.trim().to_owned(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let request = Some(pb::HttpRequest {
        method: task.method,
        url: task.url,
        headers,
        body: task
            .data
            .map(|d| pb::http_request::Body::Data(d.into_bytes())),
    });
    let when = match (at, task.delay) {
        (Some(at), _) => {
            let t: jiff::Timestamp = at
                .parse()
                .with_context(|| format!("--at {at:?} is not an RFC 3339 time"))?;
            Some(pb::schedule_task_request::When::ScheduleTime(
                htq::api::wkt::Timestamp {
                    seconds: t.as_second(),
                    nanos: t.subsec_nanosecond(),
                },
            ))
        }
        (None, Some(secs)) => {
            let d = Duration::try_from_secs_f64(secs)
                .context("--delay must be a non-negative number")?;
            Some(pb::schedule_task_request::When::Delay(
                pbjson_types::Duration {
                    seconds: d.as_secs() as i64,
                    nanos: d.subsec_nanos() as i32,
                },
            ))
        }
        (None, None) => None,
    };
    let reply = match when {
        None => client
            .push_task(pb::PushTaskRequest {
                queue: task.queue,
                request,
                ..Default::default()
            })
            .await?
            .into_inner(),
        Some(when) => client
            .schedule_task(pb::ScheduleTaskRequest {
                queue: task.queue,
                request,
                when: Some(when),
                ..Default::default()
            })
            .await?
            .into_inner(),
    };
    show(conn.json, &reply, |r| r.task_id.clone());
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(status) = e.downcast_ref::<tonic::Status>() {
                eprintln!("htq: {:?}: {}", status.code(), status.message());
                // Scripts can tell errors apart: 10 + the gRPC code (NOT_FOUND: 15,
                // UNAUTHENTICATED: 26, UNAVAILABLE: 24, ...).
                return ExitCode::from(10 + status.code() as u8);
            }
            // The error can quote a URL (Redis's, a task's): never its password.
            eprintln!("htq: {}", htq::telemetry::redact_urls(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}
