//! Integration tests against a real redis-server and a real HTTP sink.

mod common;

mod api;
mod callbacks;
mod cli;
mod clients;
mod cluster;
mod contract;
mod controls;
mod delivery;
mod durability;
mod fuzz;
mod history;
mod import;
mod interop;
mod json;
mod keys;
mod legacy;
mod partitions;
mod process;
mod scopes;
mod scripts;
mod security;
mod sentinel;
mod signing;
mod system;
mod tls;
mod topics;
mod traces;
mod ui;
mod watch;
