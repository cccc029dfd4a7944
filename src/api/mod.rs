//! Front doors: thin adapters that parse, authenticate and convert, then call the
//! core. No business rule lives here.

pub mod auth;
pub mod codec;
pub mod grpc;
pub mod http;
pub mod listen;
pub mod reload;
pub mod tls;
pub mod wkt;

/// Code generated from `proto/htq/v1/htq.proto`.
#[allow(missing_docs)]
pub mod pb {
    tonic::include_proto!("htq.v1");
    include!(concat!(env!("OUT_DIR"), "/htq.v1.serde.rs"));

    /// The encoded descriptor set, served by gRPC reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("htq_descriptor");
}

/// Warns when users other than HTQ's may read `path` (`what` names it in the log).
fn warn_if_readable(path: &std::path::Path, what: &str) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(m) = std::fs::metadata(path)
        && m.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(
            file = %path.display(),
            mode = format!("{:o}", m.permissions().mode() & 0o777),
            "{what} can be read by other users; chmod 600 it"
        );
    }
}
