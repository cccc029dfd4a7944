//! The dispatcher: claims due tasks, performs their requests, reports outcomes.
//!
//! No fixed polling tick. Three things wake a queue: a push or a finished task in
//! this process (through the [`Waker`]), a message on the Redis wake channel from
//! another HTQ process ([`wakes`]), and a timer at the queue's earliest due time or
//! lease deadline ([`scheduler`]). Two [`sweeper`]s keep the time indexes: the lease
//! sweeper takes back expired leases of processes that died, the janitor applies
//! the time bounds of dead letters, finished tasks and idempotency keys. Cron
//! schedules tick in [`cron`]; [`keys`] keeps the signing keys current.

pub mod callbacks;
pub mod cron;
pub mod egress;
pub mod executor;
pub mod finisher;
pub mod history;
pub mod keys;
pub mod outcome;
pub mod scheduler;
pub mod sweeper;
pub mod wakes;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::metrics::Metrics;
use crate::model::now_ms;
use crate::store::{Index, Store};
use crate::wake::{Wake, Waker};
use executor::Executor;
use sweeper::Sweeper;

/// Longest the lease sweeper sleeps without reading its index.
pub const LEASE_SWEEP_EVERY: Duration = Duration::from_secs(10);

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
    /// Which targets requests may reach.
    pub egress: Arc<egress::Policy>,
    /// The keys requests are signed with, kept current by the dispatcher (load
    /// them first with `Store::load_signing_keys`, so the first requests are signed too).
    pub keys: Arc<crate::signing::KeyRing>,
    /// The address this process serves on, as its heartbeat tells it.
    pub address: String,
    /// How often this process adds what it did to the dashboard's history.
    pub history_every: Duration,
}

impl Default for DispatchOptions {
    fn default() -> Self {
        DispatchOptions {
            max_in_flight: 1024,
            claim_batch: 64,
            shutdown_grace: Duration::from_secs(10),
            user_agent: concat!("htq/", env!("CARGO_PKG_VERSION")).to_owned(),
            egress: Arc::default(),
            keys: Arc::default(),
            address: String::new(),
            history_every: Duration::from_secs(5),
        }
    }
}

/// What the dispatcher's loops share.
pub(crate) struct Shared {
    pub store: Store,
    pub metrics: Arc<Metrics>,
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
    /// The lease index's sweeper (claims note their leases in it).
    pub leases: Sweeper,
    /// The maintenance index's sweeper (the janitor).
    pub maintenance: Sweeper,
    /// Outcomes of attempts, grouped per queue.
    pub finishes: Arc<finisher::Finishes>,
    /// The callback relays running here.
    pub relays: callbacks::Relays,
    /// What this process did, for the dashboard's history.
    pub history: history::History,
    /// What this process's heartbeat says of it that does not change.
    pub beat: crate::store::ProcessBeat,
}

/// What this process says of itself at each heartbeat, as of now.
fn beat_now(shared: &Shared) -> crate::store::ProcessBeat {
    crate::store::ProcessBeat {
        in_flight: shared.in_flight.len() as u64,
        beat_ms: now_ms(),
        ..shared.beat.clone()
    }
}

/// Keeps this process's heartbeat in Redis (the system view lists the processes
/// whose heartbeat is current), and removes it at shutdown. The first beat is
/// written by [`Dispatcher::announce`] before the process serves.
async fn heartbeat(shared: Arc<Shared>) {
    loop {
        tokio::select! {
            _ = shared.stop.cancelled() => break,
            _ = tokio::time::sleep(crate::store::HEARTBEAT_EVERY) => {}
        }
        if let Err(e) = shared.store.beat(&beat_now(&shared)).await {
            tracing::debug!(error = %e, "cannot write the heartbeat");
        }
    }
    if let Err(e) = shared.store.forget_process(shared.store.pid()).await {
        tracing::debug!(error = %e, "cannot remove the heartbeat");
    }
}

/// How often this process sets its clock to Redis's again.
const CLOCK_SYNC_EVERY: Duration = Duration::from_secs(60);

/// Keeps this process's clock on Redis's (see [`Store::sync_clock`]).
async fn sync_clock(shared: Arc<Shared>) {
    loop {
        tokio::select! {
            _ = shared.stop.cancelled() => return,
            _ = tokio::time::sleep(CLOCK_SYNC_EVERY) => {}
        }
        match shared.store.sync_clock().await {
            Ok(offset) if offset.abs() > 1000 => {
                tracing::debug!(offset_ms = offset, "this host's clock is off Redis's");
            }
            Ok(_) => {}
            Err(e) => tracing::debug!(error = %e, "cannot read Redis's clock"),
        }
    }
}

/// A running dispatcher.
pub struct Dispatcher {
    shared: Arc<Shared>,
    loops: TaskTracker,
}

impl Dispatcher {
    /// Writes this process's first heartbeat, so that the system view lists it
    /// from the moment it serves.
    pub async fn announce(&self) -> crate::error::Result<()> {
        self.shared.store.beat(&beat_now(&self.shared)).await
    }

    /// Starts the dispatcher's loops. `waker`/`wakes` come from [`Waker::channel`];
    /// `maintenance` is the maintenance index's sweeper (the core notes in it too),
    /// which this dispatcher runs; dispatches and outcomes are counted in `metrics`.
    pub fn start(
        store: Store,
        opts: DispatchOptions,
        waker: Waker,
        wakes: mpsc::UnboundedReceiver<Wake>,
        maintenance: Sweeper,
        metrics: Arc<Metrics>,
    ) -> Result<Self, reqwest::Error> {
        let executor = Executor::new(&opts.user_agent, opts.egress.clone(), opts.keys.clone())?;
        let beat = crate::store::ProcessBeat {
            id: store.pid().to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            address: opts.address.clone(),
            host: std::fs::read_to_string("/proc/sys/kernel/hostname")
                .map(|h| h.trim().to_owned())
                .unwrap_or_default(),
            started_ms: now_ms(),
            ..Default::default()
        };
        let shared = Arc::new_cyclic(|shared| Shared {
            metrics,
            leases: Sweeper::new(store.clone(), Index::Leases, LEASE_SWEEP_EVERY),
            maintenance,
            executor,
            finishes: finisher::finishes(shared.clone()),
            relays: callbacks::Relays::default(),
            history: history::History::default(),
            permits: Arc::new(Semaphore::new(opts.max_in_flight)),
            store,
            waker,
            opts,
            beat,
            stop: CancellationToken::new(),
            hard_stop: CancellationToken::new(),
            claims: TaskTracker::new(),
            in_flight: TaskTracker::new(),
        });
        let loops = TaskTracker::new();
        loops.spawn(scheduler::run(shared.clone(), wakes));
        loops.spawn(wakes::run(shared.clone()));
        loops.spawn(cron::run(shared.clone()));
        loops.spawn(keys::run(shared.clone()));
        loops.spawn(sync_clock(shared.clone()));
        loops.spawn(heartbeat(shared.clone()));
        loops.spawn(history::run(shared.clone(), shared.opts.history_every));
        let s = shared.clone();
        loops.spawn(
            shared
                .leases
                .clone()
                .run(shared.stop.clone(), move |queue, now| {
                    sweeper::recover_leases(s.clone(), queue, now)
                }),
        );
        let s = shared.clone();
        loops.spawn(
            shared
                .maintenance
                .clone()
                .run(shared.stop.clone(), move |queue, now| {
                    sweeper::apply_time_bounds(s.clone(), queue, now)
                }),
        );
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
