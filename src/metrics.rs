//! Prometheus metrics, served at `/metrics` (OpenMetrics, or the 0.0.4 text format
//! for scrapers that do not ask for it). One registry per server;
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
    connections: Gauge,
    connections_refused: Counter,
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
            connections: Gauge::default(),
            connections_refused: Counter::default(),
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
            "Time of each Redis script call by script (push, claim, finish_claim, ...), round trip included",
            m.script_seconds.clone(),
        );
        registry.register(
            "redis_script_errors",
            "Redis scripts that failed (Redis unreachable or a script error)",
            m.script_errors.clone(),
        );
        registry.register("watchers", "Open WatchQueue streams", m.watchers.clone());
        registry.register(
            "connections",
            "Open client connections (gRPC and HTTP)",
            m.connections.clone(),
        );
        registry.register(
            "connections_refused",
            "Connections closed at once because max_connections were open",
            m.connections_refused.clone(),
        );
        Metrics { registry, ..m }
    }

    /// How many queues get a label of their own.
    pub fn max_queues(&self) -> usize {
        self.max_queues
    }

    /// The label of queue `name` (a partition's is its queue's): its name, or
    /// `other` once `max_queues` names are in use.
    fn queue(&self, name: &str) -> String {
        let name = crate::model::Partition::queue_of(name);
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

    /// A client connection opened (`+1`) or closed (`-1`).
    pub fn connection(&self, delta: i64) {
        self.connections.inc_by(delta);
    }

    /// A connection closed at once: too many were open.
    pub fn connection_refused(&self) {
        self.connections_refused.inc();
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

    /// The OpenMetrics 1.0 exposition (`application/openmetrics-text`).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }

    /// The Prometheus text format 0.0.4 (`text/plain; version=0.0.4`), for scrapers
    /// that do not ask for OpenMetrics.
    pub fn encode_text(&self) -> String {
        openmetrics_to_text(&self.encode())
    }
}

/// The media type and body for a scraper whose `Accept` header is `accept`:
/// OpenMetrics when it accepts it (Prometheus asks for it first), else 0.0.4.
pub fn exposition(metrics: &Metrics, accept: Option<&str>) -> (&'static str, String) {
    if accepts_openmetrics(accept.unwrap_or("")) {
        (
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
            metrics.encode(),
        )
    } else {
        (
            "text/plain; version=0.0.4; charset=utf-8",
            metrics.encode_text(),
        )
    }
}

/// Whether an `Accept` header lists `application/openmetrics-text` with q > 0.
fn accepts_openmetrics(accept: &str) -> bool {
    accept.split(',').any(|range| {
        let mut parts = range.split(';').map(str::trim);
        let media = parts.next().unwrap_or("");
        media.eq_ignore_ascii_case("application/openmetrics-text")
            && parts.all(|p| {
                p.split_once('=').is_none_or(|(k, v)| {
                    !k.trim().eq_ignore_ascii_case("q")
                        || v.trim().parse::<f32>().is_ok_and(|q| q > 0.0)
                })
            })
    })
}

/// Rewrites an OpenMetrics exposition in the 0.0.4 text format: a counter family
/// is named as its `_total` sample, `_created` samples, `# UNIT` lines, exemplars
/// and `# EOF` go, and types 0.0.4 lacks become `gauge` or `untyped`.
fn openmetrics_to_text(om: &str) -> String {
    use std::collections::HashMap;
    let types: HashMap<&str, &str> = om
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| l.split_once(' '))
        .collect();
    let renamed = |name: &str| -> String {
        match types.get(name).copied() {
            Some("counter") if !name.ends_with("_total") => format!("{name}_total"),
            Some("info") => format!("{name}_info"),
            _ => name.to_owned(),
        }
    };
    let mut out = String::with_capacity(om.len());
    for line in om.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        if let Some((name, help)) = line.strip_prefix("# HELP ").and_then(|l| l.split_once(' ')) {
            // 0.0.4 escapes only backslash and newline in help text.
            let help = help.replace("\\\"", "\"");
            out.push_str(&format!("# HELP {} {help}\n", renamed(name)));
            continue;
        }
        if let Some((name, kind)) = line.strip_prefix("# TYPE ").and_then(|l| l.split_once(' ')) {
            let kind = match kind {
                "counter" | "gauge" | "histogram" | "summary" => kind,
                "info" | "stateset" => "gauge",
                _ => "untyped",
            };
            out.push_str(&format!("# TYPE {} {kind}\n", renamed(name)));
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let name_end = line.find(['{', ' ']).unwrap_or(line.len());
        if line[..name_end].ends_with("_created") {
            continue;
        }
        // An exemplar follows the value after " # ".
        let sample = match line.find(" # ") {
            Some(i) if !line[..i].contains('{') || line[..i].contains('}') => &line[..i],
            _ => line,
        };
        out.push_str(sample);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scraper_gets_the_format_it_asks_for() {
        let m = Metrics::new(10);
        m.pushed("a", 3);
        let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        let (media, body) = exposition(&m, Some(prometheus));
        assert!(media.starts_with("application/openmetrics-text; version=1.0.0"));
        assert!(body.contains("# TYPE htq_tasks_pushed counter\n"), "{body}");
        assert!(body.ends_with("# EOF\n"), "{body}");
        for accept in [
            None,
            Some("text/plain"),
            Some("application/openmetrics-text;q=0"),
        ] {
            let (media, body) = exposition(&m, accept);
            assert_eq!(media, "text/plain; version=0.0.4; charset=utf-8");
            assert!(
                body.contains("# TYPE htq_tasks_pushed_total counter\n"),
                "{body}"
            );
            assert!(body.contains("# HELP htq_tasks_pushed_total "), "{body}");
            assert!(
                body.contains("htq_tasks_pushed_total{queue=\"a\"} 3\n"),
                "{body}"
            );
            assert!(
                !body.contains("# EOF") && !body.contains("# UNIT"),
                "{body}"
            );
        }
    }

    #[test]
    fn openmetrics_only_parts_are_rewritten() {
        let om = "# HELP x_seconds A \\\"quoted\\\" help.\n# TYPE x_seconds histogram\n# UNIT x_seconds seconds\nx_seconds_bucket{le=\"1\"} 2 # {trace_id=\"a\"} 0.5\nx_seconds_created 17\n# TYPE b info\nb_info{v=\"1\"} 1\n# TYPE s stateset\n# EOF\n";
        let text = openmetrics_to_text(om);
        assert_eq!(
            text,
            "# HELP x_seconds A \"quoted\" help.\n# TYPE x_seconds histogram\nx_seconds_bucket{le=\"1\"} 2\n# TYPE b_info gauge\nb_info{v=\"1\"} 1\n# TYPE s gauge\n"
        );
    }

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
