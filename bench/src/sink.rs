//! A fast HTTP sink: answers 200 at once, counts requests, and for requests tagged
//! `?t=<µs>` records how long after that instant they arrived. A path
//! `/reply/<n>` answers with a body of n bytes (at most 1 MiB), else `ok`.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

use crate::now_us;

/// What the sink has seen.
#[derive(Default)]
pub struct Seen {
    count: AtomicU64,
    /// Arrival minus tag, µs, for tagged requests.
    delays: Mutex<Vec<i64>>,
}

/// A running sink.
#[derive(Clone)]
pub struct Sink {
    pub addr: SocketAddr,
    seen: Arc<Seen>,
}

impl Sink {
    pub async fn start() -> anyhow::Result<Sink> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let seen = Arc::new(Seen::default());
        let s = seen.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let s = s.clone();
                tokio::spawn(async move {
                    let svc = service_fn(move |req: Request<hyper::body::Incoming>| {
                        let s = s.clone();
                        async move {
                            let arrived = now_us();
                            let size = req
                                .uri()
                                .path()
                                .strip_prefix("/reply/")
                                .and_then(|n| n.parse::<usize>().ok())
                                .map(|n| n.min(1 << 20));
                            let tag = req.uri().query().and_then(|q| {
                                q.split('&')
                                    .find_map(|kv| kv.strip_prefix("t="))
                                    .and_then(|v| v.parse::<i64>().ok())
                            });
                            // Read the body to the end, as a real target would.
                            let _ = req.into_body().collect().await;
                            if let Some(t) = tag {
                                s.delays.lock().unwrap().push(arrived - t);
                            }
                            s.count.fetch_add(1, Ordering::Relaxed);
                            let body = match size {
                                Some(n) => Bytes::from(vec![b'x'; n]),
                                None => Bytes::from_static(b"ok"),
                            };
                            Ok::<_, Infallible>(Response::new(Full::new(body)))
                        }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
        Ok(Sink { addr, seen })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn count(&self) -> u64 {
        self.seen.count.load(Ordering::Relaxed)
    }

    /// Forgets everything seen so far.
    pub fn reset(&self) {
        self.seen.count.store(0, Ordering::Relaxed);
        self.seen.delays.lock().unwrap().clear();
    }

    /// The recorded delays, µs, taken out.
    pub fn take_delays(&self) -> Vec<i64> {
        std::mem::take(&mut *self.seen.delays.lock().unwrap())
    }

    /// Waits until `n` requests arrived; the time that took from `since`, or None
    /// after `limit`.
    pub async fn wait_count(
        &self,
        n: u64,
        since: std::time::Instant,
        limit: std::time::Duration,
    ) -> Option<std::time::Duration> {
        loop {
            if self.count() >= n {
                return Some(since.elapsed());
            }
            if since.elapsed() > limit {
                return None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    }
}
