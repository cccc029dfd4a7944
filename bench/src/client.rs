//! x. The delivery client: HTQ's executor sends each task's request with reqwest.
//! This sends the same GETs to the same sink at the same concurrency with reqwest
//! built as the executor builds it, and with hyper-util's pooled client (what
//! reqwest runs on), and reports requests/s and this process's CPU per request
//! (the sink runs in this process too: the same share for both).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::Env;
use crate::scenarios::{Figures, counts};

/// Requests in flight at once, as a queue at `max_concurrency` 50.
const CONCURRENCY: usize = 50;

/// Runs `n` requests from [`CONCURRENCY`] workers, each `send()`, and adds the
/// requests/s of client `name` and this process's CPU per request (as `short`).
async fn measure<F, Fut>(
    figs: &mut Figures,
    name: &str,
    short: &str,
    n: usize,
    send: F,
) -> anyhow::Result<()>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let pid = std::process::id();
    let cpu0 = crate::cpu_secs(pid);
    let t0 = Instant::now();
    let work = (0..CONCURRENCY).map(|_| {
        let (next, send) = (next.clone(), send.clone());
        tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < n {
                send().await?;
            }
            Ok::<_, anyhow::Error>(())
        })
    });
    for r in futures::future::join_all(work).await {
        r??;
    }
    let took = t0.elapsed().as_secs_f64();
    let cpu = crate::cpu_secs(pid) - cpu0;
    figs.add(
        &format!("x. delivery client, {name}"),
        "requests/s",
        true,
        "",
        n as f64 / took,
        None,
    );
    figs.add(
        &format!("x. delivery client, {short}: CPU of load generator + sink per request"),
        "µs",
        false,
        "",
        cpu * 1e6 / n as f64,
        None,
    );
    Ok(())
}

/// x. reqwest as HTQ's executor builds it, against hyper-util's pooled client.
pub async fn delivery_client(env: &Env, figs: &mut Figures) -> anyhow::Result<()> {
    let n = counts(env.args.quick, 40_000, 4_000);
    let url = env.sink.url("/x");

    let reqwest = reqwest::Client::builder()
        .user_agent("htq-bench")
        .redirect(reqwest::redirect::Policy::limited(10))
        .pool_idle_timeout(Duration::from_secs(60))
        .tcp_nodelay(true)
        .build()?;
    let u = url.clone();
    measure(figs, "reqwest (HTQ's)", "reqwest", n, move || {
        let (client, url) = (reqwest.clone(), u.clone());
        async move {
            let resp = client.get(&url).send().await?;
            resp.bytes().await?;
            Ok(())
        }
    })
    .await?;

    let hyper: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(60))
        .build_http();
    let uri: hyper::Uri = url.parse()?;
    measure(
        figs,
        "hyper-util pooled client",
        "hyper-util",
        n,
        move || {
            let (client, uri) = (hyper.clone(), uri.clone());
            async move {
                let req = hyper::Request::get(uri)
                    .header("user-agent", "htq-bench")
                    .body(Empty::new())?;
                let resp = client.request(req).await?;
                resp.into_body().collect().await?;
                Ok(())
            }
        },
    )
    .await
}
