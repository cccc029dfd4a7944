//! Delivery signing keys: one hash of every key (id -> JSON record) and a version
//! counter that moves with every change, so processes read the keys again only then;
//! a change is also announced on the wake channel.

use super::Store;
use crate::error::Result;
use crate::signing::{KeyRecord, KeyRing};

impl Store {
    /// Every stored signing key (expired ones too) and the version they were read at.
    pub async fn signing_keys(&self) -> Result<(Vec<KeyRecord>, Option<String>)> {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("GET")
            .arg(self.keys.signing_version())
            .cmd("HVALS")
            .arg(self.keys.signing_keys());
        let (version, values): (Option<String>, Vec<String>) =
            self.query_pipe("signing_keys", &pipe).await?;
        let keys = values
            .iter()
            .filter_map(|v| match serde_json::from_str(v) {
                Ok(k) => Some(k),
                Err(e) => {
                    tracing::warn!(error = %e, "unreadable signing key record left out");
                    None
                }
            })
            .collect();
        Ok((keys, version))
    }

    /// Reads every signing key into `ring`.
    pub async fn load_signing_keys(&self, ring: &KeyRing) -> Result<()> {
        let (keys, version) = self.signing_keys().await?;
        ring.set(&keys, version);
        Ok(())
    }

    /// The version of the signing keys (None while there never were any).
    pub async fn signing_version(&self) -> Result<Option<String>> {
        self.query(
            "signing_version",
            redis::cmd("GET").arg(self.keys.signing_version()),
        )
        .await
    }

    /// Stores `added` keys, rewrites the `changed` ones that still exist (a key
    /// retired meanwhile stays retired) and removes the keys `remove` names, in one
    /// script that also moves the version; then tells every process.
    pub async fn write_signing_keys(
        &self,
        added: &[KeyRecord],
        changed: &[KeyRecord],
        remove: &[String],
    ) -> Result<()> {
        let json = |k: &KeyRecord| {
            serde_json::to_string(k)
                .map_err(|e| crate::Error::Internal(format!("signing key: {e}")))
        };
        let mut eval = redis::cmd("EVAL");
        eval.arg(WRITE_KEYS)
            .arg(2)
            .arg(self.keys.signing_keys())
            .arg(self.keys.signing_version())
            .arg(self.keys.wake_channel())
            .arg(format!("{}\t\t{}", self.pid, super::SIGNING_KEYS_CHANGED));
        for (keys, mode) in [(added, "add"), (changed, "change")] {
            for k in keys {
                eval.arg(mode).arg(&k.id).arg(json(k)?);
            }
        }
        for id in remove {
            eval.arg("remove").arg(id).arg("");
        }
        let mut pipe = redis::pipe();
        pipe.add_command(eval).ignore();
        let Some(within) = self.opts.replicated else {
            let () = self.query_pipe("write_signing_keys", &pipe).await?;
            return Ok(());
        };
        super::add_wait(&mut pipe, Some(within));
        let (replicas,): (i64,) = self.query_pipe("write_signing_keys", &pipe).await?;
        if replicas == 0 {
            return Err(super::unconfirmed("signing keys", within));
        }
        Ok(())
    }
}

/// KEYS: the keys hash, the version counter. ARGV: the wake channel and the
/// message that tells every process, then triples of mode (`add`, `change`: only
/// if the key still exists, `remove`), id, record.
const WRITE_KEYS: &str = r#"
for i = 3, #ARGV, 3 do
  local mode, id = ARGV[i], ARGV[i + 1]
  if mode == 'add' or (mode == 'change' and redis.call('HEXISTS', KEYS[1], id) == 1) then
    redis.call('HSET', KEYS[1], id, ARGV[i + 2])
  elseif mode == 'remove' then
    redis.call('HDEL', KEYS[1], id)
  end
end
local version = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return version
"#;
