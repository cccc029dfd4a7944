//! The embedded Redis: `htq serve` without `--redis-url` runs its own `redis-server`
//! child on a free loopback port, with append-only persistence in the data
//! directory, restarts it if it dies, and stops it on exit.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A supervised redis-server child.
pub struct EmbeddedRedis {
    url: String,
    stop: CancellationToken,
    supervisor: JoinHandle<()>,
    _lock: std::fs::File,
}

fn free_port() -> anyhow::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

fn find_binary(binary: &str) -> Option<PathBuf> {
    let p = Path::new(binary);
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(binary))
        .find(|c| c.is_file())
}

/// Takes an exclusive lock on the data directory, so two HTQ processes never run two
/// Redis servers over the same files.
fn lock_dir(dir: &Path) -> anyhow::Result<std::fs::File> {
    use std::os::fd::AsRawFd;
    let path = dir.join("htq.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    // SAFETY: flock on a file descriptor we own; no memory is shared.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        bail!(
            "the data directory {} is in use by another htq process (use another --data-dir, or --redis-url to share one Redis)",
            dir.display()
        );
    }
    Ok(file)
}

fn spawn(binary: &Path, dir: &Path, port: u16) -> anyhow::Result<Child> {
    let mut cmd = Command::new(binary);
    cmd.args([
        "--port",
        &port.to_string(),
        "--bind",
        "127.0.0.1",
        "--protected-mode",
        "yes",
    ])
    .arg("--dir")
    .arg(dir)
    .args([
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--save",
        "",
        "--daemonize",
        "no",
    ])
    .args(["--logfile", "redis.log"])
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::inherit())
    .kill_on_drop(true);
    // SAFETY: prctl in the child between fork and exec only sets a flag of the child:
    // it gets SIGTERM (a clean Redis shutdown) when HTQ dies, even by SIGKILL.
    unsafe {
        cmd.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.spawn()
        .with_context(|| format!("cannot start {}", binary.display()))
}

async fn wait_ready(url: &str, child: &mut Child) -> anyhow::Result<()> {
    let client = redis::Client::open(url)?;
    for _ in 0..200 {
        if let Some(status) = child.try_wait()? {
            bail!("redis-server exited at start ({status}); see redis.log in the data directory");
        }
        if let Ok(mut c) = client.get_multiplexed_async_connection().await
            && redis::cmd("PING")
                .query_async::<String>(&mut c)
                .await
                .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    bail!("redis-server did not answer within 10 s")
}

fn terminate(child: &Child) {
    if let Some(pid) = child.id() {
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(pid as libc::pid_t, libc::SIGTERM);
        }
    }
}

impl EmbeddedRedis {
    /// Starts `binary` with its data in `dir` and waits until it answers.
    pub async fn start(binary: &str, dir: &Path) -> anyhow::Result<Self> {
        let Some(path) = find_binary(binary) else {
            bail!(
                "{binary} not found: HTQ runs its own Redis unless --redis-url is given. \
                 Install it (Debian/Ubuntu: apt-get install redis-server) or pass --redis-url"
            );
        };
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let dir = dir.canonicalize()?;
        let lock = lock_dir(&dir)?;
        let port = free_port()?;
        let url = format!("redis://127.0.0.1:{port}/");
        let mut child = spawn(&path, &dir, port)?;
        wait_ready(&url, &mut child).await?;
        tracing::info!(%url, dir = %dir.display(), "embedded redis-server started");

        let stop = CancellationToken::new();
        let supervisor = tokio::spawn(supervise(child, path, dir, port, url.clone(), stop.clone()));
        Ok(EmbeddedRedis {
            url,
            stop,
            supervisor,
            _lock: lock,
        })
    }

    /// The URL to reach it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Stops redis-server cleanly (it flushes the append-only file) and waits for it.
    pub async fn stop(self) {
        self.stop.cancel();
        let _ = self.supervisor.await;
    }
}

async fn supervise(
    mut child: Child,
    path: PathBuf,
    dir: PathBuf,
    port: u16,
    url: String,
    stop: CancellationToken,
) {
    loop {
        tokio::select! {
            status = child.wait() => {
                tracing::error!(?status, "embedded redis-server exited; restarting it");
                tokio::time::sleep(Duration::from_secs(1)).await;
                match spawn(&path, &dir, port) {
                    Ok(mut c) => {
                        if let Err(e) = wait_ready(&url, &mut c).await {
                            tracing::error!(error = %e, "embedded redis-server restart failed");
                        }
                        child = c;
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "cannot restart embedded redis-server");
                        tokio::select! {
                            _ = tokio::time::sleep(Duration::from_secs(5)) => continue,
                            _ = stop.cancelled() => return,
                        }
                    }
                }
            }
            _ = stop.cancelled() => {
                terminate(&child);
                if tokio::time::timeout(Duration::from_secs(10), child.wait()).await.is_err() {
                    tracing::warn!("embedded redis-server did not stop within 10 s; killing it");
                    let _ = child.kill().await;
                }
                tracing::info!("embedded redis-server stopped");
                return;
            }
        }
    }
}
