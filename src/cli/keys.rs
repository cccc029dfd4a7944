//! `htq keys …`: create, list, rotate and retire the keys that sign deliveries.

use htq::api::pb;

use super::conn::{Conn, connect};
use super::output::{lines, show};
use super::parse;

#[derive(clap::Subcommand)]
pub enum KeysCommand {
    /// Create a key; prints its secret (HMAC) or public key (Ed25519) once.
    Create {
        /// Sign this queue's deliveries; none: every queue's.
        #[arg(long)]
        queue: Option<String>,
        /// hmac (v1, a shared whsec_ secret) or ed25519 (v1a, a whpk_ public key).
        #[arg(long, default_value = "hmac")]
        algorithm: String,
    },
    /// The keys of a queue, the global ones, or all.
    List {
        #[arg(long)]
        queue: Option<String>,
        /// Every key, global and of every queue.
        #[arg(long, conflicts_with = "queue")]
        all: bool,
    },
    /// Add a key; the scope's keys of that algorithm stop signing after the overlap.
    Rotate {
        #[arg(long)]
        queue: Option<String>,
        #[arg(long, default_value = "hmac")]
        algorithm: String,
        /// How long the replaced keys go on signing, seconds [default: 86400].
        #[arg(long)]
        overlap: Option<f64>,
    },
    /// Remove a key at once.
    Retire { id: String },
}

fn algorithm(name: &str) -> anyhow::Result<pb::SigningAlgorithm> {
    match name.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
        "hmac" | "hmacsha256" | "v1" => Ok(pb::SigningAlgorithm::HmacSha256),
        "ed25519" | "v1a" => Ok(pb::SigningAlgorithm::Ed25519),
        _ => anyhow::bail!("--algorithm: hmac or ed25519, not {name:?}"),
    }
}

fn key_line(k: &pb::SigningKey) -> String {
    let alg = match pb::SigningAlgorithm::try_from(k.algorithm) {
        Ok(pb::SigningAlgorithm::Ed25519) => "ed25519",
        _ => "hmac",
    };
    let scope = if k.queue.is_empty() { "*" } else { &k.queue };
    let mut line = format!("{}  {alg:<7} {scope}", k.id);
    if let Some(t) = &k.expire_time {
        line.push_str(&format!("  expires {}", t.to_rfc3339().unwrap_or_default()));
    }
    for material in [&k.secret, &k.public_key] {
        if !material.is_empty() {
            line.push_str("  ");
            line.push_str(material);
        }
    }
    line
}

/// Runs `command` against the server `conn` names.
pub async fn run(conn: &Conn, command: KeysCommand) -> anyhow::Result<()> {
    let mut client = connect(conn).await?;
    let json = conn.json;
    match command {
        KeysCommand::Create {
            queue,
            algorithm: a,
        } => {
            let request = pb::CreateSigningKeyRequest {
                queue: queue.unwrap_or_default(),
                algorithm: algorithm(&a)? as i32,
            };
            let k = client.create_signing_key(request).await?.into_inner();
            show(json, &k, key_line);
        }
        KeysCommand::List { queue, all } => {
            let request = pb::ListSigningKeysRequest {
                queue: queue.unwrap_or_default(),
                all,
            };
            let r = client.list_signing_keys(request).await?.into_inner();
            show(json, &r, |r| lines(&r.keys, key_line));
        }
        KeysCommand::Rotate {
            queue,
            algorithm: a,
            overlap,
        } => {
            let request = pb::RotateSigningKeyRequest {
                queue: queue.unwrap_or_default(),
                algorithm: algorithm(&a)? as i32,
                overlap: overlap
                    .map(|s| parse::duration(s, "--overlap"))
                    .transpose()?,
            };
            let r = client.rotate_signing_key(request).await?.into_inner();
            show(json, &r, |r| {
                let mut out: Vec<String> = r.key.iter().map(key_line).collect();
                out.extend(r.replaced.iter().map(key_line));
                out.join("\n")
            });
        }
        KeysCommand::Retire { id } => {
            let request = pb::RetireSigningKeyRequest { id: id.clone() };
            let r = client.retire_signing_key(request).await?.into_inner();
            show(json, &r, |_| format!("retired {id}"));
        }
    }
    Ok(())
}
