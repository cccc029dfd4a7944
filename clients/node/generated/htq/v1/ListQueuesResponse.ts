// Original file: proto/htq/v1/htq.proto

import type { Queue as _htq_v1_Queue, Queue__Output as _htq_v1_Queue__Output } from '../../htq/v1/Queue';

export interface ListQueuesResponse {
  'queues'?: (_htq_v1_Queue)[];
  'nextPageToken'?: (string);
}

export interface ListQueuesResponse__Output {
  'queues': (_htq_v1_Queue__Output)[];
  'nextPageToken': (string);
}
