//! Compiles `proto/htq/v1/htq.proto` with protox (a pure-Rust protobuf compiler, so no
//! system `protoc` is needed) and writes the descriptor set that gRPC reflection serves.

use std::{env, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let fds = protox::compile(["htq/v1/htq.proto"], ["proto"])?;
    std::fs::write(
        out.join("htq_descriptor.bin"),
        prost::Message::encode_to_vec(&fds),
    )?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .type_attribute(".", "#[allow(clippy::all)]")
        .compile_fds(fds)?;
    Ok(())
}
