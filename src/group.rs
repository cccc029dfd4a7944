//! Group commit: concurrent requests for the same key (a queue, a lane) share one
//! Redis call. A request for a key with no call in flight goes to Redis at once (no
//! added wait when idle); requests that arrive while one is in flight wait for it
//! and go together in the next call, up to a weight cap. Every caller is answered
//! only once the call that carried its request has returned, so nothing is
//! acknowledged before it is in Redis.
//!
//! Used for pushes (`core`) and for the outcomes of attempts (`dispatch`).

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;
use tracing::Instrument;

/// What one group call does.
pub trait Commit: Send + Sync + 'static {
    /// One caller's request.
    type Item: Send + 'static;
    /// One caller's answer.
    type Out: Send + 'static;

    /// How much of the cap `item` takes (tasks in it, say); 1 by default.
    fn weight(&self, _item: &Self::Item) -> usize {
        1
    }

    /// Performs `items` for `key` in one call; one answer per item, in order.
    fn commit(
        &self,
        key: &str,
        items: Vec<Self::Item>,
    ) -> impl Future<Output = Vec<Self::Out>> + Send;
}

type Waiting<C> = Vec<(<C as Commit>::Item, oneshot::Sender<<C as Commit>::Out>)>;

/// The requests waiting per key; a key is present while a call for it is in flight.
pub struct GroupCommit<C: Commit> {
    committer: C,
    cap: usize,
    lanes: Mutex<HashMap<String, Waiting<C>>>,
}

impl<C: Commit> GroupCommit<C> {
    /// Groups of at most `cap` weight (a heavier single item still goes alone).
    pub fn new(committer: C, cap: usize) -> Arc<Self> {
        Arc::new(GroupCommit {
            committer,
            cap,
            lanes: Mutex::new(HashMap::new()),
        })
    }

    /// The committer.
    pub fn committer(&self) -> &C {
        &self.committer
    }

    /// Performs `item` for `key` with whatever else waits for it; None only when
    /// the call was dropped (the runtime is shutting down).
    pub async fn submit(self: &Arc<Self>, key: &str, item: C::Item) -> Option<C::Out> {
        let (tx, rx) = oneshot::channel();
        let lead = {
            let mut lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
            match lanes.get_mut(key) {
                Some(waiting) => {
                    waiting.push((item, tx));
                    false
                }
                None => {
                    lanes.insert(key.to_owned(), vec![(item, tx)]);
                    true
                }
            }
        };
        if lead {
            let (this, key) = (self.clone(), key.to_owned());
            // The call's spans follow the request that started it.
            tokio::spawn(async move { this.flush(key).await }.in_current_span());
        }
        rx.await.ok()
    }

    /// Commits what waits for `key` until nothing does.
    async fn flush(&self, key: String) {
        loop {
            let group = {
                let mut lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
                let Some(waiting) = lanes.get_mut(&key) else {
                    return;
                };
                if waiting.is_empty() {
                    lanes.remove(&key);
                    return;
                }
                let mut weight = 0;
                let take = waiting
                    .iter()
                    .take_while(|(item, _)| {
                        let w = self.committer.weight(item);
                        weight += w;
                        weight <= self.cap || weight == w
                    })
                    .count();
                waiting.drain(..take).collect::<Vec<_>>()
            };
            let (items, txs): (Vec<_>, Vec<_>) = group.into_iter().unzip();
            let outs = self.committer.commit(&key, items).await;
            for (out, tx) in outs.into_iter().zip(txs) {
                let _ = tx.send(out);
            }
        }
    }
}
