// Original file: proto/htq/v1/htq.proto

import type { HttpRequest as _htq_v1_HttpRequest, HttpRequest__Output as _htq_v1_HttpRequest__Output } from '../../htq/v1/HttpRequest';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from '../../htq/v1/Callbacks';

export interface PushTaskRequest {
  'queue'?: (string);
  'request'?: (_htq_v1_HttpRequest | null);
  'taskId'?: (string);
  'idempotencyKey'?: (string);
  'flowKey'?: (string);
  'callbacks'?: (_htq_v1_Callbacks | null);
}

export interface PushTaskRequest__Output {
  'queue': (string);
  'request': (_htq_v1_HttpRequest__Output | null);
  'taskId': (string);
  'idempotencyKey': (string);
  'flowKey': (string);
  'callbacks': (_htq_v1_Callbacks__Output | null);
}
