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
