//! The `htq` binary as a process: crash recovery, graceful shutdown, embedded Redis.

use std::time::Duration;

use htq::api::pb;

use crate::common::*;

/// The redis-server children of process `parent`.
fn redis_children(parent: u32) -> Vec<i32> {
    let out = std::process::Command::new("pgrep")
        .args(["-P", &parent.to_string(), "redis-server"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.parse().unwrap())
        .collect()
}

/// Whether `pid` runs (a zombie waiting for init to reap it counts as gone).
fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.contains(") Z "))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn task_in_flight_when_htq_is_killed_is_delivered_after_restart() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    // The first call hangs (HTQ dies during it); later calls succeed.
    sink.script(
        "/job",
        vec![
            Reply::status(200).delay(Duration::from_secs(30)),
            Reply::status(200),
        ],
    );
    let data = tempfile::tempdir().unwrap();
    let flag = redis.flag();
    let args = [
        &flag[0],
        &flag[1],
        "--token",
        TOKEN,
        "--lease-margin-ms",
        "500",
    ];
    let mut first = HtqProcess::start(&args, data.path());
    let mut c = client(first.addr, Some(TOKEN)).await;
    create_queue(&mut c, "k", |q| q.request_timeout = Some(ms_duration(1500))).await;
    let id = push_get(&mut c, "k", &sink.url("/job")).await;
    let hits = sink.wait_for(Some("/job"), 1, Duration::from_secs(5)).await;
    assert_eq!(hits[0].header("x-htq-attempt"), Some("1"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    first.signal(libc::SIGKILL);
    first.wait(Duration::from_secs(5)).expect("killed");

    let second = HtqProcess::start(&args, data.path());
    // The lease (1.5 s + 0.5 s) expires, the task is taken back and performed again.
    let hits = sink.wait_for(Some("/job"), 2, Duration::from_secs(8)).await;
    assert_eq!(hits[1].header("x-htq-task-id"), Some(id.as_str()));
    assert_eq!(hits[1].header("x-htq-attempt"), Some("2"));
    let mut c = client(second.addr, Some(TOKEN)).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    loop {
        let counts = c
            .count_tasks(pb::CountTasksRequest { queue: "k".into() })
            .await
            .unwrap()
            .into_inner();
        if (counts.due, counts.scheduled, counts.active, counts.dead) == (0, 0, 0, 0) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "task not finished: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_short_calls_and_hands_back_long_ones() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/short",
        vec![Reply::status(200).delay(Duration::from_millis(300))],
    );
    sink.script(
        "/long",
        vec![Reply::status(200).delay(Duration::from_secs(20))],
    );
    let data = tempfile::tempdir().unwrap();
    let flag = redis.flag();
    let args = [
        &flag[0],
        &flag[1],
        "--token",
        TOKEN,
        "--shutdown-grace-ms",
        "1000",
    ];
    let mut p = HtqProcess::start(&args, data.path());
    let mut c = client(p.addr, Some(TOKEN)).await;
    create_queue(&mut c, "s", |q| q.max_concurrency = 2).await;
    let long_id = push_get(&mut c, "s", &sink.url("/long")).await;
    push_get(&mut c, "s", &sink.url("/short")).await;
    sink.wait_for(None, 2, Duration::from_secs(5)).await;
    p.signal(libc::SIGTERM);
    let status = p
        .wait(Duration::from_secs(8))
        .expect("exits after the grace period");
    assert!(status.success(), "{status:?}");

    // The short call finished and is gone; the long one is due again, its cut-off
    // attempt not counted.
    let store = connect_store(&redis).await;
    let counts = store.count_tasks("s", now_ms()).await.unwrap();
    assert_eq!(
        (counts.due, counts.active, counts.scheduled, counts.dead),
        (1, 0, 0, 0)
    );
    let t = store
        .get_task("s", &long_id, now_ms())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(t.state, htq::model::TaskState::Due);
    assert_eq!(t.attempts, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_redis_serves_persists_and_stops_with_htq() {
    let sink = Sink::start().await;
    let data = tempfile::tempdir().unwrap();
    let mut p = HtqProcess::start(&[], data.path());
    // No token configured: one was generated into the data directory.
    let token = std::fs::read_to_string(data.path().join("token")).unwrap();
    let token = token.trim();
    assert_eq!(token.len(), 64);
    let mut c = client(p.addr, Some(token)).await;
    create_queue(&mut c, "e", |_| {}).await;
    push_get(&mut c, "e", &sink.url("/e")).await;
    sink.wait_for(Some("/e"), 1, Duration::from_secs(5)).await;
    let redis_pids = redis_children(p.child.id());
    assert_eq!(redis_pids.len(), 1, "one redis-server child");

    // The child dies: HTQ starts a new one on the same data, and its pooled
    // connections heal.
    let pid = redis_pids[0];
    // SAFETY: signalling a process this test started (through htq).
    unsafe { libc::kill(pid, libc::SIGKILL) };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let pushed = c
            .push_task(pb::PushTaskRequest {
                queue: "e".into(),
                request: Some(get(&sink.url("/e2"))),
                ..Default::default()
            })
            .await;
        if pushed.is_ok() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no recovery: {pushed:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    sink.wait_for(Some("/e2"), 1, Duration::from_secs(5)).await;
    let new_pids = redis_children(p.child.id());
    assert_eq!(new_pids.len(), 1);
    assert_ne!(new_pids, redis_pids, "a new redis-server child");
    p.signal(libc::SIGTERM);
    assert!(p.wait(Duration::from_secs(10)).expect("exits").success());
    assert!(!alive(new_pids[0]), "redis-server stopped with htq");

    // Restart on the same data: the queue survived (append-only file). Then SIGKILL:
    // the child still goes (parent-death signal).
    let mut p = HtqProcess::start(&[], data.path());
    let mut c = client(p.addr, Some(token)).await;
    let q = c
        .get_queue(pb::GetQueueRequest { name: "e".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(q.name, "e");
    let child = redis_children(p.child.id());
    assert_eq!(child.len(), 1);
    p.signal(libc::SIGKILL);
    p.wait(Duration::from_secs(5)).expect("killed");
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while alive(child[0]) {
        assert!(
            std::time::Instant::now() < deadline,
            "redis-server outlived a killed htq"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn missing_redis_server_names_the_package_to_install() {
    let data = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--redis-server",
            "/nonexistent/redis-server",
        ])
        .arg("--data-dir")
        .arg(data.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("apt-get install redis-server"), "{err}");
}

/// Runs `htq serve ARGS` until a line of its log contains every one of `words`
/// (true), or 10 s pass (false).
fn serve_logs(args: &[&str], data: &std::path::Path, words: &'static [&'static str]) -> bool {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .arg("serve")
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("RUST_LOG", "warn")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::BufRead;
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if words.iter().all(|w| line.contains(w)) {
                let _ = tx.send(());
            }
        }
    });
    let seen = rx.recv_timeout(std::time::Duration::from_secs(10)).is_ok();
    let _ = child.kill();
    let _ = child.wait();
    seen
}

#[test]
fn a_redis_that_may_evict_keys_is_refused_and_one_without_persistence_warned_about() {
    let data = tempfile::tempdir().unwrap();
    let evicting = TestRedis::start_with(&["--maxmemory-policy", "allkeys-lru"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["serve", "--listen", "127.0.0.1:0", "--token", TOKEN])
        .args(["--redis-url", &evicting.url])
        .arg("--data-dir")
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("maxmemory-policy allkeys-lru") && err.contains("noeviction"),
        "{err}"
    );
    // The test Redis keeps nothing on disk: started anyway, with a warning.
    let volatile = TestRedis::start();
    let args = [
        "--listen",
        "127.0.0.1:0",
        "--token",
        TOKEN,
        &volatile.flag()[0],
        &volatile.flag()[1],
    ];
    assert!(serve_logs(&args, data.path(), &["persistence is off"]));
}

#[tokio::test]
async fn processes_whose_clocks_disagree_keep_redis_time() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let flag = redis.flag();
    let base = [flag[0].as_str(), flag[1].as_str(), "--token", TOKEN];
    // A host an hour ahead, one on time.
    let mut ahead = HtqProcess::start(
        &[&base[..], &["--clock-skew-ms", "3600000"]].concat(),
        da.path(),
    );
    let on_time = HtqProcess::start(&base, db.path());
    let mut a = client(ahead.addr, Some(TOKEN)).await;
    create_queue(&mut a, "skew", |_| {}).await;
    let t = a
        .schedule_task(pb::ScheduleTaskRequest {
            queue: "skew".into(),
            request: Some(get(&sink.url("/skew"))),
            when: Some(pb::schedule_task_request::When::Delay(ms_duration(1000))),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    // Due a second from now by Redis's clock, not an hour from now.
    let due = t.schedule_time.unwrap().seconds * 1000;
    assert!(
        (due - now_ms() - 1000).abs() < 2000,
        "due {due}, now {}",
        now_ms()
    );
    // Only the process on time is left to deliver it: it does, on time.
    ahead.signal(libc::SIGKILL);
    ahead.wait(Duration::from_secs(5));
    let hit = sink
        .wait_for(Some("/skew"), 1, Duration::from_secs(5))
        .await;
    assert!(hit[0].at_ms >= due - 50, "delivered early");
    drop(on_time);
}

#[test]
fn plaintext_on_a_non_loopback_address_is_warned_about() {
    let redis = TestRedis::start();
    let data = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let flag = redis.flag();
    let warning = &["plaintext on a non-loopback address"];
    let listen = format!("0.0.0.0:{port}");
    let base = ["--token", TOKEN, &flag[0], &flag[1], "--listen"];
    let mut args = base.to_vec();
    args.push(&listen);
    assert!(serve_logs(&args, data.path(), warning));
}

#[test]
fn shipped_legacy_credentials_are_warned_about_loudly() {
    let redis = TestRedis::single();
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("config.json");
    let (key, token) = htq::legacy::SHIPPED_CREDENTIALS;
    std::fs::write(
        &config,
        format!(r#"{{"app_key":"{key}","app_token":"{token}","api_port":5999,"redis_host":"127.0.0.1","redis_port":{},"redis_key_prefix":"htq_"}}"#, redis.port),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let args = [
        "--listen",
        "127.0.0.1:0",
        "--token",
        TOKEN,
        "--config",
        config,
    ];
    let warned = serve_logs(&args, data.path(), &["SECURITY", "public"]);
    assert!(warned, "no warning about the shipped credentials");
}

#[tokio::test]
async fn logs_are_json_lines_with_queue_and_task_and_no_secrets() {
    use std::io::Read;

    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script("/fails", vec![Reply::status(503)]);
    let data = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let secret = "s3cret-token-value-42";
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(redis.flag())
        .args(["--token", secret])
        .args(["--app-key", "legacy-key-7", "--app-token", "legacy-token-9"])
        .args(["--log-format", "json"])
        .arg("--data-dir")
        .arg(data.path())
        .env("RUST_LOG", "debug")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(std::time::Instant::now() < deadline, "htq did not listen");
        std::thread::sleep(Duration::from_millis(25));
    }
    let mut c = client(addr, Some(secret)).await;
    create_queue(&mut c, "logged", |q| {
        q.retry = Some(pb::RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        })
    })
    .await;
    // A signing key: its secret is shown to its creator and logged nowhere (the
    // delivery below is signed with it).
    let key = c
        .create_signing_key(pb::CreateSigningKeyRequest::default())
        .await
        .unwrap()
        .into_inner();
    let signing_secret = key.secret.trim_start_matches("whsec_").to_owned();
    let id = push_get(&mut c, "logged", &sink.url("/fails")).await;
    let hit = sink
        .wait_for(Some("/fails"), 1, Duration::from_secs(5))
        .await;
    assert!(hit[0].header("webhook-signature").is_some());
    // Wrong credentials on both APIs, so refusals get logged too.
    let _ = client(addr, Some("wrong-token-x"))
        .await
        .get_queue(pb::GetQueueRequest {
            name: "logged".into(),
        })
        .await;
    let _ = reqwest::Client::new()
        .post(format!("http://{addr}/api/allQueue"))
        .multipart(
            reqwest::multipart::Form::new()
                .text("app_key", "legacy-key-7")
                .text("app_token", "wrong-legacy-token"),
        )
        .send()
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let _ = child.wait();
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    // Every line is a JSON object.
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty());
    // The failed delivery is logged with its queue and task id.
    let dead = lines
        .iter()
        .find(|l| l["fields"]["message"] == "failed; dead-lettered")
        .unwrap_or_else(|| panic!("no dead-letter line in\n{logs}"));
    let span = &dead["span"];
    assert_eq!(span["queue"], "logged");
    assert_eq!(span["task_id"], id.as_str());
    // No secret appears anywhere.
    for secret in [
        secret,
        &signing_secret,
        "legacy-token-9",
        "wrong-token-x",
        "wrong-legacy-token",
    ] {
        assert!(!logs.contains(secret), "{secret} is in the logs");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_redis_and_data_files_are_private_to_htq() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let sink = Sink::start().await;
    let data = tempfile::tempdir().unwrap();
    // A loose directory and token file, as a umask of 022 makes them.
    std::fs::set_permissions(data.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let token_file = data.path().join("token");
    std::fs::write(
        &token_file,
        "t0ken-of-sixty-four-characters-0123456789abcdef0123456789abcde\n",
    )
    .unwrap();
    std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    // SAFETY: umask only sets this process's file creation mask (what htq inherits).
    let old = unsafe { libc::umask(0o022) };
    let p = HtqProcess::start(&[], data.path());
    unsafe { libc::umask(old) };
    let mut c = client(
        p.addr,
        Some("t0ken-of-sixty-four-characters-0123456789abcdef0123456789abcde"),
    )
    .await;
    create_queue(&mut c, "private", |_| {}).await;
    c.push_task(pb::PushTaskRequest {
        queue: "private".into(),
        request: Some(pb::HttpRequest {
            method: "GET".into(),
            url: sink.url("/private"),
            headers: vec![pb::Header {
                name: "Authorization".into(),
                value: "Bearer secret".into(),
            }],
            ..Default::default()
        }),
        ..Default::default()
    })
    .await
    .unwrap();
    sink.wait_for(Some("/private"), 1, Duration::from_secs(5))
        .await;

    assert_eq!(mode(data.path()), 0o700);
    let mut files = 0;
    for entry in walk(data.path()) {
        let m = mode(&entry);
        if entry.is_dir() {
            assert_eq!(m, 0o700, "{}", entry.display());
        } else if entry.file_name().unwrap() != "redis.sock" {
            assert_eq!(m, 0o600, "{}", entry.display());
            files += 1;
        }
    }
    assert!(
        files >= 4,
        "token, lock, conf, log, append-only files: {files}"
    );
    // The AOF holds the header, and only its owner can read it.
    let aof_holds_it = walk(data.path())
        .iter()
        .filter(|p| p.to_string_lossy().contains("appendonly") && p.is_file())
        .any(|p| {
            std::fs::read(p)
                .unwrap()
                .windows(13)
                .any(|w| w == b"Bearer secret")
        });
    assert!(aof_holds_it);

    // Redis listens on a socket only, and wants the password written in redis.conf.
    let conf = std::fs::read_to_string(data.path().join("redis.conf")).unwrap();
    assert!(conf.contains("port 0"), "{conf}");
    let password = conf
        .lines()
        .find_map(|l| l.strip_prefix("requirepass "))
        .unwrap()
        .to_owned();
    let pid = redis_children(p.child.id())[0];
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert!(!String::from_utf8_lossy(&cmdline).contains(&password));
    let socket = data.path().join("redis.sock");
    let url = format!("redis+unix://{}", socket.display());
    let mut conn = redis::Client::open(url.as_str())
        .unwrap()
        .get_connection()
        .unwrap();
    let e = redis::cmd("PING").query::<String>(&mut conn).unwrap_err();
    assert!(e.to_string().contains("NOAUTH"), "{e}");
    let url = format!("redis+unix://{}?pass={password}", socket.display());
    let mut conn = redis::Client::open(url.as_str())
        .unwrap()
        .get_connection()
        .unwrap();
    assert_eq!(
        redis::cmd("PING").query::<String>(&mut conn).unwrap(),
        "PONG"
    );
}

/// Every path under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}
