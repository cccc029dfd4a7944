// Original file: proto/htq/v1/htq.proto

import type { EventKind as _htq_v1_EventKind, EventKind__Output as _htq_v1_EventKind__Output } from '../../htq/v1/EventKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface QueueEvent {
  'cursor'?: (string);
  'queue'?: (string);
  'kind'?: (_htq_v1_EventKind);
  'taskId'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'attempt'?: (number);
  'status'?: (number);
  'error'?: (string);
  'scheduleTime'?: (_google_protobuf_Timestamp | null);
  'reason'?: (string);
  'count'?: (number | string | Long);
}

export interface QueueEvent__Output {
  'cursor': (string);
  'queue': (string);
  'kind': (_htq_v1_EventKind__Output);
  'taskId': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'attempt': (number);
  'status': (number);
  'error': (string);
  'scheduleTime': (_google_protobuf_Timestamp__Output | null);
  'reason': (string);
  'count': (string);
}
