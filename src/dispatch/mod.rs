//! The dispatcher: claims due tasks, performs their requests, reports outcomes.
//!
//! No fixed polling tick. Three things wake a queue: a push or a finished task in
//! this process (through the [`Waker`]), a message on the Redis wake channel from
//! another HTQ process ([`wakes`]), and a timer at the queue's earliest due time or
//! lease deadline ([`scheduler`]). Expired leases of processes that died are taken
//! back by the lease sweeper ([`leases`]). Cron schedules tick in [`cron`]; the
//! time bounds of dead letters and finished tasks are kept by [`janitor`].

pub mod cron;
pub mod executor;
pub mod janitor;
pub mod leases;
pub mod outcome;
pub mod scheduler;
pub mod wakes;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::store::Store;
use executor::Executor;

/// A request to look at a queue.
#[derive(Debug)]
pub enum Wake {
    /// Queue `0` may have work at time `1` (ms; 0 or a past time: now).
    At(String, i64),
    /// Every queue may have work (start, or the wake channel reconnected).
    All,
    /// A task of queue `0` that this process performed is done (a slot is free).
    Finished(String),
}

/// Reaches the local dispatcher; cheap to clone. Sending never blocks and never fails
/// visibly: with no dispatcher running, wakes are dropped.
#[derive(Clone, Debug)]
pub struct Waker {
    tx: mpsc::UnboundedSender<Wake>,
    schedules: Arc<Notify>,
    maintenance: Arc<Maintenance>,
}

/// How the janitor learns of a maintenance time earlier than the one it sleeps for.
#[derive(Debug)]
struct Maintenance {
    noted: Notify,
    /// When the janitor plans to look next (ms); i64::MAX while it reads its index.
    planned: std::sync::atomic::AtomicI64,
}

impl Default for Maintenance {
    fn default() -> Self {
        Maintenance {
            noted: Notify::new(),
            planned: std::sync::atomic::AtomicI64::new(i64::MAX),
        }
    }
}

impl Waker {
    /// A waker and the receiving end the dispatcher reads.
    pub fn channel() -> (Waker, mpsc::UnboundedReceiver<Wake>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (
            Waker {
                tx,
                schedules: Arc::new(Notify::new()),
                maintenance: Arc::new(Maintenance::default()),
            },
            rx,
        )
    }

    /// The cron schedules changed (created or deleted, here or elsewhere).
    pub fn schedules_changed(&self) {
        self.schedules.notify_one();
    }

    /// Something of a queue expires at `at_ms` (noted in the maintenance index):
    /// the janitor looks sooner if it planned to look later.
    pub fn maintenance_at(&self, at_ms: i64) {
        use std::sync::atomic::Ordering;
        if at_ms < self.maintenance.planned.load(Ordering::Relaxed) {
            self.maintenance.noted.notify_one();
        }
    }

    /// Queue `queue` may have work at `at_ms`.
    pub fn wake_at(&self, queue: &str, at_ms: i64) {
        let _ = self.tx.send(Wake::At(queue.to_owned(), at_ms));
    }

    /// Queue `queue` may have work now.
    pub fn wake_now(&self, queue: &str) {
        self.wake_at(queue, 0);
    }

    /// A task of `queue` performed here is done.
    pub(crate) fn finished(&self, queue: &str) {
        let _ = self.tx.send(Wake::Finished(queue.to_owned()));
    }

    /// Every queue may have work.
    pub fn wake_all(&self) {
        let _ = self.tx.send(Wake::All);
    }
}

/// Dispatcher settings.
#[derive(Debug, Clone)]
pub struct DispatchOptions {
    /// Requests in flight at once in this process, over all queues.
    pub max_in_flight: usize,
    /// Most tasks one claim takes from a queue.
    pub claim_batch: u32,
    /// How long in-flight requests may run on at shutdown before they are cut off
    /// and their tasks handed back.
    pub shutdown_grace: Duration,
    /// User-Agent of outgoing requests that set none.
    pub user_agent: String,
    /// Longest the janitor (time bounds of dead letters, finished tasks and
    /// idempotency keys) sleeps without reading its index.
    pub maintain_every: Duration,
}

impl Default for DispatchOptions {
    fn default() -> Self {
        DispatchOptions {
            max_in_flight: 1024,
            claim_batch: 64,
            shutdown_grace: Duration::from_secs(10),
            user_agent: concat!("htq/", env!("CARGO_PKG_VERSION")).to_owned(),
            maintain_every: Duration::from_secs(60),
        }
    }
}

/// What the dispatcher's loops share.
pub(crate) struct Shared {
    pub store: Store,
    pub executor: Executor,
    pub waker: Waker,
    pub permits: Arc<Semaphore>,
    pub opts: DispatchOptions,
    /// Cancelled when dispatch must stop taking work.
    pub stop: CancellationToken,
    /// Cancelled when the shutdown grace period is over: cut requests off.
    pub hard_stop: CancellationToken,
    /// Every running claim.
    pub claims: TaskTracker,
    /// Every in-flight request.
    pub in_flight: TaskTracker,
    /// Told when this process took a lease ending before `sweep_at`.
    pub lease_taken: Notify,
    /// When the lease sweeper plans to look next (ms).
    pub sweep_at: std::sync::atomic::AtomicI64,
}

/// A running dispatcher.
pub struct Dispatcher {
    shared: Arc<Shared>,
    loops: TaskTracker,
}

impl Dispatcher {
    /// Starts the dispatcher's loops. `waker`/`wakes` come from [`Waker::channel`].
    pub fn start(
        store: Store,
        opts: DispatchOptions,
        waker: Waker,
        wakes: mpsc::UnboundedReceiver<Wake>,
    ) -> Result<Self, reqwest::Error> {
        let shared = Arc::new(Shared {
            executor: Executor::new(&opts.user_agent)?,
            permits: Arc::new(Semaphore::new(opts.max_in_flight)),
            store,
            waker,
            opts,
            stop: CancellationToken::new(),
            hard_stop: CancellationToken::new(),
            claims: TaskTracker::new(),
            in_flight: TaskTracker::new(),
            lease_taken: Notify::new(),
            sweep_at: std::sync::atomic::AtomicI64::new(i64::MAX),
        });
        let loops = TaskTracker::new();
        loops.spawn(scheduler::run(shared.clone(), wakes));
        loops.spawn(leases::run(shared.clone()));
        loops.spawn(wakes::run(shared.clone()));
        loops.spawn(cron::run(shared.clone()));
        loops.spawn(janitor::run(shared.clone()));
        loops.close();
        Ok(Dispatcher { shared, loops })
    }

    /// Stops in order: take no more work; let in-flight requests finish within the
    /// grace period; cut off the rest and hand their tasks back; stop the helpers.
    pub async fn shutdown(self) {
        let s = &self.shared;
        s.stop.cancel();
        // A claim already at Redis hands back what it gets (see scheduler::claim).
        s.claims.close();
        s.claims.wait().await;
        s.in_flight.close();
        if tokio::time::timeout(s.opts.shutdown_grace, s.in_flight.wait())
            .await
            .is_err()
        {
            tracing::warn!(
                in_flight = s.in_flight.len(),
                "shutdown grace period over: cutting requests off and handing their tasks back"
            );
            s.hard_stop.cancel();
            s.in_flight.wait().await;
        }
        self.loops.wait().await;
        tracing::info!("dispatcher stopped");
    }
}
