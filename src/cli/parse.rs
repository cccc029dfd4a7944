//! Command-line values turned into the contract's types: durations, times, headers,
//! queue kinds and task states.

use std::time::Duration;

use anyhow::Context;
use htq::api::pb;

/// `secs` seconds, the value of `flag`.
pub fn duration(secs: f64, flag: &str) -> anyhow::Result<pbjson_types::Duration> {
    let d = Duration::try_from_secs_f64(secs)
        .with_context(|| format!("{flag} must be a non-negative number"))?;
    Ok(pbjson_types::Duration {
        seconds: d.as_secs() as i64,
        nanos: d.subsec_nanos() as i32,
    })
}

/// An RFC 3339 time, the value of `--at`.
pub fn timestamp(at: &str) -> anyhow::Result<htq::api::wkt::Timestamp> {
    let t: jiff::Timestamp = at
        .parse()
        .with_context(|| format!("--at {at:?} is not an RFC 3339 time"))?;
    Ok(htq::api::wkt::Timestamp {
        seconds: t.as_second(),
        nanos: t.subsec_nanosecond(),
    })
}

/// A header given as "Name: value".
pub fn header(h: &str) -> anyhow::Result<pb::Header> {
    let (name, value) = h
        .split_once(':')
        .with_context(|| format!("header {h:?} is not \"Name: value\""))?;
    Ok(pb::Header {
        name: name.trim().to_owned(),
        value: value.trim().to_owned(),
    })
}

/// A queue kind: real_time, timing or variable.
pub fn queue_kind(name: &str) -> anyhow::Result<pb::QueueKind> {
    Ok(match name {
        "real_time" => pb::QueueKind::RealTime,
        "timing" => pb::QueueKind::Timing,
        "variable" => pb::QueueKind::Variable,
        other => anyhow::bail!("unknown kind {other:?}: real_time, timing or variable"),
    })
}

/// A task state: scheduled, due, active or dead.
pub fn task_state(name: &str) -> anyhow::Result<pb::TaskState> {
    pb::TaskState::from_str_name(&format!("TASK_STATE_{}", name.to_ascii_uppercase())).with_context(
        || format!("unknown state {name:?}: scheduled, due, active, dead, succeeded or cancelled"),
    )
}

/// Callback flags: the requests made once a task reaches its final outcome.
#[derive(clap::Args, Debug, Default)]
pub struct CallbackArgs {
    /// POST the outcome as JSON to this URL when the task succeeds.
    #[arg(long, value_name = "URL")]
    pub on_success: Option<String>,
    /// POST the outcome as JSON to this URL when the task is dead-lettered.
    #[arg(long, value_name = "URL")]
    pub on_failure: Option<String>,
    /// Call --on-failure when the task is cancelled too.
    #[arg(long)]
    pub on_cancel: bool,
    /// The queue the callback tasks go to (default: the task's own).
    #[arg(long, value_name = "QUEUE")]
    pub callback_queue: Option<String>,
}

impl CallbackArgs {
    /// The callbacks the flags name; None when they name none.
    pub fn callbacks(self) -> Option<pb::Callbacks> {
        let hook = |url: Option<String>| {
            url.map(|url| pb::Callback {
                method: "POST".into(),
                url,
                headers: Vec::new(),
            })
        };
        let c = pb::Callbacks {
            on_success: hook(self.on_success),
            on_failure: hook(self.on_failure),
            on_cancel: self.on_cancel,
            queue: self.callback_queue.unwrap_or_default(),
        };
        (c != pb::Callbacks::default()).then_some(c)
    }
}
