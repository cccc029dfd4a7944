//! Front doors: thin adapters that parse, authenticate and convert, then call the
//! core. No business rule lives here.

pub mod auth;
pub mod codec;
pub mod grpc;
pub mod http;
pub mod listen;
pub mod wkt;

/// Code generated from `proto/htq/v1/htq.proto`.
#[allow(missing_docs)]
pub mod pb {
    tonic::include_proto!("htq.v1");
    include!(concat!(env!("OUT_DIR"), "/htq.v1.serde.rs"));

    /// The encoded descriptor set, served by gRPC reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("htq_descriptor");
}
