//! The command connection pool: bb8 over self-healing connections to one Redis or
//! to a Redis Cluster.
//!
//! On one Redis, a pooled connection is a redis-rs `ConnectionManager`: a
//! multiplexed connection that reconnects by itself after Redis restarts or the
//! socket drops, so a pooled connection never stays dead (a plain
//! `MultiplexedConnection` would, since the pool cannot tell it broke). On a
//! cluster it is redis-rs's async `ClusterConnection`: one connection per master,
//! each command routed by its key's slot, MOVED and ASK followed, the slot map
//! refreshed when it changes. Response timeouts are set here: long enough for a
//! 1,000-task batch, short enough that a hung Redis surfaces as an error.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::cluster::ClusterClient;
use redis::cluster_async::ClusterConnection;
use redis::{Cmd, Pipeline, RedisFuture, Value};

/// How long one command may wait for its reply.
pub(super) const RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one connection attempt may take.
pub(super) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// What the store connects to.
#[derive(Clone)]
pub enum Target {
    /// One Redis (or the master Sentinel names).
    Single(Box<redis::Client>),
    /// A Redis Cluster, by its seed nodes.
    Cluster(Box<ClusterClient>),
}

/// A connection of any kind.
#[derive(Clone)]
pub enum Conn {
    /// To one Redis (pooled: reconnects by itself).
    Single(ConnectionManager),
    /// To one Redis, for a reader of its own: fails for good when the socket
    /// drops, so its user starts over.
    Direct(redis::aio::MultiplexedConnection),
    /// To a Redis Cluster.
    Cluster(ClusterConnection),
}

impl redis::aio::ConnectionLike for Conn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Conn::Single(c) => c.req_packed_command(cmd),
            Conn::Direct(c) => c.req_packed_command(cmd),
            Conn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        cmd: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Conn::Single(c) => c.req_packed_commands(cmd, offset, count),
            Conn::Direct(c) => c.req_packed_commands(cmd, offset, count),
            Conn::Cluster(c) => c.req_packed_commands(cmd, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Conn::Single(c) => c.get_db(),
            Conn::Direct(c) => c.get_db(),
            Conn::Cluster(c) => c.get_db(),
        }
    }
}

/// Makes self-healing Redis connections for bb8.
pub struct Manager {
    target: Target,
}

impl Manager {
    /// Connections to `target`.
    pub fn new(target: Target) -> Self {
        Manager { target }
    }
}

impl bb8::ManageConnection for Manager {
    type Connection = Conn;
    type Error = redis::RedisError;

    async fn connect(&self) -> Result<Self::Connection, Self::Error> {
        match &self.target {
            Target::Single(client) => {
                let config = ConnectionManagerConfig::new()
                    .set_response_timeout(Some(RESPONSE_TIMEOUT))
                    .set_connection_timeout(Some(CONNECT_TIMEOUT))
                    .set_number_of_retries(3)
                    .set_max_delay(Duration::from_secs(1));
                Ok(Conn::Single(
                    ConnectionManager::new_with_config((**client).clone(), config).await?,
                ))
            }
            Target::Cluster(client) => Ok(Conn::Cluster(client.get_async_connection().await?)),
        }
    }

    async fn is_valid(&self, conn: &mut Self::Connection) -> Result<(), Self::Error> {
        redis::cmd("PING")
            .query_async::<Value>(conn)
            .await
            .map(|_| ())
    }

    fn has_broken(&self, _: &mut Self::Connection) -> bool {
        // Both kinds reconnect by themselves; nothing to throw away.
        false
    }
}
