//! A client for HTQ, the HTTP task queue.
//!
//! ```no_run
//! # async fn run() -> Result<(), htq_client::Error> {
//! use htq_client::{Client, request};
//! let mut htq = Client::connect("http://127.0.0.1:5999", "my-token").await?;
//! htq.create_queue(htq_client::queue("emails")).await?;
//! let id = htq.push("emails", request::post("https://example.com/send", "{}")).await?;
//! let task = htq.get_task("emails", &id).await?;
//! println!("{id}: {:?}", task.state());
//! # Ok(()) }
//! ```
//!
//! Every RPC of the contract is reachable through [`Client::raw`]; the methods here
//! cover the common ones. Errors are [`tonic::Status`] (with its gRPC code) inside
//! [`Error::Rpc`]. [`webhook::Verifier`] checks the signatures of the requests HTQ
//! delivers.

use std::time::{Duration, SystemTime};

use tonic::Status;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

/// Code generated from HTQ's contract.
#[allow(missing_docs)]
pub mod pb {
    tonic::include_proto!("htq.v1");
}

pub use pb::htq_service_client::HtqServiceClient;

pub mod webhook;

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server could not be reached, or the address is malformed.
    #[error("cannot connect: {0}")]
    Connect(#[from] tonic::transport::Error),
    /// The token cannot be sent as a header.
    #[error("the token is not a valid header value")]
    BadToken,
    /// The server answered with an error; `.code()` tells which.
    #[error("{}: {}", .0.code(), .0.message())]
    Rpc(#[from] Status),
}

impl Error {
    /// The gRPC code, for an error the server sent.
    pub fn code(&self) -> Option<tonic::Code> {
        match self {
            Error::Rpc(s) => Some(s.code()),
            _ => None,
        }
    }
}

/// Adds `authorization: Bearer <token>` to every call.
#[derive(Clone)]
pub struct Bearer(MetadataValue<Ascii>);

impl Interceptor for Bearer {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, Status> {
        req.metadata_mut().insert("authorization", self.0.clone());
        Ok(req)
    }
}

/// The generated client with the token attached.
pub type Raw = HtqServiceClient<InterceptedService<Channel, Bearer>>;

/// A connection to an HTQ server; cheap to clone (calls share the connection).
#[derive(Clone)]
pub struct Client {
    raw: Raw,
}

/// A queue named `name` with every setting at its default.
pub fn queue(name: &str) -> pb::Queue {
    pb::Queue {
        name: name.to_owned(),
        ..Default::default()
    }
}

/// Requests to push.
pub mod request {
    use super::pb;

    /// A GET of `url`.
    pub fn get(url: &str) -> pb::HttpRequest {
        pb::HttpRequest {
            method: "GET".into(),
            url: url.into(),
            ..Default::default()
        }
    }

    /// A POST of `body` to `url`.
    pub fn post(url: &str, body: impl Into<Vec<u8>>) -> pb::HttpRequest {
        pb::HttpRequest {
            method: "POST".into(),
            url: url.into(),
            headers: Vec::new(),
            body: Some(pb::http_request::Body::Data(body.into())),
        }
    }
}

/// Callbacks: POSTs of a task's final outcome to `on_success` and `on_failure`
/// (URLs; None: no call), as tasks of the task's own queue (set `on_cancel` and
/// `queue` on the result for more). For [`Client::push_with_callbacks`], or a
/// queue's `callbacks`.
pub fn callbacks(on_success: Option<&str>, on_failure: Option<&str>) -> pb::Callbacks {
    let hook = |url: Option<&str>| {
        url.map(|url| pb::Callback {
            method: "POST".into(),
            url: url.into(),
            headers: Vec::new(),
        })
    };
    pb::Callbacks {
        on_success: hook(on_success),
        on_failure: hook(on_failure),
        ..Default::default()
    }
}

/// An endpoint of a topic, named `name`, at `url`.
pub fn endpoint(name: &str, url: &str) -> pb::Endpoint {
    pb::Endpoint {
        name: name.into(),
        url: url.into(),
        ..Default::default()
    }
}

fn timestamp(t: SystemTime) -> prost_types::Timestamp {
    let d = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    prost_types::Timestamp {
        seconds: d.as_secs() as i64,
        nanos: d.subsec_nanos() as i32,
    }
}

impl Client {
    /// Connects to `addr` (e.g. `http://127.0.0.1:5999`) with API token `token`.
    pub async fn connect(addr: impl Into<String>, token: &str) -> Result<Client, Error> {
        let header: MetadataValue<Ascii> = format!("Bearer {token}")
            .parse()
            .map_err(|_| Error::BadToken)?;
        let channel = Channel::from_shared(addr.into())
            .map_err(|e| Error::Rpc(Status::invalid_argument(e.to_string())))?
            .connect()
            .await?;
        Ok(Client {
            raw: HtqServiceClient::with_interceptor(channel, Bearer(header)),
        })
    }

    /// The generated client, for every RPC of the contract.
    pub fn raw(&mut self) -> &mut Raw {
        &mut self.raw
    }

    /// Creates a queue; unset settings take their defaults.
    pub async fn create_queue(&mut self, queue: pb::Queue) -> Result<pb::Queue, Error> {
        let req = pb::CreateQueueRequest { queue: Some(queue) };
        Ok(self.raw.create_queue(req).await?.into_inner())
    }

    /// Pushes a task due now; returns its id.
    pub async fn push(&mut self, queue: &str, request: pb::HttpRequest) -> Result<String, Error> {
        let req = pb::PushTaskRequest {
            queue: queue.to_owned(),
            request: Some(request),
            ..Default::default()
        };
        Ok(self.raw.push_task(req).await?.into_inner().task_id)
    }

    /// Pushes a task due now whose final outcome is sent to `callbacks` (see
    /// [`callbacks`]); returns its id.
    pub async fn push_with_callbacks(
        &mut self,
        queue: &str,
        request: pb::HttpRequest,
        callbacks: pb::Callbacks,
    ) -> Result<String, Error> {
        let req = pb::PushTaskRequest {
            queue: queue.to_owned(),
            request: Some(request),
            callbacks: Some(callbacks),
            ..Default::default()
        };
        Ok(self.raw.push_task(req).await?.into_inner().task_id)
    }

    /// Creates a topic; unset settings take their defaults.
    pub async fn create_topic(&mut self, topic: pb::Topic) -> Result<pb::Topic, Error> {
        let req = pb::CreateTopicRequest { topic: Some(topic) };
        Ok(self.raw.create_topic(req).await?.into_inner())
    }

    /// A topic, with its endpoints' health.
    pub async fn get_topic(&mut self, name: &str) -> Result<pb::Topic, Error> {
        let req = pb::GetTopicRequest {
            name: name.to_owned(),
        };
        Ok(self.raw.get_topic(req).await?.into_inner())
    }

    /// Every topic.
    pub async fn list_topics(&mut self) -> Result<Vec<pb::Topic>, Error> {
        Ok(self
            .raw
            .list_topics(pb::ListTopicsRequest {})
            .await?
            .into_inner()
            .topics)
    }

    /// Deletes a topic and its endpoints' queues.
    pub async fn delete_topic(&mut self, name: &str) -> Result<(), Error> {
        let req = pb::DeleteTopicRequest {
            name: name.to_owned(),
        };
        self.raw.delete_topic(req).await?;
        Ok(())
    }

    /// Adds an endpoint to a topic.
    pub async fn add_endpoint(
        &mut self,
        topic: &str,
        endpoint: pb::Endpoint,
    ) -> Result<pb::Topic, Error> {
        let req = pb::AddEndpointRequest {
            topic: topic.to_owned(),
            endpoint: Some(endpoint),
        };
        Ok(self.raw.add_endpoint(req).await?.into_inner())
    }

    /// Removes an endpoint and its queue.
    pub async fn remove_endpoint(
        &mut self,
        topic: &str,
        endpoint: &str,
    ) -> Result<pb::Topic, Error> {
        let req = pb::RemoveEndpointRequest {
            topic: topic.to_owned(),
            endpoint: endpoint.to_owned(),
        };
        Ok(self.raw.remove_endpoint(req).await?.into_inner())
    }

    /// Enables a disabled or paused endpoint.
    pub async fn enable_endpoint(
        &mut self,
        topic: &str,
        endpoint: &str,
    ) -> Result<pb::Topic, Error> {
        let req = pb::EnableEndpointRequest {
            topic: topic.to_owned(),
            endpoint: endpoint.to_owned(),
        };
        Ok(self.raw.enable_endpoint(req).await?.into_inner())
    }

    /// Publishes `body` to every endpoint of `topic` (one task each): the message
    /// id and where it went. Set more of the message with [`Client::raw`].
    pub async fn publish(
        &mut self,
        topic: &str,
        body: impl Into<Vec<u8>>,
    ) -> Result<pb::PublishResponse, Error> {
        let req = pb::PublishRequest {
            topic: topic.to_owned(),
            body: Some(pb::publish_request::Body::Data(body.into())),
            ..Default::default()
        };
        Ok(self.raw.publish(req).await?.into_inner())
    }

    /// Pushes a task due at `at`; returns its id.
    pub async fn schedule(
        &mut self,
        queue: &str,
        request: pb::HttpRequest,
        at: SystemTime,
    ) -> Result<String, Error> {
        let req = pb::ScheduleTaskRequest {
            queue: queue.to_owned(),
            request: Some(request),
            when: Some(pb::schedule_task_request::When::ScheduleTime(timestamp(at))),
            ..Default::default()
        };
        Ok(self.raw.schedule_task(req).await?.into_inner().task_id)
    }

    /// One task.
    pub async fn get_task(&mut self, queue: &str, id: &str) -> Result<pb::Task, Error> {
        let req = pb::GetTaskRequest {
            queue: queue.to_owned(),
            id: id.to_owned(),
        };
        Ok(self.raw.get_task(req).await?.into_inner())
    }

    /// Cancels a task that has not finished; returns it as it was.
    pub async fn cancel(&mut self, queue: &str, id: &str) -> Result<pb::Task, Error> {
        let req = pb::CancelTaskRequest {
            queue: queue.to_owned(),
            id: id.to_owned(),
        };
        Ok(self.raw.cancel_task(req).await?.into_inner())
    }

    /// Runs again, as new attempts, the dead and retained finished tasks of `queue`
    /// that match `filter` (its `queue` field is set from `queue`): how many, and
    /// whether more match beyond its `limit`.
    pub async fn replay(
        &mut self,
        queue: &str,
        filter: pb::ReplayTasksRequest,
    ) -> Result<pb::ReplayTasksResponse, Error> {
        let req = pb::ReplayTasksRequest {
            queue: queue.to_owned(),
            ..filter
        };
        Ok(self.raw.replay_tasks(req).await?.into_inner())
    }

    /// The queue's events from now on (or after `cursor`), as a stream of
    /// [`pb::WatchQueueResponse`] items (events, gaps, stats).
    pub async fn watch(
        &mut self,
        queue: &str,
        cursor: Option<&str>,
    ) -> Result<tonic::Streaming<pb::WatchQueueResponse>, Error> {
        let req = pb::WatchQueueRequest {
            queue: queue.to_owned(),
            cursor: cursor.unwrap_or_default().to_owned(),
            ..Default::default()
        };
        Ok(self.raw.watch_queue(req).await?.into_inner())
    }
}
