//! Queues: create, read, list, update, delete, purge.

use super::reply::{self, Code};
use super::{Store, codec};
use crate::error::{Error, Result};
use crate::model::{Partition, Queue, QueueKind};

impl Store {
    /// Creates a queue; false when the name is taken.
    pub async fn create_queue(&self, q: &Queue) -> Result<bool> {
        let k = self.keys.queue(&q.name);
        let mut call = self.call(&self.scripts.create_queue, &[&k.settings]);
        // The index first: it may list a name whose settings are gone (readers skip
        // those), never miss a queue that exists.
        call.before(
            redis::cmd("SADD")
                .arg(self.keys.queues())
                .arg(&q.name)
                .clone(),
        );
        for (f, v) in codec::queue_fields(q) {
            call.arg(f).arg(v);
        }
        match self.run_coded(&call).await?.code {
            Code::Done => {
                self.announce_queue(&q.name).await;
                Ok(true)
            }
            Code::Exists => Ok(false),
            other => Err(Error::Internal(format!("create_queue returned {other:?}"))),
        }
    }

    /// One queue's settings, None when it does not exist.
    pub async fn get_queue(&self, name: &str) -> Result<Option<Queue>> {
        let k = self.keys.queue(name);
        let fields: Vec<(String, String)> = self
            .query("get_queue", redis::cmd("HGETALL").arg(&k.settings))
            .await?;
        if fields.is_empty() {
            return Ok(None);
        }
        codec::decode_queue(name, &fields).map(Some)
    }

    /// The settings of queues `names`, in order (None for those that do not
    /// exist): pipelined on one Redis, a call each (32 at once) on a cluster.
    pub async fn get_queues(&self, names: &[String]) -> Result<Vec<Option<Queue>>> {
        if self.is_cluster() {
            // Spread over the cluster's masters: 32 reads in flight, in order.
            use futures::{StreamExt, TryStreamExt};
            return futures::stream::iter(names.to_vec())
                .map(|n| {
                    let store = self.clone();
                    async move { store.get_queue(&n).await }
                })
                .buffered(32)
                .try_collect()
                .await;
        }
        let mut out = Vec::with_capacity(names.len());
        for chunk in names.chunks(500) {
            let mut pipe = redis::pipe();
            for n in chunk {
                pipe.cmd("HGETALL").arg(self.keys.queue(n).settings);
            }
            let all: Vec<Vec<(String, String)>> = self.query_pipe("get_queues", &pipe).await?;
            for (n, fields) in chunk.iter().zip(all) {
                out.push(match fields.is_empty() {
                    true => None,
                    false => Some(codec::decode_queue(n, &fields)?),
                });
            }
        }
        Ok(out)
    }

    /// Of queues `names`, in order, only the name, kind and pause (None for
    /// those that do not exist): two fields each rather than every setting, for
    /// lists of thousands of queues. Pipelined on one Redis.
    pub async fn get_queue_heads(&self, names: &[String]) -> Result<Vec<Option<Queue>>> {
        let head =
            |n: &str, kind: Option<String>, paused: Option<String>| -> Result<Option<Queue>> {
                let Some(kind) = kind else { return Ok(None) };
                let kind = QueueKind::parse(&kind)
                    .ok_or_else(|| Error::Internal(format!("queue {n}: bad kind")))?;
                let mut q = Queue::new(n, kind);
                q.paused = paused.as_deref() == Some("1");
                Ok(Some(q))
            };
        let hmget = |n: &str| {
            let mut cmd = redis::cmd("HMGET");
            cmd.arg(self.keys.queue(n).settings)
                .arg("kind")
                .arg("paused");
            cmd
        };
        let mut out = Vec::with_capacity(names.len());
        if self.is_cluster() {
            let keys: Vec<String> = names.iter().map(|n| self.keys.queue(n).settings).collect();
            let mut all = vec![(None, None); names.len()];
            let link = self.link();
            let mut conn = link.pool.get().await?;
            let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            let groups = self.group_keys_by_master(&mut conn, &refs).await?;
            let reads = groups.into_iter().map(|group| {
                let mut c = (*conn).clone();
                let keys = &keys;
                async move {
                    let got = heads_on_master(&mut c, keys, &group).await;
                    got.map(|got| (group, got))
                }
            });
            let read = futures::future::join_all(reads).await;
            for r in read {
                let (group, got) = match r {
                    Ok(r) => r,
                    Err(e) => {
                        // A slot moved: map them again for the next call.
                        self.forget_slot_map();
                        return Err(e);
                    }
                };
                for (i, head) in group.into_iter().zip(got) {
                    all[i] = head;
                }
            }
            for (n, (kind, paused)) in names.iter().zip(all) {
                out.push(head(n, kind, paused)?);
            }
            return Ok(out);
        }
        for chunk in names.chunks(1000) {
            let mut pipe = redis::pipe();
            for n in chunk {
                pipe.add_command(hmget(n));
            }
            let all: Vec<(Option<String>, Option<String>)> =
                self.query_pipe("get_queue_heads", &pipe).await?;
            for (n, (kind, paused)) in chunk.iter().zip(all) {
                out.push(head(n, kind, paused)?);
            }
        }
        Ok(out)
    }

    /// Whether queue `name` was made through the legacy API (see
    /// [`codec::is_legacy`]); None when it does not exist. Reads three fields, not
    /// the whole settings.
    pub async fn queue_is_legacy(&self, name: &str) -> Result<Option<bool>> {
        let k = self.keys.queue(name);
        let (kind, flag, attr): (Option<String>, Option<String>, Option<String>) = self
            .query(
                "queue_is_legacy",
                redis::cmd("HMGET")
                    .arg(&k.settings)
                    .arg("kind")
                    .arg("legacy")
                    .arg("legacy_attr"),
            )
            .await?;
        Ok(kind.map(|_| codec::is_legacy(flag.as_deref(), attr.as_deref())))
    }

    /// Every queue name in the index, sorted (may include just-deleted names),
    /// without the partitions of partitioned queues.
    pub async fn queue_names(&self) -> Result<Vec<String>> {
        let mut names = self.served_names().await?;
        names.retain(|n| Partition::of(n).is_none());
        Ok(names)
    }

    /// The partitions a queue's tasks are spread over (1: none, its own keys
    /// hold them); None when the queue does not exist.
    pub async fn queue_partitions(&self, name: &str) -> Result<Option<u32>> {
        let k = self.keys.queue(name);
        let (kind, parts): (Option<String>, Option<u32>) = self
            .query(
                "queue_partitions",
                redis::cmd("HMGET")
                    .arg(&k.settings)
                    .arg("kind")
                    .arg("partitions"),
            )
            .await?;
        Ok(kind.map(|_| parts.unwrap_or(1).max(1)))
    }

    /// Every name the dispatcher serves, sorted: queues and partitions.
    pub async fn served_names(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = self
            .query(
                "queue_names",
                redis::cmd("SMEMBERS").arg(self.keys.queues()),
            )
            .await?;
        names.sort();
        Ok(names)
    }

    /// Writes the settings that differ between `old` and `new` (kind and creation
    /// time never change), so concurrent updates of different fields both land.
    /// False when the queue does not exist. Wakes every dispatcher.
    pub async fn update_queue(&self, old: &Queue, new: &Queue) -> Result<bool> {
        let k = self.keys.queue(&new.name);
        let before = codec::queue_fields(old);
        let mut call = self.call(&self.scripts.update_queue, &[&k.settings]);
        call.arg(self.wake_channel_of(&new.name))
            .arg(self.wake_message(&new.name, 0));
        let mut changed = 0;
        for (f, v) in codec::queue_fields(new) {
            if f != "kind" && f != "created_ms" && !before.contains(&(f, v.clone())) {
                call.arg(f).arg(v);
                changed += 1;
            }
        }
        if changed == 0 {
            // Nothing to write; still say whether the queue exists.
            return Ok(self.get_queue(&new.name).await?.is_some());
        }
        match self.run_coded(&call).await?.code {
            Code::Done => Ok(true),
            Code::NoQueue => Ok(false),
            other => Err(Error::Internal(format!("update_queue returned {other:?}"))),
        }
    }

    /// Deletes a queue and all its tasks; false when it does not exist.
    pub async fn delete_queue(&self, name: &str) -> Result<bool> {
        let k = self.keys.queue(name);
        let reply = self
            .run_coded(&self.call(&self.scripts.delete_queue, &[&k.settings]))
            .await?;
        let _: i64 = self
            .query(
                "delete_queue",
                redis::cmd("SREM").arg(self.keys.queues()).arg(name),
            )
            .await?;
        match reply.code {
            Code::Done => Ok(true),
            Code::NoQueue => Ok(false),
            _ => Err(reply.unexpected("delete_queue")),
        }
    }

    /// Removes every task of a queue and keeps the queue; None when it does not exist.
    pub async fn purge(&self, name: &str) -> Result<Option<u64>> {
        let k = self.keys.queue(name);
        let reply = self
            .run_coded(&self.call(&self.scripts.purge, &[&k.settings]))
            .await?;
        match reply.code {
            Code::Done => Ok(Some(reply::int(reply.get(0)?)? as u64)),
            Code::NoQueue => Ok(None),
            _ => Err(reply.unexpected("purge")),
        }
    }
}

/// Reads the kind and pause of the settings hashes `keys[i]` for each `i` of
/// `group`, all on the cluster master that holds them, in one call (see
/// [`Store::get_queue_heads`]).
async fn heads_on_master(
    conn: &mut super::Conn,
    keys: &[String],
    group: &[usize],
) -> Result<Vec<(Option<String>, Option<String>)>> {
    let super::Conn::Cluster(cluster) = conn else {
        return Err(Error::Internal("a cluster read on one Redis".into()));
    };
    let Some(&first) = group.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(group.len());
    // At most 1,000 hashes a call, so that no call holds Redis long.
    for part in group.chunks(1000) {
        let hashes = part.iter().map(|&i| keys[i].clone()).collect();
        let reply = super::eval_on_master(cluster, HEADS_ON_MASTER, &keys[first], hashes).await?;
        let got: Vec<(Option<String>, Option<String>)> = redis::from_redis_value(reply)
            .map_err(|e| Error::Storage(format!("the queue heads' reply: {e}")))?;
        if got.len() != part.len() {
            return Err(Error::Storage(
                "the queue heads' reply has the wrong length".into(),
            ));
        }
        out.extend(got);
    }
    Ok(out)
}

/// Reads settings hashes of several slots on one master: KEYS[1] the first (so
/// that Redis checks the call reached its node), ARGV the hashes. Returns each
/// one's kind and paused fields. Named in ARGV, so that one call may span the
/// master's slots; it writes nothing.
const HEADS_ON_MASTER: &str = "#!lua flags=no-writes,allow-cross-slot-keys
local out = {}
for i = 1, #ARGV do
  out[i] = redis.call('HMGET', ARGV[i], 'kind', 'paused')
end
return out
";
