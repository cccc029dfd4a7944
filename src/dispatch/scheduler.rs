//! The scheduler: one loop that knows, per queue, when to look next, and runs at
//! most one claim per queue at a time. It sleeps until the earliest timer or the next
//! wake; it never polls.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use tokio::sync::{OwnedSemaphorePermit, mpsc};
use tracing::Instrument;

use super::{Shared, callbacks, finisher, outcome};
use crate::model::ms;
use crate::model::{FinalOutcome, Queue, now_ms};
use crate::store::{ClaimedTask, Finish, Outcome};
use crate::wake::{Refill, Wake};

/// Delay before a queue whose claim failed (Redis down) is tried again.
const CLAIM_RETRY_MS: i64 = 1000;

/// Longest a push into a queue whose slots this process all holds waits for a
/// look of its own.
const FULL_LOOK_MS: i64 = 1000;

#[derive(Default)]
struct Slot {
    /// When to claim next (ms), if a timer is set.
    timer: Option<i64>,
    /// A claim is running.
    claiming: bool,
    /// A wake came while claiming: claim again when done.
    again: bool,
    /// A local push came while claiming: claim again when done unless the claim
    /// left every slot of the queue held here.
    again_pushed: bool,
    /// Tasks of this queue this process has in flight. A task's end may be heard
    /// before the report of the claim that started it, so this may dip below zero
    /// for a moment; it never drifts.
    in_flight: i64,
    /// The queue's max_concurrency as of the last claim (0 before one).
    cap: u32,
    /// The next claim was prompted by work known to be due (a push, a due time,
    /// a claim that filled every slot it asked for), not by a settings change or a
    /// start: it notes the lease index ahead (see `Store::claim`).
    expect_work: bool,
}

impl Slot {
    /// This process alone holds every slot of the queue: a claim now would find it
    /// full, and the next task of ours to finish brings a claim anyway.
    fn full_here(&self) -> bool {
        self.cap > 0 && self.in_flight >= i64::from(self.cap)
    }

    /// Counts the tasks of `queue` a claim started (`refill`), whichever call made
    /// it. The lease index is how another process finds these tasks if this one
    /// dies. Its entry for a queue goes only when a sweep finds the queue's `active`
    /// set empty, so while a noted task of ours is in flight, later claims are
    /// covered: note when our count leaves zero.
    fn started(&mut self, queue: &str, refill: Refill, leases: &super::Sweeper) {
        if refill.cap > 0 {
            self.cap = refill.cap;
        }
        if let Some(deadline) = refill.lease_deadline {
            if self.in_flight <= 0 {
                leases.note(queue, deadline);
            }
            self.in_flight += i64::from(refill.started);
        }
    }
}

/// What a claim reports back to the loop.
struct ClaimDone {
    queue: String,
    result: crate::Result<Summary>,
}

struct Summary {
    gone: bool,
    asked: u32,
    /// The tasks started.
    refill: Refill,
    blocked: bool,
    next_due: Option<i64>,
    next_lease: Option<i64>,
    /// The time the claim ran at (ms).
    claimed_at: i64,
}

pub(crate) async fn run(shared: Arc<Shared>, mut wakes: mpsc::UnboundedReceiver<Wake>) {
    let (done_tx, mut done_rx) = mpsc::unbounded_channel::<ClaimDone>();
    let mut slots: HashMap<String, Slot> = HashMap::new();
    let mut timers: BinaryHeap<Reverse<(i64, String)>> = BinaryHeap::new();
    loop {
        let next_timer = timers.peek().map(|Reverse((at, _))| *at);
        let sleep = async {
            match next_timer {
                Some(at) => {
                    tokio::time::sleep(Duration::from_millis((at - now_ms()).max(0) as u64)).await
                }
                None => std::future::pending().await,
            }
        };
        let mut ready: Vec<String> = Vec::new();
        tokio::select! {
            biased;
            _ = shared.stop.cancelled() => return,
            Some(done) = done_rx.recv() => {
                let now = now_ms();
                let slot = slots.entry(done.queue.clone()).or_default();
                slot.claiming = false;
                match done.result {
                    Ok(s) if s.gone => { slots.remove(&done.queue); }
                    Ok(s) => {
                        slot.started(&done.queue, s.refill, &shared.leases);
                        let claimed = s.refill.started;
                        let more = claimed > 0 && claimed == s.asked;
                        let pushed = std::mem::take(&mut slot.again_pushed);
                        if std::mem::take(&mut slot.again) || (pushed && !slot.full_here()) || more {
                            slot.expect_work |= pushed || more;
                            ready.push(done.queue);
                        } else {
                            let due = if s.blocked { None } else { s.next_due };
                            // As for a push skipped while full (see Wake::Pushed).
                            let full_look = pushed.then_some(now + FULL_LOOK_MS);
                            let next = [due, s.next_lease, full_look].into_iter().flatten().min();
                            if let Some(mut at) = next {
                                if claimed == 0 && at <= s.claimed_at {
                                    // Nothing could start, yet something was due when
                                    // the claim ran: never spin on Redis over it. (A
                                    // time that has come only since is a plain timer.)
                                    tracing::debug!(queue = %done.queue, "due work that cannot start; looking again in a second");
                                    at = now + CLAIM_RETRY_MS;
                                }
                                set_timer(slot, &mut timers, &done.queue, at);
                            }
                        }
                    }
                    Err(e) => {
                        tracing::warn!(queue = %done.queue, error = %e, "claim failed; trying again shortly");
                        slot.again = false;
                        slot.again_pushed = false;
                        set_timer(slot, &mut timers, &done.queue, now + CLAIM_RETRY_MS);
                    }
                }
            }
            Some(wake) = wakes.recv() => {
                match wake {
                    Wake::At { queue, at_ms: at } => {
                        shared.history.watch(&queue);
                        if at <= now_ms() {
                            if at > 0 {
                                slots.entry(queue.clone()).or_default().expect_work = true;
                            }
                            ready.push(queue);
                        } else {
                            let slot = slots.entry(queue.clone()).or_default();
                            set_timer(slot, &mut timers, &queue, at);
                        }
                    }
                    Wake::Pushed { queue, at_ms: at } => {
                        shared.history.watch(&queue);
                        let slot = slots.entry(queue.clone()).or_default();
                        if at > now_ms() {
                            set_timer(slot, &mut timers, &queue, at);
                        } else if slot.claiming {
                            slot.again_pushed = true;
                        } else if !slot.full_here() {
                            slot.expect_work = true;
                            ready.push(queue);
                        } else {
                            // A freed slot brings a claim; should one go unheard,
                            // the pushed task still waits no more than this.
                            set_timer(slot, &mut timers, &queue, now_ms() + FULL_LOOK_MS);
                        }
                    }
                    Wake::Finished { queue, freed, refill } => {
                        let slot = slots.entry(queue.clone()).or_default();
                        slot.in_flight -= i64::from(freed);
                        slot.started(&queue, refill, &shared.leases);
                        // Slots the finishing call left free: a claim fills them, or
                        // learns when to look next.
                        if refill.started < freed {
                            ready.push(queue);
                        }
                    }
                    Wake::Outbox { queue } => super::callbacks::Relays::kick(&shared, &queue),
                    Wake::All => match shared.store.served_names().await {
                        Ok(names) => ready.extend(names),
                        Err(e) => {
                            tracing::warn!(error = %e, "cannot list queues; trying again shortly");
                            let waker = shared.waker.clone();
                            tokio::spawn(async move {
                                tokio::time::sleep(Duration::from_millis(CLAIM_RETRY_MS as u64)).await;
                                waker.wake_all();
                            });
                        }
                    },
                }
            }
            _ = sleep => {
                let now = now_ms();
                while let Some(Reverse((at, _))) = timers.peek() {
                    if *at > now {
                        break;
                    }
                    let Some(Reverse((at, queue))) = timers.pop() else { break };
                    if let Some(slot) = slots.get_mut(&queue)
                        && slot.timer == Some(at)
                    {
                        slot.timer = None;
                        slot.expect_work = true;
                        ready.push(queue);
                    }
                }
            }
        }
        // Superseded timers stay in the heap until their time; drop them when they
        // outnumber the live ones.
        if timers.len() > 2 * slots.len() + 1024 {
            timers = slots
                .iter()
                .filter_map(|(q, s)| s.timer.map(|at| Reverse((at, q.clone()))))
                .collect();
        }
        for queue in ready {
            let slot = slots.entry(queue.clone()).or_default();
            if slot.claiming {
                slot.again = true;
                continue;
            }
            slot.claiming = true;
            slot.timer = None;
            // None of ours in flight: no lease entry of ours covers what it takes.
            let note_lease = std::mem::take(&mut slot.expect_work) && slot.in_flight <= 0;
            let shared = shared.clone();
            let done_tx = done_tx.clone();
            shared.claims.clone().spawn(async move {
                let result = claim(&shared, &queue, note_lease).await;
                let _ = done_tx.send(ClaimDone { queue, result });
            });
        }
    }
}

/// Keeps the earliest of the current timer and `at`.
fn set_timer(
    slot: &mut Slot,
    timers: &mut BinaryHeap<Reverse<(i64, String)>>,
    queue: &str,
    at: i64,
) {
    if slot.claiming {
        // The claim's own report sets the next timer; make sure it looks again.
        if at <= now_ms() {
            slot.again = true;
        }
    }
    if slot.timer.is_none_or(|t| at < t) {
        slot.timer = Some(at);
        timers.push(Reverse((at, queue.to_owned())));
    }
}

/// Takes permits, claims, and starts a request per claimed task.
async fn claim(shared: &Arc<Shared>, queue: &str, note_lease: bool) -> crate::Result<Summary> {
    let first = tokio::select! {
        p = shared.permits.clone().acquire_owned() => p.map_err(|_| crate::Error::Internal("permits closed".into()))?,
        _ = shared.stop.cancelled() => return Ok(Summary::idle()),
    };
    let mut permits = vec![first];
    while permits.len() < shared.opts.claim_batch as usize {
        match shared.permits.clone().try_acquire_owned() {
            Ok(p) => permits.push(p),
            Err(_) => break,
        }
    }
    if shared.stop.is_cancelled() {
        return Ok(Summary::idle());
    }
    let asked = permits.len() as u32;
    let now = now_ms();
    let Some(claim) = shared.store.claim(queue, now, asked, note_lease).await? else {
        return Ok(Summary {
            gone: true,
            ..Summary::idle()
        });
    };
    let (blocked, next_due, next_lease) = (claim.blocked, claim.next_due, claim.next_lease);
    Ok(Summary {
        gone: false,
        asked,
        refill: start(shared, queue, claim, &mut permits, now).await,
        blocked,
        next_due,
        next_lease,
        claimed_at: now,
    })
}

/// Starts a request per task of `claim`, each on one of `permits` (claimed at
/// `now`); returns what started. Once dispatch stops, the tasks go straight back.
pub(crate) async fn start(
    shared: &Arc<Shared>,
    queue: &str,
    claim: crate::store::Claim,
    permits: &mut Vec<OwnedSemaphorePermit>,
    now: i64,
) -> Refill {
    let none = Refill {
        cap: claim.queue.max_concurrency,
        ..Refill::default()
    };
    if claim.tasks.is_empty() {
        return none;
    }
    if shared.stop.is_cancelled() {
        // Dispatch stopped while the claim was at Redis: give the tasks straight back.
        for task in &claim.tasks {
            if let Err(e) = shared
                .store
                .hand_back(queue, &task.id, task.token(), now_ms())
                .await
            {
                tracing::warn!(queue, task_id = %task.id, error = %e, "cannot hand back; its lease will expire");
            }
        }
        return none;
    }
    let lease_deadline =
        now + ms(claim.queue.request_timeout) + ms(shared.store.options().lease_margin);
    let settings = claim.queue;
    let started = claim.tasks.len() as u32;
    for task in claim.tasks {
        let Some(permit) = permits.pop() else { break };
        let shared2 = shared.clone();
        let settings = settings.clone();
        let span = tracing::info_span!(
            "dispatch",
            queue = %settings.name,
            task_id = %task.id,
            attempt = task.attempt(),
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        // Push, wait and delivery as one trace: the attempt's span is a child of the
        // span the task was pushed in.
        if let Some(tp) = &task.state.traceparent {
            crate::telemetry::set_remote_parent(&span, tp);
        }
        shared
            .in_flight
            .spawn(perform(shared2, settings, task, permit).instrument(span));
    }
    Refill {
        started,
        lease_deadline: Some(lease_deadline),
        cap: none.cap,
    }
}

impl Summary {
    fn idle() -> Self {
        Summary {
            gone: false,
            asked: 0,
            refill: Refill::default(),
            blocked: false,
            next_due: None,
            next_lease: None,
            claimed_at: 0,
        }
    }
}

/// Performs one task and records its outcome.
async fn perform(
    shared: Arc<Shared>,
    queue: Arc<Queue>,
    task: ClaimedTask,
    permit: OwnedSemaphorePermit,
) {
    let started = std::time::Instant::now();
    let metrics = &shared.metrics;
    // How late the first attempt started after the task was due.
    let delay = (task.attempt() == 1)
        .then(|| Duration::from_millis((now_ms() - task.due_ms).max(0) as u64));
    metrics.dispatched(&queue.name, delay);
    shared.history.dispatched(&queue.name, delay.map(ms));
    let attempt = tokio::select! {
        a = shared.executor.perform(&queue, &task) => Some(a),
        _ = shared.hard_stop.cancelled() => None,
    };
    let latency = started.elapsed();
    let span = tracing::Span::current();
    span.record("latency_ms", latency.as_millis() as u64);
    if let Some(Some(status)) = attempt.as_ref().map(|a| a.status) {
        span.record("status", status);
    }
    let store = &shared.store;
    let Some(attempt) = attempt else {
        metrics.finished(&queue.name, "handed_back", None, latency);
        match store
            .hand_back(&queue.name, &task.id, task.token(), now_ms())
            .await
        {
            Ok(_) => tracing::info!("handed back at shutdown"),
            Err(e) => tracing::warn!(error = %e, "cannot hand back; its lease will expire"),
        }
        return;
    };
    let now = now_ms();
    let jitter = rand::rng().random_range(0.8..1.2);
    let finish = outcome::decide(&queue, &task.state, &attempt, now, jitter);
    match &finish {
        Finish::Succeed { .. } => tracing::debug!(status = attempt.status, "succeeded"),
        Finish::Retry { at, error, .. } => {
            tracing::info!(error = %error, retry_in_ms = at - now, "failed; will retry")
        }
        Finish::Dead { error, .. } => tracing::warn!(error = %error, "failed; dead-lettered"),
        Finish::Reschedule { at, run_count, .. } => {
            tracing::debug!(next_in_ms = at - now, run_count, "rescheduled")
        }
    }
    let record = outcome::record(&attempt, latency, &queue);
    let kind = match &finish {
        Finish::Succeed { .. } => "succeeded",
        Finish::Retry { .. } => "retried",
        Finish::Dead { .. } => "dead",
        Finish::Reschedule { .. } => "rescheduled",
    };
    metrics.finished(&queue.name, kind, attempt.status, latency);
    shared.history.finished(
        &queue.name,
        ms(latency),
        matches!(finish, Finish::Retry { .. } | Finish::Dead { .. }),
    );
    // Redis may be briefly away: try a few times, then leave the task to lease
    // expiry, which runs it again (delivery is at least once).
    let mut delay = Duration::from_millis(100);
    let callback = match &finish {
        Finish::Succeed { .. } => {
            callbacks::finish_entry(&queue, &task, FinalOutcome::Succeeded, &attempt, "", now)
        }
        Finish::Dead { error, .. } => {
            callbacks::finish_entry(&queue, &task, FinalOutcome::Dead, &attempt, error, now)
        }
        _ => String::new(),
    };
    let relay = !callback.is_empty();
    let outcome = Outcome {
        id: task.id.clone(),
        token: task.token().to_owned(),
        finish: finish.clone(),
        record,
        callback,
    };
    // The slot goes with the first try: given back, or to a task claimed in its place.
    let mut permit = Some(permit);
    for _ in 0..5 {
        match finisher::finish(
            &shared.finishes,
            &queue.name,
            outcome.clone(),
            permit.take(),
        )
        .await
        {
            Ok(true) => {
                // Dead letters and retained tasks expire: tell the janitor when.
                let expires = match &finish {
                    Finish::Dead { .. } => Some(ms(queue.dead_max_age)),
                    Finish::Succeed { .. } if !queue.retention.is_zero() => {
                        Some(ms(queue.retention))
                    }
                    _ => None,
                };
                if let Some(after) = expires {
                    shared.maintenance.note(&queue.name, now + after);
                }
                if relay {
                    callbacks::Relays::kick(&shared, &queue.name);
                }
                break;
            }
            Ok(false) => {
                tracing::info!("lease no longer held; outcome discarded");
                break;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot record outcome; retrying");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
        }
    }
}
