// A client for HTQ, the HTTP task queue, over gRPC (@grpc/grpc-js). The contract is
// loaded from proto/ (a copy of the server's, kept in step by clients/generate);
// its TypeScript types are in generated/.
"use strict";
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

module.exports = { HtqClient, get, post, status: grpc.status };
