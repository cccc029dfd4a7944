// Original file: proto/htq/v1/htq.proto

import type { HttpRequest as _htq_v1_HttpRequest, HttpRequest__Output as _htq_v1_HttpRequest__Output } from '../../htq/v1/HttpRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { TaskState as _htq_v1_TaskState, TaskState__Output as _htq_v1_TaskState__Output } from '../../htq/v1/TaskState';
import type { Attempt as _htq_v1_Attempt, Attempt__Output as _htq_v1_Attempt__Output } from '../../htq/v1/Attempt';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from '../../htq/v1/Callbacks';

export interface Task {
  'id'?: (string);
  'queue'?: (string);
  'request'?: (_htq_v1_HttpRequest | null);
  'scheduleTime'?: (_google_protobuf_Timestamp | null);
  'state'?: (_htq_v1_TaskState);
  'attempts'?: (number);
  'lastStatus'?: (number);
  'lastError'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'lastAttemptTime'?: (_google_protobuf_Timestamp | null);
  'runCount'?: (number);
  'flowKey'?: (string);
  'history'?: (_htq_v1_Attempt)[];
  'finishTime'?: (_google_protobuf_Timestamp | null);
  'callbacks'?: (_htq_v1_Callbacks | null);
}

export interface Task__Output {
  'id': (string);
  'queue': (string);
  'request': (_htq_v1_HttpRequest__Output | null);
  'scheduleTime': (_google_protobuf_Timestamp__Output | null);
  'state': (_htq_v1_TaskState__Output);
  'attempts': (number);
  'lastStatus': (number);
  'lastError': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'lastAttemptTime': (_google_protobuf_Timestamp__Output | null);
  'runCount': (number);
  'flowKey': (string);
  'history': (_htq_v1_Attempt__Output)[];
  'finishTime': (_google_protobuf_Timestamp__Output | null);
  'callbacks': (_htq_v1_Callbacks__Output | null);
}
