//! `htq migrate-legacy`: brings a legacy HTQ Redis over into HTQ's layout, once.
//!
//! Reads the registry hash (`<prefix>queue_list`), each queue's sorted set (members
//! in the JSON form, or the older bare-URL form) and the variable counters
//! (`<prefix><name>_times`). Queues are created with their legacy attribute; tasks
//! keep their due time and counter, with the `htq_no_repeat` marker cut off. Each
//! task gets an id derived from its queue and member, and the store remembers what
//! it imported, so a second run creates nothing twice. The legacy data is only read.

use std::collections::HashMap;
use std::fmt;

use redis::AsyncCommands;

use super::Htq;
use super::legacy::legacy_queue;
use crate::legacy::{self, RESERVED_NAME};

/// Members read from a legacy sorted set per round trip.
const PAGE: isize = 1000;

/// What one queue's import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QueueReport {
    /// The queue's name.
    pub name: String,
    /// The legacy attribute, as HTQ stores it.
    pub attribute: String,
    /// The queue was created now (false: it existed).
    pub created: bool,
    /// Tasks stored now.
    pub imported: u64,
    /// Tasks imported by an earlier run.
    pub already: u64,
}

/// What the whole import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// One entry per queue imported (or found imported).
    pub queues: Vec<QueueReport>,
    /// What was left out, and why: (what, why).
    pub skipped: Vec<(String, String)>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for q in &self.queues {
            writeln!(
                f,
                "queue {} {}: {}; {} task(s) imported, {} imported before",
                q.name,
                q.attribute,
                if q.created { "created" } else { "exists" },
                q.imported,
                q.already
            )?;
        }
        for (what, why) in &self.skipped {
            writeln!(f, "skipped {what}: {why}")?;
        }
        let tasks: u64 = self.queues.iter().map(|q| q.imported).sum();
        let before: u64 = self.queues.iter().map(|q| q.already).sum();
        write!(
            f,
            "{} queue(s), {tasks} task(s) imported, {before} imported before, {} skipped",
            self.queues.len(),
            self.skipped.len()
        )
    }
}

/// A legacy sorted-set member: a JSON object, or (before 2021) a bare URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The URL as stored, marker included (the counter hash is keyed by it).
    pub raw_url: String,
    /// Method as stored (default GET).
    pub method: String,
    /// Header JSON text.
    pub header: Option<String>,
    /// Data JSON text.
    pub data: Option<String>,
}

/// Parses one member.
pub fn parse_member(member: &str) -> Result<Member, String> {
    if !member.trim_start().starts_with('{') {
        return Ok(Member {
            raw_url: member.to_owned(),
            method: "GET".into(),
            header: None,
            data: None,
        });
    }
    let v: serde_json::Value =
        serde_json::from_str(member).map_err(|e| format!("member is not JSON: {e}"))?;
    let text = |k: &str| {
        v.get(k).filter(|x| !x.is_null()).map(|x| match x {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    Ok(Member {
        raw_url: text("url").ok_or("member has no url")?,
        method: text("method")
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "GET".into()),
        header: text("header"),
        data: text("data"),
    })
}

/// The stable id of an imported task: a UUIDv5 of (prefix, queue, member), written
/// like every HTQ id.
pub fn task_id(prefix: &str, queue: &str, member: &str) -> String {
    let name = format!("{prefix}\u{0}{queue}\u{0}{member}");
    let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes());
    ulid::Ulid::from(id).to_string()
}

fn attr_text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Imports everything under `prefix` from the legacy Redis at `from`.
pub async fn run(core: &Htq, from: &str, prefix: &str) -> anyhow::Result<Report> {
    let client = redis::Client::open(from)?;
    let mut conn = client.get_multiplexed_async_connection().await?;
    let registry_key = format!("{prefix}{RESERVED_NAME}");
    let registry: Vec<(String, String)> = conn.hgetall(&registry_key).await?;
    let mut report = Report::default();
    let user_agent = core.legacy_settings().user_agent.clone();
    for (field, attribute) in registry {
        let Some(name) = field.strip_prefix(prefix).map(str::to_owned) else {
            report.skipped.push((
                format!("registry field {field:?}"),
                format!("does not start with {prefix:?}"),
            ));
            continue;
        };
        let attr: serde_json::Value = match serde_json::from_str(&attribute) {
            Ok(v @ serde_json::Value::Object(_)) => v,
            _ => {
                report.skipped.push((
                    format!("queue {name:?}"),
                    format!("attribute is not a JSON object: {attribute:?}"),
                ));
                continue;
            }
        };
        let kind = attr_text(attr.get("type"))
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "real_time".into());
        let step = attr_text(attr.get("stepping_time"));
        let max = attr_text(attr.get("max_time_interval"));
        let queue = match legacy_queue(&name, &kind, step.as_deref(), max.as_deref()) {
            Ok(q) => q,
            Err(e) => {
                report
                    .skipped
                    .push((format!("queue {name:?}"), e.to_string()));
                continue;
            }
        };
        let created = match core.import_queue(&queue).await {
            Ok(c) => c,
            Err(crate::Error::InvalidArgument { reason, .. }) => {
                report.skipped.push((format!("queue {name:?}"), reason));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let mut q_report = QueueReport {
            name: name.clone(),
            attribute: legacy::queue_attribute(&queue),
            created,
            ..Default::default()
        };
        let zkey = format!("{prefix}{name}");
        let ztype: String = redis::cmd("TYPE").arg(&zkey).query_async(&mut conn).await?;
        if ztype != "zset" && ztype != "none" {
            report.skipped.push((
                format!("queue {name:?} tasks"),
                format!("{zkey} is a {ztype}, not a sorted set"),
            ));
            report.queues.push(q_report);
            continue;
        }
        let tkey = format!("{prefix}{name}_times");
        let counters: HashMap<String, String> = match redis::cmd("TYPE")
            .arg(&tkey)
            .query_async::<String>(&mut conn)
            .await?
            .as_str()
        {
            "hash" => conn.hgetall(&tkey).await?,
            _ => HashMap::new(),
        };
        let mut start = 0;
        loop {
            let page: Vec<(String, f64)> = conn
                .zrange_withscores(&zkey, start, start + PAGE - 1)
                .await?;
            if page.is_empty() {
                break;
            }
            start += PAGE;
            for (member, score) in page {
                let what = || format!("task {member:?} of queue {name:?}");
                let m = match parse_member(&member) {
                    Ok(m) => m,
                    Err(why) => {
                        report.skipped.push((what(), why));
                        continue;
                    }
                };
                let url = legacy::strip_marker(&m.raw_url);
                let built = legacy::headers(m.header.as_deref())
                    .and_then(|h| legacy::form_fields(m.data.as_deref()).map(|d| (h, d)));
                let (headers, data) = match built {
                    Ok(x) => x,
                    Err(why) => {
                        report.skipped.push((what(), why.to_owned()));
                        continue;
                    }
                };
                let request = legacy::request(url, &m.method, headers, data, &user_agent);
                let run_count = counters
                    .get(&m.raw_url)
                    .and_then(|c| c.parse::<u32>().ok())
                    .unwrap_or(0);
                let id = task_id(prefix, &name, &member);
                match core
                    .import_task(&name, &id, request, score as i64, run_count)
                    .await
                {
                    Ok(true) => q_report.imported += 1,
                    Ok(false) => q_report.already += 1,
                    Err(crate::Error::InvalidArgument { field, reason }) => {
                        report.skipped.push((what(), format!("{field}: {reason}")));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        report.queues.push(q_report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_in_both_forms() {
        let m = parse_member(r#"{"url":"http://h/a?x=1&htq_no_repeat=17955007120000.4239","header":[],"method":"POST","data":{"k":"v"}}"#).unwrap();
        assert_eq!(
            m.raw_url,
            "http://h/a?x=1&htq_no_repeat=17955007120000.4239"
        );
        assert_eq!(m.method, "POST");
        assert_eq!(m.header.as_deref(), Some("[]"));
        assert_eq!(m.data.as_deref(), Some(r#"{"k":"v"}"#));
        let m = parse_member("http://h/old?htq_no_repeat=1234").unwrap();
        assert_eq!((m.method.as_str(), m.header, m.data), ("GET", None, None));
        assert!(parse_member("{not json").is_err());
        assert!(parse_member(r#"{"method":"GET"}"#).is_err());
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(task_id("htq_", "q", "m"), task_id("htq_", "q", "m"));
        assert_ne!(task_id("htq_", "q", "m"), task_id("htq_", "q", "n"));
        assert_ne!(task_id("htq_", "q", "m"), task_id("htq_", "r", "m"));
        assert_eq!(task_id("htq_", "q", "m").len(), 26);
    }
}
