// Original file: proto/htq/v1/htq.proto

import type { Task as _htq_v1_Task, Task__Output as _htq_v1_Task__Output } from '../../htq/v1/Task';

export interface ListTasksResponse {
  'tasks'?: (_htq_v1_Task)[];
  'nextPageToken'?: (string);
}

export interface ListTasksResponse__Output {
  'tasks': (_htq_v1_Task__Output)[];
  'nextPageToken': (string);
}
