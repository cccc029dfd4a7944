//! `htq serve` (until SIGTERM or Ctrl-C) and `htq migrate-legacy`.

use htq::config::{Config, ServeArgs};
use htq::server::Server;

/// Runs the server until SIGTERM or Ctrl-C, then stops it gracefully.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let cfg = Config::resolve(&args)?;
    htq::telemetry::init(cfg.log_format);
    let server = Server::start(cfg).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    let stopped = server.stop().await;
    htq::telemetry::shutdown();
    stopped
}

/// Waits for SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = match signal(SignalKind::terminate()) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "cannot watch SIGTERM; Ctrl-C only");
            let _ = tokio::signal::ctrl_c().await;
            return;
        }
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

/// Imports the legacy HTQ Redis at `from` (keys under `prefix`, by default the
/// config's) into the Redis `target` names; prints the report.
pub async fn migrate_legacy(
    target: &ServeArgs,
    from: &str,
    prefix: Option<String>,
) -> anyhow::Result<()> {
    let cfg = Config::resolve(target)?;
    htq::telemetry::init(cfg.log_format);
    let prefix = prefix.unwrap_or_else(|| cfg.legacy.key_prefix.clone());
    let report = htq::server::migrate_legacy(&cfg, from, &prefix).await?;
    println!("{report}");
    Ok(())
}
