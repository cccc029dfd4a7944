//! The command line's shape (`Cli`, `Command`) and `run`, which hands each subcommand
//! to its handler.

mod conn;
mod keys;
mod output;
mod parse;
mod queue;
mod serve;
mod task;
mod topic;
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
    /// Manage topics: endpoints a published message fans out to.
    Topic {
        #[command(flatten)]
        conn: Conn,
        #[command(subcommand)]
        command: topic::TopicCommand,
    },
    /// Publish a message to a topic: one task per endpoint.
    Publish {
        #[command(flatten)]
        conn: Conn,
        #[command(flatten)]
        message: topic::PublishArgs,
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
    /// Manage the keys that sign deliveries (Standard Webhooks).
    Keys {
        #[command(flatten)]
        conn: Conn,
        #[command(subcommand)]
        command: keys::KeysCommand,
    },
    /// Make a scoped API token for the tokens file (`htq serve --tokens-file`).
    Token {
        #[command(subcommand)]
        command: TokenCommand,
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
enum TokenCommand {
    /// Print a new random token (shown once) and its `[[token]]` entry, which holds
    /// only its SHA-256 digest: append the entry to the tokens file, hand the
    /// token to its user.
    New {
        /// Its name in logs and in /v1/whoami.
        #[arg(long)]
        name: String,
        /// read, write or admin.
        #[arg(long)]
        role: String,
        /// Queue name patterns it reaches (`*` for any run of characters);
        /// repeatable [default: every queue].
        #[arg(long = "queue")]
        queue: Vec<String>,
    },
}

/// A new token and its tokens-file entry, as text.
fn new_token(name: &str, role: &str, queues: &[String]) -> anyhow::Result<String> {
    anyhow::ensure!(
        matches!(role, "read" | "write" | "admin"),
        "--role: read, write or admin, not {role:?}"
    );
    let bytes: [u8; 32] = rand::random();
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let digest = htq::api::auth::hex(&htq::api::auth::digest(token.as_bytes()));
    let queues = if queues.is_empty() {
        vec!["*".to_owned()]
    } else {
        queues.to_vec()
    };
    let quoted: Vec<String> = queues
        .iter()
        .map(|q| toml::Value::String(q.clone()).to_string())
        .collect();
    Ok(format!(
        "# token (shown once): {token}\n[[token]]\nname = {}\nsha256 = \"{digest}\"\nrole = \"{role}\"\nqueues = [{}]\n",
        toml::Value::String(name.to_owned()),
        quoted.join(", ")
    ))
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
        Command::Topic { conn, command } => topic::run(&conn, command).await,
        Command::Publish { conn, message } => topic::publish(&conn, message).await,
        Command::Watch {
            conn,
            queue,
            cursor,
            count,
        } => watch::watch(&conn, queue, cursor, count).await,
        Command::Stats { conn, queue } => watch::stats(&conn, queue).await,
        Command::Keys { conn, command } => keys::run(&conn, command).await,
        Command::Token { command } => {
            let TokenCommand::New { name, role, queue } = command;
            print!("{}", new_token(&name, &role, &queue)?);
            Ok(())
        }
    }
}
