// Original file: proto/htq/v1/htq.proto

import type { Endpoint as _htq_v1_Endpoint, Endpoint__Output as _htq_v1_Endpoint__Output } from '../../htq/v1/Endpoint';
import type { RetryPolicy as _htq_v1_RetryPolicy, RetryPolicy__Output as _htq_v1_RetryPolicy__Output } from '../../htq/v1/RetryPolicy';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface Topic {
  'name'?: (string);
  'endpoints'?: (_htq_v1_Endpoint)[];
  'pauseAfterFailures'?: (number);
  'retry'?: (_htq_v1_RetryPolicy | null);
  'requestTimeout'?: (_google_protobuf_Duration | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Topic__Output {
  'name': (string);
  'endpoints': (_htq_v1_Endpoint__Output)[];
  'pauseAfterFailures': (number);
  'retry': (_htq_v1_RetryPolicy__Output | null);
  'requestTimeout': (_google_protobuf_Duration__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
