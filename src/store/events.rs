//! Reading the queues' event streams (the scripts write them, see `emit` in
//! lua/prelude.lua).

use super::Conn;
use redis::Value;

use super::Store;
use super::reply::string as value_str;
use crate::error::{Error, Result};
use crate::model::{Event, EventKind};

/// A stream entry id, ordered as Redis orders them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct StreamId {
    pub ms: u64,
    pub seq: u64,
}

impl StreamId {
    /// Parses `ms-seq` (or `ms`, meaning `ms-0`).
    pub fn parse(s: &str) -> Option<StreamId> {
        let (ms, seq) = match s.split_once('-') {
            Some((ms, seq)) => (ms, seq),
            None => (s, "0"),
        };
        Some(StreamId {
            ms: ms.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    }

    /// The id just before this one (for reading from this one on, inclusive).
    pub fn prev(self) -> StreamId {
        match (self.ms, self.seq) {
            (0, 0) => self,
            (ms, 0) => StreamId {
                ms: ms - 1,
                seq: u64::MAX,
            },
            (ms, seq) => StreamId { ms, seq: seq - 1 },
        }
    }
}

impl std::fmt::Display for StreamId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.ms, self.seq)
    }
}

/// What a stream still holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct StreamBounds {
    /// Its oldest entry's id.
    pub first: StreamId,
    /// Its last id (0-0: empty).
    pub last: StreamId,
    /// Entries were trimmed from its head (the cap was reached).
    pub trimmed: bool,
}

/// A stream entry as XREAD gives it: id and field/value pairs.
type Entry = (String, Vec<(String, String)>);

fn bad(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("unexpected stream reply: {e}"))
}

/// The events of one stream entry: one, or one per task of a grouped entry (see
/// `emit_group` in lua/prelude.lua).
fn events_from(queue: &str, id: &str, fields: &[(String, String)]) -> Vec<Event> {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let num = |v: &str| v.parse::<f64>().unwrap_or(0.0);
    let event = Event {
        id: id.to_owned(),
        part: None,
        queue: queue.to_owned(),
        kind: EventKind::parse(get("kind")),
        task_id: get("task").to_owned(),
        time_ms: StreamId::parse(id).map_or(0, |i| i.ms as i64),
        attempt: num(get("attempt")) as u32,
        status: num(get("status")) as u16,
        error: get("error").to_owned(),
        at_ms: num(get("at")) as i64,
        reason: get("reason").to_owned(),
        count: num(get("count")) as i64,
    };
    let tasks = get("tasks");
    if tasks.is_empty() {
        return vec![event];
    }
    let attempts: Vec<&str> = get("attempts").split('\n').collect();
    let ats: Vec<&str> = get("ats").split('\n').collect();
    let statuses: Vec<&str> = get("statuses").split('\n').collect();
    tasks
        .split('\n')
        .enumerate()
        .map(|(i, task)| Event {
            part: Some(i as u32),
            task_id: task.to_owned(),
            attempt: attempts.get(i).map_or(0, |a| num(a) as u32),
            at_ms: ats.get(i).map_or(0, |a| num(a) as i64),
            status: statuses.get(i).map_or(0, |s| num(s) as u16),
            ..event.clone()
        })
        .collect()
}

impl Store {
    /// The name of queue `queue`'s event stream.
    pub fn events_key(&self, queue: &str) -> String {
        self.keys.queue(queue).events
    }

    /// Reads events after the given ids of the given queues' streams, waiting up to
    /// `block_ms` for the first (0: do not wait), at most `count` per stream. Also
    /// returns Redis's clock (ms) taken just before the read.
    ///
    /// On a cluster, where one XREAD never spans slots, the streams are grouped by
    /// the master that holds them, and each master reads its group in one script
    /// call (an XREAD per stream, with its own clock first); the masters are asked
    /// all at once and the read never blocks (the caller polls). The clock returned
    /// is the earliest of theirs.
    pub async fn read_events(
        &self,
        conn: &mut Conn,
        streams: &[(String, String, StreamId)],
        block_ms: u64,
        count: usize,
    ) -> Result<(Vec<Event>, u64)> {
        if !matches!(conn, Conn::Cluster(_)) {
            return Self::read_slot(conn, streams, block_ms, count).await;
        }
        match self.read_masters(conn, streams, count).await {
            Ok(r) => Ok(r),
            Err(e) => {
                // The slots moved (a failover, a resharding): map them again and
                // try once more before the watches hear of it.
                tracing::debug!(error = %e, "cluster read failed; mapping the slots again");
                self.forget_slot_map();
                self.read_masters(conn, streams, count).await
            }
        }
    }

    /// One read of `streams` grouped per master, as the slot map says (see
    /// [`Store::read_events`]).
    async fn read_masters(
        &self,
        conn: &mut Conn,
        streams: &[(String, String, StreamId)],
        count: usize,
    ) -> Result<(Vec<Event>, u64)> {
        let groups = self.group_by_master(conn, streams).await?;
        let reads = groups.into_iter().map(|group| {
            let mut c = conn.clone();
            async move { Self::read_master(&mut c, &group, count).await }
        });
        let mut out = Vec::new();
        let mut clock = u64::MAX;
        for r in futures::future::join_all(reads).await {
            let (events, c) = r?;
            out.extend(events);
            clock = clock.min(c);
        }
        Ok((out, if clock == u64::MAX { 0 } else { clock }))
    }

    /// Reads, on the master that holds them all, the streams of `group` (see
    /// [`Store::read_events`]).
    async fn read_master(
        conn: &mut Conn,
        group: &[(String, String, StreamId)],
        count: usize,
    ) -> Result<(Vec<Event>, u64)> {
        let Some(first) = group.first() else {
            return Ok((Vec::new(), u64::MAX));
        };
        let Conn::Cluster(cluster) = conn else {
            return Self::read_slot(conn, group, 0, count).await;
        };
        let mut args = vec![count.to_string()];
        for (_, key, after) in group {
            args.push(key.clone());
            args.push(after.to_string());
        }
        // A master that is failing over, or a slot that moved: a Redis error, which
        // the reader rides out.
        let mut items = match super::eval_on_master(cluster, READ_MASTER, &first.1, args).await? {
            Value::Array(items) => items,
            other => return Err(bad(format!("the read script's reply: {other:?}"))),
        };
        if items.len() != group.len() + 1 {
            return Err(bad("the read script's reply has the wrong length"));
        }
        let per = items.split_off(1);
        let (secs, micros): (u64, u64) = redis::from_redis_value(items.remove(0)).map_err(bad)?;
        let clock = secs * 1000 + micros / 1000;
        let mut out = Vec::new();
        for ((queue, _, _), reply) in group.iter().zip(per) {
            let per_stream: Vec<(String, Vec<Entry>)> = match reply {
                Value::Nil | Value::Boolean(false) => continue,
                Value::ServerError(e) => return Err(Error::Storage(format!("{e:?}"))),
                other => redis::from_redis_value(other).map_err(bad)?,
            };
            for (_, entries) in per_stream {
                for (id, fields) in entries {
                    out.extend(events_from(queue, &id, &fields));
                }
            }
        }
        Ok((out, clock))
    }

    /// [`Store::read_events`] of streams that share a node (one slot on a cluster).
    async fn read_slot(
        conn: &mut Conn,
        streams: &[(String, String, StreamId)],
        block_ms: u64,
        count: usize,
    ) -> Result<(Vec<Event>, u64)> {
        let mut cmd = redis::cmd("XREAD");
        cmd.arg("COUNT").arg(count);
        if block_ms > 0 {
            cmd.arg("BLOCK").arg(block_ms);
        }
        cmd.arg("STREAMS");
        for (_, key, _) in streams {
            cmd.arg(key);
        }
        for (_, _, after) in streams {
            cmd.arg(after.to_string());
        }
        // The clock first: an event added after it has a later millisecond, so
        // "hand out only what is older than the clock" can never pass one over.
        let mut pipe = redis::pipe();
        pipe.cmd("TIME").add_command(cmd);
        let (time, reply): ((u64, u64), Value) = pipe.query_async(conn).await?;
        let clock = time.0 * 1000 + time.1 / 1000;
        let mut out = Vec::new();
        let per_stream: Vec<(String, Vec<Entry>)> = match reply {
            Value::Nil => Vec::new(),
            Value::Map(m) => m
                .into_iter()
                .map(|(k, v)| Ok((value_str(&k)?, redis::from_redis_value(v).map_err(bad)?)))
                .collect::<Result<_, Error>>()?,
            other => redis::from_redis_value(other).map_err(bad)?,
        };
        for (key, entries) in per_stream {
            let Some((queue, _, _)) = streams.iter().find(|(_, k, _)| *k == key) else {
                continue;
            };
            for (id, fields) in entries {
                out.extend(events_from(queue, &id, &fields));
            }
        }
        Ok((out, clock))
    }

    /// What queue `queue`'s stream still holds; None when it does not exist.
    pub async fn stream_bounds(conn: &mut Conn, key: &str) -> Result<Option<StreamBounds>> {
        let info: Value = match redis::cmd("XINFO")
            .arg("STREAM")
            .arg(key)
            .query_async(conn)
            .await
        {
            Ok(v) => v,
            Err(e) if e.to_string().contains("no such key") => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let pairs: Vec<(String, Value)> = match info {
            Value::Map(m) => m
                .into_iter()
                .filter_map(|(k, v)| value_str(&k).ok().map(|k| (k, v)))
                .collect(),
            Value::Array(items) => items
                .chunks(2)
                .filter_map(|c| match c {
                    [k, v] => value_str(k).ok().map(|k| (k, v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let field = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| value_str(v).ok())
        };
        let id = |name: &str| {
            field(name)
                .and_then(|s| StreamId::parse(&s))
                .unwrap_or_default()
        };
        let num = |name: &str| field(name).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
        Ok(Some(StreamBounds {
            first: id("recorded-first-entry-id"),
            last: id("last-generated-id"),
            trimmed: num("entries-added") > num("length"),
        }))
    }

    /// Redis's clock, ms.
    pub async fn clock_ms(&self) -> Result<u64> {
        let link = self.link();
        let mut conn = link.pool.get().await?;
        let (s, us): (u64, u64) = redis::cmd("TIME").query_async(&mut *conn).await?;
        Ok(s * 1000 + us / 1000)
    }
}

/// Reads streams of several slots on one master (see [`Store::read_events`]):
/// KEYS[1] the first stream (so that Redis checks the call reached its node),
/// ARGV count, then stream key and position pairs. Returns Redis's clock first,
/// then each stream's XREAD reply (false: nothing new). The streams are named in
/// ARGV, so that one call may span the master's slots; it writes nothing.
const READ_MASTER: &str = "#!lua flags=no-writes,allow-cross-slot-keys
local out = {redis.call('TIME')}
for i = 2, #ARGV, 2 do
  out[#out + 1] = redis.call('XREAD', 'COUNT', ARGV[1], 'STREAMS', ARGV[i], ARGV[i + 1]) or false
end
return out
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_order_and_step_back() {
        let a = StreamId::parse("1700000000000-0").unwrap();
        let b = StreamId::parse("1700000000000-1").unwrap();
        assert!(a < b);
        assert_eq!(b.prev(), a);
        assert_eq!(a.prev().to_string(), format!("1699999999999-{}", u64::MAX));
        assert!(a.prev() < a);
        assert_eq!(StreamId::parse("5"), Some(StreamId { ms: 5, seq: 0 }));
        assert_eq!(StreamId::parse("x-1"), None);
    }
}
