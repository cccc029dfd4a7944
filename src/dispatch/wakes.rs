//! The wake listener: follows the Redis wake channel on a dedicated connection, so a
//! push or a freed slot in another HTQ process wakes this one at once.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;

use super::Shared;
use crate::store::{SIGNING_KEYS_CHANGED, Store};

/// Listens until dispatch stops; reconnects with backoff. After every (re)subscribe it
/// wakes every queue, since messages sent while it was away are lost.
pub(crate) async fn run(shared: Arc<Shared>) {
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
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = shared.stop.cancelled() => return,
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(5));
                    continue;
                }
            },
            _ = shared.stop.cancelled() => return,
        };
        backoff = Duration::from_millis(100);
        shared.waker.wake_all();
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
            match Store::parse_wake(&text) {
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
