//! WatchQueue: a queue's events (or every queue's) as they happen, from now or from
//! a cursor, with stats snapshots.
//!
//! Each watcher takes its events from the process's one stream reader (the hub,
//! `core::watch_hub`), at its own pace, and hands items to its client through a
//! small bounded channel. A slow client therefore slows only its own watch: what it
//! has not taken waits in the hub, or in Redis once the hub has let it go (the
//! watcher then reads it itself). If it falls so far behind that the capped stream
//! drops events it has not read, it gets a gap message saying so (with a cursor to
//! go on from), never a silent hole.
//!
//! Watching every queue merges the queues' streams in (id, queue) order. An event is
//! handed out only once Redis's clock has moved past its millisecond and no stream
//! read was cut short before it, so no event can later turn up in front of one
//! already sent; a cursor `id/queue` then resumes every stream at that point.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use super::{Htq, validate};
use crate::error::{Error, Result};
use crate::model::{Event, EventKind, Partition, TaskCounts, now_ms};
use crate::store::{Store, StreamId};

/// Events read per stream per call.
const READ_COUNT: usize = 200;
/// After a round of stats snapshots, the pause before the next is at least this
/// many times the round's length.
const STATS_PAUSE: u32 = 4;

/// Items buffered towards one client.
const CHANNEL: usize = 64;
/// How often a watch of every queue looks for new queues. Events of every queue are
/// handed out only up to the last look (see `listed_at`), so this bounds their delay.
const REFRESH: Duration = Duration::from_millis(500);
/// Longest single blocking read (the watcher checks its client in between).
const BLOCK_MS: u64 = 1000;

/// What to watch.
#[derive(Debug, Clone, Default)]
pub struct WatchSpec {
    /// One queue, or every queue.
    pub queue: Option<String>,
    /// Resume after this cursor.
    pub cursor: Option<String>,
    /// Only these kinds (empty: all).
    pub kinds: Vec<EventKind>,
    /// Only this task's events.
    pub task_id: Option<String>,
    /// Stats snapshots this often.
    pub stats_every: Option<Duration>,
    /// Who asked (the API token's number), for the per-token cap.
    pub caller: Option<u64>,
    /// Of every queue, only those this lets through (None: all).
    pub only: Option<QueueFilter>,
}

/// Which queues a watch of every queue follows.
#[derive(Clone)]
pub struct QueueFilter(pub Arc<dyn Fn(&str) -> bool + Send + Sync>);

impl std::fmt::Debug for QueueFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QueueFilter")
    }
}

/// Open watches, in all and per caller.
#[derive(Debug, Default)]
pub(crate) struct Count {
    open: std::sync::Mutex<(usize, HashMap<u64, usize>)>,
}

/// One open watch in a [`Count`] and in the `watchers` gauge; counted out of both
/// when dropped.
struct Counted {
    count: std::sync::Arc<Count>,
    caller: Option<u64>,
    metrics: std::sync::Arc<crate::metrics::Metrics>,
}

impl Count {
    /// Counts a watch in, unless a cap is reached.
    fn open(
        self: &std::sync::Arc<Self>,
        caller: Option<u64>,
        (max, per_caller): (usize, usize),
        metrics: &std::sync::Arc<crate::metrics::Metrics>,
    ) -> Result<Counted> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.0 >= max {
            return Err(Error::ResourceExhausted(format!(
                "this server has {max} watches open, its limit; close one or try later"
            )));
        }
        if let Some(c) = caller {
            let mine = open.1.entry(c).or_default();
            if *mine >= per_caller {
                return Err(Error::ResourceExhausted(format!(
                    "this token has {per_caller} watches open, its limit; close one or try later"
                )));
            }
            *mine += 1;
        }
        open.0 += 1;
        metrics.watcher(1);
        Ok(Counted {
            count: self.clone(),
            caller,
            metrics: metrics.clone(),
        })
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.metrics.watcher(-1);
        let mut open = self.count.open.lock().unwrap_or_else(|e| e.into_inner());
        open.0 = open.0.saturating_sub(1);
        if let Some(c) = self.caller
            && let Some(n) = open.1.get_mut(&c)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.1.remove(&c);
            }
        }
    }
}

/// One item of a watch.
#[derive(Debug, Clone, PartialEq)]
pub enum WatchItem {
    /// An event and the cursor that resumes after it.
    Event { cursor: String, event: Event },
    /// Events of `queue` after `from` are gone; the watch goes on after `resume`.
    Gap {
        queue: String,
        from: String,
        resume: String,
    },
    /// A snapshot of a queue.
    Stats(QueueSnapshot),
}

/// A queue's counts and rates at one time.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueSnapshot {
    pub queue: String,
    pub time_ms: i64,
    pub counts: TaskCounts,
    /// Requests started per second since the previous snapshot.
    pub dispatch_rate: f64,
    /// Failed attempts per second since the previous snapshot.
    pub error_rate: f64,
}

/// A position in one stream: an entry, and the event within it when the entry
/// groups several (see `emit_group` in the store's prelude).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pos {
    id: StreamId,
    part: Option<u32>,
}

impl Pos {
    fn parse(s: &str) -> Option<Pos> {
        let (id, part) = match s.split_once('.') {
            Some((id, part)) => (id, Some(part.parse().ok()?)),
            None => (s, None),
        };
        Some(Pos {
            id: StreamId::parse(id)?,
            part,
        })
    }

    /// The entry to read after so that this position's entry is read again when
    /// only part of it was handed out.
    fn read_after(self) -> StreamId {
        match self.part {
            Some(_) => self.id.prev(),
            None => self.id,
        }
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.part {
            Some(p) => write!(f, "{}.{p}", self.id),
            None => write!(f, "{}", self.id),
        }
    }
}

/// Where a watch starts.
enum Start {
    Now,
    /// One queue's cursor.
    After(Pos),
    /// Every queue: after (id, queue, part) in that order.
    AfterIn(Pos, String),
}

/// A queue name as it stands in a cursor of every queue: percent-encoded, so the
/// cursor stays ASCII (it travels in HTTP headers such as Last-Event-ID).
fn encode_queue(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

fn decode_queue(q: &str) -> String {
    form_urlencoded::parse(format!("q={q}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn parse_cursor(spec: &WatchSpec) -> Result<Start> {
    let Some(c) = spec.cursor.as_deref().filter(|c| !c.is_empty()) else {
        return Ok(Start::Now);
    };
    let bad = || Error::invalid("cursor", "not a cursor from this kind of watch");
    match (&spec.queue, c.split_once('/')) {
        (Some(_), None) => Pos::parse(c).map(Start::After).ok_or_else(bad),
        (None, Some((pos, q))) => {
            let pos = Pos::parse(pos).ok_or_else(bad)?;
            Ok(Start::AfterIn(pos, decode_queue(q)))
        }
        // A plain id also works for every queue: after that instant in each.
        (None, None) => Pos::parse(c)
            .map(|pos| Start::AfterIn(pos, String::new()))
            .ok_or_else(bad),
        (Some(_), Some(_)) => Err(bad()),
    }
}

impl Htq {
    /// Starts a watch; items arrive on the returned channel until the client drops
    /// it, the server stops, or Redis fails (a last `Err`).
    pub async fn watch(&self, mut spec: WatchSpec) -> Result<mpsc::Receiver<Result<WatchItem>>> {
        if let Some(q) = spec.queue.clone() {
            validate::name("queue", &q)?;
            if self.get_queue(&q).await?.partitions > 1 {
                // A partitioned queue is watched as every queue is, through the
                // queue's own stream and its partitions' (cursors name the stream).
                let only = spec.only.take();
                spec.only = Some(QueueFilter(std::sync::Arc::new(move |n: &str| {
                    Partition::queue_of(n) == q && only.as_ref().is_none_or(|f| (f.0)(n))
                })));
                spec.queue = None;
            }
        }
        if let Some(t) = &spec.task_id {
            validate::name("task_id", t)?;
        }
        if let Some(d) = spec.stats_every
            && d < Duration::from_millis(100)
        {
            return Err(Error::invalid("stats_interval", "must be at least 100 ms"));
        }
        let start = parse_cursor(&spec)?;
        let counted = self.watchers.open(
            spec.caller,
            (self.limits.max_watchers, self.limits.max_watchers_per_token),
            &self.metrics,
        )?;
        let conn = self.hub.side().await?;
        let (tx, rx) = mpsc::channel(CHANNEL);
        let mut watcher = Watcher {
            store: self.store.clone(),
            hub: self.hub.clone(),
            subscribed: HashMap::new(),
            conn,
            spec,
            tx,
            streams: BTreeMap::new(),
            buffer: BTreeMap::new(),
            skip: HashMap::new(),
            rates: HashMap::new(),
            listed_at: u64::MAX,
        };
        // Where each stream starts is fixed before the caller hears back: "now" is
        // when the watch was accepted, so an event of a push made after that is
        // never taken for an older one.
        watcher.add_queues(&start, true).await?;
        let closing = self.closing.clone();
        tokio::spawn(async move {
            let _counted = counted;
            let tx = watcher.tx.clone();
            tokio::select! {
                r = watcher.run(start) => {
                    if let Err(e) = r {
                        tracing::warn!(error = %e, "watch ended");
                        let _ = tx.send(Err(e)).await;
                    }
                }
                _ = closing.cancelled() => {}
            }
        });
        Ok(rx)
    }
}

struct Watcher {
    store: Store,
    hub: std::sync::Arc<super::watch_hub::Hub>,
    /// Queue -> its subscription to the hub.
    subscribed: HashMap<String, u64>,
    /// The hub's shared connection, for reads that never block.
    conn: crate::store::Conn,
    spec: WatchSpec,
    tx: mpsc::Sender<Result<WatchItem>>,
    /// Queue -> (stream key, last id read).
    streams: BTreeMap<String, (String, StreamId)>,
    /// Read, not yet handed out: (id, queue, part) -> event or gap.
    buffer: BTreeMap<(StreamId, String, Option<u32>), WatchItem>,
    /// Queue -> events of this entry up to this part were handed out before (a
    /// cursor in the middle of a grouped entry).
    skip: HashMap<String, (StreamId, u32)>,
    /// Queue -> (started, failed, when) at the previous snapshot.
    rates: HashMap<String, (u64, u64, Instant)>,
    /// Watching every queue: Redis's clock just before the queues were last listed.
    /// A queue missing from that list was created after it, so all its events come
    /// later: handing out only events older than this keeps the merge in order.
    listed_at: u64,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        for (q, g) in self.subscribed.drain() {
            self.hub.unsubscribe(&q, g);
        }
    }
}

impl Watcher {
    async fn run(mut self, start: Start) -> Result<()> {
        let all = self.spec.queue.is_none();
        let mut refreshed = Instant::now();
        // The first round of stats at the first pass of the loop.
        let mut next_stats = self.spec.stats_every.map(|_| Instant::now());
        // Set when this watcher may have fallen behind (a full read, or a client that
        // took long to take what was handed out): the capped streams are then checked
        // for events dropped before they were read, ahead of the next read.
        let mut behind = false;
        loop {
            if self.tx.is_closed() {
                return Ok(());
            }
            if all && refreshed.elapsed() >= REFRESH {
                self.add_queues(&start, false).await?;
                refreshed = Instant::now();
            }
            if let (Some(at), Some(every)) = (next_stats, self.spec.stats_every)
                && Instant::now() >= at
            {
                // A round that takes long (thousands of queues) is followed by a
                // pause of four times its length: snapshots take at most a fifth
                // of the time.
                let started = Instant::now();
                self.stats().await?;
                next_stats = Some(Instant::now() + every.max(started.elapsed() * STATS_PAUSE));
            }
            if std::mem::take(&mut behind) {
                let queues: Vec<String> = self.streams.keys().cloned().collect();
                for q in queues {
                    self.check_gap(&q).await?;
                }
            }
            let mut block = BLOCK_MS;
            if let Some(at) = next_stats {
                block = block.min(at.saturating_duration_since(Instant::now()).as_millis() as u64);
            }
            if all {
                block = block.min(REFRESH.as_millis() as u64);
            }
            if !self.buffer.is_empty() {
                // Items wait for the clock to pass their millisecond: let it, then
                // read without blocking.
                tokio::time::sleep(Duration::from_millis(1)).await;
                block = 0;
            } else {
                block = block.max(1);
            }
            // A stream with a full read's worth waiting in the buffer is not read
            // again until it drains (bounds memory while catching up).
            let mut waiting: HashMap<&str, usize> = HashMap::new();
            if self.buffer.len() >= READ_COUNT {
                for (_, q, _) in self.buffer.keys() {
                    *waiting.entry(q.as_str()).or_default() += 1;
                }
            }
            let list: Vec<(String, String, StreamId)> = self
                .streams
                .iter()
                .filter(|(q, _)| waiting.get(q.as_str()).copied().unwrap_or(0) < READ_COUNT)
                .map(|(q, (k, id))| (q.clone(), k.clone(), *id))
                .collect();
            if list.is_empty() {
                tokio::time::sleep(Duration::from_millis(block.max(1))).await;
                if self.streams.is_empty() {
                    continue;
                }
            }
            let (events, clock) = if list.is_empty() {
                (Vec::new(), self.store.clock_ms().await?)
            } else {
                self.hub.read(&list, block, READ_COUNT).await?
            };
            // Entries (not events: a grouped entry holds several) read per stream.
            let mut per_stream: HashMap<String, (usize, StreamId)> = HashMap::new();
            for e in events {
                let Some(id) = StreamId::parse(&e.id) else {
                    continue;
                };
                let entry = per_stream.entry(e.queue.clone()).or_default();
                if entry.1 != id || entry.0 == 0 {
                    entry.0 += 1;
                }
                entry.1 = entry.1.max(id);
                if let Some((_, last)) = self.streams.get_mut(&e.queue) {
                    *last = (*last).max(id);
                }
                if let (Some(part), Some((sid, upto))) = (e.part, self.skip.get(&e.queue))
                    && *sid == id
                    && part <= *upto
                {
                    continue;
                }
                let pos = Pos { id, part: e.part };
                let cursor = if all {
                    format!("{pos}/{}", encode_queue(&e.queue))
                } else {
                    pos.to_string()
                };
                let at = (id, e.queue.clone(), e.part);
                let mut event = e;
                if let Some(p) = Partition::of(&event.queue) {
                    event.queue = p.queue.to_owned();
                }
                self.buffer.insert(at, WatchItem::Event { cursor, event });
            }
            // A stream read cut short may hold events older than another stream's:
            // hand out nothing past the smallest such cut.
            let cut = per_stream
                .iter()
                .filter(|(_, (n, _))| *n >= READ_COUNT)
                .map(|(q, (_, last))| (*last, q.clone()))
                .min();
            behind |= cut.is_some();
            let limit = if all {
                clock.min(self.listed_at)
            } else {
                clock
            };
            let took = Instant::now();
            self.flush(limit, cut.as_ref()).await?;
            behind |= took.elapsed() > Duration::from_millis(50);
        }
    }

    /// Hands out buffered items of milliseconds before `clock` (Redis's), up to
    /// `cut` when a read was cut short.
    async fn flush(&mut self, clock: u64, cut: Option<&(StreamId, String)>) -> Result<()> {
        while let Some(entry) = self.buffer.first_entry() {
            let (id, queue, _) = (&entry.key().0, &entry.key().1, entry.key().2);
            let past = id.ms < clock && cut.is_none_or(|(cid, cq)| (id, queue) <= (cid, cq));
            if !past {
                break;
            }
            let item = entry.remove();
            if self.wanted(&item) && self.tx.send(Ok(item)).await.is_err() {
                return Ok(());
            }
        }
        Ok(())
    }

    fn wanted(&self, item: &WatchItem) -> bool {
        let WatchItem::Event { event, .. } = item else {
            return true;
        };
        let kind_ok =
            self.spec.kinds.is_empty() || event.kind.is_some_and(|k| self.spec.kinds.contains(&k));
        let task_ok = self
            .spec
            .task_id
            .as_deref()
            .is_none_or(|t| t == event.task_id);
        kind_ok && task_ok
    }

    /// Starts following the queues not followed yet.
    async fn add_queues(&mut self, start: &Start, first: bool) -> Result<()> {
        let names = match &self.spec.queue {
            Some(q) => std::sync::Arc::new(vec![q.clone()]),
            None => {
                let (clock, names) = self.hub.queue_names(REFRESH).await?;
                self.listed_at = clock;
                // Deleted queues are no longer followed (their buffered events still
                // go out).
                self.streams.retain(|q, _| names.binary_search(q).is_ok());
                let gone: Vec<String> = self
                    .subscribed
                    .keys()
                    .filter(|q| names.binary_search(q).is_err())
                    .cloned()
                    .collect();
                for q in gone {
                    if let Some(g) = self.subscribed.remove(&q) {
                        self.hub.unsubscribe(&q, g);
                    }
                }
                names
            }
        };
        let mut added = Vec::new();
        for q in names.iter().cloned() {
            if self.streams.contains_key(&q) || self.spec.only.as_ref().is_some_and(|f| !(f.0)(&q))
            {
                continue;
            }
            let key = self.store.events_key(&q);
            let from = match start {
                // Queues that appear after the watch began: all their events are new.
                _ if !first => StreamId::default(),
                Start::Now => Store::stream_bounds(&mut self.conn, &key)
                    .await?
                    .map(|b| b.last)
                    .unwrap_or_default(),
                Start::After(pos) => {
                    self.skip_part(&q, *pos);
                    pos.read_after()
                }
                Start::AfterIn(pos, cq) if cq.is_empty() || q.as_str() < cq.as_str() => pos.id,
                Start::AfterIn(pos, cq) if q == *cq => {
                    self.skip_part(&q, *pos);
                    pos.read_after()
                }
                Start::AfterIn(pos, _) => pos.id.prev(),
            };
            added.push((q.clone(), key.clone(), from));
            self.streams.insert(q.clone(), (key, from));
            if !matches!(start, Start::Now) || !first {
                self.check_gap(&q).await?;
            }
        }
        if !added.is_empty() {
            let generations = self.hub.subscribe(&added).await;
            for ((q, _, _), g) in added.into_iter().zip(generations) {
                self.subscribed.insert(q, g);
            }
        }
        Ok(())
    }

    /// Notes that the events of `pos`'s entry up to its part were handed out.
    fn skip_part(&mut self, q: &str, pos: Pos) {
        if let Some(part) = pos.part {
            self.skip.insert(q.to_owned(), (pos.id, part));
        }
    }

    /// If queue `q`'s stream dropped events after this watcher's position, queues a
    /// gap item and moves the position past them.
    async fn check_gap(&mut self, q: &str) -> Result<()> {
        let Some((key, from)) = self.streams.get(q).cloned() else {
            return Ok(());
        };
        let Some(bounds) = Store::stream_bounds(&mut self.conn, &key).await? else {
            return Ok(());
        };
        // Only the head of a stream is ever trimmed: a position before the oldest
        // entry still held, in a stream that was trimmed, lost what came after it.
        if bounds.trimmed && from < bounds.first.prev() {
            let resume = bounds.first.prev();
            let all = self.spec.queue.is_none();
            let cursor = |id: StreamId| {
                if all {
                    format!("{id}/{}", encode_queue(q))
                } else {
                    id.to_string()
                }
            };
            // Only events not yet read were lost; those read stay in the buffer.
            self.buffer.insert(
                (resume, q.to_owned(), None),
                WatchItem::Gap {
                    queue: Partition::queue_of(q).to_owned(),
                    from: cursor(from),
                    resume: cursor(resume),
                },
            );
            if let Some((_, last)) = self.streams.get_mut(q) {
                *last = resume;
            }
        }
        Ok(())
    }

    /// Sends a snapshot of each watched queue (a partitioned one's partitions
    /// summed).
    async fn stats(&mut self) -> Result<()> {
        use futures::{StreamExt, TryStreamExt};
        let mut queues: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for name in self.streams.keys() {
            queues
                .entry(Partition::queue_of(name).to_owned())
                .or_default()
                .push(name.clone());
        }
        // One read per queue (or partition), 16 in flight: 10,000 queues take a
        // fraction of a second, not a round trip each.
        let read: Vec<Vec<(TaskCounts, u64, u64)>> =
            futures::stream::iter(queues.values().cloned())
                .map(|members| {
                    let store = self.store.clone();
                    async move {
                        let mut out = Vec::with_capacity(members.len());
                        for name in &members {
                            out.push(store.queue_activity(name, now_ms()).await?);
                        }
                        Ok::<_, crate::error::Error>(out)
                    }
                })
                .buffered(16)
                .try_collect()
                .await?;
        for (q, parts) in queues.into_keys().zip(read) {
            let (mut counts, mut started, mut failed) = (TaskCounts::default(), 0, 0);
            for (c, s, f) in parts {
                counts += c;
                (started, failed) = (started + s, failed + f);
            }
            let now = Instant::now();
            let (dispatch_rate, error_rate) = match self.rates.get(&q) {
                Some((s0, f0, t0)) => {
                    let secs = now.duration_since(*t0).as_secs_f64().max(1e-3);
                    (
                        started.saturating_sub(*s0) as f64 / secs,
                        failed.saturating_sub(*f0) as f64 / secs,
                    )
                }
                None => (0.0, 0.0),
            };
            self.rates.insert(q.clone(), (started, failed, now));
            let snap = QueueSnapshot {
                queue: q,
                time_ms: now_ms(),
                counts,
                dispatch_rate,
                error_rate,
            };
            if self.tx.send(Ok(WatchItem::Stats(snap))).await.is_err() {
                return Ok(());
            }
        }
        Ok(())
    }
}
