//! The wake listener: follows the Redis wake channel on a dedicated connection, so a
//! push or a freed slot in another HTQ process wakes this one at once.
//!
//! On a Redis Cluster, a queue's wake-ups go on the queue's own sharded channel
//! (`SPUBLISH`, see `Store::wake_channel_of`), so each travels only within the
//! shard that holds the queue instead of to every node. The listener then also
//! follows every queue's channel (`SSUBSCRIBE`): the queues listed at start, those
//! announced on the common channel when created, and the list again every
//! [`RELIST`]. Each (re)subscription, including those the client makes by itself
//! after a reconnection or a slot move, wakes its queue, since what was sent while
//! it was not followed is lost. The common channel still carries what concerns
//! every process: schedules and signing keys changed, queues created.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::mpsc;

use super::Shared;
use crate::store::{SIGNING_KEYS_CHANGED, Store};

/// How often, on a cluster, the queue list is read again for queues whose
/// channels are not followed yet (creations are announced; this catches one whose
/// announcement was missed) or no longer exist.
pub const RELIST: Duration = Duration::from_secs(10);

/// Follows the wake channels until dispatch stops.
pub(crate) async fn run(shared: Arc<Shared>) {
    let (created, announced) = mpsc::unbounded_channel::<Notice>();
    tokio::join!(common(shared.clone(), created), sharded(shared, announced));
}

/// The common channel. Reconnects with backoff; after every (re)subscribe it
/// wakes every queue, since messages sent while it was away are lost.
async fn common(shared: Arc<Shared>, created: mpsc::UnboundedSender<Notice>) {
    let cluster = shared.store.is_cluster();
    let channel = shared.store.keys().wake_channel();
    let mut backoff = Duration::from_millis(100);
    while !shared.stop.is_cancelled() {
        let subscribed = async {
            let mut pubsub = shared.store.client().get_async_pubsub().await?;
            pubsub.subscribe(&channel).await?;
            Ok::<_, redis::RedisError>(pubsub)
        };
        let mut pubsub = tokio::select! {
            r = subscribed => match r {
                Ok(p) => p,
                Err(e) => {
                    tracing::warn!(error = %e, "wake channel: cannot subscribe; retrying");
                    if !pause(&shared, &mut backoff).await {
                        return;
                    }
                    continue;
                }
            },
            _ = shared.stop.cancelled() => return,
        };
        backoff = Duration::from_millis(100);
        shared.waker.wake_all();
        // A queue created while this channel was not followed had its
        // announcement lost: the queue channels are listed again.
        if cluster {
            let _ = created.send(Notice::Relist);
        }
        shared.waker.schedules_changed();
        shared.waker.signing_keys_changed();
        let mut messages = pubsub.on_message();
        loop {
            let msg = tokio::select! {
                m = messages.next() => m,
                _ = shared.stop.cancelled() => return,
                // A new master (Sentinel): subscribe there.
                _ = shared.store.moved() => break,
            };
            let Some(msg) = msg else {
                tracing::warn!("wake channel closed; reconnecting");
                shared.store.note_trouble();
                break;
            };
            let Ok(text) = msg.get_payload::<String>() else {
                continue;
            };
            let wake = Store::parse_wake(&text);
            // On a cluster, a queue named here was just created (by this process
            // too): follow its own channel.
            if let Some(m) = wake.filter(|m| cluster && !m.queue.is_empty()) {
                let _ = created.send(Notice::Created(m.queue.to_owned()));
            }
            match wake {
                Some(m) if m.pid == shared.store.pid() => {}
                // No queue: the cron schedules or the signing keys changed.
                Some(m) if m.queue.is_empty() && m.at_ms == SIGNING_KEYS_CHANGED => {
                    shared.waker.signing_keys_changed()
                }
                Some(m) if m.queue.is_empty() => shared.waker.schedules_changed(),
                Some(m) => shared.waker.wake_at(m.queue, m.at_ms),
                None => {}
            }
        }
    }
}

/// Waits `backoff` before a new attempt, and doubles it (up to 5 s); false when
/// dispatch stops meanwhile.
async fn pause(shared: &Shared, backoff: &mut Duration) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(*backoff) => {}
        _ = shared.stop.cancelled() => return false,
    }
    *backoff = (*backoff * 2).min(Duration::from_secs(5));
    true
}

/// What the common channel tells the follower of queue channels.
enum Notice {
    /// This queue was created.
    Created(String),
    /// Announcements may have been missed: list the queues again.
    Relist,
}

/// The queue channels followed: by queue, and the queue of each channel.
#[derive(Default)]
struct Followed {
    channels: HashMap<String, String>,
    queues: HashSet<String>,
}

/// On a cluster: every queue's own channel. Returns at once on one Redis.
async fn sharded(shared: Arc<Shared>, mut announced: mpsc::UnboundedReceiver<Notice>) {
    if !shared.store.is_cluster() {
        return;
    }
    let mut backoff = Duration::from_millis(100);
    while !shared.stop.is_cancelled() {
        let (pushes, mut received) = mpsc::unbounded_channel();
        let mut conn = match shared.store.shard_subscriber(pushes).await {
            Ok(Some(c)) => c,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(error = %e, "queue channels: cannot connect; retrying");
                if !pause(&shared, &mut backoff).await {
                    return;
                }
                continue;
            }
        };
        backoff = Duration::from_millis(100);
        let mut followed = Followed::default();
        let mut relist = tokio::time::interval(RELIST);
        loop {
            tokio::select! {
                _ = relist.tick() => match shared.store.served_names().await {
                    Ok(names) => follow_only(&shared, &mut conn, &mut followed, names).await,
                    Err(e) => tracing::warn!(error = %e, "queue channels: cannot list the queues"),
                },
                Some(notice) = announced.recv() => match notice {
                    Notice::Created(queue) => {
                        if !followed.queues.contains(&queue) {
                            follow(&shared, &mut conn, &mut followed, queue).await;
                        }
                    }
                    Notice::Relist => relist.reset_immediately(),
                },
                push = received.recv() => {
                    let Some(push) = push else { break };
                    on_push(&shared, &followed, push);
                }
                _ = shared.stop.cancelled() => return,
            }
        }
    }
}

/// Follows `queue`'s channel; left out of `followed` when that fails, so the next
/// listing tries again.
async fn follow(
    shared: &Shared,
    conn: &mut redis::cluster_async::ClusterConnection,
    followed: &mut Followed,
    queue: String,
) {
    let channel = shared.store.wake_channel_of(&queue);
    // Known before the confirmation comes back: it wakes the queue.
    followed.channels.insert(channel.clone(), queue.clone());
    followed.queues.insert(queue.clone());
    if let Err(e) = conn.ssubscribe(&channel).await {
        tracing::warn!(error = %e, channel = %channel, "queue channel: cannot subscribe");
        followed.channels.remove(&channel);
        followed.queues.remove(&queue);
    }
}

/// Follows the channels of `names` (a fresh queue list) and no others.
async fn follow_only(
    shared: &Shared,
    conn: &mut redis::cluster_async::ClusterConnection,
    followed: &mut Followed,
    names: Vec<String>,
) {
    let wanted: HashSet<&String> = names.iter().collect();
    let gone: Vec<(String, String)> = followed
        .channels
        .iter()
        .filter(|(_, q)| !wanted.contains(q))
        .map(|(c, q)| (c.clone(), q.clone()))
        .collect();
    for (channel, queue) in gone {
        followed.channels.remove(&channel);
        followed.queues.remove(&queue);
        if let Err(e) = conn.sunsubscribe(&channel).await {
            tracing::debug!(error = %e, channel = %channel, "queue channel: cannot unsubscribe");
        }
    }
    for name in names {
        if !followed.queues.contains(&name) {
            follow(shared, conn, followed, name).await;
        }
    }
}

/// A message or a (re)subscription on a queue's channel.
fn on_push(shared: &Shared, followed: &Followed, push: redis::PushInfo) {
    let text = |i: usize| match push.data.get(i) {
        Some(redis::Value::BulkString(b)) => std::str::from_utf8(b).ok(),
        _ => None,
    };
    match push.kind {
        redis::PushKind::SMessage => match text(1).and_then(Store::parse_wake) {
            Some(m) if m.pid == shared.store.pid() || m.queue.is_empty() => {}
            Some(m) => shared.waker.wake_at(m.queue, m.at_ms),
            None => {}
        },
        redis::PushKind::SSubscribe => {
            if let Some(queue) = text(0).and_then(|c| followed.channels.get(c)) {
                shared.waker.wake_now(queue);
            }
        }
        _ => {}
    }
}
