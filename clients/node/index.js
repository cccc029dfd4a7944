// A client for HTQ, the HTTP task queue, over gRPC (@grpc/grpc-js). The contract is
// loaded from proto/ (a copy of the server's, kept in step by clients/generate);
// its TypeScript types are in generated/.
"use strict";
const crypto = require("crypto");
const path = require("path");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const definition = protoLoader.loadSync(path.join(__dirname, "proto/htq/v1/htq.proto"), {
  includeDirs: [path.join(__dirname, "proto")],
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { HtqService } = grpc.loadPackageDefinition(definition).htq.v1;

function timestamp(date) {
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}

/** A GET of `url`. */
function get(url, headers = []) {
  return { method: "GET", url, headers };
}

/** A POST of `body` (string or Buffer) to `url`. */
function post(url, body = "", headers = []) {
  return { method: "POST", url, headers, data: Buffer.from(body) };
}

/**
 * Callbacks for a push (option `callbacks`) or a queue (its `callbacks` field):
 * POSTs of the task's final outcome to `onSuccess` and `onFailure` (URLs), the
 * latter on cancel too with `onCancel`, as tasks of `queue` (default: the task's).
 */
function callbacks({ onSuccess, onFailure, onCancel = false, queue = "" } = {}) {
  const hook = (url) => (url ? { method: "POST", url, headers: [] } : null);
  return { onSuccess: hook(onSuccess), onFailure: hook(onFailure), onCancel, queue };
}

/** An endpoint of a topic: `name`, `url`, and options `headers`, `maxConcurrency`, `maxDispatchesPerSecond`. */
function endpoint(name, url, options = {}) {
  return { name, url, headers: [], ...options };
}

class HtqClient {
  /** @param {string} address host:port  @param {string} token  @param {{secure?: boolean}} [options] */
  constructor(address, token, options = {}) {
    const creds = options.secure ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    this.raw = new HtqService(address, creds);
    this.metadata = new grpc.Metadata();
    this.metadata.set("authorization", `Bearer ${token}`);
  }

  /** Calls any RPC of the contract by its name (e.g. "PauseQueue"). */
  call(method, request) {
    return new Promise((resolve, reject) => {
      this.raw[method](request, this.metadata, (err, reply) => (err ? reject(err) : resolve(reply)));
    });
  }

  createQueue(queue) {
    return this.call("CreateQueue", { queue });
  }

  /** Pushes a task due now; resolves to its id. `options`: taskId, idempotencyKey, flowKey. */
  async push(queue, request, options = {}) {
    return (await this.call("PushTask", { queue, request, ...options })).taskId;
  }

  /** Pushes a task due at `at` (a Date); resolves to its id. */
  async schedule(queue, request, at, options = {}) {
    return (await this.call("ScheduleTask", { queue, request, scheduleTime: timestamp(at), ...options })).taskId;
  }

  getTask(queue, id) {
    return this.call("GetTask", { queue, id });
  }

  cancel(queue, id) {
    return this.call("CancelTask", { queue, id });
  }

  /**
   * Runs again the dead and retained finished tasks that match every filter given:
   * `state` ("TASK_STATE_DEAD", "TASK_STATE_SUCCEEDED", "TASK_STATE_CANCELLED"),
   * `since` and `until` (Dates), `lastStatus`, `flowKey`, `limit`. Resolves to
   * `{ replayed, more }` (replayed as a string: an int64).
   */
  replay(queue, filter = {}) {
    const { since, until, ...rest } = filter;
    const request = { queue, ...rest };
    if (since) request.since = timestamp(since);
    if (until) request.until = timestamp(until);
    return this.call("ReplayTasks", request);
  }

  /** Creates a topic: `endpoints` (see `endpoint`), `options` its other fields (pauseAfterFailures, retry, ...). */
  createTopic(name, endpoints, options = {}) {
    return this.call("CreateTopic", { topic: { name, endpoints, ...options } });
  }

  /** A topic, with its endpoints' health (`state`, `consecutiveFailures`, ...). */
  getTopic(name) {
    return this.call("GetTopic", { name });
  }

  async listTopics() {
    return (await this.call("ListTopics", {})).topics;
  }

  deleteTopic(name) {
    return this.call("DeleteTopic", { name });
  }

  addEndpoint(topic, endpoint) {
    return this.call("AddEndpoint", { topic, endpoint });
  }

  removeEndpoint(topic, endpoint) {
    return this.call("RemoveEndpoint", { topic, endpoint });
  }

  enableEndpoint(topic, endpoint) {
    return this.call("EnableEndpoint", { topic, endpoint });
  }

  /**
   * Publishes `body` (string or Buffer) to every endpoint of `topic`. `options`:
   * method, headers, delay ({seconds}), idempotencyKey, callbacks. Resolves to
   * `{ messageId, deliveries }`.
   */
  publish(topic, body = "", options = {}) {
    return this.call("Publish", { topic, data: Buffer.from(body), ...options });
  }

  /**
   * The queue's events ("" for every queue), from now or after `cursor`, as an
   * async iterator. Breaking out of the loop ends the watch.
   */
  async *watch(queue = "", cursor = "") {
    const stream = this.raw.WatchQueue({ queue, cursor }, this.metadata);
    try {
      for await (const item of stream) {
        if (item.event) yield item.event;
      }
    } catch (err) {
      if (err.code !== grpc.status.CANCELLED) throw err;
    } finally {
      stream.cancel();
    }
  }

  close() {
    this.raw.close();
  }
}

// Verifying deliveries: the signatures HTQ puts on the requests it delivers
// (Standard Webhooks 1.0): `webhook-id`, `webhook-timestamp` and
// `webhook-signature`, with `v1` (HMAC-SHA256, `whsec_` secrets) and `v1a`
// (Ed25519, `whpk_` public keys). Give every key you accept (during a rotation, the
// old and the new): a request is genuine when one signature in its header verifies
// with one of them.

/** How far, in seconds, a request's timestamp may be from now, either way, by default. */
const DEFAULT_WEBHOOK_TOLERANCE = 300;

/** Why a request did not verify; `code` says which way. */
class WebhookError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "WebhookError";
    this.code = code;
  }
}

// Buffer.from(text, "base64") skips characters outside the alphabet, so a mistyped
// key would decode to some other key instead of failing.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(text) {
  return BASE64.test(text) ? Buffer.from(text, "base64") : null;
}

// Node's IncomingMessage and plain objects are keyed by any case (IncomingMessage
// lower-cases, a hand-made object may not); fetch's Headers and Maps give entries().
function header(headers, name) {
  const entries = typeof headers.entries === "function" ? headers.entries() : Object.entries(headers);
  for (const [key, value] of entries) {
    if (key.toLowerCase() !== name) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first) return first;
  }
  throw new WebhookError("MISSING_HEADER", `missing header ${name}`);
}

class WebhookVerifier {
  /**
   * A verifier accepting signatures by any of `keys` (`whsec_…` secrets and `whpk_…`
   * public keys, in any mix). `options.tolerance`: seconds; 300 when not given.
   * Throws a WebhookError with code "BAD_KEY" on a key it cannot read.
   */
  constructor(keys, options = {}) {
    if (typeof keys === "string") keys = [keys];
    this.secrets = [];
    this.publicKeys = [];
    this.tolerance = options.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE;
    for (const key of keys) {
      // Only the start of the key in the message: the rest may be a secret.
      const bad = new WebhookError("BAD_KEY", `bad key: ${String(key).slice(0, 6)}…`);
      if (typeof key !== "string") throw bad;
      if (key.startsWith("whsec_")) {
        const raw = decodeBase64(key.slice("whsec_".length));
        // An empty secret would accept anyone's signature.
        if (!raw || raw.length === 0) throw bad;
        this.secrets.push(raw);
      } else if (key.startsWith("whpk_")) {
        const raw = decodeBase64(key.slice("whpk_".length));
        if (!raw || raw.length !== 32) throw bad;
        try {
          const jwk = { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") };
          this.publicKeys.push(crypto.createPublicKey({ key: jwk, format: "jwk" }));
        } catch {
          throw bad;
        }
      } else {
        throw bad;
      }
    }
  }

  /**
   * Verifies a request from its headers (IncomingMessage's `headers`, a fetch
   * Headers, a Map or an object; names in any case) and its body exactly as received,
   * at `now` (Unix seconds; the clock when not given). Returns when it is genuine,
   * throws a WebhookError otherwise.
   */
  verify(headers, body, now) {
    this.verifyParts(
      header(headers, "webhook-id"),
      header(headers, "webhook-timestamp"),
      header(headers, "webhook-signature"),
      body,
      now,
    );
  }

  /** `verify` from the values of `webhook-id`, `webhook-timestamp` and `webhook-signature`. */
  verifyParts(id, timestamp, signatures, body, now) {
    if (!id) throw new WebhookError("MISSING_HEADER", "missing header webhook-id");
    timestamp = String(timestamp).trim();
    const ts = Number(timestamp);
    if (!/^[+-]?[0-9]+$/.test(timestamp) || !Number.isSafeInteger(ts)) {
      throw new WebhookError("BAD_TIMESTAMP", "bad webhook-timestamp");
    }
    // Whole seconds, as the timestamp is: a clock at .9 past is not a second on.
    const current = Math.trunc(now ?? Date.now() / 1000);
    if (Math.abs(current - ts) > this.tolerance) {
      throw new WebhookError("STALE_TIMESTAMP", "timestamp outside the tolerance");
    }
    const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(body)]);
    for (const entry of String(signatures).split(/\s+/)) {
      const comma = entry.indexOf(",");
      if (comma < 0) continue;
      const version = entry.slice(0, comma);
      const raw = decodeBase64(entry.slice(comma + 1));
      if (!raw) continue;
      if (version === "v1") {
        for (const secret of this.secrets) {
          const expected = crypto.createHmac("sha256", secret).update(signed).digest();
          if (expected.length === raw.length && crypto.timingSafeEqual(expected, raw)) return;
        }
      } else if (version === "v1a" && raw.length === 64) {
        for (const key of this.publicKeys) {
          if (crypto.verify(null, signed, key, raw)) return;
        }
      }
    }
    throw new WebhookError("NO_MATCH", "no signature matches");
  }
}

module.exports = {
  HtqClient,
  get,
  post,
  callbacks,
  endpoint,
  status: grpc.status,
  WebhookVerifier,
  WebhookError,
  DEFAULT_WEBHOOK_TOLERANCE,
};
