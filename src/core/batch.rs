//! Group commit of pushes (see [`crate::group`]): concurrent pushes share one
//! push script call, up to [`super::MAX_BATCH`] tasks. On one Redis the pushes of
//! every queue share one lane (a call then holds a section per queue, see
//! push_multi.lua); on a Redis Cluster, whose scripts stay within one slot, each
//! queue has a lane of its own.
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

/// One caller's push: its queue, its rows, and the queue to create when missing.
pub(crate) struct Pending {
    queue: String,
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
    let lane = if batcher.committer().store.is_cluster() {
        queue
    } else {
        ""
    };
    let pending = Pending {
        queue: queue.to_owned(),
        rows,
        create,
    };
    batcher
        .submit(lane, pending)
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
    async fn commit(&self, _lane: &str, batch: Vec<Pending>) -> Vec<Result<Committed>> {
        // Sections by queue, in the order each first came.
        let mut sections: Vec<Section> = Vec::new();
        let mut callers = Vec::with_capacity(batch.len());
        for p in batch {
            let i = match sections.iter().position(|s| s.queue == p.queue) {
                Some(i) => i,
                None => {
                    sections.push(Section {
                        queue: p.queue,
                        rows: Vec::new(),
                        create: None,
                    });
                    sections.len() - 1
                }
            };
            let s = &mut sections[i];
            callers.push((i, s.rows.len(), p.rows.len(), p.create.is_some()));
            s.rows.extend(p.rows);
            if s.create.is_none() {
                s.create = p.create;
            }
        }
        let now = now_ms();
        let results: Vec<Result<Pushed>> = match sections.as_slice() {
            [one] => vec![
                self.store
                    .push(&one.queue, &one.rows, one.create.as_ref(), false, now)
                    .await,
            ],
            many => {
                let parts: Vec<(&str, &[NewRow], Option<&Queue>)> = many
                    .iter()
                    .map(|s| (s.queue.as_str(), s.rows.as_slice(), s.create.as_ref()))
                    .collect();
                match self.store.push_multi(&parts, now).await {
                    Ok(r) => r,
                    Err(e) => many.iter().map(|_| Err(e.clone())).collect(),
                }
            }
        };
        let mut created: Vec<bool> = Vec::with_capacity(sections.len());
        for (s, r) in sections.iter().zip(&results) {
            match r {
                Ok(pushed) => self.stored(&s.queue, s.rows.len(), pushed, now),
                // The tasks may be stored all the same (no replica confirmed them,
                // or the connection dropped after the write): look at the queue.
                Err(_) => self.waker.wake_now(&s.queue),
            }
            created.push(r.as_ref().is_ok_and(|p| p.created));
        }
        callers
            .into_iter()
            .map(|(i, start, len, creates)| {
                let pushed = results[i].as_ref().map_err(Clone::clone)?;
                let duplicates = pushed
                    .duplicates
                    .iter()
                    .filter(|(d, _)| (start..start + len).contains(d))
                    .map(|(d, id)| (d - start, id.clone()))
                    .collect();
                Ok(Committed {
                    duplicates,
                    // The creation is reported once, to a caller that asked for it.
                    created: creates && std::mem::take(&mut created[i]),
                })
            })
            .collect()
    }
}

/// The pushes of one queue within a group call.
struct Section {
    queue: String,
    rows: Vec<NewRow>,
    create: Option<Queue>,
}
