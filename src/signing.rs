//! Signed deliveries, as Standard Webhooks 1.0 describes them: the signing keys
//! ([`KeyRecord`], as stored), their text forms (`whsec_`, `whpk_`), and the
//! [`KeyRing`] of usable keys each process signs with.
//!
//! Every request HTQ performs for a task carries `webhook-id` (the task id, the
//! same on every attempt; see [`message_id`] for variable tasks), `webhook-timestamp` (the attempt's Unix seconds) and
//! `webhook-signature`: `v1,<base64 HMAC-SHA256>` for each HMAC key and
//! `v1a,<base64 Ed25519>` for each Ed25519 key, separated by spaces, each over
//! `<id>.<timestamp>.<body>`. The keys that sign are the global ones and those of the
//! task's queue, while unexpired: during a rotation old and new keys both sign, so
//! receivers move to the new key when they choose.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use aws_lc_rs::{hmac, rand::SecureRandom, signature::Ed25519KeyPair, signature::KeyPair};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// The headers of a signed delivery.
pub const ID_HEADER: &str = "webhook-id";
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
pub const SIGNATURE_HEADER: &str = "webhook-signature";

/// The `webhook-id` of an attempt of task `id`: the task id, the same on every
/// retry; for a variable task, whose every call is a message of its own, the task
/// id and the attempt's number.
pub fn message_id(id: &str, variable: bool, attempt: u32) -> String {
    if variable {
        format!("{id}.{attempt}")
    } else {
        id.to_owned()
    }
}

/// How a key signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// `v1`: HMAC-SHA256 with a shared secret.
    Hmac,
    /// `v1a`: Ed25519.
    Ed25519,
}

/// A signing key as stored. Its `Debug` form leaves the secret out.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRecord {
    /// `key_` and a ULID.
    pub id: String,
    /// The queue whose deliveries it signs; empty: every queue's.
    #[serde(default)]
    pub queue: String,
    pub alg: Algorithm,
    /// The HMAC secret or the Ed25519 seed, 32 bytes, in base64.
    secret: String,
    /// Creation time, ms.
    pub created_ms: i64,
    /// When it stops signing, ms; None: until retired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
}

impl KeyRecord {
    /// A new random key for `queue` (empty: global), made at `now` (ms).
    pub fn generate(queue: &str, alg: Algorithm, now: i64) -> Self {
        let mut secret = [0u8; 32];
        aws_lc_rs::rand::SystemRandom::new()
            .fill(&mut secret)
            .expect("the system random source works");
        KeyRecord {
            id: format!("key_{}", ulid::Ulid::new()),
            queue: queue.to_owned(),
            alg,
            secret: B64.encode(secret),
            created_ms: now,
            expires_ms: None,
        }
    }

    /// Whether it signs at `now` (ms).
    pub fn active_at(&self, now: i64) -> bool {
        self.expires_ms.is_none_or(|e| e > now)
    }

    /// The shared secret as receivers configure it (`whsec_…`); None for Ed25519
    /// keys, whose secret never leaves HTQ.
    pub fn secret_text(&self) -> Option<String> {
        (self.alg == Algorithm::Hmac).then(|| format!("whsec_{}", self.secret))
    }

    /// The public key as receivers configure it (`whpk_…`); None for HMAC keys.
    pub fn public_key_text(&self) -> Option<String> {
        match self.material()? {
            Material::Ed25519(pair) => Some(format!("whpk_{}", B64.encode(pair.public_key()))),
            Material::Hmac(_) => None,
        }
    }

    fn material(&self) -> Option<Material> {
        let secret = B64.decode(&self.secret).ok()?;
        Some(match self.alg {
            Algorithm::Hmac => Material::Hmac(Box::new(hmac::Key::new(hmac::HMAC_SHA256, &secret))),
            Algorithm::Ed25519 => {
                Material::Ed25519(Ed25519KeyPair::from_seed_unchecked(&secret).ok()?)
            }
        })
    }
}

impl std::fmt::Debug for KeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRecord")
            .field("id", &self.id)
            .field("queue", &self.queue)
            .field("alg", &self.alg)
            .field("created_ms", &self.created_ms)
            .field("expires_ms", &self.expires_ms)
            .finish_non_exhaustive()
    }
}

enum Material {
    Hmac(Box<hmac::Key>),
    Ed25519(Ed25519KeyPair),
}

struct Signer {
    material: Material,
    expires_ms: Option<i64>,
}

impl Signer {
    /// `v1,…` or `v1a,…` over `signed` (`<id>.<timestamp>.` then the body).
    fn sign(&self, prefix: &[u8], body: &[u8]) -> String {
        match &self.material {
            Material::Hmac(key) => {
                let mut ctx = hmac::Context::with_key(key);
                ctx.update(prefix);
                ctx.update(body);
                format!("v1,{}", B64.encode(ctx.sign()))
            }
            Material::Ed25519(pair) => {
                let mut msg = Vec::with_capacity(prefix.len() + body.len());
                msg.extend_from_slice(prefix);
                msg.extend_from_slice(body);
                format!("v1a,{}", B64.encode(pair.sign(&msg)))
            }
        }
    }
}

#[derive(Default)]
struct Ring {
    global: Vec<Signer>,
    by_queue: HashMap<String, Vec<Signer>>,
    /// The store's version of the key set this was made from.
    version: Option<String>,
}

/// The keys this process signs with, as last read from the store; shared by the
/// executor (which signs) and the loop that keeps it current.
#[derive(Default)]
pub struct KeyRing {
    ring: RwLock<Arc<Ring>>,
}

impl std::fmt::Debug for KeyRing {
    /// The version only: key material never goes into logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRing")
            .field("version", &self.version())
            .finish_non_exhaustive()
    }
}

impl KeyRing {
    /// Replaces the keys with `records`, read at `version`; a read older than the
    /// keys held (two reads that crossed) is left out.
    pub fn set(&self, records: &[KeyRecord], version: Option<String>) {
        let number = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<u64>().ok());
        let mut ring = Ring {
            version,
            ..Ring::default()
        };
        for r in records {
            let Some(material) = r.material() else {
                tracing::warn!(key = %r.id, "unreadable signing key left out");
                continue;
            };
            let signer = Signer {
                material,
                expires_ms: r.expires_ms,
            };
            if r.queue.is_empty() {
                ring.global.push(signer);
            } else {
                ring.by_queue
                    .entry(r.queue.clone())
                    .or_default()
                    .push(signer);
            }
        }
        let mut held = self.ring.write().unwrap_or_else(|e| e.into_inner());
        if let (Some(new), Some(old)) = (number(&ring.version), number(&held.version))
            && new < old
        {
            return;
        }
        *held = Arc::new(ring);
    }

    /// The version of the key set held (None before the first read, or when the store
    /// had none).
    pub fn version(&self) -> Option<String> {
        self.current().version.clone()
    }

    fn current(&self) -> Arc<Ring> {
        self.ring.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The keys that sign deliveries of `queue` at `now` (ms); None when none does,
    /// so a delivery without keys costs one lookup.
    pub fn signers(&self, queue: &str, now: i64) -> Option<Signers> {
        let ring = self.current();
        let own = ring.by_queue.get(queue);
        let active = |s: &Signer| s.expires_ms.is_none_or(|e| e > now);
        let any = ring.global.iter().any(active) || own.is_some_and(|k| k.iter().any(active));
        let queue = own.map(|_| queue.to_owned());
        any.then_some(Signers { ring, queue, now })
    }

    /// The `webhook-signature` value for a delivery of task `id` of `queue` at Unix
    /// second `timestamp` with `body`, at `now` (ms); None when no key signs it.
    pub fn signature(
        &self,
        queue: &str,
        id: &str,
        timestamp: i64,
        body: &[u8],
        now: i64,
    ) -> Option<String> {
        Some(self.signers(queue, now)?.sign(id, timestamp, body))
    }
}

/// The keys that sign one delivery (see [`KeyRing::signers`]).
pub struct Signers {
    ring: Arc<Ring>,
    /// The queue, when it has keys of its own.
    queue: Option<String>,
    now: i64,
}

impl Signers {
    /// The `webhook-signature` value for message `id` at Unix second `timestamp`
    /// with `body`: one signature per key, space-separated.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let own = self
            .queue
            .as_ref()
            .and_then(|q| self.ring.by_queue.get(q))
            .map_or(&[][..], Vec::as_slice);
        let prefix = format!("{id}.{timestamp}.");
        let mut out = String::new();
        for s in self.ring.global.iter().chain(own) {
            if s.expires_ms.is_some_and(|e| e <= self.now) {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s.sign(prefix.as_bytes(), body));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification's reference libraries.
    #[test]
    fn hmac_matches_the_reference_vector() {
        let key = KeyRecord {
            id: "key_x".into(),
            queue: String::new(),
            alg: Algorithm::Hmac,
            secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
            created_ms: 0,
            expires_ms: None,
        };
        let ring = KeyRing::default();
        ring.set(std::slice::from_ref(&key), None);
        let sig = ring.signature(
            "q",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
            0,
        );
        assert_eq!(
            sig.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
        assert_eq!(
            key.secret_text().as_deref(),
            Some("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        );
    }

    #[test]
    fn every_unexpired_key_of_the_scope_signs() {
        let now = 1_000;
        let global = KeyRecord::generate("", Algorithm::Hmac, now);
        let mut old = KeyRecord::generate("q", Algorithm::Ed25519, now);
        let new = KeyRecord::generate("q", Algorithm::Ed25519, now);
        let other = KeyRecord::generate("other", Algorithm::Hmac, now);
        old.expires_ms = Some(2_000);
        let ring = KeyRing::default();
        ring.set(&[global, old.clone(), new, other], Some("3".into()));
        assert_eq!(ring.version().as_deref(), Some("3"));
        let sig = ring.signature("q", "t", 1, b"body", 1_500).unwrap();
        let parts: Vec<&str> = sig.split(' ').collect();
        assert_eq!(parts.len(), 3, "{sig}");
        assert!(parts[0].starts_with("v1,") && parts[1].starts_with("v1a,"));
        // The Ed25519 signature verifies with the published key.
        let public = old.public_key_text().unwrap();
        let public = B64.decode(public.trim_start_matches("whpk_")).unwrap();
        let sig1a = B64.decode(parts[1].trim_start_matches("v1a,")).unwrap();
        aws_lc_rs::signature::UnparsedPublicKey::new(&aws_lc_rs::signature::ED25519, public)
            .verify(b"t.1.body", &sig1a)
            .unwrap();
        // After its expiry the old key no longer signs.
        assert_eq!(
            ring.signature("q", "t", 1, b"body", 2_000)
                .unwrap()
                .split(' ')
                .count(),
            2
        );
        assert_eq!(
            ring.signature("none", "t", 1, b"", 0)
                .unwrap()
                .split(' ')
                .count(),
            1
        );
        assert!(KeyRing::default().signature("q", "t", 1, b"", 0).is_none());
        // An older read that arrives late changes nothing.
        ring.set(&[], Some("2".into()));
        assert_eq!(ring.version().as_deref(), Some("3"));
        assert!(ring.signature("q", "t", 1, b"", 0).is_some());
    }
}
