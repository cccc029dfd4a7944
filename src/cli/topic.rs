//! `htq topic …` and `htq publish`: topics, their endpoints, and publishing.

use htq::api::pb;

use super::conn::{Conn, connect};
use super::output::{enum_name, lines, show};
use super::parse;

#[derive(clap::Subcommand)]
pub enum TopicCommand {
    /// Create a topic.
    Create {
        /// The topic's name.
        name: String,
        /// An endpoint, as NAME=URL (repeatable).
        #[arg(short, long = "endpoint", value_name = "NAME=URL")]
        endpoints: Vec<String>,
        /// Pause an endpoint after this many failed attempts in a row (0: never).
        #[arg(long, default_value_t = 0)]
        pause_after_failures: i32,
        /// Attempts per message and endpoint (default 10).
        #[arg(long, default_value_t = 0)]
        max_attempts: i32,
    },
    /// Every topic, with its endpoints' health.
    List,
    /// One topic, with its endpoints' health.
    Get { name: String },
    /// Delete a topic and its endpoints' queues.
    Delete { name: String },
    /// Change a topic's settings; only those given change.
    Update {
        name: String,
        #[arg(long)]
        pause_after_failures: Option<i32>,
        #[arg(long)]
        max_attempts: Option<i32>,
    },
    /// Add an endpoint.
    AddEndpoint {
        topic: String,
        name: String,
        url: String,
        /// A header, as "Name: value" (repeatable).
        #[arg(short = 'H', long = "header")]
        headers: Vec<String>,
        /// Messages in flight at once (default 10).
        #[arg(long, default_value_t = 0)]
        max_concurrency: i32,
        /// Dispatches per second (0: no limit).
        #[arg(long, default_value_t = 0.0)]
        rate: f64,
    },
    /// Remove an endpoint and its queue.
    RemoveEndpoint { topic: String, name: String },
    /// Enable a disabled or paused endpoint.
    EnableEndpoint { topic: String, name: String },
}

#[derive(clap::Args)]
pub struct PublishArgs {
    /// The topic.
    topic: String,
    /// The body.
    #[arg(short, long)]
    data: Option<String>,
    /// A header, as "Name: value" (repeatable).
    #[arg(short = 'H', long = "header")]
    headers: Vec<String>,
    /// HTTP method (default POST).
    #[arg(short = 'X', long, default_value = "POST")]
    method: String,
    /// Within each endpoint's dedup window, a key seen before is not stored again.
    #[arg(long)]
    idempotency_key: Option<String>,
}

/// One topic as a few lines: its name, then each endpoint with its health.
fn topic_lines(t: &pb::Topic) -> String {
    let mut out = format!(
        "{}  ({} endpoints, pause after {} failures)",
        t.name,
        t.endpoints.len(),
        t.pause_after_failures
    );
    for e in &t.endpoints {
        let state = enum_name(
            pb::EndpointState::try_from(e.state)
                .ok()
                .map(|s| s.as_str_name()),
            "ENDPOINT_STATE_",
        );
        out.push_str(&format!(
            "\n  {:<20} {:<9} failures {:<4} {}",
            e.name, state, e.consecutive_failures, e.url
        ));
    }
    out
}

/// Runs `command` against the server `conn` names.
pub async fn run(conn: &Conn, command: TopicCommand) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let json = conn.json;
    let t = match command {
        TopicCommand::Create {
            name,
            endpoints,
            pause_after_failures,
            max_attempts,
        } => {
            let endpoints = endpoints
                .iter()
                .map(|e| {
                    let (name, url) = e
                        .split_once('=')
                        .ok_or_else(|| anyhow::anyhow!("--endpoint {e:?}: give NAME=URL"))?;
                    Ok(pb::Endpoint {
                        name: name.to_owned(),
                        url: url.to_owned(),
                        ..Default::default()
                    })
                })
                .collect::<anyhow::Result<_>>()?;
            let topic = pb::Topic {
                name,
                endpoints,
                pause_after_failures,
                retry: (max_attempts != 0).then(|| pb::RetryPolicy {
                    max_attempts,
                    ..Default::default()
                }),
                ..Default::default()
            };
            client
                .create_topic(pb::CreateTopicRequest { topic: Some(topic) })
                .await?
                .into_inner()
        }
        TopicCommand::List => {
            let all = client
                .list_topics(pb::ListTopicsRequest {})
                .await?
                .into_inner()
                .topics;
            show(json, &all, |all| {
                if all.is_empty() {
                    "no topics".to_owned()
                } else {
                    lines(all, topic_lines)
                }
            });
            return Ok(());
        }
        TopicCommand::Get { name } => client
            .get_topic(pb::GetTopicRequest { name })
            .await?
            .into_inner(),
        TopicCommand::Delete { name } => {
            client
                .delete_topic(pb::DeleteTopicRequest { name: name.clone() })
                .await?;
            show(json, &serde_json::json!({}), |_| format!("deleted {name}"));
            return Ok(());
        }
        TopicCommand::Update {
            name,
            pause_after_failures,
            max_attempts,
        } => {
            let mut paths = Vec::new();
            let mut topic = pb::Topic {
                name,
                ..Default::default()
            };
            if let Some(n) = pause_after_failures {
                topic.pause_after_failures = n;
                paths.push("pause_after_failures".to_owned());
            }
            if let Some(n) = max_attempts {
                topic.retry = Some(pb::RetryPolicy {
                    max_attempts: n,
                    ..Default::default()
                });
                paths.push("retry.max_attempts".to_owned());
            }
            anyhow::ensure!(!paths.is_empty(), "nothing to change: give a setting");
            client
                .update_topic(pb::UpdateTopicRequest {
                    topic: Some(topic),
                    update_mask: Some(pbjson_types::FieldMask { paths }),
                })
                .await?
                .into_inner()
        }
        TopicCommand::AddEndpoint {
            topic,
            name,
            url,
            headers,
            max_concurrency,
            rate,
        } => {
            let endpoint = pb::Endpoint {
                name,
                url,
                headers: headers
                    .iter()
                    .map(|h| parse::header(h))
                    .collect::<anyhow::Result<_>>()?,
                max_concurrency,
                max_dispatches_per_second: rate,
                ..Default::default()
            };
            client
                .add_endpoint(pb::AddEndpointRequest {
                    topic,
                    endpoint: Some(endpoint),
                })
                .await?
                .into_inner()
        }
        TopicCommand::RemoveEndpoint { topic, name } => client
            .remove_endpoint(pb::RemoveEndpointRequest {
                topic,
                endpoint: name,
            })
            .await?
            .into_inner(),
        TopicCommand::EnableEndpoint { topic, name } => client
            .enable_endpoint(pb::EnableEndpointRequest {
                topic,
                endpoint: name,
            })
            .await?
            .into_inner(),
    };
    show(json, &t, topic_lines);
    Ok(())
}

/// Publishes a message; prints its id and where it went.
pub async fn publish(conn: &Conn, args: PublishArgs) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let request = pb::PublishRequest {
        topic: args.topic,
        method: args.method,
        headers: args
            .headers
            .iter()
            .map(|h| parse::header(h))
            .collect::<anyhow::Result<_>>()?,
        body: args.data.map(pb::publish_request::Body::Text),
        idempotency_key: args.idempotency_key.unwrap_or_default(),
        ..Default::default()
    };
    let r = client.publish(request).await?.into_inner();
    show(conn.json, &r, |r| {
        let mut out = r.message_id.clone();
        for d in &r.deliveries {
            let what = if d.skipped {
                "skipped (disabled)"
            } else if d.duplicate {
                "duplicate"
            } else {
                "queued"
            };
            out.push_str(&format!("\n  {:<20} {what}", d.endpoint));
        }
        out
    });
    Ok(())
}
