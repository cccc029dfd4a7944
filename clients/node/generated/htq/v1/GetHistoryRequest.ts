// Original file: proto/htq/v1/htq.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface GetHistoryRequest {
  'queue'?: (string);
  'window'?: (_google_protobuf_Duration | null);
}

export interface GetHistoryRequest__Output {
  'queue': (string);
  'window': (_google_protobuf_Duration__Output | null);
}
