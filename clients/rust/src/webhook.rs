//! Verifies the signatures HTQ puts on the requests it delivers (Standard Webhooks
//! 1.0): `webhook-id`, `webhook-timestamp` and `webhook-signature`, with `v1`
//! (HMAC-SHA256, `whsec_` secrets) and `v1a` (Ed25519, `whpk_` public keys).
//!
//! ```
//! use htq_client::webhook::Verifier;
//! let verifier = Verifier::new(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]).unwrap();
//! let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1614265330);
//! verifier
//!     .verify_at(
//!         "msg_p5jXN8AQM9LWM0D4loKWxJek",
//!         "1614265330",
//!         "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
//!         br#"{"test": 2432232314}"#,
//!         at,
//!     )
//!     .unwrap();
//! ```
//!
//! Give every key you accept (during a rotation, the old and the new): a request is
//! genuine when one signature in its header verifies with one of them.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_lc_rs::{hmac, signature};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

/// How far a request's timestamp may be from now, either way, by default.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Why a request did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// A key is neither `whsec_…` nor `whpk_…` with valid base64.
    #[error("bad key: {0}")]
    BadKey(String),
    /// A `webhook-*` header is missing or empty.
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// `webhook-timestamp` is not a number of seconds.
    #[error("bad webhook-timestamp")]
    BadTimestamp,
    /// The timestamp is further from now than the tolerance.
    #[error("timestamp outside the tolerance")]
    Stale,
    /// No signature verified with any key.
    #[error("no signature matches")]
    NoMatch,
}

/// Checks requests against a set of keys.
pub struct Verifier {
    secrets: Vec<hmac::Key>,
    public: Vec<signature::UnparsedPublicKey<Vec<u8>>>,
    tolerance: Duration,
}

impl Verifier {
    /// A verifier accepting signatures by any of `keys` (`whsec_…` secrets and
    /// `whpk_…` public keys), with the default tolerance.
    pub fn new<K: AsRef<str>>(keys: impl IntoIterator<Item = K>) -> Result<Self, VerifyError> {
        let mut v = Verifier {
            secrets: Vec::new(),
            public: Vec::new(),
            tolerance: DEFAULT_TOLERANCE,
        };
        for key in keys {
            let key = key.as_ref();
            let bad = || VerifyError::BadKey(key.chars().take(6).collect::<String>() + "…");
            if let Some(s) = key.strip_prefix("whsec_") {
                let raw = B64.decode(s).map_err(|_| bad())?;
                // An empty secret would accept anyone's signature.
                if raw.is_empty() {
                    return Err(bad());
                }
                v.secrets.push(hmac::Key::new(hmac::HMAC_SHA256, &raw));
            } else if let Some(p) = key.strip_prefix("whpk_") {
                let raw = B64.decode(p).map_err(|_| bad())?;
                if raw.len() != 32 {
                    return Err(bad());
                }
                v.public
                    .push(signature::UnparsedPublicKey::new(&signature::ED25519, raw));
            } else {
                return Err(bad());
            }
        }
        Ok(v)
    }

    /// The same verifier with another tolerance for the timestamp.
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Verifies a request from its headers (looked up by lower-case name) and body.
    pub fn verify_headers<'a>(
        &self,
        header: impl Fn(&str) -> Option<&'a str>,
        body: &[u8],
    ) -> Result<(), VerifyError> {
        let get = |name: &'static str| {
            header(name)
                .filter(|v| !v.is_empty())
                .ok_or(VerifyError::MissingHeader(name))
        };
        self.verify(
            get("webhook-id")?,
            get("webhook-timestamp")?,
            get("webhook-signature")?,
            body,
        )
    }

    /// Verifies a request now: its `webhook-id`, `webhook-timestamp` and
    /// `webhook-signature` values and its body as received.
    pub fn verify(
        &self,
        id: &str,
        timestamp: &str,
        signatures: &str,
        body: &[u8],
    ) -> Result<(), VerifyError> {
        self.verify_at(id, timestamp, signatures, body, SystemTime::now())
    }

    /// [`Verifier::verify`] as if it were `now`.
    pub fn verify_at(
        &self,
        id: &str,
        timestamp: &str,
        signatures: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), VerifyError> {
        if id.is_empty() {
            return Err(VerifyError::MissingHeader("webhook-id"));
        }
        let ts: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| VerifyError::BadTimestamp)?;
        let now = match now.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        if now.abs_diff(ts) > self.tolerance.as_secs() {
            return Err(VerifyError::Stale);
        }
        let mut signed = Vec::with_capacity(id.len() + timestamp.len() + 2 + body.len());
        signed.extend_from_slice(id.as_bytes());
        signed.push(b'.');
        signed.extend_from_slice(timestamp.trim().as_bytes());
        signed.push(b'.');
        signed.extend_from_slice(body);
        for sig in signatures.split_ascii_whitespace() {
            let Some((version, value)) = sig.split_once(',') else {
                continue;
            };
            let Ok(raw) = B64.decode(value) else {
                continue;
            };
            let ok = match version {
                "v1" => self
                    .secrets
                    .iter()
                    .any(|k| hmac::verify(k, &signed, &raw).is_ok()),
                "v1a" => self.public.iter().any(|k| k.verify(&signed, &raw).is_ok()),
                _ => false,
            };
            if ok {
                return Ok(());
            }
        }
        Err(VerifyError::NoMatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_vector_and_its_failures() {
        let v = Verifier::new(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]).unwrap();
        let at = UNIX_EPOCH + Duration::from_secs(1614265330);
        let (id, ts, sig) = (
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "1614265330",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        );
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(v.verify_at(id, ts, sig, body, at), Ok(()));
        // Among others, with an unknown version before it.
        let many = format!("v2,abc v1,Zm9v {sig}");
        assert_eq!(v.verify_at(id, ts, &many, body, at), Ok(()));
        assert_eq!(
            v.verify_at(id, ts, sig, br#"{"test": 2432232315}"#, at),
            Err(VerifyError::NoMatch)
        );
        assert_eq!(
            v.verify_at("msg_other", ts, sig, body, at),
            Err(VerifyError::NoMatch)
        );
        let late = at + Duration::from_secs(301);
        assert_eq!(
            v.verify_at(id, ts, sig, body, late),
            Err(VerifyError::Stale)
        );
        assert_eq!(
            v.verify_at(id, "soon", sig, body, at),
            Err(VerifyError::BadTimestamp)
        );
        for bad in ["secret", "whsec_", "whsec_!!", "whpk_AAAA"] {
            assert!(
                matches!(Verifier::new([bad]), Err(VerifyError::BadKey(_))),
                "{bad}"
            );
        }
    }
}
