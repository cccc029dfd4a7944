//! The listener: accepts the connections of gRPC and HTTP on one port, with the
//! limits that keep slow, idle or unauthenticated connections from using up the
//! server: a cap on open connections (beyond it a new one is closed at once), a
//! deadline for an HTTP/1 request head, a cap on HTTP/2 streams per connection,
//! and idle deadlines (a connection with no request in flight is closed after
//! `idle_timeout`, or after `unauthenticated_timeout` while none of its requests
//! has got past authentication). With [`Tls`], every connection is TLS, its
//! handshake held to the header-read deadline.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::response::Response;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use tokio_util::either::Either;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::Service;

use super::tls::Tls;
use crate::metrics::Metrics;

/// The connection limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// Connections open at once; one more is closed as soon as it is accepted. 0:
    /// half the open-file limit, at most 10,000 (see [`serve`]).
    pub max_connections: usize,
    /// Longest an HTTP/1 request head may take to arrive (also the longest an idle
    /// HTTP/1 connection waits for its next request).
    pub header_read_timeout: Duration,
    /// Longest a connection stays open with no request in flight.
    pub idle_timeout: Duration,
    /// The same, for a connection none of whose requests got past authentication.
    pub unauthenticated_timeout: Duration,
    /// HTTP/2 streams (calls) in flight at once on one connection.
    pub max_streams: u32,
}

impl Default for ConnLimits {
    fn default() -> Self {
        ConnLimits {
            max_connections: 0,
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(120),
            unauthenticated_timeout: Duration::from_secs(10),
            max_streams: 256,
        }
    }
}

/// Longest a connection told to close may take to finish what it has in flight
/// (at server stop the caller's own, shorter, grace applies).
const CLOSING_GRACE: Duration = Duration::from_secs(10);

/// What one connection's requests tell its idle deadline.
struct ConnState {
    opened: Instant,
    in_flight: AtomicUsize,
    /// When the last request ended, ms after `opened`.
    last_ms: AtomicU64,
    /// A request got past authentication.
    authenticated: AtomicBool,
}

impl ConnState {
    fn new() -> Self {
        ConnState {
            opened: Instant::now(),
            in_flight: AtomicUsize::new(0),
            last_ms: AtomicU64::new(0),
            authenticated: AtomicBool::new(false),
        }
    }

    /// When the connection may be closed as idle (if nothing starts before).
    fn idle_deadline(&self, limits: &ConnLimits) -> Instant {
        let timeout = if self.authenticated.load(Ordering::Relaxed) {
            limits.idle_timeout
        } else {
            limits.unauthenticated_timeout
        };
        self.opened + Duration::from_millis(self.last_ms.load(Ordering::Relaxed)) + timeout
    }

    fn idle(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0
    }
}

/// Ends a request's part in its connection's state when the response body is done
/// (or the call is dropped).
struct InFlight(Arc<ConnState>);

impl InFlight {
    fn start(state: Arc<ConnState>) -> Self {
        state.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(state)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let s = &self.0;
        s.last_ms
            .store(s.opened.elapsed().as_millis() as u64, Ordering::Relaxed);
        s.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body that holds its request's [`InFlight`] until it is done.
struct TrackedBody {
    inner: Body,
    _in_flight: InFlight,
}

impl HttpBody for TrackedBody {
    type Data = bytes::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

/// Whether `resp` refused its request's credentials (HTTP 401, or gRPC status 16
/// in a trailers-only reply).
fn refused_credentials(resp: &Response) -> bool {
    resp.status() == http::StatusCode::UNAUTHORIZED
        || resp
            .headers()
            .get("grpc-status")
            .is_some_and(|v| v.as_bytes() == b"16")
}

/// The app, seen from one connection.
#[derive(Clone)]
struct Tracked {
    app: axum::Router,
    state: Arc<ConnState>,
}

impl Service<Request<hyper::body::Incoming>> for Tracked {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<hyper::body::Incoming>) -> Self::Future {
        let in_flight = InFlight::start(self.state.clone());
        let call = self.app.call(req.map(Body::new));
        Box::pin(async move {
            let resp = call.await?;
            if !refused_credentials(&resp) {
                in_flight.0.authenticated.store(true, Ordering::Relaxed);
            }
            let (parts, body) = resp.into_parts();
            let body = TrackedBody {
                inner: body,
                _in_flight: in_flight,
            };
            Ok(Response::from_parts(parts, Body::new(body)))
        })
    }
}

/// Serves `app` on `listener` within `limits`, over TLS when `tls` is set, until
/// `stop`; then tells every connection to finish and waits for them. The
/// open-file limit is raised to its hard limit first.
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    mut limits: ConnLimits,
    tls: Option<Arc<Tls>>,
    metrics: Arc<Metrics>,
    stop: CancellationToken,
) {
    let open_files = raise_open_file_limit();
    if limits.max_connections == 0 {
        // Half the descriptors for incoming connections, the rest for outgoing
        // requests (max_in_flight), Redis and files.
        limits.max_connections = (open_files / 2).clamp(64, 10_000);
    }
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(limits.max_streams)
        .keep_alive_interval(Duration::from_secs(30))
        .keep_alive_timeout(Duration::from_secs(20));
    let builder = Arc::new(builder);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let conns = TaskTracker::new();
    let mut last_warning: Option<Instant> = None;
    loop {
        let accepted = tokio::select! {
            _ = stop.cancelled() => break,
            r = listener.accept() => r,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of descriptors, most likely: wait for some to close.
                tracing::warn!(error = %e, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            metrics.connection_refused();
            if last_warning.is_none_or(|t| t.elapsed() > Duration::from_secs(10)) {
                last_warning = Some(Instant::now());
                tracing::warn!(
                    max_connections = limits.max_connections,
                    "connection limit reached: closing new connections"
                );
            }
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::new(ConnState::new());
        let service = hyper_util::service::TowerToHyperService::new(Tracked {
            app: app.clone(),
            state: state.clone(),
        });
        let (builder, stop, metrics) = (builder.clone(), stop.clone(), metrics.clone());
        let tls = tls
            .as_ref()
            .map(|t| tokio_rustls::TlsAcceptor::from(t.current()));
        conns.spawn(async move {
            let _slot = slot;
            metrics.connection(1);
            let io = match tls {
                None => Either::Left(stream),
                Some(acceptor) => {
                    match tokio::time::timeout(limits.header_read_timeout, acceptor.accept(stream))
                        .await
                    {
                        Ok(Ok(s)) => Either::Right(s),
                        Ok(Err(e)) => {
                            tracing::debug!(error = %e, "TLS handshake failed");
                            metrics.connection(-1);
                            return;
                        }
                        Err(_) => {
                            tracing::debug!("TLS handshake took too long");
                            metrics.connection(-1);
                            return;
                        }
                    }
                }
            };
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(io), service);
            tokio::pin!(conn);
            let mut closing: Option<Instant> = None;
            loop {
                let idle_at = state.idle_deadline(&limits);
                let give_up = closing.map(|t| t + CLOSING_GRACE);
                tokio::select! {
                    r = conn.as_mut() => {
                        if let Err(e) = r {
                            tracing::debug!(error = %e, "connection ended with an error");
                        }
                        break;
                    }
                    _ = stop.cancelled(), if closing.is_none() => {
                        conn.as_mut().graceful_shutdown();
                        closing = Some(Instant::now());
                    }
                    _ = tokio::time::sleep_until(idle_at), if closing.is_none() => {
                        if state.idle() && Instant::now() >= state.idle_deadline(&limits) {
                            if !state.authenticated.load(Ordering::Relaxed) {
                                // Nothing of value in flight: close it now (one
                                // still negotiating would not hear a polite close).
                                break;
                            }
                            conn.as_mut().graceful_shutdown();
                            closing = Some(Instant::now());
                        }
                    }
                    _ = tokio::time::sleep_until(give_up.unwrap_or_else(Instant::now)), if give_up.is_some() => break,
                }
            }
            metrics.connection(-1);
        });
    }
    conns.close();
    conns.wait().await;
}

/// Raises this process's open-file limit to its hard limit; returns the limit.
fn raise_open_file_limit() -> usize {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    let soft = unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return 2000;
        }
        if lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: lim.rlim_max,
                rlim_max: lim.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim.rlim_cur = lim.rlim_max;
            }
        }
        lim.rlim_cur
    };
    usize::try_from(soft).unwrap_or(usize::MAX)
}
