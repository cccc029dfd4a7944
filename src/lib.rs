//! HTQ, the HTTP task queue: applications push HTTP requests into named queues; HTQ
//! keeps them in Redis and performs them later: as soon as possible, at a given
//! time, or again and again at a pace the target steers.
//!
//! # Layout
//!
//! - `proto/htq/v1/htq.proto`: the contract; [`api::pb`] is generated from it.
//! - [`config`]: flags, `HTQ_*` environment, TOML or legacy `config.json`.
//! - [`model`]: plain types (queues, tasks, requests); no I/O.
//! - [`core`]: the application service every front door calls; input rules in
//!   [`core::validate`], cron schedules in [`core::schedule`], event watches in
//!   [`core::watch`].
//! - [`store`]: the only module that speaks Redis; one Lua script per state change
//!   in `src/store/lua/`, key names in [`store::Keys`].
//! - [`dispatch`]: the scheduler (per-queue timers and wakes), the HTTP executor,
//!   the outcome rules, the lease sweeper, the wake listener, the cron loop and the
//!   janitor (time bounds of dead letters and finished tasks).
//! - [`legacy`]: the legacy HTQ contract's own rules (result codes, attributes,
//!   `execute_time`, `header`/`data`), and the importer of legacy Redis data.
//! - [`api`]: front doors: gRPC and gRPC-web ([`api::grpc`]), HTTP ([`api::http`]:
//!   the JSON API and its Server-Sent Events, the `/ui` dashboard, the legacy API),
//!   auth.
//! - [`server`]: wires it all and stops it in order.
//! - [`embedded_redis`]: the supervised `redis-server` child of `htq serve`.
//! - [`telemetry`]: logs (text or JSON) and OpenTelemetry traces, with the trace
//!   context carried from a push to the task's requests.
//! - [`metrics`]: the Prometheus metrics served at `/metrics`.
//! - `src/main.rs`: the `htq` command line.

pub mod api;
pub mod config;
pub mod core;
pub mod dispatch;
pub mod embedded_redis;
pub mod error;
pub mod legacy;
pub mod metrics;
pub mod model;
pub mod server;
pub mod store;
pub mod telemetry;

pub use error::{Error, Result};
