//! The command connection pool: bb8 over redis-rs `ConnectionManager`s.
//!
//! A `ConnectionManager` is a multiplexed connection that reconnects by itself after
//! Redis restarts or the socket drops, so a pooled connection never stays dead (a
//! plain `MultiplexedConnection` would, since the pool cannot tell it broke). Its
//! response timeout is set here: long enough for a 1,000-task batch, short enough
//! that a hung Redis surfaces as an error.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// How long one command may wait for its reply.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one connection attempt may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Makes self-healing Redis connections for bb8.
pub struct Manager {
    client: redis::Client,
}

impl Manager {
    /// Connections to `client`'s server.
    pub fn new(client: redis::Client) -> Self {
        Manager { client }
    }
}

impl bb8::ManageConnection for Manager {
    type Connection = ConnectionManager;
    type Error = redis::RedisError;

    async fn connect(&self) -> Result<Self::Connection, Self::Error> {
        let config = ConnectionManagerConfig::new()
            .set_response_timeout(Some(RESPONSE_TIMEOUT))
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_number_of_retries(3)
            .set_max_delay(Duration::from_secs(1));
        ConnectionManager::new_with_config(self.client.clone(), config).await
    }

    async fn is_valid(&self, conn: &mut Self::Connection) -> Result<(), Self::Error> {
        redis::cmd("PING")
            .query_async::<String>(conn)
            .await
            .map(|_| ())
    }

    fn has_broken(&self, _: &mut Self::Connection) -> bool {
        // It reconnects by itself; nothing to throw away.
        false
    }
}
