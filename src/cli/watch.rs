//! `htq watch` (a queue's events as they happen) and `htq stats` (its task counts).

use htq::api::pb::{self, watch_queue_response::Item};

use super::conn::{Conn, connect};
use super::output::{counts_line, event_line, gap_line, show};

/// Prints the events of `queue` (every queue's if none) after `cursor`, until the
/// stream ends or `count` events were printed.
pub async fn watch(
    conn: &Conn,
    queue: Option<String>,
    cursor: Option<String>,
    count: Option<usize>,
) -> anyhow::Result<()> {
    let mut stream = connect(conn)
        .await?
        .watch_queue(pb::WatchQueueRequest {
            queue: queue.unwrap_or_default(),
            cursor: cursor.unwrap_or_default(),
            ..Default::default()
        })
        .await?
        .into_inner();
    let mut seen = 0;
    while let Some(item) = stream.message().await? {
        match item.item {
            Some(Item::Event(e)) => {
                show(conn.json, &e, event_line);
                seen += 1;
                if count.is_some_and(|c| seen >= c) {
                    break;
                }
            }
            Some(Item::Gap(g)) => show(conn.json, &g, gap_line),
            _ => {}
        }
    }
    Ok(())
}

/// Prints `queue`'s task counts by state.
pub async fn stats(conn: &Conn, queue: String) -> anyhow::Result<()> {
    let c = connect(conn)
        .await?
        .count_tasks(pb::CountTasksRequest {
            queue: queue.clone(),
        })
        .await?
        .into_inner();
    show(conn.json, &c, |c| counts_line(&queue, c));
    Ok(())
}
