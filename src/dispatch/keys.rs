//! Keeps this process's signing keys current: read again when another process
//! announced a change on the wake channel (this one's own changes are read back by
//! the core), after the channel reconnects, and when the store's version of them
//! moved (looked at every minute, in case an announcement was missed).

use std::sync::Arc;
use std::time::Duration;

use super::Shared;

/// How often the store's version of the keys is read.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

pub(super) async fn run(shared: Arc<Shared>) {
    let ring = &shared.opts.keys;
    loop {
        tokio::select! {
            _ = shared.stop.cancelled() => return,
            _ = shared.waker.signing_keys_notified() => {}
            _ = tokio::time::sleep(CHECK_EVERY) => {
                match shared.store.signing_version().await {
                    Ok(v) if v == ring.version() => continue,
                    Ok(_) => {}
                    Err(e) => {
                        tracing::debug!(error = %e, "cannot read the signing keys' version");
                        continue;
                    }
                }
            }
        }
        if let Err(e) = shared.store.load_signing_keys(ring).await {
            tracing::warn!(error = %e, "cannot read the signing keys; signing with the ones held");
        }
    }
}
