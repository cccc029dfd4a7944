//! Redis key names. Every per-queue key carries the queue name (encoded by [`tag`])
//! as a hash tag, so one queue's keys share a Redis Cluster slot and its scripts
//! stay legal on a cluster. The few global keys are either alone in their slot
//! (the queue, lease and maintenance indexes, written by commands of their own)
//! or share a hash tag of their own (`{%schedules}`, `{%signing}`).

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
    /// Hash: final outcomes whose callbacks are still to be pushed (see
    /// `outbox` in lua/prelude.lua).
    pub outbox: String,
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
//   wake        not a key: on a cluster, the queue's sharded wake channel

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

    /// Hash: schedule name -> encoded cron schedule. The schedules' keys share
    /// the hash tag `{%schedules}`, so the scripts that change several stay in
    /// one Cluster slot (as for `{%signing}`, no queue's tag can spell it).
    pub fn schedules(&self) -> String {
        format!("{}:{{%schedules}}:defs", self.prefix)
    }

    /// Sorted set: schedule name -> its next tick (ms).
    pub fn schedule_next(&self) -> String {
        format!("{}:{{%schedules}}:next", self.prefix)
    }

    /// Hash: schedule name -> the last tick that pushed a task (ms).
    pub fn schedule_last(&self) -> String {
        format!("{}:{{%schedules}}:last", self.prefix)
    }

    /// The schedules' keys as they were named before they shared a hash tag, with
    /// their names now.
    pub(super) fn schedule_renames(&self) -> [(String, String); 3] {
        [
            (format!("{}:schedules", self.prefix), self.schedules()),
            (
                format!("{}:schedule_next", self.prefix),
                self.schedule_next(),
            ),
            (
                format!("{}:schedule_last", self.prefix),
                self.schedule_last(),
            ),
        ]
    }

    /// Hash: signing key id -> its record (JSON, see [`crate::signing::KeyRecord`]).
    /// It shares the hash tag `{%signing}` with the version, so the one script that
    /// changes both stays within one Cluster slot; no queue's tag can be `%signing`
    /// (a `%` in a name is always encoded as `%25`, see [`tag`]).
    pub fn signing_keys(&self) -> String {
        format!("{}:{{%signing}}:keys", self.prefix)
    }

    /// Counter: moves with every change of the signing keys, so processes read them
    /// again only then.
    pub fn signing_version(&self) -> String {
        format!("{}:{{%signing}}:ver", self.prefix)
    }

    /// Pub/sub channel on which dispatchers are told a queue has work (on a
    /// cluster, of new queues only: a queue's wake-ups go on its own sharded
    /// channel, see `Store::wake_channel_of`).
    pub fn wake_channel(&self) -> String {
        format!("{}:wake", self.prefix)
    }

    /// The keys of queue `name`: its name goes in the hash tag encoded by [`tag`];
    /// a topic endpoint's queue (`<topic>#<endpoint>`, see [`crate::model::Topic`])
    /// has its topic's tag, `{<topic>#}`, then its endpoint (encoded, `:` too), so
    /// a topic's queues share one Redis Cluster slot with the topic itself.
    pub fn queue(&self, name: &str) -> QueueKeys {
        match crate::model::Topic::endpoint_of(name) {
            None => self.queue_tagged(&tag(name)),
            Some((topic, endpoint)) => self.queue_based(format!(
                "{}:{{{}#}}{}:",
                self.prefix,
                tag(topic),
                encode(
                    endpoint,
                    &['%', '{', '}', ':', crate::model::Partition::MARK]
                )
            )),
        }
    }

    /// Hash: topic `name`'s definition (see `Store::topic_change`), in its
    /// endpoints' slot.
    pub fn topic(&self, name: &str) -> String {
        format!("{}:{{{}#}}:topic", self.prefix, tag(name))
    }

    /// Hash: HTQ process id -> what it said of itself at its last heartbeat
    /// (JSON); readers drop the entries of processes that stopped beating.
    pub fn processes(&self) -> String {
        format!("{}:procs", self.prefix)
    }

    /// Hash: the dashboard history of the minute that starts at `minute` (ms; see
    /// store/history.rs).
    pub fn history(&self, minute: i64) -> String {
        format!("{}:hist:{minute}", self.prefix)
    }

    /// Set of every topic name (an index: the topic's hash is the truth).
    pub fn topics(&self) -> String {
        format!("{}:topics", self.prefix)
    }

    /// The keys under hash tag `tag` as it is (a queue's before names were encoded).
    pub(super) fn queue_tagged(&self, tag: &str) -> QueueKeys {
        self.queue_based(format!("{}:{{{}}}:", self.prefix, tag))
    }

    /// The keys of a queue whose keys start with `base`.
    fn queue_based(&self, base: String) -> QueueKeys {
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
            outbox: format!("{base}cbox"),
        }
    }
}

/// A queue name as its keys carry it: `%`, `{` and `}` percent-encoded, and a
/// partition's separator (see [`crate::model::Partition`]) as `%1F`, so partition 3
/// of 8 of `orders` has the tag `orders%1F3/8`. The hash tag then always ends where
/// the name does, and no name (nor flow key after it) can
/// spell a key of another queue: the encoding is one-to-one and every key of a
/// queue starts with `<prefix>:{<tag>}:`. Names without those characters are their
/// own tag, so most keys read as the name.
pub fn tag(name: &str) -> std::borrow::Cow<'_, str> {
    encode(name, &['%', '{', '}', crate::model::Partition::MARK])
}

/// `text` with each of `special` (which holds `%`) as `%XX`, its code in hex.
fn encode<'a>(text: &'a str, special: &[char]) -> std::borrow::Cow<'a, str> {
    if !text.contains(special) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    for c in text.chars() {
        if special.contains(&c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The Redis Cluster slot of `key`: CRC16 (XMODEM) of its hash tag (the part
/// between the first `{` and the next `}`, when not empty) or of the whole key,
/// modulo 16384.
pub fn slot(key: &str) -> u16 {
    let b = key.as_bytes();
    let tagged = b.iter().position(|c| *c == b'{').and_then(|open| {
        let len = b[open + 1..].iter().position(|c| *c == b'}')?;
        (len > 0).then(|| &b[open + 1..open + 1 + len])
    });
    crc16::State::<crc16::XMODEM>::calculate(tagged.unwrap_or(b)) % 16384
}

/// The keys of a queue the scripts name from its settings key (see above), but for
/// `fdue:<key>`.
pub const OTHER_QUEUE_KEYS: &[&str] = &[
    "flows", "flowact", "pace", "done", "hist", "dedup", "dedupx", "cron",
];

impl QueueKeys {
    /// Every fixed key of the queue, the scripts' others included.
    pub(super) fn all(&self) -> Vec<String> {
        let mut all = vec![
            self.settings.clone(),
            self.due.clone(),
            self.active.clone(),
            self.tasks.clone(),
            self.state.clone(),
            self.dead.clone(),
            self.imported.clone(),
            self.events.clone(),
            self.stats.clone(),
        ];
        all.extend(OTHER_QUEUE_KEYS.iter().map(|k| self.other(k)));
        all
    }

    /// One of the keys the scripts name from the settings key: `flows`,
    /// `fdue:<key>`, ...
    pub(super) fn other(&self, suffix: &str) -> String {
        format!("{}{suffix}", self.settings.trim_end_matches("queue"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_reach_other_keys() {
        let k = Keys::new("htq");
        // The collision of a flow key with another queue's key, closed.
        let v = k.queue("v");
        let other = k.queue("v}:fdue:k");
        assert_eq!(v.other("fdue:k}:due"), "htq:{v}:fdue:k}:due");
        assert_eq!(other.due, "htq:{v%7D:fdue:k}:due");
        assert_ne!(v.other("fdue:k}:due"), other.due);
        assert_eq!(k.queue("a{b%").settings, "htq:{a%7Bb%25}:queue");
        assert_eq!(k.queue("队列:x").settings, "htq:{队列:x}:queue");
        // Redis Cluster's own examples.
        assert_eq!(slot("123456789"), 12739);
        assert_eq!(slot("{user1000}.following"), slot("user1000"));
        // An empty tag: the whole key counts.
        assert_eq!(slot("foo{}{bar}"), 8363);
        assert_ne!(slot("foo{}{bar}"), slot("bar"));
        assert_eq!(slot("foo{{bar}}zap"), slot("{bar"));
        // One-to-one: a name spelling another's encoding stays apart.
        assert_ne!(k.queue("%7D").settings, k.queue("}").settings);
        // Partitions: a tag of their own no queue name can spell.
        let p = crate::model::Partition::name("orders", 3, 8);
        assert_eq!(k.queue(&p).due, "htq:{orders%1F3/8}:due");
        assert_ne!(k.queue(&p).due, k.queue("orders%1F3/8").due);
        assert_ne!(slot(&k.queue(&p).due), slot(&k.queue("orders").due));
        // A topic's endpoints: keys in the topic's slot, apart from each other, from
        // the queue of the topic's name, and from names spelling their encoding.
        let billing = k.queue("orders#billing");
        assert_eq!(billing.due, "htq:{orders#}billing:due");
        assert_eq!(k.topic("orders"), "htq:{orders#}:topic");
        assert_eq!(slot(&billing.due), slot(&k.topic("orders")));
        assert_eq!(slot(&k.queue("orders#mail").due), slot(&k.topic("orders")));
        assert_ne!(billing.due, k.queue("orders#mail").due);
        assert_ne!(slot(&billing.due), slot(&k.queue("orders").due));
        assert_eq!(k.queue("o#a:fdue").due, "htq:{o#}a%3Afdue:due");
        assert_ne!(k.queue("o#a:fdue").due, k.queue("o#a").other("fdue:due"));
        assert_eq!(k.queue("o{#x}").settings, "htq:{o%7B#}x%7D:queue");
    }
}
