//! Printing the server's answers: JSON for scripts, or one line per item for people.

use htq::api::pb;

/// Prints `value` as one line of JSON when `json`, else as `human` says.
pub fn show<T: serde::Serialize>(json: bool, value: &T, human: impl FnOnce(&T) -> String) {
    if json {
        match serde_json::to_string(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("htq: cannot encode the answer: {e}"),
        }
    } else {
        println!("{}", human(value));
    }
}

/// An enum value's protobuf name without its `prefix`, in lower case: "" if unknown.
pub fn enum_name(name: Option<&str>, prefix: &str) -> String {
    name.map(|n| n.trim_start_matches(prefix).to_ascii_lowercase())
        .unwrap_or_default()
}

/// Joins `items`' lines, one per item.
pub fn lines<T>(items: &[T], line: impl Fn(&T) -> String) -> String {
    items.iter().map(line).collect::<Vec<_>>().join("\n")
}

pub fn queue_line(q: &pb::Queue) -> String {
    let kind = enum_name(
        pb::QueueKind::try_from(q.kind)
            .ok()
            .map(|k| k.as_str_name()),
        "QUEUE_KIND_",
    );
    format!(
        "{:<30} {:<10} concurrency {:<5} {}",
        q.name,
        kind,
        q.max_concurrency,
        if q.paused { "paused" } else { "running" }
    )
}

pub fn task_line(t: &pb::Task) -> String {
    let state = enum_name(
        pb::TaskState::try_from(t.state)
            .ok()
            .map(|s| s.as_str_name()),
        "TASK_STATE_",
    );
    let url = t.request.as_ref().map(|r| r.url.as_str()).unwrap_or("");
    format!(
        "{}  {:<10} attempts {:<3} {}  {}",
        t.id, state, t.attempts, url, t.last_error
    )
}

/// A task and its attempts, newest last: each attempt's status (or error), its
/// latency and the reply excerpt; a captured response with its headers and body.
pub fn task_detail(t: &pb::Task) -> String {
    let mut out = task_line(t);
    for (i, a) in t.history.iter().enumerate() {
        let latency = a
            .latency
            .as_ref()
            .map(|d| d.seconds * 1000 + i64::from(d.nanos) / 1_000_000)
            .unwrap_or(0);
        let outcome = if a.status > 0 {
            format!("HTTP {}", a.status)
        } else {
            a.error.clone()
        };
        out.push_str(&format!("\n  attempt {}: {outcome} in {latency} ms", i + 1));
        match &a.response {
            Some(r) => {
                for h in &r.headers {
                    out.push_str(&format!("\n    {}: {}", h.name, h.value));
                }
                let kind = if r.body_base64 { " (base64)" } else { "" };
                let cut = if r.body_truncated { " (truncated)" } else { "" };
                out.push_str(&format!("\n    body{kind}{cut}: {}", r.body));
            }
            None if !a.reply.is_empty() => out.push_str(&format!("\n    reply: {}", a.reply)),
            None => {}
        }
    }
    out
}

pub fn event_line(e: &pb::QueueEvent) -> String {
    let kind = enum_name(
        pb::EventKind::try_from(e.kind)
            .ok()
            .map(|k| k.as_str_name()),
        "EVENT_KIND_",
    );
    format!(
        "{}  {:<12} {:<12} {}  {}",
        e.cursor, e.queue, kind, e.task_id, e.error
    )
}

pub fn gap_line(g: &pb::EventGap) -> String {
    format!(
        "(events missed in {}; going on after {})",
        g.queue, g.resume_cursor
    )
}

pub fn counts_line(queue: &str, c: &pb::CountTasksResponse) -> String {
    format!(
        "{queue}: scheduled {} due {} active {} dead {} finished {} evicted {}",
        c.scheduled, c.due, c.active, c.dead, c.finished, c.evicted
    )
}
