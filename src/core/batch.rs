//! Group commit of pushes: concurrent pushes to the same queue share one push
//! script call. A push to a queue with no call in flight goes to Redis at once (no
//! added wait when idle); pushes that arrive while one is in flight wait for it and
//! go together in the next call, up to [`super::MAX_BATCH`] tasks. Every caller is
//! answered only once the script that stored its tasks has returned, so nothing is
//! acknowledged before it is in Redis.
//!
//! Only pushes whose ids HTQ made are grouped: a caller-chosen id that exists must
//! refuse that caller's push alone, while the script refuses a whole batch.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use crate::error::{Error, Result};
use crate::metrics::Metrics;
use crate::model::{Queue, now_ms};
use crate::store::{NewRow, Store};
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

struct Pending {
    rows: Vec<NewRow>,
    create: Option<Queue>,
    tx: oneshot::Sender<Result<Committed>>,
}

/// The pushes waiting per queue; a queue is present while a call for it is in
/// flight.
pub(crate) struct Batcher {
    store: Store,
    metrics: Arc<Metrics>,
    waker: Waker,
    maintenance: Arc<dyn Notes>,
    lanes: Mutex<HashMap<String, Vec<Pending>>>,
}

impl Batcher {
    pub(crate) fn new(
        store: Store,
        metrics: Arc<Metrics>,
        waker: Waker,
        maintenance: Arc<dyn Notes>,
    ) -> Arc<Batcher> {
        Arc::new(Batcher {
            store,
            metrics,
            waker,
            maintenance,
            lanes: Mutex::new(HashMap::new()),
        })
    }

    /// Stores `rows` in `queue` (creating it with `create` when missing), with
    /// whatever other pushes to the queue are waiting; returns once they are stored.
    pub(crate) async fn push(
        self: &Arc<Self>,
        queue: &str,
        rows: Vec<NewRow>,
        create: Option<Queue>,
    ) -> Result<Committed> {
        let (tx, rx) = oneshot::channel();
        let pending = Pending { rows, create, tx };
        let lead = {
            let mut lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
            match lanes.get_mut(queue) {
                Some(waiting) => {
                    waiting.push(pending);
                    false
                }
                None => {
                    lanes.insert(queue.to_owned(), vec![pending]);
                    true
                }
            }
        };
        if lead {
            use tracing::Instrument;
            let (this, queue) = (self.clone(), queue.to_owned());
            // The script spans follow the push that started the flush.
            tokio::spawn(async move { this.flush(queue).await }.in_current_span());
        }
        rx.await
            .map_err(|_| Error::Internal("push batch dropped".into()))?
    }

    /// Commits what waits for `queue` until nothing does.
    async fn flush(&self, queue: String) {
        loop {
            let batch = {
                let mut lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
                let Some(waiting) = lanes.get_mut(&queue) else {
                    return;
                };
                if waiting.is_empty() {
                    lanes.remove(&queue);
                    return;
                }
                let mut rows = 0;
                let take = waiting
                    .iter()
                    .take_while(|p| {
                        rows += p.rows.len();
                        rows <= super::MAX_BATCH || rows == p.rows.len()
                    })
                    .count();
                waiting.drain(..take).collect::<Vec<_>>()
            };
            self.commit(&queue, batch).await;
        }
    }

    /// One push script call for `batch`; answers every caller in it.
    async fn commit(&self, queue: &str, batch: Vec<Pending>) {
        let mut rows = Vec::with_capacity(batch.iter().map(|p| p.rows.len()).sum());
        let mut spans = Vec::with_capacity(batch.len());
        let mut create = None;
        let mut txs = Vec::with_capacity(batch.len());
        for p in batch {
            spans.push((rows.len(), p.rows.len(), p.create.is_some()));
            rows.extend(p.rows);
            if create.is_none() {
                create = p.create;
            }
            txs.push(p.tx);
        }
        let now = now_ms();
        let pushed = self
            .store
            .push(queue, &rows, create.as_ref(), false, now)
            .await;
        let pushed = match pushed {
            Ok(p) => p,
            Err(e) => {
                for tx in txs {
                    let _ = tx.send(Err(again(&e)));
                }
                return;
            }
        };
        self.metrics
            .pushed(queue, (rows.len() - pushed.duplicates.len()) as u64);
        if let Some(earliest) = pushed.earliest {
            self.waker.wake_at(queue, earliest);
        }
        if let Some(window) = pushed.dedup_window_ms {
            self.maintenance.note(queue, now + window);
        }
        let mut created = pushed.created;
        for ((start, len, creates), tx) in spans.into_iter().zip(txs) {
            let duplicates = pushed
                .duplicates
                .iter()
                .filter(|(i, _)| (start..start + len).contains(i))
                .map(|(i, id)| (i - start, id.clone()))
                .collect();
            let _ = tx.send(Ok(Committed {
                duplicates,
                // The creation is reported once, to a caller that asked for it.
                created: creates && std::mem::take(&mut created),
            }));
        }
    }
}

/// The same error again, for every caller of a failed batch.
fn again(e: &Error) -> Error {
    match e {
        Error::InvalidArgument { field, reason } => Error::invalid(field.clone(), reason.clone()),
        Error::NotFound(s) => Error::NotFound(s.clone()),
        Error::AlreadyExists(s) => Error::AlreadyExists(s.clone()),
        Error::FailedPrecondition(s) => Error::FailedPrecondition(s.clone()),
        Error::Unauthenticated => Error::Unauthenticated,
        Error::Storage(s) => Error::Storage(s.clone()),
        Error::Internal(s) => Error::Internal(s.clone()),
    }
}
