// Original file: proto/htq/v1/htq.proto

import type { EventKind as _htq_v1_EventKind, EventKind__Output as _htq_v1_EventKind__Output } from '../../htq/v1/EventKind';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface WatchQueueRequest {
  'queue'?: (string);
  'cursor'?: (string);
  'kinds'?: (_htq_v1_EventKind)[];
  'taskId'?: (string);
  'statsInterval'?: (_google_protobuf_Duration | null);
}

export interface WatchQueueRequest__Output {
  'queue': (string);
  'cursor': (string);
  'kinds': (_htq_v1_EventKind__Output)[];
  'taskId': (string);
  'statsInterval': (_google_protobuf_Duration__Output | null);
}
