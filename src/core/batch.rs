//! Group commit of pushes (see [`crate::group`]): concurrent pushes to the same
//! queue share one push script call, up to [`super::MAX_BATCH`] tasks.
//!
//! Only pushes whose ids HTQ made are grouped: a caller-chosen id that exists must
//! refuse that caller's push alone, while the script refuses a whole batch.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::group::{Commit, GroupCommit};
use crate::metrics::Metrics;
use crate::model::{Queue, now_ms};
use crate::store::{NewRow, Pushed, Store};
use crate::wake::{Notes, Waker};

/// What one caller's push did.
#[derive(Debug, Default)]
pub(crate) struct Committed {
    /// Its tasks not stored because their idempotency key was seen: (index in the
    /// caller's rows, the first task's id).
    pub duplicates: Vec<(usize, String)>,
    /// Its push created the queue.
    pub created: bool,
}

/// One caller's push: its rows, and the queue to create when missing.
pub(crate) struct Pending {
    rows: Vec<NewRow>,
    create: Option<Queue>,
}

/// Stores grouped pushes.
pub(crate) struct Pusher {
    store: Store,
    metrics: Arc<Metrics>,
    waker: Waker,
    maintenance: Arc<dyn Notes>,
}

/// Pushes grouped per queue.
pub(crate) type Batcher = GroupCommit<Pusher>;

pub(crate) fn batcher(
    store: Store,
    metrics: Arc<Metrics>,
    waker: Waker,
    maintenance: Arc<dyn Notes>,
) -> Arc<Batcher> {
    GroupCommit::new(
        Pusher {
            store,
            metrics,
            waker,
            maintenance,
        },
        super::MAX_BATCH,
    )
}

/// Stores `rows` in `queue` (creating it with `create` when missing), with
/// whatever other pushes to the queue are waiting; returns once they are stored.
pub(crate) async fn push(
    batcher: &Arc<Batcher>,
    queue: &str,
    rows: Vec<NewRow>,
    create: Option<Queue>,
) -> Result<Committed> {
    batcher
        .submit(queue, Pending { rows, create })
        .await
        .unwrap_or_else(|| Err(Error::Internal("push batch dropped".into())))
}

impl Pusher {
    /// What follows a push of `rows` tasks into `queue` at `now` that Redis took:
    /// the count, a wake for the dispatcher, a note for the janitor when the
    /// idempotency keys expire.
    pub(crate) fn stored(&self, queue: &str, rows: usize, pushed: &Pushed, now: i64) {
        self.metrics
            .pushed(queue, (rows - pushed.duplicates.len()) as u64);
        if let Some(earliest) = pushed.earliest {
            self.waker.pushed(queue, earliest);
        }
        if let Some(window) = pushed.dedup_window_ms {
            self.maintenance.note(queue, now + window);
        }
    }
}

impl Commit for Pusher {
    type Item = Pending;
    type Out = Result<Committed>;

    fn weight(&self, item: &Pending) -> usize {
        item.rows.len()
    }

    /// One push script call for `batch`; an answer for every caller in it.
    async fn commit(&self, queue: &str, batch: Vec<Pending>) -> Vec<Result<Committed>> {
        let mut rows = Vec::with_capacity(batch.iter().map(|p| p.rows.len()).sum());
        let mut spans = Vec::with_capacity(batch.len());
        let mut create = None;
        for p in batch {
            spans.push((rows.len(), p.rows.len(), p.create.is_some()));
            rows.extend(p.rows);
            if create.is_none() {
                create = p.create;
            }
        }
        let now = now_ms();
        let pushed = match self
            .store
            .push(queue, &rows, create.as_ref(), false, now)
            .await
        {
            Ok(p) => p,
            Err(e) => {
                // The tasks may be stored all the same (no replica confirmed them,
                // or the connection dropped after the write): look at the queue.
                self.waker.wake_now(queue);
                return spans.iter().map(|_| Err(e.clone())).collect();
            }
        };
        self.stored(queue, rows.len(), &pushed, now);
        let mut created = pushed.created;
        spans
            .into_iter()
            .map(|(start, len, creates)| {
                let duplicates = pushed
                    .duplicates
                    .iter()
                    .filter(|(i, _)| (start..start + len).contains(i))
                    .map(|(i, id)| (i - start, id.clone()))
                    .collect();
                Ok(Committed {
                    duplicates,
                    // The creation is reported once, to a caller that asked for it.
                    created: creates && std::mem::take(&mut created),
                })
            })
            .collect()
    }
}
