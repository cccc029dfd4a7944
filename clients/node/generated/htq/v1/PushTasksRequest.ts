// Original file: proto/htq/v1/htq.proto

import type { TaskEntry as _htq_v1_TaskEntry, TaskEntry__Output as _htq_v1_TaskEntry__Output } from '../../htq/v1/TaskEntry';

export interface PushTasksRequest {
  'queue'?: (string);
  'tasks'?: (_htq_v1_TaskEntry)[];
}

export interface PushTasksRequest__Output {
  'queue': (string);
  'tasks': (_htq_v1_TaskEntry__Output)[];
}
