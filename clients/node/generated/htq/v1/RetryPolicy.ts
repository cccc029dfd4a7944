// Original file: proto/htq/v1/htq.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface RetryPolicy {
  'maxAttempts'?: (number);
  'minBackoff'?: (_google_protobuf_Duration | null);
  'maxBackoff'?: (_google_protobuf_Duration | null);
  'maxDoublings'?: (number);
}

export interface RetryPolicy__Output {
  'maxAttempts': (number);
  'minBackoff': (_google_protobuf_Duration__Output | null);
  'maxBackoff': (_google_protobuf_Duration__Output | null);
  'maxDoublings': (number);
}
