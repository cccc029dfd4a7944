//! How the parts of one HTQ process tell each other there is work: the [`Waker`]
//! reaches the local dispatcher (a push, a finished task, changed schedules), and
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
    /// A task of `queue` that this process performed is done (a slot is free).
    Finished { queue: String },
}

/// Reaches the local dispatcher; cheap to clone. Sending never blocks and never fails
/// visibly: with no dispatcher running, wakes are dropped.
#[derive(Clone, Debug)]
pub struct Waker {
    tx: mpsc::UnboundedSender<Wake>,
    schedules: Arc<Notify>,
}

impl Waker {
    /// A waker and the receiving end the dispatcher reads.
    pub fn channel() -> (Waker, mpsc::UnboundedReceiver<Wake>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (
            Waker {
                tx,
                schedules: Arc::new(Notify::new()),
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

    /// A task of `queue` performed here is done.
    pub fn finished(&self, queue: &str) {
        let _ = self.tx.send(Wake::Finished {
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
