//! Redis Sentinel: the store asks the sentinels which node is the master, connects
//! to it, and keeps asking; when they name another (a failover), it connects there
//! and drops the connections to the old one. Every call already made on the old
//! master fails and is retried by its caller like any Redis error.

use std::sync::{Arc, Weak};
use std::time::Duration;

use super::{Link, Store, StoreOptions};
use crate::error::{Error, Result};
use crate::metrics::Metrics;

/// How often the sentinels are asked for the master.
const ASK_EVERY: Duration = Duration::from_millis(500);

/// Where the sentinels are and what they watch.
#[derive(Clone, PartialEq, Eq)]
pub struct SentinelSpec {
    /// Each sentinel: `host:port`, or a `redis://` / `rediss://` URL.
    pub sentinels: Vec<String>,
    /// The name the sentinels know the master by.
    pub master: String,
    /// The master's URL but for its address: scheme (`redis`, `rediss`), user,
    /// password and database.
    pub template: String,
    /// For `rediss://`: the CA of the master's certificate (PEM).
    pub ca: Option<Vec<u8>>,
}

/// A sentinel's URL: `host:port` as plain Redis, or a whole `redis://` or
/// `rediss://` URL (with a password, for sentinels that want one).
fn sentinel_url(s: &str) -> String {
    if s.contains("://") {
        s.to_owned()
    } else {
        format!("redis://{s}/")
    }
}

impl std::fmt::Debug for SentinelSpec {
    /// Without the template, which may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentinelSpec")
            .field("sentinels", &self.sentinels)
            .field("master", &self.master)
            .finish_non_exhaustive()
    }
}

impl SentinelSpec {
    /// Asks the sentinels, in turn, `SENTINEL <what> <master>`: the first answer,
    /// or why none came.
    async fn ask<T: redis::FromRedisValue>(&self, what: &str) -> Result<T> {
        let mut last = String::from("no sentinel given");
        for s in &self.sentinels {
            let asked = async {
                let client = redis::Client::open(sentinel_url(s))?;
                let mut conn = client.get_multiplexed_async_connection().await?;
                redis::cmd("SENTINEL")
                    .arg(what)
                    .arg(&self.master)
                    .query_async::<T>(&mut conn)
                    .await
            };
            match tokio::time::timeout(Duration::from_secs(2), asked).await {
                Ok(Ok(v)) => return Ok(v),
                Ok(Err(e)) => last = format!("sentinel {s}: {e}"),
                Err(_) => last = format!("sentinel {s} did not answer"),
            }
        }
        Err(Error::Storage(last))
    }

    /// The master's address, as the first sentinel that answers names it.
    async fn master_addr(&self) -> Result<String> {
        match self
            .ask::<Option<(String, u16)>>("get-master-addr-by-name")
            .await?
        {
            Some((host, port)) if host.contains(':') => Ok(format!("[{host}]:{port}")),
            Some((host, port)) => Ok(format!("{host}:{port}")),
            None => Err(Error::Storage(format!(
                "the sentinels know no master {:?}",
                self.master
            ))),
        }
    }

    /// `host:port` of the replicas of the master, as the first sentinel that
    /// answers lists them (the nodes a failover may make master).
    async fn replica_addrs(&self) -> Vec<String> {
        let replicas: Vec<std::collections::HashMap<String, String>> =
            self.ask("replicas").await.unwrap_or_default();
        replicas
            .iter()
            .filter_map(|r| Some(format!("{}:{}", r.get("ip")?, r.get("port")?)))
            .collect()
    }

    /// The URLs of every node of the group as the sentinels know it now: the
    /// sentinels, the master and its replicas (what tasks must not reach).
    pub async fn node_urls(&self) -> Vec<String> {
        let mut urls: Vec<String> = self.sentinels.iter().map(|s| sentinel_url(s)).collect();
        if let Ok(master) = self.master_addr().await {
            urls.push(format!("redis://{master}/"));
        }
        for r in self.replica_addrs().await {
            urls.push(format!("redis://{r}/"));
        }
        urls
    }

    /// A client for the master at `addr`.
    fn client(&self, addr: &str) -> Result<redis::Client> {
        super::node_client(&with_address(&self.template, addr)?, self.ca.as_deref())
    }
}

/// `template` (a Redis URL whose scheme, user, password and database count; its
/// host may be left out, as in `redis://user:pw@/0`) with the address `addr`
/// (`host:port`).
pub(super) fn with_address(template: &str, addr: &str) -> Result<String> {
    // The template's host is replaced anyway, so any placeholder does.
    let template = match template.split_once("://") {
        Some((scheme, rest)) => {
            let authority = rest.split('/').next().unwrap_or("");
            if authority.is_empty() || authority.ends_with('@') {
                format!(
                    "{scheme}://{authority}localhost{}",
                    &rest[authority.len()..]
                )
            } else {
                template.to_owned()
            }
        }
        None => template.to_owned(),
    };
    let mut url =
        url::Url::parse(&template).map_err(|e| Error::Storage(format!("bad Redis URL: {e}")))?;
    let (host, port) = addr.rsplit_once(':').unwrap_or((addr, "6379"));
    let bad = |e: String| Error::Storage(format!("bad Redis address {addr}: {e}"));
    url.set_host(Some(host.trim_start_matches('[').trim_end_matches(']')))
        .map_err(|e| bad(e.to_string()))?;
    url.set_port(Some(port.parse().map_err(|_| bad("port".into()))?))
        .map_err(|_| bad("port".into()))?;
    Ok(url.into())
}

impl Store {
    /// Opens the store on the master `spec`'s sentinels name, and follows it
    /// through failovers.
    pub async fn connect_sentinel(
        spec: SentinelSpec,
        prefix: &str,
        opts: StoreOptions,
        metrics: Arc<Metrics>,
    ) -> Result<Self> {
        let addr = spec.master_addr().await?;
        let mut store =
            Self::open(Link::new(spec.client(&addr)?).await?, prefix, opts, metrics).await?;
        store.sentinel = true;
        let link = Arc::downgrade(&store.link);
        let told = [store.trouble.clone(), store.moved.clone()];
        tokio::spawn(follow(link, told, spec, addr));
        Ok(store)
    }
}

/// Asks the sentinels for the master until the store is gone; connects to a new
/// one when they name it, then tells whoever waits on the store's trouble.
async fn follow(
    link: Weak<std::sync::RwLock<Arc<Link>>>,
    told: [Arc<tokio::sync::Notify>; 2],
    spec: SentinelSpec,
    mut current: String,
) {
    loop {
        tokio::time::sleep(ASK_EVERY).await;
        if link.strong_count() == 0 {
            return;
        }
        let addr = match spec.master_addr().await {
            Ok(a) if a != current => a,
            Ok(_) => continue,
            Err(e) => {
                tracing::debug!(error = %e, "cannot ask the sentinels for the master");
                continue;
            }
        };
        // Only a node that says it is the master (a sentinel may lag behind).
        let linked = async {
            let client = spec.client(&addr)?;
            let mut conn = client.get_multiplexed_async_connection().await?;
            let role: Vec<redis::Value> = redis::cmd("ROLE").query_async(&mut conn).await?;
            match role.first() {
                Some(redis::Value::BulkString(r)) if r == b"master" => Link::new(client).await,
                _ => Err(Error::Storage(format!("{addr} is not a master yet"))),
            }
        };
        match linked.await {
            Ok(new) => {
                let Some(link) = link.upgrade() else { return };
                *link.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(new);
                tracing::warn!(from = %current, to = %addr, "Redis master changed (Sentinel); connected to the new one");
                current = addr;
                for t in &told {
                    t.notify_waiters();
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, master = %addr, "cannot connect to the new Redis master")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_master_address_goes_in_the_template() {
        for template in [
            "redis://htq:secret@/0",
            "redis://htq:secret@ignored:1/0",
            "redis://",
        ] {
            let spec = SentinelSpec {
                sentinels: vec![],
                master: "m".into(),
                template: template.into(),
                ca: None,
            };
            let client = spec.client("10.1.2.3:6380").unwrap();
            let info = client.get_connection_info();
            assert_eq!(info.addr().to_string(), "10.1.2.3:6380", "{template}");
        }
    }
}
