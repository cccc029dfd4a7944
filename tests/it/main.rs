//! Integration tests against a real redis-server and a real HTTP sink.

mod common;

mod api;
mod delivery;
mod import;
mod legacy;
mod process;
mod scripts;
