// Original file: proto/htq/v1/htq.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { CapturedResponse as _htq_v1_CapturedResponse, CapturedResponse__Output as _htq_v1_CapturedResponse__Output } from '../../htq/v1/CapturedResponse';

export interface Attempt {
  'startTime'?: (_google_protobuf_Timestamp | null);
  'latency'?: (_google_protobuf_Duration | null);
  'status'?: (number);
  'error'?: (string);
  'reply'?: (string);
  'response'?: (_htq_v1_CapturedResponse | null);
}

export interface Attempt__Output {
  'startTime': (_google_protobuf_Timestamp__Output | null);
  'latency': (_google_protobuf_Duration__Output | null);
  'status': (number);
  'error': (string);
  'reply': (string);
  'response': (_htq_v1_CapturedResponse__Output | null);
}
