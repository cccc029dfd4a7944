//! Delivery signing keys: one hash of every key (id -> JSON record) and a version
//! counter that moves with every change, so processes read the keys again only then;
//! a change is also announced on the wake channel.

use super::Store;
use crate::error::Result;
use crate::signing::KeyRecord;

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

    /// The version of the signing keys (None while there never were any).
    pub async fn signing_version(&self) -> Result<Option<String>> {
        self.query(
            "signing_version",
            redis::cmd("GET").arg(self.keys.signing_version()),
        )
        .await
    }

    /// Stores `put` (new or changed keys) and removes the keys `remove` names, in one
    /// transaction that also moves the version.
    pub async fn write_signing_keys(&self, put: &[KeyRecord], remove: &[String]) -> Result<()> {
        let mut pipe = redis::pipe();
        pipe.atomic();
        for k in put {
            let json = serde_json::to_string(k)
                .map_err(|e| crate::Error::Internal(format!("signing key: {e}")))?;
            pipe.cmd("HSET")
                .arg(self.keys.signing_keys())
                .arg(&k.id)
                .arg(json)
                .ignore();
        }
        if !remove.is_empty() {
            pipe.cmd("HDEL")
                .arg(self.keys.signing_keys())
                .arg(remove)
                .ignore();
        }
        pipe.cmd("INCR").arg(self.keys.signing_version()).ignore();
        pipe.cmd("PUBLISH")
            .arg(self.keys.wake_channel())
            .arg(format!("{}\t\t{}", self.pid, super::SIGNING_KEYS_CHANGED))
            .ignore();
        let () = self.query_pipe("write_signing_keys", &pipe).await?;
        Ok(())
    }
}
