// Types of the HTQ client. Message types are generated from the contract
// (generated/, by clients/generate).
import type { ServiceError, status as Status } from "@grpc/grpc-js";
import type { HttpRequest } from "./generated/htq/v1/HttpRequest";
import type { Queue, Queue__Output } from "./generated/htq/v1/Queue";
import type { Task__Output } from "./generated/htq/v1/Task";
import type { QueueEvent__Output } from "./generated/htq/v1/QueueEvent";
import type { ReplayTasksResponse__Output } from "./generated/htq/v1/ReplayTasksResponse";
import type { Callbacks } from "./generated/htq/v1/Callbacks";
import type { Endpoint } from "./generated/htq/v1/Endpoint";
import type { Topic, Topic__Output } from "./generated/htq/v1/Topic";
import type { PublishResponse__Output } from "./generated/htq/v1/PublishResponse";

export type { ServiceError, HttpRequest, Queue, Task__Output as Task, QueueEvent__Output as QueueEvent, Callbacks, Endpoint, Topic };
export declare const status: typeof Status;

export interface ReplayFilter {
  state?: "TASK_STATE_DEAD" | "TASK_STATE_SUCCEEDED" | "TASK_STATE_CANCELLED";
  since?: Date;
  until?: Date;
  lastStatus?: number;
  flowKey?: string;
  limit?: number;
}

export interface PushOptions {
  taskId?: string;
  idempotencyKey?: string;
  flowKey?: string;
  callbacks?: Callbacks;
}

export interface PublishOptions {
  method?: string;
  headers?: { name: string; value: string }[];
  delay?: { seconds: number | string; nanos?: number };
  idempotencyKey?: string;
  callbacks?: Callbacks;
}

export declare function callbacks(hooks: { onSuccess?: string; onFailure?: string; onCancel?: boolean; queue?: string }): Callbacks;
export declare function endpoint(name: string, url: string, options?: Partial<Endpoint>): Endpoint;

export declare function get(url: string, headers?: { name: string; value: string }[]): HttpRequest;
export declare function post(url: string, body?: string | Buffer, headers?: { name: string; value: string }[]): HttpRequest;

/** Rejects with a ServiceError (`err.code` is the gRPC status) on a server error. */
export declare class HtqClient {
  constructor(address: string, token: string, options?: { secure?: boolean });
  call(method: string, request: object): Promise<any>;
  createQueue(queue: Queue): Promise<Queue__Output>;
  push(queue: string, request: HttpRequest, options?: PushOptions): Promise<string>;
  schedule(queue: string, request: HttpRequest, at: Date, options?: PushOptions): Promise<string>;
  getTask(queue: string, id: string): Promise<Task__Output>;
  cancel(queue: string, id: string): Promise<Task__Output>;
  replay(queue: string, filter?: ReplayFilter): Promise<ReplayTasksResponse__Output>;
  createTopic(name: string, endpoints: Endpoint[], options?: Partial<Topic>): Promise<Topic__Output>;
  getTopic(name: string): Promise<Topic__Output>;
  listTopics(): Promise<Topic__Output[]>;
  deleteTopic(name: string): Promise<object>;
  addEndpoint(topic: string, endpoint: Endpoint): Promise<Topic__Output>;
  removeEndpoint(topic: string, endpoint: string): Promise<Topic__Output>;
  enableEndpoint(topic: string, endpoint: string): Promise<Topic__Output>;
  publish(topic: string, body?: string | Buffer, options?: PublishOptions): Promise<PublishResponse__Output>;
  watch(queue?: string, cursor?: string): AsyncIterable<QueueEvent__Output>;
  close(): void;
}

/** How far, in seconds, a request's timestamp may be from now, either way, by default (300). */
export declare const DEFAULT_WEBHOOK_TOLERANCE: number;

export type WebhookErrorCode = "BAD_KEY" | "MISSING_HEADER" | "BAD_TIMESTAMP" | "STALE_TIMESTAMP" | "NO_MATCH";

/** Why a request did not verify. */
export declare class WebhookError extends Error {
  readonly code: WebhookErrorCode;
}

/** Request headers: IncomingMessage's `headers`, a fetch `Headers`, a Map or an object; names in any case. */
export type WebhookHeaders =
  | Record<string, string | string[] | undefined>
  | { entries(): Iterable<[string, string]> };

/**
 * Verifies the Standard Webhooks signatures HTQ puts on the requests it delivers.
 * Give every key you accept (`whsec_…` secrets, `whpk_…` public keys): a request is
 * genuine when one of its signatures verifies with one of them.
 */
export declare class WebhookVerifier {
  /** Throws a WebhookError ("BAD_KEY") on a key it cannot read. `tolerance` is in seconds. */
  constructor(keys: Iterable<string>, options?: { tolerance?: number });
  readonly tolerance: number;
  /** Returns when the request is genuine; throws a WebhookError otherwise. `now`: Unix seconds. */
  verify(headers: WebhookHeaders, body: Buffer | Uint8Array | string, now?: number): void;
  verifyParts(id: string, timestamp: string, signatures: string, body: Buffer | Uint8Array | string, now?: number): void;
}
