//! The processes connected to this Redis (each beats: a hash of what it is, and
//! its time in an index) and what Redis says of itself, for the system view.

use std::collections::HashMap;
use std::time::Duration;

use super::Store;
use crate::error::Result;

/// How often each process writes its heartbeat (one command); one not heard of
/// for three times as long is gone.
pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(10);

/// What a process says of itself at each heartbeat (the `procs` hash keeps it
/// as JSON with one-letter names, under the process's id).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ProcessBeat {
    /// Its id (see [`Store::pid`]): the hash's field, not in the JSON.
    #[serde(skip)]
    pub id: String,
    /// HTQ's version.
    #[serde(rename = "v")]
    pub version: String,
    /// The address it serves on.
    #[serde(rename = "a")]
    pub address: String,
    /// The host it runs on.
    #[serde(rename = "h")]
    pub host: String,
    /// When it started, ms.
    #[serde(rename = "s")]
    pub started_ms: i64,
    /// Requests it has in flight.
    #[serde(rename = "f")]
    pub in_flight: u64,
    /// When it beat last, ms.
    #[serde(rename = "b")]
    pub beat_ms: i64,
}

/// What Redis says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedisInfo {
    /// How HTQ reaches it (see [`Store::mode`]).
    pub mode: String,
    /// Its version.
    pub version: String,
    /// Memory it uses, bytes (of the node that answered).
    pub used_memory: u64,
    /// Its `maxmemory` (0: none).
    pub max_memory: u64,
    /// Clients connected to it.
    pub clients: u64,
}

impl Store {
    /// Writes this process's heartbeat: one field of the `procs` hash.
    pub async fn beat(&self, b: &ProcessBeat) -> Result<()> {
        let json = serde_json::to_string(b).unwrap_or_default();
        let _: i64 = self
            .query(
                "beat",
                redis::cmd("HSET")
                    .arg(self.keys.processes())
                    .arg(&b.id)
                    .arg(json),
            )
            .await?;
        Ok(())
    }

    /// Removes process `id`'s heartbeat (it stops).
    pub async fn forget_process(&self, id: &str) -> Result<()> {
        let _: i64 = self
            .query(
                "beat",
                redis::cmd("HDEL").arg(self.keys.processes()).arg(id),
            )
            .await?;
        Ok(())
    }

    /// The processes that beat since `since` (ms), by id; the entries of those
    /// that did not are removed.
    pub async fn processes(&self, since: i64) -> Result<Vec<ProcessBeat>> {
        let all: HashMap<String, String> = self
            .query(
                "processes",
                redis::cmd("HGETALL").arg(self.keys.processes()),
            )
            .await?;
        let (mut out, mut stale) = (Vec::new(), Vec::new());
        for (id, json) in all {
            match serde_json::from_str::<ProcessBeat>(&json) {
                Ok(b) if b.beat_ms >= since => out.push(ProcessBeat { id, ..b }),
                _ => stale.push(id),
            }
        }
        if !stale.is_empty() {
            let _: i64 = self
                .query(
                    "processes",
                    redis::cmd("HDEL").arg(self.keys.processes()).arg(&stale),
                )
                .await?;
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }
    /// What Redis (the master; on a cluster, a seed node) says of itself.
    pub async fn redis_info(&self) -> Result<RedisInfo> {
        let mut conn = self.client().get_multiplexed_async_connection().await?;
        // The default sections hold server, clients and memory (one node's).
        let text: String = redis::cmd("INFO").query_async(&mut conn).await?;
        let fields: HashMap<&str, &str> = text
            .lines()
            .filter_map(|l| l.trim_end().split_once(':'))
            .collect();
        let num = |k: &str| fields.get(k).and_then(|v| v.parse().ok()).unwrap_or(0);
        Ok(RedisInfo {
            mode: self.mode().to_owned(),
            version: fields
                .get("valkey_version")
                .or_else(|| fields.get("redis_version"))
                .map(|v| (*v).to_owned())
                .unwrap_or_default(),
            used_memory: num("used_memory"),
            max_memory: num("maxmemory"),
            clients: num("connected_clients"),
        })
    }
}
