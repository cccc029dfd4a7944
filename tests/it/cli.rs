//! The `htq` command line against a live server: queues, tasks, stats and watch,
//! human output and `--json`, and exit codes scripts can rely on.

use std::time::Duration;

use crate::common::*;

/// Runs `htq ARGS` against `addr`; returns (exit code, stdout, stderr).
async fn htq_cli(addr: std::net::SocketAddr, args: &[&str]) -> (i32, String, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(args)
        .arg("--server")
        .arg(format!("http://{addr}"))
        .env("HTQ_TOKEN", TOKEN)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(20), out)
        .await
        .expect("the command ends")
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn command_line_manages_queues_and_tasks() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let a = htq.addr;
    let (code, out, _) = htq_cli(a, &["queue", "create", "cli", "--max-concurrency", "2"]).await;
    assert_eq!(code, 0);
    assert!(out.starts_with("created cli"), "{out}");
    let (code, out, _) = htq_cli(a, &["queue", "list", "--json"]).await;
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list[0]["name"], "cli");
    assert_eq!(list[0]["maxConcurrency"], 2);

    let (code, out, _) = htq_cli(a, &["queue", "pause", "cli"]).await;
    assert_eq!(code, 0);
    assert!(out.contains("paused"), "{out}");
    let url = sink.url("/cli");
    let (code, id, _) = htq_cli(a, &["push", "cli", &url, "-X", "POST", "-d", "hi"]).await;
    assert_eq!(code, 0);
    let id = id.trim().to_owned();
    let (code, out, _) = htq_cli(a, &["stats", "cli", "--json"]).await;
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(stats["due"], "1", "{out}");
    let (_, out, _) = htq_cli(a, &["task", "list", "cli", "--state", "due"]).await;
    assert!(out.starts_with(&id), "{out}");
    // Without --state: every state, each line with its state.
    let (code, out, _) = htq_cli(a, &["task", "list", "cli"]).await;
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("{id}  due")), "{out}");
    // A watch from the start of the queue's stream sees the pause and the push.
    let (code, out, _) = htq_cli(a, &["watch", "cli", "--cursor", "0-0", "--count", "2"]).await;
    assert_eq!(code, 0);
    assert!(out.contains("paused") && out.contains(&id), "{out}");
    let (code, out, _) = htq_cli(a, &["queue", "resume", "cli"]).await;
    assert_eq!(code, 0, "{out}");
    let hit = sink.wait_for(Some("/cli"), 1, Duration::from_secs(3)).await;
    assert_eq!(&hit[0].body[..], b"hi");
    // Update some settings; schedule a task at a time.
    let (code, out, _) = htq_cli(
        a,
        &[
            "queue",
            "update",
            "cli",
            "--max-concurrency",
            "3",
            "--rate",
            "5",
            "--json",
        ],
    )
    .await;
    assert_eq!(code, 0, "{out}");
    let q: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            q["maxConcurrency"].as_i64(),
            q["maxDispatchesPerSecond"].as_f64()
        ),
        (Some(3), Some(5.0))
    );
    let tomorrow = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(24))
        .unwrap()
        .to_string();
    let (code, later, _) = htq_cli(a, &["task", "schedule", "cli", &url, "--at", &tomorrow]).await;
    assert_eq!(code, 0);
    let (_, out, _) = htq_cli(a, &["task", "get", "cli", later.trim(), "--json"]).await;
    let t: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(t["state"], "TASK_STATE_SCHEDULED");
    let (code, _, err) = htq_cli(a, &["task", "schedule", "cli", &url, "--at", "soon"]).await;
    assert_eq!(code, 1, "a local error: {err}");
    let (_, out, _) = htq_cli(a, &["task", "list", "cli"]).await;
    assert!(
        out.starts_with(later.trim()) && out.contains("scheduled"),
        "{out}"
    );
    let (code, out, _) = htq_cli(a, &["queue", "purge", "cli"]).await;
    assert_eq!((code, out.trim()), (0, "purged 1 tasks"));
    let (code, out, _) = htq_cli(a, &["task", "list", "cli"]).await;
    assert_eq!((code, out.trim()), (0, "no tasks in queue cli"));
    let (_, out, _) = htq_cli(a, &["task", "list", "cli", "--json"]).await;
    assert_eq!(out.trim(), "[]");
    // A flag set to zero is in the mask, so the setting goes back: no rate limit.
    let (code, out, _) = htq_cli(a, &["queue", "update", "cli", "--rate", "0", "--json"]).await;
    assert_eq!(code, 0, "{out}");
    let q: serde_json::Value = serde_json::from_str(&out).unwrap();
    // (proto3 JSON leaves zero values out.)
    assert_eq!(
        (
            q["maxConcurrency"].as_i64(),
            q.get("maxDispatchesPerSecond")
        ),
        (Some(3), None)
    );

    // Exit codes: 10 + the gRPC code, and the reason on stderr.
    let (code, _, err) = htq_cli(a, &["task", "get", "cli", "nope"]).await;
    assert_eq!(code, 15, "NOT_FOUND: {err}");
    assert!(err.contains("NotFound"), "{err}");
    let (code, _, _) = htq_cli(a, &["queue", "create", "cli"]).await;
    assert_eq!(code, 16, "ALREADY_EXISTS");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["queue", "list", "--server", &format!("http://{a}")])
        .env("HTQ_TOKEN", "wrong")
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(26), "UNAUTHENTICATED");
    let (code, out, _) = htq_cli(a, &["queue", "delete", "cli"]).await;
    assert_eq!((code, out.trim()), (0, "deleted cli"));
    htq.stop().await;
}

#[tokio::test]
async fn command_line_sets_redirects_and_capture_and_shows_attempts() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let htq = TestHtq::start(&redis).await;
    let a = htq.addr;
    let (code, out, err) = htq_cli(
        a,
        &[
            "queue",
            "create",
            "cap",
            "--capture-responses",
            "--capture-body-bytes",
            "5",
            "--follow-redirects",
        ],
    )
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("created cap"), "{out}");
    let (code, out, _) = htq_cli(
        a,
        &[
            "queue",
            "update",
            "cap",
            "--follow-redirects",
            "false",
            "--json",
        ],
    )
    .await;
    assert_eq!(code, 0, "{out}");
    let q: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(q.get("followRedirects"), None, "switched off: {q}");
    assert_eq!(q["captureResponses"], true);
    assert_eq!(q["captureBodyBytes"], 5);

    let (code, _, err) = htq_cli(a, &["queue", "update", "cap", "--max-attempts", "1"]).await;
    assert_eq!(code, 0, "{err}");
    // A failed attempt stays in the history of the dead task: its response shows.
    sink.script(
        "/busy",
        vec![
            Reply::status(503)
                .header("x-why", "busy")
                .body("come back later"),
        ],
    );
    let url = sink.url("/busy");
    let (code, id, _) = htq_cli(a, &["push", "cap", &url]).await;
    assert_eq!(code, 0);
    sink.wait_for(Some("/busy"), 1, Duration::from_secs(5))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let out = loop {
        let (_, out, _) = htq_cli(a, &["task", "get", "cap", id.trim()]).await;
        if out.contains("attempt 1") || tokio::time::Instant::now() > deadline {
            break out;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(out.contains("attempt 1: HTTP 503"), "{out}");
    assert!(out.contains("x-why: busy"), "{out}");
    assert!(out.contains("body (truncated): come "), "{out}");
    // Replayed: it runs once more.
    let (code, out, err) = htq_cli(
        a,
        &[
            "task", "replay", "cap", "--state", "dead", "--status", "503",
        ],
    )
    .await;
    assert_eq!((code, out.trim()), (0, "replayed 1 tasks"), "{err}");
    sink.wait_for(Some("/busy"), 2, Duration::from_secs(5))
        .await;
    let (code, _, err) = htq_cli(a, &["task", "replay", "cap", "--state", "due"]).await;
    assert_eq!(code, 13, "INVALID_ARGUMENT: {err}");
    assert!(err.contains("state"), "{err}");
    htq.stop().await;
}

#[tokio::test]
async fn command_line_manages_signing_keys() {
    let redis = TestRedis::start();
    let htq = TestHtq::start(&redis).await;
    let a = htq.addr;
    let (code, _, _) = htq_cli(a, &["queue", "create", "k", "--hide-replies"]).await;
    assert_eq!(code, 0);
    let (code, out, _) = htq_cli(a, &["queue", "get", "k", "--json"]).await;
    assert_eq!(code, 0);
    assert!(out.contains("\"hideReplies\":true"), "{out}");
    let (code, out, _) = htq_cli(a, &["keys", "create"]).await;
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("key_") && out.contains(" hmac    *  whsec_"),
        "{out}"
    );
    let first = out.split(' ').next().unwrap().to_owned();
    let (code, out, _) = htq_cli(
        a,
        &[
            "keys",
            "create",
            "--queue",
            "k",
            "--algorithm",
            "ed25519",
            "--json",
        ],
    )
    .await;
    assert_eq!(code, 0);
    let ed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(ed["publicKey"].as_str().unwrap().starts_with("whpk_"));
    assert_eq!(ed["queue"], "k");

    let (code, out, _) = htq_cli(a, &["keys", "rotate", "--overlap", "60"]).await;
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("whsec_") && !lines[0].starts_with(&first));
    assert!(
        lines[1].starts_with(&first) && lines[1].contains("expires "),
        "{out}"
    );
    assert!(
        !lines[1].contains("whsec_"),
        "a replaced key's secret is not shown"
    );

    let (_, out, _) = htq_cli(a, &["keys", "list", "--all"]).await;
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(!out.contains("whsec_"), "{out}");
    let (code, out, _) = htq_cli(a, &["keys", "retire", &first]).await;
    assert_eq!((code, out.trim()), (0, format!("retired {first}").as_str()));
    let (_, out, _) = htq_cli(a, &["keys", "list"]).await;
    assert_eq!(out.lines().count(), 1, "{out}");
    let (code, _, err) = htq_cli(a, &["keys", "retire", &first]).await;
    assert_ne!(code, 0);
    assert!(err.contains("signing key"), "{err}");
    let (code, _, err) = htq_cli(a, &["keys", "create", "--algorithm", "rsa"]).await;
    assert_ne!(code, 0);
    assert!(err.contains("--algorithm"), "{err}");
    htq.stop().await;
}
