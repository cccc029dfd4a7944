//! Topics: a topic's definition (its endpoints' names, URLs and headers, and the
//! settings its endpoints' queues take) in one hash in its endpoints' slot, the
//! changes that write it together with those queues, the endpoints' health as
//! their queues keep it, and publishing (see lua/topic_change.lua and
//! lua/publish.lua).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::reply::{self, Code, Reply};
use super::{Store, codec};
use crate::error::{Error, Result};
use crate::model::ms;
use crate::model::{Endpoint, EndpointState, Queue, RetryPolicy, Topic};
use crate::store::{NewRow, Pushed};

/// A topic as stored, and the version its changes and publishes check.
#[derive(Debug, Clone)]
pub struct StoredTopic {
    /// The topic; its endpoints' limits and health are their queues' (see
    /// [`Store::endpoint_health`]).
    pub topic: Topic,
    /// Its version.
    pub version: String,
}

/// What a topic change does to one endpoint's queue.
#[derive(Debug, Clone)]
pub enum QueueChange {
    /// Create it with these settings (it must not exist).
    Create(Queue),
    /// Write these settings of it.
    Write(Queue),
    /// Delete it with its tasks.
    Delete,
}

/// How a topic change went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicChanged {
    /// Done; the topic's new version ('' once deleted).
    Done(String),
    /// The topic exists (creating it).
    TopicExists,
    /// Endpoint queue `i` (in the order given) exists.
    QueueExists(usize),
    /// No such topic.
    NoTopic,
    /// The topic changed since it was read.
    Stale,
}

/// How one endpoint's task of a publish went.
#[derive(Debug, Clone)]
pub enum Published {
    /// Stored (or found a duplicate).
    Pushed(Pushed),
    /// The endpoint is disabled: nothing stored.
    Skipped,
}

/// What a publish found.
#[derive(Debug)]
pub enum PublishOutcome {
    /// Stored; per endpoint in the order given.
    Done(Vec<Published>),
    /// No such topic.
    NoTopic,
    /// The topic changed since it was read.
    Stale,
}

/// A topic's definition as its hash keeps it (JSON).
#[derive(Serialize, Deserialize)]
struct Def {
    #[serde(rename = "e")]
    endpoints: Vec<EndpointDef>,
    #[serde(rename = "p", default)]
    pause_after: u32,
    #[serde(rename = "ma")]
    max_attempts: u32,
    #[serde(rename = "mi")]
    min_backoff_ms: u64,
    #[serde(rename = "mx")]
    max_backoff_ms: u64,
    #[serde(rename = "md")]
    max_doublings: u32,
    #[serde(rename = "t")]
    timeout_ms: u64,
    #[serde(rename = "c")]
    created_ms: i64,
}

#[derive(Serialize, Deserialize)]
struct EndpointDef {
    #[serde(rename = "n")]
    name: String,
    #[serde(rename = "u")]
    url: String,
    #[serde(rename = "h", default, skip_serializing_if = "Vec::is_empty")]
    headers: Vec<(String, String)>,
}

fn encode_def(t: &Topic) -> String {
    let def = Def {
        endpoints: t
            .endpoints
            .iter()
            .map(|e| EndpointDef {
                name: e.name.clone(),
                url: e.url.clone(),
                headers: e.headers.clone(),
            })
            .collect(),
        pause_after: t.pause_after_failures,
        max_attempts: t.retry.max_attempts,
        min_backoff_ms: ms(t.retry.min_backoff) as u64,
        max_backoff_ms: ms(t.retry.max_backoff) as u64,
        max_doublings: t.retry.max_doublings,
        timeout_ms: ms(t.request_timeout) as u64,
        created_ms: t.created_ms,
    };
    serde_json::to_string(&def).unwrap_or_default()
}

fn decode_def(name: &str, json: &str) -> Result<Topic> {
    let d: Def = serde_json::from_str(json)
        .map_err(|e| Error::Internal(format!("topic {name:?}: corrupt definition: {e}")))?;
    Ok(Topic {
        name: name.to_owned(),
        endpoints: d
            .endpoints
            .into_iter()
            .map(|e| Endpoint {
                name: e.name,
                url: e.url,
                headers: e.headers,
                ..Default::default()
            })
            .collect(),
        pause_after_failures: d.pause_after,
        retry: RetryPolicy {
            max_attempts: d.max_attempts,
            min_backoff: Duration::from_millis(d.min_backoff_ms),
            max_backoff: Duration::from_millis(d.max_backoff_ms),
            max_doublings: d.max_doublings,
        },
        request_timeout: Duration::from_millis(d.timeout_ms),
        created_ms: d.created_ms,
    })
}

impl Store {
    /// Every topic name, sorted (may include just-deleted names).
    pub async fn topic_names(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = self
            .query(
                "topic_names",
                redis::cmd("SMEMBERS").arg(self.keys.topics()),
            )
            .await?;
        names.sort();
        Ok(names)
    }

    /// Topic `name` as stored, None when it does not exist.
    pub async fn get_topic(&self, name: &str) -> Result<Option<StoredTopic>> {
        let (def, version): (Option<String>, Option<String>) = self
            .query(
                "get_topic",
                redis::cmd("HMGET")
                    .arg(self.keys.topic(name))
                    .arg("def")
                    .arg("ver"),
            )
            .await?;
        match (def, version) {
            (Some(def), Some(version)) => Ok(Some(StoredTopic {
                topic: decode_def(name, &def)?,
                version,
            })),
            _ => Ok(None),
        }
    }

    /// Fills in each endpoint's limits and health from its queue (an endpoint
    /// whose queue is gone reads as disabled).
    /// One round trip: the endpoints' queues share the topic's slot.
    pub async fn endpoint_health(&self, topic: &mut Topic) -> Result<()> {
        if topic.endpoints.is_empty() {
            return Ok(());
        }
        let mut pipe = redis::pipe();
        for e in &topic.endpoints {
            let k = self.keys.queue(&Topic::queue_of(&topic.name, &e.name));
            pipe.cmd("HMGET")
                .arg(&k.settings)
                .arg("max_concurrency")
                .arg("rate")
                .arg("off")
                .arg("off_at");
            pipe.cmd("HGET").arg(&k.stats).arg("cfail");
        }
        type Health = (
            (Option<u32>, Option<f64>, Option<String>, Option<i64>),
            Option<u32>,
        );
        let read: Vec<redis::Value> = self.query_pipe("endpoint_health", &pipe).await?;
        let bad = |e| Error::Storage(format!("endpoint health: {e}"));
        let mut read = read.into_iter();
        for e in &mut topic.endpoints {
            let (Some(settings), Some(fails)) = (read.next(), read.next()) else {
                return Err(Error::Storage("endpoint health: a short reply".into()));
            };
            let ((conc, rate, off, off_at), fails): Health = (
                redis::from_redis_value(settings).map_err(bad)?,
                redis::from_redis_value(fails).map_err(bad)?,
            );
            e.max_concurrency = conc.unwrap_or(0);
            e.rate = rate.unwrap_or(0.0);
            e.consecutive_failures = fails.unwrap_or(0);
            (e.state, e.state_reason) = match (conc, off.as_deref()) {
                (None, _) => (EndpointState::Disabled, "its queue is gone".to_owned()),
                (_, Some("gone")) => (EndpointState::Disabled, "answered 410 Gone".to_owned()),
                (_, Some(_)) => (
                    EndpointState::Paused,
                    "failed pause_after_failures attempts in a row".to_owned(),
                ),
                (_, None) => (EndpointState::Enabled, String::new()),
            };
            e.state_ms = if e.state == EndpointState::Enabled {
                0
            } else {
                off_at.unwrap_or(0)
            };
        }
        Ok(())
    }

    /// Creates (`version` None), changes or deletes (`topic` None) topic `name`,
    /// and its endpoints' queues (by name) as `queues` say, in one script call.
    pub async fn topic_change(
        &self,
        name: &str,
        version: Option<&str>,
        topic: Option<&Topic>,
        queues: &[(String, QueueChange)],
    ) -> Result<TopicChanged> {
        let mut keys = vec![self.keys.topic(name)];
        keys.extend(queues.iter().map(|(q, _)| self.keys.queue(q).settings));
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut call = self.call(&self.scripts.topic_change, &keys);
        call.arg(version.unwrap_or(""))
            .arg(topic.map(encode_def).unwrap_or_default());
        for (queue, change) in queues {
            match change {
                QueueChange::Create(q) | QueueChange::Write(q) => {
                    let mut fields = codec::queue_fields(q);
                    fields.push(("topic", name.to_owned()));
                    fields.push((
                        "pause_after",
                        topic.map_or(0, |t| t.pause_after_failures).to_string(),
                    ));
                    let what = if matches!(change, QueueChange::Create(_)) {
                        "new"
                    } else {
                        "set"
                    };
                    call.arg(what).arg(fields.len());
                    for (f, v) in fields {
                        call.arg(f).arg(v);
                    }
                    if what == "new" {
                        // The index first (it may list a queue that is gone, never
                        // miss one).
                        call.before(
                            redis::cmd("SADD")
                                .arg(self.keys.queues())
                                .arg(queue)
                                .clone(),
                        );
                    }
                }
                QueueChange::Delete => {
                    call.arg("del").arg(0);
                }
            }
        }
        if version.is_none() {
            call.before(redis::cmd("SADD").arg(self.keys.topics()).arg(name).clone());
        }
        let reply = self.run_coded(&call).await?;
        let changed = match reply.code {
            Code::Done => TopicChanged::Done(reply::string(reply.get(0)?)?),
            Code::Exists if reply.rest.is_empty() => TopicChanged::TopicExists,
            Code::Exists => TopicChanged::QueueExists(reply::int(reply.get(0)?)? as usize - 1),
            Code::NotFound => TopicChanged::NoTopic,
            Code::WrongState => TopicChanged::Stale,
            _ => return Err(reply.unexpected("topic_change")),
        };
        // A deleted topic leaves its index; a refused creation, the index entries
        // written for it (of queues that do not exist).
        let refused = !matches!(changed, TopicChanged::Done(_));
        if ((!refused && topic.is_none()) || (refused && version.is_none()))
            && changed != TopicChanged::TopicExists
        {
            let _: i64 = self
                .query(
                    "topic_change",
                    redis::cmd("SREM").arg(self.keys.topics()).arg(name),
                )
                .await?;
        }
        if refused {
            for (queue, change) in queues {
                if let QueueChange::Create(_) = change
                    && self.queue_partitions(queue).await?.is_none()
                {
                    let _: i64 = self
                        .query(
                            "topic_change",
                            redis::cmd("SREM").arg(self.keys.queues()).arg(queue),
                        )
                        .await?;
                }
            }
        }
        if matches!(changed, TopicChanged::Done(_)) {
            for (queue, change) in queues {
                match change {
                    QueueChange::Create(_) => self.announce_queue(queue).await,
                    QueueChange::Delete => {
                        let _: i64 = self
                            .query(
                                "topic_change",
                                redis::cmd("SREM").arg(self.keys.queues()).arg(queue),
                            )
                            .await?;
                    }
                    QueueChange::Write(_) => {}
                }
            }
        }
        Ok(changed)
    }

    /// Publishes to topic `name` as read at `version`: `sections` holds each
    /// endpoint's queue and its rows, in one script call.
    pub async fn publish(
        &self,
        name: &str,
        version: &str,
        sections: &[(&str, &[NewRow])],
        now: i64,
    ) -> Result<PublishOutcome> {
        let mut keys = vec![self.keys.topic(name)];
        for (queue, _) in sections {
            let k = self.keys.queue(queue);
            keys.extend([k.settings, k.due, k.tasks, k.state]);
        }
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut call = self.call(&self.scripts.publish, &keys);
        call.arg(version).arg(sections.len());
        for (queue, rows) in sections {
            let mut part = self.call(&self.scripts.push, &[]);
            self.push_args(&mut part, queue, rows, None, false, now);
            call.arg(part.args.len());
            call.args.append(&mut part.args);
        }
        let reply = self.run_coded(&call).await?;
        match reply.code {
            Code::Done => {}
            Code::NotFound => return Ok(PublishOutcome::NoTopic),
            Code::WrongState => return Ok(PublishOutcome::Stale),
            _ => return Err(reply.unexpected("publish")),
        }
        if reply.rest.len() != sections.len() {
            return Err(Error::Internal(
                "publish: a reply per endpoint expected".into(),
            ));
        }
        let mut out = Vec::with_capacity(sections.len());
        for ((queue, _), value) in sections.iter().zip(reply.rest) {
            let r: Reply = redis::FromRedisValue::from_redis_value(value)
                .map_err(|e| Error::Internal(format!("publish: {e}")))?;
            out.push(match r.code {
                Code::Skipped => Published::Skipped,
                _ => Published::Pushed(Self::pushed(queue, r)?),
            });
        }
        Ok(PublishOutcome::Done(out))
    }
}
