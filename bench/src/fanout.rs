//! t. Topics and callbacks: a message published one per call to a topic of four
//! endpoints (a task per endpoint, in one script call), and tasks pushed one per
//! call with an on_success callback against the same without; what each delivery
//! costs Redis and HTQ.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use htq::api::pb;

use crate::Env;
use crate::path::{CALLERS, command_stats, costs};
use crate::scenarios::{Figures, LIMIT, counts};

/// Endpoints of the topic.
const ENDPOINTS: usize = 4;

/// Runs `call(client, i)` for i in 0..n from [`CALLERS`] callers.
async fn each<F, Fut>(env: &Env, n: usize, call: F) -> anyhow::Result<()>
where
    F: Fn(crate::Client, usize) -> Fut + Clone,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let next = Arc::new(AtomicUsize::new(0));
    let work = (0..CALLERS).map(|c| {
        let (client, next, call) = (env.client(c), next.clone(), call.clone());
        async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return Ok::<_, anyhow::Error>(());
                }
                call(client.clone(), i).await?;
            }
        }
    });
    futures::future::try_join_all(work).await?;
    Ok(())
}

/// t. Fan-out and callbacks.
pub async fn fanout(env: &mut Env, figs: &mut Figures) -> anyhow::Result<()> {
    // A topic of four endpoints, 50 in flight each.
    let m = counts(env.args.quick, 5_000, 500);
    let sink = env.sink.url("/t");
    env.client(0)
        .create_topic(pb::CreateTopicRequest {
            topic: Some(pb::Topic {
                name: "fan".into(),
                endpoints: (0..ENDPOINTS)
                    .map(|e| pb::Endpoint {
                        name: format!("e{e}"),
                        url: format!("{sink}?e={e}"),
                        max_concurrency: 50,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }),
        })
        .await?;
    env.sink.reset();
    let what = format!("t. publish one per call to {ENDPOINTS} endpoints + deliver");
    let stats0 = command_stats(env).await?;
    let cpu0 = env.cpu();
    let t0 = Instant::now();
    each(env, m, |mut c, i| async move {
        c.publish(pb::PublishRequest {
            topic: "fan".into(),
            body: Some(pb::publish_request::Body::Text(format!("m{i}"))),
            ..Default::default()
        })
        .await?;
        Ok(())
    })
    .await?;
    let deliveries = m * ENDPOINTS;
    let took = env
        .sink
        .wait_count(deliveries as u64, t0, LIMIT)
        .await
        .ok_or_else(|| anyhow::anyhow!("{what}: not every delivery arrived"))?;
    let (cpu1, stats1) = (env.cpu(), command_stats(env).await?);
    eprintln!(
        "{what}: Redis µs per delivery by command: {}",
        stats0.profile(&stats1, deliveries)
    );
    figs.add(
        &format!("{what}: deliveries"),
        "deliveries/s",
        true,
        "",
        deliveries as f64 / took.as_secs_f64(),
        None,
    );
    costs(
        figs,
        &format!("{what}, per delivery"),
        deliveries,
        (cpu0, cpu1),
        (stats0, stats1),
    );
    env.client(0)
        .delete_topic(pb::DeleteTopicRequest { name: "fan".into() })
        .await?;

    // One push per call into a queue of concurrency 50, with and without a
    // callback on success (into a queue of its own, 50 in flight too).
    let n = counts(env.args.quick, 10_000, 1_000);
    env.create_queue("tcb", 50, false).await?;
    env.create_queue("tcb-hooks", 50, false).await?;
    for with in [false, true] {
        env.sink.reset();
        let what = format!(
            "t. one push per call + deliver, 1 queue, concurrency 50, {}",
            if with {
                "with an on_success callback"
            } else {
                "no callback"
            }
        );
        let stats0 = command_stats(env).await?;
        let cpu0 = env.cpu();
        let t0 = Instant::now();
        let (task_url, hook_url) = (env.sink.url("/task"), env.sink.url("/hook"));
        each(env, n, move |mut c, i| {
            let (task_url, hook_url) = (task_url.clone(), hook_url.clone());
            async move {
                c.push_task(pb::PushTaskRequest {
                    queue: "tcb".into(),
                    request: Some(pb::HttpRequest {
                        url: format!("{task_url}?i={i}"),
                        ..Default::default()
                    }),
                    callbacks: with.then(|| pb::Callbacks {
                        on_success: Some(pb::Callback {
                            url: hook_url,
                            ..Default::default()
                        }),
                        queue: "tcb-hooks".into(),
                        ..Default::default()
                    }),
                    ..Default::default()
                })
                .await?;
                Ok(())
            }
        })
        .await?;
        let expected = if with { 2 * n } else { n };
        let took = env
            .sink
            .wait_count(expected as u64, t0, LIMIT)
            .await
            .ok_or_else(|| anyhow::anyhow!("{what}: not every request arrived"))?;
        let (cpu1, stats1) = (env.cpu(), command_stats(env).await?);
        eprintln!(
            "{what}: Redis µs per task by command: {}",
            stats0.profile(&stats1, n)
        );
        figs.add(
            &format!("{what}: tasks (and their callbacks) done"),
            "tasks/s",
            true,
            "",
            n as f64 / took.as_secs_f64(),
            None,
        );
        costs(
            figs,
            &format!("{what}, per task"),
            n,
            (cpu0, cpu1),
            (stats0, stats1),
        );
    }
    env.delete_queue("tcb").await?;
    env.delete_queue("tcb-hooks").await?;
    Ok(())
}
