//! One reader of the event streams per process, for every watch in it.
//!
//! A watch subscribes to the streams of its queues. The hub reads each subscribed
//! stream once, on one blocking connection (XREAD BLOCK over all of them), and keeps
//! the latest events of each in memory; every watch takes what it has not seen from
//! there. A watch whose position is older than what the hub holds (it resumes from
//! a cursor, or fell behind) reads the missing part itself, without blocking, on the
//! hub's one shared connection for such reads. So a process uses two Redis
//! connections for all its watches, and Redis reads each stream once per change,
//! however many watch it.
//!
//! Each read also takes Redis's clock before it starts; a stream's clock is that of
//! the last read of it that was not cut short, so every event older than the clock
//! has been read (see `core::watch` for why the watches need it).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use crate::error::{Error, Result};
use crate::model::Event;
use crate::store::{Conn, Store, StreamId};

/// Events the hub keeps per stream.
const KEEP: usize = 2000;
/// Entries read per stream per read.
const READ_COUNT: usize = 200;
/// On a cluster, where reads do not block: the pause after a read that found
/// nothing (a new stream is read at once all the same).
const POLL: Duration = Duration::from_millis(100);
/// On a cluster: how long reads may keep failing (a master failing over, its
/// replica taking its slots) before the watches end.
const RIDE_OUT: Duration = Duration::from_secs(15);
/// Longest blocking read. Only idle time: the reader reads again at once after
/// events, and is woken when a stream is added. A blocking read over many streams
/// costs Redis in proportion to their number, so it is long; but well within the
/// reader connection's reply timeout (10 s, see [`Store::dedicated`]), which an
/// idle read must not run into.
const BLOCK_MS: u64 = 5_000;

/// What the hub holds of one stream.
struct Feed {
    key: String,
    /// Tells this feed from an earlier one of the same stream.
    generation: u64,
    /// Watches subscribed.
    users: usize,
    /// The hub holds every event after `base` up to `last` (entry ids).
    base: StreamId,
    last: StreamId,
    /// Those events with their entry ids, in stream order.
    events: VecDeque<(StreamId, Event)>,
    /// Redis's clock before the last read of this stream not cut short.
    clock: u64,
    /// The read failed: the watches of this stream end with this error.
    broken: Option<Error>,
}

#[derive(Default)]
struct State {
    feeds: HashMap<String, Feed>,
    /// The reader's Redis client id, to wake it from a blocking read when the set of
    /// streams changes.
    reader_id: Option<i64>,
    running: bool,
    generations: u64,
}

/// The hub of one process.
pub(crate) struct Hub {
    store: Store,
    state: Mutex<State>,
    /// Bumped after each read.
    reads: watch::Sender<u64>,
    /// The connection for watches' own reads (never blocking), made on first use.
    side: tokio::sync::OnceCell<Conn>,
    /// The last list of queue names, with Redis's clock just before it was read
    /// and when it was read here, shared by the watches of every queue.
    names: tokio::sync::Mutex<Option<Listing>>,
    /// CLIENT ID or CLIENT UNBLOCK failed (a Redis that renames or forbids them):
    /// the reader then blocks for a second at most, so new streams wait no longer.
    no_unblock: std::sync::atomic::AtomicBool,
    /// On a cluster: wakes the reader from its pause (a new stream to read).
    added: tokio::sync::Notify,
    /// On a cluster: since when the watches' own reads have been failing.
    side_failing: Mutex<Option<tokio::time::Instant>>,
}

/// A list of queue names: Redis's clock before it, the names, when it was read.
type Listing = (u64, Arc<Vec<String>>, std::time::Instant);

impl Hub {
    pub(crate) fn new(store: Store) -> Arc<Hub> {
        Arc::new(Hub {
            store,
            state: Mutex::default(),
            reads: watch::channel(0).0,
            side: tokio::sync::OnceCell::new(),
            names: tokio::sync::Mutex::new(None),
            no_unblock: std::sync::atomic::AtomicBool::new(false),
            added: tokio::sync::Notify::new(),
            side_failing: Mutex::new(None),
        })
    }

    /// Every queue name, sorted, with Redis's clock just before they were listed;
    /// a list younger than `fresh` is shared rather than read again.
    pub(crate) async fn queue_names(&self, fresh: Duration) -> Result<(u64, Arc<Vec<String>>)> {
        let mut names = self.names.lock().await;
        if let Some((clock, list, at)) = names.as_ref()
            && at.elapsed() < fresh
        {
            return Ok((*clock, list.clone()));
        }
        let clock = self.store.clock_ms().await?;
        let list = Arc::new(self.store.served_names().await?);
        *names = Some((clock, list.clone(), std::time::Instant::now()));
        Ok((clock, list))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The shared connection for non-blocking reads.
    pub(crate) async fn side(&self) -> Result<Conn> {
        self.side
            .get_or_try_init(|| self.store.dedicated())
            .await
            .cloned()
    }

    /// Subscribes to the streams of `items` (queue, stream key, position); a new
    /// feed starts after its position. Returns each subscription, for
    /// [`Hub::unsubscribe`]. The reader is woken once, whatever the number.
    pub(crate) async fn subscribe(
        self: &Arc<Self>,
        items: &[(String, String, StreamId)],
    ) -> Vec<u64> {
        let (start, fresh, wake, generations) = {
            let mut st = self.lock();
            let mut fresh = false;
            let mut generations = Vec::with_capacity(items.len());
            for (q, key, from) in items {
                match st.feeds.get_mut(q) {
                    Some(f) if f.broken.is_none() => {
                        f.users += 1;
                        generations.push(f.generation);
                    }
                    _ => {
                        st.generations += 1;
                        let generation = st.generations;
                        st.feeds.insert(
                            q.clone(),
                            Feed {
                                key: key.clone(),
                                generation,
                                users: 1,
                                base: *from,
                                last: *from,
                                events: VecDeque::new(),
                                clock: 0,
                                broken: None,
                            },
                        );
                        generations.push(generation);
                        fresh = true;
                    }
                }
            }
            let start = !st.running;
            st.running = true;
            let wake = if fresh { st.reader_id } else { None };
            (start, fresh, wake, generations)
        };
        if fresh {
            self.added.notify_one();
        }
        if start {
            tokio::spawn(self.clone().run());
        }
        if let Some(id) = wake {
            self.unblock(id).await;
        }
        generations
    }

    /// Ends subscription `generation` to `q`.
    pub(crate) fn unsubscribe(&self, q: &str, generation: u64) {
        let mut st = self.lock();
        if let Some(f) = st.feeds.get_mut(q).filter(|f| f.generation == generation) {
            f.users = f.users.saturating_sub(1);
            if f.users == 0 {
                st.feeds.remove(q);
            }
        }
    }

    /// A watch's own read failed on a cluster: true while the failures have lasted
    /// less than [`RIDE_OUT`].
    fn ride_out(&self) -> bool {
        let mut since = self.side_failing.lock().unwrap_or_else(|e| e.into_inner());
        since
            .get_or_insert_with(tokio::time::Instant::now)
            .elapsed()
            < RIDE_OUT
    }

    /// Wakes the reader from a blocking read (a new stream to read).
    async fn unblock(&self, id: i64) {
        if let Ok(mut c) = self.side().await {
            let r: redis::RedisResult<i64> = redis::cmd("CLIENT")
                .arg("UNBLOCK")
                .arg(id)
                .query_async(&mut c)
                .await;
            if r.is_err() {
                self.no_unblock.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Events after each position of `list` (queue, stream key, position), at most
    /// `count` entries per stream, waiting up to `block_ms` for any; with the clock
    /// below which every event of these streams has been read.
    pub(crate) async fn read(
        &self,
        list: &[(String, String, StreamId)],
        block_ms: u64,
        count: usize,
    ) -> Result<(Vec<Event>, u64)> {
        let mut seen = self.reads.subscribe();
        let deadline = tokio::time::Instant::now() + Duration::from_millis(block_ms);
        loop {
            seen.borrow_and_update();
            let mut out = Vec::new();
            let mut clock = u64::MAX;
            let mut direct = Vec::new();
            {
                let st = self.lock();
                for (q, key, after) in list {
                    let Some(f) = st.feeds.get(q) else {
                        direct.push((q.clone(), key.clone(), *after));
                        continue;
                    };
                    if let Some(e) = &f.broken {
                        return Err(e.clone());
                    }
                    if *after < f.base {
                        direct.push((q.clone(), key.clone(), *after));
                        continue;
                    }
                    clock = clock.min(f.clock);
                    let mut entries = 0;
                    let mut prev = None;
                    let first = f.events.partition_point(|(id, _)| id <= after);
                    for (id, e) in f.events.range(first..) {
                        let id = *id;
                        if prev != Some(id) {
                            if entries == count {
                                break;
                            }
                            entries += 1;
                            prev = Some(id);
                        }
                        out.push(e.clone());
                    }
                }
            }
            if !direct.is_empty() {
                let mut side = self.side().await?;
                match self.store.read_events(&mut side, &direct, 0, count).await {
                    Ok((events, c)) => {
                        *self.side_failing.lock().unwrap_or_else(|e| e.into_inner()) = None;
                        out.extend(events);
                        clock = clock.min(c);
                    }
                    Err(e) if self.store.is_cluster() && self.ride_out() => {
                        // As the reader does (see RIDE_OUT): nothing handed out
                        // meanwhile, the watch's position holds.
                        tracing::debug!(error = %e, "cluster watch read failed; trying again");
                        tokio::time::sleep(POLL * 5).await;
                        return Ok((Vec::new(), 0));
                    }
                    Err(e) => return Err(e),
                }
            }
            if clock == u64::MAX {
                clock = 0;
            }
            let now = tokio::time::Instant::now();
            if !out.is_empty() || now >= deadline {
                return Ok((out, clock));
            }
            // Nothing yet: wait for the hub's next read.
            if tokio::time::timeout_at(deadline, seen.changed())
                .await
                .is_err()
            {
                continue; // one last look at the deadline
            }
        }
    }

    /// The reader: reads every subscribed stream, until none is left.
    async fn run(self: Arc<Self>) {
        let mut conn: Option<Conn> = None;
        let mut block = BLOCK_MS;
        // On a cluster: since when reads have been failing.
        let mut failing: Option<tokio::time::Instant> = None;
        loop {
            let list: Vec<(String, String, StreamId)> = {
                let mut st = self.lock();
                let list: Vec<_> = st
                    .feeds
                    .iter()
                    .filter(|(_, f)| f.broken.is_none())
                    .map(|(q, f)| (q.clone(), f.key.clone(), f.last))
                    .collect();
                if list.is_empty() {
                    st.running = false;
                    st.reader_id = None;
                    return;
                }
                list
            };
            if conn.is_none() {
                match self.connect().await {
                    Ok(c) => conn = Some(c),
                    Err(e) => {
                        self.fail(&list, e);
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                }
            }
            let Some(c) = conn.as_mut() else { continue };
            match self.store.read_events(c, &list, block, READ_COUNT).await {
                Ok((events, clock)) if self.store.is_cluster() => {
                    failing = None;
                    let got = !events.is_empty();
                    self.take(&list, events, clock);
                    self.reads.send_modify(|n| *n += 1);
                    // Reads do not block there: pause when there was nothing.
                    let pause = if got { Duration::from_millis(1) } else { POLL };
                    let _ = tokio::time::timeout(pause, self.added.notified()).await;
                    continue;
                }
                Ok((events, clock)) => {
                    let got = !events.is_empty();
                    self.take(&list, events, clock);
                    // After events, let the clock pass their millisecond, then look
                    // again without blocking, so their clock follows at once.
                    block = if got {
                        tokio::time::sleep(Duration::from_millis(1)).await;
                        0
                    } else if self.no_unblock.load(Ordering::Relaxed) {
                        1000
                    } else {
                        BLOCK_MS
                    };
                }
                Err(e) if e.to_string().contains("UNBLOCKED") => block = 0,
                Err(e)
                    if self.store.is_cluster()
                        && failing
                            .get_or_insert_with(tokio::time::Instant::now)
                            .elapsed()
                            < RIDE_OUT =>
                {
                    // The watches wait (their positions hold) while the cluster
                    // moves the slots of a master that failed.
                    tracing::debug!(error = %e, "cluster watch read failed; trying again");
                    tokio::time::sleep(POLL * 5).await;
                    continue;
                }
                Err(e) => {
                    failing = None;
                    tracing::warn!(error = %e, "watch reader failed; its watches end");
                    conn = None;
                    self.fail(&list, e);
                }
            }
            self.reads.send_modify(|n| *n += 1);
        }
    }

    /// A connection for the reader, its client id noted for [`Hub::unblock`].
    async fn connect(&self) -> Result<Conn> {
        let mut c = self.store.dedicated().await?;
        if self.store.is_cluster() {
            return Ok(c);
        }
        let id: redis::RedisResult<i64> = redis::cmd("CLIENT").arg("ID").query_async(&mut c).await;
        if id.is_err() {
            self.no_unblock.store(true, Ordering::Relaxed);
        }
        self.lock().reader_id = id.ok();
        Ok(c)
    }

    /// Adds what one read brought to the feeds it read.
    fn take(&self, list: &[(String, String, StreamId)], events: Vec<Event>, clock: u64) {
        let mut st = self.lock();
        let mut entries: HashMap<String, (usize, Option<StreamId>)> = HashMap::new();
        for e in events {
            let Some(id) = StreamId::parse(&e.id) else {
                continue;
            };
            let n = entries.entry(e.queue.clone()).or_default();
            if n.1 != Some(id) {
                n.0 += 1;
                n.1 = Some(id);
            }
            // Every event of the read is after the position it was read from
            // (`last` moves below), unless the feed was made anew meanwhile.
            if let Some(f) = st.feeds.get_mut(&e.queue)
                && id > f.last
            {
                f.events.push_back((id, e));
            }
        }
        for (q, _, _) in list {
            let Some(f) = st.feeds.get_mut(q) else {
                continue;
            };
            let (n, last) = entries.get(q.as_str()).copied().unwrap_or_default();
            if let Some(last) = last {
                f.last = f.last.max(last);
            }
            // A read cut short may not hold everything older than the clock.
            if n < READ_COUNT {
                f.clock = f.clock.max(clock);
            }
            while f.events.len() > KEEP {
                let Some((id, _)) = f.events.pop_front() else {
                    break;
                };
                // Whole entries only: the base is an entry fully dropped.
                while f.events.front().is_some_and(|(next, _)| *next == id) {
                    f.events.pop_front();
                }
                f.base = f.base.max(id);
            }
        }
    }

    /// Marks the feeds of `list` broken by `e`.
    fn fail(&self, list: &[(String, String, StreamId)], e: Error) {
        let mut st = self.lock();
        for (q, _, _) in list {
            if let Some(f) = st.feeds.get_mut(q) {
                f.broken = Some(e.clone());
            }
        }
    }
}
