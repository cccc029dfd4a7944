// Original file: proto/htq/v1/htq.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface DeadLetterPolicy {
  'maxTasks'?: (number);
  'maxAge'?: (_google_protobuf_Duration | null);
}

export interface DeadLetterPolicy__Output {
  'maxTasks': (number);
  'maxAge': (_google_protobuf_Duration__Output | null);
}
