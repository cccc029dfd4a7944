//! Redis key names. Every per-queue key carries the queue name as a hash tag, so one
//! queue's keys share a Redis Cluster slot and its scripts stay legal on a cluster
//! (all but the cron tick script, which also touches the global schedule index).

/// Key names under one prefix.
#[derive(Debug, Clone)]
pub struct Keys {
    prefix: String,
}

/// The keys of one queue.
#[derive(Debug, Clone)]
pub struct QueueKeys {
    /// Hash: the queue's settings (and the `blocked` flag, see claim.lua).
    pub settings: String,
    /// Sorted set: task id -> time it becomes due (ms).
    pub due: String,
    /// Sorted set: task id -> lease deadline (ms) while its request is in flight.
    pub active: String,
    /// Hash: task id -> encoded task (request, creation and schedule time).
    pub tasks: String,
    /// Hash: task id -> mutable state JSON (attempts, last result), once started.
    pub state: String,
    /// Sorted set: task id -> time it was dead-lettered (ms).
    pub dead: String,
    /// Set: ids of tasks imported from a legacy HTQ Redis.
    pub imported: String,
    /// Stream: the queue's events.
    pub events: String,
    /// Hash: the queue's counters (`started`, `failed`, `evicted`).
    pub stats: String,
}

// The scripts name a queue's other keys from these (lua/prelude.lua, `qkey`); all
// share the `htq:{name}:` prefix:
//   fdue:<key>  sorted set: waiting tasks of one flow key -> due time
//   flows       sorted set: flow key ('' for tasks without one) -> when it may be
//               served next (+inf while at its concurrency cap)
//   flowact     hash: flow key -> tasks of it in flight
//   pace        hash: rate limit state (GCRA theoretical arrival time, ms): '' the
//               queue's, else a flow key's
//   done        sorted set: retained finished task id -> finish time
//   hist        hash: task id -> its latest attempts (JSON array)
//   dedup       hash: idempotency key -> first task id; dedupx: key -> expiry (ms)

impl Keys {
    /// Keys under `prefix` (default `htq`).
    pub fn new(prefix: &str) -> Self {
        Keys {
            prefix: prefix.to_owned(),
        }
    }

    /// Set of every queue name (an index: the settings hash is the truth).
    pub fn queues(&self) -> String {
        format!("{}:queues", self.prefix)
    }

    /// Sorted set: queue -> time its expired leases must be looked at.
    pub fn leases(&self) -> String {
        format!("{}:leases", self.prefix)
    }

    /// Sorted set: queue -> when its dead letters, retained tasks or idempotency keys
    /// next expire.
    pub fn maintenance(&self) -> String {
        format!("{}:maint", self.prefix)
    }

    /// Hash: schedule name -> encoded cron schedule.
    pub fn schedules(&self) -> String {
        format!("{}:schedules", self.prefix)
    }

    /// Sorted set: schedule name -> its next tick (ms).
    pub fn schedule_next(&self) -> String {
        format!("{}:schedule_next", self.prefix)
    }

    /// Hash: schedule name -> the last tick that pushed a task (ms).
    pub fn schedule_last(&self) -> String {
        format!("{}:schedule_last", self.prefix)
    }

    /// Pub/sub channel on which dispatchers are told a queue has work.
    pub fn wake_channel(&self) -> String {
        format!("{}:wake", self.prefix)
    }

    /// The keys of queue `name`.
    pub fn queue(&self, name: &str) -> QueueKeys {
        let base = format!("{}:{{{}}}:", self.prefix, name);
        QueueKeys {
            settings: format!("{base}queue"),
            due: format!("{base}due"),
            active: format!("{base}active"),
            tasks: format!("{base}tasks"),
            state: format!("{base}state"),
            dead: format!("{base}dead"),
            imported: format!("{base}imported"),
            events: format!("{base}events"),
            stats: format!("{base}stats"),
        }
    }
}
