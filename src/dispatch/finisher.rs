//! Outcomes of attempts, grouped per queue (see [`crate::group`]): the outcomes of
//! one queue that arrive while its previous finish call is in flight go together
//! in the next one, so at concurrency a queue pays one script call for many
//! finished tasks instead of one each.
//!
//! The same call claims the queue's next due tasks into the slots the outcomes
//! free (`finish_claim`): each outcome brings its attempt's permit, and every task
//! claimed starts on one of them. A queue that stays busy thus pays one call per
//! group of finished tasks, where a finish and a claim took two round trips.

use std::sync::{Arc, Weak};

use tokio::sync::OwnedSemaphorePermit;

use super::{Shared, scheduler};
use crate::error::{Error, Result};
use crate::group::{Commit, GroupCommit};
use crate::model::now_ms;
use crate::store::Outcome;
use crate::wake::Refill;

/// Most outcomes in one finish call.
pub const MAX_OUTCOMES: usize = 256;

/// Records grouped outcomes and claims in the slots they free.
pub struct Finisher {
    shared: Weak<Shared>,
}

/// One outcome to record, with the permit of its attempt's slot (None when a
/// retry after a failed call: the slot was given back then).
pub struct Finishing {
    pub outcome: Outcome,
    pub permit: Option<OwnedSemaphorePermit>,
}

/// Outcomes grouped per queue.
pub type Finishes = GroupCommit<Finisher>;

/// A group commit of outcomes for the dispatcher `shared` (held weakly: the
/// dispatcher holds this).
pub(crate) fn finishes(shared: Weak<Shared>) -> Arc<Finishes> {
    GroupCommit::new(Finisher { shared }, MAX_OUTCOMES)
}

/// Records `outcome` in `queue` with whatever other outcomes of the queue wait:
/// whether its lease was still held (see [`crate::store::Store::finish`]).
/// `permit` is its slot, given back or handed to a task claimed in its place.
pub(crate) async fn finish(
    finishes: &Arc<Finishes>,
    queue: &str,
    outcome: Outcome,
    permit: Option<OwnedSemaphorePermit>,
) -> Result<bool> {
    finishes
        .submit(queue, Finishing { outcome, permit })
        .await
        .unwrap_or_else(|| Err(Error::Internal("finish call dropped".into())))
}

impl Commit for Finisher {
    type Item = Finishing;
    type Out = Result<bool>;

    async fn commit(&self, queue: &str, items: Vec<Finishing>) -> Vec<Result<bool>> {
        let Some(shared) = self.shared.upgrade() else {
            return items
                .iter()
                .map(|_| Err(Error::Internal("dispatcher stopped".into())))
                .collect();
        };
        let (outcomes, mut permits): (Vec<Outcome>, Vec<OwnedSemaphorePermit>) = {
            let mut outcomes = Vec::with_capacity(items.len());
            let mut permits = Vec::with_capacity(items.len());
            for item in items {
                outcomes.push(item.outcome);
                permits.extend(item.permit);
            }
            (outcomes, permits)
        };
        let freed = permits.len() as u32;
        let now = now_ms();
        // Once dispatch stops, nothing new is taken.
        let max = if shared.stop.is_cancelled() { 0 } else { freed };
        let (held, claim) = if max == 0 {
            (shared.store.finish_many(queue, now, &outcomes).await, None)
        } else {
            match shared.store.finish_claim(queue, now, &outcomes, max).await {
                Ok((held, claim)) => (Ok(held), claim),
                Err(e) => (Err(e), None),
            }
        };
        let refill = match claim {
            Some(claim) => scheduler::start(&shared, queue, claim, &mut permits, now).await,
            None => Refill::default(),
        };
        drop(permits);
        if freed > 0 {
            shared.waker.finished(queue, freed, refill);
        }
        match held {
            Ok(held) => held.into_iter().map(Ok).collect(),
            Err(e) => outcomes.iter().map(|_| Err(e.clone())).collect(),
        }
    }
}
