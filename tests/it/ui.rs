//! The dashboard in headless Chromium (see tests/ui/): sign in, counts that move,
//! pause with a click and dispatch stops, resume and it starts again; a read-only
//! token is offered no action, a scoped one sees only its queues.

use std::time::Duration;

use crate::common::*;

#[tokio::test]
async fn dashboard_shows_counts_and_pauses_dispatch() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    sink.script(
        "/slow",
        vec![Reply::status(200).delay(Duration::from_millis(300))],
    );
    sink.script("/gone", vec![Reply::status(404)]);
    sink.script("/gone410", vec![Reply::status(410)]);
    sink.script("/browse", vec![Reply::status(404)]);
    // A read-only token, and a writer of other queues.
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens.toml");
    let entry = |name: &str, token: &str, role: &str, queue: &str| {
        format!(
            "[[token]]\nname = \"{name}\"\nsha256 = \"{}\"\nrole = \"{role}\"\nqueues = [\"{queue}\"]\n",
            htq::api::auth::hex(&htq::api::auth::digest(token.as_bytes()))
        )
    };
    std::fs::write(
        &tokens,
        entry("viewer", "read-token", "read", "*")
            + &entry("other", "other-token", "write", "mail-*"),
    )
    .unwrap();
    let mut cfg = test_config(&redis);
    cfg.tokens_file = Some(tokens);
    cfg.history_every = Duration::from_secs(1);
    let mut htq = TestHtq::start_with(cfg).await;
    create_queue(&mut htq.client, "dashboard-demo", |_| {}).await;
    let shot = std::env::var("HTQ_UI_SCREENSHOT").unwrap_or_else(|_| {
        htq.data
            .path()
            .join("dashboard.png")
            .to_string_lossy()
            .into_owned()
    });
    let dark = std::env::var("HTQ_UI_SCREENSHOT_DARK").unwrap_or_else(|_| {
        htq.data
            .path()
            .join("dashboard-dark.png")
            .to_string_lossy()
            .into_owned()
    });
    let phone = std::env::var("HTQ_UI_SCREENSHOT_PHONE").unwrap_or_else(|_| {
        htq.data
            .path()
            .join("dashboard-phone.png")
            .to_string_lossy()
            .into_owned()
    });
    let run = tokio::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui/run"))
        .arg(format!("http://{}", htq.addr))
        .arg(TOKEN)
        .arg("dashboard-demo")
        .arg(&shot)
        .env("SINK_URL", sink.url("/slow"))
        .env("GONE_URL", sink.url("/gone"))
        .env("TOPIC_GONE_URL", sink.url("/gone410"))
        .env("BROWSE_URL", sink.url("/browse"))
        .env("FAST_URL", sink.url("/fast"))
        .env("MANY_QUEUES", "10000")
        .env("SCREENSHOT_DARK", &dark)
        .env("SCREENSHOT_PHONE", &phone)
        .env("READ_TOKEN", "read-token")
        .env("OTHER_TOKEN", "other-token")
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(400), run)
        .await
        .expect("the browser test finishes within 400 s")
        .expect("tests/ui/run starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // What the browser saw (render times, frame gaps), in the test's output.
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser test failed\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stdout.contains("ok: due"), "{stdout}");
    assert!(
        stdout.contains("ok: system view shows 1 process"),
        "{stdout}"
    );
    assert!(stdout.contains("ok: chart rose to"), "{stdout}");
    assert!(stdout.contains("ok: search found 1 dead task"), "{stdout}");
    assert!(stdout.contains("ok: queue made from the form"), "{stdout}");
    assert!(
        stdout.contains("ok: schedule made from the form"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: a queue opened from the keyboard"),
        "{stdout}"
    );
    assert!(stdout.contains("ok: dark mode"), "{stdout}");
    assert!(stdout.contains("ok: phone width"), "{stdout}");
    assert!(
        stdout.contains("ok: schedule deleted from the page"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: the token is in none of the"),
        "{stdout}"
    );
    assert!(
        std::fs::metadata(&phone).unwrap().len() > 5_000,
        "a phone screenshot"
    );
    assert!(stdout.contains("ok: feed of "), "{stdout}");
    assert!(stdout.contains(" queues rendered in "), "{stdout}");
    // The feed came from real deliveries.
    let fast = sink.hits_on("/fast").len();
    assert!(fast >= 1000, "{fast} deliveries of the feed's tasks");
    assert!(
        std::fs::metadata(&dark).unwrap().len() > 10_000,
        "a dark screenshot"
    );
    // Exactly the two tasks retried from the page ran again.
    let hits = sink
        .wait_for(Some("/browse"), 6, Duration::from_secs(10))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let runs = |n: u32| {
        sink.hits_on("/browse")
            .iter()
            .filter(|h| h.uri.ends_with(&format!("n={n}")))
            .count()
    };
    assert_eq!(
        [runs(1), runs(2), runs(3), runs(4)],
        [2, 2, 1, 1],
        "{hits:?}"
    );
    assert!(
        stdout.contains("ok: read-only token offered no action"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: scoped token sees only its queues"),
        "{stdout}"
    );
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "a screenshot"
    );
    // What the page did, the server did: dispatch ran, paused, ran again; the
    // three dead tasks ran twice each.
    assert!(sink.hits_on("/slow").len() >= 2);
    assert!(stdout.contains("ok: replayed 3"), "{stdout}");
    assert!(
        stdout.contains("ok: topic endpoint disabled on 410"),
        "{stdout}"
    );
    // The endpoint enabled from the page is enabled in the server.
    let t = htq
        .client
        .get_topic(htq::api::pb::GetTopicRequest {
            name: "dash".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let gone = t.endpoints.iter().find(|e| e.name == "gone").unwrap();
    assert_eq!(gone.state, htq::api::pb::EndpointState::Enabled as i32);
    sink.wait_for(Some("/gone"), 6, Duration::from_secs(20))
        .await;
    htq.stop().await;
}
