//! The gRPC front door: converts between the contract's messages and the core.

use std::pin::Pin;

mod convert;

use futures::StreamExt;
use tonic::{Request, Response, Status};

use super::pb;
use super::pb::htq_service_server::HtqService;
use crate::api::auth::{Caller, Role};
use crate::core::schedule::ScheduleInput;
use crate::core::watch::WatchSpec;
use crate::core::{Htq, When};
use crate::error::Error;
pub(crate) use convert::signing_key;
use convert::*;

/// The tonic service over the core.
#[derive(Clone)]
pub struct GrpcService {
    core: Htq,
}

impl GrpcService {
    /// Serves `core`.
    pub fn new(core: Htq) -> Self {
        GrpcService { core }
    }
}

type Reply<T> = Result<Response<T>, Status>;

/// Who made `req` (the token check put it there).
fn who<T>(req: &Request<T>) -> Result<&Caller, Status> {
    req.extensions()
        .get::<Caller>()
        .ok_or_else(|| Error::Unauthenticated.into())
}

/// The queue a signing key request names, or None for the global scope.
fn scope(queue: &str) -> Option<&str> {
    (!queue.is_empty()).then_some(queue)
}

/// Checks that the caller of `req` may act as `need` on queue `queue` (None: on
/// what belongs to no one queue).
fn allow<T>(req: &Request<T>, need: Role, queue: Option<&str>) -> Result<(), Status> {
    Ok(who(req)?.allow(need, queue)?)
}

/// Callbacks push tasks into the queue they name: the caller must be able to
/// push there too.
fn allow_callbacks<'a, T>(
    req: &Request<T>,
    callbacks: impl IntoIterator<Item = Option<&'a pb::Callbacks>>,
) -> Result<(), Status> {
    for c in callbacks.into_iter().flatten() {
        if !c.queue.is_empty() {
            allow(req, Role::Write, Some(&c.queue))?;
        }
    }
    Ok(())
}

#[tonic::async_trait]
impl HtqService for GrpcService {
    async fn create_queue(&self, req: Request<pb::CreateQueueRequest>) -> Reply<pb::Queue> {
        let name = req.get_ref().queue.as_ref().map(|q| q.name.as_str());
        allow(&req, Role::Admin, Some(name.unwrap_or_default()))?;
        allow_callbacks(
            &req,
            [req.get_ref()
                .queue
                .as_ref()
                .and_then(|q| q.callbacks.as_ref())],
        )?;
        let q = req
            .into_inner()
            .queue
            .ok_or_else(|| Error::invalid("queue", "is required"))?;
        let q = self.core.create_queue(queue_input(q, None)?).await?;
        Ok(Response::new(pb::Queue::from(q)))
    }

    async fn get_queue(&self, req: Request<pb::GetQueueRequest>) -> Reply<pb::Queue> {
        allow(&req, Role::Read, Some(&req.get_ref().name))?;
        let q = self.core.get_queue(&req.into_inner().name).await?;
        Ok(Response::new(pb::Queue::from(q)))
    }

    async fn list_queues(
        &self,
        req: Request<pb::ListQueuesRequest>,
    ) -> Reply<pb::ListQueuesResponse> {
        let grant = who(&req)?.grant.clone();
        let r = req.into_inner();
        let mask = r.read_mask.map(|m| m.paths).unwrap_or_default();
        // Checked before anything is read.
        mask_queue(pb::Queue::default(), &mask)?;
        // A token that reaches some queues sees only those, in pages and tokens.
        let (queues, next) = self
            .core
            .list_queues(
                i64::from(r.page_size),
                &r.page_token,
                &|q| grant.reaches(q),
                !mask.is_empty() && mask.iter().all(|p| BRIEF.contains(&p.as_str())),
            )
            .await?;
        Ok(Response::new(pb::ListQueuesResponse {
            queues: queues
                .into_iter()
                .map(|q| mask_queue(pb::Queue::from(q), &mask))
                .collect::<Result<_, _>>()?,
            next_page_token: next,
        }))
    }

    async fn update_queue(&self, req: Request<pb::UpdateQueueRequest>) -> Reply<pb::Queue> {
        let name = req.get_ref().queue.as_ref().map(|q| q.name.as_str());
        allow(&req, Role::Admin, Some(name.unwrap_or_default()))?;
        allow_callbacks(
            &req,
            [req.get_ref()
                .queue
                .as_ref()
                .and_then(|q| q.callbacks.as_ref())],
        )?;
        let r = req.into_inner();
        let q = r
            .queue
            .ok_or_else(|| Error::invalid("queue", "is required"))?;
        let mask = r.update_mask.map(|m| m.paths).unwrap_or_default();
        let q = self.core.update_queue(queue_input(q, Some(&mask))?).await?;
        Ok(Response::new(pb::Queue::from(q)))
    }

    async fn delete_queue(
        &self,
        req: Request<pb::DeleteQueueRequest>,
    ) -> Reply<pb::DeleteQueueResponse> {
        allow(&req, Role::Admin, Some(&req.get_ref().name))?;
        self.core.delete_queue(&req.into_inner().name).await?;
        Ok(Response::new(pb::DeleteQueueResponse {}))
    }

    async fn push_task(&self, req: Request<pb::PushTaskRequest>) -> Reply<pb::PushTaskResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        allow_callbacks(&req, [req.get_ref().callbacks.as_ref()])?;
        let origin = origin(&req);
        let r = req.into_inner();
        let opts = push_options(
            r.task_id,
            r.idempotency_key,
            r.flow_key,
            r.callbacks,
            &origin,
        );
        let pushed = self
            .core
            .push(
                &r.queue,
                vec![(request_from_pb(r.request), When::Now, opts)],
                false,
            )
            .await?;
        let t = pushed
            .into_iter()
            .next()
            .ok_or_else(|| Error::Internal("push returned nothing".into()))?;
        Ok(Response::new(pb::PushTaskResponse::from(t)))
    }

    async fn push_tasks(&self, req: Request<pb::PushTasksRequest>) -> Reply<pb::PushTasksResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        allow_callbacks(
            &req,
            req.get_ref().tasks.iter().map(|t| t.callbacks.as_ref()),
        )?;
        let origin = origin(&req);
        let r = req.into_inner();
        let tasks = r
            .tasks
            .into_iter()
            .map(|t| {
                (
                    request_from_pb(t.request),
                    when_from_task_entry(t.when),
                    push_options(
                        t.task_id,
                        t.idempotency_key,
                        t.flow_key,
                        t.callbacks,
                        &origin,
                    ),
                )
            })
            .collect();
        let pushed = self.core.push(&r.queue, tasks, true).await?;
        Ok(Response::new(pb::PushTasksResponse {
            duplicates: pushed.iter().map(|t| t.duplicate).collect(),
            task_ids: pushed.into_iter().map(|t| t.id).collect(),
        }))
    }

    async fn schedule_task(
        &self,
        req: Request<pb::ScheduleTaskRequest>,
    ) -> Reply<pb::PushTaskResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        allow_callbacks(&req, [req.get_ref().callbacks.as_ref()])?;
        let origin = origin(&req);
        let r = req.into_inner();
        let when = match r.when {
            Some(pb::schedule_task_request::When::ScheduleTime(t)) => When::At(timestamp_ms(&t)),
            Some(pb::schedule_task_request::When::Delay(d)) => When::After(duration_ms(&d)),
            None => {
                return Err(
                    Error::invalid("schedule_time", "schedule_time or delay is required").into(),
                );
            }
        };
        let opts = push_options(
            r.task_id,
            r.idempotency_key,
            r.flow_key,
            r.callbacks,
            &origin,
        );
        let pushed = self
            .core
            .push(
                &r.queue,
                vec![(request_from_pb(r.request), when, opts)],
                false,
            )
            .await?;
        let t = pushed
            .into_iter()
            .next()
            .ok_or_else(|| Error::Internal("push returned nothing".into()))?;
        Ok(Response::new(pb::PushTaskResponse::from(t)))
    }

    async fn get_task(&self, req: Request<pb::GetTaskRequest>) -> Reply<pb::Task> {
        allow(&req, Role::Read, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let t = self.core.get_task(&r.queue, &r.id).await?;
        Ok(Response::new(pb::Task::from(t)))
    }

    async fn list_tasks(&self, req: Request<pb::ListTasksRequest>) -> Reply<pb::ListTasksResponse> {
        allow(&req, Role::Read, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let state = state_from_pb(r.state)?;
        let filter = crate::core::TaskFilter {
            url_contains: (!r.url_contains.is_empty()).then_some(r.url_contains),
            flow_key: (!r.flow_key.is_empty()).then_some(r.flow_key),
        };
        let (tasks, next) = self
            .core
            .list_tasks(
                &r.queue,
                state,
                i64::from(r.page_size),
                &r.page_token,
                &filter,
            )
            .await?;
        Ok(Response::new(pb::ListTasksResponse {
            tasks: tasks.into_iter().map(pb::Task::from).collect(),
            next_page_token: next,
        }))
    }

    async fn count_tasks(
        &self,
        req: Request<pb::CountTasksRequest>,
    ) -> Reply<pb::CountTasksResponse> {
        allow(&req, Role::Read, Some(&req.get_ref().queue))?;
        let c = self.core.count_tasks(&req.into_inner().queue).await?;
        Ok(Response::new(pb::CountTasksResponse::from(c)))
    }

    async fn cancel_task(&self, req: Request<pb::CancelTaskRequest>) -> Reply<pb::Task> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let t = self.core.cancel_task(&r.queue, &r.id).await?;
        Ok(Response::new(pb::Task::from(t)))
    }

    type WatchQueueStream =
        Pin<Box<dyn futures::Stream<Item = Result<pb::WatchQueueResponse, Status>> + Send>>;

    async fn watch_queue(
        &self,
        req: Request<pb::WatchQueueRequest>,
    ) -> Reply<Self::WatchQueueStream> {
        let who = who(&req)?.clone();
        let r = req.into_inner();
        // A token that reaches some queues watches "every queue" as every one of those.
        let only = if r.queue.is_empty() {
            (!who.grant.every_queue()).then(|| {
                let grant = who.grant.clone();
                crate::core::watch::QueueFilter(std::sync::Arc::new(move |q: &str| {
                    grant.reaches(q)
                }))
            })
        } else {
            who.allow(Role::Read, Some(&r.queue))?;
            None
        };
        let caller = Some(who.id);
        let kinds = r
            .kinds
            .iter()
            .map(|k| event_kind_from_pb(*k))
            .collect::<Result<Vec<_>, _>>()?;
        let spec = WatchSpec {
            queue: (!r.queue.is_empty()).then_some(r.queue),
            cursor: (!r.cursor.is_empty()).then_some(r.cursor),
            kinds,
            task_id: (!r.task_id.is_empty()).then_some(r.task_id),
            stats_every: r
                .stats_interval
                .map(|d| duration_ms(&d))
                .filter(|ms| *ms != 0)
                .map(|ms| std::time::Duration::from_millis(ms.max(0) as u64)),
            caller,
            only,
        };
        let rx = self.core.watch(spec).await?;
        // A token revoked or changed in the tokens file ends its watches, at their
        // next message.
        let stream = tokio_stream::wrappers::ReceiverStream::new(rx)
            .map(move |item| {
                if !who.still_holds() {
                    return Err(Error::Unauthenticated.into());
                }
                item.map(|i| pb::WatchQueueResponse {
                    item: Some(pb::watch_queue_response::Item::from(i)),
                })
                .map_err(Status::from)
            })
            .scan(false, |ended, item: Result<_, Status>| {
                let out = (!*ended).then_some(item);
                *ended = out.as_ref().is_some_and(|i| i.is_err());
                futures::future::ready(out)
            });
        Ok(Response::new(Box::pin(stream)))
    }

    async fn pause_queue(&self, req: Request<pb::PauseQueueRequest>) -> Reply<pb::Queue> {
        allow(&req, Role::Admin, Some(&req.get_ref().name))?;
        let q = self.core.set_paused(&req.into_inner().name, true).await?;
        Ok(Response::new(pb::Queue::from(q)))
    }

    async fn resume_queue(&self, req: Request<pb::ResumeQueueRequest>) -> Reply<pb::Queue> {
        allow(&req, Role::Admin, Some(&req.get_ref().name))?;
        let q = self.core.set_paused(&req.into_inner().name, false).await?;
        Ok(Response::new(pb::Queue::from(q)))
    }

    async fn purge_queue(
        &self,
        req: Request<pb::PurgeQueueRequest>,
    ) -> Reply<pb::PurgeQueueResponse> {
        allow(&req, Role::Admin, Some(&req.get_ref().name))?;
        let n = self.core.purge_queue(&req.into_inner().name).await?;
        Ok(Response::new(pb::PurgeQueueResponse { purged: n as i64 }))
    }

    async fn run_task(&self, req: Request<pb::RunTaskRequest>) -> Reply<pb::Task> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let t = self.core.run_task(&r.queue, &r.id, false).await?;
        Ok(Response::new(pb::Task::from(t)))
    }

    async fn retry_dead_task(&self, req: Request<pb::RetryDeadTaskRequest>) -> Reply<pb::Task> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let t = self.core.run_task(&r.queue, &r.id, true).await?;
        Ok(Response::new(pb::Task::from(t)))
    }

    async fn retry_all_dead_tasks(
        &self,
        req: Request<pb::RetryAllDeadTasksRequest>,
    ) -> Reply<pb::RetryAllDeadTasksResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let n = self.core.retry_all_dead(&req.into_inner().queue).await?;
        Ok(Response::new(pb::RetryAllDeadTasksResponse {
            retried: n as i64,
        }))
    }

    async fn replay_tasks(
        &self,
        req: Request<pb::ReplayTasksRequest>,
    ) -> Reply<pb::ReplayTasksResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        let states = match r.state {
            0 => Vec::new(),
            s => vec![state_from_pb(s).map_err(|_| {
                Error::invalid(
                    "state",
                    "must be TASK_STATE_DEAD, TASK_STATE_SUCCEEDED or TASK_STATE_CANCELLED",
                )
            })?],
        };
        let filter = crate::store::ReplayFilter {
            since_ms: r.since.as_ref().map(timestamp_ms),
            until_ms: r.until.as_ref().map(timestamp_ms),
            last_status: match r.last_status {
                0 => None,
                s => Some(
                    u16::try_from(s)
                        .ok()
                        .filter(|s| (100..=599).contains(s))
                        .ok_or_else(|| {
                            Error::invalid("last_status", "must be an HTTP status, 100 to 599")
                        })?,
                ),
            },
            flow_key: (!r.flow_key.is_empty()).then_some(r.flow_key),
        };
        let (replayed, more) = self
            .core
            .replay(&r.queue, &states, &filter, i64::from(r.limit))
            .await?;
        Ok(Response::new(pb::ReplayTasksResponse {
            replayed: replayed as i64,
            more,
        }))
    }

    async fn delete_dead_task(
        &self,
        req: Request<pb::DeleteDeadTaskRequest>,
    ) -> Reply<pb::DeleteDeadTaskResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().queue))?;
        let r = req.into_inner();
        self.core.delete_dead(&r.queue, &r.id).await?;
        Ok(Response::new(pb::DeleteDeadTaskResponse {}))
    }

    async fn create_schedule(
        &self,
        req: Request<pb::CreateScheduleRequest>,
    ) -> Reply<pb::Schedule> {
        let queue = req.get_ref().schedule.as_ref().map(|s| s.queue.as_str());
        allow(&req, Role::Admin, Some(queue.unwrap_or_default()))?;
        let s = req
            .into_inner()
            .schedule
            .ok_or_else(|| Error::invalid("schedule", "is required"))?;
        let skip_missed = match pb::CatchUp::try_from(s.catch_up) {
            Ok(pb::CatchUp::Unspecified | pb::CatchUp::One) => false,
            Ok(pb::CatchUp::Skip) => true,
            Err(_) => {
                return Err(Error::invalid(
                    "schedule.catch_up",
                    format!("unknown value {}", s.catch_up),
                )
                .into());
            }
        };
        let input = ScheduleInput {
            name: s.name,
            queue: s.queue,
            cron: s.cron,
            time_zone: s.time_zone,
            request: request_from_pb(s.request),
            flow_key: (!s.flow_key.is_empty()).then_some(s.flow_key),
            skip_missed,
        };
        let s = self.core.create_schedule(input).await?;
        Ok(Response::new(pb::Schedule::from(s)))
    }

    async fn get_schedule(&self, req: Request<pb::GetScheduleRequest>) -> Reply<pb::Schedule> {
        let name = &req.get_ref().name;
        let s = self.core.get_schedule(name).await?;
        who(&req)?
            .grant
            .allow_or_hide(Role::Read, Some(&s.queue), || format!("schedule {name:?}"))?;
        Ok(Response::new(pb::Schedule::from(s)))
    }

    async fn list_schedules(
        &self,
        req: Request<pb::ListSchedulesRequest>,
    ) -> Reply<pb::ListSchedulesResponse> {
        let grant = who(&req)?.grant.clone();
        let r = req.into_inner();
        let (list, next) = self
            .core
            .list_schedules(i64::from(r.page_size), &r.page_token, &|q| grant.reaches(q))
            .await?;
        Ok(Response::new(pb::ListSchedulesResponse {
            schedules: list.into_iter().map(pb::Schedule::from).collect(),
            next_page_token: next,
        }))
    }

    async fn delete_schedule(
        &self,
        req: Request<pb::DeleteScheduleRequest>,
    ) -> Reply<pb::DeleteScheduleResponse> {
        let name = &req.get_ref().name;
        let s = self.core.get_schedule(name).await?;
        who(&req)?
            .grant
            .allow_or_hide(Role::Admin, Some(&s.queue), || format!("schedule {name:?}"))?;
        self.core.delete_schedule(&req.into_inner().name).await?;
        Ok(Response::new(pb::DeleteScheduleResponse {}))
    }

    async fn create_signing_key(
        &self,
        req: Request<pb::CreateSigningKeyRequest>,
    ) -> Reply<pb::SigningKey> {
        allow(&req, Role::Admin, scope(&req.get_ref().queue))?;
        let r = req.into_inner();
        let alg = algorithm_from_pb("algorithm", r.algorithm)?;
        let key = self.core.create_signing_key(&r.queue, alg).await?;
        Ok(Response::new(signing_key(key, true)))
    }

    async fn list_signing_keys(
        &self,
        req: Request<pb::ListSigningKeysRequest>,
    ) -> Reply<pb::ListSigningKeysResponse> {
        allow(&req, Role::Read, scope(&req.get_ref().queue))?;
        let r = req.into_inner();
        let keys = self.core.list_signing_keys(&r.queue, r.all).await?;
        Ok(Response::new(pb::ListSigningKeysResponse {
            keys: keys.into_iter().map(|k| signing_key(k, false)).collect(),
        }))
    }

    async fn rotate_signing_key(
        &self,
        req: Request<pb::RotateSigningKeyRequest>,
    ) -> Reply<pb::RotateSigningKeyResponse> {
        allow(&req, Role::Admin, scope(&req.get_ref().queue))?;
        let r = req.into_inner();
        let alg = algorithm_from_pb("algorithm", r.algorithm)?;
        let overlap = r.overlap.as_ref().map(duration_ms);
        let (key, replaced) = self.core.rotate_signing_key(&r.queue, alg, overlap).await?;
        Ok(Response::new(pb::RotateSigningKeyResponse {
            key: Some(signing_key(key, true)),
            replaced: replaced
                .into_iter()
                .map(|k| signing_key(k, false))
                .collect(),
        }))
    }

    async fn retire_signing_key(
        &self,
        req: Request<pb::RetireSigningKeyRequest>,
    ) -> Reply<pb::RetireSigningKeyResponse> {
        let grant = who(&req)?.grant.clone();
        let id = req.into_inner().id;
        self.core
            .retire_signing_key(&id, |queue| {
                grant.allow_or_hide(Role::Admin, scope(queue), || format!("signing key {id:?}"))
            })
            .await?;
        Ok(Response::new(pb::RetireSigningKeyResponse {}))
    }

    async fn create_topic(&self, req: Request<pb::CreateTopicRequest>) -> Reply<pb::Topic> {
        let name = req.get_ref().topic.as_ref().map(|t| t.name.as_str());
        allow(&req, Role::Admin, Some(name.unwrap_or_default()))?;
        let t = req
            .into_inner()
            .topic
            .ok_or_else(|| Error::invalid("topic", "is required"))?;
        let t = self.core.create_topic(topic_input(t, None)?).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn get_topic(&self, req: Request<pb::GetTopicRequest>) -> Reply<pb::Topic> {
        allow(&req, Role::Read, Some(&req.get_ref().name))?;
        let t = self.core.get_topic(&req.into_inner().name).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn list_topics(
        &self,
        req: Request<pb::ListTopicsRequest>,
    ) -> Reply<pb::ListTopicsResponse> {
        let grant = who(&req)?.grant.clone();
        // A token sees the topics it reaches (every role may read).
        let topics = self
            .core
            .list_topics(&|t| grant.reaches(t))
            .await?
            .into_iter()
            .map(pb::Topic::from)
            .collect();
        Ok(Response::new(pb::ListTopicsResponse { topics }))
    }

    async fn update_topic(&self, req: Request<pb::UpdateTopicRequest>) -> Reply<pb::Topic> {
        let name = req.get_ref().topic.as_ref().map(|t| t.name.as_str());
        allow(&req, Role::Admin, Some(name.unwrap_or_default()))?;
        let r = req.into_inner();
        let t = r
            .topic
            .ok_or_else(|| Error::invalid("topic", "is required"))?;
        let mask = r.update_mask.map(|m| m.paths).unwrap_or_default();
        let t = self.core.update_topic(topic_input(t, Some(&mask))?).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn delete_topic(
        &self,
        req: Request<pb::DeleteTopicRequest>,
    ) -> Reply<pb::DeleteTopicResponse> {
        allow(&req, Role::Admin, Some(&req.get_ref().name))?;
        self.core.delete_topic(&req.into_inner().name).await?;
        Ok(Response::new(pb::DeleteTopicResponse {}))
    }

    async fn add_endpoint(&self, req: Request<pb::AddEndpointRequest>) -> Reply<pb::Topic> {
        allow(&req, Role::Admin, Some(&req.get_ref().topic))?;
        let r = req.into_inner();
        let e = r
            .endpoint
            .ok_or_else(|| Error::invalid("endpoint", "is required"))?;
        let t = self.core.add_endpoint(&r.topic, endpoint_input(e)).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn remove_endpoint(&self, req: Request<pb::RemoveEndpointRequest>) -> Reply<pb::Topic> {
        allow(&req, Role::Admin, Some(&req.get_ref().topic))?;
        let r = req.into_inner();
        let t = self.core.remove_endpoint(&r.topic, &r.endpoint).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn enable_endpoint(&self, req: Request<pb::EnableEndpointRequest>) -> Reply<pb::Topic> {
        allow(&req, Role::Admin, Some(&req.get_ref().topic))?;
        let r = req.into_inner();
        let t = self.core.enable_endpoint(&r.topic, &r.endpoint).await?;
        Ok(Response::new(pb::Topic::from(t)))
    }

    async fn publish(&self, req: Request<pb::PublishRequest>) -> Reply<pb::PublishResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().topic))?;
        allow_callbacks(&req, [req.get_ref().callbacks.as_ref()])?;
        let r = req.into_inner();
        let topic = r.topic.clone();
        let mut out = self
            .core
            .publish(&topic, vec![message_from_pb(r)], false)
            .await?;
        Ok(Response::new(pb::PublishResponse::from(out.remove(0))))
    }

    async fn get_system(&self, req: Request<pb::GetSystemRequest>) -> Reply<pb::SystemInfo> {
        allow(&req, Role::Read, None)?;
        let (processes, redis) = self.core.system().await?;
        Ok(Response::new(pb::SystemInfo {
            processes: processes
                .into_iter()
                .map(|p| pb::HtqProcess {
                    id: p.id,
                    version: p.version,
                    address: p.address,
                    host: p.host,
                    start_time: Some(to_timestamp(p.started_ms)),
                    in_flight: p.in_flight as i64,
                    last_heartbeat: Some(to_timestamp(p.beat_ms)),
                })
                .collect(),
            redis: Some(pb::RedisServer {
                mode: redis.mode,
                version: redis.version,
                used_memory_bytes: redis.used_memory as i64,
                max_memory_bytes: redis.max_memory as i64,
                connected_clients: redis.clients as i64,
            }),
            answered_by: self.core.store().pid().to_owned(),
        }))
    }

    async fn get_history(&self, req: Request<pb::GetHistoryRequest>) -> Reply<pb::QueueHistory> {
        let r = req.get_ref();
        let queue = (!r.queue.is_empty()).then_some(r.queue.as_str());
        allow(&req, Role::Read, queue)?;
        let window = r.window.as_ref().map_or(0, duration_ms);
        let slots = self.core.history(queue, window).await?;
        let step = crate::store::HISTORY_STEP_MS;
        Ok(Response::new(pb::QueueHistory {
            step: Some(to_duration(std::time::Duration::from_millis(step as u64))),
            points: slots
                .into_iter()
                .map(|(at, s)| history_point(at, &s, step))
                .collect(),
        }))
    }

    async fn publish_batch(
        &self,
        req: Request<pb::PublishBatchRequest>,
    ) -> Reply<pb::PublishBatchResponse> {
        allow(&req, Role::Write, Some(&req.get_ref().topic))?;
        allow_callbacks(
            &req,
            req.get_ref().messages.iter().map(|m| m.callbacks.as_ref()),
        )?;
        let r = req.into_inner();
        let messages = r.messages.into_iter().map(message_from_pb).collect();
        let out = self.core.publish(&r.topic, messages, true).await?;
        Ok(Response::new(pb::PublishBatchResponse {
            messages: out.into_iter().map(pb::PublishResponse::from).collect(),
        }))
    }
}
