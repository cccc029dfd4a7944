//! The command line's shape (`Cli`, `Command`) and `run`, which hands each subcommand
//! to its handler.

mod conn;
mod output;
mod parse;
mod queue;
mod serve;
mod task;
mod watch;

use clap::{Parser, Subcommand};
use htq::config::ServeArgs;

use conn::Conn;
use queue::QueueCommand;
use task::{PushArgs, TaskCommand};

#[derive(Parser)]
#[command(
    name = "htq",
    version,
    about = "HTTP task queue: push HTTP requests, HTQ performs them later"
)]
pub struct Cli {
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

/// Runs the subcommand `cli` names.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve::serve(args).await,
        Command::MigrateLegacy {
            from,
            prefix,
            target,
        } => serve::migrate_legacy(&target, &from, prefix).await,
        Command::Queue { conn, command } => queue::run(&conn, command).await,
        Command::Push { conn, task } => task::push(&conn, task, None).await,
        Command::Task { conn, command } => task::run(&conn, command).await,
        Command::Watch {
            conn,
            queue,
            cursor,
            count,
        } => watch::watch(&conn, queue, cursor, count).await,
        Command::Stats { conn, queue } => watch::stats(&conn, queue).await,
    }
}
