//! The embedded Redis: `htq serve` without `--redis-url` runs its own `redis-server`
//! child with append-only persistence in the data directory, restarts it if it
//! dies, and stops it on exit.
//!
//! Only HTQ reaches it: it listens on a Unix socket inside the data directory
//! (0700, so no other user gets to the socket), with no TCP port, and asks for a
//! password generated at each start (kept in `redis.conf`, 0600, never on a
//! command line). Where the socket's path would be too long for the system, it
//! listens on a free loopback port instead, with the same password. It runs with
//! umask 077, so its files (the append-only file holds task headers) are 0600.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A supervised redis-server child.
pub struct EmbeddedRedis {
    /// Its URL, password included: never logged.
    url: String,
    /// Where it listens, for messages.
    place: String,
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

/// Longest Unix socket path the system takes (`sun_path`, less its final NUL).
const MAX_SOCKET_PATH: usize = 107;

/// Files of a data directory: the token, the lock, Redis's configuration, log and
/// snapshots, and its append-only files (some in `appendonlydir`).
fn is_data_file(name: &str) -> bool {
    matches!(
        name,
        "token" | "htq.lock" | "redis.conf" | "redis.log" | "dump.rdb"
    ) || name.starts_with("appendonly")
        || name.starts_with("temp-")
}

/// Makes the data directory `dir` 0700 and its files 0600 (those HTQ and its Redis
/// write; nothing else in it is touched), whatever the umask they were made with,
/// warning about each one that was open to others.
pub fn tighten(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let set = |p: &Path, mode: u32| -> anyhow::Result<()> {
        let was = std::fs::symlink_metadata(p)?.permissions().mode() & 0o777;
        if was != mode {
            if was & 0o077 != 0 {
                tracing::warn!(path = %p.display(), mode = format!("{was:o}"), "was open to other users; restricting it");
            }
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
                .with_context(|| format!("cannot restrict {}", p.display()))?;
        }
        Ok(())
    };
    set(dir, 0o700)?;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str().filter(|n| is_data_file(n)) else {
            continue;
        };
        let kind = entry.file_type()?;
        if kind.is_dir() && name == "appendonlydir" {
            set(&entry.path(), 0o700)?;
            for f in std::fs::read_dir(entry.path())? {
                let f = f?;
                if f.file_type()?.is_file() {
                    set(&f.path(), 0o600)?;
                }
            }
        } else if kind.is_file() {
            set(&entry.path(), 0o600)?;
        }
    }
    Ok(())
}

/// Where the child listens.
#[derive(Clone)]
enum Place {
    Socket(PathBuf),
    Port(u16),
}

/// Writes `redis.conf` (0600): where it listens and its password.
fn write_conf(dir: &Path, place: &Place, password: &str) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = dir.join("redis.conf");
    let listen = match place {
        Place::Socket(p) => format!(
            "port 0\nunixsocket \"{}\"\nunixsocketperm 700\n",
            p.display()
        ),
        Place::Port(port) => format!("port {port}\nbind 127.0.0.1\nprotected-mode yes\n"),
    };
    let _ = std::fs::remove_file(&path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    write!(
        f,
        "# Written by htq at each start.\n{listen}requirepass {password}\n"
    )?;
    Ok(path)
}

fn spawn(binary: &Path, dir: &Path, conf: &Path) -> anyhow::Result<Child> {
    let mut cmd = Command::new(binary);
    cmd.arg(conf)
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
    // SAFETY: prctl and umask in the child between fork and exec only set state of
    // the child: it gets SIGTERM (a clean Redis shutdown) when HTQ dies, even by
    // SIGKILL, and creates its files readable by its user alone.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o077);
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
        std::os::unix::fs::DirBuilderExt::mode(std::fs::DirBuilder::new().recursive(true), 0o700)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let dir = dir.canonicalize()?;
        tighten(&dir)?;
        let lock = lock_dir(&dir)?;
        let bytes: [u8; 24] = rand::random();
        let password: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let socket = dir.join("redis.sock");
        let fits = socket.as_os_str().len() <= MAX_SOCKET_PATH
            && socket
                .to_str()
                .is_some_and(|p| !p.contains(['"', '\\', '\n']));
        let place = if fits {
            Place::Socket(socket)
        } else {
            Place::Port(free_port()?)
        };
        let (url, shown) = match &place {
            Place::Socket(p) => (
                format!(
                    "redis+unix://{}?pass={password}",
                    url::Url::from_file_path(p)
                        .map_err(|()| anyhow::anyhow!("bad socket path {}", p.display()))?
                        .path()
                ),
                format!("unix socket {}", p.display()),
            ),
            Place::Port(port) => (
                format!("redis://:{password}@127.0.0.1:{port}/"),
                format!("127.0.0.1:{port} (the data directory's path does not fit a socket)"),
            ),
        };
        let conf = write_conf(&dir, &place, &password)?;
        let mut child = spawn(&path, &dir, &conf)?;
        wait_ready(&url, &mut child).await?;
        tracing::info!(at = %shown, dir = %dir.display(), "embedded redis-server started");

        let stop = CancellationToken::new();
        let supervisor = tokio::spawn(supervise(child, path, dir, conf, url.clone(), stop.clone()));
        Ok(EmbeddedRedis {
            url,
            place: shown,
            stop,
            supervisor,
            _lock: lock,
        })
    }

    /// The URL to reach it (with its password: not for logs).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where it listens, for messages.
    pub fn place(&self) -> &str {
        &self.place
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
    conf: PathBuf,
    url: String,
    stop: CancellationToken,
) {
    loop {
        tokio::select! {
            status = child.wait() => {
                tracing::error!(?status, "embedded redis-server exited; restarting it");
                tokio::time::sleep(Duration::from_secs(1)).await;
                match spawn(&path, &dir, &conf) {
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
