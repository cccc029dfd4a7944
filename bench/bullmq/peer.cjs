// The peer side of HTQ's benchmark: BullMQ on the same Redis and the same HTTP sink.
// Its worker performs the same HTTP request HTQ would. Prints one JSON line.
//
//   node peer.cjs enqueue-bulk  <jobs> <batch> <callers>
//   node peer.cjs enqueue-single <jobs> <callers>
//   node peer.cjs drain   <jobs> <concurrency> <sink-url>
//   node peer.cjs latency <rate/s> <seconds> <sink-url>
//   node peer.cjs push-deliver <jobs> <queues> <concurrency> <callers> <sink-url>
//
// REDIS_URL names the Redis (redis://127.0.0.1:PORT). bullmq comes from NODE_PATH.
'use strict';
const http = require('node:http');
const { Queue, Worker } = require('bullmq');

// The worker's HTTP client: node's own, with kept-alive connections (global fetch
// costs several times the CPU per request and would make BullMQ look slower than it is).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
function get(target) {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode >= 200 && res.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const url = new URL(process.env.REDIS_URL);
const connection = { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
const [mode, ...args] = process.argv.slice(2);
const name = `bench-${mode}-${process.pid}`;
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms, monotonic
const wallUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000); // µs since the epoch

async function enqueueBulk(jobs, batch, callers) {
  const q = new Queue(name, { connection });
  await q.waitUntilReady();
  let next = 0;
  const t0 = now();
  await Promise.all(Array.from({ length: callers }, async () => {
    for (;;) {
      const start = next;
      if (start >= jobs) return;
      next += batch;
      const n = Math.min(batch, jobs - start);
      await q.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'http', data: { url: `http://127.0.0.1:9/x?i=${start + i}` } })));
    }
  }));
  const secs = (now() - t0) / 1000;
  await q.obliterate({ force: true });
  await q.close();
  return { jobs, seconds: secs, per_second: jobs / secs };
}

async function enqueueSingle(jobs, callers) {
  const q = new Queue(name, { connection });
  await q.waitUntilReady();
  let next = 0;
  const t0 = now();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (next < jobs) {
      const i = next++;
      await q.add('http', { url: `http://127.0.0.1:9/x?i=${i}` });
    }
  }));
  const secs = (now() - t0) / 1000;
  await q.obliterate({ force: true });
  await q.close();
  return { jobs, seconds: secs, per_second: jobs / secs };
}

let failures = 0;
let firstFailure = null;

// A job's request; every job counts once, failed or not, so a run always ends.
function worker(concurrency, onDone) {
  return new Worker(name, async (job) => {
    const target = job.data.tagged ? `${job.data.url}&t=${job.data.t}` : job.data.url;
    try {
      await get(target);
    } catch (e) {
      failures += 1;
      firstFailure = firstFailure || String(e && e.cause ? e.cause : e);
    } finally {
      onDone();
    }
  }, { connection, concurrency, removeOnComplete: { count: 0 }, removeOnFail: { count: 0 } });
}

async function drain(jobs, concurrency, sink) {
  const q = new Queue(name, { connection });
  await q.waitUntilReady();
  let done = 0;
  let finished;
  const all = new Promise((r) => { finished = r; });
  const w = worker(concurrency, () => { if (++done === jobs) finished(); });
  await w.waitUntilReady();
  const t0 = now();
  for (let start = 0; start < jobs; start += 500) {
    const n = Math.min(500, jobs - start);
    await q.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'http', data: { url: `${sink}/drain?i=${start + i}` }, opts: { removeOnComplete: true } })));
  }
  await all;
  const secs = (now() - t0) / 1000;
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  return { jobs, seconds: secs, per_second: jobs / secs };
}

async function latency(rate, seconds, sink) {
  const q = new Queue(name, { connection });
  await q.waitUntilReady();
  const total = Math.round(rate * seconds);
  let done = 0;
  let finished;
  const all = new Promise((r) => { finished = r; });
  const w = worker(64, () => { if (++done === total) finished(); });
  await w.waitUntilReady();
  const t0 = now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    q.add('http', { url: `${sink}/lat?i=${i}`, tagged: true, t: wallUs() }, { removeOnComplete: true });
  }
  await all;
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  return { jobs: total };
}

// Jobs added one per call by concurrent callers (round robin over the queues) while
// a Worker per queue, with the given concurrency, performs them; timed from the
// first add until every job is done. The callers run in a child process, as an
// application's producers would, so the workers have an event loop of their own.
// Reports the CPU time of both processes (producer and workers) over the same window.
async function pushDeliver(jobs, queues, concurrency, callers, sink) {
  const names = Array.from({ length: queues }, (_, i) => `${name}-${i}`);
  let done = 0;
  let finished;
  const all = new Promise((r) => { finished = r; });
  const ws = names.map((n) => new Worker(n, async (job) => {
    try {
      await get(job.data.url);
    } catch (e) {
      failures += 1;
      firstFailure = firstFailure || String(e && e.cause ? e.cause : e);
    } finally {
      if (++done === jobs) finished();
    }
  }, { connection, concurrency, removeOnComplete: { count: 0 }, removeOnFail: { count: 0 } }));
  await Promise.all(ws.map((w) => w.waitUntilReady()));
  const producer = require('node:child_process').fork(__filename, ['produce', jobs, queues, callers, sink, name]);
  const message = (kind) => new Promise((resolve, reject) => {
    producer.once('message', (m) => (m.kind === kind ? resolve(m) : reject(new Error(`producer sent ${m.kind}`))));
    producer.once('exit', (code) => reject(new Error(`producer exited with ${code}`)));
  });
  await message('ready');
  const cpu0 = process.cpuUsage();
  const t0 = now();
  producer.send({ kind: 'go' });
  const added = await message('added');
  await all;
  const secs = (now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  producer.send({ kind: 'exit' });
  await Promise.all(ws.map((w) => w.close()));
  for (const n of names) {
    const q = new Queue(n, { connection });
    await q.obliterate({ force: true });
    await q.close();
  }
  return { jobs, seconds: secs, per_second: jobs / secs, cpu_us: cpu.user + cpu.system + added.cpu_us };
}

// The producer side of push-deliver: `callers` concurrent loops, each adding one job
// per call; started by the parent's 'go', reports its CPU time when every add returned.
async function produce(jobs, queues, callers, sink, base) {
  const qs = Array.from({ length: queues }, (_, i) => new Queue(`${base}-${i}`, { connection }));
  await Promise.all(qs.map((q) => q.waitUntilReady()));
  const go = new Promise((r) => process.once('message', r));
  process.send({ kind: 'ready' });
  await go;
  const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: callers }, async () => {
    while (next < jobs) {
      const i = next++;
      await qs[i % queues].add('http', { url: `${sink}/h?i=${i}` }, { removeOnComplete: true });
    }
  }));
  const cpu = process.cpuUsage(cpu0);
  process.send({ kind: 'added', cpu_us: cpu.user + cpu.system });
  await new Promise((r) => process.once('message', r));
  await Promise.all(qs.map((q) => q.close()));
  process.exit(0);
}

(async () => {
  let out;
  const n = args.map((a) => (isNaN(Number(a)) ? a : Number(a)));
  switch (mode) {
    case 'enqueue-bulk': out = await enqueueBulk(n[0], n[1], n[2]); break;
    case 'enqueue-single': out = await enqueueSingle(n[0], n[1]); break;
    case 'drain': out = await drain(n[0], n[1], n[2]); break;
    case 'latency': out = await latency(n[0], n[1], n[2]); break;
    case 'push-deliver': out = await pushDeliver(n[0], n[1], n[2], n[3], n[4]); break;
    case 'produce': await produce(n[0], n[1], n[2], n[3], n[4]); return;
    default: throw new Error(`unknown mode ${mode}`);
  }
  out.bullmq = require('bullmq/package.json').version;
  out.failures = failures;
  if (firstFailure) out.first_failure = firstFailure;
  console.log(JSON.stringify(out));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
