//! Generates the client stubs from the server's contract, `proto/htq/v1/htq.proto`,
//! at build time (protox: no system `protoc` needed), so they always match it.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto = concat!(env!("CARGO_MANIFEST_DIR"), "/../../proto");
    println!("cargo:rerun-if-changed={proto}");
    let fds = protox::compile(["htq/v1/htq.proto"], [proto])?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(false)
        .type_attribute(".", "#[allow(clippy::all)]")
        .compile_fds(fds)?;
    Ok(())
}
