//! Integration tests against a real redis-server and a real HTTP sink.

mod common;

mod api;
mod delivery;
mod process;
mod scripts;
