//! The scenarios (a to g, and h in [`crate::path`]) and the report.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use htq::api::pb;

use crate::{APP_KEY, Env, now_us};

/// Longest any one measurement may take before it is called failed.
pub(crate) const LIMIT: Duration = Duration::from_secs(300);
/// Concurrent callers of batch pushes (HTQ PushTasks, BullMQ addBulk).
const BATCH_CALLERS: usize = 32;

/// Values of one figure across runs.
#[derive(Default)]
struct Figure {
    unit: &'static str,
    htq: Vec<f64>,
    peer: Vec<f64>,
    /// Whether bigger is better (throughput) or smaller (latency, bytes).
    higher_is_better: bool,
    target: &'static str,
}

#[derive(Default)]
pub(crate) struct Figures(BTreeMap<String, Figure>);

impl Figures {
    /// The CPU each process used during a measurement, in percent of one core.
    fn cpu(&mut self, what: &str, before: crate::Cpu, after: crate::Cpu) {
        let (htq, redis, bench) = before.share_since(&after);
        self.add(
            &format!("{what}: CPU of htq"),
            "% of a core",
            false,
            "",
            htq,
            None,
        );
        self.add(
            &format!("{what}: CPU of redis-server"),
            "% of a core",
            false,
            "",
            redis,
            None,
        );
        self.add(
            &format!("{what}: CPU of load generator + sink"),
            "% of a core",
            false,
            "",
            bench,
            None,
        );
    }

    pub(crate) fn add(
        &mut self,
        name: &str,
        unit: &'static str,
        higher: bool,
        target: &'static str,
        htq: f64,
        peer: Option<f64>,
    ) {
        let f = self.0.entry(name.to_owned()).or_insert_with(|| Figure {
            unit,
            higher_is_better: higher,
            target,
            ..Default::default()
        });
        f.htq.push(htq);
        if let Some(p) = peer {
            f.peer.push(p);
        }
    }
}

fn pct(sorted: &[i64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i] as f64
}

pub(crate) fn counts(quick: bool, full: usize, small: usize) -> usize {
    if quick { small } else { full }
}

fn entry(url: String, when: Option<pb::task_entry::When>) -> pb::TaskEntry {
    pb::TaskEntry {
        request: Some(pb::HttpRequest {
            method: "GET".into(),
            url,
            ..Default::default()
        }),
        when,
        ..Default::default()
    }
}

/// Pushes `n` tasks made by `url(i)` into `queues` (round robin) in batches of 500,
/// `callers` at a time.
pub(crate) async fn push_batches(
    env: &Env,
    queues: &[String],
    n: usize,
    callers: usize,
    url: impl Fn(usize) -> String + Sync,
) -> anyhow::Result<()> {
    let next = AtomicUsize::new(0);
    let batch = 500;
    let url = &url;
    let next = &next;
    let work = (0..callers).map(|c| async move {
        let mut client = env.client(c);
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            if start >= n {
                return Ok::<_, anyhow::Error>(());
            }
            let end = (start + batch).min(n);
            let queue = queues[(start / batch) % queues.len()].clone();
            let tasks = (start..end).map(|i| entry(url(i), None)).collect();
            client
                .push_tasks(pb::PushTasksRequest { queue, tasks })
                .await?;
        }
    });
    futures::future::try_join_all(work).await?;
    Ok(())
}

/// a. Enqueue throughput: PushTask at 64 callers, PushTasks in 500s, legacy addTask.
async fn enqueue(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let quick = env.args.quick;
    let sink = env.sink.url("/e");
    // Single pushes, 64 callers, into a paused queue (so only enqueueing is timed).
    let n = counts(quick, 20_000, 3_000);
    env.create_queue("enq", 1, true).await?;
    let next = Arc::new(AtomicUsize::new(0));
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    let work = (0..64).map(|c| {
        let mut client = env.client(c);
        let next = next.clone();
        let sink = sink.clone();
        async move {
            while next.fetch_add(1, Ordering::Relaxed) < n {
                client
                    .push_task(pb::PushTaskRequest {
                        queue: "enq".into(),
                        request: Some(pb::HttpRequest {
                            url: sink.clone(),
                            ..Default::default()
                        }),
                        ..Default::default()
                    })
                    .await?;
            }
            Ok::<_, anyhow::Error>(())
        }
    });
    futures::future::try_join_all(work).await?;
    let single = n as f64 / t0.elapsed().as_secs_f64();
    figs.cpu("a. enqueue one per call", cpu0, env.cpu());
    env.delete_queue("enq").await?;
    let peer = env
        .peer(&["enqueue-single".into(), n.to_string(), "64".into()])
        .await?;
    figs.add(
        "a. enqueue, one task per call, 64 callers",
        "tasks/s",
        true,
        "",
        single,
        peer.map(|p| p["per_second"].as_f64().unwrap_or(0.0)),
    );

    // Batches of 500, 8 callers.
    let n = counts(quick, 100_000, 10_000);
    env.create_queue("enqb", 1, true).await?;
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    push_batches(env, &["enqb".into()], n, BATCH_CALLERS, |i| {
        format!("{sink}?i={i}")
    })
    .await?;
    let batch = n as f64 / t0.elapsed().as_secs_f64();
    figs.cpu("a. enqueue in batches", cpu0, env.cpu());
    env.delete_queue("enqb").await?;
    let peer = env
        .peer(&[
            "enqueue-bulk".into(),
            n.to_string(),
            "500".into(),
            BATCH_CALLERS.to_string(),
        ])
        .await?;
    figs.add(
        &format!("a. enqueue, batches of 500 (PushTasks / addBulk), {BATCH_CALLERS} callers"),
        "tasks/s",
        true,
        ">= 10x BullMQ addBulk",
        batch,
        peer.map(|p| p["per_second"].as_f64().unwrap_or(0.0)),
    );

    // Legacy /api/addTask, multipart, 64 callers. The body is built once, as curl
    // lays it out (the server still parses every request in full): the generator
    // must cost as little as it can on a machine it shares with HTQ.
    let n = counts(quick, 20_000, 3_000);
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;
    let url = format!("http://{}/api/addTask", env.htq_addr);
    let boundary = "------------------------d74496d66958873e";
    let mut body = String::new();
    // A far execute_time keeps dispatch out of the measurement.
    for (k, v) in [
        ("app_key", APP_KEY),
        ("app_token", APP_KEY),
        ("queue_name", "legacy"),
        ("url", sink.as_str()),
        ("execute_time", "2099-01-01 00:00:00"),
        ("method", "GET"),
        ("header", "[]"),
        ("data", "[]"),
    ] {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let body = bytes::Bytes::from(body);
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let next = Arc::new(AtomicUsize::new(0));
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    let work = (0..64).map(|_| {
        let http = http.clone();
        let url = url.clone();
        let next = next.clone();
        let body = body.clone();
        let content_type = content_type.clone();
        async move {
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let resp = http
                    .post(&url)
                    .header("Content-Type", &content_type)
                    .body(body.clone())
                    .send()
                    .await?
                    .text()
                    .await?;
                anyhow::ensure!(resp.contains("\"error_code\":0"), "addTask answered {resp}");
            }
            Ok(())
        }
    });
    futures::future::try_join_all(work).await?;
    let legacy = n as f64 / t0.elapsed().as_secs_f64();
    figs.cpu("a. enqueue legacy addTask", cpu0, env.cpu());
    env.delete_queue("legacy").await?;
    figs.add(
        "a. enqueue, legacy /api/addTask multipart, 64 callers",
        "tasks/s",
        true,
        ">= 10,000",
        legacy,
        None,
    );
    Ok(())
}

/// b. Drain: N tasks over 64 queues of max_concurrency 16, first push to last arrival.
async fn drain(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 100_000, 10_000);
    let queues: Vec<String> = (0..64).map(|i| format!("drain{i}")).collect();
    for q in &queues {
        env.create_queue(q, 16, false).await?;
    }
    env.sink.reset();
    let sink = env.sink.url("/drain");
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    push_batches(env, &queues, n, 8, |i| format!("{sink}?i={i}")).await?;
    let took = env
        .sink
        .wait_count(n as u64, t0, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("drain did not finish"))?;
    let htq = n as f64 / took.as_secs_f64();
    figs.cpu("b. drain", cpu0, env.cpu());
    for q in &queues {
        env.delete_queue(q).await?;
    }
    let peer = env
        .peer(&[
            "drain".into(),
            n.to_string(),
            "1024".into(),
            env.sink.url(""),
        ])
        .await?;
    figs.add(
        "b. drain over 64 queues, total concurrency 1024",
        "tasks/s",
        true,
        ">= 4x BullMQ",
        htq,
        peer.map(|p| p["per_second"].as_f64().unwrap_or(0.0)),
    );
    Ok(())
}

/// c. Serial queue: per-task time beyond the sink's own round trip.
async fn serial(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 10_000, 1_000);
    // The sink's round trip, measured the same way (one keep-alive connection).
    let http = reqwest::Client::new();
    let url = env.sink.url("/rtt");
    for _ in 0..200 {
        http.get(&url).send().await?.bytes().await?;
    }
    let k = 2000;
    let t0 = Instant::now();
    for _ in 0..k {
        http.get(&url).send().await?.bytes().await?;
    }
    let rtt_ms = t0.elapsed().as_secs_f64() * 1000.0 / k as f64;

    env.create_queue("serial", 1, true).await?;
    let sink = env.sink.url("/serial");
    push_batches(env, &["serial".into()], n, 1, |i| format!("{sink}?i={i}")).await?;
    env.sink.reset();
    let t0 = Instant::now();
    env.set_paused("serial", false).await?;
    let took = env
        .sink
        .wait_count(n as u64, t0, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("serial did not finish"))?;
    env.delete_queue("serial").await?;
    let per_task = took.as_secs_f64() * 1000.0 / n as f64;
    figs.add(
        "c. serial queue, time per task",
        "ms",
        false,
        "",
        per_task,
        None,
    );
    figs.add(
        "c. serial queue, sink round trip alone",
        "ms",
        false,
        "",
        rtt_ms,
        None,
    );
    figs.add(
        "c. serial queue, overhead per task beyond the round trip",
        "ms",
        false,
        "<= 0.3 ms",
        per_task - rtt_ms,
        None,
    );
    Ok(())
}

fn latency_figures(
    figs: &mut Figures,
    who_htq: bool,
    delays_us: &mut [i64],
    peer_sorted: Option<&[i64]>,
) {
    delays_us.sort_unstable();
    let ms = |v: f64| v / 1000.0;
    for (label, q, target) in [
        ("p50", 0.5, ""),
        ("p99", 0.99, "<= 5 ms"),
        ("p99.9", 0.999, ""),
    ] {
        let htq = ms(pct(delays_us, q));
        let peer = peer_sorted.map(|p| ms(pct(p, q)));
        if who_htq {
            figs.add(
                &format!("d. push to arrival at 200 tasks/s, {label}"),
                "ms",
                false,
                target,
                htq,
                peer,
            );
        }
    }
}

/// d. Latency: push to sink arrival at 200 tasks/s, open loop.
async fn latency(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let secs = if env.args.quick { 3 } else { 10 };
    let rate = 200;
    let total = rate * secs;
    env.create_queue("lat", 64, false).await?;
    env.sink.reset();
    let sink = env.sink.url("/lat");
    let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / rate as u64));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut pending = Vec::with_capacity(total);
    for i in 0..total {
        tick.tick().await;
        let mut client = env.client(i);
        let url = format!("{sink}?i={i}&t={}", now_us());
        pending.push(tokio::spawn(async move {
            client
                .push_task(pb::PushTaskRequest {
                    queue: "lat".into(),
                    request: Some(pb::HttpRequest {
                        url,
                        ..Default::default()
                    }),
                    ..Default::default()
                })
                .await
        }));
    }
    for p in pending {
        p.await??;
    }
    env.sink
        .wait_count(total as u64, Instant::now(), LIMIT)
        .await;
    let mut htq = env.sink.take_delays();
    env.delete_queue("lat").await?;

    env.sink.reset();
    let peer = env
        .peer(&[
            "latency".into(),
            rate.to_string(),
            secs.to_string(),
            env.sink.url(""),
        ])
        .await?;
    let mut peer_delays = env.sink.take_delays();
    peer_delays.sort_unstable();
    let peer_ref = peer.map(|_| peer_delays.as_slice());
    latency_figures(figs, true, &mut htq, peer_ref);
    Ok(())
}

/// e. Timing: tasks scheduled across a window; lateness = arrival - schedule time.
async fn timing(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let (n, window_ms) = if env.args.quick {
        (500, 3_000)
    } else {
        (2_000, 10_000)
    };
    env.create_queue("timing", 64, false).await?;
    env.sink.reset();
    let sink = env.sink.url("/timing");
    let start_us = now_us() + 2_000_000;
    let mut client = env.client(0);
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        let tasks = chunk
            .iter()
            .map(|&i| {
                // Spread evenly over the window, in a shuffled order.
                let slot = (i * 7919) % n;
                let at_us = start_us + (slot as i64 * window_ms * 1000) / n as i64;
                let ts = htq::api::wkt::Timestamp {
                    seconds: at_us.div_euclid(1_000_000),
                    nanos: (at_us.rem_euclid(1_000_000) * 1000) as i32,
                };
                // The tag is the schedule time in ms precision, as HTQ keeps it.
                let tag = (at_us / 1000) * 1000;
                entry(
                    format!("{sink}?i={i}&t={tag}"),
                    Some(pb::task_entry::When::ScheduleTime(ts)),
                )
            })
            .collect();
        client
            .push_tasks(pb::PushTasksRequest {
                queue: "timing".into(),
                tasks,
            })
            .await?;
    }
    env.sink
        .wait_count(
            n as u64,
            Instant::now(),
            Duration::from_millis(window_ms as u64) + LIMIT,
        )
        .await
        .ok_or_else(|| anyhow::anyhow!("timing did not finish"))?;
    let mut late = env.sink.take_delays();
    late.sort_unstable();
    env.delete_queue("timing").await?;
    let ms = |v: f64| v / 1000.0;
    figs.add(
        "e. timing lateness, p50",
        "ms",
        false,
        "",
        ms(pct(&late, 0.5)),
        None,
    );
    figs.add(
        "e. timing lateness, p99",
        "ms",
        false,
        "<= 10 ms",
        ms(pct(&late, 0.99)),
        None,
    );
    figs.add(
        "e. timing lateness, max",
        "ms",
        false,
        "",
        ms(*late.last().unwrap_or(&0) as f64),
        None,
    );
    figs.add(
        "e. timing, earliest arrival vs schedule",
        "ms",
        true,
        ">= 0",
        ms(*late.first().unwrap_or(&0) as f64),
        None,
    );
    Ok(())
}

fn rss_kib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(f64::NAN)
}

/// f. Footprint: Redis bytes per queued task, HTQ's memory, idle Redis traffic.
async fn footprint(env: &mut Env, figs: &mut Figures) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 1_000_000, 100_000);
    env.create_queue("mem", 1, true).await?;
    let used = |info: &std::collections::HashMap<String, String>| {
        info["used_memory"].parse::<f64>().unwrap_or(0.0)
    };
    let before = used(&env.info("memory").await?);
    // A 100-byte URL and two headers.
    let base = env.sink.url("/footprint/");
    let url = |i: usize| {
        let head = format!("{base}{i:08}?");
        format!("{head}{}", "x".repeat(100 - head.len()))
    };
    let headers = [
        ("Content-Type", "application/json"),
        ("X-Request-Id", "0123456789abcdef"),
    ];
    let own = 100
        + headers
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>();
    let next = AtomicUsize::new(0);
    let next = &next;
    let url = &url;
    let shared: &Env = env;
    let work = (0..8).map(|c| async move {
        let mut client = shared.client(c);
        loop {
            let start = next.fetch_add(500, Ordering::Relaxed);
            if start >= n {
                return Ok::<_, anyhow::Error>(());
            }
            let tasks = (start..(start + 500).min(n))
                .map(|i| pb::TaskEntry {
                    request: Some(pb::HttpRequest {
                        method: "GET".into(),
                        url: url(i),
                        headers: headers
                            .iter()
                            .map(|(k, v)| pb::Header {
                                name: (*k).into(),
                                value: (*v).into(),
                            })
                            .collect(),
                        body: None,
                    }),
                    when: None,
                    ..Default::default()
                })
                .collect();
            client
                .push_tasks(pb::PushTasksRequest {
                    queue: "mem".into(),
                    tasks,
                })
                .await?;
        }
    });
    futures::future::try_join_all(work).await?;
    let after = used(&env.info("memory").await?);
    let per_task = (after - before) / n as f64;
    figs.add(
        &format!("f. Redis memory per queued task ({n} tasks)"),
        "bytes",
        false,
        "",
        per_task,
        None,
    );
    figs.add(
        "f. Redis memory per task beyond the request's own bytes",
        "bytes",
        false,
        "<= 250",
        per_task - own as f64,
        None,
    );
    figs.add(
        &format!("f. HTQ resident memory with {n} tasks queued"),
        "MiB",
        false,
        "",
        rss_kib(env.htq_pid) / 1024.0,
        None,
    );
    env.delete_queue("mem").await?;

    // Idle: many queues, nothing to do.
    let idle = counts(env.args.quick, 1_000, 100);
    for i in 0..idle {
        env.create_queue(&format!("idle{i}"), 1, false).await?;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let calls = |info: &std::collections::HashMap<String, String>| -> f64 {
        info.iter()
            .filter(|(k, _)| k.starts_with("cmdstat_") && k.as_str() != "cmdstat_info")
            .filter_map(|(_, v)| {
                v.split(',')
                    .next()?
                    .strip_prefix("calls=")?
                    .parse::<f64>()
                    .ok()
            })
            .sum()
    };
    let c0 = calls(&env.info("commandstats").await?);
    let secs = if env.args.quick { 3.0 } else { 10.0 };
    tokio::time::sleep(Duration::from_secs_f64(secs)).await;
    let c1 = calls(&env.info("commandstats").await?);
    figs.add(
        &format!("f. Redis commands/s with {idle} idle queues"),
        "cmd/s",
        false,
        "about 0",
        (c1 - c0) / secs,
        None,
    );
    for i in 0..idle {
        env.delete_queue(&format!("idle{i}")).await?;
    }

    // What a captured response costs: finished tasks kept (retention) whose one
    // attempt's reply (a 1 KiB body) is captured, against the same without.
    let plain = kept_task_memory(env, false).await?;
    let captured = kept_task_memory(env, true).await?;
    figs.add(
        "f. Redis memory per finished task kept, reply excerpt only",
        "bytes",
        false,
        "",
        plain,
        None,
    );
    figs.add(
        "f. Redis memory per finished task kept, response captured (1 KiB body)",
        "bytes",
        false,
        "",
        captured,
        None,
    );
    Ok(())
}

/// Redis memory per finished task kept for an hour after one attempt whose reply
/// had a 1 KiB body and the sink's two headers: with the response captured (4 KiB
/// cap), or with the 256-byte excerpt every attempt keeps.
async fn kept_task_memory(env: &mut Env, capture: bool) -> anyhow::Result<f64> {
    let n = counts(env.args.quick, 10_000, 2_000);
    let name = if capture { "captured" } else { "excerpt" };
    env.client(0)
        .create_queue(pb::CreateQueueRequest {
            queue: Some(pb::Queue {
                name: name.into(),
                kind: pb::QueueKind::RealTime as i32,
                max_concurrency: 50,
                retention: Some(pbjson_types::Duration {
                    seconds: 3600,
                    nanos: 0,
                }),
                capture_responses: capture,
                ..Default::default()
            }),
        })
        .await?;
    let used = |info: &std::collections::HashMap<String, String>| {
        info["used_memory"].parse::<f64>().unwrap_or(0.0)
    };
    // Keys deleted before (UNLINK) may still be being freed.
    let settled = Instant::now();
    while settled.elapsed() < Duration::from_secs(30) {
        let info = env.info("memory").await?;
        if info.get("lazyfree_pending_objects").map(String::as_str) == Some("0") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before = used(&env.info("memory").await?);
    env.sink.reset();
    let url = env.sink.url("/reply/1024");
    push_batches(env, &[name.to_owned()], n, BATCH_CALLERS, |_| url.clone()).await?;
    let t0 = Instant::now();
    env.sink
        .wait_count(n as u64, t0, Duration::from_secs(120))
        .await
        .ok_or_else(|| anyhow::anyhow!("{name}: not every task arrived"))?;
    // The last outcomes are recorded a moment after their requests arrive.
    let mut client = env.client(0);
    loop {
        let counts = client
            .count_tasks(pb::CountTasksRequest { queue: name.into() })
            .await?
            .into_inner();
        if counts.finished as usize >= n || t0.elapsed() > Duration::from_secs(130) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let after = used(&env.info("memory").await?);
    env.delete_queue(name).await?;
    Ok((after - before) / n as f64)
}

/// g. Breadth: many queues of a few tasks each, drained.
async fn breadth(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let queues = counts(env.args.quick, 10_000, 1_000);
    let per = 10;
    let names: Vec<String> = (0..queues).map(|i| format!("b{i}")).collect();
    let next = AtomicUsize::new(0);
    let (next, names_ref) = (&next, &names);
    futures::future::try_join_all((0..64).map(|_| async move {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= names_ref.len() {
                return Ok::<_, anyhow::Error>(());
            }
            env.create_queue(&names_ref[i], 1, false).await?;
        }
    }))
    .await?;
    env.sink.reset();
    let sink = env.sink.url("/breadth");
    let next = AtomicUsize::new(0);
    let next = &next;
    let sink = &sink;
    let t0 = Instant::now();
    futures::future::try_join_all((0..16).map(|c| async move {
        let mut client = env.client(c);
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= names_ref.len() {
                return Ok::<_, anyhow::Error>(());
            }
            let tasks = (0..per)
                .map(|j| entry(format!("{sink}?q={i}&j={j}"), None))
                .collect();
            client
                .push_tasks(pb::PushTasksRequest {
                    queue: names_ref[i].clone(),
                    tasks,
                })
                .await?;
        }
    }))
    .await?;
    let total = (queues * per) as u64;
    let took = env
        .sink
        .wait_count(total, t0, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("breadth did not finish"))?;
    figs.add(
        &format!("g. breadth, {queues} queues x {per} tasks, drained"),
        "tasks/s",
        true,
        "",
        total as f64 / took.as_secs_f64(),
        None,
    );
    let next = AtomicUsize::new(0);
    let next = &next;
    futures::future::try_join_all((0..64).map(|_| async move {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= names_ref.len() {
                return Ok::<_, anyhow::Error>(());
            }
            env.delete_queue(&names_ref[i]).await?;
        }
    }))
    .await?;
    Ok(())
}

fn fmt(v: f64) -> String {
    if v.is_nan() {
        "n/a".into()
    } else if v.abs() >= 100.0 {
        format!("{:.0}", v)
    } else if v.abs() >= 1.0 {
        format!("{:.2}", v)
    } else {
        format!("{:.3}", v)
    }
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        f64::NAN
    } else {
        s[s.len() / 2]
    }
}

fn triple(v: &[f64]) -> String {
    if v.is_empty() {
        return "".into();
    }
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{} / **{}** / {}", fmt(min), fmt(median(v)), fmt(max))
}

fn command_line(cmd: &str, args: &[&str]) -> String {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .unwrap_or_else(|| "?".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "?".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map(|kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0))
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!("{cores} cores, {cpu}, {mem} RAM")
}

pub async fn run_all(env: &mut Env, runs: usize) -> anyhow::Result<String> {
    let mut figs = Figures::default();
    let want = |s: &str| env.args.only.is_empty() || env.args.only.iter().any(|o| o == s);
    let x = want("x");
    let k = want("k");
    let t = want("t");
    let (a, b, c, d, e, f, g, h) = (
        want("a"),
        want("b"),
        want("c"),
        want("d"),
        want("e"),
        want("f"),
        want("g"),
        want("h"),
    );
    for run in 0..runs {
        eprintln!("run {} of {runs}", run + 1);
        if a {
            eprintln!("  a. enqueue");
            enqueue(env, &mut figs).await?;
        }
        if b {
            eprintln!("  b. drain");
            drain(env, &mut figs).await?;
        }
        if c {
            eprintln!("  c. serial");
            serial(env, &mut figs).await?;
        }
        if d {
            eprintln!("  d. latency");
            latency(env, &mut figs).await?;
        }
        if e {
            eprintln!("  e. timing");
            timing(env, &mut figs).await?;
        }
        if f {
            eprintln!("  f. footprint");
            footprint(env, &mut figs).await?;
        }
        if g {
            eprintln!("  g. breadth");
            breadth(env, &mut figs).await?;
        }
        if h {
            eprintln!("  h. one push per call + deliver");
            crate::path::path(env, &mut figs).await?;
        }
        if t {
            eprintln!("  t. topics and callbacks");
            crate::fanout::fanout(env, &mut figs).await?;
        }
        if k {
            eprintln!("  k. one Redis and a cluster");
            crate::cluster::compare(env, &mut figs).await?;
        }
        if x {
            eprintln!("  x. delivery client");
            crate::client::delivery_client(env, &mut figs).await?;
        }
    }
    let bullmq = if let Some(node_path) = &env.args.peer_node_path {
        let out = std::process::Command::new("node")
            .args(["-e", "console.log(require('bullmq/package.json').version)"])
            .env("NODE_PATH", node_path)
            .output()
            .ok();
        out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    } else {
        "not run".into()
    };
    let mut r = String::new();
    r.push_str("# HTQ benchmark results\n\n");
    r.push_str(&format!(
        "Written by `bench/run{}` on {} (UTC), {} run(s) per figure; each cell is min / **median** / max.\n\n",
        if env.args.quick { " --quick" } else { "" },
        command_line("date", &["-u", "+%Y-%m-%d %H:%M"]),
        runs
    ));
    r.push_str(&format!("- Machine: {}\n", machine()));
    r.push_str(&format!(
        "- Versions: htq {}, {}, BullMQ {bullmq} on node {}, {}\n",
        env!("CARGO_PKG_VERSION"),
        command_line("redis-server", &["--version"])
            .split(" sha=")
            .next()
            .unwrap_or(""),
        command_line("node", &["--version"]),
        command_line("rustc", &["--version"])
    ));
    r.push_str("- Everything on one machine over loopback: redis-server, `htq serve` (release), the Rust sink and load generator, and the BullMQ peer, on the same Redis and sink.\n\n");
    r.push_str(
        "| figure | unit | HTQ | BullMQ | HTQ vs BullMQ | target |\n|---|---|---|---|---|---|\n",
    );
    for (name, f) in &figs.0 {
        let ratio = if f.peer.is_empty() {
            String::new()
        } else {
            let (h, p) = (median(&f.htq), median(&f.peer));
            if f.higher_is_better {
                format!("**{:.1}x**", h / p)
            } else {
                format!("**{:.1}x** lower", p / h)
            }
        };
        r.push_str(&format!(
            "| {name} | {} | {} | {} | {ratio} | {} |\n",
            f.unit,
            triple(&f.htq),
            triple(&f.peer),
            f.target
        ));
    }
    Ok(r)
}
