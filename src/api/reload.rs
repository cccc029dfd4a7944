//! Values made from files and made again when the files change (the TLS
//! certificate, the tokens file), so a change needs no restart.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// How often the files are looked at for changes, at most.
const CHECK_EVERY: Duration = Duration::from_secs(1);

type Stamp = Option<(SystemTime, u64)>;
type Load<T> = Box<dyn Fn() -> anyhow::Result<T> + Send + Sync>;

/// A value `load` makes from `paths`; asked for it, looks at the files at most
/// once a second and makes it again when one changed (modification time or
/// length). A change that does not load keeps the last good value, with a
/// warning naming `what`.
pub struct Reloaded<T> {
    what: &'static str,
    paths: Vec<PathBuf>,
    load: Load<T>,
    state: Mutex<(Vec<Stamp>, Instant, Arc<T>)>,
}

impl<T> Reloaded<T> {
    /// Makes the value a first time; its error is `load`'s.
    pub fn new(
        what: &'static str,
        paths: Vec<PathBuf>,
        load: impl Fn() -> anyhow::Result<T> + Send + Sync + 'static,
    ) -> anyhow::Result<Self> {
        let stamps = stamps(&paths);
        let value = Arc::new(load()?);
        Ok(Reloaded {
            what,
            paths,
            load: Box::new(load),
            state: Mutex::new((stamps, Instant::now(), value)),
        })
    }

    /// The value, made again first when a file changed.
    pub fn get(&self) -> Arc<T> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (seen, checked, value) = &mut *state;
        if checked.elapsed() >= CHECK_EVERY {
            *checked = Instant::now();
            let now = stamps(&self.paths);
            if now != *seen {
                *seen = now;
                match (self.load)() {
                    Ok(v) => {
                        tracing::info!("{} read again", self.what);
                        *value = Arc::new(v);
                    }
                    Err(e) => tracing::warn!(
                        error = format!("{e:#}"),
                        "{} changed but does not load; keeping the last good one",
                        self.what
                    ),
                }
            }
        }
        value.clone()
    }
}

fn stamps(paths: &[PathBuf]) -> Vec<Stamp> {
    paths
        .iter()
        .map(|p| {
            let m = std::fs::metadata(p).ok()?;
            Some((m.modified().ok()?, m.len()))
        })
        .collect()
}
