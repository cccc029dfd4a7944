//! The `htq` command line: `htq serve` runs the server; the other subcommands talk to
//! a running server over gRPC. The commands live in [`cli`].

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: faster than the system allocator on HTQ's many small, short-lived
/// buffers (measured in bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(status) = e.downcast_ref::<tonic::Status>() {
                eprintln!("htq: {:?}: {}", status.code(), status.message());
                // Scripts can tell errors apart: 10 + the gRPC code (NOT_FOUND: 15,
                // UNAUTHENTICATED: 26, UNAVAILABLE: 24, ...).
                return ExitCode::from(10 + status.code() as u8);
            }
            // The error can quote a URL (Redis's, a task's): never its password.
            eprintln!("htq: {}", htq::telemetry::redact_urls(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}
