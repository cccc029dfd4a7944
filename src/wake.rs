//! How the parts of one HTQ process tell each other there is work: the [`Waker`]
//! reaches the local dispatcher (a push, a finished task, changed schedules or
//! signing keys), and
//! [`Notes`] reaches a time-index sweeper. Both sit below the core and the
//! dispatcher, which use them without depending on each other.

use std::sync::Arc;

use tokio::sync::{Notify, mpsc};

/// A request to look at a queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wake {
    /// `queue` may have work at `at_ms` (0 or a past time: now).
    At { queue: String, at_ms: i64 },
    /// Tasks pushed in this process into `queue` are due at `at_ms`. Unlike
    /// [`Wake::At`], it may be skipped while this process alone holds every slot of
    /// the queue: a slot it frees brings a look anyway.
    Pushed { queue: String, at_ms: i64 },
    /// Every queue may have work (start, or the wake channel reconnected).
    All,
    /// `queue`'s callback outbox has outcomes to relay (a cancel).
    Outbox { queue: String },
    /// Tasks of `queue` that this process performed are done, freeing `freed`
    /// slots; `refill` tells what was claimed into them in the same call.
    Finished {
        queue: String,
        freed: u32,
        refill: Refill,
    },
}

/// Tasks claimed by the call that recorded outcomes, into the slots those free.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refill {
    /// Tasks started.
    pub started: u32,
    /// Their lease deadline (ms), when any started.
    pub lease_deadline: Option<i64>,
    /// The queue's max_concurrency (0: not read).
    pub cap: u32,
}

/// Reaches the local dispatcher; cheap to clone. Sending never blocks and never fails
/// visibly: with no dispatcher running, wakes are dropped.
#[derive(Clone, Debug)]
pub struct Waker {
    tx: mpsc::UnboundedSender<Wake>,
    schedules: Arc<Notify>,
    signing_keys: Arc<Notify>,
}

impl Waker {
    /// A waker and the receiving end the dispatcher reads.
    pub fn channel() -> (Waker, mpsc::UnboundedReceiver<Wake>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (
            Waker {
                tx,
                schedules: Arc::new(Notify::new()),
                signing_keys: Arc::new(Notify::new()),
            },
            rx,
        )
    }

    /// The cron schedules changed (created or deleted, here or elsewhere).
    pub fn schedules_changed(&self) {
        self.schedules.notify_one();
    }

    /// Resolves when the cron schedules changed since the last call.
    pub async fn schedules_notified(&self) {
        self.schedules.notified().await
    }

    /// The signing keys may have changed (a process said so on the wake channel):
    /// read them again.
    pub fn signing_keys_changed(&self) {
        self.signing_keys.notify_one();
    }

    /// Resolves at the first [`Waker::signing_keys_changed`] since the last call.
    pub async fn signing_keys_notified(&self) {
        self.signing_keys.notified().await
    }

    /// Queue `queue` may have work at `at_ms`.
    pub fn wake_at(&self, queue: &str, at_ms: i64) {
        let _ = self.tx.send(Wake::At {
            queue: queue.to_owned(),
            at_ms,
        });
    }

    /// Queue `queue` may have work now.
    pub fn wake_now(&self, queue: &str) {
        self.wake_at(queue, 0);
    }

    /// Tasks pushed here into `queue` are due at `at_ms`.
    pub fn pushed(&self, queue: &str, at_ms: i64) {
        let _ = self.tx.send(Wake::Pushed {
            queue: queue.to_owned(),
            at_ms,
        });
    }

    /// Tasks of `queue` performed here are done, freeing `freed` slots, and
    /// `refill` started in their place.
    pub fn finished(&self, queue: &str, freed: u32, refill: Refill) {
        let _ = self.tx.send(Wake::Finished {
            queue: queue.to_owned(),
            freed,
            refill,
        });
    }

    /// `queue`'s callback outbox may have outcomes to relay.
    pub fn outbox(&self, queue: &str) {
        let _ = self.tx.send(Wake::Outbox {
            queue: queue.to_owned(),
        });
    }

    /// Every queue may have work.
    pub fn wake_all(&self) {
        let _ = self.tx.send(Wake::All);
    }
}

/// Takes notes in a time index (see `store::Index`): "queue needs a look at `at_ms`".
/// Noting never blocks; the sweeper of that index looks sooner if it planned to look
/// later.
pub trait Notes: Send + Sync {
    /// Notes that `queue` needs a look at `at_ms`.
    fn note(&self, queue: &str, at_ms: i64);
}
