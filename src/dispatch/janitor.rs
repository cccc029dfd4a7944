//! The janitor: applies the time bounds nothing else triggers (dead letters past
//! their queue's max age, finished tasks past the retention, expired idempotency
//! keys) on every queue, once a minute by default. The bounds by count are applied as tasks
//! die; this loop only catches up with time.

use super::Shared;
use crate::model::now_ms;
use std::sync::Arc;

/// Items of each kind one script call handles.
const LIMIT: u32 = 1000;

pub(crate) async fn run(shared: Arc<Shared>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(shared.opts.maintain_every) => {}
            _ = shared.stop.cancelled() => return,
        }
        let names = match shared.store.queue_names().await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "janitor: cannot list queues");
                continue;
            }
        };
        for name in names {
            loop {
                if shared.stop.is_cancelled() {
                    return;
                }
                match shared.store.maintain(&name, now_ms(), LIMIT).await {
                    Ok(Some((evicted, removed))) => {
                        if evicted > 0 {
                            tracing::info!(queue = %name, evicted, "dead letters evicted by age");
                        }
                        if evicted < u64::from(LIMIT) && removed < u64::from(LIMIT) {
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        tracing::warn!(queue = %name, error = %e, "janitor: pass failed");
                        break;
                    }
                }
            }
        }
    }
}
