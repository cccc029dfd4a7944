// Original file: proto/htq/v1/htq.proto

import type { TaskState as _htq_v1_TaskState, TaskState__Output as _htq_v1_TaskState__Output } from '../../htq/v1/TaskState';

export interface ListTasksRequest {
  'queue'?: (string);
  'state'?: (_htq_v1_TaskState);
  'pageSize'?: (number);
  'pageToken'?: (string);
  'urlContains'?: (string);
  'flowKey'?: (string);
}

export interface ListTasksRequest__Output {
  'queue': (string);
  'state': (_htq_v1_TaskState__Output);
  'pageSize': (number);
  'pageToken': (string);
  'urlContains': (string);
  'flowKey': (string);
}
