//! Prometheus metrics, served at `/metrics` (text format). One registry per server;
//! the store holds it, so every part of HTQ reaches it. Queue names are labels, but
//! at most `max_queues` of them: later queues share the label `other`.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::model::TaskCounts;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct QueueLabel {
    queue: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    queue: String,
    /// succeeded, retried, dead, rescheduled
    outcome: String,
    /// 2xx, 3xx, 4xx, 5xx, or none (no reply)
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DepthLabels {
    queue: String,
    /// scheduled, due, active, dead, finished
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ScriptLabel {
    script: String,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

fn seconds_buckets() -> Histogram {
    // 1 ms to about 33 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 16))
}

fn script_buckets() -> Histogram {
    // 50 µs to about 0.8 s.
    Histogram::new(exponential_buckets(0.00005, 2.0, 14))
}

/// Every metric of one HTQ server.
pub struct Metrics {
    registry: Registry,
    max_queues: usize,
    queues: Mutex<HashSet<String>>,
    pushed: Family<QueueLabel, Counter>,
    dispatched: Family<QueueLabel, Counter>,
    outcomes: Family<OutcomeLabels, Counter>,
    request_seconds: Histograms<QueueLabel>,
    dispatch_delay_seconds: Histograms<QueueLabel>,
    in_flight: Gauge,
    depth: Family<DepthLabels, Gauge>,
    script_seconds: Histograms<ScriptLabel>,
    script_errors: Family<ScriptLabel, Counter>,
    watchers: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new(100)
    }
}

impl Metrics {
    /// A registry with every metric, labelling at most `max_queues` queues by name.
    pub fn new(max_queues: usize) -> Self {
        let mut registry = Registry::with_prefix("htq");
        let m = Metrics {
            max_queues,
            queues: Mutex::new(HashSet::new()),
            pushed: Family::default(),
            dispatched: Family::default(),
            outcomes: Family::default(),
            request_seconds: Family::new_with_constructor(seconds_buckets),
            dispatch_delay_seconds: Family::new_with_constructor(seconds_buckets),
            in_flight: Gauge::default(),
            depth: Family::default(),
            script_seconds: Family::new_with_constructor(script_buckets),
            script_errors: Family::default(),
            watchers: Gauge::default(),
            registry: Registry::default(),
        };
        registry.register("tasks_pushed", "Tasks stored by pushes", m.pushed.clone());
        registry.register("tasks_dispatched", "Requests started", m.dispatched.clone());
        registry.register(
            "task_outcomes",
            "Finished attempts by outcome and reply status class",
            m.outcomes.clone(),
        );
        registry.register(
            "request_duration_seconds",
            "Time from a request's start to its last reply byte or error",
            m.request_seconds.clone(),
        );
        registry.register(
            "dispatch_delay_seconds",
            "Time from a task's due time to the start of its first attempt",
            m.dispatch_delay_seconds.clone(),
        );
        registry.register(
            "in_flight",
            "Requests in flight in this process",
            m.in_flight.clone(),
        );
        registry.register(
            "queue_depth",
            "Tasks by queue and state, at the last scrape",
            m.depth.clone(),
        );
        registry.register(
            "redis_script_duration_seconds",
            "Time of the main Redis scripts (push, claim, finish), round trip included",
            m.script_seconds.clone(),
        );
        registry.register(
            "redis_script_errors",
            "Redis scripts that failed (Redis unreachable or a script error)",
            m.script_errors.clone(),
        );
        registry.register("watchers", "Open WatchQueue streams", m.watchers.clone());
        Metrics { registry, ..m }
    }

    /// How many queues get a label of their own.
    pub fn max_queues(&self) -> usize {
        self.max_queues
    }

    /// The label of queue `name`: its name, or `other` once `max_queues` names are
    /// in use.
    fn queue(&self, name: &str) -> String {
        let mut seen = self.queues.lock().unwrap_or_else(|e| e.into_inner());
        if seen.contains(name) {
            return name.to_owned();
        }
        if seen.len() < self.max_queues {
            seen.insert(name.to_owned());
            return name.to_owned();
        }
        "other".to_owned()
    }

    fn label(&self, name: &str) -> QueueLabel {
        QueueLabel {
            queue: self.queue(name),
        }
    }

    /// `n` tasks stored in `queue`.
    pub fn pushed(&self, queue: &str, n: u64) {
        if n > 0 {
            self.pushed.get_or_create(&self.label(queue)).inc_by(n);
        }
    }

    /// A request of `queue` started, `delay` after its due time (first attempts).
    pub fn dispatched(&self, queue: &str, delay: Option<Duration>) {
        let label = self.label(queue);
        self.dispatched.get_or_create(&label).inc();
        if let Some(d) = delay {
            self.dispatch_delay_seconds
                .get_or_create(&label)
                .observe(d.as_secs_f64());
        }
        self.in_flight.inc();
    }

    /// A request of `queue` ended after `took` as `outcome` with reply `status`.
    pub fn finished(&self, queue: &str, outcome: &str, status: Option<u16>, took: Duration) {
        self.in_flight.dec();
        let queue = self.queue(queue);
        self.request_seconds
            .get_or_create(&QueueLabel {
                queue: queue.clone(),
            })
            .observe(took.as_secs_f64());
        let status = match status {
            Some(s) => format!("{}xx", s / 100),
            None => "none".to_owned(),
        };
        self.outcomes
            .get_or_create(&OutcomeLabels {
                queue,
                outcome: outcome.to_owned(),
                status,
            })
            .inc();
    }

    /// A script `script` ran for `took`, failing when `failed`.
    pub fn script(&self, script: &str, took: Duration, failed: bool) {
        let label = ScriptLabel {
            script: script.to_owned(),
        };
        self.script_seconds
            .get_or_create(&label)
            .observe(took.as_secs_f64());
        if failed {
            self.script_errors.get_or_create(&label).inc();
        }
    }

    /// A watch opened (`+1`) or closed (`-1`).
    pub fn watcher(&self, delta: i64) {
        self.watchers.inc_by(delta);
    }

    /// Sets the depth gauges of `queue`.
    pub fn depth(&self, queue: &str, c: &TaskCounts) {
        let queue = self.queue(queue);
        for (state, n) in [
            ("scheduled", c.scheduled),
            ("due", c.due),
            ("active", c.active),
            ("dead", c.dead),
            ("finished", c.finished),
        ] {
            self.depth
                .get_or_create(&DepthLabels {
                    queue: queue.clone(),
                    state: state.to_owned(),
                })
                .set(n as i64);
        }
    }

    /// The text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_labels_fold_into_other_past_the_limit() {
        let m = Metrics::new(2);
        m.pushed("a", 1);
        m.pushed("b", 2);
        m.pushed("c", 3);
        m.pushed("d", 4);
        m.pushed("a", 5);
        let text = m.encode();
        assert!(
            text.contains("htq_tasks_pushed_total{queue=\"a\"} 6"),
            "{text}"
        );
        assert!(
            text.contains("htq_tasks_pushed_total{queue=\"b\"} 2"),
            "{text}"
        );
        assert!(
            text.contains("htq_tasks_pushed_total{queue=\"other\"} 7"),
            "{text}"
        );
    }
}
