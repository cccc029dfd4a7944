//! Redis key names. Every per-queue key carries the queue name as a hash tag, so one
//! queue's keys share a Redis Cluster slot and its scripts stay legal on a cluster.

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
}

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
        }
    }
}
