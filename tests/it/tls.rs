//! TLS on the API port: gRPC, the JSON API, the legacy API and the dashboard over
//! HTTPS; plaintext refused; a renewed certificate served without a restart;
//! client certificates required when a client CA is set.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use htq::api::pb;
use htq::api::tls::TlsFiles;
use htq::server::Server;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

use crate::common::*;

/// A CA, and leaf certificates it signs.
struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    fn new() -> Ca {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(DnType::CommonName, "htq test CA");
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        Ca {
            issuer: CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap(),
        }
    }

    /// (certificate PEM, key PEM) for `names`, with common name `cn`.
    fn leaf(&self, names: &[&str], cn: &str) -> (String, String) {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        params.distinguished_name.push(DnType::CommonName, cn);
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.pem(), key.serialize_pem())
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

async fn tls_channel(addr: std::net::SocketAddr, ca: &str, id: Option<(&str, &str)>) -> Channel {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca))
        .domain_name("localhost");
    if let Some((cert, key)) = id {
        tls = tls.identity(Identity::from_pem(cert, key));
    }
    Channel::from_shared(format!("https://{addr}"))
        .unwrap()
        .tls_config(tls)
        .unwrap()
        .connect()
        .await
        .unwrap()
}

/// The common name of the certificate a fresh TLS connection to `addr` gets.
async fn served_cn(addr: std::net::SocketAddr, ca: &str) -> String {
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::pem::PemObject::pem_slice_iter(ca.as_bytes()) {
        roots.add(c.unwrap()).unwrap();
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect("localhost".try_into().unwrap(), tcp)
        .await
        .unwrap();
    let der = tls.get_ref().1.peer_certificates().unwrap()[0].to_vec();
    // The common name is the last printable string in a certificate this simple.
    let text = String::from_utf8_lossy(&der).into_owned();
    ["htq one", "htq two"]
        .into_iter()
        .find(|cn| text.contains(cn))
        .unwrap_or("?")
        .to_owned()
}

fn https(ca: &str, id: Option<(&str, &str)>) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .resolve("localhost", "127.0.0.1:0".parse().unwrap());
    if let Some((cert, key)) = id {
        b = b.identity(reqwest::Identity::from_pem(format!("{cert}{key}").as_bytes()).unwrap());
    }
    b.build().unwrap()
}

#[tokio::test]
async fn every_door_over_tls_and_a_renewed_certificate_without_restart() {
    let redis = TestRedis::start();
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let (cert, key) = ca.leaf(&["localhost", "127.0.0.1"], "htq one");
    let cert_file = write(dir.path(), "cert.pem", &cert);
    let key_file = write(dir.path(), "key.pem", &key);
    let mut cfg = test_config(&redis);
    cfg.data_dir = dir.path().join("data");
    cfg.tls = Some(TlsFiles {
        cert: cert_file.clone(),
        key: key_file.clone(),
        client_ca: None,
    });
    cfg.legacy.app_key = Some("k".into());
    cfg.legacy.app_token = Some("t".into());
    let server = Server::start(cfg).await.unwrap();
    let addr = server.addr();

    // gRPC.
    let channel = tls_channel(addr, &ca.pem(), None).await;
    let mut c = pb::htq_service_client::HtqServiceClient::new(channel);
    let mut req = tonic::Request::new(pb::CreateQueueRequest {
        queue: Some(pb::Queue {
            name: "tls".into(),
            ..Default::default()
        }),
    });
    req.metadata_mut()
        .insert("authorization", format!("Bearer {TOKEN}").parse().unwrap());
    c.create_queue(req).await.unwrap();

    // JSON, legacy and the dashboard over HTTPS.
    let base = format!("https://localhost:{}", addr.port());
    let h = https(&ca.pem(), None);
    let r = h
        .post(format!("{base}/v1/queues/tls/tasks"))
        .bearer_auth(TOKEN)
        .body(format!(
            r#"{{"request":{{"url":"{}"}}}}"#,
            sink.url("/over-tls")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    sink.wait_for(Some("/over-tls"), 1, Duration::from_secs(5))
        .await;
    let r = h
        .post(format!("{base}/api/allQueue"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("app_key=k&app_token=t")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = h.get(format!("{base}/ui")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("<html"));

    // The command line, trusting the CA.
    let ca_file = write(dir.path(), "ca.pem", &ca.pem());
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_htq"))
        .args(["queue", "list", "--server"])
        .arg(format!("https://127.0.0.1:{}", addr.port()))
        .arg("--ca-file")
        .arg(&ca_file)
        .env("HTQ_TOKEN", TOKEN)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).starts_with("tls "),
        "{out:?}"
    );

    // Plaintext gets no answer.
    let plain = reqwest::Client::new()
        .get(format!("http://{addr}/healthz"))
        .timeout(Duration::from_secs(3))
        .send()
        .await;
    assert!(plain.is_err(), "{plain:?}");
    // A client that does not trust the CA is refused.
    let untrusted = reqwest::Client::new()
        .get(format!("https://{addr}/healthz"))
        .send()
        .await;
    assert!(untrusted.is_err());

    // A renewed certificate is served to new connections, no restart.
    assert_eq!(served_cn(addr, &ca.pem()).await, "htq one");
    let (cert2, key2) = ca.leaf(&["localhost", "127.0.0.1"], "htq two");
    std::fs::write(&key_file, key2).unwrap();
    std::fs::write(&cert_file, cert2).unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while served_cn(addr, &ca.pem()).await != "htq two" {
        assert!(tokio::time::Instant::now() < deadline, "never reloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A broken file keeps the last good certificate.
    std::fs::write(&cert_file, "not a certificate").unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(served_cn(addr, &ca.pem()).await, "htq two");
    server.stop().await.unwrap();
}

#[tokio::test]
async fn client_certificates_are_required_when_a_client_ca_is_set() {
    let redis = TestRedis::start();
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let clients = Ca::new();
    let (cert, key) = ca.leaf(&["localhost"], "htq one");
    let mut cfg = test_config(&redis);
    cfg.data_dir = dir.path().join("data");
    cfg.tls = Some(TlsFiles {
        cert: write(dir.path(), "cert.pem", &cert),
        key: write(dir.path(), "key.pem", &key),
        client_ca: Some(write(dir.path(), "clients.pem", &clients.pem())),
    });
    let server = Server::start(cfg).await.unwrap();
    let base = format!("https://localhost:{}", server.addr().port());
    let (ccert, ckey) = clients.leaf(&["client"], "a client");
    let (other_cert, other_key) = ca.leaf(&["client"], "not from the client CA");

    let ok = https(&ca.pem(), Some((&ccert, &ckey)))
        .get(format!("{base}/v1/queues"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    // The token is still needed.
    let no_token = https(&ca.pem(), Some((&ccert, &ckey)))
        .get(format!("{base}/v1/queues"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 401);
    for client in [
        https(&ca.pem(), None),
        https(&ca.pem(), Some((&other_cert, &other_key))),
    ] {
        let r = client
            .get(format!("{base}/v1/queues"))
            .bearer_auth(TOKEN)
            .send()
            .await;
        assert!(r.is_err(), "{r:?}");
    }
    // gRPC with the client certificate.
    let channel = tls_channel(server.addr(), &ca.pem(), Some((&ccert, &ckey))).await;
    let mut c = pb::htq_service_client::HtqServiceClient::new(channel);
    let mut req = tonic::Request::new(pb::ListQueuesRequest::default());
    req.metadata_mut()
        .insert("authorization", format!("Bearer {TOKEN}").parse().unwrap());
    c.list_queues(req).await.unwrap();
    server.stop().await.unwrap();
}

#[test]
fn mismatched_or_missing_tls_files_stop_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let (cert, _) = ca.leaf(&["localhost"], "htq one");
    let (_, other_key) = ca.leaf(&["localhost"], "htq two");
    let files = TlsFiles {
        cert: write(dir.path(), "cert.pem", &cert),
        key: write(dir.path(), "key.pem", &other_key),
        client_ca: None,
    };
    let err = htq::api::tls::Tls::load(files.clone()).err().unwrap();
    assert!(
        format!("{err:#}").contains("do not make a certificate"),
        "{err:#}"
    );
    let missing = TlsFiles {
        key: dir.path().join("nope.pem"),
        ..files
    };
    let err = htq::api::tls::Tls::load(missing).err().unwrap();
    assert!(format!("{err:#}").contains("nope.pem"), "{err:#}");
}

/// A redis-server that speaks only TLS, with the user `htq` (password `pw`) and no
/// default user; killed on drop.
struct TlsRedis {
    child: std::process::Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for TlsRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tls_redis(ca: &Ca) -> TlsRedis {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = ca.leaf(&["localhost", "127.0.0.1"], "redis");
    let port = free_port();
    let child = std::process::Command::new("redis-server")
        .args([
            "--port",
            "0",
            "--tls-port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .arg("--tls-cert-file")
        .arg(write(dir.path(), "redis.crt", &cert))
        .arg("--tls-key-file")
        .arg(write(dir.path(), "redis.key", &key))
        .arg("--tls-ca-cert-file")
        .arg(write(dir.path(), "ca.crt", &ca.pem()))
        .args([
            "--tls-auth-clients",
            "no",
            "--save",
            "",
            "--appendonly",
            "yes",
        ])
        .args(["--user", "default", "off"])
        .args(["--user", "htq", "on", ">pw", "~*", "&*", "+@all"])
        .arg("--dir")
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "redis-server over TLS did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    TlsRedis {
        child,
        port,
        _dir: dir,
    }
}

#[tokio::test]
async fn redis_over_tls_with_a_user_and_password() {
    let ca = Ca::new();
    let redis = tls_redis(&ca);
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let ca_file = write(dir.path(), "ca.pem", &ca.pem());
    let config = |url: String| {
        let mut cfg = htq::config::Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            redis_url: Some(url),
            redis_ca_file: Some(ca_file.clone()),
            tokens: vec![TOKEN.into()],
            ..Default::default()
        };
        cfg.data_dir = dir.path().join("data");
        cfg
    };
    let server = Server::start(config(format!("rediss://htq:pw@localhost:{}/", redis.port)))
        .await
        .unwrap();
    let mut c = client(server.addr(), Some(TOKEN)).await;
    create_queue(&mut c, "over-tls", |_| {}).await;
    push_get(&mut c, "over-tls", &sink.url("/r")).await;
    sink.wait_for(Some("/r"), 1, Duration::from_secs(5)).await;
    server.stop().await.unwrap();

    // A wrong password, or plaintext to the TLS port, is refused at start, and the
    // error does not show the password.
    for url in [
        format!("rediss://htq:wrong-pw-1@localhost:{}/", redis.port),
        format!("redis://htq:pw@localhost:{}/", redis.port),
    ] {
        let err = match Server::start(config(url)).await {
            Ok(_) => panic!("started against a Redis it cannot use"),
            Err(e) => format!("{e:#}"),
        };
        let shown = htq::telemetry::redact_urls(&err);
        assert!(shown.contains("cannot reach Redis"), "{shown}");
        assert!(!shown.contains("wrong-pw-1"), "{shown}");
    }
}
