//! Integration tests against a real redis-server and a real HTTP sink.

mod common;

mod api;
mod cli;
mod clients;
mod controls;
mod delivery;
mod import;
mod json;
mod legacy;
mod process;
mod scripts;
mod traces;
mod ui;
mod watch;
