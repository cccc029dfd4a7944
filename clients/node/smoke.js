// Smoke test against a live HTQ: node smoke.js HOST:PORT TOKEN SINK_URL
"use strict";
const assert = require("assert");
const { HtqClient, get, post, callbacks, endpoint, status } = require("./index.js");

async function main() {
  const [address, token, sink] = process.argv.slice(2);
  const htq = new HtqClient(address, token);
  await htq.createQueue({ name: "node", maxConcurrency: 2 });
  const events = htq.watch("node")[Symbol.asyncIterator]();
  const first = events.next();
  await new Promise((r) => setTimeout(r, 300));
  const pushed = await htq.push("node", post(sink + "?from=node", "hello"));
  const later = await htq.schedule("node", post(sink, ""), new Date(Date.now() + 3600e3));
  assert.strictEqual((await htq.getTask("node", later)).state, "TASK_STATE_SCHEDULED");
  await htq.cancel("node", later);
  await assert.rejects(htq.getTask("node", later), (e) => e.code === status.NOT_FOUND);
  const seen = [(await first).value];
  while (seen.filter((e) => e.taskId === pushed).length < 3 || seen.filter((e) => e.taskId === later).length < 2) {
    seen.push((await events.next()).value);
  }
  const kinds = (id) => seen.filter((e) => e.taskId === id).map((e) => e.kind);
  assert.deepStrictEqual(kinds(pushed), ["EVENT_KIND_PUSHED", "EVENT_KIND_STARTED", "EVENT_KIND_SUCCEEDED"]);
  assert.deepStrictEqual(kinds(later), ["EVENT_KIND_SCHEDULED", "EVENT_KIND_CANCELLED"]);
  await events.return();
  // Replay: a task that died on a 503 runs again (the caller counts the calls).
  await htq.createQueue({ name: "node-replay", retry: { maxAttempts: 1 } });
  const dead = await htq.push("node-replay", get(sink + "-fail"));
  const deadline = Date.now() + 10000;
  while ((await htq.getTask("node-replay", dead)).state !== "TASK_STATE_DEAD") {
    assert.ok(Date.now() < deadline, "the task never died");
    await new Promise((r) => setTimeout(r, 50));
  }
  const replayed = await htq.replay("node-replay", { state: "TASK_STATE_DEAD", lastStatus: 503 });
  assert.deepStrictEqual([replayed.replayed, replayed.more], ["1", false]);
  assert.strictEqual((await htq.replay("node-replay", { lastStatus: 500 })).replayed, "0");
  // A topic of two endpoints: one message reaches both (the caller checks).
  const topic = await htq.createTopic("node-topic", [endpoint("one", sink + "-t1"), endpoint("two", sink + "-t2")],
    { pauseAfterFailures: 5 });
  assert.deepStrictEqual(topic.endpoints.map((e) => e.state), ["ENDPOINT_STATE_ENABLED", "ENDPOINT_STATE_ENABLED"]);
  const published = await htq.publish("node-topic", "fan-out");
  assert.deepStrictEqual(published.deliveries.map((d) => [d.endpoint, d.taskId]),
    [["one", published.messageId], ["two", published.messageId]]);
  await htq.addEndpoint("node-topic", endpoint("three", sink + "-t3"));
  assert.strictEqual((await htq.getTopic("node-topic")).endpoints.length, 3);
  await htq.removeEndpoint("node-topic", "three");
  assert.deepStrictEqual((await htq.listTopics()).map((t) => t.name), ["node-topic"]);
  // Callbacks: the success of a task is POSTed to the caller's sink.
  const called = await htq.push("node", get(sink + "-job"), { callbacks: callbacks({ onSuccess: sink + "-cb" }) });
  console.log("callback task " + called);
  const bad = new HtqClient(address, "wrong");
  await assert.rejects(bad.createQueue({ name: "nope" }), (e) => e.code === status.UNAUTHENTICATED);
  bad.close();
  htq.close();
  console.log("ok: node client");
}

setTimeout(() => { console.error("timed out"); process.exit(1); }, 60000).unref();
main().catch((e) => { console.error(e); process.exit(1); });
