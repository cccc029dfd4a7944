//! Compiles `proto/htq/v1/htq.proto` with protox (a pure-Rust protobuf compiler, so no
//! system `protoc` is needed), writes the descriptor set that gRPC reflection serves,
//! and generates the proto3 JSON mapping of every message (pbjson) for the JSON API.

use std::{env, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let fds = protox::compile(["htq/v1/htq.proto"], ["proto"])?;
    let descriptors = prost::Message::encode_to_vec(&fds);
    std::fs::write(out.join("htq_descriptor.bin"), &descriptors)?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .type_attribute(".", "#[allow(clippy::all)]")
        // A request that does not decode is INVALID_ARGUMENT, not INTERNAL.
        .codec_path("crate::api::codec::StrictCodec")
        // Well-known types with their JSON mapping (timestamps as RFC 3339, ...).
        .compile_well_known_types(true)
        // Timestamps are written as the proto3 JSON mapping says (UTC, `Z`).
        .extern_path(".google.protobuf.Timestamp", "crate::api::wkt::Timestamp")
        .extern_path(".google.protobuf", "::pbjson_types")
        .compile_fds(fds)?;
    pbjson_build::Builder::new()
        .register_descriptors(&descriptors)?
        .build(&[".htq.v1"])?;
    Ok(())
}
