//! k. The same batch enqueue and drain on one Redis and on a Redis Cluster of
//! three masters (one machine: the cluster cannot be faster here, but it shows
//! whether the work spreads evenly over the masters and whether a task costs Redis
//! more than on one node). Then one busy queue on the cluster, alone in its slot
//! and spread over six partitions: how much of its work leaves the busiest master.

use std::time::Instant;

use crate::scenarios::{Figures, LIMIT, counts, push_batches};
use crate::{Env, cpu_secs};

/// Makes the redis-servers behind `conns` (at `urls`) one cluster: slots split
/// evenly, every node met, ready when each says so.
pub async fn form(
    conns: &mut [redis::aio::MultiplexedConnection],
    urls: &[String],
) -> anyhow::Result<()> {
    let n = conns.len() as u32;
    for (i, c) in conns.iter_mut().enumerate() {
        let i = i as u32;
        let (from, to) = (16384 * i / n, 16384 * (i + 1) / n - 1);
        redis::cmd("CLUSTER")
            .arg("ADDSLOTSRANGE")
            .arg(from)
            .arg(to)
            .query_async::<()>(c)
            .await?;
    }
    let port: u16 = urls[0]
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no port in {}", urls[0]))?;
    for c in conns.iter_mut().skip(1) {
        redis::cmd("CLUSTER")
            .arg("MEET")
            .arg("127.0.0.1")
            .arg(port)
            .query_async::<()>(c)
            .await?;
    }
    let deadline = Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mut ready = true;
        for c in conns.iter_mut() {
            let info: String = redis::cmd("CLUSTER").arg("INFO").query_async(c).await?;
            ready &= info.contains("cluster_state:ok")
                && info.contains(&format!("cluster_known_nodes:{n}"));
        }
        if ready {
            return Ok(());
        }
        anyhow::ensure!(Instant::now() < deadline, "the cluster did not form");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Per node: (CPU seconds, Redis time in scripts so far, µs). Only script calls
/// are summed: Redis counts the commands a script makes in their own stats too.
async fn node_costs(env: &Env) -> anyhow::Result<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for (pid, url) in env.redis_pids.iter().zip(&env.node_urls) {
        let mut c = redis::Client::open(url.as_str())?
            .get_multiplexed_async_connection()
            .await?;
        let info: String = redis::cmd("INFO")
            .arg("commandstats")
            .query_async(&mut c)
            .await?;
        let usec: f64 = info
            .lines()
            .filter(|l| {
                ["cmdstat_fcall:", "cmdstat_evalsha:", "cmdstat_eval:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .filter_map(|l| {
                l.split("usec=")
                    .nth(1)?
                    .split(',')
                    .next()?
                    .parse::<f64>()
                    .ok()
            })
            .sum();
        out.push((cpu_secs(*pid), usec));
    }
    Ok(out)
}

/// How the tasks of a run are spread: over several queues, or one queue of
/// several partitions (1: none).
#[derive(Clone, Copy)]
enum Spread {
    Queues(usize),
    Partitions(i32),
}

/// Batch enqueue (paused queues), then drain, of `n` tasks spread by `spread` on
/// `env`; figures named with `label`.
async fn batch_cost(
    env: &Env,
    spread: Spread,
    label: &str,
    figs: &mut Figures,
) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 60_000, 12_000);
    let (queues, what): (Vec<String>, String) = match spread {
        Spread::Queues(q) => (
            (0..q).map(|i| format!("k{i}")).collect(),
            format!("{q} queues, concurrency 50 each"),
        ),
        Spread::Partitions(p) => (
            vec!["kp".to_owned()],
            match p {
                1 => "1 queue, concurrency 240".to_owned(),
                p => format!("1 queue of {p} partitions, concurrency 240"),
            },
        ),
    };
    for q in &queues {
        match spread {
            Spread::Queues(_) => env.create_queue(q, 50, true).await?,
            Spread::Partitions(p) => env.create_partitioned(q, 240, true, p).await?,
        }
    }
    env.sink.reset();
    let sink = env.sink.url("/k");
    let (c0, n0) = (env.cpu(), node_costs(env).await?);
    let t0 = Instant::now();
    push_batches(env, &queues, n, 8, |i| format!("{sink}?i={i}")).await?;
    let enqueued = t0.elapsed();
    let (c1, n1) = (env.cpu(), node_costs(env).await?);
    let t1 = Instant::now();
    for q in &queues {
        env.set_paused(q, false).await?;
    }
    let drained = env
        .sink
        .wait_count(n as u64, t1, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("k: the drain did not finish"))?;
    let (c2, n2) = (env.cpu(), node_costs(env).await?);
    for q in &queues {
        env.delete_queue(q).await?;
    }
    let per_task = |a: f64, b: f64| (b - a) * 1e6 / n as f64;
    figs.add(
        &format!("k. batch enqueue (500 per call, {what}), {label}"),
        "tasks/s",
        true,
        "",
        n as f64 / enqueued.as_secs_f64(),
        None,
    );
    figs.add(
        &format!("k. drain ({what}), {label}"),
        "tasks/s",
        true,
        "",
        n as f64 / drained.as_secs_f64(),
        None,
    );
    for (step, a, b, na, nb) in [
        ("enqueue", &c0, &c1, &n0, &n1),
        ("drain", &c1, &c2, &n1, &n2),
    ] {
        let time: f64 = na.iter().zip(nb).map(|(x, y)| y.1 - x.1).sum();
        // Each master's share of the scripts' time: how evenly the queues spread.
        figs.add(
            &format!("k. Redis time in scripts per task, {step}, {what}, {label}"),
            "µs",
            false,
            "cluster no higher than one node",
            time / n as f64,
            None,
        );
        figs.add(
            &format!("k. Redis CPU per task, {step}, {what}, {label}"),
            "µs",
            false,
            "",
            per_task(a.redis, b.redis),
            None,
        );
        figs.add(
            &format!("k. HTQ CPU per task, {step}, {what}, {label}"),
            "µs",
            false,
            "",
            per_task(a.htq, b.htq),
            None,
        );
        if na.len() > 1 {
            let shares: Vec<f64> = na.iter().zip(nb).map(|(x, y)| y.1 - x.1).collect();
            let busiest = shares.iter().cloned().fold(0.0, f64::max);
            figs.add(
                &format!("k. busiest master's share of Redis time, {step}, {what}, {label}"),
                "%",
                false,
                "near 100 / masters",
                busiest / time.max(1e-9) * 100.0,
                None,
            );
        }
    }
    Ok(())
}

/// k. Batch enqueue and drain on one Redis (`env`'s) and on a cluster of three;
/// then, on the cluster, one busy queue without and with partitions.
pub async fn compare(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    batch_cost(env, Spread::Queues(12), "one Redis", figs).await?;
    let cluster = Env::start_on(env.args.clone(), 3).await?;
    let on = "cluster of 3 masters";
    batch_cost(&cluster, Spread::Queues(12), on, figs).await?;
    batch_cost(&cluster, Spread::Partitions(1), on, figs).await?;
    batch_cost(&cluster, Spread::Partitions(6), on, figs).await
}
