//! HTQ, the HTTP task queue: applications push HTTP requests into named queues; HTQ
//! keeps them in Redis and performs them later: as soon as possible, at a given
//! time, or again and again at a pace the target steers.
//!
//! # Layout
//!
//! Layers, each using only those below it (see the README's Architecture section):
//! front doors ([`api`], `src/cli/`) → [`core`] → [`store`]; [`dispatch`] beside
//! [`core`], on [`store`]; [`wake`], [`group`], [`model`], [`signing`], [`metrics`],
//! [`error`], [`config`] and [`telemetry`] below all. [`server`] wires them.
//!
//! - `proto/htq/v1/htq.proto`: the contract; [`api::pb`] is generated from it.
//! - [`config`]: flags, `HTQ_*` environment, TOML or legacy `config.json`.
//! - [`model`]: plain types (queues, tasks, requests), cron arithmetic
//!   ([`model::cron`]) and the process's clock (set to Redis's by the store); no I/O.
//! - [`wake`]: how one process's parts tell each other of work: the [`wake::Waker`]
//!   (to the dispatcher) and [`wake::Notes`] (to a time-index sweeper).
//! - [`group`]: group commit, so concurrent pushes (of every queue, on one Redis)
//!   and attempt outcomes (of one queue) share one Redis call.
//! - [`signing`]: signed deliveries (Standard Webhooks): key records, their text
//!   forms, and the key ring each process signs with.
//! - [`core`]: the application service every front door calls; input rules in
//!   [`core::validate`], cron schedules in [`core::schedule`], event watches in
//!   [`core::watch`] (fed by one stream reader per process, `core/watch_hub.rs`),
//!   page tokens in [`core::page_token`], partitioned queues (pushes routed,
//!   changes and reads fanned out to the partitions) in `core/partitions.rs`,
//!   signing key management in
//!   `core/signing.rs`, topics and publishing in [`core::topics`], the legacy rules applied
//!   in [`core::legacy`] and the legacy importer in [`core::legacy_import`].
//! - [`store`]: the only module that speaks Redis for HTQ's data, through one call
//!   path; one Lua script per state change in `src/store/lua/` with one return-code
//!   table, loaded as one Redis Functions library (EVALSHA on a Redis without
//!   Functions), key names in [`store::Keys`], methods by subject (queues, tasks,
//!   inspect, schedules, indexes, events, signing keys, topics, the dashboard's
//!   history, the processes' heartbeats); its connections
//!   (`store/pool.rs`) go to one Redis, to a Redis Cluster (each call routed by
//!   its key's slot), or to the master Sentinel names, followed through failovers
//!   (`store/sentinel.rs`).
//! - [`dispatch`]: the scheduler (per-queue timers and wakes), the HTTP executor and
//!   its egress policy ([`dispatch::egress`]: which targets requests may reach),
//!   the outcome rules, the finisher (outcomes of a queue grouped into one call that
//!   also claims into the slots they free), the two sweepers of the time indexes (leases; the janitor's
//!   time bounds), the callback relay ([`dispatch::callbacks`]: final outcomes from
//!   a queue's outbox to callback tasks), the dashboard's history
//!   ([`dispatch::history`]) and the process's heartbeat, the wake listener, the
//!   cron loop and the signing keys' reloader ([`dispatch::keys`]).
//! - [`legacy`]: the legacy HTQ contract's own rules (result codes, attributes,
//!   `execute_time`, `header`/`data`).
//! - [`api`]: front doors: gRPC and gRPC-web ([`api::grpc`], conversions in its
//!   `convert` module), HTTP ([`api::http`]: the JSON API and its Server-Sent
//!   Events, the `/ui` dashboard, the legacy API and its form parser, `/readyz` and
//!   `/metrics`), tokens and their scopes ([`api::auth`]), the strict protobuf
//!   codec, the JSON timestamp type, the listener with its connection limits
//!   ([`api::listen`]) and TLS ([`api::tls`]), and files read again when they
//!   change ([`api::reload`]).
//! - [`server`]: wires it all and stops it in order.
//! - [`embedded_redis`]: the supervised `redis-server` child of `htq serve`, on a
//!   Unix socket with a password, and the data directory's permissions.
//! - [`telemetry`]: logs, text or JSON, with values escaped and URL credentials
//!   redacted; OpenTelemetry traces, with the trace context carried from a push to
//!   the task's requests.
//! - [`metrics`]: the Prometheus metrics served at `/metrics`.
//! - `src/main.rs` and `src/cli/`: the `htq` command line, one file per command
//!   group.

pub mod api;
pub mod config;
pub mod core;
pub mod dispatch;
pub mod embedded_redis;
pub mod error;
pub mod group;
pub mod legacy;
pub mod metrics;
pub mod model;
pub mod server;
pub mod signing;
pub mod store;
pub mod telemetry;
pub mod wake;

pub use error::{Error, Result};
