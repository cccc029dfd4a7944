//! Delivery signing keys: create, list, rotate, retire (see [`crate::signing`]).

use std::time::Duration;

use super::Htq;
use crate::error::{Error, Result};
use crate::model::{ms, now_ms};
use crate::signing::{Algorithm, KeyRecord};

/// Most keys that sign for one scope (the global keys, or one queue's) at once:
/// every one of them signs every delivery.
pub const MAX_KEYS_PER_SCOPE: usize = 10;
/// How long replaced keys sign on after a rotation, unless told.
pub const DEFAULT_OVERLAP: Duration = Duration::from_secs(24 * 3600);
const MAX_OVERLAP: Duration = Duration::from_secs(30 * 24 * 3600);

impl Htq {
    /// The stored keys still signing at `now`, oldest first; expired ones are
    /// removed from the store on the way.
    async fn active_keys(&self, now: i64) -> Result<Vec<KeyRecord>> {
        let (keys, _) = self.store.signing_keys().await?;
        let (mut keys, expired): (Vec<_>, Vec<_>) =
            keys.into_iter().partition(|k| k.active_at(now));
        if !expired.is_empty() {
            let ids: Vec<String> = expired.into_iter().map(|k| k.id).collect();
            self.store.write_signing_keys(&[], &[], &ids).await?;
        }
        keys.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
        Ok(keys)
    }

    /// Reads the keys again for this process's deliveries, so a change is in force
    /// here when the call that made it returns (other processes hear of it on the
    /// wake channel).
    async fn reload_keys(&self) {
        if let Err(e) = self.store.load_signing_keys(&self.keys).await {
            tracing::warn!(error = %e, "cannot read the signing keys back");
            self.waker.signing_keys_changed();
        }
    }

    /// Checks the scope `queue` names: empty (global) or an existing queue.
    async fn signing_scope(&self, queue: &str) -> Result<()> {
        if queue.is_empty() {
            return Ok(());
        }
        super::validate::name("queue", queue)?;
        if self.store.get_queue(queue).await?.is_none() {
            return Err(Error::NotFound(format!("queue {queue:?}")));
        }
        Ok(())
    }

    /// Makes a key for `queue` (empty: every queue); the record holds its secret.
    pub async fn create_signing_key(&self, queue: &str, alg: Algorithm) -> Result<KeyRecord> {
        self.signing_scope(queue).await?;
        let now = now_ms();
        let keys = self.active_keys(now).await?;
        if keys.iter().filter(|k| k.queue == queue).count() >= MAX_KEYS_PER_SCOPE {
            return Err(full(queue));
        }
        let key = KeyRecord::generate(queue, alg, now);
        self.store
            .write_signing_keys(std::slice::from_ref(&key), &[], &[])
            .await?;
        self.reload_keys().await;
        tracing::info!(key = %key.id, queue = %queue, "signing key created");
        Ok(key)
    }

    /// The keys of `queue` (empty: the global ones), or every key when `all`.
    pub async fn list_signing_keys(&self, queue: &str, all: bool) -> Result<Vec<KeyRecord>> {
        if all && !queue.is_empty() {
            return Err(Error::invalid("queue", "must be empty when all is set"));
        }
        let mut keys = self.active_keys(now_ms()).await?;
        if !all {
            keys.retain(|k| k.queue == queue);
        }
        Ok(keys)
    }

    /// The Ed25519 keys that sign deliveries of `queue` (the global ones with it).
    pub async fn public_signing_keys(&self, queue: &str) -> Result<Vec<KeyRecord>> {
        let mut keys = self.active_keys(now_ms()).await?;
        keys.retain(|k| k.alg == Algorithm::Ed25519 && (k.queue.is_empty() || k.queue == queue));
        Ok(keys)
    }

    /// Adds a key of `queue`'s scope and `alg`, and sets the keys of that scope and
    /// algorithm that sign now to stop after `overlap` (None: the default). Returns
    /// the new key (with its secret) and the replaced ones.
    pub async fn rotate_signing_key(
        &self,
        queue: &str,
        alg: Algorithm,
        overlap: Option<i64>,
    ) -> Result<(KeyRecord, Vec<KeyRecord>)> {
        self.signing_scope(queue).await?;
        let overlap = match overlap {
            Some(v) => super::validate::duration("overlap", v, MAX_OVERLAP)?,
            None => DEFAULT_OVERLAP,
        };
        let now = now_ms();
        let keys = self.active_keys(now).await?;
        let scope = keys.iter().filter(|k| k.queue == queue).count();
        let until = now + ms(overlap);
        let replaced: Vec<KeyRecord> = keys
            .into_iter()
            .filter(|k| k.queue == queue && k.alg == alg)
            .map(|mut k| {
                k.expires_ms = Some(k.expires_ms.map_or(until, |e| e.min(until)));
                k
            })
            .collect();
        // Replaced keys go on signing through a non-zero overlap.
        let signing_on = if overlap.is_zero() {
            scope - replaced.len()
        } else {
            scope
        };
        if signing_on >= MAX_KEYS_PER_SCOPE {
            return Err(full(queue));
        }
        let key = KeyRecord::generate(queue, alg, now);
        self.store
            .write_signing_keys(std::slice::from_ref(&key), &replaced, &[])
            .await?;
        self.reload_keys().await;
        tracing::info!(key = %key.id, queue = %queue, replaced = replaced.len(), "signing key rotated");
        Ok((key, replaced))
    }

    /// Removes key `id` at once, once `allowed` accepts the queue it signs for (""
    /// for a global key).
    pub async fn retire_signing_key(
        &self,
        id: &str,
        allowed: impl FnOnce(&str) -> Result<()>,
    ) -> Result<()> {
        if id.is_empty() {
            return Err(Error::invalid("id", "is required"));
        }
        let (keys, _) = self.store.signing_keys().await?;
        let key = keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| Error::NotFound(format!("signing key {id:?}")))?;
        allowed(&key.queue)?;
        self.store
            .write_signing_keys(&[], &[], &[id.to_owned()])
            .await?;
        self.reload_keys().await;
        tracing::info!(key = %id, "signing key retired");
        Ok(())
    }

    /// Removes the keys of deleted queue `queue`.
    pub(super) async fn forget_signing_keys(&self, queue: &str) -> Result<()> {
        let (keys, _) = self.store.signing_keys().await?;
        let gone: Vec<String> = keys
            .into_iter()
            .filter(|k| k.queue == queue)
            .map(|k| k.id)
            .collect();
        if !gone.is_empty() {
            self.store.write_signing_keys(&[], &[], &gone).await?;
            self.reload_keys().await;
        }
        Ok(())
    }
}

/// The error for a scope that already has as many keys as may sign at once.
fn full(queue: &str) -> Error {
    let scope = if queue.is_empty() {
        "the global scope".to_owned()
    } else {
        format!("queue {queue:?}")
    };
    Error::FailedPrecondition(format!(
        "{scope} already has {MAX_KEYS_PER_SCOPE} signing keys; retire one first"
    ))
}
