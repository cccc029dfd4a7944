// Original file: proto/htq/v1/htq.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { CountTasksResponse as _htq_v1_CountTasksResponse, CountTasksResponse__Output as _htq_v1_CountTasksResponse__Output } from '../../htq/v1/CountTasksResponse';

export interface QueueStats {
  'queue'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'counts'?: (_htq_v1_CountTasksResponse | null);
  'dispatchRate'?: (number | string);
  'errorRate'?: (number | string);
}

export interface QueueStats__Output {
  'queue': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'counts': (_htq_v1_CountTasksResponse__Output | null);
  'dispatchRate': (number);
  'errorRate': (number);
}
