//! Topics: their rules (names, endpoints, the settings each endpoint's queue takes)
//! and publishing, one task per endpoint and message in one script call.

use super::{Htq, QueueInput, validate};
use crate::error::{Error, Result};
use crate::model::{
    Body, Callbacks, DEFAULT_ENDPOINT_CONCURRENCY, Endpoint, HttpRequest, Queue, QueueKind, Topic,
    new_task_id, now_ms,
};
use crate::store::{NewRow, PublishOutcome, Published, QueueChange, StoredTopic, TopicChanged};

/// Most endpoints of one topic.
pub const MAX_ENDPOINTS: usize = 64;
/// Most messages of one PublishBatch.
pub const MAX_BATCH: usize = 500;
/// Most bytes of an endpoint's name.
const MAX_ENDPOINT_NAME: usize = 64;
/// Tries of a change or publish that found the topic changed since it was read.
const TRIES: usize = 5;

/// A topic's settings as given (None: keep, or the default when creating).
#[derive(Debug, Clone, Default)]
pub struct TopicInput {
    pub name: String,
    /// Its endpoints (creation only).
    pub endpoints: Vec<EndpointInput>,
    pub pause_after_failures: Option<i64>,
    /// The retry and request timeout fields its endpoints' queues take.
    pub queue: QueueInput,
}

/// An endpoint as given.
#[derive(Debug, Clone, Default)]
pub struct EndpointInput {
    pub name: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// Zero: the default (10).
    pub max_concurrency: i64,
    /// Zero: no limit.
    pub rate: f64,
}

/// A message to publish.
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// Empty: POST.
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Due after this many ms.
    pub delay_ms: i64,
    pub idempotency_key: Option<String>,
    pub callbacks: Option<Callbacks>,
}

/// One endpoint's task of a published message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub endpoint: String,
    pub queue: String,
    /// Empty when skipped.
    pub task_id: String,
    pub duplicate: bool,
    /// The endpoint is disabled: no task.
    pub skipped: bool,
}

/// A published message: its id and its deliveries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedMessage {
    pub id: String,
    pub deliveries: Vec<Delivery>,
}

/// `e` with its field renamed from the `from` prefix to `to`.
fn refield(e: Error, from: &str, to: &str) -> Error {
    match e {
        Error::InvalidArgument { field, reason } if field.starts_with(from) => {
            Error::InvalidArgument {
                field: format!("{to}{}", &field[from.len()..]),
                reason,
            }
        }
        e => e,
    }
}

/// A topic's name: a queue name without `#`.
fn topic_name(field: &str, name: &str) -> Result<()> {
    validate::name(field, name)?;
    if name.contains(Topic::MARK) {
        return Err(Error::invalid(field, "must not contain '#'"));
    }
    Ok(())
}

/// An endpoint's name: 1 to 64 of A-Z a-z 0-9 _ . -
fn endpoint_name(field: &str, name: &str) -> Result<()> {
    if name.is_empty()
        || name.len() > MAX_ENDPOINT_NAME
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    {
        return Err(Error::invalid(
            field,
            format!("must be 1 to {MAX_ENDPOINT_NAME} of A-Z a-z 0-9 _ . -"),
        ));
    }
    Ok(())
}

impl Htq {
    /// The queue of `endpoint` of topic `t`: a real-time queue with the topic's
    /// retries, timeout and the endpoint's limits. `field`: how errors name it.
    fn endpoint_queue(t: &Topic, e: &EndpointInput, field: &str) -> Result<Queue> {
        let mut q = Queue::new(Topic::queue_of(&t.name, &e.name), QueueKind::RealTime);
        q.retry = t.retry;
        q.request_timeout = t.request_timeout;
        let limits = QueueInput {
            // 0: the endpoints' default, not the queues'.
            max_concurrency: Some(match e.max_concurrency {
                0 => DEFAULT_ENDPOINT_CONCURRENCY.into(),
                n => n,
            }),
            rate: Some(e.rate),
            ..Default::default()
        };
        Self::apply(&mut q, &limits).map_err(|err| refield(err, "queue.", &format!("{field}.")))?;
        q.created_ms = now_ms();
        Ok(q)
    }

    /// An endpoint as given, checked: its name, URL and headers.
    fn endpoint(e: EndpointInput, field: &str) -> Result<EndpointInput> {
        endpoint_name(&format!("{field}.name"), &e.name)?;
        let req = validate::request(
            field,
            HttpRequest {
                method: "POST".into(),
                url: e.url,
                headers: e.headers,
                body: Body::Empty,
            },
            0,
        )?;
        Ok(EndpointInput {
            url: req.url,
            headers: req.headers,
            ..e
        })
    }

    /// The topic-level settings of `input` applied to `t`.
    fn apply_topic(t: &mut Topic, input: &TopicInput) -> Result<()> {
        if let Some(n) = input.pause_after_failures {
            t.pause_after_failures = validate::count("topic.pause_after_failures", n, 1_000_000)?;
        }
        let mut q = Queue::new("", QueueKind::RealTime);
        q.retry = t.retry;
        q.request_timeout = t.request_timeout;
        let settings = QueueInput {
            request_timeout_ms: input.queue.request_timeout_ms,
            max_attempts: input.queue.max_attempts,
            min_backoff_ms: input.queue.min_backoff_ms,
            max_backoff_ms: input.queue.max_backoff_ms,
            max_doublings: input.queue.max_doublings,
            ..Default::default()
        };
        Self::apply(&mut q, &settings).map_err(|e| refield(e, "queue.", "topic."))?;
        t.retry = q.retry;
        t.request_timeout = q.request_timeout;
        Ok(())
    }

    /// Creates a topic and its endpoints' queues.
    pub async fn create_topic(&self, input: TopicInput) -> Result<Topic> {
        topic_name("topic.name", &input.name)?;
        if input.endpoints.len() > MAX_ENDPOINTS {
            return Err(Error::invalid(
                "topic.endpoints",
                format!("at most {MAX_ENDPOINTS}"),
            ));
        }
        let defaults = Queue::new("", QueueKind::RealTime);
        let mut t = Topic {
            name: input.name.clone(),
            endpoints: Vec::new(),
            pause_after_failures: 0,
            retry: defaults.retry,
            request_timeout: defaults.request_timeout,
            created_ms: now_ms(),
        };
        Self::apply_topic(&mut t, &input)?;
        let mut queues = Vec::new();
        for (i, e) in input.endpoints.into_iter().enumerate() {
            let field = format!("topic.endpoints[{i}]");
            let e = Self::endpoint(e, &field)?;
            if t.endpoints.iter().any(|x| x.name == e.name) {
                return Err(Error::invalid(format!("{field}.name"), "named twice"));
            }
            let q = Self::endpoint_queue(&t, &e, &field)?;
            queues.push((q.name.clone(), QueueChange::Create(q)));
            t.endpoints.push(Endpoint {
                name: e.name,
                url: e.url,
                headers: e.headers,
                ..Default::default()
            });
        }
        t.endpoints.sort_by(|a, b| a.name.cmp(&b.name));
        match self
            .store
            .topic_change(&t.name, None, Some(&t), &queues)
            .await?
        {
            TopicChanged::Done(_) => {}
            TopicChanged::TopicExists => {
                return Err(Error::AlreadyExists(format!("topic {:?}", t.name)));
            }
            TopicChanged::QueueExists(i) => {
                return Err(Error::AlreadyExists(format!("queue {:?}", queues[i].0)));
            }
            other => return Err(Error::Internal(format!("create_topic: {other:?}"))),
        }
        tracing::info!(topic = %t.name, endpoints = t.endpoints.len(), "topic created");
        self.get_topic(&t.name).await
    }

    /// Topic `name` as stored, NotFound when there is none.
    async fn stored_topic(&self, name: &str) -> Result<StoredTopic> {
        self.store
            .get_topic(name)
            .await?
            .ok_or_else(|| Error::NotFound(format!("topic {name:?}")))
    }

    /// A topic with its endpoints' limits and health.
    pub async fn get_topic(&self, name: &str) -> Result<Topic> {
        topic_name("name", name)?;
        let mut t = self.stored_topic(name).await?.topic;
        self.store.endpoint_health(&mut t).await?;
        Ok(t)
    }

    /// Every topic `reach` lets through, in name order (the others are not read).
    pub async fn list_topics(&self, reach: &(dyn Fn(&str) -> bool + Sync)) -> Result<Vec<Topic>> {
        let mut out = Vec::new();
        for name in self.store.topic_names().await? {
            if !reach(&name) {
                continue;
            }
            if let Some(s) = self.store.get_topic(&name).await? {
                let mut t = s.topic;
                self.store.endpoint_health(&mut t).await?;
                out.push(t);
            }
        }
        Ok(out)
    }

    /// Applies `change` to the stored topic `name` and writes it with the queue
    /// changes it returns, again when the topic changed meanwhile.
    async fn change_topic<F>(&self, name: &str, change: F) -> Result<()>
    where
        F: Fn(&mut Topic) -> Result<Vec<(String, QueueChange)>>,
    {
        for _ in 0..TRIES {
            let s = self.stored_topic(name).await?;
            let mut t = s.topic;
            let queues = change(&mut t)?;
            match self
                .store
                .topic_change(name, Some(&s.version), Some(&t), &queues)
                .await?
            {
                TopicChanged::Done(_) => return Ok(()),
                TopicChanged::Stale => continue,
                TopicChanged::NoTopic => return Err(Error::NotFound(format!("topic {name:?}"))),
                TopicChanged::QueueExists(i) => {
                    return Err(Error::AlreadyExists(format!("queue {:?}", queues[i].0)));
                }
                TopicChanged::TopicExists => {
                    return Err(Error::Internal("change_topic: exists".into()));
                }
            }
        }
        Err(Error::ResourceExhausted(format!(
            "topic {name:?} keeps changing; try again"
        )))
    }

    /// Changes a topic's settings; its endpoints' queues take them.
    pub async fn update_topic(&self, input: TopicInput) -> Result<Topic> {
        topic_name("topic.name", &input.name)?;
        // The endpoints' queues as they are, each with the new settings.
        let mut queues = Vec::new();
        let current = self.stored_topic(&input.name).await?.topic;
        let mut t = current.clone();
        Self::apply_topic(&mut t, &input)?;
        let names: Vec<String> = current
            .endpoints
            .iter()
            .map(|e| Topic::queue_of(&t.name, &e.name))
            .collect();
        for (name, q) in names.iter().zip(self.store.get_queues(&names).await?) {
            if let Some(mut q) = q {
                q.retry = t.retry;
                q.request_timeout = t.request_timeout;
                queues.push((name.clone(), q));
            }
        }
        self.change_topic(&input.name, |stored| {
            Self::apply_topic(stored, &input)?;
            Ok(queues
                .iter()
                .filter(|(_, q)| {
                    stored
                        .endpoints
                        .iter()
                        .any(|e| Topic::queue_of(&stored.name, &e.name) == q.name)
                })
                .map(|(n, q)| (n.clone(), QueueChange::Write(q.clone())))
                .collect())
        })
        .await?;
        self.get_topic(&input.name).await
    }

    /// Deletes a topic and its endpoints' queues.
    pub async fn delete_topic(&self, name: &str) -> Result<()> {
        topic_name("name", name)?;
        for _ in 0..TRIES {
            let s = self.stored_topic(name).await?;
            let queues: Vec<(String, QueueChange)> = s
                .topic
                .endpoints
                .iter()
                .map(|e| (Topic::queue_of(name, &e.name), QueueChange::Delete))
                .collect();
            match self
                .store
                .topic_change(name, Some(&s.version), None, &queues)
                .await?
            {
                TopicChanged::Done(_) => {
                    for (q, _) in &queues {
                        self.routes.forget(q);
                    }
                    tracing::info!(topic = %name, "topic deleted");
                    return Ok(());
                }
                TopicChanged::Stale => continue,
                TopicChanged::NoTopic => return Err(Error::NotFound(format!("topic {name:?}"))),
                other => return Err(Error::Internal(format!("delete_topic: {other:?}"))),
            }
        }
        Err(Error::ResourceExhausted(format!(
            "topic {name:?} keeps changing; try again"
        )))
    }

    /// Adds an endpoint and its queue to a topic.
    pub async fn add_endpoint(&self, topic: &str, e: EndpointInput) -> Result<Topic> {
        topic_name("topic", topic)?;
        let e = Self::endpoint(e, "endpoint")?;
        self.change_topic(topic, |t| {
            if t.endpoints.iter().any(|x| x.name == e.name) {
                return Err(Error::AlreadyExists(format!(
                    "endpoint {:?} of topic {topic:?}",
                    e.name
                )));
            }
            if t.endpoints.len() >= MAX_ENDPOINTS {
                return Err(Error::invalid(
                    "endpoint",
                    format!("a topic has at most {MAX_ENDPOINTS} endpoints"),
                ));
            }
            let q = Self::endpoint_queue(t, &e, "endpoint")?;
            t.endpoints.push(Endpoint {
                name: e.name.clone(),
                url: e.url.clone(),
                headers: e.headers.clone(),
                ..Default::default()
            });
            t.endpoints.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(vec![(q.name.clone(), QueueChange::Create(q))])
        })
        .await?;
        tracing::info!(topic = %topic, endpoint = %e.name, "endpoint added");
        self.get_topic(topic).await
    }

    /// Removes an endpoint and its queue (with its tasks).
    pub async fn remove_endpoint(&self, topic: &str, endpoint: &str) -> Result<Topic> {
        topic_name("topic", topic)?;
        endpoint_name("endpoint", endpoint)?;
        self.change_topic(topic, |t| {
            let before = t.endpoints.len();
            t.endpoints.retain(|e| e.name != endpoint);
            if t.endpoints.len() == before {
                return Err(Error::NotFound(format!(
                    "endpoint {endpoint:?} of topic {topic:?}"
                )));
            }
            Ok(vec![(
                Topic::queue_of(topic, endpoint),
                QueueChange::Delete,
            )])
        })
        .await?;
        self.routes.forget(&Topic::queue_of(topic, endpoint));
        tracing::info!(topic = %topic, endpoint = %endpoint, "endpoint removed");
        self.get_topic(topic).await
    }

    /// Enables a disabled or paused endpoint: its queue resumes (which clears its
    /// health, see update_queue.lua).
    pub async fn enable_endpoint(&self, topic: &str, endpoint: &str) -> Result<Topic> {
        topic_name("topic", topic)?;
        endpoint_name("endpoint", endpoint)?;
        let t = self.stored_topic(topic).await?.topic;
        if !t.endpoints.iter().any(|e| e.name == endpoint) {
            return Err(Error::NotFound(format!(
                "endpoint {endpoint:?} of topic {topic:?}"
            )));
        }
        self.set_paused(&Topic::queue_of(topic, endpoint), false)
            .await?;
        tracing::info!(topic = %topic, endpoint = %endpoint, "endpoint enabled");
        self.get_topic(topic).await
    }

    /// Publishes `messages` to `topic`: one task per endpoint and message, all
    /// in one script call. `batch` says whether errors name `messages[i].…`.
    pub async fn publish(
        &self,
        topic: &str,
        messages: Vec<Message>,
        batch: bool,
    ) -> Result<Vec<PublishedMessage>> {
        topic_name("topic", topic)?;
        if messages.is_empty() {
            return Err(Error::invalid("messages", "must not be empty"));
        }
        if messages.len() > MAX_BATCH {
            return Err(Error::invalid("messages", format!("at most {MAX_BATCH}")));
        }
        let now = now_ms();
        // Each message checked as a request (its URL is any endpoint's).
        let mut checked = Vec::with_capacity(messages.len());
        for (i, mut m) in messages.into_iter().enumerate() {
            let prefix = if batch {
                format!("messages[{i}].")
            } else {
                String::new()
            };
            let req = validate::request(
                "message",
                HttpRequest {
                    method: if m.method.is_empty() {
                        "POST".into()
                    } else {
                        std::mem::take(&mut m.method)
                    },
                    url: "http://topic.invalid/".into(),
                    headers: std::mem::take(&mut m.headers),
                    body: std::mem::take(&mut m.body),
                },
                self.limits.max_body_bytes,
            )
            .map_err(|e| refield(e, "message.", &prefix))?;
            let due = Self::due_ms(super::When::After(m.delay_ms), now)
                .map_err(|e| refield(e, "", &prefix))?;
            if let Some(k) = &m.idempotency_key {
                validate::name(&format!("{prefix}idempotency_key"), k)?;
            }
            if let Some(c) = m.callbacks.take() {
                m.callbacks = Some(validate::callbacks(&format!("{prefix}callbacks"), c)?);
            }
            checked.push((req, due, m));
        }
        let traceparent = crate::telemetry::current_traceparent();
        for _ in 0..TRIES {
            let s = self.stored_topic(topic).await?;
            let t = &s.topic;
            let ids: Vec<(String, i64)> = checked.iter().map(|_| new_task_id()).collect();
            let mut sections: Vec<(String, Vec<NewRow>)> = Vec::with_capacity(t.endpoints.len());
            for e in &t.endpoints {
                let rows = checked
                    .iter()
                    .zip(&ids)
                    .map(|((req, due, m), (id, created))| {
                        let mut headers = e.headers.clone();
                        headers.extend(req.headers.iter().cloned());
                        NewRow {
                            id: id.clone(),
                            due_ms: *due,
                            created_ms: *created,
                            request: HttpRequest {
                                method: req.method.clone(),
                                url: e.url.clone(),
                                headers,
                                body: req.body.clone(),
                            },
                            idempotency_key: m.idempotency_key.clone(),
                            callbacks: m.callbacks.clone(),
                            traceparent: traceparent.clone(),
                            ..Default::default()
                        }
                    })
                    .collect();
                sections.push((Topic::queue_of(topic, &e.name), rows));
            }
            let refs: Vec<(&str, &[NewRow])> = sections
                .iter()
                .map(|(q, rows)| (q.as_str(), rows.as_slice()))
                .collect();
            match self.store.publish(topic, &s.version, &refs, now).await? {
                PublishOutcome::Stale => continue,
                PublishOutcome::NoTopic => {
                    return Err(Error::NotFound(format!("topic {topic:?}")));
                }
                PublishOutcome::Done(per_endpoint) => {
                    let mut out: Vec<PublishedMessage> = ids
                        .iter()
                        .map(|(id, _)| PublishedMessage {
                            id: id.clone(),
                            deliveries: Vec::new(),
                        })
                        .collect();
                    for ((e, (queue, rows)), published) in
                        t.endpoints.iter().zip(&sections).zip(per_endpoint)
                    {
                        let pushed = match published {
                            Published::Skipped => None,
                            Published::Pushed(p) => Some(p),
                        };
                        if let Some(p) = &pushed {
                            self.batcher.committer().stored(queue, rows.len(), p, now);
                        }
                        for (i, m) in out.iter_mut().enumerate() {
                            let dup = pushed
                                .as_ref()
                                .and_then(|p| p.duplicates.iter().find(|(j, _)| *j == i));
                            m.deliveries.push(Delivery {
                                endpoint: e.name.clone(),
                                queue: queue.clone(),
                                task_id: match (&pushed, dup) {
                                    (None, _) => String::new(),
                                    (_, Some((_, first))) => first.clone(),
                                    (Some(_), None) => m.id.clone(),
                                },
                                duplicate: dup.is_some(),
                                skipped: pushed.is_none(),
                            });
                        }
                    }
                    return Ok(out);
                }
            }
        }
        Err(Error::ResourceExhausted(format!(
            "topic {topic:?} keeps changing; try again"
        )))
    }
}
