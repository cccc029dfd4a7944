//! h. The path users take: tasks pushed one per call by concurrent callers while HTQ
//! delivers them, timed from the first push until the sink has every task; with
//! what each delivered task cost Redis and each process in CPU, and the script calls
//! per task and their Redis time (INFO commandstats). BullMQ runs the same: `add` from the
//! same number of callers, a Worker per queue with the same concurrency.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use htq::api::pb;

use crate::scenarios::{Figures, LIMIT, counts};
use crate::{APP_KEY, Env};

/// Concurrent callers pushing one task per call.
pub const CALLERS: usize = 32;
/// The multipart boundary of legacy addTask bodies.
const BOUNDARY: &str = "------------------------d74496d66958873e";

/// How the tasks are pushed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Grpc,
    Legacy,
}

/// Script calls (EVAL, EVALSHA, FCALL and their read-only forms) and the Redis time
/// they took, from INFO commandstats. (The commands a script runs are counted there
/// too, under their own names, and inside the script's own time: only the script
/// calls are summed.)
#[derive(Clone, Default)]
pub struct CommandStats {
    pub calls: f64,
    pub usec: f64,
    /// Every command's Redis time (µs), scripts and the commands they ran alike.
    pub by_command: HashMap<String, f64>,
}

impl CommandStats {
    /// The commands that took most Redis time between `self` and `later`, as µs
    /// per task, for the profile the bench prints.
    pub fn profile(&self, later: &CommandStats, n: usize) -> String {
        let mut rows: Vec<(&str, f64)> = later
            .by_command
            .iter()
            .map(|(k, v)| {
                let before = self.by_command.get(k).copied().unwrap_or(0.0);
                (k.as_str(), (v - before) / n as f64)
            })
            .filter(|(_, d)| *d > 0.05)
            .collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1));
        rows.iter()
            .take(14)
            .map(|(k, d)| format!("{k} {d:.1}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The script calls so far (see [`CommandStats`]).
pub async fn command_stats(env: &mut Env) -> anyhow::Result<CommandStats> {
    const SCRIPT_CALLS: [&str; 6] = [
        "cmdstat_eval",
        "cmdstat_evalsha",
        "cmdstat_eval_ro",
        "cmdstat_evalsha_ro",
        "cmdstat_fcall",
        "cmdstat_fcall_ro",
    ];
    let info: HashMap<String, String> = env.info("commandstats").await?;
    let mut total = CommandStats::default();
    for (k, v) in &info {
        let script = SCRIPT_CALLS.contains(&k.as_str());
        for part in v.split(',') {
            match part.split_once('=') {
                Some(("calls", n)) if script => total.calls += n.parse::<f64>().unwrap_or(0.0),
                Some(("usec", n)) => {
                    let n = n.parse::<f64>().unwrap_or(0.0);
                    if script {
                        total.usec += n;
                    }
                    let name = k.strip_prefix("cmdstat_").unwrap_or(k);
                    total.by_command.insert(name.to_owned(), n);
                }
                _ => {}
            }
        }
    }
    Ok(total)
}

/// Per-task costs of a measurement: CPU µs of htq, redis-server and the load
/// generator + sink, and the script calls and their Redis time.
pub fn costs(
    figs: &mut Figures,
    what: &str,
    n: usize,
    cpu: (crate::Cpu, crate::Cpu),
    stats: (CommandStats, CommandStats),
) {
    let n = n as f64;
    let per = |a: f64, b: f64| (b - a) * 1e6 / n;
    let (c0, c1) = cpu;
    figs.add(
        &format!("{what}: CPU of htq per task"),
        "µs",
        false,
        "",
        per(c0.htq, c1.htq),
        None,
    );
    figs.add(
        &format!("{what}: CPU of redis-server per task"),
        "µs",
        false,
        "",
        per(c0.redis, c1.redis),
        None,
    );
    figs.add(
        &format!("{what}: CPU of load generator + sink per task"),
        "µs",
        false,
        "",
        per(c0.bench, c1.bench),
        None,
    );
    let (s0, s1) = stats;
    figs.add(
        &format!("{what}: Redis time in script calls per task"),
        "µs",
        false,
        "",
        (s1.usec - s0.usec) / n,
        None,
    );
    figs.add(
        &format!("{what}: script calls per task"),
        "calls",
        false,
        "",
        (s1.calls - s0.calls) / n,
        None,
    );
}

/// Pushes `n` GET tasks one per call from [`CALLERS`] callers, round robin over
/// `queues`.
async fn push_each(
    env: &Env,
    transport: Transport,
    queues: &[String],
    n: usize,
    sink: &str,
) -> anyhow::Result<()> {
    let next = Arc::new(AtomicUsize::new(0));
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CALLERS)
        .build()?;
    let legacy_url = format!("http://{}/api/addTask", env.htq_addr);
    let work = (0..CALLERS).map(|c| {
        let mut client = env.client(c);
        let (next, http, legacy_url) = (next.clone(), http.clone(), legacy_url.clone());
        let queues = queues.to_vec();
        let sink = sink.to_owned();
        async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return Ok::<_, anyhow::Error>(());
                }
                let queue = &queues[i % queues.len()];
                let url = format!("{sink}?i={i}");
                match transport {
                    Transport::Grpc => {
                        client
                            .push_task(pb::PushTaskRequest {
                                queue: queue.clone(),
                                request: Some(pb::HttpRequest {
                                    url,
                                    ..Default::default()
                                }),
                                ..Default::default()
                            })
                            .await?;
                    }
                    Transport::Legacy => {
                        // multipart/form-data, as the PHP SDK sends it, laid out
                        // directly (the server still parses every request in full).
                        let mut body = String::with_capacity(512);
                        for (k, v) in [
                            ("app_key", APP_KEY),
                            ("app_token", APP_KEY),
                            ("queue_name", queue.as_str()),
                            ("url", url.as_str()),
                        ] {
                            body.push_str(&format!(
                                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                            ));
                        }
                        body.push_str(&format!("--{BOUNDARY}--\r\n"));
                        let resp = http
                            .post(&legacy_url)
                            .header(
                                "Content-Type",
                                format!("multipart/form-data; boundary={BOUNDARY}"),
                            )
                            .body(body)
                            .send()
                            .await?
                            .text()
                            .await?;
                        anyhow::ensure!(
                            resp.contains("\"error_code\":0"),
                            "addTask answered {resp}"
                        );
                    }
                }
            }
        }
    });
    futures::future::try_join_all(work).await?;
    Ok(())
}

/// One variant of h: HTQ, then BullMQ the same way.
async fn variant(
    env: &mut Env,
    figs: &mut Figures,
    transport: Transport,
    queues: usize,
    concurrency: i32,
    target: &'static str,
) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 20_000, 2_000);
    let names: Vec<String> = (0..queues).map(|i| format!("h{i}")).collect();
    for q in &names {
        env.create_queue(q, concurrency, false).await?;
    }
    env.sink.reset();
    let sink = env.sink.url("/h");
    let what = format!(
        "h. one push per call + deliver, {}, {queues} queue{}, concurrency {concurrency}",
        match transport {
            Transport::Grpc => "PushTask",
            Transport::Legacy => "legacy addTask",
        },
        if queues == 1 { "" } else { "s" }
    );
    if env.args.profile {
        env.slowlog_start().await?;
    }
    let stats0 = command_stats(env).await?;
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    push_each(env, transport, &names, n, &sink).await?;
    let took = env
        .sink
        .wait_count(n as u64, t0, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("{what}: not every task arrived"))?;
    let cpu1 = env.cpu();
    let stats1 = command_stats(env).await?;
    eprintln!(
        "{what} (HTQ): Redis µs per task by command: {}",
        stats0.profile(&stats1, n)
    );
    if env.args.profile {
        eprintln!(
            "{what} (HTQ): Redis time per call:\n{}",
            env.slowlog_profile(n).await?
        );
    }
    let htq = n as f64 / took.as_secs_f64();
    costs(
        figs,
        &format!("{what} (HTQ)"),
        n,
        (cpu0, cpu1),
        (stats0, stats1),
    );
    for q in &names {
        env.delete_queue(q).await?;
    }

    let stats0 = command_stats(env).await?;
    let cpu0 = env.cpu();
    let peer = env
        .peer(&[
            "push-deliver".into(),
            n.to_string(),
            queues.to_string(),
            concurrency.to_string(),
            CALLERS.to_string(),
            env.sink.url(""),
        ])
        .await?;
    if let Some(p) = &peer {
        let cpu1 = env.cpu();
        let stats1 = command_stats(env).await?;
        eprintln!(
            "{what} (BullMQ): Redis µs per task by command: {}",
            stats0.profile(&stats1, n)
        );
        let n = n as f64;
        figs.add(
            &format!("{what} (BullMQ): CPU of redis-server per task"),
            "µs",
            false,
            "",
            (cpu1.redis - cpu0.redis) * 1e6 / n,
            None,
        );
        figs.add(
            &format!("{what} (BullMQ): CPU of node (producer + worker) per task"),
            "µs",
            false,
            "",
            p["cpu_us"].as_f64().unwrap_or(f64::NAN) / n,
            None,
        );
        figs.add(
            &format!("{what} (BullMQ): Redis time in script calls per task"),
            "µs",
            false,
            "",
            (stats1.usec - stats0.usec) / n,
            None,
        );
        figs.add(
            &format!("{what} (BullMQ): script calls per task"),
            "calls",
            false,
            "",
            (stats1.calls - stats0.calls) / n,
            None,
        );
    }
    figs.add(
        &what,
        "tasks/s",
        true,
        target,
        htq,
        peer.map(|p| p["per_second"].as_f64().unwrap_or(0.0)),
    );
    Ok(())
}

/// h. Every variant: PushTask and legacy addTask, 1 and 10 queues, concurrency 50;
/// and serial (concurrency 1) over PushTask into one queue.
pub async fn path(env: &mut Env, figs: &mut Figures) -> anyhow::Result<()> {
    for transport in [Transport::Grpc, Transport::Legacy] {
        for queues in [1, 10] {
            variant(env, figs, transport, queues, 50, ">= 2x BullMQ").await?;
        }
    }
    variant(env, figs, Transport::Grpc, 1, 1, ">= 1.5x BullMQ").await?;
    Ok(())
}
