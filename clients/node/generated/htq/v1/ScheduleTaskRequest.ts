// Original file: proto/htq/v1/htq.proto

import type { HttpRequest as _htq_v1_HttpRequest, HttpRequest__Output as _htq_v1_HttpRequest__Output } from '../../htq/v1/HttpRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from '../../htq/v1/Callbacks';

export interface ScheduleTaskRequest {
  'queue'?: (string);
  'request'?: (_htq_v1_HttpRequest | null);
  'scheduleTime'?: (_google_protobuf_Timestamp | null);
  'delay'?: (_google_protobuf_Duration | null);
  'taskId'?: (string);
  'idempotencyKey'?: (string);
  'flowKey'?: (string);
  'callbacks'?: (_htq_v1_Callbacks | null);
  'when'?: "scheduleTime"|"delay";
}

export interface ScheduleTaskRequest__Output {
  'queue': (string);
  'request': (_htq_v1_HttpRequest__Output | null);
  'scheduleTime'?: (_google_protobuf_Timestamp__Output | null);
  'delay'?: (_google_protobuf_Duration__Output | null);
  'taskId': (string);
  'idempotencyKey': (string);
  'flowKey': (string);
  'callbacks': (_htq_v1_Callbacks__Output | null);
  'when'?: "scheduleTime"|"delay";
}
