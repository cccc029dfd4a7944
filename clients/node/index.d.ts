// Types of the HTQ client. Message types are generated from the contract
// (generated/, by clients/generate).
import type { ServiceError, status as Status } from "@grpc/grpc-js";
import type { HttpRequest } from "./generated/htq/v1/HttpRequest";
import type { Queue, Queue__Output } from "./generated/htq/v1/Queue";
import type { Task__Output } from "./generated/htq/v1/Task";
import type { QueueEvent__Output } from "./generated/htq/v1/QueueEvent";

export type { ServiceError, HttpRequest, Queue, Task__Output as Task, QueueEvent__Output as QueueEvent };
export declare const status: typeof Status;

export interface PushOptions {
  taskId?: string;
  idempotencyKey?: string;
  flowKey?: string;
}

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
  watch(queue?: string, cursor?: string): AsyncIterable<QueueEvent__Output>;
  close(): void;
}
