// Original file: proto/htq/v1/htq.proto

import type { TaskState as _htq_v1_TaskState, TaskState__Output as _htq_v1_TaskState__Output } from '../../htq/v1/TaskState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface ReplayTasksRequest {
  'queue'?: (string);
  'state'?: (_htq_v1_TaskState);
  'since'?: (_google_protobuf_Timestamp | null);
  'until'?: (_google_protobuf_Timestamp | null);
  'lastStatus'?: (number);
  'flowKey'?: (string);
  'limit'?: (number);
}

export interface ReplayTasksRequest__Output {
  'queue': (string);
  'state': (_htq_v1_TaskState__Output);
  'since': (_google_protobuf_Timestamp__Output | null);
  'until': (_google_protobuf_Timestamp__Output | null);
  'lastStatus': (number);
  'flowKey': (string);
  'limit': (number);
}
