//! `htq queue …`: create, list, read, pause, resume, purge, update and delete queues.

use htq::api::pb;

use super::conn::{Client, Conn, connect};
use super::output::{lines, queue_line, show};
use super::parse;

#[derive(clap::Subcommand)]
pub enum QueueCommand {
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
        /// Keep no reply excerpt in the attempt history.
        #[arg(long)]
        hide_replies: bool,
        /// Spread the queue over this many hash tags (Redis Cluster shards); at
        /// most max-concurrency. Fixed once created.
        #[arg(long, default_value_t = 0)]
        partitions: i32,
        /// Follow 3xx replies (else a 3xx is a failure).
        #[arg(long)]
        follow_redirects: bool,
        /// Keep each attempt's response (headers and body) in its history.
        #[arg(long)]
        capture_responses: bool,
        /// Body bytes a captured response keeps (default 4096, at most 65536).
        #[arg(long, default_value_t = 0)]
        capture_body_bytes: i32,
        /// The callbacks of its tasks that name none of their own.
        #[command(flatten)]
        callbacks: parse::CallbackArgs,
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
    Update(UpdateArgs),
}

#[derive(clap::Args)]
pub struct UpdateArgs {
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
    /// Keep (false) or drop (true) reply excerpts in the attempt history.
    #[arg(long)]
    hide_replies: Option<bool>,
    /// Follow 3xx replies (true) or count them as failures (false).
    #[arg(long)]
    follow_redirects: Option<bool>,
    /// Keep each attempt's response (true) or a short excerpt only (false).
    #[arg(long)]
    capture_responses: Option<bool>,
    /// Body bytes a captured response keeps (0: the default, 4096).
    #[arg(long)]
    capture_body_bytes: Option<i32>,
    /// Replace the queue's callbacks with those these flags name.
    #[command(flatten)]
    callbacks: parse::CallbackArgs,
    /// Remove the queue's callbacks.
    #[arg(long, conflicts_with_all = ["on_success", "on_failure", "on_cancel", "callback_queue"])]
    no_callbacks: bool,
}

/// Runs `command` against the server `conn` names.
pub async fn run(conn: &Conn, command: QueueCommand) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let json = conn.json;
    match command {
        QueueCommand::Create {
            name,
            kind,
            max_concurrency,
            hide_replies,
            partitions,
            follow_redirects,
            capture_responses,
            capture_body_bytes,
            callbacks,
        } => {
            let q = pb::Queue {
                name,
                kind: parse::queue_kind(&kind)? as i32,
                max_concurrency,
                hide_replies,
                partitions,
                follow_redirects,
                capture_responses,
                capture_body_bytes,
                callbacks: callbacks.callbacks(),
                ..Default::default()
            };
            let request = pb::CreateQueueRequest { queue: Some(q) };
            let q = client.create_queue(request).await?.into_inner();
            show(json, &q, |q| format!("created {}", queue_line(q)));
        }
        QueueCommand::List => {
            let all = list(&mut client).await?;
            show(json, &all, |all| lines(all, queue_line));
        }
        QueueCommand::Get { name } => {
            let q = client.get_queue(pb::GetQueueRequest { name }).await?;
            show(json, q.get_ref(), queue_line);
        }
        QueueCommand::Pause { name } => {
            let q = client.pause_queue(pb::PauseQueueRequest { name }).await?;
            show(json, q.get_ref(), queue_line);
        }
        QueueCommand::Resume { name } => {
            let q = client.resume_queue(pb::ResumeQueueRequest { name }).await?;
            show(json, q.get_ref(), queue_line);
        }
        QueueCommand::Purge { name } => {
            let r = client.purge_queue(pb::PurgeQueueRequest { name }).await?;
            show(json, r.get_ref(), |r| format!("purged {} tasks", r.purged));
        }
        QueueCommand::Update(args) => {
            let q = client.update_queue(args.request()?).await?;
            show(json, q.get_ref(), queue_line);
        }
        QueueCommand::Delete { name } => {
            let request = pb::DeleteQueueRequest { name: name.clone() };
            let r = client.delete_queue(request).await?;
            show(json, r.get_ref(), |_| format!("deleted {name}"));
        }
    }
    Ok(())
}

/// Every queue, page after page.
async fn list(client: &mut Client) -> anyhow::Result<Vec<pb::Queue>> {
    let mut token = String::new();
    let mut all = Vec::new();
    loop {
        let page = client
            .list_queues(pb::ListQueuesRequest {
                page_size: 1000,
                page_token: token,
                read_mask: None,
            })
            .await?
            .into_inner();
        all.extend(page.queues);
        if page.next_page_token.is_empty() {
            return Ok(all);
        }
        token = page.next_page_token;
    }
}

impl UpdateArgs {
    /// The update: the settings given, and a mask naming them.
    fn request(self) -> anyhow::Result<pb::UpdateQueueRequest> {
        let mut q = pb::Queue {
            name: self.name,
            ..Default::default()
        };
        let mut paths = Vec::new();
        if let Some(v) = self.max_concurrency {
            q.max_concurrency = v;
            paths.push("max_concurrency".to_owned());
        }
        if let Some(v) = self.rate {
            q.max_dispatches_per_second = v;
            paths.push("max_dispatches_per_second".to_owned());
        }
        if let Some(v) = self.max_burst {
            q.max_burst = v;
            paths.push("max_burst".to_owned());
        }
        if let Some(v) = self.timeout {
            q.request_timeout = Some(parse::duration(v, "--timeout")?);
            paths.push("request_timeout".to_owned());
        }
        if let Some(v) = self.max_attempts {
            q.retry = Some(pb::RetryPolicy {
                max_attempts: v,
                ..Default::default()
            });
            paths.push("retry.max_attempts".to_owned());
        }
        if let Some(v) = self.hide_replies {
            q.hide_replies = v;
            paths.push("hide_replies".to_owned());
        }
        if let Some(v) = self.follow_redirects {
            q.follow_redirects = v;
            paths.push("follow_redirects".to_owned());
        }
        if let Some(v) = self.capture_responses {
            q.capture_responses = v;
            paths.push("capture_responses".to_owned());
        }
        if let Some(v) = self.capture_body_bytes {
            q.capture_body_bytes = v;
            paths.push("capture_body_bytes".to_owned());
        }
        let callbacks = self.callbacks.callbacks();
        if callbacks.is_some() || self.no_callbacks {
            q.callbacks = callbacks;
            paths.push("callbacks".to_owned());
        }
        anyhow::ensure!(!paths.is_empty(), "nothing to change: give a setting");
        Ok(pb::UpdateQueueRequest {
            queue: Some(q),
            update_mask: Some(pbjson_types::FieldMask { paths }),
        })
    }
}
