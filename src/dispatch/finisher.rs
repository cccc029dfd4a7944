//! Outcomes of attempts, grouped per queue (see [`crate::group`]): the outcomes of
//! one queue that arrive while its previous finish call is in flight go together
//! in the next one, so at concurrency a queue pays one script call for many
//! finished tasks instead of one each.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::group::{Commit, GroupCommit};
use crate::model::now_ms;
use crate::store::{Outcome, Store};

/// Most outcomes in one finish call.
pub const MAX_OUTCOMES: usize = 256;

/// Records grouped outcomes.
pub struct Finisher {
    store: Store,
}

/// Outcomes grouped per queue.
pub type Finishes = GroupCommit<Finisher>;

/// A group commit of outcomes on `store`.
pub fn finishes(store: Store) -> Arc<Finishes> {
    GroupCommit::new(Finisher { store }, MAX_OUTCOMES)
}

/// Records `outcome` in `queue` with whatever other outcomes of the queue wait:
/// whether its lease was still held (see [`Store::finish`]).
pub async fn finish(finishes: &Arc<Finishes>, queue: &str, outcome: Outcome) -> Result<bool> {
    finishes
        .submit(queue, outcome)
        .await
        .unwrap_or_else(|| Err(Error::Internal("finish call dropped".into())))
}

impl Commit for Finisher {
    type Item = Outcome;
    type Out = Result<bool>;

    async fn commit(&self, queue: &str, outcomes: Vec<Outcome>) -> Vec<Result<bool>> {
        match self.store.finish_many(queue, now_ms(), &outcomes).await {
            Ok(held) => held.into_iter().map(Ok).collect(),
            Err(e) => outcomes.iter().map(|_| Err(e.clone())).collect(),
        }
    }
}
