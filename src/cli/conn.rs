//! Reaching a running server: the connection flags, the API token and the gRPC client.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use htq::api::pb::htq_service_client::HtqServiceClient;
use htq::server::TOKEN_FILE;
use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

/// How to reach a running server.
#[derive(clap::Args)]
pub struct Conn {
    /// The server's address.
    #[arg(
        long,
        env = "HTQ_SERVER",
        default_value = "http://127.0.0.1:5999",
        global = true
    )]
    server: String,
    /// API token; by default read from the data directory's token file.
    #[arg(long, env = "HTQ_TOKEN", global = true)]
    token: Option<String>,
    /// Where the server keeps its generated token.
    #[arg(
        long,
        env = "HTQ_DATA_DIR",
        default_value = "./htq-data",
        global = true
    )]
    data_dir: PathBuf,
    /// Print the server's answer as JSON (the contract's JSON mapping), for scripts.
    #[arg(long, global = true)]
    pub json: bool,
    /// For an https:// server: the CA that signed its certificate (PEM) [default:
    /// the system's trusted CAs].
    #[arg(long, env = "HTQ_CA_FILE", global = true)]
    ca_file: Option<PathBuf>,
    /// A client certificate (PEM), for a server that asks for one; with --client-key.
    #[arg(long, env = "HTQ_CLIENT_CERT", global = true, requires = "client_key")]
    client_cert: Option<PathBuf>,
    /// The client certificate's key (PEM).
    #[arg(long, env = "HTQ_CLIENT_KEY", global = true, requires = "client_cert")]
    client_key: Option<PathBuf>,
}

/// Adds the bearer token to every call.
type AddToken =
    Box<dyn FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> + Send>;

/// A gRPC client that sends the API token with every call.
pub type Client = HtqServiceClient<InterceptedService<Channel, AddToken>>;

impl Conn {
    /// The API token: `--token`, else the data directory's token file.
    fn token(&self) -> anyhow::Result<String> {
        if let Some(t) = &self.token {
            return Ok(t.clone());
        }
        let path = self.data_dir.join(TOKEN_FILE);
        Ok(std::fs::read_to_string(&path)
            .with_context(|| format!("no --token and cannot read {}", path.display()))?
            .trim()
            .to_owned())
    }
}

impl Conn {
    /// TLS to the server: its CA (or the system's), and a client certificate if given.
    fn tls(&self) -> anyhow::Result<ClientTlsConfig> {
        let read =
            |p: &PathBuf| std::fs::read(p).with_context(|| format!("cannot read {}", p.display()));
        let mut tls = ClientTlsConfig::new();
        tls = match &self.ca_file {
            Some(ca) => tls.ca_certificate(Certificate::from_pem(read(ca)?)),
            None => tls.with_native_roots(),
        };
        if let (Some(cert), Some(key)) = (&self.client_cert, &self.client_key) {
            tls = tls.identity(Identity::from_pem(read(cert)?, read(key)?));
        }
        Ok(tls)
    }
}

/// Connects to the server `conn` names, authenticating with its token.
pub async fn connect(conn: &Conn) -> anyhow::Result<Client> {
    let header: MetadataValue<_> = format!("Bearer {}", conn.token()?)
        .parse()
        .context("bad token")?;
    let mut endpoint =
        Channel::from_shared(conn.server.clone())?.connect_timeout(Duration::from_secs(5));
    if conn.server.starts_with("https://") {
        endpoint = endpoint.tls_config(conn.tls()?)?;
    }
    let channel = endpoint
        .connect()
        .await
        .with_context(|| format!("cannot connect to {}", conn.server))?;
    let intercept: AddToken = Box::new(move |mut req: tonic::Request<()>| {
        req.metadata_mut().insert("authorization", header.clone());
        Ok(req)
    });
    Ok(HtqServiceClient::with_interceptor(channel, intercept))
}
